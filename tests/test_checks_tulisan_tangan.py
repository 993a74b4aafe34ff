"""Tes `saraf.checks.tulisan_tangan`: menerima jawaban rujukan, menolak kesalahan umum."""

from __future__ import annotations

import re

import numpy as np
import pytest

from saraf import preprocess as pp, resources
from saraf.checks import tulisan_tangan as checks
from saraf.data import load_mnist

GRAY = pp.to_grayscale(resources.asset("handwriting", "hitam_di_putih.png"))


# ---------------------------------------------------------------------------
# Latihan 1: membalik
# ---------------------------------------------------------------------------


def test_exercise_1_accepts_reference(accepted):
    accepted(checks.exercise_1(1 - GRAY, GRAY))
    accepted(checks.exercise_1((1.0 - GRAY).astype(np.float64), GRAY))
    accepted(checks.exercise_1(pp.invert_if_light_background(GRAY), GRAY))


@pytest.mark.parametrize("make, word", [
    (lambda g: 255 - g, "255"),
    (lambda g: g, "belum berubah"),
    (lambda g: -g, "negatif"),
    (lambda g: g[::-1], "mencerminkan"),
    (lambda g: g[:, ::-1], "mencerminkan"),
    (lambda g: (g < 0.5).astype(float), "hanya berisi 0 dan 1"),
    (lambda g: 0.9 - g, "belum tepat"),
    (lambda g: (1 - g)[:100], "Bentuk"),
    (lambda g: (1 - g).tolist(), "array NumPy"),
    (lambda g: None, "belum menjawab"),
    (lambda g: ..., "belum menjawab"),
])
def test_exercise_1_rejects_typical_mistakes(make, word, rejected):
    rejected(checks.exercise_1(make(GRAY), GRAY), word)


# ---------------------------------------------------------------------------
# Latihan 2: kotak pembatas
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mask():
    (_, _), (x_test, _) = load_mnist()
    return x_test[0] > 0


def reference_box(mask):
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return rows[0], rows[-1] + 1, cols[0], cols[-1] + 1


def test_exercise_2_accepts_reference(mask, accepted):
    box = reference_box(mask)
    accepted(checks.exercise_2(box, mask))  # angka NumPy diterima
    accepted(checks.exercise_2([int(v) for v in box], mask))
    accepted(checks.exercise_2(np.array(box), mask))
    accepted(checks.exercise_2(pp.ink_bounding_box(mask.astype(float)), mask))


def test_exercise_2_rejects_typical_mistakes(mask, rejected):
    top, bottom, left, right = (int(v) for v in reference_box(mask))
    rejected(checks.exercise_2((top, bottom - 1, left, right - 1), mask), "kurang satu")
    rejected(checks.exercise_2((left, right, top, bottom), mask), "tertukar")
    rejected(checks.exercise_2((top, left, bottom, right), mask), "Urutannya")
    rejected(checks.exercise_2((0, 28, 0, 28), mask), "seluruh gambar")
    text = rejected(checks.exercise_2((1, 2, 3, 4), mask), "belum tepat")
    assert str((top, bottom, left, right)) not in text
    rejected(checks.exercise_2((top, bottom, left), mask), "4 bilangan bulat")
    rejected(checks.exercise_2((1.5, 2, 3, 4), mask), "bilangan bulat")
    rejected(checks.exercise_2((True, 2, 3, 4), mask), "bilangan bulat")
    rejected(checks.exercise_2(None, mask), "belum menjawab")


# ---------------------------------------------------------------------------
# Latihan 3: pusat massa
# ---------------------------------------------------------------------------


def reference_center_of_mass(image):
    total = image.sum()
    rows = np.arange(image.shape[0])
    cols = np.arange(image.shape[1])
    return (image.sum(axis=1) * rows).sum() / total, (image.sum(axis=0) * cols).sum() / total


def test_exercise_3_accepts_reference(accepted):
    accepted(checks.exercise_3(reference_center_of_mass))
    accepted(checks.exercise_3(pp.center_of_mass))

    def with_indices(image):
        rows, cols = np.indices(image.shape)
        return (rows * image).sum() / image.sum(), (cols * image).sum() / image.sum()

    accepted(checks.exercise_3(with_indices))


def test_exercise_3_rejects_typical_mistakes(rejected):
    rejected(checks.exercise_3(lambda im: reference_center_of_mass(im)[::-1]), "tertukar")
    rejected(checks.exercise_3(lambda im: tuple(np.nonzero(im)[i].mean() for i in (0, 1))),
          "bobot yang sama")
    rejected(checks.exercise_3(lambda im: tuple(v * im.sum() for v in
                                             reference_center_of_mass(im))), "dibagi")
    rejected(checks.exercise_3(lambda im: ((im.shape[0] - 1) / 2, (im.shape[1] - 1) / 2)),
          "titik tengah")

    def square_only(image):  # memakai satu arange untuk kedua sumbu: salah untuk 12 × 30
        idx = np.arange(image.shape[0])
        return ((image.sum(axis=1) * idx).sum() / image.sum(),
                (image.sum(axis=0)[:len(idx)] * idx).sum() / image.sum())

    text = rejected(checks.exercise_3(square_only), "belum tepat")
    assert re.search(r"\(\d+,\d{3}; \d+,\d{3}\)", text), text  # koma desimal (GAYA.md)
    rejected(checks.exercise_3(lambda im: 1 / 0), "ZeroDivisionError")
    rejected(checks.exercise_3(lambda im: 5.0), "dua angka")
    rejected(checks.exercise_3(42), "sebuah fungsi")
    rejected(checks.exercise_3(None), "belum menjawab")


# ---------------------------------------------------------------------------
# Latihan 4: menyusun to_mnist
# ---------------------------------------------------------------------------


def reference_pipeline(path):
    gray = pp.to_grayscale(path)
    bright = pp.invert_if_light_background(gray)
    clean = pp.remove_background(bright)
    crop = pp.crop_to_ink(clean)
    digit = pp.fit_in_box(crop, 20)
    centered = pp.center_by_mass(digit, 28)
    return pp.normalize(centered)


def test_exercise_4_accepts_reference(accepted):
    accepted(checks.exercise_4(reference_pipeline))
    assert pp.to_mnist_steps.__name__ == "to_mnist_steps"  # dikembalikan setelah diperiksa


def test_exercise_4_rejects_typical_mistakes(rejected):
    def no_invert(path):
        return pp.normalize(pp.center_by_mass(pp.fit_in_box(pp.crop_to_ink(
            pp.remove_background(pp.to_grayscale(path))))))

    def no_clean(path):
        return pp.normalize(pp.center_by_mass(pp.fit_in_box(pp.crop_to_ink(
            pp.invert_if_light_background(pp.to_grayscale(path))))))

    def box_28(path):
        clean = pp.remove_background(pp.invert_if_light_background(pp.to_grayscale(path)))
        return pp.normalize(pp.center_by_mass(pp.fit_in_box(pp.crop_to_ink(clean), 28)))

    def corner(path):
        clean = pp.remove_background(pp.invert_if_light_background(pp.to_grayscale(path)))
        digit = pp.fit_in_box(pp.crop_to_ink(clean), 20)
        canvas = np.zeros((28, 28), dtype=np.float32)
        canvas[:digit.shape[0], :digit.shape[1]] = digit
        return pp.normalize(canvas)

    def no_normalize(path):
        return reference_pipeline(path) * 0.5

    def naive(path):
        return pp.naive_to_mnist(path)

    rejected(checks.exercise_4(no_invert), "tidak menemukan tinta")
    rejected(checks.exercise_4(no_clean), "sisa latar")
    rejected(checks.exercise_4(box_28), "ukuran kotak")
    text = rejected(checks.exercise_4(corner), "pusat massa")
    assert re.search(r"\(\d+,\d; \d+,\d\)", text), text  # koma desimal (GAYA.md)
    first = resources.asset("handwriting", checks.EXERCISE_4_IMAGES[0])
    brightest = f"{no_normalize(first).max():.3f}".replace(".", ",")
    rejected(checks.exercise_4(no_normalize), "normal", f"hasil Anda {brightest}, bukan 1")
    rejected(checks.exercise_4(naive), "latar hasil Anda terang")
    rejected(checks.exercise_4(pp.to_mnist), "langsung")
    rejected(checks.exercise_4(lambda p: pp.to_mnist_steps(p)["mnist"]), "langsung")
    rejected(checks.exercise_4(lambda p: reference_pipeline(p)[:27]), "(28, 28)")
    rejected(checks.exercise_4(lambda p: reference_pipeline(p).tolist()), "array NumPy")
    rejected(checks.exercise_4(lambda p: int("x")), "ValueError")
    rejected(checks.exercise_4("to_mnist"), "sebuah fungsi")
    rejected(checks.exercise_4(...), "belum menjawab")
    assert pp.to_mnist_steps.__name__ == "to_mnist_steps"
