"""Aplikasi papan gambar (``python -m tools.app``, Voilà) di Chromium tanpa layar.

Server aplikasi dijalankan sungguhan (``--no-browser`` di port bebas, proses grup sendiri),
halamannya dibuka satu kali untuk semua tes di berkas ini (setiap tab = satu kernel baru):
angka digambar dengan mouse, model diganti, foto diunggah, lalu dicoba mengirim
``execute_request`` lewat websocket kernel halaman itu (harus dibuang). Tes terakhir
menghentikan server dengan Ctrl+C (SIGINT); bila ada tes yang gagal lebih dulu, fixture tetap
menghentikannya. Tangkapan layar: ``$SARAF_SCREENSHOTS/app_*.png``.

Dilewati (dengan alasan) bila Playwright, Voilà, atau /usr/bin/chromium tidak ada.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_drawpad_browser import ONE, SEVEN, draw

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("SARAF_SCREENSHOTS", ROOT / "_keluaran" / "tangkapan"))
PHOTO = ROOT / "assets" / "handwriting" / "foto_kertas.jpg"

# Mengirim `execute_request` lalu `kernel_info_request` lewat websocket kernel halaman ini
# (protokol JSON lama). Kernel memproses pesan shell berurutan: bila balasan kernel_info
# datang, execute_request itu pasti sudah diproses seandainya diteruskan ke kernel.
SEND_EXECUTE = """async ([code, waitMs]) => {
  const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
  const base = config.baseUrl || '/';
  const url = `ws://${location.host}${base}api/kernels/${config.kernelId}/channels` +
              `?session_id=uji-${Date.now()}`;
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  const seen = [];
  let infoReply = null;
  ws.onmessage = (event) => {
    if (typeof event.data !== 'string') return;  // pesan widget berbuffer (biner)
    const msg = JSON.parse(event.data);
    seen.push({type: msg.header.msg_type, parent: (msg.parent_header || {}).msg_id || null});
    if (msg.header.msg_type === 'kernel_info_reply') infoReply = msg;
  };
  const send = (type, id, content) => ws.send(JSON.stringify({
    header: {msg_id: id, msg_type: type, username: 'uji', session: 'uji-sesi',
             date: new Date().toISOString(), version: '5.3'},
    parent_header: {}, metadata: {}, content, channel: 'shell', buffers: []}));
  send('execute_request', 'uji-execute', {code, silent: false, store_history: false,
       user_expressions: {}, allow_stdin: false, stop_on_error: true});
  send('kernel_info_request', 'uji-info', {});
  const start = Date.now();
  while (!infoReply && Date.now() - start < waitMs) {
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  ws.close();
  return {seen, info: infoReply && infoReply.parent_header.msg_id};
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(server: subprocess.Popen, timeout: float = 30) -> str:
    """Ctrl+C (SIGINT) untuk grup proses server ini saja; SIGKILL bila tidak berhenti."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)
    return server.returncode


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    """Server ``python -m tools.app --no-browser`` di port bebas: (proses, URL, berkas log)."""
    pytest.importorskip("voila", reason="Voilà tidak terpasang")
    log_path = tmp_path_factory.mktemp("aplikasi") / "app.log"
    port = _free_port()
    env = dict(os.environ)
    env.pop("PYTEST_CURRENT_TEST", None)
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "tools.app", "--no-browser", f"--port={port}",
             "--Voila.port_retries=0"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while "berjalan di" not in log_path.read_text(encoding="utf-8"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(log_path.read_text(encoding="utf-8"))
            time.sleep(0.2)
        yield server, f"http://127.0.0.1:{port}/", log_path
    finally:
        _stop(server)


@pytest.fixture(scope="module")
def app_page(chromium, app_server):
    """Halaman aplikasi yang sudah selesai dimuat, dan semua URL yang dimintanya."""
    from playwright.sync_api import expect

    _, url, _ = app_server
    requests: list[str] = []
    context = chromium.new_context(viewport={"width": 1200, "height": 1000})
    try:
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        page.on("websocket", lambda ws: requests.append(ws.url))
        page.goto(url, timeout=120_000)
        # Foto contoh diprediksi saat notebook dijalankan: tanda semua sel sudah selesai.
        expect(page.locator(".saraf-upload-digit .saraf-digit")).to_have_text(
            "3", timeout=120_000)
        yield page, requests
    finally:
        context.close()


def _screenshot(locator, tag: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"app_{tag}.png"
    locator.screenshot(path=str(path))
    return path


def test_page_shows_widgets_without_code_and_loads_nothing_from_the_internet(app_page,
                                                                             app_server):
    from playwright.sync_api import expect

    page, requests = app_page
    _, url, _ = app_server
    expect(page).to_have_title("Tebak Angka Tulisan Tangan")
    expect(page.locator("h1")).to_contain_text("Tebak Angka Tulisan Tangan")
    text = page.locator("body").inner_text()
    for code in ("load_models", "import", "drawing_pad(", "widgets.link"):
        assert code not in text, f"kode notebook terlihat di halaman: {code!r}"
    assert page.locator(".jp-InputArea .highlight, .jp-InputArea .cm-editor").count() == 0
    errors = page.locator(".jp-OutputArea-output[data-mime-type*='error'], "
                          ".jp-OutputArea-output[data-mime-type*='stderr']")
    assert errors.count() == 0, errors.all_text_contents()
    expect(page.locator(".saraf-drawing-pad canvas.saraf-drawpad-canvas")).to_be_visible()
    expect(page.locator(".saraf-drawing-pad .saraf-prediction-message")).to_contain_text(
        "Gambarlah sebuah angka")
    # Semua permintaan (termasuk JavaScript widget anywidget dan websocket kernel) ke server
    # aplikasi sendiri, tidak ada CDN.
    local = url.replace("http://", "")
    outside = [r for r in requests if not r.startswith(("data:", "blob:"))
               and r.split("://", 1)[-1].split("/", 1)[0] + "/" != local]
    assert requests and not outside, f"permintaan keluar dari server aplikasi: {outside}"
    assert any("anywidget" in r for r in requests), "JavaScript anywidget tidak dimuat dari server"


def test_drawing_a_digit_and_switching_models(app_page):
    from playwright.sync_api import expect

    page, _ = app_page
    pad = page.locator(".saraf-drawing-pad")
    uploader = page.locator(".saraf-upload-digit")
    canvas = pad.locator("canvas.saraf-drawpad-canvas")
    digit, model = pad.locator(".saraf-digit"), pad.locator(".saraf-model")

    draw(page, canvas, ONE)
    expect(digit).to_have_text("1", timeout=30_000)
    expect(model).to_have_text("CNN Keras")
    pad.locator("button.saraf-drawpad-clear").click()
    expect(pad.locator(".saraf-prediction-message")).to_contain_text("Gambarlah",
                                                                      timeout=15_000)
    draw(page, canvas, SEVEN)
    expect(digit).to_have_text("7", timeout=30_000)
    assert pad.locator("svg rect.bar").count() == 5
    assert re.fullmatch(r"0,\d+|1,0+", pad.locator(".saraf-confidence").inner_text())
    _screenshot(pad, "gambar_cnn")

    # Setiap tombol model: area prediksi papan DAN widget unggah (pilihan yang ditautkan)
    # menyebut model itu, dengan prediksi baru.
    for label in ("MLP dari nol", "Jaringan seed", "CNN NumPy", "CNN Keras"):
        before = pad.locator(".saraf-prediction").inner_html()
        pad.locator(".widget-toggle-buttons button", has_text=label).click()
        expect(model).to_have_text(label, timeout=15_000)
        expect(uploader.locator(".saraf-model")).to_have_text(label, timeout=15_000)
        assert pad.locator(".saraf-prediction").inner_html() != before
        expect(digit).to_have_text(re.compile(r"^\d$"))
        if label in ("MLP dari nol", "CNN Keras"):
            expect(digit).to_have_text("7")
    _screenshot(page.locator("body"), "halaman")


def _upload(page, uploader, files) -> None:
    """Memilih berkas lewat tombol "Unggah foto" (input berkas FileUpload tidak ada di DOM)."""
    with page.expect_file_chooser() as chooser:
        uploader.locator("button.widget-upload").click()
    chooser.value.set_files(files)


def test_uploading_photos(app_page):
    from playwright.sync_api import expect

    from saraf.formatting import decimal
    from saraf.widgets.upload import MAX_UPLOAD_BYTES

    page, _ = app_page
    uploader = page.locator(".saraf-upload-digit")
    message = uploader.locator(".saraf-prediction-message")
    expect(uploader.locator("figcaption").first).to_contain_text("contoh bawaan")

    _upload(page, uploader, str(PHOTO))
    expect(uploader.locator("figcaption").first).to_contain_text("foto_kertas.jpg (diunggah)",
                                                                 timeout=30_000)
    expect(uploader.locator(".saraf-digit")).to_have_text("3")
    _screenshot(uploader, "unggah")

    # Berkas buruk: pesan yang sama seperti di pelajaran 15, tanpa galat.
    _upload(page, uploader, {"name": "catatan.txt", "mimeType": "text/plain",
                             "buffer": b"halo, ini teks"})
    expect(message).to_contain_text("Berkas 'catatan.txt' bukan gambar", timeout=30_000)
    _upload(page, uploader, {"name": "kosong.png", "mimeType": "image/png",
                             "buffer": _blank_png()})
    expect(message).to_contain_text("tidak ada tinta", timeout=30_000)

    # Di atas batas unggahan (dan di atas batas pesan bawaan Tornado, 10 MiB): berkasnya
    # tetap sampai ke Python, yang menolaknya dengan pesan, bukan sambungan yang terputus.
    size = MAX_UPLOAD_BYTES + 2**20
    _upload(page, uploader, {"name": "besar.jpg", "mimeType": "image/jpeg",
                             "buffer": b"\xff\xd8" + bytes(size - 2)})
    expect(message).to_have_text(
        f"Berkas 'besar.jpg' terlalu besar ({decimal(size / 2**20, 1)} MB); paling besar "
        f"{decimal(MAX_UPLOAD_BYTES / 2**20, 1)} MB. Perkecil fotonya dulu.", timeout=60_000)
    _screenshot(uploader, "unggah_terlalu_besar")

    # Sambungan ke kernel tetap hidup: unggahan berikutnya diprediksi lagi.
    _upload(page, uploader, str(PHOTO))
    expect(uploader.locator(".saraf-digit")).to_have_text("3", timeout=30_000)


def _blank_png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), (245, 245, 240)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_execute_request_from_the_page_is_dropped(app_page, tmp_path):
    page, _ = app_page
    marker = tmp_path / "dijalankan.txt"
    code = f"open({str(marker)!r}, 'w').write('kode dijalankan')"
    result = page.evaluate(SEND_EXECUTE, [code, 30_000])
    assert result["info"] == "uji-info", f"kernel tidak menjawab kernel_info: {result}"
    from_execute = [m for m in result["seen"] if m["parent"] == "uji-execute"]
    assert from_execute == [], f"execute_request sampai ke kernel: {from_execute}"
    assert not marker.exists(), "kode dari peramban dijalankan di kernel"


def test_ctrl_c_stops_the_server_and_its_kernel(app_page, app_server):
    server, url, log_path = app_server
    kernels = _children(server.pid)
    assert kernels, "halaman yang terbuka seharusnya punya kernel"
    assert _stop(server) == 0
    log = log_path.read_text(encoding="utf-8")
    assert "[saraf] Aplikasi dihentikan." in log and "Traceback" not in log
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in kernels):
        assert time.monotonic() < deadline, f"kernel {kernels} masih berjalan"
        time.sleep(0.2)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1].strip("/"))),
                                 timeout=2).close()
