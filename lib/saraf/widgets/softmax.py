"""Penjelajah softmax (pelajaran 06): dari logit ke probabilitas.

Geser logit setiap kelas dan temperatur, lalu lihat:

* batang probabilitas setiap kelas, dengan kelas prediksi (argmax) disorot;
* skor keyakinan (*confidence*), entropi distribusi, dan cross-entropy untuk kelas
  yang benar;
* hitungan e^… / Σ e^… untuk kelas teratas, langkah demi langkah.

Angkanya dihitung di :mod:`saraf.widgets.softmax_state` (tanpa widget); batangnya digambar
oleh :func:`saraf.widgets.probabilities.probability_bars_svg`, diagram skor keyakinan yang
sama dengan yang dipakai papan gambar (pelajaran 15).
"""

from __future__ import annotations

import math

import ipywidgets as widgets

from saraf.formatting import fixed
from saraf.widgets import svg
from saraf.widgets.controls import Form, watch
from saraf.widgets.probabilities import probability_bars_svg
from saraf.widgets.softmax_state import check_class_setup, softmax_state

__all__ = ["softmax_explorer", "SoftmaxExplorer"]


def summary_html(state) -> str:
    """Prediksi, skor keyakinan, entropi, cross-entropy, dan hitungan langkah demi langkah."""
    names, k, true_class = state.class_names, state.predicted_class, state.true_class
    true_name = svg.escape(names[true_class])
    verdict = ("benar" if k == true_class else
               f"<span style='color:#c62828'>salah (yang benar: {true_name})</span>")
    n = len(names)
    return (
        '<div style="font-size:13px;line-height:1.5">'
        f"Prediksi (argmax): <b>{svg.escape(names[k])}</b>, {verdict} · "
        f"skor keyakinan: <b>{fixed(state.confidence, 3)}</b> · "
        f"jumlah probabilitas: {fixed(state.probabilities.sum(), 3)}<br>"
        f"Entropi: {fixed(state.entropy, 3)} nat (0 = sangat yakin, paling besar "
        f"ln {n} = {fixed(math.log(n), 3)} = semua kelas sama) · "
        f"cross-entropy untuk kelas yang benar: −ln p({true_name}) = "
        f"<b>{fixed(state.cross_entropy, 3)}</b>"
        f'<pre style="margin:6px 0;font-size:12.5px;white-space:pre-wrap">'
        f"{svg.escape(state.arithmetic_text)}</pre></div>")


class SoftmaxExplorer(widgets.VBox):
    """Penjelajah softmax. Buat dengan :func:`softmax_explorer`.

    Atribut untuk tes dan untuk yang penasaran: ``logit_sliders``, ``temperature_slider``,
    ``true_class_dropdown`` (kontrol); ``state``
    (:class:`~saraf.widgets.softmax_state.SoftmaxState`), ``logits``, ``probabilities``,
    ``predicted_class``, ``confidence``, ``entropy``, ``cross_entropy``, ``arithmetic_text``,
    ``bars_svg`` (nilai yang sedang ditampilkan).
    """

    def __init__(self, logits=None, class_names=None, true_class=None, temperature=1.0):
        initial, self.class_names, true_class, temperature = check_class_setup(
            logits, class_names, true_class, temperature)
        low = min(-10.0, math.floor(initial.min()) - 5.0)
        high = max(10.0, math.ceil(initial.max()) + 5.0)
        form = Form(label_width="120px", width="340px")
        self.logit_sliders = [form.float_slider(f"logit {name}", float(v), low, high)
                              for v, name in zip(initial, self.class_names)]
        self.temperature_slider = widgets.FloatLogSlider(
            value=temperature, base=10, min=-1, max=1, step=0.01, readout_format=".2f",
            description="temperatur T", style=form.slider_style, layout=form.layout)
        self.true_class_dropdown = form.dropdown(
            "kelas yang benar", [(name, i) for i, name in enumerate(self.class_names)],
            true_class)
        self.bars_html = widgets.HTML()
        self.summary_html = widgets.HTML()
        controls = widgets.VBox([widgets.HTML("<b>Logit</b> (skor mentah sebelum softmax)"),
                                 *self.logit_sliders, self.temperature_slider,
                                 self.true_class_dropdown])
        super().__init__([widgets.HBox([controls, self.bars_html]), self.summary_html])
        watch([*self.logit_sliders, self.temperature_slider, self.true_class_dropdown],
              self._update)
        self._update()

    def __repr__(self) -> str:
        return "Penjelajah softmax (jalankan sel di JupyterLab untuk memakainya)"

    def _update(self, change=None) -> None:
        state = self.state = softmax_state(
            [s.value for s in self.logit_sliders], self.temperature_slider.value,
            self.class_names, self.true_class_dropdown.value)
        self.logits, self.temperature = state.logits, state.temperature
        self.probabilities, self.predicted_class = state.probabilities, state.predicted_class
        self.confidence, self.entropy = state.confidence, state.entropy
        self.cross_entropy, self.arithmetic_text = state.cross_entropy, state.arithmetic_text
        self.bars_svg = probability_bars_svg(
            state.probabilities, self.class_names, true_class=state.true_class,
            title=f"Probabilitas softmax (T = {fixed(state.temperature)})")
        self.bars_html.value = self.bars_svg
        self.summary_html.value = summary_html(state)


def softmax_explorer(logits=None, class_names=None, true_class=None,
                     temperature=1.0) -> SoftmaxExplorer:
    """Penjelajah softmax (pelajaran 06).

    Parameter
    ---------
    logits : 2 sampai 12 bilangan, satu per kelas (bawaan: 5 kelas).
    class_names : nama kelas, sama banyak dengan logit (bawaan: "0", "1", …).
    true_class : indeks kelas yang benar untuk cross-entropy (bawaan: argmax logit awal).
    temperature : temperatur awal T, di antara 0,1 dan 10.

    Probabilitas = softmax(logit / T); batang oranye adalah kelas prediksi (argmax).
    """
    return SoftmaxExplorer(logits=logits, class_names=class_names, true_class=true_class,
                           temperature=temperature)
