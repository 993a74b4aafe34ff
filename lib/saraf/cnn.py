"""CNN dengan Keras untuk pelajaran 08–10: membangun, melatih, menyimpan, dan memuat model.

Isi modul ini:

* ``build_mnist_cnn`` -- model pelajaran 08: ``Input → Conv2D → MaxPooling2D → Conv2D →
  MaxPooling2D → Flatten → Dropout → Dense(10, softmax)``;
* ``build_fashion_cnn`` -- model pelajaran 09 (model contoh Fashion-MNIST): tiga ``Conv2D``
  dengan stride 2, ``Flatten``, ``Dropout``, ``Dense`` tersembunyi, ``Dense(10, softmax)``;
* ``compile_model`` -- pengoptimal (*optimizer*) Adam dan fungsi kerugian (*loss*)
  *sparse categorical cross-entropy*;
* ``make_reproducible`` dan ``train`` -- pelatihan yang dapat diulang (seed + operasi
  deterministik) yang mengembalikan riwayat (``History``) Keras;
* ``prepare_images``, ``train_val_split`` -- menyiapkan data;
* ``confusion_matrix``, ``per_class_accuracy`` -- evaluasi (NumPy saja);
* ``layer_outputs`` -- peta fitur (*feature map*) setiap lapisan untuk satu gambar;
* ``save_model``, ``load_model``, ``load_pretrained`` -- berkas ``.keras`` (tanpa pickle,
  dimuat dengan ``safe_mode=True``).

Keras (dan TensorFlow) baru dimuat ketika sebuah fungsi membutuhkannya; fungsi NumPy seperti
``confusion_matrix`` dapat dipakai tanpa memuat TensorFlow.

Masukan yang salah menghasilkan ``ValueError`` berbahasa Indonesia yang menyebut nama
parameter, apa yang diharapkan, dan apa yang diberikan.
"""

from __future__ import annotations

import numbers
import os
import time
from pathlib import Path

import numpy as np

from saraf import resources

from saraf.validation import error as _error, is_int as _is_int

__all__ = [
    "ASSETS_DIR",
    "PRETRAINED",
    "build_fashion_cnn",
    "build_mnist_cnn",
    "compile_model",
    "confusion_matrix",
    "epoch_logger",
    "layer_outputs",
    "load_model",
    "load_pretrained",
    "make_reproducible",
    "per_class_accuracy",
    "prepare_images",
    "save_model",
    "train",
    "train_val_split",
]

#: Folder model terlatih yang tersimpan di repositori (``assets/``).
ASSETS_DIR = resources.ASSETS_DIR

#: Model terlatih yang tersimpan, dibuat ulang oleh ``assets/train_models.py``.
PRETRAINED = {
    "mnist": "cnn_mnist.keras",
}

DEFAULT_SEED = 42


# ---------------------------------------------------------------------------
# Pemeriksaan masukan (pesan berbahasa Indonesia)
# ---------------------------------------------------------------------------


def _check_int(name: str, value, minimum: int) -> int:
    if not _is_int(value) or value < minimum:
        raise _error(name, f"bilangan bulat ≥ {minimum}", value)
    return int(value)


def _check_rate(name: str, value) -> float:
    if (isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real)
            or not 0 <= value < 1):
        raise _error(name, "bilangan di antara 0 (tanpa dropout) dan kurang dari 1", value)
    return float(value)


def _check_ints(name: str, values, minimum: int, expected: str) -> tuple[int, ...]:
    if _is_int(values):
        values = (values,)
    if not isinstance(values, (tuple, list)) or not values:
        raise _error(name, expected, values)
    if not all(_is_int(v) and v >= minimum for v in values):
        raise _error(name, expected, values)
    return tuple(int(v) for v in values)


def _check_input_shape(input_shape) -> tuple[int, int, int]:
    expected = "tuple (tinggi, lebar, kanal), misalnya (28, 28, 1)"
    if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 3:
        raise _error("input_shape", expected, input_shape)
    if not all(_is_int(v) and v >= 1 for v in input_shape):
        raise _error("input_shape", expected, input_shape)
    return tuple(int(v) for v in input_shape)


def _as_labels(name: str, y, n: int | None = None) -> np.ndarray:
    array = np.asarray(y)
    if array.dtype.kind == "f" and np.isfinite(array).all() \
            and (array == np.round(array)).all():  # 3.0 diterima sebagai 3 (juga array kosong)
        array = array.astype(np.int64)
    if array.dtype.kind not in "iu" or array.ndim != 1:
        hint = ("Label one-hot diubah dulu menjadi angka: y.argmax(axis=1)."
                if array.ndim == 2 else "")
        raise _error(name, "array 1-D berisi label bilangan bulat (0, 1, 2, …)", array, hint)
    if array.size and array.min() < 0:
        raise _error(name, "berisi label ≥ 0", array)
    if n is not None and len(array) != n:
        raise _error(name, f"berisi {n} label (satu per gambar)", array)
    return array


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def prepare_images(x) -> np.ndarray:
    """Gambar → masukan CNN: ``float32`` berbentuk ``(N, 28, 28, 1)`` bernilai 0 sampai 1.

    ``x`` boleh berupa piksel ``uint8`` (0–255) berbentuk ``(N, H, W)`` atau ``(N, H, W, 1)``
    (misalnya ``x_train`` dari ``saraf.data``), atau gambar yang sudah dinormalisasi
    (float, 0–1). Piksel dibagi 255 dan sumbu kanal ditambahkan di akhir, seperti di
    pelajaran 01.
    """
    try:
        array = np.asarray(x)
    except (TypeError, ValueError):
        raise _error("x", "array gambar", type(x).__name__) from None
    expected = "array gambar berbentuk (N, tinggi, lebar) atau (N, tinggi, lebar, 1)"
    if array.dtype.kind not in "biuf":
        raise _error("x", "array berisi angka", array)
    if array.ndim == 3:
        array = array[..., np.newaxis]
    if array.ndim != 4 or array.shape[-1] != 1 or array.shape[0] == 0:
        hint = ("Untuk satu gambar, tambahkan sumbu batch: x[np.newaxis]."
                if array.ndim == 2 else "")
        raise _error("x", expected, array, hint)
    if array.dtype.kind == "f":
        if not np.isfinite(array).all():
            raise _error("x", "berisi angka berhingga (tanpa NaN atau inf)", array)
        if array.min() < 0 or array.max() > 1:
            raise _error("x", "piksel uint8 (0–255) atau gambar float bernilai 0 sampai 1",
                         array, "Gambar float dengan nilai sampai 255? Bagi dulu dengan 255.")
        return array.astype(np.float32, copy=False)
    if array.min() < 0 or array.max() > 255:
        raise _error("x", "piksel bilangan bulat 0 sampai 255", array)
    return array.astype(np.float32) / np.float32(255)


def train_val_split(x, y, val_fraction: float = 0.1, seed: int = 0):
    """Membagi data latih menjadi data latih dan data validasi, **berstrata** per kelas.

    Dari setiap kelas diambil ``val_fraction`` bagian (dibulatkan) secara acak untuk data
    validasi, sehingga perbandingan kelas di kedua bagian sama. Data uji tidak disentuh:
    data uji hanya dipakai sekali, di akhir.

    Mengembalikan ``(x_latih, y_latih), (x_validasi, y_validasi)``; urutan di setiap bagian
    diacak dengan ``seed``.
    """
    x = np.asarray(x)
    if x.ndim < 1 or len(x) < 2:
        raise _error("x", "array berisi minimal dua contoh", x)
    y = _as_labels("y", y, len(x))
    if (isinstance(val_fraction, (bool, np.bool_)) or not isinstance(val_fraction, numbers.Real)
            or not 0 < val_fraction < 1):
        raise _error("val_fraction", "bilangan di antara 0 dan 1 (tanpa 0 dan 1), misalnya 0.1",
                     val_fraction)
    seed = _check_int("seed", seed, 0)
    rng = np.random.default_rng(seed)
    val_parts, train_parts = [], []
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        k = int(round(len(members) * val_fraction))
        val_parts.append(members[:k])
        train_parts.append(members[k:])
    val_index = rng.permutation(np.concatenate(val_parts))
    train_index = rng.permutation(np.concatenate(train_parts))
    if len(val_index) == 0:
        raise _error("val_fraction", "cukup besar agar data validasi berisi minimal satu contoh",
                     val_fraction)
    return (x[train_index], y[train_index]), (x[val_index], y[val_index])


# ---------------------------------------------------------------------------
# Membangun dan mengompilasi model
# ---------------------------------------------------------------------------


def build_mnist_cnn(filters=(32, 64), kernel_size: int = 5, pool_size: int = 2,
                    dropout: float = 0.5, num_classes: int = 10, input_shape=(28, 28, 1),
                    name: str = "cnn_mnist"):
    """Model CNN pelajaran 08 (API fungsional Keras), belum dikompilasi.

    Susunannya::

        Input(input_shape)
        → [Conv2D(f, kernel_size, ReLU) → MaxPooling2D(pool_size)]  untuk setiap f di filters
        → Flatten → Dropout(dropout) → Dense(num_classes, softmax)

    Parameter
    ---------
    filters : banyak kernel (*filter*) setiap lapisan konvolusi, misalnya ``(32, 64)``.
    kernel_size : ukuran kernel (persegi), padding ``"valid"`` dan stride 1.
    pool_size : ukuran jendela max pooling (stride sama dengan ukurannya).
    dropout : bagian neuron yang dinonaktifkan secara acak saat pelatihan (0 = tanpa dropout).
    num_classes : banyak kelas (neuron keluaran).
    input_shape : bentuk satu gambar ``(tinggi, lebar, kanal)``.
    name : nama model.

    Nama lapisannya tetap: ``conv1``, ``pool1``, ``conv2``, ``pool2``, …, ``flatten``,
    ``dropout``, ``output``. Dengan bawaannya: 28 → 24 → 12 → 8 → 4, jadi ``Flatten``
    menghasilkan 4·4·64 = 1024 angka dan model punya 62.346 parameter.
    """
    filters = _check_ints("filters", filters, 1,
                          "bilangan bulat ≥ 1 atau tuple, misalnya (32, 64)")
    kernel_size = _check_int("kernel_size", kernel_size, 1)
    pool_size = _check_int("pool_size", pool_size, 1)
    dropout = _check_rate("dropout", dropout)
    num_classes = _check_int("num_classes", num_classes, 2)
    input_shape = _check_input_shape(input_shape)
    size = input_shape[0], input_shape[1]
    for i in range(len(filters)):  # pesan jelas bila gambarnya habis sebelum Flatten
        size = tuple((s - kernel_size + 1) // pool_size for s in size)
        if min(size) < 1:
            raise _error("filters", f"tidak lebih dari {i} lapisan konvolusi untuk gambar "
                         f"{input_shape[0]} × {input_shape[1]} dengan kernel {kernel_size} dan "
                         f"pooling {pool_size} (peta fiturnya habis)", filters)
    import keras
    from keras import layers

    inputs = keras.Input(shape=input_shape, name="image")
    x = inputs
    for i, f in enumerate(filters, 1):
        x = layers.Conv2D(f, kernel_size, activation="relu", name=f"conv{i}")(x)
        x = layers.MaxPooling2D(pool_size, name=f"pool{i}")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dropout(dropout, name="dropout")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="output")(x)
    return keras.Model(inputs, outputs, name=name)


def build_fashion_cnn(filters=(32, 64, 128), kernel_size: int = 3, strides: int = 2,
                      padding: str = "same", dense_units: int = 512, dropout: float = 0.2,
                      num_classes: int = 10, input_shape=(28, 28, 1), name: str = "cnn_fashion"):
    """Model CNN pelajaran 09 (model contoh Fashion-MNIST, API fungsional), belum dikompilasi.

    Susunannya::

        Input(input_shape)
        → Conv2D(f, kernel_size, strides, padding, ReLU)  untuk setiap f di filters (tanpa
                                       pooling: stride 2 yang mengecilkan peta fitur)
        → Flatten → Dropout(dropout) → Dense(dense_units, ReLU) → Dropout(dropout)
        → Dense(num_classes, softmax)

    Parameter
    ---------
    filters : banyak kernel setiap lapisan konvolusi, misalnya ``(32, 64, 128)``.
    kernel_size : ukuran kernel (persegi).
    strides : stride (jarak geser) setiap konvolusi.
    padding : ``"same"`` (keluaran ⌈n / stride⌉: 28 → 14 → 7 → 4) atau ``"valid"`` (tanpa
        padding: 28 → 13 → 6 → 2, seperti model contoh aslinya). Dengan ``"same"`` model ini
        mencapai lebih dari 90% pada Fashion-MNIST lengkap; dengan ``"valid"`` sekitar 89–90%.
    dense_units : banyak neuron lapisan terhubung penuh tersembunyi (0 = tanpa lapisan itu).
    dropout : bagian neuron yang dinonaktifkan secara acak saat pelatihan (0 = tanpa dropout).
    num_classes, input_shape, name : seperti :func:`build_mnist_cnn`.

    Nama lapisannya: ``conv1``, ``conv2``, ``conv3``, ``flatten``, ``dropout1``, ``dense``,
    ``dropout2``, ``output``. Dengan bawaannya, ``Flatten`` menghasilkan 4·4·128 = 2048 angka
    dan model punya 1.146.890 parameter (91% di antaranya di lapisan ``dense``).
    """
    filters = _check_ints("filters", filters, 1,
                          "bilangan bulat ≥ 1 atau tuple, misalnya (32, 64, 128)")
    kernel_size = _check_int("kernel_size", kernel_size, 1)
    strides = _check_int("strides", strides, 1)
    if padding not in ("same", "valid"):
        raise _error("padding", "'same' atau 'valid'", padding)
    dense_units = _check_int("dense_units", dense_units, 0)
    dropout = _check_rate("dropout", dropout)
    num_classes = _check_int("num_classes", num_classes, 2)
    input_shape = _check_input_shape(input_shape)
    size = input_shape[0], input_shape[1]
    for i in range(len(filters)):
        if padding == "same":
            size = tuple(-(-s // strides) for s in size)
        else:
            size = tuple((s - kernel_size) // strides + 1 if s >= kernel_size else 0
                         for s in size)
        if min(size) < 1:
            raise _error("filters", f"tidak lebih dari {i} lapisan konvolusi untuk gambar "
                         f"{input_shape[0]} × {input_shape[1]} dengan kernel {kernel_size} dan "
                         f"stride {strides} (peta fiturnya habis)", filters)
    import keras
    from keras import layers

    inputs = keras.Input(shape=input_shape, name="image")
    x = inputs
    for i, f in enumerate(filters, 1):
        x = layers.Conv2D(f, kernel_size, strides=strides, padding=padding, activation="relu",
                          name=f"conv{i}")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dropout(dropout, name="dropout1")(x)
    if dense_units:
        x = layers.Dense(dense_units, activation="relu", name="dense")(x)
        x = layers.Dropout(dropout, name="dropout2")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="output")(x)
    return keras.Model(inputs, outputs, name=name)


def compile_model(model, learning_rate: float = 0.001):
    """Mengompilasi model untuk klasifikasi dengan label angka (0, 1, 2, …).

    * pengoptimal (*optimizer*) Adam dengan laju pembelajaran (*learning rate*)
      ``learning_rate``;
    * fungsi kerugian (*loss*) ``sparse_categorical_crossentropy``: cross-entropy dengan
      label berupa angka kelas, bukan vektor one-hot;
    * metrik akurasi.

    Mengembalikan model yang sama (sudah dikompilasi).
    """
    _check_keras_model(model)
    if (isinstance(learning_rate, (bool, np.bool_)) or not isinstance(learning_rate, numbers.Real)
            or not 0 < learning_rate < 1 or not np.isfinite(learning_rate)):
        raise _error("learning_rate", "bilangan di antara 0 dan 1, misalnya 0.001",
                     learning_rate)
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate=float(learning_rate)),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def _check_keras_model(model, name: str = "model"):
    import keras

    if not isinstance(model, keras.Model):
        raise _error(name, "model Keras (keras.Model)", model)
    return model


# ---------------------------------------------------------------------------
# Pelatihan yang dapat diulang
# ---------------------------------------------------------------------------


def make_reproducible(seed: int = DEFAULT_SEED) -> None:
    """Seed untuk Python, NumPy, dan Keras, serta operasi TensorFlow yang deterministik.

    Panggil **sebelum** membangun model (bobot awal diambil secara acak) dan sebelum
    melatihnya (urutan data dan dropout juga acak). Di satu mesin hasilnya lalu sama
    setiap kali; di CPU lain angkanya bisa sedikit berbeda.
    """
    seed = _check_int("seed", seed, 0)
    if seed >= 2**32:
        raise _error("seed", "bilangan bulat dari 0 sampai 2**32 − 1", seed)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def epoch_logger(stream=None):
    """Callback Keras yang mencetak satu baris ringkas berbahasa Indonesia setiap epoch.

    Contoh baris::

        epoch 3/8 · kerugian 0.1518 · akurasi 0.9565 · val_kerugian 0.1342 · val_akurasi 0.9638
        · 1.3 dtk

    (satu baris di layar; ``dtk`` = detik).
    """
    import sys

    import keras

    out = stream if stream is not None else sys.stdout

    class EpochLogger(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self._epochs = self.params.get("epochs", 0)

        def on_epoch_begin(self, epoch, logs=None):
            self._start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            logs = logs or {}
            width = len(str(self._epochs))
            parts = [f"epoch {epoch + 1:>{width}}/{self._epochs}"]
            for key, label in (("loss", "kerugian"), ("accuracy", "akurasi"),
                               ("val_loss", "val_kerugian"), ("val_accuracy", "val_akurasi")):
                if key in logs:
                    parts.append(f"{label} {float(logs[key]):.4f}")
            parts.append(f"{time.perf_counter() - self._start:.1f} dtk")
            print(" · ".join(parts), file=out, flush=True)

    return EpochLogger()


def train(model, x_train, y_train, validation_data=None, epochs: int = 8,
          batch_size: int = 64, seed: int = DEFAULT_SEED, verbose: bool = True):
    """Melatih model dengan seed tetap; mengembalikan riwayatnya (``keras.callbacks.History``).

    Parameter
    ---------
    model : model Keras. Bila belum dikompilasi, :func:`compile_model` dipanggil lebih dulu.
    x_train, y_train : data latih: gambar (lihat :func:`prepare_images`; piksel ``uint8``
        dinormalisasi otomatis) dan label angka ``(N,)``.
    validation_data : ``(x_val, y_val)`` yang diukur di akhir setiap epoch, atau ``None``.
    epochs : banyak epoch (satu putaran penuh atas data latih).
    batch_size : ukuran batch (banyak gambar per langkah pengoptimal).
    seed : seed untuk urutan data dan dropout (lihat :func:`make_reproducible`).
    verbose : ``True`` mencetak satu baris ringkas per epoch (:func:`epoch_logger`).

    ``history.history`` berisi daftar ``loss``, ``accuracy`` (dan ``val_loss``,
    ``val_accuracy`` bila ada data validasi), satu angka per epoch.
    """
    _check_keras_model(model)
    x_train = prepare_images(x_train)
    y_train = _as_labels("y_train", y_train, len(x_train))
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise _error("validation_data", "pasangan (x_val, y_val) atau None", validation_data)
        x_val = prepare_images(validation_data[0])
        validation_data = (x_val, _as_labels("validation_data[1]", validation_data[1],
                                             len(x_val)))
    epochs = _check_int("epochs", epochs, 1)
    batch_size = _check_int("batch_size", batch_size, 1)
    if not isinstance(verbose, (bool, np.bool_)):
        raise _error("verbose", "True atau False", verbose)
    output_units = model.outputs[0].shape[-1]
    if y_train.max() >= output_units:
        raise _error("y_train", f"berisi label 0 sampai {output_units - 1} (model punya "
                     f"{output_units} neuron keluaran)", y_train)
    make_reproducible(seed)
    if not getattr(model, "compiled", False):
        compile_model(model)
    callbacks = [epoch_logger()] if verbose else []
    return model.fit(x_train, y_train, validation_data=validation_data, epochs=epochs,
                     batch_size=batch_size, verbose=0, callbacks=callbacks)


# ---------------------------------------------------------------------------
# Evaluasi (NumPy saja)
# ---------------------------------------------------------------------------


def confusion_matrix(y_true, y_pred, num_classes: int | None = None) -> np.ndarray:
    """Matriks konfusi (*confusion matrix*) ``(K, K)``: baris = label sebenarnya, kolom = prediksi.

    ``cm[i, j]`` = banyak gambar berlabel ``i`` yang diprediksi ``j``. Diagonalnya berisi
    prediksi yang benar; angka di luar diagonal adalah salah klasifikasi.
    ``num_classes`` bawaannya ``max(label) + 1``.
    """
    y_true = _as_labels("y_true", y_true)
    y_pred = _as_labels("y_pred", y_pred, len(y_true))
    if len(y_true) == 0:
        raise _error("y_true", "berisi minimal satu label", y_true)
    largest = int(max(y_true.max(), y_pred.max()))
    if num_classes is None:
        num_classes = largest + 1
    num_classes = _check_int("num_classes", num_classes, 1)
    if largest >= num_classes:
        raise _error("num_classes", f"lebih besar dari label terbesar ({largest})", num_classes)
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def per_class_accuracy(cm) -> np.ndarray:
    """Akurasi setiap kelas dari matriks konfusi: diagonal dibagi jumlah setiap baris.

    Kelas tanpa contoh sama sekali menghasilkan ``nan``.
    """
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1] or cm.dtype.kind not in "iuf" or cm.size == 0:
        raise _error("cm", "matriks konfusi persegi (K, K) berisi angka", cm)
    totals = cm.sum(axis=1).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(cm) / np.where(totals > 0, totals, 1), np.nan)


# ---------------------------------------------------------------------------
# Isi model: peta fitur
# ---------------------------------------------------------------------------


def layer_outputs(model, x, layer_names=None) -> dict:
    """Keluaran (peta fitur) lapisan-lapisan model untuk gambar ``x``, dalam satu kali jalan.

    ``x``: satu gambar ``(28, 28)``/``(28, 28, 1)`` atau batch (lihat :func:`prepare_images`).
    ``layer_names``: daftar nama lapisan; bawaannya semua lapisan kecuali lapisan masukan.
    Mengembalikan ``dict`` nama lapisan → array NumPy (dengan sumbu batch), berurutan seperti
    di model. Dropout tidak aktif di sini (``training=False``), seperti saat prediksi.
    """
    _check_keras_model(model)
    array = np.asarray(x)
    if array.ndim == 2 or array.shape == tuple(model.inputs[0].shape[1:]):
        array = array[np.newaxis]  # satu gambar → batch berisi satu gambar
    x = prepare_images(array)
    available = [layer.name for layer in model.layers if layer.__class__.__name__ != "InputLayer"]
    if layer_names is None:
        layer_names = available
    if isinstance(layer_names, str):
        layer_names = [layer_names]
    unknown = [n for n in layer_names if n not in available]
    if unknown or not layer_names:
        raise _error("layer_names", f"daftar nama lapisan model ini: {available}", layer_names)
    import keras

    inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs
    probe = keras.Model(inputs, [model.get_layer(n).output for n in layer_names])
    outputs = probe(x, training=False)
    if not isinstance(outputs, (list, tuple)):
        outputs = [outputs]
    return {n: keras.ops.convert_to_numpy(o) for n, o in zip(layer_names, outputs)}


# ---------------------------------------------------------------------------
# Menyimpan dan memuat (.keras, tanpa pickle)
# ---------------------------------------------------------------------------


def save_model(model, path) -> Path:
    """Menyimpan model ke berkas ``.keras`` (arsip zip: susunan JSON + bobot).

    Mengembalikan lokasinya; folder induknya dibuat bila belum ada.
    """
    _check_keras_model(model)
    path = Path(path)
    if path.suffix != ".keras":
        raise _error("path", "nama berkas berakhiran .keras", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    model.save(path)
    return path


def load_model(path, compile: bool = True):
    """Memuat model ``.keras`` dengan ``safe_mode=True`` (kode Python di dalam berkas ditolak).

    ``compile=True`` memakai pengaturan kompilasi yang tersimpan; bila berkas disimpan tanpa
    kompilasi, :func:`compile_model` dipanggil sehingga ``model.evaluate`` langsung bisa dipakai.
    """
    path = Path(path)
    if path.suffix != ".keras":
        raise _error("path", "berkas berakhiran .keras", str(path),
                     "Saraf tidak membuka berkas .h5 atau pickle.")
    if not path.is_file():
        raise FileNotFoundError(f"Berkas model {path} tidak ditemukan.")
    with open(path, "rb") as file:
        if file.read(4) != b"PK\x03\x04":
            raise ValueError(f"Berkas {path} bukan model .keras (arsip zip).")
    if not isinstance(compile, (bool, np.bool_)):
        raise _error("compile", "True atau False", compile)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras

    model = keras.models.load_model(path, compile=bool(compile), safe_mode=True)
    if compile and not getattr(model, "compiled", False):
        compile_model(model)
    return model


def load_pretrained(name: str = "mnist", compile: bool = True):
    """Memuat model terlatih yang tersimpan di ``assets/`` (lihat :data:`PRETRAINED`).

    ``"mnist"``: CNN pelajaran 08 (:func:`build_mnist_cnn`), dilatih dengan MNIST bawaan.
    Bila berkasnya hilang, buat ulang dengan ``python assets/train_models.py``.
    """
    if not isinstance(name, str) or name not in PRETRAINED:
        options = " atau ".join(repr(k) for k in PRETRAINED)
        raise _error("name", options, name)
    path = ASSETS_DIR / PRETRAINED[name]
    if not path.is_file():
        raise FileNotFoundError(f"Model terlatih {path} tidak ditemukan. Buat ulang dengan "
                                f"`python assets/train_models.py` dari folder seri ini.")
    return load_model(path, compile=compile)
