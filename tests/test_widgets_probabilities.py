"""Tes `saraf.widgets.probabilities`: isi diagram batang skor keyakinan (probability_bars) dan
gambar SVG-nya (probability_bars_svg), dibandingkan dengan hitungan NumPy langsung."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from saraf.widgets.probabilities import (BAR_COLOR, BEST_COLOR, TRUE_COLOR, Bar,
                                         probability_bars, probability_bars_svg)

P = np.array([0.01, 0.5, 0.02, 0.3, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01])
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    """SVG harus XML yang sah (nama kelas di-escape)."""
    return ET.fromstring(svg)


def bars_of(svg: str) -> list[ET.Element]:
    return [r for r in parse(svg).iter(f"{SVG}rect") if "bar" in r.get("class", "").split()]


def texts_of(svg: str, css: str | None = None) -> list[str]:
    return ["".join(t.itertext()) for t in parse(svg).iter(f"{SVG}text")
            if css is None or t.get("class") == css]


# ---------------------------------------------------------------------------
# Isi diagram
# ---------------------------------------------------------------------------


def test_bars_in_class_order_with_decimal_comma():
    bars = probability_bars(P)
    assert [b.index for b in bars] == list(range(10))
    assert [b.name for b in bars] == [str(i) for i in range(10)]
    np.testing.assert_allclose([b.probability for b in bars], P)
    assert [b.text for b in bars][:4] == ["1,0%", "50,0%", "2,0%", "30,0%"]
    assert [b.best for b in bars] == [i == 1 for i in range(10)]
    assert not any(b.true for b in bars)
    assert isinstance(bars[0], Bar)


def test_top_k_sorted_from_the_largest():
    bars = probability_bars(P, top_k=5)
    assert [b.index for b in bars] == list(np.argsort(-P, kind="stable")[:5]) == [1, 3, 4, 5, 6]
    assert bars[0].best and not any(b.best for b in bars[1:])
    assert len(probability_bars(P, top_k=10)) == 10


def test_true_class_and_names():
    names = ["kucing", "anjing", "burung"]
    bars = probability_bars([[0.2, 0.3, 0.5]], names, true_class=1)  # (1, K) diterima
    assert [(b.name, b.best, b.true) for b in bars] == [
        ("kucing", False, False), ("anjing", False, True), ("burung", True, False)]


def test_float32_rounding_above_one_is_accepted():
    p = np.array([1.0000001, 0.0], dtype=np.float32)
    assert probability_bars(p)[0].probability == 1.0


@pytest.mark.parametrize("kwargs, kind, words", [
    ({"probabilities": np.ones((2, 5)) / 5}, ValueError, ["vektor (K,)", "p[i]"]),
    ({"probabilities": [1.0]}, ValueError, ["minimal 2 kelas"]),
    ({"probabilities": [3.0, -1.0]}, ValueError, ["0 sampai 1", "softmax"]),
    ({"probabilities": [0.5, np.nan]}, ValueError, ["NaN"]),
    ({"probabilities": ["a", "b"]}, TypeError, ["bilangan real"]),
    ({"class_names": ["a", "b"]}, ValueError, ["`class_names`", "10 nama kelas"]),
    ({"class_names": "abcdefghij"}, TypeError, ["`class_names`"]),
    ({"true_class": 10}, ValueError, ["`true_class`", "0 sampai 9"]),
    ({"true_class": 1.5}, ValueError, ["`true_class`"]),
    ({"top_k": 0}, ValueError, ["`top_k`", "1 sampai 10"]),
])
def test_bad_input_gives_indonesian_errors(kwargs, kind, words):
    args = {"probabilities": P, **kwargs}
    with pytest.raises(kind) as info:
        probability_bars_svg(**args)
    for word in words:
        assert word in str(info.value), str(info.value)


# ---------------------------------------------------------------------------
# SVG
# ---------------------------------------------------------------------------


def test_svg_bars_lengths_colors_and_percentages():
    svg = probability_bars_svg(P)
    rects = bars_of(svg)
    assert [int(r.get("data-class")) for r in rects] == list(range(10))
    np.testing.assert_allclose([float(r.get("data-probability")) for r in rects], P)
    widths = np.array([float(r.get("width")) for r in rects])
    np.testing.assert_allclose(widths / widths.max(), P / P.max(), atol=1e-3)  # sebanding
    assert [r.get("fill") for r in rects] == [BEST_COLOR if i == 1 else BAR_COLOR
                                              for i in range(10)]
    assert [r.get("class") for r in rects][:2] == ["bar", "bar argmax"]
    assert texts_of(svg, "prob")[:4] == ["1,0%", "50,0%", "2,0%", "30,0%"]
    assert "oranye: prediksi (argmax)" in texts_of(svg)
    assert "kelas yang benar" not in svg  # tanpa true_class: legenda tanpa ✔


def test_svg_top_k_title_and_true_class():
    names = [f"angka {d}" for d in range(10)]
    svg = probability_bars_svg(P, names, true_class=3, top_k=3, title="3 skor <tertinggi>")
    texts = texts_of(svg)
    assert texts[0] == "3 skor <tertinggi>"  # judul di-escape, tetap terbaca
    assert texts[1] == "oranye: prediksi (argmax) · ✔: kelas yang benar"
    assert [int(r.get("data-class")) for r in bars_of(svg)] == [1, 3, 4]
    labels = [t for t in parse(svg).iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert ["".join(t.itertext()) for t in labels] == ["angka 1", "angka 3 ✔", "angka 4"]
    assert labels[1].get("fill") == TRUE_COLOR and labels[0].get("font-weight") == "bold"
    assert texts_of(svg, "prob") == ["50,0%", "30,0%", "5,0%"]


def test_svg_size_grows_with_rows_and_long_names():
    short = parse(probability_bars_svg(P[:2] / P[:2].sum()))
    tall = parse(probability_bars_svg(P))
    wide = parse(probability_bars_svg([0.4, 0.6], ["nama kelas yang panjang sekali", "b"]))
    assert int(tall.get("height")) > int(short.get("height"))
    assert int(wide.get("width")) > int(short.get("width"))
    assert re.fullmatch(r"0 0 \d+(\.\d)? \d+(\.\d)?", tall.get("viewBox"))


def test_label_column_fits_the_longest_name_by_font_metrics():
    from saraf.widgets import svg

    name = "nama kelas yang panjang sekali"
    root = parse(probability_bars_svg([0.4, 0.6], [name, "b"]))
    bar_x = min(float(r.get("x")) for r in root.iter("{http://www.w3.org/2000/svg}rect"))
    assert bar_x >= svg.text_width(name, 13)
    assert bar_x <= svg.text_width(name, 13, bold=True) + 24


def test_same_input_same_svg_and_no_ipywidgets_needed():
    # Lebar teks diukur dengan metrik font matplotlib; ipywidgets tidak dibutuhkan.
    assert probability_bars_svg(P) == probability_bars_svg(P.tolist())
    code = ("import sys; from saraf.widgets.probabilities import probability_bars_svg as f; "
            "f([0.5, 0.5]); print('ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False"]
