"""Isi penjelajah softmax tanpa widget: dari logit ke probabilitas.

``softmax(z / T)_i = e^(z_i / T) / Σ_j e^(z_j / T)`` dengan temperatur ``T``. Modul ini
menghitung semua yang ditampilkan ``softmax_explorer()``:

* probabilitas (dengan :func:`saraf.ops.softmax`, yang mengurangkan logit terbesar lebih
  dulu sehingga logit raksasa, misalnya 1000, tidak menghasilkan NaN);
* kelas prediksi (argmax), skor keyakinan, entropi, dan cross-entropy kelas yang benar;
* hitungan e^… / Σ e^… untuk kelas teratas, langkah demi langkah (koma desimal).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from saraf.formatting import decimal, fixed, significant, thousands
from saraf.ops import softmax
from saraf.validation import as_array, as_int, as_names, as_real, error

__all__ = ["DEFAULT_LOGITS", "T_RANGE", "MAX_CLASSES", "check_logits", "check_temperature",
           "initial_logits", "check_class_setup", "significant", "SoftmaxState",
           "softmax_state"]

DEFAULT_LOGITS = (2.0, 1.0, 0.5, -1.0, 0.0)
T_RANGE = (0.1, 10.0)
MAX_CLASSES = 12
_SAFE_EXPONENT = 20   # di atas ini, hitungan ditampilkan dalam bentuk stabil (dikurangi maks)


def check_logits(logits) -> np.ndarray:
    """2 sampai 12 logit berhingga dalam satu baris, bentuk ``(K,)``."""
    array = as_array("logits", logits).astype(float)
    if array.ndim != 1 or not 2 <= array.size <= MAX_CLASSES:
        raise error("logits", f"berisi 2 sampai {MAX_CLASSES} bilangan dalam satu baris "
                              f"(bentuk (K,))", array)
    return array


def check_temperature(temperature) -> float:
    return as_real("temperature", temperature, *T_RANGE,
                   expected=f"bilangan dari {decimal(T_RANGE[0])} sampai {decimal(T_RANGE[1])}")


def initial_logits(logits, class_names) -> np.ndarray:
    """Logit awal: yang diberikan, atau (bila hanya nama kelas) 2 turun sampai −1."""
    if logits is None and class_names is not None and not isinstance(class_names, str) \
            and hasattr(class_names, "__len__") and 2 <= len(class_names) <= MAX_CLASSES:
        return np.round(np.linspace(2.0, -1.0, len(class_names)), 1)
    return check_logits(DEFAULT_LOGITS if logits is None else logits)


@dataclass
class SoftmaxState:
    """Semua yang ditampilkan untuk satu pilihan logit, temperatur, dan kelas yang benar."""

    logits: np.ndarray
    temperature: float
    class_names: list
    true_class: int
    probabilities: np.ndarray
    predicted_class: int
    confidence: float       # probabilitas kelas prediksi
    entropy: float          # −Σ p·ln p (nat)
    cross_entropy: float    # −ln p(kelas yang benar)
    arithmetic_text: str


def _arithmetic(logits, scaled, temperature, names, k, confidence) -> str:
    """Hitungan p(kelas teratas) langkah demi langkah."""
    name, t = names[k], fixed(temperature)
    if scaled.max() <= _SAFE_EXPONENT:
        exps = np.exp(scaled)
        head = f"p({name}) = e^(z_{name}/T) / Σ e^(z_j/T)\n"
        if len(logits) <= 5:  # untuk sedikit kelas, tulis juga setiap sukunya
            terms = " + ".join(f"e^({fixed(z)}/{t})" for z in logits)
            head += f"        = e^({fixed(logits[k])}/{t}) / ({terms})\n"
    else:
        exps = np.exp(scaled - scaled.max())
        head = (f"Logit/T terbesar = {fixed(scaled.max())}: e^(…) akan meluap, jadi setiap "
                f"logit/T dikurangi {fixed(scaled.max())} dulu (hasilnya sama).\n"
                f"p({name}) = e^((z_{name} − maks)/T) / Σ e^((z_j − maks)/T)\n")
    values = " + ".join(significant(v) for v in exps)
    return (head + f"        = {significant(exps[k])} / ({values})\n"
            + f"        = {significant(exps[k])} / {significant(exps.sum())} = "
              f"{fixed(confidence, 3)}")


def softmax_state(logits, temperature: float, class_names, true_class: int) -> SoftmaxState:
    """Menghitung probabilitas, prediksi, dan ukuran-ukurannya."""
    logits = np.asarray(logits, dtype=float)
    probabilities = softmax(logits, temperature=temperature)
    k = int(np.argmax(probabilities))
    p = probabilities
    log_p = np.log(p, out=np.zeros_like(p), where=p > 0)
    entropy = float(-(p * log_p).sum()) + 0.0
    # −log p(benar) dari logit langsung (log-softmax stabil), tanpa log(0).
    scaled = logits / temperature
    shifted = scaled - scaled.max()
    cross_entropy = float(math.log(np.exp(shifted).sum()) - shifted[true_class]) + 0.0
    confidence = float(p[k])
    return SoftmaxState(logits, float(temperature), list(class_names), int(true_class),
                        probabilities, k, confidence, entropy, cross_entropy,
                        _arithmetic(logits, scaled, temperature, class_names, k, confidence))


def check_class_setup(logits, class_names, true_class, temperature):
    """Semua parameter awal penjelajah diperiksa: (logit, nama kelas, kelas benar, T)."""
    initial = initial_logits(logits, class_names)
    names = as_names("class_names", class_names, initial.size)
    temperature = check_temperature(temperature)
    true_class = (int(np.argmax(initial)) if true_class is None
                  else as_int("true_class", true_class, 0, initial.size - 1))
    return initial, names, true_class, temperature
