"""Tes situs baca (`tools.site`, `python mulai.py situs`): halaman statis dari keluaran tersimpan.

Satu pembangunan seri lengkap (fixture tingkat modul) dipakai bersama oleh tes seri lengkap;
tes lain membangun situs kecil dari 3 salinan notebook di folder sementara, dengan atau tanpa
glosarium dan panduan pengajar, agar tidak bergantung pada apakah berkas aslinya sudah ada.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

from tools import site
from tools.lessons import LESSONS, ROOT
from tools.site_widgets import WIDGET_NOTE, WIDGET_STATE, WIDGET_VIEW

NOTEBOOKS = [lesson.path() for lesson in LESSONS]
SMALL = ["00_mulai.ipynb", "01_array_dan_shape.ipynb", "04_relu.ipynb"]

GLOSSARY = """# Glosarium Kecil

Halaman uji untuk istilah, dengan rumus $z = w x + b$.

| Istilah | Arti | Pertama muncul |
|---|---|---|
| **bentuk** (*shape*) | banyak elemen di setiap sumbu | [pelajaran 01](01_array_dan_shape.ipynb) |
| ReLU | fungsi aktivasi | [04 · ReLU](04_relu.ipynb) |
"""

GUIDE = """# Panduan Pengajar Kecil

Mulai dari [pelajaran 00](notebooks/00_mulai.ipynb), lihat juga [glosarium](notebooks/GLOSARIUM.md)
dan [README](README.md) (bukan halaman situs).
"""


# --------------------------------------------------------------------------------------
# Alat bantu


class _Page(HTMLParser):
    """Membaca satu halaman: tautan, id, skrip, judul, isi <pre>, dan bilah navigasi."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.scripts: list[dict] = []
        self.lang = None
        self.title = ""
        self.pre_text: list[str] = []
        self.navs: list[dict] = []  # {"text": str, "prev": [href], "next": [href]}
        self._in_title = False
        self._pre_depth = 0
        self._nav_depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "script":
            self.scripts.append(a)
        if tag == "title" and not self.title:  # <title> halaman, bukan <title> di dalam <svg> rumus
            self._in_title = True
        if tag == "pre":
            self._pre_depth += 1
            self.pre_text.append("")
        if tag == "nav" and "saraf-nav" in (a.get("class") or ""):
            self._nav_depth = 1
            self.navs.append({"text": "", "prev": [], "next": []})
        elif self._nav_depth and tag == "a" and a.get("rel") in ("prev", "next"):
            self.navs[-1][a["rel"]].append(a.get("href"))
        elif self._nav_depth and tag == "nav":
            self._nav_depth += 1
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.refs.append((tag, key, a[key]))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._pre_depth:
            self.pre_text[-1] += data
        if self._nav_depth:
            self.navs[-1]["text"] += data


def _read(path: Path) -> tuple[str, _Page]:
    text = path.read_text(encoding="utf-8")
    return text, _Page(text)


def _expected_title(nb_path: Path) -> str:
    """Judul polos dari heading `#` pertama notebook (tanpa tanda Markdown)."""
    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return re.sub(r"[*_`]", "", line[2:]).strip()
    raise AssertionError(f"{nb_path.name} tidak punya heading #")


def _first_stdout_line(nb_path: Path) -> str | None:
    """Baris tak kosong pertama dari keluaran stdout tersimpan pertama (tanpa kode ANSI)."""
    nb = nbformat.read(nb_path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.output_type == "stream" and out.name == "stdout" and "\x1b" not in out.text:
                for line in out.text.splitlines():
                    if line.strip():
                        return line
    return None


def _png_outputs(nb_path: Path) -> int:
    """Banyak keluaran yang ditampilkan sebagai PNG (PNG adalah tipe terbaik yang ada)."""
    nb = nbformat.read(nb_path, as_version=4)
    better = {"text/html", "image/svg+xml", "text/markdown", WIDGET_VIEW}
    return sum(1 for cell in nb.cells if cell.cell_type == "code"
               for out in cell.outputs
               if "image/png" in out.get("data", {}) and not better & set(out.data))


def _check_links(out_dir: Path) -> None:
    """Setiap tautan relatif menunjuk berkas di folder keluaran (dan id yang ada)."""
    pages = {p.name: _read(p)[1] for p in out_dir.glob("*.html")}
    for name, page in pages.items():
        for tag, key, ref in page.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https", "mailto", "data"):
                continue
            assert not parts.scheme and not parts.netloc, f"{name}: {ref}"
            target = unquote(parts.path) if parts.path else name
            assert (out_dir / target).is_file(), f"{name}: <{tag} {key}={ref!r}> tidak ada"
            if parts.fragment and target.endswith(".html"):
                assert parts.fragment in pages[target].ids, f"{name}: {ref} tanpa id"


def _check_offline(out_dir: Path) -> None:
    for path in out_dir.glob("*.html"):
        text, page = _read(path)
        assert page.scripts == [], f"{path.name}: situs baca tidak memuat skrip apa pun"
        for tag, key, ref in page.refs:
            if tag in ("script", "link", "img", "iframe"):
                assert not ref.startswith(("http:", "https:", "//")), f"{path.name}: {ref}"
        assert "cdnjs" not in text and "unpkg.com" not in text and "jsdelivr" not in text


def _lesson_hrefs(index: _Page) -> list[str]:
    hrefs = [ref for tag, key, ref in index.refs if tag == "a"
             and re.fullmatch(r"\d\d_[^/]+\.html", ref)]
    return list(dict.fromkeys(hrefs))


def _check_lessons(out_dir: Path, notebooks: list[Path]) -> None:
    hrefs = [nb.with_suffix(".html").name for nb in notebooks]
    _, index = _read(out_dir / "index.html")
    assert index.lang == "id"
    assert _lesson_hrefs(index) == hrefs
    for i, nb_path in enumerate(notebooks):
        text, page = _read(out_dir / hrefs[i])
        title = _expected_title(nb_path)
        assert page.lang == "id", hrefs[i]
        assert page.title.startswith(title), (page.title, title)
        assert len(page.navs) == 2, f"{hrefs[i]}: bilah navigasi atas dan bawah"
        for nav in page.navs:
            assert "Daftar isi" in nav["text"]
            if i == 0:
                assert nav["prev"] == [] and "Sebelumnya" not in nav["text"]
            else:
                assert nav["prev"] == [hrefs[i - 1]]
                assert f"Sebelumnya: {_expected_title(notebooks[i - 1])}" in nav["text"]
            if i == len(notebooks) - 1:
                assert nav["next"] == [] and "Berikutnya" not in nav["text"]
            else:
                assert nav["next"] == [hrefs[i + 1]]
                assert f"Berikutnya: {_expected_title(notebooks[i + 1])}" in nav["text"]
        line = _first_stdout_line(nb_path)
        if line is not None:  # keluaran stdout tersimpan, di-escape (terbaca sebagai teks)
            assert any(line in pre for pre in page.pre_text), f"{hrefs[i]}: {line!r}"
        pngs = _png_outputs(nb_path)
        if pngs:
            assert text.count('src="data:image/png;base64,') >= pngs, hrefs[i]
        assert WIDGET_VIEW not in text and WIDGET_STATE not in text
        assert "No description has been provided" not in text  # teks alt berbahasa Indonesia
        assert f'alt="{site.IMAGE_ALT}"' in text or not pngs
        assert '<div tabindex="0" class="jp-Cell-inputWrapper"' in text  # dapat difokus


@pytest.fixture
def small_series(tmp_path):
    """Folder sementara berisi 3 salinan notebook (tanpa glosarium dan panduan)."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(ROOT / "notebooks" / name, folder / name)
    return folder


# --------------------------------------------------------------------------------------
# Seri lengkap (satu pembangunan)


@pytest.fixture(scope="module")
def full_site(tmp_path_factory):
    """Satu pembangunan seri lengkap (beberapa detik): tes yang memakainya bertanda slow."""
    return site.build_site(tmp_path_factory.mktemp("situs"))


@pytest.mark.slow
def test_full_series_pages_navigation_and_outputs(full_site):
    assert len(NOTEBOOKS) >= 12
    _check_lessons(full_site, NOTEBOOKS)


@pytest.mark.slow
def test_full_series_links_resolve_and_work_offline(full_site):
    out_dir = full_site
    _check_links(out_dir)
    _check_offline(out_dir)
    assert (out_dir / site.CSS).stat().st_size > 10_000


@pytest.mark.slow
def test_full_series_index_lists_titles_and_summaries(full_site):
    text, index = _read(full_site / "index.html")
    assert index.title == site.SERIES_TITLE
    assert site.SERIES_TITLE in text
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))
    for nb_path in NOTEBOOKS:
        title = _expected_title(nb_path)
        assert title in words, title
        first = nbformat.read(nb_path, as_version=4).cells[0].source
        summary = site.title_and_summary(first, "")[1]
        assert summary and len(summary) <= site.SUMMARY_LIMIT, nb_path.name
        shown = summary.split(". ")[0].split("$")[0]  # rumus menjadi SVG, bukan teks
        assert re.sub(r"[*_`]", "", shown) in words, summary  # ringkasan tampil


@pytest.mark.slow
def test_full_series_renders_math_and_widgets_statically(full_site):
    out_dir = full_site
    neuron = (out_dir / "02_neuron.html").read_text(encoding="utf-8")
    assert 'class="saraf-rumus"' in neuron and "<svg" in neuron
    assert "saraf-tex" not in neuron  # semua rumus pelajaran 02 dapat digambar
    konvolusi = (out_dir / "03_konvolusi.html").read_text(encoding="utf-8")
    assert konvolusi.count('class="saraf-widget"') == 3  # konvolusi 2×, medan reseptif
    assert WIDGET_NOTE in konvolusi
    assert "Penjelajah Konvolusi" in konvolusi  # isi HTMLModel tersimpan
    assert 'class="saraf-widget-cuplikan" inert' in konvolusi


@pytest.mark.slow
def test_full_series_optional_pages_follow_the_real_files(full_site):
    out_dir = full_site
    _, index = _read(out_dir / "index.html")
    index_hrefs = [ref for _, _, ref in index.refs]
    _, first = _read(out_dir / NOTEBOOKS[0].with_suffix(".html").name)
    for source, href in ((ROOT / "notebooks" / site.GLOSSARY_NAME, site.GLOSSARY_HREF),
                         (ROOT / site.GUIDE_NAME, site.GUIDE_HREF)):
        exists = source.is_file()
        assert (out_dir / href).is_file() == exists
        assert (href in index_hrefs) == exists
        assert (href in [ref for _, _, ref in first.refs]) == exists


# --------------------------------------------------------------------------------------
# Situs kecil di folder sementara


def test_small_series_with_glossary_and_guide(tmp_path, small_series):
    (small_series / site.GLOSSARY_NAME).write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / site.GUIDE_NAME).write_text(GUIDE, encoding="utf-8")
    out_dir = site.build_site(tmp_path / "keluaran", small_series)
    assert out_dir == (tmp_path / "keluaran").resolve()
    notebooks = [small_series / name for name in SMALL]
    _check_lessons(out_dir, notebooks)
    _check_links(out_dir)
    _check_offline(out_dir)

    text, glossary = _read(out_dir / site.GLOSSARY_HREF)
    assert glossary.lang == "id" and glossary.title.startswith("Glosarium Kecil")
    assert "<table" in text
    assert 'href="01_array_dan_shape.html"' in text  # tautan .ipynb diubah
    assert 'href="04_relu.html"' in text
    assert 'aria-label="z = w x + b"' in text  # rumus digambar sebagai SVG
    assert all(nav["prev"] == [] and nav["next"] == [] for nav in glossary.navs)

    text, guide = _read(out_dir / site.GUIDE_HREF)
    assert guide.title.startswith("Panduan Pengajar Kecil")
    assert 'href="00_mulai.html"' in text and f'href="{site.GLOSSARY_HREF}"' in text
    assert 'href="README.md"' not in text and "Berkas di repositori: README.md" in text

    for name in ["index.html", *(n.replace(".ipynb", ".html") for n in SMALL)]:
        hrefs = [ref for _, _, ref in _read(out_dir / name)[1].refs]
        assert site.GLOSSARY_HREF in hrefs and site.GUIDE_HREF in hrefs, name


def test_small_series_without_optional_pages_and_stale_pages_removed(tmp_path, small_series):
    (small_series / site.GLOSSARY_NAME).write_text(GLOSSARY, encoding="utf-8")
    out_dir = site.build_site(tmp_path / "keluaran", small_series)
    assert (out_dir / site.GLOSSARY_HREF).is_file()
    keep = out_dir / "catatan-saya.txt"
    keep.write_text("bukan buatan situs", encoding="utf-8")

    (small_series / site.GLOSSARY_NAME).unlink()
    (small_series / SMALL[-1]).unlink()
    site.build_site(out_dir, small_series)
    assert not (out_dir / site.GLOSSARY_HREF).exists()
    assert not (out_dir / SMALL[-1].replace(".ipynb", ".html")).exists()
    assert not (out_dir / site.GUIDE_HREF).exists()
    assert keep.is_file()
    index = (out_dir / "index.html").read_text(encoding="utf-8")
    assert site.GLOSSARY_HREF not in index and "Glosarium" not in index
    _check_lessons(out_dir, [small_series / name for name in SMALL[:-1]])
    _check_links(out_dir)


def test_widget_output_becomes_indonesian_note_and_snapshot(tmp_path, small_series):
    out_dir = site.build_site(tmp_path / "keluaran", small_series)
    text = (out_dir / "00_mulai.html").read_text(encoding="utf-8")
    assert f"<strong>Widget interaktif</strong>: {WIDGET_NOTE}" in text
    assert "VBox(children=(IntSlider" not in text  # bukan repr teks widget
    assert "Sisi (piksel)" in text  # label slider dari keadaan tersimpan


def test_empty_folder_is_explained(tmp_path):
    with pytest.raises(ValueError, match="Tidak ada notebook pelajaran"):
        site.build_site(tmp_path / "keluaran", tmp_path)


def test_main_prints_index_path_and_page_count(tmp_path, small_series, monkeypatch, capsys):
    monkeypatch.setattr(site, "NOTEBOOK_DIR", small_series)
    assert site.main([str(tmp_path / "keluaran")]) == 0
    out = capsys.readouterr().out.strip()
    assert out.count("\n") == 0
    assert out.startswith("[saraf] Situs baca siap: 3 pelajaran, 4 halaman termasuk daftar isi (")
    assert re.search(r"\(\d+,\d detik\)", out)  # koma desimal
    assert str((tmp_path / "keluaran" / "index.html").resolve()) in out
    assert site.main(["a", "b"]) == 2
    assert "Pemakaian" in capsys.readouterr().out


def test_links_to_source_files_become_links_to_pages(tmp_path):
    renderer = site.SiteRenderer(path=str(tmp_path / "nb"))
    renderer.links = {(tmp_path / "nb" / "01_a.ipynb").resolve(): "01_a.html"}

    def link(url: str) -> str:
        return renderer.link("teks", url)

    assert link("01_a.ipynb#2-Sumbu") == '<a href="01_a.html#2-Sumbu">teks</a>'
    assert link("../nb/01_a.ipynb") == '<a href="01_a.html">teks</a>'
    assert link("https://contoh.id/a.ipynb") == '<a href="https://contoh.id/a.ipynb">teks</a>'
    assert link("#bagian") == '<a href="#bagian">teks</a>'
    assert link("../README.md") == ('<span class="saraf-berkas" title="Berkas di repositori: '
                                    '../README.md">teks</span>')  # bukan halaman situs


# --------------------------------------------------------------------------------------
# Peluncur


def test_launcher_help_lists_situs(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "mulai.py"), "bantuan"],
                            capture_output=True, text=True,
                            env={"SARAF_VENV": str(tmp_path / "v"), "PATH": ""})
    assert result.returncode == 0
    assert re.search(r"^\s+situs\s+buat situs baca", result.stdout, flags=re.M)
    assert "python mulai.py situs" in (ROOT / "mulai.py").read_text(encoding="utf-8")


def test_launcher_situs_runs_site_module_with_absolute_folder(launcher, ready_venv, monkeypatch,
                                                              tmp_path):
    seen = []
    monkeypatch.setattr(launcher, "run", lambda command: seen.append(command) or 0)
    monkeypatch.chdir(tmp_path)
    assert launcher.main(["situs", "hasil"]) == 0
    assert launcher.main(["situs"]) == 0
    assert seen[0][1:] == ["-m", "tools.site", str(tmp_path / "hasil")]
    assert seen[1][1:] == ["-m", "tools.site"]
