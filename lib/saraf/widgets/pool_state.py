"""Isi penjelajah pooling tanpa widget: angka, rumus, dan teks penjelasannya.

Bacalah modul ini untuk memahami apa yang ditampilkan ``pool_explorer()``:

* :func:`pool_pattern`: pola kecil berisi angka acak 0–9;
* :func:`pool_state`: masukan (dengan padding bila ``'same'``), keluaran (dihitung
  :func:`saraf.ops.max_pool2d` atau :func:`saraf.ops.avg_pool2d`), rumus ukuran keluaran
  yang diisi angka, dan penjelasan baris/kolom yang tidak pernah tercakup;
* :func:`calc_text`: hitungan satu jendela, mis. ``max(1, 3, 4, 6) = 6``.

Padding pooling diisi NaN: sel padding tidak pernah ikut dihitung (seperti TensorFlow).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from saraf import ops
from saraf.formatting import decimal
from saraf.validation import as_choice, as_int
from saraf.widgets.window_state import (WindowState, check_image, floor_steps, is_rounded,
                                        uncovered, uncovered_text)

__all__ = ["MODES", "pool_pattern", "check_mode", "check_pool_padding", "PoolState",
           "pool_state", "pool_formula", "calc_text", "max_position"]

#: Mode pooling: kunci → nama yang tampil.
MODES = {"max": "max pooling", "avg": "average pooling"}
_MODE_ALIASES = {"average": "avg", "rata-rata": "avg", "mean": "avg"}


@functools.lru_cache(maxsize=None)
def _pattern(size: int) -> np.ndarray:
    rng = np.random.default_rng(2024 + size)
    image = rng.integers(0, 10, size=(size, size))
    image.flags.writeable = False
    return image


def pool_pattern(size: int = 6) -> np.ndarray:
    """Pola kecil berisi angka acak 0–9 (selalu sama untuk ukuran yang sama)."""
    return _pattern(as_int("size", size, 2, 16)).copy()


def check_mode(mode) -> str:
    """``"max"`` atau ``"avg"`` (juga menerima ``"average"``, ``"rata-rata"``, ``"mean"``)."""
    mode = _MODE_ALIASES.get(mode, mode) if isinstance(mode, str) else mode
    return as_choice("mode", mode, ("max", "avg"))


def check_pool_padding(padding) -> str:
    """``"valid"`` atau ``"same"`` (huruf besar juga diterima)."""
    padding = padding.lower() if isinstance(padding, str) else padding
    return as_choice("padding", padding, ("valid", "same"))


def pool_formula(axis: str, n: int, k: int, s: int, padding: str) -> str:
    """Rumus ukuran keluaran pooling pada satu sumbu, diisi angka."""
    if padding == "same":
        out = -(-n // s)
        text = f"{axis} keluaran = ⌈n / s⌉ = ⌈{n} / {s}⌉"
        if n % s:
            text += f" = ⌈{decimal(n / s)}⌉"
        total = max((out - 1) * s + k - n, 0)
        before, after = total // 2, total - total // 2
        names = ("atas", "bawah") if axis == "tinggi" else ("kiri", "kanan")
        return (text + f" = {out}; padding total = max(({out} − 1)·{s} + {k} − {n}, 0) = "
                f"{total} → {names[0]} {before}, {names[1]} {after}")
    text = (f"{axis} keluaran = ⌊(n − k) / s⌋ + 1 = ⌊({n} − {k}) / {s}⌋ + 1 = "
            f"{floor_steps(n - k, s)}")
    if (n - k) // s + 1 <= 0:
        text += " → tidak ada keluaran (harus ≥ 1)"
    return text


@dataclass
class PoolState(WindowState):
    """Semua angka dan teks untuk satu pilihan masukan, mode, ukuran pool, stride, padding.

    ``padded`` berisi NaN di sel padding (tidak ikut dihitung).
    """

    mode: str = "max"
    padding: str = "valid"


def pool_state(image, mode="max", size=2, stride=None, padding="valid") -> PoolState:
    """Menghitung semua yang ditampilkan penjelajah pooling."""
    image = check_image(image).astype(float)
    mode = check_mode(mode)
    size = as_int("size", size, 1, 8)
    stride = size if stride is None else as_int("stride", stride, 1, 8)
    padding = check_pool_padding(padding)
    h, w = image.shape
    if padding == "same":
        pad = (ops.same_padding(h, size, stride), ops.same_padding(w, size, stride))
    else:
        pad = ((0, 0), (0, 0))
    padded = ops.pad2d(image, pad, value=np.nan)
    formula = (pool_formula("tinggi", h, size, stride, padding),
               pool_formula("lebar", w, size, stride, padding))
    state = PoolState(image, size, stride, 1, pad, padded, np.isnan(padded), None, formula, "",
                      [], [], mode=mode, padding=padding)
    out_h, out_w = state.out_shape
    if out_h <= 0 or out_w <= 0:
        where = " maupun ".join(name for name, n in (("tinggi", h), ("lebar", w)) if n < size)
        state.message = (f"Tidak ada keluaran: jendela pool {size} × {size} lebih besar daripada "
                         f"masukan {h} × {w} pada {where}, jadi jendela tidak muat satu kali "
                         f"pun.\nPerkecil ukuran pool, atau pakai padding 'same'.")
        return state
    pool = ops.max_pool2d if mode == "max" else ops.avg_pool2d
    state.output = pool(image, size, stride, padding)
    state.uncovered_rows = uncovered(padded.shape[0], size, stride, 1, out_h)
    state.uncovered_cols = uncovered(padded.shape[1], size, stride, 1, out_w)
    state.message = "\n".join(uncovered_text(state, axis, result="keluaran") for axis, missing
                              in enumerate((state.uncovered_rows, state.uncovered_cols))
                              if missing)
    return state


def calc_text(state: PoolState, patch) -> str:
    """Perhitungan satu jendela, mis. 'max(0, 9, 5, 1) = 9' atau '(0 + 9 + 5 + 1) / 4 = 3,75'."""
    values = [v for v in np.ravel(patch) if not np.isnan(v)]
    items = [decimal(v) for v in values]
    if state.mode == "max":
        text = f"max({', '.join(items)}) = {decimal(max(values))}"
    else:
        mean = sum(values) / len(values)
        sign = "≈" if is_rounded(mean) else "="
        text = f"({' + '.join(items)}) / {len(values)} {sign} {decimal(mean)}"
    ignored = patch.size - len(values)
    if ignored:
        text += f"  ({ignored} sel padding tidak ikut dihitung)"
    return text


def max_position(patch) -> tuple[int, int]:
    """(baris, kolom) nilai terbesar di jendela (padding NaN tidak pernah terpilih)."""
    filled = np.where(np.isnan(patch), -np.inf, patch)
    a, b = np.unravel_index(int(np.argmax(filled)), patch.shape)
    return int(a), int(b)
