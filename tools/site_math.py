"""Rumus LaTeX situs baca sebagai SVG kecil berwarna teks, digambar saat pembangunan dengan
mathtext Matplotlib (tanpa MathJax, jadi tanpa skrip dari internet). Rumus yang tidak dapat
digambar mathtext ditampilkan sebagai kode LaTeX-nya.
"""

from __future__ import annotations

import functools
import html
import re
import warnings

from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.textpath import TextPath

#: Perintah LaTeX yang tidak dikenal mathtext → padanan yang dikenalnya.
COMMANDS = dict(le=r"\leq", ge=r"\geq", lVert=r"\Vert", rVert=r"\Vert", lvert="|", rvert="|")
#: mathtext tidak punya kurung kurawal bawah: ``\underbrace{A}_{B}`` menjadi A bergaris bawah,
#: B di bawahnya.
BRACED = r"\{((?:[^{}]|\{[^{}]*\})*)\}"  # {...}, boleh berisi satu tingkat {...} lagi
UNDERBRACE = re.compile(rf"\\underbrace\s*{BRACED}_{BRACED}")
EM = 100  # satuan path SVG per em
MATH_SCALE = 1.12  # rumus sedikit lebih besar daripada teks, seperti MathJax di JupyterLab


def mathtext_source(tex: str, display: bool = False) -> str:
    """Rumus LaTeX ditulis ulang dengan perintah yang dikenal mathtext; rumus blok (``display``)
    memakai pecahan bergaya tampilan, seperti ``$$...$$`` di MathJax."""
    commands = {**COMMANDS, "frac": r"\dfrac"} if display else COMMANDS
    tex = re.sub(r"\\([A-Za-z]+)", lambda m: commands.get(m[1], m[0]), tex)
    return UNDERBRACE.sub(lambda m: f"\\underset{{{m[2]}}}{{\\underline{{{m[1]}}}}}", tex)


@functools.lru_cache(maxsize=None)
def math_html(tex: str, display: bool) -> str:
    """Satu rumus sebagai ``<span>`` sebaris atau ``<div>`` blok berisi SVG (atau kode LaTeX)."""
    tex, mark = tex.strip(), "$$" if display else "$"
    svg = tex_svg(mathtext_source(tex, display), label=tex) or \
        f'<code class="saraf-tex">{html.escape(mark + tex + mark)}</code>'
    if display:
        return f'<div class="saraf-rumus saraf-rumus-blok">{svg}</div>'
    return f'<span class="saraf-rumus">{svg}</span>'


def tex_svg(tex: str, label: str) -> str | None:
    """Rumus mathtext menjadi SVG sebaris berwarna teks (``label``: teks untuk pembaca layar)."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            path = TextPath((0, 0), f"${tex}$", size=EM,
                            prop=FontProperties(size=EM, math_fontfamily="cm"))
    except ValueError:  # galat parser mathtext: perintah yang tidak dikenal
        return None
    if caught or not tex or not len(path.vertices):  # glyph hilang atau rumus kosong
        return None
    letters = {Path.MOVETO: "M", Path.LINETO: "L", Path.CURVE3: "Q", Path.CURVE4: "C",
               Path.CLOSEPOLY: "Z"}
    d = "".join(letters[code] + ("" if code == Path.CLOSEPOLY else " ".join(
        f"{v:.0f}" if i % 2 == 0 else f"{-v:.0f}" for i, v in enumerate(vertices)))
        for vertices, code in path.iter_segments(curves=True, simplify=False))
    # Kotak dari titik kontrol (sedikit lebih besar daripada tinta, jauh lebih cepat); y dibalik.
    (x0, y0), (x1, y1) = path.vertices.min(0) - 0.04 * EM, path.vertices.max(0) + 0.04 * EM
    width, height, scale = x1 - x0, y1 - y0, MATH_SCALE / EM
    label = html.escape(label)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0f} {-y1:.0f} {width:.0f} '
            f'{height:.0f}" style="width:{width * scale:.3f}em;height:{height * scale:.3f}em;'
            f'vertical-align:{y0 * scale:.3f}em" role="img" aria-label="{label}">'
            f'<title>{label}</title><path fill="currentColor" d="{d}"/></svg>')
