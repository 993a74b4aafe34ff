"""Membuat gambar angka "seperti buatan pengguna" untuk pelajaran 15 dan tesnya.

Jalankan dari akar repositori::

    python assets/handwriting/make_images.py

Hasilnya selalu sama (tanpa bilangan acak yang tidak di-seed). Setiap gambar dibuat dari
angka tulisan tangan **asli** MNIST (data uji bawaan ``saraf.data.load_mnist()``), lalu
diubah seperti gambar pengguna berbeda dari MNIST:

* ``hitam_di_putih.png``: tinta hitam di atas putih (kebalikan MNIST), 280 × 280;
* ``tidak_di_tengah.png``: angka di pojok kanvas 400 × 300 (RGB);
* ``kecil_di_kanvas_besar.png``: angka kecil di kanvas 800 × 600 berlatar abu-abu muda;
* ``goresan_tebal.png`` / ``goresan_tipis.png``: goresan dipertebal (dilasi) / dipertipis
  (erosi);
* ``transparan.png``: RGBA, tinta biru di atas latar transparan;
* ``kapur_di_papan.png``: kapur putih di papan tulis hijau tua (bertekstur);
* ``foto_kertas.jpg``: "foto" tinta biru di kertas: warna kertas, gradasi cahaya, derau,
  sedikit miring dan kabur, disimpan sebagai JPEG;
* ``mouse_0.png``, ``mouse_1.png``, ``mouse_4.png``, ``mouse_7.png``: goresan garis tebal
  seperti digambar dengan tetikus di papan gambar 280 × 280;

serta ``assets/3-sample.png``: angka 3 hitam di atas putih, contoh jalan pintas yang keliru
di awal pelajaran 15.

Label setiap gambar ada di :data:`LABELS` (dipakai tes ``tests/test_preprocess.py``).

Lisensi: gambar yang dibuat dari MNIST mengikuti lisensi MNIST (CC BY-SA 3.0, LeCun,
Cortes, Burges). Gambar ``mouse_*.png`` dibuat dari garis saja (MIT, seperti kode seri ini).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter  # noqa: E402

from saraf.data import load_mnist  # noqa: E402

#: Nama berkas → angka yang tertulis di dalamnya.
LABELS = {
    "hitam_di_putih.png": 2,
    "tidak_di_tengah.png": 4,
    "kecil_di_kanvas_besar.png": 5,
    "goresan_tebal.png": 0,
    "goresan_tipis.png": 9,
    "transparan.png": 6,
    "kapur_di_papan.png": 7,
    "foto_kertas.jpg": 3,
    "mouse_0.png": 0,
    "mouse_1.png": 1,
    "mouse_4.png": 4,
    "mouse_7.png": 7,
}
SAMPLE = ROOT / "assets" / "3-sample.png"

# Angka MNIST mana yang dipakai: (kelas, urutan kemunculan kelas itu di data uji bawaan).
# Dipilih di antara angka yang dalam bentuk MNIST aslinya ditebak benar oleh kedua model
# tersimpan (MLP pelajaran 10 dan CNN pelajaran 12): bila tebakan untuk gambar hasil
# ubahannya salah, yang salah adalah pra-pemrosesannya, bukan angkanya yang sulit.
SOURCES = {
    "hitam_di_putih.png": (2, 2),
    "tidak_di_tengah.png": (4, 1),
    "kecil_di_kanvas_besar.png": (5, 0),
    "goresan_tebal.png": (0, 0),
    "goresan_tipis.png": (9, 1),
    "transparan.png": (6, 0),
    "kapur_di_papan.png": (7, 1),
    "foto_kertas.jpg": (3, 0),
    "3-sample.png": (3, 1),
}


def mnist_digit(x_test, y_test, label: int, occurrence: int) -> np.ndarray:
    """Angka MNIST asli (float 0–1, 28 × 28): kemunculan ke-``occurrence`` kelas ``label``."""
    index = np.flatnonzero(y_test == label)[occurrence]
    return x_test[index].astype(np.float32) / 255


def ink_map(digit: np.ndarray, height: int) -> np.ndarray:
    """Angka 28 × 28 diperbesar menjadi peta tinta halus (0–1) setinggi ``height`` piksel.

    Diperbesar bikubik, lalu tepinya dipertajam sedikit seperti goresan pena.
    """
    big = Image.fromarray(digit).resize((height, height), Image.Resampling.BICUBIC)
    ink = np.clip((np.asarray(big, dtype=np.float32) - 0.2) / 0.5, 0, 1)
    return ink


def morph(ink: np.ndarray, size: int, grow: bool) -> np.ndarray:
    """Dilasi (``grow=True``) atau erosi goresan dengan jendela ``size`` × ``size``."""
    image = Image.fromarray((ink * 255).astype(np.uint8))
    image = image.filter(ImageFilter.MaxFilter(size) if grow else ImageFilter.MinFilter(size))
    return np.asarray(image, dtype=np.float32) / 255


def paste_ink(canvas: np.ndarray, ink: np.ndarray, top: int, left: int,
              color) -> np.ndarray:
    """Menempel tinta berwarna ``color`` (RGB 0–1) ke kanvas RGB float (tinta menutupi latar)."""
    h, w = ink.shape
    region = canvas[top:top + h, left:left + w]
    alpha = ink[..., None]
    region[:] = alpha * np.asarray(color, dtype=np.float32) + (1 - alpha) * region
    return canvas


def to_uint8(array: np.ndarray) -> np.ndarray:
    return (np.clip(array, 0, 1) * 255).round().astype(np.uint8)


def white_canvas(width: int, height: int, level: float = 1.0) -> np.ndarray:
    return np.full((height, width, 3), level, dtype=np.float32)


def mouse_strokes(strokes, size: int = 280, width: int = 18) -> Image.Image:
    """Goresan seperti di papan gambar: garis hitam tebal berujung bulat di atas putih."""
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    radius = width / 2
    for points in strokes:
        draw.line(points, fill=0, width=width, joint="curve")
        for x, y in points:
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=0)
    return image


def arc(cx, cy, rx, ry, start, stop, n=24):
    angles = np.linspace(np.radians(start), np.radians(stop), n)
    return [(float(cx + rx * np.cos(a)), float(cy + ry * np.sin(a))) for a in angles]


def make_all(out_dir: Path = HERE, sample_path: Path = SAMPLE) -> list[Path]:
    (_, _), (x_test, y_test) = load_mnist()
    rng = np.random.default_rng(2024)
    digit = {name: mnist_digit(x_test, y_test, *src) for name, src in SOURCES.items()}
    written = []

    def save(image: Image.Image, name: str, **kwargs) -> None:
        path = out_dir / name if name != "3-sample.png" else sample_path
        image.save(path, **kwargs)
        written.append(path)

    # 1. Hitam di atas putih, seukuran kanvas papan gambar.
    ink = ink_map(digit["hitam_di_putih.png"], 280)
    save(Image.fromarray(to_uint8(1 - ink)), "hitam_di_putih.png")

    # 2. Tidak di tengah: angka 140 px di kiri atas kanvas 400 × 300.
    canvas = white_canvas(400, 300)
    paste_ink(canvas, ink_map(digit["tidak_di_tengah.png"], 140), 20, 30, (0.1, 0.1, 0.1))
    save(Image.fromarray(to_uint8(canvas)), "tidak_di_tengah.png")

    # 3. Kecil di kanvas besar: angka 60 px di kanvas 800 × 600 abu-abu muda.
    canvas = white_canvas(800, 600, 0.9)
    paste_ink(canvas, ink_map(digit["kecil_di_kanvas_besar.png"], 60), 380, 520,
              (0.15, 0.15, 0.15))
    save(Image.fromarray(to_uint8(canvas[..., 0])), "kecil_di_kanvas_besar.png")

    # 4–5. Goresan tebal (dilasi) dan tipis (erosi), hitam di atas putih 280 × 280.
    thick = morph(ink_map(digit["goresan_tebal.png"], 280), 17, grow=True)
    save(Image.fromarray(to_uint8(1 - thick)), "goresan_tebal.png")
    thin = morph(ink_map(digit["goresan_tipis.png"], 280), 11, grow=False)
    save(Image.fromarray(to_uint8(1 - thin)), "goresan_tipis.png")

    # 6. RGBA: tinta biru tua, latar transparan (alfa = tinta).
    ink = np.zeros((300, 300), dtype=np.float32)
    ink[40:260, 50:270] = ink_map(digit["transparan.png"], 220)
    rgba = np.zeros((300, 300, 4), dtype=np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2] = 20, 40, 140
    rgba[..., 3] = to_uint8(ink)
    save(Image.fromarray(rgba), "transparan.png")

    # 7. Kapur putih di papan hijau tua: latar sudah gelap, bertekstur.
    canvas = np.empty((320, 320, 3), dtype=np.float32)
    canvas[:] = (0.12, 0.25, 0.18)
    grain = Image.fromarray(rng.normal(0, 0.04, (40, 40)).astype(np.float32))
    canvas += np.asarray(grain.resize((320, 320), Image.Resampling.BICUBIC))[..., None]
    streaks = Image.fromarray(rng.uniform(0.7, 1.0, (60, 60)).astype(np.float32))
    chalk = ink_map(digit["kapur_di_papan.png"], 240) * np.asarray(
        streaks.resize((240, 240), Image.Resampling.NEAREST))
    paste_ink(canvas, chalk, 50, 30, (0.92, 0.92, 0.88))
    save(Image.fromarray(to_uint8(canvas)), "kapur_di_papan.png")

    # 8. Foto tinta di kertas: JPEG, kertas krem, gradasi cahaya, derau, miring, kabur.
    height, width = 480, 640
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    light = 1.0 - 0.18 * (xx / width) - 0.12 * (yy / height)  # lebih gelap ke kanan bawah
    canvas = np.empty((height, width, 3), dtype=np.float32)
    canvas[:] = (0.96, 0.94, 0.88)
    canvas *= light[..., None]
    ink = Image.fromarray(ink_map(digit["foto_kertas.jpg"], 260)).rotate(
        6, resample=Image.Resampling.BICUBIC, expand=True)
    ink = np.clip(np.asarray(ink, dtype=np.float32), 0, 1)
    paste_ink(canvas, ink * 0.9, 90, 200, (0.12, 0.16, 0.38))
    canvas += rng.normal(0, 0.02, canvas.shape)
    photo = Image.fromarray(to_uint8(canvas)).filter(ImageFilter.GaussianBlur(1.2))
    save(photo, "foto_kertas.jpg", quality=80)

    # 9. Goresan mouse di papan gambar 280 × 280.
    save(mouse_strokes([[(150, 50), (146, 130), (142, 230)]]), "mouse_1.png")
    save(mouse_strokes([[(70, 70), (210, 66), (175, 140), (140, 235)]]), "mouse_7.png")
    save(mouse_strokes([arc(140, 140, 62, 92, -90, 270, 40)]), "mouse_0.png")
    save(mouse_strokes([[(165, 50), (70, 170), (215, 170)], [(175, 110), (170, 240)]]),
         "mouse_4.png")

    # Contoh jalan pintas yang keliru: angka 3 hitam di atas putih, tanpa diproses.
    ink = np.zeros((300, 300), dtype=np.float32)
    ink[20:280, 30:290] = ink_map(digit["3-sample.png"], 260)
    save(Image.fromarray(to_uint8(1 - ink)), "3-sample.png")
    return written


if __name__ == "__main__":
    for path in make_all():
        print(f"{path.relative_to(ROOT)}  ({path.stat().st_size} bait)")
