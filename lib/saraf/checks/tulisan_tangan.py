"""Pemeriksa latihan pelajaran tulisan tangan Anda (prapemrosesan ke format MNIST)."""

from __future__ import annotations

import numbers

import numpy as np

from saraf import preprocess as pp, resources
from saraf.checks import (Feedback, close, correct, function_answer, incorrect, not_answered,
                          require_array, run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import fixed

#: Gambar yang dipakai latihan 4 (di ``assets/handwriting``).
EXERCISE_4_IMAGES = ("foto_kertas.jpg", "tidak_di_tengah.png", "transparan.png",
                     "kapur_di_papan.png", "mouse_7.png")
_HANDWRITING = resources.asset("handwriting")


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    return close(a, b, atol=1e-5)


@exercise(1, hints=(
        "Bagian 3.2, \"Membalik Latar yang Terang\", memberi rumusnya: piksel putih menjadi hitam "
        "dan sebaliknya, dan bentuk gambarnya tidak berubah.",
        "Nilai baru = nilai terbesar yang mungkin − nilai lama. `gray_1` bernilai 0 sampai 1, "
        "jadi pengurangnya 1, bukan 255. NumPy menghitungnya untuk semua piksel sekaligus, tanpa "
        "perulangan dan tanpa ambang.",
))
def exercise_1(inverted, gray) -> Feedback:
    """Latihan 1: membalik gambar grayscale 0–1 (tinta hitam di atas putih menjadi terang di
    atas gelap)."""
    problem = require_array(inverted, "inverted")
    if problem is not None:
        return problem
    gray = np.asarray(gray, dtype=np.float64)
    if inverted.shape != gray.shape:
        return incorrect(f"Bentuk `inverted` {inverted.shape}, padahal `gray` berbentuk "
                         f"{gray.shape}.", "Membalik hanya mengubah nilai setiap piksel, "
                                           "bukan bentuk gambarnya.")
    if inverted.dtype.kind not in "biuf":
        return incorrect(f"`inverted` harus berisi angka, tetapi bertipe {inverted.dtype}.",
                         "Hitung dengan operasi aritmetika pada `gray`.")
    values = inverted.astype(np.float64)
    if _same(values, 1 - gray):
        return correct("Piksel putih (1) menjadi hitam (0) dan sebaliknya: angkanya kini terang "
                       "di atas latar gelap, seperti MNIST.")
    if _same(values, 255 - gray):
        return incorrect("Anda memakai 255, padahal `gray` bernilai 0 sampai 1.",
                         "Periksa `gray.max()`: nilai terbesar piksel menentukan angka "
                         "pengurangnya.")
    if _same(values, gray):
        return incorrect("Gambarnya belum berubah.", "Piksel terang harus menjadi gelap dan "
                                                     "piksel gelap menjadi terang.")
    if _same(values, -gray):
        return incorrect("Nilainya menjadi negatif.", "Gambar yang dibalik tetap bernilai 0 "
                                                      "sampai 1.")
    if _same(values, gray[::-1]) or _same(values, gray[:, ::-1]):
        return incorrect("Anda mencerminkan gambarnya (membalik urutan baris atau kolom).",
                         "Yang dibalik adalah kecerahan setiap piksel, bukan posisinya.")
    if set(np.unique(values)) <= {0.0, 1.0}:
        return incorrect("Hasil Anda hanya berisi 0 dan 1.",
                         "Jangan memakai ambang: piksel abu-abu di tepi goresan tetap "
                         "abu-abu setelah dibalik.")
    return incorrect("Nilainya belum tepat.", "Untuk setiap piksel: nilai baru = nilai "
                                              "terbesar yang mungkin − nilai lama.")


def _mask_box(mask: np.ndarray):
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


@exercise(2, hints=(
        "Kotak pembatas (bagian 3.4, \"Memotong Kotak Pembatas Tinta\") dibatasi baris pertama "
        "dan terakhir yang memuat tinta, serta kolom pertama dan terakhir yang memuat tinta.",
        "`mask.any(axis=1)` memberi satu `True`/`False` untuk setiap baris: apakah baris itu "
        "memuat tinta. `np.flatnonzero(...)` mengubahnya menjadi nomor baris-baris itu. Untuk "
        "kolom, pakai `axis=0`.",
        "Dari nomor baris bertinta `rows`, atas = `rows[0]` dan bawah = `rows[-1] + 1` "
        "(eksklusif, seperti irisan). Lakukan hal yang sama untuk kolom, lalu susun tuple `(atas, "
        "bawah, kiri, kanan)`.",
))
def exercise_2(box, mask) -> Feedback:
    """Latihan 2: kotak pembatas ``(atas, bawah, kiri, kanan)`` dari array bool ``mask``."""
    empty = not_answered(box)
    if empty is not None:
        return empty
    if isinstance(box, np.ndarray):
        box = tuple(box.tolist())
    if isinstance(box, list):
        box = tuple(box)
    if (not isinstance(box, tuple) or len(box) != 4
            or not all(isinstance(v, numbers.Integral) and not isinstance(v, bool)
                       for v in box)):
        return incorrect(f"Jawaban harus tuple berisi 4 bilangan bulat (atas, bawah, kiri, "
                         f"kanan), tetapi yang diberikan: {box!r}.",
                         "Ubah setiap angka menjadi bilangan bulat dengan int(...).")
    box = tuple(int(v) for v in box)
    mask = np.asarray(mask, dtype=bool)
    top, bottom, left, right = expected = _mask_box(mask)
    if box == expected:
        return correct(f"Tinta ada di baris {top} sampai {bottom - 1} dan kolom {left} sampai "
                       f"{right - 1}; `mask[atas:bawah, kiri:kanan]` memotongnya tepat.")
    if box == (top, bottom - 1, left, right - 1):
        return incorrect("Hampir: batas bawah dan kanan kurang satu.",
                         "Batas bawah dan kanan eksklusif, seperti irisan Python: "
                         "`mask[atas:bawah]` tidak memuat baris `bawah`.")
    if box == (left, right, top, bottom):
        return incorrect("Baris dan kolom tertukar.", "Sumbu 0 adalah baris (atas–bawah), "
                                                      "sumbu 1 adalah kolom (kiri–kanan).")
    if box == (top, left, bottom, right):
        return incorrect("Urutannya belum sesuai.", "Tulis dalam urutan (atas, bawah, kiri, "
                                                    "kanan).")
    if box == (0, mask.shape[0], 0, mask.shape[1]):
        return incorrect("Itu seluruh gambar.", "Cari baris dan kolom yang memuat setidaknya "
                                                "satu piksel tinta, misalnya dengan "
                                                "`mask.any(axis=...)`.")
    return incorrect(f"{box} belum tepat.",
                     "`mask.any(axis=1)` memberi tahu baris mana yang berisi tinta; "
                     "`np.flatnonzero(...)` memberi nomornya.")


def _test_images():
    rng = np.random.default_rng(11)
    images = []
    for _ in range(4):
        image = np.zeros((28, 28), dtype=np.float64)
        r, c = rng.integers(2, 20, size=2)
        image[r:r + 6, c:c + 3] = rng.random((6, 3))
        image[rng.integers(0, 28), rng.integers(0, 28)] = 1.0
        images.append(image)
    wide = np.zeros((12, 30))
    wide[2, 25] = 0.5
    wide[9, 3] = 1.0
    images.append(wide)
    return images


@exercise(3, hints=(
        "Bagian 3.6, \"Memusatkan dengan Pusat Massa\": pusat massa adalah rata-rata berbobot "
        "posisi piksel, dengan kecerahan sebagai bobot. Baris = Σ (nomor baris × kecerahan) / Σ "
        "kecerahan; kolom dengan cara yang sama.",
        "Nomor baris: `np.arange(image.shape[0])`; nomor kolom: `np.arange(image.shape[1])` "
        "(gambarnya tidak harus persegi). Kecerahan total setiap baris adalah "
        "`image.sum(axis=1)`, setiap kolom `image.sum(axis=0)`.",
        "Kalikan kecerahan total setiap baris dengan nomor barisnya, jumlahkan hasilnya, lalu "
        "bagi dengan kecerahan seluruh gambar, `image.sum()`: itulah `row`. Hitung `col` dengan "
        "cara yang sama untuk kolom, lalu akhiri dengan `return row, col`.",
))
def exercise_3(center_of_mass) -> Feedback:
    """Latihan 3: fungsi pusat massa ``(baris, kolom)``, berbobot kecerahan piksel."""
    problem = function_answer(center_of_mass, "my_center_of_mass",
                              "def my_center_of_mass(image):")
    if problem is not None:
        return problem
    for image in _test_images():
        result, problem = run_answer(center_of_mass, image.copy(),
                                     returns="dua angka (baris, kolom)",
                                     hint="Coba panggil fungsinya sendiri dengan sebuah gambar "
                                          "kecil.")
        if problem is not None:
            return problem
        try:
            row, col = (float(v) for v in result)
        except (TypeError, ValueError):
            return incorrect(f"Fungsi Anda seharusnya mengembalikan dua angka (baris, kolom), "
                             f"tetapi mengembalikan {result!r}.",
                             "Kembalikan tuple, misalnya `return row, col`.")
        true_row, true_col = pp.center_of_mass(image)
        if np.allclose((row, col), (true_row, true_col), atol=1e-6):
            continue
        if np.allclose((row, col), (true_col, true_row), atol=1e-6):
            return incorrect("Baris dan kolom tertukar.",
                             "Kembalikan baris (sumbu 0) lebih dulu, baru kolom (sumbu 1).")
        rows, cols = np.nonzero(image)
        if np.allclose((row, col), (rows.mean(), cols.mean()), atol=1e-6):
            return incorrect("Setiap piksel tinta Anda beri bobot yang sama.",
                             "Pusat massa berbobot kecerahan: piksel terang lebih berpengaruh "
                             "daripada piksel redup.")
        total = image.sum()
        if np.allclose((row, col), (true_row * total, true_col * total), atol=1e-6):
            return incorrect("Jumlah berbobotnya belum dibagi.",
                             "Bagi dengan jumlah seluruh kecerahan piksel.")
        h, w = image.shape
        if np.allclose((row, col), ((h - 1) / 2, (w - 1) / 2), atol=1e-6):
            return incorrect("Itu titik tengah gambar, bukan pusat massa tintanya.",
                             "Posisi setiap piksel dikalikan dengan kecerahannya.")
        return incorrect(f"Untuk salah satu gambar uji, hasil Anda ({fixed(row, 3)}; {fixed(col, 3)}) "
                         f"belum tepat.",
                         "Baris pusat massa = Σ (nomor baris × kecerahan) / Σ kecerahan; "
                         "kolom dengan cara yang sama.")
    return correct("Fungsi Anda memberi pusat massa yang sama dengan `pp.center_of_mass` "
                   "untuk setiap gambar uji, termasuk gambar yang tidak persegi.")


@exercise(4, hints=(
        "Bagian 3, \"Prapemrosesan Langkah demi Langkah\", menjalankan tujuh langkah satu per "
        "satu, dari 3.1 sampai 3.7. Panggil fungsi `pp` yang sama dalam urutan yang sama, "
        "masing-masing dengan hasil langkah sebelumnya.",
        "Urutannya: grayscale → balik latar yang terang → buang sisa latar → potong tinta → kotak "
        "20 → pusatkan di 28 × 28 → normalisasi. Nama fungsinya ada di sel kode setiap subbagian, "
        "mulai dari `pp.to_grayscale(path)`.",
        "Perhatikan argumennya: `pp.fit_in_box(..., 20)` dan `pp.center_by_mass(..., 28)`. Tinta "
        "dipotong dengan `pp.crop_to_ink` dari gambar yang latarnya sudah dibuang; "
        "`pp.ink_bounding_box` tidak diperlukan.",
))
def exercise_4(my_to_mnist) -> Feedback:
    """Latihan 4: menyusun ``to_mnist`` sendiri dari fungsi-fungsi langkah ``saraf.preprocess``."""
    problem = function_answer(my_to_mnist, "my_to_mnist", "def my_to_mnist(path):")
    if problem is not None:
        return problem
    shortcut_used = []

    def shortcut(*args, **kwargs):
        shortcut_used.append(True)
        return original_steps(*args, **kwargs)

    original_steps = pp.to_mnist_steps
    pp.to_mnist_steps = shortcut  # to_mnist memanggil to_mnist_steps
    try:
        for name in EXERCISE_4_IMAGES:
            path = _HANDWRITING / name
            result, problem = run_answer(my_to_mnist, path, where=name, hint=_error_hint,
                                         returns="gambar 28 × 28 (array NumPy)")
            if problem is not None:
                return problem
            if shortcut_used:
                return incorrect("Anda memakai `to_mnist` (atau `to_mnist_steps`) langsung.",
                                 "Susun sendiri dari fungsi-fungsi langkahnya, dari "
                                 "`pp.to_grayscale` sampai `pp.normalize`.")
            problem = require_array(result, "hasil my_to_mnist")
            if problem is not None:
                return problem
            if result.shape != (28, 28):
                return incorrect(f"Untuk {name}, hasil Anda berbentuk {result.shape}, padahal "
                                 f"yang diminta (28, 28).",
                                 "Langkah pemusatan menempel angka di kotak 28 × 28.")
            expected = original_steps(path)
            if _same(result, expected["mnist"]):
                continue
            return _diagnose_pipeline(name, path, result, expected)
    finally:
        pp.to_mnist_steps = original_steps
    return correct(f"Fungsi Anda memberi hasil yang sama dengan `to_mnist` untuk "
                   f"{len(EXERCISE_4_IMAGES)} gambar berbeda: foto, kanvas besar, RGBA "
                   f"transparan, kapur di papan, dan goresan tetikus.")


def _error_hint(error) -> str:
    if isinstance(error, pp.NoInkError):
        return ("Langkah-langkah Anda tidak menemukan tinta: sebelum sisa latar dibuang dan "
                "tinta dipotong, angkanya harus terang di atas latar gelap.")
    return "Panggil langkahnya satu per satu, masing-masing dengan hasil langkah sebelumnya."


def _diagnose_pipeline(name, path, result, expected) -> Feedback:
    gray = expected["grayscale"]
    if result.mean() > 0.5:
        return incorrect(f"Untuk {name}, latar hasil Anda terang.",
                         "Apakah latar yang terang sudah dibalik?")
    try:
        skip_clean = pp.normalize(pp.center_by_mass(pp.fit_in_box(pp.crop_to_ink(
            pp.invert_if_light_background(gray)))))
    except ValueError:
        skip_clean = None
    if skip_clean is not None and _same(result, skip_clean):
        return incorrect(f"Untuk {name}, sisa latar kertas masih ikut.",
                         "Ada satu langkah yang membuang sisa latar sebelum memotong.")
    if abs(result.max() - 1) > 1e-3:
        return incorrect(f"Untuk {name}, piksel paling terang hasil Anda {fixed(result.max(), 3)}, "
                         f"bukan 1.", "Langkah terakhir menormalkan kecerahan.")
    rows = np.flatnonzero(result.max(axis=1) > 0.05)
    cols = np.flatnonzero(result.max(axis=0) > 0.05)
    longest = max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1) if rows.size else 0
    if longest > 22:
        return incorrect(f"Untuk {name}, angka Anda selebar/setinggi {longest} piksel.",
                         "MNIST memuat angka dalam kotak yang lebih kecil daripada 28 × 28; "
                         "periksa ukuran kotak untuk `fit_in_box`.")
    row, col = pp.center_of_mass(result)
    if abs(row - 14) > 1 or abs(col - 14) > 1:
        return incorrect(f"Untuk {name}, pusat massa angka Anda di ({fixed(row, 1)}; {fixed(col, 1)}).",
                         "Angka MNIST dipusatkan menurut pusat massanya, bukan ditempel di "
                         "pojok.")
    return incorrect(f"Untuk {name}, hasil Anda berbeda dari `to_mnist`.",
                     "Periksa urutannya: grayscale, balik latar, buang sisa latar, potong, "
                     "kotak 20, pusatkan, normalisasi.")


hint, solution = helpers(__name__)
