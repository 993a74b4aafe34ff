"""Angka tulisan tangan dari penulis lain (bukan penulis MNIST), luring.

Kumpulan ini adalah data uji "Optical Recognition of Handwritten Digits" dari UCI Machine
Learning Repository (E. Alpaydin dan C. Kaynak, 1998), salinan yang ikut di dalam
scikit-learn: 1.797 angka yang ditulis oleh 13 orang, berbeda dari 30 penulis data latih
UCI, dan tidak ada hubungannya dengan MNIST. Setiap angka hanya 8 × 8 nilai 0–16:
banyaknya piksel tinta di setiap blok 4 × 4 dari bitmap 32 × 32 aslinya.

Berkasnya, ``data/uci_digits.npz``, ikut di repositori dan diperiksa dengan SHA-256 setiap
kali dimuat, seperti data bawaan lain (lihat ``saraf.data``); scikit-learn tidak dibutuhkan.
:func:`as_photo` menggambar satu angka sebagai foto kertas bertulisan (tinta gelap di atas
kertas putih), sehingga dapat diproses ``saraf.preprocess.to_mnist`` persis seperti foto
dari pengguna. Modul ini hanya butuh NumPy dan Pillow.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from saraf import data
from saraf.validation import as_array, as_int, error

__all__ = ["N_DIGITS", "load_other_writers", "as_photo"]

#: Banyaknya angka di kumpulan ini (data uji UCI).
N_DIGITS = 1797


def load_other_writers():
    """Memuat 1.797 angka dari penulis lain: ``(images, labels)``.

    ``images``: ``uint8`` berbentuk ``(1797, 8, 8)`` bernilai 0–16 (nilai besar = banyak
    tinta); ``labels``: ``uint8`` berbentuk ``(1797,)``, angka 0–9 yang tertulis. Berkas
    yang hilang, terpotong, atau berubah menghasilkan galat yang menyebut nama berkasnya.
    """
    filename, expected = data.EMBEDDED_FILES["uci_digits"]
    file = data.DATA_DIR / filename
    raw = data.read_verified(file, expected, "data bawaan")
    with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
        arrays = {key: npz[key] for key in ("images", "labels") if key in npz.files}
    images, labels = arrays.get("images"), arrays.get("labels")
    if (images is None or labels is None or images.dtype != np.uint8
            or labels.dtype != np.uint8 or images.shape != (N_DIGITS, 8, 8)
            or labels.shape != (N_DIGITS,) or images.max() > 16 or labels.max() > 9):
        raise data.CorruptDataError(
            f"{file}: tidak berisi array `images` uint8 ({N_DIGITS}, 8, 8) bernilai 0–16 dan "
            f"`labels` uint8 ({N_DIGITS},) bernilai 0–9."
        )
    return images, labels


def as_photo(image, size: int = 64, margin: int = 16) -> np.ndarray:
    """Satu angka UCI 8 × 8 → "foto" kertas bertulisan: gambar grayscale ``uint8``.

    Tinta gelap di atas kertas putih: setiap nilai ``v`` (0–16) menjadi piksel
    ``255 − v · 255 / 16`` (dibulatkan), gambar 8 × 8 itu diperbesar menjadi
    ``size × size`` dengan interpolasi bilinear, lalu ditempel di tengah kertas putih
    dengan margin ``margin`` piksel di setiap sisi. Bentuk hasilnya
    ``(size + 2·margin, size + 2·margin)``; berikan hasilnya ke
    ``saraf.preprocess.to_mnist`` untuk mendapatkan gambar berformat MNIST.
    """
    image = as_array("image", image)
    if image.shape != (8, 8):
        hint = "Untuk satu angka dari kumpulan, ambil images[0]." if image.ndim == 3 else ""
        raise error("image", "satu angka UCI berbentuk (8, 8)", image, hint)
    if image.min() < 0 or image.max() > 16:
        raise error("image", "array 8 × 8 bernilai 0 sampai 16", image,
                    "Angka UCI menghitung piksel tinta di setiap blok 4 × 4, jadi nilainya "
                    "paling besar 16 (bukan piksel 0–255).")
    size = as_int("size", size, 8)
    margin = as_int("margin", margin, 0)
    ink = np.round(255 - image.astype(np.float64) * 255 / 16).astype(np.uint8)
    scaled = Image.fromarray(ink).resize((size, size), Image.Resampling.BILINEAR)
    page = np.full((size + 2 * margin,) * 2, 255, dtype=np.uint8)
    page[margin:margin + size, margin:margin + size] = np.asarray(scaled)
    return page
