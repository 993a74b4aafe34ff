"""Tangkapan layar JupyterLab di pelajaran 00 (``assets/jupyterlab.png``), dari halaman asli.

Tes membuka pelajaran 00 di JupyterLab sungguhan, menjalankan dua sel kode pertama dengan
menekan tombol ▶ di bilah alat (seperti pembelajar), lalu memotret jendelanya dan memberi
nomor pada bagian yang dijelaskan teks pelajaran: (1) bilah alat, (2) ▶, (3) ■, (4) status
kernel, (5) nomor eksekusi. Hasilnya selalu ditulis ke ``_keluaran/tangkapan/`` untuk dilihat.

Membuat ulang gambar pelajaran (misalnya setelah JupyterLab diperbarui)::

    SARAF_PERBARUI_TANGKAPAN=1 .venv/bin/pytest tests/browser/test_jupyterlab_screenshot.py

Perintah itu menulis ``assets/jupyterlab.png`` dan lampiran ``jupyterlab.png`` di sel Markdown
pelajaran 00 yang menampilkannya (lampiran: gambarnya ikut ke situs baca, edisi siswa, dan
Colab). Tanpa variabel itu, tes memeriksa bahwa gambar tersimpan sah dan sama dengan lampiran,
dan bahwa halaman asli masih punya semua bagian yang ditunjuk gambar dan teksnya.
"""

from __future__ import annotations

import base64
import io
import json
import os
import urllib.request
import nbformat
import pytest

from conftest import KERNEL_IDLE
from conftest import TOKEN
from tools.lessons import ROOT

NOTEBOOK = ROOT / "notebooks" / "00_mulai.ipynb"
ASSET = ROOT / "assets" / "jupyterlab.png"
ATTACHMENT = "jupyterlab.png"
UPDATE = os.environ.get("SARAF_PERBARUI_TANGKAPAN") == "1"
VIEWPORT = {"width": 1024, "height": 780}
MAX_BYTES = 150_000
MARK = (214, 39, 40)  # merah "tab:red" matplotlib
BADGE = 10  # jari-jari lingkaran nomor (piksel)

# Bagian jendela yang ditunjuk gambar dan teks pelajaran: nomor → pemilih CSS.
PARTS = {
    1: ".jp-NotebookPanel-toolbar",
    2: ".jp-NotebookPanel-toolbar [data-jp-item-name='run']",
    3: ".jp-NotebookPanel-toolbar [data-jp-item-name='interrupt']",
    4: ".jp-NotebookPanel-toolbar [data-jp-item-name='executionProgress']",
}
RESTART_KERNEL = """async () => {
  await window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart();
}"""
KERNEL_NAME = ".jp-NotebookPanel-toolbar [data-jp-item-name='kernelName']"
CELLS = """() => window.jupyterapp.shell.currentWidget.content.widgets.map(cell => ({
  type: cell.model.type, source: cell.model.sharedModel.getSource(),
  count: cell.model.executionCount ?? null,
  output: cell.node.querySelector('.jp-OutputArea') ?
          cell.node.querySelector('.jp-OutputArea').textContent : ''}))"""


def _image_cell(nb):
    """Sel Markdown pelajaran 00 yang menampilkan lampiran tangkapan layar."""
    cells = [c for c in nb.cells
             if c.cell_type == "markdown" and f"](attachment:{ATTACHMENT})" in c.source]
    assert len(cells) == 1, f"00_mulai.ipynb harus menampilkan attachment:{ATTACHMENT} sekali"
    return cells[0]


def _box(page, selector: str) -> dict:
    locator = page.locator(selector).first
    locator.wait_for(state="visible", timeout=10_000)
    return locator.bounding_box()


def _run_with_button(lesson, index: int) -> None:
    """Memilih sel ke-``index``, lalu menekan ▶ di bilah alat sampai sel itu selesai."""
    page = lesson.page
    page.evaluate(f"window.jupyterapp.shell.currentWidget.content.activeCellIndex = {index}")
    page.locator(PARTS[2]).click()
    page.wait_for_function(
        f"""() => {{
          const cell = window.jupyterapp.shell.currentWidget.content.widgets[{index}];
          const prompt = cell.node.querySelector('.jp-InputPrompt').textContent;
          return cell.model.executionCount !== null && !prompt.includes('*');
        }}""", timeout=60_000)


def _annotate(png: bytes, marks: list[tuple[int, dict, tuple[float, float]]]) -> bytes:
    """Bingkai merah di setiap bagian dan nomornya dalam lingkaran merah di titik ``(x, y)``;
    disimpan sebagai PNG berpalet 64 warna (kecil, tetap tajam untuk gambar antarmuka)."""
    from matplotlib import font_manager
    from PIL import Image, ImageDraw, ImageFont

    image = Image.open(io.BytesIO(png)).convert("RGB")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(font_manager.findfont(
        font_manager.FontProperties(family="DejaVu Sans", weight="bold")), 13)
    for number, box, _ in marks:
        pad = 4 if number == 1 else 1  # bingkai bilah alat di luar bingkai tombolnya
        draw.rounded_rectangle((box["x"] - pad, box["y"] - pad, box["x"] + box["width"] + pad,
                                box["y"] + box["height"] + pad), radius=4, outline=MARK, width=2)
    for number, _, (x, y) in marks:
        draw.ellipse((x - BADGE, y - BADGE, x + BADGE, y + BADGE), fill=MARK)
        draw.text((x, y), str(number), fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def _below(box) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] + BADGE + 3


def _beside(box, side: int) -> tuple[float, float]:
    """Titik nomor di kiri (``side=-1``) atau kanan (``side=1``) sebuah bagian."""
    x = box["x"] - BADGE - 5 if side < 0 else box["x"] + box["width"] + BADGE + 5
    return x, box["y"] + box["height"] / 2


def _store(png: bytes) -> None:
    """Menulis ``assets/jupyterlab.png`` dan lampiran yang sama di pelajaran 00."""
    ASSET.write_bytes(png)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cell = _image_cell(nb)
    cell.attachments = {ATTACHMENT: {"image/png": base64.b64encode(png).decode("ascii")}}
    nbformat.write(nb, NOTEBOOK)


def _shut_down_sessions(lab_url: str, path: str) -> None:
    """Mematikan kernel notebook ``path`` yang mungkin sudah dibuka tes lain di sesi ini.

    Dengan begitu tab baru mendapat kernel baru, dan nomor eksekusinya mulai dari 1, seperti
    yang dilihat pembelajar dan seperti di gambar pelajaran.
    """
    auth = {"Authorization": f"token {TOKEN}"}
    with urllib.request.urlopen(urllib.request.Request(f"{lab_url}/api/sessions",
                                                       headers=auth), timeout=30) as reply:
        sessions = json.load(reply)
    for session in sessions:
        if session.get("path") == path:
            request = urllib.request.Request(f"{lab_url}/api/sessions/{session['id']}",
                                             headers=auth, method="DELETE")
            urllib.request.urlopen(request, timeout=60).close()


def test_jupyterlab_screenshot_matches_the_lesson(open_lesson, lab_url):
    _shut_down_sessions(lab_url, "00_mulai.ipynb")
    lesson = open_lesson("00_mulai.ipynb")
    page = lesson.page
    page.set_viewport_size(VIEWPORT)
    page.evaluate("window.jupyterapp.shell.collapseLeft()")
    # Tes lain di sesi ini mungkin sudah menjalankan pelajaran 00 di kernel yang sama: mulai
    # dari kernel baru agar nomor eksekusinya 1 dan 2, seperti yang dilihat pembelajar.
    page.evaluate(RESTART_KERNEL)
    page.wait_for_function(KERNEL_IDLE, timeout=90_000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    cells = page.evaluate(CELLS)
    code = [i for i, cell in enumerate(cells) if cell["type"] == "code"]
    setup, first_sum = code[0], code[1]
    assert "saraf.setup()" in cells[setup]["source"] and cells[first_sum]["source"] == "2 + 3"

    # (2) ▶ menjalankan sel yang dipilih, seperti kata pelajaran; nomor eksekusi 1, lalu 2.
    _run_with_button(lesson, setup)
    _run_with_button(lesson, first_sum)
    cells = page.evaluate(CELLS)
    assert cells[setup]["count"] == 1 and "siap" in cells[setup]["output"]
    assert cells[first_sum]["count"] == 2 and cells[first_sum]["output"].strip().endswith("5")
    assert lesson.error_outputs() == []

    # (1) bilah alat berisi tombol yang didaftar teks pelajaran, dalam urutan itu.
    names = page.eval_on_selector_all(PARTS[1] + " > .jp-Toolbar-item",
                                      "items => items.map(i => i.dataset.jpItemName)")
    listed = ["save", "insert", "cut", "copy", "paste", "run", "interrupt", "restart",
              "restart-and-run", "cellType"]
    assert [name for name in names if name in listed] == listed, names
    # (3) ■ menghentikan kernel; (4) status kernel: nama kernel dan lingkaran "Idle".
    assert "Interrupt" in page.locator(PARTS[3] + " jp-button").get_attribute("title")
    assert page.locator(KERNEL_NAME).text_content().strip().startswith("Python 3")
    page.wait_for_function(
        "() => document.querySelector('.jp-Notebook-ExecutionIndicator')"
        ".getAttribute('data-status') === 'idle'", timeout=30_000)
    assert "Idle" in page.locator("#jp-main-statusbar").text_content()

    # Jendela memperlihatkan bagian "3 Sel Persiapan" sampai sel 2 + 3 [2] dan keluarannya;
    # nomor 2-4 di bawah bilah alat jatuh di ruang kosong di atas judulnya.
    heading = next(i for i, cell in enumerate(cells) if cell["source"].startswith("## 3 "))
    page.evaluate(f"""() => window.jupyterapp.shell.currentWidget.content
                       .widgets[{heading}].node.scrollIntoView({{block: 'start'}})""")
    page.mouse.move(VIEWPORT["width"] / 2, VIEWPORT["height"] - 60)  # tanpa efek hover
    page.wait_for_timeout(300)  # gulir dan gambar ulang selesai
    boxes = {number: _box(page, selector) for number, selector in PARTS.items()}
    kernel = _box(page, KERNEL_NAME)  # (4) nama kernel dan lingkaran statusnya
    boxes[4] = {"x": kernel["x"], "y": kernel["y"], "height": kernel["height"],
                "width": boxes[4]["x"] + boxes[4]["width"] - kernel["x"]}
    status = _box(page, "#jp-main-statusbar .jp-StatusBar-TextItem >> text=/\\| Idle$/")
    prompt = page.evaluate(f"""() => {{  // (5) nomor eksekusi [1] sel persiapan
      const prompt = window.jupyterapp.shell.currentWidget.content.widgets[{setup}].node
                     .querySelector('.jp-InputPrompt');
      const range = document.createRange();  // hanya teksnya, bukan seluruh tinggi sel
      range.selectNodeContents(prompt);
      const r = range.getBoundingClientRect();
      return {{x: r.x, y: r.y, width: r.width, height: r.height,
               text: prompt.textContent.trim()}};
    }}""")
    assert prompt.pop("text") == "[1]:"
    cell_type = _box(page, ".jp-NotebookPanel-toolbar [data-jp-item-name='cellType']")
    marks = [(1, boxes[1], (cell_type["x"] + cell_type["width"] + 40, _beside(boxes[1], 1)[1])),
             (2, boxes[2], _below(boxes[2])), (3, boxes[3], _below(boxes[3])),
             (4, boxes[4], _below(boxes[4])), (4, status, _beside(status, 1)),
             (5, prompt, _beside(prompt, -1))]
    for number, box, _ in marks:  # setiap bagian yang bernomor ada di dalam gambar
        assert 0 <= box["x"] and box["x"] + box["width"] <= VIEWPORT["width"], number
        assert 0 <= box["y"] and box["y"] + box["height"] <= VIEWPORT["height"], number

    shot = lesson.screenshot("jupyterlab")  # _keluaran/tangkapan/, lalu diberi nomor
    png = _annotate(shot.read_bytes(), marks)
    shot.write_bytes(png)
    assert len(png) < MAX_BYTES, f"tangkapan layar {len(png)} byte, seharusnya < {MAX_BYTES}"
    if UPDATE:
        _store(png)
    elif not ASSET.exists():
        pytest.fail(f"{ASSET} belum ada: jalankan tes ini dengan SARAF_PERBARUI_TANGKAPAN=1")


def test_stored_screenshot_is_a_modest_png_shown_in_lesson_00():
    """Sesudah tes di atas (urutan berkas): dengan SARAF_PERBARUI_TANGKAPAN=1 yang diperiksa
    adalah gambar yang baru saja ditulisnya."""
    from PIL import Image

    data = ASSET.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert 20_000 < len(data) < MAX_BYTES, f"{ASSET.name}: {len(data)} byte"
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (VIEWPORT["width"], VIEWPORT["height"])
    cell = _image_cell(nbformat.read(NOTEBOOK, as_version=4))
    assert base64.b64decode(cell.attachments[ATTACHMENT]["image/png"]) == data, (
        "lampiran di 00_mulai.ipynb berbeda dari assets/jupyterlab.png: jalankan tes ini dengan "
        "SARAF_PERBARUI_TANGKAPAN=1")
    for number in range(1, 6):  # setiap nomor di gambar dijelaskan di teks
        assert f"\n{number}. " in cell.source, number
