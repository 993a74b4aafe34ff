"""``ConvNet``: CNN NumPy sebagai daftar lapisan; propagasi maju dan mundur, pelatihan, berkas.

Propagasi maju memanggil ``forward`` dari lapisan pertama sampai terakhir; propagasi balik
memanggil ``backward`` dalam urutan terbalik. Rumus setiap lapisan ada di ``saraf.ops``
(``conv2d``/``conv2d_backward``, ``max_pool2d``/``max_pool2d_backward``, ``relu``/
``relu_backward``, ``softmax_cross_entropy_backward``). Bentuk data mengikuti Keras: batch
NHWC ``(N, 28, 28, 1)``, kernel HWIO, bobot ``Dense`` berbentuk ``(n_masuk, n_keluar)``;
jadi bobotnya dapat disalin apa adanya ke model Keras dengan arsitektur yang sama.
Semua perhitungan memakai float32, seperti Keras. Berkas model adalah ``.npz`` tanpa pickle.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np

from saraf import netfile, ops, resources
from saraf.numpy_cnn.layers import DTYPE, LAYER_TYPES, Conv2D, Dense, Flatten, MaxPool2D, ReLU
from saraf.formatting import progress_bar, thousands
from saraf.optim import Adam, Optimizer
from saraf.validation import as_array, as_bool, as_int, as_labels, error

__all__ = ["ConvNet", "build", "pretrained", "PRETRAINED_PATH"]
#: CNN NumPy yang sudah dilatih (dibuat ulang dengan ``python assets/train_numpy_cnn.py``).
PRETRAINED_PATH = resources.asset("numpy_cnn_mnist.npz")
FILE_FORMAT = "saraf.numpy_cnn.ConvNet"
FILE_VERSION = 1


class ConvNet:
    """CNN NumPy: daftar lapisan yang dijalankan berurutan, diakhiri logit ``(N, kelas)``.

    ``predict_proba`` menerapkan softmax pada logit; pelatihan memakai cross-entropy rata-rata
    (seperti ``SparseCategoricalCrossentropy`` Keras) dan pengoptimal dari ``saraf.optim``.
    ``input_shape`` adalah bentuk satu gambar, bawaan ``(28, 28, 1)``.
    """

    def __init__(self, layers, input_shape=(28, 28, 1), seed=None):
        if not isinstance(layers, (list, tuple)) or not layers or not all(
                type(layer) in LAYER_TYPES.values() for layer in layers):
            raise error("layers", "list lapisan saraf.numpy_cnn (Conv2D, ReLU, MaxPool2D, "
                        "Flatten, Dense)", layers, kind=TypeError)
        self.layers = list(layers)
        if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 3:
            raise error("input_shape", "bentuk satu gambar (tinggi, lebar, kanal), misalnya "
                        "(28, 28, 1)", input_shape)
        self.input_shape = tuple(as_int("input_shape", n, 1) for n in input_shape)
        self._rng = np.random.default_rng(None if seed is None else as_int("seed", seed, 0))
        self.num_classes = self._output_size()

    def __repr__(self):
        names = " → ".join(type(layer).__name__ for layer in self.layers)
        return f"ConvNet({names}; {thousands(self.count_params())} parameter)"

    @property
    def params(self):
        """Semua array parameter, lapisan demi lapisan (urutan yang sama dengan ``grads``)."""
        return [p for layer in self.layers for p in layer.params]

    @property
    def grads(self):
        """Gradien dari ``backprop`` terakhir, dengan urutan yang sama seperti ``params``."""
        return [g for layer in self.layers for g in layer.grads]

    def count_params(self) -> int:
        return int(sum(p.size for p in self.params))

    # -- propagasi maju ------------------------------------------------------------

    def feedforward(self, x):
        """Logit ``(N, kelas)``: setiap lapisan ``forward`` dari depan ke belakang."""
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def predict_proba(self, x, batch_size=256):
        """Probabilitas setiap kelas ``(N, kelas)`` (softmax logit), per potongan ``batch_size``."""
        x = self._check_x(x)
        batch_size = as_int("batch_size", batch_size, 1)
        parts = [ops.softmax(self.feedforward(x[k:k + batch_size]))
                 for k in range(0, len(x), batch_size)]
        return np.concatenate(parts)

    def predict(self, x):
        """Kelas dengan probabilitas terbesar untuk setiap gambar: array ``(N,)``."""
        return np.argmax(self.predict_proba(x), axis=1)

    def evaluate(self, x, y) -> int:
        """Banyak gambar yang ditebak benar (akurasi = ``evaluate(x, y) / len(y)``)."""
        labels = self._check_labels(y, len(x))
        return int(np.sum(self.predict(x) == labels))

    # -- propagasi balik dan pelatihan --------------------------------------------

    def backprop(self, x, y) -> float:
        """Kerugian rata-rata mini-batch; gradien setiap parameter disimpan di ``grads``.

        Maju: logit → softmax → cross-entropy. Mundur: mulai dari δ = (p − y) / N pada logit,
        lalu setiap lapisan ``backward`` dari belakang ke depan.
        """
        x = self._check_x(x)
        labels = self._check_labels(y, len(x))
        return self._backprop(x, labels)[0]

    def _backprop(self, x, labels):
        logits = self.feedforward(x)
        probs = ops.softmax(logits)
        loss = ops.cross_entropy(probs, labels)
        grad = ops.softmax_cross_entropy_backward(logits, labels)  # δ = (p − y) / N
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return loss, probs

    def update_mini_batch(self, x, y, optimizer) -> float:
        """Satu langkah: ``backprop`` lalu ``optimizer.step(params, grads)``; mengembalikan kerugian."""
        loss = self.backprop(x, y)
        _check_optimizer(optimizer).step(self.params, self.grads)
        return loss

    def fit(self, x, y, epochs=1, batch_size=32, optimizer=None, validation_data=None,
            progress=False):
        """Melatih jaringan; mengembalikan riwayat, satu ``dict`` per epoch.

        Setiap epoch data diacak lalu dipotong menjadi mini-batch ``batch_size`` gambar (seperti
        ``model.fit`` Keras). ``optimizer`` bawaan ``Adam(0.001)``; kirim pengoptimal yang sama
        ke beberapa panggilan ``fit`` untuk melanjutkan pelatihan. Riwayatnya berisi ``loss``
        dan ``accuracy`` (rata-rata selama epoch, seperti Keras), ``seconds``, dan bila ada
        ``validation_data=(x_val, y_val)``: ``val_loss`` dan ``val_accuracy``.
        """
        x = self._check_x(x)
        labels = self._check_labels(y, len(x))
        epochs = as_int("epochs", epochs, 1)
        batch_size = as_int("batch_size", batch_size, 1)
        optimizer = Adam(0.001) if optimizer is None else _check_optimizer(optimizer)
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise error("validation_data", "pasangan (x_val, y_val) atau None",
                            validation_data)
            x_val = self._check_x(validation_data[0], "validation_data[0]")
            y_val = self._check_labels(validation_data[1], len(x_val), "validation_data[1]")
        steps = epochs * -(-len(x) // batch_size)  # banyak mini-batch seluruhnya
        bar = progress_bar(steps, "batch") if as_bool("progress", progress) else None
        history = []
        for epoch in range(1, epochs + 1):
            start, total_loss, correct = time.perf_counter(), 0.0, 0
            order = self._rng.permutation(len(x))
            for k in range(0, len(x), batch_size):
                chosen = order[k:k + batch_size]
                loss, probs = self._backprop(x[chosen], labels[chosen])
                optimizer.step(self.params, self.grads)
                total_loss += loss * len(chosen)
                correct += int(np.sum(probs.argmax(axis=1) == labels[chosen]))
                if bar is not None:
                    bar.update(1)
                    bar.set_postfix({"epoch": epoch, "loss": f"{loss:.4f}"}, refresh=False)
            record = {"epoch": epoch, "loss": total_loss / len(x), "accuracy": correct / len(x),
                      "seconds": time.perf_counter() - start}
            if validation_data is not None:
                probs = self.predict_proba(x_val)
                record["val_loss"] = ops.cross_entropy(probs, y_val)
                record["val_accuracy"] = float(np.mean(probs.argmax(axis=1) == y_val))
            history.append(record)
        if bar is not None:
            bar.close()
        return history

    # -- pemeriksaan masukan ---------------------------------------------------------

    def _check_x(self, x, name="x"):
        """Gambar ``(N, H, W, C)`` atau ``(N, H, W)`` bernilai 0–1, sebagai float32 NHWC."""
        array = as_array(name, x)
        if array.size and (array.min() < 0 or array.max() > 1):
            raise error(name, "bernilai 0 sampai 1 (piksel yang sudah dinormalisasi)", array,
                        "Bagi dulu dengan 255, misalnya x / 255.")
        shape = self.input_shape
        if array.shape[1:] == shape[:2] and shape[2] == 1:
            array = array[..., np.newaxis]  # (N, 28, 28) → (N, 28, 28, 1)
        if array.ndim != 4 or array.shape[1:] != shape or len(array) == 0:
            hint = ("Satu gambar? Tambahkan sumbu batch: x[np.newaxis]."
                    if array.shape in (shape, shape[:2]) else "")
            raise error(name, f"batch gambar berbentuk (N, {shape[0]}, {shape[1]}) atau "
                        f"(N, {', '.join(map(str, shape))}) dengan N ≥ 1", array, hint)
        return array.astype(DTYPE, copy=False)

    def _check_labels(self, y, n, name="y"):
        labels = as_labels(name, y, n)
        if labels.max() >= self.num_classes:
            raise error(name, f"berisi label 0 sampai {self.num_classes - 1}", labels,
                        f"Label terbesar yang diberikan: {labels.max()}.")
        return labels

    def _output_size(self) -> int:
        """Banyak kelas; sekaligus memeriksa bahwa bentuk antarlapisan cocok."""
        try:
            out = self.feedforward(np.zeros((1, *self.input_shape), DTYPE))
        except ValueError as exc:
            raise ValueError(f"Lapisan-lapisan ini tidak cocok untuk masukan berbentuk "
                             f"{self.input_shape}: {exc}") from None
        if out.ndim != 2:
            raise error("layers", "diakhiri Flatten dan Dense (keluaran 2-D: satu baris logit "
                        "per gambar)", [type(layer).__name__ for layer in self.layers])
        return out.shape[1]

    # -- menyimpan dan memuat (.npz tanpa pickle) -----------------------------------

    def save(self, path) -> Path:
        """Menyimpan arsitektur (JSON) dan semua parameter ke berkas ``.npz``."""
        path = netfile.writable_path(path)
        config = {"input_shape": list(self.input_shape),
                  "layers": [layer.config() for layer in self.layers]}
        arrays = {"format": np.array(FILE_FORMAT), "version": np.array(FILE_VERSION),
                  "config": np.array(json.dumps(config))}
        arrays.update({f"p{i}": p for i, p in enumerate(self.params)})
        np.savez(path, **arrays)
        return path

    @classmethod
    def load(cls, path, seed=None) -> ConvNet:
        """Memuat jaringan yang disimpan dengan ``save``; berkas lain ditolak dengan jelas."""
        not_model = (f"Berkas {path} bukan CNN NumPy yang disimpan dengan ConvNet.save "
                     f"(berkas .npz berisi arsitektur dan parameter)")
        arrays = netfile.open_arrays(path, not_model)
        try:
            if str(arrays.get("format")) != FILE_FORMAT or int(arrays["version"]) != FILE_VERSION:
                raise ValueError(f"penanda format {FILE_FORMAT!r} versi {FILE_VERSION} tidak ada")
            config = json.loads(str(arrays["config"]))
            budget = sum(a.size for key, a in arrays.items() if key.startswith("p"))
            network = cls([_layer_from_config(c, budget) for c in config["layers"]],
                          config["input_shape"], seed)
            params = network.params
            if set(arrays) != {"format", "version", "config"} | {f"p{i}" for i in
                                                                 range(len(params))}:
                raise ValueError("banyak array parameter tidak cocok dengan arsitekturnya")
            for i, p in enumerate(params):
                saved = arrays[f"p{i}"]
                if saved.shape != p.shape or saved.dtype.kind != "f" or \
                        not np.isfinite(saved).all():
                    raise ValueError(f"`p{i}` seharusnya array float berhingga berbentuk "
                                     f"{p.shape}, ternyata {saved.dtype} {saved.shape}")
                p[...] = saved
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{not_model}: {exc}.") from None
        return network


def _layer_from_config(config: dict, budget: int):
    """Satu lapisan dari deskripsi ``config()``-nya (bobotnya diisi kemudian).

    ``budget``: banyak angka parameter yang ada di berkas; lapisan yang butuh lebih banyak
    ditolak SEBELUM dibuat, jadi berkas rusak tidak dapat memesan memori raksasa.
    """
    config = dict(config)
    kind = config.pop("type", None)
    if kind not in LAYER_TYPES:
        raise ValueError(f"jenis lapisan {kind!r} tidak dikenal (yang dikenal: "
                         f"{', '.join(LAYER_TYPES)})")
    sizes = {k: v for k, v in config.items() if k != "padding"}
    if any(not isinstance(v, int) or v < 1 for v in sizes.values()):
        raise ValueError(f"ukuran lapisan {kind} bukan bilangan bulat ≥ 1: {config}")
    if kind == "Conv2D":
        needed = sizes["kernel_size"] ** 2 * sizes["in_channels"] * sizes["filters"]
    else:
        needed = sizes.get("n_in", 0) * sizes.get("n_out", 0)
    if needed > budget:
        raise ValueError(f"lapisan {kind} {config} butuh {needed} bobot, tetapi berkas hanya "
                         f"berisi {budget} angka parameter")
    return LAYER_TYPES[kind](**config)


def _check_optimizer(optimizer):
    if not isinstance(optimizer, Optimizer):
        raise error("optimizer", "pengoptimal dari saraf.optim, misalnya Adam(0.001)",
                    optimizer, kind=TypeError)
    return optimizer


def build(filters=(8, 16), kernel_size=3, num_classes=10, seed=0) -> ConvNet:
    """CNN pelajaran 11 untuk gambar 28 × 28 × 1.

    [Conv2D(f, k) → ReLU → MaxPool2D(2)] untuk setiap f di ``filters`` → Flatten → Dense(kelas).
    Dengan bawaannya: 28 → 26 → 13 → 11 → 5, jadi Dense menerima 5·5·16 = 400 angka.
    """
    rng = np.random.default_rng(as_int("seed", seed, 0))
    layers, channels, size = [], 1, 28
    for f in filters:
        layers += [Conv2D(channels, f, kernel_size, rng=rng), ReLU(), MaxPool2D(2)]
        channels, size = as_int("filters", f, 1), (size - kernel_size + 1) // 2
        if size < 1:
            raise error("filters", "cukup sedikit lapisan agar peta fitur tidak habis",
                        filters)
    layers += [Flatten(), Dense(size * size * channels, num_classes, rng=rng)]
    return ConvNet(layers, (28, 28, 1), seed=seed)


def pretrained() -> ConvNet:
    """CNN NumPy yang sudah dilatih pada MNIST bawaan (resepnya: ``assets/train_numpy_cnn.py``)."""
    return ConvNet.load(PRETRAINED_PATH)
