"""Pembanding di benchmarks/bench_mlp.py melatih hal yang sama dengan ``Network.sgd``.

Tolok ukur itu membandingkan waktu empat pelatih; perbandingannya hanya bermakna bila
keempatnya mengambil langkah SGD yang sama. Di sini diperiksa dengan data kecil, termasuk
mini-batch terakhir yang lebih kecil (N tidak habis dibagi ukuran mini-batch), dan bahwa
pemeriksaan ``same_weights`` di skrip memang menolak bobot yang berbeda.
"""

import importlib.util
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from saraf.mlp import Network

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # bench_mlp mengimpor _common
    spec = importlib.util.spec_from_file_location("bench_mlp_tes",
                                                  ROOT / "benchmarks" / "bench_mlp.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def small_data():
    rng = np.random.default_rng(5)
    x = rng.random((53, 784))  # 53 = 5 · 10 + 3: mini-batch terakhir berisi 3 contoh
    y = rng.integers(0, 10, 53)
    return x, y


@pytest.mark.parametrize("batch", [10, 4])
def test_all_trainers_take_the_same_steps(bench, small_data, batch):
    x, y = small_data
    vec, _ = bench.run_saraf(x, y, batch, True, 2)
    loop, _ = bench.run_saraf(x, y, batch, False, 2)
    n_w, n_b, _ = bench.run_nielsen(x, y, batch, 2)
    i_w, i_b, _ = bench.run_inplace(x, y, batch, 2)
    start = Network(bench.SIZES, seed=bench.SEED)
    reference = vec.weights + vec.biases
    # Bobotnya benar-benar bergeser (jadi "sama" tidak berarti "tidak ada yang dilatih") ...
    assert max(np.abs(a - b).max() for a, b in zip(reference,
                                                    start.weights + start.biases)) > 1e-3
    # ... dan ketiga pelatih lain tiba di bobot yang sama.
    assert bench.same_weights(reference, loop.weights + loop.biases, n_w + n_b, i_w + i_b)


def test_same_weights_rejects_a_different_step(bench, small_data):
    x, y = small_data
    vec, _ = bench.run_saraf(x, y, 10, True, 1)
    i_w, i_b, _ = bench.run_inplace(x, y, 10, 1)
    i_w[0][3, 100] += 1e-6  # satu bobot bergeser sedikit
    assert not bench.same_weights(vec.weights + vec.biases, i_w + i_b)


def test_inplace_trainer_survives_saturated_neurons(bench):
    # z sangat negatif: e^(−z) meluap menjadi inf, σ harus tepat 0 (bukan NaN), tanpa
    # peringatan luapan, dan langkahnya tetap sama dengan Network.update_mini_batch.
    x = np.ones((20, 784))
    y = np.zeros(20, dtype=int)
    net = Network(bench.SIZES, seed=0)
    net.weights = [np.full_like(w, -5.0) for w in net.weights]  # z ≈ −3.920 (tersembunyi)
    weights = [w.copy() for w in net.weights]
    biases = [b.copy() for b in net.biases]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        bench.inplace_epoch(weights, biases, x, net._targets(y), np.arange(20), 10, 3.0)
    for k in (0, 10):
        net.update_mini_batch(x[k:k + 10], y[k:k + 10], 3.0)
    assert all(np.isfinite(p).all() for p in weights + biases)
    assert bench.same_weights(net.weights + net.biases, weights + biases)
