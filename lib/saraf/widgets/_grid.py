"""Pembantu SVG bersama untuk penjelajah konvolusi dan pooling.

Kisi angka (gambar, kernel, peta fitur) digambar sebagai teks SVG yang dibuat dengan
Python: cepat, tajam di proyektor, dan selalu sama untuk masukan yang sama (tidak
bergantung pada matplotlib). Kedua penjelajah memakai warna dan tanda yang sama:

* abu-abu: nilai piksel (gelap = kecil, terang = besar);
* biru–putih–merah: nilai yang bisa negatif (biru = negatif, putih = 0, merah = positif);
* kotak hijau tebal: jendela yang sedang dihitung dan sel keluarannya;
* kotak kuning bergaris putus: padding;
* arsiran merah: sel yang tidak pernah tercakup jendela.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np

__all__ = [
    "HIGHLIGHT", "PAD_FILL", "PAD_STROKE", "UNCOVERED", "FONT",
    "fmt_number", "is_rounded", "value_colors", "Grid", "Mark",
    "legend_svg", "colorbar_svg", "text_svg", "hstack_svg", "vstack_svg", "svg_html",
]

HIGHLIGHT = "#2b9348"      # hijau: jendela dan sel keluaran terpilih
HIGHLIGHT_FILL = "#2b9348"
PAD_FILL = "#fff3bf"       # kuning pucat: padding
PAD_STROKE = "#e0a800"
UNCOVERED = "#c92a2a"      # merah: tidak pernah tercakup jendela
GRID_LINE = "#adb5bd"
TEXT = "#212529"
MUTED = "#6c757d"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"

_NEG = np.array([33, 102, 172], float)    # biru  (#2166ac)
_MID = np.array([247, 247, 247], float)   # putih (#f7f7f7)
_POS = np.array([178, 24, 43], float)     # merah (#b2182b)


def _lut(kind: str):
    """Tabel 256 warna hex dan warna teks yang kontras untuk setiap warna."""
    t = np.linspace(0.0, 1.0, 256)[:, None]
    if kind == "gray":
        rgb = np.repeat(t * 255, 3, axis=1)
    else:  # diverging: 0 → biru, 0,5 → putih, 1 → merah
        low = _MID + (_NEG - _MID) * np.clip(1 - 2 * t, 0, 1)
        high = _MID + (_POS - _MID) * np.clip(2 * t - 1, 0, 1)
        rgb = np.where(t < 0.5, low, high)
    rgb = np.rint(rgb).astype(int)
    hexes = np.array([f"#{r:02x}{g:02x}{b:02x}" for r, g, b in rgb])
    luminance = rgb @ np.array([0.299, 0.587, 0.114])
    text = np.where(luminance > 140, TEXT, "#ffffff")
    return hexes, text


_LUTS = {kind: _lut(kind) for kind in ("gray", "diverging")}


def fmt_number(value, decimals: int = 2) -> str:
    """Angka untuk dibaca manusia: koma desimal, tanda minus asli (−), bilangan bulat tanpa koma.

    >>> fmt_number(-3.0), fmt_number(0.1111), fmt_number(12.5)
    ('−3', '0,11', '12,5')
    """
    v = float(value)
    if np.isnan(v):
        return "?"
    if np.isinf(v):
        return "−∞" if v < 0 else "∞"
    nearest = round(v)
    if abs(v - nearest) < 1e-9 * max(1.0, abs(v)):
        text = str(int(nearest))
    else:
        text = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
    text = text.replace(".", ",").replace("-", "−")
    return "0" if text == "−0" else text


def is_rounded(value, decimals: int = 2) -> bool:
    """True bila `fmt_number(value, decimals)` membulatkan nilainya."""
    v = float(value)
    return bool(np.isfinite(v) and abs(v - round(v, decimals)) > 1e-9 * max(1.0, abs(v)))


def value_colors(values, cmap: str = "gray", vmin=None, vmax=None):
    """Warna isi (hex) dan warna teks untuk setiap nilai.

    ``cmap="gray"``: vmin → hitam, vmax → putih. ``cmap="diverging"``: rentang simetris
    di sekitar 0 (biru negatif, putih nol, merah positif) kecuali vmin/vmax diberikan.
    """
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if cmap == "diverging":
        if vmax is None:
            vmax = float(np.abs(finite).max()) if finite.size else 1.0
            vmax = vmax if vmax > 0 else 1.0
        if vmin is None:
            vmin = -vmax
    else:
        if vmin is None:
            vmin = float(finite.min()) if finite.size else 0.0
        if vmax is None:
            vmax = float(finite.max()) if finite.size else 1.0
    span = (vmax - vmin) or 1.0
    index = np.clip(np.nan_to_num((values - vmin) / span * 255, nan=0.0), 0, 255).astype(int)
    hexes, text = _LUTS["gray" if cmap == "gray" else "diverging"]
    return hexes[index], text[index]


def _esc(text) -> str:
    return html.escape(str(text), quote=True)


@dataclass
class Mark:
    """Tanda di atas kisi: kotak di sekeliling sel-sel (atau satu blok bila ``block``).

    ``cells``: daftar (baris, kolom); ``block``: (baris, kolom, tinggi, lebar).
    """

    cells: tuple = ()
    block: tuple | None = None
    color: str = HIGHLIGHT
    width: float = 3.0
    dash: str | None = None
    fill_opacity: float = 0.0


class Grid:
    """Satu kisi angka sebagai SVG, dengan isi yang disimpan agar tanda bisa diganti cepat.

    Parameter
    ---------
    values : array 2-D
    cell : ukuran satu sel dalam piksel layar
    cmap : ``"gray"`` atau ``"diverging"``
    numbers : tampilkan angka di setiap sel (None: otomatis, bila sel cukup besar)
    pad_mask : array bool, True = sel padding (digambar kuning pucat)
    pad_text : teks di sel padding bila angka ditampilkan (mis. ``"0"``)
    dim_mask : array bool, True = sel yang tidak pernah tercakup (diarsir merah)
    row_labels, col_labels : label di kiri/atas setiap baris/kolom (None = tanpa label)
    title : judul di atas kisi
    """

    def __init__(self, values, *, cell: float = 32, cmap: str = "gray", vmin=None, vmax=None,
                 numbers: bool | None = None, pad_mask=None, pad_text: str = "0",
                 dim_mask=None, row_labels=None, col_labels=None, title: str | None = None,
                 decimals: int = 2):
        values = np.asarray(values, dtype=float)
        if values.ndim != 2:
            raise ValueError(f"`values` harus array 2-D, tetapi yang diberikan berbentuk "
                             f"{values.shape}.")
        self.values = values
        self.rows, self.cols = values.shape
        self.cell = float(cell)
        self.label_size = 0.0
        if row_labels is not None or col_labels is not None:
            self.label_size = 16.0 if self.cell >= 14 else 0.0
        self.title_size = 20.0 if title else 0.0
        self.x0 = self.label_size + 1
        self.y0 = self.title_size + self.label_size + 1
        self.width = self.x0 + self.cols * self.cell + 2
        if title:  # judul yang lebih lebar dari kisinya tidak terpotong
            self.width = max(self.width, self.x0 + len(title) * 8.2)
        self.height = self.y0 + self.rows * self.cell + 2
        fills, inks = value_colors(values, cmap, vmin, vmax)
        pad = np.zeros(values.shape, bool) if pad_mask is None else np.asarray(pad_mask, bool)
        texts = None
        if numbers is None:
            numbers = self.cell >= 22
        if numbers:
            texts = [[pad_text if pad[r, c] else fmt_number(values[r, c], decimals)
                      for c in range(self.cols)] for r in range(self.rows)]
        self.numbers = bool(numbers)
        self._body = self._build_body(fills, inks, pad, texts, dim_mask, row_labels,
                                      col_labels, title)

    def xy(self, row, col):
        """Pojok kiri atas sel (baris, kolom) dalam koordinat SVG."""
        return self.x0 + col * self.cell, self.y0 + row * self.cell

    def _build_body(self, fills, inks, pad, texts, dim_mask, row_labels, col_labels, title):
        c = self.cell
        parts = []
        if title:
            parts.append(f'<text x="{self.x0:.1f}" y="14" font-size="13" font-weight="bold" '
                         f'fill="{TEXT}">{_esc(title)}</text>')
        stroke = f' stroke="{GRID_LINE}" stroke-width="0.5"' if c >= 8 else ""
        for r in range(self.rows):
            y = self.y0 + r * c
            for col in range(self.cols):
                x = self.x0 + col * c
                if pad[r, col]:
                    parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{c:.1f}" height="{c:.1f}" '
                                 f'fill="{PAD_FILL}" stroke="{PAD_STROKE}" stroke-width="0.8" '
                                 f'stroke-dasharray="3,2"/>')
                else:
                    parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{c:.1f}" height="{c:.1f}" '
                                 f'fill="{fills[r, col]}"{stroke}/>')
        if texts is not None:
            for r in range(self.rows):
                for col in range(self.cols):
                    text = texts[r][col]
                    size = min(c * 0.40, c * 1.35 / max(len(text), 1))
                    ink = MUTED if pad[r, col] else inks[r, col]
                    x, y = self.xy(r, col)
                    parts.append(f'<text x="{x + c / 2:.1f}" y="{y + c / 2 + size * 0.35:.1f}" '
                                 f'font-size="{size:.1f}" text-anchor="middle" '
                                 f'fill="{ink}">{_esc(text)}</text>')
        if dim_mask is not None:
            dim = np.asarray(dim_mask, bool)
            for r, col in zip(*np.nonzero(dim)):
                x, y = self.xy(r, col)
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{c:.1f}" height="{c:.1f}" '
                             f'fill="{UNCOVERED}" fill-opacity="0.22"/>'
                             f'<line x1="{x:.1f}" y1="{y + c:.1f}" x2="{x + c:.1f}" y2="{y:.1f}" '
                             f'stroke="{UNCOVERED}" stroke-width="0.9" stroke-opacity="0.8"/>')
        if self.label_size:
            size = min(11.0, c * 0.6)
            if col_labels is not None:
                for col, label in enumerate(col_labels):
                    if label is None or label == "":
                        continue
                    x = self.x0 + (col + 0.5) * c
                    parts.append(f'<text x="{x:.1f}" y="{self.y0 - 4:.1f}" font-size="{size:.1f}" '
                                 f'text-anchor="middle" fill="{MUTED}">{_esc(label)}</text>')
            if row_labels is not None:
                for r, label in enumerate(row_labels):
                    if label is None or label == "":
                        continue
                    y = self.y0 + (r + 0.5) * c + size * 0.35
                    parts.append(f'<text x="{self.x0 - 3:.1f}" y="{y:.1f}" font-size="{size:.1f}" '
                                 f'text-anchor="end" fill="{MUTED}">{_esc(label)}</text>')
        return "".join(parts)

    def _marks_svg(self, marks) -> str:
        c = self.cell
        parts = []
        for mark in marks:
            dash = f' stroke-dasharray="{mark.dash}"' if mark.dash else ""
            fill = (f'fill="{mark.color}" fill-opacity="{mark.fill_opacity}"'
                    if mark.fill_opacity else 'fill="none"')
            if mark.block is not None:
                r, col, h, w = mark.block
                x, y = self.xy(r, col)
                parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w * c:.1f}" '
                             f'height="{h * c:.1f}" {fill} stroke="{mark.color}" '
                             f'stroke-width="{mark.width}"{dash}/>')
            for r, col in mark.cells:
                x, y = self.xy(r, col)
                inset = min(mark.width / 2, c / 4)
                parts.append(f'<rect x="{x + inset:.1f}" y="{y + inset:.1f}" '
                             f'width="{max(c - 2 * inset, 1):.1f}" '
                             f'height="{max(c - 2 * inset, 1):.1f}" {fill} '
                             f'stroke="{mark.color}" stroke-width="{mark.width}"{dash}/>')
        return "".join(parts)

    def svg(self, marks=()) -> str:
        """SVG lengkap (isi yang tersimpan + tanda)."""
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width:.0f}" '
                f'height="{self.height:.0f}" viewBox="0 0 {self.width:.1f} {self.height:.1f}" '
                f'font-family="{FONT}">{self._body}{self._marks_svg(marks)}</svg>')


def text_svg(lines, *, size: float = 13, width: float | None = None, mono: bool = False,
             color: str = TEXT, bold_first: bool = False) -> str:
    """Beberapa baris teks sebagai SVG (untuk gambar statis)."""
    lines = [str(line) for line in lines]
    line_height = size * 1.35
    if width is None:
        width = max((len(line) for line in lines), default=1) * size * (0.62 if mono else 0.58)
    height = line_height * len(lines) + 4
    family = MONO if mono else FONT
    parts = []
    for i, line in enumerate(lines):
        weight = ' font-weight="bold"' if bold_first and i == 0 else ""
        parts.append(f'<text x="0" y="{(i + 1) * line_height - size * 0.3:.1f}" '
                     f'font-size="{size}"{weight} fill="{color}" xml:space="preserve">'
                     f'{_esc(line)}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'font-family="{family}">{"".join(parts)}</svg>')


def _svg_size(svg: str):
    head = svg[:svg.index(">")]
    width = float(head.split('width="', 1)[1].split('"', 1)[0])
    height = float(head.split('height="', 1)[1].split('"', 1)[0])
    return width, height


def hstack_svg(parts, gap: float = 18, align: str = "top") -> str:
    """Menjajarkan beberapa SVG ke samping dalam satu SVG (untuk gambar statis)."""
    sizes = [_svg_size(p) for p in parts]
    width = sum(w for w, _ in sizes) + gap * (len(parts) - 1)
    height = max(h for _, h in sizes)
    x, inner = 0.0, []
    for part, (w, h) in zip(parts, sizes):
        y = (height - h) / 2 if align == "middle" else 0.0
        inner.append(part.replace("<svg ", f'<svg x="{x:.1f}" y="{y:.1f}" ', 1))
        x += w + gap
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.1f} {height:.1f}">{"".join(inner)}</svg>')


def vstack_svg(parts, gap: float = 12) -> str:
    """Menumpuk beberapa SVG ke bawah dalam satu SVG (untuk gambar statis)."""
    sizes = [_svg_size(p) for p in parts]
    width = max(w for w, _ in sizes)
    height = sum(h for _, h in sizes) + gap * (len(parts) - 1)
    y, inner = 0.0, []
    for part, (_, h) in zip(parts, sizes):
        inner.append(part.replace("<svg ", f'<svg x="0" y="{y:.1f}" ', 1))
        y += h + gap
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.1f} {height:.1f}">{"".join(inner)}</svg>')


def legend_svg(items, *, size: float = 12, width: float | None = None) -> str:
    """Legenda: daftar (jenis, teks); jenis = "window", "pad", "uncovered", "max"."""
    parts, x = [], 0.0
    for kind, label in items:
        if kind == "window":
            swatch = (f'<rect x="{x + 1:.1f}" y="3" width="14" height="14" fill="none" '
                      f'stroke="{HIGHLIGHT}" stroke-width="3"/>')
        elif kind == "pad":
            swatch = (f'<rect x="{x + 1:.1f}" y="3" width="14" height="14" fill="{PAD_FILL}" '
                      f'stroke="{PAD_STROKE}" stroke-dasharray="3,2"/>')
        elif kind == "uncovered":
            swatch = (f'<rect x="{x + 1:.1f}" y="3" width="14" height="14" fill="{UNCOVERED}" '
                      f'fill-opacity="0.22"/><line x1="{x + 1:.1f}" y1="17" x2="{x + 15:.1f}" '
                      f'y2="3" stroke="{UNCOVERED}" stroke-width="0.9"/>')
        elif kind == "max":
            swatch = (f'<rect x="{x + 1:.1f}" y="3" width="14" height="14" fill="{HIGHLIGHT}" '
                      f'fill-opacity="0.35" stroke="{HIGHLIGHT}" stroke-width="1.5"/>')
        else:
            raise ValueError(f"jenis legenda tidak dikenal: {kind!r}")
        parts.append(swatch)
        parts.append(f'<text x="{x + 21:.1f}" y="{10 + size * 0.35:.1f}" font-size="{size}" '
                     f'fill="{TEXT}">{_esc(label)}</text>')
        x += 21 + len(label) * size * 0.56 + 18
    total = width if width is not None else x
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total:.0f}" height="22" '
            f'font-family="{FONT}">{"".join(parts)}</svg>')


def colorbar_svg(vmin, vmax, cmap: str = "gray", *, width: float = 180,
                 label: str = "") -> str:
    """Bilah warna mendatar dengan nilai terkecil, 0 (untuk biru–merah), dan terbesar.

    ``width`` adalah lebar bilahnya; teks ``label`` di bawahnya boleh lebih lebar.
    """
    steps = 32
    values = np.linspace(vmin, vmax, steps)
    fills, _ = value_colors(values[None, :], cmap, vmin, vmax)
    w = width / steps
    parts = [f'<rect x="{i * w:.2f}" y="2" width="{w + 0.3:.2f}" height="10" fill="{fills[0, i]}"/>'
             for i in range(steps)]
    parts.append(f'<rect x="0" y="2" width="{width:.1f}" height="10" fill="none" '
                 f'stroke="{GRID_LINE}" stroke-width="0.6"/>')
    ticks = [(0.0, fmt_number(vmin), "start"), (width, fmt_number(vmax), "end")]
    if cmap == "diverging" and vmin < 0 < vmax:
        ticks.append((width * (0 - vmin) / (vmax - vmin), "0", "middle"))
    for x, text, anchor in ticks:
        parts.append(f'<text x="{x:.1f}" y="25" font-size="11" text-anchor="{anchor}" '
                     f'fill="{MUTED}">{_esc(text)}</text>')
    total = width
    if label:
        parts.append(f'<text x="0" y="39" font-size="11" fill="{TEXT}">{_esc(label)}</text>')
        total = max(width, len(label) * 6.3)
    height = 43 if label else 29
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{total:.0f}" height="{height}" '
            f'font-family="{FONT}">{"".join(parts)}</svg>')


def svg_html(*parts, gap: int = 16, wrap: bool = True, align: str = "flex-start") -> str:
    """Beberapa SVG (atau potongan HTML) berdampingan dalam satu blok HTML (untuk widget)."""
    flex = "wrap" if wrap else "nowrap"
    inner = "".join(f"<div>{p}</div>" for p in parts)
    return (f'<div style="display:flex;flex-wrap:{flex};gap:{gap}px;align-items:{align};'
            f'font-family:{FONT}">{inner}</div>')
