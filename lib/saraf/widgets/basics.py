"""Widget sederhana untuk pelajaran 00.

Setiap fungsi membuat widget yang langsung dapat ditampilkan di notebook dalam satu
baris. Logikanya memakai ``observe`` sehingga dapat diuji tanpa peramban: ubah nilai
slider, lalu periksa isi widget keluarannya.
"""

from __future__ import annotations

import ipywidgets as widgets

from saraf.formatting import thousands
from saraf.validation import as_int

__all__ = ["pixel_count_demo"]


def pixel_count_html(side: int) -> str:
    """Kalimat yang ditampilkan: banyak angka dalam gambar ``side × side`` piksel."""
    return (f"<p>Gambar {side} × {side} piksel berisi <b>{thousands(side * side)}</b> angka "
            f"(grayscale: satu angka per piksel).</p>")


def pixel_count_demo(side: int = 28) -> widgets.VBox:
    """Contoh widget pertama (pelajaran 00): geser slider, teksnya ikut berubah."""
    side = as_int("side", side, 1, 64)
    slider = widgets.IntSlider(value=side, min=1, max=64, description="Sisi (piksel)",
                               style={"description_width": "initial"})
    output = widgets.HTML(pixel_count_html(side))

    def update(change):
        output.value = pixel_count_html(change["new"])

    slider.observe(update, names="value")
    box = widgets.VBox([slider, output])
    box.slider, box.output = slider, output  # untuk tes dan untuk penjelajah yang penasaran
    return box
