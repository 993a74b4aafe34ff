"""Tes `saraf.widgets.window_state`: jendela geser, sel tak tercakup, dan teksnya."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import ops
from saraf.widgets.window_state import (MAX_SIDE, WindowState, check_image, floor_steps,
                                        is_rounded, ranges_text, uncovered, uncovered_mask,
                                        uncovered_text, value_limits)


def make_state(n=8, k=3, s=2, d=1, pad=0):
    image = np.arange(n * n, dtype=float).reshape(n, n)
    padded = ops.pad2d(image, pad)
    out = ops.output_size(n, k, s, pad, d)
    state = WindowState(image, k, s, d, ((pad, pad), (pad, pad)), padded,
                        ops.pad2d(np.zeros((n, n)), pad, value=1).astype(bool),
                        np.zeros((out, out)), (), "", [], [])
    state.uncovered_rows = uncovered(n + 2 * pad, k, s, d, out)
    state.uncovered_cols = list(state.uncovered_rows)
    return state


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 20), k=st.integers(1, 5), s=st.integers(1, 4), d=st.integers(1, 3))
def test_uncovered_is_what_no_window_touches(n, k, s, d):
    if d * (k - 1) + 1 > n:
        return
    n_out = ops.output_size(n, k, s, 0, d)
    touched = {i * s + a * d for i in range(n_out) for a in range(k)}
    assert uncovered(n, k, s, d, n_out) == [i for i in range(n) if i not in touched]


def test_window_takes_every_dth_cell_and_matches_ops():
    state = make_state(n=9, k=3, s=2, d=2)
    kernel = np.arange(9.0).reshape(3, 3)
    expected = ops.conv2d(state.image, kernel, stride=2, dilation=2)
    assert state.out_shape == expected.shape == (3, 3) and state.effective == 5
    for index in range(9):
        window = state.window(index)
        assert window.cell == divmod(index, 3)
        assert window.origin == (2 * window.cell[0], 2 * window.cell[1])
        top, left = window.origin
        assert window.cells[:3] == [(top, left), (top, left + 2), (top, left + 4)]
        assert np.sum(window.patch * kernel) == expected[window.cell]


def test_dim_mask_marks_uncovered_rows_and_columns():
    state = make_state(n=8, k=3, s=2)
    assert state.uncovered_rows == [7]
    mask = state.dim_mask
    assert mask[7].all() and mask[:, 7].all() and mask.sum() == 8 + 8 - 1
    assert uncovered_mask((3, 3), [], []) is None


def test_uncovered_text_explains_remainder_and_gaps():
    text = uncovered_text(make_state(n=8, k=3, s=2), axis=0)
    assert text.startswith("Tinggi: 8 − 3 = 5 tidak habis dibagi stride 2 (sisa 1)")
    assert "baris 7 pada gambar tidak pernah tercakup" in text and "memengaruhi peta fitur" in text
    gaps = uncovered_text(make_state(n=7, k=1, s=3), axis=1)
    assert gaps.startswith("Lebar: jendela melompati kolom 1, 2, 4, dan 5 pada gambar karena "
                           "stride 3 lebih besar daripada lebar jendela 1.")
    only_pad = make_state(n=7, k=2, s=2, pad=1)
    assert "hanya padding" in uncovered_text(only_pad, axis=0)


def test_texts():
    assert ranges_text([0, 1, 2, 5, 7]) == "0–2, 5, dan 7"
    assert ranges_text([3, 4]) == "3 dan 4" and ranges_text([6]) == "6"
    assert floor_steps(6, 2) == "⌊6 / 2⌋ + 1 = 3 + 1 = 4"
    assert floor_steps(5, 2) == "⌊5 / 2⌋ + 1 = ⌊2,5⌋ + 1 = 2 + 1 = 3"
    assert floor_steps(-1, 2) == "⌊−1 / 2⌋ + 1 = ⌊−0,5⌋ + 1 = −1 + 1 = 0"
    assert is_rounded(1 / 3) and not is_rounded(0.25) and not is_rounded(0.125, 3)


def test_value_limits_pick_the_gray_range():
    assert value_limits(np.array([[0, 9]])) == (0.0, 9.0)       # pola kecil: 0–9
    assert value_limits(np.array([[0, 80]])) == (0.0, 255.0)    # piksel asli: 0–255
    assert value_limits(np.array([[-2.0, 0.5]])) == (-2.0, 0.5)
    assert value_limits(np.zeros((2, 2))) == (0.0, 1.0)


def test_check_image():
    assert check_image(np.zeros((4, 5, 1))).shape == (4, 5)
    with pytest.raises(ValueError, match=f"`image` harus berukuran 1 sampai {MAX_SIDE} piksel"):
        check_image(np.zeros((MAX_SIDE + 1, 3)))
    with pytest.raises(ValueError, match="`image` harus satu gambar grayscale"):
        check_image(np.zeros((3, 3, 3)))
    with pytest.raises(TypeError, match="`image`"):
        check_image([["a", "b"]])
