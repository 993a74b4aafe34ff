"""Fungsi aktivasi (ReLU, sigmoid, softmax) dan fungsi kerugian cross-entropy.

:func:`sigmoid` di sini adalah satu-satunya sigmoid `saraf`: ``saraf.mlp`` dan pemeriksa
latihan memakainya juga.
"""

from __future__ import annotations

import numpy as np

from saraf.ops.sizes import float_dtype
from saraf.validation import as_array, as_int, as_real, error

__all__ = ["relu", "sigmoid", "softmax", "cross_entropy", "relu_backward",
           "softmax_cross_entropy_backward"]


def relu(x):
    """ReLU: max(0, x) per elemen. dtype masukan dipertahankan."""
    x = as_array("x", x, finite=False)
    return np.maximum(x, 0).astype(x.dtype, copy=False)


def sigmoid(x):
    """Sigmoid σ(x) = 1 / (1 + e^(−x)), untuk setiap elemen.

    Untuk x yang sangat negatif (x < −709 pada float64), e^(−x) terlalu besar dan meluap
    (*overflow*) menjadi ``inf``. Itu tidak apa-apa: 1 / (1 + inf) = 0, dan memang
    σ(x) → 0 untuk x → −∞. Peringatan luapan NumPy itu kita matikan dengan
    ``np.errstate``, jadi hasilnya selalu di antara 0 dan 1 tanpa NaN.
    """
    x = as_array("x", x, finite=False)
    if x.dtype not in (np.float32, np.float64):  # bilangan bulat, float16: lihat float_dtype
        x = x.astype(float_dtype(x))
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


def softmax(z, axis=-1, temperature=1.0):
    """Softmax: ubah logit menjadi probabilitas yang jumlahnya 1.

    ``softmax(z)_i = e^(z_i / T) / Σ_j e^(z_j / T)`` dengan T = ``temperature``.

    Agar tidak meluap, nilai maksimum dikurangkan lebih dulu; hasilnya sama secara
    matematis, tetapi e^(…) paling besar bernilai 1. Temperatur > 1 membuat distribusi
    lebih rata; temperatur < 1 membuatnya lebih tajam.
    """
    z = as_array("z", z)
    if z.ndim == 0 or z.size == 0:
        raise error("z", "array logit dengan minimal satu elemen per sumbu", z)
    axis = _as_axis(axis, z.ndim)
    temperature = as_real("temperature", temperature, above=0,
                          expected="bilangan real berhingga > 0")
    z = z.astype(float_dtype(z), copy=False)
    with np.errstate(over="ignore"):
        scaled = z / z.dtype.type(temperature)
    if not np.all(np.isfinite(scaled)):
        raise error("temperature", "tidak terlalu kecil (logit/temperatur meluap menjadi inf)",
                    temperature)
    shifted = scaled - scaled.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(probs, labels, axis=-1, eps=1e-12):
    """Cross-entropy rata-rata untuk klasifikasi: −log(probabilitas kelas yang benar).

    Parameter
    ---------
    probs : array probabilitas (hasil softmax), misalnya bentuk (N, K)
        Nilai di antara 0 dan 1, dan jumlahnya 1 di sepanjang ``axis``. Jika Anda punya
        logit, panggil :func:`softmax` dulu.
    labels : array bilangan bulat berbentuk (N,) berisi indeks kelas 0…K−1 (seperti
        ``SparseCategoricalCrossentropy`` di Keras), ATAU array one-hot dengan bentuk sama
        seperti ``probs``.
    axis : int -- sumbu kelas.
    eps : float kecil > 0 -- probabilitas dipotong ke [eps, 1] agar log(0) tidak terjadi.

    Mengembalikan rata-rata kerugian semua sampel (float).
    """
    probs = as_array("probs", probs)
    labels = as_array("labels", labels)
    if probs.ndim == 0:
        raise error("probs", "array minimal 1-D", probs)
    axis = _as_axis(axis, probs.ndim)
    eps = as_real("eps", eps, above=0, below=1, expected="bilangan real di antara 0 dan 1")
    probs = probs.astype(np.float64)
    if probs.size == 0:
        raise error("probs", "array yang tidak kosong", probs)
    sums = probs.sum(axis=axis)
    if probs.min() < 0 or probs.max() > 1 or not np.allclose(sums, 1, atol=1e-3):
        raise error("probs", "berisi probabilitas (0 sampai 1, jumlahnya 1 per sampel)", probs,
                    "Apakah Anda memberikan logit? Panggil softmax(...) lebih dulu.")
    log_p = np.log(np.clip(probs, eps, 1.0))

    if labels.shape == probs.shape:  # label one-hot (atau label "lunak")
        if labels.min() < 0 or not np.allclose(labels.sum(axis=axis), 1, atol=1e-3):
            raise error("labels", "one-hot: nilai ≥ 0 yang jumlahnya 1 per sampel", labels)
        return float(np.mean(-(labels * log_p).sum(axis=axis)))
    index = _class_index(labels, probs.shape, axis)
    return float(np.mean(-np.take_along_axis(log_p, index, axis=axis).squeeze(axis)))


def relu_backward(x, grad_output):
    """Propagasi balik ReLU: ∂L/∂x = ∂L/∂y · [x > 0].

    ``x`` adalah masukan ReLU pada propagasi maju dan ``grad_output`` = ∂L/∂y berbentuk sama.
    Turunan max(0, x) adalah 1 untuk x > 0 dan 0 untuk x < 0; di x = 0 kita pakai 0, seperti
    TensorFlow. Jadi gradien hanya lewat di tempat neuron "menyala".
    """
    x = as_array("x", x)
    g = as_array("grad_output", grad_output)
    if g.shape != x.shape:
        raise error("grad_output", f"berbentuk {x.shape} (sama dengan `x`)", g)
    g = g.astype(float_dtype(x, g), copy=False)
    return np.where(x > 0, g, g.dtype.type(0))


def softmax_cross_entropy_backward(logits, labels):
    """Gradien cross-entropy rata-rata terhadap logit: (softmax(logits) − y) / N.

    ``logits``: skor mentah ``(N, K)`` (sebelum softmax); ``labels``: indeks kelas ``(N,)``
    (seperti ``SparseCategoricalCrossentropy``) atau one-hot ``(N, K)``. Kerugiannya
    L = (1/N)·Σ −ln p_(n, y_n) dengan p = softmax(logits). Turunan softmax dan turunan −ln
    bertemu dan hampir semuanya saling menghapus, sehingga untuk satu contoh δ = p − y
    (y: one-hot); faktor 1/N datang dari rata-rata atas batch.
    """
    z = as_array("logits", logits)
    if z.ndim != 2 or 0 in z.shape:
        raise error("logits", "array 2-D (N, K): satu baris logit per contoh", z)
    labels = as_array("labels", labels)
    grad = softmax(z, axis=-1)                                   # p
    if labels.shape == z.shape:                                  # one-hot
        if labels.min() < 0 or not np.allclose(labels.sum(axis=-1), 1, atol=1e-3):
            raise error("labels", "one-hot: nilai ≥ 0 yang jumlahnya 1 per contoh", labels)
        grad = grad - labels
    else:                                                        # indeks kelas
        index = _class_index(labels, z.shape, 1)
        np.put_along_axis(grad, index, np.take_along_axis(grad, index, axis=-1) - 1, axis=-1)
    return grad / len(z)                                         # (p − y) / N


def _class_index(labels, shape, axis):
    """Label indeks kelas yang sudah diperiksa, dengan sumbu kelas (panjang 1) di ``axis``."""
    num_classes = shape[axis]
    sample_shape = shape[:axis] + shape[axis + 1:]
    if labels.shape != sample_shape:
        raise error("labels", f"indeks kelas berbentuk {sample_shape} atau one-hot berbentuk "
                    f"{shape}", labels)
    if labels.size and not np.all(labels == np.round(labels)):
        raise error("labels", "berisi bilangan bulat (indeks kelas)", labels)
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise error("labels", f"indeks kelas di antara 0 dan {num_classes - 1}", labels,
                    f"Nilai terkecil {labels.min()}, terbesar {labels.max()}.")
    return np.expand_dims(labels.astype(np.intp), axis)


def _as_axis(axis, ndim):
    """``axis`` sebagai sumbu yang ada (0 … ndim − 1) untuk array berdimensi ``ndim``."""
    return as_int("axis", axis, -ndim, ndim - 1) % ndim
