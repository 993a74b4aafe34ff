"""Pemeriksa latihan pelajaran CNN Keras pada MNIST."""

from __future__ import annotations

from saraf.checks import Feedback, correct, incorrect, integer_answer, not_answered
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import thousands

_INTEGER_HINT = "Hitung dengan Python; `ops.output_size` mengembalikan bilangan bulat."


@exercise(1, hints=(
        "Telusuri bentuknya lapisan demi lapisan seperti di bagian 2.1, \"Bentuk dan Parameter, "
        "Dihitung Sendiri\": konvolusi dan pooling mengubah tinggi dan lebar, lalu Flatten "
        "menghasilkan tinggi · lebar · kanal angka.",
        "Konvolusi 3 × 3 tanpa padding: `ops.output_size(28, 3)`. `MaxPooling2D(2)` memakai "
        "jendela 2 dengan stride 2: `ops.output_size(n, 2, stride=2)`. Banyak kanal setelah "
        "konvolusi = banyak kernel.",
        "Mulailah dengan `side = ops.output_size(28, 3)`, lalu hitung ulang `side` untuk pooling. "
        "`flat_size` adalah `side` · `side` · banyak kanal, sebagai bilangan bulat.",
))
def exercise_1(flat_size) -> Feedback:
    """Latihan 1: banyak angka keluaran Flatten setelah Conv2D(16, 3) dan MaxPooling2D(2)."""
    value, problem = integer_answer(flat_size, "flat_size", _INTEGER_HINT)
    if problem is not None:
        return problem
    conv = 28 - 3 + 1          # 26
    pool = conv // 2           # 13
    expected = pool * pool * 16
    if value == expected:
        return correct(f"28 → {conv} (konvolusi) → {pool} (pooling), lalu "
                       f"{pool} · {pool} · 16 = {thousands(expected)} angka masuk ke lapisan "
                       "berikutnya.")
    if value == conv * conv * 16:
        return incorrect("Pooling belum ikut dihitung.",
                         "MaxPooling2D(2) memperkecil tinggi dan lebar sebelum Flatten.")
    if value in (14 * 14 * 16, 28 * 28 * 16 // 4):
        return incorrect("Ukuran setelah konvolusi belum tepat.",
                         "Tanpa padding, kernel 3 × 3 memperkecil gambar: gunakan "
                         "`ops.output_size(28, 3)`.")
    if value in (pool * pool, conv * conv):
        return incorrect("Banyak kanal belum ikut dihitung.",
                         "Setiap kernel menghasilkan satu peta fitur; Flatten meratakan "
                         "semuanya.")
    if value == 12 * 12 * 16:
        return incorrect("Ukuran keluaran konvolusi kurang 1.",
                         "Rumusnya floor((n − k) / s) + 1; jangan lupa + 1.")
    if value == pool * pool * 16 + 16:
        return incorrect("Flatten tidak punya bias.",
                         "Yang diminta banyak angka keluaran Flatten, bukan banyak parameter.")
    return incorrect(f"{thousands(value)} belum tepat.",
                     "Hitung tinggi/lebar setelah setiap lapisan dengan `ops.output_size`, lalu "
                     "kalikan tinggi · lebar · kanal.")


@exercise(2, hints=(
        "Pakai rumus parameter di bagian 2.1, \"Bentuk dan Parameter, Dihitung Sendiri\": hanya "
        "`Conv2D` dan `Dense` yang punya parameter; pooling, Flatten, dan Dropout tidak.",
        "Konvolusi: kh · kw · C_masuk · C_keluar bobot + C_keluar bias; kernel lapisan ke-2 "
        "membaca 16 kanal keluaran lapisan ke-1. Dense: n_masuk · n_keluar + n_keluar, dengan "
        "n_masuk = banyak angka keluaran Flatten.",
        "Untuk n_masuk, telusuri ukurannya dengan `ops.output_size` seperti latihan 1: 28 → "
        "konvolusi → pooling → konvolusi → pooling, lalu kalikan tinggi · lebar · 32 kanal. "
        "Terakhir jumlahkan parameter ketiga lapisan itu.",
))
def exercise_2(total_params) -> Feedback:
    """Latihan 2: banyak parameter CNN dengan filters=(16, 32) dan kernel 3 × 3."""
    value, problem = integer_answer(total_params, "total_params", _INTEGER_HINT)
    if problem is not None:
        return problem
    conv1_w, conv2_w = 3 * 3 * 1 * 16, 3 * 3 * 16 * 32      # 144, 4608
    size = ((28 - 2) // 2 - 2) // 2                          # 28 → 26 → 13 → 11 → 5
    dense_w = size * size * 32 * 10                          # 8000
    biases = 16 + 32 + 10
    expected = conv1_w + conv2_w + dense_w + biases          # 12810
    if value == expected:
        return correct(f"({conv1_w} + 16) + ({thousands(conv2_w)} + 32) + "
                       f"({thousands(dense_w)} + 10) = {thousands(expected)}. "
                       "Lapisan pooling, Flatten, dan Dropout tidak punya parameter.")
    if value == expected - biases:
        return incorrect("Bias belum ikut dihitung.",
                         "Setiap kernel dan setiap neuron Dense punya satu bias.")
    if value == expected - conv2_w + 3 * 3 * 32:
        return incorrect("Bobot konvolusi ke-2 kurang.",
                         "Kernel lapisan ke-2 membaca semua kanal keluaran lapisan ke-1: "
                         "kh · kw · C_in · C_out.")
    if value in (expected - dense_w + 13 * 13 * 32 * 10, expected - dense_w + 6 * 6 * 32 * 10,
                 expected - dense_w + 11 * 11 * 32 * 10):
        return incorrect("Ukuran masukan Dense belum tepat.",
                         "Telusuri tinggi/lebar lapisan demi lapisan: konvolusi, pooling, "
                         "konvolusi, pooling.")
    if value == conv1_w + conv2_w + 16 + 32:
        return incorrect("Lapisan Dense(10) belum ikut dihitung.",
                         "Jumlahkan parameter semua lapisan, termasuk lapisan keluaran.")
    return incorrect(f"{thousands(value)} belum tepat.",
                     "Konvolusi: kh · kw · C_in · C_out + C_out; Dense: n_masuk · n_keluar + "
                     "n_keluar; lapisan lain 0.")


@exercise(3, hints=(
        "Tiru sel model di bagian 2, \"Membangun CNN dengan API Fungsional\": mulai dari "
        "`keras.Input`, panggil setiap lapisan pada keluaran lapisan sebelumnya, dan akhiri "
        "dengan `keras.Model(inputs, outputs)`.",
        "Polanya `h = keras.layers.Lapisan(...)(h)`, satu baris per lapisan, dengan argumen "
        "seperti di tabel bagian 2. Pakai nama baru (misalnya `small_inputs` dan `h`) agar "
        "`inputs`, `x`, dan `model` pelajaran ini tidak tertimpa.",
        "Kerangkanya: `small_inputs = keras.Input(shape=(28, 28, 1))`, lalu `h = "
        "keras.layers.Conv2D(16, 3, activation=\"relu\")(small_inputs)`, dan seterusnya sampai "
        "`Dense`; terakhir `small_model = keras.Model(small_inputs, small_outputs)`.",
))
def exercise_3(small_model) -> Feedback:
    """Latihan 3: CNN kecil dengan API fungsional Keras."""
    empty = not_answered(small_model)
    if empty is not None:
        return empty
    import keras

    if not isinstance(small_model, keras.Model):
        return incorrect(f"`small_model` seharusnya model Keras, tetapi yang diberikan bertipe "
                         f"{type(small_model).__name__}.",
                         "Akhiri dengan `keras.Model(inputs, outputs)`.")
    kinds = [type(layer).__name__ for layer in small_model.layers
             if type(layer).__name__ != "InputLayer"]
    expected_kinds = ["Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense"]
    input_shape = tuple(small_model.inputs[0].shape[1:])
    if input_shape != (28, 28, 1):
        return incorrect(f"Masukan model berbentuk {input_shape}.",
                         "Satu gambar MNIST untuk Keras berbentuk (28, 28, 1).")
    if kinds != expected_kinds:
        missing = [k for k in expected_kinds if k not in kinds]
        hint = (f"Lapisan yang belum ada: {', '.join(missing)}." if missing
                else "Periksa urutan lapisannya.")
        return incorrect(f"Urutan lapisan Anda: {' → '.join(kinds) or '(kosong)'}.",
                         hint + " Urutan yang diminta: " + " → ".join(expected_kinds) + ".")
    conv, pool, _, dropout, dense = [layer for layer in small_model.layers
                                     if type(layer).__name__ != "InputLayer"]
    if conv.filters != 16 or tuple(conv.kernel_size) != (3, 3):
        return incorrect(f"Lapisan konvolusi Anda punya {conv.filters} kernel berukuran "
                         f"{conv.kernel_size}.", "Yang diminta: 16 kernel 3 × 3.")
    if conv.activation.__name__ != "relu":
        return incorrect(f"Fungsi aktivasi lapisan konvolusi: {conv.activation.__name__}.",
                         "Setelah konvolusi, pakai ReLU: `activation=\"relu\"`.")
    if tuple(conv.strides) != (1, 1) or conv.padding != "valid":
        return incorrect("Stride atau padding lapisan konvolusi diubah.",
                         "Pakai bawaannya: stride 1, padding 'valid'.")
    if tuple(pool.pool_size) != (2, 2):
        return incorrect(f"Ukuran pooling Anda {pool.pool_size}.", "Yang diminta: 2 × 2.")
    if abs(dropout.rate - 0.25) > 1e-9:
        return incorrect(f"Laju dropout Anda `{dropout.rate}`.", "Yang diminta: `Dropout(0.25)`.")
    if dense.units != 10:
        return incorrect(f"Lapisan keluaran punya {dense.units} neuron.",
                         "Satu neuron untuk setiap angka 0–9.")
    if dense.activation.__name__ != "softmax":
        return incorrect(f"Fungsi aktivasi lapisan keluaran: {dense.activation.__name__}.",
                         "Agar keluarannya berupa skor keyakinan yang jumlahnya 1, pakai "
                         "softmax.")
    params = small_model.count_params()
    return correct(f"Model fungsional dengan {thousands(params)} parameter; hampir semuanya "
                   f"({thousands(dense.count_params())}) ada di lapisan Dense setelah Flatten.")


hint, solution = helpers(__name__)
