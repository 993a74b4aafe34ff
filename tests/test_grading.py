"""Penilaian notebook siswa untuk pengajar (`tools.grading`, `python mulai.py nilai FOLDER`).

Satu folder kelas buatan berisi kunci jawaban pelajaran 01 dan 04 (notebook acuannya sendiri),
edisi siswa 01 yang belum disentuh, notebook dengan jawaban salah, jawaban yang menimbulkan
galat, sel pemeriksa yang diubah, perulangan tanpa akhir, sel pemeriksa yang terhapus atau
berpindah urutan, galat di luar latihan, berkas rusak, dan berkas yang bukan notebook.
Penilai harus menghasilkan tabel yang persis diharapkan tanpa mengubah satu byte pun berkas
siswa. Pelajaran 01 dipilih karena paling cepat dijalankan (sekitar 3 detik).
"""

from __future__ import annotations

import contextlib
import copy
import csv
import hashlib
import io
import json
from pathlib import Path

import nbformat
import numpy as np
import pytest

from tools import edition, grading
from tools.grading_results import (DEFAULT_OUT, ERROR, NOT_YET, PASSED, STATUSES, WRONG,
                                   default_output)
from tools.lessons import find

CELL_TIMEOUT = 20  # detik; sel terlama pelajaran 01 dan 04 butuh ±3 detik
LOOP_NOTE = (f"latihan 2 galat: TimeoutError: Sel ini berjalan lebih dari {CELL_TIMEOUT} detik, "
             "jadi dihentikan penilai.")


def reference(number: str):
    return nbformat.read(find(number).path(), as_version=4)


def solution(nb, n: int):
    """Sel solusi latihan ``n`` (urutan sel bertanda ``solution``)."""
    return [c for c in nb.cells if edition.is_solution(c)][n - 1]


def check_index(nb, n: int) -> int:
    return next(i for i, c in enumerate(nb.cells)
                if edition.is_check(c) and f"exercise_{n}(" in c.source)


def reshape_error() -> str:
    """Pesan NumPy yang sama dengan jawaban latihan 3 yang salah bentuk di notebook Budi."""
    try:
        np.zeros((28, 28), np.uint8).reshape(2, 28, 28, 1)
    except ValueError as exc:
        return str(exc)
    raise AssertionError("reshape seharusnya gagal")


def build_class_folder(folder: Path) -> dict[str, tuple[list | None, list[str]]]:
    """Menulis folder kelas; mengembalikan berkas → (status yang diharapkan, keterangan)."""
    key = reference("01")
    key_path = find("01").path()
    expected = {}

    def write(nb, name):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / name)


    # (a) kunci jawaban: notebook acuan apa adanya (01) dan dari `edisi` (04)
    (folder / "kunci").mkdir(parents=True)
    (folder / "kunci" / key_path.name).write_bytes(key_path.read_bytes())
    expected[f"kunci/{key_path.name}"] = ([PASSED] * 4, [])
    write(edition.answer_key_notebook(reference("04")), "kunci/04_relu.ipynb")
    expected["kunci/04_relu.ipynb"] = ([PASSED] * 4, [])

    # (b) edisi siswa yang belum disentuh
    write(edition.student_notebook(key), f"siswa/{key_path.name}")
    expected[f"siswa/{key_path.name}"] = ([NOT_YET] * 4, [])

    # (c) nama berkas bebas (dikenali dari isinya): satu benar, satu salah dengan sel pemeriksa
    # yang diubah agar "lulus", satu galat, satu masih kerangka
    nb = copy.deepcopy(key)
    solution(nb, 2).source = "answer_2 = 15"
    nb.cells[check_index(nb, 2)].source = "checks.exercise_2(16)"
    solution(nb, 3).source = ("test_image = x_test[0]\n"
                              "single_batch = test_image.reshape(2, 28, 28, 1)")
    solution(nb, 4).source = edition.student_source(solution(key, 4))
    write(nb, "tugas_budi.ipynb")
    expected["tugas_budi.ipynb"] = ([PASSED, WRONG, ERROR, NOT_YET], [
        "sel pemeriksa latihan 2 diubah; dinilai dengan isi aslinya",
        f"latihan 3 galat: ValueError: {reshape_error()}"])

    # (d) perulangan tanpa akhir di sel jawaban latihan 2
    nb = copy.deepcopy(key)
    solution(nb, 2).source = "answer_2 = 16\nwhile True:\n    pass"
    write(nb, "kelas-a/01_array_dan_shape-citra.ipynb")
    expected["kelas-a/01_array_dan_shape-citra.ipynb"] = (
        [PASSED, ERROR, PASSED, PASSED], [LOOP_NOTE])

    # (f) sel pemeriksa latihan 3 terhapus; sel pemeriksa 1 dan 2 bertukar tempat
    nb = copy.deepcopy(key)
    del nb.cells[check_index(nb, 3)]
    write(nb, "kelas-a/01_array_dan_shape-dedi.ipynb")
    expected["kelas-a/01_array_dan_shape-dedi.ipynb"] = (
        [PASSED, PASSED, None, PASSED], ["sel pemeriksa latihan 3 terhapus"])
    nb = copy.deepcopy(key)
    first, second = check_index(nb, 1), check_index(nb, 2)
    nb.cells[first], nb.cells[second] = nb.cells[second], nb.cells[first]
    write(nb, "kelas-a/01_array_dan_shape-eka.ipynb")
    expected["kelas-a/01_array_dan_shape-eka.ipynb"] = ([PASSED, ERROR, PASSED, PASSED], [
        "urutan sel pemeriksa berubah: 2, 1, 3, 4",
        "latihan 2 galat: NameError: name 'answer_2' is not defined"])

    # galat di luar latihan (sel ke-3, sebelum bagian latihan)
    nb = copy.deepcopy(key)
    nb.cells.insert(2, nbformat.v4.new_code_cell("print(nilai_tidak_ada)"))
    write(nb, "kelas-a/01_array_dan_shape-fajar.ipynb")
    expected["kelas-a/01_array_dan_shape-fajar.ipynb"] = ([PASSED] * 4, [
        "galat di luar latihan, sel ke-3 `print(nilai_tidak_ada)`: NameError: name "
        "'nilai_tidak_ada' is not defined"])

    # (e) berkas rusak (JSON terpotong) dan berkas .ipynb yang bukan notebook
    text = key_path.read_text(encoding="utf-8")
    (folder / "rusak.ipynb").write_text(text[:len(text) // 2], encoding="utf-8")
    try:
        json.loads(text[:len(text) // 2])
    except json.JSONDecodeError as exc:
        where = f"baris {exc.lineno}, kolom {exc.colno}"
    expected["rusak.ipynb"] = (None, [
        f"bukan JSON yang sah ({where}): berkasnya terpotong atau rusak"])
    (folder / "bukan-notebook.ipynb").write_text('{"nama": "Gita", "nilai": [90, 85]}',
                                                 encoding="utf-8")
    expected["bukan-notebook.ipynb"] = (None, [
        "bukan notebook Jupyter: JSON-nya tidak berformat notebook"])

    # yang tidak dinilai: titik simpan JupyterLab dan berkas lain
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "tugas_budi-checkpoint.ipynb").write_bytes(
        (folder / "tugas_budi.ipynb").read_bytes())
    (folder / "catatan.txt").write_text("Kumpulkan paling lambat Jumat.\n", encoding="utf-8")
    return expected


def hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kelas")
    expected = build_class_folder(folder)
    before = hashes(folder)
    out = tmp_path_factory.mktemp("hasil") / "nilai.csv"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        code = grading.main([str(folder), "--keluaran", str(out),
                             "--batas-waktu-sel", str(CELL_TIMEOUT),
                             "--batas-waktu-notebook", "300"])
    return {"folder": folder, "expected": expected, "before": before, "after": hashes(folder),
            "out": out, "stdout": stdout.getvalue(), "code": code}


def expected_row(name, statuses, notes, width=4):
    row = {"berkas": name, "pelajaran": "", "keterangan": "; ".join(notes)}
    row.update({f"latihan_{n}": "" for n in range(1, width + 1)})
    row.update({s: "" for s in STATUSES} | {"jumlah_latihan": ""})
    if statuses is not None:
        row["pelajaran"] = "04_relu" if "04_relu" in name else "01_array_dan_shape"
        row.update({f"latihan_{n}": s or "" for n, s in enumerate(statuses, 1)})
        row.update({s: str(statuses.count(s)) for s in STATUSES})
        row["jumlah_latihan"] = str(len(statuses))
    return row


@pytest.mark.slow
def test_student_files_are_never_modified(graded):
    assert graded["after"] == graded["before"]


@pytest.mark.slow
def test_csv_has_the_expected_row_for_every_notebook(graded):
    with graded["out"].open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    assert header == ["berkas", "pelajaran", "latihan_1", "latihan_2", "latihan_3",
                      "latihan_4", *STATUSES, "jumlah_latihan", "keterangan"]
    expected = [expected_row(name, *graded["expected"][name])
                for name in sorted(graded["expected"])]
    assert [r["berkas"] for r in rows] == [e["berkas"] for e in expected]  # tanpa titik simpan
    for row, want in zip(rows, expected):
        assert row == want, row["berkas"]
    assert graded["code"] == 1  # ada notebook yang tidak dapat dinilai


@pytest.mark.slow
def test_terminal_table_and_summary(graded):
    text, expected = graded["stdout"], graded["expected"]
    lines = [line.split() for line in text.splitlines()]
    for name, (statuses, notes) in expected.items():
        if statuses is None:
            assert f"  {name}  " in text and "; ".join(notes) in text
            continue
        cells = [s or "—" for s in statuses]
        assert [name, *cells, f"{statuses.count(PASSED)}/4"] in lines, name
        if notes:
            assert f"  {name}: {'; '.join(notes)}" in text.splitlines()
    group01 = [s for name, (s, _) in expected.items() if s and "04_relu" not in name]
    assert ["jumlah", "lulus", *[str(sum(s[n] == PASSED for s in group01)) for n in range(4)]] \
        in lines
    assert "Pelajaran 01_array_dan_shape (4 latihan)" in text
    assert "Pelajaran 04_relu (4 latihan)" in text
    graded_rows = [s for s, _ in expected.values() if s is not None]
    flat = [x for s in graded_rows for x in s]
    assert (f"Ringkasan: {len(expected)} notebook; {len(graded_rows)} dinilai (2 pelajaran), "
            f"{len(expected) - len(graded_rows)} tidak dapat dinilai.") in text
    assert (f"Latihan: {flat.count(PASSED)} lulus dari {len(flat)}; {flat.count(WRONG)} salah, "
            f"{flat.count(ERROR)} galat, {flat.count(NOT_YET)} belum.") in text
    assert f"Tabel nilai (CSV): {graded['out']}" in text


@pytest.mark.slow
def test_notebook_timeout_kills_the_kernel_and_old_outputs_do_not_count(tmp_path):
    """Batas waktu per notebook: sisa sel tidak dijalankan, jadi semua latihan "belum",
    walaupun kunci jawaban ini menyimpan keluaran "✅ Benar!" dari penyegaran terakhir."""
    nb = reference("01")
    assert any(o.get("data", {}).get("text/plain", "").startswith("✅ Benar!")
               for c in nb.cells if edition.is_check(c) for o in c.outputs)
    nb.cells.insert(2, nbformat.v4.new_code_cell("while True:\n    pass"))
    path = tmp_path / "01_array_dan_shape.ipynb"
    nbformat.write(nb, path)
    before = path.read_bytes()
    result = grading.grade_notebook(path, tmp_path, cell_timeout=60, notebook_timeout=5)
    assert result.statuses == {1: NOT_YET, 2: NOT_YET, 3: NOT_YET, 4: NOT_YET}
    assert len(result.notes) == 1
    assert result.notes[0].startswith("notebook berjalan lebih dari 5 detik: kernel dimatikan")
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------
# Bagian yang tidak menjalankan kernel
# ---------------------------------------------------------------------------


def test_finds_notebooks_recursively_without_hidden_folders(tmp_path):
    for name in ("b.ipynb", "sub/a.ipynb", ".ipynb_checkpoints/b-checkpoint.ipynb",
                 "sub/._a.ipynb", "catatan.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    assert grading.find_notebooks(tmp_path) == [tmp_path / "b.ipynb", tmp_path / "sub/a.ipynb"]


def test_unreadable_files_get_a_reason(tmp_path):
    cases = {"kosong.ipynb": b"", "daftar.ipynb": b"[1, 2]", "biner.ipynb": b"\xff\xfe\x00",
             "versi.ipynb": b'{"nbformat": 9, "nbformat_minor": 0}'}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    reasons = {name: grading.read_notebook(tmp_path / name) for name in cases}
    assert all(nb is None for nb, _ in reasons.values())
    assert reasons["kosong.ipynb"][1].startswith("bukan JSON yang sah (baris 1, kolom 1)")
    assert reasons["biner.ipynb"][1] == "bukan notebook: berkasnya bukan teks UTF-8"
    for name in ("daftar.ipynb", "versi.ipynb"):
        assert reasons[name][1] == "bukan notebook Jupyter: JSON-nya tidak berformat notebook"
    nbformat.write(reference("04"), tmp_path / "ok.ipynb")
    nb, problem = grading.read_notebook(tmp_path / "ok.ipynb")
    assert problem is None and len(nb.cells) == len(reference("04").cells)
    # Seperti Jupyter: kunci tambahan dan format lama (v3) tetap terbaca
    loose = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "source": ["a = 1\n", "b"], "metadata": {}, "outputs": [],
         "execution_count": None, "tambahan": 1}]}
    old = {"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [
        {"cell_type": "code", "input": "a = 1", "outputs": [], "language": "python"}]}]}
    for name, data in (("longgar.ipynb", loose), ("lama.ipynb", old)):
        (tmp_path / name).write_text(json.dumps(data), encoding="utf-8")
    assert grading.read_notebook(tmp_path / "longgar.ipynb")[0].cells[0].source == "a = 1\nb"
    assert grading.read_notebook(tmp_path / "lama.ipynb")[0].cells[0].source == "a = 1"


def test_lesson_is_identified_by_content_title_or_name():
    nb = reference("03")
    assert grading.identify(Path("tugas.ipynb"), nb) == (find("03"), [])
    lesson, notes = grading.identify(Path("01_array_dan_shape-budi.ipynb"), nb)
    assert lesson == find("03") and notes == [
        "nama berkas menunjuk pelajaran 01_array_dan_shape, tetapi isinya pelajaran "
        "03_konvolusi; dinilai sebagai 03_konvolusi"]
    for cell in nb.cells:  # tanpa baris impor pemeriksa: judul "# 03 · ..." masih ada
        if cell.cell_type == "code":
            cell.source = cell.source.replace("from saraf.checks import", "# dihapus")
    assert grading.identify(Path("tugas.ipynb"), nb)[0] == find("03")
    empty = nbformat.v4.new_notebook()
    assert grading.identify(Path("05_pooling (1).ipynb"), empty) == (find("05"), [])
    assert grading.identify(Path("tugas.ipynb"), empty) == (None, [])


def test_unknown_lesson_is_reported_without_running(tmp_path):
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]),
                   tmp_path / "tugas.ipynb")
    result = grading.grade_notebook(tmp_path / "tugas.ipynb", tmp_path)
    assert result.statuses == {} and result.lesson == ""
    assert result.notes == ["pelajaran tidak dikenali: nama berkas tidak diawali NN_topik dan "
                            "tidak ada `from saraf.checks import ... as checks`"]


def test_command_line_errors_are_indonesian(tmp_path, capsys):
    assert grading.main(["--help"]) == 0
    assert "Pemakaian: python -m tools.grading FOLDER" in capsys.readouterr().out
    assert grading.main([]) == 2
    assert "sebutkan tepat satu FOLDER." in capsys.readouterr().out
    assert grading.main([str(tmp_path / "tidak-ada")]) == 2
    assert f"Folder {tmp_path / 'tidak-ada'} tidak ada." in capsys.readouterr().out
    assert grading.main([str(tmp_path)]) == 1
    assert f"Tidak ada notebook (*.ipynb) di {tmp_path}." in capsys.readouterr().out
    assert grading.main([str(tmp_path), "--batas-waktu-sel", "nol"]) == 2
    assert ("`--batas-waktu-sel` harus banyak detik yang lebih dari 0, tetapi yang diberikan: "
            "'nol'.") in capsys.readouterr().out
    assert grading.main([str(tmp_path), "--batas-waktu-notebook=-5"]) == 2
    assert "`--batas-waktu-notebook` harus" in capsys.readouterr().out
    assert grading.main([str(tmp_path), "--warna"]) == 2
    assert "pilihan tidak dikenal: --warna." in capsys.readouterr().out
    assert grading.main([str(tmp_path), "--keluaran"]) == 2
    assert "`--keluaran` butuh nilai." in capsys.readouterr().out


def test_default_csv_is_named_after_the_folder(tmp_path):
    folder = tmp_path / "tugas-03"
    assert default_output(folder) == DEFAULT_OUT / "nilai-tugas-03.csv"
