"""Memuat data MNIST dan Fashion-MNIST, luring (*offline*) secara bawaan.

Dua sumber data:

* ``source="embedded"`` (bawaan): potongan kecil data **asli** yang disimpan di folder
  ``data/`` repositori ini. Cepat (jauh di bawah satu detik) dan tidak butuh internet.
  MNIST: 8.000 data latih + 2.000 data uji; Fashion-MNIST: 10.000 + 2.000.
* ``source="full"``: data resmi lengkap (60.000 + 10.000), dicari berurutan di
  ``path=`` yang Anda berikan, di cache Keras (``~/.keras/datasets``), di folder paket
  Debian ``/usr/share/datasets/fashion-mnist``, lalu diunduh oleh Keras bila ada internet.

Keduanya mengembalikan ``(x_train, y_train), (x_test, y_test)`` persis seperti
``keras.datasets.mnist.load_data()``: gambar ``uint8`` berbentuk ``(N, 28, 28)`` dan label
``uint8`` berbentuk ``(N,)``.

Setiap berkas diperiksa dengan SHA-256 sebelum dipakai: berkas yang terpotong atau
berubah menghasilkan galat yang menyebut nama berkasnya, tidak pernah array yang salah.
Tidak ada pickle: ``.npz`` dibuka dengan ``allow_pickle=False``. Untuk CNN (pelajaran
12–14), :func:`prepare_images` mengubah gambar menjadi masukan ``float32``
``(N, 28, 28, 1)`` bernilai 0–1. Modul ini hanya butuh NumPy.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
from pathlib import Path

import numpy as np

from saraf import resources
from saraf.formatting import thousands
from saraf.validation import as_array, error

__all__ = [
    "FASHION_MNIST_CLASSES",
    "MNIST_CLASSES",
    "DATA_DIR",
    "load_mnist",
    "load_fashion_mnist",
    "check_embedded",
    "read_verified",
    "prepare_images",
]

#: Nama kelas Fashion-MNIST dalam bahasa Indonesia; indeks = label (0–9).
FASHION_MNIST_CLASSES = (
    "Kaus/atasan",
    "Celana panjang",
    "Pulover",
    "Gaun",
    "Mantel",
    "Sandal",
    "Kemeja",
    "Sepatu kets",
    "Tas",
    "Sepatu bot",
)

#: Nama kelas MNIST: angka 0 sampai 9.
MNIST_CLASSES = tuple(str(d) for d in range(10))


#: Folder data bawaan (dapat diganti dengan variabel lingkungan ``SARAF_DATA_DIR``).
DATA_DIR = resources.DATA_DIR

# SHA-256 berkas bawaan; `data/README.md` dan `data/build_embedded.py` memakai nilai yang sama.
# `uci_digits.npz` (angka tulisan tangan dari penulis lain) dimuat oleh `saraf.writers`.
EMBEDDED_FILES = {
    "mnist": ("mnist_embedded.npz",
              "4614876ee958250358ad597f373701328f3bbeed24c50d0195e071cadc5107f5"),
    "fashion_mnist": ("fashion_mnist_embedded.npz",
                      "87c7c83f387ce2c55ebc9438afa1cbfeb485e313bd57fa0c8dd5c38e65b67fd5"),
    "uci_digits": ("uci_digits.npz",
                   "aa64e930663d6e9271e1566601d65e70236553f73ec6cb041a4ab37167cf1d04"),
}

# Berkas resmi lengkap. MNIST: `mnist.npz` milik Keras (SHA-256 berkasnya, sama seperti
# yang diperiksa Keras). Fashion-MNIST: SHA-256 isi berkas IDX setelah didekompresi,
# sehingga berkas .gz yang dikompresi ulang tetap diterima asalkan isinya sama.
MNIST_NPZ = ("mnist.npz", "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1")
FASHION_IDX = {
    "y_train": ("train-labels-idx1-ubyte",
                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
    "x_train": ("train-images-idx3-ubyte",
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
    "y_test": ("t10k-labels-idx1-ubyte",
               "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
    "x_test": ("t10k-images-idx3-ubyte",
               "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
}
DEBIAN_FASHION_DIR = Path("/usr/share/datasets/fashion-mnist")
_SOURCES = ("embedded", "full")
_SPLIT_KEYS = ("x_train", "y_train", "x_test", "y_test")


class CorruptDataError(ValueError):
    """Berkas data ada, tetapi isinya terpotong, rusak, atau tidak sesuai aslinya."""


# ---------------------------------------------------------------------------
# Fungsi publik
# ---------------------------------------------------------------------------


def load_mnist(source: str = "embedded", path=None, download: bool = True):
    """Memuat MNIST (angka tulisan tangan 0–9).

    Parameter
    ---------
    source : ``"embedded"`` (bawaan, 8.000 latih + 2.000 uji, luring) atau ``"full"``
        (60.000 latih + 10.000 uji resmi).
    path : khusus ``source="full"``: berkas ``mnist.npz`` (format Keras) atau folder
        yang berisi berkas itu.
    download : khusus ``source="full"``: boleh mengunduh lewat Keras bila berkas
        tidak ditemukan di mana pun.

    Mengembalikan
    -------------
    ``(x_train, y_train), (x_test, y_test)``: gambar ``uint8 (N, 28, 28)``, label ``uint8 (N,)``.
    """
    _check_source(source, path)
    if source == "embedded":
        return _load_embedded("mnist")
    return _load_full_mnist(path, download)


def load_fashion_mnist(source: str = "embedded", path=None, download: bool = True):
    """Memuat Fashion-MNIST (10 jenis pakaian; nama kelas di ``FASHION_MNIST_CLASSES``).

    Seperti :func:`load_mnist`, tetapi data bawaannya 10.000 latih + 2.000 uji (seimbang per
    kelas), dan ``path`` untuk ``source="full"`` adalah folder berisi empat berkas resmi
    (``train-images-idx3-ubyte.gz`` dan seterusnya; boleh tanpa ``.gz``).
    """
    _check_source(source, path)
    if source == "embedded":
        return _load_embedded("fashion_mnist")
    return _load_full_fashion(path, download)


# ---------------------------------------------------------------------------
# Pemeriksaan argumen dan berkas
# ---------------------------------------------------------------------------


def _check_source(source, path) -> None:
    if not isinstance(source, str) or source not in _SOURCES:
        raise error("source", "'embedded' (data kecil bawaan, luring) atau 'full' (data resmi "
                    "lengkap)", source)
    if path is not None and source != "full":
        raise ValueError(
            f"`path` hanya dipakai bersama source='full', tetapi yang diberikan: "
            f"source={source!r}, path={str(path)!r}. Hapus `path` atau tambahkan source='full'."
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_verified(file: Path, expected_sha: str, what: str) -> bytes:
    """Membaca berkas dan memastikan SHA-256-nya sesuai; bila tidak, galat menyebut berkasnya."""
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(
            f"Berkas {what} tidak ditemukan: {file}. Pastikan folder `data/` repositori "
            f"lengkap (misalnya dengan `git checkout -- data/`)."
        ) from None
    actual = _sha256(raw)
    if actual != expected_sha:
        raise CorruptDataError(
            f"Berkas {file} rusak atau berubah: SHA-256-nya {actual[:16]}…, padahal "
            f"seharusnya {expected_sha[:16]}… ({thousands(len(raw))} byte). Ambil ulang berkas "
            f"tersebut (untuk data bawaan: `git checkout -- data/`)."
        )
    return raw


def _check_arrays(arrays: dict, origin: str, n_train=None, n_test=None):
    """Memastikan bentuk dan tipe sesuai janji fungsi load_*; mengembalikan tuple ala Keras."""
    for key in _SPLIT_KEYS:
        if key not in arrays:
            raise CorruptDataError(f"{origin}: array `{key}` tidak ada di dalam berkas.")
    x_train, y_train, x_test, y_test = (np.asarray(arrays[k]) for k in _SPLIT_KEYS)
    for name, x, y, n in (("train", x_train, y_train, n_train), ("test", x_test, y_test, n_test)):
        ok = (
            x.dtype == np.uint8 and y.dtype == np.uint8
            and x.ndim == 3 and x.shape[1:] == (28, 28)
            and y.shape == (x.shape[0],)
            and (n is None or x.shape[0] == n)
            and (y.size == 0 or y.max() <= 9)
        )
        if not ok:
            raise CorruptDataError(
                f"{origin}: bagian {name} tidak berbentuk gambar uint8 (N, 28, 28) dengan "
                f"label 0–9; yang ditemukan: x {x.shape} {x.dtype}, y {y.shape} {y.dtype}."
            )
    return (x_train, y_train), (x_test, y_test)


# ---------------------------------------------------------------------------
# Data bawaan
# ---------------------------------------------------------------------------


def _load_npz(file: Path, expected_sha: str, what: str, n_train=None, n_test=None):
    """Berkas ``.npz`` yang SHA-256-nya sudah diperiksa → tuple ala Keras."""
    raw = read_verified(file, expected_sha, what)
    with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in _SPLIT_KEYS if k in npz.files}
    return _check_arrays(arrays, str(file), n_train, n_test)


def _load_embedded(name: str):
    filename, expected = EMBEDDED_FILES[name]
    return _load_npz(DATA_DIR / filename, expected, "data bawaan")


def check_embedded() -> list[str]:
    """Nama berkas data bawaan yang hilang atau rusak (daftar kosong bila semuanya utuh)."""
    broken = []
    for filename, expected in EMBEDDED_FILES.values():
        try:
            read_verified(DATA_DIR / filename, expected, "data bawaan")
        except (OSError, ValueError):
            broken.append(filename)
    return broken


# ---------------------------------------------------------------------------
# Data lengkap
# ---------------------------------------------------------------------------


def _keras_datasets_dir() -> Path:
    home = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(home) / "datasets"


def _mnist_candidates(path):
    if path is not None:
        p = Path(path)
        if p.is_dir():
            p = p / MNIST_NPZ[0]
        if not p.is_file():
            raise FileNotFoundError(
                f"`path` harus berkas {MNIST_NPZ[0]} (format Keras) atau folder yang "
                f"berisi berkas itu, tetapi yang diberikan tidak ada: {path}"
            )
        return [p]
    return [_keras_datasets_dir() / MNIST_NPZ[0]]


def _load_full_mnist(path, download: bool):
    candidates = _mnist_candidates(path)
    for file in candidates:
        if file.is_file():
            return _load_npz(file, MNIST_NPZ[1], "MNIST lengkap", 60000, 10000)
    if download and _download_with_keras("mnist"):
        file = _keras_datasets_dir() / MNIST_NPZ[0]
        if file.is_file():
            return _load_npz(file, MNIST_NPZ[1], "MNIST lengkap", 60000, 10000)
    raise _not_found_error("MNIST", candidates, download, [
        "Hubungkan komputer ke internet sekali, lalu jalankan lagi "
        "`load_mnist(source='full')`: Keras mengunduh mnist.npz (11 MB) ke "
        f"{_keras_datasets_dir()}.",
        "Atau salin berkas mnist.npz dari komputer lain ke folder itu, atau berikan "
        "lokasinya: `load_mnist(source='full', path='.../mnist.npz')`.",
        "Tanpa internet, pakai data bawaan: `load_mnist()` (8.000 + 2.000 gambar asli).",
    ])


def _find_idx_file(folder: Path, stem: str):
    for name in (stem + ".gz", stem):
        if (folder / name).is_file():
            return folder / name
    return None


def _fashion_candidates(path):
    if path is not None:
        folder = Path(path)
        if not folder.is_dir():
            raise FileNotFoundError(
                f"`path` harus folder yang berisi empat berkas resmi Fashion-MNIST "
                f"(train-images-idx3-ubyte.gz, …), tetapi yang diberikan tidak ada atau "
                f"bukan folder: {path}"
            )
        missing = [stem for stem, _ in FASHION_IDX.values() if _find_idx_file(folder, stem) is None]
        if missing:
            raise FileNotFoundError(
                f"Folder {folder} tidak lengkap; berkas yang tidak ada: "
                + ", ".join(m + ".gz" for m in missing) + "."
            )
        return [folder]
    return [_keras_datasets_dir() / "fashion-mnist", DEBIAN_FASHION_DIR]


def _read_idx(file: Path, expected_sha: str) -> np.ndarray:
    try:
        compressed = file.read_bytes()
        raw = gzip.decompress(compressed) if file.suffix == ".gz" else compressed
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise CorruptDataError(
            f"Berkas {file} rusak atau terpotong dan tidak dapat didekompresi ({exc}). "
            f"Hapus berkas itu dan ambil ulang."
        ) from None
    actual = _sha256(raw)
    if actual != expected_sha:
        raise CorruptDataError(
            f"Berkas {file} rusak atau berubah: SHA-256 isinya {actual[:16]}…, padahal "
            f"berkas resmi {expected_sha[:16]}…. Hapus berkas itu dan ambil ulang."
        )
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims).copy()


def _load_fashion_folder(folder: Path):
    arrays = {key: _read_idx(_find_idx_file(folder, stem), sha)
              for key, (stem, sha) in FASHION_IDX.items()}
    return _check_arrays(arrays, str(folder), 60000, 10000)


def _load_full_fashion(path, download: bool):
    candidates = _fashion_candidates(path)
    for folder in candidates:
        if all(_find_idx_file(folder, stem) for stem, _ in FASHION_IDX.values()):
            return _load_fashion_folder(folder)
    if download and _download_with_keras("fashion_mnist"):
        folder = _keras_datasets_dir() / "fashion-mnist"
        if folder.is_dir():
            return _load_fashion_folder(folder)
    raise _not_found_error("Fashion-MNIST", candidates, download, [
        "Di Debian/Ubuntu: `sudo apt-get install dataset-fashion-mnist` (berkas resmi "
        f"masuk ke {DEBIAN_FASHION_DIR}).",
        "Atau hubungkan komputer ke internet sekali, lalu jalankan lagi "
        "`load_fashion_mnist(source='full')`: Keras mengunduh empat berkas (30 MB) ke "
        f"{_keras_datasets_dir() / 'fashion-mnist'}.",
        "Atau berikan folder berisi empat berkas resmi: "
        "`load_fashion_mnist(source='full', path='folder/berkas')`.",
        "Tanpa internet, pakai data bawaan: `load_fashion_mnist()` (10.000 + 2.000 gambar asli).",
    ])


def _download_with_keras(name: str) -> bool:
    """Meminta Keras mengunduh data ke cache-nya. Mengembalikan False bila gagal (luring)."""
    try:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        from keras import datasets  # impor di sini: Keras lambat dimuat (≈ 3 detik)

        getattr(datasets, name).load_data()
    except Exception:  # tanpa internet, Keras melempar galat jaringan yang panjang
        return False
    return True


def _not_found_error(title: str, candidates, download: bool, hints) -> FileNotFoundError:
    looked = "\n".join(f"  - {c}" for c in candidates)
    tried = ("  - unduhan lewat Keras gagal (tidak ada internet?)" if download
             else "  - unduhan tidak dicoba (download=False)")
    steps = "\n".join(f"  {i}. {h}" for i, h in enumerate(hints, 1))
    return FileNotFoundError(
        f"Data {title} lengkap tidak ditemukan. Yang sudah diperiksa:\n{looked}\n{tried}\n"
        f"Cara mendapatkannya:\n{steps}"
    )


# ---------------------------------------------------------------------------
# Masukan CNN
# ---------------------------------------------------------------------------


def prepare_images(x) -> np.ndarray:
    """Gambar → masukan CNN: ``float32`` berbentuk ``(N, 28, 28, 1)`` bernilai 0 sampai 1.

    ``x`` boleh berupa piksel ``uint8`` (0–255) berbentuk ``(N, H, W)`` atau ``(N, H, W, 1)``
    (misalnya ``x_train`` dari :func:`load_mnist`), atau gambar yang sudah dinormalisasi
    (float, 0–1). Piksel dibagi 255 dan sumbu kanal ditambahkan di akhir, seperti di
    pelajaran 01.
    """
    array = as_array("x", x)
    if array.ndim == 3:
        array = array[..., np.newaxis]
    if array.ndim != 4 or array.shape[-1] != 1 or array.shape[0] == 0:
        raise error("x", "array gambar berbentuk (N, tinggi, lebar) atau (N, tinggi, lebar, 1)",
                    array, "Untuk satu gambar, tambahkan sumbu batch: x[np.newaxis]."
                    if array.ndim == 2 else "")
    if array.dtype.kind == "f":
        if array.min() < 0 or array.max() > 1:
            raise error("x", "piksel uint8 (0–255) atau gambar float bernilai 0 sampai 1",
                        array, "Gambar float dengan nilai sampai 255? Bagi dulu dengan 255.")
        return array.astype(np.float32, copy=False)
    if array.min() < 0 or array.max() > 255:
        raise error("x", "piksel bilangan bulat 0 sampai 255", array)
    return array.astype(np.float32) / np.float32(255)
