"""Pemeriksa latihan: umpan balik berbahasa Indonesia tanpa membocorkan jawaban.

Setiap pelajaran punya modulnya sendiri, dinamai menurut topiknya, yaitu nama notebook tanpa
nomornya: ``notebooks/03_konvolusi.ipynb`` memakai ``saraf.checks.konvolusi``::

    from saraf.checks import konvolusi as checks
    checks.exercise_1(answer_1)

Setiap fungsi pemeriksa menerima jawaban Anda dan mengembalikan :class:`Feedback`, yang tampil
di notebook sebagai kotak hijau (benar) atau kuning (belum tepat, dengan petunjuk).

Modul ini juga berisi langkah pemeriksaan yang sama untuk semua pelajaran: jawaban yang masih
kosong (:func:`not_answered`), jawaban berupa array (:func:`require_array`), bilangan bulat
(:func:`integer_answer`), satu angka (:func:`number_answer`), fungsi (:func:`function_answer`),
menjalankan fungsi jawaban dengan aman (:func:`run_answer`), dan membandingkan keluaran
fungsi jawaban dengan fungsi acuan (:func:`check_function`). Masing-masing mengembalikan
umpan balik "belum tepat" bila ada yang salah, jadi modul pelajaran cukup berisi petunjuk
khusus latihannya.
"""

from __future__ import annotations

import dis
import html
import re
import types
import warnings

import numpy as np

from saraf.validation import is_real, short

__all__ = ["Feedback", "correct", "incorrect", "not_answered", "is_empty_function",
           "require_array", "as_int", "as_number", "integer_answer", "number_answer",
           "function_answer", "run_answer", "check_function", "close"]


class Feedback:
    """Hasil pemeriksaan satu latihan. ``bool(feedback)`` bernilai True bila jawaban benar."""

    def __init__(self, ok: bool, message: str, hint: str | None = None):
        self.ok = bool(ok)
        self.message = message
        self.hint = hint
        self.help = None  # diisi penanda @exercise: cara meminta petunjuk dan jawaban acuan

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        head = "✅ Benar! " if self.ok else "❌ Belum tepat. "
        text = head + self.message
        if self.hint:
            text += "\nPetunjuk: " + self.hint
        if self.help:
            text += "\n" + self.help
        return text

    def _repr_html_(self) -> str:
        color, border = ("#e8f5e9", "#2e7d32") if self.ok else ("#fff8e1", "#f9a825")
        head = "✅ Benar!" if self.ok else "❌ Belum tepat."
        body = f"<b>{head}</b> {_as_html(self.message)}"
        if self.hint:
            body += f"<br><i>Petunjuk:</i> {_as_html(self.hint)}"
        if self.help:
            body += f'<br><span style="color:#555">{_as_html(self.help)}</span>'
        return (f'<div style="background:{color};border-left:4px solid {border};'
                f'padding:6px 10px;margin:4px 0">{body}</div>')


def _as_html(text: str) -> str:
    """Teks umpan balik sebagai HTML: karakter khusus di-escape, `kode` menjadi <code>kode</code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def correct(message: str) -> Feedback:
    return Feedback(True, message)


def incorrect(message: str, hint: str | None = None) -> Feedback:
    return Feedback(False, message, hint)


# ---------------------------------------------------------------------------
# Jawaban yang masih kosong
# ---------------------------------------------------------------------------


def _empty_function_template(*args, **kwargs):
    ...


def is_empty_function(answer) -> bool:
    """True bila ``answer`` fungsi Python yang isinya masih kosong.

    Kosong berarti isinya hanya ``...``, ``pass``, docstring, atau ``return None``, seperti
    kerangka fungsi di sel jawaban edisi siswa. Instruksi bytecode-nya dibandingkan dengan
    fungsi kosong yang dikompilasi interpreter yang sama, jadi tidak bergantung pada versi
    Python.
    """
    code = getattr(answer, "__code__", None)
    if not isinstance(code, types.CodeType):
        return False
    return _instructions(code) == _instructions(_empty_function_template.__code__)


def _instructions(code) -> list[tuple]:
    """Instruksi bytecode tanpa yang tidak berbuat apa-apa (``RESUME``, ``NOP``, ``CACHE``)."""
    return [(i.opname, i.argval) for i in dis.get_instructions(code)
            if i.opname not in ("RESUME", "NOP", "CACHE")]


def not_answered(answer) -> Feedback | None:
    """Umpan balik untuk jawaban yang masih kosong, selain itu None.

    Kosong: ``None``, ``...``, atau fungsi yang isinya belum ditulis (:func:`is_empty_function`).
    """
    if answer is None or answer is Ellipsis:
        return incorrect("Anda belum menjawab.",
                         "Ganti `...` atau `None` dengan jawaban Anda, lalu jalankan sel lagi.")
    if is_empty_function(answer):
        return incorrect("Fungsi Anda masih kosong: belum ada perhitungan di dalamnya.",
                         "Ganti `...` dengan isi fungsinya (jangan lupa `return` bila fungsi "
                         "itu harus mengembalikan hasil), jalankan selnya, lalu jalankan sel "
                         "pemeriksa ini lagi.")
    return None


# ---------------------------------------------------------------------------
# Jenis jawaban: array, bilangan bulat, satu angka, fungsi
# ---------------------------------------------------------------------------


def require_array(answer, name: str) -> Feedback | None:
    """Umpan balik bila jawaban kosong atau bukan array NumPy, selain itu None."""
    empty = not_answered(answer)
    if empty is not None:
        return empty
    if not isinstance(answer, np.ndarray):
        return incorrect(
            f"`{name}` seharusnya array NumPy, tetapi yang diberikan bertipe "
            f"{type(answer).__name__}.",
            "Gunakan `np.array(...)` atau metode array seperti `.reshape(...)`.",
        )
    return None


def as_int(answer) -> int | None:
    """Bilangan bulat dari jawaban (``784`` atau ``784.0``), atau None bila bukan bilangan bulat.

    ``True``/``False``, teks, dan array tidak dihitung sebagai bilangan.
    """
    if not is_real(answer) or not float(answer).is_integer():
        return None
    return int(answer)


def as_number(answer) -> float | None:
    """Satu bilangan real dari jawaban, atau None.

    Selain bilangan biasa, list atau array yang berisi tepat satu angka juga diterima
    (misalnya hasil ``model.predict`` untuk satu gambar, ``array([0.61])``).
    """
    if isinstance(answer, (list, tuple, np.ndarray)):
        try:
            array = np.asarray(answer)
        except ValueError:  # list bergerigi
            return None
        if array.size != 1 or array.dtype.kind not in "iuf":
            return None
        answer = array.reshape(()).item()
    return float(answer) if is_real(answer) else None


def integer_answer(answer, name: str, hint: str):
    """``(nilai, None)`` bila ``answer`` bilangan bulat (:func:`as_int`), selain itu
    ``(None, umpan balik)``.

    ``name`` nama variabel jawaban di notebook; ``hint`` petunjuk bila jawabannya kosong atau
    bukan bilangan bulat.
    """
    return _converted(answer, as_int, f"`{name}` seharusnya bilangan bulat", hint)


def number_answer(answer, name: str, hint: str):
    """``(nilai, None)`` bila ``answer`` satu angka (:func:`as_number`), selain itu
    ``(None, umpan balik)``; seperti :func:`integer_answer`."""
    return _converted(answer, as_number, f"`{name}` seharusnya satu angka", hint)


def _converted(answer, convert, expected: str, hint: str):
    problem = not_answered(answer)
    value = None if problem else convert(answer)
    if problem is None and value is None:
        problem = incorrect(f"{expected}, tetapi yang diberikan: {short(answer)}.", hint)
    return value, problem


def function_answer(answer, name: str, header: str) -> Feedback | None:
    """Umpan balik bila jawaban kosong atau bukan fungsi, selain itu None.

    ``header`` kepala fungsi yang diminta, misalnya ``"def leaky_relu(x, alpha=0.1):"``.
    """
    problem = not_answered(answer)
    if problem is None and not callable(answer):
        problem = incorrect(f"`{name}` seharusnya sebuah fungsi, tetapi yang diberikan bertipe "
                            f"{type(answer).__name__}.",
                            f"Tulis `{header}`, isi fungsinya, lalu jalankan selnya.")
    return problem


# ---------------------------------------------------------------------------
# Menjalankan fungsi jawaban
# ---------------------------------------------------------------------------


def run_answer(function, *args, returns: str | None, where: str = "", hint="",
               numeric: bool = False):
    """Memanggil fungsi jawaban ``function(*args)``; ``(hasil, None)`` atau
    ``(None, umpan balik)``.

    - Galat di fungsi pembelajar menjadi umpan balik (jenis dan pesan galatnya, dengan
      ``hint``), bukan traceback. ``hint`` boleh berupa fungsi ``hint(galat) -> str`` bila
      petunjuknya bergantung pada galatnya.
    - ``returns`` menyebut apa yang seharusnya dikembalikan; hasil ``None`` (lupa ``return``)
      ditolak. ``returns=None`` untuk fungsi yang memang tidak mengembalikan apa-apa.
    - ``numeric=True``: hasilnya diubah menjadi array float; yang bukan array angka ditolak.
    - ``where`` menyebut masukan ujinya di pesan, misalnya ``"x berbentuk (4, 4)"``.

    Peringatan NumPy (meluap, bagi nol) diredam: hasil yang salah dinilai dari nilainya.
    """
    place = f" untuk {where}" if where else ""
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = function(*args)
    except Exception as error:  # galat di kode pembelajar menjadi umpan balik
        return None, incorrect(f"Fungsi Anda menimbulkan galat {type(error).__name__}{place}: "
                               f"{error}", hint(error) if callable(hint) else hint)
    if result is None and returns is not None:
        return None, incorrect(f"Fungsi Anda tidak mengembalikan apa pun{place}, padahal "
                               f"seharusnya mengembalikan {returns}.",
                               "Jangan lupa `return` hasilnya di akhir fungsi.")
    if numeric:
        try:
            result = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            return None, incorrect(f"Fungsi Anda mengembalikan {type(result).__name__}{place}, "
                                   "bukan array angka.", f"Kembalikan {returns}.")
    return result, None


def check_function(answer, name: str, header: str, cases, reference, *, returns: str,
                   error_hint="", shape_hint, value_hint) -> Feedback | None:
    """Memeriksa fungsi jawaban yang mengembalikan array pada beberapa kasus uji.

    Mengembalikan None bila keluarannya sama dengan ``reference(*args)`` untuk setiap kasus,
    selain itu umpan balik pertama yang belum tepat: jawaban kosong atau bukan fungsi
    (:func:`function_answer`), galat atau lupa ``return`` (:func:`run_answer`), lalu bentuk
    dan nilai keluarannya.

    ``cases`` daftar ``(args, where)``: argumen fungsi dan uraiannya untuk pesan. Fungsi
    jawaban menerima salinan argumen, jadi ia tidak dapat mengubah data acuan.
    ``shape_hint(result, *args)`` dan ``value_hint(result, *args)`` memberi petunjuk khusus
    latihan bila bentuk atau nilai keluarannya berbeda.
    """
    problem = function_answer(answer, name, header)
    for args, where in cases:
        if problem is not None:
            break
        copies = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        result, problem = run_answer(answer, *copies, returns=returns, where=where,
                                     hint=error_hint, numeric=True)
        expected = None if problem else reference(*args)
        if problem is None and result.shape != expected.shape:
            problem = incorrect(f"Untuk {where}, bentuk keluaran Anda {result.shape}, "
                                f"seharusnya {expected.shape}.", shape_hint(result, *args))
        elif problem is None and not np.allclose(result, expected):
            problem = incorrect("Bentuk keluaran sudah benar, tetapi nilainya berbeda untuk "
                                f"{where}.", value_hint(result, *args))
    return problem


def close(answer, expected, atol: float = 1e-6, rtol: float = 0.0) -> bool:
    """True bila ``answer`` berbentuk sama dengan ``expected`` dan nilainya hampir sama."""
    answer, expected = np.asarray(answer, dtype=float), np.asarray(expected, dtype=float)
    return answer.shape == expected.shape and np.allclose(answer, expected, rtol=rtol,
                                                          atol=atol)
