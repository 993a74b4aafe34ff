"""Pemeriksaan lingkungan: apakah semua yang dibutuhkan seri ini sudah terpasang?

Daftar paket dan versinya dibaca dari metadata paket ``saraf`` (grup ``kursus`` di
``pyproject.toml``), jadi tidak ada daftar kedua yang bisa berbeda.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from importlib import metadata

MIN_PYTHON, MAX_PYTHON = (3, 10), (3, 13)
FIX = "Jalankan `python mulai.py siapkan` dari folder seri ini, lalu mulai ulang kernel."


@dataclass
class Row:
    name: str
    wanted: str
    found: str
    status: str  # "ok", "beda" (versi lain), "hilang"


def course_requirements(extra: str = "kursus") -> list[tuple[str, str]]:
    """Pasangan (nama paket, versi yang dikunci) yang berlaku untuk mesin ini."""
    from packaging.requirements import Requirement

    rows = []
    for text in metadata.requires("saraf") or []:
        req = Requirement(text)
        marker = req.marker
        if marker is None or "extra" not in str(marker) or not marker.evaluate({"extra": extra}):
            continue
        pins = [s.version for s in req.specifier if s.operator == "=="]
        rows.append((req.name, pins[0] if pins else str(req.specifier)))
    return rows


def _python_row() -> Row:
    found = ".".join(map(str, sys.version_info[:3]))
    ok = MIN_PYTHON <= sys.version_info[:2] <= MAX_PYTHON
    wanted = f"{MIN_PYTHON[0]}.{MIN_PYTHON[1]}–{MAX_PYTHON[0]}.{MAX_PYTHON[1]}"
    return Row("Python", wanted, f"Python {found}", "ok" if ok else "hilang")


def _data_row() -> Row:
    from saraf import data

    broken = data.check_embedded()
    found = "utuh (SHA-256 cocok)" if not broken else "rusak/hilang: " + ", ".join(broken)
    return Row("data bawaan", "MNIST, Fashion-MNIST, angka UCI", found,
               "hilang" if broken else "ok")


class EnvironmentReport:
    """Tabel hasil pemeriksaan; tampil rapi sebagai teks maupun HTML."""

    def __init__(self, rows: list[Row]):
        self.rows = rows

    @property
    def ok(self) -> bool:
        return all(r.status == "ok" for r in self.rows)

    def summary(self) -> str:
        missing = [r.name for r in self.rows if r.status == "hilang"]
        other = [r.name for r in self.rows if r.status == "beda"]
        if not missing and not other:
            return "Semua siap. Selamat belajar!"
        parts = []
        if missing:
            parts.append("Belum terpasang atau bermasalah: " + ", ".join(missing) + ".")
        if other:
            parts.append("Versi berbeda dari yang diuji (keluaran bisa sedikit berbeda): "
                         + ", ".join(other) + ".")
        return " ".join(parts) + " " + FIX

    def __repr__(self) -> str:
        mark = {"ok": "✔", "beda": "≈", "hilang": "✘"}
        width = max(len(r.name) for r in self.rows)
        lines = [f"{mark[r.status]} {r.name:<{width}}  {r.found}"
                 + ("" if r.status == "ok" else f"  (butuh {r.wanted})") for r in self.rows]
        return "\n".join(lines + ["", self.summary()])

    def _repr_html_(self) -> str:
        mark = {"ok": "✔", "beda": "≈", "hilang": "✘"}
        body = "".join(
            f"<tr><td>{mark[r.status]}</td><td>{html.escape(r.name)}</td>"
            f"<td>{html.escape(r.found)}</td><td>{html.escape(r.wanted)}</td></tr>"
            for r in self.rows)
        return ("<table><tr><th></th><th>Komponen</th><th>Terpasang</th><th>Dibutuhkan</th>"
                f"</tr>{body}</table><p><b>{html.escape(self.summary())}</b></p>")


def check_environment() -> EnvironmentReport:
    """Memeriksa versi Python, setiap paket kursus, dan keutuhan data bawaan."""
    rows = [_python_row()]
    for name, wanted in course_requirements():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            rows.append(Row(name, wanted, "tidak ada", "hilang"))
            continue
        rows.append(Row(name, wanted, found, "ok" if found == wanted else "beda"))
    rows.append(_data_row())
    return EnvironmentReport(rows)
