"""Situs baca seri Saraf (``python mulai.py situs [folder]``, bawaan ``_keluaran/situs/``).

Setiap pelajaran (``tools/lessons.py``) menjadi ``NN_*.html`` berisi keluaran yang TERSIMPAN di
notebooknya, ditambah daftar isi ``index.html`` (``site_index.md``) serta glosarium dan panduan
pengajar bila berkasnya ada, bersambung lewat bilah navigasi templat ``site.html.j2`` (templat
``lab`` nbconvert, tanpa skrip). Situs terbaca tanpa internet: rumus menjadi SVG
(``tools.site_math``) dan widget menjadi cuplikan keadaan tersimpannya (``tools.site_widgets``).
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2
import nbformat
from nbconvert import TemplateExporter
from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
from nbformat.v4 import new_markdown_cell, new_notebook

from saraf.formatting import fixed
from tools.lessons import NOTEBOOK_DIR, ROOT, notebook_paths
from tools.site_math import math_html
from tools.site_widgets import static_widgets

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT / "_keluaran" / "situs"
SERIES_TITLE = "Saraf: Jaringan Saraf Tiruan dari Nol"
GLOSSARY_NAME, GLOSSARY_HREF = "GLOSARIUM.md", "glosarium.html"  # di folder notebook
GUIDE_NAME, GUIDE_HREF = "PANDUAN_PENGAJAR.md", "panduan-pengajar.html"  # di folder induknya
CSS = "aset/situs.css"  # satu untuk semua halaman
SUMMARY_LIMIT = 260  # panjang ringkasan maksimum di daftar isi (karakter)
IMAGE_ALT = "Gambar keluaran sel kode"
INDEX = jinja2.Template((HERE / "site_index.md").read_text(encoding="utf-8"))


@dataclass(eq=False)  # halaman saling bertaut: dibandingkan menurut identitasnya
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


def build_site(out_dir: Path | str = DEFAULT_OUT, notebooks: Path | str | None = None) -> Path:
    """Membangun situs baca dari folder ``notebooks`` (bawaan ``notebooks/``; glosarium di folder
    itu, panduan pengajar di induknya) ke ``out_dir``, lalu mengembalikan ``out_dir``. Halaman
    lama buatan situs ini di ``out_dir`` dihapus lebih dulu; berkas lain dibiarkan."""
    out_dir = Path(out_dir).resolve()
    pages = collect_pages(Path(notebooks or NOTEBOOK_DIR))
    exporter = TemplateExporter(
        template_name="lab", template_file="site.html.j2", extra_template_paths=[str(HERE)],
        filters={"markdown2html": markdown2html, "plain": plain,
                 "highlight_code": "nbconvert.filters.Highlight2HTML"})  # lexer ipython3
    for path in site_files(out_dir):
        path.unlink()
    (out_dir / "aset").mkdir(parents=True, exist_ok=True)
    css = exporter.environment.get_template("site.css").render()  # CSS JupyterLab + gaya situs
    (out_dir / CSS).write_text(css, encoding="utf-8")
    links = {page.source.resolve(): page.href for page in pages}
    for page in pages:
        title = plain(page.title) + ("" if page.kind == "indeks" else " · Saraf")
        resources = {"language_code": "id", "css": CSS, "page": page, "pages": pages,
                     "links": links, "metadata": {"name": title, "path": str(page.source.parent)}}
        body = exporter.from_notebook_node(page.notebook, resources)[0]
        # Seperti HTMLExporter: teks alt untuk gambar, sel dan keluaran dapat difokus papan ketik.
        body = re.sub(r"<img(?![^>]*\balt=)", f'<img alt="{IMAGE_ALT}"', body)
        body = re.sub(r'<div class="(jp-Cell-inputWrapper|[^"]*\bjp-OutputArea-output)(?=[ "])',
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


def collect_pages(folder: Path) -> list[Page]:
    """Daftar isi, pelajaran (urut pelajaran), lalu glosarium dan panduan bila berkasnya ada."""
    pages = []
    for path in notebook_paths(folder):
        nb = nbformat.read(path, as_version=4)
        static_widgets(nb)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        pages.append(Page(path.with_suffix(".html").name, "pelajaran", nb, path,
                          *title_and_summary(first, fallback=path.stem)))
    if not pages:
        raise ValueError(f"Tidak ada notebook pelajaran (lihat tools/lessons.py) di {folder}.")
    for page, following in zip(pages, pages[1:]):
        page.next, following.previous = following, page
    for path, href, kind in ((folder / GLOSSARY_NAME, GLOSSARY_HREF, "glosarium"),
                             (folder.parent / GUIDE_NAME, GUIDE_HREF, "panduan")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            pages.append(Page(href, kind, new_notebook(cells=[new_markdown_cell(text)]), path,
                              *title_and_summary(text, fallback=path.stem)))
    index = INDEX.render(title=SERIES_TITLE, pages=pages, root=folder.parent)
    pages.insert(0, Page("index.html", "indeks", new_notebook(cells=[new_markdown_cell(index)]),
                         folder.parent / "index.md", SERIES_TITLE))
    return pages


def title_and_summary(markdown: str, fallback: str) -> tuple[str, str]:
    """Judul (heading ``#`` pertama) dan ringkasan: kalimat-kalimat awal paragraf teks pertama
    sesudahnya (bukan heading, tabel, gambar, lencana, daftar, kode), dipendekkan."""
    heading = re.search(r"^# (.*)", markdown, flags=re.M)
    if heading is None:
        return fallback, ""
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", markdown[heading.end():]))
    skipped = r"(#|\||!\[|\[!\[|[-*+] |\d+\. |```|<|>)"
    paragraph = next((block for block in blocks if block and not re.match(skipped, block)), "")
    summary = ""
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9*_`(\[\"“])", paragraph):
        if summary and len(summary) + len(sentence) >= SUMMARY_LIMIT:
            break
        summary = f"{summary} {sentence}".strip()
    return heading[1].strip(" #"), summary


def site_files(out_dir: Path) -> list[Path]:
    """Halaman dan CSS buatan situs ini di ``out_dir`` (berkas lain bukan urusannya)."""
    paths = [out_dir / name for name in ("index.html", GLOSSARY_HREF, GUIDE_HREF, CSS)]
    return [path for path in paths + sorted(out_dir.glob("[0-9][0-9]_*.html")) if path.is_file()]


class SiteRenderer(IPythonRenderer):
    """Renderer Markdown nbconvert dengan rumus SVG dan tautan ke halaman situs: tautan ke berkas
    asal sebuah halaman menjadi tautan ke halaman itu, tautan ke berkas repositori lain dilepas."""

    links: dict[Path, str] = {}  # berkas asal (notebook, GLOSARIUM.md, ...) → halaman situs
    block_math = staticmethod(partial(math_html, display=True))  # $$...$$
    inline_math = staticmethod(partial(math_html, display=False))  # $...$

    def latex_environment(self, name: str, body: str) -> str:  # \begin{...} di luar $$
        return math_html(f"\\begin{{{name}}}{body}\\end{{{name}}}", display=True)

    def link(self, text: str, url: str, title: str | None = None) -> str:
        badge = re.fullmatch(r'\s*<img src="https?://[^"]*" alt="([^"]+)"[^>]*>\s*', text)
        if badge:  # lencana dari internet ("Buka di Colab"): teks saja, terbaca luring
            text = f'<span class="saraf-lencana">{badge.group(1)}</span>'
        parts = urlsplit(url)
        if parts.path and not (parts.scheme or parts.netloc):  # tautan relatif ke sebuah berkas
            target = self.links.get((Path(self.path) / unquote(parts.path)).resolve())
            if target is None:  # berkas repositori yang bukan halaman situs: tanpa tautan
                note = f"Berkas di repositori: {unquote(url)}".replace('"', "&quot;")
                return f'<span class="saraf-berkas" title="{note}">{text}</span>'
            url = target + (f"#{parts.fragment}" if parts.fragment else "")
        return super().link(text, url, title)


@jinja2.pass_context
def markdown2html(context, source: str) -> str:
    """Filter Jinja ``markdown2html`` untuk templat situs (menggantikan filter bawaan)."""
    resources = context["resources"]
    renderer = SiteRenderer(escape=False, embed_images=True, path=resources["metadata"]["path"],
                            attachments=context.get("cell", {}).get("attachments"))
    renderer.links = resources["links"]
    return MarkdownWithMath(renderer=renderer).render(source)


def plain(markdown: str) -> str:
    """Teks polos dari Markdown sebaris (untuk <title> dan bilah navigasi)."""
    return re.sub(r"[*_`]", "", markdown).strip()


if __name__ == "__main__":
    sys.exit(main())
