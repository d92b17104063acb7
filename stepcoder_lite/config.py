"""The typed config of an RL run: :class:`TrainConfig`, its named presets, and ``--set`` parsing.

One dataclass per concern, each field with its docstring, printed in full at the start of a run
(:func:`stepcoder_lite.model_config.config_to_text`). The nested ones live beside the code that reads
them: :class:`~stepcoder_lite.model_config.ModelConfig`, :class:`~stepcoder_lite.ppo.PPOConfig`,
:class:`~stepcoder_lite.curriculum.CurriculumConfig`, :class:`~stepcoder_lite.masking.FGOConfig`.

=========================  ================================================================
name                       what it is for
=========================  ================================================================
``TrainConfig.preset``     the named presets (``PRESETS``: tiny, colab, gpu)
``config_from_flags``      a preset + command-line flags and ``--set FIELD=VALUE`` strings
``config_differences``     which fields two configs disagree on (a resume checks them)
``RESUMABLE_CHANGES``      the fields a resumed run may change
=========================  ================================================================
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

from stepcoder_lite import curriculum as cc
from stepcoder_lite.errors import InputError
from stepcoder_lite.masking import FGOConfig
from stepcoder_lite.model_config import ModelConfig, config_to_text, model_preset
from stepcoder_lite.ppo import PPOConfig

@dataclass
class TrainConfig:
    """Everything one RL run needs, printed in full at the start. Presets: :meth:`preset`."""

    preset: str = "tiny"
    """The preset these values started from (for the record; :meth:`preset` builds them)."""

    # -- what to train, on what
    model: ModelConfig = field(default_factory=ModelConfig)
    """The policy to start from (``model.name_or_path``: ``tiny`` = the shipped SFT model)."""
    dataset: str = "families:train"
    """Training problems: a ``load_source`` spec (``families:train``, a path to APPS+ JSON, ...)."""
    train_problems: int | None = None
    """Use a fixed random subset of this many training problems (``None``: all of them)."""
    eval_datasets: tuple[str, ...] = ("families:valid", "families:test")
    """Held-out sets scored before and after training (greedy pass@1). ``()``: no evaluation."""
    eval_problems: int | None = None
    """Per held-out set, a fixed subset of this many problems (chosen with seed 0, whatever the
    run's seed, so every run is scored on the same problems). ``None``: all of them."""
    eval_max_new_tokens: int = 256
    """Generation budget per evaluation program."""
    eval_batch_size: int = 64
    """Prompts decoded together during evaluation."""
    eval_timeout_s: float = 2.0
    """CPU seconds per test when scoring held-out programs (as the SFT run's evaluation)."""
    eval_every: int = 0
    """Also score greedy pass@1 on the first held-out set every this many iterations (logged as
    ``eval/pass@1``; its time is not counted in the training budget). 0: only before and after."""
    out_dir: str = "runs/tiny"
    """Where metrics, samples, checkpoints, plots, summary.json and the final model go."""
    seed: int = 0
    """Seeds Python, numpy and torch, the problem order, the sampler and the minibatch shuffler."""

    # -- how long
    iterations: int = 40
    """PPO iterations (each: sample, execute, score, update)."""
    time_budget_s: float | None = None
    """Stop after the iteration that crosses this many seconds of training (summed over
    resumed runs; evaluation not counted). ``None``: run all ``iterations``."""

    # -- sampling
    problems_per_iteration: int = 8
    """B: problems drawn per iteration (a shuffled pass over the training set, then another)."""
    samples_per_problem: int = 4
    """G: completions sampled per problem (paper: 16)."""
    max_new_tokens: int = 192
    """Generation budget per completion; a completion that does not close its code block by
    then is executed as it is (usually a syntax error)."""
    temperature: float = 0.8
    """Sampling temperature (paper: 0.8). The PPO log-probs are those of this distribution."""
    top_p: float = 0.9
    """Nucleus sampling (paper: 0.9)."""
    sample_batch_size: int | None = None
    """Rows decoded together (``None``: the whole batch at once)."""
    forward_batch_size: int = 32
    """Rows per no-grad forward pass (reference log-probs)."""
    share_prompts: bool = True
    """Compute each distinct prompt once per forward pass (sampling, reference, update) and
    reuse its KV cache for every sample of it (``model.completion_outputs``). Exact: the same
    numbers up to float rounding; ~2-3x less compute on the tiny preset, where a prompt is
    ~130 tokens and a completion ~25. False: every row computes its own prompt."""
    logit_chunk: int = 0
    """Completion tokens whose logits are computed at once in the reference pass and the
    update (``model.chunked_token_logprobs``); the backward recomputes each piece. 0: all of
    a micro-batch's at once (the tiny preset, whose 2k vocabulary makes them small). With a
    152k vocabulary, 4 x 512 completion tokens hold 1.2 GB per float32 copy of their logits,
    and the loss makes several: the big presets set 256 (``benchmarks/logit_memory.py``)."""
    minibatch_by_problem: bool = True
    """PPO minibatches are whole problems (the G samples of a problem stay together; problems
    are shuffled), so the update can share their prompt. ``ppo.minibatch_size`` must then be a
    multiple of ``samples_per_problem`` (per process). False: rows are shuffled one by one."""

    # -- optimisation
    policy_lr: float = 1e-5
    """AdamW learning rate of the language model's weights (paper, 6.7B: 5e-7)."""
    value_lr: float = 1e-4
    """AdamW learning rate of the value head (paper, separate critic: 1.5e-6)."""
    adam_eps: float = 1e-8
    """AdamW epsilon."""
    weight_decay: float = 0.0
    """AdamW weight decay (0: RL fine-tuning should not pull weights toward 0)."""
    micro_batch_size: int | None = None
    """Rows per forward/backward inside a minibatch (gradient accumulation; ``None``: the
    whole minibatch). Each micro-batch's token-mean loss is weighted by its share of rows."""
    ppo: PPOConfig = field(default_factory=PPOConfig)
    """Clip, GAE, KL penalty, epochs, minibatch size, loss weights (:class:`~stepcoder_lite.ppo.PPOConfig`)."""

    # -- StepCoder's two ideas
    cccs: bool = True
    """CCCS on: samples continue a prefix of the canonical solution chosen by the curriculum.
    Off: every sample writes the whole program."""
    curriculum: cc.CurriculumConfig = field(default_factory=cc.CurriculumConfig)
    """Split points, stages and the schedule that moves problems to earlier cuts."""
    fgo: FGOConfig = field(default_factory=FGOConfig)
    """FGO: ``fgo.enabled`` masks unexecuted completion tokens out of the policy loss."""
    partial_credit: bool = False
    """Reward partial credit for the share of tests passed (``rewards.reward``); paper: off."""

    # -- execution
    exec_timeout_s: float = 1.0
    """CPU seconds per test (the executor multiplies it while tracing coverage)."""
    exec_early_exit: bool = False
    """Stop a program at its first failing test. Off: FGO sees the lines every test ran."""
    exec_workers: int | None = None
    """Executor fork servers (``None``: one per CPU core)."""
    overlap_execution: bool = True
    """Run the programs in a background thread while the reference model scores the batch."""

    # -- books
    log_every: int = 1
    """Print a one-line metric summary every this many iterations (the JSONL gets every one)."""
    sample_table_every: int = 10
    """Print (and append to samples.md) a table of a few samples every this many iterations (0: never)."""
    sample_table_rows: int = 4
    """Samples per table."""
    checkpoint_every: int = 5
    """Write a checkpoint every this many iterations (and always after the last one)."""
    keep_checkpoints: int = 2
    """How many of the newest checkpoints to keep."""
    threads: int | None = None
    """``torch.set_num_threads`` (``None``: leave torch's default)."""
    progress: bool = True
    """Show a progress bar."""
    tensorboard: bool = True
    """Also log to TensorBoard (``out_dir/tb``) when the ``tensorboard`` package is installed."""

    def __post_init__(self) -> None:
        # rebuild nested configs from plain dicts (a config read back from JSON)
        if isinstance(self.model, dict):
            self.model = ModelConfig(**self.model)
        if isinstance(self.ppo, dict):
            self.ppo = PPOConfig(**self.ppo)
        if isinstance(self.curriculum, dict):
            self.curriculum = cc.CurriculumConfig(**self.curriculum)
        if isinstance(self.fgo, dict):
            self.fgo = FGOConfig(**self.fgo)
        self.eval_datasets = tuple(self.eval_datasets)
        positive = ["iterations", "problems_per_iteration", "samples_per_problem", "max_new_tokens",
                    "eval_max_new_tokens", "eval_batch_size", "forward_batch_size", "checkpoint_every",
                    "keep_checkpoints", "log_every"]
        for name in positive:
            if getattr(self, name) < 1:
                raise ValueError(f"TrainConfig.{name} must be >= 1, got {getattr(self, name)}")
        for name in ("eval_every", "logit_chunk"):
            if getattr(self, name) < 0:
                raise ValueError(f"TrainConfig.{name} must be >= 0, got {getattr(self, name)}")
        for name in ("train_problems", "eval_problems", "sample_batch_size", "micro_batch_size", "exec_workers", "threads"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"TrainConfig.{name} must be None or >= 1, got {value}")
        if self.policy_lr < 0 or self.value_lr < 0:
            raise ValueError(f"TrainConfig: learning rates must be >= 0, got {self.policy_lr}, {self.value_lr}")
        if self.time_budget_s is not None and self.time_budget_s <= 0:
            raise ValueError(f"TrainConfig.time_budget_s must be None or > 0, got {self.time_budget_s}")
        if self.temperature < 0 or not 0 < self.top_p <= 1:  # rollout.sample's own rule, checked before anything loads
            raise ValueError(f"TrainConfig: temperature must be >= 0 and top_p in (0, 1], got {self.temperature}, {self.top_p}")
        if self.exec_timeout_s <= 0 or self.eval_timeout_s <= 0:
            raise ValueError(f"TrainConfig: exec_timeout_s and eval_timeout_s must be > 0, got {self.exec_timeout_s}, {self.eval_timeout_s}")
        if self.minibatch_by_problem and self.ppo.minibatch_size % self.samples_per_problem:
            raise ValueError(f"TrainConfig: minibatch_by_problem keeps the {self.samples_per_problem} samples of a problem "
                             f"together, so ppo.minibatch_size ({self.ppo.minibatch_size}) must be a multiple of "
                             f"samples_per_problem; or set minibatch_by_problem=False")
        if self.ppo.advantage_estimator == "grpo" and self.ppo.group_size != self.samples_per_problem:
            raise ValueError(f"TrainConfig: GRPO groups are the samples of one problem; set ppo.group_size "
                             f"({self.ppo.group_size}) = samples_per_problem ({self.samples_per_problem})")

    # -- presets
    @classmethod
    def preset(cls, name: str, **overrides: Any) -> "TrainConfig":
        """The named preset (a row of :data:`PRESETS`), with ``overrides`` applied
        (``TrainConfig.preset("tiny", seed=1)``). Every preset takes its model from
        :func:`~stepcoder_lite.model_config.model_preset` of the same name, writes to ``runs/<name>``,
        and sets GRPO's ``ppo.group_size`` and the curriculum's ``window`` to its
        ``samples_per_problem`` (a problem's G samples are one group, one window)."""
        if name not in PRESETS:
            raise ValueError(f"unknown train preset {name!r}; choose {', '.join(PRESETS)}")
        row = dict(PRESETS[name])
        G = row["samples_per_problem"]
        base = cls(
            preset=name,
            model=model_preset(name),
            out_dir=f"runs/{name}",
            ppo=PPOConfig(**row.pop("ppo"), group_size=G),
            curriculum=cc.CurriculumConfig(**row.pop("curriculum", {}), window=G),
            **row,
        )
        return dataclasses.replace(base, **overrides) if overrides else base

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "TrainConfig":
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = set(d) - names
        if unknown:
            raise ValueError(f"TrainConfig.from_dict: unknown field(s) {sorted(unknown)}")
        return cls(**d)

    def to_text(self) -> str:
        """Every field, nested configs included, one ``name = value`` per line."""
        return config_to_text(self)


# =========================================================================== presets

_TINY = dict(
    dataset="families:train",
    train_problems=256,  # revisited ~5x in 80 iterations, so the curriculum moves problems on
    eval_datasets=("families:valid", "families:test"),
    eval_problems=None,  # all 186 + 201 held-out problems: ~10 s each, greedy
    eval_max_new_tokens=192,
    eval_batch_size=64,
    iterations=80,
    time_budget_s=660.0,  # a cap for slow machines: + load and two evaluations < 15 min
    problems_per_iteration=16,
    samples_per_problem=4,
    max_new_tokens=160,
    temperature=0.8,
    top_p=0.9,
    policy_lr=5e-5,  # the paper's 5e-7 was tuned for 6.7B parameters and moves a 2M model not at all
    value_lr=5e-4,
    ppo=dict(epochs=2, minibatch_size=16, kl_coef=0.05, vf_coef=0.1),
    curriculum=dict(threshold=0.5),
    partial_credit=False,  # the paper's tiers: a mistaken program that passes 7 of 8 tests is wrong
    exec_timeout_s=0.5,
    exec_workers=2,
    sample_table_every=10,
    checkpoint_every=5,
    threads=2,
)

# colab and gpu: the same task (APPS, HumanEval held out, the paper's sampling settings); they
# differ in what the memory of the card and the size of the step allow
_APPS = dict(dataset="apps:train", eval_datasets=("humaneval",), eval_problems=None, exec_timeout_s=2.0)

PRESETS: dict[str, dict[str, Any]] = {
    "tiny": _TINY,
    "colab": dict(
        _APPS,
        train_problems=2000, iterations=200, checkpoint_every=10,
        problems_per_iteration=4, samples_per_problem=8,
        max_new_tokens=512, eval_max_new_tokens=512,
        sample_batch_size=16, forward_batch_size=8, micro_batch_size=4, eval_batch_size=16, logit_chunk=256,
        policy_lr=1e-5, value_lr=1e-4,  # LoRA adapters take a larger step than full weights
        ppo=dict(epochs=2, minibatch_size=16, kl_coef=0.05),
    ),
    "gpu": dict(
        _APPS,
        train_problems=None, iterations=500, checkpoint_every=20,
        problems_per_iteration=8, samples_per_problem=16,  # the paper's 16 rollouts per problem
        max_new_tokens=768, eval_max_new_tokens=768,
        sample_batch_size=64, forward_batch_size=16, micro_batch_size=8, eval_batch_size=32, logit_chunk=256,
        policy_lr=5e-7, value_lr=1.5e-6,  # the paper's learning rates
        ppo=dict(epochs=1, minibatch_size=32, kl_coef=0.05),
    ),
}
"""What each preset changes from the :class:`TrainConfig` defaults.

``tiny``
    The shipped SFT model (``data/model/``, 2.4M parameters) on a laptop CPU: 80 iterations of
    16 problems x 4 samples from a fixed 256-problem subset of the families' train split,
    scored on all of their held-out valid and test splits (387 problems); under 15 minutes
    on 2 CPU cores, evaluations included. Measured (6 Dec 2026, 2 idle cores, 8.5 min in all;
    ``benchmarks/results/train_tiny/``): held-out greedy pass@1 19.1% -> 52.5%, 137 problems
    fixed, 8 broken.
``colab``
    A free Colab T4: Qwen2.5-Coder-1.5B-Instruct in float16 with LoRA, trained on APPS from the
    Hugging Face hub with the paper's sampling settings, HumanEval held out. Not measured yet.
``gpu``
    One A100/H100: the same model fully fine-tuned in bfloat16, the paper's learning rates, KL
    beta and 16 rollouts per problem. Not measured yet.
"""


# =========================================================================== --set parsing

def _parse_value(text: str) -> Any:
    """A ``--set`` value: JSON when it parses (numbers, true/false, null, lists), Python's
    ``None``/``True``/``False`` and ``none`` (as ``sft --set`` takes it) as those, else the string."""
    if text in ("None", "none", "True", "False"):
        return {"None": None, "none": None, "True": True, "False": False}[text]
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _fits(value: Any, hint: Any) -> bool:
    """Does a parsed ``--set`` value fit a config field's annotation? (An int fits a float;
    a JSON list fits a tuple or list of fitting items; a dict fits a nested config.)"""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arm) for arm in args)
    if hint is type(None):
        return value is None
    if hint in (int, float):  # bool is an int to Python, never to a config
        return isinstance(value, (int, float) if hint is float else int) and not isinstance(value, bool)
    if origin in (tuple, list):
        items = [a for a in args if a is not Ellipsis]
        return isinstance(value, (list, tuple)) and all(_fits(v, items[0]) for v in value if items)
    if dataclasses.is_dataclass(hint):
        return isinstance(value, dict)
    return isinstance(value, hint) if isinstance(hint, type) else True


def _type_text(hint: Any) -> str:
    """``float | None`` -> "float or null", for messages."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return " or ".join(_type_text(arm) for arm in typing.get_args(hint))
    if typing.get_origin(hint) in (tuple, list):
        return f"a list of {_type_text(typing.get_args(hint)[0])}"
    return "null" if hint is type(None) else getattr(hint, "__name__", str(hint))


Assignment = tuple[str, Any, "str | None"]
"""One field's new value: ``(as the user gave it, for messages; the value; the raw --set text or None)``."""


def parse_assignments(assignments: Sequence[str]) -> dict[str, Assignment]:
    """``FIELD=VALUE`` strings (``--set``) -> ``{field: assignment}``; values parsed by
    :func:`_parse_value`, field names as written (dotted for nested configs)."""
    values = {}
    for item in assignments:
        if "=" not in item:
            raise InputError(f"--set {item}: expected FIELD=VALUE")
        key, text = (part.strip() for part in item.split("=", 1))
        values[key] = (f"--set {item}", _parse_value(text), text)
    return values


def set_fields(d: dict[str, Any], owner: type, values: dict[str, Assignment]) -> dict[str, Any]:
    """Write ``values`` into ``d``, the ``asdict`` of a config of class ``owner``: the one
    ``--set`` parser of every command (``train``, ``sft``). Returns ``d``.

    Each name must be a field (dotted names reach into nested configs) and each value must fit
    the field's annotation: an int is taken for a float (as a float), and a field that takes
    text takes the text as written (``out_dir=123``). Anything else raises
    :class:`~stepcoder_lite.errors.InputError` naming the assignment, before anything loads."""
    for key, (given, value, text) in values.items():
        parts = key.split(".")
        target, cls = d, owner
        for part in parts[:-1]:
            if not isinstance(target.get(part), dict):
                raise InputError(f"{given}: unknown config field {key!r} ({part!r} is not a nested config)")
            target, cls = target[part], typing.get_type_hints(cls)[part]
        if parts[-1] not in target:
            raise InputError(f"{given}: unknown config field {key!r}: {cls.__name__} has no such field; "
                             f"--print-config lists them")
        hint = typing.get_type_hints(cls)[parts[-1]]
        if not _fits(value, hint) and text is not None and _fits(text, hint):
            value = text  # a text field: the text as written
        if not _fits(value, hint):
            raise InputError(f"{given}: expected {_type_text(hint)}, got {type(value).__name__} {value!r}")
        if isinstance(value, int) and not isinstance(value, bool) and _takes_float_only(hint):
            value = float(value)
        target[parts[-1]] = value
    return d


def _takes_float_only(hint: Any) -> bool:
    """A float field (or float | None) that is not also an int field: ints given to it become floats."""
    arms = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else (hint,)
    return float in arms and int not in arms


def config_from_flags(preset: str, flags: dict[str, Any], assignments: Sequence[str] = ()) -> TrainConfig:
    """The preset with ``flags`` (``{"ppo.kl_coef": 0.1, "seed": 3}``) and ``FIELD=VALUE``
    strings applied (:func:`set_fields`), dotted names reaching into nested configs.

    An unknown field, a value of the wrong type (checked against the field's annotation, so
    ``ppo.kl_coef=abc`` is named as such instead of failing later inside a comparison) or out
    of range raises :class:`~stepcoder_lite.errors.InputError`: nothing has been loaded yet."""
    values: dict[str, Assignment] = {key: (f"{key}={value!r}", value, None) for key, value in flags.items()}
    values.update(parse_assignments(assignments))
    try:
        d = TrainConfig.preset(preset).to_dict()
    except ValueError as e:
        raise InputError(f"--preset {preset}: {e}") from None
    set_fields(d, TrainConfig, values)
    try:
        return TrainConfig.from_dict(d)
    except ValueError as e:  # a range check of TrainConfig or a nested config; the message names the field
        raise InputError(str(e)) from None


# Fields that may change when a run is resumed (they do not change what is computed).
RESUMABLE_CHANGES = {"iterations", "time_budget_s", "progress", "threads", "log_every", "tensorboard",
                     "sample_table_every", "sample_table_rows", "checkpoint_every", "keep_checkpoints",
                     "eval_batch_size", "exec_workers", "overlap_execution"}


def config_differences(a: TrainConfig, b: TrainConfig) -> list[str]:
    """Field names (dotted for nested configs) whose values differ."""
    da, db = json.loads(json.dumps(a.to_dict())), json.loads(json.dumps(b.to_dict()))
    out = []
    for key in da:
        if isinstance(da[key], dict):
            out += [f"{key}.{k}" for k in da[key] if da[key][k] != db[key].get(k)]
        elif da[key] != db[key]:
            out.append(key)
    return out
