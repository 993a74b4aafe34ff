"""Pemeriksa latihan pelajaran "Mulai" (memuat MNIST dan melihat gambarnya)."""

from __future__ import annotations

from saraf.checks import Feedback, correct, incorrect, integer_answer
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import thousands


@exercise(1, hints=(
    "Bayangkan gambar sebagai kotak piksel: 28 baris, dan setiap baris berisi 28 piksel. Berapa "
    "piksel seluruhnya?",
    "Banyak piksel = banyak baris × banyak kolom. Di Python, tanda kali ditulis `*`; bagian 4 "
    "(Menjalankan Sel Kode) menghitung hal yang sama dengan `width` dan `height`.",
))
def exercise_1(pixels) -> Feedback:
    """Latihan 1: banyak piksel dalam satu gambar MNIST 28 × 28."""
    value, problem = integer_answer(pixels, "pixels",
                                    "Tulis perhitungannya dengan Python, misalnya `a * b`.")
    if problem is not None:
        return problem
    if value == 28 * 28:
        return correct(f"Satu gambar MNIST berisi {value} piksel.")
    if value == 28 + 28:
        return incorrect("Anda menjumlahkan kedua sisi.",
                         "Banyak piksel = banyak baris × banyak kolom.")
    if value == 28:
        return incorrect("Itu baru banyak piksel pada satu baris.",
                         "Gambar punya 28 baris; setiap baris berisi 28 piksel.")
    return incorrect(f"{thousands(value)} bukan banyak piksel gambar 28 × 28.",
                     "Banyak piksel = banyak baris × banyak kolom.")


@exercise(2, hints=(
    "Semua gambar latih ada di array `x_train`, yang dimuat di bagian 7 (Data yang Kita Pakai). "
    "Yang ditanyakan banyak gambarnya, bukan ukuran satu gambar.",
    "Lihat keluaran `print` di bagian 7: angka pertama pada `x_train.shape` adalah banyak gambar. "
    "Jangan menyalin angkanya; hitunglah dengan Python.",
    "Fungsi bawaan Python `len(...)` memberi panjang sumbu pertama sebuah array; "
    "`x_train.shape[0]` juga bisa. Simpan hasilnya di `n_train`.",
))
def exercise_2(n_train, x_train=None) -> Feedback:
    """Latihan 2: banyak gambar latih di MNIST bawaan."""
    value, problem = integer_answer(n_train, "n_train", "Gunakan `len(x_train)`.")
    if problem is not None:
        return problem
    from saraf.data import load_mnist

    (default_train, _), (x_test, _) = load_mnist()
    if x_train is None:
        x_train = default_train
    expected = len(x_train)
    if value == expected:
        return correct(f"Ada {thousands(value)} gambar latih. Sumbu pertama `x_train.shape` "
                       "menyatakan banyak gambar.")
    if value == expected + len(x_test):
        return incorrect("Itu banyak seluruh gambar (data latih + data uji).",
                         "Hitung hanya `x_train`.")
    if value == 28:
        return incorrect("Itu ukuran sisi satu gambar, bukan banyak gambar.",
                         "Lihat angka pertama pada `x_train.shape`.")
    return incorrect(f"{thousands(value)} bukan banyak gambar di `x_train`.",
                     "Gunakan `len(x_train)` atau angka pertama pada `x_train.shape`.")


hint, solution = helpers(__name__)
