"""Tes `saraf.checks.mlp_numpy`: menerima jawaban rujukan, menolak kesalahan umum."""

import numpy as np
import pytest

from saraf.checks import mlp_numpy as checks
from saraf.mlp import Network, sigmoid


# ---------------------------------------------------------------------------
# Latihan 1: banyak parameter 784-16-16-10
# ---------------------------------------------------------------------------


def test_exercise_1_accepts_reference(accepted):
    accepted(checks.exercise_1(784 * 16 + 16 * 16 + 16 * 10 + 16 + 16 + 10))
    accepted(checks.exercise_1(13002.0))


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
        assert "13002" not in text  # jawabannya tidak dibocorkan


# ---------------------------------------------------------------------------
# Latihan 2 dan 3: δ^L (BP1) dan ∂C/∂w^L (BP4) pada mini-batch
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def setup():
    rng = np.random.default_rng(0)
    net = Network([784, 30, 10], seed=0)
    x = rng.random((5, 784)) * (rng.random((5, 784)) > 0.8)  # mirip digit: banyak nol
    y = np.array([3, 1, 4, 1, 5])
    a_out = net.feedforward(x)
    targets = np.eye(10)[y]
    a_hidden = sigmoid(x @ net.weights[0].T + net.biases[0])
    return net, x, y, a_out, targets, a_hidden


def test_exercise_2_accepts_reference(setup, accepted):
    net, x, y, a_out, targets, _ = setup
    delta_out = (a_out - targets) * a_out * (1 - a_out)
    accepted(checks.exercise_2(delta_out, net, x, y))


def test_exercise_2_rejects_typical_mistakes(setup, rejected):
    net, x, y, a_out, targets, _ = setup
    delta = (a_out - targets) * a_out * (1 - a_out)
    rejected(checks.exercise_2(-delta, net, x, y), "Tandanya")
    rejected(checks.exercise_2(a_out - targets, net, x, y), "cross-entropy")
    rejected(checks.exercise_2((a_out - targets) * a_out, net, x, y), "σ'(z) = σ(z)(1 − σ(z))")
    sig = sigmoid(a_out)
    rejected(checks.exercise_2((a_out - targets) * sig * (1 - sig), net, x, y), "dari z")
    rejected(checks.exercise_2(delta.T, net, x, y), "Bentuk")
    rejected(checks.exercise_2(delta[0], net, x, y), "Bentuk")
    rejected(checks.exercise_2(delta + 0.01, net, x, y), "BP1")
    rejected(checks.exercise_2(delta.tolist(), net, x, y), "array NumPy")
    rejected(checks.exercise_2(None, net, x, y), "belum menjawab")


def test_exercise_3_accepts_reference(setup, accepted):
    net, x, y, a_out, targets, a_hidden = setup
    delta = (a_out - targets) * a_out * (1 - a_out)
    accepted(checks.exercise_3(delta.T @ a_hidden / len(x), net, x, y))
    accepted(checks.exercise_3(net.backprop(x, y)[1][-1], net, x, y))


def test_exercise_3_rejects_typical_mistakes(setup, rejected):
    net, x, y, a_out, targets, a_hidden = setup
    delta = (a_out - targets) * a_out * (1 - a_out)
    good = delta.T @ a_hidden / len(x)
    rejected(checks.exercise_3(a_hidden.T @ delta / len(x), net, x, y), "terbalik", "(10, 30)")
    rejected(checks.exercise_3(good * len(x), net, x, y), "menjumlahkan")
    rejected(checks.exercise_3(np.outer(delta[0], a_hidden[0]), net, x, y), "contoh pertama")
    rejected(checks.exercise_3(-good, net, x, y), "Tandanya")
    rejected(checks.exercise_3(delta.T @ np.ones_like(a_hidden) / len(x), net, x, y), "BP4")
    rejected(checks.exercise_3(good[:, :5], net, x, y), "Bentuk")
    rejected(checks.exercise_3(..., net, x, y), "belum menjawab")


# ---------------------------------------------------------------------------
# Latihan 4: satu langkah SGD tervektorisasi
# ---------------------------------------------------------------------------


def backprop_batch(X, Y, weights, biases):
    """Salinan fungsi di notebook: gradien rata-rata mini-batch (biaya kuadratik)."""
    activations = [X]
    for w, b in zip(weights, biases):
        activations.append(sigmoid(activations[-1] @ w.T + b))
    m = len(X)
    A = activations[-1]
    nabla_b, nabla_w = [None] * len(biases), [None] * len(weights)
    delta = (A - Y) * A * (1 - A)
    nabla_b[-1] = delta.sum(axis=0) / m
    nabla_w[-1] = delta.T @ activations[-2] / m
    for l in range(2, len(weights) + 1):
        A_l = activations[-l]
        delta = (delta @ weights[-l + 1]) * A_l * (1 - A_l)
        nabla_b[-l] = delta.sum(axis=0) / m
        nabla_w[-l] = delta.T @ activations[-l - 1] / m
    return nabla_b, nabla_w


def reference(net, X, labels, eta):
    nabla_b, nabla_w = backprop_batch(X, np.eye(10)[labels], net.weights, net.biases)
    for w, nw in zip(net.weights, nabla_w):
        w -= eta * nw
    for b, nb in zip(net.biases, nabla_b):
        b -= eta * nb


def test_exercise_4_accepts_reference_and_library_versions(accepted):
    accepted(checks.exercise_4(reference))

    def with_library(net, X, labels, eta):
        net.update_mini_batch(X, labels, eta)

    def rebinding_into_the_list(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        net.weights = [w - eta * nw for w, nw in zip(net.weights, nabla_w)]
        net.biases = [b - eta * nb for b, nb in zip(net.biases, nabla_b)]

    accepted(checks.exercise_4(with_library))
    accepted(checks.exercise_4(rebinding_into_the_list))


def test_exercise_4_rejects_typical_mistakes(rejected):
    def rebinding_loop_variable(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        for w, nw in zip(net.weights, nabla_w):
            w = w - eta * nw  # noqa: F841 - kesalahan yang disengaja
        for b, nb in zip(net.biases, nabla_b):
            b = b - eta * nb  # noqa: F841

    def ascent(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        for p, g in zip(net.weights + net.biases, nabla_w + nabla_b):
            p += eta * g

    def averaged_twice(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        for p, g in zip(net.weights + net.biases, nabla_w + nabla_b):
            p -= eta * g / len(X)

    def no_eta(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        for p, g in zip(net.weights + net.biases, nabla_w + nabla_b):
            p -= g

    def weights_only(net, X, labels, eta):
        _, nabla_w = net.backprop(X, labels)
        for w, nw in zip(net.weights, nabla_w):
            w -= eta * nw

    def biases_only(net, X, labels, eta):
        nabla_b, _ = net.backprop(X, labels)
        for b, nb in zip(net.biases, nabla_b):
            b -= eta * nb

    def wrong_step_sizes(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        net.weights[-1] -= eta * nabla_w[-1]
        net.weights[0] -= eta * 2 * nabla_w[0]
        for b, nb in zip(net.biases, nabla_b):
            b -= eta * 2 * nb

    def crashes(net, X, labels, eta):
        return backprop_batch(X, labels, net.weights, net.biases)  # label belum one-hot

    rejected(checks.exercise_4(rebinding_loop_variable), "tidak berubah", "di tempat")
    rejected(checks.exercise_4(ascent), "searah gradien")
    rejected(checks.exercise_4(averaged_twice), "dua kali")
    rejected(checks.exercise_4(no_eta), "`eta`")
    rejected(checks.exercise_4(weights_only), "biasnya belum")
    rejected(checks.exercise_4(biases_only), "bobotnya belum")
    rejected(checks.exercise_4(wrong_step_sizes), "belum tepat")
    rejected(checks.exercise_4(crashes), "ValueError")
    rejected(checks.exercise_4(42), "fungsi")
    rejected(checks.exercise_4(None), "belum menjawab")
