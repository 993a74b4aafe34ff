"""Jawaban salah yang khas untuk latihan berbentuk fungsi, terutama yang muncul di edisi siswa.

Setiap pemeriksa sudah diuji dengan jawaban salah di berkas `test_checks*.py` lain (dijaga
oleh `tests/test_edition.py::test_every_check_is_tested_with_a_wrong_answer`). Berkas ini
menambah kesalahan yang muncul saat pembelajar mengisi kerangka fungsi edisi siswa: fungsi
yang masih kosong, fungsi yang lupa `return`, dan ukuran keluaran yang meleset satu. Umpan
baliknya harus "belum tepat", berbahasa Indonesia, dan tidak menuliskan jawabannya.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from saraf import ops
from saraf.checks import (is_empty_function, lesson03, lesson04, lesson05, lesson06, lesson07,
                          lesson10, lesson11, not_answered)
from saraf.edition import is_solution

NOTEBOOK_DIR = Path(__file__).resolve().parents[1] / "notebooks"
KATA_INDONESIA = {"fungsi", "anda", "yang", "belum", "jangan", "dengan", "untuk", "bentuk",
                  "keluaran", "isi", "lupa", "ganti", "seharusnya", "tidak", "ukuran"}

#: Latihan berbentuk fungsi: (modul pemeriksa, nama pemeriksa, nomor pelajaran).
FUNCTION_EXERCISES = [
    (lesson03, "exercise_4", "03"), (lesson04, "exercise_3", "04"),
    (lesson05, "exercise_3", "05"), (lesson06, "exercise_3", "06"),
    (lesson07, "exercise_4", "07"), (lesson10, "exercise_3", "10"),
    (lesson11, "exercise_3", "11"), (lesson11, "exercise_4", "11"),
]


def solution_lines(lesson: str) -> list[str]:
    """Baris-baris kode jawaban acuan pelajaran itu (yang tidak boleh muncul di petunjuk)."""
    path = next(NOTEBOOK_DIR.glob(lesson + "_*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    lines = [line.strip() for cell in nb.cells if is_solution(cell)
             for line in cell.source.splitlines()]
    # Kepala fungsi, komentar, dan `return nama, nama` sudah tertulis di soal/kerangkanya.
    return [line for line in lines if len(line) >= 12 and not line.startswith(("def ", "#"))
            and not re.fullmatch(r"return [\w, ()]+", line)]


def wrong(feedback, lesson: str, *words) -> str:
    assert not feedback.ok, repr(feedback)
    text = repr(feedback)
    assert text.startswith("❌ Belum tepat.") and feedback.hint, text
    assert set(re.findall(r"[a-z]+", text.lower())) & KATA_INDONESIA, text
    for line in solution_lines(lesson):
        assert line not in text, f"umpan balik menuliskan jawaban {line!r}: {text}"
    for word in words:
        assert word in text, text
    return text


def call(module, name, answer):
    """Memanggil pemeriksa; latihan 10 butuh model dan batch (tidak dipakai bila kosong)."""
    if module is lesson10:
        return getattr(module, name)(answer, None, np.zeros((2, 28, 28, 1), np.float32))
    return getattr(module, name)(answer)


# --- Kerangka edisi siswa yang belum diisi ------------------------------------------------

def stub_dots(*args, **kwargs):
    ...


def stub_docstring(x, alpha=0.1):
    """Kerangka dengan docstring saja."""


def stub_pass(image):
    pass


def test_empty_function_detection():
    for fn in (stub_dots, stub_docstring, stub_pass, lambda z: None):
        assert is_empty_function(fn), fn
    for fn in (lambda z: z, np.exp, len, print, "fungsi", 3, None, ops.relu):
        assert not is_empty_function(fn), fn
    assert "masih kosong" in not_answered(stub_dots).message
    assert not_answered(lambda z: z) is None


@pytest.mark.parametrize("module, name, lesson", FUNCTION_EXERCISES,
                         ids=lambda v: getattr(v, "__name__", str(v)).split(".")[-1])
@pytest.mark.parametrize("stub", [stub_dots, stub_docstring, stub_pass])
def test_untouched_function_stub_is_not_answered(module, name, lesson, stub):
    wrong(call(module, name, stub), lesson, "masih kosong", "Ganti `...`")


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


@pytest.mark.parametrize("module, name, lesson, fn", [
    (lesson03, "exercise_4", "03", dilated_without_return),
    (lesson04, "exercise_3", "04", leaky_without_return),
    (lesson05, "exercise_3", "05", pool_without_return),
    (lesson06, "exercise_3", "06", softmax_without_return),
    (lesson10, "exercise_3", "10", predict_without_return),
    (lesson11, "exercise_4", "11", to_mnist_without_return),
], ids=lambda v: getattr(v, "__name__", str(v)).split(".")[-1])
def test_function_that_forgets_return(module, name, lesson, fn):
    assert not is_empty_function(fn)
    wrong(call(module, name, fn), lesson, "return")


def test_center_of_mass_that_forgets_return():
    wrong(lesson11.exercise_3(center_without_return), "11", "dua angka", "return")


# --- Ukuran keluaran meleset satu (lupa `+ 1`) --------------------------------------------

def test_dilated_conv_off_by_one_output_size():
    def conv2d_dilated(image, kernel, dilation):
        k_rows, k_cols = kernel.shape
        span_rows, span_cols = dilation * (k_rows - 1) + 1, dilation * (k_cols - 1) + 1
        out = np.zeros((image.shape[0] - span_rows, image.shape[1] - span_cols))  # lupa + 1
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                window = image[i:i + span_rows:dilation, j:j + span_cols:dilation]
                out[i, j] = np.sum(window * kernel)
        return out

    wrong(lesson03.exercise_4(conv2d_dilated), "03", "bentuk keluaran", "n − d·(k − 1)")


def test_max_pool_off_by_one_output_size():
    def max_pool_naive(x, size, stride):
        rows, cols = (x.shape[0] - size) // stride, (x.shape[1] - size) // stride  # lupa + 1
        out = np.zeros((rows, cols))
        for i in range(rows):
            for j in range(cols):
                out[i, j] = x[i * stride:i * stride + size, j * stride:j * stride + size].max()
        return out

    wrong(lesson05.exercise_3(max_pool_naive), "05", "bentuk keluaran",
          "⌊(n − size) / stride⌋ + 1")


def test_max_pool_returning_a_ragged_list():
    def max_pool_naive(x, size, stride):
        return [[1.0, 2.0], [3.0]]

    wrong(lesson05.exercise_3(max_pool_naive), "05", "bukan array angka")


def test_softmax_without_max_subtraction_keeps_a_hint_without_the_code():
    def stable_softmax(z):
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    text = wrong(lesson06.exercise_3(stable_softmax), "06", "NaN")
    assert "keepdims=True)" not in text.split("Petunjuk:")[0]
