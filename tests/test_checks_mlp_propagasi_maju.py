"""Tes `saraf.checks.mlp_propagasi_maju`: menerima jawaban rujukan, menolak kesalahan umum."""

import numpy as np
import pytest

from saraf.checks import mlp_propagasi_maju as checks
from saraf.mlp import Network, sigmoid

# ---------------------------------------------------------------------------
# Latihan 1: banyak parameter 784-16-16-10
# ---------------------------------------------------------------------------


def test_exercise_1_accepts_reference(accepted):
    accepted(checks.exercise_1(784 * 16 + 16 * 16 + 16 * 10 + 16 + 16 + 10))
    accepted(checks.exercise_1(13002.0))
    assert "13.002 parameter" in checks.exercise_1(13002).message  # titik ribuan


@pytest.mark.parametrize("answer,word", [
    (784 * 16 + 16 * 16 + 16 * 10, "bobot"),
    (16 + 16 + 10, "bias"),
    (13002 + 784, "masukan"),
    (784 * 16 * 16 * 10, "mengalikan"),
    (784 + 16 + 16 + 10, "neuron"),
    (12345, "per"),
    ("13002", "bilangan bulat"),
    (13002.5, "bilangan bulat"),
    (True, "bilangan bulat"),
    (None, "belum menjawab"),
    (..., "belum menjawab"),
])
def test_exercise_1_rejects_typical_mistakes(answer, word, rejected):
    text = rejected(checks.exercise_1(answer), word)
    if "13002" not in repr(answer):
        assert "13002" not in text and "13.002" not in text  # jawabannya tidak dibocorkan


# ---------------------------------------------------------------------------
# Latihan 2: biaya cross-entropy dengan tangan
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def outputs():
    rng = np.random.default_rng(1)
    a = rng.uniform(0.01, 0.99, size=(5, 10))
    y = np.array([3, 1, 4, 1, 5])
    return a, y, np.eye(10)[y]


def test_exercise_2_accepts_reference(outputs, accepted):
    a, y, targets = outputs
    cost = np.mean(-np.sum(targets * np.log(a) + (1 - targets) * np.log(1 - a), axis=1))
    accepted(checks.exercise_2(cost, a, y))
    accepted(checks.exercise_2(np.array([cost]), a, y))
    # Sama dengan Network.total_cost untuk jaringan cross-entropy.
    net = Network([784, 10, 10], seed=0, cost="cross_entropy")
    x = np.random.default_rng(2).random((5, 784))
    accepted(checks.exercise_2(net.total_cost(x, y), net.feedforward(x), y))
    assert "," in checks.exercise_2(cost, a, y).message  # koma desimal


def test_exercise_2_rejects_typical_mistakes(outputs, rejected):
    a, y, t = outputs
    terms = t * np.log(a) + (1 - t) * np.log(1 - a)
    good = -terms.sum(axis=1).mean()
    rejected(checks.exercise_2(-good, a, y), "Tandanya")
    rejected(checks.exercise_2(-(t * np.log(a)).sum(axis=1).mean(), a, y), "pelajaran 06",
             "(1 − y)")
    rejected(checks.exercise_2(-terms.sum(), a, y), "menjumlahkan", "bagi")
    rejected(checks.exercise_2(-terms.mean(), a, y), "10 neuron")
    log10 = t * np.log10(a) + (1 - t) * np.log10(1 - a)
    rejected(checks.exercise_2(-log10.sum(axis=1).mean(), a, y), "np.log10")
    rejected(checks.exercise_2(0.5 * ((t - a) ** 2).sum(axis=1).mean(), a, y), "kuadratik")
    rejected(checks.exercise_2(good + 0.01, a, y), "belum tepat", "np.eye")
    rejected(checks.exercise_2(-terms.sum(axis=1), a, y), "satu angka", "axis=1")
    rejected(checks.exercise_2(None, a, y), "belum menjawab")


# ---------------------------------------------------------------------------
# Latihan 3: fungsi propagasi maju untuk berapa pun banyak lapisan
# ---------------------------------------------------------------------------


def reference(X, weights, biases):
    A = X
    for w, b in zip(weights, biases):
        A = sigmoid(A @ w.T + b)
    return A


def test_exercise_3_accepts_reference_and_variants(accepted):
    accepted(checks.exercise_3(reference))

    def columns_like_nielsen(X, weights, biases):
        a = X.T
        for w, b in zip(weights, biases):
            a = sigmoid(w @ a + b[:, np.newaxis])
        return a.T

    def with_library(X, weights, biases):
        net = Network([w.shape[1] for w in weights] + [weights[-1].shape[0]])
        net.weights, net.biases = weights, biases
        return net.feedforward(X)

    accepted(checks.exercise_3(columns_like_nielsen))
    accepted(checks.exercise_3(with_library))


def test_exercise_3_rejects_typical_mistakes(rejected):
    def z_at_the_end(X, weights, biases):
        A = X
        for w, b in zip(weights[:-1], biases[:-1]):
            A = sigmoid(A @ w.T + b)
        return A @ weights[-1].T + biases[-1]

    def sigmoid_once(X, weights, biases):
        A = X
        for w, b in zip(weights, biases):
            A = A @ w.T + b
        return sigmoid(A)

    def no_bias(X, weights, biases):
        A = X
        for w in weights:
            A = sigmoid(A @ w.T)
        return A

    def return_inside_loop(X, weights, biases):
        A = X
        for w, b in zip(weights, biases):
            A = sigmoid(A @ w.T + b)
            return A

    def two_layers_only(X, weights, biases):
        W1, W2 = weights
        b1, b2 = biases
        return sigmoid(sigmoid(X @ W1.T + b1) @ W2.T + b2)

    def without_transpose(X, weights, biases):
        A = X
        for w, b in zip(weights, biases):
            A = sigmoid(w @ A + b)
        return A

    def columns(X, weights, biases):
        return reference(X, weights, biases).T

    def all_activations(X, weights, biases):
        activations = [X]
        for w, b in zip(weights, biases):
            activations.append(sigmoid(activations[-1] @ w.T + b))
        return activations

    def relu(X, weights, biases):
        A = X
        for w, b in zip(weights, biases):
            A = np.maximum(0, A @ w.T + b)
        return A

    def forgot_return(X, weights, biases):
        reference(X, weights, biases)

    rejected(checks.exercise_3(z_at_the_end), "z", "σ(z)")
    rejected(checks.exercise_3(sigmoid_once), "sekali")
    rejected(checks.exercise_3(no_bias), "Bias")
    rejected(checks.exercise_3(return_inside_loop), "(4, 16)", "setelah perulangannya")
    rejected(checks.exercise_3(two_layers_only), "ValueError", "banyak lapisan")
    rejected(checks.exercise_3(without_transpose), "ValueError", "ditranspos")
    rejected(checks.exercise_3(columns), "(10, 4)", "Satu baris per contoh")
    rejected(checks.exercise_3(all_activations), "bukan array angka")
    rejected(checks.exercise_3(relu), "nilainya berbeda", "sigmoid")
    for mistake in (z_at_the_end, sigmoid_once, no_bias, relu, two_layers_only):
        assert "A = sigmoid(A @ w.T + b)" not in repr(checks.exercise_3(mistake))
    rejected(checks.exercise_3(forgot_return), "tidak mengembalikan")
    rejected(checks.exercise_3(42), "fungsi")
    rejected(checks.exercise_3(None), "belum menjawab")
