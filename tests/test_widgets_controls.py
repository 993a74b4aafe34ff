"""Tes `saraf.widgets.controls`: kontrol berlabel, Sel keluaran + Putar, menu Masukan."""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pytest

from saraf.widgets.controls import (SOURCES, CellPlayer, Form, SourceMenu, escaped_lines,
                                    message_box, sample_image, watch)


def test_form_controls_share_one_style_and_layout():
    form = Form(label_width="105px", width="320px")
    a, b = form.int_slider("a", 1, 0, 3), form.float_slider("b", 0.5, -1, 1)
    menu = form.dropdown("c", [("satu", 1), ("dua", 2)], 2)
    assert a.style is b.style and a.layout is b.layout is menu.layout
    assert a.style.description_width == "105px" and a.layout.width == "320px"
    assert (a.min, a.max, a.value) == (0, 3, 1)
    assert b.readout_format == ".2f" and b.step == 0.1     # angka slider: titik desimal
    assert menu.label == "dua"


def test_toggles_have_a_label_on_the_left():
    row, buttons = Form().toggles("Mode", [("max", "max"), ("rata-rata", "avg")], "avg")
    assert isinstance(buttons, widgets.ToggleButtons) and buttons.value == "avg"
    assert row.children[1] is buttons and "Mode" in row.children[0].value


def test_cell_player_follows_the_number_of_cells():
    player = CellPlayer(Form())
    player.set_count(9)
    assert player.slider.max == player.play.max == 8 and not player.slider.disabled
    player.play.value = 5                       # Putar menggeser slider (tautan Python)
    assert player.slider.value == 5
    player.set_count(4)                         # lebih sedikit sel: nilai dipotong
    assert player.slider.value == player.play.value == 3
    player.set_count(0)                         # tidak ada keluaran: kontrol mati
    assert player.slider.disabled and player.play.disabled and player.slider.value == 0
    assert list(player.row.children) == [player.play, player.label]


def test_source_menu_switches_images():
    user = np.arange(12).reshape(3, 4)
    menu = SourceMenu(Form(), lambda n: np.full((n, n), n), 5, (3, 12), user_image=user)
    assert menu.choice.value == "gambar" and menu.choice.label == "Gambar Anda (3 × 4)"
    np.testing.assert_array_equal(menu.image(), user)
    assert menu.size.disabled
    menu.choice.value = "pola"
    np.testing.assert_array_equal(menu.image(), np.full((5, 5), 5))
    assert not menu.size.disabled and (menu.size.min, menu.size.max) == (3, 12)
    assert [key for _, key in menu.choice.options] == [*SOURCES, "gambar"]


def test_source_menu_rejects_unknown_source():
    with pytest.raises(ValueError, match="`source` harus salah satu dari 'pola', 'mnist', "
                                         "atau 'fashion', tetapi yang diberikan: 'gambar'"):
        SourceMenu(Form(), np.zeros, 5, (3, 12), source="gambar")   # tanpa gambar Anda


def test_sample_images_are_the_documented_training_images():
    from saraf import data

    (x, _), _ = data.load_mnist()
    digit = sample_image("mnist")
    np.testing.assert_array_equal(digit, x[6])
    assert not digit.flags.writeable and sample_image("mnist") is digit   # dimuat sekali


def test_message_box_and_escaped_lines():
    assert escaped_lines("a < b\nc") == "a &lt; b<br>c"
    box = message_box("isi", "error")
    assert box.startswith('<div style="background:#fff5f5;border-left:4px solid #c92a2a')
    assert "isi" in box
    with pytest.raises(KeyError):
        message_box("isi", "merah")


def test_watch_calls_back_on_every_value_change():
    form = Form()
    a, b = form.int_slider("a", 0, 0, 5), form.dropdown("b", [("x", 1), ("y", 2)], 1)
    seen = []
    watch([a, b], lambda change: seen.append((change["owner"], change["new"])))
    a.value, b.value, a.max = 3, 2, 4            # batas slider bukan nilai: tidak dilaporkan
    assert seen == [(a, 3), (b, 2)]
