"""Papan gambar angka sebagai aplikasi web (Voilà): ``python mulai.py aplikasi``.

::

    python mulai.py aplikasi [opsi Voilà]           # lewat peluncur
    python -m tools.app [--port=8890] [--no-browser] [--ip=ALAMAT] [opsi Voilà lain]

Voilà menjalankan ``aplikasi/tulisan_tangan.ipynb`` di kernel baru untuk setiap tab yang
membuka halamannya, lalu hanya menampilkan teks dan widget-nya (kodenya tidak dikirim ke
peramban). Bawaan yang dipasang di sini:

* hanya mendengarkan di ``127.0.0.1`` (komputer ini saja); alamat lain hanya bila Anda
  menulis ``--ip=...`` atau ``--Voila.ip=...``;
* tanpa internet: JavaScript widget (termasuk papan gambar ``anywidget``) dilayani Voilà
  sendiri dari lingkungan ``.venv``, dan templat ``saraf`` (``aplikasi/jupyter/``) membuang
  CSS Font Awesome yang diminta templat "lab" bawaan dari CDN;
* halaman tidak dapat menjalankan kode sembarang: kernel Voilà hanya menerima pesan widget
  (``comm_*``), ``kernel_info_request``, dan ``shutdown_request``; ``execute_request`` dari
  peramban dibuang;
* pesan dari peramban dibatasi ``MAX_MESSAGE_BYTES`` (``websocket_max_message_size``
  Tornado), jauh di atas batas unggahan ``saraf.widgets.upload.MAX_UPLOAD_BYTES``: foto yang
  melewati batas unggahan mendapat pesan berbahasa Indonesia, bukan sambungan terputus;
* peramban dibuka otomatis kecuali dengan ``--no-browser``; Ctrl+C menghentikan server dan
  semua kernelnya.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "aplikasi" / "tulisan_tangan.ipynb"
#: Folder data Jupyter tambahan (``JUPYTER_PATH``) berisi templat Voilà ``saraf``.
JUPYTER_DIR = ROOT / "aplikasi" / "jupyter"
TEMPLATE = "saraf"
DEFAULT_IP = "127.0.0.1"
DEFAULT_PORT = 8866
#: Batas satu pesan dari peramban ke server (``websocket_max_message_size`` Tornado), bait.
#: Bawaan Tornado (10 MiB) lebih kecil daripada batas widget unggah
#: (``saraf.widgets.upload.MAX_UPLOAD_BYTES``, 20 MiB): foto 10–20 MiB akan memutus
#: sambungan ke kernel tanpa pesan apa pun. Dengan 64 MiB, foto sampai 64 MiB tiba di Python
#: dan yang terlalu besar mendapat pesan berbahasa Indonesia; pesan yang lebih besar lagi
#: ditolak server sebelum dibaca (sambungan halaman itu terputus; muat ulang halamannya).
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_LOOPBACK = ("127.0.0.1", "localhost", "::1")

USAGE = f"""Pemakaian: python -m tools.app [opsi]   (atau: python mulai.py aplikasi [opsi])

Menjalankan papan gambar angka sebagai halaman web (Voilà) di http://{DEFAULT_IP}:{DEFAULT_PORT}/.

Opsi:
  --port=8890        nomor port lain (bila terpakai, Voilà mencoba port berikutnya)
  --no-browser       jangan membuka peramban; buka alamatnya sendiri
  --ip=ALAMAT        dengarkan di alamat lain, misalnya --ip=0.0.0.0 agar komputer lain di
                     jaringan dapat membukanya (bawaan: {DEFAULT_IP}, hanya komputer ini)
  -h, --help         tampilkan pesan ini

Opsi Voilà lain (misalnya --Voila.log_level=INFO) diteruskan apa adanya; daftarnya:
python -m voila --help-all. Hentikan aplikasi dengan Ctrl+C."""


def say(message: str) -> None:
    print(f"[saraf] {message}", flush=True)


def _given(args: list[str], *names: str) -> bool:
    """True bila salah satu opsi ``names`` (``--nama`` atau ``--nama=...``) ada di ``args``."""
    return any(a == n or a.startswith(n + "=") for a in args for n in names)


def voila_args(argv: list[str]) -> list[str]:
    """Argumen untuk Voilà: notebook aplikasi, bawaan aman, lalu argumen pengguna.

    ``--ip=X`` / ``--ip X`` diterjemahkan menjadi ``--Voila.ip=X``. Bawaan hanya ditambahkan
    bila pengguna tidak menuliskan opsi yang sama. ValueError bila argumennya tidak lengkap.
    """
    args: list[str] = []
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--ip":
            if not rest or rest[0].startswith("-"):
                raise ValueError("`--ip` harus diikuti alamat, misalnya --ip=127.0.0.1.")
            arg = "--ip=" + rest.pop(0)
        if arg.startswith("--ip="):
            arg = "--Voila.ip=" + arg[len("--ip="):]
        # Nilai yang ditulis terpisah dari opsinya (`--port 8890`) juga diterima.
        takes_value = bool(args) and args[-1].startswith("--") and "=" not in args[-1]
        if arg.endswith(".ipynb") or (not arg.startswith("-") and not takes_value):
            raise ValueError(f"Argumen tidak dikenal: {arg!r}. Aplikasi ini selalu membuka "
                             f"{NOTEBOOK.relative_to(ROOT).as_posix()}; opsi ditulis "
                             "seperti --port=8890.")
        args.append(arg)
    defaults = []
    if not _given(args, "--Voila.ip"):
        defaults.append(f"--Voila.ip={DEFAULT_IP}")
    if not _given(args, "--port", "--Voila.port"):
        defaults.append(f"--port={DEFAULT_PORT}")
    if not _given(args, "--template", "--VoilaConfiguration.template"):
        defaults.append(f"--template={TEMPLATE}")
    if not _given(args, "--Voila.log_level", "--debug"):
        defaults.append("--Voila.log_level=ERROR")  # pesan kita sendiri, berbahasa Indonesia
    return [str(NOTEBOOK), *defaults, *args]


def prepare_environment(environ) -> None:
    """Templat ``saraf`` dapat ditemukan Voilà (``JUPYTER_PATH``); log C++ TensorFlow senyap.

    Kernel aplikasi mewarisi lingkungan ini.
    """
    folders = environ.get("JUPYTER_PATH", "").split(os.pathsep)
    if str(JUPYTER_DIR) not in folders:
        environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(JUPYTER_DIR), *folders]))
    environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def _app_class():
    """Kelas Voilà dengan pesan berbahasa Indonesia dan batas ukuran pesan websocket."""
    import webbrowser

    from tornado.ioloop import IOLoop
    from traitlets import default
    from voila.app import Voila

    class SarafVoila(Voila):
        @default("tornado_settings")
        def _default_tornado_settings(self):
            # ws_ping_timeout: jupyter_server memakai 3 × interval ping (90 detik), Tornado ≥ 6.5
            # memotongnya menjadi sama dengan intervalnya sambil mencetak peringatan di
            # terminal pada setiap sambungan. Nilai yang sama, tanpa peringatan.
            return {"websocket_max_message_size": MAX_MESSAGE_BYTES, "ws_ping_timeout": 30_000}

        def listen(self):
            # Dijalankan begitu server berjalan: port sudah pasti (Voilà mungkin memilih
            # port lain bila yang diminta terpakai).
            IOLoop.current().add_callback(self._announce)
            super().listen()

        def _announce(self):
            say(f"Aplikasi papan gambar berjalan di {self.display_url}")
            if self.ip not in _LOOPBACK:
                say(f"Perhatian: server mendengarkan di {self.ip or 'semua alamat'}, jadi "
                    "komputer lain di jaringan dapat membukanya (memakai widget, tetapi tidak "
                    "menjalankan kode).")
            if not self.open_browser:
                say("Buka alamat itu di peramban Anda.")
            say("Hentikan dengan Ctrl+C di jendela ini.")

        def launch_browser(self):
            # Setelah pesan alamat (`_announce`), bukan sebelumnya.
            IOLoop.current().add_callback(self._open_browser)

        def _open_browser(self):
            try:
                webbrowser.get(self.browser or None)
            except webbrowser.Error:
                say("Peramban tidak ditemukan: buka alamat di atas sendiri.")
                return
            say("Membuka peramban...")
            super().launch_browser()

    return SarafVoila


def main(argv: list[str]) -> int:
    """``python -m tools.app [opsi]``: 0 setelah dihentikan dengan Ctrl+C, selain itu 1 atau 2."""
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    try:
        args = voila_args(argv)
    except ValueError as problem:
        say(f"{problem}\n\n{USAGE}")
        return 2
    if not NOTEBOOK.is_file():
        say(f"Notebook aplikasi tidak ada: {NOTEBOOK}.")
        return 1
    prepare_environment(os.environ)
    try:
        app_class = _app_class()
    except ImportError:
        say("Voilà belum terpasang di lingkungan ini. Jalankan `python mulai.py siapkan`, "
            "atau `pip install voila`.")
        return 1
    try:
        app_class.launch_instance(args)
    except KeyboardInterrupt:
        pass  # Ctrl+C sebelum server selesai dinyalakan
    except SystemExit as stop:
        if stop.code not in (0, None):
            say("Aplikasi tidak dapat dijalankan (lihat pesan Voilà di atas).")
            return 1
    say("Aplikasi dihentikan.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
