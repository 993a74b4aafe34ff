"""Tes gambar pelajaran 08–10 di `saraf.plots`: kurva pelatihan, matriks konfusi, akurasi per
kelas, skor keyakinan, salah klasifikasi, kernel, dan peta fitur (label berbahasa Indonesia)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from saraf import plots  # noqa: E402
from saraf.data import FASHION_MNIST_CLASSES, load_fashion_mnist  # noqa: E402

HISTORY = {"loss": [0.9, 0.5, 0.4], "accuracy": [0.7, 0.85, 0.9],
           "val_loss": [0.6, 0.5, 0.55], "val_accuracy": [0.8, 0.84, 0.83]}


@pytest.fixture(autouse=True)
def tutup_gambar():
    yield
    plt.close("all")


class FakeHistory:
    """Seperti keras.callbacks.History: riwayatnya di atribut `history`."""

    def __init__(self, history):
        self.history = history


def visible_axes(fig):
    return [ax for ax in fig.axes if ax.images]


# ---------------------------------------------------------------------------
# Kurva pelatihan
# ---------------------------------------------------------------------------


def test_plot_history_two_panels_with_indonesian_labels():
    fig = plots.plot_history(FakeHistory(HISTORY), title="Pelatihan")
    loss_ax, acc_ax = fig.axes
    assert loss_ax.get_title() == "Fungsi kerugian (loss)" and acc_ax.get_title() == "Akurasi"
    assert loss_ax.get_xlabel() == acc_ax.get_xlabel() == "epoch"
    assert loss_ax.get_ylabel() == "kerugian" and acc_ax.get_ylabel() == "akurasi"
    assert fig._suptitle.get_text() == "Pelatihan"
    train, val = loss_ax.get_lines()
    assert list(train.get_xdata()) == [1, 2, 3]
    np.testing.assert_allclose(train.get_ydata(), HISTORY["loss"])
    np.testing.assert_allclose(val.get_ydata(), HISTORY["val_loss"])
    np.testing.assert_allclose(acc_ax.get_lines()[1].get_ydata(), HISTORY["val_accuracy"])
    labels = [t.get_text() for t in loss_ax.get_legend().get_texts()]
    assert labels == ["data latih", "data validasi"]
    assert all(float(t).is_integer() for t in loss_ax.get_xticks())  # epoch bilangan bulat


def test_plot_history_without_accuracy_or_validation():
    fig = plots.plot_history({"loss": [1.0, 0.5]})
    (ax,) = fig.axes
    assert len(ax.get_lines()) == 1 and fig._suptitle is None


@pytest.mark.parametrize("bad, word", [
    ({"accuracy": [0.5]}, "'loss'"),
    ([0.5, 0.4], "History"),
    ({"loss": []}, "kosong"),
    ({"loss": [1, 2], "val_loss": [1]}, "val_loss"),
])
def test_plot_history_rejects_bad_input(bad, word):
    with pytest.raises(ValueError, match=word):
        plots.plot_history(bad)


# ---------------------------------------------------------------------------
# Matriks konfusi dan akurasi per kelas
# ---------------------------------------------------------------------------


CM = np.array([[8, 2, 0], [1, 9, 0], [0, 3, 7]])


def test_plot_confusion_matrix_axes_names_and_counts():
    fig = plots.plot_confusion_matrix(CM, class_names=["Kaos", "Kemeja", "Tas"])
    ax = fig.axes[0]
    assert ax.get_xlabel() == "prediksi" and ax.get_ylabel() == "label sebenarnya"
    assert ax.get_title() == "Matriks konfusi"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Kaos", "Kemeja", "Tas"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kaos", "Kemeja", "Tas"]
    texts = [t.get_text() for t in ax.texts]
    assert texts == [str(v) for v in CM.ravel()]
    np.testing.assert_array_equal(ax.images[0].get_array(), CM)
    assert fig.axes[1].get_ylabel() == "banyak gambar"  # bilah warna


def test_plot_confusion_matrix_normalized_uses_decimal_comma():
    fig = plots.plot_confusion_matrix(CM, normalize=True, title="Bagian")
    ax = fig.axes[0]
    assert ax.get_title() == "Bagian"
    assert ax.texts[0].get_text() == "0,80" and ax.texts[1].get_text() == "0,20"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2"]
    assert fig.axes[1].get_ylabel() == "bagian baris"


def test_plot_confusion_matrix_fashion_class_names_are_readable():
    cm = np.diag(np.full(10, 200))
    fig = plots.plot_confusion_matrix(cm, class_names=FASHION_MNIST_CLASSES)
    ax = fig.axes[0]
    labels = ax.get_xticklabels()
    assert [t.get_text() for t in labels] == list(FASHION_MNIST_CLASSES)
    assert labels[0].get_rotation() == 45  # nama panjang dimiringkan agar tidak bertumpuk
    fig.canvas.draw()
    # label miring 45° tidak bertumpuk bila jarak antarlabel lebih dari tinggi hurufnya
    spacing = np.diff([t.get_window_extent().x1 for t in labels])
    font_px = labels[0].get_fontsize() * fig.dpi / 72
    assert spacing.min() > 1.5 * font_px


@pytest.mark.parametrize("cm, names, word", [
    (np.zeros((2, 3)), None, "persegi"),
    (np.zeros((3, 3)), ["a", "b"], "3 nama kelas"),
    (np.array([["a"]]), None, "angka"),
])
def test_plot_confusion_matrix_rejects_bad_input(cm, names, word):
    with pytest.raises(ValueError, match=word):
        plots.plot_confusion_matrix(cm, class_names=names)


def test_plot_class_accuracy_sorted_with_percent_labels():
    fig = plots.plot_class_accuracy([0.9, 0.615, 1.0], class_names=["Kaos", "Kemeja", "Tas"])
    ax = fig.axes[0]
    assert ax.get_xlabel() == "akurasi" and ax.get_title() == "Akurasi setiap kelas"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kemeja", "Kaos", "Tas"]
    assert [t.get_text() for t in ax.texts] == ["61,5%", "90,0%", "100,0%"]
    with pytest.raises(ValueError, match="1-D"):
        plots.plot_class_accuracy(np.zeros((2, 2)))


# ---------------------------------------------------------------------------
# Skor keyakinan
# ---------------------------------------------------------------------------


def test_plot_probabilities_highlights_the_prediction():
    probs = np.array([[0.01, 0.02, 0.05, 0.74, 0.01, 0.08, 0.01, 0.03, 0.04, 0.01]])
    fig = plots.plot_probabilities(probs)
    ax = fig.axes[0]
    assert ax.get_title() == "Prediksi: 3 (skor 0,74)"
    assert ax.get_xlabel() == "kelas" and ax.get_ylabel() == "skor keyakinan"
    bars = ax.patches
    assert len(bars) == 10 and np.isclose(bars[3].get_height(), 0.74)
    colors = {tuple(b.get_facecolor()) for i, b in enumerate(bars) if i != 3}
    assert len(colors) == 1 and tuple(bars[3].get_facecolor()) not in colors
    fig = plots.plot_probabilities(probs[0], class_names=FASHION_MNIST_CLASSES)
    assert fig.axes[0].get_title() == "Prediksi: Gaun (skor 0,74)"
    with pytest.raises(ValueError, match="vektor"):
        plots.plot_probabilities(np.ones((2, 10)) / 10)


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
