"""Pooling: max pooling dan average pooling, maju dan mundur.

Setara dengan ``tf.nn.max_pool2d``/``avg_pool2d`` dan gradiennya.

Setiap kanal diproses sendiri-sendiri, jadi jumlah kanal tidak berubah.
"""

from __future__ import annotations

import numpy as np
from saraf.ops.sizes import float_dtype, output_length, same_padding, to_batch
from saraf.ops.windows import add_windows, windows
from saraf.validation import as_array, as_choice, as_pair, error

__all__ = ["max_pool2d", "avg_pool2d", "max_pool2d_backward", "avg_pool2d_backward"]


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


def max_pool2d_backward(x, grad_output, size=2, stride=None, padding="valid"):
    """Propagasi balik :func:`max_pool2d`: ∂L/∂x, berbentuk sama dengan ``x``.

    Keluaran setiap jendela hanya bergantung pada satu piksel, yaitu piksel terbesarnya
    (*argmax*). Jadi gradien jendela itu mengalir **seluruhnya ke piksel terbesar** dan
    piksel lain di jendela itu mendapat 0. Bila ada beberapa piksel terbesar yang sama,
    gradien masuk ke yang pertama (urutan baris, lalu kolom), seperti TensorFlow. Bila
    jendela bertumpuk (stride < size), gradien dari beberapa jendela dijumlahkan.
    """
    p = _Pool(x, size, stride, padding)
    g = p.check_grad(grad_output)
    view = p.windows(p.batch, -np.inf)                      # (N, H_out, W_out, C, kh, kw)
    kh, kw = p.size
    # Tumpuk kh·kw elemen setiap jendela di sumbu pertama: (kh·kw, N, H_out, W_out, C).
    stacked = view.transpose(4, 5, 0, 1, 2, 3).reshape(kh * kw, *g.shape)
    first_max = stacked.argmax(axis=0)                      # posisi piksel terbesar pertama
    winner = first_max == np.arange(kh * kw).reshape(-1, 1, 1, 1, 1)  # satu True per jendela
    grad_windows = (winner * g).reshape(kh, kw, *g.shape).transpose(2, 3, 4, 5, 0, 1)
    return p.unpad(add_windows(grad_windows, p.padded_shape, p.stride))


def avg_pool2d_backward(x, grad_output, size=2, stride=None, padding="valid"):
    """Propagasi balik :func:`avg_pool2d`: ∂L/∂x, berbentuk sama dengan ``x``.

    Keluaran jendela adalah rata-rata n piksel aslinya, jadi setiap piksel itu mendapat
    1/n gradien jendela (n tidak menghitung padding, seperti pada propagasi maju).
    """
    p = _Pool(x, size, stride, padding)
    g = p.check_grad(grad_output) / p.counts()             # bagian setiap piksel: g / n
    kh, kw = p.size
    grad_windows = np.broadcast_to(g[..., np.newaxis, np.newaxis], (*g.shape, kh, kw))
    return p.unpad(add_windows(grad_windows, p.padded_shape, p.stride))


def _pool(x, size, stride, padding, kind):
    """Kerangka bersama max pooling dan average pooling."""
    p = _Pool(x, size, stride, padding)
    if kind == "max":
        out = p.windows(p.batch, -np.inf).max(axis=(-2, -1))
    else:
        # Bagi dengan banyaknya elemen ASLI (bukan padding), seperti tf.nn.avg_pool2d.
        out = p.windows(p.batch, 0).sum(axis=(-2, -1)) / p.counts()
    return p.unbatch(out)


class _Pool:
    """Pemeriksaan masukan dan geometri bersama pooling maju dan mundur."""

    def __init__(self, x, size, stride, padding):
        batch, self.was_2d = to_batch("x", as_array("x", x))
        self.size = as_pair("size", size, 1)
        self.stride = self.size if stride is None else as_pair("stride", stride, 1)
        mode = padding.lower() if isinstance(padding, str) else padding
        as_choice("padding", mode, ("valid", "same"))  # seperti tf.nn.max_pool2d
        n, h, w, c = batch.shape
        if mode == "same":
            self.pads = tuple(same_padding(length, k, s)
                              for length, k, s in zip((h, w), self.size, self.stride))
        else:
            self.pads = ((0, 0), (0, 0))
        # Pastikan jendela muat di dalam masukan (jika tidak: ValueError yang jelas).
        out_h = output_length(h, self.size[0], self.stride[0], sum(self.pads[0]), 1, "size")
        out_w = output_length(w, self.size[1], self.stride[1], sum(self.pads[1]), 1, "size")
        self.out_shape = (n, out_h, out_w, c)
        self.padded_shape = (n, h + sum(self.pads[0]), w + sum(self.pads[1]), c)
        self.batch = batch.astype(float_dtype(batch), copy=False)

    def windows(self, a, fill):
        """Jendela (N, H_out, W_out, C, kh, kw) dari array NHWC ``a`` yang di-padding."""
        padded = np.pad(a, [(0, 0), *self.pads, (0, 0)], constant_values=fill)
        return windows(padded, self.size, self.stride)

    def counts(self):
        """Banyak piksel asli (bukan padding) di setiap jendela: (1, H_out, W_out, 1)."""
        ones = np.ones((1, *self.batch.shape[1:3], 1), self.batch.dtype)
        return self.windows(ones, 0).sum(axis=(-2, -1))

    def check_grad(self, grad_output):
        """``grad_output`` harus berbentuk sama dengan keluaran pooling maju."""
        g = as_array("grad_output", grad_output)
        expected = self.out_shape[1:3] if self.was_2d else self.out_shape
        if g.shape != tuple(expected):
            raise error("grad_output", f"berbentuk {tuple(expected)} (sama dengan keluaran "
                        "pooling maju dengan x, size, stride, dan padding yang sama)", g)
        g = g.reshape(self.out_shape)
        return g.astype(np.promote_types(self.batch.dtype, float_dtype(g)), copy=False)

    def unpad(self, grad_padded):
        """Buang bagian padding dari gradien, lalu kembali ke 2-D bila masukannya 2-D."""
        (top, _), (left, _) = self.pads
        h, w = self.batch.shape[1:3]
        return self.unbatch(grad_padded[:, top:top + h, left:left + w, :])

    def unbatch(self, batch):
        """Kembali ke 2-D bila masukannya 2-D."""
        return batch[0, :, :, 0] if self.was_2d else batch
