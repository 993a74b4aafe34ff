"""Tes `saraf.checks.konvolusi`: jawaban rujukan diterima, kesalahan umum ditolak dengan
petunjuk berbahasa Indonesia yang tidak membocorkan jawabannya."""

from __future__ import annotations

import numpy as np

from saraf import ops
from saraf.checks import konvolusi as checks
from saraf.widgets.conv import pattern_image, preset_kernel


def test_exercise_1(accepted, rejected):
    accepted(checks.exercise_1((28 - 5) // 2 + 1))
    rejected(checks.exercise_1(None), "belum menjawab")
    rejected(checks.exercise_1((28 - 5) / 2 + 1), "floor")
    rejected(checks.exercise_1(13), "ke atas")
    rejected(checks.exercise_1(11), "+ 1")
    rejected(checks.exercise_1(24), "stride 1")
    rejected(checks.exercise_1(14), "'same'")
    rejected(checks.exercise_1("12"), "bilangan bulat")
    text = rejected(checks.exercise_1(99))
    assert "12" not in text  # jawaban tidak dibocorkan


IMAGE = pattern_image(7)
SOBEL = preset_kernel("sobel", 3)


def test_exercise_2(accepted, rejected):
    answer = np.sum(IMAGE[2:5, 1:4] * SOBEL)
    accepted(checks.exercise_2(answer, IMAGE, SOBEL))
    accepted(checks.exercise_2(float(answer), IMAGE, SOBEL))
    rejected(checks.exercise_2(np.sum(IMAGE[2:5, 1:4] * SOBEL[::-1, ::-1]), IMAGE, SOBEL),
             "membalik")
    rejected(checks.exercise_2(np.sum(IMAGE[1:4, 2:5] * SOBEL), IMAGE, SOBEL), "tertukar")
    rejected(checks.exercise_2(IMAGE[2:5, 1:4] @ SOBEL, IMAGE, SOBEL), "`*`")
    rejected(checks.exercise_2(np.sum(IMAGE[2:5, 0:3] * SOBEL), IMAGE, SOBEL), "posisi lain")
    rejected(checks.exercise_2("35", IMAGE, SOBEL), "satu angka")


def test_exercise_3(accepted, rejected):
    accepted(checks.exercise_3(5 * 5 * 3 * 16 + 16))
    rejected(checks.exercise_3(5 * 5 * 3 * 16), "bias")
    rejected(checks.exercise_3(5 * 5 * 16 + 16), "kanal masukan")
    rejected(checks.exercise_3(5 * 5 * 3 + 1), "satu kernel")
    rejected(checks.exercise_3(5 * 5 * 3 * 16 + 3 * 16), "Bias dihitung terlalu banyak")
    rejected(checks.exercise_3(32 * 32 * 3 * 16), "ukuran gambar")
    rejected(checks.exercise_3(...), "belum menjawab")


def reference_dilated(image, kernel, dilation):
    kh, kw = kernel.shape
    span_h, span_w = dilation * (kh - 1) + 1, dilation * (kw - 1) + 1
    out = np.zeros((image.shape[0] - span_h + 1, image.shape[1] - span_w + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            patch = image[i:i + span_h:dilation, j:j + span_w:dilation]
            out[i, j] = np.sum(patch * kernel)
    return out


def test_exercise_4(accepted, rejected):
    accepted(checks.exercise_4(reference_dilated))
    rejected(checks.exercise_4(42), "fungsi")

    def no_dilation_shape(image, kernel, dilation):
        return ops.conv2d(image, kernel)
    rejected(checks.exercise_4(no_dilation_shape), "tanpa dilasi")

    def contiguous(image, kernel, dilation):
        full = ops.conv2d(image, kernel)  # potongan bersebelahan, bentuk dipotong agar cocok
        extra_h, extra_w = ((dilation - 1) * (k - 1) for k in kernel.shape)
        return full[:full.shape[0] - extra_h, :full.shape[1] - extra_w]
    rejected(checks.exercise_4(contiguous), "setiap elemen ke-d")

    def flipped(image, kernel, dilation):
        return reference_dilated(image, kernel[::-1, ::-1], dilation)
    rejected(checks.exercise_4(flipped), "dibalik")

    def crashes(image, kernel, dilation):
        out = np.zeros((image.shape[0] - kernel.shape[0] + 1,) * 2)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = image[i + dilation * 10, j]
        return out
    rejected(checks.exercise_4(crashes), "IndexError")


def reference_field_size(layers):
    """Sisi medan reseptif dengan hitungan kasar: daerah satu sel dihitung mundur lapisan demi
    lapisan (jendela semua sel daerah itu), tanpa rumus Σ (k − 1)·stride."""
    rows = {0}
    for size, stride in reversed(layers):
        rows = {r * stride + a for r in rows for a in range(size)}
    return max(rows) - min(rows) + 1


EXERCISE_5 = [(3, 1), (3, 1), (2, 2), (3, 1)]  # konv, konv, max pool 2 × 2 stride 2, konv


def test_exercise_5(accepted, rejected):
    answer = 1 + (3 - 1) * 1 + (3 - 1) * 1 + (2 - 1) * 1 + (3 - 1) * 2
    assert answer == reference_field_size(EXERCISE_5)
    accepted(checks.exercise_5(answer))
    accepted(checks.exercise_5(float(answer)))
    leak = str(answer)
    no_stride = reference_field_size([(k, 1) for k, _ in EXERCISE_5])
    rejected(checks.exercise_5(no_stride), "Stride pooling", leaks=(leak,))
    rejected(checks.exercise_5(reference_field_size([(3, 1)] * 3)), "pooling terlewat",
             leaks=(leak,))
    rejected(checks.exercise_5(reference_field_size(EXERCISE_5[:3])), "terakhir",
             leaks=(leak,))
    rejected(checks.exercise_5(answer ** 2), "luasnya")
    rejected(checks.exercise_5(sum(k for k, _ in EXERCISE_5)), "(k − 1), bukan k",
             leaks=(leak,))
    rejected(checks.exercise_5(answer + 3), "hasil kali stride", leaks=(leak,))
    rejected(checks.exercise_5(str(answer)), "bilangan bulat")
    rejected(checks.exercise_5(...), "belum menjawab")
