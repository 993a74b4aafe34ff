"""Latihan terdaftar, petunjuk bertingkat, dan jawaban acuan bila diminta
(`saraf.checks.exercises`)."""

from __future__ import annotations

import importlib
import json
import re

import nbformat
import pytest

from saraf.checks import exercises
from tools import edition
from tools.lessons import LESSONS

TOPICS = [lesson.filename.split("_", 1)[1].removesuffix(".ipynb") for lesson in LESSONS]


@pytest.fixture(autouse=True)
def fresh_hint_ladders(monkeypatch, tmp_path):
    monkeypatch.setattr(exercises, "_HINTS_SHOWN", {})
    monkeypatch.chdir(tmp_path)  # di luar buku kerja: tidak ada yang dicatat


def _module(topic):
    return importlib.import_module(f"saraf.checks.{topic}")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_every_check_cell_has_a_registered_exercise_hints_and_a_solution(lesson):
    topic = lesson.filename.split("_", 1)[1].removesuffix(".ipynb")
    module = _module(topic)
    nb = nbformat.read(lesson.path(), as_version=4)
    in_notebook = {int(m) for c in nb.cells if edition.is_check(c)
                   for m in edition.CHECK_CALL.findall(c.source)}
    assert set(exercises.registered(topic)) == in_notebook
    for number, item in exercises.registered(topic).items():
        assert getattr(module, f"exercise_{number}").__wrapped__, "pemeriksa diberi penanda"
        assert 2 <= len(item.hints) <= 4, f"Latihan {number}: 2–4 petunjuk bertingkat"
        assert len(set(item.hints)) == len(item.hints)
        code = module.solution(number).code
        assert code == edition.solutions(nb)[str(number)]
        for hint in item.hints:
            assert code.strip() not in hint, f"petunjuk Latihan {number} membocorkan jawabannya"


def test_solutions_file_is_in_sync_with_the_notebooks():
    assert edition.SOLUTIONS_PATH.read_text("utf-8") == edition.solutions_json(), (
        "jalankan `python mulai.py segarkan` (atau tools.edition.write_solutions())")
    data = json.loads(edition.SOLUTIONS_PATH.read_text("utf-8"))
    assert sorted(data) == sorted(TOPICS)


def test_solutions_pair_each_solution_cell_with_the_next_check():
    nb = nbformat.v4.new_notebook()
    first, second, plain = (nbformat.v4.new_code_cell(s) for s in
                            ("a = 1", "def f(x):\n    return x", "data = [1, 2]"))
    for cell in (first, second):
        cell.metadata["tags"] = [edition.SOLUTION_TAG]
    nb.cells = [plain, first, nbformat.v4.new_code_cell("checks.exercise_2(a)"), plain, second,
                nbformat.v4.new_code_cell("checks.exercise_5(f)"),
                nbformat.v4.new_code_cell("checks.exercise_6(g)")]
    assert edition.solutions(nb) == {"2": "a = 1", "5": "def f(x):\n    return x"}


def test_hint_ladder_opens_one_more_hint_each_time():
    from saraf.checks import konvolusi as checks

    hints = exercises.registered("konvolusi")[4].hints
    shown = [checks.hint(4) for _ in range(len(hints) + 1)]
    assert [h.shown for h in shown] == list(range(1, len(hints) + 1)) + [len(hints)]
    first = repr(shown[0])
    assert f"Petunjuk 1 dari {len(hints)}: {hints[0]}" in first
    assert hints[1] not in first and "checks.hint(4) lagi" in first.replace("`", "")
    last = repr(shown[-1])
    assert all(h in last for h in hints) and "checks.solution(4)" in last
    assert checks.hint(1).shown == 1, "setiap latihan punya tangganya sendiri"
    html = shown[0]._repr_html_()
    assert "<code>" in html or "`" not in hints[0]


def test_solution_is_shown_only_on_request_and_escaped():
    from saraf.checks import konvolusi as checks

    solution = checks.solution(4)
    assert "def conv2d_dilated" in repr(solution) and "jawaban acuan" in repr(solution)
    page = solution._repr_html_()
    assert "<pre" in page and "image[i:i + span_rows:dilation" in page
    assert "<" not in page.split("<pre", 1)[1].split(">", 1)[1].split("</pre>")[0]


@pytest.mark.parametrize("number", [0, 6, 2.5, "1", None])
def test_unknown_exercise_numbers_get_an_indonesian_error(number):
    from saraf.checks import konvolusi as checks

    with pytest.raises(ValueError, match=r"`nomor latihan` harus salah satu dari 1, 2, 3, 4, 5"):
        checks.hint(number)
    with pytest.raises(ValueError, match="tetapi yang diberikan"):
        checks.solution(number)


def test_wrong_answers_say_how_to_ask_for_help_and_right_ones_do_not():
    from saraf.checks import pooling as checks

    wrong = checks.exercise_1(None)
    assert not wrong and "checks.hint(1)" in repr(wrong) and "checks.solution(1)" in repr(wrong)
    assert re.search(r"<span[^>]*>Masih buntu\? <code>checks\.hint\(1\)</code>",
                     wrong._repr_html_())
    from saraf.checks import mulai

    right = mulai.exercise_1(28 * 28)
    assert right and "checks.hint" not in repr(right) and right.help is None


def test_missing_solutions_file_entry_is_a_clear_error(monkeypatch):
    from saraf.checks import pooling as checks

    monkeypatch.setattr(exercises, "_solutions", lambda: {})
    with pytest.raises(LookupError, match="python mulai.py segarkan"):
        checks.solution(2)
