"""Tes `saraf.checks.backpropagation`: menerima jawaban rujukan, menolak kesalahan umum."""

import numpy as np
import pytest

from saraf.checks import backpropagation as checks
from saraf.mlp import Network, sigmoid

# ---------------------------------------------------------------------------
# Latihan 1, 2, dan 3: δ^L (BP1), ∂C/∂w^L (BP4), dan δ^(L−1) (BP2) pada mini-batch
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


def test_exercise_1_accepts_reference(setup, accepted):
    net, x, y, a_out, targets, _ = setup
    delta_out = (a_out - targets) * a_out * (1 - a_out)
    accepted(checks.exercise_1(delta_out, net, x, y))


def test_exercise_1_rejects_typical_mistakes(setup, rejected):
    net, x, y, a_out, targets, _ = setup
    delta = (a_out - targets) * a_out * (1 - a_out)
    rejected(checks.exercise_1(-delta, net, x, y), "Tandanya")
    rejected(checks.exercise_1(a_out - targets, net, x, y), "cross-entropy")
    rejected(checks.exercise_1((a_out - targets) * a_out, net, x, y), "σ'(z) = σ(z)(1 − σ(z))")
    sig = sigmoid(a_out)
    rejected(checks.exercise_1((a_out - targets) * sig * (1 - sig), net, x, y), "dari z")
    rejected(checks.exercise_1(delta.T, net, x, y), "Bentuk")
    rejected(checks.exercise_1(delta[0], net, x, y), "Bentuk")
    rejected(checks.exercise_1(delta + 0.01, net, x, y), "BP1")
    rejected(checks.exercise_1(delta.tolist(), net, x, y), "array NumPy")
    rejected(checks.exercise_1(None, net, x, y), "belum menjawab")


def test_exercise_2_accepts_reference(setup, accepted):
    net, x, y, a_out, targets, a_hidden = setup
    delta = (a_out - targets) * a_out * (1 - a_out)
    accepted(checks.exercise_2(delta.T @ a_hidden / len(x), net, x, y))
    accepted(checks.exercise_2(net.backprop(x, y)[1][-1], net, x, y))


def test_exercise_2_rejects_typical_mistakes(setup, rejected):
    net, x, y, a_out, targets, a_hidden = setup
    delta = (a_out - targets) * a_out * (1 - a_out)
    good = delta.T @ a_hidden / len(x)
    rejected(checks.exercise_2(a_hidden.T @ delta / len(x), net, x, y), "terbalik", "(10, 30)")
    rejected(checks.exercise_2(good * len(x), net, x, y), "menjumlahkan")
    rejected(checks.exercise_2(np.outer(delta[0], a_hidden[0]), net, x, y), "contoh pertama")
    rejected(checks.exercise_2(-good, net, x, y), "Tandanya", "latihan 1")
    rejected(checks.exercise_2(delta.T @ np.ones_like(a_hidden) / len(x), net, x, y), "BP4")
    rejected(checks.exercise_2(good[:, :5], net, x, y), "Bentuk")
    rejected(checks.exercise_2(..., net, x, y), "belum menjawab")


def test_exercise_3_accepts_reference(setup, accepted):
    net, x, y, a_out, targets, a_hidden = setup
    delta_out = (a_out - targets) * a_out * (1 - a_out)
    W2 = net.weights[-1]
    accepted(checks.exercise_3((delta_out @ W2) * a_hidden * (1 - a_hidden), net, x, y))
    accepted(checks.exercise_3((W2.T @ delta_out.T).T * a_hidden * (1 - a_hidden), net, x, y))
    # Sama dengan BP2 di dalam Network.backprop: ∂C/∂b lapisan tersembunyi = rata-rata δ.
    delta_hidden = (delta_out @ W2) * a_hidden * (1 - a_hidden)
    np.testing.assert_allclose(delta_hidden.mean(axis=0), net.backprop(x, y)[0][0])


def test_exercise_3_rejects_typical_mistakes(setup, rejected):
    net, x, y, a_out, targets, a_hidden = setup
    delta_out = (a_out - targets) * a_out * (1 - a_out)
    W2 = net.weights[-1]
    good = (delta_out @ W2) * a_hidden * (1 - a_hidden)
    rejected(checks.exercise_3(delta_out @ W2, net, x, y), "σ'(z)", "a(1 − a)")
    sig = sigmoid(a_hidden)
    rejected(checks.exercise_3((delta_out @ W2) * sig * (1 - sig), net, x, y), "dari z")
    ce = ((a_out - targets) @ W2) * a_hidden * (1 - a_hidden)
    rejected(checks.exercise_3(ce, net, x, y), "cross-entropy", "delta_out")
    rejected(checks.exercise_3(-good, net, x, y), "Tandanya")
    rejected(checks.exercise_3(good / len(x), net, x, y), "membagi", "BP3")
    rejected(checks.exercise_3(good.T, net, x, y), "terbalik", "(5, 30)")
    rejected(checks.exercise_3(good[:, :10], net, x, y), "Bentuk", "neuron tersembunyi")
    rejected(checks.exercise_3(good + 0.01, net, x, y), "BP2")
    rejected(checks.exercise_3(good.tolist(), net, x, y), "array NumPy")
    rejected(checks.exercise_3(None, net, x, y), "belum menjawab")
    text = repr(checks.exercise_3(good + 0.01, net, x, y))
    assert "a_hidden * (1 - a_hidden)" not in text  # jawabannya tidak dibocorkan
