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

Data-parallel (``accelerate launch`` or torchrun, :mod:`stepcoder_lite.distributed`): every
process runs this loop on its share of each iteration's B problems; gradients, advantage
statistics, curriculum, KL controller and metrics are global; rank 0 writes every file. With
one process the loop makes no collective call.

A checkpoint holds everything needed to continue exactly (see :mod:`stepcoder_lite.run_folder`).
"""

from __future__ import annotations

import random
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch

from stepcoder_lite import curriculum as cc
from stepcoder_lite import distributed, masking, ppo, report, run_folder
from stepcoder_lite.data import Problem, load_source
from stepcoder_lite.config import TrainConfig, config_differences, config_from_flags  # noqa: F401 (notebooks, cli)
from stepcoder_lite.errors import InputError, RunSetupError  # noqa: F401 (re-exported)
from stepcoder_lite.executor import ExecConfig, Executor
from stepcoder_lite.metrics import METRICS, UNDEFINED_VERDICTS, PhaseTimer, metrics_row, one_line  # noqa: F401 (trainer.METRICS)
from stepcoder_lite.model import (ReferenceModel, completion_logprobs_and_values, load_policy, save_policy,
                                  trim_columns, wants_chat_template)
from stepcoder_lite.ppo import KLController
from stepcoder_lite.prompts import build_prompt
from stepcoder_lite.report import evaluate_policy, fixed_subset, held_out_sets  # noqa: F401 (notebooks, benchmarks)
from stepcoder_lite.rewards import reward as unit_test_reward
from stepcoder_lite.rollout import Rollout, sample
from stepcoder_lite.samples import sample_table
from stepcoder_lite.run_folder import CHECKPOINT_DIR, STATE_FILE, latest_checkpoint  # noqa: F401 (STATE_FILE: tests)


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
        self.log = log if self.dist.is_main else distributed.quiet
        self.out = Path(cfg.out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        if cfg.threads is not None:
            torch.set_num_threads(cfg.threads)
        random.seed(cfg.seed)
        np.random.seed(cfg.seed)
        torch.manual_seed(cfg.seed)

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
            eps=cfg.adam_eps, weight_decay=cfg.weight_decay)
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
        self.executor = executor or Executor(workers=cfg.exec_workers, config=ExecConfig(
            timeout_s=cfg.exec_timeout_s, early_exit=cfg.exec_early_exit, coverage=True))
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stepcoder-exec-batch")

        self.step = 0
        self.train_time_s = 0.0
        self.metrics_rows: list[dict[str, Any]] = []
        self.resumed_from: int | None = None
        if resume:
            self.resumed_from = self.load_latest_checkpoint()
        self.books = run_folder.Books(self.out, main=self.dist.is_main, tensorboard=cfg.tensorboard,
                                      progress=cfg.progress, log=self.log)

    def close(self) -> None:
        """Stop the executor's workers (if this trainer started them) and the TensorBoard writer."""
        self._pool.shutdown(wait=True)
        if self._own_executor:
            self.executor.close()
        self.books.close()

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
            logprobs, _, _ = completion_logprobs_and_values(self.reference, ids, attn, P, cfg.temperature,
                                                            share_prompts=cfg.share_prompts, logit_chunk=cfg.logit_chunk,
                                                  entropy_grad=cfg.ppo.ent_coef != 0.0)  # else only logged
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
        exec_timer = PhaseTimer()  # the execution's own wall time (in the background thread)

        def execute():
            with exec_timer("execute"):
                return self.executor.run_batch(jobs)

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
        timer.seconds["execute"] = exec_timer.seconds["execute"]

        # 6. rewards and FGO masks
        with timer("score"):
            # no_tests / harness_error say nothing about the program: no reward is defined, so the
            # sample is kept out of the update (advantage 0, below) and counted in "excluded"
            undefined = torch.tensor([str(r.verdict) in UNDEFINED_VERDICTS for r in results], device=self.device)
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
                                                  share_prompts=cfg.share_prompts, logit_chunk=cfg.logit_chunk,
                                                  entropy_grad=cfg.ppo.ent_coef != 0.0)  # else only logged

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
        curriculum = (self.schedule.metrics() if cfg.cccs
                      else {"curriculum/stage_fraction": 1.0, "curriculum/full_fraction": 1.0})
        row = metrics_row(step=self.step, train_time_s=self.train_time_s, book=book, rollout=metrics, update=update_stats,
                          kl_coef_next=self.kl_ctl.value, curriculum=curriculum, seconds=timer.seconds,
                          iteration_s=iteration_s)
        if row["excluded"]:
            undefined_seen = sorted(set(v for v in book["verdicts"] if v in UNDEFINED_VERDICTS))
            self.books.say(f"warning: step {self.step}: {row['excluded']} sample(s) had no defined reward "
                           f"({undefined_seen}); kept out of the update")
        self.metrics_rows.append(row)  # every rank keeps the (identical) rows; rank 0 writes them
        self.books.append_metrics(row, self.step)
        if cfg.sample_table_every and self.step % cfg.sample_table_every == 0 and self.dist.is_main:
            self.books.append_samples(sample_table(  # rank 0's own rows
                self.step, subtasks, rollout.completions, rollout.response_lengths, programs, results, scores.tolist(),
                rows=cfg.sample_table_rows, fgo=cfg.fgo.enabled))
        return row

    # ------------------------------------------------------------------ the loop

    def done(self) -> bool:
        cfg = self.config
        out_of_time = cfg.time_budget_s is not None and self.train_time_s >= cfg.time_budget_s
        return self.step >= cfg.iterations or out_of_time

    def train(self) -> list[dict[str, Any]]:
        """Iterate until ``iterations`` or the time budget; checkpoint on the way and at the end."""
        cfg = self.config
        bar = self.books.progress_bar(total=cfg.iterations, initial=self.step, desc="PPO")
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
                    self.books.say(one_line(row))
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
        row.update(report.periodic_eval(self.evaluate, self._periodic_set))
        self.metrics_rows[-1] = row
        self.books.replace_last_metrics(row)  # the row just logged, with the evaluation added
        self.books.say(f"step {self.step:>4}  held-out greedy pass@1 on {spec}: {row['eval/pass@1']:.3f} "
                       f"(syntax errors {row['eval/syntax_error']:.3f}, {row['time/eval']:.0f} s)")

    # ------------------------------------------------------------------ checkpoints

    def _generators(self) -> dict[str, Any]:
        """The random generators the loop owns, by the name their state has in ``rng.pt``."""
        return {"sampler": self.sample_generator, "minibatch": self.minibatch_generator, "problem_order": self.rng}

    def trainable_state(self) -> dict[str, torch.Tensor]:
        """The weights that training changes (all of them, or the LoRA adapters) and the value head."""
        names = {n for n, p in self.policy.named_parameters() if p.requires_grad}
        return {k: v.detach().cpu().clone() for k, v in self.policy.state_dict().items() if k in names}

    def save_checkpoint(self) -> Path:
        """Write ``out_dir/checkpoints/step_NNNNNN`` atomically (:func:`~stepcoder_lite.run_folder.write_checkpoint`).

        Data-parallel: every rank must call it. Rank 0 writes the folder, with every rank's RNG
        states in ``rng_ranks.pt`` (weights, optimizer, curriculum and KL controller are the same
        on every rank); the others wait until it is in place."""
        rng = run_folder.rng_state(self._generators())
        rank_rngs = self.dist.all_gather_object(rng) if self.dist.enabled else None
        if self.dist.is_main:
            state = {"step": self.step, "train_time_s": self.train_time_s, "config": self.config.to_dict(),
                     "curriculum": self.schedule.state_dict(), "kl_controller": self.kl_ctl.state_dict(),
                     "problem_order": {"order": self._order, "cursor": self._cursor},
                     "problem_ids": [p.id for p in self.problems]}
            tensors = {"policy.pt": self.trainable_state(), "optimizer.pt": self.optimizer.state_dict(), "rng.pt": rng}
            if rank_rngs is not None:
                tensors["rng_ranks.pt"] = rank_rngs
                state["world_size"] = len(rank_rngs)
            run_folder.write_checkpoint(self.out / CHECKPOINT_DIR, self.step, tensors, state, self.metrics_rows,
                                        self.config.keep_checkpoints)
        if self.dist.enabled:
            self.dist.barrier()
        return self.out / CHECKPOINT_DIR / f"step_{self.step:06d}"

    def load_latest_checkpoint(self) -> int | None:
        """Restore the newest checkpoint in ``out_dir`` (None when there is none: a fresh start)."""
        path = latest_checkpoint(self.out)
        if path is None:
            self.log(f"resume: no checkpoint in {self.out / CHECKPOINT_DIR}; starting from step 0")
            if self.dist.is_main:
                run_folder.drop_books_after(self.out, self.metrics_rows, 0)
            return None
        self.load_checkpoint(path)
        return self.step

    def load_checkpoint(self, path: str | Path) -> None:
        """Continue from the checkpoint folder ``path`` (checked by :func:`~stepcoder_lite.run_folder.read_checkpoint`)."""
        ck = run_folder.read_checkpoint(path, self.config, [p.id for p in self.problems], self.dist.world_size,
                                        self.dist.rank, set(self.trainable_state()), self.device)
        self.policy.load_state_dict(ck.weights, strict=False)
        self.optimizer.load_state_dict(ck.optimizer)
        run_folder.set_rng_state(ck.rng, self._generators())
        self.schedule.load_state_dict(ck.state["curriculum"])
        self.kl_ctl.load_state_dict(ck.state["kl_controller"])
        self._order, self._cursor = list(ck.state["problem_order"]["order"]), int(ck.state["problem_order"]["cursor"])
        self.step, self.train_time_s = int(ck.state["step"]), float(ck.state["train_time_s"])
        self.metrics_rows = ck.metrics_rows  # the metrics written so far: rows after the checkpoint are dropped
        if self.dist.is_main:
            run_folder.drop_books_after(self.out, self.metrics_rows, self.step)
        self.log(f"resume: continuing from {ck.path} (step {self.step}, {self.train_time_s:.0f} s trained)")

    def export_model(self, path: str | Path | None = None) -> Path:
        """The trained policy in Hugging Face format (+ value head, tokenizer, run.json): ``load_policy(path)`` reads it."""
        path = Path(path) if path is not None else self.out / "model"
        save_policy(self.policy, self.tokenizer, path, extra={"step": self.step, "config": self.config.to_dict()})
        return path

    # ------------------------------------------------------------------ evaluation

    def evaluate(self, problems: Sequence[Problem]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Greedy pass@1 of the current policy on ``problems`` (whole programs, no prefix)."""
        return report.evaluate_policy(self.policy, self.tokenizer, problems, self.executor, self.config, self.chat_template)


# =========================================================================== the whole job


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
        return report.run_job(Trainer, config, resume, evaluate, log if dist.is_main else distributed.quiet, dist)
    finally:
        dist.close()
