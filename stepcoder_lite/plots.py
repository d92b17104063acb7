"""Plotting helpers for the notebooks (kept apart from the algorithms; nothing else imports this).

matplotlib is imported inside each function, so importing this module is free. Every function
returns the matplotlib ``Figure`` it drew, sized for a notebook (dpi ~80 keeps committed
outputs small).
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

DPI = 80


def _figure(ncols: int, *, width: float = 4.2, height: float = 3.0):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, ncols, figsize=(width * ncols, height), dpi=DPI, squeeze=False)
    return fig, list(axes[0])


def _integer_bins(values: Sequence[float], max_bins: int = 40) -> list[float]:
    """Bin edges centred on integers (0, 1, 2, ...), coarser if the range is wide."""
    hi = int(max(values)) if len(values) else 1
    step = max(1, -(-(hi + 1) // max_bins))
    return [x - 0.5 for x in range(0, hi + step + 1, step)]


def problem_histograms(
    sets: dict[str, Sequence[Any]],
    *,
    clip: dict[str, float] | None = None,
) -> Any:
    """Three panels, one step histogram per problem set: tests per problem, canonical-solution
    length (non-blank lines) and ``if``/``elif`` statements per canonical solution.

    ``sets`` maps a label to a list of :class:`~stepcoder_lite.data.Problem`. Each histogram is
    normalised to a fraction of its own set (sets differ in size by 100x). ``clip`` caps a
    panel's values (e.g. ``{"lines": 80}``) so one long solution does not squash the rest; the
    last bin then holds "cap or more".
    """
    from stepcoder_lite.data import count_conditionals, num_tests

    def conds(p: Any) -> float | None:
        try:
            return count_conditionals(p.canonical_solution)
        except ValueError:
            return None

    panels: list[tuple[str, str, Callable[[Any], float | None]]] = [
        ("tests", "tests per problem", num_tests),
        ("lines", "canonical solution: non-blank lines", lambda p: sum(1 for ln in p.canonical_solution.splitlines() if ln.strip())),
        ("conditionals", "if/elif statements per solution", conds),
    ]
    clip = {"tests": 30, "lines": 80, "conditionals": 20, **(clip or {})}
    fig, axes = _figure(len(panels))
    for ax, (key, title, fn) in zip(axes, panels):
        all_values = []
        per_set = {}
        for label, problems in sets.items():
            vals = [v for v in (fn(p) for p in problems) if v is not None]
            vals = [min(v, clip[key]) for v in vals]
            per_set[label] = vals
            all_values += vals
        bins = _integer_bins(all_values or [1])
        for label, vals in per_set.items():
            if vals:
                weights = [1 / len(vals)] * len(vals)
                ax.hist(vals, bins=bins, weights=weights, histtype="step", linewidth=1.6, label=f"{label} (n={len(vals)})")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(f"{key} (last bin: >= {clip[key]:g})" if any(v >= clip[key] for v in all_values) else key)
        ax.set_ylabel("fraction of problems")
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def difficulty_bars(sets: dict[str, Sequence[Any]]) -> Any:
    """One group of bars per set: how many problems of each difficulty label."""
    from collections import Counter

    from stepcoder_lite.data import DIFFICULTIES

    labels = list(DIFFICULTIES)
    for problems in sets.values():
        labels += sorted({p.difficulty for p in problems} - set(labels))
    fig, (ax,) = _figure(1, width=6.5)
    width = 0.8 / max(1, len(sets))
    for i, (name, problems) in enumerate(sets.items()):
        counts = Counter(p.difficulty for p in problems)
        xs = [j + i * width for j in range(len(labels))]
        ax.bar(xs, [counts[d] for d in labels], width=width, label=name)
    ax.set_xticks([j + 0.4 - width / 2 for j in range(len(labels))])
    ax.set_xticklabels(labels, fontsize=9)
    ax.set_yscale("log")
    ax.set_ylabel("problems (log scale)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def split_bars(split_counts: dict[str, dict[str, int]]) -> Any:
    """Stacked bars: for each group (e.g. a family), its train / valid / test counts."""
    names = list(split_counts)
    fig, (ax,) = _figure(1, width=min(12.0, max(5.0, 0.2 * len(names) + 1.5)), height=3.2)
    bottom = [0] * len(names)
    for split in ("train", "valid", "test"):
        vals = [split_counts[n].get(split, 0) for n in names]
        ax.bar(range(len(names)), vals, bottom=bottom, label=split)
        bottom = [b + v for b, v in zip(bottom, vals)]
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, rotation=90, fontsize=7)
    ax.set_ylabel("problems")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- RL training (trainer)


def training_curves(rows: Sequence[dict[str, Any]], smooth: int = 5) -> Any:
    """Four panels over PPO iterations from ``metrics.jsonl`` rows: unit-test reward, pass rate,
    KL to the reference (nats per completion) and the curriculum stage (0 = latest cut,
    1 = whole program). Thin lines are per iteration, thick ones a trailing mean over ``smooth``."""
    panels = [
        ("reward", "reward (unit tests)"),
        ("pass_rate", "pass rate of samples"),
        ("kl", "KL to reference (nats / completion)"),
        ("curriculum/stage_fraction", "curriculum stage (1 = whole program)"),
    ]
    fig, axes = _figure(len(panels), width=3.6, height=2.8)
    steps = [r["step"] for r in rows]
    for ax, (key, title) in zip(axes, panels):
        ys = [r.get(key) for r in rows]
        pts = [(x, y) for x, y in zip(steps, ys) if y is not None]
        if not pts:
            ax.set_title(f"{title}\n(not logged)", fontsize=9)
            continue
        xs, vals = zip(*pts)
        ax.plot(xs, vals, linewidth=0.8, alpha=0.45)
        k = max(1, min(smooth, len(vals)))
        trailing = [sum(vals[max(0, i - k + 1): i + 1]) / len(vals[max(0, i - k + 1): i + 1]) for i in range(len(vals))]
        ax.plot(xs, trailing, linewidth=2.0, label="samples" if key == "pass_rate" else None)
        held_out = [(r["step"], r["eval/pass@1"]) for r in rows if r.get("eval/pass@1") is not None]
        if key == "pass_rate" and held_out:  # periodic greedy pass@1 on a held-out set (eval_every)
            ax.plot(*zip(*held_out), "o-", markersize=3, label="held-out greedy")
            ax.legend(fontsize=7)
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("iteration")
    fig.tight_layout()
    return fig


def pass_at_1_bars(pass_at_1: dict[str, dict[str, float]]) -> Any:
    """Greedy pass@1 before and after RL, one pair of bars per held-out set
    (``summary.json``'s ``"pass@1"``: ``{set: {"before": x, "after": y}}``)."""
    names = list(pass_at_1)
    fig, (ax,) = _figure(1, width=max(4.0, 1.6 * len(names) + 1.5), height=3.0)
    for j, when in enumerate(("before", "after")):
        vals = [100 * pass_at_1[n][when] for n in names]
        xs = [i + (j - 0.5) * 0.38 for i in range(len(names))]
        ax.bar(xs, vals, width=0.38, label=f"{when} RL")
        for x, v in zip(xs, vals):
            ax.text(x, v + 0.5, f"{v:.1f}", ha="center", fontsize=8)
    top = max(100 * v[w] for v in pass_at_1.values() for w in ("before", "after")) if names else 0.0
    ax.set_ylim(0, max(10.0, 1.2 * top))  # room for the value labels
    ax.set_xticks(range(len(names)))
    ax.set_xticklabels(names, fontsize=8)
    ax.set_ylabel("greedy pass@1 (%)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
