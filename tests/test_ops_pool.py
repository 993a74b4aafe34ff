"""Uji untuk `saraf.ops.pool`: max_pool2d dan avg_pool2d, dibandingkan dengan TensorFlow."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from _ops_testing import assert_close, check_bad_input, tf  # noqa: F401 (fixture)
from saraf import ops

FAST = settings(max_examples=40, deadline=None)


def test_pools_by_hand():
    x = np.arange(16, dtype=float).reshape(4, 4)
    np.testing.assert_array_equal(ops.max_pool2d(x), [[5, 7], [13, 15]])
    np.testing.assert_array_equal(ops.avg_pool2d(x), [[2.5, 4.5], [10.5, 12.5]])
    # "same" 3×3 stride 2 pada 4×4: padding (0, 1); jendela terakhir hanya 2×2 asli.
    np.testing.assert_array_equal(ops.avg_pool2d(x, 3, 2, "same"), [[5, 6.5], [11, 12.5]])
    np.testing.assert_array_equal(ops.max_pool2d(-x, 3, 2, "same"), [[0, -2], [-8, -10]])


def test_pool_dtypes():
    img = np.full((5, 5), 255, dtype=np.uint8)
    x32 = np.ones((1, 5, 5, 2), np.float32)
    assert ops.max_pool2d(x32).dtype == np.float32
    assert ops.avg_pool2d(img).dtype.kind == "f"
    assert ops.max_pool2d(img)[0, 0] == 255


POOL_CASES = [(2, None), (2, 1), (3, 2), (3, 3), ((2, 3), (1, 2)), (1, 1), (4, 3)]


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("size,stride", POOL_CASES)
def test_pools_match_tensorflow(tf, size, stride, padding):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 11, 12, 3)).astype(np.float32)
    tf_stride = size if stride is None else stride
    for ours_fn, tf_fn in [(ops.max_pool2d, tf.nn.max_pool2d), (ops.avg_pool2d, tf.nn.avg_pool2d)]:
        ours = ours_fn(x, size, stride, padding)
        ref = tf_fn(x, ksize=size, strides=tf_stride, padding=padding.upper()).numpy()
        assert_close(ours, ref)
        # Versi 2-D sama dengan satu kanal dari versi NHWC.
        assert_close(ours_fn(x[0, :, :, 1], size, stride, padding), ours[0, :, :, 1])


@FAST
@given(data=st.data(), h=st.integers(1, 12), w=st.integers(1, 12),
       size=st.integers(1, 4), stride=st.integers(1, 4))
def test_pool_same_shape_and_max_bounds(data, h, w, size, stride):
    x = data.draw(hnp.arrays(np.float64, (h, w), elements=st.floats(-100, 100)))
    out = ops.max_pool2d(x, size, stride, "same")
    assert out.shape == (math.ceil(h / stride), math.ceil(w / stride))
    assert np.isfinite(out).all() and out.max() <= x.max()
    avg = ops.avg_pool2d(x, size, stride, "same")
    assert (avg <= out + 1e-9).all() and (avg >= x.min() - 1e-9).all()


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

IMG = np.ones((5, 5))
NAN_IMG = np.where(np.eye(5) > 0, np.nan, 1.0)

BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.max_pool2d(IMG, size=0), ValueError, "size"),
    (lambda: ops.max_pool2d(IMG, size=6), ValueError, "size"),
    (lambda: ops.max_pool2d(IMG, stride=0), ValueError, "stride"),
    (lambda: ops.max_pool2d(IMG, padding=1), ValueError, "padding"),
    (lambda: ops.avg_pool2d(IMG, padding="full"), ValueError, "padding"),
    (lambda: ops.avg_pool2d(NAN_IMG), ValueError, "x"),
    (lambda: ops.max_pool2d(np.ones((2, 3, 4)), 2), ValueError, "(2, 3, 4)"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
