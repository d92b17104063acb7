"""Where one PPO iteration's time goes: generation, execution, scoring/masking, update.

    .venv/bin/python benchmarks/throughput.py                   # tiny preset, shipped SFT model
    .venv/bin/python benchmarks/throughput.py --iterations 4 --json
    .venv/bin/python benchmarks/throughput.py --compare sharing

Runs real iterations of the trainer (the ``tiny`` preset unless told otherwise) and reads the
phase timings every iteration logs (``time/*`` in metrics.jsonl):

=================  =========================================================================
phase              what runs
=================  =========================================================================
generate           the KV-cache sampler: B x G completions with log-probs and values
execute            the executor's worker pool running every program against its tests
                   (wall seconds, in a background thread)
reference          the frozen reference's forward pass (log pi_ref), while execution runs
execute_wait       the part of execution *not* hidden behind the reference pass
score              rewards, FGO token masks, KL-shaped rewards, GAE, whitening
update             epochs x minibatches of forward + backward + AdamW
=================  =========================================================================

Iterations alternate between two modes, side by side in one process, so each saving is a
ratio measured on the same machine at the same load:

* ``--compare overlap`` (default): execution overlapped with the reference pass (the trainer's
  default) vs run in line (``overlap_execution=False``);
* ``--compare sharing``: each distinct prompt computed once for its G samples (``share_prompts``
  and ``minibatch_by_problem``, the defaults) vs every row computing its own prompt.
 The first iteration is a warm-up (fork servers
start, allocator warms) and is not counted. No timing is asserted anywhere: the machine is
shared and noisy; read the shares.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time

PHASES = ("generate", "execute", "reference", "execute_wait", "score", "update")


MODES = {
    "overlap": [("execution overlapped with the reference pass (default)", {"overlap_execution": True}),
                ("execution in line (overlap_execution=False)", {"overlap_execution": False})],
    "sharing": [("prompts shared by their G samples (default)", {"share_prompts": True, "minibatch_by_problem": True}),
                ("every row computes its own prompt (share_prompts=False, minibatch_by_problem=False)",
                 {"share_prompts": False, "minibatch_by_problem": False})],
}


def measure(trainer, pairs: int, modes: list[tuple[str, dict]]) -> list[list[dict]]:
    """``pairs`` iterations in each mode, alternating (A, B, A, B, ...), so a change in the
    machine's load hits both modes alike."""
    rows: list[list[dict]] = [[] for _ in modes]
    for _ in range(pairs):
        for (_, settings), mode_rows in zip(modes, rows):
            for name, value in settings.items():
                setattr(trainer.config, name, value)
            mode_rows.append(trainer.train_step())
    return rows


def summarise(rows: list[dict]) -> dict:
    out = {p: statistics.mean(r.get(f"time/{p}", 0.0) for r in rows) for p in PHASES}
    out["iteration"] = statistics.mean(r["time/iteration"] for r in rows)
    # what is left: prompt building, problem picking, metrics, bookkeeping
    out["other"] = out["iteration"] - sum(out[p] for p in ("generate", "reference", "execute_wait", "score", "update"))
    out["tokens_generated"] = statistics.mean(r["response_length"] * r["samples"] / r["step"] for r in rows)
    return out


def table(name: str, s: dict) -> str:
    lines = [f"{name}: {s['iteration']:.2f} s per iteration, {s['tokens_generated']:.0f} tokens generated"]
    for p in ("generate", "reference", "execute_wait", "score", "update", "other"):
        lines.append(f"  {p:<13} {s[p]:7.2f} s  {100 * s[p] / s['iteration']:5.1f} %")
    lines.append(f"  {'(execute)':<13} {s['execute']:7.2f} s  {100 * s['execute'] / s['iteration']:5.1f} %   "
                 "execution wall time; only execute_wait adds to the iteration when overlapped")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--preset", default="tiny")
    ap.add_argument("--model", default=None, help="policy to start from (default: the preset's)")
    ap.add_argument("--iterations", type=int, default=3, help="timed iterations per mode (after one warm-up)")
    ap.add_argument("--threads", type=int, default=None, help="torch threads (default: the preset's)")
    ap.add_argument("--compare", choices=sorted(MODES), default="overlap",
                    help="overlap: execution overlapped vs in line; sharing: shared prompts vs one prompt per row")
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="FIELD=VALUE",
                    help="any TrainConfig field, as for `train --set`")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)

    from stepcoder_lite.trainer import Trainer, config_from_flags

    with tempfile.TemporaryDirectory() as out:
        flags = {"out_dir": out, "progress": False, "sample_table_every": 0, "tensorboard": False,
                 "checkpoint_every": 10_000, "iterations": 10_000, "time_budget_s": None}
        if args.model:
            flags["model.name_or_path"] = args.model
        if args.threads:
            flags["threads"] = args.threads
        config = config_from_flags(args.preset, flags, args.overrides)
        start = time.perf_counter()
        with Trainer(config, log=lambda *a: None) as trainer:
            setup_s = time.perf_counter() - start
            trainer.train_step()  # warm-up
            modes = MODES[args.compare]
            (a_name, _), (b_name, _) = modes
            a_rows, b_rows = measure(trainer, args.iterations, modes)
            a, b = summarise(a_rows), summarise(b_rows)
    result = {
        "preset": args.preset,
        "compare": args.compare,
        "config": {"problems_per_iteration": config.problems_per_iteration, "samples_per_problem": config.samples_per_problem,
                   "max_new_tokens": config.max_new_tokens, "epochs": config.ppo.epochs,
                   "minibatch_size": config.ppo.minibatch_size, "threads": config.threads, "exec_workers": config.exec_workers},
        "setup_s": round(setup_s, 2),
        "modes": {a_name: {k: round(v, 3) for k, v in a.items()}, b_name: {k: round(v, 3) for k, v in b.items()}},
        "iteration_ratio_b_over_a": round(b["iteration"] / a["iteration"], 3),
    }
    if args.compare == "overlap":
        result["exposed_execution_share_overlapped"] = round(a["execute_wait"] / a["iteration"], 3)
        result["execution_share_inline"] = round(b["execute_wait"] / b["iteration"], 3)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return 0
    c = result["config"]
    print(f"preset {args.preset}: {c['problems_per_iteration']} problems x {c['samples_per_problem']} samples, "
          f"<= {c['max_new_tokens']} new tokens, {c['epochs']} epochs of minibatch {c['minibatch_size']}, "
          f"{c['threads']} torch threads, {c['exec_workers']} executor workers; setup {setup_s:.1f} s; "
          f"mean of {args.iterations} iterations per mode after 1 warm-up, modes alternating\n")
    print(table(a_name, a))
    print()
    print(table(b_name, b))
    if args.compare == "overlap":
        print(f"\nexposed execution share: {100 * result['exposed_execution_share_overlapped']:.1f} % overlapped vs "
              f"{100 * result['execution_share_inline']:.1f} % in line; iteration time ratio in line / overlapped = "
              f"{result['iteration_ratio_b_over_a']:.2f}")
    else:
        ratios = ", ".join(f"{p} {b[p] / a[p]:.2f}x" for p in ("generate", "reference", "update") if a[p] > 0)
        print(f"\nper phase, unshared / shared: {ratios}; iteration {result['iteration_ratio_b_over_a']:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
