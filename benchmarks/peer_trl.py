"""The peer, side by side: TRL's GRPOTrainer against this project's GRPO and PPO, in one run.

Three arms, each plain RL on whole programs (CCCS off, FGO off), from the same start model, on
the same training problems, prompts, reward and sample budget, one after another on the same
machine (so within the same hour), each in its own process:

    ppo     python -m stepcoder_lite train --preset tiny --no-cccs --no-fgo
            (critic + GAE over KL-shaped rewards: the project's PPO)
    grpo    the same, with --set ppo.advantage_estimator=grpo
            (no critic; group-normalised rewards; beta * k3 KL to the reference in the loss)
    trl     TRL 1.16's GRPOTrainer (this file, ``--trl-arm``), configured from the same
            TrainConfig (see "How TRL is set up" below)

Every arm is scored by the project's one evaluation path (``trainer.evaluate_policy``, i.e.
``sft.evaluate_model``): greedy pass@1 on every held-out family problem (``families:valid`` +
``families:test``) before and after training, with the problems fixed and broken and the sign
test (``evaluate.paired_outcomes``). Speed is completions per second of training: samples
drawn / seconds of training (ours: the summed iteration times of ``summary.json``; TRL: the wall
time of ``trainer.train()``); evaluation, loading and export are not counted.

    python benchmarks/peer_trl.py                # the preset's budget: 80 x 16 x 4 = 5120 completions an arm
    python benchmarks/peer_trl.py --quick        # smoke test: 2 iterations x 8 x 4, 8 held-out problems a set
    python benchmarks/peer_trl.py --report-only  # rebuild the table from finished runs

Runs go to ``--runs`` (default ``runs/peer_trl/<arm>``; a finished arm is skipped when rerun, an
unfinished one starts again); the table (``README.md``) and ``results.json`` go to ``--results``
(default ``benchmarks/results/peer_trl/``; ``--quick`` writes both under ``runs/peer_trl_quick/``).
Run the full one on an otherwise idle machine: the arms' speeds are compared.

TRL is an optional extra: ``pip install -e .[peer]`` (``trl==1.16.0``).

How TRL is set up (from the TrainConfig every arm resolves with ``config_from_flags``):

==========================  =================================================================
ours (TrainConfig)          TRL (GRPOConfig / trainer)
==========================  =================================================================
model.name_or_path          the same weights, ``AutoModelForCausalLM.from_pretrained``
train_problems, seed        ``trainer.fixed_subset(load_source(dataset), train_problems, seed)``
prompt                      ``prompts.build_prompt(problem)`` (whole program, no prefix)
reward                      the project's ``Executor`` (the trainer's ExecConfig) and
                            ``rewards.reward(result, partial_credit)`` on
                            ``prompts.program_text("", completion cut at END_OF_CODE)``
problems x samples          ``generation_batch_size = B * G``, ``num_generations = G``
iterations                  ``max_steps = iterations * (B * G / minibatch) * epochs``
ppo.epochs                  ``num_iterations`` (mu: passes over each generation batch)
ppo.minibatch_size          ``per_device_train_batch_size`` (one optimizer step each)
temperature, top_p          the same; ``top_k = 0``
max_new_tokens              ``max_completion_length``
policy_lr, adam_eps, ...    ``learning_rate`` with ``lr_scheduler_type="constant"``, no warmup
ppo.kl_coef (0.05)          ``beta`` (k3 KL to the reference in the loss, as our GRPO)
ppo.clip_eps                ``epsilon``
ppo.max_grad_norm           ``max_grad_norm``
==========================  =================================================================

Settings TRL needs, found by an earlier measurement (GPT-2, TRL 1.16, transformers 5.x):

1. **position_ids from the attention mask.** TRL scores tokens (policy and reference) with
   ``model(input_ids, attention_mask, labels=..., fused_lm_head=True)`` and no position ids; a
   GPT-2 (absolute positions) then reads a left-padded prompt as starting at position > 0.
   Without the fix the reference scored 6.9 nats lower than the policy at step 0 and the KL
   spiked to 716. (Measured again with TRL 1.16.0 and transformers 5.25 on the tiny model:
   policy and reference, scored the same wrong way, agreed with each other, but on 16 training
   prompts they were off from the distribution the samples were drawn from by up to 39 nats a
   sequence, 0 on the longest prompt; with the fix, by 2e-6.) Fix: :func:`add_position_ids`,
   a forward pre-hook on the policy and the reference that fills
   ``position_ids = cumsum(mask) - 1`` on those scoring calls only (``generate`` computes its
   own: a left-padded row decodes as it does alone).
2. **bf16 off, gradient checkpointing off** (GRPOConfig turns both on by default).
3. **A constant learning rate** (the default decays linearly to 0), as ours.
4. **beta = 0.05** (TRL's default is 0: no reference model, no KL).
5. **Both stop ids**: the tokenizer's EOS and the end-of-code marker's token(s) ("```"), set as
   the model's ``generation_config.eos_token_id`` so TRL both stops and masks at them. (Our
   sampler also stops on a marker split across tokens, "``" + "`"; TRL cannot: the reward
   still cuts the text at the marker.)

Earlier measurement: ours ran at 1.7-2.1x TRL's completions per second.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: import this checkout's package
    sys.path.insert(0, str(REPO))

ARMS: dict[str, list[str]] = {  # each arm's own TrainConfig settings, on top of the shared ones
    "ppo": [],
    "grpo": ["ppo.advantage_estimator=grpo"],
    "trl": [],
}
LABELS = {"ppo": "ours: PPO (GAE)", "grpo": "ours: GRPO", "trl": "TRL 1.16 GRPOTrainer"}
TRL_VERSION = "1.16.0"


# =========================================================================== the TRL arm's pieces


def require_trl():
    """The ``trl`` module, or exit with one line saying how to install it."""
    try:
        import trl
    except ImportError:
        raise SystemExit("peer_trl: trl is not installed; pip install -e .[peer]") from None
    if trl.__version__ != TRL_VERSION:
        print(f"peer_trl: warning: trl {trl.__version__} installed; this comparison was written for {TRL_VERSION}",
              file=sys.stderr)
    return trl


def _positions_hook(module, args, kwargs):
    # TRL's scoring forward (fused_lm_head=True) is a whole sequence without a KV cache, so
    # position = (# real tokens up to t) - 1. Critical for GPT-2: left padding shifts every position.
    if kwargs.get("fused_lm_head") and kwargs.get("position_ids") is None:
        from stepcoder_lite.model import positions_from_mask

        kwargs["position_ids"] = positions_from_mask(kwargs["attention_mask"])  # (B, T)
    return args, kwargs


def add_position_ids(model):
    """Make TRL's log-prob passes (``model(..., fused_lm_head=True)``) use position ids from the
    attention mask. Returns the hook's handle (``.remove()`` undoes it)."""
    return model.register_forward_pre_hook(_positions_hook, with_kwargs=True)


def stop_token_ids(tokenizer) -> list[int]:
    """The tokenizer's EOS and every token that contains the end-of-code marker (our sampler's
    stop set: ``rollout.stop_tables``)."""
    from stepcoder_lite.rollout import stop_tables

    ends, _ = stop_tables(tokenizer)
    return sorted({tokenizer.eos_token_id, *ends.nonzero().flatten().tolist()})


def make_reward_function(problems, executor, partial_credit: bool):
    """TRL's reward function: this project's reward of each completion's program.

    The program is ``program_text("", completion cut at END_OF_CODE)``, run on ``executor``
    against its problem's tests; the reward is ``rewards.reward(result, partial_credit)``
    (no_tests / harness_error, which define no reward: 0.0, as the trainer scores them)."""
    from stepcoder_lite.prompts import program_text, split_completion
    from stepcoder_lite.rewards import reward

    by_id = {p.id: p for p in problems}

    def unit_test_reward(prompts, completions, problem_id, log_metric=None, **_):
        programs = [program_text("", split_completion(c)[0]) for c in completions]
        results = executor.run_batch([(prog, by_id[pid].tests()) for prog, pid in zip(programs, problem_id)])
        if log_metric is not None:
            log_metric("pass_rate", sum(r.passed for r in results) / len(results))
        return [reward(r, partial_credit=partial_credit, undefined=0.0) for r in results]

    return unit_test_reward


def grpo_config(config, out: Path):
    """TRL's GRPOConfig for one TrainConfig (the table in the module docstring)."""
    from trl import GRPOConfig

    B, G = config.problems_per_iteration, config.samples_per_problem
    minibatch = config.ppo.minibatch_size
    if (B * G) % minibatch:
        raise ValueError(f"peer_trl: {B} x {G} completions an iteration do not split into minibatches of {minibatch}")
    steps_per_iteration = (B * G // minibatch) * config.ppo.epochs  # optimizer steps per generation batch
    return GRPOConfig(
        output_dir=str(out / "trl"),
        seed=config.seed,
        max_steps=config.iterations * steps_per_iteration,
        per_device_train_batch_size=minibatch,
        gradient_accumulation_steps=1,
        generation_batch_size=B * G,
        num_generations=G,
        num_iterations=config.ppo.epochs,
        temperature=config.temperature,
        top_p=config.top_p,
        top_k=0,
        max_completion_length=config.max_new_tokens,
        learning_rate=config.policy_lr,
        lr_scheduler_type="constant",  # TRL's default decays to 0; ours is constant
        warmup_steps=0,
        adam_epsilon=config.adam_eps,
        weight_decay=config.weight_decay,
        max_grad_norm=config.ppo.max_grad_norm if config.ppo.max_grad_norm is not None else 1e9,
        beta=config.ppo.kl_coef,  # TRL's default 0 loads no reference at all
        epsilon=config.ppo.clip_eps,
        scale_rewards="group",  # A_i = (R_i - mean_group) / std_group, as ppo.group_advantages
        bf16=False,  # GRPOConfig's default is True
        gradient_checkpointing=False,  # GRPOConfig's default is True
        disable_dropout=True,
        logging_steps=steps_per_iteration,  # one log row per iteration
        save_strategy="no",
        report_to="none",
        disable_tqdm=True,
    )


def make_trl_trainer(model, tokenizer, problems, executor, config, out: Path):
    """A GRPOTrainer on ``problems`` with the project's prompts and reward, the position-ids fix
    on the policy and the reference, and both stop ids."""
    from datasets import Dataset
    from trl import GRPOTrainer

    from stepcoder_lite.prompts import build_prompt

    model.generation_config.eos_token_id = stop_token_ids(tokenizer)  # TRL stops and masks at every one
    dataset = Dataset.from_list([{"prompt": build_prompt(p), "problem_id": p.id} for p in problems])
    trainer = GRPOTrainer(model=model, reward_funcs=[make_reward_function(problems, executor, config.partial_credit)],
                          args=grpo_config(config, out), train_dataset=dataset, processing_class=tokenizer)
    # ref_model: built by TRL from the same weights; the handles let a test take the fix off
    trainer.position_hooks = [add_position_ids(m) for m in (trainer.model, trainer.ref_model) if m is not None]
    return trainer


# =========================================================================== the TRL arm, end to end


def trainer_executor(config):
    """An executor exactly like the trainer's (``Trainer.__init__``)."""
    from stepcoder_lite.executor import ExecConfig, Executor

    return Executor(workers=config.exec_workers,
                    config=ExecConfig(timeout_s=config.exec_timeout_s, early_exit=config.exec_early_exit, coverage=True))


def evaluate_sets(model_config, sets, executor, config) -> dict:
    """Greedy pass@1 per held-out set with the trainer's own path (``evaluate_policy``)."""
    from stepcoder_lite.model import load_policy, wants_chat_template
    from stepcoder_lite.trainer import evaluate_policy

    policy, tokenizer = load_policy(model_config)
    chat = tokenizer if wants_chat_template(model_config, tokenizer) else None
    results = {}
    for spec, problems in sets.items():
        t0 = time.perf_counter()
        summary, samples = evaluate_policy(policy, tokenizer, problems, executor, config, chat)
        results[spec] = {"summary": summary, "samples": samples, "seconds": round(time.perf_counter() - t0, 1)}
        print(f"evaluation, {spec}: greedy pass@1 {summary['pass@1']:.3f} ({len(problems)} problems)", flush=True)
    return results


def passed(results: dict) -> dict[str, bool]:
    """``"<set>/<problem id>" -> passed``, as the trainer's summary pairs them."""
    return {f"{spec}/{r['problem_id']}": r["verdict"] == "pass" for spec, res in results.items() for r in res["samples"]}


def run_trl_arm(out: Path, assignments: list[str]) -> dict:
    """TRL's arm into ``out``: evaluate the start, train with GRPOTrainer, evaluate the end;
    writes ``summary.json`` with the trainer's keys for what the report reads."""
    require_trl()
    import torch
    from transformers import AutoModelForCausalLM

    from stepcoder_lite.data import load_source
    from stepcoder_lite.evaluate import paired_outcomes
    from stepcoder_lite.model import load_tokenizer, resolve_device, resolve_dtype, resolve_model_path
    from stepcoder_lite.trainer import config_from_flags, fixed_subset, held_out_sets

    config = config_from_flags("tiny", {"out_dir": str(out), "progress": False}, assignments)
    print(config.to_text(), flush=True)
    if config.threads is not None:
        torch.set_num_threads(config.threads)
    out.mkdir(parents=True, exist_ok=True)
    problems = fixed_subset(load_source(config.dataset), config.train_problems, seed=config.seed)
    sets = held_out_sets(config)
    path = resolve_model_path(config.model.name_or_path)
    dtype = resolve_dtype(config.model.dtype, resolve_device(config.model.device))
    with trainer_executor(config) as executor:
        before = evaluate_sets(config.model, sets, executor, config)
        model = AutoModelForCausalLM.from_pretrained(path, dtype=dtype)
        tokenizer = load_tokenizer(path)
        eos_ids = model.generation_config.eos_token_id
        trainer = make_trl_trainer(model, tokenizer, problems, executor, config, out)
        t0 = time.perf_counter()
        trainer.train()
        train_time_s = time.perf_counter() - t0
        model.generation_config.eos_token_id = eos_ids  # the exported model stops as the start did
        trainer.save_model(str(out / "model"))
        tokenizer.save_pretrained(str(out / "model"))
        after = evaluate_sets(dataclasses.replace(config.model, name_or_path=str(out / "model")), sets, executor, config)
    rows = [r for r in trainer.state.log_history if "loss" in r]
    (out / "metrics.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    n_all = sum(len(ps) for ps in sets.values())
    summary = {
        "command": " ".join(sys.argv),
        "trl": require_trl().__version__,
        "start_model": config.model.name_or_path,
        "seed": config.seed,
        "iterations": config.iterations,
        "samples": config.iterations * config.problems_per_iteration * config.samples_per_problem,
        "train_time_s": round(train_time_s, 1),
        "eval_problems_per_set": {spec: len(ps) for spec, ps in sets.items()},
        "pass@1": {**{spec: {"before": before[spec]["summary"]["pass@1"], "after": after[spec]["summary"]["pass@1"]}
                      for spec in sets},
                   "all": {when: sum(res[spec]["summary"]["pass@1"] * len(ps) for spec, ps in sets.items()) / n_all
                           for when, res in (("before", before), ("after", after))}},
        "heldout": paired_outcomes(passed(before), passed(after)),
        "final_metrics": rows[-1] if rows else {},
        "config": config.to_dict(),
    }
    (out / "eval_before.json").write_text(json.dumps(before, indent=2) + "\n")
    (out / "eval_after.json").write_text(json.dumps(after, indent=2) + "\n")
    (out / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
    h = summary["heldout"]
    print(f"TRL: {summary['samples']} completions in {train_time_s:.0f} s; held-out {h['before']:.3f} -> {h['after']:.3f} "
          f"(+{h['fixed']} / -{h['broken']}, sign test p = {h['sign_test_p']:.2g})", flush=True)
    return summary


# =========================================================================== the three arms


def shared_settings(args: argparse.Namespace) -> list[str]:
    """TrainConfig settings every arm runs with: plain RL, the full sample budget, no time cap."""
    sets = ["cccs=false", "fgo.enabled=false", "time_budget_s=None", f"seed={args.seed}",
            f"model.name_or_path={args.model}", "checkpoint_every=1000", "keep_checkpoints=1"]
    if args.iterations is not None:
        sets.append(f"iterations={args.iterations}")
    if args.eval_problems is not None:
        sets.append(f"eval_problems={args.eval_problems}")
    if args.threads is not None:
        sets.append(f"threads={args.threads}")
    if args.exec_workers is not None:
        sets.append(f"exec_workers={args.exec_workers}")
    return sets + list(args.set)


def arm_command(arm: str, out: Path, settings: list[str]) -> list[str]:
    if arm == "trl":
        cmd = [sys.executable, str(Path(__file__).resolve()), "--trl-arm", str(out)]
    else:
        cmd = [sys.executable, "-m", "stepcoder_lite", "train", "--preset", "tiny", "--out", str(out), "--no-progress"]
    for item in settings + ARMS[arm]:
        cmd += ["--set", item]
    return cmd


def run_arm(arm: str, out: Path, settings: list[str]) -> None:
    """One arm in its own process (log: ``<out>.log``); its wall seconds go to ``wall_seconds.txt``."""
    if (out / "summary.json").exists():
        print(f"[{arm}] done before: {out}/summary.json", flush=True)
        return
    if out.exists():
        shutil.rmtree(out)  # an interrupted arm starts again: the measurement is the whole run
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = arm_command(arm, out, settings)
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    print(f"[{arm}] {' '.join(cmd[1:])}", flush=True)
    t0 = time.perf_counter()
    with open(out.parent / f"{out.name}.log", "w") as log:
        rc = subprocess.call(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - t0
    if rc != 0:
        raise SystemExit(f"[{arm}] exited {rc}; see {out.parent / (out.name + '.log')}")
    (out / "wall_seconds.txt").write_text(f"{seconds:.1f}\n")
    print(f"[{arm}] {seconds / 60:.1f} min", flush=True)


# =========================================================================== the report


def arm_row(arm: str, out: Path) -> dict:
    summary = json.loads((out / "summary.json").read_text())
    wall = out / "wall_seconds.txt"
    return {"arm": arm, **summary["heldout"], "samples": summary["samples"], "train_time_s": summary["train_time_s"],
            "completions_per_s": summary["samples"] / summary["train_time_s"],
            "wall_s": float(wall.read_text()) if wall.exists() else None}


def table(rows: list[dict]) -> str:
    lines = ["| arm | held-out pass@1, before -> after | fixed / broken | sign test p | completions/s | wall |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        wall = f"{r['wall_s'] / 60:.1f} min" if r["wall_s"] else "-"
        lines.append(f"| {LABELS[r['arm']]} | {100 * r['before']:.1f}% -> {100 * r['after']:.1f}% | "
                     f"+{r['fixed']} / -{r['broken']} | {r['sign_test_p']:.2g} | {r['completions_per_s']:.2f} | {wall} |")
    return "\n".join(lines)


def report(args: argparse.Namespace, settings: list[str]) -> None:
    rows = [arm_row(arm, args.runs / arm) for arm in args.arms if (args.runs / arm / "summary.json").exists()]
    if not rows:
        raise SystemExit(f"peer_trl: no finished arms under {args.runs}")
    starts = {round(r["before"], 9) for r in rows}
    n = {r["n_problems"] for r in rows}
    notes = []
    if len(starts) != 1 or len(n) != 1:
        notes.append(f"**Warning**: the arms disagree on the start ({sorted(starts)}) or the problems ({sorted(n)}): "
                     f"not comparable.")
    trl_row = next((r for r in rows if r["arm"] == "trl"), None)
    speed = [f"{LABELS[r['arm']]} {r['completions_per_s'] / trl_row['completions_per_s']:.2f}x TRL's completions/s"
             for r in rows if trl_row and r is not trl_row]
    text = "\n".join([
        "# The peer, side by side: TRL's GRPOTrainer and this project's GRPO and PPO", "",
        f"Command: `python benchmarks/{Path(__file__).name} {' '.join(args.argv)}`".rstrip() + f" ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs). Every arm: the tiny preset's TrainConfig with "
        f"`{' '.join(settings)}`, plain RL on whole programs, {rows[0]['samples']} completions; held-out greedy "
        f"pass@1 over {rows[0]['n_problems']} problems (families:valid + families:test), scored by "
        f"`trainer.evaluate_policy`. Completions/s: completions / seconds of training (ours: summed iteration "
        f"times; TRL: `trainer.train()`).", "",
        table(rows), "",
        *([("Speed: " + "; ".join(speed) + ".")] if speed else []),
        *notes,
        "Fixed / broken: held-out problems failed before and passed after, and the reverse; sign test: two-sided "
        "exact binomial over the changed problems. Wall: the arm's whole process (load, two evaluations, training).",
    ]) + "\n"
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "README.md").write_text(text)
    (args.results / "results.json").write_text(json.dumps({"command": args.argv, "settings": settings,
                                                           "arms": {r["arm"]: r for r in rows}}, indent=2) + "\n")
    print(text)
    print(f"wrote {args.results}/README.md, results.json")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arms", nargs="+", default=list(ARMS), choices=list(ARMS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", default="tiny", help="start model: tiny (data/model) | PATH (default tiny)")
    parser.add_argument("--iterations", type=int, default=None, help="default: the preset's")
    parser.add_argument("--eval-problems", type=int, default=None, help="per held-out set (default: all)")
    parser.add_argument("--threads", type=int, default=None, help="torch threads per arm (default: the preset's)")
    parser.add_argument("--exec-workers", type=int, default=None, help="executor workers per arm (default: the preset's)")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE", help="any TrainConfig field, every arm")
    parser.add_argument("--runs", type=Path, default=REPO / "runs" / "peer_trl")
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "results" / "peer_trl")
    parser.add_argument("--report-only", action="store_true")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 2 iterations x 8 problems, 32 training problems, 8 held-out a set, into runs/peer_trl_quick")
    parser.add_argument("--trl-arm", type=Path, default=None, metavar="OUT", help=argparse.SUPPRESS)  # the TRL arm's process
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    if args.trl_arm is not None:
        run_trl_arm(args.trl_arm, args.set)
        return
    if "trl" in args.arms:
        require_trl()  # before any arm runs
    if args.quick:
        args.iterations, args.eval_problems = 2, 8
        args.set = ["problems_per_iteration=8", "train_problems=32", *args.set]
        args.runs = REPO / "runs" / "peer_trl_quick"
        args.results = args.runs / "results"
    settings = shared_settings(args)
    if not args.report_only:
        for arm in args.arms:
            run_arm(arm, args.runs / arm, settings)
    report(args, settings)


if __name__ == "__main__":
    main()
