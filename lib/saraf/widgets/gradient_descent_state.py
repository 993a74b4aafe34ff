"""Isi penjelajah penurunan gradien tanpa widget: permukaan biaya, jalur, dan diagnosisnya.

Penurunan gradien (*gradient descent*) berjalan di atas permukaan biaya C(w₁, w₂) seperti bola
yang menggelinding ke dasar lembah. Modul ini menghitung semua yang ditampilkan
``gradient_descent_explorer()``: empat permukaan (:data:`SURFACES`, minimum setiap permukaan
bernilai 0) beserta gradien analitisnya, kisi kontur (:func:`grid`, :func:`contour_levels`),
jalur sebuah pengoptimal dari :mod:`saraf.optim` (:func:`run_path`, berhenti bila biayanya
meledak, jadi tanpa NaN), dan diagnosisnya (:func:`diagnose`): konvergen, masih merangkak,
berosilasi (zig-zag), atau divergen. Untuk gambarnya: titik awal pilihan (:data:`STARTS`),
menu pengoptimal (:data:`METHODS`), pita kontur (:func:`contour_bands`), dan sumbu grafik
biaya (:func:`cost_axis`, linear atau log). :class:`GDState` menyimpan semua pengaturan::

    result = GDState(surface="lembah", learning_rate=0.195, steps=50).compute()
    result.path.shape, result.diagnosis.code       # ((51, 2), 'oscillating')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

import numpy as np

from saraf.optim import SGD, Adam, RMSprop
from saraf.validation import as_array, as_choice, as_int, error
from saraf.formatting import decimal, significant

__all__ = ["Surface", "SURFACES", "STARTS", "OPTIMIZERS", "METHODS", "MAX_STEPS", "grid",
           "contour_levels", "contour_bands", "run_path", "Diagnosis", "LABELS", "diagnose",
           "GDState", "GDResult", "point_label", "nice_ticks", "cost_axis"]

MAX_STEPS = 1000
_num = partial(significant, digits=3)   # biaya untuk dibaca: 3 angka penting, koma desimal
#: Pengoptimal yang dapat dipilih → (kelas di saraf.optim, hiperparameter selain η).
OPTIMIZERS = {"SGD": (SGD, ("momentum", "nesterov")),
              "RMSprop": (RMSprop, ("rho", "epsilon")),
              "Adam": (Adam, ("beta_1", "beta_2", "epsilon"))}
#: Pilihan menu penjelajah → (teks menu, pengoptimal di OPTIMIZERS, hiperparameter bergeser).
#: "momentum" adalah SGD dengan momentum μ; "SGD" tanpa momentum (μ = 0).
METHODS = {"SGD": ("SGD biasa", "SGD", ()),
           "momentum": ("SGD dengan momentum", "SGD", ("momentum",)),
           "RMSprop": ("RMSProp", "RMSprop", ("rho",)),
           "Adam": ("Adam", "Adam", ("beta_1", "beta_2"))}


@dataclass(frozen=True)
class Surface:
    """Satu permukaan biaya C(x, y), dengan x = w₁ dan y = w₂, beserta gradiennya."""

    name: str                   # kunci di SURFACES, misalnya "lembah"
    title: str                  # judul untuk gambar
    formula: str                # rumus untuk dibaca manusia, dengan w₁ dan w₂
    value: Callable             # C(x, y); bekerja per elemen untuk array
    gradient: Callable          # (∂C/∂x, ∂C/∂y)
    start: tuple                # titik awal bawaan (x, y)
    extent: tuple               # rentang gambar (x_min, x_max, y_min, y_max)
    minima: tuple               # titik-titik minimum (biayanya 0)
    saddles: tuple = ()         # titik pelana: gradiennya 0, tetapi bukan minimum

    def cost(self, point) -> float:
        return float(self.value(point[0], point[1]))

    def grad(self, point) -> np.ndarray:
        return np.array(self.gradient(point[0], point[1]), dtype=float)


def _bowl(x, y):
    return (x**2 + y**2) / 2


def _valley(x, y):
    return (x**2 + 10 * y**2) / 2        # kelengkungan 1 (arah x) dan 10 (arah y)


def _banana(x, y):
    return (1 - x)**2 + 5 * (y - x**2)**2  # fungsi Rosenbrock yang dilunakkan (100 → 5)


def _saddle(x, y):
    return x**2 / 2 + (y**2 - 1)**2 / 4   # pelana di (0, 0), dua minimum di (0, ±1)


SURFACES = {s.name: s for s in (
    Surface("mangkuk", "Mangkuk bundar", "C = (w₁² + w₂²) / 2", _bowl,
            lambda x, y: (x, y), (-2.5, 2.0), (-3, 3, -3, 3), ((0, 0),)),
    Surface("lembah", "Lembah memanjang", "C = (w₁² + 10·w₂²) / 2", _valley,
            lambda x, y: (x, 10 * y), (-3.5, 1.5), (-4, 4, -2, 2), ((0, 0),)),
    Surface("lembah_melengkung", "Lembah melengkung (Rosenbrock)",
            "C = (1 − w₁)² + 5·(w₂ − w₁²)²", _banana,
            lambda x, y: (-2 * (1 - x) - 20 * x * (y - x**2), 10 * (y - x**2)),
            (-1.5, 2.0), (-2, 2, -1, 3), ((1, 1),)),
    Surface("pelana", "Titik pelana", "C = w₁²/2 + (w₂² − 1)²/4", _saddle,
            lambda x, y: (x, y**3 - y), (2.5, 0.001), (-3, 3, -2, 2), ((0, -1), (0, 1)),
            ((0, 0),)),
)}


#: Titik awal yang dapat dipilih untuk setiap permukaan; yang pertama adalah ``Surface.start``.
#: Di pelana, (2,5; 0) tepat di punggungnya: gradien w₂ nol, jadi jalurnya tidak pernah turun.
STARTS = {"mangkuk": ((-2.5, 2.0), (2.5, 2.5), (0.5, -2.5)),
          "lembah": ((-3.5, 1.5), (-3.5, 0.2), (3.0, -1.8)),
          "lembah_melengkung": ((-1.5, 2.0), (0.0, -0.5), (1.8, 2.8)),
          "pelana": ((2.5, 0.001), (2.5, 0.0), (2.5, 0.5), (-2.0, -1.5))}


def _surface(surface) -> Surface:
    return surface if isinstance(surface, Surface) else \
        SURFACES[as_choice("surface", surface, list(SURFACES))]


def grid(surface, n: int = 101, rows: int | None = None):
    """Kisi kontur ``(xs, ys, zs)``: ``zs[i, j] = C(xs[j], ys[i])``, seperti ``plt.contour``.

    ``n`` titik di sepanjang w₁ dan ``rows`` titik di sepanjang w₂ (bawaan: juga ``n``).
    """
    s, n = _surface(surface), as_int("n", n, 2, 1000)
    rows = n if rows is None else as_int("rows", rows, 2, 1000)
    xs = np.linspace(s.extent[0], s.extent[1], n)
    ys = np.linspace(s.extent[2], s.extent[3], rows)
    return xs, ys, s.value(*np.meshgrid(xs, ys))


def contour_levels(surface, count: int = 15) -> np.ndarray:
    """``count`` tingkat kontur berjarak geometris: rapat di dasar, jarang di lereng."""
    zs = grid(surface, 61)[2]
    top = float(zs.max())
    return np.geomspace(top * 1e-3, top, as_int("count", count, 2, 100))


def contour_bands(surface, n: int, rows: int):
    """Peta kontur berisi untuk digambar: ``(bands, edges)``, baris pertama = w₂ terbesar.

    ``bands[i, j]`` adalah nomor pita di antara tingkat :func:`contour_levels` (0 = di bawah
    tingkat terendah, di dasar lembah); ``edges`` bernilai True di tepi pita (garis kontur).
    """
    bands = np.searchsorted(contour_levels(surface), grid(surface, n, rows)[2][::-1])
    edges = np.zeros(bands.shape, bool)
    edges[:, 1:] |= bands[:, 1:] != bands[:, :-1]
    edges[1:, :] |= bands[1:, :] != bands[:-1, :]
    return bands, edges


def _optimizer(name, learning_rate, hyper):
    name = as_choice("optimizer", name, list(OPTIMIZERS))
    cls, allowed = OPTIMIZERS[name]
    for key in hyper:
        if key not in allowed:
            raise error(key, f"hiperparameter {name}, yaitu salah satu dari "
                        f"{', '.join(allowed)}", hyper[key],
                        "Setiap pengoptimal punya hiperparameternya sendiri.", kind=TypeError)
    return cls(learning_rate, **hyper)


def run_path(surface, start, optimizer, learning_rate, steps, **hyper):
    """Jalur penurunan gradien: ``(path, costs)``.

    ``path`` berbentuk ``(k + 1, 2)``, mulai dari ``start``; ``costs[i]`` adalah biaya di
    ``path[i]``. Biasanya ``k = steps``. Bila biayanya tidak lagi berhingga atau melewati
    10 × biaya terbesar di gambar (divergen), jalurnya berhenti di situ: ``k < steps``, dan
    titik yang tidak berhingga tidak ikut. ``optimizer`` adalah ``"SGD"``, ``"RMSprop"``,
    atau ``"Adam"``; ``hyper`` hiperparameternya, misalnya ``momentum=0.9``.
    """
    s = _surface(surface)
    point = as_array("start", start).astype(float)
    if point.shape != (2,):
        raise error("start", "titik awal (x, y): dua bilangan", point)
    steps = as_int("steps", steps, 1, MAX_STEPS)
    opt = _optimizer(optimizer, learning_rate, hyper)
    bound = 10 * float(grid(s, 41)[2].max())     # 10 × biaya terbesar yang tampak di gambar
    path, costs = [point.copy()], [s.cost(point)]
    with np.errstate(all="ignore"):
        for _ in range(steps):
            g = s.grad(point)
            if not np.isfinite(g).all():
                break
            opt.step([point], [g])
            cost = s.cost(point)
            if not (np.isfinite(point).all() and np.isfinite(cost)):
                break
            path.append(point.copy())
            costs.append(cost)
            if cost > bound:
                break
    return np.array(path), np.array(costs)


@dataclass(frozen=True)
class Diagnosis:
    """Apa yang terjadi: ``code`` (untuk program), ``label`` dan ``message`` (untuk dibaca)."""

    code: str       # "converged", "crawling", "oscillating", atau "diverged"
    label: str      # "konvergen", "masih merangkak", "berosilasi (zig-zag)", "divergen"
    message: str    # satu atau dua kalimat penjelasan


LABELS = {"converged": "konvergen", "crawling": "masih merangkak",
          "oscillating": "berosilasi (zig-zag)", "diverged": "divergen"}


def _flips(surface: Surface, path) -> int:
    """Berapa kali arah gradien berbalik (lebih dari 90°) antara dua langkah berturutan."""
    grads = np.array([surface.grad(p) for p in path])
    return int(np.sum(np.einsum("ij,ij->i", grads[:-1], grads[1:]) < 0))


def diagnose(surface, path, costs, steps: int) -> Diagnosis:
    """Diagnosis jalur dari :func:`run_path` yang diminta berjalan ``steps`` langkah.

    Divergen: jalurnya berhenti lebih awal atau biaya akhirnya melebihi biaya awal.
    Konvergen: biaya akhirnya ≤ 0,001 × biaya awal (minimumnya 0). Berosilasi: arah
    gradien berbalik pada setidaknya sepertiga langkah, atau biayanya naik lagi pada
    setidaknya sepersepuluh langkah. Selain itu: masih merangkak.
    """
    s, n = _surface(surface), len(path) - 1
    c0, c1, flips = float(costs[0]), float(costs[-1]), _flips(s, path)
    ups = int(np.sum(np.diff(costs) > 1e-12 * c0))
    if n < steps or c1 > c0:
        code = "diverged"
        head = (f"Biayanya meledak, jadi jalurnya dihentikan setelah {n} langkah" if n < steps
                else f"Biaya membesar dari {_num(c0)} ke {_num(c1)} dalam {n} langkah")
        text = (f"{head}: setiap langkah melompati dasar lembah dan mendarat lebih tinggi. "
                "Kecilkan laju pembelajaran.")
    elif c1 <= 1e-3 * c0:
        code = "converged"
        text = f"Biaya turun dari {_num(c0)} ke {_num(c1)} dalam {n} langkah."
        if flips >= n / 3:
            text += f" Jalurnya berzig-zag: arah gradien berbalik {flips} kali."
    elif flips >= n / 3 or ups >= n / 10:
        code = "oscillating"
        what = " dan ".join(t for t in (flips and f"arah gradien berbalik {flips} kali",
                                             ups and f"biayanya naik lagi {ups} kali") if t)
        text = (f"Jalurnya bolak-balik: dalam {n} langkah {what}. Biaya baru turun dari "
                f"{_num(c0)} ke {_num(c1)}. Kecilkan laju pembelajaran (atau momentumnya) "
                "sedikit.")
    else:
        code = "crawling"
        near = [q for q in s.saddles if np.hypot(*(path[-1] - np.array(q))) < 0.3]
        where = (" Jalurnya tertahan di dekat titik pelana: di sana gradiennya hampir nol, "
                 "padahal itu bukan dasar lembah." if near else "")
        text = (f"Biaya baru turun dari {_num(c0)} ke {_num(c1)} dalam {n} langkah."
                f"{where} Perbesar laju pembelajaran atau banyak langkahnya.")
    return Diagnosis(code, LABELS[code], text)


@dataclass
class GDState:
    """Semua pengaturan penjelajah; :meth:`compute` menjalankannya."""

    surface: str = "lembah"
    start: tuple | None = None          # None: titik awal bawaan permukaannya
    optimizer: str = "SGD"
    learning_rate: float = 0.1
    steps: int = 50
    momentum: float = 0.0               # SGD
    rho: float = 0.9                    # RMSprop
    beta_1: float = 0.9                 # Adam
    beta_2: float = 0.999               # Adam
    epsilon: float = 1e-7               # RMSprop dan Adam

    def hyper(self) -> dict:
        """Hiperparameter pengoptimal yang dipilih, selain η (yang lain diabaikan)."""
        allowed = OPTIMIZERS[as_choice("optimizer", self.optimizer, list(OPTIMIZERS))][1]
        return {k: getattr(self, k) for k in allowed if k != "nesterov"}

    def compute(self) -> GDResult:
        """Jalur, biaya per langkah, dan diagnosis untuk pengaturan saat ini."""
        s = _surface(self.surface)
        start = s.start if self.start is None else self.start
        path, costs = run_path(s, start, self.optimizer, self.learning_rate, self.steps,
                               **self.hyper())
        return GDResult(s, path, costs, diagnose(s, path, costs, self.steps))


@dataclass(frozen=True)
class GDResult:
    """Hasil :meth:`GDState.compute`."""

    surface: Surface
    path: np.ndarray        # (k + 1, 2)
    costs: np.ndarray       # (k + 1,)
    diagnosis: Diagnosis


def point_label(point) -> str:
    """Titik (w₁; w₂) untuk dibaca, dengan koma desimal: ``(−3,5; 1,5)``."""
    return f"({decimal(point[0], 3)}; {decimal(point[1], 3)})"


def nice_ticks(top: float, count: int = 4, integer: bool = False) -> np.ndarray:
    """Angka sumbu 0, d, 2d, … sampai ≥ ``top``, sekitar ``count`` + 1 angka.

    Jaraknya d = 1, 2, 2,5, 5, atau 10 kali 10^k (paling sedikit 1 bila ``integer``).
    """
    raw = max(float(top), 1e-300) / count
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    step = max(step, 1.0) if integer else step
    return np.arange(0, np.ceil(top / step - 1e-9) + 1) * step


_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _power_label(k: int) -> str:
    return {0: "1", 1: "10"}.get(k, f"10{str(k).translate(_SUPERSCRIPT)}")    # 10⁻³


def cost_axis(costs):
    """Sumbu biaya grafik: ``(ys, ticks, log)``.

    ``ys[i]`` adalah tinggi ``costs[i]`` dari 0 (atas) sampai 1 (bawah); ``ticks`` berisi
    pasangan (tinggi, label). Skala log (label 1, 10, 10⁻³) bila biayanya melintasi lebih
    dari dua dekade; biaya 0 tepat digambar di dasar.
    """
    costs = np.asarray(costs, dtype=float)
    floor = max(costs.max() * 1e-15, 1e-300)
    if costs.max() / max(costs.min(), floor) <= 100:
        values = nice_ticks(costs.max() or 1.0)
        ticks = [(1 - v / values[-1], decimal(v, 3)) for v in values]
        return 1 - costs / values[-1], ticks, False
    lo = np.floor(np.log10(max(costs.min(), floor)))
    hi = np.ceil(np.log10(costs.max()))
    powers = np.arange(hi, lo - 1, -1).astype(int)
    ticks = [((hi - k) / (hi - lo), _power_label(k))          # paling banyak 6, atas ikut
             for k in powers[::-(-len(powers) // 6)]]
    return (hi - np.log10(np.maximum(costs, 10.0**lo))) / (hi - lo), ticks, True
