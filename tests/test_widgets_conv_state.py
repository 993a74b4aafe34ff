"""Tes `saraf.widgets.conv_state`: keadaan penjelajah konvolusi dibandingkan dengan saraf.ops."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import ops
from saraf.formatting import decimal
from saraf.widgets.conv_state import (KERNEL_PRESETS, check_kernel, check_padding, conv_formula,
                                      conv_state, pattern_image, preset_kernel, terms_text)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(3, 12), k=st.integers(1, 5), s=st.integers(1, 4),
       p=st.sampled_from([0, 1, 2, 3, "same", "valid"]), d=st.integers(1, 3))
def test_state_matches_ops(n, k, s, p, d):
    image = pattern_image(n)
    kernel = preset_kernel("sobel", k)
    state = conv_state(image, kernel, s, p, d)
    pad = {"valid": 0}.get(p, p)
    if p == "same":
        assert state.pad == (ops.same_padding(n, k, s, d),) * 2
    else:
        assert state.pad == ((pad, pad),) * 2
    np.testing.assert_array_equal(state.padded, ops.pad2d(image.astype(float), state.pad))
    if n + sum(state.pad[0]) < d * (k - 1) + 1:
        assert state.output is None and state.n_cells == 0
        assert state.message.startswith("Tidak ada keluaran")
        assert all(line.endswith("→ tidak ada keluaran (harus ≥ 1)")
                   for line in state.formula_lines)
        return
    np.testing.assert_allclose(state.output, ops.conv2d(image, kernel, s, p, d), atol=1e-9)
    if p != "same":
        assert state.output.shape == (ops.output_size(n, k, s, pad, d),) * 2
    for line in state.formula_lines:
        assert line.endswith(f"= {state.output.shape[0]}")
    window = state.window(state.n_cells - 1)      # sel terakhir: hasil kali = keluaran
    assert np.sum(window.patch * kernel) == pytest.approx(state.output[window.cell])


def test_formula_is_filled_with_the_current_numbers():
    assert conv_formula("tinggi", 7, 3, 2, 1, 1, 1) == (
        "tinggi keluaran = ⌊(n + 2p − d·(k − 1) − 1) / s⌋ + 1 = "
        "⌊(7 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊6 / 2⌋ + 1 = 3 + 1 = 4")
    assert conv_formula("lebar", 28, 3, 2, 1, 0, 1).startswith(
        "lebar keluaran = ⌊(n + p_kiri + p_kanan − d·(k − 1) − 1) / s⌋ + 1 = "
        "⌊(28 + 0 + 1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊26 / 2⌋")


def test_no_output_message_names_the_sizes():
    state = conv_state(np.zeros((4, 4)), np.ones((5, 5)), dilation=2)
    assert state.message.splitlines() == [
        "Tidak ada keluaran: pada tinggi maupun lebar, jendela kernel selebar d·(k − 1) + 1 = "
        "2·(5 − 1) + 1 = 9 piksel lebih besar daripada masukan yang sudah di-padding "
        "(4 + 2·0 = 4 piksel), jadi jendela tidak muat satu kali pun.",
        "Perkecil ukuran kernel atau dilasi, atau tambah padding."]
    wide = conv_state(np.zeros((9, 4)), np.ones((5, 5)))  # hanya lebarnya yang terlalu kecil
    assert "pada lebar, jendela" in wide.message and "tinggi" not in wide.message


def test_uncovered_rows_are_listed_and_explained():
    state = conv_state(pattern_image(8), preset_kernel("blur"), stride=2)
    assert state.uncovered_rows == state.uncovered_cols == [7]
    assert "Tinggi:" in state.message and "Lebar:" in state.message
    assert conv_state(pattern_image(7), preset_kernel("blur")).message == ""


def test_terms_text_spells_out_the_dot_product():
    patch = np.array([[0, 9], [5, 1]])
    kernel = np.array([[-1.0, 0.5], [1.0, 2.0]])
    value = float(np.sum(patch * kernel))
    assert terms_text(patch, kernel, value) == "0×(−1) + 9×0,5 + 5×1 + 1×2 = 11,5"
    assert terms_text(patch, kernel, value, per_row=True) == (
        "0×(−1) + 9×0,5\n+ 5×1 + 1×2\n= 11,5")
    third = np.full((1, 1), 1 / 3)
    assert terms_text(np.ones((1, 1)), third, 1 / 3) == "1×0,333 ≈ 0,33"


@pytest.mark.parametrize("name", list(KERNEL_PRESETS))
@pytest.mark.parametrize("k", [1, 2, 3, 4, 5])
def test_preset_kernels(name, k):
    kernel = preset_kernel(name, k)
    assert kernel.shape == (k, k) and not np.signbit(kernel[kernel == 0]).any()
    total = 1 if name in ("identitas", "blur", "pertajam") else 0
    assert kernel.sum() == pytest.approx(total)
    flat = ops.conv2d(np.full((6, 6), 7.0), kernel)        # daerah rata
    np.testing.assert_allclose(flat, 7.0 * total, atol=1e-9)


def test_pattern_image_and_checks():
    image = pattern_image(7)
    assert image.dtype.kind == "i" and set(np.unique(image)) == {0, 5, 9}
    assert image[1:6, 2].tolist() == [9] * 5
    with pytest.raises(ValueError, match="`size` harus bilangan bulat dari 3 sampai 16"):
        pattern_image(2)
    with pytest.raises(ValueError, match="`name` harus salah satu dari"):
        preset_kernel("tepi")
    with pytest.raises(ValueError, match="`kernel` harus kernel persegi 2-D"):
        check_kernel(np.ones((2, 3)))
    assert check_kernel([[1, 2], [3, 4]]).dtype == float
    assert check_padding("SAME") == "same" and check_padding("valid") == 0
    with pytest.raises(ValueError, match="`padding` harus bilangan bulat 0 sampai 3, 'valid', "
                                         "atau 'same'"):
        check_padding(True)
    blurred = conv_state(image, preset_kernel("blur")).output
    assert decimal(blurred[0, 0]) == decimal(image[:3, :3].mean()) == "2"
