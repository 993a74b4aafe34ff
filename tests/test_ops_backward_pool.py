"""Uji untuk propagasi balik pooling: `saraf.ops.max_pool2d_backward` dan `avg_pool2d_backward`.

Gradien dibandingkan dengan ``tf.GradientTape`` atas ``tf.nn.max_pool2d``/``tf.nn.avg_pool2d``
(jika TensorFlow terpasang), dengan gradien numerik selisih pusat, dan dengan uji properti
Hypothesis. Nilai terbesar yang kembar (*tie*) pada max pooling: gradien masuk ke yang pertama
(urutan baris, lalu kolom), sama seperti TensorFlow.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _grad_testing import numerical_grad
from _ops_testing import assert_close, check_bad_input, tf  # noqa: F401 (fixture)
from saraf import ops
from saraf.ops.windows import windows

FAST = settings(max_examples=30, deadline=None)
TOL = {np.float32: 1e-5, np.float64: 1e-12}
KINDS = {"max": (ops.max_pool2d, ops.max_pool2d_backward),
         "avg": (ops.avg_pool2d, ops.avg_pool2d_backward)}


def _tf_pool_grad(tf, kind, x, g, size, stride, padding):
    pool = tf.nn.max_pool2d if kind == "max" else tf.nn.avg_pool2d
    x_tf = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x_tf)
        out = pool(x_tf, ksize=size, strides=size if stride is None else stride,
                   padding=padding.upper())
    return out.numpy(), tape.gradient(out, x_tf, output_gradients=tf.constant(g)).numpy()


def _pair(value):
    return value if isinstance(value, tuple) else (value, value)


def _random_case(rng, dtype, ties):
    """x, size, stride, padding acak; ``ties``: x berisi bilangan bulat kecil (banyak kembar)."""
    size = tuple(int(v) for v in rng.integers(1, 5, size=2))
    stride = None if rng.random() < 0.2 else tuple(int(v) for v in rng.integers(1, 4, size=2))
    padding = str(rng.choice(["valid", "same"]))
    h, w = (int(rng.integers(k, k + 10)) for k in size)
    shape = (int(rng.integers(1, 4)), h, w, int(rng.integers(1, 5)))
    x = rng.integers(-2, 2, size=shape) if ties else rng.standard_normal(shape)
    return x.astype(dtype), size, stride, padding


# ---------------------------------------------------------------------------
# Perbandingan dengan TensorFlow
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("ties", [False, True], ids=["acak", "kembar"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kind", ["max", "avg"])
@pytest.mark.parametrize("seed", range(15))
def test_pool_backward_matches_tensorflow(tf, seed, kind, dtype, ties):
    rng = np.random.default_rng(seed)
    x, size, stride, padding = _random_case(rng, dtype, ties)
    forward, backward = KINDS[kind]
    g = rng.standard_normal(forward(x, size, stride, padding).shape).astype(dtype)
    out_tf, grad_tf = _tf_pool_grad(tf, kind, x, g, size, stride, padding)
    assert_close(forward(x, size, stride, padding), out_tf, TOL[dtype])
    grad = backward(x, g, size, stride, padding)
    assert grad.dtype == dtype
    assert_close(grad, grad_tf, TOL[dtype])
    # Versi 2-D sama dengan satu kanal dari versi NHWC.
    assert_close(backward(x[0, :, :, 0], g[0, :, :, 0], size, stride, padding), grad[0, :, :, 0])


# ---------------------------------------------------------------------------
# Nilai terbesar kembar pada max pooling
# ---------------------------------------------------------------------------


def test_max_pool_ties_go_to_first_element_by_hand():
    x = np.ones((4, 4))
    grad = ops.max_pool2d_backward(x, np.array([[1.0, 2.0], [3.0, 4.0]]))
    expected = np.zeros((4, 4))
    expected[::2, ::2] = [[1.0, 2.0], [3.0, 4.0]]  # pojok kiri atas setiap jendela 2×2
    np.testing.assert_array_equal(grad, expected)
    # Dua nilai terbesar di (0, 1) dan (1, 0): yang pertama dalam urutan baris adalah (0, 1).
    x = np.array([[0.0, 5.0], [5.0, 1.0]])
    np.testing.assert_array_equal(ops.max_pool2d_backward(x, [[7.0]]), [[0.0, 7.0], [0.0, 0.0]])


@pytest.mark.parametrize("value", [1.0, 0.0, -3.0])
@pytest.mark.parametrize("size,stride,padding", [
    (2, None, "valid"), (3, 1, "same"), ((2, 3), (1, 2), "same"), (3, 2, "valid"),
])
def test_max_pool_ties_match_tensorflow(tf, value, size, stride, padding):
    """Semua nilai sama: TensorFlow juga memberi gradien ke elemen pertama setiap jendela."""
    x = np.full((1, 5, 6, 2), value, np.float32)
    g = np.arange(1, 1 + ops.max_pool2d(x, size, stride, padding).size, dtype=np.float32)
    g = g.reshape(ops.max_pool2d(x, size, stride, padding).shape)
    _, grad_tf = _tf_pool_grad(tf, "max", x, g, size, stride, padding)
    grad = ops.max_pool2d_backward(x, g, size, stride, padding)
    np.testing.assert_array_equal(grad, grad_tf)
    # Tanpa TensorFlow: jendela ke-(i, j) dimulai di (i·sh − atas, j·sw − kiri); pikselnya
    # yang pertama (bukan padding) menerima seluruh gradien jendela itu.
    kh, kw = _pair(size)
    sh, sw = (kh, kw) if stride is None else _pair(stride)
    pads = [ops.same_padding(n, k, s) if padding == "same" else (0, 0)
            for n, k, s in zip(x.shape[1:3], (kh, kw), (sh, sw))]
    expected = np.zeros_like(x)
    for i in range(g.shape[1]):
        for j in range(g.shape[2]):
            top, left = max(i * sh - pads[0][0], 0), max(j * sw - pads[1][0], 0)
            expected[:, top, left, :] += g[:, i, j, :]
    np.testing.assert_array_equal(grad, expected)


# ---------------------------------------------------------------------------
# Gradien numerik (selisih pusat), float64, bentuk kecil
# ---------------------------------------------------------------------------

NUMERIC_CASES = [
    # (bentuk x, size, stride, padding)
    ((1, 6, 6, 2), 2, None, "valid"),
    ((2, 5, 7, 1), 3, 1, "same"),
    ((1, 7, 6, 3), (2, 3), (2, 1), "same"),
    ((1, 7, 7, 1), 3, 2, "valid"),
    ((1, 5, 8, 2), (3, 2), (3, 3), "same"),
    ((7, 5), 2, (1, 2), "same"),  # gambar 2-D
]


@pytest.mark.parametrize("kind", ["max", "avg"])
@pytest.mark.parametrize("shape,size,stride,padding", NUMERIC_CASES)
def test_pool_backward_matches_numerical_gradient(kind, shape, size, stride, padding):
    rng = np.random.default_rng(sum(shape))
    # Nilai berbeda-beda dengan jarak 0,01 ≫ eps: tidak ada nilai kembar, max tetap di tempat.
    x = rng.permutation(math.prod(shape)).reshape(shape) * 0.01
    forward, backward = KINDS[kind]
    g = rng.standard_normal(forward(x, size, stride, padding).shape)
    numeric = numerical_grad(lambda a: np.sum(forward(a, size, stride, padding) * g), x)
    grad = backward(x, g, size, stride, padding)
    assert grad.shape == x.shape
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)


# ---------------------------------------------------------------------------
# Uji properti (Hypothesis)
# ---------------------------------------------------------------------------


@st.composite
def pool_cases(draw, overlapping=True):
    """Geometri pooling apa pun yang sah, dengan x dan grad_output acak (float64)."""
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    if overlapping:
        stride = draw(st.one_of(st.none(), st.tuples(st.integers(1, 4), st.integers(1, 4))))
    else:  # stride ≥ size: jendela tidak bertumpuk
        stride = (draw(st.integers(kh, kh + 2)), draw(st.integers(kw, kw + 2)))
    padding = draw(st.sampled_from(["valid", "same"]))
    h, w = draw(st.integers(kh, kh + 8)), draw(st.integers(kw, kw + 8))
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((n, h, w, c))
    if draw(st.booleans()):
        x = np.round(x)  # banyak nilai kembar
    g = rng.standard_normal(ops.max_pool2d(x, (kh, kw), stride, padding).shape)
    return x, g, (kh, kw), stride, padding


@FAST
@given(case=pool_cases())
def test_pool_backward_shapes_and_adjoint(case):
    x, g, size, stride, padding = case
    for kind, (forward, backward) in KINDS.items():
        grad = backward(x, g, size, stride, padding)
        assert grad.shape == x.shape
        # avg_pool linear dalam x; max_pool homogen positif (max(c·x) = c·max(x) untuk c > 0).
        # Keduanya memenuhi ⟨pool(x), g⟩ = ⟨x, gradien⟩.
        forward_dot = np.vdot(forward(x, size, stride, padding), g)
        assert np.vdot(x, grad) == pytest.approx(forward_dot, rel=1e-9, abs=1e-9), kind


@FAST
@given(case=pool_cases(), a=st.floats(-3, 3), b=st.floats(-3, 3))
def test_pool_backward_is_linear_in_grad_output(case, a, b):
    x, g1, size, stride, padding = case
    g2 = np.random.default_rng(0).standard_normal(g1.shape)
    for backward in (ops.max_pool2d_backward, ops.avg_pool2d_backward):
        together = backward(x, a * g1 + b * g2, size, stride, padding)
        apart = a * backward(x, g1, size, stride, padding) + b * backward(x, g2, size, stride,
                                                                         padding)
        assert_close(together, apart, 1e-10)


@FAST
@given(case=pool_cases())
def test_avg_pool_backward_of_ones_sums_to_output_cells(case):
    x, g, size, stride, padding = case
    grad = ops.avg_pool2d_backward(x, np.ones_like(g), size, stride, padding)
    # Setiap jendela membagi gradien 1 di antara piksel aslinya: jumlahnya tetap 1 per jendela.
    assert grad.sum() == pytest.approx(g.size, rel=1e-12)
    assert (grad >= 0).all()


@FAST
@given(case=pool_cases(overlapping=False))
def test_max_pool_backward_window_sums_equal_grad_output(case):
    """Jendela tidak bertumpuk: jumlah gradien di setiap jendela = gradien jendela itu."""
    x, g, size, stride, padding = case
    grad = ops.max_pool2d_backward(x, g, size, stride, padding)
    pads = [ops.same_padding(n, k, s) if padding == "same" else (0, 0)
            for n, k, s in zip(x.shape[1:3], size, stride)]
    padded = np.pad(grad, [(0, 0), *pads, (0, 0)])
    np.testing.assert_allclose(windows(padded, size, stride).sum(axis=(-2, -1)), g, atol=1e-12)
    # Piksel di luar semua jendela tidak mendapat gradien; di dalam jendela, tepat satu piksel.
    assert grad.sum() == pytest.approx(g.sum(), abs=1e-9)
    assert np.count_nonzero(grad) == np.count_nonzero(g)


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

X4 = np.ones((1, 6, 6, 3))
G4 = np.ones((1, 3, 3, 3))
IMG = np.ones((6, 6))

BAD_INPUTS = []
for _backward in (ops.max_pool2d_backward, ops.avg_pool2d_backward):
    BAD_INPUTS += [
        # (panggilan, jenis galat, nama parameter yang harus disebut)
        (lambda f=_backward: f(X4, np.ones((1, 3, 3, 2))), ValueError, "grad_output"),
        (lambda f=_backward: f(X4, np.ones((1, 2, 3, 3))), ValueError, "grad_output"),
        (lambda f=_backward: f(X4, np.ones((3, 3, 3))), ValueError, "grad_output"),
        (lambda f=_backward: f(X4, G4, 2, 1), ValueError, "grad_output"),
        (lambda f=_backward: f(IMG, np.ones((1, 3, 3, 1))), ValueError, "grad_output"),
        (lambda f=_backward: f(IMG, np.ones(9)), ValueError, "grad_output"),
        (lambda f=_backward: f(IMG, np.full((3, 3), np.inf)), ValueError, "grad_output"),
        (lambda f=_backward: f(IMG, np.array([["a"] * 3] * 3)), TypeError, "grad_output"),
        (lambda f=_backward: f(np.ones((6, 6, 3)), G4), ValueError, "x"),
        (lambda f=_backward: f(X4, G4, padding="penuh"), ValueError, "padding"),
        (lambda f=_backward: f(X4, G4, size=7), ValueError, "size"),
        (lambda f=_backward: f(X4, G4, stride=0), ValueError, "stride"),
    ]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
