"""Pengoptimal (*optimizer*) untuk penurunan gradien (*gradient descent*), hanya dengan NumPy.

Tiga pengoptimal yang juga ada di Keras 3, dengan nama hiperparameter dan hasil yang sama
dengan ``keras.optimizers.SGD``, ``RMSprop``, dan ``Adam``:

* ``SGD(learning_rate=0.01, momentum=0.0, nesterov=False)``;
* ``RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)``;
* ``Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)``.

Cara memakainya sama untuk ketiganya: ``params`` adalah list array bobot (bertipe float)
dan ``grads`` list gradiennya, dengan urutan dan bentuk yang sama::

    opt = Adam(learning_rate=0.01)
    for epoch in range(10):
        grads = hitung_gradien(params)      # misalnya dengan backpropagation
        opt.step(params, grads)             # setiap array di `params` diubah di tempat

Notasi: w = bobot, g = gradien ∂C/∂w, η = ``learning_rate``, t = nomor langkah
(``iterations``, mulai dari 1). Keadaan (*state*) per parameter, misalnya kecepatan v,
dibuat sebagai array nol pada langkah pertama; setelah itu jumlah dan bentuk parameter
harus tetap. Penulisan ``v[...] = rumus`` berarti "isi array v diganti hasil rumus".

Masukan yang salah menghasilkan ``ValueError``/``TypeError`` berbahasa Indonesia yang
menyebut nama parameter (misalnya ``grads[2]``), apa yang diharapkan, dan apa yang diberikan.
Semua pemeriksaan dilakukan sebelum bobot mana pun diubah.
"""

from __future__ import annotations

import math

import numpy as np

from saraf.validation import as_array, as_real, error

__all__ = ["Optimizer", "SGD", "RMSprop", "Adam"]


def _as_fraction(name: str, value) -> float:
    """Hiperparameter peluruhan (momentum, rho, beta): bilangan di [0, 1)."""
    return as_real(name, value, minimum=0, below=1)


class Optimizer:
    """Dasar bersama: pemeriksaan ``params``/``grads`` dan penghitung langkah ``iterations``."""

    hyperparameters: tuple[str, ...] = ("learning_rate",)

    def __init__(self, learning_rate):
        self.learning_rate = as_real("learning_rate", learning_rate, above=0)
        self.iterations = 0       # banyaknya langkah yang sudah diambil
        self.shapes = None        # bentuk setiap parameter, dicatat pada langkah pertama

    def __repr__(self):
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.hyperparameters)
        return f"{type(self).__name__}({args})"

    def build(self, params):
        """Membuat keadaan per parameter (array nol); dipanggil sekali, pada langkah pertama."""

    def _prepare(self, params, grads) -> list[np.ndarray]:
        """Memeriksa masukan, membuat keadaan bila perlu, lalu menaikkan ``iterations``.

        Mengembalikan gradien sebagai array bertipe sama dengan parameternya (seperti Keras).
        """
        hint = "Untuk satu array, bungkus dalam list: opt.step([w], [dw])."
        for name, value in (("params", params), ("grads", grads)):
            if not isinstance(value, (list, tuple)) or len(value) == 0:
                raise error(name, "list berisi array NumPy (minimal satu)", value, hint,
                            kind=TypeError)
        if len(grads) != len(params):
            raise error("len(grads)", f"sama dengan len(params) = {len(params)} "
                        "(satu gradien untuk setiap parameter)", len(grads))
        if self.shapes is not None and len(params) != len(self.shapes):
            raise error("len(params)", f"tetap {len(self.shapes)} seperti pada langkah "
                        "pertama", len(params), "Buat pengoptimal baru untuk model lain.")
        checked = []
        for i, (w, g) in enumerate(zip(params, grads)):
            if not isinstance(w, np.ndarray) or w.dtype.kind != "f" or not w.flags.writeable:
                raise error(f"params[{i}]", "array NumPy bertipe float yang dapat ditulis "
                            "(bobot diubah di tempat)", w,
                            "Ubah dulu, misalnya w = np.array(w, dtype=float).", kind=TypeError)
            if self.shapes is not None and w.shape != self.shapes[i]:
                raise error(f"params[{i}]", f"tetap berbentuk {self.shapes[i]} seperti pada "
                            "langkah pertama", w, "Buat pengoptimal baru untuk model lain.")
            g = as_array(f"grads[{i}]", g, finite=False)
            if g.shape != w.shape:
                raise error(f"grads[{i}]", f"berbentuk {w.shape} seperti params[{i}]", g)
            if not np.all(np.isfinite(g)):
                raise error(f"grads[{i}]", "hanya berisi bilangan berhingga (tanpa NaN atau "
                            "inf)", g, "Gradien yang meledak sering berarti `learning_rate` "
                            "terlalu besar.")
            checked.append(g.astype(w.dtype, copy=False))
        if self.shapes is None:
            self.shapes = [w.shape for w in params]
            self.build(params)
        self.iterations += 1
        return checked


class SGD(Optimizer):
    """Penurunan gradien stokastik (SGD), dengan *momentum* bila ``momentum`` > 0.

    Tanpa momentum (``momentum=0``)::

        w ← w − η·g

    Dengan momentum μ, kecepatan v (mula-mula 0) mengumpulkan gradien-gradien sebelumnya::

        v ← μ·v − η·g
        w ← w + v

    Momentum Nesterov (``nesterov=True``) melangkah sekali lagi ke arah v yang baru::

        v ← μ·v − η·g
        w ← w + μ·v − η·g
    """

    hyperparameters = ("learning_rate", "momentum", "nesterov")

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False):
        super().__init__(learning_rate)
        self.momentum = _as_fraction("momentum", momentum)
        if not isinstance(nesterov, (bool, np.bool_)):
            raise error("nesterov", "True atau False", nesterov, kind=TypeError)
        self.nesterov = bool(nesterov)
        self.velocities = []      # v, satu per parameter

    def build(self, params):
        self.velocities = [np.zeros_like(w) for w in params]

    def step(self, params, grads):
        """Satu langkah SGD: mengubah setiap array di ``params`` di tempat."""
        grads = self._prepare(params, grads)
        lr, mu = self.learning_rate, self.momentum
        for w, g, v in zip(params, grads, self.velocities):
            if mu == 0:
                w -= lr * g                       # w ← w − η·g
            elif self.nesterov:
                v[...] = mu * v - lr * g          # v ← μ·v − η·g
                w += mu * v - lr * g              # w ← w + μ·v − η·g
            else:
                v[...] = mu * v - lr * g          # v ← μ·v − η·g
                w += v                            # w ← w + v


class RMSprop(Optimizer):
    """RMSprop: langkah setiap bobot dibagi akar rata-rata bergerak kuadrat gradiennya.

    Rata-rata bergerak v (mula-mula 0) dengan faktor peluruhan ρ (``rho``)::

        v ← ρ·v + (1 − ρ)·g²
        w ← w − η·g / √(v + ε)

    Seperti Keras, ε ada **di dalam** akar. Hanya bentuk bawaan Keras yang didukung:
    ``momentum=0`` dan ``centered=False`` (keduanya tidak dapat diubah di sini).
    """

    hyperparameters = ("learning_rate", "rho", "epsilon")

    def __init__(self, learning_rate=0.001, rho=0.9, epsilon=1e-7):
        super().__init__(learning_rate)
        self.rho = _as_fraction("rho", rho)
        self.epsilon = as_real("epsilon", epsilon, minimum=0)
        self.velocities = []      # v, satu per parameter

    def build(self, params):
        self.velocities = [np.zeros_like(w) for w in params]

    def step(self, params, grads):
        """Satu langkah RMSprop: mengubah setiap array di ``params`` di tempat."""
        grads = self._prepare(params, grads)
        lr, rho, eps = self.learning_rate, self.rho, self.epsilon
        for w, g, v in zip(params, grads, self.velocities):
            v[...] = rho * v + (1 - rho) * g**2   # v ← ρ·v + (1 − ρ)·g²
            w -= lr * g / np.sqrt(v + eps)        # w ← w − η·g / √(v + ε)


class Adam(Optimizer):
    """Adam: momentum (rata-rata gradien m) ditambah RMSprop (rata-rata kuadrat gradien v).

    Pada langkah ke-t (t = 1, 2, …), dengan m dan v mula-mula 0::

        m ← β₁·m + (1 − β₁)·g
        v ← β₂·v + (1 − β₂)·g²
        α ← η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
        w ← w − α·m / (√v + ε)

    α memuat koreksi bias: tanpa itu m dan v terlalu kecil pada langkah-langkah awal
    (keduanya mulai dari 0). Ini bentuk Keras: ε ada di luar akar dan tidak ikut
    dikoreksi, jadi hasilnya sedikit berbeda dari rumus di makalah Adam,
    w ← w − η·m̂ / (√v̂ + ε) dengan m̂ = m / (1 − β₁ᵗ) dan v̂ = v / (1 − β₂ᵗ), hanya
    karena letak ε. Pada langkah pertama setiap bobot bergeser ≈ η·tanda(g) (bila |g| ≫ ε).
    """

    hyperparameters = ("learning_rate", "beta_1", "beta_2", "epsilon")

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        super().__init__(learning_rate)
        self.beta_1 = _as_fraction("beta_1", beta_1)
        self.beta_2 = _as_fraction("beta_2", beta_2)
        self.epsilon = as_real("epsilon", epsilon, minimum=0)
        self.m, self.v = [], []   # satu per parameter

    def build(self, params):
        self.m = [np.zeros_like(w) for w in params]
        self.v = [np.zeros_like(w) for w in params]

    def step(self, params, grads):
        """Satu langkah Adam: mengubah setiap array di ``params`` di tempat."""
        grads = self._prepare(params, grads)
        lr, b1, b2, eps, t = (self.learning_rate, self.beta_1, self.beta_2, self.epsilon,
                              self.iterations)
        alpha = lr * math.sqrt(1 - b2**t) / (1 - b1**t)  # α ← η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
        for w, g, m, v in zip(params, grads, self.m, self.v):
            m[...] = b1 * m + (1 - b1) * g               # m ← β₁·m + (1 − β₁)·g
            v[...] = b2 * v + (1 - b2) * g**2            # v ← β₂·v + (1 − β₂)·g²
            w -= alpha * m / (np.sqrt(v) + eps)          # w ← w − α·m / (√v + ε)
