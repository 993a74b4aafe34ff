"""Satu tempat untuk menemukan berkas yang ikut bersama `saraf`: data bawaan dan model tersimpan.

Di repositori, berkasnya ada di folder ``data/`` dan ``assets/``. ``pyproject.toml``
memasang kedua folder itu sebagai paket data ``saraf._data`` dan ``saraf._assets``, sehingga
berkasnya ditemukan dengan cara yang sama, baik ``saraf`` dipasang dari checkout ini
(``pip install -e .``) maupun dipasang biasa (``pip install .``) dan dipakai dari folder lain.

Variabel lingkungan ``SARAF_DATA_DIR`` mengganti folder data bawaan (misalnya untuk tes).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

__all__ = ["DATA_DIR", "ASSETS_DIR", "data_file", "asset"]


def _package_folder(package: str) -> Path:
    """Folder tempat paket data ``package`` berada di disk."""
    module = importlib.import_module(package)
    return Path(next(iter(module.__path__))).resolve()


#: Folder data bawaan (``data/`` di repositori).
DATA_DIR = Path(os.environ["SARAF_DATA_DIR"]) if os.environ.get("SARAF_DATA_DIR") \
    else _package_folder("saraf._data")

#: Folder model dan gambar tersimpan (``assets/`` di repositori).
ASSETS_DIR = _package_folder("saraf._assets")


def data_file(name: str) -> Path:
    """Path berkas data bawaan, misalnya ``data_file("mnist_embedded.npz")``."""
    return DATA_DIR / name


def asset(*parts: str) -> Path:
    """Path berkas tersimpan, misalnya ``asset("cnn_mnist.keras")`` atau
    ``asset("handwriting", "mouse_7.png")``."""
    return ASSETS_DIR.joinpath(*parts)
