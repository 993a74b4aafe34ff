"""Satu sumber versi: `pyproject.toml` (jalur pip) dan `environment.yml` (conda) harus sama."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
# Nama paket yang berbeda di conda-forge.
CONDA_NAME = {"tensorflow-cpu": "tensorflow"}


def conda_pins() -> dict[str, str]:
    pins = {}
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for line in text.split("dependencies:", 1)[1].splitlines():
        # Paket conda: `- nama=versi`; paket pip di dalam `- pip:`: `- nama==versi`.
        match = re.match(r"^\s+-\s+([A-Za-z0-9_.-]+)(?:==?([^\s#]+))?", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def pip_pins(python_version: str, platform: str) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = default_environment()
    env.update(python_version=python_version, sys_platform=platform, extra="kursus")
    pins = {}
    for text in project["optional-dependencies"]["kursus"]:
        req = Requirement(text)
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        (spec,) = req.specifier
        assert spec.operator == "==", f"{text}: versi harus dikunci dengan =="
        pins[CONDA_NAME.get(req.name, req.name)] = spec.version
    return pins


def test_environment_yml_matches_pyproject():
    conda = conda_pins()
    python = conda.pop("python")
    conda.pop("pip")
    assert re.fullmatch(r"3\.\d+", python), "environment.yml harus mengunci python=3.X"
    for platform in ("linux", "darwin", "win32"):
        assert conda == pip_pins(python, platform), platform


def test_every_pin_has_a_comment_in_environment_yml():
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if re.match(r"^\s+-\s+[a-z].*=", line) and not line.strip().startswith("- python="):
            assert "#" in line, f"baris tanpa penjelasan: {line.strip()}"


def test_pyproject_python_range_matches_launcher():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    launcher = (ROOT / "mulai.py").read_text(encoding="utf-8")
    match = re.search(r"MIN_PY, MAX_PY = \((\d+), (\d+)\), \((\d+), (\d+)\)", launcher)
    lo = f"{match.group(1)}.{match.group(2)}"
    hi_next = f"{match.group(3)}.{int(match.group(4)) + 1}"
    assert project["requires-python"] == f">={lo},<{hi_next}"


def test_binder_uses_the_same_environment_and_installs_saraf():
    """Binder (repo2docker) membaca `.binder/`: lingkungan yang sama dan `saraf` terpasang."""
    binder = ROOT / ".binder"
    assert (binder / "environment.yml").read_text(encoding="utf-8") == \
        (ROOT / "environment.yml").read_text(encoding="utf-8")
    post_build = binder / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild harus dapat dieksekusi"
    assert "pip install --no-deps -e ." in post_build.read_text(encoding="utf-8")
