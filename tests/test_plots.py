"""Tes `saraf.plots`: judul dan label berbahasa Indonesia, angka piksel, kisi gambar, masukan buruk."""

from __future__ import annotations

import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

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
    "image",
    [
        np.zeros((28, 28, 3), np.uint8),  # gambar berwarna (3 kanal)
        np.zeros((2, 28, 28), np.uint8),  # beberapa gambar sekaligus
        np.zeros(784, np.uint8),  # gambar rata
        "bukan gambar",  # string
        np.array([["a", "b"], ["c", "d"]]),  # array string 2-D
    ],
)
@pytest.mark.parametrize("fungsi", [show_image, show_pixel_values])
def test_bad_image_raises_indonesian_error(fungsi, image):
    with pytest.raises(ValueError, match=r"`image` harus (gambar grayscale|berisi angka)"):
        fungsi(image)
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
        (np.zeros((0, 28, 28)), None, r"`images` kosong"),
        ([], None, r"`images` harus berbentuk"),
        (np.zeros((28, 28)), None, r"`images` harus berbentuk"),
        (np.zeros((2, 28, 28, 3)), None, r"`images` harus berbentuk"),
    ],
)
def test_show_images_bad_input(images, labels, pola):
    with pytest.raises(ValueError, match=pola):
        show_images(images, labels=labels)
    assert not plt.get_fignums()


def test_show_images_strings_raise_value_error():
    with pytest.raises(ValueError, match=r"`images`"):
        show_images(np.array([[["a", "b"], ["c", "d"]]]))


def test_show_images_label_outside_class_names():
    with pytest.raises(ValueError, match=r"`labels`"):
        show_images(np.zeros((2, 28, 28), np.uint8), labels=[0, 12],
                    class_names=FASHION_MNIST_CLASSES)
