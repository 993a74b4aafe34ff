"""Tes `saraf.widgets.pool_state`: keadaan penjelajah pooling dibandingkan dengan saraf.ops."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import ops
from saraf.widgets.pool_state import (calc_text, check_mode, check_pool_padding, max_position,
                                      pool_formula, pool_pattern, pool_state)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 12), k=st.integers(1, 4), s=st.integers(1, 4),
       padding=st.sampled_from(["valid", "same"]), mode=st.sampled_from(["max", "avg"]))
def test_state_matches_ops(n, k, s, padding, mode):
    image = pool_pattern(n)
    state = pool_state(image, mode, k, s, padding)
    if padding == "valid" and k > n:
        assert state.output is None and "Tidak ada keluaran" in state.message
        return
    pool = ops.max_pool2d if mode == "max" else ops.avg_pool2d
    np.testing.assert_allclose(state.output, pool(image, k, s, padding))
    expected = ops.output_size(n, k, s) if padding == "valid" else -(-n // s)
    assert state.output.shape == (expected, expected)
    assert np.isnan(state.padded[state.pad_mask]).all()   # padding tidak ikut dihitung
    for index in range(state.n_cells):
        window = state.window(index)
        values = window.patch[~np.isnan(window.patch)]
        reduce = np.max if mode == "max" else np.mean
        assert reduce(values) == pytest.approx(state.output[window.cell])


def test_formulas():
    assert pool_formula("tinggi", 7, 2, 2, "valid") == (
        "tinggi keluaran = ⌊(n − k) / s⌋ + 1 = ⌊(7 − 2) / 2⌋ + 1 = ⌊5 / 2⌋ + 1 = ⌊2,5⌋ + 1 = "
        "2 + 1 = 3")
    assert pool_formula("lebar", 7, 3, 2, "same") == (
        "lebar keluaran = ⌈n / s⌉ = ⌈7 / 2⌉ = ⌈3,5⌉ = 4; padding total = "
        "max((4 − 1)·2 + 3 − 7, 0) = 2 → kiri 1, kanan 1")
    assert pool_formula("tinggi", 3, 4, 4, "valid").endswith("→ tidak ada keluaran (harus ≥ 1)")


def test_calc_text_and_max_position():
    state = pool_state(np.array([[1, 3], [4, 6]]), "max")
    patch = state.window(0).patch
    assert calc_text(state, patch) == "max(1, 3, 4, 6) = 6" and max_position(patch) == (1, 1)
    state = pool_state(np.array([[1, 3], [4, 6]]), "avg")
    assert calc_text(state, patch) == "(1 + 3 + 4 + 6) / 4 = 3,5"
    third = pool_state(np.array([[1.0, 0.0, 0.0]]), "avg", size=1)
    assert calc_text(third, np.array([[1.0, 0.0, np.nan]])) == (
        "(1 + 0) / 2 = 0,5  (1 sel padding tidak ikut dihitung)")
    assert calc_text(third, np.array([[1.0, 0.0, 0.0]])) == "(1 + 0 + 0) / 3 ≈ 0,33"
    assert max_position(np.array([[np.nan, -5.0], [-7.0, np.nan]])) == (0, 1)


def test_checks_and_pattern():
    assert check_mode("average") == check_mode("rata-rata") == check_mode("mean") == "avg"
    with pytest.raises(ValueError, match="`mode` harus 'max' atau 'avg'"):
        check_mode("min")
    assert check_pool_padding("SAME") == "same"
    with pytest.raises(ValueError, match="`padding` harus 'valid' atau 'same'"):
        check_pool_padding(1)
    a = pool_pattern(6)
    a[0, 0] = 99                                     # salinan: pola asli tidak berubah
    assert pool_pattern(6)[0, 0] != 99
    np.testing.assert_array_equal(pool_pattern(6), pool_pattern(6))
    assert pool_pattern(6).min() >= 0 and pool_pattern(6).max() <= 9
