"""Tes assets/evaluate_handwriting.py (issue 18).

Cepat: label gambar pengguna dan hitungan akurasi dengan model palsu (gambar angka UCI
sebagai foto: `tests/test_writers.py`; augmentasi: `tests/test_augment.py`). Lambat (`slow`,
butuh TensorFlow): model Keras tersimpan diukur pada MNIST, pada tulisan tangan penulis lain
(data bawaan `data/uci_digits.npz`, tanpa scikit-learn), dan pada gambar pengguna.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from saraf import resources


def _script(name: str):
    path = resources.asset(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ev = _script("evaluate_handwriting")


# ---------------------------------------------------------------------------
# Kumpulan gambar
# ---------------------------------------------------------------------------


def test_user_labels_cover_the_handwriting_images():
    labels = ev.user_labels()
    files = sorted(p.name for p in ev.HANDWRITING.iterdir() if p.suffix in (".png", ".jpg"))
    assert sorted(labels) == files
    assert set(labels.values()) <= set(range(10))


# ---------------------------------------------------------------------------
# Hitungan akurasi dengan model palsu
# ---------------------------------------------------------------------------


class MeanBrightness:
    """Model palsu: kelas = ⌊10 · rata-rata piksel⌋; mencatat bentuk masukan yang diterima."""

    def __init__(self, input_shape=None, logits=False):
        if input_shape is not None:
            self.input_shape = input_shape
        self.logits = logits
        self.shapes = []

    def predict_proba(self, x):
        self.shapes.append(x.shape)
        digit = min(int(10 * float(np.mean(x))), 9)
        scores = np.full((1, 10), -3.0 if self.logits else 0.0)
        scores[0, digit] = 5.0 if self.logits else 1.0
        return scores


def _images(n=20, seed=0):
    rng = np.random.default_rng(seed)
    level = rng.uniform(0, 1, n)
    x = np.stack([np.full((28, 28), v, dtype=np.float32) for v in level])
    return x, np.minimum((10 * level).astype(int), 9)


@pytest.mark.parametrize("model", [MeanBrightness(), MeanBrightness((28, 28, 1), logits=True)])
def test_count_correct_counts_right_guesses(model):
    x, truth = _images()
    labels = truth.copy()
    labels[[1, 4, 7]] = (labels[[1, 4, 7]] + 1) % 10  # tiga label sengaja berbeda
    assert list(ev.predictions(model, x)) == list(truth)
    assert ev.count_correct(model, x, labels) == (int(np.sum(truth == labels)), 20)
    assert ev.count_correct(model, x, labels)[0] == 17
    expected_shape = (1, 784) if not hasattr(model, "input_shape") else (1, 28, 28, 1)
    assert set(model.shapes) == {expected_shape}


def test_evaluate_and_row_text_use_decimal_commas():
    x, truth = _images(8, seed=1)
    wrong = (truth + 1) % 10
    sets = {"semua benar": (x, truth), "semua salah": (x, wrong),
            "separuh": (x, np.where(np.arange(8) < 4, truth, wrong))}
    results = ev.evaluate(MeanBrightness(), sets)
    assert results == {"semua benar": (8, 8), "semua salah": (0, 8), "separuh": (4, 8)}
    row = ev.format_row("palsu", results)
    assert row.startswith("palsu")
    assert "100,00% (8/8)" in row and "0,00% (0/8)" in row and "50,00% (4/8)" in row


def test_count_correct_needs_one_label_per_image():
    x, truth = _images(5)
    with pytest.raises(ValueError, match="`y` harus 5 label"):
        ev.count_correct(MeanBrightness(), x, truth[:4])


def test_load_model_rejects_unknown_names():
    with pytest.raises(ValueError, match="`name` harus salah satu dari"):
        ev.load_model("cnn_lain")


# ---------------------------------------------------------------------------
# Lambat: model Keras tersimpan
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_stored_keras_cnn_reads_other_writers():
    pytest.importorskip("tensorflow", reason="TensorFlow tidak terpasang")
    model = ev.load_model("cnn_keras")
    assert [layer.name for layer in model.layers] == [
        "image", "conv1", "pool1", "conv2", "pool2", "flatten", "dropout", "output"]
    results = ev.evaluate(model, ev.load_sets())
    totals = {name: total for name, (_, total) in results.items()}
    assert totals == {"MNIST uji": 2000, "penulis lain": 1797, "gambar pengguna": 12}
    correct = {name: c / total for name, (c, total) in results.items()}
    assert correct["MNIST uji"] >= 0.97
    assert correct["penulis lain"] >= 0.90
    assert correct["gambar pengguna"] == 1.0
