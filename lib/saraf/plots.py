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


# ---------------------------------------------------------------------------
# Pelajaran 08–10: kurva pelatihan, matriks konfusi, salah klasifikasi, filter, peta fitur
# ---------------------------------------------------------------------------

__all__ += [
    "plot_history",
    "plot_confusion_matrix",
    "plot_class_accuracy",
    "plot_probabilities",
    "show_misclassified",
    "show_filters",
    "show_feature_maps",
]


def _comma(value: float, digits: int = 2) -> str:
    """Angka untuk dibaca di gambar: koma desimal, seperti di teks pelajaran."""
    return f"{value:.{digits}f}".replace(".", ",")


def _class_names(class_names, k: int, name: str = "class_names") -> list[str]:
    """Nama kelas sebagai daftar teks; bawaannya "0", "1", …"""
    if class_names is None:
        return [str(i) for i in range(k)]
    names = [str(n) for n in class_names]
    if len(names) != k:
        raise ValueError(f"`{name}` harus berisi {k} nama kelas, tetapi yang diberikan berisi "
                         f"{len(names)}.")
    return names


def _history_dict(history) -> dict:
    """Riwayat pelatihan Keras (``History``) atau ``dict`` → ``dict`` berisi daftar angka."""
    data = getattr(history, "history", history)
    if not isinstance(data, dict) or "loss" not in data:
        raise ValueError("`history` harus hasil `model.fit(...)` (objek History) atau dict "
                         "berisi daftar 'loss' (dan 'accuracy', 'val_loss', 'val_accuracy'), "
                         f"tetapi yang diberikan: {type(history).__name__}"
                         + (f" dengan kunci {sorted(data)}" if isinstance(data, dict) else "")
                         + ".")
    values = {key: np.asarray(value, dtype=float).ravel() for key, value in data.items()}
    n = len(values["loss"])
    if n == 0:
        raise ValueError("`history` kosong: belum ada satu epoch pun.")
    for key, value in values.items():
        if len(value) != n:
            raise ValueError(f"`history['{key}']` berisi {len(value)} angka, padahal "
                             f"`history['loss']` berisi {n} (satu angka per epoch).")
    return values


def plot_history(history, title: str | None = None):
    """Kurva pelatihan: fungsi kerugian dan akurasi per epoch, data latih vs data validasi.

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


def plot_confusion_matrix(cm, class_names=None, title: str | None = None,
                          normalize: bool = False):
    """Matriks konfusi (*confusion matrix*): baris = label sebenarnya, kolom = prediksi.

    ``cm``: matriks ``(K, K)`` dari ``saraf.cnn.confusion_matrix``. Setiap kotak diberi
    angkanya; ``normalize=True`` menampilkan bagian setiap baris (0–1) alih-alih banyaknya.
    """
    import matplotlib.pyplot as plt

    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1] or cm.size == 0 \
            or cm.dtype.kind not in "iuf":
        raise ValueError(f"`cm` harus matriks konfusi persegi (K, K) berisi angka, tetapi "
                         f"yang diberikan berbentuk {cm.shape} bertipe {cm.dtype}.")
    k = cm.shape[0]
    names = _class_names(class_names, k)
    values = cm.astype(float)
    if normalize:
        totals = values.sum(axis=1, keepdims=True)
        values = np.divide(values, totals, out=np.zeros_like(values), where=totals > 0)
    size = max(4.5, 0.75 * k + 2.5)
    fig, ax = plt.subplots(figsize=(size + 1, size), layout="constrained")
    shown = ax.imshow(values, cmap="Blues", vmin=0)
    fig.colorbar(shown, ax=ax, label="bagian baris" if normalize else "banyak gambar",
                 shrink=0.8)
    top = values.max() if values.size else 0
    for (i, j), value in np.ndenumerate(values):
        text = _comma(value) if normalize else f"{int(round(value))}"
        ax.text(j, i, text, ha="center", va="center", fontsize=8 if k > 6 else 10,
                color="white" if value > 0.6 * top else "black")
    ax.set_xticks(range(k), names, rotation=45 if max(map(len, names)) > 2 else 0,
                  ha="right" if max(map(len, names)) > 2 else "center")
    ax.set_yticks(range(k), names)
    ax.set_xlabel("prediksi")
    ax.set_ylabel("label sebenarnya")
    ax.set_title(title or "Matriks konfusi")
    return fig


def plot_class_accuracy(accuracy, class_names=None, title: str | None = None):
    """Diagram batang akurasi setiap kelas (0–1), diurutkan dari yang terendah."""
    import matplotlib.pyplot as plt

    accuracy = np.asarray(accuracy, dtype=float)
    if accuracy.ndim != 1 or accuracy.size == 0:
        raise ValueError(f"`accuracy` harus array 1-D berisi akurasi setiap kelas, tetapi "
                         f"yang diberikan berbentuk {accuracy.shape}.")
    names = _class_names(class_names, accuracy.size)
    order = np.argsort(accuracy, kind="stable")
    fig, ax = plt.subplots(figsize=(6.5, 0.35 * accuracy.size + 1.2), layout="constrained")
    bars = ax.barh(range(accuracy.size), accuracy[order], color="#4c72b0")
    ax.bar_label(bars, labels=[_comma(100 * a, 1) + "%" for a in accuracy[order]],
                 padding=3, fontsize=8)
    ax.set_yticks(range(accuracy.size), [names[i] for i in order])
    ax.set_xlim(0, 1.1)
    ax.set_xlabel("akurasi")
    ax.set_title(title or "Akurasi setiap kelas")
    return fig


def plot_probabilities(probabilities, class_names=None, title: str | None = None, ax=None):
    """Diagram batang skor keyakinan setiap kelas; kelas dengan skor tertinggi disorot."""
    import matplotlib.pyplot as plt

    probs = np.asarray(probabilities, dtype=float)
    if probs.ndim == 2 and probs.shape[0] == 1:
        probs = probs[0]
    if probs.ndim != 1 or probs.size < 2:
        raise ValueError(f"`probabilities` harus vektor (K,) atau (1, K) berisi skor setiap "
                         f"kelas, tetapi yang diberikan berbentuk {probs.shape}.")
    names = _class_names(class_names, probs.size)
    if ax is None:
        fig, ax = plt.subplots(figsize=(max(4.5, 0.6 * probs.size + 1), 3.2),
                               layout="constrained")
    best = int(np.argmax(probs))
    colors = ["#ff7f0e" if i == best else "#9fb7d6" for i in range(probs.size)]
    ax.bar(range(probs.size), probs, color=colors)
    ax.set_xticks(range(probs.size), names, rotation=45 if max(map(len, names)) > 2 else 0,
                  ha="right" if max(map(len, names)) > 2 else "center")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("kelas")
    ax.set_ylabel("skor keyakinan")
    ax.set_title(title or f"Prediksi: {names[best]} (skor {_comma(probs[best])})")
    return ax.figure


def show_misclassified(images, y_true, probabilities, class_names=None, max_images: int = 16,
                       ncols: int = 8, title: str | None = None):
    """Kisi gambar yang salah klasifikasi, dari yang paling yakin salah.

    ``probabilities``: keluaran model ``(N, K)``; prediksi = argmax setiap baris. Judul setiap
    gambar: label sebenarnya, prediksi, dan skor keyakinan prediksi itu.
    Mengembalikan ``Figure``; bila tidak ada yang salah, gambarnya berisi kalimat itu saja.
    """
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim != 3:
        raise ValueError(f"`images` harus berbentuk (banyak, tinggi, lebar), tetapi yang "
                         f"diberikan berbentuk {images.shape}.")
    y_true = np.asarray(y_true)
    probs = np.asarray(probabilities, dtype=float)
    n = len(images)
    if y_true.shape != (n,):
        raise ValueError(f"`y_true` harus berisi {n} label (satu per gambar), tetapi yang "
                         f"diberikan berbentuk {y_true.shape}.")
    if probs.ndim != 2 or probs.shape[0] != n:
        raise ValueError(f"`probabilities` harus berbentuk ({n}, K): satu baris skor per "
                         f"gambar, tetapi yang diberikan berbentuk {probs.shape}.")
    if not isinstance(max_images, (int, np.integer)) or max_images < 1:
        raise ValueError(f"`max_images` harus bilangan bulat ≥ 1, tetapi yang diberikan: "
                         f"{max_images!r}.")
    names = _class_names(class_names, probs.shape[1])
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
    ncols = max(1, min(ncols, len(wrong)))
    nrows = int(np.ceil(len(wrong) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.6 * ncols, 2.0 * nrows + 0.4),
                             squeeze=False, layout="constrained")
    for ax in axes.flat:
        ax.axis("off")
    for ax, i in zip(axes.flat, wrong):
        vmin, vmax = _limits(images[i])
        ax.imshow(images[i], cmap="gray", vmin=vmin, vmax=vmax)
        ax.set_title(f"benar: {names[int(y_true[i])]}\nprediksi: {names[predicted[i]]}\n"
                     f"({100 * confidence[i]:.0f}%)", fontsize=7, color="#b00020")
    fig.suptitle(title or "Salah klasifikasi (dari yang paling yakin)")
    return fig


def show_filters(kernels, ncols: int = 8, title: str | None = None):
    """Kernel (*filter*) lapisan konvolusi pertama sebagai gambar kecil.

    ``kernels``: bobot ``Conv2D`` berbentuk ``(kh, kw, 1, n)`` (HWIO, satu kanal masukan)
    atau ``(kh, kw, n)``. Semua kernel memakai skala warna yang sama, simetris di sekitar
    0: merah = bobot positif, biru = bobot negatif, putih = 0.
    """
    import matplotlib.pyplot as plt

    kernels = np.asarray(kernels)
    if kernels.ndim == 4 and kernels.shape[2] == 1:
        kernels = kernels[:, :, 0, :]
    if kernels.ndim != 3 or kernels.dtype.kind not in "iuf" or kernels.shape[-1] == 0:
        raise ValueError(f"`kernels` harus bobot Conv2D berbentuk (kh, kw, 1, n) atau "
                         f"(kh, kw, n), tetapi yang diberikan berbentuk {kernels.shape}.")
    n = kernels.shape[-1]
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    limit = float(np.abs(kernels).max()) or 1.0
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.2 * ncols + 1.2, 1.3 * nrows + 0.5),
                             squeeze=False, layout="constrained")
    shown = None
    for i, ax in enumerate(axes.flat):
        ax.set_xticks([])
        ax.set_yticks([])
        if i >= n:
            ax.axis("off")
            continue
        shown = ax.imshow(kernels[:, :, i], cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_title(f"filter {i}", fontsize=8)
    fig.colorbar(shown, ax=axes, label="bobot", shrink=0.8)
    fig.suptitle(title or f"{n} kernel {kernels.shape[0]} × {kernels.shape[1]}")
    return fig


def show_feature_maps(maps, max_maps: int = 16, ncols: int = 8, title: str | None = None):
    """Peta fitur (*feature map*) satu gambar: satu kotak per kanal.

    ``maps``: keluaran satu lapisan berbentuk ``(1, H, W, C)`` atau ``(H, W, C)``. Setiap peta
    memakai skala warnanya sendiri (gelap = kecil, terang = besar); judulnya menyebut nomor
    kanal dan nilai terbesarnya. Peta yang seluruhnya 0 (tidak aktif sama sekali) ditandai.
    """
    import matplotlib.pyplot as plt

    maps = np.asarray(maps)
    if maps.ndim == 4 and maps.shape[0] == 1:
        maps = maps[0]
    if maps.ndim != 3 or maps.dtype.kind not in "iuf" or maps.shape[-1] == 0:
        raise ValueError(f"`maps` harus keluaran satu lapisan untuk satu gambar, berbentuk "
                         f"(1, H, W, C) atau (H, W, C), tetapi yang diberikan berbentuk "
                         f"{maps.shape}.")
    if not isinstance(max_maps, (int, np.integer)) or max_maps < 1:
        raise ValueError(f"`max_maps` harus bilangan bulat ≥ 1, tetapi yang diberikan: "
                         f"{max_maps!r}.")
    n = min(maps.shape[-1], int(max_maps))
    ncols = max(1, min(ncols, n))
    nrows = int(np.ceil(n / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.4 * ncols, 1.5 * nrows + 0.5),
                             squeeze=False, layout="constrained")
    for i, ax in enumerate(axes.flat):
        ax.set_xticks([])
        ax.set_yticks([])
        if i >= n:
            ax.axis("off")
            continue
        channel = maps[:, :, i]
        top = float(channel.max())
        low = float(channel.min())
        ax.imshow(channel, cmap="viridis", vmin=low, vmax=top if top > low else low + 1)
        label = (f"kanal {i}\nmaks {_comma(top)}" if top > low
                 else f"kanal {i}\n(semua {_comma(top, 0)})")
        ax.set_title(label, fontsize=7)
    shape = "×".join(str(s) for s in maps.shape)
    fig.suptitle(title or f"Peta fitur {shape} ({n} dari {maps.shape[-1]} kanal)")
    return fig
