"""Tes penjelajah penurunan gradien (pelajaran 07): ubah kontrol, periksa yang ditampilkan.

Jalur yang tampil dibandingkan dengan perulangan yang ditulis dengan tangan (rumus pelajaran),
bukan dengan kode penjelajah itu sendiri.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pytest

from saraf.widgets import gradient_descent_explorer
from saraf.widgets.gradient_descent_state import METHODS, STARTS, SURFACES


def polyline(svg_text: str, cls: str) -> np.ndarray:
    """Titik-titik ``<polyline class=cls>`` sebagai array (k, 2) koordinat SVG."""
    points = re.search(rf'<polyline class="{cls}" points="([^"]*)"', svg_text)[1]
    return np.array([[float(v) for v in pair.split(",")] for pair in points.split()])


def shown_texts(explorer) -> list[str]:
    """Semua teks yang dibaca pembelajar di gambar dan kotak diagnosis."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", explorer.contour_svg + explorer.chart_svg)
    plain = re.sub(r"<[^>]+>", "", explorer.diagnosis_html.value)
    return [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in texts] + [html.unescape(plain)]


def hand_momentum(surface, start, eta, mu, steps):
    """Acuan pelajaran: v ← μ·v − η·∇C(w); w ← w + v."""
    w, v, path = np.array(start, float), np.zeros(2), [np.array(start, float)]
    for _ in range(steps):
        v = mu * v - eta * surface.grad(w)
        w = w + v
        path.append(w)
    return np.array(path)


def test_repr_is_short_and_indonesian():
    explorer = gradient_descent_explorer()
    assert repr(explorer) == ("Penjelajah penurunan gradien (jalankan sel di JupyterLab "
                              "untuk memakainya)")
    assert explorer._repr_mimebundle_()["text/plain"] == repr(explorer)


def test_path_has_one_point_per_step_and_starts_at_the_chosen_start():
    explorer = gradient_descent_explorer()
    surface = SURFACES["lembah"]
    for steps in (50, 7, 120):
        explorer.steps_slider.value = steps
        points = polyline(explorer.contour_svg, "path")
        assert len(points) == steps + 1 == len(polyline(explorer.chart_svg, "cost"))
    np.testing.assert_allclose(explorer.result.path, hand_momentum(surface, surface.start, 0.1,
                                                                   0.0, 120), atol=1e-12)
    # Titik awal (kotak) ada di tempat titik pertama jalur; gambar berskala sama di w₁ dan w₂.
    (x0, y0), (x1, y1) = points[0], points[1]
    step = explorer.result.path[1] - explorer.result.path[0]
    assert (x1 - x0) / step[0] == pytest.approx(-(y1 - y0) / step[1], rel=1e-2)
    box = re.search(r'<rect class="start" x="([\d.]+)" y="([\d.]+)"', explorer.contour_svg)
    assert (float(box[1]) + 5, float(box[2]) + 5) == pytest.approx((x0, y0), abs=0.11)
    explorer.start_dropdown.value = 2
    np.testing.assert_array_equal(explorer.result.path[0], STARTS["lembah"][2])
    assert explorer.start_dropdown.label == "(3; −1,8)"


def test_large_learning_rate_on_the_valley_diverges_and_says_so():
    explorer = gradient_descent_explorer()
    explorer.eta_slider.value = 0.25              # > 2/10: arah w₂ meledak
    points = polyline(explorer.contour_svg, "path")
    assert len(points) < explorer.steps_slider.value + 1
    assert len(points) == len(explorer.result.path)
    text = explorer.diagnosis_html.value
    assert "<b>divergen</b>" in text and "Kecilkan laju pembelajaran" in text
    assert "η = 0,25" in text and "#c92a2a" in text     # kotak merah (galat)
    assert np.all(np.abs(points) < 5000)              # titik terakhir ditarik mendekat


def test_zig_zag_on_the_valley_is_named():
    explorer = gradient_descent_explorer()
    explorer.eta_slider.value = 0.195             # antara 1/10 dan 2/10
    text = explorer.diagnosis_html.value
    assert "<b>berosilasi (zig-zag)</b>" in text and "arah gradien berbalik 50 kali" in text
    w2 = explorer.result.path[:, 1]
    assert np.all(w2[1:] * w2[:-1] < 0)           # melompat ke seberang lembah setiap langkah
    explorer.eta_slider.value = 0.05
    assert "zig-zag" not in explorer.diagnosis_html.value


@pytest.mark.parametrize(("method", "labels"), [
    ("SGD", []), ("momentum", ["momentum μ"]), ("RMSprop", ["peluruhan ρ"]),
    ("Adam", ["β₁", "β₂"])])
def test_only_the_chosen_optimizers_sliders_are_shown(method, labels):
    explorer = gradient_descent_explorer(method="Adam" if method == "SGD" else "SGD")
    explorer.method_dropdown.value = method
    assert [s.description for s in explorer.hyper_box.children] == labels
    for name in METHODS[method][2]:
        assert explorer.hyper_sliders[name] in explorer.hyper_box.children


def test_plain_sgd_ignores_momentum_and_momentum_matches_the_lesson_formula():
    explorer = gradient_descent_explorer(surface="lembah_melengkung", learning_rate=0.01)
    surface = SURFACES["lembah_melengkung"]
    explorer.hyper_sliders["momentum"].value = 0.8        # tersembunyi: tidak berpengaruh
    np.testing.assert_allclose(explorer.result.path,
                               hand_momentum(surface, surface.start, 0.01, 0.0, 50), atol=1e-12)
    explorer.method_dropdown.value = "momentum"
    np.testing.assert_allclose(explorer.result.path,
                               hand_momentum(surface, surface.start, 0.01, 0.8, 50), atol=1e-12)
    assert "SGD dengan momentum, η = 0,01, μ = 0,8 →" in explorer.diagnosis_html.value


def test_adam_leaves_the_saddle_where_sgd_stays():
    explorer = gradient_descent_explorer(surface="pelana")
    saddle_cost = SURFACES["pelana"].cost((0, 0))
    assert abs(explorer.result.path[-1, 1]) < 0.3 and explorer.result.costs[-1] > 0.9 * saddle_cost
    assert "tertahan di dekat titik pelana" in explorer.diagnosis_html.value
    assert '<text class="saddle"' in explorer.contour_svg
    explorer.method_dropdown.value = "Adam"
    assert abs(explorer.result.path[-1, 1]) > 0.8          # di salah satu lembah (0, ±1)
    assert explorer.result.costs[-1] < 0.1 * saddle_cost
    assert "titik pelana" not in explorer.diagnosis_html.value
    # Tepat di punggung pelana (w₂ = 0) gradien w₂ nol: Adam pun tidak bisa keluar.
    explorer.start_dropdown.value = 1
    assert np.all(explorer.result.path[:, 1] == 0)


def test_surface_change_resets_the_start_and_redraws():
    explorer = gradient_descent_explorer()
    explorer.start_dropdown.value = 1
    explorer.surface_dropdown.value = "mangkuk"
    assert explorer.start_dropdown.value == 0
    assert [label for label, _ in explorer.start_dropdown.options] == [
        "(−2,5; 2)", "(2,5; 2,5)", "(0,5; −2,5)"]
    np.testing.assert_array_equal(explorer.result.path[0], (-2.5, 2.0))
    assert "Mangkuk bundar" in explorer.contour_svg
    assert "C = (w₁² + w₂²) / 2" in explorer.contour_svg
    assert '<text class="saddle"' not in explorer.contour_svg
    assert explorer.contour_svg.count('class="minimum"') == 1


def test_cost_chart_is_log_scaled_only_when_cost_spans_decades():
    explorer = gradient_descent_explorer()
    assert "biaya C (skala log)" in explorer.chart_svg         # 17,4 → 0,000163
    labels = re.findall(r'text-anchor="end" fill="[^"]+">([^<]+)</text>', explorer.chart_svg)
    assert labels == ["10²", "1", "10⁻²", "10⁻⁴"]             # dekade, dari atas ke bawah
    ys = polyline(explorer.chart_svg, "cost")[:, 1]
    assert np.all(np.diff(ys) > 0)                             # biaya turun: garis turun
    explorer.eta_slider.value = 0.25                           # 17,4 → 290: satu dekade
    assert "biaya C (skala log)" not in explorer.chart_svg and ">biaya C<" in explorer.chart_svg


def test_numbers_shown_use_decimal_commas():
    explorer = gradient_descent_explorer(surface="pelana", method="Adam", learning_rate=0.05)
    explorer.steps_slider.value = 80
    texts = shown_texts(explorer)
    joined = " | ".join(texts)
    assert not re.search(r"\d\.\d", joined), joined
    assert "η = 0,05, β₁ = 0,9, β₂ = 0,999" in joined
    assert "Biaya turun dari 3,37 ke" in joined or "Biaya baru turun dari 3,37 ke" in joined
    assert re.search(r"biaya di langkah ke-80: [\d,·^−]+ \|", joined)
    assert "−1" in texts and "0,5" not in texts   # angka sumbu bulat, minus asli


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"surface": "gunung"}, "`surface` harus salah satu dari 'mangkuk'"),
    ({"method": "adam"}, "`method` harus salah satu dari 'SGD'"),
    ({"learning_rate": 0}, "`learning_rate` harus"),
    ({"steps": 301}, "`steps` harus bilangan bulat dari 1 sampai 300"),
])
def test_bad_arguments_give_indonesian_errors(kwargs, words):
    with pytest.raises(ValueError) as info:
        gradient_descent_explorer(**kwargs)
    assert words in str(info.value) and "tetapi yang diberikan" in str(info.value)
