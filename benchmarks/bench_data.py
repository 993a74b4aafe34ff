"""Waktu memuat data bawaan, dibandingkan dengan `np.load` polos atas berkas yang sama.

Jalankan dari akar repositori:  python benchmarks/bench_data.py
Rasio > 1 adalah biaya pemeriksaan SHA-256 dan bentuk array yang dilakukan `saraf.data`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

import numpy as np  # noqa: E402

from saraf import data  # noqa: E402

from _common import fmt  # noqa: E402  (koma desimal)


def best_of(function, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_load(filename: str):
    with np.load(data.DATA_DIR / filename, allow_pickle=False) as npz:
        return [npz[k] for k in ("x_train", "y_train", "x_test", "y_test")]


def main() -> None:
    print(f"Mesin: {os.cpu_count()} inti CPU, NumPy {np.__version__}; waktu terbaik dari 7 kali.")
    print(f"{'data':<28}{'saraf.data (ms)':>16}{'np.load polos (ms)':>20}{'rasio':>8}")
    for name, loader in (("MNIST bawaan", data.load_mnist),
                         ("Fashion-MNIST bawaan", data.load_fashion_mnist)):
        key = "mnist" if loader is data.load_mnist else "fashion_mnist"
        ours = best_of(loader)
        plain = best_of(lambda: plain_load(data.EMBEDDED_FILES[key][0]))
        print(f"{name:<28}{fmt(ours * 1e3, 1):>16}{fmt(plain * 1e3, 1):>20}{fmt(ours / plain):>8}")
    if data.DEBIAN_FASHION_DIR.is_dir():
        full = best_of(lambda: data.load_fashion_mnist(source="full", download=False), repeat=3)
        print(f"{'Fashion-MNIST lengkap':<28}{fmt(full * 1e3, 1):>16}{'-':>20}{'-':>8}")


if __name__ == "__main__":
    main()
