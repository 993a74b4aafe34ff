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
BUSY_CELLS = "() => document.querySelectorAll('.jp-InputPrompt').length > 0 && " \
             "[...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="session")
def browser(lab_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Lesson:
    """Satu notebook yang terbuka di JupyterLab, dengan bantuan untuk tes."""

    def __init__(self, page, name: str):
        self.page = page
        self.name = name

    def run_all(self, timeout_s: float = 240) -> None:
        page = self.page
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(BUSY_CELLS, timeout=30_000)
        page.wait_for_function(f"() => !({BUSY_CELLS.split('=>', 1)[1]})",
                               timeout=timeout_s * 1000)
        page.wait_for_function(KERNEL_IDLE, timeout=30_000)

    def error_outputs(self) -> list[str]:
        return self.page.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']"
        ).all_inner_texts()

    def slider(self, label: str):
        """Slider ipywidgets dengan label tertentu."""
        return self.page.locator(".widget-slider").filter(
            has=self.page.locator(".widget-label", has_text=label)).first

    def press_slider(self, label: str, key: str = "ArrowRight", times: int = 1) -> None:
        handle = self.slider(label).locator(".noUi-handle")
        handle.scroll_into_view_if_needed()
        handle.focus()
        for _ in range(times):
            handle.press(key)

    def screenshot(self, tag: str, locator=None) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{Path(self.name).stem}-{tag}.png"
        (locator or self.page).screenshot(path=str(path))
        return path


@pytest.fixture
def open_lesson(browser, lab_url):
    """Membuka notebook di tab baru: ``lesson = open_lesson("00_mulai.ipynb")``."""
    pages = []

    def _open(name: str) -> Lesson:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        pages.append(page)
        page.goto(f"{lab_url}/lab/tree/{name}?reset&token={TOKEN}")
        page.wait_for_function(KERNEL_IDLE, timeout=90_000)
        return Lesson(page, name)

    yield _open
    for page in pages:
        page.close()
