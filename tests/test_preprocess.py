"""Tes `saraf.preprocess`: setiap langkah, setiap masukan buruk, dan gambar seperti buatan pengguna.

Membuka berkas dan array menjadi grayscale (langkah 1) diuji di test_images.py."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from _image_testing import line_image, png_bytes
from saraf import images
from saraf import preprocess as pp
from saraf.data import load_mnist
from saraf.preprocess import NoInkError

ROOT = Path(__file__).resolve().parents[1]
HANDWRITING = ROOT / "assets" / "handwriting"
SAMPLE = ROOT / "assets" / "3-sample.png"
CNN_PATH = ROOT / "assets" / "cnn_mnist.keras"
MLP_PATH = ROOT / "assets" / "mlp_784_30_10.npz"


def _labels() -> dict:
    spec = importlib.util.spec_from_file_location("make_images", HANDWRITING / "make_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.LABELS


LABELS = _labels()


@pytest.fixture(scope="module")
def mnist_test():
    (_, _), (x_test, y_test) = load_mnist()
    return x_test, y_test


def digit_canvas(height=300, width=400, top=40, left=60, box=(120, 60), value=0.0,
                 background=1.0) -> np.ndarray:
    """Kanvas float berisi persegi panjang 'tinta' (tinggi, lebar) = box."""
    canvas = np.full((height, width), background, dtype=np.float32)
    canvas[top:top + box[0], left:left + box[1]] = value
    return canvas


def assert_mnist_like(result):
    assert result.shape == (28, 28) and result.dtype == np.float32
    assert result.min() >= 0 and result.max() == pytest.approx(1.0)
    rows = np.flatnonzero(result.max(axis=1) > 0.1)
    cols = np.flatnonzero(result.max(axis=0) > 0.1)
    longest = max(rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1)
    assert 18 <= longest <= 20, "sisi terpanjang angka ±20 piksel"
    com = pp.center_of_mass(result)
    assert abs(com[0] - 14) <= 1.0 and abs(com[1] - 14) <= 1.0, com
    assert np.median(np.concatenate([result[0], result[-1], result[:, 0], result[:, -1]])) == 0


# ---------------------------------------------------------------------------
# Masukan buruk → galat berbahasa Indonesia
# ---------------------------------------------------------------------------


def test_to_grayscale_is_the_one_from_saraf_images():
    assert pp.to_grayscale is images.to_grayscale


def test_to_mnist_passes_on_loading_errors(tmp_path):
    # Persis pesan yang ditampilkan notebook 15.
    with pytest.raises(ValueError) as info:
        pp.to_mnist(np.zeros((1, 28, 28, 1)))
    assert str(info.value) == (
        "`image` harus array gambar berbentuk (tinggi, lebar) atau (tinggi, lebar, kanal) "
        "dengan 1, 3 (RGB), atau 4 (RGBA) kanal, tetapi yang diberikan: array berbentuk "
        "(1, 28, 28, 1) bertipe float64. Itu batch berisi satu gambar: ambil gambarnya "
        "dengan image[0].")
    with pytest.raises(ValueError, match="^Data berkas yang diberikan bukan gambar"):
        pp.to_mnist(b"ini teks, bukan gambar")
    with pytest.raises(FileNotFoundError, match="tidak ditemukan"):
        pp.to_mnist(tmp_path / "tidak_ada.png")


def test_transparent_and_sixteen_bit_images_become_mnist_like():
    rgba = np.zeros((50, 50, 4), dtype=np.uint8)  # tinta hitam di kanvas transparan
    rgba[10:40, 20:26, 3] = 255
    assert_mnist_like(pp.to_mnist(Image.fromarray(rgba)))
    transparent = Image.new("P", (60, 60), 0)
    transparent.putpalette([0, 0, 0, 10, 10, 10] + [0] * 762)
    ImageDraw.Draw(transparent).rectangle((25, 10, 32, 50), fill=1)
    transparent.info["transparency"] = 0
    assert_mnist_like(pp.to_mnist(transparent))
    array16 = np.full((40, 40), 60000, dtype=np.uint16)
    array16[5:35, 18:23] = 1000
    assert_mnist_like(pp.to_mnist(Image.fromarray(array16)))


@pytest.mark.parametrize("blank", [
    np.zeros((280, 280), dtype=np.uint8), np.full((280, 280), 255, dtype=np.uint8),
    np.zeros((280, 280, 4), dtype=np.uint8), np.full((50, 50), 0.5),
    np.random.default_rng(0).random((100, 100)),
])
def test_empty_canvas_and_uniform_images_have_no_ink(blank):
    with pytest.raises(NoInkError, match="Tidak ada tinta"):
        pp.to_mnist(blank)
    assert issubclass(NoInkError, ValueError)


def test_blank_photo_of_paper_has_no_ink(tmp_path):
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:300:1, 0:400:1]
    paper = 0.95 - 0.15 * xx / 400 - 0.1 * yy / 300 + rng.normal(0, 0.02, (300, 400))
    path = tmp_path / "kertas_kosong.jpg"
    Image.fromarray((np.clip(paper, 0, 1) * 255).astype(np.uint8)).save(path, quality=75)
    with pytest.raises(NoInkError, match="kertas_kosong.jpg"):
        pp.to_mnist(path)


# ---------------------------------------------------------------------------
# Langkah 2–7
# ---------------------------------------------------------------------------


def test_background_detection_and_inversion():
    light = digit_canvas()
    assert pp.background_level(light) == pytest.approx(1.0)
    assert pp.has_light_background(light)
    inverted = pp.invert_if_light_background(light)
    np.testing.assert_allclose(inverted, 1 - light)
    dark = 1 - light
    assert not pp.has_light_background(dark)
    np.testing.assert_array_equal(pp.invert_if_light_background(dark), dark)
    # Angka yang menyentuh tepi tidak mengecoh median tepi.
    touching = digit_canvas(top=0, box=(300, 60))
    assert pp.has_light_background(touching)
    assert pp.invert_if_light_background(np.asarray(line_image())).max() == pytest.approx(1.0)


def test_step_functions_reject_non_2d_input():
    for step in (pp.invert_if_light_background, pp.remove_background, pp.crop_to_ink,
                 pp.fit_in_box, pp.center_by_mass, pp.normalize, pp.ink_bounding_box):
        with pytest.raises(ValueError, match=r"grayscale berbentuk \(H, W\).*to_grayscale"):
            step(np.zeros((28, 28, 3)))
        with pytest.raises(ValueError, match=r"\(H, W\)"):
            step(np.zeros((2, 28, 28, 1)))
        with pytest.raises(ValueError, match="to_grayscale"):
            step("angka.png")


def test_remove_background_flattens_noisy_paper():
    rng = np.random.default_rng(2)
    dark = 0.15 + rng.normal(0, 0.03, (200, 200)).astype(np.float32)
    dark[50:150, 95:105] = 0.9
    dark = np.clip(dark, 0, 1)
    clean = pp.remove_background(dark)
    assert clean.max() == pytest.approx(1.0)
    assert np.mean(clean[:40] == 0) > 0.99  # latar berderau → 0
    assert clean[100, 100] > 0.95


def test_threshold_is_robust_to_paper_noise():
    rng = np.random.default_rng(3)
    image = np.clip(0.1 + rng.normal(0, 0.05, (300, 300)), 0, 1).astype(np.float32)
    image[100:200, 140:150] = 0.8
    threshold = pp.ink_threshold(image)
    assert 0.1 + 4 * 0.05 < threshold < 0.8
    assert pp.ink_bounding_box(image) == (100, 200, 140, 150)


def test_bounding_box_ignores_isolated_specks_but_keeps_thin_lines():
    image = np.zeros((100, 100), dtype=np.float32)
    image[30:70, 50] = 1.0  # garis setipis 1 piksel
    image[5, 5] = image[90, 95] = 1.0  # dua bintik debu terpencil
    assert pp.ink_bounding_box(image) == (30, 70, 50, 51)
    mask = pp.ink_mask(image)
    assert mask.sum() == 40 and not mask[5, 5]
    diagonal = np.eye(40, dtype=np.float32)
    assert pp.ink_bounding_box(diagonal) == (0, 40, 0, 40)
    assert pp.crop_to_ink(image).shape == (40, 1)


def test_bounding_box_slicing_convention_and_threshold_argument():
    image = np.zeros((50, 60), dtype=np.float32)
    image[10:20, 30:45] = 0.6
    image[12:18, 33:40] = 1.0
    top, bottom, left, right = pp.ink_bounding_box(image)
    assert (top, bottom, left, right) == (10, 20, 30, 45)
    assert image[top:bottom, left:right].shape == (10, 15)
    assert pp.ink_bounding_box(image, threshold=0.8) == (12, 18, 33, 40)
    for bad, kind in ((1.5, ValueError), (-0.1, ValueError), (np.nan, ValueError),
                      ("0.5", TypeError), (True, TypeError)):
        with pytest.raises(kind, match="`threshold`"):
            pp.ink_bounding_box(image, threshold=bad)
    with pytest.raises(NoInkError):
        pp.ink_bounding_box(image * 0.5, threshold=0.9)


@pytest.mark.parametrize("shape, expected", [((100, 20), (20, 4)), ((20, 100), (4, 20)),
                                             ((10, 10), (20, 20)), ((400, 3), (20, 1)),
                                             ((7, 14), (10, 20))])
def test_fit_in_box_keeps_aspect_ratio(shape, expected):
    crop = np.ones(shape, dtype=np.float32)
    fitted = pp.fit_in_box(crop)
    assert fitted.shape == expected and fitted.dtype == np.float32
    assert 0 <= fitted.min() and fitted.max() <= 1


def test_fit_in_box_size_argument():
    assert pp.fit_in_box(np.ones((50, 25), dtype=np.float32), size=10).shape == (10, 5)
    for bad, kind in ((0, ValueError), (2.5, ValueError), (1025, ValueError),
                      ("20", TypeError), (True, TypeError)):
        with pytest.raises(kind, match="`size` harus bilangan bulat dari 1 sampai 1024"):
            pp.fit_in_box(np.ones((5, 5)), size=bad)


def test_center_of_mass():
    image = np.zeros((10, 10))
    image[2, 3] = 0.25
    image[4, 7] = 0.75
    assert pp.center_of_mass(image) == pytest.approx((3.5, 6.0))
    with pytest.raises(NoInkError):
        pp.center_of_mass(np.zeros((5, 5)))


def test_center_by_mass_puts_mass_at_14_14():
    digit = np.zeros((14, 12), dtype=np.float32)
    digit[:4, :] = 1.0  # sebagian besar massa di atas
    digit[:, 5] = 1.0
    centered = pp.center_by_mass(digit)
    assert centered.shape == (28, 28) and centered.dtype == np.float32
    assert centered.sum() == pytest.approx(digit.sum())
    row, col = pp.center_of_mass(centered)
    assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5
    # Pusat massa jauh di pojok: geseran dibatasi agar angka tidak terpotong.
    corner = np.zeros((20, 20), dtype=np.float32)
    corner[0, 0] = 1.0
    corner[19, 19] = 0.01
    assert pp.center_by_mass(corner).sum() == pytest.approx(corner.sum())
    with pytest.raises(ValueError, match="fit_in_box"):
        pp.center_by_mass(np.ones((30, 10)))


def test_normalize():
    image = np.zeros((28, 28), dtype=np.float32)
    image[10, 10] = 0.5
    image[11, 11] = 0.25
    result = pp.normalize(image)
    assert result.max() == pytest.approx(1.0) and result[11, 11] == pytest.approx(0.5)
    assert result.dtype == np.float32
    with pytest.raises(NoInkError):
        pp.normalize(np.zeros((28, 28)))


def test_steps_compose_to_to_mnist():
    path = HANDWRITING / "tidak_di_tengah.png"
    steps = pp.to_mnist_steps(path)
    assert list(steps) == ["grayscale", "dibalik", "latar_dibuang", "dipotong", "kotak_20",
                           "dipusatkan", "mnist"]
    manual = pp.normalize(pp.center_by_mass(pp.fit_in_box(pp.crop_to_ink(
        pp.remove_background(pp.invert_if_light_background(pp.to_grayscale(path)))))))
    np.testing.assert_array_equal(manual, pp.to_mnist(path))
    np.testing.assert_array_equal(steps["mnist"], manual)
    assert max(steps["kotak_20"].shape) == 20


# ---------------------------------------------------------------------------
# to_mnist: sifat menyeluruh
# ---------------------------------------------------------------------------


def test_mnist_digits_pass_through_almost_unchanged(mnist_test):
    x_test, _ = mnist_test
    for image in x_test[:50]:
        result = pp.to_mnist(image)
        assert np.abs(result - image / 255).mean() < 0.03


def test_invariant_to_polarity_position_and_scale(mnist_test):
    x_test, _ = mnist_test
    digit = x_test[3].astype(np.float32) / 255
    reference = pp.to_mnist(digit)
    big = np.asarray(Image.fromarray(digit).resize((140, 140), Image.Resampling.BILINEAR))
    canvas = np.zeros((300, 400), dtype=np.float32)
    canvas[150:290, 10:150] = np.clip(big, 0, 1)
    for variant in (1 - digit, canvas, 1 - canvas):
        result = pp.to_mnist(variant)
        assert_mnist_like(result)
        assert np.abs(result - reference).mean() < 0.05


def test_naive_path_keeps_white_background():
    naive = pp.naive_to_mnist(SAMPLE)
    assert naive.shape == (28, 28) and naive.dtype == np.float32
    assert naive.mean() > 0.7  # latar putih ≈ 1: kebalikan MNIST
    assert_mnist_like(pp.to_mnist(SAMPLE))
    assert pp.to_mnist(SAMPLE).mean() < 0.3


def test_large_photo_is_shrunk_first():
    # Foto besar diperkecil dulu ke MAX_SIDE (itu yang membuatnya cepat; tes ini tanpa waktu).
    photo = np.full((3000, 4000), 230, dtype=np.uint8)
    photo[800:2200, 1800:1950] = 30
    result = pp.to_mnist(photo)
    assert_mnist_like(result)
    assert max(pp.to_mnist_steps(photo)["grayscale"].shape) == pp.MAX_SIDE


@settings(max_examples=40, deadline=None)
@given(height=st.integers(40, 400), width=st.integers(40, 400),
       top=st.floats(0, 0.6), left=st.floats(0, 0.6), scale=st.floats(0.2, 0.4),
       stroke=st.integers(1, 12), light=st.booleans())
def test_random_strokes_always_mnist_like(height, width, top, left, scale, stroke, light):
    image = Image.new("L", (width, height), 255 if light else 0)
    draw = ImageDraw.Draw(image)
    side = scale * min(height, width)
    x0, y0 = left * width, top * height
    draw.line([(x0, y0), (x0 + side, y0), (x0 + side * 0.4, y0 + 2 * side)],
              fill=0 if light else 255, width=stroke)
    result = pp.to_mnist(image)
    assert result.shape == (28, 28) and result.dtype == np.float32
    assert 0 <= result.min() and result.max() == pytest.approx(1.0)
    row, col = pp.center_of_mass(result)
    assert abs(row - 14) <= 2 and abs(col - 14) <= 2


# ---------------------------------------------------------------------------
# Gambar seperti buatan pengguna (assets/handwriting) dengan model tersimpan
# ---------------------------------------------------------------------------


def test_handwriting_assets_exist_and_are_varied():
    names = sorted(p.name for p in HANDWRITING.iterdir() if p.suffix in (".png", ".jpg"))
    assert names == sorted(LABELS)
    modes = set()
    for name in names:
        with Image.open(HANDWRITING / name) as image:
            modes.add(image.mode)
    assert {"L", "RGB", "RGBA"} <= modes
    with Image.open(HANDWRITING / "foto_kertas.jpg") as photo:
        assert photo.format == "JPEG"
    for name in names:
        assert_mnist_like(pp.to_mnist(HANDWRITING / name))


def test_make_images_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location("make_images_tes",
                                                  HANDWRITING / "make_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.make_all(out_dir=tmp_path, sample_path=tmp_path / "3-sample.png")
    assert sorted(p.name for p in written) == sorted([*LABELS, "3-sample.png"])
    for path in written:
        stored = SAMPLE if path.name == "3-sample.png" else HANDWRITING / path.name
        # Piksel dibandingkan, bukan bait berkas: pustaka zlib/JPEG dan pembulatan float
        # di mesin lain boleh berbeda sedikit.
        with Image.open(path) as new, Image.open(stored) as old:
            assert (new.mode, new.size) == (old.mode, old.size), path.name
            difference = np.abs(np.asarray(new, dtype=np.int16) - np.asarray(old, dtype=np.int16))
        assert difference.max() <= 3 and difference.mean() < 0.1, path.name


@pytest.fixture(scope="module")
def cnn_model():
    if not CNN_PATH.is_file():
        pytest.skip(f"model CNN tersimpan {CNN_PATH.name} belum ada (assets/train_models.py)")
    pytest.importorskip("tensorflow", reason="TensorFlow tidak terpasang")
    from saraf.cnn import load_model

    return load_model(CNN_PATH, compile=False)


@pytest.mark.parametrize("name", sorted(LABELS) + ["../3-sample.png"])
def test_stored_cnn_reads_user_like_images(cnn_model, name):
    label = LABELS.get(name, 3)
    x = pp.to_mnist(HANDWRITING / name).reshape(1, 28, 28, 1)
    probabilities = np.asarray(cnn_model(x, training=False))[0]
    assert int(np.argmax(probabilities)) == label, (name, np.round(probabilities, 3))
    assert probabilities[label] > 0.8


def test_stored_mlp_reads_user_like_images():
    from saraf.mlp import Network

    net = Network.load(MLP_PATH)
    batch = np.stack([pp.to_mnist(HANDWRITING / name).ravel() for name in sorted(LABELS)])
    predicted = net.predict(batch)
    assert list(predicted) == [LABELS[name] for name in sorted(LABELS)]


def test_naive_path_fools_the_networks(cnn_model):
    """Tanpa pra-pemrosesan, sebagian besar gambar ditebak salah (inilah masalahnya)."""
    names = sorted(LABELS)
    naive = np.stack([pp.naive_to_mnist(HANDWRITING / n) for n in names])[..., None]
    predicted = np.asarray(cnn_model(naive, training=False)).argmax(axis=1)
    wrong = sum(int(p != LABELS[n]) for p, n in zip(predicted, names))
    assert wrong >= len(names) // 2


def test_module_imports_only_numpy_and_pillow():
    tree = ast.parse((ROOT / "lib" / "saraf" / "preprocess.py").read_text())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    # saraf.images (NumPy + Pillow) dan saraf.validation (NumPy saja).
    assert imported <= {"__future__", "os", "numpy", "PIL", "saraf.images",
                        "saraf.validation"}, imported
