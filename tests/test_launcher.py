"""Tes peluncur `mulai.py` (hanya pustaka standar): idempoten, pesan berbahasa Indonesia."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_prepare_is_a_no_op_when_already_installed(launcher, ready_venv, monkeypatch):
    monkeypatch.setattr(launcher.subprocess, "run",
                        lambda *a, **k: pytest.fail("tidak boleh memasang ulang"))
    monkeypatch.setattr(launcher.venv, "EnvBuilder",
                        lambda *a, **k: pytest.fail("tidak boleh membuat venv ulang"))
    assert launcher.prepare() == ready_venv


def test_prepare_reinstalls_when_pyproject_changes(launcher, ready_venv, monkeypatch):
    launcher.STAMP.write_text("sidik lama", encoding="utf-8")
    calls = []

    def fake_run(command, cwd=None):
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(launcher.subprocess, "run", fake_run)
    launcher.prepare()
    assert len(calls) == 1
    assert calls[0][1:5] == ["-m", "pip", "install", "--disable-pip-version-check"]
    assert calls[0][-1] == f"{ROOT}[kursus]" and calls[0][-2] == "-e"
    assert launcher.STAMP.read_text(encoding="utf-8") == launcher.wanted_stamp()


def test_failed_install_explains_and_keeps_old_stamp(launcher, ready_venv, monkeypatch):
    launcher.STAMP.write_text("sidik lama", encoding="utf-8")
    monkeypatch.setattr(launcher.subprocess, "run",
                        lambda command, cwd=None: subprocess.CompletedProcess(command, 1))
    with pytest.raises(SystemExit, match="Pemasangan paket gagal"):
        launcher.prepare()
    assert launcher.STAMP.read_text(encoding="utf-8") == "sidik lama"


def test_stamp_depends_on_pyproject_and_python(launcher):
    stamp = launcher.wanted_stamp()
    assert f"python{sys.version_info.major}.{sys.version_info.minor}" in stamp
    import hashlib

    assert hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest() in stamp


def test_unsupported_python_is_explained(launcher, monkeypatch):
    monkeypatch.setattr(launcher.sys, "version_info", (3, 9, 7, "final", 0))
    with pytest.raises(SystemExit, match=r"butuh Python 3\.10 sampai 3\.13.*Python 3\.9\.7"):
        launcher.check_python()


def test_unknown_command_shows_usage(launcher, capsys):
    assert launcher.main(["jalan"]) == 2
    out = capsys.readouterr().out
    assert "Perintah tidak dikenal: 'jalan'" in out and "python mulai.py" in out


def test_test_command_runs_pytest_in_parallel(launcher, ready_venv, monkeypatch):
    seen = []
    monkeypatch.setattr(launcher, "run", lambda command: seen.append(command) or 0)
    assert launcher.main(["uji", "tests/test_data.py"]) == 0
    assert seen[0][1:] == ["-m", "pytest", "-n", "2", "--dist", "loadfile", "tests/test_data.py"]


def test_no_tests_collected_is_a_failure(launcher, ready_venv, monkeypatch):
    monkeypatch.setattr(launcher, "run", lambda command: 5)
    assert launcher.main(["uji"]) == 1


def test_lab_opens_notebooks_folder(launcher, ready_venv, monkeypatch):
    seen = []
    monkeypatch.setattr(launcher, "run", lambda command: seen.append(command) or 0)
    launcher.main([])
    assert seen[0][1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={ROOT / 'notebooks'}" in seen[0]


def test_help_runs_without_installing(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "mulai.py"), "bantuan"],
                            capture_output=True, text=True, env={"SARAF_VENV": str(tmp_path / "v"),
                                                                  "PATH": ""})
    assert result.returncode == 0 and "Pemakaian" in result.stdout
    assert not (tmp_path / "v").exists()
