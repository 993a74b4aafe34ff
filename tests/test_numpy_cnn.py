"""Uji untuk `saraf.numpy_cnn`: gradien (numerik dan Keras), lapisan, pelatihan, berkas, galat.

Acuan: gradien numerik dengan selisih terpusat (float64), TensorFlow/Keras (float32), dan
rumus yang ditulis ulang di sini. Rumus mundur setiap operasi ada di `saraf.ops` dan diuji
tersendiri di tests/test_ops_*.py; di sini diuji rangkaiannya sebagai jaringan.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import numpy_cnn, ops
from saraf.data import load_mnist
from saraf.mlp import Network
from saraf.numpy_cnn import Conv2D, ConvNet, Dense, Flatten, MaxPool2D, ReLU
from saraf.optim import SGD, Adam
from saraf.predict import predict_digit

FAST = settings(max_examples=25, deadline=None)


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


@pytest.fixture(scope="module")
def keras(tf):
    return pytest.importorskip("keras")


@pytest.fixture(scope="module")
def mnist():
    """MNIST bawaan: gambar uint8 (N, 28, 28) dan label, seperti dari `load_mnist`."""
    return load_mnist()


@pytest.fixture(scope="module")
def pretrained_net():
    return numpy_cnn.pretrained()


# ---------------------------------------------------------------------------
# Pembantu
# ---------------------------------------------------------------------------


def mean_cross_entropy(logits, labels):
    """Acuan mandiri: rata-rata −log softmax(logit)[label], lewat log-sum-exp (float64)."""
    z = np.asarray(logits, dtype=np.float64)
    z = z - z.max(axis=1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(z)), labels].mean())


def to_float64(net):
    """Mengubah semua parameter jaringan menjadi float64, di tempatnya.

    Lapisan menyimpan parameternya dua kali: sebagai atribut (``kernel``/``weights``,
    ``bias``, dipakai ``forward``/``backward``) dan di list ``params`` (dipakai
    ``net.params`` dan pengoptimal, yang mengubah array di tempat). Keduanya harus menunjuk
    array yang SAMA; jadi atribut dan ``params`` diganti bersama. float64 diperlukan agar
    selisih terpusat (h ≈ 1e-6) jauh di atas galat pembulatan (float32 hanya ≈ 7 digit).
    """
    for layer in net.layers:
        if isinstance(layer, Conv2D):
            layer.kernel = layer.kernel.astype(np.float64)
            layer.bias = layer.bias.astype(np.float64)
            layer.params = [layer.kernel, layer.bias]
        elif isinstance(layer, Dense):
            layer.weights = layer.weights.astype(np.float64)
            layer.bias = layer.bias.astype(np.float64)
            layer.params = [layer.weights, layer.bias]
    return net


def numerical_gradient(f, array, h=1e-6):
    """∂f/∂array dengan selisih terpusat (f(a + h) − f(a − h)) / 2h, elemen demi elemen."""
    grad = np.zeros_like(array, dtype=np.float64)
    for index in np.ndindex(array.shape):
        old = array[index]
        array[index] = old + h
        plus = f()
        array[index] = old - h
        minus = f()
        array[index] = old
        grad[index] = (plus - minus) / (2 * h)
    return grad


def relative_error(a, b):
    a, b = np.ravel(a), np.ravel(b)
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


def float32_exact(rng, shape):
    """Bilangan acak 0–1 yang tepat sama dalam float32 dan float64 (masukan x diubah ke
    float32 oleh `ConvNet`, jadi acuannya memakai nilai yang sama persis)."""
    return rng.random(shape).astype(np.float32).astype(np.float64)


def tiny_net(padding, input_shape, filters, seed=0):
    """Conv2D(filters, 3, padding) → ReLU → MaxPool2D(2) → Flatten → Dense(4)."""
    rng = np.random.default_rng(seed)
    h, w, c = input_shape
    if padding == "valid":
        h, w = h - 2, w - 2
    n_in = (h // 2) * (w // 2) * filters
    layers = [Conv2D(c, filters, 3, padding, rng=rng), ReLU(), MaxPool2D(2), Flatten(),
              Dense(n_in, 4, rng=rng)]
    net = ConvNet(layers, input_shape, seed=seed)
    # Bias awalnya nol (seperti Keras); bias acak menguji juga jalur gradien bias.
    for layer in (layers[0], layers[-1]):
        layer.bias[...] = rng.normal(0, 0.1, layer.bias.shape)
    return net


def backward_to_input(net, x, labels):
    """∂L/∂x: propagasi maju, lalu `backward` setiap lapisan dari belakang ke depan."""
    logits = net.feedforward(x)
    grad = ops.softmax_cross_entropy_backward(logits, labels)
    for layer in reversed(net.layers):
        grad = layer.backward(grad)
    return grad


def assert_indonesian(excinfo, *words):
    message = str(excinfo.value)
    for word in words:
        assert word in message, message
    assert any(w in message for w in ("harus", "bukan", "tidak")), message


TINY = [("same", (8, 8, 1), 2), ("valid", (7, 7, 2), 3)]


# ---------------------------------------------------------------------------
# Modul hanya bergantung pada NumPy
# ---------------------------------------------------------------------------


def test_importing_numpy_cnn_does_not_load_tensorflow():
    code = ("import sys, numpy as np, saraf.numpy_cnn as m; net = m.pretrained(); "
            "net.predict(np.zeros((1, 28, 28))); "
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


# ---------------------------------------------------------------------------
# Propagasi balik seluruh jaringan: gradien numerik (float64) dan Keras (float32)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("padding, input_shape, filters", TINY)
def test_backprop_matches_numerical_gradient_of_mean_cross_entropy(padding, input_shape,
                                                                   filters):
    net = to_float64(tiny_net(padding, input_shape, filters))
    rng = np.random.default_rng(1)
    x = float32_exact(rng, (3, *input_shape))
    y = np.array([0, 3, 1])
    loss = net.backprop(x, y)
    grads = [g.copy() for g in net.grads]
    assert loss == pytest.approx(mean_cross_entropy(net.feedforward(x), y), rel=1e-12)
    assert [g.shape for g in grads] == [p.shape for p in net.params]
    assert all(g.dtype == np.float64 for g in grads)  # benar-benar dihitung dalam float64
    for i, p in enumerate(net.params):
        expected = numerical_gradient(lambda: mean_cross_entropy(net.feedforward(x), y), p)
        assert np.abs(expected).max() > 1e-4, f"params[{i}] tidak diuji (gradien nol)"
        np.testing.assert_allclose(grads[i], expected, rtol=1e-5, atol=1e-9,
                                   err_msg=f"params[{i}]")
    # Gradien terhadap masukan juga (lapisan pertama meneruskannya ke "lapisan sebelumnya").
    grad_x = backward_to_input(net, x, y)
    expected_x = numerical_gradient(lambda: mean_cross_entropy(net.feedforward(x), y), x)
    assert relative_error(grad_x, expected_x) < 1e-7


@pytest.mark.parametrize("padding, input_shape, filters", TINY)
def test_logits_and_gradients_match_keras(keras, tf, padding, input_shape, filters):
    net = tiny_net(padding, input_shape, filters)
    model = keras.Sequential([
        keras.Input(input_shape),
        keras.layers.Conv2D(filters, 3, padding=padding, use_bias=True),
        keras.layers.ReLU(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(4),
    ])
    model.set_weights(net.params)  # bentuknya sudah sama: kernel HWIO, Dense (n_in, n_out)
    rng = np.random.default_rng(2)
    x = rng.random((5, *input_shape)).astype(np.float32)
    y = np.array([0, 1, 2, 3, 1])

    loss = net.backprop(x, y)
    x_tf = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x_tf)
        logits = model(x_tf)
        keras_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits)
    *keras_grads, keras_grad_x = tape.gradient(keras_loss, [*model.trainable_weights, x_tf])

    np.testing.assert_allclose(net.feedforward(x), logits.numpy(), rtol=1e-5, atol=1e-6)
    assert loss == pytest.approx(float(keras_loss), rel=1e-5)
    assert len(net.grads) == len(keras_grads) == 4
    for ours, theirs in zip(net.grads, keras_grads):
        assert ours.dtype == np.float32
        np.testing.assert_allclose(ours, theirs.numpy(), rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(backward_to_input(net, x, y), keras_grad_x.numpy(),
                               rtol=1e-4, atol=1e-7)


def test_pretrained_weights_copy_into_keras_as_they_are(keras, pretrained_net, mnist):
    """Docstring network.py: bobot dapat disalin apa adanya ke model Keras yang sama."""
    model = keras.Sequential([keras.Input((28, 28, 1))] + [
        layer for f in (16, 32) for layer in (keras.layers.Conv2D(f, 3), keras.layers.ReLU(),
                                              keras.layers.MaxPooling2D(2))
    ] + [keras.layers.Flatten(), keras.layers.Dense(10)])
    model.set_weights(pretrained_net.params)
    x = (mnist[1][0][:20] / 255).astype(np.float32)[..., None]
    np.testing.assert_allclose(pretrained_net.feedforward(x), model(x).numpy(),
                               rtol=1e-4, atol=1e-4)


# ---------------------------------------------------------------------------
# Setiap lapisan sendiri-sendiri (float64)
# ---------------------------------------------------------------------------


def check_layer(layer, x, params=(), tol=1e-7):
    """``backward`` sebuah lapisan melawan gradien numerik dari L = Σ keluaran · R."""
    out = layer.forward(x)
    weights = np.random.default_rng(7).normal(size=out.shape)  # R: ∂L/∂keluaran

    def loss():
        return float(np.sum(layer.forward(x) * weights))

    grad_x = layer.backward(weights)
    grads = [g.copy() for g in layer.grads]
    assert grad_x.shape == x.shape and grad_x.dtype == np.float64
    assert relative_error(grad_x, numerical_gradient(loss, x)) < tol
    assert len(grads) == len(params)
    for g, p in zip(grads, params):
        assert g.shape == p.shape
        assert relative_error(g, numerical_gradient(loss, p)) < tol
    return out


@pytest.mark.parametrize("padding", ["same", "valid"])
def test_conv2d_layer_backward(padding):
    rng = np.random.default_rng(0)
    layer = Conv2D(2, 3, 3, padding, rng=rng)
    layer.kernel = layer.kernel.astype(np.float64)  # lihat to_float64
    layer.bias = rng.normal(size=3)
    layer.params = [layer.kernel, layer.bias]
    x = rng.random((2, 6, 5, 2))
    out = check_layer(layer, x, layer.params)
    assert out.shape == ((2, 6, 5, 3) if padding == "same" else (2, 4, 3, 3))
    assert layer.config() == {"type": "Conv2D", "in_channels": 2, "filters": 3,
                              "kernel_size": 3, "padding": padding}


def test_dense_layer_backward():
    rng = np.random.default_rng(0)
    layer = Dense(5, 3, rng=rng)
    layer.weights = layer.weights.astype(np.float64)
    layer.bias = rng.normal(size=3)
    layer.params = [layer.weights, layer.bias]
    out = check_layer(layer, rng.normal(size=(4, 5)), layer.params)
    assert out.shape == (4, 3)
    assert layer.config() == {"type": "Dense", "n_in": 5, "n_out": 3}


def test_relu_maxpool_flatten_layers_backward():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2, 5, 4, 3))
    x[np.abs(x) < 1e-3] = 0.5  # jauh dari sudut ReLU di 0
    assert check_layer(ReLU(), x).shape == x.shape
    # Nilai berbeda semua, jadi maksimum setiap jendela jelas (tanpa seri).
    x = rng.permutation(np.arange(2 * 5 * 4 * 3, dtype=np.float64)).reshape(2, 5, 4, 3) / 10
    assert check_layer(MaxPool2D(2), x).shape == (2, 2, 2, 3)
    assert check_layer(MaxPool2D(3), x).shape == (2, 1, 1, 3)
    out = check_layer(Flatten(), x)
    np.testing.assert_array_equal(out, x.reshape(2, -1))  # urutan NHWC, seperti Keras
    for layer, config in ((ReLU(), {"type": "ReLU"}), (MaxPool2D(3), {"type": "MaxPool2D",
                                                                        "size": 3}),
                          (Flatten(), {"type": "Flatten"})):
        assert layer.config() == config and layer.params == []


def test_layers_start_like_keras_glorot_uniform_and_zero_bias():
    rng = np.random.default_rng(0)
    conv, dense = Conv2D(4, 32, 5, rng=rng), Dense(300, 100, rng=rng)
    for array, fan_in, fan_out in ((conv.kernel, 5 * 5 * 4, 5 * 5 * 32),
                                   (dense.weights, 300, 100)):
        limit = np.sqrt(6 / (fan_in + fan_out))
        assert array.dtype == np.float32
        assert np.abs(array).max() <= limit and np.abs(array).max() > 0.95 * limit
        assert abs(array.mean()) < 0.05 * limit
        assert array.std() == pytest.approx(limit / np.sqrt(3), rel=0.05)  # U(−r, r)
    assert not conv.bias.any() and not dense.bias.any()
    assert conv.params[0] is conv.kernel and dense.params[0] is dense.weights


def test_layer_arguments_are_checked():
    with pytest.raises(ValueError) as excinfo:
        Conv2D(1, 8, 3, padding="penuh")
    assert_indonesian(excinfo, "`padding`", "'valid'", "'same'")
    for call, name in ((lambda: Conv2D(1, 0), "`filters`"), (lambda: MaxPool2D(0), "`size`"),
                       (lambda: Dense(0, 3), "`n_in`"), (lambda: Conv2D(1, 2, 0),
                                                          "`kernel_size`")):
        with pytest.raises(ValueError) as excinfo:
            call()
        assert_indonesian(excinfo, name)


# ---------------------------------------------------------------------------
# ConvNet: susunan, params/grads, build
# ---------------------------------------------------------------------------


def test_build_architecture_params_and_grads_are_aligned():
    net = numpy_cnn.build(seed=0)
    assert [type(layer).__name__ for layer in net.layers] == [
        "Conv2D", "ReLU", "MaxPool2D", "Conv2D", "ReLU", "MaxPool2D", "Flatten", "Dense"]
    assert net.input_shape == (28, 28, 1) and net.num_classes == 10
    assert [p.shape for p in net.params] == [(3, 3, 1, 8), (8,), (3, 3, 8, 16), (16,),
                                             (400, 10), (10,)]
    assert net.count_params() == 80 + 1168 + 4010
    assert "Conv2D → ReLU" in repr(net) and "5.258 parameter" in repr(net)
    assert net.params[0] is net.layers[0].kernel and net.params[4] is net.layers[7].weights
    x = np.random.default_rng(0).random((3, 28, 28))
    net.backprop(x, [1, 2, 3])
    assert [g.shape for g in net.grads] == [p.shape for p in net.params]
    # Seed yang sama: bobot yang sama; seed lain: bobot lain.
    again, other = numpy_cnn.build(seed=0), numpy_cnn.build(seed=1)
    for a, b, c in zip(net.params, again.params, other.params):
        if a.ndim > 1:
            assert not np.array_equal(b, c)
    for a, b in zip(numpy_cnn.build(seed=0).params, again.params):
        np.testing.assert_array_equal(a, b)
    small = numpy_cnn.build(filters=(4,), kernel_size=5, num_classes=3)
    assert [p.shape for p in small.params] == [(5, 5, 1, 4), (4,), (12 * 12 * 4, 3), (3,)]


def test_build_and_convnet_reject_bad_architectures():
    with pytest.raises(ValueError) as excinfo:
        numpy_cnn.build(filters=(8, 8, 8, 8))  # 28 → 13 → 5 → 1 → habis
    assert_indonesian(excinfo, "`filters`")
    with pytest.raises(TypeError) as excinfo:
        ConvNet([])
    assert_indonesian(excinfo, "`layers`")
    with pytest.raises(TypeError):
        ConvNet([Flatten(), "Dense"])
    with pytest.raises(ValueError) as excinfo:
        ConvNet([Flatten(), Dense(100, 10)])  # 28·28·1 = 784, bukan 100
    assert_indonesian(excinfo, "tidak cocok", "(28, 28, 1)")
    with pytest.raises(ValueError) as excinfo:
        ConvNet([Conv2D(1, 2)])  # tanpa Flatten dan Dense
    assert_indonesian(excinfo, "`layers`", "Flatten")


def test_predict_proba_shapes_batches_and_probabilities(pretrained_net, mnist):
    x = mnist[1][0][:70] / 255
    proba = pretrained_net.predict_proba(x)
    assert proba.shape == (70, 10) and proba.dtype == np.float32
    np.testing.assert_allclose(proba.sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_allclose(pretrained_net.predict_proba(x[..., None]), proba)
    np.testing.assert_allclose(pretrained_net.predict_proba(x, batch_size=8), proba,
                               rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(proba, ops.softmax(pretrained_net.feedforward(
        x[..., None].astype(np.float32))), rtol=1e-5, atol=1e-7)
    np.testing.assert_array_equal(pretrained_net.predict(x), proba.argmax(axis=1))
    assert pretrained_net.evaluate(x, mnist[1][1][:70]) == int(
        np.sum(proba.argmax(axis=1) == mnist[1][1][:70]))


# ---------------------------------------------------------------------------
# Model tersimpan
# ---------------------------------------------------------------------------


def test_pretrained_reaches_97_percent_on_embedded_mnist(pretrained_net, mnist):
    (_, _), (x_test, y_test) = mnist
    assert pretrained_net.input_shape == (28, 28, 1)
    assert [layer.filters for layer in pretrained_net.layers if isinstance(layer, Conv2D)] \
        == [16, 32]
    assert len(y_test) == 2000
    accuracy = pretrained_net.evaluate(x_test / 255, y_test) / len(y_test)
    assert accuracy >= 0.97, accuracy


def test_predict_digit_accepts_the_numpy_cnn(pretrained_net, mnist):
    x_test = mnist[1][0]
    predicted = pretrained_net.predict(x_test[:10] / 255)
    proba = pretrained_net.predict_proba(x_test[:10] / 255)
    for i in range(10):
        for image in (x_test[i], x_test[i] / 255):  # uint8 0–255 dan float 0–1
            digit, confidence = predict_digit(pretrained_net, image)
            assert digit == predicted[i]
            assert confidence == pytest.approx(float(proba[i].max()), rel=1e-5)


# ---------------------------------------------------------------------------
# Pelatihan
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def subset(mnist):
    (x_train, y_train), _ = mnist
    return x_train[:256] / 255, y_train[:256], x_train[256:320] / 255, y_train[256:320]


def without_seconds(history):
    return [{k: v for k, v in record.items() if k != "seconds"} for record in history]


def test_fit_lowers_the_loss_and_reports_history(subset):
    x, y, x_val, y_val = subset
    net = numpy_cnn.build(filters=(4, 8), seed=0)
    before = net.backprop(x, y)
    history = net.fit(x, y, epochs=3, batch_size=32, optimizer=Adam(0.01),
                      validation_data=(x_val, y_val))
    assert [record["epoch"] for record in history] == [1, 2, 3]
    assert all(set(record) == {"epoch", "loss", "accuracy", "seconds", "val_loss",
                               "val_accuracy"} for record in history)
    assert history[-1]["loss"] < history[1]["loss"] < history[0]["loss"] < before
    assert net.backprop(x, y) < 0.5 * before
    assert history[-1]["accuracy"] > history[0]["accuracy"]
    assert net.evaluate(x, y) / len(y) > 0.5  # tebakan acak: ≈ 0,1
    assert all(record["seconds"] >= 0 for record in history)
    # Nilai validasi dihitung dengan bobot akhir epoch (di sini: epoch terakhir).
    assert history[-1]["val_accuracy"] == net.evaluate(x_val, y_val) / len(y_val)
    assert history[-1]["val_loss"] == pytest.approx(
        mean_cross_entropy(net.feedforward(x_val[..., None].astype(np.float32)), y_val),
        rel=1e-4)
    assert set(net.fit(x, y)[0]) == {"epoch", "loss", "accuracy", "seconds"}


def test_fit_progress_bar_counts_mini_batches_on_stderr(subset, capsys, monkeypatch):
    import tqdm

    totals = []
    real_init = tqdm.tqdm.__init__

    def recording_init(self, *args, **kwargs):
        totals.append((kwargs.get("total"), kwargs.get("unit")))
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(tqdm.tqdm, "__init__", recording_init)
    x, y = subset[0][:70], subset[1][:70]
    numpy_cnn.build(filters=(2,), seed=0).fit(x, y, epochs=2, batch_size=32, progress=True)
    captured = capsys.readouterr()
    assert captured.out == "" and "pelatihan" in captured.err
    assert totals == [(2 * 3, "batch")]  # 70 gambar = 3 mini-batch (32, 32, 6) per epoch


def test_fit_one_full_batch_sgd_step_is_backprop_then_update(subset):
    x, y = subset[0][:64], subset[1][:64]
    net = numpy_cnn.build(filters=(4,), seed=3)
    reference = copy.deepcopy(net)
    loss = reference.backprop(x, y)
    correct = int(np.sum(reference.predict(x) == y))
    expected = [p - 0.1 * g for p, g in zip(reference.params, reference.grads)]
    (record,) = net.fit(x, y, epochs=1, batch_size=64, optimizer=SGD(0.1))
    # Satu mini-batch berisi semua gambar (urutannya diacak): loss dan akurasi sebelum langkah.
    assert record["loss"] == pytest.approx(loss, rel=1e-5)
    assert record["accuracy"] == correct / 64
    for p, e in zip(net.params, expected):
        np.testing.assert_allclose(p, e, rtol=1e-4, atol=1e-6)
    # update_mini_batch melakukan hal yang sama.
    again = copy.deepcopy(reference)
    assert again.update_mini_batch(x, y, SGD(0.1)) == pytest.approx(loss, rel=1e-6)
    for p, e in zip(again.params, expected):
        np.testing.assert_allclose(p, e, rtol=1e-5, atol=1e-7)


def test_fit_is_deterministic_for_a_seed_and_defaults_to_adam(subset):
    x, y = subset[0][:96], subset[1][:96]
    runs = [numpy_cnn.build(filters=(4, 8), seed=5) for _ in range(3)]
    histories = [runs[0].fit(x, y, epochs=2), runs[1].fit(x, y, epochs=2),
                 runs[2].fit(x, y, epochs=2, optimizer=Adam(0.001))]
    assert without_seconds(histories[0]) == without_seconds(histories[1]) \
        == without_seconds(histories[2])
    for a, b, c in zip(*(net.params for net in runs)):
        np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(a, c)
    other = numpy_cnn.build(filters=(4, 8), seed=6)
    assert without_seconds(other.fit(x, y, epochs=2)) != without_seconds(histories[0])


def test_fit_continues_with_the_same_optimizer(subset):
    x, y = subset[0][:96], subset[1][:96]
    once, twice, fresh = (numpy_cnn.build(filters=(4,), seed=2) for _ in range(3))
    history = once.fit(x, y, epochs=2, optimizer=SGD(0.05, momentum=0.9))
    optimizer = SGD(0.05, momentum=0.9)
    first = twice.fit(x, y, epochs=1, optimizer=optimizer)
    second = twice.fit(x, y, epochs=1, optimizer=optimizer)
    assert optimizer.iterations == 2 * 3  # 96 / 32 = 3 mini-batch per epoch
    assert without_seconds(first)[0] == without_seconds(history)[0]
    assert second[0]["loss"] == history[1]["loss"]
    for a, b in zip(once.params, twice.params):
        np.testing.assert_array_equal(a, b)
    # Pengoptimal baru di panggilan kedua: kecepatan (momentum) mulai dari nol lagi.
    fresh.fit(x, y, epochs=1, optimizer=SGD(0.05, momentum=0.9))
    fresh.fit(x, y, epochs=1, optimizer=SGD(0.05, momentum=0.9))
    assert not np.allclose(fresh.params[0], once.params[0])
    # Parameter tetap array yang sama (diubah di tempat), jadi lapisan memakai bobot baru.
    assert twice.params[0] is twice.layers[0].kernel


# ---------------------------------------------------------------------------
# Simpan dan muat (.npz tanpa pickle)
# ---------------------------------------------------------------------------


@pytest.fixture
def no_pickle(monkeypatch):
    """Setiap np.load harus memakai allow_pickle=False."""
    original = np.load

    def checked_load(*args, **kwargs):
        assert kwargs.get("allow_pickle") is False, kwargs
        return original(*args, **kwargs)

    monkeypatch.setattr(np, "load", checked_load)


def test_save_load_round_trip(tmp_path, subset, no_pickle):
    x = subset[0][:20]
    net = numpy_cnn.build(filters=(3, 5), kernel_size=3, seed=4)
    net.fit(x, subset[1][:20], epochs=1, batch_size=10)
    path = net.save(tmp_path / "cnn.npz")
    assert path == tmp_path / "cnn.npz"
    loaded = ConvNet.load(path)
    assert [layer.config() for layer in loaded.layers] == [layer.config()
                                                           for layer in net.layers]
    assert loaded.input_shape == net.input_shape and loaded.num_classes == 10
    for a, b in zip(net.params, loaded.params):
        assert a.dtype == b.dtype == np.float32
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(loaded.predict_proba(x), net.predict_proba(x))
    assert loaded.params[0] is loaded.layers[0].kernel  # bukan salinan yang terlepas
    np.testing.assert_array_equal(ConvNet.load(str(path)).params[-1], net.params[-1])
    with pytest.raises(ValueError) as excinfo:
        net.save(tmp_path / "cnn.pkl")
    assert_indonesian(excinfo, "`path`", ".npz")


def _saved_arrays(net, tmp_path):
    path = net.save(tmp_path / "asli.npz")
    with np.load(path, allow_pickle=False) as npz:
        return {key: npz[key] for key in npz.files}


def _corrupt(tmp_path, name, **changes):
    """Berkas .npz dari jaringan kecil, dengan array yang diganti (None: dihapus)."""
    arrays = _saved_arrays(numpy_cnn.build(filters=(2,), seed=0), tmp_path)
    for key, value in changes.items():
        if value is None:
            del arrays[key]
        else:
            arrays[key] = value
    path = tmp_path / name
    np.savez(path, **arrays)
    return path


def _config_with(tmp_path, edit):
    arrays = _saved_arrays(numpy_cnn.build(filters=(2,), seed=0), tmp_path)
    config = json.loads(str(arrays["config"]))
    edit(config)
    return json.dumps(config)


CORRUPT_CASES = {
    "pickle": "pickle",
    "terpotong": "rusak atau terpotong",
    "acak": "bukan arsip .npz",
    "format_salah": "format",
    "param_hilang": "parameter",
    "bentuk_salah": "p0",
    "nan": "p2",
    "lapisan_asing": "jenis lapisan 'Conv3D' tidak dikenal",
    "raksasa": "butuh 1000000000000 bobot",
    "mlp": "format",
    "objek": "pickle",
}


@pytest.mark.parametrize("case", sorted(CORRUPT_CASES))
def test_corrupted_files_are_rejected_in_indonesian(tmp_path, case, no_pickle):
    import pickle

    path = tmp_path / f"{case}.npz"
    if case == "pickle":
        path.write_bytes(pickle.dumps({"p0": np.zeros(3)}))
    elif case == "terpotong":
        good = numpy_cnn.build(filters=(2,), seed=0).save(tmp_path / "utuh.npz").read_bytes()
        path.write_bytes(good[:len(good) // 2])
    elif case == "acak":
        path.write_bytes(np.random.default_rng(0).bytes(500))
    elif case == "format_salah":
        path = _corrupt(tmp_path, path.name, format=np.array("saraf.mlp.Network"))
    elif case == "param_hilang":
        path = _corrupt(tmp_path, path.name, p3=None)
    elif case == "bentuk_salah":
        path = _corrupt(tmp_path, path.name, p0=np.zeros((3, 3, 1, 3), np.float32))
    elif case == "nan":
        path = _corrupt(tmp_path, path.name, p2=np.full((13 * 13 * 2, 10), np.nan, np.float32))
    elif case == "lapisan_asing":
        config = _config_with(tmp_path, lambda c: c["layers"][0].update(type="Conv3D"))
        path = _corrupt(tmp_path, path.name, config=np.array(config))
    elif case == "raksasa":  # ditolak sebelum bobotnya dibuat (tanpa memesan memori raksasa)
        config = _config_with(tmp_path, lambda c: c["layers"][-1].update(n_in=10**6, n_out=10**6))
        path = _corrupt(tmp_path, path.name, config=np.array(config))
    elif case == "mlp":
        Network([784, 5, 10], seed=0).save(path)
    elif case == "objek":  # array objek hanya bisa dibuka dengan pickle
        path = _corrupt(tmp_path, path.name, config=np.array([{"layers": []}], dtype=object))
    with pytest.raises(ValueError) as excinfo:
        ConvNet.load(path)
    message = str(excinfo.value)
    assert str(path) in message and "bukan CNN NumPy" in message, message
    assert CORRUPT_CASES[case] in message, message


def test_more_broken_configs_are_value_errors(tmp_path):
    edits = [lambda c: c["layers"][0].update(filters=0),
             lambda c: c["layers"][0].update(warna="merah"),
             lambda c: c.update(input_shape=[20, 20, 1]),
             lambda c: c.pop("layers"),
             lambda c: c["layers"].pop()]
    for i, edit in enumerate(edits):
        config = _config_with(tmp_path, edit)
        path = _corrupt(tmp_path, f"config{i}.npz", config=np.array(config))
        with pytest.raises(ValueError, match="bukan CNN NumPy"):
            ConvNet.load(path)
    path = _corrupt(tmp_path, "bukan_json.npz", config=np.array("{lapisan: ["))
    with pytest.raises(ValueError, match="bukan CNN NumPy"):
        ConvNet.load(path)
    path = _corrupt(tmp_path, "int.npz", p0=np.zeros((3, 3, 1, 2), np.int32))
    with pytest.raises(ValueError, match="p0"):
        ConvNet.load(path)
    with pytest.raises(ValueError) as excinfo:
        ConvNet.load(tmp_path / "tidak_ada.npz")
    assert_indonesian(excinfo, "`path`", "tidak_ada.npz")


# ---------------------------------------------------------------------------
# Masukan yang salah: pesan berbahasa Indonesia
# ---------------------------------------------------------------------------


def test_bad_images_are_explained(pretrained_net, mnist):
    x_test = mnist[1][0]
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.predict_proba(x_test[:3])  # uint8 0–255
    assert_indonesian(excinfo, "`x`", "0 sampai 1", "x / 255")
    for single in (x_test[0] / 255, x_test[0][..., None] / 255):
        with pytest.raises(ValueError) as excinfo:
            pretrained_net.predict(single)
        assert_indonesian(excinfo, "`x`", "x[np.newaxis]")
    for shape in ((2, 27, 27), (2, 28, 28, 3), (2, 784), (0, 28, 28)):
        with pytest.raises(ValueError) as excinfo:
            pretrained_net.predict_proba(np.zeros(shape))
        assert_indonesian(excinfo, "`x`", "(N, 28, 28)")
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.predict_proba(np.full((1, 28, 28), np.nan))
    assert_indonesian(excinfo, "`x`", "NaN")
    with pytest.raises(TypeError):
        pretrained_net.predict_proba(np.full((1, 28, 28), "a"))
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.predict_proba(x_test[:2] / 255, batch_size=0)
    assert_indonesian(excinfo, "`batch_size`")


def test_bad_labels_are_explained(pretrained_net, mnist):
    x = mnist[1][0][:3] / 255
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.evaluate(x, [1, 10, 2])
    assert_indonesian(excinfo, "`y`", "label 0 sampai 9", "10")
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.backprop(x, [1, 2])
    assert_indonesian(excinfo, "`y`", "3 label")
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.backprop(x, np.eye(10)[[1, 2, 3]])
    assert_indonesian(excinfo, "`y`", "argmax")
    with pytest.raises(ValueError) as excinfo:
        pretrained_net.backprop(x, [1, -1, 2])
    assert_indonesian(excinfo, "`y`", "≥ 0")


def test_bad_training_arguments_are_explained(subset):
    x, y = subset[0][:8], subset[1][:8]
    net = numpy_cnn.build(filters=(2,), seed=0)
    before = [p.copy() for p in net.params]
    for bad in ("adam", Adam, None.__class__):
        with pytest.raises(TypeError) as excinfo:
            net.fit(x, y, optimizer=bad)
        assert_indonesian(excinfo, "`optimizer`", "saraf.optim")
    with pytest.raises(TypeError) as excinfo:
        net.update_mini_batch(x, y, "sgd")
    assert_indonesian(excinfo, "`optimizer`")
    for bad, name in (((x,), "`validation_data`"), (x, "`validation_data`"),
                      ((x * 255, y), "`validation_data[0]`"),
                      ((x, y[:5]), "`validation_data[1]`"),
                      ((x, y + 10), "`validation_data[1]`")):
        with pytest.raises(ValueError) as excinfo:
            net.fit(x, y, validation_data=bad)
        assert_indonesian(excinfo, name)
    for kwargs, name in (({"epochs": 0}, "`epochs`"), ({"batch_size": 0}, "`batch_size`")):
        with pytest.raises(ValueError) as excinfo:
            net.fit(x, y, **kwargs)
        assert_indonesian(excinfo, name)
    with pytest.raises(TypeError) as excinfo:
        net.fit(x, y, progress="ya")
    assert_indonesian(excinfo, "`progress`")
    for a, b in zip(before, net.params):  # semua diperiksa sebelum bobot diubah
        np.testing.assert_array_equal(a, b)


def test_grads_exist_before_the_first_backprop():
    net = numpy_cnn.build(filters=(2,), seed=0)
    assert [g.shape for g in net.grads] == [p.shape for p in net.params]
    assert all(not g.any() for g in net.grads)


def test_input_shape_must_be_three_dimensional():
    with pytest.raises(ValueError, match="`input_shape` harus bentuk satu gambar"):
        ConvNet([Flatten(), Dense(784, 10)], input_shape=(28, 28))


# ---------------------------------------------------------------------------
# Sifat umum untuk arsitektur acak yang kecil (hypothesis)
# ---------------------------------------------------------------------------


@st.composite
def architectures(draw):
    """Satu atau dua blok Conv2D → ReLU → MaxPool2D dengan ukuran acak, lalu Dense."""
    h, w = draw(st.integers(3, 10)), draw(st.integers(3, 10))
    channels = draw(st.integers(1, 3))
    blocks = draw(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3),
                                     st.sampled_from(["valid", "same"]), st.integers(1, 3)),
                           min_size=1, max_size=2))
    return (h, w, channels), blocks, draw(st.integers(2, 5)), draw(st.integers(1, 4)), \
        draw(st.integers(0, 2**16))


@FAST
@given(architectures())
def test_random_architectures_shapes_and_gradients(arch):
    (h, w, c), blocks, classes, n, seed = arch
    rng = np.random.default_rng(seed)
    layers, expected_shapes, size_h, size_w, channels = [], [], h, w, c
    for filters, k, padding, pool in blocks:
        layers += [Conv2D(channels, filters, k, padding, rng=rng), ReLU(), MaxPool2D(pool)]
        if padding == "valid":
            size_h, size_w = size_h - k + 1, size_w - k + 1
        expected_shapes += [(size_h, size_w, filters)] * 2
        size_h, size_w, channels = size_h // pool, size_w // pool, filters
        expected_shapes.append((size_h, size_w, filters))
    fits = min(size_h, size_w) >= 1 and min(s for shape in expected_shapes
                                             for s in shape[:2]) >= 1
    layers += [Flatten(), Dense(max(size_h, 1) * max(size_w, 1) * channels, classes, rng=rng)]
    if not fits:  # peta fitur habis: ditolak dengan pesan yang jelas
        with pytest.raises(ValueError, match="tidak cocok"):
            ConvNet(layers, (h, w, c))
        return
    net = ConvNet(layers, (h, w, c), seed=0)
    assert net.num_classes == classes
    x = rng.random((n, h, w, c)).astype(np.float32)
    out = x
    for layer, shape in zip(net.layers, expected_shapes):
        out = layer.forward(out)
        assert out.shape == (n, *shape)
    assert net.feedforward(x).shape == (n, classes)
    y = rng.integers(0, classes, n)
    loss = net.backprop(x, y)
    assert np.isfinite(loss) and loss >= 0
    assert [g.shape for g in net.grads] == [p.shape for p in net.params]
    assert all(g.dtype == np.float32 for g in net.grads)
    assert backward_to_input(net, x, y).shape == x.shape
    # Kerugian = rata-rata atas batch, jadi gradien batch = rata-rata gradien tiap gambar.
    net.backprop(x, y)
    batch_grads = [g.copy() for g in net.grads]
    single = []
    for i in range(n):
        net.backprop(x[i:i + 1], y[i:i + 1])
        single.append([g.copy() for g in net.grads])
    for j, g in enumerate(batch_grads):
        np.testing.assert_allclose(g, np.mean([s[j] for s in single], axis=0),
                                   rtol=1e-4, atol=1e-6)
    # Setiap gambar diprediksi sendiri-sendiri: hasil batch = hasil per gambar.
    proba = net.predict_proba(x)
    for i in range(n):
        np.testing.assert_allclose(proba[i], net.predict_proba(x[i:i + 1])[0],
                                   rtol=1e-5, atol=1e-7)
