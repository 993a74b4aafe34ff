"""Pesan kesalahan baku untuk `saraf`: nama parameter, yang diharapkan, dan yang diberikan.

Satu tempat untuk aturan ini, dipakai ``saraf.mlp``, ``saraf.cnn``, ``saraf.predict``, dan
``saraf.preprocess``. Hanya butuh NumPy (gambar PIL dikenali tanpa mengimpor Pillow).
"""

from __future__ import annotations

import numbers

import numpy as np


def short(value) -> str:
    """Ringkasan nilai untuk pesan kesalahan: array dan gambar ditulis bentuk dan tipenya saja."""
    if isinstance(value, np.ndarray):
        return f"array berbentuk {value.shape} bertipe {value.dtype}"
    if (type(value).__module__ or "").startswith("PIL.") and hasattr(value, "mode"):
        return f"gambar PIL mode {value.mode} berukuran {value.size[0]} × {value.size[1]}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def error(name: str, expected: str, given, hint: str = "") -> ValueError:
    """``ValueError`` baku: "`name` harus <expected>, tetapi yang diberikan: <given>." + petunjuk."""
    message = f"`{name}` harus {expected}, tetapi yang diberikan: {short(given)}."
    return ValueError(f"{message} {hint}" if hint else message)


def is_int(value) -> bool:
    """True untuk bilangan bulat Python/NumPy (bool tidak dihitung)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))
