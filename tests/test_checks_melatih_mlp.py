"""Tes `saraf.checks.melatih_mlp`: menerima jawaban rujukan, menolak kesalahan umum."""

import math

import numpy as np
import pytest

from saraf.checks import melatih_mlp as checks
from saraf.mlp import Network, sigmoid

# ---------------------------------------------------------------------------
# Latihan 1: banyak mini-batch dalam 10 epoch, ukuran batch 30, 8.000 gambar
# ---------------------------------------------------------------------------


def test_exercise_1_accepts_reference(accepted):
    accepted(checks.exercise_1(math.ceil(8000 / 30) * 10))
    accepted(checks.exercise_1(2670.0))
    assert "2.670 langkah" in checks.exercise_1(2670).message


def test_exercise_1_matches_what_sgd_really_does():
    """Banyak panggilan _update dalam sgd() sama dengan jawaban acuan (data kecil)."""
    net = Network([4, 3, 2], seed=0)
    calls = []
    original = net._update
    net._update = lambda *args: calls.append(1) or original(*args)
    x = np.random.default_rng(0).random((80, 4))
    net.sgd(x, np.arange(80) % 2, epochs=10, mini_batch_size=30, eta=1.0)
    assert len(calls) == math.ceil(80 / 30) * 10


@pytest.mark.parametrize("answer,words", [
    (2660, ("terlewat", "sisa")),
    (2667, ("satu deretan", "setiap epoch")),
    (267, ("satu epoch saja",)),
    (266, ("satu epoch saja",)),
    (80000, ("banyak gambar",)),
    (240000, ("banyak gambar",)),
    (2700, ("belum tepat",)),
    (2666.67, ("bilangan bulat", "math.ceil")),
    ("2670", ("bilangan bulat",)),
    (None, ("belum menjawab",)),
])
def test_exercise_1_rejects_typical_mistakes(answer, words, rejected):
    text = rejected(checks.exercise_1(answer), *words)
    if "2670" not in repr(answer):
        assert "2670" not in text and "2.670" not in text  # jawabannya tidak dibocorkan


# ---------------------------------------------------------------------------
# Latihan 2: satu langkah SGD tervektorisasi
# ---------------------------------------------------------------------------


def backprop_batch(X, Y, weights, biases):
    """Salinan fungsi pelajaran 09: gradien rata-rata mini-batch (biaya kuadratik)."""
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
    nabla_b, nabla_w = net.backprop(X, labels)
    for w, nw in zip(net.weights, nabla_w):
        w -= eta * nw
    for b, nb in zip(net.biases, nabla_b):
        b -= eta * nb


def test_exercise_2_accepts_reference_and_library_versions(accepted):
    accepted(checks.exercise_2(reference))

    def with_one_hot(net, X, labels, eta):
        nabla_b, nabla_w = backprop_batch(X, np.eye(10)[labels], net.weights, net.biases)
        for p, g in zip(net.weights + net.biases, nabla_w + nabla_b):
            p -= eta * g

    def with_library(net, X, labels, eta):
        net.update_mini_batch(X, labels, eta)

    def rebinding_into_the_list(net, X, labels, eta):
        nabla_b, nabla_w = net.backprop(X, labels)
        net.weights = [w - eta * nw for w, nw in zip(net.weights, nabla_w)]
        net.biases = [b - eta * nb for b, nb in zip(net.biases, nabla_b)]

    accepted(checks.exercise_2(with_one_hot))
    accepted(checks.exercise_2(with_library))
    accepted(checks.exercise_2(rebinding_into_the_list))


def test_exercise_2_rejects_typical_mistakes(rejected):
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

    rejected(checks.exercise_2(rebinding_loop_variable), "tidak berubah", "di tempat")
    rejected(checks.exercise_2(ascent), "searah gradien")
    rejected(checks.exercise_2(averaged_twice), "dua kali", "net.backprop")
    rejected(checks.exercise_2(no_eta), "`eta`")
    rejected(checks.exercise_2(weights_only), "biasnya belum")
    rejected(checks.exercise_2(biases_only), "bobotnya belum")
    rejected(checks.exercise_2(wrong_step_sizes), "belum tepat")
    rejected(checks.exercise_2(crashes), "ValueError", "net_nielsen")
    rejected(checks.exercise_2(42), "fungsi")
    rejected(checks.exercise_2(None), "belum menjawab")
