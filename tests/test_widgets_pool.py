"""Penjelajah pooling: ubah kontrolnya, lalu periksa apa yang kini ditampilkan."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import ops
from saraf.formatting import decimal
from saraf.widgets import colors, pool_explorer
from saraf.widgets.pool import PoolExplorer, pool_pattern, pool_step


def reference(e):
    pool = ops.max_pool2d if e.mode.value == "max" else ops.avg_pool2d
    return pool(e.image, e.pool_size.value, e.stride.value, e.padding.value)


def valid_size(n, k, s):
    return (n - k) // s + 1


def test_default_state_matches_ops():
    e = pool_explorer()
    assert isinstance(e, PoolExplorer)
    np.testing.assert_array_equal(e.image, pool_pattern(6))
    assert e.stride.value == e.pool_size.value == 2  # stride bawaan = ukuran pool (Keras)
    assert e.output.shape == (3, 3)
    np.testing.assert_allclose(e.output, ops.max_pool2d(pool_pattern(6), 2))
    assert e.message == ""
    assert e._repr_mimebundle_()["text/plain"] == (
        "Penjelajah pooling (jalankan sel di JupyterLab untuk memakainya)")


def explorer_with(size, k, s, padding, mode):
    """Penjelajah pooling dengan kontrolnya diubah satu per satu, seperti oleh pembelajar."""
    e = pool_explorer()
    e.input_size.value = size
    e.mode.value = mode
    e.pool_size.value = k
    e.stride.value = s
    e.padding.value = padding
    return e


@pytest.mark.parametrize("size,k,s,padding,mode", [
    (6, 2, 2, "valid", "max"), (7, 2, 2, "valid", "avg"), (7, 2, 2, "same", "max"),
    (7, 3, 2, "same", "avg"), (9, 3, 3, "valid", "max"), (8, 2, 1, "valid", "avg"),
    (5, 4, 3, "same", "max"), (12, 3, 4, "valid", "avg"),
])
def test_output_shape_values_and_formula(size, k, s, padding, mode):
    e = explorer_with(size, k, s, padding, mode)
    np.testing.assert_allclose(e.output, reference(e))
    if padding == "valid":
        out = valid_size(size, k, s)
        assert f"⌊({size} − {k}) / {s}⌋ + 1" in e.formula_text
    else:
        out = -(-size // s)
        assert f"⌈{size} / {s}⌉" in e.formula_text
        total = sum(ops.same_padding(size, k, s))
        assert f"padding total = max(({out} − 1)·{s} + {k} − {size}, 0) = {total}" in (
            e.formula_text)
    assert e.output.shape == (out, out)
    for line in e.formula_text.splitlines():
        assert f"= {out}" in line
    assert f"<b>{out} × {out}</b>" in e.info.value


@settings(max_examples=40, deadline=None)
@given(size=st.integers(2, 12), k=st.integers(1, 4), s=st.integers(1, 4),
       padding=st.sampled_from(["valid", "same"]), mode=st.sampled_from(["max", "avg"]))
def test_any_combination_matches_ops_or_is_explained(size, k, s, padding, mode):
    e = explorer_with(size, k, s, padding, mode)
    if padding == "valid" and k > size:
        assert e.output is None
        assert "Tidak ada keluaran" in e.message and "tidak ada keluaran" in e.formula_text
        assert e.cell.disabled and e.play.disabled
        return
    np.testing.assert_allclose(e.output, reference(e))
    assert e.cell.max == e.play.max == e.output.size - 1
    e.cell.value = e.output.size - 1
    i, j = e.selected
    assert np.isclose(e.value, e.output[i, j])


def test_window_moves_with_cell_and_play():
    e = pool_explorer(size=2, stride=2)
    for index in (0, 1, 3, 8):
        e.cell.value = index
        i, j = divmod(index, 3)
        assert e.selected == (i, j) and e.window == (2 * i, 2 * j)
        x, y = e._input_grid.xy(*e.window)
        assert f'x="{x:.1f}" y="{y:.1f}"' in e.picture.value
    e.play.value = 4
    assert e.cell.value == 4 and e.window == (2, 2)


def test_max_and_average_are_spelled_out():
    e = pool_explorer(image=np.array([[1, 3, 2, 0], [4, 6, 1, 1], [0, 2, 9, 5], [3, 1, 4, 8]]))
    assert e.input_choice.value == "gambar"
    np.testing.assert_allclose(e.output, [[6, 2], [3, 9]])
    assert e.calc_text == "max(1, 3, 4, 6) = 6"
    e.mode.value = "avg"
    assert e.calc_text == "(1 + 3 + 4 + 6) / 4 = 3,5"
    e.cell.value = 3
    assert e.calc_text == "(9 + 5 + 4 + 8) / 4 = 6,5"
    np.testing.assert_allclose(e.output, [[3.5, 1.0], [1.5, 6.5]])


def test_same_padding_ignores_padding_cells():
    e = pool_explorer(pattern_size=7, padding="same", mode="avg")
    assert e.pad == ((0, 1), (0, 1)) and e.output.shape == (4, 4)
    e.cell.value = 15  # pojok kanan bawah: 1 piksel asli + 3 sel padding
    assert e.calc_text.endswith("(3 sel padding tidak ikut dihitung)")
    assert e.calc_text.startswith(f"({decimal(e.image[6, 6])}) / 1")
    assert colors.PAD_FILL in e.picture.value
    e.mode.value = "max"
    assert e.calc_text.startswith(f"max({decimal(e.image[6, 6])})")


def test_remainder_names_dropped_rows_and_impossible_is_explained():
    e = pool_explorer(pattern_size=7)
    assert e.output.shape == (3, 3)
    assert "baris 6 pada gambar" in e.message and "kolom 6 pada gambar" in e.message
    assert "sisa 1" in e.message and colors.UNCOVERED in e.picture.value
    e.input_size.value = 3
    e.pool_size.value = 4
    assert e.output is None
    assert "Tidak ada keluaran" in e.message and "'same'" in e.message
    assert "Tidak ada keluaran" in e.calc.value
    e.padding.value = "same"
    assert e.output.shape == (2, 2)


def test_real_images():
    e = pool_explorer(source="mnist")
    assert e.image.shape == (28, 28) and e.output.shape == (14, 14)
    assert e.input_size.disabled
    np.testing.assert_allclose(e.output, ops.max_pool2d(e.image, 2))
    assert "(784 angka → 196 angka)" in e.info.value


@pytest.mark.parametrize("kwargs,param", [
    ({"mode": "min"}, "mode"), ({"size": 0}, "size"), ({"size": 9}, "size"),
    ({"stride": 0}, "stride"), ({"padding": 1}, "padding"),
    ({"image": np.zeros((2, 2, 2))}, "image"), ({"source": "x"}, "source"),
])
def test_bad_arguments_get_indonesian_errors(kwargs, param):
    with pytest.raises((ValueError, TypeError)) as info:
        pool_explorer(**kwargs)
    message = str(info.value)
    assert f"`{param}`" in message and "harus" in message and "diberikan" in message


def test_pool_step_static_picture():
    x = np.array([[1, 3, 2, 0], [4, 6, 1, 1], [0, 2, 9, 5], [3, 1, 4, 8]])
    step = pool_step(x, row=1, col=1)
    assert step.value == 9 and step.calc_text == "max(9, 5, 4, 8) = 9"
    assert step._repr_svg_().startswith("<svg")
    assert repr(step) == "Langkah pooling: sel keluaran (1, 1) = 9 (gambar SVG)"
    with pytest.raises(ValueError, match="Tidak ada keluaran"):
        pool_step(x, size=5)


def test_max_cell_is_marked_and_legend_follows_mode():
    e = pool_explorer(image=np.array([[1, 3, 2, 0], [4, 6, 1, 1], [0, 2, 9, 5], [3, 1, 4, 8]]))
    x, y = e._input_grid.xy(1, 1)               # 6 = nilai terbesar di jendela pertama
    assert f'<rect x="{x + 0.75:.1f}" y="{y + 0.75:.1f}"' in e.picture.value  # inset 1,5 / 2
    assert "nilai terbesar di jendela" in e.info.value
    e.mode.value = "avg"
    assert "nilai terbesar di jendela" not in e.info.value
    assert "padding (tidak ikut dirata-rata)" in e.info.value


def test_large_counts_use_thousands_point():
    e = pool_explorer(image=np.zeros((64, 64)))
    assert "(4.096 angka → 1.024 angka)" in e.info.value
