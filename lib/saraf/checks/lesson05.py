"""Pemeriksa latihan pelajaran 05 (pooling)."""

from __future__ import annotations

import numbers

import numpy as np

from saraf import ops
from saraf.checks import Feedback, correct, incorrect, not_answered, require_array


def exercise_1(sizes) -> Feedback:
    """Latihan 1: ukuran keluaran max pooling 2 × 2, stride 2 pada 27 × 27: (valid, same)."""
    empty = not_answered(sizes)
    if empty is not None:
        return empty
    if isinstance(sizes, list):
        sizes = tuple(sizes)
    if (not isinstance(sizes, tuple) or len(sizes) != 2
            or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in sizes)):
        return incorrect(f"Jawaban seharusnya tuple dua angka `(valid, same)`, tetapi yang "
                         f"diberikan: {sizes!r}.", "Contoh bentuknya: `(10, 11)`.")
    valid, same = sizes
    if any(not float(v).is_integer() for v in sizes):
        return incorrect("Ukuran keluaran selalu bilangan bulat.",
                         "'valid' membulatkan ke bawah, 'same' membulatkan ke atas.")
    expected = ((27 - 2) // 2 + 1, -(-27 // 2))
    if (valid, same) == expected:
        return correct("'valid': ⌊(27 − 2) / 2⌋ + 1 = 13 (kolom dan baris terakhir dibuang); "
                       "'same': ⌈27 / 2⌉ = 14 (satu baris dan kolom padding ditambahkan).")
    if (valid, same) == expected[::-1]:
        return incorrect("Urutannya tertukar.", "Tulis `(valid, same)`: 'valid' lebih kecil.")
    if valid == same:
        return incorrect("Kedua mode memberi ukuran yang sama pada jawaban Anda.",
                         "27 ganjil: 'valid' membuang sisa, 'same' menambah padding.")
    if valid != expected[0]:
        return incorrect(f"Ukuran 'valid' belum tepat ({valid}).",
                         "'valid': ⌊(n − k) / s⌋ + 1, tanpa padding.")
    return incorrect(f"Ukuran 'same' belum tepat ({same}).", "'same': ⌈n / s⌉.")


def exercise_2(pooled, x) -> Feedback:
    """Latihan 2: max pooling 2 × 2, stride 2 pada array 4 × 4, dihitung dengan tangan."""
    problem = require_array(pooled, "pooled")
    if problem is not None:
        return problem
    x = np.asarray(x, dtype=float)
    expected = ops.max_pool2d(x, 2)
    if pooled.shape != expected.shape:
        if pooled.shape == (3, 3):
            return incorrect("Bentuknya 3 × 3: jendela Anda bergeser 1 langkah.",
                             "Stride 2: jendela-jendelanya tidak saling tumpang-tindih.")
        return incorrect(f"Bentuk `pooled` {pooled.shape}, seharusnya {expected.shape}.",
                         "Array 4 × 4 dibagi menjadi empat jendela 2 × 2.")
    result = pooled.astype(float)
    if np.allclose(result, expected):
        return correct("Setiap jendela 2 × 2 diwakili nilai terbesarnya.")
    if np.allclose(result, ops.avg_pool2d(x, 2)):
        return incorrect("Itu average pooling (rata-rata).",
                         "Ambil nilai terbesar, bukan rata-rata.")
    if np.allclose(result, -ops.max_pool2d(-x, 2)):
        return incorrect("Itu nilai terkecil setiap jendela.", "Ambil nilai terbesar.")
    if np.allclose(result, expected.T):
        return incorrect("Baris dan kolomnya tertukar.",
                         "Jendela kanan atas adalah baris 0–1, kolom 2–3.")
    return incorrect("Belum tepat.", "Jendela kiri atas adalah `x[0:2, 0:2]`, lalu geser 2.")


def exercise_3(max_pool_naive) -> Feedback:
    """Latihan 3: max pooling 'valid' dengan perulangan, untuk ukuran dan stride apa pun."""
    empty = not_answered(max_pool_naive)
    if empty is not None:
        return empty
    if not callable(max_pool_naive):
        return incorrect(f"`max_pool_naive` seharusnya fungsi, tetapi yang diberikan bertipe "
                         f"{type(max_pool_naive).__name__}.",
                         "Definisikan dengan `def max_pool_naive(x, size, stride):`.")
    rng = np.random.default_rng(5)
    cases = [(rng.integers(0, 10, (4, 4)), 2, 2),
             (rng.integers(0, 10, (7, 7)), 2, 2),
             (rng.integers(0, 10, (6, 8)), 3, 1),
             (rng.integers(-9, 0, (7, 5)), 3, 2)]
    for x, size, stride in cases:
        x = x.astype(float)
        expected = ops.max_pool2d(x, size, stride)
        where = f"x berbentuk {x.shape}, size={size}, stride={stride}"
        try:
            result = max_pool_naive(x.copy(), size, stride)
        except Exception as error:  # galat pembelajar dilaporkan apa adanya
            return incorrect(f"Fungsi Anda menimbulkan galat {type(error).__name__} untuk "
                             f"{where}: {error}",
                             "Ukuran keluaran: ⌊(n − size) / stride⌋ + 1 pada setiap sumbu.")
        if result is None:
            return incorrect("Fungsi Anda tidak mengembalikan apa pun.",
                             "Jangan lupa `return` hasilnya di akhir fungsi.")
        try:
            result = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return incorrect(f"Untuk {where}, fungsi Anda mengembalikan {type(result).__name__}, "
                             "bukan array angka.",
                             "Kembalikan array NumPy berisi hasil pooling.")
        if result.shape != expected.shape:
            hint = "Ukuran keluaran: ⌊(n − size) / stride⌋ + 1 pada setiap sumbu."
            if result.shape == tuple(-(-n // size) for n in x.shape):
                hint = "Untuk 'valid', bulatkan ke bawah: jendela yang tidak muat dibuang."
            return incorrect(f"Untuk {where}, bentuk keluaran Anda {result.shape}, seharusnya "
                             f"{expected.shape}.", hint)
        if not np.allclose(result, expected):
            if np.allclose(result, ops.avg_pool2d(x, size, stride)):
                hint = "Itu rata-rata; max pooling mengambil nilai terbesar."
            elif np.all(result == 0) or np.all(result >= 0) and np.all(x < 0):
                hint = ("Apakah Anda memulai nilai terbesar dari 0? Dengan nilai negatif, "
                        "mulailah dari `-np.inf` atau pakai `np.max(...)`.")
            else:
                hint = ("Jendela ke-(i, j) mulai di baris i·stride dan kolom j·stride, "
                        "ukurannya size × size.")
            return incorrect(f"Bentuk keluaran sudah benar, tetapi nilainya berbeda untuk "
                             f"{where}.", hint)
    return correct("Fungsi Anda sama dengan `saraf.ops.max_pool2d` untuk semua contoh uji, "
                   "termasuk stride yang berbeda dari ukuran jendela dan nilai negatif.")
