"""Setiap pelajaran dibuka dan dijalankan di JupyterLab sungguhan, seperti oleh pembelajar."""

from __future__ import annotations

import pytest

from saraf.notebooks import NOTEBOOK_DIR

LESSONS = sorted(p.name for p in NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_in_jupyterlab(open_lesson, name):
    lesson = open_lesson(name)
    lesson.run_all()
    lesson.screenshot("halaman")
    assert lesson.error_outputs() == []
    # Semua widget tampil sebagai widget, bukan sebagai teks repr.
    assert lesson.page.locator(".jp-OutputArea-output:has-text('Error displaying widget')").count() == 0


def test_lesson00_slider_changes_text(open_lesson):
    lesson = open_lesson("00_mulai.ipynb")
    lesson.run_all()
    slider = lesson.slider("Sisi (piksel)")
    box = slider.locator("xpath=..")
    text = box.locator(".widget-html-content")
    assert "28 × 28" in text.inner_text() and "784" in text.inner_text()
    lesson.press_slider("Sisi (piksel)", times=4)
    lesson.page.wait_for_function(
        "el => el.innerText.includes('32 × 32')", arg=text.element_handle(), timeout=5000)
    assert "1.024" in text.inner_text()
    lesson.screenshot("slider", box)
