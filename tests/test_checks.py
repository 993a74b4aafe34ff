"""Tes `saraf.checks`: jawaban acuan diterima, jawaban salah yang umum ditolak dengan
pesan dan petunjuk berbahasa Indonesia, tanpa pernah membocorkan jawabannya."""

from __future__ import annotations

import re

import numpy as np
import pytest

from saraf.checks import Feedback, correct, incorrect, lesson00, lesson01, not_answered, require_array
from saraf.data import load_mnist

# Kata-kata umum bahasa Indonesia; setiap pesan/petunjuk harus memuat setidaknya satu.
KATA_INDONESIA = {
    "yang", "bukan", "belum", "tetapi", "adalah", "sudah", "seharusnya", "anda", "itu",
    "baru", "dengan", "gunakan", "bentuk", "bentuknya", "semua", "nilai", "tipe", "hitung",
    "banyak", "kalikan", "tambahkan", "ubah", "lihat", "bagilah", "setiap", "ganti", "tulis",
    "urutannya", "urutan", "di", "dan", "untuk", "pada", "dari", "memakai", "kanal", "sumbu", "gambar", "angka", "jawaban", "hanya", "dibagi", "padahal", "selalu",
}
KATA_INGGRIS = {"the", "should", "must", "wrong", "expected", "answer", "please"}


def kata(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def assert_ditolak(fb, *, bocoran: tuple[str, ...] = ()) -> str:
    """Jawaban ditolak dengan pesan dan petunjuk berbahasa Indonesia; tidak membocorkan jawaban."""
    assert isinstance(fb, Feedback)
    assert bool(fb) is False, f"jawaban salah malah diterima: {fb!r}"
    assert fb.message and fb.hint, f"pesan dan petunjuk wajib ada: {fb!r}"
    teks = fb.message + "\n" + fb.hint
    assert kata(teks) & KATA_INDONESIA, f"pesan tidak berbahasa Indonesia: {teks!r}"
    assert not kata(teks) & KATA_INGGRIS, f"pesan memuat kata bahasa Inggris: {teks!r}"
    for rahasia in bocoran:
        assert rahasia not in teks, f"umpan balik membocorkan jawaban {rahasia!r}: {teks!r}"
    assert repr(fb).startswith("❌ Belum tepat.")
    assert "Petunjuk: " + fb.hint in repr(fb)
    return teks


def assert_diterima(fb) -> None:
    assert isinstance(fb, Feedback)
    assert bool(fb) is True, f"jawaban acuan ditolak: {fb!r}"
    assert repr(fb).startswith("✅ Benar!")
    assert kata(fb.message) & KATA_INDONESIA, f"pesan tidak berbahasa Indonesia: {fb.message!r}"


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


# ---------------------------------------------------------------------------
# Feedback dan fungsi bantu
# ---------------------------------------------------------------------------


def test_feedback_repr_and_bool():
    ok = correct("Bagus.")
    salah = incorrect("Belum.", "Coba lagi.")
    assert bool(ok) is True and bool(salah) is False
    assert repr(ok) == "✅ Benar! Bagus."
    assert repr(salah) == "❌ Belum tepat. Belum.\nPetunjuk: Coba lagi."
    assert "Petunjuk" not in repr(incorrect("Belum."))


def test_feedback_html_escapes_message_and_hint():
    fb = Feedback(False, "<b>tebal</b> & <script>alert(1)</script>", "pakai <i>x</i>")
    html = fb._repr_html_()
    assert "&lt;b&gt;tebal&lt;/b&gt; &amp; &lt;script&gt;" in html
    assert "<script>" not in html and "<i>x</i>" not in html
    assert "pakai &lt;i&gt;x&lt;/i&gt;" in html
    assert "❌ Belum tepat." in html and "#fff8e1" in html
    ok_html = Feedback(True, "a < b")._repr_html_()
    assert "✅ Benar!" in ok_html and "a &lt; b" in ok_html and "#e8f5e9" in ok_html
    assert "Petunjuk" not in ok_html


@pytest.mark.parametrize("kosong", [None, ...])
def test_not_answered(kosong):
    fb = not_answered(kosong)
    assert_ditolak(fb)
    assert "belum menjawab" in fb.message and "`...`" in fb.hint
    assert not_answered(0) is None and not_answered([]) is None


def test_require_array():
    assert require_array(np.zeros(3), "x") is None
    fb = require_array([1, 2], "x_norm")
    assert_ditolak(fb)
    assert "`x_norm`" in fb.message and "list" in fb.message
    assert "belum menjawab" in require_array(..., "x").message


# ---------------------------------------------------------------------------
# Pelajaran 00
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("jawaban", [28 * 28, np.int64(28) * 28, 784.0, np.float32(784)])
def test_l00_ex1_accepts_reference(jawaban):
    fb = lesson00.exercise_1(jawaban)
    assert_diterima(fb)
    assert "784" in fb.message


@pytest.mark.parametrize(
    "jawaban, kunci",
    [
        (56, "menjumlahkan"),
        (28, "satu baris"),
        (100, "bukan banyak piksel"),
        (785, "bukan banyak piksel"),
        (28 * 3, "bukan banyak piksel"),
        (783.5, "bilangan bulat"),
        (True, "bilangan bulat"),
        ("dua puluh delapan", "bilangan bulat"),
        ([28, 28], "bilangan bulat"),
        (float("nan"), "bilangan bulat"),
    ],
)
def test_l00_ex1_rejects_wrong(jawaban, kunci):
    teks = assert_ditolak(lesson00.exercise_1(jawaban), bocoran=("784",))
    assert kunci in teks


def test_l00_ex1_rejects_string_answer():
    assert_ditolak(lesson00.exercise_1("784"))


@pytest.mark.parametrize("kosong", [None, ...])
def test_l00_not_answered(kosong, mnist):
    (x_train, _), _ = mnist
    assert "belum menjawab" in assert_ditolak(lesson00.exercise_1(kosong))
    assert "belum menjawab" in assert_ditolak(lesson00.exercise_2(kosong, x_train))


def test_l00_ex2_accepts_reference(mnist):
    (x_train, _), _ = mnist
    assert_diterima(lesson00.exercise_2(len(x_train), x_train))
    assert_diterima(lesson00.exercise_2(x_train.shape[0], x_train))
    # Tanpa `x_train`, pemeriksa memuat MNIST bawaan sendiri.
    assert_diterima(lesson00.exercise_2(len(x_train)))


def test_l00_ex2_uses_given_data(mnist):
    (x_train, _), _ = mnist
    sebagian = x_train[:500]
    assert_diterima(lesson00.exercise_2(500, sebagian))
    assert_ditolak(lesson00.exercise_2(len(x_train), sebagian), bocoran=("500",))


def test_l00_ex2_rejects_wrong(mnist):
    (x_train, _), (x_test, _) = mnist
    rahasia = (str(len(x_train)), f"{len(x_train):,}".replace(",", "."))
    kasus = [
        (len(x_train) + len(x_test), "seluruh gambar"),
        (28, "sisi satu gambar"),
        (len(x_test), "bukan banyak gambar"),
        (60000, "bukan banyak gambar"),
        (784, "bukan banyak gambar"),
        (12.5, "bilangan bulat"),
        (False, "bilangan bulat"),
        ("banyak", "bilangan bulat"),
    ]
    pesan = set()
    for jawaban, kunci in kasus:
        teks = assert_ditolak(lesson00.exercise_2(jawaban, x_train), bocoran=rahasia)
        assert kunci in teks, (jawaban, teks)
        pesan.add(teks)
    assert len(pesan) >= 4, "jawaban salah yang berbeda seharusnya mendapat petunjuk berbeda"


# ---------------------------------------------------------------------------
# Pelajaran 01
# ---------------------------------------------------------------------------

DATA_3X4 = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]


@pytest.mark.parametrize(
    "jawaban", [(3, 4), [3, 4], np.array(DATA_3X4).shape, (np.int64(3), np.int64(4))]
)
def test_l01_ex1_accepts_reference(jawaban):
    assert_diterima(lesson01.exercise_1(jawaban))


@pytest.mark.parametrize(
    "jawaban, kunci",
    [
        ((4, 3), "terbalik"),
        ((12,), "2 dimensi"),
        ((3, 4, 1), "2 dimensi"),
        ((3, 3), "bukan bentuk"),
        ((2, 4), "bukan bentuk"),
        ((3.0, 4.0), "tuple bilangan bulat"),
        ("3 x 4", "tuple bilangan bulat"),
        (12, "tuple bilangan bulat"),
        (np.array(DATA_3X4), "tuple bilangan bulat"),
        (None, "belum menjawab"),
        (..., "belum menjawab"),
    ],
)
def test_l01_ex1_rejects_wrong(jawaban, kunci):
    teks = assert_ditolak(lesson01.exercise_1(jawaban), bocoran=("(3, 4)", "[3, 4]"))
    assert kunci in teks


@pytest.mark.parametrize(
    "jawaban", [16, 2 * 2 * 2 * 2, np.zeros((2, 2, 2, 2)).size, np.prod((2, 2, 2, 2))]
)
def test_l01_ex2_accepts_reference(jawaban):
    assert_diterima(lesson01.exercise_2(jawaban))


@pytest.mark.parametrize(
    "jawaban, kunci",
    [
        (2 + 2 + 2 + 2, "bukan jumlahnya"),
        (2 * 2 * 2, "Belum semua sumbu"),
        (4, "banyak sumbu"),
        (32, "belum tepat"),
        (2, "belum tepat"),
        (-1, "belum tepat"),
        (True, "bilangan bulat"),
        ("enam belas", "bilangan bulat"),
        ((2, 2, 2, 2), "bilangan bulat"),
        (None, "belum menjawab"),
        (..., "belum menjawab"),
    ],
)
def test_l01_ex2_rejects_wrong(jawaban, kunci):
    teks = assert_ditolak(lesson01.exercise_2(jawaban), bocoran=("16",))
    assert kunci in teks


@pytest.fixture(scope="module")
def image(mnist):
    _, (x_test, _) = mnist
    return x_test[0]


def test_l01_ex3_accepts_reference(image):
    assert_diterima(lesson01.exercise_3(image.reshape(1, 28, 28, 1), image))
    assert_diterima(lesson01.exercise_3(image[np.newaxis, :, :, np.newaxis], image))
    assert_diterima(lesson01.exercise_3(np.expand_dims(image, (0, -1)), image))


def test_l01_ex3_rejects_wrong(image, mnist):
    _, (x_test, _) = mnist
    rahasia = ("(1, 28, 28, 1)", "reshape(1, 28, 28, 1)", "1, 28, 28, 1")
    kasus = [
        (image.reshape(28, 28, 1), "batch"),
        (image.reshape(1, 28, 28), "kanal"),
        (image.reshape(1, 1, 28, 28), "channels-first"),
        (image.reshape(784), "(784,)"),
        (image, "(28, 28)"),
        (image.reshape(1, 28, 28, 1).tolist(), "list"),
        (x_test[1].reshape(1, 28, 28, 1), "isinya bukan gambar"),
        (image.reshape(1, 28, 28, 1).T, "isinya bukan gambar"),
        (None, "belum menjawab"),
        (..., "belum menjawab"),
    ]
    pesan = set()
    for batch, kunci in kasus:
        teks = assert_ditolak(lesson01.exercise_3(batch, image), bocoran=rahasia)
        assert kunci in teks, (kunci, teks)
        pesan.add(teks)
    assert len(pesan) >= 7, "setiap kesalahan umum seharusnya mendapat petunjuk sendiri"


@pytest.fixture(scope="module")
def x_batch(mnist):
    _, (x_test, _) = mnist
    return x_test[:500]


def test_l01_ex4_accepts_reference(x_batch):
    x = x_batch
    assert_diterima(lesson01.exercise_4(x.reshape(-1, 28, 28, 1).astype("float32") / 255, x))
    assert_diterima(lesson01.exercise_4((x.astype(np.float32) / 255.0)[..., np.newaxis], x))


def test_l01_ex4_rejects_wrong(x_batch, mnist):
    x = x_batch
    (x_train, _), _ = mnist
    x4 = x.reshape(-1, 28, 28, 1)
    kasus = [
        ("lupa /255", x4.astype("float32"), "paling besar 1"),
        ("memakai //", x4.astype("float32") // 255, "`//`"),
        ("uint8", x4, "uint8"),
        ("uint8 //", x4 // 255, "uint8"),
        ("float64", x4 / 255, "float64"),
        ("float16", (x4 / 255).astype(np.float16), "float16"),
        ("tanpa kanal", x.astype("float32") / 255, "Bentuk `x_norm`"),
        ("kanal di depan", x.reshape(-1, 1, 28, 28).astype("float32") / 255, "Bentuk `x_norm`"),
        ("rata", x.reshape(len(x), -1).astype("float32") / 255, "Bentuk `x_norm`"),
        ("dibagi 256", x4.astype("float32") / 256, "dibagi angka yang salah"),
        ("gambar lain", x_train[: len(x)].reshape(-1, 28, 28, 1).astype("float32") / 255,
         "tidak sebanding"),
        ("list", (x4.astype("float32") / 255).tolist(), "array NumPy"),
        ("belum (...)", ..., "belum menjawab"),
        ("belum (None)", None, "belum menjawab"),
    ]
    pesan = set()
    for nama, x_norm, kunci in kasus:
        fb = lesson01.exercise_4(x_norm, x)
        teks = assert_ditolak(fb)
        assert kunci in teks, (nama, teks)
        # Petunjuk menuntun, tetapi tidak menuliskan kode jawabannya.
        assert not re.search(r"/\s*255", fb.hint), (nama, fb.hint)
        assert "reshape(-1, 28, 28, 1)" not in teks, (nama, teks)
        pesan.add(teks)
    assert len(pesan) >= 8


def test_l01_ex4_shape_follows_given_batch(x_batch):
    kecil = x_batch[:3]
    assert_diterima(lesson01.exercise_4(kecil.reshape(-1, 28, 28, 1).astype("float32") / 255, kecil))
    besar = x_batch.reshape(-1, 28, 28, 1).astype("float32") / 255
    assert "(3, 28, 28, 1)" in assert_ditolak(lesson01.exercise_4(besar, kecil))
