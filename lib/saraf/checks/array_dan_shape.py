"""Pemeriksa latihan pelajaran array dan bentuk (*shape*)."""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, correct, incorrect, integer_answer, not_answered,
                          require_array)
from saraf.checks.exercises import exercise, helpers


@exercise(1, hints=(
    "Bentuk menyebut banyak elemen di setiap sumbu, dari luar ke dalam. Lihat bagian 1 (Array: "
    "Angka yang Tersusun Rapi): array `a` dengan 2 baris dan 3 kolom berbentuk `(2, 3)`.",
    "Hitung banyak daftar di dalam kurung siku terluar (baris, sumbu 0), lalu banyak angka "
    "dalam satu daftar (kolom, sumbu 1).",
    "Tuple ditulis dengan kurung biasa dan koma: `answer_1 = (banyak_baris, banyak_kolom)`, diisi "
    "dua bilangan bulat.",
))
def exercise_1(shape) -> Feedback:
    """Latihan 1: bentuk array 3 baris × 4 kolom, ditulis sebagai tuple."""
    empty = not_answered(shape)
    if empty is not None:
        return empty
    if isinstance(shape, list):
        shape = tuple(shape)
    if not isinstance(shape, tuple) or not all(isinstance(s, (int, np.integer)) for s in shape):
        return incorrect(f"Bentuk ditulis sebagai tuple bilangan bulat, misalnya `(2, 5)`, "
                         f"tetapi yang diberikan: {shape!r}.",
                         "Hitung banyak baris, lalu banyak angka dalam satu baris.")
    if shape == (3, 4):
        return correct("Tiga baris, masing-masing berisi empat angka: bentuknya (3, 4).")
    if shape == (4, 3):
        return incorrect("Urutannya terbalik.", "Sumbu pertama adalah baris, baru kolom.")
    if len(shape) != 2:
        return incorrect(f"Array ini 2 dimensi, tetapi tuple Anda berisi {len(shape)} angka.",
                         "Satu angka untuk setiap sumbu: baris dan kolom.")
    return incorrect(f"{shape} bukan bentuk array ini.",
                     "Hitung banyak baris (daftar di dalam), lalu banyak angka per baris.")


@exercise(2, hints=(
    "Bagian 1 (Array: Angka yang Tersusun Rapi) menyebut `size`: banyak angka seluruhnya, yaitu "
    "hasil kali semua angka pada bentuknya.",
    "Bentuk `(2, 2, 2, 2)` punya empat sumbu, masing-masing berukuran 2. Kalikan keempat angka "
    "itu dengan `*` (jangan dijumlahkan), dan jangan memakai `b.size`.",
))
def exercise_2(n_values) -> Feedback:
    """Latihan 2: banyak angka dalam array berbentuk (2, 2, 2, 2)."""
    n_values, problem = integer_answer(n_values, "answer_2",
                                       "Kalikan semua angka pada bentuknya.")
    if problem is not None:
        return problem
    if n_values == 16:
        return correct("2 × 2 × 2 × 2 = 16 angka; `array.size` menghitungnya untuk Anda.")
    if n_values == 8:
        return incorrect("Belum semua sumbu ikut dihitung dengan benar.",
                         "Banyak angka = hasil kali semua angka pada bentuknya, bukan jumlahnya.")
    if n_values == 4:
        return incorrect("4 adalah banyak sumbu (dimensi), bukan banyak angka.",
                         "Banyak angka = hasil kali semua angka pada bentuknya.")
    return incorrect(f"{n_values} belum tepat.", "Kalikan semua angka pada bentuknya.")


@exercise(3, hints=(
    "Baca lagi bagian 6 (Sumbu Batch dan Sumbu Kanal): Keras selalu menerima batch berbentuk "
    "(batch, tinggi, lebar, kanal), juga untuk satu gambar saja.",
    "Satu gambar grayscale 28 × 28 menjadi batch berisi 1 gambar dengan 1 kanal. `reshape` "
    "mengubah bentuk tanpa mengubah isinya; banyak angkanya tetap 784.",
    "Mulailah dari gambar uji, bukan `image` (itu gambar latih): `x_test[0].reshape(...)`, dengan "
    "empat angka di dalam kurung. Simpan hasilnya di `single_batch`.",
))
def exercise_3(batch, image) -> Feedback:
    """Latihan 3: satu gambar 28 × 28 menjadi batch berbentuk (1, 28, 28, 1)."""
    problem = require_array(batch, "batch")
    if problem is not None:
        return problem
    image = np.asarray(image)
    shape = batch.shape
    if shape == (1, 28, 28, 1):
        if not np.array_equal(batch.reshape(28, 28), image):
            return incorrect("Bentuknya sudah benar, tetapi isinya bukan gambar uji pertama, "
                             "`x_test[0]`.",
                             "Ubah bentuk `x_test[0]` saja; jangan membuat array baru.")
        return correct("Bentuknya (1, 28, 28, 1): 1 gambar, 28 baris, 28 kolom, 1 kanal.")
    if shape == (28, 28, 1):
        return incorrect("Sumbu kanal sudah ada, tetapi sumbu batch belum.",
                         "Keras selalu menerima sekumpulan gambar: tambahkan sumbu di depan.")
    if shape == (1, 28, 28):
        return incorrect("Sumbu batch sudah ada, tetapi sumbu kanal belum.",
                         "Gambar grayscale punya 1 kanal, di sumbu terakhir.")
    if shape == (1, 1, 28, 28):
        return incorrect("Kanalnya diletakkan di depan (channels-first).",
                         "Keras memakai urutan (batch, tinggi, lebar, kanal).")
    return incorrect(f"Bentuk yang Anda buat {shape}.",
                     "Yang diminta: (batch, tinggi, lebar, kanal) untuk satu gambar grayscale.")


@exercise(4, hints=(
    "Ada tiga langkah: bentuk (bagian 6, Sumbu Batch dan Sumbu Kanal), tipe data, dan skala nilai "
    "(bagian 7, Normalisasi: Mengapa Dibagi 255).",
    "Tambahkan sumbu kanal di akhir dengan `.reshape(...)`; `-1` boleh dipakai untuk sumbu batch. "
    "Ubah tipe dengan `.astype(\"float32\")` sebelum membagi.",
    "Rangkaikan ketiganya dalam satu baris: `x_ready = x_train[:100].reshape(...).astype(...)`, "
    "lalu bagi dengan nilai piksel terbesar. Pakai `/`, bukan `//` (pembagian bulat).",
))
def exercise_4(x_norm, x) -> Feedback:
    """Latihan 4: batch gambar uint8 menjadi float32 di [0, 1] dengan kanal di akhir."""
    problem = require_array(x_norm, "x_norm")
    if problem is not None:
        return problem
    x = np.asarray(x)
    expected_shape = x.shape + (1,)
    if x_norm.shape != expected_shape:
        return incorrect(f"Bentuk `x_norm` {x_norm.shape}, padahal yang diminta {expected_shape}.",
                         "Tambahkan sumbu kanal di akhir dengan `.reshape(...)`.")
    if not np.issubdtype(x_norm.dtype, np.floating):
        return incorrect(f"Tipe data `x_norm` masih {x_norm.dtype}.",
                         "Ubah ke bilangan pecahan dengan `.astype('float32')` sebelum membagi.")
    if x_norm.dtype != np.float32:
        return incorrect(f"Nilainya benar-benar pecahan, tetapi bertipe {x_norm.dtype}.",
                         "Keras bekerja dengan float32: gunakan `.astype('float32')`.")
    if np.nanmax(x_norm) > 1.0 + 1e-6:
        return incorrect(f"Nilai terbesar `x_norm` adalah {float(np.nanmax(x_norm)):g}, "
                         "padahal seharusnya paling besar 1.",
                         "Bagilah dengan nilai piksel terbesar yang mungkin.")
    expected = x.reshape(expected_shape).astype(np.float32) / 255
    if np.isin(np.unique(x_norm), (0.0, 1.0)).all() and not np.isin(expected, (0.0, 1.0)).all():
        return incorrect("Semua nilai hanya 0 atau 1: nilai antara ikut hilang.",
                         "`//` adalah pembagian bulat; gunakan `/`.")
    if not np.allclose(x_norm, expected, atol=1e-6):
        ratio = float(np.nanmax(x_norm)) / max(float(expected.max()), 1e-12)
        if np.allclose(x_norm, expected * ratio, atol=1e-6):
            return incorrect("Nilainya sebanding dengan piksel aslinya, tetapi dibagi angka "
                             "yang salah.",
                             "Bagilah dengan nilai terbesar yang mungkin untuk piksel uint8.")
        return incorrect("Nilainya ada di [0, 1], tetapi tidak sebanding dengan piksel aslinya.",
                         "Setiap piksel dibagi dengan angka yang sama.")
    return correct("Bentuk (N, 28, 28, 1), float32, nilai 0 sampai 1: siap untuk Keras.")


hint, solution = helpers(__name__)
