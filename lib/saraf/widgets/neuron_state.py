"""Isi penjelajah neuron tanpa widget: satu neuron dengan dua masukan.

Neuron menghitung ``z = w1·x1 + w2·x2 + b`` lalu keluaran ``a = aktivasi(z)``. Modul ini
menghitung semua yang ditampilkan ``neuron_explorer()``:

* :func:`activate`: fungsi aktivasi (tangga, sigmoid, ReLU, tanh); sigmoid dan ReLU adalah
  :func:`saraf.ops.sigmoid` dan :func:`saraf.ops.relu`;
* :func:`decision_line`: ujung-ujung garis keputusan ``w1·x1 + w2·x2 + b = 0``;
* :func:`neuron_state`: z, a, persamaan yang diisi angka (koma desimal), dan prediksi untuk
  titik contoh AND, OR, atau XOR.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saraf.formatting import decimal, fixed
from saraf.ops import relu, sigmoid
from saraf.validation import as_choice, as_real, error

__all__ = ["ACTIVATIONS", "OUTPUT_RANGE", "TOY_DATASETS", "DATASET_LABELS", "LOW", "HIGH",
           "WEIGHT_RANGE", "activate", "decision_line", "check_number", "check_choice",
           "check_point", "NeuronState", "neuron_state"]

#: Nama fungsi aktivasi yang dikenal penjelajah, dengan label untuk menu pilihan.
ACTIVATIONS = {
    "step": "tangga (step)",
    "sigmoid": "sigmoid",
    "relu": "ReLU",
    "tanh": "tanh",
}
#: Rentang keluaran setiap aktivasi untuk pewarnaan (ReLU tidak terbatas: dipotong di 2).
OUTPUT_RANGE = {"step": (0.0, 1.0), "sigmoid": (0.0, 1.0), "relu": (0.0, 2.0),
                "tanh": (-1.0, 1.0)}

#: Titik contoh: masukan (x1, x2) dan kelas yang benar (0 atau 1).
_CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
TOY_DATASETS = {
    "and": (_CORNERS, (0, 0, 0, 1)),
    "or": (_CORNERS, (0, 1, 1, 1)),
    "xor": (_CORNERS, (0, 1, 1, 0)),
}
DATASET_LABELS = {"and": "AND", "or": "OR", "xor": "XOR"}

LOW, HIGH = -0.5, 1.5          # bidang masukan yang digambar (dan rentang slider x1, x2)
WEIGHT_RANGE = (-3.0, 3.0)     # rentang slider bobot dan bias


def _step(z):
    """Fungsi tangga: 1 bila z ≥ 0, 0 bila z < 0."""
    return np.where(z >= 0, 1.0, 0.0)


_FUNCTIONS = {"step": _step, "sigmoid": sigmoid, "relu": relu, "tanh": np.tanh}


def check_choice(name: str, value, choices) -> str:
    """Salah satu kunci ``choices`` (huruf besar juga diterima)."""
    value = value.lower() if isinstance(value, str) else value
    return as_choice(name, value, tuple(choices))


def check_number(name: str, value, low: float, high: float) -> float:
    """Satu bilangan di rentang slider ``[low, high]``."""
    return as_real(name, value, low, high,
                   expected=f"bilangan dari {decimal(low)} sampai {decimal(high)} "
                            f"(rentang slider)")


def check_point(point) -> tuple[float, float]:
    """Titik masukan ``(x1, x2)``, keduanya di bidang ``[LOW, HIGH]``."""
    if isinstance(point, (str, bytes)) or not hasattr(point, "__len__") or len(point) != 2:
        raise error("point", "pasangan (x1, x2)", point)
    return check_number("point[0]", point[0], LOW, HIGH), \
        check_number("point[1]", point[1], LOW, HIGH)


def activate(z, activation: str = "step"):
    """Menerapkan fungsi aktivasi ``activation`` pada ``z`` (angka atau array).

    ``step`` (fungsi tangga) bernilai 1 bila z ≥ 0 dan 0 bila z < 0.
    """
    activation = check_choice("activation", activation, ACTIVATIONS)
    return _FUNCTIONS[activation](np.asarray(z, dtype=float))


def decision_line(w1: float, w2: float, b: float, low: float = LOW, high: float = HIGH):
    """Dua titik ujung garis ``w1·x1 + w2·x2 + b = 0`` di dalam kotak [low, high]².

    Mengembalikan ``((x1_a, x2_a), (x1_b, x2_b))``, atau ``None`` bila garis itu tidak
    melewati kotak (misalnya kedua bobot nol).
    """
    points = []
    if w2 != 0:
        for x1 in (low, high):  # tepi kiri dan kanan
            x2 = -(w1 * x1 + b) / w2
            if low - 1e-12 <= x2 <= high + 1e-12:
                points.append((x1, x2))
    if w1 != 0:
        for x2 in (low, high):  # tepi bawah dan atas
            x1 = -(w2 * x2 + b) / w1
            if low - 1e-12 <= x1 <= high + 1e-12:
                points.append((x1, x2))
    unique = []
    for p in points:
        if all(abs(p[0] - q[0]) > 1e-9 or abs(p[1] - q[1]) > 1e-9 for q in unique):
            unique.append(p)
    if len(unique) < 2:
        return None
    (a1, a2), (b1, b2) = ((round(v, 6) + 0.0 for v in p) for p in unique[:2])  # tanpa -0.0
    return (a1, a2), (b1, b2)


@dataclass
class NeuronState:
    """Semua yang ditampilkan untuk satu pilihan bobot, bias, aktivasi, dan titik."""

    w1: float
    w2: float
    bias: float
    activation: str
    dataset: str
    point: tuple            # (x1, x2) titik masukan
    z: float                # w1·x1 + w2·x2 + b di titik masukan
    output: float           # a = aktivasi(z)
    equation_text: str
    boundary: tuple | None  # ujung garis keputusan (lihat decision_line)
    points: tuple           # titik contoh (x1, x2)
    targets: tuple          # kelas yang benar untuk setiap titik contoh
    zs: list                # z untuk setiap titik contoh
    predictions: list       # kelas 1 bila z ≥ 0, selain itu 0
    n_correct: int

    def z_at(self, x1, x2):
        """z untuk titik (atau array titik) ``x1, x2``."""
        return self.w1 * x1 + self.w2 * x2 + self.bias


def _equation(w1, w2, b, x1, x2, z, a, name) -> str:
    """Persamaan neuron yang diisi angka, dua angka di belakang koma."""
    return (f"z = w1·x1 + w2·x2 + b\n"
            f"  = ({fixed(w1)})·({fixed(x1)}) + ({fixed(w2)})·({fixed(x2)}) + ({fixed(b)})\n"
            f"  = {fixed(z)}\n"
            f"a = {name}(z) = {name}({fixed(z)}) = {fixed(a)}")


def neuron_state(w1: float, w2: float, bias: float, activation: str, dataset: str,
                 point) -> NeuronState:
    """Menghitung keluaran di titik masukan dan prediksi untuk titik contoh."""
    x1, x2 = point
    z = float(w1 * x1 + w2 * x2 + bias)
    a = float(activate(z, activation))
    points, targets = TOY_DATASETS[dataset]
    zs = [float(w1 * p + w2 * q + bias) for p, q in points]
    predictions = [int(value >= 0) for value in zs]
    n_correct = sum(int(p == t) for p, t in zip(predictions, targets))
    return NeuronState(w1, w2, bias, activation, dataset, (x1, x2), z, a,
                       _equation(w1, w2, bias, x1, x2, z, a, activation),
                       decision_line(w1, w2, bias), points, targets, zs, predictions, n_correct)
