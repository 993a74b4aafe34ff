"""Pemeriksa latihan pelajaran 10: melatih MLP dengan SGD ber-mini-batch."""

from __future__ import annotations

import copy
import math

import numpy as np

from saraf.checks import (Feedback, close, correct, function_answer, incorrect, integer_answer,
                          run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import thousands

#: Latihan 1: ``net.sgd(x_train, y_train, epochs=EPOCHS, mini_batch_size=BATCH, ...)`` pada
#: data latih bawaan berisi N_TRAIN gambar.
N_TRAIN, BATCH, EPOCHS = 8000, 30, 10


@exercise(1, hints=(
    "Lihat bagian 1, “Penurunan Gradien Stokastik dengan Mini-Batch”: setiap epoch, data latih "
    "dipotong menjadi mini-batch, dan setiap mini-batch memberi satu langkah SGD.",
    "Satu epoch: `len(x_train)` gambar dibagi menjadi mini-batch berisi 30 gambar. Sisa "
    "pembagiannya menjadi satu mini-batch lagi, jadi bulatkan ke atas dengan `np.ceil`.",
    "Setiap epoch memotong data dari awal, jadi setiap epoch punya mini-batch terakhirnya sendiri."
    " Kalikan banyak mini-batch per epoch dengan banyak epoch, lalu simpan sebagai bilangan bulat "
    "dengan `int(...)`.",
))
def exercise_1(n_steps) -> Feedback:
    """Latihan 1: banyak mini-batch (langkah SGD) dalam 10 epoch, mini-batch berisi 30 gambar."""
    value, problem = integer_answer(n_steps, "n_steps",
                                    "Banyak langkah adalah bilangan bulat: hitung dengan Python, "
                                    "misalnya dengan `math.ceil`.")
    if problem is not None:
        return problem
    per_epoch = math.ceil(N_TRAIN / BATCH)
    if value == per_epoch * EPOCHS:
        return correct(f"{per_epoch} mini-batch per epoch ({N_TRAIN // BATCH} berisi {BATCH} "
                       f"gambar dan satu berisi {N_TRAIN % BATCH} gambar), jadi "
                       f"{thousands(value)} langkah SGD dalam {EPOCHS} epoch.")
    if value == N_TRAIN // BATCH * EPOCHS:
        return incorrect("Mini-batch terakhir setiap epoch terlewat.",
                         f"{N_TRAIN} tidak habis dibagi {BATCH}: sisanya menjadi satu mini-batch "
                         "yang lebih kecil, dan sisa itu tetap dipakai.")
    if value == math.ceil(N_TRAIN * EPOCHS / BATCH):
        return incorrect("Anda memotong semua epoch sebagai satu deretan data.",
                         "Setiap epoch mengacak ulang dan memotong data latih dari awal, jadi "
                         "setiap epoch punya mini-batch terakhirnya sendiri.")
    if value in (per_epoch, N_TRAIN // BATCH):
        return incorrect("Itu banyak mini-batch dalam satu epoch saja.",
                         f"Pelatihannya berjalan {EPOCHS} epoch.")
    if value in (N_TRAIN * EPOCHS, N_TRAIN * BATCH, N_TRAIN * BATCH * EPOCHS):
        return incorrect("Itu banyak gambar, bukan banyak mini-batch.",
                         "Satu langkah SGD memakai satu mini-batch berisi beberapa gambar: "
                         "bagi, jangan kalikan.")
    return incorrect(f"{thousands(value)} belum tepat.",
                     "Satu epoch: data latih dipotong menjadi mini-batch berisi 30 gambar (yang "
                     "terakhir boleh lebih kecil). Setiap mini-batch satu langkah.")


def _params(net):
    return [p.copy() for p in net.weights + net.biases]


def _matches(net, expected) -> bool:
    return all(close(a, b, atol=1e-12, rtol=1e-9)
               for a, b in zip(net.weights + net.biases, expected))


def _matches_part(params, start, gradient, eta) -> bool:
    return all(close(p, s - eta * g, atol=1e-12, rtol=1e-9)
               for p, s, g in zip(params, start, gradient))


@exercise(2, hints=(
    "Lihat bagian 1.1, “Gradien Setiap Contoh”: `update_mini_batch` di sana memperbarui setiap "
    "bobot dan bias di tempat dengan `-=`. Fungsi Anda serupa, tetapi gradiennya datang dari satu "
    "panggilan `net.backprop(X, labels)`.",
    "`net.backprop(X, labels)` mengembalikan `nabla_b, nabla_w` (bias dulu): daftar gradien "
    "rata-rata per lapisan. Karena sudah rata-rata, langkahnya η × gradien, tanpa dibagi m lagi.",
    "Pasangkan setiap array dengan gradiennya, misalnya `for w, nw in zip(net.weights, nabla_w):`,"
    " lalu kurangkan `eta * nw` di tempat dengan `-=`. Lakukan hal yang sama untuk bias.",
))
def exercise_2(sgd_step) -> Feedback:
    """Latihan 2: satu langkah SGD tervektorisasi yang mengubah jaringan di tempat."""
    problem = function_answer(sgd_step, "sgd_step", "def sgd_step(net, X, labels, eta):")
    if problem is not None:
        return problem
    from saraf.mlp import Network

    rng = np.random.default_rng(7)
    net = Network([784, 30, 10], seed=3)
    X = rng.random((5, 784)) * (rng.random((5, 784)) > 0.7)
    labels = np.array([3, 0, 7, 7, 1])
    eta = 0.8
    start = _params(net)
    nabla_b, nabla_w = net.backprop(X, labels)
    gradient = nabla_w + nabla_b
    learner = copy.deepcopy(net)
    _, problem = run_answer(sgd_step, learner, X, labels, eta, returns=None,
                            hint="Coba panggil fungsinya sendiri pada salinan jaringan, misalnya "
                                 "`sgd_step(copy.deepcopy(net_nielsen), x_train[:5], "
                                 "y_train[:5], 3.0)`.")
    if problem is not None:
        return problem
    if _matches(learner, [p - eta * g for p, g in zip(start, gradient)]):
        return correct("Satu langkah penurunan gradien: setiap bobot dan bias bergeser "
                       "sejauh η × gradien rata-rata, berlawanan arah dengan gradien.")
    if _matches(learner, start):
        return incorrect("Setelah fungsi Anda dipanggil, bobot dan bias jaringan tidak berubah.",
                         "`w = w - ...` di dalam perulangan hanya membuat array baru. Ubah "
                         "array di tempat (`w -= ...`) atau tulis kembali ke `net.weights[l]`.")
    if _matches(learner, [p + eta * g for p, g in zip(start, gradient)]):
        return incorrect("Jaringan bergerak searah gradien, jadi biayanya naik.",
                         "Penurunan gradien mengurangkan gradien.")
    if _matches(learner, [p - eta * g / len(X) for p, g in zip(start, gradient)]):
        return incorrect("Langkahnya terlalu kecil: gradien dibagi banyak contoh dua kali.",
                         "Gradien dari `net.backprop` (seperti `backprop_batch` di pelajaran "
                         "09) sudah rata-rata.")
    if _matches(learner, [p - g for p, g in zip(start, gradient)]):
        return incorrect("Laju pembelajaran belum dipakai.", "Kalikan gradien dengan `eta`.")
    n_w = len(net.weights)
    weights_ok = _matches_part(learner.weights, start[:n_w], gradient[:n_w], eta)
    biases_ok = _matches_part(learner.biases, start[n_w:], gradient[n_w:], eta)
    if weights_ok and not biases_ok:
        return incorrect("Bobotnya benar, tetapi biasnya belum.",
                         "Bias juga diperbarui dengan gradiennya sendiri (BP3).")
    if biases_ok and not weights_ok:
        return incorrect("Biasnya benar, tetapi bobotnya belum.",
                         "Bobot diperbarui dengan gradien bobot (BP4).")
    return incorrect("Bobot dan bias sudah berubah, tetapi nilainya belum tepat.",
                     "Hitung gradien rata-rata mini-batch, lalu w ← w − η·∇w dan "
                     "b ← b − η·∇b untuk setiap lapisan.")


hint, solution = helpers(__name__)
