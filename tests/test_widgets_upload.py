"""Tes `saraf.widgets.upload` (widget unggah foto pelajaran 15) tanpa peramban.

Berkas yang diunggah diisi langsung ke ``upload.value`` seperti yang dikirim ipywidgets 8."""

from __future__ import annotations

import datetime
import io

import ipywidgets as widgets
import pytest
from PIL import Image

from saraf.mlp import Network
from saraf.resources import asset
from saraf.widgets import upload
from saraf.widgets.upload import UploadPredictor, upload_digit


@pytest.fixture(scope="module")
def mlp():
    return Network.load(asset("mlp_784_30_10.npz"))


def upload_value(name: str, data: bytes, kind: str = "image/png"):
    return ({"name": name, "type": kind, "size": len(data), "content": memoryview(data),
             "last_modified": datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)},)


def test_upload_shows_default_photo_before_any_upload(mlp):
    widget = upload_digit(mlp=mlp)
    assert isinstance(widget, UploadPredictor) and isinstance(widget.upload, widgets.FileUpload)
    assert repr(widget) == "Pengunggah foto angka (jalankan sel di JupyterLab untuk memakainya)"
    assert widget.upload.accept == "image/*" and not widget.upload.multiple
    assert widget.default_image == asset("handwriting", "foto_kertas.jpg")
    assert widget.source_name == "foto_kertas.jpg"
    assert widget.prediction == 3
    assert "contoh bawaan" in widget.original.value and "<img" in widget.original.value


def test_uploading_an_image_predicts_it(mlp):
    data = asset("handwriting", "mouse_7.png").read_bytes()
    widget = upload_digit(mlp=mlp)
    widget.upload.value = upload_value("tujuh.png", data)
    assert widget.source_name == "tujuh.png" and widget.prediction == 7
    assert "tujuh.png (diunggah)" in widget.original.value
    widget.model_toggle.value = "mlp"
    assert widget.prediction == 7


@pytest.mark.parametrize("name, data, fragment", [
    ("catatan.txt", b"halo, ini teks", "Berkas 'catatan.txt' bukan gambar"),
    ("rusak.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "rusak.png"),
    ("kosong.png", b"", "kosong"),
])
def test_bad_uploads_show_indonesian_messages(mlp, name, data, fragment):
    widget = upload_digit(mlp=mlp)
    widget.upload.value = upload_value(name, data)
    assert widget.prediction is None and fragment in widget.message
    assert widget.original.value == ""


def test_blank_photo_upload_says_no_ink(mlp):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (240, 236, 228)).save(buffer, format="JPEG")
    widget = upload_digit(mlp=mlp)
    widget.upload.value = upload_value("kertas.jpg", buffer.getvalue(), "image/jpeg")
    assert widget.prediction is None and "tidak ada tinta" in widget.message


def test_upload_too_large_is_refused_before_opening(mlp, monkeypatch):
    monkeypatch.setattr(upload, "MAX_UPLOAD_BYTES", 2**19)  # 0,5 MB
    monkeypatch.setattr(upload, "_thumbnail_html", lambda *a: pytest.fail("dibuka"))
    data = b"\xff\xd8" + bytes(int(1.25 * 2**20))
    widget = upload_digit(mlp=mlp, default_image=None)
    widget.upload.value = upload_value("besar.jpg", data, "image/jpeg")
    assert widget.prediction is None and widget.original.value == ""
    assert widget.message == ("Berkas 'besar.jpg' terlalu besar (1,3 MB); paling besar 0,5 MB. "
                              "Perkecil fotonya dulu.")


def test_upload_without_default_image(mlp):
    widget = upload_digit(mlp=mlp, default_image=None)
    assert widget.prediction is None and "Unggah foto" in widget.message


def test_upload_offers_the_same_four_models_as_the_drawing_pad(mlp):
    """``mlp_seed`` dan ``cnn_numpy`` seperti di ``drawing_pad`` (aplikasi Voilà memakainya)."""
    import numpy as np

    from saraf import numpy_cnn
    from saraf.mlp import pretrained
    from saraf.predict import predict_proba

    seed, cnn_numpy = pretrained("784-16-16-10"), numpy_cnn.pretrained()
    widget = upload_digit(mlp=mlp, mlp_seed=seed, cnn_numpy=cnn_numpy, model="cnn_numpy")
    assert [key for _, key in widget.model_toggle.options] == ["mlp", "mlp_seed", "cnn_numpy"]
    assert widget.model_toggle.value == "cnn_numpy" and widget.prediction == 3
    np.testing.assert_allclose(widget.probabilities,
                               predict_proba(cnn_numpy, widget.mnist_image))
    widget.model_toggle.value = "mlp_seed"
    assert "Jaringan seed" in widget.result.value
    np.testing.assert_allclose(widget.probabilities, predict_proba(seed, widget.mnist_image))


def test_upload_button_tells_the_size_limit(mlp, monkeypatch):
    assert upload_digit(mlp=mlp, default_image=None).upload.tooltip.endswith(
        "paling besar 20 MB")
    monkeypatch.setattr(upload, "MAX_UPLOAD_BYTES", 5 * 2**20)
    assert upload_digit(mlp=mlp, default_image=None).upload.tooltip.endswith(
        "paling besar 5 MB")
