"""Uji untuk propagasi balik konvolusi: `saraf.ops.conv2d_backward` dan jendela geser.

Gradien dibandingkan dengan ``tf.GradientTape`` atas ``tf.nn.conv2d`` (jika TensorFlow
terpasang), dengan gradien numerik selisih pusat, dan dengan uji properti Hypothesis
(bentuk, kelinearan, dan identitas adjoin ⟨conv2d(x, k), g⟩ = ⟨x, grad_x⟩ = ⟨k, grad_kernel⟩).

Gradien CPU TensorFlow tidak mendukung dilasi > 1 untuk semua dtype, jadi dilasi dibandingkan
lewat kernel yang "direntangkan": kernel berdilasi sama dengan kernel biasa berukuran
(k − 1)·d + 1 yang disisipi nol. Gradien TensorFlow terhadap kernel rentangan itu, diambil di
posisi bukan-nol, adalah gradien kernel berdilasi.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _grad_testing import numerical_grad
from _ops_testing import assert_close, check_bad_input, tf  # noqa: F401 (fixture)
from saraf import ops
from saraf.ops.windows import add_windows, windows

FAST = settings(max_examples=30, deadline=None)
TOL = {np.float32: 1e-4, np.float64: 1e-10}


def _pad_pairs(padding):
    """Padding eksplisit saraf (int, pasangan, 4-tuple, bersarang) sebagai ((t, b), (l, r))."""
    if isinstance(padding, int):
        return (padding, padding), (padding, padding)
    if len(padding) == 4:
        return tuple(padding[:2]), tuple(padding[2:])
    if isinstance(padding[0], tuple):
        return padding
    return (padding[0], padding[0]), (padding[1], padding[1])


def _tf_padding(padding):
    if isinstance(padding, str):
        return padding.upper()
    (top, bottom), (left, right) = _pad_pairs(padding)
    return [[0, 0], [top, bottom], [left, right], [0, 0]]


def _dilate_kernel(kernel, dilation):
    """Kernel berdilasi sebagai kernel biasa berukuran (k − 1)·d + 1 berisi nol di antaranya."""
    kh, kw, c_in, c_out = kernel.shape
    dh, dw = dilation
    wide = np.zeros(((kh - 1) * dh + 1, (kw - 1) * dw + 1, c_in, c_out), kernel.dtype)
    wide[::dh, ::dw] = kernel
    return wide


def _tf_conv_grads(tf, x, kernel, g, stride, padding, dilation):
    """(keluaran, grad_x, grad_kernel) dari tf.GradientTape, lewat kernel rentangan."""
    x_tf, wide_tf = tf.constant(x), tf.constant(_dilate_kernel(kernel, dilation))
    with tf.GradientTape() as tape:
        tape.watch([x_tf, wide_tf])
        out = tf.nn.conv2d(x_tf, wide_tf, strides=[1, *stride, 1], padding=_tf_padding(padding))
    grad_x, grad_wide = tape.gradient(out, [x_tf, wide_tf], output_gradients=tf.constant(g))
    dh, dw = dilation
    return out.numpy(), grad_x.numpy(), grad_wide.numpy()[::dh, ::dw]


def _random_padding(rng):
    mode = rng.choice(["valid", "same", "int", "pair", "four", "nested"])
    p = [int(v) for v in rng.integers(0, 3, size=4)]
    return {"valid": "valid", "same": "same", "int": p[0], "pair": (p[0], p[1]),
            "four": tuple(p), "nested": ((p[0], p[1]), (p[2], p[3]))}[str(mode)]


def _random_case(rng, dtype):
    """Satu kasus acak: x, kernel, grad_output, stride, padding, dilasi."""
    # C_in sampai 6: conv2d menyusun matriks im2col dengan dua cara (C_in < 4 dan ≥ 4).
    n, c_in, c_out = int(rng.integers(1, 4)), int(rng.integers(1, 7)), int(rng.integers(1, 5))
    kh, kw = (int(v) for v in rng.integers(1, 6, size=2))
    stride = tuple(int(s) for s in rng.integers(1, 4, size=2))
    dilation = tuple(int(d) for d in rng.integers(1, 4, size=2)) if rng.random() < 0.4 else (1, 1)
    padding = _random_padding(rng)
    pads = ((0, 0), (0, 0)) if isinstance(padding, str) else _pad_pairs(padding)
    sizes = []
    for k, d, pad in zip((kh, kw), dilation, pads):
        smallest = max(1, d * (k - 1) + 1 - (0 if padding == "same" else sum(pad)))
        sizes.append(int(rng.integers(smallest, smallest + 12)))
    x = rng.standard_normal((n, *sizes, c_in)).astype(dtype)
    kernel = rng.standard_normal((kh, kw, c_in, c_out)).astype(dtype)
    out = ops.conv2d(x, kernel, stride=stride, padding=padding, dilation=dilation)
    g = rng.standard_normal(out.shape).astype(dtype)
    return x, kernel, g, stride, padding, dilation


# ---------------------------------------------------------------------------
# Perbandingan dengan TensorFlow
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("seed", range(40))
def test_conv2d_backward_matches_tensorflow(tf, seed, dtype):
    rng = np.random.default_rng(seed)
    x, kernel, g, stride, padding, dilation = _random_case(rng, dtype)
    out_tf, grad_x_tf, grad_k_tf = _tf_conv_grads(tf, x, kernel, g, stride, padding, dilation)
    # Kernel rentangan memberi keluaran maju yang sama (pemeriksaan cara perbandingannya).
    assert_close(ops.conv2d(x, kernel, stride=stride, padding=padding, dilation=dilation),
                 out_tf, TOL[dtype])
    grad_x, grad_k = ops.conv2d_backward(x, kernel, g, stride=stride, padding=padding,
                                         dilation=dilation)
    assert grad_x.dtype == dtype and grad_k.dtype == dtype
    assert_close(grad_x, grad_x_tf, TOL[dtype])
    assert_close(grad_k, grad_k_tf, TOL[dtype])


SAME_STRIDES = [2, 3, (2, 3), (3, 1)]
SAME_SIZES = [27, 28]
SAME_KERNEL = (4, 3)


def _same_pads(size, stride):
    strides = stride if isinstance(stride, tuple) else (stride, stride)
    return tuple(ops.same_padding(n, k, s)
                 for n, k, s in zip((size, size + 1), SAME_KERNEL, strides))


@pytest.mark.parametrize("stride", SAME_STRIDES)
@pytest.mark.parametrize("size", SAME_SIZES)
def test_conv2d_backward_same_asymmetric_matches_tensorflow(tf, size, stride):
    """"same" dengan stride > 1: padding TensorFlow bisa tidak simetris (lebih di bawah/kanan).

    Hasil saraf untuk "same" dan untuk padding eksplisit yang sama harus cocok dengan
    TensorFlow "SAME" dan dengan TensorFlow berpadding eksplisit tidak simetris.
    """
    rng = np.random.default_rng(size)
    strides = stride if isinstance(stride, tuple) else (stride, stride)
    x = rng.standard_normal((2, size, size + 1, 3))
    kernel = rng.standard_normal((*SAME_KERNEL, 3, 5))
    pads = _same_pads(size, stride)
    out_h, out_w = math.ceil(size / strides[0]), math.ceil((size + 1) / strides[1])
    g = rng.standard_normal((2, out_h, out_w, 5))
    _, grad_x_same, grad_k_same = _tf_conv_grads(tf, x, kernel, g, strides, "same", (1, 1))
    _, grad_x_expl, grad_k_expl = _tf_conv_grads(tf, x, kernel, g, strides, pads, (1, 1))
    for padding in ("same", pads):
        grad_x, grad_k = ops.conv2d_backward(x, kernel, g, stride=stride, padding=padding)
        for ours, ref_same, ref_expl in [(grad_x, grad_x_same, grad_x_expl),
                                         (grad_k, grad_k_same, grad_k_expl)]:
            assert_close(ours, ref_same, 1e-10)
            assert_close(ours, ref_expl, 1e-10)


def test_same_cases_include_asymmetric_padding():
    # Tanpa ini, uji "same" di atas bisa saja tidak pernah menguji padding tidak simetris.
    pads = [_same_pads(size, stride) for size in SAME_SIZES for stride in SAME_STRIDES]
    assert any(top != bottom for (top, bottom), _ in pads)
    assert any(left != right for _, (left, right) in pads)


@pytest.mark.parametrize("dilation,stride,padding", [
    ((2, 2), 1, "valid"), ((2, 3), 1, "same"), ((3, 2), (2, 1), "same"), ((2, 2), 2, (1, 0, 2, 1)),
])
def test_conv2d_backward_dilation_matches_tensorflow(tf, dilation, stride, padding):
    rng = np.random.default_rng(sum(dilation))
    x = rng.standard_normal((2, 13, 12, 2))
    kernel = rng.standard_normal((3, 2, 2, 4))
    out = ops.conv2d(x, kernel, stride=stride, padding=padding, dilation=dilation)
    g = rng.standard_normal(out.shape)
    strides = stride if isinstance(stride, tuple) else (stride, stride)
    _, grad_x_tf, grad_k_tf = _tf_conv_grads(tf, x, kernel, g, strides, padding, dilation)
    grad_x, grad_k = ops.conv2d_backward(x, kernel, g, stride=stride, padding=padding,
                                         dilation=dilation)
    assert_close(grad_x, grad_x_tf, 1e-10)
    assert_close(grad_k, grad_k_tf, 1e-10)


# ---------------------------------------------------------------------------
# Gradien numerik (selisih pusat), float64, bentuk kecil
# ---------------------------------------------------------------------------

NUMERIC_CASES = [
    # (bentuk x, bentuk kernel, stride, padding, dilasi)
    ((1, 5, 6, 2), (3, 2, 2, 3), 1, "valid", 1),
    ((2, 6, 5, 1), (3, 3, 1, 2), (2, 3), "same", 1),
    ((1, 7, 7, 2), (2, 3, 2, 2), (1, 2), (1, 0, 2, 1), (2, 2)),
    ((1, 6, 7, 3), (2, 2, 3, 1), 2, "same", (3, 2)),
    ((1, 5, 5, 1), (3, 3, 1, 1), 3, ((0, 2), (1, 1)), 1),
    ((1, 4, 4, 2), (1, 1, 2, 3), (2, 1), (1, 2), 1),
    ((1, 5, 4, 4), (2, 2, 4, 2), 1, "same", (1, 2)),  # C_in ≥ 4: cara im2col yang lain
    ((6, 5), (2, 3), (2, 1), 1, 1),  # gambar 2-D dengan kernel 2-D
]


@pytest.mark.parametrize("x_shape,k_shape,stride,padding,dilation", NUMERIC_CASES)
def test_conv2d_backward_matches_numerical_gradient(x_shape, k_shape, stride, padding, dilation):
    rng = np.random.default_rng(len(x_shape) + sum(x_shape) + sum(k_shape))
    x, kernel = rng.standard_normal(x_shape), rng.standard_normal(k_shape)
    kwargs = dict(stride=stride, padding=padding, dilation=dilation)
    g = rng.standard_normal(ops.conv2d(x, kernel, **kwargs).shape)
    grad_x, grad_k = ops.conv2d_backward(x, kernel, g, **kwargs)
    # L = Σ conv2d(x, kernel) · g, sehingga ∂L/∂(keluaran) = g.
    num_x = numerical_grad(lambda a: np.sum(ops.conv2d(a, kernel, **kwargs) * g), x)
    num_k = numerical_grad(lambda a: np.sum(ops.conv2d(x, a, **kwargs) * g), kernel)
    assert grad_x.shape == x.shape and grad_k.shape == kernel.shape
    np.testing.assert_allclose(grad_x, num_x, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(grad_k, num_k, rtol=1e-6, atol=1e-7)


def test_conv2d_backward_2d_equals_one_channel_batch():
    rng = np.random.default_rng(3)
    image, kernel = rng.standard_normal((9, 8)), rng.standard_normal((3, 2))
    g = rng.standard_normal(ops.conv2d(image, kernel, stride=2, padding="same").shape)
    grad_x, grad_k = ops.conv2d_backward(image, kernel, g, stride=2, padding="same")
    grad_x4, grad_k4 = ops.conv2d_backward(image[None, :, :, None], kernel[:, :, None, None],
                                           g[None, :, :, None], stride=2, padding="same")
    assert grad_x.shape == image.shape and grad_k.shape == kernel.shape
    np.testing.assert_allclose(grad_x, grad_x4[0, :, :, 0], rtol=1e-12)
    np.testing.assert_allclose(grad_k, grad_k4[:, :, 0, 0], rtol=1e-12)


def test_conv2d_backward_integer_inputs_are_float():
    image = np.full((5, 5), 200, np.uint8)
    grad_x, grad_k = ops.conv2d_backward(image, np.ones((3, 3), np.uint8), np.full((3, 3), 255))
    assert grad_x.dtype.kind == "f" and grad_k.dtype.kind == "f"
    # Setiap bobot kernel melihat 9 piksel bernilai 200, masing-masing dengan gradien 255.
    np.testing.assert_array_equal(grad_k, np.full((3, 3), 9 * 200 * 255.0))


# ---------------------------------------------------------------------------
# Uji properti (Hypothesis)
# ---------------------------------------------------------------------------

PADDINGS = st.one_of(
    st.sampled_from(["valid", "same"]),
    st.integers(0, 2),
    st.tuples(st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 2), st.integers(0, 2)),
)


@st.composite
def conv_cases(draw):
    """Geometri konvolusi apa pun yang sah, dengan x, kernel, dan grad_output acak (float64)."""
    kh, kw, dh, dw, sh, sw = (draw(st.integers(1, n)) for n in (4, 4, 3, 3, 3, 3))
    padding = draw(PADDINGS)
    pads = ((0, 0), (0, 0)) if isinstance(padding, str) else _pad_pairs(padding)
    sizes = []
    for k, d, pad in zip((kh, kw), (dh, dw), pads):
        smallest = max(1, d * (k - 1) + 1 - (0 if padding == "same" else sum(pad)))
        sizes.append(draw(st.integers(smallest, smallest + 6)))
    n, c_in, c_out = draw(st.integers(1, 2)), draw(st.integers(1, 5)), draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((n, *sizes, c_in))
    kernel = rng.standard_normal((kh, kw, c_in, c_out))
    kwargs = dict(stride=(sh, sw), padding=padding, dilation=(dh, dw))
    g = rng.standard_normal(ops.conv2d(x, kernel, **kwargs).shape)
    return x, kernel, g, kwargs, rng


@FAST
@given(case=conv_cases())
def test_conv2d_backward_shapes_equal_input_shapes(case):
    x, kernel, g, kwargs, _ = case
    grad_x, grad_k = ops.conv2d_backward(x, kernel, g, **kwargs)
    assert grad_x.shape == x.shape and grad_k.shape == kernel.shape
    assert np.isfinite(grad_x).all() and np.isfinite(grad_k).all()


@FAST
@given(case=conv_cases(), a=st.floats(-3, 3), b=st.floats(-3, 3))
def test_conv2d_backward_is_linear_in_grad_output(case, a, b):
    x, kernel, g1, kwargs, rng = case
    g2 = rng.standard_normal(g1.shape)
    combined = ops.conv2d_backward(x, kernel, a * g1 + b * g2, **kwargs)
    parts = zip(ops.conv2d_backward(x, kernel, g1, **kwargs),
                ops.conv2d_backward(x, kernel, g2, **kwargs))
    for together, (first, second) in zip(combined, parts):
        assert_close(together, a * first + b * second, 1e-10)


@FAST
@given(case=conv_cases())
def test_conv2d_backward_adjoint_identity(case):
    """conv2d linear di setiap argumen: ⟨conv2d(x, k), g⟩ = ⟨x, grad_x⟩ = ⟨k, grad_kernel⟩."""
    x, kernel, g, kwargs, _ = case
    grad_x, grad_k = ops.conv2d_backward(x, kernel, g, **kwargs)
    forward = np.vdot(ops.conv2d(x, kernel, **kwargs), g)
    scale = max(1.0, abs(forward))
    assert abs(np.vdot(x, grad_x) - forward) <= 1e-9 * scale
    assert abs(np.vdot(kernel, grad_k) - forward) <= 1e-9 * scale


@FAST
@given(data=st.data(), k=st.tuples(st.integers(1, 3), st.integers(1, 3)),
       s=st.tuples(st.integers(1, 3), st.integers(1, 3)),
       d=st.tuples(st.integers(1, 3), st.integers(1, 3)))
def test_add_windows_is_adjoint_of_windows(data, k, s, d):
    """⟨windows(x), W⟩ = ⟨x, add_windows(W)⟩: add_windows adalah adjoin windows."""
    h = data.draw(st.integers(d[0] * (k[0] - 1) + 1, 10))
    w = data.draw(st.integers(d[1] * (k[1] - 1) + 1, 10))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal((2, h, w, 3))
    view = windows(x, k, s, d)
    grad_windows = rng.standard_normal(view.shape)
    back = add_windows(grad_windows, x.shape, s, d)
    assert back.shape == x.shape
    assert np.vdot(view, grad_windows) == pytest.approx(np.vdot(x, back), rel=1e-10, abs=1e-10)


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

IMG = np.ones((5, 5))
K2 = np.ones((3, 3))
BATCH = np.ones((1, 5, 5, 3), np.float32)
K4 = np.ones((3, 3, 3, 2), np.float32)
G4 = np.ones((1, 3, 3, 2), np.float32)

BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.conv2d_backward(BATCH, K4, np.ones((1, 3, 3, 3))), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(BATCH, K4, np.ones((1, 4, 3, 2))), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(BATCH, K4, np.ones((2, 3, 3, 2))), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(BATCH, K4, np.ones((3, 3, 2))), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(BATCH, K4, np.ones((3, 3))), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(IMG, K2, np.ones((1, 3, 3, 1))), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(IMG, K2, np.ones(9)), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(IMG, K2, np.ones((5, 5)), padding="valid"), ValueError,
     "grad_output"),
    (lambda: ops.conv2d_backward(IMG, K2, np.full((3, 3), np.nan)), ValueError, "grad_output"),
    (lambda: ops.conv2d_backward(IMG, K2, np.array([["a"] * 3] * 3)), TypeError, "grad_output"),
    (lambda: ops.conv2d_backward(BATCH, np.ones((3, 3, 2, 2)), G4), ValueError, "kernel"),
    (lambda: ops.conv2d_backward(BATCH, K2, G4), ValueError, "kernel"),
    (lambda: ops.conv2d_backward(np.ones((5, 5, 3)), K4, G4), ValueError, "x"),
    (lambda: ops.conv2d_backward(IMG, np.ones((6, 6)), np.ones((1, 1))), ValueError, "kernel"),
    (lambda: ops.conv2d_backward(IMG, K2, np.ones((3, 3)), stride=0), ValueError, "stride"),
    (lambda: ops.conv2d_backward(IMG, K2, np.ones((3, 3)), padding="penuh"), ValueError,
     "padding"),
    (lambda: ops.conv2d_backward(IMG, K2, np.ones((3, 3)), dilation=0), ValueError, "dilation"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
