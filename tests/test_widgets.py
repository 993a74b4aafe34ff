"""Tes paket `saraf.widgets`: nama publik dimuat saat dipakai, impor paketnya ringan."""

from __future__ import annotations

import subprocess
import sys

import pytest

import saraf.widgets

WIDGETS = {
    "pixel_count_demo": "saraf.widgets.basics",
    "neuron_explorer": "saraf.widgets.neuron",
    "conv_explorer": "saraf.widgets.conv",
    "conv_step": "saraf.widgets.conv",
    "pool_explorer": "saraf.widgets.pool",
    "pool_step": "saraf.widgets.pool",
    "softmax_explorer": "saraf.widgets.softmax",
    "gradient_descent_explorer": "saraf.widgets.gradient_descent",
    "receptive_field_explorer": "saraf.widgets.receptive_field",
    "receptive_field_picture": "saraf.widgets.receptive_field",
    "drawing_pad": "saraf.widgets.drawpad",
    "upload_digit": "saraf.widgets.upload",
}


@pytest.mark.parametrize("name, module", sorted(WIDGETS.items()))
def test_lazy_exports(name, module):
    assert name in dir(saraf.widgets) and name in saraf.widgets.__all__
    assert getattr(saraf.widgets, name) is getattr(sys.modules[module], name)


def test_unknown_name_is_an_indonesian_attribute_error():
    with pytest.raises(AttributeError, match="tidak punya atribut 'tidak_ada'"):
        saraf.widgets.tidak_ada


def test_import_is_light():
    code = ("import sys, saraf.widgets; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'ipywidgets', 'matplotlib', 'tensorflow'}))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert shown == "[]"


def test_notebook_import_paths_still_work():
    from saraf.widgets.conv import conv_explorer, conv_step, pattern_image, preset_kernel
    from saraf.widgets.pool import pool_explorer, pool_step

    assert all(callable(f) for f in (conv_explorer, conv_step, pattern_image, preset_kernel,
                                     pool_explorer, pool_step))
