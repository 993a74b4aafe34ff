"""Jendela yang digeser di atas gambar: bagian yang sama pada konvolusi dan pooling.

Konvolusi dan pooling sama-sama menggeser jendela ``k × k`` di atas masukan yang (mungkin)
sudah di-padding, ``s`` piksel setiap langkah. Modul ini menjawab pertanyaan yang sama
untuk keduanya, tanpa widget dan tanpa gambar:

* sel mana saja yang diambil jendela untuk satu sel keluaran (:meth:`WindowState.window`);
* baris/kolom mana yang tidak pernah tercakup jendela (:func:`uncovered`), dan mengapa
  (:func:`uncovered_text`);
* langkah hitungan ``⌊a / s⌋ + 1`` yang ditulis lengkap (:func:`floor_steps`).

Keadaan lengkap tiap penjelajah ada di :mod:`saraf.widgets.conv_state` dan
:mod:`saraf.widgets.pool_state`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from saraf.formatting import decimal
from saraf.validation import as_gray_image, error

__all__ = ["MAX_SIDE", "Window", "WindowState", "check_image", "uncovered", "uncovered_mask",
           "uncovered_text", "ranges_text", "floor_steps", "is_rounded", "value_limits"]

MAX_SIDE = 64  # sisi gambar terbesar yang masih terbaca di penjelajah


def check_image(image, name: str = "image") -> np.ndarray:
    """Satu gambar grayscale 2-D, paling besar ``MAX_SIDE × MAX_SIDE`` piksel."""
    array = as_gray_image(name, image)
    if max(array.shape) > MAX_SIDE:
        raise error(name, f"berukuran 1 sampai {MAX_SIDE} piksel per sisi agar gambarnya "
                          f"terbaca", array)
    return array


class Window(NamedTuple):
    """Satu posisi jendela: sel keluaran, pojok kiri atas, sel yang diambil, dan isinya."""

    cell: tuple      # (baris, kolom) sel keluaran
    origin: tuple    # (baris, kolom) pojok kiri atas jendela di masukan ber-padding
    cells: list      # (baris, kolom) setiap sel yang diambil jendela
    patch: np.ndarray


@dataclass
class WindowState:
    """Masukan ber-padding, ukuran jendela, dan keluaran; dasar ConvState dan PoolState."""

    image: np.ndarray       # masukan asli (float)
    size: int               # k: jendela k × k
    stride: int             # s
    dilation: int           # d: jarak antarelemen jendela (pooling: 1)
    pad: tuple              # ((atas, bawah), (kiri, kanan))
    padded: np.ndarray      # masukan ber-padding
    pad_mask: np.ndarray    # True = sel padding
    output: np.ndarray | None   # None bila jendela tidak muat satu kali pun
    formula_lines: tuple    # rumus ukuran keluaran yang diisi angka (tinggi, lebar)
    message: str            # penjelasan (tidak ada keluaran, baris tak tercakup); "" bila tidak ada
    uncovered_rows: list    # indeks baris masukan ber-padding yang tidak pernah tercakup
    uncovered_cols: list

    @property
    def effective(self) -> int:
        """Lebar jendela di masukan: d·(k − 1) + 1."""
        return self.dilation * (self.size - 1) + 1

    @property
    def out_shape(self) -> tuple:
        """(tinggi, lebar) keluaran menurut rumus; ≤ 0 bila jendela tidak muat."""
        hp, wp = self.padded.shape
        return ((hp - self.effective) // self.stride + 1,
                (wp - self.effective) // self.stride + 1)

    @property
    def n_cells(self) -> int:
        return self.output.size if self.output is not None else 0

    @property
    def dim_mask(self) -> np.ndarray | None:
        """True = sel yang tidak pernah tercakup jendela (None bila semua tercakup)."""
        return uncovered_mask(self.padded.shape, self.uncovered_rows, self.uncovered_cols)

    def window(self, index: int) -> Window:
        """Jendela untuk sel keluaran ke-``index`` (dihitung baris demi baris)."""
        i, j = divmod(int(index), self.output.shape[1])
        top, left = i * self.stride, j * self.stride
        k, d = self.size, self.dilation
        cells = [(top + a * d, left + b * d) for a in range(k) for b in range(k)]
        patch = self.padded[top:top + self.effective:d, left:left + self.effective:d]
        return Window((i, j), (top, left), cells, patch)


def uncovered(n_padded: int, k: int, s: int, d: int, n_out: int) -> list:
    """Indeks (di masukan ber-padding) yang tidak diambil jendela mana pun pada satu sumbu."""
    covered = np.zeros(n_padded, bool)
    for i in range(max(n_out, 0)):
        covered[i * s + np.arange(k) * d] = True
    return [int(i) for i in np.nonzero(~covered)[0]]


def uncovered_mask(shape, rows, cols) -> np.ndarray | None:
    """Larik bool ``shape``: True pada baris ``rows`` dan kolom ``cols`` (None bila kosong)."""
    if not rows and not cols:
        return None
    mask = np.zeros(shape, bool)
    mask[rows, :] = True
    mask[:, cols] = True
    return mask


def ranges_text(indices) -> str:
    """[0, 1, 2, 5, 7] → '0–2, 5, dan 7' (rentang berurutan diringkas)."""
    groups = []
    for i in indices:
        if groups and i == groups[-1][1] + 1:
            groups[-1][1] = i
        else:
            groups.append([i, i])
    texts = []
    for a, b in groups:
        if a == b:
            texts.append(str(a))
        elif b == a + 1:
            texts.extend([str(a), str(b)])
        else:
            texts.append(f"{a}–{b}")
    if len(texts) <= 2:
        return " dan ".join(texts)
    return ", ".join(texts[:-1]) + ", dan " + texts[-1]


def floor_steps(numerator: int, stride: int) -> str:
    """'⌊6 / 2⌋ + 1 = 3 + 1 = 4' atau '⌊5 / 2⌋ + 1 = ⌊2,5⌋ + 1 = 2 + 1 = 3'."""
    quotient = numerator // stride
    text = f"⌊{decimal(numerator)} / {stride}⌋ + 1"
    if numerator % stride:
        text += f" = ⌊{decimal(numerator / stride)}⌋ + 1"
    return text + f" = {decimal(quotient)} + 1 = {decimal(quotient + 1)}"


def is_rounded(value, digits: int = 2) -> bool:
    """True bila ``decimal(value, digits)`` membulatkan nilainya (tulis ≈, bukan =)."""
    v = float(value)
    return bool(np.isfinite(v) and abs(v - round(v, digits)) > 1e-9 * max(1.0, abs(v)))


def _describe(word, padded_idx, before, n):
    """'baris 7 pada gambar' / 'baris 1, 3, dan 5 pada gambar serta 1 baris padding'."""
    image_idx = [r - before for r in padded_idx if before <= r < before + n]
    pad_count = len(padded_idx) - len(image_idx)
    parts = []
    if image_idx:
        parts.append(f"{word} {ranges_text(image_idx)} pada gambar")
    if pad_count:
        parts.append(f"{pad_count} {word} padding")
    return " serta ".join(parts), bool(image_idx)


def uncovered_text(state: WindowState, axis: int, result: str = "peta fitur") -> str:
    """Penjelasan baris (``axis=0``) atau kolom (``axis=1``) yang tidak pernah tercakup."""
    name, word = (("tinggi", "baris"), ("lebar", "kolom"))[axis]
    missing = (state.uncovered_rows, state.uncovered_cols)[axis]
    n, before = state.image.shape[axis], state.pad[axis][0]
    n_padded, n_out = state.padded.shape[axis], state.out_shape[axis]
    s, d, effective = state.stride, state.dilation, state.effective
    last = (n_out - 1) * s + effective - 1          # indeks terakhir yang tercakup
    tail = [r for r in missing if r > last]
    gaps = [r for r in missing if r < last]
    sentences, lost = [], False
    if tail:
        what, lost_tail = _describe(word, tail, before, n)
        remainder = (n_padded - effective) % s
        sentences.append(
            f"{n_padded} − {effective} = {n_padded - effective} tidak habis dibagi stride {s} "
            f"(sisa {remainder}), jadi jendela berhenti sebelum tepi akhir: {what} tidak "
            f"pernah tercakup.")
        lost |= lost_tail
    if gaps:
        what, lost_gaps = _describe(word, gaps, before, n)
        if d > 1 and s <= effective:
            reason = (f"dilasi {d} membuat celah di antara elemen kernel dan stride {s} "
                      "tidak mengisinya")
        else:
            reason = f"stride {s} lebih besar daripada lebar jendela {effective}"
        sentences.append(f"Jendela melompati {what} karena {reason}.")
        lost |= lost_gaps
    if lost:
        sentences.append(f"Piksel di sana tidak memengaruhi {result} sama sekali.")
    else:
        sentences.append("Yang terlewat hanya padding; tidak ada piksel gambar yang terbuang.")
    text = " ".join(sentences)
    return f"{name.capitalize()}: {text[0].lower()}{text[1:]}"


def value_limits(image) -> tuple[float, float]:
    """Rentang warna abu-abu untuk gambar: 0–9 untuk pola kecil, 0–255 untuk piksel asli."""
    high = float(image.max(initial=0.0))
    if high > 9:
        high = max(high, 255.0) if high <= 255 else high
    return min(0.0, float(image.min(initial=0.0))), (high if high > 0 else 1.0)
