"""Diagram arsitektur jaringan: satu kotak per lapisan, dengan bentuk keluarannya (pelajaran 11–14).

Diagram digambar dari **model itu sendiri**, jadi selalu sesuai dengan kodenya. Modelnya boleh
model Keras (``model.layers``; bentuk keluaran setiap lapisan dibaca dari model) atau
``saraf.numpy_cnn.ConvNet`` (bentuknya dihitung dengan satu propagasi maju gambar kosong).

* :func:`layer_summary` -- daftar lapisan: jenis, keterangan, bentuk keluaran, banyak parameter;
* :func:`plot_architecture` -- diagramnya: kotak dari atas ke bawah, bentuk di sebelah kanan;
* :func:`plot_backprop_flow` -- aliran galat δ mundur melalui MLP (pelajaran 09): BP1–BP4.

Modul ini tidak mengimpor TensorFlow: model Keras dikenali dari atributnya.
"""

from __future__ import annotations

import numpy as np

from saraf.formatting import decimal, thousands
from saraf.validation import error

__all__ = ["layer_summary", "plot_architecture", "plot_backprop_flow"]

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


#: Warna diagram backpropagation: propagasi maju, galat yang mengalir mundur, gradien.
FLOW_COLORS = {"maju": "tab:blue", "mundur": "tab:red", "gradien": "tab:green"}


def _arrow(ax, start, end, color, gid, width=2.0):
    """Panah dari ``start`` ke ``end`` (koordinat data), dengan ``gid`` untuk pengujian."""
    arrow = ax.annotate("", xy=end, xytext=start,
                        arrowprops={"arrowstyle": "-|>", "color": color, "lw": width,
                                    "mutation_scale": 16})
    arrow.set_gid(gid)
    return arrow


def plot_backprop_flow(sizes=(4, 3, 2), shown: int = 6, title: str | None = None):
    """Aliran galat δ mundur melalui MLP ``sizes``, dengan keempat persamaan backpropagation.

    Setiap lapisan adalah satu kolom neuron (paling banyak ``shown`` neuron digambar; sisanya
    ditandai ⋮). Di atas: panah propagasi maju (biru), z^l dan a^l lapisan demi lapisan, lalu
    biaya C. Di bawah: panah galat (merah), BP1 dari C ke lapisan keluaran dan BP2 dari lapisan
    l + 1 ke lapisan l. Paling bawah: BP3 dan BP4 (hijau), gradien bias dan bobot setiap lapisan
    dari δ^l dan a^(l−1). Setiap panah punya ``gid``: ``"maju-l"``, ``"maju-C"``,
    ``"mundur-C"`` (BP1) dan ``"mundur-l"`` (BP2 ke lapisan l). Mengembalikan ``Figure``.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyBboxPatch

    from saraf.mlp import _check_sizes  # satu pemeriksaan `sizes` untuk seluruh saraf
    from saraf.validation import as_int

    sizes, shown = _check_sizes(sizes), as_int("shown", shown, 2)
    last, gap, step = len(sizes) - 1, 3.2, 0.62  # L, jarak antarkolom, jarak antarneuron
    x_cost = last * gap + 2.6
    top = step * (min(max(sizes), shown) - 1) / 2
    y_forward, y_back, y_grad = top + 1.0, -top - 1.0, -top - 2.35
    fig, ax = plt.subplots(figsize=(2.7 * last + 4.2, 2.2 + 0.55 * (2 * top + 4.6)),
                           layout="constrained")
    names = ["masukan"] + ["tersembunyi"] * (last - 1) + ["keluaran"]
    forward, back, grad = (FLOW_COLORS[k] for k in ("maju", "mundur", "gradien"))
    columns = []
    for l, n in enumerate(sizes):
        k, x = min(n, shown), l * gap
        ys = [step * ((k - 1) / 2 - i) for i in range(k)]
        if n > k:  # lapisan besar: neuron kedua dari bawah diganti ⋮
            ax.text(x, ys.pop(-2), "⋮", fontsize=16, ha="center", va="center")
        columns.append(ys)
        face = "#eeeeee" if l == 0 else ("#fbe3c8" if l == last else "#cfe3f7")
        for y in ys:
            ax.add_patch(Circle((x, y), 0.2, facecolor=face, edgecolor="#555", zorder=3))
        count = thousands(n)
        ax.text(x, y_forward + 1.05, f"lapisan {names[l]}\n{count} neuron", ha="center",
                va="bottom", fontsize=10)
        label = f"$a^{{{l}}} = x$" if l == 0 else f"$a^{{{l}}}$"
        ax.text(x, top + 0.38, label, ha="center", va="bottom", fontsize=11, color=forward)
        if l:
            ax.text(x, -top - 0.38, f"$\\delta^{{{l}}}$", ha="center", va="top", fontsize=12,
                    color=back)
    for l in range(1, last + 1):  # sambungan antarneuron, lalu panah maju dan gradien
        x0, x1 = (l - 1) * gap, l * gap
        for y0 in columns[l - 1]:
            for y1 in columns[l]:
                ax.plot([x0 + 0.2, x1 - 0.2], [y0, y1], color="0.82", lw=0.6, zorder=1)
        _arrow(ax, (x0 + 0.35, y_forward), (x1 - 0.35, y_forward), forward, f"maju-{l}")
        ax.text((x0 + x1) / 2, y_forward + 0.15,
                f"$z^{{{l}}} = w^{{{l}}} a^{{{l - 1}}} + b^{{{l}}}$\n$a^{{{l}}} = \\sigma(z^{{{l}}})$",
                ha="center", va="bottom", fontsize=10, color=forward)
        ax.text((x0 + x1) / 2, y_grad,
                f"BP3: $\\partial C / \\partial b^{{{l}}}_j = \\delta^{{{l}}}_j$\n"
                f"BP4: $\\partial C / \\partial w^{{{l}}}_{{jk}} = a^{{{l - 1}}}_k\\, "
                f"\\delta^{{{l}}}_j$", ha="center", va="top", fontsize=10, color=grad)
    ax.add_patch(FancyBboxPatch((x_cost - 0.45, -0.35), 0.9, 0.7, boxstyle="round,pad=0.05",
                                facecolor="#f6d2d2", edgecolor="#555"))
    ax.text(x_cost, 0, "biaya\n$C$", ha="center", va="center", fontsize=10)
    x_out = last * gap
    ax.plot([x_out + 0.35, x_cost], [y_forward, y_forward], color=forward, lw=2.0)
    _arrow(ax, (x_cost, y_forward), (x_cost, 0.45), forward, "maju-C")
    ax.plot([x_cost, x_cost], [-0.45, y_back], color=back, lw=2.0)
    _arrow(ax, (x_cost, y_back), (x_out + 0.35, y_back), back, "mundur-C")
    ax.text((x_out + x_cost) / 2 + 0.1, y_back - 0.15,
            f"BP1:\n$\\delta^{{{last}}} = \\nabla_a C \\odot \\sigma'(z^{{{last}}})$",
            ha="center", va="top", fontsize=10, color=back)
    for l in range(last - 1, 0, -1):  # BP2: dari lapisan l + 1 ke lapisan l
        x0, x1 = l * gap, (l + 1) * gap
        _arrow(ax, (x1 - 0.35, y_back), (x0 + 0.35, y_back), back, f"mundur-{l}")
        ax.text((x0 + x1) / 2, y_back - 0.15,
                f"BP2: $\\delta^{{{l}}} = ((w^{{{l + 1}}})^{{\\mathsf{{T}}}} \\delta^{{{l + 1}}}) "
                f"\\odot \\sigma'(z^{{{l}}})$", ha="center", va="top", fontsize=10, color=back)
    for y, text, color in ((y_forward, "propagasi\nmaju", forward),
                           (y_back, "propagasi\nbalik", back), (y_grad - 0.35, "gradien", grad)):
        ax.text(-0.6, y, text, ha="right", va="center", fontsize=10, color=color)
    ax.set_xlim(-2.0, x_cost + 0.7)
    ax.set_ylim(y_grad - 1.0, y_forward + 1.9)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title or "Backpropagation: galat δ mengalir mundur dari biaya, lapisan demi "
                 "lapisan", fontsize=12)
    return fig
