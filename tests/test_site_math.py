"""Rumus situs baca (`tools.site_math`): LaTeX menjadi SVG dengan mathtext Matplotlib."""

from __future__ import annotations

import re

import pytest

from tools import site_math


@pytest.mark.parametrize("tex, expected", [
    (r"z \ge 0", r"z \geq 0"),
    (r"a \le b \leq c", r"a \leq b \leq c"),
    (r"\lVert y \rVert^2", r"\Vert y \Vert^2"),
    (r"\lvert x \rvert", r"| x |"),
    (r"\left[ a \right]", r"\left[ a \right]"),
    (r"\geqslant", r"\geqslant"),  # hanya perintah utuh yang diganti
    (r"X \underbrace{(W_1 W_2)}_{W}", r"X \underset{W}{\underline{(W_1 W_2)}}"),
    (r"\underbrace{(\mathbf{b}_1 W_2)}_{\mathbf{b}}",
     r"\underset{\mathbf{b}}{\underline{(\mathbf{b}_1 W_2)}}"),
])
def test_tex_is_adapted_for_mathtext(tex, expected):
    assert site_math.mathtext_source(tex) == expected


def test_display_formulas_use_display_style_fractions():
    assert site_math.mathtext_source(r"\frac{1}{n} \le \fracture", display=True) == \
        r"\dfrac{1}{n} \leq \fracture"
    assert site_math.mathtext_source(r"\frac{1}{n}") == r"\frac{1}{n}"


def test_inline_formula_is_an_svg_with_its_tex_as_label():
    html = site_math.math_html("z = w x + b", display=False)
    assert html.startswith('<span class="saraf-rumus"><svg ') and html.endswith("</svg></span>")
    assert 'aria-label="z = w x + b"' in html and "<title>z = w x + b</title>" in html
    assert 'fill="currentColor"' in html  # warna teks halaman
    width, height = map(float, re.search(r"width:([\d.]+)em;height:([\d.]+)em", html).groups())
    assert 3 < width < 8 and 0.5 < height < 1.5  # sebaris, sedikit lebih besar dari teks


def test_display_formula_is_a_block_with_display_style_fractions():
    inline = site_math.math_html(r"\frac{1}{n}", display=False)
    block = site_math.math_html(r"\frac{1}{n}", display=True)
    assert block.startswith('<div class="saraf-rumus saraf-rumus-blok"><svg ')
    height = [float(re.search(r"height:([\d.]+)em", h).group(1)) for h in (inline, block)]
    assert height[1] > height[0]  # \dfrac di rumus blok, seperti $$...$$ di MathJax


def test_unknown_tex_falls_back_to_code():
    html = site_math.math_html(r"\perintahtidakada{x}", display=False)
    assert '<code class="saraf-tex">$\\perintahtidakada{x}$</code>' in html
    block = site_math.math_html(r"\perintahtidakada{x}", display=True)
    assert '<code class="saraf-tex">$$\\perintahtidakada{x}$$</code>' in block


def test_label_is_escaped():
    svg = site_math.tex_svg("a < b", label='a < b & "c"')
    assert 'aria-label="a &lt; b &amp; &quot;c&quot;"' in svg
