"""Buku kerja di JupyterLab, seperti dipakai pembelajar: jawab, periksa, minta petunjuk.

Buku kerja dibuat dengan ``tools.workbook.sync`` di dalam folder yang dilayani server
JupyterLab tes. Tes membuka pelajaran 03 dari buku kerja itu, MENGETIK jawaban Latihan 1 di
sel jawabannya, menjalankan semua sel, lalu membaca "Benar" di keluaran sel pemeriksanya.
Lalu ia menambah sel ``checks.hint(4)`` dan membaca petunjuk pertama Latihan 4, dan memeriksa
bahwa keduanya tercatat di ``kemajuan.json`` buku kerja.
"""

from __future__ import annotations

import json
import re

import pytest

from saraf.checks import konvolusi  # noqa: F401  (mendaftarkan latihannya)
from saraf.checks.exercises import registered
from tools import workbook

pytest.importorskip("playwright.sync_api", reason="Playwright tidak terpasang")
from playwright.sync_api import expect  # noqa: E402

FOLDER = "buku-kerja"
LESSON = f"{FOLDER}/03_konvolusi.ipynb"
TIMEOUT = 30_000

# Indeks sel pertama yang isinya diawali teks tertentu (sel jawaban, sel pemeriksa).
CELL_INDEX = """(prefix) => window.jupyterapp.shell.currentWidget.content.widgets
  .findIndex(cell => cell.model.sharedModel.getSource().startsWith(prefix))"""
ACTIVATE = """(index) => {
  const panel = window.jupyterapp.shell.currentWidget;
  panel.content.activeCellIndex = index;
  panel.content.mode = 'edit';
}"""


@pytest.fixture(scope="module")
def book(lab_root):
    folder = lab_root / FOLDER
    report = workbook.sync(folder)
    assert "03_konvolusi.ipynb" in report.added
    return folder


def _cell(lesson, prefix: str):
    index = lesson.page.evaluate(CELL_INDEX, prefix)
    assert index >= 0, f"tidak ada sel yang diawali {prefix!r}"
    return index, lesson.page.locator(".jp-Notebook .jp-Cell").nth(index)


def _type_into(lesson, index: int, text: str) -> None:
    """Seperti pembelajar: klik sel, pilih semua isinya, lalu ketik penggantinya."""
    lesson.page.evaluate(ACTIVATE, index)
    editor = lesson.page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".cm-content")
    editor.scroll_into_view_if_needed()
    editor.click()
    lesson.page.keyboard.press("Control+A")
    lesson.page.keyboard.type(text)


def test_answer_check_and_hint_in_the_workbook(book, open_lesson):
    lesson = open_lesson(LESSON)
    index, answer = _cell(lesson, "answer_1 = ...")
    _type_into(lesson, index, "answer_1 = (28 - 5) // 2 + 1")
    lesson.run_all()
    assert lesson.error_outputs() == [], "edisi siswa yang belum dijawab berjalan tanpa galat"

    _, check_1 = _cell(lesson, "checks.exercise_1(")
    output = check_1.locator(".jp-OutputArea-output")
    expect(output).to_contain_text("Benar!", timeout=TIMEOUT)
    expect(output).to_contain_text("12 × 12")
    lesson.screenshot("benar", check_1)

    # Latihan 4 belum dijawab: pemeriksanya menyebut cara meminta bantuan.
    _, check_4 = _cell(lesson, "checks.exercise_4(")
    expect(check_4.locator(".jp-OutputArea-output")).to_contain_text("checks.hint(4)")

    # Sel baru di akhir notebook: minta petunjuk untuk Latihan 4.
    count = lesson.page.evaluate(
        "() => window.jupyterapp.shell.currentWidget.content.widgets.length")
    lesson.page.evaluate(ACTIVATE, count - 1)
    lesson.page.evaluate("() => window.jupyterapp.commands.execute('notebook:insert-cell-below')")
    _type_into(lesson, count, "checks.hint(4)")
    lesson.page.keyboard.press("Shift+Enter")
    hint_cell = lesson.page.locator(".jp-Notebook .jp-Cell").nth(count)
    first_hint = registered("konvolusi")[4].hints[0].replace("`", "")  # `kode` → <code>
    expect(hint_cell.locator(".jp-OutputArea-output")).to_contain_text(
        "Petunjuk 1 dari", timeout=TIMEOUT)
    expect(hint_cell.locator(".jp-OutputArea-output")).to_contain_text(first_hint[:40])
    lesson.screenshot("petunjuk", hint_cell)

    record = json.loads((book / "kemajuan.json").read_text(encoding="utf-8"))
    entries = record["exercises"]["konvolusi"]
    assert entries["1"]["status"] == "passed"
    assert entries["4"]["status"] == "tried" and entries["4"]["hints"] == 1
    assert entries["2"]["status"] == "tried", "sel pemeriksa yang belum dijawab juga tercatat"

    # Pelajaran 00 buku kerja: sel kemajuan menampilkan hasil di atas.
    lesson_00 = open_lesson(f"{FOLDER}/00_mulai.ipynb")
    index, table_cell = _cell(lesson_00, "from saraf import progress")
    expect(table_cell.locator(".jp-OutputArea-output")).to_have_count(0)  # belum dijalankan
    lesson_00.page.evaluate(ACTIVATE, index)
    lesson_00.page.keyboard.press("Shift+Enter")
    output = table_cell.locator(".jp-OutputArea-output")
    expect(output).to_contain_text("03 Konvolusi", timeout=TIMEOUT)
    row = output.locator("tr", has_text="03 Konvolusi")
    expect(row.locator("td").nth(1)).to_have_text("1: ✓")
    expect(row.locator("td").nth(2)).to_have_text("2: ✗")
    expect(output).to_contain_text(re.compile(r"(?<!\d)1 dari \d+ latihan sudah benar\."))
    lesson_00.screenshot("kemajuan", table_cell)
