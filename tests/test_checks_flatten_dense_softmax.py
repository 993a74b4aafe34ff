"""Tes `saraf.checks.flatten_dense_softmax`: jawaban referensi diterima, jawaban keliru yang
umum ditolak dengan petunjuk berbahasa Indonesia (tanpa membocorkan jawabannya).

Data latihannya sama dengan notebooks/*_flatten_dense_softmax.ipynb.
"""

from __future__ import annotations

import numpy as np
import pytest

from saraf import ops
from saraf.checks import flatten_dense_softmax as checks

MAPS = np.random.default_rng(6).random((2, 4, 4, 16)).round(2)


def test_exercise_1_flatten(accepted, rejected):
    accepted(checks.exercise_1(MAPS.reshape(len(MAPS), -1), MAPS))
    accepted(checks.exercise_1(MAPS.reshape(2, 256), MAPS))
    rejected(checks.exercise_1(MAPS.reshape(-1), MAPS), "batch hilang")
    rejected(checks.exercise_1(MAPS.reshape(1, -1), MAPS), "satu baris")
    rejected(checks.exercise_1(MAPS.transpose(0, 3, 1, 2).reshape(2, -1), MAPS),
                 "channels-first")
    rejected(checks.exercise_1(MAPS.reshape(2, -1).T, MAPS), "terbalik")
    rejected(checks.exercise_1(MAPS.reshape(2, -1)[:, ::-1], MAPS), "urutannya berbeda")
    rejected(checks.exercise_1(MAPS.reshape(2, 16, 16), MAPS), "(2, 16, 16)")
    rejected(checks.exercise_1(..., MAPS), "belum menjawab")


PREDICTION_2 = np.array([[0.05, 0.01, 0.02, 0.03, 0.61, 0.04, 0.02, 0.08, 0.04, 0.10]])


def test_exercise_2_reading_a_prediction(accepted, rejected):
    p = PREDICTION_2
    accepted(checks.exercise_2(int(np.argmax(p)), float(p.max()), p))
    accepted(checks.exercise_2(np.argmax(p, axis=1), p.max(axis=1), p))   # array (1,)
    rejected(checks.exercise_2(0.61, 4, p), "skor keyakinan, bukan nomor kelas")
    rejected(checks.exercise_2(5, 0.61, p), "lebih 1")
    rejected(checks.exercise_2(9, 0.10, p), "np.argmax")
    rejected(checks.exercise_2(4, 61, p), "persen")
    rejected(checks.exercise_2(4, 4, p), "nomor kelas, bukan skor")
    rejected(checks.exercise_2(4, 0.1, p), "Kelasnya benar")
    rejected(checks.exercise_2(4.5, 0.61, p), "bilangan bulat")
    rejected(checks.exercise_2(4, None, p), "belum menjawab")
    rejected(checks.exercise_2("4", 0.61, p), "satu bilangan")


def reference_softmax(z):
    shifted = z - z.max(axis=-1, keepdims=True)
    exp_z = np.exp(shifted)
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def naive_softmax(z):
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def global_max_softmax(z):
    exp_z = np.exp(z - z.max())
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


def no_axis_softmax(z):
    exp_z = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp_z / exp_z.sum()


def in_place_softmax(z):
    z -= z.max(axis=-1, keepdims=True)
    return np.exp(z) / np.exp(z).sum(axis=-1, keepdims=True)


def no_keepdims_softmax(z):
    exp_z = np.exp(z - z.max(axis=-1))
    return exp_z / exp_z.sum(axis=-1)


def no_return_softmax(z):
    z - z.max()


def test_exercise_3_stable_softmax(recwarn, accepted, rejected):
    accepted(checks.exercise_3(reference_softmax))
    accepted(checks.exercise_3(lambda z: ops.softmax(z)))
    rejected(checks.exercise_3(naive_softmax), "NaN", "logit terbesar")
    rejected(checks.exercise_3(global_max_softmax), "setiap baris")
    rejected(checks.exercise_3(no_axis_softmax), "jumlah probabilitas")
    rejected(checks.exercise_3(in_place_softmax), "mengubah array masukan")
    rejected(checks.exercise_3(no_keepdims_softmax), "galat", "ValueError")
    rejected(checks.exercise_3(no_return_softmax), "return")
    rejected(checks.exercise_3(lambda z: np.exp(z) / 3), "jumlah probabilitas")
    rejected(checks.exercise_3(np.exp), "jumlah probabilitas")
    rejected(checks.exercise_3(np.ones_like), "jumlah probabilitas")
    rejected(checks.exercise_3(lambda z: reference_softmax(2 * z)), "belum sama")
    rejected(checks.exercise_3("softmax"), "fungsi")
    rejected(checks.exercise_3(None), "belum menjawab")
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


PROBS_4 = np.array([[0.7, 0.2, 0.1],
                    [0.1, 0.8, 0.1],
                    [0.3, 0.3, 0.4],
                    [0.6, 0.3, 0.1]])
LABELS_4 = np.array([0, 1, 2, 2])


def test_exercise_4_cross_entropy(accepted, rejected):
    p_true = PROBS_4[np.arange(4), LABELS_4]
    reference = np.mean(-np.log(p_true))
    assert reference == pytest.approx(ops.cross_entropy(PROBS_4, LABELS_4))
    accepted(checks.exercise_4(reference, PROBS_4, LABELS_4))
    accepted(checks.exercise_4(float(reference), PROBS_4, LABELS_4))
    rejected(checks.exercise_4(-reference, PROBS_4, LABELS_4), "negatif")
    rejected(checks.exercise_4(np.sum(-np.log(p_true)), PROBS_4, LABELS_4), "jumlah")
    rejected(checks.exercise_4(np.mean(-np.log10(p_true)), PROBS_4, LABELS_4), "basis 10")
    rejected(checks.exercise_4(np.mean(-np.log(PROBS_4.max(axis=1))), PROBS_4, LABELS_4),
                 "terbesar")
    rejected(checks.exercise_4(1.0, PROBS_4, LABELS_4), "belum tepat")
    rejected(checks.exercise_4(-np.log(p_true), PROBS_4, LABELS_4), "satu bilangan")
    rejected(checks.exercise_4(None, PROBS_4, LABELS_4), "belum menjawab")


def test_keras_agrees_with_exercise_4():
    keras = pytest.importorskip("keras")
    loss = keras.losses.SparseCategoricalCrossentropy()(LABELS_4, PROBS_4)
    assert checks.exercise_4(float(loss), PROBS_4, LABELS_4).ok
