"""Uji untuk `saraf.mlp`: gradien, SGD, simpan/muat, pelatihan MNIST, dan pesan kesalahan."""

import ast
import copy
import inspect
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import mlp, ops, resources
from saraf.data import load_mnist
from saraf.mlp import Network

ASSET = resources.asset("mlp_784_30_10.npz")
FAST = settings(max_examples=25, deadline=None)


@pytest.fixture(scope="module")
def mnist():
    """MNIST bawaan, diratakan menjadi (N, 784) dan dinormalisasi ke 0–1 (float64)."""
    (x_train, y_train), (x_test, y_test) = load_mnist()
    return (x_train.reshape(len(x_train), -1) / 255, y_train,
            x_test.reshape(len(x_test), -1) / 255, y_test)


def numerical_gradient(net, x, y, h=1e-5):
    """Turunan setiap bias dan bobot dengan selisih terpusat (C(p + h) − C(p − h)) / 2h."""
    grads_b = [np.zeros_like(b) for b in net.biases]
    grads_w = [np.zeros_like(w) for w in net.weights]
    for params, grads in ((net.biases, grads_b), (net.weights, grads_w)):
        for p, g in zip(params, grads):
            for index in np.ndindex(p.shape):
                old = p[index]
                p[index] = old + h
                plus = net.total_cost(x, y)
                p[index] = old - h
                minus = net.total_cost(x, y)
                p[index] = old
                g[index] = (plus - minus) / (2 * h)
    return grads_b, grads_w


def relative_error(a, b):
    """‖a − b‖ / (‖a‖ + ‖b‖) atas semua parameter sekaligus."""
    a = np.concatenate([g.ravel() for g in a])
    b = np.concatenate([g.ravel() for g in b])
    return np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b))


def flat(grads):
    return np.concatenate([g.ravel() for g in grads[0] + grads[1]])


def assert_message(excinfo, *words):
    """Pesan kesalahan berbahasa Indonesia yang menyebut kata-kata penting."""
    message = str(excinfo.value)
    for word in words:
        assert word in message, message
    assert any(w in message for w in ("harus", "bukan", "diberikan")), message


# ---------------------------------------------------------------------------
# Modul hanya bergantung pada NumPy
# ---------------------------------------------------------------------------


def test_mlp_imports_only_numpy_and_stdlib():
    tree = ast.parse(inspect.getsource(mlp))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    # Modul saraf yang dipakai hanya butuh NumPy: resources (letak berkas), ops (sigmoid),
    # validation (pesan kesalahan), formatting (bilah kemajuan; tqdm opsional, diimpor di sana).
    assert imported <= {"numpy", "time", "zipfile", "pathlib", "__future__", "saraf",
                        "saraf.ops", "saraf.validation", "saraf.formatting"}, imported


def test_importing_mlp_does_not_load_tensorflow():
    code = "import sys, saraf.mlp; print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


def test_one_sigmoid_for_all_of_saraf():
    assert mlp.sigmoid is ops.sigmoid


# ---------------------------------------------------------------------------
# Sigmoid dan bentuk
# ---------------------------------------------------------------------------


def test_sigmoid_matches_formula_and_never_overflows():
    z = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(mlp.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=0, atol=1e-15)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # 0 tepat: bukan galat
        extreme = mlp.sigmoid(np.array([-1e4, -800.0, 0.0, 800.0, 1e4]))
    np.testing.assert_array_equal(extreme, [0.0, 0.0, 0.5, 1.0, 1.0])
    np.testing.assert_allclose(mlp.sigmoid_prime(np.array([0.0])), [0.25])


@pytest.mark.parametrize("sizes", [[784, 30, 10], [784, 16, 16, 10]])
def test_shapes_of_parameters_and_outputs(sizes):
    net = Network(sizes, seed=0)
    assert [w.shape for w in net.weights] == [(b, a) for a, b in zip(sizes[:-1], sizes[1:])]
    assert [b.shape for b in net.biases] == [(n,) for n in sizes[1:]]
    x = np.random.default_rng(0).random((5, 784))
    assert net.feedforward(x).shape == (5, 10)
    assert net.feedforward(x[0]).shape == (10,)
    np.testing.assert_allclose(net.feedforward(x)[2], net.feedforward(x[2]), rtol=1e-12)
    assert net.predict(x).shape == (5,)
    assert isinstance(net.predict(x[0]), int)
    proba = net.predict_proba(x)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    np.testing.assert_array_equal(proba.argmax(axis=1), net.predict(x))


def test_predict_proba_when_every_output_is_saturated_at_zero():
    net = Network([2, 3], seed=0)
    net.weights[0][:] = 0.0
    net.biases[0][:] = -1000.0  # σ(−1000) = 0 tepat
    proba = net.predict_proba(np.array([[0.5, 0.5], [0.0, 1.0]]))
    np.testing.assert_allclose(proba, np.full((2, 3), 1 / 3))


def test_init_normal_vs_lecun_same_numbers_scaled():
    normal = Network([784, 30, 10], seed=5)
    lecun = Network([784, 30, 10], seed=5, init="lecun")
    for wn, wl, n_in in zip(normal.weights, lecun.weights, [784, 30]):
        np.testing.assert_allclose(wl, wn / np.sqrt(n_in))
    for bn, bl in zip(normal.biases, lecun.biases):
        np.testing.assert_array_equal(bn, bl)
    assert 0.9 < normal.weights[0].std() < 1.1
    # Ragam LeCun 1/n_masuk, bukan ragam Xavier/Glorot 2/(n_masuk + n_keluar).
    for w, n_in in zip(lecun.weights, [784, 30]):
        assert w.var() * n_in == pytest.approx(1, abs=0.15)
    glorot = 2 / (30 + 10)
    assert abs(lecun.weights[1].var() - glorot) > 0.25 * glorot


def test_old_init_name_xavier_is_lecun():
    old = Network([784, 30, 10], seed=5, init="xavier")
    new = Network([784, 30, 10], seed=5, init="lecun")
    assert old.init == "lecun" and repr(old) == repr(new)
    for a, b in zip(old.weights + old.biases, new.weights + new.biases):
        np.testing.assert_array_equal(a, b)
    assert mlp.INITS == ("normal", "lecun") and mlp.INIT_ALIASES == {"xavier": "lecun"}


def test_seed_makes_everything_repeatable(mnist):
    x, y, _, _ = mnist
    a, b = Network([784, 20, 10], seed=3), Network([784, 20, 10], seed=3)
    ha = a.sgd(x[:500], y[:500], 2, 10, 1.0)
    hb = b.sgd(x[:500], y[:500], 2, 10, 1.0)
    for wa, wb in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_array_equal(wa, wb)
    assert [h["cost"] for h in ha] == [h["cost"] for h in hb]
    assert not np.array_equal(Network([784, 20, 10], seed=4).weights[0], a.weights[0])


# ---------------------------------------------------------------------------
# Backpropagation: cek gradien numerik
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
@pytest.mark.parametrize("init", ["normal", "lecun"])
def test_gradient_check_all_parameters_small_network(cost, init):
    rng = np.random.default_rng(1)
    net = Network([7, 5, 4, 3], seed=2, init=init, cost=cost)
    x, y = rng.random((6, 7)), np.array([0, 1, 2, 2, 1, 0])
    analytic = net.backprop(x, y)
    numeric = numerical_gradient(net, x, y)
    assert relative_error(analytic[0] + analytic[1], numeric[0] + numeric[1]) < 1e-6
    # setiap elemen juga dekat (bukan hanya normanya)
    np.testing.assert_allclose(flat(analytic), flat(numeric), rtol=1e-5, atol=1e-8)


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
def test_gradient_check_single_example_readable_path(cost):
    rng = np.random.default_rng(2)
    net = Network([5, 4, 3], seed=9, cost=cost)
    x, y = rng.random(5), 2
    analytic = net.backprop(x, y)  # satu contoh = mini-batch berisi satu contoh
    numeric = numerical_gradient(net, x, y)
    assert relative_error(analytic[0] + analytic[1], numeric[0] + numeric[1]) < 1e-6


def test_gradient_check_on_real_digits_sampled_weights(mnist):
    x, y, _, _ = mnist
    net = Network([784, 30, 10], seed=0, init="lecun", cost="cross_entropy")
    xb, yb = x[:8], y[:8]
    nabla_b, nabla_w = net.backprop(xb, yb)
    rng = np.random.default_rng(0)
    h = 1e-5
    numeric, analytic = [], []
    for layer in range(2):
        w = net.weights[layer]
        for _ in range(15):
            j, k = rng.integers(w.shape[0]), rng.integers(w.shape[1])
            if layer == 0:  # bobot piksel yang tak pernah menyala gradiennya 0; pilih yang menyala
                k = rng.choice(np.flatnonzero(xb.sum(axis=0) > 0))
            old = w[j, k]
            w[j, k] = old + h
            plus = net.total_cost(xb, yb)
            w[j, k] = old - h
            minus = net.total_cost(xb, yb)
            w[j, k] = old
            numeric.append((plus - minus) / (2 * h))
            analytic.append(nabla_w[layer][j, k])
    numeric, analytic = np.array(numeric), np.array(analytic)
    assert np.linalg.norm(numeric - analytic) / (
        np.linalg.norm(numeric) + np.linalg.norm(analytic)) < 1e-6


def test_single_example_and_batch_of_one_agree():
    rng = np.random.default_rng(3)
    for cost in ("quadratic", "cross_entropy"):
        net = Network([6, 8, 5, 4], seed=1, cost=cost)
        x = rng.random(6)
        one = net.backprop(x, 3)
        batch = net.backprop(x[np.newaxis], np.array([3]))
        np.testing.assert_array_equal(flat(one), flat(batch))  # jalan yang sama persis


@FAST
@given(sizes=st.lists(st.integers(1, 6), min_size=2, max_size=4),
       m=st.integers(1, 5), seed=st.integers(0, 1000),
       cost=st.sampled_from(["quadratic", "cross_entropy"]))
def test_batch_gradient_is_mean_of_example_gradients(sizes, m, seed, cost):
    rng = np.random.default_rng(seed)
    net = Network(sizes, seed=seed, cost=cost)
    x = rng.random((m, sizes[0]))
    y = rng.integers(0, sizes[-1], m)
    batch = flat(net.backprop(x, y))
    mean = np.mean([flat(net.backprop(x[i], y[i])) for i in range(m)], axis=0)
    np.testing.assert_allclose(batch, mean, rtol=1e-10, atol=1e-13)


def test_batch_gradients_are_not_overwritten_by_the_next_call():
    # Gradien yang sudah dikembalikan tetap sama setelah panggilan berikutnya.
    rng = np.random.default_rng(5)
    net = Network([6, 5, 4], seed=2)
    x1, x2 = rng.random((3, 6)), rng.random((3, 6))
    first = net.backprop(x1, [0, 1, 2])
    kept = flat(first).copy()
    second = net.backprop(x2, [3, 2, 1])
    np.testing.assert_array_equal(flat(first), kept)
    assert not np.allclose(flat(second), kept)


# ---------------------------------------------------------------------------
# SGD: versi vektor = versi satu contoh demi satu contoh
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
def test_vectorized_update_equals_per_example_update(cost, mnist):
    x, y, _, _ = mnist
    net = Network([784, 16, 16, 10], seed=0, cost=cost)
    loop, vec = copy.deepcopy(net), copy.deepcopy(net)
    loop.update_mini_batch(x[:10], y[:10], 3.0, vectorized=False)
    vec.update_mini_batch(x[:10], y[:10], 3.0, vectorized=True)
    for a, b, before in zip(loop.weights + loop.biases, vec.weights + vec.biases,
                            net.weights + net.biases):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-14)
        assert not np.allclose(a, before)  # langkahnya benar-benar mengubah parameter


def test_update_follows_gradient_formula():
    rng = np.random.default_rng(4)
    net = Network([4, 3, 2], seed=0)
    x, y = rng.random((5, 4)), rng.integers(0, 2, 5)
    nabla_b, nabla_w = net.backprop(x, y)
    expected = [w - 0.7 * g for w, g in zip(net.weights, nabla_w)]
    net.update_mini_batch(x, y, 0.7)
    for w, e in zip(net.weights, expected):
        np.testing.assert_allclose(w, e, rtol=1e-12)


def test_sgd_vectorized_and_per_example_train_to_same_weights(mnist):
    x, y, xt, yt = mnist
    runs = []
    for vectorized in (True, False):
        net = Network([784, 30, 10], seed=11)
        history = net.sgd(x[:600], y[:600], 2, 10, 3.0, test_data=(xt[:200], yt[:200]),
                          vectorized=vectorized)
        runs.append((net, history))
    (a, ha), (b, hb) = runs
    for wa, wb in zip(a.weights + a.biases, b.weights + b.biases):
        np.testing.assert_allclose(wa, wb, rtol=1e-9, atol=1e-12)
    assert [h["test_accuracy"] for h in ha] == [h["test_accuracy"] for h in hb]


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
def test_sgd_same_weights_with_a_smaller_last_mini_batch(cost, mnist):
    # 205 contoh, mini-batch 20: sepuluh mini-batch penuh lalu satu berisi 5 contoh. Hasil
    # versi vektor tetap harus sama dengan versi satu per satu, juga untuk tiga lapisan.
    x, y, _, _ = mnist
    trained = []
    for vectorized in (True, False):
        net = Network([784, 16, 16, 10], seed=5, cost=cost, init="lecun")
        net.sgd(x[:205], y[:205], 2, 20, 0.5, vectorized=vectorized)
        trained.append(net)
    start = Network([784, 16, 16, 10], seed=5, cost=cost, init="lecun")
    for a, b, before in zip(trained[0].weights + trained[0].biases,
                            trained[1].weights + trained[1].biases,
                            start.weights + start.biases):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
        assert not np.allclose(a, before)


def test_history_records_each_epoch(mnist):
    x, y, xt, yt = mnist
    net = Network([784, 20, 10], seed=0, init="lecun", cost="cross_entropy")
    history = net.sgd(x[:1000], y[:1000], 3, 10, 0.5, test_data=(xt[:300], yt[:300]))
    assert [h["epoch"] for h in history] == [1, 2, 3]
    assert set(history[0]) == {"epoch", "cost", "accuracy", "test_cost", "test_accuracy",
                               "seconds"}
    assert history[-1]["cost"] < history[0]["cost"]
    assert history[-1]["accuracy"] == net.evaluate(x[:1000], y[:1000]) / 1000
    assert history[-1]["test_accuracy"] == net.evaluate(xt[:300], yt[:300]) / 300
    assert history[-1]["test_cost"] == pytest.approx(net.total_cost(xt[:300], yt[:300]))
    assert all(h["seconds"] >= 0 for h in history)
    without_test = Network([784, 20, 10], seed=0).sgd(x[:100], y[:100], 1, 10, 0.5)
    assert set(without_test[0]) == {"epoch", "cost", "accuracy", "seconds"}


def test_progress_bar_goes_to_stderr(mnist, capsys):
    x, y, _, _ = mnist
    Network([784, 10, 10], seed=0).sgd(x[:100], y[:100], 2, 10, 1.0, progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "pelatihan" in captured.err


def test_learns_embedded_mnist_784_30_10(mnist):
    """Jaringan Nielsen (N(0, 1), biaya kuadratik, η = 3, mini-batch 10), 10 epoch."""
    x, y, xt, yt = mnist
    net = Network([784, 30, 10], seed=0)
    history = net.sgd(x, y, 10, 10, 3.0, test_data=(xt, yt))
    assert history[-1]["test_accuracy"] >= 0.88
    assert history[-1]["test_accuracy"] == net.evaluate(xt, yt) / len(yt)
    assert history[-1]["cost"] < history[0]["cost"]


def test_cross_entropy_cost_value_by_hand():
    net = Network([2, 1], cost="cross_entropy")
    net.weights[0][:] = [[1.0, -2.0]]
    net.biases[0][:] = [0.5]
    x = np.array([[1.0, 0.5]])  # z = 1 − 1 + 0.5 = 0.5
    a = 1 / (1 + np.exp(-0.5))
    assert net.total_cost(x, [0]) == pytest.approx(-np.log(a))
    quad = Network([2, 1])
    quad.weights, quad.biases = net.weights, net.biases
    assert quad.total_cost(x, [0]) == pytest.approx(0.5 * (1 - a) ** 2)


def test_cross_entropy_cost_is_finite_when_saturated():
    net = Network([1, 2], cost="cross_entropy")
    net.weights[0][:] = [[1000.0], [-1000.0]]
    net.biases[0][:] = 0.0
    cost = net.total_cost(np.array([[1.0]]), [1])  # keluaran 1 salah sangat yakin
    assert np.isfinite(cost) and cost == pytest.approx(2000.0)


# ---------------------------------------------------------------------------
# Simpan dan muat
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("cost,init", [("quadratic", "normal"), ("cross_entropy", "lecun")])
def test_save_load_round_trip(tmp_path, cost, init):
    net = Network([784, 16, 16, 10], seed=1, init=init, cost=cost)
    path = net.save(tmp_path / "jaringan.npz")
    assert path == tmp_path / "jaringan.npz" and path.is_file()
    loaded = Network.load(path)
    assert loaded.sizes == net.sizes and loaded.cost == cost and loaded.init == init
    for a, b in zip(loaded.weights + loaded.biases, net.weights + net.biases):
        np.testing.assert_array_equal(a, b)
        assert a.dtype == np.float64
    x = np.random.default_rng(0).random((3, 784))
    np.testing.assert_array_equal(loaded.feedforward(x), net.feedforward(x))
    with np.load(path, allow_pickle=False) as npz:  # berkas biasa, tanpa pickle
        assert set(npz.files) == {"format", "version", "sizes", "init", "cost",
                                  "w0", "b0", "w1", "b1", "w2", "b2"}


def test_loaded_network_keeps_training(tmp_path, mnist):
    x, y, _, _ = mnist
    net = Network([784, 10, 10], seed=2)
    loaded = Network.load(net.save(tmp_path / "n.npz"), seed=0)
    before = loaded.total_cost(x[:300], y[:300])
    loaded.sgd(x[:300], y[:300], 2, 10, 3.0)
    assert loaded.total_cost(x[:300], y[:300]) < before


def test_asset_network_loads_and_is_accurate(mnist):
    _, _, xt, yt = mnist
    net = Network.load(ASSET)
    assert net.sizes == [784, 30, 10]
    assert net.evaluate(xt, yt) / len(yt) >= 0.93


def test_pretrained_default_is_the_784_30_10_asset(mnist):
    _, _, xt, yt = mnist
    net = mlp.pretrained()
    assert net.sizes == [784, 30, 10] and (net.init, net.cost) == ("lecun", "cross_entropy")
    np.testing.assert_array_equal(net.predict(xt), Network.load(ASSET).predict(xt))


def test_old_file_with_init_xavier_loads_as_lecun(tmp_path):
    with np.load(ASSET, allow_pickle=False) as npz:
        assert str(npz["init"]) == "xavier"  # berkas tersimpan memakai nama lama
    net = Network.load(ASSET)
    assert net.init == "lecun"
    path = net.save(tmp_path / "baru.npz")  # disimpan lagi: nama baru
    with np.load(path, allow_pickle=False) as npz:
        assert str(npz["init"]) == "lecun"
    np.testing.assert_array_equal(Network.load(path).weights[0], net.weights[0])


@pytest.mark.parametrize("sizes", ["784-16-16-10", [784, 16, 16, 10], (784, 16, 16, 10)])
def test_pretrained_seed_network_784_16_16_10(sizes, mnist):
    _, _, xt, yt = mnist
    net = mlp.pretrained(sizes)
    assert net.sizes == [784, 16, 16, 10]
    assert (net.init, net.cost) == ("normal", "quadratic")  # resep jaringan seed
    assert [w.shape for w in net.weights] == [(16, 784), (16, 16), (10, 16)]
    accuracy = net.evaluate(xt, yt) / len(yt)
    assert 0.88 <= accuracy < mlp.pretrained().evaluate(xt, yt) / len(yt)  # pelajaran 10: ≈ 91%


@pytest.mark.parametrize("sizes", ["784-20-10", [784, 30], "784_30_10", None])
def test_pretrained_unknown_network(sizes):
    with pytest.raises(ValueError, match="784-30-10.*784-16-16-10") as excinfo:
        mlp.pretrained(sizes)
    assert_message(excinfo, "sizes")


# ---------------------------------------------------------------------------
# assets/train_mlp.py: resep jaringan tersimpan
# ---------------------------------------------------------------------------


TRAIN_SCRIPT = resources.asset("train_mlp.py")


def run_train_mlp(*args):
    return subprocess.run([sys.executable, str(TRAIN_SCRIPT), *args], capture_output=True,
                          text=True)


def test_train_mlp_options_write_the_requested_network(tmp_path, mnist):
    out = tmp_path / "kecil.npz"
    done = run_train_mlp("--sizes", "784,12,10", "--init", "normal", "--cost", "quadratic",
                         "--epochs", "2", "--eta", "3.0", "--batch", "20", "--seed", "4",
                         "--source", "embedded", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "epoch  2: biaya latih" in done.stdout and f"tersimpan: {out}" in done.stdout
    net = Network.load(out)
    assert net.sizes == [784, 12, 10] and (net.init, net.cost) == ("normal", "quadratic")
    # Sama persis dengan resep yang sama ditulis dengan Network.sgd.
    x, y, xt, yt = mnist
    same = Network([784, 12, 10], seed=4, init="normal", cost="quadratic")
    same.sgd(x, y, 2, 20, 3.0)
    for a, b in zip(net.weights + net.biases, same.weights + same.biases):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    assert net.evaluate(xt, yt) / len(yt) > 0.5
    check = run_train_mlp("--sizes", "784,12,10", "--init", "normal", "--cost", "quadratic",
                          "--epochs", "2", "--batch", "20", "--seed", "4", "--out", str(out),
                          "--eta", "3.0", "--check")
    assert check.returncode == 0 and "sama" in check.stdout.splitlines()[-1]
    other = run_train_mlp("--sizes", "784,12,10", "--epochs", "1", "--out", str(out), "--check")
    assert other.returncode == 1 and "BERBEDA" in other.stdout


def test_train_mlp_defaults_are_the_recipe_of_the_stored_network():
    sys.path.insert(0, str(TRAIN_SCRIPT.parent))
    try:
        import train_mlp
    finally:
        sys.path.remove(str(TRAIN_SCRIPT.parent))
    args = train_mlp.parse_args([])
    assert (args.sizes, args.init, args.cost, args.epochs, args.batch, args.eta, args.seed,
            args.source) == ([784, 30, 10], "lecun", "cross_entropy", 30, 10, 0.5, 0, "embedded")
    assert train_mlp.parse_args(["--init", "xavier"]).init == "xavier"  # nama lama diterima
    assert args.out == ASSET
    seed = train_mlp.parse_args(["--sizes", "784,16,16,10"])
    assert seed.out == resources.asset("mlp_784_16_16_10.npz")


@pytest.mark.parametrize("args, words", [
    (["--sizes", "784"], "dua bilangan bulat"), (["--sizes", "784,x,10"], "784,30,10"),
    (["--init", "nol"], "lecun"), (["--cost", "mse"], "cross_entropy"),
    (["--source", "lengkap"], "embedded"),
])
def test_train_mlp_refuses_bad_options(args, words):
    done = run_train_mlp(*args)
    assert done.returncode == 2 and words in done.stderr


# ---------------------------------------------------------------------------
# Masukan yang salah → ValueError berbahasa Indonesia
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("sizes", [[784], [], [784, 0, 10], [784, 30.0, 10], "784-30-10",
                                   [784, -3, 10], None, [784, True, 10], np.zeros((2, 2))])
def test_bad_sizes(sizes):
    with pytest.raises(ValueError) as excinfo:
        Network(sizes)
    assert_message(excinfo, "`sizes`", "bilangan bulat")


@pytest.mark.parametrize("kwargs,param,kind", [
    ({"seed": -1}, "`seed`", ValueError), ({"seed": 1.5}, "`seed`", ValueError),
    ({"seed": "1"}, "`seed`", TypeError), ({"init": "he"}, "`init`", ValueError),
    ({"cost": "mse"}, "`cost`", ValueError), ({"cost": None}, "`cost`", ValueError)])
def test_bad_constructor_options(kwargs, param, kind):
    with pytest.raises(kind) as excinfo:
        Network([4, 3, 2], **kwargs)
    assert_message(excinfo, param)


def test_bad_init_names_the_choices():
    with pytest.raises(ValueError) as excinfo:
        Network([4, 3, 2], init="glorot")
    assert_message(excinfo, "`init`", "'normal'", "'lecun'", "'glorot'")


def test_bad_x_shapes_and_hints():
    net = Network([784, 30, 10], seed=0)
    with pytest.raises(ValueError) as excinfo:
        net.feedforward(np.zeros((5, 28, 28)))
    assert_message(excinfo, "`x`", "(N, 784)", "(5, 28, 28)", "reshape")
    with pytest.raises(ValueError) as excinfo:
        net.feedforward(np.zeros((784, 1)))
    assert_message(excinfo, "`x`", "ravel")
    with pytest.raises(ValueError) as excinfo:
        net.feedforward(np.zeros((2, 100)))
    assert_message(excinfo, "`x`", "(784,)")
    with pytest.raises(ValueError) as excinfo:
        net.feedforward(np.zeros((0, 784)))
    assert_message(excinfo, "`x`", "minimal satu")
    with pytest.raises(TypeError) as excinfo:  # jenis yang salah: TypeError
        net.feedforward(np.full((2, 784), "a"))
    assert_message(excinfo, "`x`", "bilangan real")
    with pytest.raises(ValueError) as excinfo:
        net.feedforward([[0.0] * 784, [0.0] * 3])  # baris tidak sama panjang
    assert_message(excinfo, "`x`")


def test_unnormalised_pixels_are_refused():
    net = Network([784, 30, 10], seed=0)
    (x_train, _), _ = load_mnist()
    with pytest.raises(ValueError) as excinfo:
        net.feedforward(x_train[:2].reshape(2, -1))
    assert_message(excinfo, "`x`", "255")
    binary = (x_train[:2].reshape(2, -1) > 127).astype(np.uint8)  # 0/1 bulat tetap diterima
    assert net.feedforward(binary).shape == (2, 10)


@pytest.mark.parametrize("value", [np.nan, np.inf])
def test_nan_and_inf_in_x(value):
    net = Network([4, 3, 2], seed=0)
    x = np.ones((3, 4))
    x[1, 2] = value
    for call in (lambda: net.feedforward(x), lambda: net.sgd(x, [0, 1, 0], 1, 2, 1.0),
                 lambda: net.backprop(x, [0, 1, 0]), lambda: net.evaluate(x, [0, 1, 0])):
        with pytest.raises(ValueError) as excinfo:
            call()
        assert_message(excinfo, "`x`", "NaN")


@pytest.mark.parametrize("y,words", [
    ([0, 1, 10], ["`y`", "0 sampai 9", "terbesar 10"]),
    ([0, -1, 3], ["`y`", "≥ 0"]),
    ([0, 1], ["`y`", "3 label"]),
    ([0.0, 1.5, 2.0], ["`y`", "bilangan bulat"]),
    ([0, np.nan, 1], ["`y`"]),
    (np.eye(10)[[1, 2, 3]], ["`y`", "argmax"]),
    (["a", "b", "c"], ["`y`"]),
])
def test_bad_labels(y, words):
    net = Network([4, 6, 10], seed=0)
    x = np.ones((3, 4)) * 0.5
    with pytest.raises(ValueError) as excinfo:
        net.sgd(x, y, 1, 2, 1.0)
    assert_message(excinfo, *words)


def test_float_labels_with_integer_values_are_accepted():
    net = Network([4, 6, 10], seed=0)
    assert net.evaluate(np.ones((2, 4)) * 0.5, np.array([1.0, 3.0])) in (0, 1, 2)


def test_bad_single_example_label():
    net = Network([4, 3, 2], seed=0)
    with pytest.raises(ValueError) as excinfo:
        net.backprop(np.ones(4) * 0.5, [0, 1])
    assert_message(excinfo, "`y`", "1 label")
    with pytest.raises(ValueError) as excinfo:
        net.backprop(np.ones(4) * 0.5, 2)
    assert_message(excinfo, "`y`", "terbesar 2")


@pytest.mark.parametrize("kwargs,param,kind", [
    ({"epochs": 0}, "`epochs`", ValueError), ({"epochs": 2.0}, "`epochs`", ValueError),
    ({"mini_batch_size": 0}, "`mini_batch_size`", ValueError),
    ({"eta": 0}, "`eta`", ValueError),
    ({"eta": -1.0}, "`eta`", ValueError), ({"eta": np.nan}, "`eta`", ValueError),
    ({"eta": "3"}, "`eta`", TypeError), ({"test_data": [1, 2, 3]}, "`test_data`", ValueError),
    ({"vectorized": "ya"}, "`vectorized`", TypeError), ({"progress": 1}, "`progress`", TypeError),
])
def test_bad_sgd_arguments(kwargs, param, kind):
    net = Network([4, 3, 2], seed=0)
    args = {"epochs": 1, "mini_batch_size": 2, "eta": 1.0}
    args.update(kwargs)
    with pytest.raises(kind) as excinfo:
        net.sgd(np.ones((4, 4)) * 0.5, [0, 1, 0, 1], **args)
    assert_message(excinfo, param)


def test_bad_test_data_names_its_part():
    net = Network([4, 3, 2], seed=0)
    with pytest.raises(ValueError) as excinfo:
        net.sgd(np.ones((4, 4)) * 0.5, [0, 1, 0, 1], 1, 2, 1.0,
                test_data=(np.ones((2, 5)), [0, 1]))
    assert_message(excinfo, "`test_data[0]`")
    with pytest.raises(ValueError) as excinfo:
        net.sgd(np.ones((4, 4)) * 0.5, [0, 1, 0, 1], 1, 2, 1.0,
                test_data=(np.ones((2, 4)) * 0.5, [0, 5]))
    assert_message(excinfo, "`test_data[1]`")


def test_bad_update_mini_batch_arguments():
    net = Network([4, 3, 2], seed=0)
    with pytest.raises(ValueError) as excinfo:
        net.update_mini_batch(np.ones((2, 4)) * 0.5, [0, 1], 0.0)
    assert_message(excinfo, "`eta`")
    with pytest.raises(TypeError) as excinfo:
        net.update_mini_batch(np.ones((2, 4)) * 0.5, [0, 1], 1.0, vectorized=None)
    assert_message(excinfo, "`vectorized`")


def test_load_refuses_a_file_that_is_not_a_saved_network(tmp_path):
    # Semua jenis berkas buruk diuji di test_netfile.py; di sini: Network.load memakainya.
    path = tmp_path / "lain.npz"
    np.savez(path, x_train=np.zeros((2, 2)))
    with pytest.raises(ValueError, match="bukan jaringan yang disimpan dengan Network.save"):
        Network.load(path)
    with pytest.raises(ValueError) as excinfo:
        Network([4, 3, 2], seed=0).save(tmp_path / "jaringan.pkl")
    assert_message(excinfo, "`path`", ".npz")
