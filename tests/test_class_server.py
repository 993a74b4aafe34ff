"""Server kelas (`kelas/jupyterhub_config.py`, `tools/class_server.py`).

Tes cepat memuat konfigurasi produksi dan memeriksa peluncurnya. Tes integrasi (`slow`)
menjalankan JupyterHub sungguhan di 127.0.0.1 dengan konfigurasi uji (tiga pengguna, port
acak): untuk setiap pengguna, server dimulai lewat REST API hub, buku kerjanya diperiksa, lalu
pelajaran 03 dari buku kerja itu dijalankan sel demi sel lewat pesan kernel (WebSocket melalui
proksi hub, dengan token pengguna itu, tanpa peramban). Keluaran teks dan SVG setiap sel
pelajaran dibandingkan dengan keluaran tersimpan notebook acuan, dan tidak boleh ada galat.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from tools import app, class_server, edition
from tools.lessons import LESSONS, NOTEBOOK_DIR, ROOT, find

pytest.importorskip("jupyterhub", reason="JupyterHub tidak terpasang")

TEST_CONFIG = ROOT / "kelas" / "jupyterhub_config_uji.py"
LESSON = find("03")
#: Keluaran yang tidak dibandingkan (seperti nbval ketat di conftest.py: PNG bergantung pada
#: versi pustaka gambar, ID model widget acak, stderr bergantung pada mesin).
SKIPPED_MIME = {"image/png", "image/jpeg", "application/vnd.jupyter.widget-view+json"}


# ----- Tes cepat: konfigurasi produksi dan peluncur -----------------------------------------

@pytest.fixture
def production(monkeypatch):
    for name in ("SARAF_KELAS_URL", "SARAF_KELAS_SSL_CERT", "SARAF_KELAS_SSL_KEY",
                 "SARAF_KELAS_SPAWNER", "SARAF_KELAS_UJI_DIR", "SARAF_KELAS_UJI_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return class_server.load_config(class_server.CONFIG)


def test_production_config_is_the_default_and_is_real(production):
    assert class_server.CONFIG.name == "jupyterhub_config.py"
    hub = production.JupyterHub
    assert hub.authenticator_class == "jupyterhub.auth.PAMAuthenticator"
    assert hub.spawner_class == "systemdspawner.SystemdSpawner"
    assert hub.bind_url == "http://127.0.0.1:8000"
    spawner = production.Spawner
    assert spawner.cmd == class_server.learner_command()
    assert spawner.notebook_dir == class_server.WORKBOOK_DIR
    assert spawner.default_url == "/lab"
    assert spawner.mem_limit and spawner.cpu_limit


def test_local_spawner_choice_and_bad_choice(monkeypatch):
    monkeypatch.setenv("SARAF_KELAS_SPAWNER", "lokal")
    cfg = class_server.load_config(class_server.CONFIG)
    assert cfg.JupyterHub.spawner_class == "jupyterhub.spawner.LocalProcessSpawner"
    monkeypatch.setenv("SARAF_KELAS_SPAWNER", "docker")
    with pytest.raises(ValueError, match="SARAF_KELAS_SPAWNER"):
        class_server.load_config(class_server.CONFIG)


def test_test_config_refuses_to_load_outside_tests(monkeypatch):
    monkeypatch.delenv("SARAF_KELAS_UJI_DIR", raising=False)
    monkeypatch.delenv("SARAF_KELAS_UJI_TOKEN", raising=False)
    with pytest.raises(RuntimeError, match="hanya untuk tes"):
        class_server.load_config(TEST_CONFIG)


def test_check_reports_missing_proxy(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(class_server, "LOCAL_PROXY", tmp_path / "tidak-ada")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("SARAF_KELAS_SPAWNER", "lokal")
    assert class_server.main(["--periksa"]) == 1
    out = capsys.readouterr().out
    assert "configurable-http-proxy` tidak ditemukan" in out
    assert "npm ci --prefix kelas" in out


def test_check_needs_root_for_pam_and_warns_about_limits(monkeypatch):
    monkeypatch.setenv("SARAF_KELAS_SPAWNER", "lokal")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    errors, warnings = class_server.check()
    assert any("sebagai root" in e and "PAM" in e for e in errors), errors
    assert any("TIDAK menegakkan batas memori" in w for w in warnings), warnings


def test_check_tls_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("SARAF_KELAS_SPAWNER", "lokal")
    monkeypatch.setenv("SARAF_KELAS_URL", "https://:8443")
    errors, _ = class_server.check()
    assert any("https" in e and "sertifikat" in e for e in errors), errors
    monkeypatch.setenv("SARAF_KELAS_SSL_CERT", str(tmp_path / "sertifikat.pem"))
    monkeypatch.setenv("SARAF_KELAS_SSL_KEY", str(tmp_path / "kunci.pem"))
    errors, _ = class_server.check()
    assert any("sertifikat.pem` tidak ada" in e for e in errors), errors
    monkeypatch.setenv("SARAF_KELAS_URL", "http://:8000")
    monkeypatch.delenv("SARAF_KELAS_SSL_CERT")
    monkeypatch.delenv("SARAF_KELAS_SSL_KEY")
    _, warnings = class_server.check()
    assert any("tanpa HTTPS" in w for w in warnings), warnings


def test_learner_start_syncs_workbook_without_overwriting(monkeypatch, tmp_path):
    home = tmp_path / "rumah"
    work = home / "buku-kerja"
    work.mkdir(parents=True)
    mine = b'{"cells": [], "nbformat": 4, "nbformat_minor": 5, "metadata": {}}\n'
    (work / LESSON.filename).write_bytes(mine)
    calls = []
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("JUPYTERHUB_ROOT_DIR", "~/buku-kerja")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), "/lain"]))
    monkeypatch.setattr(os, "execve", lambda *args: calls.append(args))
    class_server.main(["pembelajar", "--debug"])
    assert (work / LESSON.filename).read_bytes() == mine  # pekerjaan pembelajar tetap
    assert {p.name for p in work.glob("*.ipynb")} == {lesson.filename for lesson in LESSONS}
    (program, command, env), = calls
    assert command[:3] == [sys.executable, "-m", "jupyterhub.singleuser"]
    assert command[-1] == "--debug", "argumen dari hub diteruskan"
    # Foto pelajaran 15 (hingga 20 MB) lewat websocket kernel tanpa memutus koneksi.
    settings = json.loads(command[3].split("=", 1)[1])
    assert command[3].startswith("--ServerApp.tornado_settings=")
    assert settings == {"websocket_max_message_size": app.MAX_MESSAGE_BYTES}
    assert env["PYTHONPATH"] == "/lain"


# ----- Tes integrasi: hub sungguhan, tiga pengguna, pelajaran 03 lewat pesan kernel --------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _processes_under(folder: Path) -> list[int]:
    """PID proses yang folder kerjanya di dalam ``folder`` (server pengguna dan kernelnya)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                cwd = Path(os.readlink(entry / "cwd"))
            except OSError:
                continue
            if cwd == folder or folder in cwd.parents:
                found.append(int(entry.name))
    return found


def _stop(process: subprocess.Popen, folder: Path) -> None:
    """Menghentikan hub dengan sopan (hub menghentikan server pengguna), lalu sisanya paksa."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
    for pid in _processes_under(folder):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """JupyterHub (konfigurasi uji) lewat peluncur; mengembalikan (url, token admin, folder)."""
    requests = pytest.importorskip("requests")
    pytest.importorskip("websocket", reason="websocket-client tidak terpasang")
    if not sys.platform.startswith("linux"):
        pytest.skip("server kelas hanya untuk Linux")
    folder = tmp_path_factory.mktemp("kelas")
    token, port = secrets.token_hex(16), _free_port()
    env = dict(os.environ, SARAF_KELAS_UJI_DIR=str(folder), SARAF_KELAS_UJI_TOKEN=token,
               SARAF_KELAS_UJI_PORT=str(port))
    env.pop("PYTEST_CURRENT_TEST", None)
    errors, _ = _check_with(env)
    if any("configurable-http-proxy" in e or "Node.js" in e for e in errors):
        pytest.skip("configurable-http-proxy belum terpasang (`npm ci --prefix kelas`)")
    assert not errors, errors
    log_path = folder / "hub.log"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tools.class_server", "--konfigurasi", str(TEST_CONFIG)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if requests.get(f"{url}/hub/api/", timeout=5).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert process.poll() is None and time.monotonic() < deadline, \
                log_path.read_text(encoding="utf-8")
            time.sleep(0.5)
        yield url, token, folder
    finally:
        _stop(process, folder)
        assert not _processes_under(folder)


def _check_with(env: dict) -> tuple[list[str], list[str]]:
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        return class_server.check(TEST_CONFIG)
    finally:
        os.environ.clear()
        os.environ.update(saved)


class Api:
    """Permintaan REST ke hub atau ke server satu pengguna, dengan satu token."""

    def __init__(self, url: str, token: str):
        import requests

        self.url, self.session = url, requests.Session()
        self.session.headers["Authorization"] = f"token {token}"

    def call(self, method: str, path: str, expect=(200,), **kwargs):
        response = self.session.request(method, self.url + path, timeout=60, **kwargs)
        assert response.status_code in expect, (method, path, response.status_code,
                                                 response.text[:2000])
        return response.json() if response.content else None


def _start_server(admin: Api, name: str, log: Path) -> None:
    admin.call("POST", f"/hub/api/users/{name}/server", expect=(201, 202))
    deadline = time.monotonic() + 180
    while True:
        server = admin.call("GET", f"/hub/api/users/{name}")["servers"].get("", {})
        if server.get("ready"):
            return
        # Tanpa entri server: gagal dimulai. Log hub berisi log server pengguna juga.
        assert server and time.monotonic() < deadline, \
            f"server {name} tidak siap: {server}\n" + log.read_text(encoding="utf-8")[-6000:]
        time.sleep(0.5)


def _stop_server(admin: Api, name: str) -> None:
    admin.call("DELETE", f"/hub/api/users/{name}/server", expect=(202, 204))
    deadline = time.monotonic() + 60
    while admin.call("GET", f"/hub/api/users/{name}")["servers"]:
        assert time.monotonic() < deadline, f"server {name} tidak berhenti"
        time.sleep(0.5)


class Kernel:
    """Klien kernel minimal: protokol pesan Jupyter (JSON) lewat WebSocket proksi hub."""

    def __init__(self, ws_url: str, token: str):
        import websocket

        self.session = uuid.uuid4().hex
        self.ws = websocket.create_connection(f"{ws_url}?session_id={self.session}",
                                              header=[f"Authorization: token {token}"],
                                              timeout=600)

    def execute(self, code: str) -> list[dict]:
        """Menjalankan ``code``; mengembalikan keluarannya dalam format nbformat."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "session": self.session, "username": "uji",
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False,
                        "stop_on_error": True}}))
        outputs, idle, replied = [], False, False
        while not (idle and replied):
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "execute_reply":
                replied = True
            elif kind == "status":
                idle = content["execution_state"] == "idle"
            elif kind == "clear_output":
                outputs.clear()
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"output_type": kind, **content})
        return outputs

    def close(self):
        self.ws.close()


def _sanitizer():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "tests" / "nbval_sanitize.cfg", encoding="utf-8")
    rules = [(re.compile(parser[s]["regex"]), parser[s]["replace"]) for s in parser.sections()]

    def clean(text: str) -> str:
        for pattern, replacement in rules:
            text = pattern.sub(replacement, text)
        return text

    return clean


def comparable(outputs, clean) -> list:
    """Keluaran yang dibandingkan: stdout (digabung) dan data selain PNG dan ID widget."""
    result = []
    for out in outputs:
        kind = out["output_type"]
        if kind == "stream" and out["name"] == "stdout":
            if result and result[-1][0] == "stdout":
                result[-1] = ("stdout", result[-1][1] + out["text"])
            else:
                result.append(("stdout", out["text"]))
        elif kind in ("display_data", "execute_result"):
            data = {k: "".join(v) if isinstance(v, list) else v
                    for k, v in out["data"].items() if k not in SKIPPED_MIME}
            result.append(("data", json.dumps(data, sort_keys=True)))
    return [(kind, clean(text)) for kind, text in result]


def _run_lesson(url: str, name: str, token: str) -> int:
    """Menjalankan pelajaran 03 dari buku kerja ``name``; mengembalikan jumlah sel dibandingkan."""
    user = Api(url, token)
    base = f"/user/{name}/api"
    listing = user.call("GET", f"{base}/contents/")["content"]
    assert {lesson.filename for lesson in LESSONS} <= {item["name"] for item in listing}
    copy = nbformat.from_dict(user.call("GET", f"{base}/contents/{LESSON.filename}")["content"])
    reference = nbformat.read(LESSON.path(NOTEBOOK_DIR), as_version=4)
    stored = {cell.id: cell for cell in reference.cells if cell.cell_type == "code"}
    session = user.call("POST", f"{base}/sessions", expect=(201,), json={
        "path": LESSON.filename, "type": "notebook", "kernel": {"name": "python3"}})
    kernel = Kernel(f"ws://{url.removeprefix('http://')}{base}/kernels/"
                    f"{session['kernel']['id']}/channels", token)
    clean, compared = _sanitizer(), 0
    try:
        for index, cell in enumerate(copy.cells):
            if cell.cell_type != "code":
                continue
            outputs = kernel.execute(cell.source)
            assert not [o for o in outputs if o["output_type"] == "error"], (name, index, outputs)
            tags = cell.metadata.get("tags", [])
            if edition.ANSWER_TAG in tags or edition.is_check(cell):
                continue  # sel jawaban masih kerangka: keluarannya bukan keluaran acuan
            ref = stored[cell.id]
            assert cell.source == ref.source
            assert comparable(outputs, clean) == comparable(ref.outputs, clean), (name, index)
            compared += 1
        # Seperti JupyterLab: menyimpan notebook yang sudah dijalankan ke buku kerja.
        copy.cells[0].source += "\n\nCatatan pembelajar: sudah saya jalankan."
        user.call("PUT", f"{base}/contents/{LESSON.filename}", expect=(200, 201), json={
            "type": "notebook", "format": "json", "content": copy})
    finally:
        kernel.close()
        user.call("DELETE", f"{base}/sessions/{session['id']}", expect=(204,))
    return compared


@pytest.mark.slow
def test_three_learners_run_lesson_03_through_the_hub(hub):
    url, token, folder = hub
    admin = Api(url, token)
    names = sorted(user["name"] for user in admin.call("GET", "/hub/api/users"))
    assert names == ["ani", "budi", "citra"]
    reference = nbformat.read(LESSON.path(NOTEBOOK_DIR), as_version=4)
    expected = sum(1 for c in reference.cells if c.cell_type == "code"
                   and not edition.is_solution(c) and not edition.is_check(c))
    for i, name in enumerate(names):
        _start_server(admin, name, folder / "hub.log")
        user_token = admin.call("POST", f"/hub/api/users/{name}/tokens", expect=(201,),
                                json={"note": "uji kelas", "expires_in": 3600})["token"]
        assert _run_lesson(url, name, user_token) == expected
        if i:  # token satu pembelajar tidak membuka server pembelajar lain yang sedang jalan
            Api(url, user_token).call("GET", f"/user/{names[i - 1]}/api/contents/",
                                      expect=(403,), allow_redirects=False)
        workbook = folder / "rumah" / name / "buku-kerja"
        assert (workbook / LESSON.filename).is_file()
    # Server dimulai ulang: buku kerja disinkronkan lagi, pekerjaan pembelajar tetap ada.
    first = names[0]
    saved = (folder / "rumah" / first / "buku-kerja" / LESSON.filename).read_bytes()
    _stop_server(admin, first)
    _start_server(admin, first, folder / "hub.log")
    assert (folder / "rumah" / first / "buku-kerja" / LESSON.filename).read_bytes() == saved
    assert "Catatan pembelajar" in saved.decode("utf-8")
    for name in names:
        _stop_server(admin, name)
