"""Angka untuk dibaca manusia, di satu tempat (aturan GAYA.md: koma desimal, titik ribuan).

Di sini juga bilah kemajuan pelatihan (:func:`progress_bar`) yang dipakai ``saraf.mlp`` dan
``saraf.numpy_cnn``.

Dipakai oleh judul dan label gambar, label widget, dan pesan kesalahan. Yang dicetak Python
sendiri (``print(x)``, repr array, angka pada sumbu) tetap memakai titik.

>>> decimal(0.7412), decimal(-3.0), decimal(12.5, 1), thousands(1619535)
('0,74', '−3', '12,5', '1.619.535')
>>> percent(0.9781, 1)
'97,8%'
"""

from __future__ import annotations

import math

__all__ = ["decimal", "fixed", "significant", "thousands", "percent", "progress_bar"]


def decimal(value, digits: int = 2) -> str:
    """Paling banyak ``digits`` angka di belakang koma; nol di ujung dibuang; minus asli (−).

    Bilangan bulat ditulis tanpa koma (``3``), NaN sebagai ``?``, tak hingga sebagai ``∞``.
    """
    v = float(value)
    if math.isnan(v):
        return "?"
    if math.isinf(v):
        return "−∞" if v < 0 else "∞"
    nearest = round(v)
    if abs(v - nearest) < 1e-9 * max(1.0, abs(v)):
        text = str(int(nearest))
    else:
        text = f"{v:.{digits}f}".rstrip("0").rstrip(".")
    text = text.replace(".", ",").replace("-", "−")
    return "0" if text == "−0" else text


def fixed(value, digits: int = 2) -> str:
    """Tepat ``digits`` angka di belakang koma, dengan titik ribuan: ``0,50``, ``1.001,00``."""
    text = f"{float(value):,.{digits}f}"                  # gaya Inggris: 1,001.00
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".").replace("-", "−")
    if text.startswith("−") and not any(c in "123456789" for c in text):
        text = text[1:]                                       # −0,00 ditulis 0,00
    return text


def significant(value, digits: int = 4) -> str:
    """``digits`` angka penting: ``7,389``; ``0,3679``; ``22.026``; ``2,061·10^−9``."""
    v = float(value)
    if v != 0 and abs(v) < 1e-4:
        mantissa, exponent = f"{v:.{digits - 1}e}".split("e")
        return f"{decimal(float(mantissa), digits - 1)}·10^{decimal(int(exponent))}"
    if abs(v) >= 10 ** digits:
        return thousands(round(v))
    return f"{v:.{digits}g}".replace(".", ",").replace("-", "−")


def thousands(value) -> str:
    """Bilangan bulat dengan titik ribuan: ``60.000``."""
    n = int(value)
    return f"{n:,}".replace(",", ".").replace("-", "−")


def percent(fraction, digits: int = 1) -> str:
    """Pecahan sebagai persen dengan koma desimal: ``percent(0.978) == '97,8%'``."""
    return f"{fixed(100 * float(fraction), digits)}%"


def progress_bar(total: int, unit: str):
    """Bilah kemajuan tqdm ``pelatihan`` ke stderr, atau ``None`` bila tqdm tidak terpasang.

    Teks biasa, bukan widget, agar keluaran notebook yang tersimpan tetap terbaca.
    ``total``: banyak langkah; ``unit``: nama satu langkah (``"epoch"``, ``"batch"``).
    """
    try:
        from tqdm import tqdm  # impor di sini: tqdm opsional
    except ImportError:  # pragma: no cover - tqdm ada di lingkungan kursus
        return None
    return tqdm(total=total, desc="pelatihan", unit=unit, leave=False)
