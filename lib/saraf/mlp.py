"""Jaringan saraf tiruan (JST) terhubung penuh, ditulis hanya dengan NumPy (pelajaran 08–10).

Susunannya mengikuti ``network.py`` dari buku Michael Nielsen, *Neural Networks and Deep
Learning* (http://neuralnetworksanddeeplearning.com): nama metodenya sama (``feedforward``,
``sgd``, ``update_mini_batch``, ``backprop``, ``evaluate``), begitu pula notasinya:
``weights[l][j, k]`` adalah w_jk, bobot dari neuron ke-k lapisan sebelumnya ke neuron ke-j;
z = w·a + b adalah jumlah berbobot, a = σ(z) aktivasinya, δ = ∂C/∂z galat (*error*) neuron.

Bedanya: contoh ditulis sebagai **baris** (seperti Keras), bukan kolom. Mini-batch berisi m
contoh adalah matriks ``(m, 784)`` dengan label angka ``(m,)``; ``backprop`` bekerja pada
seluruh mini-batch sekaligus (bentuk matriks, seperti ``backprop_batch`` di pelajaran 09), dan
satu contoh adalah mini-batch berisi satu contoh. Bobot disimpan sebagai ``.npz`` biasa,
tidak pernah dengan ``pickle``.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from saraf import netfile, resources
from saraf.formatting import progress_bar
from saraf.ops import sigmoid  # satu sigmoid untuk seluruh saraf (stabil secara numerik)
from saraf.validation import (as_array, as_bool, as_choice, as_int, as_labels, as_real,
                              error, is_int)

__all__ = ["Network", "sigmoid", "sigmoid_prime", "pretrained", "PRETRAINED_PATH", "PRETRAINED"]

#: Cara memberi nilai awal bobot dan fungsi biaya yang dikenal ``Network``.
INITS = ("normal", "lecun")
#: Nama lama yang masih diterima (juga di ``.npz`` lama): awal LeCun dulu disebut ``"xavier"``.
INIT_ALIASES = {"xavier": "lecun"}
COSTS = ("quadratic", "cross_entropy")
#: Jaringan 784-30-10 yang sudah dilatih (dibuat ulang dengan ``python assets/train_mlp.py``).
PRETRAINED_PATH = resources.asset("mlp_784_30_10.npz")
#: Semua jaringan siap pakai untuk ``pretrained``: arsitektur → berkas di ``assets/``.
PRETRAINED = {"784-30-10": PRETRAINED_PATH.name, "784-16-16-10": "mlp_784_16_16_10.npz"}


def sigmoid_prime(z):
    """Turunan sigmoid: σ'(z) = σ(z)·(1 − σ(z))."""
    s = sigmoid(z)
    return s * (1 - s)


class Network:
    """Jaringan saraf tiruan terhubung penuh dengan fungsi aktivasi sigmoid.

    Parameter
    ---------
    sizes : banyak neuron per lapisan, dari lapisan masukan ke lapisan keluaran.
        ``[784, 30, 10]`` adalah jaringan di buku Nielsen; ``[784, 16, 16, 10]`` punya dua
        lapisan tersembunyi.
    seed : bilangan bulat ≥ 0 atau ``None``. Seed yang sama memberi bobot awal dan urutan
        pengacakan data yang sama, jadi pelatihannya dapat diulang persis.
    init : ``"normal"``: setiap bobot dan bias dari N(0, 1) (Nielsen bab 1). ``"lecun"``:
        bobot dari N(0, 1/n_masuk) (awal terskala LeCun, Nielsen bab 3), bias tetap dari
        N(0, 1). Bilangan acaknya sama; ``"lecun"`` hanya membagi setiap bobot dengan √n_masuk.
        ``"xavier"`` adalah nama lama untuk ``"lecun"``: masih diterima, dan ``init`` lalu
        bernilai ``"lecun"``. (Awal Xavier/Glorot yang sebenarnya memakai ragam
        2/(n_masuk + n_keluar); ``Network`` tidak menyediakannya.)
    cost : ``"quadratic"``: C = ½‖y − a‖² per contoh (Nielsen bab 1–2). ``"cross_entropy"``:
        C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)] per contoh (Nielsen bab 3). Fungsi biaya
        adalah rata-ratanya atas semua contoh.
    """

    def __init__(self, sizes, seed=None, init="normal", cost="quadratic"):
        self.sizes = _check_sizes(sizes)
        self.init = _check_init(init)
        self.cost = as_choice("cost", cost, COSTS)
        self.num_layers = len(self.sizes)
        # Satu pembangkit bilangan acak untuk bobot awal dan untuk mengacak data di sgd().
        self._rng = np.random.default_rng(None if seed is None else as_int("seed", seed, 0))
        self.biases, self.weights = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self.biases.append(self._rng.standard_normal(n_out))
            weight = self._rng.standard_normal((n_out, n_in))
            self.weights.append(weight / np.sqrt(n_in) if self.init == "lecun" else weight)

    def __repr__(self) -> str:
        return f"Network(sizes={self.sizes}, init={self.init!r}, cost={self.cost!r})"

    # -- propagasi maju ----------------------------------------------------------

    def feedforward(self, x):
        """Aktivasi lapisan keluaran: ``(784,)`` → ``(10,)``, ``(m, 784)`` → ``(m, 10)``."""
        return self._forward(self._check_x(x))[1][-1]

    def _forward(self, a):
        """Propagasi maju yang menyimpan z dan a setiap lapisan: ``(zs, activations)``.

        Satu-satunya propagasi maju di modul ini (``feedforward``, ``backprop``, biaya).
        ``activations[0]`` adalah masukannya. ``np.dot(a, b)`` sama dengan ``a @ b`` untuk
        matriks; Nielsen memakainya, dan untuk array kecil ia sedikit lebih cepat.
        """
        zs, activations = [], [a]
        for w, b in zip(self.weights, self.biases):
            zs.append(np.dot(activations[-1], w.T) + b)  # z^l = a^(l−1) (w^l)ᵀ + b^l
            activations.append(sigmoid(zs[-1]))          # a^l = σ(z^l)
        return zs, activations

    def predict_proba(self, x):
        """Skor keyakinan (*confidence*) setiap kelas; setiap baris berjumlah 1.

        Aktivasi keluaran dibagi dengan jumlahnya. Hasilnya berguna untuk membandingkan
        kelas, tetapi **bukan** probabilitas yang terkalibrasi: jaringan bisa sangat yakin
        dan tetap salah. Bila semua aktivasi keluaran tepat 0, setiap kelas mendapat skor sama.
        """
        a = self.feedforward(x)
        total = a.sum(axis=-1, keepdims=True)
        uniform = np.full_like(a, 1.0 / a.shape[-1])  # dipakai di baris yang jumlahnya 0
        return np.divide(a, total, out=uniform, where=total > 0)

    def predict(self, x):
        """Kelas dengan aktivasi keluaran terbesar: satu ``int`` atau array ``(m,)``."""
        labels = np.argmax(self.feedforward(x), axis=-1)
        return int(labels) if np.ndim(labels) == 0 else labels

    # -- biaya dan akurasi -------------------------------------------------------

    def total_cost(self, x, y) -> float:
        """Nilai fungsi biaya: rata-rata kerugian atas semua contoh ``(x, y)``."""
        return self._measure(*self._check_data(x, y))[0]

    def evaluate(self, x, y) -> int:
        """Banyak contoh yang ditebak benar (akurasi = ``evaluate(x, y) / len(y)``)."""
        x, labels = self._check_data(x, y)
        return int(np.sum(np.argmax(self._forward(x)[1][-1], axis=1) == labels))

    def _measure(self, x, labels):
        """Biaya rata-rata dan akurasi dengan satu kali propagasi maju."""
        zs, activations = self._forward(x)
        z, a, y = zs[-1], activations[-1], self._targets(labels)
        if self.cost == "quadratic":
            per_example = 0.5 * np.sum((a - y) ** 2, axis=1)
        else:
            # ln σ(z) = −softplus(−z) dan ln(1 − σ(z)) = −softplus(z), dengan
            # softplus(t) = ln(1 + e^t) = np.logaddexp(0, t): tidak pernah ln(0).
            per_example = np.sum(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z), axis=1)
        return float(per_example.mean()), float(np.mean(np.argmax(a, axis=1) == labels))

    # -- penurunan gradien stokastik ---------------------------------------------

    def sgd(self, x, y, epochs, mini_batch_size, eta, test_data=None, vectorized=True,
            progress=False):
        """Melatih jaringan dengan penurunan gradien stokastik (SGD) ber-mini-batch.

        Setiap epoch, data latih (``x`` ``(N, 784)`` bernilai 0–1, ``y`` label ``(N,)``)
        diacak lalu dipotong menjadi mini-batch berisi ``mini_batch_size`` contoh (yang
        terakhir boleh lebih kecil); setiap mini-batch menjalankan ``update_mini_batch`` dengan
        laju pembelajaran (*learning rate*) ``eta`` dan ``vectorized``. ``test_data=(x_test,
        y_test)`` diukur setelah setiap epoch; ``progress=True``: bilah kemajuan tqdm (stderr).

        Mengembalikan riwayat: satu ``dict`` per epoch (``epoch``, ``cost``, ``accuracy``,
        ``test_cost`` dan ``test_accuracy`` bila ada ``test_data``, serta ``seconds``: waktu
        pelatihan epoch itu, tanpa pengukuran).
        """
        x, y = self._check_data(x, y)
        epochs = as_int("epochs", epochs, 1)
        mini_batch_size = as_int("mini_batch_size", mini_batch_size, 1)
        eta, vectorized = _check_eta(eta), as_bool("vectorized", vectorized)
        if test_data is not None:
            if not isinstance(test_data, (tuple, list)) or len(test_data) != 2:
                raise error("test_data", "pasangan (x_test, y_test) atau None", test_data)
            test_data = self._check_data(*test_data, "test_data[0]", "test_data[1]")
        bar = progress_bar(epochs, "epoch") if as_bool("progress", progress) else None
        targets = self._targets(y)  # one-hot, sekali untuk semua epoch
        history = []
        for epoch in range(1, epochs + 1):
            start = time.perf_counter()
            order = self._rng.permutation(len(x))  # urutan acak baru setiap epoch
            for k in range(0, len(x), mini_batch_size):
                chosen = order[k:k + mini_batch_size]  # mini-batch: contoh-contoh ini
                self._update(x[chosen], targets[chosen], eta, vectorized)
            record = {"epoch": epoch, "seconds": time.perf_counter() - start}
            record["cost"], record["accuracy"] = self._measure(x, y)
            if test_data is not None:
                record["test_cost"], record["test_accuracy"] = self._measure(*test_data)
            history.append(record)
            if bar is not None:  # biaya latih dan akurasi (uji bila ada) di ujung bilah
                kind = "uji" if test_data is not None else "latih"
                accuracy = record["test_accuracy" if kind == "uji" else "accuracy"]
                bar.set_postfix({"biaya latih": f"{record['cost']:.4f}",
                                 f"akurasi {kind}": f"{accuracy:.4f}"}, refresh=False)
                bar.update(1)
        if bar is not None:
            bar.close()
        return history

    def update_mini_batch(self, x, y, eta, vectorized=True):
        """Satu langkah penurunan gradien dengan satu mini-batch: w ← w − η·∇C.

        ∇C adalah gradien biaya rata-rata mini-batch. ``vectorized=True``: ``backprop`` untuk
        seluruh mini-batch sekaligus. ``vectorized=False``: ``backprop`` satu contoh demi satu
        contoh, lalu dirata-ratakan, seperti ``update_mini_batch`` Nielsen. Hasilnya sama.
        """
        x, labels = self._check_data(x, y)
        eta, vectorized = _check_eta(eta), as_bool("vectorized", vectorized)
        self._update(x, self._targets(labels), eta, vectorized)

    def _update(self, x, y, eta, vectorized):
        """``update_mini_batch`` tanpa pemeriksaan ulang (``sgd`` sudah memeriksa datanya)."""
        if vectorized:
            nabla_b, nabla_w = self._backprop(x, y)
        else:
            nabla_b = [np.zeros_like(b) for b in self.biases]
            nabla_w = [np.zeros_like(w) for w in self.weights]
            for i in range(len(x)):  # satu contoh = mini-batch berisi satu contoh
                delta_nabla_b, delta_nabla_w = self._backprop(x[i:i + 1], y[i:i + 1])
                for total, part in zip(nabla_b + nabla_w, delta_nabla_b + delta_nabla_w):
                    total += part
            nabla_b = [nb / len(x) for nb in nabla_b]  # jumlah → rata-rata
            nabla_w = [nw / len(x) for nw in nabla_w]
        for param, nabla in zip(self.weights + self.biases, nabla_w + nabla_b):
            nabla *= eta   # η·∇C, ditulis ke array gradien itu sendiri (tanpa array baru)
            param -= nabla  # w ← w − η·∇C, diubah di tempat

    def backprop(self, x, y):
        """Gradien biaya rata-rata terhadap setiap bias dan bobot: ``(nabla_b, nabla_w)``.

        ``x``: mini-batch ``(m, 784)`` dengan label ``(m,)``, atau satu contoh ``(784,)``
        dengan satu label. ``nabla_b[l]`` dan ``nabla_w[l]`` berbentuk sama dengan
        ``biases[l]`` dan ``weights[l]``.
        """
        x, labels = self._check_data(x, y)
        return self._backprop(x, self._targets(labels))

    def _backprop(self, x, y):
        """``backprop`` tanpa pemeriksaan ulang; ``y`` one-hot ``(m, K)``.

        Baris ke-i setiap matriks adalah contoh ke-i. Biayanya rata-rata C = (1/m)·Σ C_x,
        jadi δ = ∂C/∂z setiap contoh memuat faktor 1/m (BP1); BP3 dan BP4 lalu menjumlahkan
        atas contoh: ``δ.sum(axis=0)`` dan perkalian matriks ``δᵀ·a``.
        """
        activations = self._forward(x)[1]
        a = activations[-1]
        # (BP1) galat lapisan keluaran: δ^L = ∇_a C ⊙ σ'(z^L), dengan σ'(z) = a(1 − a).
        if self.cost == "quadratic":
            delta = (a - y) * a * (1 - a) / len(x)  # ∇_a C_x = a − y
        else:
            delta = (a - y) / len(x)                # cross-entropy: σ'(z^L) saling menghapus
        nabla_b = [None] * len(self.biases)
        nabla_w = [None] * len(self.weights)
        nabla_b[-1] = delta.sum(axis=0)                  # (BP3) ∂C/∂b_j = Σ δ_j
        nabla_w[-1] = np.dot(delta.T, activations[-2])   # (BP4) ∂C/∂w_jk = Σ a_k δ_j
        for l in range(2, self.num_layers):  # l = 2: lapisan kedua dari belakang, dst.
            a = activations[-l]
            # (BP2) δ^l = (δ^(l+1) w^(l+1)) ⊙ σ'(z^l): galat dibawa mundur lewat bobot.
            delta = np.dot(delta, self.weights[-l + 1]) * a * (1 - a)
            nabla_b[-l] = delta.sum(axis=0)                     # (BP3)
            nabla_w[-l] = np.dot(delta.T, activations[-l - 1])  # (BP4)
        return nabla_b, nabla_w

    # -- pemeriksaan masukan -----------------------------------------------------

    def _check_x(self, x, name="x"):
        """Masukan: satu contoh ``(n,)`` atau sekumpulan ``(m, n)`` bernilai 0–1."""
        n = self.sizes[0]
        array = as_array(name, x)
        if array.ndim not in (1, 2) or array.shape[-1] != n:
            hint = ""
            if array.ndim == 3 and array.shape[1] * array.shape[2] == n:
                hint = "Ratakan gambarnya dulu: x.reshape(len(x), -1)."
            elif array.shape == (n, 1):
                hint = "Vektor kolom ala Nielsen diratakan dulu: x.ravel()."
            raise error(name, f"array berbentuk ({n},) untuk satu contoh atau (N, {n}) untuk "
                        f"N contoh", array, hint)
        if array.shape[0] == 0:
            raise error(name, "berisi minimal satu contoh", array)
        if array.dtype.kind in "biu":
            if array.max() > 1 or array.min() < 0:
                raise error(name, "bernilai 0 sampai 1 (piksel yang sudah dinormalisasi)",
                            array, "Bagi dulu dengan 255, misalnya x / 255.")
            array = array.astype(np.float64)
        return array

    def _check_data(self, x, y, x_name="x", y_name="y"):
        """Pasangan (x, y) → (x berbentuk (m, n), label (m,) berisi 0 … K−1)."""
        x = self._check_x(x, x_name)
        if x.ndim == 1:  # satu contoh = mini-batch berisi satu contoh, dengan satu label
            x, y = x[np.newaxis], np.reshape(y, -1) if np.ndim(y) == 0 else y
        labels = as_labels(y_name, y, len(x))
        k = self.sizes[-1]
        if labels.max() >= k:
            raise error(y_name, f"berisi label bilangan bulat 0 sampai {k - 1} (angka kelas)",
                        labels, f"Nilai terkecil {labels.min()}, terbesar {labels.max()}.")
        return x, labels

    def _targets(self, labels):
        """Label angka → one-hot (m, K): 1 di posisi kelas yang benar, 0 di tempat lain."""
        return np.eye(self.sizes[-1])[labels]

    # -- menyimpan dan memuat (berkas .npz tanpa pickle, lihat saraf.netfile) ------

    def save(self, path) -> Path:
        """Menyimpan jaringan ke berkas ``.npz`` (tanpa pickle). Mengembalikan lokasinya."""
        return netfile.write(path, self.sizes, self.init, self.cost, self.weights, self.biases)

    @classmethod
    def load(cls, path, seed=None) -> Network:
        """Memuat jaringan yang disimpan dengan ``save``; berkas lain ditolak dengan jelas.

        ``seed`` hanya mengatur pengacakan data bila jaringan ini dilatih lagi. Berkas lama
        yang menyimpan ``init = "xavier"`` dimuat dengan ``init = "lecun"`` (nama barunya).
        """
        saved = netfile.read(path, INITS + tuple(INIT_ALIASES), COSTS)
        network = cls(saved["sizes"], seed=seed, init=saved["init"], cost=saved["cost"])
        network.weights, network.biases = saved["weights"], saved["biases"]
        return network


def pretrained(sizes="784-30-10") -> Network:
    """Jaringan siap pakai, dilatih pada MNIST bawaan; masukannya ``(N, 784)`` dibagi 255.

    ``"784-30-10"``: awal LeCun, cross-entropy, 30 epoch; akurasi uji sekitar 94%.
    ``"784-16-16-10"`` (atau ``[784, 16, 16, 10]``): jaringan seed, program awal proyek ini:
    awal normal, biaya kuadratik, 10 epoch dengan η = 3,0; akurasi uji sekitar 91%.
    Resepnya (2.000 gambar uji bawaan) ada di ``assets/train_mlp.py``.
    """
    key = "-".join(str(s) for s in sizes) if isinstance(sizes, (list, tuple)) else sizes
    return Network.load(resources.asset(PRETRAINED[as_choice("sizes", key, tuple(PRETRAINED))]))


def _check_init(init) -> str:
    """Nama cara memberi nilai awal bobot; nama lama (``"xavier"``) diganti nama barunya."""
    if isinstance(init, str) and init in INIT_ALIASES:
        return INIT_ALIASES[init]
    return as_choice("init", init, INITS)


def _check_sizes(sizes) -> list[int]:
    """``sizes``: daftar minimal dua bilangan bulat ≥ 1."""
    if isinstance(sizes, np.ndarray) and sizes.ndim == 1:
        sizes = sizes.tolist()
    if (not isinstance(sizes, (list, tuple)) or len(sizes) < 2
            or not all(is_int(s) and s >= 1 for s in sizes)):
        raise error("sizes", "daftar minimal dua bilangan bulat ≥ 1 (banyak neuron di setiap "
                    "lapisan, misalnya [784, 30, 10])", sizes)
    return [int(s) for s in sizes]


def _check_eta(eta) -> float:
    """Laju pembelajaran: bilangan real berhingga > 0."""
    return as_real("eta", eta, above=0, expected="bilangan real > 0 (laju pembelajaran)")
