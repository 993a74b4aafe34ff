"""Uji untuk `saraf.ops.activations`: relu, sigmoid, softmax, dan cross_entropy.

Dibandingkan dengan contoh yang dihitung dengan tangan, dengan TensorFlow/Keras (jika
terpasang), dan dengan uji properti Hypothesis.
"""

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from _ops_testing import assert_close, check_bad_input, tf, keras  # noqa: F401 (fixture)
from saraf import ops

FAST = settings(max_examples=40, deadline=None)


def test_activations_by_hand():
    np.testing.assert_array_equal(ops.relu(np.array([-3, 4])), [0, 4])
    assert ops.relu(np.array([-3, 4])).dtype == np.array([-3, 4]).dtype
    np.testing.assert_allclose(ops.sigmoid(np.array([0.0, 1000.0, -1000.0])), [0.5, 1.0, 0.0])
    np.testing.assert_allclose(ops.softmax([0.0, math.log(3.0)]), [0.25, 0.75])
    np.testing.assert_allclose(ops.softmax([1000.0, -1000.0]), [1.0, 0.0])
    # Temperatur 2: setara dengan softmax(z / 2).
    np.testing.assert_allclose(ops.softmax([0.0, 2 * math.log(3.0)], temperature=2.0), [0.25, 0.75])


def test_cross_entropy_by_hand():
    probs = np.array([[0.7, 0.3], [0.2, 0.8]])
    expected = -(math.log(0.7) + math.log(0.8)) / 2
    assert ops.cross_entropy(probs, [0, 1]) == pytest.approx(expected)
    assert ops.cross_entropy(probs, [[1, 0], [0, 1]]) == pytest.approx(expected)
    # Kelas di sumbu 0.
    assert ops.cross_entropy(probs.T, [0, 1], axis=0) == pytest.approx(expected)
    # Probabilitas 0 untuk kelas benar: eps mencegah log(0) = −inf.
    assert ops.cross_entropy([[1.0, 0.0]], [1]) == pytest.approx(-math.log(1e-12))


def test_sigmoid_keeps_float32_and_computes_integers_as_float():
    assert ops.sigmoid(np.zeros(3, np.float32)).dtype == np.float32
    np.testing.assert_allclose(ops.sigmoid(np.array([0, 2])), [0.5, 1 / (1 + math.exp(-2))])


def test_softmax_matches_tensorflow(tf):
    rng = np.random.default_rng(3)
    z = (rng.standard_normal((4, 5, 6)) * 50).astype(np.float32)
    for axis in (-1, 0, 1):
        assert_close(ops.softmax(z, axis=axis), tf.nn.softmax(z, axis=axis).numpy())
    assert_close(ops.softmax(z, temperature=3.0), tf.nn.softmax(z / 3.0).numpy())
    big = np.array([[1000.0, -1000.0, 999.0]], np.float32)
    assert_close(ops.softmax(big), tf.nn.softmax(big).numpy())


def test_sigmoid_matches_tensorflow(tf):
    x = np.concatenate([np.linspace(-50, 50, 201), [-1000.0, 1000.0]]).astype(np.float32)
    assert_close(ops.sigmoid(x), tf.math.sigmoid(x).numpy(), tol=1e-6)


def test_cross_entropy_matches_keras(keras):
    rng = np.random.default_rng(5)
    probs = ops.softmax(rng.standard_normal((32, 10)) * 2)
    labels = rng.integers(0, 10, size=32)
    direct = -np.mean(np.log(probs[np.arange(32), labels]))
    ref_sparse = float(keras.losses.SparseCategoricalCrossentropy()(labels, probs))
    one_hot = np.eye(10)[labels]
    ref_dense = float(keras.losses.CategoricalCrossentropy()(one_hot, probs))
    assert ops.cross_entropy(probs, labels) == pytest.approx(direct, rel=1e-12)
    assert ops.cross_entropy(probs, labels) == pytest.approx(ref_sparse, rel=1e-5)
    assert ops.cross_entropy(probs, one_hot) == pytest.approx(ref_dense, rel=1e-5)


finite_logits = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6),
                           elements=st.floats(-1000, 1000))


@FAST
@given(z=finite_logits, temperature=st.floats(0.05, 100))
def test_softmax_sums_to_one_without_nan(z, temperature):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = ops.softmax(z, temperature=temperature)
    assert not np.isnan(p).any()
    assert ((p >= 0) & (p <= 1)).all()
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)


@FAST
@given(x=finite_logits)
def test_sigmoid_no_warnings_and_symmetric(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = ops.sigmoid(x)
        y_neg = ops.sigmoid(-x)
    assert ((y >= 0) & (y <= 1)).all()
    np.testing.assert_allclose(y + y_neg, 1.0, atol=1e-12)


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------


BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.relu(np.array(["a"])), TypeError, "x"),
    (lambda: ops.sigmoid(np.array(["a"])), TypeError, "x"),
    (lambda: ops.softmax([1.0, 2.0], temperature=0), ValueError, "temperature"),
    (lambda: ops.softmax([1.0, 2.0], temperature=-1.0), ValueError, "temperature"),
    (lambda: ops.softmax([1.0, 2.0], temperature=1e-310), ValueError, "temperature"),
    (lambda: ops.softmax([1.0, np.nan]), ValueError, "z"),
    (lambda: ops.softmax([1.0, 2.0], axis=1), ValueError, "axis"),
    (lambda: ops.softmax(["a", "b"]), TypeError, "z"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [2]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [-1]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [0.5]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [[0, 1, 2]]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[2.0, -1.0]], [0]), ValueError, "probs"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [0], eps=0), ValueError, "eps"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [0], axis=2), ValueError, "axis"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
