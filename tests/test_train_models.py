"""Tes `assets/train_models.py`: setiap percobaan augmentasi pelajaran 15 dapat diulang.

Pelatihannya sendiri (≈ 1 menit per percobaan) tidak dijalankan di sini; yang diuji adalah
bahwa setiap nama percobaan menghasilkan lapisan augmentasi yang disebut namanya.
"""

from __future__ import annotations

import pytest

pytest.importorskip("keras", reason="Keras tidak terpasang")

from assets import train_models  # noqa: E402
from saraf.augment import augmentation  # noqa: E402


def layers_of(name):
    """Nama kelas lapisan augmentasi percobaan ``name`` dan resepnya yang lengkap."""
    s = {**train_models.MNIST_SETTINGS, **train_models.EXPERIMENTS[name]}
    augment = augmentation(**{k: s[k] for k in train_models.AUGMENTATION_KEYS}, seed=s["seed"])
    return [type(layer).__name__ for layer in augment], s


ALL = ["RandomRotation", "RandomZoom", "RandomTranslation", "StrokeThickness"]


@pytest.mark.parametrize("name, expected, epochs", [
    ("tersimpan", ALL, 25),
    ("resep-12", [], 8),
    ("geometri-15", ALL[:3], 15),
    ("goresan-15", ["StrokeThickness"], 15),
    ("tanpa-goresan", ALL[:3], 25),
    ("tanpa-lebar", ALL, 25),
    ("seed-1", ALL, 25),
])
def test_experiment_builds_the_layers_its_name_says(name, expected, epochs):
    names, settings = layers_of(name)
    assert names == expected
    assert settings["epochs"] == epochs
    if name in ("geometri-15", "tanpa-lebar"):
        assert settings["width_zoom"] == 0.0  # lebar berubah sama seperti tinggi
    assert settings["seed"] == (1 if name == "seed-1" else 42)


def test_experiments_change_only_the_recipe_keys():
    keys = set(train_models.MNIST_SETTINGS)
    for name, change in train_models.EXPERIMENTS.items():
        assert set(change) <= keys, name


def test_unknown_experiment_is_refused(capsys):
    with pytest.raises(SystemExit):
        train_models.main(["--experiment", "tanpa-apa-apa"])
    assert "tanpa-goresan" in capsys.readouterr().err  # pilihan yang ada ikut disebut
