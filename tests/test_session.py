"""Tes `saraf.setup`: seed yang dapat diulang, pesan siap, dan seed yang tidak sah."""

from __future__ import annotations

import os
import random
import sys
import types

import matplotlib
import numpy as np
import pytest

import saraf


@pytest.fixture(autouse=True)
def pulihkan_keadaan(monkeypatch):
    """setup() mengubah keadaan global; kembalikan setelah setiap tes."""
    opsi_cetak = np.get_printoptions()
    rc = matplotlib.rcParams.copy()
    keadaan_random, keadaan_numpy = random.getstate(), np.random.get_state()
    monkeypatch.delenv("TF_CPP_MIN_LOG_LEVEL", raising=False)
    yield
    np.set_printoptions(**opsi_cetak)
    matplotlib.rcParams.update(rc)
    random.setstate(keadaan_random)
    np.random.set_state(keadaan_numpy)


def acak():
    return np.random.rand(3), random.random()


def test_same_seed_repeats():
    saraf.setup(seed=123, quiet=True)
    np_a, py_a = acak()
    acak()  # keadaan bergeser...
    saraf.setup(seed=123, quiet=True)  # ...lalu setup mengembalikannya
    np_b, py_b = acak()
    np.testing.assert_array_equal(np_a, np_b)
    assert py_a == py_b


def test_other_seed_differs():
    saraf.setup(seed=1, quiet=True)
    np_a, py_a = acak()
    saraf.setup(seed=2, quiet=True)
    np_b, py_b = acak()
    assert not np.array_equal(np_a, np_b)
    assert py_a != py_b


def test_default_seed_is_42():
    saraf.setup(quiet=True)
    np_a, py_a = acak()
    saraf.setup(42, quiet=True)
    np_b, py_b = acak()
    np.testing.assert_array_equal(np_a, np_b)
    assert py_a == py_b


def test_numpy_integer_seed():
    saraf.setup(np.int64(7), quiet=True)
    np_a, _ = acak()
    saraf.setup(7, quiet=True)
    np_b, _ = acak()
    np.testing.assert_array_equal(np_a, np_b)


def test_prints_ready_message(capsys):
    saraf.setup(seed=7)
    out, err = capsys.readouterr()
    assert out == f"saraf {saraf.__version__} siap: seed = 7.\n"
    assert saraf.__version__ == "0.1.0"
    assert err == ""


def test_quiet_prints_nothing(capsys):
    saraf.setup(seed=7, quiet=True)
    assert capsys.readouterr() == ("", "")


def test_side_effects():
    saraf.setup(seed=5, quiet=True)
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "2"
    assert np.get_printoptions()["precision"] == 4
    assert np.get_printoptions()["suppress"] is True
    assert matplotlib.rcParams["image.cmap"] == "gray"
    assert tuple(matplotlib.rcParams["figure.figsize"]) == (6.0, 4.0)


def test_tf_log_level_not_overridden(monkeypatch):
    monkeypatch.setenv("TF_CPP_MIN_LOG_LEVEL", "0")
    saraf.setup(quiet=True)
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "0"


def test_seeds_keras_when_loaded(monkeypatch):
    dipanggil = []
    keras_palsu = types.SimpleNamespace(
        utils=types.SimpleNamespace(set_random_seed=dipanggil.append))
    monkeypatch.setitem(sys.modules, "keras", keras_palsu)
    saraf.setup(seed=9, quiet=True)
    assert dipanggil == [9]


@pytest.mark.parametrize("seed, kind", [(-1, ValueError), (1.5, ValueError), ("42", TypeError),
                                        (True, TypeError), (False, TypeError), (None, TypeError),
                                        ([42], TypeError)])
def test_bad_seed(seed, kind, capsys):
    keadaan = np.random.get_state()[1].copy()
    with pytest.raises(kind, match=r"`seed` harus bilangan bulat dari 0 sampai 2\*\*32 − 1"):
        saraf.setup(seed=seed)
    assert capsys.readouterr().out == ""
    np.testing.assert_array_equal(np.random.get_state()[1], keadaan)


def test_too_large_seed():
    with pytest.raises(ValueError, match=r"`seed`"):
        saraf.setup(seed=2**32, quiet=True)


def test_as_seed_accepts_the_whole_range():
    from saraf.session import as_seed

    assert as_seed(0) == 0 and as_seed(2**32 - 1) == 2**32 - 1
    assert as_seed(np.uint32(7)) == 7 and type(as_seed(np.int64(7))) is int
