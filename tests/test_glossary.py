"""Glosarium: semua yang dibaca pembelajar memakai istilah yang sama.

Aturannya ada di satu tempat, ``tools.glossary.REJECTED``; ``notebooks/GLOSARIUM.md``
menampilkannya untuk pembelajar. Tes ini memeriksa bahwa

(a) notebook pelajaran (sumber setiap sel dan keluaran teksnya), modul ``saraf`` dan ``tools``,
    README, dan ``mulai.py`` tidak memakai bentuk yang ditolak;
(b) ``find_rejected`` menemukan setiap bentuk yang ditolak dan tidak menandai kata yang benar;
(c) kolom "Hindari" dan tabel "Kesalahan Bahasa" di GLOSARIUM.md sama persis dengan modulnya;
(d) setiap istilah dan setiap bentuk yang ditolak di panduan gaya (GAYA.md) ada di glosarium;
(e) kolom "Pertama muncul" GLOSARIUM.md sesuai dengan isi notebook.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from tools.glossary import REJECTED, find_rejected, find_rejected_lines
from tools.lessons import LESSONS, NOTEBOOK_DIR, ROOT

GLOSSARY_MD = NOTEBOOK_DIR / "GLOSARIUM.md"
LESSON_NOTEBOOKS = [lesson.path() for lesson in LESSONS]
GLOSSARY_MODULE = ROOT / "tools" / "glossary.py"  # satu-satunya tempat bentuk itu boleh ada
TEXT_FILES = [p for p in (ROOT / "README.md", ROOT / "data" / "README.md", ROOT / "mulai.py")
              if p.exists()]
LIB_FILES = sorted(p for folder in (ROOT / "lib" / "saraf", ROOT / "tools")
                   for p in folder.rglob("*.py") if p != GLOSSARY_MODULE)
# Panduan gaya ada di luar repositori (folder shared/ di samping atau di dalam klon ini).
STYLE_GUIDES = [ROOT / "shared" / "GAYA.md", ROOT.parent / "shared" / "GAYA.md"]

GLOSSARY_HEADING = "Daftar Istilah"
ERRORS_HEADING = "Kesalahan Bahasa yang Dihindari"
NONE = "—"


def _join(text) -> str:
    return "".join(text) if isinstance(text, list) else str(text)


def _read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# (a) Tidak ada bentuk yang ditolak di notebook, pustaka, dan README
# ---------------------------------------------------------------------------------------------

_DATA_URI = re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=\s]*")


def _cell_texts(cell: dict):
    """(bagian, teks) untuk sumber sel dan setiap keluaran teks yang tersimpan."""
    yield "sumber", _join(cell.get("source", ""))
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            yield f"keluaran {out.get('name', 'stream')}", _join(out.get("text", ""))
        elif out.get("output_type") == "error":
            yield "keluaran galat", f"{out.get('ename', '')}: {out.get('evalue', '')}"
        for mime, data in out.get("data", {}).items():
            if mime.startswith("text/") or mime == "image/svg+xml":
                # Gambar yang disisipkan sebagai base64 bukan teks yang dibaca orang.
                yield f"keluaran {mime}", _DATA_URI.sub(" ", _join(data))


@pytest.mark.parametrize("path", LESSON_NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_uses_no_rejected_form(path):
    problems = []
    for index, cell in enumerate(_read_notebook(path)["cells"]):
        for part, text in _cell_texts(cell):
            for line, found, chosen in find_rejected_lines(text):
                problems.append(f"{path.name}, sel {index} ({cell['cell_type']}, {part}, "
                                f"baris {line}): '{found}' → pakai '{chosen}'")
    assert not problems, ("bentuk yang ditolak glosarium (nomor sel dihitung dari 0):\n"
                          + "\n".join(problems))


@pytest.mark.parametrize("path", TEXT_FILES + LIB_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_file_uses_no_rejected_form(path):
    rel = path.relative_to(ROOT)
    problems = [f"{rel}:{line}: '{found}' → pakai '{chosen}'"
                for line, found, chosen in find_rejected_lines(path.read_text(encoding="utf-8"))]
    assert not problems, "bentuk yang ditolak glosarium:\n" + "\n".join(problems)


def test_scan_covers_lessons_and_library():
    assert len(LESSON_NOTEBOOKS) >= 12, "notebook pelajaran tidak ditemukan"
    names = {p.relative_to(ROOT).as_posix() for p in LIB_FILES}
    assert {"lib/saraf/mlp.py", "lib/saraf/cnn.py", "lib/saraf/checks/__init__.py",
            "tools/site.py", "tools/lessons.py"} <= names, "modul saraf/tools tidak ikut diperiksa"
    assert "tools/glossary.py" not in names
    assert ROOT / "README.md" in TEXT_FILES


def test_cell_texts_include_outputs_but_not_images():
    cell = {"cell_type": "code", "source": ["x = 1  # komentar\n"], "outputs": [
        {"output_type": "stream", "name": "stdout", "text": ["kamu\n"]},
        {"output_type": "display_data", "data": {
            "text/plain": "teks", "image/png": "kamu",
            "image/svg+xml": '<svg><text>syaraf</text><image href="data:image/png;base64,'
                             'AAA+resiko/BBB="/></svg>'}},
    ]}
    texts = dict(_cell_texts(cell))
    assert texts["sumber"] == "x = 1  # komentar\n"
    assert find_rejected(texts["keluaran stdout"]) == [("kamu", "Anda")]
    assert not any("image/png" in part for part in texts)
    assert find_rejected(texts["keluaran image/svg+xml"]) == [("syaraf", "saraf")]


# ---------------------------------------------------------------------------------------------
# (b) find_rejected
# ---------------------------------------------------------------------------------------------


def _contexts(variant: str):
    """(teks, yang harus ditemukan) untuk satu bentuk dalam berbagai konteks."""
    yield variant, variant
    yield f"{variant} ada di awal kalimat.", variant
    yield f"Di tengah ({variant}), lalu koma.", variant
    yield f'Ia menulis "{variant}".', variant
    yield f"**{variant}**: tebal di Markdown", variant
    yield f"Miring: *{variant}*!", variant
    yield f"Apakah ini {variant}?", variant
    yield f"# komentar kode: {variant}\nx = 1", variant
    yield f"{variant}nya", f"{variant}nya"


@pytest.mark.parametrize("form", sorted(REJECTED))
def test_find_rejected_finds_every_form(form):
    chosen = REJECTED[form]
    for variant in {form, form.upper(), form[0].upper() + form[1:], form.title()}:
        for text, expected in _contexts(variant):
            assert find_rejected(text) == [(expected, chosen)], text
    if " " in form:  # bentuk beberapa kata juga ditemukan bila terpotong ganti baris
        text = "Satu kalimat " + form.replace(" ", "\n    ", 1) + " panjang."
        assert find_rejected(text) == [(form.replace(" ", "\n    ", 1), chosen)]


def test_find_rejected_keeps_order_case_and_lines():
    text = "Kalian merubah resiko.\nSyaraf! Matriks\nkebingungan, lalu NON-LINEAR."
    assert find_rejected(text) == [
        ("Kalian", "Anda"), ("merubah", "mengubah"), ("resiko", "risiko"), ("Syaraf", "saraf"),
        ("Matriks\nkebingungan", "matriks konfusi"), ("NON-LINEAR", "nonlinear")]
    assert [line for line, _, _ in find_rejected_lines(text)] == [1, 1, 1, 2, 2, 3]
    assert find_rejected("") == []
    assert find_rejected("non-linier") == [("non-linier", "nonlinear")]  # bukan juga "linier"


LEGITIMATE = [
    # kata baku yang mirip bentuk yang ditolak
    "kamus", "kamuflase", "perkalian", "sekalian", "kali", "enggan", "praktik", "praktis",
    "objek", "objektif", "subjek", "risiko", "berisiko", "analisis", "menganalisis", "analitis",
    "aktivasi", "aktif", "mengaktifkan", "mengubah", "diubah", "berubah", "perubahan",
    "rubah (hewan)", "pengodean", "kode", "dikodekan", "mengodekan", "mengonversi",
    "dikonversi", "konversi", "memengaruhi", "dipengaruhi", "pengaruh", "mengalikan",
    "dikalikan", "mengompilasi", "dikompilasi", "menormalisasi", "dinormalisasi",
    "masukan", "keluaran", "linear", "nonlinear", "dilasi", "dilatih", "mengecek",
    "pengecekan", "melakukan", "saraf", "Anda", "kita",
    # istilah dan frasa sah di seri ini
    "galat", "pesan galat", "turunan fungsi bersusun", "penurunan gradien", "laju pembelajaran",
    "kecepatan (kode C++ yang dioptimalkan)", "belajar", "jangan kebingungan",
    "matriks konfusi", "lapisan pooling", "pengumpulan data", "Data latihan 1 (soal latihan)",
    "data uji", "lapisan masukan", "lapisan keluaran", "peta fitur", "ciri umum",
    "skor keyakinan", "kepercayaan", "warna abu-abu", "skala keabuan", "algoritma",
    "pengolahan citra", "epoch", "pembelajaran mesin", "pengoptimal", "salah klasifikasi",
    # kode dan bahasa Inggris di sel kode
    "kamu_count = 1", "x_analisa", "input_shape", "output", "non_linear", "Non-trainable params",
]


@pytest.mark.parametrize("text", LEGITIMATE)
def test_find_rejected_ignores_legitimate_words(text):
    assert find_rejected(text) == []


def test_chosen_terms_are_never_rejected():
    for chosen in sorted(set(REJECTED.values())):
        assert find_rejected(chosen) == [], chosen
    for row in _glossary_rows():
        assert find_rejected(_plain(row["term_cell"])) == [], row["term_cell"]
        assert find_rejected(row["definition"]) == [], row["definition"]


def test_rejected_forms_are_clean_lowercase_keys():
    for form, chosen in REJECTED.items():
        assert form == form.lower() == " ".join(form.split()), form
        assert chosen and chosen.lower() != form, form


# ---------------------------------------------------------------------------------------------
# GLOSARIUM.md
# ---------------------------------------------------------------------------------------------


def _plain(cell: str) -> str:
    """Teks sel tabel tanpa tanda Markdown."""
    return " ".join(re.sub(r"[*`]", "", cell).split())


def _section(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"GLOSARIUM.md: bagian '## {heading}' tidak ditemukan"
    return match.group(1)


def _table(section: str) -> list[list[str]]:
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith("|")]
    assert len(lines) > 2, "tabel tidak ditemukan"
    assert re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[1]), "baris kedua tabel harus |---|"
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


@lru_cache(maxsize=None)
def _glossary_text() -> str:
    return GLOSSARY_MD.read_text(encoding="utf-8")


_TERM = re.compile(r"\*\*([^*]+)\*\*")


@lru_cache(maxsize=None)
def _glossary_rows_cached() -> tuple:
    rows = []
    for cells in _table(_section(_glossary_text(), GLOSSARY_HEADING)):
        assert len(cells) == 5, f"GLOSARIUM.md: baris harus punya 5 kolom: {cells}"
        term_cell, english, definition, lesson, avoid = cells
        match = _TERM.match(term_cell)
        assert match, f"GLOSARIUM.md: istilah harus ditulis tebal di awal kolom pertama: {term_cell}"
        rows.append({"term": match.group(1), "term_cell": term_cell, "english": english,
                     "definition": definition, "lesson": lesson, "avoid": avoid})
    return tuple(rows)


def _glossary_rows() -> list[dict]:
    return list(_glossary_rows_cached())


def test_glossary_page_structure():
    text = _glossary_text()
    assert text.startswith("# "), "GLOSARIUM.md diawali judul '# …'"
    headings = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    assert GLOSSARY_HEADING in headings and ERRORS_HEADING in headings
    small = {"di", "ke", "dari", "dan", "yang", "untuk", "pada", "dengan", "atau"}
    for heading in headings:  # huruf kapital di awal kata, kecuali kata tugas (GAYA.md)
        words = heading.split()
        for i, word in enumerate(words):
            if i > 0 and word in small:
                continue
            assert word[0].isupper() or not word[0].isalpha(), f"judul bagian: '{heading}'"
    rows = _glossary_rows()
    assert len(rows) >= 60
    for row in rows:
        assert all(row[key] for key in row), f"kolom kosong: {row}"
        assert row["english"].startswith("*"), f"istilah Inggris ditulis miring: {row['term']}"
    keys = [_plain(row["term_cell"]).lower() for row in rows]
    assert keys == sorted(keys), "urutkan Daftar Istilah menurut abjad"
    # Angka di teks: koma desimal (GAYA.md). Kode dalam `…` dan contoh salah yang dicoret
    # (~~…~~) boleh memakai titik.
    prose = re.sub(r"`[^`\n]*`|~~[^~\n]*~~", " ", text)
    decimals = re.findall(r"(?<![\w.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])", prose)
    assert not decimals, f"pakai koma desimal di teks: {decimals}"


# ---------------------------------------------------------------------------------------------
# (c) GLOSARIUM.md dan tools.glossary tidak boleh berbeda
# ---------------------------------------------------------------------------------------------

_AVOID_ITEM = re.compile(r"\*([^*]+)\*(?:\s*→\s*\*([^*]+)\*)?")


def _page_pairs() -> list[tuple[str, str, str]]:
    """(bentuk yang ditolak, pengganti, asal) dari kolom Hindari dan tabel Kesalahan Bahasa."""
    pairs = []
    for row in _glossary_rows():
        if row["avoid"] == NONE:
            continue
        for item in (part.strip() for part in row["avoid"].split(",")):
            match = _AVOID_ITEM.fullmatch(item)
            assert match, f"GLOSARIUM.md, '{row['term']}': isi Hindari '*bentuk*' atau " \
                          f"'*bentuk* → *pengganti*', bukan '{item}'"
            pairs.append((match.group(1), match.group(2) or row["term"], f"Hindari '{row['term']}'"))
    for cells in _table(_section(_glossary_text(), ERRORS_HEADING)):
        form, chosen = (re.fullmatch(r"\*([^*]+)\*", c) for c in cells[:2])
        assert form and chosen, f"GLOSARIUM.md, {ERRORS_HEADING}: tulis '*bentuk*': {cells}"
        pairs.append((form.group(1), chosen.group(1), ERRORS_HEADING))
    return pairs


def test_glossary_page_matches_module():
    page = {}
    for form, chosen, origin in _page_pairs():
        assert page.get(form, chosen) == chosen, \
            f"GLOSARIUM.md: '{form}' punya dua pengganti, '{page[form]}' dan '{chosen}' ({origin})"
        page[form] = chosen
    only_module = sorted(f"'{f}' → '{c}'" for f, c in REJECTED.items() if page.get(f) != c)
    only_page = sorted(f"'{f}' → '{c}'" for f, c in page.items() if REJECTED.get(f) != c)
    assert not only_module and not only_page, (
        "GLOSARIUM.md dan tools/glossary.py harus sama.\n"
        f"Hanya di tools.glossary: {', '.join(only_module) or '-'}\n"
        f"Hanya di GLOSARIUM.md: {', '.join(only_page) or '-'}")


# ---------------------------------------------------------------------------------------------
# (d) Semua yang diatur GAYA.md ada di glosarium
# ---------------------------------------------------------------------------------------------


def _style_guide() -> str:
    for path in STYLE_GUIDES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("GAYA.md (panduan gaya proyek) tidak ada di mesin ini")


def _style_table(guide: str) -> list[list[str]]:
    match = re.search(r"^## Glossary.*?\n(.*?)(?=^## |\Z)", guide, re.M | re.S)
    assert match, "GAYA.md: bagian '## Glossary' tidak ditemukan"
    return _table(match.group(1))


def _chunks(cell: str) -> list[str]:
    """Istilah satu per satu dari sel tabel GAYA.md, tanpa keterangan dalam kurung."""
    text = re.sub(r"`[^`]*`", " ", cell)
    text = re.sub(r"\([^)]*\)", " ", text).split("=")[0].replace("*", "")
    parts = (" ".join(part.split()) for part in re.split(r"[;/,]", text))
    return [p for p in parts if p and p.lower() not in {"explained", "attribute"}]


def _word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I) is not None


def test_every_style_guide_term_is_in_glossary():
    rows = _glossary_rows()
    terms = "\n".join(_plain(r["term_cell"]) + "\n" + _plain(r["english"]) for r in rows)
    missing = []
    for english, use, _note in (cells[:3] for cells in _style_table(_style_guide())):
        missing += [w for w in _chunks(use) + _chunks(english) if not _word_in(w, terms)]
    assert not missing, f"istilah GAYA.md yang belum ada di GLOSARIUM.md: {missing}"


def test_every_style_guide_rejection_is_in_module():
    guide = _style_guide()
    pairs = []
    for _english, _use, note in (cells[:3] for cells in _style_table(guide)):
        pairs += [(form, None) for form in re.findall(r"(?:never|not) \*([^*]+)\*", note)]
    errors = re.search(r"^## Errors to avoid\n(.*?)(?=^## |\Z)", guide, re.M | re.S)
    assert errors, "GAYA.md: bagian '## Errors to avoid' tidak ditemukan"
    for left, right in re.findall(r'[*"]([^*"]+)[*"]\s*→\s*[*"]([^*"]+)[*"]', errors.group(1)):
        forms, chosen = re.split(r"\s*[,/]\s*", left.strip()), re.split(r"\s*[,/]\s*", right.strip())
        assert len(forms) == len(chosen), f"GAYA.md: {left} → {right}"
        pairs += zip(forms, chosen)
    # Aturan tata bahasa, bukan kata: dijelaskan di GLOSARIUM.md, tidak dapat dicari dengan daftar.
    grammar_only = {"banyak neuron-neuron"}
    wrong = [(f, c) for f, c in pairs if f not in grammar_only
             and (f not in REJECTED or (c is not None and REJECTED[f] != c))]
    assert not wrong, f"bentuk yang ditolak GAYA.md tetapi tidak (atau berbeda) di tools.glossary: {wrong}"


# ---------------------------------------------------------------------------------------------
# (e) "Pertama muncul" sesuai dengan notebook
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _lessons() -> dict:
    """Nomor pelajaran → (judul, teks Markdown tanpa kode)."""
    lessons = {}
    for path in LESSON_NOTEBOOKS:
        cells = [_join(c["source"]) for c in _read_notebook(path)["cells"]
                 if c["cell_type"] == "markdown"]
        title = re.match(r"# \d\d · (.+)", cells[0]).group(1)
        text = re.sub(r"```.*?```", " ", "\n".join(cells), flags=re.S)
        lessons[path.name[:2]] = (title, re.sub(r"`[^`\n]*`", " ", text))
    return lessons


def _introduction(term: str) -> re.Pattern:
    """Perkenalan istilah (GAYA.md): **istilah**, istilah (*padanan*), *istilah* (…), *…* (istilah)."""
    w = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(
        rf"\*\*{w}\*\*"
        rf"|(?<![\w*-]){w}(?:\s*\([^()*]*\))?\s*\(\*"
        rf"|(?<![\w*-])\*{w}\*\s*\("
        rf"|\*\s*\({w}\)", re.I)


def _mention(term: str) -> re.Pattern:
    w = r"\s+".join(re.escape(word) for word in term.split())
    return re.compile(rf"(?<![\w-]){w}(?!\w)", re.I)


def test_first_appearance_names_a_real_lesson():
    lessons = _lessons()
    for row in _glossary_rows():
        if row["lesson"] == NONE:
            continue
        match = re.fullmatch(r"(\d\d) · (.+)", row["lesson"])
        assert match, f"'{row['term']}': tulis 'NN · Nama Pelajaran' atau '{NONE}'"
        number, name = match.groups()
        assert number in lessons, f"'{row['term']}': pelajaran {number} tidak ada"
        assert lessons[number][0].startswith(name), \
            f"'{row['term']}': pelajaran {number} berjudul '{lessons[number][0]}', bukan '{name}'"


def test_first_appearance_matches_lessons():
    lessons = _lessons()
    groups: dict[str, list[dict]] = {}
    for row in _glossary_rows():  # istilah yang sama bisa punya dua arti (kernel)
        groups.setdefault(row["term"].lower(), []).append(row)
    problems = []
    for term, rows in groups.items():
        named = sorted(row["lesson"][:2] for row in rows if row["lesson"] != NONE)
        introduced = [n for n, (_, text) in lessons.items() if _introduction(term).search(text)]
        mentioned = [n for n, (_, text) in lessons.items() if _mention(term).search(text)]
        shown = ", ".join(named) or NONE
        if introduced:
            if not named or named[0] != introduced[0]:
                problems.append(f"'{term}': pertama diperkenalkan (tebal atau dengan padanan) di "
                                f"pelajaran {introduced[0]}, GLOSARIUM.md menyebut {shown}")
            problems += [f"'{term}': pelajaran {n} tidak memperkenalkan istilah ini"
                         for n in named if n not in introduced]
        elif mentioned:
            if named != [mentioned[0]]:
                problems.append(f"'{term}': tidak pernah ditulis tebal; pertama disebut di "
                                f"pelajaran {mentioned[0]}, GLOSARIUM.md menyebut {shown}")
        elif named:
            problems.append(f"'{term}': tidak ada di pelajaran mana pun; tulis '{NONE}'")
    assert not problems, "kolom 'Pertama muncul' GLOSARIUM.md:\n" + "\n".join(problems)


def test_introduction_pattern():
    assert _introduction("peta fitur").search("**Peta fitur** (*feature map*)")
    assert _introduction("kanal").search("| 3 | kanal (*channel*) | 1 untuk grayscale |")
    assert _introduction("jaringan saraf tiruan").search("jaringan saraf tiruan (JST) (*neural network*)")
    assert _introduction("deep learning").search("*deep learning* (pembelajaran mendalam)")
    assert _introduction("CNN").search("*convolutional neural network* (CNN)")
    assert _introduction("stride").search("***Stride*** (*jarak geser*)")
    assert not _introduction("peta fitur").search("peta fitur (dengan penjelajah interaktif)")
    assert not _introduction("kernel").search("**Kernel sobel**")
    assert not _mention("MNIST").search("Fashion-MNIST")
