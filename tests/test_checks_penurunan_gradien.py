"""Tes `saraf.checks.penurunan_gradien`: jawaban acuan diterima, jawaban keliru yang umum
ditolak dengan petunjuk berbahasa Indonesia (tanpa membocorkan jawabannya).

Soalnya sama dengan bagian Latihan notebooks/*_penurunan_gradien.ipynb.
"""

from __future__ import annotations

import numpy as np
import pytest

from saraf.checks import penurunan_gradien as checks

# ---------------------------------------------------------------------------
# Latihan 1: satu langkah penurunan gradien, C(w) = (w₁ − 1)² + 2·w₂²
# ---------------------------------------------------------------------------


def step_reference(w, eta):
    gradient = np.array([2 * (w[0] - 1), 4 * w[1]])
    return w - eta * gradient


def step_in_place(w, eta):
    w[0] -= eta * 2 * (w[0] - 1)
    w[1] -= eta * 4 * w[1]
    return w


def test_exercise_1_accepts_reference(accepted):
    accepted(checks.exercise_1(step_reference))
    accepted(checks.exercise_1(step_in_place))
    accepted(checks.exercise_1(lambda w, eta: [w[0] - eta * 2 * (w[0] - 1),
                                               w[1] - eta * 4 * w[1]]))


def _empty(w, eta):
    ...


def _no_return(w, eta):
    w = w - eta * np.array([2 * (w[0] - 1), 4 * w[1]])


@pytest.mark.parametrize(("answer", "words"), [
    (lambda w, eta: w + eta * np.array([2 * (w[0] - 1), 4 * w[1]]), "searah gradien"),
    (lambda w, eta: w - np.array([2 * (w[0] - 1), 4 * w[1]]), "laju pembelajaran"),
    (lambda w, eta: w - eta * np.array([w[0] - 1, 2 * w[1]]), "faktor 2 dari pangkat"),
    (lambda w, eta: w - eta * np.array([2 * w[0], 4 * w[1]]), "w₁ = 1"),
    (lambda w, eta: w - eta * np.array([2 * (w[0] - 1), 2 * w[1]]), "suku kedua"),
    (lambda w, eta: np.array([2 * (w[0] - 1), 4 * w[1]]), "gradien"),
    (lambda w, eta: -eta * np.array([2 * (w[0] - 1), 4 * w[1]]), "kelipatan"),
    (lambda w, eta: w * 0.5, "Hitung gradien"),
    (lambda w, eta: np.append(w, eta), "dua angka"),
    (_no_return, "tidak mengembalikan"),
    (lambda w: w, "TypeError"),
    (_empty, "masih kosong"),
    (..., "belum menjawab"),
    (0.5, "sebuah fungsi"),
])
def test_exercise_1_rejects_typical_mistakes(answer, words, rejected):
    rejected(checks.exercise_1(answer), words, leaks=("2 * (w[0] - 1)", "4 * w[1]", "4·w₂"))


# ---------------------------------------------------------------------------
# Latihan 2: satu langkah momentum
# ---------------------------------------------------------------------------


def momentum_reference(w, v, g, eta, mu):
    v = mu * v - eta * g
    w = w + v
    return w, v


def momentum_in_place(w, v, g, eta, mu):
    v *= mu
    v -= eta * g
    w += v
    return w, v


def test_exercise_2_accepts_reference(accepted):
    accepted(checks.exercise_2(momentum_reference))
    accepted(checks.exercise_2(momentum_in_place))
    accepted(checks.exercise_2(lambda w, v, g, eta, mu: [list(w + mu * v - eta * g),
                                                         list(mu * v - eta * g)]))


@pytest.mark.parametrize(("answer", "words"), [
    (lambda w, v, g, eta, mu: (mu * v - eta * g, w + mu * v - eta * g), "tertukar"),
    (lambda w, v, g, eta, mu: (w + mu * v - eta * g, eta * g - mu * v), "bertanda terbalik"),
    (lambda w, v, g, eta, mu: (w + v, mu * v - eta * g), "v yang lama"),
    (lambda w, v, g, eta, mu: (w - (mu * v - eta * g), mu * v - eta * g), "berlawanan arah v"),
    (lambda w, v, g, eta, mu: (w + mu * v + eta * g, mu * v + eta * g), "searah gradien"),
    (lambda w, v, g, eta, mu: (w + mu * v - g, mu * v - g), "laju pembelajaran"),
    (lambda w, v, g, eta, mu: (w - eta * g, -eta * g), "penurunan gradien biasa"),
    (lambda w, v, g, eta, mu: (w + v - eta * g, v - eta * g), "belum dikalikan `mu`"),
    (lambda w, v, g, eta, mu: (w + 0.9 * v - 0.1 * g, 0.9 * v - 0.1 * g), "angka tetap"),
    (lambda w, v, g, eta, mu: (w - eta * g + mu * v, mu * v), "Ikuti rumusnya"),
    (lambda w, v, g, eta, mu: w + mu * v - eta * g, "pasangan dua array"),
    (lambda w, v, g, eta, mu: (w, v, g), "pasangan dua array"),
    (lambda w, v, g, eta, mu: (w[0], v), "berbentuk (2,)"),
    (lambda w, v, g, eta, mu: ("w", "v"), "berbentuk (2,)"),
    (lambda w, v, g, eta: (w, v), "TypeError"),
    (lambda w, v, g, eta, mu: print(w), "tidak mengembalikan"),
    (..., "belum menjawab"),
])
def test_exercise_2_rejects_typical_mistakes(answer, words, rejected):
    rejected(checks.exercise_2(answer), words, leaks=("mu * v - eta * g", "mu·v − eta·g + "))


# ---------------------------------------------------------------------------
# Latihan 3: η yang konvergen di lembah memanjang dalam 40 langkah
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("eta", [0.08, 0.1, 0.15, 0.18, 0.19, np.float32(0.15), [0.15]])
def test_exercise_3_accepts_converging_learning_rates(eta, accepted):
    text = accepted(checks.exercise_3(eta))
    assert "Biaya turun dari 17,4 ke" in text and "dalam 40 langkah" in text


@pytest.mark.parametrize(("eta", "words"), [
    (0.01, "Perbesar η"),
    (0.05, "masih merangkak"),
    (0.195, "berzig-zag"),
    (0.25, "divergen"),
    (5.0, "Kecilkan η"),
    (0.0, "tidak positif"),
    (-0.1, "tidak positif"),
    ("0.1", "satu angka"),
    (None, "belum menjawab"),
])
def test_exercise_3_rejects(eta, words, rejected):
    rejected(checks.exercise_3(eta), words)


# ---------------------------------------------------------------------------
# Latihan 4: batas laju pembelajaran untuk C(w) = 2·w₁² + 8·w₂²
# ---------------------------------------------------------------------------


def test_exercise_4_accepts(accepted):
    for answer in (0.125, 2 / 16, 1 / 8, 0.1251, np.array([0.125])):
        accepted(checks.exercise_4(answer))


@pytest.mark.parametrize(("answer", "words"), [
    (0.5, "arah w₁"),
    (1 / 16, "zig-zag"),
    (0.25, "turunan kedua 8·w₂²"),
    (1.0, "turunan kedua 2·w₁²"),
    (16, "kelengkungannya"),
    (4.0, "kelengkungannya"),
    (0.3, "(1 − ηλ)"),
    ("seperdelapan", "satu angka"),
    (..., "belum menjawab"),
])
def test_exercise_4_rejects_without_leaking(answer, words, rejected):
    rejected(checks.exercise_4(answer), words, leaks=("0,125", "0.125", "2/16", "1/8"))
