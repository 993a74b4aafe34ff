"""Pemeriksa latihan pelajaran Fashion-MNIST."""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, correct, incorrect, integer_answer, not_answered,
                          require_array)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import thousands


@exercise(1, hints=(
        "Model ini tidak memakai pooling: stride-lah yang memperkecil peta fitur (bagian 4, "
        "\"Langkah 4: Membangun Model\"). Hitung tinggi dan lebar setelah setiap konvolusi, lalu "
        "Flatten menghasilkan tinggi · lebar · kanal angka.",
        "Tanpa padding, `ops.output_size(n, k, stride=2)` langsung memberi ⌊(n − k) / 2⌋ + 1; "
        "`ops.same_padding` tidak diperlukan. Banyak kanal setelah konvolusi ke-2 = banyak "
        "kernelnya.",
        "Mulailah dengan `side = ops.output_size(28, 5, stride=2)`, lalu pakai `side` sebagai "
        "masukan konvolusi ke-2 (kernel 3, stride 2). `flat_size` = tinggi · lebar · kanal.",
))
def exercise_1(flat_size) -> Feedback:
    """Latihan 1: keluaran Flatten setelah Conv2D(16, 5, strides=2) dan Conv2D(32, 3, strides=2)."""
    value, problem = integer_answer(flat_size, "flat_size",
                                    "`ops.output_size` mengembalikan bilangan bulat.")
    if problem is not None:
        return problem
    first = (28 - 5) // 2 + 1          # 12
    second = (first - 3) // 2 + 1      # 5
    expected = second * second * 32
    if value == expected:
        return correct(f"28 → {first} → {second}; Flatten menghasilkan {second} · {second} · 32 "
                       f"= {expected} angka. Stride 2 memperkecil peta fitur tanpa pooling.")
    if value == (28 - 5 + 1 - 3 + 1) ** 2 * 32:
        return incorrect("Stride belum ikut dihitung.",
                         "Dengan stride 2, kernel melompat 2 piksel: "
                         "`ops.output_size(n, k, stride=2)`.")
    if value == 6 * 6 * 32:
        return incorrect("Pembagian dengan stride dibulatkan ke atas.",
                         "Rumusnya memakai floor: floor((n − k) / s) + 1.")
    if value == 7 * 7 * 32:
        return incorrect("Itu ukuran dengan padding 'same'.",
                         "Lapisan di sini memakai padding bawaan Keras, 'valid' (tanpa padding).")
    if value in (second * second, second * second * 16):
        return incorrect("Banyak kanal belum tepat.",
                         "Flatten meratakan semua kanal lapisan terakhir (32 kernel).")
    return incorrect(f"{thousands(value)} belum tepat.",
                     "Hitung ukuran setelah setiap konvolusi dengan `ops.output_size(n, k, "
                     "stride=...)`, lalu kalikan tinggi · lebar · kanal.")


@exercise(2, hints=(
        "Baca lagi bagian 7.3, \"Recall dan Presisi Setiap Kelas\": presisi = diagonal dibagi "
        "jumlah kolom, recall = diagonal dibagi jumlah baris. Keduanya K angka, satu per kelas.",
        "Hitung `precision_2` dan `recall_2` dari `cm` dengan `np.diag`, `cm.sum(axis=0)` dan "
        "`cm.sum(axis=1)`, lalu gabungkan dengan rumus F1 per elemen, tanpa perulangan.",
        "F1 = 2 · P · R / (P + R): hitung 2 · P · R, lalu bagi dengan P + R. Bukan (P + R) / 2: "
        "rata-rata biasa itu terlalu lunak terhadap kelas yang salah satu angkanya rendah.",
))
def exercise_2(f1, cm) -> Feedback:
    """Latihan 2: skor F1 setiap kelas dari matriks konfusi, 2·P·R / (P + R)."""
    problem = require_array(f1, "f1_2")
    if problem is not None:
        return problem
    cm = np.asarray(cm, dtype=float)
    k = cm.shape[0]
    diag, rows, columns = np.diag(cm), cm.sum(axis=1), cm.sum(axis=0)
    expected = 2 * diag / (rows + columns)  # = 2PR / (P + R), juga bila kolomnya 0
    with np.errstate(invalid="ignore", divide="ignore"):
        precision, recall = diag / columns, diag / rows
    answer = np.asarray(f1, dtype=float)
    if answer.size == 1 and np.isclose(float(answer.reshape(-1)[0]), expected.mean()):
        return incorrect("Itu rata-rata F1 semua kelas, satu angka.",
                         f"Yang diminta {k} angka: satu skor F1 untuk setiap kelas.")
    if answer.shape != (k,):
        return incorrect(f"`f1_2` berbentuk {answer.shape}, padahal ada {k} kelas.",
                         "Satu angka untuk setiap kelas, seperti `recall` di bagian 7.3.")
    if np.allclose(answer, expected, atol=1e-6):
        return correct("F1 = 2 · P · R / (P + R), rata-rata harmonik presisi dan recall. "
                       "Bentuk ringkasnya 2 · `cm[i, i]` / (jumlah baris i + jumlah kolom i). "
                       "Skornya tinggi hanya bila kedua angka tinggi.")
    if np.allclose(answer, 100 * expected, atol=1e-4):
        return incorrect("Itu F1 dalam persen.", "Tulis dalam skala 0 sampai 1.")
    if np.isnan(answer).any() and np.any(diag == 0):
        return incorrect("Ada kelas tanpa satu pun tebakan benar, jadi P + R = 0 dan rumusnya "
                         "menjadi 0/0 (NaN).",
                         "Pakai bentuk 2 · cm[i, i] / (jumlah baris i + jumlah kolom i), "
                         "yang bernilai 0 untuk kelas seperti itu.")
    with np.errstate(invalid="ignore"):
        mistakes = [((precision + recall) / 2, "Itu rata-rata biasa (P + R) / 2, bukan rata-rata "
                     "harmonik.", "F1 = 2 · P · R / (P + R)."),
                    (precision * recall / (precision + recall), "Faktor 2 terlewat.",
                     "F1 = 2 · P · R / (P + R); tanpa 2, kelas yang sempurna hanya mendapat 0,5."),
                    (recall, "Itu recall saja.", "F1 menggabungkan recall dengan presisi."),
                    (precision, "Itu presisi saja.", "F1 menggabungkan presisi dengan recall.")]
    for wrong, message, tip in mistakes:
        if np.allclose(answer, wrong, atol=1e-6):
            return incorrect(message, tip)
    return incorrect("Angkanya belum tepat.",
                     "Hitung presisi dan recall setiap kelas dari `cm`, lalu 2 · P · R / (P + R).")


@exercise(3, hints=(
        "Bagian 7.3 mencetak pasangan yang tertukar untuk satu arah saja (label sebenarnya → "
        "prediksi). Di sini kedua arah dijumlahkan: cm[i, j] + cm[j, i].",
        "`cm + cm.T` berisi cm[i, j] + cm[j, i] di kotak (i, j). `cm.T` adalah `cm` yang "
        "dicerminkan terhadap diagonal, dan `+` membuat array baru, jadi `cm` tidak berubah.",
        "Isi diagonal `cm + cm.T` dengan 0 memakai `np.fill_diagonal`, cari posisi angka "
        "terbesarnya dengan `np.argmax`, lalu ubah menjadi (baris, kolom) dengan "
        "`np.unravel_index`. Simpan kedua nomor kelasnya sebagai tuple berisi dua `int` di `pair`.",
))
def exercise_3(pair, cm) -> Feedback:
    """Latihan 3: dua kelas yang paling sering tertukar ke arah mana pun, cm[i, j] + cm[j, i]."""
    empty = not_answered(pair)
    if empty is not None:
        return empty
    cm = np.asarray(cm)
    if cm.sum() > 0 and not np.diag(cm).any():
        return incorrect("Diagonal `cm` sudah 0 semua: `cm` sendiri ikut berubah.",
                         "Jalankan lagi sel yang membuat `cm` (bagian 7.2), lalu kerjakan pada "
                         "salinan atau array baru, misalnya `cm.copy()` atau `cm + cm.T`.")
    try:
        values = tuple(int(v) for v in np.asarray(pair).reshape(-1))
    except (TypeError, ValueError):
        values = ()
    if len(values) != 2 or not np.allclose(np.asarray(pair, dtype=float).reshape(-1), values):
        return incorrect(f"`pair` seharusnya dua nomor kelas, tetapi yang diberikan: {pair!r}.",
                         "`np.unravel_index` mengubah posisi dalam array rata menjadi "
                         "(baris, kolom).")
    i, j = values
    k = cm.shape[0]
    if not (0 <= i < k and 0 <= j < k):
        return incorrect(f"Nomor kelas harus di antara 0 dan {k - 1}.",
                         "Baris dan kolom matriks konfusi adalah nomor kelas.")
    if i == j:
        return incorrect("Itu kotak di diagonal: prediksi yang benar.",
                         "Abaikan diagonal, misalnya dengan `np.fill_diagonal` pada salinan.")
    both = _off_diagonal(cm + cm.T)
    if both[i, j] == both.max():
        return correct("Itulah dua kelas yang paling sering tertukar bila kedua arahnya "
                       "dihitung. Urutan (i, j) tidak penting: `cm + cm.T` simetris.")
    if max(cm[i, j], cm[j, i]) == _off_diagonal(cm).max():
        return incorrect("Itu pasangan terbanyak untuk satu arah saja (bagian 7.3).",
                         "Jumlahkan kedua arahnya, cm[i, j] + cm[j, i]: pasangan lain bisa "
                         "lebih sering tertukar bila kedua arahnya dihitung.")
    return incorrect("Pasangan itu bukan yang paling sering tertukar.",
                     "Cari angka terbesar di luar diagonal `cm + cm.T`.")


def _off_diagonal(matrix):
    """Salinan ``matrix`` dengan diagonal −1: angka terbesarnya adalah kesalahan terbanyak."""
    copy = np.array(matrix)
    np.fill_diagonal(copy, -1)
    return copy


hint, solution = helpers(__name__)
