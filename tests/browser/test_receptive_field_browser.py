"""Penjelajah medan reseptif di pelajaran 03, dipakai seperti di kelas: geser, lalu lihat.

Pelajaran dibuka dan dijalankan sekali (fixture ``ran_lesson``, dipakai bersama dengan tes
peramban lain). Setiap tes menyetel sendiri kontrol yang ia perlukan, lalu memeriksa bahwa
kalimat, daerah di setiap peta, dan judul kisi di gambar berubah menjadi angka yang benar.
Angka yang diharapkan dihitung di sini dengan hitungan kasar (jendela semua sel daerah,
lapisan demi lapisan), bukan disalin dari widget. Tangkapan layar ditulis ke
``$SARAF_SCREENSHOTS`` untuk dilihat manusia.
"""

from __future__ import annotations

import time

import pytest

from saraf.widgets.receptive_field_state import PRESETS

pytest.importorskip("playwright.sync_api", reason="Playwright tidak terpasang")
from playwright.sync_api import expect  # noqa: E402

LESSON = "03_konvolusi.ipynb"
TIMEOUT = 15_000  # ms: satu perubahan harus tampil dalam waktu ini
LABELS = {label: key for key, (label, _) in PRESETS.items()}


def regions(layers, n, unit):
    """(sisi peta, baris pertama, kolom pertama, sisi daerah) untuk setiap peta, dari masukan.

    Sel terpilih di peta terakhir; setiap peta sebelumnya memuat jendela semua sel daerahnya.
    """
    sizes = [n]
    for k, s in layers:
        sizes.append((sizes[-1] - k) // s + 1)
    rows, cols = {unit[0]}, {unit[1]}
    found = [(sizes[-1], unit[0], unit[1], 1)]
    for (k, s), size in zip(reversed(layers), reversed(sizes[:-1])):
        rows = {r * s + a for r in rows for a in range(k)}
        cols = {c * s + a for c in cols for a in range(k)}
        found.insert(0, (size, min(rows), min(cols), max(rows) - min(rows) + 1))
    return found


def _controls(lesson, box) -> dict:
    label = lesson.dropdown("Lapisan", box).input_value()
    layers = [(layer.size, layer.stride) for layer in PRESETS[LABELS[label]][1]]
    depth = int(lesson.slider_value("Kedalaman", box))
    return {"layers": layers[:depth], "depth": depth,
            "n": int(lesson.slider_value("Ukuran masukan", box)),
            "unit": (int(lesson.slider_value("Baris sel", box)),
                     int(lesson.slider_value("Kolom sel", box)))}


def _expected_texts(c: dict) -> tuple[int, list[str], list[str]]:
    """(sisi medan reseptif, kalimat yang harus tampil, judul kisi) untuk kontrol ``c``."""
    found = regions(c["layers"], c["n"], c["unit"])
    side, (row, col), last = found[0][3], c["unit"], found[-1][0]
    _, top, left, _ = found[0]
    texts = [f"Sel (baris {row}, kolom {col}) di peta lapisan ke-{c['depth']} ({last} × {last}) "
             f"bergantung pada {side} × {side} = {side * side} piksel masukan",
             f"Masukan: daerah {side} × {side} piksel, baris {top}–{top + side - 1}, kolom "
             f"{left}–{left + side - 1}"]
    texts += [f"daerah {region} × {region} sel, baris {top}–{top + region - 1}, kolom "
              f"{left}–{left + region - 1}" for _, top, left, region in found[1:-1]]
    texts.append(f"= {side}")
    titles = [f"Masukan {c['n']} × {c['n']}"] + [
        f"Lapisan ke-{level}: {size} × {size}" for level, (size, *_) in enumerate(found)
        if level]
    return side, texts, titles


def _expect_shows(lesson, box) -> int:
    """Kalimat, daerah setiap peta, dan judul kisi sesuai dengan kontrol saat ini.

    Mengganti lapisan, kedalaman, atau ukuran masukan memindahkan sel terpilih ke tengah:
    kernel mengirim nilai slider baru sesudahnya, jadi angka slider dan teks dibaca ulang
    sampai keduanya cocok (paling lama ``TIMEOUT``).
    """
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        side, texts, titles = _expected_texts(_controls(lesson, box))
        shown = box.inner_text()
        if all(text in shown for text in texts) or time.monotonic() > deadline:
            break
        lesson.page.wait_for_timeout(200)
    for text in texts:  # pesan yang jelas bila tetap tidak cocok
        expect(box).to_contain_text(text, timeout=1)
    for title in titles:
        expect(box.locator("svg text", has_text=title)).to_have_count(1)
    depth = len(titles) - 1
    expect(box.locator("svg text", has_text=f"Lapisan ke-{depth + 1}:")).to_have_count(0)
    return side


def _set(lesson, box, label, value):
    """Satu kontrol demi satu kontrol: berikutnya setelah kernel menampilkan hasilnya."""
    lesson.set_slider(label, value, box)
    _expect_shows(lesson, box)


def test_depth_slider_grows_the_receptive_field(ran_lesson):
    lesson = ran_lesson(LESSON)
    box = lesson.widget("Kedalaman")
    box.scroll_into_view_if_needed()
    lesson.dropdown("Lapisan", box).select_option(label=PRESETS["konv3"][0])
    _set(lesson, box, "Ukuran masukan", 16)
    sides = []
    for depth in (1, 2, 3):
        _set(lesson, box, "Kedalaman", depth)
        sides.append(_expect_shows(lesson, box))
        lesson.screenshot(f"medan-reseptif-kedalaman-{depth}", box)
    assert sides == [3, 5, 7]


def test_pool_stack_and_moving_the_unit(ran_lesson):
    lesson = ran_lesson(LESSON)
    box = lesson.widget("Kedalaman")
    box.scroll_into_view_if_needed()
    lesson.dropdown("Lapisan", box).select_option(label=PRESETS["pool"][0])
    expect(box).to_contain_text("(2 − 1)·1", timeout=TIMEOUT)
    _set(lesson, box, "Kedalaman", 3)
    _set(lesson, box, "Ukuran masukan", 20)
    _set(lesson, box, "Baris sel", 0)
    _set(lesson, box, "Kolom sel", 6)
    c = _controls(lesson, box)
    assert (c["unit"], c["n"]) == ((0, 6), 20)
    assert _expect_shows(lesson, box) == 8
    expect(box.locator("svg text", has_text="max pool 2 × 2")).to_have_count(1)
    lesson.screenshot("medan-reseptif-pooling", box)
