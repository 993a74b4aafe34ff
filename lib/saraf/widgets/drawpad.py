"""Papan gambar (pelajaran 11): gambar sebuah angka, jaringan langsung menebaknya.

Papan gambarnya sebuah widget ``anywidget``: kanvas 280 × 280 piksel yang digambar di
peramban (tanpa langkah *build*, tanpa internet). Setiap kali Anda melepaskan tombol
mouse (akhir satu goresan), kanvasnya dikirim ke Python sebagai gambar PNG (data URL di
atribut ``image_data``). Di Python gambarnya diubah dengan
:func:`saraf.preprocess.to_mnist`, lalu diprediksi oleh model yang dipilih ("MLP dari
nol" dari pelajaran 07 atau "CNN Keras" dari pelajaran 08). Hasilnya: angka prediksi,
skor keyakinannya, gambar 28 × 28 yang benar-benar dilihat jaringan, dan diagram batang
skor tertinggi (SVG yang dibuat di Python, jadi selalu sama).

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

from saraf import resources
import traitlets
from PIL import Image, ImageDraw

from saraf.preprocess import NoInkError, to_mnist

__all__ = ["DrawPad", "DrawingPad", "drawing_pad", "strokes_to_data_url", "load_models",
           "MODEL_LABELS", "EMPTY_MESSAGE"]

#: Pilihan model: kunci → label tombol.
MODEL_LABELS = {"mlp": "MLP dari nol", "cnn": "CNN Keras"}

_MODEL_TOOLTIPS = {"mlp": "JST 784-30-10 dari nol dengan NumPy (pelajaran 07)",
                   "cnn": "CNN Keras (pelajaran 08)"}

#: Pesan saat papan masih kosong (atau tidak ada goresan yang terlihat).
EMPTY_MESSAGE = ("Gambarlah sebuah angka (0–9) di kotak putih dengan mouse, pena, atau jari. "
                 "Prediksi muncul setiap kali Anda melepaskan goresan.")

#: Folder model dan gambar tersimpan.
ASSETS_DIR = resources.ASSETS_DIR
PAD_SIZE = 280
STROKE_WIDTH = 18
_DATA_URL_PREFIX = "data:image/png;base64,"
_MAX_DATA_URL = 2_000_000      # karakter; kanvas 280 × 280 biasanya hanya beberapa KB
_TOP_K = 5
_BAR_WIDTH = 200
_ROW = 24
_LABEL = 64
_COLOR, _TOP_COLOR = "#8fb8dc", "#e6550d"

_ESM = r"""
function render({ model, el }) {
  const size = model.get("size");
  const root = document.createElement("div");
  root.className = "saraf-drawpad";
  const canvas = document.createElement("canvas");
  canvas.width = size;
  canvas.height = size;
  canvas.className = "saraf-drawpad-canvas";
  canvas.setAttribute("aria-label", "papan gambar");
  const button = document.createElement("button");
  button.className = "saraf-drawpad-clear jupyter-button";
  button.textContent = "Hapus";
  button.title = "Kosongkan papan gambar";
  root.append(canvas, button);
  el.append(root);

  const ctx = canvas.getContext("2d");
  let lastSent = model.get("image_data");

  function clearCanvas() {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, size, size);
  }
  function showImage(url) {
    clearCanvas();
    if (!url) return;
    const img = new Image();
    img.onload = () => {  // gambar dimuat tak serempak: mungkin papan sudah dihapus
      if (model.get("image_data") === url) ctx.drawImage(img, 0, 0, size, size);
    };
    img.src = url;
  }
  function send() {
    lastSent = canvas.toDataURL("image/png");
    model.set("image_data", lastSent);
    model.save_changes();
  }
  showImage(lastSent);

  let drawing = false;
  let last = null;
  function position(event) {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * size / box.width,
            (event.clientY - box.top) * size / box.height];
  }
  function segment(from, to) {
    ctx.strokeStyle = "#000000";
    ctx.lineWidth = model.get("stroke_width");
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
  }
  function onDown(event) {
    if (event.button !== undefined && event.button !== 0) return;
    event.preventDefault();
    drawing = true;
    try { canvas.setPointerCapture(event.pointerId); } catch (e) { /* tidak didukung */ }
    last = position(event);
    segment(last, last);
  }
  function onMove(event) {
    if (!drawing) return;
    event.preventDefault();
    const point = position(event);
    segment(last, point);
    last = point;
  }
  function onUp(event) {
    if (!drawing) return;
    drawing = false;
    send();
  }
  function onClear() {
    clearCanvas();
    lastSent = "";
    model.set("image_data", "");
    model.save_changes();
  }
  function onChange() {
    const url = model.get("image_data");
    if (url !== lastSent) {  // diubah dari Python atau dari tampilan lain
      lastSent = url;
      showImage(url);
    }
  }
  function onMessage(message) {
    if (message && message.type === "clear") {
      lastSent = "";
      clearCanvas();
    }
  }
  canvas.addEventListener("pointerdown", onDown);
  canvas.addEventListener("pointermove", onMove);
  canvas.addEventListener("pointerup", onUp);
  canvas.addEventListener("pointercancel", onUp);
  canvas.addEventListener("lostpointercapture", onUp);
  button.addEventListener("click", onClear);
  model.on("change:image_data", onChange);
  model.on("msg:custom", onMessage);
  return () => {
    model.off("change:image_data", onChange);
    model.off("msg:custom", onMessage);
  };
}
export default { render };
"""

_CSS = """
.saraf-drawpad { display: inline-flex; flex-direction: column; gap: 6px; align-items: flex-start; }
.saraf-drawpad-canvas {
  width: 280px; height: 280px; border: 2px solid #555; border-radius: 4px;
  background: #ffffff; cursor: crosshair; touch-action: none; user-select: none;
}
.saraf-drawpad-clear { min-width: 90px; }
"""


class DrawPad(anywidget.AnyWidget):
    """Kanvas gambar 280 × 280 di peramban. ``image_data``: PNG (data URL) atau "" (kosong).

    Biasanya dipakai lewat :func:`drawing_pad`, yang menambahkan prediksinya.
    """

    _esm = _ESM
    _css = _CSS
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
        raise ValueError("`image_data` harus data URL PNG (\"data:image/png;base64,...\") "
                         "atau string kosong, tetapi yang diberikan: "
                         f"{str(data_url)[:40]!r}.")
    if len(data_url) > _MAX_DATA_URL:
        raise ValueError(f"`image_data` terlalu besar ({len(data_url)} karakter, paling "
                         f"banyak {_MAX_DATA_URL}).")
    try:
        return base64.b64decode(data_url[len(_DATA_URL_PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("`image_data` bukan base64 yang sah: gambar dari papan rusak.") from None


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
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _DATA_URL_PREFIX + base64.b64encode(buffer.getvalue()).decode("ascii")


# ---------------------------------------------------------------------------
# Model dan prediksi (dipakai juga oleh widget unggah)
# ---------------------------------------------------------------------------


def load_models(mlp: bool = True, cnn: bool = True) -> dict:
    """Model tersimpan di ``assets/``: ``{"mlp": Network, "cnn": model Keras}``.

    Model yang berkasnya tidak ada dilewati (CNN juga dilewati bila TensorFlow tidak ada).
    """
    models = {}
    if mlp:
        from saraf.mlp import Network

        path = ASSETS_DIR / "mlp_784_30_10.npz"
        if path.is_file():
            models["mlp"] = Network.load(path)
    if cnn:
        try:
            from saraf.cnn import load_pretrained

            models["cnn"] = load_pretrained("mnist")
        except (FileNotFoundError, ImportError):
            pass
    return models


def _collect_models(mlp, cnn) -> dict:
    models = {key: value for key, value in (("mlp", mlp), ("cnn", cnn)) if value is not None}
    if not models:
        models = load_models()
    if not models:
        raise ValueError("Tidak ada model untuk memprediksi: berikan `mlp` (saraf.mlp.Network) "
                         "atau `cnn` (model Keras), atau buat model tersimpan di assets/.")
    return models


def _probabilities(model, image28: np.ndarray) -> np.ndarray:
    from saraf.predict import predict_proba

    return np.asarray(predict_proba(model, image28), dtype=np.float64)


def png_data_url(image28: np.ndarray, scale: int = 4) -> str:
    """Gambar 0–1 → data URL PNG grayscale yang diperbesar ``scale`` kali (piksel tajam)."""
    pixels = (np.clip(image28, 0, 1) * 255).round().astype(np.uint8)
    image = Image.fromarray(pixels)
    if scale != 1:
        image = image.resize((image.width * scale, image.height * scale),
                             Image.Resampling.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _DATA_URL_PREFIX + base64.b64encode(buffer.getvalue()).decode("ascii")


def bars_svg(probabilities: np.ndarray, top_k: int = _TOP_K) -> str:
    """Diagram batang (SVG) ``top_k`` skor keyakinan tertinggi, urut dari yang terbesar."""
    order = np.argsort(-probabilities, kind="stable")[:top_k]
    width = _LABEL + _BAR_WIDTH + 64
    height = 28 + len(order) * _ROW + 6
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
             f'<text x="0" y="16" font-weight="bold">{len(order)} skor keyakinan '
             f'tertinggi</text>']
    for row, digit in enumerate(order):
        p = float(probabilities[digit])
        y = 26 + row * _ROW
        top = row == 0
        color = _TOP_COLOR if top else _COLOR
        weight = ' font-weight="bold"' if top else ""
        parts.append(f'<text x="{_LABEL - 8}" y="{y + 16}" text-anchor="end"{weight}>'
                     f'angka {digit}</text>')
        parts.append(f'<rect x="{_LABEL}" y="{y + 3}" width="{_BAR_WIDTH}" '
                     f'height="{_ROW - 6}" fill="#f0f0f0"/>')
        parts.append(f'<rect class="bar" data-digit="{digit}" x="{_LABEL}" y="{y + 3}" '
                     f'width="{p * _BAR_WIDTH:.1f}" height="{_ROW - 6}" fill="{color}"/>')
        parts.append(f'<text class="prob" x="{_LABEL + _BAR_WIDTH + 6}" y="{y + 16}"'
                     f'{weight}>{p:.1%}</text>')
    parts.append("</svg>")
    return "".join(parts)


def message_html(text: str, color: str = "#555") -> str:
    return (f'<div class="saraf-prediction-message" style="color:{color};max-width:360px;'
            f'font-size:14px;line-height:1.45">{html.escape(text)}</div>')


def result_html(probabilities: np.ndarray, image28: np.ndarray, model_label: str) -> str:
    """Prediksi, skor keyakinan, gambar 28 × 28 yang dilihat jaringan, dan diagram batang."""
    digit = int(np.argmax(probabilities))
    confidence = float(probabilities[digit])
    return (
        '<div class="saraf-prediction" style="font-size:14px;line-height:1.45">'
        f'<div>Prediksi <span class="saraf-model">{html.escape(model_label)}</span>: '
        f'<b class="saraf-digit" style="font-size:28px">{digit}</b> '
        f'(skor keyakinan <span class="saraf-confidence">{confidence:.2f}</span>)</div>'
        '<div style="display:flex;gap:14px;align-items:flex-start;margin-top:6px">'
        '<figure style="margin:0;text-align:center">'
        f'<img src="{png_data_url(image28)}" width="112" height="112" '
        'style="image-rendering:pixelated;border:1px solid #999" alt="gambar 28 × 28"/>'
        '<figcaption style="font-size:11.5px;color:#555">yang dilihat<br>jaringan '
        '(28 × 28)</figcaption></figure>'
        f'{bars_svg(probabilities)}</div></div>'
    )


class _PredictorBase(widgets.VBox):
    """Bagian yang sama dari papan gambar dan widget unggah: pilihan model dan hasil."""

    def _setup_models(self, mlp, cnn, model: str) -> None:
        self.models = _collect_models(mlp, cnn)
        if model not in MODEL_LABELS:
            raise ValueError(f"`model` harus 'mlp' atau 'cnn', tetapi yang diberikan: "
                             f"{model!r}.")
        if model not in self.models:
            model = next(iter(self.models))
        keys = [key for key in MODEL_LABELS if key in self.models]
        self.model_toggle = widgets.ToggleButtons(
            options=[(MODEL_LABELS[key], key) for key in keys], value=model,
            tooltips=[_MODEL_TOOLTIPS[key] for key in keys],
            style={"button_width": "120px"}, layout=widgets.Layout(width="auto"))
        self.result = widgets.HTML(layout=widgets.Layout(min_width="380px"))
        self.mnist_image = None
        self.probabilities = None
        self.prediction = None
        self.confidence = None
        self.message = None

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
        except ValueError as error:
            text = str(error)
            if name is not None:
                text = text.replace("Data berkas yang diberikan", f"Berkas '{name}'")
            self._show_message(text, "#c62828")
            return
        key = self.model_toggle.value
        self.mnist_image = image28
        self.probabilities = _probabilities(self.models[key], image28)
        self.prediction = int(np.argmax(self.probabilities))
        self.confidence = float(self.probabilities[self.prediction])
        self.message = None
        self.result.value = result_html(self.probabilities, image28, MODEL_LABELS[key])


class DrawingPad(_PredictorBase):
    """Papan gambar dengan prediksi langsung. Buat dengan :func:`drawing_pad`.

    Atribut: ``pad`` (kanvas, :class:`DrawPad`), ``model_toggle``, ``result`` (HTML hasil);
    nilai yang sedang ditampilkan: ``mnist_image`` (28 × 28), ``probabilities`` (10,),
    ``prediction``, ``confidence``, ``message`` (pesan bila tidak ada prediksi).
    """

    def __init__(self, mlp=None, cnn=None, model: str = "cnn"):
        self._setup_models(mlp, cnn, model)
        self.pad = DrawPad()
        help_text = widgets.HTML(
            '<div style="font-size:12.5px;line-height:1.4;color:#555;max-width:280px">'
            'Gambar dengan mouse '
            '(tahan tombol kiri), lalu lepaskan. Tombol <b>Hapus</b> mengosongkan papan.</div>')
        right = widgets.VBox([self.model_toggle, self.result],
                             layout=widgets.Layout(margin="0 0 0 16px"))
        super().__init__([widgets.HBox([widgets.VBox([self.pad, help_text]), right])])
        self.add_class("saraf-drawing-pad")
        self.pad.observe(self._update, names="image_data")
        self.model_toggle.observe(self._update, names="value")
        self._update()

    def __repr__(self) -> str:
        return "Papan gambar (jalankan sel di JupyterLab untuk memakainya)"

    def _update(self, change=None) -> None:
        try:
            data = self.pad.image_bytes()
        except ValueError as error:
            self._show_message(str(error), "#c62828")
            return
        self._predict_bytes(data)

    def clear(self) -> None:
        """Mengosongkan papan gambar."""
        self.pad.clear()

    def draw(self, strokes) -> None:
        """Menggambar goresan buatan (lihat :func:`strokes_to_data_url`) dari Python."""
        self.pad.image_data = strokes_to_data_url(strokes, self.pad.size,
                                                  self.pad.stroke_width)


def drawing_pad(mlp=None, cnn=None, model: str = "cnn") -> DrawingPad:
    """Papan gambar dengan prediksi langsung (pelajaran 11).

    Parameter
    ---------
    mlp : ``saraf.mlp.Network`` 784-…-10 (pelajaran 07), atau None.
    cnn : model Keras untuk gambar 28 × 28 (pelajaran 08), atau None.
    model : model yang dipilih di awal, ``"cnn"`` (bawaan) atau ``"mlp"``.

    Bila ``mlp`` dan ``cnn`` keduanya None, model tersimpan di ``assets/`` dimuat.
    Setiap goresan yang selesai diubah dengan ``to_mnist`` lalu diprediksi.
    """
    return DrawingPad(mlp=mlp, cnn=cnn, model=model)
