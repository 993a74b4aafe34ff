"""CNN dengan Keras untuk pelajaran 12–14: membangun, melatih, menyimpan, dan memuat model.

* ``build_mnist_cnn`` (pelajaran 12), ``build_fashion_cnn`` (pelajaran 13), ``compile_model``
  (Adam dan *sparse categorical cross-entropy*);
* ``make_reproducible``, ``train``, ``epoch_logger`` -- pelatihan yang dapat diulang;
* ``layer_outputs`` -- peta fitur (*feature map*) setiap lapisan untuk satu gambar;
* ``save_model``, ``load_model``, ``load_pretrained`` -- berkas ``.keras`` (tanpa pickle,
  dimuat dengan ``safe_mode=True``);
* diekspor ulang dari modul NumPy: ``prepare_images`` (:mod:`saraf.data`),
  ``train_val_split``, ``confusion_matrix``, ``per_class_accuracy`` (:mod:`saraf.evaluation`).

Keras (dan TensorFlow) baru dimuat ketika sebuah fungsi membutuhkannya; mengimpor modul ini
tidak memuat TensorFlow.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from saraf import resources
from saraf.data import prepare_images
from saraf.evaluation import confusion_matrix, per_class_accuracy, train_val_split
from saraf.session import DEFAULT_SEED, as_seed
from saraf.validation import (as_array, as_bool, as_choice, as_int, as_labels, as_real,
                              error, is_int)

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


# ---------------------------------------------------------------------------
# Membangun dan mengompilasi model
# ---------------------------------------------------------------------------


def build_mnist_cnn(filters=(32, 64), kernel_size: int = 5, pool_size: int = 2,
                    dropout: float = 0.5, num_classes: int = 10, input_shape=(28, 28, 1),
                    name: str = "cnn_mnist"):
    """Model CNN pelajaran 12 (API fungsional Keras), belum dikompilasi::

        Input(input_shape)
        → [Conv2D(f, kernel_size, ReLU) → MaxPooling2D(pool_size)]  untuk setiap f di filters
        → Flatten → Dropout(dropout) → Dense(num_classes, softmax)

    ``filters``: banyak kernel (*filter*) setiap lapisan konvolusi; ``kernel_size``: ukuran
    kernel (persegi, padding ``"valid"``, stride 1); ``pool_size``: jendela max pooling (stride
    sama dengan ukurannya); ``dropout``: bagian neuron yang dinonaktifkan secara acak saat
    pelatihan (0 = tanpa dropout); ``num_classes``: banyak kelas; ``input_shape``: bentuk satu
    gambar ``(tinggi, lebar, kanal)``.

    Nama lapisannya tetap: ``conv1``, ``pool1``, ``conv2``, ``pool2``, …, ``flatten``,
    ``dropout``, ``output``. Dengan bawaannya: 28 → 24 → 12 → 8 → 4, jadi ``Flatten``
    menghasilkan 4·4·64 = 1024 angka dan model punya 62.346 parameter.
    """
    filters = _check_filters(filters, "(32, 64)")
    kernel_size = as_int("kernel_size", kernel_size, 1)
    pool_size = as_int("pool_size", pool_size, 1)
    dropout = _check_dropout(dropout)
    num_classes = as_int("num_classes", num_classes, 2)
    input_shape = _check_input_shape(input_shape)
    _check_depth(filters, input_shape, f"kernel {kernel_size} dan pooling {pool_size}",
                 lambda s: (s - kernel_size + 1) // pool_size)
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
    """Model CNN pelajaran 13 (model contoh Fashion-MNIST, API fungsional), belum dikompilasi::

        Input(input_shape)
        → Conv2D(f, kernel_size, strides, padding, ReLU)  untuk setiap f di filters (tanpa
                                       pooling: stride 2 yang mengecilkan peta fitur)
        → Flatten → Dropout(dropout) → Dense(dense_units, ReLU) → Dropout(dropout)
        → Dense(num_classes, softmax)

    ``strides``: stride (jarak geser) setiap konvolusi; ``padding``: ``"same"`` (keluaran
    ⌈n / stride⌉: 28 → 14 → 7 → 4; lebih dari 90% pada Fashion-MNIST lengkap) atau
    ``"valid"`` (28 → 13 → 6 → 2, seperti model contoh aslinya; sekitar 89–90%);
    ``dense_units``: neuron lapisan terhubung penuh tersembunyi (0 = tanpa lapisan itu);
    parameter lain seperti :func:`build_mnist_cnn`.

    Nama lapisannya: ``conv1``, ``conv2``, ``conv3``, ``flatten``, ``dropout1``, ``dense``,
    ``dropout2``, ``output``. Dengan bawaannya, ``Flatten`` menghasilkan 4·4·128 = 2048 angka
    dan model punya 1.146.890 parameter (91% di antaranya di lapisan ``dense``).
    """
    filters = _check_filters(filters, "(32, 64, 128)")
    kernel_size = as_int("kernel_size", kernel_size, 1)
    strides = as_int("strides", strides, 1)
    padding = as_choice("padding", padding, ("same", "valid"))
    dense_units = as_int("dense_units", dense_units, 0)
    dropout = _check_dropout(dropout)
    num_classes = as_int("num_classes", num_classes, 2)
    input_shape = _check_input_shape(input_shape)
    _check_depth(filters, input_shape, f"kernel {kernel_size} dan stride {strides}",
                 lambda s: -(-s // strides) if padding == "same"  # ⌈n / stride⌉
                 else max((s - kernel_size) // strides + 1, 0))
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
    """Mengompilasi model untuk klasifikasi dengan label angka (0, 1, 2, …); mengembalikannya.

    Pengoptimal (*optimizer*) Adam dengan laju pembelajaran (*learning rate*)
    ``learning_rate``, fungsi kerugian (*loss*) ``sparse_categorical_crossentropy``
    (cross-entropy dengan label berupa angka kelas, bukan vektor one-hot), dan metrik akurasi.
    """
    _check_keras_model(model)
    learning_rate = as_real("learning_rate", learning_rate, above=0, below=1,
                            expected="bilangan di antara 0 dan 1, misalnya 0.001")
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
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
    seed = as_seed(seed)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()


def epoch_logger(stream=None):
    """Callback Keras yang mencetak satu baris ringkas berbahasa Indonesia setiap epoch::

        epoch 3/8 · kerugian 0.1518 · akurasi 0.9565 · val_kerugian 0.1342 · val_akurasi 0.9638
        · 1.3 dtk

    (satu baris di layar; ``dtk`` = detik). Angkanya keluaran program, jadi bertitik desimal.
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

    Model yang belum dikompilasi dikompilasi dulu (:func:`compile_model`). ``x_train``:
    gambar (piksel ``uint8`` dinormalisasi otomatis, lihat :func:`prepare_images`);
    ``y_train``: label angka ``(N,)``; ``validation_data``: ``(x_val, y_val)`` yang diukur di
    akhir setiap epoch, atau ``None``; ``batch_size``: banyak gambar per langkah pengoptimal;
    ``seed``: lihat :func:`make_reproducible`; ``verbose``: satu baris per epoch
    (:func:`epoch_logger`). ``history.history`` berisi daftar ``loss``, ``accuracy`` (dan
    ``val_loss``, ``val_accuracy`` bila ada data validasi), satu angka per epoch.
    """
    _check_keras_model(model)
    x_train = prepare_images(x_train)
    y_train = as_labels("y_train", y_train, len(x_train))
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise error("validation_data", "pasangan (x_val, y_val) atau None", validation_data)
        x_val = prepare_images(validation_data[0])
        validation_data = (x_val, as_labels("validation_data[1]", validation_data[1],
                                            len(x_val)))
    epochs = as_int("epochs", epochs, 1)
    batch_size = as_int("batch_size", batch_size, 1)
    verbose = as_bool("verbose", verbose)
    output_units = model.outputs[0].shape[-1]
    if y_train.max() >= output_units:
        raise error("y_train", f"berisi label 0 sampai {output_units - 1} (model punya "
                    f"{output_units} neuron keluaran)", y_train)
    make_reproducible(seed)
    if not getattr(model, "compiled", False):
        compile_model(model)
    callbacks = [epoch_logger()] if verbose else []
    return model.fit(x_train, y_train, validation_data=validation_data, epochs=epochs,
                     batch_size=batch_size, verbose=0, callbacks=callbacks)


def layer_outputs(model, x, layer_names=None) -> dict:
    """Keluaran (peta fitur) lapisan-lapisan model untuk gambar ``x``, dalam satu kali jalan.

    ``x``: satu gambar ``(28, 28)``/``(28, 28, 1)`` atau batch (lihat :func:`prepare_images`).
    ``layer_names``: daftar nama lapisan; bawaannya semua lapisan kecuali lapisan masukan.
    Mengembalikan ``dict`` nama lapisan → array NumPy (dengan sumbu batch), berurutan seperti
    di model. Dropout tidak aktif di sini (``training=False``), seperti saat prediksi.
    """
    _check_keras_model(model)
    array = as_array("x", x)
    if array.ndim == 2 or array.shape == tuple(model.inputs[0].shape[1:]):
        array = array[None]  # satu gambar → batch berisi satu gambar
    x = prepare_images(array)
    available = [layer.name for layer in model.layers if layer.__class__.__name__ != "InputLayer"]
    if layer_names is None:
        layer_names = available
    if isinstance(layer_names, str):
        layer_names = [layer_names]
    if not layer_names or any(n not in available for n in layer_names):
        raise error("layer_names", f"daftar nama lapisan model ini: {available}", layer_names)
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
    """Menyimpan model ke berkas ``.keras`` (arsip zip: susunan JSON + bobot); mengembalikan
    lokasinya. Folder induknya dibuat bila belum ada."""
    _check_keras_model(model)
    path = Path(path)
    if path.suffix != ".keras":
        raise error("path", "nama berkas berakhiran .keras", str(path))
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
        raise error("path", "berkas berakhiran .keras", str(path),
                     "Saraf tidak membuka berkas .h5 atau pickle.")
    if not path.is_file():
        raise FileNotFoundError(f"Berkas model {path} tidak ditemukan.")
    with open(path, "rb") as file:
        if file.read(4) != b"PK\x03\x04":
            raise ValueError(f"Berkas {path} bukan model .keras (arsip zip).")
    compile = as_bool("compile", compile)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import keras

    model = keras.models.load_model(path, compile=compile, safe_mode=True)
    if compile and not getattr(model, "compiled", False):
        compile_model(model)
    return model


def load_pretrained(name: str = "mnist", compile: bool = True):
    """Memuat model terlatih yang tersimpan di ``assets/`` (lihat :data:`PRETRAINED`).

    ``"mnist"``: CNN pelajaran 12 (:func:`build_mnist_cnn`), dilatih dengan MNIST bawaan.
    Bila berkasnya hilang, buat ulang dengan ``python assets/train_models.py``.
    """
    as_choice("name", name, tuple(PRETRAINED))
    path = ASSETS_DIR / PRETRAINED[name]
    if not path.is_file():
        raise FileNotFoundError(f"Model terlatih {path} tidak ditemukan. Buat ulang dengan "
                                f"`python assets/train_models.py` dari folder seri ini.")
    return load_model(path, compile=compile)


# ---------------------------------------------------------------------------
# Pemeriksaan masukan khusus model
# ---------------------------------------------------------------------------


def _check_filters(filters, example: str) -> tuple[int, ...]:
    """Banyak kernel setiap lapisan konvolusi: satu bilangan bulat ≥ 1 atau tuple-nya."""
    values = (filters,) if is_int(filters) else filters
    if not isinstance(values, (tuple, list)) or not values \
            or not all(is_int(v) and v >= 1 for v in values):
        raise error("filters", f"bilangan bulat ≥ 1 atau tuple, misalnya {example}", filters)
    return tuple(int(v) for v in values)


def _check_dropout(dropout) -> float:
    """Bagian neuron yang dinonaktifkan: 0 ≤ dropout < 1."""
    return as_real("dropout", dropout, 0, below=1,
                   expected="bilangan di antara 0 (tanpa dropout) dan kurang dari 1")


def _check_input_shape(input_shape) -> tuple[int, int, int]:
    """Bentuk satu gambar: tiga bilangan bulat ≥ 1."""
    if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 3 \
            or not all(is_int(v) and v >= 1 for v in input_shape):
        raise error("input_shape", "tuple (tinggi, lebar, kanal), misalnya (28, 28, 1)",
                    input_shape)
    return tuple(int(v) for v in input_shape)


def _check_depth(filters, input_shape, setting: str, shrink) -> None:
    """Pesan jelas bila peta fitur habis sebelum Flatten; ``shrink``: ukuran satu lapisan."""
    size = input_shape[:2]
    for i in range(len(filters)):
        size = tuple(shrink(s) for s in size)
        if min(size) < 1:
            raise error("filters", f"tidak lebih dari {i} lapisan konvolusi untuk gambar "
                        f"{input_shape[0]} × {input_shape[1]} dengan {setting} (peta fiturnya "
                        f"habis)", filters)


def _check_keras_model(model, name: str = "model"):
    import keras

    if not isinstance(model, keras.Model):
        raise error(name, "model Keras (keras.Model)", model)
    return model
