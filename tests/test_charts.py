"""Tes `saraf.charts` (diagram pelajaran 12–14): kurva pelatihan, matriks konfusi, akurasi per
kelas, dan skor keyakinan, dengan label berbahasa Indonesia dan koma desimal. Diagram ini juga
dipanggil lewat `saraf.plots` (`charts.plot_history`), seperti di notebook."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from saraf import charts, plots  # noqa: E402
from saraf.data import FASHION_MNIST_CLASSES  # noqa: E402

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


# ---------------------------------------------------------------------------
# Kurva pelatihan
# ---------------------------------------------------------------------------


def test_plot_history_two_panels_with_indonesian_labels():
    fig = charts.plot_history(FakeHistory(HISTORY), title="Pelatihan")
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
    fig = charts.plot_history({"loss": [1.0, 0.5]})
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
        charts.plot_history(bad)


# ---------------------------------------------------------------------------
# Matriks konfusi dan akurasi per kelas
# ---------------------------------------------------------------------------


CM = np.array([[8, 2, 0], [1, 9, 0], [0, 3, 7]])


def test_plot_confusion_matrix_axes_names_and_counts():
    fig = charts.plot_confusion_matrix(CM, class_names=["Kaus", "Kemeja", "Tas"])
    ax = fig.axes[0]
    assert ax.get_xlabel() == "prediksi" and ax.get_ylabel() == "label sebenarnya"
    assert ax.get_title() == "Matriks konfusi"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Kaus", "Kemeja", "Tas"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kaus", "Kemeja", "Tas"]
    texts = [t.get_text() for t in ax.texts]
    assert texts == [str(v) for v in CM.ravel()]
    np.testing.assert_array_equal(ax.images[0].get_array(), CM)
    assert fig.axes[1].get_ylabel() == "banyak gambar"  # bilah warna


def test_plot_confusion_matrix_normalized_uses_decimal_comma():
    fig = charts.plot_confusion_matrix(CM, normalize=True, title="Bagian")
    ax = fig.axes[0]
    assert ax.get_title() == "Bagian"
    assert ax.texts[0].get_text() == "0,80" and ax.texts[1].get_text() == "0,20"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2"]
    assert fig.axes[1].get_ylabel() == "bagian baris"


def test_plot_confusion_matrix_fashion_class_names_are_readable():
    cm = np.diag(np.full(10, 200))
    fig = charts.plot_confusion_matrix(cm, class_names=FASHION_MNIST_CLASSES)
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
    (np.array([["a"]]), None, "bilangan real"),
])
def test_plot_confusion_matrix_rejects_bad_input(cm, names, word):
    with pytest.raises((ValueError, TypeError), match=word):
        charts.plot_confusion_matrix(cm, class_names=names)


def test_plot_class_accuracy_sorted_with_percent_labels():
    fig = charts.plot_class_accuracy([0.9, 0.615, 1.0], class_names=["Kaus", "Kemeja", "Tas"])
    ax = fig.axes[0]
    assert ax.get_xlabel() == "akurasi" and ax.get_title() == "Akurasi setiap kelas"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kemeja", "Kaus", "Tas"]
    assert [t.get_text() for t in ax.texts] == ["61,5%", "90,0%", "100,0%"]
    with pytest.raises(ValueError, match="1-D"):
        charts.plot_class_accuracy(np.zeros((2, 2)))


# ---------------------------------------------------------------------------
# Skor keyakinan
# ---------------------------------------------------------------------------


PROBS = np.array([[0.01, 0.02, 0.05, 0.74, 0.01, 0.08, 0.01, 0.03, 0.04, 0.01]])


def test_plot_probabilities_highlights_the_prediction():
    fig = charts.plot_probabilities(PROBS)
    ax = fig.axes[0]
    assert ax.get_title() == "Prediksi: 3 (skor 0,74)"
    assert ax.get_xlabel() == "kelas" and ax.get_ylabel() == "skor keyakinan"
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(i) for i in range(10)]
    bars = ax.patches
    assert len(bars) == 10
    np.testing.assert_allclose([b.get_height() for b in bars], PROBS[0])
    colors = {tuple(b.get_facecolor()) for i, b in enumerate(bars) if i != 3}
    assert len(colors) == 1 and tuple(bars[3].get_facecolor()) not in colors
    # persen di atas setiap batang, dengan koma desimal
    assert [t.get_text() for t in ax.texts][3:6] == ["74,0%", "1,0%", "8,0%"]
    fig = charts.plot_probabilities(PROBS[0], class_names=FASHION_MNIST_CLASSES)
    assert fig.axes[0].get_title() == "Prediksi: Gaun (skor 0,74)"


def test_plot_probabilities_same_bars_as_the_widget_chart():
    """Diagram matplotlib dan SVG widget memakai isi yang sama (probability_bars)."""
    import re

    from saraf.widgets.probabilities import probability_bars_svg

    fig = charts.plot_probabilities(PROBS, true_class=5, top_k=4)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["3", "5 ✔", "2", "8"]
    assert ax.get_xticklabels()[1].get_color() == "#2e7d32"
    assert ax.get_xticklabels()[1].get_rotation() == 0  # nama pendek: tidak dimiringkan
    assert [t.get_text() for t in ax.texts] == ["74,0%", "8,0%", "5,0%", "4,0%"]
    svg = probability_bars_svg(PROBS, true_class=5, top_k=4)
    assert re.findall(r'class="prob"[^>]*>([^<]+)<', svg) == [t.get_text() for t in ax.texts]
    assert fig.get_size_inches()[0] == pytest.approx(4.5)


def test_plot_probabilities_on_given_axes_like_lesson_12():
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3))
    assert charts.plot_probabilities(PROBS, ax=right) is fig
    assert len(fig.axes) == 2 and len(right.patches) == 10 and not left.patches


@pytest.mark.parametrize("bad, kind, word", [
    (np.ones((2, 10)) / 10, ValueError, "vektor"),
    (np.array([1.0]), ValueError, "minimal 2 kelas"),
    (np.array([2.0, -1.0, 0.5]), ValueError, "softmax"),
    (np.array(["a", "b"]), TypeError, "bilangan real"),
])
def test_plot_probabilities_rejects_bad_input(bad, kind, word):
    with pytest.raises(kind, match=word):
        charts.plot_probabilities(bad)
    assert not plt.get_fignums()


def test_plots_module_re_exports_the_charts():
    for name in charts.__all__:
        assert getattr(plots, name) is getattr(charts, name)
        assert name in plots.__all__
