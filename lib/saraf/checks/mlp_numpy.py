"""Pemeriksa latihan pelajaran jaringan saraf tiruan dari nol dengan NumPy (MLP)."""

from __future__ import annotations

import copy

import numpy as np

from saraf.checks import (Feedback, close, correct, function_answer, incorrect, integer_answer,
                          require_array, run_answer)
from saraf.ops import sigmoid


def _same(a, b) -> bool:
    return close(a, b, atol=1e-9, rtol=1e-9)


def exercise_1(n_params) -> Feedback:
    """Latihan 1: banyak parameter (bobot + bias) jaringan 784-16-16-10."""
    value, problem = integer_answer(n_params, "n_params", "Tulis perhitungannya dengan Python.")
    if problem is not None:
        return problem
    sizes = [784, 16, 16, 10]
    weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    biases = sum(sizes[1:])
    if value == weights + biases:
        return correct(f"Jaringan 784-16-16-10 punya {weights} bobot dan {biases} bias, "
                       f"jadi {value} parameter yang dilatih.")
    if value == weights:
        return incorrect("Itu baru banyak bobot.", "Setiap neuron di luar lapisan masukan "
                                                   "juga punya satu bias.")
    if value == biases:
        return incorrect("Itu baru banyak bias.", "Tambahkan bobotnya: satu bobot untuk "
                                                  "setiap pasangan neuron di dua lapisan "
                                                  "yang berurutan.")
    if value == weights + biases + sizes[0]:
        return incorrect("Hampir: ada bias yang terhitung berlebih.",
                         "Lapisan masukan tidak punya bias; ia hanya meneruskan piksel.")
    if value == int(np.prod(sizes)):
        return incorrect("Anda mengalikan semua ukuran lapisan.",
                         "Bobot hanya menghubungkan dua lapisan yang berurutan: hitung "
                         "per pasangan lapisan, lalu jumlahkan.")
    if value == sum(sizes):
        return incorrect("Itu banyak neuron, bukan banyak parameter.",
                         "Hitung bobot (per pasangan lapisan) dan bias (per neuron).")
    return incorrect(f"{value} belum tepat.",
                     "Bobot: satu per pasangan neuron di dua lapisan berurutan. Bias: satu "
                     "per neuron di luar lapisan masukan.")


def _quadratic_delta(net, x, y):
    """δ^L biaya kuadratik untuk setiap contoh (baris)."""
    a = net.feedforward(x)
    targets = np.eye(a.shape[-1])[np.asarray(y)]
    return a, targets, (a - targets) * a * (1 - a)


def exercise_2(delta_out, net, x, y) -> Feedback:
    """Latihan 2: galat lapisan keluaran δ^L (BP1) untuk biaya kuadratik, per contoh."""
    problem = require_array(delta_out, "delta_out")
    if problem is not None:
        return problem
    a, targets, expected = _quadratic_delta(net, x, y)
    if delta_out.shape != expected.shape:
        return incorrect(f"Bentuk `delta_out` {delta_out.shape}, padahal yang diminta "
                         f"{expected.shape}.",
                         "Satu baris per contoh, satu kolom per neuron keluaran: sama "
                         "dengan bentuk aktivasi keluaran.")
    if _same(delta_out, expected):
        return correct("δ^L = (a − y) ⊙ σ'(z^L), dengan σ'(z^L) = a(1 − a). Inilah BP1.")
    if _same(delta_out, -expected):
        return incorrect("Tandanya terbalik.",
                         "Turunan ½(a − y)² terhadap a adalah a − y, bukan y − a.")
    if _same(delta_out, a - targets):
        return incorrect("Itu δ^L untuk cross-entropy.",
                         "Untuk biaya kuadratik, σ'(z^L) tidak saling menghapus: kalikan "
                         "dengan turunan sigmoid.")
    if _same(delta_out, (a - targets) * a):
        return incorrect("Turunan sigmoidnya belum lengkap.",
                         "σ'(z) = σ(z)(1 − σ(z)); di lapisan keluaran σ(z) = a.")
    sig_a = sigmoid(a)
    if _same(delta_out, (a - targets) * sig_a * (1 - sig_a)):
        return incorrect("σ' dihitung dari a, padahal seharusnya dari z.",
                         "Karena a = σ(z), maka σ'(z) = a(1 − a): tidak perlu sigmoid lagi.")
    return incorrect("Nilainya belum tepat.",
                     "BP1: δ^L = ∇_a C ⊙ σ'(z^L). Untuk biaya kuadratik ∇_a C = a − y.")


def exercise_3(nabla_w_out, net, x, y) -> Feedback:
    """Latihan 3: gradien bobot lapisan keluaran (BP4), rata-rata atas mini-batch."""
    problem = require_array(nabla_w_out, "nabla_w_out")
    if problem is not None:
        return problem
    x = np.asarray(x)
    m = len(x)
    expected_shape = net.weights[-1].shape
    _, _, delta = _quadratic_delta(net, x, y)
    hidden = x
    for w, b in zip(net.weights[:-1], net.biases[:-1]):
        hidden = sigmoid(hidden @ w.T + b)
    expected = delta.T @ hidden / m
    if nabla_w_out.shape == expected_shape[::-1] and expected_shape[0] != expected_shape[1]:
        return incorrect(f"Bentuknya {nabla_w_out.shape}: terbalik.",
                         f"Gradien harus berbentuk sama dengan `net.weights[-1]`, yaitu "
                         f"{expected_shape}: baris = neuron tujuan, kolom = neuron asal.")
    if nabla_w_out.shape != expected_shape:
        return incorrect(f"Bentuk `nabla_w_out` {nabla_w_out.shape}, padahal yang diminta "
                         f"{expected_shape}.",
                         "Gradien setiap bobot berbentuk sama dengan matriks bobotnya.")
    if _same(nabla_w_out, expected):
        return correct("∂C/∂w_jk = a_k δ_j, dirata-ratakan atas mini-batch: "
                       "(δᵀ · a) / m. Inilah BP4 untuk satu mini-batch.")
    if _same(nabla_w_out, expected * m):
        return incorrect("Anda menjumlahkan gradien semua contoh.",
                         "Fungsi biaya adalah rata-rata, jadi gradiennya juga rata-rata: "
                         "bagi dengan banyak contoh.")
    if _same(nabla_w_out, np.outer(delta[0], hidden[0])):
        return incorrect("Itu gradien untuk contoh pertama saja.",
                         "Semua contoh dalam mini-batch ikut dihitung.")
    if _same(nabla_w_out, -expected):
        return incorrect("Tandanya terbalik.", "Periksa δ^L dari latihan 2: a − y.")
    return incorrect("Nilainya belum tepat.",
                     "BP4: ∂C/∂w_jk = a_k δ_j dengan a dari lapisan sebelumnya (lapisan "
                     "tersembunyi), lalu rata-rata atas contoh.")


def _params(net):
    return [p.copy() for p in net.weights + net.biases]


def _matches(net, expected) -> bool:
    return all(close(a, b, atol=1e-12, rtol=1e-9)
               for a, b in zip(net.weights + net.biases, expected))


def exercise_4(sgd_step) -> Feedback:
    """Latihan 4: satu langkah SGD tervektorisasi yang mengubah jaringan di tempat."""
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
                            hint="Coba panggil fungsinya sendiri pada salinan jaringan, "
                                 "misalnya `sgd_step(copy.deepcopy(net_nielsen), x_5, y_5, 3.0)`.")
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
                         "Gradien dari `backprop_batch` (dan `net.backprop`) sudah rata-rata.")
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


def _matches_part(params, start, gradient, eta) -> bool:
    return all(close(p, s - eta * g, atol=1e-12, rtol=1e-9)
               for p, s, g in zip(params, start, gradient))
