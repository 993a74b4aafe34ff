"""Ukuran server: memori puncak, waktu CPU, dan TensorFlow di kernel setiap pelajaran.

Jalankan dari akar repositori, di lingkungan kursus (jangan bersamaan dengan pekerjaan berat
lain; sekitar 5 menit di 2 inti CPU)::

    python benchmarks/bench_kernels.py                     # semua pelajaran
    python benchmarks/bench_kernels.py --lessons 03 05     # sebagian (nomor atau topik)
    python benchmarks/bench_kernels.py --json hasil.json   # simpan juga hasilnya

Skrip ini bukan tes. Setiap notebook pelajaran (urutan ``tools/lessons.py``) dijalankan
berurutan, masing-masing di kernel baru (nbclient, lingkungan kernel sama seperti
``python mulai.py segarkan``); notebook-nya tidak disimpan. Untuk setiap pelajaran dicatat:

* **RSS puncak**: ``VmHWM`` proses kernel (dari ``/proc/<pid>/status``, dibaca sesudah sel
  terakhir; inilah titik tertinggi yang dicatat kernel Linux sendiri) ditambah RSS gabungan
  terbesar proses anak kernel (diambil psutil setiap 0,2 detik; biasanya nol);
* **CPU**: waktu *user* + *system* proses kernel dan anak-anaknya (psutil), termasuk waktu
  menyalakan kernel;
* **dinding**: waktu dari menyalakan kernel sampai sel terakhir selesai;
* **TF dimuat**: apakah ``'tensorflow' in sys.modules`` di kernel itu (satu sel tambahan di
  akhir), dan **TF dipakai**: apakah sel kode pelajaran itu sendiri mengimpor Keras/TensorFlow
  atau ``saraf.cnn`` (dibaca dari teks selnya).

Sekali di awal, RSS server JupyterLab (tanpa kernel) juga diukur: ``jupyter lab`` dinyalakan,
halaman ``/lab``, API yang dibukanya saat dimuat, dan setiap notebook pelajaran diminta, lalu RSS
proses server dibaca.
Dari angka-angka itu :func:`learners_per_server` menghitung berapa pembelajar muat di satu
server; asumsinya dicetak bersama tabelnya.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # alat pengelola `tools` ada di akar repositori
sys.path.insert(0, str(ROOT / "lib"))  # `saraf` bila belum dipasang

from saraf.formatting import fixed, thousands  # noqa: E402
from tools.lessons import LESSONS, find  # noqa: E402

MB = 1024 * 1024  # dalam tolok ukur ini 1 MB = 1024² byte dan 1 GB = 1024 MB

#: Sel tambahan yang dijalankan sesudah sel terakhir setiap pelajaran.
PROBE = ("import json as _j, sys as _s\n"
         "print(_j.dumps({'tensorflow': 'tensorflow' in _s.modules, "
         "'keras': 'keras' in _s.modules}))")

#: Sel kode pelajaran yang memakai TensorFlow: mengimpor keras/tensorflow atau saraf.cnn.
USES_TF = re.compile(r"^\s*(?:import|from)\s+(?:keras|tensorflow)\b"
                     r"|\bsaraf\.cnn\b"
                     r"|^\s*from\s+saraf\s+import\s+[^\n]*\bcnn\b", re.M)

#: Server yang ditanyakan: (nama, inti CPU, memori GB).
SERVERS = (("2 inti / 24 GB", 2, 24.0), ("16 inti / 64 GB", 16, 64.0))


@dataclass(frozen=True)
class Assumptions:
    """Asumsi ukuran server; semua angka dicetak bersama tabelnya."""

    reserve_gb: float = 2.0        # memori untuk sistem operasi + JupyterHub + proxy
    session_minutes: float = 90.0  # satu pertemuan kelas untuk satu pelajaran
    runs: float = 3.0              # setiap sel dijalankan rata-rata sekian kali per pertemuan
    burst: float = 5.0             # beban puncak = sekian kali beban rata-rata (kelas serentak)


@dataclass(frozen=True)
class Sizing:
    """Banyak pembelajar yang muat: batas memori, batas CPU, dan yang lebih kecil."""

    by_memory: int
    by_cpu: int

    @property
    def learners(self) -> int:
        return min(self.by_memory, self.by_cpu)

    @property
    def limit(self) -> str:
        return "memori" if self.by_memory <= self.by_cpu else "CPU"


def learners_per_server(cores: float, memory_gb: float, kernel_mb: float, server_mb: float,
                        cpu_seconds: float, assumptions: Assumptions = Assumptions()) -> Sizing:
    """Berapa pembelajar muat di satu server, dari angka terukur dan ``assumptions``.

    Memori: setiap pembelajar memegang satu kernel di RSS puncaknya (``kernel_mb``) ditambah satu
    server JupyterLab (``server_mb``); ``reserve_gb`` disisihkan untuk sistem.
    CPU: setiap pembelajar menjalankan pelajaran (``cpu_seconds`` waktu CPU) ``runs`` kali dalam
    satu pertemuan ``session_minutes`` menit, jadi rata-rata ia memakai
    ``runs · cpu_seconds / (60 · session_minutes)`` inti; pada saat paling ramai kebutuhannya
    ``burst`` kali rata-rata itu, dan jumlahnya tidak boleh melebihi ``cores``.
    """
    a = assumptions
    usable_mb = max(0.0, (memory_gb - a.reserve_gb) * 1024)
    by_memory = math.floor(usable_mb / (kernel_mb + server_mb))
    peak_cpu_seconds = a.burst * a.runs * cpu_seconds  # detik CPU per pertemuan, pada laju puncak
    by_cpu = (math.floor(cores * 60 * a.session_minutes / peak_cpu_seconds)
              if peak_cpu_seconds > 0 else by_memory)    # tanpa kerja CPU: CPU tidak membatasi
    return Sizing(by_memory=by_memory, by_cpu=by_cpu)


def uses_tensorflow(code_sources) -> bool:
    """True bila salah satu teks sel kode mengimpor keras, tensorflow, atau saraf.cnn."""
    return any(USES_TF.search(source) for source in code_sources)


@dataclass
class LessonResult:
    slug: str
    peak_mb: float
    cpu_seconds: float
    wall_seconds: float
    tf_loaded: bool
    keras_loaded: bool
    tf_used: bool
    children_peak_mb: float = 0.0


# ---------------------------------------------------------------------------------------------
# pengukuran


def _vm_hwm_mb(pid: int) -> float | None:
    """``VmHWM`` proses ``pid`` dalam MB, atau None bila /proc tidak ada (bukan Linux)."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+)\s+kB", text, re.M)
    return int(match.group(1)) / 1024 if match else None


class _Sampler(threading.Thread):
    """Mencatat RSS terbesar proses ``pid`` dan (terpisah) gabungan anak-anaknya."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        import psutil

        self.process = psutil.Process(pid)
        self.every = every
        self.own_mb = 0.0
        self.children_mb = 0.0
        self._halt = threading.Event()

    def sample(self) -> None:
        import psutil

        try:
            self.own_mb = max(self.own_mb, self.process.memory_info().rss / MB)
            total = 0
            for child in self.process.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            self.children_mb = max(self.children_mb, total / MB)
        except psutil.Error:
            pass

    def run(self) -> None:
        while not self._halt.wait(self.every):
            self.sample()

    def stop(self) -> None:
        self.sample()
        self._halt.set()
        self.join()


def _cpu_seconds(process) -> float:
    times = process.cpu_times()
    return times.user + times.system + times.children_user + times.children_system


def _stdout(cell) -> str:
    return "".join(out.get("text", "") for out in cell.outputs if out.get("name") == "stdout")


def run_lesson(path: Path, timeout: int = 600) -> LessonResult:
    """Menjalankan satu notebook di kernel baru dan mengukurnya (notebook tidak disimpan)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    probe = nbformat.v4.new_code_cell(PROBE)
    nb.cells.append(probe)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        pid = client.km.provisioner.pid
        sampler = _Sampler(pid)
        sampler.start()
        try:
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
        finally:
            sampler.stop()
        wall = time.perf_counter() - start
        cpu = _cpu_seconds(sampler.process)
        hwm = _vm_hwm_mb(pid)
    flags = json.loads(_stdout(probe).strip().splitlines()[-1])
    own = max(hwm or 0.0, sampler.own_mb)
    return LessonResult(slug=path.stem, peak_mb=own + sampler.children_mb, cpu_seconds=cpu,
                        wall_seconds=wall, tf_loaded=flags["tensorflow"],
                        keras_loaded=flags["keras"], tf_used=uses_tensorflow(code),
                        children_peak_mb=sampler.children_mb)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_lab_server(wait: float = 90.0) -> float:
    """RSS (MB) server JupyterLab tanpa kernel, sesudah /lab, API-nya, dan semua notebook dibuka."""
    import psutil

    port, token = _free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as runtime:
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=runtime)
        command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}",
                   "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
                   f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # wadah (container) yang berjalan sebagai root
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            def get(route: str) -> bytes:
                sep = "&" if "?" in route else "?"
                with urllib.request.urlopen(f"{base}{route}{sep}token={token}", timeout=30) as r:
                    return r.read()

            deadline = time.monotonic() + wait
            while True:
                try:
                    get("/api/status")
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("server JupyterLab tidak menyala") from None
                    time.sleep(0.5)
            routes = ["/lab", "/api/kernelspecs", "/lab/api/settings", "/lab/api/translations",
                      "/api/contents", "/api/sessions", "/api/terminals", "/lab/api/workspaces"]
            routes += [f"/api/contents/{lesson.filename}?content=1" for lesson in LESSONS]
            for route in routes:
                try:
                    get(route)
                except OSError:
                    pass  # rute yang tidak ada di versi ini tidak mengubah ukurannya
            time.sleep(2)
            process = psutil.Process(server.pid)
            tree = [process] + process.children(recursive=True)
            return sum(p.memory_info().rss for p in tree) / MB
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()


# ---------------------------------------------------------------------------------------------
# laporan


def _yes(flag: bool) -> str:
    return "ya" if flag else "tidak"


def print_lessons(results: list[LessonResult]) -> None:
    print(f"\n{'pelajaran':<28}{'TF dipakai':>11}{'TF dimuat':>10}{'RSS puncak (MB)':>17}"
          f"{'CPU (detik)':>13}{'dinding (detik)':>17}")
    for r in results:
        print(f"{r.slug:<28}{_yes(r.tf_used):>11}{_yes(r.tf_loaded):>10}"
              f"{thousands(round(r.peak_mb)):>17}{fixed(r.cpu_seconds, 1):>13}"
              f"{fixed(r.wall_seconds, 1):>17}")
    for r in results:
        if r.children_peak_mb > 0:
            children = thousands(round(r.children_peak_mb))
            print(f"  ({r.slug}: termasuk proses anak kernel {children} MB)")


def groups(results: list[LessonResult]) -> dict[str, list[LessonResult]]:
    """Pelajaran NumPy (kernel tanpa TensorFlow) dan pelajaran Keras (kernel memuat TensorFlow)."""
    found = {"NumPy": [r for r in results if not r.tf_loaded],
             "Keras": [r for r in results if r.tf_loaded]}
    return {name: rows for name, rows in found.items() if rows}


def print_summary(results: list[LessonResult]) -> None:
    print("\nRingkasan (kelompok menurut kernelnya: NumPy = TensorFlow tidak dimuat, "
          "Keras = dimuat; tipikal = median):")
    print(f"{'kelompok':<10}{'pelajaran':>10}{'RSS maks':>10}{'RSS tipikal':>13}"
          f"{'CPU maks':>10}{'CPU tipikal':>13}")
    for name, rows in groups(results).items():
        peaks = [r.peak_mb for r in rows]
        cpus = [r.cpu_seconds for r in rows]
        print(f"{name:<10}{len(rows):>10}{thousands(round(max(peaks))):>7} MB"
              f"{thousands(round(statistics.median(peaks))):>10} MB"
              f"{fixed(max(cpus), 1):>8} s{fixed(statistics.median(cpus), 1):>11} s")
    extra = [r.slug for r in results if r.tf_loaded and not r.tf_used]
    print("Kernel yang memuat TensorFlow padahal sel pelajarannya tidak memakainya: "
          + (", ".join(extra) if extra else "tidak ada") + ".")


def print_sizing(results: list[LessonResult], server_mb: float,
                 assumptions: Assumptions = Assumptions()) -> None:
    a = assumptions
    print("\nUkuran server (berapa pembelajar muat). Asumsi:")
    print(f"- memori: {fixed(a.reserve_gb, 0)} GB disisihkan untuk sistem operasi + JupyterHub; "
          f"setiap pembelajar = 1 kernel di RSS puncak pelajaran terberat kelompoknya + 1 server "
          f"JupyterLab ({thousands(round(server_mb))} MB, terukur); 1 GB = 1024 MB;")
    print(f"- CPU: satu pertemuan {fixed(a.session_minutes, 0)} menit per pelajaran; setiap sel "
          f"dijalankan rata-rata {fixed(a.runs, 0)} kali; saat paling ramai beban "
          f"{fixed(a.burst, 0)} × rata-rata (pembelajar sebagian besar diam, lalu menjalankan sel "
          f"yang sama hampir serentak); waktu CPU = pelajaran terberat kelompoknya;")
    print("- pembelajar = yang lebih kecil dari batas memori dan batas CPU.")
    print(f"{'server':<18}{'kelompok':<10}{'kernel (MB)':>12}{'CPU (s)':>9}"
          f"{'batas memori':>14}{'batas CPU':>11}{'pembelajar':>12}  pembatas")
    for label, cores, memory_gb in SERVERS:
        for name, rows in groups(results).items():
            kernel_mb = max(r.peak_mb for r in rows)
            cpu = max(r.cpu_seconds for r in rows)
            s = learners_per_server(cores, memory_gb, kernel_mb, server_mb, cpu, a)
            print(f"{label:<18}{name:<10}{thousands(round(kernel_mb)):>12}{fixed(cpu, 0):>9}"
                  f"{s.by_memory:>14}{s.by_cpu:>11}{s.learners:>12}  {s.limit}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", nargs="+", metavar="PELAJARAN",
                        help="hanya pelajaran ini (nomor atau topik, misalnya 03 05)")
    parser.add_argument("--json", type=Path, metavar="BERKAS", help="simpan hasil ke berkas JSON")
    parser.add_argument("--tanpa-server", action="store_true",
                        help="lewati pengukuran server JupyterLab (tabel ukuran memakai 0 MB)")
    args = parser.parse_args(argv)
    try:
        lessons = [find(name) for name in args.lessons] if args.lessons else list(LESSONS)
    except ValueError as exc:
        print(f"[saraf] {exc}")
        return 2

    from tools.notebooks import apply_kernel_env

    apply_kernel_env()
    os.environ["PYTEST_CURRENT_TEST"] = "bench_kernels"  # seperti `mulai.py segarkan`
    print(f"Mesin: {os.cpu_count()} inti CPU, Python {sys.version.split()[0]}. "
          "Pelajaran dijalankan berurutan, masing-masing di kernel baru.")
    server_mb = 0.0
    if not args.tanpa_server:
        server_mb = measure_lab_server()
        print(f"Server JupyterLab tanpa kernel (sesudah /lab dan semua notebook dibuka): "
              f"{thousands(round(server_mb))} MB RSS.")
    results = []
    for lesson in lessons:
        try:
            results.append(run_lesson(lesson.path()))
        except Exception as exc:  # tampilkan lalu lanjut ke pelajaran berikutnya
            print(f"[saraf] GAGAL {lesson.slug}: {type(exc).__name__}: {str(exc)[-500:]}")
        else:
            print(f"  {lesson.slug} selesai ({fixed(results[-1].wall_seconds, 1)} detik).",
                  flush=True)
    if not results:
        return 1
    print_lessons(results)
    print_summary(results)
    print_sizing(results, server_mb)
    if args.json:
        payload = {"cpu_count": os.cpu_count(), "server_mb": server_mb,
                   "assumptions": asdict(Assumptions()),
                   "lessons": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        print(f"\nHasil disimpan di {args.json}.")
    return 0 if len(results) == len(lessons) else 1


if __name__ == "__main__":
    sys.exit(main())
