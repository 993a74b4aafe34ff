"""Gambar untuk pelajaran, dengan judul dan label berbahasa Indonesia.

Modul ini menampilkan **gambar** (``show_…``): satu gambar, nilai pikselnya, kisi gambar,
gambar yang salah klasifikasi, kernel (*filter*), dan peta fitur (*feature map*).
**Diagram** pelatihan dan evaluasi (``plot_…``: kurva pelatihan, matriks konfusi, akurasi
setiap kelas, skor keyakinan) ada di :mod:`saraf.charts`, dan diagram arsitektur model di
:mod:`saraf.diagrams`; keduanya bisa dipanggil dari sini juga, misalnya
``plots.plot_history(history)`` atau ``plots.plot_architecture(model)``.

Setiap fungsi mengembalikan objek ``Figure`` matplotlib sehingga dapat diuji dan disimpan;
di notebook, akhiri sel dengan ``plt.show()``. Angka di judul memakai koma desimal.
"""

from __future__ import annotations

import numpy as np

from saraf.charts import (plot_class_accuracy, plot_confusion_matrix, plot_history,
                          plot_probabilities)
from saraf.diagrams import plot_architecture, plot_backprop_flow
from saraf.formatting import fixed, percent
from saraf.validation import as_array, as_gray_image, as_int, as_labels, as_names, error

__all__ = ["show_image", "show_pixel_values", "show_images", "show_misclassified",
           "show_filters", "show_feature_maps",
           # dari saraf.charts dan saraf.diagrams
           "plot_history", "plot_confusion_matrix", "plot_class_accuracy", "plot_probabilities",
           "plot_architecture", "plot_backprop_flow"]


def _limits(array: np.ndarray) -> tuple[int, int]:
    """Rentang warna: 0–255 untuk piksel uint8, 0–1 untuk gambar ternormalisasi."""
    if array.dtype == np.uint8 or array.max(initial=0) > 1:
        return 0, 255
    return 0, 1


def _as_images(name: str, images) -> np.ndarray:
    """Sekumpulan gambar grayscale ``(N, H, W)`` (kanal tunggal di akhir dibuang)."""
    array = as_array(name, images, finite=False)
    if array.ndim == 4 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim != 3:
        raise error(name, "berbentuk (banyak, tinggi, lebar) atau (banyak, tinggi, lebar, 1)",
                    array)
    return array


def _grid(n: int, ncols: int, cell: tuple[float, float], extra: tuple[float, float] = (0, 0.4)):
    """Kisi ``n`` kotak dengan paling banyak ``ncols`` kolom; kotak yang tersisa disembunyikan.

    ``cell``: ukuran satu kotak (inci); ``extra``: tambahan lebar dan tinggi (judul, bilah warna).
    """
    import matplotlib.pyplot as plt

    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, squeeze=False, layout="constrained",
                             figsize=(cell[0] * ncols + extra[0], cell[1] * nrows + extra[1]))
    for ax in axes.flat:
        ax.set_xticks([])
        ax.set_yticks([])
    for ax in axes.flat[n:]:
        ax.axis("off")
    return fig, axes.flat[:n]


# ---------------------------------------------------------------------------
# Satu gambar
# ---------------------------------------------------------------------------


def show_image(image, title: str | None = None, ax=None, colorbar: bool = False):
    """Menampilkan satu gambar grayscale (piksel gelap = 0)."""
    import matplotlib.pyplot as plt

    array = as_gray_image("image", image)
    if ax is None:
        fig, ax = plt.subplots(figsize=(3, 3))
    vmin, vmax = _limits(array)
    shown = ax.imshow(array, cmap="gray", vmin=vmin, vmax=vmax)
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    if colorbar:
        ax.figure.colorbar(shown, ax=ax, label="nilai piksel")
    return ax.figure


def show_pixel_values(image, title: str | None = None, ax=None, region=None):
    """Menampilkan gambar beserta angka setiap pikselnya.

    ``region`` = ``(baris_awal, baris_akhir, kolom_awal, kolom_akhir)`` untuk memperbesar
    sebagian gambar saja (angka tetap terbaca). Angkanya ditulis seperti yang dicetak Python
    (titik desimal), karena itulah nilai di dalam array.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    array = as_gray_image("image", image)
    r0, r1, c0, c1 = region if region is not None else (0, array.shape[0], 0, array.shape[1])
    part = array[r0:r1, c0:c1]
    if ax is None:
        size = max(4.0, 0.3 * max(part.shape))
        fig, ax = plt.subplots(figsize=(size, size))
    vmin, vmax = _limits(array)
    ax.imshow(part, cmap="gray", vmin=vmin, vmax=vmax,
              extent=(c0 - 0.5, c1 - 0.5, r1 - 0.5, r0 - 0.5))
    middle = (vmin + vmax) / 2
    fontsize = 6 if max(part.shape) > 20 else 8
    for (r, c), value in np.ndenumerate(part):
        text = f"{value:g}" if np.issubdtype(part.dtype, np.floating) else str(value)
        ax.text(c + c0, r + r0, text, ha="center", va="center", fontsize=fontsize,
                color="black" if value > middle else "white")
    for axis in (ax.xaxis, ax.yaxis):  # nomor baris/kolom selalu bilangan bulat
        axis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("kolom")
    ax.set_ylabel("baris")
    ax.set_title(title or "Nilai setiap piksel")
    return ax.figure


# ---------------------------------------------------------------------------
# Kisi gambar
# ---------------------------------------------------------------------------


def show_images(images, labels=None, class_names=None, ncols: int = 8, title: str | None = None):
    """Menampilkan beberapa gambar dalam kisi, dengan label di atas setiap gambar.

    ``class_names``: nama untuk setiap label bilangan bulat (misalnya nama kelas
    Fashion-MNIST); tanpa itu, labelnya ditulis apa adanya.
    """
    images = _as_images("images", images)
    n = len(images)
    if n == 0:
        raise error("images", "berisi minimal satu gambar", images)
    if labels is not None and len(labels) != n:
        raise error("labels", f"berisi {n} label (satu per gambar)", labels)
    names = None
    if labels is not None and class_names is not None:
        labels = as_labels("labels", labels, n)
        if labels.max() >= len(class_names):
            raise error("labels", f"berisi indeks 0 sampai {len(class_names) - 1} untuk "
                        "`class_names`", labels, f"Ada label {labels.max()}.")
        names = [str(class_names[label]) for label in labels]
    elif labels is not None:
        names = [str(label) for label in labels]
    fig, axes = _grid(n, ncols, cell=(1.3, 1.5))
    for i, ax in enumerate(axes):
        ax.axis("off")
        vmin, vmax = _limits(images[i])
        ax.imshow(images[i], cmap="gray", vmin=vmin, vmax=vmax)
        if names is not None:
            ax.set_title(names[i], fontsize=8)
    if title:
        fig.suptitle(title)
    return fig


def show_misclassified(images, y_true, probabilities, class_names=None, max_images: int = 16,
                       ncols: int = 8, title: str | None = None):
    """Kisi gambar yang salah klasifikasi, dari yang paling yakin salah.

    ``probabilities``: keluaran model ``(N, K)``; prediksi = argmax setiap baris. Judul setiap
    gambar: label sebenarnya, prediksi, dan skor keyakinan prediksi itu.
    Mengembalikan ``Figure``; bila tidak ada yang salah, gambarnya berisi kalimat itu saja.
    """
    import matplotlib.pyplot as plt

    images = _as_images("images", images)
    n = len(images)
    y_true = as_labels("y_true", y_true, n)
    probs = as_array("probabilities", probabilities).astype(float)
    if probs.ndim != 2 or probs.shape[0] != n:
        raise error("probabilities", f"berbentuk ({n}, K): satu baris skor per gambar", probs)
    max_images = as_int("max_images", max_images, 1)
    names = as_names("class_names", class_names, probs.shape[1])
    if n and y_true.max() >= len(names):
        raise error("y_true", f"berisi label 0 sampai {len(names) - 1}", y_true)
    predicted = probs.argmax(axis=1)
    confidence = probs.max(axis=1)
    wrong = np.flatnonzero(predicted != y_true)
    wrong = wrong[np.argsort(-confidence[wrong], kind="stable")][:max_images]
    if len(wrong) == 0:
        fig, ax = plt.subplots(figsize=(5, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "Tidak ada salah klasifikasi.", ha="center", va="center")
        if title:
            ax.set_title(title)
        return fig
    fig, axes = _grid(len(wrong), ncols, cell=(1.6, 2.0))
    for ax, i in zip(axes, wrong):
        ax.axis("off")
        vmin, vmax = _limits(images[i])
        ax.imshow(images[i], cmap="gray", vmin=vmin, vmax=vmax)
        ax.set_title(f"benar: {names[y_true[i]]}\nprediksi: {names[predicted[i]]}\n"
                     f"({percent(confidence[i], 0)})", fontsize=7, color="#b00020")
    fig.suptitle(title or "Salah klasifikasi (dari yang paling yakin)")
    return fig


# ---------------------------------------------------------------------------
# Pelajaran 13–14: kernel dan peta fitur
# ---------------------------------------------------------------------------


def show_filters(kernels, ncols: int = 8, title: str | None = None):
    """Kernel (*filter*) lapisan konvolusi pertama sebagai gambar kecil.

    ``kernels``: bobot ``Conv2D`` berbentuk ``(kh, kw, 1, n)`` (HWIO, satu kanal masukan)
    atau ``(kh, kw, n)``. Semua kernel memakai skala warna yang sama, simetris di sekitar
    0: merah = bobot positif, biru = bobot negatif, putih = 0.
    """
    kernels = as_array("kernels", kernels)
    if kernels.ndim == 4 and kernels.shape[2] == 1:
        kernels = kernels[:, :, 0, :]
    if kernels.ndim != 3 or kernels.shape[-1] == 0:
        raise error("kernels", "bobot Conv2D berbentuk (kh, kw, 1, n) atau (kh, kw, n)",
                    kernels)
    n = kernels.shape[-1]
    limit = float(np.abs(kernels).max()) or 1.0
    fig, axes = _grid(n, ncols, cell=(1.2, 1.3), extra=(1.2, 0.5))
    for i, ax in enumerate(axes):
        shown = ax.imshow(kernels[:, :, i], cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_title(f"filter {i}", fontsize=8)
    fig.colorbar(shown, ax=fig.axes, label="bobot", shrink=0.8)
    fig.suptitle(title or f"{n} kernel {kernels.shape[0]} × {kernels.shape[1]}")
    return fig


def show_feature_maps(maps, max_maps: int = 16, ncols: int = 8, title: str | None = None):
    """Peta fitur (*feature map*) satu gambar: satu kotak per kanal.

    ``maps``: keluaran satu lapisan berbentuk ``(1, H, W, C)`` atau ``(H, W, C)``. Setiap peta
    memakai skala warnanya sendiri (gelap = kecil, terang = besar); judulnya menyebut nomor
    kanal dan nilai terbesarnya. Peta yang seluruhnya sama (misalnya semua 0, tidak aktif
    sama sekali) ditandai.
    """
    maps = as_array("maps", maps)
    if maps.ndim == 4 and maps.shape[0] == 1:
        maps = maps[0]
    if maps.ndim != 3 or maps.shape[-1] == 0:
        raise error("maps", "keluaran satu lapisan untuk satu gambar, berbentuk (1, H, W, C) "
                    "atau (H, W, C)", maps)
    n = min(maps.shape[-1], as_int("max_maps", max_maps, 1))
    fig, axes = _grid(n, ncols, cell=(1.4, 1.5), extra=(0, 0.5))
    for i, ax in enumerate(axes):
        channel = maps[:, :, i]
        top, low = float(channel.max()), float(channel.min())
        ax.imshow(channel, cmap="viridis", vmin=low, vmax=top if top > low else low + 1)
        label = f"maks {fixed(top)}" if top > low else f"(semua {fixed(top, 0)})"
        ax.set_title(f"kanal {i}\n{label}", fontsize=7)
    shape = "×".join(str(s) for s in maps.shape)
    fig.suptitle(title or f"Peta fitur {shape} ({n} dari {maps.shape[-1]} kanal)")
    return fig
