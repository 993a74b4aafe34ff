"""Aturan glosarium seri Saraf yang dapat diperiksa mesin.

Seri ini memakai satu istilah untuk satu konsep di semua notebook (lihat
``notebooks/GLOSARIUM.md``). Modul ini menyimpan bentuk yang *tidak* dipakai beserta
penggantinya, dan ``find_rejected`` mencarinya di sebuah teks::

    >>> find_rejected("Matriks kebingungan menunjukkan resiko salah klasifikasi.")
    [('Matriks kebingungan', 'matriks konfusi'), ('resiko', 'risiko')]

``tests/test_glossary.py`` memakai aturan ini untuk memeriksa setiap notebook, pustaka
``saraf``, dan README, serta memastikan bahwa kolom "Hindari" dan tabel "Kesalahan Bahasa
yang Dihindari" di ``GLOSARIUM.md`` sama persis dengan ``REJECTED``. Jadi bila Anda menambah
aturan di sini, tambahkan juga barisnya di ``GLOSARIUM.md`` (dan sebaliknya).

Pencocokan mengabaikan besar-kecil huruf dan hanya mencocokkan kata utuh: ``resiko``
ditemukan di "Resiko itu kecil." dan "resikonya", tetapi tidak di dalam kata lain.
Bentuk yang terdiri atas beberapa kata juga ditemukan bila kata-katanya dipisahkan
ganti baris.
"""

from __future__ import annotations

import re

#: Bentuk yang ditolak (huruf kecil) → istilah yang dipakai seri ini.
#: Bagian pertama sesuai tabel glosarium, bagian kedua kesalahan ejaan dan ragam bahasa.
REJECTED: dict[str, str] = {
    # --- Istilah (tabel glosarium) ---
    "jaringan saraf buatan": "jaringan saraf tiruan",
    "syaraf": "saraf",
    "lapisan input": "lapisan masukan",
    "lapisan output": "lapisan keluaran",
    "perkalian dot": "perkalian titik",
    "produk titik": "perkalian titik",
    "peta ciri": "peta fitur",
    "dilatasi": "dilasi",
    "lapisan pengumpul": "pooling",
    "skor kepercayaan": "skor keyakinan",
    "fungsi kehilangan": "fungsi kerugian",
    "fungsi galat": "fungsi kerugian",
    "turunan gradien": "penurunan gradien",
    "propagasi mundur": "propagasi balik",
    "perambatan balik": "propagasi balik",
    "kecepatan pembelajaran": "laju pembelajaran",
    "kecepatan belajar": "laju pembelajaran",
    "laju belajar": "laju pembelajaran",
    "epok": "epoch",
    "epoh": "epoch",
    "pengoptimasi": "pengoptimal",
    "matriks kebingungan": "matriks konfusi",
    "misklasifikasi": "salah klasifikasi",
    "data training": "data latih",
    "data testing": "data uji",
    "skala abu-abu": "skala keabuan",
    "pengkodean": "pengodean",
    "algoritme": "algoritma",
    # --- Ejaan baku dan ragam bahasa ---
    "kamu": "Anda",
    "kalian": "Anda",
    "banget": "sangat",
    "nggak": "tidak",
    "enggak": "tidak",
    "merubah": "mengubah",
    "dirubah": "diubah",
    "aktifasi": "aktivasi",
    "analisa": "analisis",
    "menganalisa": "menganalisis",
    "dianalisa": "dianalisis",
    "resiko": "risiko",
    "beresiko": "berisiko",
    "praktek": "praktik",
    "mempraktekkan": "mempraktikkan",
    "obyek": "objek",
    "mengkonversi": "mengonversi",
    "mengkompilasi": "mengompilasi",
    "mengkalikan": "mengalikan",
    "mengkodekan": "mengodekan",
    "mempengaruhi": "memengaruhi",
    "menormalisir": "menormalisasi",
    "inputan": "masukan",
    "outputan": "keluaran",
    "non-linear": "nonlinear",
    "non linear": "nonlinear",
    "nonlinier": "nonlinear",
    "non-linier": "nonlinear",
    "linier": "linear",
    "melakukan pengecekan": "mengecek",
    "tergantung": "bergantung pada",
    "kaos": "kaus",
    "bertumit tinggi": "berleher tinggi",
    "merugi": "kerugian",
    "toh": "(hapus)",
    "pra-pemrosesan": "prapemrosesan",
    "antar-elemen": "antarelemen",
    # Arah tepi: satu pasangan saja, "vertikal/horizontal" (nama kernel di pelajaran 03).
    "tepi tegak": "tepi vertikal",
    "tepi mendatar": "tepi horizontal",
}

# Perbandingan memakai "daripada"; "dari" menandai asal ("gambar dari MNIST"). Hanya kata
# sifat yang selalu membandingkan bila diikuti "dari" (bukan "jauh" atau "dekat": "lebih jauh
# dari garis" memakai "dari" dengan benar).
REJECTED.update({
    f"lebih {adjective} dari": f"lebih {adjective} daripada"
    for adjective in ("baik", "buruk", "besar", "kecil", "tinggi", "rendah", "cepat", "lambat",
                      "lama", "panjang", "pendek", "lebar", "sempit", "terang", "gelap",
                      "mudah", "sulit")
})

def _form_pattern(form: str) -> str:
    # Spasi di dalam bentuk boleh berupa spasi apa pun, termasuk ganti baris.
    return r"\s+".join(re.escape(word) for word in form.split(" "))


# Hanya kata utuh: tidak didahului huruf, angka, atau tanda hubung (jadi "linier" di dalam
# "non-linier" tidak dicocokkan sendiri) dan tidak diikuti huruf atau angka (jadi "kamu"
# tidak cocok di dalam "kamus", tetapi "kamu-kamu" tetap ditemukan). Bentuk yang lebih
# panjang dicoba lebih dulu. Akhiran -nya, -lah, -kah, dan -pun boleh menempel ("resikonya").
_PATTERN = re.compile(
    r"(?<![\w-])(?P<form>"
    + "|".join(_form_pattern(f) for f in sorted(REJECTED, key=len, reverse=True))
    + r")(?:nya|lah|kah|pun)?(?!\w)",
    re.IGNORECASE,
)


def find_rejected(text: str) -> list[tuple[str, str]]:
    """Semua bentuk yang ditolak di ``text``, sebagai ``(yang ditemukan, istilah yang dipakai)``.

    ``yang ditemukan`` adalah potongan teks apa adanya (besar-kecil hurufnya tidak
    diubah), dalam urutan kemunculannya. Daftar kosong berarti teksnya sesuai glosarium.
    """
    return [(found, chosen) for _, found, chosen in find_rejected_lines(text)]


def find_rejected_lines(text: str) -> list[tuple[int, str, str]]:
    """Seperti ``find_rejected``, ditambah nomor baris (mulai dari 1) di depan setiap temuan."""
    return [
        (text.count("\n", 0, m.start()) + 1, m.group(0),
         REJECTED[" ".join(m.group("form").lower().split())])
        for m in _PATTERN.finditer(text)
    ]
