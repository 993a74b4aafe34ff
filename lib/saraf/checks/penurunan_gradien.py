"""Pemeriksa latihan pelajaran penurunan gradien dan pengoptimal.

Latihan 1 dan 2 memeriksa fungsi (satu langkah penurunan gradien, satu langkah momentum),
latihan 3 dan 4 satu angka (laju pembelajaran yang konvergen, batas laju pembelajaran).
"""

from __future__ import annotations

import numpy as np

from saraf.checks import (Feedback, check_function, close, correct, function_answer,
                          incorrect, number_answer, run_answer)
from saraf.checks.exercises import exercise, helpers
from saraf.formatting import decimal
from saraf.optim import SGD
from saraf.widgets.gradient_descent_state import SURFACES, diagnose, run_path

# ---------------------------------------------------------------------------
# Latihan 1: satu langkah penurunan gradien untuk C(w) = (w₁ − 1)² + 2·w₂²
# ---------------------------------------------------------------------------

_STEP_CASES = [((np.array([3.0, -1.0]), 0.1), "`w = [3.0, -1.0]` dan `eta = 0.1`"),
               ((np.array([0.0, 2.0]), 0.25), "`w = [0.0, 2.0]` dan `eta = 0.25`"),
               ((np.array([-1.5, 0.5]), 0.05), "`w = [-1.5, 0.5]` dan `eta = 0.05`")]


def _gradient_1(w):
    return np.array([2 * (w[0] - 1), 4 * w[1]])


def _step_mistake(result, w, eta) -> str:
    """Petunjuk untuk kesalahan umum satu langkah penurunan gradien."""
    g = _gradient_1(w)
    mistakes = [
        (w + eta * g, "Anda melangkah searah gradien, jadi biayanya naik. Gradien menunjuk "
                      "ke arah naik paling curam: melangkahlah ke arah sebaliknya."),
        (w - g, "Langkahnya belum dikalikan laju pembelajaran `eta`."),
        (w - eta * np.array([w[0] - 1, 2 * w[1]]),
         "Gradien Anda setengah dari seharusnya: turunan u² adalah 2u, jadi faktor 2 dari "
         "pangkat ikut turun."),
        (w - eta * np.array([2 * w[0], 4 * w[1]]),
         "Minimum biaya ini ada di w₁ = 1, bukan 0: turunan suku pertama bergantung pada "
         "w₁ − 1."),
        (w - eta * np.array([2 * (w[0] - 1), 2 * w[1]]),
         "Periksa turunan suku kedua, 2·w₂²: faktor 2 di depannya ikut dikalikan."),
    ]
    for wrong, hint in mistakes:
        if close(result, wrong, atol=1e-9):
            return hint
    if any(close(result, k * g, atol=1e-9) for k in (1, eta, -eta)):
        return "Fungsi Anda mengembalikan (kelipatan) gradien. Kembalikan titik barunya: w lama " \
               "dikurangi langkahnya."
    return "Hitung gradien C di titik w (dua turunan parsial), lalu w baru = w − eta·gradien."


@exercise(1, hints=(
    "Lihat bagian 4, “Penurunan Gradien dengan NumPy”: satu langkah adalah w ← w − η·∇C(w). Yang "
    "perlu Anda cari sendiri hanya gradien ∇C untuk biaya latihan ini.",
    "∇C berisi dua turunan parsial, satu per bobot. Turunan u² adalah 2u; suku pertama bergantung "
    "pada w₁ − 1, bukan w₁, dan faktor 2 di depan w₂² ikut dikalikan.",
    "Tiru `valley_gradient` di bagian 2: `gradient_1 = np.array([..., ...])` dengan `w[0]` dan "
    "`w[1]`, lalu kembalikan `w` dikurangi `eta` kali gradien itu.",
))
def exercise_1(step_1) -> Feedback:
    """Latihan 1: ``step_1(w, eta)``, satu langkah penurunan gradien untuk
    C(w) = (w₁ − 1)² + 2·w₂²."""
    problem = check_function(
        step_1, "step_1", "def step_1(w, eta):", _STEP_CASES,
        lambda w, eta: w - eta * _gradient_1(w), returns="titik baru (array dua angka)",
        error_hint="Kepala fungsinya `def step_1(w, eta):`, dengan `w` array berisi dua angka.",
        shape_hint=lambda result, w, eta: "Kembalikan titik baru berbentuk sama dengan `w`: "
                                          "dua angka.",
        value_hint=_step_mistake)
    if problem is not None:
        return problem
    return correct("Satu langkah w ← w − η·∇C: biaya di titik baru lebih kecil, misalnya dari "
                   "w = [3, −1] biayanya turun dari 6 ke 3,28 dengan η = 0,1.")


# ---------------------------------------------------------------------------
# Latihan 2: satu langkah momentum, v ← μ·v − η·g; w ← w + v
# ---------------------------------------------------------------------------


def _momentum_mistake(w_new, v_new, w, v, g, eta, mu) -> str | None:
    """Petunjuk untuk kesalahan umum satu langkah momentum, atau None bila benar."""
    v_ok = mu * v - eta * g
    w_ok = w + v_ok
    if close(w_new, w_ok, atol=1e-9) and close(v_new, v_ok, atol=1e-9):
        return None
    mistakes = [
        (v_ok, w_ok, "Urutannya tertukar: kembalikan `(w_new, v_new)`, titik baru dulu."),
        (w_ok, -v_ok, "Titik barunya benar, tetapi `v` bertanda terbalik. Tulis v seperti "
                      "rumusnya, sehingga v menunjuk ke arah langkah (menuruni lembah)."),
        (w + v, v_ok, "Titik baru dihitung dengan v yang lama. Hitung v baru lebih dulu, "
                      "lalu geser w dengan v baru itu."),
        (w - v_ok, v_ok, "v sudah benar, tetapi w bergerak berlawanan arah v. v sudah memuat "
                         "tanda minusnya sendiri."),
        (w + mu * v + eta * g, mu * v + eta * g,
         "Langkahnya searah gradien, jadi biayanya naik. Gradien dikurangkan, bukan "
         "ditambahkan."),
        (w + mu * v - g, mu * v - g, "Gradiennya belum dikalikan laju pembelajaran `eta`."),
        (w - eta * g, -eta * g, "v lama belum ikut: dengan begitu ini penurunan gradien biasa. "
                                "Kalikan v lama dengan `mu`, lalu tambahkan langkah gradiennya."),
        (w + v - eta * g, v - eta * g, "v lama belum dikalikan `mu`."),
    ]
    for wrong_w, wrong_v, hint in mistakes:
        if close(w_new, wrong_w, atol=1e-9) and close(v_new, wrong_v, atol=1e-9):
            return hint
    return "Ikuti rumusnya persis: v baru = mu·v − eta·g, lalu w baru = w + v baru."


def _call_momentum(momentum_step, w, v, g, eta, mu, where):
    """``((w_new, v_new), None)`` atau ``(None, umpan balik)``."""
    result, problem = run_answer(momentum_step, w.copy(), v.copy(), g.copy(), eta, mu,
                                 returns="pasangan (w_new, v_new)", where=where,
                                 hint="Kepala fungsinya `def momentum_step(w, v, g, eta, mu):`, "
                                      "dengan `w`, `v`, dan `g` array berisi dua angka.")
    if problem is not None:
        return None, problem
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return None, incorrect(f"Fungsi Anda mengembalikan {type(result).__name__}, bukan "
                               "pasangan dua array.",
                               "Kembalikan keduanya sekaligus: `return w_new, v_new`.")
    try:
        pair = tuple(np.asarray(x, dtype=float) for x in result)
    except (TypeError, ValueError):
        pair = None
    if pair is None or pair[0].shape != w.shape or pair[1].shape != w.shape:
        return None, incorrect(f"Untuk {where}, `w_new` dan `v_new` seharusnya berbentuk "
                               f"{w.shape} seperti `w`.", "Kedua array berbentuk sama dengan w.")
    return pair, None


@exercise(2, hints=(
    "Lihat bagian 8, “Momentum”: gradien tidak menggeser w secara langsung, tetapi mengubah "
    "kecepatan v lebih dulu; setelah itu w bergeser sejauh v yang baru.",
    "Rumusnya v ← μv − η∇C, lalu w ← w + v. Di fungsi Anda, μ adalah `mu`, η adalah `eta`, dan ∇C "
    "adalah `g`; pakai argumen-argumen itu, bukan angka tetap.",
    "Hitung `v_new` dulu dari `v`, `g`, `eta`, dan `mu`, lalu `w_new` dari `w` dan `v_new`. "
    "Kembalikan keduanya dengan urutan ini: `return w_new, v_new`.",
))
def exercise_2(momentum_step) -> Feedback:
    """Latihan 2: ``momentum_step(w, v, g, eta, mu)`` dibandingkan dengan saraf.optim.SGD."""
    problem = function_answer(momentum_step, "momentum_step",
                              "def momentum_step(w, v, g, eta, mu):")
    if problem is not None:
        return problem
    # Satu langkah dari v yang bukan nol: setiap kesalahan umum memberi hasil berbeda.
    w, v, g = np.array([1.0, -2.0]), np.array([0.3, 0.4]), np.array([2.0, -1.0])
    where = "`w = [1.0, -2.0]`, `v = [0.3, 0.4]`, `g = [2.0, -1.0]`, `eta = 0.1`, `mu = 0.9`"
    pair, problem = _call_momentum(momentum_step, w, v, g, 0.1, 0.9, where)
    if problem is not None:
        return problem
    hint = _momentum_mistake(*pair, w, v, g, 0.1, 0.9)
    if hint is not None:
        return incorrect(f"Untuk {where}, hasil Anda belum sama dengan satu langkah momentum.",
                         hint)
    # Dua puluh langkah di lembah memanjang, dibandingkan dengan SGD(momentum=mu).
    valley = SURFACES["lembah"]
    for eta, mu in ((0.05, 0.8), (0.02, 0.5)):
        w, v = np.array(valley.start), np.zeros(2)
        reference, optimizer = np.array(valley.start), SGD(eta, momentum=mu)
        for step in range(1, 21):
            where = f"langkah ke-{step} di lembah dengan `eta = {eta}` dan `mu = {mu}`"
            pair, problem = _call_momentum(momentum_step, w, v, valley.grad(w), eta, mu, where)
            if problem is not None:
                return problem
            w, v = pair
            optimizer.step([reference], [valley.grad(reference)])
            if not close(w, reference, atol=1e-9):
                return incorrect(f"Pada {where}, w Anda berbeda dengan `SGD(momentum=mu)`.",
                                 "Pakai argumen `eta`, `mu`, dan `v` yang diberikan, bukan "
                                 "angka tetap atau v yang disimpan di luar fungsi.")
    return correct("Sama dengan `saraf.optim.SGD(learning_rate, momentum)` (dan Keras) selama "
                   "20 langkah: v mengumpulkan gradien-gradien sebelumnya, w bergeser sejauh v.")


# ---------------------------------------------------------------------------
# Latihan 3: laju pembelajaran yang konvergen di lembah memanjang dalam 40 langkah
# ---------------------------------------------------------------------------

STEPS_3 = 40


@exercise(3, hints=(
    "Lihat bagian 5, “Memilih Laju Pembelajaran”: setiap langkah mengalikan jarak ke dasar dengan "
    "1 − ηλ, dengan λ = 1 untuk arah w₁ dan λ = 10 untuk arah w₂.",
    "η tidak boleh terlalu besar (arah w₂ yang curam berzig-zag lama, dan di atas 2/10 divergen) "
    "dan tidak boleh terlalu kecil (arah w₁ yang landai merangkak). Cari nilai di antara keduanya.",
    "Dalam 40 langkah, jarak arah w₁ dikalikan (1 − η)^40 dan biayanya (1 − η)^80, jadi η tidak "
    "boleh jauh di bawah 0,1. Coba beberapa nilai dengan `gradient_descent` dari bagian 4.",
))
def exercise_3(eta_3) -> Feedback:
    """Latihan 3: η yang membuat penurunan gradien di lembah konvergen dalam 40 langkah."""
    eta, problem = number_answer(eta_3, "eta_3", "Laju pembelajaran adalah satu angka positif, "
                                                 "misalnya 0.01.")
    if problem is not None:
        return problem
    if eta <= 0:
        return incorrect(f"Laju pembelajaran {decimal(eta, 4)} tidak positif.",
                         "Dengan η ≤ 0 langkahnya diam di tempat atau justru mendaki.")
    valley = SURFACES["lembah"]
    path, costs = run_path(valley, valley.start, "SGD", eta, STEPS_3)
    diagnosis = diagnose(valley, path, costs, STEPS_3)
    if diagnosis.code == "converged":
        return correct(f"Dengan η = {decimal(eta, 4)} jalurnya konvergen. {diagnosis.message}")
    hints = {"diverged": "η terlalu besar untuk arah w₂ yang curam. Kecilkan η.",
             "oscillating": "Hampir: arah w₂ berzig-zag terlalu lama. Kecilkan η sedikit.",
             "crawling": "η terlalu kecil untuk arah w₁ yang landai. Perbesar η."}
    return incorrect(f"Dengan η = {decimal(eta, 4)} jalurnya {diagnosis.label}, belum "
                     f"konvergen. {diagnosis.message}", hints[diagnosis.code])


# ---------------------------------------------------------------------------
# Latihan 4: batas laju pembelajaran untuk C(w) = 2·w₁² + 8·w₂²
# ---------------------------------------------------------------------------


@exercise(4, hints=(
    "Lihat bagian 5, “Memilih Laju Pembelajaran”: setiap arah punya kelengkungan λ sendiri, dan "
    "satu langkah mengalikan jarak ke minimum di arah itu dengan 1 − ηλ. Divergen berarti faktor "
    "itu di bawah −1.",
    "Kelengkungan λ adalah turunan kedua biaya di arah itu: untuk a·w², turunan pertamanya 2a·w "
    "dan turunan keduanya 2a. Hitung λ untuk arah w₁ dan arah w₂.",
    "1 − ηλ < −1 berarti η > 2/λ. Arah dengan λ terbesar melewati batas itu lebih dulu, jadi arah "
    "itulah yang menentukan `eta_max`.",
))
def exercise_4(eta_max) -> Feedback:
    """Latihan 4: laju pembelajaran terbesar yang tidak divergen, 2 / λ_terbesar = 2/16."""
    value, problem = number_answer(eta_max, "eta_max", "Batas laju pembelajaran adalah satu "
                                                       "angka positif.")
    if problem is not None:
        return problem
    if abs(value - 2 / 16) <= 1e-3:
        return correct("η < 2/16 = 0,125. Arah w₂ melengkung paling tajam (λ = 16), jadi "
                       "arah itu yang membatasi η; arah w₁ (λ = 4) masih aman sampai 0,5.")
    mistakes = [
        (2 / 4, "Itu batas untuk arah w₁. Arah yang lebih curam membatasi lebih dulu."),
        (1 / 16, "Di atas nilai itu jalurnya mulai berzig-zag, tetapi masih konvergen. Yang "
                 "ditanyakan batas divergen."),
        (2 / 8, "Kelengkungan λ adalah turunan kedua: turunan kedua 8·w₂² bukan 8."),
        (2 / 2, "Kelengkungan λ adalah turunan kedua: turunan kedua 2·w₁² bukan 2, dan arah "
                "yang lebih curam yang membatasi."),
    ]
    for wrong, hint in mistakes:
        if abs(value - wrong) <= 1e-3:
            return incorrect(f"{decimal(value, 4)} belum tepat.", hint)
    if value in (4, 16):
        return incorrect("Itu kelengkungannya, bukan laju pembelajaran.",
                         "Satu langkah mengalikan jarak ke minimum dengan (1 − ηλ).")
    return incorrect(f"{decimal(value, 4)} belum tepat.",
                     "Satu langkah mengalikan jarak ke minimum di setiap arah dengan (1 − ηλ). "
                     "Cari η yang membuat faktor itu keluar dari rentang −1 sampai 1.")


hint, solution = helpers(__name__)
