"""Penjelajah konvolusi (pelajaran 03): jendela, perkalian titik, dan peta fitur.

``conv_explorer()`` membuat widget yang menampilkan, untuk setiap pilihan kernel, stride,
padding, dan dilasi:

* masukan yang sudah di-padding, dengan jendela (posisi kernel) saat ini;
* perkalian titik (*dot product*) jendela dan kernel, suku demi suku;
* peta fitur (*feature map*) keluaran, dengan sel yang sedang dihitung;
* rumus ukuran keluaran yang diisi dengan angka saat ini, serta penjelasan bila ada
  baris/kolom yang tidak pernah tercakup jendela atau kombinasi yang mustahil.

``conv_step(...)`` menggambar satu langkah yang sama sebagai gambar SVG statis.

Semua perhitungan memakai :mod:`saraf.ops` (kode rujukan yang teruji); widget ini hanya
menampilkannya. Keadaan widget tersedia sebagai atribut (``.output``, ``.formula_text``,
``.terms_text``, ``.message``, ``.window``, …) agar dapat diuji tanpa peramban.
"""

from __future__ import annotations

import functools
import numbers
from dataclasses import dataclass, field

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
import numpy as np

from saraf import ops
from saraf.widgets import _grid
from saraf.widgets._grid import Grid, Mark, fmt_number

__all__ = ["conv_explorer", "conv_step", "ConvExplorer", "preset_kernel", "pattern_image",
           "KERNEL_PRESETS"]

#: Kernel siap pakai: kunci → label yang tampil di widget.
KERNEL_PRESETS = {
    "identitas": "identitas",
    "tepi vertikal": "tepi vertikal",
    "tepi horizontal": "tepi horizontal",
    "sobel": "Sobel (tepi vertikal)",
    "blur": "blur (rata-rata)",
    "pertajam": "pertajam",
}
CUSTOM = "kustom"
MAX_KERNEL = 5
MAX_STRIDE = 4
MAX_DILATION = 3
MAX_PADDING = 3
MAX_SIDE = 64
PICTURE_WIDTH = 330  # lebar target gambar masukan (piksel layar)

SOURCES = {
    "pola": "Pola kecil berangka",
    "mnist": "MNIST asli (28 × 28)",
    "fashion": "Fashion-MNIST (28 × 28)",
}


# ---------------------------------------------------------------------------
# Masukan dan kernel
# ---------------------------------------------------------------------------


def _int_param(name, value, low, high):
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"`{name}` harus bilangan bulat {low} sampai {high}, tetapi yang "
                        f"diberikan: {value!r}.")
    if not low <= value <= high:
        raise ValueError(f"`{name}` harus bilangan bulat {low} sampai {high}, tetapi yang "
                         f"diberikan: {value!r}.")
    return int(value)


def pattern_image(size: int = 7) -> np.ndarray:
    """Pola kecil berisi angka 0–9 (batang tegak dan mendatar), agar setiap angka terbaca.

    Batang tegak bernilai 9 dengan "bayangan" 5 di kanannya, dan satu batang mendatar:
    ada tepi vertikal dan tepi horizontal untuk ditemukan kernel.
    """
    size = _int_param("size", size, 3, 16)
    image = np.zeros((size, size), dtype=np.int64)
    col = max(1, size // 3)
    image[1:size - 1, col] = 9
    if col + 1 < size:
        image[1:size - 1, col + 1] = 5
    image[size // 2, col:size - 1] = 9
    return image


def preset_kernel(name: str, size: int = 3) -> np.ndarray:
    """Kernel siap pakai berukuran ``size × size``.

    ``"identitas"`` (1 di tengah), ``"tepi vertikal"`` (−1 kiri, +1 kanan),
    ``"tepi horizontal"`` (−1 atas, +1 bawah), ``"sobel"`` (tepi vertikal yang dihaluskan,
    3 × 3: [[−1, 0, 1], [−2, 0, 2], [−1, 0, 1]]), ``"blur"`` (rata-rata), ``"pertajam"``
    (pusat dikuatkan, tetangga dikurangi).
    """
    if name not in KERNEL_PRESETS:
        raise ValueError(f"`name` harus salah satu dari {list(KERNEL_PRESETS)}, tetapi yang "
                         f"diberikan: {name!r}.")
    size = _int_param("size", size, 1, MAX_KERNEL)
    center = (size - 1) // 2
    sign = np.sign(np.arange(size) - (size - 1) / 2)  # −1 … 0 … +1
    if name == "identitas":
        kernel = np.zeros((size, size))
        kernel[center, center] = 1
    elif name == "tepi vertikal":
        kernel = np.tile(sign, (size, 1))
    elif name == "tepi horizontal":
        kernel = np.tile(sign[:, None], (1, size))
    elif name == "sobel":
        def binomial(n):  # [1], [1, 1], [1, 2, 1], [1, 3, 3, 1], …
            row = np.array([1.0])
            for _ in range(n - 1):
                row = np.convolve(row, [1.0, 1.0])
            return row

        if size == 1:
            kernel = np.zeros((1, 1))   # 1 × 1 tidak melihat tetangga: tidak ada tepi
        elif size == 2:
            kernel = np.outer([1.0, 1.0], [-1.0, 1.0])
        else:  # penghalus binomial (tegak) × turunan (mendatar)
            kernel = np.outer(binomial(size), np.convolve(binomial(size - 2), [-1.0, 0.0, 1.0]))
    elif name == "blur":
        kernel = np.full((size, size), 1.0 / (size * size))
    else:  # pertajam
        kernel = np.zeros((size, size))
        neighbours = 0
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            r, c = center + dr, center + dc
            if 0 <= r < size and 0 <= c < size:
                kernel[r, c] = -1
                neighbours += 1
        kernel[center, center] = 1 + neighbours
    return kernel + 0.0  # tanpa −0


@functools.lru_cache(maxsize=None)
def _real_image(source: str) -> np.ndarray:
    """Gambar asli yang dipakai widget: angka 4 MNIST dan tas Fashion-MNIST (data latih)."""
    from saraf import data

    if source == "mnist":
        (x, _), _ = data.load_mnist()
        image = x[6]      # angka 4: goresan tegak dan mendatar
    else:
        (x, _), _ = data.load_fashion_mnist()
        image = x[4]      # tas: tepi tegak dan mendatar yang jelas
    image = image.copy()
    image.flags.writeable = False
    return image


def _check_image(image, name="image"):
    try:
        array = np.asarray(image)
    except (TypeError, ValueError):
        raise ValueError(f"`{name}` harus array 2-D berisi angka, tetapi yang diberikan: "
                         f"{type(image).__name__}.") from None
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim != 2:
        raise ValueError(f"`{name}` harus gambar grayscale 2-D (tinggi, lebar), tetapi yang "
                         f"diberikan berbentuk {array.shape}.")
    if array.dtype.kind not in "biuf":
        raise TypeError(f"`{name}` harus berisi angka, tetapi bertipe {array.dtype}.")
    if not (1 <= array.shape[0] <= MAX_SIDE and 1 <= array.shape[1] <= MAX_SIDE):
        raise ValueError(f"`{name}` harus berukuran 1 sampai {MAX_SIDE} piksel per sisi agar "
                         f"gambarnya terbaca, tetapi yang diberikan berbentuk {array.shape}.")
    if array.dtype.kind == "f" and not np.all(np.isfinite(array)):
        raise ValueError(f"`{name}` harus berisi bilangan berhingga (tanpa NaN atau inf).")
    return array


def _check_kernel(kernel, name="kernel"):
    array = np.asarray(kernel)
    if array.ndim != 2 or array.shape[0] != array.shape[1]:
        raise ValueError(f"`{name}` harus kernel persegi 2-D (k, k), tetapi yang diberikan "
                         f"berbentuk {array.shape}.")
    if not 1 <= array.shape[0] <= MAX_KERNEL:
        raise ValueError(f"`{name}` harus berukuran 1 × 1 sampai {MAX_KERNEL} × {MAX_KERNEL}, "
                         f"tetapi yang diberikan berbentuk {array.shape}.")
    if array.dtype.kind not in "biuf" or not np.all(np.isfinite(array)):
        raise ValueError(f"`{name}` harus berisi bilangan berhingga, tetapi yang diberikan: "
                         f"dtype {array.dtype}.")
    return array.astype(float)


def _check_padding(padding):
    if isinstance(padding, str):
        mode = padding.lower()
        if mode in ("same", "valid"):
            return "same" if mode == "same" else 0
    elif not isinstance(padding, (bool, np.bool_)) and isinstance(padding, numbers.Integral):
        if 0 <= padding <= MAX_PADDING:
            return int(padding)
    raise ValueError(f"`padding` harus bilangan bulat 0 sampai {MAX_PADDING}, 'valid', atau "
                     f"'same', tetapi yang diberikan: {padding!r}.")


# ---------------------------------------------------------------------------
# Perhitungan satu keadaan (tanpa widget)
# ---------------------------------------------------------------------------


def _ranges(indices):
    """[0, 1, 2, 5, 7] → '0–2, 5, dan 7' (rentang berurutan diringkas)."""
    groups, start, prev = [], None, None
    for i in indices:
        if start is None:
            start = prev = i
        elif i == prev + 1:
            prev = i
        else:
            groups.append((start, prev))
            start = prev = i
    if start is not None:
        groups.append((start, prev))
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


def _floor_steps(numerator, stride):
    """'⌊6 / 2⌋ + 1 = 3 + 1 = 4' atau '⌊5 / 2⌋ + 1 = ⌊2,5⌋ + 1 = 2 + 1 = 3'."""
    quotient = numerator // stride
    text = f"⌊{fmt_number(numerator)} / {stride}⌋ + 1"
    if numerator % stride:
        text += f" = ⌊{fmt_number(numerator / stride)}⌋ + 1"
    return text + f" = {fmt_number(quotient)} + 1 = {fmt_number(quotient + 1)}"


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
    text = f"{axis} keluaran = {general} = {filled} = {_floor_steps(numerator, s)}"
    if numerator // s + 1 <= 0:
        text += " → tidak ada keluaran (harus ≥ 1)"
    return text


@dataclass
class ConvState:
    """Semua angka dan teks untuk satu pilihan masukan, kernel, stride, padding, dan dilasi."""

    image: np.ndarray
    kernel: np.ndarray
    stride: int
    dilation: int
    pad: tuple                      # ((atas, bawah), (kiri, kanan))
    padded: np.ndarray
    pad_mask: np.ndarray
    effective: int                  # d·(k − 1) + 1
    out_shape: tuple                # bisa ≤ 0 bila mustahil
    output: np.ndarray | None
    formula_lines: tuple
    message: str
    uncovered_rows: list            # indeks baris masukan ber-padding
    uncovered_cols: list
    dim_mask: np.ndarray | None = field(default=None, repr=False)

    @property
    def n_cells(self) -> int:
        return self.output.size if self.output is not None else 0

    def window(self, index: int):
        """(baris, kolom) keluaran, pojok kiri atas jendela, sel-sel yang diambil, potongan."""
        out_h, out_w = self.output.shape
        i, j = divmod(int(index), out_w)
        top, left = i * self.stride, j * self.stride
        k, d = self.kernel.shape[0], self.dilation
        cells = [(top + a * d, left + b * d) for a in range(k) for b in range(k)]
        patch = self.padded[top:top + self.effective:d, left:left + self.effective:d]
        return (i, j), (top, left), cells, patch


def _uncovered(n_padded, k, s, d, n_out):
    covered = np.zeros(n_padded, bool)
    for i in range(max(n_out, 0)):
        covered[i * s + np.arange(k) * d] = True
    return [int(i) for i in np.nonzero(~covered)[0]]


def _describe(word, padded_idx, before, n):
    """'baris 7 gambar' / 'baris 1, 3, dan 5 gambar serta 1 baris padding'."""
    image_idx = [r - before for r in padded_idx if before <= r < before + n]
    pad_count = len(padded_idx) - len(image_idx)
    parts = []
    if image_idx:
        parts.append(f"{word} {_ranges(image_idx)} pada gambar")
    if pad_count:
        parts.append(f"{pad_count} {word} padding")
    return " serta ".join(parts), bool(image_idx)


def _uncovered_text(axis, word, uncovered, before, n, n_padded, effective, s, d, n_out,
                    result="peta fitur"):
    """Penjelasan baris/kolom yang tidak pernah tercakup jendela pada satu sumbu."""
    last = (n_out - 1) * s + effective - 1          # indeks terakhir yang tercakup
    tail = [r for r in uncovered if r > last]
    gaps = [r for r in uncovered if r < last]
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
            reason = f"stride {s} lebih besar dari lebar jendela {effective}"
        sentences.append(f"Jendela melompati {what} karena {reason}.")
        lost |= lost_gaps
    if lost:
        sentences.append(f"Piksel di sana tidak memengaruhi {result} sama sekali.")
    else:
        sentences.append("Yang terlewat hanya padding; tidak ada piksel gambar yang terbuang.")
    text = " ".join(sentences)
    return f"{axis.capitalize()}: {text[0].lower()}{text[1:]}"


def conv_state(image, kernel, stride=1, padding=0, dilation=1) -> ConvState:
    """Menghitung semua yang ditampilkan penjelajah (dipakai widget dan gambar statis)."""
    image = _check_image(image)
    kernel = _check_kernel(kernel)
    stride = _int_param("stride", stride, 1, 16)
    dilation = _int_param("dilation", dilation, 1, 16)
    padding = _check_padding(padding)
    h, w = image.shape
    k = kernel.shape[0]
    if padding == "same":
        pad = (ops.same_padding(h, k, stride, dilation), ops.same_padding(w, k, stride, dilation))
    else:
        pad = ((padding, padding), (padding, padding))
    image_f = image.astype(float)
    padded = ops.pad2d(image_f, pad)
    pad_mask = ops.pad2d(np.zeros(image.shape, bool), pad, value=1).astype(bool)
    effective = dilation * (k - 1) + 1
    hp, wp = padded.shape
    out_h = (hp - effective) // stride + 1
    out_w = (wp - effective) // stride + 1
    formula = (conv_formula("tinggi", h, k, stride, dilation, *pad[0]),
               conv_formula("lebar", w, k, stride, dilation, *pad[1]))
    messages, output = [], None
    rows_left, cols_left = [], []
    if out_h <= 0 or out_w <= 0:
        reasons = []
        for axis, n, n_pad, (before, after), out in (("tinggi", h, hp, pad[0], out_h),
                                                     ("lebar", w, wp, pad[1], out_w)):
            if out <= 0:
                pad_text = (f"{n} + 2·{before}" if before == after
                            else f"{n} + {before} + {after}")
                reasons.append((axis, f"({pad_text} = {n_pad} piksel)"))
        if len(reasons) == 2 and reasons[0][1] == reasons[1][1]:
            reasons = [("tinggi maupun lebar", reasons[0][1])]
        for axis, sizes in reasons:
            messages.append(
                f"Tidak ada keluaran: pada {axis}, jendela kernel selebar "
                f"d·(k − 1) + 1 = {dilation}·({k} − 1) + 1 = {effective} piksel lebih besar "
                f"dari masukan yang sudah di-padding {sizes}, jadi jendela tidak muat satu "
                "kali pun.")
        messages.append("Perkecil ukuran kernel atau dilasi, atau tambah padding.")
    else:
        output = ops.conv2d(padded, kernel, stride=stride, padding=0, dilation=dilation)
        rows_left = _uncovered(hp, k, stride, dilation, out_h)
        cols_left = _uncovered(wp, k, stride, dilation, out_w)
        if rows_left:
            messages.append(_uncovered_text("tinggi", "baris", rows_left, pad[0][0], h, hp,
                                            effective, stride, dilation, out_h))
        if cols_left:
            messages.append(_uncovered_text("lebar", "kolom", cols_left, pad[1][0], w, wp,
                                            effective, stride, dilation, out_w))
    dim = None
    if rows_left or cols_left:
        dim = np.zeros(padded.shape, bool)
        dim[rows_left, :] = True
        dim[:, cols_left] = True
    return ConvState(image_f, kernel, stride, dilation, pad, padded, pad_mask, effective,
                     (out_h, out_w), output, formula, "\n".join(messages), rows_left,
                     cols_left, dim)


def terms_text(patch, kernel, value, *, per_row: bool = False) -> str:
    """Perkalian titik suku demi suku, mis. '0×(−1) + 9×0 + 5×1 = 5'."""
    rows, rounded = [], is_any_rounded(patch, kernel)
    for prow, krow in zip(patch, kernel):
        rows.append(" + ".join(f"{fmt_number(p, 3)}×{_paren(fmt_number(kv, 3))}"
                               for p, kv in zip(prow, krow)))
    joiner = "\n+ " if per_row else " + "
    equals = "≈" if rounded or _grid.is_rounded(value) else "="
    tail = "\n" if per_row else " "
    return joiner.join(rows) + f"{tail}{equals} {fmt_number(value)}"


def is_any_rounded(*arrays) -> bool:
    return any(_grid.is_rounded(v, 3) for a in arrays for v in np.ravel(a))


def _paren(text: str) -> str:
    return f"({text})" if text.startswith("−") else text


# ---------------------------------------------------------------------------
# Gambar SVG
# ---------------------------------------------------------------------------


def _cell_size(state: ConvState, width: float = PICTURE_WIDTH) -> float:
    side = max(state.padded.shape)
    return float(np.clip(np.floor(width / side), 6, 42))


def _input_limits(state: ConvState):
    high = float(state.image.max(initial=0.0))
    if high > 9:
        high = max(high, 255.0) if high <= 255 else high
    return min(0.0, float(state.image.min(initial=0.0))), (high if high > 0 else 1.0)


def input_grid(state: ConvState, cell: float) -> Grid:
    (top, _), (left, _) = state.pad
    h, w = state.image.shape
    rows = [str(r - top) if top <= r < top + h else "" for r in range(state.padded.shape[0])]
    cols = [str(c - left) if left <= c < left + w else "" for c in range(state.padded.shape[1])]
    vmin, vmax = _input_limits(state)
    numbers = cell >= 24 and max(len(fmt_number(v)) for v in np.ravel(state.image)) <= 4
    hp, wp = state.padded.shape
    title = f"Masukan {h} × {w}"
    if any(state.pad[0]) or any(state.pad[1]):
        title += f" + padding → {hp} × {wp}"
    return Grid(state.padded, cell=cell, cmap="gray", vmin=vmin, vmax=vmax, numbers=numbers,
                pad_mask=state.pad_mask, dim_mask=state.dim_mask, row_labels=rows,
                col_labels=cols, title=title)


def output_cmap(output):
    """Abu-abu bila semua nilai ≥ 0 (seperti gambar), biru–merah bila ada yang negatif."""
    low = float(output.min())
    high = float(np.abs(output).max())
    high = high if high > 0 else 1.0
    return ("gray", 0.0, high) if low >= 0 else ("diverging", -high, high)


def output_grid(state: ConvState, cell: float) -> Grid:
    out = state.output
    cmap, vmin, vmax = output_cmap(out)
    numbers = cell >= 24 and max(len(fmt_number(v)) for v in np.ravel(out)) <= 5
    labels_r = [str(i) for i in range(out.shape[0])]
    labels_c = [str(j) for j in range(out.shape[1])]
    return Grid(out, cell=cell, cmap=cmap, vmin=vmin, vmax=vmax, numbers=numbers,
                row_labels=labels_r, col_labels=labels_c,
                title=f"Peta fitur {out.shape[0]} × {out.shape[1]}")


def window_marks(state: ConvState, origin, cells):
    k = state.kernel.shape[0]
    if state.dilation == 1:
        return [Mark(block=(origin[0], origin[1], k, k), width=3.5, fill_opacity=0.12)]
    span = state.effective
    return [Mark(block=(origin[0], origin[1], span, span), width=1.5, dash="5,3"),
            Mark(cells=tuple(cells), width=3.0, fill_opacity=0.18)]


def calc_grids(state: ConvState, patch):
    k = state.kernel.shape[0]
    cell = 40.0 if k <= 4 else 34.0
    vmin, vmax = _input_limits(state)
    products = patch * state.kernel
    kmax = float(np.abs(state.kernel).max()) or 1.0
    pmax = float(np.abs(products).max()) or 1.0
    labels = [str(i) for i in range(k)]
    return (Grid(patch, cell=cell, cmap="gray", vmin=vmin, vmax=vmax, numbers=True,
                 title="Jendela"),
            Grid(state.kernel, cell=cell, cmap="diverging", vmin=-kmax, vmax=kmax, numbers=True,
                 decimals=3 if cell >= 40 else 2, row_labels=labels, col_labels=labels,
                 title="Kernel"),
            Grid(products, cell=cell, cmap="diverging", vmin=-pmax, vmax=pmax, numbers=True,
                 title="Hasil kali"))


def _operator_svg(symbol: str, height: float, size: float = 26) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size * 1.1:.0f}" '
            f'height="{height:.0f}"><text x="{size * 0.55:.1f}" y="{height / 2 + size * 0.35:.1f}" '
            f'font-size="{size}" text-anchor="middle" fill="{_grid.TEXT}" '
            f'font-family="{_grid.FONT}">{symbol}</text></svg>')


def _result_svg(value, height: float) -> str:
    text = f"jumlahkan → {fmt_number(value)}"
    width = 20 + len(text) * 11
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
            f'font-family="{_grid.FONT}"><text x="4" y="{height / 2 + 7:.1f}" font-size="18" '
            f'fill="{_grid.TEXT}">jumlahkan → <tspan font-weight="bold" fill="{_grid.HIGHLIGHT}">'
            f'{fmt_number(value)}</tspan></text></svg>')


LEGEND_ITEMS = (("window", "jendela / sel keluaran yang dihitung"),
                ("pad", "padding (bernilai 0)"),
                ("uncovered", "tidak pernah tercakup jendela"))


class ConvStep:
    """Gambar statis satu langkah konvolusi (SVG): masukan, perkalian titik, peta fitur."""

    def __init__(self, state: ConvState, index: int):
        self.state = state
        self.output = state.output
        (i, j), origin, cells, patch = state.window(index)
        self.selected, self.window, self.window_cells, self.patch = (i, j), origin, cells, patch
        self.value = float(state.output[i, j])
        self.terms_text = terms_text(patch, state.kernel, self.value)
        cell = _cell_size(state, 300)
        left = input_grid(state, cell).svg(window_marks(state, origin, cells))
        out_grid = output_grid(state, cell)
        right = out_grid.svg([Mark(cells=((i, j),), width=3.5, fill_opacity=0.12)])
        top = _grid.hstack_svg([left, _operator_svg("→", _grid._svg_size(left)[1]), right],
                               gap=10)
        grids = [g.svg() for g in calc_grids(state, patch)]
        height = max(_grid._svg_size(g)[1] for g in grids)
        calc = _grid.hstack_svg([grids[0], _operator_svg("×", height), grids[1],
                                 _operator_svg("=", height), grids[2],
                                 _result_svg(self.value, height)], gap=6, align="middle")
        lines = terms_text(patch, state.kernel, self.value, per_row=True).split("\n")
        lines = [f"Sel keluaran baris {i}, kolom {j}:"] + ["  " + line for line in lines]
        terms = _grid.text_svg(lines, size=13, mono=True, bold_first=True)
        legend = _grid.legend_svg([item for item in LEGEND_ITEMS
                                   if item[0] != "uncovered" or state.dim_mask is not None
                                   if item[0] != "pad" or state.pad_mask.any()])
        self._svg = _grid.vstack_svg([top, calc, terms, legend], gap=14)

    def _repr_svg_(self) -> str:
        return self._svg

    def __repr__(self) -> str:
        i, j = self.selected
        return (f"Langkah konvolusi: sel keluaran ({i}, {j}) = {fmt_number(self.value)} "
                f"(gambar SVG)")


def conv_step(image, kernel, row: int = 0, col: int = 0, stride: int = 1, padding=0,
              dilation: int = 1) -> ConvStep:
    """Gambar satu langkah konvolusi: jendela di masukan, perkalian titik, dan sel keluaran.

    ``kernel`` boleh array 2-D persegi atau nama kernel siap pakai (lihat ``preset_kernel``;
    ukurannya 3 × 3). ``row``/``col`` memilih sel peta fitur yang dihitung.
    """
    if isinstance(kernel, str):
        kernel = preset_kernel(kernel, 3)
    state = conv_state(image, kernel, stride, padding, dilation)
    if state.output is None:
        raise ValueError(state.message)
    out_h, out_w = state.output.shape
    row = _int_param("row", row, 0, out_h - 1)
    col = _int_param("col", col, 0, out_w - 1)
    return ConvStep(state, row * out_w + col)


# ---------------------------------------------------------------------------
# Widget
# ---------------------------------------------------------------------------

def _source_options(user_image, source):
    """Pilihan menu "Masukan" (pola, MNIST, Fashion-MNIST, dan gambar Anda bila ada).

    Mengembalikan ``(source, options)``; ``source=None`` berarti gambar Anda bila diberikan,
    selain itu pola kecil. Dipakai penjelajah konvolusi dan penjelajah pooling.
    """
    if source is None:
        source = "gambar" if user_image is not None else "pola"
    options = [(label, key) for key, label in SOURCES.items()]
    if user_image is not None:
        h, w = user_image.shape
        options.append((f"Gambar Anda ({h} × {w})", "gambar"))
    if source not in [key for _, key in options]:
        raise ValueError(f"`source` harus salah satu dari {[k for _, k in options]}, tetapi "
                         f"yang diberikan: {source!r}.")
    return source, options


_STYLE = {"description_width": "112px"}
_WIDTH = "300px"


def _html_box(text: str, kind: str = "info") -> str:
    colors = {"info": ("#e7f5ff", "#1c7ed6"), "warn": ("#fff8e1", "#f9a825"),
              "error": ("#fff5f5", "#c92a2a")}
    background, border = colors[kind]
    return (f'<div style="background:{background};border-left:4px solid {border};'
            f'padding:6px 10px;margin:4px 0;line-height:1.45">{text}</div>')


_esc = _grid._esc  # satu tempat untuk meloloskan teks ke HTML/SVG


class ConvExplorer(widgets.VBox):
    """Penjelajah konvolusi. Buat dengan :func:`conv_explorer`."""

    def __init__(self, image=None, kernel="tepi vertikal", kernel_size=3, stride=1, padding=0,
                 dilation=1, source=None, pattern_size=7):
        self._busy = False
        self._user_image = None if image is None else _check_image(image)
        source, options = _source_options(self._user_image, source)
        custom_kernel = None
        if isinstance(kernel, str):
            if kernel not in KERNEL_PRESETS:
                raise ValueError(f"`kernel` harus nama kernel {list(KERNEL_PRESETS)} atau array "
                                 f"persegi, tetapi yang diberikan: {kernel!r}.")
            kernel_size = _int_param("kernel_size", kernel_size, 1, MAX_KERNEL)
        else:
            custom_kernel = _check_kernel(kernel)
            kernel_size = custom_kernel.shape[0]
        stride = _int_param("stride", stride, 1, MAX_STRIDE)
        dilation = _int_param("dilation", dilation, 1, MAX_DILATION)
        padding = _check_padding(padding)
        pattern_size = _int_param("pattern_size", pattern_size, 3, 12)

        # Gaya dan tata letak dipakai bersama: lebih sedikit model widget yang disimpan.
        wide = widgets.Layout(width=_WIDTH)
        slider_style = widgets.SliderStyle(**_STYLE)
        label_style = DescriptionStyle(**_STYLE)

        def slider(description, value, low, high):
            return widgets.IntSlider(value=value, min=low, max=high, description=description,
                                     style=slider_style, layout=wide)

        self.input_choice = widgets.Dropdown(options=options, value=source, description="Masukan",
                                             style=label_style, layout=wide)
        self.input_size = slider("Ukuran pola", pattern_size, 3, 12)
        preset_options = [(label, key) for key, label in KERNEL_PRESETS.items()]
        preset_options.append(("kustom (ubah angka di bawah)", CUSTOM))
        self.preset = widgets.Dropdown(options=preset_options,
                                       value=CUSTOM if custom_kernel is not None else kernel,
                                       description="Kernel", style=label_style, layout=wide)
        self.kernel_size = slider("Ukuran kernel k", kernel_size, 1, MAX_KERNEL)
        self.stride = slider("Stride s", stride, 1, MAX_STRIDE)
        self.padding = widgets.Dropdown(
            options=[("0 (valid)", 0), ("1", 1), ("2", 2), ("3", 3),
                     ("same (TensorFlow)", "same")],
            value=padding, description="Padding p", style=label_style, layout=wide)
        self.dilation = slider("Dilasi d", dilation, 1, MAX_DILATION)
        box_style = DescriptionStyle()
        self._column_layouts = [widgets.Layout(width="54px") for _ in range(MAX_KERNEL)]
        self.kernel_inputs = [[widgets.FloatText(value=0.0, step=0.1, style=box_style,
                                                 layout=self._column_layouts[c])
                               for c in range(MAX_KERNEL)] for _ in range(MAX_KERNEL)]
        self._positions = {id(box): (r, c) for r, row in enumerate(self.kernel_inputs)
                           for c, box in enumerate(row)}
        self._kernel_rows = [widgets.HBox(row)
                             for row in self.kernel_inputs]
        kernel_editor = widgets.VBox(
            [widgets.HTML("<b>Nilai kernel</b> (ubah langsung, lalu tekan Enter):")]
            + self._kernel_rows, layout=widgets.Layout(margin="4px 0 4px 8px"))
        self.cell = slider("Sel keluaran", 0, 0, 0)
        self.play = widgets.Play(value=0, min=0, max=0, interval=700, description="Putar",
                                 layout=widgets.Layout(width="120px"))
        self._link = widgets.link((self.play, "value"), (self.cell, "value"))
        self.cell_label = widgets.HTML()
        controls = widgets.VBox(
            [self.input_choice, self.input_size, self.preset, self.kernel_size, kernel_editor,
             self.stride, self.padding, self.dilation, self.cell,
             widgets.HBox([self.play, self.cell_label])],
            layout=widgets.Layout(width="320px", min_width="320px"))
        self.picture = widgets.HTML()
        self.calc = widgets.HTML()
        self.info = widgets.HTML()
        pictures = widgets.VBox([self.picture, self.calc],
                                layout=widgets.Layout(flex="1 1 auto", margin="0 0 0 16px"))
        header = widgets.HTML(
            "<div style='font-size:16px'><b>Penjelajah Konvolusi</b> — kernel (kotak hijau) "
            "digeser di atas masukan; setiap posisi menghasilkan satu angka peta fitur. Tekan ▶ "
            "untuk memutar.</div>")
        super().__init__([header, widgets.HBox([controls, pictures]), self.info])

        self._set_kernel_values(custom_kernel if custom_kernel is not None
                                else preset_kernel(kernel, kernel_size))
        self._show_kernel_size(kernel_size)
        self._recompute()
        for control in (self.input_choice, self.input_size, self.stride, self.padding,
                        self.dilation):
            control.observe(self._on_settings, names="value")
        self.preset.observe(self._on_preset, names="value")
        self.kernel_size.observe(self._on_kernel_size, names="value")
        for row in self.kernel_inputs:
            for box in row:
                box.observe(self._on_kernel_value, names="value")
        self.cell.observe(self._on_cell, names="value")

    def __repr__(self) -> str:
        return "Penjelajah konvolusi (jalankan sel di JupyterLab untuk memakainya)"

    # --- kernel -----------------------------------------------------------
    def _set_kernel_values(self, kernel):
        self._busy = True
        try:
            k = kernel.shape[0]
            for r in range(MAX_KERNEL):
                for c in range(MAX_KERNEL):
                    value = float(kernel[r, c]) if r < k and c < k else 0.0
                    self.kernel_inputs[r][c].value = round(value, 4)
            self._kernel_values = np.zeros((MAX_KERNEL, MAX_KERNEL))
            self._kernel_values[:k, :k] = kernel
        finally:
            self._busy = False

    def _show_kernel_size(self, k):
        for r, row in enumerate(self._kernel_rows):
            row.layout.display = None if r < k else "none"
        for c, layout in enumerate(self._column_layouts):
            layout.display = None if c < k else "none"

    def _read_kernel(self):
        """Kernel saat ini (nilai persis; kotak isian menampilkan 4 angka desimal)."""
        k = self.kernel_size.value
        return self._kernel_values[:k, :k].copy()

    def _on_preset(self, change):
        if self._busy:
            return
        if change["new"] != CUSTOM:
            self._set_kernel_values(preset_kernel(change["new"], self.kernel_size.value))
            self._recompute()

    def _on_kernel_size(self, change):
        if self._busy:
            return
        k = change["new"]
        if self.preset.value == CUSTOM:
            self._set_kernel_values(self._kernel_values[:k, :k])
        else:
            self._set_kernel_values(preset_kernel(self.preset.value, k))
        self._show_kernel_size(k)
        self._recompute()

    def _on_kernel_value(self, change):
        if self._busy:
            return
        r, c = self._positions[id(change["owner"])]
        self._kernel_values[r, c] = float(change["new"])
        if self.preset.value != CUSTOM:
            self._busy = True
            try:
                self.preset.value = CUSTOM
            finally:
                self._busy = False
        self._recompute()

    # --- masukan ----------------------------------------------------------
    def _current_image(self):
        source = self.input_choice.value
        if source == "pola":
            return pattern_image(self.input_size.value)
        if source == "gambar":
            return self._user_image
        return _real_image(source)

    def _on_settings(self, change):
        if self._busy:
            return
        self.input_size.disabled = self.input_choice.value != "pola"
        self._recompute()

    # --- perhitungan dan gambar ------------------------------------------
    def _recompute(self):
        self.input_size.disabled = self.input_choice.value != "pola"
        self.image = self._current_image()
        self.kernel = self._read_kernel()
        state = conv_state(self.image, self.kernel, self.stride.value, self.padding.value,
                           self.dilation.value)
        self.state = state
        self.padded, self.pad = state.padded, state.pad
        self.output = state.output
        self.out_shape = state.out_shape
        self.formula_text = "\n".join(state.formula_lines)
        self.message = state.message
        self._cell_px = _cell_size(state)
        self._input_grid = input_grid(state, self._cell_px)
        n_cells = state.n_cells
        self._busy = True
        try:
            top = max(n_cells - 1, 0)
            index = min(self.cell.value, top)
            self.cell.max = top
            self.play.max = top
            self.cell.value = index
            self.play.value = index
            self.cell.disabled = self.play.disabled = n_cells == 0
        finally:
            self._busy = False
        self._output_grid = output_grid(state, self._cell_px) if n_cells else None
        self._render_info()
        self._render_cell()

    def _on_cell(self, change):
        if not self._busy:
            self._render_cell()

    def _render_cell(self):
        state = self.state
        if state.output is None:
            self.selected = self.window = None
            self.window_cells, self.terms_text, self.value = [], "", None
            self.cell_label.value = ""
            self.picture.value = _grid.svg_html(self._input_grid.svg())
            self.calc.value = _html_box(_esc(state.message).replace("\n", "<br>"), "error")
            return
        (i, j), origin, cells, patch = state.window(self.cell.value)
        self.selected, self.window, self.window_cells = (i, j), origin, cells
        self.value = float(state.output[i, j])
        self.terms_text = terms_text(patch, state.kernel, self.value)
        self.cell_label.value = f"baris {i}, kolom {j}"
        left = self._input_grid.svg(window_marks(state, origin, cells))
        right = self._output_grid.svg([Mark(cells=((i, j),), width=3.5, fill_opacity=0.12)])
        cmap, vmin, vmax = output_cmap(state.output)
        label = ("biru = negatif, putih = 0, merah = positif" if cmap == "diverging"
                 else "gelap = kecil, terang = besar")
        bar = _grid.colorbar_svg(vmin, vmax, cmap, width=min(self._output_grid.width, 220),
                                 label=label)
        arrow = _operator_svg("→", self._input_grid.height)
        self.picture.value = _grid.svg_html(left, arrow, f"<div>{right}<br>{bar}</div>", gap=8,
                                            wrap=False)
        grids = [g.svg() for g in calc_grids(state, patch)]
        height = max(_grid._svg_size(g)[1] for g in grids)
        # Hasilnya SVG pendek (bukan setinggi kisi): baris flex sudah memusatkannya, dan bila
        # turun ke baris baru (kolom sempit), tidak menyisakan ruang kosong yang tinggi.
        calc = _grid.svg_html(grids[0], _operator_svg("×", height), grids[1],
                              _operator_svg("=", height), grids[2],
                              _result_svg(self.value, 40), gap=4, align="center")
        s = state.stride
        where = (f"Sel keluaran <b>baris {i}, kolom {j}</b> ← jendela mulai di baris "
                 f"{i}·{s} = {i * s}, kolom {j}·{s} = {j * s}"
                 + (" pada masukan ber-padding." if state.pad_mask.any() else "."))
        terms = _esc(terms_text(patch, state.kernel, self.value, per_row=True))
        self.calc.value = (
            f"<div style='margin-top:6px;font-size:14px'>{where}</div>{calc}"
            f"<pre style='font-size:14px;line-height:1.4;margin:4px 0;white-space:pre-wrap'>"
            f"{terms}</pre>")

    def _render_info(self):
        state = self.state
        lines = "".join(f"<div style='font-family:{_grid.MONO};font-size:14px'>"
                        f"{_esc(line)}</div>" for line in state.formula_lines)
        (t, b), (le, r) = state.pad
        pad_text = (f"padding atas {t}, bawah {b}, kiri {le}, kanan {r}"
                    + (" (tidak simetris, seperti TensorFlow)" if (t, le) != (b, r) else ""))
        if state.output is not None:
            shape = (f"Peta fitur: <b>{state.output.shape[0]} × {state.output.shape[1]}</b> "
                     f"({pad_text}).")
            kind = "info"
        else:
            shape, kind = f"Peta fitur: <b>tidak ada</b> ({pad_text}).", "error"
        text = f"{shape}{lines}"
        if state.message and state.output is not None:
            text += _html_box(_esc(state.message).replace("\n", "<br>"), "warn")
        legend = _grid.legend_svg(LEGEND_ITEMS)
        self.info.value = _html_box(text, kind) + legend


def conv_explorer(image=None, kernel="tepi vertikal", kernel_size: int = 3, stride: int = 1,
                  padding=0, dilation: int = 1, source: str | None = None,
                  pattern_size: int = 7) -> ConvExplorer:
    """Membuat penjelajah konvolusi.

    Parameter
    ---------
    image : array 2-D (opsional)
        Gambar Anda sendiri (paling besar 64 × 64); muncul sebagai pilihan "Gambar Anda".
    kernel : nama kernel siap pakai atau array persegi (1 × 1 sampai 5 × 5)
        Nama: ``"identitas"``, ``"tepi vertikal"``, ``"tepi horizontal"``, ``"sobel"``,
        ``"blur"``, ``"pertajam"``.
    kernel_size : 1–5 (diabaikan bila ``kernel`` berupa array)
    stride : 1–4
    padding : 0–3, ``"valid"`` (= 0), atau ``"same"`` (seperti TensorFlow)
    dilation : 1–3
    source : ``"pola"``, ``"mnist"``, ``"fashion"``, atau ``"gambar"`` (bawaan: ``"gambar"``
        bila ``image`` diberikan, selain itu ``"pola"``)
    pattern_size : sisi pola kecil, 3–12
    """
    return ConvExplorer(image=image, kernel=kernel, kernel_size=kernel_size, stride=stride,
                        padding=padding, dilation=dilation, source=source,
                        pattern_size=pattern_size)
