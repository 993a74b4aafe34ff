"""Isi penjelajah konvolusi tanpa widget: angka, rumus, dan teks penjelasannya.

Bacalah modul ini untuk memahami apa yang ditampilkan ``conv_explorer()``:

* :func:`pattern_image` dan :func:`preset_kernel`: masukan kecil dan kernel siap pakai;
* :func:`conv_state`: masukan ber-padding, peta fitur (dihitung :func:`saraf.ops.conv2d`),
  rumus ukuran keluaran yang diisi angka, dan penjelasan bila ada baris/kolom yang tidak
  pernah tercakup jendela atau kombinasi yang mustahil;
* :func:`terms_text`: perkalian titik (*dot product*) satu jendela, suku demi suku.

Semua perhitungan memakai :mod:`saraf.ops` (kode rujukan yang teruji); penjelajahnya
(:mod:`saraf.widgets.conv`) hanya menampilkannya.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saraf import ops
from saraf.formatting import decimal
from saraf.validation import as_array, as_choice, as_int, error, is_int
from saraf.widgets.window_state import (WindowState, check_image, floor_steps, is_rounded,
                                        uncovered, uncovered_text)

__all__ = ["KERNEL_PRESETS", "MAX_KERNEL", "pattern_image", "preset_kernel", "check_kernel",
           "check_padding", "ConvState", "conv_state", "conv_formula", "terms_text"]

#: Kernel siap pakai: kunci → label yang tampil di widget.
KERNEL_PRESETS = {
    "identitas": "identitas",
    "tepi vertikal": "tepi vertikal",
    "tepi horizontal": "tepi horizontal",
    "sobel": "Sobel (tepi vertikal)",
    "blur": "blur (rata-rata)",
    "pertajam": "pertajam",
}
MAX_KERNEL = 5
MAX_PADDING = 3


def pattern_image(size: int = 7) -> np.ndarray:
    """Pola kecil berisi angka 0–9 (batang vertikal dan horizontal), agar setiap angka terbaca.

    Batang vertikal bernilai 9 dengan "bayangan" 5 di kanannya, dan satu batang horizontal:
    ada tepi vertikal dan tepi horizontal untuk ditemukan kernel.
    """
    size = as_int("size", size, 3, 16)
    image = np.zeros((size, size), dtype=np.int64)
    col = max(1, size // 3)
    image[1:size - 1, col] = 9
    if col + 1 < size:
        image[1:size - 1, col + 1] = 5
    image[size // 2, col:size - 1] = 9
    return image


def _binomial(n: int) -> np.ndarray:
    """Baris segitiga Pascal: [1], [1, 1], [1, 2, 1], [1, 3, 3, 1], …"""
    row = np.array([1.0])
    for _ in range(n - 1):
        row = np.convolve(row, [1.0, 1.0])
    return row


def _sobel(size: int) -> np.ndarray:
    if size == 1:
        return np.zeros((1, 1))   # 1 × 1 tidak melihat tetangga: tidak ada tepi
    if size == 2:
        return np.outer([1.0, 1.0], [-1.0, 1.0])
    # penghalus binomial (arah vertikal) × turunan (arah horizontal)
    return np.outer(_binomial(size), np.convolve(_binomial(size - 2), [-1.0, 0.0, 1.0]))


def _sharpen(size: int) -> np.ndarray:
    kernel = np.zeros((size, size))
    center = (size - 1) // 2
    neighbours = 0
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        r, c = center + dr, center + dc
        if 0 <= r < size and 0 <= c < size:
            kernel[r, c] = -1
            neighbours += 1
    kernel[center, center] = 1 + neighbours
    return kernel


def preset_kernel(name: str, size: int = 3) -> np.ndarray:
    """Kernel siap pakai berukuran ``size × size``.

    ``"identitas"`` (1 di tengah), ``"tepi vertikal"`` (−1 kiri, +1 kanan),
    ``"tepi horizontal"`` (−1 atas, +1 bawah), ``"sobel"`` (tepi vertikal yang dihaluskan,
    3 × 3: [[−1, 0, 1], [−2, 0, 2], [−1, 0, 1]]), ``"blur"`` (rata-rata), ``"pertajam"``
    (pusat dikuatkan, tetangga dikurangi).
    """
    as_choice("name", name, tuple(KERNEL_PRESETS))
    size = as_int("size", size, 1, MAX_KERNEL)
    sign = np.sign(np.arange(size) - (size - 1) / 2)  # −1 … 0 … +1
    if name == "identitas":
        kernel = np.zeros((size, size))
        kernel[(size - 1) // 2, (size - 1) // 2] = 1
    elif name == "tepi vertikal":
        kernel = np.tile(sign, (size, 1))
    elif name == "tepi horizontal":
        kernel = np.tile(sign[:, None], (1, size))
    elif name == "sobel":
        kernel = _sobel(size)
    elif name == "blur":
        kernel = np.full((size, size), 1.0 / (size * size))
    else:
        kernel = _sharpen(size)
    return kernel + 0.0  # tanpa −0


def check_kernel(kernel, name: str = "kernel") -> np.ndarray:
    """Kernel persegi 2-D ``(k, k)`` berisi bilangan berhingga, 1 ≤ k ≤ 5, sebagai float."""
    array = as_array(name, kernel)
    if array.ndim != 2 or array.shape[0] != array.shape[1] \
            or not 1 <= array.shape[0] <= MAX_KERNEL:
        raise error(name, f"kernel persegi 2-D (k, k) berukuran 1 × 1 sampai "
                          f"{MAX_KERNEL} × {MAX_KERNEL}", array)
    return array.astype(float)


def check_padding(padding):
    """Padding 0–3 piksel di setiap sisi, ``"valid"`` (= 0), atau ``"same"``."""
    if isinstance(padding, str) and padding.lower() in ("same", "valid"):
        return "same" if padding.lower() == "same" else 0
    if is_int(padding) and 0 <= padding <= MAX_PADDING:
        return int(padding)
    raise error("padding", f"bilangan bulat 0 sampai {MAX_PADDING}, 'valid', atau 'same'",
                padding)


def conv_formula(axis: str, n: int, k: int, s: int, d: int, before: int, after: int) -> str:
    """Rumus ukuran keluaran pada satu sumbu, diisi angka (mis. 'tinggi keluaran = …')."""
    numerator = n + before + after - d * (k - 1) - 1
    if before == after:
        general = "⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1"
        filled = f"⌊({n} + 2·{before} − {d}·({k} − 1) − 1) / {s}⌋ + 1"
    else:
        names = ("p_atas", "p_bawah") if axis == "tinggi" else ("p_kiri", "p_kanan")
        general = f"⌊(n + {names[0]} + {names[1]} − d·(k − 1) − 1) / s⌋ + 1"
        filled = f"⌊({n} + {before} + {after} − {d}·({k} − 1) − 1) / {s}⌋ + 1"
    text = f"{axis} keluaran = {general} = {filled} = {floor_steps(numerator, s)}"
    if numerator // s + 1 <= 0:
        text += " → tidak ada keluaran (harus ≥ 1)"
    return text


@dataclass
class ConvState(WindowState):
    """Semua angka dan teks untuk satu pilihan masukan, kernel, stride, padding, dan dilasi."""

    kernel: np.ndarray = None


def _no_output_message(state: ConvState) -> str:
    """Mengapa jendela tidak muat satu kali pun, per sumbu (digabung bila sama)."""
    reasons = []
    for axis, name in enumerate(("tinggi", "lebar")):
        if state.out_shape[axis] <= 0:
            n, (before, after) = state.image.shape[axis], state.pad[axis]
            pad_text = f"{n} + 2·{before}" if before == after else f"{n} + {before} + {after}"
            reasons.append((name, f"({pad_text} = {state.padded.shape[axis]} piksel)"))
    if len(reasons) == 2 and reasons[0][1] == reasons[1][1]:
        reasons = [("tinggi maupun lebar", reasons[0][1])]
    k, d = state.size, state.dilation
    lines = [f"Tidak ada keluaran: pada {name}, jendela kernel selebar d·(k − 1) + 1 = "
             f"{d}·({k} − 1) + 1 = {state.effective} piksel lebih besar daripada masukan yang "
             f"sudah di-padding {sizes}, jadi jendela tidak muat satu kali pun."
             for name, sizes in reasons]
    return "\n".join(lines + ["Perkecil ukuran kernel atau dilasi, atau tambah padding."])


def conv_state(image, kernel, stride=1, padding=0, dilation=1) -> ConvState:
    """Menghitung semua yang ditampilkan penjelajah (dipakai widget dan gambar statis)."""
    image = check_image(image).astype(float)
    kernel = check_kernel(kernel)
    stride = as_int("stride", stride, 1, 16)
    dilation = as_int("dilation", dilation, 1, 16)
    padding = check_padding(padding)
    (h, w), k = image.shape, kernel.shape[0]
    if padding == "same":
        pad = (ops.same_padding(h, k, stride, dilation), ops.same_padding(w, k, stride, dilation))
    else:
        pad = ((padding, padding), (padding, padding))
    padded = ops.pad2d(image, pad)
    pad_mask = ops.pad2d(np.zeros(image.shape, bool), pad, value=1).astype(bool)
    formula = (conv_formula("tinggi", h, k, stride, dilation, *pad[0]),
               conv_formula("lebar", w, k, stride, dilation, *pad[1]))
    state = ConvState(image, k, stride, dilation, pad, padded, pad_mask, None, formula, "",
                      [], [], kernel=kernel)
    out_h, out_w = state.out_shape
    if out_h <= 0 or out_w <= 0:
        state.message = _no_output_message(state)
        return state
    state.output = ops.conv2d(padded, kernel, stride=stride, padding=0, dilation=dilation)
    state.uncovered_rows = uncovered(padded.shape[0], k, stride, dilation, out_h)
    state.uncovered_cols = uncovered(padded.shape[1], k, stride, dilation, out_w)
    state.message = "\n".join(uncovered_text(state, axis) for axis, missing
                              in enumerate((state.uncovered_rows, state.uncovered_cols))
                              if missing)
    return state


def terms_text(patch, kernel, value, *, per_row: bool = False) -> str:
    """Perkalian titik suku demi suku, mis. '0×(−1) + 9×0 + 5×1 = 5'.

    Tanda ≈ (bukan =) bila ada angka yang dibulatkan; ``per_row``: satu baris kernel
    per baris teks.
    """
    def factor(v):
        text = decimal(v, 3)
        return f"({text})" if text.startswith("−") else text

    rows = [" + ".join(f"{decimal(p, 3)}×{factor(kv)}" for p, kv in zip(prow, krow))
            for prow, krow in zip(patch, kernel)]
    rounded = (any(is_rounded(v, 3) for v in np.ravel([patch, kernel]))
               or is_rounded(value, 2))
    equals = "≈" if rounded else "="
    if per_row:
        return "\n+ ".join(rows) + f"\n{equals} {decimal(value)}"
    return " + ".join(rows) + f" {equals} {decimal(value)}"
