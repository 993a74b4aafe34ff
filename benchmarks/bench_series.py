"""Angka tingkat seri: waktu nbval ketat seluruh seri, waktu setiap pelajaran, dan rasio tolok ukur lain.

Jalankan dari akar repositori, di lingkungan kursus::

    python benchmarks/bench_series.py            # semuanya (±5 menit di 2 inti CPU)
    python benchmarks/bench_series.py --tanpa-tolok-ukur   # hanya waktu nbval

Skrip ini bukan tes. Ia menjalankan, dalam satu kali jalan:

1. nbval ketat seluruh seri persis seperti ``python mulai.py uji`` menjalankannya
   (``pytest -n 2 --dist loadfile`` atas folder ``notebooks/``), dan mencatat waktu dindingnya;
2. waktu setiap pelajaran = jumlah waktu semua selnya, dibaca dari laporan JUnit pytest yang
   sama (tanpa waktu menyalakan kernel);
3. tolok ukur lain di folder ini (``bench_*.py``), dan mencetak baris rasionya.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # alat pengelola `tools` ada di akar repositori

from tools.lessons import LESSONS  # noqa: E402  (urutan pelajaran: satu daftar)

from _common import fmt  # noqa: E402  (koma desimal)

OTHER_BENCHMARKS = ["bench_data.py", "bench_conv.py", "bench_conv_backward.py",
                    "bench_widgets.py", "bench_mlp.py", "bench_numpy_cnn.py", "bench_predict.py"]


def run_nbval(workers: int = 2) -> tuple[float, dict[str, float], str]:
    """Menjalankan nbval ketat atas notebooks/; mengembalikan (detik, detik per pelajaran, ringkasan)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "nbval.xml"
        command = [sys.executable, "-m", "pytest", "-q", "-n", str(workers), "--dist", "loadfile",
                   "notebooks", f"--junitxml={report}"]
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        summary = lines[-1] if lines else "(tidak ada keluaran)"
        if result.returncode != 0:
            sys.exit(f"[saraf] nbval gagal (kode {result.returncode}): {summary}\n"
                     f"{result.stdout[-3000:]}")
        per_lesson: dict[str, float] = defaultdict(float)
        for case in ET.parse(report).getroot().iter("testcase"):
            name = case.get("file") or case.get("classname", "")
            match = re.search(r"(\d\d_[a-z0-9_]+)(?:\.ipynb)?", name)
            if match:
                per_lesson[match.group(1)] += float(case.get("time", 0))
    return seconds, {lesson.slug: per_lesson.get(lesson.slug, 0.0) for lesson in LESSONS}, summary


def run_benchmark(script: str) -> list[str]:
    """Menjalankan satu tolok ukur lain; mengembalikan baris keluarannya."""
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script)], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        return [f"GAGAL (kode {result.returncode}): {result.stderr.strip()[-500:]}"]
    return [line for line in result.stdout.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tanpa-tolok-ukur", action="store_true",
                        help="hanya mengukur nbval, tanpa menjalankan bench_*.py yang lain")
    args = parser.parse_args(argv)

    print(f"Mesin: {os.cpu_count()} inti CPU, Python {sys.version.split()[0]}.")
    seconds, per_lesson, summary = run_nbval()
    print(f"\nnbval ketat seluruh seri (pytest -n 2 --dist loadfile notebooks/): "
          f"{seconds:.0f} detik ({summary})")
    total_cells = sum(per_lesson.values())
    print(f"\n{'pelajaran':<30}{'detik':>8}{'bagian':>9}")
    for lesson, lesson_seconds in per_lesson.items():
        share = 100 * lesson_seconds / total_cells
        print(f"{lesson:<30}{fmt(lesson_seconds, 1):>8}{fmt(share, 0):>8}%")
    print(f"{'jumlah waktu sel (2 proses)':<30}{fmt(total_cells, 1):>8}")
    *before_last, _ = LESSONS  # semua pelajaran kecuali yang terakhir
    without_last = sum(per_lesson[lesson.slug] for lesson in before_last)
    label = f"{before_last[0].number}–{before_last[-1].number} saja (waktu sel)"
    print(f"{label:<30}{fmt(without_last, 1):>8}")

    if not args.tanpa_tolok_ukur:
        for script in OTHER_BENCHMARKS:
            print(f"\n== {script} ==")
            for line in run_benchmark(script):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
