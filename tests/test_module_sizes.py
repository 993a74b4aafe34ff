"""Modul ``saraf`` tetap kecil agar dapat dibaca di samping pelajarannya (DEVELOPERS.md).

Setiap modul paling banyak 400 baris; ``saraf.mlp``, yang dibaca di samping ``network.py``
Nielsen di pelajaran 08–10, paling banyak 350 baris termasuk pemeriksaan masukannya.
"""

from __future__ import annotations

from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib" / "saraf"
MODULES = sorted(LIB.rglob("*.py"))
LIMITS = {"mlp.py": 350}


def test_the_package_has_modules():
    assert len(MODULES) > 20 and LIB / "mlp.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(LIB)))
def test_module_is_short(path):
    limit = LIMITS.get(str(path.relative_to(LIB)), 400)
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= limit, f"{path.relative_to(LIB)}: {lines} baris, batasnya {limit}"
