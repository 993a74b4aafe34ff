"""Tes assets/train_numpy_cnn.py: resep CNN NumPy tersimpan, augmentasi geser, dan opsinya."""

import subprocess
import sys

import numpy as np
import pytest

from saraf import numpy_cnn, resources
from saraf.data import load_mnist

SCRIPT = resources.asset("train_numpy_cnn.py")


@pytest.fixture(scope="module")
def script():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import train_numpy_cnn
    finally:
        sys.path.remove(str(SCRIPT.parent))
    return train_numpy_cnn


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def test_defaults_are_the_recipe_of_the_stored_network(script):
    args = script.parse_args([])
    assert (args.filters, args.epochs, args.slow_epochs, args.batch, args.learning_rate,
            args.shift, args.seed, args.source) == ((16, 32), 10, 3, 32, 0.002, 2, 0, "embedded")
    assert args.out == numpy_cnn.PRETRAINED_PATH
    stored = numpy_cnn.pretrained()
    assert [layer.filters for layer in stored.layers if hasattr(layer, "filters")] == [16, 32]


def test_shift_moves_each_image_whole(script):
    (x, _), _ = load_mnist()
    images = x[:200] / 255
    moved = script.shifted(images, np.random.default_rng(0), 2)
    assert moved.shape == images.shape
    shifts = []
    for before, after in zip(images, moved):
        padded = np.pad(before, 2)  # tepi yang kosong diisi 0 (hitam)
        found = [(dy, dx) for dy in range(-2, 3) for dx in range(-2, 3)
                 if np.array_equal(padded[2 - dy:30 - dy, 2 - dx:30 - dx], after)]
        assert found  # tepat pergeseran utuh, bukan gambar yang diubah bentuknya
        shifts.append(found[0])
    assert len(set(shifts)) > 10  # pergeserannya acak, bukan satu arah saja
    assert script.shifted(images, np.random.default_rng(0), 0) is images


def test_script_trains_and_writes_a_loadable_network(tmp_path):
    out = tmp_path / "kecil.npz"
    done = run("--filters", "2", "--epochs", "1", "--slow-epochs", "0", "--shift", "1",
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "akurasi uji akhir" in done.stdout and f"tersimpan: {out}" in done.stdout
    net = numpy_cnn.ConvNet.load(out)
    _, (xt, yt) = load_mnist()
    assert net.evaluate(xt[:500] / 255, yt[:500]) / 500 > 0.5  # satu epoch sudah belajar


@pytest.mark.parametrize("args, words", [(["--filters", "0"], "bilangan bulat ≥ 1"),
                                         (["--filters", "a,b"], "16,32"),
                                         (["--source", "lengkap"], "embedded")])
def test_bad_options_are_refused(args, words):
    done = run(*args)
    assert done.returncode == 2 and words in done.stderr
