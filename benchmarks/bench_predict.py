"""Tolok ukur prediksi satu gambar: saraf.predict.predict_digit vs model.predict Keras.

Jalankan dari akar repositori::

    python benchmarks/bench_predict.py

Skrip ini bukan uji; ia mencetak tabel waktu (milidetik) berbahasa Indonesia. Yang diukur:
CNN pelajaran 12 (``assets/cnn_mnist.keras``) dan MLP pelajaran 10
(``assets/mlp_784_30_10.npz``, bila ada), masing-masing untuk satu gambar MNIST 28 × 28.
Semua rasio diukur dalam satu kali jalan yang sama.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

import _common  # noqa: E402
from _common import fmt  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
try:
    import saraf  # noqa: F401
except ImportError:  # belum dipasang: pakai salinan di lib/
    sys.path.insert(0, str(ROOT / "lib"))

from saraf.data import load_mnist  # noqa: E402
from saraf.predict import predict_digit  # noqa: E402
from saraf.resources import asset  # noqa: E402

REPEATS = {"predict": 30, "fast": 300}


def timings_ms(fn, repeats):
    """(terbaik, median) dalam milidetik dari `repeats` panggilan, setelah dua pemanasan."""
    return _common.timings_ms(fn, repeats, warmups=2)


def row(name, best, median, reference=None):
    ratio = "" if reference is None else f"{fmt(reference / best, 0):>8}×"
    print(f"{name:<40} {fmt(best):>10} {fmt(median):>10} {ratio}")


def main():
    import keras
    import tensorflow as tf

    from saraf import cnn

    _, (x_test, _) = load_mnist()
    image = x_test[0]
    batch = cnn.prepare_images(image[np.newaxis])

    print("Tolok ukur prediksi satu gambar (saraf.predict)")
    print(f"Mesin: {os.cpu_count()} inti CPU | NumPy {np.__version__} | TensorFlow "
          f"{tf.__version__} | Keras {keras.__version__}")
    print(f"Waktu per panggilan (ms): terbaik dan median dari {REPEATS['predict']} "
          f"(model.predict) atau {REPEATS['fast']} panggilan, setelah pemanasan.")
    print("Rasio = waktu terbaik model.predict / waktu terbaik baris itu.")
    print()
    header = f"{'cara':<40} {'terbaik':>10} {'median':>10} {'rasio':>9}"

    model = cnn.load_pretrained("mnist")
    print(f"CNN pelajaran 12 ({model.count_params()} parameter), masukan (1, 28, 28, 1):")
    print(header)
    print("-" * len(header))
    slow, slow_median = timings_ms(lambda: model.predict(batch, verbose=0), REPEATS["predict"])
    row("model.predict(batch, verbose=0)", slow, slow_median, slow)
    best, median = timings_ms(lambda: model(batch, training=False), REPEATS["fast"])
    row("model(batch, training=False)", best, median, slow)
    best, median = timings_ms(lambda: model.predict_on_batch(batch), REPEATS["fast"])
    row("model.predict_on_batch(batch)", best, median, slow)
    best, median = timings_ms(lambda: predict_digit(model, image), REPEATS["fast"])
    row("predict_digit(model, image)", best, median, slow)  # lewat predict_on_batch
    digit_fast = predict_digit(model, image)[0]
    digit_slow = int(np.argmax(model.predict(batch, verbose=0)))
    print(f"prediksi sama: {digit_fast == digit_slow} (angka {digit_fast})")

    mlp_path = asset("mlp_784_30_10.npz")
    if mlp_path.is_file():
        from saraf.mlp import Network

        net = Network.load(mlp_path)
        flat = image.reshape(1, -1) / 255
        print()
        print(f"MLP pelajaran 10 {net.sizes} (NumPy), masukan (1, 784):")
        print(header)
        print("-" * len(header))
        best, median = timings_ms(lambda: net.predict_proba(flat), REPEATS["fast"])
        row("net.predict_proba(x)", best, median)
        best, median = timings_ms(lambda: predict_digit(net, image), REPEATS["fast"])
        row("predict_digit(net, image)", best, median)
    else:
        print(f"\n({mlp_path.name} belum ada: MLP dilewati.)")


if __name__ == "__main__":
    main()
