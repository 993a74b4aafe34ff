"""Konvolusi 2-D: versi dua perulangan yang mudah dibaca, versi cepat (im2col), dan gradiennya.

Seperti lapisan ``Conv2D`` di Keras, kernel (*filter*) **tidak dibalik**: secara
matematis ini korelasi silang (*cross-correlation*).
"""

from __future__ import annotations

import numpy as np
from saraf.ops.sizes import float_dtype, output_length, output_size, pad2d, resolve_padding
from saraf.ops.windows import add_windows, windows
from saraf.validation import as_array, as_int, as_pair, error

__all__ = ["conv2d_naive", "conv2d", "conv2d_backward"]


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
    dilation : int atau (dh, dw) -- dilasi: jarak antarelemen kernel.

    Cara kerjanya (im2col): setiap potongan masukan seukuran kernel diratakan menjadi satu
    baris matriks, sehingga seluruh konvolusi menjadi *satu* perkalian matriks
    ``(N·H_out·W_out, kh·kw·C_in) @ (kh·kw·C_in, C_out)``. Masukan float32 menghasilkan
    float32; masukan bilangan bulat (mis. uint8) dihitung sebagai float sehingga tidak meluap.
    """
    c = _Conv(x, kernel, stride, padding, dilation)
    out = c.patches() @ c.kernel_matrix()
    return c.unbatch(out.reshape(c.out_shape))


def conv2d_backward(x, kernel, grad_output, stride=1, padding=0, dilation=1):
    """Propagasi balik :func:`conv2d`: ``(grad_x, grad_kernel)``.

    ``grad_output`` adalah ∂L/∂(keluaran conv2d), berbentuk sama dengan keluaran
    ``conv2d(x, kernel, stride, padding, dilation)``; parameter lainnya sama persis dengan
    :func:`conv2d`. Hasilnya ∂L/∂x (bentuk ``x``) dan ∂L/∂kernel (bentuk ``kernel``).

    Dengan im2col, maju adalah ``out = P @ K`` (P: matriks potongan, K: kernel yang
    diratakan), jadi aturan rantai untuk perkalian matriks memberi:

    * ``∂L/∂K = Pᵀ @ G`` -- setiap bobot kernel: jumlah (piksel di bawahnya × gradien
      keluaran) atas semua posisi jendela;
    * ``∂L/∂P = G @ Kᵀ`` -- gradien setiap elemen setiap jendela; karena jendela-jendela
      bertumpuk, gradien piksel masukan adalah jumlahnya (:func:`~saraf.ops.windows.add_windows`).

    Untuk stride 1 tanpa dilasi, ∂L/∂x sama dengan konvolusi "penuh" (*full*) ``G`` dengan
    kernel yang dibalik -- pelajaran 11 menunjukkannya.
    """
    c = _Conv(x, kernel, stride, padding, dilation)
    g = as_array("grad_output", grad_output)
    expected = c.out_shape[1:3] if c.was_2d else c.out_shape
    if g.shape != tuple(expected):
        raise error("grad_output", f"berbentuk {tuple(expected)} (sama dengan keluaran "
                    "conv2d dengan x, kernel, stride, padding, dan dilasi yang sama)", g)
    g = g.astype(np.promote_types(c.dtype, float_dtype(g)), copy=False)
    g = g.reshape(-1, c.out_shape[-1])                    # G: (N·H_out·W_out, C_out)
    grad_kernel = c.patches().T @ g                       # ∂L/∂K = Pᵀ @ G
    grad_patches = g @ c.kernel_matrix().T                # ∂L/∂P = G @ Kᵀ
    n, out_h, out_w, _ = c.out_shape
    kh, kw, c_in, _ = c.kernel.shape
    grad_windows = grad_patches.reshape(n, out_h, out_w, kh, kw, c_in).transpose(0, 1, 2, 5, 3, 4)
    grad_padded = add_windows(grad_windows, c.padded.shape, c.stride, c.dilation)
    (top, _), (left, _) = c.pads
    h, w = c.x.shape[1:3]
    grad_x = grad_padded[:, top:top + h, left:left + w, :]
    return c.unbatch(grad_x), c.unbatch_kernel(grad_kernel.reshape(c.kernel.shape))


class _Conv:
    """Pemeriksaan masukan dan geometri bersama :func:`conv2d` dan :func:`conv2d_backward`."""

    def __init__(self, x, kernel, stride, padding, dilation):
        x = as_array("x", x)
        kernel = as_array("kernel", kernel)
        self.was_2d = x.ndim == 2 and kernel.ndim == 2
        if self.was_2d:
            x, kernel = x[np.newaxis, :, :, np.newaxis], kernel[:, :, np.newaxis, np.newaxis]
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
            raise error("kernel", f"memiliki C_in = {c_in} (sama dengan jumlah kanal `x`)",
                        kernel, f"Jumlah kanal masukan `x` adalah {c_in}, kernel "
                        f"mengharapkan {k_in}.")
        self.stride = as_pair("stride", stride, 1)
        self.dilation = as_pair("dilation", dilation, 1)
        self.pads = resolve_padding(padding, (h, w), (kh, kw), self.stride, self.dilation)
        out_h = output_length(h, kh, self.stride[0], sum(self.pads[0]), self.dilation[0])
        out_w = output_length(w, kw, self.stride[1], sum(self.pads[1]), self.dilation[1])
        self.out_shape = (n, out_h, out_w, c_out)
        self.dtype = float_dtype(x, kernel)
        self.x = x.astype(self.dtype, copy=False)
        self.kernel = kernel.astype(self.dtype, copy=False)
        self.padded = np.pad(self.x, [(0, 0), *self.pads, (0, 0)])

    def patches(self):
        """Matriks im2col P berbentuk (N·H_out·W_out, kh·kw·C_in).

        Urutan kolomnya (kh, kw, C_in) sama dengan urutan kernel HWIO. Kedua cabang
        menghasilkan matriks yang SAMA; bedanya hanya urutan penyalinan di memori (soal
        kecepatan saja): dengan sedikit kanal, menyalin satu baris panjang per elemen kernel
        lebih cepat.
        """
        kh, kw, c_in, _ = self.kernel.shape
        # Jendela geser (N, H_out, W_out, C_in, kh, kw): tanpa menyalin data.
        view = windows(self.padded, (kh, kw), self.stride, self.dilation)
        n_patches, k_size = int(np.prod(self.out_shape[:3])), kh * kw * c_in
        if c_in >= 4:
            return view.transpose(0, 1, 2, 4, 5, 3).reshape(n_patches, k_size)
        return view.transpose(4, 5, 3, 0, 1, 2).reshape(k_size, n_patches).T

    def kernel_matrix(self):
        """Kernel HWIO diratakan menjadi K berbentuk (kh·kw·C_in, C_out)."""
        return self.kernel.reshape(-1, self.kernel.shape[-1])

    def unbatch(self, batch):
        """Kembali ke 2-D bila masukannya 2-D."""
        return batch[0, :, :, 0] if self.was_2d else batch

    def unbatch_kernel(self, kernel):
        """Kernel kembali ke 2-D bila masukannya 2-D."""
        return kernel[:, :, 0, 0] if self.was_2d else kernel
