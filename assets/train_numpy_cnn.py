"""Melatih ulang CNN NumPy tersimpan ``assets/numpy_cnn_mnist.npz`` (``saraf.numpy_cnn``).

Jalankan dari akar repositori::

    python assets/train_numpy_cnn.py            # menulis assets/numpy_cnn_mnist.npz
    python assets/train_numpy_cnn.py --check    # hanya melatih dan membandingkan akurasinya
    python assets/train_numpy_cnn.py --filters 8,16 --epochs 3 --out /tmp/kecil.npz

Resep bawaan (semua tetap, jadi dapat diulang):

* data: MNIST bawaan ``saraf.data.load_mnist()`` (8.000 gambar latih; 2.000 gambar uji hanya
  untuk melaporkan akurasi, tidak dipakai untuk memilih apa pun), piksel dibagi 255;
* jaringan: ``saraf.numpy_cnn.build(filters=(16, 32), seed=0)``: Conv2D(16, 3 × 3) → ReLU →
  MaxPool2D(2) → Conv2D(32, 3 × 3) → ReLU → MaxPool2D(2) → Flatten → Dense(10);
* augmentasi: setiap epoch, setiap gambar latih digeser acak paling jauh ``--shift`` piksel
  (bawaan 2) ke kiri/kanan dan atas/bawah; tepi yang kosong diisi 0 (hitam). Dengan hanya
  8.000 contoh, pergeseran kecil ini mengurangi *overfitting*;
* pelatihan: ``Adam(0.002)``, mini-batch 32, 10 epoch; laju pembelajaran dibagi 4 untuk
  ``--slow-epochs`` epoch terakhir (bawaan 3).

Angka di digit terakhir bobot dapat berbeda di CPU lain (SIMD, BLAS), jadi ``--check``
membandingkan akurasi uji, bukan bobot. Lisensi bobot: diturunkan dari MNIST (CC BY-SA 3.0).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

import numpy as np  # noqa: E402

from saraf import numpy_cnn  # noqa: E402
from saraf.data import load_mnist  # noqa: E402
from saraf.formatting import percent, thousands  # noqa: E402
from saraf.optim import Adam  # noqa: E402

DEFAULTS = {"filters": (16, 32), "epochs": 10, "slow_epochs": 3, "batch": 32,
            "learning_rate": 0.002, "shift": 2, "seed": 0, "source": "embedded"}


def shifted(images, rng, max_shift):
    """Setiap gambar ``(N, 28, 28)`` digeser acak −max_shift … max_shift piksel per sumbu."""
    if max_shift == 0:
        return images
    n, h, w = images.shape
    padded = np.pad(images, [(0, 0), (max_shift, max_shift), (max_shift, max_shift)])
    dy, dx = rng.integers(0, 2 * max_shift + 1, size=(2, n))
    rows = dy[:, None] + np.arange(h)              # (N, 28): baris yang diambil
    cols = dx[:, None] + np.arange(w)              # (N, 28): kolom yang diambil
    return padded[np.arange(n)[:, None, None], rows[:, :, None], cols[:, None, :]]


def train(args):
    """Melatih CNN menurut opsi ``args``; mencetak kemajuan setiap epoch."""
    (x_train, y_train), (x_test, y_test) = load_mnist(source=args.source)
    x_train, x_test = x_train / 255, x_test / 255
    net = numpy_cnn.build(filters=args.filters, seed=args.seed)
    print(net)
    rng = np.random.default_rng(args.seed)
    optimizer = Adam(args.learning_rate)
    for epoch in range(1, args.epochs + 1):
        if epoch == args.epochs - args.slow_epochs + 1:
            optimizer.learning_rate = args.learning_rate / 4
        h = net.fit(shifted(x_train, rng, args.shift), y_train, 1, args.batch, optimizer,
                    validation_data=(x_test, y_test), progress=True)[0]
        print(f"epoch {epoch:2d}: kerugian latih {h['loss']:.4f}, akurasi latih "
              f"{h['accuracy']:.4f}, akurasi uji {h['val_accuracy']:.4f} "
              f"({h['seconds']:.1f} detik)")
    accuracy = net.evaluate(x_test, y_test) / len(y_test)
    print(f"akurasi uji akhir: {percent(accuracy, 2)} dari {thousands(len(y_test))} gambar "
          "yang tidak pernah dilihat saat pelatihan")
    return net, accuracy


def filters_option(text: str) -> tuple[int, ...]:
    """``"16,32"`` → ``(16, 32)`` (untuk argparse)."""
    try:
        filters = tuple(int(part) for part in text.split(","))
    except ValueError:
        filters = ()
    if not filters or min(filters) < 1:
        raise argparse.ArgumentTypeError(
            f"harus bilangan bulat ≥ 1 dipisah koma, misalnya 16,32; yang diberikan: {text!r}")
    return filters


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--filters", type=filters_option, default=DEFAULTS["filters"],
        help="banyak kernel setiap lapisan konvolusi, dipisah koma (bawaan: 16,32)")
    add("--epochs", type=int, default=DEFAULTS["epochs"], help="banyak epoch (bawaan: 10)")
    add("--slow-epochs", type=int, default=DEFAULTS["slow_epochs"],
        help="banyak epoch terakhir dengan laju pembelajaran dibagi 4 (bawaan: 3)")
    add("--batch", type=int, default=DEFAULTS["batch"], help="ukuran mini-batch (bawaan: 32)")
    add("--learning-rate", type=float, default=DEFAULTS["learning_rate"],
        help="laju pembelajaran Adam (bawaan: 0.002)")
    add("--shift", type=int, default=DEFAULTS["shift"],
        help="pergeseran acak terjauh (piksel) untuk augmentasi; 0 = tanpa (bawaan: 2)")
    add("--seed", type=int, default=DEFAULTS["seed"],
        help="seed bobot awal, urutan data, dan pergeseran (bawaan: 0)")
    add("--source", choices=("embedded", "full"), default=DEFAULTS["source"],
        help="data MNIST: embedded = 8.000 gambar bawaan, full = 60.000 (bawaan: embedded)")
    add("--out", type=Path, default=numpy_cnn.PRETRAINED_PATH,
        help="berkas .npz yang ditulis (bawaan: assets/numpy_cnn_mnist.npz)")
    add("--check", action="store_true",
        help="jangan menulis; bandingkan akurasi uji dengan berkas yang sudah ada")
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = parse_args(argv)
    net, accuracy = train(args)
    if args.check:
        (_, _), (x_test, y_test) = load_mnist(source=args.source)
        saved = numpy_cnn.ConvNet.load(args.out).evaluate(x_test / 255, y_test) / len(y_test)
        print(f"akurasi uji berkas tersimpan: {percent(saved, 2)}")
        sys.exit(0 if abs(saved - accuracy) <= 0.005 else 1)
    net.save(args.out)
    print(f"tersimpan: {args.out} ({thousands(args.out.stat().st_size)} byte)")


if __name__ == "__main__":
    main()
