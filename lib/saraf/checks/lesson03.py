"""Pemeriksa latihan pelajaran 03 (konvolusi)."""

from __future__ import annotations

import math
import numbers

import numpy as np

from saraf import ops
from saraf.checks import Feedback, correct, incorrect, not_answered


def _as_int(answer):
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return None
    value = float(answer)
    return int(value) if value.is_integer() else None


def _as_number(answer):
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return None
    return float(answer)


def exercise_1(answer) -> Feedback:
    """Latihan 1: tinggi keluaran untuk gambar 28 × 28, kernel 5, stride 2, tanpa padding."""
    empty = not_answered(answer)
    if empty is not None:
        return empty
    n, k, s = 28, 5, 2
    expected = (n - k) // s + 1
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        if not float(answer).is_integer():
            return incorrect(f"Ukuran keluaran selalu bilangan bulat, tetapi jawaban Anda "
                             f"{answer!r}.", "Rumusnya memakai pembulatan ke bawah (floor): "
                             "gunakan `//` untuk membagi.")
    value = _as_int(answer)
    if value is None:
        return incorrect(f"Jawaban seharusnya satu bilangan bulat, tetapi yang diberikan: "
                         f"{answer!r}.",
                         "Tulis rumusnya dengan Python, misalnya `(a - b) // c + 1`.")
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


def exercise_2(value, image, kernel) -> Feedback:
    """Latihan 2: nilai peta fitur pada baris 2, kolom 1 (stride 1, tanpa padding)."""
    empty = not_answered(value)
    if empty is not None:
        return empty
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)
    if isinstance(value, np.ndarray) and value.size > 1:
        return incorrect(f"Jawaban Anda array berbentuk {value.shape}, padahal satu sel peta "
                         "fitur hanyalah satu angka.",
                         "Kalikan elemen demi elemen dengan `*` (bukan `@`), lalu jumlahkan "
                         "semuanya dengan `np.sum(...)`.")
    number = _as_number(value)
    if number is None:
        return incorrect(f"Jawaban seharusnya satu angka, tetapi yang diberikan: {value!r}.",
                         "Gunakan `np.sum(potongan * kernel)`.")
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


def exercise_3(n_params) -> Feedback:
    """Latihan 3: banyak parameter Conv2D(16 kernel 5 × 5) pada gambar RGB 32 × 32."""
    empty = not_answered(n_params)
    if empty is not None:
        return empty
    value = _as_int(n_params)
    if value is None:
        return incorrect(f"Jawaban seharusnya bilangan bulat, tetapi yang diberikan: "
                         f"{n_params!r}.", "Tulis perhitungannya dengan Python.")
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


def _call(fn, *args):
    try:
        return fn(*args), None
    except Exception as error:  # galat pembelajar dilaporkan, tidak menghentikan pemeriksaan
        return None, error


def exercise_4(conv2d_dilated) -> Feedback:
    """Latihan 4: fungsi konvolusi dengan dilasi (stride 1, tanpa padding)."""
    empty = not_answered(conv2d_dilated)
    if empty is not None:
        return empty
    if not callable(conv2d_dilated):
        return incorrect(f"`conv2d_dilated` seharusnya fungsi, tetapi yang diberikan bertipe "
                         f"{type(conv2d_dilated).__name__}.",
                         "Definisikan dengan `def conv2d_dilated(image, kernel, dilation):`.")
    rng = np.random.default_rng(3)
    cases = [(rng.integers(0, 10, (7, 7)), rng.integers(-2, 3, (3, 3)), 1),
             (rng.integers(0, 10, (7, 7)), rng.integers(-2, 3, (3, 3)), 2),
             (rng.integers(0, 10, (9, 8)), rng.integers(-2, 3, (2, 3)), 3),
             (rng.integers(0, 10, (6, 6)), rng.integers(-2, 3, (3, 3)), 2)]
    for image, kernel, d in cases:
        image, kernel = image.astype(float), kernel.astype(float)
        expected = ops.conv2d(image, kernel, dilation=d)
        result, error = _call(conv2d_dilated, image.copy(), kernel.copy(), d)
        where = f"gambar {image.shape}, kernel {kernel.shape}, dilasi {d}"
        if error is not None:
            hint = "Ukuran jendela dengan dilasi adalah d·(k − 1) + 1."
            if isinstance(error, IndexError):
                hint = ("Ada indeks di luar gambar: hitung ukuran keluaran dengan ukuran "
                        "efektif kernel d·(k − 1) + 1.")
            return incorrect(f"Fungsi Anda menimbulkan galat {type(error).__name__} untuk "
                             f"{where}: {error}", hint)
        if result is None:
            return incorrect("Fungsi Anda tidak mengembalikan apa pun.",
                             "Jangan lupa `return` hasilnya di akhir fungsi.")
        result = np.asarray(result)
        if result.shape != expected.shape:
            plain = ops.conv2d(image, kernel).shape
            hint = "Ukuran keluaran = n − d·(k − 1) untuk stride 1 tanpa padding."
            if result.shape == plain and d > 1:
                hint = ("Bentuknya seperti tanpa dilasi. Jendela dengan dilasi lebih lebar: "
                        "d·(k − 1) + 1.")
            return incorrect(f"Untuk {where}, bentuk keluaran Anda {result.shape}, seharusnya "
                             f"{expected.shape}.", hint)
        if not np.allclose(result, expected):
            if d > 1 and np.allclose(result, ops.conv2d(image, kernel)[:expected.shape[0],
                                                                        :expected.shape[1]]):
                hint = ("Potongannya masih bersebelahan. Ambil setiap elemen ke-d dengan "
                        "langkah irisan: `image[i:i + span:d, j:j + span:d]`.")
            elif np.allclose(result, ops.conv2d(image, kernel[::-1, ::-1], dilation=d)):
                hint = "Kernel jangan dibalik: lapisan CNN memakai korelasi silang."
            else:
                hint = ("Periksa potongan pada posisi (i, j): mulai di `image[i, j]`, lalu "
                        "ambil setiap elemen ke-d.")
            return incorrect(f"Bentuk keluaran sudah benar, tetapi nilainya berbeda untuk "
                             f"{where}.", hint)
    return correct("Fungsi Anda sama dengan `saraf.ops.conv2d(..., dilation=d)` untuk semua "
                   "contoh uji, termasuk kernel yang tidak persegi.")
