"""Uji untuk `saraf.ops.conv`: conv2d_naive dan conv2d.

Hasilnya dibandingkan dengan contoh kecil yang dihitung dengan tangan, dengan
``tf.nn.conv2d`` (jika TensorFlow terpasang), dan dengan uji properti Hypothesis.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _ops_testing import assert_close, check_bad_input, tf  # noqa: F401 (fixture)
from saraf import ops

FAST = settings(max_examples=40, deadline=None)


# ---------------------------------------------------------------------------
# Contoh kecil yang dihitung dengan tangan
# ---------------------------------------------------------------------------


def test_conv_4x4_with_2x2_by_hand():
    x = np.arange(16, dtype=float).reshape(4, 4)
    diff = np.array([[1.0, 0.0], [0.0, -1.0]])  # x[i, j] − x[i+1, j+1] selalu −5
    expected = np.full((3, 3), -5.0)
    np.testing.assert_array_equal(ops.conv2d_naive(x, diff), expected)
    np.testing.assert_array_equal(ops.conv2d(x, diff), expected)
    # Kernel berisi 1 dengan stride 2: jumlah setiap blok 2×2.
    block_sums = np.array([[0 + 1 + 4 + 5, 2 + 3 + 6 + 7], [8 + 9 + 12 + 13, 10 + 11 + 14 + 15]])
    np.testing.assert_array_equal(ops.conv2d(x, np.ones((2, 2)), stride=2), block_sums)
    np.testing.assert_array_equal(ops.conv2d_naive(x, np.ones((2, 2)), stride=2), block_sums)


def test_conv_is_cross_correlation_not_flipped():
    x = np.zeros((3, 3))
    x[1, 1] = 1.0
    k = np.arange(9.0).reshape(3, 3)
    # Impuls di tengah: korelasi silang menghasilkan kernel yang DIBALIK.
    np.testing.assert_array_equal(ops.conv2d(x, k, padding=1), k[::-1, ::-1])
    np.testing.assert_array_equal(ops.conv2d_naive(x, k, padding=1), k[::-1, ::-1])


def test_conv_padding_by_hand():
    x = np.ones((2, 2))
    out = ops.conv2d(x, np.ones((3, 3)), padding=1)
    # Setiap jendela 3×3 mencakup keempat angka 1 asli.
    np.testing.assert_array_equal(out, np.full((2, 2), 4.0))


def test_conv_dtypes_and_no_overflow():
    img = np.full((5, 5), 255, dtype=np.uint8)
    out = ops.conv2d(img, np.full((3, 3), 100, dtype=np.int64))
    np.testing.assert_array_equal(out, np.full((3, 3), 255 * 100 * 9.0))
    naive = ops.conv2d_naive(img, np.full((3, 3), 100, dtype=np.int64))
    np.testing.assert_array_equal(naive, out)
    # uint8 × uint8: 255·255·9 jauh melebihi 255, jadi harus dihitung sebagai float.
    k8 = np.full((3, 3), 255, dtype=np.uint8)
    for fn in (ops.conv2d, ops.conv2d_naive):
        out8 = fn(img, k8)
        assert out8.dtype.kind == "f"
        np.testing.assert_array_equal(out8, np.full((3, 3), 255.0 * 255 * 9))
    assert ops.conv2d(img, np.ones((3, 3), np.float32)).dtype == np.float32
    x32 = np.ones((1, 5, 5, 2), np.float32)
    assert ops.conv2d(x32, np.ones((3, 3, 2, 4), np.float32)).dtype == np.float32


# ---------------------------------------------------------------------------
# Perbandingan dengan TensorFlow dan dengan versi dua perulangan
# ---------------------------------------------------------------------------


def _random_conv_case(rng):
    """Satu kasus acak: masukan, kernel, argumen saraf, dan argumen TensorFlow."""
    n, c_in, c_out = rng.integers(1, 4), rng.integers(1, 5), rng.integers(1, 6)
    kh, kw = rng.integers(1, 6, size=2)
    stride = tuple(int(s) for s in rng.integers(1, 4, size=2))
    # TensorFlow hanya mendukung dilasi > 1 bersama stride 1.
    dilation = tuple(int(d) for d in rng.integers(1, 4, size=2)) if stride == (1, 1) else (1, 1)
    mode = rng.choice(["valid", "same", "int", "tuple"])
    pads = [0, 0, 0, 0]
    if mode == "int":
        pads = [int(rng.integers(0, 3))] * 4
    elif mode == "tuple":
        pads = [int(p) for p in rng.integers(0, 3, size=4)]
    h = int(rng.integers(dilation[0] * (kh - 1) + 1, 20))
    w = int(rng.integers(dilation[1] * (kw - 1) + 1, 20))
    x = rng.standard_normal((n, h, w, c_in)).astype(np.float32)
    k = rng.standard_normal((kh, kw, c_in, c_out)).astype(np.float32)
    if mode in ("valid", "same"):
        saraf_pad, tf_pad = str(mode), str(mode).upper()
    else:
        saraf_pad = pads[0] if mode == "int" else tuple(pads)
        tf_pad = [[0, 0], pads[:2], pads[2:], [0, 0]]
    return x, k, stride, dilation, saraf_pad, tf_pad


@pytest.mark.parametrize("seed", range(40))
def test_conv2d_matches_tensorflow(tf, seed):
    rng = np.random.default_rng(seed)
    x, k, stride, dilation, saraf_pad, tf_pad = _random_conv_case(rng)
    ours = ops.conv2d(x, k, stride=stride, padding=saraf_pad, dilation=dilation)
    ref = tf.nn.conv2d(x, k, strides=[1, *stride, 1], padding=tf_pad,
                       dilations=[1, *dilation, 1]).numpy()
    assert ours.dtype == np.float32
    assert_close(ours, ref)


@pytest.mark.parametrize("channels", [1, 3, 8])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("size", [27, 28])
def test_conv2d_same_asymmetric_matches_tensorflow(tf, stride, size, channels):
    rng = np.random.default_rng(stride * 100 + size)
    x = rng.standard_normal((2, size, size, channels)).astype(np.float32)
    k = rng.standard_normal((4, 3, channels, 8)).astype(np.float32)
    ours = ops.conv2d(x, k, stride=stride, padding="same")
    ref = tf.nn.conv2d(x, k, strides=stride, padding="SAME").numpy()
    assert ours.shape[1] == math.ceil(size / stride)
    assert_close(ours, ref)


@pytest.mark.parametrize("seed", range(10))
def test_conv2d_naive_matches_conv2d(seed):
    rng = np.random.default_rng(1000 + seed)
    kh, kw = rng.integers(1, 5, size=2)
    stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    image = rng.standard_normal((int(rng.integers(kh, 15)), int(rng.integers(kw, 15))))
    kernel = rng.standard_normal((kh, kw))
    naive = ops.conv2d_naive(image, kernel, stride=stride, padding=padding)
    fast = ops.conv2d(image, kernel, stride=stride, padding=padding)
    np.testing.assert_allclose(naive, fast, rtol=1e-10, atol=1e-10)


# ---------------------------------------------------------------------------
# Uji properti (Hypothesis)
# ---------------------------------------------------------------------------


@FAST
@given(n=st.integers(1, 30), k=st.integers(1, 5), s=st.integers(1, 3),
       p=st.integers(0, 2), d=st.integers(1, 3))
def test_conv2d_shape_equals_output_size(n, k, s, p, d):
    if n + 2 * p < d * (k - 1) + 1:
        with pytest.raises(ValueError, match="kernel"):
            ops.output_size(n, k, s, p, d)
        return
    expected = ops.output_size(n, k, stride=s, padding=p, dilation=d)
    assert expected == (n + 2 * p - d * (k - 1) - 1) // s + 1 >= 1
    out = ops.conv2d(np.zeros((n, n + 1)), np.ones((k, k)), stride=s, padding=p, dilation=d)
    assert out.shape == (expected, ops.output_size(n + 1, k, s, p, d))
    same = ops.conv2d(np.zeros((1, n, n, 1)), np.ones((k, k, 1, 2)), stride=s,
                      padding="same", dilation=d)
    assert same.shape == (1, math.ceil(n / s), math.ceil(n / s), 2)


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

IMG = np.ones((5, 5))
K2 = np.ones((3, 3))
BATCH = np.ones((1, 5, 5, 3), np.float32)
K4 = np.ones((3, 3, 3, 2), np.float32)
NAN_IMG = np.where(np.eye(5) > 0, np.nan, 1.0)

BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.conv2d(IMG, K2, stride=0), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=(1, 0)), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=(1, 2, 3)), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=1.5), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, dilation=0), ValueError, "dilation"),
    (lambda: ops.conv2d(IMG, K2, padding=-1), ValueError, "padding"),
    (lambda: ops.conv2d(IMG, K2, padding=(1, 2, 3)), ValueError, "padding"),
    (lambda: ops.conv2d(IMG, K2, padding="penuh"), ValueError, "padding"),
    (lambda: ops.conv2d(IMG, np.ones((6, 6))), ValueError, "kernel"),
    (lambda: ops.conv2d(IMG, K2, dilation=3), ValueError, "kernel"),
    (lambda: ops.conv2d(NAN_IMG, K2), ValueError, "x"),
    (lambda: ops.conv2d(IMG, np.full((3, 3), np.inf)), ValueError, "kernel"),
    (lambda: ops.conv2d(np.array([["a", "b"], ["c", "d"]]), K2), TypeError, "x"),
    (lambda: ops.conv2d(np.array([[object()]]), K2), TypeError, "x"),
    (lambda: ops.conv2d([[1, 2], [3]], K2), ValueError, "x"),
    (lambda: ops.conv2d(np.ones(5), K2), ValueError, "(5,)"),
    (lambda: ops.conv2d(np.ones((5, 5, 3)), K4), ValueError, "(5, 5, 3)"),
    (lambda: ops.conv2d(BATCH, K2), ValueError, "kernel"),
    (lambda: ops.conv2d(BATCH, np.ones((3, 3, 2, 2))), ValueError, "kernel"),
    (lambda: ops.conv2d(BATCH, np.ones((3, 3, 3, 0))), ValueError, "kernel"),
    (lambda: ops.conv2d_naive(IMG, K2, stride=0), ValueError, "stride"),
    (lambda: ops.conv2d_naive(IMG, K2, padding=-2), ValueError, "padding"),
    (lambda: ops.conv2d_naive(BATCH, K2), ValueError, "image"),
    (lambda: ops.conv2d_naive(IMG, np.ones((6, 6))), ValueError, "kernel"),
    (lambda: ops.conv2d_naive(NAN_IMG, K2), ValueError, "image"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
