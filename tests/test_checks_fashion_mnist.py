"""Tes `saraf.checks.fashion_mnist`: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np

from saraf import ops
from saraf.checks import fashion_mnist as checks


def test_exercise_1(accepted, rejected):
    side = ops.output_size(ops.output_size(28, 5, stride=2), 3, stride=2)
    accepted(checks.exercise_1(side * side * 32))
    rejected(checks.exercise_1(22 * 22 * 32), "Stride")
    rejected(checks.exercise_1(6 * 6 * 32), "floor")
    rejected(checks.exercise_1(7 * 7 * 32), "'same'")
    rejected(checks.exercise_1(25), "kanal")
    rejected(checks.exercise_1(None), "belum menjawab")
    rejected(checks.exercise_1([800]), "bilangan bulat")
    text = rejected(checks.exercise_1(1234), "1.234")  # titik ribuan
    assert "800" not in text


CM = np.array([[150, 2, 10, 38],
               [1, 190, 4, 5],
               [12, 3, 170, 15],
               [25, 0, 30, 145]])


def f1_parts(cm):
    cm = np.asarray(cm, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.diag(cm) / cm.sum(axis=0), np.diag(cm) / cm.sum(axis=1)


def test_exercise_2(accepted, rejected):
    precision, recall = f1_parts(CM)
    f1 = 2 * precision * recall / (precision + recall)
    accepted(checks.exercise_2(f1, CM))
    accepted(checks.exercise_2(2 * np.diag(CM) / (CM.sum(axis=0) + CM.sum(axis=1)), CM))
    rejected(checks.exercise_2(100 * f1, CM), "persen")
    rejected(checks.exercise_2((precision + recall) / 2, CM), "rata-rata biasa")
    rejected(checks.exercise_2(precision * recall / (precision + recall), CM), "Faktor 2")
    rejected(checks.exercise_2(recall, CM), "recall saja")
    rejected(checks.exercise_2(precision, CM), "presisi saja")
    rejected(checks.exercise_2(np.array(f1.mean()), CM), "satu angka")
    rejected(checks.exercise_2(f1[:3], CM), "4 kelas")
    rejected(checks.exercise_2(f1.tolist(), CM), "array NumPy")
    rejected(checks.exercise_2(np.ones(4), CM), "belum tepat")
    rejected(checks.exercise_2(None, CM), "belum menjawab")


def test_exercise_2_class_that_is_never_predicted():
    never = np.array([[5, 0], [3, 0]])  # kelas 1 tidak pernah ditebak: presisinya 0/0
    precision, recall = f1_parts(never)
    with np.errstate(invalid="ignore"):
        naive = 2 * precision * recall / (precision + recall)
    assert checks.exercise_2(np.array([10 / 13, 0.0]), never).ok
    feedback = checks.exercise_2(naive, never)
    assert not feedback.ok and "tanpa satu pun tebakan benar" in repr(feedback)
    wrong_only = np.array([[5, 1], [3, 0]])  # kelas 1 ditebak sekali, tetapi tidak pernah benar
    precision, recall = f1_parts(wrong_only)
    with np.errstate(invalid="ignore"):
        naive = 2 * precision * recall / (precision + recall)
    assert np.isnan(naive[1]) and checks.exercise_2(np.array([10 / 14, 0.0]), wrong_only).ok
    assert "P + R = 0" in repr(checks.exercise_2(naive, wrong_only))


#: Satu arah, Kaus (0) → Mantel (3) terbanyak (38); kedua arah, Pulover (2) ↔ Mantel (3): 67.
CM_3 = np.array([[150, 2, 10, 38],
                 [1, 190, 4, 5],
                 [12, 3, 150, 33],
                 [5, 0, 34, 161]])


def test_exercise_3(accepted, rejected):
    accepted(checks.exercise_3((2, 3), CM_3))
    accepted(checks.exercise_3((3, 2), CM_3))           # urutannya bebas
    accepted(checks.exercise_3(np.unravel_index(11, (4, 4)), CM_3))
    accepted(checks.exercise_3([2.0, 3.0], CM_3))
    rejected(checks.exercise_3((0, 3), CM_3), "satu arah saja")
    rejected(checks.exercise_3((3, 0), CM_3), "satu arah saja")
    rejected(checks.exercise_3((1, 1), CM_3), "diagonal")
    rejected(checks.exercise_3((0, 2), CM_3), "bukan yang paling sering")
    rejected(checks.exercise_3((0, 7), CM_3), "di antara 0 dan 3")
    rejected(checks.exercise_3(3, CM_3), "dua nomor kelas")
    rejected(checks.exercise_3((0.5, 3), CM_3), "dua nomor kelas")
    rejected(checks.exercise_3(None, CM_3), "belum menjawab")
    changed = CM_3.copy()
    np.fill_diagonal(changed, 0)  # pembelajar menjalankan np.fill_diagonal(cm, 0) pada cm sendiri
    rejected(checks.exercise_3((2, 3), changed), "ikut berubah")
