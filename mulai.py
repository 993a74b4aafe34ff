#!/usr/bin/env python3
"""Peluncur seri Saraf: menyiapkan lingkungan, membuka JupyterLab, dan menjalankan tes.

Hanya memakai pustaka standar Python (>= 3.10), jadi berjalan di Linux, macOS, dan
Windows tanpa make atau conda:

    python mulai.py            buka buku kerja Anda di JupyterLab (folder buku-kerja/)
    python mulai.py uji        jalankan semua tes (pustaka + nbval ketat semua notebook)
    python mulai.py uji cepat  hanya tes pustaka yang cepat (kurang dari satu menit)
    python mulai.py segarkan   jalankan ulang notebook dari awal dan simpan keluarannya
    python mulai.py situs      buat situs baca HTML statis dari keluaran yang tersimpan
    python mulai.py edisi      buat edisi siswa (tanpa solusi) dan kunci jawaban pengajar
    python mulai.py siapkan    hanya menyiapkan lingkungan dan buku kerja
    python mulai.py pulihkan 03
                               salinan baru pelajaran 03 di buku kerja (yang lama disimpan)
    python mulai.py kemajuan   tabel latihan yang sudah benar di buku kerja Anda
    python mulai.py aplikasi   papan gambar angka sebagai aplikasi web (Voilà)
    python mulai.py nilai FOLDER
                               nilai notebook siswa di FOLDER (untuk pengajar)
    python mulai.py kelas      server JupyterHub untuk satu kelas (untuk pengajar)

Lingkungan terisolasi dibuat di `.venv/` (atau di folder `SARAF_VENV`). Pemasangan hanya
terjadi bila `.venv/` belum ada atau `pyproject.toml` berubah; setelah itu peluncur ini
bekerja tanpa internet.
"""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("SARAF_VENV", ROOT / ".venv"))
STAMP = VENV / "saraf-terpasang.txt"
#: Buku kerja pembelajar (`tools.workbook`): edisi siswa setiap pelajaran, diabaikan git.
WORKBOOK = ROOT / "buku-kerja"
MIN_PY, MAX_PY = (3, 10), (3, 13)  # rentang yang didukung TensorFlow 2.21
#: Penanda pytest yang dilewati `uji cepat` (didaftarkan di pyproject.toml, dipasang conftest.py).
QUICK = "not notebook and not browser and not slow"
#: Batas satu pesan dari peramban ke kernel: 64 MiB, di atas batas unggah foto pelajaran 15
#: (20 MB). Bawaan Tornado 10 MiB memutus koneksi kernel tanpa pesan untuk foto 10–20 MB.
LARGE_MESSAGES = '--ServerApp.tornado_settings={"websocket_max_message_size": 67108864}'

USAGE = """Pemakaian: python mulai.py [perintah] [argumen tambahan]

Perintah:
  lab        (bawaan) buka buku kerja Anda di JupyterLab (folder buku-kerja/): setiap
             pelajaran tanpa jawaban latihan. Pelajaran yang belum ada ditambahkan;
             notebook yang sudah ada tidak pernah ditimpa
  pulihkan   salinan baru satu pelajaran di buku kerja, misalnya: pulihkan 03 (nomor
             atau topik); notebook lama disimpan di sebelahnya dengan cap waktu
  kemajuan   tabel kemajuan Anda: setiap latihan setiap pelajaran, sudah benar,
             sudah dicoba, atau belum (dicatat oleh sel pemeriksa di buku kerja)
  aplikasi   papan gambar angka sebagai halaman web (Voilà) di http://127.0.0.1:8866:
             gambar angka, pilih model, unggah foto. Argumen tambahan diteruskan ke
             Voilà, misalnya: aplikasi --port=8890 --no-browser
  uji        jalankan semua tes: pustaka saraf + nbval ketat semua notebook
             (argumen tambahan diteruskan ke pytest, misalnya: uji tests/test_data.py)
  uji cepat  hanya tes pustaka yang cepat, kurang dari satu menit: tanpa nbval
             notebook, tanpa tes peramban, dan tanpa tes lambat yang melatih model
  segarkan   jalankan ulang notebook dari awal lalu simpan keluarannya
             (tanpa argumen: semua pelajaran; atau sebutkan berkas, nomor, atau
             topiknya, misalnya: segarkan 03 relu)
  situs      buat situs baca HTML statis dari keluaran yang tersimpan (tanpa
             menjalankan ulang; terbaca tanpa internet) di _keluaran/situs/
             atau di folder yang Anda sebutkan, misalnya: situs folder/saya
  edisi      untuk pengajar: buat edisi siswa (jawaban latihan diganti kerangka
             kosong) dan kunci jawaban di _keluaran/edisi-siswa/ dan
             _keluaran/kunci-jawaban/, atau di folder yang Anda sebutkan
  nilai      untuk pengajar: nilai notebook siswa di sebuah folder, misalnya:
             nilai tugas/kelas-a (tabel di layar dan CSV di _keluaran/)
  kelas      untuk pengajar (Linux, sebagai root): jalankan server kelas JupyterHub
             (kelas/jupyterhub_config.py): setiap pembelajar login dan mendapat
             JupyterLab dengan buku kerjanya sendiri; `kelas --periksa` hanya memeriksa
             prasyaratnya. Butuh `pip install -e ".[kelas]"` dan `npm ci --prefix kelas`
             (lihat PANDUAN_PENGAJAR.md)
  siapkan    hanya siapkan lingkungan .venv/ dan buku kerja buku-kerja/
  bantuan    tampilkan pesan ini
"""


def say(message: str) -> None:
    print(f"[saraf] {message}", flush=True)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    """Sidik lingkungan: isi pyproject.toml + versi Python + sistem operasi."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest} python{sys.version_info.major}.{sys.version_info.minor} {platform.system()}"


def check_python() -> None:
    if not (MIN_PY <= sys.version_info[:2] <= MAX_PY):
        found = ".".join(map(str, sys.version_info[:3]))
        sys.exit(
            f"[saraf] Seri ini butuh Python {MIN_PY[0]}.{MIN_PY[1]} sampai "
            f"{MAX_PY[0]}.{MAX_PY[1]} (batas TensorFlow), tetapi yang menjalankan perintah "
            f"ini Python {found}. Pasang Python 3.11 dari python.org, lalu jalankan lagi "
            f"dengan Python itu (di Windows: `py -3.11 mulai.py`)."
        )


def prepare() -> Path:
    """Membuat/memperbarui .venv bila perlu; mengembalikan path interpreter-nya."""
    check_python()
    python = venv_python()
    if python.exists() and STAMP.exists() and STAMP.read_text(encoding="utf-8") == wanted_stamp():
        return python
    if not python.exists():
        say(f"Membuat lingkungan terisolasi di {VENV} ...")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    say("Memasang paket (sekali saja; butuh internet, beberapa menit) ...")
    command = [str(python), "-m", "pip", "install", "--disable-pip-version-check",
               "--progress-bar", "off", "-e", f"{ROOT}[kursus]"]
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(
            "[saraf] Pemasangan paket gagal (lihat pesan pip di atas). Periksa koneksi "
            "internet, lalu jalankan perintah yang sama sekali lagi; paket yang sudah "
            "terunduh tidak diunduh ulang."
        )
    STAMP.write_text(wanted_stamp(), encoding="utf-8")
    say("Lingkungan siap.")
    return python


def run(command: list[str], here: bool = False) -> int:
    """Menjalankan perintah di ROOT, atau (``here=True``) di folder tempat perintah diketik.

    Dengan ``here=True``, path yang diketik pengguna tetap berarti folder yang ia maksud;
    ``PYTHONPATH`` menunjuk ke ROOT agar ``python -m tools.…`` tetap ditemukan.
    """
    env = None
    if here:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    process = subprocess.Popen(command, cwd=None if here else ROOT, env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        # Ctrl+C juga sampai ke proses anak: beri waktu berhenti dengan rapi (JupyterLab dan
        # Voilà mematikan kernelnya dulu), baru dipaksa.
        try:
            process.wait(30)
        except (subprocess.TimeoutExpired, KeyboardInterrupt):
            process.kill()
            process.wait()
        return 130


def main(argv: list[str]) -> int:
    action = argv[0] if argv else "lab"
    extra = argv[1:]
    if action in ("bantuan", "-h", "--help", "help"):
        print(USAGE)
        return 0
    if action not in ("lab", "uji", "segarkan", "siapkan", "situs", "edisi", "pulihkan",
                      "nilai", "kemajuan", "aplikasi", "kelas"):
        print(f"[saraf] Perintah tidak dikenal: {action!r}.\n")
        print(USAGE)
        return 2
    python = str(prepare())
    # Alat pengelola ada di paket `tools` di akar repositori: `run` berjalan di ROOT, jadi
    # `python -m tools.…` menemukannya.
    workbook = [python, "-m", "tools.workbook"]
    if action == "pulihkan":
        return run([*workbook, "pulihkan", *extra, "--folder", str(WORKBOOK)])
    if action in ("lab", "siapkan"):
        code = run([*workbook, "--folder", str(WORKBOOK)])
        # Kode 1: ada notebook rusak yang sudah dilaporkan; pelajaran lain tetap bisa dibuka.
        if action == "siapkan" or code not in (0, 1) or not WORKBOOK.is_dir():
            return code
        say("Membuka JupyterLab. Hentikan dengan Ctrl+C di jendela ini.")
        return run([python, "-m", "jupyterlab", f"--ServerApp.root_dir={WORKBOOK}",
                    LARGE_MESSAGES, *extra])
    if action == "segarkan":
        return run([python, "-m", "tools.notebooks", *extra])
    if action == "kemajuan":
        return run([python, "-m", "saraf.progress", str(WORKBOOK)])
    if action == "aplikasi":
        return run([python, "-m", "tools.app", *extra])
    if action == "kelas":
        return run([python, "-m", "tools.class_server", *extra])
    if action == "nilai":
        return run([python, "-m", "tools.grading", *extra], here=True)
    if action in ("situs", "edisi"):
        # Folder keluaran relatif terhadap folder tempat perintah diketik, bukan ROOT.
        folders = [a if a.startswith("-") else str(Path(a).resolve()) for a in extra]
        module = "tools.site" if action == "situs" else "tools.edition"
        return run([python, "-m", module, *folders])
    # uji: pytest dengan nbval ketat, dua proses, satu notebook utuh per proses.
    # uji cepat: hanya tests/, tanpa penanda notebook, browser, dan slow.
    if extra[:1] == ["cepat"]:
        extra = ["-m", QUICK, "tests", *extra[1:]]
    code = run([python, "-m", "pytest", "-n", "2", "--dist", "loadfile", *extra])
    if code == 5:
        say("pytest tidak menemukan satu tes pun: ini dianggap gagal.")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
