"""Ukuran peta fitur dan padding: rumus yang dipakai konvolusi dan pooling.

* :func:`output_size` -- ukuran keluaran pada satu sumbu;
* :func:`same_padding` -- padding mode "same" persis seperti TensorFlow;
* :func:`pad2d` -- menambahkan padding di sekeliling gambar.

Fungsi tanpa garis bawah yang tidak tercantum di ``__all__`` (``output_length``,
``resolve_padding``, ``to_batch``, ``float_dtype``) adalah pembantu bersama untuk
:mod:`saraf.ops.conv` dan :mod:`saraf.ops.pool`.
"""

from __future__ import annotations

import functools

import numpy as np

from saraf.validation import as_array, as_int, error, is_real

__all__ = ["output_size", "same_padding", "pad2d"]

_EXPLICIT = ("bilangan bulat ≥ 0, pasangan (ph, pw), 4-tuple (atas, bawah, kiri, kanan), "
             "atau ((atas, bawah), (kiri, kanan))")


def output_size(n, kernel, stride=1, padding=0, dilation=1):
    """Ukuran keluaran konvolusi/pooling pada satu sumbu.

    Rumusnya::

        keluaran = floor((n + 2·padding − dilasi·(kernel − 1) − 1) / stride) + 1

    Contoh: gambar 28 piksel, kernel 3, stride 2, padding 1 → 14.

    Parameter
    ---------
    n : int -- ukuran masukan (tinggi atau lebar), ≥ 1.
    kernel : int -- ukuran kernel, ≥ 1.
    stride : int -- besar langkah kernel, ≥ 1.
    padding : int -- banyak piksel yang ditambahkan di *setiap* sisi, ≥ 0.
    dilation : int -- dilasi: jarak antarelemen kernel, ≥ 1 (1 berarti kernel biasa).

    ``ValueError`` bila kernel (setelah dilasi) lebih besar daripada masukan yang sudah
    di-padding, sehingga tidak ada satu pun posisi keluaran.
    """
    n = as_int("n", n, 1)
    kernel = as_int("kernel", kernel, 1)
    stride = as_int("stride", stride, 1)
    padding = as_int("padding", padding, 0)
    dilation = as_int("dilation", dilation, 1)
    return output_length(n, kernel, stride, 2 * padding, dilation)


def same_padding(n, kernel, stride=1, dilation=1):
    """Padding (sebelum, sesudah) untuk mode "same" persis seperti TensorFlow.

    Dengan "same", ukuran keluaran = ceil(n / stride). Padding total yang diperlukan
    dibagi dua; jika ganjil, kelebihan satu piksel diletakkan di bawah/kanan. Karena itu,
    dengan stride 2 padding bisa tidak simetris: ``same_padding(28, 3, stride=2) == (0, 1)``.
    """
    n = as_int("n", n, 1)
    kernel = as_int("kernel", kernel, 1)
    stride = as_int("stride", stride, 1)
    dilation = as_int("dilation", dilation, 1)
    out = -(-n // stride)  # ceil(n / stride) tanpa float
    effective = dilation * (kernel - 1) + 1
    total = max((out - 1) * stride + effective - n, 0)
    return total // 2, total - total // 2


def pad2d(x, padding, value=0):
    """Menambahkan padding di sekeliling gambar (hanya sumbu tinggi dan lebar).

    Parameter
    ---------
    x : array 2-D (H, W) atau 4-D (N, H, W, C)
    padding : int, (ph, pw), (atas, bawah, kiri, kanan), atau ((atas, bawah), (kiri, kanan))
    value : bilangan -- nilai pengisi (0 untuk konvolusi, −inf untuk max pooling).

    Jika ``value`` tidak muat di dtype bilangan bulat ``x`` (misalnya −inf atau 0,5 untuk
    gambar uint8), hasilnya otomatis menjadi float64.
    """
    x = as_array("x", x, finite=False)
    if x.ndim not in (2, 4):
        raise error("x", "array 2-D (H, W) atau 4-D (N, H, W, C)", x)
    if not is_real(value):
        raise error("value", "sebuah bilangan real", value, kind=TypeError)
    pad_h, pad_w = explicit_padding(padding)
    if x.dtype.kind == "b":
        x = x.astype(np.uint8)
    if x.dtype.kind in "iu":
        info = np.iinfo(x.dtype)
        if not (float(value).is_integer() and info.min <= value <= info.max):
            x = x.astype(np.float64)
    widths = [pad_h, pad_w] if x.ndim == 2 else [(0, 0), pad_h, pad_w, (0, 0)]
    return np.pad(x, widths, mode="constant", constant_values=value)


# ---------------------------------------------------------------------------
# Pembantu bersama konvolusi dan pooling
# ---------------------------------------------------------------------------


def output_length(n, k, s, pad_total, d, name="kernel"):
    """Panjang keluaran pada satu sumbu: floor((n + pad_total − d(k−1) − 1) / s) + 1."""
    effective = d * (k - 1) + 1
    padded = n + pad_total
    if padded < effective:
        raise ValueError(
            f"`{name}` terlalu besar: ukuran efektifnya {effective} "
            f"(= dilasi·(ukuran−1)+1 = {d}·({k}−1)+1) harus ≤ ukuran masukan yang "
            f"sudah di-padding, tetapi yang diberikan: masukan {n} + padding "
            f"{pad_total} = {padded}. Perkecil kernel atau tambah padding.")
    return (padded - effective) // s + 1


def explicit_padding(padding):
    """Padding eksplisit sebagai ((atas, bawah), (kiri, kanan)); semua bilangan bulat ≥ 0."""
    if isinstance(padding, str):
        raise error("padding", _EXPLICIT, padding,
                    "Teks 'valid'/'same' hanya diterima oleh conv2d dan fungsi pooling.")
    if not isinstance(padding, (tuple, list)):
        p = as_int("padding", padding, 0)
        return (p, p), (p, p)
    if len(padding) == 4:
        top, bottom, left, right = (as_int("padding", p, 0) for p in padding)
        return (top, bottom), (left, right)
    if len(padding) == 2:
        nested = [isinstance(p, (tuple, list)) for p in padding]
        if nested == [True, True] and all(len(p) == 2 for p in padding):
            return tuple(tuple(as_int("padding", p, 0) for p in side) for side in padding)
        if nested == [False, False]:
            ph, pw = (as_int("padding", p, 0) for p in padding)
            return (ph, ph), (pw, pw)
    raise error("padding", _EXPLICIT, padding)


def resolve_padding(padding, in_hw, k_hw, stride, dilation):
    """Padding apa pun ('valid', 'same', atau eksplisit) sebagai ((t, b), (l, r))."""
    if not isinstance(padding, str):
        return explicit_padding(padding)
    mode = padding.lower()
    if mode == "valid":
        return (0, 0), (0, 0)
    if mode == "same":
        return tuple(same_padding(n, k, s, d)
                     for n, k, s, d in zip(in_hw, k_hw, stride, dilation))
    raise error("padding", "'valid', 'same', atau bilangan bulat ≥ 0", padding)


def to_batch(name, x):
    """(H, W) menjadi (1, H, W, 1); NHWC dibiarkan. Mengembalikan juga penanda 2-D."""
    if x.ndim == 2:
        return x[np.newaxis, :, :, np.newaxis], True
    if x.ndim == 4:
        return x, False
    raise error(name, "array 2-D (H, W) atau 4-D (N, H, W, C)", x,
                "Untuk satu gambar berwarna (H, W, C), tambahkan dimensi batch: x[np.newaxis].")


def float_dtype(*arrays):
    """dtype perhitungan: float32 tetap float32; bilangan bulat dihitung sebagai float.

    uint8/int8/int16 dan float16 menjadi float32; int32/int64 menjadi float64. Dengan
    begitu piksel uint8 tidak pernah meluap (*overflow*).
    """
    return functools.reduce(np.promote_types, (a.dtype for a in arrays), np.dtype(np.float32))
