"""Tes pilihan "CNN NumPy" (`saraf.numpy_cnn`, pelajaran 11) di papan gambar pelajaran 15.

Goresan buatan dan pembaca hasil HTML dipinjam dari tests/test_widgets_drawpad.py."""

from __future__ import annotations

import numpy as np
import pytest
from test_widgets_drawpad import MLP_PATH, SEVEN, STROKES, shown_digit

from saraf import numpy_cnn
from saraf.mlp import Network
from saraf.numpy_cnn import ConvNet
from saraf.widgets import drawpad
from saraf.widgets.drawpad import MODEL_LABELS, drawing_pad


@pytest.fixture(scope="module")
def mlp():
    return Network.load(MLP_PATH)


@pytest.fixture(scope="module")
def cnn_numpy():
    return numpy_cnn.pretrained()


def model_input(pad):
    """Gambar 28 × 28 yang dilihat jaringan, sebagai batch satu gambar."""
    return pad.mnist_image[np.newaxis]


def test_label_and_order_of_the_choices():
    assert MODEL_LABELS["cnn_numpy"] == "CNN NumPy"
    assert list(MODEL_LABELS) == ["mlp", "mlp_seed", "cnn_numpy", "cnn"]


def test_load_models_includes_the_numpy_cnn_when_the_asset_exists(monkeypatch, tmp_path):
    assert numpy_cnn.PRETRAINED_PATH.is_file()
    models = drawpad.load_models(cnn=False)
    assert isinstance(models["cnn_numpy"], ConvNet)
    assert models["cnn_numpy"].input_shape == (28, 28, 1)
    for a, b in zip(models["cnn_numpy"].params, numpy_cnn.pretrained().params):
        np.testing.assert_array_equal(a, b)
    assert "cnn_numpy" not in drawpad.load_models(cnn=False, cnn_numpy=False)
    monkeypatch.setattr(numpy_cnn, "PRETRAINED_PATH", tmp_path / "tidak_ada.npz")
    models = drawpad.load_models(cnn=False)
    assert "cnn_numpy" not in models and "mlp" in models  # berkas tidak ada: dilewati


def test_option_is_offered_and_predicts_with_that_model(mlp, cnn_numpy):
    pad = drawing_pad(mlp=mlp, cnn_numpy=cnn_numpy)
    assert pad.model_toggle.options == (("MLP dari nol", "mlp"), ("CNN NumPy", "cnn_numpy"))
    assert pad.model_toggle.value == "mlp"  # CNN Keras tidak diberikan: pilihan pertama
    assert "pelajaran 11" in pad.model_toggle.tooltips[1]
    pad.draw(SEVEN)
    assert "MLP dari nol" in pad.result.value
    np.testing.assert_allclose(pad.probabilities,
                               mlp.predict_proba(pad.mnist_image.reshape(1, -1))[0])
    pad.model_toggle.value = "cnn_numpy"  # pilih CNN NumPy: prediksi ulang dengan CNN itu
    assert "CNN NumPy" in pad.result.value and "MLP dari nol" not in pad.result.value
    np.testing.assert_allclose(pad.probabilities, cnn_numpy.predict_proba(model_input(pad))[0],
                               rtol=1e-5, atol=1e-7)
    assert pad.prediction == 7 == shown_digit(pad.result.value)
    assert pad.confidence == pytest.approx(float(pad.probabilities.max()))


@pytest.mark.parametrize("digit", sorted(STROKES))
def test_numpy_cnn_reads_the_drawn_digits(mlp, cnn_numpy, digit):
    pad = drawing_pad(mlp=mlp, cnn_numpy=cnn_numpy, model="cnn_numpy")
    assert pad.model_toggle.value == "cnn_numpy"
    pad.draw(STROKES[digit])
    assert pad.prediction == digit and pad.confidence > 0.8
    assert shown_digit(pad.result.value) == digit


def test_the_given_network_is_used_not_the_saved_one(mlp):
    untrained = numpy_cnn.build(seed=0)  # belum dilatih: skornya jelas berbeda
    pad = drawing_pad(cnn_numpy=untrained, model="cnn_numpy")
    assert pad.model_toggle.options == (("CNN NumPy", "cnn_numpy"),)
    pad.draw(SEVEN)
    np.testing.assert_allclose(pad.probabilities, untrained.predict_proba(model_input(pad))[0],
                               rtol=1e-5, atol=1e-7)
    assert not np.allclose(pad.probabilities,
                           numpy_cnn.pretrained().predict_proba(model_input(pad))[0], atol=1e-2)


def test_all_four_choices_in_order(mlp, cnn_numpy, monkeypatch):
    seed_mlp = Network([784, 16, 16, 10], seed=0)
    monkeypatch.setattr(drawpad, "load_models", lambda: {
        "cnn": "model", "cnn_numpy": cnn_numpy, "mlp_seed": seed_mlp, "mlp": mlp})
    pad = drawing_pad()
    assert pad.model_toggle.options == (("MLP dari nol", "mlp"), ("Jaringan seed", "mlp_seed"),
                                        ("CNN NumPy", "cnn_numpy"), ("CNN Keras", "cnn"))
    assert pad.model_toggle.value == "cnn"  # bawaannya tetap CNN Keras
    pad = drawing_pad(mlp=mlp, mlp_seed=seed_mlp, cnn_numpy=cnn_numpy, model="cnn_numpy")
    assert [key for _, key in pad.model_toggle.options] == ["mlp", "mlp_seed", "cnn_numpy"]
    assert pad.model_toggle.value == "cnn_numpy"
