"""Melatih ulang jaringan tersimpan ``saraf.mlp`` di ``assets/``, misalnya ``mlp_784_30_10.npz``.

Jalankan dari akar repositori::

    python assets/train_mlp.py            # menulis assets/mlp_784_30_10.npz
    python assets/train_mlp.py --check    # hanya melatih dan membandingkan dengan berkas yang ada
    python assets/train_mlp.py --sizes 784,16,16,10 --init normal --cost quadratic \\
        --epochs 10 --eta 3.0 --seed 1    # jaringan seed: assets/mlp_784_16_16_10.npz

Tanpa opsi, resepnya adalah resep ``mlp_784_30_10.npz`` (semua tetap, jadi dapat diulang):

* data: MNIST bawaan ``saraf.data.load_mnist()`` (8.000 gambar latih; 2.000 gambar uji hanya
  untuk melaporkan akurasi, tidak dipakai untuk memilih apa pun), piksel dibagi 255;
* jaringan: ``Network([784, 30, 10], seed=0, init="lecun", cost="cross_entropy")``;
* pelatihan: ``sgd`` 30 epoch, mini-batch 10, laju pembelajaran η = 0,5.

Jaringan seed ``mlp_784_16_16_10.npz`` adalah jaringan program awal proyek ini: 784-16-16-10,
sigmoid, awal normal N(0, 1), biaya kuadratik, dilatih dengan resep jaringan Nielsen di
pelajaran 10 (10 epoch, mini-batch 10, η = 3,0, seed 1); perintahnya ada di atas.

``--init xavier`` masih diterima sebagai nama lama ``lecun`` (bobotnya sama persis). Berkas
``mlp_784_30_10.npz`` dibuat saat nama lama itu masih dipakai, jadi isinya ``init = "xavier"``;
``Network.load`` membacanya sebagai ``"lecun"``.

Tanpa ``--out``, berkasnya ``assets/mlp_<ukuran>.npz``, misalnya ``mlp_784_16_16_10.npz``.
Dengan seed yang sama, mesin yang sama menghasilkan bobot yang sama persis. CPU lain
(instruksi SIMD, pustaka BLAS, banyak thread) dapat menggeser angka di digit terakhir, jadi
skrip ini mencetak akurasi dan sidik jari bobot (SHA-256 isi array) agar mudah dibandingkan.

Lisensi: bobot ini diturunkan dari MNIST (CC BY-SA 3.0, LeCun, Cortes, Burges).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

import numpy as np  # noqa: E402

from saraf import resources  # noqa: E402
from saraf.data import load_mnist  # noqa: E402
from saraf.formatting import thousands  # noqa: E402
from saraf.mlp import COSTS, INIT_ALIASES, INITS, Network  # noqa: E402

#: Resep bawaan: jaringan ``assets/mlp_784_30_10.npz``.
DEFAULTS = {"sizes": [784, 30, 10], "init": "lecun", "cost": "cross_entropy", "epochs": 30,
            "batch": 10, "eta": 0.5, "seed": 0, "source": "embedded"}


def fingerprint(net: Network) -> str:
    """SHA-256 dari semua bobot dan bias (float64, urutan lapisan)."""
    digest = hashlib.sha256()
    for w, b in zip(net.weights, net.biases):
        digest.update(np.ascontiguousarray(w, dtype="<f8").tobytes())
        digest.update(np.ascontiguousarray(b, dtype="<f8").tobytes())
    return digest.hexdigest()


def default_output(sizes) -> Path:
    """``assets/mlp_784_30_10.npz`` untuk ``[784, 30, 10]``, dan seterusnya."""
    return resources.asset("mlp_" + "_".join(str(s) for s in sizes) + ".npz")


def train(args) -> Network:
    """Melatih jaringan menurut opsi ``args``; mencetak akurasi selama pelatihan."""
    (x_train, y_train), (x_test, y_test) = load_mnist(source=args.source)
    x_train = x_train.reshape(len(x_train), -1) / 255
    x_test = x_test.reshape(len(x_test), -1) / 255
    net = Network(args.sizes, seed=args.seed, init=args.init, cost=args.cost)
    history = net.sgd(x_train, y_train, args.epochs, args.batch, args.eta,
                      test_data=(x_test, y_test), progress=True)
    every = 5 if args.epochs >= 10 else 1
    for h in history[every - 1::every]:
        print(f"epoch {h['epoch']:2d}: biaya latih {h['cost']:.4f}, "
              f"akurasi latih {h['accuracy']:.4f}, akurasi uji {h['test_accuracy']:.4f}")
    return net


def sizes_option(text: str) -> list[int]:
    """``"784,16,16,10"`` → ``[784, 16, 16, 10]`` (untuk argparse)."""
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        sizes = []
    if len(sizes) < 2 or min(sizes) < 1:
        raise argparse.ArgumentTypeError(
            f"harus daftar minimal dua bilangan bulat ≥ 1 dipisah koma, misalnya 784,30,10; "
            f"yang diberikan: {text!r}")
    return sizes


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add = parser.add_argument
    add("--sizes", type=sizes_option, default=DEFAULTS["sizes"],
        help="banyak neuron per lapisan, dipisah koma (bawaan: 784,30,10)")
    add("--init", choices=INITS + tuple(INIT_ALIASES), default=DEFAULTS["init"],
        help="nilai awal bobot: normal = N(0, 1), lecun = N(0, 1/n_masuk); xavier adalah nama "
             "lama untuk lecun (bawaan: lecun)")
    add("--cost", choices=COSTS, default=DEFAULTS["cost"],
        help="fungsi biaya (bawaan: cross_entropy)")
    add("--epochs", type=int, default=DEFAULTS["epochs"], help="banyak epoch (bawaan: 30)")
    add("--eta", type=float, default=DEFAULTS["eta"],
        help="laju pembelajaran η (bawaan: 0.5)")
    add("--batch", type=int, default=DEFAULTS["batch"], help="ukuran mini-batch (bawaan: 10)")
    add("--seed", type=int, default=DEFAULTS["seed"],
        help="seed bilangan acak untuk bobot awal dan urutan data (bawaan: 0)")
    add("--source", choices=("embedded", "full"), default=DEFAULTS["source"],
        help="data MNIST: embedded = 8.000 gambar bawaan, full = 60.000 gambar lengkap "
             "(bawaan: embedded)")
    add("--out", type=Path, default=None,
        help="berkas .npz yang ditulis (bawaan: assets/mlp_<ukuran>.npz)")
    add("--check", action="store_true",
        help="jangan menulis; bandingkan dengan berkas yang sudah ada")
    args = parser.parse_args(argv)
    args.out = args.out or default_output(args.sizes)
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    net = train(args)
    print(f"sidik jari bobot: {fingerprint(net)}")
    if args.check:
        saved = Network.load(args.out)
        same = all(np.array_equal(a, b) for a, b in
                   zip(saved.weights + saved.biases, net.weights + net.biases))
        close = saved.sizes == net.sizes and all(
            np.allclose(a, b, rtol=1e-6, atol=1e-8) for a, b in
            zip(saved.weights + saved.biases, net.weights + net.biases))
        print(f"berkas tersimpan: {fingerprint(saved)}")
        print("sama persis" if same and close else
              ("sama (selisih pembulatan saja)" if close else "BERBEDA"))
        sys.exit(0 if close else 1)
    net.save(args.out)
    print(f"tersimpan: {args.out} ({thousands(args.out.stat().st_size)} byte)")


if __name__ == "__main__":
    main()
