"""Penjelajah neuron (pelajaran 02): satu neuron dengan dua masukan.

Geser bobot ``w1``, ``w2``, dan bias ``b``, pilih fungsi aktivasi, lalu lihat:

* keluaran neuron untuk satu titik masukan ``(x1, x2)`` beserta persamaannya
  yang sudah diisi angka;
* warna keluaran di seluruh bidang masukan dan **garis keputusan**
  ``w1·x1 + w2·x2 + b = 0``;
* beberapa titik contoh (AND, OR, XOR) dan berapa yang diklasifikasikan benar.

Gambar dibuat sebagai SVG di Python (peta warna kecil berupa PNG di dalamnya),
sehingga cepat dan hasilnya selalu sama. Semua nilai yang ditampilkan juga
tersimpan sebagai atribut, sehingga widget dapat diuji tanpa peramban.
"""

from __future__ import annotations

import base64
import html
import io
import numbers

import ipywidgets as widgets
import numpy as np

__all__ = ["neuron_explorer", "NeuronExplorer", "ACTIVATIONS", "TOY_DATASETS", "activate",
           "decision_line"]

#: Nama fungsi aktivasi yang dikenal penjelajah, dengan label untuk menu pilihan.
ACTIVATIONS = {
    "step": "tangga (step)",
    "sigmoid": "sigmoid",
    "relu": "ReLU",
    "tanh": "tanh",
}

#: Titik contoh: masukan (x1, x2) dan kelas yang benar (0 atau 1).
_CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
TOY_DATASETS = {
    "and": (_CORNERS, (0, 0, 0, 1)),
    "or": (_CORNERS, (0, 1, 1, 1)),
    "xor": (_CORNERS, (0, 1, 1, 0)),
}
_DATASET_LABELS = {"and": "AND", "or": "OR", "xor": "XOR"}

# Rentang bidang masukan yang digambar dan rentang slider.
_LOW, _HIGH = -0.5, 1.5
_WEIGHT_RANGE = (-3.0, 3.0)
_GRID = 96            # resolusi peta warna (piksel per sisi)
_PLOT = 300           # ukuran bidang gambar dalam SVG (piksel)
_MARGIN = 40          # ruang untuk angka sumbu

# Warna: biru (keluaran rendah) → putih → oranye (keluaran tinggi).
# Warnanya sengaja pucat agar titik contoh (warna pekat) tetap terlihat di atasnya.
_LOW_RGB = np.array([140, 185, 225], dtype=float)
_MID_RGB = np.array([250, 250, 250], dtype=float)
_HIGH_RGB = np.array([250, 180, 120], dtype=float)
_CLASS_COLORS = {0: "#08519c", 1: "#a63603"}


def _step(z):
    return np.where(z >= 0, 1.0, 0.0)


def _sigmoid(z):
    from saraf.ops import sigmoid

    return sigmoid(z)


def _relu(z):
    return np.maximum(z, 0.0)


_FUNCTIONS = {"step": _step, "sigmoid": _sigmoid, "relu": _relu, "tanh": np.tanh}
# Rentang warna keluaran untuk setiap aktivasi (ReLU tidak terbatas: dipotong di 2).
_OUTPUT_RANGE = {"step": (0.0, 1.0), "sigmoid": (0.0, 1.0), "relu": (0.0, 2.0),
                 "tanh": (-1.0, 1.0)}


def _check_choice(name: str, value, choices) -> str:
    if not isinstance(value, str) or value.lower() not in choices:
        options = ", ".join(repr(c) for c in choices)
        raise ValueError(f"`{name}` harus salah satu dari {options}, tetapi yang diberikan: "
                         f"{value!r}.")
    return value.lower()


def activate(z, activation: str = "step"):
    """Menerapkan fungsi aktivasi ``activation`` pada ``z`` (angka atau array).

    ``step`` (fungsi tangga) bernilai 1 bila z ≥ 0 dan 0 bila z < 0.
    """
    activation = _check_choice("activation", activation, ACTIVATIONS)
    return _FUNCTIONS[activation](np.asarray(z, dtype=float))


def _check_number(name: str, value, low: float, high: float) -> float:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"`{name}` harus sebuah bilangan, tetapi yang diberikan: {value!r} "
                        f"(bertipe {type(value).__name__}).")
    value = float(value)
    if not (low <= value <= high):
        raise ValueError(f"`{name}` harus di antara {low:g} dan {high:g} (rentang slider), "
                         f"tetapi yang diberikan: {value:g}.")
    return value


def _colorize(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Nilai → warna RGB uint8: rendah biru, tengah putih, tinggi oranye."""
    t = np.clip((values - low) / (high - low), 0.0, 1.0)[..., None]
    below = _LOW_RGB + (_MID_RGB - _LOW_RGB) * (t / 0.5)
    above = _MID_RGB + (_HIGH_RGB - _MID_RGB) * ((t - 0.5) / 0.5)
    return np.where(t < 0.5, below, above).round().astype(np.uint8)


def _png_data_uri(rgb: np.ndarray) -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb, mode="RGB").save(buffer, format="PNG", optimize=False)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def decision_line(w1: float, w2: float, b: float, low: float = _LOW, high: float = _HIGH):
    """Dua titik ujung garis ``w1·x1 + w2·x2 + b = 0`` di dalam kotak [low, high]².

    Mengembalikan ``((x1_a, x2_a), (x1_b, x2_b))``, atau ``None`` bila garis itu tidak
    melewati kotak (misalnya kedua bobot nol).
    """
    points = []
    if w2 != 0:
        for x1 in (low, high):  # tepi kiri dan kanan
            x2 = -(w1 * x1 + b) / w2
            if low - 1e-12 <= x2 <= high + 1e-12:
                points.append((x1, x2))
    if w1 != 0:
        for x2 in (low, high):  # tepi bawah dan atas
            x1 = -(w2 * x2 + b) / w1
            if low - 1e-12 <= x1 <= high + 1e-12:
                points.append((x1, x2))
    unique = []
    for p in points:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in unique):
            unique.append(p)
    if len(unique) < 2:
        return None
    (a1, a2), (b1, b2) = ((round(v, 6) + 0.0 for v in p) for p in unique[:2])  # tanpa -0.0
    return (a1, a2), (b1, b2)


_CELL = "padding:1px 7px;text-align:right"
_HEADERS = ("(x1, x2)", "kelas", "z", "a", "prediksi", "")


def _fmt(value: float) -> str:
    """Angka dengan dua desimal, gaya Python (titik desimal), tanpa "-0.00"."""
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


class NeuronExplorer(widgets.VBox):
    """Penjelajah satu neuron dengan dua masukan. Buat dengan :func:`neuron_explorer`.

    Atribut untuk tes dan untuk yang penasaran: ``w1_slider``, ``w2_slider``,
    ``bias_slider``, ``activation_dropdown``, ``dataset_dropdown``, ``x1_slider``,
    ``x2_slider`` (kontrol); ``z``, ``output``, ``equation_text``, ``boundary``,
    ``predictions``, ``n_correct``, ``svg`` (nilai yang sedang ditampilkan).
    """

    def __init__(self, w1=1.0, w2=1.0, bias=-1.5, activation="step", dataset="and",
                 point=(1.0, 1.0)):
        w1 = _check_number("w1", w1, *_WEIGHT_RANGE)
        w2 = _check_number("w2", w2, *_WEIGHT_RANGE)
        bias = _check_number("bias", bias, *_WEIGHT_RANGE)
        activation = _check_choice("activation", activation, ACTIVATIONS)
        dataset = _check_choice("dataset", dataset, TOY_DATASETS)
        if isinstance(point, (str, bytes)) or not hasattr(point, "__len__") or len(point) != 2:
            raise ValueError(f"`point` harus pasangan (x1, x2), tetapi yang diberikan: {point!r}.")
        x1 = _check_number("point[0]", point[0], _LOW, _HIGH)
        x2 = _check_number("point[1]", point[1], _LOW, _HIGH)

        style = {"description_width": "105px"}
        slider = dict(min=_WEIGHT_RANGE[0], max=_WEIGHT_RANGE[1], step=0.1,
                      readout_format=".2f", continuous_update=True, style=style,
                      layout=widgets.Layout(width="320px"))
        self.w1_slider = widgets.FloatSlider(value=w1, description="bobot w1", **slider)
        self.w2_slider = widgets.FloatSlider(value=w2, description="bobot w2", **slider)
        self.bias_slider = widgets.FloatSlider(value=bias, description="bias b", **slider)
        point_slider = dict(slider, min=_LOW, max=_HIGH)
        self.x1_slider = widgets.FloatSlider(value=x1, description="masukan x1", **point_slider)
        self.x2_slider = widgets.FloatSlider(value=x2, description="masukan x2", **point_slider)
        self.activation_dropdown = widgets.Dropdown(
            options=[(label, key) for key, label in ACTIVATIONS.items()], value=activation,
            description="fungsi aktivasi", style=style, layout=widgets.Layout(width="320px"))
        self.dataset_dropdown = widgets.Dropdown(
            options=[(label, key) for key, label in _DATASET_LABELS.items()], value=dataset,
            description="titik contoh", style=style, layout=widgets.Layout(width="320px"))
        self.plot_html = widgets.HTML()
        self.info_html = widgets.HTML(layout=widgets.Layout(width="350px"))

        controls = widgets.VBox([
            widgets.HTML("<b>Neuron</b>"), self.w1_slider, self.w2_slider, self.bias_slider,
            self.activation_dropdown,
            widgets.HTML("<b>Titik masukan</b> (cincin hitam)"), self.x1_slider, self.x2_slider,
            self.dataset_dropdown, self.info_html,
        ])
        super().__init__([widgets.HBox([controls, self.plot_html])])
        for control in (self.w1_slider, self.w2_slider, self.bias_slider, self.x1_slider,
                        self.x2_slider, self.activation_dropdown, self.dataset_dropdown):
            control.observe(self._update, names="value")
        self._update()

    def __repr__(self) -> str:
        return "Penjelajah neuron (jalankan sel di JupyterLab untuk memakainya)"

    # -- perhitungan -----------------------------------------------------------------------
    def _z(self, x1, x2):
        return self.w1_slider.value * x1 + self.w2_slider.value * x2 + self.bias_slider.value

    def _update(self, change=None) -> None:
        w1, w2, b = self.w1_slider.value, self.w2_slider.value, self.bias_slider.value
        x1, x2 = self.x1_slider.value, self.x2_slider.value
        name = self.activation_dropdown.value
        self.z = float(self._z(x1, x2))
        self.output = float(activate(self.z, name))
        self.equation_text = (
            f"z = w1·x1 + w2·x2 + b\n"
            f"  = ({_fmt(w1)})·({_fmt(x1)}) + ({_fmt(w2)})·({_fmt(x2)}) + ({_fmt(b)})\n"
            f"  = {_fmt(self.z)}\n"
            f"a = {name}(z) = {name}({_fmt(self.z)}) = {_fmt(self.output)}"
        )
        self.boundary = decision_line(w1, w2, b)
        points, targets = TOY_DATASETS[self.dataset_dropdown.value]
        zs = [float(self._z(p, q)) for p, q in points]
        self.predictions = [int(z >= 0) for z in zs]
        self.n_correct = sum(int(p == t) for p, t in zip(self.predictions, targets))
        self.svg = self._svg(points, targets)
        self.plot_html.value = self.svg
        self.info_html.value = self._info_html(points, targets, zs)

    # -- tampilan ----------------------------------------------------------------------------
    def _to_px(self, x1, x2):
        scale = _PLOT / (_HIGH - _LOW)
        return _MARGIN + (x1 - _LOW) * scale, _MARGIN + (_HIGH - x2) * scale

    def _svg(self, points, targets) -> str:
        name = self.activation_dropdown.value
        centers = _LOW + (np.arange(_GRID) + 0.5) * (_HIGH - _LOW) / _GRID
        g1, g2 = np.meshgrid(centers, centers[::-1])  # baris atas = x2 terbesar
        values = activate(self._z(g1, g2), name)
        low, high = _OUTPUT_RANGE[name]
        image = _png_data_uri(_colorize(values, low, high))
        size = _PLOT + 2 * _MARGIN
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size + 30}" '
            f'viewBox="0 0 {size} {size + 30}" font-family="sans-serif" font-size="12">',
            f'<image x="{_MARGIN}" y="{_MARGIN}" width="{_PLOT}" height="{_PLOT}" '
            f'preserveAspectRatio="none" href="{image}"/>',
            f'<rect x="{_MARGIN}" y="{_MARGIN}" width="{_PLOT}" height="{_PLOT}" fill="none" '
            f'stroke="#444"/>',
        ]
        for tick in (-0.5, 0.0, 0.5, 1.0, 1.5):  # angka sumbu
            px, _ = self._to_px(tick, 0)
            _, py = self._to_px(0, tick)
            parts.append(f'<text x="{px:.1f}" y="{_MARGIN + _PLOT + 15}" '
                         f'text-anchor="middle">{tick:g}</text>')
            parts.append(f'<text x="{_MARGIN - 6}" y="{py + 4:.1f}" '
                         f'text-anchor="end">{tick:g}</text>')
        parts.append(f'<text x="{_MARGIN + _PLOT / 2}" y="{_MARGIN + _PLOT + 32}" '
                     f'text-anchor="middle">x1</text>')
        parts.append(f'<text x="12" y="{_MARGIN + _PLOT / 2}" text-anchor="middle" '
                     f'transform="rotate(-90 12 {_MARGIN + _PLOT / 2})">x2</text>')
        parts.append(f'<text x="{size / 2}" y="22" text-anchor="middle" font-size="14" '
                     f'font-weight="bold">Keluaran neuron di bidang masukan</text>')
        if self.boundary is not None:
            (a1, a2), (b1, b2) = self.boundary
            (xa, ya), (xb, yb) = self._to_px(a1, a2), self._to_px(b1, b2)
            parts.append(f'<line class="boundary" x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" '
                         f'y2="{yb:.1f}" stroke="black" stroke-width="2.5" '
                         f'stroke-dasharray="7 4"/>')
        for (p, q), target in zip(points, targets):
            cx, cy = self._to_px(p, q)
            parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="11" '
                         f'fill="{_CLASS_COLORS[target]}" stroke="white" stroke-width="2"/>')
            parts.append(f'<text x="{cx:.1f}" y="{cy + 4.5:.1f}" text-anchor="middle" '
                         f'fill="white" font-weight="bold">{target}</text>')
        mx, my = self._to_px(self.x1_slider.value, self.x2_slider.value)
        # Cincin (bukan tanda ×) agar angka kelas titik contoh di bawahnya tetap terbaca.
        parts.append(f'<circle cx="{mx:.1f}" cy="{my:.1f}" r="16" fill="none" stroke="white" '
                     f'stroke-width="6"/>')  # tepi putih
        parts.append(f'<circle class="point" cx="{mx:.1f}" cy="{my:.1f}" r="16" fill="none" '
                     f'stroke="black" stroke-width="3"/>')
        # Legenda warna keluaran a.
        y0 = size + 8
        stops = "".join(
            f'<stop offset="{t}" stop-color="rgb({",".join(str(int(v)) for v in c)})"/>'
            for t, c in ((0, _LOW_RGB), (0.5, _MID_RGB), (1, _HIGH_RGB)))
        high_label = f"≥ {high:g}" if name == "relu" else f"{high:g}"
        parts += [
            f'<defs><linearGradient id="legend">{stops}</linearGradient></defs>',
            f'<text x="{_MARGIN}" y="{y0 + 11}">keluaran a:</text>',
            f'<text x="{_MARGIN + 100}" y="{y0 + 11}" text-anchor="end">{low:g}</text>',
            f'<rect x="{_MARGIN + 105}" y="{y0}" width="120" height="14" fill="url(#legend)" '
            f'stroke="#444"/>',
            f'<text x="{_MARGIN + 230}" y="{y0 + 11}">{high_label}</text>',
            "</svg>",
        ]
        return "".join(parts)

    def _info_html(self, points, targets, zs) -> str:
        name = self.activation_dropdown.value
        rows = []
        for (p, q), target, z, pred in zip(points, targets, zs, self.predictions):
            mark = "✔" if pred == target else "✘"
            color = "#2e7d32" if pred == target else "#c62828"
            cells = (f"({p:g}, {q:g})", target, _fmt(z), _fmt(float(activate(z, name))), pred)
            rows.append("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells)
                        + f'<td style="{_CELL};color:{color}">{mark}</td></tr>')
        label = _DATASET_LABELS[self.dataset_dropdown.value]
        header = "".join(f'<th style="{_CELL}">{h}</th>' for h in _HEADERS)
        return (
            f'<div style="font-size:13px;line-height:1.35">'
            f'<pre style="margin:4px 0;font-size:12.5px">{html.escape(self.equation_text)}</pre>'
            f"<div>Titik contoh {label}: neuron memilih kelas 1 bila z ≥ 0.</div>"
            f'<table style="border-collapse:collapse;font-size:12.5px">'
            f"<tr>{header}</tr>{''.join(rows)}</table>"
            f"<div><b>Benar: {self.n_correct} dari {len(points)}</b></div></div>"
        )


def neuron_explorer(w1=1.0, w2=1.0, bias=-1.5, activation="step", dataset="and",
                    point=(1.0, 1.0)) -> NeuronExplorer:
    """Penjelajah satu neuron dengan dua masukan (pelajaran 02).

    Parameter
    ---------
    w1, w2, bias : nilai awal bobot dan bias, masing-masing di antara -3 dan 3.
    activation : ``"step"`` (fungsi tangga), ``"sigmoid"``, ``"relu"``, atau ``"tanh"``.
    dataset : titik contoh ``"and"``, ``"or"``, atau ``"xor"``.
    point : titik masukan ``(x1, x2)`` yang keluarannya dihitung, di antara -0.5 dan 1.5.

    Warna menunjukkan keluaran neuron di setiap titik bidang masukan; garis putus-putus
    adalah garis keputusan ``w1·x1 + w2·x2 + b = 0``.
    """
    return NeuronExplorer(w1=w1, w2=w2, bias=bias, activation=activation, dataset=dataset,
                          point=point)
