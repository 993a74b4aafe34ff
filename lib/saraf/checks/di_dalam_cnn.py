"""Pemeriksa latihan pelajaran "Di Dalam CNN" (menghitung ulang CNN terlatih dengan NumPy)."""

from __future__ import annotations

import numpy as np

from saraf import ops
from saraf.checks import (Feedback, close, correct, function_answer, incorrect, integer_answer,
                          is_empty_function, number_answer, run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import thousands


def _close(a, b) -> bool:
    return close(a, b, atol=1e-4, rtol=1e-4)


@exercise(1, hints=(
        "Satu angka peta fitur adalah satu langkah konvolusi (pelajaran 03; ringkasannya ada di "
        "bagian 2, \"Kernel Lapisan Konvolusi Pertama\"): perkalian titik potongan gambar "
        "dengan kernel, ditambah bias, lalu fungsi aktivasi `conv1`, yaitu ReLU.",
        "Potongannya `x[0, row_1:row_1 + 5, col_1:col_1 + 5, 0]` (baris dulu, lalu kolom) dan "
        "kernelnya `W1[:, :, 0, k_1]`. Kalikan elemen demi elemen, lalu jumlahkan dengan "
        "`np.sum`; kernel tidak dibalik.",
        "Urutannya: jumlah hasil kali → tambah `b1[k_1]` → ReLU. Untuk satu angka, ReLU bisa "
        "ditulis `max(z, 0.0)`.",
))
def exercise_1(value, image, kernels, biases, row, col, k) -> Feedback:
    """Latihan 1: satu angka peta fitur lapisan konvolusi pertama, dihitung dengan tangan."""
    value, problem = number_answer(value, "value_1", "Perkalian titik menjumlahkan semua hasil "
                                   "kali menjadi satu angka: `np.sum(potongan * kernel)`.")
    if problem is not None:
        return problem
    image = np.asarray(image, dtype=np.float64)
    kernel = np.asarray(kernels, dtype=np.float64)[:, :, 0, k]
    bias = float(np.asarray(biases)[k])
    kh, kw = kernel.shape
    patch = image[row:row + kh, col:col + kw]
    z = float(np.sum(patch * kernel) + bias)
    expected = max(z, 0.0)
    if _close(value, expected):
        return correct("Perkalian titik potongan 5 × 5 dengan kernel, ditambah bias, lalu ReLU: "
                       "persis angka yang dihitung Keras di posisi itu.")
    if _close(value, max(z - bias, 0.0)) or _close(value, z - bias):
        return incorrect("Bias belum ikut dihitung.", "Tambahkan `b1[k_1]` sebelum ReLU.")
    if z < 0 and _close(value, z):
        return incorrect("ReLU belum diterapkan.", "Nilai negatif menjadi 0 setelah ReLU.")
    flipped = float(np.sum(patch * kernel[::-1, ::-1]) + bias)
    if _close(value, max(flipped, 0.0)):
        return incorrect("Kernel Anda dibalik (konvolusi matematika).",
                         "Lapisan CNN menghitung korelasi silang: kernel dipakai apa adanya, "
                         "tanpa dibalik.")
    swapped = image[col:col + kh, row:row + kw]
    if swapped.shape == kernel.shape and _close(value, max(float(np.sum(swapped * kernel))
                                                            + bias, 0.0)):
        return incorrect("Baris dan kolom tertukar.",
                         "Indeks pertama adalah baris (ke bawah), indeks kedua kolom (ke kanan).")
    if _close(value, max(255 * (z - bias) + bias, 0.0)):
        return incorrect("Gambarnya belum dinormalisasi.",
                         "Model dilatih dengan piksel 0–1: pakai gambar yang sudah dibagi 255.")
    return incorrect("Angkanya belum tepat.",
                     "Ambil potongan 5 × 5 yang dimulai di baris `row_1` dan kolom `col_1`, "
                     "kalikan dengan kernel ke-`k_1` elemen demi elemen, jumlahkan, tambahkan "
                     "`b1[k_1]`, lalu ReLU.")


@exercise(2, hints=(
        "Setiap angka keluaran `conv2` adalah satu perkalian titik antara potongan masukan dan "
        "satu kernel 5 × 5 × 32 (bagian 3, \"Peta Fitur di Setiap Lapisan\"). Hitung banyak angka "
        "keluaran dan banyak perkalian untuk setiap angka.",
        "Banyak angka keluaran = tinggi · lebar · banyak kernel, dari keluaran 8 × 8 × 64. Satu "
        "perkalian titik mengalikan setiap bobot kernel dengan satu angka masukan: kh · kw · "
        "C_masuk perkalian.",
        "Kalikan kedua angka itu. Jangan memakai ukuran masukan 12 × 12: kernel hanya diletakkan "
        "di 8 · 8 posisi keluaran. Bias hanya ditambahkan, jadi tidak ikut dihitung.",
))
def exercise_2(multiplications) -> Feedback:
    """Latihan 2: banyak perkalian lapisan ``conv2`` (32 → 64 kanal, kernel 5 × 5), satu gambar."""
    value, problem = integer_answer(multiplications, "multiplications", "Hitung dengan Python.")
    if problem is not None:
        return problem
    positions = 8 * 8            # keluaran conv2: 8 × 8
    per_value = 5 * 5 * 32       # satu perkalian titik: kernel 5 × 5 × 32 kanal
    expected = positions * 64 * per_value
    if value == expected:
        return correct(f"8 · 8 posisi · 64 kernel · (5 · 5 · 32) = {thousands(expected)} "
                       "perkalian untuk satu gambar, padahal lapisan ini hanya punya 51.264 "
                       "parameter: setiap bobot dipakai ulang di 64 posisi.")
    if value == positions * 64 * 5 * 5:
        return incorrect("Kanal masukan belum ikut dihitung.",
                         "Setiap kernel conv2 membaca 32 kanal keluaran pool1 sekaligus.")
    if value in (12 * 12 * 64 * per_value, 24 * 24 * 64 * per_value):
        return incorrect("Banyak posisi belum tepat.",
                         "Kernel hanya diletakkan di posisi keluaran: conv2 menghasilkan peta "
                         "8 × 8.")
    if value == positions * per_value:
        return incorrect("Itu untuk satu kernel saja.", "conv2 punya 64 kernel.")
    if value == 51264 or value == 5 * 5 * 32 * 64:
        return incorrect("Itu banyak bobot (parameter), bukan banyak perkalian.",
                         "Setiap bobot dipakai sekali di setiap posisi keluaran.")
    return incorrect(f"{thousands(value)} belum tepat.",
                     "Banyak perkalian = banyak angka keluaran (tinggi · lebar · kernel) × "
                     "banyak perkalian dalam satu perkalian titik (kh · kw · C_masuk).")


def _windows(a, first=True):
    """Peta (N, H, W, C) sebagai (N, H/2, 2, W/2, 2, C): setiap jendela 2 × 2 di sumbu 2 dan 4.

    ``first=False`` memecah sumbu dengan urutan terbalik, (N, 2, H/2, 2, W/2, C): kesalahan
    yang membuat angka-angka yang tidak bersebelahan berkumpul.
    """
    n, h, w, c = a.shape
    return a.reshape((n, h // 2, 2, w // 2, 2, c) if first else (n, 2, h // 2, 2, w // 2, c))


#: Pooling buatan yang salah, dan apa yang dikatakan kepada pembelajar bila hasilnya cocok.
_WRONG_POOLS = (
    (lambda a: _windows(a, first=False).max(axis=(1, 3)),
     "Bentuknya sudah (N, H/2, W/2, C), tetapi angka-angka yang diambil maksimumnya bukan "
     "empat piksel bersebelahan dalam satu jendela 2 × 2.",
     "Sumbu berukuran 2 harus tepat sesudah sumbu H/2 (atau W/2): H menjadi (H/2, 2), bukan "
     "(2, H/2)."),
    (lambda a: _windows(a).mean(axis=(2, 4)),
     "Itu average pooling, bukan max pooling.",
     "Lapisan `pool1` dan `pool2` adalah `MaxPooling2D`: ambil nilai terbesar, `.max(...)`."),
)


def _reference_forward(model, x, pool=None):
    """Propagasi maju CNN ``saraf.cnn.build_mnist_cnn`` dengan saraf.ops dan bobot model.

    Mengembalikan peta fitur terakhir (sebelum Flatten), ``W3`` dan ``b3``. ``pool``: fungsi
    pooling pengganti ``ops.max_pool2d(a, 2)`` (untuk meniru kesalahan pembelajar).
    """
    pool = pool or (lambda a: ops.max_pool2d(a, 2))
    w1, b1 = model.get_layer("conv1").get_weights()
    w2, b2 = model.get_layer("conv2").get_weights()
    w3, b3 = model.get_layer("output").get_weights()
    a = pool(ops.relu(ops.conv2d(x, w1) + b1))
    a = pool(ops.relu(ops.conv2d(a, w2) + b2))
    return a, w3, b3


@exercise(3, hints=(
        "Bagian 4, \"Bukti: `saraf.ops` Menghitung Hal yang Sama dengan Keras\", sudah menghitung "
        "seluruh model untuk satu gambar. Tulis dulu `max_pool_2x2(a)`, lalu pakai sebagai "
        "pengganti `ops.max_pool2d(..., 2)`; Flatten untuk batch adalah `a.reshape(len(a), -1)`.",
        "Peta fitur (N, H, W, C) dengan H dan W genap dapat dilihat sebagai array 6 dimensi: "
        "tinggi H dipecah menjadi (H/2, 2) dan lebar W menjadi (W/2, 2). Dengan begitu, keempat "
        "angka dalam satu jendela 2 × 2 hanya berbeda indeks di kedua sumbu berukuran 2 itu.",
        "Dengan `n, h, w, c = a.shape`, `a.reshape(n, h // 2, 2, w // 2, 2, c)` lalu "
        "`.max(axis=(2, 4))` mengambil nilai terbesar setiap jendela. Cobalah pada "
        "`ours[\"conv1\"]` dan bandingkan dengan `ours[\"pool1\"]` dari bagian 4.",
))
def exercise_3(numpy_predict, model, x) -> Feedback:
    """Latihan 3: ``numpy_predict(x)`` seluruh CNN dengan ``saraf.ops``, max pooling sendiri."""
    problem = function_answer(numpy_predict, "numpy_predict", "def numpy_predict(x):")
    if problem is not None:
        return problem
    code = getattr(numpy_predict, "__code__", None)
    helper = getattr(numpy_predict, "__globals__", {}).get("max_pool_2x2")
    if code is not None and "max_pool_2x2" in code.co_names and is_empty_function(helper):
        # kerangka edisi siswa: numpy_predict memakai fungsi pembantu yang belum diisi
        return incorrect("Fungsi `max_pool_2x2` Anda masih kosong.",
                         "Isi dulu `max_pool_2x2(a)` dan jalankan selnya, lalu jalankan sel "
                         "pemeriksa ini lagi.")
    import keras

    x = np.asarray(x, dtype=np.float32)
    given = x.copy()
    library_pool, used = ops.max_pool2d, []

    def watched_pool(*args, **kwargs):  # mencatat bila pembelajar memanggil ops.max_pool2d
        used.append(True)
        return library_pool(*args, **kwargs)

    ops.max_pool2d = watched_pool
    try:
        answer, problem = run_answer(numpy_predict, given, returns="skor setiap kelas (array)",
                                     where=f"batch berbentuk {x.shape}", hint=_error_hint,
                                     numeric=True)
    finally:
        ops.max_pool2d = library_pool
    if problem is not None:
        return problem
    if not np.array_equal(given, x):
        return incorrect("Fungsi Anda mengubah array masukan.",
                         "Buat array baru, jangan `x -= …`.")
    if used:
        return incorrect("Fungsi Anda masih memanggil `ops.max_pool2d`.",
                         "Latihan ini meminta max pooling 2 × 2 buatan sendiri dengan `reshape` "
                         "dan `.max(axis=...)`, misalnya sebagai fungsi `max_pool_2x2(a)`.")
    expected = keras.ops.convert_to_numpy(model(x, training=False)).astype(np.float64)
    n = len(x)
    if answer.shape == expected.shape and np.allclose(answer, expected, atol=1e-4):
        return correct(f"Untuk {n} gambar, fungsi NumPy Anda memberi skor yang sama dengan "
                       "Keras, dengan max pooling buatan Anda sendiri. Seluruh CNN ini hanyalah "
                       "operasi dari pelajaran 02–06.")
    if answer.shape != expected.shape:
        hint = ("Ratakan setiap gambar menjadi satu baris: `.reshape(len(x), -1)`."
                if answer.size == expected.size or answer.ndim != 2
                else "Keluarannya satu baris skor untuk setiap gambar.")
        return incorrect(f"Untuk batch berbentuk {x.shape}, fungsi Anda mengembalikan bentuk "
                         f"{answer.shape}, padahal Keras {expected.shape}.", hint)
    pooled, w3, b3 = _reference_forward(model, x)
    logits = pooled.reshape(n, -1) @ w3 + b3
    channels_first = pooled.transpose(0, 3, 1, 2).reshape(n, -1) @ w3 + b3
    mistakes = [(logits, "Itu logit: softmax belum diterapkan.",
                 "Lapisan keluaran memakai `activation=\"softmax\"`: `ops.softmax(...)`."),
                (ops.softmax(logits - b3), "Bias lapisan keluaran belum ikut dihitung.",
                 "Tambahkan bias setelah perkalian matriks."),
                (ops.softmax(channels_first), "Urutan perataannya kanal dulu (*channels-first*).",
                 "Keras meratakan dalam urutan (tinggi, lebar, kanal): cukup "
                 "`.reshape(len(x), -1)` tanpa `transpose`.")]
    for pool, message, tip in _WRONG_POOLS:
        wrong, _, _ = _reference_forward(model, x, pool)
        mistakes.append((ops.softmax(wrong.reshape(n, -1) @ w3 + b3), message, tip))
    for wrong, message, tip in mistakes:
        if np.allclose(answer, wrong, atol=1e-4):
            return incorrect(message, tip)
    return incorrect("Bentuknya benar, tetapi skornya berbeda dari Keras.",
                     "Periksa setiap lapisan: konvolusi + bias → ReLU → max pooling (dua kali), "
                     "lalu ratakan, kalikan dengan bobot `output`, tambahkan bias, softmax.")


def _error_hint(error) -> str:
    if "matmul" in str(error) or "aligned" in str(error):
        return ("Bentuknya tidak cocok untuk perkalian matriks. Ratakan setiap gambar menjadi "
                "satu baris: `.reshape(len(x), -1)`.")
    if "reshape" in str(error):
        return ("`reshape` tidak dapat mengubah banyaknya angka: (N, H, W, C) memuat sama banyak "
                "angka dengan (N, H/2, 2, W/2, 2, C).")
    return ("Ikuti lapisan model satu per satu: `conv1`, `pool1`, `conv2`, `pool2`, `flatten`, "
            "`output`. "
            "Setelah max pooling 2 × 2, peta 24 × 24 menjadi 12 × 12, dan 8 × 8 menjadi 4 × 4.")


hint, solution = helpers(__name__)
