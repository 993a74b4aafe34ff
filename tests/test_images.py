"""Tes `saraf.images`: membuka berkas, isi berkas, gambar PIL, dan array menjadi grayscale 0–1,
serta galat untuk masukan buruk (berkas rusak, bom dekompresi, array salah bentuk)."""

from __future__ import annotations

import ast
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from _image_testing import line_image, png_bytes
from saraf import images


def test_module_imports_only_numpy_and_pillow():
    tree = ast.parse(Path(images.__file__).read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "io", "os", "re", "warnings", "pathlib", "numpy", "PIL",
                        "saraf.validation"}, imported


# ---------------------------------------------------------------------------
# Langkah 1: grayscale, semua mode
# ---------------------------------------------------------------------------


def test_grayscale_from_l_rgb_and_path(tmp_path):
    image = line_image()
    gray = images.to_grayscale(image)
    assert gray.shape == (200, 200) and gray.dtype == np.float32
    np.testing.assert_allclose(gray, np.asarray(image) / 255, atol=1e-6)
    rgb = image.convert("RGB")
    np.testing.assert_allclose(images.to_grayscale(rgb), gray, atol=1e-6)
    path = tmp_path / "angka.png"
    image.save(path)
    np.testing.assert_allclose(images.to_grayscale(path), gray, atol=1e-6)
    np.testing.assert_allclose(images.to_grayscale(str(path)), gray, atol=1e-6)
    np.testing.assert_allclose(images.to_grayscale(path.read_bytes()), gray, atol=1e-6)


def test_grayscale_luminance_matches_pillow():
    rng = np.random.default_rng(0)
    rgb = rng.integers(0, 256, (20, 30, 3), dtype=np.uint8)
    expected = np.asarray(Image.fromarray(rgb).convert("L")) / 255
    np.testing.assert_allclose(images.to_grayscale(rgb), expected, atol=1 / 255 + 1e-6)


@pytest.mark.parametrize("ink, background", [((0, 0, 0), 1.0), ((20, 40, 140), 1.0),
                                             ((255, 255, 255), 0.0)])
def test_rgba_transparent_background_counts_as_background(ink, background):
    rgba = np.zeros((50, 50, 4), dtype=np.uint8)  # seluruhnya transparan (RGB = 0, hitam!)
    rgba[..., :3] = ink
    rgba[10:40, 20:26, 3] = 255
    gray = images.to_grayscale(Image.fromarray(rgba))
    assert gray[0, 0] == pytest.approx(background)
    assert images.to_grayscale(rgba)[0, 0] == pytest.approx(background)


def test_opaque_rgba_is_plain_luminance():
    rgba = np.full((10, 10, 4), 255, dtype=np.uint8)
    rgba[..., :3] = 100
    np.testing.assert_allclose(images.to_grayscale(rgba), 100 / 255, atol=1e-6)


def test_palette_with_and_without_transparency():
    image = line_image(mode="L").convert("P")
    np.testing.assert_allclose(images.to_grayscale(image), images.to_grayscale(line_image()),
                               atol=1e-6)
    transparent = Image.new("P", (60, 60), 0)
    transparent.putpalette([0, 0, 0, 10, 10, 10] + [0] * 762)
    ImageDraw.Draw(transparent).rectangle((25, 10, 32, 50), fill=1)
    transparent.info["transparency"] = 0  # indeks 0 (hitam) = transparan
    gray = images.to_grayscale(transparent)
    assert gray[0, 0] == pytest.approx(1.0)  # latar transparan, tinta gelap → latar putih
    assert gray[30, 28] < 0.1


def test_sixteen_bit_and_other_modes(tmp_path):
    array16 = np.full((40, 40), 60000, dtype=np.uint16)
    array16[5:35, 18:23] = 1000
    image16 = Image.fromarray(array16)
    assert image16.mode.startswith("I;16")
    gray = images.to_grayscale(image16)
    assert gray[0, 0] == pytest.approx(60000 / 65535)
    path = tmp_path / "enam_belas_bit.png"
    image16.save(path)
    with Image.open(path) as reopened:
        assert reopened.mode in ("I;16", "I")
    np.testing.assert_allclose(images.to_grayscale(path), gray, atol=1e-4)
    np.testing.assert_allclose(images.to_grayscale(array16), gray, atol=1e-6)
    binary = line_image().convert("1")
    assert set(np.unique(images.to_grayscale(binary))) <= {0.0, 1.0}
    floating = Image.fromarray(np.asarray(line_image(), dtype=np.float32) / 255)
    assert floating.mode == "F"
    np.testing.assert_allclose(images.to_grayscale(floating), images.to_grayscale(line_image()))
    la = line_image().convert("LA")
    np.testing.assert_allclose(images.to_grayscale(la), images.to_grayscale(line_image()),
                               atol=1e-6)
    cmyk = line_image().convert("CMYK")
    assert images.to_grayscale(cmyk).shape == (200, 200)


def test_exif_orientation_is_applied():
    image = Image.new("L", (60, 30), 255)  # tersimpan mendatar, ditampilkan tegak
    image.paste(0, (0, 0, 10, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # putar 90° searah jarum jam saat ditampilkan
    data = png_bytes(image, fmt="JPEG", exif=exif.tobytes())
    assert images.to_grayscale(data).shape == (60, 30)


def test_array_inputs():
    gray = np.asarray(line_image())
    expected = gray / 255
    np.testing.assert_allclose(images.to_grayscale(gray), expected, atol=1e-6)
    np.testing.assert_allclose(images.to_grayscale(gray[..., None]), expected, atol=1e-6)
    np.testing.assert_allclose(images.to_grayscale(gray.astype(np.int64)), expected, atol=1e-6)
    np.testing.assert_allclose(images.to_grayscale(expected), expected, atol=1e-6)
    np.testing.assert_allclose(images.to_grayscale(gray > 127), gray > 127)
    la = np.stack([gray, np.full_like(gray, 255)], axis=-1)
    np.testing.assert_allclose(images.to_grayscale(la), expected, atol=1e-6)


# ---------------------------------------------------------------------------
# Masukan buruk → galat berbahasa Indonesia
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("value, fragment", [
    (None, "path berkas gambar"), (42, "path berkas gambar"),
    ([[0, 1], [1, 0]], "np.array"), (np.zeros(784), "reshape(28, 28)"),
    (np.zeros((1, 28, 28, 1)), "image[0]"), (np.zeros((3, 28, 28)), "np.moveaxis"),
    (np.zeros((28, 28, 5)), "(tinggi, lebar)"), (np.zeros((0, 28)), "minimal 1 piksel"),
    (np.array([["a"]]), "berisi angka"), (np.zeros((5, 5), dtype=complex), "berisi angka"),
    (np.full((5, 5), np.nan), "berhingga"), (np.full((5, 5), 255.0), "bagi dulu dengan 255"),
    (np.full((5, 5), -1), "0 sampai 255"), (np.full((5, 5), 300), "0 sampai 255"),
])
def test_bad_inputs_raise_indonesian_value_error(value, fragment):
    with pytest.raises(ValueError) as info:
        images.to_grayscale(value)
    assert "`image`" in str(info.value) and "harus" in str(info.value)
    assert fragment.lower() in str(info.value).lower()


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="tidak ditemukan"):
        images.to_grayscale(tmp_path / "tidak_ada.png")
    with pytest.raises(ValueError, match="folder"):
        images.to_grayscale(tmp_path)


def test_non_image_and_corrupt_files_name_the_file(tmp_path):
    text = tmp_path / "catatan.txt"
    text.write_text("ini bukan gambar")
    with pytest.raises(ValueError, match=r"catatan\.txt' bukan gambar"):
        images.to_grayscale(text)
    data = png_bytes(line_image())
    truncated = tmp_path / "terpotong.png"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match=r"terpotong\.png' rusak atau terpotong"):
        images.to_grayscale(truncated)
    broken_jpeg = tmp_path / "foto_rusak.jpg"
    jpeg = png_bytes(line_image(), fmt="JPEG")
    broken_jpeg.write_bytes(jpeg[:200])
    with pytest.raises(ValueError, match=r"foto_rusak\.jpg' rusak"):
        images.to_grayscale(broken_jpeg)
    with pytest.raises(ValueError, match="bukan gambar"):
        images.to_grayscale(b"halo, saya bukan gambar")
    with pytest.raises(ValueError, match="kosong"):
        images.to_grayscale(b"")


def _png_header_only(width: int, height: int) -> bytes:
    """PNG yang mengaku berukuran width × height (header saja): bom dekompresi mini."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def test_decompression_bomb_with_pillows_real_limit(tmp_path):
    bomb = tmp_path / "bom.png"
    bomb.write_bytes(_png_header_only(50_000, 50_000))  # 2,5 miliar piksel, berkas ±100 bait
    assert bomb.stat().st_size < 200
    with pytest.raises(ValueError) as info:
        images.to_grayscale(bomb)
    message = str(info.value)
    assert "bom.png" in message and "bom dekompresi" in message
    assert "2500000000 piksel" in message and str(Image.MAX_IMAGE_PIXELS) in message
    with pytest.raises(ValueError, match="bom dekompresi"):
        images.to_grayscale(bomb.read_bytes())


def test_decompression_bomb_warning_zone_and_arrays(tmp_path, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    warning_zone = tmp_path / "sedang.png"
    Image.new("L", (40, 40), 255).save(warning_zone)  # 1.600 piksel: di atas batas, < 2×
    with pytest.raises(ValueError, match="melebihi batas Pillow 1000 piksel"):
        images.to_grayscale(warning_zone)
    with pytest.raises(ValueError, match="bom dekompresi"):
        images.to_grayscale(Image.new("L", (40, 40), 255))
    with pytest.raises(ValueError, match="bom dekompresi"):
        images.to_grayscale(np.zeros((40, 40), dtype=np.uint8))
    images.to_grayscale(np.zeros((30, 30), dtype=np.uint8))  # di bawah batas: tidak apa-apa


def test_no_limit_when_pillow_limit_is_disabled(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    assert images.to_grayscale(np.zeros((30, 30), dtype=np.uint8)).shape == (30, 30)


@pytest.mark.parametrize("array, expected", [
    (np.array([[0, 255]], np.uint8), [[0.0, 1.0]]),
    (np.array([[0, 65535]], np.uint16), [[0.0, 1.0]]),
    (np.array([[False, True]]), [[0.0, 1.0]]),
    (np.array([[0.25, 1.0]]), [[0.25, 1.0]]),
    (np.array([[0, 51]], np.int64), [[0.0, 0.2]]),
])
def test_unit_pixels_scales_every_dtype_to_0_1(array, expected):
    values = images.unit_pixels("image", array)
    assert values.dtype == np.float32
    np.testing.assert_allclose(values, expected, rtol=1e-6)


def test_load_image_says_where_the_image_came_from(tmp_path):
    path = tmp_path / "angka.png"
    line_image().save(path)
    loaded, where = images.load_image(path)
    assert isinstance(loaded, Image.Image) and where == f"Berkas '{path}'"
    assert images.load_image(np.zeros((2, 2)))[1] == "array yang diberikan"
    assert images.load_image(png_bytes(line_image()))[1] == "gambar yang diberikan"
