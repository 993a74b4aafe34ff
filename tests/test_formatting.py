"""Uji untuk `saraf.formatting`: angka untuk manusia dengan koma desimal, titik ribuan, dan
tanda minus asli (−), sesuai GAYA.md."""

import math

import numpy as np
import pytest

from saraf.formatting import decimal, fixed, percent, progress_bar, significant, thousands


@pytest.mark.parametrize("value, digits, expected", [
    (0.7412, 2, "0,74"),
    (12.5, 1, "12,5"),
    (0.5, 2, "0,5"),          # nol di ujung dibuang
    (0.25, 3, "0,25"),
    (3.0, 2, "3"),            # bilangan bulat tanpa koma
    (-3.0, 2, "−3"),          # minus asli U+2212, bukan tanda hubung
    (-0.75, 2, "−0,75"),
    (-0.001, 2, "0"),         # −0 ditulis 0
    (2.0000000001, 2, "2"),
    (np.float32(0.5), 2, "0,5"),
    (np.int64(7), 2, "7"),
])
def test_decimal(value, digits, expected):
    assert decimal(value, digits) == expected


def test_decimal_special_values_and_no_point_or_hyphen():
    assert decimal(math.nan) == "?"
    assert decimal(math.inf) == "∞" and decimal(-math.inf) == "−∞"
    for value in np.linspace(-50, 50, 101) + 0.123:
        text = decimal(value, 3)
        assert "." not in text and "-" not in text, text
        assert float(text.replace("−", "-").replace(",", ".")) == pytest.approx(value, abs=5e-4)


@pytest.mark.parametrize("value, digits, expected", [
    (0.5, 2, "0,50"),         # tepat dua angka di belakang koma
    (3, 2, "3,00"),
    (-0.001, 2, "0,00"),      # −0,00 ditulis 0,00
    (-2.5, 1, "−2,5"),
    (1001, 2, "1.001,00"),    # titik ribuan
    (-1234567.891, 1, "−1.234.567,9"),
    (2, 0, "2"),
])
def test_fixed(value, digits, expected):
    assert fixed(value, digits) == expected


@pytest.mark.parametrize("value, expected", [
    (1619535, "1.619.535"),
    (60000, "60.000"),
    (999, "999"),
    (1000, "1.000"),
    (-60000, "−60.000"),
    (np.int64(1146890), "1.146.890"),
    (60000.0, "60.000"),
])
def test_thousands(value, expected):
    assert thousands(value) == expected


@pytest.mark.parametrize("fraction, digits, expected", [
    (0.9781, 1, "97,8%"),
    (0.978, 1, "97,8%"),
    (1, 1, "100,0%"),
    (0, 1, "0,0%"),
    (0.5, 0, "50%"),
    (0.12345, 2, "12,35%"),
])
def test_percent(fraction, digits, expected):
    assert percent(fraction, digits) == expected


@pytest.mark.parametrize("value, expected", [
    (7.38905609, "7,389"),
    (0.36787944, "0,3679"),
    (22026.4658, "22.026"),
    (2.0611536e-9, "2,061·10^−9"),
    (-0.5, "−0,5"),
])
def test_significant(value, expected):
    assert significant(value) == expected


def test_progress_bar_is_plain_text_on_stderr(capsys):
    bar = progress_bar(4, "epoch")
    assert (bar.total, bar.unit, bar.desc, bar.leave) == (4, "epoch", "pelatihan", False)
    bar.update(4)
    bar.close()
    captured = capsys.readouterr()
    assert captured.out == "" and "pelatihan" in captured.err
