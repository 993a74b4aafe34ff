"""Gambar untuk pelajaran, dengan judul dan label berbahasa Indonesia.

Setiap fungsi mengembalikan objek ``Figure`` matplotlib sehingga dapat diuji dan
disimpan; di notebook, akhiri sel dengan ``plt.show()``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["show_image", "show_pixel_values", "show_images"]


def _as_image(image, name: str = "image") -> np.ndarray:
    """Memastikan masukan adalah gambar grayscale 2-D (kanal tunggal di akhir dibuang)."""
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[-1] == 1:
        array = array[..., 0]
    if array.ndim != 2:
        raise ValueError(f"`{name}` harus gambar grayscale berbentuk (tinggi, lebar), "
                         f"tetapi yang diberikan berbentuk {array.shape}.")
    if not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"`{name}` harus berisi angka, tetapi bertipe {array.dtype}.")
    return array


def _limits(array: np.ndarray):
    """Rentang warna: 0–255 untuk piksel uint8, 0–1 untuk gambar ternormalisasi."""
    if array.dtype == np.uint8 or array.max(initial=0) > 1:
        return 0, 255
    return 0, 1


def show_image(image, title: str | None = None, ax=None, colorbar: bool = False):
    """Menampilkan satu gambar grayscale (piksel gelap = 0)."""
    import matplotlib.pyplot as plt

    array = _as_image(image)
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
    sebagian gambar saja (angka tetap terbaca).
    """
    import matplotlib.pyplot as plt

    array = _as_image(image)
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
    from matplotlib.ticker import MaxNLocator

    for axis in (ax.xaxis, ax.yaxis):  # nomor baris/kolom selalu bilangan bulat
        axis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("kolom")
    ax.set_ylabel("baris")
    ax.set_title(title or "Nilai setiap piksel")
    return ax.figure


def show_images(images, labels=None, class_names=None, ncols: int = 8, title: str | None = None):
    """Menampilkan beberapa gambar dalam kisi, dengan label di atas setiap gambar."""
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim != 3:
        raise ValueError(f"`images` harus berbentuk (banyak, tinggi, lebar), tetapi yang "
                         f"diberikan berbentuk {images.shape}.")
    if not (np.issubdtype(images.dtype, np.number) or images.dtype == bool):
        raise ValueError(f"`images` harus berisi angka, tetapi bertipe {images.dtype}.")
    n = len(images)
    if labels is not None and len(labels) != n:
        raise ValueError(f"`labels` harus berisi {n} label (satu per gambar), tetapi yang "
                         f"diberikan berisi {len(labels)}.")
    if n == 0:
        raise ValueError("`images` kosong: tidak ada gambar untuk ditampilkan.")
    if labels is not None and class_names is not None:
        bad = [int(v) for v in labels if not 0 <= int(v) < len(class_names)]
        if bad:
            raise ValueError(f"`labels` harus berisi indeks 0 sampai {len(class_names) - 1} "
                             f"untuk `class_names`, tetapi ada label {bad[0]}.")
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.3 * ncols, 1.5 * nrows + 0.4), squeeze=False,
                             layout="constrained")
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i >= n:
            continue
        vmin, vmax = _limits(images[i])
        ax.imshow(images[i], cmap="gray", vmin=vmin, vmax=vmax)
        if labels is not None:
            name = class_names[int(labels[i])] if class_names is not None else str(labels[i])
            ax.set_title(name, fontsize=8)
    if title:
        fig.suptitle(title)
    return fig
