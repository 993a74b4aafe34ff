"""Pemeriksa latihan pelajaran 08: MLP, propagasi maju dan fungsi biaya."""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, close, correct, function_answer, incorrect, integer_answer,
                          number_answer, run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import decimal, thousands
from saraf.ops import sigmoid


def _first_mistake(matches, mistakes, otherwise) -> Feedback:
    """Umpan balik kesalahan pertama di ``mistakes`` (``(nilai salah, pesan, petunjuk)``) yang
    cocok dengan jawaban menurut ``matches(nilai salah)``; bila tidak ada, ``otherwise``
    (``(pesan, petunjuk)``)."""
    for wrong, message, hint in mistakes:
        if matches(wrong):
            return incorrect(message, hint)
    return incorrect(*otherwise)


@exercise(1, hints=(
    "Lihat bagian 1, “Arsitektur Jaringan”: bobot menghubungkan setiap neuron di satu lapisan "
    "dengan setiap neuron di lapisan berikutnya, dan setiap neuron di luar lapisan masukan punya "
    "satu bias.",
    "Bobot lapisan l berbentuk (neuron lapisan l, neuron lapisan l − 1), jadi banyaknya hasil kali"
    " kedua ukuran itu. Jaringan 784-16-16-10 punya tiga pasangan lapisan: 784-16, 16-16, dan "
    "16-10.",
    "Contoh di bagian 1: jaringan 784-30-10 punya 784 × 30 + 30 × 10 bobot dan 30 + 10 bias. "
    "Hitung dengan cara yang sama untuk 784-16-16-10, lalu jumlahkan bobot dan biasnya.",
))
def exercise_1(n_params) -> Feedback:
    """Latihan 1: banyak parameter (bobot + bias) jaringan 784-16-16-10."""
    value, problem = integer_answer(n_params, "n_params", "Tulis perhitungannya dengan Python.")
    if problem is not None:
        return problem
    sizes = [784, 16, 16, 10]
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    biases = sum(sizes[1:])
    if value == weights + biases:
        return correct(f"Jaringan 784-16-16-10 punya {thousands(weights)} bobot dan {biases} "
                       f"bias, jadi {thousands(value)} parameter yang dilatih.")
    mistakes = [
        (weights, "Itu baru banyak bobot.",
         "Setiap neuron di luar lapisan masukan juga punya satu bias."),
        (biases, "Itu baru banyak bias.",
         "Tambahkan bobotnya: satu bobot untuk setiap pasangan neuron di dua lapisan yang "
         "berurutan."),
        (weights + biases + sizes[0], "Hampir: ada bias yang terhitung berlebih.",
         "Lapisan masukan tidak punya bias; ia hanya meneruskan piksel."),
        (int(np.prod(sizes)), "Anda mengalikan semua ukuran lapisan.",
         "Bobot hanya menghubungkan dua lapisan yang berurutan: hitung per pasangan lapisan, "
         "lalu jumlahkan."),
        (sum(sizes), "Itu banyak neuron, bukan banyak parameter.",
         "Hitung bobot (per pasangan lapisan) dan bias (per neuron)."),
    ]
    return _first_mistake(lambda wrong: value == wrong, mistakes, (
        f"{value} belum tepat.", "Bobot: satu per pasangan neuron di dua lapisan berurutan. "
                                 "Bias: satu per neuron di luar lapisan masukan."))


@exercise(2, hints=(
    "Lihat bagian 3, “Fungsi Biaya”: cross-entropy Nielsen menilai setiap neuron keluaran sebagai "
    "jawaban ya/tidak terhadap target one-hot y, lalu merata-ratakan atas contoh.",
    "Buat target one-hot dengan `np.eye(10)[y_2]`, berbentuk sama dengan `A_2`. Setiap elemen "
    "memberi y·ln a + (1 − y)·ln(1 − a); pakai `np.log`, logaritma natural.",
    "Jumlahkan suku-suku itu atas neuron keluaran (`axis=1`), rata-ratakan atas contoh dengan "
    "`np.mean`, dan jangan lupa tanda minusnya: biaya tidak pernah negatif.",
))
def exercise_2(cost_2, A_2, y_2) -> Feedback:
    """Latihan 2: biaya cross-entropy rata-rata untuk aktivasi keluaran ``A_2`` dan label ``y_2``."""
    value, problem = number_answer(cost_2, "cost_2",
                                   "Jumlahkan atas neuron keluaran (axis=1), lalu rata-ratakan "
                                   "atas contoh, sehingga hasilnya satu angka.")
    if problem is not None:
        return problem
    a = np.asarray(A_2, dtype=float)
    y = np.eye(a.shape[-1])[np.asarray(y_2)]
    terms = y * np.log(a) + (1 - y) * np.log(1 - a)
    expected = -terms.sum(axis=1).mean()
    if close(value, expected, atol=1e-9, rtol=1e-6):
        return correct(f"Biaya cross-entropy {decimal(expected, 4)}: setiap neuron keluaran "
                       "dinilai sebagai jawaban ya/tidak, lalu dirata-ratakan atas contoh.")
    log10 = y * np.log10(a) + (1 - y) * np.log10(1 - a)
    mistakes = [
        (-expected, "Tandanya terbalik: biaya tidak pernah negatif.",
         "ln dari angka antara 0 dan 1 selalu negatif, jadi rumusnya diawali tanda minus."),
        (-(y * np.log(a)).sum(axis=1).mean(),
         "Itu cross-entropy pelajaran 06 (−ln a untuk kelas yang benar saja).",
         "Untuk keluaran sigmoid, neuron yang seharusnya 0 juga dinilai: tambahkan suku "
         "(1 − y)·ln(1 − a)."),
        (-terms.sum(), "Anda menjumlahkan atas semua contoh.",
         "Fungsi biaya adalah rata-rata: bagi dengan banyak contoh."),
        (-terms.mean(), "Anda merata-ratakan juga atas 10 neuron keluaran.",
         "Jumlahkan atas neuron (axis=1), lalu rata-ratakan atas contoh."),
        (-log10.sum(axis=1).mean(), "Anda memakai logaritma basis 10.",
         "ln adalah logaritma natural: `np.log`, bukan `np.log10`."),
        (0.5 * ((y - a) ** 2).sum(axis=1).mean(), "Itu biaya kuadratik.",
         "Cross-entropy memakai ln a dan ln(1 − a), bukan (y − a)²."),
    ]
    return _first_mistake(lambda wrong: close(value, wrong, atol=1e-9, rtol=1e-6), mistakes, (
        f"{decimal(value, 4)} belum tepat.",
        "C = −(1/n) Σ_x Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)], dengan y target one-hot: "
        "`np.eye(10)[y_2]`."))


def _shape_error_hint(error) -> str:
    """Petunjuk untuk galat di fungsi ``feedforward`` pembelajar."""
    text = str(error)
    if "unpack" in text:
        return ("Fungsi Anda harus bekerja untuk berapa pun banyak lapisan: pakai perulangan "
                "atas pasangan bobot dan bias (`zip`).")
    if "matmul" in text or "shapes" in text or "broadcast" in text:
        return ("Contoh adalah baris X, sedangkan bobot Nielsen menyimpan satu baris per "
                "neuron, jadi matriks bobotnya ditranspos (bagian 3).")
    return "Coba panggil fungsi Anda sendiri, misalnya `feedforward(X, net_16.weights, " \
           "net_16.biases)`."


@exercise(3, hints=(
    "Lihat bagian 2, “Propagasi Maju dengan Bentuk di Setiap Langkah”: untuk satu batch, setiap "
    "lapisan menghitung `Z = A @ W.T + b`, lalu `A = sigmoid(Z)`, dan A itu menjadi masukan "
    "lapisan berikutnya.",
    "Agar bekerja untuk berapa pun banyak lapisan, jangan menulis `W1`, `W2` satu per satu: mulai "
    "dari `A = X`, lalu pakai perulangan `for w, b in zip(weights, biases):`.",
    "Di dalam perulangan, perbarui `A` dengan rumus satu lapisan (bobot ditranspos, tambah bias, "
    "lalu sigmoid). Tulis `return A` setelah perulangan selesai, bukan di dalamnya.",
))
def exercise_3(feedforward) -> Feedback:
    """Latihan 3: propagasi maju untuk satu batch dan berapa pun banyak lapisan."""
    problem = function_answer(feedforward, "feedforward", "def feedforward(X, weights, biases):")
    if problem is not None:
        return problem
    from saraf.mlp import Network

    rng = np.random.default_rng(5)
    X = rng.random((4, 784)) * (rng.random((4, 784)) > 0.7)  # mirip angka: banyak nol
    for sizes in ([784, 16, 16, 10], [784, 30, 10]):
        net = Network(sizes, seed=2, init="lecun")
        where = f"jaringan {'-'.join(str(s) for s in sizes)} dan X berbentuk {X.shape}"
        result, problem = run_answer(feedforward, X.copy(), [w.copy() for w in net.weights],
                                     [b.copy() for b in net.biases], numeric=True,
                                     returns="aktivasi lapisan keluaran, satu baris per contoh",
                                     where=where, hint=_shape_error_hint)
        if problem is not None:
            return problem
        expected = net.feedforward(X)
        if result.shape != expected.shape:
            hint = ("Satu baris per contoh, satu kolom per neuron keluaran."
                    if result.shape == expected.shape[::-1] else
                    "Lalui semua lapisan dengan perulangan, lalu `return` setelah "
                    "perulangannya selesai, bukan di dalamnya.")
            return incorrect(f"Untuk {where}, bentuk keluaran Anda {result.shape}, seharusnya "
                             f"{expected.shape}.", hint)
        if close(result, expected, atol=1e-9):
            continue
        a = X
        for w, b in zip(net.weights[:-1], net.biases[:-1]):
            a = sigmoid(a @ w.T + b)
        linear, no_bias = X, X
        for w, b in zip(net.weights, net.biases):
            linear, no_bias = linear @ w.T + b, sigmoid(no_bias @ w.T)
        if close(result, a @ net.weights[-1].T + net.biases[-1], atol=1e-9):
            return incorrect("Lapisan keluaran Anda mengembalikan z, belum aktivasinya.",
                             "Lapisan terakhir juga memakai sigmoid: a = σ(z).")
        if close(result, sigmoid(linear), atol=1e-9):
            return incorrect("Sigmoid hanya dipakai sekali, di akhir.",
                             "Setiap lapisan menghitung z lalu a = σ(z); a itulah masukan "
                             "lapisan berikutnya.")
        if close(result, no_bias, atol=1e-9):
            return incorrect("Bias belum ditambahkan.", "Tambahkan bias di setiap lapisan, "
                                                        "sebelum sigmoid.")
        return incorrect(f"Bentuk keluaran sudah benar, tetapi nilainya berbeda untuk {where}.",
                         "Setiap lapisan: jumlah berbobot (bobot ditranspos) ditambah bias, lalu "
                         "sigmoid; keluaran satu lapisan menjadi masukan lapisan berikutnya.")
    return correct("Propagasi maju untuk berapa pun banyak lapisan: satu perulangan atas "
                   "(w, b), satu baris per contoh. Inilah `Network.feedforward`.")


hint, solution = helpers(__name__)
