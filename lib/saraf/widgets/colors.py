"""Warna bersama semua penjelajah: peta warna matplotlib dan warna tanda.

Setiap penjelajah memakai bahasa warna yang sama:

* ``GRAY`` (abu-abu): nilai piksel, gelap = kecil, terang = besar;
* ``DIVERGING`` (biru–putih–merah, ``"RdBu_r"``): nilai yang bisa negatif,
  biru = negatif/rendah, putih = 0/tengah, merah = positif/tinggi;
* hijau (``HIGHLIGHT``): jendela dan sel keluaran yang sedang dihitung;
* kuning pucat bergaris putus (``PAD_FILL``, ``PAD_STROKE``): padding;
* merah (``UNCOVERED``): sel yang tidak pernah tercakup jendela.

Warna peta diambil dari ``matplotlib.colormaps`` (tidak ada tabel warna tulisan tangan);
warna teks di atasnya dipilih dari kontrasnya (hitam atau putih, mana yang lebih terbaca).
"""

from __future__ import annotations

import functools

import numpy as np

__all__ = ["GRAY", "DIVERGING", "HIGHLIGHT", "PAD_FILL", "PAD_STROKE", "UNCOVERED",
           "GRID_LINE", "TEXT", "MUTED", "WHITE", "BAR_BEST", "BAR_OTHER", "BAR_TRACK",
           "CORRECT", "color_table", "value_rgb", "value_colors", "to_hex", "ink_color"]

GRAY = "gray"            # peta warna matplotlib untuk nilai piksel
DIVERGING = "RdBu_r"     # peta warna matplotlib untuk nilai bertanda (biru < 0 < merah)

HIGHLIGHT = "#2b9348"    # hijau: jendela dan sel keluaran terpilih
PAD_FILL = "#fff3bf"     # kuning pucat: padding
PAD_STROKE = "#e0a800"
UNCOVERED = "#c92a2a"    # merah: tidak pernah tercakup jendela
GRID_LINE = "#adb5bd"
TEXT = "#212529"         # teks biasa (hampir hitam)
MUTED = "#6c757d"        # teks pelengkap (label baris/kolom, angka bilah warna)
WHITE = "#ffffff"

# Diagram batang skor keyakinan (saraf.widgets.probabilities, juga saraf.plots).
BAR_BEST = "#e6550d"     # oranye: kelas prediksi (skor tertinggi)
BAR_OTHER = "#8fb8dc"    # biru muda: kelas lain
BAR_TRACK = "#f0f0f0"    # latar batang: panjang penuh = skor 1
CORRECT = "#2e7d32"      # hijau tua: label kelas yang benar


def to_hex(rgb) -> str:
    """Satu warna RGB (0–255) sebagai teks hex, mis. ``#2b9348``."""
    r, g, b = (int(v) for v in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def _luminance(rgb) -> np.ndarray:
    """Luminans relatif WCAG 2 dari warna RGB 0–255 (array ``(..., 3)``)."""
    c = np.asarray(rgb, dtype=float) / 255
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return linear @ np.array([0.2126, 0.7152, 0.0722])


def ink_color(rgb) -> np.ndarray:
    """Warna teks yang paling kontras di atas setiap warna: ``TEXT`` atau putih.

    Rasio kontras WCAG: (L_terang + 0,05) / (L_gelap + 0,05); dipilih yang lebih besar.
    """
    light = _luminance(rgb)
    dark_ink = _luminance([int(TEXT[i:i + 2], 16) for i in (1, 3, 5)])
    with_dark = (light + 0.05) / (dark_ink + 0.05)
    with_white = 1.05 / (light + 0.05)
    return np.where(with_dark >= with_white, TEXT, WHITE)


@functools.lru_cache(maxsize=None)
def color_table(cmap: str):
    """256 warna dari peta warna matplotlib ``cmap``: (RGB uint8, hex, warna teks).

    Dihitung sekali per peta warna, lalu setiap nilai tinggal memilih satu baris tabel.
    """
    import matplotlib

    rgba = matplotlib.colormaps[cmap](np.linspace(0.0, 1.0, 256))
    rgb = np.rint(rgba[:, :3] * 255).astype(np.uint8)
    hexes = np.array([to_hex(c) for c in rgb])
    return rgb, hexes, ink_color(rgb)


def _table_index(values, vmin, vmax) -> np.ndarray:
    """Nilai → baris tabel 0–255 (vmin → 0, vmax → 255; NaN → 0)."""
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if vmin is None:
        vmin = float(finite.min()) if finite.size else 0.0
    if vmax is None:
        vmax = float(finite.max()) if finite.size else 1.0
    span = (vmax - vmin) or 1.0
    scaled = np.nan_to_num((values - vmin) / span * 255, nan=0.0)
    return np.clip(scaled, 0, 255).astype(int)


def value_rgb(values, cmap: str = GRAY, vmin=None, vmax=None, *,
              lighten: float = 0.0) -> np.ndarray:
    """Warna RGB uint8 ``(..., 3)`` untuk setiap nilai (vmin/vmax bawaan: rentang data).

    ``lighten`` (0–1) mencampur warnanya dengan putih: 0,5 = separuh jalan ke putih,
    berguna untuk latar yang harus tetap terang di bawah titik berwarna pekat.
    """
    rgb = color_table(cmap)[0][_table_index(values, vmin, vmax)].astype(float)
    return np.rint(rgb + (255 - rgb) * lighten).astype(np.uint8)


def value_colors(values, cmap: str = GRAY, vmin=None, vmax=None):
    """Warna isi (hex) dan warna teks yang kontras (hex) untuk setiap nilai."""
    _, hexes, inks = color_table(cmap)
    index = _table_index(values, vmin, vmax)
    return hexes[index], inks[index]
