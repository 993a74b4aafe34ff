"""Pemeriksa latihan: umpan balik berbahasa Indonesia tanpa membocorkan jawaban.

Setiap pelajaran punya modulnya sendiri (``saraf.checks.lesson01``, …). Setiap fungsi
pemeriksa menerima jawaban Anda dan mengembalikan :class:`Feedback`, yang tampil di
notebook sebagai kotak hijau (benar) atau kuning (belum tepat, dengan petunjuk).
"""

from __future__ import annotations

import dis
import html
import numbers
import types

import numpy as np

__all__ = ["Feedback", "as_int", "correct", "incorrect", "is_empty_function", "not_answered",
           "require_array"]


class Feedback:
    """Hasil pemeriksaan satu latihan. ``bool(feedback)`` bernilai True bila jawaban benar."""

    def __init__(self, ok: bool, message: str, hint: str | None = None):
        self.ok = bool(ok)
        self.message = message
        self.hint = hint

    def __bool__(self) -> bool:
        return self.ok

    def __repr__(self) -> str:
        head = "✅ Benar! " if self.ok else "❌ Belum tepat. "
        text = head + self.message
        if self.hint:
            text += "\nPetunjuk: " + self.hint
        return text

    def _repr_html_(self) -> str:
        color, border = ("#e8f5e9", "#2e7d32") if self.ok else ("#fff8e1", "#f9a825")
        head = "✅ Benar!" if self.ok else "❌ Belum tepat."
        body = f"<b>{head}</b> {html.escape(self.message)}"
        if self.hint:
            body += f"<br><i>Petunjuk:</i> {html.escape(self.hint)}"
        return (f'<div style="background:{color};border-left:4px solid {border};'
                f'padding:6px 10px;margin:4px 0">{body}</div>')


def correct(message: str) -> Feedback:
    return Feedback(True, message)


def incorrect(message: str, hint: str | None = None) -> Feedback:
    return Feedback(False, message, hint)


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


def require_array(answer, name: str) -> Feedback | None:
    """Umpan balik bila jawaban bukan array NumPy, selain itu None."""
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


def as_int(answer):
    """Bilangan bulat dari jawaban (``784`` atau ``784.0``), atau None bila bukan bilangan bulat."""
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    return int(answer) if float(answer).is_integer() else None
