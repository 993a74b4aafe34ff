"""Papan gambar pelajaran 15 di JupyterLab sungguhan: menggambar angka dengan mouse.

Notebook dijalankan seperti oleh pembelajar dengan ``Lesson.run_all`` (keluaran tersimpan
dihapus dulu, lalu *Run All*), papan gambarnya digulir ke layar, lalu angka 1, 7, dan 0
digambar dengan ``page.mouse`` (tekan, gerak, lepas). Setelah setiap goresan, prediksi di
widget harus menunjukkan angka yang digambar. Tangkapan layar ditulis ke ``$SARAF_SCREENSHOTS``.

Dilewati (dengan alasan) bila Playwright atau /usr/bin/chromium tidak ada: lihat conftest.py.
"""

from __future__ import annotations

import numpy as np
import pytest

NOTEBOOK = "15_tulisan_tangan.ipynb"
PAD_SIZE = 280

ONE = [[(150, 45), (146, 140), (142, 235)]]
SEVEN = [[(65, 65), (215, 62), (180, 140), (140, 240)]]
ZERO = [[(140 + 62 * np.cos(a), 140 + 95 * np.sin(a))
         for a in np.linspace(-np.pi / 2, 1.55 * np.pi, 36)]]


def draw(page, canvas, strokes, steps: int = 8) -> None:
    """Menggambar goresan (koordinat kanvas 0–280) dengan mouse sungguhan."""
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    scale = box["width"] / PAD_SIZE

    def to_page(point):
        return box["x"] + point[0] * scale, box["y"] + point[1] * scale

    for stroke in strokes:
        page.mouse.move(*to_page(stroke[0]))
        page.mouse.down()
        for point in stroke[1:]:
            page.mouse.move(*to_page(point), steps=steps)
        page.mouse.up()


@pytest.fixture
def pad_page(open_lesson):
    lesson = open_lesson(NOTEBOOK)
    # Keluaran tersimpan (termasuk tampilan widget lama) dihapus, lalu Run All sampai selesai:
    # semua yang diperiksa berasal dari kernel baru.
    lesson.run_all()
    return lesson


def test_drawing_digits_with_the_mouse_shows_predictions(pad_page):
    from playwright.sync_api import expect

    lesson = pad_page
    page = lesson.page
    assert lesson.error_outputs() == []
    pad = page.locator(".saraf-drawing-pad")
    expect(pad).to_have_count(1)
    canvas = pad.locator("canvas.saraf-drawpad-canvas")
    canvas.scroll_into_view_if_needed()
    expect(canvas).to_be_visible()
    assert canvas.evaluate("c => [c.width, c.height]") == [PAD_SIZE, PAD_SIZE]
    digit = pad.locator(".saraf-digit")
    model = pad.locator(".saraf-model")
    message = pad.locator(".saraf-prediction-message")
    expect(message).to_contain_text("Gambarlah sebuah angka")
    lesson.screenshot("papan-kosong", pad)

    draw(page, canvas, ONE)
    expect(digit).to_have_text("1", timeout=30_000)
    expect(model).to_have_text("CNN Keras")
    lesson.screenshot("papan-angka-1", pad)

    pad.locator("button.saraf-drawpad-clear").click()
    expect(message).to_contain_text("Gambarlah sebuah angka", timeout=15_000)
    assert canvas.evaluate(
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " return d.every(v => v === 255); }"), "kanvas harus putih polos setelah Hapus"

    draw(page, canvas, SEVEN)
    expect(digit).to_have_text("7", timeout=30_000)
    lesson.screenshot("papan-angka-7-cnn", pad)

    pad.locator("button", has_text="MLP dari nol").click()
    expect(model).to_have_text("MLP dari nol", timeout=15_000)
    expect(digit).to_have_text("7")
    lesson.screenshot("papan-angka-7-mlp", pad)

    pad.locator("button.saraf-drawpad-clear").click()
    expect(message).to_contain_text("Gambarlah sebuah angka", timeout=15_000)
    pad.locator("button", has_text="CNN Keras").click()
    draw(page, canvas, ZERO)
    expect(digit).to_have_text("0", timeout=30_000)
    expect(model).to_have_text("CNN Keras")
    lesson.screenshot("papan-angka-0", pad)

    # Skor keyakinan dan diagram batang ikut tampil.
    assert pad.locator(".saraf-confidence").inner_text().startswith(("0,", "1,0"))  # koma desimal
    assert pad.locator("svg rect.bar").count() == 5

    # Widget unggah menampilkan foto contoh dan prediksinya.
    uploader = page.locator(".saraf-upload-digit")
    uploader.scroll_into_view_if_needed()
    expect(uploader.locator(".saraf-digit")).to_have_text("3")
    lesson.screenshot("unggah-contoh", uploader)
    lesson.screenshot("halaman")
