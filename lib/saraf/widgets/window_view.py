"""Tampilan bersama penjelajah konvolusi dan pooling: gambar SVG dan kerangka widget.

Keduanya menggambar hal yang sama dengan cara yang sama: masukan ber-padding dengan
jendela hijau, panah, peta keluaran dengan sel terpilih, dan (untuk gambar statis
``conv_step``/``pool_step``, :class:`StepPicture`) baris-baris hitungan serta legenda.

:class:`WindowExplorer` adalah kerangka widget keduanya. Tata letaknya selalu sama: judul,
kolom kontrol di kiri (Masukan, pengaturan, Sel keluaran dengan tombol Putar), gambar dan
hitungan di kanan, rumus ukuran keluaran di bawah. Setiap perubahan kontrol menjalankan
satu siklus:

1. ``_recompute``: keadaan baru dari modul state (``conv_state``/``pool_state``), kisi
   masukan dan keluaran disusun ulang, batas slider Sel keluaran disesuaikan;
2. ``_render_cell``: jendela untuk sel keluaran yang dipilih digambar, dengan hitungannya;
3. ``_render_info``: ukuran keluaran, rumus yang diisi angka, dan pesan penjelasan.

Subkelas (:class:`saraf.widgets.conv.ConvExplorer`, :class:`saraf.widgets.pool.PoolExplorer`)
mengisi bagian yang berbeda: ``_state()``, ``_show_window(...)``, dan ``_shape_html()``,
dan memberikan cara menggambar tanda jendela dan peta keluarannya.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from saraf.formatting import decimal
from saraf.validation import as_int
from saraf.widgets import svg
from saraf.widgets.colors import GRAY
from saraf.widgets.controls import (CellPlayer, Form, SourceMenu, escaped_lines, message_box,
                                    watch)
from saraf.widgets.grid import Grid, Mark
from saraf.widgets.window_state import Window, WindowState, value_limits

__all__ = ["PICTURE_WIDTH", "cell_size", "input_grid", "output_grid", "selected_mark",
           "where_html", "shown_legend", "cell_index", "StepPicture", "WindowExplorer"]

PICTURE_WIDTH = 330  # lebar target gambar masukan di penjelajah (piksel layar)


def cell_size(state: WindowState, width: float = PICTURE_WIDTH) -> float:
    """Ukuran sel (6–42 piksel) agar masukan ber-padding kira-kira selebar ``width``."""
    return float(np.clip(np.floor(width / max(state.padded.shape)), 6, 42))


def _fits(values, cell: float, max_chars: int) -> bool:
    """Angka ditulis di sel bila selnya ≥ 24 piksel dan angkanya pendek."""
    return cell >= 24 and max(len(decimal(v)) for v in np.ravel(values)) <= max_chars


def input_grid(state: WindowState, cell: float, pad_text: str = "0") -> Grid:
    """Masukan ber-padding: nomor baris/kolom gambar asli, padding, sel tak tercakup."""
    (top, _), (left, _) = state.pad
    h, w = state.image.shape
    hp, wp = state.padded.shape
    rows = [str(r - top) if top <= r < top + h else "" for r in range(hp)]
    cols = [str(c - left) if left <= c < left + w else "" for c in range(wp)]
    vmin, vmax = value_limits(state.image)
    title = f"Masukan {h} × {w}"
    if state.pad_mask.any():
        title += f" + padding → {hp} × {wp}"
    return Grid(np.nan_to_num(state.padded), cell=cell, cmap=GRAY, vmin=vmin, vmax=vmax,
                numbers=_fits(state.image, cell, 4), pad_mask=state.pad_mask,
                pad_text=pad_text, dim_mask=state.dim_mask, row_labels=rows, col_labels=cols,
                title=title)


def output_grid(values, cell: float, title: str, cmap: str = GRAY, vmin=None,
                vmax=None) -> Grid:
    """Peta keluaran dengan nomor baris dan kolom."""
    return Grid(values, cell=cell, cmap=cmap, vmin=vmin, vmax=vmax,
                numbers=_fits(values, cell, 5),
                row_labels=[str(i) for i in range(values.shape[0])],
                col_labels=[str(j) for j in range(values.shape[1])], title=title)


def selected_mark(cell) -> Mark:
    """Kotak hijau di sel keluaran yang sedang dihitung."""
    return Mark(cells=(tuple(cell),), width=3.5, fill_opacity=0.12)


def where_html(state: WindowState, window: Window) -> str:
    """'Sel keluaran baris i, kolom j ← jendela mulai di baris i·s = …, kolom j·s = …'."""
    (i, j), s = window.cell, state.stride
    return (f"<div style='margin-top:6px;font-size:14px'>Sel keluaran <b>baris {i}, kolom "
            f"{j}</b> ← jendela mulai di baris {i}·{s} = {i * s}, kolom {j}·{s} = {j * s}"
            + (" pada masukan ber-padding." if state.pad_mask.any() else ".") + "</div>")


def shown_legend(items, state: WindowState) -> list:
    """Butir legenda yang tampak di gambar ini saja (padding/tak tercakup bila ada)."""
    return [(kind, label) for kind, label in items
            if (kind != "uncovered" or state.dim_mask is not None)
            and (kind != "pad" or state.pad_mask.any())]


def cell_index(state: WindowState, row, col) -> int:
    """Nomor sel keluaran (baris, kolom), dihitung baris demi baris, untuk gambar statis.

    Bila jendela tidak muat satu kali pun, ``ValueError`` berisi penjelasan keadaannya.
    """
    if state.output is None:
        raise ValueError(state.message)
    out_h, out_w = state.output.shape
    return as_int("row", row, 0, out_h - 1) * out_w + as_int("col", col, 0, out_w - 1)


class StepPicture:
    """Gambar statis satu langkah (SVG): masukan → keluaran, lalu baris-baris di bawahnya.

    ``input_svg``/``output_svg``: kedua kisi yang sudah bertanda; ``rows``: SVG lain
    (hitungan, teks) yang ditumpuk di bawahnya, lalu legenda ``legend_items``.
    """

    def __init__(self, state: WindowState, window: Window, input_svg: str, output_svg: str,
                 rows, legend_items, description: str):
        self.state, self.output = state, state.output
        self.selected, self.window, self.window_cells = window.cell, window.origin, window.cells
        self.patch = window.patch
        self.value = float(state.output[window.cell])
        self._description = description
        arrow = svg.symbol("→", svg.size_of(input_svg)[1])
        top = svg.hstack([input_svg, arrow, output_svg], gap=10)
        legend = svg.legend(shown_legend(legend_items, state))
        self._svg = svg.vstack([top, *rows, legend], gap=14)

    def _repr_svg_(self) -> str:
        return self._svg

    def __repr__(self) -> str:
        i, j = self.selected
        return (f"{self._description}: sel keluaran ({i}, {j}) = {decimal(self.value)} "
                f"(gambar SVG)")


class WindowExplorer(widgets.VBox):
    """Penjelajah jendela geser; buat lewat ``conv_explorer()`` atau ``pool_explorer()``.

    Keadaan yang sedang ditampilkan tersedia sebagai atribut agar dapat diuji tanpa
    peramban: ``state``, ``image``, ``padded``, ``pad``, ``output``, ``out_shape``,
    ``formula_text``, ``message``, ``selected``, ``window``, ``window_cells``, ``value``,
    ``calc_text`` (hitungan sel terpilih).
    """

    title = ""        # judul tebal di atas penjelajah
    intro = ""        # kalimat sesudah judul
    legend_items = ()
    pad_text = "0"    # teks di sel padding kisi masukan

    def __init__(self, form: Form, source: SourceMenu, settings, extra_controls, *,
                 window_marks, output_grid):
        """``settings``: kontrol yang mengubah keadaan; ``extra_controls``: widget lain di
        kolom kontrol (sesudah Masukan, sebelum Sel keluaran), sesuai urutan tampilnya;
        ``window_marks(state, window)``: tanda jendela di kisi masukan;
        ``output_grid(state, cell)``: kisi peta keluaran."""
        self._busy = False
        self._window_marks, self._draw_output = window_marks, output_grid
        self.source = source
        self.input_choice, self.input_size = source.choice, source.size
        self.player = CellPlayer(form)
        self.cell, self.play, self.cell_label = self.player.slider, self.player.play, \
            self.player.label
        controls = widgets.VBox(
            [self.input_choice, self.input_size, *extra_controls, self.cell, self.player.row],
            layout=widgets.Layout(width="320px", min_width="320px"))
        self.picture, self.calc, self.info = widgets.HTML(), widgets.HTML(), widgets.HTML()
        pictures = widgets.VBox([self.picture, self.calc],
                                layout=widgets.Layout(flex="1 1 auto", margin="0 0 0 16px"))
        header = widgets.HTML(f"<div style='font-size:16px'><b>{self.title}</b> — "
                              f"{self.intro} Tekan ▶ untuk memutar.</div>")
        super().__init__([header, widgets.HBox([controls, pictures]), self.info])
        self._recompute()
        watch([self.input_choice, self.input_size, *settings], self._on_settings)
        watch([self.cell], self._on_cell)

    def _on_settings(self, change):
        if not self._busy:
            self._recompute()

    def _on_cell(self, change):
        if not self._busy:
            self._render_cell()

    def _recompute(self):
        self.image = self.source.image()
        state = self.state = self._state()
        self.padded, self.pad = state.padded, state.pad
        self.output, self.out_shape = state.output, state.out_shape
        self.formula_text = "\n".join(state.formula_lines)
        self.message = state.message
        self._cell_px = cell_size(state)
        self._input_grid = input_grid(state, self._cell_px, self.pad_text)
        self._busy = True  # slider Sel keluaran berubah di sini: jangan menggambar dua kali
        try:
            self.player.set_count(state.n_cells)
        finally:
            self._busy = False
        self._output_grid = self._draw_output(state, self._cell_px) if state.n_cells else None
        self._render_info()
        self._render_cell()

    def _render_cell(self):
        state = self.state
        if state.output is None:
            self.selected = self.window = self.value = None
            self.window_cells, self.calc_text = [], ""
            self.cell_label.value = ""
            self.picture.value = svg.to_html(self._input_grid.svg())
            self.calc.value = message_box(escaped_lines(state.message), "error")
            return
        window = state.window(self.cell.value)
        (i, j) = self.selected = window.cell
        self.window, self.window_cells = window.origin, window.cells
        self.value = float(state.output[i, j])
        self.cell_label.value = f"baris {i}, kolom {j}"
        marked_input = self._input_grid.svg(self._window_marks(state, window))
        marked_output = self._output_grid.svg([selected_mark(window.cell)])
        self._show_window(window, marked_input, marked_output)

    def _render_info(self):
        state = self.state
        lines = "".join(f"<div style='font-family:{svg.MONO};font-size:14px'>"
                        f"{svg.escape(line)}</div>" for line in state.formula_lines)
        shape = self._shape_html()
        text = shape + lines
        if state.message and state.output is not None:
            text += message_box(escaped_lines(state.message), "warn")
        kind = "info" if state.output is not None else "error"
        self.info.value = message_box(text, kind) + svg.legend(self.legend_items)

    # --- diisi subkelas ------------------------------------------------------------------
    def _state(self):
        """Keadaan baru dari nilai kontrol saat ini."""
        raise NotImplementedError

    def _show_window(self, window, marked_input: str, marked_output: str):
        """Mengisi ``calc_text``, ``picture``, dan ``calc`` untuk jendela yang dipilih;
        ``marked_input``/``marked_output``: kedua kisi (SVG) yang sudah bertanda."""
        raise NotImplementedError

    def _shape_html(self) -> str:
        """Kalimat ukuran keluaran di kotak info."""
        raise NotImplementedError
