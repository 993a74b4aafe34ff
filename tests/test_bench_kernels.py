"""Hitungan ukuran server di benchmarks/bench_kernels.py (tanpa menjalankan notebook apa pun)."""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_kernels_tes",
                                                  ROOT / "benchmarks" / "bench_kernels.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclass membutuhkan modulnya terdaftar
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_memory_bound(bench):
    # (24 − 2) GB = 22.528 MB; satu pembelajar 1.000 + 126 = 1.126 MB
    # → 22.528 / 1.126 = 20,007 → 20.
    # CPU: puncak 5 · 3 · 60 = 900 detik CPU per 90 menit (5.400 detik) = 1/6 inti
    # → 16 · 6 = 96.
    sizing = bench.learners_per_server(16, 24, 1000, 126, 60)
    assert (sizing.by_memory, sizing.by_cpu, sizing.learners, sizing.limit) == (20, 96, 20,
                                                                                "memori")


def test_cpu_bound_with_other_assumptions(bench):
    # (64 − 4) GB = 61.440 MB / (100 + 100) MB = 307,2 → 307.
    # CPU: 4 · 2 · 120 = 960 detik CPU per 60 menit (3.600 detik) = 0,2667 inti
    # → 2 / 0,2667 = 7,5 → 7.
    a = bench.Assumptions(reserve_gb=4, session_minutes=60, runs=2, burst=4)
    sizing = bench.learners_per_server(2, 64, 100, 100, 120, a)
    assert (sizing.by_memory, sizing.by_cpu, sizing.learners, sizing.limit) == (307, 7, 7, "CPU")


def test_exact_boundaries_are_not_lost_to_rounding(bench):
    # (10 − 2) GB = 8.192 MB / 1.024 MB = tepat 8; CPU: 90 detik per 5.400 detik = 1/60 inti,
    # 4 inti → tepat 240. Batas yang pas tepat tetap dihitung muat.
    a = bench.Assumptions(reserve_gb=2, session_minutes=90, runs=1, burst=1)
    sizing = bench.learners_per_server(4, 10, 1000, 24, 90, a)
    assert (sizing.by_memory, sizing.by_cpu) == (8, 240)
    # Satu MB lebih berat per pembelajar: tidak lagi muat 8.
    assert bench.learners_per_server(4, 10, 1001, 24, 90, a).by_memory == 7


def test_more_cpu_seconds_or_burst_means_fewer_learners(bench):
    base = bench.learners_per_server(16, 64, 500, 100, 100).by_cpu
    # 16 inti · 5.400 detik = 86.400 detik CPU; per pembelajar 5 · 3 · 100 = 1.500 atau 3.000.
    double = bench.learners_per_server(16, 64, 500, 100, 200).by_cpu
    assert double == (16 * 5400) // (5 * 3 * 200) == 28
    assert base == (16 * 5400) // (5 * 3 * 100) == 57


def test_reserve_larger_than_memory_fits_nobody(bench):
    sizing = bench.learners_per_server(2, 1.5, 100, 100, 10)
    assert sizing.by_memory == 0 and sizing.learners == 0 and sizing.limit == "memori"


def test_no_cpu_work_leaves_memory_as_the_limit(bench):
    sizing = bench.learners_per_server(2, 24, 1024, 0, 0)
    assert sizing.by_memory == 22 and sizing.learners == 22 and sizing.limit == "memori"


@pytest.mark.parametrize("source, expected", [
    ("import keras", True),
    ("import numpy as np\nimport tensorflow as tf", True),
    ("from tensorflow import keras", True),
    ("from keras import layers", True),
    ("from saraf import cnn, mlp, numpy_cnn", True),
    ("from saraf.cnn import ASSETS_DIR, load_pretrained", True),
    ("import numpy as np\nfrom saraf import plots, numpy_cnn", False),
    ("# Keras dipakai di pelajaran 12; import keras di sana", False),
    ("keras_output = ours.copy()", False),
    ("import kerasx", False),
])
def test_uses_tensorflow_reads_imports_only(bench, source, expected):
    assert bench.uses_tensorflow(["x = 1", source]) is expected


def test_groups_split_by_what_the_kernel_loaded(bench):
    def result(slug, tf_loaded, tf_used):
        return bench.LessonResult(slug, 100.0, 1.0, 2.0, tf_loaded, tf_loaded, tf_used)

    rows = [result("00_a", False, False), result("01_b", True, False), result("02_c", True, True)]
    found = bench.groups(rows)
    assert [r.slug for r in found["NumPy"]] == ["00_a"]
    assert [r.slug for r in found["Keras"]] == ["01_b", "02_c"]
    assert list(bench.groups(rows[1:])) == ["Keras"]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="hanya Linux")
def test_high_water_mark_is_at_least_current_rss(bench):
    psutil = pytest.importorskip("psutil")
    ballast = bytearray(64 * 1024 * 1024)  # 64 MB yang benar-benar disentuh
    ballast[::4096] = b"x" * len(ballast[::4096])
    rss = psutil.Process().memory_info().rss / bench.MB
    hwm = bench._vm_hwm_mb(os.getpid())
    assert hwm >= rss >= 64
    assert bench._vm_hwm_mb(2 ** 22 + 12345) is None  # di atas pid_max Linux: tidak ada
