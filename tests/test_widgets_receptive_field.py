"""Penjelajah medan reseptif: ubah kontrolnya, lalu periksa gambar dan teks yang ditampilkan.

Posisi bingkai hijau dibaca dari SVG-nya (koordinat ``<rect>``) dan dibandingkan dengan
daerah yang dihitung ulang di sini langsung dari nilai kontrol: baris ``a…b`` di peta
lapisan ke-l berasal dari baris ``a·s … b·s + k − 1`` di peta sebelumnya.
"""

from __future__ import annotations

import re
import sys

import pytest

import saraf.widgets
from saraf.widgets import receptive_field_explorer, receptive_field_picture
from saraf.widgets.colors import HIGHLIGHT
from saraf.widgets.receptive_field import ReceptiveFieldExplorer, cell_size, map_grid
from saraf.widgets.receptive_field_state import PRESETS, receptive_field_state

_SVG = re.compile(r'<svg x="[\d.]+" y="[\d.]+" [^>]*>(.*?)</svg>', re.S)
_RECT = re.compile(rf'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" '
                   rf'fill="{HIGHLIGHT}" fill-opacity="[\d.]+" stroke="{HIGHLIGHT}"')


def green_boxes(picture: str) -> list[tuple[float, float, float, float]]:
    """(x, y, lebar, tinggi) kotak hijau di setiap kisi (urut: masukan, lapisan ke-1, …)."""
    grids = [body for body in _SVG.findall(picture) if "<rect" in body and "font-weight" in body]
    boxes = []
    for body in grids:
        found = _RECT.findall(body)
        assert len(found) == 1, "setiap peta punya tepat satu tanda hijau"
        boxes.append(tuple(float(v) for v in found[0]))
    return boxes


def expected_regions(layers, unit):
    """Daerah (baris, kolom, tinggi) setiap peta, dihitung mundur dari sel ``unit``."""
    top, left, side = unit[0], unit[1], 1
    regions = [(top, left, side)]
    for layer in reversed(layers):
        top, left = top * layer.stride, left * layer.stride
        side = (side - 1) * layer.stride + layer.size
        regions.insert(0, (top, left, side))
    return regions


def assert_picture_shows(e: ReceptiveFieldExplorer) -> None:
    """Judul, ukuran, dan posisi kotak hijau di setiap kisi sesuai dengan kontrol saat ini."""
    layers = PRESETS[e.architecture.value][1][:e.depth.value]
    unit = (e.row.value, e.col.value)
    regions = expected_regions(layers, unit)
    state = e.state
    cell = cell_size(state)
    boxes = green_boxes(e.picture_svg)
    assert len(boxes) == e.depth.value + 1
    n = e.input_size.value
    for level, ((top, left, side), (x, y, w, h)) in enumerate(zip(regions, boxes)):
        grid = map_grid(state, level, cell)
        title = f"Masukan {n} × {n}" if level == 0 else f"Lapisan ke-{level}: {state.sizes[level]}"
        assert title in e.picture_svg
        inset = 0.0
        if level == e.depth.value:  # sel terpilih: kotak satu sel, sedikit menjorok ke dalam
            assert side == 1
            inset = (cell - w) / 2
            assert 0 < inset < cell / 4 + 1e-9
        assert (w, h) == (pytest.approx(side * cell - 2 * inset, abs=0.1),) * 2
        assert (x, y) == (pytest.approx(grid.x0 + left * cell + inset, abs=0.1),
                          pytest.approx(grid.y0 + top * cell + inset, abs=0.1))
    side = regions[0][2]
    assert e.field_size == side
    assert f"{side} × {side} = {side * side} piksel masukan" in e.caption
    assert f"Sel (baris {unit[0]}, kolom {unit[1]}) di peta lapisan ke-{e.depth.value}" in e.caption
    assert e.caption in svg_text(e.info.value) and e.formula_text.endswith(f"= {side}")


def svg_text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_default_explorer_shows_three_3x3_layers():
    e = receptive_field_explorer()
    assert isinstance(e, ReceptiveFieldExplorer)
    assert (e.architecture.value, e.depth.value, e.input_size.value) == ("konv3", 3, 16)
    assert (e.row.value, e.col.value, e.row.max) == (4, 4, 9)
    assert e.field_size == 7
    assert_picture_shows(e)
    info = svg_text(e.info.value)
    assert "r = 1 + (3 − 1)·1 + (3 − 1)·1 + (3 − 1)·1 = 7" in info
    assert "19,1%" in info and "Masukan: daerah 7 × 7 piksel, baris 4–10, kolom 4–10" in info
    assert "sel terpilih" in e.picture.value and "daerah yang ikut menentukan" in e.picture.value
    assert e._repr_mimebundle_()["text/plain"] == (
        "Penjelajah medan reseptif (jalankan sel di JupyterLab untuk memakainya)")


def test_moving_the_unit_moves_every_region():
    e = receptive_field_explorer()
    before = green_boxes(e.picture_svg)
    e.row.value, e.col.value = 0, 9
    assert_picture_shows(e)
    after = green_boxes(e.picture_svg)
    cell = cell_size(e.state)
    # Sel (4, 4) → (0, 9) di lapisan ke-3: semua daerah bergeser 4 baris ke atas, 5 kolom ke
    # kanan (stride 1), ukurannya tetap.
    for old, new in zip(before, after):
        assert new[0] - old[0] == pytest.approx(5 * cell)
        assert new[1] - old[1] == pytest.approx(-4 * cell)
        assert new[2:] == old[2:]
    assert "baris 0–6, kolom 9–15" in svg_text(e.info.value)


def test_depth_slider_removes_maps_and_recenters():
    e = receptive_field_explorer()
    e.row.value = 0
    e.depth.value = 1
    assert e.row.max == e.col.max == 13 and (e.row.value, e.col.value) == (6, 6)
    assert "Lapisan ke-2" not in e.picture_svg and "Lapisan ke-1: 14 × 14" in e.picture_svg
    assert e.field_size == 3
    assert_picture_shows(e)
    e.depth.value = 2
    assert e.field_size == 5 and e.row.max == 11
    assert_picture_shows(e)


@pytest.mark.parametrize("key, size", [("pool", 8), ("stride2", 15), ("konv5", 13)])
def test_architecture_menu_changes_layers_and_limits(key, size):
    e = receptive_field_explorer()
    e.architecture.value = key
    layers = PRESETS[key][1]
    assert e.depth.max == len(layers)
    assert e.field_size == size
    assert_picture_shows(e)
    for layer in layers:
        assert layer.label.split(",")[0] in e.picture_svg
        assert f"stride {layer.stride}" in e.picture_svg
    # Slider ukuran masukan tidak bisa lebih kecil daripada yang dibutuhkan tumpukannya.
    e.input_size.value = 1
    assert e.input_size.value == e.input_size.min
    assert e.state.sizes[-1] == 1 and e.row.max == 0
    assert_picture_shows(e)


def test_input_size_changes_map_sizes_and_percent():
    e = receptive_field_explorer()
    e.input_size.value = 28
    assert e.state.sizes == [28, 26, 24, 22]
    assert "Lapisan ke-3: 22 × 22" in e.picture_svg
    share = f"{100 * 49 / 784:.1f}".replace(".", ",")
    assert f"yaitu {share}% dari 28 × 28 = 784 piksel" in e.caption
    assert (e.row.value, e.col.value) == (10, 10)
    assert_picture_shows(e)


def test_custom_layers_get_their_own_menu_entry():
    e = receptive_field_explorer([("konv", 3, 1), ("pool", 2, 2)], input_size=10, row=0, col=1)
    assert e.architecture.value == "anda"
    assert ("Lapisan Anda: konv 3 × 3 → max pool 2 × 2, stride 2", "anda") in [
        tuple(option) for option in e.architecture.options]
    assert (e.row.value, e.col.value) == (0, 1)
    assert e.field_size == 4
    assert "Masukan: daerah 4 × 4 piksel, baris 0–3, kolom 2–5" in e.lines
    e.architecture.value = "konv3"  # kedalaman tetap 2, tetapi kini bisa dinaikkan ke 3
    assert (e.field_size, e.depth.max, e.input_size.min) == (5, 3, 7)
    e.depth.value = 3
    assert e.field_size == 7
    assert_picture_shows(e)


@pytest.mark.parametrize("kwargs, words", [
    ({"input_size": 5}, "`input_size` harus bilangan bulat ≥ 7"),
    ({"layers": "resnet"}, "`layers` harus salah satu dari"),
    ({"depth": 5}, "`depth` harus bilangan bulat dari 1 sampai 3"),
    ({"row": 99}, "`row` harus bilangan bulat dari 0 sampai 9"),
])
def test_bad_arguments_are_explained_in_indonesian(kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        receptive_field_explorer(**kwargs)


def test_depth_one_still_needs_room_for_the_whole_stack():
    # Slider kedalaman bisa dinaikkan lagi, jadi masukan harus muat untuk seluruh tumpukan.
    with pytest.raises(ValueError, match="≥ 7"):
        receptive_field_explorer(input_size=5, depth=1)


def test_static_picture_matches_state():
    picture = receptive_field_picture("pool", 16, 3, 1, 3)
    state = receptive_field_state("pool", 16, 3, 1, 3)
    svg = picture._repr_svg_()
    assert svg.startswith("<svg") and state.headline in svg and state.formula in svg
    for line in state.lines:
        assert line in svg
    assert "sel terpilih" in svg and "daerah yang ikut menentukan nilainya" in svg
    boxes = green_boxes(svg)
    cell = cell_size(state)
    assert boxes[0][2] == pytest.approx(8 * cell, abs=0.1)
    assert repr(picture) == ("Medan reseptif: Sel (baris 1, kolom 3) di peta lapisan ke-3 "
                             "melihat 8 × 8 piksel masukan (gambar SVG)")


@pytest.mark.parametrize("name", ["receptive_field_explorer", "receptive_field_picture"])
def test_exported_from_saraf_widgets(name):
    assert name in saraf.widgets.__all__ and name in dir(saraf.widgets)
    assert getattr(saraf.widgets, name) is getattr(
        sys.modules["saraf.widgets.receptive_field"], name)
