"""Pemeriksa latihan pelajaran 11: propagasi balik CNN dari nol dengan NumPy.

Latihan 1 dan 2 dihitung dengan tangan (gradien max pooling sebuah masukan 4 × 4, bentuk
gradien kernel); latihan 3–5 meminta fungsi yang diperiksa pada beberapa masukan acak, bukan
hanya contoh di notebook, terhadap rumus acuan dan ``saraf.ops.conv2d_backward``. Setiap
kesalahan yang dikenal mendapat petunjuknya sendiri; yang lain mendapat petunjuk umum.
"""

from __future__ import annotations

import numpy as np

from saraf import ops
from saraf.checks import (Feedback, check_function, close, correct, function_answer,
                          incorrect, not_answered, run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.validation import short

#: Latihan 1: masukan max pooling 2 × 2 (stride 2) dan gradien keluarannya.
POOL_X = np.array([[2.0, 7.0, 1.0, 0.0],
                   [5.0, 3.0, 4.0, 9.0],
                   [6.0, 1.0, 8.0, 2.0],
                   [0.0, 4.0, 3.0, 5.0]])
POOL_GRAD = np.array([[0.5, -1.0],
                      [2.0, 0.25]])

#: Latihan 2: Conv2D(32 kernel 3 × 3) yang menerima mini-batch berbentuk (32, 13, 13, 16).
BATCH, SIDE, C_IN, C_OUT, K = 32, 13, 16, 32, 3


def pool_data():
    """Salinan masukan ``x_pool`` (4 × 4) dan gradien keluaran ``g_pool`` (2 × 2) latihan 1."""
    return POOL_X.copy(), POOL_GRAD.copy()


def _numbers(answer, name: str):
    """``(array float, None)`` dari array atau list bersarang, atau ``(None, umpan balik)``."""
    problem = not_answered(answer)
    if problem is not None:
        return None, problem
    try:
        array = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        array = None
    if array is None or array.ndim == 0:
        return None, incorrect(f"`{name}` seharusnya array angka, tetapi yang diberikan: "
                               f"{short(answer)}.",
                               "Tulis array 4 × 4, misalnya `np.array([[0, 0, 0, 0], ...])`.")
    return array, None


@exercise(1, hints=(
        "Baca lagi bagian 5, \"Max Pooling dan Average Pooling\": keluaran setiap jendela hanya "
        "bergantung pada piksel terbesarnya, jadi seluruh gradien jendela mengalir ke piksel itu; "
        "piksel lain mendapat 0.",
        "Bagi `x_pool` menjadi empat jendela 2 × 2 yang tidak bertumpuk (stride 2) dan cari "
        "piksel terbesar setiap jendela. `grad_pool` berbentuk 4 × 4, seperti `x_pool`.",
        "Jendela kiri atas (baris 0–1, kolom 0–1) berisi 2, 7, 5, 3; terbesarnya 7 di `[0, 1]`, "
        "jadi `grad_pool[0, 1]` = `g_pool[0, 0]`. Kerjakan tiga jendela lain dengan cara yang "
        "sama; piksel lain 0.",
))
def exercise_1(grad_pool) -> Feedback:
    """Latihan 1: gradien max pooling 2 × 2 (stride 2) untuk masukan 4 × 4, dihitung dengan tangan."""
    answer, problem = _numbers(grad_pool, "grad_pool")
    if problem is not None:
        return problem
    x, g = POOL_X, POOL_GRAD
    expected = ops.max_pool2d_backward(x, g, 2)
    if answer.shape == g.shape:
        return incorrect("Bentuknya 2 × 2: itu bentuk keluaran pooling.",
                         "∂C/∂x berbentuk sama dengan masukannya, 4 × 4: satu angka untuk "
                         "setiap piksel `x_pool`.")
    if answer.shape != x.shape:
        return incorrect(f"Bentuk `grad_pool` {answer.shape}, padahal yang diminta (4, 4).",
                         "Satu angka untuk setiap piksel `x_pool`.")
    if close(answer, expected):
        return correct("Setiap jendela 2 × 2 mengirim gradiennya seluruhnya ke piksel "
                       "terbesarnya (7, 9, 6, dan 8); dua belas piksel lain mendapat 0.")
    winners = expected != 0
    spread = np.kron(g, np.ones((2, 2)))
    smallest = ops.max_pool2d_backward(-x, g, 2)
    mistakes = [
        (spread / 4, "Itu gradien average pooling.",
         "Max pooling hanya meneruskan piksel terbesar, jadi hanya piksel itu yang menerima "
         "gradien."),
        (spread, "Semua piksel jendela mendapat gradien jendelanya.",
         "Keluaran jendela hanya bergantung pada piksel terbesarnya; tiga piksel lain tidak "
         "memengaruhi biaya, jadi gradiennya 0."),
        (winners.astype(float), "Posisinya sudah benar, tetapi nilainya belum.",
         "Piksel terbesar tidak menerima 1, tetapi gradien keluaran jendelanya, `g_pool`."),
        (np.where(winners, x, 0.0), "Anda menaruh nilai maksimumnya (propagasi maju).",
         "Yang ditaruh di posisi piksel terbesar adalah gradien keluaran `g_pool`, bukan nilai "
         "pikselnya."),
        (smallest, "Anda memilih piksel terkecil setiap jendela.",
         "Max pooling memilih piksel terbesar."),
        (expected.T, "Baris dan kolom tertukar.",
         "Jendela kanan atas adalah baris 0–1, kolom 2–3."),
    ]
    for wrong, message, hint in mistakes:
        if close(answer, wrong):
            return incorrect(message, hint)
    if np.array_equal(answer != 0, winners):
        return incorrect("Posisinya sudah benar, tetapi ada nilai yang belum tepat.",
                         "Jendela kiri atas menerima `g_pool[0, 0]`, kanan atas "
                         "`g_pool[0, 1]`, kiri bawah `g_pool[1, 0]`, kanan bawah `g_pool[1, 1]`.")
    return incorrect("Nilainya belum tepat.",
                     "Untuk setiap jendela 2 × 2 (stride 2): cari piksel terbesarnya, beri ia "
                     "gradien jendela itu dari `g_pool`, dan beri 0 untuk tiga piksel lain.")


def _shape_answer(answer):
    """``(tuple bilangan bulat, None)`` dari tuple/list, atau ``(None, umpan balik)``."""
    problem = not_answered(answer)
    if problem is not None:
        return None, problem
    if isinstance(answer, np.ndarray) and answer.ndim > 1:
        return None, incorrect(f"Jawaban Anda sebuah array berbentuk {answer.shape}, padahal "
                               "yang diminta bentuknya saja.",
                               "Tulis bentuknya sebagai tuple, misalnya `(2, 5)`, atau pakai "
                               "`.shape` sebuah array.")
    items = list(answer) if isinstance(answer, (tuple, list, np.ndarray)) else None
    if not items or not all(isinstance(n, (int, np.integer)) and not isinstance(n, bool)
                            for n in items):
        return None, incorrect(f"Bentuk ditulis sebagai tuple bilangan bulat, tetapi yang "
                               f"diberikan: {short(answer)}.", "Misalnya `(2, 5)`.")
    return tuple(int(n) for n in items), None


@exercise(2, hints=(
        "Gradien sebuah parameter selalu berbentuk sama dengan parameter itu: lihat bentuk "
        "parameter dan gradiennya di bagian 8, \"CNN Utuh dengan NumPy\". Jadi pertanyaannya: apa "
        "bentuk kernel lapisan ini?",
        "Sumbu kernel di seri ini berurutan seperti Keras: `(kh, kw, C_masuk, C_keluar)`. Ukuran "
        "batch dan ukuran peta fitur tidak muncul: gradien kernel dijumlahkan atas contoh dan "
        "posisi.",
        "Kernelnya 3 × 3; C_masuk adalah ukuran sumbu terakhir mini-batch `(32, 13, 13, 16)`; "
        "C_keluar adalah banyak kernel lapisan ini, yaitu angka pertama di `Conv2D(...)`.",
))
def exercise_2(grad_kernel_shape) -> Feedback:
    """Latihan 2: bentuk gradien kernel Conv2D(32 kernel 3 × 3) pada masukan (32, 13, 13, 16)."""
    shape, problem = _shape_answer(grad_kernel_shape)
    if problem is not None:
        return problem
    expected = (K, K, C_IN, C_OUT)
    out_side = SIDE - K + 1
    if shape == expected:
        return correct(f"{expected}: sama dengan bentuk kernel. Gradien dijumlahkan atas "
                       f"{BATCH} gambar dan {out_side} · {out_side} posisi, jadi ukuran batch "
                       "dan ukuran peta fitur tidak muncul di bentuknya.")
    channel_hint = ("Setiap kernel punya bobot untuk setiap kanal masukan (16), dan ada satu "
                    "kernel untuk setiap kanal keluaran (32).")
    mistakes = {
        (BATCH, *expected): ("Ada sumbu batch di depan.",
                             "Gradien kernel dijumlahkan atas semua gambar mini-batch, seperti "
                             "BP4 dijumlahkan atas contoh: tidak ada sumbu batch."),
        (BATCH, out_side, out_side, C_OUT): ("Itu bentuk keluaran lapisan (dan `grad_output`).",
                                             "Gradien sebuah parameter berbentuk sama dengan "
                                             "parameternya."),
        (BATCH, SIDE, SIDE, C_IN): ("Itu bentuk `grad_x`, gradien untuk masukan lapisan.",
                                    "Yang ditanyakan gradien untuk kernel."),
        (K, K, C_OUT, C_IN): ("Kanal masukan dan kanal keluaran tertukar.",
                              "Urutan sumbu kernel di seri ini (HWIO, seperti Keras): tinggi, "
                              "lebar, kanal masukan, kanal keluaran."),
        (C_OUT, K, K, C_IN): ("Kanal keluaran ditulis di depan.",
                              "Urutan sumbu kernel di seri ini (HWIO, seperti Keras): tinggi, "
                              "lebar, kanal masukan, kanal keluaran."),
        (C_OUT, C_IN, K, K): ("Itu urutan sumbu pustaka lain.",
                              "Seri ini memakai urutan Keras (HWIO): tinggi, lebar, kanal "
                              "masukan, kanal keluaran."),
        (K, K, C_OUT): ("Kanal masukan belum ada.", channel_hint),
        (K, K, C_IN): ("Kanal keluaran belum ada.", channel_hint),
        (K, K): ("Itu bentuk satu kernel untuk satu kanal saja.", channel_hint),
        (C_OUT,): ("Itu bentuk gradien bias.", "Yang ditanyakan gradien untuk kernel."),
    }
    if shape in mistakes:
        return incorrect(*mistakes[shape])
    return incorrect(f"{shape} belum tepat.",
                     "Gradien sebuah parameter selalu berbentuk sama dengan parameternya. Apa "
                     "bentuk kernel lapisan ini, dengan urutan (kh, kw, C_masuk, C_keluar)?")


def _leaky_reference(x, grad_output, alpha=0.1):
    return np.where(x > 0, grad_output, alpha * grad_output)


def _leaky_cases():
    rng = np.random.default_rng(11)
    cases = []
    for shape, alpha in (((6,), None), ((3, 4), 0.2), ((2, 4, 4, 3), 0.01)):
        x = rng.normal(size=shape)
        x.flat[::5] = 0.0  # x = 0 juga diuji: di sana gradiennya α · g
        g = rng.normal(size=shape)
        args = (x, g) if alpha is None else (x, g, alpha)
        text = f"x berbentuk {shape}" + ("" if alpha is None else f" dan alpha={alpha}")
        cases.append((args, text))
    return cases


def _leaky_value_hint(result, x, g, alpha=0.1) -> str:
    known = [
        (np.where(x > 0, g, 0.0), "Untuk x ≤ 0 gradiennya α · g, bukan 0: leaky ReLU tetap "
                                  "sedikit miring di sebelah kiri."),
        (np.where(x > 0, 1.0, alpha), "Itu turunan leaky ReLU saja. Aturan rantai: kalikan "
                                      "dengan `grad_output`."),
        (np.where(x > 0, x, alpha * x), "Itu propagasi maju leaky ReLU; yang diminta "
                                        "gradiennya."),
        (np.where(x >= 0, g, alpha * g), "Di x = 0 pakai cabang α, seperti `relu_backward` "
                                         "memakai 0 di sana (dan seperti TensorFlow)."),
        (np.where(g > 0, g, alpha * g), "Cabang dipilih menurut masukan propagasi maju `x`, "
                                        "bukan menurut `grad_output`."),
        (np.where(x > 0, g, 0.1 * g), "Pakai argumen `alpha`, bukan angka 0.1 yang tetap."),
    ]
    for wrong, hint in known:
        if close(result, wrong):
            return hint
    return "Untuk setiap elemen: `grad_output` bila x > 0, selain itu alpha · `grad_output`."


def _leaky_error_hint(error) -> str:
    if isinstance(error, TypeError) and "argument" in str(error):
        return ("Fungsi Anda harus menerima `alpha` sebagai argumen ketiga yang bernilai bawaan "
                "0.1, seperti di kepala fungsi yang diberikan.")
    return "Pakai operasi elemen demi elemen (misalnya `np.where`), tanpa perulangan."


@exercise(3, hints=(
        "Ikuti `relu_backward` di bagian 4, \"ReLU\": aturan rantai untuk setiap elemen, ∂C/∂x = "
        "`grad_output` × turunan fungsi aktivasi di `x`.",
        "Turunan leaky ReLU adalah 1 untuk x > 0 dan α untuk x ≤ 0 (termasuk x = 0). Cabang "
        "dipilih menurut `x`, bukan menurut `grad_output`, dan α diambil dari argumen `alpha`.",
        "`np.where(kondisi, bila_benar, bila_salah)` memilih elemen demi elemen untuk array "
        "berbentuk apa pun, tanpa perulangan: `return np.where(x > 0, ..., ...)`.",
))
def exercise_3(leaky_relu_backward) -> Feedback:
    """Latihan 3: propagasi balik leaky ReLU, diperiksa pada beberapa masukan acak."""
    problem = check_function(
        leaky_relu_backward, "leaky_relu_backward",
        "def leaky_relu_backward(x, grad_output, alpha=0.1):", _leaky_cases(), _leaky_reference,
        returns="∂C/∂x (array NumPy)", error_hint=_leaky_error_hint,
        shape_hint=lambda result, *args: "∂C/∂x berbentuk sama dengan `x` dan `grad_output`.",
        value_hint=_leaky_value_hint)
    if problem is not None:
        return problem
    return correct("Gradien lewat utuh di tempat x > 0 dan dikecilkan menjadi α · g di tempat "
                   "lain, untuk semua masukan uji (termasuk x = 0 dan array 4-D).")


DENSE_HEADER = "def dense_backward(x, W, grad_output):"


def _dense_cases():
    rng = np.random.default_rng(4)
    cases = []
    for n, n_in, n_out in ((5, 4, 3), (1, 6, 2), (3, 5, 5)):
        x, W, g = rng.normal(size=(n, n_in)), rng.normal(size=(n_in, n_out)), \
            rng.normal(size=(n, n_out))
        cases.append((x, W, g, f"x berbentuk {x.shape} dan W berbentuk {W.shape}"))
    return cases


def _dense_hints(x, W, g):
    """Untuk setiap hasil: (nama, acuan, petunjuk bentuk, [(array salah, petunjuk)], petunjuk)."""
    n = len(x)
    no_mean = ("Jangan dibagi banyak contoh: `grad_output` sudah memuat 1/N dari softmax dan "
               "cross-entropy (δ = (p − y)/N), jadi cukup jumlahkan.")
    return [
        ("grad_x", g @ W.T, "∂C/∂x berbentuk sama dengan `x`: (N, n_masuk).",
         [(g @ W.T / n, no_mean)] + ([(g @ W, "Pakai transpos bobot: ∂C/∂x = G · Wᵀ.")]
                                     if W.shape[0] == W.shape[1] else []),
         "∂C/∂x = G · Wᵀ: setiap masukan menerima gradien dari semua neuron yang dihubunginya "
         "(bagian (w)ᵀδ dari BP2)."),
        ("grad_W", x.T @ g, "∂C/∂W berbentuk sama dengan `W`: (n_masuk, n_keluar).",
         [(x.T @ g / n, no_mean), (g.T @ x, "Hasilnya terbalik: baris = masukan, kolom = "
                                            "neuron, seperti `W`."),
          (np.outer(x[0], g[0]), "Itu gradien contoh pertama saja; jumlahkan atas semua "
                                 "contoh.")],
         "∂C/∂W = xᵀ · G (BP4): satu perkalian matriks menjumlahkan semua contoh."),
        ("grad_b", g.sum(axis=0), "∂C/∂b berbentuk sama dengan bias: (n_keluar,). Jumlahkan "
                                  "atas sumbu contoh saja (`axis=0`).",
         [(g.mean(axis=0), no_mean)],
         "∂C/∂b = jumlah G atas contoh (BP3): bias yang sama dipakai setiap contoh."),
    ]


@exercise(4, hints=(
        "Mulailah dari `dense_backward_one` di bagian 3, \"Dense dan Flatten\": BP2 `W @ delta`, "
        "BP4 `np.outer(x, delta)`, BP3 `delta`. Kini setiap baris `x` adalah satu contoh.",
        "Tulis bentuknya di kertas: `x` (N, n_masuk), `W` (n_masuk, n_keluar), `grad_output` (N, "
        "n_keluar). Hasilnya harus `grad_x` (N, n_masuk), `grad_W` berbentuk seperti `W`, dan "
        "`grad_b` (n_keluar,). Perkalian matriks mana yang cocok?",
        "Perkalian matriks menjumlahkan atas sumbu yang dikalikan: `x.T @ grad_output` "
        "menjumlahkan perkalian luar semua contoh. Untuk `grad_b`, jumlahkan `grad_output` atas "
        "sumbu contoh; jangan dibagi N.",
))
def exercise_4(dense_backward) -> Feedback:
    """Latihan 4: propagasi balik lapisan Dense untuk satu mini-batch: (grad_x, grad_W, grad_b)."""
    problem = function_answer(dense_backward, "dense_backward", DENSE_HEADER)
    if problem is not None:
        return problem
    for x, W, g, where in _dense_cases():
        result, problem = run_answer(
            dense_backward, x.copy(), W.copy(), g.copy(),
            returns="tiga array (grad_x, grad_W, grad_b)", where=where,
            hint="Tulis bentuk setiap array di atas kertas: x (N, n_masuk), W (n_masuk, "
                 "n_keluar), grad_output (N, n_keluar).")
        if problem is not None:
            return problem
        if not isinstance(result, (tuple, list)) or len(result) != 3:
            return incorrect(f"Fungsi Anda mengembalikan {short(result)}, padahal seharusnya "
                             "tiga array.", "Akhiri fungsinya dengan "
                                            "`return grad_x, grad_W, grad_b`.")
        for got, (name, expected, shape_hint, known, hint) in zip(result, _dense_hints(x, W, g)):
            try:
                got = np.asarray(got, dtype=float)
            except (TypeError, ValueError):
                return incorrect(f"`{name}` bukan array angka.", f"Kembalikan {name} sebagai "
                                                                 "array NumPy.")
            if got.shape != expected.shape:
                return incorrect(f"Untuk {where}, `{name}` berbentuk {got.shape}, seharusnya "
                                 f"{expected.shape}.", shape_hint)
            if not close(got, expected):
                hint = next((h for wrong, h in known if close(got, wrong)), hint)
                return incorrect(f"Bentuk `{name}` sudah benar, tetapi nilainya berbeda untuk "
                                 f"{where}.", hint)
    return correct("Ketiga gradien benar untuk semua mini-batch uji, juga untuk W persegi: "
                   "∂C/∂x = G · Wᵀ, ∂C/∂W = xᵀ · G, ∂C/∂b = jumlah G atas contoh.")


def _conv_cases():
    rng = np.random.default_rng(5)
    cases = []
    for (h, w), (kh, kw), stride in (((6, 6), (3, 3), 1), ((9, 8), (2, 3), 2),
                                     ((7, 7), (3, 3), 2), ((10, 9), (3, 2), 3)):
        image, kernel = rng.normal(size=(h, w)), rng.normal(size=(kh, kw))
        g = rng.normal(size=ops.conv2d(image, kernel, stride=stride).shape)
        cases.append(((image, kernel, g, stride),
                      f"gambar {image.shape}, kernel {kernel.shape}, stride {stride}"))
    return cases


def _conv_reference(image, kernel, grad_output, stride):
    return ops.conv2d_backward(image, kernel, grad_output, stride=stride)[1]


def _conv_without_stride(image, kernel, g):
    kh, kw = kernel.shape
    out = np.zeros(kernel.shape)
    for i in range(g.shape[0]):
        for j in range(g.shape[1]):
            out += g[i, j] * image[i:i + kh, j:j + kw]
    return out


def _conv_value_hint(result, image, kernel, g, stride) -> str:
    expected = _conv_reference(image, kernel, g, stride)
    if stride > 1 and close(result, _conv_without_stride(image, kernel, g)):
        return ("Potongan ke-(i, j) mulai di baris i·stride dan kolom j·stride, bukan di baris "
                "i dan kolom j.")
    if close(result, expected[::-1, ::-1]):
        return "Jangan membalik apa pun: gradien kernel adalah korelasi silang, seperti majunya."
    if close(result, expected / g.size):
        return "Jumlahkan atas semua posisi, jangan dirata-ratakan."
    return ("∂C/∂k[a, b] = Σ G[i, j] · image[i·stride + a, j·stride + b]: setiap bobot dikalikan "
            "piksel yang ditutupinya di setiap posisi, lalu dijumlahkan.")


def _conv_error_hint(error) -> str:
    if isinstance(error, (IndexError, ValueError)):
        return ("Banyak posisi jendela sama dengan bentuk `grad_output`; potongan ke-(i, j) "
                "adalah `image[i * stride:i * stride + kh, j * stride:j * stride + kw]`.")
    return "Mulailah dari `conv2d_backward_loop` di bagian 6 dan ambil bagian gradien kernelnya."


@exercise(5, hints=(
        "Ambil bagian gradien kernel dari `conv2d_backward_loop` di bagian 6, \"Konvolusi\": di "
        "setiap posisi keluaran (i, j), potongan gambar dikalikan `grad_output[i, j]` lalu "
        "ditambahkan ke `grad_kernel`.",
        "Yang berubah hanya letak potongannya: dengan stride s, jendela ke-(i, j) mulai di baris "
        "`i * stride` dan kolom `j * stride` (bagian 6.1). Banyak posisinya tetap diberikan oleh "
        "bentuk `grad_output`. Kernel tidak dibalik.",
        "Kerangkanya: `kh, kw = kernel.shape`, `grad_kernel = np.zeros_like(kernel, "
        "dtype=float)`, dua perulangan atas `grad_output.shape[0]` dan `grad_output.shape[1]`, "
        "lalu `top, left = i * stride, j * stride`. Sisanya satu baris.",
))
def exercise_5(conv2d_kernel_grad) -> Feedback:
    """Latihan 5: gradien kernel konvolusi 2-D dengan stride, diperiksa terhadap saraf.ops."""
    problem = check_function(
        conv2d_kernel_grad, "conv2d_kernel_grad",
        "def conv2d_kernel_grad(image, kernel, grad_output, stride):", _conv_cases(),
        _conv_reference, returns="∂C/∂kernel (array NumPy)", error_hint=_conv_error_hint,
        shape_hint=lambda result, *args: "∂C/∂kernel berbentuk sama dengan `kernel`.",
        value_hint=_conv_value_hint)
    if problem is not None:
        return problem
    return correct("Fungsi Anda sama dengan `ops.conv2d_backward(...)[1]` untuk empat masukan "
                   "acak, termasuk kernel yang tidak persegi dan stride 1 sampai 3.")


hint, solution = helpers(__name__)
