"""Memprediksi satu gambar angka dengan cepat: ``predict_digit(model, image)``.

``model`` boleh objek apa pun yang punya metode ``predict_proba(x)`` (skor keyakinan setiap
kelas untuk sekumpulan gambar ``x``), misalnya ``saraf.mlp.Network`` dari pelajaran 08–10, **atau**
model Keras seperti CNN pelajaran 12 (dibungkus dulu oleh :class:`KerasPredictor`). ``image``
adalah satu gambar 28 × 28. Hasilnya pasangan ``(digit, confidence)``: angka yang diprediksi
dan skor keyakinannya (*confidence*), yaitu skor kelas itu. Skor keyakinan **bukan**
probabilitas yang terkalibrasi: model bisa sangat yakin dan tetap salah.

Bentuk ``x`` yang diberikan ke ``predict_proba`` adalah batch berisi satu gambar, dengan
bentuk yang diminta model: ``(1,) + model.input_shape`` bila model menyebut ``input_shape``
(misalnya ``(28, 28, 1)``; sumbu batch ``None`` ala Keras dibuang), ``(1, sizes[0])`` untuk
jaringan ala Nielsen dengan atribut ``sizes``, dan ``(1, 784)`` (gambar yang diratakan) bila
model tidak menyebut apa-apa.

Mengapa tidak ``model.predict`` Keras? ``model.predict`` dibuat untuk banyak gambar sekaligus:
setiap panggilan menyiapkan alur data, membagi batch, dan menampilkan bilah kemajuan
(``1/1 ━━━━ 0s 66ms/step``). Untuk satu gambar, persiapan itu jauh lebih lama daripada
perhitungannya. :class:`KerasPredictor` membuat sekali, untuk setiap model, satu fungsi
TensorFlow terkompilasi (``tf.function``) untuk batch berisi satu gambar, lalu hanya
memanggilnya; batch lain dijalankan dengan ``model.predict_on_batch``.

Modul ini tidak memuat TensorFlow: model Keras dikenali dari metodenya
(``predict_on_batch``), bukan dengan mengimpor Keras.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import numpy as np

from saraf.formatting import decimal
from saraf.validation import error as _error

__all__ = ["predict_digit", "predict_proba", "as_mnist_image", "KerasPredictor"]

IMAGE_SIZE = 28
_TO_MNIST_HINT = ("Gambar dengan ukuran lain (atau foto tulisan tangan Anda) diubah dulu "
                  "menjadi 28 × 28 dengan `saraf.preprocess.to_mnist` dari pelajaran 15.")


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
                     "Membaca berkas gambar dari lokasinya dibahas di pelajaran 15 "
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
                         f"{decimal(low, 4)}, terbesarnya {decimal(high, 4)})", array, hint)
        return array.astype(np.float32)
    low, high = int(array.min()), int(array.max())
    if low < 0 or high > 255:
        raise _error("image", f"piksel bilangan bulat 0 sampai 255 (nilai terkecilnya "
                     f"{decimal(low)}, terbesarnya {decimal(high)})", array)
    return array.astype(np.float32) / np.float32(255)


# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------


class KerasPredictor:
    """Model Keras dengan metode ``predict_proba(x)``, seperti ``saraf.mlp.Network``.

    Untuk satu gambar (batch berbentuk ``(1,) + input_shape``), ``predict_proba`` memanggil
    fungsi ``tf.function`` yang dibuat pada panggilan pertama (sepersekian detik); berikutnya
    hanya butuh kurang dari satu milidetik. Batch lain memakai ``model.predict_on_batch``.
    Adaptor ini hanya menyimpan *weak reference* ke model, jadi tidak membuat model tetap hidup.
    """

    def __init__(self, model):
        self._model = weakref.ref(model)
        try:
            self.input_shape = tuple(model.input_shape)
        except (AttributeError, ValueError, TypeError):  # Sequential yang belum dibangun
            self.input_shape = (None, IMAGE_SIZE, IMAGE_SIZE, 1)
        self._one_image = None  # tf.function untuk satu gambar, dibuat saat pertama dipakai

    @property
    def model(self):
        return self._model()

    def __repr__(self) -> str:
        return f"KerasPredictor({getattr(self.model, 'name', 'model')!r})"

    def predict_proba(self, x) -> np.ndarray:
        """Keluaran model untuk batch ``x`` (sebagai array NumPy)."""
        x = np.asarray(x, dtype=np.float32)
        if x.shape[1:] != self.input_shape[1:] or x.shape[0] != 1 or None in x.shape:
            return np.asarray(self.model.predict_on_batch(x))
        if self._one_image is None:
            import tensorflow as tf  # model Keras sudah ada, jadi TensorFlow sudah dimuat

            model = self._model
            spec = tf.TensorSpec(x.shape, tf.float32)
            self._one_image = tf.function(lambda batch: model()(batch, training=False),
                                          input_signature=[spec])
        return np.asarray(self._one_image(x))


#: Satu adaptor per model Keras (hilang bersama modelnya), agar fungsinya dibuat sekali saja.
_ADAPTERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _as_predictor(model):
    """Objek dengan ``predict_proba``: model itu sendiri, atau model Keras yang dibungkus."""
    if callable(getattr(model, "predict_proba", None)):
        return model
    if callable(getattr(model, "predict_on_batch", None)):
        if model not in _ADAPTERS:
            _ADAPTERS[model] = KerasPredictor(model)
        return _ADAPTERS[model]
    hint = ("Muat dulu modelnya dari berkas, misalnya dengan saraf.cnn.load_model(path)."
            if isinstance(model, (str, Path)) else "")
    raise _error("model", "objek dengan metode predict_proba(x), misalnya saraf.mlp.Network, "
                 "atau model Keras", model, hint, kind=TypeError)


def _input_shape(model) -> tuple[int, ...]:
    """Bentuk satu masukan model (tanpa sumbu batch); harus berisi 784 angka."""
    shape = getattr(model, "input_shape", None)
    if shape is None and hasattr(model, "sizes"):  # jaringan ala Nielsen: sizes[0] masukan
        shape = (model.sizes[0],)
    shape = tuple(shape) if shape is not None else (IMAGE_SIZE * IMAGE_SIZE,)
    if shape and shape[0] is None:  # sumbu batch ala Keras
        shape = shape[1:]
    if not shape or None in shape or int(np.prod(shape)) != IMAGE_SIZE * IMAGE_SIZE:
        raise _error("model", "model untuk gambar 28 × 28 (masukan berisi 784 angka, misalnya "
                     "(28, 28, 1) atau (784,))", f"model dengan masukan {shape}")
    return shape


def _probabilities(output) -> np.ndarray:
    """Keluaran model untuk satu gambar → skor ``(K,)`` yang jumlahnya 1."""
    output = np.asarray(output, dtype=np.float64)
    if output.ndim == 2 and output.shape[0] == 1:
        output = output[0]
    if output.ndim != 1 or output.size < 2:
        raise _error("model", "model dengan satu vektor keluaran per gambar (misalnya (1, 10))",
                     f"keluaran berbentuk {output.shape}")
    if not np.isfinite(output).all():
        raise ValueError("Keluaran model berisi NaN atau inf; bobot modelnya rusak atau "
                         "pelatihannya gagal.")
    if output.min() < 0 or abs(output.sum() - 1) > 1e-3:  # logit: ubah dengan softmax
        from saraf.ops import softmax

        output = softmax(output)
    return output


def predict_proba(model, image) -> np.ndarray:
    """Skor keyakinan setiap kelas untuk satu gambar: array ``(10,)`` yang jumlahnya 1.

    ``model``: objek dengan ``predict_proba(x)`` (misalnya ``saraf.mlp.Network``) atau model
    Keras; ``image``: lihat :func:`as_mnist_image`. Bila keluaran model berupa logit (tidak
    berjumlah 1), softmax diterapkan lebih dulu.
    """
    predictor = _as_predictor(model)
    shape = _input_shape(predictor)
    x = as_mnist_image(image).reshape((1,) + shape)
    return _probabilities(predictor.predict_proba(x))


def predict_digit(model, image) -> tuple[int, float]:
    """Angka pada satu gambar dan skor keyakinannya: ``(digit, confidence)``.

    Parameter
    ---------
    model : objek dengan metode ``predict_proba(x)``, misalnya ``saraf.mlp.Network``
        (pelajaran 08–10), atau model Keras (misalnya CNN pelajaran 12), dengan 10 kelas keluaran.
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
