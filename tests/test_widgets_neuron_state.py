"""Tes `saraf.widgets.neuron_state`: z, keluaran, persamaan, dan prediksi satu neuron."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from saraf import ops
from saraf.widgets.neuron_state import (ACTIVATIONS, TOY_DATASETS, activate, check_choice,
                                        check_number, check_point, decision_line, neuron_state)


def test_sigmoid_and_relu_are_the_ones_from_ops():
    z = np.array([-1000.0, -2.0, 0.0, 0.5, 1000.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")                 # sigmoid stabil: tanpa overflow
        np.testing.assert_array_equal(activate(z, "sigmoid"), ops.sigmoid(z))
    np.testing.assert_array_equal(activate(z, "relu"), ops.relu(z))
    np.testing.assert_array_equal(activate(z, "tanh"), np.tanh(z))
    assert activate(z, "step").tolist() == [0, 0, 1, 1, 1]       # z = 0 → 1
    assert activate(0.0, "SIGMOID") == 0.5                        # huruf besar diterima


def test_state_for_the_and_gate():
    state = neuron_state(1.0, 1.0, -1.5, "step", "and", (1.0, 1.0))
    assert state.z == pytest.approx(0.5) and state.output == 1.0
    assert state.zs == pytest.approx([-1.5, -0.5, -0.5, 0.5])
    assert state.predictions == [0, 0, 0, 1] and state.n_correct == 4
    assert state.equation_text == ("z = w1·x1 + w2·x2 + b\n"
                                   "  = (1,00)·(1,00) + (1,00)·(1,00) + (−1,50)\n"
                                   "  = 0,50\n"
                                   "a = step(z) = step(0,50) = 1,00")
    assert state.z_at(np.array([0.0, 1.0]), 0.0).tolist() == [-1.5, -0.5]


@pytest.mark.parametrize("dataset", sorted(TOY_DATASETS))
def test_predictions_follow_the_sign_of_z(dataset):
    state = neuron_state(0.7, -1.2, 0.3, "sigmoid", dataset, (0.0, 0.0))
    points, targets = TOY_DATASETS[dataset]
    for (p, q), z, prediction in zip(points, state.zs, state.predictions):
        assert z == pytest.approx(0.7 * p - 1.2 * q + 0.3) and prediction == int(z >= 0)
    assert state.n_correct == sum(p == t for p, t in zip(state.predictions, targets))
    assert state.output == pytest.approx(float(ops.sigmoid(0.3)))
    assert "a = sigmoid(z) = sigmoid(0,30) = 0,57" in state.equation_text


def test_decision_line_ends_lie_on_the_line():
    assert decision_line(1, 1, -1.5) == ((1.5, 0.0), (0.0, 1.5))
    assert decision_line(1, 0, -0.5) == ((0.5, -0.5), (0.5, 1.5))   # garis tegak
    assert decision_line(0, 0, 1) is None and decision_line(1, 1, 10) is None
    for w1, w2, b in ((2.0, 1.0, -2.5), (-0.3, 1.7, 0.2), (1.0, -1.0, 0.0)):
        for x1, x2 in decision_line(w1, w2, b):
            assert w1 * x1 + w2 * x2 + b == pytest.approx(0, abs=1e-5)
            assert -0.5 <= x1 <= 1.5 and -0.5 <= x2 <= 1.5


def test_checks_give_indonesian_errors_with_decimal_comma():
    assert check_number("w1", 2, -3.0, 3.0) == 2.0
    with pytest.raises(ValueError, match=r"`bias` harus bilangan dari −3 sampai 3 \(rentang "
                                         r"slider\), tetapi yang diberikan: 5\."):
        check_number("bias", 5, -3.0, 3.0)
    with pytest.raises(TypeError, match="`w2` harus bilangan"):
        check_number("w2", True, -3.0, 3.0)
    with pytest.raises(ValueError, match="`point\\[1\\]` harus bilangan dari −0,5 sampai 1,5"):
        check_point((0.0, 2.0))
    with pytest.raises(ValueError, match=r"`point` harus pasangan \(x1, x2\)"):
        check_point([1.0])
    assert check_choice("activation", "ReLU", ACTIVATIONS) == "relu"
    with pytest.raises(ValueError, match="`activation` harus salah satu dari 'step', "
                                         "'sigmoid', 'relu', atau 'tanh'"):
        activate(1.0, "gelu")
