"""Potongan SVG bersama untuk semua penjelajah: teks, tumpukan, legenda, bilah warna.

Gambar penjelajah dibuat sebagai teks SVG oleh Python: cepat, tajam di proyektor, dan
selalu sama untuk masukan yang sama. Modul ini hanya berisi bagian kecil yang dipakai
berulang-ulang; kisi angka ada di :mod:`saraf.widgets.grid`, warna di
:mod:`saraf.widgets.colors`.

Lebar teks tidak ditebak: :func:`text_width` menjumlahkan lebar setiap huruf menurut
font DejaVu Sans yang dibawa matplotlib (font pertama yang diminta gambar ini), sehingga
judul dan legenda mendapat ruang yang pas.
"""

from __future__ import annotations

import base64
import functools
import html
import io

import numpy as np

from saraf.formatting import decimal
from saraf.widgets import colors
from saraf.widgets.colors import DIVERGING, GRID_LINE, HIGHLIGHT, MUTED, TEXT

__all__ = ["FONT", "MONO", "escape", "text_width", "document", "size_of", "text_lines",
           "symbol", "hstack", "vstack", "legend", "colorbar", "png_href", "to_html"]

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"
_EM = 100  # ukuran font saat lebar huruf diukur (lebar lalu diskalakan ke ukuran sebenarnya)


def escape(text) -> str:
    """Teks yang aman diletakkan di dalam SVG atau HTML (``<``, ``&``, tanda kutip)."""
    return html.escape(str(text), quote=True)


@functools.lru_cache(maxsize=None)
def _font(mono: bool, bold: bool):
    """Font DejaVu dari matplotlib (Sans atau Sans Mono, biasa atau tebal)."""
    from matplotlib import font_manager, ft2font

    prop = font_manager.FontProperties(family="DejaVu Sans Mono" if mono else "DejaVu Sans",
                                       weight="bold" if bold else "normal")
    font = ft2font.FT2Font(font_manager.findfont(prop))
    font.set_size(_EM, 72)  # 72 dpi: satu poin = satu piksel
    return font


@functools.lru_cache(maxsize=None)
def _advance(char: str, mono: bool, bold: bool) -> float:
    """Lebar satu huruf untuk font berukuran 1 piksel."""
    from matplotlib.ft2font import LoadFlags

    glyph = _font(mono, bold).load_char(ord(char), flags=LoadFlags.NO_HINTING)
    return glyph.linearHoriAdvance / 65536 / _EM


def text_width(text, size: float, *, mono: bool = False, bold: bool = False) -> float:
    """Lebar ``text`` (piksel) pada ukuran font ``size`` menurut metrik DejaVu Sans."""
    return size * sum(_advance(char, mono, bold) for char in str(text))


def document(width: float, height: float, body: str, *, font: str = FONT,
             font_size: float | None = None) -> str:
    """Satu elemen ``<svg>`` lengkap berukuran ``width × height`` berisi ``body``.

    ``font_size``: ukuran bawaan teks di dalamnya (None: ukuran bawaan peramban).
    """
    size = f' font-size="{font_size}"' if font_size else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.1f} {height:.1f}" font-family="{font}"{size}>{body}</svg>')


def size_of(svg: str) -> tuple[float, float]:
    """(lebar, tinggi) sebuah SVG dari atribut ``width``/``height`` elemen terluarnya."""
    head = svg[:svg.index(">")]
    width = float(head.split('width="', 1)[1].split('"', 1)[0])
    height = float(head.split('height="', 1)[1].split('"', 1)[0])
    return width, height


def text_lines(lines, *, size: float = 13, mono: bool = False, color: str = TEXT,
               bold_first: bool = False) -> str:
    """Beberapa baris teks sebagai satu SVG selebar baris terpanjangnya."""
    lines = [str(line) for line in lines]
    line_height = size * 1.35
    width = max((text_width(line, size, mono=mono, bold=bold_first and i == 0)
                 for i, line in enumerate(lines)), default=1.0) + 2
    parts = []
    for i, line in enumerate(lines):
        weight = ' font-weight="bold"' if bold_first and i == 0 else ""
        parts.append(f'<text x="0" y="{(i + 1) * line_height - size * 0.3:.1f}" '
                     f'font-size="{size}"{weight} fill="{color}" xml:space="preserve">'
                     f'{escape(line)}</text>')
    return document(width, line_height * len(lines) + 4, "".join(parts),
                    font=MONO if mono else FONT)


def symbol(char: str, height: float, size: float = 26) -> str:
    """Satu tanda besar (→, ×, =) di tengah kotak setinggi ``height``."""
    width = text_width(char, size) + 8
    return document(width, height,
                    f'<text x="{width / 2:.1f}" y="{height / 2 + size * 0.35:.1f}" '
                    f'font-size="{size}" text-anchor="middle" fill="{TEXT}">{escape(char)}</text>')


def _stack(parts, gap, horizontal, align="top") -> str:
    sizes = [size_of(p) for p in parts]
    along = 0 if horizontal else 1
    length = sum(s[along] for s in sizes) + gap * (len(parts) - 1)
    across = max(s[1 - along] for s in sizes)
    offset, inner = 0.0, []
    for part, size in zip(parts, sizes):
        side = (across - size[1 - along]) / 2 if align == "middle" else 0.0
        x, y = (offset, side) if horizontal else (side, offset)
        inner.append(part.replace("<svg ", f'<svg x="{x:.1f}" y="{y:.1f}" ', 1))
        offset += size[along] + gap
    width, height = (length, across) if horizontal else (across, length)
    return document(width, height, "".join(inner))


def hstack(parts, gap: float = 18, align: str = "top") -> str:
    """SVG-SVG berjajar ke samping dalam satu SVG (``align``: ``"top"`` atau ``"middle"``)."""
    return _stack(parts, gap, horizontal=True, align=align)


def vstack(parts, gap: float = 12) -> str:
    """SVG-SVG bertumpuk ke bawah dalam satu SVG, rata kiri."""
    return _stack(parts, gap, horizontal=False)


_SWATCHES = {  # kotak kecil di legenda, untuk setiap jenis tanda
    "window": f'fill="none" stroke="{HIGHLIGHT}" stroke-width="3"',
    "pad": f'fill="{colors.PAD_FILL}" stroke="{colors.PAD_STROKE}" stroke-dasharray="3,2"',
    "uncovered": f'fill="{colors.UNCOVERED}" fill-opacity="0.22"',
    "max": f'fill="{HIGHLIGHT}" fill-opacity="0.35" stroke="{HIGHLIGHT}" stroke-width="1.5"',
}


def legend(items, *, size: float = 12) -> str:
    """Legenda satu baris: daftar (jenis, teks); jenis = "window", "pad", "uncovered", "max"."""
    parts, x = [], 0.0
    for kind, label in items:
        if kind not in _SWATCHES:
            raise ValueError(f"jenis legenda tidak dikenal: {kind!r}")
        parts.append(f'<rect x="{x + 1:.1f}" y="3" width="14" height="14" {_SWATCHES[kind]}/>')
        if kind == "uncovered":  # arsiran: satu garis miring, seperti di kisi
            parts.append(f'<line x1="{x + 1:.1f}" y1="17" x2="{x + 15:.1f}" y2="3" '
                         f'stroke="{colors.UNCOVERED}" stroke-width="0.9"/>')
        parts.append(f'<text x="{x + 21:.1f}" y="{10 + size * 0.35:.1f}" font-size="{size}" '
                     f'fill="{TEXT}">{escape(label)}</text>')
        x += 21 + text_width(label, size) + 18
    return document(x, 22, "".join(parts))


def colorbar(vmin, vmax, cmap: str, *, width: float = 180, label: str = "") -> str:
    """Bilah warna mendatar dengan nilai terkecil, 0 (untuk peta biru–merah), dan terbesar.

    ``width`` adalah lebar bilahnya; teks ``label`` di bawahnya boleh lebih lebar.
    """
    steps = 32
    fills, _ = colors.value_colors(np.linspace(vmin, vmax, steps), cmap, vmin, vmax)
    w = width / steps
    parts = [f'<rect x="{i * w:.2f}" y="2" width="{w + 0.3:.2f}" height="10" fill="{fill}"/>'
             for i, fill in enumerate(fills)]
    parts.append(f'<rect x="0" y="2" width="{width:.1f}" height="10" fill="none" '
                 f'stroke="{GRID_LINE}" stroke-width="0.6"/>')
    ticks = [(0.0, decimal(vmin), "start"), (width, decimal(vmax), "end")]
    if cmap == DIVERGING and vmin < 0 < vmax:
        ticks.append((width * (0 - vmin) / (vmax - vmin), "0", "middle"))
    for x, text, anchor in ticks:
        parts.append(f'<text x="{x:.1f}" y="25" font-size="11" text-anchor="{anchor}" '
                     f'fill="{MUTED}">{escape(text)}</text>')
    total = width
    if label:
        parts.append(f'<text x="0" y="39" font-size="11" fill="{TEXT}">{escape(label)}</text>')
        total = max(width, text_width(label, 11))
    return document(total, 43 if label else 29, "".join(parts))


def png_href(rgb) -> str:
    """Gambar RGB uint8 ``(H, W, 3)`` sebagai alamat data PNG untuk ``<image href=…>``."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.asarray(rgb, dtype=np.uint8), mode="RGB").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def to_html(*parts, gap: int = 16, wrap: bool = True, align: str = "flex-start") -> str:
    """Beberapa SVG (atau potongan HTML) berdampingan dalam satu blok HTML (untuk widget)."""
    flex = "wrap" if wrap else "nowrap"
    inner = "".join(f"<div>{p}</div>" for p in parts)
    return (f'<div style="display:flex;flex-wrap:{flex};gap:{gap}px;align-items:{align};'
            f'font-family:{FONT}">{inner}</div>')
