"""Waktu satu epoch pelatihan: CNN NumPy (``saraf.numpy_cnn``) vs arsitektur yang sama di Keras.

Jalankan dari akar repositori::

    python benchmarks/bench_numpy_cnn.py              # 3 epoch setiap pelatih (±1 menit)
    python benchmarks/bench_numpy_cnn.py --epochs 5

Skrip ini bukan uji; ia mencetak tabel berbahasa Indonesia. Kedua pelatih memakai data yang
sama (8.000 digit MNIST bawaan, piksel dibagi 255, float32), arsitektur yang sama
(Conv2D(16, 3 × 3) → ReLU → MaxPool2D(2) → Conv2D(32, 3 × 3) → ReLU → MaxPool2D(2) → Flatten
→ Dense(10), seperti ``assets/numpy_cnn_mnist.npz``), Adam(0,001), mini-batch 32, dan
bobot awal yang sama (bobot awal NumPy disalin ke Keras). Keduanya dilatih bergantian,
satu epoch demi satu epoch, dan yang dilaporkan adalah waktu epoch terbaik. Epoch pertama
Keras (menyusun grafik TensorFlow) dijalankan dulu sebagai pemanasan dan tidak dihitung.
Akurasi uji (2.000 gambar) dicetak untuk menunjukkan bahwa keduanya belajar sama baiknya.

Target isu: satu epoch NumPy paling lama 3× epoch Keras di mesin yang sama.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

import _common  # noqa: E402

from saraf import numpy_cnn  # noqa: E402
from saraf.data import load_mnist  # noqa: E402
from saraf.formatting import thousands  # noqa: E402
from saraf.optim import Adam  # noqa: E402

FILTERS = (16, 32)
BATCH = 32
LEARNING_RATE = 0.001


def keras_twin(net):
    """Model Keras dengan arsitektur dan bobot awal yang sama seperti ``net``."""
    import keras

    model = keras.Sequential([keras.Input((28, 28, 1))])
    for layer in net.layers:
        kind = type(layer).__name__
        if kind == "Conv2D":
            model.add(keras.layers.Conv2D(layer.filters, layer.kernel_size, padding=layer.padding))
        elif kind == "ReLU":
            model.add(keras.layers.ReLU())
        elif kind == "MaxPool2D":
            model.add(keras.layers.MaxPooling2D(layer.size))
        elif kind == "Flatten":
            model.add(keras.layers.Flatten())
        else:
            model.add(keras.layers.Dense(layer.n_out))
    model.set_weights([p.copy() for p in net.params])  # urutan dan bentuknya sama
    model.compile(keras.optimizers.Adam(LEARNING_RATE),
                  keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3, help="epoch per pelatih (bawaan 3)")
    args = parser.parse_args(argv)

    (x_train, y_train), (x_test, y_test) = load_mnist()
    x_train = (x_train / 255).astype(np.float32)[..., np.newaxis]
    x_test = (x_test / 255).astype(np.float32)[..., np.newaxis]
    net = numpy_cnn.build(filters=FILTERS, seed=0)
    model = keras_twin(net)
    import keras  # setelah model dibuat: impor TensorFlow tidak ikut terukur

    keras.utils.set_random_seed(0)
    optimizer = Adam(LEARNING_RATE)
    model.fit(x_train[:BATCH * 4], y_train[:BATCH * 4], batch_size=BATCH, epochs=1, verbose=0)
    times = {"numpy": [], "keras": []}
    for _ in range(args.epochs):
        times["numpy"].append(net.fit(x_train, y_train, 1, BATCH, optimizer)[0]["seconds"])
        start = time.perf_counter()
        model.fit(x_train, y_train, batch_size=BATCH, epochs=1, verbose=0, shuffle=True)
        times["keras"].append(time.perf_counter() - start)
    numpy_acc = net.evaluate(x_test, y_test) / len(y_test)
    keras_acc = float(np.mean(model.predict(x_test, verbose=0).argmax(axis=1) == y_test))
    best = {key: min(value) for key, value in times.items()}

    print("Tolok ukur satu epoch pelatihan CNN: NumPy (saraf.numpy_cnn) vs Keras")
    print(f"Mesin: {os.cpu_count()} inti CPU | NumPy {np.__version__} | Keras {keras.__version__}"
          f" | {thousands(len(x_train))} digit MNIST bawaan, mini-batch {BATCH}, Adam")
    print(f"Arsitektur: {net} | {args.epochs} epoch per pelatih, waktu terbaik")
    print()
    print(f"{'pelatih':<34}{'detik/epoch':>12}{'akurasi uji':>14}")
    print("-" * 60)
    print(f"{'saraf.numpy_cnn (NumPy)':<34}{_common.fmt(best['numpy'], 2):>12}"
          f"{_common.fmt(100 * numpy_acc, 1) + '%':>14}")
    print(f"{'Keras (TensorFlow)':<34}{_common.fmt(best['keras'], 2):>12}"
          f"{_common.fmt(100 * keras_acc, 1) + '%':>14}")
    ratio = best["numpy"] / best["keras"]
    print(f"Satu epoch NumPy = {_common.fmt(ratio, 2)}× epoch Keras (target isu: ≤ 3×).")


if __name__ == "__main__":
    main()
