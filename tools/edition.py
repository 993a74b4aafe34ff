"""Alat untuk pengajar: edisi siswa (tanpa solusi) dan kunci jawaban dari setiap pelajaran.

Setiap pelajaran (daftarnya di ``tools/lessons.py``) menyimpan jawaban acuan setiap latihan di
sel kode bertanda ``solution``, diikuti sel pemeriksa ``checks.exercise_N(...)``. Perintah berikut
membuat dua folder dari notebook itu::

    python mulai.py edisi                # ke _keluaran/
    python mulai.py edisi folder/lain    # ke folder lain
    python -m tools.edition [folder]     # sama, dari akar repositori dengan python .venv

* ``edisi-siswa/NN_*.ipynb``: untuk dibagikan kepada pembelajar. Setiap sel solusi menjadi
  **sel jawaban** (bertanda ``answer``) berisi kerangka: ``nama = ...  # jawaban Anda`` untuk
  setiap nilai yang diminta, dan kepala fungsi dengan isi ``...`` untuk setiap fungsi yang
  diminta. Keluaran dan nomor eksekusi sel jawaban dan sel pemeriksa dikosongkan; sel lain
  tetap menyimpan keluarannya, jadi hasil pelajaran tetap terlihat sebelum dijalankan.
* ``kunci-jawaban/NN_*.ipynb``: untuk pengajar. Notebook utuh, lengkap dengan solusi dan
  keluaran pemeriksanya ("✅ Benar!"), diawali catatan "Kunci jawaban — untuk pengajar".

Kerangka sel jawaban dibuat otomatis dengan ``ast`` dari kode solusinya (lihat
:func:`make_stub`): penugasan tingkat atas ``nama = <ekspresi>`` menjadi ``nama = ...``,
``def f(argumen):`` tetap dengan kepala dan docstring-nya tetapi isinya ``...``, ``import``
tetap, pernyataan lain dibuang. Data yang diberikan kepada pembelajar (array soal, gambar)
tidak boleh ada di sel solusi: letakkan di sel kode biasa tepat sebelum sel solusi. Bila
kerangka otomatis tidak cocok, tulis kerangkanya sendiri di metadata sel solusi,
``metadata["saraf"]["student"]`` (teks atau daftar baris, seperti ``source``).

Edisi siswa tetap berjalan dari folder mana pun: notebook menemukan data dan aset lewat
``saraf`` (``saraf.data``, ``saraf.resources``), bukan lewat path relatif.

Modul ini butuh ``nbformat`` (terpasang di lingkungan kursus).
"""

from __future__ import annotations

import ast
import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tools.lessons import NOTEBOOK_DIR, ROOT, notebook_paths

DEFAULT_OUT = ROOT / "_keluaran"
STUDENT_DIR = "edisi-siswa"
KEY_DIR = "kunci-jawaban"
#: Jawaban acuan untuk ``checks.solution(N)`` (lihat ``saraf.checks.exercises``).
SOLUTIONS_PATH = ROOT / "lib" / "saraf" / "checks" / "solutions.json"

SOLUTION_TAG = "solution"
ANSWER_TAG = "answer"
#: Sel tabel kemajuan (pelajaran 00): keluarannya milik buku kerja pembelajar sendiri.
PROGRESS_TAG = "kemajuan"
ANSWER_COMMENT = "# jawaban Anda"
FUNCTION_COMMENT = "# Tulis isi fungsi ini di sini, menggantikan `...`."
EMPTY_STUB = "# Tulis jawaban Anda di sini."
CHECK_CALL = re.compile(r"^checks\.exercise_(\d+)\(", re.MULTILINE)

KEY_NOTE = (
    "> **Kunci jawaban — untuk pengajar.** Notebook ini berisi jawaban acuan setiap latihan "
    "(sel bertanda `solution`) beserta keluaran pemeriksanya. Jangan dibagikan kepada "
    "pembelajar: bagikan notebook dari folder `edisi-siswa/`."
)

STUDENT_README = """\
# Edisi Siswa

Folder ini berisi pelajaran seri Saraf **tanpa jawaban latihan**, untuk dibagikan kepada
pembelajar. Teks, kode, dan keluaran pelajaran sama dengan aslinya. Di bagian **Latihan**,
setiap sel jawaban hanya berisi kerangka, misalnya `answer_1 = ...  # jawaban Anda`: ganti
setiap `...` dengan jawaban Anda, jalankan selnya, lalu jalankan sel pemeriksa di bawahnya.
Pemeriksa memberi petunjuk tanpa membocorkan jawabannya.

Notebook ini memakai pustaka `saraf` dan lingkungan seri ini, jadi jalankan dengan kernel
dari lingkungan `.venv/` repositori Saraf. Cara termudah: di salinan repositori milik
pembelajar, ganti isi folder `notebooks/` dengan notebook-notebook ini, lalu jalankan
`python mulai.py`. Data dan aset ditemukan lewat `saraf`, jadi notebook ini juga berjalan
dari folder lain.

Dibuat otomatis dengan `python mulai.py edisi`; jangan disunting di sini, sunting notebook
aslinya di folder `notebooks/`.
"""

KEY_README = """\
# Kunci Jawaban

Folder ini berisi pelajaran seri Saraf **lengkap dengan jawaban acuan setiap latihan**
(sel bertanda `solution`) dan keluaran pemeriksanya ("✅ Benar!"). Folder ini untuk
pengajar: jangan dibagikan kepada pembelajar. Untuk pembelajar, bagikan folder
`edisi-siswa/`.

Dibuat otomatis dengan `python mulai.py edisi`; jangan disunting di sini, sunting notebook
aslinya di folder `notebooks/`.
"""


def is_solution(cell) -> bool:
    """True untuk sel kode yang menyimpan jawaban acuan (bertanda ``solution``)."""
    return cell.get("cell_type") == "code" and SOLUTION_TAG in cell.get("metadata", {}).get(
        "tags", [])


def is_check(cell) -> bool:
    """True untuk sel pemeriksa, yaitu sel kode yang memanggil ``checks.exercise_N(...)``."""
    return cell.get("cell_type") == "code" and bool(CHECK_CALL.search(cell.get("source", "")))


def is_progress(cell) -> bool:
    """True untuk sel tabel kemajuan (bertanda ``kemajuan``): keluarannya milik pembelajar."""
    return PROGRESS_TAG in cell.get("metadata", {}).get("tags", [])


def _parse(source: str) -> ast.Module:
    """Pohon ``ast`` dari sel kode; sintaks IPython (``%``, ``!``) diubah dulu."""
    try:
        return ast.parse(source)
    except SyntaxError:
        from IPython.core.inputtransformer2 import TransformerManager

        return ast.parse(TransformerManager().transform_cell(source))


def _target_names(target) -> list[str]:
    """Nama-nama yang diberi nilai oleh satu target penugasan (``a``, ``a, b``, ``(a, *b)``)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    return []  # atribut atau indeks (``net.weights[0] = ...``): bukan nama baru


def defined_names(source: str) -> set[str]:
    """Nama yang didefinisikan di tingkat atas sebuah sel (penugasan, ``def``, ``class``)."""
    names: set[str] = set()
    for node in _parse(source).body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                names.update(_target_names(target))
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            names.update(_target_names(node.target))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names


def _docstring(source: str, node) -> str | None:
    """Docstring sebuah ``def``/``class`` persis seperti tertulis (dengan indentasinya)."""
    if node.body and isinstance(node.body[0], ast.Expr) and isinstance(
            node.body[0].value, ast.Constant) and isinstance(node.body[0].value.value, str):
        return ast.get_source_segment(source, node.body[0], padded=True)
    return None


def _function_stub(source: str, node) -> str:
    keyword = "async def" if isinstance(node, ast.AsyncFunctionDef) else "def"
    returns = f" -> {ast.unparse(node.returns)}" if node.returns else ""
    lines = [f"{keyword} {node.name}({ast.unparse(node.args)}){returns}:"]
    doc = _docstring(source, node)
    if doc:
        lines.append(doc)
    lines += ["    " + FUNCTION_COMMENT, "    ..."]
    return "\n".join(lines)


def _class_stub(source: str, node) -> str:
    bases = ", ".join([ast.unparse(b) for b in node.bases]
                      + [ast.unparse(k) for k in node.keywords])
    lines = [f"class {node.name}({bases}):" if bases else f"class {node.name}:"]
    doc = _docstring(source, node)
    if doc:
        lines.append(doc)
    lines += ["    # Tulis isi kelas ini di sini, menggantikan `...`.", "    ..."]
    return "\n".join(lines)


def make_stub(source: str) -> str:
    """Kerangka sel jawaban untuk pembelajar, dibuat dari kode solusi ``source``.

    Pernyataan tingkat atas diperlakukan begini:

    * ``nama = <ekspresi>`` (juga ``a, b = ...`` dan ``nama: tipe = ...``) menjadi
      ``nama = ...  # jawaban Anda``, satu baris per nama, sekali saja per nama;
    * ``def f(argumen):`` menjadi kepala fungsi yang sama (argumen dan nilai bawaannya
      tetap), docstring-nya bila ada, satu baris komentar, dan isi ``...``; begitu juga
      ``class``;
    * ``import`` tetap seperti tertulis;
    * pernyataan lain (pemanggilan fungsi, perulangan, penugasan ke atribut) dibuang.

    Kerangka selalu kode Python yang sah dan mendefinisikan setiap nama yang didefinisikan
    solusinya di tingkat atas (kecuali lewat ``import`` yang memang dipertahankan).
    """
    tree = _parse(source)
    parts: list[str] = []
    seen: set[str] = set()

    def add_names(names):
        for name in names:
            if name not in seen:
                seen.add(name)
                parts.append(f"{name} = ...  {ANSWER_COMMENT}")

    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            parts.append(ast.get_source_segment(source, node) or ast.unparse(node))
        elif isinstance(node, ast.Assign):
            add_names(name for target in node.targets for name in _target_names(target))
        elif isinstance(node, ast.AnnAssign):
            add_names(_target_names(node.target))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name in seen:
                continue
            seen.add(node.name)
            stub = (_class_stub(source, node) if isinstance(node, ast.ClassDef)
                    else _function_stub(source, node))
            parts.append(("\n" if parts else "") + stub + "\n")
    text = "\n".join(parts).strip("\n")
    return text if text else EMPTY_STUB


def student_source(cell) -> str:
    """Isi sel jawaban untuk sebuah sel solusi: templat di metadata, atau :func:`make_stub`."""
    template = cell.get("metadata", {}).get("saraf", {}).get("student")
    if template is not None:
        return "".join(template) if isinstance(template, list) else str(template)
    return make_stub(cell.get("source", ""))


def _clear(cell) -> None:
    cell["outputs"] = []
    cell["execution_count"] = None
    cell.get("metadata", {}).pop("execution", None)


def student_notebook(nb):
    """Salinan ``nb`` untuk pembelajar: solusi menjadi kerangka, sel latihan dikosongkan.

    Setiap sel solusi menjadi sel jawaban bertanda ``answer`` (tanda ``solution`` dibuang)
    berisi :func:`student_source`. Keluaran dan nomor eksekusi sel jawaban, sel pemeriksa,
    dan sel tabel kemajuan (bertanda ``kemajuan``) dihapus; sel lain tidak berubah. ``nb`` sendiri tidak diubah.
    """
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if is_solution(cell):
            metadata = cell.setdefault("metadata", {})
            cell["source"] = student_source(cell)
            tags = [t for t in metadata.get("tags", []) if t != SOLUTION_TAG]
            metadata["tags"] = tags + ([ANSWER_TAG] if ANSWER_TAG not in tags else [])
            saraf_meta = metadata.get("saraf")
            if isinstance(saraf_meta, dict):
                saraf_meta.pop("student", None)
                if not saraf_meta:
                    metadata.pop("saraf")
            _clear(cell)
        elif is_check(cell) or is_progress(cell):
            _clear(cell)
    return nb


def answer_key_notebook(nb):
    """Salinan ``nb`` untuk pengajar: notebook utuh dengan catatan kunci jawaban di awal."""
    import nbformat

    nb = copy.deepcopy(nb)
    note = nbformat.v4.new_markdown_cell(KEY_NOTE)
    note.metadata["tags"] = ["kunci-jawaban"]
    nb.cells.insert(0, note)
    return nb


def count_exercises(nb) -> int:
    """Banyak latihan dalam notebook, yaitu banyak sel solusinya."""
    return sum(1 for cell in nb.cells if is_solution(cell))


def solutions(nb) -> dict[str, str]:
    """Jawaban acuan per nomor latihan: sel ``solution`` sebelum sel ``checks.exercise_N``."""
    found: dict[str, str] = {}
    pending: list[str] = []
    for cell in nb.cells:
        if is_solution(cell):
            pending.append(cell.source.strip())
        elif is_check(cell) and pending:
            found[CHECK_CALL.search(cell.source).group(1)] = "\n\n".join(pending)
            pending = []
    return found


def solutions_json(paths=None) -> str:
    """Isi ``solutions.json``: ``{topik: {nomor latihan: kode solusi}}`` dari setiap pelajaran."""
    import nbformat

    data = {}
    for path in paths or notebook_paths():
        topic = Path(path).stem.split("_", 1)[1]
        data[topic] = solutions(nbformat.read(path, as_version=4))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_solutions() -> Path:
    """Menulis ulang ``lib/saraf/checks/solutions.json`` dari notebook pelajaran."""
    text = solutions_json()
    if not SOLUTIONS_PATH.exists() or SOLUTIONS_PATH.read_text("utf-8") != text:
        SOLUTIONS_PATH.write_text(text, encoding="utf-8")
    return SOLUTIONS_PATH


@dataclass
class EditionSummary:
    """Ringkasan :func:`build_editions`: folder keluaran dan isinya."""

    student_dir: Path
    key_dir: Path
    notebooks: list[str] = field(default_factory=list)
    exercises: int = 0

    def describe(self) -> str:
        """Ringkasan satu paragraf berbahasa Indonesia."""
        return (f"{len(self.notebooks)} notebook, {self.exercises} latihan.\n"
                f"  Edisi siswa (tanpa solusi): {self.student_dir}\n"
                f"  Kunci jawaban (untuk pengajar): {self.key_dir}")


def build_editions(out_dir=DEFAULT_OUT, notebooks=None) -> EditionSummary:
    """Menulis ``<out_dir>/edisi-siswa/NN_*.ipynb`` dan ``<out_dir>/kunci-jawaban/NN_*.ipynb``.

    ``notebooks``: daftar path notebook; bawaannya semua pelajaran ``tools.lessons.LESSONS``.
    Bila semua pelajaran dibuat, notebook lain yang tertinggal di kedua folder itu (misalnya
    pelajaran yang sudah dihapus atau diganti namanya) dihapus. Setiap folder juga mendapat
    README.md yang menjelaskan isinya.
    """
    import nbformat

    out_dir = Path(out_dir)
    full = notebooks is None
    paths = notebook_paths() if full else [Path(p) for p in notebooks]
    if not paths:
        raise FileNotFoundError(f"Tidak ada notebook pelajaran di {NOTEBOOK_DIR}.")
    summary = EditionSummary(out_dir / STUDENT_DIR, out_dir / KEY_DIR)
    for folder, readme in ((summary.student_dir, STUDENT_README),
                           (summary.key_dir, KEY_README)):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "README.md").write_text(readme, encoding="utf-8")
        if full:
            wanted = {p.name for p in paths}
            for old in folder.glob("*.ipynb"):
                if old.name not in wanted:
                    old.unlink()
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        nbformat.write(student_notebook(nb), summary.student_dir / path.name)
        nbformat.write(answer_key_notebook(nb), summary.key_dir / path.name)
        summary.notebooks.append(path.name)
        summary.exercises += count_exercises(nb)
    if full:
        write_solutions()
    return summary


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0] in ("-h", "--help")):
        print("Pemakaian: python -m tools.edition [folder]   (bawaan: _keluaran/)")
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    out_dir = Path(argv[0]) if argv else DEFAULT_OUT
    try:
        summary = build_editions(out_dir)
    except Exception as exc:  # tampilkan sebagai pesan, bukan traceback
        print(f"[saraf] Edisi gagal dibuat: {exc}")
        return 1
    print("[saraf] Edisi siswa dan kunci jawaban selesai: " + summary.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
