"""The plots of the notebooks draw what they say (Agg backend, no display)."""

import pytest

from stepcoder_lite import curriculum as cc
from stepcoder_lite.data import Problem

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from stepcoder_lite import plots  # noqa: E402
from stepcoder_lite.rewards import TIER_REWARDS, partial_credit_reward  # noqa: E402

SOLUTION = "n = int(input())\nif n < 0:\n    print('neg')\nelif n == 0:\n    print('zero')\nelse:\n    print('pos')\n"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_trailing_mean_smooths_over_the_last_k_points():
    assert plots.trailing_mean([0, 2, 4, 6], 2) == [0, 1, 3, 5]
    assert plots.trailing_mean([1, 3], 10) == [1, 2]


def test_training_curves_draw_raw_faint_and_smoothed_bold_per_chosen_panel():
    rows = [{"step": i, "reward": -0.5 + 0.1 * i, "pass_rate": 0.1 * i, "kl": 0.2 * i} for i in range(8)]
    fig = plots.training_curves(rows, smooth=3, panels=("reward", "pass_rate", "kl"))
    axes = fig.get_axes()
    assert [ax.get_title() for ax in axes] == ["reward (unit tests)", "pass rate of samples",
                                               "KL to reference (nats / completion)"]
    for ax in axes:
        raw, smooth = ax.get_lines()
        assert raw.get_alpha() < 0.5 and smooth.get_alpha() is None
        assert raw.get_color() == smooth.get_color()
        assert ax.get_xlabel() == "iteration"
    assert list(axes[2].get_lines()[1].get_ydata()) == pytest.approx(plots.trailing_mean([0.2 * i for i in range(8)], 3))
    assert axes[1].get_ylim() == pytest.approx((-0.03, 1.03))  # a share keeps its whole range


def test_reward_vs_tests_passed_climbs_from_the_tier_to_one_under_partial_credit():
    tiers = {"wrong_answer": -0.3, "runtime_error": -0.6}
    fig = plots.reward_vs_tests_passed(tiers, floor=-1.0)
    (ax,) = fig.get_axes()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("share of tests passed", "reward")
    lines = {ln.get_label(): ln for ln in ax.get_lines()}
    partial = lines["wrong_answer: partial credit"].get_ydata()
    assert partial[0] == pytest.approx(-0.3) and partial[-1] == pytest.approx(1.0)
    assert set(lines["runtime_error: plain tier"].get_ydata()) == {-0.6}
    assert set(lines["syntax error (never ran)"].get_ydata()) == {-1.0}
    assert ax.get_ylim() == (-1.1, 1.1)


def test_partial_credit_is_the_tier_at_zero_and_one_at_all_tests():
    r = TIER_REWARDS
    assert [partial_credit_reward(t, 0.0) for t in r.values()] == list(r.values())
    assert partial_credit_reward(-0.3, 1.0) == pytest.approx(1.0) and partial_credit_reward(-0.6, 0.5) == pytest.approx(0.2)


def test_executed_lines_shades_exactly_the_executed_lines_per_panel():
    fig = plots.executed_lines(SOLUTION, {"test 0": {1, 2, 4, 5}, "all tests": {1, 2, 3}})
    axes = fig.get_axes()
    assert [ax.get_title(loc="left") for ax in axes] == ["test 0", "all tests"]
    assert [len(ax.patches) for ax in axes] == [4, 3]
    assert len(axes[0].texts) == len(SOLUTION.splitlines())
    grey = [t.get_text() for t in axes[1].texts if t.get_color() == "#888888"]
    assert [g.split()[0] for g in grey] == ["4", "5", "6", "7"]


def test_curriculum_stages_draws_one_cut_per_cut_stage_and_one_column_per_stage():
    problem = Problem(id="toy", question="", inputs=[], outputs=[], solutions=[SOLUTION])
    the_plan = cc.plan(problem)
    fig = plots.curriculum_stages(SOLUTION, the_plan)
    ax_code, ax_stages = fig.get_axes()
    red = [ln for ln in ax_code.get_lines() if ln.get_color() == "crimson"]
    assert len(red) == the_plan.num_stages - 1
    assert len(ax_stages.patches) == 2 * the_plan.num_stages  # given + written per stage
    assert ax_stages.get_ylabel() == "solution line"
    assert ax_code.get_ylim()[0] > ax_code.get_ylim()[1]  # line 1 at the top


def test_stage_trajectories_share_the_y_axis_and_normalise_by_the_last_stage():
    runs = {"pass-rate": {"a": [0, 1, 2], "b": [0, 0, 1]}, "fixed": {"a": [0, 0, 1], "b": [0, 1, 1]}}
    fig = plots.stage_trajectories(runs, {"a": 3, "b": 2}, labels={"a": "2 ifs", "b": "1 if"})
    left, right = fig.get_axes()
    assert left.get_ylim() == right.get_ylim() == (-0.05, 1.05)
    assert [ln.get_label() for ln in right.get_lines()] == ["2 ifs", "1 if"]
    assert list(left.get_lines()[0].get_ydata()) == [0, 0.5, 1.0]
    assert left.get_xlabel() == right.get_xlabel() == "trainer step"


def test_exploration_odds_has_solid_and_dashed_lines_per_q_on_a_log_scale():
    fig = plots.exploration_odds([0.9, 0.6], max_conditionals=9)
    a, b = fig.get_axes()
    assert len(a.get_lines()) == 2 and len(b.get_lines()) == 4
    assert b.get_yscale() == "log"
    full, stage0 = b.get_lines()[2].get_ydata(), b.get_lines()[3].get_ydata()
    assert full[9] == pytest.approx(1 / 0.6 ** 9) and stage0[9] == pytest.approx(1 / 0.6 ** 3)


def test_token_gradients_share_y_and_mark_masked_tokens():
    fig = plots.token_gradients([1.0, 1.0, 1.0], [1.5, 0.0, 1.5], [True, False, True])
    top, bottom = fig.get_axes()
    assert top.get_ylim() == bottom.get_ylim()
    assert [len(ax.patches) for ax in (top, bottom)] == [3, 3]
    assert [list(c.get_offsets()[:, 0]) for c in bottom.collections] == [[1.0]]
    assert bottom.get_xlabel() == "completion token"


def test_masked_share_hist_counts_every_solution():
    fig = plots.masked_share_hist([0.0, 0.0, 0.1, 0.3])
    (ax,) = fig.get_axes()
    assert sum(p.get_height() for p in ax.patches) == 4
    assert ax.get_xlim() == (0, 0.5) and ax.get_ylabel() == "solutions"


def test_clipped_objective_is_flat_beyond_the_clip_on_a_shared_axis():
    fig = plots.clipped_objective(0.2)
    pos, neg = fig.get_axes()
    assert pos.get_ylim() == neg.get_ylim()
    clipped = pos.get_lines()[1]
    xs, ys = clipped.get_xdata(), clipped.get_ydata()
    assert max(ys) == pytest.approx(1.2) and all(y == pytest.approx(1.2) for x, y in zip(xs, ys) if x > 1.2)
    assert pos.get_xlabel() == "ratio  pi / pi_old" and pos.get_ylabel() == "objective (= -loss)"


def test_training_curves_wrap_panels_and_draw_the_reference_run_dashed_grey():
    rows = [{"step": i, "reward": 0.1 * i, "pass_rate": 0.5, "kl": 0.0, "curriculum/stage_fraction": 0.1 * i,
             "fgo_masked_frac": 0.01} for i in range(1, 7)]
    reference = [{"step": i, "reward": 0.2, "pass_rate": 0.4} for i in range(1, 11)]
    panels = ("reward", "pass_rate", "kl", "curriculum/stage_fraction", "fgo_masked_frac")
    fig = plots.training_curves(rows, panels=panels, reference=reference, reference_label="measured", ncols=3)
    axes = fig.get_axes()
    assert len(axes) == 5  # the sixth slot of the 2 x 3 grid is removed
    assert axes[4].get_title() == "share of tokens masked by FGO"
    ref, raw, smooth = axes[0].get_lines()
    assert ref.get_linestyle() == "--" and ref.get_color() == "grey" and ref.get_label() == "measured"
    assert len(ref.get_xdata()) == 10 and smooth.get_label() == "this run"
    assert len(axes[2].get_lines()) == 2  # no reference values for kl: only this run's two lines


def test_verdict_shares_stack_one_band_per_verdict_up_to_one():
    rows = [{"step": i, "verdict/pass": 0.5, "verdict/wrong_answer": 0.25, "verdict/runtime_error": 0.25,
             "verdict/timeout": 0.0, "verdict/syntax_error": 0.0} for i in range(4)]
    fig = plots.verdict_shares(rows)
    (ax,) = fig.get_axes()
    assert len(ax.collections) == len(plots.VERDICTS)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(plots.VERDICTS)
    assert ax.get_ylim() == (0, 1) and ax.get_ylabel() == "share of the batch"


def test_sft_curves_put_loss_and_pass_at_1_on_their_own_axes():
    history = [{"step": str(i), "loss": str(2.0 / i)} for i in range(1, 101)]  # as csv.DictReader gives them
    evals = [{"step": "50", "valid_loss": "0.5", "valid_pass@1": "0.1"}, {"step": "100", "valid_loss": "0.3", "valid_pass@1": "0.4"}]
    fig = plots.sft_curves(history, evals, smooth=10)
    loss_ax, pass_ax = fig.get_axes()
    assert loss_ax.get_yscale() == "log" and loss_ax.get_ylabel() == "cross-entropy (nats / token)"
    raw, smooth, valid = loss_ax.get_lines()
    assert raw.get_alpha() < 0.5 and list(valid.get_ydata()) == [0.5, 0.3]
    (curve,) = pass_ax.get_lines()
    assert list(curve.get_ydata()) == pytest.approx([10.0, 40.0])
    assert pass_ax.get_ylabel() == "valid greedy pass@1 (%)" and pass_ax.get_ylim()[1] >= 40.0


def test_greedy_vs_sampled_puts_greedy_first_with_its_level_dashed():
    fig = plots.greedy_vs_sampled(0.4, {"pass@1": 0.3, "pass@8": 0.6}, temperature=0.8)
    (ax,) = fig.get_axes()
    assert [p.get_height() for p in ax.patches] == pytest.approx([40.0, 30.0, 60.0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["greedy pass@1", "pass@1, T = 0.8", "pass@8, T = 0.8"]
    (level,) = ax.get_lines()
    assert set(level.get_ydata()) == {40.0} and level.get_linestyle() == "--"
    assert ax.get_ylabel() == "% of held-out problems"


def test_ablation_points_show_every_seed_the_start_and_the_paper():
    table = {"sft": {"all": [0.125]}, "ppo": {"all": [0.12, 0.15, 0.13]}, "stepcoder": {"all": [0.14, 0.16]}}
    paper = {"ppo": 31.7, "stepcoder": 36.1}
    fig = plots.ablation_points(paper, table)
    ours, theirs = fig.get_axes()
    dots = [ln for ln in ours.get_lines() if ln.get_marker() == "." and ln.get_linestyle() == "None"]
    assert [len(d.get_ydata()) for d in dots] == [3, 2]  # one dot per seed, per arm
    start = [ln for ln in ours.get_lines() if ln.get_linestyle() == "--"]
    assert len(start) == 1 and set(start[0].get_ydata()) == {12.5}
    assert [t.get_text() for t in ours.get_xticklabels()] == ["PPO", "StepCoder"]
    assert list(theirs.get_lines()[0].get_ydata()) == [31.7, 36.1]
    assert ours.get_ylabel() == "held-out greedy pass@1 (%)" and theirs.get_ylabel() == "APPS+ pass@1 (%)"
    (only_paper,) = plots.ablation_points(paper).get_axes()  # without results: the paper alone
    assert only_paper.get_ylabel() == "APPS+ pass@1 (%)"


def test_config_table_lists_only_the_fields_that_differ():
    from stepcoder_lite.display import config_table
    from stepcoder_lite.trainer import TrainConfig

    a, b = TrainConfig.preset("tiny"), TrainConfig.preset("tiny", iterations=3, out_dir="elsewhere")
    b.ppo.kl_coef = a.ppo.kl_coef + 1
    table = config_table({"tiny": a, "short": b})
    rows = table.splitlines()
    assert rows[0] == "| field | tiny | short |"
    assert [r.split("|")[1].strip() for r in rows[2:]] == ["`iterations`", "`ppo.kl_coef`"]  # out_dir skipped
    assert table._repr_markdown_() == str(table)
