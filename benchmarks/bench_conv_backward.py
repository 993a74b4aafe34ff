"""Tolok ukur propagasi balik konvolusi: conv2d_backward vs TensorFlow vs perulangan naif.

Jalankan dari akar repositori::

    python benchmarks/bench_conv_backward.py

Skrip ini bukan uji; ia hanya mencetak tabel waktu (milidetik) berbahasa Indonesia. Yang
diukur: kedua gradien (∂L/∂x dan ∂L/∂kernel) untuk batch 64 × 28 × 28 × 1 float32 dengan
32 kernel 3 × 3, padding "valid" dan "same", stride 1.

* saraf: ``ops.conv2d_backward(x, kernel, grad_output)``;
* tf: satu ``tf.function`` yang menghitung kedua gradien ``tf.nn.conv2d`` dengan
  ``tape.gradient(..., output_gradients=g)``, lalu ``.numpy()`` pada hasilnya, sehingga
  waktunya termasuk mengambil array NumPy;
* naif: :func:`conv2d_backward_naive` di bawah, satu putaran Python per piksel keluaran (per
  gambar, per kernel), seperti ``conv2d_naive``. Versi ini hanya dijalankan pada sebagian
  batch, lalu diskalakan per gambar.

Sebelum mencetak waktu, skrip memeriksa bahwa ketiga versi memberi gradien yang sama
(``np.allclose``). Semua rasio diukur dalam satu kali jalan yang sama. Target isu: saraf
paling lambat 3× TensorFlow, dan ribuan kali lebih cepat daripada versi naif.
"""

import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

import _common  # noqa: E402
from _common import fmt  # noqa: E402

from saraf import ops  # noqa: E402
from saraf.formatting import thousands  # noqa: E402

REPEATS = 20          # terbaik dari sekian ulangan
NAIVE_REPEATS = 3     # versi naif lambat: cukup sekian ulangan
NAIVE_IMAGES = 2      # versi naif hanya dijalankan pada sekian gambar, lalu diskalakan
TARGET_TF = 3.0       # target isu: saraf/tf ≤ 3


def best_ms(fn, repeats=REPEATS):
    """Waktu terbaik (ms) dari `repeats` kali pemanggilan, setelah satu pemanasan."""
    return _common.best_ms(fn, repeats)


def conv2d_backward_naive(x, kernel, grad_output, padding):
    """Gradien konvolusi (stride 1) dengan perulangan per piksel keluaran: versi pembanding.

    Untuk setiap gambar, setiap kernel, dan setiap posisi keluaran (i, j), jendela masukan di
    bawah kernel menyumbang ``jendela · g[i, j]`` ke gradien kernel, dan kernel menyumbang
    ``kernel · g[i, j]`` ke gradien piksel-piksel jendela itu.
    """
    n, h, w, c_in = x.shape
    kh, kw, _, c_out = kernel.shape
    if padding == "same":
        (top, bottom), (left, right) = ops.same_padding(h, kh), ops.same_padding(w, kw)
    else:
        top = bottom = left = right = 0
    padded = np.pad(x, [(0, 0), (top, bottom), (left, right), (0, 0)])
    grad_padded = np.zeros_like(padded)
    grad_kernel = np.zeros_like(kernel)
    out_h, out_w = grad_output.shape[1:3]
    for b in range(n):
        for c in range(c_in):
            image, grad_image = padded[b, :, :, c], grad_padded[b, :, :, c]
            for f in range(c_out):
                k, g = kernel[:, :, c, f], grad_output[b, :, :, f]
                grad_k = grad_kernel[:, :, c, f]
                for i in range(out_h):
                    for j in range(out_w):
                        grad_k += image[i:i + kh, j:j + kw] * g[i, j]
                        grad_image[i:i + kh, j:j + kw] += k * g[i, j]
    return grad_padded[:, top:top + h, left:left + w, :], grad_kernel


def make_tf_gradients(tf, padding):
    """tf.function: (∂L/∂x, ∂L/∂kernel) dari tf.nn.conv2d dengan ∂L/∂keluaran = g."""
    mode = padding.upper()

    @tf.function
    def gradients(x, kernel, g):
        with tf.GradientTape() as tape:
            tape.watch([x, kernel])
            out = tf.nn.conv2d(x, kernel, strides=1, padding=mode)
        return tape.gradient(out, [x, kernel], output_gradients=g)

    return lambda x, kernel, g: tuple(t.numpy() for t in gradients(x, kernel, g))


def check_same(name, ours, reference):
    """Berhenti dengan pesan yang jelas bila dua gradien tidak sama (np.allclose)."""
    for label, a, b in zip(("grad_x", "grad_kernel"), ours, reference):
        scale = max(1.0, float(np.abs(b).max()))
        if not np.allclose(a, b, rtol=1e-4, atol=1e-5 * scale):
            sys.exit(f"[saraf] {label} saraf berbeda dari {name}: selisih terbesar "
                     f"{fmt(float(np.abs(a - b).max()), 6)}.")


def main():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 28, 28, 1)).astype(np.float32)
    kernel = rng.standard_normal((3, 3, 1, 32)).astype(np.float32)
    n_images, n_filters = x.shape[0], kernel.shape[-1]
    scale = n_images / NAIVE_IMAGES
    tf = _common.load_tensorflow()

    print("Tolok ukur propagasi balik konvolusi saraf (conv2d_backward)")
    print(f"Mesin: {os.cpu_count()} inti CPU | NumPy {np.__version__} | "
          f"TensorFlow {tf.__version__ if tf else 'tidak terpasang'}")
    print(f"Masukan: batch {'×'.join(map(str, x.shape))} float32, {n_filters} kernel 3×3, "
          f"stride 1; kedua gradien (∂L/∂x dan ∂L/∂kernel); waktu terbaik dari {REPEATS} "
          "ulangan (ms).")
    print("tf: tf.function dengan tape.gradient(..., output_gradients=g) lalu .numpy(), "
          "masukan tf.Tensor, sudah dipanaskan.")
    print(f"naif: perulangan Python per piksel keluaran, diukur pada {NAIVE_IMAGES} gambar "
          f"(terbaik dari {NAIVE_REPEATS}), lalu dikalikan {fmt(scale, 0)} (per gambar) "
          "untuk seluruh batch.")
    print()

    header = (f"{'padding':<8} | {'saraf (ms)':>10} | {'tf (ms)':>8} | "
              f"{'naif (ms)':>10} | {'saraf/tf':>8} | {'naif/saraf':>10}")
    print(header)
    print("-" * len(header))
    ratios_tf, ratios_naive = {}, {}
    for padding in ("valid", "same"):
        g = rng.standard_normal(ops.conv2d(x, kernel, padding=padding).shape).astype(np.float32)
        ours = ops.conv2d_backward(x, kernel, g, padding=padding)

        # Periksa dulu bahwa ketiga versi sama, baru ukur waktunya.
        part = slice(0, NAIVE_IMAGES)
        naive_part = conv2d_backward_naive(x[part], kernel, g[part], padding)
        check_same("versi naif", ops.conv2d_backward(x[part], kernel, g[part], padding=padding),
                   naive_part)
        if tf is not None:
            tf_gradients = make_tf_gradients(tf, padding)
            x_tf, k_tf, g_tf = tf.constant(x), tf.constant(kernel), tf.constant(g)
            check_same("TensorFlow", ours, tf_gradients(x_tf, k_tf, g_tf))

        saraf_ms = best_ms(lambda: ops.conv2d_backward(x, kernel, g, padding=padding))
        if tf is not None:
            tf_ms = best_ms(lambda: tf_gradients(x_tf, k_tf, g_tf))
            ratios_tf[padding] = saraf_ms / tf_ms
            tf_text, ratio_tf_text = fmt(tf_ms, 3), fmt(ratios_tf[padding]) + "×"
        else:
            tf_text = ratio_tf_text = "-"
        naive_ms = best_ms(lambda: conv2d_backward_naive(x[part], kernel, g[part], padding),
                           repeats=NAIVE_REPEATS) * scale
        ratios_naive[padding] = naive_ms / saraf_ms
        print(f"{padding:<8} | {fmt(saraf_ms, 3):>10} | {tf_text:>8} | {thousands(naive_ms):>10} | "
              f"{ratio_tf_text:>8} | {thousands(ratios_naive[padding]) + '×':>10}")

    print()
    print("Ketiga versi memberi gradien yang sama (np.allclose): ya.")
    if ratios_tf:
        worst = max(ratios_tf.values())
        verdict = "tercapai" if worst <= TARGET_TF else "BELUM tercapai"
        print(f"Target isu saraf/tf ≤ {fmt(TARGET_TF, 0)}×: terburuk {fmt(worst)}× ({verdict}).")
    else:
        print(f"Target isu saraf/tf ≤ {fmt(TARGET_TF, 0)}×: tidak diukur (TensorFlow tidak "
              "terpasang).")
    least = min(ratios_naive.values())
    verdict = "tercapai" if least >= 1000 else "BELUM tercapai"
    print(f"Target isu naif/saraf ≥ 1.000× (ribuan kali): terkecil {thousands(least)}× ({verdict}).")


if __name__ == "__main__":
    main()
