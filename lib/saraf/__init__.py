"""Saraf: pustaka pendamping seri notebook jaringan saraf tiruan (JST) berbahasa Indonesia.

Modul-modulnya sengaja kecil dan dapat dibaca di samping pelajarannya:

* ``saraf.session``: persiapan notebook, ``saraf.setup()`` (seed, format cetak, gaya gambar).
* ``saraf.data``: memuat MNIST dan Fashion-MNIST (data asli bawaan, luring).
* ``saraf.resources``: satu tempat untuk menemukan data bawaan dan model tersimpan.
* ``saraf.ops``: operasi CNN dengan NumPy saja, maju dan mundur (propagasi balik); isinya
  ``sizes`` (ukuran peta fitur dan padding), ``conv`` (konvolusi), ``pool`` (pooling),
  ``activations`` (fungsi aktivasi dan cross-entropy), ``windows`` (jendela geser).
* ``saraf.mlp``: JST terhubung penuh dengan NumPy dan backpropagation (pelajaran 08–10).
* ``saraf.netfile``: menyimpan dan membaca bobot ``saraf.mlp.Network`` (berkas ``.npz``).
* ``saraf.numpy_cnn``: CNN dari nol dengan NumPy: lapisan dengan ``forward``/``backward``,
  ``ConvNet``, pelatihan, model tersimpan (pelajaran 11).
* ``saraf.optim``: pengoptimal penurunan gradien (SGD dengan momentum, RMSprop, Adam), NumPy.
* ``saraf.cnn``: CNN Keras untuk pelajaran 12–14: membangun, melatih, menyimpan, memuat.
* ``saraf.evaluation``: pembagian data validasi, matriks konfusi, akurasi per kelas (NumPy).
* ``saraf.images``: membuka gambar apa pun dengan aman menjadi array grayscale 0–1.
* ``saraf.preprocess``: mengubah gambar angka apa pun menjadi format MNIST (pelajaran 15).
* ``saraf.writers``: angka tulisan tangan dari penulis lain (data uji UCI 8 × 8, luring) dan
  ``as_photo`` yang menggambarnya sebagai foto kertas (pelajaran 15).
* ``saraf.augment``: augmentasi data Keras (putar, perbesaran, lebar, geser, tebal goresan) untuk
  CNN tersimpan yang tahan terhadap tulisan tangan selain MNIST.
* ``saraf.predict``: memprediksi satu gambar angka dengan cepat.
* ``saraf.plots``: gambar untuk pelajaran (judul dan label berbahasa Indonesia).
* ``saraf.charts``: diagram pelatihan dan evaluasi (riwayat, matriks konfusi, skor keyakinan).
* ``saraf.diagrams``: diagram arsitektur model (satu kotak per lapisan, dengan bentuknya) dan
  aliran galat backpropagation (BP1–BP4) melalui sebuah MLP.
* ``saraf.widgets``: widget interaktif; setiap penjelajah punya modul keadaan tanpa widget
  dan modul tampilan:

  * ``basics``: widget sederhana pelajaran 00;
  * ``neuron`` dan ``neuron_state``: penjelajah neuron (pelajaran 02);
  * ``conv`` dan ``conv_state``: penjelajah konvolusi (pelajaran 03);
  * ``receptive_field`` dan ``receptive_field_state``: penjelajah medan reseptif (pelajaran 03);
  * ``pool`` dan ``pool_state``: penjelajah pooling (pelajaran 05);
  * ``window_state`` dan ``window_view``: jendela yang digeser, bersama konvolusi dan pooling;
  * ``softmax`` dan ``softmax_state``: penjelajah softmax (pelajaran 06);
  * ``gradient_descent_state``: isi penjelajah penurunan gradien;
  * ``probabilities``: diagram batang skor keyakinan;
  * ``drawpad``: papan gambar, dan ``upload``: unggah foto angka (pelajaran 15);
  * ``colors``, ``svg``, ``grid``, ``controls``: warna, potongan SVG, kisi angka, dan
    kontrol ipywidgets bersama semua penjelajah.

* ``saraf.checks``: pemeriksa latihan dengan umpan balik berbahasa Indonesia; satu modul per
  pelajaran, dinamai menurut topiknya (``saraf.checks.konvolusi`` untuk
  ``03_konvolusi.ipynb``). ``saraf.checks.exercises`` memberi setiap pelajaran
  ``checks.hint(N)`` dan ``checks.solution(N)`` (petunjuk dan jawaban acuan bila diminta).
* ``saraf.progress``: catatan kemajuan latihan di buku kerja dan tabelnya.
* ``saraf.validation``: pemeriksaan masukan dan pesan kesalahan baku seluruh ``saraf``.
* ``saraf.formatting``: angka untuk dibaca manusia (koma desimal, titik ribuan).
* ``saraf.env``: pemeriksaan lingkungan (paket yang dibutuhkan seri ini).

Alat untuk pengelola dan pengajar (menyegarkan notebook, edisi siswa, situs baca) tidak ada di
sini, tetapi di folder ``tools/`` repositori.

Mengimpor ``saraf`` tidak memuat TensorFlow; modul yang membutuhkannya memuatnya sendiri.
"""

from saraf.session import setup

__version__ = "0.1.0"
__all__ = ["setup", "__version__"]
