"""Penjelajah penurunan gradien (pelajaran 07): jalur pengoptimal di peta kontur biaya.

Pilih permukaan biaya, titik awal, pengoptimal (SGD, SGD dengan momentum, RMSProp, Adam),
laju pembelajaran η, hiperparameternya, dan banyak langkah, lalu lihat:

* peta kontur biaya (warna makin gelap = biaya makin kecil) dengan jalur pengoptimal:
  kotak = titik awal, bulatan = titik akhir, bintang = minimum, × = titik pelana;
* biaya per langkah (skala log bila biayanya turun lebih dari seratus kali lipat);
* diagnosisnya dalam kata-kata: konvergen, masih merangkak, berosilasi (zig-zag), divergen.

Angkanya dihitung di :mod:`saraf.widgets.gradient_descent_state` (tanpa widget); modul ini
menyusun kontrol dan gambarnya (SVG, dengan peta warna kontur sebagai PNG di dalamnya).
"""

from __future__ import annotations

import functools

import ipywidgets as widgets
import numpy as np

from saraf.formatting import decimal, significant
from saraf.validation import as_choice, as_int, as_real
from saraf.widgets import svg
from saraf.widgets.colors import MUTED, value_rgb
from saraf.widgets.controls import Form, escaped_lines, message_box, watch
from saraf.widgets.gradient_descent_state import (METHODS, STARTS, SURFACES, GDState,
                                                  contour_bands, cost_axis, nice_ticks,
                                                  point_label)

__all__ = ["gradient_descent_explorer", "GradientDescentExplorer"]

_CMAP = "YlGnBu_r"       # peta warna kontur: biaya kecil biru tua, biaya besar kuning pucat
_PATH = "#d62728"        # merah: jalur pengoptimal
_PLOT = 270              # sisi terpanjang peta kontur (piksel); skala w₁ dan w₂ sama
_LEFT, _TOP = 40, 44     # ruang untuk angka sumbu w₂, judul, dan rumus
_CHART = (200, 170)      # bidang grafik biaya (lebar, tinggi)
#: Slider hiperparameter: kunci GDState → (label, nilai awal, terkecil, terbesar, langkah).
_HYPER = {"momentum": ("momentum μ", 0.9, 0.0, 0.99, 0.01),
          "rho": ("peluruhan ρ", 0.9, 0.0, 0.99, 0.01),
          "beta_1": ("β₁", 0.9, 0.0, 0.99, 0.01),
          "beta_2": ("β₂", 0.999, 0.5, 0.999, 0.001)}
_BOX = {"converged": "info", "crawling": "info", "oscillating": "warn", "diverged": "error"}


def _scale(surface) -> float:
    x0, x1, y0, y1 = surface.extent
    return _PLOT / max(x1 - x0, y1 - y0)


@functools.lru_cache(maxsize=None)
def contour_png(name: str) -> str:
    """Peta kontur berisi: pita warna di antara tingkat kontur, garis kontur lebih gelap."""
    x0, x1, y0, y1 = SURFACES[name].extent
    scale = _scale(SURFACES[name])
    bands, edges = contour_bands(name, round((x1 - x0) * scale), round((y1 - y0) * scale))
    rgb = value_rgb(bands, _CMAP, 0, bands.max(), lighten=0.25).astype(float)
    rgb[edges] *= 0.7
    return svg.png_href(rgb)


def _shorten(points: np.ndarray, limit: float = 4000.0) -> np.ndarray:
    """Titik terakhir yang sangat jauh (divergen) ditarik mendekat di garis yang sama."""
    points = points.copy()
    if len(points) > 1 and np.abs(points[-1]).max() > limit:
        prev, step = points[-2], points[-1] - points[-2]
        points[-1] = prev + step * (limit - np.abs(prev).max()) / np.abs(step).max()
    return points


def _markers(surface, pts, px) -> list[str]:
    """Titik-titik jalur, minimum (★), titik pelana (×), awal (kotak), dan akhir (bulatan)."""
    parts = [f'<circle cx="{a:.1f}" cy="{b:.1f}" r="1.8" fill="{_PATH}"/>' for a, b in pts]
    for cls, points, glyph in (("minimum", surface.minima, "★"),
                               ("saddle", surface.saddles, "×")):
        parts += [f'<text class="{cls}" x="{a:.1f}" y="{b + 7:.1f}" font-size="21" '
                  f'text-anchor="middle" fill="white" stroke="black">{glyph}</text>'
                  for a, b in px(points)]
    (ax, ay), (bx, by) = pts[0], pts[-1]
    return parts + [f'<rect class="start" x="{ax - 5:.1f}" y="{ay - 5:.1f}" width="10" '
                    f'height="10" fill="black" stroke="white"/>',
                    f'<circle class="end" cx="{bx:.1f}" cy="{by:.1f}" r="6" fill="{_PATH}" '
                    f'stroke="white" stroke-width="2"/>']


def contour_svg(result) -> str:
    """Peta kontur dengan jalur, titik awal/akhir, minimum, dan titik pelana."""
    surface = result.surface
    x0, x1, y0, y1 = surface.extent
    scale = _scale(surface)
    width, height, bottom = (x1 - x0) * scale, (y1 - y0) * scale, _TOP + (y1 - y0) * scale

    def px(points):
        points = np.asarray(points, dtype=float).reshape(-1, 2)
        return np.column_stack([(points[:, 0] - x0) * scale, (y1 - points[:, 1]) * scale])

    pts = _shorten(px(result.path))
    line = " ".join(f"{a:.1f},{b:.1f}" for a, b in pts)
    inner = "".join([f'<image width="{width:.0f}" height="{height:.0f}" '
                     f'preserveAspectRatio="none" href="{contour_png(surface.name)}"/>',
                     f'<polyline class="path" points="{line}" fill="none" stroke="{_PATH}" '
                     f'stroke-width="1.6" stroke-linejoin="round"/>', *_markers(surface, pts, px)])
    body = [f'<text x="{_LEFT}" y="16" font-size="14" font-weight="bold">'
            f'{svg.escape(surface.title)}</text>',
            f'<text x="{_LEFT}" y="34" font-size="13">{svg.escape(surface.formula)}</text>',
            f'<svg x="{_LEFT}" y="{_TOP}" width="{width:.0f}" height="{height:.0f}">{inner}</svg>',
            f'<rect x="{_LEFT}" y="{_TOP}" width="{width:.0f}" height="{height:.0f}" '
            f'fill="none" stroke="#444"/>']
    body += [f'<text x="{_LEFT + (t - x0) * scale:.1f}" y="{bottom + 14:.1f}" text-anchor="middle" '
             f'fill="{MUTED}">{decimal(t)}</text>' for t in range(int(x0), int(x1) + 1)]
    body += [f'<text x="{_LEFT - 5}" y="{_TOP + (y1 - t) * scale + 4:.1f}" text-anchor="end" '
             f'fill="{MUTED}">{decimal(t)}</text>' for t in range(int(y0), int(y1) + 1)]
    saddle = "   × titik pelana" if surface.saddles else ""
    body += [f'<text x="{_LEFT + width / 2:.1f}" y="{bottom + 29:.1f}" '
             f'text-anchor="middle">w₁</text>',
             f'<text x="10" y="{_TOP + height / 2:.1f}" text-anchor="middle">w₂</text>',
             f'<text x="{_LEFT}" y="{bottom + 48:.1f}" xml:space="preserve">■ awal   '
             f'<tspan fill="{_PATH}">●</tspan> akhir   ★ minimum{saddle}</text>']
    title_width = max(svg.text_width(surface.title, 14, bold=True),
                      svg.text_width(surface.formula, 13))
    return svg.document(_LEFT + max(width, title_width) + 8, bottom + 56, "".join(body),
                        font_size=12)


def cost_chart_svg(costs, steps: int) -> str:
    """Grafik garis biaya per langkah (sumbu x: 0 sampai ``steps`` langkah yang diminta)."""
    (w, h), left, top = _CHART, 48, _TOP
    last = f"biaya di langkah ke-{len(costs) - 1}: {significant(costs[-1], 3)}"
    ys, ticks, log = cost_axis(costs)
    line = " ".join(f"{left + i * w / steps:.1f},{top + y * h:.1f}"
                    for i, y in enumerate(np.clip(ys, 0, 1)))
    parts = [f'<text x="{left}" y="16" font-size="14" font-weight="bold">Biaya per langkah</text>',
             f'<text x="{left}" y="34" font-size="13">{svg.escape(last)}</text>',
             f'<rect x="{left}" y="{top}" width="{w}" height="{h}" fill="white" stroke="#444"/>']
    for y, label in ticks:
        y = top + y * h
        parts += [f'<line x1="{left}" x2="{left + w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e9ecef"/>',
                  f'<text x="{left - 5}" y="{y + 4:.1f}" text-anchor="end" '
                  f'fill="{MUTED}">{label}</text>']
    parts += [f'<text x="{left + t * w / steps:.1f}" y="{top + h + 14}" text-anchor="middle" '
              f'fill="{MUTED}">{decimal(t)}</text>'
              for t in nice_ticks(steps, 5, integer=True) if t <= steps]
    axis = "biaya C (skala log)" if log else "biaya C"
    parts += [f'<polyline class="cost" points="{line}" fill="none" stroke="{_PATH}" '
              f'stroke-width="1.8"/>',
              f'<text x="{left + w / 2}" y="{top + h + 30}" text-anchor="middle">langkah</text>',
              f'<text x="12" y="{top + h / 2}" text-anchor="middle" '
              f'transform="rotate(-90 12 {top + h / 2})">{axis}</text>']
    width = left + max(w + 10, svg.text_width(last, 13) + 4)
    return svg.document(width, top + h + 38, "".join(parts), font_size=12)


class GradientDescentExplorer(widgets.VBox):
    """Penjelajah penurunan gradien. Buat dengan :func:`gradient_descent_explorer`.

    Atribut untuk tes dan untuk yang penasaran: ``surface_dropdown``, ``start_dropdown``,
    ``method_dropdown``, ``eta_slider``, ``steps_slider``, ``hyper_sliders`` (kontrol;
    ``hyper_box`` hanya memuat slider milik pengoptimal yang dipilih); ``state``
    (:class:`GDState`), ``result`` (:class:`GDResult`), ``contour_svg``, ``chart_svg``,
    ``diagnosis_html`` (yang sedang ditampilkan).
    """

    def __init__(self, surface="lembah", method="SGD", learning_rate=0.1, steps=50):
        form = Form(label_width="140px", width="340px")
        self.surface_dropdown = form.dropdown(
            "permukaan", [(s.title.split(" (")[0], key) for key, s in SURFACES.items()],
            as_choice("surface", surface, list(SURFACES)))
        self.start_dropdown = form.dropdown("titik awal (w₁; w₂)", [], None)
        self.method_dropdown = form.dropdown(
            "pengoptimal", [(label, key) for key, (label, _, _) in METHODS.items()],
            as_choice("method", method, list(METHODS)))
        self.eta_slider = widgets.FloatLogSlider(
            value=as_real("learning_rate", learning_rate, 1e-4, 10), base=10, min=-4, max=1,
            step=0.01, readout_format=".3", description="laju pembelajaran η",
            style=form.slider_style, layout=form.layout)
        self.steps_slider = form.int_slider("banyak langkah", as_int("steps", steps, 1, 300),
                                            1, 300)
        self.hyper_sliders = {key: form.float_slider(*spec) for key, spec in _HYPER.items()}
        self.hyper_sliders["beta_2"].readout_format = ".3f"
        self.hyper_box = widgets.VBox()
        self.picture_html, self.diagnosis_html = widgets.HTML(), widgets.HTML()
        controls = widgets.VBox([self.surface_dropdown, self.start_dropdown,
                                 self.method_dropdown, self.eta_slider, self.hyper_box,
                                 self.steps_slider], layout=widgets.Layout(flex="0 0 auto"))
        super().__init__([widgets.HBox([controls, self.picture_html]), self.diagnosis_html])
        self._new_surface()
        watch([self.surface_dropdown], self._new_surface)
        watch([self.start_dropdown, self.method_dropdown, self.eta_slider, self.steps_slider,
               *self.hyper_sliders.values()], self._update)

    def __repr__(self) -> str:
        return "Penjelajah penurunan gradien (jalankan sel di JupyterLab untuk memakainya)"

    def _new_surface(self, change=None) -> None:
        self._quiet = True           # titik awal ikut berganti: satu pembaruan saja
        self.start_dropdown.options = [(point_label(p), i)
                                       for i, p in enumerate(STARTS[self.surface_dropdown.value])]
        self.start_dropdown.value = 0
        self._quiet = False
        self._update()

    def _update(self, change=None) -> None:
        if self._quiet:
            return
        method, surface = self.method_dropdown.value, self.surface_dropdown.value
        label, optimizer, shown = METHODS[method]
        self.hyper_box.children = [self.hyper_sliders[key] for key in shown]
        hyper = {key: slider.value for key, slider in self.hyper_sliders.items()}
        if method != "momentum":
            hyper["momentum"] = 0.0                            # SGD biasa: tanpa momentum
        self.state = GDState(surface, STARTS[surface][self.start_dropdown.value], optimizer,
                             self.eta_slider.value, self.steps_slider.value, **hyper)
        result = self.result = self.state.compute()
        self.contour_svg = contour_svg(result)
        self.chart_svg = cost_chart_svg(result.costs, self.state.steps)
        self.picture_html.value = svg.to_html(self.contour_svg, self.chart_svg, gap=12)
        settings = [f"η = {significant(self.state.learning_rate, 3)}"] + [
            f"{_HYPER[key][0].split()[-1]} = {decimal(hyper[key], 3)}" for key in shown]
        d = result.diagnosis
        self.diagnosis_html.value = message_box(
            f"{label}, {', '.join(settings)} → <b>{d.label}</b>. "
            f"{escaped_lines(d.message)}", _BOX[d.code])


def gradient_descent_explorer(surface="lembah", method="SGD", learning_rate=0.1,
                              steps=50) -> GradientDescentExplorer:
    """Penjelajah penurunan gradien (pelajaran 07).

    Parameter
    ---------
    surface : ``"mangkuk"``, ``"lembah"`` (memanjang), ``"lembah_melengkung"``, atau
        ``"pelana"``.
    method : pengoptimal awal: ``"SGD"``, ``"momentum"`` (SGD dengan momentum),
        ``"RMSprop"``, atau ``"Adam"``.
    learning_rate : laju pembelajaran awal η, di antara 0,0001 dan 10.
    steps : banyak langkah awal, dari 1 sampai 300.
    """
    return GradientDescentExplorer(surface=surface, method=method,
                                   learning_rate=learning_rate, steps=steps)
