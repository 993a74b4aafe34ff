"""Penjelajah pooling (pelajaran 05): max pooling dan average pooling, jendela demi jendela.

``pool_explorer()`` memakai bahasa visual yang sama dengan penjelajah konvolusi: masukan
(dengan padding bila ``'same'``) dan jendela saat ini, perhitungan max atau rata-rata yang
ditulis lengkap, peta keluaran dengan sel yang sedang dihitung, dan rumus ukuran keluaran
yang diisi angka saat ini. ``pool_step(...)`` menggambar satu langkah sebagai SVG statis.

Perhitungannya memakai :func:`saraf.ops.max_pool2d` dan :func:`saraf.ops.avg_pool2d`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
import numpy as np

from saraf import ops
from saraf.widgets import _grid
from saraf.widgets._grid import Grid, Mark, fmt_number
from saraf.widgets.conv import (_STYLE, _WIDTH, _check_image, _esc, _floor_steps,
                                _html_box, _int_param, _operator_svg, _real_image, _source_options,
                                _uncovered, _uncovered_text)

__all__ = ["pool_explorer", "pool_step", "PoolExplorer", "pool_pattern"]

MAX_POOL = 4
MAX_STRIDE = 4
PICTURE_WIDTH = 330
MODES = {"max": "max pooling", "avg": "average pooling"}


@functools.lru_cache(maxsize=None)
def _pattern(size: int) -> np.ndarray:
    rng = np.random.default_rng(2024 + size)
    image = rng.integers(0, 10, size=(size, size))
    image.flags.writeable = False
    return image


def pool_pattern(size: int = 6) -> np.ndarray:
    """Pola kecil berisi angka acak 0–9 (selalu sama untuk ukuran yang sama)."""
    size = _int_param("size", size, 2, 16)
    return _pattern(size).copy()


def _check_mode(mode):
    if mode in ("max", "avg"):
        return mode
    if mode in ("average", "rata-rata", "mean"):
        return "avg"
    raise ValueError(f"`mode` harus 'max' atau 'avg' (average pooling), tetapi yang "
                     f"diberikan: {mode!r}.")


def _check_pool_padding(padding):
    if isinstance(padding, str) and padding.lower() in ("valid", "same"):
        return padding.lower()
    raise ValueError(f"`padding` harus 'valid' atau 'same', tetapi yang diberikan: "
                     f"{padding!r}.")


def pool_formula(axis: str, n: int, k: int, s: int, padding: str) -> str:
    """Rumus ukuran keluaran pooling pada satu sumbu, diisi angka."""
    if padding == "same":
        out = -(-n // s)
        text = f"{axis} keluaran = ⌈n / s⌉ = ⌈{n} / {s}⌉"
        if n % s:
            text += f" = ⌈{fmt_number(n / s)}⌉"
        total = max((out - 1) * s + k - n, 0)
        before, after = total // 2, total - total // 2
        names = ("atas", "bawah") if axis == "tinggi" else ("kiri", "kanan")
        return (text + f" = {out}; padding total = max(({out} − 1)·{s} + {k} − {n}, 0) = "
                f"{total} → {names[0]} {before}, {names[1]} {after}")
    numerator = n - k
    text = (f"{axis} keluaran = ⌊(n − k) / s⌋ + 1 = ⌊({n} − {k}) / {s}⌋ + 1 = "
            f"{_floor_steps(numerator, s)}")
    if numerator // s + 1 <= 0:
        text += " → tidak ada keluaran (harus ≥ 1)"
    return text


@dataclass
class PoolState:
    """Semua angka dan teks untuk satu pilihan masukan, mode, ukuran pool, stride, padding."""

    image: np.ndarray
    mode: str
    size: int
    stride: int
    padding: str
    pad: tuple
    padded: np.ndarray          # padding diisi NaN (tidak ikut dihitung)
    pad_mask: np.ndarray
    out_shape: tuple
    output: np.ndarray | None
    formula_lines: tuple
    message: str
    dim_mask: np.ndarray | None

    @property
    def n_cells(self) -> int:
        return self.output.size if self.output is not None else 0

    def window(self, index: int):
        """(baris, kolom) keluaran, pojok kiri atas jendela, sel-sel jendela, potongan."""
        out_w = self.output.shape[1]
        i, j = divmod(int(index), out_w)
        top, left = i * self.stride, j * self.stride
        k = self.size
        cells = [(top + a, left + b) for a in range(k) for b in range(k)]
        patch = self.padded[top:top + k, left:left + k]
        return (i, j), (top, left), cells, patch


def pool_state(image, mode="max", size=2, stride=None, padding="valid") -> PoolState:
    """Menghitung semua yang ditampilkan penjelajah pooling."""
    image = _check_image(image)
    mode = _check_mode(mode)
    size = _int_param("size", size, 1, 8)
    stride = size if stride is None else _int_param("stride", stride, 1, 8)
    padding = _check_pool_padding(padding)
    h, w = image.shape
    if padding == "same":
        pad = (ops.same_padding(h, size, stride), ops.same_padding(w, size, stride))
    else:
        pad = ((0, 0), (0, 0))
    image_f = image.astype(float)
    padded = ops.pad2d(image_f, pad, value=np.nan)
    pad_mask = np.isnan(padded)
    hp, wp = padded.shape
    out_h = (hp - size) // stride + 1
    out_w = (wp - size) // stride + 1
    formula = (pool_formula("tinggi", h, size, stride, padding),
               pool_formula("lebar", w, size, stride, padding))
    messages, output, dim = [], None, None
    if out_h <= 0 or out_w <= 0:
        axes = [name for name, n in (("tinggi", h), ("lebar", w)) if n < size]
        where = " maupun ".join(axes)
        sides = " × ".join(str(n) for n in (h, w))
        messages.append(f"Tidak ada keluaran: jendela pool {size} × {size} lebih besar dari "
                        f"masukan {sides} pada {where}, jadi jendela tidak muat satu kali pun.")
        messages.append("Perkecil ukuran pool, atau pakai padding 'same'.")
    else:
        pool = ops.max_pool2d if mode == "max" else ops.avg_pool2d
        output = pool(image_f, size, stride, padding)
        rows = _uncovered(hp, size, stride, 1, out_h)
        cols = _uncovered(wp, size, stride, 1, out_w)
        if rows:
            messages.append(_uncovered_text("tinggi", "baris", rows, pad[0][0], h, hp, size,
                                            stride, 1, out_h, result="keluaran"))
        if cols:
            messages.append(_uncovered_text("lebar", "kolom", cols, pad[1][0], w, wp, size,
                                            stride, 1, out_w, result="keluaran"))
        if rows or cols:
            dim = np.zeros(padded.shape, bool)
            dim[rows, :] = True
            dim[:, cols] = True
    return PoolState(image_f, mode, size, stride, padding, pad, padded, pad_mask, (out_h, out_w),
                     output, formula, "\n".join(messages), dim)


def calc_text(state: PoolState, patch) -> str:
    """Perhitungan satu jendela, mis. 'max(0, 9, 5, 1) = 9' atau '(0 + 9 + 5 + 1) / 4 = 3,75'."""
    values = [v for v in np.ravel(patch) if not np.isnan(v)]
    ignored = patch.size - len(values)
    items = [fmt_number(v) for v in values]
    if state.mode == "max":
        result = max(values)
        text = f"max({', '.join(items)}) = {fmt_number(result)}"
    else:
        result = sum(values) / len(values)
        sign = "≈" if _grid.is_rounded(result) else "="
        text = f"({' + '.join(items)}) / {len(values)} {sign} {fmt_number(result)}"
    if ignored:
        text += f"  ({ignored} sel padding tidak ikut dihitung)"
    return text


def _limits(state):
    high = float(state.image.max(initial=0.0))
    if high > 9:
        high = max(high, 255.0) if high <= 255 else high
    return min(0.0, float(state.image.min(initial=0.0))), (high if high > 0 else 1.0)


def _cell_size(state, width=PICTURE_WIDTH):
    return float(np.clip(np.floor(width / max(state.padded.shape)), 6, 42))


def input_grid(state: PoolState, cell: float) -> Grid:
    (top, _), (left, _) = state.pad
    h, w = state.image.shape
    rows = [str(r - top) if top <= r < top + h else "" for r in range(state.padded.shape[0])]
    cols = [str(c - left) if left <= c < left + w else "" for c in range(state.padded.shape[1])]
    vmin, vmax = _limits(state)
    numbers = cell >= 24 and max(len(fmt_number(v)) for v in np.ravel(state.image)) <= 4
    title = f"Masukan {h} × {w}"
    if state.pad_mask.any():
        title += f" + padding → {state.padded.shape[0]} × {state.padded.shape[1]}"
    return Grid(np.nan_to_num(state.padded), cell=cell, cmap="gray", vmin=vmin, vmax=vmax,
                numbers=numbers, pad_mask=state.pad_mask, pad_text="", dim_mask=state.dim_mask,
                row_labels=rows, col_labels=cols, title=title)


def output_grid(state: PoolState, cell: float) -> Grid:
    vmin, vmax = _limits(state)
    out = state.output
    numbers = cell >= 24 and max(len(fmt_number(v)) for v in np.ravel(out)) <= 5
    return Grid(out, cell=cell, cmap="gray", vmin=vmin, vmax=vmax, numbers=numbers,
                row_labels=[str(i) for i in range(out.shape[0])],
                col_labels=[str(j) for j in range(out.shape[1])],
                title=f"Keluaran {out.shape[0]} × {out.shape[1]}")


def window_marks(state: PoolState, origin, patch):
    marks = [Mark(block=(origin[0], origin[1], state.size, state.size), width=3.5,
                  fill_opacity=0.12)]
    if state.mode == "max":
        filled = np.where(np.isnan(patch), -np.inf, patch)
        a, b = np.unravel_index(int(np.argmax(filled)), patch.shape)
        marks.append(Mark(cells=((origin[0] + a, origin[1] + b),), width=1.5,
                          fill_opacity=0.45))
    return marks


def patch_grid(state: PoolState, patch) -> Grid:
    vmin, vmax = _limits(state)
    mask = np.isnan(patch)
    return Grid(np.nan_to_num(patch), cell=40, cmap="gray", vmin=vmin, vmax=vmax, numbers=True,
                pad_mask=mask, pad_text="", title="Jendela")


def _patch_marks(state: PoolState, patch):
    if state.mode != "max":
        return []
    filled = np.where(np.isnan(patch), -np.inf, patch)
    a, b = np.unravel_index(int(np.argmax(filled)), patch.shape)
    return [Mark(cells=((a, b),), width=2.5, fill_opacity=0.45)]


LEGEND = {"max": (("window", "jendela / sel keluaran yang dihitung"),
                  ("max", "nilai terbesar di jendela"),
                  ("pad", "padding (diabaikan)"),
                  ("uncovered", "tidak pernah tercakup jendela")),
          "avg": (("window", "jendela / sel keluaran yang dihitung"),
                  ("pad", "padding (tidak ikut dirata-rata)"),
                  ("uncovered", "tidak pernah tercakup jendela"))}


class PoolStep:
    """Gambar statis satu langkah pooling (SVG)."""

    def __init__(self, state: PoolState, index: int):
        self.state = state
        self.output = state.output
        (i, j), origin, cells, patch = state.window(index)
        self.selected, self.window, self.window_cells = (i, j), origin, cells
        self.value = float(state.output[i, j])
        self.calc_text = calc_text(state, patch)
        cell = _cell_size(state, 300)
        left = input_grid(state, cell).svg(window_marks(state, origin, patch))
        right = output_grid(state, cell).svg([Mark(cells=((i, j),), width=3.5,
                                                   fill_opacity=0.12)])
        top = _grid.hstack_svg([left, _operator_svg("→", _grid._svg_size(left)[1]), right],
                               gap=10)
        lines = [f"{MODES[state.mode].capitalize()}, sel keluaran baris {i}, kolom {j}:",
                 "  " + self.calc_text]
        text = _grid.text_svg(lines, size=13, mono=True, bold_first=True)
        legend = _grid.legend_svg([item for item in LEGEND[state.mode]
                                   if item[0] != "uncovered" or state.dim_mask is not None
                                   if item[0] != "pad" or state.pad_mask.any()])
        self._svg = _grid.vstack_svg([top, text, legend], gap=12)

    def _repr_svg_(self) -> str:
        return self._svg

    def __repr__(self) -> str:
        i, j = self.selected
        return f"Langkah pooling: sel keluaran ({i}, {j}) = {fmt_number(self.value)} (gambar SVG)"


def pool_step(image, mode="max", size=2, stride=None, padding="valid", row=0, col=0) -> PoolStep:
    """Gambar satu langkah pooling: jendela di masukan, perhitungannya, dan sel keluaran."""
    state = pool_state(image, mode, size, stride, padding)
    if state.output is None:
        raise ValueError(state.message)
    out_h, out_w = state.output.shape
    row = _int_param("row", row, 0, out_h - 1)
    col = _int_param("col", col, 0, out_w - 1)
    return PoolStep(state, row * out_w + col)


def _labeled(text, control):
    """Label di kiri kontrol, sejajar dengan label slider (ToggleButtons menaruhnya di atas)."""
    label = widgets.HTML(f"<div style='width:108px;text-align:right;padding-right:6px;"
                         f"line-height:30px'>{text}</div>")
    return widgets.HBox([label, control])


class PoolExplorer(widgets.VBox):
    """Penjelajah pooling. Buat dengan :func:`pool_explorer`."""

    def __init__(self, image=None, mode="max", size=2, stride=None, padding="valid",
                 source=None, pattern_size=6):
        self._busy = False
        self._user_image = None if image is None else _check_image(image)
        source, options = _source_options(self._user_image, source)
        mode = _check_mode(mode)
        size = _int_param("size", size, 1, MAX_POOL)
        stride = size if stride is None else _int_param("stride", stride, 1, MAX_STRIDE)
        padding = _check_pool_padding(padding)
        pattern_size = _int_param("pattern_size", pattern_size, 2, 12)

        wide = widgets.Layout(width=_WIDTH)
        slider_style = widgets.SliderStyle(**_STYLE)

        def slider(description, value, low, high):
            return widgets.IntSlider(value=value, min=low, max=high, description=description,
                                     style=slider_style, layout=wide)

        self.input_choice = widgets.Dropdown(options=options, value=source, description="Masukan",
                                             style=DescriptionStyle(**_STYLE), layout=wide)
        self.input_size = slider("Ukuran pola", pattern_size, 2, 12)
        self.mode = widgets.ToggleButtons(options=[("max", "max"), ("rata-rata", "avg")],
                                          value=mode, layout=widgets.Layout(width="184px"))
        self.mode.style.button_width = "84px"
        self.pool_size = slider("Ukuran pool k", size, 1, MAX_POOL)
        self.stride = slider("Stride s", stride, 1, MAX_STRIDE)
        self.padding = widgets.ToggleButtons(options=[("valid", "valid"), ("same", "same")],
                                             value=padding,
                                             layout=widgets.Layout(width="184px"))
        self.padding.style.button_width = "84px"
        self.cell = slider("Sel keluaran", 0, 0, 0)
        self.play = widgets.Play(value=0, min=0, max=0, interval=700, description="Putar",
                                 layout=widgets.Layout(width="120px"))
        self._link = widgets.link((self.play, "value"), (self.cell, "value"))
        self.cell_label = widgets.HTML()
        controls = widgets.VBox(
            [self.input_choice, self.input_size, _labeled("Mode", self.mode), self.pool_size,
             self.stride, _labeled("Padding", self.padding), self.cell,
             widgets.HBox([self.play, self.cell_label])],
            layout=widgets.Layout(width="320px", min_width="320px"))
        self.picture = widgets.HTML()
        self.calc = widgets.HTML()
        self.info = widgets.HTML()
        header = widgets.HTML(
            "<div style='font-size:16px'><b>Penjelajah Pooling</b> — jendela (kotak hijau) "
            "digeser di atas masukan; setiap posisi diringkas menjadi satu angka (nilai terbesar "
            "atau rata-rata). Tekan ▶ untuk memutar.</div>")
        super().__init__([header,
                          widgets.HBox([controls, widgets.VBox(
                              [self.picture, self.calc],
                              layout=widgets.Layout(margin="0 0 0 16px"))]),
                          self.info])
        self._recompute()
        for control in (self.input_choice, self.input_size, self.mode, self.pool_size,
                        self.stride, self.padding):
            control.observe(self._on_settings, names="value")
        self.cell.observe(self._on_cell, names="value")

    def __repr__(self) -> str:
        return "Penjelajah pooling (jalankan sel di JupyterLab untuk memakainya)"

    def _current_image(self):
        source = self.input_choice.value
        if source == "pola":
            return _pattern(self.input_size.value)
        if source == "gambar":
            return self._user_image
        return _real_image(source)

    def _on_settings(self, change):
        if not self._busy:
            self._recompute()

    def _on_cell(self, change):
        if not self._busy:
            self._render_cell()

    def _recompute(self):
        self.input_size.disabled = self.input_choice.value != "pola"
        self.image = self._current_image()
        state = pool_state(self.image, self.mode.value, self.pool_size.value, self.stride.value,
                           self.padding.value)
        self.state = state
        self.padded, self.pad = state.padded, state.pad
        self.output, self.out_shape = state.output, state.out_shape
        self.formula_text = "\n".join(state.formula_lines)
        self.message = state.message
        self._cell_px = _cell_size(state)
        self._input_grid = input_grid(state, self._cell_px)
        n_cells = state.n_cells
        self._busy = True
        try:
            top = max(n_cells - 1, 0)
            index = min(self.cell.value, top)
            self.cell.max = self.play.max = top
            self.cell.value = self.play.value = index
            self.cell.disabled = self.play.disabled = n_cells == 0
        finally:
            self._busy = False
        self._output_grid = output_grid(state, self._cell_px) if n_cells else None
        self._render_info()
        self._render_cell()

    def _render_cell(self):
        state = self.state
        if state.output is None:
            self.selected = self.window = self.value = None
            self.window_cells, self.calc_text = [], ""
            self.cell_label.value = ""
            self.picture.value = _grid.svg_html(self._input_grid.svg())
            self.calc.value = _html_box(_esc(state.message).replace("\n", "<br>"), "error")
            return
        (i, j), origin, cells, patch = state.window(self.cell.value)
        self.selected, self.window, self.window_cells = (i, j), origin, cells
        self.value = float(state.output[i, j])
        self.calc_text = calc_text(state, patch)
        self.cell_label.value = f"baris {i}, kolom {j}"
        left = self._input_grid.svg(window_marks(state, origin, patch))
        right = self._output_grid.svg([Mark(cells=((i, j),), width=3.5, fill_opacity=0.12)])
        arrow = _operator_svg("→", self._input_grid.height)
        self.picture.value = _grid.svg_html(left, arrow, right, gap=8, wrap=False)
        grid = patch_grid(state, patch)
        result = (f"<div style='font-size:18px;font-family:{_grid.MONO}'>"
                  f"{_esc(self.calc_text)}</div>")
        s = state.stride
        where = (f"Sel keluaran <b>baris {i}, kolom {j}</b> ← jendela mulai di baris "
                 f"{i}·{s} = {i * s}, kolom {j}·{s} = {j * s}"
                 + (" pada masukan ber-padding." if state.pad_mask.any() else "."))
        self.calc.value = (f"<div style='margin-top:6px;font-size:14px'>{where}</div>"
                           + _grid.svg_html(grid.svg(_patch_marks(state, patch)), result,
                                            gap=14, align="center"))

    def _render_info(self):
        state = self.state
        lines = "".join(f"<div style='font-family:{_grid.MONO};font-size:14px'>"
                        f"{_esc(line)}</div>" for line in state.formula_lines)
        h, w = state.image.shape
        if state.output is not None:
            oh, ow = state.output.shape
            shape = (f"{MODES[state.mode].capitalize()} {state.size} × {state.size}, stride "
                     f"{state.stride}, padding '{state.padding}': {h} × {w} → <b>{oh} × {ow}</b> "
                     f"({h * w} angka → {oh * ow} angka).")
            kind = "info"
        else:
            shape, kind = "Keluaran: <b>tidak ada</b>.", "error"
        text = shape + lines
        if state.message and state.output is not None:
            text += _html_box(_esc(state.message).replace("\n", "<br>"), "warn")
        self.info.value = _html_box(text, kind) + _grid.legend_svg(LEGEND[state.mode])


def pool_explorer(image=None, mode: str = "max", size: int = 2, stride: int | None = None,
                  padding: str = "valid", source: str | None = None,
                  pattern_size: int = 6) -> PoolExplorer:
    """Membuat penjelajah pooling.

    Parameter
    ---------
    image : array 2-D (opsional), paling besar 64 × 64; muncul sebagai "Gambar Anda".
    mode : ``"max"`` atau ``"avg"`` (average pooling)
    size : ukuran jendela pool, 1–4
    stride : 1–4, bawaan sama dengan ``size`` (seperti Keras)
    padding : ``"valid"`` atau ``"same"``
    source : ``"pola"``, ``"mnist"``, ``"fashion"``, atau ``"gambar"``
    pattern_size : sisi pola kecil, 2–12
    """
    return PoolExplorer(image=image, mode=mode, size=size, stride=stride, padding=padding,
                        source=source, pattern_size=pattern_size)
