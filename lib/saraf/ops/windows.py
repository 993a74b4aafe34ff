"""Jendela geser: mengambil semua jendela sebuah gambar, dan kebalikannya untuk gradien.

Konvolusi dan pooling sama-sama bekerja pada **jendela** (potongan seukuran kernel) yang
digeser di atas gambar. Modul ini berisi dua fungsi yang saling berpasangan:

* :func:`windows` -- semua jendela sebuah batch NHWC yang sudah di-padding, sebagai array
  ``(N, H_out, W_out, C, kh, kw)``. Tidak ada data yang disalin: NumPy hanya membuat
  *tampilan* (*view*) baru atas memori yang sama.
* :func:`add_windows` -- arah sebaliknya, untuk propagasi balik. Setiap piksel masukan
  bisa muncul di beberapa jendela (bila jendela bertumpuk), jadi gradiennya adalah
  **jumlah** gradien dari semua jendela yang memuatnya. Fungsi ini menaruh setiap gradien
  jendela kembali ke tempatnya dan menjumlahkannya.

Perulangannya hanya atas posisi di dalam kernel (kh·kw kali, misalnya 9 untuk 3 × 3), bukan
atas piksel: setiap putaran menambahkan satu irisan besar sekaligus.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = ["windows", "add_windows"]


def windows(padded, size, stride=(1, 1), dilation=(1, 1)):
    """Semua jendela ``(N, H_out, W_out, C, kh, kw)`` dari batch NHWC ``padded``.

    ``size`` = (kh, kw), ``stride`` = (sh, sw), ``dilation`` = (dh, dw). Jendela ke-(i, j)
    mulai di baris ``i·sh`` dan kolom ``j·sw``; elemen kernel ke-(a, b) membaca piksel
    ``(i·sh + a·dh, j·sw + b·dw)``.
    """
    (kh, kw), (sh, sw), (dh, dw) = size, stride, dilation
    span = ((kh - 1) * dh + 1, (kw - 1) * dw + 1)  # ukuran efektif kernel setelah dilasi
    view = sliding_window_view(padded, span, axis=(1, 2))
    return view[:, ::sh, ::sw, :, ::dh, ::dw]


def add_windows(grad_windows, padded_shape, stride=(1, 1), dilation=(1, 1)):
    """Kebalikan :func:`windows` untuk gradien: jumlahkan setiap jendela ke tempat asalnya.

    ``grad_windows``: gradien setiap elemen setiap jendela, ``(N, H_out, W_out, C, kh, kw)``.
    Mengembalikan gradien batch yang di-padding, berbentuk ``padded_shape`` (N, H_p, W_p, C).
    """
    n, out_h, out_w, c, kh, kw = grad_windows.shape
    (sh, sw), (dh, dw) = stride, dilation
    grad = np.zeros(padded_shape, dtype=grad_windows.dtype)
    for a in range(kh):          # baris di dalam kernel
        for b in range(kw):      # kolom di dalam kernel
            top, left = a * dh, b * dw
            # Elemen kernel (a, b) dari jendela (i, j) jatuh di piksel (top + i·sh, left + j·sw).
            grad[:, top:top + (out_h - 1) * sh + 1:sh,
                 left:left + (out_w - 1) * sw + 1:sw, :] += grad_windows[..., a, b]
    return grad
