"""Tes `saraf.widgets.window_view`: gambar dan kerangka bersama konvolusi dan pooling."""

from __future__ import annotations

import numpy as np
import pytest

from saraf.widgets import colors, conv_explorer, pool_explorer, svg
from saraf.widgets.conv_state import conv_state, pattern_image, preset_kernel
from saraf.widgets.pool_state import pool_state
from saraf.widgets.window_view import (StepPicture, WindowExplorer, cell_index, cell_size,
                                       input_grid, output_grid, selected_mark, shown_legend,
                                       where_html)

LEGEND = (("window", "jendela"), ("pad", "padding"), ("uncovered", "tak tercakup"))


def test_cell_size_fits_the_padded_input():
    assert cell_size(conv_state(pattern_image(7), np.ones((3, 3)))) == 42     # paling besar
    state = conv_state(np.zeros((28, 28)), np.ones((3, 3)), padding=1)
    assert cell_size(state) == np.floor(330 / 30) and cell_size(state, 300) == 10
    assert cell_size(conv_state(np.zeros((64, 64)), np.ones((3, 3)), padding=3)) == 6


def test_input_grid_labels_only_image_rows_and_columns():
    state = conv_state(pattern_image(7), np.ones((3, 3)), padding=1)
    grid = input_grid(state, 30)
    picture = grid.svg()
    assert (grid.rows, grid.cols) == (9, 9)
    assert "Masukan 7 × 7 + padding → 9 × 9" in picture
    assert picture.count(f'fill="{colors.PAD_FILL}"') == 9 * 9 - 7 * 7
    assert ">6</text>" in picture and ">7</text>" not in picture   # label 0–6 saja
    pooled = input_grid(pool_state(pattern_image(7), padding="same"), 30, pad_text="")
    assert "nan" not in pooled.svg().lower()


def test_output_grid_and_selected_mark():
    grid = output_grid(np.array([[1.0, -2.5]]), 30, "Peta fitur 1 × 2", colors.DIVERGING, -2.5,
                       2.5)
    picture = grid.svg([selected_mark((0, 1))])
    assert "Peta fitur 1 × 2" in picture and ">−2,5</text>" in picture
    x, y = grid.xy(0, 1)
    assert f'<rect x="{x + 1.75:.1f}" y="{y + 1.75:.1f}"' in picture


def test_where_html_and_legend_filter():
    state = conv_state(pattern_image(7), np.ones((3, 3)), stride=2, padding=1)
    window = state.window(5)                                     # baris 1, kolom 1
    assert ("jendela mulai di baris 1·2 = 2, kolom 1·2 = 2 pada masukan ber-padding."
            in where_html(state, window))
    assert shown_legend(LEGEND, state) == [("window", "jendela"), ("pad", "padding")]
    plain = conv_state(pattern_image(8), np.ones((3, 3)), stride=2)
    assert shown_legend(LEGEND, plain) == [("window", "jendela"), ("uncovered", "tak tercakup")]


def test_step_picture_stacks_rows_under_the_grids():
    state = conv_state(pattern_image(7), preset_kernel("tepi vertikal"))
    window = state.window(8)
    row = svg.text_lines(["hitungan"])
    picture = StepPicture(state, window, input_grid(state, 30).svg(),
                          output_grid(state.output, 30, "Peta").svg(), [row], LEGEND, "Langkah")
    assert picture.selected == (1, 3) and picture.value == state.output[1, 3] == -10
    assert repr(picture) == "Langkah: sel keluaran (1, 3) = −10 (gambar SVG)"
    assert ">hitungan</text>" in picture._repr_svg_() and ">→</text>" in picture._repr_svg_()


def test_conv_and_pool_share_the_same_frame():
    for explorer in (conv_explorer(), pool_explorer()):
        assert isinstance(explorer, WindowExplorer)
        header, body, info = explorer.children
        assert "Tekan ▶ untuk memutar." in header.value and info is explorer.info
        controls, pictures = body.children
        assert controls.children[0] is explorer.input_choice
        assert controls.children[-2] is explorer.cell
        assert list(pictures.children) == [explorer.picture, explorer.calc]
        assert explorer.formula_text.count("keluaran =") == 2


def test_cell_index_counts_row_by_row_and_checks_bounds():
    state = conv_state(pattern_image(7), np.ones((3, 3)))          # peta fitur 5 × 5
    assert cell_index(state, 0, 0) == 0 and cell_index(state, 1, 3) == 8
    assert state.window(cell_index(state, 4, 2)).cell == (4, 2)
    with pytest.raises(ValueError, match="`row` harus bilangan bulat dari 0 sampai 4"):
        cell_index(state, 5, 0)
    with pytest.raises(ValueError, match="Tidak ada keluaran"):
        cell_index(conv_state(pattern_image(3), np.ones((5, 5))), 0, 0)
