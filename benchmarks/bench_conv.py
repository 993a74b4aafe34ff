"""Tolok ukur konvolusi: saraf.ops.conv2d vs tf.nn.conv2d vs conv2d_naive.

Jalankan dari akar repositori::

    python benchmarks/bench_conv.py

Skrip ini bukan uji; ia hanya mencetak tabel waktu (milidetik) berbahasa
Indonesia. Semua rasio diukur dalam satu kali jalan yang sama.
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

REPEATS = 20          # terbaik dari sekian ulangan
NAIVE_IMAGES = 2      # conv2d_naive hanya dijalankan pada sebagian batch ...
NAIVE_FILTERS = 4     # ... dan sebagian kernel, lalu diskalakan


def best_ms(fn, repeats=REPEATS):
    """Waktu terbaik (ms) dari `repeats` kali pemanggilan, setelah satu pemanasan."""
    return _common.best_ms(fn, repeats)


def main():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 28, 28, 1)).astype(np.float32)
    kernel = rng.standard_normal((3, 3, 1, 32)).astype(np.float32)
    n_images, n_filters = x.shape[0], kernel.shape[-1]
    scale = (n_images / NAIVE_IMAGES) * (n_filters / NAIVE_FILTERS)
    tf = _common.load_tensorflow()

    print("Tolok ukur konvolusi saraf")
    print(f"Mesin: {os.cpu_count()} inti CPU | NumPy {np.__version__} | "
          f"TensorFlow {tf.__version__ if tf else 'tidak terpasang'}")
    print(f"Masukan: batch {'×'.join(map(str, x.shape))} float32, "
          f"{n_filters} kernel 3×3; waktu terbaik dari {REPEATS} ulangan (ms).")
    print(f"conv2d_naive diukur pada {NAIVE_IMAGES} gambar × {NAIVE_FILTERS} kernel, "
          f"lalu dikalikan {fmt(scale, 0)} (per gambar, per kernel) untuk seluruh batch.")
    print("tf.nn.conv2d: mode eager, masukan tf.Tensor, sudah dipanaskan.")
    print()

    header = (f"{'padding':<8} | {'saraf (ms)':>10} | {'tf (ms)':>8} | "
              f"{'naive (ms)':>11} | {'saraf/tf':>8} | {'naive/saraf':>11}")
    print(header)
    print("-" * len(header))
    for padding, naive_padding in [("valid", 0), ("same", 1)]:
        saraf_ms = best_ms(lambda: ops.conv2d(x, kernel, padding=padding))

        if tf is not None:
            x_tf, k_tf = tf.constant(x), tf.constant(kernel)
            tf_mode = padding.upper()
            ref = tf.nn.conv2d(x_tf, k_tf, strides=1, padding=tf_mode).numpy()
            diff = np.abs(ops.conv2d(x, kernel, padding=padding) - ref).max()
            assert diff <= 1e-4, f"Hasil saraf berbeda dari TensorFlow: {diff}"
            tf_ms = best_ms(lambda: tf.nn.conv2d(x_tf, k_tf, strides=1, padding=tf_mode))
            ratio_tf = fmt(saraf_ms / tf_ms) + "×"
            tf_text = fmt(tf_ms, 3)
        else:
            ratio_tf = tf_text = "-"

        # "same" untuk kernel 3×3 dan stride 1 sama dengan padding 1 di setiap sisi.
        def naive_subset():
            for i in range(NAIVE_IMAGES):
                for f in range(NAIVE_FILTERS):
                    ops.conv2d_naive(x[i, :, :, 0], kernel[:, :, 0, f], padding=naive_padding)

        naive_ms = best_ms(naive_subset, repeats=3) * scale
        print(f"{padding:<8} | {fmt(saraf_ms, 3):>10} | {tf_text:>8} | "
              f"{fmt(naive_ms, 1):>11} | {ratio_tf:>8} | {fmt(naive_ms / saraf_ms, 0) + '×':>11}")

    print()
    print("Satu pembaruan widget (satu gambar 28×28):")
    image = rng.standard_normal((28, 28)).astype(np.float32)
    k2 = rng.standard_normal((3, 3)).astype(np.float32)
    conv_ms = best_ms(lambda: ops.conv2d(image, k2, padding="same"), repeats=200)
    pool_ms = best_ms(lambda: ops.max_pool2d(image, 2), repeats=200)
    print(f"  conv2d 28×28 dengan kernel 3×3 : {fmt(conv_ms, 3)} ms")
    print(f"  max_pool2d 28×28 (2×2)         : {fmt(pool_ms, 3)} ms")


if __name__ == "__main__":
    main()
