"""CNN yang ditulis hanya dengan NumPy: lapisan, propagasi maju dan mundur, pelatihan (pelajaran 11).

``saraf.mlp`` adalah JST terhubung penuh dari nol; ``saraf.cnn`` adalah CNN Keras. Paket ini
berada di antaranya: CNN yang sama seperti di Keras, tetapi setiap langkahnya terlihat.
Bacalah dalam urutan ini:

* :mod:`saraf.numpy_cnn.layers` -- setiap lapisan adalah objek kecil dengan dua metode:
  ``forward(x)`` menghitung keluaran dan **mengingat** masukannya (dibutuhkan nanti);
  ``backward(grad_output)`` menerima ∂L/∂keluaran, menyimpan gradien parameternya di
  ``grads``, lalu mengembalikan ∂L/∂masukan untuk lapisan sebelumnya (aturan rantai);
* :mod:`saraf.numpy_cnn.network` -- ``ConvNet`` (``feedforward``, ``backprop``,
  ``update_mini_batch``, ``fit``, ``evaluate``, ``predict_proba``, ``save``/``load``),
  ``build`` (arsitektur pelajaran 11) dan ``pretrained`` (model tersimpan di ``assets/``).

Contoh::

    from saraf import numpy_cnn
    net = numpy_cnn.build(seed=0)
    history = net.fit(x_train / 255, y_train, epochs=1)   # Adam(0.001), mini-batch 32
    net.predict_proba(x_test[:5] / 255)                   # (5, 10)

Hanya butuh NumPy (tanpa TensorFlow).
"""

from saraf.numpy_cnn.layers import Conv2D, Dense, Flatten, MaxPool2D, ReLU
from saraf.numpy_cnn.network import PRETRAINED_PATH, ConvNet, build, pretrained

__all__ = ["Conv2D", "ReLU", "MaxPool2D", "Flatten", "Dense", "ConvNet", "build",
           "pretrained", "PRETRAINED_PATH"]
