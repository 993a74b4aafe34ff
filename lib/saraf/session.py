"""Sel persiapan notebook: seed, format cetak NumPy, dan gaya gambar yang sama di semua pelajaran."""

from __future__ import annotations

import os
import random

import numpy as np

DEFAULT_SEED = 42


def setup(seed: int = DEFAULT_SEED, quiet: bool = False) -> None:
    """Menyiapkan notebook agar hasilnya sama setiap kali dijalankan.

    * mengatur seed untuk ``random`` dan ``numpy`` (dan TensorFlow/Keras bila sudah dimuat);
    * membuat NumPy mencetak array dengan rapi (tanpa notasi ilmiah, baris lebar);
    * mengatur ukuran dan resolusi gambar matplotlib (bila terpasang);
    * menyembunyikan log C++ TensorFlow yang tidak berguna bagi pembelajar.
    """
    if (isinstance(seed, bool) or not isinstance(seed, (int, np.integer))
            or not 0 <= seed < 2**32):
        raise ValueError(
            f"`seed` harus bilangan bulat dari 0 sampai 2**32 − 1, tetapi yang diberikan: {seed!r}."
        )
    seed = int(seed)
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
    import sys

    if "keras" in sys.modules:  # hanya bila Keras sudah dimuat: impornya lambat
        sys.modules["keras"].utils.set_random_seed(seed)
    if not quiet:
        from saraf import __version__

        print(f"saraf {__version__} siap: seed = {seed}.")
