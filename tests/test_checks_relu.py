"""Tes `saraf.checks.relu`: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np

from saraf.checks import relu as checks


VALUES = np.array([-3.0, 4.0, 0.0, -0.5, 2.5])


def test_exercise_1(accepted, rejected):
    accepted(checks.exercise_1(np.maximum(VALUES, 0), VALUES))
    rejected(checks.exercise_1(np.abs(VALUES), VALUES), "positif")
    rejected(checks.exercise_1(np.minimum(VALUES, 0), VALUES), "negatif")
    rejected(checks.exercise_1(np.clip(VALUES, 0, 1), VALUES), "batas atas")
    rejected(checks.exercise_1(VALUES.copy(), VALUES), "belum berubah")
    rejected(checks.exercise_1([0, 4, 0, 0, 2.5], VALUES), "array NumPy")
    rejected(checks.exercise_1(np.maximum(VALUES, 0)[:3], VALUES), "Bentuk")


FEATURE_MAP = np.array([[-2.0, 0.0, 3.0], [0.0, 0.0, -1.0], [5.0, -4.0, 0.0]])


def test_exercise_2(accepted, rejected):
    accepted(checks.exercise_2(np.mean(np.maximum(FEATURE_MAP, 0) == 0), FEATURE_MAP))
    rejected(checks.exercise_2(np.mean(FEATURE_MAP < 0), FEATURE_MAP), "negatif")
    rejected(checks.exercise_2(700 / 9, FEATURE_MAP), "persen")
    rejected(checks.exercise_2(7, FEATURE_MAP), "banyaknya")
    rejected(checks.exercise_2(2 / 9, FEATURE_MAP), "tidak nol")
    rejected(checks.exercise_2("0.7", FEATURE_MAP), "satu angka")


def test_exercise_3(accepted, rejected):
    def leaky_relu(x, alpha=0.1):
        return np.where(x > 0, x, alpha * x)
    accepted(checks.exercise_3(leaky_relu))

    def with_max(x, alpha=0.1):
        return np.maximum(alpha * x, x)
    accepted(checks.exercise_3(with_max))

    def plain(x, alpha=0.1):
        return np.maximum(x, 0)
    rejected(checks.exercise_3(plain), "ReLU biasa")

    def swapped(x, alpha=0.1):
        return np.where(x > 0, alpha * x, x)
    rejected(checks.exercise_3(swapped), "bagian yang salah")

    def fixed_alpha(x, alpha=0.1):
        return np.where(x > 0, x, 0.1 * x)
    rejected(checks.exercise_3(fixed_alpha), "`alpha` belum dipakai")

    def scalar_if(x, alpha=0.1):
        if x > 0:
            return x
        return alpha * x
    rejected(checks.exercise_3(scalar_if), "np.where")
    rejected(checks.exercise_3(None), "belum menjawab")


def test_exercise_4(accepted, rejected):
    w1 = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])   # 2 → 3
    w2 = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.5]])     # 3 → 2
    accepted(checks.exercise_4(w2 @ w1, w1, w2))
    rejected(checks.exercise_4(w1 @ w2, w1, w2), "terbalik")
    rejected(checks.exercise_4(np.ones((2, 2)), w1, w2), "Belum tepat")
    a, b = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [1.0, 5.0]])
    rejected(checks.exercise_4(a @ b, a, b), "terbalik")
    rejected(checks.exercise_4(a * b, a, b), "elemen demi elemen")
