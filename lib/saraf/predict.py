"""Memprediksi satu gambar angka dengan cepat: ``predict_digit(model, image)``.

``predict_digit`` menerima model Keras (misalnya CNN pelajaran 08) **atau** jaringan NumPy
``saraf.mlp.Network`` (pelajaran 07), dan satu gambar 28 × 28. Hasilnya pasangan
``(digit, confidence)``: angka yang diprediksi dan skor keyakinannya (*confidence*), yaitu
nilai softmax kelas itu. Skor keyakinan **bukan** probabilitas yang terkalibrasi: model bisa
sangat yakin dan tetap salah.

Mengapa tidak ``model.predict``? ``model.predict`` dibuat untuk banyak gambar sekaligus:
setiap panggilan menyiapkan alur data, membagi batch, dan menampilkan bilah kemajuan
(``1/1 ━━━━ 0s 66ms/step``). Untuk satu gambar, persiapan itu jauh lebih lama daripada
perhitungannya. Di sini model Keras dipanggil lewat fungsi TensorFlow yang sudah
dikompilasi sekali (``tf.function``) dan disimpan untuk panggilan berikutnya.

Modul ini tidak memuat TensorFlow saat diimpor. TensorFlow hanya dipakai bila modelnya
memang model Keras (dan Keras pasti sudah dimuat bila model itu ada).
"""

from __future__ import annotations

import sys
import weakref
from pathlib import Path

import numpy as np

from saraf.validation import error as _error

__all__ = ["predict_digit", "predict_proba", "as_mnist_image"]

IMAGE_SIZE = 28
_TO_MNIST_HINT = ("Gambar dengan ukuran lain (atau foto tulisan tangan Anda) diubah dulu "
                  "menjadi 28 × 28 dengan `saraf.preprocess.to_mnist` dari pelajaran 11.")

# Fungsi prediksi yang sudah dikompilasi, satu per model Keras (hilang bersama modelnya).
_KERAS_PREDICTORS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# ---------------------------------------------------------------------------
# Gambar
# ---------------------------------------------------------------------------


def _is_pil_image(value) -> bool:
    module = type(value).__module__ or ""
    return module.startswith("PIL.") and hasattr(value, "convert") and hasattr(value, "size")


def _from_path(path):
    try:
        from saraf.preprocess import to_mnist
    except ImportError:
        raise _error("image", "array 28 × 28 atau gambar PIL 28 × 28", str(path),
                     "Membaca berkas gambar dari lokasinya dibahas di pelajaran 11 "
                     "(`saraf.preprocess.to_mnist`); untuk sekarang buka dulu gambarnya, "
                     "misalnya dengan `PIL.Image.open(...)`.") from None
    return to_mnist(path)


def as_mnist_image(image) -> np.ndarray:
    """Satu gambar → array ``float32`` berbentuk ``(28, 28)`` bernilai 0 sampai 1.

    Yang diterima:

    * array 28 × 28: piksel ``uint8``/bilangan bulat 0–255 atau float 0–1;
    * bentuk lain dari satu gambar yang sama: ``(28, 28, 1)``, ``(1, 28, 28)``,
      ``(1, 28, 28, 1)`` (batch berisi satu gambar, seperti masukan Keras), ``(784,)``,
      ``(1, 784)`` (gambar yang sudah diratakan, seperti masukan ``saraf.mlp``);
    * gambar PIL 28 × 28 (diubah ke grayscale dengan ``convert("L")``).

    Seperti MNIST, angka ditulis terang di atas latar gelap. Masukan yang salah menghasilkan
    ``ValueError`` berbahasa Indonesia.
    """
    if isinstance(image, (str, Path)):
        image = _from_path(image)
    if _is_pil_image(image):
        if tuple(image.size) != (IMAGE_SIZE, IMAGE_SIZE):
            width, height = image.size
            raise ValueError(f"`image` harus gambar PIL berukuran 28 × 28 piksel, tetapi yang "
                             f"diberikan berukuran {width} × {height} (lebar × tinggi). "
                             f"{_TO_MNIST_HINT}")
        image = np.asarray(image.convert("L"))
    if image is None or image is Ellipsis:
        raise _error("image", "satu gambar 28 × 28 (array NumPy atau gambar PIL)", image)
    try:
        array = np.asarray(image)
    except (TypeError, ValueError):
        raise _error("image", "array angka berbentuk (28, 28)", type(image).__name__) from None
    if array.dtype.kind not in "iuf":
        hint = "Ubah dulu ke angka, misalnya x.astype('float32')." if array.dtype.kind == "b" \
            else ""
        raise _error("image", "array berisi angka (piksel uint8 0–255 atau float 0–1)", array,
                     hint)
    accepted = {(28, 28), (28, 28, 1), (1, 28, 28), (1, 28, 28, 1), (784,), (1, 784)}
    if array.shape not in accepted:
        expected = ("satu gambar berbentuk (28, 28), (28, 28, 1), (1, 28, 28, 1), (784,) "
                    "atau (1, 784)")
        if array.ndim >= 3 and array.shape[0] > 1 and array.shape[1:3] == (28, 28):
            hint = ("`predict_digit` memprediksi satu gambar. Untuk banyak gambar sekaligus, "
                    "pakai `model.predict(x)`; untuk satu di antaranya, pilih dulu: x[i].")
        elif array.ndim == 2 and array.shape[0] > 1 and array.shape[1] == 784:
            hint = ("`predict_digit` memprediksi satu gambar; pilih satu baris dulu: x[i].")
        elif array.ndim == 3 and array.shape[-1] in (3, 4) and array.shape[:2] == (28, 28):
            hint = ("Gambar berwarna (RGB) diubah dulu ke grayscale, misalnya "
                    "PIL.Image.fromarray(x).convert('L').")
        else:
            hint = _TO_MNIST_HINT
        raise _error("image", expected, array, hint)
    array = array.reshape(IMAGE_SIZE, IMAGE_SIZE)
    if array.dtype.kind == "f":
        if not np.isfinite(array).all():
            raise _error("image", "berisi angka berhingga (tanpa NaN atau inf)", array,
                         "Periksa gambarnya dengan np.isnan(image).any().")
        low, high = float(array.min()), float(array.max())
        if low < 0 or high > 1:
            hint = ("Piksel 0–255 yang bertipe float? Bagi dulu dengan 255."
                    if low >= 0 and high <= 255 else "")
            raise _error("image", f"gambar float bernilai 0 sampai 1 (nilai terkecilnya "
                         f"{low:g}, terbesarnya {high:g})", array, hint)
        return array.astype(np.float32)
    low, high = int(array.min()), int(array.max())
    if low < 0 or high > 255:
        raise _error("image", f"piksel bilangan bulat 0 sampai 255 (nilai terkecilnya {low}, "
                     f"terbesarnya {high})", array)
    return array.astype(np.float32) / np.float32(255)


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------


def _keras_model_class():
    """``keras.Model`` bila Keras sudah dimuat, selain itu None (tanpa memuat TensorFlow)."""
    keras = sys.modules.get("keras")
    return getattr(keras, "Model", None) if keras is not None else None


def _keras_predictor(model):
    """Fungsi prediksi terkompilasi untuk satu gambar, dibuat sekali per model."""
    cached = _KERAS_PREDICTORS.get(model)
    if cached is not None:
        return cached
    try:
        shape = tuple(model.inputs[0].shape[1:])
    except (AttributeError, IndexError, TypeError, ValueError):
        shape = (IMAGE_SIZE, IMAGE_SIZE, 1)  # model Sequential yang belum dibangun
    if None in shape or int(np.prod(shape)) != IMAGE_SIZE * IMAGE_SIZE:
        raise _error("model", "model Keras untuk gambar 28 × 28 (masukan berisi 784 angka, "
                     "misalnya (28, 28, 1) atau (784,))", f"model dengan masukan {shape}")
    import tensorflow as tf

    model_ref = weakref.ref(model)  # fungsi ini tidak boleh membuat model tetap hidup

    @tf.function(input_signature=[tf.TensorSpec((1,) + shape, tf.float32)])
    def run(x):
        return model_ref()(x, training=False)

    def predictor(image: np.ndarray) -> np.ndarray:
        return np.asarray(run(image.reshape((1,) + shape)))

    _KERAS_PREDICTORS[model] = predictor
    return predictor


def _probabilities(output, model_name: str) -> np.ndarray:
    output = np.asarray(output, dtype=np.float64)
    if output.ndim == 2 and output.shape[0] == 1:
        output = output[0]
    if output.ndim != 1 or output.size < 2:
        raise _error("model", "model dengan satu vektor keluaran per gambar (misalnya (1, 10))",
                     f"{model_name} dengan keluaran berbentuk {output.shape}")
    if not np.isfinite(output).all():
        raise ValueError(f"Keluaran {model_name} berisi NaN atau inf; bobot modelnya rusak atau "
                         f"pelatihannya gagal.")
    if output.min() < 0 or abs(output.sum() - 1) > 1e-3:  # logit: ubah dengan softmax
        from saraf.ops import softmax

        output = softmax(output)
    return output


def predict_proba(model, image) -> np.ndarray:
    """Skor keyakinan setiap kelas untuk satu gambar: array ``(10,)`` yang jumlahnya 1.

    ``model``: model Keras atau ``saraf.mlp.Network``; ``image``: lihat
    :func:`as_mnist_image`. Bila keluaran model berupa logit (tidak berjumlah 1), softmax
    diterapkan lebih dulu.
    """
    from saraf.mlp import Network  # hanya NumPy

    if isinstance(model, Network):
        if model.sizes[0] != IMAGE_SIZE * IMAGE_SIZE:
            raise _error("model", "Network dengan 784 neuron masukan (gambar 28 × 28)",
                         model)
        x = as_mnist_image(image).reshape(1, -1).astype(np.float64)
        return _probabilities(model.predict_proba(x), "Network")
    keras_model = _keras_model_class()
    if keras_model is None or not isinstance(model, keras_model):
        raise _error("model", "model Keras (keras.Model) atau saraf.mlp.Network", model)
    predictor = _keras_predictor(model)
    return _probabilities(predictor(as_mnist_image(image)), "model Keras")


def predict_digit(model, image) -> tuple[int, float]:
    """Angka pada satu gambar dan skor keyakinannya: ``(digit, confidence)``.

    Parameter
    ---------
    model : model Keras (misalnya CNN pelajaran 08) atau ``saraf.mlp.Network``
        (pelajaran 07) dengan 10 kelas keluaran.
    image : satu gambar 28 × 28: array ``uint8`` (0–255) atau float (0–1), batch
        ``(1, 28, 28, 1)``, atau gambar PIL 28 × 28 (lihat :func:`as_mnist_image`).

    Mengembalikan
    -------------
    ``digit`` (``int``): kelas dengan skor tertinggi (argmax); ``confidence`` (``float``,
    0 sampai 1): skor keyakinan kelas itu. Contoh: ``(7, 0.998)``.

    Untuk model Keras, panggilan pertama menyiapkan fungsi terkompilasi (sepersekian detik);
    panggilan berikutnya hanya butuh sekitar satu milidetik.
    """
    probabilities = predict_proba(model, image)
    digit = int(np.argmax(probabilities))
    return digit, float(probabilities[digit])
