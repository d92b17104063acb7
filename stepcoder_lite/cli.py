"""``python -m stepcoder_lite COMMAND ...``: the command line.

Each command is registered by one small ``_add_<command>`` function below that declares its
arguments; its handler imports the module that does the work only when the command runs, so
``--help`` stays fast (no torch import). Handlers return a process exit code.

Bad input (a file, a record, a field, a flag, a folder) is raised as
:class:`~stepcoder_lite.errors.InputError` where it is parsed; :func:`main` alone turns it
into one line on stderr and exit code 2 (``--debug``: the traceback instead). Every check on
a command's input runs before it loads a model or writes anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable

from stepcoder_lite.errors import InputError, one_line


def print_json(obj: Any) -> None:
    """Print one JSON object on stdout (the ``--json`` output of every command)."""
    json.dump(obj, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


# --------------------------------------------------------------------------- data


def _add_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="inspect and verify problem sets (bundled, families, APPS+, APPS, HumanEval)")
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="DATA_COMMAND")

    s = dsub.add_parser("stats", help="counts, tests per problem, conditionals per solution, by difficulty")
    s.add_argument("source", help="bundled | families | humaneval | handwritten | PATH to an APPS+/APPS file (optionally SOURCE:split)")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(handler=_run_data_stats)

    v = dsub.add_parser("verify", help="APPS+ refinement: run every canonical solution against its tests in the sandbox")
    v.add_argument("source", help="same SOURCE as `data stats` (bundled, humaneval, PATH to APPS+ JSON, ...)")
    v.add_argument("--json", action="store_true", help="print one JSON object {problems, passed, failed}")
    v.add_argument("--write-clean", metavar="PATH", help="write the passing problems to PATH (JSON Lines of Problem records)")
    v.add_argument("--timeout", type=float, default=4.0, help="CPU seconds per test (default 4, as the APPS harness)")
    v.add_argument("--workers", type=int, default=None, help="sandbox workers (default: one per core)")
    v.set_defaults(handler=_run_data_verify)


def _run_data_stats(args: argparse.Namespace) -> int:
    from stepcoder_lite.data import load_source, stats

    # lenient: bad records are counted and listed under "skipped", never dropped unreported
    problems, skipped = load_source(args.source, with_skipped=True)
    result = stats(problems, skipped=skipped)
    if args.json:
        print_json(result)
    else:
        for key, value in result.items():
            print(f"{key:>28}: {value}")
    return 0


def _run_data_verify(args: argparse.Namespace) -> int:
    from stepcoder_lite.data import load_source
    from stepcoder_lite.executor.verify import verify_problems, write_clean

    problems = load_source(args.source)  # strict: the first bad record stops it (`data stats` lists them all)
    report, passing = verify_problems(problems, workers=args.workers, timeout_s=args.timeout)
    if args.write_clean:
        report["written"] = str(write_clean(passing, args.write_clean))
    if args.json:
        print_json(report)
    else:
        print(f"{report['passed']} of {report['problems']} canonical solutions pass their tests")
        for f in report["failed"]:
            print(f"  FAIL {f['id']}: {f['verdict']}: {f['detail']}")
    return 0


# --------------------------------------------------------------------------- exec


def _add_exec(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("exec", help="run one program against a tests JSON in the sandbox: verdict, per-test results, lines, reward")
    p.add_argument("program", help="PROGRAM.py (or - for stdin)")
    p.add_argument("--tests", required=True, help='TESTS.json: {"inputs": [...], "outputs": [...]} (+ "fn_name" / "entry_point" / "check")')
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--timeout", type=float, default=2.0, help="CPU seconds per test (default 2)")
    p.add_argument("--no-coverage", action="store_true", help="do not record executed lines")
    p.add_argument("--early-exit", action="store_true", help="stop at the first failing test")
    p.add_argument("--partial-credit", action="store_true", help="reward by the fraction of tests passed")
    p.set_defaults(handler=_run_exec)


def _run_exec(args: argparse.Namespace) -> int:
    from stepcoder_lite.errors import read_json, read_text
    from stepcoder_lite.executor import Executor, check_tests
    from stepcoder_lite.rewards import RewardUndefined, reward

    program = sys.stdin.read() if args.program == "-" else read_text(args.program)
    tests = read_json(args.tests)
    try:
        check_tests(tests)  # before any worker starts
    except (TypeError, ValueError) as e:
        raise InputError(f"{args.tests}: {e}") from None
    with Executor(workers=1, timeout_s=args.timeout, coverage=not args.no_coverage, early_exit=args.early_exit) as ex:
        result = ex.run(program, tests)
        layers = ex.sandbox_layers()
    out = result.to_dict()
    try:
        out["reward"] = reward(result, partial_credit=args.partial_credit)
    except RewardUndefined as e:
        out["reward"] = None
        out["reward_error"] = str(e)
    out["sandbox"] = layers
    if args.json:
        print_json(out)
    else:
        print(f"verdict: {out['verdict']}   reward: {out['reward']}   passed {out['num_passed']}/{out['num_tests']}")
        for i, t in enumerate(out["tests"]):
            print(f"  test {i}: {t['verdict']:<14} {t['time_s']:.3f}s  {t['detail']}")
        print(f"executed lines: {out['executed_lines']}")
    return 0


# --------------------------------------------------------------------------- curriculum


def _add_curriculum(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("curriculum", help="CCCS: each problem's split points (if/elif lines) and stages, i.e. what the model is asked")
    p.add_argument("source", help="bundled | families | humaneval | handwritten | PATH to an APPS+/APPS file (optionally SOURCE:split)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--preset", default="paper", help="curriculum preset: paper | loops | fixed | mixed (default paper)")
    p.add_argument("--split-on", default=None, help="comma list of split kinds: if, loop, statement (overrides the preset)")
    p.add_argument("--fallback", default=None, help="comma list tried when there is no split point, or 'none' (default loop,statement)")
    p.add_argument("--stages", type=int, default=None, help="a fixed number of cut stages instead of ceil(sqrt(N))")
    p.add_argument("--id", dest="problem_id", default=None, help="show only this problem, with every stage's text")
    p.add_argument("--with-text", action="store_true", help="JSON: add each stage's given_prefix and canonical_remainder")
    p.set_defaults(handler=_run_curriculum)


def _curriculum_config(args: argparse.Namespace):
    """The CurriculumConfig the flags ask for; a value the config rejects is an InputError naming its flag."""
    import dataclasses

    from stepcoder_lite import curriculum as cc

    def kinds(text: str) -> tuple[str, ...]:
        return tuple(k.strip() for k in text.split(",") if k.strip())

    try:
        config = cc.CurriculumConfig.preset(args.preset)
    except ValueError as e:
        raise InputError(f"--preset {args.preset}: {e}") from None
    changes = [("--split-on", "split_on", None if args.split_on is None else kinds(args.split_on)),
               ("--fallback", "fallback", None if args.fallback is None else () if args.fallback == "none" else kinds(args.fallback)),
               ("--stages", "num_cut_stages", args.stages)]
    for flag, name, value in changes:
        if value is None:
            continue
        try:
            config = cc.CurriculumConfig(**{**dataclasses.asdict(config), name: value})
        except ValueError as e:
            raise InputError(f"{flag} {getattr(args, flag[2:].replace('-', '_'))}: {e}") from None
    return config


def _run_curriculum(args: argparse.Namespace) -> int:
    import dataclasses

    from stepcoder_lite import curriculum as cc
    from stepcoder_lite.data import load_source

    config = _curriculum_config(args)
    problems, skipped = load_source(args.source, with_skipped=True)
    if args.problem_id is not None:
        problems = [p for p in problems if p.id == args.problem_id]
        if not problems:
            print(f"curriculum: no problem with id {args.problem_id!r} in {args.source}", file=sys.stderr)
            return 2
    rows, errors = [], []
    for problem in problems:
        try:
            the_plan = cc.plan(problem, config)
        except ValueError as e:  # a solution that does not parse: reported, never dropped silently
            errors.append({"id": problem.id, "error": str(e)})
            continue
        row = the_plan.to_dict()
        if args.with_text or args.problem_id is not None:
            for stage in row["stages"]:
                sub = cc.make_subtask(problem, stage["index"], the_plan)
                stage["given_prefix"], stage["canonical_remainder"] = sub.given_prefix, sub.canonical_remainder
        rows.append(row)
    rules: dict[str, int] = {}
    stage_counts: dict[int, int] = {}
    for row in rows:
        rules[row["rule"]] = rules.get(row["rule"], 0) + 1
        stage_counts[len(row["stages"])] = stage_counts.get(len(row["stages"]), 0) + 1
    summary = {"problems": len(rows), "errors": len(errors), "skipped_records": len(skipped),
               "by_rule": rules, "stages_per_problem": dict(sorted(stage_counts.items()))}
    if args.json:
        print_json({"source": args.source, "config": dataclasses.asdict(config), "summary": summary,
                    "problems": rows, "errors": errors, "skipped": skipped})
        return 1 if errors or skipped else 0
    for row in rows:
        cuts = ", ".join("full" if s["cut_line"] is None else f"{s['cut_kind']}@{s['cut_line']}" for s in row["stages"])
        print(f"{row['id']:<32} {row['rule']:<20} {len(row['split_points']):>3} split point(s)   stages: {cuts}")
        if args.problem_id is not None:
            code = problems[0].solutions[0]
            for s in row["stages"]:
                where = "no prefix" if s["cut_line"] is None else f"cut at line {s['cut_line']}"
                print(f"\n--- stage {s['index']} ({where}; '>>' = what the model writes)")
                print(cc.render_stage(code, s["cut_line"]))
    print(f"\n{summary}")
    for e in errors:
        print(f"error: {e['id']}: {e['error']}", file=sys.stderr)
    for s in skipped:  # records that never became problems: one line each, and a non-zero exit
        field = f", field {s['field']!r}" if s["field"] else ""
        print(f"skipped: {s['file']}, {s['record']}{field}: {s['reason']}", file=sys.stderr)
    return 1 if errors or skipped else 0


# --------------------------------------------------------------------------- train


def _add_train(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("train", help="RL (PPO + CCCS + FGO) from the SFT model: evaluate, train, evaluate, write summary.json")
    p.add_argument("--preset", default="tiny", help="tiny (CPU, shipped model, families) | colab | gpu (default tiny)")
    p.add_argument("--out", required=True, help="output folder: metrics.jsonl, summary.json, plots/, checkpoints/, model/")
    p.add_argument("--resume", action="store_true", help="continue the run in --out from its last checkpoint")
    p.add_argument("--no-cccs", action="store_true", help="CCCS off: every sample writes the whole program")
    p.add_argument("--no-fgo", action="store_true", help="FGO off: every completion token is in the policy loss")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the preset's, 0)")
    p.add_argument("--iterations", type=int, default=None, help="PPO iterations (default: the preset's)")
    p.add_argument("--time-budget", type=float, default=None, help="stop training after this many seconds (evaluation not counted)")
    p.add_argument("--model", default=None, help="policy to start from: tiny | PATH | Hugging Face id (default: the preset's)")
    p.add_argument("--dataset", default=None, help="training problems: a load_source spec, e.g. families:train or PATH (default: the preset's)")
    p.add_argument("--eval-problems", type=int, default=None, help="score a fixed subset of this many problems per held-out set")
    p.add_argument("--no-eval", action="store_true", help="skip the evaluations before and after training")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (logs only)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="FIELD=VALUE",
                   help="set any TrainConfig field, dotted for nested ones: --set ppo.kl_coef=0.1 --set samples_per_problem=8")
    p.add_argument("--print-config", action="store_true", help="print the resolved config and exit")
    p.set_defaults(handler=_run_train)


def _run_train(args: argparse.Namespace) -> int:
    from stepcoder_lite import trainer

    flags = {"out_dir": args.out, "seed": args.seed, "iterations": args.iterations, "time_budget_s": args.time_budget,
             "model.name_or_path": args.model, "dataset": args.dataset, "eval_problems": args.eval_problems}
    flags = {k: v for k, v in flags.items() if v is not None}
    if args.no_cccs:
        flags["cccs"] = False
    if args.no_fgo:
        flags["fgo.enabled"] = False
    if args.no_progress:
        flags["progress"] = False
    config = trainer.config_from_flags(args.preset, flags, args.overrides)
    if args.print_config:
        print(config.to_text())
        return 0
    trainer.run(config, resume=args.resume, evaluate=not args.no_eval)
    return 0


# --------------------------------------------------------------------------- sft


def _add_sft(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sft", help="train the starting policy: tokenizer + small GPT-2 from scratch on CPU (tiny), or fine-tune an HF model")
    p.add_argument("--preset", default="tiny", help="tiny (CPU, from scratch, <= 30 min on 2 cores) | colab | gpu (default tiny)")
    p.add_argument("--out", default=None, help="output folder (default: the preset's, runs/sft-<preset>; data/model to ship)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the preset's, 0)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="FIELD=VALUE",
                   help="set any SFTConfig field: --set epochs=2 --set stop_at_pass=none")
    p.add_argument("--print-config", action="store_true", help="print the resolved config and exit")
    p.set_defaults(handler=_run_sft)


def _run_sft(args: argparse.Namespace) -> int:
    from stepcoder_lite import sft

    flags = list(args.overrides)
    if args.out is not None:
        flags.append(f"out_dir={args.out}")
    if args.seed is not None:
        flags.append(f"seed={args.seed}")
    config = sft.config_from_flags(args.preset, flags)
    if args.print_config:
        from stepcoder_lite.model import config_to_text

        print(config_to_text(config))
        return 0
    result = sft.train_sft(config)
    print_json({k: result[k] for k in ("parameters", "steps", "epochs", "wall_s", "train_tokens_per_s", "final_train_loss",
                                       "final_valid_loss")}
               | {"heldout_greedy_pass@1": result["heldout_greedy"]["pass@1"]}
               | {f"heldout_sampled_{k}": v for k, v in result["heldout_sampled"].items() if k.startswith("pass@")})
    return 0


# --------------------------------------------------------------------------- eval


def _add_eval(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="pass@k of a model on a problem set: sample, execute, score (by difficulty, error types)")
    p.add_argument("--model", default="tiny", help="tiny (the shipped model) | PATH | Hugging Face id (default tiny)")
    p.add_argument("--dataset", default="families:test", help="a load_source spec: families:test, bundled, humaneval, PATH[:split] (default families:test)")
    p.add_argument("--samples", type=int, default=1, help="programs per problem; 1 = greedy unless --temperature is given (default 1)")
    p.add_argument("--k", type=int, nargs="*", default=None, help="the k of pass@k (default: 1 and --samples)")
    p.add_argument("--temperature", type=float, default=None, help="sampling temperature (default: 0 for one sample, 0.8 for several)")
    p.add_argument("--top-p", type=float, default=0.95, help="nucleus sampling mass (default 0.95)")
    p.add_argument("--max-new-tokens", type=int, default=256, help="generation budget per program (default 256)")
    p.add_argument("--batch-size", type=int, default=32, help="sequences decoded together (default 32)")
    p.add_argument("--limit", type=int, default=None, help="score only the first N problems")
    p.add_argument("--given-prefix", choices=["none", "starter"], default="none",
                   help="none: the model writes the whole program; starter: it continues the starter code (HumanEval-style)")
    p.add_argument("--chat", choices=["auto", "on", "off"], default="auto", help="use the tokenizer's chat template (auto: instruct/chat models)")
    p.add_argument("--dtype", default="auto", help="auto | float32 | bfloat16 | float16 (default auto: bf16 on a GPU that has it)")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda (default auto)")
    p.add_argument("--workers", type=int, default=2, help="executor worker processes (default 2)")
    p.add_argument("--timeout", type=float, default=2.0, help="seconds per test (default 2)")
    p.add_argument("--seed", type=int, default=0, help="sampling seed (default 0)")
    p.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's choice)")
    p.add_argument("--records", default=None, help="write one JSON line per sample (problem, completion, verdict) to this file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_run_eval)


def _check_eval_args(args: argparse.Namespace) -> list[int]:
    """The flags' ranges, checked before anything loads; returns the k of pass@k."""
    positive = {"--samples": args.samples, "--max-new-tokens": args.max_new_tokens, "--batch-size": args.batch_size,
                "--workers": args.workers, "--limit": args.limit, "--threads": args.threads}
    for flag, value in positive.items():
        if value is not None and value < 1:
            raise InputError(f"{flag} {value}: expected an integer >= 1")
    if args.temperature is not None and args.temperature < 0:
        raise InputError(f"--temperature {args.temperature}: expected >= 0 (0 = greedy)")
    if not 0 < args.top_p <= 1:
        raise InputError(f"--top-p {args.top_p}: expected a number in (0, 1]")
    if args.timeout <= 0:
        raise InputError(f"--timeout {args.timeout}: expected seconds > 0")
    ks = args.k if args.k else sorted({1, args.samples})
    if min(ks) < 1:
        raise InputError(f"--k {' '.join(map(str, ks))}: expected integers >= 1")
    if max(ks) > args.samples:
        raise InputError(f"--k {' '.join(map(str, ks))}: pass@{max(ks)} needs --samples >= {max(ks)}")
    return ks


def _run_eval(args: argparse.Namespace) -> int:
    from stepcoder_lite.data import load_source

    ks = _check_eval_args(args)
    problems = load_source(args.dataset)
    if args.limit is not None:
        problems = problems[: args.limit]
    if not problems:
        raise InputError(f"--dataset {args.dataset}: no problems")

    import torch

    from stepcoder_lite.executor import Executor
    from stepcoder_lite.model import ModelConfig, load_policy, resolve_model_path, wants_chat_template
    from stepcoder_lite.evaluate import evaluate_model

    resolve_model_path(args.model)  # a path that holds no model: said before torch spends seconds
    if args.threads:
        torch.set_num_threads(args.threads)
    config = ModelConfig(name_or_path=args.model, dtype=args.dtype, device=args.device, chat_template=args.chat)
    policy, tokenizer = load_policy(config)
    policy.eval()
    with Executor(workers=args.workers) as executor:
        summary, records = evaluate_model(
            policy, tokenizer, problems, samples=args.samples, temperature=args.temperature, top_p=args.top_p,
            max_new_tokens=args.max_new_tokens, batch_size=args.batch_size, seed=args.seed, ks=ks,
            given_prefix=args.given_prefix, chat=wants_chat_template(config, tokenizer), executor=executor,
            timeout_s=args.timeout, progress=not args.json,
        )
    summary = {"model": args.model, "dataset": args.dataset, **summary}
    if args.records:
        with open(args.records, "w") as f:
            for rec in records:
                f.write(json.dumps(rec) + "\n")
    if args.json:
        print_json(summary)
    else:
        from stepcoder_lite.evaluate import format_summary

        print(format_summary(summary))
        print(f"unfinished (hit --max-new-tokens): {summary['unfinished']}; prompts cut to fit the context: {summary['truncated_prompts']}")
    return 0


# --------------------------------------------------------------------------- main

REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_data,
    _add_exec,
    _add_curriculum,
    _add_train,
    _add_sft,
    _add_eval,
]


class _OneLineParser(argparse.ArgumentParser):
    """argparse, except that a usage error is one line, like every other bad input (the
    usage it would print first is a ``--help`` away). Subcommand parsers are of this class too."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _add_debug_flag(parser: argparse.ArgumentParser, top: bool) -> None:
    """``--debug`` before or after the command (``SUPPRESS``: a subcommand's default must not
    overwrite a ``--debug`` given before it), on every (sub)command."""
    parser.add_argument("--debug", action="store_true", default=False if top else argparse.SUPPRESS,
                        help="on bad input, show the traceback instead of one line")
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _add_debug_flag(child, top=False)


def build_parser() -> argparse.ArgumentParser:
    from stepcoder_lite import __version__

    parser = _OneLineParser(
        prog="python -m stepcoder_lite",
        description="StepCoder-lite: RL from unit-test feedback for code LMs (CCCS + FGO).",
    )
    parser.add_argument("--version", action="version", version=f"stepcoder-lite {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    _add_debug_flag(parser, top=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except InputError as e:
        # The one place a bad input becomes one line and exit code 2. Only our own error type:
        # anything else is a bug and keeps its traceback.
        if args.debug:
            raise
        command = " ".join(filter(None, (args.command, getattr(args, "data_command", None))))
        print(f"{command}: {one_line(e)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``... --json | head``): not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not raise a second time.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
