"""Fixture bersama tes pustaka: peluncur `mulai.py` yang dimuat sebagai modul."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def launcher(tmp_path, monkeypatch):
    """`mulai.py` sebagai modul, dengan .venv dan penanda pemasangannya di `tmp_path`."""
    spec = importlib.util.spec_from_file_location("mulai_under_test", ROOT / "mulai.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "VENV", tmp_path / "venv")
    monkeypatch.setattr(module, "STAMP", tmp_path / "venv" / "saraf-terpasang.txt")
    return module


@pytest.fixture
def ready_venv(launcher):
    """.venv palsu milik `launcher` yang dianggap sudah terpasang; mengembalikan python-nya."""
    python = launcher.venv_python()
    python.parent.mkdir(parents=True)
    python.write_text("")
    launcher.STAMP.write_text(launcher.wanted_stamp(), encoding="utf-8")
    return python
