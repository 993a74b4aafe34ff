"""Pooling: max pooling dan average pooling, setara dengan ``tf.nn.max_pool2d``/``avg_pool2d``.

Setiap kanal diproses sendiri-sendiri, jadi jumlah kanal tidak berubah.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from saraf.ops.sizes import float_dtype, output_length, same_padding, to_batch
from saraf.validation import as_array, as_choice, as_pair

__all__ = ["max_pool2d", "avg_pool2d"]


def max_pool2d(x, size=2, stride=None, padding="valid"):
    """Max pooling: ambil nilai terbesar di setiap jendela.

    Parameter
    ---------
    x : array 2-D (H, W) atau 4-D (N, H, W, C)
    size : int atau (tinggi, lebar) -- ukuran jendela
    stride : int, (sh, sw), atau None (sama dengan ``size``)
    padding : "valid" atau "same" (semantik TensorFlow; padding diisi −inf, jadi tidak
        pernah terpilih sebagai maksimum)
    """
    return _pool(x, size, stride, padding, "max")


def avg_pool2d(x, size=2, stride=None, padding="valid"):
    """Average pooling: ambil rata-rata setiap jendela.

    Parameternya sama dengan :func:`max_pool2d`. Dengan "same", rata-rata dihitung hanya
    dari elemen asli di dalam jendela (padding tidak ikut dihitung), sama seperti
    ``tf.nn.avg_pool2d``.
    """
    return _pool(x, size, stride, padding, "avg")


def _pool(x, size, stride, padding, kind):
    """Kerangka bersama max pooling dan average pooling."""
    batch, was_2d = to_batch("x", as_array("x", x))
    size = as_pair("size", size, 1)
    stride = size if stride is None else as_pair("stride", stride, 1)
    mode = padding.lower() if isinstance(padding, str) else padding
    as_choice("padding", mode, ("valid", "same"))  # seperti tf.nn.max_pool2d
    _, h, w, _ = batch.shape
    if mode == "same":
        pad_h, pad_w = (same_padding(n, k, s) for n, k, s in zip((h, w), size, stride))
    else:
        pad_h, pad_w = (0, 0), (0, 0)
    # Pastikan jendela muat di dalam masukan (jika tidak: ValueError yang jelas).
    output_length(h, size[0], stride[0], sum(pad_h), 1, name="size")
    output_length(w, size[1], stride[1], sum(pad_w), 1, name="size")

    def windows(a, fill):
        """Jendela (N, H_out, W_out, C, kh, kw) dari array NHWC yang di-padding."""
        padded = np.pad(a, [(0, 0), pad_h, pad_w, (0, 0)], constant_values=fill)
        return sliding_window_view(padded, size, axis=(1, 2))[:, ::stride[0], ::stride[1]]

    batch = batch.astype(float_dtype(batch), copy=False)
    if kind == "max":
        out = windows(batch, -np.inf).max(axis=(-2, -1))
    else:
        # Bagi dengan banyaknya elemen ASLI (bukan padding), seperti tf.nn.avg_pool2d.
        total = windows(batch, 0).sum(axis=(-2, -1))
        count = windows(np.ones((1, h, w, 1), batch.dtype), 0).sum(axis=(-2, -1))
        out = total / count
    return out[0, :, :, 0] if was_2d else out
