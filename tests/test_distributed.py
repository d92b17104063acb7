"""Data-parallel training: 2 CPU processes (gloo) started by ``accelerate launch`` stay in sync.

The test builds a tiny world (4 families problems, a BPE tokenizer, a random 2-layer GPT-2),
then launches this very file twice over as ``--worker``. Each rank, after every iteration,
hashes its weights and notes the problems it trained on; the test then checks that

* both ranks hold the same weights at every step, and those weights moved;
* the ranks trained on different problems (disjoint halves of each iteration's 4);
* rank 0 alone wrote the books (3 metrics rows, one summary, every rank's RNG in checkpoints);
* a run checkpointed at step 2 and resumed to step 3 equals the run done straight.

Smaller checks run in this process: the refusals (DeepSpeed, uneven splits) and the bucketed
gradient average on a one-process gloo group.

No GPU involved: ``CUDA_VISIBLE_DEVICES`` is emptied, so the group is gloo on CPU.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import torch

REPO = Path(__file__).resolve().parent.parent
ITERATIONS = 3


# --------------------------------------------------------------------------- the worker (one per rank)


def weights_hash(trainer) -> str:
    h = hashlib.sha256()
    for name, tensor in sorted(trainer.policy.state_dict().items()):
        h.update(name.encode())
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    return h.hexdigest()


def worker(config_path: str) -> None:
    """Runs in each launched process: (1) train 2 iterations and stop, (2) resume to 3,
    (3) the whole job straight through ``trainer.run`` (last: it leaves the process group)."""
    from stepcoder_lite import trainer as trainer_module
    from stepcoder_lite.trainer import Trainer, TrainConfig

    base = TrainConfig.from_dict(json.loads(Path(config_path).read_text()))
    root = Path(base.out_dir)
    rank = int(os.environ["RANK"])
    record = {"rank": rank, "world_size": int(os.environ["WORLD_SIZE"]), "straight": [], "resumed": []}
    phase = {"name": "resumed"}
    from stepcoder_lite.distributed import Dist

    original_rows, original_step = Dist.my_rows, Trainer.train_step
    last = {"problems": []}

    def my_rows(self, items):
        mine = original_rows(self, items)
        last["problems"] = sorted({s.problem.id for s in mine})
        return mine

    def train_step(self):
        if not record[phase["name"]]:
            record[phase["name"]].append({"step": self.step, "hash": weights_hash(self), "problems": []})
        row = original_step(self)
        record[phase["name"]].append({"step": self.step, "hash": weights_hash(self), "problems": last["problems"],
                                      "kl_coef_next": row["kl_coef_next"]})
        return row

    Dist.my_rows, Trainer.train_step = my_rows, train_step

    def config(name: str, **changes) -> TrainConfig:
        return TrainConfig.from_dict({**base.to_dict(), "out_dir": str(root / name), **changes})

    with Trainer(config("resumed", iterations=2)) as t:  # stops after 2 (as if killed after the checkpoint)
        t.train()
    with Trainer(config("resumed", iterations=ITERATIONS), resume=True) as t:
        record["resumed_from"] = t.resumed_from
        t.train()
    phase["name"] = "straight"
    summary = trainer_module.run(config("straight"), evaluate=False)
    record["summary"] = {"iterations": summary["iterations"], "processes": summary.get("processes")}
    (root / f"rank{rank}.json").write_text(json.dumps(record))


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--worker":
    worker(sys.argv[2])
    sys.exit(0)


# --------------------------------------------------------------------------- the test


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launcher(port: int) -> list[str]:
    """``accelerate launch`` (its multi-process launcher: torch's elastic run underneath; the
    ``--cpu`` flag alone would start one process, multi-CPU there means MPI), or torchrun."""
    if importlib.util.find_spec("accelerate") is not None:
        return [sys.executable, "-m", "accelerate.commands.launch", "--multi_gpu", "--num_processes", "2",
                "--num_machines", "1", "--mixed_precision", "no", "--dynamo_backend", "no",
                "--main_process_port", str(port)]
    return [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--master_port", str(port)]


@pytest.fixture(scope="module")
def micro_config(tmp_path_factory):
    from stepcoder_lite import curriculum as cc
    from stepcoder_lite.data.families import build as build_families
    from stepcoder_lite.model import PolicyWithValueHead, save_policy, small_random_model, train_tokenizer
    from stepcoder_lite.ppo import PPOConfig
    from stepcoder_lite.prompts import build_prompt, sft_target
    from stepcoder_lite.trainer import TrainConfig

    root = tmp_path_factory.mktemp("ddp")
    problems, seen = [], set()
    for p in build_families("train"):
        family = p.meta["family"]
        if family not in seen and "if " in p.solutions[0] and len(p.solutions[0]) < 220:
            problems.append(p)
            seen.add(family)
        if len(problems) == 4:
            break
    data = root / "problems.jsonl"
    data.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in problems))
    tokenizer = train_tokenizer([build_prompt(p) + sft_target(p.solutions[0]) for p in problems] * 10, vocab_size=400)
    lm = small_random_model("gpt2", len(tokenizer), hidden=32, layers=2, heads=4, max_positions=512,
                            eos_token_id=tokenizer.eos_token_id, seed=0)
    save_policy(PolicyWithValueHead(lm), tokenizer, root / "model")
    cfg = TrainConfig.preset(
        "tiny", out_dir=str(root / "runs"), dataset=str(data), train_problems=None, eval_datasets=(),
        iterations=ITERATIONS, time_budget_s=None,
        problems_per_iteration=4, samples_per_problem=2,  # 2 problems x 2 samples per rank
        max_new_tokens=12, policy_lr=1e-3, value_lr=1e-2,
        # GAE (global whitening) and the adaptive KL controller (global KL)
        ppo=PPOConfig(epochs=2, minibatch_size=4, group_size=2, adaptive_kl=True, kl_target=0.5, kl_horizon=50),
        curriculum=cc.CurriculumConfig(window=2, threshold=0.5),
        exec_workers=1, sample_table_every=1, checkpoint_every=1, threads=1, progress=False, tensorboard=False,
    )
    cfg.model.name_or_path = str(root / "model")
    cfg.model.device = "cpu"
    path = root / "config.json"
    path.write_text(json.dumps(cfg.to_dict()))
    return path, cfg, [p.id for p in problems]


def test_two_gloo_processes_stay_in_sync_on_different_problems_and_resume_exactly(micro_config):
    config_path, cfg, problem_ids = micro_config
    root = Path(cfg.out_dir)
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "OMP_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false",
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    for key in ("WORLD_SIZE", "RANK", "LOCAL_RANK", "MASTER_ADDR", "MASTER_PORT"):
        env.pop(key, None)
    cmd = launcher(free_port()) + [__file__, "--worker", str(config_path)]
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    ranks = [json.loads((root / f"rank{r}.json").read_text()) for r in range(2)]
    assert [r["world_size"] for r in ranks] == [2, 2]

    straight = [r["straight"] for r in ranks]
    assert [s["step"] for s in straight[0]] == [s["step"] for s in straight[1]] == list(range(ITERATIONS + 1))
    # the same weights on both ranks at the start and after every step ...
    for a, b in zip(*straight):
        assert a["hash"] == b["hash"], f"ranks disagree after step {a['step']}"
        assert a["kl_coef_next"] == b["kl_coef_next"] if a["step"] else True  # the KL controller too
    # ... that training moved
    assert straight[0][-1]["hash"] != straight[0][0]["hash"]
    assert len({s["hash"] for s in straight[0]}) == ITERATIONS + 1
    # each iteration's 4 problems (one shuffled pass) split into two disjoint halves
    for a, b in zip(straight[0][1:], straight[1][1:]):
        assert len(a["problems"]) == len(b["problems"]) == 2
        assert not set(a["problems"]) & set(b["problems"])
        assert sorted(a["problems"] + b["problems"]) == sorted(problem_ids)

    # rank 0 alone kept the books, for the whole batch
    out = root / "straight"
    rows = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert [r["step"] for r in rows] == [1, 2, 3]
    assert rows[-1]["samples"] == ITERATIONS * 4 * 2  # both ranks' samples counted
    assert all(r["summary"] == {"iterations": ITERATIONS, "processes": 2} for r in ranks)  # rank 0's, broadcast
    assert json.loads((out / "summary.json").read_text())["processes"] == 2
    last = out / "checkpoints" / f"step_{ITERATIONS:06d}"
    assert json.loads((last / "state.json").read_text())["world_size"] == 2
    rngs = torch.load(last / "rng_ranks.pt", weights_only=False)
    assert len(rngs) == 2 and not torch.equal(rngs[0]["sampler"], rngs[1]["sampler"])  # each rank its own sampler
    assert (out / "samples.md").read_text().count("### samples at step") == ITERATIONS  # one table per step, not two

    # stopped after 2 and resumed: exactly the straight run
    resumed = [r["resumed"] for r in ranks]
    assert all(r["resumed_from"] == 2 for r in ranks)
    for rank in range(2):
        assert [s["hash"] for s in resumed[rank]] == [s["hash"] for s in straight[rank]]
    shutil.rmtree(root, ignore_errors=True)


# --------------------------------------------------------------------------- in-process checks


def test_refusals_come_before_any_collective(micro_config, monkeypatch):
    from stepcoder_lite import distributed
    from stepcoder_lite.trainer import RunSetupError, Trainer, TrainConfig

    _, cfg, _ = micro_config
    two = distributed.Dist(rank=1, world_size=2, local_rank=1)
    G = cfg.samples_per_problem
    for change, name in (({"problems_per_iteration": 3}, "problems_per_iteration=3"),
                         ({"ppo": {**cfg.ppo.to_dict(), "minibatch_size": 5}, "minibatch_by_problem": False},
                          "ppo.minibatch_size=5"),
                         # whole problems per minibatch: G rows fit the one-process config, not half of them per rank
                         ({"ppo": {**cfg.ppo.to_dict(), "minibatch_size": G}, "minibatch_by_problem": True},
                          "minibatch_by_problem")):
        uneven = TrainConfig.from_dict({**cfg.to_dict(), **change})
        with pytest.raises(RunSetupError, match=name):
            Trainer(uneven, dist=two)
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("RANK", "0")
    monkeypatch.setenv("ACCELERATE_USE_DEEPSPEED", "true")
    with pytest.raises(RuntimeError, match="DeepSpeed"):
        distributed.from_env()
    assert not torch.distributed.is_initialized()
    monkeypatch.delenv("WORLD_SIZE")
    assert distributed.from_env() == distributed.Dist()  # one process: no group, nothing to join


def test_bucketed_gradient_average_puts_every_value_back_in_place(tmp_path):
    """A one-process gloo group (the mean over one rank is the identity): buckets of at most 5
    elements, mixed dtypes and a parameter without gradient must come back untouched."""
    from stepcoder_lite import distributed

    torch.distributed.init_process_group("gloo", init_method=f"file://{tmp_path / 'store'}", rank=0, world_size=1)
    try:
        g = torch.Generator().manual_seed(0)
        params = [torch.nn.Parameter(torch.randn(shape, generator=g)) for shape in [(3,), (2, 2), (7,), (1,)]]
        params.append(torch.nn.Parameter(torch.randn(4, generator=g).double()))
        for p in params:
            p.grad = torch.randn(p.shape, generator=g).to(p.dtype)
        params[2].grad = None
        expected = [None if p.grad is None else p.grad.clone() for p in params]
        distributed.Dist(world_size=1).average_gradients(params, bucket_numel=5)
        for p, e in zip(params, expected):
            assert (p.grad is None and e is None) or torch.equal(p.grad, e)
        # the sum over ranks divided by the number of ranks: with a made-up count of 4, a quarter
        distributed.Dist(rank=0, world_size=4).average_gradients(params, bucket_numel=5)
        torch.testing.assert_close(params[0].grad, expected[0] / 4)
        torch.testing.assert_close(params[4].grad, expected[4] / 4)
    finally:
        torch.distributed.destroy_process_group()
