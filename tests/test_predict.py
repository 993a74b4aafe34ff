"""Tes `saraf.predict`: predict_digit untuk objek apa pun dengan predict_proba (saraf.mlp.Network,
objek buatan) dan model Keras lewat KerasPredictor, semua bentuk masukan yang diterima, dan pesan
galat berbahasa Indonesia untuk masukan yang buruk."""

from __future__ import annotations

import gc
import subprocess
import sys
import types
import weakref
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from saraf.data import load_mnist
from saraf.mlp import Network
from saraf.predict import KerasPredictor, as_mnist_image, predict_digit, predict_proba

MLP_ASSET = Path(__file__).resolve().parents[1] / "assets" / "mlp_784_30_10.npz"


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.fixture(scope="module")
def network(mnist):
    """MLP pelajaran 10 yang tersimpan; bila belum ada, jaringan kecil yang dilatih cepat."""
    if MLP_ASSET.is_file():
        return Network.load(MLP_ASSET)
    (x_train, y_train), _ = mnist
    net = Network([784, 30, 10], seed=0, init="xavier", cost="cross_entropy")
    net.sgd(x_train[:2000].reshape(2000, -1) / 255, y_train[:2000], epochs=3,
            mini_batch_size=20, eta=0.5)
    return net


@pytest.fixture(scope="module")
def cnn_model():
    from saraf import cnn

    return cnn.load_pretrained("mnist")


# ---------------------------------------------------------------------------
# Bentuk gambar yang diterima
# ---------------------------------------------------------------------------


def test_as_mnist_image_accepts_every_form_of_one_image(mnist):
    _, (x_test, _) = mnist
    pixels = x_test[0]
    expected = pixels.astype(np.float32) / 255
    forms = [pixels, pixels.astype(np.int64), expected, expected.astype(np.float64),
             pixels.reshape(28, 28, 1), pixels.reshape(1, 28, 28), expected.reshape(1, 28, 28, 1),
             pixels.reshape(784), expected.reshape(1, 784), pixels.tolist(),
             Image.fromarray(pixels), Image.fromarray(pixels).convert("RGB")]
    for form in forms:
        result = as_mnist_image(form)
        assert result.shape == (28, 28) and result.dtype == np.float32
        np.testing.assert_allclose(result, expected, atol=1 / 255)


@pytest.mark.parametrize("bad, words", [
    (np.zeros((32, 32), np.uint8), ["(28, 28)", "(32, 32)", "to_mnist", "pelajaran 15"]),
    (np.zeros((2, 28, 28), np.uint8), ["satu gambar", "model.predict"]),
    (np.zeros((5, 784)), ["satu gambar", "x[i]"]),
    (np.zeros((28, 28, 3), np.uint8), ["grayscale"]),
    (np.full((28, 28), np.nan), ["NaN"]),
    (np.full((28, 28), np.inf), ["NaN atau inf"]),
    (np.full((28, 28), 200.0), ["0 sampai 1", "terbesarnya 200)", "255"]),
    (np.full((28, 28), -0.5), ["0 sampai 1", "terkecilnya −0,5,"]),
    (np.full((28, 28), 300, np.int64), ["0 sampai 255", "300"]),
    (np.full((28, 28), -1, np.int64), ["0 sampai 255"]),
    (np.zeros((28, 28), bool), ["angka", "astype"]),
    (np.full((28, 28), "a"), ["angka"]),
    (None, ["satu gambar 28 × 28"]),
    ([[1, 2], [3]], ["array angka"]),
    (np.zeros((0, 28, 28)), ["satu gambar"]),
])
def test_as_mnist_image_rejects_bad_input_in_indonesian(bad, words):
    with pytest.raises(ValueError) as info:
        as_mnist_image(bad)
    message = str(info.value)
    assert message.startswith("`image` harus"), message
    for word in words:
        assert word in message, message


def test_pil_image_of_another_size_points_to_lesson_15():
    with pytest.raises(ValueError) as info:
        as_mnist_image(Image.new("L", (100, 80)))
    message = str(info.value)
    assert "28 × 28" in message and "100 × 80" in message and "to_mnist" in message


def test_path_uses_to_mnist_from_lesson_15(monkeypatch, tmp_path, mnist):
    _, (x_test, _) = mnist
    fake = types.ModuleType("saraf.preprocess")
    calls = []

    def to_mnist(image):
        calls.append(image)
        return x_test[0].astype(np.float32) / 255

    fake.to_mnist = to_mnist
    monkeypatch.setitem(sys.modules, "saraf.preprocess", fake)
    path = tmp_path / "angka.png"
    result = as_mnist_image(path)
    assert calls == [path]
    np.testing.assert_allclose(result, x_test[0] / 255, atol=1e-6)


def test_path_without_lesson_15_gives_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "saraf.preprocess", None)  # impor gagal
    with pytest.raises(ValueError, match="pelajaran 15"):
        as_mnist_image(str(tmp_path / "angka.png"))


# ---------------------------------------------------------------------------
# Jaringan NumPy (pelajaran 08–10)
# ---------------------------------------------------------------------------


def test_predict_digit_with_mlp_network(network, mnist):
    _, (x_test, y_test) = mnist
    x = x_test[:200].reshape(200, -1) / 255
    expected = network.predict_proba(x)
    for i in range(20):
        digit, confidence = predict_digit(network, x_test[i])
        assert type(digit) is int and type(confidence) is float
        assert digit == int(np.argmax(expected[i]))
        assert np.isclose(confidence, expected[i].max())
        np.testing.assert_allclose(predict_proba(network, x_test[i]), expected[i], atol=1e-6)
    correct = sum(predict_digit(network, x_test[i])[0] == y_test[i] for i in range(200))
    assert correct >= 150  # MLP yang dilatih mengenali sebagian besar angka


def test_predict_digit_with_mlp_does_not_load_tensorflow():
    code = (
        "import sys, numpy as np\n"
        "from saraf.mlp import Network\n"
        "from saraf.predict import predict_digit\n"
        "net = Network([784, 5, 10], seed=0)\n"
        "digit, conf = predict_digit(net, np.zeros((28, 28), np.uint8))\n"
        "print(0 <= digit <= 9, 0 < conf <= 1, 'tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False", "False"]


def test_network_with_other_input_size_is_rejected():
    with pytest.raises(ValueError, match=r"model untuk gambar 28 × 28 .*\(100,\)"):
        predict_digit(Network([100, 10], seed=0), np.zeros((28, 28)))


# ---------------------------------------------------------------------------
# Objek apa pun dengan predict_proba (duck typing)
# ---------------------------------------------------------------------------


class Scorer:
    """Model buatan: skor kelas = kecerahan rata-rata di 10 pita baris gambar."""

    def __init__(self, input_shape=None):
        if input_shape is not None:
            self.input_shape = input_shape
        self.seen = []

    def predict_proba(self, x):
        self.seen.append(x.shape)
        rows = x.reshape(len(x), 28, 28)[:, 1:21].reshape(len(x), 10, -1).mean(axis=2)
        return (rows + 1e-9) / (rows + 1e-9).sum(axis=1, keepdims=True)


def test_any_object_with_predict_proba_is_a_model():
    image = np.zeros((28, 28), np.uint8)
    image[15:17] = 255  # pita baris ke-7 (baris 15–16) paling terang
    scorer = Scorer()
    assert predict_digit(scorer, image) == (7, pytest.approx(1.0))
    assert scorer.seen == [(1, 784)]  # tanpa input_shape: gambar diratakan
    expected = scorer.predict_proba(image.reshape(1, 784) / 255)[0]
    np.testing.assert_allclose(predict_proba(scorer, image), expected)


@pytest.mark.parametrize("input_shape, given", [
    ((28, 28, 1), (1, 28, 28, 1)), ((None, 28, 28), (1, 28, 28)), ((None, 784), (1, 784)),
])
def test_input_shape_of_the_model_is_respected(input_shape, given):
    scorer = Scorer(input_shape)
    predict_digit(scorer, np.ones((28, 28)))
    assert scorer.seen == [given]


def test_model_for_other_input_size_is_rejected_before_predicting():
    scorer = Scorer((32, 32, 1))
    with pytest.raises(ValueError, match=r"28 × 28.*\(32, 32, 1\)"):
        predict_digit(scorer, np.zeros((28, 28)))
    assert scorer.seen == []


@pytest.mark.parametrize("output, fragment", [
    (np.ones((1, 1)), "satu vektor keluaran"),
    (np.full((1, 10), np.nan), "NaN atau inf"),
])
def test_bad_model_output_is_reported(output, fragment):
    model = types.SimpleNamespace(predict_proba=lambda x: output)
    with pytest.raises(ValueError, match=fragment):
        predict_digit(model, np.zeros((28, 28)))


@pytest.mark.parametrize("bad", ["model.keras", Path("model.keras"), None, object(),
                                 np.zeros((784, 10))])
def test_other_objects_are_not_models(bad):
    with pytest.raises(TypeError) as info:
        predict_digit(bad, np.zeros((28, 28)))
    message = str(info.value)
    assert message.startswith("`model` harus objek dengan metode predict_proba(x)"), message
    assert "model Keras" in message
    if isinstance(bad, (str, Path)):
        assert "saraf.cnn.load_model" in message


# ---------------------------------------------------------------------------
# CNN Keras (pelajaran 12)
# ---------------------------------------------------------------------------


def test_predict_digit_with_keras_cnn_matches_model_predict(cnn_model, mnist):
    from saraf import cnn

    _, (x_test, y_test) = mnist
    expected = cnn_model.predict(cnn.prepare_images(x_test[:30]), verbose=0)
    for i in range(30):
        digit, confidence = predict_digit(cnn_model, x_test[i])
        assert type(digit) is int and type(confidence) is float
        assert digit == int(np.argmax(expected[i]))
        assert abs(confidence - float(expected[i].max())) < 1e-5
    assert np.mean(np.argmax(expected, axis=1) == y_test[:30]) >= 0.9
    # bentuk lain dari gambar yang sama memberi hasil yang sama
    batch = x_test[:1].reshape(1, 28, 28, 1).astype(np.float32) / 255
    assert predict_digit(cnn_model, batch) == predict_digit(cnn_model, x_test[0])
    assert predict_digit(cnn_model, Image.fromarray(x_test[0])) == predict_digit(cnn_model,
                                                                                 x_test[0])
    probs = predict_proba(cnn_model, x_test[0])
    assert probs.shape == (10,) and np.isclose(probs.sum(), 1, atol=1e-5)


def test_keras_model_goes_through_the_adapter_with_predict_on_batch(cnn_model, mnist,
                                                                    monkeypatch):
    from saraf import cnn

    _, (x_test, _) = mnist
    adapter = KerasPredictor(cnn_model)
    assert adapter.input_shape == (None, 28, 28, 1)
    batch = cnn.prepare_images(x_test[:3])
    np.testing.assert_allclose(adapter.predict_proba(batch),
                               cnn_model.predict(batch, verbose=0), atol=1e-6)
    # predict_digit tidak memakai model.predict yang lambat
    monkeypatch.setattr(cnn_model, "predict", lambda *a, **k: pytest.fail("model.predict"))
    assert predict_digit(cnn_model, x_test[0])[0] == int(np.argmax(adapter.predict_proba(
        batch[:1])))
    # satu gambar: fungsi terkompilasi, hasilnya sama dengan batch lewat predict_on_batch
    np.testing.assert_allclose(adapter.predict_proba(batch[:1])[0],
                               adapter.predict_proba(batch)[0], atol=1e-6)


def test_one_adapter_per_keras_model_is_reused(cnn_model):
    from saraf.predict import _as_predictor

    first = _as_predictor(cnn_model)
    assert isinstance(first, KerasPredictor) and _as_predictor(cnn_model) is first


def test_keras_model_is_not_kept_alive():
    import keras

    from saraf import cnn

    model = cnn.build_mnist_cnn(filters=(2,))
    predict_digit(model, np.zeros((28, 28)))
    alive = weakref.ref(model)
    del model
    gc.collect()
    keras.backend.clear_session()
    gc.collect()
    assert alive() is None


def test_keras_models_with_logits_or_flat_input():
    import keras

    inputs = keras.Input((784,))
    logits = keras.layers.Dense(10, name="logits")(inputs)  # tanpa softmax
    model = keras.Model(inputs, logits)
    weights, bias = model.get_layer("logits").get_weights()
    image = np.linspace(0, 1, 784, dtype=np.float32).reshape(28, 28)
    z = image.reshape(1, -1) @ weights + bias
    expected = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    probs = predict_proba(model, image)
    np.testing.assert_allclose(probs, expected[0], atol=1e-5)
    assert predict_digit(model, image)[0] == int(np.argmax(z))


def test_keras_model_for_other_image_sizes_is_rejected():
    import keras

    inputs = keras.Input((32, 32, 1))
    model = keras.Model(inputs, keras.layers.Dense(10)(keras.layers.Flatten()(inputs)))
    with pytest.raises(ValueError, match="28 × 28"):
        predict_digit(model, np.zeros((28, 28)))


def test_bad_image_is_reported_before_running_the_model(cnn_model, network):
    for model in (cnn_model, network):
        with pytest.raises(ValueError, match="`image`"):
            predict_digit(model, np.zeros((20, 20)))
