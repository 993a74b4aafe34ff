"""Alat untuk pengajar: menilai notebook latihan siswa tanpa membuka satu per satu.

::

    python mulai.py nilai FOLDER                  # semua *.ipynb di FOLDER dan subfoldernya
    python -m tools.grading FOLDER [--keluaran F] [--batas-waktu-sel S] [--batas-waktu-notebook S]

Setiap notebook dikenali pelajarannya (dari baris ``from saraf.checks import <topik> as
checks``, judul ``# NN · ...``, atau nama berkas ``NN_topik*.ipynb``), disalin ke folder
sementara, lalu dijalankan dari kernel baru tanpa layar. Berkas siswa hanya dibaca, tidak
pernah diubah. Keluaran setiap sel pemeriksa ``checks.exercise_N(...)`` menentukan status
latihan N:

* ``lulus``: pemeriksa menjawab "✅ Benar!";
* ``salah``: pemeriksa menjawab "❌ Belum tepat." untuk jawaban yang sudah diisi;
* ``galat``: sel jawaban atau sel pemeriksanya menimbulkan galat (termasuk sel yang berjalan
  melebihi batas waktu);
* ``belum``: kerangka jawaban belum disentuh, jawabannya masih ``...``, atau selnya tidak
  sempat dijalankan.

Sel pemeriksa dibandingkan dengan notebook acuan di ``notebooks/``: sel yang diubah dijalankan
dengan isi aslinya, sel yang terhapus atau berpindah urutan dicatat di kolom ``keterangan``.
Sel yang berjalan melebihi batas waktu per sel membuat kernelnya dimatikan; notebook lalu
dijalankan ulang dengan sel itu diganti galat ``TimeoutError``, sehingga latihan lain tetap
dinilai. Notebook yang tidak terbaca, tidak dikenali, atau melewati batas waktu per notebook
tetap mendapat barisnya sendiri, dan penilaian berlanjut ke notebook berikutnya.

Hasilnya tabel di terminal dan berkas CSV (bawaan: ``_keluaran/nilai-<nama folder>.csv``).
Pembacaan keluaran sel pemeriksa dan laporannya ada di ``tools/grading_results.py``.
Modul ini butuh ``nbformat`` dan ``nbclient`` (terpasang di lingkungan kursus).
"""

from __future__ import annotations

import copy
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from saraf.validation import as_real, error
from tools.edition import CHECK_CALL
from tools.grading_results import (Result, default_output, format_table, grade_cells, norm,
                                   reference, short, summary, write_csv)
from tools.lessons import LESSONS, Lesson
from tools.notebooks import KERNEL_ENV

DEFAULT_CELL_TIMEOUT = 300
DEFAULT_NOTEBOOK_TIMEOUT = 900
SECONDS = "banyak detik yang lebih dari 0"
IMPORT_CHECKS = re.compile(r"^\s*from\s+saraf\.checks\s+import\s+(\w+)\s+as\s+checks\b", re.M)
TITLE = re.compile(r"^#\s*(\d\d)\s*·")

USAGE = """Pemakaian: python -m tools.grading FOLDER [pilihan]

Menjalankan setiap notebook siswa (*.ipynb) di FOLDER dan subfoldernya dalam salinan
sementara, lalu menulis tabel nilai per latihan ke terminal dan ke berkas CSV.

Pilihan:
  --keluaran F                berkas CSV (bawaan: _keluaran/nilai-<nama FOLDER>.csv)
  --batas-waktu-sel S         detik paling lama untuk satu sel (bawaan: 300)
  --batas-waktu-notebook S    detik paling lama untuk satu notebook (bawaan: 900)"""


def find_notebooks(folder) -> list[Path]:
    """Semua ``*.ipynb`` di ``folder`` dan subfoldernya, tanpa folder/berkas tersembunyi
    (``.ipynb_checkpoints``, ``._nama.ipynb`` dari macOS), urut nama."""
    folder = Path(folder)
    return sorted(p for p in folder.rglob("*.ipynb") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))


def read_notebook(path: Path):
    """``(notebook, None)`` atau ``(None, alasan)`` bila berkas itu bukan notebook yang sah."""
    import nbformat

    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None, "bukan notebook: berkasnya bukan teks UTF-8"
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        return None, (f"bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}): berkasnya "
                      "terpotong atau rusak")
    try:  # seperti Jupyter: kunci tambahan yang tidak dikenal dibiarkan, bentuk dasarnya tidak
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
        ok = all(c.get("cell_type") in ("code", "markdown", "raw") and isinstance(
            c.get("source"), str) for c in nb.cells)
    except Exception:  # noqa: BLE001 - apa pun alasannya, ini bukan notebook
        ok = False
    return (nb, None) if ok else (None, "bukan notebook Jupyter: JSON-nya tidak berformat "
                                        "notebook")


def identify(path: Path, nb) -> tuple[Lesson | None, list[str]]:
    """Pelajaran notebook ``nb``: dari impor pemeriksanya, judulnya, lalu nama berkasnya."""
    by_name = next((l for l in LESSONS if Path(path).name.startswith(l.slug)), None)
    by_content = None
    for cell in nb.cells:
        if cell.cell_type == "code" and (m := IMPORT_CHECKS.search(cell.source)):
            by_content = next((l for l in LESSONS if l.topic == m.group(1)), None)
            break
    if by_content is None:
        title = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        if m := TITLE.match(title.lstrip()):
            by_content = next((l for l in LESSONS if l.number == m.group(1)), None)
    if by_content and by_name and by_content != by_name:
        return by_content, [f"nama berkas menunjuk pelajaran {by_name.slug}, tetapi isinya "
                            f"pelajaran {by_content.slug}; dinilai sebagai {by_content.slug}"]
    return by_content or by_name, []


# ---------------------------------------------------------------------------
# Menjalankan salinan notebook
# ---------------------------------------------------------------------------


class _Deadline(Exception):
    """Batas waktu notebook habis sebelum sel berikutnya dimulai."""


def execute(nb, workdir: Path, cell_timeout: float, notebook_timeout: float):
    """Menjalankan salinan ``nb`` di ``workdir``; mengembalikan ``(notebook, catatan)``.

    Galat di sel tidak menghentikan notebook. Sel yang melewati ``cell_timeout`` atau
    mematikan kernel membuat kernelnya dimatikan; notebook dijalankan ulang dari awal dengan
    sel itu diganti ``raise TimeoutError(...)``/``RuntimeError``, selama batas waktu notebook
    masih tersisa. Bila batas itu habis, kernel dimatikan dan sisa sel tidak dijalankan.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    deadline = time.monotonic() + notebook_timeout
    replaced: dict[int, str] = {}
    env = {**os.environ, **KERNEL_ENV}
    while True:
        run_nb = copy.deepcopy(nb)
        for index, source in replaced.items():
            run_nb.cells[index].source = source
        current = {"index": None}

        def on_start(cell, cell_index):
            if time.monotonic() >= deadline:
                raise _Deadline
            current["index"] = cell_index

        client = NotebookClient(
            run_nb, kernel_name="python3", allow_errors=True, shutdown_kernel="immediate",
            timeout_func=lambda cell: max(1, math.ceil(min(cell_timeout,
                                                           deadline - time.monotonic()))),
            resources={"metadata": {"path": str(workdir)}}, on_cell_execute=on_start)
        try:
            client.execute(env=env, stderr=subprocess.DEVNULL)
            return run_nb, []
        except (_Deadline, CellTimeoutError, DeadKernelError) as exc:
            index = current["index"]
            if isinstance(exc, _Deadline) or time.monotonic() >= deadline - 0.5:
                where = f" saat sel ke-{index + 1}" if index is not None else ""
                return run_nb, [f"notebook berjalan lebih dari {notebook_timeout:g} detik: "
                                f"kernel dimatikan{where}, sisa sel tidak dijalankan"]
            if index is None or index in replaced:
                return run_nb, ["kernel tidak dapat dijalankan atau berhenti sendiri"]
            replaced[index] = (
                f"raise TimeoutError('Sel ini berjalan lebih dari {cell_timeout:g} detik, "
                "jadi dihentikan penilai.')" if isinstance(exc, CellTimeoutError) else
                "raise RuntimeError('Kernel berhenti saat menjalankan sel ini.')")


def grade_notebook(path: Path, folder: Path, cell_timeout: float = DEFAULT_CELL_TIMEOUT,
                   notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT) -> Result:
    """Menilai satu notebook siswa (dijalankan dalam salinan; berkas aslinya tidak diubah)."""
    result = Result(Path(path).relative_to(folder).as_posix())
    with tempfile.TemporaryDirectory(prefix="saraf-nilai-") as tmp:
        copy_path = Path(tmp) / "notebook.ipynb"
        shutil.copyfile(path, copy_path)
        nb, problem = read_notebook(copy_path)
        if problem:
            result.notes.append(problem)
            return result
        lesson, notes = identify(path, nb)
        result.notes += notes
        if lesson is None:
            result.notes.append("pelajaran tidak dikenali: nama berkas tidak diawali NN_topik "
                                "dan tidak ada `from saraf.checks import ... as checks`")
            return result
        result.lesson = lesson.slug
        if not lesson.path().is_file():
            result.notes.append(f"notebook acuan {lesson.filename} tidak ada di notebooks/")
            return result
        ref = reference(lesson)
        run_nb = copy.deepcopy(nb)
        for cell in run_nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None  # keluaran lama tidak dinilai
                match = CHECK_CALL.search(cell.source)
                number = int(match.group(1)) if match else None
                if number in ref.checks and norm(cell.source) != norm(ref.checks[number]):
                    cell.source = ref.checks[number]
                    result.notes.append(f"sel pemeriksa latihan {number} diubah; dinilai "
                                        "dengan isi aslinya")
        executed, notes = execute(run_nb, Path(tmp), cell_timeout, notebook_timeout)
        result.notes += notes
        result.statuses, notes = grade_cells(nb, executed, ref)
        result.notes += notes
    return result


def grade_folder(folder, cell_timeout: float = DEFAULT_CELL_TIMEOUT,
                 notebook_timeout: float = DEFAULT_NOTEBOOK_TIMEOUT, progress=None):
    """Menilai setiap notebook di ``folder``; ``progress(teks)`` dipanggil sebelum tiap notebook."""
    folder = Path(folder)
    paths = find_notebooks(folder)
    results = []
    for n, path in enumerate(paths, 1):
        name = path.relative_to(folder).as_posix()
        if progress:
            progress(f"[saraf] ({n}/{len(paths)}) Menilai {name} …")
        try:
            results.append(grade_notebook(path, folder, cell_timeout, notebook_timeout))
        except Exception as exc:  # noqa: BLE001 - satu notebook tidak boleh menghentikan semuanya
            results.append(Result(name, notes=[f"tidak dapat dinilai: {type(exc).__name__}: "
                                               f"{short(exc)}"]))
    return results


def _options(argv: list[str]):
    """``(folder, keluaran, batas sel, batas notebook)`` dari argumen; ValueError bila salah."""
    names = {"--keluaran": None, "--batas-waktu-sel": DEFAULT_CELL_TIMEOUT,
             "--batas-waktu-notebook": DEFAULT_NOTEBOOK_TIMEOUT}
    values, positional, args = dict(names), [], list(argv)
    while args:
        arg = args.pop(0)
        name, eq, value = arg.partition("=")
        if name not in names:
            if arg.startswith("--"):
                raise ValueError(f"pilihan tidak dikenal: {arg}.")
            positional.append(arg)
            continue
        if not eq:
            if not args:
                raise ValueError(f"`{name}` butuh nilai.")
            value = args.pop(0)
        if name != "--keluaran":
            try:
                number = float(value)
            except ValueError:
                raise error(name, SECONDS, value) from None
            value = as_real(name, number, above=0, expected=SECONDS)
        values[name] = value
    if len(positional) != 1:
        raise ValueError("sebutkan tepat satu FOLDER.")
    return (Path(positional[0]), values["--keluaran"], values["--batas-waktu-sel"],
            values["--batas-waktu-notebook"])


def main(argv: list[str]) -> int:
    """``python -m tools.grading FOLDER [--keluaran F] [--batas-waktu-sel S]
    [--batas-waktu-notebook S]``; 0 bila semua notebook dapat dinilai, selain itu 1."""
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    try:
        folder, out, cell_timeout, notebook_timeout = _options(argv)
    except ValueError as exc:
        print(f"[saraf] {exc}\n\n{USAGE}")
        return 2
    if not folder.is_dir():
        print(f"[saraf] Folder {folder} tidak ada.")
        return 2
    if not find_notebooks(folder):
        print(f"[saraf] Tidak ada notebook (*.ipynb) di {folder}.")
        return 1
    results = grade_folder(folder, cell_timeout, notebook_timeout,
                           progress=lambda text: print(text, flush=True))
    path = write_csv(results, Path(out) if out else default_output(folder))
    print("\n" + format_table(results) + "\n\n" + summary(results))
    print(f"Tabel nilai (CSV): {path}")
    return 0 if all(r.statuses for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
