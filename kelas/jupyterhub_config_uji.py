# Konfigurasi JupyterHub KHUSUS TES (tests/test_class_server.py). JANGAN dipakai untuk kelas:
# siapa pun dapat login tanpa kata sandi, dan semua server pembelajar berjalan sebagai akun
# yang sama tanpa pemisahan dan tanpa batas memori.
#
# Memuat konfigurasi produksi (kelas/jupyterhub_config.py) lebih dulu, lalu hanya mengganti
# bagian yang butuh root atau akun Linux: login (DummyAuthenticator dengan tiga pengguna uji),
# spawner (SimpleLocalProcessSpawner, rumah di folder sementara), alamat (127.0.0.1, port
# acak), berkas hub, dan layanan (token API untuk tes). Perintah server pembelajar, buku kerja,
# dan lingkungannya tetap dari konfigurasi produksi, jadi ikut teruji.
#
# Hanya dimuat bila SARAF_KELAS_UJI_DIR (folder sementara tes) dan SARAF_KELAS_UJI_TOKEN diisi.

import os
import socket
from pathlib import Path

c = get_config()  # noqa: F821 (disediakan JupyterHub saat memuat berkas ini)

if not (os.environ.get("SARAF_KELAS_UJI_DIR") and os.environ.get("SARAF_KELAS_UJI_TOKEN")):
    raise RuntimeError("kelas/jupyterhub_config_uji.py hanya untuk tes: SARAF_KELAS_UJI_DIR dan "
                       "SARAF_KELAS_UJI_TOKEN belum diisi. Untuk kelas sungguhan pakai "
                       "kelas/jupyterhub_config.py (`python mulai.py kelas`).")

load_subconfig(str(Path(__file__).with_name("jupyterhub_config.py")))  # noqa: F821

#: Tiga pengguna uji.
TEST_USERS = {"ani", "budi", "citra"}
TEST_DIR = Path(os.environ["SARAF_KELAS_UJI_DIR"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.Authenticator.allowed_users = TEST_USERS
c.Authenticator.admin_users = set()

c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = str(TEST_DIR / "rumah" / "{username}")
if os.geteuid() == 0:  # CI berjalan sebagai root; di produksi server pembelajar tidak pernah root
    c.Spawner.args = ["--allow-root"]

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ.get('SARAF_KELAS_UJI_PORT') or _free_port()}"
c.JupyterHub.ssl_cert = ""
c.JupyterHub.ssl_key = ""
c.JupyterHub.hub_port = _free_port()
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_free_port()}"

c.JupyterHub.db_url = f"sqlite:///{TEST_DIR / 'hub' / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(TEST_DIR / "hub" / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(TEST_DIR / "hub" / "jupyterhub-proxy.pid")

c.JupyterHub.services = [{"name": "uji", "api_token": os.environ["SARAF_KELAS_UJI_TOKEN"]}]
c.JupyterHub.load_roles = [{
    "name": "uji",
    "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
    "services": ["uji"],
}]
