"""Situs baca seri Saraf: semua pelajaran sebagai halaman HTML statis, urut pelajaran.

Setiap notebook ``notebooks/NN_*.ipynb`` diubah menjadi ``NN_*.html`` beserta keluaran yang
TERSIMPAN di notebook itu: tidak ada sel yang dijalankan ulang, jadi pembangunan cepat dan
hasilnya sama dengan yang dilihat pembelajar di JupyterLab. Halaman-halaman itu disambungkan
dengan bilah navigasi (sebelumnya, daftar isi, berikutnya) dan sebuah ``index.html``::

    python mulai.py situs                # ke _keluaran/situs/
    python mulai.py situs folder/lain    # ke folder lain
    python -m saraf.site [folder]        # sama, langsung dari lingkungan .venv

Bila ada, ``notebooks/GLOSARIUM.md`` menjadi ``glosarium.html`` dan ``PANDUAN_PENGAJAR.md``
(di akar repositori) menjadi ``panduan-pengajar.html``.

Situs ini dapat dibaca tanpa internet, dibuka langsung dari disk (``file://``) atau dari
server statis mana pun; semua tautannya relatif. Tidak ada skrip dari CDN:

* rumus LaTeX digambar menjadi SVG saat pembangunan (mathtext Matplotlib); rumus yang tidak
  dapat digambar ditampilkan sebagai kode LaTeX apa adanya;
* widget interaktif tidak dapat berjalan tanpa kernel Python, jadi setiap widget ditampilkan
  sebagai cuplikan keadaan tersimpannya (teks, gambar, dan nilai kontrolnya, tidak dapat
  diubah) dengan catatan untuk membuka notebook di JupyterLab.

Modul ini butuh ``nbconvert`` (terpasang di lingkungan kursus bersama JupyterLab).
"""

from __future__ import annotations

import base64
import functools
import html
import mimetypes
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_DIR = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "_keluaran" / "situs"

SERIES_TITLE = "Saraf: Jaringan Saraf Tiruan dari Nol"
GLOSSARY_NAME = "GLOSARIUM.md"  # di folder notebook
GUIDE_NAME = "PANDUAN_PENGAJAR.md"  # di folder induk folder notebook (akar repositori)
GLOSSARY_HREF = "glosarium.html"
GUIDE_HREF = "panduan-pengajar.html"
ASSET_DIR = "aset"
LAB_CSS = f"{ASSET_DIR}/jupyterlab.css"
SITE_CSS = f"{ASSET_DIR}/situs.css"

LESSON_GLOB = "[0-9][0-9]_*.ipynb"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = "buka notebook ini di JupyterLab untuk mencobanya."
SUMMARY_LIMIT = 260  # panjang ringkasan maksimum di daftar isi (karakter)
IMAGE_ALT = "Gambar keluaran sel kode"

INTRO_PARAGRAPHS = (
    "Seri notebook berbahasa Indonesia tentang jaringan saraf tiruan (JST): dari array "
    "NumPy dan satu neuron, lewat konvolusi, ReLU, pooling, dan softmax, sampai "
    "<em>convolutional neural network</em> (CNN) dengan Keras yang mengenali tulisan "
    "tangan Anda sendiri.",
    "Situs ini untuk <strong>membaca</strong>: setiap halaman menampilkan teks, kode, dan "
    "keluaran yang tersimpan di notebook, tanpa menjalankan apa pun, dan dapat dibuka tanpa "
    "internet. Untuk menjalankan kode dan mencoba widget interaktif, buka seri ini di "
    "JupyterLab dengan <code>python mulai.py</code>.",
    "Kerjakan pelajaran secara berurutan: setiap pelajaran memakai gagasan dari pelajaran "
    "sebelumnya.",
)


@dataclass
class _Page:
    """Satu halaman situs: pelajaran, glosarium, atau panduan pengajar."""

    href: str  # nama berkas HTML di folder keluaran
    source: Path
    title: str  # teks polos, untuk <title>
    title_html: str  # HTML sebaris, untuk navigasi dan daftar isi
    kind: str  # "pelajaran", "glosarium", "panduan"
    summary_html: str = ""
    markdown: str = ""  # isi berkas .md (hanya untuk glosarium dan panduan)
    notebook: object = None  # NotebookNode (hanya untuk pelajaran)


# --------------------------------------------------------------------------------------
# API


def build_site(out_dir: Path | str = DEFAULT_OUT,
               notebooks: Path | str | Iterable[Path | str] | None = None) -> Path:
    """Membangun situs baca dari keluaran tersimpan notebook; mengembalikan folder keluarannya.

    ``notebooks`` boleh ``None`` (folder ``notebooks/`` repositori), sebuah folder (semua
    ``NN_*.ipynb`` di dalamnya), atau daftar berkas notebook. Glosarium dicari di folder
    notebook itu (``GLOSARIUM.md``) dan panduan pengajar di folder induknya
    (``PANDUAN_PENGAJAR.md``); keduanya hanya dibangun bila berkasnya ada. Halaman lama
    buatan situs ini di ``out_dir`` dihapus lebih dulu, berkas lain dibiarkan. Fungsi ini
    tidak mencetak apa pun.
    """
    return _build(out_dir, notebooks)[0]


def _build(out_dir, notebooks) -> tuple[Path, list[_Page]]:
    out_dir = Path(out_dir).resolve()
    folder, paths = _lesson_paths(notebooks)
    pages = _collect_pages(folder, paths)
    exporter = _make_exporter()

    _remove_old_pages(out_dir)
    (out_dir / ASSET_DIR).mkdir(parents=True, exist_ok=True)
    (out_dir / LAB_CSS).write_text(_lab_css(exporter), encoding="utf-8")
    (out_dir / SITE_CSS).write_text(_SITE_STYLE, encoding="utf-8")

    links = {page.source.resolve(): page.href for page in pages}
    for page in pages:
        page_html = _render_page(exporter, page, pages, links)
        (out_dir / page.href).write_text(page_html, encoding="utf-8")
    (out_dir / "index.html").write_text(_index_html(pages), encoding="utf-8")
    return out_dir, pages


def main(argv: list[str] | None = None) -> int:
    """``python -m saraf.site [folder]``: membangun situs lalu mencetak letak index.html."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("-h", "--help", "bantuan"):
        print("Pemakaian: python -m saraf.site [folder-keluaran]\n"
              f"Tanpa argumen, situs dibangun di {DEFAULT_OUT}.")
        return 0
    if len(argv) > 1:
        print("[saraf] Sebutkan paling banyak satu folder keluaran, misalnya: "
              "python -m saraf.site _keluaran/situs")
        return 2
    start = time.perf_counter()
    try:
        out_dir, pages = _build(argv[0] if argv else DEFAULT_OUT, None)
    except (ValueError, ImportError, OSError) as exc:
        print(f"[saraf] Situs baca GAGAL dibangun: {exc}")
        return 1
    seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
    lessons = sum(page.kind == "pelajaran" for page in pages)
    total = len(pages) + 1  # + index.html
    print(f"[saraf] Situs baca siap: {lessons} pelajaran, {total} halaman termasuk daftar isi "
          f"({seconds} detik). Buka {out_dir / 'index.html'} di peramban.")
    return 0


# --------------------------------------------------------------------------------------
# Mengumpulkan halaman


def _lesson_paths(notebooks) -> tuple[Path, list[Path]]:
    if notebooks is None:
        notebooks = NOTEBOOK_DIR
    if isinstance(notebooks, (str, os.PathLike)):
        folder = Path(notebooks)
        if not folder.is_dir():
            raise ValueError(f"Folder notebook {folder} tidak ada.")
        paths = sorted(folder.glob(LESSON_GLOB))
    else:
        paths = sorted((Path(p) for p in notebooks), key=lambda p: p.name)
        folder = paths[0].parent if paths else Path(".")
    if not paths:
        raise ValueError(f"Tidak ada notebook pelajaran (NN_nama.ipynb) di {folder}.")
    names = [p.name for p in paths]
    if len(set(names)) != len(names):
        raise ValueError(f"Ada nama notebook yang sama dua kali: {names}.")
    return folder, paths


def _collect_pages(folder: Path, paths: list[Path]) -> list[_Page]:
    import nbformat

    pages = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        title_md, paragraph = _title_and_intro(nb, fallback=path.stem)
        pages.append(_Page(
            href=path.with_suffix(".html").name,
            source=path,
            title=_plain(title_md),
            title_html=_inline_html(title_md),
            kind="pelajaran",
            summary_html=_inline_html(_shorten(paragraph)) if paragraph else "",
            notebook=nb,
        ))
    for path, href, kind, fallback in (
        (folder / GLOSSARY_NAME, GLOSSARY_HREF, "glosarium", "Glosarium"),
        (folder.parent / GUIDE_NAME, GUIDE_HREF, "panduan", "Panduan Pengajar"),
    ):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            title_md, paragraph = _title_and_intro_md(text, fallback)
            pages.append(_Page(href=href, source=path, title=_plain(title_md),
                               title_html=_inline_html(title_md), kind=kind,
                               summary_html=_inline_html(_shorten(paragraph)) if paragraph
                               else "", markdown=text))
    return pages


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")


def _title_and_intro_md(text: str, fallback: str) -> tuple[str, str]:
    """Judul (heading ``#`` pertama) dan paragraf pertama sesudahnya, dalam Markdown."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        match = _HEADING.match(line)
        if match:
            return match.group(1), _first_paragraph(lines[i + 1:])
    return fallback, ""


def _title_and_intro(nb, fallback: str) -> tuple[str, str]:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            title, paragraph = _title_and_intro_md(cell.source, "")
            if title:
                return title, paragraph
    return fallback, ""


def _first_paragraph(lines: list[str]) -> str:
    block: list[str] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if block:
                break
            continue
        if not block and re.match(r"(#|\||!\[|\[!\[|[-*+] |\d+\. |```|<|>)", stripped):
            continue  # bukan paragraf: heading, tabel, gambar, lencana, daftar, kode, HTML
        block.append(stripped)
    return " ".join(block)


def _shorten(text: str, limit: int = SUMMARY_LIMIT) -> str:
    """Kalimat-kalimat pertama ``text`` sampai ``limit`` karakter (minimal satu kalimat)."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9*_`(\[\"“])", text.strip())
    summary = ""
    for sentence in sentences:
        candidate = f"{summary} {sentence}".strip()
        if summary and len(_plain(candidate)) > limit:
            break
        summary = candidate
    if len(_plain(summary)) > limit:  # satu kalimat yang terlalu panjang: potong polos
        plain = _plain(summary)
        summary = html.escape(plain[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …")
    return summary


# --------------------------------------------------------------------------------------
# Markdown, rumus, dan tautan


def _renderer_class():
    from nbconvert.filters.markdown_mistune import IPythonRenderer

    class SiteRenderer(IPythonRenderer):
        """Renderer Markdown nbconvert dengan rumus SVG dan tautan ke halaman situs."""

        def __init__(self, *args, base_dir: Path | None = None,
                     links: dict[Path, str] | None = None, **kwargs):
            super().__init__(*args, **kwargs)
            self.base_dir = base_dir
            self.links = links

        def block_math(self, body: str) -> str:
            return _math_html(body, display=True)

        def inline_math(self, body: str) -> str:
            return _math_html(body, display=False)

        def latex_environment(self, name: str, body: str) -> str:
            return _math_html(f"\\begin{{{name}}}{body}\\end{{{name}}}", display=True)

        def link(self, text: str, url: str, title: str | None = None) -> str:
            if self.links is None or self.base_dir is None:
                return super().link(text, url, title)
            badge = re.fullmatch(r'\s*<img src="https?://[^"]*" alt="([^"]+)"[^>]*>\s*', text)
            if badge:  # lencana dari internet ("Buka di Colab"): teks saja, terbaca luring
                text = f'<span class="saraf-lencana">{badge.group(1)}</span>'
            target = _site_href(url, self.base_dir, self.links)
            if target is None:  # berkas repositori yang bukan halaman situs: tanpa tautan
                note = html.escape(f"Berkas di repositori: {unquote(url)}", quote=True)
                return f'<span class="saraf-berkas" title="{note}">{text}</span>'
            return super().link(text, target, title)

        def image(self, text: str, url: str, title: str | None = None) -> str:
            if self.base_dir is not None and not url.startswith(("attachment:", "data:")):
                url = _data_uri(self.base_dir, url) or url
            return super().image(text, url, title)

    return SiteRenderer


def _markdown_to_html(text: str, **renderer_options) -> str:
    from nbconvert.filters.markdown_mistune import MarkdownWithMath

    renderer = _renderer_class()(escape=False, **renderer_options)
    return MarkdownWithMath(renderer=renderer).render(text)


def _inline_html(markdown_text: str) -> str:
    """Markdown satu baris menjadi HTML sebaris (tanpa <p> dan tanpa tautan)."""
    rendered = _markdown_to_html(markdown_text, exclude_anchor_links=True).strip()
    rendered = re.sub(r"^<p>(.*)</p>$", r"\1", rendered, flags=re.S)
    return re.sub(r"</?a\b[^>]*>", "", rendered)


def _plain(markdown_text: str) -> str:
    """Teks polos dari Markdown sebaris (untuk <title> dan panjang ringkasan)."""
    rendered = _markdown_to_html(markdown_text, exclude_anchor_links=True)
    rendered = re.sub(r"<svg\b.*?</svg>", lambda m: _svg_label(m.group(0)), rendered, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", rendered))).strip()


def _svg_label(svg: str) -> str:
    match = re.search(r'aria-label="([^"]*)"', svg)
    return match.group(1) if match else ""


def _site_href(url: str, base_dir: Path, links: dict[Path, str]) -> str | None:
    """Tautan relatif ke notebook/Markdown seri menjadi tautan ke halaman situsnya.

    Mengembalikan ``url`` apa adanya untuk tautan luar (http, mailto, ...) dan tautan di
    halaman yang sama (``#...``), dan ``None`` untuk berkas repositori lain.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return url
    target = (base_dir / unquote(parts.path)).resolve()
    if target in links:
        return links[target] + (f"#{parts.fragment}" if parts.fragment else "")
    return None


def _data_uri(base_dir: Path, url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = (base_dir / unquote(parts.path)).resolve()
    if not path.is_file():
        return None
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


#: Perintah LaTeX yang tidak dikenal mathtext Matplotlib, diganti padanan yang dikenalnya.
_TEX_REPLACEMENTS = (
    (re.compile(r"\\le(?![A-Za-z])"), r"\\leq"),
    (re.compile(r"\\ge(?![A-Za-z])"), r"\\geq"),
    (re.compile(r"\\[lr]Vert(?![A-Za-z])"), r"\\Vert"),
    (re.compile(r"\\[lr]vert(?![A-Za-z])"), "|"),
)
_EM = 100  # satuan path SVG per em
_MATH_SCALE = 1.12  # rumus sedikit lebih besar dari teks, seperti MathJax di JupyterLab


def _mathtext_source(tex: str) -> str:
    for pattern, replacement in _TEX_REPLACEMENTS:
        tex = pattern.sub(replacement, tex)
    return _replace_underbrace(tex)


def _replace_underbrace(tex: str) -> str:
    r"""``\underbrace{A}_{B}`` menjadi A bergaris bawah dengan B di bawahnya.

    mathtext tidak punya kurung kurawal bawah; garis bawah menandai bagian yang diberi nama.
    """
    marker = "\\underbrace"
    while marker in tex:
        start = tex.index(marker)
        body, end = _braced(tex, start + len(marker))
        if body is None or not tex.startswith("_", end):
            return tex
        under, end2 = _braced(tex, end + 1)
        if under is None:
            under, end2 = tex[end + 1:end + 2], end + 2
        tex = f"{tex[:start]}\\underset{{{under}}}{{\\underline{{{body}}}}}{tex[end2:]}"
    return tex


def _braced(tex: str, i: int) -> tuple[str | None, int]:
    while i < len(tex) and tex[i] == " ":
        i += 1
    if i >= len(tex) or tex[i] != "{":
        return None, i
    depth = 0
    for j in range(i, len(tex)):
        depth += {"{": 1, "}": -1}.get(tex[j], 0)
        if depth == 0:
            return tex[i + 1:j], j + 1
    return None, i


@functools.lru_cache(maxsize=None)
def _math_html(tex: str, display: bool) -> str:
    source = tex.strip()
    if display:  # rumus blok: pecahan bergaya tampilan, seperti $$...$$ di MathJax
        source = re.sub(r"\\frac(?![A-Za-z])", r"\\dfrac", source)
    svg = _tex_svg(source, label=tex.strip())
    if svg is None:  # tidak dapat digambar: tampilkan kode LaTeX-nya apa adanya
        delimiter = "$$" if display else "$"
        svg = f'<code class="saraf-tex">{html.escape(delimiter + tex + delimiter)}</code>'
    if display:
        return f'<div class="saraf-rumus saraf-rumus-blok">{svg}</div>'
    return f'<span class="saraf-rumus">{svg}</span>'


def _tex_svg(tex: str, label: str | None = None) -> str | None:
    """Rumus LaTeX menjadi SVG sebaris (path, warna teks), atau None bila gagal.

    ``label`` (bawaan: ``tex``) menjadi teks alternatif SVG untuk pembaca layar.
    """
    if not tex:
        return None
    try:
        from matplotlib import rc_context
        from matplotlib.font_manager import FontProperties
        from matplotlib.textpath import TextPath
    except ImportError:
        return None
    try:
        with warnings.catch_warnings(record=True) as caught, \
                rc_context({"mathtext.fontset": "cm"}):
            warnings.simplefilter("always")
            path = TextPath((0, 0), f"${_mathtext_source(tex)}$", size=_EM,
                            prop=FontProperties(size=_EM))
    except Exception:  # galat parser mathtext: perintah yang tidak dikenal
        return None
    if caught or not len(path.vertices):  # glyph hilang atau rumus kosong
        return None
    # Kotak dari titik kontrol (sedikit lebih besar dari tinta, jauh lebih cepat).
    (x0, y0), (x1, y1) = path.vertices.min(axis=0), path.vertices.max(axis=0)
    pad = 0.04 * _EM
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    width, height = x1 - x0, y1 - y0
    scale = _MATH_SCALE / _EM
    label = html.escape(tex if label is None else label, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0f} {-y1:.0f} {width:.0f} '
        f'{height:.0f}" style="width:{width * scale:.3f}em;height:{height * scale:.3f}em;'
        f'vertical-align:{y0 * scale:.3f}em" role="img" aria-label="{label}">'
        f'<title>{label}</title><path fill="currentColor" d="{_svg_path(path)}"/></svg>'
    )


def _svg_path(path) -> str:
    """Path Matplotlib menjadi atribut ``d`` SVG (sumbu y dibalik)."""
    from matplotlib.path import Path as MplPath

    letters = {MplPath.MOVETO: "M", MplPath.LINETO: "L", MplPath.CURVE3: "Q",
               MplPath.CURVE4: "C"}
    parts = []
    for vertices, code in path.iter_segments(curves=True, simplify=False):
        if code == MplPath.CLOSEPOLY:
            parts.append("Z")
            continue
        coords = " ".join(f"{v:.0f}" if i % 2 == 0 else f"{-v:.0f}"
                          for i, v in enumerate(vertices))
        parts.append(f"{letters[code]}{coords}")
    return "".join(parts)


# --------------------------------------------------------------------------------------
# Widget: cuplikan keadaan tersimpan


def _widget_html(view: dict, fallback_text: str, state: dict) -> str:
    """Pengganti keluaran widget: catatan berbahasa Indonesia + cuplikan keadaan tersimpannya."""
    snapshot = ""
    model_id = view.get("model_id") if isinstance(view, dict) else None
    if model_id and model_id in state:
        snapshot = _widget_model_html(model_id, state, depth=0)
    name = ""
    match = re.match(r"^\s*(.+?)\s*\(jalankan sel", fallback_text or "")
    if match:  # teks pengganti buatan saraf: "Penjelajah konvolusi (jalankan sel ...)"
        name = f" ({html.escape(match.group(1))})"
    note = f"<strong>Widget interaktif</strong>{name}: {WIDGET_NOTE}"
    if snapshot.strip():
        note += (" Di bawah ini keadaan yang tersimpan di notebook; kontrolnya tidak dapat "
                 "diubah di halaman ini.")
        snapshot = f'<div class="saraf-widget-cuplikan" inert>{snapshot}</div>'
    return (f'<div class="saraf-widget"><p class="saraf-widget-catatan">{note}</p>'
            f"{snapshot}</div>")


_BOXES = {"VBoxModel": "kolom", "BoxModel": "kolom", "GridBoxModel": "kolom",
          "AccordionModel": "kolom", "TabModel": "kolom", "StackModel": "kolom",
          "HBoxModel": "baris"}
_BUTTONS = {"ButtonModel", "FileUploadModel", "PlayModel"}
_SELECTIONS = {"DropdownModel", "ToggleButtonsModel", "RadioButtonsModel", "SelectModel",
               "SelectionSliderModel"}


def _widget_model_html(model_id: str, state: dict, depth: int) -> str:
    model = state.get(model_id.removeprefix("IPY_MODEL_"))
    if model is None or depth > 30:
        return ""
    name, values = model.get("model_name", ""), model.get("state", {})
    layout = state.get(str(values.get("layout", "")).removeprefix("IPY_MODEL_"), {})
    if layout.get("state", {}).get("display") == "none" or \
            layout.get("state", {}).get("visibility") == "hidden":
        return ""
    if name in _BOXES:
        children = "".join(_widget_model_html(str(c), state, depth + 1)
                           for c in values.get("children", []))
        return f'<div class="saraf-widget-{_BOXES[name]}">{children}</div>' if children else ""
    if name in ("HTMLModel", "HTMLMathModel"):
        label = _widget_label(values)
        return f'<div class="saraf-widget-html">{label}{values.get("value", "")}</div>'
    if name == "LabelModel":
        text = html.escape(str(values.get("value", "")))
        return f'<span class="saraf-widget-label">{text}</span>'
    value = _widget_value(name, values)
    if value is None:
        return ""  # widget tanpa tampilan statis yang berarti (misalnya anywidget)
    label = "" if name in _BUTTONS else _widget_label(values)
    return f'<span class="saraf-widget-nilai">{label}<b>{value}</b></span>'


def _widget_label(values: dict) -> str:
    description = str(values.get("description", "") or "").strip()
    return f"{html.escape(description)}: " if description else ""


def _widget_value(name: str, values: dict) -> str | None:
    if name in _SELECTIONS:
        labels, index = values.get("_options_labels", []), values.get("index")
        if isinstance(index, int) and 0 <= index < len(labels):
            return html.escape(str(labels[index]))
        return "—"
    if name in ("SelectMultipleModel",):
        labels = values.get("_options_labels", [])
        return html.escape(", ".join(str(labels[i]) for i in values.get("index", [])
                                     if 0 <= i < len(labels))) or "—"
    if name in _BUTTONS:
        symbol = "▶ " if name == "PlayModel" else ""
        return symbol + html.escape(str(values.get("description") or "tombol"))
    if name in ("CheckboxModel", "ToggleButtonModel"):
        return "ya" if values.get("value") else "tidak"
    if name.endswith(("SliderModel", "TextModel", "ProgressModel", "PickerModel")) or \
            name == "TextareaModel":
        value = values.get("value")
        if isinstance(value, list):
            return html.escape(" – ".join(_format_number(v, values) for v in value))
        return html.escape(_format_number(value, values))
    return None


def _format_number(value, values: dict) -> str:
    fmt = values.get("readout_format")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and fmt:
        try:
            return format(value, fmt)
        except (ValueError, TypeError):
            pass
    return str(value)


def _static_widgets(nb) -> None:
    """Mengganti keluaran widget dengan cuplikan HTML dan membuang keadaan widget (di memori)."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                output["data"] = {"text/html": _widget_html(
                    data[WIDGET_VIEW], str(data.get("text/plain", "")), state)}
    nb.metadata.pop("widgets", None)


# --------------------------------------------------------------------------------------
# nbconvert


_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block notebook_css -%}
<link rel="stylesheet" href="{{ resources.saraf.lab_css }}">
<link rel="stylesheet" href="{{ resources.saraf.site_css }}">
{%- endblock notebook_css -%}
{#- Kode sudah diwarnai Pygments (aman), jadi tanpa clean_html (bleach) yang lambat. -#}
{%- block input -%}
<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">
     <div class="cm-editor cm-s-jupyter">
{{ cell.source | highlight_code(metadata=cell.metadata) }}
     </div>
</div>
{%- endblock input -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
<body class="jp-Notebook saraf-halaman" data-jp-theme-light="true"
      data-jp-theme-name="JupyterLab Light">
{{ resources.saraf.nav_top }}
<main>
{%- endblock body_header -%}
{%- block body_footer -%}
</main>
{{ resources.saraf.nav_bottom }}
</body>
{%- endblock body_footer -%}
{%- block footer -%}
</html>
{%- endblock footer -%}
"""


def _make_exporter():
    try:
        from jinja2 import DictLoader, pass_context
        from nbconvert import HTMLExporter, TemplateExporter
        from nbconvert.filters.highlight import Highlight2HTML
        from nbconvert.filters.markdown_mistune import MarkdownWithMath
        from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter
    except ImportError as exc:
        raise ImportError(
            "Situs baca butuh paket nbconvert (bagian dari lingkungan kursus). Jalankan "
            "`python mulai.py siapkan`, lalu `python mulai.py situs`.") from exc

    renderer_class = _renderer_class()

    class SiteExporter(HTMLExporter):
        """HTMLExporter templat lab, tanpa skrip CDN, dengan rumus SVG dan navigasi situs."""

        base_dir: Path | None = None
        links: dict[Path, str] | None = None

        @pass_context
        def markdown2html(self, context, source):
            cell = context.get("cell", {})
            renderer = renderer_class(
                escape=False,
                attachments=cell.get("attachments", {}),
                embed_images=True,
                path=str(self.base_dir or ""),
                anchor_link_text=self.anchor_link_text,
                exclude_anchor_links=self.exclude_anchor_links,
                base_dir=self.base_dir,
                links=self.links,
            )
            return MarkdownWithMath(renderer=renderer).render(source)

        def from_notebook_node(self, nb, resources=None, **kw):
            """Seperti HTMLExporter, tanpa pasca-proses BeautifulSoup-nya.

            Pasca-proses itu (teks alt gambar dan tabindex) memakan separuh waktu
            pembangunan; _finish_html melakukan hal yang sama dengan ekspresi reguler.
            """
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code",
                                 Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            body, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return _finish_html(body), resources

    return SiteExporter(
        template_name="lab",
        template_file="saraf_situs.html.j2",
        extra_loaders=[DictLoader({"saraf_situs.html.j2": _TEMPLATE})],
        language_code="id",
        embed_images=True,
        anchor_link_text="¶",
    )


def _finish_html(body: str) -> str:
    """Teks alt berbahasa Indonesia untuk gambar keluaran, dan sel yang dapat difokus."""
    body = re.sub(r"<img(?![^>]*\balt=)", f'<img alt="{IMAGE_ALT}"', body)
    body = body.replace('<div class="jp-Cell-inputWrapper">',
                        '<div class="jp-Cell-inputWrapper" tabindex="0">')
    return re.sub(r'<div class="([^"]*\bjp-OutputArea-output\b[^"]*)"',
                  r'<div class="\1" tabindex="0"', body)


def _lab_css(exporter) -> str:
    env = exporter.environment
    parts = [env.loader.get_source(env, name)[0]
             for name in ("static/index.css", "static/theme-light.css")]
    return "\n".join(parts)


def _render_page(exporter, page: _Page, pages: list[_Page], links: dict[Path, str]) -> str:
    import copy

    from nbformat.v4 import new_markdown_cell, new_notebook

    if page.kind == "pelajaran":
        nb = copy.deepcopy(page.notebook)
        _static_widgets(nb)
    else:
        nb = new_notebook(cells=[new_markdown_cell(page.markdown)])
        nb.metadata["language_info"] = {"name": "python"}
    nb.metadata["title"] = f"{page.title} · Saraf"
    exporter.base_dir = page.source.parent.resolve()
    exporter.links = links
    resources = {
        "metadata": {"name": page.source.stem, "path": str(exporter.base_dir)},
        "saraf": {
            "lab_css": LAB_CSS,
            "site_css": SITE_CSS,
            "nav_top": _nav_html(page, pages, "atas"),
            "nav_bottom": _nav_html(page, pages, "bawah"),
        },
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def _remove_old_pages(out_dir: Path) -> None:
    if not out_dir.is_dir():
        return
    old = [out_dir / "index.html", out_dir / GLOSSARY_HREF, out_dir / GUIDE_HREF,
           out_dir / LAB_CSS, out_dir / SITE_CSS,
           *out_dir.glob(LESSON_GLOB.replace(".ipynb", ".html"))]
    for path in old:
        if path.is_file():
            path.unlink()


# --------------------------------------------------------------------------------------
# Navigasi dan daftar isi


def _nav_html(page: _Page, pages: list[_Page], position: str) -> str:
    lessons = [p for p in pages if p.kind == "pelajaran"]
    previous = following = ""
    if page in lessons:
        i = lessons.index(page)
        if i > 0:
            p = lessons[i - 1]
            previous = (f'<a rel="prev" href="{p.href}">← Sebelumnya: '
                        f'<span class="saraf-nav-judul">{p.title_html}</span></a>')
        if i + 1 < len(lessons):
            n = lessons[i + 1]
            following = (f'<a rel="next" href="{n.href}">Berikutnya: '
                         f'<span class="saraf-nav-judul">{n.title_html}</span> →</a>')
    middle = ['<a href="index.html">Daftar isi</a>']
    for extra, text in (("glosarium", "Glosarium"), ("panduan", "Panduan pengajar")):
        for p in pages:
            if p.kind == extra:
                current = ' aria-current="page"' if p is page else ""
                middle.append(f'<a href="{p.href}"{current}>{text}</a>')
    label = "Navigasi seri" if position == "atas" else "Navigasi seri (bawah)"
    return (f'<nav class="saraf-nav saraf-nav-{position}" aria-label="{label}">'
            f'<div class="saraf-nav-sebelumnya">{previous}</div>'
            f'<div class="saraf-nav-tengah">{" · ".join(middle)}</div>'
            f'<div class="saraf-nav-berikutnya">{following}</div></nav>')


def _index_html(pages: list[_Page]) -> str:
    items = []
    for page in pages:
        if page.kind != "pelajaran":
            continue
        number, _, rest = page.title_html.partition(" · ")
        if not rest or not re.fullmatch(r"\d+", number):
            number, rest = "", page.title_html
        summary = f'<p class="saraf-ringkasan">{page.summary_html}</p>' if page.summary_html else ""
        items.append(
            f'<li><a href="{page.href}"><span class="saraf-nomor">{number}</span>'
            f'<span class="saraf-judul">{rest}</span></a>{summary}</li>')
    extras = []
    for kind, text in (("glosarium", "arti setiap istilah yang dipakai seri ini."),
                       ("panduan", "cara memakai seri ini di kelas.")):
        for page in pages:
            if page.kind == kind:
                summary = page.summary_html or text
                extras.append(f'<li><a href="{page.href}">{page.title_html}</a>'
                              f'<p class="saraf-ringkasan-pendukung">{summary}</p></li>')
    extra_html = (f'<h2>Bahan Pendukung</h2>\n<ul class="saraf-pendukung">{"".join(extras)}</ul>'
                  if extras else "")
    intro = "\n".join(f'<p class="saraf-pengantar">{p}</p>' for p in INTRO_PARAGRAPHS)
    title = html.escape(SERIES_TITLE)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title}</title>
<link rel="stylesheet" href="{SITE_CSS}">
</head>
<body class="saraf-indeks">
<main>
<header>
<h1>{title}</h1>
{intro}
</header>
<h2>Daftar Pelajaran</h2>
<ol class="saraf-daftar">
{chr(10).join(items)}
</ol>
{extra_html}
<footer><p>Dibangun dari keluaran yang tersimpan di notebook <code>notebooks/</code> dengan
<code>python mulai.py situs</code>.</p></footer>
</main>
</body>
</html>
"""


_SITE_STYLE = """\
/* Gaya situs baca Saraf (navigasi, daftar isi, rumus, widget). */
:root {
  --saraf-aksen: #1c6fb8;
  --saraf-garis: #d0d7de;
  --saraf-latar: #f6f8fa;
  --saraf-teks: #1f2328;
  --saraf-redup: #57606a;
}

/* Dari templat lab nbconvert */
a.anchor-link { display: none; }
.jp-InputArea { overflow: hidden; }
.jp-InputArea-editor { overflow: hidden; }
.cm-editor.cm-s-jupyter .highlight pre {
  padding: var(--jp-code-padding) 4px; margin: 0;
  font-family: inherit; font-size: inherit; line-height: inherit; color: inherit;
}
.jp-OutputArea-output pre { line-height: inherit; font-family: inherit; }
.jp-RenderedText pre { color: var(--jp-content-font-color1); font-size: var(--jp-code-font-size); }
.jp-Collapser { display: none; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { margin: 0.5in; }
@media print {
  .jp-Cell-inputWrapper, .jp-Cell-outputWrapper { display: block; }
  .saraf-nav { display: none; }
}

/* Halaman pelajaran: lebar baca yang nyaman */
body.saraf-halaman { padding: 0; }
body.saraf-halaman main { max-width: 1100px; margin: 0 auto; padding: 8px 16px 24px; }
.jp-RenderedHTMLCommon { font-size: 15px; line-height: 1.6; }

/* Navigasi */
.saraf-nav {
  display: grid; grid-template-columns: 1fr auto 1fr; gap: 8px 16px; align-items: center;
  max-width: 1100px; margin: 0 auto; padding: 10px 16px; box-sizing: border-box;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 14px;
  line-height: 1.4; color: var(--saraf-teks);
}
.saraf-nav-atas { border-bottom: 1px solid var(--saraf-garis); }
.saraf-nav-bawah { border-top: 1px solid var(--saraf-garis); margin-bottom: 24px; }
.saraf-nav a { color: var(--saraf-aksen); text-decoration: none; }
.saraf-nav a:hover, .saraf-nav a:focus { text-decoration: underline; }
.saraf-nav a[aria-current="page"] { color: var(--saraf-teks); font-weight: 600; }
.saraf-nav-tengah { text-align: center; white-space: nowrap; font-weight: 600; }
.saraf-nav-berikutnya { text-align: right; }
@media (max-width: 720px) {
  .saraf-nav { grid-template-columns: 1fr; }
  .saraf-nav-tengah, .saraf-nav-berikutnya { text-align: left; }
}

/* Rumus (SVG dari mathtext Matplotlib) */
.saraf-rumus svg { display: inline-block; overflow: visible; }
.saraf-rumus-blok { text-align: center; margin: 0.8em 0; overflow-x: auto; }
code.saraf-tex { white-space: pre-wrap; }
.saraf-lencana { display: inline-block; padding: 2px 10px; border: 1px solid var(--saraf-garis);
  border-radius: 4px; background: var(--saraf-latar); font-size: 13px; font-weight: 600; }
.saraf-berkas { border-bottom: 1px dotted var(--saraf-redup); }

/* Widget: catatan dan cuplikan keadaan tersimpan */
.saraf-widget { border: 1px dashed #9aa5b1; border-radius: 6px; padding: 8px 12px;
  background: #fbfcfd; margin: 4px 0; max-width: 100%; box-sizing: border-box; }
.saraf-widget-catatan { margin: 0 0 6px; color: var(--saraf-redup); font-size: 14px; }
.saraf-widget-cuplikan { overflow-x: auto; font-size: 13px; }
.saraf-widget-kolom { display: flex; flex-direction: column; gap: 4px; }
.saraf-widget-baris { display: flex; flex-direction: row; flex-wrap: wrap; gap: 8px;
  align-items: flex-start; }
.saraf-widget-nilai { display: inline-block; padding: 1px 8px; border: 1px solid var(--saraf-garis);
  border-radius: 4px; background: var(--saraf-latar); color: var(--saraf-teks);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; width: fit-content; }

/* Daftar isi */
body.saraf-indeks { margin: 0; background: #fff; color: var(--saraf-teks);
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.55; }
body.saraf-indeks main { max-width: 860px; margin: 0 auto; padding: 32px 20px 48px; }
body.saraf-indeks h1 { font-size: 30px; margin: 0 0 12px; }
body.saraf-indeks h2 { font-size: 21px; margin: 32px 0 12px; padding-bottom: 4px;
  border-bottom: 1px solid var(--saraf-garis); }
.saraf-pengantar { font-size: 16px; margin: 8px 0; }
body.saraf-indeks a { color: var(--saraf-aksen); }
.saraf-daftar { list-style: none; padding: 0; margin: 0; }
.saraf-daftar li { padding: 12px 0; border-bottom: 1px solid #eaeef2; }
.saraf-daftar li > a { display: flex; gap: 12px; align-items: baseline; font-size: 18px;
  font-weight: 600; text-decoration: none; }
.saraf-daftar li > a:hover .saraf-judul, .saraf-daftar li > a:focus .saraf-judul {
  text-decoration: underline; }
.saraf-nomor { flex: 0 0 2.2em; color: var(--saraf-redup); font-variant-numeric: tabular-nums; }
.saraf-ringkasan { margin: 4px 0 0 calc(2.2em * 18 / 15 + 12px); color: var(--saraf-redup);
  font-size: 15px; }
.saraf-pendukung { list-style: none; padding: 0; }
.saraf-pendukung li { margin: 10px 0; }
.saraf-pendukung li > a { font-size: 17px; font-weight: 600; text-decoration: none; }
.saraf-ringkasan-pendukung { margin: 2px 0 0; color: var(--saraf-redup); font-size: 15px; }
body.saraf-indeks footer { margin-top: 40px; color: var(--saraf-redup); font-size: 14px; }
body.saraf-indeks code { font-size: 0.92em; background: var(--saraf-latar); padding: 1px 4px;
  border-radius: 3px; }
"""


if __name__ == "__main__":
    sys.exit(main())
