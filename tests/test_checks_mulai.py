"""Tes `saraf.checks.mulai`: jawaban acuan diterima, jawaban salah yang umum ditolak dengan
pesan dan petunjuk berbahasa Indonesia, tanpa pernah membocorkan jawabannya."""

from __future__ import annotations

import numpy as np
import pytest

from saraf.checks import mulai as checks
from saraf.data import load_mnist


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.mark.parametrize("jawaban", [28 * 28, np.int64(28) * 28, 784.0, np.float32(784)])
def test_ex1_accepts_reference(jawaban, accepted):
    fb = checks.exercise_1(jawaban)
    accepted(fb)
    assert "784" in fb.message


@pytest.mark.parametrize(
    "jawaban, kunci",
    [
        (56, "menjumlahkan"),
        (28, "satu baris"),
        (100, "bukan banyak piksel"),
        (785, "bukan banyak piksel"),
        (28 * 3, "bukan banyak piksel"),
        (783.5, "bilangan bulat"),
        (True, "bilangan bulat"),
        ("dua puluh delapan", "bilangan bulat"),
        ([28, 28], "bilangan bulat"),
        (float("nan"), "bilangan bulat"),
    ],
)
def test_ex1_rejects_wrong(jawaban, kunci, rejected):
    teks = rejected(checks.exercise_1(jawaban), leaks=("784",))
    assert kunci in teks


def test_ex1_rejects_string_answer(rejected):
    rejected(checks.exercise_1("784"))


@pytest.mark.parametrize("kosong", [None, ...])
def test_not_answered(kosong, mnist, rejected):
    (x_train, _), _ = mnist
    assert "belum menjawab" in rejected(checks.exercise_1(kosong))
    assert "belum menjawab" in rejected(checks.exercise_2(kosong, x_train))


def test_ex2_accepts_reference(mnist, accepted):
    (x_train, _), _ = mnist
    text = accepted(checks.exercise_2(len(x_train), x_train))
    assert f"Ada {len(x_train):,} gambar latih".replace(",", ".") in text  # titik ribuan
    accepted(checks.exercise_2(x_train.shape[0], x_train))
    # Tanpa `x_train`, pemeriksa memuat MNIST bawaan sendiri.
    accepted(checks.exercise_2(len(x_train)))


def test_ex2_uses_given_data(mnist, accepted, rejected):
    (x_train, _), _ = mnist
    sebagian = x_train[:500]
    accepted(checks.exercise_2(500, sebagian))
    rejected(checks.exercise_2(len(x_train), sebagian), leaks=("500",))


def test_ex2_rejects_wrong(mnist, rejected):
    (x_train, _), (x_test, _) = mnist
    rahasia = (str(len(x_train)), f"{len(x_train):,}".replace(",", "."))
    kasus = [
        (len(x_train) + len(x_test), "seluruh gambar"),
        (28, "sisi satu gambar"),
        (len(x_test), "bukan banyak gambar"),
        (60000, "60.000 bukan banyak gambar"),
        (784, "bukan banyak gambar"),
        (12.5, "bilangan bulat"),
        (False, "bilangan bulat"),
        ("banyak", "bilangan bulat"),
    ]
    pesan = set()
    for jawaban, kunci in kasus:
        teks = rejected(checks.exercise_2(jawaban, x_train), leaks=rahasia)
        assert kunci in teks, (jawaban, teks)
        pesan.add(teks)
    assert len(pesan) >= 4, "jawaban salah yang berbeda seharusnya mendapat petunjuk berbeda"
