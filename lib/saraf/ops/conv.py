"""Konvolusi 2-D: versi dua perulangan yang mudah dibaca dan versi cepat (im2col).

Seperti lapisan ``Conv2D`` di Keras, kernel (*filter*) **tidak dibalik**: secara
matematis ini korelasi silang (*cross-correlation*).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from saraf.ops.sizes import float_dtype, output_length, output_size, pad2d, resolve_padding
from saraf.validation import as_array, as_int, as_pair, error

__all__ = ["conv2d_naive", "conv2d"]


def conv2d_naive(image, kernel, stride=1, padding=0):
    """Konvolusi 2-D dengan dua perulangan -- versi paling mudah dibaca.

    Untuk setiap posisi keluaran (i, j), ambil potongan gambar seukuran kernel lalu
    hitung perkalian titik (*dot product*) antara potongan itu dan kernel. Kernel
    **tidak dibalik**: ini korelasi silang, persis seperti lapisan Conv2D di Keras dan
    ``tf.nn.conv2d``.

    Parameter
    ---------
    image : array 2-D (H, W)
    kernel : array 2-D (kh, kw)
    stride : int ≥ 1
    padding : int ≥ 0 (padding nol yang sama di setiap sisi)

    Fungsi ini lambat; gunakan :func:`conv2d` untuk data sungguhan.
    """
    image = as_array("image", image)
    kernel = as_array("kernel", kernel)
    if image.ndim != 2:
        raise error("image", "array 2-D (H, W)", image)
    if kernel.ndim != 2:
        raise error("kernel", "array 2-D (kh, kw)", kernel)
    if 0 in image.shape or 0 in kernel.shape:
        raise error("image/kernel", "tidak kosong", (image.shape, kernel.shape))
    stride = as_int("stride", stride, 1)
    padding = as_int("padding", padding, 0)

    dtype = float_dtype(image, kernel)
    x = pad2d(image.astype(dtype), padding)
    k = kernel.astype(dtype)
    kh, kw = k.shape
    out_h = output_size(image.shape[0], kh, stride, padding)
    out_w = output_size(image.shape[1], kw, stride, padding)

    out = np.zeros((out_h, out_w), dtype=dtype)
    for i in range(out_h):
        for j in range(out_w):
            top, left = i * stride, j * stride
            patch = x[top:top + kh, left:left + kw]  # potongan seukuran kernel
            out[i, j] = np.sum(patch * k)            # perkalian titik
    return out


def conv2d(x, kernel, stride=1, padding=0, dilation=1):
    """Konvolusi 2-D cepat (tervektorisasi), setara dengan ``tf.nn.conv2d``.

    Dua cara pakai:

    * gambar 2-D ``(H, W)`` dengan kernel 2-D ``(kh, kw)`` → hasil 2-D;
    * batch NHWC ``(N, H, W, C_in)`` dengan kernel HWIO ``(kh, kw, C_in, C_out)`` → hasil
      NHWC ``(N, H_out, W_out, C_out)``.

    Parameter
    ---------
    stride : int atau (sh, sw)
    padding : int, tuple (lihat :func:`~saraf.ops.pad2d`), "valid", atau "same"
        "same" mengikuti TensorFlow persis (lihat :func:`~saraf.ops.same_padding`).
    dilation : int atau (dh, dw) -- dilasi: jarak antar-elemen kernel.

    Cara kerjanya (im2col): setiap potongan masukan seukuran kernel diratakan menjadi satu
    baris matriks, sehingga seluruh konvolusi menjadi *satu* perkalian matriks
    ``(N·H_out·W_out, kh·kw·C_in) @ (kh·kw·C_in, C_out)``. Masukan float32 menghasilkan
    float32; masukan bilangan bulat (mis. uint8) dihitung sebagai float sehingga tidak meluap.
    """
    x = as_array("x", x)
    kernel = as_array("kernel", kernel)
    if x.ndim == 2 and kernel.ndim == 2:
        out = conv2d(x[np.newaxis, :, :, np.newaxis], kernel[:, :, np.newaxis, np.newaxis],
                     stride, padding, dilation)
        return out[0, :, :, 0]
    if x.ndim != 4:
        raise error("x", "array 2-D (H, W) dengan kernel 2-D, atau 4-D (N, H, W, C_in) "
                    "dengan kernel 4-D", x)
    if kernel.ndim != 4:
        raise error("kernel", "array 4-D (kh, kw, C_in, C_out) untuk masukan 4-D", kernel)
    if 0 in kernel.shape:
        raise error("kernel", "berukuran ≥ 1 di setiap sumbu", kernel)
    n, h, w, c_in = x.shape
    kh, kw, k_in, c_out = kernel.shape
    if k_in != c_in:
        raise error("kernel", f"memiliki C_in = {c_in} (sama dengan jumlah kanal `x`)", kernel,
                    f"Jumlah kanal masukan `x` adalah {c_in}, kernel mengharapkan {k_in}.")
    stride = as_pair("stride", stride, 1)
    dilation = as_pair("dilation", dilation, 1)
    pad_h, pad_w = resolve_padding(padding, (h, w), (kh, kw), stride, dilation)
    out_h = output_length(h, kh, stride[0], sum(pad_h), dilation[0])
    out_w = output_length(w, kw, stride[1], sum(pad_w), dilation[1])

    dtype = float_dtype(x, kernel)
    xp = np.pad(x.astype(dtype, copy=False), [(0, 0), pad_h, pad_w, (0, 0)])
    # Jendela geser berbentuk (N, H_out, W_out, C_in, kh, kw): tanpa menyalin data.
    (sh, sw), (dh, dw) = stride, dilation
    windows = sliding_window_view(xp, ((kh - 1) * dh + 1, (kw - 1) * dw + 1), axis=(1, 2))
    windows = windows[:, ::sh, ::sw, :, ::dh, ::dw]
    # im2col: matriks `patches` berbentuk (N·H_out·W_out, kh·kw·C_in); urutan kolomnya
    # (kh, kw, C_in) sama dengan urutan kernel HWIO. Kedua cabang menghasilkan matriks
    # yang SAMA; bedanya hanya urutan penyalinan di memori (soal kecepatan saja):
    # dengan sedikit kanal, menyalin satu baris panjang per elemen kernel lebih cepat.
    n_patches, k_size = n * out_h * out_w, kh * kw * c_in
    if c_in >= 4:
        patches = windows.transpose(0, 1, 2, 4, 5, 3).reshape(n_patches, k_size)
    else:
        patches = windows.transpose(4, 5, 3, 0, 1, 2).reshape(k_size, n_patches).T
    out = patches @ kernel.astype(dtype, copy=False).reshape(k_size, c_out)
    return out.reshape(n, out_h, out_w, c_out)
