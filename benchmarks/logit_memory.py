"""How much memory does one PPO micro-batch's log-prob pass take, with and without ``logit_chunk``?

The update of a big preset runs, per micro-batch, the policy forward over prompt + completion,
the LM head over the completion tokens, ``log pi(x_t)``, the entropy, and the backward
(``stepcoder_lite.model.completion_logprobs_and_values``). With Qwen's 151,936-token vocabulary
the logits are the biggest tensors of the step: 4 rows x 512 completion tokens are 1.2 GB per
float32 copy. ``TrainConfig.logit_chunk`` computes them a piece at a time and again in the
backward. This script measures what that changes, at a preset's own micro-batch shape, on a
randomly initialised model of Qwen2.5-Coder-1.5B's width and vocabulary (``big_presets.py``
has the architecture) with fewer decoder layers: the logits do not depend on the depth.

Each setting runs in its own process (``--one``): the model is built and set up as the preset
sets it (colab: LoRA r=16 on every linear layer and gradient checkpointing; gpu: every weight
trained), then the peak is reset and one forward + backward of a micro-batch of random tokens
runs. The peak is read from the kernel (``VmHWM`` of ``/proc/self/status``, reset through
``/proc/self/clear_refs`` before the pass) on CPU, or ``torch.cuda.max_memory_allocated`` on
a GPU; "pass" is the peak minus the memory held before the pass (model, adapters, runtime).

On CPU, run it with ``MALLOC_MMAP_THRESHOLD_=65536`` in the environment (recorded in each
entry): glibc's default threshold grows to 32 MB after the first big free, so freed tensors
below it stay in its heap and the peak RSS counts them (``results/logit_memory/`` has both)::

    python benchmarks/logit_memory.py                          # colab shape, chunk 0 and 1024
    python benchmarks/logit_memory.py --preset gpu --chunks 0 1024 --layers 1

Results: ``--report`` (default ``benchmarks/results/logit_memory/results.json``), one entry
per setting, keyed by its name; a markdown table is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
DEFAULT_REPORT = REPO / "benchmarks" / "results" / "logit_memory" / "results.json"
PROMPT_TOKENS = 256  # the colab preset's documented prompt allowance in the update (big_presets.py)


def rss_gb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak since the last reset) of this process, in GB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024 / 1e9
    raise RuntimeError(f"no {field} in /proc/self/status")


def measure(preset: str, chunk: int, layers: int, rows: int | None, new_tokens: int | None, dtype: str,
            threads: int) -> dict:
    """One micro-batch's log-prob pass (forward + backward) of ``preset``'s update, in this process."""
    import torch
    from transformers import AutoModelForCausalLM

    from big_presets import QWEN25_CODER_15B, preset_config, qwen2_config
    from stepcoder_lite.model import PolicyWithValueHead, completion_logprobs_and_values, count_parameters, wrap_with_lora

    torch.set_num_threads(threads)
    cfg = preset_config(preset)
    rows = rows or cfg.micro_batch_size
    new_tokens = new_tokens or cfg.max_new_tokens
    cuda = torch.cuda.is_available()
    device = "cuda" if cuda else "cpu"
    torch_dtype = getattr(torch, cfg.model.dtype if dtype == "preset" else dtype)
    torch.manual_seed(0)
    lm = AutoModelForCausalLM.from_config(qwen2_config(QWEN25_CODER_15B, layers, eos_id=0)).to(torch_dtype)
    if cfg.model.lora:
        lm = wrap_with_lora(lm, cfg.model)
    if cfg.model.gradient_checkpointing:
        lm.gradient_checkpointing_enable()
    policy = PolicyWithValueHead(lm).to(device).train()
    T = PROMPT_TOKENS + new_tokens
    ids = torch.randint(0, QWEN25_CODER_15B["vocab_size"], (rows, T), device=device)
    mask = torch.ones_like(ids)

    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
        before = torch.cuda.memory_allocated() / 1e9
    else:
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS
        before = rss_gb("VmRSS")
    t0 = time.perf_counter()
    logprobs, values, entropy = completion_logprobs_and_values(policy, ids, mask, PROMPT_TOKENS, cfg.temperature,
                                                               with_entropy=True, share_prompts=cfg.share_prompts,
                                                               logit_chunk=chunk, entropy_grad=cfg.ppo.ent_coef != 0.0)
    loss = -logprobs.mean() + values.pow(2).mean() - cfg.ppo.ent_coef * entropy.mean()  # as the update's terms
    loss.backward()
    if cuda:
        torch.cuda.synchronize()
        peak = torch.cuda.max_memory_allocated() / 1e9
    else:
        peak = rss_gb("VmHWM")
    return {
        "preset": preset, "logit_chunk": chunk, "layers": layers, "rows": rows, "prompt_tokens": PROMPT_TOKENS,
        "new_tokens": new_tokens, "dtype": str(torch_dtype).removeprefix("torch."), "device": device,
        "card": torch.cuda.get_device_name() if cuda else platform.processor() or platform.machine(),
        "lora": cfg.model.lora, "gradient_checkpointing": cfg.model.gradient_checkpointing,
        "parameters": count_parameters(lm), "trainable": count_parameters(lm, trainable_only=True),
        "threads": threads, "pass_s": round(time.perf_counter() - t0, 2),
        "held_before_gb": round(before, 3), "peak_gb": round(peak, 3), "pass_gb": round(peak - before, 3),
        "logits_one_copy_gb": round(rows * new_tokens * QWEN25_CODER_15B["vocab_size"] * 4 / 1e9, 3),
        "malloc_mmap_threshold": int(os.environ.get("MALLOC_MMAP_THRESHOLD_", 0)) or None,
    }


def name(r: dict) -> str:
    mmap = f"-mmap{r['malloc_mmap_threshold']}" if r.get("malloc_mmap_threshold") else ""
    return (f"{r['preset']}-L{r['layers']}-{r['rows']}x{r['prompt_tokens']}+{r['new_tokens']}-{r['dtype']}"
            f"-chunk{r['logit_chunk']}{mmap}")


def table(entries: list[dict]) -> str:
    lines = ["| setting | logit_chunk | glibc | pass | peak | held before | one float32 copy of the logits | pass time |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    for r in entries:
        setting = (f"{r['preset']}, {r['layers']} layer(s), {r['rows']} x ({r['prompt_tokens']} + {r['new_tokens']}) "
                   f"tokens, {r['dtype']}, {r['device']}")
        glibc = f"mmap threshold {r['malloc_mmap_threshold']}" if r.get("malloc_mmap_threshold") else "default"
        lines.append(f"| {setting} | {r['logit_chunk']} | {glibc} | {r['pass_gb']:.2f} GB | {r['peak_gb']:.2f} GB | "
                     f"{r['held_before_gb']:.2f} GB | {r['logits_one_copy_gb']:.2f} GB | {r['pass_s']:.1f} s |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--preset", default="colab", choices=["colab", "gpu"])
    p.add_argument("--chunks", type=int, nargs="+", default=[0, 1024], help="logit_chunk values to compare")
    p.add_argument("--layers", type=int, default=2, help="decoder layers of the random model (real width and vocabulary)")
    p.add_argument("--rows", type=int, default=None, help="micro-batch rows (default: the preset's micro_batch_size)")
    p.add_argument("--new-tokens", type=int, default=None, help="completion tokens per row (default: the preset's max_new_tokens)")
    p.add_argument("--dtype", default="float32", help="float32 (default; CPUs emulate half precision), bfloat16, float16 or preset")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--report", default=str(DEFAULT_REPORT))
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # the child: one setting, JSON on stdout
    args = p.parse_args(argv)

    if args.one:
        print(json.dumps(measure(args.preset, args.chunks[0], args.layers, args.rows, args.new_tokens, args.dtype,
                                 args.threads)))
        return 0
    report = Path(args.report)
    entries = {e["name"]: e for e in json.loads(report.read_text())["runs"]} if report.exists() else {}
    new = []
    for chunk in args.chunks:
        cmd = [sys.executable, __file__, "--one", "--preset", args.preset, "--chunks", str(chunk), "--layers",
               str(args.layers), "--dtype", args.dtype, "--threads", str(args.threads)]
        cmd += ["--rows", str(args.rows)] if args.rows else []
        cmd += ["--new-tokens", str(args.new_tokens)] if args.new_tokens else []
        done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "TOKENIZERS_PARALLELISM": "false"})
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return done.returncode
        r = json.loads(done.stdout.strip().splitlines()[-1])
        import torch
        import transformers
        r.update(name=name(r), date=time.strftime("%Y-%m-%d"), command=" ".join(["python", "benchmarks/logit_memory.py"]
                 + (argv if argv is not None else sys.argv[1:])), torch=torch.__version__,
                 transformers=transformers.__version__, cpus=os.cpu_count())
        entries[r["name"]] = r
        new.append(r)
        print(table([r]).splitlines()[-1], flush=True)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps({"runs": sorted(entries.values(), key=lambda e: e["name"])}, indent=2) + "\n")
    print(table(new))
    return 0


if __name__ == "__main__":
    sys.exit(main())
