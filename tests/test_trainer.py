"""The training loop: config and presets, the wiring of one iteration (CCCS prefix, execution,
rewards, FGO masks, curriculum), exact resume after a crash, and the CLI killed and resumed.

Everything runs on a tiny randomly initialised GPT-2 with a BPE tokenizer trained here on a
handful of families problems (no shipped checkpoint needed), so each iteration takes ~1 s.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import torch

from stepcoder_lite import curriculum as cc
from stepcoder_lite.data.families import build as build_families
from stepcoder_lite.executor import Executor
from stepcoder_lite.model import (
    PolicyWithValueHead,
    completion_logprobs_and_values,
    encode_with_offsets,
    model_preset,
    save_policy,
    sequence_logprobs_and_values,
    small_random_model,
    train_tokenizer,
    trim_columns,
)
from stepcoder_lite.ppo import PPOConfig
from stepcoder_lite.prompts import CODE_FENCE_OPEN, END_OF_CODE, build_prompt, sft_target
from stepcoder_lite.rollout import Rollout, encode_prompts
from stepcoder_lite import trainer as trainer_module
from stepcoder_lite.trainer import (
    Trainer,
    TrainConfig,
    config_from_flags,
)

REPO = Path(__file__).resolve().parent.parent
TIME_KEYS = ("time/", "train_time_s")


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Four families training problems (each with an ``if``), a BPE tokenizer trained on them,
    and a random 2-layer GPT-2 saved the way a real checkpoint is."""
    root = tmp_path_factory.mktemp("trainer")
    problems, seen = [], set()
    for p in build_families("train"):
        family = p.meta["family"]
        if family not in seen and "if " in p.solutions[0] and p.solutions[0].endswith("\n") and len(p.solutions[0]) < 220:
            problems.append(p)
            seen.add(family)
        if len(problems) == 4:
            break
    data = root / "problems.jsonl"
    data.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in problems))
    tokenizer = train_tokenizer([build_prompt(p) + sft_target(p.solutions[0]) for p in problems] * 10, vocab_size=400)
    lm = small_random_model("gpt2", len(tokenizer), hidden=32, layers=2, heads=4, max_positions=512,
                            eos_token_id=tokenizer.eos_token_id, seed=0)
    model_dir = root / "model"
    save_policy(PolicyWithValueHead(lm), tokenizer, model_dir)
    with Executor(workers=2) as executor:
        yield {"root": root, "problems": problems, "data": str(data), "model": str(model_dir), "executor": executor}


def small_config(world, name: str, **overrides) -> TrainConfig:
    cfg = TrainConfig.preset(
        "tiny",
        out_dir=str(world["root"] / name),
        dataset=world["data"],
        eval_datasets=(),
        iterations=3,
        time_budget_s=None,
        problems_per_iteration=2,
        samples_per_problem=2,
        max_new_tokens=12,
        policy_lr=1e-3,
        value_lr=1e-2,
        ppo=PPOConfig(epochs=2, minibatch_size=2, group_size=2, adaptive_kl=True, kl_target=0.5, kl_horizon=50),
        curriculum=cc.CurriculumConfig(window=2, threshold=0.5),
        sample_table_every=0,
        checkpoint_every=1,
        threads=None,
        progress=False,
        tensorboard=False,
    )
    cfg.model.name_or_path = world["model"]
    return cfg.__class__.from_dict({**cfg.to_dict(), **overrides})


def quiet(*_args, **_kw):
    pass


def state_of(t: Trainer) -> dict:
    return {"weights": {k: v.clone() for k, v in t.policy.state_dict().items()},
            "curriculum": t.schedule.state_dict(), "kl": t.kl_ctl.value, "step": t.step,
            "rows": [{k: v for k, v in r.items() if not k.startswith(TIME_KEYS)} for r in t.metrics_rows]}


# --------------------------------------------------------------------------- config


def test_presets_validate_and_print_every_field_including_nested_ones():
    for name in ("tiny", "colab", "gpu"):
        cfg = TrainConfig.preset(name)
        text = cfg.to_text()
        for f in ("policy_lr", "samples_per_problem", "cccs", "clip_eps", "kl_coef", "window", "enabled", "name_or_path"):
            assert f"{f} " in text, (name, f)
        assert TrainConfig.from_dict(json.loads(json.dumps(cfg.to_dict()))) == cfg  # survives JSON (checkpoints)
    assert TrainConfig.preset("gpu").policy_lr == 5e-7 and TrainConfig.preset("gpu").samples_per_problem == 16
    for name in ("tiny", "colab", "gpu"):  # a problem's G samples are one GRPO group and one curriculum window
        cfg = TrainConfig.preset(name)
        assert cfg.ppo.group_size == cfg.curriculum.window == cfg.samples_per_problem, name
        assert (cfg.preset, cfg.out_dir, cfg.model.name_or_path) == (name, f"runs/{name}", model_preset(name).name_or_path)
    colab, gpu = TrainConfig.preset("colab"), TrainConfig.preset("gpu")
    assert (colab.dataset, colab.eval_datasets) == (gpu.dataset, gpu.eval_datasets) == ("apps:train", ("humaneval",))
    assert TrainConfig.preset("tiny", seed=5).seed == 5 and TrainConfig.preset("tiny").seed == 0
    with pytest.raises(ValueError, match="unknown train preset"):
        TrainConfig.preset("huge")
    with pytest.raises(ValueError, match="samples_per_problem"):
        TrainConfig.preset("tiny", samples_per_problem=0)
    with pytest.raises(ValueError, match="GRPO"):
        TrainConfig.preset("tiny", ppo=PPOConfig(advantage_estimator="grpo", group_size=8))


def test_flags_and_dotted_overrides_reach_nested_configs():
    cfg = config_from_flags("tiny", {"fgo.enabled": False, "cccs": False, "seed": 3},
                            ["ppo.kl_coef=0.1", "samples_per_problem=8", "ppo.group_size=8", "dataset=families:valid"])
    assert (cfg.fgo.enabled, cfg.cccs, cfg.seed, cfg.ppo.kl_coef, cfg.samples_per_problem, cfg.dataset) == \
        (False, False, 3, 0.1, 8, "families:valid")
    with pytest.raises(ValueError, match="unknown config field 'ppo.nope'"):
        config_from_flags("tiny", {}, ["ppo.nope=1"])
    with pytest.raises(ValueError, match="FIELD=VALUE"):
        config_from_flags("tiny", {}, ["kl_coef"])


# --------------------------------------------------------------------------- tensor plumbing


def test_sliced_forward_matches_the_models_full_sequence_logprobs(world):
    policy = PolicyWithValueHead(small_random_model("gpt2", 400, hidden=32, layers=2, heads=4, max_positions=512, seed=1))
    torch.nn.init.normal_(policy.value_head.weight, std=0.5)
    B, P, N = 3, 7, 5
    ids = torch.randint(1, 400, (B, P + N))
    attn = torch.ones(B, P + N, dtype=torch.long)
    attn[0, :3] = 0  # left padding
    attn[1, P + 2:] = 0  # a short completion, right padded
    response = torch.zeros(B, P + N, dtype=torch.bool)
    response[:, P:] = attn[:, P:].bool()
    logprobs, values = sequence_logprobs_and_values(policy, ids, attn, response, temperature=0.8)
    lp, v, ent = completion_logprobs_and_values(policy, ids, attn, P, temperature=0.8, with_entropy=True)
    mask = response[:, P:]
    torch.testing.assert_close(lp[mask], logprobs[:, P:][mask])
    torch.testing.assert_close(v[mask], values[:, P:][mask])
    assert ent.shape == (B, N) and bool((ent[mask] > 0).all())
    # dropping all-padding columns changes nothing but the cost
    ids2, attn2, P2, n = trim_columns(ids[1:], attn[1:], mask[1:], P)
    assert ids2.shape[1] == P + N and n == N  # rows 1-2: no all-padding column to drop
    ids3, attn3, P3, n3 = trim_columns(ids[:2], attn[:2], mask[:2], P)
    lp3, _, _ = completion_logprobs_and_values(policy, ids3, attn3, P3, temperature=0.8)
    torch.testing.assert_close(lp3[mask[:2, :n3]], lp[:2, :n3][mask[:2, :n3]], rtol=1e-4, atol=1e-5)


# --------------------------------------------------------------------------- one iteration, wired


def forced_sampler(tokenizer, completion_for):
    """A stand-in for rollout.sample that 'samples' given texts (teacher forcing), with the
    policy's real log-probs and values: the iteration's wiring can then be checked on programs
    that pass."""

    def fake_sample(model, tok, prompts, *, temperature, **_kw):
        prompt_ids, _ = encode_prompts(tok, prompts, 10_000)
        texts = [completion_for(p) for p in prompts]
        resp_ids = [tok(t + END_OF_CODE, add_special_tokens=False)["input_ids"] for t in texts]
        B, P, N = len(prompts), max(map(len, prompt_ids)), max(map(len, resp_ids))
        ids = torch.full((B, P + N), tok.pad_token_id)
        attn = torch.zeros(B, P + N, dtype=torch.long)
        for b in range(B):
            ids[b, P - len(prompt_ids[b]):P] = torch.tensor(prompt_ids[b])
            ids[b, P:P + len(resp_ids[b])] = torch.tensor(resp_ids[b])
            attn[b, P - len(prompt_ids[b]):P + len(resp_ids[b])] = 1
        response = torch.zeros(B, P + N, dtype=torch.bool)
        response[:, P:] = attn[:, P:].bool()
        with torch.no_grad():  # like the real sampler
            logprobs, values = sequence_logprobs_and_values(model, ids, attn, response, temperature)
        return Rollout(list(prompts), texts, [True] * B, ids, attn, response, logprobs, values, resp_ids, [False] * B)

    return fake_sample


DEAD_CODE = "if len(str(0)) > 5:\n    print('never')\n"


def test_one_iteration_runs_prefix_plus_completion_rewards_passes_and_fgo_masks_dead_code(world, monkeypatch):
    by_question = {p.question.strip(): p for p in world["problems"]}

    def canonical_rest_plus_dead_code(prompt: str) -> str:
        question = prompt.split("### Problem\n", 1)[1].split("\n\n### Format", 1)[0].strip()
        prefix = prompt.rsplit(CODE_FENCE_OPEN, 1)[1]
        solution = by_question[question].solutions[0]
        assert solution.startswith(prefix)  # the prompt ends with the CCCS given prefix
        return solution[len(prefix):] + DEAD_CODE

    cfg = small_config(world, "wired", iterations=1)
    with Trainer(cfg, executor=world["executor"], log=quiet) as t:
        tokenizer = t.tokenizer
        monkeypatch.setattr(trainer_module, "sample", forced_sampler(tokenizer, canonical_rest_plus_dead_code))
        seen = {}
        original = t.executed_masks

        def spy(rollout, subtasks, results, N):
            seen.update(rollout=rollout, subtasks=subtasks, results=results, mask=original(rollout, subtasks, results, N))
            return seen["mask"]

        t.executed_masks = spy
        before = {k: v.clone() for k, v in t.policy.state_dict().items()}
        row = t.train_step()

    subtasks, results, mask, rollout = seen["subtasks"], seen["results"], seen["mask"], seen["rollout"]
    assert all(s.stage == 0 and s.given_prefix for s in subtasks)  # CCCS: first stage, a real prefix
    assert [str(r.verdict) for r in results] == ["pass"] * 4  # prefix + completion ran as one program
    assert row["reward"] == 1.0 and row["pass_rate"] == 1.0
    # FGO: every token inside the never-executed line is masked, the rest of the completion is kept
    for b in range(len(subtasks)):
        text = rollout.completions[b]
        _, spans = encode_with_offsets(tokenizer, text + END_OF_CODE)
        header = text.index(DEAD_CODE)  # `if len(str(0)) > 5:` runs at top level: executed
        dead_start = text.index("    print('never')")  # its body never runs: masked
        dead_end = dead_start + len("    print('never')")
        for k, (s, e) in enumerate(spans):
            if dead_start <= s and e <= dead_end and e > s:
                assert not mask[b, k], (b, k, text[s:e])
            if header <= s and e <= dead_start - 1 and e > s:
                assert mask[b, k], (b, k, text[s:e])
    assert 0 < row["fgo_masked_frac"] < 0.5
    # the curriculum moved each problem to its next stage (window 2, both samples passed)
    for s in subtasks:
        assert t.schedule.stage_of(s.problem.id) == 1
    assert row["curriculum/stage_fraction"] > 0
    # the update changed the weights, and every documented metric was logged
    assert any(not torch.equal(before[k], v) for k, v in t.policy.state_dict().items())
    for key in ("reward", "pass_rate", "kl", "clipfrac", "approx_kl", "explained_variance", "entropy",
                "fgo_masked_frac", "curriculum/stage_fraction", "time/generate", "time/execute", "time/update"):
        assert key in row, key
    lines = (Path(cfg.out_dir) / "metrics.jsonl").read_text().splitlines()
    assert [json.loads(x)["step"] for x in lines] == [1]


def test_without_cccs_and_fgo_the_model_writes_everything_and_nothing_is_masked(world):
    cfg = small_config(world, "plain", iterations=1, cccs=False, fgo={"enabled": False}, sample_table_every=1,
                       eval_every=1, eval_datasets=[world["data"]], eval_max_new_tokens=8)
    printed = []
    with Trainer(cfg, executor=world["executor"], log=printed.append) as t:
        prompts = [t.prompt_for(t.subtask_for(p)) for p in t.problems]
        (row,) = t.train()
    assert all(p.endswith(CODE_FENCE_OPEN) for p in prompts)  # no given prefix at all
    assert row["fgo_masked_frac"] == 0.0 and row["curriculum/batch_stage_fraction"] == 1.0
    assert "samples at step 1" in (Path(cfg.out_dir) / "samples.md").read_text()
    # the periodic held-out evaluation lands in the same metrics row, in memory and on disk
    logged = json.loads((Path(cfg.out_dir) / "metrics.jsonl").read_text().splitlines()[-1])
    assert row["eval/pass@1"] == logged["eval/pass@1"] == 0.0  # a random model passes nothing


# --------------------------------------------------------------------------- every config field acts
# Each test below fails if its field were read nowhere (the defaults would show instead).


def without_timing(row: dict) -> dict:
    return {k: v for k, v in row.items() if not k.startswith(TIME_KEYS)}


def test_adam_eps_and_weight_decay_reach_both_optimizer_groups(world):
    cfg = small_config(world, "optimizer", adam_eps=1e-5, weight_decay=0.125)
    with Trainer(cfg, executor=world["executor"], log=quiet) as t:
        groups = {g["name"]: g for g in t.optimizer.param_groups}
    assert set(groups) == {"policy", "value_head"}
    assert all(g["eps"] == 1e-5 and g["weight_decay"] == 0.125 for g in groups.values())
    assert (groups["policy"]["lr"], groups["value_head"]["lr"]) == (cfg.policy_lr, cfg.value_lr)


def test_forward_batch_size_scores_the_reference_in_chunks_of_that_many_rows(world, monkeypatch):
    """B = 4 rows with forward_batch_size 3: two reference passes (3 rows, then 1), and the
    same log-probs as one pass over all rows."""
    seen = {"rows": []}
    real_forward, real_sample = trainer_module.completion_logprobs_and_values, trainer_module.sample

    def counting_forward(model, ids, *args, **kwargs):
        if model is t.reference:
            seen["rows"].append(ids.shape[0])
        return real_forward(model, ids, *args, **kwargs)

    def keeping_sample(*args, **kwargs):
        seen["rollout"] = real_sample(*args, **kwargs)
        return seen["rollout"]

    monkeypatch.setattr(trainer_module, "completion_logprobs_and_values", counting_forward)
    monkeypatch.setattr(trainer_module, "sample", keeping_sample)
    with Trainer(small_config(world, "forward-chunks", forward_batch_size=3), executor=world["executor"], log=quiet) as t:
        t.train_step()
        assert seen["rows"] == [3, 1]
        rollout = seen["rollout"]
        P = rollout.input_ids.shape[1] - max(rollout.response_lengths)
        chunked = t.reference_logprobs(rollout, P)
        t.config.forward_batch_size = 4
        whole = t.reference_logprobs(rollout, P)
    response_mask = rollout.response_mask[:, P:]
    torch.testing.assert_close(chunked[response_mask], whole[response_mask])


def test_sample_batch_size_decodes_that_many_rows_at_a_time(world, monkeypatch):
    """Rows through the LM's embedding per call while sampling: at most sample_batch_size."""
    rows = []
    real_sample = trainer_module.sample

    def watched_sample(model, *args, **kwargs):
        hook = model.policy.get_input_embeddings().register_forward_hook(lambda m, inp, out: rows.append(inp[0].shape[0]))
        try:
            return real_sample(model, *args, **kwargs)
        finally:
            hook.remove()

    monkeypatch.setattr(trainer_module, "sample", watched_sample)
    with Trainer(small_config(world, "sample-chunks", sample_batch_size=1), executor=world["executor"], log=quiet) as t:
        t.train_step()
        one_at_a_time = list(rows)
        rows.clear()
        t.config.sample_batch_size = None  # the whole batch at once
        t.train_step()
    assert one_at_a_time and max(one_at_a_time) == 1
    assert max(rows) > 1


class ThreadRecorder:
    """The shared executor, recording the thread each batch runs on."""

    def __init__(self, executor):
        self.executor, self.threads = executor, []

    def run_batch(self, jobs, **kw):
        self.threads.append(threading.current_thread().name)
        return self.executor.run_batch(jobs, **kw)

    def close(self):
        pass


def test_overlap_execution_moves_execution_to_a_background_thread_and_changes_no_metric(world):
    rows, threads = {}, {}
    for overlap in (True, False):
        recorder = ThreadRecorder(world["executor"])
        cfg = small_config(world, f"overlap-{overlap}", overlap_execution=overlap)
        with Trainer(cfg, executor=recorder, log=quiet) as t:
            rows[overlap] = without_timing(t.train_step())
        threads[overlap] = recorder.threads
    assert threads[True] and all(name.startswith("stepcoder-exec-batch") for name in threads[True])
    assert threads[False] == [threading.main_thread().name]
    assert rows[True] == rows[False]


def test_exec_early_exit_stops_a_program_at_its_first_failing_test(world):
    cfg = small_config(world, "early-exit", exec_early_exit=True, exec_workers=1)
    problem = max(world["problems"], key=lambda p: len(p.tests()["inputs"]))
    with Trainer(cfg, log=quiet) as t:  # its own executor, built from the config
        (result,) = t.executor.run_batch([("print('certainly not the answer')\n", problem.tests())])
    assert not result.passed and result.num_tests > 1
    assert len(result.tests) == 1  # the first test failed: no other ran


def test_sample_table_rows_is_the_number_of_samples_per_table(world):
    cfg = small_config(world, "table-rows", iterations=1, sample_table_every=1, sample_table_rows=3)
    with Trainer(cfg, executor=world["executor"], log=quiet) as t:
        t.train()
    table = (Path(cfg.out_dir) / "samples.md").read_text()
    headers = [line for line in table.splitlines() if line.startswith("[") and "verdict" in line]
    assert len(headers) == 3  # of the 4 samples of the batch


# --------------------------------------------------------------------------- resume


class Killed(Exception):
    pass


class KillOnCall:
    """The real executor, except that call number ``kill_at`` of run_batch dies (a crash mid-iteration)."""

    def __init__(self, executor, kill_at: int):
        self.executor, self.kill_at, self.calls = executor, kill_at, 0

    def run_batch(self, jobs, **kw):
        self.calls += 1
        if self.calls == self.kill_at:
            raise Killed(f"killed during run_batch call {self.calls}")
        return self.executor.run_batch(jobs, **kw)

    def close(self):
        pass


def test_crash_then_resume_equals_an_uninterrupted_run(world):
    """(4 iterations straight) == (checkpoint at 2, iteration 3 logged, crash inside 4, resume, 3-4).

    Exact equality of every weight: the same batches, samples, minibatch orders and float
    operations in the same order on the same CPU threads, from restored RNG, optimizer,
    curriculum and KL-controller states."""
    ex = world["executor"]
    with Trainer(small_config(world, "straight", iterations=4, checkpoint_every=2, sample_table_every=1), executor=ex, log=quiet) as t:
        t.train()
        straight = state_of(t)

    cfg = small_config(world, "crashed", iterations=4, checkpoint_every=2, sample_table_every=1)
    with Trainer(cfg, executor=KillOnCall(ex, kill_at=4), log=quiet) as t:
        with pytest.raises(Killed):
            t.train()
        assert t.step == 3
    logged = [json.loads(x)["step"] for x in (Path(cfg.out_dir) / "metrics.jsonl").read_text().splitlines()]
    assert logged == [1, 2, 3]  # step 3 was logged after the last checkpoint (step 2)

    log = []
    with Trainer(cfg, resume=True, executor=ex, log=log.append) as t:
        assert t.step == 2 and t.resumed_from == 2 and "step 2" in log[-1]
        assert len(t.metrics_rows) == 2  # the rows after the checkpoint are dropped ...
        t.train()  # ... and recomputed
        resumed = state_of(t)

    assert resumed["step"] == straight["step"] == 4
    assert resumed["rows"] == straight["rows"]
    assert resumed["curriculum"] == straight["curriculum"] and resumed["kl"] == straight["kl"]
    assert straight["kl"] != 0.05  # the adaptive controller moved, so its state mattered
    for k, v in straight["weights"].items():
        assert torch.equal(v, resumed["weights"][k]), k
    logged = [json.loads(x)["step"] for x in (Path(cfg.out_dir) / "metrics.jsonl").read_text().splitlines()]
    assert logged == [1, 2, 3, 4]
    tables = re.findall(r"### samples at step (\d+) ", (Path(cfg.out_dir) / "samples.md").read_text())
    assert tables == ["1", "2", "3", "4"]  # step 3's table from before the crash was dropped, then rewritten
    # checkpoints are complete folders; only the newest keep_checkpoints remain
    assert sorted(p.name for p in (Path(cfg.out_dir) / "checkpoints").iterdir()) == ["step_000002", "step_000004"]


def test_resume_refuses_a_different_config(world):
    cfg = small_config(world, "refuse", iterations=1)
    with Trainer(cfg, executor=world["executor"], log=quiet) as t:
        t.train()
    other = TrainConfig.from_dict({**cfg.to_dict(), "policy_lr": 1.0})
    with pytest.raises(trainer_module.RunSetupError, match="policy_lr"):
        Trainer(other, resume=True, executor=world["executor"], log=quiet)
    longer = TrainConfig.from_dict({**cfg.to_dict(), "iterations": 2})  # more iterations: allowed
    with Trainer(longer, resume=True, executor=world["executor"], log=quiet) as t:
        assert t.step == 1
    # starting afresh into a folder that holds a run is refused (it would mix two runs' books)
    with pytest.raises(trainer_module.RunSetupError, match="--resume"):
        trainer_module.run(cfg, resume=False, evaluate=False, log=quiet)


# --------------------------------------------------------------------------- the command, killed for real

# A child that runs the real `train` command (cli.main) and stops itself with SIGSTOP at one
# chosen point, so that the test's SIGKILL lands exactly there. Only the child is wrapped;
# the package has no test hook. A point is (PHASE, STEP, NTH):
#   rollout     before the NTH token forward of STEP's sampling (or at its end, if fewer)
#   update      after the NTH optimizer step of STEP's PPO update (or at its end)
#   checkpoint  after the NTH file of STEP's checkpoint is written; NTH=6: just before its rename
STOP_AT = r'''
import os, signal, sys
import torch
from stepcoder_lite import cli, model, ppo, run_folder, trainer

PHASE, STEP, NTH = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
now = {"step": 0, "phase": None, "events": 0}

def stop(where):
    print(f"STOPPED in {PHASE} of step {STEP}: {where}", file=sys.stderr, flush=True)
    os.kill(os.getpid(), signal.SIGSTOP)  # the test SIGKILLs the run here
    raise SystemExit("continued after SIGSTOP")

def event(fn, after):
    def wrapped(*a, **k):
        result = fn(*a, **k) if after else None
        if (now["phase"], now["step"]) == (PHASE, STEP):
            now["events"] += 1
            if now["events"] == NTH:
                stop(f"event {NTH}")
        return result if after else fn(*a, **k)
    return wrapped

def phase(name, fn):
    def wrapped(*a, **k):
        now["phase"] = name
        result = fn(*a, **k)
        if (name, now["step"]) == (PHASE, STEP):
            stop(f"its end, after {now['events']} events")
        now["phase"] = None
        return result
    return wrapped

def train_step(fn):
    def wrapped(self):
        now["step"] = self.step + 1
        return fn(self)
    return wrapped

trainer.Trainer.train_step = train_step(trainer.Trainer.train_step)
trainer.sample = phase("rollout", trainer.sample)
model.PolicyWithValueHead.forward = event(model.PolicyWithValueHead.forward, after=False)
ppo.ppo_update = phase("update", ppo.ppo_update)
torch.optim.AdamW.step = event(torch.optim.AdamW.step, after=True)
run_folder.write_checkpoint = phase("checkpoint", run_folder.write_checkpoint)
run_folder._save_synced = event(run_folder._save_synced, after=True)
run_folder._write_synced = event(run_folder._write_synced, after=True)
run_folder.os.replace = event(run_folder.os.replace, after=False)
sys.exit(cli.main(sys.argv[4:]))
'''

NUM_EVENTS = {"rollout": 10, "update": 4, "checkpoint": 6}  # max_new_tokens 12; 2 epochs x 2 minibatches; 5 files + rename


def kill_plan(seed: int, iterations: int) -> list[tuple[str, int, int]]:
    """Three kill points, one in each phase (in a random order), at non-decreasing steps >= 2:
    each resumed run reaches the next point, and a checkpoint exists to resume from."""
    rng = random.Random(seed)
    steps = sorted(rng.choices(range(2, iterations + 1), k=3))
    phases = rng.sample(sorted(NUM_EVENTS), 3)
    return [(p, s, rng.randint(1, NUM_EVENTS[p])) for p, s in zip(phases, steps)]


def run_until_stopped(cmd: list[str], env: dict, log: Path, timeout_s: float = 120) -> None:
    """Start ``cmd``, wait until it stops itself (SIGSTOP), then SIGKILL it and its executor servers."""
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + timeout_s
        while True:
            pid, status = os.waitpid(proc.pid, os.WNOHANG | os.WUNTRACED)
            if pid and os.WIFSTOPPED(status):
                break
            assert not pid, f"the run ended (status {status}) before its kill point:\n{log.read_text()[-3000:]}"
            assert time.time() < deadline, f"no kill point within {timeout_s} s:\n{log.read_text()[-3000:]}"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group: the run and its executor servers
    os.waitpid(proc.pid, 0)


def steps_logged(out: Path) -> list[int]:
    return [json.loads(x)["step"] for x in (out / "metrics.jsonl").read_text().splitlines()]


def test_cli_train_sigkilled_in_rollout_update_and_checkpoint_write_resumes_to_the_same_metrics(world, tmp_path):
    """SIGKILL the real `train` command three times, at seeded random points inside a rollout,
    a PPO update and a checkpoint write; each `--resume` continues from the last complete
    checkpoint, and the run ends with the same metrics at every step (and the same weights)
    as an uninterrupted run with the same seed."""
    iterations = 4
    plan = kill_plan(seed=16, iterations=iterations)

    def command(out: Path) -> list[str]:
        return ["train", "--preset", "tiny", "--out", str(out), "--model", world["model"], "--dataset", world["data"],
                "--no-eval", "--no-progress", "--iterations", str(iterations), "--set", "checkpoint_every=1",
                "--set", "problems_per_iteration=2", "--set", "samples_per_problem=2", "--set", "max_new_tokens=12",
                "--set", "exec_workers=1", "--set", "threads=1", "--set", "ppo.minibatch_size=2",
                "--set", "ppo.group_size=2", "--set", "curriculum.window=2", "--set", "tensorboard=false"]

    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}
    here = subprocess.run([sys.executable, "-c", "import stepcoder_lite; print(stepcoder_lite.__file__)"],
                          cwd=REPO, env=env, capture_output=True, text=True)
    assert Path(here.stdout.strip()).parent == REPO / "stepcoder_lite"  # children run this checkout's package

    straight = tmp_path / "straight"
    done = subprocess.run([sys.executable, "-m", "stepcoder_lite", *command(straight)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    out = tmp_path / "killed"
    for k, (phase, step, nth) in enumerate(plan):
        resume = ["--resume"] if k else []
        log = tmp_path / f"kill{k}.log"
        run_until_stopped([sys.executable, "-c", STOP_AT, phase, str(step), str(nth), *command(out), *resume], env, log)
        assert f"STOPPED in {phase} of step {step}" in log.read_text(), (plan, k)
        if k:  # it continued from the checkpoint the previous kill left as the newest complete one
            assert f"continuing from {out / 'checkpoints' / f'step_{plan[k - 1][1] - 1:06d}'} " in log.read_text(), (plan, k)
        # where the kill landed, as the files show it: step's checkpoint half-written / step's metrics row not yet logged
        ckpts = out / "checkpoints"
        assert max(p.name for p in ckpts.glob("step_*")) == f"step_{step - 1:06d}", (plan, k)
        if phase == "checkpoint":
            assert list(ckpts.glob(f".tmp_step_{step:06d}_*")) and steps_logged(out) == list(range(1, step + 1)), (plan, k)
        else:
            assert steps_logged(out)[-1] == step - 1, (plan, k)

    done = subprocess.run([sys.executable, "-m", "stepcoder_lite", *command(out), "--resume"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"continuing from {out / 'checkpoints' / f'step_{plan[-1][1] - 1:06d}'} " in done.stdout

    def metrics(run: Path) -> list[dict]:
        rows = [json.loads(x) for x in (run / "metrics.jsonl").read_text().splitlines()]
        return [{k: v for k, v in r.items() if not k.startswith(TIME_KEYS)} for r in rows]

    assert [r["step"] for r in metrics(out)] == list(range(1, iterations + 1))
    assert metrics(out) == metrics(straight), plan
    last = f"checkpoints/step_{iterations:06d}/policy.pt"
    a, b = torch.load(straight / last), torch.load(out / last)
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a), plan
    assert not list((out / "checkpoints").glob(".tmp_*")) and not list((out / "checkpoints").glob(".old_*"))
    assert json.loads((out / "summary.json").read_text())["resumed_from_step"] == plan[-1][1] - 1


def test_summary_pairs_every_held_out_problem_before_and_after(world):
    cfg = small_config(world, "summary-heldout", iterations=1, eval_datasets=(world["data"],), eval_max_new_tokens=8)
    summary = trainer_module.run(cfg, evaluate=True, log=lambda *_: None)
    out = Path(cfg.out_dir)
    files = {when: json.loads((out / f"eval_{when}.json").read_text()) for when in ("before", "after")}
    passed = {when: {s["problem_id"]: s["verdict"] == "pass" for s in files[when][world["data"]]["samples"]}
              for when in files}
    h = summary["heldout"]
    assert h["n_problems"] == len(world["problems"]) == len(passed["before"])
    assert h["before"] == pytest.approx(summary["pass@1"]["all"]["before"])
    assert h["after"] == pytest.approx(summary["pass@1"]["all"]["after"])
    assert h["fixed"] == sum(passed["after"][k] and not passed["before"][k] for k in passed["before"])
    assert h["broken"] == sum(passed["before"][k] and not passed["after"][k] for k in passed["before"])
    assert 0.0 <= h["sign_test_p"] <= 1.0
    assert json.loads((out / "summary.json").read_text())["heldout"] == h


def test_eval_problems_is_the_size_of_each_held_out_set():
    few = trainer_module.held_out_sets(TrainConfig.preset("tiny", eval_problems=5))
    every = trainer_module.held_out_sets(TrainConfig.preset("tiny"))
    assert {spec: len(ps) for spec, ps in few.items()} == {"families:valid": 5, "families:test": 5}
    assert all(len(every[spec]) > 5 and {p.id for p in few[spec]} <= {p.id for p in every[spec]} for spec in few)


def test_eval_batch_size_and_eval_timeout_reach_the_evaluation(monkeypatch):
    from stepcoder_lite import report

    seen = {}
    monkeypatch.setattr(report, "evaluate_model", lambda *a, **kw: seen.update(kw) or ({}, []))
    cfg = TrainConfig.preset("tiny", eval_batch_size=7, eval_timeout_s=1.25)
    report.evaluate_policy(None, None, [], executor=None, config=cfg)
    assert (seen["batch_size"], seen["timeout_s"]) == (7, 1.25)


def test_log_every_prints_one_line_every_that_many_steps(world):
    lines = []
    cfg = small_config(world, "log-every", iterations=4, log_every=2, checkpoint_every=4)
    with Trainer(cfg, executor=world["executor"], log=lambda text="", *_a, **_kw: lines.append(str(text))) as t:
        t.train()
    steps = [int(m.group(1)) for m in (re.match(r"step\s+(\d+)\s+reward", line) for line in lines) if m]
    assert steps == [2, 4]
