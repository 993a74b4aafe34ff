"""Augmentasi data (`saraf.augment`): hanya saat pelatihan, acak dengan seed, sesuai resepnya.

Penebalan goresan dibandingkan dengan dilasi/erosi 3 × 3 yang dihitung ulang dengan NumPy;
lapisan Keras bawaan dibandingkan dengan sifat geometrinya (tinta tetap di tempat untuk putaran
0°, tinta bergeser untuk geseran), bukan dengan angka yang disalin.
"""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("keras", reason="Keras tidak terpasang")

from saraf.augment import StrokeThickness, augmentation  # noqa: E402
from saraf.data import load_mnist  # noqa: E402


@pytest.fixture(scope="module")
def digits():
    (x, _), _ = load_mnist()
    return (x[:64] / 255).astype(np.float32)[..., None]


def _dilate(x, sign=1):
    """Dilasi (sign=1) atau erosi (sign=−1) 3 × 3 dengan padding 'same', dengan NumPy."""
    padded = np.pad(sign * x, [(0, 0), (1, 1), (1, 1), (0, 0)], constant_values=-np.inf)
    h, w = x.shape[1:3]
    return sign * np.max([padded[:, r:r + h, c:c + w] for r in range(3) for c in range(3)],
                         axis=0)


def test_stroke_thickness_mixes_dilation_and_erosion_only_in_training(digits):
    x = digits
    layer = StrokeThickness(1.0, seed=3)
    assert np.array_equal(np.asarray(layer(x, training=False)), x)
    out = np.asarray(layer(x, training=True))
    dilated, eroded = _dilate(x), _dilate(x, -1)
    thicker = 0
    for i in range(len(x)):  # setiap gambar: x + t·(dilasi − x) atau x + |t|·(erosi − x)
        for is_dilation, target in ((True, dilated[i]), (False, eroded[i])):
            step = target - x[i]
            if np.abs(step).sum() == 0:
                continue
            t = float((out[i] - x[i]).ravel() @ step.ravel() / (step.ravel() @ step.ravel()))
            if 0 <= t <= 1 and np.allclose(out[i], x[i] + t * step, atol=1e-5):
                thicker += is_dilation
                break
        else:
            pytest.fail(f"gambar {i} bukan campuran dilasi/erosi")
    assert 10 < thicker < 54  # dipertebal dan dipertipis, keduanya sering terjadi
    again = StrokeThickness(1.0, seed=3)
    assert np.array_equal(np.asarray(again(x, training=True)), out)  # seed tetap
    assert np.array_equal(np.asarray(StrokeThickness(0.0)(x, training=True)), x)


def test_default_recipe_has_every_layer_and_zero_turns_a_layer_off():
    names = [type(layer).__name__ for layer in augmentation(seed=42)]
    assert names == ["RandomRotation", "RandomZoom", "RandomTranslation", "StrokeThickness"]
    assert augmentation(rotation=0, zoom=0, width_zoom=0, translation=0, thickness=0) == []
    only_width = augmentation(rotation=0, zoom=0, width_zoom=0.3, translation=0, thickness=0)
    (zoom,) = only_width
    assert zoom.height_factor == (0, 0) and zoom.width_factor == (-0.3, 0.3)
    rotation = augmentation(rotation=10, seed=7)[0]
    assert rotation.factor == (-10 / 360, 10 / 360) and rotation.fill_mode == "constant"


def test_augmentation_changes_training_images_only_and_keeps_ink(digits):
    x = digits
    layers = augmentation(seed=42)

    def run(images, training):
        for layer in layers:
            images = layer(images, training=training)
        return np.asarray(images)

    assert np.allclose(run(x, training=False), x)
    out = run(x, training=True)
    assert out.shape == x.shape and out.dtype == np.float32
    changed = [not np.allclose(a, b, atol=1e-3) for a, b in zip(out, x)]
    assert sum(changed) >= 60, "hampir setiap gambar latih diubah"
    assert out.min() >= -1e-5 and out.max() <= 1 + 1e-5, "piksel tetap di [0, 1]"
    ink_before, ink_after = x.sum(axis=(1, 2, 3)), out.sum(axis=(1, 2, 3))
    ratio = ink_after / ink_before
    assert 0.1 < ratio.min() and ratio.max() < 3.0, "angkanya tetap terlihat, tidak hilang"
    # Tepi yang kosong diisi hitam (latar MNIST): baris terluar hampir selalu gelap.
    assert np.mean(out[:, 0, :, 0]) < 0.02


def test_translation_moves_the_ink(digits):
    x = digits[:16]
    (shift,) = augmentation(rotation=0, zoom=0, width_zoom=0, translation=0.05,
                            thickness=0, seed=1)
    out = np.asarray(shift(x, training=True))
    rows = np.arange(28, dtype=np.float32)[None, :, None, None]
    centre = lambda images: (images * rows).sum(axis=(1, 2, 3)) / images.sum(axis=(1, 2, 3))
    moved = np.abs(centre(out) - centre(x))
    assert moved.max() > 0.3 and moved.max() <= 0.05 * 28 + 1.5
