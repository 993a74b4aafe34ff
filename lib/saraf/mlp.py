"""Jaringan saraf tiruan (JST) terhubung penuh, ditulis hanya dengan NumPy.

Modul ini adalah kode rujukan yang teruji untuk pelajaran 07. Susunannya mengikuti
``network.py`` dari buku Michael Nielsen, *Neural Networks and Deep Learning*
(http://neuralnetworksanddeeplearning.com), sehingga Anda dapat membaca bukunya
berdampingan: nama metodenya sama (``feedforward``, ``backprop``,
``update_mini_batch``, ``evaluate``), begitu pula notasinya.

Notasi (seperti Nielsen):

* ``weights[l]`` berbentuk ``(n_keluar, n_masuk)``: baris ke-j berisi bobot yang masuk ke
  neuron ke-j, jadi ``weights[l][j, k]`` adalah w_jk, bobot dari neuron ke-k lapisan
  sebelumnya ke neuron ke-j lapisan ini;
* ``biases[l]`` berbentuk ``(n_keluar,)``;
* z = w·a + b adalah jumlah berbobot, a = σ(z) adalah aktivasi (σ = fungsi sigmoid);
* δ = ∂C/∂z adalah **galat** (*error*) sebuah neuron, C adalah fungsi biaya.

Perbedaan dengan Nielsen: contoh ditulis sebagai **baris** (seperti Keras), bukan kolom.
Satu contoh adalah vektor ``(784,)``; sekumpulan contoh adalah matriks ``(N, 784)``, dan
jumlah berbobotnya dihitung sebagai ``x @ w.T + b``. Label ditulis sebagai angka 0–9
(bentuk ``(N,)``), bukan vektor one-hot.

Bobot tidak pernah disimpan dengan ``pickle``: ``save`` menulis ``.npz`` biasa dan ``load``
membukanya dengan ``allow_pickle=False`` lalu memeriksa setiap array.

Masukan yang salah menghasilkan ``ValueError`` berbahasa Indonesia yang menyebut nama
parameter, apa yang diharapkan, dan apa yang diberikan.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import numpy as np

from saraf import resources

from saraf.validation import error as _error, is_int as _is_int

__all__ = ["Network", "sigmoid", "sigmoid_prime", "pretrained", "PRETRAINED_PATH"]

#: Cara memberi nilai awal bobot yang dikenal ``Network``.
INITS = ("normal", "xavier")
#: Fungsi biaya yang dikenal ``Network``.
COSTS = ("quadratic", "cross_entropy")
#: Penanda berkas ``.npz`` buatan ``Network.save`` (diperiksa oleh ``Network.load``).
FILE_FORMAT = "saraf.mlp.Network"
FILE_VERSION = 1
#: Jaringan 784-30-10 yang sudah dilatih (dibuat ulang dengan ``python assets/train_mlp.py``).
PRETRAINED_PATH = resources.asset("mlp_784_30_10.npz")


# ---------------------------------------------------------------------------
# Fungsi aktivasi
# ---------------------------------------------------------------------------


def sigmoid(z):
    """Fungsi sigmoid σ(z) = 1 / (1 + e^(−z)), elemen demi elemen.

    Dihitung dengan identitas σ(z) = ½·(1 + tanh(z/2)), yang hasilnya sama tetapi tidak
    pernah meluap (*overflow*): e^(−z) untuk z = −1000 terlalu besar bagi float64,
    sedangkan tanh selalu di antara −1 dan 1.
    """
    return 0.5 * np.tanh(0.5 * z) + 0.5


def _sigmoid_inplace(z: np.ndarray) -> np.ndarray:
    """``sigmoid(z)`` yang menimpa ``z`` (float) tanpa membuat array baru; mengembalikan ``z``."""
    z *= 0.5
    np.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


def sigmoid_prime(z):
    """Turunan sigmoid: σ'(z) = σ(z)·(1 − σ(z))."""
    s = sigmoid(z)
    return s * (1 - s)


# ---------------------------------------------------------------------------
# Pemeriksaan masukan (pesan berbahasa Indonesia)
# ---------------------------------------------------------------------------


def _check_int(name: str, value, minimum: int) -> int:
    if not _is_int(value) or value < minimum:
        raise _error(name, f"bilangan bulat ≥ {minimum}", value)
    return int(value)


def _check_choice(name: str, value, choices) -> str:
    if not isinstance(value, str) or value not in choices:
        options = " atau ".join(repr(c) for c in choices)
        raise _error(name, options, value)
    return value


def _check_sizes(sizes) -> list[int]:
    expected = ("daftar minimal dua bilangan bulat ≥ 1 (banyak neuron di setiap lapisan, "
                "misalnya [784, 30, 10])")
    if isinstance(sizes, np.ndarray):
        sizes = sizes.tolist() if sizes.ndim == 1 else None
    if not isinstance(sizes, (list, tuple)) or len(sizes) < 2:
        raise _error("sizes", expected, sizes)
    if not all(_is_int(s) and s >= 1 for s in sizes):
        raise _error("sizes", expected, sizes)
    return [int(s) for s in sizes]


# ---------------------------------------------------------------------------
# Jaringan
# ---------------------------------------------------------------------------


class Network:
    """Jaringan saraf tiruan terhubung penuh dengan fungsi aktivasi sigmoid.

    Parameter
    ---------
    sizes : daftar banyak neuron per lapisan, dari lapisan masukan ke lapisan keluaran.
        ``[784, 30, 10]`` adalah jaringan di buku Nielsen; ``[784, 16, 16, 10]`` punya dua
        lapisan tersembunyi.
    seed : bilangan bulat ≥ 0 atau ``None``. Seed yang sama memberi bobot awal dan urutan
        pengacakan data yang sama, jadi pelatihannya dapat diulang persis.
    init : ``"normal"``: setiap bobot dan bias diambil dari N(0, 1), seperti Nielsen di
        bab 1. ``"xavier"``: bobot dari N(0, 1/n_masuk) (awal terskala, seperti Nielsen di
        bab 3); bias tetap dari N(0, 1). Kedua pilihan memakai bilangan acak yang sama;
        ``"xavier"`` hanya membagi setiap bobot dengan √n_masuk.
    cost : ``"quadratic"``: C = ½‖y − a‖² per contoh (Nielsen bab 1–2).
        ``"cross_entropy"``: C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)] per contoh
        (Nielsen bab 3). Fungsi biaya adalah rata-ratanya atas semua contoh.

    Atribut utama: ``sizes``, ``num_layers``, ``weights`` (daftar matriks bobot
    ``(n_keluar, n_masuk)``), ``biases`` (daftar vektor bias ``(n_keluar,)``), ``init``,
    ``cost``.
    """

    def __init__(self, sizes, seed=None, init="normal", cost="quadratic"):
        self.sizes = _check_sizes(sizes)
        if seed is not None:
            seed = _check_int("seed", seed, 0)
        self.init = _check_choice("init", init, INITS)
        self.cost = _check_choice("cost", cost, COSTS)
        self.num_layers = len(self.sizes)
        # Satu pembangkit bilangan acak untuk bobot awal dan untuk mengacak data di sgd().
        self._rng = np.random.default_rng(seed)
        self.biases = []
        self.weights = []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            self.biases.append(self._rng.standard_normal(n_out))
            weight = self._rng.standard_normal((n_out, n_in))
            if init == "xavier":
                weight /= np.sqrt(n_in)  # simpangan baku 1/√n_masuk
            self.weights.append(weight)

    def __repr__(self) -> str:
        return f"Network(sizes={self.sizes}, init={self.init!r}, cost={self.cost!r})"

    # -- pemeriksaan masukan -------------------------------------------------

    def _check_x(self, x, name: str = "x") -> np.ndarray:
        """Masukan: satu contoh ``(n,)`` atau sekumpulan ``(N, n)``, angka berhingga."""
        n = self.sizes[0]
        expected = f"array berbentuk ({n},) untuk satu contoh atau (N, {n}) untuk N contoh"
        try:
            array = np.asarray(x)
        except (ValueError, TypeError):
            raise _error(name, expected, type(x).__name__) from None
        if array.dtype.kind not in "biuf":
            raise _error(name, "array berisi angka", array)
        if array.ndim not in (1, 2) or array.shape[-1] != n:
            hint = ""
            if array.ndim == 3 and array.shape[1] * array.shape[2] == n:
                hint = "Ratakan gambarnya dulu: x.reshape(len(x), -1)."
            elif array.ndim == 2 and array.shape == (n, 1):
                hint = "Vektor kolom ala Nielsen diratakan dulu: x.ravel()."
            raise _error(name, expected, array, hint)
        if array.shape[0] == 0:
            raise _error(name, "berisi minimal satu contoh", array)
        if array.dtype.kind in "biu":
            if array.max() > 1 or array.min() < 0:
                raise _error(name, "bernilai 0 sampai 1 (piksel yang sudah dinormalisasi)", array,
                             "Bagi dulu dengan 255, misalnya x / 255.")
            array = array.astype(np.float64)
        elif not np.isfinite(array).all():
            raise _error(name, "berisi angka berhingga (tanpa NaN atau inf)", array,
                         "Periksa data Anda dengan np.isnan(x).any().")
        return array

    def _check_y(self, y, n_examples: int, single: bool, name: str = "y") -> np.ndarray:
        """Label: bilangan bulat 0..K−1, satu per contoh. Dikembalikan berbentuk (N,)."""
        k = self.sizes[-1]
        shape = "satu label" if single else f"array label berbentuk ({n_examples},)"
        expected = f"{shape} berisi bilangan bulat 0 sampai {k - 1} (angka kelas)"
        array = np.asarray(y)
        if array.dtype.kind == "f" and array.size and np.isfinite(array).all() \
                and (array == np.round(array)).all():
            array = array.astype(np.int64)  # 3.0 diterima sebagai 3
        if array.dtype.kind not in "iu":
            raise _error(name, expected, y if array.ndim == 0 else array)
        if single:
            if array.shape not in ((), (1,)):
                raise _error(name, expected, array)
            array = array.reshape(1)
        elif array.shape != (n_examples,):
            hint = ("Label one-hot diubah dulu menjadi angka: y.argmax(axis=1)."
                    if array.shape == (n_examples, k) else "Satu label untuk setiap baris `x`.")
            raise _error(name, expected, array, hint)
        if array.min() < 0 or array.max() >= k:
            raise _error(name, expected, y if single else array,
                         f"Nilai terkecil {array.min()}, terbesar {array.max()}.")
        return array

    def _check_data(self, x, y, x_name: str = "x", y_name: str = "y"):
        """Pasangan (x, y) → (x 2-D, label 1-D, penanda satu contoh)."""
        x = self._check_x(x, x_name)
        single = x.ndim == 1
        y = self._check_y(y, 1 if single else len(x), single, y_name)
        return (x[np.newaxis] if single else x), y, single

    def _targets(self, labels: np.ndarray) -> np.ndarray:
        """Label angka → vektor one-hot (N, K): 1 di posisi kelas yang benar, 0 di tempat lain."""
        return np.eye(self.sizes[-1])[labels]

    # -- propagasi maju ------------------------------------------------------

    def feedforward(self, x):
        """Propagasi maju: aktivasi lapisan keluaran untuk masukan ``x``.

        ``x`` berbentuk ``(784,)`` (satu contoh) menghasilkan ``(10,)``; ``x`` berbentuk
        ``(N, 784)`` menghasilkan ``(N, 10)`` (untuk jaringan 784-…-10).
        """
        a = self._check_x(x)
        for w, b in zip(self.weights, self.biases):
            a = sigmoid(np.dot(a, w.T) + b)  # z = w·a + b untuk setiap baris, lalu a = σ(z)
        return a

    def _output(self, x: np.ndarray):
        """Jumlah berbobot z dan aktivasi a lapisan keluaran (tanpa pemeriksaan)."""
        a = x
        for w, b in zip(self.weights, self.biases):
            z = np.dot(a, w.T) + b
            a = sigmoid(z)
        return z, a

    def predict_proba(self, x):
        """Skor keyakinan (*confidence*) setiap kelas; setiap baris berjumlah 1.

        Aktivasi sigmoid di lapisan keluaran tidak berjumlah 1, jadi di sini dibagi dengan
        jumlahnya. Hasilnya berguna untuk membandingkan kelas, tetapi **bukan** probabilitas
        yang terkalibrasi: jaringan bisa sangat yakin dan tetap salah. Bila semua aktivasi
        keluaran tepat 0 (semua neuron jenuh), setiap kelas mendapat skor yang sama.
        """
        a = self.feedforward(x)
        total = a.sum(axis=-1, keepdims=True)
        uniform = np.full_like(a, 1.0 / a.shape[-1])
        return np.divide(a, total, out=uniform, where=total > 0)

    def predict(self, x):
        """Kelas dengan aktivasi keluaran terbesar: satu ``int`` atau array ``(N,)``."""
        labels = np.argmax(self.feedforward(x), axis=-1)
        return int(labels) if np.ndim(labels) == 0 else labels

    # -- biaya, akurasi ------------------------------------------------------

    def _measure(self, x: np.ndarray, labels: np.ndarray):
        """Biaya rata-rata dan akurasi dengan satu kali propagasi maju."""
        z, a = self._output(x)
        y = self._targets(labels)
        if self.cost == "quadratic":
            per_example = 0.5 * np.sum((a - y) ** 2, axis=1)
        else:
            # ln σ(z) = −softplus(−z) dan ln(1 − σ(z)) = −softplus(z), dengan
            # softplus(t) = ln(1 + e^t) = np.logaddexp(0, t): tidak pernah ln(0).
            per_example = np.sum(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z), axis=1)
        accuracy = np.mean(np.argmax(a, axis=1) == labels)
        return float(per_example.mean()), float(accuracy)

    def total_cost(self, x, y) -> float:
        """Nilai fungsi biaya: rata-rata kerugian atas semua contoh ``(x, y)``."""
        x, y, _ = self._check_data(x, y)
        return self._measure(x, y)[0]

    def evaluate(self, x, y) -> int:
        """Banyak contoh yang ditebak benar (seperti ``evaluate`` Nielsen).

        Akurasi = ``evaluate(x, y) / len(y)``.
        """
        x, y, _ = self._check_data(x, y)
        _, a = self._output(x)
        return int(np.sum(np.argmax(a, axis=1) == y))

    # -- backpropagation -----------------------------------------------------

    def backprop(self, x, y):
        """Gradien fungsi biaya terhadap setiap bias dan bobot: ``(nabla_b, nabla_w)``.

        ``x`` satu contoh ``(784,)`` dengan label ``y`` (angka): dihitung contoh demi contoh
        seperti Nielsen. ``x`` mini-batch ``(m, 784)`` dengan label ``(m,)``: dihitung
        sekaligus dengan perkalian matriks, dan hasilnya rata-rata gradien setiap contoh
        (gradien fungsi biaya rata-rata). Bentuk ``nabla_b[l]`` dan ``nabla_w[l]`` sama
        dengan ``biases[l]`` dan ``weights[l]``.
        """
        x, y, single = self._check_data(x, y)
        targets = self._targets(y)
        if single:
            return self._backprop_one(x[0], targets[0])
        return self._backprop(x, targets, 1.0 / len(x))

    def _backprop_one(self, x: np.ndarray, y: np.ndarray):
        """Backpropagation untuk SATU contoh: ``x`` berbentuk (n_masuk,), ``y`` one-hot.

        Versi yang mudah dibaca: setiap baris adalah satu persamaan dari buku Nielsen.
        """
        # Propagasi maju, menyimpan setiap z^l dan a^l (dibutuhkan saat mundur).
        activation = x
        activations = [x]  # a^0 = x, a^1, …, a^L
        zs = []            # z^1, …, z^L
        for w, b in zip(self.weights, self.biases):
            z = np.dot(w, activation) + b  # z^l = w^l a^(l−1) + b^l
            zs.append(z)
            activation = sigmoid(z)        # a^l = σ(z^l)
            activations.append(activation)
        # (BP1) galat lapisan keluaran: δ^L = ∇_a C ⊙ σ'(z^L).
        if self.cost == "quadratic":
            delta = (activations[-1] - y) * sigmoid_prime(zs[-1])  # ∇_a C = a − y
        else:
            delta = activations[-1] - y  # cross-entropy: σ'(z^L) saling menghapus
        nabla_b = [None] * len(self.biases)
        nabla_w = [None] * len(self.weights)
        nabla_b[-1] = delta                                 # (BP3) ∂C/∂b_j = δ_j
        nabla_w[-1] = np.outer(delta, activations[-2])      # (BP4) ∂C/∂w_jk = δ_j a_k
        # Mundur lapisan demi lapisan: l = 2 berarti lapisan kedua dari belakang, dst.
        for l in range(2, self.num_layers):
            # (BP2) δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l): galat dibawa mundur lewat bobot.
            delta = np.dot(self.weights[-l + 1].T, delta) * sigmoid_prime(zs[-l])
            nabla_b[-l] = delta                             # (BP3)
            nabla_w[-l] = np.outer(delta, activations[-l - 1])  # (BP4)
        return nabla_b, nabla_w

    def _backprop(self, x: np.ndarray, y: np.ndarray, scale: float, work=None):
        """Backpropagation untuk m contoh sekaligus (satu baris per contoh).

        Persamaannya sama dengan ``_backprop_one``, tetapi δ kini matriks (m × n): baris
        ke-i adalah galat contoh ke-i. Penjumlahan atas contoh terjadi di dalam perkalian
        matriks: (BP4) ``δᵀ @ a`` dan (BP3) ``1ᵀ @ δ`` (vektor berisi angka 1 dikalikan δ
        memberi jumlah semua baris δ).

        Mengembalikan ``scale`` × jumlah gradien semua contoh. Dengan ``scale = 1/m``
        hasilnya gradien rata-rata; dengan ``scale = η/m`` hasilnya langsung langkah SGD.
        Karena setiap persamaan linear terhadap δ, cukup δ lapisan keluaran (array kecil
        m × 10) yang dikalikan dengan ``scale``, bukan matriks bobot yang besar.

        ``work``: :class:`_Workspace` untuk m contoh. Semua hasil antara dan hasil akhirnya
        ditulis ke array di dalamnya (``out=``), jadi ``sgd`` yang memakai satu ruang kerja
        untuk ratusan langkah tidak membuat satu array baru pun. Untuk mini-batch kecil,
        membuat array lebih mahal daripada menghitung isinya. Hasil yang dikembalikan
        adalah array milik ruang kerja: ditimpa oleh panggilan berikutnya.
        """
        if work is None:
            work = _Workspace(self.sizes, len(x))
        # Propagasi maju: z^l = a^(l−1) w^lᵀ + b^l, lalu a^l = σ(z^l) ditulis di atas z^l.
        # z tidak perlu disimpan, karena σ'(z) = σ(z)(1 − σ(z)) = a(1 − a).
        activations = [x]
        for w, b, a in zip(self.weights, self.biases, work.activations):
            np.matmul(activations[-1], w.T, out=a)
            a += b
            activations.append(_sigmoid_inplace(a))
        a, delta, factor = activations[-1], work.deltas[-1], work.factors[-1]
        np.subtract(a, y, out=delta)               # (BP1) cross-entropy: δ^L = a − y
        if self.cost == "quadratic":               # (BP1) kuadratik: δ^L = (a − y) ⊙ σ'(z^L)
            np.multiply(a, -scale, out=factor)     #   scale·σ'(z^L) = scale·(1 − a) ⊙ a
            factor += scale
            factor *= a
            delta *= factor
        else:
            delta *= scale
        for l in range(1, len(self.weights) + 1):  # l = 1: lapisan keluaran, lalu mundur
            if l > 1:                              # (BP2) δ^l = (δ^(l+1) w^(l+1)) ⊙ σ'(z^l)
                a, factor = activations[-l], work.factors[-l]
                np.matmul(delta, self.weights[-l + 1], out=work.deltas[-l])
                delta = work.deltas[-l]
                np.subtract(1.0, a, out=factor)
                factor *= a
                delta *= factor
            np.matmul(work.ones, delta, out=work.nabla_b[-l])                  # (BP3)
            np.matmul(delta.T, activations[-l - 1], out=work.nabla_w[-l])      # (BP4)
        return work.nabla_b, work.nabla_w

    # -- penurunan gradien stokastik ----------------------------------------

    def update_mini_batch(self, x, y, eta, vectorized=True):
        """Satu langkah penurunan gradien dengan satu mini-batch: w ← w − (η/m)·Σ ∇C_x.

        ``vectorized=True``: backpropagation untuk seluruh mini-batch sekaligus (perkalian
        matriks). ``vectorized=False``: satu contoh demi satu contoh, lalu dijumlahkan,
        persis seperti ``update_mini_batch`` Nielsen. Hasil keduanya sama.
        """
        x, y, _ = self._check_data(x, y)
        eta = _check_eta(eta)
        if not isinstance(vectorized, (bool, np.bool_)):
            raise _error("vectorized", "True atau False", vectorized)
        self._update(x, self._targets(y), eta, vectorized)

    def _update(self, x: np.ndarray, y: np.ndarray, eta: float, vectorized: bool,
                work=None) -> None:
        """Langkah SGD tanpa pemeriksaan masukan; ``y`` sudah one-hot.

        ``work``: ruang kerja versi matriks (lihat ``_backprop``), atau ``None``.
        """
        m = len(x)
        if vectorized:
            step_b, step_w = self._backprop(x, y, eta / m, work)  # langsung (η/m)·Σ ∇C_x
        else:
            nabla_b = [np.zeros_like(b) for b in self.biases]
            nabla_w = [np.zeros_like(w) for w in self.weights]
            for xi, yi in zip(x, y):  # satu contoh demi satu contoh
                delta_nabla_b, delta_nabla_w = self._backprop_one(xi, yi)
                for total, part in zip(nabla_b + nabla_w, delta_nabla_b + delta_nabla_w):
                    total += part
            step_b = [(eta / m) * nb for nb in nabla_b]
            step_w = [(eta / m) * nw for nw in nabla_w]
        for param, step in zip(self.biases + self.weights, step_b + step_w):
            param -= step  # diubah di tempat: tidak membuat array baru

    def sgd(self, x, y, epochs, mini_batch_size, eta, test_data=None, vectorized=True,
            progress=False):
        """Melatih jaringan dengan penurunan gradien stokastik (SGD) ber-mini-batch.

        Setiap epoch: data latih diacak, dipotong menjadi mini-batch berisi
        ``mini_batch_size`` contoh, lalu setiap mini-batch menjalankan
        ``update_mini_batch``. Mini-batch terakhir boleh lebih kecil.

        Parameter
        ---------
        x, y : data latih, ``x`` berbentuk ``(N, 784)`` (nilai 0–1), ``y`` label ``(N,)``.
        epochs : banyak epoch (putaran penuh atas data latih).
        mini_batch_size : banyak contoh per mini-batch.
        eta : laju pembelajaran (*learning rate*) η > 0.
        test_data : ``(x_test, y_test)`` opsional, diukur setelah setiap epoch.
        vectorized : ``False`` untuk versi satu contoh demi satu contoh (lebih lambat).
        progress : ``True`` untuk bilah kemajuan tqdm (bila terpasang), ke stderr.

        Mengembalikan
        -------------
        Riwayat: daftar satu ``dict`` per epoch dengan kunci ``epoch``, ``cost`` dan
        ``accuracy`` (data latih), ``test_cost`` dan ``test_accuracy`` (bila ada
        ``test_data``), serta ``seconds`` (waktu pelatihan epoch itu, tanpa pengukuran).
        """
        x, y, _ = self._check_data(x, y)
        epochs = _check_int("epochs", epochs, 1)
        mini_batch_size = _check_int("mini_batch_size", mini_batch_size, 1)
        eta = _check_eta(eta)
        if not isinstance(vectorized, (bool, np.bool_)):
            raise _error("vectorized", "True atau False", vectorized)
        if not isinstance(progress, (bool, np.bool_)):
            raise _error("progress", "True atau False", progress)
        if test_data is not None:
            if not isinstance(test_data, (tuple, list)) or len(test_data) != 2:
                raise _error("test_data", "pasangan (x_test, y_test) atau None", test_data)
            x_test, y_test, _ = self._check_data(*test_data, x_name="test_data[0]",
                                                 y_name="test_data[1]")
        targets = self._targets(y)
        n = len(x)
        # Ruang kerja versi matriks, dipakai ulang di setiap langkah: satu untuk mini-batch
        # penuh, satu lagi bila mini-batch terakhir lebih kecil.
        works = {}
        if vectorized:
            for m in {min(mini_batch_size, n), n % mini_batch_size} - {0}:
                works[m] = _Workspace(self.sizes, m)
        bar = _progress_bar(epochs) if progress else None
        history = []
        for epoch in range(1, epochs + 1):
            start = time.perf_counter()
            order = self._rng.permutation(n)  # urutan acak baru setiap epoch
            shuffled_targets = targets[order]  # kecil (N × 10): diacak sekaligus
            for k in range(0, n, mini_batch_size):
                chosen = order[k:k + mini_batch_size]  # mini-batch: contoh-contoh ini
                self._update(x[chosen], shuffled_targets[k:k + mini_batch_size], eta,
                             vectorized, works.get(len(chosen)))
            record = {"epoch": epoch, "seconds": time.perf_counter() - start}
            record["cost"], record["accuracy"] = self._measure(x, y)
            if test_data is not None:
                record["test_cost"], record["test_accuracy"] = self._measure(x_test, y_test)
            history.append(record)
            if bar is not None:
                shown = {"biaya latih": f"{record['cost']:.4f}"}
                if test_data is not None:
                    shown["akurasi uji"] = f"{record['test_accuracy']:.4f}"
                else:
                    shown["akurasi latih"] = f"{record['accuracy']:.4f}"
                bar.set_postfix(shown, refresh=False)
                bar.update(1)
        if bar is not None:
            bar.close()
        return history

    # -- menyimpan dan memuat ------------------------------------------------

    def save(self, path) -> Path:
        """Menyimpan jaringan ke berkas ``.npz`` (tanpa pickle). Mengembalikan lokasinya.

        Isi berkas: ``format``, ``version``, ``sizes``, ``init``, ``cost``, lalu ``w0``,
        ``b0``, ``w1``, ``b1``, … (bobot dan bias setiap lapisan, float64).
        """
        path = Path(path)
        if path.suffix != ".npz":
            raise _error("path", "nama berkas berakhiran .npz", str(path))
        if not path.parent.is_dir():
            raise _error("path", "berada di folder yang sudah ada", str(path))
        arrays = {"format": np.array(FILE_FORMAT), "version": np.array(FILE_VERSION),
                  "sizes": np.array(self.sizes, dtype=np.int64),
                  "init": np.array(self.init), "cost": np.array(self.cost)}
        for i, (w, b) in enumerate(zip(self.weights, self.biases)):
            arrays[f"w{i}"] = w
            arrays[f"b{i}"] = b
        np.savez(path, **arrays)
        return path

    @classmethod
    def load(cls, path, seed=None) -> Network:
        """Memuat jaringan yang disimpan dengan ``save``. Berkas lain ditolak dengan jelas.

        ``seed`` hanya mengatur pengacakan data bila jaringan ini dilatih lagi.
        """
        path = Path(path)
        if not path.is_file():
            raise _error("path", "berkas .npz yang ada", str(path))
        not_network = (f"Berkas {path} bukan jaringan yang disimpan dengan Network.save "
                       f"(berkas .npz berisi bobot dan bias)")
        with open(path, "rb") as file:
            head = file.read(4)
        if head[:1] == b"\x80":  # bait pertama setiap pickle protokol 2 ke atas
            raise ValueError(f"{not_network}: isinya data pickle. Saraf tidak pernah membuka "
                             f"pickle, karena memuat pickle dapat menjalankan kode apa pun.")
        if head != b"PK\x03\x04":  # setiap .npz adalah arsip zip
            raise ValueError(f"{not_network}: isinya bukan arsip .npz.")
        try:
            with np.load(path, allow_pickle=False) as npz:
                arrays = {key: npz[key] for key in npz.files}
        except ValueError as exc:  # array objek di dalam .npz butuh pickle: ditolak
            raise ValueError(f"{not_network}: ada array yang hanya bisa dibuka dengan pickle "
                             f"({exc}).") from None
        except (OSError, EOFError, zipfile.BadZipFile) as exc:
            raise ValueError(f"{not_network}: berkasnya rusak atau terpotong ({exc}).") from None
        return cls._from_arrays(arrays, not_network, seed)

    @classmethod
    def _from_arrays(cls, arrays: dict, not_network: str, seed) -> Network:
        def problem(what: str) -> ValueError:
            return ValueError(f"{not_network}: {what}.")

        if not all(isinstance(a, np.ndarray) for a in arrays.values()):
            raise problem("ada isi yang bukan array NumPy")
        if "format" not in arrays or arrays["format"].shape != () \
                or str(arrays["format"]) != FILE_FORMAT:
            raise problem(f"penanda `format` = {FILE_FORMAT!r} tidak ada")
        version = arrays.get("version")
        if version is None or version.shape != () or version.dtype.kind not in "iu" \
                or int(version) != FILE_VERSION:
            raise problem(f"versi berkas {version} tidak dikenal (yang dikenal: {FILE_VERSION})")
        sizes = arrays.get("sizes")
        if sizes is None or sizes.ndim != 1 or sizes.dtype.kind not in "iu" or len(sizes) < 2 \
                or sizes.min() < 1:
            raise problem("array `sizes` tidak ada atau bukan daftar bilangan bulat ≥ 1")
        sizes = [int(s) for s in sizes]
        n_layers = len(sizes) - 1
        expected_keys = {"format", "version", "sizes", "init", "cost"}
        expected_keys |= {f"{p}{i}" for p in "wb" for i in range(n_layers)}
        if set(arrays) != expected_keys:
            missing = sorted(expected_keys - set(arrays))
            extra = sorted(set(arrays) - expected_keys)
            raise problem(f"kunci yang kurang: {missing}, kunci yang tidak dikenal: {extra}")
        init, cost = str(arrays["init"]), str(arrays["cost"])
        if init not in INITS or cost not in COSTS:
            raise problem(f"`init` = {init!r} atau `cost` = {cost!r} tidak dikenal")
        network = cls(sizes, seed=seed, init=init, cost=cost)
        for i in range(n_layers):
            for key, shape in ((f"w{i}", (sizes[i + 1], sizes[i])), (f"b{i}", (sizes[i + 1],))):
                array = arrays[key]
                if array.shape != shape or array.dtype.kind != "f":
                    raise problem(f"`{key}` seharusnya array float berbentuk {shape}, "
                                  f"ternyata {array.dtype} berbentuk {array.shape}")
                if not np.isfinite(array).all():
                    raise problem(f"`{key}` berisi NaN atau inf")
            network.weights[i] = arrays[f"w{i}"].astype(np.float64)
            network.biases[i] = arrays[f"b{i}"].astype(np.float64)
        return network


class _Workspace:
    """Array siap pakai untuk backpropagation satu mini-batch berisi ``m`` contoh.

    ``activations[l]`` (m × n_l) menampung z lalu a = σ(z) lapisan l; ``deltas[l]`` dan
    ``factors[l]`` menampung δ dan σ'(z); ``nabla_w`` dan ``nabla_b`` menampung hasilnya;
    ``ones`` adalah vektor m angka satu untuk menjumlahkan δ atas contoh (BP3).
    """

    def __init__(self, sizes: list[int], m: int):
        self.activations = [np.empty((m, n)) for n in sizes[1:]]
        self.deltas = [np.empty((m, n)) for n in sizes[1:]]
        self.factors = [np.empty((m, n)) for n in sizes[1:]]
        self.nabla_w = [np.empty((n_out, n_in)) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self.nabla_b = [np.empty(n) for n in sizes[1:]]
        self.ones = np.ones(m)


def pretrained() -> Network:
    """Jaringan 784-30-10 siap pakai: awal terskala, cross-entropy, 30 epoch pada MNIST bawaan.

    Akurasinya sekitar 94% pada 2.000 gambar uji bawaan. Resep pelatihannya ada di
    ``assets/train_mlp.py``. Masukannya gambar yang diratakan dan dibagi 255, ``(N, 784)``.
    """
    return Network.load(PRETRAINED_PATH)


def _check_eta(eta) -> float:
    """Laju pembelajaran: bilangan real berhingga > 0."""
    ok = isinstance(eta, (int, float, np.integer, np.floating)) and not isinstance(
        eta, (bool, np.bool_))
    if not ok or not np.isfinite(eta) or eta <= 0:
        raise _error("eta", "bilangan real > 0 (laju pembelajaran)", eta)
    return float(eta)


def _progress_bar(epochs: int):
    """Bilah kemajuan tqdm ke stderr, atau None bila tqdm tidak terpasang."""
    try:
        from tqdm import tqdm  # impor di sini: tqdm opsional
    except ImportError:  # pragma: no cover - tqdm ada di lingkungan kursus
        return None
    return tqdm(total=epochs, desc="pelatihan", unit="epoch", leave=False)
