"""Papan gambar (pelajaran 15): gambar sebuah angka, jaringan langsung menebaknya.

Papan gambarnya sebuah widget ``anywidget``: kanvas 280 × 280 piksel yang digambar di
peramban (tanpa langkah *build*, tanpa internet). Kode peramban ada di berkas
``drawpad.js`` dan ``drawpad.css`` di samping modul ini. Setiap kali Anda melepaskan
tombol tetikus (akhir satu goresan), kanvasnya dikirim ke Python sebagai gambar PNG (data URL
di atribut ``image_data``). Di Python gambarnya diubah dengan
:func:`saraf.preprocess.to_mnist`, lalu diprediksi oleh model yang dipilih ("MLP dari
nol" dari pelajaran 08–10 atau "CNN Keras" dari pelajaran 12) lewat
:func:`saraf.predict.predict_proba`. Hasilnya: angka prediksi, skor keyakinannya, gambar
28 × 28 yang benar-benar dilihat jaringan, dan diagram batang skor tertinggi
(:func:`saraf.widgets.probabilities.probability_bars_svg`).

Logika Python dapat diuji tanpa peramban: isi ``pad.image_data`` dengan
:func:`strokes_to_data_url` (goresan buatan), lalu periksa ``prediction``,
``confidence``, dan ``result.value``.
"""

from __future__ import annotations

import base64
import binascii
import html
import io
from pathlib import Path

import anywidget
import ipywidgets as widgets
import numpy as np
import traitlets
from PIL import Image, ImageDraw

from saraf.formatting import fixed, thousands
from saraf.predict import predict_proba
from saraf.preprocess import NoInkError, to_mnist
from saraf.validation import as_choice, as_gray_image, error
from saraf.widgets.probabilities import probability_bars_svg

__all__ = ["DrawPad", "DrawingPad", "DigitPredictor", "drawing_pad", "strokes_to_data_url",
           "load_models", "MODEL_LABELS", "EMPTY_MESSAGE"]

#: Pilihan model: kunci → label tombol.
MODEL_LABELS = {"mlp": "MLP dari nol", "mlp_seed": "Jaringan seed", "cnn_numpy": "CNN NumPy",
                "cnn": "CNN Keras"}

_MODEL_TOOLTIPS = {"mlp": "JST 784-30-10 dari nol dengan NumPy (pelajaran 08–10)",
                   "mlp_seed": "MLP 784-16-16-10 (jaringan seed): awal normal, biaya "
                               "kuadratik (pelajaran 10)",
                   "cnn_numpy": "CNN dari nol dengan NumPy (pelajaran 11)",
                   "cnn": "CNN Keras (pelajaran 12)"}

#: Pesan saat papan masih kosong (atau tidak ada goresan yang terlihat).
EMPTY_MESSAGE = ("Gambarlah sebuah angka (0–9) di kotak putih dengan tetikus, pena, atau jari. "
                 "Prediksi muncul setiap kali Anda melepaskan goresan.")

PAD_SIZE = 280
STROKE_WIDTH = 18
TOP_K = 5                      # banyak skor tertinggi di diagram batang
_DATA_URL_PREFIX = "data:image/png;base64,"
_MAX_DATA_URL = 2_000_000      # karakter; kanvas 280 × 280 biasanya hanya beberapa KB
ERROR_COLOR = "#c62828"       # warna pesan galat
_HERE = Path(__file__).parent


# ---------------------------------------------------------------------------
# Kanvas (anywidget) dan data URL PNG
# ---------------------------------------------------------------------------


class DrawPad(anywidget.AnyWidget):
    """Kanvas gambar 280 × 280 di peramban. ``image_data``: PNG (data URL) atau "" (kosong).

    Biasanya dipakai lewat :func:`drawing_pad`, yang menambahkan prediksinya.
    """

    _esm = _HERE / "drawpad.js"
    _css = _HERE / "drawpad.css"
    image_data = traitlets.Unicode("").tag(sync=True)
    size = traitlets.Int(PAD_SIZE).tag(sync=True)
    stroke_width = traitlets.Float(STROKE_WIDTH).tag(sync=True)

    def __repr__(self) -> str:
        return f"Kanvas papan gambar {self.size} × {self.size}"

    def clear(self) -> None:
        """Mengosongkan papan (di Python dan di peramban)."""
        self.image_data = ""
        self.send({"type": "clear"})

    def image_bytes(self) -> bytes | None:
        """Isi berkas PNG dari kanvas, atau None bila kosong. ValueError bila datanya rusak."""
        return decode_data_url(self.image_data)


def decode_data_url(data_url: str) -> bytes | None:
    """``"data:image/png;base64,…"`` → bait PNG; ``""`` → None. Selain itu ValueError."""
    if not data_url:
        return None
    if not isinstance(data_url, str) or not data_url.startswith(_DATA_URL_PREFIX):
        raise error("image_data", 'data URL PNG ("data:image/png;base64,...") atau string '
                    "kosong", str(data_url)[:40])
    if len(data_url) > _MAX_DATA_URL:
        raise ValueError(f"`image_data` terlalu besar: {thousands(len(data_url))} karakter, "
                         f"paling banyak {thousands(_MAX_DATA_URL)}.")
    try:
        return base64.b64decode(data_url[len(_DATA_URL_PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("`image_data` bukan base64 yang sah: gambar dari papan rusak. "
                         "Hapus papannya, lalu gambar lagi.") from None


def png_data_url(image: Image.Image) -> str:
    """Gambar PIL → data URL PNG, siap dipakai di ``<img src=...>``."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _DATA_URL_PREFIX + base64.b64encode(buffer.getvalue()).decode("ascii")


def strokes_to_data_url(strokes, size: int = PAD_SIZE, width: float = STROKE_WIDTH) -> str:
    """Goresan buatan → data URL PNG, persis seperti yang dikirim papan gambar.

    ``strokes``: daftar goresan; setiap goresan adalah daftar titik ``(x, y)`` dalam
    piksel kanvas (0 sampai ``size``). Latar putih, garis hitam selebar ``width`` dengan
    ujung bulat. Daftar kosong menghasilkan kanvas putih polos.
    """
    image = Image.new("RGBA", (size, size), (255, 255, 255, 255))
    draw = ImageDraw.Draw(image)
    radius = width / 2
    for stroke in strokes:
        points = [(float(x), float(y)) for x, y in stroke]
        if len(points) > 1:
            draw.line(points, fill=(0, 0, 0, 255), width=int(round(width)), joint="curve")
        for x, y in points:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(0, 0, 0, 255))
    return png_data_url(image)


# ---------------------------------------------------------------------------
# Model dan tampilan hasil (dipakai juga oleh widget unggah)
# ---------------------------------------------------------------------------


def load_models(mlp: bool = True, cnn: bool = True, mlp_seed: bool = True,
                cnn_numpy: bool = True) -> dict:
    """Model tersimpan di ``assets/``, dengan kunci seperti :data:`MODEL_LABELS`.

    ``mlp_seed`` adalah jaringan seed 784-16-16-10 (``pretrained("784-16-16-10")``) dan
    ``cnn_numpy`` CNN NumPy pelajaran 11 (``saraf.numpy_cnn.pretrained()``). Model yang
    berkasnya tidak ada dilewati (CNN Keras juga dilewati bila TensorFlow tidak ada).
    """
    from saraf import numpy_cnn
    from saraf.mlp import pretrained

    models = {}
    for key, wanted, sizes in (("mlp", mlp, "784-30-10"), ("mlp_seed", mlp_seed, "784-16-16-10")):
        try:
            if wanted:
                models[key] = pretrained(sizes)
        except FileNotFoundError:
            pass
    if cnn_numpy and numpy_cnn.PRETRAINED_PATH.is_file():
        models["cnn_numpy"] = numpy_cnn.pretrained()
    if cnn:
        try:
            from saraf.cnn import load_pretrained

            models["cnn"] = load_pretrained("mnist")
        except (FileNotFoundError, ImportError):
            pass
    return models


def _mnist_preview(image28, scale: int = 4) -> str:
    """Gambar 28 × 28 bernilai 0–1 → data URL PNG yang diperbesar (piksel tetap tajam)."""
    pixels = (np.clip(as_gray_image("image28", image28), 0, 1) * 255).round().astype(np.uint8)
    image = Image.fromarray(pixels)
    image = image.resize((image.width * scale, image.height * scale), Image.Resampling.NEAREST)
    return png_data_url(image)


def message_html(text: str, color: str = "#555") -> str:
    """Pesan (bukan prediksi) di tempat hasil."""
    return (f'<div class="saraf-prediction-message" style="color:{color};max-width:360px;'
            f'font-size:14px;line-height:1.45">{html.escape(text)}</div>')


def result_html(probabilities, image28, model_label: str) -> str:
    """Prediksi, skor keyakinan, gambar 28 × 28 yang dilihat jaringan, dan diagram batang."""
    digit = int(np.argmax(probabilities))
    bars = probability_bars_svg(probabilities, [f"angka {d}" for d in range(len(probabilities))],
                                top_k=TOP_K, title=f"{TOP_K} skor keyakinan tertinggi")
    return (
        '<div class="saraf-prediction" style="font-size:14px;line-height:1.45">'
        f'<div>Prediksi <span class="saraf-model">{html.escape(model_label)}</span>: '
        f'<b class="saraf-digit" style="font-size:28px">{digit}</b> (skor keyakinan '
        f'<span class="saraf-confidence">{fixed(probabilities[digit])}</span>)</div>'
        '<div style="display:flex;gap:14px;align-items:flex-start;margin-top:6px">'
        '<figure style="margin:0;text-align:center">'
        f'<img src="{_mnist_preview(image28)}" width="112" height="112" '
        'style="image-rendering:pixelated;border:1px solid #999" alt="gambar 28 × 28"/>'
        '<figcaption style="font-size:11.5px;color:#555">yang dilihat<br>jaringan '
        f'(28 × 28)</figcaption></figure>{bars}</div></div>'
    )


class DigitPredictor(widgets.VBox):
    """Bagian yang sama dari papan gambar dan widget unggah: pilihan model dan hasil.

    Atribut: ``models`` (kunci → model), ``model_toggle``, ``result`` (HTML hasil), serta
    nilai yang sedang ditampilkan: ``mnist_image`` (28 × 28), ``probabilities`` (10,),
    ``prediction``, ``confidence``, dan ``message`` (pesan bila tidak ada prediksi).
    """

    def _setup_models(self, mlp, cnn, model: str, mlp_seed=None, cnn_numpy=None) -> None:
        model = as_choice("model", model, tuple(MODEL_LABELS))
        given = (("mlp", mlp), ("mlp_seed", mlp_seed), ("cnn_numpy", cnn_numpy), ("cnn", cnn))
        self.models = {key: value for key, value in given if value is not None} or load_models()
        if not self.models:
            raise ValueError("Tidak ada model untuk memprediksi: berikan `mlp` "
                             "(saraf.mlp.Network) atau `cnn` (model Keras), atau buat model "
                             "tersimpan di assets/.")
        if model not in self.models:
            model = next(iter(self.models))
        keys = [key for key in MODEL_LABELS if key in self.models]
        self.model_toggle = widgets.ToggleButtons(
            options=[(MODEL_LABELS[key], key) for key in keys], value=model,
            tooltips=[_MODEL_TOOLTIPS[key] for key in keys],
            style={"button_width": "120px"}, layout=widgets.Layout(width="auto"))
        self.result = widgets.HTML(layout=widgets.Layout(min_width="380px"))
        self.mnist_image = self.probabilities = self.prediction = self.confidence = None
        self.message = None

    def _watch(self, control, trait: str) -> None:
        """Prediksi ulang (``self._update``) bila ``control.trait`` atau pilihan model berubah."""
        control.observe(self._update, names=trait)
        self.model_toggle.observe(self._update, names="value")
        self._update()

    def _show_message(self, text: str, color: str = "#555") -> None:
        self.mnist_image = self.probabilities = self.prediction = self.confidence = None
        self.message = text
        self.result.value = message_html(text, color)

    def _predict_bytes(self, data: bytes | None, name: str | None = None) -> None:
        """Prediksi untuk isi berkas gambar; pesan (bukan galat) bila tidak bisa."""
        if data is None:
            self._show_message(EMPTY_MESSAGE)
            return
        try:
            image28 = to_mnist(data)
        except NoInkError:
            self._show_message(EMPTY_MESSAGE if name is None else
                               f"{name}: tidak ada tinta yang terlihat. Pakai foto angka yang "
                               f"lebih gelap dan tebal di atas kertas polos.")
            return
        except ValueError as problem:
            text = str(problem)
            if name is not None:
                text = text.replace("Data berkas yang diberikan", f"Berkas '{name}'")
            self._show_message(text, ERROR_COLOR)
            return
        key = self.model_toggle.value
        self.mnist_image = image28
        self.probabilities = predict_proba(self.models[key], image28)
        self.prediction = int(np.argmax(self.probabilities))
        self.confidence = float(self.probabilities[self.prediction])
        self.message = None
        self.result.value = result_html(self.probabilities, image28, MODEL_LABELS[key])


# ---------------------------------------------------------------------------
# Papan gambar dengan prediksi
# ---------------------------------------------------------------------------


class DrawingPad(DigitPredictor):
    """Papan gambar dengan prediksi langsung. Buat dengan :func:`drawing_pad`.

    Atribut: ``pad`` (kanvas, :class:`DrawPad`) dan semua atribut :class:`DigitPredictor`.
    """

    def __init__(self, mlp=None, cnn=None, model: str = "cnn", mlp_seed=None, cnn_numpy=None):
        self._setup_models(mlp, cnn, model, mlp_seed, cnn_numpy)
        self.pad = DrawPad()
        help_text = widgets.HTML(
            '<div style="font-size:12.5px;line-height:1.4;color:#555;max-width:280px">'
            'Gambar dengan tetikus '
            '(tahan tombol kiri), lalu lepaskan. Tombol <b>Hapus</b> mengosongkan papan.</div>')
        right = widgets.VBox([self.model_toggle, self.result],
                             layout=widgets.Layout(margin="0 0 0 16px"))
        super().__init__([widgets.HBox([widgets.VBox([self.pad, help_text]), right])])
        self.add_class("saraf-drawing-pad")
        self._watch(self.pad, "image_data")

    def __repr__(self) -> str:
        return "Papan gambar (jalankan sel di JupyterLab untuk memakainya)"

    def _update(self, change=None) -> None:
        try:
            data = self.pad.image_bytes()
        except ValueError as problem:
            self._show_message(str(problem), ERROR_COLOR)
            return
        self._predict_bytes(data)

    def clear(self) -> None:
        """Mengosongkan papan gambar."""
        self.pad.clear()

    def draw(self, strokes) -> None:
        """Menggambar goresan buatan (lihat :func:`strokes_to_data_url`) dari Python."""
        self.pad.image_data = strokes_to_data_url(strokes, self.pad.size,
                                                  self.pad.stroke_width)


def drawing_pad(mlp=None, cnn=None, model: str = "cnn", mlp_seed=None,
                cnn_numpy=None) -> DrawingPad:
    """Papan gambar dengan prediksi langsung (pelajaran 15).

    Parameter
    ---------
    mlp : ``saraf.mlp.Network`` 784-…-10 (pelajaran 08–10), atau None.
    cnn : model Keras untuk gambar 28 × 28 (pelajaran 12), atau None.
    model : model yang dipilih di awal: ``"cnn"`` (bawaan), ``"mlp"``, ``"mlp_seed"``, atau
        ``"cnn_numpy"``.
    mlp_seed : jaringan untuk pilihan "Jaringan seed", biasanya
        ``saraf.mlp.pretrained("784-16-16-10")`` (pelajaran 10), atau None.
    cnn_numpy : CNN NumPy untuk pilihan "CNN NumPy", biasanya
        ``saraf.numpy_cnn.pretrained()`` (pelajaran 11), atau None.

    Bila semua model None, model tersimpan di ``assets/`` dimuat. Setiap goresan yang
    selesai diubah dengan ``to_mnist`` lalu diprediksi.
    """
    return DrawingPad(mlp=mlp, cnn=cnn, model=model, mlp_seed=mlp_seed, cnn_numpy=cnn_numpy)
