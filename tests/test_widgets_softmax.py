"""Tes penjelajah softmax (pelajaran 06): ubah kontrol, periksa yang ditampilkan."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from saraf import ops
from saraf.formatting import fixed
from saraf.widgets import softmax_explorer


def shown_percentages(explorer):
    """Persen di samping setiap batang, seperti yang dibaca pembelajar (koma desimal)."""
    return [float(t.replace(",", ".")) for t in
            re.findall(r'class="prob"[^>]*>([\d,]+)%</text>', explorer.bars_svg)]


def highlighted(explorer):
    return [int(i) for i in re.findall(r'class="bar argmax" data-class="(\d+)"',
                                       explorer.bars_svg)]


def test_repr_is_short_and_indonesian():
    explorer = softmax_explorer()
    assert repr(explorer) == "Penjelajah softmax (jalankan sel di JupyterLab untuk memakainya)"
    assert explorer._repr_mimebundle_()["text/plain"] == repr(explorer)


def test_default_probabilities_match_ops_softmax():
    explorer = softmax_explorer()
    assert len(explorer.logit_sliders) == 5
    np.testing.assert_allclose(explorer.probabilities, ops.softmax(explorer.logits))
    assert explorer.probabilities.sum() == pytest.approx(1.0)
    assert shown_percentages(explorer) == [round(100 * p, 1) for p in explorer.probabilities]
    assert highlighted(explorer) == [0] == [explorer.predicted_class]
    assert explorer.confidence == pytest.approx(explorer.probabilities.max())
    assert explorer.bars_html.value == explorer.bars_svg
    assert f"skor keyakinan: <b>{fixed(explorer.confidence, 3)}</b>" in explorer.summary_html.value


def test_temperature_changes_confidence_not_prediction():
    explorer = softmax_explorer()
    before = explorer.confidence
    for temperature in (0.5, 2.0, 10.0):
        explorer.temperature_slider.value = temperature
        expected = ops.softmax(explorer.logits, temperature=temperature)
        np.testing.assert_allclose(explorer.probabilities, expected)
        assert sum(shown_percentages(explorer)) == pytest.approx(100, abs=0.3)
        assert explorer.predicted_class == 0
        assert f"(T = {fixed(temperature)})" in explorer.bars_svg
    assert explorer.confidence < before  # T = 10: hampir rata
    explorer.temperature_slider.value = 0.1
    assert explorer.confidence > 0.99


def test_argmax_highlight_moves_with_logits():
    explorer = softmax_explorer()
    explorer.logit_sliders[3].value = 5.0
    assert explorer.predicted_class == 3
    assert highlighted(explorer) == [3]
    assert "Prediksi (argmax): <b>3</b>" in explorer.summary_html.value
    assert explorer.arithmetic_text.startswith("p(3) = ")
    np.testing.assert_allclose(explorer.probabilities, ops.softmax(explorer.logits))


def test_huge_logits_give_no_nan():
    explorer = softmax_explorer([1000.0, 1001.0, 999.0])
    assert np.all(np.isfinite(explorer.probabilities))
    np.testing.assert_allclose(explorer.probabilities, ops.softmax([0.0, 1.0, -1.0]))
    assert "dikurangi" in explorer.arithmetic_text
    assert not re.search(r"\bnan\b", explorer.bars_svg + explorer.summary_html.value, re.I)
    explorer.logit_sliders[0].value = explorer.logit_sliders[0].max
    explorer.temperature_slider.value = 0.1
    assert np.all(np.isfinite(explorer.probabilities))
    assert math.isfinite(explorer.cross_entropy) and math.isfinite(explorer.entropy)


def test_entropy_and_cross_entropy():
    explorer = softmax_explorer([0.0, 0.0, 0.0, 0.0], true_class=2)
    assert explorer.entropy == pytest.approx(math.log(4))
    assert explorer.cross_entropy == pytest.approx(math.log(4))
    explorer.logit_sliders[2].value = 3.0
    p = explorer.probabilities
    assert explorer.cross_entropy == pytest.approx(ops.cross_entropy(p[None], [2]))
    assert explorer.entropy == pytest.approx(-(p * np.log(p)).sum())
    explorer.true_class_dropdown.value = 0  # jawaban yakin tetapi salah: kerugian besar
    assert explorer.cross_entropy == pytest.approx(-math.log(p[0]))
    assert "salah" in explorer.summary_html.value


def test_cross_entropy_without_log_of_zero():
    explorer = softmax_explorer([50.0, -50.0], true_class=1, temperature=0.1)
    assert explorer.probabilities[1] == 0.0  # di bawah batas float64
    assert explorer.cross_entropy == pytest.approx(1000.0)


def test_class_names_and_arithmetic():
    names = ["kaus", "celana", "sepatu"]
    explorer = softmax_explorer([1.0, 2.0, 0.0], class_names=names)
    assert [s.description for s in explorer.logit_sliders] == [f"logit {n}" for n in names]
    assert "sepatu" in explorer.bars_svg
    assert explorer.true_class_dropdown.value == 1
    text = explorer.arithmetic_text
    assert text.startswith("p(celana) = e^(z_celana/T) / Σ e^(z_j/T)")
    assert "e^(2,00/1,00)" in text
    assert text.endswith(f"= {fixed(explorer.confidence, 3)}")
    ten = softmax_explorer(class_names=[str(i) for i in range(10)])
    assert len(ten.logit_sliders) == 10 and ten.predicted_class == 0


@pytest.mark.parametrize("kwargs, param, error", [
    ({"logits": "abc"}, "logits", TypeError),
    ({"logits": [1.0]}, "logits", ValueError),
    ({"logits": [[1.0, 2.0]]}, "logits", ValueError),
    ({"logits": [1.0, float("nan")]}, "logits", ValueError),
    ({"logits": [1.0, 2.0], "class_names": ["a"]}, "class_names", ValueError),
    ({"logits": [1.0, 2.0], "class_names": "ab"}, "class_names", TypeError),
    ({"temperature": 0}, "temperature", ValueError),
    ({"temperature": "1"}, "temperature", TypeError),
    ({"true_class": 7}, "true_class", ValueError),
    ({"true_class": 1.5}, "true_class", ValueError),
])
def test_bad_inputs_get_indonesian_errors(kwargs, param, error):
    with pytest.raises(error) as excinfo:
        softmax_explorer(**kwargs)
    message = str(excinfo.value)
    assert f"`{param}`" in message
    assert "harus" in message and "diberikan" in message


def test_every_logit_update_redraws_the_bars():
    # Kecepatannya diukur di benchmarks/bench_widgets.py, bukan di sini (tes tanpa waktu).
    explorer = softmax_explorer(class_names=[str(i) for i in range(10)])
    bars = set()
    for i in range(10):
        explorer.logit_sliders[i].value = 2.0 + 0.1 * i
        assert explorer.bars_html.value == explorer.bars_svg
        bars.add(explorer.bars_svg)
    assert len(bars) == 10


def test_bars_are_the_shared_probability_chart():
    from saraf.widgets.probabilities import probability_bars_svg

    explorer = softmax_explorer([1.0, 3.0, 0.5], class_names=["a", "b", "c"], true_class=0)
    explorer.temperature_slider.value = 2.0
    assert explorer.bars_svg == probability_bars_svg(
        explorer.probabilities, ["a", "b", "c"], true_class=0,
        title="Probabilitas softmax (T = 2,00)")
    assert "a ✔" in explorer.bars_svg


def test_summary_uses_the_decimal_comma():
    explorer = softmax_explorer([0.0, 0.0, 0.0, 0.0])
    summary = explorer.summary_html.value
    assert "ln 4 = 1,386" in summary and "jumlah probabilitas: 1,000" in summary
    assert "Entropi: 1,386 nat" in summary
