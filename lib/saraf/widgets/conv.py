"""Penjelajah konvolusi (pelajaran 03): jendela, perkalian titik, dan peta fitur.

``conv_explorer()`` membuat widget yang menampilkan, untuk setiap pilihan kernel, stride,
padding, dan dilasi:

* masukan yang sudah di-padding, dengan jendela (posisi kernel) saat ini;
* perkalian titik (*dot product*) jendela dan kernel, suku demi suku;
* peta fitur (*feature map*) keluaran, dengan sel yang sedang dihitung;
* rumus ukuran keluaran yang diisi dengan angka saat ini, serta penjelasan bila ada
  baris/kolom yang tidak pernah tercakup jendela atau kombinasi yang mustahil.

``conv_step(...)`` menggambar satu langkah yang sama sebagai gambar SVG statis.

Angka dan teksnya dihitung di :mod:`saraf.widgets.conv_state` (tanpa widget); modul ini
hanya menyusun kontrol dan gambarnya.
"""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
import numpy as np

from saraf.formatting import decimal
from saraf.validation import as_int, error
from saraf.widgets import svg
from saraf.widgets.colors import DIVERGING, GRAY, HIGHLIGHT, TEXT
from saraf.widgets.controls import Form, SourceMenu, watch
from saraf.widgets.conv_state import (KERNEL_PRESETS, MAX_KERNEL, ConvState, check_kernel,
                                      check_padding, conv_state, pattern_image, preset_kernel,
                                      terms_text)
from saraf.widgets.grid import Grid, Mark
from saraf.widgets.window_view import (StepPicture, WindowExplorer, cell_index, cell_size,
                                       input_grid, output_grid, selected_mark, where_html)
from saraf.widgets.window_state import check_image, value_limits

__all__ = ["conv_explorer", "conv_step", "ConvExplorer", "ConvStep", "preset_kernel",
           "pattern_image", "KERNEL_PRESETS"]

CUSTOM = "kustom"
MAX_STRIDE, MAX_DILATION = 4, 3
LEGEND_ITEMS = (("window", "jendela / sel keluaran yang dihitung"),
                ("pad", "padding (bernilai 0)"),
                ("uncovered", "tidak pernah tercakup jendela"))


# ---------------------------------------------------------------------------
# Gambar
# ---------------------------------------------------------------------------

def output_colors(output):
    """Abu-abu bila semua nilai ≥ 0 (seperti gambar), biru–merah bila ada yang negatif."""
    high = float(np.abs(output).max()) or 1.0
    return (GRAY, 0.0, high) if output.min() >= 0 else (DIVERGING, -high, high)


def feature_map_grid(state: ConvState, cell: float) -> Grid:
    cmap, vmin, vmax = output_colors(state.output)
    h, w = state.output.shape
    return output_grid(state.output, cell, f"Peta fitur {h} × {w}", cmap, vmin, vmax)


def window_marks(state: ConvState, window) -> list:
    """Kotak jendela; dengan dilasi: bingkai putus-putus dan kotak setiap sel yang diambil."""
    (top, left), k = window.origin, state.size
    if state.dilation == 1:
        return [Mark(block=(top, left, k, k), width=3.5, fill_opacity=0.12)]
    span = state.effective
    return [Mark(block=(top, left, span, span), width=1.5, dash="5,3"),
            Mark(cells=tuple(window.cells), width=3.0, fill_opacity=0.18)]


def calc_svgs(state: ConvState, patch) -> list:
    """Jendela × kernel = hasil kali, sebagai SVG-SVG (kisi dan tandanya)."""
    k = state.size
    cell = 40.0 if k <= 4 else 34.0
    vmin, vmax = value_limits(state.image)
    products = patch * state.kernel
    kmax = float(np.abs(state.kernel).max()) or 1.0
    pmax = float(np.abs(products).max()) or 1.0
    labels = [str(i) for i in range(k)]
    grids = [Grid(patch, cell=cell, vmin=vmin, vmax=vmax, numbers=True, title="Jendela").svg(),
             Grid(state.kernel, cell=cell, cmap=DIVERGING, vmin=-kmax, vmax=kmax, numbers=True,
                  decimals=3 if cell >= 40 else 2, row_labels=labels, col_labels=labels,
                  title="Kernel").svg(),
             Grid(products, cell=cell, cmap=DIVERGING, vmin=-pmax, vmax=pmax, numbers=True,
                  title="Hasil kali").svg()]
    height = max(svg.size_of(g)[1] for g in grids)
    return [grids[0], svg.symbol("×", height), grids[1], svg.symbol("=", height), grids[2]]


def sum_svg(value, height: float) -> str:
    """'jumlahkan → nilai', nilainya tebal dan hijau."""
    number = decimal(value)
    width = svg.text_width("jumlahkan → ", 18) + svg.text_width(number, 18, bold=True) + 12
    return svg.document(width, height,
                        f'<text x="4" y="{height / 2 + 7:.1f}" font-size="18" fill="{TEXT}">'
                        f'jumlahkan → <tspan font-weight="bold" fill="{HIGHLIGHT}">'
                        f'{number}</tspan></text>')


class ConvStep(StepPicture):
    """Gambar statis satu langkah konvolusi (SVG): masukan, perkalian titik, peta fitur."""

    def __init__(self, state: ConvState, index: int):
        window = state.window(index)
        value = float(state.output[window.cell])
        self.terms_text = terms_text(window.patch, state.kernel, value)
        cell = cell_size(state, 300)
        calc = svg.hstack(calc_svgs(state, window.patch) + [sum_svg(value, 40)], gap=6,
                          align="middle")
        (i, j), lines = window.cell, terms_text(window.patch, state.kernel, value,
                                                 per_row=True).split("\n")
        terms = svg.text_lines([f"Sel keluaran baris {i}, kolom {j}:"]
                               + ["  " + line for line in lines], mono=True, bold_first=True)
        super().__init__(state, window,
                         input_grid(state, cell).svg(window_marks(state, window)),
                         feature_map_grid(state, cell).svg([selected_mark(window.cell)]),
                         [calc, terms], LEGEND_ITEMS, "Langkah konvolusi")


def conv_step(image, kernel, row: int = 0, col: int = 0, stride: int = 1, padding=0,
              dilation: int = 1) -> ConvStep:
    """Gambar satu langkah konvolusi: jendela di masukan, perkalian titik, dan sel keluaran.

    ``kernel`` boleh array 2-D persegi atau nama kernel siap pakai (lihat ``preset_kernel``;
    ukurannya 3 × 3). ``row``/``col`` memilih sel peta fitur yang dihitung.
    """
    if isinstance(kernel, str):
        kernel = preset_kernel(kernel, 3)
    state = conv_state(image, kernel, stride, padding, dilation)
    return ConvStep(state, cell_index(state, row, col))


# ---------------------------------------------------------------------------
# Widget
# ---------------------------------------------------------------------------

class ConvExplorer(WindowExplorer):
    """Penjelajah konvolusi. Buat dengan :func:`conv_explorer`.

    Selain atribut :class:`~saraf.widgets.window_view.WindowExplorer`: ``kernel`` (kernel
    saat ini) dan ``terms_text`` (perkalian titik sel terpilih, suku demi suku).
    """

    title = "Penjelajah Konvolusi"
    intro = ("kernel (kotak hijau) digeser di atas masukan; setiap posisi menghasilkan satu "
             "angka peta fitur.")
    legend_items = LEGEND_ITEMS

    def __init__(self, image=None, kernel="tepi vertikal", kernel_size=3, stride=1, padding=0,
                 dilation=1, source=None, pattern_size=7):
        user_image = None if image is None else check_image(image)
        custom_kernel = None
        if isinstance(kernel, str):
            if kernel not in KERNEL_PRESETS:
                raise error("kernel", f"nama kernel {list(KERNEL_PRESETS)} atau array persegi",
                            kernel)
            kernel_size = as_int("kernel_size", kernel_size, 1, MAX_KERNEL)
        else:
            custom_kernel = check_kernel(kernel)
            kernel_size = custom_kernel.shape[0]
        form = Form()
        source_menu = SourceMenu(form, pattern_image, as_int("pattern_size", pattern_size, 3, 12),
                                 (3, 12), user_image, source)
        presets = [(label, key) for key, label in KERNEL_PRESETS.items()]
        self.preset = form.dropdown("Kernel", presets + [("kustom (ubah angka di bawah)", CUSTOM)],
                                    CUSTOM if custom_kernel is not None else kernel)
        self.kernel_size = form.int_slider("Ukuran kernel k", kernel_size, 1, MAX_KERNEL)
        self.stride = form.int_slider("Stride s", as_int("stride", stride, 1, MAX_STRIDE),
                                      1, MAX_STRIDE)
        self.padding = form.dropdown(
            "Padding p", [("0 (valid)", 0), ("1", 1), ("2", 2), ("3", 3),
                          ("same (TensorFlow)", "same")], check_padding(padding))
        self.dilation = form.int_slider("Dilasi d", as_int("dilation", dilation, 1, MAX_DILATION),
                                        1, MAX_DILATION)
        editor = self._kernel_editor()
        self._set_kernel_values(custom_kernel if custom_kernel is not None
                                else preset_kernel(kernel, kernel_size))
        self._show_kernel_size(kernel_size)
        super().__init__(form, source_menu, [self.stride, self.padding, self.dilation],
                         [self.preset, self.kernel_size, editor, self.stride, self.padding,
                          self.dilation], window_marks=window_marks, output_grid=feature_map_grid)
        watch([self.preset], self._on_preset)
        watch([self.kernel_size], self._on_kernel_size)
        watch([box for row in self.kernel_inputs for box in row], self._on_kernel_value)

    def __repr__(self) -> str:
        return "Penjelajah konvolusi (jalankan sel di JupyterLab untuk memakainya)"

    # --- kernel -----------------------------------------------------------
    def _kernel_editor(self) -> widgets.VBox:
        """Kotak isian 5 × 5 untuk angka kernel; yang di luar k × k disembunyikan."""
        style = DescriptionStyle()
        self._column_layouts = [widgets.Layout(width="54px") for _ in range(MAX_KERNEL)]
        self.kernel_inputs = [[widgets.FloatText(value=0.0, step=0.1, style=style,
                                                 layout=self._column_layouts[c])
                               for c in range(MAX_KERNEL)] for _ in range(MAX_KERNEL)]
        self._positions = {id(box): (r, c) for r, row in enumerate(self.kernel_inputs)
                           for c, box in enumerate(row)}
        self._kernel_rows = [widgets.HBox(row) for row in self.kernel_inputs]
        return widgets.VBox(
            [widgets.HTML("<b>Nilai kernel</b> (ubah langsung, lalu tekan Enter):")]
            + self._kernel_rows, layout=widgets.Layout(margin="4px 0 4px 8px"))

    def _set_kernel_values(self, kernel):
        self._busy = True
        try:
            k = kernel.shape[0]
            for r in range(MAX_KERNEL):
                for c in range(MAX_KERNEL):
                    value = float(kernel[r, c]) if r < k and c < k else 0.0
                    self.kernel_inputs[r][c].value = round(value, 4)
            self._kernel_values = np.zeros((MAX_KERNEL, MAX_KERNEL))
            self._kernel_values[:k, :k] = kernel
        finally:
            self._busy = False

    def _show_kernel_size(self, k):
        for r, row in enumerate(self._kernel_rows):
            row.layout.display = None if r < k else "none"
        for c, layout in enumerate(self._column_layouts):
            layout.display = None if c < k else "none"

    def _on_preset(self, change):
        if not self._busy and change["new"] != CUSTOM:
            self._set_kernel_values(preset_kernel(change["new"], self.kernel_size.value))
            self._recompute()

    def _on_kernel_size(self, change):
        if self._busy:
            return
        k = change["new"]
        if self.preset.value == CUSTOM:  # kernel kustom dipotong/ditambah nol
            self._set_kernel_values(self._kernel_values[:k, :k])
        else:
            self._set_kernel_values(preset_kernel(self.preset.value, k))
        self._show_kernel_size(k)
        self._recompute()

    def _on_kernel_value(self, change):
        if self._busy:
            return
        r, c = self._positions[id(change["owner"])]
        self._kernel_values[r, c] = float(change["new"])
        if self.preset.value != CUSTOM:
            self._busy = True
            try:
                self.preset.value = CUSTOM
            finally:
                self._busy = False
        self._recompute()

    # --- bagian WindowExplorer -------------------------------------------
    def _state(self) -> ConvState:
        k = self.kernel_size.value
        self.kernel = self._kernel_values[:k, :k].copy()  # nilai persis (kotak isian: 4 desimal)
        return conv_state(self.image, self.kernel, self.stride.value, self.padding.value,
                          self.dilation.value)

    @property
    def terms_text(self) -> str:
        """Perkalian titik sel terpilih, suku demi suku (sama dengan ``calc_text``)."""
        return self.calc_text

    def _show_window(self, window, marked_input, marked_output):
        state = self.state
        self.calc_text = terms_text(window.patch, state.kernel, self.value)
        cmap, vmin, vmax = output_colors(state.output)
        label = ("biru = negatif, putih = 0, merah = positif" if cmap == DIVERGING
                 else "gelap = kecil, terang = besar")
        bar = svg.colorbar(vmin, vmax, cmap, width=min(self._output_grid.width, 220),
                           label=label)
        arrow = svg.symbol("→", self._input_grid.height)
        self.picture.value = svg.to_html(marked_input, arrow,
                                         f"<div>{marked_output}<br>{bar}</div>", gap=8,
                                         wrap=False)
        # Hasilnya SVG pendek (bukan setinggi kisi): baris flex sudah memusatkannya, dan bila
        # turun ke baris baru (kolom sempit), tidak menyisakan ruang kosong yang tinggi.
        calc = svg.to_html(*calc_svgs(state, window.patch),
                           sum_svg(self.value, 40), gap=4, align="center")
        terms = svg.escape(terms_text(window.patch, state.kernel, self.value, per_row=True))
        self.calc.value = (
            f"{where_html(state, window)}{calc}"
            f"<pre style='font-size:14px;line-height:1.4;margin:4px 0;white-space:pre-wrap'>"
            f"{terms}</pre>")

    def _shape_html(self) -> str:
        state = self.state
        (t, b), (le, r) = state.pad
        pad_text = (f"padding atas {t}, bawah {b}, kiri {le}, kanan {r}"
                    + (" (tidak simetris, seperti TensorFlow)" if (t, le) != (b, r) else ""))
        if state.output is None:
            return f"Peta fitur: <b>tidak ada</b> ({pad_text})."
        h, w = state.output.shape
        return f"Peta fitur: <b>{h} × {w}</b> ({pad_text})."


def conv_explorer(image=None, kernel="tepi vertikal", kernel_size: int = 3, stride: int = 1,
                  padding=0, dilation: int = 1, source: str | None = None,
                  pattern_size: int = 7) -> ConvExplorer:
    """Membuat penjelajah konvolusi.

    Parameter
    ---------
    image : array 2-D (opsional)
        Gambar Anda sendiri (paling besar 64 × 64); muncul sebagai pilihan "Gambar Anda".
    kernel : nama kernel siap pakai atau array persegi (1 × 1 sampai 5 × 5)
        Nama: ``"identitas"``, ``"tepi vertikal"``, ``"tepi horizontal"``, ``"sobel"``,
        ``"blur"``, ``"pertajam"``.
    kernel_size : 1–5 (diabaikan bila ``kernel`` berupa array)
    stride : 1–4
    padding : 0–3, ``"valid"`` (= 0), atau ``"same"`` (seperti TensorFlow)
    dilation : 1–3
    source : ``"pola"``, ``"mnist"``, ``"fashion"``, atau ``"gambar"`` (bawaan: ``"gambar"``
        bila ``image`` diberikan, selain itu ``"pola"``)
    pattern_size : sisi pola kecil, 3–12
    """
    return ConvExplorer(image=image, kernel=kernel, kernel_size=kernel_size, stride=stride,
                        padding=padding, dilation=dilation, source=source,
                        pattern_size=pattern_size)
