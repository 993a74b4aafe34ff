"""Perlengkapan tes peramban: JupyterLab sungguhan di Chromium tanpa layar.

Setiap proses pytest menjalankan satu server JupyterLab di 127.0.0.1 atas SALINAN folder
notebooks/ (peramban tidak pernah menyimpan notebook asli) dan satu Chromium dari paket
Debian. Tangkapan layar ditulis ke ``$SARAF_SCREENSHOTS`` (bawaan: ``_keluaran/tangkapan``)
untuk dilihat manusia.

Tes di folder ini dilewati (dengan alasan) bila Playwright atau /usr/bin/chromium tidak ada.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("SARAF_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = Path(os.environ.get("SARAF_SCREENSHOTS", ROOT / "_keluaran" / "tangkapan"))
TOKEN = "saraf-uji"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
KERNEL_IDLE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === 'idle';
}"""
# Sel kode yang belum mendapat nomor eksekusi, atau yang prompt-nya masih '*' (sedang/antre).
UNEXECUTED_CELLS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.widgets;
  return cells.map((cell, index) => ({index, cell}))
    .filter(({cell}) => cell.model.type === 'code')
    .map(({index, cell}) => {
      const prompt = cell.node.querySelector('.jp-InputPrompt');
      return {index, count: cell.model.executionCount,
              prompt: prompt ? prompt.textContent.trim() : ''};
    })
    .filter(c => c.count === null || c.count === undefined || c.prompt.includes('*'));
}"""
# Janji (promise) perintah Run All selesai setelah sel terakhir selesai dijalankan; dibatasi
# waktu agar notebook yang macet menggagalkan tes alih-alih menggantungnya.
RUN_ALL = """(ms) => Promise.race([
  window.jupyterapp.commands.execute('notebook:run-all-cells'),
  new Promise(resolve => setTimeout(() => resolve('waktu habis'), ms)),
])"""


def _exact(text: str) -> re.Pattern:
    """Pola teks yang cocok hanya dengan ``text`` persis (bukan 'logit 1' di dalam 'logit 10')."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_LAB_ROOT: list[Path] = []


@pytest.fixture(scope="session")
def lab_root(lab_url) -> Path:
    """Folder yang dilayani server JupyterLab tes (salinan notebooks/)."""
    return _LAB_ROOT[-1]


@pytest.fixture(scope="session")
def lab_url(tmp_path_factory):
    """Server JupyterLab atas salinan notebooks/; mengembalikan URL dasarnya."""
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium tidak ada di {CHROMIUM} (pasang paket Debian `chromium`)")
    pytest.importorskip("playwright.sync_api", reason="Playwright tidak terpasang")
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    settings = root / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false"}), encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(root / "settings"))
    env.pop("PYTEST_CURRENT_TEST", None)
    log = open(root / "lab.log", "w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
         "--ip", "127.0.0.1", "--port", str(port), f"--ServerApp.token={TOKEN}",
         "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root / 'notebooks'}",
         "--LabApp.expose_app_in_browser=True"],
        stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((root / "lab.log").read_text(encoding="utf-8"))
                time.sleep(0.3)
        _LAB_ROOT.append(root / "notebooks")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def chromium():
    """Satu Chromium tanpa layar untuk seluruh sesi pytest.

    Playwright versi *sync* hanya boleh berjalan sekali dalam satu proses, jadi setiap tes
    peramban (JupyterLab, aplikasi Voilà) memakai Chromium yang sama ini dan membuka tab
    atau konteksnya sendiri.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium tidak ada di {CHROMIUM} (pasang paket Debian `chromium`)")
    pytest.importorskip("playwright.sync_api", reason="Playwright tidak terpasang")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def browser(lab_url, chromium):
    """Chromium sesi ini, setelah server JupyterLab tes berjalan."""
    return chromium


class Lesson:
    """Satu notebook yang terbuka di JupyterLab, dengan bantuan untuk tes."""

    def __init__(self, page, name: str):
        self.page = page
        self.name = name

    def run_all(self, timeout_s: float = 240) -> None:
        """Seperti pembelajar: keluaran tersimpan dihapus dulu, lalu *Run All* sampai selesai.

        Yang diperiksa sesudahnya (galat, widget, teks) semuanya berasal dari kernel baru ini.
        Setiap sel kode harus mendapat nomor eksekusi (tidak ada yang terlewat atau masih '*').
        """
        page = self.page
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        finished = page.evaluate(RUN_ALL, timeout_s * 1000)
        assert finished is True, (
            f"Run All pada {self.name} tidak selesai dengan baik (hasil: {finished!r}); "
            f"galat: {self.error_outputs()}")
        page.wait_for_function(KERNEL_IDLE, timeout=60_000)
        unexecuted = page.evaluate(UNEXECUTED_CELLS)
        assert unexecuted == [], (
            f"{self.name}: sel kode berikut tidak dijalankan atau belum selesai "
            f"(indeks sel, nomor eksekusi, prompt): {unexecuted}")

    def error_outputs(self) -> list[str]:
        return self.page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
        ).all_text_contents()

    def widget(self, label: str, index: int = 0):
        """Kotak widget (di keluaran sel) ke-``index`` yang memuat kontrol berlabel ``label``.

        Semua pencarian teks untuk sebuah widget dibatasi ke kotak ini: teks sumber sel dan
        widget lain di halaman tidak ikut tercocokkan.
        """
        outputs = self.page.locator(".jp-OutputArea-output").filter(
            has=self.page.locator(".widget-label", has_text=_exact(label)))
        return outputs.nth(index).locator(".widget-vbox").first

    def slider(self, label: str, within=None):
        """Slider ipywidgets berlabel tepat ``label`` (di dalam ``within`` bila diberikan)."""
        return (within or self.page).locator(".widget-slider").filter(
            has=self.page.locator(".widget-label", has_text=_exact(label))).first

    def press_slider(self, label: str, key: str = "ArrowRight", times: int = 1,
                     within=None) -> None:
        """Menggeser slider dengan papan ketik: fokus pada pegangannya, lalu tekan ``key``."""
        handle = self.slider(label, within).locator(".noUi-handle")
        handle.scroll_into_view_if_needed()
        handle.focus()
        for _ in range(times):
            handle.press(key)

    def slider_value(self, label: str, within=None) -> float:
        """Angka yang tertulis di samping slider (tanda minus Unicode dibaca sebagai '-').

        Menunggu sampai angkanya tampil: tampilan widget baru terisi sesaat setelah selnya
        selesai dijalankan.
        """
        from playwright.sync_api import expect

        readout = self.slider(label, within).locator(".widget-readout")
        expect(readout).to_have_text(re.compile(r"\S"), timeout=15_000)
        text = readout.text_content()
        return float(text.strip().replace("\u2212", "-"))

    def set_slider(self, label: str, value: float, within=None, step: float = 1.0) -> None:
        """Menggeser slider dengan papan ketik sampai bernilai ``value`` (``step``: langkahnya).

        Page Up/Down (5 langkah sekali tekan) untuk jarak jauh, lalu tombol panah.
        """
        presses = round((value - self.slider_value(label, within)) / step)
        pages, rest = divmod(abs(presses), 5)
        if pages:
            self.press_slider(label, "PageUp" if presses > 0 else "PageDown", pages, within)
        if rest:
            self.press_slider(label, "ArrowRight" if presses > 0 else "ArrowLeft", rest, within)
        readout = self.slider(label, within).locator(".widget-readout")
        self.page.wait_for_function(
            "([el, want, tol]) => Math.abs(parseFloat(el.textContent.replace('\u2212', '-'))"
            " - want) < tol", arg=[readout.element_handle(), value, step / 2], timeout=10_000)

    def dropdown(self, label: str, within=None):
        """Elemen ``<select>`` dari Dropdown ipywidgets berlabel tepat ``label``."""
        return (within or self.page).locator(".widget-dropdown").filter(
            has=self.page.locator(".widget-label", has_text=_exact(label))).locator("select")

    def screenshot(self, tag: str, locator=None) -> Path:
        """Tangkapan layar halaman, atau satu elemen (misalnya kotak widget) secara utuh.

        Notebook digulir di dalam panelnya, bukan halamannya; elemen yang lebih tinggi dari
        jendela akan terpotong (dan bilah alat/status JupyterLab ikut terpotret). Karena itu
        jendela peramban ditinggikan sementara agar seluruh elemen muat.
        """
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{Path(self.name).stem}-{tag}.png"
        if locator is None:
            self.page.screenshot(path=str(path))
            return path
        viewport = self.page.viewport_size
        # Ruang untuk menu, bilah alat, dan bilah status JupyterLab di atas dan bawah panel.
        needed = int(locator.bounding_box()["height"]) + 200
        if needed > viewport["height"]:
            self.page.set_viewport_size({"width": viewport["width"], "height": needed})
        try:
            locator.scroll_into_view_if_needed()
            locator.screenshot(path=str(path))
        finally:
            if needed > viewport["height"]:
                self.page.set_viewport_size(viewport)
        return path


def open_notebook(browser, lab_url, name: str) -> Lesson:
    """Membuka notebook ``name`` di tab baru dan menunggu kernelnya siap (tutup: ``.page.close()``).

    Dipakai fixture ``open_lesson`` (tab untuk satu tes saja) dan ``ran_lesson`` (tab yang
    sudah dijalankan, dipakai bersama oleh beberapa tes).
    """
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        page.goto(f"{lab_url}/lab/tree/{name}?reset&token={TOKEN}")
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
    except BaseException:
        page.close()
        raise
    return Lesson(page, name)


@pytest.fixture
def open_lesson(browser, lab_url):
    """Membuka notebook di tab baru: ``lesson = open_lesson("00_mulai.ipynb")``."""
    pages = []

    def _open(name: str) -> Lesson:
        lesson = open_notebook(browser, lab_url, name)
        pages.append(lesson.page)
        return lesson

    yield _open
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def ran_lesson(browser, lab_url):
    """Notebook yang sudah dibuka dan dijalankan (*Run All*) satu kali dalam sesi pytest ini.

    ``lesson = ran_lesson("03_konvolusi.ipynb")``: panggilan pertama membuka tab baru dan
    menjalankan semua sel; panggilan berikutnya, dari tes mana pun, memakai tab yang sama
    (termasuk perubahan yang dibuat tes sebelumnya pada widget-nya, jadi tes widget membaca
    keadaan kontrol saat ini alih-alih menganggap nilai awal). Dengan begitu, setiap
    pelajaran cukup dijalankan sekali untuk tes "berjalan tanpa galat" dan tes widgetnya.
    Bila *Run All* gagal, pemakai berikutnya langsung gagal dengan alasan yang sama.
    """
    lessons: dict[str, Lesson] = {}
    failures: dict[str, str] = {}

    def _get(name: str) -> Lesson:
        if name in failures:
            pytest.fail(f"{name} sudah gagal dijalankan di tes sebelumnya: {failures[name]}")
        if name not in lessons:
            lesson = open_notebook(browser, lab_url, name)
            try:
                lesson.run_all()
            except BaseException as error:
                failures[name] = f"{type(error).__name__}: {error}"
                lesson.page.close()
                raise
            lessons[name] = lesson
        return lessons[name]

    yield _get
    for lesson in lessons.values():
        lesson.page.close()
