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


def test_exercise_2(accepted, rejected):
    accepted(checks.exercise_2(np.diag(CM) / CM.sum(axis=1), CM))
    rejected(checks.exercise_2(100 * np.diag(CM) / CM.sum(axis=1), CM), "persen")
    rejected(checks.exercise_2(np.diag(CM) / CM.sum(axis=0), CM), "itu presisi")
    rejected(checks.exercise_2(np.diag(CM).astype(float), CM), "dibagi")
    rejected(checks.exercise_2(np.diag(CM) / CM.sum(), CM), "seluruh gambar")
    rejected(checks.exercise_2(np.array(np.trace(CM) / CM.sum()), CM), "keseluruhan")
    rejected(checks.exercise_2(np.diag(CM)[:3] / 200, CM), "4 kelas")
    rejected(checks.exercise_2([0.75, 0.95, 0.85, 0.725], CM), "array NumPy")
    rejected(checks.exercise_2(np.ones(4), CM), "diagonal")


def test_exercise_3(accepted, rejected):
    accepted(checks.exercise_3((0, 3), CM))
    accepted(checks.exercise_3(np.unravel_index(3, (4, 4)), CM))
    accepted(checks.exercise_3([0.0, 3.0], CM))
    rejected(checks.exercise_3((3, 0), CM), "terbalik")
    rejected(checks.exercise_3((1, 1), CM), "diagonal")
    rejected(checks.exercise_3((3, 2), CM), "bukan yang terbanyak")
    rejected(checks.exercise_3((0, 7), CM), "di antara 0 dan 3")
    rejected(checks.exercise_3(3, CM), "dua nomor kelas")
    rejected(checks.exercise_3((0.5, 3), CM), "dua nomor kelas")
    rejected(checks.exercise_3(None, CM), "belum menjawab")
