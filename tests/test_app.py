"""Tes ``tools.app`` (aplikasi papan gambar, Voilà) tanpa server dan tanpa peramban.

Argumen yang diberikan ke Voilà diuraikan oleh Voilà sendiri (``parse_command_line``), jadi
yang diperiksa adalah nilai yang benar-benar akan dipakai server: alamat 127.0.0.1, templat
``saraf``, kode notebook tidak dikirim, hanya pesan widget yang diteruskan ke kernel. Tes
peramban (server sungguhan, Chromium) ada di ``tests/browser/test_app_browser.py``.
"""

from __future__ import annotations

import os
import re
import signal
import webbrowser
from pathlib import Path

import nbformat
import pytest

from tools import app

pytest.importorskip("voila", reason="Voilà tidak terpasang")

CDN_LINK = re.compile(r"""replace\('(<link [^']*https://[^']*)'""")


@pytest.fixture(autouse=True)
def _environment(monkeypatch):
    """``main`` dan ``prepare_environment`` mengubah os.environ: dipulihkan setelah setiap tes."""
    monkeypatch.setenv("JUPYTER_PATH", "")
    monkeypatch.delenv("TF_CPP_MIN_LOG_LEVEL", raising=False)


@pytest.fixture
def voila_app(tmp_path):
    """``make(argv)``: aplikasi Voilà ``tools.app`` yang sudah diinisialisasi, tanpa server."""
    app.prepare_environment(os.environ)
    handler = signal.getsignal(signal.SIGTERM)  # Voilà memasang penangan SIGTERM-nya sendiri

    def make(argv):
        instance = app._app_class()()
        instance.initialize(app.voila_args(argv))
        instance.connection_dir = str(tmp_path)
        instance.init_settings()  # seperti `start`, tetapi tanpa mendengarkan di port
        return instance

    yield make
    signal.signal(signal.SIGTERM, handler)


def test_prepare_environment_adds_the_template_folder_once():
    environ = {"JUPYTER_PATH": "/lain"}
    app.prepare_environment(environ)
    app.prepare_environment(environ)
    assert environ["JUPYTER_PATH"].split(os.pathsep) == [str(app.JUPYTER_DIR), "/lain"]
    assert environ["TF_CPP_MIN_LOG_LEVEL"] == "2"


def test_defaults_listen_on_loopback_with_the_saraf_template():
    args = app.voila_args([])
    assert args[0] == str(app.NOTEBOOK) and app.NOTEBOOK.is_file()
    assert "--Voila.ip=127.0.0.1" in args and "--port=8866" in args
    assert "--template=saraf" in args


@pytest.mark.parametrize("argv, ip", [
    (["--ip=0.0.0.0"], "0.0.0.0"),
    (["--ip", "192.168.1.5"], "192.168.1.5"),
    (["--Voila.ip=10.0.0.2", "--no-browser"], "10.0.0.2"),
    (["--Voila.ip", "10.0.0.3"], None),
])
def test_another_address_only_when_asked(argv, ip):
    args = app.voila_args(argv)
    assert [a for a in args if a.startswith("--Voila.ip=")] == ([f"--Voila.ip={ip}"]
                                                                  if ip else [])


@pytest.mark.parametrize("argv, fragment", [
    (["--ip"], "`--ip` harus diikuti alamat"),
    (["--ip", "--no-browser"], "`--ip` harus diikuti alamat"),
    (["lain.ipynb"], "Argumen tidak dikenal: 'lain.ipynb'"),
    (["--no-browser", "lain.ipynb"], "Argumen tidak dikenal: 'lain.ipynb'"),
    (["--port=8890", "8891"], "Argumen tidak dikenal: '8891'"),
])
def test_bad_arguments_are_explained(argv, fragment, capsys):
    with pytest.raises(ValueError, match=re.escape(fragment)):
        app.voila_args(argv)
    assert app.main(argv) == 2
    out = capsys.readouterr().out
    assert fragment in out and "Pemakaian: python -m tools.app" in out


def test_help_is_indonesian(capsys):
    assert app.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Pemakaian" in out and "--no-browser" in out and "Ctrl+C" in out


def test_voila_reads_our_defaults(voila_app):
    server = voila_app([])
    assert server.ip == "127.0.0.1" and server.port == app.DEFAULT_PORT
    assert server.open_browser is True
    assert Path(server.notebook_path).resolve() == app.NOTEBOOK
    # Hanya folder aplikasi yang dilayani sebagai berkas statis, bukan seluruh repositori.
    assert Path(server.root_dir) == app.NOTEBOOK.parent
    config = server.voila_configuration
    assert config.template == "saraf" and config.strip_sources and not config.show_tracebacks
    assert Path(server.template_paths[0]) == app.JUPYTER_DIR / "voila" / "templates" / "saraf"
    assert server.tornado_settings["websocket_max_message_size"] == app.MAX_MESSAGE_BYTES


@pytest.mark.parametrize("argv", [
    ["--port=8890", "--no-browser", "--ip=0.0.0.0"],
    ["--port", "8890", "--no-browser", "--ip", "0.0.0.0"],
    ["--Voila.port", "8890", "--no-browser", "--Voila.ip", "0.0.0.0"],
])
def test_user_options_win(voila_app, argv):
    server = voila_app(argv)
    assert (server.port, server.open_browser, server.ip) == (8890, False, "0.0.0.0")




def test_kernel_only_accepts_widget_messages(voila_app):
    server = voila_app(["--no-browser"])
    allowed = set(server.kernel_manager.allowed_message_types)
    assert allowed and "execute_request" not in allowed
    assert allowed <= {"comm_open", "comm_close", "comm_msg", "comm_info_request",
                       "kernel_info_request", "shutdown_request"}


def test_upload_limit_fits_in_one_websocket_message():
    from saraf.widgets.upload import MAX_UPLOAD_BYTES

    # Foto di atas batas unggahan harus tetap sampai ke Python (yang menjawab dengan pesan),
    # bukan ditolak Tornado (sambungan terputus tanpa pesan): beri ruang untuk kepala pesan.
    assert app.MAX_MESSAGE_BYTES >= MAX_UPLOAD_BYTES + 2**20


def test_template_removes_exactly_the_cdn_links_of_the_lab_template():
    from voila.paths import collect_template_paths

    ours = (app.JUPYTER_DIR / "voila" / "templates" / "saraf" / "index.html.j2").read_text(
        encoding="utf-8")
    links = CDN_LINK.findall(ours)
    lab = next(Path(p) / "index.html.j2" for p in collect_template_paths(["voila"], "lab")
               if (Path(p) / "index.html.j2").is_file())
    lab_text = lab.read_text(encoding="utf-8")
    cdn_in_lab = [line.strip() for line in lab_text.splitlines()
                  if "<link" in line and "https://" in line]
    assert links and sorted(links) == sorted(cdn_in_lab), (
        "templat Voilà 'lab' berubah: perbarui aplikasi/jupyter/voila/templates/saraf")


def test_notebook_shows_only_text_and_widgets():
    nb = nbformat.read(app.NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert nb.metadata["title"] == first.source.splitlines()[0][2:]
    code = [c for c in nb.cells if c.cell_type == "code"]
    # Voilà menjalankannya setiap kali halaman dibuka: tidak ada keluaran tersimpan.
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    # Sel tampilan hanya menampilkan widget (bukan teks atau angka dari print).
    assert [c.source for c in code[1:]] == ["pad", "uploader"]
    assert "print(" not in "".join(c.source for c in code)
    source = code[0].source
    assert 'model="cnn"' in source and "widgets.link" in source


def test_missing_voila_is_explained(monkeypatch, capsys):
    def no_voila():
        raise ImportError("voila")

    monkeypatch.setattr(app, "_app_class", no_voila)
    assert app.main(["--no-browser"]) == 1
    assert "Voilà belum terpasang" in capsys.readouterr().out


class _FakeApp:
    def __init__(self, outcome):
        self.outcome = outcome
        self.args = None

    def launch_instance(self, args):
        self.args = args
        raise self.outcome


@pytest.mark.parametrize("outcome, code, message", [
    (KeyboardInterrupt(), 0, "Aplikasi dihentikan."),
    (SystemExit(1), 1, "tidak dapat dijalankan"),
])
def test_main_stops_cleanly(monkeypatch, capsys, outcome, code, message):
    fake = _FakeApp(outcome)
    monkeypatch.setattr(app, "_app_class", lambda: fake)
    assert app.main(["--no-browser"]) == code
    assert message in capsys.readouterr().out
    assert fake.args == app.voila_args(["--no-browser"])


def test_messages_when_running(voila_app, capsys, monkeypatch):
    server = voila_app(["--no-browser"])
    server._announce()
    out = capsys.readouterr().out
    assert "berjalan di http://127.0.0.1:8866/" in out and "Perhatian" not in out
    assert "Ctrl+C" in out

    server = voila_app(["--ip=0.0.0.0"])
    server._announce()
    assert "Perhatian: server mendengarkan di 0.0.0.0" in capsys.readouterr().out

    def no_browser(name=None):
        raise webbrowser.Error("tidak ada")

    monkeypatch.setattr(webbrowser, "get", no_browser)
    server._open_browser()
    assert "Peramban tidak ditemukan" in capsys.readouterr().out

    opened = []
    monkeypatch.setattr(webbrowser, "get", lambda name=None: object())
    from voila.app import Voila

    monkeypatch.setattr(Voila, "launch_browser", lambda self: opened.append(self))
    server._open_browser()
    assert opened == [server] and "Membuka peramban" in capsys.readouterr().out


@pytest.mark.slow
def test_notebook_code_builds_linked_widgets():
    """Kode notebook dijalankan di sini (tanpa Voilà): model bawaan CNN, pilihan tertaut."""
    pytest.importorskip("tensorflow")
    nb = nbformat.read(app.NOTEBOOK, as_version=4)
    namespace: dict = {}
    exec(nb.cells[1].source, namespace)  # noqa: S102 - notebook milik repositori ini
    pad, uploader = namespace["pad"], namespace["uploader"]
    assert set(pad.models) == {"mlp", "mlp_seed", "cnn_numpy", "cnn"}
    assert uploader.models == pad.models
    assert pad.model_toggle.value == uploader.model_toggle.value == "cnn"
    assert uploader.prediction == 3  # foto contoh bawaan
    for key in ("mlp", "mlp_seed", "cnn_numpy"):
        pad.model_toggle.value = key
        assert uploader.model_toggle.value == key
        assert uploader.result.value.count(f">{_label(key)}<") == 1
    uploader.model_toggle.value = "cnn"
    assert pad.model_toggle.value == "cnn"


def _label(key: str) -> str:
    from saraf.widgets.drawpad import MODEL_LABELS

    return MODEL_LABELS[key]
