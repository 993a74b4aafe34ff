"""Jawaban salah yang khas untuk latihan berbentuk fungsi, terutama yang muncul di edisi siswa.

Setiap pemeriksa sudah diuji dengan jawaban salah di berkas `test_checks*.py` lain (dijaga
oleh `tests/test_edition.py::test_every_check_is_tested_with_a_wrong_answer`). Berkas ini
menambah kesalahan yang muncul saat pembelajar mengisi kerangka fungsi edisi siswa: fungsi
yang masih kosong, fungsi yang lupa `return`, dan ukuran keluaran yang meleset satu. Umpan
baliknya harus "belum tepat", berbahasa Indonesia, dan tidak menuliskan jawabannya.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import nbformat
import numpy as np
import pytest

from saraf import ops
from saraf.checks import (di_dalam_cnn, flatten_dense_softmax, is_empty_function, konvolusi,
                          melatih_mlp, mlp_propagasi_maju, pooling, relu,
                          tulisan_tangan)

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"

#: Latihan berbentuk fungsi: (modul pemeriksa, nama pemeriksa).
FUNCTION_EXERCISES = [
    (konvolusi, "exercise_4"), (relu, "exercise_3"), (pooling, "exercise_3"),
    (flatten_dense_softmax, "exercise_3"), (mlp_propagasi_maju, "exercise_3"),
    (melatih_mlp, "exercise_2"),
    (di_dalam_cnn, "exercise_3"), (tulisan_tangan, "exercise_3"),
    (tulisan_tangan, "exercise_4"),
]


@lru_cache(maxsize=None)
def solution_lines(module) -> tuple[str, ...]:
    """Baris-baris kode jawaban acuan pelajaran modul itu (yang tidak boleh muncul di petunjuk).

    Notebook pelajaran dicari menurut topiknya: ``saraf.checks.relu`` → ``NN_relu.ipynb``. Sel
    jawaban acuan bertanda ``solution`` (lihat tools/edition.py).
    """
    topic = module.__name__.rsplit(".", 1)[-1]
    path = next(NOTEBOOK_DIR.glob(f"[0-9][0-9]_{topic}.ipynb"))
    nb = nbformat.read(path, as_version=4)
    lines = [line.strip() for cell in nb.cells
             if cell.cell_type == "code" and "solution" in cell.metadata.get("tags", [])
             for line in cell.source.splitlines()]
    # Kepala fungsi, komentar, dan `return nama, nama` sudah tertulis di soal/kerangkanya.
    return tuple(line for line in lines if len(line) >= 12 and not line.startswith(("def ", "#"))
                 and not re.fullmatch(r"return [\w, ()]+", line))


def call(module, name, answer):
    """Memanggil pemeriksa; di_dalam_cnn butuh model dan batch (tidak dipakai bila kosong)."""
    if module is di_dalam_cnn:
        return getattr(module, name)(answer, None, np.zeros((2, 28, 28, 1), np.float32))
    return getattr(module, name)(answer)


def topic_id(value) -> str:
    return getattr(value, "__name__", str(value)).split(".")[-1]


# --- Kerangka edisi siswa yang belum diisi ------------------------------------------------

def stub_dots(*args, **kwargs):
    ...


def stub_docstring(x, alpha=0.1):
    """Kerangka dengan docstring saja."""


def stub_pass(image):
    pass


@pytest.mark.parametrize("module, name", FUNCTION_EXERCISES, ids=topic_id)
@pytest.mark.parametrize("stub", [stub_dots, stub_docstring, stub_pass])
def test_untouched_function_stub_is_not_answered(module, name, stub, rejected):
    rejected(call(module, name, stub), "masih kosong", "Ganti `...`",
             leaks=solution_lines(module))


# --- Fungsi yang menghitung tetapi lupa `return` ------------------------------------------

def dilated_without_return(image, kernel, dilation):
    span = dilation * (kernel.shape[0] - 1) + 1
    output = np.zeros((image.shape[0] - span + 1, image.shape[1] - span + 1))
    output[:] = 0.0


def leaky_without_return(x, alpha=0.1):
    result = np.where(x > 0, x, alpha * x)
    result.sum()


def pool_without_return(x, size, stride):
    output = np.zeros(((x.shape[0] - size) // stride + 1, (x.shape[1] - size) // stride + 1))
    output.fill(x.max())


def softmax_without_return(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    e / e.sum(axis=-1, keepdims=True)


def predict_without_return(x):
    a = ops.relu(x.reshape(len(x), -1))
    a.sum()


def center_without_return(image):
    total = image.sum()
    total.round()


def to_mnist_without_return(path):
    from saraf import preprocess as pp

    pp.to_grayscale(path).sum()


@pytest.mark.parametrize("module, name, fn", [
    (konvolusi, "exercise_4", dilated_without_return),
    (relu, "exercise_3", leaky_without_return),
    (pooling, "exercise_3", pool_without_return),
    (flatten_dense_softmax, "exercise_3", softmax_without_return),
    (di_dalam_cnn, "exercise_3", predict_without_return),
    (tulisan_tangan, "exercise_4", to_mnist_without_return),
], ids=topic_id)
def test_function_that_forgets_return(module, name, fn, rejected):
    assert not is_empty_function(fn)
    rejected(call(module, name, fn), "return", leaks=solution_lines(module))


def test_center_of_mass_that_forgets_return(rejected):
    rejected(tulisan_tangan.exercise_3(center_without_return), "dua angka", "return",
             leaks=solution_lines(tulisan_tangan))


# --- Ukuran keluaran meleset satu (lupa `+ 1`) --------------------------------------------

def test_dilated_conv_off_by_one_output_size(rejected):
    def conv2d_dilated(image, kernel, dilation):
        k_rows, k_cols = kernel.shape
        span_rows, span_cols = dilation * (k_rows - 1) + 1, dilation * (k_cols - 1) + 1
        out = np.zeros((image.shape[0] - span_rows, image.shape[1] - span_cols))  # lupa + 1
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                window = image[i:i + span_rows:dilation, j:j + span_cols:dilation]
                out[i, j] = np.sum(window * kernel)
        return out

    rejected(konvolusi.exercise_4(conv2d_dilated), "bentuk keluaran", "n − d·(k − 1)",
             leaks=solution_lines(konvolusi))


def test_max_pool_off_by_one_output_size(rejected):
    def max_pool_naive(x, size, stride):
        rows, cols = (x.shape[0] - size) // stride, (x.shape[1] - size) // stride  # lupa + 1
        out = np.zeros((rows, cols))
        for i in range(rows):
            for j in range(cols):
                out[i, j] = x[i * stride:i * stride + size, j * stride:j * stride + size].max()
        return out

    rejected(pooling.exercise_3(max_pool_naive), "bentuk keluaran", "⌊(n − size) / stride⌋ + 1",
             leaks=solution_lines(pooling))


def test_max_pool_returning_a_ragged_list(rejected):
    def max_pool_naive(x, size, stride):
        return [[1.0, 2.0], [3.0]]

    rejected(pooling.exercise_3(max_pool_naive), "bukan array angka",
             leaks=solution_lines(pooling))


def test_softmax_without_max_subtraction_keeps_a_hint_without_the_code(rejected):
    def stable_softmax(z):
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    text = rejected(flatten_dense_softmax.exercise_3(stable_softmax), "NaN",
                    leaks=solution_lines(flatten_dense_softmax))
    assert "keepdims=True)" not in text.split("Petunjuk:")[0]
