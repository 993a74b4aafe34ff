"""Fixture bersama tes pustaka.

- ``launcher``, ``ready_venv``: peluncur `mulai.py` yang dimuat sebagai modul.
- ``accepted``, ``rejected``: menilai umpan balik pemeriksa latihan (`saraf.checks`), dipakai
  semua berkas ``tests/test_checks*.py``.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from saraf.checks import Feedback

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


# ---------------------------------------------------------------------------
# Pemeriksa latihan (`saraf.checks`): satu cara menilai umpan baliknya
# ---------------------------------------------------------------------------

#: Kata umum bahasa Indonesia; setiap pesan atau petunjuk pemeriksa memuat setidaknya satu.
KATA_INDONESIA = {
    "yang", "bukan", "belum", "tetapi", "adalah", "sudah", "seharusnya", "anda", "itu", "baru",
    "dengan", "gunakan", "bentuk", "bentuknya", "semua", "nilai", "tipe", "hitung", "banyak",
    "kalikan", "tambahkan", "ubah", "lihat", "bagilah", "setiap", "ganti", "tulis", "urutannya",
    "urutan", "di", "dan", "untuk", "pada", "dari", "memakai", "kanal", "sumbu", "gambar",
    "angka", "jawaban", "hanya", "dibagi", "padahal", "selalu", "fungsi", "jangan", "keluaran",
    "isi", "lupa", "tidak", "ukuran", "peta", "fitur",
}
#: Kata bahasa Inggris yang tidak boleh muncul di kalimat pemeriksa. Kode dalam backtick
#: (`answer_2`) dan pesan galat Python, yang dikutip apa adanya setelah "menimbulkan
#: galat ...", tidak ikut diperiksa.
KATA_INGGRIS = {"the", "should", "must", "wrong", "expected", "answer", "please"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _accepted(feedback) -> str:
    """Umpan balik "✅ Benar!" berbahasa Indonesia; mengembalikan teksnya."""
    assert isinstance(feedback, Feedback), feedback
    assert feedback.ok, f"jawaban acuan ditolak: {feedback!r}"
    text = repr(feedback)
    assert text.startswith("✅ Benar!"), text
    assert _words(feedback.message) & KATA_INDONESIA, f"pesan tidak berbahasa Indonesia: {text}"
    return text


def _number(feedback) -> str:
    """Nomor latihan yang disebut baris bantuan umpan balik (dari penanda ``@exercise``)."""
    match = re.search(r"`checks\.hint\((\d+)\)`", feedback.help or "")
    assert match, f"umpan balik tanpa cara meminta petunjuk: {feedback!r}"
    return match.group(1)


def _rejected(feedback, *words: str, leaks=()) -> str:
    """Umpan balik "❌ Belum tepat." dengan pesan dan petunjuk berbahasa Indonesia.

    Teksnya (``repr``) harus memuat setiap ``words`` dan tidak memuat satu pun ``leaks``
    (jawaban yang tidak boleh dibocorkan). Mengembalikan teksnya.
    """
    assert isinstance(feedback, Feedback), feedback
    assert not feedback.ok, f"jawaban salah malah diterima: {feedback!r}"
    text = repr(feedback)
    assert text.startswith("❌ Belum tepat."), text
    assert feedback.message and feedback.hint, f"pesan dan petunjuk wajib ada: {text}"
    if feedback.help is None:  # langkah pemeriksaan umum, di luar penanda @exercise
        assert text.endswith("\nPetunjuk: " + feedback.hint), text
    else:
        assert ("\nPetunjuk: " + feedback.hint + "\nMasih buntu? ") in text, text
        assert text.endswith(f"`checks.solution({_number(feedback)})` menampilkan jawaban "
                             "acuannya."), text
    assert _words(text) & KATA_INDONESIA, f"pesan tidak berbahasa Indonesia: {text}"
    own = feedback.message.split("menimbulkan galat")[0] + "\n" + feedback.hint
    assert not _words(re.sub(r"`[^`]*`", "", own)) & KATA_INGGRIS, f"pesan memuat kata bahasa Inggris: {text}"
    for word in words:
        assert word in text, (word, text)
    for leak in leaks:
        assert leak not in text, f"umpan balik membocorkan jawaban {leak!r}: {text}"
    return text


@pytest.fixture
def accepted():
    """``accepted(feedback)``: pemeriksa menerima jawaban acuan."""
    return _accepted


@pytest.fixture
def rejected():
    """``rejected(feedback, *words, leaks=())``: pemeriksa menolak jawaban salah dengan petunjuk
    berbahasa Indonesia yang memuat ``words`` dan tidak membocorkan ``leaks``."""
    return _rejected


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """Salinan data bawaan di folder sementara yang boleh dirusak (``saraf.data.DATA_DIR``)."""
    import shutil

    from saraf import data

    for filename, _ in data.EMBEDDED_FILES.values():
        shutil.copy(data.DATA_DIR / filename, tmp_path / filename)
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    return tmp_path
