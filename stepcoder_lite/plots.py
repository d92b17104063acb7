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


def trailing_mean(values: Sequence[float], k: int) -> list[float]:
    """Mean of each value and the up to ``k - 1`` before it (the smoothed line of a curve)."""
    k = max(1, k)
    return [sum(values[max(0, i - k + 1): i + 1]) / len(values[max(0, i - k + 1): i + 1]) for i in range(len(values))]


def _curve(ax: Any, xs: Sequence[float], ys: Sequence[float], smooth: int, label: str | None = None) -> None:
    """A raw curve drawn faint, its trailing mean over ``smooth`` points drawn bold in the same colour."""
    (raw,) = ax.plot(xs, ys, linewidth=0.8, alpha=0.35)
    ax.plot(xs, trailing_mean(list(ys), min(smooth, len(ys))), linewidth=2.0, color=raw.get_color(), label=label)


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


# --------------------------------------------------------------------------- the SFT start (notebook 03)


def sft_curves(history: Sequence[dict[str, Any]], evals: Sequence[dict[str, Any]], smooth: int = 50) -> Any:
    """The SFT run in two panels. Left: training cross-entropy per step (faint; bold: trailing
    mean over ``smooth``) and the held-out valid loss (dots), log scale. Right: valid greedy
    pass@1 (%) at each evaluation. ``history`` and ``evals`` are ``loss_curve.csv`` and
    ``evals.csv`` rows (numbers or the CSV's strings)."""
    fig, (loss_ax, pass_ax) = _figure(2, width=4.4, height=3.0)
    steps = [float(h["step"]) for h in history]
    _curve(loss_ax, steps, [float(h["loss"]) for h in history], smooth, label="train (target tokens)")
    if evals:
        e_steps = [float(e["step"]) for e in evals]
        loss_ax.plot(e_steps, [float(e["valid_loss"]) for e in evals], "o", color="C1", markersize=4, label="valid")
        pass_at_1 = [100 * float(e["valid_pass@1"]) for e in evals]
        pass_ax.plot(e_steps, pass_at_1, "o-", color="C2", markersize=4)
        pass_ax.set_ylim(0, max(10.0, 1.15 * max(pass_at_1)))
    loss_ax.set_yscale("log")
    loss_ax.set_xlabel("step")
    loss_ax.set_ylabel("cross-entropy (nats / token)")
    loss_ax.legend(fontsize=8)
    pass_ax.set_xlabel("step")
    pass_ax.set_ylabel("valid greedy pass@1 (%)")
    fig.tight_layout()
    return fig


def greedy_vs_sampled(greedy: float, sampled: dict[str, float], temperature: float) -> Any:
    """Greedy pass@1 beside pass@k of samples at ``temperature`` (``sampled``: ``{"pass@1": x,
    "pass@4": y, ...}``, fractions), in % of problems. The dashed line is the greedy level: the
    height of a pass@k bar above it is what RL could select from the policy's own samples."""
    names = ["greedy pass@1", *(f"{k}, T = {temperature:g}" for k in sampled)]
    vals = [100 * greedy, *(100 * v for v in sampled.values())]
    fig, (ax,) = _figure(1, width=5.6, height=3.0)
    ax.bar(range(len(vals)), vals, color=["C0"] + ["C1"] * len(sampled))
    for x, v in enumerate(vals):
        ax.text(x, v + 1, f"{v:.1f}", ha="center", fontsize=8)
    ax.axhline(vals[0], color="C0", linewidth=0.9, linestyle="--")
    ax.set_xticks(range(len(vals)), names, fontsize=8)
    ax.set_ylim(0, max(10.0, 1.2 * max(vals)))
    ax.set_ylabel("% of held-out problems")
    ax.set_title("dashed: greedy; a pass@k bar above it: what RL could select", fontsize=9)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- RL training (trainer)


TRAINING_PANELS = {
    "reward": "reward (unit tests)",
    "pass_rate": "pass rate of samples",
    "kl": "KL to reference (nats / completion)",
    "curriculum/stage_fraction": "curriculum stage (1 = whole program)",
}


PANEL_TITLES = {**TRAINING_PANELS, "fgo_masked_frac": "share of tokens masked by FGO"}


def _grid(n: int, ncols: int, *, width: float, height: float):
    """``n`` panels in rows of at most ``ncols`` (unused slots of the last row removed)."""
    import matplotlib.pyplot as plt

    ncols = max(1, min(n, ncols))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows), dpi=DPI, squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.remove()
    return fig, flat[:n]


def training_curves(rows: Sequence[dict[str, Any]], smooth: int = 5,
                    panels: Sequence[str] = tuple(TRAINING_PANELS),
                    reference: Sequence[dict[str, Any]] | None = None,
                    reference_label: str = "reference run", ncols: int = 4) -> Any:
    """One panel per metric over PPO iterations from ``metrics.jsonl`` rows (each with a
    ``step``): by default unit-test reward, pass rate, KL to the reference (nats per completion)
    and the curriculum stage (0 = latest cut, 1 = whole program). Faint lines are per iteration,
    bold ones a trailing mean over ``smooth``. ``panels`` picks metrics (keys of the rows), laid
    out in rows of ``ncols``. ``reference`` (rows of another run, e.g. a committed measured
    one) is drawn as its trailing mean, dashed grey, under the same metric."""
    fig, axes = _grid(len(panels), ncols, width=3.6, height=2.8)
    steps = [r["step"] for r in rows]
    for ax, key in zip(axes, panels):
        title = PANEL_TITLES.get(key, key)
        ref = [(r["step"], r[key]) for r in reference or () if r.get(key) is not None]
        if ref:
            xs, vals = zip(*ref)
            ax.plot(xs, trailing_mean(list(vals), smooth), "--", color="grey", linewidth=1, label=reference_label)
        pts = [(x, r.get(key)) for x, r in zip(steps, rows) if r.get(key) is not None]
        if not pts:
            ax.set_title(f"{title}\n(not logged)", fontsize=9)
            continue
        xs, vals = zip(*pts)
        _curve(ax, xs, vals, smooth, label="this run" if ref else "samples" if key == "pass_rate" else None)
        held_out = [(r["step"], r["eval/pass@1"]) for r in rows if r.get("eval/pass@1") is not None]
        if key == "pass_rate" and held_out:  # periodic greedy pass@1 on a held-out set (eval_every)
            ax.plot(*zip(*held_out), "o-", markersize=3, label="held-out greedy")
        if ref or (key == "pass_rate" and held_out):
            ax.legend(fontsize=7)
        if key in ("pass_rate", "curriculum/stage_fraction"):
            ax.set_ylim(-0.03, 1.03)  # shares: the whole [0, 1] range
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("iteration")
    fig.tight_layout()
    return fig


VERDICTS = ("pass", "wrong_answer", "runtime_error", "timeout", "syntax_error")


def verdict_shares(rows: Sequence[dict[str, Any]], verdicts: Sequence[str] = VERDICTS) -> Any:
    """What each iteration's samples ended as: one stacked band per verdict (the rows'
    ``verdict/<name>`` shares of the batch), so the bands fill [0, 1]."""
    fig, (ax,) = _figure(1, width=6.0, height=2.8)
    steps = [r["step"] for r in rows]
    ax.stackplot(steps, *[[r.get(f"verdict/{v}", 0.0) for r in rows] for v in verdicts], labels=list(verdicts), alpha=0.85)
    ax.set_ylim(0, 1)
    ax.set_xlim(min(steps, default=0), max(steps, default=1))
    ax.set_xlabel("iteration")
    ax.set_ylabel("share of the batch")
    ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5))
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


def ablation_points(paper: dict[str, float], table: dict[str, dict[str, Any]] | None = None,
                    labels: dict[str, str] | None = None) -> Any:
    """Held-out greedy pass@1 (%) per ablation arm. Left (when ``table`` is given: the
    ablation's ``results.json["table"]``, fractions per seed under ``"all"``): one dot per seed,
    the mean with its sample standard deviation as an error bar, and the SFT start (arm
    ``"sft"``) as a dashed line, so an arm reads as "above the start by more than its seed
    spread, or not". Right: the paper's numbers (``paper``: arm -> %), drawn the same way on
    their own axis (another model and benchmark: compare the order, not the level)."""
    import statistics

    labels = {"ppo": "PPO", "ppo+cccs": "PPO + CCCS\n(w/o FGO)", "ppo+fgo": "PPO + FGO\n(w/o CCCS)",
              "stepcoder": "StepCoder", **(labels or {})}
    rl_arms = [a for a in labels if a != "sft"]
    fig, axes = _figure(2 if table else 1, width=4.8, height=3.1)
    if table:
        ax = axes[0]
        arms = [a for a in rl_arms if a in table]
        for x, a in enumerate(arms):
            seeds = [100 * v for v in table[a]["all"]]
            mean = statistics.fmean(seeds)
            sd = statistics.stdev(seeds) if len(seeds) > 1 else 0.0
            ax.plot([x] * len(seeds), seeds, ".", color="k", markersize=4, zorder=3)
            ax.errorbar([x], [mean], yerr=[sd], fmt="o", color="C0", markersize=7, capsize=4, label="mean ± sd" if x == 0 else None)
        if "sft" in table:
            start = 100 * statistics.fmean(table["sft"]["all"])
            ax.axhline(start, color="C7", linestyle="--", linewidth=1.2, label=f"SFT start ({start:.1f})")
        ax.set_xticks(range(len(arms)), [labels[a] for a in arms], fontsize=7)
        ax.set_xlim(-0.5, len(arms) - 0.5)
        ax.margins(y=0.25)
        ax.set_ylabel("held-out greedy pass@1 (%)")
        ax.set_title("ours: tiny preset, one dot per seed", fontsize=9)
        ax.legend(fontsize=7, loc="upper left")
    ax = axes[-1]
    arms = [a for a in rl_arms if a in paper]
    ax.plot(range(len(arms)), [paper[a] for a in arms], "o", color="C7", markersize=7)
    for x, a in enumerate(arms):
        ax.annotate(f"{paper[a]:.1f}", (x, paper[a]), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
    ax.set_xticks(range(len(arms)), [labels[a] for a in arms], fontsize=7)
    ax.set_xlim(-0.5, len(arms) - 0.5)
    ax.margins(y=0.25)
    ax.set_ylabel("APPS+ pass@1 (%)")
    ax.set_title("paper (Dou et al. 2024): DeepSeek-Coder-6.7B", fontsize=9)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- executor (notebook 02)


def reward_vs_tests_passed(tiers: dict[str, float], floor: float | None = None) -> Any:
    """The reward of a failing program against the share of its tests it passed: under
    partial credit (solid, :func:`stepcoder_lite.rewards.partial_credit_reward`) it climbs from its
    tier to +1; under plain tiers (dashed) it stays at the tier. ``tiers`` maps a verdict to
    its tier reward; ``floor`` (e.g. the syntax-error reward) is drawn as a flat dotted line."""
    from stepcoder_lite.rewards import partial_credit_reward

    fig, (ax,) = _figure(1, width=5.0, height=3.0)
    fracs = [i / 20 for i in range(21)]
    for name, r_tier in tiers.items():
        (line,) = ax.plot(fracs, [partial_credit_reward(r_tier, f) for f in fracs], linewidth=2, label=f"{name}: partial credit")
        ax.plot(fracs, [r_tier] * len(fracs), "--", color=line.get_color(), linewidth=1.2, label=f"{name}: plain tier")
    if floor is not None:
        ax.plot(fracs, [floor] * len(fracs), ":", color="crimson", linewidth=1.2, label="syntax error (never ran)")
    ax.axhline(1.0, color="k", linewidth=0.8, alpha=0.5)
    ax.set_ylim(-1.1, 1.1)
    ax.set_xlabel("share of tests passed")
    ax.set_ylabel("reward")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    return fig


def executed_lines(source: str, panels: dict[str, Any]) -> Any:
    """The program once per panel, executed lines on green, the others grey. ``panels`` maps a
    title to a set of 1-based executed line numbers (e.g. one test's, then the union)."""
    lines = source.splitlines()
    width = 0.095 * max((len(ln) for ln in lines), default=20) + 0.8
    fig, axes = _figure(len(panels), width=width, height=0.22 * len(lines) + 0.6)
    for ax, (title, executed) in zip(axes, panels.items()):
        for i, text in enumerate(lines, start=1):
            ran = i in executed
            if ran:
                ax.axhspan(i - 0.45, i + 0.45, color="#b7e4b7", zorder=0)
            ax.text(0.01, i, f"{i:2}  {text}", family="monospace", fontsize=9, va="center",
                    color="black" if ran else "#888888")
        ax.set_xlim(0, 1)
        ax.set_ylim(len(lines) + 0.5, 0.5)  # line 1 at the top
        ax.axis("off")
        ax.set_title(title, fontsize=9, loc="left")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- curriculum (notebook 04)


def curriculum_stages(solution: str, plan: Any) -> Any:
    """Left: the solution, split points on yellow, each cut stage's cut as a red line. Right: one
    column per stage, grey for the lines given in the prompt, blue for the lines the model
    writes. ``plan`` is :func:`stepcoder_lite.curriculum.plan`'s result for this solution."""
    import matplotlib.pyplot as plt

    lines = solution.splitlines()
    n = len(lines)
    fig, (ax_code, ax_stages) = plt.subplots(1, 2, figsize=(10.5, 0.22 * n + 1.2), dpi=DPI,
                                             gridspec_kw={"width_ratios": [3.2, 1]}, sharey=True)
    split_lines = {p.line for p in plan.split_points}
    for i, text in enumerate(lines, start=1):
        if i in split_lines:
            ax_code.axhspan(i - 0.5, i + 0.5, color="#fff2a8", zorder=0)
        ax_code.text(0.0, i, f"{i:3}  {text}", family="monospace", fontsize=8, va="center")
    for s in plan.stages[:-1]:  # the last stage has no cut: the model writes everything
        ax_code.axhline(s.cut_line - 0.5, color="crimson", linewidth=1.2)
        ax_code.text(1.0, s.cut_line - 0.5, f"stage {s.index} starts here ", color="crimson", fontsize=8,
                     ha="right", va="bottom", transform=ax_code.get_yaxis_transform())
    ax_code.set_xlim(0, 1)
    ax_code.set_ylim(n + 0.5, 0.5)  # line 1 at the top
    ax_code.axis("off")
    ax_code.set_title("split points (yellow) and cuts (red)", fontsize=9)
    for s in plan.stages:
        first_written = 1 if s.cut_line is None else s.cut_line
        ax_stages.bar(s.index, first_written - 1, bottom=0.5, color="lightgrey", width=0.7)
        ax_stages.bar(s.index, n + 1 - first_written, bottom=first_written - 0.5, color="tab:blue", width=0.7)
    ax_stages.set_xticks(range(plan.num_stages), [f"stage {s.index}" for s in plan.stages], fontsize=8)
    from matplotlib.ticker import MaxNLocator

    ax_stages.yaxis.set_major_locator(MaxNLocator(integer=True))  # whole line numbers
    ax_stages.tick_params(axis="y", labelleft=True, labelsize=7)  # sharey hides them by default
    ax_stages.set_ylabel("solution line")
    ax_stages.set_title("grey: given, blue: written", fontsize=9)
    fig.tight_layout()
    return fig


def stage_trajectories(runs: dict[str, dict[str, Sequence[int]]], num_stages: dict[str, int],
                       labels: dict[str, str] | None = None) -> Any:
    """One panel per schedule (``runs`` maps its title to ``{problem id: stage after each
    step}``), one step line per problem, its stage as a share of its last stage (1 = the model
    writes the whole program). The panels share their y axis."""
    fig, axes = _figure(len(runs), width=4.6, height=3.0)
    for ax in axes[1:]:
        ax.sharey(axes[0])
    for ax, (title, history) in zip(axes, runs.items()):
        for pid, stages in history.items():
            last = max(num_stages[pid] - 1, 1)
            ax.step(range(len(stages)), [s / last for s in stages], where="post",
                    label=(labels or {}).get(pid, pid))
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("trainer step")
    axes[0].set_ylim(-0.05, 1.05)
    axes[0].set_ylabel("stage / last stage\n(1 = writes everything)")
    axes[-1].legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    return fig


def exploration_odds(qs: Sequence[float], max_conditionals: int = 12) -> Any:
    """Why a curriculum helps. Left: ``q ** N``, the chance that all ``N`` conditionals are right
    when each is right with probability ``q``. Right (log scale): samples until the first pass,
    ``1 / q ** N`` when the model writes all ``N`` (solid) against ``1 / q ** ceil(sqrt N)`` at
    CCCS's stage 0 (dashed)."""
    import math

    ns = list(range(max_conditionals + 1))
    fig, (a, b) = _figure(2, width=4.6, height=3.0)
    for q in qs:
        (line,) = a.plot(ns, [q ** n for n in ns], marker="o", markersize=3, label=f"q = {q}")
        b.semilogy(ns, [1 / q ** n for n in ns], marker="o", markersize=3, color=line.get_color(), label=f"q = {q}")
        b.semilogy(ns, [1 / q ** math.ceil(math.sqrt(n)) for n in ns], "--", color=line.get_color(), linewidth=1)
    a.set_xlabel("conditionals to get right, N")
    a.set_ylabel("P(all right) = q^N")
    a.set_ylim(0, 1.02)
    b.set_xlabel("conditionals in the solution, N")
    b.set_ylabel("samples until the first pass")
    b.set_title("solid: write all N; dashed: stage 0 (~sqrt N)", fontsize=9)
    a.legend(fontsize=8)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- FGO (notebook 05)


def token_gradients(grad_off: Sequence[float], grad_on: Sequence[float], executed_mask: Sequence[bool]) -> Any:
    """Gradient size per completion token, FGO off (top) and on (bottom), on one shared y
    axis; the tokens FGO masks are drawn grey and marked with crosses on both."""
    import matplotlib.pyplot as plt

    off, on = [float(g) for g in grad_off], [float(g) for g in grad_on]
    masked = [t for t, kept in enumerate(executed_mask) if not kept]
    fig, axes = plt.subplots(2, 1, figsize=(10, 3.6), dpi=DPI, sharex=True, sharey=True)
    for ax, grads, title, colour in ((axes[0], off, "FGO off: every completion token", "tab:blue"),
                                     (axes[1], on, "FGO on: unexecuted tokens masked", "tab:green")):
        ax.bar(range(len(grads)), grads, width=0.8,
               color=[colour if kept else "#b0b0b0" for kept in executed_mask])  # masked tokens in grey
        ax.scatter(masked, [0] * len(masked), marker="x", color="grey", s=14, zorder=3, label="masked by FGO")
        ax.set_title(title, fontsize=9, loc="left")
        ax.set_ylabel("|grad|")
    axes[0].set_ylim(0, 1.15 * max(off + on + [1e-12]))
    axes[0].legend(fontsize=8, loc="upper right")
    axes[1].set_xlabel("completion token")
    fig.tight_layout()
    return fig


def masked_share_hist(fractions: Sequence[float]) -> Any:
    """Histogram of the share of each passing program's tokens that FGO masks (no test ran them)."""
    fig, (ax,) = _figure(1, width=6.0, height=2.8)
    top = max([0.5, *fractions])
    ax.hist(list(fractions), bins=[top * i / 20 for i in range(21)], color="tab:gray")
    ax.set_xlim(0, top)
    ax.set_xlabel("share of a passing solution's tokens that no test executed")
    ax.set_ylabel("solutions")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- PPO (notebook 06)


def clipped_objective(eps: float, advantages: Sequence[float] = (1.0, -1.0)) -> Any:
    """PPO's clipped surrogate ``min(A * ratio, A * clip(ratio, 1 - eps, 1 + eps))`` against the
    ratio ``pi / pi_old``, one panel per advantage, on a shared y axis; dashed: unclipped."""
    lo, hi = 0.4, 1.6
    grid = [lo + (hi - lo) * i / 240 for i in range(241)]
    fig, axes = _figure(len(advantages), width=4.2, height=2.9)
    for ax in axes[1:]:
        ax.sharey(axes[0])
    for ax, a in zip(axes, advantages):
        clipped = [min(a * r, a * min(max(r, 1 - eps), 1 + eps)) for r in grid]  # = -max(pg_loss1, pg_loss2)
        ax.plot(grid, [a * r for r in grid], "--", color="grey", label="unclipped  A * ratio")
        ax.plot(grid, clipped, color="C0" if a > 0 else "C3", linewidth=2, label="clipped objective")
        ax.axvspan(1 - eps, 1 + eps, color="C2", alpha=0.12, label="[1 - eps, 1 + eps]")
        ax.set_title(f"A = {a:+g}", fontsize=10)
        ax.set_xlabel("ratio  pi / pi_old")
        ax.legend(fontsize=7, loc="lower right" if a > 0 else "upper right")  # away from the curves
    axes[0].set_ylabel("objective (= -loss)")
    fig.tight_layout()
    return fig
