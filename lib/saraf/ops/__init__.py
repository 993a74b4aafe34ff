"""Operasi dasar jaringan saraf konvolusional (CNN), ditulis hanya dengan NumPy.

Paket ini berisi versi "buka kap mesin" dari operasi yang biasanya Anda panggil lewat
TensorFlow/Keras. Setiap bagian ada di modulnya sendiri, dan semua namanya dapat dipanggil
langsung dari ``saraf.ops`` (``from saraf import ops; ops.conv2d(...)``):

* :mod:`saraf.ops.sizes` -- ``output_size`` dan ``same_padding`` (rumus ukuran peta fitur
  keluaran), ``pad2d`` (menambahkan padding di sekeliling gambar);
* :mod:`saraf.ops.conv` -- ``conv2d_naive`` (konvolusi dengan dua perulangan yang mudah
  dibaca; kernel juga disebut *filter*) dan ``conv2d`` (konvolusi cepat yang hasilnya sama
  dengan ``tf.nn.conv2d``);
* :mod:`saraf.ops.pool` -- ``max_pool2d`` dan ``avg_pool2d``;
* :mod:`saraf.ops.activations` -- fungsi aktivasi ``relu``, ``sigmoid``, ``softmax`` dan
  fungsi kerugian ``cross_entropy``;
* :mod:`saraf.ops.windows` -- ``windows`` (semua jendela geser sebuah batch) dan
  ``add_windows`` (kebalikannya untuk gradien), dipakai konvolusi dan pooling.

Propagasi balik (pelajaran 11) ada di samping propagasi majunya: ``conv2d_backward``,
``max_pool2d_backward``, ``avg_pool2d_backward``, ``relu_backward``, dan
``softmax_cross_entropy_backward``. Masing-masing menerima masukan maju yang sama ditambah
``grad_output`` (∂L/∂keluaran) dan mengembalikan gradien berbentuk sama dengan masukannya.

Konvensi bentuk (*shape*) mengikuti TensorFlow:

* gambar tunggal: ``(H, W)`` -- tinggi, lebar;
* batch: ``(N, H, W, C)`` (NHWC) -- jumlah gambar, tinggi, lebar, kanal;
* kernel untuk batch: ``(kh, kw, C_in, C_out)`` (HWIO).

Setiap fungsi memeriksa masukannya dengan :mod:`saraf.validation`. Jika ada yang salah,
Anda mendapat ``ValueError`` (nilai salah) atau ``TypeError`` (jenis salah, misalnya teks
di tempat bilangan) dengan pesan berbahasa Indonesia yang menyebut nama parameter, apa yang
diharapkan, dan apa yang Anda berikan.
"""

from saraf.ops.activations import (cross_entropy, relu, relu_backward, sigmoid, softmax,
                                   softmax_cross_entropy_backward)
from saraf.ops.conv import conv2d, conv2d_backward, conv2d_naive
from saraf.ops.pool import avg_pool2d, avg_pool2d_backward, max_pool2d, max_pool2d_backward
from saraf.ops.sizes import output_size, pad2d, same_padding

__all__ = [
    "output_size",
    "same_padding",
    "pad2d",
    "conv2d_naive",
    "conv2d",
    "max_pool2d",
    "avg_pool2d",
    "relu",
    "sigmoid",
    "softmax",
    "cross_entropy",
    "conv2d_backward",
    "max_pool2d_backward",
    "avg_pool2d_backward",
    "relu_backward",
    "softmax_cross_entropy_backward",
]
