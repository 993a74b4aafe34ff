"""Penjelajah softmax (pelajaran 06): dari logit ke probabilitas.

Geser logit setiap kelas dan temperatur, lalu lihat:

* batang probabilitas setiap kelas, dengan kelas prediksi (argmax) disorot;
* skor keyakinan (*confidence*), entropi distribusi, dan cross-entropy untuk kelas
  yang benar;
* hitungan e^… / Σ e^… untuk kelas teratas, langkah demi langkah.

Probabilitas dihitung dengan :func:`saraf.ops.softmax`, yang mengurangkan logit terbesar
lebih dulu sehingga logit raksasa (misalnya 1000) tidak menghasilkan NaN.
Gambar batang dibuat sebagai SVG di Python: cepat dan hasilnya selalu sama.
"""

from __future__ import annotations

import html
import math
import numbers

import ipywidgets as widgets
import numpy as np

from saraf.ops import softmax

__all__ = ["softmax_explorer", "SoftmaxExplorer"]

DEFAULT_LOGITS = (2.0, 1.0, 0.5, -1.0, 0.0)
_T_RANGE = (0.1, 10.0)
_MAX_CLASSES = 12
_BAR_WIDTH = 260      # lebar batang untuk probabilitas 1 (piksel)
_ROW = 26             # tinggi satu baris batang
_LABEL = 90           # lebar kolom nama kelas
_COLOR, _ARGMAX_COLOR, _TRUE_COLOR = "#8fb8dc", "#e6550d", "#2e7d32"
_SAFE_EXPONENT = 20   # di atas ini, hitungan ditampilkan dalam bentuk stabil (dikurangi maks)


def _fmt(value: float) -> str:
    text = f"{value:.2f}"
    return "0.00" if text == "-0.00" else text


def _as_logits(logits) -> np.ndarray:
    if logits is None:
        return np.array(DEFAULT_LOGITS)
    try:
        array = np.asarray(logits, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`logits` harus deretan bilangan, misalnya [2.0, 1.0, 0.1], tetapi "
                        f"yang diberikan: {logits!r}.") from None
    if array.ndim != 1 or not 2 <= array.size <= _MAX_CLASSES:
        raise ValueError(f"`logits` harus berisi 2 sampai {_MAX_CLASSES} bilangan dalam satu "
                         f"baris (bentuk (K,)), tetapi yang diberikan berbentuk {array.shape}.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"`logits` harus berisi bilangan berhingga (tanpa NaN atau inf), "
                         f"tetapi yang diberikan: {logits!r}.")
    return array


def _as_names(class_names, n: int) -> list[str]:
    if class_names is None:
        return [str(i) for i in range(n)]
    if isinstance(class_names, str) or not hasattr(class_names, "__len__"):
        raise TypeError(f"`class_names` harus list berisi {n} nama kelas, tetapi yang "
                        f"diberikan: {class_names!r}.")
    if len(class_names) != n:
        raise ValueError(f"`class_names` harus berisi {n} nama (satu per logit), tetapi yang "
                         f"diberikan berisi {len(class_names)}.")
    return [str(name) for name in class_names]


class SoftmaxExplorer(widgets.VBox):
    """Penjelajah softmax. Buat dengan :func:`softmax_explorer`.

    Atribut untuk tes dan untuk yang penasaran: ``logit_sliders``, ``temperature_slider``,
    ``true_class_dropdown`` (kontrol); ``logits``, ``probabilities``, ``predicted_class``,
    ``confidence``, ``entropy``, ``cross_entropy``, ``arithmetic_text``, ``bars_svg``
    (nilai yang sedang ditampilkan).
    """

    def __init__(self, logits=None, class_names=None, true_class=None, temperature=1.0):
        if logits is None and class_names is not None:
            n = len(class_names) if hasattr(class_names, "__len__") else 0
            if 2 <= n <= _MAX_CLASSES and not isinstance(class_names, str):
                logits = np.round(np.linspace(2.0, -1.0, n), 1)
        initial = _as_logits(logits)
        self.class_names = _as_names(class_names, initial.size)
        if isinstance(temperature, (bool, np.bool_)) or not isinstance(temperature,
                                                                         numbers.Real):
            raise TypeError(f"`temperature` harus bilangan, tetapi yang diberikan: "
                            f"{temperature!r}.")
        if not _T_RANGE[0] <= temperature <= _T_RANGE[1]:
            raise ValueError(f"`temperature` harus di antara {_T_RANGE[0]:g} dan "
                             f"{_T_RANGE[1]:g}, tetapi yang diberikan: {temperature!r}.")
        if true_class is None:
            true_class = int(np.argmax(initial))
        if (isinstance(true_class, (bool, np.bool_))
                or not isinstance(true_class, numbers.Integral)
                or not 0 <= true_class < initial.size):
            raise ValueError(f"`true_class` harus indeks kelas 0 sampai {initial.size - 1}, "
                             f"tetapi yang diberikan: {true_class!r}.")

        low = min(-10.0, math.floor(initial.min()) - 5.0)
        high = max(10.0, math.ceil(initial.max()) + 5.0)
        style = {"description_width": "120px"}
        layout = widgets.Layout(width="340px")
        self.logit_sliders = [
            widgets.FloatSlider(value=float(v), min=low, max=high, step=0.1,
                                readout_format=".2f", description=f"logit {name}",
                                style=style, layout=layout)
            for v, name in zip(initial, self.class_names)
        ]
        self.temperature_slider = widgets.FloatLogSlider(
            value=float(temperature), base=10, min=-1, max=1, step=0.01, readout_format=".2f",
            description="temperatur T", style=style, layout=layout)
        self.true_class_dropdown = widgets.Dropdown(
            options=[(name, i) for i, name in enumerate(self.class_names)],
            value=int(true_class), description="kelas yang benar", style=style,
            layout=widgets.Layout(width="340px"))
        self.bars_html = widgets.HTML()
        self.summary_html = widgets.HTML()
        controls = widgets.VBox([widgets.HTML("<b>Logit</b> (skor mentah sebelum softmax)"),
                                 *self.logit_sliders, self.temperature_slider,
                                 self.true_class_dropdown])
        super().__init__([widgets.HBox([controls, self.bars_html]), self.summary_html])
        for control in (*self.logit_sliders, self.temperature_slider, self.true_class_dropdown):
            control.observe(self._update, names="value")
        self._update()

    def __repr__(self) -> str:
        return "Penjelajah softmax (jalankan sel di JupyterLab untuk memakainya)"

    # -- perhitungan -----------------------------------------------------------------------
    def _update(self, change=None) -> None:
        self.logits = np.array([s.value for s in self.logit_sliders], dtype=float)
        temperature = float(self.temperature_slider.value)
        self.temperature = temperature
        self.probabilities = softmax(self.logits, temperature=temperature)
        self.predicted_class = int(np.argmax(self.probabilities))
        self.confidence = float(self.probabilities[self.predicted_class])
        p = self.probabilities
        log_p = np.log(p, out=np.zeros_like(p), where=p > 0)
        self.entropy = float(-(p * log_p).sum()) + 0.0
        # −log p(benar) dari logit langsung (log-softmax stabil), tanpa log(0).
        scaled = self.logits / temperature
        shifted = scaled - scaled.max()
        log_sum = float(np.log(np.exp(shifted).sum()))
        true_class = self.true_class_dropdown.value
        self.cross_entropy = float(log_sum - shifted[true_class]) + 0.0
        self.arithmetic_text = self._arithmetic(scaled, temperature)
        self.bars_svg = self._bars_svg()
        self.bars_html.value = self.bars_svg
        self.summary_html.value = self._summary_html()

    def _arithmetic(self, scaled, temperature) -> str:
        k = self.predicted_class
        name = self.class_names[k]
        t = _fmt(temperature)
        if scaled.max() <= _SAFE_EXPONENT:
            exps = np.exp(scaled)
            head = f"p({name}) = e^(z_{name}/T) / Σ e^(z_j/T)\n"
            if len(self.logits) <= 5:  # untuk sedikit kelas, tulis juga setiap sukunya
                terms = " + ".join(f"e^({_fmt(z)}/{t})" for z in self.logits)
                head += f"        = e^({_fmt(self.logits[k])}/{t}) / ({terms})\n"
        else:
            exps = np.exp(scaled - scaled.max())
            head = (f"Logit/T terbesar = {_fmt(scaled.max())}: e^(…) akan meluap, jadi setiap "
                    f"logit/T dikurangi {_fmt(scaled.max())} dulu (hasilnya sama).\n"
                    f"p({name}) = e^((z_{name} − maks)/T) / Σ e^((z_j − maks)/T)\n")
        total = float(exps.sum())
        values = " + ".join(f"{v:.4g}" for v in exps)
        return (head
                + f"        = {exps[k]:.4g} / ({values})\n"
                + f"        = {exps[k]:.4g} / {total:.4g} = {self.confidence:.3f}")

    # -- tampilan ----------------------------------------------------------------------------
    def _bars_svg(self) -> str:
        n = len(self.class_names)
        true_class = self.true_class_dropdown.value
        width = _LABEL + _BAR_WIDTH + 70
        height = 46 + n * _ROW + 8
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                 f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
                 f'<text x="{_LABEL}" y="18" font-weight="bold">Probabilitas softmax '
                 f'(T = {_fmt(self.temperature)})</text>',
                 f'<text x="{_LABEL}" y="36" font-size="11.5" fill="#555">oranye: prediksi '
                 f'(argmax) · ✔: kelas yang benar</text>']
        for i, (name, p) in enumerate(zip(self.class_names, self.probabilities)):
            y = 46 + i * _ROW
            top = i == self.predicted_class
            css = "bar argmax" if top else "bar"
            color = _ARGMAX_COLOR if top else _COLOR
            weight = ' font-weight="bold"' if top else ""
            label = html.escape(name) + (" ✔" if i == true_class else "")
            label_color = _TRUE_COLOR if i == true_class else "black"
            parts.append(f'<text x="{_LABEL - 8}" y="{y + 17}" text-anchor="end" '
                         f'fill="{label_color}"{weight}>{label}</text>')
            parts.append(f'<rect x="{_LABEL}" y="{y + 3}" width="{_BAR_WIDTH}" '
                         f'height="{_ROW - 6}" fill="#f0f0f0"/>')
            parts.append(f'<rect class="{css}" data-class="{i}" x="{_LABEL}" y="{y + 3}" '
                         f'width="{p * _BAR_WIDTH:.1f}" height="{_ROW - 6}" fill="{color}"/>')
            parts.append(f'<text class="prob" x="{_LABEL + _BAR_WIDTH + 6}" y="{y + 17}"'
                         f'{weight}>{p:.1%}</text>')
        parts.append("</svg>")
        return "".join(parts)

    def _summary_html(self) -> str:
        k = self.predicted_class
        true_class = self.true_class_dropdown.value
        n = len(self.class_names)
        true_name = html.escape(self.class_names[true_class])
        verdict = ("benar" if k == true_class else
                   f"<span style='color:#c62828'>salah (yang benar: {true_name})</span>")
        return (
            '<div style="font-size:13px;line-height:1.5">'
            f"Prediksi (argmax): <b>{html.escape(self.class_names[k])}</b>, {verdict} · "
            f"skor keyakinan: <b>{self.confidence:.3f}</b> · "
            f"jumlah probabilitas: {self.probabilities.sum():.3f}<br>"
            f"Entropi: {self.entropy:.3f} nat (0 = sangat yakin, paling besar "
            f"ln {n} = {math.log(n):.3f} = semua kelas sama) · "
            f"cross-entropy untuk kelas yang benar: −ln p({true_name}) = "
            f"<b>{self.cross_entropy:.3f}</b>"
            f'<pre style="margin:6px 0;font-size:12.5px;white-space:pre-wrap">'
            f"{html.escape(self.arithmetic_text)}</pre></div>"
        )


def softmax_explorer(logits=None, class_names=None, true_class=None,
                     temperature=1.0) -> SoftmaxExplorer:
    """Penjelajah softmax (pelajaran 06).

    Parameter
    ---------
    logits : 2 sampai 12 bilangan, satu per kelas (bawaan: 5 kelas).
    class_names : nama kelas, sama banyak dengan logit (bawaan: "0", "1", …).
    true_class : indeks kelas yang benar untuk cross-entropy (bawaan: argmax logit awal).
    temperature : temperatur awal T, di antara 0.1 dan 10.

    Probabilitas = softmax(logit / T); batang oranye adalah kelas prediksi (argmax).
    """
    return SoftmaxExplorer(logits=logits, class_names=class_names, true_class=true_class,
                           temperature=temperature)
