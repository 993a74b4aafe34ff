"""Berkas ``.npz`` untuk ``saraf.mlp.Network``: menulis dan membaca bobot dengan aman.

``Network.save`` dan ``Network.load`` memakai modul ini. Bobot tidak pernah disimpan dengan
``pickle`` (memuat pickle dapat menjalankan kode apa pun): berkasnya ``.npz`` biasa, dibuka
dengan ``allow_pickle=False``, lalu setiap array diperiksa. Berkas yang bukan jaringan
tersimpan ditolak dengan ``ValueError`` yang menyebut nama berkas dan apa yang salah.

Isi berkas: ``format`` (penanda), ``version``, ``sizes``, ``init``, ``cost``, lalu ``w0``,
``b0``, ``w1``, ``b1``, … (bobot dan bias setiap lapisan, float64). Hanya butuh NumPy.
``init`` dibaca apa adanya: berkas lama menyimpan ``"xavier"``, nama lama awal LeCun, dan
``Network.load`` menggantinya dengan ``"lecun"`` (lihat ``saraf.mlp.INIT_ALIASES``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from saraf.validation import error

__all__ = ["FILE_FORMAT", "FILE_VERSION", "write", "read", "writable_path", "open_arrays"]

#: Penanda berkas buatan ``write`` (diperiksa oleh ``read``).
FILE_FORMAT = "saraf.mlp.Network"
FILE_VERSION = 1


def write(path, sizes, init: str, cost: str, weights, biases) -> Path:
    """Menulis jaringan ke berkas ``.npz`` (tanpa pickle); mengembalikan lokasinya."""
    path = writable_path(path)
    arrays = {"format": np.array(FILE_FORMAT), "version": np.array(FILE_VERSION),
              "sizes": np.array(sizes, dtype=np.int64), "init": np.array(init),
              "cost": np.array(cost)}
    for i, (w, b) in enumerate(zip(weights, biases)):
        arrays[f"w{i}"], arrays[f"b{i}"] = w, b
    np.savez(path, **arrays)
    return path


def read(path, inits, costs) -> dict:
    """Membaca berkas buatan :func:`write`; ``init`` harus di ``inits``, ``cost`` di ``costs``.

    Mengembalikan ``dict`` berisi ``sizes`` (list int), ``init``, ``cost`` (teks),
    ``weights`` dan ``biases`` (list array float64).
    """
    not_network = (f"Berkas {path} bukan jaringan yang disimpan dengan Network.save "
                   f"(berkas .npz berisi bobot dan bias)")
    arrays = open_arrays(path, not_network)
    problem = _problem(arrays, inits, costs)
    if problem:
        raise ValueError(f"{not_network}: {problem}.")
    layers = range(len(arrays["sizes"]) - 1)
    return {"sizes": [int(s) for s in arrays["sizes"]], "init": str(arrays["init"]),
            "cost": str(arrays["cost"]),
            "weights": [arrays[f"w{i}"].astype(np.float64) for i in layers],
            "biases": [arrays[f"b{i}"].astype(np.float64) for i in layers]}


def writable_path(path) -> Path:
    """``path`` sebagai ``Path`` berakhiran ``.npz`` di folder yang sudah ada."""
    path = Path(path)
    if path.suffix != ".npz":
        raise error("path", "nama berkas berakhiran .npz", str(path))
    if not path.parent.is_dir():
        raise error("path", "berada di folder yang sudah ada", str(path))
    return path


def open_arrays(path, not_model: str) -> dict:
    """Semua array berkas ``.npz`` di ``path``, dibuka dengan aman (tanpa pickle).

    ``not_model`` adalah awal pesan kesalahan ("Berkas … bukan …") bila isinya pickle,
    bukan arsip .npz, rusak, atau berisi array objek. Model lain (``saraf.numpy_cnn``) juga
    memakai fungsi ini.
    """
    path = Path(path)
    if not path.is_file():
        raise error("path", "berkas .npz yang ada", path.name, f"Berkas {path} tidak ditemukan.")
    with open(path, "rb") as file:
        head = file.read(4)
    if head[:1] == b"\x80":  # bait pertama setiap pickle protokol 2 ke atas
        raise ValueError(f"{not_model}: isinya data pickle. Saraf tidak pernah membuka "
                         f"pickle, karena memuat pickle dapat menjalankan kode apa pun.")
    if head != b"PK\x03\x04":  # setiap .npz adalah arsip zip
        raise ValueError(f"{not_model}: isinya bukan arsip .npz.")
    try:
        with np.load(path, allow_pickle=False) as npz:
            return {key: npz[key] for key in npz.files}
    except ValueError as exc:  # array objek di dalam .npz butuh pickle: ditolak
        raise ValueError(f"{not_model}: ada array yang hanya bisa dibuka dengan pickle "
                         f"({exc}).") from None
    except (OSError, EOFError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{not_model}: berkasnya rusak atau terpotong ({exc}).") from None


def _problem(arrays: dict, inits, costs) -> str:
    """Apa yang salah dengan isi berkas (``""`` bila isinya jaringan yang utuh)."""
    marker, version, sizes = arrays.get("format"), arrays.get("version"), arrays.get("sizes")
    if marker is None or marker.shape != () or str(marker) != FILE_FORMAT:
        return f"penanda `format` = {FILE_FORMAT!r} tidak ada"
    if version is None or version.shape != () or version.dtype.kind not in "iu" \
            or int(version) != FILE_VERSION:
        return f"versi berkas {version} tidak dikenal (yang dikenal: {FILE_VERSION})"
    if sizes is None or sizes.ndim != 1 or sizes.dtype.kind not in "iu" or len(sizes) < 2 \
            or sizes.min() < 1:
        return "array `sizes` tidak ada atau bukan daftar bilangan bulat ≥ 1"
    sizes = [int(s) for s in sizes]
    expected = {"format", "version", "sizes", "init", "cost"}
    expected |= {f"{p}{i}" for p in "wb" for i in range(len(sizes) - 1)}
    if set(arrays) != expected:
        return (f"kunci yang kurang: {sorted(expected - set(arrays))}, kunci yang tidak "
                f"dikenal: {sorted(set(arrays) - expected)}")
    init, cost = str(arrays["init"]), str(arrays["cost"])
    if init not in inits or cost not in costs:
        return f"`init` = {init!r} atau `cost` = {cost!r} tidak dikenal"
    for i in range(len(sizes) - 1):
        for key, shape in ((f"w{i}", (sizes[i + 1], sizes[i])), (f"b{i}", (sizes[i + 1],))):
            if arrays[key].shape != shape or arrays[key].dtype.kind != "f":
                return (f"`{key}` seharusnya array float berbentuk {shape}, ternyata "
                        f"{arrays[key].dtype} berbentuk {arrays[key].shape}")
            if not np.isfinite(arrays[key]).all():
                return f"`{key}` berisi NaN atau inf"
    return ""
