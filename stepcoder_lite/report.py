"""The ``train`` command around the loop: the held-out evaluation before and after RL, and
the summary that pairs them.

:func:`run_job` (behind :func:`stepcoder_lite.trainer.run`) calls these in order::

    held_out_sets(config)        the fixed evaluation subsets (seed 0: the same for every run)
    evaluation_before(...)       greedy pass@1 of the starting policy -> eval_before.json
    ... training ...
    evaluate_sets(...)           the same after training              -> eval_after.json
    build_summary(...)           pass@1 before/after per set and over all sets, every held-out
                                 problem paired (fixed / broken, sign test), the final metrics
    write_summary(...)           summary.json, metrics.csv, plots/
    log_result(...)              the two lines a reader looks for

One evaluation path: :func:`evaluate_policy` is :func:`stepcoder_lite.evaluate.evaluate_model`
(also behind ``python -m stepcoder_lite eval``), so the numbers before RL are those the SFT run
reports for the same problems. An evaluation result is ``{spec: {"summary", "samples",
"seconds"}}`` with one sample record ``{"problem_id", "sample", "completion", "verdict"}`` per problem.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path
from typing import Any, Callable, Sequence

from stepcoder_lite import distributed, run_folder
from stepcoder_lite.config import TrainConfig
from stepcoder_lite.data import Problem, load_source
from stepcoder_lite.errors import InputError, RunSetupError
from stepcoder_lite.evaluate import evaluate_model, format_summary, paired_outcomes
from stepcoder_lite.executor import Executor
from stepcoder_lite.model import resolve_model_path

Results = dict[str, dict[str, Any]]
"""``{spec: {"summary": ..., "samples": [...], "seconds": s}}``: one evaluation of every held-out set."""


def fixed_subset(problems: Sequence[Problem], n: int | None, seed: int = 0) -> list[Problem]:
    """``n`` problems drawn with ``seed`` (kept in their original order); all when ``n`` is None."""
    if n is None or n >= len(problems):
        return list(problems)
    keep = set(random.Random(seed).sample(range(len(problems)), n))
    return [p for i, p in enumerate(problems) if i in keep]


def held_out_sets(config: TrainConfig) -> dict[str, list[Problem]]:
    """The evaluation subsets, per spec (fixed with seed 0: the same for every run)."""
    return {spec: fixed_subset(load_source(spec), config.eval_problems, seed=0) for spec in config.eval_datasets}


def evaluate_policy(policy, tokenizer, problems: Sequence[Problem], executor: Executor, config: TrainConfig,
                    chat_template=None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Greedy pass@1 with the error breakdown: the project's one evaluation path
    (:func:`stepcoder_lite.evaluate.evaluate_model`, also behind ``python -m stepcoder_lite eval``),
    so the numbers before RL are those the SFT run reports for the same problems.

    Returns ``(summary, records)`` with one ``{"problem_id", "sample", "completion", "verdict"}`` per problem.
    """
    return evaluate_model(policy, tokenizer, problems, samples=1, max_new_tokens=config.eval_max_new_tokens,
                          batch_size=config.eval_batch_size, chat=chat_template is not None, executor=executor,
                          timeout_s=config.eval_timeout_s)


Evaluate = Callable[[Sequence[Problem]], tuple[dict[str, Any], list[dict[str, Any]]]]
"""``evaluate(problems) -> (summary, records)``: greedy pass@1 of the current policy (``Trainer.evaluate``)."""


def evaluate_sets(evaluate: Evaluate, sets: dict[str, list[Problem]], when: str, log) -> Results:
    """Every held-out set evaluated with ``evaluate``; ``when`` ("before" / "after") is for the log."""
    results = {}
    for spec, problems in sets.items():
        t0 = time.perf_counter()
        summary, samples = evaluate(problems)
        results[spec] = {"summary": summary, "samples": samples, "seconds": round(time.perf_counter() - t0, 1)}
        log(f"evaluation {when} training, {spec} ({len(problems)} problems, {results[spec]['seconds']} s):\n" + format_summary(summary))
    return results


def periodic_eval(evaluate: Evaluate, problems: Sequence[Problem]) -> dict[str, float]:
    """The columns a periodic evaluation adds to a metrics row: ``eval/pass@1``,
    ``eval/syntax_error`` (share of greedy completions) and ``time/eval`` (seconds)."""
    t0 = time.perf_counter()
    summary, _ = evaluate(problems)
    return {"eval/pass@1": summary["pass@1"], "eval/syntax_error": summary["errors"]["syntax_error"],
            "time/eval": round(time.perf_counter() - t0, 3)}


def evaluation_before(evaluate: Evaluate, sets: dict[str, list[Problem]], out: Path, resume: bool, step: int,
                      log) -> Results:
    """The evaluation of the starting policy, written to ``eval_before.json``.

    A resumed run reads the file its first process wrote (same start, same subset); a run
    past step 0 without it cannot recover its start and raises :class:`RunSetupError`."""
    before_file = out / "eval_before.json"
    if before_file.exists() and resume:  # computed by the run being resumed: same start, same subset
        log("evaluation before training: read from eval_before.json")
        return json.loads(before_file.read_text())
    if step != 0:
        raise RunSetupError(f"resume: {before_file} is missing but the run is at step {step}")
    before = evaluate_sets(evaluate, sets, "before", log)
    run_folder.write_text_atomic(before_file, json.dumps(before, indent=2) + "\n")  # a resume trusts it
    return before


def passed_by_problem(results: Results) -> dict[str, bool]:
    """``"<set>/<problem id>" -> passed`` over every held-out set of one evaluation (greedy)."""
    return {f"{spec}/{r['problem_id']}": r["verdict"] == "pass" for spec, res in results.items() for r in res["samples"]}


def build_summary(config: TrainConfig, sets: dict[str, list[Problem]], before: Results, after: Results, *,
                  iterations: int, train_time_s: float, eval_s: float, wall_s: float, resumed_from: int | None,
                  final_metrics: dict[str, Any], model_dir: Path, processes: int | None = None) -> dict[str, Any]:
    """The run's ``summary.json``: what ran, for how long, and pass@1 before -> after.

    ``pass@1["all"]`` weighs each set by its number of problems; ``heldout`` pairs every
    held-out problem before and after (which ones RL fixed or broke, and a sign test on them).
    ``processes`` is the number of data-parallel processes (None: one process, not recorded)."""
    summary = {
        "command": " ".join(sys.argv),
        "preset": config.preset,
        "start_model": config.model.name_or_path,
        "cccs": config.cccs,
        "fgo": config.fgo.enabled,
        "seed": config.seed,
        "iterations": iterations,
        "samples": iterations * config.problems_per_iteration * config.samples_per_problem,
        "train_time_s": round(train_time_s, 1),
        "eval_time_s_this_process": round(eval_s, 1),
        "wall_time_s_this_process": round(wall_s, 1),
        "resumed_from_step": resumed_from,
        "eval_problems_per_set": {spec: len(ps) for spec, ps in sets.items()},
        "pass@1": {spec: {"before": before[spec]["summary"]["pass@1"], "after": after[spec]["summary"]["pass@1"]}
                   for spec in sets},
        "before": {spec: before[spec]["summary"] for spec in sets},
        "after": {spec: after[spec]["summary"] for spec in sets},
        "final_metrics": final_metrics,
        "model": str(model_dir),
    }
    if processes is not None:
        summary["processes"] = processes
    if sets:
        n_all = sum(len(ps) for ps in sets.values())
        summary["pass@1"]["all"] = {
            when: sum(res[spec]["summary"]["pass@1"] * len(ps) for spec, ps in sets.items()) / n_all
            for when, res in (("before", before), ("after", after))
        }
        summary["heldout"] = paired_outcomes(passed_by_problem(before), passed_by_problem(after))
    return summary


def write_summary(out: Path, summary: dict[str, Any], metrics_rows: list[dict[str, Any]], log) -> None:
    """``summary.json``, ``metrics.csv`` and ``plots/`` (skipped, with a log line, without matplotlib)."""
    (out / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
    run_folder.write_metrics_csv(metrics_rows, out / "metrics.csv")
    try:
        run_folder.write_plots(metrics_rows, summary, out / "plots")
    except ImportError as e:  # matplotlib missing: the numbers are all in the JSON files
        log(f"plots skipped: {e}")


def log_result(summary: dict[str, Any], log) -> None:
    """pass@1 before -> after per set, and the paired count of fixed and broken problems."""
    if not summary["pass@1"]:
        return
    log("pass@1 (greedy): " + ", ".join(f"{spec} {v['before']:.3f} -> {v['after']:.3f}" for spec, v in summary["pass@1"].items()))
    h = summary["heldout"]
    log(f"held-out problems: {h['fixed']} fixed, {h['broken']} broken of {h['n_problems']} (sign test p = {h['sign_test_p']:.2g})")


# =========================================================================== the whole job


def run_job(make_trainer: Callable[..., Any], config: TrainConfig, resume: bool, evaluate: bool, log,
            dist: distributed.Dist) -> dict[str, Any]:
    """The ``train`` command of this process (:func:`stepcoder_lite.trainer.run` passes its
    ``Trainer`` class as ``make_trainer``): check every input, evaluate the start, train,
    export, evaluate the end, write the summary. Returns the summary (rank 0's, on every rank).

    Every input is checked before a model loads or a file is written: a bad one raises an
    :class:`InputError` (one line from the CLI) and leaves the folder as it was."""
    main = dist.is_main
    wall_start = time.perf_counter()
    out = Path(config.out_dir)
    resolve_model_path(config.model.name_or_path)
    run_folder.check_run_folder(out, config, resume)
    train_problems = fixed_subset(load_source(config.dataset), config.train_problems, seed=config.seed)
    if not train_problems:
        raise InputError(f"dataset {config.dataset!r}: no training problems")
    sets = held_out_sets(config) if evaluate and main else {}
    if dist.enabled:  # every rank has checked the folder before rank 0 changes it
        dist.barrier()
    out.mkdir(parents=True, exist_ok=True)
    saved_config = out / "config.json"
    if main:
        if not resume:
            for stale in ("metrics.jsonl", "samples.md", "eval_before.json", "eval_after.json", "summary.json"):
                (out / stale).unlink(missing_ok=True)
        run_folder.write_text_atomic(saved_config, json.dumps(config.to_dict(), indent=2) + "\n")  # a resume reads it
    log(config.to_text())

    with make_trainer(config, resume=resume, train_problems=train_problems, log=log, dist=dist) as trainer:
        log(f"policy: {sum(p.numel() for p in trainer.policy.parameters()):,} parameters on {trainer.device}; "
            f"{len(trainer.problems)} training problems; {config.problems_per_iteration} x {config.samples_per_problem} "
            f"samples per iteration; CCCS {'on' if config.cccs else 'off'}, FGO {'on' if config.fgo.enabled else 'off'}")
        if dist.enabled:
            log(f"data-parallel: {dist.world_size} processes, {config.problems_per_iteration // dist.world_size} problems "
                f"and {config.ppo.minibatch_size // dist.world_size}-row minibatches each; rank 0 evaluates and writes")
            if evaluate and config.eval_datasets and not (resume and (out / "eval_before.json").exists()) and trainer.step != 0:
                raise RunSetupError(f"resume: {out / 'eval_before.json'} is missing but the run is at step {trainer.step}")
        before: dict[str, Any] = {}
        eval_s = 0.0
        if sets:
            t0 = time.perf_counter()
            before = evaluation_before(trainer.evaluate, sets, out, resume, trainer.step, log)
            eval_s += time.perf_counter() - t0
        if dist.enabled:  # the others wait for rank 0's evaluation
            dist.barrier()

        t0 = time.perf_counter()
        trainer.train()
        log(f"training: {trainer.step} iterations, {trainer.train_time_s:.0f} s of training in all "
            f"({time.perf_counter() - t0:.0f} s in this process)")
        if not main:  # rank 0 exports, evaluates and writes the summary; the others take its summary
            summary = dist.broadcast_object(None)
            return summary
        model_dir = trainer.export_model()

        after: dict[str, Any] = {}
        if sets:
            t0 = time.perf_counter()
            after = evaluate_sets(trainer.evaluate, sets, "after", log)
            eval_s += time.perf_counter() - t0
            (out / "eval_after.json").write_text(json.dumps(after, indent=2) + "\n")

        summary = build_summary(
            config, sets, before, after, iterations=trainer.step, train_time_s=trainer.train_time_s, eval_s=eval_s,
            wall_s=time.perf_counter() - wall_start, resumed_from=trainer.resumed_from,
            final_metrics=trainer.metrics_rows[-1] if trainer.metrics_rows else {}, model_dir=model_dir,
            processes=dist.world_size if dist.enabled else None)
        write_summary(out, summary, trainer.metrics_rows, log)
        if dist.enabled:
            dist.broadcast_object(summary)
    log_result(summary, log)
    log(f"wrote {out}/summary.json")
    return summary
