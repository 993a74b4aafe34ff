"""Tes penjelajah neuron (pelajaran 02): ubah kontrol, periksa yang ditampilkan."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from saraf import ops
from saraf.formatting import fixed
from saraf.widgets import neuron_explorer
from saraf.widgets.neuron import TOY_DATASETS, activate, decision_line


def test_repr_is_short_and_indonesian():
    explorer = neuron_explorer()
    assert repr(explorer) == "Penjelajah neuron (jalankan sel di JupyterLab untuk memakainya)"
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == repr(explorer)


def test_default_is_an_and_gate():
    explorer = neuron_explorer()
    assert explorer.n_correct == 4
    assert explorer.predictions == [0, 0, 0, 1]
    assert explorer.z == pytest.approx(0.5)
    assert explorer.output == 1.0
    assert "= 0,50" in explorer.equation_text
    assert "a = step(z) = step(0,50) = 1,00" in explorer.equation_text
    assert "Benar: 4 dari 4" in explorer.info_html.value


def test_sliders_change_output_equation_and_boundary():
    explorer = neuron_explorer()
    boundary, svg = explorer.boundary, explorer.svg
    explorer.w1_slider.value = 2.0
    explorer.bias_slider.value = -2.5
    # z = 2·1 + 1·1 − 2.5 = 0.5 di titik (1, 1)
    assert explorer.z == pytest.approx(0.5)
    assert "(2,00)·(1,00) + (1,00)·(1,00) + (−2,50)" in explorer.equation_text
    assert explorer.boundary != boundary
    assert explorer.svg != svg
    assert explorer.plot_html.value == explorer.svg
    (a1, a2), (b1, b2) = explorer.boundary
    for x1, x2 in ((a1, a2), (b1, b2)):  # ujung garis memenuhi w1·x1 + w2·x2 + b = 0
        assert 2.0 * x1 + 1.0 * x2 - 2.5 == pytest.approx(0, abs=1e-5)
    explorer.x1_slider.value = 0.0
    explorer.x2_slider.value = 0.0
    assert explorer.z == pytest.approx(-2.5)
    assert explorer.output == 0.0
    assert "= −2,50" in explorer.equation_text


@pytest.mark.parametrize("name, reference", [
    ("sigmoid", lambda z: float(ops.sigmoid(z))),
    ("relu", lambda z: max(z, 0.0)),
    ("tanh", np.tanh),
    ("step", lambda z: float(z >= 0)),
])
def test_activation_dropdown(name, reference):
    explorer = neuron_explorer(w1=0.5, w2=-1.0, bias=0.3, point=(1.0, 0.2))
    explorer.activation_dropdown.value = name
    z = 0.5 * 1.0 - 1.0 * 0.2 + 0.3
    assert explorer.z == pytest.approx(z)
    assert explorer.output == pytest.approx(reference(z))
    assert f"a = {name}(z) = {name}({fixed(z)}) = {fixed(reference(z))}" in explorer.equation_text


def test_or_weights_and_xor_impossible():
    explorer = neuron_explorer(dataset="or", w1=1.0, w2=1.0, bias=-0.5)
    assert explorer.n_correct == 4
    explorer.dataset_dropdown.value = "xor"
    assert explorer.n_correct < 4
    best = 0
    for w1, w2, b in itertools.product(np.arange(-3, 3.01, 0.5), repeat=3):
        explorer.w1_slider.value, explorer.w2_slider.value = float(w1), float(w2)
        explorer.bias_slider.value = float(b)
        best = max(best, explorer.n_correct)
    assert best == 3  # satu neuron paling banyak benar 3 dari 4 titik XOR
    assert "XOR" in explorer.info_html.value


def test_zero_weights_have_no_boundary_line():
    explorer = neuron_explorer(w1=0.0, w2=0.0, bias=1.0)
    assert explorer.boundary is None
    assert 'class="boundary"' not in explorer.svg
    assert explorer.n_correct == 1  # semua titik diprediksi kelas 1


def test_decision_line_helper():
    assert decision_line(1, 1, -1.5) == ((1.5, 0.0), (0.0, 1.5))
    assert decision_line(1, 0, -0.5) == ((0.5, -0.5), (0.5, 1.5))  # garis tegak
    assert decision_line(1, 1, 10) is None  # di luar kotak
    assert activate(np.array([-1.0, 0.0, 2.0]), "step").tolist() == [0.0, 1.0, 1.0]
    assert set(TOY_DATASETS) == {"and", "or", "xor"}


def test_svg_is_deterministic_and_has_points():
    a, b = neuron_explorer(dataset="xor"), neuron_explorer(dataset="xor")
    assert a.svg == b.svg
    # Empat titik contoh XOR (berisi) dan satu cincin titik masukan (tanpa isi, dua lapis).
    assert len(re.findall(r'<circle cx="[^"]+" cy="[^"]+" r="11"', a.svg)) == 4
    ring = re.search(r'<circle class="point" cx="([^"]+)" cy="([^"]+)" r="16" fill="none"', a.svg)
    assert ring, "titik masukan harus digambar sebagai cincin"
    assert (float(ring.group(1)), float(ring.group(2))) == pytest.approx(
        a._to_px(a.x1_slider.value, a.x2_slider.value))


@pytest.mark.parametrize("kwargs, param, error", [
    ({"w1": "1"}, "w1", TypeError),
    ({"w2": True}, "w2", TypeError),
    ({"bias": 5}, "bias", ValueError),
    ({"activation": "softmax"}, "activation", ValueError),
    ({"activation": 3}, "activation", ValueError),
    ({"dataset": "nand"}, "dataset", ValueError),
    ({"point": (3.0, 0.0)}, "point[0]", ValueError),
    ({"point": "ab"}, "point", ValueError),
    ({"point": (1.0,)}, "point", ValueError),
])
def test_bad_inputs_get_indonesian_errors(kwargs, param, error):
    with pytest.raises(error) as excinfo:
        neuron_explorer(**kwargs)
    message = str(excinfo.value)
    assert f"`{param}`" in message
    assert "harus" in message and "diberikan" in message


def test_activate_rejects_unknown_name():
    with pytest.raises(ValueError, match="`activation` harus salah satu"):
        activate(1.0, "gelu")


def test_every_slider_update_redraws_the_plot_and_the_equation():
    # Kecepatannya diukur di benchmarks/bench_widgets.py, bukan di sini (tes tanpa waktu).
    explorer = neuron_explorer()
    plots = set()
    for i in range(6):
        explorer.w1_slider.value = -2.0 + 0.5 * i
        assert f"({fixed(explorer.w1_slider.value)})" in explorer.info_html.value
        assert explorer.plot_html.value == explorer.svg
        plots.add(explorer.svg)
    assert len(plots) == 6


def test_numbers_shown_use_the_decimal_comma():
    explorer = neuron_explorer(w1=0.5, w2=-1.0, bias=0.3)
    table = explorer.info_html.value
    assert "<td" in table and ">−0,70</td>" in table and ">0,80</td>" in table
    assert ">−0,5</text>" in explorer.svg and ">1,5</text>" in explorer.svg   # angka sumbu
    explorer.activation_dropdown.value = "relu"
    assert ">≥ 2</text>" in explorer.svg                                      # legenda ReLU
    assert "." not in explorer.equation_text


def test_field_colors_follow_the_output():
    from saraf.widgets.neuron import field_rgb

    low, middle, high = field_rgb(np.array([0.0, 0.5, 1.0]), 0.0, 1.0).astype(int)
    assert low[2] > low[0] and high[0] > high[2]         # rendah biru, tinggi merah
    assert middle.min() > 240                            # tengah hampir putih
