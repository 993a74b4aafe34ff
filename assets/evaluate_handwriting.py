"""Mengukur model tersimpan pada tulisan tangan dari penulis lain, bukan hanya pada MNIST.

Jalankan dari akar repositori::

    python assets/evaluate_handwriting.py                     # semua model tersimpan
    python assets/evaluate_handwriting.py --model cnn_keras   # satu model tersimpan
    python assets/evaluate_handwriting.py --keras lain.keras  # berkas .keras lain

Setiap model diukur pada tiga kumpulan gambar:

* **MNIST uji**: 2.000 gambar uji bawaan ``saraf.data.load_mnist()``, langsung (sudah
  berformat MNIST);
* **penulis lain**: 1.797 angka data uji "Optical Recognition of Handwritten Digits" UCI,
  ditulis oleh 13 orang yang berbeda dari 30 penulis data latih UCI (dan bukan penulis
  MNIST); berkas bawaan ``data/uci_digits.npz``, dimuat dengan
  ``saraf.writers.load_other_writers``. Setiap angka hanya 8 × 8 nilai 0–16 (tinta = nilai
  besar). ``saraf.writers.as_photo`` menggambarnya sebagai foto kertas: tinta gelap di atas
  kertas putih (piksel ``255 − nilai · 255 / 16``), diperbesar menjadi 64 × 64 dengan
  interpolasi bilinear, lalu ditempel di tengah kertas putih 96 × 96 (margin 16 piksel).
  Hasilnya diubah dengan ``saraf.preprocess.to_mnist`` persis seperti foto dari pengguna;
* **gambar pengguna**: 12 gambar ``assets/handwriting/`` (labelnya: ``LABELS`` di
  ``assets/handwriting/make_images.py``), juga lewat ``to_mnist``.

Setiap gambar diprediksi satu per satu dengan ``saraf.predict.predict_proba``, jalur yang
sama dengan ``predict_digit``. Semua data ikut di repositori: skrip ini berjalan luring.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

HERE = Path(__file__).resolve().parent
try:
    import saraf  # noqa: F401
except ImportError:  # belum dipasang: pakai salinan di lib/
    sys.path.insert(0, str(HERE.parent / "lib"))

import numpy as np  # noqa: E402

from saraf.formatting import percent, thousands  # noqa: E402
from saraf.predict import predict_proba  # noqa: E402
from saraf.preprocess import to_mnist  # noqa: E402
from saraf.validation import error  # noqa: E402
from saraf.writers import as_photo, load_other_writers  # noqa: E402

HANDWRITING = HERE / "handwriting"

#: Nama model tersimpan → cara memuatnya (fungsi ``pretrained`` setiap modul).
MODELS = {
    "mlp_784_30_10": ("saraf.mlp", "pretrained", ("784-30-10",)),
    "mlp_784_16_16_10": ("saraf.mlp", "pretrained", ("784-16-16-10",)),
    "numpy_cnn": ("saraf.numpy_cnn", "pretrained", ()),
    "cnn_keras": ("saraf.cnn", "load_pretrained", ("mnist",)),
}

#: Nama kumpulan gambar, berurutan seperti kolom tabel.
SETS = ("MNIST uji", "penulis lain", "gambar pengguna")


# ---------------------------------------------------------------------------
# Gambar
# ---------------------------------------------------------------------------


def other_writers():
    """Kumpulan "penulis lain": ``(x, y)``, ``x`` berbentuk ``(1797, 28, 28)`` (hasil to_mnist)."""
    images, labels = load_other_writers()
    x = np.stack([to_mnist(as_photo(image)) for image in images])
    return x, labels.astype(np.int64)


def user_labels() -> dict:
    """Nama berkas di ``assets/handwriting/`` → angka yang tertulis di dalamnya."""
    spec = importlib.util.spec_from_file_location("make_images", HANDWRITING / "make_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.LABELS)


def user_images():
    """Gambar pengguna: ``(x, y)``, ``x`` berbentuk ``(12, 28, 28)`` (hasil to_mnist)."""
    labels = user_labels()
    names = sorted(labels)
    x = np.stack([to_mnist(HANDWRITING / name) for name in names])
    return x, np.array([labels[name] for name in names], dtype=np.int64)


def load_sets(names=SETS) -> dict:
    """Kumpulan gambar yang diminta: nama → ``(x, y)``."""
    from saraf.data import load_mnist

    loaders = {"MNIST uji": lambda: load_mnist()[1], "penulis lain": other_writers,
               "gambar pengguna": user_images}
    return {name: loaders[name]() for name in names}


# ---------------------------------------------------------------------------
# Model dan akurasi
# ---------------------------------------------------------------------------


def load_model(name: str):
    """Model tersimpan ``name`` (kunci :data:`MODELS`), dimuat lewat fungsi ``pretrained``-nya."""
    if name not in MODELS:
        raise error("name", f"salah satu dari {list(MODELS)}", name)
    module, function, args = MODELS[name]
    return getattr(importlib.import_module(module), function)(*args)


def predictions(model, x) -> np.ndarray:
    """Angka yang ditebak untuk setiap gambar ``x[i]`` (satu per satu, ``predict_proba``)."""
    return np.array([int(np.argmax(predict_proba(model, image))) for image in x],
                    dtype=np.int64)


def count_correct(model, x, y) -> tuple[int, int]:
    """``(banyak tebakan benar, banyak gambar)`` model untuk gambar ``x`` berlabel ``y``."""
    y = np.asarray(y)
    if len(x) != len(y) or len(y) == 0:
        raise error("y", f"{len(x)} label (satu untuk setiap gambar)", y)
    return int(np.sum(predictions(model, x) == y)), len(y)


def evaluate(model, sets: dict) -> dict:
    """Nama kumpulan → ``(benar, total)`` untuk setiap kumpulan di ``sets``."""
    return {name: count_correct(model, x, y) for name, (x, y) in sets.items()}


def format_row(name: str, results: dict) -> str:
    """Satu baris tabel: nama model, lalu akurasi setiap kumpulan (koma desimal)."""
    cells = []
    for correct, total in results.values():
        cells.append(f"{percent(correct / total, 2):>8} ({thousands(correct)}/{thousands(total)})")
    return f"{name:<18}" + "  ".join(f"{c:>22}" for c in cells)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=[*MODELS, "semua"], default="semua",
                        help="model tersimpan yang diukur (bawaan: semua)")
    parser.add_argument("--keras", type=Path, metavar="BERKAS",
                        help="ukur berkas .keras ini (misalnya model lama) alih-alih model "
                             "tersimpan")
    args = parser.parse_args(argv)
    sets = load_sets()
    print(f"{'model':<18}" + "  ".join(f"{name:>22}" for name in sets))
    if args.keras is not None:
        from saraf.cnn import load_model as load_keras

        print(format_row(args.keras.name, evaluate(load_keras(args.keras, compile=False), sets)))
        return 0
    for name in (MODELS if args.model == "semua" else [args.model]):
        print(format_row(name, evaluate(load_model(name), sets)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
