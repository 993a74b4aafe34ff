"""Latihan sebuah pelajaran: pemeriksanya, petunjuk dan jawaban acuan bila diminta, dan catatan
kemajuan.

Setiap fungsi pemeriksa di modul pelajaran diberi penanda :func:`exercise`::

    @exercise(4, hints=("Petunjuk pertama ...", "Petunjuk kedua ..."))
    def exercise_4(conv2d_dilated) -> Feedback:
        ...

Penanda itu mendaftarkan latihannya, dan setiap kali pemeriksa dijalankan:

* hasilnya (benar atau belum) dicatat di catatan kemajuan buku kerja (:mod:`saraf.progress`);
* umpan balik "belum tepat" diberi satu baris tambahan tentang cara meminta bantuan.

Di akhir modul pelajaran, ``hint, solution = helpers(__name__)`` membuat dua fungsi untuk
pembelajar::

    checks.hint(4)       # satu petunjuk lagi untuk Latihan 4 (tidak membocorkan jawaban)
    checks.solution(4)   # jawaban acuan Latihan 4, hanya bila diminta

Jawaban acuan diambil dari sel ``solution`` notebook pelajaran, yang disalin ke berkas
``solutions.json`` di samping modul ini oleh ``python mulai.py segarkan`` (lihat
``tools/edition.py``), jadi tersedia juga di Colab dan Binder.
"""

from __future__ import annotations

import functools
import html
import json
from dataclasses import dataclass
from importlib import resources

from saraf import progress
from saraf.validation import error, is_int

__all__ = ["exercise", "helpers", "registered", "Hint", "Solution", "SOLUTIONS_FILE"]

SOLUTIONS_FILE = "solutions.json"


@dataclass(frozen=True)
class Exercise:
    """Satu latihan terdaftar: topik pelajaran, nomornya, dan petunjuk bertingkatnya."""

    topic: str
    number: int
    hints: tuple[str, ...]


#: Latihan terdaftar per topik: ``{"konvolusi": {1: Exercise(...), ...}}``.
_REGISTRY: dict[str, dict[int, Exercise]] = {}

#: Berapa petunjuk yang sudah ditampilkan per latihan dalam sesi ini.
_HINTS_SHOWN: dict[tuple[str, int], int] = {}


def _topic(module_name: str) -> str:
    """Topik pelajaran dari nama modul pemeriksanya: ``saraf.checks.konvolusi`` → ``konvolusi``."""
    return module_name.rsplit(".", 1)[-1]


def exercise(number: int, hints: tuple[str, ...] = ()):
    """Penanda fungsi pemeriksa Latihan ``number``: mendaftarkannya dan mencatat hasilnya."""

    def decorate(check):
        topic = _topic(check.__module__)
        _REGISTRY.setdefault(topic, {})[number] = Exercise(topic, number, tuple(hints))

        @functools.wraps(check)
        def checked(*args, **kwargs):
            feedback = check(*args, **kwargs)
            progress.record(topic, number, "passed" if feedback.ok else "tried")
            if not feedback.ok:
                feedback.help = (f"Masih buntu? `checks.hint({number})` memberi petunjuk, "
                                 f"`checks.solution({number})` menampilkan jawaban acuannya.")
            return feedback

        return checked

    return decorate


def registered(topic: str) -> dict[int, Exercise]:
    """Latihan yang terdaftar untuk satu topik (modul pemeriksanya sudah diimpor)."""
    return dict(_REGISTRY.get(topic, {}))


def _lookup(topic: str, number) -> Exercise:
    exercises = _REGISTRY.get(topic, {})
    if not is_int(number) or int(number) not in exercises:
        numbers = ", ".join(str(n) for n in sorted(exercises))
        raise error("nomor latihan", f"salah satu dari {numbers} (latihan pelajaran {topic})",
                    number)
    return exercises[int(number)]


class Hint:
    """Petunjuk yang sudah dibuka untuk satu latihan; tampil sebagai kotak biru di notebook."""

    def __init__(self, item: Exercise, shown: int):
        self.item = item
        self.shown = shown

    @property
    def last(self) -> bool:
        return self.shown >= len(self.item.hints)

    def lines(self) -> list[str]:
        total = len(self.item.hints)
        lines = [f"Petunjuk {i + 1} dari {total}: {text}"
                 for i, text in enumerate(self.item.hints[:self.shown])]
        if self.last:
            lines.append(f"Itu petunjuk terakhir. Bila masih buntu, "
                         f"`checks.solution({self.item.number})` menampilkan jawaban acuannya.")
        else:
            lines.append(f"Jalankan `checks.hint({self.item.number})` lagi untuk petunjuk "
                         "berikutnya.")
        return lines

    def __repr__(self) -> str:
        return f"💡 Latihan {self.item.number}\n" + "\n".join(self.lines())

    def _repr_html_(self) -> str:
        from saraf.checks import _as_html

        body = "<br>".join(_as_html(line) for line in self.lines())
        return ('<div style="background:#e3f2fd;border-left:4px solid #1565c0;'
                f'padding:6px 10px;margin:4px 0"><b>💡 Latihan {self.item.number}</b><br>'
                f'{body}</div>')


class Solution:
    """Jawaban acuan satu latihan: kode sel ``solution`` notebook pelajaran."""

    NOTE = ("Ini jawaban acuan, bukan satu-satunya jawaban yang benar. Bacalah, tutup, lalu "
            "tulis jawaban Anda sendiri di sel jawaban dan jalankan pemeriksanya.")

    def __init__(self, item: Exercise, code: str):
        self.item = item
        self.code = code

    def __repr__(self) -> str:
        return f"📖 Jawaban acuan Latihan {self.item.number}\n{self.NOTE}\n\n{self.code}"

    def _repr_html_(self) -> str:
        from saraf.checks import _as_html

        return ('<div style="background:#f3e5f5;border-left:4px solid #6a1b9a;'
                f'padding:6px 10px;margin:4px 0"><b>📖 Jawaban acuan Latihan '
                f'{self.item.number}</b><br><i>{_as_html(self.NOTE)}</i>'
                f'<pre style="margin:6px 0 0 0">{html.escape(self.code)}</pre></div>')


@functools.lru_cache(maxsize=1)
def _solutions() -> dict:
    text = resources.files("saraf.checks").joinpath(SOLUTIONS_FILE).read_text("utf-8")
    return json.loads(text)


def helpers(module_name: str):
    """Fungsi ``hint(n)`` dan ``solution(n)`` untuk modul pemeriksa ``module_name``."""
    topic = _topic(module_name)

    def hint(number) -> Hint:
        """Satu petunjuk lagi untuk Latihan ``number`` (setiap panggilan membuka satu lagi)."""
        item = _lookup(topic, number)
        shown = min(_HINTS_SHOWN.get((topic, item.number), 0) + 1, len(item.hints))
        _HINTS_SHOWN[(topic, item.number)] = shown
        progress.record(topic, item.number, "hint")
        return Hint(item, shown)

    def solution(number) -> Solution:
        """Jawaban acuan Latihan ``number``: coba dulu sendiri, dengan :func:`hint`."""
        item = _lookup(topic, number)
        code = _solutions().get(topic, {}).get(str(item.number))
        if code is None:
            raise LookupError(f"Jawaban acuan Latihan {item.number} pelajaran {topic} tidak "
                              f"ditemukan di {SOLUTIONS_FILE}. Jalankan `python mulai.py "
                              "segarkan` untuk membuatnya ulang.")
        progress.record(topic, item.number, "solution")
        return Solution(item, code)

    return hint, solution
