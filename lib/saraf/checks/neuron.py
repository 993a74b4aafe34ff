"""Pemeriksa latihan pelajaran neuron."""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, close, correct, incorrect, not_answered, number_answer,
                          require_array)
from saraf.checks.exercises import exercise, helpers
from saraf.ops import sigmoid  # satu sigmoid untuk seluruh saraf

# Data latihan 1 (sama dengan yang tertulis di notebook).
EXERCISE_1_X = (2.0, -1.0, 0.5)
EXERCISE_1_W = (0.4, 0.3, -0.8)
EXERCISE_1_B = 0.1

_CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))
_NAND_TARGETS = (1, 1, 1, 0)


@exercise(1, hints=(
    "Ikuti tiga langkah di bagian 1 (Satu Neuron): kalikan setiap masukan dengan bobotnya, "
    "jumlahkan lalu tambahkan bias untuk mendapat z, kemudian masukkan z ke fungsi sigmoid.",
    "Perkalian titik `w_1 @ x_1` menghitung jumlah hasil kali sekaligus (bagian 1.1, Contoh "
    "dengan Angka). Untuk sigmoid, pakai `ops.sigmoid` atau rumus 1 / (1 + e^(−z)) dengan "
    "`np.exp`.",
    "Periksa hasil antara Anda: jumlah berbobot z untuk data ini (bias sudah ditambahkan) adalah "
    "0,2. Terapkan sigmoid pada z; keluarannya satu angka di antara 0 dan 1.",
))
def exercise_1(output) -> Feedback:
    """Latihan 1: keluaran satu neuron dengan fungsi sigmoid."""
    value, problem = number_answer(output, "output_1",
                                   "Keluaran satu neuron adalah satu bilangan: perkalian titik "
                                   "menjumlahkan semua hasil kali w·x menjadi satu angka "
                                   "(gunakan `@` atau `np.sum`).")
    if problem is not None:
        return problem
    x, w = np.array(EXERCISE_1_X), np.array(EXERCISE_1_W)
    z = float(w @ x + EXERCISE_1_B)
    z_no_bias = float(w @ x)
    expected = float(sigmoid(z))

    if close(value, expected, 1e-4):
        return correct(f"z = {z:.2f}, lalu sigmoid(z) = {expected:.4f}. Itulah keluaran "
                       "neuronnya.")
    if close(value, z, 1e-4):
        return incorrect("Nilai ini sama dengan jumlah berbobot z: sigmoid belum diterapkan.",
                         "Keluaran neuron = sigmoid(z) = 1 / (1 + e^(−z)).")
    if close(value, float(sigmoid(z_no_bias)), 1e-4) or close(value, z_no_bias, 1e-4):
        return incorrect("Bias belum ikut dihitung.",
                         "Tambahkan b ke jumlah berbobot sebelum fungsi aktivasi.")
    if close(value, float(np.tanh(z)), 1e-4) or close(value, float(z >= 0), 1e-4):
        return incorrect("Fungsi aktivasinya bukan sigmoid.",
                         "Sigmoid: 1 / (1 + e^(−z)), atau `ops.sigmoid`.")
    if close(value, float(sigmoid(-z)), 1e-4):
        return incorrect("Tanda z terbalik di dalam sigmoid.",
                         "Sigmoid: 1 / (1 + e^(−z)), dengan minus di depan z.")
    return incorrect(f"{value:.4f} belum tepat.",
                     "Hitung z = w · x + b (perkalian titik), lalu terapkan sigmoid pada z.")


def _step(z):
    return (np.asarray(z) >= 0).astype(int)


@exercise(2, hints=(
    "Dengan fungsi tangga, keluarannya 1 bila z ≥ 0. Tulis z untuk keempat titik: untuk (0, 0), z "
    "= b; untuk (1, 1), z = w1 + w2 + b. Mana yang harus ≥ 0, mana yang negatif?",
    "Dari (0, 0): bias harus ≥ 0. Dari (1, 1): w1 + w2 + b < 0, jadi bobotnya negatif. Di "
    "penjelajah neuron (bagian 3), NAND benar bila hanya titik (1, 1) jatuh di daerah biru.",
    "Cobalah kedua bobot −1, lalu cari bias yang membuat z untuk (0, 1) dan (1, 0) masih ≥ 0, "
    "tetapi z untuk (1, 1) negatif.",
))
def exercise_2(w_nand, b_nand) -> Feedback:
    """Latihan 2: bobot dan bias satu neuron (fungsi tangga) yang menghitung NAND."""
    for answer in (w_nand, b_nand):
        empty = not_answered(answer)
        if empty is not None:
            return empty
    try:
        w = np.asarray(w_nand, dtype=float)
    except (TypeError, ValueError):
        return incorrect(f"`w_nand` seharusnya dua bilangan, tetapi yang diberikan: "
                         f"{w_nand!r}.", "Contoh bentuknya: `np.array([0.3, 0.3])`.")
    if w.shape != (2,):
        return incorrect(f"`w_nand` seharusnya berisi 2 bobot (satu per masukan), tetapi "
                         f"berbentuk {w.shape}.", "Contoh bentuknya: `np.array([0.3, 0.3])`.")
    b, problem = number_answer(b_nand, "b_nand", "Bias satu neuron adalah satu bilangan.")
    if problem is not None:
        return problem
    if not (np.all(np.isfinite(w)) and np.isfinite(b)):
        return incorrect("Bobot dan bias harus bilangan berhingga.", "Pilih angka biasa.")
    outputs = [int(_step(w @ np.array(p, dtype=float) + b)) for p in _CORNERS]
    wrong = [(p, t, o) for p, t, o in zip(_CORNERS, _NAND_TARGETS, outputs) if o != t]
    if not wrong:
        return correct("Keempat titik NAND benar: hanya (1, 1) yang menghasilkan 0. Perhatikan "
                       "tanda bobot Anda: negatif.")
    if outputs == [0, 0, 0, 1]:
        return incorrect("Neuron Anda menghitung AND, padahal yang diminta kebalikannya.",
                         "Membalik tanda z membalik sisi garis keputusan.")
    if outputs == [0, 1, 1, 1]:
        return incorrect("Neuron Anda menghitung OR, bukan NAND.",
                         "NAND bernilai 0 hanya untuk (1, 1).")
    (p, target, out), *_ = wrong
    hints = {
        (0, 0): "Untuk (0, 0), z = b: bias sendirian menentukan keluarannya.",
        (1, 1): "Untuk (1, 1), z = w1 + w2 + b harus negatif.",
    }
    hint = hints.get(p, "Bila tepat satu masukan bernilai 1, z = bobotnya + b; z harus ≥ 0.")
    return incorrect(f"Untuk masukan {p} neuron Anda mengeluarkan {out}, padahal NAND "
                     f"menghasilkan {target} (salah di {len(wrong)} dari 4 titik).", hint)


@exercise(3, hints=(
    "Bagian 4 (Satu Lapisan sebagai Perkalian Matriks): Z = X W + b, lalu A = f(Z). Di sana `W` "
    "menyimpan bobot setiap neuron sebagai kolom, sedangkan `neuron_weights` menyimpannya sebagai "
    "baris.",
    "Cocokkan bentuknya: `X_3` (5, 4) harus dikali matriks (4, 3) agar hasilnya (5, 3), padahal "
    "`neuron_weights` berbentuk (3, 4). Transpos `.T` menukar baris dan kolom.",
    "Tambahkan `biases` sesudah perkalian matriks (NumPy menyalinnya ke setiap baris), lalu "
    "terapkan ReLU dengan `ops.relu(...)`.",
))
def exercise_3(layer_output, X, neuron_weights, biases) -> Feedback:
    """Latihan 3: satu lapisan terhubung penuh dengan ReLU; bobot diberikan per neuron."""
    problem = require_array(layer_output, "layer_output")
    if problem is not None:
        return problem
    X, V, b = (np.asarray(a, dtype=float) for a in (X, neuron_weights, biases))
    z = X @ V.T + b
    expected = np.maximum(z, 0)
    shape = layer_output.shape
    if shape == expected.T.shape and shape != expected.shape:
        return incorrect(f"Bentuknya {shape}, terbalik: baris seharusnya contoh, kolom neuron.",
                         "Letakkan batch di kiri: (batch, n_in) @ (n_in, n_out).")
    if shape != expected.shape:
        return incorrect(f"Bentuk `layer_output` {shape}, padahal seharusnya "
                         f"{expected.shape}.",
                         "(batch, n_in) @ (n_in, n_out) + (n_out,) → (batch, n_out).")
    if np.allclose(layer_output, expected, atol=1e-6):
        return correct(f"Bentuk {expected.shape}: {X.shape[0]} contoh × {V.shape[0]} neuron. "
                       "Matriks bobot lapisan adalah `neuron_weights.T`, berbentuk "
                       f"{V.T.shape} = (n_in, n_out).")
    if np.allclose(layer_output, z, atol=1e-6):
        return incorrect("Ada nilai negatif: fungsi aktivasinya belum diterapkan.",
                         "Terapkan ReLU pada hasil perkalian matriks + bias.")
    if np.allclose(layer_output, np.maximum(X @ V.T, 0), atol=1e-6) or np.allclose(
            layer_output, X @ V.T, atol=1e-6):
        return incorrect("Bias belum ikut dihitung.",
                         "Tambahkan `biases` setelah perkalian matriks; NumPy menyalinnya ke "
                         "setiap baris (*broadcasting*).")
    return incorrect("Bentuknya sudah benar, tetapi nilainya belum.",
                     "Setiap baris `neuron_weights` adalah bobot satu neuron; lapisan butuh "
                     "matriks (n_in, n_out).")


@exercise(4, hints=(
    "Bagian 5.1 (Tanpa Fungsi Aktivasi, Dua Lapisan Sama dengan Satu) melakukan ini untuk dua "
    "lapisan. Untuk tiga lapisan, tulis ((x W1 + b1) W2 + b2) W3 + b3, lalu uraikan kurungnya.",
    "Suku yang mengandung x memberi matriks bobotnya: x dikali ketiga matriks bobot berurutan. "
    "Suku lainnya membentuk bias: setiap bias dikali bobot semua lapisan sesudahnya.",
    "Bentuk hasilnya: `W_single_4` (2, 2) dan `b_single_4` (2,). Bias dua lapisan pertama sudah "
    "ada di bagian 5.1 (`b1 @ W2 + b2`); teruskan hasil itu melewati lapisan ke-3.",
))
def exercise_4(W_single, b_single, W1, b1, W2, b2, W3, b3) -> Feedback:
    """Latihan 4: tiga lapisan tanpa fungsi aktivasi sama dengan satu lapisan."""
    for answer, name in ((W_single, "W_single"), (b_single, "b_single")):
        problem = require_array(answer, name)
        if problem is not None:
            return problem
    W1, b1, W2, b2, W3, b3 = (np.asarray(a, dtype=float) for a in (W1, b1, W2, b2, W3, b3))
    W_expected = W1 @ W2 @ W3
    b_expected = (b1 @ W2 + b2) @ W3 + b3
    if W_single.shape != W_expected.shape:
        return incorrect(f"Bentuk `W_single` {W_single.shape}, padahal seharusnya "
                         f"{W_expected.shape} (n_in, n_out).",
                         "Masukan melewati W1, lalu W2, lalu W3.")
    if not np.allclose(W_single, W_expected, atol=1e-6):
        return incorrect("`W_single` belum tepat.",
                         "Tulis ((x @ W1 + b1) @ W2 + b2) @ W3 + b3, lalu uraikan kurungnya.")
    if b_single.shape != b_expected.shape:
        return incorrect(f"`W_single` sudah benar, tetapi bentuk `b_single` {b_single.shape}, "
                         f"padahal seharusnya {b_expected.shape} (satu bias per neuron "
                         "keluaran).", "Setiap bias yang belum di lapisan terakhir masih "
                         "dikalikan bobot lapisan-lapisan sesudahnya.")
    if np.allclose(b_single, b_expected, atol=1e-6):
        return correct("W = W1 @ W2 @ W3 dan b = (b1 @ W2 + b2) @ W3 + b3: tanpa fungsi "
                       "aktivasi, tiga lapisan pun tetap satu lapisan afin.")
    if np.allclose(b_single, b3, atol=1e-6):
        return incorrect("`W_single` sudah benar, tetapi b1 dan b2 belum ikut dihitung.",
                         "Bias lapisan awal juga melewati bobot lapisan sesudahnya.")
    if np.allclose(b_single, b1 @ W2 @ W3 + b3, atol=1e-6):
        return incorrect("`W_single` sudah benar, tetapi b2 belum ikut dihitung.",
                         "b2 ditambahkan di lapisan ke-2, jadi masih dikalikan W3.")
    if np.allclose(b_single, b1 @ W2 @ W3 + b2 @ W3, atol=1e-6):
        return incorrect("`W_single` sudah benar, tetapi b3 belum ikut dihitung.",
                         "Lapisan terakhir menambahkan biasnya sendiri.")
    return incorrect("`W_single` sudah benar, tetapi `b_single` belum.",
                     "Uraikan ((x @ W1 + b1) @ W2 + b2) @ W3 + b3: bagian yang tidak "
                     "mengandung x adalah biasnya.")


hint, solution = helpers(__name__)
