"""Pembantu bersama tes propagasi balik (``test_ops_backward_*.py``); bukan berkas tes sendiri."""

import numpy as np


def numerical_grad(loss, a, eps=1e-6):
    """Gradien numerik ∂loss/∂a dengan selisih pusat (*central difference*), elemen demi elemen.

    ``loss(a)`` mengembalikan satu bilangan; ``a`` harus float64 agar galat pembulatannya kecil.
    Galat selisih pusat sebanding dengan eps², jadi hasilnya cocok sampai ≈ 1e-8.
    """
    a = np.array(a, dtype=np.float64)
    grad = np.zeros_like(a)
    for index in np.ndindex(a.shape):
        original = a[index]
        a[index] = original + eps
        plus = loss(a)
        a[index] = original - eps
        minus = loss(a)
        a[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad
