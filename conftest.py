"""Konfigurasi pytest untuk seluruh repositori (tes pustaka, tes peramban, nbval ketat notebook).

Setiap tes diberi penanda (lihat ``markers`` di ``pyproject.toml``) agar dapat dipilih:

* ``notebook``: nbval ketat atas ``notebooks/*.ipynb`` (ditandai otomatis di sini);
* ``browser``: tes JupyterLab di Chromium, ``tests/browser/`` (ditandai otomatis di sini);
* ``slow``: tes pustaka yang melatih model Keras atau butuh lebih dari ±5 detik (ditandai di
  berkas tesnya dengan ``@pytest.mark.slow``).

``python mulai.py uji cepat`` menjalankan ``-m "not notebook and not browser and not slow"``.
"""

from pathlib import Path

import pytest

from tools.notebooks import apply_kernel_env

BROWSER_DIR = Path(__file__).resolve().parent / "tests" / "browser"

# Kernel notebook mewarisi lingkungan ini: sama dengan saat `python mulai.py segarkan`.
apply_kernel_env()


def pytest_collectstart(collector):
    # stderr tidak dibandingkan: isinya (log TensorFlow, peringatan pustaka) bergantung
    # pada mesin, bukan pada apa yang diajarkan. stdout, teks, dan HTML tetap dibandingkan.
    if hasattr(collector, "skip_compare"):
        collector.skip_compare += ("stderr",)


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.path))
        if path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebook)
        elif BROWSER_DIR in path.parents:
            item.add_marker(pytest.mark.browser)
