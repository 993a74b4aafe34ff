"""Tes saraf.diagrams: ringkasan lapisan dan diagram arsitektur dibaca dari model itu sendiri."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from saraf import diagrams, numpy_cnn, plots  # noqa: E402


@pytest.fixture(scope="module")
def keras_model():
    pytest.importorskip("tensorflow")
    from saraf.cnn import build_mnist_cnn

    return build_mnist_cnn()


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [fig.axes[0].get_title()]


def test_keras_summary_matches_the_model(keras_model):
    rows = diagrams.layer_summary(keras_model)
    layers = [layer for layer in keras_model.layers if type(layer).__name__ != "InputLayer"]
    assert rows[0] == {"kind": "Input", "label": "Masukan", "shape": (28, 28, 1), "params": 0}
    assert [r["kind"] for r in rows[1:]] == [type(layer).__name__ for layer in layers]
    assert [r["shape"] for r in rows[1:]] == [tuple(layer.output.shape)[1:] for layer in layers]
    assert sum(r["params"] for r in rows) == keras_model.count_params()
    assert rows[1]["label"].startswith("Conv2D 32 kernel 5 × 5")
    assert any(r["label"] == "Dropout 0,5" for r in rows)  # koma desimal


def test_numpy_summary_follows_a_real_forward_pass():
    net = numpy_cnn.build(filters=(4, 6), seed=0)
    rows = diagrams.layer_summary(net)
    x = np.zeros((1, 28, 28, 1), np.float32)
    for row, layer in zip(rows[1:], net.layers):
        x = layer.forward(x)
        assert row["shape"] == x.shape[1:]
    assert rows[-1]["shape"] == (10,) and rows[-1]["label"] == "Dense 10"
    assert sum(r["params"] for r in rows) == net.count_params()


def test_plot_shows_every_layer_shape_and_total(keras_model):
    fig = plots.plot_architecture(keras_model)
    texts = _texts(fig)
    assert f"Arsitektur: {keras_model.count_params():,} parameter".replace(",", ".") in texts
    assert "24 × 24 × 32" in texts and "4 × 4 × 64" in texts and "51.264" in texts
    fig = plots.plot_architecture(numpy_cnn.build(seed=0), title="CNN NumPy")
    assert "CNN NumPy" in _texts(fig) and "5 × 5 × 16" in _texts(fig)


def test_not_a_model_is_a_clear_type_error():
    with pytest.raises(TypeError, match="`model` harus model Keras atau saraf.numpy_cnn"):
        diagrams.layer_summary("model.keras")
