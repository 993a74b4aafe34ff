"""Tes `saraf.widgets.drawpad` (papan gambar pelajaran 15) tanpa peramban, dengan goresan buatan.

Yang dijalankan di peramban sungguhan ada di tests/browser/test_drawpad_browser.py."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image

from saraf.formatting import fixed
from saraf.mlp import Network
from saraf.preprocess import to_mnist
from saraf.resources import asset
from saraf.widgets import drawpad
from saraf.widgets.drawpad import (EMPTY_MESSAGE, DigitPredictor, DrawPad, DrawingPad,
                                   drawing_pad, strokes_to_data_url)

MLP_PATH = asset("mlp_784_30_10.npz")

ONE = [[(150, 50), (146, 130), (142, 230)]]
SEVEN = [[(70, 70), (210, 66), (175, 140), (140, 235)]]
ZERO = [[(140 + 62 * np.cos(a), 140 + 92 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 40)]]
FOUR = [[(165, 50), (70, 170), (215, 170)], [(175, 110), (170, 240)]]
STROKES = {1: ONE, 7: SEVEN, 0: ZERO, 4: FOUR}


@pytest.fixture(scope="module")
def mlp():
    return Network.load(MLP_PATH)


@pytest.fixture(scope="module")
def cnn():
    pytest.importorskip("tensorflow", reason="TensorFlow tidak terpasang")
    from saraf.cnn import load_pretrained

    return load_pretrained("mnist", compile=False)


def shown_digit(result_html: str) -> int:
    (digit,) = re.findall(r'class="saraf-digit"[^>]*>(\d)</b>', result_html)
    return int(digit)


def shown_percentages(result_html: str) -> list[float]:
    """Persen yang tertulis di diagram batang ("74,3%" → 74.3)."""
    texts = re.findall(r'class="prob"[^>]*>([\d,]+)%</text>', result_html)
    return [float(v.replace(",", ".")) for v in texts]


# ---------------------------------------------------------------------------
# Kanvas (anywidget)
# ---------------------------------------------------------------------------


def test_drawpad_is_an_anywidget_with_esm_and_clear_button():
    import anywidget

    pad = DrawPad()
    here = Path(drawpad.__file__).parent  # JavaScript dan CSS di berkasnya sendiri
    assert pad._esm == (here / "drawpad.js").read_text(encoding="utf-8")
    assert pad._css == (here / "drawpad.css").read_text(encoding="utf-8")
    assert isinstance(pad, anywidget.AnyWidget)
    assert pad.size == 280 and pad.stroke_width == 18 and pad.image_data == ""
    esm = pad._esm
    assert "export default" in esm and "pointerup" in esm and "toDataURL" in esm
    assert "save_changes" in esm and "Hapus" in esm
    assert "import " not in esm  # tanpa pustaka dari internet: jalan luring
    assert "touch-action: none" in pad._css
    assert repr(pad) == "Kanvas papan gambar 280 × 280"
    assert pad.image_bytes() is None


def test_strokes_to_data_url_is_a_png_like_the_canvas():
    url = strokes_to_data_url(SEVEN)
    assert url.startswith("data:image/png;base64,")
    image = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1])))
    assert image.size == (280, 280) and image.mode == "RGBA"
    pixels = np.asarray(image.convert("L"))
    assert pixels[0, 0] == 255 and pixels[70, 140] == 0  # latar putih, tinta hitam
    assert strokes_to_data_url(SEVEN) == url  # deterministik
    blank = strokes_to_data_url([])
    assert np.asarray(Image.open(io.BytesIO(base64.b64decode(blank.split(",")[1])))).min() == 255


@pytest.mark.parametrize("bad, fragment", [
    ("bukan data url", "data URL PNG"), ("data:image/jpeg;base64,AAAA", "data URL PNG"),
    ("data:image/png;base64,@@@@", "base64"),
    ("data:image/png;base64," + "A" * 2_000_100, "terlalu besar"),
])
def test_bad_image_data_is_reported_not_raised(mlp, bad, fragment):
    pad = drawing_pad(mlp=mlp, model="mlp")
    pad.pad.image_data = bad
    assert pad.prediction is None and fragment in pad.message
    assert fragment in pad.result.value


def test_image_data_that_is_not_an_image(mlp):
    pad = drawing_pad(mlp=mlp, model="mlp")
    pad.pad.image_data = "data:image/png;base64," + base64.b64encode(b"halo").decode()
    assert pad.prediction is None and "bukan gambar" in pad.message


# ---------------------------------------------------------------------------
# Papan gambar + prediksi
# ---------------------------------------------------------------------------


def test_starts_empty_with_indonesian_message(mlp):
    pad = drawing_pad(mlp=mlp)
    assert isinstance(pad, DrawingPad) and isinstance(pad, DigitPredictor)
    assert isinstance(pad, widgets.VBox)
    assert repr(pad) == "Papan gambar (jalankan sel di JupyterLab untuk memakainya)"
    assert pad._repr_mimebundle_()["text/plain"] == repr(pad)
    assert pad.prediction is None and pad.probabilities is None
    assert pad.message == EMPTY_MESSAGE and EMPTY_MESSAGE.startswith("Gambarlah sebuah angka")
    assert "Gambarlah sebuah angka" in pad.result.value
    # Hanya MLP yang diberikan: pilihan CNN tidak ditawarkan.
    assert pad.model_toggle.options == (("MLP dari nol", "mlp"),)
    assert pad.model_toggle.value == "mlp"


@pytest.mark.parametrize("digit", [1, 7, 0, 4])
def test_synthetic_strokes_are_predicted_by_the_mlp(mlp, digit):
    pad = drawing_pad(mlp=mlp, model="mlp")
    pad.pad.image_data = strokes_to_data_url(STROKES[digit])
    assert pad.prediction == digit
    assert shown_digit(pad.result.value) == digit
    assert pad.confidence == pytest.approx(pad.probabilities.max())
    assert pad.probabilities.shape == (10,) and pad.probabilities.sum() == pytest.approx(1)
    assert "MLP dari nol" in pad.result.value
    confidence = re.search(r'class="saraf-confidence">([^<]+)<', pad.result.value).group(1)
    assert confidence == fixed(pad.confidence) and "," in confidence  # koma desimal
    np.testing.assert_allclose(pad.mnist_image, to_mnist(pad.pad.image_bytes()))
    percentages = shown_percentages(pad.result.value)
    assert len(percentages) == 5 and percentages == sorted(percentages, reverse=True)
    assert percentages[0] == round(100 * pad.confidence, 1)
    top5 = [int(d) for d in re.findall(r'data-class="(\d)"', pad.result.value)]
    assert top5 == list(np.argsort(-pad.probabilities, kind="stable")[:5])


def test_empty_canvas_after_clear_and_blank_canvas(mlp):
    pad = drawing_pad(mlp=mlp)
    pad.draw(ONE)
    assert pad.prediction == 1
    pad.clear()
    assert pad.pad.image_data == "" and pad.prediction is None
    assert pad.message == EMPTY_MESSAGE
    pad.pad.image_data = strokes_to_data_url([])  # kanvas putih polos dari peramban
    assert pad.prediction is None and pad.message == EMPTY_MESSAGE
    assert "skor keyakinan" not in pad.result.value


def test_single_dot_gives_a_prediction_without_error(mlp):
    pad = drawing_pad(mlp=mlp)
    pad.draw([[(140, 140)]])  # satu titik: ada tinta, jadi ada tebakan (bukan galat)
    assert pad.prediction is not None
    assert pad.mnist_image.shape == (28, 28)


def test_switching_models_repredicts(mlp, cnn):
    pad = drawing_pad(mlp=mlp, cnn=cnn)
    assert pad.model_toggle.options == (("MLP dari nol", "mlp"), ("CNN Keras", "cnn"))
    assert pad.model_toggle.value == "cnn"
    pad.draw(SEVEN)
    assert pad.prediction == 7 and "CNN Keras" in pad.result.value
    cnn_probabilities = pad.probabilities.copy()
    pad.model_toggle.value = "mlp"
    assert pad.prediction == 7 and "MLP dari nol" in pad.result.value
    assert not np.allclose(pad.probabilities, cnn_probabilities)
    np.testing.assert_allclose(pad.probabilities,
                               mlp.predict_proba(pad.mnist_image.reshape(1, -1))[0])
    pad.model_toggle.value = "cnn"
    np.testing.assert_allclose(pad.probabilities, cnn_probabilities, rtol=1e-5)


@pytest.mark.parametrize("digit", [1, 7, 0, 4])
def test_synthetic_strokes_are_predicted_by_the_cnn(mlp, cnn, digit):
    pad = drawing_pad(mlp=mlp, cnn=cnn)
    pad.draw(STROKES[digit])
    assert pad.prediction == digit and pad.confidence > 0.8


def test_model_argument_and_missing_models(mlp, monkeypatch):
    with pytest.raises(ValueError, match="`model` harus salah satu dari 'mlp', 'mlp_seed', "
                                         "'cnn_numpy', atau 'cnn'"):
        drawing_pad(mlp=mlp, model="rnn")
    monkeypatch.setattr(drawpad, "load_models", lambda: {})
    with pytest.raises(ValueError, match="Tidak ada model"):
        drawing_pad()


def test_default_models_are_loaded_from_assets():
    models = drawpad.load_models(cnn=False)
    assert isinstance(models["mlp"], Network) and "cnn" not in models
    assert models["mlp"].sizes == [784, 30, 10]  # pilihan bawaan tetap jaringan 784-30-10
    assert models["mlp_seed"].sizes == [784, 16, 16, 10]
    assert "mlp_seed" not in drawpad.load_models(cnn=False, mlp_seed=False)


# ---------------------------------------------------------------------------
# Jaringan seed 784-16-16-10 sebagai pilihan ketiga
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_mlp():
    from saraf.mlp import pretrained

    return pretrained("784-16-16-10")


def test_seed_network_is_offered_between_mlp_and_cnn(mlp, seed_mlp, monkeypatch):
    pad = drawing_pad(mlp=mlp, mlp_seed=seed_mlp)
    assert pad.model_toggle.options == (("MLP dari nol", "mlp"), ("Jaringan seed", "mlp_seed"))
    assert pad.model_toggle.value == "mlp"  # CNN tidak diberikan: pilihan pertama
    assert "784-16-16-10" in pad.model_toggle.tooltips[1]
    # Tanpa model apa pun, ketiganya dimuat dari assets/ dan bawaannya tetap CNN.
    monkeypatch.setattr(drawpad, "load_models",
                        lambda: {"mlp": mlp, "mlp_seed": seed_mlp, "cnn": "model"})
    pad = drawing_pad()
    assert [key for _, key in pad.model_toggle.options] == ["mlp", "mlp_seed", "cnn"]
    assert pad.model_toggle.value == "cnn"


@pytest.mark.parametrize("digit", [1, 7, 0])
def test_seed_network_predicts_drawn_digits(mlp, seed_mlp, digit):
    pad = drawing_pad(mlp=mlp, mlp_seed=seed_mlp, model="mlp_seed")
    pad.draw(STROKES[digit])
    assert pad.prediction == digit and "Jaringan seed" in pad.result.value
    np.testing.assert_allclose(pad.probabilities,
                               seed_mlp.predict_proba(pad.mnist_image.reshape(1, -1))[0])
    pad.model_toggle.value = "mlp"  # pindah model: prediksi ulang dengan jaringan lain
    assert "MLP dari nol" in pad.result.value
    assert not np.allclose(pad.probabilities,
                           seed_mlp.predict_proba(pad.mnist_image.reshape(1, -1))[0])


def test_result_shows_the_top_five_bars_sorted():
    probabilities = np.array([0.01, 0.5, 0.02, 0.3, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01])
    html = drawpad.result_html(probabilities, np.zeros((28, 28)), "MLP dari nol")
    assert re.findall(r'data-class="(\d)"', html) == ["1", "3", "4", "5", "6"]
    assert shown_percentages(html) == [50.0, 30.0, 5.0, 4.0, 3.0]
    assert html.count('class="bar argmax"') == 1 and ">angka 1</text>" in html
    assert "5 skor keyakinan tertinggi" in html
    assert 'class="saraf-confidence">0,50<' in html


def test_png_data_url_round_trip():
    image = Image.fromarray(np.arange(64, dtype=np.uint8).reshape(8, 8))
    url = drawpad.png_data_url(image)
    assert drawpad.decode_data_url(url)[:8] == b"\x89PNG\r\n\x1a\n"
    back = Image.open(io.BytesIO(drawpad.decode_data_url(url)))
    np.testing.assert_array_equal(np.asarray(back), np.asarray(image))
