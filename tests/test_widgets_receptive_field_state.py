"""Isi penjelajah medan reseptif: daerah setiap lapisan dibandingkan dengan hitungan kasar.

Rujukannya tidak memakai rumus daerah sama sekali: jaringan kecil dijalankan maju dengan
NumPy (konvolusi berbobot positif dan max pooling sungguhan), lalu setiap piksel masukan
dinaikkan sangat besar satu per satu. Sel terpilih berubah persis bila piksel itu ada di
medan reseptifnya. Satu tes juga membandingkan dengan gradien TensorFlow.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from saraf.widgets.receptive_field_state import (MAX_INPUT, PRESETS, Layer, check_layers,
                                                 field_size, map_sizes, min_input_size,
                                                 receptive_field_state)


# ---------------------------------------------------------------------------
# Rujukan kasar
# ---------------------------------------------------------------------------

def forward(batch, layers, rng):
    """Propagasi maju ``(N, n, n)``: konvolusi berbobot positif acak atau max pooling."""
    x = batch
    for layer in layers:
        k, s = layer.size, layer.stride
        windows = sliding_window_view(x, (k, k), axis=(1, 2))[:, ::s, ::s]
        if layer.kind == "konv":
            x = np.einsum("nijab,ab->nij", windows, rng.uniform(0.5, 1.5, (k, k)))
        else:
            x = windows.max(axis=(3, 4))
    return x


def dependency_mask(layers, n, unit, seed=0):
    """Piksel masukan mana yang mengubah sel ``unit`` bila dinaikkan 10⁶ (satu per satu)."""
    rng = np.random.default_rng(seed)
    base = rng.uniform(0.0, 1.0, (n, n))
    batch = np.repeat(base[None], n * n + 1, axis=0)
    batch[1:].reshape(n * n, n * n)[np.arange(n * n), np.arange(n * n)] += 1e6
    out = forward(batch, layers, np.random.default_rng(seed + 1))
    row, col = unit
    return (np.abs(out[1:, row, col] - out[0, row, col]) > 1e-6).reshape(n, n), out.shape[1:]


def as_mask(region, n):
    mask = np.zeros((n, n), bool)
    mask[region.top:region.top + region.height, region.left:region.left + region.width] = True
    return mask


def assert_regions_match(state, seed=0):
    """Daerah setiap peta (masukan dan peta antara) sama dengan hasil hitungan kasar."""
    for level in range(state.depth + 1):
        n = state.sizes[level]
        mask, shape = dependency_mask(state.layers[level:], n, state.unit, seed)
        assert shape == (state.sizes[-1],) * 2  # ukuran peta terakhir juga cocok
        np.testing.assert_array_equal(as_mask(state.regions[level], n), mask,
                                      err_msg=f"peta ke-{level}, sel {state.unit}")
    assert state.field_size == state.regions[0].height == state.regions[0].width


# ---------------------------------------------------------------------------
# Daerah dan ukuran
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("depth, expected", [(1, 3), (2, 5), (3, 7)])
def test_stacked_3x3_grow_by_two(depth, expected):
    state = receptive_field_state("konv3", 16, depth)
    assert state.field_size == expected  # angka buku teks: 3, 5, 7
    mask, _ = dependency_mask(state.layers, 16, state.unit)
    assert mask.sum() == expected * expected
    assert_regions_match(state)


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("where", ["tengah", "pojok kiri atas", "pojok kanan bawah"])
def test_presets_match_brute_force(preset, where):
    layers = PRESETS[preset][1]
    n = max(min_input_size(layers), 16)
    last = map_sizes(layers, n)[-1] - 1
    row, col = {"tengah": (last // 2, last // 2), "pojok kiri atas": (0, 0),
                "pojok kanan bawah": (last, last)}[where]
    for depth in range(1, len(layers) + 1):
        size = map_sizes(layers[:depth], n)[-1]
        state = receptive_field_state(preset, n, depth, min(row, size - 1), min(col, size - 1))
        assert_regions_match(state)


def test_pool_and_stride_known_sizes():
    # konv 3 (+2) → pool 2 s2 (+1) → konv 3 (+2·2) = 8; tiga konv 3 × 3 stride 2: 1 + 2 + 4 + 8.
    assert receptive_field_state("pool", 16).field_size == 8
    assert receptive_field_state("stride2", 16).field_size == 15
    assert receptive_field_state("konv5", 16).field_size == 13
    assert field_size(check_layers([(5, 1)])) == field_size(check_layers([(3, 1), (3, 1)]))


@settings(max_examples=60, deadline=None)
@given(specs=st.lists(st.tuples(st.sampled_from(["konv", "pool"]), st.integers(1, 4),
                                st.integers(1, 3)).filter(lambda t: t[2] <= t[1]),
                      min_size=1, max_size=3),
       extra=st.integers(0, 6), unit=st.tuples(st.floats(0, 1), st.floats(0, 1)),
       seed=st.integers(0, 5))
def test_any_stack_matches_brute_force(specs, extra, unit, seed):
    layers = check_layers(specs)
    n = min_input_size(layers) + extra
    if n > MAX_INPUT:
        return
    last = map_sizes(layers, n)[-1]
    row, col = (min(int(u * last), last - 1) for u in unit)
    assert_regions_match(receptive_field_state(specs, n, None, row, col), seed)


def test_matches_tensorflow_gradient():
    tf = pytest.importorskip("tensorflow")
    state = receptive_field_state("stride2", 28, 3, 1, 0)
    x = tf.Variable(tf.random.uniform((1, 28, 28, 1), seed=1))
    with tf.GradientTape() as tape:
        y = x
        for layer in state.layers:  # kernel bernilai 1: gradien > 0 di setiap jalur
            y = tf.nn.conv2d(y, tf.ones((layer.size, layer.size, 1, 1)), layer.stride, "VALID")
        target = y[0, state.unit[0], state.unit[1], 0]
    gradient = tape.gradient(target, x).numpy()[0, :, :, 0]
    assert y.shape[1] == state.sizes[-1]
    np.testing.assert_array_equal(gradient > 0, as_mask(state.regions[0], 28))


def test_map_sizes_and_min_input_follow_forward_pass():
    rng = np.random.default_rng(0)
    for key, (_, layers) in PRESETS.items():
        smallest = min_input_size(layers)
        for n in (smallest, smallest + 1, smallest + 5):
            out = forward(np.zeros((1, n, n)), layers, rng)
            assert map_sizes(layers, n)[-1] == out.shape[1] >= 1, key
        assert map_sizes(layers, smallest - 1)[-1] <= 0, key


# ---------------------------------------------------------------------------
# Teks
# ---------------------------------------------------------------------------

def test_formula_and_caption_text():
    state = receptive_field_state("pool", 16, 3, 1, 3)
    assert state.formula == "r = 1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = 8"
    share = f"{100 * 64 / 256:.1f}".replace(".", ",")
    assert state.caption == (f"Sel (baris 1, kolom 3) di peta lapisan ke-3 (5 × 5) bergantung "
                             f"pada 8 × 8 = 64 piksel masukan, yaitu {share}% dari 16 × 16 = "
                             f"256 piksel.")
    region = state.regions[0]
    assert state.lines[-1] == (f"Masukan: daerah 8 × 8 piksel, baris {region.top}–"
                               f"{region.top + 7}, kolom {region.left}–{region.left + 7}")
    assert state.lines[0] == "Peta lapisan ke-3 (konv 3 × 3): sel terpilih, baris 1, kolom 3"
    assert state.lines[1].startswith(
        "Peta lapisan ke-2 (max pool 2 × 2, stride 2): daerah 3 × 3")
    assert state.headline == "Sel (baris 1, kolom 3) di peta lapisan ke-3 melihat 8 × 8 piksel " \
                             "masukan."
    assert [state.map_title(i) for i in range(4)] == [
        "Masukan 16 × 16", "Lapisan ke-1: 14 × 14", "Lapisan ke-2: 7 × 7",
        "Lapisan ke-3: 5 × 5"]


def test_caption_uses_thousands_and_decimal_comma():
    state = receptive_field_state([("konv", 7, 1)] * 3, 32, 3)
    assert state.field_size == 19
    assert "19 × 19 = 361 piksel" in state.caption
    assert "32 × 32 = 1.024 piksel" in state.caption
    assert f"{100 * 361 / 1024:.1f}".replace(".", ",") + "%" in state.caption


def test_layer_forms_are_equivalent():
    expected = (Layer("konv", 3, 1), Layer("pool", 2, 2))
    assert check_layers([(3, 1), ("pool", 2, 2)]) == expected
    assert check_layers(list(expected)) == expected
    assert check_layers("pool") == PRESETS["pool"][1]
    assert Layer("pool", 2, 2).label == "max pool 2 × 2, stride 2"
    assert Layer("konv", 3, 1).label == "konv 3 × 3"


# ---------------------------------------------------------------------------
# Masukan yang salah: pesan berbahasa Indonesia
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, kind, words", [
    ({"layers": "vgg"}, ValueError, "`layers` harus salah satu dari 'konv3'"),
    ({"layers": []}, ValueError, "daftar 1 sampai 3 lapisan"),
    ({"layers": [(3, 1)] * 4}, ValueError, "daftar 1 sampai 3 lapisan"),
    ({"layers": [("konvolusi", 3, 1)]}, ValueError, "`layers[0] jenis` harus 'konv' atau 'pool'"),
    ({"layers": [(3, 1), ("pool", 0, 2)]}, ValueError,
     "`layers[1] ukuran` harus bilangan bulat dari 1 sampai 7"),
    ({"layers": [(3, 1, 2, 4)]}, ValueError, "(jenis, ukuran, stride)"),
    ({"layers": [("konv", 1, 2)]}, ValueError,
     "`layers[0] stride` harus ≤ ukuran jendela (1)"),
    ({"layers": [("konv", 1, 2)]}, ValueError, "medan reseptifnya berlubang"),
    ({"layers": [3]}, ValueError, "`layers[0]` harus (jenis, ukuran, stride)"),
    ({"input_size": 6}, ValueError, "`input_size` harus bilangan bulat ≥ 7"),
    ({"input_size": 6}, ValueError, "butuh masukan paling kecil 7 × 7"),
    ({"input_size": 40}, ValueError, "`input_size` harus bilangan bulat dari 1 sampai 32"),
    ({"input_size": "16"}, TypeError, "`input_size` harus bilangan bulat"),
    ({"depth": 4}, ValueError, "`depth` harus bilangan bulat dari 1 sampai 3"),
    ({"depth": 0}, ValueError, "`depth` harus bilangan bulat dari 1 sampai 3"),
    ({"row": 10}, ValueError, "`row` harus bilangan bulat dari 0 sampai 9"),
    ({"col": -1}, ValueError, "`col` harus bilangan bulat dari 0 sampai 9"),
])
def test_bad_input_gives_indonesian_error(kwargs, kind, words):
    with pytest.raises(kind) as info:
        receptive_field_state(**kwargs)
    assert words in str(info.value)
    assert "tetapi yang diberikan" in str(info.value)


def test_stride_larger_than_window_would_leave_holes():
    # Alasan penolakan di atas, diperiksa dengan hitungan kasar: konv 1 × 1 stride 2 lalu
    # konv 2 × 2 melihat piksel (0, 0), (0, 2), (2, 0), (2, 2) saja, bukan kotak 3 × 3.
    mask, _ = dependency_mask([Layer("konv", 1, 2), Layer("konv", 2, 1)], 5, (0, 0))
    assert mask.sum() == 4 and mask[0, 0] and mask[2, 2] and not mask[1, 1]


def test_smaller_depth_needs_smaller_input():
    # Satu konvolusi 3 × 3 muat di masukan 3 × 3, tiga konvolusi tidak.
    assert receptive_field_state("konv3", 3, 1).sizes == [3, 1]
    with pytest.raises(ValueError, match="≥ 7"):
        receptive_field_state("konv3", 3, 3)


def test_state_module_needs_no_widgets():
    code = ("import sys, saraf.widgets.receptive_field_state; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'ipywidgets', 'matplotlib', 'tensorflow'}))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert shown == "[]"
