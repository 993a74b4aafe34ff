"""Tes `saraf.widgets.grid`: ukuran kisi, warna sel, angka, padding, arsiran, dan tanda."""

from __future__ import annotations

import re

import numpy as np
import pytest

from saraf.widgets import colors, svg
from saraf.widgets.grid import Grid, Mark


def cell_fills(picture: str) -> list[str]:
    """Warna isi setiap sel, urut baris demi baris."""
    return re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" '
                      r'fill="(#[0-9a-f]{6})"', picture)


def test_size_and_cell_positions():
    grid = Grid(np.zeros((2, 3)), cell=30)
    assert (grid.x0, grid.y0) == (1, 1)
    assert (grid.width, grid.height) == (1 + 90 + 2, 1 + 60 + 2)
    assert grid.xy(1, 2) == (61, 31)
    labelled = Grid(np.zeros((2, 3)), cell=30, row_labels=["a", "b"], title="Judul")
    assert (labelled.x0, labelled.y0) == (17, 20 + 16 + 1)
    assert svg.size_of(labelled.svg()) == (round(labelled.width), round(labelled.height))


def test_long_title_widens_the_grid():
    title = "Masukan 7 × 7 + padding → 9 × 9"
    grid = Grid(np.zeros((1, 1)), cell=20, title=title)
    assert grid.width >= grid.x0 + svg.text_width(title, 13, bold=True)


def test_cell_colors_come_from_the_colormap():
    values = np.array([[-2.0, 0.0], [1.0, 2.0]])
    picture = Grid(values, cmap=colors.DIVERGING, vmin=-2, vmax=2, numbers=False).svg()
    fills, _ = colors.value_colors(values, colors.DIVERGING, -2, 2)
    assert cell_fills(picture) == list(np.ravel(fills))


def test_numbers_use_decimal_comma_and_contrasting_ink():
    picture = Grid(np.array([[0.5, -3.0], [255.0, 1 / 9]]), cell=40, vmin=0, vmax=255).svg()
    texts = re.findall(r'fill="(#[0-9a-f]{6})">([^<]+)</text>', picture)
    assert [t for _, t in texts] == ["0,5", "−3", "255", "0,11"]
    assert dict((t, ink) for ink, t in texts)["255"] == colors.TEXT   # putih: teks gelap
    assert dict((t, ink) for ink, t in texts)["0,5"] == colors.WHITE  # hitam: teks putih


def test_numbers_shrink_to_fit_and_hide_in_small_cells():
    picture = Grid(np.array([[-123.45]]), cell=30, numbers=True).svg()
    size = float(re.search(r'font-size="([\d.]+)" text-anchor', picture).group(1))
    assert svg.text_width("−123,45", size) <= 30 - 4 + 0.1
    assert "</text>" not in Grid(np.ones((3, 3)), cell=12).svg()       # otomatis: tanpa angka
    assert "</text>" in Grid(np.ones((3, 3)), cell=30).svg()


def test_padding_and_uncovered_cells():
    pad = np.array([[True, False]])
    picture = Grid(np.zeros((1, 2)), cell=30, pad_mask=pad, pad_text="0",
                   dim_mask=np.array([[False, True]])).svg()
    assert picture.count(f'fill="{colors.PAD_FILL}"') == 1
    assert picture.count(f'fill="{colors.UNCOVERED}" fill-opacity="0.22"') == 1
    assert f'fill="{colors.MUTED}">0</text>' in picture     # angka padding: abu-abu


def test_marks_draw_boxes_at_the_right_place():
    grid = Grid(np.zeros((4, 4)), cell=20)
    block = grid.svg([Mark(block=(1, 2, 2, 2), width=3.5, dash="5,3")])
    assert '<rect x="41.0" y="21.0" width="40.0" height="40.0" fill="none" ' \
           f'stroke="{colors.HIGHLIGHT}" stroke-width="3.5" stroke-dasharray="5,3"/>' in block
    cell = grid.svg([Mark(cells=((0, 0),), width=2.0, fill_opacity=0.4)])
    assert '<rect x="2.0" y="2.0" width="18.0" height="18.0" ' \
           f'fill="{colors.HIGHLIGHT}" fill-opacity="0.4"' in cell
    assert grid.svg() != cell                                 # isi yang sama, tanda berbeda


def test_values_must_be_2d():
    with pytest.raises(ValueError, match="`values` harus array 2-D"):
        Grid(np.zeros(3))
