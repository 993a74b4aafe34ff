"""Widget di situs baca: cuplikan keadaan tersimpan, karena tanpa kernel widget tidak berjalan.

Setiap keluaran widget diganti sebuah kotak HTML tanpa skrip: catatan untuk membuka notebook
di JupyterLab, lalu teks dan nilai kontrol yang tersimpan di metadata notebook.
"""

from __future__ import annotations

import html
import re

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_NOTE = "buka notebook ini di JupyterLab untuk mencobanya."
CONTROLS = "@jupyter-widgets/controls"  # widget lain (misalnya anywidget) tanpa cuplikan


def static_widgets(nb) -> None:
    """Mengganti keluaran widget ``nb`` dengan cuplikan HTML dan membuang keadaan widgetnya."""
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is not None:
                text = str(output["data"].get("text/plain", ""))
                output["data"] = {"text/html": widget_html(view.get("model_id"), text, state)}


def widget_html(model_id: str | None, text: str, state: dict) -> str:
    """Catatan berbahasa Indonesia + cuplikan keadaan tersimpan satu widget."""
    snapshot = model_html(model_id, state) if model_id else ""
    match = re.match(r"^\s*(.+?)\s*\(jalankan sel", text)  # "Penjelajah … (jalankan sel …"
    name = f" ({html.escape(match.group(1))})" if match else ""
    note = f"<strong>Widget interaktif</strong>{name}: {WIDGET_NOTE}"
    if snapshot:
        note += (" Di bawah ini keadaan yang tersimpan di notebook; kontrolnya tidak dapat "
                 "diubah di halaman ini.")
        snapshot = f'<div class="saraf-widget-cuplikan" inert>{snapshot}</div>'
    return f'<div class="saraf-widget"><p class="saraf-widget-catatan">{note}</p>{snapshot}</div>'


def model_html(model_id: str, state: dict, depth: int = 0) -> str:
    """HTML statis satu model widget: kotak beserta isinya, teks HTML, atau nilai kontrol."""
    model = state.get(str(model_id).removeprefix("IPY_MODEL_"), {})
    values = model.get("state", {})
    layout = state.get(str(values.get("layout")).removeprefix("IPY_MODEL_"), {}).get("state", {})
    if model.get("model_module") != CONTROLS or depth > 30 or layout.get("display") == "none" \
            or layout.get("visibility") == "hidden":
        return ""
    name = model.get("model_name", "")
    description = html.escape(str(values.get("description") or "").strip())
    label = f"{description}: " if description else ""
    if "children" in values:
        inner = "".join(model_html(child, state, depth + 1) for child in values["children"])
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
