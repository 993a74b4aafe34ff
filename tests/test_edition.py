"""Edisi siswa dan kunci jawaban (`tools.edition`, `python mulai.py edisi`).

Edisi siswa tidak boleh membocorkan solusi, kerangka jawabannya harus kode yang sah dan
mendefinisikan apa yang dibaca pemeriksa, dan notebook yang belum disentuh harus berjalan dari
awal sampai akhir: setiap latihan menjawab dengan petunjuk berbahasa Indonesia, bukan galat.
Kunci jawaban menyimpan setiap solusi beserta keluaran "✅ Benar!"-nya.
"""

from __future__ import annotations

import ast
import copy
import importlib
import importlib.util
import json
import re
import time
from functools import lru_cache
from pathlib import Path

import nbformat
import numpy as np
import pytest

from saraf.checks import Feedback
from tools import edition
from tools.lessons import LESSONS, ROOT

NOTEBOOKS = [lesson.path() for lesson in LESSONS]
NUMBERS = [lesson.number for lesson in LESSONS]

#: Dijalankan utuh dengan nbclient (masing-masing sekitar 8–13 detik di 2 inti CPU). Pelajaran
#: lain melatih model (07–13) atau memuat TensorFlow dan model terlatih (14, 15); untuk semua
#: pelajaran ada juga pemeriksaan murah, `test_every_check_answers_an_untouched_stub`.
END_TO_END = ("01", "02", "03", "05")

#: Baris solusi yang terlalu pendek untuk dianggap bocoran (misalnya `return output`).
MIN_LINE = 5


@lru_cache(maxsize=None)
def _original(lesson: str):
    path = next(p for p in NOTEBOOKS if p.name.startswith(lesson + "_"))
    return nbformat.read(path, as_version=4)


def original(lesson: str):
    return copy.deepcopy(_original(lesson))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("keluaran")
    summary = edition.build_editions(out)
    return summary


def student(built, lesson):
    path = next(built.student_dir.glob(lesson + "_*.ipynb"))
    return nbformat.read(path, as_version=4)


def answer_key(built, lesson):
    path = next(built.key_dir.glob(lesson + "_*.ipynb"))
    return nbformat.read(path, as_version=4)


def exercise_pairs(nb, first_tag=edition.SOLUTION_TAG):
    """Pasangan (sel solusi/jawaban, sel pemeriksa sesudahnya), urut latihan."""
    pairs, pending = [], None
    for cell in nb.cells:
        if cell.cell_type == "code" and first_tag in cell.metadata.get("tags", []):
            assert pending is None, "dua sel solusi tanpa sel pemeriksa di antaranya"
            pending = cell
        elif edition.is_check(cell):
            assert pending is not None, f"sel pemeriksa tanpa sel solusi: {cell.source}"
            pairs.append((pending, cell))
            pending = None
    assert pending is None
    return pairs


def loaded_names(source: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def to_python(source: str) -> str:
    from IPython.core.inputtransformer2 import TransformerManager

    return TransformerManager().transform_cell(source)


def json_text(text: str) -> str:
    """Bentuk ``text`` di dalam berkas .ipynb (string JSON tanpa tanda kutip)."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


# ---------------------------------------------------------------------------
# Kerangka jawaban (make_stub) pada contoh kecil
# ---------------------------------------------------------------------------


def test_stub_replaces_values_keeps_imports_and_drops_the_rest():
    source = ("import numpy as np\n"
              "from saraf import ops\n"
              "mistakes = cm.copy()\n"
              "np.fill_diagonal(mistakes, 0)\n"
              "pair = np.unravel_index(np.argmax(mistakes), mistakes.shape)\n"
              "pair = (int(pair[0]), int(pair[1]))\n"
              "a, (b, *c) = 1, (2, 3, 4)\n"
              "total: int = 5\n"
              "total += 1\n"
              "net.weights[0] = 0\n"
              "for i in range(3):\n    print(i)\n")
    stub = edition.make_stub(source)
    assert stub.splitlines() == [
        "import numpy as np",
        "from saraf import ops",
        "mistakes = ...  # jawaban Anda",
        "pair = ...  # jawaban Anda",
        "a = ...  # jawaban Anda",
        "b = ...  # jawaban Anda",
        "c = ...  # jawaban Anda",
        "total = ...  # jawaban Anda",
    ]
    namespace = {}
    exec(stub, namespace)
    assert namespace["pair"] is Ellipsis and namespace["total"] is Ellipsis


def test_stub_keeps_function_signature_defaults_and_docstring():
    source = ('def leaky_relu(x, alpha=0.1, *, axis=-1) -> "array":\n'
              '    """Leaky ReLU.\n\n    Nilai negatif dikalikan alpha.\n    """\n'
              "    return np.where(x > 0, x, alpha * x)\n\n\n"
              "def helper(a):\n    return a + 1\n\n"
              "answer = helper(2)\n")
    stub = edition.make_stub(source)
    assert "np.where" not in stub and "a + 1" not in stub
    assert stub.startswith("def leaky_relu(x, alpha=0.1, *, axis=-1) -> 'array':\n"
                           '    """Leaky ReLU.\n\n    Nilai negatif dikalikan alpha.\n    """\n'
                           f"    {edition.FUNCTION_COMMENT}\n    ...\n")
    assert "def helper(a):" in stub and stub.endswith("answer = ...  # jawaban Anda")
    namespace = {}
    exec(stub, namespace)
    assert namespace["leaky_relu"](np.ones(2)) is None
    assert edition.defined_names(stub) == edition.defined_names(source)


def test_stub_of_ipython_syntax_and_of_nothing_to_define():
    assert edition.make_stub("%time total = sum(range(3))\nx = 1") == "x = ...  # jawaban Anda"
    assert edition.make_stub("print(42)") == edition.EMPTY_STUB
    compile(edition.EMPTY_STUB, "<kerangka>", "exec")


def test_explicit_student_template_wins_and_is_not_shipped():
    nb = nbformat.v4.new_notebook()
    solution = nbformat.v4.new_code_cell("x = np.arange(4)\ny = x.sum()")
    solution.metadata["tags"] = ["solution", "lain"]
    solution.metadata["saraf"] = {"student": ["x = np.arange(4)\n", "y = ...  # jawaban Anda"]}
    solution.execution_count = 3
    solution.outputs = [nbformat.v4.new_output("stream", name="stdout", text="6\n")]
    check = nbformat.v4.new_code_cell("checks.exercise_1(y)")
    check.execution_count = 4
    nb.cells = [solution, check]
    result = edition.student_notebook(nb)
    answer = result.cells[0]
    assert answer.source == "x = np.arange(4)\ny = ...  # jawaban Anda"
    assert answer.metadata["tags"] == ["lain", "answer"] and "saraf" not in answer.metadata
    assert answer.outputs == [] and answer.execution_count is None
    assert result.cells[1].execution_count is None
    assert nb.cells[0].metadata["tags"] == ["solution", "lain"], "notebook asli tidak berubah"


# ---------------------------------------------------------------------------
# (a) Edisi siswa tidak memuat solusi; sel latihan kosong
# ---------------------------------------------------------------------------


def lesson_material(nb) -> str:
    """Teks notebook asli tanpa sel solusi dan tanpa keluaran pemeriksa: isi pelajaran."""
    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if not edition.is_solution(c)]
    for cell in nb.cells:
        if edition.is_check(cell):
            cell.outputs = []
    return nbformat.writes(nb)


@pytest.mark.parametrize("lesson", NUMBERS)
def test_student_edition_has_no_solution_text(built, lesson):
    source_nb, student_nb = original(lesson), student(built, lesson)
    text = nbformat.writes(student_nb)
    material = lesson_material(source_nb)
    for cell in source_nb.cells:
        if not edition.is_solution(cell):
            continue
        stub_lines = {line.strip() for line in edition.student_source(cell).splitlines()}
        for line in cell.source.splitlines():
            line = line.strip()
            if len(line) < MIN_LINE or not re.search(r"\w", line) or line in stub_lines:
                continue
            if json_text(line) in material:  # baris yang sama juga ada di pelajarannya
                continue
            assert json_text(line) not in text, f"solusi bocor ke edisi siswa: {line!r}"
    assert not [c for c in student_nb.cells if edition.SOLUTION_TAG in c.metadata.get("tags", [])]
    assert "✅ Benar!" not in text


@pytest.mark.parametrize("lesson", NUMBERS)
def test_student_edition_clears_only_exercise_cells(built, lesson):
    source_nb, student_nb = original(lesson), student(built, lesson)
    assert len(student_nb.cells) == len(source_nb.cells)
    answers = 0
    for before, after in zip(source_nb.cells, student_nb.cells):
        assert after.get("id") == before.get("id")
        if edition.is_solution(before):
            answers += 1
            assert edition.ANSWER_TAG in after.metadata["tags"]
        if edition.is_solution(before) or edition.is_check(before) or edition.is_progress(before):
            assert after.outputs == [] and after.execution_count is None, after.source
        else:
            assert after == before, "sel di luar latihan tidak boleh berubah"
    assert answers == edition.count_exercises(source_nb) >= 2
    assert len(exercise_pairs(student_nb, edition.ANSWER_TAG)) == answers
    nbformat.validate(student_nb)


# ---------------------------------------------------------------------------
# (b) Kerangka sah dan mendefinisikan apa yang dibaca pemeriksa
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", NUMBERS)
def test_stubs_are_valid_python_and_define_what_the_check_reads(built, lesson):
    solutions = exercise_pairs(original(lesson))
    answers = exercise_pairs(student(built, lesson), edition.ANSWER_TAG)
    for (solution, check), (answer, _) in zip(solutions, answers):
        assert answer.source == edition.student_source(solution)
        python = to_python(answer.source)
        compile(python, "<sel jawaban>", "exec")
        needed = loaded_names(check.source) & edition.defined_names(solution.source)
        assert needed, f"pemeriksa tidak membaca jawaban apa pun: {check.source}"
        missing = needed - edition.defined_names(python)
        assert not missing, f"kerangka tidak mendefinisikan {missing}:\n{answer.source}"


@pytest.mark.parametrize("lesson", NUMBERS)
def test_given_data_does_not_depend_on_an_earlier_answer(lesson):
    """Sel data soal di bagian Latihan tidak boleh memakai jawaban latihan sebelumnya.

    Di edisi siswa jawaban itu masih `...`; sel data yang memakainya akan berhenti dengan galat.
    """
    answered: set[str] = set()
    for cell in original(lesson).cells:
        if cell.cell_type != "code":
            continue
        if edition.is_solution(cell):
            answered |= edition.defined_names(cell.source)
        elif answered and not edition.is_check(cell):
            used = loaded_names(to_python(cell.source)) & answered
            assert not used, f"sel data memakai jawaban {used}: {cell.source}"


# ---------------------------------------------------------------------------
# (c) Notebook siswa yang belum disentuh: petunjuk, bukan galat
# ---------------------------------------------------------------------------


def _feedback_texts(cell) -> list[str]:
    return [o.get("data", {}).get("text/plain", "") for o in cell.outputs
            if o.get("output_type") in ("execute_result", "display_data")]


@pytest.mark.slow
@pytest.mark.parametrize("lesson", END_TO_END)
def test_untouched_student_notebook_runs_and_every_check_gives_a_hint(built, lesson):
    from nbclient import NotebookClient

    path = next(built.student_dir.glob(lesson + "_*.ipynb"))
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(built.student_dir)}}).execute()
    seconds = time.perf_counter() - start
    errors = [(c.source, o.get("ename"), o.get("evalue")) for c in nb.cells
              if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
    assert not errors, errors
    checks = [c for c in nb.cells if edition.is_check(c)]
    assert len(checks) == edition.count_exercises(original(lesson))
    for cell in checks:
        texts = _feedback_texts(cell)
        assert len(texts) == 1, (cell.source, cell.outputs)
        assert texts[0].startswith("❌ Belum tepat.") and "\nPetunjuk: " in texts[0], texts[0]
    print(f"{path.name}: {seconds:.1f} detik")


@lru_cache(maxsize=None)
def _given(name: str):
    """Data soal pengganti yang realistis untuk argumen pemeriksa di luar jawaban."""
    from saraf.data import load_mnist
    from saraf.widgets.conv import pattern_image, preset_kernel

    rng = np.random.default_rng(len(name))
    makers = {
        "x_train": lambda: load_mnist()[0][0], "y_train": lambda: load_mnist()[0][1],
        "x_test": lambda: load_mnist()[1][0],
        "X_3": lambda: rng.normal(size=(5, 4)), "neuron_weights": lambda: rng.normal(size=(3, 4)),
        "biases": lambda: rng.normal(size=3),
        "W1_4": lambda: rng.normal(size=(2, 3)), "b1_4": lambda: rng.normal(size=3),
        "W2_4": lambda: rng.normal(size=(3, 4)), "b2_4": lambda: rng.normal(size=4),
        "W3_4": lambda: rng.normal(size=(4, 2)), "b3_4": lambda: rng.normal(size=2),
        "image": lambda: pattern_image(7), "sobel": lambda: preset_kernel("sobel"),
        "values": lambda: np.array([-3.0, 4.0, 0.0, -0.5, 2.5]),
        "feature_map": lambda: rng.normal(size=(26, 26)),
        "w1": lambda: rng.normal(size=(3, 2)), "w2": lambda: rng.normal(size=(2, 3)),
        "x2": lambda: rng.integers(0, 10, (4, 4)),
        "maps_batch": lambda: rng.random((2, 4, 4, 16)),
        "prediction_2": lambda: rng.dirichlet(np.ones(10))[np.newaxis],
        "probs_4": lambda: rng.dirichlet(np.ones(3), size=4), "labels_4": lambda: np.arange(4) % 3,
        "net_nielsen": lambda: importlib.import_module("saraf.mlp").Network([784, 30, 10], seed=1),
        "net_30": lambda: importlib.import_module("saraf.mlp").Network([784, 30, 10], seed=0),
        "A_2": lambda: rng.uniform(0.01, 0.99, (5, 10)), "y_2": lambda: np.arange(5),
        "x_5": lambda: _given("x_train")[:5].reshape(5, -1) / 255,
        "y_5": lambda: _given("y_train")[:5],
        "cm": lambda: rng.integers(0, 50, (10, 10)),
        "x": lambda: _given("x_test")[:1, :, :, np.newaxis] / 255,
        "W1": lambda: rng.normal(size=(5, 5, 1, 32)), "b1": lambda: rng.normal(size=32),
        "row_1": lambda: 11, "col_1": lambda: 10, "k_1": lambda: 15,
        "model": lambda: importlib.import_module("saraf.cnn").load_pretrained("mnist"),
        "x_test_in": lambda: _given("x_test")[..., np.newaxis].astype("float32") / 255,
        "gray_1": lambda: importlib.import_module("saraf.preprocess").to_grayscale(
            ROOT / "assets" / "handwriting" / "hitam_di_putih.png"),
    }
    assert name in makers, f"tambahkan data pengganti untuk `{name}` di _given"
    return makers[name]()


@pytest.mark.parametrize("lesson", [n for n in NUMBERS if n not in END_TO_END])
def test_every_check_answers_an_untouched_stub(built, lesson):
    """Setiap pemeriksa menerima kerangka edisi siswa apa adanya: petunjuk, bukan galat."""
    topic = next(item.topic for item in LESSONS if item.number == lesson)
    module = importlib.import_module(f"saraf.checks.{topic}")
    answers = exercise_pairs(student(built, lesson), edition.ANSWER_TAG)
    for answer, check in answers:
        namespace = {"np": np}
        exec(to_python(answer.source), namespace)  # kerangka: nama = ..., fungsi kosong
        call = ast.parse(check.source).body[0].value
        for name in sorted(loaded_names(check.source) - set(namespace) - {"checks"}):
            namespace[name] = _given(name)
        args = [eval(compile(ast.Expression(a), "<argumen>", "eval"), namespace)
                for a in call.args]
        feedback = getattr(module, call.func.attr)(*args)
        assert isinstance(feedback, Feedback) and not feedback.ok, (check.source, feedback)
        assert repr(feedback).startswith("❌ Belum tepat.") and feedback.hint, repr(feedback)
        assert "belum" in feedback.message.lower() or "kosong" in feedback.message, feedback


# ---------------------------------------------------------------------------
# (d) Kunci jawaban
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", NUMBERS)
def test_answer_key_keeps_every_solution_and_its_check_output(built, lesson):
    source_nb, key = original(lesson), answer_key(built, lesson)
    note = key.cells[0]
    assert note.cell_type == "markdown" and "Kunci jawaban — untuk pengajar" in note.source
    assert key.cells[1:] == source_nb.cells
    pairs = exercise_pairs(key)
    assert len(pairs) == edition.count_exercises(source_nb) >= 2
    for solution, check in pairs:
        assert solution.source.strip() and solution.execution_count is not None
        texts = _feedback_texts(check)
        assert any(t.startswith("✅ Benar!") for t in texts), check.source


def test_editions_have_indonesian_readmes_and_summary(built, tmp_path, capsys):
    assert built.notebooks == [p.name for p in NOTEBOOKS]
    assert built.exercises == sum(edition.count_exercises(original(n)) for n in NUMBERS)
    student_readme = (built.student_dir / "README.md").read_text(encoding="utf-8")
    key_readme = (built.key_dir / "README.md").read_text(encoding="utf-8")
    assert "# Edisi Siswa" in student_readme and "tanpa jawaban" in student_readme
    assert "# Kunci Jawaban" in key_readme and "pengajar" in key_readme
    stale = tmp_path / edition.STUDENT_DIR / "99_lama.ipynb"
    stale.parent.mkdir()
    stale.write_text("{}", encoding="utf-8")
    assert edition.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{len(NOTEBOOKS)} notebook, {built.exercises} latihan" in out
    assert "Edisi siswa" in out and "Kunci jawaban" in out
    assert not stale.exists(), "notebook lama dibuang dari edisi lengkap"
    assert sorted(p.name for p in (tmp_path / edition.KEY_DIR).iterdir()) == sorted(
        [p.name for p in NOTEBOOKS] + ["README.md"])


def test_single_notebook_build_and_launcher_command(tmp_path, monkeypatch):
    summary = edition.build_editions(tmp_path, notebooks=[NOTEBOOKS[0]])
    assert summary.notebooks == [NOTEBOOKS[0].name]
    assert (summary.student_dir / NOTEBOOKS[0].name).exists()
    spec = importlib.util.spec_from_file_location("mulai_edisi", ROOT / "mulai.py")
    launcher = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(launcher)
    assert "edisi" in launcher.USAGE and "mulai.py edisi" in launcher.__doc__
    calls = []
    monkeypatch.setattr(launcher, "prepare", lambda: Path("/venv/python"))
    monkeypatch.setattr(launcher, "run", lambda command: calls.append(command) or 0)
    assert launcher.main(["edisi", "folder"]) == 0
    # Folder relatif dibaca dari folder tempat perintah diketik (peluncur berjalan di ROOT).
    assert calls == [["/venv/python", "-m", "tools.edition", str(Path("folder").resolve())]]


# ---------------------------------------------------------------------------
# (e) Setiap pemeriksa diuji dengan setidaknya satu jawaban SALAH
# ---------------------------------------------------------------------------


def _is_ok_of(node, param: str) -> bool:
    """``node`` adalah ``param``, ``param.ok``, atau ``bool(param)``."""
    if isinstance(node, ast.Attribute) and node.attr == "ok":
        node = node.value
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "bool" and node.args):
        node = node.args[0]
    return isinstance(node, ast.Name) and node.id == param


def _asserts_not_ok(test, param: str) -> bool:
    """``assert not param.ok`` / ``assert bool(param) is False`` dan sejenisnya."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _is_ok_of(test.operand, param)
    if (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.ops[0], (ast.Is, ast.Eq))
            and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value is False):
        return _is_ok_of(test.left, param)
    return False


def _rejection_helpers(tree) -> set[str]:
    """Fungsi bantu yang memastikan argumen pertamanya umpan balik *salah*, dan fixture yang
    mengembalikan fungsi bantu seperti itu (``rejected`` di tests/conftest.py)."""
    helpers = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            param = node.args.args[0].arg
            if any(isinstance(n, ast.Assert) and _asserts_not_ok(n.test, param)
                   for n in ast.walk(node)):
                helpers.add(node.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(
                isinstance(n, ast.Return) and isinstance(n.value, ast.Name)
                and n.value.id in helpers for n in ast.walk(node)):
            helpers.add(node.name)
    return helpers


def _shared_helpers() -> set[str]:
    """Fungsi bantu dan fixture penolak bersama dari tests/conftest.py."""
    conftest = ROOT / "tests" / "conftest.py"
    return _rejection_helpers(ast.parse(conftest.read_text(encoding="utf-8")))


def _check_aliases(tree) -> dict[str, str]:
    """Nama lokal → modul pemeriksa (``from saraf.checks import konvolusi as checks``)."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "saraf.checks":
            for alias in node.names:
                if re.fullmatch(r"[a-z][a-z0-9_]*", alias.name):
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                match = re.fullmatch(r"saraf\.checks\.([a-z][a-z0-9_]*)", alias.name)
                if match:
                    aliases[alias.asname or alias.name] = match.group(1)
    return aliases


def _exercise_call(node, aliases):
    """(modul, exercise_N) bila ``node`` memanggil pemeriksa dengan jawaban yang tidak kosong."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and re.fullmatch(r"exercise_\d+", node.func.attr)
            and isinstance(node.func.value, ast.Name) and node.func.value.id in aliases):
        return None
    first = node.args[0] if node.args else None
    if isinstance(first, ast.Constant) and first.value in (None, Ellipsis):
        return None  # "belum menjawab" bukan jawaban salah
    return aliases[node.func.value.id], node.func.attr


def wrong_answer_tests(path: Path) -> set[tuple[str, str]]:
    """Pemeriksa yang dipanggil dengan jawaban salah dan hasilnya dipastikan tidak ``ok``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    aliases, helpers = _check_aliases(tree), _rejection_helpers(tree) | _shared_helpers()
    found = set()
    for scope in [tree] + [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
        results = {}  # fb = checks.exercise_N(...)
        for node in ast.walk(scope):
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)):
                key = _exercise_call(node.value, aliases)
                if key:
                    results[node.targets[0].id] = key
        for node in ast.walk(scope):
            feedback = None
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in helpers and node.args):
                feedback = node.args[0]
            elif (isinstance(node, ast.Assert) and isinstance(node.test, ast.UnaryOp)
                  and isinstance(node.test.op, ast.Not)):
                feedback = node.test.operand
                if isinstance(feedback, ast.Attribute) and feedback.attr == "ok":
                    feedback = feedback.value
            if feedback is None:
                continue
            key = _exercise_call(feedback, aliases)
            if key:
                found.add(key)
            elif isinstance(feedback, ast.Name) and feedback.id in results:
                found.add(results[feedback.id])
    return found


def test_meta_recognises_rejections_and_ignores_acceptances(tmp_path):
    source = ("from saraf.checks import pooling as checks\n"
              "def rejected(fb, *words):\n    assert not fb.ok\n"
              "def accepted(fb):\n    assert fb.ok\n"
              "def test_x():\n"
              "    rejected(checks.exercise_1((12, 14)))\n"
              "    accepted(checks.exercise_2(good))\n"
              "    rejected(checks.exercise_3(None))\n"
              "    fb = checks.exercise_3(bad)\n    assert bool(fb) is False\n")
    tree_file = tmp_path / "test_checks_x.py"
    tree_file.write_text(source, encoding="utf-8")
    assert wrong_answer_tests(tree_file) == {("pooling", "exercise_1"),
                                             ("pooling", "exercise_3")}


def test_every_check_is_tested_with_a_wrong_answer():
    files = sorted((ROOT / "tests").glob("test_checks*.py"))
    assert files
    covered = set().union(*(wrong_answer_tests(f) for f in files))
    missing = []
    for lesson in LESSONS:
        name = lesson.topic
        module = importlib.import_module(f"saraf.checks.{name}")
        for exercise in sorted(n for n in dir(module) if re.fullmatch(r"exercise_\d+", n)):
            if (name, exercise) not in covered:
                missing.append(f"{name}.{exercise}")
    assert not missing, ("pemeriksa tanpa tes jawaban salah (tambahkan di "
                         f"tests/test_checks_wrong_answers.py): {missing}")
