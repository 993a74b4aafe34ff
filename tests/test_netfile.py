"""Uji untuk `saraf.netfile`: berkas .npz jaringan saraf.mlp, tanpa pickle, dan berkas buruk."""

import ast
import inspect
import pickle
from pathlib import Path

import numpy as np
import pytest

from saraf import netfile, resources
from saraf.mlp import COSTS, INIT_ALIASES, INITS, Network

SIZES = [4, 3, 2]


def small_arrays(seed=0):
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal((b, a)) for a, b in zip(SIZES[:-1], SIZES[1:])]
    biases = [rng.standard_normal(b) for b in SIZES[1:]]
    return weights, biases


def save_small(path, init="normal", cost="quadratic"):
    weights, biases = small_arrays()
    return netfile.write(path, SIZES, init, cost, weights, biases)


def read(path):
    return netfile.read(path, INITS + tuple(INIT_ALIASES), COSTS)


def test_netfile_imports_only_numpy_and_stdlib():
    tree = ast.parse(inspect.getsource(netfile))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "zipfile", "pathlib", "numpy", "saraf.validation"}


@pytest.mark.parametrize("init,cost", [("normal", "quadratic"), ("lecun", "cross_entropy"),
                                       ("xavier", "cross_entropy")])
def test_write_then_read_round_trip(tmp_path, init, cost):
    weights, biases = small_arrays()
    path = save_small(tmp_path / "jaringan.npz", init, cost)
    assert path == tmp_path / "jaringan.npz"
    saved = read(path)
    assert saved["sizes"] == SIZES and saved["init"] == init and saved["cost"] == cost
    for a, b in zip(saved["weights"] + saved["biases"], weights + biases):
        np.testing.assert_array_equal(a, b)
        assert a.dtype == np.float64
    with np.load(path, allow_pickle=False) as npz:  # berkas biasa, tanpa pickle
        assert set(npz.files) == {"format", "version", "sizes", "init", "cost",
                                  "w0", "b0", "w1", "b1"}
        assert str(npz["format"]) == "saraf.mlp.Network" and int(npz["version"]) == 1


def test_stored_asset_is_a_network_file():
    saved = read(resources.asset("mlp_784_30_10.npz"))
    assert saved["sizes"] == [784, 30, 10]
    # Dibuat saat awal LeCun masih bernama "xavier": netfile membacanya apa adanya,
    # Network.load menggantinya dengan nama baru.
    assert saved["init"] == "xavier" and saved["cost"] == "cross_entropy"
    assert Network.load(resources.asset("mlp_784_30_10.npz")).init == "lecun"


def test_read_refuses_unknown_init(tmp_path):
    path = save_small(tmp_path / "jaringan.npz", init="glorot")
    with pytest.raises(ValueError, match="`init` = 'glorot'"):
        read(path)
    with pytest.raises(ValueError, match="`init` = 'xavier'"):  # tanpa nama lama: ditolak
        netfile.read(save_small(tmp_path / "lama.npz", init="xavier"), INITS, COSTS)


def test_write_refuses_bad_paths(tmp_path):
    with pytest.raises(ValueError, match="`path`.*\\.npz"):
        save_small(tmp_path / "jaringan.pkl")
    with pytest.raises(ValueError, match="`path`.*folder"):
        save_small(tmp_path / "tidak_ada" / "jaringan.npz")


class _Harmless:
    """Objek yang, bila di-unpickle, memanggil print: contoh mengapa pickle berbahaya."""

    def __reduce__(self):
        return (print, ("kode dari pickle dijalankan",))


def _write_bad_files(folder: Path, good: Path) -> dict:
    files = {}
    files["teks"] = folder / "teks.npz"
    files["teks"].write_text("ini bukan jaringan")
    files["pickle"] = folder / "seed.pkl"
    files["pickle"].write_bytes(pickle.dumps({"weights": [_Harmless()]}))
    files["npy"] = folder / "satu.npy"
    np.save(files["npy"], np.zeros(3))
    files["npz_lain"] = folder / "lain.npz"
    np.savez(files["npz_lain"], x_train=np.zeros((2, 2)))
    files["terpotong"] = folder / "terpotong.npz"
    files["terpotong"].write_bytes(good.read_bytes()[:300])
    with np.load(good, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    bad_contents = {
        "bentuk_salah": dict(arrays, w0=np.zeros((5, 5))),
        "nan": dict(arrays, b1=np.full_like(arrays["b1"], np.nan)),
        "kunci_kurang": {k: v for k, v in arrays.items() if k != "b0"},
        "versi": dict(arrays, version=np.array(99)),
        "cost": dict(arrays, cost=np.array("mse")),
        "objek": dict(arrays, w0=np.array([None, 1], dtype=object)),
        "bobot_int": dict(arrays, w1=np.zeros((2, 3), dtype=np.int64)),
    }
    for name, contents in bad_contents.items():
        files[name] = folder / f"{name}.npz"
        np.savez(files[name], **contents)
    return files


EXPECTED_REASON = {
    "teks": "bukan arsip .npz", "pickle": "pickle", "npy": "bukan arsip .npz",
    "npz_lain": "penanda `format`", "terpotong": "rusak atau terpotong",
    "bentuk_salah": "(3, 4)", "nan": "NaN", "kunci_kurang": "b0", "versi": "versi berkas 99",
    "cost": "'mse'", "objek": "pickle", "bobot_int": "array float",
}


def test_read_refuses_anything_that_is_not_a_saved_network(tmp_path, capsys):
    files = _write_bad_files(tmp_path, save_small(tmp_path / "baik.npz"))
    for name, path in files.items():
        with pytest.raises(ValueError) as excinfo:
            read(path)
        message = str(excinfo.value)
        assert f"Berkas {path} bukan jaringan yang disimpan dengan Network.save" in message, name
        assert EXPECTED_REASON[name] in message, (name, message)
    assert "kode dari pickle dijalankan" not in capsys.readouterr().out  # tidak pernah di-unpickle
    with pytest.raises(ValueError, match="`path`"):
        read(tmp_path / "tidak_ada.npz")
