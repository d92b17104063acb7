"""The notebook plotting helpers draw what they say (Agg backend, no display)."""

import pytest

from stepcoder_lite.data import Problem

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def _sets():
    a = Problem("a", "q", ["x = int(input())\nif x:\n    print(1)\nelif x < 0:\n    print(2)\n"], ["1\n"] * 3, ["1\n"] * 3)
    b = Problem("b", "q", ["def f(x):\n    return x\n"], [[1]], [1], fn_name="f", difficulty="competition")
    c = Problem("c", "q", ["print 1\n"], ["\n"], ["\n"], difficulty="unrated")  # does not parse: skipped in the conditionals panel
    return {"one": [a, b], "two": [c]}


def test_problem_histograms_panels_and_values():
    import matplotlib.pyplot as plt

    from stepcoder_lite import plots

    fig = plots.problem_histograms(_sets())
    axes = fig.get_axes()
    assert [ax.get_title() for ax in axes] == [
        "tests per problem",
        "canonical solution: non-blank lines",
        "if/elif statements per solution",
    ]
    # each set is normalised to a fraction of itself: its bar heights sum to 1 per panel
    tests_ax, _, cond_ax = axes
    assert len(tests_ax.patches) == 2 and len(cond_ax.patches) == 1  # set "two" has no parsable solution
    heights = tests_ax.patches[0].get_xy()[:, 1]
    assert heights.max() == pytest.approx(0.5)
    plt.close(fig)


def test_difficulty_and_split_bars():
    import matplotlib.pyplot as plt

    from stepcoder_lite import plots

    fig = plots.difficulty_bars(_sets())
    labels = [t.get_text() for t in fig.get_axes()[0].get_xticklabels()]
    assert labels == ["introductory", "interview", "competition", "unrated"]
    plt.close(fig)
    fig = plots.split_bars({"fam_a": {"train": 5, "test": 1}, "fam_b": {"valid": 2}})
    bars = fig.get_axes()[0].patches
    assert [b.get_height() for b in bars] == [5, 0, 0, 2, 1, 0]  # train, valid, test stacked per group
    plt.close(fig)
