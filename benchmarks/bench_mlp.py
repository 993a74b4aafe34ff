"""Waktu satu epoch SGD untuk jaringan 784-30-10: versi vektor vs satu contoh demi satu contoh.

Jalankan dari akar repositori::

    python benchmarks/bench_mlp.py             # 4.000 digit, mini-batch 10 dan 32 (bawaan)
    python benchmarks/bench_mlp.py --batch 10  # hanya mini-batch 10
    python benchmarks/bench_mlp.py --n 8000    # seluruh data latih bawaan

Skrip ini bukan uji; ia mencetak tabel berbahasa Indonesia. Keempat pelatih memakai data yang
sama, bobot awal yang sama, dan urutan mini-batch yang sama, lalu skrip memeriksa bahwa
bobot akhirnya sama (``np.allclose``) sebelum mencetak waktunya. Semua rasio diukur dalam
satu kali jalan, bergantian, dan yang dilaporkan adalah waktu terbaik.

Pelatih yang dibandingkan:

* ``Network.sgd(vectorized=True)``: backpropagation untuk seluruh mini-batch sekaligus;
* ``Network.sgd(vectorized=False)``: contoh demi contoh, seperti ``network.py`` Nielsen;
* gaya Nielsen asli: perulangan ``network.py`` (vektor kolom ``(784, 1)``, daftar pasangan
  ``(x, y)``), ditulis ulang ringkas di bawah sebagai pembanding dari luar ``saraf``;
* versi vektor "di tempat" (hanya di skrip ini, bukan kode pustaka): matematika yang sama
  dengan ``Network.sgd(vectorized=True)``, tetapi setiap hasil ditulis ke array yang dibuat
  sekali (``out=``), sigmoid dihitung di tempat, dan η/m dikalikan ke galat δ^L yang kecil
  alih-alih ke gradien bobot yang besar. Setiap operasi kecil memakai bentuk yang tercepat
  di NumPy ini (``np.dot`` dengan ``out=``; ``.sum`` biasa, karena ``np.sum(out=)`` lebih
  lambat untuk array sekecil ini). Ia menunjukkan berapa yang dibayar ``saraf.mlp``
  untuk kode yang sama dengan pelajaran 09–10.

Di bawah tabel, skrip mengukur di mana waktu versi vektor habis: perulangan yang hanya
menjalankan tiga operasi array besar lapisan pertama (perkalian maju ``x @ W1.T``, gradien
``delta.T @ x`` dan pembaruan ``W1 -= langkah``) untuk mini-batch yang sama. Sisa waktunya
adalah puluhan operasi NumPy kecil per langkah (bias, sigmoid, lapisan kedua), yang masing-
masing berbiaya tetap sekitar satu mikrodetik. Rasio per contoh / "tiga operasi besar saja"
adalah batas atas rasio yang dapat dicapai pelatih NumPy mana pun di mesin ini.

``--batch`` boleh berisi beberapa ukuran, misalnya ``--batch 10,32,100``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))

import numpy as np  # noqa: E402

import _common  # noqa: E402

from saraf.data import load_mnist  # noqa: E402
from saraf.mlp import Network  # noqa: E402

SIZES = [784, 30, 10]
ETA = 3.0
SEED = 0


def fmt(value: float, digits: int = 3) -> str:
    """Angka dengan koma desimal (tiga angka di belakang koma bila tidak disebut)."""
    return _common.fmt(value, digits)


# ---------------------------------------------------------------------------
# Pembanding: perulangan network.py Nielsen (vektor kolom), diringkas
# ---------------------------------------------------------------------------


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _sigmoid_prime(z):
    return _sigmoid(z) * (1 - _sigmoid(z))


def nielsen_backprop(weights, biases, x, y):
    nabla_b = [np.zeros(b.shape) for b in biases]
    nabla_w = [np.zeros(w.shape) for w in weights]
    activation, activations, zs = x, [x], []
    for b, w in zip(biases, weights):
        z = np.dot(w, activation) + b
        zs.append(z)
        activation = _sigmoid(z)
        activations.append(activation)
    delta = (activations[-1] - y) * _sigmoid_prime(zs[-1])
    nabla_b[-1] = delta
    nabla_w[-1] = np.dot(delta, activations[-2].transpose())
    for l in range(2, len(weights) + 1):
        delta = np.dot(weights[-l + 1].transpose(), delta) * _sigmoid_prime(zs[-l])
        nabla_b[-l] = delta
        nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
    return nabla_b, nabla_w


def nielsen_epoch(weights, biases, training_data, mini_batch_size, eta):
    """Satu epoch ``SGD`` Nielsen; ``training_data`` sudah dalam urutan acak epoch ini."""
    for k in range(0, len(training_data), mini_batch_size):
        mini_batch = training_data[k:k + mini_batch_size]
        nabla_b = [np.zeros(b.shape) for b in biases]
        nabla_w = [np.zeros(w.shape) for w in weights]
        for x, y in mini_batch:
            delta_nabla_b, delta_nabla_w = nielsen_backprop(weights, biases, x, y)
            nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
            nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
        weights[:] = [w - (eta / len(mini_batch)) * nw for w, nw in zip(weights, nabla_w)]
        biases[:] = [b - (eta / len(mini_batch)) * nb for b, nb in zip(biases, nabla_b)]


# ---------------------------------------------------------------------------
# Pembanding: versi vektor yang menulis semuanya ke array yang dipakai ulang
# ---------------------------------------------------------------------------


def inplace_epoch(weights, biases, x, targets, order, mini_batch_size, eta):
    """Satu epoch SGD versi vektor tanpa array baru per langkah; mengubah bobot di tempat.

    Urutannya sama dengan ``Network._backprop`` dan ``_update`` (BP1–BP4, biaya kuadratik),
    jadi bobot akhirnya sama sampai galat pembulatan.
    """
    widths = [w.shape[0] for w in weights]
    nabla_w = [np.empty_like(w) for w in weights]
    nabla_b = [None] * len(biases)  # kecil: .sum(axis=0) baru lebih cepat daripada out=
    buffers = {}  # ukuran mini-batch m → (aktivasi, galat, sementara); yang terakhir boleh kecil
    with np.errstate(over="ignore"):  # e^(−z) boleh meluap menjadi inf: σ = 1/(1 + inf) = 0
        for k in range(0, len(x), mini_batch_size):
            chosen = order[k:k + mini_batch_size]
            m = len(chosen)
            if m not in buffers:
                buffers[m] = tuple([np.empty((m, n)) for n in widths] for _ in range(3))
            acts, deltas, temps = buffers[m]
            inputs = [x[chosen]] + acts[:-1]
            for w, b, a_in, a in zip(weights, biases, inputs, acts):
                np.dot(a_in, w.T, out=a)
                a += b                                        # z = a_masuk wᵀ + b
                np.negative(a, out=a)
                np.exp(a, out=a)
                a += 1
                np.reciprocal(a, out=a)                       # a = 1 / (1 + e^(−z))
            a, delta, temp = acts[-1], deltas[-1], temps[-1]
            np.subtract(a, targets[chosen], out=delta)        # (BP1) (a − y) ⊙ a ⊙ (1 − a)
            delta *= a
            np.subtract(1, a, out=temp)
            delta *= temp
            delta *= eta / m                                  # η/m sekali, pada δ yang kecil
            for l in range(len(weights) - 1, -1, -1):
                nabla_b[l] = deltas[l].sum(axis=0)                   # (BP3) × η
                np.dot(deltas[l].T, inputs[l], out=nabla_w[l])       # (BP4) × η
                if l > 0:                                            # (BP2)
                    np.dot(deltas[l], weights[l], out=deltas[l - 1])
                    deltas[l - 1] *= acts[l - 1]
                    np.subtract(1, acts[l - 1], out=temps[l - 1])
                    deltas[l - 1] *= temps[l - 1]
            for param, step in zip(weights + biases, nabla_w + nabla_b):
                param -= step                                 # w ← w − η·∇C


# ---------------------------------------------------------------------------
# Pengukuran
# ---------------------------------------------------------------------------


def run_saraf(x, y, mini_batch_size, vectorized, epochs):
    """Network.sgd; waktu per epoch dari riwayatnya (pelatihan saja, tanpa pengukuran akurasi)."""
    net = Network(SIZES, seed=SEED)
    history = net.sgd(x, y, epochs, mini_batch_size, ETA, vectorized=vectorized)
    return net, [h["seconds"] for h in history]


def run_nielsen(x, y, mini_batch_size, epochs):
    """Perulangan Nielsen dengan bobot awal dan urutan acak yang sama seperti Network(seed)."""
    start_net = Network(SIZES, seed=SEED)
    rng = start_net._rng  # pembangkit yang sama dipakai sgd() untuk mengacak setiap epoch
    weights = [w.copy() for w in start_net.weights]
    biases = [b.reshape(-1, 1).copy() for b in start_net.biases]
    targets = np.eye(SIZES[-1])[y]
    examples = [(x[i].reshape(-1, 1), targets[i].reshape(-1, 1)) for i in range(len(x))]
    seconds = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        start = time.perf_counter()
        training_data = [examples[i] for i in order]  # Nielsen: random.shuffle(training_data)
        nielsen_epoch(weights, biases, training_data, mini_batch_size, ETA)
        seconds.append(time.perf_counter() - start)
    return weights, [b.ravel() for b in biases], seconds


def run_inplace(x, y, mini_batch_size, epochs):
    """Versi "di tempat" dengan bobot awal dan urutan acak yang sama seperti Network(seed)."""
    start_net = Network(SIZES, seed=SEED)
    rng = start_net._rng
    weights = [w.copy() for w in start_net.weights]
    biases = [b.copy() for b in start_net.biases]
    targets = start_net._targets(y)
    seconds = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        start = time.perf_counter()
        inplace_epoch(weights, biases, x, targets, order, mini_batch_size, ETA)
        seconds.append(time.perf_counter() - start)
    return weights, biases, seconds


def run_floor(x, mini_batch_size, epochs):
    """Hanya tiga operasi besar lapisan pertama per mini-batch, dengan urutan acak yang sama."""
    net = Network(SIZES, seed=SEED)
    rng = net._rng
    w1 = net.weights[0]
    z1 = np.empty((mini_batch_size, SIZES[1]))
    step = np.empty_like(w1)
    delta = np.full((mini_batch_size, SIZES[1]), 1e-12)  # galat kecil: bobot hampir tetap
    seconds = []
    for _ in range(epochs):
        order = rng.permutation(len(x))
        start = time.perf_counter()
        for k in range(0, len(x) - mini_batch_size + 1, mini_batch_size):
            batch = x[order[k:k + mini_batch_size]]
            np.matmul(batch, w1.T, out=z1)       # propagasi maju lapisan pertama
            np.matmul(delta.T, batch, out=step)  # (BP4) gradien bobot lapisan pertama
            w1 -= step                           # pembaruan bobot lapisan pertama
        seconds.append(time.perf_counter() - start)
    return seconds


def same_weights(reference, *others) -> bool:
    """Apakah setiap daftar parameter sama dengan ``reference`` sampai galat pembulatan?"""
    return all(np.allclose(a, b, rtol=1e-9, atol=1e-12)
               for other in others for a, b in zip(reference, other))


def measure(x, y, batch, repeat):
    """Waktu terbaik (detik per epoch) keempat pengukuran untuk satu ukuran mini-batch."""
    epochs = 1
    times = {"vektor": [], "per_contoh": [], "nielsen": [], "di_tempat": [], "batas": []}
    same = True
    for _ in range(repeat):  # bergantian, agar gangguan mesin mengenai semuanya
        vec, t_vec = run_saraf(x, y, batch, True, epochs)
        loop, t_loop = run_saraf(x, y, batch, False, epochs)
        n_w, n_b, t_niel = run_nielsen(x, y, batch, epochs)
        i_w, i_b, t_inplace = run_inplace(x, y, batch, epochs)
        times["vektor"] += t_vec
        times["per_contoh"] += t_loop
        times["nielsen"] += t_niel
        times["di_tempat"] += t_inplace
        times["batas"] += run_floor(x, batch, epochs)
        same &= same_weights(vec.weights + vec.biases, loop.weights + loop.biases,
                             n_w + n_b, i_w + i_b)
    if not same:
        raise SystemExit(f"GAGAL: keempat pelatih tidak menghasilkan bobot yang sama "
                         f"(mini-batch {batch}).")
    return {k: min(v) for k, v in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=4000, help="banyak digit latih (bawaan 4000)")
    parser.add_argument("--batch", default="10,32",
                        help="ukuran mini-batch, boleh beberapa dipisah koma (bawaan 10,32)")
    parser.add_argument("--repeat", type=int, default=15, help="banyak pengulangan (bawaan 15)")
    args = parser.parse_args()
    try:
        batches = [int(part) for part in args.batch.split(",")]
    except ValueError:
        parser.error(f"--batch harus bilangan bulat dipisah koma, misalnya 10,32; "
                     f"diberikan {args.batch!r}")
    if not batches or min(batches) < 1:
        parser.error(f"--batch harus bilangan bulat ≥ 1; diberikan {args.batch!r}")

    (x_train, y_train), _ = load_mnist()
    x = x_train[:args.n].reshape(args.n, -1) / 255.0
    y = y_train[:args.n]
    print("Tolok ukur SGD saraf.mlp: jaringan 784-30-10, sigmoid, biaya kuadratik, "
          f"η = {fmt(ETA, 1)}")
    print(f"Mesin: {os.cpu_count()} inti CPU | NumPy {np.__version__} | "
          f"{args.n} digit MNIST bawaan, 1 epoch; "
          f"waktu terbaik dari {args.repeat} kali (detik per epoch).")
    for batch in batches:
        best = measure(x, y, batch, args.repeat)
        print()
        print(f"Mini-batch {batch}. Bobot akhir keempat pelatih sama (np.allclose): True")
        header = f"{'pelatih':<46}{'detik/epoch':>12}{'rasio':>9}"
        print(header)
        print("-" * len(header))
        rows = [("Network.sgd(vectorized=True)", "vektor"),
                ("Network.sgd(vectorized=False), satu per satu", "per_contoh"),
                ("perulangan network.py Nielsen (pembanding)", "nielsen"),
                ("versi vektor di tempat (pembanding)", "di_tempat")]
        for label, key in rows:
            ratio = best[key] / best["vektor"]
            print(f"{label:<46}{fmt(best[key], 3):>12}{fmt(ratio, 1) + '×':>9}")
        print(f"Versi vektor {fmt(best['per_contoh'] / best['vektor'], 1)}× lebih cepat daripada "
              f"versi satu per satu, dan {fmt(best['nielsen'] / best['vektor'], 1)}× lebih cepat "
              f"daripada perulangan Nielsen.")
        share = best["batas"] / best["vektor"]
        print(f"Tiga operasi besar lapisan pertama saja: {fmt(best['batas'], 3)} detik per epoch "
              f"({fmt(100 * share, 0)}% waktu versi vektor); batas atas rasio per contoh / "
              f"tiga operasi itu: {fmt(best['per_contoh'] / best['batas'], 1)}×.")
        print(f"Rasio versi vektor dibagi batas atas itu: {fmt(share, 2)} (target ≥ 0,65); "
              f"versi di tempat: {fmt(best['batas'] / best['di_tempat'], 2)}.")


if __name__ == "__main__":
    main()
