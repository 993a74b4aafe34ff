"""Pembantu bersama tes `saraf.ops` (berkas ``test_ops_*.py``); bukan berkas tes sendiri."""

import numpy as np
import pytest


@pytest.fixture(scope="module")
def tf():
    """TensorFlow diimpor di sini agar berkas tes tetap bisa dikumpulkan tanpa TF."""
    return pytest.importorskip("tensorflow")


@pytest.fixture(scope="module")
def keras(tf):
    return pytest.importorskip("keras")


def assert_close(actual, expected, tol=1e-5):
    """Selisih mutlak maksimum ≤ tol, diskalakan dengan besar nilai jika > 1."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape
    scale = max(1.0, float(np.abs(expected).max(initial=0.0)))
    assert np.abs(actual - expected).max(initial=0.0) <= tol * scale


def check_bad_input(call, error, param):
    """``call()`` menimbulkan tepat ``error`` dengan pesan Indonesia yang menyebut ``param``."""
    with pytest.raises(error) as excinfo:
        call()
    assert type(excinfo.value) is error
    message = str(excinfo.value)
    assert param in message
    assert any(word in message for word in ("harus", "diberikan", "terlalu"))
