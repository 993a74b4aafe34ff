"""Pemeriksa latihan pelajaran ReLU dan fungsi aktivasi."""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, correct, function_answer, incorrect, number_answer,
                          require_array, run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import percent


@exercise(1, hints=(
    "ReLU mengganti setiap nilai negatif dengan 0 dan membiarkan nilai positif apa adanya: "
    "ReLU(x) = max(0, x). Lihat bagian 1 (ReLU dalam Satu Baris).",
    "NumPy punya fungsi yang membandingkan setiap elemen dengan 0 sekaligus, tanpa perulangan. "
    "Hati-hati: `np.max` mencari satu nilai terbesar di seluruh array; yang Anda butuhkan "
    "`np.maximum`.",
))
def exercise_1(relu_values, values) -> Feedback:
    """Latihan 1: ReLU pada array kecil, dihitung dengan NumPy."""
    problem = require_array(relu_values, "relu_values")
    if problem is not None:
        return problem
    values = np.asarray(values, dtype=float)
    if relu_values.shape != values.shape:
        return incorrect(f"Bentuk `relu_values` {relu_values.shape}, padahal `values` "
                         f"berbentuk {values.shape}.",
                         "ReLU bekerja per elemen: bentuknya tidak berubah.")
    result = relu_values.astype(float)
    expected = np.maximum(values, 0)
    if np.allclose(result, expected):
        return correct("Nilai negatif menjadi 0, nilai positif tetap: ReLU(x) = max(0, x).")
    if np.allclose(result, np.abs(values)):
        return incorrect("Nilai negatif Anda menjadi positif.",
                         "ReLU tidak membalik tanda: nilai negatif menjadi 0.")
    if np.allclose(result, np.minimum(values, 0)):
        return incorrect("Yang tersisa justru nilai negatifnya.",
                         "ReLU menyimpan nilai positif; nilai negatif menjadi 0.")
    if np.allclose(result, np.clip(values, 0, 1)):
        return incorrect("Nilai besar ikut dipotong menjadi 1.",
                         "ReLU tidak punya batas atas: 4 tetap 4.")
    if np.allclose(result, values):
        return incorrect("Nilainya belum berubah.", "Ganti setiap nilai negatif dengan 0.")
    return incorrect("Belum tepat.", "Gunakan `np.maximum(..., 0)`.")


@exercise(2, hints=(
    "Ada dua langkah: terapkan ReLU pada `feature_map` (bagian 2, ReLU pada Peta Fitur), lalu "
    "hitung berapa bagian nilainya yang sama dengan 0.",
    "Perbandingan `array == 0` memberi array `True`/`False` berbentuk sama. Rata-ratanya, dengan "
    "`np.mean(...)`, adalah proporsi nilai `True`: angka di antara 0 dan 1, bukan persen.",
    "Jangan hanya menghitung nilai yang negatif (`feature_map < 0`): nilai yang sejak awal 0 juga "
    "bernilai 0 setelah ReLU.",
))
def exercise_2(fraction, feature_map) -> Feedback:
    """Latihan 2: proporsi nilai peta fitur yang bernilai 0 setelah ReLU."""
    value, problem = number_answer(fraction, "zero_fraction",
                                   "Rata-rata array boolean adalah proporsi nilai True.")
    if problem is not None:
        return problem
    feature_map = np.asarray(feature_map, dtype=float)
    expected = float(np.mean(np.maximum(feature_map, 0) == 0))
    if np.isclose(value, expected):
        return correct(f"{percent(expected, 1)} nilai peta fitur menjadi 0 setelah ReLU: "
                       "sebagian karena negatif, sebagian karena memang 0 (latar yang rata).")
    if np.isclose(value, np.mean(feature_map < 0)):
        return incorrect("Anda hanya menghitung nilai yang negatif.",
                         "Nilai yang sejak awal 0 juga tetap 0 setelah ReLU.")
    if np.isclose(value, expected * 100):
        return incorrect("Itu persen, bukan proporsi.", "Proporsi ada di antara 0 dan 1.")
    count = int(np.sum(np.maximum(feature_map, 0) == 0))
    if value == count:
        return incorrect("Itu banyaknya, bukan proporsinya.",
                         "Bagi dengan banyak seluruh nilai, atau pakai `np.mean(...)`.")
    if np.isclose(value, 1 - expected):
        return incorrect("Itu proporsi nilai yang tidak nol.",
                         "Yang ditanyakan: berapa bagian yang menjadi 0.")
    return incorrect(f"{value:g} belum tepat.",
                     "Terapkan ReLU, bandingkan dengan 0, lalu ambil rata-ratanya.")


@exercise(3, hints=(
    "Leaky ReLU (bagian 3, Fungsi Aktivasi Lain): nilai positif tetap, nilai negatif dikalikan "
    "`alpha`. Fungsinya harus bekerja untuk seluruh array sekaligus, juga array 2-D seperti peta "
    "fitur.",
    "`if x > 0:` hanya bekerja untuk satu angka. Untuk array, `np.where(kondisi, a, b)` memilih "
    "`a` di tempat kondisinya benar dan `b` di tempat lain.",
    "Kerangkanya: `def leaky_relu(x, alpha=0.1):` lalu `return np.where(x > 0, ..., ...)`. Isi "
    "titik-titiknya dengan nilai untuk bagian positif dan untuk bagian negatif.",
))
def exercise_3(leaky_relu) -> Feedback:
    """Latihan 3: fungsi leaky ReLU tervektorisasi dengan parameter ``alpha``."""
    problem = function_answer(leaky_relu, "leaky_relu", "def leaky_relu(x, alpha=0.1):")
    if problem is not None:
        return problem
    x = np.array([-3.0, -0.5, 0.0, 0.5, 4.0])
    outputs = []
    for args in ((x.copy(),), (x.copy(), 0.2), (np.array([[-2.0, 3.0], [1.0, -10.0]]), 0.1)):
        result, problem = run_answer(leaky_relu, *args, returns="array hasil leaky ReLU",
                                     hint=_error_hint, numeric=True)
        if problem is not None:
            return problem
        outputs.append(result)
    default, other, grid = outputs
    expected = np.where(x > 0, x, 0.1 * x)
    if default.shape != x.shape:
        return incorrect(f"Untuk masukan berbentuk {x.shape}, keluaran Anda berbentuk "
                         f"{default.shape}.", "Fungsi aktivasi bekerja per elemen.")
    if np.allclose(default, np.maximum(x, 0)):
        return incorrect("Itu ReLU biasa: nilai negatif menjadi 0.",
                         "Leaky ReLU mengalikan nilai negatif dengan `alpha`.")
    if np.allclose(default, np.where(x > 0, 0.1 * x, x)):
        return incorrect("`alpha` dikalikan pada bagian yang salah.",
                         "Nilai positif tetap; hanya nilai negatif yang dikalikan `alpha`.")
    if not np.allclose(default, expected):
        return incorrect("Hasilnya belum tepat untuk `alpha` bawaan.",
                         "Bawaan `alpha=0.1`: −3 menjadi −0,3 dan 4 tetap 4.")
    if not np.allclose(other, np.where(x > 0, x, 0.2 * x)):
        return incorrect("Parameter `alpha` belum dipakai.",
                         "Dengan `alpha=0.2`, −3 seharusnya menjadi −0,6.")
    if grid.shape != (2, 2) or not np.allclose(grid, [[-0.2, 3.0], [1.0, -1.0]]):
        return incorrect("Fungsi Anda belum benar untuk array 2-D (seperti peta fitur).",
                         "Gunakan operasi per elemen, misalnya `np.where`.")
    return correct("Leaky ReLU: nilai positif tetap, nilai negatif dikalikan `alpha`, sehingga "
                   "gradiennya tidak pernah benar-benar nol.")


def _error_hint(error) -> str:
    if "truth value" in str(error):
        return ("Fungsi Anda memakai `if` pada array: `if x > 0` hanya untuk satu angka. Untuk "
                "array gunakan `np.where(x > 0, ..., ...)`.")
    return ("Fungsi menerima array `x` dan `alpha` (bawaan 0.1). Gunakan "
            "`np.where(kondisi, nilai_jika_benar, nilai_jika_salah)`.")


@exercise(4, hints=(
    "Bagian 4 (Mengapa Harus Nonlinear?) menunjukkan bahwa dua lapisan linear berturut-turut "
    "dapat diganti satu lapisan linear. Perkalian matriks bersifat asosiatif: kurungnya boleh "
    "dipindah, urutannya tidak.",
    "Periksa bentuknya: `w1` (3, 2) dan `w2` (2, 3). `w_combined` memetakan 2 angka langsung ke 2 "
    "angka, jadi berbentuk (2, 2).",
    "`w2 @ (w1 @ v)` sama dengan `(... @ ...) @ v`. Matriks di dalam kurung itulah `w_combined`; "
    "`v` melewati `w1` dulu, jadi `w1` berada paling dekat dengan `v`.",
))
def exercise_4(w_combined, w1, w2) -> Feedback:
    """Latihan 4: dua lapisan linear (tanpa aktivasi) sama dengan satu matriks."""
    problem = require_array(w_combined, "w_combined")
    if problem is not None:
        return problem
    w1, w2 = np.asarray(w1, dtype=float), np.asarray(w2, dtype=float)
    expected = w2 @ w1
    if w_combined.shape != expected.shape:
        if w1.shape[1] == w2.shape[0] and w_combined.shape == (w1.shape[0], w2.shape[1]):
            return incorrect("Urutan perkaliannya terbalik.",
                             "v melewati `w1` dulu, baru `w2`: w2 @ (w1 @ v).")
        return incorrect(f"Bentuk `w_combined` {w_combined.shape}, seharusnya {expected.shape}.",
                         "Matriks gabungan memetakan x (panjang sama dengan masukan `w1`) "
                         "langsung ke keluaran `w2`.")
    if np.allclose(w_combined, expected):
        return correct("w2 @ (w1 @ v) = (w2 @ w1) @ v: dua lapisan linear tanpa fungsi aktivasi "
                       "hanyalah satu lapisan linear.")
    if w1.shape == w2.shape and np.allclose(w_combined, w1 @ w2):
        return incorrect("Urutan perkaliannya terbalik.",
                         "v melewati `w1` dulu, baru `w2`: w2 @ (w1 @ v).")
    if w1.shape == w2.shape and np.allclose(w_combined, w1 * w2):
        return incorrect("Itu perkalian elemen demi elemen.", "Gunakan perkalian matriks `@`.")
    return incorrect("Belum tepat.", "Tulis w2 @ (w1 @ v) sebagai satu matriks dikali v.")


hint, solution = helpers(__name__)
