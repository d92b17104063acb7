"""The StepCoder training loop: curriculum -> rollouts -> execution -> rewards, masks -> PPO update.

Every piece it composes lives in its own module; this file only puts them in order and keeps
the books (metrics, sample tables, checkpoints, evaluation). One iteration, numbered as in
:meth:`Trainer.train_step`::

    1. pick        B problems (a shuffled pass over the training set) and, per sample, its
                   CCCS stage: the given prefix of solutions[0] the policy continues   (curriculum)
    2. prompt      build_prompt(problem, given_prefix), each problem G times            (prompts)
    3. generate    G completions per problem with per-token log-probs and values        (rollout)
    4. execute     program = given_prefix + completion, on the executor's worker pool,
                   in a background thread ...                                           (executor)
    5. reference   ... while the frozen SFT policy scores the same tokens: log pi_ref    (model)
    6. score       reward tiers from the verdicts; FGO executed-token masks from the
                   lines the tests ran                                       (rewards, masking)
    7. advantages  KL-shaped rewards, GAE, whitening (GRPO: group-normalised rewards)   (ppo)
    8. update      epochs x minibatches of the clipped losses (GRPO: + beta * KL loss),
                   AdamW, gradient clipping                                             (ppo)
    9. curriculum  record pass/fail at each sample's stage; problems move to earlier cuts
   10. books       metrics.jsonl (+ TensorBoard), sample tables, checkpoints

Shapes (completion tokens only, as :mod:`stepcoder_lite.ppo` wants them):

=================  ==========  =============================================================
tensor             shape       meaning
=================  ==========  =============================================================
input_ids          (B, P+N)    left-padded prompt, then the completion, right-padded
response_mask      (B, N)      bool: True on the tokens the policy generated (CCCS: the given
                               prefix is inside the prompt, so it is never here)
executed_mask      (B, N)      bool: FGO, True on tokens of code the tests executed
logprobs, values   (B, N)      from the sampler (behaviour policy)
ref_logprobs       (B, N)      frozen reference (the SFT policy RL started from)
scores             (B,)        unit-test reward: +1 pass, -0.3 wrong answer, -0.6 runtime
                               error/timeout, -1 syntax error
=================  ==========  =============================================================

``B`` here is ``problems_per_iteration * samples_per_problem`` rows, problem-major (the G
samples of a problem are contiguous, which GRPO's group advantages rely on).

Data-parallel (``accelerate launch --multi_gpu --num_processes N -m stepcoder_lite train ...``,
or torchrun): every process runs this same loop on its contiguous share of each iteration's
B problems (B and ``ppo.minibatch_size`` are global, split evenly); gradients are averaged
over processes at every optimizer step, GAE advantages are whitened with global statistics,
and the curriculum, the KL controller and the metrics see every process's samples. Rank 0
writes every file and runs the evaluations; see :mod:`stepcoder_lite.distributed`. With one
process none of this runs: the loop makes no collective call.

A checkpoint holds everything needed to continue exactly: trainable weights (value head
included), optimizer state, curriculum state, KL controller, every RNG state (Python, numpy,
torch, the sampler's and the minibatch shuffler's generators), the problem order, the step
and the metrics written so far (data-parallel: every rank's RNG states, in ``rng_ranks.pt``;
resume with the same number of processes). Checkpoints are written to a temporary folder and renamed
into place, so a run killed at any moment leaves only complete checkpoints behind.
"""

from __future__ import annotations

import contextlib
import json
import math
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np
import torch

from stepcoder_lite import curriculum as cc
from stepcoder_lite import distributed, masking, ppo, run_folder
from stepcoder_lite.data import Problem, load_source
from stepcoder_lite.config import TrainConfig, config_differences, config_from_flags  # noqa: F401 (notebooks, cli)
from stepcoder_lite.errors import InputError, RunSetupError  # noqa: F401 (re-exported)
from stepcoder_lite.evaluate import evaluate_model, format_summary, paired_outcomes
from stepcoder_lite.executor import ExecConfig, Executor
from stepcoder_lite.model import (ReferenceModel, completion_logprobs_and_values, load_policy, save_policy,
                                  resolve_model_path, trim_columns, wants_chat_template)
from stepcoder_lite.ppo import KLController
from stepcoder_lite.prompts import build_prompt
from stepcoder_lite.rewards import reward as unit_test_reward
from stepcoder_lite.rollout import Rollout, sample
from stepcoder_lite.run_folder import CHECKPOINT_DIR, STATE_FILE, check_run_folder, latest_checkpoint, write_text_atomic

METRICS = {
    **ppo.METRICS,
    "curriculum/stage_fraction": "mean over training problems of stage / last stage (0: every problem at its "
                                 "latest cut, 1: every problem writes the whole program); rises as problems pass",
    "curriculum/full_fraction": "share of training problems at the whole-program stage",
    "curriculum/batch_stage_fraction": "the same, over this iteration's samples",
    "curriculum/batch_prefix_chars": "mean characters of given prefix in this iteration's prompts (0 without CCCS)",
    "verdict/<v>": "share of this iteration's samples with verdict v (pass, wrong_answer, runtime_error, timeout, syntax_error)",
    "excluded": "samples with no defined reward (harness_error, no_tests): kept out of the update; healthy: 0",
    "unfinished": "share of samples that hit max_new_tokens before closing the code block",
    "prompt_truncated": "share of prompts cut on the left to fit the context; healthy: 0",
    "grad_norm": "global gradient norm before clipping, mean over minibatches",
    "kl_coef_next": "beta after the adaptive controller's update (= kl_coef when fixed)",
    "eval/pass@1": "greedy pass@1 on the first held-out set (only every eval_every iterations)",
    "time/<phase>": "wall seconds of generate, execute (background), reference, execute_wait (execution not "
                    "hidden behind the reference pass), score, update; time/iteration in all",
}
"""Every metric in a ``metrics.jsonl`` row, with what healthy looks like where it helps."""


# =========================================================================== small helpers


def fixed_subset(problems: Sequence[Problem], n: int | None, seed: int = 0) -> list[Problem]:
    """``n`` problems drawn with ``seed`` (kept in their original order); all when ``n`` is None."""
    if n is None or n >= len(problems):
        return list(problems)
    keep = set(random.Random(seed).sample(range(len(problems)), n))
    return [p for i, p in enumerate(problems) if i in keep]


class PhaseTimer:
    """Wall seconds per named phase of an iteration: ``with timer("generate"): ...``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def _quiet(*_args, **_kwargs) -> None:
    """The log of ranks other than 0 in a data-parallel run: rank 0 speaks for all."""


def _jsonable(x: Any) -> Any:
    if isinstance(x, float) and not math.isfinite(x):
        return None  # NaN (e.g. explained variance with constant returns) -> null
    return x


# =========================================================================== the trainer


class Trainer:
    """Holds the policy, reference, optimizer, curriculum, executor and books of one run.

    ``Trainer(config)`` builds a fresh run (or, with ``resume=True``, continues the newest
    checkpoint in ``config.out_dir``). ``train()`` runs iterations until ``config.iterations``
    or the time budget; ``train_step()`` is one iteration and returns its metrics.
    ``train_problems`` overrides ``config.dataset`` (notebooks, tests).
    """

    def __init__(self, config: TrainConfig, *, resume: bool = False, train_problems: Sequence[Problem] | None = None,
                 executor: Executor | None = None, log=print, dist: distributed.Dist | None = None):
        self.config = cfg = config
        # data-parallel: one Trainer per process (see stepcoder_lite.distributed); Dist() = one process
        self.dist = dist if dist is not None else distributed.from_env()
        if self.dist.enabled:
            distributed.check_split(self.dist, cfg.problems_per_iteration, cfg.ppo.minibatch_size,
                                    cfg.samples_per_problem, cfg.minibatch_by_problem)
        self.log = log if self.dist.is_main else _quiet
        self.out = Path(cfg.out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        if cfg.threads is not None:
            torch.set_num_threads(cfg.threads)
        self._seed_everything(cfg.seed)

        # the policy (+ value head) and the frozen reference: the SFT model RL starts from
        self.policy, self.tokenizer = load_policy(cfg.model)
        self.reference = ReferenceModel(self.policy)
        self.device = next(self.policy.parameters()).device
        self.chat_template = self.tokenizer if wants_chat_template(cfg.model, self.tokenizer) else None

        # problems and the curriculum over them
        if train_problems is None:
            train_problems = fixed_subset(load_source(cfg.dataset), cfg.train_problems, seed=cfg.seed)
        self.problems = list(train_problems)
        if not self.problems:
            raise ValueError(f"Trainer: no training problems in {cfg.dataset!r}")
        self.schedule = cc.Schedule(self.problems, cfg.curriculum)

        # optimizer: the LM's weights and the value head at their own learning rates
        value_params = list(self.policy.value_head.parameters())
        value_ids = {id(p) for p in value_params}
        lm_params = [p for p in self.policy.parameters() if p.requires_grad and id(p) not in value_ids]
        self.optimizer = torch.optim.AdamW(
            [{"params": lm_params, "lr": cfg.policy_lr, "name": "policy"},
             {"params": value_params, "lr": cfg.value_lr, "name": "value_head"}],
            eps=cfg.adam_eps, weight_decay=cfg.weight_decay,
        )
        self.kl_ctl = KLController.from_config(cfg.ppo)
        if self.dist.enabled:  # identical weights on every rank (a randomly initialised value head too)
            self.dist.broadcast_parameters(self.policy.state_dict().values())
            torch.manual_seed(cfg.seed + self.dist.rank)  # dropout differs per rank, as per-rank data does

        # randomness the loop owns (all of it is saved in checkpoints). The problem order is the
        # same on every rank (each takes its slice of it); the sampler's differs per rank.
        self.rng = random.Random(cfg.seed)  # problem order
        self.sample_generator = torch.Generator(device=self.device).manual_seed(cfg.seed + 1 + 1000 * self.dist.rank)
        self.minibatch_generator = torch.Generator().manual_seed(cfg.seed + 2)
        self._order: list[int] = []
        self._cursor = 0

        # executor: worker pool of fork servers
        self._own_executor = executor is None
        self.executor = executor or Executor(
            workers=cfg.exec_workers,
            config=ExecConfig(timeout_s=cfg.exec_timeout_s, early_exit=cfg.exec_early_exit, coverage=True),
        )
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stepcoder-exec-batch")

        self.step = 0
        self.train_time_s = 0.0
        self.metrics_rows: list[dict[str, Any]] = []
        self.resumed_from: int | None = None
        if resume:
            self.resumed_from = self.load_latest_checkpoint()
        self._tb = self._open_tensorboard() if cfg.tensorboard and self.dist.is_main else None

    # ------------------------------------------------------------------ setup helpers

    @staticmethod
    def _seed_everything(seed: int) -> None:
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)

    def _open_tensorboard(self):
        try:
            from torch.utils.tensorboard import SummaryWriter
        except ImportError:  # tensorboard not installed: the JSONL is the log
            return None
        return SummaryWriter(str(self.out / "tb"))

    def close(self) -> None:
        """Stop the executor's workers (if this trainer started them) and the TensorBoard writer."""
        self._pool.shutdown(wait=True)
        if self._own_executor:
            self.executor.close()
        if self._tb is not None:
            self._tb.close()

    def __enter__(self) -> "Trainer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ 1-2. problems, stages, prompts

    def next_problems(self) -> list[Problem]:
        """B problems: the next ones of a shuffled pass over the training set (reshuffled after each pass)."""
        B = self.config.problems_per_iteration
        picked: list[Problem] = []
        while len(picked) < B:
            if self._cursor >= len(self._order):
                self._order = list(range(len(self.problems)))
                self.rng.shuffle(self._order)
                self._cursor = 0
            take = self._order[self._cursor : self._cursor + B - len(picked)]
            self._cursor += len(take)
            picked += [self.problems[i] for i in take]
        return picked

    def subtask_for(self, problem: Problem) -> cc.Subtask:
        """The CCCS subtask of one sample: the curriculum's stage, or the whole program without CCCS."""
        if self.config.cccs:
            return self.schedule.subtask(problem)
        the_plan = self.schedule.plans[problem.id]
        return cc.make_subtask(problem, the_plan.num_stages - 1, the_plan)

    def prompt_for(self, subtask: cc.Subtask) -> str:
        return build_prompt(subtask.problem, subtask.given_prefix, chat_template=self.chat_template)

    # ------------------------------------------------------------------ 5. reference log-probs

    @torch.no_grad()
    def reference_logprobs(self, rollout: Rollout, prompt_width: int) -> torch.Tensor:
        """``(B, N)`` log pi_ref of the completion tokens, in chunks of ``forward_batch_size`` rows."""
        cfg = self.config
        N = rollout.input_ids.shape[1] - prompt_width
        out = torch.zeros(len(rollout), N, dtype=torch.float32, device=self.device)
        for start in range(0, len(rollout), cfg.forward_batch_size):
            rows = slice(start, start + cfg.forward_batch_size)
            response_mask = rollout.response_mask[rows, prompt_width:]
            ids, attn, P, n = trim_columns(rollout.input_ids[rows], rollout.attention_mask[rows], response_mask, prompt_width)
            logprobs, _, _ = completion_logprobs_and_values(self.reference, ids, attn, P, cfg.temperature, share_prompts=cfg.share_prompts)
            out[rows, :n] = logprobs
        return out

    # ------------------------------------------------------------------ 6. FGO masks

    def executed_masks(self, rollout: Rollout, subtasks: Sequence[cc.Subtask], results: Sequence[Any], N: int) -> torch.Tensor:
        """``(B, N)`` bool: True on completion tokens whose code the tests executed (FGO)."""
        masks = [
            masking.executed_token_mask_for_ids(
                self.tokenizer, rollout.response_ids[i], rollout.completions[i], results[i].executed_lines,
                prefix=subtasks[i].given_prefix, verdict=results[i].verdict, config=self.config.fgo,
            )
            for i in range(len(rollout))
        ]
        return torch.tensor(masking.pad_batch(masks, N), dtype=torch.bool, device=self.device)

    # ------------------------------------------------------------------ one iteration

    def train_step(self) -> dict[str, Any]:
        """One PPO iteration (steps 1-10 of the module docstring); returns its metrics row."""
        cfg = self.config
        G = cfg.samples_per_problem
        timer = PhaseTimer()
        start = time.perf_counter()

        # 1-2. problems, CCCS stages (one per sample: the mixed schedule draws per sample), prompts
        problems = self.next_problems()
        subtasks = [self.subtask_for(p) for p in problems for _ in range(G)]  # problem-major: G rows each
        # data-parallel: every rank draws every stage (the curriculum's RNG stays in step), keeps its share
        subtasks = self.dist.my_rows(subtasks)
        prompts = [self.prompt_for(s) for s in subtasks]

        # 3. generate: G completions per problem, with the behaviour policy's log-probs and values
        with timer("generate"):
            rollout = sample(self.policy, self.tokenizer, prompts, max_new_tokens=cfg.max_new_tokens,
                             temperature=cfg.temperature, top_p=cfg.top_p, batch_size=cfg.sample_batch_size,
                             generator=self.sample_generator, share_prompts=cfg.share_prompts)
        N = max(rollout.response_lengths)
        P = rollout.input_ids.shape[1] - N  # every completion starts at column P
        response_mask = rollout.response_mask[:, P:]  # (B, N) bool, right-padded
        programs = [s.program(c) for s, c in zip(subtasks, rollout.completions)]  # given_prefix + completion
        jobs = [(program, s.problem.tests()) for program, s in zip(programs, subtasks)]

        # 4-5. execute on the worker pool in the background while the reference scores the tokens
        exec_seconds = {}

        def execute():
            t0 = time.perf_counter()
            results = self.executor.run_batch(jobs)
            exec_seconds["execute"] = time.perf_counter() - t0
            return results

        if cfg.overlap_execution:
            future = self._pool.submit(execute)
            with timer("reference"):
                ref_logprobs = self.reference_logprobs(rollout, P)
            with timer("execute_wait"):  # the part of execution not hidden behind the reference pass
                results = future.result()
        else:
            with timer("execute_wait"):
                results = execute()
            with timer("reference"):
                ref_logprobs = self.reference_logprobs(rollout, P)
        timer.seconds["execute"] = exec_seconds["execute"]

        # 6. rewards and FGO masks
        with timer("score"):
            # no_tests / harness_error say nothing about the program: no reward is defined, so the
            # sample is kept out of the update (advantage 0, below) and counted in "excluded"
            undefined = torch.tensor([str(r.verdict) in ("no_tests", "harness_error") for r in results], device=self.device)
            scores = torch.tensor([unit_test_reward(r, partial_credit=cfg.partial_credit, undefined=0.0) for r in results],
                                  dtype=torch.float32, device=self.device)  # (B,)
            passed = torch.tensor([r.passed for r in results], dtype=torch.bool, device=self.device)  # (B,)
            executed_mask = self.executed_masks(rollout, subtasks, results, N) if cfg.fgo.enabled else None

            # 7. KL-shaped rewards, GAE advantages and returns, over completion tokens only
            # detached: pi_old and V_old are constants of the update (critical if a sampler kept a graph)
            old_logprobs = rollout.logprobs[:, P:].detach()  # (B, N)
            old_values = rollout.values[:, P:].detach() if rollout.values is not None else None  # (B, N)
            adv = ppo.compute_advantages(cfg.ppo, self.kl_ctl.value, scores, old_logprobs, ref_logprobs,
                                         old_values, response_mask,
                                         all_reduce=self.dist.all_reduce_sum if self.dist.enabled else None)
            if bool(undefined.any()):
                zeros = torch.zeros((), device=self.device)
                adv["advantages"] = torch.where(undefined[:, None], zeros, adv["advantages"])
                if old_values is not None:
                    adv["returns"] = torch.where(undefined[:, None], old_values, adv["returns"])

        # 8. the PPO update: epochs x minibatches of the clipped losses (ppo.ppo_update)
        b = ppo.RolloutBatch(response_mask=response_mask, executed_mask=executed_mask, logprobs=old_logprobs,
                             values=old_values, advantages=adv["advantages"], returns=adv["returns"],
                             ref_logprobs=ref_logprobs)

        def forward(mb_inds: torch.Tensor):
            """The policy on rows ``mb_inds``: (b, n) log-probs, values, entropies; all-padding columns dropped."""
            ids, attn, mb_P, _ = trim_columns(rollout.input_ids[mb_inds], rollout.attention_mask[mb_inds],
                                              response_mask[mb_inds], P)
            return completion_logprobs_and_values(self.policy, ids, attn, mb_P, cfg.temperature, with_entropy=True,
                                    share_prompts=cfg.share_prompts)

        with timer("update"):
            self.policy.train()
            update_stats = ppo.ppo_update(
                cfg.ppo, b, forward, self.optimizer,
                minibatch_size=cfg.ppo.minibatch_size // self.dist.world_size,  # global minibatch, split over ranks
                group_size=G if cfg.minibatch_by_problem else 1,  # the G rows of a problem stay together
                micro_batch_size=cfg.micro_batch_size, kl_coef=self.kl_ctl.value, generator=self.minibatch_generator,
                average_gradients=self.dist.average_gradients if self.dist.enabled else None)
            self.policy.eval()

        # the books of this iteration's batch: this process's rows, or every rank's gathered
        book = {"scores": scores, "kl": adv["kl"], "response_mask": response_mask, "advantages": adv["advantages"],
                "returns": adv["returns"], "values": old_values, "executed_mask": executed_mask, "passed": passed,
                "verdicts": [str(r.verdict) for r in results], "finished": list(rollout.finished),
                "prompt_truncated": list(rollout.prompt_truncated),
                "records": [(s.problem.id, s.stage) for s in subtasks],
                "stage_fracs": [1.0 if s.num_stages == 1 else s.stage / (s.num_stages - 1) for s in subtasks],
                "prefix_chars": [len(s.given_prefix) for s in subtasks]}
        if self.dist.enabled:
            book, update_stats = distributed.gather_books(self.dist, book, update_stats, self.device)

        # 9. curriculum: pass/fail at each sample's stage moves problems to earlier cuts
        if cfg.cccs:
            for (problem_id, stage), ok in zip(book["records"], book["passed"].tolist()):
                self.schedule.record(problem_id, stage, bool(ok))
        self.schedule.step()

        # 10. books
        metrics = ppo.rollout_metrics(book["scores"], book["kl"], book["response_mask"], book["advantages"],
                                      book["returns"], self.kl_ctl.value, values=book["values"],
                                      executed_mask=book["executed_mask"], passed=book["passed"])
        n_rows = len(book["verdicts"])  # every rank's rows
        self.kl_ctl.update(metrics["kl"], n_rows)
        self.step += 1
        iteration_s = time.perf_counter() - start
        if self.dist.enabled:  # the slowest rank's time: every rank's budget check must agree
            iteration_s = max(self.dist.all_gather_object(iteration_s))
        self.train_time_s += iteration_s
        row: dict[str, Any] = {"step": self.step, "samples": self.step * n_rows, "train_time_s": round(self.train_time_s, 3)}
        row.update(metrics)
        row.update(update_stats)
        row["kl_coef_next"] = self.kl_ctl.value
        stage_fracs = book["stage_fracs"]
        row["curriculum/batch_stage_fraction"] = sum(stage_fracs) / len(stage_fracs)
        row["curriculum/batch_prefix_chars"] = sum(book["prefix_chars"]) / n_rows
        if cfg.cccs:
            row.update(self.schedule.metrics())
        else:
            row.update({"curriculum/stage_fraction": 1.0, "curriculum/full_fraction": 1.0})
        verdicts = book["verdicts"]
        for v in ("pass", "wrong_answer", "runtime_error", "timeout", "syntax_error"):
            row[f"verdict/{v}"] = verdicts.count(v) / len(verdicts)
        row["excluded"] = sum(v in ("no_tests", "harness_error") for v in verdicts)  # samples with no defined reward
        if row["excluded"]:
            self._print(f"warning: step {self.step}: {row['excluded']} sample(s) had no defined reward "
                        f"({sorted(set(v for v in verdicts if v in ('no_tests', 'harness_error')))}); kept out of the update")
        row["unfinished"] = sum(not f for f in book["finished"]) / n_rows
        row["prompt_truncated"] = sum(book["prompt_truncated"]) / n_rows
        row.update({f"time/{k}": round(v, 4) for k, v in timer.seconds.items()})  # this process's phases
        row["time/iteration"] = round(iteration_s, 4)
        row = {k: _jsonable(v) for k, v in row.items()}
        self._write_metrics(row)

        if cfg.sample_table_every and self.step % cfg.sample_table_every == 0 and self.dist.is_main:
            self._sample_table(subtasks, rollout, programs, results, scores, executed_mask)  # rank 0's own rows
        return row

    # ------------------------------------------------------------------ the loop

    def done(self) -> bool:
        cfg = self.config
        out_of_time = cfg.time_budget_s is not None and self.train_time_s >= cfg.time_budget_s
        return self.step >= cfg.iterations or out_of_time

    def train(self) -> list[dict[str, Any]]:
        """Iterate until ``iterations`` or the time budget; checkpoint on the way and at the end."""
        cfg = self.config
        bar = None
        if cfg.progress and self.dist.is_main:
            from tqdm.auto import tqdm

            bar = tqdm(total=cfg.iterations, initial=self.step, desc="PPO", unit="it", dynamic_ncols=True,
                       file=sys.stderr)
        last_saved = self.step if self.resumed_from is not None else -1
        try:
            while not self.done():
                row = self.train_step()
                if bar is not None:
                    bar.update(1)
                    bar.set_postfix_str(f"reward {row['reward']:+.2f}, pass {row['pass_rate']:.2f}, "
                                        f"kl {row['kl']:.2f}, stage {row['curriculum/stage_fraction']:.2f}")
                if cfg.eval_every and self.step % cfg.eval_every == 0 and cfg.eval_datasets:
                    if self.dist.is_main:
                        self._periodic_eval(row)
                    if self.dist.enabled:  # the others wait for rank 0's evaluation
                        self.dist.barrier()
                if self.step % cfg.log_every == 0:
                    self._print(self._one_line(row))
                if self.step % cfg.checkpoint_every == 0:
                    self.save_checkpoint()
                    last_saved = self.step
            if last_saved != self.step:
                self.save_checkpoint()
        finally:
            if bar is not None:
                bar.close()
        return self.metrics_rows

    def _periodic_eval(self, row: dict[str, Any]) -> None:
        """Greedy pass@1 on the first held-out set, added to this iteration's metrics row."""
        spec = self.config.eval_datasets[0]
        if getattr(self, "_periodic_set", None) is None:
            self._periodic_set = fixed_subset(load_source(spec), self.config.eval_problems, seed=0)
        t0 = time.perf_counter()
        summary, _ = self.evaluate(self._periodic_set)
        row["eval/pass@1"] = summary["pass@1"]
        row["eval/syntax_error"] = summary["errors"]["syntax_error"]
        row["time/eval"] = round(time.perf_counter() - t0, 3)
        # rewrite the row just logged (the JSONL's last line) with the evaluation added
        lines = (self.out / "metrics.jsonl").read_text().splitlines()
        lines[-1] = json.dumps(row)
        write_text_atomic(self.out / "metrics.jsonl", "\n".join(lines) + "\n")
        self.metrics_rows[-1] = row
        self._print(f"step {self.step:>4}  held-out greedy pass@1 on {spec}: {summary['pass@1']:.3f} "
                    f"(syntax errors {summary['errors']['syntax_error']:.3f}, {row['time/eval']:.0f} s)")

    def _print(self, text: str) -> None:
        if not self.dist.is_main:
            return
        if self.config.progress:
            from tqdm.auto import tqdm

            tqdm.write(text, file=sys.stdout)
        else:
            self.log(text)

    @staticmethod
    def _one_line(row: dict[str, Any]) -> str:
        ev = row.get("explained_variance")
        ev_text = "  nan" if ev is None else f"{ev:+.2f}"
        return (f"step {row['step']:>4}  reward {row['reward']:+.3f}  pass {row['pass_rate']:.3f}  "
                f"kl {row['kl']:.3f}  clip {row.get('clipfrac', 0):.3f}  approx_kl {row.get('approx_kl', 0):.4f}  "
                f"ev {ev_text}  fgo_masked {row['fgo_masked_frac']:.2f}  stage {row['curriculum/stage_fraction']:.2f}  "
                f"len {row['response_length']:.0f}  {row['time/iteration']:.1f}s")

    # ------------------------------------------------------------------ books

    def _write_metrics(self, row: dict[str, Any]) -> None:
        self.metrics_rows.append(row)  # every rank keeps the (identical) rows; rank 0 writes them
        if not self.dist.is_main:
            return
        with open(self.out / "metrics.jsonl", "a") as f:
            f.write(json.dumps(row) + "\n")
        if self._tb is not None:
            for k, v in row.items():
                if isinstance(v, (int, float)) and k != "step":
                    self._tb.add_scalar(k, v, self.step)

    def _sample_table(self, subtasks, rollout, programs, results, scores, executed_mask) -> None:
        """A few samples: problem and stage, prompt tail, completion with FGO-masked lines marked, verdict."""
        n = min(self.config.sample_table_rows, len(subtasks))
        # spread the rows over the batch: different problems
        rows = sorted({round(i * (len(subtasks) - 1) / max(n - 1, 1)) for i in range(n)})
        text = [f"\n=== samples at step {self.step} ('+' executed line, '-' FGO-masked line: no test ran it) ==="]
        for i in rows:
            s, r = subtasks[i], results[i]
            tail = (s.given_prefix.rstrip("\n").splitlines() or ["```python"])[-1]
            executed = masking.executed_statement_lines(programs[i], r.executed_lines)
            first_line = s.given_prefix.count("\n") + 1  # the completion's first line in the program
            masked_lines = []
            body = []
            for k, line in enumerate(rollout.completions[i].split("\n")[:12]):
                ln = first_line + k
                if not line.strip():
                    continue
                ran = ln in executed
                if not ran:
                    masked_lines.append(ln)
                mark = "+" if ran or not self.config.fgo.enabled or str(r.verdict) == "syntax_error" else "-"
                body.append(f"    {mark} {line[:100]}")
            if rollout.completions[i].count("\n") >= 12:
                body.append("    ...")
            text.append(f"[{s.problem.id}  stage {s.stage}/{s.num_stages - 1}  verdict {r.verdict}  "
                        f"reward {float(scores[i]):+.2f}  tokens {rollout.response_lengths[i]}]")
            text.append(f"  prompt tail: {tail[:100]!r}")
            text.append("  completion:")
            text += body or ["    (empty)"]
        block = "\n".join(text)
        self._print(block)
        with open(self.out / "samples.md", "a") as f:
            f.write(block.replace("\n=== ", "\n### ") + "\n")

    # ------------------------------------------------------------------ checkpoints

    def _rng_state(self) -> dict[str, Any]:
        state = {
            "python": random.getstate(),
            "numpy": np.random.get_state(),
            "torch": torch.get_rng_state(),
            "sampler": self.sample_generator.get_state(),
            "minibatch": self.minibatch_generator.get_state(),
            "problem_order": self.rng.getstate(),
        }
        if torch.cuda.is_available():
            state["cuda"] = torch.cuda.get_rng_state_all()
        return state

    def _set_rng_state(self, state: dict[str, Any]) -> None:
        random.setstate(state["python"])
        np.random.set_state(state["numpy"])
        torch.set_rng_state(state["torch"])
        self.sample_generator.set_state(state["sampler"])
        self.minibatch_generator.set_state(state["minibatch"])
        self.rng.setstate(state["problem_order"])
        if "cuda" in state and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(state["cuda"])

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """The weights that training changes (all of them, or the LoRA adapters) and the value head."""
        names = {n for n, p in self.policy.named_parameters() if p.requires_grad}
        return {k: v.detach().cpu().clone() for k, v in self.policy.state_dict().items() if k in names}

    def save_checkpoint(self) -> Path:
        """Write ``out_dir/checkpoints/step_NNNNNN`` atomically (:func:`~stepcoder_lite.run_folder.write_checkpoint`).

        Data-parallel: every rank must call it. Rank 0 writes the folder, with every rank's RNG
        states in ``rng_ranks.pt`` (weights, optimizer, curriculum and KL controller are the same
        on every rank); the others wait until it is in place."""
        root = self.out / CHECKPOINT_DIR
        rank_rngs = self.dist.all_gather_object(self._rng_state()) if self.dist.enabled else None
        if self.dist.is_main:
            tensors = {"policy.pt": self.trainable_state(), "optimizer.pt": self.optimizer.state_dict(),
                       "rng.pt": self._rng_state()}
            state = {
                "step": self.step,
                "train_time_s": self.train_time_s,
                "config": self.config.to_dict(),
                "curriculum": self.schedule.state_dict(),
                "kl_controller": self.kl_ctl.state_dict(),
                "problem_order": {"order": self._order, "cursor": self._cursor},
                "problem_ids": [p.id for p in self.problems],
            }
            if rank_rngs is not None:
                tensors["rng_ranks.pt"] = rank_rngs
                state["world_size"] = len(rank_rngs)
            run_folder.write_checkpoint(root, self.step, tensors, state, self.metrics_rows, self.config.keep_checkpoints)
        if self.dist.enabled:
            self.dist.barrier()
        return root / f"step_{self.step:06d}"

    def latest_checkpoint(self) -> Path | None:
        return latest_checkpoint(self.out)

    def load_latest_checkpoint(self) -> int | None:
        """Restore the newest checkpoint in ``out_dir`` (None when there is none: a fresh start)."""
        path = self.latest_checkpoint()
        if path is None:
            self.log(f"resume: no checkpoint in {self.out / CHECKPOINT_DIR}; starting from step 0")
            if self.dist.is_main:
                run_folder.drop_books_after(self.out, self.metrics_rows, 0)
            return None
        self.load_checkpoint(path)
        return self.step

    def load_checkpoint(self, path: str | Path) -> None:
        path = Path(path)
        state = json.loads((path / STATE_FILE).read_text())
        saved = TrainConfig.from_dict(state["config"])
        differ = run_folder.unresumable_differences(saved, self.config)
        if differ:
            raise RunSetupError(f"resume: the run in {self.out} was started with a different config "
                             f"({', '.join(differ)}); resume with the same settings or use a new --out")
        if state["problem_ids"] != [p.id for p in self.problems]:
            raise RunSetupError(f"resume: the training problems differ from those of the checkpoint {path}")
        if state.get("world_size", 1) != self.dist.world_size:  # each rank's slice and RNG would differ
            raise RunSetupError(f"resume: {path} was written by {state.get('world_size', 1)} process(es); resume it with "
                                f"the same number (this run has {self.dist.world_size})")
        weights = torch.load(path / "policy.pt", map_location=self.device)
        missing = set(self.trainable_state()) - set(weights)
        if missing:
            raise ValueError(f"resume: {path / 'policy.pt'} lacks {sorted(missing)[:5]}")
        self.policy.load_state_dict(weights, strict=False)
        self.optimizer.load_state_dict(torch.load(path / "optimizer.pt", map_location=self.device))
        if self.dist.enabled:
            self._set_rng_state(torch.load(path / "rng_ranks.pt", weights_only=False)[self.dist.rank])
        else:
            self._set_rng_state(torch.load(path / "rng.pt", weights_only=False))
        self.schedule.load_state_dict(state["curriculum"])
        self.kl_ctl.load_state_dict(state["kl_controller"])
        self._order, self._cursor = list(state["problem_order"]["order"]), int(state["problem_order"]["cursor"])
        self.step, self.train_time_s = int(state["step"]), float(state["train_time_s"])
        # the metrics written so far: rows after the checkpoint (a killed run) are dropped
        self.metrics_rows = [json.loads(line) for line in (path / "metrics.jsonl").read_text().splitlines() if line]
        if self.dist.is_main:
            run_folder.drop_books_after(self.out, self.metrics_rows, self.step)
        self.log(f"resume: continuing from {path} (step {self.step}, {self.train_time_s:.0f} s trained)")

    def export_model(self, path: str | Path | None = None) -> Path:
        """The trained policy in Hugging Face format (+ value head, tokenizer, run.json): ``load_policy(path)`` reads it."""
        path = Path(path) if path is not None else self.out / "model"
        save_policy(self.policy, self.tokenizer, path, extra={"step": self.step, "config": self.config.to_dict()})
        return path

    # ------------------------------------------------------------------ evaluation

    def evaluate(self, problems: Sequence[Problem]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Greedy pass@1 of the current policy on ``problems`` (whole programs, no prefix)."""
        return evaluate_policy(self.policy, self.tokenizer, problems, self.executor, self.config, self.chat_template)


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


# =========================================================================== the whole job


def held_out_sets(config: TrainConfig) -> dict[str, list[Problem]]:
    """The evaluation subsets, per spec (fixed with seed 0: the same for every run)."""
    return {spec: fixed_subset(load_source(spec), config.eval_problems, seed=0) for spec in config.eval_datasets}


def run(config: TrainConfig, *, resume: bool = False, evaluate: bool = True, log=print) -> dict[str, Any]:
    """The ``train`` command: evaluate the start, train, evaluate the end, write the summary.

    Writes into ``config.out_dir``: ``config.json``, ``metrics.jsonl``, ``samples.md``,
    ``checkpoints/``, ``eval_before.json``, ``eval_after.json``, ``summary.json``, ``plots/``
    and ``model/`` (the trained policy). Returns the summary.

    Under ``accelerate launch`` / ``torchrun`` (``WORLD_SIZE`` > 1) every process runs this: they
    train together (:mod:`stepcoder_lite.distributed`), rank 0 alone evaluates and writes
    every file while the others wait, and every rank returns rank 0's summary.
    """
    dist = distributed.from_env()
    try:
        return _run(config, resume, evaluate, log if dist.is_main else _quiet, dist)
    finally:
        dist.close()


def _run(config: TrainConfig, resume: bool, evaluate: bool, log, dist: distributed.Dist) -> dict[str, Any]:
    main = dist.is_main
    wall_start = time.perf_counter()
    out = Path(config.out_dir)
    # Every input is checked before a model loads or a file is written: a bad one raises an
    # InputError (one line from the CLI) and leaves the folder as it was.
    resolve_model_path(config.model.name_or_path)
    check_run_folder(out, config, resume)
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
        write_text_atomic(saved_config, json.dumps(config.to_dict(), indent=2) + "\n")  # a resume reads it
    log(config.to_text())

    with Trainer(config, resume=resume, train_problems=train_problems, log=log, dist=dist) as trainer:
        log(f"policy: {sum(p.numel() for p in trainer.policy.parameters()):,} parameters on {trainer.device}; "
            f"{len(trainer.problems)} training problems; {config.problems_per_iteration} x {config.samples_per_problem} "
            f"samples per iteration; CCCS {'on' if config.cccs else 'off'}, FGO {'on' if config.fgo.enabled else 'off'}")
        if dist.enabled:
            log(f"data-parallel: {dist.world_size} processes, {config.problems_per_iteration // dist.world_size} problems "
                f"and {config.ppo.minibatch_size // dist.world_size}-row minibatches each; rank 0 evaluates and writes")
            if evaluate and config.eval_datasets and not (resume and (out / "eval_before.json").exists()) and trainer.step != 0:
                raise RunSetupError(f"resume: {out / 'eval_before.json'} is missing but the run is at step {trainer.step}")
        before_file = out / "eval_before.json"
        before: dict[str, Any] = {}
        eval_s = 0.0
        if sets:
            if before_file.exists() and resume:  # computed by the run being resumed: same start, same subset
                before = json.loads(before_file.read_text())
                log("evaluation before training: read from eval_before.json")
            else:
                if trainer.step != 0:
                    raise RunSetupError(f"resume: {before_file} is missing but the run is at step {trainer.step}")
                t0 = time.perf_counter()
                before = _evaluate_sets(trainer, sets, "before", log)
                eval_s += time.perf_counter() - t0
                write_text_atomic(before_file, json.dumps(before, indent=2) + "\n")  # a resume trusts it
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
            after = _evaluate_sets(trainer, sets, "after", log)
            eval_s += time.perf_counter() - t0
            (out / "eval_after.json").write_text(json.dumps(after, indent=2) + "\n")

        last = trainer.metrics_rows[-1] if trainer.metrics_rows else {}
        summary = {
            "command": " ".join(sys.argv),
            "preset": config.preset,
            "start_model": config.model.name_or_path,
            "cccs": config.cccs,
            "fgo": config.fgo.enabled,
            "seed": config.seed,
            "iterations": trainer.step,
            "samples": trainer.step * config.problems_per_iteration * config.samples_per_problem,
            "train_time_s": round(trainer.train_time_s, 1),
            "eval_time_s_this_process": round(eval_s, 1),
            "wall_time_s_this_process": round(time.perf_counter() - wall_start, 1),
            "resumed_from_step": trainer.resumed_from,
            "eval_problems_per_set": {spec: len(ps) for spec, ps in sets.items()},
            "pass@1": {spec: {"before": before[spec]["summary"]["pass@1"], "after": after[spec]["summary"]["pass@1"]}
                       for spec in sets},
            "before": {spec: before[spec]["summary"] for spec in sets},
            "after": {spec: after[spec]["summary"] for spec in sets},
            "final_metrics": last,
            "model": str(model_dir),
        }
        if dist.enabled:
            summary["processes"] = dist.world_size
        if sets:
            n_all = sum(len(ps) for ps in sets.values())
            summary["pass@1"]["all"] = {
                when: sum(res[spec]["summary"]["pass@1"] * len(ps) for spec, ps in sets.items()) / n_all
                for when, res in (("before", before), ("after", after))
            }
            # every held-out problem, paired: which ones RL fixed or broke, and a sign test on them
            summary["heldout"] = paired_outcomes(_passed(before), _passed(after))
        (out / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n")
        run_folder.write_metrics_csv(trainer.metrics_rows, out / "metrics.csv")
        try:
            run_folder.write_plots(trainer.metrics_rows, summary, out / "plots")
        except ImportError as e:  # matplotlib missing: the numbers are all in the JSON files
            log(f"plots skipped: {e}")
        if dist.enabled:
            dist.broadcast_object(summary)
    if sets:
        log("pass@1 (greedy): " + ", ".join(f"{spec} {v['before']:.3f} -> {v['after']:.3f}" for spec, v in summary["pass@1"].items()))
        h = summary["heldout"]
        log(f"held-out problems: {h['fixed']} fixed, {h['broken']} broken of {h['n_problems']} (sign test p = {h['sign_test_p']:.2g})")
    log(f"wrote {out}/summary.json")
    return summary


def _evaluate_sets(trainer: Trainer, sets: dict[str, list[Problem]], when: str, log) -> dict[str, Any]:
    results = {}
    for spec, problems in sets.items():
        t0 = time.perf_counter()
        summary, samples = trainer.evaluate(problems)
        results[spec] = {"summary": summary, "samples": samples, "seconds": round(time.perf_counter() - t0, 1)}
        log(f"evaluation {when} training, {spec} ({len(problems)} problems, {results[spec]['seconds']} s):\n" + format_summary(summary))
    return results


def _passed(results: dict[str, Any]) -> dict[str, bool]:
    """``"<set>/<problem id>" -> passed`` over every held-out set of one evaluation (greedy)."""
    return {f"{spec}/{r['problem_id']}": r["verdict"] == "pass" for spec, res in results.items() for r in res["samples"]}
