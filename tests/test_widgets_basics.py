"""Tes `saraf.widgets.basics`: slider mengubah teks keluaran (tanpa peramban)."""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from saraf.widgets import pixel_count_demo
from saraf.widgets.basics import pixel_count_html


def angka_tebal(html: str) -> str:
    """Angka di dalam <b>…</b> pada keluaran widget."""
    (angka,) = re.findall(r"<b>([^<]*)</b>", html)
    return angka


def test_initial_state():
    demo = pixel_count_demo()
    assert isinstance(demo, widgets.VBox)
    assert list(demo.children) == [demo.slider, demo.output]
    assert isinstance(demo.slider, widgets.IntSlider) and isinstance(demo.output, widgets.HTML)
    assert demo.slider.value == 28
    assert (demo.slider.min, demo.slider.max) == (1, 64)
    assert angka_tebal(demo.output.value) == "784"
    assert "Gambar 28 × 28 piksel" in demo.output.value


@pytest.mark.parametrize(
    "sisi, teks",
    [(1, "1"), (10, "100"), (31, "961"), (32, "1.024"), (50, "2.500"), (64, "4.096")],
)
def test_slider_updates_text(sisi, teks):
    demo = pixel_count_demo()
    demo.slider.value = sisi
    assert angka_tebal(demo.output.value) == teks
    assert f"Gambar {sisi} × {sisi} piksel" in demo.output.value
    assert "satu angka per piksel" in demo.output.value


def test_slider_sequence_and_back():
    demo = pixel_count_demo(side=5)
    assert angka_tebal(demo.output.value) == "25"
    for sisi, teks in [(40, "1.600"), (3, "9"), (64, "4.096"), (5, "25")]:
        demo.slider.value = sisi
        assert angka_tebal(demo.output.value) == teks


def test_slider_is_clamped_to_its_range():
    demo = pixel_count_demo()
    demo.slider.value = 100
    assert demo.slider.value == 64
    assert angka_tebal(demo.output.value) == "4.096"


def test_independent_widgets():
    a, b = pixel_count_demo(), pixel_count_demo()
    a.slider.value = 10
    assert angka_tebal(a.output.value) == "100" and angka_tebal(b.output.value) == "784"


def test_html_uses_thousands_point():
    assert "<b>4.096</b> angka" in pixel_count_html(64)
    assert "<b>1</b> angka" in pixel_count_html(1)


@pytest.mark.parametrize("sisi, jenis", [(100, ValueError), (0, ValueError), (2.5, ValueError),
                                         (True, TypeError), ("28", TypeError)])
def test_side_outside_slider_range_is_rejected(sisi, jenis):
    with pytest.raises(jenis, match=r"`side` harus bilangan bulat dari 1 sampai 64, tetapi "
                                    r"yang diberikan: "):
        pixel_count_demo(side=sisi)
