# Konfigurasi JupyterHub untuk kelas Saraf di SATU server Linux (produksi).
#
# Jalankan dari akar repositori sebagai root (login PAM dan server per pembelajar butuh root):
#
#     sudo python3 mulai.py kelas        # atau: sudo .venv/bin/python -m tools.class_server
#
# Yang terjadi:
# * Setiap pembelajar login dengan akun Linux-nya (PAM) dan mendapat server JupyterLab
#   sendiri, berjalan sebagai akun itu.
# * Saat servernya dimulai, buku kerja ~/buku-kerja dibuat atau dilengkapi dari edisi siswa
#   (tools.workbook.sync: pelajaran baru ditambahkan, pekerjaan pembelajar tidak pernah
#   ditimpa), lalu JupyterLab terbuka di folder itu.
# * Batas memori dan CPU per pembelajar ditegakkan oleh SystemdSpawner (bawaan di sini).
#
# Pengaturan tanpa mengubah berkas ini (variabel lingkungan):
#   SARAF_KELAS_URL        alamat dengar hub (bawaan http://127.0.0.1:8000, untuk reverse proxy)
#   SARAF_KELAS_SSL_CERT   berkas sertifikat TLS (PEM), bersama SARAF_KELAS_SSL_KEY
#   SARAF_KELAS_SSL_KEY    berkas kunci privat TLS
#   SARAF_KELAS_SPAWNER    systemd (bawaan, batas ditegakkan) atau lokal (tanpa batas)
#   SARAF_KELAS_GRUP       grup Linux pembelajar yang boleh login (bawaan kelas-saraf)
#   SARAF_KELAS_ADMIN      akun pengajar (admin hub), dipisah koma, misalnya "bu_sari"
#   SARAF_KELAS_DATA       folder basis data dan rahasia cookie hub (bawaan kelas/_hub)
#
# Konfigurasi uji (kelas/jupyterhub_config_uji.py) TIDAK PERNAH dipakai di sini.

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.class_server import (LOCAL_PROXY, STATE_DIR, WORKBOOK_DIR,  # noqa: E402
                                learner_command, learner_environment)

c = get_config()  # noqa: F821 (disediakan JupyterHub saat memuat berkas ini)

# ---------------------------------------------------------------------------------------------
# Angka yang perlu ditinjau pengajar, dari `python benchmarks/bench_kernels.py` (tabelnya di
# PANDUAN_PENGAJAR.md §6): kernel terberat (pelajaran 12, CNN Keras) ±973 MB RSS puncak, server
# JupyterLab ±117 MB; pelajaran yang tidak memuat TensorFlow (00, 01, 10) paling banyak ±222 MB.
# 1536 MB memuat satu kernel Keras + JupyterLab + satu kernel NumPy kedua; jangan di bawah
# ±1.100 MB. Total memori server ≈ MEM_LIMIT × pembelajar aktif + ±2 GB untuk sistem.
# ---------------------------------------------------------------------------------------------
#: Batas memori satu server pembelajar (kernel ikut dihitung); lewat batas, kernelnya dihentikan.
MEM_LIMIT = "1536M"
#: Batas CPU satu server pembelajar (1.0 = satu inti penuh).
CPU_LIMIT = 1.0
#: Server pembelajar yang menganggur selama ini (detik) dihentikan; buku kerjanya tetap ada.
IDLE_TIMEOUT_SECONDS = 60 * 60
#: Grup Linux yang anggotanya boleh login (buat dengan `sudo groupadd kelas-saraf`).
LEARNER_GROUP = os.environ.get("SARAF_KELAS_GRUP", "kelas-saraf")
#: Akun pengajar (admin hub): dapat melihat dan menghentikan server pembelajar.
ADMIN_USERS = {name.strip() for name in os.environ.get("SARAF_KELAS_ADMIN", "").split(",")
               if name.strip()}

# ----- Alamat dan HTTPS ----------------------------------------------------------------------
# Pilihan A (disarankan): reverse proxy ber-HTTPS (Caddy, nginx) di depan hub. Hub hanya
#   mendengarkan di 127.0.0.1:8000; reverse proxy meneruskan https://kelas.sekolah.id ke sana
#   (termasuk WebSocket: header Upgrade/Connection).
# Pilihan B: hub sendiri memakai TLS, misalnya
#   SARAF_KELAS_URL=https://:443 SARAF_KELAS_SSL_CERT=/etc/letsencrypt/live/X/fullchain.pem
#   SARAF_KELAS_SSL_KEY=/etc/letsencrypt/live/X/privkey.pem
# Di jaringan lab tertutup tanpa nama domain: SARAF_KELAS_URL=http://:8000 (kata sandi terkirim
#   tanpa enkripsi; peluncur memperingatkannya).
c.JupyterHub.bind_url = os.environ.get("SARAF_KELAS_URL", "http://127.0.0.1:8000")
c.JupyterHub.ssl_cert = os.environ.get("SARAF_KELAS_SSL_CERT", "")
c.JupyterHub.ssl_key = os.environ.get("SARAF_KELAS_SSL_KEY", "")
# API hub hanya untuk server pembelajar di mesin yang sama.
c.JupyterHub.hub_ip = "127.0.0.1"

# ----- Berkas hub ----------------------------------------------------------------------------
c.JupyterHub.db_url = f"sqlite:///{STATE_DIR / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE_DIR / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE_DIR / "jupyterhub-proxy.pid")
if LOCAL_PROXY.exists():  # dipasang `npm ci --prefix kelas`; bila tidak, dicari di PATH
    c.ConfigurableHTTPProxy.command = [str(LOCAL_PROXY)]

# ----- Login ---------------------------------------------------------------------------------
# Bawaan: akun Linux (PAM). Buat akun pembelajar, misalnya:
#   sudo groupadd kelas-saraf
#   sudo useradd -m -G kelas-saraf -s /bin/bash budi && sudo passwd budi
# Folder rumah sebaiknya hanya dapat dibaca pemiliknya: `sudo chmod 700 /home/budi`.
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.allowed_groups = {LEARNER_GROUP}
c.Authenticator.admin_users = ADMIN_USERS
#
# Alternatif tanpa akun Linux (pasangkan dengan SystemdSpawner.dynamic_users = True di bawah):
# * NativeAuthenticator (`pip install jupyterhub-nativeauthenticator`): pembelajar mendaftar
#   sendiri, pengajar menyetujui di /hub/authorize.
#     c.JupyterHub.authenticator_class = "native"
#     c.NativeAuthenticator.open_signup = False
# * OAuth, misalnya akun Google sekolah (`pip install oauthenticator`):
#     c.JupyterHub.authenticator_class = "google"
#     c.GoogleOAuthenticator.oauth_callback_url = "https://kelas.sekolah.id/hub/oauth_callback"
#     c.GoogleOAuthenticator.client_id = os.environ["OAUTH_CLIENT_ID"]
#     c.GoogleOAuthenticator.client_secret = os.environ["OAUTH_CLIENT_SECRET"]
#     c.GoogleOAuthenticator.allowed_domains = {"sekolah.id"}
#   (GitHub: "github" dan GitHubOAuthenticator.allowed_organizations; OAuth wajib HTTPS.)

# ----- Server setiap pembelajar --------------------------------------------------------------
# Satu server JupyterLab terpisah untuk setiap pembelajar. Perintahnya menyiapkan buku kerja
# dulu (tools.class_server.start_learner), lalu menjalankan jupyterhub-singleuser.
c.Spawner.cmd = learner_command()
c.Spawner.environment = learner_environment()
c.Spawner.notebook_dir = WORKBOOK_DIR
c.Spawner.default_url = "/lab"
c.Spawner.disable_user_config = True  # konfigurasi Jupyter pribadi tidak dapat merusak server
c.Spawner.start_timeout = 120  # awal kelas: banyak server dimulai bersamaan
c.Spawner.http_timeout = 90
# Batas per pembelajar. PENTING: hanya ditegakkan oleh spawner yang mendukungnya:
# * SystemdSpawner (bawaan di sini): MemoryMax dan CPUQuota systemd (cgroup);
# * DockerSpawner dan KubeSpawner (Kubernetes): batas kontainer;
# * LocalProcessSpawner TIDAK menegakkannya (hanya meneruskan MEM_LIMIT/CPU_LIMIT sebagai
#   variabel lingkungan).
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT

SPAWNER = os.environ.get("SARAF_KELAS_SPAWNER", "systemd")
if SPAWNER == "systemd":
    # `pip install jupyterhub-systemdspawner`; butuh systemd (server Linux biasa, bukan kontainer).
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.isolate_tmp = True  # /tmp pribadi untuk setiap pembelajar
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.unit_name_template = "saraf-kelas-{USERNAME}"
    # Tanpa akun Linux (NativeAuthenticator/OAuth): akun sementara systemd, rumah di
    # /var/lib/<nama>. Aktifkan baris ini bersama salah satu alternatif login di atas.
    # c.SystemdSpawner.dynamic_users = True
elif SPAWNER == "lokal":
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
else:
    raise ValueError(f"`SARAF_KELAS_SPAWNER` harus 'systemd' atau 'lokal', tetapi yang "
                     f"diberikan: {SPAWNER!r}.")
# Docker (setiap pembelajar dalam kontainer dari image .binder/, dibangun dengan repo2docker):
#   c.JupyterHub.spawner_class = "dockerspawner.DockerSpawner"
#   c.DockerSpawner.image = "saraf-kelas:latest"
#   c.DockerSpawner.notebook_dir = "/home/jovyan/buku-kerja"
#   c.DockerSpawner.volumes = {"saraf-{username}": "/home/jovyan/buku-kerja"}
#   c.DockerSpawner.cmd = ["bash", "-c", "python -m tools.workbook && exec jupyterhub-singleuser"]
#   c.JupyterHub.hub_ip = "0.0.0.0"   # kontainer harus dapat menghubungi hub
#   (mem_limit dan cpu_limit di atas ditegakkan Docker.)

# ----- Server menganggur ---------------------------------------------------------------------
# `pip install jupyterhub-idle-culler`: menghentikan server yang menganggur agar memorinya bebas.
if importlib.util.find_spec("jupyterhub_idle_culler"):
    c.JupyterHub.services = [{
        "name": "penghenti-server-menganggur",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={IDLE_TIMEOUT_SECONDS}", "--cull-every=300"],
    }]
    c.JupyterHub.load_roles = [{
        "name": "penghenti-server-menganggur",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["penghenti-server-menganggur"],
    }]
