"""Mengubah gambar angka apa pun menjadi gambar berformat MNIST (pelajaran 15).

Jaringan yang dilatih dengan MNIST hanya pernah melihat satu jenis gambar: 28 × 28
piksel, angka **terang di atas latar hitam**, angka dimuat dalam kotak 20 × 20 piksel
(perbandingan tinggi dan lebarnya tetap), lalu diletakkan di kotak 28 × 28 sehingga
**pusat massanya** tepat di tengah. Foto atau gambar buatan Anda hampir selalu berbeda:
tinta gelap di atas kertas terang, angka kecil di pojok kanvas besar, ada bayangan dan
derau kertas. :func:`to_mnist` menyamakan semuanya, langkah demi langkah:

1. :func:`to_grayscale` (dari :mod:`saraf.images`): berkas, gambar PIL, atau array →
   grayscale ``float32`` 0–1 (0 = hitam, 1 = putih); latar transparan dihitung sebagai latar;
2. :func:`invert_if_light_background`: latar terang (kertas) dibalik menjadi gelap;
3. :func:`remove_background`: sisa latar (kertas abu-abu, derau) → 0, tinta → 1;
4. :func:`ink_bounding_box` / :func:`crop_to_ink`: memotong kotak pembatas tinta, dengan
   ambang (:func:`ink_threshold`) yang tidak terkecoh derau kertas;
5. :func:`fit_in_box`: sisi terpanjang diubah menjadi 20 piksel, perbandingan tetap;
6. :func:`center_by_mass`: ditempel di kotak 28 × 28 dengan pusat massa di tengah;
7. :func:`normalize`: ``float32`` 0–1, piksel paling terang = 1.

Setiap langkah adalah fungsi tersendiri agar dapat dilihat satu per satu;
:func:`to_mnist_steps` mengembalikan semua hasil antaranya sekaligus.

Masukan yang buruk menghasilkan galat berbahasa Indonesia, tidak pernah prediksi yakin
atas gambar sampah: gambar tanpa tinta (:class:`NoInkError`), dan semua galat
:mod:`saraf.images` (berkas yang bukan gambar atau rusak, "bom dekompresi", array dengan
bentuk atau tipe yang salah). Langkah 2–7 menerima array grayscale 2-D
(:func:`saraf.validation.as_gray_image`).

Modul ini hanya memakai NumPy dan Pillow.
"""

from __future__ import annotations

import os

import numpy as np
from PIL import Image

from saraf.images import load_image, to_grayscale, unit_pixels
from saraf.validation import as_gray_image, as_int, as_real, error

__all__ = [
    "MNIST_SIZE",
    "MNIST_BOX",
    "MAX_SIDE",
    "NoInkError",
    "to_grayscale",
    "background_level",
    "has_light_background",
    "invert_if_light_background",
    "remove_background",
    "ink_threshold",
    "ink_mask",
    "ink_bounding_box",
    "crop_to_ink",
    "fit_in_box",
    "center_of_mass",
    "center_by_mass",
    "normalize",
    "to_mnist",
    "to_mnist_steps",
    "naive_to_mnist",
]

#: Sisi gambar MNIST (piksel).
MNIST_SIZE = 28
#: Sisi kotak tempat angka MNIST dimuat (piksel).
MNIST_BOX = 20
#: Gambar yang lebih besar diperkecil dulu oleh :func:`to_mnist` (sisi terpanjang, piksel).
MAX_SIDE = 1024

# Kontras terkecil (skala 0–1) antara tinta dan latar agar dianggap ada tinta.
_MIN_CONTRAST = 0.1
# Ambang tinta = latar + maks(bagian kontras ini, _NOISE_SIGMAS × derau latar).
_THRESHOLD_FRACTION = 0.2
_NOISE_SIGMAS = 5.0
# Lantai latar = latar + _FLOOR_SIGMAS × derau latar: di bawahnya piksel menjadi 0.
_FLOOR_SIGMAS = 3.0


class NoInkError(ValueError):
    """Gambar tidak berisi tinta: kanvas kosong, foto kertas polos, atau gambar seragam."""


# ---------------------------------------------------------------------------
# Masukan langkah 2–7 dan pesan "tidak ada tinta"
# ---------------------------------------------------------------------------


def _as_gray(image, name: str = "image") -> np.ndarray:
    """Masukan langkah 2–7: array grayscale 2-D (hasil langkah sebelumnya) → ``float32`` 0–1."""
    if not isinstance(image, np.ndarray):
        raise error(name, "array NumPy 2-D (hasil langkah sebelumnya)", image,
                    "Mulailah dari to_grayscale(...)." if
                    isinstance(image, (str, os.PathLike, Image.Image)) else "")
    gray = as_gray_image(name, image, allow_channel=False,
                         hint="Ubah dulu dengan to_grayscale(...)." if image.ndim == 3 else "")
    return unit_pixels(name, gray)


def _no_ink(where: str = "gambar ini") -> NoInkError:
    return NoInkError(
        f"Tidak ada tinta yang terlihat di {where}: gambarnya kosong atau hampir seragam, "
        f"jadi tidak ada angka untuk dikenali. Gambarlah sebuah angka, atau pakai foto "
        f"dengan angka yang lebih gelap dan tebal di atas kertas polos."
    )


# ---------------------------------------------------------------------------
# Langkah 2–3: latar
# ---------------------------------------------------------------------------


def _border(image: np.ndarray) -> np.ndarray:
    """Piksel di cincin tepi gambar (lebar ≈ 2% sisi terpendek, minimal 1 piksel)."""
    h, w = image.shape
    width = max(1, min(h, w) // 50)
    if 2 * width >= min(h, w):
        return image.ravel()
    return np.concatenate([image[:width].ravel(), image[-width:].ravel(),
                           image[width:-width, :width].ravel(),
                           image[width:-width, -width:].ravel()])


def _levels(image: np.ndarray):
    """(latar, derau latar, puncak) dari gambar bertinta terang."""
    border = _border(image)
    background = float(np.median(border))
    noise = 1.4826 * float(np.median(np.abs(border - background)))  # simpangan baku robust
    return background, noise, float(image.max())


def background_level(image) -> float:
    """Kecerahan latar (0–1): median piksel di tepi gambar.

    Tepi gambar hampir selalu latar, bahkan bila angkanya menyentuh tepi: median tidak
    terpengaruh oleh sedikit piksel tinta.
    """
    return float(np.median(_border(_as_gray(image))))


def has_light_background(image) -> bool:
    """True bila latarnya terang (kecerahan latar > 0,5), misalnya tinta di atas kertas."""
    return background_level(image) > 0.5


def invert_if_light_background(image) -> np.ndarray:
    """Langkah 2: latar terang dibalik (1 − piksel) agar angkanya terang di atas latar gelap.

    MNIST berisi angka putih di atas hitam. Gambar yang latarnya sudah gelap tidak diubah.
    """
    gray = _as_gray(image)
    if has_light_background(gray):
        return (1.0 - gray).astype(np.float32)
    return gray.copy()


def ink_threshold(image) -> float:
    """Ambang tinta untuk gambar bertinta terang di atas latar gelap (hasil langkah 2).

    Ambang = latar + maks(20% kontras, 5 × derau latar), dengan latar = median tepi,
    derau = simpangan baku robust di tepi (dari median simpangan mutlak), kontras =
    piksel paling terang − latar. Derau kertas dan gradasi cahaya ikut menaikkan ambang,
    jadi bintik-bintik kertas tidak dianggap tinta. :class:`NoInkError` bila kontrasnya
    terlalu kecil (tidak ada tinta).
    """
    gray = _as_gray(image)
    background, noise, peak = _levels(gray)
    contrast = peak - background
    if contrast < _MIN_CONTRAST:
        raise _no_ink()
    threshold = background + max(_THRESHOLD_FRACTION * contrast, _NOISE_SIGMAS * noise)
    if threshold >= peak:
        raise _no_ink()
    return float(threshold)


def remove_background(image) -> np.ndarray:
    """Langkah 3: sisa latar → 0, tinta paling terang → 1 (masukan: hasil langkah 2).

    Kertas di foto tidak pernah hitam sempurna setelah dibalik: ada abu-abu, gradasi
    cahaya, dan derau. Piksel sampai lantai latar (latar + 3 × derau) menjadi 0; di
    atasnya direntangkan linear sampai piksel paling terang = 1.
    """
    gray = _as_gray(image)
    ink_threshold(gray)  # NoInkError bila tidak ada tinta
    background, noise, peak = _levels(gray)
    floor = background + _FLOOR_SIGMAS * noise
    return np.clip((gray - floor) / (peak - floor), 0.0, 1.0).astype(np.float32)


# ---------------------------------------------------------------------------
# Langkah 4: kotak pembatas tinta
# ---------------------------------------------------------------------------


def ink_mask(image, threshold=None) -> np.ndarray:
    """Piksel tinta (array bool): lebih terang daripada ambang dan bukan bintik yang terpencil.

    Piksel di atas ambang yang tidak punya satu pun tetangga (dari 8 tetangganya) di atas
    ambang dianggap bintik derau dan dibuang; garis setipis 1 piksel tetap utuh.
    ``threshold=None`` memakai :func:`ink_threshold`.
    """
    gray = _as_gray(image)
    threshold = ink_threshold(gray) if threshold is None else as_real(
        "threshold", threshold, 0, below=1,
        expected="bilangan dari 0 sampai kurang dari 1, atau None (otomatis)")
    above = gray > threshold
    padded = np.pad(above, 1)
    h, w = above.shape
    neighbours = sum(padded[1 + dr:1 + dr + h, 1 + dc:1 + dc + w].astype(np.uint8)
                     for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0))
    mask = above & (neighbours > 0)
    if not mask.any():
        raise _no_ink()
    return mask


def ink_bounding_box(image, threshold=None) -> tuple[int, int, int, int]:
    """Kotak pembatas tinta: ``(atas, bawah, kiri, kanan)``, bawah dan kanan eksklusif.

    Potongannya adalah ``image[atas:bawah, kiri:kanan]`` (seperti irisan Python).
    Masukannya gambar bertinta terang (hasil langkah 2 atau 3); tinta ditentukan oleh
    :func:`ink_mask`.
    """
    mask = ink_mask(image, threshold)
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def crop_to_ink(image, threshold=None) -> np.ndarray:
    """Langkah 4: memotong gambar ke kotak pembatas tintanya (:func:`ink_bounding_box`)."""
    gray = _as_gray(image)
    top, bottom, left, right = ink_bounding_box(gray, threshold)
    return gray[top:bottom, left:right].copy()


# ---------------------------------------------------------------------------
# Langkah 5–7: ukuran, pusat massa, normalisasi
# ---------------------------------------------------------------------------


def fit_in_box(image, size: int = MNIST_BOX) -> np.ndarray:
    """Langkah 5: mengubah ukuran agar sisi terpanjang = ``size`` piksel (bawaan 20).

    Perbandingan tinggi dan lebar tetap, jadi angka 1 tetap ramping. Mengecilkan memakai
    rata-rata luas (filter ``BOX``, seperti *anti-aliasing* MNIST); membesarkan memakai
    interpolasi bilinear.
    """
    gray = _as_gray(image)
    size = as_int("size", size, 1, MAX_SIDE)
    h, w = gray.shape
    scale = size / max(h, w)
    new_h = min(size, max(1, round(h * scale)))
    new_w = min(size, max(1, round(w * scale)))
    resample = Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR
    resized = Image.fromarray(gray.astype(np.float32)).resize((new_w, new_h), resample)
    return np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)


def center_of_mass(image) -> tuple[float, float]:
    """Pusat massa ``(baris, kolom)``: rata-rata posisi piksel, berbobot kecerahannya."""
    gray = _as_gray(image).astype(np.float64)
    total = gray.sum()
    if total <= 0:
        raise _no_ink()
    rows = np.arange(gray.shape[0])
    cols = np.arange(gray.shape[1])
    return (float((gray.sum(axis=1) * rows).sum() / total),
            float((gray.sum(axis=0) * cols).sum() / total))


def center_by_mass(image, size: int = MNIST_SIZE) -> np.ndarray:
    """Langkah 6: menempel gambar di kotak hitam ``size × size`` dengan pusat massa di tengah.

    Pusat massa digeser (sejumlah piksel bulat, seperti MNIST) ke ``(size/2, size/2)``,
    yaitu (14, 14) untuk 28 × 28. Geserannya dibatasi agar seluruh angka tetap di dalam
    kotak.
    """
    gray = _as_gray(image)
    size = as_int("size", size, 1, MAX_SIDE)
    h, w = gray.shape
    if h > size or w > size:
        raise error("image", f"paling besar {size} × {size} piksel", gray,
                    "Kecilkan dulu dengan fit_in_box(...).")
    com_row, com_col = center_of_mass(gray)
    top = int(np.clip(round(size / 2 - com_row), 0, size - h))
    left = int(np.clip(round(size / 2 - com_col), 0, size - w))
    canvas = np.zeros((size, size), dtype=np.float32)
    canvas[top:top + h, left:left + w] = gray
    return canvas


def normalize(image) -> np.ndarray:
    """Langkah 7: ``float32`` 0–1 dengan piksel paling terang = 1 (seperti MNIST / 255)."""
    gray = _as_gray(image)
    peak = float(gray.max())
    if peak <= 0:
        raise _no_ink()
    return (gray / peak).astype(np.float32)


# ---------------------------------------------------------------------------
# Semua langkah
# ---------------------------------------------------------------------------


def _limit_side(gray: np.ndarray, max_side: int) -> np.ndarray:
    """Memperkecil gambar (rata-rata luas) bila sisi terpanjangnya lebih dari ``max_side``."""
    h, w = gray.shape
    if max(h, w) <= max_side:
        return gray
    scale = max_side / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    small = Image.fromarray(gray.astype(np.float32)).resize(size, Image.Resampling.BOX)
    return np.clip(np.asarray(small, dtype=np.float32), 0.0, 1.0)


def to_mnist_steps(image) -> dict[str, np.ndarray]:
    """Semua hasil antara :func:`to_mnist`, berurutan, dalam sebuah ``dict``.

    Kunci: ``"grayscale"``, ``"dibalik"``, ``"latar_dibuang"``, ``"dipotong"``,
    ``"kotak_20"``, ``"dipusatkan"``, ``"mnist"``. Gambar yang sisi terpanjangnya lebih
    dari :data:`MAX_SIDE` (1024) piksel, misalnya foto ponsel 4000 × 3000, diperkecil dulu
    dengan rata-rata luas (langkah "grayscale" sudah diperkecil): hasil akhirnya hanya
    20 piksel, jadi tidak ada yang hilang, dan semua langkah berikutnya jauh lebih cepat.
    """
    loaded, where = load_image(image, "image")
    gray = _limit_side(to_grayscale(loaded), MAX_SIDE)
    steps = {"grayscale": gray}
    try:
        steps["dibalik"] = invert_if_light_background(gray)
        steps["latar_dibuang"] = remove_background(steps["dibalik"])
        steps["dipotong"] = crop_to_ink(steps["latar_dibuang"])
    except NoInkError:
        if where.startswith("Berkas"):
            raise _no_ink(where[0].lower() + where[1:]) from None
        raise
    steps["kotak_20"] = fit_in_box(steps["dipotong"], MNIST_BOX)
    steps["dipusatkan"] = center_by_mass(steps["kotak_20"], MNIST_SIZE)
    steps["mnist"] = normalize(steps["dipusatkan"])
    return steps


def to_mnist(image) -> np.ndarray:
    """Gambar angka apa pun → array ``(28, 28)`` ``float32`` 0–1 berformat MNIST.

    Angka terang di atas latar hitam, dimuat dalam kotak 20 × 20, pusat massanya di
    tengah. ``image``: path berkas, isi berkas (``bytes``), gambar PIL, atau array NumPy
    ukuran berapa pun (lihat :func:`to_grayscale`).

    Untuk jaringan: ``to_mnist(x).reshape(1, 784)`` (JST dari nol) atau
    ``to_mnist(x).reshape(1, 28, 28, 1)`` (CNN Keras).

    Galat: ``FileNotFoundError`` (berkas tidak ada), ``ValueError`` (bukan gambar, berkas
    rusak, bom dekompresi, array salah bentuk/tipe), :class:`NoInkError` (tidak ada tinta).
    """
    return to_mnist_steps(image)["mnist"]


def naive_to_mnist(image) -> np.ndarray:
    """Jalan pintas yang keliru (untuk perbandingan): grayscale lalu langsung 28 × 28.

    Tanpa membalik latar, memotong, atau memusatkan: ``to_grayscale`` lalu ``resize``
    ke 28 × 28. Latar kertas putih tetap bernilai ≈ 1, kebalikan dari MNIST.
    """
    gray = to_grayscale(image)
    resized = Image.fromarray(gray.astype(np.float32)).resize((MNIST_SIZE, MNIST_SIZE),
                                                     Image.Resampling.BILINEAR)
    return np.clip(np.asarray(resized, dtype=np.float32), 0.0, 1.0)
