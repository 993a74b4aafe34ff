"""Uji untuk paket `saraf.ops`: nama publik, ketergantungan, dan bentuk pesan kesalahan.

Setiap modulnya diuji di berkasnya sendiri: ``test_ops_sizes.py``, ``test_ops_conv.py``,
``test_ops_pool.py``, dan ``test_ops_activations.py``.
"""

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from saraf import ops

MODULES = ("sizes", "conv", "pool", "activations")


def test_every_public_name_comes_from_its_module():
    names = set()
    for module_name in MODULES:
        module = importlib.import_module(f"saraf.ops.{module_name}")
        for name in module.__all__:
            assert getattr(ops, name) is getattr(module, name), name
        names |= set(module.__all__)
    assert names == set(ops.__all__)
    assert len(ops.__all__) == len(set(ops.__all__)) == 16


def test_ops_imports_only_numpy_and_saraf_validation():
    folder = Path(ops.__file__).parent
    files = sorted(folder.glob("*.py"))
    # windows: pembantu jendela geser untuk conv dan pool, tidak diekspor ulang oleh saraf.ops
    assert {f.stem for f in files} == {"__init__", "windows", *MODULES}
    for file in files:
        imported = set()
        for node in ast.walk(ast.parse(file.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                imported.add(node.module)
        outside = {m for m in imported if not m.startswith("saraf.ops.")}
        assert outside <= {"__future__", "functools", "numpy", "numpy.lib.stride_tricks",
                           "saraf.validation"}, (file.name, imported)


def test_importing_ops_does_not_load_tensorflow():
    code = "import sys, saraf.ops; print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_error_message_format():
    image, kernel = np.ones((5, 5)), np.ones((3, 3))
    with pytest.raises(ValueError) as excinfo:
        ops.conv2d(image, kernel, stride=0)
    assert str(excinfo.value) == "`stride` harus bilangan bulat ≥ 1, tetapi yang diberikan: 0."
    with pytest.raises(TypeError) as excinfo:
        ops.output_size("5", 3)
    assert str(excinfo.value) == "`n` harus bilangan bulat ≥ 1, tetapi yang diberikan: '5'."
    with pytest.raises(ValueError, match="C_in = 3") as excinfo:
        ops.conv2d(np.ones((1, 5, 5, 3)), np.ones((3, 3, 2, 2)))
    assert "kanal" in str(excinfo.value)
    with pytest.raises(ValueError) as excinfo:
        ops.max_pool2d(np.full((4, 4), np.nan))
    assert "NaN" in str(excinfo.value) and "(4, 4)" in str(excinfo.value)
