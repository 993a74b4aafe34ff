"""Penjelajah pooling (pelajaran 05): max pooling dan average pooling, jendela demi jendela.

``pool_explorer()`` memakai bahasa visual yang sama dengan penjelajah konvolusi: masukan
(dengan padding bila ``'same'``) dan jendela saat ini, perhitungan max atau rata-rata yang
ditulis lengkap, peta keluaran dengan sel yang sedang dihitung, dan rumus ukuran keluaran
yang diisi angka saat ini. ``pool_step(...)`` menggambar satu langkah sebagai SVG statis.

Angka dan teksnya dihitung di :mod:`saraf.widgets.pool_state` (tanpa widget); modul ini
hanya menyusun kontrol dan gambarnya.
"""

from __future__ import annotations

import numpy as np

from saraf.formatting import thousands
from saraf.validation import as_int
from saraf.widgets import svg
from saraf.widgets.controls import Form, SourceMenu
from saraf.widgets.grid import Grid, Mark
from saraf.widgets.pool_state import (MODES, PoolState, calc_text, check_mode,
                                      check_pool_padding, max_position, pool_pattern,
                                      pool_state)
from saraf.widgets.window_view import (StepPicture, WindowExplorer, cell_index, cell_size,
                                       input_grid, output_grid, selected_mark, where_html)
from saraf.widgets.window_state import check_image, value_limits

__all__ = ["pool_explorer", "pool_step", "PoolExplorer", "PoolStep", "pool_pattern"]

MAX_POOL, MAX_STRIDE = 4, 4
LEGEND = {"max": (("window", "jendela / sel keluaran yang dihitung"),
                  ("max", "nilai terbesar di jendela"),
                  ("pad", "padding (diabaikan)"),
                  ("uncovered", "tidak pernah tercakup jendela")),
          "avg": (("window", "jendela / sel keluaran yang dihitung"),
                  ("pad", "padding (tidak ikut dirata-rata)"),
                  ("uncovered", "tidak pernah tercakup jendela"))}


# ---------------------------------------------------------------------------
# Gambar
# ---------------------------------------------------------------------------

def result_grid(state: PoolState, cell: float) -> Grid:
    vmin, vmax = value_limits(state.image)
    h, w = state.output.shape
    return output_grid(state.output, cell, f"Keluaran {h} × {w}", vmin=vmin, vmax=vmax)


def window_marks(state: PoolState, window) -> list:
    """Kotak jendela; untuk max pooling juga sel nilai terbesarnya (diisi hijau)."""
    top, left = window.origin
    marks = [Mark(block=(top, left, state.size, state.size), width=3.5, fill_opacity=0.12)]
    if state.mode == "max":
        a, b = max_position(window.patch)
        marks.append(Mark(cells=((top + a, left + b),), width=1.5, fill_opacity=0.45))
    return marks


def patch_svg(state: PoolState, patch) -> str:
    """Isi jendela dalam sel besar (padding kosong); nilai terbesar ditandai bila max."""
    vmin, vmax = value_limits(state.image)
    grid = Grid(np.nan_to_num(patch), cell=40, vmin=vmin, vmax=vmax, numbers=True,
                pad_mask=np.isnan(patch), pad_text="", title="Jendela")
    marks = ([Mark(cells=(max_position(patch),), width=2.5, fill_opacity=0.45)]
             if state.mode == "max" else [])
    return grid.svg(marks)


class PoolStep(StepPicture):
    """Gambar statis satu langkah pooling (SVG)."""

    def __init__(self, state: PoolState, index: int):
        window = state.window(index)
        self.calc_text = calc_text(state, window.patch)
        cell = cell_size(state, 300)
        (i, j) = window.cell
        text = svg.text_lines([f"{MODES[state.mode].capitalize()}, sel keluaran baris {i}, "
                               f"kolom {j}:", "  " + self.calc_text], mono=True,
                              bold_first=True)
        super().__init__(state, window,
                         input_grid(state, cell, pad_text="").svg(window_marks(state, window)),
                         result_grid(state, cell).svg([selected_mark(window.cell)]),
                         [text], LEGEND[state.mode], "Langkah pooling")


def pool_step(image, mode="max", size=2, stride=None, padding="valid", row=0, col=0) -> PoolStep:
    """Gambar satu langkah pooling: jendela di masukan, perhitungannya, dan sel keluaran."""
    state = pool_state(image, mode, size, stride, padding)
    return PoolStep(state, cell_index(state, row, col))


# ---------------------------------------------------------------------------
# Widget
# ---------------------------------------------------------------------------

class PoolExplorer(WindowExplorer):
    """Penjelajah pooling. Buat dengan :func:`pool_explorer`.

    ``calc_text`` adalah hitungan max atau rata-rata sel terpilih.
    """

    title = "Penjelajah Pooling"
    intro = ("jendela (kotak hijau) digeser di atas masukan; setiap posisi diringkas menjadi "
             "satu angka (nilai terbesar atau rata-rata).")
    pad_text = ""

    def __init__(self, image=None, mode="max", size=2, stride=None, padding="valid",
                 source=None, pattern_size=6):
        user_image = None if image is None else check_image(image)
        mode = check_mode(mode)
        size = as_int("size", size, 1, MAX_POOL)
        stride = size if stride is None else as_int("stride", stride, 1, MAX_STRIDE)
        padding = check_pool_padding(padding)
        form = Form()
        source_menu = SourceMenu(form, pool_pattern, as_int("pattern_size", pattern_size, 2, 12),
                                 (2, 12), user_image, source)
        mode_row, self.mode = form.toggles("Mode", [("max", "max"), ("rata-rata", "avg")], mode)
        self.pool_size = form.int_slider("Ukuran pool k", size, 1, MAX_POOL)
        self.stride = form.int_slider("Stride s", stride, 1, MAX_STRIDE)
        padding_row, self.padding = form.toggles("Padding", [("valid", "valid"),
                                                             ("same", "same")], padding)
        settings = [self.mode, self.pool_size, self.stride, self.padding]
        super().__init__(form, source_menu, settings,
                         [mode_row, self.pool_size, self.stride, padding_row],
                         window_marks=window_marks, output_grid=result_grid)

    def __repr__(self) -> str:
        return "Penjelajah pooling (jalankan sel di JupyterLab untuk memakainya)"

    @property
    def legend_items(self):
        return LEGEND[self.mode.value]

    def _state(self) -> PoolState:
        return pool_state(self.image, self.mode.value, self.pool_size.value, self.stride.value,
                          self.padding.value)

    def _show_window(self, window, marked_input, marked_output):
        state = self.state
        self.calc_text = calc_text(state, window.patch)
        arrow = svg.symbol("→", self._input_grid.height)
        self.picture.value = svg.to_html(marked_input, arrow, marked_output, gap=8, wrap=False)
        result = (f"<div style='font-size:18px;font-family:{svg.MONO}'>"
                  f"{svg.escape(self.calc_text)}</div>")
        self.calc.value = where_html(state, window) + svg.to_html(
            patch_svg(state, window.patch), result, gap=14, align="center")

    def _shape_html(self) -> str:
        state = self.state
        if state.output is None:
            return "Keluaran: <b>tidak ada</b>."
        (h, w), (oh, ow) = state.image.shape, state.output.shape
        return (f"{MODES[state.mode].capitalize()} {state.size} × {state.size}, stride "
                f"{state.stride}, padding '{state.padding}': {h} × {w} → <b>{oh} × {ow}</b> "
                f"({thousands(h * w)} angka → {thousands(oh * ow)} angka).")


def pool_explorer(image=None, mode: str = "max", size: int = 2, stride: int | None = None,
                  padding: str = "valid", source: str | None = None,
                  pattern_size: int = 6) -> PoolExplorer:
    """Membuat penjelajah pooling.

    Parameter
    ---------
    image : array 2-D (opsional), paling besar 64 × 64; muncul sebagai "Gambar Anda".
    mode : ``"max"`` atau ``"avg"`` (average pooling)
    size : ukuran jendela pool, 1–4
    stride : 1–4, bawaan sama dengan ``size`` (seperti Keras)
    padding : ``"valid"`` atau ``"same"``
    source : ``"pola"``, ``"mnist"``, ``"fashion"``, atau ``"gambar"``
    pattern_size : sisi pola kecil, 2–12
    """
    return PoolExplorer(image=image, mode=mode, size=size, stride=stride, padding=padding,
                        source=source, pattern_size=pattern_size)
