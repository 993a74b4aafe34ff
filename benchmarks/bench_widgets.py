"""Tolok ukur penjelajah (konvolusi, pooling, neuron, softmax, penurunan gradien): waktu satu
pembaruan di sisi kernel.

Jalankan dari akar repositori::

    python benchmarks/bench_widgets.py

Untuk setiap kontrol, nilainya diubah bolak-balik, dan yang diukur adalah waktu sampai widget
selesai menghitung ulang semua angka dan menyusun ulang gambar SVG-nya (tanpa peramban).
Targetnya ≤ 50 ms per pembaruan. Rasio dibandingkan dengan satu panggilan
``saraf.ops.conv2d`` (atau ``max_pool2d``, ``softmax``, satu perkalian titik neuron, jalur
penurunan gradien tanpa gambar) polos
pada data yang sama, diukur dalam kali jalan yang sama. Skrip ini bukan uji; ia hanya mencetak tabel berbahasa Indonesia.
"""

import os
import sys
from pathlib import Path

import numpy as np

import _common
from _common import fmt

try:
    from saraf import ops
except ImportError:  # belum dipasang: pakai salinan di lib/
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
    from saraf import ops

from saraf.widgets import (conv_explorer, gradient_descent_explorer, neuron_explorer,
                           pool_explorer, softmax_explorer)
from saraf.widgets.gradient_descent_state import run_path

REPEATS = 7          # waktu terbaik dari sekian ulangan
LIMIT_MS = 50.0


def best_ms(fn, repeats=REPEATS):
    """Waktu terbaik (ms) dari `repeats` kali pemanggilan, setelah satu pemanasan."""
    return _common.best_ms(fn, repeats)


def toggle(control, a, b):
    """Fungsi yang mengganti nilai kontrol bolak-balik antara a dan b."""
    def change():
        control.value = b if control.value == a else a
    return change


def table(title, baseline_name, baseline_ms, rows):
    print(f"\n{title}")
    print(f"dasar: {baseline_name} = {fmt(baseline_ms, 3)} ms")
    print(f"{'kontrol yang diubah':<34}{'waktu (ms)':>11}{'rasio':>9}   ≤ {LIMIT_MS:g} ms")
    for name, ms in rows:
        mark = "ya" if ms <= LIMIT_MS else "TIDAK"
        print(f"{name:<34}{fmt(ms):>11}{fmt(ms / baseline_ms, 0):>9}   {mark}")


def bench_conv():
    explorer = conv_explorer(source="mnist", kernel="sobel")
    image, kernel = explorer.image.astype(float), explorer.kernel
    baseline = best_ms(lambda: ops.conv2d(image, kernel))

    def next_cell():
        explorer.cell.value = (explorer.cell.value + 1) % (explorer.cell.max + 1)

    box = explorer.kernel_inputs[0][0]
    rows = [
        ("membuat penjelajah (MNIST)", best_ms(lambda: conv_explorer(source="mnist"))),
        ("sel keluaran (satu langkah Putar)", best_ms(next_cell)),
        ("stride 1 ↔ 2", best_ms(toggle(explorer.stride, 1, 2))),
        ("padding 0 ↔ 'same'", best_ms(toggle(explorer.padding, 0, "same"))),
        ("dilasi 1 ↔ 2", best_ms(toggle(explorer.dilation, 1, 2))),
        ("ukuran kernel 3 ↔ 5", best_ms(toggle(explorer.kernel_size, 3, 5))),
        ("kernel siap pakai Sobel ↔ blur", best_ms(toggle(explorer.preset, "sobel", "blur"))),
        ("satu angka kernel diubah", best_ms(toggle(box, 1.0, 2.0))),
        ("masukan MNIST ↔ Fashion-MNIST", best_ms(toggle(explorer.input_choice, "mnist",
                                                           "fashion"))),
    ]
    table("Penjelajah konvolusi, masukan 28 × 28", "ops.conv2d polos (28 × 28, kernel 3 × 3)",
          baseline, rows)
    small = conv_explorer()
    rows = [("stride 1 ↔ 2", best_ms(toggle(small.stride, 1, 2))),
            ("ukuran pola 7 ↔ 12", best_ms(toggle(small.input_size, 7, 12)))]
    base_small = best_ms(lambda: ops.conv2d(small.image, small.kernel))
    table("Penjelajah konvolusi, pola kecil 7 × 7 (angka di setiap sel)",
          "ops.conv2d polos (7 × 7)", base_small, rows)


def bench_pool():
    explorer = pool_explorer(source="mnist")
    image = explorer.image.astype(float)
    baseline = best_ms(lambda: ops.max_pool2d(image, 2))

    def next_cell():
        explorer.cell.value = (explorer.cell.value + 1) % (explorer.cell.max + 1)

    rows = [
        ("membuat penjelajah (MNIST)", best_ms(lambda: pool_explorer(source="mnist"))),
        ("sel keluaran (satu langkah Putar)", best_ms(next_cell)),
        ("mode max ↔ rata-rata", best_ms(toggle(explorer.mode, "max", "avg"))),
        ("ukuran pool 2 ↔ 3", best_ms(toggle(explorer.pool_size, 2, 3))),
        ("stride 2 ↔ 1", best_ms(toggle(explorer.stride, 2, 1))),
        ("padding 'valid' ↔ 'same'", best_ms(toggle(explorer.padding, "valid", "same"))),
    ]
    table("Penjelajah pooling, masukan 28 × 28", "ops.max_pool2d polos (28 × 28, 2 × 2)",
          baseline, rows)


def bench_neuron():
    explorer = neuron_explorer()
    points = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    weights = np.array([1.0, 1.0])
    baseline = best_ms(lambda: ops.sigmoid(points @ weights - 1.5))
    rows = [
        ("membuat penjelajah", best_ms(neuron_explorer)),
        ("bobot w1 1,0 ↔ 1,2", best_ms(toggle(explorer.w1_slider, 1.0, 1.2))),
        ("bias b −1,5 ↔ −0,5", best_ms(toggle(explorer.bias_slider, -1.5, -0.5))),
        ("fungsi aktivasi tangga ↔ sigmoid",
         best_ms(toggle(explorer.activation_dropdown, "step", "sigmoid"))),
    ]
    table("Penjelajah neuron (bidang keputusan)", "ops.sigmoid polos (4 titik)", baseline, rows)


def bench_softmax():
    names = [str(i) for i in range(10)]
    explorer = softmax_explorer(class_names=names)
    logits = np.linspace(-2, 3, 10)
    baseline = best_ms(lambda: ops.softmax(logits))
    rows = [
        ("membuat penjelajah (10 kelas)", best_ms(lambda: softmax_explorer(class_names=names))),
        ("satu logit 0,0 ↔ 2,0", best_ms(toggle(explorer.logit_sliders[3], 0.0, 2.0))),
        ("temperatur T 1 ↔ 5", best_ms(toggle(explorer.temperature_slider, 1.0, 5.0))),
    ]
    table("Penjelajah softmax", "ops.softmax polos (10 logit)", baseline, rows)


def bench_gradient_descent():
    explorer = gradient_descent_explorer()
    baseline = best_ms(lambda: run_path("lembah", (-3.5, 1.5), "SGD", 0.1, 50))
    rows = [
        ("membuat penjelajah (50 langkah)", best_ms(gradient_descent_explorer)),
        ("laju pembelajaran η 0,1 ↔ 0,195", best_ms(toggle(explorer.eta_slider, 0.1, 0.195))),
        ("titik awal pertama ↔ kedua", best_ms(toggle(explorer.start_dropdown, 0, 1))),
        ("pengoptimal SGD ↔ Adam", best_ms(toggle(explorer.method_dropdown, "SGD", "Adam"))),
        ("permukaan lembah ↔ pelana", best_ms(toggle(explorer.surface_dropdown, "lembah",
                                                     "pelana"))),
    ]
    explorer.steps_slider.value = 300          # kasus terberat: langkah terbanyak
    explorer.method_dropdown.value = "Adam"
    rows.append(("Adam, 300 langkah: η 0,1 ↔ 0,195",
                 best_ms(toggle(explorer.eta_slider, 0.1, 0.195))))
    explorer.method_dropdown.value = "momentum"
    rows.append(("momentum, 300 langkah: μ 0,9 ↔ 0,5",
                 best_ms(toggle(explorer.hyper_sliders["momentum"], 0.9, 0.5))))
    table("Penjelajah penurunan gradien (lembah memanjang)",
          "run_path polos (SGD, 50 langkah, tanpa gambar)", baseline, rows)


def main():
    print(f"Mesin: {os.cpu_count()} inti CPU, NumPy {np.__version__}; "
          f"waktu terbaik dari {REPEATS} kali, tanpa peramban.")
    bench_conv()
    bench_pool()
    bench_neuron()
    bench_softmax()
    bench_gradient_descent()


if __name__ == "__main__":
    main()
