"""Membaca hasil penilaian notebook siswa dan melaporkannya (dipakai ``tools.grading``).

Dari notebook asli siswa dan salinannya yang sudah dijalankan, :func:`grade_cells` menentukan
status setiap latihan (``lulus``, ``salah``, ``galat``, ``belum``) dengan membaca keluaran sel
pemeriksa ``checks.exercise_N(...)`` dan galat di sel jawabannya, lalu membandingkan sel
pemeriksa dengan notebook acuan di ``notebooks/``. Sisanya membuat laporan: baris CSV
(:func:`write_csv`), tabel untuk terminal (:func:`format_table`), dan ringkasan
(:func:`summary`).
"""

from __future__ import annotations

import ast
import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from saraf.checks import correct, incorrect, not_answered
from tools.edition import ANSWER_TAG, CHECK_CALL, SOLUTION_TAG, is_check, is_solution, \
    student_source
from tools.lessons import ROOT, Lesson

PASSED, WRONG, ERROR, NOT_YET = "lulus", "salah", "galat", "belum"
STATUSES = (PASSED, WRONG, ERROR, NOT_YET)
DEFAULT_OUT = ROOT / "_keluaran"

#: Awal teks umpan balik ``saraf.checks.Feedback``: "✅ Benar!" dan "❌ Belum tepat.".
PASS_HEAD, WRONG_HEAD = repr(correct("")).strip(), repr(incorrect("")).strip()


def _empty_function():
    ...


#: Pesan pemeriksa untuk jawaban yang masih kosong (``...``, ``None``, fungsi kosong).
NOT_ANSWERED = tuple(not_answered(a).message for a in (None, _empty_function))


@dataclass
class Reference:
    """Apa yang dibutuhkan penilai dari notebook acuan sebuah pelajaran."""

    lesson: Lesson
    checks: dict[int, str]  # nomor latihan → isi sel pemeriksa
    stubs: set[str]  # kerangka jawaban edisi siswa (dinormalkan)
    code: set[str]  # isi sel kode lain (dinormalkan): bukan tambahan siswa

    @property
    def order(self) -> list[int]:
        return list(self.checks)


@dataclass
class Result:
    """Hasil satu notebook: status setiap latihan (None: tidak dapat dinilai) dan keterangan."""

    file: str
    lesson: str = ""
    statuses: dict[int, str | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for s in self.statuses.values() if s == status)


def norm(source: str) -> str:
    """Isi sel tanpa spasi di akhir baris dan baris kosong di awal/akhir, untuk dibandingkan."""
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def short(text: str, limit: int = 100) -> str:
    """``text`` dalam satu baris, dipotong dengan "…" bila lebih dari ``limit`` karakter."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


@lru_cache(maxsize=None)
def reference(lesson: Lesson) -> Reference:
    """Sel pemeriksa, kerangka jawaban, dan sel kode notebook acuan ``notebooks/<slug>``."""
    import nbformat

    nb = nbformat.read(lesson.path(), as_version=4)
    checks, stubs, code = {}, set(), set()
    for cell in nb.cells:
        if is_solution(cell):
            stubs.add(norm(student_source(cell)))
        elif is_check(cell):
            checks[int(CHECK_CALL.search(cell.source).group(1))] = cell.source
        elif cell.cell_type == "code":
            code.add(norm(cell.source))
    return Reference(lesson, checks, stubs, code)


# ---------------------------------------------------------------------------
# Membaca hasil sel pemeriksa
# ---------------------------------------------------------------------------


def _code_is_empty(source: str) -> bool:
    """True bila sel hanya berisi komentar, ``...``, ``pass``, atau teks lepas."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return all(isinstance(node, ast.Pass) or (isinstance(node, ast.Expr) and isinstance(
        node.value, ast.Constant) and (node.value.value is Ellipsis or isinstance(
            node.value.value, str))) for node in body)


def _errors(cell) -> list[str]:
    return [f"{o.get('ename')}: {o.get('evalue')}" for o in cell.get("outputs", [])
            if o.get("output_type") == "error"]


def _feedback(cell) -> str | None:
    texts = [o.get("data", {}).get("text/plain", "") for o in cell.get("outputs", [])
             if o.get("output_type") in ("execute_result", "display_data")]
    texts = [t for t in texts if t.startswith((PASS_HEAD, WRONG_HEAD))]
    return texts[-1] if texts else None


def _is_tagged(cell) -> bool:
    return bool({ANSWER_TAG, SOLUTION_TAG} & set(cell.get("metadata", {}).get("tags", [])))


def structure_notes(positions: list[tuple[int, int]], ref: Reference) -> list[str]:
    """Catatan sel pemeriksa yang terhapus atau berpindah urutan dibandingkan acuan."""
    notes, seen = [], []
    for _, number in positions:
        if number in ref.checks and number not in seen:
            seen.append(number)
    missing = [n for n in ref.order if n not in seen]
    if missing:
        notes.append("sel pemeriksa latihan " + ", ".join(map(str, missing)) + " terhapus")
    if seen != [n for n in ref.order if n in seen]:
        notes.append("urutan sel pemeriksa berubah: " + ", ".join(map(str, seen)))
    return notes


def grade_cells(original, executed, ref: Reference) -> tuple[dict[int, str | None], list[str]]:
    """Status setiap latihan dan keterangannya, dari notebook asli dan salinan yang dijalankan."""
    cells, ran = original.cells, executed.cells
    positions = [(i, int(m.group(1))) for i, c in enumerate(cells)
                 if c.cell_type == "code" and (m := CHECK_CALL.search(c.source))]
    notes = structure_notes(positions, ref)
    statuses: dict[int, str | None] = {n: None for n in ref.order}
    first = min([i for i, c in enumerate(cells) if _is_tagged(c)] + [i for i, _ in positions],
                default=len(cells))
    # Latihan N: sel sesudah sel pemeriksa sebelumnya sampai sel pemeriksanya sendiri.
    spans = [(number, range(positions[k - 1][0] + 1 if k else first, index + 1))
             for k, (index, number) in enumerate(positions)]
    regions = dict(spans)  # sel pemeriksa yang tampil dua kali: yang terakhir dinilai
    covered = {i for _, span in spans for i in span}
    outside = [(i, e) for i, c in enumerate(ran) if i not in covered for e in _errors(c)[:1]]
    if outside:
        i, error = outside[0]
        line = short((cells[i].source.strip().splitlines() or [""])[0], 30)
        more = f" (dan {len(outside) - 1} sel lain)" if len(outside) > 1 else ""
        notes.append(f"galat di luar latihan, sel ke-{i + 1} `{line}`: {short(error)}{more}")
    for number in ref.order:
        if number not in regions:
            continue
        region, check = regions[number], regions[number][-1]
        own = [i for i in region if i != check and cells[i].cell_type == "code"]
        tagged = [i for i in own if _is_tagged(cells[i])]
        added = [i for i in own if not _is_tagged(cells[i]) and not _code_is_empty(
            cells[i].source) and norm(cells[i].source) not in ref.code]
        untouched = bool(tagged) and not added and all(
            norm(cells[i].source) in ref.stubs or _code_is_empty(cells[i].source)
            for i in tagged)
        answer_errors = [e for i in own for e in _errors(ran[i])]
        check_errors, text = _errors(ran[check]), _feedback(ran[check])
        if answer_errors or (check_errors and not untouched and text is None):
            status = ERROR
            notes.append(f"latihan {number} galat: {short((answer_errors + check_errors)[0])}")
        elif text is not None and text.startswith(PASS_HEAD):
            status = PASSED
        elif text is not None:
            given = text[len(WRONG_HEAD):].strip()
            status = NOT_YET if untouched or given.startswith(NOT_ANSWERED) else WRONG
        elif untouched or ran[check].get("execution_count") is None:
            status = NOT_YET
        else:
            status = ERROR
            notes.append(f"latihan {number} galat: pemeriksa tidak memberi umpan balik")
        statuses[number] = status
    return statuses, notes


# ---------------------------------------------------------------------------
# Laporan: CSV, tabel, ringkasan
# ---------------------------------------------------------------------------


def default_output(folder) -> Path:
    """Letak CSV bawaan: ``_keluaran/nilai-<nama folder>.csv``."""
    return DEFAULT_OUT / f"nilai-{Path(folder).resolve().name}.csv"


def csv_rows(results: list[Result]) -> list[dict[str, str]]:
    """Baris CSV: berkas, pelajaran, latihan_1..N, jumlah per status, keterangan."""
    width = max([max(r.statuses, default=0) for r in results], default=0)
    rows = []
    for r in results:
        row = {"berkas": r.file, "pelajaran": r.lesson}
        row.update({f"latihan_{n}": r.statuses.get(n) or "" for n in range(1, width + 1)})
        graded = bool(r.statuses)
        row.update({s: str(r.count(s)) if graded else "" for s in STATUSES})
        row["jumlah_latihan"] = str(len(r.statuses)) if graded else ""
        row["keterangan"] = "; ".join(r.notes)
        rows.append(row)
    return rows


def write_csv(results: list[Result], path) -> Path:
    """Menulis CSV (UTF-8 dengan BOM agar terbaca benar di Excel); mengembalikan path-nya."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = csv_rows(results)
    names = list(rows[0]) if rows else ["berkas", "pelajaran", "keterangan"]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(x) for x in column) for column in zip(header, *rows)]
    return ["  " + "  ".join(x.ljust(w) for x, w in zip(line, widths)).rstrip()
            for line in [header, *rows]]


def format_table(results: list[Result]) -> str:
    """Tabel yang mudah dibaca: satu bagian per pelajaran, lalu yang tidak dapat dinilai."""
    lines = []
    for lesson in sorted({r.lesson for r in results if r.statuses}):
        group = [r for r in results if r.lesson == lesson and r.statuses]
        numbers = sorted({n for r in group for n in r.statuses})
        rows = [[r.file] + [r.statuses.get(n) or "—" for n in numbers]
                + [f"{r.count(PASSED)}/{len(r.statuses)}"] for r in group]
        rows.append(["jumlah lulus"] + [str(sum(r.statuses.get(n) == PASSED for r in group))
                                        for n in numbers] + [""])
        lines += [f"Pelajaran {lesson} ({len(numbers)} latihan)",
                  *_table(["Berkas"] + [f"L{n}" for n in numbers] + ["Lulus"], rows), ""]
    others = [r for r in results if not r.statuses]
    if others:
        lines += ["Tidak dapat dinilai", *_table(["Berkas", "Alasan"],
                                                 [[r.file, "; ".join(r.notes)] for r in others]),
                  ""]
    noted = [r for r in results if r.statuses and r.notes]
    if noted:
        lines.append("Keterangan")
        lines += [f"  {r.file}: {'; '.join(r.notes)}" for r in noted]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def summary(results: list[Result]) -> str:
    """Ringkasan beberapa baris: banyak notebook, latihan per status, yang bermasalah."""
    graded = [r for r in results if r.statuses]
    total = sum(len(r.statuses) for r in graded)
    counts = {s: sum(r.count(s) for r in graded) for s in STATUSES}
    lessons = len({r.lesson for r in graded})
    return (f"Ringkasan: {len(results)} notebook; {len(graded)} dinilai ({lessons} pelajaran), "
            f"{len(results) - len(graded)} tidak dapat dinilai.\n"
            f"Latihan: {counts[PASSED]} lulus dari {total}; {counts[WRONG]} salah, "
            f"{counts[ERROR]} galat, {counts[NOT_YET]} belum.\n"
            f"Notebook dengan keterangan: {sum(1 for r in results if r.notes)}.")


