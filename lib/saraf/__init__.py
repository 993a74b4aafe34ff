"""Saraf: pustaka pendamping seri notebook jaringan saraf tiruan (JST) berbahasa Indonesia.

Modul-modulnya sengaja kecil dan dapat dibaca:

* ``saraf.data``: memuat MNIST dan Fashion-MNIST (data asli bawaan, luring).
* ``saraf.checks``: pemeriksa latihan dengan umpan balik berbahasa Indonesia.
* ``saraf.plots``: gambar untuk pelajaran (label berbahasa Indonesia).
* ``saraf.env``: pemeriksaan lingkungan (paket yang dibutuhkan seri ini).

Mengimpor ``saraf`` tidak memuat TensorFlow; modul yang membutuhkannya memuatnya sendiri.
"""

from saraf.session import setup

__version__ = "0.1.0"
__all__ = ["setup", "__version__"]
