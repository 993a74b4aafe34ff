"""Operasi dasar jaringan saraf konvolusional (CNN), ditulis hanya dengan NumPy.

Modul ini berisi versi "buka kap mesin" dari operasi yang biasanya Anda
panggil lewat TensorFlow/Keras:

* ``output_size`` dan ``same_padding`` -- rumus ukuran peta fitur keluaran;
* ``pad2d`` -- menambahkan padding di sekeliling gambar;
* ``conv2d_naive`` -- konvolusi dengan dua perulangan yang mudah dibaca
  (kernel juga disebut *filter*);
* ``conv2d`` -- konvolusi cepat (tervektorisasi) yang hasilnya sama dengan
  ``tf.nn.conv2d``;
* ``max_pool2d`` dan ``avg_pool2d`` -- max pooling dan average pooling;
* ``relu``, ``sigmoid``, ``softmax`` -- fungsi aktivasi;
* ``cross_entropy`` -- fungsi kerugian untuk klasifikasi.

Konvensi bentuk (*shape*) mengikuti TensorFlow:

* gambar tunggal: ``(H, W)`` -- tinggi, lebar;
* batch: ``(N, H, W, C)`` (NHWC) -- jumlah gambar, tinggi, lebar, kanal;
* kernel untuk batch: ``(kh, kw, C_in, C_out)`` (HWIO).

Setiap fungsi memeriksa masukannya. Jika ada yang salah, Anda mendapat
``ValueError`` atau ``TypeError`` dengan pesan berbahasa Indonesia yang
menyebut nama parameter, apa yang diharapkan, dan apa yang Anda berikan.
"""

import numbers

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

__all__ = [
    "output_size",
    "same_padding",
    "pad2d",
    "conv2d_naive",
    "conv2d",
    "max_pool2d",
    "avg_pool2d",
    "relu",
    "sigmoid",
    "softmax",
    "cross_entropy",
]


# ---------------------------------------------------------------------------
# Pembantu privat: pemeriksaan masukan (satu tempat untuk setiap aturan)
# ---------------------------------------------------------------------------


def _describe(value):
    """Ringkasan singkat sebuah nilai untuk pesan kesalahan."""
    if isinstance(value, np.ndarray):
        return f"array dengan bentuk {value.shape} dan dtype {value.dtype}"
    return repr(value)


def _message(name, expected, given, hint=""):
    """Pesan kesalahan baku: nama parameter, harapan, dan nilai yang diberikan."""
    text = f"`{name}` harus {expected}, tetapi yang diberikan: {_describe(given)}."
    return f"{text} {hint}" if hint else text


def _is_real_number(value):
    """True jika `value` bilangan real tunggal (bukan bool, bukan teks)."""
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def _as_int(name, value, minimum):
    """Pastikan `value` bilangan bulat >= `minimum`, lalu kembalikan sebagai int."""
    expected = f"bilangan bulat ≥ {minimum}"
    if not _is_real_number(value):
        raise TypeError(_message(name, expected, value))
    if not isinstance(value, numbers.Integral) or value < minimum:
        raise ValueError(_message(name, expected, value))
    return int(value)


def _as_pair(name, value, minimum):
    """Ubah int atau pasangan (tinggi, lebar) menjadi tuple dua int."""
    if isinstance(value, (tuple, list, np.ndarray)):
        if len(value) != 2:
            raise ValueError(_message(
                name, f"bilangan bulat ≥ {minimum} atau pasangan (tinggi, lebar)", value))
        return (_as_int(f"{name}[0]", value[0], minimum),
                _as_int(f"{name}[1]", value[1], minimum))
    value = _as_int(name, value, minimum)
    return value, value


def _as_array(name, x, finite=True):
    """Ubah `x` menjadi array NumPy berisi bilangan real (opsional: tanpa NaN/inf)."""
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError):
        raise ValueError(_message(
            name, "array bilangan dengan bentuk teratur (setiap baris sama panjang)",
            type(x).__name__)) from None
    if arr.dtype.kind not in "biuf":
        raise TypeError(_message(
            name, "array berisi bilangan real (int atau float)", arr,
            "Teks, objek, dan bilangan kompleks tidak didukung."))
    if finite and arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(_message(
            name, "hanya berisi bilangan berhingga (tanpa NaN atau inf)", arr,
            "Periksa data Anda, misalnya dengan np.isnan(...).any()."))
    return arr


def _float_dtype(*arrays):
    """dtype perhitungan: float32 tetap float32; bilangan bulat dihitung sebagai float.

    uint8/int8/int16 dan float16 menjadi float32; int32/int64 menjadi float64.
    Dengan begitu piksel uint8 tidak pernah meluap (*overflow*).
    """
    return np.result_type(*(a.dtype for a in arrays), np.float32)


def _to_batch(name, x):
    """Ubah (H, W) menjadi (1, H, W, 1); NHWC dibiarkan. Kembalikan juga penanda 2-D."""
    if x.ndim == 2:
        return x[np.newaxis, :, :, np.newaxis], True
    if x.ndim == 4:
        return x, False
    raise ValueError(_message(
        name, "array 2-D (H, W) atau 4-D (N, H, W, C)", x,
        "Untuk satu gambar berwarna (H, W, C), tambahkan dimensi batch: "
        "x[np.newaxis]."))


def _output_length(n, k, s, pad_total, d, name="kernel"):
    """Panjang keluaran pada satu sumbu: floor((n + pad_total - d(k-1) - 1) / s) + 1."""
    effective = d * (k - 1) + 1
    padded = n + pad_total
    if padded < effective:
        raise ValueError(
            f"`{name}` terlalu besar: ukuran efektifnya {effective} "
            f"(= dilasi·(ukuran−1)+1 = {d}·({k}−1)+1) harus ≤ ukuran masukan yang "
            f"sudah di-padding, tetapi yang diberikan: masukan {n} + padding "
            f"{pad_total} = {padded}. Perkecil kernel atau tambah padding.")
    return (padded - effective) // s + 1


def _explicit_padding(padding):
    """Ubah padding eksplisit menjadi ((atas, bawah), (kiri, kanan)).

    Bentuk yang diterima: int p; (ph, pw); (atas, bawah, kiri, kanan);
    ((atas, bawah), (kiri, kanan)). Semua nilai harus bilangan bulat ≥ 0.
    """
    expected = ("bilangan bulat ≥ 0, pasangan (ph, pw), 4-tuple (atas, bawah, "
                "kiri, kanan), atau ((atas, bawah), (kiri, kanan))")
    if isinstance(padding, (tuple, list)):
        if len(padding) == 4:
            t, b, left, r = (_as_int("padding", p, 0) for p in padding)
            return (t, b), (left, r)
        if len(padding) == 2:
            pad_h, pad_w = padding
            if isinstance(pad_h, (tuple, list)) and isinstance(pad_w, (tuple, list)):
                if len(pad_h) == 2 and len(pad_w) == 2:
                    return (tuple(_as_int("padding", p, 0) for p in pad_h),
                            tuple(_as_int("padding", p, 0) for p in pad_w))
            elif not isinstance(pad_h, (tuple, list)) and not isinstance(pad_w, (tuple, list)):
                ph, pw = _as_int("padding", pad_h, 0), _as_int("padding", pad_w, 0)
                return (ph, ph), (pw, pw)
        raise ValueError(_message("padding", expected, padding))
    if isinstance(padding, str):
        raise ValueError(_message(
            "padding", expected, padding,
            "Teks 'valid'/'same' hanya diterima oleh conv2d dan fungsi pooling."))
    p = _as_int("padding", padding, 0)
    return (p, p), (p, p)


def _resolve_padding(padding, in_hw, k_hw, stride, dilation):
    """Ubah padding apa pun ('valid', 'same', atau eksplisit) menjadi ((t, b), (l, r))."""
    if isinstance(padding, str):
        mode = padding.lower()
        if mode == "valid":
            return (0, 0), (0, 0)
        if mode == "same":
            return tuple(same_padding(n, k, s, d)
                         for n, k, s, d in zip(in_hw, k_hw, stride, dilation))
        raise ValueError(_message(
            "padding", "'valid', 'same', atau bilangan bulat ≥ 0", padding))
    return _explicit_padding(padding)


def _pool_padding(padding):
    """Pooling hanya menerima 'valid' atau 'same' (seperti tf.nn.max_pool2d)."""
    if not (isinstance(padding, str) and padding.lower() in ("valid", "same")):
        raise ValueError(_message("padding", "'valid' atau 'same'", padding))
    return padding.lower()


# ---------------------------------------------------------------------------
# Rumus ukuran dan padding
# ---------------------------------------------------------------------------


def output_size(n, kernel, stride=1, padding=0, dilation=1):
    """Hitung ukuran keluaran konvolusi/pooling pada satu sumbu.

    Rumusnya::

        keluaran = floor((n + 2·padding − dilasi·(kernel − 1) − 1) / stride) + 1

    Contoh: gambar 28 piksel, kernel 3, stride 2, padding 1 → 14.

    Parameter
    ---------
    n : int
        Ukuran masukan (tinggi atau lebar), ≥ 1.
    kernel : int
        Ukuran kernel, ≥ 1.
    stride : int
        Besar langkah kernel, ≥ 1.
    padding : int
        Banyak piksel yang ditambahkan di *setiap* sisi, ≥ 0.
    dilation : int
        Dilasi: jarak antar-elemen kernel, ≥ 1 (1 berarti kernel biasa).

    Galat
    -----
    ValueError
        Jika kernel (setelah dilasi) lebih besar dari masukan yang sudah
        di-padding, sehingga tidak ada satu pun posisi keluaran.
    """
    n = _as_int("n", n, 1)
    kernel = _as_int("kernel", kernel, 1)
    stride = _as_int("stride", stride, 1)
    padding = _as_int("padding", padding, 0)
    dilation = _as_int("dilation", dilation, 1)
    return _output_length(n, kernel, stride, 2 * padding, dilation)


def same_padding(n, kernel, stride=1, dilation=1):
    """Padding (sebelum, sesudah) untuk mode "same" persis seperti TensorFlow.

    Dengan "same", ukuran keluaran = ceil(n / stride). Padding total yang
    diperlukan dibagi dua; jika ganjil, kelebihan satu piksel diletakkan di
    bawah/kanan. Karena itu, dengan stride 2 padding bisa tidak simetris,
    misalnya ``same_padding(28, 3, stride=2) == (0, 1)``.
    """
    n = _as_int("n", n, 1)
    kernel = _as_int("kernel", kernel, 1)
    stride = _as_int("stride", stride, 1)
    dilation = _as_int("dilation", dilation, 1)
    out = -(-n // stride)  # ceil(n / stride) tanpa float
    effective = dilation * (kernel - 1) + 1
    total = max((out - 1) * stride + effective - n, 0)
    return total // 2, total - total // 2


def pad2d(x, padding, value=0):
    """Tambahkan padding di sekeliling gambar (hanya sumbu tinggi dan lebar).

    Parameter
    ---------
    x : array 2-D (H, W) atau 4-D (N, H, W, C)
    padding : int, (ph, pw), (atas, bawah, kiri, kanan), atau ((atas, bawah), (kiri, kanan))
    value : bilangan
        Nilai pengisi (0 untuk konvolusi, −inf untuk max pooling).

    Jika ``value`` tidak muat di dtype bilangan bulat ``x`` (misalnya −inf
    atau 0,5 untuk gambar uint8), hasilnya otomatis menjadi float64.
    """
    x = _as_array("x", x, finite=False)
    if x.ndim not in (2, 4):
        raise ValueError(_message("x", "array 2-D (H, W) atau 4-D (N, H, W, C)", x))
    if not _is_real_number(value):
        raise TypeError(_message("value", "sebuah bilangan real", value))
    pad_h, pad_w = _explicit_padding(padding)
    if x.dtype.kind == "b":
        x = x.astype(np.uint8)
    if x.dtype.kind in "iu":
        info = np.iinfo(x.dtype)
        if not (float(value).is_integer() and info.min <= value <= info.max):
            x = x.astype(np.float64)
    widths = [pad_h, pad_w] if x.ndim == 2 else [(0, 0), pad_h, pad_w, (0, 0)]
    return np.pad(x, widths, mode="constant", constant_values=value)


# ---------------------------------------------------------------------------
# Konvolusi
# ---------------------------------------------------------------------------


def conv2d_naive(image, kernel, stride=1, padding=0):
    """Konvolusi 2-D dengan dua perulangan -- versi paling mudah dibaca.

    Untuk setiap posisi keluaran (i, j), ambil potongan gambar seukuran
    kernel lalu hitung perkalian titik (*dot product*) antara potongan itu
    dan kernel. Kernel **tidak dibalik**: secara matematis ini adalah
    korelasi silang (*cross-correlation*), persis seperti yang dilakukan
    lapisan Conv2D di Keras dan ``tf.nn.conv2d``.

    Parameter
    ---------
    image : array 2-D (H, W)
    kernel : array 2-D (kh, kw)
    stride : int ≥ 1
    padding : int ≥ 0 (padding nol yang sama di setiap sisi)

    Fungsi ini lambat; gunakan :func:`conv2d` untuk data sungguhan.
    """
    image = _as_array("image", image)
    kernel = _as_array("kernel", kernel)
    if image.ndim != 2:
        raise ValueError(_message("image", "array 2-D (H, W)", image))
    if kernel.ndim != 2:
        raise ValueError(_message("kernel", "array 2-D (kh, kw)", kernel))
    if 0 in image.shape or 0 in kernel.shape:
        raise ValueError(_message("image/kernel", "tidak kosong", (image.shape, kernel.shape)))
    stride = _as_int("stride", stride, 1)
    padding = _as_int("padding", padding, 0)

    dtype = _float_dtype(image, kernel)
    x = pad2d(image.astype(dtype), padding)
    k = kernel.astype(dtype)
    kh, kw = k.shape
    out_h = output_size(image.shape[0], kh, stride, padding)
    out_w = output_size(image.shape[1], kw, stride, padding)

    out = np.zeros((out_h, out_w), dtype=dtype)
    for i in range(out_h):
        for j in range(out_w):
            top, left = i * stride, j * stride
            patch = x[top:top + kh, left:left + kw]  # potongan seukuran kernel
            out[i, j] = np.sum(patch * k)            # perkalian titik
    return out


def conv2d(x, kernel, stride=1, padding=0, dilation=1):
    """Konvolusi 2-D cepat (tervektorisasi), setara dengan ``tf.nn.conv2d``.

    Dua cara pakai:

    * gambar 2-D ``(H, W)`` dengan kernel 2-D ``(kh, kw)`` → hasil 2-D;
    * batch NHWC ``(N, H, W, C_in)`` dengan kernel HWIO
      ``(kh, kw, C_in, C_out)`` → hasil NHWC ``(N, H_out, W_out, C_out)``.

    Seperti lapisan CNN, kernel tidak dibalik (korelasi silang).

    Parameter
    ---------
    stride : int atau (sh, sw)
    padding : int, tuple (lihat :func:`pad2d`), "valid", atau "same"
        "same" mengikuti TensorFlow persis (lihat :func:`same_padding`).
    dilation : int atau (dh, dw)
        Dilasi: jarak antar-elemen kernel.

    Cara kerjanya (im2col): setiap potongan masukan seukuran kernel
    diratakan menjadi satu baris matriks, sehingga seluruh konvolusi menjadi
    *satu* perkalian matriks ``(N·H_out·W_out, kh·kw·C_in) @ (kh·kw·C_in, C_out)``.
    Masukan float32 menghasilkan float32; masukan bilangan bulat (mis. uint8)
    dihitung sebagai float sehingga tidak meluap.
    """
    x = _as_array("x", x)
    kernel = _as_array("kernel", kernel)
    if x.ndim == 2 and kernel.ndim == 2:
        out = conv2d(x[np.newaxis, :, :, np.newaxis], kernel[:, :, np.newaxis, np.newaxis],
                     stride, padding, dilation)
        return out[0, :, :, 0]
    if x.ndim != 4:
        raise ValueError(_message(
            "x", "array 2-D (H, W) dengan kernel 2-D, atau 4-D (N, H, W, C_in) "
            "dengan kernel 4-D", x))
    if kernel.ndim != 4:
        raise ValueError(_message(
            "kernel", "array 4-D (kh, kw, C_in, C_out) untuk masukan 4-D", kernel))
    if 0 in kernel.shape:
        raise ValueError(_message("kernel", "berukuran ≥ 1 di setiap sumbu", kernel))
    n, h, w, c_in = x.shape
    kh, kw, k_in, c_out = kernel.shape
    if k_in != c_in:
        raise ValueError(_message(
            "kernel", f"memiliki C_in = {c_in} (sama dengan jumlah kanal `x`)", kernel,
            f"Jumlah kanal masukan `x` adalah {c_in}, kernel mengharapkan {k_in}."))
    stride = _as_pair("stride", stride, 1)
    dilation = _as_pair("dilation", dilation, 1)
    pad_h, pad_w = _resolve_padding(padding, (h, w), (kh, kw), stride, dilation)
    out_h = _output_length(h, kh, stride[0], sum(pad_h), dilation[0])
    out_w = _output_length(w, kw, stride[1], sum(pad_w), dilation[1])

    dtype = _float_dtype(x, kernel)
    xp = np.pad(x.astype(dtype, copy=False), [(0, 0), pad_h, pad_w, (0, 0)])
    # Jendela geser berbentuk (N, H_out, W_out, C_in, kh, kw): tanpa menyalin data.
    (sh, sw), (dh, dw) = stride, dilation
    windows = sliding_window_view(xp, ((kh - 1) * dh + 1, (kw - 1) * dw + 1), axis=(1, 2))
    windows = windows[:, ::sh, ::sw, :, ::dh, ::dw]
    # im2col: matriks `patches` berbentuk (N·H_out·W_out, kh·kw·C_in); urutan kolomnya
    # (kh, kw, C_in) sama dengan urutan kernel HWIO. Kedua cabang menghasilkan matriks
    # yang SAMA; bedanya hanya urutan penyalinan di memori (soal kecepatan saja):
    # dengan sedikit kanal, menyalin satu baris panjang per elemen kernel lebih cepat.
    n_patches, k_size = n * out_h * out_w, kh * kw * c_in
    if c_in >= 4:
        patches = windows.transpose(0, 1, 2, 4, 5, 3).reshape(n_patches, k_size)
    else:
        patches = windows.transpose(4, 5, 3, 0, 1, 2).reshape(k_size, n_patches).T
    out = patches @ kernel.astype(dtype, copy=False).reshape(k_size, c_out)
    return out.reshape(n, out_h, out_w, c_out)


# ---------------------------------------------------------------------------
# Pooling
# ---------------------------------------------------------------------------


def _pool(x, size, stride, padding, kind):
    """Kerangka bersama max pooling dan average pooling."""
    x = _as_array("x", x)
    batch, was_2d = _to_batch("x", x)
    size = _as_pair("size", size, 1)
    stride = size if stride is None else _as_pair("stride", stride, 1)
    mode = _pool_padding(padding)
    _, h, w, _ = batch.shape
    if mode == "same":
        pad_h, pad_w = (same_padding(n, k, s) for n, k, s in zip((h, w), size, stride))
    else:
        pad_h, pad_w = (0, 0), (0, 0)
    # Pastikan jendela muat di dalam masukan (jika tidak: ValueError yang jelas).
    _output_length(h, size[0], stride[0], sum(pad_h), 1, name="size")
    _output_length(w, size[1], stride[1], sum(pad_w), 1, name="size")

    def windows(a, fill):
        """Jendela (…, H_out, W_out, C, kh, kw) dari array NHWC yang di-padding."""
        padded = np.pad(a, [(0, 0), pad_h, pad_w, (0, 0)], constant_values=fill)
        view = sliding_window_view(padded, size, axis=(1, 2))
        return view[:, ::stride[0], ::stride[1]]

    batch = batch.astype(_float_dtype(batch), copy=False)
    if kind == "max":
        # Padding −inf tidak pernah terpilih sebagai maksimum.
        out = windows(batch, -np.inf).max(axis=(-2, -1))
    else:
        # Bagi dengan banyaknya elemen ASLI (bukan padding), seperti tf.nn.avg_pool2d.
        total = windows(batch, 0).sum(axis=(-2, -1))
        count = windows(np.ones((1, h, w, 1), batch.dtype), 0).sum(axis=(-2, -1))
        out = total / count
    return out[0, :, :, 0] if was_2d else out


def max_pool2d(x, size=2, stride=None, padding="valid"):
    """Max pooling: ambil nilai terbesar di setiap jendela.

    Parameter
    ---------
    x : array 2-D (H, W) atau 4-D (N, H, W, C)
    size : int atau (tinggi, lebar) -- ukuran jendela
    stride : int, (sh, sw), atau None (sama dengan ``size``)
    padding : "valid" atau "same" (semantik TensorFlow; padding diisi −inf)

    Hasilnya setara dengan ``tf.nn.max_pool2d``. Setiap kanal diproses
    sendiri-sendiri, jadi jumlah kanal tidak berubah.
    """
    return _pool(x, size, stride, padding, "max")


def avg_pool2d(x, size=2, stride=None, padding="valid"):
    """Average pooling: ambil rata-rata setiap jendela.

    Parameternya sama dengan :func:`max_pool2d`. Dengan "same", rata-rata
    dihitung hanya dari elemen asli di dalam jendela (padding tidak ikut
    dihitung), sama seperti ``tf.nn.avg_pool2d``.
    """
    return _pool(x, size, stride, padding, "avg")


# ---------------------------------------------------------------------------
# Fungsi aktivasi dan fungsi kerugian
# ---------------------------------------------------------------------------


def relu(x):
    """ReLU: max(0, x) per elemen. dtype masukan dipertahankan."""
    x = _as_array("x", x, finite=False)
    return np.maximum(x, 0).astype(x.dtype, copy=False)


def sigmoid(x):
    """Sigmoid 1 / (1 + e^(−x)) yang stabil secara numerik.

    Rumus langsung meluap (*overflow*) untuk x = −1000 karena e^1000 terlalu
    besar. Di sini kita hanya menghitung e^(−|x|), yang selalu di antara 0
    dan 1, lalu memakai bentuk yang sesuai dengan tanda x:

    * x ≥ 0: 1 / (1 + e^(−x))
    * x < 0: e^x / (1 + e^x)
    """
    x = _as_array("x", x, finite=False)
    x = x.astype(_float_dtype(x), copy=False)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def _as_axis(axis, ndim, name="axis"):
    """Pastikan `axis` sumbu yang ada untuk array berdimensi `ndim`."""
    if not _is_real_number(axis) or not isinstance(axis, numbers.Integral):
        raise TypeError(_message(name, "bilangan bulat", axis))
    if not -ndim <= axis < ndim:
        raise ValueError(_message(
            name, f"sumbu yang ada, yaitu di antara {-ndim} dan {ndim - 1}", axis))
    return int(axis) % ndim


def softmax(z, axis=-1, temperature=1.0):
    """Softmax: ubah logit menjadi probabilitas yang jumlahnya 1.

    ``softmax(z)_i = e^(z_i / T) / Σ_j e^(z_j / T)`` dengan T = ``temperature``.

    Agar tidak meluap, nilai maksimum dikurangkan lebih dulu; hasilnya sama
    secara matematis, tetapi e^(…) paling besar bernilai 1. Temperatur > 1
    membuat distribusi lebih rata; temperatur < 1 membuatnya lebih tajam.
    """
    z = _as_array("z", z)
    if z.ndim == 0 or z.size == 0:
        raise ValueError(_message("z", "array logit dengan minimal satu elemen per sumbu", z))
    axis = _as_axis(axis, z.ndim)
    if not _is_real_number(temperature):
        raise TypeError(_message("temperature", "bilangan real > 0", temperature))
    if not (np.isfinite(temperature) and temperature > 0):
        raise ValueError(_message("temperature", "bilangan real berhingga > 0", temperature))
    z = z.astype(_float_dtype(z), copy=False)
    with np.errstate(over="ignore"):
        scaled = z / z.dtype.type(temperature)
    if not np.all(np.isfinite(scaled)):
        raise ValueError(_message(
            "temperature", "tidak terlalu kecil (logit/temperatur meluap menjadi inf)",
            temperature))
    shifted = scaled - scaled.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy(probs, labels, axis=-1, eps=1e-12):
    """Cross-entropy rata-rata untuk klasifikasi: −log(probabilitas kelas yang benar).

    Parameter
    ---------
    probs : array probabilitas (hasil softmax), misalnya bentuk (N, K)
        Nilai di antara 0 dan 1, dan jumlahnya 1 di sepanjang ``axis``.
        Jika Anda punya logit, panggil :func:`softmax` dulu.
    labels : array bilangan bulat berbentuk (N,) berisi indeks kelas 0…K−1
        (seperti ``SparseCategoricalCrossentropy`` di Keras), ATAU array
        one-hot dengan bentuk sama seperti ``probs``.
    axis : int -- sumbu kelas.
    eps : float kecil > 0 -- probabilitas dipotong ke [eps, 1] agar log(0) tidak terjadi.

    Mengembalikan rata-rata kerugian semua sampel (float).
    """
    probs = _as_array("probs", probs)
    labels = _as_array("labels", labels)
    if probs.ndim == 0:
        raise ValueError(_message("probs", "array minimal 1-D", probs))
    axis = _as_axis(axis, probs.ndim)
    if not _is_real_number(eps):
        raise TypeError(_message("eps", "bilangan real di antara 0 dan 1", eps))
    if not 0 < eps < 1:
        raise ValueError(_message("eps", "bilangan real di antara 0 dan 1", eps))
    probs = probs.astype(np.float64)
    if probs.size == 0:
        raise ValueError(_message("probs", "array yang tidak kosong", probs))
    sums = probs.sum(axis=axis)
    if probs.min() < 0 or probs.max() > 1 or not np.allclose(sums, 1, atol=1e-3):
        raise ValueError(_message(
            "probs", "berisi probabilitas (0 sampai 1, jumlahnya 1 per sampel)", probs,
            "Apakah Anda memberikan logit? Panggil softmax(...) lebih dulu."))
    log_p = np.log(np.clip(probs, eps, 1.0))
    num_classes = probs.shape[axis]

    if labels.shape == probs.shape:  # label one-hot (atau label "lunak")
        if labels.min() < 0 or not np.allclose(labels.sum(axis=axis), 1, atol=1e-3):
            raise ValueError(_message(
                "labels", "one-hot: nilai ≥ 0 yang jumlahnya 1 per sampel", labels))
        losses = -(labels * log_p).sum(axis=axis)
    else:
        sample_shape = probs.shape[:axis] + probs.shape[axis + 1:]
        if labels.shape != sample_shape:
            raise ValueError(_message(
                "labels", f"indeks kelas berbentuk {sample_shape} atau one-hot berbentuk "
                f"{probs.shape}", labels))
        if labels.size and not np.all(labels == np.round(labels)):
            raise ValueError(_message("labels", "berisi bilangan bulat (indeks kelas)", labels))
        if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
            raise ValueError(_message(
                "labels", f"indeks kelas di antara 0 dan {num_classes - 1}", labels,
                f"Nilai terkecil {labels.min()}, terbesar {labels.max()}."))
        index = np.expand_dims(labels.astype(np.intp), axis)
        losses = -np.take_along_axis(log_p, index, axis=axis).squeeze(axis)
    return float(np.mean(losses))
