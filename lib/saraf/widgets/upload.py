"""Widget unggah (pelajaran 15): foto angka tulisan tangan Anda → prediksi.

Tulis sebuah angka di kertas dengan spidol atau pulpen tebal, foto dengan ponsel, lalu
unggah berkasnya (PNG, JPEG, …). Gambarnya diubah dengan
:func:`saraf.preprocess.to_mnist` dan diprediksi oleh model yang dipilih, seperti di
papan gambar. Sebelum Anda mengunggah apa pun, widget menampilkan foto contoh bawaan
(``assets/handwriting/foto_kertas.jpg``), sehingga notebook tetap berjalan tanpa
pengguna.

Dapat diuji tanpa peramban: isi ``upload.value`` dengan tuple berisi dict seperti
ipywidgets 8 (``name``, ``type``, ``size``, ``content`` berupa ``memoryview``), lalu periksa
``prediction`` dan ``result.value``.
"""

from __future__ import annotations

import html
import io
from pathlib import Path

import ipywidgets as widgets
from PIL import Image, ImageOps

from saraf.formatting import decimal
from saraf.resources import asset
from saraf.widgets.drawpad import ERROR_COLOR, DigitPredictor, png_data_url

__all__ = ["UploadPredictor", "upload_digit", "DEFAULT_IMAGE", "MAX_UPLOAD_BYTES"]

#: Foto contoh yang ditampilkan sebelum Anda mengunggah.
DEFAULT_IMAGE = asset("handwriting", "foto_kertas.jpg")
#: Berkas yang lebih besar ditolak sebelum dibuka.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
_THUMBNAIL = 220


def _thumbnail_html(data: bytes, caption: str) -> str:
    """Pratinjau kecil gambar asli (dipanggil hanya setelah ``to_mnist`` berhasil)."""
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.exif_transpose(image)
        image = image.convert("RGBA") if "A" in image.getbands() or image.mode == "P" \
            else image.convert("RGB")
        image.thumbnail((_THUMBNAIL, _THUMBNAIL))
        url = png_data_url(image)
    return ('<figure style="margin:0;text-align:center">'
            f'<img src="{url}" style="max-width:{_THUMBNAIL}px;border:1px solid #999;'
            'background:repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0/16px 16px" '
            'alt="gambar yang diunggah"/>'
            f'<figcaption style="font-size:11.5px;color:#555">{html.escape(caption)}'
            '</figcaption></figure>')


class UploadPredictor(DigitPredictor):
    """Unggah foto angka, lihat prediksinya. Buat dengan :func:`upload_digit`.

    Atribut: ``upload`` (``FileUpload``), ``original`` (pratinjau), ``source_name`` (nama
    berkas yang sedang ditampilkan), dan semua atribut
    :class:`~saraf.widgets.drawpad.DigitPredictor` (``model_toggle``, ``result``,
    ``mnist_image``, ``probabilities``, ``prediction``, ``confidence``, ``message``).
    """

    def __init__(self, mlp=None, cnn=None, model: str = "cnn", default_image=DEFAULT_IMAGE,
                 mlp_seed=None, cnn_numpy=None):
        self._setup_models(mlp, cnn, model, mlp_seed, cnn_numpy)
        self.default_image = None if default_image is None else Path(default_image)
        self.upload = widgets.FileUpload(accept="image/*", multiple=False,
                                         description="Unggah foto",
                                         tooltip="Pilih foto angka (PNG, JPEG, …), paling besar "
                                                 f"{decimal(MAX_UPLOAD_BYTES / 2**20, 0)} MB")
        self.original = widgets.HTML()
        self.source_name = None
        super().__init__([widgets.HBox([self.upload, self.model_toggle],
                                       layout=widgets.Layout(align_items="center")),
                          widgets.HBox([self.original, self.result])])
        self.original.layout.margin = "0 16px 0 0"
        self.add_class("saraf-upload-digit")
        self._watch(self.upload, "value")

    def __repr__(self) -> str:
        return "Pengunggah foto angka (jalankan sel di JupyterLab untuk memakainya)"

    def _current(self):
        """(nama, isi berkas, keterangan) yang sedang ditampilkan, atau None."""
        files = self.upload.value
        if files:
            item = files[-1]
            content = item.get("content", b"") if isinstance(item, dict) else b""
            name = str(item.get("name", "berkas")) if isinstance(item, dict) else "berkas"
            return name, content, f"{name} (diunggah)"
        if self.default_image is not None and self.default_image.is_file():
            name = self.default_image.name
            return name, self.default_image.read_bytes(), f"{name} (contoh bawaan)"
        return None

    def _update(self, change=None) -> None:
        current = self._current()
        if current is None:
            self.source_name = None
            self.original.value = ""
            self._show_message("Unggah foto sebuah angka yang ditulis di kertas.")
            return
        name, content, caption = current
        self.source_name = name
        size = getattr(content, "nbytes", None) or len(content)
        if size > MAX_UPLOAD_BYTES:
            self.original.value = ""
            megabytes = decimal(size / 2**20, 1), decimal(MAX_UPLOAD_BYTES / 2**20, 1)
            self._show_message(f"Berkas '{name}' terlalu besar ({megabytes[0]} MB); paling "
                               f"besar {megabytes[1]} MB. Perkecil fotonya dulu.", ERROR_COLOR)
            return
        data = bytes(content)
        self._predict_bytes(data, name)
        self.original.value = "" if self.prediction is None else _thumbnail_html(data, caption)


def upload_digit(mlp=None, cnn=None, model: str = "cnn", default_image=DEFAULT_IMAGE,
                 mlp_seed=None, cnn_numpy=None) -> UploadPredictor:
    """Widget unggah foto angka dengan prediksi (pelajaran 15).

    Parameter seperti :func:`saraf.widgets.drawpad.drawing_pad` (``mlp``, ``cnn``,
    ``model``, ``mlp_seed``, ``cnn_numpy``); ``default_image``: foto yang ditampilkan
    sebelum ada unggahan (None: tidak ada).
    """
    return UploadPredictor(mlp=mlp, cnn=cnn, model=model, default_image=default_image,
                           mlp_seed=mlp_seed, cnn_numpy=cnn_numpy)
