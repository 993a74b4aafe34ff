"""Uji untuk `saraf.evaluation`: data validasi berstrata, matriks konfusi, akurasi per kelas."""

import subprocess
import sys

import numpy as np
import pytest

from saraf import evaluation
from saraf.data import load_mnist


def test_importing_evaluation_does_not_load_tensorflow():
    code = ("import sys, saraf.evaluation; "
            "print('tensorflow' in sys.modules, 'keras' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_train_val_split_is_stratified_disjoint_and_repeatable():
    (x_train, y_train), _ = load_mnist()
    index = np.arange(len(x_train))
    (i_tr, y_tr), (i_val, y_val) = evaluation.train_val_split(index, y_train, 0.1, seed=0)
    assert len(i_tr) + len(i_val) == len(x_train)
    assert set(i_tr).isdisjoint(i_val) and set(i_tr) | set(i_val) == set(index)
    np.testing.assert_array_equal(y_train[i_val], y_val)
    counts, expected = np.bincount(y_val), np.bincount(y_train) * 0.1
    assert np.all(np.abs(counts - expected) <= 0.5 + 1e-9)  # setiap kelas ±pembulatan
    (again, _), _ = evaluation.train_val_split(index, y_train, 0.1, seed=0)
    np.testing.assert_array_equal(again, i_tr)
    (other, _), _ = evaluation.train_val_split(index, y_train, 0.1, seed=1)
    assert not np.array_equal(other, i_tr)


@pytest.mark.parametrize("kwargs, word, kind", [
    ({"val_fraction": 0}, "val_fraction", ValueError),
    ({"val_fraction": 1.0}, "val_fraction", ValueError),
    ({"val_fraction": True}, "val_fraction", TypeError),
    ({"seed": -1}, "seed", ValueError),
    ({"seed": "0"}, "seed", TypeError),
    ({"val_fraction": 0.001}, "minimal satu contoh", ValueError),
])
def test_train_val_split_rejects_bad_arguments(kwargs, word, kind):
    with pytest.raises(kind, match=word):
        evaluation.train_val_split(np.zeros((20, 2)), np.arange(20) % 2, **kwargs)


def test_train_val_split_rejects_bad_labels():
    with pytest.raises(ValueError, match="20 label"):
        evaluation.train_val_split(np.zeros((20, 2)), np.zeros(19, int))
    with pytest.raises(ValueError, match="argmax"):
        evaluation.train_val_split(np.zeros((20, 2)), np.eye(10)[np.arange(20) % 10])


def test_confusion_matrix_and_per_class_accuracy():
    y_true = np.array([0, 0, 1, 1, 1, 2])
    y_pred = np.array([0, 1, 1, 1, 0, 2])
    cm = evaluation.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [1, 2, 0], [0, 0, 1]])
    np.testing.assert_allclose(evaluation.per_class_accuracy(cm), [0.5, 2 / 3, 1.0])
    wide = evaluation.confusion_matrix(y_true, y_pred, num_classes=5)
    assert wide.shape == (5, 5) and wide.sum() == 6
    accuracy = evaluation.per_class_accuracy(wide)
    assert np.isnan(accuracy[3]) and np.isnan(accuracy[4])


@pytest.mark.parametrize("args, word", [
    (([0, 1], [0]), "2 label"),
    (([0, 1], [0, 5], 3), "num_classes"),
    (([], []), "minimal satu"),
    (([0, -1], [0, 0]), "≥ 0"),
])
def test_confusion_matrix_rejects_bad_input(args, word):
    with pytest.raises(ValueError, match=word):
        evaluation.confusion_matrix(*args)


def test_per_class_accuracy_rejects_non_square():
    with pytest.raises(ValueError, match="persegi"):
        evaluation.per_class_accuracy(np.zeros((2, 3)))


def test_confusion_matrix_matches_a_loop_on_random_labels():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 7, 500), rng.integers(0, 7, 500)
    expected = np.zeros((7, 7), int)
    for t, p in zip(y_true, y_pred):
        expected[t, p] += 1
    cm = evaluation.confusion_matrix(y_true, y_pred)
    np.testing.assert_array_equal(cm, expected)
    np.testing.assert_allclose(evaluation.per_class_accuracy(cm),
                               [np.mean(y_pred[y_true == k] == k) for k in range(7)])
