"""Berkas yang ikut bersama `saraf` (`saraf.resources`): data bawaan, model, dan gambar.

Tes cepat memeriksa letak berkas di checkout ini. Tes lambat memasang `saraf` BIASA (bukan
editable) ke folder sementara, lalu memakainya dari folder lain: data bawaan, setiap model
tersimpan, gambar tulisan tangan, dan berkas non-Python lain harus ikut terpasang.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from saraf import resources

ROOT = Path(__file__).resolve().parents[1]


def test_folders_are_the_repository_data_and_assets():
    assert resources.ASSETS_DIR == (ROOT / "assets").resolve()
    if not os.environ.get("SARAF_DATA_DIR"):
        assert resources.DATA_DIR == (ROOT / "data").resolve()
    assert resources.data_file("mnist_embedded.npz") == resources.DATA_DIR / "mnist_embedded.npz"
    assert resources.asset("handwriting", "mouse_7.png") == \
        resources.ASSETS_DIR / "handwriting" / "mouse_7.png"
    assert resources.asset("handwriting", "mouse_7.png").is_file()


#: Dijalankan oleh python .venv dari folder lain, dengan PYTHONPATH = folder pemasangan.
INSTALLED_CHECK = r"""
import json
import numpy as np
import saraf
from saraf import cnn, data, mlp, resources

(x_train, y_train), (x_test, y_test) = data.load_mnist()
(f_train, fy_train), (f_test, fy_test) = data.load_fashion_mnist()
images = data.prepare_images(x_test[:200])  # (200, 28, 28, 1), 0 sampai 1
mlp_accuracy = mlp.pretrained().evaluate(images.reshape(200, 784), y_test[:200]) / 200
models = {}
for name in cnn.PRETRAINED:
    guesses = cnn.load_pretrained(name).predict(images, verbose=0)
    models[name] = float(np.mean(np.argmax(guesses, axis=1) == y_test[:200]))
handwriting = sorted(p.name for p in resources.asset("handwriting").iterdir()
                     if p.suffix in (".png", ".jpg"))
print(json.dumps({
    "saraf": saraf.__file__, "resources": resources.__file__,
    "data_dir": str(resources.DATA_DIR), "assets_dir": str(resources.ASSETS_DIR),
    "mnist": [list(x_train.shape), list(x_test.shape)],
    "fashion": [list(f_train.shape), list(f_test.shape)],
    "mlp_accuracy": mlp_accuracy, "cnn_accuracy": models,
    "handwriting": handwriting,
    "mouse_7": resources.asset("handwriting", "mouse_7.png").is_file(),
}))
"""


def _package_files(folder: Path) -> set[str]:
    """Berkas di ``folder`` yang seharusnya terpasang (tanpa cache dan skrip pembangun)."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


@pytest.mark.slow
def test_regular_install_finds_data_models_and_images_from_another_folder(tmp_path):
    source, target, elsewhere = tmp_path / "sumber", tmp_path / "terpasang", tmp_path / "lain"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in ("lib", "data", "assets"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation",
               "--no-compile", "--disable-pip-version-check", "-q", "--target", str(target),
               str(source)]
    result = subprocess.run(install, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

    installed = target / "saraf"
    expected = _package_files(ROOT / "lib" / "saraf")
    missing = sorted(expected - _package_files(installed))
    assert not missing, f"berkas pustaka tidak ikut terpasang (periksa pyproject.toml): {missing}"
    for folder, package in (("data", "_data"), ("assets", "_assets")):
        stored = {f for f in _package_files(ROOT / folder)
                  if f.endswith((".npz", ".keras", ".png", ".jpg"))}
        assert stored and stored <= _package_files(installed / package), folder

    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SARAF_DATA_DIR", "PYTHONPATH")}
    env.update(PYTHONPATH=str(target), TF_CPP_MIN_LOG_LEVEL="3")
    result = subprocess.run([sys.executable, "-c", INSTALLED_CHECK], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])

    for key in ("saraf", "resources", "data_dir", "assets_dir"):
        path = Path(found[key]).resolve()
        assert path.is_relative_to(target.resolve()), f"{key} dari checkout: {path}"
    assert found["mnist"] == [[8000, 28, 28], [2000, 28, 28]]
    assert found["fashion"] == [[10000, 28, 28], [2000, 28, 28]]
    assert found["mlp_accuracy"] >= 0.85
    assert set(found["cnn_accuracy"]) and min(found["cnn_accuracy"].values()) >= 0.9
    assert found["mouse_7"]
    stored = ROOT / "assets" / "handwriting"
    assert found["handwriting"] == sorted(p.name for p in stored.iterdir()
                                          if p.suffix in (".png", ".jpg"))
