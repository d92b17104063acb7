"""The main job, measured: `train --preset tiny` over seeds, and a contrast run from a clean start.

Each run is exactly the README's main job (``python -m stepcoder_lite train --preset tiny``,
its own process, the preset's time budget on) with ``--seed S``; the contrast run is the same
command with ``--model`` pointing at an SFT start trained on a clean corpus
(``sft --preset tiny --set mistake_rate=0``). The report reads each run's ``summary.json``:
held-out greedy pass@1 before and after, problems fixed and broken, the sign test.

    python benchmarks/train_tiny.py                                  # seeds 0 1 2, one at a time
    python benchmarks/train_tiny.py --contrast-model runs/sft-clean  # + the contrast run (seed 0)
    python benchmarks/train_tiny.py --report-only                    # rebuild the report

Runs go to ``--runs`` (a finished one is skipped when rerun); the report (``README.md``'s
table is printed, ``seeds.json`` written) and seed 0's files (``summary.json``,
``metrics.jsonl``, ``samples.md``, plots) go to ``--results``. Run it on an otherwise idle
machine: the preset's 660 s training budget makes a slower machine do fewer iterations.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COPIED = ("summary.json", "metrics.jsonl", "samples.md", "plots/training_curves.png", "plots/pass_at_1.png")


def run_one(name: str, out: Path, extra: list[str]) -> float | None:
    """One main job into ``out``; its wall seconds (``None`` when it had finished before)."""
    if (out / "summary.json").exists():
        print(f"[{name}] done before: {out}/summary.json", flush=True)
        return None
    if out.exists():
        shutil.rmtree(out)  # an interrupted run starts again: the measurement is the whole job
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "stepcoder_lite", "train", "--preset", "tiny", "--out", str(out), "--no-progress", *extra]
    print(f"[{name}] {' '.join(cmd[1:])}", flush=True)
    t0 = time.perf_counter()
    with open(out.parent / f"{out.name}.log", "w") as log:
        rc = subprocess.call(cmd, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - t0
    if rc != 0:
        raise RuntimeError(f"[{name}] train exited {rc}; see {out.parent / (out.name + '.log')}")
    (out / "wall_seconds.txt").write_text(f"{seconds:.1f}\n")
    return seconds


def row(name: str, out: Path) -> dict:
    summary = json.loads((out / "summary.json").read_text())
    wall = out / "wall_seconds.txt"
    return {"run": name, **summary["heldout"], "iterations": summary["iterations"], "train_time_s": summary["train_time_s"],
            "wall_s": float(wall.read_text()) if wall.exists() else None, "model": summary.get("start_model")}


def table(rows: list[dict]) -> str:
    lines = ["| run | held-out problems | before | after | gain | fixed / broken | sign test p | iterations | wall |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        wall = f"{r['wall_s'] / 60:.1f} min" if r["wall_s"] else "-"
        lines.append(f"| {r['run']} | {r['n_problems']} | {100 * r['before']:.1f}% | {100 * r['after']:.1f}% | "
                     f"{100 * (r['after'] - r['before']):+.1f} | +{r['fixed']} / -{r['broken']} | {r['sign_test_p']:.2g} | "
                     f"{r['iterations']} | {wall} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--contrast-model", default=None, help="an SFT start trained with mistake_rate=0 (seed 0 only)")
    ap.add_argument("--runs", type=Path, default=REPO / "runs" / "train_tiny")
    ap.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results" / "train_tiny")
    ap.add_argument("--report-only", action="store_true")
    args = ap.parse_args(argv)

    runs = [(f"seed {s}", args.runs / f"seed{s}", ["--seed", str(s)]) for s in args.seeds]
    if args.contrast_model:
        runs.append(("contrast: clean start, seed 0", args.runs / "contrast", ["--model", args.contrast_model]))
    if not args.report_only:
        for name, out, extra in runs:
            run_one(name, out, extra)
    rows = [row(name, out) for name, out, _ in runs if (out / "summary.json").exists()]
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "seeds.json").write_text(json.dumps(rows, indent=2) + "\n")
    first = args.runs / f"seed{args.seeds[0]}"
    if (first / "summary.json").exists():
        for name in COPIED:
            if (first / name).exists():
                shutil.copy(first / name, args.results / Path(name).name)
    if args.contrast_model and (args.runs / "contrast" / "summary.json").exists():
        (args.results / "contrast").mkdir(exist_ok=True)
        shutil.copy(args.runs / "contrast" / "summary.json", args.results / "contrast" / "summary.json")
    print(table(rows))


if __name__ == "__main__":
    main()
