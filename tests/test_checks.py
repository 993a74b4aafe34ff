"""Tes inti `saraf.checks`: `Feedback` dan langkah pemeriksaan bersama semua pelajaran.

Pemeriksa setiap pelajaran diuji di berkasnya sendiri, ``tests/test_checks_<topik>.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import numpy as np
import pytest

import saraf.checks
from saraf import ops
from saraf.checks import (Feedback, as_int, as_number, check_function, close, correct,
                          function_answer, incorrect, integer_answer, is_empty_function,
                          not_answered, number_answer, require_array, run_answer)

#: Semua modul pemeriksa pelajaran (dinamai menurut topiknya).
#: (``exercises`` bukan pelajaran: ia berisi penanda ``@exercise``, petunjuk, dan jawaban acuan.)
TOPICS = sorted(m.name for m in pkgutil.iter_modules(saraf.checks.__path__)
                if m.name != "exercises")


# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------


def test_feedback_repr_and_bool():
    ok = correct("Bagus.")
    salah = incorrect("Belum.", "Coba lagi.")
    assert bool(ok) is True and bool(salah) is False
    assert repr(ok) == "✅ Benar! Bagus."
    assert repr(salah) == "❌ Belum tepat. Belum.\nPetunjuk: Coba lagi."
    assert "Petunjuk" not in repr(incorrect("Belum."))


def test_feedback_html_escapes_message_and_hint():
    fb = Feedback(False, "<b>tebal</b> & <script>alert(1)</script>", "pakai <i>x</i>")
    html = fb._repr_html_()
    assert "&lt;b&gt;tebal&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "<script>" not in html and "<i>x</i>" not in html
    assert "pakai &lt;i&gt;x&lt;/i&gt;" in html
    assert "❌ Belum tepat." in html and "#fff8e1" in html
    ok_html = Feedback(True, "a < b")._repr_html_()
    assert "✅ Benar!" in ok_html and "a &lt; b" in ok_html and "#e8f5e9" in ok_html
    assert "Petunjuk" not in ok_html


def test_feedback_html_shows_backticks_as_code_after_escaping():
    fb = Feedback(False, "Bandingkan `ops.conv2d(x, k)[0]` dengan `x < 1`.", "Pakai `np.sum`.")
    html = fb._repr_html_()
    assert "<code>ops.conv2d(x, k)[0]</code>" in html and "<code>x &lt; 1</code>" in html
    assert "<code>np.sum</code>" in html and "`" not in html
    assert "`np.sum`" in repr(fb)  # teks biasa tetap memakai backtick


@pytest.mark.parametrize("kosong", [None, ...])
def test_not_answered(kosong, rejected):
    fb = not_answered(kosong)
    rejected(fb)
    assert "belum menjawab" in fb.message and "`...`" in fb.hint
    assert not_answered(0) is None and not_answered([]) is None


def test_require_array(rejected):
    assert require_array(np.zeros(3), "x") is None
    fb = require_array([1, 2], "x_norm")
    rejected(fb)
    assert "`x_norm`" in fb.message and "list" in fb.message
    assert "belum menjawab" in require_array(..., "x").message


# ---------------------------------------------------------------------------
# Fungsi kosong (kerangka edisi siswa)
# ---------------------------------------------------------------------------

def stub(body: str):
    """Kerangka fungsi edisi siswa dengan isi ``body``."""
    namespace = {}
    exec(f"def answer(x, alpha=0.1):\n    {body}\n", namespace)
    return namespace["answer"]


EMPTY_BODIES = ["...", "pass", '"""Kerangka dengan docstring saja."""', "return None",
                '"""Kerangka."""\n    ...']


def test_empty_function_detection():
    for fn in [stub(body) for body in EMPTY_BODIES] + [lambda z: None]:
        assert is_empty_function(fn), fn
    for fn in (stub("return x"), lambda z: z, np.exp, len, print, "fungsi", 3, None, ops.relu):
        assert not is_empty_function(fn), fn
    assert "masih kosong" in not_answered(stub("...")).message
    assert not_answered(lambda z: z) is None


# ---------------------------------------------------------------------------
# Jenis jawaban: bilangan bulat, satu angka, fungsi
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("answer, expected", [
    (784, 784), (784.0, 784), (np.int64(7), 7), (np.float32(3.0), 3), (-2, -2),
    (783.5, None), (True, None), (np.bool_(True), None), ("784", None), ([784], None),
    (float("nan"), None), (float("inf"), None), (None, None),
])
def test_as_int(answer, expected):
    value = as_int(answer)
    assert value == expected and (value is None or type(value) is int)


@pytest.mark.parametrize("answer, expected", [
    (0.5, 0.5), (3, 3.0), (np.float32(0.25), 0.25), (np.array(2.5), 2.5),
    (np.array([0.61]), 0.61), ([[4]], 4.0), ((1.5,), 1.5),
    (np.array([1.0, 2.0]), None), ("0.5", None), (True, None), (np.array([True]), None),
    ([[1, 2], [3]], None), ([], None), (None, None),
])
def test_as_number(answer, expected):
    value = as_number(answer)
    assert value == pytest.approx(expected) if expected is not None else value is None
    assert value is None or type(value) is float


def test_integer_answer(rejected):
    assert integer_answer(12.0, "n_params", "Hitung.") == (12, None)
    value, problem = integer_answer("12", "n_params", "Tulis perhitungannya dengan Python.")
    assert value is None
    rejected(problem, "`n_params` seharusnya bilangan bulat", "'12'", "dengan Python")
    value, problem = integer_answer(None, "n_params", "Hitung.")
    assert value is None and "belum menjawab" in rejected(problem)


def test_number_answer(rejected):
    assert number_answer(np.array([0.5]), "loss", "Satu angka.") == (0.5, None)
    value, problem = number_answer(np.ones(3), "output_1", "Jumlahkan dengan `@`.")
    assert value is None
    rejected(problem, "`output_1` seharusnya satu angka", "(3,)", "`@`")
    assert "belum menjawab" in rejected(number_answer(..., "loss", "Satu angka.")[1])


def test_function_answer(rejected):
    assert function_answer(np.exp, "f", "def f(x):") is None
    rejected(function_answer(42, "leaky_relu", "def leaky_relu(x, alpha=0.1):"),
             "`leaky_relu` seharusnya sebuah fungsi", "int", "def leaky_relu(x, alpha=0.1):")
    assert "masih kosong" in rejected(function_answer(stub("pass"), "f", "def f(x):"))


# ---------------------------------------------------------------------------
# Menjalankan fungsi jawaban
# ---------------------------------------------------------------------------


def test_run_answer_returns_the_result():
    assert run_answer(lambda a, b: a + b, 2, 3, returns="jumlahnya") == (5, None)
    result, problem = run_answer(lambda x: [1, 2], None, returns="array", numeric=True)
    assert problem is None and result.dtype == float and result.tolist() == [1.0, 2.0]
    # Fungsi yang memang tidak mengembalikan apa-apa (mengubah objek di tempat).
    assert run_answer(lambda x: x.append(1), [], returns=None) == (None, None)


def test_run_answer_reports_an_error_with_a_hint(rejected):
    result, problem = run_answer(lambda x: x[10], np.zeros(3), returns="angka",
                                 where="x berbentuk (3,)", hint="Periksa indeksnya.")
    assert result is None
    rejected(problem, "galat IndexError untuk x berbentuk (3,)", "Periksa indeksnya.")
    _, problem = run_answer(lambda: 1 / 0, returns="angka",
                            hint=lambda error: f"Petunjuk untuk {type(error).__name__}.")
    rejected(problem, "ZeroDivisionError", "Petunjuk untuk ZeroDivisionError.")


def test_run_answer_rejects_a_missing_return_and_non_numbers(rejected):
    _, problem = run_answer(lambda x: None, 1, returns="dua angka (baris, kolom)")
    rejected(problem, "tidak mengembalikan apa pun", "dua angka (baris, kolom)", "`return`")
    _, problem = run_answer(lambda x: [[1.0], [2.0, 3.0]], 1, returns="array hasil pooling",
                            where="x kecil", numeric=True)
    rejected(problem, "list untuk x kecil, bukan array angka", "Kembalikan array hasil pooling")


def test_run_answer_silences_numpy_warnings(recwarn):
    result, problem = run_answer(lambda z: np.exp(z), np.array([1000.0]), returns="array")
    assert problem is None and np.isinf(result).all()
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def _double(x, k):
    return 2 * x


CASES = [((np.arange(4.0), 1), "x kecil"), ((np.ones((2, 3)), 2), "x 2-D")]


def _check_double(answer):
    return check_function(answer, "double", "def double(x, k):", CASES, _double,
                          returns="array", shape_hint=lambda r, x, k: f"bentuk {x.shape}",
                          value_hint=lambda r, x, k: "kalikan dengan 2")


def test_check_function_accepts_a_function_equal_to_the_reference():
    assert _check_double(lambda x, k: x + x) is None


def test_check_function_reports_the_first_difference(rejected):
    rejected(_check_double(lambda x, k: x.ravel() * 2),
             "Untuk x 2-D, bentuk keluaran Anda (6,)", "seharusnya (2, 3)", "bentuk (2, 3)")
    rejected(_check_double(lambda x, k: x * 3), "nilainya berbeda untuk x kecil",
             "kalikan dengan 2")
    rejected(_check_double(lambda x, k: x.fill(0)), "tidak mengembalikan")  # lupa return
    rejected(_check_double("double"), "sebuah fungsi")
    assert "belum menjawab" in rejected(_check_double(None))


def test_check_function_gives_copies_to_the_answer():
    def mutating(x, k):
        x *= 2
        return x

    assert _check_double(mutating) is None
    assert CASES[0][0][0].tolist() == [0.0, 1.0, 2.0, 3.0]


def test_close():
    assert close([1.0, 2.0], np.array([1.0, 2.0 + 1e-8]))
    assert not close([1.0, 2.0], [1.0, 2.1])
    assert not close([1.0, 2.0], [[1.0, 2.0]])  # bentuk berbeda
    assert close(100.0, 100.01, atol=0, rtol=1e-3) and not close(100.0, 100.01)


# ---------------------------------------------------------------------------
# Modul pelajaran
# ---------------------------------------------------------------------------


def test_every_notebook_has_a_checks_module_named_by_its_topic():
    notebooks = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*"))
    assert notebooks
    assert TOPICS == sorted(p.stem[3:] for p in notebooks)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_exercise_has_an_indonesian_docstring(topic):
    module = importlib.import_module(f"saraf.checks.{topic}")
    names = [n for n in dir(module) if n.startswith("exercise_")]
    assert len(names) >= 2
    for name in names:
        assert getattr(module, name).__doc__.startswith("Latihan ")
