"""Persiapan notebook: seed, format cetak NumPy, dan gaya gambar yang sama di semua pelajaran."""

from __future__ import annotations

import os
import random
import sys

import numpy as np

from saraf.validation import error, is_int, is_real

__all__ = ["setup", "as_seed", "DEFAULT_SEED"]

DEFAULT_SEED = 42


def as_seed(seed) -> int:
    """Seed untuk ``random``, NumPy, dan Keras: bilangan bulat dari 0 sampai 2**32 − 1.

    Dipakai :func:`setup` dan ``saraf.cnn.make_reproducible``. Yang bukan bilangan sama
    sekali memberi ``TypeError``; bilangan lain yang tidak sah memberi ``ValueError``.
    """
    if not is_int(seed) or not 0 <= seed < 2**32:
        raise error("seed", "bilangan bulat dari 0 sampai 2**32 − 1", seed,
                    kind=ValueError if is_real(seed) else TypeError)
    return int(seed)


def setup(seed: int = DEFAULT_SEED, quiet: bool = False) -> None:
    """Menyiapkan notebook agar hasilnya sama setiap kali dijalankan.

    * mengatur seed untuk ``random`` dan ``numpy`` (dan TensorFlow/Keras bila sudah dimuat);
    * membuat NumPy mencetak array dengan rapi (tanpa notasi ilmiah, baris lebar);
    * mengatur ukuran dan resolusi gambar matplotlib (bila terpasang);
    * menyembunyikan log C++ TensorFlow yang tidak berguna bagi pembelajar.
    """
    seed = as_seed(seed)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    random.seed(seed)
    np.random.seed(seed)
    np.set_printoptions(precision=4, suppress=True, linewidth=120)
    try:
        import matplotlib as mpl
    except ImportError:  # pragma: no cover - matplotlib selalu ada di lingkungan kursus
        pass
    else:
        mpl.rcParams.update({
            "figure.figsize": (6.0, 4.0),
            "figure.dpi": 100,
            "image.cmap": "gray",
            "axes.grid": False,
        })
    if "keras" in sys.modules:  # hanya bila Keras sudah dimuat: impornya lambat
        sys.modules["keras"].utils.set_random_seed(seed)
    if not quiet:
        from saraf import __version__

        print(f"saraf {__version__} siap: seed = {seed}.")
