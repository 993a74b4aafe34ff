"""Pemeriksa latihan pelajaran 09: backpropagation (BP1, BP4, BP2) pada satu mini-batch.

Ketiga latihan meminta satu array. :func:`_judge` memeriksanya dengan urutan yang sama:
bentuk, nilai yang benar, lalu daftar kesalahan yang dikenal, masing-masing dengan petunjuknya.
"""

from __future__ import annotations

import numpy as np

from saraf.checks import Feedback, close, correct, incorrect, require_array
from saraf.checks.exercises import exercise, helpers
from saraf.ops import sigmoid


def _same(a, b) -> bool:
    return close(a, b, atol=1e-9, rtol=1e-9)


def _quadratic_delta(net, x, y):
    """Aktivasi lapisan tersembunyi terakhir, aktivasi keluaran, target one-hot, dan δ^L
    biaya kuadratik untuk setiap contoh (baris)."""
    hidden = np.asarray(x, dtype=float)
    for w, b in zip(net.weights[:-1], net.biases[:-1]):
        hidden = sigmoid(hidden @ w.T + b)
    a = sigmoid(hidden @ net.weights[-1].T + net.biases[-1])
    targets = np.eye(a.shape[-1])[np.asarray(y)]
    return hidden, a, targets, (a - targets) * a * (1 - a)


def _judge(answer, expected, name: str, layout: str, praise: str, mistakes, hint: str):
    """Umpan balik untuk jawaban array ``answer``.

    ``layout``: bentuk yang diminta, dengan kata-kata (untuk pesan bentuk yang salah).
    ``mistakes``: daftar ``(array salah, pesan, petunjuk)``; ``hint``: petunjuk terakhir.
    """
    problem = require_array(answer, name)
    if problem is not None:
        return problem
    if answer.shape != expected.shape:
        if answer.shape == expected.shape[::-1] and expected.shape[0] != expected.shape[1]:
            return incorrect(f"Bentuknya {answer.shape}: terbalik.",
                             f"`{name}` harus berbentuk {expected.shape}: {layout}.")
        return incorrect(f"Bentuk `{name}` {answer.shape}, padahal yang diminta "
                         f"{expected.shape}.", f"{layout[0].upper()}{layout[1:]}.")
    if _same(answer, expected):
        return correct(praise)
    for wrong, message, wrong_hint in mistakes:
        if _same(answer, wrong):
            return incorrect(message, wrong_hint)
    return incorrect("Nilainya belum tepat.", hint)


_SIGN = ("Tandanya terbalik.", "Turunan ½(a − y)² terhadap a adalah a − y, bukan y − a.")
_SIGMOID_OF_A = ("σ' dihitung dari a, padahal seharusnya dari z.",
                 "Karena a = σ(z), maka σ'(z) = a(1 − a): tidak perlu sigmoid lagi.")


@exercise(1, hints=(
    "Lihat bagian 2, “Empat Persamaan Backpropagation”, persamaan BP1: δ^L = ∇_a C ⊙ σ'(z^L). "
    "Untuk biaya kuadratik, ∇_a C = a − y.",
    "Anda tidak perlu z^L: karena a = σ(z), turunan sigmoidnya σ'(z^L) = a(1 − a), seperti di "
    "bagian 5. Pakai `a_out` dan `targets`.",
    "⊙ adalah perkalian elemen demi elemen, `*` di NumPy. Kalikan `(a_out - targets)` dengan "
    "turunan sigmoid yang ditulis dari `a_out`; hasilnya berbentuk (5, 10), sama dengan `a_out`.",
))
def exercise_1(delta_out, net, x, y) -> Feedback:
    """Latihan 1: galat lapisan keluaran δ^L (BP1) untuk biaya kuadratik, per contoh."""
    _, a, targets, expected = _quadratic_delta(net, x, y)
    sig_a = sigmoid(a)
    mistakes = [
        (-expected, *_SIGN),
        (a - targets, "Itu δ^L untuk cross-entropy.",
         "Untuk biaya kuadratik, σ'(z^L) tidak saling menghapus: kalikan dengan turunan "
         "sigmoid."),
        ((a - targets) * a, "Turunan sigmoidnya belum lengkap.",
         "σ'(z) = σ(z)(1 − σ(z)); di lapisan keluaran σ(z) = a."),
        ((a - targets) * sig_a * (1 - sig_a), *_SIGMOID_OF_A),
    ]
    return _judge(delta_out, expected, "delta_out",
                  "satu baris per contoh, satu kolom per neuron keluaran: sama dengan bentuk "
                  "aktivasi keluaran",
                  "δ^L = (a − y) ⊙ σ'(z^L), dengan σ'(z^L) = a(1 − a). Inilah BP1.", mistakes,
                  "BP1: δ^L = ∇_a C ⊙ σ'(z^L). Untuk biaya kuadratik ∇_a C = a − y.")


@exercise(2, hints=(
    "Lihat BP4 di bagian 2: ∂C/∂w_jk = a_k δ_j, dengan a aktivasi lapisan sebelumnya, di sini "
    "lapisan tersembunyi. Jadi hitung `a_hidden` lebih dulu.",
    "`a_hidden` adalah propagasi maju lapisan pertama (pelajaran 08): `x_5` kali bobot "
    "`net_30.weights[0]` yang ditranspos, ditambah `net_30.biases[0]`, lalu sigmoid. Bentuknya (5,"
    " 30).",
    "Bagian 5, “Seluruh Mini-Batch Sekaligus”: BP4 untuk semua contoh adalah satu perkalian "
    "matriks `delta.T @ A_prev`, berbentuk (10, 30). Jangan lupa membaginya dengan banyak contoh.",
))
def exercise_2(nabla_w_out, net, x, y) -> Feedback:
    """Latihan 2: gradien bobot lapisan keluaran (BP4), rata-rata atas mini-batch."""
    m = len(x)
    hidden, _, _, delta = _quadratic_delta(net, x, y)
    expected = delta.T @ hidden / m
    mistakes = [
        (expected * m, "Anda menjumlahkan gradien semua contoh.",
         "Fungsi biaya adalah rata-rata, jadi gradiennya juga rata-rata: bagi dengan banyak "
         "contoh."),
        (np.outer(delta[0], hidden[0]), "Itu gradien untuk contoh pertama saja.",
         "Semua contoh dalam mini-batch ikut dihitung."),
        (-expected, "Tandanya terbalik.", "Periksa δ^L dari latihan 1: a − y."),
    ]
    return _judge(nabla_w_out, expected, "nabla_w_out",
                  "sama dengan `net.weights[-1]`, baris = neuron tujuan, kolom = neuron asal",
                  "∂C/∂w_jk = a_k δ_j, dirata-ratakan atas mini-batch: (δᵀ · a) / m. Inilah "
                  "BP4 untuk satu mini-batch.", mistakes,
                  "BP4: ∂C/∂w_jk = a_k δ_j dengan a dari lapisan sebelumnya (lapisan "
                  "tersembunyi), lalu rata-rata atas contoh.")


@exercise(3, hints=(
    "Lihat BP2 di bagian 2: galat dibawa mundur lewat bobot lapisan keluaran, lalu dikalikan "
    "turunan sigmoid lapisan tersembunyi: δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l).",
    "Dengan satu baris per contoh (bagian 5, “Seluruh Mini-Batch Sekaligus”), (w^(l+1))ᵀ δ ditulis"
    " `delta_out @ net_30.weights[-1]`: (5, 10) @ (10, 30) → (5, 30).",
    "Kalikan hasil itu elemen demi elemen dengan σ'(z) lapisan tersembunyi, yaitu a(1 − a) dengan "
    "a = `a_hidden`. Jangan membagi dengan banyak contoh: δ dihitung per contoh.",
))
def exercise_3(delta_hidden, net, x, y) -> Feedback:
    """Latihan 3: satu langkah mundur (BP2), galat lapisan tersembunyi δ^(L−1) per contoh."""
    hidden, a, targets, delta = _quadratic_delta(net, x, y)
    back = delta @ net.weights[-1]  # δ^L dibawa mundur lewat bobot lapisan keluaran
    expected = back * hidden * (1 - hidden)
    sig_hidden = sigmoid(hidden)
    mistakes = [
        (back, "Faktor σ'(z) lapisan tersembunyi belum ada.",
         "Kalikan elemen demi elemen dengan a(1 − a), dengan a aktivasi lapisan tersembunyi."),
        (back * sig_hidden * (1 - sig_hidden), *_SIGMOID_OF_A),
        (((a - targets) @ net.weights[-1]) * hidden * (1 - hidden),
         "Anda membawa mundur a − y, yaitu δ^L cross-entropy.",
         "Pakai δ^L biaya kuadratik dari latihan 1, `delta_out`."),
        (-expected, "Tandanya terbalik.", "Periksa δ^L dari latihan 1: a − y."),
        (expected / len(x), "Anda membagi dengan banyak contoh.",
         "δ dihitung per contoh; rata-rata baru diambil di BP3 dan BP4."),
    ]
    return _judge(delta_hidden, expected, "delta_hidden",
                  "satu baris per contoh, satu kolom per neuron tersembunyi",
                  "δ^l = (δ^(l+1) w^(l+1)) ⊙ σ'(z^l): galat dibawa mundur lewat bobot yang "
                  "sama, lalu dikalikan kemiringan sigmoid. Inilah BP2.", mistakes,
                  "BP2: δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l). Dengan satu baris per contoh, "
                  "(w^(l+1))ᵀ δ ditulis `delta @ w`, dengan w bobot lapisan keluaran.")


hint, solution = helpers(__name__)
