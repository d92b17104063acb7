"""Do the big presets run? One iteration of `train --preset colab` / `--preset gpu`, on CPU, offline.

The colab and gpu presets start from ``Qwen/Qwen2.5-Coder-1.5B-Instruct``, which cannot be
downloaded here. This script builds a **randomly initialised model of the same architecture**
(``Qwen2Config`` with the real model's values, below), saves it with a tokenizer into a scratch
folder, and runs the real command line on it, one process per preset::

    python -m stepcoder_lite train --preset colab --model SCRATCH/model --iterations 1 --no-eval \\
        --out SCRATCH/run-colab --dataset bundled:train --set model.dtype=float32 ...

It records, per preset: the wall seconds of each phase of the iteration (``time/...`` in the
run's ``metrics.jsonl``), the run's whole wall time, the peak resident memory of the training
process (``ru_maxrss`` from ``os.wait4``: that process and the executor workers it waited
for), and beside them the preset's own memory estimate
(:func:`stepcoder_lite.model.estimate_training_memory_gb`) for the card it targets, and the same
formula evaluated at the shape that actually ran.

What differs from a real run, on purpose (every item is recorded in the report):

* **tokenizer**: there is no Qwen tokenizer offline, so the project's own (``data/model/``,
  2,048 tokens) is saved beside the model. The model keeps Qwen's 151,936-row embedding and
  output layer: memory and compute are set by the embedding size, not by the tokenizer; ids
  past 2,048 decode to nothing. The prompts are tokenized by our tokenizer and go without the
  chat template.
* **no end of code**: a random model never writes the end-of-code marker, so every completion
  runs to ``max_new_tokens``: the longest iteration the preset can have.
* **dtype**: float32 by default. On the 2-core AVX-512 CPU this was written on, a
  1536 x 8960 matmul of 1,024 rows took 0.39 s in float32, 1.0 s in bfloat16 and 10.6 s in
  float16 (no native half-precision kernels), so the presets' float16 / bfloat16 would measure
  the CPU's emulation, not the preset. ``--dtype preset`` keeps the preset's own.
* **scale**: ``--layers`` (a proportionally smaller model: the real width and vocabulary,
  fewer decoder layers), ``--problems``, ``--samples`` and ``--max-new-tokens`` shrink the
  iteration; the report says exactly what ran. Full size (the defaults) takes hours on 2 CPU
  cores, and the gpu preset's full fine-tuning (weights, reference copy, gradients, Adam) needs
  about 31 GB in float32.
* **data**: the bundled hand-written APPS-shaped set (``bundled:train``) instead of
  ``apps:train`` from the Hugging Face hub.

    python benchmarks/big_presets.py --tiny-check                      # the whole path, tiny Qwen2, < 1 min
    python benchmarks/big_presets.py --preset colab --layers 2 --problems 1 --samples 2 --max-new-tokens 32
    python benchmarks/big_presets.py --preset colab gpu                # full size: for a big machine

Results: ``--report`` (default ``benchmarks/results/big_presets/results.json``; ``--tiny-check``:
the scratch folder) holds one entry per run, keyed by its name (a rerun replaces its entry);
a markdown table of every entry is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REPORT = REPO / "benchmarks" / "results" / "big_presets" / "results.json"

# Qwen/Qwen2.5-Coder-1.5B-Instruct's config.json (the Hugging Face model card: 1.54B parameters,
# 28 layers, 12 query / 2 KV heads, tied embeddings, RoPE, SwiGLU, RMSNorm, QKV bias)
QWEN25_CODER_15B = dict(
    vocab_size=151936,
    hidden_size=1536,
    intermediate_size=8960,
    num_hidden_layers=28,
    num_attention_heads=12,
    num_key_value_heads=2,
    hidden_act="silu",
    max_position_embeddings=32768,
    max_window_layers=21,
    rope_theta=1000000.0,
    rms_norm_eps=1e-6,
    tie_word_embeddings=True,
    use_sliding_window=False,
    attention_dropout=0.0,
    initializer_range=0.02,
)
# --tiny-check: the same architecture, a few layers of a small width
TINY_QWEN2 = dict(QWEN25_CODER_15B, vocab_size=2048, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                  num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048, max_window_layers=2)

# The card each preset targets, and the prompt allowances of the estimate: the colab preset's
# documented budget (model_preset("colab"), notebook 03) is a PPO micro-batch of 256 prompt +
# 512 new tokens and sampling rows of 512 prompt + 512 new tokens; the gpu preset gets the same
# allowances on top of its own max_new_tokens.
CARDS = {"colab": ("T4", 16.0), "gpu": ("A100/H100 80 GB", 80.0)}
UPDATE_PROMPT_TOKENS, SAMPLE_PROMPT_TOKENS = 256, 512
PHASES = ("generate", "reference", "execute", "execute_wait", "score", "update", "iteration")


# --------------------------------------------------------------------------- the model


def qwen2_config(shape: dict, layers: int | None, eos_id: int):
    """A ``Qwen2Config`` of ``shape``, with ``layers`` decoder layers (``None``: the shape's own)."""
    from transformers import Qwen2Config

    values = dict(shape)
    if layers is not None:
        values["num_hidden_layers"] = layers
        values["max_window_layers"] = min(values["max_window_layers"], layers)
    # the saved tokenizer's end-of-text id: Qwen's own (151643 / 151645) would be ids no token has
    return Qwen2Config(**values, bos_token_id=eos_id, eos_token_id=eos_id, pad_token_id=eos_id)


def count_shape(config, lora: bool) -> tuple[int, int]:
    """(parameters, trainable parameters) of a model of ``config`` built on the meta device
    (no memory): all of them, or its LoRA adapters with the colab preset's LoRA settings."""
    import torch
    from transformers import AutoModelForCausalLM

    from stepcoder_lite.model import count_parameters, model_preset, wrap_with_lora

    with torch.device("meta"):
        lm = AutoModelForCausalLM.from_config(config)
        n = count_parameters(lm)
        if not lora:
            return n, n
        lm = wrap_with_lora(lm, model_preset("colab"))
        return n, count_parameters(lm, trainable_only=True)


def build_model(folder: Path, config, seed: int = 0) -> dict:
    """A randomly initialised ``config`` model + the shipped tokenizer, saved in ``folder``."""
    import torch
    from transformers import AutoModelForCausalLM

    from stepcoder_lite.model import count_parameters, load_tokenizer

    t0 = time.perf_counter()
    torch.manual_seed(seed)
    lm = AutoModelForCausalLM.from_config(config)  # float32, random
    n = count_parameters(lm)
    lm.save_pretrained(folder)
    load_tokenizer("tiny").save_pretrained(folder)
    del lm
    return {"parameters": n, "build_s": round(time.perf_counter() - t0, 1),
            "disk_gb": round(sum(f.stat().st_size for f in folder.iterdir()) / 1e9, 3)}


# --------------------------------------------------------------------------- one run


def preset_config(preset: str):
    """The preset's TrainConfig (whatever module holds the presets, the CLI's resolver builds it)."""
    from stepcoder_lite import trainer

    return trainer.config_from_flags(preset, {})


def run_preset(preset: str, model_dir: Path, out: Path, args, timeout_s: float | None) -> dict:
    """``train --preset PRESET`` for one iteration in its own process; its phases, wall time and peak RSS."""
    base = preset_config(preset)
    problems = args.problems or base.problems_per_iteration
    samples = args.samples or base.samples_per_problem
    tokens = args.max_new_tokens or base.max_new_tokens
    dtype = base.model.dtype if args.dtype == "preset" else args.dtype
    sets = {"model.dtype": dtype, "problems_per_iteration": problems, "samples_per_problem": samples,
            "max_new_tokens": tokens, "threads": args.threads, "tensorboard": False}
    cmd = [sys.executable, "-m", "stepcoder_lite", "train", "--preset", preset, "--model", str(model_dir),
           "--iterations", "1", "--no-eval", "--no-progress", "--out", str(out), "--dataset", args.dataset]
    for key, value in sets.items():
        cmd += ["--set", f"{key}={value}"]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    if args.mmap_threshold:  # glibc then returns every freed tensor to the kernel: peak RSS ~ the live peak
        env["MALLOC_MMAP_THRESHOLD_"] = str(args.mmap_threshold)
    log_path = out.parent / f"{out.name}.log"
    print(f"[{preset}] {' '.join(cmd[1:])}", flush=True)
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = None if timeout_s is None else t0 + timeout_s
        while True:  # os.wait4: this child's own resource usage (ru_maxrss), not every child's
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = log_path.read_text().splitlines()[-15:]
        raise RuntimeError(f"[{preset}] train exited {proc.returncode} after {wall:.0f} s; {log_path}:\n" + "\n".join(tail))
    row = json.loads((out / "metrics.jsonl").read_text().splitlines()[0])
    summary = json.loads((out / "summary.json").read_text())
    return {
        "command": cmd[1:],
        "run": {"problems_per_iteration": problems, "samples_per_problem": samples, "max_new_tokens": tokens,
                "dtype": dtype, "dataset": args.dataset, "threads": args.threads,
                "micro_batch_size": base.micro_batch_size, "sample_batch_size": base.sample_batch_size,
                "lora": base.model.lora, "gradient_checkpointing": base.model.gradient_checkpointing,
                "logit_chunk": base.logit_chunk, "malloc_mmap_threshold": args.mmap_threshold},
        "preset_values": {"problems_per_iteration": base.problems_per_iteration, "samples_per_problem": base.samples_per_problem,
                          "max_new_tokens": base.max_new_tokens, "dtype": base.model.dtype, "dataset": base.dataset},
        "time_s": {p: row.get(f"time/{p}") for p in PHASES},
        "wall_s": round(wall, 1),
        "outside_iteration_s": round(wall - row["time/iteration"], 1),  # start-up, model load, checkpoint, export
        "summary_wall_s": summary["wall_time_s_this_process"],
        "peak_rss_gb": round(usage.ru_maxrss * 1024 / 1e9, 2),  # Linux: ru_maxrss in KiB
        # CPU seconds of the process (user + system; its executor workers' too): on shared, busy cores
        # the wall times above stretch with the other jobs' load, the CPU seconds much less
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "unfinished": row["unfinished"],  # share of samples that hit max_new_tokens (1.0 for a random model)
        "response_length": row.get("response_length"),
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


# --------------------------------------------------------------------------- estimates


def estimates(preset: str, full: tuple[int, int], ran_shape: dict, ran: tuple[int, int], result: dict) -> dict:
    """The preset's estimate for its card (the real 1.5B model, the preset's dtype and batch shapes)
    and the same formula at the shape that ran (``ran_shape``: its width, layers, vocabulary)."""
    from stepcoder_lite.model import estimate_training_memory_gb

    base = preset_config(preset)
    shape = QWEN25_CODER_15B

    def kv_dim(s: dict) -> int:  # KV heads x head size: what one token adds to the cache per layer (K or V)
        return s["num_key_value_heads"] * s["hidden_size"] // s["num_attention_heads"]

    bytes_of = {"float32": 4, "bfloat16": 2, "float16": 2}
    card_name, card_gb = CARDS[preset]
    target_args = dict(n_params=full[0], n_layers=shape["num_hidden_layers"], hidden=shape["hidden_size"],
                       vocab=shape["vocab_size"], kv_dim=kv_dim(shape), weight_bytes=bytes_of[base.model.dtype],
                       trainable_params=full[1], micro_batch=base.micro_batch_size,
                       # LoRA adapters: float32 weight, grad, Adam m, v; full fine-tuning: grad, m, v in the
                       # weights' dtype (plain AdamW) and a frozen reference copy
                       trainable_bytes=16 if base.model.lora else 3 * bytes_of[base.model.dtype],
                       reference_copy=not base.model.lora,
                       seq_len=UPDATE_PROMPT_TOKENS + base.max_new_tokens, sample_batch=base.sample_batch_size,
                       sample_len=SAMPLE_PROMPT_TOKENS + base.max_new_tokens,
                       checkpointing=base.model.gradient_checkpointing, logit_chunk=base.logit_chunk)
    run = result["run"]
    rows = run["problems_per_iteration"] * run["samples_per_problem"]
    ran_args = dict(target_args, n_params=ran[0], n_layers=ran_shape["num_hidden_layers"], hidden=ran_shape["hidden_size"],
                    vocab=ran_shape["vocab_size"], kv_dim=kv_dim(ran_shape), weight_bytes=bytes_of[run["dtype"]],
                    trainable_params=ran[1], micro_batch=min(run["micro_batch_size"], rows),
                    trainable_bytes=16 if run["lora"] else 3 * bytes_of[run["dtype"]],
                    seq_len=UPDATE_PROMPT_TOKENS + run["max_new_tokens"], sample_batch=min(run["sample_batch_size"], rows),
                    sample_len=SAMPLE_PROMPT_TOKENS + run["max_new_tokens"], logit_chunk=run.get("logit_chunk", 0))
    return {
        "target_card": card_name, "target_card_gb": card_gb,
        "estimate_target_gb": estimate_training_memory_gb(**target_args), "estimate_target_args": target_args,
        "estimate_as_run_gb": estimate_training_memory_gb(**ran_args), "estimate_as_run_args": ran_args,
    }


# --------------------------------------------------------------------------- report


def run_name(preset: str, layers: int, run: dict, tiny: bool) -> str:
    scale = "tiny-check" if tiny else f"L{layers}"
    mmap = f"-mmap{run['malloc_mmap_threshold']}" if run.get("malloc_mmap_threshold") else ""
    return f"{preset}-{scale}-{run['problems_per_iteration']}x{run['samples_per_problem']}x{run['max_new_tokens']}-{run['dtype']}{mmap}"


def write_report(path: Path, entries: list[dict]) -> list[dict]:
    """Merge ``entries`` into the report at ``path`` (same name: replaced); every entry, sorted."""
    old = json.loads(path.read_text())["runs"] if path.exists() else []
    merged = {e["name"]: e for e in old} | {e["name"]: e for e in entries}
    runs = [merged[k] for k in sorted(merged)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"runs": runs}, indent=2) + "\n")
    return runs


def table(runs: list[dict]) -> str:
    lines = ["| run | layers / params | problems x samples x tokens | dtype | generate | reference | execute (hidden) | update "
             "| iteration | process wall (CPU s) | peak RSS (measured) | formula as run | preset estimate on its card |",
             "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for e in runs:
        t, run = e["time_s"], e["run"]
        lines.append(
            f"| {e['name']} | {e['layers']} / {e['parameters'] / 1e6:,.1f}M | {run['problems_per_iteration']} x "
            f"{run['samples_per_problem']} x {run['max_new_tokens']} | {run['dtype']} | {t['generate']:.1f} s | "
            f"{t['reference']:.1f} s | {t['execute']:.1f} s ({t['execute'] - t['execute_wait']:.1f}) | {t['update']:.1f} s | "
            f"{t['iteration']:.1f} s | {e['wall_s']:.0f} s ({e.get('cpu_s', float('nan')):.0f}) | {e['peak_rss_gb']:.2f} GB | {e['estimate_as_run_gb']['total']:.2f} GB | "
            f"{e['estimate_target_gb']['total']:.1f} GB ({e['target_card']}) |")
    return "\n".join(lines)


def environment() -> dict:
    import torch
    import transformers

    try:
        import peft
        peft_version = peft.__version__
    except ImportError:
        peft_version = None
    return {"date": time.strftime("%Y-%m-%d %H:%M"), "python": platform.python_version(), "torch": torch.__version__,
            "transformers": transformers.__version__, "peft": peft_version, "cpu_count": os.cpu_count(),
            "cpu": platform.processor() or platform.machine(), "cpu_capability": torch.backends.cpu.get_cpu_capability()}


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--preset", nargs="+", default=["colab", "gpu"], choices=["colab", "gpu"], help="presets to run (default both)")
    p.add_argument("--layers", type=int, default=None, help="decoder layers of the random model (default: the real 28)")
    p.add_argument("--problems", type=int, default=None, help="problems per iteration (default: the preset's)")
    p.add_argument("--samples", type=int, default=None, help="samples per problem (default: the preset's; must divide ppo.minibatch_size)")
    p.add_argument("--max-new-tokens", type=int, default=None, help="tokens per completion (default: the preset's)")
    p.add_argument("--dtype", default="float32", choices=["float32", "bfloat16", "float16", "preset"],
                   help="model dtype on CPU (default float32: half precision is emulated and slow there; preset: the preset's own)")
    p.add_argument("--dataset", default="bundled:train", help="training problems, a load_source spec (default bundled:train)")
    p.add_argument("--threads", type=int, default=None, help="torch threads of the training process (default 2; --tiny-check 1)")
    p.add_argument("--tiny-check", action="store_true", help="a tiny Qwen2 (2 layers, width 64), 1 problem x 2 samples x 8 tokens: the whole path in < 1 min")
    p.add_argument("--scratch", default=None, help="where the model and the runs go (default: a new folder under the temp dir, removed at the end)")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder")
    p.add_argument("--report", default=None, help=f"the JSON report to merge into (default {DEFAULT_REPORT.relative_to(REPO)}; --tiny-check: the scratch folder)")
    p.add_argument("--timeout", type=float, default=None, help="kill a training process after this many seconds")
    p.add_argument("--mmap-threshold", type=int, default=None, metavar="BYTES",
                   help="MALLOC_MMAP_THRESHOLD_ of the training process (e.g. 65536). glibc otherwise keeps freed "
                        "tensors under its dynamic threshold (up to 32 MB) in its heap, and the peak RSS counts them: "
                        "set it to measure the live peak")
    p.add_argument("--recompute-estimates", action="store_true",
                   help="runs nothing: evaluate the memory formula again for every entry of --report (the shapes it "
                        "recorded, the presets as they are now) and print the table")
    args = p.parse_args(argv)
    if args.recompute_estimates:
        report = Path(args.report) if args.report else DEFAULT_REPORT
        runs = json.loads(report.read_text())["runs"]
        for e in runs:
            full = (e["full_size_parameters"], e["full_size_trainable_parameters"])
            e.update(estimates(e["preset"], full, e["model_shape"], (e["parameters"], e["trainable_parameters"]), e))
        print(table(write_report(report, runs)))
        return 0
    if args.tiny_check:
        args.problems, args.samples, args.max_new_tokens = args.problems or 1, args.samples or 2, args.max_new_tokens or 8
        args.threads = args.threads or 1  # a tiny model: a second thread only waits (and on busy cores, much longer)
    args.threads = args.threads or 2
    shape = TINY_QWEN2 if args.tiny_check else QWEN25_CODER_15B
    layers = args.layers or shape["num_hidden_layers"]

    scratch = Path(args.scratch) if args.scratch else Path(tempfile.mkdtemp(prefix="big_presets-"))
    scratch.mkdir(parents=True, exist_ok=True)
    report = Path(args.report) if args.report else (scratch / "results.json" if args.tiny_check else DEFAULT_REPORT)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import transformers

        from stepcoder_lite.model import load_tokenizer

        transformers.logging.disable_progress_bar()  # no "Writing model shards" bar in the log
        eos_id = load_tokenizer("tiny").eos_token_id
        config = qwen2_config(shape, layers, eos_id)
        real_config = qwen2_config(QWEN25_CODER_15B, None, eos_id)  # what the preset loads: its estimate's model
        model_dir = scratch / f"qwen2-random-L{layers}-h{shape['hidden_size']}"
        built = build_model(model_dir, config)
        print(f"model: {built['parameters']:,} parameters, {layers} layers, hidden {shape['hidden_size']}, "
              f"vocab {shape['vocab_size']:,}; built and saved in {built['build_s']} s ({built['disk_gb']} GB) in {model_dir}", flush=True)
        entries = []
        for preset in args.preset:
            lora = preset_config(preset).model.lora
            full, ran = count_shape(real_config, lora), count_shape(config, lora)
            out = scratch / f"run-{preset}"
            if out.exists():
                shutil.rmtree(out)
            result = run_preset(preset, model_dir, out, args, args.timeout)
            name = run_name(preset, layers, result["run"], args.tiny_check)
            entry = {"name": name, "preset": preset, "tiny_check": args.tiny_check, "scaled": args.tiny_check or layers != shape["num_hidden_layers"]
                     or any(result["run"][k] != result["preset_values"][k] for k in ("problems_per_iteration", "samples_per_problem", "max_new_tokens", "dtype")),
                     "layers": layers, "parameters": ran[0], "trainable_parameters": ran[1],
                     "full_size_parameters": full[0], "full_size_trainable_parameters": full[1],
                     "model_shape": {k: v for k, v in dict(config.to_dict()).items() if k in shape},
                     "model_build": built, "tokenizer": "data/model (2,048 tokens; the model keeps its vocab_size rows)",
                     **result, **estimates(preset, full, config.to_dict(), ran, result), "environment": environment(),
                     "benchmark_command": ["benchmarks/big_presets.py", *(argv if argv is not None else sys.argv[1:])]}
            entries.append(entry)
            t = result["time_s"]
            print(f"[{preset}] iteration {t['iteration']:.1f} s (generate {t['generate']:.1f}, reference {t['reference']:.1f}, "
                  f"update {t['update']:.1f}); process {result['wall_s']:.0f} s; peak RSS {result['peak_rss_gb']:.2f} GB; "
                  f"preset's estimate, full size on a {entry['target_card']}: {entry['estimate_target_gb']['total']:.1f} GB", flush=True)
        runs = write_report(report, entries)
        print(f"\nwrote {report}\n")
        print(table(runs))
    finally:
        if not args.keep and not args.scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
