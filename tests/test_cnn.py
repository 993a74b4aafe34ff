"""Tes `saraf.cnn`: data, model pelajaran 12/13, pelatihan yang dapat diulang, evaluasi,
peta fitur, serta menyimpan/memuat `.keras` dengan safe mode. Model dilatih kecil dan cepat."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from saraf import cnn, data, evaluation, resources
from saraf.data import load_mnist

keras = pytest.importorskip("keras")


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.fixture(scope="module")
def small_data(mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    return (x_train[:384], y_train[:384]), (x_test[:128], y_test[:128])


def tiny_model():
    return cnn.build_mnist_cnn(filters=(4,), kernel_size=5, dropout=0.25)


# ---------------------------------------------------------------------------
# Impor
# ---------------------------------------------------------------------------


def test_importing_saraf_cnn_and_predict_does_not_load_tensorflow():
    code = ("import sys, saraf, saraf.cnn, saraf.predict, saraf.plots;"
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_numpy_helpers_are_re_exported():
    # Notebook memanggil cnn.prepare_images(...), cnn.confusion_matrix(...), dan seterusnya.
    assert cnn.prepare_images is data.prepare_images
    for name in ("train_val_split", "confusion_matrix", "per_class_accuracy"):
        assert getattr(cnn, name) is getattr(evaluation, name)
    assert cnn.ASSETS_DIR == resources.ASSETS_DIR and cnn.PRETRAINED == {"mnist": "cnn_mnist.keras"}
    assert cnn.DEFAULT_SEED == 42


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------


def layout(model):
    return [(layer.name, tuple(layer.output.shape[1:]), layer.count_params())
            for layer in model.layers]


def test_build_mnist_cnn_matches_lesson_12():
    model = cnn.build_mnist_cnn()
    assert layout(model) == [
        ("image", (28, 28, 1), 0),
        ("conv1", (24, 24, 32), 5 * 5 * 1 * 32 + 32),
        ("pool1", (12, 12, 32), 0),
        ("conv2", (8, 8, 64), 5 * 5 * 32 * 64 + 64),
        ("pool2", (4, 4, 64), 0),
        ("flatten", (1024,), 0),
        ("dropout", (1024,), 0),
        ("output", (10,), 1024 * 10 + 10),
    ]
    assert model.count_params() == 62346
    assert model.get_layer("dropout").rate == 0.5
    assert model.get_layer("conv1").activation.__name__ == "relu"
    assert model.get_layer("output").activation.__name__ == "softmax"


def test_build_mnist_cnn_options():
    model = cnn.build_mnist_cnn(filters=(16, 32), kernel_size=3)
    assert model.count_params() == 12810
    assert tuple(model.get_layer("pool2").output.shape[1:]) == (5, 5, 32)
    single = cnn.build_mnist_cnn(filters=8, num_classes=3, dropout=0.0)
    assert tuple(single.output.shape[1:]) == (3,)
    assert [layer.name for layer in single.layers][1:3] == ["conv1", "pool1"]


def test_build_fashion_cnn_matches_lesson_13():
    model = cnn.build_fashion_cnn()
    shapes = {layer.name: tuple(layer.output.shape[1:]) for layer in model.layers}
    assert shapes["conv1"] == (14, 14, 32) and shapes["conv2"] == (7, 7, 64)
    assert shapes["conv3"] == (4, 4, 128) and shapes["flatten"] == (2048,)
    conv = (3 * 3 * 1 * 32 + 32) + (3 * 3 * 32 * 64 + 64) + (3 * 3 * 64 * 128 + 128)
    assert model.count_params() == conv + (2048 * 512 + 512) + (512 * 10 + 10) == 1146890
    assert model.get_layer("conv1").strides == (2, 2)
    assert model.get_layer("conv1").padding == "same"
    assert [model.get_layer(n).rate for n in ("dropout1", "dropout2")] == [0.2, 0.2]
    plain = cnn.build_fashion_cnn(dense_units=0)
    assert "dense" not in [layer.name for layer in plain.layers]
    assert plain.count_params() == conv + 2048 * 10 + 10
    seed_model = cnn.build_fashion_cnn(padding="valid")  # model contoh aslinya
    assert tuple(seed_model.get_layer("conv3").output.shape[1:]) == (2, 2, 128)
    assert seed_model.count_params() == 360458


@pytest.mark.parametrize("builder, kwargs, word", [
    (cnn.build_mnist_cnn, {"filters": (8, 8, 8)}, "peta fiturnya habis"),
    (cnn.build_mnist_cnn, {"filters": ()}, "filters"),
    (cnn.build_mnist_cnn, {"filters": (8, 0)}, "filters"),
    (cnn.build_mnist_cnn, {"dropout": 1.0}, "dropout"),
    (cnn.build_mnist_cnn, {"filters": (8, True)}, "filters"),
    (cnn.build_mnist_cnn, {"kernel_size": 0}, "kernel_size"),
    (cnn.build_mnist_cnn, {"num_classes": 1}, "num_classes"),
    (cnn.build_mnist_cnn, {"input_shape": (28, 28)}, "input_shape"),
    (cnn.build_fashion_cnn, {"filters": (8, 8, 8, 8), "padding": "valid"},
     "peta fiturnya habis"),
    (cnn.build_fashion_cnn, {"padding": "full"}, "padding"),
    (cnn.build_fashion_cnn, {"strides": 0}, "strides"),
    (cnn.build_fashion_cnn, {"dense_units": -1}, "dense_units"),
])
def test_builders_reject_bad_arguments(builder, kwargs, word):
    with pytest.raises(ValueError, match=word):
        builder(**kwargs)


def test_builders_reject_wrong_types_with_type_error():
    with pytest.raises(TypeError, match="`dropout`"):
        cnn.build_mnist_cnn(dropout="0.5")
    with pytest.raises(TypeError, match="`kernel_size`"):
        cnn.build_fashion_cnn(kernel_size="3")


def test_compile_model_uses_adam_and_sparse_cross_entropy():
    model = cnn.compile_model(tiny_model(), learning_rate=0.002)
    assert type(model.optimizer).__name__ == "Adam"
    assert np.isclose(float(model.optimizer.learning_rate), 0.002)
    assert model.loss == "sparse_categorical_crossentropy"
    with pytest.raises(ValueError, match="learning_rate"):
        cnn.compile_model(tiny_model(), learning_rate=0)
    with pytest.raises(ValueError, match="model Keras"):
        cnn.compile_model("model")


# ---------------------------------------------------------------------------
# Pelatihan
# ---------------------------------------------------------------------------


def train_tiny(small_data, **kwargs):
    (x, y), (x_val, y_val) = small_data
    cnn.make_reproducible(7)
    model = tiny_model()
    history = cnn.train(model, x, y, validation_data=(x_val, y_val), epochs=2, batch_size=64,
                        seed=7, **kwargs)
    return model, history


def test_train_returns_history_and_learns(small_data, capsys):
    model, history = train_tiny(small_data)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 2 for v in history.history.values())
    assert history.history["loss"][1] < history.history["loss"][0]
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("epoch 1/2 · kerugian ")
    for word in ("akurasi", "val_kerugian", "val_akurasi", "dtk"):
        assert word in lines[1]
    assert model.compiled  # dikompilasi otomatis


def test_train_is_repeatable_with_the_same_seed(small_data, capsys):
    first, history_1 = train_tiny(small_data, verbose=False)
    second, history_2 = train_tiny(small_data, verbose=False)
    assert capsys.readouterr().out == ""
    assert history_1.history == history_2.history
    for a, b in zip(first.get_weights(), second.get_weights()):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("kwargs, word, kind", [
    ({"epochs": 0}, "epochs", ValueError),
    ({"batch_size": 1.5}, "batch_size", ValueError),
    ({"validation_data": (np.zeros((2, 28, 28)),)}, "validation_data", ValueError),
    ({"verbose": 1}, "verbose", TypeError),
])
def test_train_rejects_bad_arguments(small_data, kwargs, word, kind):
    (x, y), _ = small_data
    with pytest.raises(kind, match=word):
        cnn.train(tiny_model(), x[:8], y[:8], **kwargs)


def test_train_rejects_labels_the_model_cannot_output(small_data):
    (x, y), _ = small_data
    model = cnn.build_mnist_cnn(filters=(4,), num_classes=3)
    with pytest.raises(ValueError, match="3 neuron keluaran"):
        cnn.train(model, x[:8], y[:8] + 3)
    with pytest.raises(ValueError, match="8 label"):
        cnn.train(model, x[:8], y[:7])


# ---------------------------------------------------------------------------
# Peta fitur
# ---------------------------------------------------------------------------


def test_layer_outputs_for_one_image_and_a_batch(mnist):
    (x_train, _), _ = mnist
    model = cnn.build_mnist_cnn()
    outputs = cnn.layer_outputs(model, x_train[0])
    assert list(outputs) == ["conv1", "pool1", "conv2", "pool2", "flatten", "dropout", "output"]
    assert outputs["conv1"].shape == (1, 24, 24, 32) and outputs["output"].shape == (1, 10)
    np.testing.assert_allclose(outputs["output"],
                               model.predict(cnn.prepare_images(x_train[:1]), verbose=0),
                               atol=1e-6)
    np.testing.assert_array_equal(outputs["flatten"], outputs["dropout"])  # training=False
    same = cnn.layer_outputs(model, x_train[0].reshape(28, 28, 1), layer_names="pool2")
    assert list(same) == ["pool2"]
    np.testing.assert_allclose(same["pool2"], outputs["pool2"], atol=1e-6)
    batch = cnn.layer_outputs(model, x_train[:3], ["conv2"])
    assert batch["conv2"].shape == (3, 8, 8, 64)
    with pytest.raises(ValueError, match="conv1"):
        cnn.layer_outputs(model, x_train[0], ["conv9"])


# ---------------------------------------------------------------------------
# Menyimpan dan memuat
# ---------------------------------------------------------------------------


def test_save_and_load_round_trip(tmp_path, small_data):
    (x, _), _ = small_data
    model = cnn.compile_model(tiny_model())
    path = cnn.save_model(model, tmp_path / "sub" / "kecil.keras")
    assert path.is_file()
    loaded = cnn.load_model(path)
    assert loaded.compiled
    xs = cnn.prepare_images(x[:16])
    np.testing.assert_allclose(loaded.predict(xs, verbose=0), model.predict(xs, verbose=0),
                               atol=1e-6)
    uncompiled = cnn.save_model(tiny_model(), tmp_path / "mentah.keras")
    assert cnn.load_model(uncompiled).compiled          # dikompilasi otomatis
    assert not cnn.load_model(uncompiled, compile=False).compiled


def test_save_and_load_reject_bad_paths(tmp_path):
    with pytest.raises(ValueError, match=".keras"):
        cnn.save_model(tiny_model(), tmp_path / "model.h5")
    with pytest.raises(ValueError, match="pickle"):
        cnn.load_model(tmp_path / "model.pkl")
    with pytest.raises(FileNotFoundError, match="tidak ditemukan"):
        cnn.load_model(tmp_path / "hilang.keras")
    fake = tmp_path / "palsu.keras"
    fake.write_bytes(b"\x80\x04bukan zip")
    with pytest.raises(ValueError, match="bukan model .keras"):
        cnn.load_model(fake)
    with pytest.raises(ValueError, match="model Keras"):
        cnn.save_model(object(), tmp_path / "x.keras")


def test_load_model_uses_safe_mode(tmp_path):
    inputs = keras.Input((28, 28, 1))
    outputs = keras.layers.Lambda(lambda t: t * 2)(inputs)
    path = tmp_path / "lambda.keras"
    keras.Model(inputs, outputs).save(path)
    with pytest.raises(ValueError, match="(?i)safe_mode|unsafe|lambda"):
        cnn.load_model(path)


def test_load_pretrained_mnist_reaches_the_lesson_threshold(mnist):
    _, (x_test, y_test) = mnist
    model = cnn.load_pretrained("mnist")
    assert layout(model) == layout(cnn.build_mnist_cnn())
    _, accuracy = model.evaluate(cnn.prepare_images(x_test), y_test, verbose=0)
    assert accuracy >= 0.97
    with pytest.raises(ValueError, match="'mnist'"):
        cnn.load_pretrained("cifar")


def test_make_reproducible_rejects_bad_seed():
    for bad, kind in ((-1, ValueError), (2**32, ValueError), (1.5, ValueError),
                      (True, TypeError), ("42", TypeError)):
        with pytest.raises(kind, match="`seed` harus bilangan bulat dari 0 sampai 2"):
            cnn.make_reproducible(bad)
