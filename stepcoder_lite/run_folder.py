"""The run folder on disk: checkpoints written atomically, the books a resume trims, the summary's
CSV and plots. The trainer decides *what* to save; this module decides how it reaches the disk
so that a run killed at any moment can be resumed exactly.

=========================  ================================================================
file                       written by
=========================  ================================================================
config.json                ``write_text_atomic`` at the start (a resume reads it)
metrics.jsonl, samples.md  the trainer, appended every iteration; ``drop_books_after``
                           trims them back to the checkpoint a resume continues from
checkpoints/step_NNNNNN/   ``write_checkpoint``: policy.pt, optimizer.pt, rng.pt
                           (+ rng_ranks.pt), state.json, metrics.jsonl
metrics.csv, plots/        ``write_metrics_csv``, ``write_plots`` at the end
=========================  ================================================================

A checkpoint holds everything needed to continue exactly: trainable weights (value head
included), optimizer state, curriculum state, KL controller, every RNG state (Python, numpy,
torch, the sampler's and the minibatch shuffler's generators), the problem order, the step
and the metrics written so far (data-parallel: every rank's RNG states, in ``rng_ranks.pt``;
resume with the same number of processes). A checkpoint folder is written under a hidden
temporary name, every file fsynced, then renamed into place: a run killed at any moment leaves
only complete checkpoints behind.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import torch

from stepcoder_lite.config import RESUMABLE_CHANGES, TrainConfig, config_differences
from stepcoder_lite.errors import RunSetupError

CHECKPOINT_DIR = "checkpoints"
STATE_FILE = "state.json"


# =========================================================================== durable writes


def _fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (its entry, not only the file's bytes)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())


def _save_synced(obj: Any, path: Path) -> None:
    """``torch.save`` whose bytes are on disk before the checkpoint folder is renamed into place."""
    with open(path, "wb") as f:
        torch.save(obj, f)
        f.flush()
        os.fsync(f.fileno())


def write_text_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a reader (a resumed run) sees the old file or the
    new one, never half of it: write a temporary sibling, fsync, rename."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    _write_synced(tmp, text)
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _discard(folder: Path) -> None:
    """Delete a checkpoint folder without ever leaving a half-deleted ``step_*`` behind: rename
    it out of those names first (a kill during rmtree leaves only a hidden ``.old_`` folder)."""
    trash = folder.with_name(f".old_{folder.name}_{os.getpid()}")
    os.replace(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)


# =========================================================================== checkpoints


def write_checkpoint(root: Path, step: int, tensors: dict[str, Any], state: dict[str, Any],
                     metrics_rows: list[dict[str, Any]], keep: int) -> Path:
    """Write ``root/step_NNNNNN``: each ``tensors[name]`` as ``name`` (``torch.save``), ``state``
    as ``state.json``, the metrics so far as ``metrics.jsonl``; keep the newest ``keep`` checkpoints.

    Every file goes into a hidden temporary folder and is fsynced; then one rename puts the
    folder in place. A run killed at any moment (or a machine that loses power) leaves only
    complete ``step_*`` folders; one being replaced or pruned is renamed out of the ``step_*``
    names before it is deleted, for the same reason."""
    root.mkdir(parents=True, exist_ok=True)
    for stale in [*root.glob(".tmp_step_*"), *root.glob(".old_step_*")]:  # a killed run's leftovers
        shutil.rmtree(stale, ignore_errors=True)
    final = root / f"step_{step:06d}"
    tmp = root / f".tmp_step_{step:06d}_{os.getpid()}"
    tmp.mkdir()
    for name, obj in tensors.items():
        _save_synced(obj, tmp / name)
    _write_synced(tmp / STATE_FILE, json.dumps(state) + "\n")
    _write_synced(tmp / "metrics.jsonl", "".join(json.dumps(row) + "\n" for row in metrics_rows))
    _fsync_dir(tmp)
    if final.exists():  # re-saving the same step (e.g. a resumed run that ends at once)
        _discard(final)
    os.replace(tmp, final)  # atomic: a reader sees no checkpoint or a complete one
    _fsync_dir(root)
    for old in sorted(root.glob("step_*"))[:-keep]:
        _discard(old)
    return final


def unresumable_differences(saved: TrainConfig, config: TrainConfig) -> list[str]:
    """The fields (dotted) a resume may not change but ``config`` does (see ``RESUMABLE_CHANGES``)."""
    return [k for k in config_differences(saved, config) if k.split(".")[0] not in RESUMABLE_CHANGES]


def rng_state(generators: dict[str, Any]) -> dict[str, Any]:
    """Every RNG state a run owns: Python's, numpy's, torch's (and CUDA's), and each of
    ``generators`` (name -> ``torch.Generator`` or ``random.Random``) under its name."""
    state = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}
    for name, g in generators.items():
        state[name] = g.getstate() if isinstance(g, random.Random) else g.get_state()
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any], generators: dict[str, Any]) -> None:
    """Restore what :func:`rng_state` saved, ``generators`` included."""
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    for name, g in generators.items():
        if isinstance(g, random.Random):
            g.setstate(state[name])
        else:
            g.set_state(state[name])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


class Checkpoint(NamedTuple):
    """One checkpoint folder, read: what a resume restores."""

    path: Path
    state: dict[str, Any]  # state.json: step, train_time_s, config, curriculum, kl_controller, problem_order, ...
    weights: dict[str, torch.Tensor]  # policy.pt: the trainable weights and the value head
    optimizer: dict[str, Any]  # optimizer.pt
    rng: dict[str, Any]  # this process's RNG states (rng.pt, or its entry in rng_ranks.pt)
    metrics_rows: list[dict[str, Any]]  # the metrics written up to the checkpoint's step


def read_checkpoint(path: str | Path, config: TrainConfig, problem_ids: list[str], world_size: int, rank: int,
                    trainable: set[str], device: Any) -> Checkpoint:
    """Read the checkpoint folder ``path`` for a run with ``config``, training ``problem_ids``
    with ``world_size`` processes (this one: ``rank``). Raises :class:`RunSetupError` when the
    checkpoint cannot continue that run exactly: another config (beyond ``RESUMABLE_CHANGES``),
    other problems, another number of processes; ``ValueError`` when weights in ``trainable``
    are missing."""
    path = Path(path)
    state = json.loads((path / STATE_FILE).read_text())
    differ = unresumable_differences(TrainConfig.from_dict(state["config"]), config)
    if differ:
        raise RunSetupError(f"resume: the run in {Path(config.out_dir)} was started with a different config "
                            f"({', '.join(differ)}); resume with the same settings or use a new --out")
    if state["problem_ids"] != problem_ids:
        raise RunSetupError(f"resume: the training problems differ from those of the checkpoint {path}")
    if state.get("world_size", 1) != world_size:  # each rank's slice and RNG would differ
        raise RunSetupError(f"resume: {path} was written by {state.get('world_size', 1)} process(es); resume it with "
                            f"the same number (this run has {world_size})")
    weights = torch.load(path / "policy.pt", map_location=device)
    missing = trainable - set(weights)
    if missing:
        raise ValueError(f"resume: {path / 'policy.pt'} lacks {sorted(missing)[:5]}")
    optimizer = torch.load(path / "optimizer.pt", map_location=device)
    if world_size > 1:
        rng = torch.load(path / "rng_ranks.pt", weights_only=False)[rank]
    else:
        rng = torch.load(path / "rng.pt", weights_only=False)
    rows = [json.loads(line) for line in (path / "metrics.jsonl").read_text().splitlines() if line]
    return Checkpoint(path, state, weights, optimizer, rng, rows)


def latest_checkpoint(out: str | Path) -> Path | None:
    """The newest complete checkpoint in a run folder (``checkpoints/step_*`` with its state
    file; a folder only gets that name once complete), or None."""
    root = Path(out) / CHECKPOINT_DIR
    done = sorted(p for p in root.glob("step_*") if (p / STATE_FILE).exists()) if root.exists() else []
    return done[-1] if done else None


def check_run_folder(out: str | Path, config: TrainConfig, resume: bool) -> Path | None:
    """Does the output folder fit the request? Checked before anything loads or is written.

    A fresh run refuses a folder that holds checkpoints (it would mix two runs' books). A
    resume needs a complete checkpoint, written with the same config up to
    ``RESUMABLE_CHANGES``; it returns that checkpoint. Raises :class:`RunSetupError`."""
    out = Path(out)
    if not resume:
        if any((out / CHECKPOINT_DIR).glob("step_*")):
            raise RunSetupError(f"{out} already holds a run's checkpoints: pass --resume to continue it, or choose a new --out")
        return None
    checkpoint = latest_checkpoint(out)
    if checkpoint is None:
        raise RunSetupError(f"--resume: {out / CHECKPOINT_DIR} holds no complete checkpoint to continue from; "
                            f"drop --resume to start the run afresh")
    try:
        saved = TrainConfig.from_dict(json.loads((checkpoint / STATE_FILE).read_text())["config"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise RunSetupError(f"--resume: {checkpoint / STATE_FILE} cannot be read as a checkpoint of this version ({e})") from None
    differ = unresumable_differences(saved, config)
    if differ:
        raise RunSetupError(f"--resume: the checkpoint {checkpoint} was written with a different config "
                            f"({', '.join(differ)}); resume with the same settings or use a new --out")
    return checkpoint


def drop_books_after(out: Path, metrics_rows: list[dict[str, Any]], step: int) -> None:
    """Rewrite metrics.jsonl (as ``metrics_rows``) and samples.md without what iterations after
    ``step`` wrote (a killed run logged them, but the checkpoint it resumes from predates them)."""
    write_text_atomic(out / "metrics.jsonl", "".join(json.dumps(row) + "\n" for row in metrics_rows))
    samples = out / "samples.md"
    if samples.exists():
        sections = samples.read_text().split("\n### samples at step ")
        kept = [sections[0]] + [sec for sec in sections[1:]
                                if sec.split(" ", 1)[0].isdigit() and int(sec.split(" ", 1)[0]) <= step]
        write_text_atomic(samples, "\n### samples at step ".join(kept))


# =========================================================================== the books of a run


class Books:
    """The files a run appends to as it goes, and its console: ``metrics.jsonl`` (+ TensorBoard
    under ``tb/`` when asked for and installed), ``samples.md``, and the log lines (through
    tqdm's ``write`` while a progress bar is showing). Only the main process writes or speaks:
    on other data-parallel ranks every method does nothing."""

    def __init__(self, out: Path, *, main: bool = True, tensorboard: bool = False, progress: bool = False, log=print):
        self.out, self.main, self.progress, self.log = Path(out), main, progress, log
        self.tb = None
        if tensorboard and main:
            try:
                from torch.utils.tensorboard import SummaryWriter

                self.tb = SummaryWriter(str(self.out / "tb"))
            except ImportError:  # tensorboard not installed: the JSONL is the log
                pass

    def append_metrics(self, row: dict[str, Any], step: int) -> None:
        """One line of ``metrics.jsonl``; every number (but the step) to TensorBoard."""
        if not self.main:
            return
        with open(self.out / "metrics.jsonl", "a") as f:
            f.write(json.dumps(row) + "\n")
        if self.tb is not None:
            for k, v in row.items():
                if isinstance(v, (int, float)) and k != "step":
                    self.tb.add_scalar(k, v, step)

    def replace_last_metrics(self, row: dict[str, Any]) -> None:
        """Rewrite the last line of ``metrics.jsonl`` (e.g. with a periodic evaluation added)."""
        if not self.main:
            return
        lines = (self.out / "metrics.jsonl").read_text().splitlines()
        lines[-1] = json.dumps(row)
        write_text_atomic(self.out / "metrics.jsonl", "\n".join(lines) + "\n")

    def append_samples(self, block: str) -> None:
        """Print a sample table and append it to ``samples.md`` (its ``===`` headings as ``###``)."""
        self.say(block)
        if self.main:
            with open(self.out / "samples.md", "a") as f:
                f.write(block.replace("\n=== ", "\n### ") + "\n")

    def progress_bar(self, total: int, initial: int, desc: str):
        """A tqdm bar on stderr (None without ``progress`` or off the main process)."""
        if not (self.progress and self.main):
            return None
        from tqdm.auto import tqdm

        return tqdm(total=total, initial=initial, desc=desc, unit="it", dynamic_ncols=True, file=sys.stderr)

    def say(self, text: str) -> None:
        """A log line, printed above the progress bar when there is one."""
        if not self.main:
            return
        if self.progress:
            from tqdm.auto import tqdm

            tqdm.write(text, file=sys.stdout)
        else:
            self.log(text)

    def close(self) -> None:
        if self.tb is not None:
            self.tb.close()


# =========================================================================== the summary's files


def write_metrics_csv(rows: list[dict[str, Any]], path: Path) -> None:
    import csv

    keys: list[str] = []
    for row in rows:
        keys += [k for k in row if k not in keys]
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=keys)
        writer.writeheader()
        writer.writerows(rows)


def write_plots(rows: list[dict[str, Any]], summary: dict[str, Any], folder: Path) -> None:
    from stepcoder_lite import plots

    folder.mkdir(parents=True, exist_ok=True)
    if rows:
        fig = plots.training_curves(rows)
        fig.savefig(folder / "training_curves.png")
    if summary.get("pass@1"):
        fig = plots.pass_at_1_bars(summary["pass@1"])
        fig.savefig(folder / "pass_at_1.png")
    import matplotlib.pyplot as plt

    plt.close("all")
