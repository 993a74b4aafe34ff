"""Tes `saraf.checks.neuron`: jawaban referensi diterima, jawaban keliru yang umum ditolak
dengan petunjuk berbahasa Indonesia (tanpa membocorkan jawabannya).

Data latihannya sama dengan notebooks/*_neuron.ipynb.
"""

from __future__ import annotations

import numpy as np
import pytest

from saraf import ops
from saraf.checks import neuron as checks

X_1 = np.array([2.0, -1.0, 0.5])
W_1 = np.array([0.4, 0.3, -0.8])
B_1 = 0.1


def test_exercise_1_accepts_reference_forms(accepted):
    accepted(checks.exercise_1(ops.sigmoid(W_1 @ X_1 + B_1)))        # array 0-D
    accepted(checks.exercise_1(float(1 / (1 + np.exp(-(W_1 @ X_1 + B_1))))))
    accepted(checks.exercise_1(np.array([0.549834])))                # array (1,)


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
def test_exercise_1_rejects(answer, words, rejected):
    rejected(checks.exercise_1(answer), *words)


def test_exercise_1_does_not_reveal_answer():
    text = repr(checks.exercise_1(0.3))
    assert "0.5498" not in text and "0.55" not in text


def test_exercise_2_nand(accepted, rejected):
    accepted(checks.exercise_2(np.array([-1.0, -1.0]), 1.5))
    accepted(checks.exercise_2([-2, -2], 3))                        # jawaban lain yang sah
    rejected(checks.exercise_2(np.array([1.0, 1.0]), -1.5), "AND")
    rejected(checks.exercise_2(np.array([1.0, 1.0]), -0.5), "OR")
    rejected(checks.exercise_2(np.array([-1.0, -1.0]), -0.5), "(0, 0)", "bias")
    rejected(checks.exercise_2(np.array([-0.5, -0.5]), 1.5), "(1, 1)")
    rejected(checks.exercise_2(np.array([-1.0, -1.0, -1.0]), 1.5), "2 bobot")
    rejected(checks.exercise_2(np.array([-1.0, -1.0]), None), "belum menjawab")
    rejected(checks.exercise_2(["a", "b"], 1.0), "dua bilangan")
    rejected(checks.exercise_2([np.nan, -1.0], 1.0), "berhingga")


X_3 = np.array([[1.0, 0.0, 2.0, -1.0],
                [0.5, 1.5, -0.5, 0.0],
                [-1.0, 2.0, 0.0, 1.0],
                [0.0, 0.0, 1.0, 1.0],
                [2.0, -1.0, 1.0, 0.5]])
NEURON_WEIGHTS = np.array([[0.2, -0.5, 0.1, 0.3],
                           [-0.3, 0.8, 0.5, -0.2],
                           [0.6, 0.1, -0.4, 0.7]])
BIASES = np.array([0.1, -0.2, 0.05])


def test_exercise_3_dense_layer(accepted, rejected):
    args = (X_3, NEURON_WEIGHTS, BIASES)
    reference = ops.relu(X_3 @ NEURON_WEIGHTS.T + BIASES)
    accepted(checks.exercise_3(reference, *args))
    rejected(checks.exercise_3(reference.T, *args), "terbalik")
    rejected(checks.exercise_3(X_3 @ NEURON_WEIGHTS.T + BIASES, *args), "aktivasi")
    rejected(checks.exercise_3(ops.relu(X_3 @ NEURON_WEIGHTS.T), *args), "Bias")
    rejected(checks.exercise_3(reference[:2], *args), "(5, 3)")
    rejected(checks.exercise_3(ops.sigmoid(X_3 @ NEURON_WEIGHTS.T + BIASES), *args),
                 "nilainya belum")
    rejected(checks.exercise_3(reference.tolist(), *args), "array NumPy")


def _three_layers():
    rng = np.random.default_rng(4)
    W1, b1 = rng.normal(size=(2, 3)), rng.normal(size=3)
    W2, b2 = rng.normal(size=(3, 4)), rng.normal(size=4)
    W3, b3 = rng.normal(size=(4, 2)), rng.normal(size=2)
    return W1, b1, W2, b2, W3, b3


def test_exercise_4_three_linear_layers(accepted, rejected):
    layers = _three_layers()
    W1, b1, W2, b2, W3, b3 = layers
    W = W1 @ W2 @ W3
    accepted(checks.exercise_4(W, (b1 @ W2 + b2) @ W3 + b3, *layers))
    x = np.array([[0.3, -1.2]])                     # jawaban benar memang setara
    assert np.allclose(((x @ W1 + b1) @ W2 + b2) @ W3 + b3, x @ W + (b1 @ W2 + b2) @ W3 + b3)
    rejected(checks.exercise_4(W, b3, *layers), "b1 dan b2")
    rejected(checks.exercise_4(W, b1 @ W2 @ W3 + b3, *layers), "b2 belum")
    rejected(checks.exercise_4(W, b1 @ W2 @ W3 + b2 @ W3, *layers), "b3 belum")
    rejected(checks.exercise_4(W, b1 @ W2 + b2, *layers), "bentuk `b_single`")
    rejected(checks.exercise_4(W1 @ W2, b3, *layers), "(2, 2)")
    rejected(checks.exercise_4(W + 1, b3, *layers), "`W_single` belum tepat")
    rejected(checks.exercise_4(W, W[0], *layers), "`b_single` belum")
    rejected(checks.exercise_4(None, b3, *layers), "belum menjawab")
