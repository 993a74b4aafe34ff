"""Catatan kemajuan (`saraf.progress`): dicatat hanya di buku kerja, atomik, pulih bila rusak."""

from __future__ import annotations

import json
import os

import nbformat
import pytest

from saraf import progress
from saraf.checks import konvolusi


@pytest.fixture
def book(tmp_path, monkeypatch):
    """Buku kerja kecil: penanda, dua notebook pelajaran; folder kerja berpindah ke sana."""
    folder = tmp_path / "buku-kerja"
    folder.mkdir()
    (folder / progress.WORKBOOK_MARKER).write_text("{}", encoding="utf-8")
    _lesson(folder / "03_konvolusi.ipynb", {1: None, 2: None, 4: None})
    _lesson(folder / "05_pooling.ipynb", {1: None, 3: None})
    monkeypatch.delenv(progress.ENV_VARIABLE, raising=False)
    monkeypatch.chdir(folder)
    return folder


def _lesson(path, outputs: dict) -> None:
    """Notebook dengan satu sel pemeriksa per latihan; keluarannya teks yang tersimpan."""
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_markdown_cell("# Pelajaran"))
    for number, text in outputs.items():
        cell = nbformat.v4.new_code_cell(f"checks.exercise_{number}(answer_{number})")
        if text is not None:
            cell.outputs = [nbformat.v4.new_output(
                "execute_result", {"text/plain": text, "text/html": f"<b>{text}</b>"},
                execution_count=1)]
        nb.cells.append(cell)
    nbformat.write(nb, path)


def _read(folder) -> dict:
    return json.loads((folder / progress.FILE_NAME).read_text(encoding="utf-8"))


def test_nothing_is_recorded_outside_a_workbook(tmp_path, monkeypatch):
    monkeypatch.delenv(progress.ENV_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    assert progress.record_path() is None
    assert bool(konvolusi.exercise_1(12)) is True
    assert list(tmp_path.iterdir()) == []


def test_real_checks_record_passed_and_tried_with_attempts(book):
    assert not konvolusi.exercise_1(13)
    assert not konvolusi.exercise_1(11)
    entry = _read(book)["exercises"]["konvolusi"]["1"]
    assert entry["status"] == "tried" and entry["attempts"] == 2
    assert konvolusi.exercise_1((28 - 5) // 2 + 1)
    entry = _read(book)["exercises"]["konvolusi"]["1"]
    assert entry["status"] == "passed" and entry["attempts"] == 3
    # Jawaban yang kemudian diubah menjadi salah: catatan mengikuti pemeriksaan terakhir.
    assert not konvolusi.exercise_1(14)
    assert _read(book)["exercises"]["konvolusi"]["1"]["status"] == "tried"


def test_hints_and_solutions_are_recorded_without_changing_the_status(book):
    konvolusi.hint(4)
    konvolusi.hint(4)
    konvolusi.solution(4)
    entry = _read(book)["exercises"]["konvolusi"]["4"]
    assert entry["hints"] == 2 and entry["solution"] is True and "status" not in entry
    table = progress.table(book)
    assert dict((n, (s, v)) for n, s, v in table.rows[0][2])[4] == (None, True)
    assert "4:·*" in repr(table)


def test_environment_variable_points_to_another_record(tmp_path, monkeypatch):
    target = tmp_path / "lain" / "catatan.json"
    target.parent.mkdir()
    monkeypatch.setenv(progress.ENV_VARIABLE, str(target))
    monkeypatch.chdir(tmp_path)
    progress.record("pooling", 3, "passed")
    assert json.loads(target.read_text("utf-8"))["exercises"]["pooling"]["3"]["status"] == (
        "passed")


def test_write_is_atomic_a_crash_leaves_the_old_record(book, monkeypatch):
    progress.record("konvolusi", 1, "passed")
    before = (book / progress.FILE_NAME).read_bytes()

    def crash(source, target):
        raise KeyboardInterrupt  # listrik padam tepat sebelum berkas baru dipasang

    monkeypatch.setattr(progress.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        progress.record("konvolusi", 2, "tried")
    assert (book / progress.FILE_NAME).read_bytes() == before
    assert [p.name for p in book.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failing_disk_only_warns(book, monkeypatch):
    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(progress, "_write_atomic", full)
    with pytest.warns(UserWarning, match="tidak dapat dicatat"):
        feedback = konvolusi.exercise_1(12)
    assert feedback.ok


@pytest.mark.parametrize("content", ["{rusak", '{"format": 1, "exercises": []}',
                                     '{"format": 99, "exercises": {}}', "", "\udcff"])
def test_damaged_record_is_set_aside_and_rebuilt_from_notebook_outputs(book, content):
    _lesson(book / "03_konvolusi.ipynb", {1: "✅ Benar! 12 × 12", 2: "❌ Belum tepat. ...",
                                          4: None})
    path = book / progress.FILE_NAME
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    with pytest.warns(UserWarning, match="rusak"):
        progress.record("pooling", 1, "tried")
    data = _read(book)
    assert data["exercises"]["konvolusi"] == {"1": {"status": "passed", "attempts": 1},
                                              "2": {"status": "tried", "attempts": 1}}
    assert data["exercises"]["pooling"]["1"]["status"] == "tried"
    aside = list(book.glob("kemajuan.rusak-*.json"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == content.encode("utf-8", errors="surrogateescape")


def test_missing_record_starts_from_stored_outputs(book):
    _lesson(book / "05_pooling.ipynb", {1: "✅ Benar!", 3: None})
    assert progress.load(book / progress.FILE_NAME)["exercises"] == {
        "pooling": {"1": {"status": "passed", "attempts": 1}}}


def test_table_lists_lessons_by_number_with_every_exercise(book):
    progress.record("konvolusi", 2, "passed")
    progress.record("konvolusi", 4, "tried")
    table = progress.table()
    assert [(n, t, [e for e, _, _ in cells]) for n, t, cells in table.rows] == [
        ("03", "konvolusi", [1, 2, 4]), ("05", "pooling", [1, 3])]
    assert [s for _, s, _ in table.rows[0][2]] == [None, "passed", "tried"]
    assert (table.passed, table.total) == (1, 5)
    text = repr(table)
    assert "03 konvolusi" in text and "1:·" in text and "2:✓" in text and "4:✗" in text
    assert "1 dari 5 latihan sudah benar." in text
    page = table._repr_html_()
    assert page.count("<tr>") == 3 and "1/3" in page and "0/2" in page
    assert page.count("<td></td>") == 1, "baris yang lebih pendek diisi sel kosong"


def test_table_outside_a_workbook_says_so(tmp_path, monkeypatch):
    monkeypatch.delenv(progress.ENV_VARIABLE, raising=False)
    _lesson(tmp_path / "00_mulai.ipynb", {1: "✅ Benar!", 2: None})
    table = progress.table(tmp_path)
    assert [s for _, s, _ in table.rows[0][2]] == [None, None], "keluaran acuan tidak dihitung"
    assert "tidak berada di buku kerja" in repr(table)
    assert not (tmp_path / progress.FILE_NAME).exists()


def test_colab_records_in_its_folder_and_topics_without_notebooks_appear(tmp_path,
                                                                        monkeypatch):
    monkeypatch.delenv(progress.ENV_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)  # di Colab: /content, berisi notebook yang sedang dibuka saja
    monkeypatch.setitem(progress.sys.modules, "google.colab", object())
    progress.record("relu", 3, "passed")
    assert (tmp_path / progress.FILE_NAME).exists()
    table = progress.table()
    assert table.rows == [("--", "relu", [(3, "passed", False)])]


def test_main_prints_the_table_or_a_clear_message(book, tmp_path, capsys):
    progress.record("pooling", 3, "passed")
    assert progress.main([str(book)]) == 0
    out = capsys.readouterr().out
    assert "05 pooling" in out and "3:✓" in out and "Kemajuan di" in out
    assert progress.main([str(tmp_path / "tidak-ada")]) == 1
    assert "belum ada" in capsys.readouterr().out


def test_reference_notebooks_are_not_a_workbook():
    from tools.lessons import NOTEBOOK_DIR

    assert progress.record_path(NOTEBOOK_DIR) is None
    assert not (NOTEBOOK_DIR / progress.FILE_NAME).exists()
    assert os.fspath(NOTEBOOK_DIR)  # jalur sungguhan, bukan tiruan


def test_table_names_lessons_by_their_titles(book):
    nb = nbformat.read(book / "03_konvolusi.ipynb", as_version=4)
    nb.cells[0].source = "# 03 · Konvolusi\n\nTeks pembuka."
    nbformat.write(nb, book / "03_konvolusi.ipynb")
    nb.cells[0].source = "# 05 · Pooling: Memperkecil Peta Fitur Tanpa *Bobot* Sama Sekali"
    nbformat.write(nb, book / "05_pooling.ipynb")
    assert [t for _, t, _ in progress.table().rows] == ["Konvolusi", "Pooling"]
    assert "03 Konvolusi" in repr(progress.table())


def test_reference_lesson_titles_are_short_and_plain():
    from tools.lessons import LESSONS, NOTEBOOK_DIR

    titles = {number: title for number, _, title, _ in progress.lessons(NOTEBOOK_DIR)}
    assert len(titles) == len(LESSONS)
    assert titles["08"] == "MLP: Propagasi Maju dan Biaya"  # pendek: tetap utuh
    assert titles["02"] == "Neuron"                          # panjang: dipotong di titik dua
    assert titles["01"] == "Array dan Bentuk (Shape)"        # tanpa * markdown
    assert all(0 < len(t) <= 35 and "*" not in t for t in titles.values())
