"""Pembantu bersama tes gambar (``test_images.py``, ``test_preprocess.py``); bukan berkas tes."""

import io

from PIL import Image, ImageDraw


def line_image(size=200, width=9, background=255, ink=0, mode="L") -> Image.Image:
    """Gambar PIL berisi satu goresan hampir tegak, seperti angka 1 yang ditulis tangan."""
    image = Image.new(mode, (size, size), background)
    ImageDraw.Draw(image).line([(size * 0.5, size * 0.15), (size * 0.45, size * 0.85)],
                               fill=ink, width=width)
    return image


def png_bytes(image: Image.Image, fmt="PNG", **kwargs) -> bytes:
    """Isi berkas gambar (PNG bawaan) sebagai bytes, seperti yang diunggah pembelajar."""
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **kwargs)
    return buffer.getvalue()
