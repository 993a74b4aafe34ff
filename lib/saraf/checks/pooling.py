"""Pemeriksa latihan pelajaran pooling."""

from __future__ import annotations

import numbers

import numpy as np

from saraf import ops
from saraf.checks import Feedback, check_function, correct, incorrect, not_answered, require_array
from saraf.checks.exercises import exercise, helpers


@exercise(1, hints=(
    "Bagian 3 (Ukuran Pool, Stride, dan Padding) memberi dua rumus: satu untuk "
    "`padding=\"valid\"`, satu untuk `padding=\"same\"`. Di sini n = 27, k = 2, s = 2.",
    "`\"valid\"`: ⌊(n − k) / s⌋ + 1, sisa di tepi dibuang. `\"same\"`: ⌈n / s⌉, dibulatkan ke "
    "atas. Karena 27 ganjil, kedua hasilnya berbeda.",
    "Di Python, ⌊a / b⌋ ditulis `a // b`, dan ⌈a / b⌉ dapat ditulis `-(-a // b)` atau "
    "`math.ceil(a / b)` (sesudah `import math`). Tulis hasilnya sebagai tuple `(valid, same)`.",
))
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


@exercise(2, hints=(
    "Lihat bagian 1 (Gagasan: Meringkas Setiap Jendela): array 4 × 4 dibagi menjadi empat jendela "
    "2 × 2 yang tidak saling tumpang-tindih, dan setiap jendela diwakili nilai terbesarnya.",
    "Jendela kiri atas adalah `x2[0:2, 0:2]`, kanan atas `x2[0:2, 2:4]`, lalu dua jendela bawah "
    "di baris 2–3. Hasilnya array 2 × 2 dengan letak yang sama.",
    "Jendela kiri atas berisi 1, 3, 4, dan 6, jadi sel kiri atas hasilnya 6. Tulis hasil "
    "lengkapnya seperti `np.array([[6, ...], [..., ...]])`.",
))
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


@exercise(3, hints=(
    "Mulailah dari `max_pool_2x2` di bagian 2 (Pooling dari Nol dengan NumPy). Angka 2 di sana "
    "berperan ganda: ukuran jendela dan stride. Tentukan untuk setiap 2 apakah ia `size` atau "
    "`stride`.",
    "Ukuran keluaran bukan lagi `x.shape[0] // 2`, melainkan ⌊(n − size) / stride⌋ + 1, dihitung "
    "terpisah untuk baris (`x.shape[0]`) dan kolom (`x.shape[1]`).",
    "Jendela ke-(i, j): baris `i * stride` sampai `i * stride + size`, dan kolomnya sama dengan "
    "j. Ambil nilai terbesarnya dengan `.max()`; jangan mulai dari 0, karena semua nilai bisa "
    "negatif.",
))
def exercise_3(max_pool_naive) -> Feedback:
    """Latihan 3: max pooling 'valid' dengan perulangan, untuk ukuran dan stride apa pun."""
    rng = np.random.default_rng(5)
    cases = [(rng.integers(0, 10, (4, 4)), 2, 2),
             (rng.integers(0, 10, (7, 7)), 2, 2),
             (rng.integers(0, 10, (6, 8)), 3, 1),
             (rng.integers(-9, 0, (7, 5)), 3, 2)]
    problem = check_function(
        max_pool_naive, "max_pool_naive", "def max_pool_naive(x, size, stride):",
        [((x.astype(float), size, stride), f"x berbentuk {x.shape}, size={size}, stride={stride}")
         for x, size, stride in cases],
        ops.max_pool2d, returns="array NumPy berisi hasil pooling", error_hint=_SIZE_RULE,
        shape_hint=_shape_hint, value_hint=_value_hint)
    if problem is not None:
        return problem
    return correct("Fungsi Anda sama dengan `saraf.ops.max_pool2d` untuk semua contoh uji, "
                   "termasuk stride yang berbeda dari ukuran jendela dan nilai negatif.")


_SIZE_RULE = "Ukuran keluaran: ⌊(n − size) / stride⌋ + 1 pada setiap sumbu."


def _shape_hint(result, x, size, stride) -> str:
    if result.shape == tuple(-(-n // size) for n in x.shape):
        return "Untuk 'valid', bulatkan ke bawah: jendela yang tidak muat dibuang."
    return _SIZE_RULE


def _value_hint(result, x, size, stride) -> str:
    if np.allclose(result, ops.avg_pool2d(x, size, stride)):
        return "Itu rata-rata; max pooling mengambil nilai terbesar."
    if np.all(result == 0) or np.all(result >= 0) and np.all(x < 0):
        return ("Apakah Anda memulai nilai terbesar dari 0? Dengan nilai negatif, mulailah dari "
                "`-np.inf` atau pakai `np.max(...)`.")
    return "Jendela ke-(i, j) mulai di baris i·stride dan kolom j·stride, ukurannya size × size."


hint, solution = helpers(__name__)
