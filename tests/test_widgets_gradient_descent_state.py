"""Tes `saraf.widgets.gradient_descent_state`: permukaan, jalur, dan diagnosis penjelajah
penurunan gradien.

Gradien analitis dibandingkan dengan selisih terpusat; jalur SGD dan momentum dibandingkan
dengan perulangan yang ditulis dengan tangan (rumus pelajaran penurunan gradien).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from saraf.widgets.gradient_descent_state import (LABELS, MAX_STEPS, METHODS, OPTIMIZERS,
                                                  STARTS, SURFACES, GDState, contour_bands,
                                                  contour_levels, cost_axis, diagnose, grid,
                                                  nice_ticks, point_label, run_path)

NAMES = sorted(SURFACES)


def numerical_gradient(surface, point, h=1e-6):
    x, y = point
    return np.array([(surface.value(x + h, y) - surface.value(x - h, y)) / (2 * h),
                     (surface.value(x, y + h) - surface.value(x, y - h)) / (2 * h)])


@pytest.mark.parametrize("name", NAMES)
def test_gradient_matches_central_differences(name):
    surface = SURFACES[name]
    x0, x1, y0, y1 = surface.extent
    rng = np.random.default_rng(len(name))
    points = [surface.start] + [(rng.uniform(x0, x1), rng.uniform(y0, y1)) for _ in range(20)]
    for point in points:
        np.testing.assert_allclose(surface.grad(point), numerical_gradient(surface, point),
                                   rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", NAMES)
def test_minima_cost_zero_and_stationary_points_have_zero_gradient(name):
    surface = SURFACES[name]
    for point in surface.minima:
        assert surface.cost(point) == 0
        np.testing.assert_array_equal(surface.grad(point), [0, 0])
    for point in surface.saddles:
        assert surface.cost(point) > 0
        np.testing.assert_array_equal(surface.grad(point), [0, 0])
    xs, ys, zs = grid(surface, 81)
    assert zs.min() >= 0 and surface.cost(surface.start) > 0
    x0, x1, y0, y1 = surface.extent
    assert x0 < surface.start[0] < x1 and y0 < surface.start[1] < y1


def test_grid_orientation_matches_contour_convention():
    surface = SURFACES["lembah"]
    xs, ys, zs = grid("lembah", n=7)
    assert xs.shape == ys.shape == (7,) and zs.shape == (7, 7)
    assert (xs[0], xs[-1], ys[0], ys[-1]) == surface.extent
    for i, j in [(0, 6), (2, 5), (6, 1)]:
        assert zs[i, j] == pytest.approx(surface.value(xs[j], ys[i]))
    levels = contour_levels("lembah", 12)
    assert levels.shape == (12,) and levels[0] > 0 and np.all(np.diff(levels) > 0)
    assert levels[-1] == pytest.approx(zs.max())


def hand_sgd(surface, start, eta, steps, momentum=0.0):
    """Perulangan acuan: v ← μ·v − η·g; w ← w + v (dengan μ = 0: w ← w − η·g)."""
    w, v = np.array(start, dtype=float), np.zeros(2)
    path = [w.copy()]
    for _ in range(steps):
        v = momentum * v - eta * surface.grad(w)
        w = w + v
        path.append(w.copy())
    return np.array(path)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("momentum", [0.0, 0.8])
def test_run_path_sgd_matches_a_hand_loop(name, momentum):
    surface = SURFACES[name]
    path, costs = run_path(name, surface.start, "SGD", 0.01, 30, momentum=momentum)
    expected = hand_sgd(surface, surface.start, 0.01, 30, momentum)
    assert path.shape == (31, 2) and costs.shape == (31,)
    np.testing.assert_allclose(path, expected, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(costs, [surface.cost(p) for p in expected], rtol=1e-12)


def test_run_path_does_not_change_the_start_and_accepts_a_surface_object():
    start = np.array([1.0, -1.0])
    path, _ = run_path(SURFACES["mangkuk"], start, "Adam", 0.1, 5)
    np.testing.assert_array_equal(start, [1.0, -1.0])
    np.testing.assert_array_equal(path[0], start)
    # Langkah pertama Adam menggeser setiap koordinat sejauh ≈ η berlawanan tanda gradiennya.
    np.testing.assert_allclose(path[1], [0.9, -0.9], atol=1e-6)


@pytest.mark.parametrize(("name", "eta"), [("lembah", 0.5), ("lembah", 0.21), ("mangkuk", 2.5),
                                           ("lembah_melengkung", 0.05), ("pelana", 3.0),
                                           ("pelana", 1e200)])
def test_divergence_stops_the_path_finite(name, eta):
    with warnings.catch_warnings():
        warnings.simplefilter("error")          # tanpa peringatan meluap dari NumPy
        result = GDState(surface=name, learning_rate=eta, steps=100).compute()
    assert len(result.path) < 101
    assert np.all(np.isfinite(result.path)) and np.all(np.isfinite(result.costs))
    assert result.diagnosis.code == "diverged" and result.diagnosis.label == "divergen"
    assert "Kecilkan laju pembelajaran" in result.diagnosis.message


def test_cost_growing_without_stopping_is_diverged_too():
    path, costs = run_path("lembah", (0.0, 0.1), "SGD", 0.205, 5)
    assert len(path) == 6 and costs[-1] > costs[0]
    diagnosis = diagnose("lembah", path, costs, 5)
    assert diagnosis.code == "diverged" and "Biaya membesar dari" in diagnosis.message


def test_zig_zag_on_the_valley_is_diagnosed():
    result = GDState(surface="lembah", learning_rate=0.195, steps=50).compute()
    y = result.path[:, 1]
    assert np.all(y[1:] * y[:-1] < 0)                       # melompat ke seberang lembah
    assert result.diagnosis.code == "oscillating"
    assert result.diagnosis.label == "berosilasi (zig-zag)"
    assert "arah gradien berbalik 50 kali" in result.diagnosis.message
    # η sedikit lebih kecil: tetap zig-zag, tetapi sampai di dasar dalam 50 langkah.
    calmer = GDState(surface="lembah", learning_rate=0.19, steps=50).compute()
    assert calmer.diagnosis.code == "converged" and "berzig-zag" in calmer.diagnosis.message
    # η ≤ 1/10 (kelengkungan arah y): tanpa zig-zag.
    smooth = GDState(surface="lembah", learning_rate=0.1, steps=60).compute()
    assert smooth.diagnosis.code == "converged" and "zig-zag" not in smooth.diagnosis.message


def test_momentum_overshoot_is_oscillating():
    result = GDState(surface="mangkuk", learning_rate=0.1, momentum=0.9, steps=50).compute()
    assert result.diagnosis.code == "oscillating" and "naik lagi" in result.diagnosis.message


def test_small_learning_rate_crawls():
    result = GDState(surface="mangkuk", learning_rate=0.01, steps=50).compute()
    assert result.diagnosis.code == "crawling" and result.diagnosis.label == "masih merangkak"
    assert "Perbesar laju pembelajaran" in result.diagnosis.message
    assert "pelana" not in result.diagnosis.message


def test_adam_escapes_the_saddle_where_sgd_stalls():
    sgd = GDState(surface="pelana", optimizer="SGD", learning_rate=0.1, steps=50).compute()
    adam = GDState(surface="pelana", optimizer="Adam", learning_rate=0.1, steps=50).compute()
    saddle_cost = SURFACES["pelana"].cost((0, 0))
    assert sgd.costs[-1] > 0.9 * saddle_cost and abs(sgd.path[-1, 1]) < 0.3
    assert sgd.diagnosis.code == "crawling" and "titik pelana" in sgd.diagnosis.message
    assert adam.costs[-1] < 0.1 * saddle_cost and abs(adam.path[-1, 1]) > 0.8


def test_momentum_and_adam_follow_the_curved_valley_further_than_sgd():
    final = {opt: GDState(surface="lembah_melengkung", optimizer=opt, learning_rate=eta,
                          steps=200).compute().costs[-1]
             for opt, eta in [("SGD", 0.02), ("Adam", 0.1)]}
    momentum = GDState(surface="lembah_melengkung", learning_rate=0.01, momentum=0.9,
                       steps=200).compute()
    assert final["SGD"] > 1e-2 > 1e-4 > max(final["Adam"], momentum.costs[-1])


def test_converged_message_uses_decimal_commas():
    result = GDState(surface="mangkuk", learning_rate=0.1, steps=50).compute()
    assert result.diagnosis.code == "converged" and result.diagnosis.label == LABELS["converged"]
    assert result.diagnosis.message == "Biaya turun dari 5,12 ke 0,000136 dalam 50 langkah."


def test_state_defaults_and_hyperparameters():
    state = GDState()
    assert state.surface in SURFACES and state.optimizer in OPTIMIZERS
    assert state.hyper() == {"momentum": 0.0}
    assert GDState(optimizer="Adam", beta_1=0.5).hyper() == {"beta_1": 0.5, "beta_2": 0.999,
                                                             "epsilon": 1e-7}
    assert GDState(optimizer="RMSprop").hyper() == {"rho": 0.9, "epsilon": 1e-7}
    result = state.compute()
    np.testing.assert_array_equal(result.path[0], SURFACES[state.surface].start)
    assert result.path.shape == (state.steps + 1, 2) and result.surface.name == state.surface
    moved = GDState(start=(1.0, 1.0), steps=3).compute()
    np.testing.assert_array_equal(moved.path[0], [1.0, 1.0])


@pytest.mark.parametrize(("kwargs", "kind", "words"), [
    ({"surface": "gunung"}, ValueError, "`surface` harus salah satu dari 'mangkuk'"),
    ({"start": (1.0, 2.0, 3.0)}, ValueError, "`start` harus titik awal (x, y)"),
    ({"start": (np.nan, 1.0)}, ValueError, "bilangan berhingga"),
    ({"steps": 0}, ValueError, "`steps` harus bilangan bulat dari 1 sampai"),
    ({"steps": MAX_STEPS + 1}, ValueError, "`steps`"),
    ({"steps": 2.5}, ValueError, "`steps`"),
    ({"learning_rate": -0.1}, ValueError, "`learning_rate` harus bilangan > 0"),
    ({"learning_rate": "0.1"}, TypeError, "`learning_rate`"),
    ({"optimizer": "adam"}, ValueError, "`optimizer` harus salah satu dari 'SGD'"),
    ({"momentum": 1.5}, ValueError, "`momentum`"),
    ({"optimizer": "Adam", "beta_1": 1.0}, ValueError, "`beta_1`"),
])
def test_bad_settings_give_indonesian_errors(kwargs, kind, words):
    with pytest.raises(kind) as info:
        GDState(**kwargs).compute()
    assert words in str(info.value) and "tetapi yang diberikan" in str(info.value)


def test_unknown_hyperparameter_for_the_optimizer_is_rejected():
    with pytest.raises(TypeError, match="`momentum` harus hiperparameter Adam"):
        run_path("mangkuk", (1, 1), "Adam", 0.1, 5, momentum=0.9)
    path, _ = run_path("mangkuk", (1, 1), "SGD", 0.1, 5, momentum=0.5, nesterov=True)
    assert path.shape == (6, 2)


@pytest.mark.parametrize("name", NAMES)
def test_starts_lie_inside_the_picture_and_begin_with_the_default(name):
    surface = SURFACES[name]
    x0, x1, y0, y1 = surface.extent
    assert STARTS[name][0] == surface.start and len(set(STARTS[name])) == len(STARTS[name]) >= 3
    for x, y in STARTS[name]:
        assert x0 < x < x1 and y0 < y < y1 and surface.cost((x, y)) > 0


def test_menu_methods_use_known_optimizers_and_their_own_hyperparameters():
    for key, (label, optimizer, shown) in METHODS.items():
        assert optimizer in OPTIMIZERS and set(shown) <= set(OPTIMIZERS[optimizer][1])
    assert METHODS["SGD"][2] == () and METHODS["momentum"][2] == ("momentum",)


def test_grid_rows_and_contour_bands():
    xs, ys, zs = grid("lembah", 9, rows=5)
    assert zs.shape == (5, 9) and ys[0] == -2 and ys[-1] == 2
    bands, edges = contour_bands("lembah", 9, 5)
    levels = contour_levels("lembah")
    np.testing.assert_array_equal(bands, np.searchsorted(levels, zs[::-1]))  # atas = w₂ terbesar
    assert bands[2, 4] == 0 and bands.max() == bands[0, 0]   # dasar di tengah, tertinggi di pojok
    for i, j in np.ndindex(bands.shape):     # tepi: berbeda pita dengan tetangga kiri/atas
        left = j > 0 and bands[i, j] != bands[i, j - 1]
        up = i > 0 and bands[i, j] != bands[i - 1, j]
        assert edges[i, j] == (left or up)


@pytest.mark.parametrize(("top", "integer", "expected"), [
    (17.4, False, [0, 5, 10, 15, 20]), (0.9, False, [0, 0.25, 0.5, 0.75, 1.0]),
    (290, False, [0, 100, 200, 300]), (50, True, [0, 10, 20, 30, 40, 50]),
    (3, True, [0, 1, 2, 3]), (1, True, [0, 1])])
def test_nice_ticks(top, integer, expected):
    np.testing.assert_allclose(nice_ticks(top, 5 if integer else 4, integer), expected)


def test_cost_axis_linear_and_log():
    ys, ticks, log = cost_axis([8.0, 4.0, 2.0])
    assert not log and [label for _, label in ticks] == ["0", "2", "4", "6", "8"]
    np.testing.assert_allclose(ys, [0, 0.5, 0.75])
    assert [label for _, label in cost_axis([0.9, 0.3])[1]] == ["0", "0,25", "0,5", "0,75", "1"]
    ys, ticks, log = cost_axis([100.0, 1.0, 0.001])
    assert log and [label for _, label in ticks] == ["10²", "10", "1", "10⁻¹", "10⁻²", "10⁻³"]
    np.testing.assert_allclose(ys, [0, 0.4, 1])
    ys, ticks, log = cost_axis([5.0, 0.0])                     # tepat 0: digambar di dasar
    assert log and ys[1] == pytest.approx(1) and np.all(np.isfinite(ys))


def test_point_label_uses_decimal_commas():
    assert point_label((-3.5, 1.5)) == "(−3,5; 1,5)"
    assert point_label((2.5, 0.001)) == "(2,5; 0,001)" and point_label((3.0, 0)) == "(3; 0)"
