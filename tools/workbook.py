"""Buku kerja pembelajar: salinan pribadi setiap pelajaran, tanpa jawaban latihan.

``python mulai.py`` (dan ``python mulai.py siapkan``) memanggil :func:`sync` sebelum membuka
JupyterLab di folder buku kerja (bawaan: ``buku-kerja/`` di akar repositori, diabaikan git).
Isinya edisi siswa setiap pelajaran (``tools.edition.student_notebook``): teks, gambar, dan
keluaran tersimpan sel pelajaran tetap ada; sel jawaban berisi kerangka kosong; sel pemeriksa
tetap di tempatnya. Folder ``notebooks/`` tetap menjadi notebook acuan (dengan solusi) untuk
nbval dan pengajar.

Aturannya:

* Notebook yang sudah ada di buku kerja **tidak pernah ditimpa**, apa pun isinya. Pelajaran
  yang belum ada (pelajaran baru dari pembaruan seri, atau yang terhapus) ditambahkan.
* Notebook buku kerja yang bukan JSON yang sah atau bukan notebook (misalnya tersimpan
  setengah saat komputer mati) dilaporkan dan dibiarkan apa adanya.
* ``python mulai.py pulihkan 03`` (nomor atau topik) menulis salinan baru satu pelajaran;
  notebook lama disimpan di sebelahnya dengan cap waktu, misalnya
  ``03_konvolusi.2026-12-02_2301.ipynb``. Cadangan yang sudah ada tidak pernah ditimpa.
* ``GLOSARIUM.md`` ikut disalin dan diperbarui bersama seri, kecuali bila Anda mengubahnya.
* Berkas penanda :data:`MARKER` (JSON kecil berisi versi seri) menandai folder buku kerja.

Dari akar repositori dengan python ``.venv``::

    python -m tools.workbook [--folder F]                # buat atau lengkapi buku kerja
    python -m tools.workbook pulihkan 03 [--folder F]    # salinan baru pelajaran 03

Semua berkas ditulis lewat berkas sementara lalu diganti sekaligus (``os.replace``), jadi
proses yang terhenti di tengah jalan tidak meninggalkan notebook setengah jadi. Modul ini
butuh ``nbformat`` (terpasang di lingkungan kursus).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tools.edition import student_notebook
from tools.lessons import LESSONS, NOTEBOOK_DIR, ROOT, find

DEFAULT_FOLDER = ROOT / "buku-kerja"
MARKER = ".saraf-buku-kerja"
GLOSSARY = "GLOSARIUM.md"
MARKER_KIND = "saraf-buku-kerja"

USAGE = ("Pemakaian: python -m tools.workbook [--folder F]\n"
         "           python -m tools.workbook pulihkan NOMOR_ATAU_TOPIK [...] [--folder F]")


def series_version() -> str:
    """Versi seri ini (versi paket ``saraf``)."""
    from saraf import __version__

    return __version__


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    """Menulis ``data`` ke ``path`` lewat berkas sementara di folder yang sama."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def fresh_copy(lesson) -> bytes:
    """Isi berkas edisi siswa pelajaran ``lesson`` (:class:`tools.lessons.Lesson`)."""
    import nbformat

    nb = nbformat.read(lesson.path(NOTEBOOK_DIR), as_version=4)
    text = nbformat.writes(student_notebook(nb))
    return (text if text.endswith("\n") else text + "\n").encode("utf-8")


def read_marker(folder: Path) -> dict:
    """Isi berkas penanda buku kerja; ``{}`` bila tidak ada atau rusak."""
    try:
        data = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("kind") == MARKER_KIND else {}


def is_workbook(folder) -> bool:
    """True bila ``folder`` adalah buku kerja seri ini (punya berkas penanda yang sah)."""
    return bool(read_marker(Path(folder)))


def _write_marker(folder: Path, glossary_sha256: str | None) -> None:
    data = {"kind": MARKER_KIND, "format": 1, "series_version": series_version(),
            "glossary_sha256": glossary_sha256}
    text = (json.dumps(data, indent=1) + "\n").encode("utf-8")
    path = folder / MARKER
    if not path.is_file() or path.read_bytes() != text:
        _write_atomic(path, text)


def notebook_problem(path: Path) -> str | None:
    """Alasan (berbahasa Indonesia) bila ``path`` tidak terbaca sebagai notebook; else None."""
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8"))
    except OSError as exc:
        return f"tidak dapat dibaca ({exc.strerror or exc})"
    except ValueError:
        return ("bukan JSON yang sah: mungkin tersimpan setengah, misalnya saat JupyterLab "
                "atau komputer berhenti di tengah penyimpanan")
    if not (isinstance(data, dict) and isinstance(data.get("cells"), list)
            and isinstance(data.get("nbformat"), int)):
        return "berisi JSON yang sah, tetapi bukan notebook Jupyter (tidak ada `cells`)"
    return None


@dataclass
class SyncReport:
    """Hasil :func:`sync`: nama berkas yang ditambahkan, yang dibiarkan, dan masalahnya."""

    folder: Path
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Laporan singkat berbahasa Indonesia."""
        lines = [f"Buku kerja Anda: {self.folder}"]
        if self.added:
            lines.append(f"  Ditambahkan ({len(self.added)}): {', '.join(self.added)}")
        if self.kept:
            lines.append(f"  {len(self.kept)} berkas yang sudah ada tidak diubah: pekerjaan "
                         "Anda tidak pernah ditimpa.")
        lines += [f"  MASALAH: {problem}" for problem in self.problems]
        return "\n".join(lines)


def _problem_message(name: str, reason: str, lesson) -> str:
    return (f"{name} {reason}. Berkas itu dibiarkan apa adanya, tidak diganti. Bukalah "
            f"dengan penyunting teks untuk menyelamatkan isinya, atau jalankan "
            f"`python mulai.py pulihkan {lesson.number}` untuk salinan baru (berkas lama "
            "tetap disimpan di sebelahnya dengan cap waktu).")


def _sync_glossary(folder: Path, recorded: str | None, report: SyncReport) -> str | None:
    """Menyalin GLOSARIUM.md bila belum ada atau belum Anda ubah; mengembalikan sidiknya."""
    source = NOTEBOOK_DIR / GLOSSARY
    if not source.is_file():
        return recorded
    new = source.read_bytes()
    target = folder / GLOSSARY
    if not target.exists():
        _write_atomic(target, new)
        report.added.append(GLOSSARY)
        return _sha256(new)
    current = target.read_bytes()
    if current != new and _sha256(current) == recorded:  # versi lama dari seri, belum diubah
        _write_atomic(target, new)
        return _sha256(new)
    report.kept.append(GLOSSARY)
    return recorded if current != new else _sha256(new)


def sync(folder=DEFAULT_FOLDER) -> SyncReport:
    """Membuat atau melengkapi buku kerja di ``folder`` dari edisi siswa setiap pelajaran.

    Notebook pelajaran yang belum ada ditulis; yang sudah ada tidak pernah diubah (yang
    rusak dilaporkan di ``problems``). Berkas yang tidak berubah tidak ditulis ulang.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    report = SyncReport(folder)
    for lesson in LESSONS:
        target = lesson.path(folder)
        if target.exists():
            report.kept.append(lesson.filename)
            reason = notebook_problem(target)
            if reason:
                report.problems.append(_problem_message(lesson.filename, reason, lesson))
        elif lesson.path(NOTEBOOK_DIR).is_file():
            _write_atomic(target, fresh_copy(lesson))
            report.added.append(lesson.filename)
    glossary = _sync_glossary(folder, read_marker(folder).get("glossary_sha256"), report)
    _write_marker(folder, glossary)
    return report


def _backup_path(path: Path, now: datetime) -> Path:
    """``NN_topik.YYYY-MM-DD_HHMM.ipynb`` yang belum ada (``…_HHMM-2`` dst. bila sudah ada)."""
    stamp = now.strftime("%Y-%m-%d_%H%M")
    candidate, n = path.with_name(f"{path.stem}.{stamp}{path.suffix}"), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.{stamp}-{n}{path.suffix}")
    return candidate


def restore(lesson, folder=DEFAULT_FOLDER, now: datetime | None = None):
    """Salinan baru satu pelajaran (nomor, topik, atau slug) di buku kerja ``folder``.

    Notebook lama, bila ada, dipindahkan ke nama bercap waktu di folder yang sama (cadangan
    lama tidak pernah ditimpa). Mengembalikan ``(notebook, cadangan atau None)``.
    """
    lesson = find(lesson)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = fresh_copy(lesson)
    target, backup = lesson.path(folder), None
    if target.exists():
        backup = _backup_path(target, now or datetime.now())
        os.replace(target, backup)
    _write_atomic(target, data)
    if not is_workbook(folder):
        _write_marker(folder, None)
    return target, backup


def main(argv: list[str]) -> int:
    """``python -m tools.workbook [pulihkan NN ...] [--folder F]``."""
    args, folder = list(argv), DEFAULT_FOLDER
    if "--folder" in args:
        i = args.index("--folder")
        if i + 1 >= len(args):
            print(USAGE)
            return 2
        folder = Path(args[i + 1])
        del args[i:i + 2]
    if args[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    if args and (args[0] != "pulihkan" or len(args) == 1):
        print(USAGE)
        return 2
    try:
        if args:
            for name in args[1:]:
                target, backup = restore(name, folder)
                kept = f" Notebook lama Anda disimpan sebagai {backup.name}." if backup else ""
                print(f"[saraf] {target.name} dipulihkan: salinan baru tanpa jawaban di "
                      f"{target.parent}.{kept} Bila notebook ini sedang terbuka di "
                      "JupyterLab, tutup tabnya tanpa menyimpan, lalu buka lagi.")
            return 0
        report = sync(folder)
    except ValueError as exc:  # nama pelajaran yang tidak dikenal
        print(f"[saraf] {exc}")
        return 2
    except OSError as exc:
        print(f"[saraf] Buku kerja gagal disiapkan di {folder}: {exc}")
        return 1
    print("[saraf] " + report.describe())
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
