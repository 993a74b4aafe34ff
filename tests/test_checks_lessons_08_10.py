"""Pemeriksa latihan pelajaran 08–10: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np
import pytest

from saraf import ops
from saraf.checks import lesson08, lesson09, lesson10

keras = pytest.importorskip("keras")


def accepted(feedback):
    assert feedback.ok, repr(feedback)
    assert repr(feedback).startswith("✅ Benar!")


def rejected(feedback, *words):
    assert not feedback.ok, repr(feedback)
    text = repr(feedback)
    assert text.startswith("❌ Belum tepat.") and "Petunjuk:" in text, text
    for word in words:
        assert word in text, text
    return text


# --- Pelajaran 08 ---------------------------------------------------------------------------

def test_lesson08_exercise_1():
    side = ops.output_size(ops.output_size(28, 3), 2, stride=2)
    accepted(lesson08.exercise_1(side * side * 16))
    accepted(lesson08.exercise_1(2704.0))
    rejected(lesson08.exercise_1(None), "belum menjawab")
    rejected(lesson08.exercise_1("2704"), "bilangan bulat")
    rejected(lesson08.exercise_1(26 * 26 * 16), "Pooling")
    rejected(lesson08.exercise_1(14 * 14 * 16), "output_size(28, 3)")
    rejected(lesson08.exercise_1(13 * 13), "kanal")
    rejected(lesson08.exercise_1(12 * 12 * 16), "+ 1")
    rejected(lesson08.exercise_1(2704 + 16), "bias")
    text = rejected(lesson08.exercise_1(1000))
    assert "2704" not in text  # jawaban tidak dibocorkan


def test_lesson08_exercise_2():
    accepted(lesson08.exercise_2(12810))
    rejected(lesson08.exercise_2(12810 - 58), "Bias")
    rejected(lesson08.exercise_2(160 + (3 * 3 * 32 + 32) + 8010), "C_in")
    rejected(lesson08.exercise_2(160 + 4640 + 13 * 13 * 32 * 10 + 10), "Telusuri")
    rejected(lesson08.exercise_2(160 + 4640), "Dense(10)")
    rejected(lesson08.exercise_2(3.5), "bilangan bulat")
    text = rejected(lesson08.exercise_2(99))
    assert "12810" not in text


def small_model(filters=16, kernel=3, activation="relu", pool=2, rate=0.25, units=10,
                output="softmax", flatten=True, dropout=True, shape=(28, 28, 1)):
    inputs = keras.Input(shape=shape)
    h = keras.layers.Conv2D(filters, kernel, activation=activation)(inputs)
    h = keras.layers.MaxPooling2D(pool)(h)
    if flatten:
        h = keras.layers.Flatten()(h)
    if dropout:
        h = keras.layers.Dropout(rate)(h)
    return keras.Model(inputs, keras.layers.Dense(units, activation=output)(h))


def test_lesson08_exercise_3():
    accepted(lesson08.exercise_3(small_model()))
    sequential = keras.Sequential([
        keras.Input((28, 28, 1)), keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(2), keras.layers.Flatten(), keras.layers.Dropout(0.25),
        keras.layers.Dense(10, activation="softmax")])
    accepted(lesson08.exercise_3(sequential))
    rejected(lesson08.exercise_3(...), "belum menjawab")
    rejected(lesson08.exercise_3("model"), "keras.Model")
    rejected(lesson08.exercise_3(small_model(flatten=False)), "Flatten")
    rejected(lesson08.exercise_3(small_model(dropout=False)), "Dropout")
    rejected(lesson08.exercise_3(small_model(filters=32)), "16 kernel")
    rejected(lesson08.exercise_3(small_model(kernel=5)), "16 kernel")
    rejected(lesson08.exercise_3(small_model(activation=None)), "ReLU")
    rejected(lesson08.exercise_3(small_model(pool=3)), "2 × 2")
    rejected(lesson08.exercise_3(small_model(rate=0.5)), "0.25")
    rejected(lesson08.exercise_3(small_model(units=9)), "0–9")
    rejected(lesson08.exercise_3(small_model(output=None)), "softmax")
    rejected(lesson08.exercise_3(small_model(shape=(28, 28, 3))), "(28, 28, 1)")


# --- Pelajaran 09 ---------------------------------------------------------------------------

def test_lesson09_exercise_1():
    side = ops.output_size(ops.output_size(28, 5, stride=2), 3, stride=2)
    accepted(lesson09.exercise_1(side * side * 32))
    rejected(lesson09.exercise_1(22 * 22 * 32), "Stride")
    rejected(lesson09.exercise_1(6 * 6 * 32), "floor")
    rejected(lesson09.exercise_1(7 * 7 * 32), "'same'")
    rejected(lesson09.exercise_1(25), "kanal")
    rejected(lesson09.exercise_1(None), "belum menjawab")
    rejected(lesson09.exercise_1([800]), "bilangan bulat")
    text = rejected(lesson09.exercise_1(123))
    assert "800" not in text


CM = np.array([[150, 2, 10, 38],
               [1, 190, 4, 5],
               [12, 3, 170, 15],
               [25, 0, 30, 145]])


def test_lesson09_exercise_2():
    accepted(lesson09.exercise_2(np.diag(CM) / CM.sum(axis=1), CM))
    rejected(lesson09.exercise_2(100 * np.diag(CM) / CM.sum(axis=1), CM), "persen")
    rejected(lesson09.exercise_2(np.diag(CM) / CM.sum(axis=0), CM), "kolom")
    rejected(lesson09.exercise_2(np.diag(CM).astype(float), CM), "dibagi")
    rejected(lesson09.exercise_2(np.diag(CM) / CM.sum(), CM), "seluruh gambar")
    rejected(lesson09.exercise_2(np.array(np.trace(CM) / CM.sum()), CM), "keseluruhan")
    rejected(lesson09.exercise_2(np.diag(CM)[:3] / 200, CM), "4 kelas")
    rejected(lesson09.exercise_2([0.75, 0.95, 0.85, 0.725], CM), "array NumPy")
    rejected(lesson09.exercise_2(np.ones(4), CM), "diagonal")


def test_lesson09_exercise_3():
    accepted(lesson09.exercise_3((0, 3), CM))
    accepted(lesson09.exercise_3(np.unravel_index(3, (4, 4)), CM))
    accepted(lesson09.exercise_3([0.0, 3.0], CM))
    rejected(lesson09.exercise_3((3, 0), CM), "terbalik")
    rejected(lesson09.exercise_3((1, 1), CM), "diagonal")
    rejected(lesson09.exercise_3((3, 2), CM), "bukan yang terbanyak")
    rejected(lesson09.exercise_3((0, 7), CM), "di antara 0 dan 3")
    rejected(lesson09.exercise_3(3, CM), "dua nomor kelas")
    rejected(lesson09.exercise_3((0.5, 3), CM), "dua nomor kelas")
    rejected(lesson09.exercise_3(None, CM), "belum menjawab")


# --- Pelajaran 10 ---------------------------------------------------------------------------

RNG = np.random.default_rng(10)
IMAGE = RNG.random((28, 28)).astype(np.float32)
W1 = RNG.normal(scale=0.3, size=(5, 5, 1, 4)).astype(np.float32)
B1 = np.array([0.1, -0.2, 0.3, -5.0], dtype=np.float32)


def feature_value(row, col, k, image=IMAGE, kernel=None, bias=True, relu=True):
    kernel = W1[:, :, 0, k] if kernel is None else kernel
    z = float(np.sum(image[row:row + 5, col:col + 5] * kernel)) + (float(B1[k]) if bias else 0)
    return max(z, 0.0) if relu else z


def test_lesson10_exercise_1():
    row, col, k = 11, 4, 2
    assert feature_value(row, col, k) > 0
    args = (IMAGE, W1, B1, row, col, k)
    accepted(lesson10.exercise_1(feature_value(row, col, k), *args))
    accepted(lesson10.exercise_1(np.float32(feature_value(row, col, k)), *args))
    accepted(lesson10.exercise_1(np.array([feature_value(row, col, k)]), *args))
    rejected(lesson10.exercise_1(feature_value(row, col, k, bias=False), *args), "Bias")
    rejected(lesson10.exercise_1(feature_value(row, col, k, kernel=W1[::-1, ::-1, 0, k]), *args),
             "dibalik")
    rejected(lesson10.exercise_1(feature_value(col, row, k), *args), "tertukar")
    rejected(lesson10.exercise_1(feature_value(row, col, k, image=IMAGE * 255), *args),
             "dinormalisasi")
    rejected(lesson10.exercise_1(IMAGE[row:row + 5, col:col + 5] * W1[:, :, 0, k], *args),
             "satu angka")
    rejected(lesson10.exercise_1(None, *args), "belum menjawab")
    # kernel ke-3 dengan bias −5: nilainya negatif sebelum ReLU
    negative = (IMAGE, W1, B1, row, col, 3)
    assert feature_value(row, col, 3, relu=False) < 0
    accepted(lesson10.exercise_1(0.0, *negative))
    rejected(lesson10.exercise_1(feature_value(row, col, 3, relu=False), *negative), "ReLU")


def test_lesson10_exercise_2():
    accepted(lesson10.exercise_2(8 * 8 * 64 * 5 * 5 * 32))
    rejected(lesson10.exercise_2(8 * 8 * 64 * 5 * 5), "Kanal masukan")
    rejected(lesson10.exercise_2(12 * 12 * 64 * 5 * 5 * 32), "posisi")
    rejected(lesson10.exercise_2(8 * 8 * 5 * 5 * 32), "satu kernel")
    rejected(lesson10.exercise_2(51264), "parameter")
    rejected(lesson10.exercise_2("banyak"), "bilangan bulat")
    text = rejected(lesson10.exercise_2(7))
    assert "3276800" not in text


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

    def numpy_predict(x):
        a = ops.max_pool2d(ops.relu(ops.conv2d(x, w1) + b1), 2)
        a = ops.max_pool2d(ops.relu(ops.conv2d(a, w2) + b2), 2)
        if variant == "channels-first":
            a = a.transpose(0, 3, 1, 2)
        flat = a.reshape(1, -1) if variant == "satu baris" else a.reshape(len(a), -1)
        logits = flat @ w3 + (0 if variant == "tanpa bias" else b3)
        return logits if variant == "logit" else ops.softmax(logits)

    return numpy_predict


def test_lesson10_exercise_3(lesson_model, batch):
    accepted(lesson10.exercise_3(make_predict(lesson_model), lesson_model, batch))
    rejected(lesson10.exercise_3(make_predict(lesson_model, "logit"), lesson_model, batch),
             "softmax")
    rejected(lesson10.exercise_3(make_predict(lesson_model, "tanpa bias"), lesson_model, batch),
             "Bias")
    rejected(lesson10.exercise_3(make_predict(lesson_model, "channels-first"), lesson_model,
                                 batch), "channels-first")
    rejected(lesson10.exercise_3(make_predict(lesson_model, "satu baris"), lesson_model, batch),
             "reshape(len(x), -1)")

    def crashes(x):
        return ops.conv2d(x, np.zeros((5, 5, 3, 2)))

    rejected(lesson10.exercise_3(crashes, lesson_model, batch), "galat", "ValueError")

    def mutates(x):
        x -= 1
        return make_predict(lesson_model)(x + 1)

    rejected(lesson10.exercise_3(mutates, lesson_model, batch), "mengubah array")
    rejected(lesson10.exercise_3(lambda x: None, lesson_model, batch), "return")
    rejected(lesson10.exercise_3(lambda x: np.full((len(x), 10), 0.1), lesson_model, batch),
             "Periksa setiap lapisan")
    rejected(lesson10.exercise_3(42, lesson_model, batch), "fungsi")
    rejected(lesson10.exercise_3(None, lesson_model, batch), "belum menjawab")
