"""Diagram batang skor keyakinan: satu tempat yang menentukan isi diagram itu.

Dipakai oleh penjelajah softmax (pelajaran 06), papan gambar dan widget unggah
(pelajaran 15), dan :func:`saraf.plots.plot_probabilities` (pelajaran 12 dan 14).

* :func:`probability_bars` menghitung isinya: satu :class:`Bar` per kelas (nama, skor,
  teks persen dengan koma desimal, apakah kelas itu prediksi atau kelas yang benar);
* :func:`probability_bars_svg` menggambarnya sebagai SVG (teks biasa, tanpa ipywidgets; lebar
  teks dari metrik font, lihat :mod:`saraf.widgets.svg`), sehingga widget menampilkannya
  dengan cepat dan hasilnya selalu sama.

>>> svg = probability_bars_svg([0.1, 0.7, 0.2], ["kucing", "anjing", "burung"], true_class=1)
>>> "70,0%" in svg and "anjing ✔" in svg
True
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from saraf.formatting import percent
from saraf.validation import as_array, as_int, as_names, error
from saraf.widgets import svg
from saraf.widgets.colors import BAR_BEST as BEST_COLOR, BAR_OTHER as BAR_COLOR, \
    BAR_TRACK as _TRACK_COLOR, CORRECT as TRUE_COLOR

__all__ = ["Bar", "probability_bars", "probability_bars_svg", "BEST_COLOR", "BAR_COLOR",
           "TRUE_COLOR"]

_BAR_WIDTH = 240           # piksel untuk skor 1
_ROW = 24                  # tinggi satu baris
_FONT_SIZE = 13
_TOLERANCE = 1e-4          # float32 boleh sedikit melewati 0 dan 1


class Bar(NamedTuple):
    """Satu batang: kelas ke-``index`` bernama ``name`` dengan skor ``probability``."""

    index: int
    name: str
    probability: float
    text: str          # skor sebagai persen dengan koma desimal, misalnya "74,0%"
    best: bool         # kelas prediksi (argmax)
    true: bool         # kelas yang benar (bila diketahui)


def _as_probabilities(probabilities) -> np.ndarray:
    """Vektor ``(K,)`` (atau ``(1, K)``) berisi skor 0 sampai 1."""
    p = as_array("probabilities", probabilities).astype(np.float64)
    if p.ndim == 2 and p.shape[0] == 1:
        p = p[0]
    if p.ndim != 1 or p.size < 2:
        raise error("probabilities", "vektor (K,) atau (1, K) berisi skor setiap kelas "
                    "(minimal 2 kelas)", p,
                    "Untuk satu gambar dari batch, ambil satu baris: p[i]." if p.ndim == 2
                    else "")
    if p.min() < -_TOLERANCE or p.max() > 1 + _TOLERANCE:
        raise error("probabilities", "berisi skor 0 sampai 1 (misalnya keluaran softmax)",
                    p, "Logit (skor mentah) diubah dulu dengan saraf.ops.softmax(z).")
    return np.clip(p, 0.0, 1.0)


def probability_bars(probabilities, class_names=None, *, true_class=None,
                     top_k=None) -> list[Bar]:
    """Isi diagram: satu :class:`Bar` per kelas, urut seperti kelasnya.

    ``top_k``: hanya ``top_k`` kelas dengan skor tertinggi, urut dari yang terbesar.
    ``true_class``: indeks kelas yang benar (ditandai ✔), atau None.
    """
    p = _as_probabilities(probabilities)
    names = as_names("class_names", class_names, p.size)
    if true_class is not None:
        true_class = as_int("true_class", true_class, 0, p.size - 1)
    best = int(np.argmax(p))
    order = range(p.size)
    if top_k is not None:
        order = np.argsort(-p, kind="stable")[:as_int("top_k", top_k, 1, p.size)]
    return [Bar(int(i), names[i], float(p[i]), percent(p[i], 1), int(i) == best,
                int(i) == true_class) for i in order]


def probability_bars_svg(probabilities, class_names=None, *, true_class=None, top_k=None,
                         title=None) -> str:
    """Diagram batang skor keyakinan sebagai teks SVG.

    Parameter
    ---------
    probabilities : skor setiap kelas, bentuk ``(K,)`` atau ``(1, K)``, nilainya 0 sampai 1.
    class_names : nama kelas (bawaan: "0", "1", …).
    true_class : indeks kelas yang benar; labelnya diberi ✔ dan berwarna hijau.
    top_k : hanya ``top_k`` skor tertinggi, urut dari yang terbesar (bawaan: semua kelas).
    title : judul di atas diagram (bawaan: tanpa judul).

    Batang oranye adalah kelas prediksi (argmax). Setiap batang ``<rect class="bar">``
    menyimpan indeks kelasnya (``data-class``) dan skornya (``data-probability``, dengan
    titik desimal, untuk dibaca program); batang prediksi juga berkelas ``argmax``.
    """
    bars = probability_bars(probabilities, class_names, true_class=true_class, top_k=top_k)
    label_width = int(16 + max(svg.text_width(bar.name + (" ✔" if bar.true else ""),
                                              _FONT_SIZE, bold=bar.best) for bar in bars))
    legend = "oranye: prediksi (argmax)" + (" · ✔: kelas yang benar"
                                            if true_class is not None else "")
    lines = ([(title, 'font-weight="bold"')] if title else []) + \
        [(legend, 'font-size="11.5" fill="#555"')]
    top = 18 * len(lines) + 8
    width = label_width + _BAR_WIDTH + 64
    height = top + len(bars) * _ROW + 4
    parts = []
    for row, (text, style) in enumerate(lines):
        parts.append(f'<text x="0" y="{16 + 18 * row}" {style}>{svg.escape(text)}</text>')
    for row, bar in enumerate(bars):
        y = top + row * _ROW
        weight = ' font-weight="bold"' if bar.best else ""
        label = svg.escape(bar.name) + (" ✔" if bar.true else "")
        parts.append(f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" '
                     f'fill="{TRUE_COLOR if bar.true else "black"}"{weight}>{label}</text>')
        parts.append(f'<rect x="{label_width}" y="{y + 3}" width="{_BAR_WIDTH}" '
                     f'height="{_ROW - 6}" fill="{_TRACK_COLOR}"/>')
        parts.append(f'<rect class="bar{" argmax" if bar.best else ""}" '
                     f'data-class="{bar.index}" data-probability="{bar.probability:.9g}" '
                     f'x="{label_width}" y="{y + 3}" width="{bar.probability * _BAR_WIDTH:.1f}" '
                     f'height="{_ROW - 6}" fill="{BEST_COLOR if bar.best else BAR_COLOR}"/>')
        parts.append(f'<text class="prob" x="{label_width + _BAR_WIDTH + 6}" y="{y + 16}"'
                     f'{weight}>{bar.text}</text>')
    document = svg.document(width, height, "".join(parts), font_size=_FONT_SIZE)
    return document.replace("<svg ", '<svg class="saraf-probabilities" ', 1)
