"""Lapisan CNN NumPy: ``Conv2D``, ``ReLU``, ``MaxPool2D``, ``Flatten``, ``Dense``.

Setiap lapisan punya ``forward(x)`` (menghitung keluaran dan mengingat masukannya) dan
``backward(grad_output)`` (menyimpan gradien parameternya di ``grads`` dan mengembalikan
∂L/∂masukan). ``params`` adalah daftar array parameternya, dengan urutan yang sama seperti
``grads``; ``config()`` mendeskripsikan lapisan untuk berkas ``.npz``. Bentuk data dan nilai
awal bobot mengikuti Keras (NHWC, HWIO, Glorot uniform, bias nol), semuanya float32.
"""

from __future__ import annotations

import numpy as np

from saraf import ops
from saraf.validation import as_choice, as_int

__all__ = ["Conv2D", "ReLU", "MaxPool2D", "Flatten", "Dense", "LAYER_TYPES", "DTYPE"]

DTYPE = np.float32


def _glorot(rng, shape, fan_in, fan_out):
    """Bobot awal Glorot uniform (bawaan Keras): U(−r, r) dengan r = √(6 / (n_masuk + n_keluar))."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape).astype(DTYPE)


class Conv2D:
    """Lapisan konvolusi: ``filters`` kernel ``kernel_size`` × ``kernel_size``, stride 1, plus bias."""

    def __init__(self, in_channels, filters, kernel_size=3, padding="valid", rng=None):
        self.in_channels = as_int("in_channels", in_channels, 1)
        self.filters = as_int("filters", filters, 1)
        self.kernel_size = as_int("kernel_size", kernel_size, 1)
        self.padding = as_choice("padding", padding, ("valid", "same"))
        k, c_in, c_out = self.kernel_size, self.in_channels, self.filters
        rng = np.random.default_rng() if rng is None else rng
        self.kernel = _glorot(rng, (k, k, c_in, c_out), k * k * c_in, k * k * c_out)
        self.bias = np.zeros(c_out, DTYPE)
        self.params = [self.kernel, self.bias]
        self.grads = [np.zeros_like(p) for p in self.params]  # diisi oleh backward

    def forward(self, x):
        self.x = x  # diingat untuk backward
        return ops.conv2d(x, self.kernel, padding=self.padding) + self.bias

    def backward(self, grad_output):
        grad_x, grad_kernel = ops.conv2d_backward(self.x, self.kernel, grad_output,
                                                  padding=self.padding)
        grad_bias = grad_output.sum(axis=(0, 1, 2))  # bias ditambahkan di setiap posisi
        self.grads = [grad_kernel, grad_bias]
        return grad_x

    def config(self):
        return {"type": "Conv2D", "in_channels": self.in_channels, "filters": self.filters,
                "kernel_size": self.kernel_size, "padding": self.padding}


class ReLU:
    """Fungsi aktivasi ReLU sebagai lapisan (tanpa parameter)."""

    params: list = []
    grads: list = []

    def forward(self, x):
        self.x = x
        return ops.relu(x)

    def backward(self, grad_output):
        return ops.relu_backward(self.x, grad_output)

    def config(self):
        return {"type": "ReLU"}


class MaxPool2D:
    """Max pooling ``size`` × ``size`` dengan stride ``size`` (tanpa parameter)."""

    params: list = []
    grads: list = []

    def __init__(self, size=2):
        self.size = as_int("size", size, 1)

    def forward(self, x):
        self.x = x
        return ops.max_pool2d(x, self.size)

    def backward(self, grad_output):
        return ops.max_pool2d_backward(self.x, grad_output, self.size)

    def config(self):
        return {"type": "MaxPool2D", "size": self.size}


class Flatten:
    """Meratakan ``(N, H, W, C)`` menjadi ``(N, H·W·C)`` dengan urutan yang sama seperti Keras."""

    params: list = []
    grads: list = []

    def forward(self, x):
        self.shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, grad_output):
        return grad_output.reshape(self.shape)  # hanya bentuknya yang berubah

    def config(self):
        return {"type": "Flatten"}


class Dense:
    """Lapisan terhubung penuh: ``x @ W + b``, dengan ``W`` berbentuk ``(n_in, n_out)``."""

    def __init__(self, n_in, n_out, rng=None):
        self.n_in, self.n_out = as_int("n_in", n_in, 1), as_int("n_out", n_out, 1)
        rng = np.random.default_rng() if rng is None else rng
        self.weights = _glorot(rng, (self.n_in, self.n_out), self.n_in, self.n_out)
        self.bias = np.zeros(self.n_out, DTYPE)
        self.params = [self.weights, self.bias]
        self.grads = [np.zeros_like(p) for p in self.params]  # diisi oleh backward

    def forward(self, x):
        self.x = x
        return x @ self.weights + self.bias

    def backward(self, grad_output):
        grad_weights = self.x.T @ grad_output        # ∂L/∂W = xᵀ·g (seperti BP4 di MLP)
        grad_bias = grad_output.sum(axis=0)          # ∂L/∂b = Σ g   (seperti BP3)
        self.grads = [grad_weights, grad_bias]
        return grad_output @ self.weights.T          # ∂L/∂x = g·Wᵀ  (seperti BP2)

    def config(self):
        return {"type": "Dense", "n_in": self.n_in, "n_out": self.n_out}


LAYER_TYPES = {cls.__name__: cls for cls in (Conv2D, ReLU, MaxPool2D, Flatten, Dense)}
