"""Melatih ulang model terlatih yang tersimpan di folder ini, dengan seed tetap.

Jalankan dari akar repositori::

    python assets/train_models.py                  # cnn_mnist.keras (≈ 90 detik di 2 inti CPU)
    python assets/train_models.py --check          # latih, bandingkan dengan berkas yang ada
    python assets/train_models.py --no-augmentation --out /tmp/nb12.keras
                                                   # resep notebook 12 persis (≈ 20 detik)
    python assets/train_models.py --fashion-full   # ukur CNN pelajaran 13 dengan
                                                   # Fashion-MNIST lengkap (60.000 gambar;
                                                   # tidak menyimpan apa pun)
    python assets/train_models.py --experiment tanpa-goresan
                                                   # satu percobaan augmentasi (di bawah);
                                                   # mencetak akurasi, tidak menyimpan
    python assets/train_models.py --experiment semua   # semua percobaan (≈ 10 menit)

Yang dibuat:

* ``cnn_mnist.keras``: CNN pelajaran 12 (``saraf.cnn.build_mnist_cnn()``, arsitektur yang
  sama), dilatih seperti di notebook 12 (MNIST bawaan, 10% data latih untuk validasi
  berstrata dengan seed 0, seed 42, ukuran batch 64, Adam, sparse categorical
  cross-entropy), tetapi **25 epoch dengan augmentasi** agar tahan terhadap tulisan tangan
  selain MNIST. Setiap epoch, setiap gambar latih diubah secara acak oleh lapisan Keras yang
  hanya aktif saat pelatihan: ``RandomRotation`` (±10°), ``RandomZoom`` (tinggi ±10%, lebar
  ±40%: angka lebih ramping atau lebih lebar), ``RandomTranslation`` (±5% sisi) dengan tepi
  kosong hitam, lalu goresan dipertebal atau dipertipis (dilasi/erosi 3 × 3 yang dicampur
  0–100%, lihat ``saraf.augment.StrokeThickness``). Lapisan augmentasi tidak ikut disimpan:
  berkasnya hanya ``build_mnist_cnn()`` dengan bobotnya, tanpa keadaan pengoptimal, dan
  dimuat dengan ``saraf.cnn.load_pretrained("mnist")`` (``safe_mode=True``). Pelajaran 12,
  14, dan 15 memakainya, sehingga berjalan walaupun Anda belum melatih apa pun.

Akurasi (diukur dengan ``python assets/evaluate_handwriting.py``)::

    model                          MNIST uji   penulis lain (UCI 8 × 8)   gambar pengguna
    resep notebook 12 (8 epoch)    97,95%      82,69%                     12/12
    resep ini (25 epoch, augm.)    98,95%      95,60%                     12/12

Percobaan lain (semua seed 42 kecuali disebut), masing-masing dapat diulang dengan
``--experiment NAMA`` (daftarnya: :data:`EXPERIMENTS`): hanya putar/perbesaran/geser 15 epoch
(``geometri-15``) 98,50% / 88,43%; hanya penebalan goresan 15 epoch (``goresan-15``)
98,00% / 88,65%; resep ini tanpa penebalan (``tanpa-goresan``) 98,95% / 92,93%, tanpa
perubahan lebar (``tanpa-lebar``) 98,90% / 91,49%; resep ini dengan seed 1 (``seed-1``)
98,80% / 94,38%. Pelatihan ≈ 80–90 detik di 2 inti CPU (resep notebook 12: ≈ 20 detik).

Model MLP ``mlp_784_30_10.npz`` dan ``mlp_784_16_16_10.npz`` dibuat oleh ``assets/train_mlp.py``
(pelajaran 10), dan CNN NumPy ``numpy_cnn_mnist.npz`` oleh ``assets/train_numpy_cnn.py``
(pelajaran 11), bukan skrip ini.

Hasilnya sama persis setiap kali di mesin yang sama (seed + operasi deterministik). Di CPU
lain angkanya bisa sedikit berbeda; akurasinya tetap sekitar 99%.
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

#: Resep CNN tersimpan. ``rotation``: sudut putar acak terbesar (derajat); ``zoom``:
#: perbesaran/perkecilan acak terbesar (bagian sisi); ``width_zoom``: tambahan untuk lebar
#: saja (lebar berubah ±(zoom + width_zoom)); ``translation``: geseran acak terbesar (bagian
#: sisi); ``thickness``: penebalan/penipisan goresan terbesar (0–1, lihat
#: :class:`saraf.augment.StrokeThickness`).
MNIST_SETTINGS = {"seed": 42, "split_seed": 0, "val_fraction": 0.1, "epochs": 25,
                  "batch_size": 64, "rotation": 10.0, "zoom": 0.1, "width_zoom": 0.3,
                  "translation": 0.05, "thickness": 1.0}
#: Resep notebook 12 persis: 8 epoch tanpa augmentasi (``--no-augmentation``).
NOTEBOOK_SETTINGS = {**MNIST_SETTINGS, "epochs": 8, "rotation": 0.0, "zoom": 0.0,
                     "width_zoom": 0.0, "translation": 0.0, "thickness": 0.0}
#: Kunci resep yang diteruskan ke :func:`saraf.augment.augmentation`.
AUGMENTATION_KEYS = ("rotation", "zoom", "width_zoom", "translation", "thickness")
#: Percobaan augmentasi di pelajaran 15 (bagian 8): nama → perubahan dari :data:`MNIST_SETTINGS`.
EXPERIMENTS = {
    "tersimpan": {},  # resep cnn_mnist.keras sendiri, sebagai pembanding
    "resep-12": NOTEBOOK_SETTINGS,
    "geometri-15": {"epochs": 15, "width_zoom": 0.0, "thickness": 0.0},
    "goresan-15": {"epochs": 15, "rotation": 0.0, "zoom": 0.0, "width_zoom": 0.0,
                   "translation": 0.0},
    "tanpa-goresan": {"thickness": 0.0},
    "tanpa-lebar": {"width_zoom": 0.0},
    "seed-1": {"seed": 1},
}
FASHION_SETTINGS = {"seed": 42, "split_seed": 0, "val_fraction": 0.1, "epochs": 10,
                    "batch_size": 64}


def train_mnist(verbose: bool = True, settings: dict | None = None):
    """CNN pelajaran 12 yang sudah dilatih, beserta akurasi data ujinya dan lama pelatihan.

    ``settings``: mengganti sebagian :data:`MNIST_SETTINGS` (misalnya
    :data:`NOTEBOOK_SETTINGS`). Yang dilatih adalah ``Sequential([augmentasi..., model])``;
    yang dikembalikan hanya ``model`` (``build_mnist_cnn()``, tanpa lapisan augmentasi)
    dengan bobot hasil pelatihan, jadi berkas yang disimpan tidak berisi lapisan augmentasi.
    """
    import keras

    from saraf.augment import augmentation

    s = {**MNIST_SETTINGS, **(settings or {})}
    (x_train, y_train), (x_test, y_test) = load_mnist()
    (x_tr, y_tr), (x_val, y_val) = cnn.train_val_split(x_train, y_train, s["val_fraction"],
                                                       seed=s["split_seed"])
    cnn.make_reproducible(s["seed"])
    model = cnn.build_mnist_cnn()
    augment = augmentation(**{k: s[k] for k in AUGMENTATION_KEYS}, seed=s["seed"])
    trainer = keras.Sequential([keras.Input((28, 28, 1)), *augment, model], name="pelatih")
    cnn.compile_model(trainer)
    start = time.perf_counter()
    cnn.train(trainer, x_tr, y_tr, validation_data=(x_val, y_val), epochs=s["epochs"],
              batch_size=s["batch_size"], seed=s["seed"], verbose=verbose)
    seconds = time.perf_counter() - start
    cnn.compile_model(model)
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


def run_experiments(names) -> None:
    """Melatih setiap percobaan ``names`` (kunci :data:`EXPERIMENTS`) dan mencetak akurasinya.

    Akurasi pada MNIST uji dan pada angka penulis lain diukur seperti
    ``assets/evaluate_handwriting.py``; tidak ada berkas yang disimpan.
    """
    try:  # skrip di folder ini: dijalankan langsung, atau diimpor sebagai assets.train_models
        from evaluate_handwriting import count_correct, other_writers
    except ImportError:
        from assets.evaluate_handwriting import count_correct, other_writers

    from saraf.formatting import percent

    x_other, y_other = other_writers()
    print(f"{'percobaan':<15}{'epoch':>6}{'MNIST uji':>11}{'penulis lain':>14}{'detik':>7}")
    for name in names:
        model, accuracy, seconds = train_mnist(verbose=False, settings=EXPERIMENTS[name])
        correct, total = count_correct(model, x_other, y_other)
        epochs = {**MNIST_SETTINGS, **EXPERIMENTS[name]}["epochs"]
        print(f"{name:<15}{epochs:>6}{percent(accuracy, 2):>11}{percent(correct / total, 2):>14}"
              f"{seconds:>7.0f}", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="latih, lalu bandingkan bobotnya dengan berkas yang ada")
    parser.add_argument("--fashion-full", action="store_true",
                        help="ukur CNN pelajaran 13 dengan Fashion-MNIST lengkap")
    parser.add_argument("--no-augmentation", action="store_true",
                        help="resep notebook 12 persis: 8 epoch tanpa augmentasi")
    parser.add_argument("--out", type=Path, default=HERE / cnn.PRETRAINED["mnist"],
                        metavar="BERKAS", help="berkas .keras yang ditulis atau dibandingkan "
                        "(bawaan: assets/cnn_mnist.keras)")
    parser.add_argument("--experiment", choices=[*EXPERIMENTS, "semua"], metavar="NAMA",
                        help="ulangi percobaan augmentasi pelajaran 15 (tidak menyimpan): "
                        + ", ".join([*EXPERIMENTS, "semua"]))
    args = parser.parse_args(argv)
    if args.experiment is not None:
        run_experiments(EXPERIMENTS if args.experiment == "semua" else [args.experiment])
        return 0
    if args.fashion_full:
        measure_fashion_full()
        return 0

    settings = NOTEBOOK_SETTINGS if args.no_augmentation else MNIST_SETTINGS
    model, accuracy, seconds = train_mnist(settings=settings)
    print(f"cnn_mnist: pelatihan {seconds:.1f} detik, akurasi data uji bawaan {accuracy:.4f}")
    target = args.out
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
