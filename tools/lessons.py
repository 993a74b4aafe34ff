"""Urutan pelajaran seri Saraf: SATU daftar untuk peluncur, situs, edisi, dan tes.

Setiap pelajaran adalah notebook ``notebooks/<slug>.ipynb``. ``slug`` terdiri atas nomor dua
angka dan nama topik (``03_konvolusi``); nama topik yang sama dipakai modul pemeriksa
latihannya (``saraf.checks.konvolusi``). Untuk menambah, menghapus, atau mengurutkan ulang
pelajaran, ubah :data:`LESSONS` di sini; ``tests/test_lessons.py`` memastikan daftar ini sama
dengan isi folder ``notebooks/``.

Modul ini hanya memakai pustaka standar Python, sehingga ``mulai.py`` pun dapat memuatnya.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"


@dataclass(frozen=True)
class Lesson:
    """Satu pelajaran; ``slug`` adalah nama notebooknya tanpa ``.ipynb``."""

    slug: str

    @property
    def number(self) -> str:
        """Nomor dua angka, misalnya ``"03"``."""
        return self.slug[:2]

    @property
    def topic(self) -> str:
        """Nama topik tanpa nomor, misalnya ``"konvolusi"``."""
        return self.slug[3:]

    @property
    def filename(self) -> str:
        """Nama berkas notebook, misalnya ``"03_konvolusi.ipynb"``."""
        return self.slug + ".ipynb"

    def path(self, folder: Path | str = NOTEBOOK_DIR) -> Path:
        """Letak notebook pelajaran ini di ``folder`` (bawaan: ``notebooks/``)."""
        return Path(folder) / self.filename


#: Semua pelajaran, dalam urutan belajar.
LESSONS: tuple[Lesson, ...] = tuple(Lesson(slug) for slug in (
    "00_mulai",
    "01_array_dan_shape",
    "02_neuron",
    "03_konvolusi",
    "04_relu",
    "05_pooling",
    "06_flatten_dense_softmax",
    "07_penurunan_gradien",
    "08_mlp_propagasi_maju",
    "09_backpropagation",
    "10_melatih_mlp",
    "11_cnn_dari_nol",
    "12_cnn_mnist",
    "13_fashion_mnist",
    "14_di_dalam_cnn",
    "15_tulisan_tangan",
))

#: Nomor yang sudah disediakan untuk pelajaran yang belum ditulis (nomor → topik), misalnya
#: ``{"16": "Topik berikutnya"}``. Pelajaran lain tidak perlu dinomori ulang saat pelajaran itu
#: datang: tambahkan slug-nya ke :data:`LESSONS` dan hapus nomornya dari sini. Saat ini kosong.
COMING: dict[str, str] = {}


def find(name: str) -> Lesson:
    """Pelajaran menurut nomor (``"03"``), topik (``"konvolusi"``), slug, atau nama berkas."""
    key = Path(str(name)).name.removesuffix(".ipynb")
    for lesson in LESSONS:
        if key in (lesson.number, lesson.topic, lesson.slug):
            return lesson
    known = ", ".join(lesson.slug for lesson in LESSONS)
    raise ValueError(f"Pelajaran {name!r} tidak ada dalam daftar pelajaran ({known}).")


def notebook_paths(folder: Path | str = NOTEBOOK_DIR) -> list[Path]:
    """Notebook pelajaran yang ada di ``folder``, urut pelajaran (yang tidak ada dilewati)."""
    return [lesson.path(folder) for lesson in LESSONS if lesson.path(folder).is_file()]


def in_order(paths) -> list[Path]:
    """``paths`` (berkas notebook) diurutkan menurut urutan pelajaran.

    Nama berkas yang bukan pelajaran seri ini menimbulkan ``ValueError`` yang menyebutkannya.
    """
    paths = [Path(p) for p in paths]
    order = {lesson.filename: i for i, lesson in enumerate(LESSONS)}
    unknown = [p.name for p in paths if p.name not in order]
    if unknown:
        raise ValueError(f"Bukan notebook pelajaran seri ini: {', '.join(unknown)}. "
                         "Daftar pelajaran ada di tools/lessons.py.")
    return sorted(paths, key=lambda p: order[p.name])
