"""Widget di situs baca: tanpa kernel widget tidak berjalan, jadi setiap keluaran widget menjadi
kotak HTML tanpa skrip: catatan untuk membuka notebook di JupyterLab, lalu cuplikan keadaan
tersimpannya (teks dan nilai kontrol di metadata notebook).
"""

from __future__ import annotations

import html
import re

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = "buka notebook ini di JupyterLab untuk mencobanya."
CONTROLS = "@jupyter-widgets/controls"  # widget lain (misalnya anywidget) tanpa cuplikan


def static_widgets(nb) -> None:
    """Mengganti keluaran widget ``nb`` dengan catatan + cuplikan HTML; keadaannya dibuang."""
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for output in (output for cell in nb.cells for output in cell.get("outputs", [])):
        view = output.get("data", {}).get(WIDGET_VIEW)
        if view is None:
            continue
        # Nama dari teks polos widget saraf: "Penjelajah … (jalankan sel …".
        name = re.match(r"^\s*(.+?)\s*\(jalankan sel", str(output["data"].get("text/plain", "")))
        note = (f"<strong>Widget interaktif</strong>{f' ({html.escape(name[1])})' if name else ''}"
                f": {WIDGET_NOTE}")
        snapshot = model_html(view.get("model_id"), state)
        if snapshot:
            note += (" Di bawah ini keadaan yang tersimpan di notebook; kontrolnya tidak dapat "
                     "diubah di halaman ini.")
            snapshot = f'<div class="saraf-widget-cuplikan" inert>{snapshot}</div>'
        output["data"] = {"text/html": f'<div class="saraf-widget"><p class="saraf-widget-'
                                       f'catatan">{note}</p>{snapshot}</div>'}


def model_html(model_id, state: dict) -> str:
    """HTML statis satu model widget: kotak beserta isinya, teks HTML, atau nilai kontrol."""
    model = state.get(str(model_id).removeprefix("IPY_MODEL_"), {})
    values = model.get("state", {})
    layout = state.get(str(values.get("layout")).removeprefix("IPY_MODEL_"), {}).get("state", {})
    if model.get("model_module") != CONTROLS or layout.get("display") == "none" \
            or layout.get("visibility") == "hidden":
        return ""
    name = model.get("model_name", "")
    description = html.escape(str(values.get("description") or "").strip())
    label = f"{description}: " if description else ""
    if "children" in values:
        inner = "".join(model_html(child, state) for child in values["children"])
        kind = "baris" if name == "HBoxModel" else "kolom"
        return f'<div class="saraf-widget-{kind}">{inner}</div>' if inner else ""
    if name in ("HTMLModel", "HTMLMathModel"):
        return f'<div class="saraf-widget-html">{label}{values.get("value", "")}</div>'
    if name in ("ButtonModel", "FileUploadModel", "PlayModel"):
        label, shown = "", ("▶ " if name == "PlayModel" else "") + (description or "tombol")
    elif "_options_labels" in values:
        labels, index = values["_options_labels"], values.get("index")
        chosen = isinstance(index, int) and 0 <= index < len(labels)
        shown = html.escape(str(labels[index])) if chosen else "—"
    elif "value" in values:
        shown = html.escape(readout(values["value"], values.get("readout_format")))
    else:
        return ""
    return f'<span class="saraf-widget-nilai">{label}<b>{shown}</b></span>'


def readout(value, fmt: str | None) -> str:
    """Nilai kontrol seperti tampilannya di JupyterLab (``readout_format``, titik desimal)."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return " – ".join(readout(v, fmt) for v in value)
    try:
        return format(value, fmt) if fmt and isinstance(value, (int, float)) else str(value)
    except (ValueError, TypeError):
        return str(value)
