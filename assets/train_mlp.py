"""Melatih ulang ``assets/mlp_784_30_10.npz``: jaringan 784-30-10 untuk pelajaran berikutnya.

Jalankan dari akar repositori::

    python assets/train_mlp.py            # menulis assets/mlp_784_30_10.npz
    python assets/train_mlp.py --check    # hanya melatih dan membandingkan dengan berkas yang ada

Resepnya (semua tetap, jadi hasilnya dapat diulang):

* data: MNIST bawaan ``saraf.data.load_mnist()`` (8.000 gambar latih; 2.000 gambar uji hanya
  untuk melaporkan akurasi, tidak dipakai untuk memilih apa pun), piksel dibagi 255;
* jaringan: ``Network([784, 30, 10], seed=0, init="xavier", cost="cross_entropy")``;
* pelatihan: ``sgd`` 30 epoch, mini-batch 10, laju pembelajaran η = 0,5.

Dengan seed yang sama, mesin yang sama menghasilkan bobot yang sama persis. CPU lain
(instruksi SIMD, pustaka BLAS, banyak thread) dapat menggeser angka di digit terakhir, jadi
skrip ini mencetak akurasi dan sidik jari bobot (SHA-256 isi array) agar mudah dibandingkan.

Lisensi: bobot ini diturunkan dari MNIST (CC BY-SA 3.0, LeCun, Cortes, Burges).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import numpy as np  # noqa: E402

from saraf.data import load_mnist  # noqa: E402
from saraf.mlp import Network  # noqa: E402

OUTPUT = ROOT / "assets" / "mlp_784_30_10.npz"
SIZES = [784, 30, 10]
SEED = 0
EPOCHS = 30
MINI_BATCH_SIZE = 10
ETA = 0.5


def fingerprint(net: Network) -> str:
    """SHA-256 dari semua bobot dan bias (float64, urutan lapisan)."""
    digest = hashlib.sha256()
    for w, b in zip(net.weights, net.biases):
        digest.update(np.ascontiguousarray(w, dtype="<f8").tobytes())
        digest.update(np.ascontiguousarray(b, dtype="<f8").tobytes())
    return digest.hexdigest()


def train() -> Network:
    (x_train, y_train), (x_test, y_test) = load_mnist()
    x_train = x_train.reshape(len(x_train), -1) / 255
    x_test = x_test.reshape(len(x_test), -1) / 255
    net = Network(SIZES, seed=SEED, init="xavier", cost="cross_entropy")
    history = net.sgd(x_train, y_train, EPOCHS, MINI_BATCH_SIZE, ETA,
                      test_data=(x_test, y_test), progress=True)
    for h in history[4::5]:
        print(f"epoch {h['epoch']:2d}: biaya latih {h['cost']:.4f}, "
              f"akurasi latih {h['accuracy']:.4f}, akurasi uji {h['test_accuracy']:.4f}")
    return net


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="jangan menulis; bandingkan dengan berkas yang sudah ada")
    args = parser.parse_args()
    net = train()
    print(f"sidik jari bobot: {fingerprint(net)}")
    if args.check:
        saved = Network.load(OUTPUT)
        same = all(np.array_equal(a, b) for a, b in
                   zip(saved.weights + saved.biases, net.weights + net.biases))
        close = all(np.allclose(a, b, rtol=1e-6, atol=1e-8) for a, b in
                    zip(saved.weights + saved.biases, net.weights + net.biases))
        print(f"berkas tersimpan: {fingerprint(saved)}")
        print("sama persis" if same else ("sama (selisih pembulatan saja)" if close
                                           else "BERBEDA"))
        sys.exit(0 if close else 1)
    net.save(OUTPUT)
    print(f"tersimpan: {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size:,} bita)")


if __name__ == "__main__":
    main()
