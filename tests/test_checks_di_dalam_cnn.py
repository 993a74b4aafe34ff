"""Tes `saraf.checks.di_dalam_cnn`: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np
import pytest

from saraf import ops
from saraf.checks import di_dalam_cnn as checks

pytest.importorskip("keras")  # exercise_3 menjalankan model Keras


RNG = np.random.default_rng(10)
IMAGE = RNG.random((28, 28)).astype(np.float32)
W1 = RNG.normal(scale=0.3, size=(5, 5, 1, 4)).astype(np.float32)
B1 = np.array([0.1, -0.2, 0.3, -5.0], dtype=np.float32)


def feature_value(row, col, k, image=IMAGE, kernel=None, bias=True, relu=True):
    kernel = W1[:, :, 0, k] if kernel is None else kernel
    z = float(np.sum(image[row:row + 5, col:col + 5] * kernel)) + (float(B1[k]) if bias else 0)
    return max(z, 0.0) if relu else z


def test_exercise_1(accepted, rejected):
    row, col, k = 11, 4, 2
    assert feature_value(row, col, k) > 0
    args = (IMAGE, W1, B1, row, col, k)
    accepted(checks.exercise_1(feature_value(row, col, k), *args))
    accepted(checks.exercise_1(np.float32(feature_value(row, col, k)), *args))
    accepted(checks.exercise_1(np.array([feature_value(row, col, k)]), *args))
    rejected(checks.exercise_1(feature_value(row, col, k, bias=False), *args), "Bias")
    rejected(checks.exercise_1(feature_value(row, col, k, kernel=W1[::-1, ::-1, 0, k]), *args),
             "dibalik")
    rejected(checks.exercise_1(feature_value(col, row, k), *args), "tertukar")
    rejected(checks.exercise_1(feature_value(row, col, k, image=IMAGE * 255), *args),
             "dinormalisasi")
    rejected(checks.exercise_1(IMAGE[row:row + 5, col:col + 5] * W1[:, :, 0, k], *args),
             "satu angka")
    rejected(checks.exercise_1(None, *args), "belum menjawab")
    # kernel ke-3 dengan bias −5: nilainya negatif sebelum ReLU
    negative = (IMAGE, W1, B1, row, col, 3)
    assert feature_value(row, col, 3, relu=False) < 0
    accepted(checks.exercise_1(0.0, *negative))
    rejected(checks.exercise_1(feature_value(row, col, 3, relu=False), *negative), "ReLU")


def test_exercise_2(accepted, rejected):
    text = accepted(checks.exercise_2(8 * 8 * 64 * 5 * 5 * 32))
    assert "= 3.276.800 perkalian" in text and "51.264 parameter" in text  # titik ribuan
    rejected(checks.exercise_2(8 * 8 * 64 * 5 * 5), "Kanal masukan")
    rejected(checks.exercise_2(12 * 12 * 64 * 5 * 5 * 32), "posisi")
    rejected(checks.exercise_2(8 * 8 * 5 * 5 * 32), "satu kernel")
    rejected(checks.exercise_2(51264), "parameter")
    rejected(checks.exercise_2("banyak"), "bilangan bulat")
    text = rejected(checks.exercise_2(1234567), "1.234.567")
    assert "3276800" not in text and "3.276.800" not in text


@pytest.fixture(scope="module")
def lesson_model():
    from saraf import cnn

    cnn.make_reproducible(3)
    model = cnn.build_mnist_cnn(filters=(4, 6))  # bobot acak pun cukup untuk memeriksa
    rng = np.random.default_rng(3)              # bias bukan nol, agar "tanpa bias" terlihat
    model.set_weights([w if w.ndim > 1 else rng.normal(scale=0.5, size=w.shape).astype(w.dtype)
                       for w in model.get_weights()])
    return model


@pytest.fixture(scope="module")
def batch():
    return np.random.default_rng(1).random((5, 28, 28, 1)).astype(np.float32)


def make_predict(model, variant="benar"):
    w1, b1 = model.get_layer("conv1").get_weights()
    w2, b2 = model.get_layer("conv2").get_weights()
    w3, b3 = model.get_layer("output").get_weights()

    def pool(a):
        n, h, w, c = a.shape
        if variant == "ops.max_pool2d":
            return ops.max_pool2d(a, 2)
        if variant == "urutan reshape":
            return a.reshape(n, 2, h // 2, 2, w // 2, c).max(axis=(1, 3))
        windows = a.reshape(n, h // 2, 2, w // 2, 2, c)
        return windows.mean(axis=(2, 4)) if variant == "rata-rata" else windows.max(axis=(2, 4))

    def numpy_predict(x):
        a = pool(ops.relu(ops.conv2d(x, w1) + b1))
        a = pool(ops.relu(ops.conv2d(a, w2) + b2))
        if variant == "channels-first":
            a = a.transpose(0, 3, 1, 2)
        flat = a.reshape(1, -1) if variant == "satu baris" else a.reshape(len(a), -1)
        logits = flat @ w3 + (0 if variant == "tanpa bias" else b3)
        return logits if variant == "logit" else ops.softmax(logits)

    return numpy_predict


def test_exercise_3(lesson_model, batch, accepted, rejected):
    accepted(checks.exercise_3(make_predict(lesson_model), lesson_model, batch))
    rejected(checks.exercise_3(make_predict(lesson_model, "logit"), lesson_model, batch),
             "softmax")
    rejected(checks.exercise_3(make_predict(lesson_model, "tanpa bias"), lesson_model, batch),
             "Bias")
    rejected(checks.exercise_3(make_predict(lesson_model, "channels-first"), lesson_model,
                                 batch), "channels-first")
    rejected(checks.exercise_3(make_predict(lesson_model, "satu baris"), lesson_model, batch),
             "reshape(len(x), -1)")
    rejected(checks.exercise_3(make_predict(lesson_model, "ops.max_pool2d"), lesson_model,
                               batch), "masih memanggil `ops.max_pool2d`")
    assert ops.max_pool2d.__name__ == "max_pool2d"  # pemeriksa mengembalikan fungsi aslinya
    rejected(checks.exercise_3(make_predict(lesson_model, "urutan reshape"), lesson_model,
                               batch), "bersebelahan")
    rejected(checks.exercise_3(make_predict(lesson_model, "rata-rata"), lesson_model, batch),
             "average pooling")

    def pools_too_much(x):  # .max(axis=(1, 3)): peta 24 × 24 menjadi 2 × 2, conv2 gagal
        a = ops.relu(ops.conv2d(x, lesson_model.get_layer("conv1").get_weights()[0]))
        a = a.reshape(len(a), 12, 2, 12, 2, -1).max(axis=(1, 3))
        return ops.conv2d(a, lesson_model.get_layer("conv2").get_weights()[0])

    rejected(checks.exercise_3(pools_too_much, lesson_model, batch), "galat", "12 × 12")

    def crashes(x):
        return ops.conv2d(x, np.zeros((5, 5, 3, 2)))

    rejected(checks.exercise_3(crashes, lesson_model, batch), "galat", "ValueError")

    def mutates(x):
        x -= 1
        return make_predict(lesson_model)(x + 1)

    rejected(checks.exercise_3(mutates, lesson_model, batch), "mengubah array")
    rejected(checks.exercise_3(lambda x: None, lesson_model, batch), "return")
    rejected(checks.exercise_3(lambda x: np.full((len(x), 10), 0.1), lesson_model, batch),
             "Periksa setiap lapisan")
    rejected(checks.exercise_3(42, lesson_model, batch), "fungsi")
    rejected(checks.exercise_3(None, lesson_model, batch), "belum menjawab")


def test_exercise_3_names_an_empty_pooling_helper(lesson_model, batch, accepted, rejected):
    """Edisi siswa: numpy_predict sudah diisi, kerangka max_pool_2x2 belum."""
    w1, b1 = lesson_model.get_layer("conv1").get_weights()
    w2, b2 = lesson_model.get_layer("conv2").get_weights()
    w3, b3 = lesson_model.get_layer("output").get_weights()
    source = (
        "def max_pool_2x2(a):\n"
        "    ...\n"
        "def numpy_predict(x):\n"
        "    a = max_pool_2x2(ops.relu(ops.conv2d(x, w1) + b1))\n"
        "    a = max_pool_2x2(ops.relu(ops.conv2d(a, w2) + b2))\n"
        "    return ops.softmax(a.reshape(len(a), -1) @ w3 + b3)\n")
    namespace = {"ops": ops, "w1": w1, "b1": b1, "w2": w2, "b2": b2, "w3": w3, "b3": b3}
    exec(source, namespace)
    rejected(checks.exercise_3(namespace["numpy_predict"], lesson_model, batch),
             "`max_pool_2x2` Anda masih kosong")
    exec("def max_pool_2x2(a):\n"
         "    n, h, w, c = a.shape\n"
         "    return a.reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))\n", namespace)
    accepted(checks.exercise_3(namespace["numpy_predict"], lesson_model, batch))
    exec("def max_pool_2x2(a):\n"
         "    ...\n"
         "def numpy_predict(x):\n"
         "    a = ops.max_pool2d(ops.relu(ops.conv2d(x, w1) + b1), 2)\n"
         "    a = ops.max_pool2d(ops.relu(ops.conv2d(a, w2) + b2), 2)\n"
         "    return ops.softmax(a.reshape(len(a), -1) @ w3 + b3)\n", namespace)
    # Kerangka kosong yang tidak dipakai numpy_predict tidak disebut; yang dinilai isinya.
    rejected(checks.exercise_3(namespace["numpy_predict"], lesson_model, batch),
             "masih memanggil `ops.max_pool2d`")
