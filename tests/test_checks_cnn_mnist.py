"""Tes `saraf.checks.cnn_mnist`: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import pytest

from saraf import ops
from saraf.checks import cnn_mnist as checks

keras = pytest.importorskip("keras")


def test_exercise_1(accepted, rejected):
    side = ops.output_size(ops.output_size(28, 3), 2, stride=2)
    text = accepted(checks.exercise_1(side * side * 16))
    assert f"= {side * side * 16 // 1000}.{side * side * 16 % 1000:03d} angka" in text  # 2.704
    accepted(checks.exercise_1(2704.0))
    rejected(checks.exercise_1(None), "belum menjawab")
    rejected(checks.exercise_1("2704"), "bilangan bulat")
    rejected(checks.exercise_1(26 * 26 * 16), "Pooling")
    rejected(checks.exercise_1(14 * 14 * 16), "output_size(28, 3)")
    rejected(checks.exercise_1(13 * 13), "kanal")
    rejected(checks.exercise_1(12 * 12 * 16), "+ 1")
    rejected(checks.exercise_1(2704 + 16), "bias")
    text = rejected(checks.exercise_1(1234), "1.234")  # angka di teks: titik ribuan
    assert "2704" not in text and "2.704" not in text  # jawaban tidak dibocorkan


def test_exercise_2(accepted, rejected):
    keras_params = keras.Sequential([
        keras.Input((28, 28, 1)), keras.layers.Conv2D(16, 3), keras.layers.MaxPooling2D(2),
        keras.layers.Conv2D(32, 3), keras.layers.MaxPooling2D(2), keras.layers.Flatten(),
        keras.layers.Dense(10)]).count_params()
    text = accepted(checks.exercise_2(keras_params))
    assert f"= {keras_params // 1000}.{keras_params % 1000:03d}." in text  # 12.810
    rejected(checks.exercise_2(12810 - 58), "Bias")
    rejected(checks.exercise_2(160 + (3 * 3 * 32 + 32) + 8010), "C_in")
    rejected(checks.exercise_2(160 + 4640 + 13 * 13 * 32 * 10 + 10), "Telusuri")
    rejected(checks.exercise_2(160 + 4640), "Dense(10)")
    rejected(checks.exercise_2(3.5), "bilangan bulat")
    text = rejected(checks.exercise_2(99))
    assert "12810" not in text and "12.810" not in text


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


def test_exercise_3(accepted, rejected):
    model = small_model()
    text = accepted(checks.exercise_3(model))
    params = model.count_params()
    assert f"dengan {params // 1000}.{params % 1000:03d} parameter" in text  # 27.210
    sequential = keras.Sequential([
        keras.Input((28, 28, 1)), keras.layers.Conv2D(16, 3, activation="relu"),
        keras.layers.MaxPooling2D(2), keras.layers.Flatten(), keras.layers.Dropout(0.25),
        keras.layers.Dense(10, activation="softmax")])
    accepted(checks.exercise_3(sequential))
    rejected(checks.exercise_3(...), "belum menjawab")
    rejected(checks.exercise_3("model"), "keras.Model")
    rejected(checks.exercise_3(small_model(flatten=False)), "Flatten")
    rejected(checks.exercise_3(small_model(dropout=False)), "Dropout")
    rejected(checks.exercise_3(small_model(filters=32)), "16 kernel")
    rejected(checks.exercise_3(small_model(kernel=5)), "16 kernel")
    rejected(checks.exercise_3(small_model(activation=None)), "ReLU")
    rejected(checks.exercise_3(small_model(pool=3)), "2 × 2")
    rejected(checks.exercise_3(small_model(rate=0.5)), "0.25")
    rejected(checks.exercise_3(small_model(units=9)), "0–9")
    rejected(checks.exercise_3(small_model(output=None)), "softmax")
    rejected(checks.exercise_3(small_model(shape=(28, 28, 3))), "(28, 28, 1)")
