"""Penjelajah neuron (pelajaran 02): satu neuron dengan dua masukan.

Geser bobot ``w1``, ``w2``, dan bias ``b``, pilih fungsi aktivasi, lalu lihat:

* keluaran neuron untuk satu titik masukan ``(x1, x2)`` beserta persamaannya
  yang sudah diisi angka;
* warna keluaran di seluruh bidang masukan dan **garis keputusan**
  ``w1·x1 + w2·x2 + b = 0``;
* beberapa titik contoh (AND, OR, XOR) dan berapa yang diklasifikasikan benar.

Angkanya dihitung di :mod:`saraf.widgets.neuron_state` (tanpa widget); modul ini menyusun
kontrol dan gambarnya. Gambar dibuat sebagai SVG (peta warna kecil berupa PNG di
dalamnya), sehingga cepat dan hasilnya selalu sama.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from saraf.formatting import decimal, fixed
from saraf.widgets import svg
from saraf.widgets.colors import DIVERGING, to_hex, value_colors, value_rgb
from saraf.widgets.controls import Form, watch
from saraf.widgets.neuron_state import (ACTIVATIONS, DATASET_LABELS, HIGH, LOW, OUTPUT_RANGE,
                                        TOY_DATASETS, WEIGHT_RANGE, activate, check_choice,
                                        check_number, check_point, decision_line,
                                        neuron_state)

__all__ = ["neuron_explorer", "NeuronExplorer", "ACTIVATIONS", "TOY_DATASETS", "activate",
           "decision_line"]

_GRID = 96            # resolusi peta warna (piksel per sisi)
_PLOT = 300           # ukuran bidang gambar dalam SVG (piksel)
_MARGIN = 40          # ruang untuk angka sumbu
_TICKS = (-0.5, 0.0, 0.5, 1.0, 1.5)
# Titik contoh kelas 0 dan 1: biru dan merah pekat dari peta warna yang sama dengan bidangnya.
_CLASS_COLORS = dict(enumerate(value_colors([0.08, 0.92], DIVERGING, 0.0, 1.0)[0]))
_CELL = "padding:1px 7px;text-align:right"
_HEADERS = ("(x1, x2)", "kelas", "z", "a", "prediksi", "")


def field_rgb(values, low: float, high: float) -> np.ndarray:
    """Keluaran → warna pucat: rendah biru, tengah putih, tinggi merah.

    Hanya bagian tengah peta biru–merah yang dipakai, lalu dicampur putih, agar titik
    contoh (warna pekat) tetap terlihat di atasnya.
    """
    margin = 0.35 * (high - low)
    return value_rgb(values, DIVERGING, low - margin, high + margin, lighten=0.3)


def _to_px(x1, x2):
    """Titik di bidang masukan → koordinat SVG (x2 ke atas)."""
    scale = _PLOT / (HIGH - LOW)
    return _MARGIN + (x1 - LOW) * scale, _MARGIN + (HIGH - x2) * scale


def plot_svg(state) -> str:
    """Bidang masukan berwarna keluaran, garis keputusan, titik contoh, dan titik masukan."""
    centers = LOW + (np.arange(_GRID) + 0.5) * (HIGH - LOW) / _GRID
    g1, g2 = np.meshgrid(centers, centers[::-1])  # baris atas = x2 terbesar
    low, high = OUTPUT_RANGE[state.activation]
    image = svg.png_href(field_rgb(activate(state.z_at(g1, g2), state.activation), low, high))
    size = _PLOT + 2 * _MARGIN
    parts = [f'<image x="{_MARGIN}" y="{_MARGIN}" width="{_PLOT}" height="{_PLOT}" '
             f'preserveAspectRatio="none" href="{image}"/>',
             f'<rect x="{_MARGIN}" y="{_MARGIN}" width="{_PLOT}" height="{_PLOT}" fill="none" '
             f'stroke="#444"/>']
    for tick in _TICKS:  # angka sumbu
        (px, _), (_, py) = _to_px(tick, 0), _to_px(0, tick)
        parts.append(f'<text x="{px:.1f}" y="{_MARGIN + _PLOT + 15}" '
                     f'text-anchor="middle">{decimal(tick)}</text>')
        parts.append(f'<text x="{_MARGIN - 6}" y="{py + 4:.1f}" '
                     f'text-anchor="end">{decimal(tick)}</text>')
    middle = _MARGIN + _PLOT / 2
    parts += [f'<text x="{middle}" y="{_MARGIN + _PLOT + 32}" text-anchor="middle">x1</text>',
              f'<text x="12" y="{middle}" text-anchor="middle" '
              f'transform="rotate(-90 12 {middle})">x2</text>',
              f'<text x="{size / 2}" y="22" text-anchor="middle" font-size="14" '
              f'font-weight="bold">Keluaran neuron di bidang masukan</text>']
    if state.boundary is not None:
        (xa, ya), (xb, yb) = (_to_px(*end) for end in state.boundary)
        parts.append(f'<line class="boundary" x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" '
                     f'y2="{yb:.1f}" stroke="black" stroke-width="2.5" '
                     f'stroke-dasharray="7 4"/>')
    for (p, q), target in zip(state.points, state.targets):
        cx, cy = _to_px(p, q)
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="11" '
                     f'fill="{_CLASS_COLORS[target]}" stroke="white" stroke-width="2"/>')
        parts.append(f'<text x="{cx:.1f}" y="{cy + 4.5:.1f}" text-anchor="middle" '
                     f'fill="white" font-weight="bold">{target}</text>')
    mx, my = _to_px(*state.point)
    # Cincin (bukan tanda ×) agar angka kelas titik contoh di bawahnya tetap terbaca.
    parts.append(f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="16" fill="none" stroke="white" '
                 f'stroke-width="6"/>')  # tepi putih
    parts.append(f'<circle class="point" cx="{mx:.1f}" cy="{my:.1f}" r="16" fill="none" '
                 f'stroke="black" stroke-width="3"/>')
    parts.append(_legend(size + 8, low, high, state.activation == "relu"))
    return svg.document(size, size + 30, "".join(parts), font_size=12)


def _legend(y0: float, low: float, high: float, open_ended: bool) -> str:
    """Bilah warna keluaran a, dari ``low`` sampai ``high`` (ReLU: "≥ high")."""
    stops = "".join(f'<stop offset="{t:.2f}" stop-color="{to_hex(rgb)}"/>' for t, rgb in
                    zip(np.linspace(0, 1, 9), field_rgb(np.linspace(low, high, 9), low, high)))
    high_label = f"≥ {decimal(high)}" if open_ended else decimal(high)
    return (f'<defs><linearGradient id="legend">{stops}</linearGradient></defs>'
            f'<text x="{_MARGIN}" y="{y0 + 11}">keluaran a:</text>'
            f'<text x="{_MARGIN + 100}" y="{y0 + 11}" text-anchor="end">{decimal(low)}</text>'
            f'<rect x="{_MARGIN + 105}" y="{y0}" width="120" height="14" fill="url(#legend)" '
            f'stroke="#444"/>'
            f'<text x="{_MARGIN + 230}" y="{y0 + 11}">{high_label}</text>')


def info_html(state) -> str:
    """Persamaan yang diisi angka dan tabel titik contoh (benar/salah)."""
    rows = []
    for (p, q), target, z, pred in zip(state.points, state.targets, state.zs,
                                       state.predictions):
        mark, color = ("✔", "#2e7d32") if pred == target else ("✘", "#c62828")
        a = float(activate(z, state.activation))
        cells = (f"({decimal(p)}, {decimal(q)})", target, fixed(z), fixed(a), pred)
        rows.append("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells)
                    + f'<td style="{_CELL};color:{color}">{mark}</td></tr>')
    header = "".join(f'<th style="{_CELL}">{h}</th>' for h in _HEADERS)
    return (f'<div style="font-size:13px;line-height:1.35">'
            f'<pre style="margin:4px 0;font-size:12.5px">{svg.escape(state.equation_text)}</pre>'
            f"<div>Titik contoh {DATASET_LABELS[state.dataset]}: neuron memilih kelas 1 bila "
            f"z ≥ 0.</div>"
            f'<table style="border-collapse:collapse;font-size:12.5px">'
            f"<tr>{header}</tr>{''.join(rows)}</table>"
            f"<div><b>Benar: {state.n_correct} dari {len(state.points)}</b></div></div>")


class NeuronExplorer(widgets.VBox):
    """Penjelajah satu neuron dengan dua masukan. Buat dengan :func:`neuron_explorer`.

    Atribut untuk tes dan untuk yang penasaran: ``w1_slider``, ``w2_slider``,
    ``bias_slider``, ``activation_dropdown``, ``dataset_dropdown``, ``x1_slider``,
    ``x2_slider`` (kontrol); ``state`` (:class:`~saraf.widgets.neuron_state.NeuronState`),
    ``z``, ``output``, ``equation_text``, ``boundary``, ``predictions``, ``n_correct``,
    ``svg`` (nilai yang sedang ditampilkan).
    """

    def __init__(self, w1=1.0, w2=1.0, bias=-1.5, activation="step", dataset="and",
                 point=(1.0, 1.0)):
        w1 = check_number("w1", w1, *WEIGHT_RANGE)
        w2 = check_number("w2", w2, *WEIGHT_RANGE)
        bias = check_number("bias", bias, *WEIGHT_RANGE)
        activation = check_choice("activation", activation, ACTIVATIONS)
        dataset = check_choice("dataset", dataset, TOY_DATASETS)
        x1, x2 = check_point(point)

        form = Form(label_width="105px", width="320px")
        self.w1_slider = form.float_slider("bobot w1", w1, *WEIGHT_RANGE)
        self.w2_slider = form.float_slider("bobot w2", w2, *WEIGHT_RANGE)
        self.bias_slider = form.float_slider("bias b", bias, *WEIGHT_RANGE)
        self.x1_slider = form.float_slider("masukan x1", x1, LOW, HIGH)
        self.x2_slider = form.float_slider("masukan x2", x2, LOW, HIGH)
        self.activation_dropdown = form.dropdown(
            "fungsi aktivasi", [(label, key) for key, label in ACTIVATIONS.items()], activation)
        self.dataset_dropdown = form.dropdown(
            "titik contoh", [(label, key) for key, label in DATASET_LABELS.items()], dataset)
        self.plot_html = widgets.HTML()
        self.info_html = widgets.HTML(layout=widgets.Layout(width="350px"))
        controls = widgets.VBox([
            widgets.HTML("<b>Neuron</b>"), self.w1_slider, self.w2_slider, self.bias_slider,
            self.activation_dropdown,
            widgets.HTML("<b>Titik masukan</b> (cincin hitam)"), self.x1_slider, self.x2_slider,
            self.dataset_dropdown, self.info_html,
        ])
        super().__init__([widgets.HBox([controls, self.plot_html])])
        watch([self.w1_slider, self.w2_slider, self.bias_slider, self.x1_slider, self.x2_slider,
               self.activation_dropdown, self.dataset_dropdown], self._update)
        self._update()

    def __repr__(self) -> str:
        return "Penjelajah neuron (jalankan sel di JupyterLab untuk memakainya)"

    def _update(self, change=None) -> None:
        state = self.state = neuron_state(
            self.w1_slider.value, self.w2_slider.value, self.bias_slider.value,
            self.activation_dropdown.value, self.dataset_dropdown.value,
            (self.x1_slider.value, self.x2_slider.value))
        self.z, self.output, self.equation_text = state.z, state.output, state.equation_text
        self.boundary, self.predictions = state.boundary, state.predictions
        self.n_correct = state.n_correct
        self.svg = plot_svg(state)
        self.plot_html.value = self.svg
        self.info_html.value = info_html(state)

    def _to_px(self, x1, x2):
        """Koordinat SVG titik (x1, x2) di bidang masukan."""
        return _to_px(x1, x2)


def neuron_explorer(w1=1.0, w2=1.0, bias=-1.5, activation="step", dataset="and",
                    point=(1.0, 1.0)) -> NeuronExplorer:
    """Penjelajah satu neuron dengan dua masukan (pelajaran 02).

    Parameter
    ---------
    w1, w2, bias : nilai awal bobot dan bias, masing-masing di antara −3 dan 3.
    activation : ``"step"`` (fungsi tangga), ``"sigmoid"``, ``"relu"``, atau ``"tanh"``.
    dataset : titik contoh ``"and"``, ``"or"``, atau ``"xor"``.
    point : titik masukan ``(x1, x2)`` yang keluarannya dihitung, di antara −0,5 dan 1,5.

    Warna menunjukkan keluaran neuron di setiap titik bidang masukan; garis putus-putus
    adalah garis keputusan ``w1·x1 + w2·x2 + b = 0``.
    """
    return NeuronExplorer(w1=w1, w2=w2, bias=bias, activation=activation, dataset=dataset,
                          point=point)
