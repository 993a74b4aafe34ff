"""Setiap pelajaran dibuka dan dijalankan di JupyterLab sungguhan, seperti oleh pembelajar."""

from __future__ import annotations

import pytest

from tools.lessons import LESSONS as _ALL

LESSONS = [lesson.filename for lesson in _ALL]


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_runs_in_jupyterlab(ran_lesson, name):
    lesson = ran_lesson(name)
    lesson.screenshot("halaman")
    assert lesson.error_outputs() == []
    # Semua widget tampil sebagai widget, bukan sebagai teks repr.
    assert lesson.page.locator(".jp-OutputArea-output:has-text('Error displaying widget')").count() == 0


def test_lesson00_slider_changes_text(ran_lesson):
    from playwright.sync_api import expect

    lesson = ran_lesson("00_mulai.ipynb")
    box = lesson.widget("Sisi (piksel)")
    text = box.locator(".widget-html-content")
    lesson.set_slider("Sisi (piksel)", 28, within=box)
    expect(text).to_contain_text("28 × 28", timeout=10_000)
    expect(text).to_contain_text("784")
    lesson.press_slider("Sisi (piksel)", times=4, within=box)
    expect(text).to_contain_text("32 × 32", timeout=10_000)
    expect(text).to_contain_text("1.024")
    lesson.screenshot("slider", box)
