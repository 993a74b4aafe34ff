"""Tes peluncur `mulai.py` (hanya pustaka standar): idempoten, pesan berbahasa Indonesia."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class FinishedProcess:
    """Pengganti ``subprocess.Popen`` untuk proses yang langsung selesai dengan kode 0."""

    def wait(self, timeout=None):
        return 0


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


def test_lab_opens_the_workbook_folder(launcher, ready_venv, monkeypatch, tmp_path):
    """JupyterLab dibuka di buku kerja (`tools.workbook`), bukan di notebook acuan."""
    monkeypatch.setattr(launcher, "WORKBOOK", tmp_path / "buku-kerja")
    launcher.WORKBOOK.mkdir()
    seen = []
    monkeypatch.setattr(launcher, "run", lambda command: seen.append(command) or 0)
    launcher.main([])
    assert seen[-1][1:3] == ["-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={launcher.WORKBOOK}" in seen[-1]
    assert not any(str(ROOT / "notebooks") in part for command in seen for part in command)


def test_help_runs_without_installing(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "mulai.py"), "bantuan"],
                            capture_output=True, text=True, env={"SARAF_VENV": str(tmp_path / "v"),
                                                                  "PATH": ""})
    assert result.returncode == 0 and "Pemakaian" in result.stdout
    assert not (tmp_path / "v").exists()


def test_quick_test_command_selects_library_tests_only(launcher, ready_venv, monkeypatch):
    seen = []
    monkeypatch.setattr(launcher, "run", lambda command: seen.append(command) or 0)
    assert launcher.main(["uji", "cepat"]) == 0
    assert launcher.main(["uji", "cepat", "-k", "data"]) == 0
    assert launcher.QUICK == "not notebook and not browser and not slow"
    base = ["-m", "pytest", "-n", "2", "--dist", "loadfile", "-m", launcher.QUICK, "tests"]
    assert seen[0][1:] == base
    assert seen[1][1:] == base + ["-k", "data"]


def test_help_lists_quick_tests_in_indonesian(launcher, capsys):
    assert launcher.main(["bantuan"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^  uji cepat\s+hanya tes pustaka yang cepat", out, flags=re.M)
    assert "python mulai.py uji cepat" in launcher.__doc__
    assert "python mulai.py uji cepat" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_markers_are_registered_in_pyproject(launcher):
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = options["tool"]["pytest"]["ini_options"]
    registered = {line.split(":")[0] for line in options["markers"]}
    assert registered == {"notebook", "browser", "slow"}
    assert set(re.findall(r"not (\w+)", launcher.QUICK)) == registered
    assert "--strict-markers" in options["addopts"]


@pytest.mark.slow  # pytest kedua di subproses (±5 detik)
def test_conftest_marks_notebooks_and_browser_tests():
    """Koleksi `uji cepat`: notebook dan tes peramban tidak terpilih, tes pustaka terpilih."""
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist",
               "-m", "not notebook and not browser and not slow",
               "notebooks/00_mulai.ipynb", "tests/browser/test_widgets_browser.py",
               "tests/test_lessons.py"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    selected = [line for line in result.stdout.splitlines() if "::" in line]
    assert result.returncode == 0, result.stdout[-2000:]
    assert selected and all(line.startswith("tests/test_lessons.py::") for line in selected)
    assert re.search(r"\d+/\d+ tests collected \(\d+ deselected\)", result.stdout)


@pytest.mark.parametrize("action, module", [("segarkan", "tools.notebooks"),
                                            ("situs", "tools.site"), ("edisi", "tools.edition")])
def test_maintainer_commands_run_tools_modules_from_the_repository_root(
        launcher, ready_venv, monkeypatch, action, module):
    seen = []
    monkeypatch.setattr(launcher.subprocess, "Popen",
                        lambda command, cwd=None, env=None: seen.append((command, cwd))
                        or FinishedProcess())
    assert launcher.main([action]) == 0
    (command, cwd), = seen
    assert command[1:] == ["-m", module] and cwd == ROOT
    assert (ROOT / (module.replace(".", "/") + ".py")).is_file()


def test_grading_runs_in_the_callers_folder(launcher, ready_venv, monkeypatch):
    """`nilai FOLDER`: path yang diketik pengajar berarti folder tempat ia mengetik."""
    seen = []
    monkeypatch.setattr(launcher.subprocess, "Popen",
                        lambda command, cwd=None, env=None: seen.append((command, cwd, env))
                        or FinishedProcess())
    assert launcher.main(["nilai", "kelas-a", "--keluaran", "nilai.csv"]) == 0
    (command, cwd, env), = seen
    assert command[1:] == ["-m", "tools.grading", "kelas-a", "--keluaran", "nilai.csv"]
    assert cwd is None and str(ROOT) in env["PYTHONPATH"].split(os.pathsep)
    assert "nilai" in launcher.USAGE


def test_grading_from_another_folder_really_finds_tools_and_the_files(launcher, tmp_path,
                                                                      monkeypatch):
    (tmp_path / "kelas").mkdir()
    (tmp_path / "kelas" / "01_rusak.ipynb").write_text('{"cells": [', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = launcher.run([sys.executable, "-m", "tools.grading", "kelas", "--keluaran",
                         "nilai.csv"], here=True)
    assert code == 1  # ada notebook yang tidak dapat dinilai (rusak), tetapi CSV tetap ditulis
    text = (tmp_path / "nilai.csv").read_text(encoding="utf-8-sig")
    assert "01_rusak.ipynb" in text


class InterruptedProcess:
    """Proses anak yang menerima Ctrl+C: ``wait`` pertama terputus, lalu ia berhenti sendiri."""

    def __init__(self, stops: bool):
        self.stops, self.calls, self.killed = stops, [], False

    def wait(self, timeout=None):
        self.calls.append(timeout)
        if len(self.calls) == 1:
            raise KeyboardInterrupt
        if not self.stops and not self.killed:
            raise subprocess.TimeoutExpired("voila", timeout)
        return 0

    def kill(self):
        self.killed = True


@pytest.mark.parametrize("stops", [True, False])
def test_ctrl_c_lets_the_child_stop_cleanly_before_killing_it(launcher, monkeypatch, stops):
    child = InterruptedProcess(stops)
    monkeypatch.setattr(launcher.subprocess, "Popen", lambda *a, **k: child)
    assert launcher.run(["voila"]) == 130
    assert child.calls[1] == 30, "anak diberi waktu untuk mematikan kernelnya"
    assert child.killed is (not stops)


def test_lab_and_app_commands(launcher, ready_venv, monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(launcher, "WORKBOOK", tmp_path / "buku-kerja")
    monkeypatch.setattr(launcher, "run", lambda command, **k: seen.append(command) or 0)
    (tmp_path / "buku-kerja").mkdir()
    assert launcher.main(["lab", "--port=9999"]) == 0
    lab = seen[-1]
    assert lab[1:3] == ["-m", "jupyterlab"] and lab[-1] == "--port=9999"
    settings = lab[lab.index(launcher.LARGE_MESSAGES)].split("=", 1)[1]
    from tools.app import MAX_MESSAGE_BYTES

    assert json.loads(settings) == {"websocket_max_message_size": MAX_MESSAGE_BYTES}
    assert launcher.main(["aplikasi", "--no-browser"]) == 0
    assert seen[-1][1:] == ["-m", "tools.app", "--no-browser"]
    assert launcher.main(["kemajuan"]) == 0
    assert seen[-1][1:] == ["-m", "saraf.progress", str(tmp_path / "buku-kerja")]
    for action in ("kemajuan", "aplikasi", "kelas"):
        assert action in launcher.USAGE


def test_ci_script_is_valid_bash_and_calls_the_readme_test_command():
    script = ROOT / ".ci" / "run"
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    commands = [line.strip() for line in script.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "python mulai.py uji", "CI berakhir dengan perintah tes README"
    assert "python mulai.py uji" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert commands[0] == "set -euo pipefail", "galat apa pun menghentikan CI"
