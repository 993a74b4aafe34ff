"""Buku kerja pembelajar (`tools.workbook`, `python mulai.py`, `python mulai.py pulihkan`).

Buku kerja dibuat dari notebook acuan yang sebenarnya, di folder sementara (tidak pernah di
`buku-kerja/` milik Anda): tanpa teks solusi, keluaran sel pelajaran tetap ada, pekerjaan
pembelajar tidak pernah ditimpa, notebook yang rusak dibiarkan dengan pesan yang jelas, dan
repositori tetap bersih.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from datetime import datetime

import nbformat
import pytest

import saraf
from tools import edition, workbook
from tools.lessons import LESSONS, NOTEBOOK_DIR, ROOT, Lesson

#: Baris solusi yang terlalu pendek untuk dianggap bocoran (misalnya `return x`).
MIN_LINE = 5
LESSON_FILES = [lesson.filename for lesson in LESSONS]
STAMP = datetime(2026, 12, 2, 23, 1)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """Buku kerja baru dari notebook acuan, dibuat sekali untuk modul ini."""
    folder = tmp_path_factory.mktemp("asli") / "buku-kerja"
    return folder, workbook.sync(folder)


@pytest.fixture
def book(pristine, tmp_path):
    """Salinan buku kerja baru yang boleh diubah oleh satu tes."""
    folder = tmp_path / "buku-kerja"
    shutil.copytree(pristine[0], folder)
    return folder


def snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write_answer(path, text: str) -> None:
    """Seperti pembelajar: menulis jawaban di sel jawaban pertama lalu menyimpan."""
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if edition.ANSWER_TAG in c.metadata.get("tags", []))
    cell.source = text
    nbformat.write(nb, path)


def json_text(text: str) -> str:
    """Bentuk ``text`` di dalam berkas .ipynb (string JSON tanpa tanda kutip)."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def test_first_sync_adds_every_lesson_the_glossary_and_a_marker(pristine):
    folder, report = pristine
    assert report.added == LESSON_FILES + [workbook.GLOSSARY]
    assert report.kept == [] and report.problems == []
    assert (folder / workbook.GLOSSARY).read_bytes() == (
        NOTEBOOK_DIR / workbook.GLOSSARY).read_bytes()
    marker = json.loads((folder / workbook.MARKER).read_text(encoding="utf-8"))
    assert marker["series_version"] == saraf.__version__
    assert workbook.is_workbook(folder) and not workbook.is_workbook(NOTEBOOK_DIR)
    assert "Ditambahkan (17)" in report.describe()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_workbook_lesson_has_no_solution_text(pristine, lesson):
    reference = nbformat.read(lesson.path(), as_version=4)
    text = (pristine[0] / lesson.filename).read_text(encoding="utf-8")
    # Baris yang juga ada di bagian pelajaran (di luar sel solusi dan keluaran pemeriksanya)
    # memang boleh terlihat.
    material = copy.deepcopy(reference)
    material.cells = [c for c in material.cells if not edition.is_solution(c)]
    for cell in material.cells:
        if edition.is_check(cell):
            cell.outputs = []
    material = nbformat.writes(material)
    checked = 0
    for cell in filter(edition.is_solution, reference.cells):
        stub = {line.strip() for line in edition.student_source(cell).splitlines()}
        for line in (line.strip() for line in cell.source.splitlines()):
            if len(line) < MIN_LINE or not re.search(r"\w", line) or line in stub:
                continue
            if json_text(line) in material:
                continue
            checked += 1
            assert json_text(line) not in text, f"solusi bocor ke buku kerja: {line!r}"
    assert checked > 0, "setiap pelajaran punya latihan dengan solusi untuk dibandingkan"
    assert f'"{edition.SOLUTION_TAG}"' not in text and "✅ Benar!" not in text


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_workbook_keeps_stored_outputs_of_non_exercise_cells(pristine, lesson):
    reference = nbformat.read(lesson.path(), as_version=4)
    mine = nbformat.read(pristine[0] / lesson.filename, as_version=4)
    assert len(mine.cells) == len(reference.cells)
    kept = 0
    for ref, cell in zip(reference.cells, mine.cells):
        if edition.is_solution(ref) or edition.is_check(ref) or edition.is_progress(ref):
            assert cell.outputs == [] and cell.execution_count is None
            assert cell.source == (edition.student_source(ref) if edition.is_solution(ref)
                                   else ref.source)
        else:
            assert cell == ref
            kept += len(ref.get("outputs", []))
    assert kept > 0, "pembelajar dapat membaca hasil pelajaran sebelum menjalankannya"


def test_second_sync_after_edits_changes_nothing(book):
    write_answer(book / "03_konvolusi.ipynb", "answer_1 = 42  # jawaban saya")
    with (book / workbook.GLOSSARY).open("a", encoding="utf-8") as file:
        file.write("\nCatatan saya: kernel = filter.\n")
    before = snapshot(book)
    report = workbook.sync(book)
    assert snapshot(book) == before, "tidak ada satu byte pun yang berubah"
    assert report.added == [] and report.problems == []
    assert sorted(report.kept) == sorted(LESSON_FILES + [workbook.GLOSSARY])
    assert "pekerjaan Anda tidak pernah ditimpa" in report.describe()


def test_deleted_lesson_comes_back_and_a_new_lesson_appears(pristine, book, tmp_path,
                                                            monkeypatch):
    # Seri versi baru: pelajaran 16 ditambahkan di notebooks/.
    series = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOK_DIR, series)
    new = nbformat.v4.new_notebook()
    solution = nbformat.v4.new_code_cell("jawaban_rahasia = 6 * 7")
    solution.metadata["tags"] = [edition.SOLUTION_TAG]
    new.cells = [nbformat.v4.new_markdown_cell("# Pelajaran Baru"), solution,
                 nbformat.v4.new_code_cell("checks.exercise_1(jawaban_rahasia)")]
    nbformat.write(new, series / "16_pelajaran_baru.ipynb")
    monkeypatch.setattr(workbook, "NOTEBOOK_DIR", series)
    monkeypatch.setattr(workbook, "LESSONS", LESSONS + (Lesson("16_pelajaran_baru"),))

    write_answer(book / "03_konvolusi.ipynb", "answer_1 = 42")
    (book / "05_pooling.ipynb").unlink()
    before = snapshot(book)
    report = workbook.sync(book)
    assert report.added == ["05_pooling.ipynb", "16_pelajaran_baru.ipynb"]
    after = snapshot(book)
    assert after["05_pooling.ipynb"] == (pristine[0] / "05_pooling.ipynb").read_bytes()
    assert {k: v for k, v in after.items() if k in before} == before
    added = (book / "16_pelajaran_baru.ipynb").read_text(encoding="utf-8")
    assert "# Pelajaran Baru" in added and "6 * 7" not in added
    assert "jawaban_rahasia = ...  # jawaban Anda" in added


def test_glossary_follows_the_series_unless_you_edited_it(book, tmp_path, monkeypatch):
    series = tmp_path / "notebooks"
    series.mkdir()
    (series / workbook.GLOSSARY).write_text("# Glosarium versi baru\n", encoding="utf-8")
    monkeypatch.setattr(workbook, "NOTEBOOK_DIR", series)
    monkeypatch.setattr(workbook, "LESSONS", ())
    workbook.sync(book)
    assert (book / workbook.GLOSSARY).read_text(encoding="utf-8") == "# Glosarium versi baru\n"
    (book / workbook.GLOSSARY).write_text("# Glosarium dengan catatan saya\n", encoding="utf-8")
    (series / workbook.GLOSSARY).write_text("# Glosarium versi ketiga\n", encoding="utf-8")
    report = workbook.sync(book)
    assert (book / workbook.GLOSSARY).read_text(encoding="utf-8") == (
        "# Glosarium dengan catatan saya\n")
    assert workbook.GLOSSARY in report.kept


def test_restore_gives_a_fresh_copy_and_keeps_every_backup(pristine, book):
    fresh = (pristine[0] / "03_konvolusi.ipynb").read_bytes()
    target = book / "03_konvolusi.ipynb"
    write_answer(target, "answer_1 = 'percobaan pertama'")
    first = target.read_bytes()
    path, backup = workbook.restore("03", book, now=STAMP)
    assert path == target and target.read_bytes() == fresh
    assert backup.name == "03_konvolusi.2026-12-02_2301.ipynb" and backup.read_bytes() == first

    write_answer(target, "answer_1 = 'percobaan kedua'")
    second = target.read_bytes()
    _, backup_2 = workbook.restore("konvolusi", book, now=STAMP)  # menit yang sama
    assert backup_2 != backup and backup_2.name == "03_konvolusi.2026-12-02_2301-2.ipynb"
    assert backup.read_bytes() == first and backup_2.read_bytes() == second
    assert target.read_bytes() == fresh

    _, backup_3 = workbook.restore("03_konvolusi.ipynb", book)  # waktu sekarang
    assert re.fullmatch(r"03_konvolusi\.\d{4}-\d\d-\d\d_\d{4}(-\d+)?\.ipynb", backup_3.name)
    assert len(list(book.glob("03_konvolusi.*.ipynb"))) == 3
    report = workbook.sync(book)  # cadangan tidak mengganggu buku kerja
    assert report.added == [] and report.problems == []


def test_restore_a_missing_lesson_and_unknown_names(book, capsys):
    (book / "04_relu.ipynb").unlink()
    path, backup = workbook.restore("relu", book)
    assert backup is None and path.is_file()
    assert workbook.main(["pulihkan", "99", "--folder", str(book)]) == 2
    assert "Pelajaran '99' tidak ada dalam daftar pelajaran" in capsys.readouterr().out
    assert workbook.main(["pulihkan", "--folder", str(book)]) == 2
    assert "Pemakaian" in capsys.readouterr().out


def test_damaged_notebooks_are_left_alone_with_a_clear_message(book, capsys):
    full = (book / "03_konvolusi.ipynb").read_bytes()
    damaged = {"03_konvolusi.ipynb": full[:len(full) // 2],  # penyimpanan terhenti
               "04_relu.ipynb": b"",
               "05_pooling.ipynb": b'{"pesan": "bukan notebook"}'}
    for name, data in damaged.items():
        (book / name).write_bytes(data)
    before = snapshot(book)
    report = workbook.sync(book)
    assert snapshot(book) == before, "berkas yang rusak tidak diganti"
    assert report.added == [] and len(report.problems) == 3
    first, empty, other = report.problems
    assert first.startswith("03_konvolusi.ipynb bukan JSON yang sah: mungkin tersimpan setengah")
    assert "dibiarkan apa adanya" in first and "python mulai.py pulihkan 03" in first
    assert empty.startswith("04_relu.ipynb bukan JSON yang sah")
    assert other.startswith("05_pooling.ipynb berisi JSON yang sah, tetapi bukan notebook")
    assert workbook.main(["--folder", str(book)]) == 1
    out = capsys.readouterr().out
    assert "MASALAH: 03_konvolusi.ipynb bukan JSON yang sah" in out
    _, backup = workbook.restore("03", book, now=STAMP)
    assert backup.read_bytes() == damaged["03_konvolusi.ipynb"]
    assert len(workbook.sync(book).problems) == 2


def git(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def test_workbook_leaves_the_repository_clean(tmp_path):
    if shutil.which("git") is None or git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("bukan klon git")
    before = git("status", "--porcelain").stdout
    folder = tmp_path / "buku-kerja"
    assert workbook.main(["--folder", str(folder)]) == 0
    write_answer(folder / "03_konvolusi.ipynb", "answer_1 = 1")
    assert workbook.main(["pulihkan", "03", "--folder", str(folder)]) == 0
    assert workbook.main(["--folder", str(folder)]) == 0
    assert git("status", "--porcelain").stdout == before
    assert workbook.DEFAULT_FOLDER == ROOT / "buku-kerja"
    for path in ("buku-kerja/", "buku-kerja/03_konvolusi.ipynb",
                 "buku-kerja/03_konvolusi.2026-12-02_2301.ipynb", f"buku-kerja/{workbook.MARKER}"):
        assert git("check-ignore", "-q", path).returncode == 0, f"{path} tidak diabaikan git"


# ---------------------------------------------------------------------------
# Peluncur: `python mulai.py` dan `python mulai.py siapkan` menyiapkan buku kerja dulu
# ---------------------------------------------------------------------------


@pytest.fixture
def recorded(launcher, ready_venv, tmp_path, monkeypatch):
    """Perintah yang dijalankan peluncur (tanpa JupyterLab), buku kerja di `tmp_path`."""
    assert launcher.WORKBOOK == workbook.DEFAULT_FOLDER
    monkeypatch.setattr(launcher, "WORKBOOK", tmp_path / "buku-kerja")
    seen, codes = [], {}
    monkeypatch.setattr(launcher, "run",
                        lambda command: seen.append(command) or codes.get(command[2], 0))
    return seen, codes


def run_for_real(command) -> int:
    """Menjalankan perintah yang dibuat peluncur dengan python tes ini, di akar repositori."""
    return subprocess.run([sys.executable, *command[1:]], cwd=ROOT).returncode


def test_lab_prepares_the_workbook_then_opens_it(launcher, recorded):
    seen, _ = recorded
    assert launcher.main([]) == 0
    sync = [str(launcher.venv_python()), "-m", "tools.workbook", "--folder",
            str(launcher.WORKBOOK)]
    assert seen == [sync], "tanpa buku kerja, JupyterLab tidak dibuka"
    assert run_for_real(seen[0]) == 0 and workbook.is_workbook(launcher.WORKBOOK)
    seen.clear()
    assert launcher.main(["lab", "--no-browser"]) == 0
    assert seen[0] == sync and seen[1][1:3] == ["-m", "jupyterlab"]
    assert seen[1][3:] == [f"--ServerApp.root_dir={launcher.WORKBOOK}",
                           launcher.LARGE_MESSAGES, "--no-browser"]


def test_lab_opens_despite_a_damaged_notebook_but_not_after_ctrl_c(launcher, recorded):
    seen, codes = recorded
    launcher.WORKBOOK.mkdir()
    codes["tools.workbook"] = 1  # notebook rusak sudah dilaporkan
    launcher.main([])
    assert seen[-1][2] == "jupyterlab"
    seen.clear()
    codes["tools.workbook"] = 130
    assert launcher.main([]) == 130 and len(seen) == 1


def test_setup_prepares_the_workbook_without_opening_lab(launcher, recorded):
    seen, _ = recorded
    assert launcher.main(["siapkan"]) == 0
    assert [command[2] for command in seen] == ["tools.workbook"]


def test_restore_command_runs_the_workbook_tool(launcher, recorded, capsys):
    seen, _ = recorded
    assert launcher.main(["pulihkan", "03"]) == 0
    assert seen == [[str(launcher.venv_python()), "-m", "tools.workbook", "pulihkan", "03",
                     "--folder", str(launcher.WORKBOOK)]]
    assert run_for_real(seen[0]) == 0
    assert (launcher.WORKBOOK / "03_konvolusi.ipynb").is_file()


def test_usage_and_readme_describe_the_workbook(launcher):
    assert "pulihkan" in launcher.USAGE and "buku-kerja/" in launcher.USAGE
    assert "python mulai.py pulihkan 03" in launcher.__doc__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python mulai.py pulihkan 03" in readme and "tidak pernah ditimpa" in readme
    guide = (ROOT / "PANDUAN_PENGAJAR.md").read_text(encoding="utf-8")
    assert "buku-kerja/" in guide
