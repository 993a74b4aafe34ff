"""Diagram pelatihan dan evaluasi (pelajaran 12–14), dengan label berbahasa Indonesia.

* :func:`plot_history`: kurva pelatihan (fungsi kerugian dan akurasi per epoch);
* :func:`plot_confusion_matrix`: matriks konfusi (*confusion matrix*);
* :func:`plot_class_accuracy`: akurasi setiap kelas;
* :func:`plot_probabilities`: skor keyakinan setiap kelas untuk satu gambar.

Semua fungsi ini juga bisa dipanggil lewat :mod:`saraf.plots` (``plots.plot_history``).
Setiap fungsi mengembalikan objek ``Figure`` matplotlib; di notebook, akhiri sel dengan
``plt.show()``. Angka yang ditulis di dalam gambar memakai koma desimal (``0,74``).
"""

from __future__ import annotations

import numpy as np

from saraf.formatting import fixed, percent
from saraf.validation import as_array, as_names, error
from saraf.widgets.probabilities import BAR_COLOR, BEST_COLOR, TRUE_COLOR, probability_bars

__all__ = ["plot_history", "plot_confusion_matrix", "plot_class_accuracy",
           "plot_probabilities"]


def _set_class_ticks(ax, axis: str, names: list[str], marks=None) -> None:
    """Nama kelas sebagai label sumbu; nama panjang di sumbu x dimiringkan agar terbaca.

    ``marks``: tanda yang ditambahkan di belakang setiap nama (misalnya " ✔").
    """
    labels = [name + mark for name, mark in zip(names, marks or [""] * len(names))]
    if axis == "y":
        ax.set_yticks(range(len(names)), labels)
        return
    long = max(map(len, names)) > 2
    ax.set_xticks(range(len(names)), labels, rotation=45 if long else 0,
                  ha="right" if long else "center")


# ---------------------------------------------------------------------------
# Kurva pelatihan
# ---------------------------------------------------------------------------


def _history_dict(history) -> dict:
    """Riwayat pelatihan Keras (``History``) atau ``dict`` → ``dict`` berisi array angka."""
    data = getattr(history, "history", history)
    if not isinstance(data, dict) or "loss" not in data:
        given = f"dict dengan kunci {sorted(data)}" if isinstance(data, dict) \
            else type(history).__name__
        raise error("history", "hasil `model.fit(...)` (objek History) atau dict berisi daftar "
                    "'loss' (dan 'accuracy', 'val_loss', 'val_accuracy')", given)
    values = {key: as_array(f"history['{key}']", value).astype(float).ravel()
              for key, value in data.items()}
    n = len(values["loss"])
    if n == 0:
        raise error("history", "berisi minimal satu epoch", data, "`history` masih kosong.")
    for key, value in values.items():
        if len(value) != n:
            raise error(f"history['{key}']", f"berisi {n} angka, satu per epoch, seperti "
                        "`history['loss']`", value)
    return values


def plot_history(history, title: str | None = None):
    """Kurva pelatihan: fungsi kerugian dan akurasi per epoch, data latih dan data validasi.

    ``history``: hasil ``model.fit(...)`` atau ``saraf.cnn.train(...)`` (atau
    ``history.history``). Garis putus-putus = data validasi. Celah yang makin lebar antara
    kedua garis adalah tanda *overfitting*.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    data = _history_dict(history)
    epochs = np.arange(1, len(data["loss"]) + 1)
    panels = [("loss", "Fungsi kerugian (loss)", "kerugian")]
    if "accuracy" in data:
        panels.append(("accuracy", "Akurasi", "akurasi"))
    fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels), 3.8), squeeze=False,
                             layout="constrained")
    for ax, (key, panel_title, ylabel) in zip(axes[0], panels):
        ax.plot(epochs, data[key], "o-", color="#1f77b4", label="data latih")
        if "val_" + key in data:
            ax.plot(epochs, data["val_" + key], "s--", color="#ff7f0e", label="data validasi")
        ax.set_title(panel_title)
        ax.set_xlabel("epoch")
        ax.set_ylabel(ylabel)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    return fig


# ---------------------------------------------------------------------------
# Matriks konfusi dan akurasi setiap kelas
# ---------------------------------------------------------------------------


def plot_confusion_matrix(cm, class_names=None, title: str | None = None,
                          normalize: bool = False):
    """Matriks konfusi (*confusion matrix*): baris = label sebenarnya, kolom = prediksi.

    ``cm``: matriks ``(K, K)`` dari ``saraf.cnn.confusion_matrix``. Setiap kotak diberi
    angkanya; ``normalize=True`` menampilkan bagian setiap baris (0–1) alih-alih banyaknya.
    """
    import matplotlib.pyplot as plt

    cm = as_array("cm", cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1] or cm.size == 0:
        raise error("cm", "matriks konfusi persegi (K, K) berisi angka", cm)
    k = cm.shape[0]
    names = as_names("class_names", class_names, k)
    values = cm.astype(float)
    if normalize:
        totals = values.sum(axis=1, keepdims=True)
        values = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
    size = max(4.5, 0.75 * k + 2.5)
    fig, ax = plt.subplots(figsize=(size + 1, size), layout="constrained")
    shown = ax.imshow(values, cmap="Blues", vmin=0)
    fig.colorbar(shown, ax=ax, label="bagian baris" if normalize else "banyak gambar",
                 shrink=0.8)
    top = values.max()
    for (i, j), value in np.ndenumerate(values):
        text = fixed(value) if normalize else f"{int(round(value))}"
        ax.text(j, i, text, ha="center", va="center", fontsize=8 if k > 6 else 10,
                color="white" if value > 0.6 * top else "black")
    _set_class_ticks(ax, "x", names)
    _set_class_ticks(ax, "y", names)
    ax.set_xlabel("prediksi")
    ax.set_ylabel("label sebenarnya")
    ax.set_title(title or "Matriks konfusi")
    return fig


def plot_class_accuracy(accuracy, class_names=None, title: str | None = None):
    """Diagram batang akurasi setiap kelas (0–1), diurutkan dari yang terendah."""
    import matplotlib.pyplot as plt

    accuracy = as_array("accuracy", accuracy).astype(float)
    if accuracy.ndim != 1 or accuracy.size == 0:
        raise error("accuracy", "array 1-D berisi akurasi setiap kelas", accuracy)
    names = as_names("class_names", class_names, accuracy.size)
    order = np.argsort(accuracy, kind="stable")
    fig, ax = plt.subplots(figsize=(6.5, 0.35 * accuracy.size + 1.2), layout="constrained")
    bars = ax.barh(range(accuracy.size), accuracy[order], color="#4c72b0")
    ax.bar_label(bars, labels=[percent(a, 1) for a in accuracy[order]], padding=3,
                 fontsize=8)
    _set_class_ticks(ax, "y", [names[i] for i in order])
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("akurasi")
    ax.set_title(title or "Akurasi setiap kelas")
    return fig


# ---------------------------------------------------------------------------
# Skor keyakinan satu gambar
# ---------------------------------------------------------------------------


def plot_probabilities(probabilities, class_names=None, title: str | None = None, ax=None,
                       *, true_class=None, top_k=None):
    """Diagram batang skor keyakinan setiap kelas; kelas dengan skor tertinggi disorot.

    Isinya sama dengan diagram SVG di widget
    (:func:`saraf.widgets.probabilities.probability_bars`): batang oranye = prediksi,
    persen di atas setiap batang, ✔ pada kelas yang benar (``true_class``), dan
    ``top_k`` untuk hanya menampilkan skor tertinggi. ``ax``: sumbu tempat menggambar
    (bawaan: gambar baru).
    """
    import matplotlib.pyplot as plt

    bars = probability_bars(probabilities, class_names, true_class=true_class, top_k=top_k)
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(4.5, 0.6 * len(bars) + 1), 3.2),
                               layout="constrained")
    drawn = ax.bar(range(len(bars)), [bar.probability for bar in bars],
                   color=[BEST_COLOR if bar.best else BAR_COLOR for bar in bars])
    ax.bar_label(drawn, labels=[bar.text for bar in bars], padding=2, fontsize=7)
    _set_class_ticks(ax, "x", [bar.name for bar in bars],
                     marks=[" ✔" if bar.true else "" for bar in bars])
    for label, bar in zip(ax.get_xticklabels(), bars):
        if bar.true:
            label.set_color(TRUE_COLOR)
    ax.set_ylim(0, 1.12)
    ax.set_xlabel("kelas")
    ax.set_ylabel("skor keyakinan")
    best = next(bar for bar in bars if bar.best)
    ax.set_title(title or f"Prediksi: {best.name} (skor {fixed(best.probability)})")
    return ax.figure
