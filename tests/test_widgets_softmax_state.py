"""Tes `saraf.widgets.softmax_state`: probabilitas, entropi, cross-entropy, dan hitungannya."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saraf import ops
from saraf.widgets.softmax_state import (DEFAULT_LOGITS, check_class_setup, initial_logits,
                                         significant, softmax_state)


@settings(max_examples=50, deadline=None)
@given(logits=st.lists(st.floats(-15, 15), min_size=2, max_size=12),
       temperature=st.floats(0.1, 10.0), data=st.data())
def test_state_matches_ops(logits, temperature, data):
    true_class = data.draw(st.integers(0, len(logits) - 1))
    names = [str(i) for i in range(len(logits))]
    state = softmax_state(logits, temperature, names, true_class)
    expected = ops.softmax(np.array(logits), temperature=temperature)
    np.testing.assert_allclose(state.probabilities, expected)
    assert state.predicted_class == int(np.argmax(expected))
    assert state.confidence == pytest.approx(expected.max())
    p = expected[expected > 0]
    assert state.entropy == pytest.approx(-(p * np.log(p)).sum(), abs=1e-9)
    scaled = np.array(logits) / temperature
    reference = -(scaled[true_class] - scaled.max()) + math.log(np.exp(scaled - scaled.max()).sum())
    assert state.cross_entropy == pytest.approx(reference)
    if expected[true_class] > 1e-12:
        assert state.cross_entropy == pytest.approx(
            ops.cross_entropy(expected[None], [true_class]), rel=1e-6)


def test_arithmetic_text_uses_decimal_comma():
    state = softmax_state([1.0, 2.0, 0.0], 1.0, ["kaus", "celana", "sepatu"], 1)
    assert state.arithmetic_text.splitlines() == [
        "p(celana) = e^(z_celana/T) / Σ e^(z_j/T)",
        "        = e^(2,00/1,00) / (e^(1,00/1,00) + e^(2,00/1,00) + e^(0,00/1,00))",
        "        = 7,389 / (2,718 + 7,389 + 1)",
        f"        = 7,389 / 11,11 = {state.confidence:.3f}".replace(".", ",")]


def test_huge_logits_are_shifted_first():
    state = softmax_state([1000.0, 1001.0, 999.0], 1.0, ["a", "b", "c"], 0)
    np.testing.assert_allclose(state.probabilities, ops.softmax([0.0, 1.0, -1.0]))
    assert "dikurangi 1.001,00 dulu (hasilnya sama)" in state.arithmetic_text
    assert math.isfinite(state.cross_entropy) and math.isfinite(state.entropy)


@pytest.mark.parametrize("value, text", [
    (7.38905, "7,389"), (0.367879, "0,3679"), (1.0, "1"), (22026.47, "22.026"),
    (485165195.4, "485.165.195"), (2.0611536e-9, "2,061·10^−9"), (0.0, "0"),
])
def test_significant(value, text):
    assert significant(value) == text


def test_setup_defaults_and_errors():
    logits, names, true_class, temperature = check_class_setup(None, None, None, 1)
    assert logits.tolist() == list(DEFAULT_LOGITS) and names == ["0", "1", "2", "3", "4"]
    assert true_class == 0 and temperature == 1.0
    assert initial_logits(None, ["a", "b", "c"]).tolist() == [2.0, 0.5, -1.0]
    with pytest.raises(ValueError, match=r"`logits` harus berisi 2 sampai 12 bilangan"):
        check_class_setup([1.0], None, None, 1.0)
    with pytest.raises(ValueError, match=r"`temperature` harus bilangan dari 0,1 sampai 10"):
        check_class_setup(None, None, None, 0)
    with pytest.raises(ValueError, match=r"`true_class` harus bilangan bulat dari 0 sampai 4"):
        check_class_setup(None, None, 5, 1.0)
    with pytest.raises(ValueError, match="`class_names` harus berisi 2 nama kelas"):
        check_class_setup([1.0, 2.0], ["a"], None, 1.0)
