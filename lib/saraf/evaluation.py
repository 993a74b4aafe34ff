"""Evaluasi model klasifikasi dengan NumPy saja (pelajaran 12–13).

* :func:`train_val_split` -- menyisihkan data validasi dari data latih, berstrata per kelas;
* :func:`confusion_matrix` -- matriks konfusi: label sebenarnya × prediksi;
* :func:`per_class_accuracy` -- akurasi setiap kelas dari matriks konfusi.

``saraf.cnn`` mengekspor ulang ketiganya (``cnn.confusion_matrix(...)``). Tidak memuat
TensorFlow.
"""

from __future__ import annotations

import numpy as np

from saraf.validation import as_int, as_labels, as_real, error

__all__ = ["train_val_split", "confusion_matrix", "per_class_accuracy"]


def train_val_split(x, y, val_fraction: float = 0.1, seed: int = 0):
    """Membagi data latih menjadi data latih dan data validasi, **berstrata** per kelas.

    Dari setiap kelas diambil ``val_fraction`` bagian (dibulatkan) secara acak untuk data
    validasi, sehingga perbandingan kelas di kedua bagian sama. Data uji tidak disentuh:
    data uji hanya dipakai sekali, di akhir.

    Mengembalikan ``(x_latih, y_latih), (x_validasi, y_validasi)``; urutan di setiap bagian
    diacak dengan ``seed``.
    """
    x = np.asarray(x)
    if x.ndim < 1 or len(x) < 2:
        raise error("x", "array berisi minimal dua contoh", x)
    y = as_labels("y", y, len(x))
    val_fraction = as_real("val_fraction", val_fraction, above=0, below=1,
                           expected="bilangan di antara 0 dan 1 (tanpa 0 dan 1), misalnya 0.1")
    rng = np.random.default_rng(as_int("seed", seed, 0))
    val_parts, train_parts = [], []
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        k = int(round(len(members) * val_fraction))
        val_parts.append(members[:k])
        train_parts.append(members[k:])
    val_index = rng.permutation(np.concatenate(val_parts))
    train_index = rng.permutation(np.concatenate(train_parts))
    if len(val_index) == 0:
        raise error("val_fraction", "cukup besar agar data validasi berisi minimal satu contoh",
                    val_fraction)
    return (x[train_index], y[train_index]), (x[val_index], y[val_index])


def confusion_matrix(y_true, y_pred, num_classes: int | None = None) -> np.ndarray:
    """Matriks konfusi (*confusion matrix*) ``(K, K)``: baris = label sebenarnya, kolom = prediksi.

    ``cm[i, j]`` = banyak gambar berlabel ``i`` yang diprediksi ``j``. Diagonalnya berisi
    prediksi yang benar; angka di luar diagonal adalah salah klasifikasi.
    ``num_classes`` bawaannya ``max(label) + 1``.
    """
    y_true = as_labels("y_true", y_true)
    y_pred = as_labels("y_pred", y_pred, len(y_true))
    if len(y_true) == 0:
        raise error("y_true", "berisi minimal satu label", y_true)
    largest = int(max(y_true.max(), y_pred.max()))
    num_classes = as_int("num_classes", largest + 1 if num_classes is None else num_classes, 1)
    if largest >= num_classes:
        raise error("num_classes", f"lebih besar daripada label terbesar ({largest})", num_classes)
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)  # satu tambahan untuk setiap pasangan (benar, tebakan)
    return cm


def per_class_accuracy(cm) -> np.ndarray:
    """Akurasi setiap kelas dari matriks konfusi: diagonal dibagi jumlah setiap baris.

    Kelas tanpa contoh sama sekali menghasilkan ``nan``.
    """
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1] or cm.dtype.kind not in "iuf" or cm.size == 0:
        raise error("cm", "matriks konfusi persegi (K, K) berisi angka", cm)
    totals = cm.sum(axis=1).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(cm) / np.where(totals > 0, totals, 1), np.nan)
