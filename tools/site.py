"""Situs baca seri Saraf: semua pelajaran sebagai halaman HTML statis, urut pelajaran.

Setiap pelajaran (``tools/lessons.py``) menjadi ``NN_*.html`` dengan keluaran yang TERSIMPAN di
notebooknya (tidak ada sel yang dijalankan ulang), ditambah ``index.html`` (daftar isi dari
``site_index.md``), ``glosarium.html`` dan ``panduan-pengajar.html`` bila berkas Markdown-nya
ada, semuanya bersambung lewat bilah navigasi templat ``site.html.j2``::

    python mulai.py situs [folder]       # bawaan: _keluaran/situs/
    python -m tools.site [folder]        # sama, dari akar repositori dengan python .venv

Halaman dibuat ``TemplateExporter`` nbconvert (templat ``lab``) lewat API publiknya. Situs
terbaca tanpa internet (tautan relatif, tanpa skrip): rumus menjadi SVG (``tools.site_math``)
dan widget menjadi cuplikan keadaan tersimpannya (``tools.site_widgets``).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2
import nbformat
from nbconvert import TemplateExporter
from nbconvert.filters import Highlight2HTML
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

from saraf.formatting import fixed
from tools.lessons import NOTEBOOK_DIR, ROOT, in_order, notebook_paths
from tools.site_math import math_html
from tools.site_widgets import static_widgets

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT / "_keluaran" / "situs"
SERIES_TITLE = "Saraf: Jaringan Saraf Tiruan dari Nol"
GLOSSARY_NAME, GLOSSARY_HREF = "GLOSARIUM.md", "glosarium.html"  # di folder notebook
GUIDE_NAME, GUIDE_HREF = "PANDUAN_PENGAJAR.md", "panduan-pengajar.html"  # di folder induknya
LAB_CSS, SITE_CSS = "aset/jupyterlab.css", "aset/situs.css"
SUMMARY_LIMIT = 260  # panjang ringkasan maksimum di daftar isi (karakter)
IMAGE_ALT = "Gambar keluaran sel kode"
INDEX = jinja2.Template((HERE / "site_index.md").read_text(encoding="utf-8"))


@dataclass(eq=False)
class Page:
    """Satu halaman situs: pelajaran, glosarium, panduan pengajar, atau daftar isi."""

    href: str  # nama berkas HTML di folder keluaran
    kind: str  # "pelajaran", "glosarium", "panduan", "indeks"
    notebook: object  # NotebookNode yang diubah menjadi halaman ini
    source: Path  # berkas asal: tautan ke berkas ini menjadi tautan ke `href`
    title: str  # Markdown sebaris
    summary: str = ""  # Markdown sebaris, untuk daftar isi
    previous: Page | None = None  # pelajaran sebelum dan sesudahnya (bilah navigasi)
    next: Page | None = None


def build_site(out_dir: Path | str = DEFAULT_OUT, notebooks=None) -> Path:
    """Membangun situs baca dari keluaran tersimpan notebook; mengembalikan folder keluarannya.

    ``notebooks``: ``None`` (folder ``notebooks/``), sebuah folder, atau daftar berkas notebook
    pelajaran; urutannya selalu urutan pelajaran. Glosarium dicari di folder notebook itu,
    panduan pengajar di folder induknya. Halaman lama buatan situs ini di ``out_dir`` dihapus
    lebih dulu; berkas lain dibiarkan.
    """
    out_dir = Path(out_dir).resolve()
    pages = collect_pages(*lesson_paths(notebooks))
    exporter = TemplateExporter(
        template_name="lab", template_file="site.html.j2", extra_template_paths=[str(HERE)],
        filters={"markdown2html": markdown2html, "plain": plain,
                 "highlight_code": Highlight2HTML(pygments_lexer="ipython3")})
    for path in site_files(out_dir):
        path.unlink()
    (out_dir / "aset").mkdir(parents=True, exist_ok=True)
    env = exporter.environment
    lab_css = [env.loader.get_source(env, f"static/{n}.css")[0] for n in ("index", "theme-light")]
    (out_dir / LAB_CSS).write_text("\n".join(lab_css), encoding="utf-8")
    shutil.copyfile(HERE / "site.css", out_dir / SITE_CSS)
    links = {page.source.resolve(): page.href for page in pages}
    for page in pages:
        title = plain(page.title) + ("" if page.kind == "indeks" else " · Saraf")
        resources = {"language_code": "id", "metadata": {"name": title,
                                                         "path": str(page.source.parent)},
                     "saraf": {"page": page, "pages": pages, "links": links,
                               "css": (LAB_CSS, SITE_CSS)}}
        body = exporter.from_notebook_node(page.notebook, resources)[0]
        # Seperti HTMLExporter: teks alt untuk gambar, sel dan keluaran dapat difokus papan ketik.
        body = re.sub(r"<img(?![^>]*\balt=)", f'<img alt="{IMAGE_ALT}"', body)
        body = re.sub(r'<div class="(jp-Cell-inputWrapper"|[^"]*\bjp-OutputArea-output\b)',
                      r'<div tabindex="0" class="\1', body)
        (out_dir / page.href).write_text(body, encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.site [folder]``: membangun situs lalu mencetak letak index.html."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) > 1 or argv[:1] in (["-h"], ["--help"]):
        print(f"Pemakaian: python -m tools.site [folder-keluaran]   (bawaan: {DEFAULT_OUT})")
        return 0 if len(argv) == 1 else 2
    start = time.perf_counter()
    try:
        out_dir = build_site(argv[0] if argv else DEFAULT_OUT, NOTEBOOK_DIR)
    except (ValueError, OSError) as exc:
        print(f"[saraf] Situs baca GAGAL dibangun: {exc}")
        return 1
    pages = [path.name for path in site_files(out_dir) if path.suffix == ".html"]
    lessons = sum(name[0].isdigit() for name in pages)
    seconds = fixed(time.perf_counter() - start, 1)
    print(f"[saraf] Situs baca siap: {lessons} pelajaran, {len(pages)} halaman termasuk daftar "
          f"isi ({seconds} detik). Buka {out_dir / 'index.html'} di peramban.")
    return 0


def lesson_paths(notebooks) -> tuple[Path, list[Path]]:
    """Folder notebook dan berkas pelajaran (urut pelajaran) dari argumen ``notebooks``."""
    if notebooks is None or isinstance(notebooks, (str, os.PathLike)):
        folder = Path(notebooks or NOTEBOOK_DIR)
        paths = notebook_paths(folder)
    else:
        paths = in_order(notebooks)
        folder = paths[0].parent if paths else Path(".")
    if not paths:
        raise ValueError(f"Tidak ada notebook pelajaran (lihat tools/lessons.py) di {folder}.")
    return folder, paths


def collect_pages(folder: Path, paths: list[Path]) -> list[Page]:
    """Daftar isi, halaman pelajaran, lalu glosarium dan panduan (bila berkasnya ada)."""
    pages = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        static_widgets(nb)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        pages.append(Page(path.with_suffix(".html").name, "pelajaran", nb, path,
                          *title_and_summary(first, fallback=path.stem)))
    for page, following in zip(pages, pages[1:]):
        page.next, following.previous = following, page
    for path, href, kind in ((folder / GLOSSARY_NAME, GLOSSARY_HREF, "glosarium"),
                             (folder.parent / GUIDE_NAME, GUIDE_HREF, "panduan")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            pages.append(Page(href, kind, markdown_notebook(text), path,
                              *title_and_summary(text, fallback=path.stem)))
    # Daftar isi bertaut ke berkas asal (dari akar, letak panduan), seperti halaman lain.
    index = INDEX.render(title=SERIES_TITLE, pages=pages, root=folder.parent)
    pages.insert(0, Page("index.html", "indeks", markdown_notebook(index),
                         folder.parent / "index.md", SERIES_TITLE))
    return pages


def title_and_summary(markdown: str, fallback: str) -> tuple[str, str]:
    """Judul (heading ``#`` pertama) dan ringkasan (paragraf pertama sesudahnya, dipendekkan)."""
    lines = markdown.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if start is None:
        return fallback, ""
    paragraph: list[str] = []
    for line in map(str.strip, lines[start + 1:]):
        if not line and paragraph:
            break
        if line and (paragraph or not re.match(r"(#|\||!\[|\[!\[|[-*+] |\d+\. |```|<|>)", line)):
            paragraph.append(line)  # heading, tabel, gambar, lencana, daftar, kode: dilewati
    summary = ""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9*_`(\[\"“])", " ".join(paragraph)):
        if summary and len(summary) + len(sentence) >= SUMMARY_LIMIT:
            break
        summary = f"{summary} {sentence}".strip()
    return lines[start][2:].strip(" #"), summary


def markdown_notebook(text: str):
    """Notebook satu sel Markdown (untuk glosarium, panduan, dan daftar isi)."""
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])


def site_files(out_dir: Path) -> list[Path]:
    """Halaman dan aset buatan situs ini di ``out_dir`` (berkas lain bukan urusannya)."""
    names = ["index.html", GLOSSARY_HREF, GUIDE_HREF, LAB_CSS, SITE_CSS]
    paths = [*map(out_dir.joinpath, names), *sorted(out_dir.glob("[0-9][0-9]_*.html"))]
    return [path for path in paths if path.is_file()]


class SiteRenderer(IPythonRenderer):
    """Renderer Markdown nbconvert dengan rumus SVG dan tautan ke halaman situs."""

    links: dict[Path, str] = {}  # berkas asal (notebook, GLOSARIUM.md, ...) → halaman situs

    def block_math(self, body: str) -> str:
        return math_html(body, display=True)

    def inline_math(self, body: str) -> str:
        return math_html(body, display=False)

    def latex_environment(self, name: str, body: str) -> str:
        return math_html(f"\\begin{{{name}}}{body}\\end{{{name}}}", display=True)

    def link(self, text: str, url: str, title: str | None = None) -> str:
        badge = re.fullmatch(r'\s*<img src="https?://[^"]*" alt="([^"]+)"[^>]*>\s*', text)
        if badge:  # lencana dari internet ("Buka di Colab"): teks saja, terbaca luring
            text = f'<span class="saraf-lencana">{badge.group(1)}</span>'
        target = site_href(url, Path(self.path), self.links)
        if target is None:  # berkas repositori yang bukan halaman situs: tanpa tautan
            note = f"Berkas di repositori: {unquote(url)}".replace('"', "&quot;")
            return f'<span class="saraf-berkas" title="{note}">{text}</span>'
        return super().link(text, target, title)


@jinja2.pass_context
def markdown2html(context, source: str) -> str:
    """Filter Jinja ``markdown2html`` untuk templat situs (menggantikan filter bawaan)."""
    resources = context["resources"]
    renderer = SiteRenderer(escape=False, embed_images=True, path=resources["metadata"]["path"],
                            attachments=context.get("cell", {}).get("attachments", {}))
    renderer.links = resources["saraf"]["links"]
    return MarkdownWithMath(renderer=renderer).render(source)


def plain(markdown: str) -> str:
    """Teks polos dari Markdown sebaris (untuk <title> dan bilah navigasi)."""
    return re.sub(r"[*_`]", "", markdown).strip()


def site_href(url: str, base_dir: Path, links: dict[Path, str]) -> str | None:
    """Tautan ke berkas sumber situs menjadi tautan ke halamannya; tautan luar dan ``#...``
    tetap; ``None`` untuk berkas repositori lain (yang bukan halaman situs)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return url
    target = links.get((base_dir / unquote(parts.path)).resolve())
    if target is None:
        return None
    return target + (f"#{parts.fragment}" if parts.fragment else "")


if __name__ == "__main__":
    sys.exit(main())
