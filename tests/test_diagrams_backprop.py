"""Tes saraf.diagrams.plot_backprop_flow: neuron, panah maju dan mundur, serta label BP1–BP4."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.patches import Circle  # noqa: E402

from saraf import diagrams  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _drawing(sizes, **kwargs):
    fig = diagrams.plot_backprop_flow(sizes, **kwargs)
    ax = fig.axes[0]
    arrows = {t.get_gid(): t for t in ax.texts if getattr(t, "arrow_patch", None) is not None}
    texts = [t.get_text() for t in ax.texts]
    circles = [p for p in ax.patches if isinstance(p, Circle)]
    return fig, ax, arrows, texts, circles


def _columns(circles):
    """x kolom → banyak neuron yang digambar di kolom itu."""
    xs = np.round([c.center[0] for c in circles], 6)
    return dict(zip(*np.unique(xs, return_counts=True)))


@pytest.mark.parametrize("sizes", [(4, 3, 2), (4, 5, 3, 2), (3, 2)])
def test_arrows_run_forward_then_back_layer_by_layer(sizes):
    _, _, arrows, _, circles = _drawing(sizes)
    last = len(sizes) - 1
    columns = sorted(_columns(circles))
    assert [_columns(circles)[x] for x in columns] == list(sizes)  # satu kolom per lapisan
    expected = ({f"maju-{l}" for l in range(1, last + 1)} | {"maju-C", "mundur-C"}
                | {f"mundur-{l}" for l in range(1, last)})  # BP2 tidak pernah ke masukan
    assert set(arrows) == expected
    blue, red = to_rgba(diagrams.FLOW_COLORS["maju"]), to_rgba(diagrams.FLOW_COLORS["mundur"])
    for l in range(1, last + 1):  # maju: dari kolom l − 1 ke kolom l, ke kanan
        (x_end, _), (x_start, _) = arrows[f"maju-{l}"].xy, arrows[f"maju-{l}"].xyann
        assert columns[l - 1] < x_start < x_end < columns[l]
        assert arrows[f"maju-{l}"].arrow_patch.get_edgecolor() == pytest.approx(blue)
    for l in range(1, last):  # BP2: dari kolom l + 1 ke kolom l, ke kiri
        (x_end, _), (x_start, _) = arrows[f"mundur-{l}"].xy, arrows[f"mundur-{l}"].xyann
        assert columns[l] < x_end < x_start < columns[l + 1]
        assert arrows[f"mundur-{l}"].arrow_patch.get_edgecolor() == pytest.approx(red)
    (x_end, _), (x_start, _) = arrows["mundur-C"].xy, arrows["mundur-C"].xyann
    assert columns[-1] < x_end < x_start  # BP1: dari biaya C ke lapisan keluaran
    y_forward, y_back = arrows["maju-1"].xy[1], arrows["mundur-C"].xy[1]
    neurons_y = [c.center[1] for c in circles]
    assert y_back < min(neurons_y) <= max(neurons_y) < y_forward  # maju di atas, mundur di bawah


def test_labels_are_the_four_equations_with_the_right_layers():
    _, _, _, texts, _ = _drawing((4, 5, 3, 2))
    bp1 = [t for t in texts if t.startswith("BP1")]
    assert len(bp1) == 1 and r"\delta^{3}" in bp1[0] and r"\nabla_a C" in bp1[0]
    assert r"\sigma'(z^{3})" in bp1[0]
    bp2 = sorted(t for t in texts if t.startswith("BP2"))
    assert bp2 == sorted(rf"BP2: $\delta^{{{l}}} = ((w^{{{l + 1}}})^{{\mathsf{{T}}}} \delta^{{{l + 1}}}) "
                         rf"\odot \sigma'(z^{{{l}}})$" for l in (1, 2))
    gradients = [t for t in texts if t.startswith("BP3")]
    assert len(gradients) == 3
    for l in (1, 2, 3):  # BP3 dan BP4 untuk setiap lapisan berbobot, dari δ^l dan a^(l−1)
        text = next(t for t in gradients if rf"b^{{{l}}}_j" in t)
        assert rf"= \delta^{{{l}}}_j" in text and "BP4" in text
        assert rf"w^{{{l}}}_{{jk}} = a^{{{l - 1}}}_k" in text
    assert sum(t.startswith(r"$z^{") for t in texts) == 3  # z dan a di atas panah maju
    assert {rf"$\delta^{{{l}}}$" for l in (1, 2, 3)} <= set(texts)
    assert r"$\delta^{0}$" not in texts  # lapisan masukan tidak punya galat
    assert "lapisan tersembunyi\n5 neuron" in texts and "lapisan keluaran\n2 neuron" in texts
    assert any(t.startswith("biaya") for t in texts)


def test_big_layers_are_shortened_and_counted_with_thousand_points():
    _, _, _, texts, circles = _drawing((1000, 30, 10), shown=6)
    assert sorted(_columns(circles).values()) == [5, 5, 5]  # 6 tempat, satu diganti ⋮
    assert texts.count("⋮") == 3
    assert "lapisan masukan\n1.000 neuron" in texts and "lapisan tersembunyi\n30 neuron" in texts
    fig, *_ = _drawing((784, 30, 10), title="Jaringan 784-30-10")
    assert fig.axes[0].get_title() == "Jaringan 784-30-10"


@pytest.mark.parametrize("kwargs, name", [({"sizes": (4,)}, "`sizes`"),
                                          ({"sizes": (4, 0, 2)}, "`sizes`"),
                                          ({"sizes": (4, 3, 2), "shown": 1}, "`shown`")])
def test_bad_arguments_are_clear_errors(kwargs, name):
    with pytest.raises(ValueError, match=name):
        diagrams.plot_backprop_flow(**kwargs)
