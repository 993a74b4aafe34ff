"""Tes `saraf.optim`: SGD, RMSprop, dan Adam dibandingkan dengan `keras.optimizers`.

Rujukan Keras berjalan dengan `keras.Variable` + `apply_gradients`. Kasus tetap: Keras dalam
float32, milik kita dalam float64 dan float32 (rtol=1e-5, atol=1e-6). Tes hypothesis: banyak
hiperparameter acak (termasuk batasnya, misalnya beta_2=0), Keras dan milik kita sama-sama
float64, jadi toleransinya ketat (rtol=1e-9): pembulatan float32 Keras sendiri (misalnya
v + (g² − v) saat beta_2=0) tidak menutupi perbedaan rumus.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from saraf.optim import SGD, Adam, RMSprop, Optimizer

OPTIMIZERS = {"SGD": SGD, "RMSprop": RMSprop, "Adam": Adam}
# Bentuk parameter: skalar (), vektor, matriks, dan kernel 4-D seperti (kh, kw, C_in, C_out).
SHAPES = [(), (3,), (4, 5), (2, 3, 3, 4)]
CASES = [
    ("SGD", {}),
    ("SGD", {"learning_rate": 0.1, "momentum": 0.9}),
    ("SGD", {"learning_rate": 0.05, "momentum": 0.5, "nesterov": True}),
    ("RMSprop", {}),
    ("RMSprop", {"learning_rate": 0.01, "rho": 0.5, "epsilon": 1e-3}),
    ("Adam", {}),
    ("Adam", {"learning_rate": 0.01, "beta_1": 0.5, "beta_2": 0.9, "epsilon": 1e-4}),
]
FAST = settings(max_examples=20, deadline=None)


@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def random_problem(seed, steps=7):
    """Bobot awal dan `steps` daftar gradien acak dengan bentuk SHAPES."""
    rng = np.random.default_rng(seed)
    params = [rng.normal(size=s) for s in SHAPES]
    grads = [[rng.normal(scale=2.0, size=s) for s in SHAPES] for _ in range(steps)]
    return params, grads


def keras_result(keras, name, kwargs, params, grads, dtype=np.float32):
    """Bobot akhir menurut Keras 3 (bawaan: float32) dan nilai `iterations`-nya."""
    kwargs = {k: (float(v) if k == "momentum" else v) for k, v in kwargs.items()}
    opt = getattr(keras.optimizers, name)(**kwargs)
    variables = [keras.Variable(p.astype(dtype), dtype=np.dtype(dtype).name) for p in params]
    for step in grads:
        opt.apply_gradients(zip([g.astype(dtype) for g in step], variables))
    return [np.asarray(v.numpy()) for v in variables], int(opt.iterations.numpy())


def our_result(name, kwargs, params, grads, dtype):
    opt = OPTIMIZERS[name](**kwargs)
    weights = [p.astype(dtype) for p in params]
    for step in grads:
        opt.step(weights, step)
    return weights, opt.iterations


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(("name", "kwargs"), CASES)
def test_matches_keras(keras, name, kwargs, dtype):
    params, grads = random_problem(seed=CASES.index((name, kwargs)))
    expected, keras_iterations = keras_result(keras, name, kwargs, params, grads)
    ours, iterations = our_result(name, kwargs, params, grads, dtype)
    assert iterations == keras_iterations == len(grads)
    for w, k, p in zip(ours, expected, params):
        assert w.dtype == dtype and w.shape == k.shape
        assert not np.allclose(w, p)  # bobot benar-benar bergerak
        np.testing.assert_allclose(w, k, rtol=1e-5, atol=1e-6)




def float32_exact(low, high):
    """Bilangan yang tepat dalam float32: Keras membulatkan sebagian hiperparameter ke float32."""
    return st.floats(low, high).map(lambda x: float(np.float32(x)))


fractions, rates, epsilons = (float32_exact(0.0, 0.999), float32_exact(1e-4, 0.5),
                              float32_exact(1e-8, 1.0))


@FAST
@given(seed=st.integers(0, 2**31), lr=rates, momentum=fractions,
       nesterov=st.booleans())
def test_sgd_matches_keras_for_any_hyperparameters(keras, seed, lr, momentum, nesterov):
    check_against_keras(keras, "SGD", dict(learning_rate=lr, momentum=momentum,
                                           nesterov=nesterov), seed)


@FAST
@given(seed=st.integers(0, 2**31), lr=rates, rho=fractions,
       epsilon=epsilons)
def test_rmsprop_matches_keras_for_any_hyperparameters(keras, seed, lr, rho, epsilon):
    check_against_keras(keras, "RMSprop", dict(learning_rate=lr, rho=rho, epsilon=epsilon),
                        seed)


@FAST
@given(seed=st.integers(0, 2**31), lr=rates, beta_1=fractions,
       beta_2=fractions, epsilon=epsilons)
def test_adam_matches_keras_for_any_hyperparameters(keras, seed, lr, beta_1, beta_2,
                                                    epsilon):
    check_against_keras(keras, "Adam", dict(learning_rate=lr, beta_1=beta_1,
                                            beta_2=beta_2, epsilon=epsilon), seed)


def check_against_keras(keras, name, kwargs, seed):
    """Milik kita sama dengan Keras untuk hiperparameter ini (keduanya float64)."""
    params, grads = random_problem(seed, steps=5)
    expected, _ = keras_result(keras, name, kwargs, params, grads, np.float64)
    ours, _ = our_result(name, kwargs, params, grads, np.float64)
    for w, k in zip(ours, expected):
        np.testing.assert_allclose(w, k, rtol=1e-9, atol=1e-12)


# --- Kasus kecil yang dihitung dengan tangan --------------------------------------------


def test_sgd_one_step_on_a_quadratic():
    # C(w) = (w − 3)² / 2, jadi g = w − 3 dan w ← w − 0,1·(w − 3).
    w = np.array([0.0, 1.0, 5.0])
    SGD(learning_rate=0.1).step([w], [w - 3])
    np.testing.assert_allclose(w, [0.3, 1.2, 4.8])


def test_sgd_momentum_and_nesterov_by_hand():
    # Dua langkah dengan g = 1: v₁ = −0,1; v₂ = 0,5·(−0,1) − 0,1 = −0,15.
    w, w_nesterov = np.array([1.0]), np.array([1.0])
    sgd = SGD(learning_rate=0.1, momentum=0.5)
    nesterov = SGD(learning_rate=0.1, momentum=0.5, nesterov=True)
    for _ in range(2):
        sgd.step([w], [np.ones(1)])
        nesterov.step([w_nesterov], [np.ones(1)])
    np.testing.assert_allclose(w, 1 - 0.1 - 0.15)
    np.testing.assert_allclose(sgd.velocities[0], [-0.15])
    # Nesterov: w += 0,5·v − 0,1, yaitu −0,15 lalu −0,175.
    np.testing.assert_allclose(w_nesterov, 1 - 0.15 - 0.175)


def test_rmsprop_first_step_by_hand():
    # v = (1 − 0,9)·g² = 0,4 untuk g = 2; w ← w − 0,01·2 / √(0,4 + ε), ε di dalam akar.
    w = np.array([1.0])
    RMSprop(learning_rate=0.01, epsilon=0.1).step([w], [np.array([2.0])])
    np.testing.assert_allclose(w, 1 - 0.01 * 2 / np.sqrt(0.4 + 0.1))


@pytest.mark.parametrize("lr", [0.001, 0.1])
def test_adam_first_step_moves_every_weight_by_learning_rate(lr):
    # ≈ berlaku selama |g| jauh di atas ε / √(1 − β₂) ≈ 3·10⁻⁶.
    g = np.array([0.01, -0.5, 2.0, -300.0])
    w = np.zeros(4)
    Adam(learning_rate=lr).step([w], [g])
    np.testing.assert_allclose(w, -lr * np.sign(g), rtol=1e-3)


def test_adam_epsilon_is_outside_the_root_and_not_bias_corrected():
    # Langkah 1: m = 0,1·g, v = 0,001·g², α = η·√0,001 / 0,1; ε besar agar letaknya terlihat.
    g, eps = 2.0, 0.5
    w = np.array([0.0])
    Adam(learning_rate=1.0, epsilon=eps).step([w], [np.array([g])])
    alpha = np.sqrt(0.001) / 0.1
    np.testing.assert_allclose(w, -alpha * 0.1 * g / (np.sqrt(0.001) * g + eps))


# --- Cara kerja: di tempat, keadaan, iterations -----------------------------------------


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_updates_in_place_and_keeps_dtype(name):
    w64, w32, scalar = np.ones((2, 3)), np.ones(4, dtype=np.float32), np.array(1.0)
    params = [w64, w32, scalar]
    opt = OPTIMIZERS[name](learning_rate=0.1)
    assert opt.iterations == 0 and opt.shapes is None
    opt.step(params, [np.ones((2, 3)), np.ones(4, dtype=np.int64), np.array(2.0)])
    assert params[0] is w64 and params[1] is w32 and params[2] is scalar
    assert w64.dtype == np.float64 and w32.dtype == np.float32
    assert np.all(w64 < 1) and np.all(w32 < 1) and scalar < 1
    assert opt.iterations == 1 and opt.shapes == [(2, 3), (4,), ()]


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_gradients_are_cast_to_the_parameter_dtype_like_keras(name):
    # Parameter float32 + gradien float64: Keras menghitung dalam float32, begitu pula kita.
    rng = np.random.default_rng(5)
    grads = [rng.normal(size=200) for _ in range(3)]
    w, w_cast = np.ones(200, dtype=np.float32), np.ones(200, dtype=np.float32)
    kwargs = {"momentum": 0.9} if name == "SGD" else {}
    opt, opt_cast = OPTIMIZERS[name](**kwargs), OPTIMIZERS[name](**kwargs)
    for g in grads:
        opt.step([w], [g])
        opt_cast.step([w_cast], [g.astype(np.float32)])
    np.testing.assert_array_equal(w, w_cast)


def test_state_is_created_once_and_kept():
    opt = Adam()
    w = np.zeros(3)
    opt.step([w], [np.ones(3)])
    m = opt.m[0]
    opt.step([w], [np.ones(3)])
    assert opt.m[0] is m and opt.iterations == 2
    # m = β₁·(0,1) + 0,1 setelah dua langkah dengan g = 1.
    np.testing.assert_allclose(m, 0.9 * 0.1 + 0.1)


def test_repr_shows_hyperparameters():
    assert repr(SGD(momentum=0.9)) == "SGD(learning_rate=0.01, momentum=0.9, nesterov=False)"
    assert repr(Adam()) == ("Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, "
                            "epsilon=1e-07)")
    assert repr(RMSprop()) == "RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-07)"
    assert issubclass(RMSprop, Optimizer)


def test_importing_optim_does_not_load_tensorflow():
    code = ("import sys, saraf.optim; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('tensorflow', 'keras')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


# --- Pesan kesalahan ----------------------------------------------------------------------


@pytest.mark.parametrize(("make", "name", "given", "kind"), [
    (lambda: SGD(learning_rate=0), "learning_rate", "0", ValueError),
    (lambda: Adam(learning_rate=-0.1), "learning_rate", "-0.1", ValueError),
    (lambda: RMSprop(learning_rate=float("nan")), "learning_rate", "nan", ValueError),
    (lambda: SGD(learning_rate="0.1"), "learning_rate", "'0.1'", TypeError),
    (lambda: SGD(momentum=1.0), "momentum", "1.0", ValueError),
    (lambda: SGD(momentum=-0.5), "momentum", "-0.5", ValueError),
    (lambda: SGD(nesterov="ya"), "nesterov", "'ya'", TypeError),
    (lambda: RMSprop(rho=1), "rho", "1", ValueError),
    (lambda: RMSprop(epsilon=-1e-7), "epsilon", "-1e-07", ValueError),
    (lambda: Adam(beta_1=1.5), "beta_1", "1.5", ValueError),
    (lambda: Adam(beta_2=-0.1), "beta_2", "-0.1", ValueError),
    (lambda: Adam(epsilon=-1.0), "epsilon", "-1.0", ValueError),
])
def test_bad_hyperparameters(make, name, given, kind):
    with pytest.raises(kind) as info:
        make()
    message = str(info.value)
    assert message.startswith(f"`{name}` harus") and f"diberikan: {given}." in message


def test_momentum_error_names_the_range():
    with pytest.raises(ValueError, match=r"`momentum` harus bilangan ≥ 0 dan < 1"):
        SGD(momentum=1.0)


W, G = np.zeros((2, 3)), np.ones((2, 3))
BAD_STEPS = [
    # (params, grads, nama dalam pesan, potongan pesan, jenis kesalahan)
    (W, [G], "params", "array berbentuk (2, 3) bertipe float64", TypeError),
    ([W], G, "grads", "opt.step([w], [dw])", TypeError),
    ([], [], "params", "diberikan: [].", TypeError),
    ([W, W.copy()], [G], "len(grads)", "len(params) = 2 (satu gradien untuk setiap "
     "parameter), tetapi yang diberikan: 1.", ValueError),
    ([W], [G.T], "grads[0]", "berbentuk (2, 3) seperti params[0], tetapi yang diberikan: "
     "array berbentuk (3, 2)", ValueError),
    ([W, W.copy()], [G, np.array([[1, 2, np.nan]] * 2)], "grads[1]",
     "tanpa NaN atau inf", ValueError),
    ([W], [np.full((2, 3), np.inf)], "grads[0]", "`learning_rate` terlalu besar", ValueError),
    ([W], [np.full((2, 3), "a")], "grads[0]", "bertipe <U1", TypeError),
    ([np.zeros(3, dtype=np.int64)], [np.ones(3)], "params[0]", "bertipe int64", TypeError),
    ([[0.0, 1.0]], [np.ones(2)], "params[0]", "[0.0, 1.0]", TypeError),
]


@pytest.mark.parametrize("optimizer", [SGD, RMSprop, Adam])
@pytest.mark.parametrize(("params", "grads", "name", "text", "kind"), BAD_STEPS)
def test_bad_step_arguments(optimizer, params, grads, name, text, kind):
    opt = optimizer()
    before = [np.array(p, copy=True) for p in params] if isinstance(params, list) else []
    with pytest.raises(kind) as info:
        opt.step(params, grads)
    message = str(info.value)
    assert message.startswith(f"`{name}` harus") and text in message
    # Tidak ada yang berubah: bobot, iterations, dan keadaan tetap seperti semula.
    assert opt.iterations == 0 and opt.shapes is None
    for p, b in zip(params if isinstance(params, list) else [], before):
        np.testing.assert_array_equal(p, b)


def test_read_only_params_are_rejected():
    w = np.zeros(3)
    w.flags.writeable = False
    with pytest.raises(TypeError, match=r"`params\[0\]` harus .*dapat ditulis"):
        SGD().step([w], [np.ones(3)])


def test_params_must_keep_their_shapes_and_count():
    opt = Adam()
    w, b = np.zeros((2, 3)), np.zeros(3)
    opt.step([w, b], [np.ones((2, 3)), np.ones(3)])
    with pytest.raises(ValueError, match=r"`params\[1\]` harus tetap berbentuk \(3,\) "
                                         r"seperti pada langkah pertama, tetapi yang "
                                         r"diberikan: array berbentuk \(4,\)"):
        opt.step([w, np.zeros(4)], [np.ones((2, 3)), np.ones(4)])
    with pytest.raises(ValueError, match=r"`len\(params\)` harus tetap 2 .*diberikan: 1\."):
        opt.step([w], [np.ones((2, 3))])
    assert opt.iterations == 1


def test_failed_step_after_a_good_one_changes_nothing():
    opt = SGD(learning_rate=0.1, momentum=0.9)
    w, b = np.zeros(2), np.zeros(3)
    opt.step([w, b], [np.ones(2), np.ones(3)])
    w_before, v_before = w.copy(), [v.copy() for v in opt.velocities]
    with pytest.raises(ValueError, match=r"`grads\[1\]`"):
        opt.step([w, b], [np.ones(2), np.array([1.0, np.inf, 1.0])])
    np.testing.assert_array_equal(w, w_before)
    for v, before in zip(opt.velocities, v_before):
        np.testing.assert_array_equal(v, before)
    assert opt.iterations == 1
