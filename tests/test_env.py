"""Tes `saraf.env`: laporan lingkungan, paket hilang/berbeda versi, data bawaan rusak."""

from __future__ import annotations

import shutil
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import saraf.env
from saraf import data
from saraf.env import EnvironmentReport, Row, check_environment, course_requirements

ROOT = Path(__file__).resolve().parents[1]
PERBAIKAN = "python mulai.py siapkan"


def baris(report: EnvironmentReport, nama: str) -> Row:
    (row,) = [r for r in report.rows if r.name == nama]
    return row


def pyproject_kursus() -> list[tuple[str, str]]:
    """Daftar `kursus` di pyproject.toml yang berlaku untuk interpreter ini."""
    teks = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    hasil = []
    for spec in tomllib.loads(teks)["project"]["optional-dependencies"]["kursus"]:
        req = Requirement(spec)
        if req.marker is not None and not req.marker.evaluate():  # packaging.markers.Marker
            continue
        pins = [s.version for s in req.specifier if s.operator == "=="]
        assert len(pins) == 1 and len(req.specifier) == 1, f"versi {spec!r} harus dikunci dengan =="
        hasil.append((req.name, pins[0]))
    return hasil


@pytest.fixture
def versi_palsu(monkeypatch):
    """Mengganti `metadata.version` untuk satu paket; paket lain tetap versi aslinya."""
    asli = metadata.version

    def pasang(nama_paket, versi):
        def palsu(nama):
            if nama == nama_paket:
                if versi is None:
                    raise metadata.PackageNotFoundError(nama)
                return versi
            return asli(nama)

        monkeypatch.setattr(saraf.env.metadata, "version", palsu)

    return pasang


def test_this_environment_is_ready():
    report = check_environment()
    assert report.ok, repr(report)
    assert all(r.status == "ok" for r in report.rows)
    assert report.summary() == "Semua siap. Selamat belajar!"
    assert PERBAIKAN not in repr(report)


def test_rows_cover_python_packages_and_data():
    report = check_environment()
    nama = [r.name for r in report.rows]
    assert nama == ["Python"] + [n for n, _ in course_requirements()] + ["data bawaan"]
    python = baris(report, "Python")
    assert python.found == "Python " + ".".join(map(str, sys.version_info[:3]))
    for nama_paket, versi in course_requirements():
        row = baris(report, nama_paket)
        assert row.wanted == versi and row.found == metadata.version(nama_paket)
    assert "SHA-256 cocok" in baris(report, "data bawaan").found


def test_course_requirements_match_pyproject():
    diharapkan = pyproject_kursus()
    assert course_requirements() == diharapkan
    nama = [n for n, _ in diharapkan]
    assert len(nama) == len(set(nama)), "setiap paket hanya sekali untuk satu interpreter"
    assert {"numpy", "keras", "matplotlib", "ipywidgets"} <= set(nama)


def test_course_requirements_other_extra_is_empty():
    assert course_requirements(extra="tidak-ada") == []


def test_missing_package(versi_palsu):
    versi_palsu("keras", None)
    report = check_environment()
    row = baris(report, "keras")
    assert row.status == "hilang" and row.found == "tidak ada"
    assert report.ok is False
    ringkasan = report.summary()
    assert "Belum terpasang" in ringkasan and "keras" in ringkasan and PERBAIKAN in ringkasan
    assert "Versi berbeda" not in ringkasan
    assert [r.name for r in report.rows if r.status != "ok"] == ["keras"]
    teks = repr(report)
    assert "✘ keras" in teks and f"(butuh {row.wanted})" in teks
    assert "✘" in report._repr_html_() and PERBAIKAN in report._repr_html_()


def test_other_version(versi_palsu):
    versi_palsu("keras", "3.0.0")
    report = check_environment()
    row = baris(report, "keras")
    assert row.status == "beda" and row.found == "3.0.0"
    assert report.ok is False
    ringkasan = report.summary()
    assert "Versi berbeda" in ringkasan and "keras" in ringkasan and PERBAIKAN in ringkasan
    assert "Belum terpasang" not in ringkasan
    assert "≈ keras" in repr(report)


@pytest.fixture
def data_rusak(tmp_path, monkeypatch):
    """Salinan data bawaan; satu berkas diubah satu byte-nya."""
    for filename, _ in data.EMBEDDED_FILES.values():
        shutil.copy(data.DATA_DIR / filename, tmp_path / filename)
    rusak = tmp_path / data.EMBEDDED_FILES["mnist"][0]
    isi = bytearray(rusak.read_bytes())
    isi[len(isi) // 3] ^= 0x01
    rusak.write_bytes(bytes(isi))
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    return rusak.name


def test_corrupt_embedded_data(data_rusak):
    report = check_environment()
    row = baris(report, "data bawaan")
    assert row.status == "hilang"
    assert data_rusak in row.found
    assert data.EMBEDDED_FILES["fashion_mnist"][0] not in row.found
    assert report.ok is False
    assert "data bawaan" in report.summary() and PERBAIKAN in report.summary()


def test_missing_embedded_data(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    row = baris(check_environment(), "data bawaan")
    assert row.status == "hilang"
    for filename, _ in data.EMBEDDED_FILES.values():
        assert filename in row.found


def test_report_html_escapes():
    report = EnvironmentReport([Row("<paket>", "1 & 2", "<b>", "beda")])
    html = report._repr_html_()
    assert "&lt;paket&gt;" in html and "1 &amp; 2" in html and "<td>&lt;b&gt;</td>" in html
    assert "<paket>" not in html and "<td><b></td>" not in html
