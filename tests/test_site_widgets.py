"""Widget di situs baca (`tools.site_widgets`): cuplikan keadaan tersimpan, tanpa skrip."""

from __future__ import annotations

import nbformat

from tools import site_widgets
from tools.site_widgets import WIDGET_NOTE, WIDGET_STATE, WIDGET_VIEW

CONTROLS = "@jupyter-widgets/controls"


def model(name, module=CONTROLS, **state):
    return {"model_name": name, "model_module": module, "state": state}


STATE = {
    "box": model("VBoxModel", children=["IPY_MODEL_title", "IPY_MODEL_row", "IPY_MODEL_pad"]),
    "row": model("HBoxModel", children=["IPY_MODEL_slider", "IPY_MODEL_choice", "IPY_MODEL_play",
                                        "IPY_MODEL_hidden", "IPY_MODEL_range", "IPY_MODEL_check"]),
    "title": model("HTMLModel", value="<b>Penjelajah</b>", description=""),
    "slider": model("FloatSliderModel", value=0.25, description="Laju <1>",
                    readout_format=".2f"),
    "choice": model("DropdownModel", _options_labels=["tepi", "blur"], index=1,
                    description="Kernel"),
    "play": model("PlayModel", description="", value=3),
    "hidden": model("IntSliderModel", value=9, description="Rahasia", layout="IPY_MODEL_lay"),
    "lay": model("LayoutModel", module="@jupyter-widgets/base", display="none"),
    "range": model("IntRangeSliderModel", value=[2, 5], description="Rentang"),
    "check": model("CheckboxModel", value=True, description="Acak"),
    "pad": model("AnyModel", module="anywidget", value="garis"),
}


def test_snapshot_shows_saved_values_in_reading_order():
    html = site_widgets.model_html("IPY_MODEL_box", STATE)
    assert html.startswith('<div class="saraf-widget-kolom"><div class="saraf-widget-html">'
                           "<b>Penjelajah</b></div>")
    assert '<div class="saraf-widget-baris">' in html
    values = ['Laju &lt;1&gt;: <b>0.25</b>', "Kernel: <b>blur</b>", "<b>▶ tombol</b>",
              "Rentang: <b>2 – 5</b>", "Acak: <b>ya</b>"]
    positions = [html.index(v) for v in values]
    assert positions == sorted(positions)
    assert "Rahasia" not in html  # display: none
    assert "garis" not in html  # anywidget: tanpa cuplikan


def test_widget_outputs_become_notes_and_state_is_dropped():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("penjelajah()")
    cell.outputs = [nbformat.v4.new_output(
        "display_data", data={WIDGET_VIEW: {"model_id": "box", "version_major": 2},
                              "text/plain": "Penjelajah konvolusi (jalankan sel ini)"})]
    gone = nbformat.v4.new_code_cell("papan()")
    gone.outputs = [nbformat.v4.new_output(
        "display_data", data={WIDGET_VIEW: {"model_id": "tidak-ada"}, "text/plain": "VBox()"})]
    nb.cells = [cell, gone]
    nb.metadata["widgets"] = {WIDGET_STATE: {"state": STATE, "version_major": 2}}
    site_widgets.static_widgets(nb)
    assert "widgets" not in nb.metadata
    first, second = (c.outputs[0]["data"] for c in nb.cells)
    assert list(first) == ["text/html"] and list(second) == ["text/html"]
    assert first["text/html"].startswith(
        f'<div class="saraf-widget"><p class="saraf-widget-catatan"><strong>Widget interaktif'
        f"</strong> (Penjelajah konvolusi): {WIDGET_NOTE} Di bawah ini keadaan yang tersimpan")
    assert '<div class="saraf-widget-cuplikan" inert>' in first["text/html"]
    assert second["text/html"] == (f'<div class="saraf-widget"><p class="saraf-widget-catatan">'
                                   f"<strong>Widget interaktif</strong>: {WIDGET_NOTE}</p></div>")


def test_readout_follows_the_widget_format():
    assert site_widgets.readout(0.123456, ".3f") == "0.123"
    assert site_widgets.readout(3, "d") == "3"
    assert site_widgets.readout(0.5, None) == "0.5"
    assert site_widgets.readout("teks", ".2f") == "teks"
    assert site_widgets.readout(0.5, "bukan-format") == "0.5"
    assert site_widgets.readout(False, ".2f") == "tidak"
