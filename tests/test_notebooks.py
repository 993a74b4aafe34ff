"""Notebook tersimpan dengan benar (Restart & Run All) dan mengikuti kerangka pelajaran."""

from __future__ import annotations

import re

import nbformat
import pytest

from tools.lessons import COMING, LESSONS
from tools.notebooks import (COLAB_SETUP, NOTEBOOK_DIR, apply_colab, colab_badge, main,
                             saved_problems)

NOTEBOOKS = [lesson.path() for lesson in LESSONS]
SETUP_CALL = re.compile(r"^saraf\.setup\(", re.MULTILINE)


def test_notebooks_exist_and_are_named_nn_slug():
    assert NOTEBOOKS, "folder notebooks/ kosong"
    numbers = []
    for path in NOTEBOOKS:
        match = re.fullmatch(r"(\d\d)_[a-z0-9_]+\.ipynb", path.name)
        assert match, f"{path.name}: nama harus NN_judul.ipynb (huruf kecil, garis bawah)"
        numbers.append(int(match.group(1)))
    expected = [n for n in range(len(numbers) + len(COMING)) if f"{n:02d}" not in COMING]
    assert numbers == expected, "nomor pelajaran harus berurutan mulai 00 (kecuali COMING)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_saved_after_restart_and_run_all(path):
    nb = nbformat.read(path, as_version=4)
    assert saved_problems(nb) == [], "jalankan `python mulai.py segarkan " + str(
        path.relative_to(NOTEBOOK_DIR.parent)) + "`"
    assert nb.metadata["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_skeleton(path):
    nb = nbformat.read(path, as_version=4)
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert markdown[0].startswith("# " + path.name[:2] + " · "), "judul: '# NN · Judul'"
    assert "**Tujuan pelajaran ini**" in markdown[0], "tujuan di sel pertama"
    assert SETUP_CALL.search(code[0].source), "sel kode pertama adalah sel persiapan"
    headings = [line for text in markdown for line in text.splitlines() if line.startswith("## ")]
    assert "## Ringkasan" in headings and "## Latihan" in headings
    assert headings.index("## Ringkasan") < headings.index("## Latihan")
    solutions = [c for c in code if "solution" in c.metadata.get("tags", [])]
    checks = [c for c in code if re.search(r"^checks\.exercise_\d+\(", c.source, re.MULTILINE)]
    assert len(checks) >= 2, "setidaknya dua latihan dengan pemeriksa otomatis"
    assert len(solutions) == len(checks), "setiap latihan punya satu sel solusi bertanda 'solution'"
    for cell in checks:  # jawaban referensi diterima pemeriksanya
        texts = [o.get("data", {}).get("text/plain", "") for o in cell.outputs]
        assert any(t.startswith("✅ Benar!") for t in texts), cell.source


def test_no_syaraf_or_kamu_in_prose():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
        for word in ("syaraf", "kamu", "kalian", "merubah", "dirubah"):
            assert not re.search(rf"\b{word}\b", prose), f"{path.name}: '{word}'"


def _nb(counts, outputs=None):
    nb = nbformat.v4.new_notebook()
    for i, count in enumerate(counts):
        cell = nbformat.v4.new_code_cell("x = 1")
        cell.execution_count = count
        cell.outputs = (outputs or {}).get(i, [])
        nb.cells.append(cell)
    return nb


def test_saved_problems_detects_each_fault():
    out = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    assert saved_problems(_nb([1, 2, 3], {0: out})) == []
    assert "nomor eksekusi" in saved_problems(_nb([1, 3, 2], {0: out}))[0]
    assert "nomor eksekusi" in saved_problems(_nb([None, None], {0: out}))[0]
    assert "tidak ada keluaran" in saved_problems(_nb([1, 2]))[0]
    error = [nbformat.v4.new_output("error", ename="NameError", evalue="x", traceback=[])]
    assert "galat NameError" in saved_problems(_nb([1, 2], {1: error}))[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_colab_badge_and_setup_are_current(path):
    """Setiap pelajaran punya lencana "Buka di Colab" ke dirinya sendiri dan sel persiapan Colab."""
    nb = nbformat.read(path, as_version=4)
    first_markdown = next(c for c in nb.cells if c.cell_type == "markdown")
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert colab_badge(path.name) in first_markdown.source
    assert f"/notebooks/{path.name})" in colab_badge(path.name)
    assert first_code.source.startswith(COLAB_SETUP)
    assert not apply_colab(nb, path.name), "jalankan `python mulai.py segarkan` untuk memperbarui"


def test_apply_colab_is_idempotent_and_keeps_the_lesson():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 99 · Coba\n\nTeks pembuka."),
                nbformat.v4.new_code_cell("import saraf\n\nsaraf.setup()")]
    assert apply_colab(nb, "99_coba.ipynb")
    once = [c.source for c in nb.cells]
    assert not apply_colab(nb, "99_coba.ipynb")
    assert [c.source for c in nb.cells] == once
    assert once[0].startswith("# 99 · Coba\n\n[![Buka di Colab]")
    assert once[0].endswith("\n\nTeks pembuka.")
    assert once[1] == COLAB_SETUP + "import saraf\n\nsaraf.setup()"
    # Di luar Colab blok persiapan tidak menjalankan apa pun dan tidak mencetak apa pun.
    from IPython.core.inputtransformer2 import TransformerManager
    python = TransformerManager().transform_cell(COLAB_SETUP)
    compile(python, "<sel persiapan>", "exec")
    assert 'if "google.colab" in sys.modules' in python


def test_refresh_command_accepts_files_numbers_and_topics(monkeypatch, capsys):
    from tools import notebooks

    monkeypatch.setenv("PYTEST_CURRENT_TEST", "dipulihkan setelah tes")
    seen = []
    monkeypatch.setattr(notebooks, "execute_notebook", lambda path: seen.append(path) or 2.25)
    assert main(["03", "relu", str(NOTEBOOK_DIR / "05_pooling.ipynb")]) == 0
    assert [p.name for p in seen] == ["03_konvolusi.ipynb", "04_relu.ipynb", "05_pooling.ipynb"]
    assert "[saraf] 03_konvolusi.ipynb disegarkan (2,2 detik)." in capsys.readouterr().out
    seen.clear()
    assert main([]) == 0
    assert seen == NOTEBOOKS  # tanpa argumen: semua pelajaran, urut tools/lessons.py


def test_refresh_command_explains_unknown_lessons(capsys):
    assert main(["99"]) == 2
    assert "Pelajaran '99' tidak ada dalam daftar pelajaran" in capsys.readouterr().out


# Kata tugas yang ditulis kecil di judul kecuali di posisi pertama: daftar GAYA.md, ditambah
# kata depan dan kata sambung lain yang menurut PUEBI juga kata tugas (sudah dipakai begitu).
SMALL_WORDS = {"di", "ke", "dari", "dan", "atau", "yang", "untuk", "dengan", "pada", "sebagai",
               "tanpa", "dalam", "terhadap", "demi", "serta", "oleh", "bagi", "kepada"}
# Sesudah di/ke/dari, kata seperti "dalam" adalah nomina tempat ("Di Dalam CNN", "di Atas 90%").
PLACE_PREPOSITIONS = {"di", "ke", "dari"}
HEADING = re.compile(r"^(#{1,4}) (.+)$")
SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*|·)$")  # "1", "3.5", "00" "·" (judul pelajaran)


def heading_case_problems(heading: str) -> list[str]:
    """Pelanggaran aturan judul GAYA.md pada satu judul (tanpa tanda ``#``).

    Huruf kapital di awal setiap kata, kecuali kata tugas (:data:`SMALL_WORDS`) yang bukan kata
    pertama: kata tugas itu justru harus huruf kecil. Nomor bagian di depan dilewati dan tidak
    boleh diakhiri titik ("1.1 Bentuk", bukan "1.1. Bentuk"). Yang tidak diperiksa: kode dalam
    backtick, token yang tidak diawali huruf (angka, simbol, ".npz"), dan simbol satu huruf
    (δ = p − y).
    """
    problems = []
    words = re.sub(r"`[^`]*`", " ", heading).split()
    if words and re.fullmatch(r"\d+(?:\.\d+)*\.", words[0]):
        problems.append(f"titik sesudah nomor bagian {words[0]!r}")
    while words and SECTION_NUMBER.match(words[0].rstrip(".")):
        words = words[1:]
    previous = None
    for position, raw in enumerate(words):
        word = raw.lstrip("*_([\"“‘").rstrip("*_)]\"”’:;,.?!")
        if not word or not word[0].isalpha() or len(word) == 1:
            previous = word.lower() or previous
            continue
        small = word.lower() in SMALL_WORDS and previous not in PLACE_PREPOSITIONS
        if position > 0 and small and word != word.lower():
            problems.append(f"{word!r} seharusnya huruf kecil (kata tugas)")
        elif (position == 0 or not small) and not word[0].isupper():
            problems.append(f"{word!r} seharusnya diawali huruf kapital")
        previous = word.lower()
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_headings_follow_title_case(path):
    """Judul ``#``…``####`` memakai huruf kapital di awal kata seperti aturan GAYA.md."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in cell.source.splitlines():
            fenced ^= line.lstrip().startswith("```")
            match = None if fenced else HEADING.match(line)
            if match and (problems := heading_case_problems(match[2])):
                found.append(f"{line!r}: {'; '.join(problems)}")
    assert found == [], f"{path.name}: judul tidak mengikuti GAYA.md\n" + "\n".join(found)


#: Batas panjang satu sel markdown (kata): satu gagasan per sel, seperti di panduan pengembang.
MAX_MARKDOWN_WORDS = 250


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_markdown_cells_are_short(path):
    nb = nbformat.read(path, as_version=4)
    long_cells = [(i, len(cell.source.split())) for i, cell in enumerate(nb.cells)
                  if cell.cell_type == "markdown" and len(cell.source.split()) > MAX_MARKDOWN_WORDS]
    assert not long_cells, (f"sel markdown lebih dari {MAX_MARKDOWN_WORDS} kata "
                            f"(nomor sel, banyak kata): {long_cells}; pecah menjadi beberapa sel")
