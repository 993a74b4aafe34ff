"""Catatan kemajuan: latihan mana yang sudah benar, sudah dicoba, atau belum.

Setiap pemeriksa latihan (``checks.exercise_N(...)``) mencatat hasilnya di berkas kecil
``kemajuan.json`` di folder buku kerja. Tabelnya (pelajaran × latihan) tampil dengan::

    python mulai.py kemajuan          # di terminal
    progress.table()                  # di notebook (pelajaran 00)

Catatan hanya ditulis di buku kerja (folder yang berisi penanda ``.saraf-buku-kerja``), di
Colab (folder kerja notebook), atau di berkas yang ditunjuk variabel lingkungan
``SARAF_KEMAJUAN``. Notebook acuan di ``notebooks/`` dan penilaian pengajar tidak mencatat
apa pun.

Berkasnya ditulis secara atomik (berkas sementara, lalu ``os.replace``), jadi komputer yang
mati di tengah penulisan tidak pernah meninggalkan catatan setengah jadi. Catatan yang tetap
rusak (disunting tangan, misalnya) disimpan di samping dengan nama lain, lalu dibuat ulang
dari keluaran sel pemeriksa yang tersimpan di notebook buku kerja: tidak ada galat yang
menghentikan latihan Anda.

Modul ini hanya butuh pustaka standar Python.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import tempfile
import warnings
from datetime import datetime
from pathlib import Path

__all__ = ["FILE_NAME", "record_path", "load", "record", "rebuild", "lessons", "table",
           "ProgressTable", "main"]

FILE_NAME = "kemajuan.json"
WORKBOOK_MARKER = ".saraf-buku-kerja"
ENV_VARIABLE = "SARAF_KEMAJUAN"
FORMAT = 1

_CHECK_CALL = re.compile(r"^checks\.exercise_(\d+)\(", re.MULTILINE)
_LESSON_FILE = re.compile(r"^(\d\d)_(\w+)\.ipynb$")
SYMBOLS = {"passed": "✓", "tried": "✗", None: "·"}
LEGEND = "✓ benar; ✗ dicoba, belum benar; · belum dicoba; * jawaban acuan sudah dilihat"


def record_path(folder=None) -> Path | None:
    """Berkas catatan untuk ``folder`` (bawaan: folder kerja), atau None bila tidak dicatat."""
    if folder is None and os.environ.get(ENV_VARIABLE):
        return Path(os.environ[ENV_VARIABLE])
    folder = Path.cwd() if folder is None else Path(folder)
    if (folder / WORKBOOK_MARKER).exists() or "google.colab" in sys.modules:
        return folder / FILE_NAME
    return None


def _empty() -> dict:
    return {"format": FORMAT, "exercises": {}}


def _valid(data) -> bool:
    if not (isinstance(data, dict) and data.get("format") == FORMAT
            and isinstance(data.get("exercises"), dict)):
        return False
    return all(isinstance(entries, dict) and all(isinstance(e, dict) for e in entries.values())
               for entries in data["exercises"].values())


def load(path) -> dict:
    """Isi catatan di ``path``; bila belum ada atau rusak, dibuat ulang dengan :func:`rebuild`.

    Catatan yang rusak disisihkan dulu dengan nama ``kemajuan.rusak-<waktu>.json``.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:  # belum ada: mulai dari keluaran yang tersimpan di notebook
        return rebuild(path.parent)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if _valid(data):
        return data
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.rusak-{stamp}{path.suffix}")
    try:
        os.replace(path, aside)
    except OSError:
        aside = None
    rebuilt = rebuild(path.parent)
    kept = f" Berkas lamanya disimpan sebagai {aside.name}." if aside else ""
    warnings.warn(f"Catatan kemajuan {path.name} rusak, jadi dibuat ulang dari keluaran sel "
                  f"pemeriksa di notebook buku kerja.{kept}", stacklevel=2)
    return rebuilt


def _write_atomic(path: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def record(topic: str, number: int, event: str, folder=None) -> None:
    """Mencatat satu kejadian: ``"passed"``/``"tried"`` (hasil pemeriksa), ``"hint"``, ``"solution"``.

    Tidak melakukan apa pun di luar buku kerja. Kegagalan menulis (disk penuh, folder hanya
    baca) hanya menjadi peringatan: pemeriksaan latihan tetap berjalan.
    """
    path = record_path(folder)
    if path is None:
        return
    try:
        data = load(path)
        entry = data["exercises"].setdefault(topic, {}).setdefault(str(number), {})
        if event in ("passed", "tried"):
            entry["status"] = event
            entry["attempts"] = int(entry.get("attempts", 0)) + 1
        elif event == "hint":
            entry["hints"] = int(entry.get("hints", 0)) + 1
        elif event == "solution":
            entry["solution"] = True
        entry["updated"] = datetime.now().isoformat(timespec="seconds")
        _write_atomic(path, data)
    except OSError as problem:
        warnings.warn(f"Kemajuan tidak dapat dicatat di {path}: {problem}", stacklevel=2)


def _read_notebook(path: Path):
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None


def _source(cell) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _check_cells(notebook):
    """``(nomor latihan, sel)`` untuk setiap sel pemeriksa sebuah notebook."""
    cells = notebook.get("cells", []) if isinstance(notebook, dict) else []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            for match in _CHECK_CALL.finditer(_source(cell)):
                yield int(match.group(1)), cell


def lessons(folder) -> list[tuple[str, str, str, list[int]]]:
    """``(nomor, topik, judul, [nomor latihan])`` untuk setiap notebook ``NN_topik.ipynb``."""
    found = []
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        match = _LESSON_FILE.match(path.name)
        notebook = _read_notebook(path) if match else None
        if notebook is not None:
            numbers = sorted({n for n, _ in _check_cells(notebook)})
            title = _title(notebook, match.group(2))
            found.append((match.group(1), match.group(2), title, numbers))
    return found


def _title(notebook, topic: str) -> str:
    """Judul pelajaran dari baris ``# NN · Judul`` di sel pertamanya, untuk tabel kemajuan.

    Judul panjang (> 35 huruf) dipotong di titik dua: ``# 02 · Neuron: Jumlah Berbobot, …``
    → ``Neuron``; tanda ``*`` markdown dibuang. Tanpa judul seperti itu (notebook yang diubah
    pembelajar): nama topik dari nama berkas.
    """
    cells = notebook.get("cells") or [None]
    first = cells[0] if isinstance(cells, list) else None
    if isinstance(first, dict) and first.get("cell_type") == "markdown":
        line = (_source(first).strip().splitlines() or [""])[0]
        if line.startswith("# ") and "·" in line:
            title = line.split("·", 1)[1].replace("*", "").strip()
            if len(title) > 35:
                title = title.split(":", 1)[0].strip()
            if title:
                return title
    return topic.replace("_", " ")


def _stored_status(cell) -> str | None:
    text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
    if "Benar!" in text:
        return "passed"
    if "Belum tepat" in text:
        return "tried"
    return None


def rebuild(folder) -> dict:
    """Catatan baru dari keluaran sel pemeriksa yang tersimpan di notebook ``folder``."""
    data = _empty()
    for number, topic, _, _ in lessons(folder):
        notebook = _read_notebook(Path(folder) / f"{number}_{topic}.ipynb")
        for exercise, cell in _check_cells(notebook):
            status = _stored_status(cell)
            if status is not None:
                entries = data["exercises"].setdefault(topic, {})
                entries[str(exercise)] = {"status": status, "attempts": 1}
    return data


class ProgressTable:
    """Tabel kemajuan (pelajaran × latihan); tampil sebagai tabel HTML di notebook."""

    def __init__(self, rows, recorded: bool, path: Path | None):
        self.rows = rows            # [(nomor, judul, [(latihan, status, solusi dilihat)])]
        self.recorded = recorded
        self.path = path

    @property
    def passed(self) -> int:
        return sum(status == "passed" for _, _, cells in self.rows for _, status, _ in cells)

    @property
    def total(self) -> int:
        return sum(len(cells) for _, _, cells in self.rows)

    def summary(self) -> str:
        text = f"{self.passed} dari {self.total} latihan sudah benar."
        if not self.recorded:
            text += (" (Notebook ini tidak berada di buku kerja, jadi kemajuan tidak dicatat di "
                     "sini. Buka pelajaran lewat `python mulai.py`.)")
        return text

    def _cell(self, status, solution) -> str:
        return SYMBOLS[status] + ("*" if solution else "")

    def __repr__(self) -> str:
        names = [f"{number} {title}" for number, title, _ in self.rows]
        marks = [" ".join(f"{e}:{self._cell(s, v):<2}" for e, s, v in cells) or "-"
                 for _, _, cells in self.rows]
        width = max([len(name) for name in names] + [9])
        mark_width = max([len(mark) for mark in marks] + [7])
        lines = [f"{'Pelajaran':<{width}}  {'Latihan':<{mark_width}}  Benar"]
        for name, mark, (_, _, cells) in zip(names, marks, self.rows):
            done = sum(s == "passed" for _, s, _ in cells)
            lines.append(f"{name:<{width}}  {mark:<{mark_width}}  {done}/{len(cells)}")
        return "\n".join(lines + ["", LEGEND, self.summary()])

    def _repr_html_(self) -> str:
        colors = {"passed": "background:#c8e6c9;", "tried": "background:#ffecb3;", None: ""}
        columns = max([len(cells) for _, _, cells in self.rows] + [1])
        body = []
        for number, title, cells in self.rows:
            marks = "".join(
                f'<td style="{colors[s]}text-align:center" title="Latihan {e}">'
                f"{e}: {self._cell(s, v)}</td>" for e, s, v in cells)
            marks += "<td></td>" * (columns - len(cells))
            done = sum(s == "passed" for _, s, _ in cells)
            name = html.escape(f"{number} {title}")
            body.append(f'<tr><td style="text-align:left">{name}</td>{marks}'
                        f'<td style="text-align:right">{done}/{len(cells)}</td></tr>')
        head = (f'<tr><th style="text-align:left">Pelajaran</th>'
                f'<th colspan="{columns}">Latihan</th><th>Benar</th></tr>')
        return (f"<table>{head}{''.join(body)}</table>"
                f"<p>{html.escape(LEGEND)}<br>{html.escape(self.summary())}</p>")


def table(folder=None) -> ProgressTable:
    """Tabel kemajuan untuk buku kerja ``folder`` (bawaan: folder notebook yang sedang dibuka)."""
    folder = Path.cwd() if folder is None else Path(folder)
    path = record_path(folder)
    data = load(path) if path is not None else _empty()
    recorded = data["exercises"]
    rows = []
    known = set()
    for number, topic, title, numbers in lessons(folder):
        entries = recorded.get(topic, {})
        cells = [(n, entries.get(str(n), {}).get("status"),
                  bool(entries.get(str(n), {}).get("solution"))) for n in numbers]
        rows.append((number, title, cells))
        known.add(topic)
    for topic in sorted(set(recorded) - known):  # Colab: hanya satu notebook di folder
        entries = recorded[topic]
        cells = [(int(n), e.get("status"), bool(e.get("solution")))
                 for n, e in sorted(entries.items(), key=lambda item: int(item[0]))]
        rows.append(("--", topic.replace("_", " "), cells))
    return ProgressTable(rows, path is not None, path)


def main(argv: list[str]) -> int:
    """``python -m saraf.progress [FOLDER]``: mencetak tabel kemajuan buku kerja."""
    folder = Path(argv[0]) if argv else Path.cwd()
    if not folder.is_dir():
        print(f"Folder buku kerja {folder} belum ada. Jalankan `python mulai.py` dulu.")
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")
    print(f"Kemajuan di {folder}:\n")
    print(repr(table(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
