"""Alat untuk pengelola dan pengajar seri Saraf, BUKAN untuk pembelajar.

Pembelajar cukup memakai pustaka ``saraf`` (``lib/saraf``) di samping notebook. Paket ini
berisi perkakas di balik perintah peluncur ``python mulai.py``:

* ``tools.lessons``: satu-satunya daftar urutan pelajaran (dipakai semua alat dan tes);
* ``tools.notebooks``: menjalankan ulang notebook dan memeriksa cara penyimpanannya
  (``python mulai.py segarkan``);
* ``tools.edition``: edisi siswa tanpa solusi dan kunci jawaban (``python mulai.py edisi``);
* ``tools.site``, ``tools.site_math``, ``tools.site_widgets``: situs baca HTML statis
  (``python mulai.py situs``);
* ``tools.glossary``: aturan glosarium yang diperiksa tes.

Paket ini tidak ikut terpasang bersama ``saraf``; jalankan dari akar repositori
(``python -m tools.site``), seperti yang dilakukan ``mulai.py``.
"""
