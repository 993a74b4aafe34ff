"""Penjelajah medan reseptif (pelajaran 03): daerah masukan yang "dilihat" satu sel.

``receptive_field_explorer()`` menggambar peta-peta sebuah tumpukan lapisan berdampingan:
masukan di kiri, lalu peta keluaran setiap lapisan. Pilih tumpukan lapisan, kedalaman (1–3),
ukuran masukan, dan sel di peta terakhir; sel itu diisi hijau, dan daerah yang ikut
menentukan nilainya diarsir hijau di setiap peta sebelumnya, sehingga terlihat bagaimana
daerah itu tumbuh dari lapisan ke lapisan. Di kotak info: kalimat penjelasan, daerah di
setiap peta, dan rumus sisi medan reseptif yang diisi angka.

``receptive_field_picture(...)`` menggambar hal yang sama sebagai SVG statis (tetap terlihat
di notebook tanpa kernel yang berjalan).

Angka dan teksnya dihitung di :mod:`saraf.widgets.receptive_field_state` (tanpa widget);
modul ini hanya menyusun kontrol dan gambarnya.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from saraf.widgets import svg
from saraf.widgets.colors import HIGHLIGHT, MUTED, TEXT
from saraf.widgets.controls import Form, escaped_lines, message_box, watch
from saraf.widgets.grid import Grid, Mark
from saraf.widgets.receptive_field_state import (MAX_INPUT, PRESETS, ReceptiveFieldState,
                                                 check_layers, map_sizes, min_input_size,
                                                 receptive_field_state)

__all__ = ["receptive_field_explorer", "receptive_field_picture", "ReceptiveFieldExplorer",
           "ReceptiveFieldPicture", "picture_svg"]

PICTURE_WIDTH = 760   # lebar target semua kisi bersama (piksel layar)
CUSTOM = "anda"       # kunci menu untuk lapisan yang diberikan sendiri
LEGEND_ITEMS = (("max", "sel terpilih"), ("window", "daerah yang ikut menentukan nilainya"))


# ---------------------------------------------------------------------------
# Gambar
# ---------------------------------------------------------------------------

def cell_size(state: ReceptiveFieldState) -> float:
    """Ukuran sel (6–26 piksel) agar semua peta berdampingan kira-kira selebar gambar."""
    room = PICTURE_WIDTH - 60 * state.depth  # ruang untuk panah di antara peta
    return float(np.clip(np.floor(room / sum(state.sizes)), 6, 26))


def map_grid(state: ReceptiveFieldState, level: int, cell: float) -> Grid:
    """Peta ke-``level`` (0 = masukan) sebagai kisi kosong bernomor baris dan kolom."""
    n = state.sizes[level]
    labels = [str(i) for i in range(n)] if cell >= 14 else None
    return Grid(np.ones((n, n)), cell=cell, vmin=0, vmax=1, numbers=False,
                row_labels=labels, col_labels=labels, title=state.map_title(level))


def map_marks(state: ReceptiveFieldState, level: int) -> list:
    """Sel terpilih (diisi pekat) di peta terakhir; daerahnya (bingkai hijau, diarsir tipis)
    di setiap peta sebelumnya, seperti jendela di penjelajah konvolusi."""
    if level == state.depth:
        return [Mark(cells=(state.unit,), width=1.5, fill_opacity=0.6)]
    return [Mark(block=state.regions[level].block, width=3.0, fill_opacity=0.15)]


def arrow_svg(layer, height: float) -> str:
    """Panah di antara dua peta dengan nama lapisannya di atas (dua baris)."""
    lines = [layer.label.split(",")[0], f"stride {layer.stride}"]
    size = 11
    width = max(svg.text_width(line, size) for line in lines) + 10
    middle = height / 2
    parts = [f'<text x="{width / 2:.1f}" y="{middle - 24 + 13 * i:.1f}" font-size="{size}" '
             f'text-anchor="middle" fill="{MUTED if i else TEXT}">{svg.escape(line)}</text>'
             for i, line in enumerate(lines)]
    parts.append(f'<line x1="3" y1="{middle:.1f}" x2="{width - 4:.1f}" y2="{middle:.1f}" '
                 f'stroke="{HIGHLIGHT}" stroke-width="2"/>'
                 f'<path d="M {width - 11:.1f} {middle - 5:.1f} L {width - 3:.1f} {middle:.1f} '
                 f'L {width - 11:.1f} {middle + 5:.1f} Z" fill="{HIGHLIGHT}"/>')
    return svg.document(width, height, "".join(parts))


def picture_svg(state: ReceptiveFieldState) -> str:
    """Semua peta berdampingan, dengan panah berlabel lapisan di antaranya."""
    cell = cell_size(state)
    grids = [map_grid(state, level, cell) for level in range(state.depth + 1)]
    height = max(grid.height for grid in grids)
    parts = [grids[0].svg(map_marks(state, 0))]
    for level, layer in enumerate(state.layers, start=1):
        parts += [arrow_svg(layer, height), grids[level].svg(map_marks(state, level))]
    return svg.hstack(parts, gap=6)


def info_html(state: ReceptiveFieldState) -> str:
    """Kalimat penjelasan, daerah di setiap peta, dan rumusnya (kotak info penjelajah)."""
    lines = "".join(f"<div style='font-size:13.5px'>{svg.escape(line)}</div>"
                    for line in state.lines)
    mono = f"font-family:{svg.MONO};font-size:13.5px"
    formula = (f"<div style='margin-top:4px'>Sisi medan reseptif: <span style='{mono}'>"
               f"<b>{svg.escape(state.formula)}</b></span></div>")
    return message_box(f"<div style='margin-bottom:4px'>{escaped_lines(state.caption)}</div>"
                       + lines + formula)


class ReceptiveFieldPicture:
    """Gambar statis medan reseptif (SVG): peta-peta, teksnya, dan legenda."""

    def __init__(self, state: ReceptiveFieldState):
        self.state = state
        text = svg.text_lines([state.headline, *state.lines, state.formula], bold_first=True)
        self._svg = svg.vstack([picture_svg(state), text, svg.legend(LEGEND_ITEMS)], gap=10)

    def _repr_svg_(self) -> str:
        return self._svg

    def __repr__(self) -> str:
        return f"Medan reseptif: {self.state.headline[:-1]} (gambar SVG)"


def receptive_field_picture(layers="konv3", input_size: int = 16, depth: int | None = None,
                            row: int | None = None, col: int | None = None
                            ) -> ReceptiveFieldPicture:
    """Gambar statis medan reseptif; parameternya sama dengan :func:`receptive_field_explorer`."""
    return ReceptiveFieldPicture(receptive_field_state(layers, input_size, depth, row, col))


# ---------------------------------------------------------------------------
# Widget
# ---------------------------------------------------------------------------

class ReceptiveFieldExplorer(widgets.VBox):
    """Penjelajah medan reseptif. Buat dengan :func:`receptive_field_explorer`.

    Kontrol: ``architecture`` (menu Lapisan), ``depth``, ``input_size``, ``row``, ``col``.
    Yang sedang ditampilkan: ``state``
    (:class:`~saraf.widgets.receptive_field_state.ReceptiveFieldState`), ``picture_svg``,
    ``caption``, ``lines``, ``formula_text``, ``field_size``. Setiap kali lapisan, kedalaman,
    atau ukuran masukan berubah, sel terpilih kembali ke tengah peta terakhir.
    """

    def __init__(self, layers="konv3", input_size: int = 16, depth: int | None = None,
                 row: int | None = None, col: int | None = None):
        self._custom = None if isinstance(layers, str) else check_layers(layers)
        full = check_layers(layers)
        receptive_field_state(full, input_size)  # seluruh tumpukan harus muat di masukan
        state = receptive_field_state(full, input_size, depth, row, col)
        self._busy = False
        form = Form(width="400px")
        options = [(label, key) for key, (label, _) in PRESETS.items()]
        if self._custom is not None:
            options.append(("Lapisan Anda: " + " → ".join(x.label for x in full), CUSTOM))
        key = CUSTOM if self._custom is not None else layers
        self.architecture = form.dropdown("Lapisan", options, key)
        self.depth = form.int_slider("Kedalaman", state.depth, 1, len(full))
        self.input_size = form.int_slider("Ukuran masukan", state.input_size,
                                          min_input_size(full), MAX_INPUT)
        last = state.sizes[-1] - 1
        self.row = form.int_slider("Baris sel", state.unit[0], 0, last)
        self.col = form.int_slider("Kolom sel", state.unit[1], 0, last)
        controls = widgets.VBox([self.architecture, self.depth, self.input_size, self.row,
                                 self.col], layout=widgets.Layout(width="410px",
                                                                  min_width="410px"))
        self.info = widgets.HTML(layout=widgets.Layout(flex="1 1 auto", margin="0 0 0 12px"))
        self.picture = widgets.HTML()
        header = widgets.HTML(
            "<div style='font-size:16px'><b>Penjelajah Medan Reseptif</b> — pilih satu sel di "
            "peta terakhir; daerah hijau di setiap peta sebelumnya ikut menentukan nilainya.</div>")
        super().__init__([header, widgets.HBox([controls, self.info]), self.picture])
        watch([self.architecture, self.depth, self.input_size], self._on_structure)
        watch([self.row, self.col], self._on_unit)
        self._render()

    def __repr__(self) -> str:
        return "Penjelajah medan reseptif (jalankan sel di JupyterLab untuk memakainya)"

    def _layers(self):
        key = self.architecture.value
        return self._custom if key == CUSTOM else PRESETS[key][1]

    def _on_structure(self, change):
        if self._busy:
            return
        self._busy = True  # batas slider berubah di sini: gambar sekali saja, di akhir
        try:
            layers = self._layers()
            self.depth.max = len(layers)
            self.input_size.min = min_input_size(layers)
            last = map_sizes(layers[:self.depth.value], self.input_size.value)[-1] - 1
            self.row.max = self.col.max = last
            self.row.value = self.col.value = last // 2
        finally:
            self._busy = False
        self._render()

    def _on_unit(self, change):
        if not self._busy:
            self._render()

    def _render(self):
        state = self.state = receptive_field_state(
            self._layers(), self.input_size.value, self.depth.value, self.row.value,
            self.col.value)
        self.caption, self.lines = state.caption, state.lines
        self.formula_text, self.field_size = state.formula, state.field_size
        self.picture_svg = picture_svg(state)
        self.picture.value = svg.to_html(self.picture_svg) + svg.legend(LEGEND_ITEMS)
        self.info.value = info_html(state)


def receptive_field_explorer(layers="konv3", input_size: int = 16, depth: int | None = None,
                             row: int | None = None, col: int | None = None
                             ) -> ReceptiveFieldExplorer:
    """Membuat penjelajah medan reseptif.

    Parameter
    ---------
    layers : kunci tumpukan siap pakai (``"konv3"``, ``"pool"``, ``"stride2"``, ``"konv5"``)
        atau daftar 1–3 lapisan tanpa padding, mis. ``[("konv", 3, 1), ("pool", 2, 2)]``
        (jenis, ukuran jendela, stride)
    input_size : sisi masukan, paling besar 32
    depth : kedalaman 1 sampai banyak lapisan (bawaan: semuanya)
    row, col : sel terpilih di peta lapisan ke-``depth`` (bawaan: sel tengah)
    """
    return ReceptiveFieldExplorer(layers=layers, input_size=input_size, depth=depth, row=row,
                                  col=col)
