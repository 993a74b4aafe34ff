"""Tes `saraf.checks.array_dan_shape`: jawaban acuan diterima, jawaban salah yang umum ditolak
dengan pesan dan petunjuk berbahasa Indonesia, tanpa pernah membocorkan jawabannya."""

from __future__ import annotations

import re

import numpy as np
import pytest

from saraf.checks import array_dan_shape as checks
from saraf.data import load_mnist


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


DATA_3X4 = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]


@pytest.mark.parametrize(
    "jawaban", [(3, 4), [3, 4], np.array(DATA_3X4).shape, (np.int64(3), np.int64(4))]
)
def test_ex1_accepts_reference(jawaban, accepted):
    accepted(checks.exercise_1(jawaban))


@pytest.mark.parametrize(
    "jawaban, kunci",
    [
        ((4, 3), "terbalik"),
        ((12,), "2 dimensi"),
        ((3, 4, 1), "2 dimensi"),
        ((3, 3), "bukan bentuk"),
        ((2, 4), "bukan bentuk"),
        ((3.0, 4.0), "tuple bilangan bulat"),
        ("3 x 4", "tuple bilangan bulat"),
        (12, "tuple bilangan bulat"),
        (np.array(DATA_3X4), "tuple bilangan bulat"),
        (None, "belum menjawab"),
        (..., "belum menjawab"),
    ],
)
def test_ex1_rejects_wrong(jawaban, kunci, rejected):
    teks = rejected(checks.exercise_1(jawaban), leaks=("(3, 4)", "[3, 4]"))
    assert kunci in teks


@pytest.mark.parametrize(
    "jawaban", [16, 2 * 2 * 2 * 2, np.zeros((2, 2, 2, 2)).size, np.prod((2, 2, 2, 2))]
)
def test_ex2_accepts_reference(jawaban, accepted):
    accepted(checks.exercise_2(jawaban))


@pytest.mark.parametrize(
    "jawaban, kunci",
    [
        (2 + 2 + 2 + 2, "bukan jumlahnya"),
        (2 * 2 * 2, "Belum semua sumbu"),
        (4, "banyak sumbu"),
        (32, "belum tepat"),
        (2, "belum tepat"),
        (-1, "belum tepat"),
        (True, "bilangan bulat"),
        ("enam belas", "bilangan bulat"),
        ((2, 2, 2, 2), "bilangan bulat"),
        (None, "belum menjawab"),
        (..., "belum menjawab"),
    ],
)
def test_ex2_rejects_wrong(jawaban, kunci, rejected):
    teks = rejected(checks.exercise_2(jawaban), leaks=("16",))
    assert kunci in teks


@pytest.fixture(scope="module")
def image(mnist):
    _, (x_test, _) = mnist
    return x_test[0]


def test_ex3_accepts_reference(image, accepted):
    accepted(checks.exercise_3(image.reshape(1, 28, 28, 1), image))
    accepted(checks.exercise_3(image[np.newaxis, :, :, np.newaxis], image))
    accepted(checks.exercise_3(np.expand_dims(image, (0, -1)), image))


def test_ex3_rejects_wrong(image, mnist, rejected):
    _, (x_test, _) = mnist
    rahasia = ("(1, 28, 28, 1)", "reshape(1, 28, 28, 1)", "1, 28, 28, 1")
    kasus = [
        (image.reshape(28, 28, 1), "batch"),
        (image.reshape(1, 28, 28), "kanal"),
        (image.reshape(1, 1, 28, 28), "channels-first"),
        (image.reshape(784), "(784,)"),
        (image, "(28, 28)"),
        (image.reshape(1, 28, 28, 1).tolist(), "list"),
        (x_test[1].reshape(1, 28, 28, 1), "isinya bukan gambar"),
        (image.reshape(1, 28, 28, 1).T, "isinya bukan gambar"),
        (None, "belum menjawab"),
        (..., "belum menjawab"),
    ]
    pesan = set()
    for batch, kunci in kasus:
        teks = rejected(checks.exercise_3(batch, image), leaks=rahasia)
        assert kunci in teks, (kunci, teks)
        pesan.add(teks)
    assert len(pesan) >= 7, "setiap kesalahan umum seharusnya mendapat petunjuk sendiri"


@pytest.fixture(scope="module")
def x_batch(mnist):
    _, (x_test, _) = mnist
    return x_test[:500]


def test_ex4_accepts_reference(x_batch, accepted):
    x = x_batch
    accepted(checks.exercise_4(x.reshape(-1, 28, 28, 1).astype("float32") / 255, x))
    accepted(checks.exercise_4((x.astype(np.float32) / 255.0)[..., np.newaxis], x))


def test_ex4_rejects_wrong(x_batch, mnist, rejected):
    x = x_batch
    (x_train, _), _ = mnist
    x4 = x.reshape(-1, 28, 28, 1)
    kasus = [
        ("lupa /255", x4.astype("float32"), "paling besar 1"),
        ("memakai //", x4.astype("float32") // 255, "`//`"),
        ("uint8", x4, "uint8"),
        ("uint8 //", x4 // 255, "uint8"),
        ("float64", x4 / 255, "float64"),
        ("float16", (x4 / 255).astype(np.float16), "float16"),
        ("tanpa kanal", x.astype("float32") / 255, "Bentuk `x_norm`"),
        ("kanal di depan", x.reshape(-1, 1, 28, 28).astype("float32") / 255, "Bentuk `x_norm`"),
        ("rata", x.reshape(len(x), -1).astype("float32") / 255, "Bentuk `x_norm`"),
        ("dibagi 256", x4.astype("float32") / 256, "dibagi angka yang salah"),
        ("gambar lain", x_train[: len(x)].reshape(-1, 28, 28, 1).astype("float32") / 255,
         "tidak sebanding"),
        ("list", (x4.astype("float32") / 255).tolist(), "array NumPy"),
        ("belum (...)", ..., "belum menjawab"),
        ("belum (None)", None, "belum menjawab"),
    ]
    pesan = set()
    for nama, x_norm, kunci in kasus:
        fb = checks.exercise_4(x_norm, x)
        teks = rejected(fb)
        assert kunci in teks, (nama, teks)
        # Petunjuk menuntun, tetapi tidak menuliskan kode jawabannya.
        assert not re.search(r"/\s*255", fb.hint), (nama, fb.hint)
        assert "reshape(-1, 28, 28, 1)" not in teks, (nama, teks)
        pesan.add(teks)
    assert len(pesan) >= 8


def test_ex4_shape_follows_given_batch(x_batch, accepted, rejected):
    kecil = x_batch[:3]
    accepted(checks.exercise_4(kecil.reshape(-1, 28, 28, 1).astype("float32") / 255, kecil))
    besar = x_batch.reshape(-1, 28, 28, 1).astype("float32") / 255
    assert "(3, 28, 28, 1)" in rejected(checks.exercise_4(besar, kecil))
