"""Pemeriksa latihan pelajaran Flatten, Dense, dan softmax."""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, close, correct, function_answer, incorrect, number_answer,
                          require_array, run_answer)
from saraf.checks.exercises import exercise, helpers


@exercise(1, hints=(
    "Lihat bagian 2, “Flatten: Meratakan Peta Fitur”: setiap gambar menjadi satu baris panjang "
    "tanpa mengubah angkanya, dan sumbu batch tetap di depan.",
    "`maps_batch` berbentuk `(2, 4, 4, 16)`, jadi hasilnya harus berbentuk (2, 4 × 4 × 16). Pakai "
    "`.reshape(...)` saja, tanpa `transpose`, agar urutannya sama dengan `Flatten`.",
    "Di bagian 2, `feature_map.reshape(1, -1)` meratakan satu gambar; `-1` membuat NumPy "
    "menghitung panjang barisnya sendiri. Untuk batch, angka pertamanya adalah banyak gambar, "
    "`len(maps_batch)`.",
))
def exercise_1(flat, feature_map) -> Feedback:
    """Latihan 1: meratakan batch peta fitur (N, H, W, C) menjadi (N, H·W·C)."""
    problem = require_array(flat, "flat")
    if problem is not None:
        return problem
    fm = np.asarray(feature_map)
    n = fm.shape[0]
    expected = fm.reshape(n, -1)
    if flat.shape == expected.shape:
        if np.array_equal(flat, expected):
            return correct(f"Bentuk {expected.shape}: setiap gambar menjadi satu baris berisi "
                           f"{'·'.join(str(s) for s in fm.shape[1:])} = {expected.shape[1]} "
                           "angka, dengan urutan yang sama seperti `Flatten` di Keras.")
        if np.array_equal(flat, fm.transpose(0, 3, 1, 2).reshape(n, -1)):
            return incorrect("Bentuknya benar, tetapi urutannya kanal dulu (*channels-first*).",
                             "Keras meratakan dalam urutan asli (tinggi, lebar, kanal): cukup "
                             "`.reshape(...)` tanpa `transpose`.")
        return incorrect("Bentuknya benar, tetapi isi atau urutannya berbeda.",
                         "Ratakan `feature_map` langsung dengan `.reshape(...)`.")
    if flat.ndim == 1 and flat.size == fm.size:
        return incorrect(f"Hasil Anda 1 dimensi, {flat.shape}: sumbu batch hilang.",
                         "Pertahankan sumbu pertama (banyak gambar) dan ratakan sisanya.")
    if flat.shape == (1, fm.size) and n > 1:
        return incorrect(f"Semua {n} gambar tergabung dalam satu baris.",
                         "Setiap gambar harus menjadi satu baris: sumbu pertama tetap "
                         f"{n}.")
    if flat.shape == expected.T.shape:
        return incorrect(f"Bentuknya {flat.shape}, terbalik.",
                         "Baris = gambar, kolom = fitur.")
    return incorrect(f"Bentuk `flat` {flat.shape} belum tepat.",
                     "Bentuk yang diharapkan: (banyak gambar, tinggi × lebar × kanal).")


@exercise(2, hints=(
    "Lihat bagian 5, “Membaca Vektor Prediksi”: kelas prediksi adalah posisi nilai terbesar, "
    "sedangkan skor keyakinan adalah nilai terbesar itu sendiri.",
    "Posisi nilai terbesar diberikan oleh `np.argmax(...)`, nilainya oleh `.max()`. Indeks kelas "
    "dimulai dari 0, seperti indeks array.",
    "Simpan sebagai angka Python biasa: `predicted_class = int(...)` dan `confidence = "
    "float(...)`. Skor keyakinan ditulis dalam skala 0 sampai 1, bukan persen.",
))
def exercise_2(predicted_class, confidence, prediction) -> Feedback:
    """Latihan 2: membaca kelas prediksi dan skor keyakinan dari vektor prediksi (1, K)."""
    probs = np.asarray(prediction, dtype=float).reshape(-1)
    expected_class = int(np.argmax(probs))
    expected_conf = float(probs.max())
    value, problem = number_answer(predicted_class, "predicted_class",
                                   "Nomor kelas adalah satu bilangan bulat: posisi nilai "
                                   "terbesar.")
    if problem is not None:
        return problem
    if not value.is_integer():
        if abs(value - expected_conf) < 1e-6:
            return incorrect("`predicted_class` berisi skor keyakinan, bukan nomor kelas.",
                             "Nomor kelas adalah *posisi* nilai terbesar, bukan nilainya.")
        return incorrect(f"`predicted_class` seharusnya bilangan bulat (nomor kelas), tetapi "
                         f"yang diberikan: {value!r}.", "Cari posisi nilai terbesar.")
    value = int(value)
    if value != expected_class:
        if value == expected_class + 1:
            return incorrect("Nomor kelas Anda lebih 1.",
                             "Indeks kelas dimulai dari 0, seperti indeks array.")
        return incorrect(f"Kelas {value} bukan kelas dengan probabilitas terbesar.",
                         "Gunakan `np.argmax(...)`.")
    conf, problem = number_answer(confidence, "confidence",
                                  "Skor keyakinan adalah satu bilangan: nilai terbesar dalam "
                                  "vektor prediksi.")
    if problem is not None:
        return problem
    if abs(conf - expected_conf) < 1e-6:
        return correct(f"Kelas {expected_class}, skor keyakinan {expected_conf:g}. Ingat: skor "
                       "ini belum tentu peluang benar yang sesungguhnya.")
    if abs(conf - 100 * expected_conf) < 1e-4:
        return incorrect("Itu skor keyakinan dalam persen.",
                         "Tulis dalam skala 0 sampai 1, seperti keluaran softmax.")
    if abs(conf - expected_class) < 1e-9:
        return incorrect("`confidence` berisi nomor kelas, bukan skor keyakinan.",
                         "Skor keyakinan adalah nilai terbesar dalam vektor prediksi.")
    return incorrect(f"Kelasnya benar, tetapi skor keyakinan {conf:g} belum tepat.",
                     "Skor keyakinan adalah probabilitas kelas yang diprediksi (nilai terbesar).")


# Logit uji untuk latihan 3: kecil, besar (meluap tanpa trik), dan batch yang barisnya
# berbeda jauh (mengurangkan maksimum seluruh batch tidak cukup).
_SOFTMAX_CASES = (
    np.array([1.0, 2.0, 3.0]),
    np.array([1000.0, 1001.0]),
    np.array([-1000.0, -1001.0, -1002.0]),
    np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1001.0]]),
)


def _reference_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


@exercise(3, hints=(
    "Lihat bagian 8, “Stabilitas Numerik”: kurangi setiap logit dengan logit terbesar sebelum "
    "`np.exp`. Hasil softmax tidak berubah, tetapi e^1000 tidak lagi meluap.",
    "Untuk batch, logit terbesar dan jumlahnya dihitung per baris: `z.max(axis=-1, keepdims=True)`"
    " dan `.sum(axis=-1, keepdims=True)`. `keepdims=True` menjaga bentuknya agar hasilnya "
    "di-broadcast per baris.",
    "Tiga langkah: `shifted = z - z.max(...)`, lalu `exp_z = np.exp(shifted)`, lalu bagi `exp_z` "
    "dengan jumlah per barisnya. Buat array baru; jangan mengubah `z` dengan `-=`.",
))
def exercise_3(stable_softmax) -> Feedback:
    """Latihan 3: fungsi softmax yang stabil dan bekerja per baris untuk batch."""
    problem = function_answer(stable_softmax, "stable_softmax", "def stable_softmax(z):")
    if problem is not None:
        return problem
    for z in _SOFTMAX_CASES:
        given = z.copy()
        result, problem = run_answer(
            stable_softmax, given, returns="probabilitas (array berbentuk sama dengan z)",
            where=f"masukan berbentuk {z.shape}", numeric=True,
            hint="Pastikan fungsinya bekerja untuk array 1-D maupun 2-D; untuk batch, "
                 "`keepdims=True` menjaga bentuk hasil `max` dan `sum`.")
        if problem is not None:
            return problem
        if not np.array_equal(given, z):
            return incorrect("Fungsi Anda mengubah array masukan.",
                             "Buat array baru (`z - ...`), jangan `z -= ...`.")
        if result.shape != z.shape:
            return incorrect(f"Untuk masukan berbentuk {z.shape} fungsi Anda mengembalikan "
                             f"array berbentuk {result.shape}.",
                             "Keluaran softmax berbentuk sama dengan masukannya.")
        rows = z.reshape(-1, z.shape[-1])
        out_rows = result.reshape(-1, z.shape[-1])
        if not np.all(np.isfinite(result)):
            if z.ndim == 1:
                return incorrect(f"Untuk logit {z.tolist()} hasilnya memuat NaN atau inf.",
                                 "e^1000 meluap. Kurangi setiap logit dengan logit terbesar "
                                 "sebelum `np.exp`.")
            bad = [r.tolist() for r, o in zip(rows, out_rows) if not np.all(np.isfinite(o))]
            return incorrect(f"Untuk batch, baris {bad[0]} menghasilkan NaN.",
                             "Kurangi logit terbesar *setiap baris*, bukan seluruh batch: "
                             "`z.max(axis=-1, keepdims=True)`.")
        if not np.allclose(out_rows.sum(axis=-1), 1.0, atol=1e-6):
            return incorrect(f"Untuk masukan berbentuk {z.shape}, jumlah probabilitas setiap "
                             "baris tidak 1.",
                             "Bagi dengan jumlah per baris: `.sum(axis=-1, keepdims=True)`.")
        if not np.allclose(result, _reference_softmax(z), atol=1e-6):
            return incorrect(f"Untuk logit {rows[0].tolist()} hasilnya belum sama dengan "
                             "softmax.", "softmax(z)_i = e^(z_i) / Σ_j e^(z_j).")
    return correct("Stabil untuk logit raksasa dan benar per baris untuk batch, sama dengan "
                   "`ops.softmax`.")


@exercise(4, hints=(
    "Lihat bagian 9, “Fungsi Kerugian: Cross-Entropy”: kerugian satu contoh adalah −ln p_benar, "
    "dengan p_benar probabilitas kelas yang benar menurut `labels_4`, bukan probabilitas terbesar.",
    "Seperti `p_true` di bagian 9: indeks baris `np.arange(...)` dan indeks kolom `labels_4` "
    "sekaligus mengambil satu probabilitas dari setiap baris `probs_4`.",
    "Hitung `-np.log(...)` (logaritma natural) untuk keempat probabilitas itu, lalu rata-ratakan "
    "dengan `np.mean`: Keras melaporkan rata-rata, bukan jumlah.",
))
def exercise_4(loss, probs, labels) -> Feedback:
    """Latihan 4: cross-entropy rata-rata sebuah batch, dihitung dengan tangan."""
    value, problem = number_answer(loss, "loss_4", "Kerugian rata-rata sebuah batch adalah satu "
                                   "bilangan: rata-rata kerugian semua contoh.")
    if problem is not None:
        return problem
    probs = np.asarray(probs, dtype=float)
    labels = np.asarray(labels).astype(int)
    p_true = probs[np.arange(len(labels)), labels]
    expected = float(np.mean(-np.log(p_true)))
    if close(value, expected, 1e-5):
        return correct(f"Kerugian rata-rata {expected:.4f}, sama dengan "
                       "`SparseCategoricalCrossentropy` di Keras.")
    if close(value, -expected, 1e-5):
        return incorrect("Hasil Anda negatif.",
                         "Log probabilitas selalu ≤ 0; cross-entropy memakai tanda minus.")
    if close(value, float(np.sum(-np.log(p_true))), 1e-5):
        return incorrect("Itu jumlah kerugian semua contoh.",
                         "Keras melaporkan rata-ratanya.")
    if close(value, float(np.mean(-np.log10(p_true))), 1e-5):
        return incorrect("Logaritmanya berbasis 10.", "Gunakan logaritma natural, `np.log`.")
    if close(value, float(np.mean(-np.log(probs.max(axis=-1)))), 1e-5):
        return incorrect("Anda memakai probabilitas terbesar setiap baris.",
                         "Yang dipakai adalah probabilitas kelas yang *benar* (menurut "
                         "`labels`), meskipun bukan yang terbesar.")
    return incorrect(f"{value:.4f} belum tepat.",
                     "Ambil probabilitas kelas yang benar di setiap baris, hitung −log, lalu "
                     "rata-ratakan.")


hint, solution = helpers(__name__)
