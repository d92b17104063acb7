"""benchmarks/ablation.py's report: the table is computed from the runs' own files."""
import argparse
import json
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ablation():
    return load_benchmark("ablation")


def write_run(folder: Path, before: list[bool], after: list[bool], seed: int, helpers: tuple[int, int] = (0, 0)) -> None:
    """A finished run's files; ``helpers``: how many programs define an unused helper before and after."""
    folder.mkdir(parents=True)
    n = len(before)

    def evaluation(passed, n_helpers):
        code = lambda i: ("def gcd(a, b):\n    return a\n\n" if i < n_helpers else "") + "print(1)\n"  # noqa: E731
        return {"families:valid": {"samples": [{"problem_id": f"p{i}", "verdict": "pass" if ok else "wrong_answer",
                                                "completion": code(i)} for i, ok in enumerate(passed)]}}

    (folder / "eval_before.json").write_text(json.dumps(evaluation(before, helpers[0])))
    (folder / "eval_after.json").write_text(json.dumps(evaluation(after, helpers[1])))
    rate = lambda xs: sum(xs) / n  # noqa: E731
    summary = {"pass@1": {"families:valid": {"before": rate(before), "after": rate(after)},
                          "all": {"before": rate(before), "after": rate(after)}},
               "eval_problems_per_set": {"families:valid": n}, "iterations": 3, "samples": 12,
               "train_time_s": 30.0, "after": {}}
    (folder / "summary.json").write_text(json.dumps(summary))
    rows = [{"step": i + 1, "reward": 0.1 * i, "pass_rate": 0.2, "kl": 0.01, "curriculum/stage_fraction": 0.5,
             **({"eval/pass@1": rate(after)} if i == 2 else {})} for i in range(3)]
    (folder / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def args_for(ablation, runs: Path, results: Path, seeds) -> argparse.Namespace:
    return argparse.Namespace(arms=["stepcoder"], seeds=seeds, runs=runs, results=results)


def test_report_counts_gains_and_losses_per_seed(ablation, tmp_path):
    before = [True, False, False, False, False, False, False, False, False, False]
    write_run(tmp_path / "runs" / "stepcoder_seed0", before, [True, True, True, False, False, False, False, False, False, False], 0)
    write_run(tmp_path / "runs" / "stepcoder_seed1", before, [False, True, False, False, False, False, False, False, False, False], 1)
    data = ablation.report(args_for(ablation, tmp_path / "runs", tmp_path / "out", [0, 1]))
    row = data["table"]["stepcoder"]
    assert row["gained"] == [2, 1] and row["lost"] == [0, 1]
    assert row["all"] == [pytest.approx(0.3), pytest.approx(0.1)]
    assert data["table"]["sft"]["all"] == [pytest.approx(0.1)]
    table = (tmp_path / "out" / "table.md").read_text()
    assert "| StepCoder (CCCS + FGO) | 2 | 20.0 ± 14.1 [30.0, 10.0]" in table
    assert "+2 / -0, +1 / -1" in table
    assert (tmp_path / "out" / "curves.png").stat().st_size > 0


def test_report_refuses_runs_that_start_from_different_models(ablation, tmp_path):
    write_run(tmp_path / "runs" / "stepcoder_seed0", [True, False], [True, True], 0)
    write_run(tmp_path / "runs" / "stepcoder_seed1", [False, False], [True, True], 1)
    with pytest.raises(SystemExit, match="disagree on the SFT start"):
        ablation.report(args_for(ablation, tmp_path / "runs", tmp_path / "out", [0, 1]))


def test_report_sets_each_idea_against_plain_ppo_on_the_same_seed(ablation, tmp_path):
    before = [True, False, False, False, False, False]
    write_run(tmp_path / "runs" / "ppo_seed0", before, [True, True, False, False, False, False], 0)
    write_run(tmp_path / "runs" / "stepcoder_seed0", before, [False, True, True, True, False, False], 0)
    args = argparse.Namespace(arms=["ppo", "stepcoder"], seeds=[0], runs=tmp_path / "runs", results=tmp_path / "out")
    data = ablation.report(args)
    (pair,) = data["head_to_head"]  # only the pair with both arms run
    assert (pair["arm"], pair["against"], pair["seeds"]) == ("stepcoder", "ppo", [0])
    assert pair["wins"] == [2] and pair["losses"] == [1]  # p2, p3 won; p0 lost
    assert pair["delta"] == [pytest.approx(1 / 6)]
    assert pair["sign_test_p"] == [pytest.approx(1.0)]
    assert "| StepCoder (CCCS + FGO) vs PPO (no CCCS, no FGO) | +16.7 | +2 / -1 | 1 | +2 / -1 | 1 |" in (
        tmp_path / "out" / "table.md").read_text()
    # a start whose pass@1 is not the shipped model's is not described as the shipped model
    assert data["start"] == {"model": f"not the model in {REPO / 'data' / 'model'} today",
                             "heldout_greedy_pass@1": pytest.approx(1 / 6)}


def test_a_second_setting_trains_every_arm_from_its_own_start(ablation, tmp_path):
    args = argparse.Namespace(model="runs/sft-3sites", threads=1, exec_workers=1, eval_every=10, iterations=None,
                              eval_problems=None)
    cmd = ablation.train_command("ppo+fgo", 2, tmp_path / "out", args)
    assert cmd[cmd.index("--model") + 1] == "runs/sft-3sites" and "--no-cccs" in cmd
    start = tmp_path / "start"
    start.mkdir()
    (start / "run.json").write_text(json.dumps({"command": "python -m stepcoder_lite sft ...",
                                                "heldout_greedy": {"pass@1": 0.25},
                                                "heldout_sampled": {"pass@8": 0.5, "temperature": 0.8}}))
    assert ablation.start_record(0.25, str(start)) == {"model": str(start), "command": "python -m stepcoder_lite sft ...",
                                                      "heldout_greedy_pass@1": 0.25, "heldout_pass@8_T0.8": 0.5}


def test_report_counts_the_programs_that_carry_code_the_tests_never_run(ablation, tmp_path):
    before = [True, False, False, False]
    write_run(tmp_path / "runs" / "ppo_seed0", before, [True, True, False, False], 0, helpers=(2, 1))
    write_run(tmp_path / "runs" / "ppo+fgo_seed0", before, [True, True, True, False], 0, helpers=(2, 2))
    args = argparse.Namespace(arms=["ppo", "ppo+fgo"], seeds=[0], runs=tmp_path / "runs", results=tmp_path / "out")
    data = ablation.report(args)
    assert data["runs"]["ppo"]["0"]["helper_share"] == {"before": 0.5, "after": 0.25}
    table = (tmp_path / "out" / "table.md").read_text()
    assert ("unused helper (code the tests never run): 50.0% before RL; after, per seed: "
            "PPO (no CCCS, no FGO) 25.0%; PPO + FGO 50.0%.") in table
    write_run(tmp_path / "plain" / "ppo_seed0", before, [True, True, False, False], 0)
    ablation.report(argparse.Namespace(arms=["ppo"], seeds=[0], runs=tmp_path / "plain", results=tmp_path / "out2"))
    assert "unused helper" not in (tmp_path / "out2" / "table.md").read_text()  # no line where no program has one
