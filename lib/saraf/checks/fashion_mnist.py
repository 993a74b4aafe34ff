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
        "Baca lagi bagian 7.3, \"Recall dan Presisi Setiap Kelas\": recall kelas i = diagonal "
        "dibagi jumlah baris i, karena baris matriks konfusi adalah label sebenarnya.",
        "`np.diag(cm)` memberi K angka diagonal: banyak gambar yang ditebak benar untuk setiap "
        "kelas. Pembaginya banyak gambar yang sebenarnya kelas itu, satu angka untuk setiap "
        "baris, tanpa perulangan.",
        "Sel presisi di bagian 7.3 membagi diagonal dengan jumlah setiap kolom, `cm.sum(axis=0)`. "
        "Untuk recall, jumlahkan setiap baris: sumbu mana yang harus dijumlahkan?",
))
def exercise_2(recall, cm) -> Feedback:
    """Latihan 2: recall setiap kelas dari matriks konfusi (diagonal / jumlah baris)."""
    problem = require_array(recall, "recall_2")
    if problem is not None:
        return problem
    cm = np.asarray(cm, dtype=float)
    k = cm.shape[0]
    diag = np.diag(cm)
    expected = diag / cm.sum(axis=1)
    answer = np.asarray(recall, dtype=float)
    if answer.ndim == 0 or answer.size == 1:
        if np.isclose(float(answer.reshape(())), diag.sum() / cm.sum()):
            return incorrect("Itu akurasi keseluruhan, satu angka.",
                             f"Yang diminta {k} angka: satu recall untuk setiap kelas.")
    if answer.shape != (k,):
        return incorrect(f"`recall_2` berbentuk {answer.shape}, padahal ada {k} kelas.",
                         "Satu angka untuk setiap baris matriks konfusi.")
    if np.allclose(answer, expected, atol=1e-6):
        return correct("Recall kelas i = cm[i, i] / jumlah baris i: dari semua gambar yang "
                       "sebenarnya kelas i, bagian yang ditemukan model.")
    if np.allclose(answer, 100 * expected, atol=1e-4):
        return incorrect("Itu recall dalam persen.", "Tulis dalam skala 0 sampai 1.")
    with np.errstate(invalid="ignore", divide="ignore"):
        by_column = diag / cm.sum(axis=0)
    if np.allclose(answer, by_column, atol=1e-6):
        return incorrect("Anda membagi dengan jumlah kolom (banyak tebakan setiap kelas): "
                         "itu presisi, bukan recall.",
                         "Baris = label sebenarnya. Recall dihitung dari semua gambar yang "
                         "*sebenarnya* kelas itu.")
    if np.allclose(answer, diag, atol=1e-6):
        return incorrect("Itu banyak gambar yang benar, belum dibagi.",
                         "Bagi dengan banyak gambar setiap kelas.")
    if np.allclose(answer, diag / cm.sum(), atol=1e-6):
        return incorrect("Anda membagi dengan banyak seluruh gambar.",
                         "Bagi setiap kelas dengan banyak gambar kelas itu saja.")
    return incorrect("Angkanya belum tepat.",
                     "Ambil diagonal matriks konfusi, lalu bagi dengan jumlah setiap baris.")


@exercise(3, hints=(
        "Bagian 7.3 sudah mencetak pasangan yang paling sering tertukar. Angka di luar diagonal "
        "adalah salah klasifikasi: baris = label sebenarnya, kolom = prediksi.",
        "Buat salinan dengan `cm.copy()` (agar `cm` tidak berubah), jadikan diagonalnya 0 dengan "
        "`np.fill_diagonal`, lalu cari posisi angka terbesarnya dengan `np.argmax`.",
        "`np.argmax` memberi posisi dalam array yang diratakan; `np.unravel_index(posisi, "
        "cm.shape)` mengubahnya menjadi (baris, kolom). Ubah keduanya menjadi `int`, lalu simpan "
        "sebagai tuple di `pair`.",
))
def exercise_3(pair, cm) -> Feedback:
    """Latihan 3: pasangan (label sebenarnya, prediksi) yang paling sering tertukar."""
    empty = not_answered(pair)
    if empty is not None:
        return empty
    cm = np.asarray(cm)
    try:
        values = tuple(int(v) for v in np.asarray(pair).reshape(-1))
    except (TypeError, ValueError):
        values = ()
    if len(values) != 2 or not np.allclose(np.asarray(pair, dtype=float).reshape(-1), values):
        return incorrect(f"`pair` seharusnya dua nomor kelas (label sebenarnya, prediksi), "
                         f"tetapi yang diberikan: {pair!r}.",
                         "`np.unravel_index` mengubah posisi dalam array rata menjadi "
                         "(baris, kolom).")
    true, predicted = values
    k = cm.shape[0]
    if not (0 <= true < k and 0 <= predicted < k):
        return incorrect(f"Nomor kelas harus di antara 0 dan {k - 1}.",
                         "Baris dan kolom matriks konfusi adalah nomor kelas.")
    off = cm.copy()
    np.fill_diagonal(off, -1)
    best = off.max()
    if true == predicted:
        return incorrect("Itu kotak di diagonal: prediksi yang benar.",
                         "Abaikan diagonal, misalnya dengan `np.fill_diagonal` pada salinan "
                         "matriksnya.")
    if cm[true, predicted] == best:
        return correct("Itulah pasangan yang paling sering tertukar: baris = label sebenarnya, "
                       "kolom = prediksi.")
    if cm[predicted, true] == best:
        return incorrect("Urutannya terbalik.",
                         "Baris adalah label sebenarnya, kolom adalah prediksi.")
    return incorrect("Pasangan itu memang pernah tertukar, tetapi bukan yang terbanyak.",
                     "Cari angka terbesar di luar diagonal.")


hint, solution = helpers(__name__)
