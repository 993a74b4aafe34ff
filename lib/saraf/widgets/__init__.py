"""Widget interaktif untuk pelajaran (ipywidgets).

Setiap widget dibuat dengan satu baris di notebook, misalnya ``conv_explorer()``.
Logikanya memakai ``observe`` sehingga dapat diuji tanpa peramban: ubah nilai
slider, lalu periksa apa yang kini ditampilkan widget.

Setiap penjelajah terdiri atas modul keadaan tanpa widget (``conv_state``, ``pool_state``,
``neuron_state``, ``softmax_state``, ``gradient_descent_state``: angka, rumus, dan teksnya)
dan modul tampilannya (``conv``, ``pool``, ``neuron``, ``softmax``, ``gradient_descent``),
yang memakai bagian bersama: ``colors`` (peta warna), ``svg``, ``grid``, dan
``window_view`` (gambar), ``window_state`` (jendela yang digeser konvolusi dan pooling),
``controls`` (kontrol ipywidgets), serta ``probabilities`` (satu-satunya diagram batang
skor keyakinan). Papan gambar (``drawpad``, dengan ``drawpad.js`` dan ``drawpad.css``) dan
``upload`` memakai model apa pun yang punya ``predict_proba`` (lihat :mod:`saraf.predict`).

Nama-nama di bawah dimuat saat pertama dipakai, sehingga ``import saraf.widgets`` tetap
ringan (tanpa ipywidgets dan matplotlib).
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "pixel_count_demo": "saraf.widgets.basics",       # pelajaran 00: widget pertama
    "neuron_explorer": "saraf.widgets.neuron",        # pelajaran 02: satu neuron
    "conv_explorer": "saraf.widgets.conv",            # pelajaran 03: konvolusi
    "conv_step": "saraf.widgets.conv",                # pelajaran 03: satu langkah (SVG)
    "receptive_field_explorer": "saraf.widgets.receptive_field",  # pelajaran 03: medan reseptif
    "receptive_field_picture": "saraf.widgets.receptive_field",   # pelajaran 03: gambar (SVG)
    "pool_explorer": "saraf.widgets.pool",            # pelajaran 05: pooling
    "pool_step": "saraf.widgets.pool",                # pelajaran 05: satu langkah (SVG)
    "softmax_explorer": "saraf.widgets.softmax",      # pelajaran 06: logit → probabilitas
    "gradient_descent_explorer": "saraf.widgets.gradient_descent",  # pelajaran 07
    "drawing_pad": "saraf.widgets.drawpad",           # pelajaran 15: papan gambar
    "upload_digit": "saraf.widgets.upload",           # pelajaran 15: unggah gambar angka
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"modul 'saraf.widgets' tidak punya atribut {name!r}")


def __dir__():
    return __all__
