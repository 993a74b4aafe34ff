"""Tes `saraf.widgets.colors`: warna dari peta warna matplotlib, teks yang kontras."""

from __future__ import annotations

import matplotlib
import matplotlib.colors as mcolors
import numpy as np
import pytest

from saraf.widgets import colors


def reference_hex(cmap: str, fraction: float) -> str:
    """Warna matplotlib pada tingkat ke-⌊fraction·255⌋ dari 256 tingkat."""
    level = int(fraction * 255)
    rgb = np.rint(np.array(matplotlib.colormaps[cmap](level / 255)[:3]) * 255)
    return colors.to_hex(rgb)


def test_gray_runs_from_black_to_white():
    fills, inks = colors.value_colors([0.0, 4.5, 9.0], colors.GRAY, 0, 9)
    assert list(fills) == ["#000000", reference_hex("gray", 0.5), "#ffffff"]
    assert list(inks) == [colors.WHITE, colors.WHITE, colors.TEXT]


@pytest.mark.parametrize("value", [-2.0, -0.7, 0.0, 0.3, 2.0])
def test_diverging_colors_come_from_matplotlib(value):
    fills, _ = colors.value_colors([value], colors.DIVERGING, -2.0, 2.0)
    assert fills[0] == reference_hex("RdBu_r", (value + 2.0) / 4.0)


def test_diverging_is_blue_for_negative_and_red_for_positive():
    (low, mid, high), _ = colors.value_colors([-1, 0, 1], colors.DIVERGING, -1, 1)
    r, g, b = mcolors.to_rgb(low)
    assert b > r                                   # biru
    r, g, b = mcolors.to_rgb(high)
    assert r > b                                   # merah
    assert min(mcolors.to_rgb(mid)) > 0.95         # hampir putih


def test_default_limits_are_the_data_range_and_nan_is_the_lowest_color():
    fills, _ = colors.value_colors([[3.0, 5.0], [np.nan, 4.0]])
    assert fills[0, 0] == "#000000" and fills[0, 1] == "#ffffff" and fills[1, 0] == "#000000"
    fills, _ = colors.value_colors([7.0, 7.0])     # rentang nol: tidak membagi dengan nol
    assert fills[0] == fills[1]


def contrast(a, b) -> float:
    la, lb = (colors._luminance(np.array(mcolors.to_rgb(c)) * 255) for c in (a, b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.mark.parametrize("cmap", [colors.GRAY, colors.DIVERGING])
def test_text_color_is_the_more_readable_one(cmap):
    _, hexes, inks = colors.color_table(cmap)
    for fill, ink in zip(hexes, inks):
        other = colors.TEXT if ink == colors.WHITE else colors.WHITE
        assert contrast(fill, ink) >= contrast(fill, other)


def test_lighten_mixes_with_white():
    dark = colors.value_rgb([0.0], colors.DIVERGING, 0, 1)[0].astype(int)
    half = colors.value_rgb([0.0], colors.DIVERGING, 0, 1, lighten=0.5)[0].astype(int)
    white = colors.value_rgb([0.0], colors.DIVERGING, 0, 1, lighten=1.0)[0]
    assert list(white) == [255, 255, 255]
    assert np.all(np.abs(half - (dark + 255) / 2) <= 0.5)


def test_to_hex():
    assert colors.to_hex((43, 147, 72)) == colors.HIGHLIGHT
