"""Tes `saraf.checks.cnn_dari_nol`: menerima jawaban rujukan, menolak kesalahan umum.

Jawaban rujukan dibandingkan dengan TensorFlow (gradien dari `tf.GradientTape`), jadi pemeriksa
dan acuannya tidak bisa salah bersama-sama. Petunjuk tidak boleh memuat baris solusi notebook.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import nbformat
import numpy as np
import pytest

from saraf import ops
from saraf.checks import cnn_dari_nol as checks

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "11_cnn_dari_nol.ipynb"


@lru_cache(maxsize=None)
def solution_lines() -> tuple[str, ...]:
    """Baris kode sel solusi pelajaran 11 yang cukup panjang untuk dianggap bocoran."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    lines = [line.strip() for cell in nb.cells
             if cell.cell_type == "code" and "solution" in cell.metadata.get("tags", [])
             for line in cell.source.splitlines()]
    return tuple(line for line in lines if len(line) >= 12 and not line.startswith(("def ", "#"))
                 and not re.fullmatch(r"return [\w, ()]+", line))


@pytest.fixture(scope="module")
def tf():
    return pytest.importorskip("tensorflow")


def tf_gradients(tf, forward, arrays, grad_output):
    """Gradien Σ forward(arrays) ⊙ G terhadap setiap array, dihitung TensorFlow (float64)."""
    variables = [tf.Variable(np.asarray(a, dtype=float)) for a in arrays]
    with tf.GradientTape() as tape:
        cost = tf.reduce_sum(forward(*variables) * grad_output)
    return [g.numpy() for g in tape.gradient(cost, variables)]


# ---------------------------------------------------------------------------
# Latihan 1: gradien max pooling dengan tangan
# ---------------------------------------------------------------------------


def hand_pool_gradient(x, g):
    """Jawaban "dengan tangan": cari piksel terbesar setiap jendela 2 × 2."""
    grad = np.zeros_like(x)
    for i in range(2):
        for j in range(2):
            window = x[2 * i:2 * i + 2, 2 * j:2 * j + 2]
            a, b = np.unravel_index(np.argmax(window), window.shape)
            grad[2 * i + a, 2 * j + b] = g[i, j]
    return grad


def test_exercise_1_accepts_reference_and_matches_tensorflow(accepted, tf):
    x, g = checks.pool_data()
    answer = hand_pool_gradient(x, g)
    pool = lambda v: tf.nn.max_pool2d(v[None, :, :, None], 2, 2, "VALID")[0, :, :, 0]
    np.testing.assert_allclose(answer, tf_gradients(tf, pool, [x], g)[0])
    accepted(checks.exercise_1(answer))
    accepted(checks.exercise_1(answer.tolist()))  # list bersarang juga diterima
    x[0, 0] = 99.0  # pool_data memberi salinan: data latihan tidak bisa diubah dari luar
    assert checks.pool_data()[0][0, 0] == 2.0


def test_exercise_1_rejects_typical_mistakes(rejected):
    x, g = checks.pool_data()
    good = hand_pool_gradient(x, g)
    spread = np.kron(g, np.ones((2, 2)))
    rejected(checks.exercise_1(g), "2 × 2", "4 × 4")
    rejected(checks.exercise_1(spread / 4), "average pooling")
    rejected(checks.exercise_1(spread), "Semua piksel", "0")
    rejected(checks.exercise_1((good != 0).astype(float)), "Posisinya sudah benar", "g_pool")
    rejected(checks.exercise_1(np.where(good != 0, x, 0)), "nilai maksimumnya")
    rejected(checks.exercise_1(hand_pool_gradient(-x, g)), "terkecil")
    rejected(checks.exercise_1(good.T), "tertukar")
    swapped = good.copy()
    swapped[good == g[0, 0]], swapped[good == g[1, 1]] = g[1, 1], g[0, 0]
    rejected(checks.exercise_1(swapped), "ada nilai", "g_pool[0, 0]")
    rejected(checks.exercise_1(good + 0.5), "Nilainya belum tepat", "piksel terbesarnya")
    rejected(checks.exercise_1(np.zeros((3, 3))), "(3, 3)")
    rejected(checks.exercise_1("nol"), "array angka")
    rejected(checks.exercise_1(...), "belum menjawab")


# ---------------------------------------------------------------------------
# Latihan 2: bentuk gradien kernel
# ---------------------------------------------------------------------------


def test_exercise_2_accepts_the_shape_of_a_real_gradient(accepted):
    rng = np.random.default_rng(0)
    x = rng.random((32, 13, 13, 16)).astype(np.float32)
    kernel = rng.normal(size=(3, 3, 16, 32)).astype(np.float32)
    grad_output = np.ones(ops.conv2d(x, kernel).shape, np.float32)
    _, grad_kernel = ops.conv2d_backward(x, kernel, grad_output)
    accepted(checks.exercise_2(grad_kernel.shape))
    accepted(checks.exercise_2(list(grad_kernel.shape)))


def test_exercise_2_rejects_typical_mistakes(rejected):
    rejected(checks.exercise_2((32, 3, 3, 16, 32)), "sumbu batch")
    rejected(checks.exercise_2((32, 11, 11, 32)), "keluaran lapisan")
    rejected(checks.exercise_2((32, 13, 13, 16)), "grad_x")
    rejected(checks.exercise_2((3, 3, 32, 16)), "tertukar", "HWIO")
    rejected(checks.exercise_2((32, 3, 3, 16)), "di depan", "HWIO")
    rejected(checks.exercise_2((32, 16, 3, 3)), "pustaka lain")
    rejected(checks.exercise_2((3, 3, 32)), "Kanal masukan belum")
    rejected(checks.exercise_2((3, 3, 16)), "Kanal keluaran belum")
    rejected(checks.exercise_2((3, 3)), "satu kernel")
    rejected(checks.exercise_2((32,)), "bias")
    rejected(checks.exercise_2((5, 5, 16, 32)), "belum tepat", "(kh, kw, C_masuk, C_keluar)")
    rejected(checks.exercise_2(np.zeros((3, 3, 16, 32))), "bentuknya saja", ".shape")
    rejected(checks.exercise_2("3x3x16x32"), "tuple bilangan bulat")
    rejected(checks.exercise_2((3.0, 3.0, 16.0, 32.0)), "tuple bilangan bulat")
    rejected(checks.exercise_2(None), "belum menjawab")


# ---------------------------------------------------------------------------
# Latihan 3: leaky ReLU mundur
# ---------------------------------------------------------------------------


def leaky_relu_backward(x, grad_output, alpha=0.1):
    return np.where(x > 0, grad_output, alpha * grad_output)


def test_exercise_3_reference_matches_tensorflow_and_is_accepted(accepted, tf):
    rng = np.random.default_rng(1)
    x, g = rng.normal(size=(4, 5)), rng.normal(size=(4, 5))
    x[0, :2] = 0.0
    for alpha in (0.1, 0.3):
        leaky = lambda v: tf.nn.leaky_relu(v, alpha=alpha)
        np.testing.assert_allclose(leaky_relu_backward(x, g, alpha),
                                   tf_gradients(tf, leaky, [x], g)[0])
    accepted(checks.exercise_3(leaky_relu_backward))

    def with_mask(x, grad_output, alpha=0.1):
        slope = np.ones_like(x)
        slope[x <= 0] = alpha
        return slope * grad_output

    accepted(checks.exercise_3(with_mask))


def test_exercise_3_rejects_typical_mistakes(rejected):
    leaks = solution_lines()
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: np.where(x > 0, g, 0.0)),
             "α · g, bukan 0", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: np.where(x > 0, 1.0, alpha)),
             "turunan leaky ReLU saja", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: np.where(x > 0, x, alpha * x)),
             "propagasi maju", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: np.where(x >= 0, g, alpha * g)),
             "x = 0", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: np.where(g > 0, g, alpha * g)),
             "masukan propagasi maju", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: np.where(x > 0, g, 0.1 * g)),
             "argumen `alpha`", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g: np.where(x > 0, g, 0.1 * g)),
             "TypeError", "argumen ketiga", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: g[0]), "bentuk keluaran", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: g * 0.5), "alpha", leaks=leaks)
    rejected(checks.exercise_3(lambda x, g, alpha=0.1: None), "return", leaks=leaks)
    rejected(checks.exercise_3(3), "sebuah fungsi")


def test_exercise_3_rejects_an_untouched_stub(rejected):
    def leaky_relu_backward(x, grad_output, alpha=0.1):
        ...

    rejected(checks.exercise_3(leaky_relu_backward), "masih kosong", leaks=solution_lines())


# ---------------------------------------------------------------------------
# Latihan 4: Dense mundur untuk satu mini-batch
# ---------------------------------------------------------------------------


def dense_backward(x, W, grad_output):
    return grad_output @ W.T, x.T @ grad_output, grad_output.sum(axis=0)


def test_exercise_4_reference_matches_tensorflow_and_is_accepted(accepted, tf):
    rng = np.random.default_rng(2)
    x, W, b, g = (rng.normal(size=s) for s in ((6, 4), (4, 3), (3,), (6, 3)))
    dense = lambda x_, W_, b_: x_ @ W_ + b_
    for ours, theirs in zip(dense_backward(x, W, g), tf_gradients(tf, dense, [x, W, b], g)):
        np.testing.assert_allclose(ours, theirs)
    accepted(checks.exercise_4(dense_backward))

    def by_example(x, W, grad_output):  # contoh demi contoh, seperti bagian 3
        grad_W = sum(np.outer(xi, gi) for xi, gi in zip(x, grad_output))
        return np.array([W @ gi for gi in grad_output]), grad_W, np.sum(grad_output, axis=0)

    accepted(checks.exercise_4(by_example))


@pytest.mark.parametrize("wrong, words", [
    (lambda x, W, g: (g @ W.T / len(x), x.T @ g, g.sum(0)), ("grad_x", "1/N")),
    (lambda x, W, g: (g @ W, x.T @ g, g.sum(0)), ("ValueError", "n_keluar")),
    (lambda x, W, g: (g @ W.T, x.T @ g / len(x), g.sum(0)), ("grad_W", "jumlahkan")),
    (lambda x, W, g: (g @ W.T, g.T @ x, g.sum(0)), ("grad_W", "(n_masuk, n_keluar)")),
    (lambda x, W, g: (g @ W.T, np.outer(x[0], g[0]), g.sum(0)), ("grad_W", "contoh pertama")),
    (lambda x, W, g: (g @ W.T, x.T @ g + 1, g.sum(0)), ("grad_W", "BP4")),
    (lambda x, W, g: (g @ W.T, x.T @ g, g), ("grad_b", "axis=0")),
    (lambda x, W, g: (g @ W.T, x.T @ g, g.sum()), ("grad_b", "(n_keluar,)")),
    (lambda x, W, g: (g @ W.T, x.T @ g, g.mean(0)), ("grad_b", "1/N")),
    (lambda x, W, g: (g @ W.T, x.T @ g, g.sum(0) + 1), ("grad_b", "BP3")),
    (lambda x, W, g: (g @ W.T, x.T @ g), ("tiga array", "return grad_x, grad_W, grad_b")),
    (lambda x, W, g: g @ W.T, ("tiga array",)),
    (lambda x, W, g: (g @ W.T, "W", g.sum(0)), ("grad_W", "bukan array angka")),
    (lambda x, W, g: (x @ W, x.T @ g, g.sum(0)), ("grad_x", "(N, n_masuk)")),
    (lambda x, W, g: None, ("return",)),
])
def test_exercise_4_rejects_typical_mistakes(rejected, wrong, words):
    rejected(checks.exercise_4(wrong), *words, leaks=solution_lines())


def test_exercise_4_catches_the_transpose_only_visible_with_a_square_matrix(rejected):
    """g @ W dan g @ W.T sama bentuknya bila W persegi: nilainya yang harus ditolak."""
    def square_only_bug(x, W, grad_output):
        grad_x = grad_output @ (W if W.shape[0] == W.shape[1] else W.T)
        return grad_x, x.T @ grad_output, grad_output.sum(axis=0)

    rejected(checks.exercise_4(square_only_bug), "(3, 5)", "transpos", leaks=solution_lines())


def test_exercise_4_rejects_an_untouched_stub_and_non_functions(rejected):
    def dense_backward(x, W, grad_output):
        """Kerangka edisi siswa."""

    rejected(checks.exercise_4(dense_backward), "masih kosong")
    rejected(checks.exercise_4("x.T @ g"), "sebuah fungsi")


# ---------------------------------------------------------------------------
# Latihan 5: gradien kernel dengan stride
# ---------------------------------------------------------------------------


def conv2d_kernel_grad(image, kernel, grad_output, stride):
    kh, kw = kernel.shape
    grad = np.zeros_like(kernel, dtype=float)
    for i in range(grad_output.shape[0]):
        for j in range(grad_output.shape[1]):
            grad += grad_output[i, j] * image[i * stride:i * stride + kh,
                                              j * stride:j * stride + kw]
    return grad


def test_exercise_5_reference_matches_tensorflow_and_is_accepted(accepted, tf):
    rng = np.random.default_rng(3)
    image, kernel = rng.normal(size=(9, 8)), rng.normal(size=(2, 3))
    g = rng.normal(size=ops.conv2d(image, kernel, stride=2).shape)
    conv = lambda im, k: tf.nn.conv2d(im[None, :, :, None], k[:, :, None, None], 2,
                                      "VALID")[0, :, :, 0]
    np.testing.assert_allclose(conv2d_kernel_grad(image, kernel, g, 2),
                               tf_gradients(tf, conv, [image, kernel], g)[1])
    accepted(checks.exercise_5(conv2d_kernel_grad))

    def over_kernel_positions(image, kernel, grad_output, stride):  # perulangan lain
        kh, kw = kernel.shape
        oh, ow = grad_output.shape
        grad = np.zeros(kernel.shape)
        for a in range(kh):
            for b in range(kw):
                pixels = image[a:a + (oh - 1) * stride + 1:stride,
                               b:b + (ow - 1) * stride + 1:stride]
                grad[a, b] = np.sum(pixels * grad_output)
        return grad

    accepted(checks.exercise_5(over_kernel_positions))


def test_exercise_5_rejects_typical_mistakes(rejected):
    leaks = solution_lines()

    def ignores_stride(image, kernel, grad_output, stride):
        return conv2d_kernel_grad(image, kernel, grad_output, 1)

    rejected(checks.exercise_5(ignores_stride), "i·stride", leaks=leaks)
    rejected(checks.exercise_5(lambda im, k, g, s: conv2d_kernel_grad(im, k, g, s)[::-1, ::-1]),
             "membalik", leaks=leaks)
    rejected(checks.exercise_5(lambda im, k, g, s: conv2d_kernel_grad(im, k, g, s) / g.size),
             "rata-ratakan", leaks=leaks)
    rejected(checks.exercise_5(lambda im, k, g, s: conv2d_kernel_grad(im, k, g, s) + 1),
             "Σ G[i, j]", leaks=leaks)
    rejected(checks.exercise_5(lambda im, k, g, s: ops.conv2d_backward(im, k, g, stride=s)[0]),
             "bentuk keluaran", "sama dengan `kernel`", leaks=leaks)

    def runs_past_the_image(image, kernel, grad_output, stride):
        return conv2d_kernel_grad(image, kernel, np.ones((20, 20)), stride)

    rejected(checks.exercise_5(runs_past_the_image), "galat", "grad_output", leaks=leaks)

    def both_gradients(image, kernel, grad_output, stride):  # (grad_image, grad_kernel)
        return ops.conv2d_backward(image, kernel, grad_output, stride=stride)

    rejected(checks.exercise_5(both_gradients), "bukan array angka", leaks=leaks)


def test_exercise_5_checks_several_random_cases_not_only_stride_one(rejected):
    """Fungsi yang hanya benar untuk stride 1 lolos kasus pertama, lalu ditolak."""
    def stride_one_only(image, kernel, grad_output, stride):
        return conv2d_kernel_grad(image, kernel, grad_output, 1)

    text = rejected(checks.exercise_5(stride_one_only), "stride 2")
    assert "stride 1" not in text.split("\n")[0]


def test_exercise_5_rejects_an_untouched_stub(rejected):
    def conv2d_kernel_grad(image, kernel, grad_output, stride):
        pass

    rejected(checks.exercise_5(conv2d_kernel_grad), "masih kosong", leaks=solution_lines())
