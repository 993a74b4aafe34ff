"""Pemeriksaan masukan dan pesan kesalahan baku untuk seluruh `saraf`.

Setiap fungsi publik `saraf` memeriksa masukannya dengan pembantu di sini, jadi setiap
pesan kesalahan berbentuk sama: nama parameter, apa yang diharapkan, dan apa yang
diberikan, lalu (bila ada) petunjuk perbaikannya::

    `stride` harus bilangan bulat ≥ 1, tetapi yang diberikan: 0.

Hanya butuh NumPy (gambar PIL dikenali tanpa mengimpor Pillow).
"""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["short", "error", "is_int", "is_real", "as_int", "as_real", "as_choice",
           "as_pair", "as_array", "as_labels", "as_gray_image", "as_names",
           "as_bool"]


def short(value) -> str:
    """Ringkasan nilai untuk pesan kesalahan: array dan gambar ditulis bentuk dan tipenya saja."""
    if isinstance(value, np.ndarray):
        return f"array berbentuk {value.shape} bertipe {value.dtype}"
    if (type(value).__module__ or "").startswith("PIL.") and hasattr(value, "mode"):
        return f"gambar PIL mode {value.mode} berukuran {value.size[0]} × {value.size[1]}"
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def error(name: str, expected: str, given, hint: str = "", kind=ValueError) -> Exception:
    """Kesalahan baku: "`name` harus <expected>, tetapi yang diberikan: <given>." + petunjuk.

    ``kind`` adalah jenisnya: ``ValueError`` (bawaan) untuk nilai yang salah, ``TypeError``
    untuk jenis yang salah (misalnya teks di tempat bilangan).
    """
    message = f"`{name}` harus {expected}, tetapi yang diberikan: {short(given)}."
    return kind(f"{message} {hint}" if hint else message)


def is_int(value) -> bool:
    """True untuk bilangan bulat Python/NumPy (bool tidak dihitung)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def is_real(value) -> bool:
    """True untuk satu bilangan real Python/NumPy (bool dan teks tidak dihitung)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _range_text(minimum, maximum) -> str:
    if minimum is not None and maximum is not None:
        return f"dari {minimum} sampai {maximum}"
    if minimum is not None:
        return f"≥ {minimum}"
    if maximum is not None:
        return f"≤ {maximum}"
    return ""


def as_int(name: str, value, minimum=None, maximum=None) -> int:
    """Memastikan ``value`` bilangan bulat di rentang ``[minimum, maximum]``; mengembalikan int.

    Yang bukan bilangan sama sekali (teks, None) memberi ``TypeError``; bilangan yang
    bukan bulat atau di luar rentang memberi ``ValueError``.
    """
    expected = f"bilangan bulat {_range_text(minimum, maximum)}".strip()
    if not is_real(value):
        raise error(name, expected, value, kind=TypeError)
    if (not is_int(value) or (minimum is not None and value < minimum)
            or (maximum is not None and value > maximum)):
        raise error(name, expected, value)
    return int(value)


def as_real(name: str, value, minimum=None, maximum=None, *, above=None, below=None,
            expected: str | None = None) -> float:
    """Memastikan ``value`` satu bilangan real berhingga di rentangnya; mengembalikan float.

    ``minimum``/``maximum`` termasuk batasnya; ``above``/``below`` tidak (batas terbuka).
    ``expected`` mengganti uraian rentang bawaan dalam pesan kesalahan.
    """
    if expected is None:
        parts = [_range_text(minimum, maximum)]
        if above is not None:
            parts.append(f"> {above}")
        if below is not None:
            parts.append(f"< {below}")
        expected = ("bilangan " + " dan ".join(p for p in parts if p)).strip()
    if not is_real(value):
        raise error(name, expected, value, kind=TypeError)
    v = float(value)
    if (not np.isfinite(v) or (minimum is not None and v < minimum)
            or (maximum is not None and v > maximum) or (above is not None and v <= above)
            or (below is not None and v >= below)):
        raise error(name, expected, value)
    return v


def as_choice(name: str, value, choices):
    """Memastikan ``value`` salah satu dari ``choices``; mengembalikannya."""
    if isinstance(value, (list, dict, set, np.ndarray)) or value not in choices:
        options = ", ".join(repr(c) for c in choices[:-1])
        options = f"{options}, atau {choices[-1]!r}" if len(choices) > 2 else \
            " atau ".join(repr(c) for c in choices)
        raise error(name, f"salah satu dari {options}" if len(choices) > 2 else options, value)
    return value


def as_pair(name: str, value, minimum: int) -> tuple[int, int]:
    """Satu bilangan bulat atau pasangan (tinggi, lebar) menjadi tuple dua bilangan bulat."""
    if isinstance(value, (tuple, list, np.ndarray)):
        if len(value) != 2:
            raise error(name, f"bilangan bulat ≥ {minimum} atau pasangan (tinggi, lebar)",
                        value)
        return (as_int(f"{name}[0]", value[0], minimum),
                as_int(f"{name}[1]", value[1], minimum))
    value = as_int(name, value, minimum)
    return value, value


def as_array(name: str, x, finite: bool = True) -> np.ndarray:
    """``x`` sebagai array NumPy berisi bilangan real (bawaan: tanpa NaN/inf)."""
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError):
        raise error(name, "array bilangan dengan bentuk teratur (setiap baris sama panjang)",
                    type(x).__name__) from None
    if arr.dtype.kind not in "biuf":
        raise error(name, "array berisi bilangan real (int atau float)", arr,
                    "Teks, objek, dan bilangan kompleks tidak didukung.", kind=TypeError)
    if finite and arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise error(name, "hanya berisi bilangan berhingga (tanpa NaN atau inf)", arr,
                    "Periksa data Anda, misalnya dengan np.isnan(...).any().")
    return arr


def as_labels(name: str, y, n: int | None = None) -> np.ndarray:
    """Label kelas sebagai array 1-D bilangan bulat ≥ 0 (3.0 diterima sebagai 3)."""
    array = np.asarray(y)
    if array.dtype.kind == "f" and np.isfinite(array).all() \
            and (array == np.round(array)).all():
        array = array.astype(np.int64)
    if array.dtype.kind not in "iu" or array.ndim != 1:
        hint = ("Label one-hot diubah dulu menjadi angka: y.argmax(axis=1)."
                if array.ndim == 2 else "")
        raise error(name, "array 1-D berisi label bilangan bulat (0, 1, 2, …)", array, hint)
    if array.size and array.min() < 0:
        raise error(name, "berisi label ≥ 0", array)
    if n is not None and len(array) != n:
        raise error(name, f"berisi {n} label (satu per gambar)", array)
    return array


def as_gray_image(name: str, image, *, allow_channel: bool = True,
                  hint: str | None = None) -> np.ndarray:
    """Satu gambar grayscale sebagai array 2-D ``(H, W)`` berisi bilangan berhingga.

    Diterima: ``(H, W)`` dan, bila ``allow_channel``, ``(H, W, 1)`` (kanal tunggal dibuang).
    ``hint``: petunjuk pengganti bila bentuknya salah (bawaan: ambil ``x[0]`` dari batch).
    """
    arr = as_array(name, image)
    if allow_channel and arr.ndim == 3 and arr.shape[-1] == 1:
        arr = arr[..., 0]
    if arr.ndim != 2 or 0 in arr.shape:
        shapes = "(H, W) atau (H, W, 1)" if allow_channel else "(H, W)"
        if hint is None:
            hint = "Untuk satu gambar dari batch, ambil x[0]." if arr.ndim in (3, 4) else ""
        raise error(name, f"satu gambar grayscale berbentuk {shapes}", arr, hint)
    return arr


def as_names(name: str, names, n: int) -> list[str]:
    """Nama kelas sebagai daftar ``n`` teks; ``None`` menjadi ``["0", "1", …]``."""
    if names is None:
        return [str(i) for i in range(n)]
    if isinstance(names, str) or not hasattr(names, "__len__"):
        raise error(name, f"daftar berisi {n} nama kelas", names, kind=TypeError)
    if len(names) != n:
        raise error(name, f"berisi {n} nama kelas (satu per kelas)", list(names))
    return [str(item) for item in names]


def as_bool(name: str, value) -> bool:
    """Memastikan ``value`` True atau False (bool Python atau NumPy); mengembalikan bool.

    Bilangan seperti 1 atau teks seperti "ya" ditolak dengan ``TypeError``.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise error(name, "True atau False", value, kind=TypeError)
    return bool(value)
