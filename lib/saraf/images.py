"""Membuka gambar apa pun dengan aman menjadi array grayscale ``float32`` 0–1 (pelajaran 15).

:func:`to_grayscale` menerima path berkas, isi berkas (``bytes``, misalnya dari widget
unggah), gambar PIL, atau array NumPy, dan selalu mengembalikan array ``(tinggi, lebar)``
bernilai 0 (hitam) sampai 1 (putih). Ini langkah 1 dari :func:`saraf.preprocess.to_mnist`.

Masukan yang buruk menghasilkan galat berbahasa Indonesia, tidak pernah array sampah: berkas
yang tidak ada (``FileNotFoundError``), berkas yang bukan gambar atau rusak (``ValueError``
yang menyebut nama berkasnya), gambar sebesar "bom dekompresi" (melebihi batas Pillow
``Image.MAX_IMAGE_PIXELS``), array dengan banyak sumbu atau tipe yang salah.

Modul ini hanya memakai NumPy dan Pillow.
"""

from __future__ import annotations

import io
import os
import re
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from saraf.validation import error

__all__ = ["to_grayscale", "load_image", "unit_pixels"]


def to_grayscale(image) -> np.ndarray:
    """Gambar apa pun → array grayscale ``float32`` (tinggi, lebar), 0–1.

    0 berarti hitam, 1 berarti putih (seperti yang Anda lihat, belum dibalik).

    ``image`` dapat berupa:

    * path berkas gambar (``str`` atau ``Path``; PNG, JPEG, GIF, BMP, …) atau isi berkasnya
      (``bytes``), misalnya dari widget unggah;
    * gambar PIL bermode ``L``, ``RGB``, ``RGBA``, ``LA``, ``P``, ``1``, ``I;16``, ``I``,
      ``F``, …; foto ponsel diputar sesuai tag EXIF-nya;
    * array NumPy berbentuk (tinggi, lebar) atau (tinggi, lebar, 1/3/4) bertipe ``uint8``
      (0–255), ``uint16`` (0–65535), bilangan bulat lain 0–255, ``float`` 0–1, atau ``bool``.

    Kanal warna digabung menjadi kecerahan (0,299 R + 0,587 G + 0,114 B). Piksel
    transparan (RGBA, LA, palet dengan transparansi) dihitung sebagai **latar**: tinta
    gelap ditempel di atas putih, tinta terang di atas hitam.
    """
    loaded, _ = load_image(image, "image")
    if isinstance(loaded, Image.Image):
        return _pil_to_gray(loaded)
    return _array_to_gray(loaded, "image")


def load_image(image, name: str = "image"):
    """path / isi berkas / gambar PIL / array → ``(gambar PIL atau array, keterangan asal)``.

    Keterangan asalnya (misalnya ``"Berkas 'angka.png'"``) dipakai pesan galat berikutnya.
    """
    if isinstance(image, (str, os.PathLike)):
        path = Path(image)
        where = f"Berkas '{path}'"
        if not path.exists():
            raise FileNotFoundError(f"`{name}`: berkas '{path}' tidak ditemukan. Periksa nama "
                                    f"dan foldernya (folder kerja saat ini: {Path.cwd()}).")
        if path.is_dir():
            raise ValueError(f"`{name}`: '{path}' adalah folder, bukan berkas gambar.")
        return _open_file(path, where), where
    if isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
        if not data:
            raise ValueError(f"`{name}` berisi data kosong (0 bait), bukan berkas gambar.")
        return _open_file(io.BytesIO(data), "Data berkas yang diberikan"), "gambar yang diberikan"
    if isinstance(image, Image.Image):
        _check_pixel_count(*image.size, "Gambar PIL yang diberikan")
        return image, "gambar yang diberikan"
    if isinstance(image, np.ndarray):
        return image, "array yang diberikan"
    raise error(name, "path berkas gambar (str atau Path), gambar PIL, atau array NumPy", image,
                "Untuk list, ubah dulu dengan np.array(...)." if isinstance(image, (list, tuple))
                else "")


def unit_pixels(name: str, array: np.ndarray, original=None) -> np.ndarray:
    """Piksel → ``float32`` 0–1: ``uint8`` dibagi 255, ``uint16`` dibagi 65535, ``bool`` 0/1.

    Bilangan bulat lain harus 0–255 dan ``float`` harus sudah 0–1 (selain itu ``ValueError``).
    ``original``: array yang disebut dalam pesan galat (bawaan: ``array`` itu sendiri).
    """
    original = array if original is None else original
    kind = array.dtype.kind
    if kind == "b":
        return array.astype(np.float32)
    if kind in "iu":
        if array.dtype == np.uint16:
            return array.astype(np.float32) / 65535.0
        if array.min() < 0 or array.max() > 255:
            raise error(name, "berisi bilangan bulat 0 sampai 255 (seperti uint8)", original,
                        f"Nilai terkecil {array.min()}, terbesar {array.max()}.")
        return array.astype(np.float32) / 255.0
    if kind != "f":
        raise error(name, "berisi angka (uint8, uint16, float, atau bool)", original)
    if not np.isfinite(array).all():
        raise error(name, "berisi angka berhingga (tanpa NaN atau inf)", original)
    if array.min() < 0 or array.max() > 1:
        raise error(name, "bernilai 0 sampai 1 bila bertipe float", original,
                    f"Nilai terkecil {array.min():g}, terbesar {array.max():g}. Piksel "
                    f"0–255 dibagi dulu dengan 255, atau diubah ke uint8.")
    return array.astype(np.float32)


# ---------------------------------------------------------------------------
# Berkas: bom dekompresi dan berkas rusak
# ---------------------------------------------------------------------------


def _pixel_limit():
    limit = Image.MAX_IMAGE_PIXELS
    return None if limit is None else int(limit)


def _bomb_error(where: str, pixels) -> ValueError:
    size = f"{pixels} piksel" if pixels else "terlalu banyak piksel"
    return ValueError(
        f"{where} berukuran {size}, melebihi batas Pillow {_pixel_limit()} piksel "
        f"(`PIL.Image.MAX_IMAGE_PIXELS`). Gambar sebesar itu bisa berupa \"bom dekompresi\": "
        f"berkas kecil yang memenuhi memori saat dibuka, jadi tidak dibuka. Perkecil "
        f"gambarnya dulu (foto angka cukup beberapa ratus piksel)."
    )


def _check_pixel_count(width: int, height: int, where: str) -> None:
    limit = _pixel_limit()
    if limit is not None and width * height > limit:
        raise _bomb_error(where, width * height)


def _open_file(source, where: str) -> Image.Image:
    """Membuka berkas gambar (path atau isi berkas) dengan perlindungan bom dekompresi.

    Pillow hanya membaca kepala berkas saat ``Image.open``; ukurannya diperiksa sebelum
    piksel dibaca (``load``). Peringatan bom dekompresi Pillow dijadikan galat.
    """
    def bomb(exc) -> ValueError:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        return _bomb_error(where, int(found.group(1)) if found else None)

    def broken(exc) -> ValueError:
        return ValueError(f"{where} rusak atau terpotong, jadi tidak dapat dibaca sebagai "
                          f"gambar ({type(exc).__name__}: {exc}).")

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(source)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise bomb(exc) from None
        except UnidentifiedImageError:
            raise ValueError(f"{where} bukan gambar yang dapat dibaca (misalnya PNG atau "
                             f"JPEG).") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise broken(exc) from None
        try:
            _check_pixel_count(*image.size, where)
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            image.close()
            raise bomb(exc) from None
        except ValueError as exc:
            image.close()
            if "melebihi batas Pillow" in str(exc):  # dari _check_pixel_count
                raise
            raise broken(exc) from None
        except (OSError, SyntaxError, EOFError) as exc:
            image.close()
            raise broken(exc) from None
    return image


# ---------------------------------------------------------------------------
# Gambar PIL dan array → grayscale
# ---------------------------------------------------------------------------


def _luminance(rgb: np.ndarray) -> np.ndarray:
    """Kecerahan ITU-R 601 (sama dengan `convert("L")` Pillow): 0,299 R + 0,587 G + 0,114 B."""
    return (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).astype(np.float32)


def _flatten_alpha(lum: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    """Menempel gambar transparan di atas latar yang kontras dengan tintanya.

    Piksel transparan adalah latar. Tinta gelap (goresan hitam di kanvas transparan)
    ditempel di atas putih; tinta terang ditempel di atas hitam.
    """
    if alpha.min() >= 1.0:
        return lum
    weight = alpha.sum()
    ink = float((lum * alpha).sum() / weight) if weight > 0 else 0.0
    background = 1.0 if ink < 0.5 else 0.0
    return (alpha * lum + (1.0 - alpha) * background).astype(np.float32)


def _pil_to_gray(image: Image.Image) -> np.ndarray:
    image = ImageOps.exif_transpose(image)  # foto ponsel: putar sesuai tag EXIF
    mode = image.mode
    if mode in ("P", "PA"):  # palet: warnanya (dan transparansinya) diambil dari palet
        image = image.convert("RGBA")
        mode = "RGBA"
    if mode.startswith("I;16"):
        return (np.asarray(image).astype(np.float32) / 65535.0)
    if mode == "I":
        array = np.asarray(image).astype(np.float64)
        scale = 65535.0 if array.max(initial=0) > 255 else 255.0
        return np.clip(array / scale, 0, 1).astype(np.float32)
    if mode == "F":
        return _array_to_gray(np.asarray(image), "image")
    if mode in ("1", "L"):
        return np.asarray(image.convert("L")).astype(np.float32) / 255.0
    if mode in ("LA", "La"):
        array = np.asarray(image.convert("LA")).astype(np.float32) / 255.0
        return _flatten_alpha(array[..., 0], array[..., 1])
    if mode in ("RGBA", "RGBa"):
        array = np.asarray(image.convert("RGBA")).astype(np.float32) / 255.0
        return _flatten_alpha(_luminance(array), array[..., 3])
    array = np.asarray(image.convert("RGB")).astype(np.float32) / 255.0
    return _luminance(array)


def _array_to_gray(array: np.ndarray, name: str) -> np.ndarray:
    """Array gambar (grayscale, grayscale + alfa, RGB, RGBA) → grayscale ``float32`` 0–1."""
    original = array
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[-1] not in (2, 3, 4)):
        hint = ""
        if array.ndim == 4 and array.shape[0] == 1:
            hint = "Itu batch berisi satu gambar: ambil gambarnya dengan image[0]."
        elif array.ndim == 3 and array.shape[0] in (1, 3, 4):
            hint = "Kanal harus di sumbu terakhir: coba np.moveaxis(image, 0, -1)."
        elif array.ndim == 1 and array.size == 28 * 28:
            hint = "Gambar yang diratakan dikembalikan dulu: image.reshape(28, 28)."
        raise error(name, "array gambar berbentuk (tinggi, lebar) atau (tinggi, lebar, "
                          "kanal) dengan 1, 3 (RGB), atau 4 (RGBA) kanal", original, hint)
    if array.shape[0] == 0 or array.shape[1] == 0:
        raise error(name, "gambar dengan tinggi dan lebar minimal 1 piksel", original)
    _check_pixel_count(array.shape[1], array.shape[0], "Array yang diberikan")
    values = unit_pixels(name, array, original)
    if values.ndim == 2:
        return values
    channels = values.shape[-1]
    if channels == 2:  # grayscale + alfa
        return _flatten_alpha(values[..., 0], values[..., 1])
    lum = _luminance(values)
    return _flatten_alpha(lum, values[..., 3]) if channels == 4 else lum
