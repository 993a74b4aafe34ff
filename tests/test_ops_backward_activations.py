"""Uji untuk propagasi balik aktivasi: `saraf.ops.relu_backward` dan
`softmax_cross_entropy_backward`.

Dibandingkan dengan ``tf.GradientTape`` (``tf.nn.relu`` dan rata-rata
``tf.nn.sparse_softmax_cross_entropy_with_logits``), dengan gradien numerik selisih pusat,
dengan contoh yang dihitung dengan tangan, dan dengan uji properti Hypothesis.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _grad_testing import numerical_grad
from _ops_testing import assert_close, check_bad_input, tf  # noqa: F401 (fixture)
from saraf import ops

FAST = settings(max_examples=40, deadline=None)
TOL = {np.float32: 1e-6, np.float64: 1e-12}


# ---------------------------------------------------------------------------
# ReLU
# ---------------------------------------------------------------------------


def test_relu_backward_by_hand():
    x = np.array([-2.0, 0.0, 3.0, -0.5, 1e-9])
    g = np.array([10.0, 20.0, 30.0, 40.0, 50.0])
    # Gradien hanya lewat di tempat x > 0; di x = 0 turunannya diambil 0, seperti TensorFlow.
    np.testing.assert_array_equal(ops.relu_backward(x, g), [0.0, 0.0, 30.0, 0.0, 50.0])
    assert ops.relu_backward(np.array([[1, -1]]), np.array([[2, 2]])).dtype.kind == "f"


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(7,), (4, 5), (2, 6, 5, 3)])
def test_relu_backward_matches_tensorflow(tf, shape, dtype):
    rng = np.random.default_rng(len(shape))
    x = rng.standard_normal(shape).astype(dtype)
    x.flat[::4] = 0.0  # nilai tepat 0: TensorFlow memberi gradien 0 di sana
    g = rng.standard_normal(shape).astype(dtype)
    x_tf = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x_tf)
        out = tf.nn.relu(x_tf)
    ref = tape.gradient(out, x_tf, output_gradients=tf.constant(g)).numpy()
    grad = ops.relu_backward(x, g)
    assert grad.dtype == dtype
    np.testing.assert_array_equal(grad, ref)


def test_relu_backward_matches_numerical_gradient():
    rng = np.random.default_rng(5)
    x = rng.standard_normal((3, 4, 5))
    x = np.where(np.abs(x) < 0.01, 0.5, x)  # jauhi titik patah di 0
    g = rng.standard_normal(x.shape)
    numeric = numerical_grad(lambda a: np.sum(ops.relu(a) * g), x)
    np.testing.assert_allclose(ops.relu_backward(x, g), numeric, rtol=1e-6, atol=1e-8)


@FAST
@given(shape=st.lists(st.integers(1, 5), min_size=1, max_size=4), seed=st.integers(0, 2**32 - 1),
       a=st.floats(-3, 3), b=st.floats(-3, 3))
def test_relu_backward_properties(shape, seed, a, b):
    rng = np.random.default_rng(seed)
    x, g1, g2 = (rng.standard_normal(shape) for _ in range(3))
    grad = ops.relu_backward(x, g1)
    assert grad.shape == x.shape
    # Setiap elemen: gradien lewat utuh (x > 0) atau berhenti (0).
    assert np.all((grad == g1) | (grad == 0))
    assert np.array_equal(grad != 0, (x > 0) & (g1 != 0))
    assert_close(ops.relu_backward(x, a * g1 + b * g2),
                 a * grad + b * ops.relu_backward(x, g2), 1e-12)
    # relu(x) = x·[x > 0] homogen positif: ⟨relu(x), g⟩ = ⟨x, gradien⟩.
    assert np.vdot(ops.relu(x), g1) == pytest.approx(np.vdot(x, grad), rel=1e-12, abs=1e-12)


# ---------------------------------------------------------------------------
# Softmax + cross-entropy
# ---------------------------------------------------------------------------


def _tf_mean_sparse_ce_grad(tf, logits, labels):
    z = tf.constant(logits)
    with tf.GradientTape() as tape:
        tape.watch(z)
        loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, z))
    return tape.gradient(loss, z).numpy()


def test_softmax_cross_entropy_backward_by_hand():
    # p = softmax([0, ln 3]) = [0,25; 0,75]. Gradien satu contoh: p − y.
    logits = np.array([[0.0, np.log(3.0)], [0.0, np.log(3.0)]])
    expected = np.array([[0.25 - 1, 0.75], [0.25, 0.75 - 1]]) / 2  # rata-rata atas N = 2
    np.testing.assert_allclose(ops.softmax_cross_entropy_backward(logits, [0, 1]), expected)
    np.testing.assert_allclose(ops.softmax_cross_entropy_backward(logits, np.eye(2)), expected)
    # Logit sangat besar: p = [1, 0, 0] tepat, tanpa NaN atau inf.
    big = np.array([[1000.0, 0.0, -1000.0]])
    np.testing.assert_allclose(ops.softmax_cross_entropy_backward(big, [0]), [[0, 0, 0]],
                               atol=1e-300)
    np.testing.assert_allclose(ops.softmax_cross_entropy_backward(big, [2]), [[1, 0, -1]])


@pytest.mark.parametrize("scale", [1.0, 30.0, 1000.0])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("seed", range(4))
def test_softmax_cross_entropy_backward_matches_tensorflow(tf, seed, dtype, scale):
    rng = np.random.default_rng(seed)
    n, k = (int(v) for v in rng.integers(1, 12, size=2))
    logits = (rng.standard_normal((n, k)) * scale).astype(dtype)
    labels = rng.integers(0, k, size=n)
    ref = _tf_mean_sparse_ce_grad(tf, logits, labels)
    for given_labels in (labels, np.eye(k, dtype=dtype)[labels]):
        grad = ops.softmax_cross_entropy_backward(logits, given_labels)
        assert grad.shape == logits.shape and grad.dtype == dtype
        assert np.isfinite(grad).all()
        assert_close(grad, ref, TOL[dtype])


def test_softmax_cross_entropy_backward_soft_labels_match_tensorflow(tf):
    """Label "lunak" (baris ≥ 0 berjumlah 1) diterima seperti one-hot: rumus p − y tetap."""
    rng = np.random.default_rng(11)
    logits = rng.standard_normal((6, 4))
    soft = rng.dirichlet(np.ones(4), size=6)
    z = tf.constant(logits)
    with tf.GradientTape() as tape:
        tape.watch(z)
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(tf.constant(soft), z))
    assert_close(ops.softmax_cross_entropy_backward(logits, soft), tape.gradient(loss, z).numpy(),
                 1e-12)


@pytest.mark.parametrize("n,k", [(1, 2), (4, 3), (5, 10), (3, 1)])
def test_softmax_cross_entropy_backward_matches_numerical_gradient(n, k):
    rng = np.random.default_rng(n * 10 + k)
    logits = rng.standard_normal((n, k)) * 3
    labels = rng.integers(0, k, size=n)
    # Gradien dari propagasi maju saraf sendiri: cross_entropy(softmax(logit)).
    numeric = numerical_grad(lambda z: ops.cross_entropy(ops.softmax(z), labels), logits)
    grad = ops.softmax_cross_entropy_backward(logits, labels)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


@FAST
@given(n=st.integers(1, 8), k=st.integers(1, 8), scale=st.sampled_from([0.1, 1.0, 50.0, 1000.0]),
       seed=st.integers(0, 2**32 - 1))
def test_softmax_cross_entropy_backward_properties(n, k, scale, seed):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal((n, k)) * scale
    labels = rng.integers(0, k, size=n)
    grad = ops.softmax_cross_entropy_backward(logits, labels)
    assert grad.shape == (n, k) and np.isfinite(grad).all()
    # Σ_k (p − y) = 1 − 1 = 0 untuk setiap contoh; setiap nilai di antara −1/N dan 1/N.
    np.testing.assert_allclose(grad.sum(axis=1), 0, atol=1e-12)
    assert (np.abs(grad) <= 1 / n + 1e-12).all()
    # Hanya kelas yang benar bernilai ≤ 0; kelas lain ≥ 0.
    rows = np.arange(n)
    assert (grad[rows, labels] <= 0).all()
    others = np.ones((n, k), bool)
    others[rows, labels] = False
    assert (grad[others] >= 0).all()
    np.testing.assert_array_equal(ops.softmax_cross_entropy_backward(logits, np.eye(k)[labels]),
                                  grad)


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

LOGITS = np.zeros((3, 4))

BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.relu_backward(np.ones((2, 3)), np.ones((3, 2))), ValueError, "grad_output"),
    (lambda: ops.relu_backward(np.ones((2, 3)), np.ones(6)), ValueError, "grad_output"),
    (lambda: ops.relu_backward(np.ones(3), np.array([1.0, np.nan, 1.0])), ValueError,
     "grad_output"),
    (lambda: ops.relu_backward(np.array(["a", "b"]), np.ones(2)), TypeError, "x"),
    (lambda: ops.relu_backward(np.array([np.inf, 1.0]), np.ones(2)), ValueError, "x"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, [0, 1, 4]), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, [0, -1, 2]), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, [0, 1.5, 2]), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, [0, 1]), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, [[0], [1], [2]]), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, np.ones((3, 4))), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, np.zeros((3, 4))), ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(LOGITS, np.eye(4)[[0, 1, 2]] * 2 - 0.5),
     ValueError, "labels"),
    (lambda: ops.softmax_cross_entropy_backward(np.zeros(4), [1]), ValueError, "logits"),
    (lambda: ops.softmax_cross_entropy_backward(np.zeros((2, 3, 4)), [1, 2]), ValueError,
     "logits"),
    (lambda: ops.softmax_cross_entropy_backward(np.zeros((0, 4)), []), ValueError, "logits"),
    (lambda: ops.softmax_cross_entropy_backward(np.zeros((3, 0)), [0, 0, 0]), ValueError,
     "logits"),
    (lambda: ops.softmax_cross_entropy_backward(np.full((3, 4), np.nan), [0, 1, 2]), ValueError,
     "logits"),
    (lambda: ops.softmax_cross_entropy_backward(np.array([["a", "b"]]), [0]), TypeError,
     "logits"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
