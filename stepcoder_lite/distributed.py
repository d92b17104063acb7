"""Data-parallel training: one process per device, the same trainer in each.

Launched by ``accelerate launch --multi_gpu --num_processes N`` or ``torchrun --nproc_per_node N``
(both start N copies of the command and set ``WORLD_SIZE``, ``RANK``, ``LOCAL_RANK``,
``MASTER_ADDR`` and ``MASTER_PORT``), :func:`from_env` joins the process group: NCCL on
GPUs (rank r on ``cuda:LOCAL_RANK``), gloo on CPUs. Without those variables (a plain
``python -m stepcoder_lite train``) it returns a :class:`Dist` of one process that never
touches ``torch.distributed``: the single-process path has no collective calls at all.

What the ranks share, and how (the trainer does the calls, this module only the plumbing):

==========================  ================================================================
what                        how
==========================  ================================================================
weights at the start        broadcast from rank 0 (:meth:`Dist.broadcast_parameters`)
problems of an iteration    the same global shuffled order on every rank; rank r takes the
                            r-th contiguous slice of the B problems (G samples each)
gradients                   averaged over ranks before clipping and every optimizer step
                            (:meth:`Dist.average_gradients`): weights stay identical
advantage whitening         global mean and variance (all-reduced sums)
curriculum, KL controller   every rank records every rank's pass/fail and sees the global KL
metrics                     gathered: rank 0 logs the statistics of the whole batch
books, checkpoints, eval    rank 0 writes them; the others wait at a barrier
==========================  ================================================================

``accelerate`` is only the launcher here (the trainer wraps nothing in ``Accelerator``), so
this module imports neither it nor DeepSpeed. A DeepSpeed launch is refused with a clear
message rather than run as something it is not.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import torch

from stepcoder_lite.errors import RunSetupError

TIMEOUT = datetime.timedelta(hours=3)
"""How long a collective waits: rank 0 evaluates the held-out sets alone while the others
wait at a barrier, which for a real model can take a while."""


@dataclass(frozen=True)
class Dist:
    """This process's place in a data-parallel run. ``Dist()`` = one process, no group."""

    rank: int = 0
    world_size: int = 1
    local_rank: int = 0

    @property
    def enabled(self) -> bool:
        """More than one process: the trainer shares data through the calls below."""
        return self.world_size > 1

    @property
    def is_main(self) -> bool:
        """Rank 0: the one that logs, writes books and checkpoints and evaluates."""
        return self.rank == 0

    def my_rows(self, items: Sequence[Any]) -> list[Any]:
        """This rank's contiguous share of an iteration's problem-major rows (all of them in one
        process). Contiguous, so the ranks' shares in rank order are the single-process batch."""
        if not self.enabled:
            return list(items)
        share = len(items) // self.world_size
        return list(items[self.rank * share : (self.rank + 1) * share])

    # -- collectives (only called when ``enabled``)

    def barrier(self) -> None:
        torch.distributed.barrier()

    def all_gather_object(self, obj: Any) -> list[Any]:
        """Every rank's ``obj`` (picklable), in rank order, on every rank."""
        out: list[Any] = [None] * self.world_size
        torch.distributed.all_gather_object(out, obj)
        return out

    def broadcast_object(self, obj: Any, src: int = 0) -> Any:
        """Rank ``src``'s ``obj`` on every rank."""
        box = [obj]
        torch.distributed.broadcast_object_list(box, src=src)
        return box[0]

    def all_reduce_sum(self, tensor: torch.Tensor) -> torch.Tensor:
        """Sum over ranks (a new tensor; the argument is left as it was)."""
        out = tensor.detach().clone()
        torch.distributed.all_reduce(out, op=torch.distributed.ReduceOp.SUM)
        return out

    def broadcast_parameters(self, params: Iterable[torch.Tensor], src: int = 0) -> None:
        """Overwrite every rank's ``params`` with rank ``src``'s (the start of a run, as DDP does)."""
        with torch.no_grad():
            for p in params:
                torch.distributed.broadcast(p.data, src=src)

    def average_gradients(self, params: Iterable[torch.Tensor], bucket_numel: int = 2**24) -> None:
        """Replace each ``p.grad`` by its mean over ranks, in flat buckets of up to
        ``bucket_numel`` elements (one all-reduce per bucket, not one per tensor).

        Which parameters have a gradient is decided by the config (e.g. no value-head gradient
        under GRPO), the same on every rank, so every rank reduces the same buckets. A
        parameter without a gradient keeps ``grad = None`` (AdamW then skips it, as it would
        in one process)."""
        buckets: list[list[torch.Tensor]] = []
        size = 0
        for g in (p.grad for p in params if p.grad is not None):
            same_kind = buckets and g.dtype == buckets[-1][0].dtype and g.device == buckets[-1][0].device
            if same_kind and size + g.numel() <= bucket_numel:
                buckets[-1].append(g)
                size += g.numel()
            else:
                buckets.append([g])
                size = g.numel()
        for bucket in buckets:
            flat = torch.cat([g.reshape(-1) for g in bucket])  # (sum of numels,)
            torch.distributed.all_reduce(flat, op=torch.distributed.ReduceOp.SUM)
            flat /= self.world_size
            offset = 0
            for g in bucket:
                g.copy_(flat[offset : offset + g.numel()].view_as(g))
                offset += g.numel()

    def close(self) -> None:
        """Leave the process group (end of a run)."""
        global _CURRENT
        if self.enabled and torch.distributed.is_initialized():
            torch.distributed.destroy_process_group()
        _CURRENT = None


_CURRENT: Dist | None = None


def check_split(dist: Dist, problems_per_iteration: int, minibatch_size: int, samples_per_problem: int,
                minibatch_by_problem: bool) -> None:
    """B problems and the minibatch are global, split evenly over the ranks, so every rank runs
    the same number of optimizer steps (each one an all-reduce). Raises :class:`RunSetupError`."""
    n = dist.world_size
    for name, value in (("problems_per_iteration", problems_per_iteration), ("ppo.minibatch_size", minibatch_size)):
        if value % n:
            raise RunSetupError(f"{name}={value} is split over {n} processes: make it a multiple of {n}")
    G = samples_per_problem
    if minibatch_by_problem and (minibatch_size // n) % G:
        raise RunSetupError(f"minibatch_by_problem: each of the {n} processes' minibatches "
                            f"({minibatch_size // n} rows) must hold whole problems of {G} samples; "
                            f"make ppo.minibatch_size a multiple of {n * G}, or set minibatch_by_problem=False")


def _pad_columns(x: torch.Tensor, width: int) -> torch.Tensor:
    """A (B, T) tensor right-padded with zeros (False) to (B, width); a (B,) tensor as it is."""
    if x.dim() == 1 or x.shape[1] == width:
        return x
    out = torch.zeros(x.shape[0], width, dtype=x.dtype, device=x.device)
    out[:, : x.shape[1]] = x
    return out


def gather_books(dist: Dist, book: dict[str, Any], stats: dict[str, float], device: torch.device | str
                 ) -> tuple[dict[str, Any], dict[str, float]]:
    """Every rank's batch book (``name -> (B, T) / (B,) tensor, list or None``), concatenated in
    rank order (tensors right-padded to the longest completion; their masks keep the padding
    out), and the update's statistics averaged over ranks. Every rank gets the same result, so
    the curriculum, the KL controller and the metrics agree everywhere."""
    local = {k: (v.detach().cpu() if isinstance(v, torch.Tensor) else v) for k, v in book.items()}
    parts = dist.all_gather_object((local, stats))
    books = [b for b, _ in parts]
    width = max(b["response_mask"].shape[1] for b in books)
    merged: dict[str, Any] = {}
    for key, value in book.items():
        if isinstance(value, list):
            merged[key] = [x for b in books for x in b[key]]
        elif value is None:
            merged[key] = None
        else:
            merged[key] = torch.cat([_pad_columns(b[key], width) for b in books]).to(device)
    all_stats = [s for _, s in parts]
    averaged = {k: sum(s[k] for s in all_stats) / len(all_stats) for k in all_stats[0]}  # grad_norm: the same on every rank
    return merged, averaged


def quiet(*_args, **_kwargs) -> None:
    """The log of ranks other than 0 in a data-parallel run: rank 0 speaks for all."""


def from_env() -> Dist:
    """This process's :class:`Dist`, joining the process group on first use.

    ``WORLD_SIZE`` unset or 1: ``Dist()`` (nothing initialised). Otherwise: the group over
    ``MASTER_ADDR:MASTER_PORT``, NCCL when CUDA is available (and ``torch.cuda.set_device``
    to ``LOCAL_RANK``, so ``device="auto"`` puts each rank on its own GPU), else gloo.
    """
    global _CURRENT
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    if world_size <= 1:
        return Dist()
    if _CURRENT is not None and torch.distributed.is_initialized():
        return _CURRENT
    if os.environ.get("ACCELERATE_USE_DEEPSPEED", "").lower() == "true":
        raise RuntimeError("stepcoder_lite trains data-parallel (DDP-style gradient averaging) and does not wire in "
                           "DeepSpeed: launch with `accelerate launch --multi_gpu --num_processes N` (or torchrun) instead")
    rank = int(os.environ["RANK"])
    local_rank = int(os.environ.get("LOCAL_RANK", rank))
    if not torch.distributed.is_initialized():
        use_cuda = torch.cuda.is_available()
        if use_cuda:
            torch.cuda.set_device(local_rank)
        torch.distributed.init_process_group(backend="nccl" if use_cuda else "gloo", timeout=TIMEOUT,
                                             rank=rank, world_size=world_size)
    _CURRENT = Dist(rank=rank, world_size=world_size, local_rank=local_rank)
    return _CURRENT
