"""Rumus LaTeX situs baca sebagai SVG, digambar saat pembangunan dengan mathtext Matplotlib.

Situs baca tidak memuat MathJax (tanpa skrip dari internet dan tanpa salinan MathJax puluhan
megabita): setiap rumus menjadi satu ``<svg>`` kecil berwarna teks. Rumus yang tidak dapat
digambar mathtext ditampilkan sebagai kode LaTeX-nya.
"""

from __future__ import annotations

import functools
import html
import re
import warnings

BRACED = r"\{((?:[^{}]|\{[^{}]*\})*)\}"  # {...}, boleh berisi satu tingkat {...} lagi

#: Perintah LaTeX yang tidak dikenal mathtext, diganti padanan yang dikenalnya. mathtext tidak
#: punya kurung kurawal bawah: ``\underbrace{A}_{B}`` menjadi A bergaris bawah, B di bawahnya.
TEX_REPLACEMENTS = (
    (re.compile(r"\\le(?![A-Za-z])"), r"\\leq"),
    (re.compile(r"\\ge(?![A-Za-z])"), r"\\geq"),
    (re.compile(r"\\[lr]Vert(?![A-Za-z])"), r"\\Vert"),
    (re.compile(r"\\[lr]vert(?![A-Za-z])"), "|"),
    (re.compile(r"\\underbrace\s*" + BRACED + r"_" + BRACED),
     lambda m: f"\\underset{{{m[2]}}}{{\\underline{{{m[1]}}}}}"),
)
EM = 100  # satuan path SVG per em
MATH_SCALE = 1.12  # rumus sedikit lebih besar dari teks, seperti MathJax di JupyterLab


def mathtext_source(tex: str) -> str:
    """Rumus LaTeX ditulis ulang dengan perintah yang dikenal mathtext."""
    for pattern, replacement in TEX_REPLACEMENTS:
        tex = pattern.sub(replacement, tex)
    return tex


@functools.lru_cache(maxsize=None)
def math_html(tex: str, display: bool) -> str:
    """Satu rumus sebagai ``<span>`` sebaris atau ``<div>`` blok berisi SVG (atau kode LaTeX)."""
    source = tex.strip()
    if display:  # rumus blok: pecahan bergaya tampilan, seperti $$...$$ di MathJax
        source = re.sub(r"\\frac(?![A-Za-z])", r"\\dfrac", source)
    delimiter = "$$" if display else "$"
    svg = tex_svg(source, label=tex.strip()) or \
        f'<code class="saraf-tex">{html.escape(delimiter + tex + delimiter)}</code>'
    if display:
        return f'<div class="saraf-rumus saraf-rumus-blok">{svg}</div>'
    return f'<span class="saraf-rumus">{svg}</span>'


def tex_svg(tex: str, label: str) -> str | None:
    """Rumus LaTeX menjadi SVG sebaris berwarna teks (``label``: teks untuk pembaca layar)."""
    from matplotlib import rc_context
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path as MplPath
    from matplotlib.textpath import TextPath

    try:
        with warnings.catch_warnings(record=True) as caught, \
                rc_context({"mathtext.fontset": "cm"}):
            warnings.simplefilter("always")
            path = TextPath((0, 0), f"${mathtext_source(tex)}$", size=EM,
                            prop=FontProperties(size=EM))
    except ValueError:  # galat parser mathtext: perintah yang tidak dikenal
        return None
    if caught or not tex or not len(path.vertices):  # glyph hilang atau rumus kosong
        return None
    letters = {MplPath.MOVETO: "M", MplPath.LINETO: "L", MplPath.CURVE3: "Q",
               MplPath.CURVE4: "C", MplPath.CLOSEPOLY: "Z"}
    d = "".join(letters[code] + ("" if code == MplPath.CLOSEPOLY else " ".join(
        f"{v:.0f}" if i % 2 == 0 else f"{-v:.0f}" for i, v in enumerate(vertices)))
        for vertices, code in path.iter_segments(curves=True, simplify=False))
    # Kotak dari titik kontrol (sedikit lebih besar dari tinta, jauh lebih cepat); y dibalik.
    pad = 0.04 * EM
    (x0, y0), (x1, y1) = path.vertices.min(axis=0) - pad, path.vertices.max(axis=0) + pad
    width, height, scale = x1 - x0, y1 - y0, MATH_SCALE / EM
    label = html.escape(label, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0f} {-y1:.0f} {width:.0f} '
        f'{height:.0f}" style="width:{width * scale:.3f}em;height:{height * scale:.3f}em;'
        f'vertical-align:{y0 * scale:.3f}em" role="img" aria-label="{label}">'
        f'<title>{label}</title><path fill="currentColor" d="{d}"/></svg>'
    )
