"""Kisi angka sebagai SVG: gambar, kernel, dan peta fitur digambar sel demi sel.

Setiap sel diwarnai dari nilainya (peta warna matplotlib, lihat :mod:`saraf.widgets.colors`)
dan, bila selnya cukup besar, diberi angkanya (koma desimal). Isi kisi disusun sekali;
tanda di atasnya (:class:`Mark`: jendela, sel terpilih) bisa diganti cepat dengan
``grid.svg(marks)`` saat Putar berjalan.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saraf.formatting import decimal
from saraf.validation import error
from saraf.widgets import colors
from saraf.widgets.colors import GRAY, GRID_LINE, HIGHLIGHT, MUTED, TEXT
from saraf.widgets.svg import document, escape, text_width

__all__ = ["Grid", "Mark"]

_TITLE_SIZE = 13     # ukuran judul di atas kisi
_TITLE_SPACE = 20.0  # tinggi baris judul
_LABEL_SPACE = 16.0  # lebar/tinggi ruang label baris dan kolom


@dataclass
class Mark:
    """Tanda di atas kisi: kotak di sekeliling sel-sel (atau satu blok bila ``block``).

    ``cells``: daftar (baris, kolom), setiap sel diberi kotak sendiri;
    ``block``: (baris, kolom, tinggi, lebar), satu kotak di sekeliling blok sel.
    """

    cells: tuple = ()
    block: tuple | None = None
    color: str = HIGHLIGHT
    width: float = 3.0
    dash: str | None = None
    fill_opacity: float = 0.0


def _rect(x, y, w, h, style) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" {style}/>'


class Grid:
    """Satu kisi angka sebagai SVG.

    Parameter
    ---------
    values : array 2-D
    cell : ukuran satu sel dalam piksel layar
    cmap, vmin, vmax : peta warna matplotlib dan rentang nilainya (bawaan: rentang data)
    numbers : tampilkan angka di setiap sel (None: otomatis, bila sel cukup besar)
    pad_mask : array bool, True = sel padding (digambar kuning pucat bergaris putus)
    pad_text : teks di sel padding bila angka ditampilkan (mis. ``"0"``)
    dim_mask : array bool, True = sel yang tidak pernah tercakup (diarsir merah)
    row_labels, col_labels : label di kiri/atas setiap baris/kolom (None = tanpa label)
    title : judul di atas kisi
    decimals : paling banyak sekian angka di belakang koma
    """

    def __init__(self, values, *, cell: float = 32, cmap: str = GRAY, vmin=None, vmax=None,
                 numbers: bool | None = None, pad_mask=None, pad_text: str = "0",
                 dim_mask=None, row_labels=None, col_labels=None, title: str | None = None,
                 decimals: int = 2):
        values = np.asarray(values, dtype=float)
        if values.ndim != 2:
            raise error("values", "array 2-D", values)
        self.values = values
        self.rows, self.cols = values.shape
        self.cell = float(cell)
        has_labels = row_labels is not None or col_labels is not None
        self.label_space = _LABEL_SPACE if has_labels and self.cell >= 14 else 0.0
        self.x0 = self.label_space + 1
        self.y0 = (_TITLE_SPACE if title else 0.0) + self.label_space + 1
        self.width = self.x0 + self.cols * self.cell + 2
        if title:  # judul yang lebih lebar daripada kisinya tidak terpotong
            self.width = max(self.width, self.x0 + text_width(title, _TITLE_SIZE, bold=True) + 2)
        self.height = self.y0 + self.rows * self.cell + 2
        self.numbers = self.cell >= 22 if numbers is None else bool(numbers)
        pad = np.zeros(values.shape, bool) if pad_mask is None else np.asarray(pad_mask, bool)
        fills, inks = colors.value_colors(values, cmap, vmin, vmax)
        parts = [self._title(title), self._cells(fills, pad)]
        if self.numbers:
            parts.append(self._numbers(inks, pad, pad_text, decimals))
        if dim_mask is not None:
            parts.append(self._hatching(np.asarray(dim_mask, bool)))
        if self.label_space:
            parts.append(self._labels(row_labels, col_labels))
        self._body = "".join(parts)

    def xy(self, row, col):
        """Pojok kiri atas sel (baris, kolom) dalam koordinat SVG."""
        return self.x0 + col * self.cell, self.y0 + row * self.cell

    def _title(self, title) -> str:
        if not title:
            return ""
        return (f'<text x="{self.x0:.1f}" y="14" font-size="{_TITLE_SIZE}" font-weight="bold" '
                f'fill="{TEXT}">{escape(title)}</text>')

    def _cells(self, fills, pad) -> str:
        c = self.cell
        lines = f' stroke="{GRID_LINE}" stroke-width="0.5"' if c >= 8 else ""
        pad_style = (f'fill="{colors.PAD_FILL}" stroke="{colors.PAD_STROKE}" '
                     f'stroke-width="0.8" stroke-dasharray="3,2"')
        return "".join(_rect(*self.xy(r, col), c, c,
                             pad_style if pad[r, col] else f'fill="{fills[r, col]}"{lines}')
                       for r in range(self.rows) for col in range(self.cols))

    def _numbers(self, inks, pad, pad_text, decimals) -> str:
        """Angka di tengah setiap sel; font diperkecil bila angkanya tidak muat selebar sel."""
        c, parts = self.cell, []
        for r in range(self.rows):
            for col in range(self.cols):
                text = pad_text if pad[r, col] else decimal(self.values[r, col], decimals)
                if not text:
                    continue
                size = min(c * 0.40, (c - 4) / max(text_width(text, 1.0), 1e-9))
                ink = MUTED if pad[r, col] else inks[r, col]
                x, y = self.xy(r, col)
                parts.append(f'<text x="{x + c / 2:.1f}" y="{y + c / 2 + size * 0.35:.1f}" '
                             f'font-size="{size:.1f}" text-anchor="middle" '
                             f'fill="{ink}">{escape(text)}</text>')
        return "".join(parts)

    def _hatching(self, dim) -> str:
        c, parts = self.cell, []
        for r, col in zip(*np.nonzero(dim)):
            x, y = self.xy(r, col)
            parts.append(_rect(x, y, c, c, f'fill="{colors.UNCOVERED}" fill-opacity="0.22"')
                         + f'<line x1="{x:.1f}" y1="{y + c:.1f}" x2="{x + c:.1f}" y2="{y:.1f}" '
                         f'stroke="{colors.UNCOVERED}" stroke-width="0.9" stroke-opacity="0.8"/>')
        return "".join(parts)

    def _labels(self, row_labels, col_labels) -> str:
        size, c, parts = min(11.0, self.cell * 0.6), self.cell, []
        for col, label in enumerate(col_labels or ()):
            if label not in (None, ""):
                parts.append(f'<text x="{self.x0 + (col + 0.5) * c:.1f}" y="{self.y0 - 4:.1f}" '
                             f'font-size="{size:.1f}" text-anchor="middle" '
                             f'fill="{MUTED}">{escape(label)}</text>')
        for r, label in enumerate(row_labels or ()):
            if label not in (None, ""):
                y = self.y0 + (r + 0.5) * c + size * 0.35
                parts.append(f'<text x="{self.x0 - 3:.1f}" y="{y:.1f}" font-size="{size:.1f}" '
                             f'text-anchor="end" fill="{MUTED}">{escape(label)}</text>')
        return "".join(parts)

    def _mark(self, mark: Mark) -> str:
        c = self.cell
        style = ((f'fill="{mark.color}" fill-opacity="{mark.fill_opacity}"'
                  if mark.fill_opacity else 'fill="none"')
                 + f' stroke="{mark.color}" stroke-width="{mark.width}"'
                 + (f' stroke-dasharray="{mark.dash}"' if mark.dash else ""))
        parts = []
        if mark.block is not None:
            r, col, h, w = mark.block
            parts.append(_rect(*self.xy(r, col), w * c, h * c, style))
        inset = min(mark.width / 2, c / 4)
        for r, col in mark.cells:
            x, y = self.xy(r, col)
            side = max(c - 2 * inset, 1)
            parts.append(_rect(x + inset, y + inset, side, side, style))
        return "".join(parts)

    def svg(self, marks=()) -> str:
        """SVG lengkap: isi yang tersimpan ditambah tanda-tandanya."""
        return document(self.width, self.height,
                        self._body + "".join(self._mark(m) for m in marks))
