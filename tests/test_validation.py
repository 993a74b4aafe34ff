"""Uji untuk `saraf.validation`: satu bentuk pesan kesalahan untuk seluruh `saraf`.

Setiap pesan menyebut nama parameter, apa yang diharapkan, dan nilai yang diberikan. Jenis
yang salah (teks di tempat bilangan) memberi ``TypeError``; nilai yang salah ``ValueError``.
"""

import ast
import inspect

import numpy as np
import pytest
from PIL import Image

from saraf import validation as v


def test_validation_needs_only_numpy():
    tree = ast.parse(inspect.getsource(v))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "numbers", "numpy"}, imported


# ---------------------------------------------------------------------------
# short, error
# ---------------------------------------------------------------------------


def test_short_describes_arrays_images_and_long_values():
    assert v.short(np.zeros((2, 3), np.uint8)) == "array berbentuk (2, 3) bertipe uint8"
    assert v.short(Image.new("RGB", (4, 3))) == "gambar PIL mode RGB berukuran 4 × 3"
    assert v.short("lengkap") == "'lengkap'"
    long = v.short(list(range(100)))
    assert len(long) == 80 and long.endswith("...")


def test_error_message_format_and_kind():
    exc = v.error("stride", "bilangan bulat ≥ 1", 0)
    assert isinstance(exc, ValueError)
    assert str(exc) == "`stride` harus bilangan bulat ≥ 1, tetapi yang diberikan: 0."
    exc = v.error("x", "array", "teks", "Ubah dulu.", kind=TypeError)
    assert type(exc) is TypeError
    assert str(exc) == "`x` harus array, tetapi yang diberikan: 'teks'. Ubah dulu."


# ---------------------------------------------------------------------------
# Bilangan
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("value, is_int, is_real", [
    (3, True, True), (np.int64(3), True, True), (np.uint8(3), True, True),
    (3.0, False, True), (np.float32(0.5), False, True),
    (True, False, False), (np.bool_(True), False, False),
    ("3", False, False), (None, False, False), ([3], False, False), (1 + 2j, False, False),
])
def test_is_int_and_is_real(value, is_int, is_real):
    assert v.is_int(value) is is_int
    assert v.is_real(value) is is_real


def test_as_int_returns_plain_int():
    assert v.as_int("n", np.int64(5), 1) == 5 and type(v.as_int("n", np.int64(5), 1)) is int
    assert v.as_int("n", 0, 0, 3) == 0 and v.as_int("n", 3, 0, 3) == 3
    assert v.as_int("n", -7) == -7


@pytest.mark.parametrize("value, minimum, maximum, kind, expected", [
    ("5", 1, None, TypeError, "`n` harus bilangan bulat ≥ 1, tetapi yang diberikan: '5'."),
    (None, 1, None, TypeError, "`n` harus bilangan bulat ≥ 1, tetapi yang diberikan: None."),
    (True, 1, None, TypeError, "`n` harus bilangan bulat ≥ 1, tetapi yang diberikan: True."),
    (2.5, 1, None, ValueError, "`n` harus bilangan bulat ≥ 1, tetapi yang diberikan: 2.5."),
    (0, 1, None, ValueError, "`n` harus bilangan bulat ≥ 1, tetapi yang diberikan: 0."),
    (9, 0, 3, ValueError, "`n` harus bilangan bulat dari 0 sampai 3, tetapi yang diberikan: 9."),
    (9, None, 3, ValueError, "`n` harus bilangan bulat ≤ 3, tetapi yang diberikan: 9."),
])
def test_as_int_errors(value, minimum, maximum, kind, expected):
    with pytest.raises(kind) as info:
        v.as_int("n", value, minimum, maximum)
    assert type(info.value) is kind and str(info.value) == expected


def test_as_real_ranges_open_and_closed():
    assert v.as_real("eta", 3) == 3.0 and type(v.as_real("eta", 3)) is float
    assert v.as_real("p", 0, 0, 1) == 0.0 and v.as_real("p", 1, 0, 1) == 1.0
    for bad in (0, np.nan, np.inf, -1.0):
        with pytest.raises(ValueError, match="`eta` harus bilangan > 0"):
            v.as_real("eta", bad, above=0)
    with pytest.raises(ValueError, match="`p` harus bilangan ≥ 0 dan < 1, .*: 1"):
        v.as_real("p", 1, 0, below=1)
    with pytest.raises(TypeError, match="`eta` harus laju > 0, tetapi yang diberikan: '3'"):
        v.as_real("eta", "3", above=0, expected="laju > 0")


def test_as_choice():
    assert v.as_choice("padding", "same", ("valid", "same")) == "same"
    with pytest.raises(ValueError) as info:
        v.as_choice("padding", "full", ("valid", "same"))
    assert str(info.value) == ("`padding` harus 'valid' atau 'same', tetapi yang diberikan: "
                               "'full'.")
    with pytest.raises(ValueError, match="salah satu dari 'a', 'b', atau 'c'"):
        v.as_choice("mode", "d", ("a", "b", "c"))
    with pytest.raises(ValueError, match="`mode`"):
        v.as_choice("mode", ["a"], ("a", "b"))  # daftar tidak dianggap pilihan


def test_as_pair():
    assert v.as_pair("stride", 2, 1) == (2, 2)
    assert v.as_pair("stride", (1, 3), 1) == (1, 3)
    assert v.as_pair("stride", np.array([2, 4]), 1) == (2, 4)
    with pytest.raises(ValueError, match="`stride` harus .*pasangan"):
        v.as_pair("stride", (1, 2, 3), 1)
    with pytest.raises(ValueError, match=r"`stride\[1\]` harus bilangan bulat ≥ 1"):
        v.as_pair("stride", (1, 0), 1)
    with pytest.raises(TypeError, match="`stride`"):
        v.as_pair("stride", "2", 1)


def test_as_bool():
    assert v.as_bool("verbose", True) is True and v.as_bool("verbose", np.bool_(False)) is False
    for bad in (1, 0, "ya", None):
        with pytest.raises(TypeError) as info:
            v.as_bool("verbose", bad)
        assert str(info.value).startswith("`verbose` harus True atau False, tetapi yang "
                                          "diberikan: ")


# ---------------------------------------------------------------------------
# Array
# ---------------------------------------------------------------------------


def test_as_array_accepts_numbers_and_rejects_the_rest():
    np.testing.assert_array_equal(v.as_array("x", [[1, 2], [3, 4]]), [[1, 2], [3, 4]])
    assert v.as_array("x", [np.inf], finite=False)[0] == np.inf
    with pytest.raises(ValueError, match="`x` harus array bilangan dengan bentuk teratur"):
        v.as_array("x", [[1, 2], [3]])
    with pytest.raises(TypeError, match="`x` harus array berisi bilangan real.*bertipe <U1"):
        v.as_array("x", np.array(["a"]))
    with pytest.raises(TypeError, match="kompleks"):
        v.as_array("x", np.zeros(2, complex))
    with pytest.raises(ValueError) as info:
        v.as_array("x", np.array([1.0, np.nan]))
    assert "`x` harus hanya berisi bilangan berhingga" in str(info.value)
    assert "array berbentuk (2,) bertipe float64" in str(info.value)


def test_as_labels():
    np.testing.assert_array_equal(v.as_labels("y", [0, 2, 1]), [0, 2, 1])
    labels = v.as_labels("y", np.array([3.0, 1.0]))  # 3.0 diterima sebagai 3
    assert labels.dtype.kind == "i" and labels.tolist() == [3, 1]
    with pytest.raises(ValueError, match="argmax"):
        v.as_labels("y", np.eye(3))
    with pytest.raises(ValueError, match="`y` harus berisi label ≥ 0"):
        v.as_labels("y", [0, -1])
    with pytest.raises(ValueError, match="`y` harus berisi 3 label"):
        v.as_labels("y", [0, 1], n=3)
    with pytest.raises(ValueError, match="`y` harus array 1-D berisi label bilangan bulat"):
        v.as_labels("y", [0.5, 1.0])


def test_as_gray_image():
    assert v.as_gray_image("image", np.zeros((4, 5))).shape == (4, 5)
    assert v.as_gray_image("image", np.zeros((4, 5, 1))).shape == (4, 5)
    with pytest.raises(ValueError) as info:
        v.as_gray_image("image", np.zeros((1, 4, 5, 1)))
    assert str(info.value) == ("`image` harus satu gambar grayscale berbentuk (H, W) atau "
                               "(H, W, 1), tetapi yang diberikan: array berbentuk (1, 4, 5, 1) "
                               "bertipe float64. Untuk satu gambar dari batch, ambil x[0].")
    with pytest.raises(ValueError, match=r"berbentuk \(H, W\), .*Pakai to_grayscale\.$"):
        v.as_gray_image("image", np.zeros((4, 5, 1)), allow_channel=False,
                        hint="Pakai to_grayscale.")
    with pytest.raises(ValueError, match="`image`"):
        v.as_gray_image("image", np.zeros((0, 5)))


def test_as_names():
    assert v.as_names("names", None, 3) == ["0", "1", "2"]
    assert v.as_names("names", ("a", 2), 2) == ["a", "2"]
    with pytest.raises(TypeError, match="`names` harus daftar berisi 2 nama kelas"):
        v.as_names("names", "ab", 2)
    with pytest.raises(ValueError, match="`names` harus berisi 2 nama kelas"):
        v.as_names("names", ["a"], 2)
