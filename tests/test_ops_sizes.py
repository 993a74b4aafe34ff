"""Uji untuk `saraf.ops.sizes`: output_size, same_padding, dan pad2d."""

import numpy as np
import pytest

from _ops_testing import check_bad_input
from saraf import ops


def test_output_size_textbook():
    assert ops.output_size(28, 3, stride=2, padding=1) == 14
    assert ops.output_size(28, 3) == 26
    assert ops.output_size(5, 3, padding=1) == 5
    assert ops.output_size(7, 3, dilation=2) == 3  # kernel efektif 5
    assert ops.output_size(4, 4) == 1


def test_same_padding_known_values():
    assert ops.same_padding(28, 3, stride=2) == (0, 1)  # asimetris: kelebihan di bawah
    assert ops.same_padding(5, 3) == (1, 1)
    assert ops.same_padding(6, 4) == (1, 2)
    assert ops.same_padding(7, 3, dilation=2) == (2, 2)
    assert ops.same_padding(4, 1, stride=3) == (0, 0)


def test_pad2d_formats():
    x = np.arange(6).reshape(2, 3)
    np.testing.assert_array_equal(ops.pad2d(x, 1), np.pad(x, 1))
    np.testing.assert_array_equal(ops.pad2d(x, (1, 2, 3, 4)), np.pad(x, ((1, 2), (3, 4))))
    np.testing.assert_array_equal(ops.pad2d(x, ((0, 1), (2, 0)), value=7),
                                  np.pad(x, ((0, 1), (2, 0)), constant_values=7))
    np.testing.assert_array_equal(ops.pad2d(x, (1, 2)), np.pad(x, ((1, 1), (2, 2))))
    batch = np.ones((2, 3, 4, 5))
    assert ops.pad2d(batch, (1, 2, 3, 4)).shape == (2, 6, 11, 5)  # hanya H dan W
    img = np.full((2, 2), 255, dtype=np.uint8)
    assert ops.pad2d(img, 1).dtype == np.uint8
    padded = ops.pad2d(img, 1, value=-np.inf)  # −inf tidak muat di uint8 → float
    assert padded.dtype == np.float64 and padded[0, 0] == -np.inf and padded[1, 1] == 255


def test_pad2d_bool_becomes_uint8_and_float_value_promotes():
    mask = np.array([[True, False]])
    padded = ops.pad2d(mask, 1)
    assert padded.dtype == np.uint8 and padded[1, 1] == 1 and padded.sum() == 1
    assert ops.pad2d(np.ones((1, 1), np.uint8), 1, value=0.5).dtype == np.float64


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

IMG = np.ones((5, 5))

BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.output_size(5, 3, stride=0), ValueError, "stride"),
    (lambda: ops.output_size(5, 3, padding=-1), ValueError, "padding"),
    (lambda: ops.output_size(3, 5), ValueError, "kernel"),
    (lambda: ops.output_size(5, 3, dilation=0), ValueError, "dilation"),
    (lambda: ops.output_size(5.5, 3), ValueError, "n"),
    (lambda: ops.output_size("5", 3), TypeError, "n"),
    (lambda: ops.same_padding(5, 3, stride=0), ValueError, "stride"),
    (lambda: ops.pad2d(IMG, -1), ValueError, "padding"),
    (lambda: ops.pad2d(IMG, "same"), ValueError, "padding"),
    (lambda: ops.pad2d(np.ones(3), 1), ValueError, "x"),
    (lambda: ops.pad2d(IMG, 1, value="nol"), TypeError, "value"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    check_bad_input(call, error, param)
