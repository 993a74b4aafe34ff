"""Pemeriksa latihan pelajaran "Mulai" (memuat MNIST dan melihat gambarnya)."""

from __future__ import annotations

from saraf.checks import Feedback, correct, incorrect, integer_answer
from saraf.formatting import thousands


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
