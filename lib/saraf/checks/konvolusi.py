"""Pemeriksa latihan pelajaran konvolusi."""

from __future__ import annotations

import math

import numpy as np

from saraf import ops
from saraf.checks import (Feedback, check_function, correct, incorrect, integer_answer,
                          number_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.validation import is_real
from saraf.widgets.receptive_field_state import Layer, field_size


@exercise(1, hints=(
    "Pakai rumus di bagian 6.4 (Rumus Ukuran Keluaran). Tanpa padding berarti p = 0, dan tanpa "
    "dilasi berarti d = 1.",
    "Dengan p = 0 dan d = 1, rumusnya menjadi ⌊(n − k) / s⌋ + 1. Isi n = 28, k = 5, s = 2.",
    "Pembulatan ke bawah ⌊ ⌋ ditulis di Python dengan pembagian bulat `//`, jadi bentuknya `(... "
    "- ...) // ... + 1`.",
))
def exercise_1(answer) -> Feedback:
    """Latihan 1: tinggi keluaran untuk gambar 28 × 28, kernel 5, stride 2, tanpa padding."""
    value, problem = integer_answer(answer, "answer_1", "Tulis rumusnya dengan Python, "
                                    "misalnya `(a - b) // c + 1`.")
    if problem is not None and is_real(answer):
        return incorrect(f"Ukuran keluaran selalu bilangan bulat, tetapi jawaban Anda "
                         f"{answer!r}.", "Rumusnya memakai pembulatan ke bawah (floor): "
                         "gunakan `//` untuk membagi.")
    if problem is not None:
        return problem
    n, k, s = 28, 5, 2
    expected = (n - k) // s + 1
    if value == expected:
        return correct(f"⌊(28 − 5) / 2⌋ + 1 = ⌊11,5⌋ + 1 = {expected}: peta fitur berukuran "
                       f"{expected} × {expected}.")
    if value == math.ceil((n - k) / s) + 1:
        return incorrect("Anda membulatkan ke atas.",
                         "Jendela yang tidak muat seluruhnya di dalam gambar tidak dihitung: "
                         "bulatkan ke bawah (`//`).")
    if value == (n - k) // s:
        return incorrect("Hampir: posisi pertama jendela belum terhitung.",
                         "Rumusnya diakhiri dengan `+ 1`.")
    if value == n - k + 1:
        return incorrect("Itu ukuran keluaran untuk stride 1.",
                         "Dengan stride 2, jarak geser (n − k) dibagi 2 dulu.")
    if value == n // s or value == -(-n // s):
        return incorrect("Itu ukuran keluaran dengan padding 'same'.",
                         "Latihan ini tanpa padding ('valid'): ukuran kernel ikut menentukan.")
    return incorrect(f"{value} belum tepat.",
                     "Isi rumus ⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 dengan n = 28, k = 5, s = 2, "
                     "p = 0, d = 1.")


@exercise(2, hints=(
    "Ulangi hitungan satu sel di bagian 2 (Gagasan: Jendela Kecil yang Digeser), tempat jendela "
    "baris 1, kolom 3 menghasilkan −10. Kali ini kernelnya `sobel` dan jendelanya mulai di baris "
    "2, kolom 1.",
    "Jendela 3 × 3 yang mulai di baris 2, kolom 1 mencakup baris 2–4 dan kolom 1–3. Ujung irisan "
    "tidak ikut, jadi baris-barisnya `image[2:5, ...]`.",
    "Kalikan jendela dengan `sobel` elemen demi elemen memakai `*` (bukan `@`), lalu jumlahkan "
    "semua hasilnya dengan `np.sum(...)`.",
))
def exercise_2(value, image, kernel) -> Feedback:
    """Latihan 2: nilai peta fitur pada baris 2, kolom 1 (stride 1, tanpa padding)."""
    if isinstance(value, np.ndarray) and value.size > 1:
        return incorrect(f"Jawaban Anda array berbentuk {value.shape}, padahal satu sel peta "
                         "fitur hanyalah satu angka.",
                         "Kalikan elemen demi elemen dengan `*` (bukan `@`), lalu jumlahkan "
                         "semuanya dengan `np.sum(...)`.")
    number, problem = number_answer(value, "answer_2", "Gunakan `np.sum(potongan * kernel)`.")
    if problem is not None:
        return problem
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    out = ops.conv2d(image, kernel)
    expected = out[2, 1]
    if np.isclose(number, expected):
        return correct(f"Nilai peta fitur di baris 2, kolom 1 adalah {expected:g}: perkalian "
                       "titik jendela 3 × 3 yang mulai di baris 2, kolom 1 dengan kernel.")
    flipped = ops.conv2d(image, kernel[::-1, ::-1])[2, 1]
    if np.isclose(number, flipped):
        return incorrect("Anda membalik kernel (konvolusi matematis).",
                         "Lapisan CNN memakai kernel apa adanya (korelasi silang): jangan "
                         "dibalik.")
    positions = [(i, j) for i in range(out.shape[0]) for j in range(out.shape[1])
                 if np.isclose(number, out[i, j])]
    if (1, 2) in positions:
        return incorrect("Itu nilai di baris 1, kolom 2: baris dan kolom tertukar.",
                         "Indeks pertama adalah baris: `image[2:5, 1:4]`.")
    if positions:
        return incorrect("Nilai itu ada di peta fitur, tetapi di posisi lain.",
                         "Jendela untuk baris 2, kolom 1 mulai di `image[2, 1]` dan "
                         "berukuran 3 × 3, jadi ujungnya eksklusif: `2:5` dan `1:4`.")
    return incorrect(f"{number:g} belum tepat.",
                     "Ambil potongan 3 × 3 yang mulai di baris 2, kolom 1, kalikan elemen demi "
                     "elemen dengan kernel, lalu jumlahkan.")


@exercise(3, hints=(
    "Lihat bagian 7 (Beberapa Kanal dan Beberapa Kernel): setiap kernel membentang di semua kanal "
    "masukan, dan setiap kernel punya satu bias.",
    "Rumusnya k·k·c_in·c_out + c_out. Gambar RGB punya 3 kanal masukan; 16 kernel berarti 16 "
    "kanal keluaran.",
    "Ukuran gambar 32 × 32 tidak muncul di rumus, karena kernel yang sama dipakai di semua "
    "posisi. Jangan lupa biasnya: satu per kernel, bukan per kanal masukan.",
))
def exercise_3(n_params) -> Feedback:
    """Latihan 3: banyak parameter Conv2D(16 kernel 5 × 5) pada gambar RGB 32 × 32."""
    value, problem = integer_answer(n_params, "n_params", "Tulis perhitungannya dengan Python.")
    if problem is not None:
        return problem
    k, c_in, c_out = 5, 3, 16
    expected = k * k * c_in * c_out + c_out
    if value == expected:
        return correct(f"5·5·3·16 + 16 = {expected}: setiap kernel punya 5·5·3 bobot (satu "
                       "untuk setiap kanal masukan) dan 1 bias.")
    if value == k * k * c_in * c_out:
        return incorrect("Bobotnya sudah benar, tetapi bias belum dihitung.",
                         "Setiap kernel (kanal keluaran) punya satu bias.")
    if value in (k * k * c_out + c_out, k * k * c_out):
        return incorrect("Kanal masukan belum ikut dihitung.",
                         "Gambar RGB punya 3 kanal; setiap kernel punya bobot untuk setiap "
                         "kanal masukan.")
    if value in (k * k * c_in + 1, k * k * c_in):
        return incorrect("Itu parameter satu kernel saja.", "Lapisan ini punya 16 kernel.")
    if value == k * k * c_in * c_out + c_in * c_out:
        return incorrect("Bias dihitung terlalu banyak.",
                         "Bias ada satu per kernel (per kanal keluaran), bukan per kanal masukan.")
    if value % 32 == 0 or value > 10 * expected:
        return incorrect(f"{value} terlalu besar, atau bergantung pada ukuran gambar.",
                         "Kernel yang sama digeser ke semua posisi, jadi ukuran gambar (32 × 32) "
                         "tidak memengaruhi banyak parameter.")
    return incorrect(f"{value} belum tepat.", "Banyak parameter = k·k·c_in·c_out + c_out.")


@exercise(4, hints=(
    "Salin `conv2d_naive` dari bagian 3 (Konvolusi dari Nol dengan NumPy), lalu baca bagian 6.3 "
    "(Dilasi): kernel dengan dilasi d menjangkau d·(k − 1) + 1 piksel, tetapi bobotnya tetap k × "
    "k.",
    "Hitung ukuran efektif untuk baris dan kolom secara terpisah (kernel boleh tidak persegi). "
    "Ukuran keluaran setiap sumbu = ukuran gambar − ukuran efektif + 1.",
    "Jendela ke-(i, j) mulai di `image[i, j]`, selebar ukuran efektif, dan mengambil setiap "
    "elemen ke-d: `image[i:i + span_rows:dilation, ...]`, dengan `span_rows` ukuran efektif "
    "baris. Bentuknya sama dengan `kernel`.",
))
def exercise_4(conv2d_dilated) -> Feedback:
    """Latihan 4: fungsi konvolusi dengan dilasi (stride 1, tanpa padding)."""
    rng = np.random.default_rng(3)
    cases = [(rng.integers(0, 10, (7, 7)), rng.integers(-2, 3, (3, 3)), 1),
             (rng.integers(0, 10, (7, 7)), rng.integers(-2, 3, (3, 3)), 2),
             (rng.integers(0, 10, (9, 8)), rng.integers(-2, 3, (2, 3)), 3),
             (rng.integers(0, 10, (6, 6)), rng.integers(-2, 3, (3, 3)), 2)]
    problem = check_function(
        conv2d_dilated, "conv2d_dilated", "def conv2d_dilated(image, kernel, dilation):",
        [((image.astype(float), kernel.astype(float), d),
          f"gambar {image.shape}, kernel {kernel.shape}, dilasi {d}")
         for image, kernel, d in cases],
        lambda image, kernel, d: ops.conv2d(image, kernel, dilation=d),
        returns="peta fitur (array NumPy)", error_hint=_error_hint, shape_hint=_shape_hint,
        value_hint=_value_hint)
    if problem is not None:
        return problem
    return correct("Fungsi Anda sama dengan `saraf.ops.conv2d(..., dilation=d)` untuk semua "
                   "contoh uji, termasuk kernel yang tidak persegi.")


#: Latihan 5: konv 3 × 3 → konv 3 × 3 → max pool 2 × 2 (stride 2) → konv 3 × 3, tanpa padding.
EXERCISE_5_LAYERS = (Layer("konv", 3), Layer("konv", 3), Layer("pool", 2, 2), Layer("konv", 3))


@exercise(5, hints=(
    "Pakai rumus di bagian 7.3 (Medan Reseptif): mulai dari 1, lalu setiap lapisan k × k menambah "
    "(k − 1), dikali hasil kali stride lapisan-lapisan sebelumnya.",
    "Tulis setiap lapisan sebagai (k, s): konv (3, 1), konv (3, 1), pool (2, 2), konv (3, 1). "
    "Pooling 2 × 2 juga menambah (k − 1); stride-nya baru berpengaruh pada lapisan sesudahnya.",
    "Tulis satu suku per lapisan: `rf_size = 1 + (3 - 1) * 1 + ...`. Suku konvolusi terakhir "
    "dikali 2, karena sesudah pooling satu langkah sel sama dengan 2 piksel masukan.",
))
def exercise_5(rf_size) -> Feedback:
    """Latihan 5: sisi medan reseptif satu sel di peta terakhir tumpukan empat lapisan."""
    value, problem = integer_answer(rf_size, "rf_size", "Tulis perhitungannya dengan Python, "
                                    "misalnya `1 + (3 - 1) + ...`.")
    if problem is not None:
        return problem
    layers = EXERCISE_5_LAYERS
    expected = field_size(layers)
    if value == expected:
        return correct(f"1 + (3 − 1)·1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = {expected}: "
                       f"satu sel di peta terakhir bergantung pada {expected} × {expected} "
                       "piksel masukan. Konvolusi terakhir datang sesudah pooling: satu langkah "
                       "selnya sama dengan 2 piksel masukan, jadi tambahannya dikali 2.")
    no_stride = field_size(tuple(Layer(x.kind, x.size, 1) for x in layers))
    if value == no_stride:
        return incorrect("Stride pooling belum ikut dihitung.",
                         "Sesudah pooling dengan stride 2, satu langkah sel sama dengan 2 piksel "
                         "masukan: kalikan (k − 1) lapisan sesudahnya dengan 2.")
    if value == field_size(layers[:2] + layers[3:]):
        return incorrect("Lapisan pooling terlewat.",
                         "Jendela pooling 2 × 2 juga menambah medan reseptif (k − 1 = 1), dan "
                         "stride-nya memperbesar tambahan lapisan sesudahnya.")
    if value == field_size(layers[:3]):
        return incorrect("Lapisan konvolusi terakhir belum dihitung.",
                         "Ada empat lapisan: tiga pertama, lalu satu konvolusi 3 × 3 lagi.")
    if value == expected ** 2:
        return incorrect(f"{value} adalah luasnya (banyak piksel).",
                         "Yang diminta sisi medan reseptif (tinggi atau lebarnya saja).")
    if value == sum(x.size for x in layers):
        return incorrect("Ukuran kernel tidak dijumlahkan begitu saja.",
                         "Setiap lapisan menambah (k − 1), bukan k, dikali hasil kali stride "
                         "lapisan-lapisan sebelumnya; mulailah dari 1.")
    return incorrect(f"{value} belum tepat.",
                     "Pakai r = 1 + Σ (k − 1)·(hasil kali stride lapisan-lapisan sebelumnya). "
                     "Penjelajah medan reseptif dapat memeriksa tiga lapisan pertama.")


def _error_hint(error) -> str:
    if isinstance(error, IndexError):
        return ("Ada indeks di luar gambar: hitung ukuran keluaran dengan ukuran efektif "
                "kernel d·(k − 1) + 1.")
    return "Ukuran jendela dengan dilasi adalah d·(k − 1) + 1."


def _shape_hint(result, image, kernel, d) -> str:
    if result.shape == ops.conv2d(image, kernel).shape and d > 1:
        return "Bentuknya seperti tanpa dilasi. Jendela dengan dilasi lebih lebar: d·(k − 1) + 1."
    return "Ukuran keluaran = n − d·(k − 1) untuk stride 1 tanpa padding."


def _value_hint(result, image, kernel, d) -> str:
    rows, cols = result.shape
    if d > 1 and np.allclose(result, ops.conv2d(image, kernel)[:rows, :cols]):
        return ("Potongannya masih bersebelahan. Ambil setiap elemen ke-d dengan langkah "
                "irisan: `image[i:i + span:d, j:j + span:d]`.")
    if np.allclose(result, ops.conv2d(image, kernel[::-1, ::-1], dilation=d)):
        return "Kernel jangan dibalik: lapisan CNN memakai korelasi silang."
    return ("Periksa potongan pada posisi (i, j): mulai di `image[i, j]`, lalu ambil setiap "
            "elemen ke-d.")


hint, solution = helpers(__name__)
