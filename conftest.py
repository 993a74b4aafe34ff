"""Konfigurasi pytest untuk seluruh repositori (tes pustaka dan nbval ketat notebook)."""

from saraf.notebooks import apply_kernel_env

# Kernel notebook mewarisi lingkungan ini: sama dengan saat `python mulai.py segarkan`.
apply_kernel_env()


def pytest_collectstart(collector):
    # stderr tidak dibandingkan: isinya (log TensorFlow, peringatan pustaka) bergantung
    # pada mesin, bukan pada apa yang diajarkan. stdout, teks, dan HTML tetap dibandingkan.
    if hasattr(collector, "skip_compare"):
        collector.skip_compare += ("stderr",)
