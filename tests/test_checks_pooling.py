"""Tes `saraf.checks.pooling`: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np

from saraf import ops
from saraf.checks import pooling as checks


def test_exercise_1(accepted, rejected):
    accepted(checks.exercise_1(((27 - 2) // 2 + 1, -(-27 // 2))))
    accepted(checks.exercise_1([13, 14]))
    rejected(checks.exercise_1((14, 13)), "tertukar")
    rejected(checks.exercise_1((13, 13)), "sama")
    rejected(checks.exercise_1((12, 14)), "'valid'")
    rejected(checks.exercise_1((13, 15)), "'same'")
    rejected(checks.exercise_1((12.5, 14)), "bilangan bulat")
    rejected(checks.exercise_1(13), "tuple")


X = np.array([[1, 3, 2, 0], [4, 6, 1, 1], [0, 2, 9, 5], [3, 1, 4, 8]])


def test_exercise_2(accepted, rejected):
    accepted(checks.exercise_2(np.array([[6, 2], [3, 9]]), X))
    rejected(checks.exercise_2(ops.avg_pool2d(X, 2), X), "average pooling")
    rejected(checks.exercise_2(np.array([[1, 0], [0, 4]]), X), "terkecil")
    rejected(checks.exercise_2(np.array([[6, 3], [2, 9]]), X), "tertukar")
    rejected(checks.exercise_2(ops.max_pool2d(X, 2, 1), X), "1 langkah")
    rejected(checks.exercise_2([[6, 2], [3, 9]], X), "array NumPy")


def test_exercise_3(accepted, rejected):
    def max_pool_naive(x, size, stride):
        out_h = (x.shape[0] - size) // stride + 1
        out_w = (x.shape[1] - size) // stride + 1
        out = np.zeros((out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = x[i * stride:i * stride + size, j * stride:j * stride + size].max()
        return out
    accepted(checks.exercise_3(max_pool_naive))

    def ceil_shape(x, size, stride):
        return ops.max_pool2d(x, size, stride, "same") if x.shape[0] % 2 else (
            ops.max_pool2d(x, size, stride))
    rejected(checks.exercise_3(ceil_shape), "bulatkan ke bawah")

    def average(x, size, stride):
        return ops.avg_pool2d(x, size, stride)
    rejected(checks.exercise_3(average), "rata-rata")

    def start_at_zero(x, size, stride):
        out = max_pool_naive(x, size, stride)
        return np.maximum(out, 0)
    rejected(checks.exercise_3(start_at_zero), "-np.inf")

    def stride_is_size(x, size, stride):
        return max_pool_naive(x, size, size)
    rejected(checks.exercise_3(stride_is_size), "bentuk keluaran")

    rejected(checks.exercise_3("fungsi"), "fungsi")
