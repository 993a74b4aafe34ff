"""Augmentasi data untuk CNN Keras: gambar latih diubah sedikit secara acak setiap epoch.

Jaringan hanya mengenal gambar yang mirip data latihnya (pelajaran 15). Angka dari penulis lain
sering lebih miring, lebih ramping atau lebih lebar, dan goresannya lebih tebal atau lebih tipis
daripada angka MNIST. Augmentasi menambah keragaman itu ke data latih tanpa data baru: setiap
kali sebuah gambar latih dipakai, ia diputar, diperbesar atau diperkecil, digeser, dan goresannya
dipertebal atau dipertipis secara acak, dengan lapisan prapemrosesan Keras sendiri.

Lapisan-lapisan ini hanya bekerja saat pelatihan (``training=True``). Saat prediksi gambarnya
tidak diubah, jadi model yang disimpan cukup arsitektur aslinya::

    from saraf.augment import augmentation
    trainer = keras.Sequential([keras.Input((28, 28, 1)), *augmentation(seed=42), model])
    trainer.compile(...); trainer.fit(...)      # melatih bobot `model`
    model.save("cnn.keras")                     # tanpa lapisan augmentasi

Resep model tersimpan ``assets/cnn_mnist.keras`` ada di ``assets/train_models.py``.
Modul ini mengimpor Keras (TensorFlow).
"""

from __future__ import annotations

import keras
from keras import layers, ops

__all__ = ["StrokeThickness", "augmentation"]


class StrokeThickness(keras.layers.Layer):
    """Mempertebal atau mempertipis goresan setiap gambar secara acak (hanya saat pelatihan).

    Goresan yang dipertebal adalah *dilasi*: setiap piksel diganti nilai terbesar di jendela
    3 × 3 di sekitarnya (max pooling 3 × 3, stride 1, padding ``same``). Yang dipertipis
    adalah *erosi*: nilai terkecil di jendela itu. Untuk setiap gambar diambil ``t`` acak
    seragam di [−strength, strength]; ``t > 0`` mencampur ``t`` bagian dilasi ke gambarnya,
    ``t < 0`` mencampur ``|t|`` bagian erosi.
    """

    def __init__(self, strength: float = 1.0, seed: int | None = None, **kwargs):
        super().__init__(**kwargs)
        self.strength = float(strength)
        self.generator = keras.random.SeedGenerator(seed)

    def call(self, x, training=False):
        if not training or self.strength == 0:
            return x
        dilated = ops.max_pool(x, 3, strides=1, padding="same")
        eroded = -ops.max_pool(-x, 3, strides=1, padding="same")
        t = keras.random.uniform((ops.shape(x)[0], 1, 1, 1), -self.strength, self.strength,
                                 seed=self.generator)
        return ops.where(t > 0, x + t * (dilated - x), x - t * (eroded - x))


def augmentation(rotation: float = 10.0, zoom: float = 0.1, width_zoom: float = 0.3,
                 translation: float = 0.05, thickness: float = 1.0, seed: int = 0) -> list:
    """Daftar lapisan augmentasi Keras untuk gambar ``(28, 28, 1)`` berlatar hitam.

    - ``rotation``: sudut putar acak terbesar, dalam derajat (``RandomRotation``);
    - ``zoom``: perbesaran atau perkecilan acak terbesar, sebagai bagian sisi (``RandomZoom``);
    - ``width_zoom``: tambahan untuk lebar saja, jadi lebar berubah ±(zoom + width_zoom):
      angka menjadi lebih ramping atau lebih lebar;
    - ``translation``: geseran acak terbesar, sebagai bagian sisi (``RandomTranslation``);
    - ``thickness``: penebalan atau penipisan goresan terbesar, 0–1 (:class:`StrokeThickness`).

    Nilai 0 meniadakan lapisannya. Tepi yang kosong setelah diputar atau digeser diisi hitam,
    seperti latar MNIST. Bawaannya adalah resep model tersimpan ``cnn_mnist.keras``.
    """
    fill = {"fill_mode": "constant", "fill_value": 0.0}
    result = []
    if rotation:
        result.append(layers.RandomRotation(rotation / 360, seed=seed, **fill))
    if zoom or width_zoom:
        result.append(layers.RandomZoom((-zoom, zoom), (-zoom - width_zoom, zoom + width_zoom),
                                        seed=seed + 1, **fill))
    if translation:
        result.append(layers.RandomTranslation(translation, translation, seed=seed + 2, **fill))
    if thickness:
        result.append(StrokeThickness(thickness, seed=seed + 3, name="stroke_thickness"))
    return result
