"""Tes `saraf.widgets.svg`: lebar teks dari metrik font, tumpukan, legenda, bilah warna."""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from PIL import Image

from saraf.widgets import colors, svg


@pytest.mark.parametrize("text", ["Masukan 7 × 7 + padding → 9 × 9", "Peta fitur 26 × 26",
                                  "jumlahkan → −10", "iiii", "WWWW"])
@pytest.mark.parametrize("bold", [False, True])
def test_text_width_matches_matplotlib_font_metrics(text, bold):
    prop = FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal", size=13)
    width, _, _ = TextToPath().get_text_width_height_descent(text, prop, ismath=False)
    assert svg.text_width(text, 13, bold=bold) == pytest.approx(width, rel=0.03)


def test_text_width_scales_and_depends_on_the_letters():
    assert svg.text_width("abc", 26) == pytest.approx(2 * svg.text_width("abc", 13))
    assert svg.text_width("WWW", 12) > 2 * svg.text_width("iii", 12)
    assert svg.text_width("0,5", 10, mono=True) == pytest.approx(3 * svg.text_width("0", 10,
                                                                                    mono=True))
    assert svg.text_width("", 12) == 0


def test_document_and_size_of_round_trip():
    doc = svg.document(120.4, 30, "<g/>")
    assert doc.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"')
    assert svg.size_of(doc) == (120.0, 30.0)
    assert 'font-size="12"' in svg.document(10, 10, "", font_size=12)


def test_hstack_and_vstack_add_sizes_and_gaps():
    a, b = svg.document(100, 40, ""), svg.document(50, 20, "")
    row = svg.hstack([a, b], gap=10, align="middle")
    assert svg.size_of(row) == (160.0, 40.0)
    assert '<svg x="110.0" y="10.0"' in row          # b dipusatkan tegak
    column = svg.vstack([a, b], gap=5)
    assert svg.size_of(column) == (100.0, 65.0)
    assert '<svg x="0.0" y="45.0"' in column


def test_text_lines_are_escaped_and_wide_enough():
    picture = svg.text_lines(["Judul", "a < b & c"], mono=True, bold_first=True)
    assert "a &lt; b &amp; c" in picture and 'font-weight="bold"' in picture
    assert svg.size_of(picture)[0] >= svg.text_width("a < b & c", 13, mono=True)


def test_legend_width_follows_labels_and_unknown_kind_fails():
    short = svg.legend([("window", "a")])
    long = svg.legend([("window", "jendela / sel keluaran yang dihitung")])
    extra = svg.text_width("jendela / sel keluaran yang dihitung", 12) - svg.text_width("a", 12)
    assert svg.size_of(long)[0] - svg.size_of(short)[0] == pytest.approx(extra, abs=1)
    assert colors.PAD_FILL in svg.legend([("pad", "padding")])
    with pytest.raises(ValueError, match="jenis legenda tidak dikenal"):
        svg.legend([("lingkaran", "x")])


def test_colorbar_ticks_use_decimal_comma_and_zero_for_diverging():
    bar = svg.colorbar(-1.5, 1.5, colors.DIVERGING, width=100, label="biru = negatif")
    assert ">−1,5</text>" in bar and ">1,5</text>" in bar and ">0</text>" in bar
    assert svg.size_of(bar)[1] == 43
    gray = svg.colorbar(0, 255, colors.GRAY, width=100)
    assert ">0</text>" in gray and ">255</text>" in gray and 'fill="#000000"' in gray


def test_png_href_holds_the_pixels():
    rgb = np.zeros((2, 3, 3), np.uint8)
    rgb[0, 1] = (255, 0, 0)
    href = svg.png_href(rgb)
    assert href.startswith("data:image/png;base64,")
    image = Image.open(io.BytesIO(base64.b64decode(href.split(",", 1)[1])))
    np.testing.assert_array_equal(np.asarray(image), rgb)


def test_symbol_and_html():
    arrow = svg.symbol("→", 50)
    assert svg.size_of(arrow)[1] == 50 and ">→</text>" in arrow
    html = svg.to_html("<b>a</b>", "<i>b</i>", gap=4, wrap=False)
    assert "flex-wrap:nowrap;gap:4px" in html and "<div><b>a</b></div><div><i>b</i></div>" in html
