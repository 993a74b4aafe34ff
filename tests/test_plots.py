"""Tes `saraf.plots`: satu gambar, angka piksel, kisi gambar, salah klasifikasi, kernel, dan peta
fitur, dengan judul dan label berbahasa Indonesia, serta pesan galat untuk masukan buruk."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from saraf import plots  # noqa: E402
from saraf.data import FASHION_MNIST_CLASSES, load_fashion_mnist, load_mnist  # noqa: E402
from saraf.plots import show_image, show_images, show_pixel_values  # noqa: E402


@pytest.fixture(autouse=True)
def tutup_gambar():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.fixture(scope="module")
def digit(mnist):
    _, (x_test, _) = mnist
    return x_test[0]


# ---------------------------------------------------------------------------
# show_image
# ---------------------------------------------------------------------------


def test_show_image_title_and_pixels(digit):
    fig = show_image(digit, title="Angka pertama data uji")
    assert isinstance(fig, matplotlib.figure.Figure)
    (ax,) = fig.axes
    assert ax.get_title() == "Angka pertama data uji"
    (im,) = ax.images
    np.testing.assert_array_equal(im.get_array(), digit)
    assert im.get_clim() == (0, 255)
    assert list(ax.get_xticks()) == [] and list(ax.get_yticks()) == []


def test_show_image_without_title(digit):
    (ax,) = show_image(digit).axes
    assert ax.get_title() == ""


def test_show_image_normalized_and_channel_axis(digit):
    normal = digit.astype("float32") / 255
    fig = show_image(normal.reshape(28, 28, 1))
    (im,) = fig.axes[0].images
    assert im.get_clim() == (0, 1)
    np.testing.assert_allclose(im.get_array(), normal)


def test_show_image_colorbar_and_given_axes(digit):
    fig, (kiri, kanan) = plt.subplots(1, 2)
    hasil = show_image(digit, ax=kanan, colorbar=True, title="kanan")
    assert hasil is fig
    assert kanan.get_title() == "kanan" and not kiri.images
    assert len(fig.axes) == 3, "colorbar menambah satu sumbu"
    assert fig.axes[-1].get_ylabel() == "nilai piksel"


@pytest.mark.parametrize(
    "image, kind, words",
    [
        (np.zeros((28, 28, 3), np.uint8), ValueError, "satu gambar grayscale"),  # berwarna
        (np.zeros((2, 28, 28), np.uint8), ValueError, "ambil x[0]"),  # beberapa gambar
        (np.zeros(784, np.uint8), ValueError, "(H, W)"),  # gambar rata
        ("bukan gambar", TypeError, "bilangan real"),  # string
        (np.array([["a", "b"], ["c", "d"]]), TypeError, "bilangan real"),  # array string 2-D
    ],
)
@pytest.mark.parametrize("fungsi", [show_image, show_pixel_values])
def test_bad_image_raises_indonesian_error(fungsi, image, kind, words):
    with pytest.raises(kind) as info:
        fungsi(image)
    message = str(info.value)
    assert message.startswith("`image` harus") and words in message, message
    assert not plt.get_fignums(), "tidak boleh ada gambar setengah jadi"


# ---------------------------------------------------------------------------
# show_pixel_values
# ---------------------------------------------------------------------------


def test_pixel_values_default_labels_and_one_text_per_pixel(digit):
    fig = show_pixel_values(digit)
    (ax,) = fig.axes
    assert ax.get_title() == "Nilai setiap piksel"
    assert ax.get_xlabel() == "kolom" and ax.get_ylabel() == "baris"
    assert len(ax.texts) == digit.size == 28 * 28
    for text in ax.texts:
        c, r = text.get_position()
        assert int(text.get_text()) == digit[int(r), int(c)]


def test_pixel_values_region_and_title(digit):
    region = (8, 14, 10, 17)  # baris 8–13, kolom 10–16
    fig = show_pixel_values(digit, title="Bagian tengah", region=region)
    (ax,) = fig.axes
    assert ax.get_title() == "Bagian tengah"
    assert len(ax.texts) == 6 * 7
    posisi = {(int(r), int(c)): t.get_text() for t in ax.texts for c, r in [t.get_position()]}
    assert set(posisi) == {(r, c) for r in range(8, 14) for c in range(10, 17)}
    for (r, c), text in posisi.items():
        assert int(text) == digit[r, c]
    assert digit[8:14, 10:17].max() > 0, "wilayah uji harus memuat goresan angka"


def test_pixel_values_float_image(digit):
    normal = digit[10:14, 10:14].astype("float32") / 255
    (ax,) = show_pixel_values(normal).axes
    assert len(ax.texts) == 16
    for text in ax.texts:
        c, r = text.get_position()
        assert float(text.get_text()) == pytest.approx(normal[int(r), int(c)], abs=1e-5)


def test_pixel_values_text_is_readable():
    image = np.array([[0, 255], [40, 200]], np.uint8)
    (ax,) = show_pixel_values(image).axes
    warna = {t.get_text(): t.get_color() for t in ax.texts}
    assert warna == {"0": "white", "255": "black", "40": "white", "200": "black"}


# ---------------------------------------------------------------------------
# show_images
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("n, ncols", [(10, 4), (8, 8), (3, 8), (7, 3), (1, 5)])
def test_show_images_grid(mnist, n, ncols):
    (x_train, y_train), _ = mnist
    fig = show_images(x_train[:n], labels=y_train[:n], ncols=ncols)
    kolom = min(ncols, n)
    assert len(fig.axes) == math.ceil(n / kolom) * kolom
    for i, ax in enumerate(fig.axes):
        if i < n:
            assert ax.get_title() == str(y_train[i])
            np.testing.assert_array_equal(ax.images[0].get_array(), x_train[i])
        else:
            assert not ax.images and ax.get_title() == ""


def test_show_images_class_names_and_title():
    (x_train, y_train), _ = load_fashion_mnist()
    fig = show_images(x_train[:12], labels=y_train[:12], class_names=FASHION_MNIST_CLASSES,
                      ncols=5, title="Contoh Fashion-MNIST")
    assert len(fig.axes) == 15
    judul = [ax.get_title() for ax in fig.axes[:12]]
    assert judul == [FASHION_MNIST_CLASSES[int(y)] for y in y_train[:12]]
    assert fig.get_suptitle() == "Contoh Fashion-MNIST"


def test_show_images_without_labels_and_with_channel(mnist):
    (x_train, _), _ = mnist
    fig = show_images(x_train[:4].reshape(4, 28, 28, 1))
    assert len(fig.axes) == 4
    assert all(ax.get_title() == "" for ax in fig.axes)
    assert fig.get_suptitle() == ""


@pytest.mark.parametrize(
    "images, labels, pola",
    [
        (np.zeros((3, 28, 28)), [1, 2], r"`labels` harus berisi 3 label"),
        (np.zeros((3, 28, 28)), [1, 2, 3, 4], r"`labels` harus berisi 3 label"),
        (np.zeros((0, 28, 28)), None, r"`images` harus berisi minimal satu gambar"),
        ([], None, r"`images` harus berbentuk"),
        (np.zeros((28, 28)), None, r"`images` harus berbentuk"),
        (np.zeros((2, 28, 28, 3)), None, r"`images` harus berbentuk"),
    ],
)
def test_show_images_bad_input(images, labels, pola):
    with pytest.raises(ValueError, match=pola):
        show_images(images, labels=labels)
    assert not plt.get_fignums()


def test_show_images_strings_raise_type_error():
    with pytest.raises(TypeError, match=r"`images` harus array berisi bilangan real"):
        show_images(np.array([[["a", "b"], ["c", "d"]]]))


def test_show_images_label_outside_class_names():
    with pytest.raises(ValueError, match=r"`labels` harus berisi indeks 0 sampai 9"):
        show_images(np.zeros((2, 28, 28), np.uint8), labels=[0, 12],
                    class_names=FASHION_MNIST_CLASSES)


def visible_axes(fig):
    return [ax for ax in fig.axes if ax.images]


# ---------------------------------------------------------------------------
# Salah klasifikasi
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fashion_sample():
    _, (x_test, y_test) = load_fashion_mnist()
    return x_test[:12], y_test[:12]


def test_show_misclassified_most_confident_first(fashion_sample):
    images, y_true = fashion_sample
    probs = np.full((12, 10), 0.01)
    probs[np.arange(12), y_true] = 0.91                  # semua benar …
    wrong = {2: 0.60, 5: 0.95, 9: 0.75}                 # … kecuali tiga gambar ini
    for i, confidence in wrong.items():
        probs[i] = 0.01
        probs[i, (y_true[i] + 1) % 10] = confidence
    fig = plots.show_misclassified(images, y_true, probs, class_names=FASHION_MNIST_CLASSES)
    axes = visible_axes(fig)
    assert len(axes) == 3
    titles = [ax.get_title() for ax in axes]
    order = [5, 9, 2]                                    # dari skor tertinggi
    for title, i in zip(titles, order):
        assert title.startswith(f"benar: {FASHION_MNIST_CLASSES[y_true[i]]}\n")
        assert f"prediksi: {FASHION_MNIST_CLASSES[(y_true[i] + 1) % 10]}" in title
    assert titles[0].endswith("(95%)")
    np.testing.assert_array_equal(axes[0].images[0].get_array(), images[5])
    assert fig._suptitle.get_text() == "Salah klasifikasi (dari yang paling yakin)"
    limited = plots.show_misclassified(images, y_true, probs, max_images=2, ncols=1)
    assert len(visible_axes(limited)) == 2
    assert visible_axes(limited)[0].get_title().startswith(f"benar: {y_true[5]}\n")


def test_show_misclassified_when_all_are_right(fashion_sample):
    images, y_true = fashion_sample
    probs = np.eye(10)[y_true]
    fig = plots.show_misclassified(images, y_true, probs)
    assert fig.axes[0].texts[0].get_text() == "Tidak ada salah klasifikasi."


@pytest.mark.parametrize("kwargs, word", [
    ({"y_true": np.zeros(3, int)}, "12 label"),
    ({"probabilities": np.ones((12,))}, r"\(12, K\)"),
    ({"images": np.zeros((12, 784))}, "banyak, tinggi, lebar"),
    ({"max_images": 0}, "max_images"),
    ({"class_names": ["a"]}, "10 nama kelas"),
    ({"y_true": np.full(12, 10)}, "label 0 sampai 9"),
])
def test_show_misclassified_rejects_bad_input(fashion_sample, kwargs, word):
    images, y_true = fashion_sample
    args = {"images": images, "y_true": y_true, "probabilities": np.full((12, 10), 0.1)}
    args.update(kwargs)
    with pytest.raises(ValueError, match=word):
        plots.show_misclassified(**args)


# ---------------------------------------------------------------------------
# Kernel dan peta fitur
# ---------------------------------------------------------------------------


def test_show_filters_symmetric_colors_and_labels():
    rng = np.random.default_rng(0)
    kernels = rng.normal(size=(5, 5, 1, 12)).astype(np.float32)
    fig = plots.show_filters(kernels, ncols=5)
    axes = [ax for ax in fig.axes if ax.images]
    assert len(axes) == 12
    assert [ax.get_title() for ax in axes[:2]] == ["filter 0", "filter 1"]
    limit = np.abs(kernels).max()
    assert np.allclose(axes[0].images[0].get_clim(), (-limit, limit))
    np.testing.assert_array_equal(axes[3].images[0].get_array(), kernels[:, :, 0, 3])
    assert fig._suptitle.get_text() == "12 kernel 5 × 5"
    assert fig.axes[-1].get_ylabel() == "bobot"
    assert len(plots.show_filters(kernels[:, :, 0, :3]).axes) == 4  # 3 kernel + bilah warna


@pytest.mark.parametrize("bad", [np.zeros((5, 5, 3, 4)), np.zeros((5, 5)), np.zeros((3, 3, 0))])
def test_show_filters_rejects_bad_shapes(bad):
    with pytest.raises(ValueError, match="kh, kw"):
        plots.show_filters(bad)


def test_show_feature_maps_one_panel_per_channel():
    maps = np.zeros((1, 8, 8, 20), dtype=np.float32)
    maps[0, 2, 3, 0] = 1.5
    maps[0, :, :, 2] = np.arange(64).reshape(8, 8) / 10
    fig = plots.show_feature_maps(maps, max_maps=6, ncols=3)
    axes = [ax for ax in fig.axes if ax.images]
    assert len(axes) == 6
    assert axes[0].get_title() == "kanal 0\nmaks 1,50"
    assert axes[1].get_title() == "kanal 1\n(semua 0)"
    np.testing.assert_array_equal(axes[2].images[0].get_array(), maps[0, :, :, 2])
    assert fig._suptitle.get_text() == "Peta fitur 8×8×20 (6 dari 20 kanal)"
    assert len([ax for ax in plots.show_feature_maps(maps[0]).axes if ax.images]) == 16


@pytest.mark.parametrize("bad, kwargs, word", [
    (np.zeros((2, 8, 8, 4)), {}, "satu gambar"),
    (np.zeros((8, 8)), {}, "satu gambar"),
    (np.zeros((8, 8, 4)), {"max_maps": 0}, "max_maps"),
])
def test_show_feature_maps_rejects_bad_input(bad, kwargs, word):
    with pytest.raises(ValueError, match=word):
        plots.show_feature_maps(bad, **kwargs)
