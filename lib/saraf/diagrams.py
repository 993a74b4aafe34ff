"""Diagram arsitektur jaringan: satu kotak per lapisan, dengan bentuk keluarannya (pelajaran 11–14).

Diagram digambar dari **model itu sendiri**, jadi selalu sesuai dengan kodenya. Modelnya boleh
model Keras (``model.layers``; bentuk keluaran setiap lapisan dibaca dari model) atau
``saraf.numpy_cnn.ConvNet`` (bentuknya dihitung dengan satu propagasi maju gambar kosong).

* :func:`layer_summary` -- daftar lapisan: jenis, keterangan, bentuk keluaran, banyak parameter;
* :func:`plot_architecture` -- diagramnya: kotak dari atas ke bawah, bentuk di sebelah kanan.

Modul ini tidak mengimpor TensorFlow: model Keras dikenali dari atributnya.
"""

from __future__ import annotations

import numpy as np

from saraf.formatting import decimal, thousands
from saraf.validation import error

__all__ = ["layer_summary", "plot_architecture"]

#: Warna kotak menurut peran lapisan.
COLORS = {"masukan": "#eeeeee", "konvolusi": "#cfe3f7", "pooling": "#d6efd0",
          "aktivasi": "#fbe3c8", "dense": "#f6d2d2", "lain": "#f2f2f2"}
_ROLE = {"Conv2D": "konvolusi", "MaxPooling2D": "pooling", "MaxPool2D": "pooling",
         "AveragePooling2D": "pooling", "ReLU": "aktivasi", "Activation": "aktivasi",
         "Dense": "dense"}


def _pair(value) -> str:
    """(3, 3) → "3 × 3"."""
    value = tuple(value) if isinstance(value, (tuple, list)) else (value, value)
    return " × ".join(str(v) for v in value)


def _keras_label(layer) -> str:
    """Keterangan singkat satu lapisan Keras dari konfigurasinya."""
    kind, config = type(layer).__name__, layer.get_config()
    activation = config.get("activation")
    suffix = f", {activation}" if activation not in (None, "linear") else ""
    if kind == "Conv2D":
        text = f"Conv2D {config['filters']} kernel {_pair(config['kernel_size'])}"
        if tuple(config.get("strides", (1, 1))) != (1, 1):
            text += f", stride {config['strides'][0]}"
        if config.get("padding") == "same":
            text += ', "same"'
        return text + suffix
    if kind in ("MaxPooling2D", "AveragePooling2D"):
        return f"{kind} {_pair(config['pool_size'])}"
    if kind == "Dropout":
        return f"Dropout {decimal(config['rate'])}"
    if kind == "Dense":
        return f"Dense {config['units']}{suffix}"
    return kind


def _numpy_label(layer) -> str:
    """Keterangan singkat satu lapisan ``saraf.numpy_cnn``."""
    kind = type(layer).__name__
    if kind == "Conv2D":
        padding = ', "same"' if layer.padding == "same" else ""
        return f"Conv2D {layer.filters} kernel {_pair(layer.kernel_size)}{padding}"
    if kind == "MaxPool2D":
        return f"MaxPool2D {_pair(layer.size)}"
    if kind == "Dense":
        return f"Dense {layer.n_out}"
    return kind


def layer_summary(model) -> list[dict]:
    """Setiap lapisan sebagai ``dict``: ``kind``, ``label``, ``shape`` (tanpa sumbu batch), ``params``.

    Baris pertama adalah masukannya (``kind == "Input"``).
    """
    layers = getattr(model, "layers", None)
    shape = getattr(model, "input_shape", None)
    if not isinstance(layers, (list, tuple)) or not layers or shape is None:
        raise error("model", "model Keras atau saraf.numpy_cnn.ConvNet (punya `layers` dan "
                    "`input_shape`)", model, kind=TypeError)
    shape = tuple(shape)[1:] if tuple(shape)[:1] == (None,) else tuple(shape)
    rows = [{"kind": "Input", "label": "Masukan", "shape": shape, "params": 0}]
    if hasattr(model, "predict_on_batch"):  # Keras
        for layer in layers:
            if type(layer).__name__ == "InputLayer":
                continue
            out = tuple(layer.output.shape)[1:]
            rows.append({"kind": type(layer).__name__, "label": _keras_label(layer),
                         "shape": out, "params": int(layer.count_params())})
        return rows
    x = np.zeros((1, *shape), np.float32)
    for layer in layers:
        x = layer.forward(x)
        rows.append({"kind": type(layer).__name__, "label": _numpy_label(layer),
                     "shape": tuple(x.shape[1:]),
                     "params": int(sum(p.size for p in layer.params))})
    return rows


def plot_architecture(model, title: str | None = None):
    """Diagram arsitektur: satu kotak per lapisan dari atas ke bawah, bentuk keluarannya di kanan.

    Judul bawaan menyebut banyak parameter seluruh model. Mengembalikan ``Figure``.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    rows = layer_summary(model)
    total = sum(row["params"] for row in rows)
    height = 0.55 * len(rows) + 0.7
    fig, ax = plt.subplots(figsize=(7.2, height), layout="constrained")
    ax.set_xlim(0, 10)
    ax.set_ylim(len(rows) - 0.4, -0.9)
    ax.axis("off")
    ax.text(6.15, -0.55, "bentuk keluaran", fontsize=9, color="#555", ha="left")
    ax.text(9.9, -0.55, "parameter", fontsize=9, color="#555", ha="right")
    for i, row in enumerate(rows):
        role = "masukan" if i == 0 else _ROLE.get(row["kind"], "lain")
        ax.add_patch(FancyBboxPatch((0.2, i - 0.3), 5.4, 0.6, boxstyle="round,pad=0.02",
                                    facecolor=COLORS[role], edgecolor="#666", linewidth=0.8))
        ax.text(2.9, i, row["label"], ha="center", va="center", fontsize=10)
        ax.text(6.15, i, " × ".join(str(n) for n in row["shape"]), va="center", fontsize=10)
        if row["params"]:
            ax.text(9.9, i, thousands(row["params"]), va="center", ha="right", fontsize=10)
        if i:
            ax.annotate("", xy=(2.9, i - 0.31), xytext=(2.9, i - 0.69),
                        arrowprops={"arrowstyle": "->", "color": "#666", "lw": 1})
    ax.set_title(title or f"Arsitektur: {thousands(total)} parameter", fontsize=11)
    return fig
