"""Widget interaktif untuk pelajaran (ipywidgets).

Setiap widget dibuat dengan satu baris di notebook, misalnya ``conv_explorer()``.
Logikanya memakai ``observe`` sehingga dapat diuji tanpa peramban: ubah nilai
slider, lalu periksa apa yang kini ditampilkan widget.

Nama-nama di bawah dimuat saat pertama dipakai, sehingga ``import saraf.widgets`` tetap ringan.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "pixel_count_demo": "saraf.widgets.basics",
    "neuron_explorer": "saraf.widgets.neuron",
    "conv_explorer": "saraf.widgets.conv",
    "pool_explorer": "saraf.widgets.pool",
    "softmax_explorer": "saraf.widgets.softmax",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"modul 'saraf.widgets' tidak punya atribut {name!r}")


def __dir__():
    return __all__
