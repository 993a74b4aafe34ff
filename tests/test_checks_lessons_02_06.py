"""Pemeriksa latihan pelajaran 02 dan 06: menerima jawaban referensi, menolak jawaban keliru
yang umum dengan petunjuk berbahasa Indonesia (tanpa membocorkan jawabannya)."""

from __future__ import annotations

import numpy as np
import pytest

from saraf import ops
from saraf.checks import lesson02, lesson06


def assert_ok(feedback):
    assert feedback.ok, repr(feedback)
    assert repr(feedback).startswith("✅ Benar!")


def assert_wrong(feedback, *words):
    assert not feedback.ok, repr(feedback)
    text = repr(feedback)
    assert text.startswith("❌ Belum tepat.")
    for word in words:
        assert word in text, text


# ---------------------------------------------------------------------------
# Pelajaran 02 (data sama dengan notebooks/02_neuron.ipynb)
# ---------------------------------------------------------------------------

X_1 = np.array([2.0, -1.0, 0.5])
W_1 = np.array([0.4, 0.3, -0.8])
B_1 = 0.1


def test_02_exercise_1_accepts_reference_forms():
    assert_ok(lesson02.exercise_1(ops.sigmoid(W_1 @ X_1 + B_1)))        # array 0-D
    assert_ok(lesson02.exercise_1(float(1 / (1 + np.exp(-(W_1 @ X_1 + B_1))))))
    assert_ok(lesson02.exercise_1(np.array([0.549834])))                # array (1,)


@pytest.mark.parametrize("answer, words", [
    (W_1 @ X_1 + B_1, ["sigmoid belum diterapkan"]),                  # lupa aktivasi
    (ops.sigmoid(W_1 @ X_1), ["Bias"]),                               # lupa bias
    (np.tanh(W_1 @ X_1 + B_1), ["bukan sigmoid"]),
    (1.0, ["bukan sigmoid"]),                                        # fungsi tangga
    (ops.sigmoid(-(W_1 @ X_1 + B_1)), ["Tanda z terbalik"]),
    (ops.sigmoid(W_1 * X_1 + B_1), ["satu angka", "(3,)"]),           # lupa menjumlahkan
    (0.3, ["belum tepat"]),
    (None, ["belum menjawab"]),
    (..., ["belum menjawab"]),
    ("0.55", ["bilangan"]),
    (True, ["bilangan"]),
])
def test_02_exercise_1_rejects(answer, words):
    assert_wrong(lesson02.exercise_1(answer), *words)


def test_02_exercise_1_does_not_reveal_answer():
    text = repr(lesson02.exercise_1(0.3))
    assert "0.5498" not in text and "0.55" not in text


def test_02_exercise_2_nand():
    assert_ok(lesson02.exercise_2(np.array([-1.0, -1.0]), 1.5))
    assert_ok(lesson02.exercise_2([-2, -2], 3))                        # jawaban lain yang sah
    assert_wrong(lesson02.exercise_2(np.array([1.0, 1.0]), -1.5), "AND")
    assert_wrong(lesson02.exercise_2(np.array([1.0, 1.0]), -0.5), "OR")
    assert_wrong(lesson02.exercise_2(np.array([-1.0, -1.0]), -0.5), "(0, 0)", "bias")
    assert_wrong(lesson02.exercise_2(np.array([-0.5, -0.5]), 1.5), "(1, 1)")
    assert_wrong(lesson02.exercise_2(np.array([-1.0, -1.0, -1.0]), 1.5), "2 bobot")
    assert_wrong(lesson02.exercise_2(np.array([-1.0, -1.0]), None), "belum menjawab")
    assert_wrong(lesson02.exercise_2(["a", "b"], 1.0), "dua bilangan")
    assert_wrong(lesson02.exercise_2([np.nan, -1.0], 1.0), "berhingga")


X_3 = np.array([[1.0, 0.0, 2.0, -1.0],
                [0.5, 1.5, -0.5, 0.0],
                [-1.0, 2.0, 0.0, 1.0],
                [0.0, 0.0, 1.0, 1.0],
                [2.0, -1.0, 1.0, 0.5]])
NEURON_WEIGHTS = np.array([[0.2, -0.5, 0.1, 0.3],
                           [-0.3, 0.8, 0.5, -0.2],
                           [0.6, 0.1, -0.4, 0.7]])
BIASES = np.array([0.1, -0.2, 0.05])


def test_02_exercise_3_dense_layer():
    args = (X_3, NEURON_WEIGHTS, BIASES)
    reference = ops.relu(X_3 @ NEURON_WEIGHTS.T + BIASES)
    assert_ok(lesson02.exercise_3(reference, *args))
    assert_wrong(lesson02.exercise_3(reference.T, *args), "terbalik")
    assert_wrong(lesson02.exercise_3(X_3 @ NEURON_WEIGHTS.T + BIASES, *args), "aktivasi")
    assert_wrong(lesson02.exercise_3(ops.relu(X_3 @ NEURON_WEIGHTS.T), *args), "Bias")
    assert_wrong(lesson02.exercise_3(reference[:2], *args), "(5, 3)")
    assert_wrong(lesson02.exercise_3(ops.sigmoid(X_3 @ NEURON_WEIGHTS.T + BIASES), *args),
                 "nilainya belum")
    assert_wrong(lesson02.exercise_3(reference.tolist(), *args), "array NumPy")


def _three_layers():
    rng = np.random.default_rng(4)
    W1, b1 = rng.normal(size=(2, 3)), rng.normal(size=3)
    W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4)
    W3, b3 = rng.normal(size=(4, 2)), rng.normal(size=2)
    return W1, b1, W2, b2, W3, b3


def test_02_exercise_4_three_linear_layers():
    layers = _three_layers()
    W1, b1, W2, b2, W3, b3 = layers
    W = W1 @ W2 @ W3
    assert_ok(lesson02.exercise_4(W, (b1 @ W2 + b2) @ W3 + b3, *layers))
    x = np.array([[0.3, -1.2]])                     # jawaban benar memang setara
    assert np.allclose(((x @ W1 + b1) @ W2 + b2) @ W3 + b3, x @ W + (b1 @ W2 + b2) @ W3 + b3)
    assert_wrong(lesson02.exercise_4(W, b3, *layers), "b1 dan b2")
    assert_wrong(lesson02.exercise_4(W, b1 @ W2 @ W3 + b3, *layers), "b2 belum")
    assert_wrong(lesson02.exercise_4(W, b1 @ W2 @ W3 + b2 @ W3, *layers), "b3 belum")
    assert_wrong(lesson02.exercise_4(W, b1 @ W2 + b2, *layers), "bentuk `b_single`")
    assert_wrong(lesson02.exercise_4(W1 @ W2, b3, *layers), "(2, 2)")
    assert_wrong(lesson02.exercise_4(W + 1, b3, *layers), "`W_single` belum tepat")
    assert_wrong(lesson02.exercise_4(W, W[0], *layers), "`b_single` belum")
    assert_wrong(lesson02.exercise_4(None, b3, *layers), "belum menjawab")


# ---------------------------------------------------------------------------
# Pelajaran 06 (data sama dengan notebooks/06_flatten_dense_softmax.ipynb)
# ---------------------------------------------------------------------------

MAPS = np.random.default_rng(6).random((2, 4, 4, 16)).round(2)


def test_06_exercise_1_flatten():
    assert_ok(lesson06.exercise_1(MAPS.reshape(len(MAPS), -1), MAPS))
    assert_ok(lesson06.exercise_1(MAPS.reshape(2, 256), MAPS))
    assert_wrong(lesson06.exercise_1(MAPS.reshape(-1), MAPS), "batch hilang")
    assert_wrong(lesson06.exercise_1(MAPS.reshape(1, -1), MAPS), "satu baris")
    assert_wrong(lesson06.exercise_1(MAPS.transpose(0, 3, 1, 2).reshape(2, -1), MAPS),
                 "channels-first")
    assert_wrong(lesson06.exercise_1(MAPS.reshape(2, -1).T, MAPS), "terbalik")
    assert_wrong(lesson06.exercise_1(MAPS.reshape(2, -1)[:, ::-1], MAPS), "urutannya berbeda")
    assert_wrong(lesson06.exercise_1(MAPS.reshape(2, 16, 16), MAPS), "(2, 16, 16)")
    assert_wrong(lesson06.exercise_1(..., MAPS), "belum menjawab")


PREDICTION_2 = np.array([[0.05, 0.01, 0.02, 0.03, 0.61, 0.04, 0.02, 0.08, 0.04, 0.10]])


def test_06_exercise_2_reading_a_prediction():
    p = PREDICTION_2
    assert_ok(lesson06.exercise_2(int(np.argmax(p)), float(p.max()), p))
    assert_ok(lesson06.exercise_2(np.argmax(p, axis=1), p.max(axis=1), p))   # array (1,)
    assert_wrong(lesson06.exercise_2(0.61, 4, p), "skor keyakinan, bukan nomor kelas")
    assert_wrong(lesson06.exercise_2(5, 0.61, p), "lebih 1")
    assert_wrong(lesson06.exercise_2(9, 0.10, p), "np.argmax")
    assert_wrong(lesson06.exercise_2(4, 61, p), "persen")
    assert_wrong(lesson06.exercise_2(4, 4, p), "nomor kelas, bukan skor")
    assert_wrong(lesson06.exercise_2(4, 0.1, p), "Kelasnya benar")
    assert_wrong(lesson06.exercise_2(4.5, 0.61, p), "bilangan bulat")
    assert_wrong(lesson06.exercise_2(4, None, p), "belum menjawab")
    assert_wrong(lesson06.exercise_2("4", 0.61, p), "satu bilangan")


def reference_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    exp_z = np.exp(shifted)
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def naive_softmax(z):
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def global_max_softmax(z):
    exp_z = np.exp(z - z.max())
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def no_axis_softmax(z):
    exp_z = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp_z / exp_z.sum()


def in_place_softmax(z):
    z -= z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def no_keepdims_softmax(z):
    exp_z = np.exp(z - z.max(axis=-1))
    return exp_z / exp_z.sum(axis=-1)


def no_return_softmax(z):
    z - z.max()


def test_06_exercise_3_stable_softmax(recwarn):
    assert_ok(lesson06.exercise_3(reference_softmax))
    assert_ok(lesson06.exercise_3(lambda z: ops.softmax(z)))
    assert_wrong(lesson06.exercise_3(naive_softmax), "NaN", "logit terbesar")
    assert_wrong(lesson06.exercise_3(global_max_softmax), "setiap baris")
    assert_wrong(lesson06.exercise_3(no_axis_softmax), "jumlah probabilitas")
    assert_wrong(lesson06.exercise_3(in_place_softmax), "mengubah array masukan")
    assert_wrong(lesson06.exercise_3(no_keepdims_softmax), "galat", "ValueError")
    assert_wrong(lesson06.exercise_3(no_return_softmax), "return")
    assert_wrong(lesson06.exercise_3(lambda z: np.exp(z) / 3), "jumlah probabilitas")
    assert_wrong(lesson06.exercise_3(np.exp), "jumlah probabilitas")
    assert_wrong(lesson06.exercise_3(np.ones_like), "jumlah probabilitas")
    assert_wrong(lesson06.exercise_3(lambda z: reference_softmax(2 * z)), "belum sama")
    assert_wrong(lesson06.exercise_3("softmax"), "fungsi")
    assert_wrong(lesson06.exercise_3(None), "belum menjawab")
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


PROBS_4 = np.array([[0.7, 0.2, 0.1],
                    [0.1, 0.8, 0.1],
                    [0.3, 0.3, 0.4],
                    [0.6, 0.3, 0.1]])
LABELS_4 = np.array([0, 1, 2, 2])


def test_06_exercise_4_cross_entropy():
    p_true = PROBS_4[np.arange(4), LABELS_4]
    reference = np.mean(-np.log(p_true))
    assert reference == pytest.approx(ops.cross_entropy(PROBS_4, LABELS_4))
    assert_ok(lesson06.exercise_4(reference, PROBS_4, LABELS_4))
    assert_ok(lesson06.exercise_4(float(reference), PROBS_4, LABELS_4))
    assert_wrong(lesson06.exercise_4(-reference, PROBS_4, LABELS_4), "negatif")
    assert_wrong(lesson06.exercise_4(np.sum(-np.log(p_true)), PROBS_4, LABELS_4), "jumlah")
    assert_wrong(lesson06.exercise_4(np.mean(-np.log10(p_true)), PROBS_4, LABELS_4), "basis 10")
    assert_wrong(lesson06.exercise_4(np.mean(-np.log(PROBS_4.max(axis=1))), PROBS_4, LABELS_4),
                 "terbesar")
    assert_wrong(lesson06.exercise_4(1.0, PROBS_4, LABELS_4), "belum tepat")
    assert_wrong(lesson06.exercise_4(-np.log(p_true), PROBS_4, LABELS_4), "satu bilangan")
    assert_wrong(lesson06.exercise_4(None, PROBS_4, LABELS_4), "belum menjawab")


def test_06_keras_agrees_with_exercise_4():
    keras = pytest.importorskip("keras")
    loss = keras.losses.SparseCategoricalCrossentropy()(LABELS_4, PROBS_4)
    assert lesson06.exercise_4(float(loss), PROBS_4, LABELS_4).ok
