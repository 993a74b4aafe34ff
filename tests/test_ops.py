"""Uji untuk `saraf.ops`.

Hasil NumPy kita dibandingkan dengan TensorFlow/Keras (jika terpasang),
dengan contoh kecil yang dihitung dengan tangan, dan dengan uji properti
Hypothesis. Setiap pesan kesalahan juga diperiksa: harus berbahasa
Indonesia dan menyebut nama parameternya.
"""

import ast
import inspect
import math
import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from saraf import ops

FAST = settings(max_examples=40, deadline=None)


@pytest.fixture(scope="module")
def tf():
    """TensorFlow diimpor di sini agar berkas ini tetap bisa dikumpulkan tanpa TF."""
    return pytest.importorskip("tensorflow")


@pytest.fixture(scope="module")
def keras(tf):
    return pytest.importorskip("keras")


def assert_close(actual, expected, tol=1e-5):
    """Selisih mutlak maksimum ≤ tol, diskalakan dengan besar nilai jika > 1."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape
    scale = max(1.0, float(np.abs(expected).max(initial=0.0)))
    assert np.abs(actual - expected).max(initial=0.0) <= tol * scale


def assert_indonesian(excinfo, param):
    """Pesan kesalahan menyebut parameter dan memakai kata bahasa Indonesia."""
    message = str(excinfo.value)
    assert param in message
    assert any(word in message for word in ("harus", "diberikan", "terlalu"))


# ---------------------------------------------------------------------------
# Modul hanya bergantung pada NumPy
# ---------------------------------------------------------------------------


def test_ops_imports_only_numpy():
    tree = ast.parse(inspect.getsource(ops))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported <= {"numpy", "numbers"}, imported


# ---------------------------------------------------------------------------
# Contoh kecil yang dihitung dengan tangan
# ---------------------------------------------------------------------------


def test_output_size_textbook():
    assert ops.output_size(28, 3, stride=2, padding=1) == 14
    assert ops.output_size(28, 3) == 26
    assert ops.output_size(5, 3, padding=1) == 5
    assert ops.output_size(7, 3, dilation=2) == 3  # kernel efektif 5
    assert ops.output_size(4, 4) == 1


def test_same_padding_known_values():
    assert ops.same_padding(28, 3, stride=2) == (0, 1)  # asimetris: kelebihan di bawah
    assert ops.same_padding(5, 3) == (1, 1)
    assert ops.same_padding(6, 4) == (1, 2)
    assert ops.same_padding(7, 3, dilation=2) == (2, 2)
    assert ops.same_padding(4, 1, stride=3) == (0, 0)


def test_conv_4x4_with_2x2_by_hand():
    x = np.arange(16, dtype=float).reshape(4, 4)
    diff = np.array([[1.0, 0.0], [0.0, -1.0]])  # x[i, j] − x[i+1, j+1] selalu −5
    expected = np.full((3, 3), -5.0)
    np.testing.assert_array_equal(ops.conv2d_naive(x, diff), expected)
    np.testing.assert_array_equal(ops.conv2d(x, diff), expected)
    # Kernel berisi 1 dengan stride 2: jumlah setiap blok 2×2.
    block_sums = np.array([[0 + 1 + 4 + 5, 2 + 3 + 6 + 7], [8 + 9 + 12 + 13, 10 + 11 + 14 + 15]])
    np.testing.assert_array_equal(ops.conv2d(x, np.ones((2, 2)), stride=2), block_sums)
    np.testing.assert_array_equal(ops.conv2d_naive(x, np.ones((2, 2)), stride=2), block_sums)


def test_conv_is_cross_correlation_not_flipped():
    x = np.zeros((3, 3))
    x[1, 1] = 1.0
    k = np.arange(9.0).reshape(3, 3)
    # Impuls di tengah: korelasi silang menghasilkan kernel yang DIBALIK.
    np.testing.assert_array_equal(ops.conv2d(x, k, padding=1), k[::-1, ::-1])
    np.testing.assert_array_equal(ops.conv2d_naive(x, k, padding=1), k[::-1, ::-1])


def test_conv_padding_by_hand():
    x = np.ones((2, 2))
    out = ops.conv2d(x, np.ones((3, 3)), padding=1)
    # Setiap jendela 3×3 mencakup keempat angka 1 asli.
    np.testing.assert_array_equal(out, np.full((2, 2), 4.0))


def test_pools_by_hand():
    x = np.arange(16, dtype=float).reshape(4, 4)
    np.testing.assert_array_equal(ops.max_pool2d(x), [[5, 7], [13, 15]])
    np.testing.assert_array_equal(ops.avg_pool2d(x), [[2.5, 4.5], [10.5, 12.5]])
    # "same" 3×3 stride 2 pada 4×4: padding (0, 1); jendela terakhir hanya 2×2 asli.
    np.testing.assert_array_equal(ops.avg_pool2d(x, 3, 2, "same"), [[5, 6.5], [11, 12.5]])
    np.testing.assert_array_equal(ops.max_pool2d(-x, 3, 2, "same"), [[0, -2], [-8, -10]])


def test_activations_by_hand():
    np.testing.assert_array_equal(ops.relu(np.array([-3, 4])), [0, 4])
    assert ops.relu(np.array([-3, 4])).dtype == np.array([-3, 4]).dtype
    np.testing.assert_allclose(ops.sigmoid(np.array([0.0, 1000.0, -1000.0])), [0.5, 1.0, 0.0])
    np.testing.assert_allclose(ops.softmax([0.0, math.log(3.0)]), [0.25, 0.75])
    np.testing.assert_allclose(ops.softmax([1000.0, -1000.0]), [1.0, 0.0])
    # Temperatur 2: setara dengan softmax(z / 2).
    np.testing.assert_allclose(ops.softmax([0.0, 2 * math.log(3.0)], temperature=2.0), [0.25, 0.75])


def test_cross_entropy_by_hand():
    probs = np.array([[0.7, 0.3], [0.2, 0.8]])
    expected = -(math.log(0.7) + math.log(0.8)) / 2
    assert ops.cross_entropy(probs, [0, 1]) == pytest.approx(expected)
    assert ops.cross_entropy(probs, [[1, 0], [0, 1]]) == pytest.approx(expected)
    # Kelas di sumbu 0.
    assert ops.cross_entropy(probs.T, [0, 1], axis=0) == pytest.approx(expected)
    # Probabilitas 0 untuk kelas benar: eps mencegah log(0) = −inf.
    assert ops.cross_entropy([[1.0, 0.0]], [1]) == pytest.approx(-math.log(1e-12))


def test_pad2d_formats():
    x = np.arange(6).reshape(2, 3)
    np.testing.assert_array_equal(ops.pad2d(x, 1), np.pad(x, 1))
    np.testing.assert_array_equal(ops.pad2d(x, (1, 2, 3, 4)), np.pad(x, ((1, 2), (3, 4))))
    np.testing.assert_array_equal(ops.pad2d(x, ((0, 1), (2, 0)), value=7),
                                  np.pad(x, ((0, 1), (2, 0)), constant_values=7))
    np.testing.assert_array_equal(ops.pad2d(x, (1, 2)), np.pad(x, ((1, 1), (2, 2))))
    batch = np.ones((2, 3, 4, 5))
    assert ops.pad2d(batch, (1, 2, 3, 4)).shape == (2, 6, 11, 5)  # hanya H dan W
    img = np.full((2, 2), 255, dtype=np.uint8)
    assert ops.pad2d(img, 1).dtype == np.uint8
    padded = ops.pad2d(img, 1, value=-np.inf)  # −inf tidak muat di uint8 → float
    assert padded.dtype == np.float64 and padded[0, 0] == -np.inf and padded[1, 1] == 255


def test_dtypes_and_no_overflow():
    img = np.full((5, 5), 255, dtype=np.uint8)
    out = ops.conv2d(img, np.full((3, 3), 100, dtype=np.int64))
    np.testing.assert_array_equal(out, np.full((3, 3), 255 * 100 * 9.0))
    naive = ops.conv2d_naive(img, np.full((3, 3), 100, dtype=np.int64))
    np.testing.assert_array_equal(naive, out)
    # uint8 × uint8: 255·255·9 jauh melebihi 255, jadi harus dihitung sebagai float.
    k8 = np.full((3, 3), 255, dtype=np.uint8)
    for fn in (ops.conv2d, ops.conv2d_naive):
        out8 = fn(img, k8)
        assert out8.dtype.kind == "f"
        np.testing.assert_array_equal(out8, np.full((3, 3), 255.0 * 255 * 9))
    assert ops.conv2d(img, np.ones((3, 3), np.float32)).dtype == np.float32
    x32 = np.ones((1, 5, 5, 2), np.float32)
    assert ops.conv2d(x32, np.ones((3, 3, 2, 4), np.float32)).dtype == np.float32
    assert ops.max_pool2d(x32).dtype == np.float32
    assert ops.avg_pool2d(img).dtype.kind == "f"
    assert ops.max_pool2d(img)[0, 0] == 255
    assert ops.sigmoid(np.zeros(3, np.float32)).dtype == np.float32


# ---------------------------------------------------------------------------
# Perbandingan dengan TensorFlow / Keras
# ---------------------------------------------------------------------------


def _random_conv_case(rng):
    """Satu kasus acak: masukan, kernel, argumen saraf, dan argumen TensorFlow."""
    n, c_in, c_out = rng.integers(1, 4), rng.integers(1, 5), rng.integers(1, 6)
    kh, kw = rng.integers(1, 6, size=2)
    stride = tuple(int(s) for s in rng.integers(1, 4, size=2))
    # TensorFlow hanya mendukung dilasi > 1 bersama stride 1.
    dilation = tuple(int(d) for d in rng.integers(1, 4, size=2)) if stride == (1, 1) else (1, 1)
    mode = rng.choice(["valid", "same", "int", "tuple"])
    pads = [0, 0, 0, 0]
    if mode == "int":
        pads = [int(rng.integers(0, 3))] * 4
    elif mode == "tuple":
        pads = [int(p) for p in rng.integers(0, 3, size=4)]
    h = int(rng.integers(dilation[0] * (kh - 1) + 1, 20))
    w = int(rng.integers(dilation[1] * (kw - 1) + 1, 20))
    x = rng.standard_normal((n, h, w, c_in)).astype(np.float32)
    k = rng.standard_normal((kh, kw, c_in, c_out)).astype(np.float32)
    if mode in ("valid", "same"):
        saraf_pad, tf_pad = str(mode), str(mode).upper()
    else:
        saraf_pad = pads[0] if mode == "int" else tuple(pads)
        tf_pad = [[0, 0], pads[:2], pads[2:], [0, 0]]
    return x, k, stride, dilation, saraf_pad, tf_pad


@pytest.mark.parametrize("seed", range(40))
def test_conv2d_matches_tensorflow(tf, seed):
    rng = np.random.default_rng(seed)
    x, k, stride, dilation, saraf_pad, tf_pad = _random_conv_case(rng)
    ours = ops.conv2d(x, k, stride=stride, padding=saraf_pad, dilation=dilation)
    ref = tf.nn.conv2d(x, k, strides=[1, *stride, 1], padding=tf_pad,
                       dilations=[1, *dilation, 1]).numpy()
    assert ours.dtype == np.float32
    assert_close(ours, ref)


@pytest.mark.parametrize("channels", [1, 3, 8])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("size", [27, 28])
def test_conv2d_same_asymmetric_matches_tensorflow(tf, stride, size, channels):
    rng = np.random.default_rng(stride * 100 + size)
    x = rng.standard_normal((2, size, size, channels)).astype(np.float32)
    k = rng.standard_normal((4, 3, channels, 8)).astype(np.float32)
    ours = ops.conv2d(x, k, stride=stride, padding="same")
    ref = tf.nn.conv2d(x, k, strides=stride, padding="SAME").numpy()
    assert ours.shape[1] == math.ceil(size / stride)
    assert_close(ours, ref)


@pytest.mark.parametrize("seed", range(10))
def test_conv2d_naive_matches_conv2d(seed):
    rng = np.random.default_rng(1000 + seed)
    kh, kw = rng.integers(1, 5, size=2)
    stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    image = rng.standard_normal((int(rng.integers(kh, 15)), int(rng.integers(kw, 15))))
    kernel = rng.standard_normal((kh, kw))
    naive = ops.conv2d_naive(image, kernel, stride=stride, padding=padding)
    fast = ops.conv2d(image, kernel, stride=stride, padding=padding)
    np.testing.assert_allclose(naive, fast, rtol=1e-10, atol=1e-10)


POOL_CASES = [(2, None), (2, 1), (3, 2), (3, 3), ((2, 3), (1, 2)), (1, 1), (4, 3)]


@pytest.mark.parametrize("padding", ["valid", "same"])
@pytest.mark.parametrize("size,stride", POOL_CASES)
def test_pools_match_tensorflow(tf, size, stride, padding):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 11, 12, 3)).astype(np.float32)
    tf_stride = size if stride is None else stride
    for ours_fn, tf_fn in [(ops.max_pool2d, tf.nn.max_pool2d), (ops.avg_pool2d, tf.nn.avg_pool2d)]:
        ours = ours_fn(x, size, stride, padding)
        ref = tf_fn(x, ksize=size, strides=tf_stride, padding=padding.upper()).numpy()
        assert_close(ours, ref)
        # Versi 2-D sama dengan satu kanal dari versi NHWC.
        assert_close(ours_fn(x[0, :, :, 1], size, stride, padding), ours[0, :, :, 1])


def test_softmax_matches_tensorflow(tf):
    rng = np.random.default_rng(3)
    z = (rng.standard_normal((4, 5, 6)) * 50).astype(np.float32)
    for axis in (-1, 0, 1):
        assert_close(ops.softmax(z, axis=axis), tf.nn.softmax(z, axis=axis).numpy())
    assert_close(ops.softmax(z, temperature=3.0), tf.nn.softmax(z / 3.0).numpy())
    big = np.array([[1000.0, -1000.0, 999.0]], np.float32)
    assert_close(ops.softmax(big), tf.nn.softmax(big).numpy())


def test_sigmoid_matches_tensorflow(tf):
    x = np.concatenate([np.linspace(-50, 50, 201), [-1000.0, 1000.0]]).astype(np.float32)
    assert_close(ops.sigmoid(x), tf.math.sigmoid(x).numpy(), tol=1e-6)


def test_cross_entropy_matches_keras(keras):
    rng = np.random.default_rng(5)
    probs = ops.softmax(rng.standard_normal((32, 10)) * 2)
    labels = rng.integers(0, 10, size=32)
    direct = -np.mean(np.log(probs[np.arange(32), labels]))
    ref_sparse = float(keras.losses.SparseCategoricalCrossentropy()(labels, probs))
    one_hot = np.eye(10)[labels]
    ref_dense = float(keras.losses.CategoricalCrossentropy()(one_hot, probs))
    assert ops.cross_entropy(probs, labels) == pytest.approx(direct, rel=1e-12)
    assert ops.cross_entropy(probs, labels) == pytest.approx(ref_sparse, rel=1e-5)
    assert ops.cross_entropy(probs, one_hot) == pytest.approx(ref_dense, rel=1e-5)


# ---------------------------------------------------------------------------
# Uji properti (Hypothesis)
# ---------------------------------------------------------------------------


@FAST
@given(n=st.integers(1, 30), k=st.integers(1, 5), s=st.integers(1, 3),
       p=st.integers(0, 2), d=st.integers(1, 3))
def test_conv2d_shape_equals_output_size(n, k, s, p, d):
    if n + 2 * p < d * (k - 1) + 1:
        with pytest.raises(ValueError, match="kernel"):
            ops.output_size(n, k, s, p, d)
        return
    expected = ops.output_size(n, k, stride=s, padding=p, dilation=d)
    assert expected == (n + 2 * p - d * (k - 1) - 1) // s + 1 >= 1
    out = ops.conv2d(np.zeros((n, n + 1)), np.ones((k, k)), stride=s, padding=p, dilation=d)
    assert out.shape == (expected, ops.output_size(n + 1, k, s, p, d))
    same = ops.conv2d(np.zeros((1, n, n, 1)), np.ones((k, k, 1, 2)), stride=s,
                      padding="same", dilation=d)
    assert same.shape == (1, math.ceil(n / s), math.ceil(n / s), 2)


finite_logits = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6),
                           elements=st.floats(-1000, 1000))


@FAST
@given(z=finite_logits, temperature=st.floats(0.05, 100))
def test_softmax_sums_to_one_without_nan(z, temperature):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = ops.softmax(z, temperature=temperature)
    assert not np.isnan(p).any()
    assert ((p >= 0) & (p <= 1)).all()
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)


@FAST
@given(x=finite_logits)
def test_sigmoid_no_warnings_and_symmetric(x):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y = ops.sigmoid(x)
        y_neg = ops.sigmoid(-x)
    assert ((y >= 0) & (y <= 1)).all()
    np.testing.assert_allclose(y + y_neg, 1.0, atol=1e-12)


@FAST
@given(data=st.data(), h=st.integers(1, 12), w=st.integers(1, 12),
       size=st.integers(1, 4), stride=st.integers(1, 4))
def test_pool_same_shape_and_max_bounds(data, h, w, size, stride):
    x = data.draw(hnp.arrays(np.float64, (h, w), elements=st.floats(-100, 100)))
    out = ops.max_pool2d(x, size, stride, "same")
    assert out.shape == (math.ceil(h / stride), math.ceil(w / stride))
    assert np.isfinite(out).all() and out.max() <= x.max()
    avg = ops.avg_pool2d(x, size, stride, "same")
    assert (avg <= out + 1e-9).all() and (avg >= x.min() - 1e-9).all()


# ---------------------------------------------------------------------------
# Masukan yang salah: jenis galat, nama parameter, dan bahasa Indonesia
# ---------------------------------------------------------------------------

IMG = np.ones((5, 5))
K2 = np.ones((3, 3))
BATCH = np.ones((1, 5, 5, 3), np.float32)
K4 = np.ones((3, 3, 3, 2), np.float32)
NAN_IMG = np.where(np.eye(5) > 0, np.nan, 1.0)

BAD_INPUTS = [
    # (panggilan, jenis galat, nama parameter yang harus disebut)
    (lambda: ops.output_size(5, 3, stride=0), ValueError, "stride"),
    (lambda: ops.output_size(5, 3, padding=-1), ValueError, "padding"),
    (lambda: ops.output_size(3, 5), ValueError, "kernel"),
    (lambda: ops.output_size(5, 3, dilation=0), ValueError, "dilation"),
    (lambda: ops.output_size(5.5, 3), ValueError, "n"),
    (lambda: ops.output_size("5", 3), TypeError, "n"),
    (lambda: ops.same_padding(5, 3, stride=0), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=0), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=(1, 0)), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=(1, 2, 3)), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, stride=1.5), ValueError, "stride"),
    (lambda: ops.conv2d(IMG, K2, dilation=0), ValueError, "dilation"),
    (lambda: ops.conv2d(IMG, K2, padding=-1), ValueError, "padding"),
    (lambda: ops.conv2d(IMG, K2, padding=(1, 2, 3)), ValueError, "padding"),
    (lambda: ops.conv2d(IMG, K2, padding="penuh"), ValueError, "padding"),
    (lambda: ops.conv2d(IMG, np.ones((6, 6))), ValueError, "kernel"),
    (lambda: ops.conv2d(IMG, K2, dilation=3), ValueError, "kernel"),
    (lambda: ops.conv2d(NAN_IMG, K2), ValueError, "x"),
    (lambda: ops.conv2d(IMG, np.full((3, 3), np.inf)), ValueError, "kernel"),
    (lambda: ops.conv2d(np.array([["a", "b"], ["c", "d"]]), K2), TypeError, "x"),
    (lambda: ops.conv2d(np.array([[object()]]), K2), TypeError, "x"),
    (lambda: ops.conv2d([[1, 2], [3]], K2), ValueError, "x"),
    (lambda: ops.conv2d(np.ones(5), K2), ValueError, "(5,)"),
    (lambda: ops.conv2d(np.ones((5, 5, 3)), K4), ValueError, "(5, 5, 3)"),
    (lambda: ops.conv2d(BATCH, K2), ValueError, "kernel"),
    (lambda: ops.conv2d(BATCH, np.ones((3, 3, 2, 2))), ValueError, "kernel"),
    (lambda: ops.conv2d(BATCH, np.ones((3, 3, 3, 0))), ValueError, "kernel"),
    (lambda: ops.conv2d_naive(IMG, K2, stride=0), ValueError, "stride"),
    (lambda: ops.conv2d_naive(IMG, K2, padding=-2), ValueError, "padding"),
    (lambda: ops.conv2d_naive(BATCH, K2), ValueError, "image"),
    (lambda: ops.conv2d_naive(IMG, np.ones((6, 6))), ValueError, "kernel"),
    (lambda: ops.conv2d_naive(NAN_IMG, K2), ValueError, "image"),
    (lambda: ops.pad2d(IMG, -1), ValueError, "padding"),
    (lambda: ops.pad2d(IMG, "same"), ValueError, "padding"),
    (lambda: ops.pad2d(np.ones(3), 1), ValueError, "x"),
    (lambda: ops.pad2d(IMG, 1, value="nol"), TypeError, "value"),
    (lambda: ops.max_pool2d(IMG, size=0), ValueError, "size"),
    (lambda: ops.max_pool2d(IMG, size=6), ValueError, "size"),
    (lambda: ops.max_pool2d(IMG, stride=0), ValueError, "stride"),
    (lambda: ops.max_pool2d(IMG, padding=1), ValueError, "padding"),
    (lambda: ops.avg_pool2d(IMG, padding="full"), ValueError, "padding"),
    (lambda: ops.avg_pool2d(NAN_IMG), ValueError, "x"),
    (lambda: ops.max_pool2d(np.ones((2, 3, 4)), 2), ValueError, "(2, 3, 4)"),
    (lambda: ops.relu(np.array(["a"])), TypeError, "x"),
    (lambda: ops.sigmoid(np.array(["a"])), TypeError, "x"),
    (lambda: ops.softmax([1.0, 2.0], temperature=0), ValueError, "temperature"),
    (lambda: ops.softmax([1.0, 2.0], temperature=-1.0), ValueError, "temperature"),
    (lambda: ops.softmax([1.0, 2.0], temperature=1e-310), ValueError, "temperature"),
    (lambda: ops.softmax([1.0, np.nan]), ValueError, "z"),
    (lambda: ops.softmax([1.0, 2.0], axis=1), ValueError, "axis"),
    (lambda: ops.softmax(["a", "b"]), TypeError, "z"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [2]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [-1]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [0.5]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [[0, 1, 2]]), ValueError, "labels"),
    (lambda: ops.cross_entropy([[2.0, -1.0]], [0]), ValueError, "probs"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [0], eps=0), ValueError, "eps"),
    (lambda: ops.cross_entropy([[0.5, 0.5]], [0], axis=2), ValueError, "axis"),
]


@pytest.mark.parametrize("call,error,param", BAD_INPUTS)
def test_bad_input_gives_indonesian_error(call, error, param):
    with pytest.raises(error) as excinfo:
        call()
    assert_indonesian(excinfo, param)


def test_error_message_format():
    with pytest.raises(ValueError) as excinfo:
        ops.conv2d(IMG, K2, stride=0)
    assert str(excinfo.value) == "`stride` harus bilangan bulat ≥ 1, tetapi yang diberikan: 0."
    with pytest.raises(ValueError, match="C_in = 3") as excinfo:
        ops.conv2d(BATCH, np.ones((3, 3, 2, 2)))
    assert "kanal" in str(excinfo.value)
