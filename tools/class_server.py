"""Server kelas: satu JupyterHub untuk banyak pembelajar di SATU komputer (Linux).

Konfigurasinya ada di ``kelas/jupyterhub_config.py`` (produksi: login sungguhan, satu server
terpisah untuk setiap pembelajar, batas memori dan CPU). Modul ini memeriksa prasyaratnya
dengan pesan yang jelas, lalu menjalankan JupyterHub dengan konfigurasi itu::

    python -m tools.class_server             # periksa prasyarat, lalu jalankan hub
    python -m tools.class_server --periksa   # hanya periksa prasyarat
    python -m tools.class_server --konfigurasi BERKAS   # konfigurasi lain (misalnya untuk tes)

Setiap server pembelajar dimulai lewat ``python -m tools.class_server pembelajar ...``
(dipanggil JupyterHub, bukan oleh Anda): perintah itu membuat atau melengkapi buku kerja
pembelajar dengan :func:`tools.workbook.sync` (pekerjaannya tidak pernah ditimpa), lalu
menjalankan ``jupyterhub-singleuser`` dengan JupyterLab di folder itu.

Modul ini hanya memakai pustaka standar saat diimpor; JupyterHub dan traitlets dimuat saat
dibutuhkan. Proksi ``configurable-http-proxy`` (Node.js >= 20) dipasang dengan
``npm ci --prefix kelas`` ke ``kelas/node_modules/``.
"""

from __future__ import annotations

import importlib
import ipaddress
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tools.lessons import ROOT

CLASS_DIR = ROOT / "kelas"
#: Konfigurasi produksi: satu-satunya konfigurasi bawaan.
CONFIG = CLASS_DIR / "jupyterhub_config.py"
#: Proksi yang dipasang ``npm ci --prefix kelas`` (versinya dikunci di kelas/package.json).
LOCAL_PROXY = CLASS_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
#: Basis data hub, rahasia cookie, dan berkas pid proksi (diabaikan git; hanya untuk root).
STATE_DIR = Path(os.environ.get("SARAF_KELAS_DATA", CLASS_DIR / "_hub"))
#: Folder buku kerja setiap pembelajar, relatif terhadap folder rumahnya.
WORKBOOK_DIR = "~/buku-kerja"
MIN_NODE = 20

USAGE = ("Pemakaian: python -m tools.class_server [--periksa] [--konfigurasi BERKAS] "
         "[argumen jupyterhub ...]")


def say(message: str) -> None:
    print(f"[saraf] {message}", flush=True)


def learner_command(python: str = sys.executable) -> list[str]:
    """``Spawner.cmd``: mulai server satu pembelajar lewat :func:`start_learner`."""
    return [python, "-m", "tools.class_server", "pembelajar"]


def learner_environment() -> dict[str, str]:
    """Variabel lingkungan server pembelajar: sama dengan saat notebook disegarkan dan diuji."""
    from tools.notebooks import KERNEL_ENV

    # PYTHONPATH hanya agar `-m tools.class_server` ditemukan; dibuang lagi sebelum server
    # JupyterLab dimulai (lihat start_learner).
    return {**KERNEL_ENV, "PYTHONPATH": str(ROOT)}


def start_learner(args: list[str]) -> int:
    """Menyiapkan buku kerja pembelajar lalu menggantikan proses ini dengan server Jupyter."""
    from tools.workbook import sync

    folder = Path(os.path.expanduser(os.environ.get("JUPYTERHUB_ROOT_DIR") or WORKBOOK_DIR))
    try:
        report = sync(folder)
    except OSError as exc:
        say(f"Buku kerja gagal disiapkan di {folder}: {exc}")
        return 1
    # Notebook rusak sudah dilaporkan di sini; pelajaran lain tetap bisa dibuka.
    say(report.describe())
    env = dict(os.environ)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(ROOT)]
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    else:
        env.pop("PYTHONPATH", None)
    from tools.app import MAX_MESSAGE_BYTES  # foto pelajaran 15 hingga 20 MB lewat websocket

    settings = json.dumps({"websocket_max_message_size": MAX_MESSAGE_BYTES})
    command = [sys.executable, "-m", "jupyterhub.singleuser",
               f"--ServerApp.tornado_settings={settings}", *args]
    os.execve(sys.executable, command, env)
    return 1  # tidak tercapai


def _resolve(value, group: str):
    """Kelas dari nilai ``authenticator_class``/``spawner_class`` (kelas, "paket.Kelas", alias)."""
    if isinstance(value, type):
        return value
    name = str(value)
    if "." not in name:
        from importlib.metadata import entry_points

        found = [e for e in entry_points(group=group) if e.name == name]
        if not found:
            raise ImportError(f"tidak ada {group} bernama {name!r}")
        return found[0].load()
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def load_config(path: Path):
    """Memuat berkas konfigurasi JupyterHub (traitlets) tanpa menjalankan hub."""
    from traitlets.config.loader import PyFileConfigLoader

    path = Path(path).resolve()
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


def _node_major() -> int | None:
    node = shutil.which("node")
    if not node:
        return None
    try:
        text = subprocess.run([node, "--version"], capture_output=True, text=True,
                              timeout=30).stdout
        return int(text.strip().lstrip("v").split(".")[0])
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def _check_proxy(cfg, errors: list[str]) -> None:
    command = cfg.ConfigurableHTTPProxy.get("command") or ["configurable-http-proxy"]
    program = command[0] if isinstance(command, (list, tuple)) else str(command)
    if not (Path(program).is_file() or shutil.which(program)):
        errors.append(
            "Proksi `configurable-http-proxy` tidak ditemukan. Pasang sekali dari akar "
            "repositori dengan `npm ci --prefix kelas` (butuh Node.js "
            f">= {MIN_NODE} dan npm, misalnya paket Debian `nodejs` dan `npm`).")
        return
    major = _node_major()
    if major is None:
        errors.append(f"Node.js tidak ditemukan: proksi butuh perintah `node` (versi >= "
                      f"{MIN_NODE}). Pasang paket Debian `nodejs`.")
    elif major < MIN_NODE:
        errors.append(f"Node.js {major} terlalu lama: proksi butuh versi >= {MIN_NODE}.")


def _check_network(cfg, errors: list[str], warnings: list[str]) -> None:
    hub = cfg.JupyterHub
    cert, key = hub.get("ssl_cert", ""), hub.get("ssl_key", "")
    url = urlsplit(hub.get("bind_url", "http://:8000"))
    if bool(cert) != bool(key):
        errors.append("HTTPS butuh dua berkas: sertifikat (`SARAF_KELAS_SSL_CERT`) dan kunci "
                      "(`SARAF_KELAS_SSL_KEY`); baru satu yang diisi.")
    for name, path in (("sertifikat", cert), ("kunci", key)):
        if path and not os.access(path, os.R_OK):
            errors.append(f"Berkas {name} TLS `{path}` tidak ada atau tidak dapat dibaca.")
    if url.scheme == "https" and not (cert and key):
        errors.append(f"Alamat `{url.geturl()}` memakai https, tetapi sertifikat dan kunci TLS "
                      "belum diisi (`SARAF_KELAS_SSL_CERT`, `SARAF_KELAS_SSL_KEY`).")
    host = url.hostname or "0.0.0.0"
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if url.scheme == "http" and not local:
        warnings.append(
            f"Hub mendengarkan di {url.geturl()} tanpa HTTPS: kata sandi terkirim tanpa "
            "enkripsi. Pakai sertifikat TLS atau reverse proxy ber-HTTPS (lihat "
            "kelas/jupyterhub_config.py).")


def _check_classes(cfg, errors: list[str], warnings: list[str]) -> None:
    from jupyterhub.auth import DummyAuthenticator, PAMAuthenticator
    from jupyterhub.spawner import LocalProcessSpawner, SimpleLocalProcessSpawner

    classes = {}
    for trait, group, fallback in (("authenticator_class", "jupyterhub.authenticators", "pam"),
                                   ("spawner_class", "jupyterhub.spawners", "localprocess")):
        value = cfg.JupyterHub.get(trait, fallback)
        try:
            classes[trait] = _resolve(value, group)
        except (ImportError, AttributeError) as exc:
            package = str(value).split(".")[0]
            errors.append(f"`{trait}` = {value!r} tidak dapat dimuat ({exc}). Pasang paketnya "
                          f"(misalnya `pip install jupyterhub-{package}`) atau ubah "
                          "kelas/jupyterhub_config.py.")
    auth, spawner = classes.get("authenticator_class"), classes.get("spawner_class")
    needs_root = []
    if auth and issubclass(auth, PAMAuthenticator):
        needs_root.append("login PAM memeriksa kata sandi akun Linux pembelajar")
    if spawner and spawner.__name__ == "SystemdSpawner":
        needs_root.append("SystemdSpawner membuat unit systemd untuk setiap pembelajar")
        if not (shutil.which("systemd-run") and Path("/run/systemd/system").is_dir()):
            errors.append("SystemdSpawner butuh systemd yang berjalan (`systemd-run`), tetapi "
                          "systemd tidak aktif di mesin ini (misalnya di dalam kontainer). "
                          "Pakai SARAF_KELAS_SPAWNER=lokal atau jalankan di server biasa.")
    elif spawner and issubclass(spawner, LocalProcessSpawner) and not issubclass(
            spawner, SimpleLocalProcessSpawner):
        needs_root.append("setiap server pembelajar berjalan sebagai akun Linux-nya sendiri")
        warnings.append("LocalProcessSpawner TIDAK menegakkan batas memori dan CPU "
                        "(mem_limit, cpu_limit): satu pembelajar dapat menghabiskan memori "
                        "server. Pakai SystemdSpawner (bawaan) bila memungkinkan.")
    if needs_root and os.geteuid() != 0:
        errors.append("Server kelas harus dijalankan sebagai root (misalnya dengan sudo), "
                      "karena " + "; ".join(needs_root) + ".")
    if (auth and issubclass(auth, DummyAuthenticator)) or (
            spawner and issubclass(spawner, SimpleLocalProcessSpawner)):
        warnings.append("Konfigurasi ini memakai DummyAuthenticator/SimpleLocalProcessSpawner: "
                        "HANYA untuk tes, tanpa kata sandi dan tanpa pemisahan pembelajar.")


def check(config: Path = CONFIG) -> tuple[list[str], list[str]]:
    """Memeriksa prasyarat server kelas. Mengembalikan ``(galat, peringatan)``."""
    errors: list[str] = []
    warnings: list[str] = []
    if os.name != "posix" or sys.platform == "darwin":
        return ["Server kelas (JupyterHub) hanya berjalan di Linux. Untuk belajar sendiri "
                "di Windows atau macOS, pakai `python mulai.py`."], warnings
    try:
        import jupyterhub
    except ImportError:
        return ["JupyterHub belum terpasang di lingkungan ini. Pasang grup `kelas` dari akar "
                f"repositori: `{sys.executable} -m pip install -e \".[kursus,kelas]\"`."], warnings
    if not Path(config).is_file():
        return [f"Berkas konfigurasi {config} tidak ada."], warnings
    try:
        cfg = load_config(config)
    except Exception as exc:  # galat di berkas konfigurasi: tampilkan apa adanya
        return [f"Konfigurasi {config} gagal dimuat: {type(exc).__name__}: {exc}"], warnings
    _check_proxy(cfg, errors)
    _check_network(cfg, errors, warnings)
    _check_classes(cfg, errors, warnings)
    if not any("jupyterhub_idle_culler" in " ".join(map(str, s.get("command", [])))
               for s in cfg.JupyterHub.get("services", [])):
        warnings.append("Server pembelajar yang menganggur tidak dihentikan otomatis "
                        "(pasang `jupyterhub-idle-culler` untuk membebaskan memorinya).")
    say(f"JupyterHub {jupyterhub.__version__}, konfigurasi {config}.")
    return errors, warnings


def _state_dirs(cfg) -> list[Path]:
    hub = cfg.JupyterHub
    paths = [hub.get("cookie_secret_file"), cfg.ConfigurableHTTPProxy.get("pid_file")]
    db_url = str(hub.get("db_url", ""))
    if db_url.startswith("sqlite:///"):
        paths.append(db_url.removeprefix("sqlite:///"))
    return [Path(p).parent for p in paths if p]


def main(argv: list[str]) -> int:
    """``python -m tools.class_server [--periksa] [--konfigurasi BERKAS] [argumen ...]``."""
    args = list(argv)
    if args[:1] == ["pembelajar"]:
        return start_learner(args[1:])
    if args[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    config, only_check = CONFIG, "--periksa" in args
    if only_check:
        args.remove("--periksa")
    if "--konfigurasi" in args:
        i = args.index("--konfigurasi")
        if i + 1 >= len(args):
            print(USAGE)
            return 2
        config = Path(args[i + 1]).resolve()
        del args[i:i + 2]
    errors, warnings = check(config)
    for warning in warnings:
        say(f"PERINGATAN: {warning}")
    for error in errors:
        say(f"GALAT: {error}")
    if errors:
        say("Server kelas belum dapat dijalankan: perbaiki galat di atas, lalu coba lagi.")
        return 1
    if only_check:
        say("Semua prasyarat terpenuhi.")
        return 0
    dirs = _state_dirs(load_config(config))
    for folder in dirs:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if dirs:
        os.chdir(dirs[0])
    say("Menjalankan JupyterHub. Hentikan dengan Ctrl+C di jendela ini.")
    command = [sys.executable, "-m", "jupyterhub", "-f", str(config), *args]
    os.execv(sys.executable, command)
    return 1  # tidak tercapai


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
