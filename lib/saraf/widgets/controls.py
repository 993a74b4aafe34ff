"""Kontrol ipywidgets bersama semua penjelajah.

* :class:`Form`: slider, menu, dan tombol pilihan berlabel dengan gaya dan lebar yang
  sama (satu objek gaya untuk semua kontrol satu penjelajah: lebih sedikit model widget);
* :class:`CellPlayer`: slider "Sel keluaran" dengan tombol Putar (▶) yang terhubung;
* :class:`SourceMenu`: menu "Masukan" (pola kecil, MNIST, Fashion-MNIST, gambar Anda);
* :func:`watch`: satu fungsi dipanggil setiap kali salah satu kontrol berubah;
* :func:`message_box`: kotak pesan berwarna (info, peringatan, kesalahan).
"""

from __future__ import annotations

import functools

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
import numpy as np

from saraf.validation import as_choice
from saraf.widgets.svg import escape

__all__ = ["Form", "CellPlayer", "SourceMenu", "SOURCES", "sample_image", "watch",
           "message_box", "escaped_lines"]


class Form:
    """Pembuat kontrol berlabel untuk satu penjelajah.

    ``label_width``: lebar label di kiri kontrol; ``width``: lebar kontrol seluruhnya.
    """

    def __init__(self, label_width: str = "112px", width: str = "300px"):
        self.label_width = label_width
        self.layout = widgets.Layout(width=width)
        self.slider_style = widgets.SliderStyle(description_width=label_width)
        self.label_style = DescriptionStyle(description_width=label_width)

    def int_slider(self, description: str, value: int, low: int, high: int):
        return widgets.IntSlider(value=value, min=low, max=high, description=description,
                                 style=self.slider_style, layout=self.layout)

    def float_slider(self, description: str, value: float, low: float, high: float,
                     step: float = 0.1):
        """Slider bilangan; angka di sampingnya tetap bertitik desimal (gaya Python)."""
        return widgets.FloatSlider(value=value, min=low, max=high, step=step,
                                   readout_format=".2f", description=description,
                                   style=self.slider_style, layout=self.layout)

    def dropdown(self, description: str, options, value):
        """Menu pilihan; ``options`` berisi pasangan (teks yang tampil, nilai)."""
        return widgets.Dropdown(options=options, value=value, description=description,
                                style=self.label_style, layout=self.layout)

    def toggles(self, description: str, options, value):
        """Tombol pilihan dengan label di kiri, sejajar dengan label slider.

        Mengembalikan ``(baris, tombol)``: baris untuk tata letak, tombol untuk nilainya.
        (ToggleButtons sendiri menaruh labelnya di atas.)
        """
        buttons = widgets.ToggleButtons(options=options, value=value,
                                        layout=widgets.Layout(width="184px"))
        buttons.style.button_width = "84px"
        label = widgets.HTML(f"<div style='width:{int(self.label_width[:-2]) - 4}px;"
                             f"text-align:right;padding-right:6px;line-height:30px'>"
                             f"{description}</div>")
        return widgets.HBox([label, buttons]), buttons


class CellPlayer:
    """Slider "Sel keluaran" dan tombol Putar yang menggesernya satu sel demi satu sel.

    ``slider``, ``play``, ``label`` adalah ketiga widgetnya; ``row`` menjajarkan tombol
    Putar dan teks "baris i, kolom j" di bawah slider.
    """

    def __init__(self, form: Form):
        self.slider = form.int_slider("Sel keluaran", 0, 0, 0)
        self.play = widgets.Play(value=0, min=0, max=0, interval=700, description="Putar",
                                 layout=widgets.Layout(width="120px"))
        self.link = widgets.link((self.play, "value"), (self.slider, "value"))
        self.label = widgets.HTML()
        self.row = widgets.HBox([self.play, self.label])

    def set_count(self, n_cells: int) -> None:
        """Banyak sel keluaran berubah: batas atas, nilai saat ini, dan aktif/tidaknya."""
        top = max(n_cells - 1, 0)
        index = min(self.slider.value, top)
        self.slider.max = self.play.max = top
        self.slider.value = self.play.value = index
        self.slider.disabled = self.play.disabled = n_cells == 0


#: Pilihan menu "Masukan": kunci → teks yang tampil.
SOURCES = {
    "pola": "Pola kecil berangka",
    "mnist": "MNIST asli (28 × 28)",
    "fashion": "Fashion-MNIST (28 × 28)",
}


@functools.lru_cache(maxsize=None)
def sample_image(source: str) -> np.ndarray:
    """Gambar asli untuk menu Masukan: angka 4 MNIST dan tas Fashion-MNIST (data latih)."""
    from saraf import data

    if source == "mnist":
        (x, _), _ = data.load_mnist()
        image = x[6]      # angka 4: goresan vertikal dan horizontal
    else:
        (x, _), _ = data.load_fashion_mnist()
        image = x[4]      # tas: tepi vertikal dan horizontal yang jelas
    image = image.copy()
    image.flags.writeable = False
    return image


class SourceMenu:
    """Menu "Masukan" dan slider "Ukuran pola" (hanya aktif untuk pola kecil).

    ``pattern(size)`` membuat pola kecil; ``user_image`` (boleh None) muncul sebagai
    "Gambar Anda". ``source=None``: gambar Anda bila diberikan, selain itu pola kecil.
    """

    def __init__(self, form: Form, pattern, pattern_size: int, sizes: tuple,
                 user_image=None, source=None):
        options = [(label, key) for key, label in SOURCES.items()]
        if user_image is not None:
            h, w = user_image.shape
            options.append((f"Gambar Anda ({h} × {w})", "gambar"))
        if source is None:
            source = "gambar" if user_image is not None else "pola"
        as_choice("source", source, [key for _, key in options])
        self.pattern, self.user_image = pattern, user_image
        self.choice = form.dropdown("Masukan", options, source)
        self.size = form.int_slider("Ukuran pola", pattern_size, *sizes)

    def image(self) -> np.ndarray:
        """Gambar yang sedang dipilih; juga mematikan "Ukuran pola" bila bukan pola."""
        source = self.choice.value
        self.size.disabled = source != "pola"
        if source == "pola":
            return self.pattern(self.size.value)
        return self.user_image if source == "gambar" else sample_image(source)


def watch(controls, callback) -> None:
    """Memanggil ``callback(change)`` setiap kali nilai salah satu ``controls`` berubah."""
    for control in controls:
        control.observe(callback, names="value")


def escaped_lines(text: str) -> str:
    """Teks biasa (boleh beberapa baris) sebagai HTML: diloloskan, baris baru menjadi <br>."""
    return escape(text).replace("\n", "<br>")


_BOX_COLORS = {"info": ("#e7f5ff", "#1c7ed6"), "warn": ("#fff8e1", "#f9a825"),
               "error": ("#fff5f5", "#c92a2a")}


def message_box(content_html: str, kind: str = "info") -> str:
    """Kotak berwarna dengan garis tepi kiri: ``"info"`` biru, ``"warn"`` kuning,
    ``"error"`` merah. ``content_html`` sudah berupa HTML (lihat :func:`escaped_lines`)."""
    background, border = _BOX_COLORS[kind]
    return (f'<div style="background:{background};border-left:4px solid {border};'
            f'padding:6px 10px;margin:4px 0;line-height:1.45">{content_html}</div>')
