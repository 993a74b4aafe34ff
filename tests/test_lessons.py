"""Satu daftar urutan pelajaran (`tools.lessons`): sama dengan isi folder notebooks/."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from tools import lessons
from tools.lessons import COMING, LESSONS, NOTEBOOK_DIR, ROOT


def test_list_matches_the_notebooks_folder():
    on_disk = sorted(p.name for p in NOTEBOOK_DIR.glob("*.ipynb"))
    assert sorted(lesson.filename for lesson in LESSONS) == on_disk
    assert lessons.notebook_paths() == [NOTEBOOK_DIR / lesson.filename for lesson in LESSONS]


def test_numbers_run_from_00_in_order_and_topics_are_unique():
    """Nomor berurutan mulai 00; yang terlewati hanya nomor pelajaran yang akan datang."""
    every = [f"{i:02d}" for i in range(len(LESSONS) + len(COMING))]
    assert [lesson.number for lesson in LESSONS] == [n for n in every if n not in COMING]
    assert set(COMING) <= set(every)
    topics = [lesson.topic for lesson in LESSONS]
    assert len(set(topics)) == len(topics)
    for lesson in LESSONS:
        assert re.fullmatch(r"\d\d_[a-z][a-z0-9_]*", lesson.slug), lesson.slug
        assert lesson.slug == f"{lesson.number}_{lesson.topic}"


def test_lesson_names_and_paths():
    lesson = lessons.find("03")
    assert (lesson.slug, lesson.number, lesson.topic) == ("03_konvolusi", "03", "konvolusi")
    assert lesson.filename == "03_konvolusi.ipynb"
    assert lesson.path() == NOTEBOOK_DIR / "03_konvolusi.ipynb"
    assert lesson.path("lain").as_posix() == "lain/03_konvolusi.ipynb"
    for name in ("konvolusi", "03_konvolusi", "notebooks/03_konvolusi.ipynb"):
        assert lessons.find(name) is lesson
    with pytest.raises(ValueError, match="Pelajaran '99' tidak ada dalam daftar pelajaran"):
        lessons.find("99")


def test_in_order_sorts_by_lesson_and_rejects_strangers(tmp_path):
    shuffled = [tmp_path / name for name in
                ("04_relu.ipynb", "00_mulai.ipynb", "14_di_dalam_cnn.ipynb")]
    assert [p.name for p in lessons.in_order(shuffled)] == [
        "00_mulai.ipynb", "04_relu.ipynb", "14_di_dalam_cnn.ipynb"]
    with pytest.raises(ValueError, match="Bukan notebook pelajaran seri ini: 99_x.ipynb"):
        lessons.in_order([tmp_path / "99_x.ipynb"])


def test_notebook_paths_of_another_folder_keeps_only_present_lessons(tmp_path):
    for name in ("05_pooling.ipynb", "01_array_dan_shape.ipynb", "catatan.ipynb"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    assert [p.name for p in lessons.notebook_paths(tmp_path)] == [
        "01_array_dan_shape.ipynb", "05_pooling.ipynb"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slug)
def test_every_lesson_has_a_checks_module_named_after_its_topic(lesson):
    assert importlib.util.find_spec(f"saraf.checks.{lesson.topic}"), (
        f"pemeriksa latihan {lesson.slug} seharusnya saraf.checks.{lesson.topic}")


def test_module_uses_only_the_standard_library():
    """`mulai.py` (hanya pustaka standar) memuat modul ini dari berkasnya, tanpa paket lain."""
    path = str(ROOT / "tools" / "lessons.py")
    code = ("import importlib.util, sys\n"
            f"spec = importlib.util.spec_from_file_location('lessons', {path!r})\n"
            "m = sys.modules['lessons'] = importlib.util.module_from_spec(spec)\n"
            "spec.loader.exec_module(m)\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in "
            "('numpy', 'saraf', 'nbformat', 'tools'))\n"
            "print(len(m.LESSONS), bad)")
    result = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{len(LESSONS)} []"
