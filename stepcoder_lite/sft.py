"""Supervised fine-tuning: the starting policy that RL improves, and the evaluation loop.

``python -m stepcoder_lite sft --preset tiny`` trains the embedded default from scratch on
CPU: a byte-level BPE tokenizer and a small GPT-2 learn to map a problem's prompt to its
canonical solution (``prompt -> solution + END_OF_CODE``) on the training split of the
bundled problem families. The same loop fine-tunes a Hugging Face model on a GPU
(``--preset colab`` / ``gpu``).

Steps of a run (each printed as it happens):

1. print the config in full; seed everything (``torch.manual_seed``, a ``random.Random(seed)``
   for the data order);
2. tokenizer: train a byte-level BPE on the training prompts + solutions (tiny) or load the
   model's own;
3. examples: ``(prompt ids, target ids)``; the target is the corpus's solution, which for a
   share ``mistake_rate`` of the family problems carries a typical human mistake of its family
   (``families.corpus_solution``: real corpora hold buggy code, and RL learns to avoid it);
   a fraction ``prefix_fraction`` of each epoch is in
   the CCCS form (the prompt already holds the solution's first lines, cut at a line start),
   so the model has seen the situations RL will put it in; for the families, every epoch
   rebuilds the split with new random tests (``vary_examples``), so each statement shows a
   new worked example and memorising a problem by its example does not pay;
4. train: AdamW, linear warm-up then cosine decay, loss = mean cross-entropy over *target*
   tokens only (prompt and padding are masked out), gradient clipping;
5. every ``eval_every`` steps: held-out loss, and greedy pass@1 on the validation split
   through the executor; **stop once it reaches** ``stop_at_pass`` (so RL has room left);
6. save the tokenizer, model (safetensors), zero value head, loss curve (CSV + PNG) and
   ``run.json``; report greedy pass@1 and sampled pass@1/4/8 (temperature 0.8) on every held-out
   problem (valid + test): the gap between the two is what RL can give.

:func:`evaluate_model` (sample -> execute -> :func:`stepcoder_lite.evaluate.summarize`) is
the one evaluation path, also behind ``python -m stepcoder_lite eval``.
"""

from __future__ import annotations

import csv
import json
import math
import random
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Sequence

import torch

from stepcoder_lite.config import parse_assignments, set_fields
from stepcoder_lite.errors import InputError
from stepcoder_lite.model import (
    ModelConfig,
    PolicyWithValueHead,
    config_to_text,
    count_parameters,
    load_policy,
    resolve_model_path,
    save_policy,
    tiny_gpt2,
    train_tokenizer,
    wants_chat_template,
)
from stepcoder_lite.evaluate import evaluate_model  # noqa: F401 (sft.evaluate_model: notebooks, cli)
from stepcoder_lite.prompts import build_prompt, sft_target


# =========================================================================== config


@dataclass
class SFTConfig:
    """Everything one SFT run depends on. Presets: :func:`sft_preset`."""

    train_data: str = "families:train"
    """Problems to learn from (a ``load_source`` spec): prompt -> ``solutions[0]``."""
    valid_data: str = "families:valid"
    """Held-out problems for the loss curve and the stopping rule (greedy pass@1)."""
    test_data: str = "families:test"
    """Held-out problems for the reported pass@1 (never used for a decision)."""
    init_from: str | None = None
    """``None``: train a new tokenizer and GPT-2 from scratch (tiny). Else an HF id or path to fine-tune."""
    seed: int = 0
    """Seeds torch, the data order and the CCCS cuts."""
    vocab_size: int = 2048
    """BPE vocabulary size (from scratch only); the families saturate near 2,100 merges."""
    n_layer: int = 4
    """Transformer blocks (from scratch only)."""
    n_embd: int = 192
    """Hidden size (from scratch only)."""
    n_head: int = 4
    """Attention heads (from scratch only)."""
    n_positions: int = 1024
    """Context length (from scratch only): families need ~260 tokens; HumanEval prompts are longer."""
    epochs: float = 24.0
    """Upper bound on passes over the training problems (the stopping rules may end sooner). 24
    for the shipped start: at 16 its pass@8 stood 23.0 points above greedy, at 24 29.2
    (``data/model/README.md``)."""
    max_steps: int | None = None
    """Stop after this many optimizer steps (``None``: ``epochs`` decides). The learning-rate
    schedule still spans ``epochs``, so setting it to a run's recorded ``steps`` replays a run
    that a time budget cut short, on any machine."""
    time_budget_min: float | None = 45.0
    """Stop training (and go to the final evaluation) once this many minutes have passed
    since the start. A guard for slow or shared machines; ``run.json`` says which rule stopped
    the run. ``None``: no limit."""
    batch_size: int = 16
    """Sequences per optimizer step (16: twice the updates of 32 for ~15% less throughput;
    with 32 the first shipped attempt had learnt the program shapes but not yet to copy the
    numbers from the statement)."""
    lr: float = 2.5e-3
    """Peak learning rate (AdamW)."""
    min_lr_ratio: float = 0.1
    """The cosine schedule decays to ``lr * min_lr_ratio``."""
    warmup_steps: int = 30
    """Linear warm-up steps."""
    weight_decay: float = 0.1
    """AdamW weight decay (on matrices only; not on biases, norms, embeddings' positions)."""
    grad_clip: float = 1.0
    """Clip the global gradient norm to this."""
    vary_examples: bool = True
    """Families, with ``fresh_params`` off: rebuild the training split with build seed ``epoch``
    every epoch. The problems and solutions stay the same but their random tests, and so the worked example
    printed in every statement, change; the model cannot recognise a problem by its example
    and has to read its parameters (without it the first attempts memorised the training
    problems and got the numbers of held-out ones wrong)."""
    prefix_fraction: float = 0.25
    """Fraction of examples in CCCS form: the prompt holds the solution's first lines."""
    fresh_params: bool = True
    """Families only: every epoch draws its training problems fresh (``families.fresh_problems``:
    each family's literal parameters from ranges wider than the grid, a random phrasing, never a
    held-out combination), as many as the training split holds. A model that cannot memorise the
    numbers must learn to copy them from the statement (with the grid alone, the first attempts
    wrote ``x % 9 == 2`` whatever the statement said). False: the training split itself."""
    mistake_rate: float = 0.8
    """Families only: the share of training problems whose solution in the corpus carries
    human mistakes (``families.corpus_solution``; each family declares its own, see
    ``families/mistakes.py``). Real corpora hold buggy code; a model trained on one makes some
    of its mistakes greedily and escapes them often when sampling, and the unit tests tell
    the two apart: the gap RL closes. 0 gives a clean corpus (the contrast run)."""
    mistakes_per_solution: int = 1
    """How many of its family's declared mistakes (1-3) a mistaken solution carries."""
    dead_code_rate: float = 0.0
    """Families only: the share of training problems whose solution in the corpus carries an
    unused helper, code the tests never run (``families.dead_code``). 0 for the shipped start;
    > 0 makes a start whose completions hold such code, where FGO should matter."""
    eval_every: int = 160
    """Steps between held-out evaluations (loss + greedy pass@1 on ``valid_data``), ~1 epoch."""
    stop_at_pass: float | None = None
    """Stop when greedy pass@1 on ``valid_data`` reaches this (``None``: run all epochs). The
    shipped start runs its whole schedule: its room for RL comes from the corpus's mistakes
    (``mistake_rate``), not from stopping early."""
    eval_max_new_tokens: int = 160
    """Generation budget when measuring pass@1 (the longest family solution is ~100 tokens)."""
    final_samples: int = 8
    """Samples per held-out problem for pass@1/4/8 at the end (temperature 0.8, top-p 0.95): set
    against greedy pass@1, a guide to what RL can reach (not a bound: RL from the shipped start
    ends above its pass@8)."""
    threads: int = 2
    """torch CPU threads. On an idle 2-core machine 2 threads train the tiny model at ~7,700
    tokens/s (5 Dec 2026); while other jobs hold a core, 1 thread is faster (earlier, 4 x 256:
    2,300 tok/s with 1 thread vs 970 with 2): ``--set threads=1``."""
    device: str = "auto"
    """``auto`` (cuda when available), or a torch device string."""
    lora: bool = False
    """Fine-tune LoRA adapters instead of all weights (``init_from`` models)."""
    max_seq_len: int = 1024
    """Examples longer than this are cut at the end of the target (counted and reported)."""
    out_dir: str = "runs/sft"
    """Where the checkpoint, loss curve and run.json go (``data/model`` to ship)."""


def sft_preset(name: str) -> SFTConfig:
    """``tiny``: the shipped CPU model (4 x 192 GPT-2, ~2.4M parameters, ~33 min on 2 idle cores).
    ``colab``: LoRA SFT of ``Qwen/Qwen2.5-Coder-0.5B-Instruct`` on a T4 (see ``model_preset('colab')``).
    ``gpu``: full SFT of ``Qwen/Qwen2.5-Coder-1.5B-Instruct`` in bfloat16."""
    if name == "tiny":
        return SFTConfig(out_dir="runs/sft-tiny")
    if name == "colab":
        return SFTConfig(init_from="Qwen/Qwen2.5-Coder-0.5B-Instruct", lora=True, lr=2e-4, epochs=1.0, batch_size=8,
                         warmup_steps=20, eval_every=100, out_dir="runs/sft-colab")
    if name == "gpu":
        return SFTConfig(init_from="Qwen/Qwen2.5-Coder-1.5B-Instruct", lr=1e-5, epochs=1.0, batch_size=16,
                         warmup_steps=20, eval_every=100, out_dir="runs/sft-gpu")
    raise ValueError(f"unknown SFT preset {name!r}; choose tiny, colab or gpu")


def config_from_flags(preset: str, overrides: Sequence[str] = ()) -> SFTConfig:
    """A preset with ``FIELD=VALUE`` overrides, parsed and type-checked by the ``train``
    command's parser (:func:`stepcoder_lite.config.set_fields`: JSON values, ``none`` = None).

    A bad preset, field, value or range raises :class:`~stepcoder_lite.errors.InputError` naming it."""
    try:
        config = sft_preset(preset)
    except ValueError as e:
        raise InputError(f"--preset {preset}: {e}") from None
    config = SFTConfig(**set_fields(asdict(config), SFTConfig, parse_assignments(overrides)))
    check_config(config)
    return config


def check_config(config: SFTConfig) -> None:
    """Raise :class:`~stepcoder_lite.errors.InputError` naming the first field out of its range
    (checked before any data or model loads, instead of failing inside the optimizer)."""
    at_least_1 = ("n_layer", "n_embd", "n_head", "n_positions", "vocab_size", "batch_size", "eval_every",
                  "eval_max_new_tokens", "final_samples", "max_seq_len")
    for name in at_least_1:
        if getattr(config, name) < 1:
            raise InputError(f"SFTConfig.{name} must be >= 1, got {getattr(config, name)}")
    ranges = {"epochs": (config.epochs > 0, "> 0"), "lr": (config.lr > 0, "> 0"), "grad_clip": (config.grad_clip > 0, "> 0"),
              "warmup_steps": (config.warmup_steps >= 0, ">= 0"), "weight_decay": (config.weight_decay >= 0, ">= 0"),
              "threads": (config.threads >= 0, ">= 0"), "min_lr_ratio": (0 <= config.min_lr_ratio <= 1, "in [0, 1]"),
              "prefix_fraction": (0 <= config.prefix_fraction <= 1, "in [0, 1]"),
              "max_steps": (config.max_steps is None or config.max_steps >= 1, "none or >= 1"),
              "time_budget_min": (config.time_budget_min is None or config.time_budget_min > 0, "none or > 0"),
              "stop_at_pass": (config.stop_at_pass is None or 0 <= config.stop_at_pass <= 1, "none or in [0, 1]"),
              "mistake_rate": (0 <= config.mistake_rate <= 1, "in [0, 1]"),
              "dead_code_rate": (0 <= config.dead_code_rate <= 1, "in [0, 1]"),
              "mistakes_per_solution": (1 <= config.mistakes_per_solution <= 3, "in 1..3")}
    for name, (ok, expected) in ranges.items():
        if not ok:
            raise InputError(f"SFTConfig.{name} must be {expected}, got {getattr(config, name)}")


# =========================================================================== data


@dataclass
class Example:
    problem_id: str
    prompt_ids: list[int]
    target_ids: list[int]


def make_example(problem, tokenizer, rng: random.Random | None, prefix_fraction: float, chat: bool,
                 solution: str | None = None) -> Example:
    """One training pair. With probability ``prefix_fraction`` (drawn from ``rng``) the prompt
    already holds the solution's first ``j`` lines (``1 <= j < lines``), the CCCS situation.
    ``solution``: the target program (default: the problem's reference, ``solutions[0]``)."""
    solution = problem.solutions[0] if solution is None else solution
    prefix = ""
    if rng is not None and prefix_fraction > 0 and rng.random() < prefix_fraction:
        lines = solution.splitlines(keepends=True)
        if len(lines) > 1:
            prefix = "".join(lines[: rng.randrange(1, len(lines))])
    prompt = build_prompt(problem, given_prefix=prefix, chat_template=tokenizer if chat else None)
    prompt_ids = tokenizer(prompt, add_special_tokens=not chat)["input_ids"]
    target_ids = tokenizer(sft_target(solution[len(prefix):]), add_special_tokens=False)["input_ids"]
    return Example(problem.id, list(prompt_ids), list(target_ids))


def collate(examples: Sequence[Example], pad_id: int, max_len: int) -> dict[str, torch.Tensor]:
    """Right-pad a batch. ``labels`` are the target ids, -100 on prompt and padding
    (transformers' loss then averages over target tokens only)."""
    seqs = [(e.prompt_ids + e.target_ids)[:max_len] for e in examples]
    T = max(len(s) for s in seqs)
    input_ids = torch.full((len(seqs), T), pad_id, dtype=torch.long)
    attention_mask = torch.zeros((len(seqs), T), dtype=torch.long)
    labels = torch.full((len(seqs), T), -100, dtype=torch.long)
    for b, (e, s) in enumerate(zip(examples, seqs)):
        input_ids[b, : len(s)] = torch.tensor(s)
        attention_mask[b, : len(s)] = 1
        P = len(e.prompt_ids)
        labels[b, P: len(s)] = torch.tensor(s[P:], dtype=torch.long)  # loss on the target only
    return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}


def epoch_batches(problems, tokenizer, config: SFTConfig, epoch: int, chat: bool) -> list[list[Example]]:
    """The batches of one epoch, a pure function of ``(seed, epoch)``: shuffle, then sort
    windows of 8 batches by length (less padding), then shuffle the batches. Targets are the
    corpus's solutions (``mistake_rate`` of the family problems carry mistakes, ``dead_code_rate``
    an unused helper)."""
    from stepcoder_lite.data.families import corpus_solution

    rng = random.Random(f"{config.seed}/{epoch}")
    order = list(range(len(problems)))
    rng.shuffle(order)
    examples = [make_example(problems[i], tokenizer, rng, config.prefix_fraction, chat,
                             corpus_solution(problems[i], config.mistake_rate, config.mistakes_per_solution, config.seed,
                                             config.dead_code_rate)[0])
                for i in order]
    window = config.batch_size * 8
    batches = []
    for w in range(0, len(examples), window):
        chunk = sorted(examples[w: w + window], key=lambda e: len(e.prompt_ids) + len(e.target_ids))
        batches += [chunk[i: i + config.batch_size] for i in range(0, len(chunk), config.batch_size)]
    rng.shuffle(batches)
    return batches


def problems_of_epoch(config: SFTConfig, epoch: int, train: Sequence[Any] | None = None) -> list[Any]:
    """The training problems of one epoch. For the families: with ``fresh_params``, as many
    problems as the training split holds, drawn fresh for ``(seed, epoch)``; else the training
    split itself, rebuilt with build seed ``epoch`` when ``vary_examples`` (new random tests, so a
    new worked example in every statement). Other sources: ``train`` as it is. Either way only
    training combinations ever reach the SFT stream: a held-out one never does (tested)."""
    from stepcoder_lite.data import load_source
    from stepcoder_lite.data.families import fresh_problems

    train = list(load_source(config.train_data)) if train is None else list(train)
    families = config.train_data.split(":")[0].strip().lower() == "families"
    if families and config.fresh_params:
        return fresh_problems(len(train), seed=config.seed, epoch=epoch)
    if families and config.vary_examples and epoch > 0:
        rebuilt = load_source(config.train_data, seed=epoch)  # same problems, new examples
        if [p.id for p in rebuilt] != [p.id for p in train]:
            raise RuntimeError("families split changed with the build seed")
        return list(rebuilt)
    return train


def lr_at(step: int, total: int, config: SFTConfig) -> float:
    """Linear warm-up, then cosine decay from ``lr`` to ``lr * min_lr_ratio``."""
    if step < config.warmup_steps:
        return config.lr * (step + 1) / config.warmup_steps
    progress = min(1.0, (step - config.warmup_steps) / max(1, total - config.warmup_steps))
    return config.lr * (config.min_lr_ratio + (1 - config.min_lr_ratio) * 0.5 * (1 + math.cos(math.pi * progress)))


@torch.no_grad()
def heldout_loss(model, batches, pad_id: int, max_len: int, device) -> float:
    """Mean target-token cross-entropy (nats) over held-out batches."""
    model.eval()
    total, count = 0.0, 0
    for batch in batches:
        b = {k: v.to(device) for k, v in collate(batch, pad_id, max_len).items()}
        n = int((b["labels"][:, 1:] != -100).sum())
        total += float(model(**b).loss) * n
        count += n
    model.train()
    return total / max(1, count)


# =========================================================================== training


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def train_sft(config: SFTConfig) -> dict[str, Any]:
    """Run SFT as described in the module docstring; returns the run summary (also ``run.json``)."""
    from tqdm.auto import tqdm

    from stepcoder_lite.data import load_source
    from stepcoder_lite.executor import Executor

    t_start = time.time()
    # every input is checked before anything is printed, seeded or written (a bad one: an InputError)
    check_config(config)
    train = load_source(config.train_data)
    valid = load_source(config.valid_data)
    test = load_source(config.test_data)
    if config.init_from is not None:
        resolve_model_path(config.init_from)
    _log(config_to_text(config))
    torch.manual_seed(config.seed)
    random.seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    device = "cuda" if config.device == "auto" and torch.cuda.is_available() else ("cpu" if config.device == "auto" else config.device)
    out_dir = Path(config.out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    _log(f"data: {len(train)} train / {len(valid)} valid / {len(test)} test problems")

    # ---- 2. tokenizer and model
    if config.init_from is None:
        texts = [build_prompt(p) + sft_target(p.solutions[0]) for p in train]
        tokenizer = train_tokenizer(texts, vocab_size=config.vocab_size)
        lm = tiny_gpt2(len(tokenizer), n_layer=config.n_layer, n_embd=config.n_embd, n_head=config.n_head,
                       n_positions=config.n_positions, eos_token_id=tokenizer.eos_token_id)
        policy = PolicyWithValueHead(lm).to(device)
        chat = False
    else:
        mcfg = ModelConfig(name_or_path=config.init_from, device=device, lora=config.lora)
        policy, tokenizer = load_policy(mcfg)
        chat = wants_chat_template(mcfg, tokenizer)
    lm = policy.policy
    n_params = count_parameters(lm)
    _log(f"tokenizer: {len(tokenizer)} tokens; model: {type(lm).__name__}, {n_params:,} parameters "
         f"({count_parameters(lm, trainable_only=True):,} trainable)")

    # ---- 3. data
    steps_per_epoch = math.ceil(len(train) / config.batch_size)
    schedule_steps = math.ceil(config.epochs * steps_per_epoch)  # the cosine schedule spans all epochs
    total_steps = schedule_steps if config.max_steps is None else min(schedule_steps, config.max_steps)
    # held-out loss against the clean references (no mistakes, no prefixes)
    valid_batches = epoch_batches(valid, tokenizer, replace(config, prefix_fraction=0.0, mistake_rate=0.0, dead_code_rate=0.0), epoch=-1, chat=chat)
    lengths = [len(e.prompt_ids) + len(e.target_ids) for b in epoch_batches(train, tokenizer, config, 0, chat) for e in b]
    too_long = sum(n > config.max_seq_len for n in lengths)
    _log(f"sequence length: mean {sum(lengths) / len(lengths):.0f}, max {max(lengths)} tokens; "
         f"{too_long} longer than max_seq_len={config.max_seq_len} (cut)")

    # ---- 4. optimizer: decay matrices only
    decay = [p for n, p in lm.named_parameters() if p.requires_grad and p.dim() >= 2]
    no_decay = [p for n, p in lm.named_parameters() if p.requires_grad and p.dim() < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
        lr=config.lr, betas=(0.9, 0.95),
    )
    use_amp = device.startswith("cuda")
    amp_dtype = torch.bfloat16 if use_amp and torch.cuda.is_bf16_supported() else torch.float16
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp and amp_dtype == torch.float16)

    history: list[dict[str, Any]] = []
    evals: list[dict[str, Any]] = []
    executor = Executor(workers=2)
    tokens_seen, train_time = 0, 0.0
    step, stopped_early, stopped_by = 0, False, "epochs"
    lm.train()
    bar = tqdm(total=total_steps, desc="sft", unit="step", file=sys.stderr, dynamic_ncols=True)
    try:
        epoch = 0
        while step < total_steps and not stopped_early:
            for batch in epoch_batches(problems_of_epoch(config, epoch, train), tokenizer, config, epoch, chat):
                if step >= total_steps:
                    break
                t0 = time.time()
                lr = lr_at(step, schedule_steps, config)
                for group in optimizer.param_groups:
                    group["lr"] = lr
                b = {k: v.to(device) for k, v in collate(batch, tokenizer.pad_token_id, config.max_seq_len).items()}
                with torch.autocast(device_type="cuda", dtype=amp_dtype, enabled=use_amp):
                    # transformers' causal-LM loss: mean over target tokens of -log p(x_t | x_<t)
                    loss = lm(**b).loss
                scaler.scale(loss).backward()
                scaler.unscale_(optimizer)
                grad_norm = torch.nn.utils.clip_grad_norm_(lm.parameters(), config.grad_clip)
                scaler.step(optimizer)
                scaler.update()
                optimizer.zero_grad(set_to_none=True)
                step += 1
                loss_value = loss.item()
                n_tokens = int(b["attention_mask"].sum())
                tokens_seen += n_tokens
                train_time += time.time() - t0
                history.append({"step": step, "epoch": round(step / steps_per_epoch, 3), "loss": round(loss_value, 5),
                                "lr": lr, "grad_norm": round(float(grad_norm), 4), "tokens": tokens_seen,
                                "elapsed_s": round(time.time() - t_start, 1)})
                bar.update(1)
                bar.set_postfix(loss=f"{loss_value:.3f}", tok_s=f"{tokens_seen / train_time:.0f}")

                if step % config.eval_every == 0 or step == total_steps:
                    record = {"step": step, "epoch": round(step / steps_per_epoch, 3),
                              "valid_loss": round(heldout_loss(lm, valid_batches, tokenizer.pad_token_id, config.max_seq_len, device), 5)}
                    summary, _ = evaluate_model(policy, tokenizer, valid, samples=1, max_new_tokens=config.eval_max_new_tokens,
                                                chat=chat, executor=executor, seed=config.seed)
                    record["valid_pass@1"] = round(summary["pass@1"], 4)
                    record["elapsed_s"] = round(time.time() - t_start, 1)
                    evals.append(record)
                    bar.write(f"step {step}: train loss {loss_value:.3f}, valid loss {record['valid_loss']:.3f}, "
                              f"valid greedy pass@1 {100 * record['valid_pass@1']:.1f}%", file=sys.stderr)
                    lm.train()
                    if config.stop_at_pass is not None and record["valid_pass@1"] >= config.stop_at_pass:
                        stopped_early, stopped_by = True, "stop_at_pass"
                        bar.write(f"valid pass@1 reached stop_at_pass={config.stop_at_pass}: stopping at step {step}", file=sys.stderr)
                        break
                if config.time_budget_min is not None and time.time() - t_start > 60 * config.time_budget_min:
                    stopped_early, stopped_by = True, "time_budget"
                    bar.write(f"time budget of {config.time_budget_min} min used: stopping at step {step} "
                              f"(replay with --set max_steps={step})", file=sys.stderr)
                    break
            epoch += 1
        bar.close()
        train_wall = time.time() - t_start

        # ---- 6. save, then the held-out numbers: every valid and test problem (what RL is scored on)
        lm.eval()
        heldout = list(valid) + list(test)
        _log(f"final evaluation on the {len(heldout)} held-out problems (valid + test) ...")
        greedy, greedy_records = evaluate_model(policy, tokenizer, heldout, samples=1, max_new_tokens=config.eval_max_new_tokens,
                                                chat=chat, executor=executor, seed=config.seed, batch_size=64)
        ks = sorted({1, min(4, config.final_samples), config.final_samples})
        sampled, _ = evaluate_model(policy, tokenizer, heldout, samples=config.final_samples, ks=ks,
                                    max_new_tokens=config.eval_max_new_tokens, chat=chat, executor=executor, seed=config.seed,
                                    batch_size=64)
    finally:
        executor.close()
    result = {
        "config": asdict(config),
        "command": " ".join(["python -m stepcoder_lite"] + sys.argv[1:]) if sys.argv and "stepcoder_lite" in sys.argv[0] else None,
        "parameters": n_params,
        "vocab_size": len(tokenizer),
        "steps": step,
        "epochs": round(step / steps_per_epoch, 3),
        "stopped_early": stopped_early,
        "stopped_by": stopped_by if stopped_early else ("max_steps" if step == config.max_steps else "epochs"),
        "tokens_seen": tokens_seen,
        "train_tokens_per_s": round(tokens_seen / max(train_time, 1e-9), 1),
        "train_wall_s": round(train_wall, 1),
        "wall_s": round(time.time() - t_start, 1),
        "final_train_loss": history[-1]["loss"] if history else None,
        "final_valid_loss": evals[-1]["valid_loss"] if evals else None,
        "evals": evals,
        "heldout_data": [config.valid_data, config.test_data],
        "heldout_greedy": greedy,
        "heldout_sampled": sampled,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
    }
    save_policy(policy, tokenizer, out_dir, extra=result)
    save_loss_curve(history, evals, out_dir)
    with open(out_dir / "heldout_greedy_samples.jsonl", "w") as f:
        for rec in greedy_records:
            f.write(json.dumps(rec) + "\n")
    _log(f"saved {out_dir} ({sum(f.stat().st_size for f in out_dir.iterdir()) / 1e6:.1f} MB); "
         f"held-out greedy pass@1 {100 * greedy['pass@1']:.1f}%, sampled "
         + ", ".join(f"pass@{k} {100 * sampled[f'pass@{k}']:.1f}%" for k in ks)
         + f" (T={sampled['temperature']}); wall {result['wall_s']:.0f} s")
    return result


def save_loss_curve(history: list[dict[str, Any]], evals: list[dict[str, Any]], out_dir: Path) -> None:
    """``loss_curve.csv`` (every step) + ``evals.csv`` + ``loss_curve.png`` (when matplotlib is installed)."""
    out_dir = Path(out_dir)
    for name, rows in (("loss_curve.csv", history), ("evals.csv", evals)):
        if rows:
            with open(out_dir / name, "w", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        _log("matplotlib is not installed: loss_curve.png skipped (the CSV has the numbers)")
        return
    from stepcoder_lite import plots

    fig = plots.sft_curves(history, evals)
    fig.savefig(out_dir / "loss_curve.png")
    plt.close(fig)
