"""Penjelajah di pelajaran 02, 03, 05, dan 06 dipakai seperti di kelas: geser, lalu lihat.

Setiap pelajaran dibuka dan dijalankan sekali (fixture ``ran_lesson``, dipakai bersama
dengan test_lessons_browser.py). Setiap tes menggeser slider, memilih menu, atau menekan ▶
di dalam kotak widget-nya sendiri, lalu memeriksa bahwa yang tampil berubah menjadi angka
yang benar. Angka yang diharapkan dihitung di tes ini dengan kode rujukan
(:func:`saraf.ops.output_size`, :func:`saraf.ops.softmax`, ...), bukan disalin dari widget.

Karena tab pelajaran dipakai bersama, setiap tes membaca keadaan kontrol saat ini (angka di
samping slider) dan menyetel sendiri nilai yang ia perlukan; urutan tes tidak penting.
Tangkapan layar sebelum/sesudah ditulis ke ``$SARAF_SCREENSHOTS`` untuk dilihat manusia.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from saraf import ops
from saraf.formatting import fixed
from saraf.widgets.colors import HIGHLIGHT

pytest.importorskip("playwright.sync_api", reason="Playwright tidak terpasang")
from playwright.sync_api import expect  # noqa: E402

TIMEOUT = 15_000  # ms: satu perubahan harus tampil dalam waktu ini (kernel sibuk di CI)


# ---------------------------------------------------------------------------------------
# Pelajaran 02: penjelajah neuron
# ---------------------------------------------------------------------------------------

NEURON = "02_neuron.ipynb"
TARGETS = {"AND": (0, 0, 0, 1), "OR": (0, 1, 1, 1), "XOR": (0, 1, 1, 0)}
CORNERS = ((0, 0), (0, 1), (1, 0), (1, 1))
# Bidang masukan [-0.5, 1.5]² digambar 300 px mulai dari (40, 40) di SVG.
PLOT_LOW, PLOT_HIGH, PLOT_PX, PLOT_MARGIN = -0.5, 1.5, 300, 40


def _neuron_controls(lesson, box) -> dict:
    names = {"w1": "bobot w1", "w2": "bobot w2", "b": "bias b", "x1": "masukan x1",
             "x2": "masukan x2"}
    values = {key: lesson.slider_value(label, box) for key, label in names.items()}
    expect(lesson.dropdown("fungsi aktivasi", box)).to_have_value("tangga (step)")
    values["dataset"] = lesson.dropdown("titik contoh", box).input_value()
    return values


def _expect_neuron_shows(lesson, box) -> dict:
    """Persamaan, tabel titik contoh, dan garis keputusan sesuai dengan slider saat ini."""
    c = _neuron_controls(lesson, box)
    z = c["w1"] * c["x1"] + c["w2"] * c["x2"] + c["b"]
    a = 1.0 if z >= 0 else 0.0
    equation = box.locator("pre")
    expect(equation).to_contain_text(
        f"= ({fixed(c['w1'])})·({fixed(c['x1'])}) + ({fixed(c['w2'])})·({fixed(c['x2'])}) + "
        f"({fixed(c['b'])})", timeout=TIMEOUT)
    expect(equation).to_contain_text(f"a = step(z) = step({fixed(z)}) = {fixed(a)}")
    predictions = [int(c["w1"] * p + c["w2"] * q + c["b"] >= 0) for p, q in CORNERS]
    correct = sum(int(p == t) for p, t in zip(predictions, TARGETS[c["dataset"]]))
    expect(box).to_contain_text(f"Benar: {correct} dari 4")
    # Kedua ujung garis putus-putus memenuhi w1·x1 + w2·x2 + b = 0 (dalam koordinat data).
    line = box.locator("svg line.boundary")
    expect(line).to_have_count(1)
    scale = PLOT_PX / (PLOT_HIGH - PLOT_LOW)
    for end in ("1", "2"):
        px, py = (float(line.get_attribute(f"{axis}{end}")) for axis in ("x", "y"))
        x1 = PLOT_LOW + (px - PLOT_MARGIN) / scale
        x2 = PLOT_HIGH - (py - PLOT_MARGIN) / scale
        assert abs(c["w1"] * x1 + c["w2"] * x2 + c["b"]) < 0.02, (
            f"ujung garis keputusan ({x1:.3f}, {x2:.3f}) tidak memenuhi "
            f"{c['w1']}·x1 + {c['w2']}·x2 + {c['b']} = 0")
    return {"z": z, "a": a, "correct": correct,
            "line": [line.get_attribute(k) for k in ("x1", "y1", "x2", "y2")]}


def test_neuron_bias_slider_moves_the_decision_line(ran_lesson):
    lesson = ran_lesson(NEURON)
    box = lesson.widget("bobot w1")
    box.scroll_into_view_if_needed()
    before = _expect_neuron_shows(lesson, box)
    lesson.screenshot("neuron-sebelum", box)

    bias = lesson.slider_value("bias b", box)
    target = bias + 1.0 if bias <= 2.0 else bias - 1.0
    lesson.set_slider("bias b", target, box, step=0.1)
    after = _expect_neuron_shows(lesson, box)
    assert after["line"] != before["line"], "garis keputusan harus bergeser bila bias berubah"
    assert after["z"] == pytest.approx(before["z"] + (target - bias), abs=1e-6)
    lesson.screenshot("neuron-bias", box)

    # Penjelajah kedua (XOR) tidak ikut berubah dan juga menampilkan angka yang benar.
    second = lesson.widget("bobot w1", 1)
    second.scroll_into_view_if_needed()
    assert _expect_neuron_shows(lesson, second)["correct"] <= 3, "XOR tidak bisa 4 dari 4"


def test_neuron_weight_slider_flips_the_output(ran_lesson):
    lesson = ran_lesson(NEURON)
    box = lesson.widget("bobot w1")
    box.scroll_into_view_if_needed()
    # Satu kontrol demi satu kontrol: berikutnya setelah kernel menampilkan hasilnya.
    for label in ("masukan x1", "masukan x2", "bias b", "bobot w2"):
        lesson.set_slider(label, -1.5 if label == "bias b" else 1.0, box, step=0.1)
        _expect_neuron_shows(lesson, box)
    lesson.set_slider("bobot w1", 1.0, box, step=0.1)
    before = _expect_neuron_shows(lesson, box)
    assert (before["z"], before["a"]) == (pytest.approx(0.5), 1.0)

    # w1 = −1: z = −1 + 1 − 1.5 = −1.5 < 0, jadi keluaran tangga menjadi 0.
    lesson.set_slider("bobot w1", -1.0, box, step=0.1)
    after = _expect_neuron_shows(lesson, box)
    assert (after["z"], after["a"]) == (pytest.approx(-1.5), 0.0)
    assert after["line"] != before["line"]
    lesson.screenshot("neuron-bobot", box)


# ---------------------------------------------------------------------------------------
# Pelajaran 03: penjelajah konvolusi
# ---------------------------------------------------------------------------------------

CONV = "03_konvolusi.ipynb"


def _conv_controls(lesson, box) -> dict:
    expect(lesson.dropdown("Masukan", box)).to_have_value("Pola kecil berangka")
    padding = lesson.dropdown("Padding p", box).input_value()
    assert padding != "same (TensorFlow)", "tes ini memakai padding berupa angka"
    return {"n": int(lesson.slider_value("Ukuran pola", box)),
            "k": int(lesson.slider_value("Ukuran kernel k", box)),
            "s": int(lesson.slider_value("Stride s", box)),
            "p": int(padding.split()[0]),
            "d": int(lesson.slider_value("Dilasi d", box))}


def _conv_filled(c: dict) -> str:
    """Rumus ukuran keluaran yang diisi nilai kontrol ``c`` (seperti yang tampil di widget)."""
    return f"⌊({c['n']} + 2·{c['p']} − {c['d']}·({c['k']} − 1) − 1) / {c['s']}⌋"


def _expect_conv_formula(lesson, box) -> None:
    """Kernel sudah menghitung ulang untuk nilai kontrol yang tampil: rumusnya memuatnya."""
    expect(box).to_contain_text(_conv_filled(_conv_controls(lesson, box)), timeout=TIMEOUT)


def _set_conv(lesson, box, *, k, s, p, d=1) -> None:
    # Satu kontrol demi satu kontrol, seperti pembelajar: kontrol berikutnya baru digeser
    # setelah kernel menampilkan hasil kontrol sebelumnya. Jadi tidak pernah ada lebih dari
    # satu perubahan yang menunggu dikirim ke kernel.
    for label, value in (("Ukuran kernel k", k), ("Stride s", s), ("Dilasi d", d)):
        lesson.set_slider(label, value, box)
        _expect_conv_formula(lesson, box)
    lesson.dropdown("Padding p", box).select_option(label="0 (valid)" if p == 0 else str(p))
    _expect_conv_formula(lesson, box)


def _expect_conv_shows(lesson, box) -> int:
    """Ukuran peta fitur, rumus yang diisi angka, dan gambar sesuai dengan kontrol saat ini."""
    c = _conv_controls(lesson, box)
    n, k, s, p, d = c["n"], c["k"], c["s"], c["p"], c["d"]
    size = ops.output_size(n, k, stride=s, padding=p, dilation=d)
    expect(box).to_contain_text(f"Peta fitur: {size} × {size}", timeout=TIMEOUT)
    filled = f"{_conv_filled(c)} + 1"
    for axis in ("tinggi", "lebar"):
        line = box.locator("div").filter(has_text=re.compile(rf"^\s*{axis} keluaran ="))
        expect(line).to_have_text(
            re.compile(rf"^{axis} keluaran = .+ = {re.escape(filled)} = .+ = {size}$"))
    expect(box.locator("svg text", has_text=f"Peta fitur {size} × {size}")).to_have_count(1)
    remainder = (n + 2 * p - (d * (k - 1) + 1)) % s
    if remainder and d == 1 and s <= k:
        expect(box).to_contain_text(f"tidak habis dibagi stride {s} (sisa {remainder})")
    elif d == 1 and s <= k:
        expect(box).not_to_contain_text("tidak habis dibagi")
    return size


def test_conv_explorers_show_their_formula(ran_lesson):
    lesson = ran_lesson(CONV)
    for index, tag in ((0, "konvolusi-awal"), (1, "konvolusi-kedua")):
        box = lesson.widget("Stride s", index)
        box.scroll_into_view_if_needed()
        _expect_conv_shows(lesson, box)
        lesson.screenshot(tag, box)
    # Penjelajah kedua dibuat dengan pola 8 × 8 dan stride 2: baris/kolom 7 terlewat.
    expect(box).to_contain_text("baris 7 pada gambar tidak pernah tercakup")


@pytest.mark.parametrize("k, s, p", [(3, 2, 0), (3, 2, 1), (5, 2, 1), (3, 3, 0)])
def test_conv_output_size_follows_stride_padding_kernel(ran_lesson, k, s, p):
    lesson = ran_lesson(CONV)
    box = lesson.widget("Stride s")
    box.scroll_into_view_if_needed()
    _set_conv(lesson, box, k=k, s=s, p=p)
    controls = _conv_controls(lesson, box)
    assert (controls["k"], controls["s"], controls["p"], controls["d"]) == (k, s, p, 1)
    assert _expect_conv_shows(lesson, box) == ops.output_size(controls["n"], k, s, p)
    lesson.screenshot(f"konvolusi-k{k}-s{s}-p{p}", box)


def test_conv_impossible_combination_is_explained(ran_lesson):
    lesson = ran_lesson(CONV)
    box = lesson.widget("Stride s")
    box.scroll_into_view_if_needed()
    n = _conv_controls(lesson, box)["n"]
    _set_conv(lesson, box, k=5, s=1, p=0, d=2)
    with pytest.raises(ValueError):  # kernel ber-dilasi 2·(5 − 1) + 1 = 9 > 7
        ops.output_size(n, 5, stride=1, padding=0, dilation=2)
    expect(box).to_contain_text("Peta fitur: tidak ada", timeout=TIMEOUT)
    expect(box).to_contain_text(
        "Tidak ada keluaran: pada tinggi maupun lebar, jendela kernel selebar "
        f"d·(k − 1) + 1 = 2·(5 − 1) + 1 = 9 piksel lebih besar daripada masukan yang sudah "
        f"di-padding ({n} + 2·0 = {n} piksel), jadi jendela tidak muat satu kali pun.")
    expect(box).to_contain_text("Perkecil ukuran kernel atau dilasi, atau tambah padding.")
    expect(box).to_contain_text("→ tidak ada keluaran (harus ≥ 1)")
    lesson.screenshot("konvolusi-mustahil", box)
    # Kembali ke kombinasi yang muat: peta fitur tampil lagi.
    _set_conv(lesson, box, k=3, s=1, p=0, d=1)
    assert _expect_conv_shows(lesson, box) == n - 2


def test_conv_play_moves_the_window(ran_lesson):
    lesson = ran_lesson(CONV)
    box = lesson.widget("Stride s")
    box.scroll_into_view_if_needed()
    _set_conv(lesson, box, k=3, s=1, p=0, d=1)
    _expect_conv_shows(lesson, box)
    lesson.set_slider("Sel keluaran", 0, box)
    label = box.locator(".widget-play").locator("xpath=..").locator(".widget-html-content")
    expect(label).to_have_text("baris 0, kolom 0", timeout=TIMEOUT)
    window = box.locator(f"rect[stroke='{HIGHLIGHT}']").first  # jendela di gambar masukan
    start = (window.get_attribute("x"), window.get_attribute("y"))

    buttons = box.locator(".widget-play button")
    play, stop = buttons.nth(0), buttons.nth(1)
    play.click()
    expect(label).not_to_have_text("baris 0, kolom 0", timeout=TIMEOUT)
    play.click()  # jeda
    expect(window).not_to_have_attribute("x", start[0], timeout=TIMEOUT)
    shown = re.fullmatch(r"baris (\d+), kolom (\d+)", label.text_content().strip())
    i, j = int(shown[1]), int(shown[2])
    expect(box).to_contain_text(f"jendela mulai di baris {i}·1 = {i}, kolom {j}·1 = {j}",
                                timeout=TIMEOUT)
    lesson.screenshot("konvolusi-putar", box)
    stop.click()  # berhenti: kembali ke sel pertama
    expect(label).to_have_text("baris 0, kolom 0", timeout=TIMEOUT)
    expect(window).to_have_attribute("x", start[0], timeout=TIMEOUT)


# ---------------------------------------------------------------------------------------
# Pelajaran 05: penjelajah pooling
# ---------------------------------------------------------------------------------------

POOL = "05_pooling.ipynb"


def _pool_controls(lesson, box) -> dict:
    expect(lesson.dropdown("Masukan", box)).to_have_value("Pola kecil berangka")
    toggles = box.locator(".widget-toggle-buttons")
    return {"n": int(lesson.slider_value("Ukuran pola", box)),
            "k": int(lesson.slider_value("Ukuran pool k", box)),
            "s": int(lesson.slider_value("Stride s", box)),
            "mode": toggles.nth(0).locator("button.mod-active").text_content().strip(),
            "padding": toggles.nth(1).locator("button.mod-active").text_content().strip()}


def _expect_pool_shows(lesson, box) -> int:
    c = _pool_controls(lesson, box)
    n, k, s, padding = c["n"], c["k"], c["s"], c["padding"]
    if padding == "valid":
        size = ops.output_size(n, k, stride=s)
        formula = f"⌊({n} − {k}) / {s}⌋ + 1"
    else:
        size = math.ceil(n / s)
        formula = f"⌈{n} / {s}⌉"
    assert ops.max_pool2d(np.zeros((n, n)), k, s, padding).shape == (size, size)
    mode = "Max pooling" if c["mode"] == "max" else "Average pooling"
    expect(box).to_contain_text(
        f"{mode} {k} × {k}, stride {s}, padding '{padding}': {n} × {n} → {size} × {size} "
        f"({n * n} angka → {size * size} angka).", timeout=TIMEOUT)
    for axis in ("tinggi", "lebar"):
        line = box.locator("div").filter(has_text=re.compile(rf"^\s*{axis} keluaran ="))
        end = rf" = {size}$" if padding == "valid" else rf" = {size}; padding total = .+"
        expect(line).to_have_text(re.compile(rf"^{axis} keluaran = .*{re.escape(formula)}.*{end}"))
    expect(box.locator("svg text", has_text=f"Keluaran {size} × {size}")).to_have_count(1)
    return size


def test_pool_explorers_show_their_output_size(ran_lesson):
    lesson = ran_lesson(POOL)
    for index, tag in ((0, "pooling-awal"), (1, "pooling-kedua")):
        box = lesson.widget("Ukuran pool k", index)
        box.scroll_into_view_if_needed()
        _expect_pool_shows(lesson, box)
        lesson.screenshot(tag, box)


@pytest.mark.parametrize("k, s, padding", [(2, 1, "valid"), (3, 1, "valid"), (3, 2, "valid"),
                                           (3, 2, "same")])
def test_pool_output_size_follows_pool_size_and_stride(ran_lesson, k, s, padding):
    lesson = ran_lesson(POOL)
    box = lesson.widget("Ukuran pool k")
    box.scroll_into_view_if_needed()
    # Satu kontrol demi satu kontrol: berikutnya setelah kernel menampilkan hasilnya.
    lesson.set_slider("Ukuran pool k", k, box)
    _expect_pool_shows(lesson, box)
    lesson.set_slider("Stride s", s, box)
    _expect_pool_shows(lesson, box)
    box.locator(".widget-toggle-buttons").nth(1).locator("button", has_text=padding).click()
    expect(box.locator(".widget-toggle-buttons").nth(1).locator("button.mod-active")
           ).to_have_text(padding)
    size = _expect_pool_shows(lesson, box)
    n = _pool_controls(lesson, box)["n"]
    if padding == "valid" and (n - k) % s:
        expect(box).to_contain_text(f"tidak habis dibagi stride {s} (sisa {(n - k) % s})")
    assert size >= 1
    lesson.screenshot(f"pooling-k{k}-s{s}-{padding}", box)


# ---------------------------------------------------------------------------------------
# Pelajaran 06: penjelajah softmax
# ---------------------------------------------------------------------------------------

SOFTMAX = "06_flatten_dense_softmax.ipynb"
# Menunggu sampai batang probabilitas dan skor keyakinan sama dengan yang diharapkan.
SHOWS_PROBABILITIES = """([box, want, tol]) => {
  const number = text => parseFloat(text.replace(',', '.'));  // koma desimal, seperti prosa
  const shown = [...box.querySelectorAll('svg text.prob')]
    .map(t => number(t.textContent) / 100);
  if (shown.length !== want.length) return false;
  if (shown.some((p, i) => Math.abs(p - want[i]) > tol)) return false;
  const m = box.textContent.match(/skor keyakinan: ([0-9,]+)/);
  return !!m && Math.abs(number(m[1]) - Math.max(...want)) < 0.0015;
}"""


def _softmax_state(lesson, box):
    sliders = box.locator(".widget-slider").filter(
        has=lesson.page.locator(".widget-label", has_text=re.compile(r"^\s*logit ")))
    names = [name.strip().removeprefix("logit ")
             for name in sliders.locator(".widget-label").all_text_contents()]
    logits = np.array([lesson.slider_value(f"logit {name}", box) for name in names])
    handle = lesson.slider("temperatur T", box).locator(".noUi-handle")
    temperature = 10 ** float(handle.get_attribute("aria-valuetext"))  # slider log: eksponen
    assert f"{temperature:.2f}" == lesson.slider("temperatur T", box).locator(
        ".widget-readout").text_content().strip()
    return names, logits, temperature


def _expect_softmax_shows(lesson, box):
    """Batang, skor keyakinan, dan prediksi sama dengan ops.softmax(logit, T) saat ini."""
    names, logits, temperature = _softmax_state(lesson, box)
    probabilities = ops.softmax(logits, temperature=temperature)
    lesson.page.wait_for_function(
        SHOWS_PROBABILITIES, arg=[box.element_handle(), probabilities.tolist(), 0.0006],
        timeout=TIMEOUT)
    top = int(np.argmax(probabilities))
    expect(box.locator("svg rect.bar.argmax")).to_have_attribute("data-class", str(top))
    expect(box).to_contain_text(f"Prediksi (argmax): {names[top]}")
    expect(box).to_contain_text(f"(T = {fixed(temperature)})")
    return probabilities


def test_softmax_temperature_and_logit_change_probabilities(ran_lesson):
    lesson = ran_lesson(SOFTMAX)
    box = lesson.widget("temperatur T")
    box.scroll_into_view_if_needed()
    # Mulai dari T = 1 (Page Down/Up menggeser eksponen 0,05; Home = T paling kecil).
    lesson.press_slider("temperatur T", "Home", within=box)
    lesson.press_slider("temperatur T", "PageUp", times=20, within=box)
    expect(lesson.slider("temperatur T", box).locator(".widget-readout")).to_have_text("1.00")
    lesson.set_slider("logit 3", 2.0, box, step=0.1)
    cold = _expect_softmax_shows(lesson, box)
    lesson.screenshot("softmax-sebelum", box)

    # Temperatur lebih tinggi (T ≈ 5): distribusi lebih rata, argmax tetap.
    lesson.press_slider("temperatur T", "PageUp", times=14, within=box)
    expect(lesson.slider("temperatur T", box).locator(".widget-readout")).to_have_text("5.01")
    warm = _expect_softmax_shows(lesson, box)
    assert warm.max() < cold.max() - 0.2, "skor keyakinan harus turun jelas pada T ≈ 5"
    assert np.argmax(warm) == np.argmax(cold)
    lesson.screenshot("softmax-temperatur", box)

    # Logit kelas yang benar (3) dinaikkan ke 7: kini kelas 3 yang diprediksi, dan benar.
    expect(lesson.dropdown("kelas yang benar", box)).to_have_value("3")
    lesson.set_slider("logit 3", 7.0, box, step=0.1)
    raised = _expect_softmax_shows(lesson, box)
    assert np.argmax(raised) == 3 and raised[3] > warm[3]
    expect(box).to_contain_text("Prediksi (argmax): 3, benar")
    lesson.screenshot("softmax-logit", box)


# ---------------------------------------------------------------------------------------
# Pelajaran 07: penjelajah penurunan gradien
# ---------------------------------------------------------------------------------------

GRADIENT = "07_penurunan_gradien.ipynb"
# Menunggu sampai jalur (polyline) punya `count` titik dan kotak diagnosis memuat `words`.
SHOWS_PATH = """([box, count, words]) => {
  const line = box.querySelector('svg polyline.path');
  if (!line) return false;
  const points = line.getAttribute('points').trim().split(/\\s+/).length;
  return points === count && box.textContent.includes(words);
}"""


def _gd_eta(lesson, box) -> float:
    """η dari pegangan slider log (eksponen) dan angka di sampingnya (gaya Python)."""
    slider = lesson.slider("laju pembelajaran η", box)
    exponent = float(slider.locator(".noUi-handle").get_attribute("aria-valuetext"))
    shown = float(slider.locator(".widget-readout").text_content())   # 3 angka penting
    assert shown == pytest.approx(10 ** exponent, rel=5e-3)
    return 10 ** exponent


def _expect_gd_shows(lesson, box, surface: str, optimizer: str, **hyper):
    """Jalur dan diagnosis sama dengan GDState untuk kontrol yang tampil; mengembalikannya."""
    from saraf.formatting import significant
    from saraf.widgets.gradient_descent_state import GDState

    steps = int(lesson.slider_value("banyak langkah", box))
    eta = _gd_eta(lesson, box)
    result = GDState(surface=surface, optimizer=optimizer, learning_rate=eta, steps=steps,
                     **hyper).compute()
    betas = ", β₁ = 0,9, β₂ = 0,999" if optimizer == "Adam" else ""
    words = f"η = {significant(eta, 3)}{betas} → {result.diagnosis.label}."
    lesson.page.wait_for_function(SHOWS_PATH, arg=[box.element_handle(), len(result.path), words],
                                  timeout=TIMEOUT)
    expect(box).to_contain_text(result.diagnosis.message)
    return result, box.locator("svg polyline.path").get_attribute("points")


def _gd_set_exponent(lesson, box, exponent: float) -> None:
    """Slider η ke 10^exponent: Home (η = 10⁻⁴), lalu Page Up (+0,05) dan panah (+0,01)."""
    pages, rest = divmod(round((exponent + 4) * 100), 5)
    lesson.press_slider("laju pembelajaran η", "Home", within=box)
    lesson.press_slider("laju pembelajaran η", "PageUp", pages, within=box)
    if rest:
        lesson.press_slider("laju pembelajaran η", "ArrowRight", rest, within=box)
    expect(lesson.slider("laju pembelajaran η", box).locator(".widget-readout")).to_have_text(
        f"{float(f'{10 ** exponent:.3g}'):g}", timeout=TIMEOUT)     # 0.1, 0.195, 0.251


def test_gradient_descent_eta_and_optimizer_change_path_and_diagnosis(ran_lesson):
    lesson = ran_lesson(GRADIENT)
    box = lesson.widget("laju pembelajaran η")
    box.scroll_into_view_if_needed()
    lesson.dropdown("permukaan", box).select_option(label="Lembah memanjang")
    lesson.dropdown("titik awal (w₁; w₂)", box).select_option(label="(−3,5; 1,5)")
    lesson.dropdown("pengoptimal", box).select_option(label="SGD biasa")
    expect(box.locator(".widget-label", has_text=re.compile("μ|ρ|β"))).to_have_count(0)
    lesson.set_slider("banyak langkah", 50, box)

    # Lembah memanjang, λ = 10: η = 0,1 konvergen, 0,195 berzig-zag, 0,251 divergen.
    _gd_set_exponent(lesson, box, -1.0)
    calm, calm_points = _expect_gd_shows(lesson, box, "lembah", "SGD")
    assert calm.diagnosis.code == "converged"
    _gd_set_exponent(lesson, box, -0.71)
    zigzag, zigzag_points = _expect_gd_shows(lesson, box, "lembah", "SGD")
    assert zigzag.diagnosis.code == "oscillating" and zigzag_points != calm_points
    expect(box).to_contain_text("berosilasi (zig-zag)")
    lesson.screenshot("gd-zigzag", box)
    _gd_set_exponent(lesson, box, -0.6)
    wild, _ = _expect_gd_shows(lesson, box, "lembah", "SGD")
    assert wild.diagnosis.code == "diverged" and len(wild.path) < 51
    expect(box).to_contain_text("Kecilkan laju pembelajaran.")
    lesson.screenshot("gd-divergen", box)

    # Titik pelana, η = 0,1: SGD tertahan; Adam (slider β₁, β₂ muncul) turun ke lembah.
    lesson.dropdown("permukaan", box).select_option(label="Titik pelana")
    _gd_set_exponent(lesson, box, -1.0)
    stuck, _ = _expect_gd_shows(lesson, box, "pelana", "SGD")
    expect(box).to_contain_text("tertahan di dekat titik pelana")
    lesson.dropdown("pengoptimal", box).select_option(label="Adam")
    expect(lesson.slider("β₂", box).locator(".widget-readout")).to_have_text("0.999")
    adam, _ = _expect_gd_shows(lesson, box, "pelana", "Adam")
    assert abs(adam.path[-1, 1]) > 0.8 > 0.3 > abs(stuck.path[-1, 1])
    expect(box).not_to_contain_text("tertahan di dekat titik pelana")
    # Bulatan akhir di gambar: dekat salah satu minimum (★), jauh dari titik pelana (×).
    end = box.locator("svg circle.end")
    cx, cy = (float(end.get_attribute(k)) for k in ("cx", "cy"))
    marks = {cls: [(float(t.get_attribute("x")), float(t.get_attribute("y")) - 7)
                   for t in box.locator(f"svg text.{cls}").all()] for cls in ("minimum", "saddle")}
    near = min(math.dist((cx, cy), m) for m in marks["minimum"])
    assert near < math.dist((cx, cy), marks["saddle"][0]) / 3
    lesson.screenshot("gd-adam-pelana", box)
