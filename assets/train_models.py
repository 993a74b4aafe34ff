"""Melatih ulang model terlatih yang tersimpan di folder ini, dengan seed tetap.

Jalankan dari akar repositori::

    python assets/train_models.py                # cnn_mnist.keras (±20 detik di 2 inti CPU)
    python assets/train_models.py --check        # latih, bandingkan dengan berkas yang ada
    python assets/train_models.py --fashion-full # ukur CNN pelajaran 13 dengan Fashion-MNIST
                                                 # lengkap (60.000 gambar; tidak menyimpan apa pun)

Yang dibuat:

* ``cnn_mnist.keras``: CNN pelajaran 12 (``saraf.cnn.build_mnist_cnn()``), dilatih persis
  seperti di notebook 12: MNIST bawaan, 10% data latih untuk validasi (berstrata, seed 0),
  seed 42, 8 epoch, ukuran batch 64, Adam, sparse categorical cross-entropy. Disimpan tanpa
  keadaan pengoptimal (lebih kecil) dan dimuat dengan ``saraf.cnn.load_pretrained("mnist")``
  (``safe_mode=True``). Pelajaran 14 dan 15 memakainya, sehingga keduanya berjalan walaupun
  Anda belum melatih apa pun.

Model MLP ``mlp_784_30_10.npz`` dan ``mlp_784_16_16_10.npz`` dibuat oleh ``assets/train_mlp.py``
(pelajaran 10), dan CNN NumPy ``numpy_cnn_mnist.npz`` oleh ``assets/train_numpy_cnn.py``
(pelajaran 11), bukan skrip ini.

Hasilnya sama persis setiap kali di mesin yang sama (seed + operasi deterministik). Di CPU
lain angkanya bisa sedikit berbeda; akurasinya tetap sekitar 98%.
Data: MNIST CC BY-SA 3.0 (LeCun, Cortes, Burges); Fashion-MNIST MIT (Zalando SE).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("PYTHONHASHSEED", "0")

HERE = Path(__file__).resolve().parent
try:
    from saraf import cnn
except ImportError:  # belum dipasang: pakai salinan di lib/
    sys.path.insert(0, str(HERE.parent / "lib"))
    from saraf import cnn

import numpy as np  # noqa: E402

from saraf.data import load_fashion_mnist, load_mnist  # noqa: E402

#: Pengaturan yang sama dengan notebook 12 dan 13.
MNIST_SETTINGS = {"seed": 42, "split_seed": 0, "val_fraction": 0.1, "epochs": 8, "batch_size": 64}
FASHION_SETTINGS = {"seed": 42, "split_seed": 0, "val_fraction": 0.1, "epochs": 10,
                    "batch_size": 64}


def train_mnist(verbose: bool = True):
    """CNN pelajaran 12 yang sudah dilatih, beserta akurasi data ujinya dan lama pelatihan."""
    s = MNIST_SETTINGS
    (x_train, y_train), (x_test, y_test) = load_mnist()
    (x_tr, y_tr), (x_val, y_val) = cnn.train_val_split(x_train, y_train, s["val_fraction"],
                                                       seed=s["split_seed"])
    cnn.make_reproducible(s["seed"])
    model = cnn.compile_model(cnn.build_mnist_cnn())
    start = time.perf_counter()
    cnn.train(model, x_tr, y_tr, validation_data=(x_val, y_val), epochs=s["epochs"],
              batch_size=s["batch_size"], seed=s["seed"], verbose=verbose)
    seconds = time.perf_counter() - start
    _, accuracy = model.evaluate(cnn.prepare_images(x_test), y_test, verbose=0)
    return model, accuracy, seconds


def save_without_optimizer(model, path: Path) -> Path:
    """Salinan tanpa kompilasi (tanpa keadaan Adam) dengan bobot yang sama: berkas lebih kecil."""
    plain = cnn.build_mnist_cnn()
    plain.set_weights(model.get_weights())
    return cnn.save_model(plain, path)


def measure_fashion_full() -> None:
    """Melatih CNN pelajaran 13 dengan Fashion-MNIST lengkap dan mencetak akurasinya."""
    s = FASHION_SETTINGS
    (x_train, y_train), (x_test, y_test) = load_fashion_mnist(source="full")
    (x_tr, y_tr), (x_val, y_val) = cnn.train_val_split(x_train, y_train, s["val_fraction"],
                                                       seed=s["split_seed"])
    cnn.make_reproducible(s["seed"])
    model = cnn.compile_model(cnn.build_fashion_cnn())
    start = time.perf_counter()
    cnn.train(model, x_tr, y_tr, validation_data=(x_val, y_val), epochs=s["epochs"],
              batch_size=s["batch_size"], seed=s["seed"])
    seconds = time.perf_counter() - start
    _, accuracy = model.evaluate(cnn.prepare_images(x_test), y_test, verbose=0)
    print(f"Fashion-MNIST lengkap: {len(x_tr)} data latih, {len(x_val)} data validasi; "
          f"pelatihan {seconds:.0f} detik; akurasi data uji (10.000 gambar) {accuracy:.4f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="latih, lalu bandingkan bobotnya dengan berkas yang ada")
    parser.add_argument("--fashion-full", action="store_true",
                        help="ukur CNN pelajaran 13 dengan Fashion-MNIST lengkap")
    args = parser.parse_args(argv)
    if args.fashion_full:
        measure_fashion_full()
        return 0

    model, accuracy, seconds = train_mnist()
    print(f"cnn_mnist: pelatihan {seconds:.1f} detik, akurasi data uji bawaan {accuracy:.4f}")
    target = HERE / cnn.PRETRAINED["mnist"]
    if args.check:
        stored = cnn.load_model(target, compile=False)
        diff = max(float(np.max(np.abs(a - b)))
                   for a, b in zip(stored.get_weights(), model.get_weights()))
        print(f"selisih bobot terbesar dengan {target.name}: {diff:.3g}")
        return 0 if diff < 1e-4 else 1
    with tempfile.TemporaryDirectory() as tmp:  # tulis dulu di tempat lain, lalu pindahkan
        path = save_without_optimizer(model, Path(tmp) / target.name)
        os.replace(path, target)
    print(f"disimpan: {target} ({target.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
