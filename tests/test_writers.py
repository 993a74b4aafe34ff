"""Tes `saraf.writers`: angka UCI bawaan (checksum, isi) dan `as_photo` (gambar "foto")."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import sys

import numpy as np
import pytest

from saraf import data, writers
from saraf.preprocess import center_of_mass, to_mnist

# Banyaknya angka per kelas di data uji UCI (optdigits.tes), menurut halaman data UCI.
UCI_TEST_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
FILENAME = data.EMBEDDED_FILES["uci_digits"][0]


# ---------------------------------------------------------------------------
# Data bawaan
# ---------------------------------------------------------------------------


def test_shapes_types_and_label_counts():
    images, labels = writers.load_other_writers()
    assert images.shape == (1797, 8, 8) and images.dtype == np.uint8
    assert labels.shape == (1797,) and labels.dtype == np.uint8
    assert images.min() == 0 and images.max() == 16
    assert np.bincount(labels, minlength=10).tolist() == UCI_TEST_COUNTS
    assert writers.N_DIGITS == len(labels)


def test_same_digits_as_scikit_learn():
    datasets = pytest.importorskip("sklearn.datasets", reason="scikit-learn tidak terpasang")
    digits = datasets.load_digits()
    images, labels = writers.load_other_writers()
    np.testing.assert_array_equal(images, digits.images)
    np.testing.assert_array_equal(labels, digits.target)


def test_arrays_are_fresh_copies():
    images, labels = writers.load_other_writers()
    images[0], labels[0] = 0, 9
    again, again_labels = writers.load_other_writers()
    assert again[0].any() and again_labels[0] == 0


def test_module_needs_neither_scikit_learn_nor_tensorflow():
    code = ("import sys, saraf.writers as w; w.load_other_writers(); "
            "print(sorted(m for m in ('sklearn', 'tensorflow', 'keras') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def test_altered_file_names_the_file(data_copy):
    file = data_copy / FILENAME
    raw = bytearray(file.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    file.write_bytes(bytes(raw))
    with pytest.raises(data.CorruptDataError, match=rf"{re.escape(FILENAME)} rusak atau berubah"):
        writers.load_other_writers()
    assert data.check_embedded() == [FILENAME]


def test_truncated_file_names_the_file(data_copy):
    file = data_copy / FILENAME
    file.write_bytes(file.read_bytes()[:1000])
    with pytest.raises(data.CorruptDataError, match=rf"{re.escape(FILENAME)} rusak"):
        writers.load_other_writers()


def test_missing_file(data_copy):
    (data_copy / FILENAME).unlink()
    with pytest.raises(FileNotFoundError, match=rf"tidak ditemukan: .*{re.escape(FILENAME)}"):
        writers.load_other_writers()
    assert data.check_embedded() == [FILENAME]


def _npz_bytes(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


@pytest.mark.parametrize("arrays", [
    {"images": np.zeros((1797, 8, 8), np.uint8)},  # label tidak ada
    {"images": np.zeros((10, 8, 8), np.uint8), "labels": np.zeros(10, np.uint8)},
    {"images": np.full((1797, 8, 8), 17, np.uint8), "labels": np.zeros(1797, np.uint8)},
    {"images": np.zeros((1797, 8, 8), np.float64), "labels": np.zeros(1797, np.uint8)},
])
def test_wrong_content_is_rejected_even_with_matching_checksum(data_copy, monkeypatch, arrays):
    raw = _npz_bytes(**arrays)
    (data_copy / "lain.npz").write_bytes(raw)
    table = dict(data.EMBEDDED_FILES)
    table["uci_digits"] = ("lain.npz", hashlib.sha256(raw).hexdigest())
    monkeypatch.setattr(data, "EMBEDDED_FILES", table)
    with pytest.raises(data.CorruptDataError, match=r"lain\.npz: tidak berisi array `images`"):
        writers.load_other_writers()


# ---------------------------------------------------------------------------
# as_photo: angka 8 × 8 → foto kertas bertulisan
# ---------------------------------------------------------------------------


def test_as_photo_shape_margin_and_ink_levels():
    for value in range(17):  # nilai tetap → seluruh bagian dalam satu tingkat abu-abu
        page = writers.as_photo(np.full((8, 8), value), size=64, margin=16)
        assert page.shape == (96, 96) and page.dtype == np.uint8
        assert np.all(page[16:80, 16:80] == round(255 - value * 255 / 16))
        page[16:80, 16:80] = 255
        assert np.all(page == 255)  # margin: kertas putih
    assert writers.as_photo(np.zeros((8, 8)), size=8, margin=0).shape == (8, 8)
    assert writers.as_photo(np.zeros((8, 8))).shape == (96, 96)  # bawaan: 64 + 2 · 16


def test_as_photo_keeps_orientation_and_interpolates():
    digit = np.zeros((8, 8))
    digit[1, 2] = 16  # satu titik tinta di baris 1, kolom 2
    page = writers.as_photo(digit, size=64, margin=0).astype(int)
    row, col = np.unravel_index(np.argmin(page), page.shape)
    assert 8 <= row < 16 and 16 <= col < 24  # sel ke-(1, 2), diperbesar 8 kali
    assert page.min() < 40  # pusat sel hampir hitam
    assert len(np.unique(page)) > 10  # bilinear: banyak tingkat abu-abu, bukan kotak-kotak
    assert page[0, 63] == 255 and page[63, 0] == 255


def test_as_photo_same_for_uint8_and_float_input():
    images, _ = writers.load_other_writers()
    for image in images[:20]:
        np.testing.assert_array_equal(writers.as_photo(image),
                                      writers.as_photo(image.astype(np.float64)))


def test_rendered_bar_becomes_an_mnist_like_stroke():
    bar = np.zeros((8, 8))
    bar[1:7, 3:5] = 16  # garis tegak: angka 1 yang sederhana
    mnist = to_mnist(writers.as_photo(bar))
    assert mnist.shape == (28, 28) and mnist.max() == pytest.approx(1.0)
    rows = np.flatnonzero(mnist.max(axis=1) > 0.5)
    cols = np.flatnonzero(mnist.max(axis=0) > 0.5)
    assert rows[-1] - rows[0] + 1 >= 18 and cols[-1] - cols[0] + 1 <= 10  # tinggi, ramping
    row, col = center_of_mass(mnist)
    assert abs(row - 14) <= 1 and abs(col - 14) <= 1


@pytest.mark.parametrize("bad, words", [
    (np.zeros((8, 7)), r"`image` harus satu angka UCI berbentuk \(8, 8\)"),
    (np.zeros((3, 8, 8)), r"berbentuk \(8, 8\).*ambil images\[0\]"),
    (np.full((8, 8), 17), r"`image` harus array 8 × 8 bernilai 0 sampai 16.*bukan piksel 0–255"),
    (np.full((8, 8), -1), r"`image` harus array 8 × 8 bernilai 0 sampai 16"),
    (np.full((8, 8), np.nan), r"`image` harus hanya berisi bilangan berhingga"),
])
def test_as_photo_rejects_bad_input_in_indonesian(bad, words):
    with pytest.raises(ValueError, match=words):
        writers.as_photo(bad)


def test_as_photo_rejects_text_and_bad_sizes():
    with pytest.raises(TypeError, match="`image` harus array berisi bilangan real"):
        writers.as_photo(np.full((8, 8), "a"))
    with pytest.raises(ValueError, match="`size` harus bilangan bulat ≥ 8"):
        writers.as_photo(np.zeros((8, 8)), size=4)
    with pytest.raises(ValueError, match="`margin` harus bilangan bulat ≥ 0"):
        writers.as_photo(np.zeros((8, 8)), margin=-1)
