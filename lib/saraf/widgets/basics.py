"""Widget sederhana untuk pelajaran 00.

Setiap fungsi membuat widget yang langsung dapat ditampilkan di notebook dalam satu
baris. Logikanya memakai ``observe`` sehingga dapat diuji tanpa peramban: ubah nilai
slider, lalu periksa isi widget keluarannya.
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["pixel_count_demo"]


def _pixel_count_html(side: int) -> str:
    return (f"<p>Gambar {side} × {side} piksel berisi <b>{side * side:,}</b> angka "
            f"(grayscale: satu angka per piksel).</p>").replace(",", ".")


def pixel_count_demo(side: int = 28) -> widgets.VBox:
    """Contoh widget pertama (pelajaran 00): geser slider, teksnya ikut berubah."""
    if isinstance(side, bool) or not isinstance(side, int) or not 1 <= side <= 64:
        raise ValueError(f"`side` harus bilangan bulat dari 1 sampai 64, tetapi yang "
                         f"diberikan: {side!r}.")
    slider = widgets.IntSlider(value=side, min=1, max=64, description="Sisi (piksel)",
                               style={"description_width": "initial"})
    output = widgets.HTML(_pixel_count_html(side))

    def update(change):
        output.value = _pixel_count_html(change["new"])

    slider.observe(update, names="value")
    box = widgets.VBox([slider, output])
    box.slider, box.output = slider, output  # untuk tes dan untuk penjelajah yang penasaran
    return box
