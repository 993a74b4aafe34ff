"""Pemeriksa latihan pelajaran 03–05: jawaban rujukan diterima, kesalahan umum ditolak
dengan petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np
import pytest

from saraf import ops
from saraf.checks import lesson03, lesson04, lesson05
from saraf.widgets.conv import pattern_image, preset_kernel


def accepted(feedback):
    assert feedback.ok, repr(feedback)
    assert repr(feedback).startswith("✅ Benar!")


def rejected(feedback, *words):
    assert not feedback.ok, repr(feedback)
    text = repr(feedback)
    assert text.startswith("❌ Belum tepat.") and "Petunjuk:" in text
    for word in words:
        assert word in text, text
    return text


# --- Pelajaran 03 ---------------------------------------------------------------------------

def test_lesson03_exercise_1():
    accepted(lesson03.exercise_1((28 - 5) // 2 + 1))
    rejected(lesson03.exercise_1(None), "belum menjawab")
    rejected(lesson03.exercise_1((28 - 5) / 2 + 1), "floor")
    rejected(lesson03.exercise_1(13), "ke atas")
    rejected(lesson03.exercise_1(11), "+ 1")
    rejected(lesson03.exercise_1(24), "stride 1")
    rejected(lesson03.exercise_1(14), "'same'")
    rejected(lesson03.exercise_1("12"), "bilangan bulat")
    text = rejected(lesson03.exercise_1(99))
    assert "12" not in text  # jawaban tidak dibocorkan


IMAGE = pattern_image(7)
SOBEL = preset_kernel("sobel", 3)


def test_lesson03_exercise_2():
    answer = np.sum(IMAGE[2:5, 1:4] * SOBEL)
    accepted(lesson03.exercise_2(answer, IMAGE, SOBEL))
    accepted(lesson03.exercise_2(float(answer), IMAGE, SOBEL))
    rejected(lesson03.exercise_2(np.sum(IMAGE[2:5, 1:4] * SOBEL[::-1, ::-1]), IMAGE, SOBEL),
             "membalik")
    rejected(lesson03.exercise_2(np.sum(IMAGE[1:4, 2:5] * SOBEL), IMAGE, SOBEL), "tertukar")
    rejected(lesson03.exercise_2(IMAGE[2:5, 1:4] @ SOBEL, IMAGE, SOBEL), "`*`")
    rejected(lesson03.exercise_2(np.sum(IMAGE[2:5, 0:3] * SOBEL), IMAGE, SOBEL), "posisi lain")
    rejected(lesson03.exercise_2("35", IMAGE, SOBEL), "satu angka")


def test_lesson03_exercise_3():
    accepted(lesson03.exercise_3(5 * 5 * 3 * 16 + 16))
    rejected(lesson03.exercise_3(5 * 5 * 3 * 16), "bias")
    rejected(lesson03.exercise_3(5 * 5 * 16 + 16), "kanal masukan")
    rejected(lesson03.exercise_3(5 * 5 * 3 + 1), "satu kernel")
    rejected(lesson03.exercise_3(5 * 5 * 3 * 16 + 3 * 16), "Bias dihitung terlalu banyak")
    rejected(lesson03.exercise_3(32 * 32 * 3 * 16), "ukuran gambar")
    rejected(lesson03.exercise_3(...), "belum menjawab")


def reference_dilated(image, kernel, dilation):
    kh, kw = kernel.shape
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1
    out = np.zeros((image.shape[0] - span_h + 1, image.shape[1] - span_w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            patch = image[i:i + span_h:dilation, j:j + span_w:dilation]
            out[i, j] = np.sum(patch * kernel)
    return out


def test_lesson03_exercise_4():
    accepted(lesson03.exercise_4(reference_dilated))
    rejected(lesson03.exercise_4(42), "fungsi")

    def no_dilation_shape(image, kernel, dilation):
        return ops.conv2d(image, kernel)
    rejected(lesson03.exercise_4(no_dilation_shape), "tanpa dilasi")

    def contiguous(image, kernel, dilation):
        full = ops.conv2d(image, kernel)  # potongan bersebelahan, bentuk dipotong agar cocok
        extra_h, extra_w = ((dilation - 1) * (k - 1) for k in kernel.shape)
        return full[:full.shape[0] - extra_h, :full.shape[1] - extra_w]
    rejected(lesson03.exercise_4(contiguous), "setiap elemen ke-d")

    def flipped(image, kernel, dilation):
        return reference_dilated(image, kernel[::-1, ::-1], dilation)
    rejected(lesson03.exercise_4(flipped), "dibalik")

    def crashes(image, kernel, dilation):
        out = np.zeros((image.shape[0] - kernel.shape[0] + 1,) * 2)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i + dilation * 10, j]
        return out
    rejected(lesson03.exercise_4(crashes), "IndexError")


# --- Pelajaran 04 ---------------------------------------------------------------------------

VALUES = np.array([-3.0, 4.0, 0.0, -0.5, 2.5])


def test_lesson04_exercise_1():
    accepted(lesson04.exercise_1(np.maximum(VALUES, 0), VALUES))
    rejected(lesson04.exercise_1(np.abs(VALUES), VALUES), "positif")
    rejected(lesson04.exercise_1(np.minimum(VALUES, 0), VALUES), "negatif")
    rejected(lesson04.exercise_1(np.clip(VALUES, 0, 1), VALUES), "batas atas")
    rejected(lesson04.exercise_1(VALUES.copy(), VALUES), "belum berubah")
    rejected(lesson04.exercise_1([0, 4, 0, 0, 2.5], VALUES), "array NumPy")
    rejected(lesson04.exercise_1(np.maximum(VALUES, 0)[:3], VALUES), "Bentuk")


FEATURE_MAP = np.array([[-2.0, 0.0, 3.0], [0.0, 0.0, -1.0], [5.0, -4.0, 0.0]])


def test_lesson04_exercise_2():
    accepted(lesson04.exercise_2(np.mean(np.maximum(FEATURE_MAP, 0) == 0), FEATURE_MAP))
    rejected(lesson04.exercise_2(np.mean(FEATURE_MAP < 0), FEATURE_MAP), "negatif")
    rejected(lesson04.exercise_2(700 / 9, FEATURE_MAP), "persen")
    rejected(lesson04.exercise_2(7, FEATURE_MAP), "banyaknya")
    rejected(lesson04.exercise_2(2 / 9, FEATURE_MAP), "tidak nol")
    rejected(lesson04.exercise_2("0.7", FEATURE_MAP), "satu angka")


def test_lesson04_exercise_3():
    def leaky_relu(x, alpha=0.1):
        return np.where(x > 0, x, alpha * x)
    accepted(lesson04.exercise_3(leaky_relu))

    def with_max(x, alpha=0.1):
        return np.maximum(alpha * x, x)
    accepted(lesson04.exercise_3(with_max))

    def plain(x, alpha=0.1):
        return np.maximum(x, 0)
    rejected(lesson04.exercise_3(plain), "ReLU biasa")

    def swapped(x, alpha=0.1):
        return np.where(x > 0, alpha * x, x)
    rejected(lesson04.exercise_3(swapped), "bagian yang salah")

    def fixed_alpha(x, alpha=0.1):
        return np.where(x > 0, x, 0.1 * x)
    rejected(lesson04.exercise_3(fixed_alpha), "`alpha` belum dipakai")

    def scalar_if(x, alpha=0.1):
        if x > 0:
            return x
        return alpha * x
    rejected(lesson04.exercise_3(scalar_if), "np.where")
    rejected(lesson04.exercise_3(None), "belum menjawab")


def test_lesson04_exercise_4():
    w1 = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]])   # 2 → 3
    w2 = np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.5]])     # 3 → 2
    accepted(lesson04.exercise_4(w2 @ w1, w1, w2))
    rejected(lesson04.exercise_4(w1 @ w2, w1, w2), "terbalik")
    rejected(lesson04.exercise_4(np.ones((2, 2)), w1, w2), "Belum tepat")
    a, b = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [1.0, 5.0]])
    rejected(lesson04.exercise_4(a @ b, a, b), "terbalik")
    rejected(lesson04.exercise_4(a * b, a, b), "elemen demi elemen")


# --- Pelajaran 05 ---------------------------------------------------------------------------

def test_lesson05_exercise_1():
    accepted(lesson05.exercise_1(((27 - 2) // 2 + 1, -(-27 // 2))))
    accepted(lesson05.exercise_1([13, 14]))
    rejected(lesson05.exercise_1((14, 13)), "tertukar")
    rejected(lesson05.exercise_1((13, 13)), "sama")
    rejected(lesson05.exercise_1((12, 14)), "'valid'")
    rejected(lesson05.exercise_1((13, 15)), "'same'")
    rejected(lesson05.exercise_1((12.5, 14)), "bilangan bulat")
    rejected(lesson05.exercise_1(13), "tuple")


X = np.array([[1, 3, 2, 0], [4, 6, 1, 1], [0, 2, 9, 5], [3, 1, 4, 8]])


def test_lesson05_exercise_2():
    accepted(lesson05.exercise_2(np.array([[6, 2], [3, 9]]), X))
    rejected(lesson05.exercise_2(ops.avg_pool2d(X, 2), X), "average pooling")
    rejected(lesson05.exercise_2(np.array([[1, 0], [0, 4]]), X), "terkecil")
    rejected(lesson05.exercise_2(np.array([[6, 3], [2, 9]]), X), "tertukar")
    rejected(lesson05.exercise_2(ops.max_pool2d(X, 2, 1), X), "1 langkah")
    rejected(lesson05.exercise_2([[6, 2], [3, 9]], X), "array NumPy")


def test_lesson05_exercise_3():
    def max_pool_naive(x, size, stride):
        out_h = (x.shape[0] - size) // stride + 1
        out_w = (x.shape[1] - size) // stride + 1
        out = np.zeros((out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = x[i * stride:i * stride + size, j * stride:j * stride + size].max()
        return out
    accepted(lesson05.exercise_3(max_pool_naive))

    def ceil_shape(x, size, stride):
        return ops.max_pool2d(x, size, stride, "same") if x.shape[0] % 2 else (
            ops.max_pool2d(x, size, stride))
    rejected(lesson05.exercise_3(ceil_shape), "bulatkan ke bawah")

    def average(x, size, stride):
        return ops.avg_pool2d(x, size, stride)
    rejected(lesson05.exercise_3(average), "rata-rata")

    def start_at_zero(x, size, stride):
        out = max_pool_naive(x, size, stride)
        return np.maximum(out, 0)
    rejected(lesson05.exercise_3(start_at_zero), "-np.inf")

    def stride_is_size(x, size, stride):
        return max_pool_naive(x, size, size)
    rejected(lesson05.exercise_3(stride_is_size), "bentuk keluaran")

    rejected(lesson05.exercise_3("fungsi"), "fungsi")


@pytest.mark.parametrize("module", [lesson03, lesson04, lesson05])
def test_every_exercise_has_an_indonesian_docstring(module):
    names = [n for n in dir(module) if n.startswith("exercise_")]
    assert len(names) >= 2
    for name in names:
        assert getattr(module, name).__doc__.startswith("Latihan ")
