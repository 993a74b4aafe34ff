"""Penjelajah konvolusi: ubah kontrolnya, lalu periksa apa yang kini ditampilkan."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import ops
from saraf.formatting import decimal
from saraf.widgets import colors, conv_explorer
from saraf.widgets.conv import (ConvExplorer, conv_step, output_colors, pattern_image,
                                preset_kernel)


def expected_output(explorer):
    """Peta fitur rujukan: saraf.ops pada masukan yang sudah di-padding."""
    padded = ops.pad2d(explorer.image.astype(float), explorer.pad)
    return ops.conv2d(padded, explorer.kernel, stride=explorer.stride.value,
                      dilation=explorer.dilation.value)


def set_controls(explorer, size=7, k=3, s=1, p=0, d=1):
    explorer.input_size.value = size
    explorer.kernel_size.value = k
    explorer.stride.value = s
    explorer.padding.value = p
    explorer.dilation.value = d


def test_default_state_matches_ops():
    e = conv_explorer()
    assert isinstance(e, ConvExplorer)
    assert e.input_choice.value == "pola" and e.preset.value == "tepi vertikal"
    np.testing.assert_array_equal(e.image, pattern_image(7))
    np.testing.assert_array_equal(e.kernel, preset_kernel("tepi vertikal", 3))
    assert e.output.shape == (ops.output_size(7, 3), ops.output_size(7, 3)) == (5, 5)
    np.testing.assert_allclose(e.output, ops.conv2d(pattern_image(7), e.kernel))
    assert e.message == ""
    assert "Peta fitur 5 × 5" in e.picture.value


def test_repr_is_short_for_nbval():
    e = conv_explorer()
    text = e._repr_mimebundle_()["text/plain"]
    assert text == "Penjelajah konvolusi (jalankan sel di JupyterLab untuk memakainya)"


@pytest.mark.parametrize("size,k,s,p,d", [
    (7, 3, 1, 0, 1), (7, 3, 2, 1, 1), (8, 3, 2, 0, 1), (9, 2, 3, 2, 1), (7, 3, 1, 2, 2),
    (12, 5, 4, 3, 1), (10, 3, 2, 1, 3), (5, 1, 1, 0, 1),
])
def test_output_shape_values_and_formula(size, k, s, p, d):
    e = conv_explorer()
    set_controls(e, size, k, s, p, d)
    out = (ops.output_size(size, k, s, p, d),) * 2
    assert e.output.shape == out
    np.testing.assert_allclose(e.output, expected_output(e))
    np.testing.assert_allclose(e.output, ops.conv2d(e.image, e.kernel, s, p, d))
    for line in e.formula_text.splitlines():
        assert f"⌊({size} + 2·{p} − {d}·({k} − 1) − 1) / {s}⌋ + 1" in line
        assert line.endswith(f"= {out[0]}")
    assert e.formula_text.startswith("tinggi keluaran") and "\nlebar keluaran" in e.formula_text
    assert f"Peta fitur: <b>{out[0]} × {out[1]}</b>" in e.info.value


@settings(max_examples=40, deadline=None)
@given(size=st.integers(3, 12), k=st.integers(1, 5), s=st.integers(1, 4),
       p=st.sampled_from([0, 1, 2, 3, "same"]), d=st.integers(1, 3),
       preset=st.sampled_from(["identitas", "tepi horizontal", "sobel", "blur", "pertajam"]))
def test_any_combination_is_explained(size, k, s, p, d, preset):
    e = conv_explorer()
    e.preset.value = preset
    set_controls(e, size, k, s, p, d)
    effective = d * (k - 1) + 1
    total_pad = sum(ops.same_padding(size, k, s, d)) if p == "same" else 2 * p
    if size + total_pad < effective:
        assert e.output is None
        assert "Tidak ada keluaran" in e.message and "tidak ada keluaran" in e.formula_text
        assert e.cell.disabled and e.play.disabled
        return
    np.testing.assert_allclose(e.output, ops.conv2d(e.image, e.kernel, s, p, d), atol=1e-9)
    np.testing.assert_allclose(e.output, expected_output(e), atol=1e-9)
    assert e.cell.max == e.play.max == e.output.size - 1
    # setiap sumbu dengan baris/kolom yang tak tercakup dijelaskan di pesan
    for axis, missing in (("Tinggi:", e.state.uncovered_rows), ("Lebar:", e.state.uncovered_cols)):
        assert (axis in e.message) == bool(missing)


def test_same_padding_with_stride_2_is_asymmetric_like_tensorflow():
    e = conv_explorer(source="mnist", kernel="sobel", stride=2, padding="same")
    assert e.image.shape == (28, 28)
    assert e.pad == ((0, 1), (0, 1))
    assert e.output.shape == (14, 14)
    np.testing.assert_allclose(e.output, ops.conv2d(e.image, e.kernel, 2, "same"))
    assert "⌊(28 + 0 + 1 − 1·(3 − 1) − 1) / 2⌋ + 1" in e.formula_text
    assert "p_atas + p_bawah" in e.formula_text and "p_kiri + p_kanan" in e.formula_text
    assert "tidak simetris" in e.info.value
    assert colors.PAD_FILL in e.picture.value  # padding tampak berbeda


def test_padding_cells_drawn_only_when_padding():
    e = conv_explorer()
    assert colors.PAD_FILL not in e.picture.value
    e.padding.value = 1
    assert colors.PAD_FILL in e.picture.value
    assert e.padded.shape == (9, 9) and "Masukan 7 × 7 + padding → 9 × 9" in e.picture.value


def window_xy(e):
    x, y = e._input_grid.xy(*e.window)
    return f'x="{x:.1f}" y="{y:.1f}"'


def test_window_moves_with_output_cell_and_play():
    e = conv_explorer(stride=2, padding=1)
    out_w = e.output.shape[1]
    for index in (0, 1, out_w, e.output.size - 1):
        e.cell.value = index
        i, j = divmod(index, out_w)
        assert e.selected == (i, j)
        assert e.window == (2 * i, 2 * j)
        assert window_xy(e) in e.picture.value
        assert f"baris {i}, kolom {j}" in e.cell_label.value
    e.play.value = 5  # Play terhubung ke sel keluaran di sisi Python juga
    assert e.cell.value == 5
    i, j = divmod(5, out_w)
    assert e.window == (2 * i, 2 * j) and window_xy(e) in e.picture.value


def test_terms_text_spells_out_the_dot_product():
    e = conv_explorer()
    e.cell.value = 8  # baris 1, kolom 3
    (i, j), (top, left) = e.selected, e.window
    patch = e.padded[top:top + 3, left:left + 3]
    terms = e.terms_text.split(" = ")[0].split(" + ")
    assert len(terms) == 9
    assert terms[0] == f"{decimal(patch[0, 0])}×(−1)"
    assert e.terms_text.endswith(f"= {decimal(e.output[i, j])}")
    assert np.isclose(np.sum(patch * e.kernel), e.output[i, j])
    assert "jumlahkan" in e.calc.value


def test_dilation_window_takes_every_dth_cell():
    e = conv_explorer(dilation=2)
    e.cell.value = 1
    top, left = e.window
    assert e.window_cells[:3] == [(top, left), (top, left + 2), (top, left + 4)]
    assert e.output.shape == (3, 3)


def test_impossible_combination_explained_without_output():
    e = conv_explorer()
    set_controls(e, size=4, k=5, s=1, p=0, d=2)
    assert e.output is None
    assert "Tidak ada keluaran" in e.message
    assert "2·(5 − 1) + 1 = 9" in e.message
    assert "tinggi maupun lebar" in e.message
    assert "tidak ada keluaran" in e.formula_text
    assert "Tidak ada keluaran" in e.calc.value
    assert e.cell.disabled and e.play.disabled and e.terms_text == ""
    e.padding.value = 3  # 4 + 6 = 10 ≥ 9: kini muat lagi
    assert e.output.shape == (2, 2) and not e.cell.disabled and e.message == ""


def test_remainder_names_the_dropped_rows_and_columns():
    e = conv_explorer()
    set_controls(e, size=8, k=3, s=2, p=0, d=1)
    assert e.output.shape == (3, 3)
    assert "sisa 1" in e.message
    assert "baris 7 pada gambar" in e.message and "kolom 7 pada gambar" in e.message
    assert colors.UNCOVERED in e.picture.value
    e.stride.value = 1
    assert e.message == "" and colors.UNCOVERED not in e.picture.value


def test_stride_larger_than_window_skips_rows():
    e = conv_explorer(kernel_size=1, stride=3)
    assert "melompati baris 1, 2, 4, dan 5" in e.message


def test_only_padding_dropped_is_said_so():
    e = conv_explorer()
    set_controls(e, size=7, k=2, s=2, p=1, d=1)
    assert "hanya padding" in e.message


def test_editing_kernel_values_changes_output_and_preset():
    e = conv_explorer(kernel="identitas")
    np.testing.assert_allclose(e.output, e.image[1:-1, 1:-1])
    e.kernel_inputs[1][1].value = 2.0
    assert e.preset.value == "kustom"
    np.testing.assert_allclose(e.kernel[1, 1], 2.0)
    np.testing.assert_allclose(e.output, 2 * e.image[1:-1, 1:-1])
    e.kernel_inputs[0][0].value = -1.0
    np.testing.assert_allclose(e.output, ops.conv2d(e.image, e.kernel))
    e.kernel_size.value = 2  # kernel kustom dipotong, tidak diganti preset
    np.testing.assert_allclose(e.kernel, [[-1.0, 0.0], [0.0, 2.0]])
    assert e.preset.value == "kustom"


@pytest.mark.parametrize("name,expected", [
    ("identitas", [[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
    ("tepi vertikal", [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]]),
    ("tepi horizontal", [[-1, -1, -1], [0, 0, 0], [1, 1, 1]]),
    ("sobel", [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
    ("blur", np.full((3, 3), 1 / 9)),
    ("pertajam", [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
])
def test_presets_load_the_right_kernels(name, expected):
    e = conv_explorer()
    e.preset.value = name
    np.testing.assert_allclose(e.kernel, expected)
    np.testing.assert_allclose([[box.value for box in row[:3]] for row in e.kernel_inputs[:3]],
                               np.round(expected, 4))
    np.testing.assert_allclose(e.output, ops.conv2d(e.image, np.asarray(expected, float)))


def test_presets_follow_kernel_size():
    e = conv_explorer(kernel="sobel")
    e.kernel_size.value = 5
    np.testing.assert_allclose(e.kernel, np.outer([1, 4, 6, 4, 1], [-1, -2, 0, 2, 1]))
    e.preset.value = "blur"
    np.testing.assert_allclose(e.kernel, np.full((5, 5), 1 / 25))
    assert [row.layout.display for row in e._kernel_rows] == [None] * 5
    e.kernel_size.value = 2
    assert [row.layout.display for row in e._kernel_rows] == [None, None] + ["none"] * 3
    assert e.kernel_inputs[0][2].layout.display == "none"
    for name in ("identitas", "tepi vertikal", "tepi horizontal", "sobel", "blur", "pertajam"):
        for k in range(1, 6):
            kernel = preset_kernel(name, k)
            assert kernel.shape == (k, k)
            if name in ("identitas", "blur", "pertajam"):
                assert np.isclose(kernel.sum(), 1)  # kecerahan tetap
            else:
                assert np.isclose(kernel.sum(), 0)  # daerah rata → 0


def test_real_images_and_input_size_control():
    e = conv_explorer()
    e.input_choice.value = "fashion"
    assert e.image.shape == (28, 28) and e.input_size.disabled
    assert e.output.shape == (26, 26)
    assert "Masukan 28 × 28" in e.picture.value
    e.input_choice.value = "pola"
    assert not e.input_size.disabled
    e.input_size.value = 10
    assert e.image.shape == (10, 10) and e.output.shape == (8, 8)


def test_user_image_and_array_kernel():
    image = np.arange(30).reshape(5, 6)
    kernel = np.array([[1, 2], [3, 4]])
    e = conv_explorer(image=image, kernel=kernel)
    assert e.input_choice.value == "gambar" and e.preset.value == "kustom"
    assert e.kernel_size.value == 2
    np.testing.assert_allclose(e.output, ops.conv2d(image, kernel))
    assert "⌊(5 + 2·0" in e.formula_text and "⌊(6 + 2·0" in e.formula_text


@pytest.mark.parametrize("kwargs,param", [
    ({"stride": 0}, "stride"), ({"stride": 1.5}, "stride"), ({"dilation": 9}, "dilation"),
    ({"kernel_size": 7}, "kernel_size"), ({"padding": "penuh"}, "padding"),
    ({"padding": 5}, "padding"), ({"kernel": "tepi"}, "kernel"),
    ({"kernel": np.ones((2, 3))}, "kernel"), ({"image": np.zeros((3, 3, 3))}, "image"),
    ({"image": np.zeros((100, 100))}, "image"), ({"source": "cifar"}, "source"),
])
def test_bad_arguments_get_indonesian_errors(kwargs, param):
    with pytest.raises((ValueError, TypeError)) as info:
        conv_explorer(**kwargs)
    message = str(info.value)
    assert f"`{param}`" in message and "harus" in message and "diberikan" in message


def test_conv_step_static_picture():
    step = conv_step(pattern_image(7), "tepi vertikal", row=1, col=3)
    assert step.window == (1, 3) and step.value == -10
    assert step.terms_text.endswith("= −10")
    svg = step._repr_svg_()
    assert svg.startswith("<svg") and "Peta fitur 5 × 5" in svg and "jumlahkan" in svg
    assert repr(step) == "Langkah konvolusi: sel keluaran (1, 3) = −10 (gambar SVG)"
    assert conv_step(pattern_image(7), "blur").terms_text.split(" ")[-2] == "≈"
    with pytest.raises(ValueError, match="`row`"):
        conv_step(pattern_image(7), "blur", row=5)
    with pytest.raises(ValueError, match="Tidak ada keluaran"):
        conv_step(pattern_image(3), np.ones((5, 5)))


def test_numbers_shown_use_the_decimal_comma():
    e = conv_explorer(kernel="blur")
    assert e.terms_text.startswith("0×0,111 + ")
    assert "≈" in e.terms_text and "." not in e.terms_text
    assert ">0,111</text>" in e.calc.value          # angka kernel di kisi "Kernel"
    e.preset.value = "tepi vertikal"
    assert ">−1</text>" in e.calc.value             # minus asli, bukan tanda hubung


def test_feature_map_colors_follow_the_sign():
    e = conv_explorer(kernel="blur")                # semua nilai ≥ 0: abu-abu seperti gambar
    assert output_colors(e.output)[0] == colors.GRAY
    assert "gelap = kecil, terang = besar" in e.picture.value
    e.preset.value = "tepi vertikal"                # ada nilai negatif: biru–putih–merah
    cmap, vmin, vmax = output_colors(e.output)
    assert cmap == colors.DIVERGING and vmin == -vmax == -np.abs(e.output).max()
    assert "biru = negatif, putih = 0, merah = positif" in e.picture.value
    fills, _ = colors.value_colors(e.output, cmap, vmin, vmax)
    assert all(f'fill="{fill}"' in e.picture.value for fill in np.ravel(fills))


def test_play_link_and_kernel_editor_layout():
    e = conv_explorer(kernel_size=2)
    assert e.play.max == e.cell.max == e.output.size - 1
    assert [row.layout.display for row in e._kernel_rows] == [None, None] + ["none"] * 3
    assert "Penjelajah Konvolusi" in e.children[0].value and "Tekan ▶" in e.children[0].value
