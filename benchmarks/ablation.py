"""What CCCS and FGO buy: the paper's ablation, on the tiny preset, over seeds.

Arms (all from the shipped SFT model, at equal compute: the same iterations, problems and
samples per iteration, the same held-out problems):

    sft         no RL: the starting policy, scored greedily (deterministic, so one number)
    ppo         plain PPO: CCCS off, FGO off
    ppo+cccs    the curriculum only
    ppo+fgo     the loss mask only
    stepcoder   both (the tiny preset as it is)

Each RL arm runs ``python -m stepcoder_lite train --preset tiny`` once per seed, in its own
process, with the time budget off (so no arm stops early on a busy machine) and held-out
valid pass@1 every ``--eval-every`` iterations for the learning curves. Runs go to
``--runs`` (one folder each; a finished one is skipped when rerun, so an interrupted ablation
continues); the table, curves and per-run summaries go to ``--results``.

    python benchmarks/ablation.py                    # 4 RL arms x 3 seeds, 2 runs at a time
    python benchmarks/ablation.py --report-only      # rebuild the table from finished runs
    python benchmarks/ablation.py --quick            # a smoke test: 2 iterations, 8 problems

A second setting is the same script from another SFT start, into its own folders, e.g. three
mistake sites per solution (``sft --set mistakes_per_solution=3``; where CCCS should matter)
``--model runs/sft-3sites --runs runs/ablation_3sites --results benchmarks/results/ablation_3sites``,
or helpers the tests never run (``sft --set dead_code_rate=0.5``; where FGO should matter, and
the table then counts the held-out programs that carry one).

On 2 cores, ``--lanes 2 --threads 1`` (two runs side by side, one torch thread each) gets more
runs per hour than one run with two threads: a 2M-parameter model does not keep two threads busy.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from stepcoder_lite.evaluate import paired_outcomes, sign_test

REPO = Path(__file__).resolve().parents[1]

ARMS: dict[str, list[str]] = {
    "ppo": ["--no-cccs", "--no-fgo"],
    "ppo+cccs": ["--no-fgo"],
    "ppo+fgo": ["--no-cccs"],
    "stepcoder": [],
}
LABELS = {
    "sft": "SFT only (no RL)",
    "ppo": "PPO (no CCCS, no FGO)",
    "ppo+cccs": "PPO + CCCS",
    "ppo+fgo": "PPO + FGO",
    "stepcoder": "StepCoder (CCCS + FGO)",
}
# Dou et al. 2024 (StepCoder), APPS+ pass@1, DeepSeek-Coder-Instruct-6.7B; their ablation has
# no "PPO + CCCS" / "PPO + FGO" rows by those names: "w/o FGO" is PPO + CCCS, "w/o CCCS" is PPO + FGO.
PAPER = {"ppo": 31.7, "ppo+cccs": 35.5, "ppo+fgo": 34.6, "stepcoder": 36.1}


def run_dir(runs: Path, arm: str, seed: int) -> Path:
    return runs / f"{arm}_seed{seed}"


def train_command(arm: str, seed: int, out: Path, args: argparse.Namespace) -> list[str]:
    cmd = [sys.executable, "-m", "stepcoder_lite", "train", "--preset", "tiny", "--out", str(out),
           "--seed", str(seed), "--no-progress", "--model", args.model, *ARMS[arm],
           "--set", "time_budget_s=None", "--set", f"threads={args.threads}",
           "--set", f"exec_workers={args.exec_workers}", "--set", f"eval_every={args.eval_every}",
           "--set", "checkpoint_every=1000", "--set", "keep_checkpoints=1"]
    if args.iterations is not None:
        cmd += ["--iterations", str(args.iterations)]
    if args.eval_problems is not None:
        cmd += ["--eval-problems", str(args.eval_problems)]
    return cmd


def run_one(arm: str, seed: int, args: argparse.Namespace) -> dict:
    out = run_dir(args.runs, arm, seed)
    if (out / "summary.json").exists():
        print(f"[{arm} seed {seed}] done before: {out}/summary.json", flush=True)
        return {"arm": arm, "seed": seed, "skipped": True}
    out.mkdir(parents=True, exist_ok=True)
    for stale in (out / "checkpoints").glob("step_*") if (out / "checkpoints").exists() else []:
        # an interrupted run: start it again from the beginning (its checkpoints are sparse)
        import shutil
        shutil.rmtree(stale)
    cmd = train_command(arm, seed, out, args)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               OMP_NUM_THREADS=str(args.threads), MKL_NUM_THREADS=str(args.threads))
    print(f"[{arm} seed {seed}] start: {' '.join(cmd[1:])}", flush=True)
    t0 = time.perf_counter()
    with open(out / "log.txt", "w") as log:
        rc = subprocess.call(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - t0
    if rc != 0:
        raise RuntimeError(f"[{arm} seed {seed}] train exited {rc}; see {out}/log.txt")
    after = json.loads((out / "summary.json").read_text())["pass@1"]["all"]["after"]
    print(f"[{arm} seed {seed}] {seconds / 60:.1f} min, held-out greedy pass@1 {after:.3f}", flush=True)
    return {"arm": arm, "seed": seed, "seconds": seconds}


# ---------------------------------------------------------------- the report


def passed_problems(eval_file: Path) -> dict[str, bool]:
    """problem id -> passed, over every held-out set of one evaluation file (greedy: one sample each)."""
    results = json.loads(eval_file.read_text())
    return {f"{spec}/{s['problem_id']}": s["verdict"] == "pass" for spec, r in results.items() for s in r["samples"]}


def helper_share(eval_file: Path) -> float:
    """The share of held-out greedy programs that define a function. No family solution does, so
    each one is an unused helper learned from a ``dead_code_rate`` corpus: code the tests never run."""
    samples = [s for r in json.loads(eval_file.read_text()).values() for s in r["samples"]]
    return sum(any(line.startswith("def ") for line in s["completion"].splitlines()) for s in samples) / max(1, len(samples))


def read_run(out: Path) -> dict:
    summary = json.loads((out / "summary.json").read_text())
    paired = paired_outcomes(passed_problems(out / "eval_before.json"), passed_problems(out / "eval_after.json"))
    gained, lost = paired["fixed"], paired["broken"]
    rows = [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines() if line.strip()]
    curve = {k: [r.get(k) for r in rows]
             for k in ("step", "reward", "pass_rate", "kl", "curriculum/stage_fraction", "fgo_masked_frac", "response_length")}
    held_out = [(r["step"], r["eval/pass@1"]) for r in rows if r.get("eval/pass@1") is not None]
    return {"summary": summary, "curve": curve, "held_out_valid": held_out, "gained": gained, "lost": lost,
            "passed_after": passed_problems(out / "eval_after.json"),
            "helper_share": {t: helper_share(out / f"eval_{t}.json") for t in ("before", "after")}}


# arm against arm, same seed, same problems: does adding an idea change which problems pass?
HEAD_TO_HEAD = [("ppo+cccs", "ppo"), ("ppo+fgo", "ppo"), ("stepcoder", "ppo"),
                ("stepcoder", "ppo+cccs"), ("stepcoder", "ppo+fgo")]


def head_to_head(runs: dict[str, dict[int, dict]]) -> list[dict]:
    """For each pair in ``HEAD_TO_HEAD`` with both arms run on a shared seed: per seed, the held-out
    problems the first arm passes and the second fails (``wins``), the reverse (``losses``), and the
    sign test on the two; the seeds' counts summed as well (not independent: the seeds share problems)."""
    rows = []
    for arm, other in HEAD_TO_HEAD:
        seeds = sorted(set(runs.get(arm, {})) & set(runs.get(other, {})))
        if not seeds:
            continue
        per_seed = [paired_outcomes(runs[other][s]["passed_after"], runs[arm][s]["passed_after"]) for s in seeds]
        wins, losses = [p["fixed"] for p in per_seed], [p["broken"] for p in per_seed]
        rows.append({"arm": arm, "against": other, "seeds": seeds, "wins": wins, "losses": losses,
                     "sign_test_p": [p["sign_test_p"] for p in per_seed],
                     "delta": [p["after"] - p["before"] for p in per_seed],
                     "summed_p": sign_test(sum(wins), sum(losses))})
    return rows


def start_record(sft_pass1: float, model: str = "tiny") -> dict:
    """What the runs started from: the start's ``run.json`` (its SFT command and held-out pass@1 /
    pass@8; ``tiny`` is ``data/model``) when its greedy pass@1 is the SFT row's, else only the
    number the runs agree on."""
    folder = REPO / "data" / "model" if model == "tiny" else REPO / model  # train runs in REPO; an absolute path stays
    if (folder / "run.json").exists():
        made = json.loads((folder / "run.json").read_text())
        greedy = made.get("heldout_greedy", {}).get("pass@1")
        if greedy is not None and abs(greedy - sft_pass1) < 1e-9:
            record = {"model": "data/model (the shipped start)" if model == "tiny" else model,
                      "command": made.get("command"), "heldout_greedy_pass@1": greedy}
            sampled = made.get("heldout_sampled", {})
            if "pass@8" in sampled:
                record[f"heldout_pass@8_T{sampled.get('temperature', '')}"] = sampled["pass@8"]
            return record
    return {"model": f"not the model in {folder} today", "heldout_greedy_pass@1": sft_pass1}


def mean_sd(values: list[float]) -> tuple[float, float]:
    return statistics.fmean(values), (statistics.stdev(values) if len(values) > 1 else 0.0)


def report(args: argparse.Namespace) -> dict:
    runs: dict[str, dict[int, dict]] = {}
    for arm in args.arms:
        for seed in args.seeds:
            out = run_dir(args.runs, arm, seed)
            if (out / "summary.json").exists():
                runs.setdefault(arm, {})[seed] = read_run(out)
    if not runs:
        raise SystemExit(f"no finished runs under {args.runs}")
    any_run = next(iter(next(iter(runs.values())).values()))["summary"]
    sets = list(any_run["eval_problems_per_set"])
    # the SFT start: greedy and deterministic, so every run's "before" must be the same number
    starts = {round(r["summary"]["pass@1"]["all"]["before"], 9) for arm in runs.values() for r in arm.values()}
    if len(starts) != 1:
        raise SystemExit(f"runs disagree on the SFT start's pass@1 ({sorted(starts)}): not comparable")
    table = {"sft": {"seeds": [], "all": [any_run["pass@1"]["all"]["before"]],
                     **{s: [any_run["pass@1"][s]["before"]] for s in sets}}}
    for arm, by_seed in runs.items():
        table[arm] = {"seeds": sorted(by_seed), "all": [by_seed[s]["summary"]["pass@1"]["all"]["after"] for s in sorted(by_seed)],
                      **{st: [by_seed[s]["summary"]["pass@1"][st]["after"] for s in sorted(by_seed)] for st in sets},
                      "train_minutes": [by_seed[s]["summary"]["train_time_s"] / 60 for s in sorted(by_seed)],
                      "iterations": sorted({by_seed[s]["summary"]["iterations"] for s in by_seed}),
                      "gained": [by_seed[s]["gained"] for s in sorted(by_seed)],
                      "lost": [by_seed[s]["lost"] for s in sorted(by_seed)]}
    n = {s: any_run["eval_problems_per_set"][s] for s in sets}
    lines = [f"Held-out greedy pass@1 (%), tiny preset, {any_run['iterations']} iterations x "
             f"{any_run['samples'] // max(any_run['iterations'], 1)} samples per arm; mean ± sample sd over seeds "
             f"(per-seed values in brackets); problems: " + ", ".join(f"{s} {n[s]}" for s in sets) + ".", "",
             "| arm | seeds | all | " + " | ".join(sets) + " | Δ vs SFT (all) | problems gained / lost, per seed | sign test p, per seed | paper, APPS+ |",
             "|---|---:|---:|" + "---:|" * len(sets) + "---:|---|---:|---:|"]
    sft_all = table["sft"]["all"][0]
    for arm in ["sft", *ARMS]:
        if arm not in table:
            continue
        row = table[arm]
        m, sd = mean_sd(row["all"])
        cells = [f"{100 * m:.1f} ± {100 * sd:.1f} [{', '.join(f'{100 * v:.1f}' for v in row['all'])}]" if arm != "sft" else f"{100 * m:.1f}"]
        for s in sets:
            ms, sds = mean_sd(row[s])
            cells.append(f"{100 * ms:.1f} ± {100 * sds:.1f}" if arm != "sft" else f"{100 * ms:.1f}")
        delta = "" if arm == "sft" else f"{100 * (m - sft_all):+.1f}"
        paper = f"{PAPER[arm]:.1f}" if arm in PAPER else ""
        if arm == "sft":
            changes = p_value = ""
        else:
            changes = ", ".join(f"+{g} / -{lo}" for g, lo in zip(row["gained"], row["lost"]))
            row["sign_test_p"] = [sign_test(g, lo) for g, lo in zip(row["gained"], row["lost"])]
            p_value = ", ".join(f"{p:.2g}" for p in row["sign_test_p"])
        lines.append(f"| {LABELS[arm]} | {len(row['seeds']) or '-'} | " + " | ".join(cells)
                     + f" | {delta} | {changes} | {p_value} | {paper} |")
    pairs = head_to_head(runs)
    if pairs:
        lines += ["", "Arm against arm (same seed, same held-out problems): problems the first arm passes and the "
                  "second fails / the reverse, per seed; sign test per seed and on the seeds' summed counts.", "",
                  "| comparison | Δ pass@1 per seed (points) | wins / losses, per seed | sign test p, per seed | summed | p, summed |",
                  "|---|---:|---|---:|---|---:|"]
        for pair in pairs:
            lines.append(f"| {LABELS[pair['arm']]} vs {LABELS[pair['against']]} | "
                         + ", ".join(f"{100 * d:+.1f}" for d in pair["delta"]) + " | "
                         + ", ".join(f"+{w} / -{lo}" for w, lo in zip(pair["wins"], pair["losses"])) + " | "
                         + ", ".join(f"{p:.2g}" for p in pair["sign_test_p"])
                         + f" | +{sum(pair['wins'])} / -{sum(pair['losses'])} | {pair['summed_p']:.2g} |")
    if any(r["helper_share"]["before"] > 0 for by_seed in runs.values() for r in by_seed.values()):
        before = next(iter(next(iter(runs.values())).values()))["helper_share"]["before"]
        lines += ["", f"Held-out greedy programs with an unused helper (code the tests never run): {100 * before:.1f}% "
                  "before RL; after, per seed: " + "; ".join(
                      f"{LABELS[arm]} " + ", ".join(f"{100 * by_seed[s]['helper_share']['after']:.1f}%" for s in sorted(by_seed))
                      for arm, by_seed in runs.items()) + "."]
    lines += ["", "Gained / lost: held-out problems the greedy program fails before RL and passes after, and the "
              "reverse. Sign test: two-sided exact binomial over one seed's changed problems (is the split "
              "more uneven than coin flips?); seeds share the problems, so their p values are not independent.",
              "Paper column: Dou et al. 2024, APPS+ pass@1 with DeepSeek-Coder-Instruct-6.7B ('w/o FGO' = PPO + "
              "CCCS, 'w/o CCCS' = PPO + FGO): a different model, data and scale, shown for the shape only."]
    text = "\n".join(lines) + "\n"
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "table.md").write_text(text)
    data = {"command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]), "start": start_record(sft_all, getattr(args, "model", "tiny")),
            "table": table, "head_to_head": pairs, "paper_apps_plus": PAPER,
            "runs": {arm: {str(s): {"summary": {k: r["summary"][k] for k in ("pass@1", "iterations", "samples", "train_time_s", "after")},
                                    "curve": r["curve"], "held_out_valid": r["held_out_valid"], "helper_share": r["helper_share"]}
                           for s, r in by_seed.items()} for arm, by_seed in runs.items()}}
    (args.results / "results.json").write_text(json.dumps(data, indent=1) + "\n")
    try:
        plot_curves(runs, args.results / "curves.png")
    except ImportError as e:
        print(f"curves skipped: {e}")
    print(text)
    print(f"wrote {args.results}/table.md, results.json, curves.png")
    return data


def plot_curves(runs: dict[str, dict[int, dict]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    panels = [("pass_rate", "training pass rate (batch)"), ("reward", "training reward"),
              ("kl", "KL to the reference"), ("held_out_valid", "held-out valid greedy pass@1")]
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 3.4))
    for ax, (key, title) in zip(axes, panels):
        for arm, by_seed in runs.items():
            if key == "held_out_valid":
                series = [r["held_out_valid"] for r in by_seed.values() if r["held_out_valid"]]
                if not series:
                    continue
                length = min(len(s) for s in series)
                x = [step for step, _ in series[0][:length]]
                ys = np.array([[v for _, v in s[:length]] for s in series])
            else:
                series = [r["curve"][key] for r in by_seed.values()]
                length = min(len(s) for s in series)
                x = list(range(1, length + 1))
                ys = np.array([[np.nan if v is None else v for v in s[:length]] for s in series], dtype=float)
                if length >= 5:  # a 5-iteration running mean: batch rates are noisy
                    kernel = np.ones(5) / 5
                    ys = np.array([np.convolve(y, kernel, mode="valid") for y in ys])
                    x = x[4:]
            mean = ys.mean(axis=0)
            line, = ax.plot(x, mean, label=LABELS[arm])
            if len(ys) > 1:
                ax.fill_between(x, ys.min(axis=0), ys.max(axis=0), color=line.get_color(), alpha=0.15)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("iteration")
    axes[0].legend(fontsize=7)
    fig.suptitle("Ablation on the tiny preset: mean over seeds, band = min..max (running mean of 5 for batch curves)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--arms", nargs="+", default=list(ARMS), choices=list(ARMS), help="RL arms (SFT-only is always reported)")
    parser.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    parser.add_argument("--lanes", type=int, default=2, help="runs side by side (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per run (default 1)")
    parser.add_argument("--exec-workers", type=int, default=1, help="executor workers per run (default 1)")
    parser.add_argument("--eval-every", type=int, default=10, help="held-out valid pass@1 every N iterations (default 10)")
    parser.add_argument("--model", default="tiny", help="the start every arm trains from: tiny (data/model) or an SFT "
                        "output folder, for a second setting (default tiny)")
    parser.add_argument("--iterations", type=int, default=None, help="default: the tiny preset's")
    parser.add_argument("--eval-problems", type=int, default=None, help="default: every held-out problem")
    parser.add_argument("--runs", type=Path, default=REPO / "runs" / "ablation")
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results" / "ablation")
    parser.add_argument("--report-only", action="store_true", help="only rebuild the table from finished runs")
    parser.add_argument("--quick", action="store_true", help="smoke test: 2 iterations, 8 problems per set, 1 seed, into runs/ablation_quick")
    args = parser.parse_args(argv)
    if args.quick:
        args.iterations, args.eval_problems, args.eval_every, args.seeds = 2, 8, 1, [0]
        args.runs = REPO / "runs" / "ablation_quick"
        args.results = args.runs / "results"
    if not args.report_only:
        jobs = [(arm, seed) for seed in args.seeds for arm in args.arms]  # seed-major: every arm gets seed 0 first
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.lanes) as pool:
            for result in pool.map(lambda job: run_one(*job, args), jobs):
                pass
        print(f"all runs finished in {(time.perf_counter() - t0) / 60:.1f} min")
    report(args)


if __name__ == "__main__":
    main()
