"""CCCS: the Curriculum of Code Completion Subtasks (StepCoder, Dou et al. 2024, section 3.2).

Writing a whole program and getting every branch right is a long exploration problem: a
program with ``N`` conditional statements has to get all ``N`` right before the unit tests
say anything but "fail". CCCS shortens it. Early in training the prompt holds the problem
*and a prefix of the canonical solution*, cut at the start of a conditional statement; the
policy writes only the rest. Stage by stage the prefix shrinks until the policy writes the
whole program.

This module does the three jobs, in order:

1. **Split points** (:func:`split_points`). The first lines of the conditional statements in
   ``solutions[0]``'s AST: every ``ast.If`` node, so an ``elif`` is a split point of its own
   (it is an ``If`` nested in the ``orelse`` of the one above). Loops (``for``/``while``) are
   added with ``CurriculumConfig(split_on=("if", "loop"))``. A split point is always the first
   line of a *statement* (only whitespace before it on its line), so a cut never falls inside
   a multi-line statement. A split point on the program's first statement would leave an
   empty prefix, the same as the final stage, so it is not used.

   *Fallback* (the paper is silent; 184 of the 500 APPS+ problems in ``valid_all.json`` have
   no ``if`` at all, and 94 have one). When there is no split point of the chosen kinds, the
   kinds in ``CurriculumConfig.fallback`` are tried in order: ``"loop"`` (first lines of
   ``for``/``while``), then ``"statement"`` (the first line of every statement, at any depth,
   decorators included). ``fallback=()`` gives such a problem the full-program stage only.

2. **Stages** (:func:`make_stages`). With ``N`` split points in source order ``c_1 < ... < c_N``
   and ``S`` cut stages, where ``S = ceil(sqrt(N))`` (the paper's rule) or a fixed number
   (``CurriculumConfig.num_cut_stages``, capped at ``N``):

   - the ``N`` split points are grouped, in source order, into ``S`` consecutive groups whose
     sizes differ by at most one (the later groups are the smaller ones);
   - each group's first split point is a cut; so the earliest cut is always ``c_1``;
   - stage ``k`` (``k = 0 .. S-1``) cuts at the first split point of group ``S-1-k``: stage 0
     has the *latest* cut (the model completes only the tail), each later stage hands the model
     one more group, about ``sqrt(N)`` more conditionals;
   - stage ``S`` has no prefix: the model writes everything.

   So there are ``S + 1`` stages, and ``sqrt(N)`` stages of ``sqrt(N)`` conditionals each is
   what the square-root rule balances. Example: ``N = 5`` gives ``S = 3``, groups
   ``[c1 c2] [c3 c4] [c5]``, stages cut at ``c5, c3, c1`` and then none.

3. **Schedule** (:class:`Schedule`). Which stage each problem is at, and how it moves:

   - ``"pass_rate"`` (the paper's mechanism): a problem advances to its next (earlier) cut when
     the mean pass rate over its last ``window`` samples *at its current stage* reaches
     ``threshold``; the window then starts afresh. The paper gives no threshold; the default
     0.5 with a window of 16 (one iteration of the paper's 16 rollouts per problem) means "half
     the recent attempts at this stage pass".
   - ``"fixed"``: every problem is at stage ``min(step // steps_per_stage, last)``.
   - ``"mixed"``: each sample draws its stage uniformly from all of the problem's stages, so one
     batch mixes prefixes of several lengths (as in R3, Xi et al. 2024).

   The schedule's state is plain JSON data (:meth:`Schedule.state_dict`), saved with a
   checkpoint and restored with :meth:`Schedule.load_state_dict`.

4. **Subtasks** (:class:`Subtask`). The prompt shows the problem, the starter code and
   ``given_prefix``; what runs is ``given_prefix + completion`` as one program; the prefix is
   part of the prompt, so its tokens are never in the loss (:func:`response_mask`).
   ``given_prefix + canonical_remainder == solutions[0]`` exactly.

Line numbers are 1-based and counted the way Python counts them (``\\n``, ``\\r\\n`` and a lone
``\\r`` each end a line), so they agree with ``ast`` and with the executor's executed lines.
Nothing here imports torch.
"""

from __future__ import annotations

import ast
import math
import random
import re
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Sequence

from stepcoder_lite.data.problem import Problem

SPLIT_KINDS = ("if", "loop", "statement")
SCHEDULES = ("pass_rate", "fixed", "mixed")

_NEWLINE = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------- config


@dataclass
class CurriculumConfig:
    """Everything that decides the stages and how problems move through them."""

    split_on: tuple[str, ...] = ("if",)
    """Statement kinds whose first line is a split point: ``"if"`` (if and elif), ``"loop"``
    (for and while), ``"statement"`` (every statement)."""
    fallback: tuple[str, ...] = ("loop", "statement")
    """Kinds tried in order when ``split_on`` finds no split point; ``()``: full program only."""
    num_cut_stages: int | None = None
    """Cut stages per problem: ``None`` = ``ceil(sqrt(N))`` for ``N`` split points (the paper);
    an int = that many (at most ``N``). The full-program stage comes on top."""
    schedule: str = "pass_rate"
    """``"pass_rate"`` (paper), ``"fixed"`` (steps per stage) or ``"mixed"`` (random stage per sample)."""
    window: int = 16
    """pass_rate: how many recent samples at the current stage the moving average covers."""
    threshold: float = 0.5
    """pass_rate: advance when the mean pass over a full window is at least this."""
    steps_per_stage: int = 10
    """fixed: trainer steps spent at each stage."""
    seed: int = 0
    """mixed: seed of the stage sampler (its state is saved with the schedule)."""

    def __post_init__(self) -> None:
        self.split_on = tuple(self.split_on)
        self.fallback = tuple(self.fallback)
        for name in ("split_on", "fallback"):
            bad = [k for k in getattr(self, name) if k not in SPLIT_KINDS]
            if bad:
                raise ValueError(f"CurriculumConfig.{name}: unknown kind(s) {bad}; choose from {SPLIT_KINDS}")
        if not self.split_on:
            raise ValueError("CurriculumConfig.split_on: give at least one kind")
        if self.num_cut_stages is not None and self.num_cut_stages < 1:
            raise ValueError(f"CurriculumConfig.num_cut_stages must be None or >= 1, got {self.num_cut_stages}")
        if self.schedule not in SCHEDULES:
            raise ValueError(f"CurriculumConfig.schedule: {self.schedule!r} is not one of {SCHEDULES}")
        if self.window < 1:
            raise ValueError(f"CurriculumConfig.window must be >= 1, got {self.window}")
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError(f"CurriculumConfig.threshold must lie in [0, 1], got {self.threshold}")
        if self.steps_per_stage < 1:
            raise ValueError(f"CurriculumConfig.steps_per_stage must be >= 1, got {self.steps_per_stage}")

    @classmethod
    def preset(cls, name: str) -> "CurriculumConfig":
        """``paper``: if/elif, sqrt stages, pass-rate schedule. ``fixed``: 10 steps a stage.
        ``mixed``: R3-style mixed stages. ``loops``: loops are split points too."""
        presets = {
            "paper": cls(),
            "fixed": cls(schedule="fixed"),
            "mixed": cls(schedule="mixed"),
            "loops": cls(split_on=("if", "loop")),
        }
        if name not in presets:
            raise ValueError(f"unknown curriculum preset {name!r}; choose from {sorted(presets)}")
        return presets[name]


# --------------------------------------------------------------------------- lines


def line_start_offsets(code: str) -> list[int]:
    """Character offset where each line of ``code`` starts: ``offsets[i]`` is line ``i + 1``.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as Python's tokenizer counts them. A
    trailing newline opens one more (empty) line. ``len(offsets) >= 1``.
    """
    return [0] + [m.end() for m in _NEWLINE.finditer(code)]


def _line_text(code: str, starts: Sequence[int], line: int) -> str:
    end = starts[line] if line < len(starts) else len(code)
    return code[starts[line - 1] : end]


# --------------------------------------------------------------------------- split points


@dataclass(frozen=True)
class SplitPoint:
    """A line of the canonical solution where a completion may start."""

    line: int  # 1-based line of solutions[0]; the prefix is every line before it
    kind: str  # "if" | "elif" | "for" | "while" | "statement"
    text: str  # the line itself, stripped (for people reading the plan)


def _statement_start(node: ast.stmt) -> int:
    """First line of a statement, decorators included."""
    decorators = getattr(node, "decorator_list", None) or []
    return min([node.lineno] + [d.lineno for d in decorators])


def _is_elif(line_text: str) -> bool:
    # an `elif` is an ast.If in its parent's orelse; only the source tells it from `else: if`
    return line_text.lstrip().startswith("elif")


def _candidates(tree: ast.Module, code: str, starts: list[int], kind: str) -> list[SplitPoint]:
    """All statements of one kind whose first line begins with the statement (no code before it)."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        if kind == "if" and isinstance(node, ast.If):
            line = node.lineno
        elif kind == "loop" and isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            line = node.lineno
        elif kind == "statement":
            line = _statement_start(node)
        else:
            continue
        text = _line_text(code, starts, line)
        indent = len(text) - len(text.lstrip(" \t\f"))
        # Anything but whitespace before the statement on its line (`a = 1; b = 2`): not a cut.
        # col_offset counts UTF-8 bytes; an indent is ASCII, so bytes == characters here.
        if line != node.lineno:  # a decorated def/class starts at its first '@'
            if not text[indent:].startswith("@"):
                continue
        elif node.col_offset != indent:
            continue
        if isinstance(node, ast.If):
            name = "elif" if _is_elif(text) else "if"
        elif kind == "loop":
            name = "while" if isinstance(node, ast.While) else "for"
        else:
            name = "statement"
        out.append(SplitPoint(line=line, kind=name, text=text.strip()))
    return out


def split_points(code: str, config: CurriculumConfig | None = None) -> tuple[list[SplitPoint], str]:
    """Split points of a program and which rule found them.

    Returns ``(points, rule)``: ``points`` sorted by line, one per line, none on the first
    statement (whose prefix would be empty); ``rule`` is ``"if"`` / ``"if+loop"`` (the
    ``split_on`` kinds), ``"fallback:loop"`` / ``"fallback:statement"``, or ``"none"``.
    Raises ``SyntaxError`` when ``code`` does not parse.
    """
    config = config or CurriculumConfig()
    tree = ast.parse(code)
    starts = line_start_offsets(code)
    if not tree.body:
        return [], "none"
    first_statement = _statement_start(tree.body[0])

    def collect(kinds: Iterable[str]) -> list[SplitPoint]:
        by_line: dict[int, SplitPoint] = {}
        for kind in kinds:
            for point in _candidates(tree, code, starts, kind):
                if point.line > first_statement:
                    by_line.setdefault(point.line, point)
        return [by_line[line] for line in sorted(by_line)]

    points = collect(config.split_on)
    if points:
        return points, "+".join(config.split_on)
    for kind in config.fallback:
        points = collect([kind])
        if points:
            return points, f"fallback:{kind}"
    return [], "none"


# --------------------------------------------------------------------------- stages


@dataclass(frozen=True)
class Stage:
    """One stage of one problem: where the given prefix ends."""

    index: int  # 0 = latest cut (shortest completion) ... last = no prefix
    cut: SplitPoint | None  # None: the model writes the whole program

    @property
    def cut_line(self) -> int | None:
        return None if self.cut is None else self.cut.line


def num_cut_stages(num_split_points: int, fixed: int | None = None) -> int:
    """``S``: ``ceil(sqrt(N))`` (the paper), or ``min(fixed, N)``; 0 when ``N == 0``."""
    if num_split_points == 0:
        return 0
    if fixed is not None:
        return min(fixed, num_split_points)
    return math.ceil(math.sqrt(num_split_points))


def select_cuts(points: Sequence[SplitPoint], num_cuts: int) -> list[SplitPoint]:
    """The first split point of each of ``num_cuts`` consecutive, near-equal groups, latest first.

    Group sizes differ by at most one and the later groups are the smaller ones, so stage 0
    (the latest cut) is the easiest. ``select_cuts([c1..c5], 3) == [c5, c3, c1]``.
    """
    n = len(points)
    if not 0 <= num_cuts <= n:
        raise ValueError(f"select_cuts: cannot pick {num_cuts} cuts from {n} split points")
    if num_cuts == 0:
        return []
    base, extra = divmod(n, num_cuts)
    sizes = [base + 1] * extra + [base] * (num_cuts - extra)  # larger groups first
    firsts, i = [], 0
    for size in sizes:
        firsts.append(points[i])
        i += size
    return firsts[::-1]  # latest cut first: stage 0


def make_stages(points: Sequence[SplitPoint], config: CurriculumConfig | None = None) -> list[Stage]:
    """Stages for a problem with these split points: ``S`` cuts, latest first, then no prefix."""
    config = config or CurriculumConfig()
    cuts = select_cuts(points, num_cut_stages(len(points), config.num_cut_stages))
    return [Stage(index=i, cut=c) for i, c in enumerate(cuts)] + [Stage(index=len(cuts), cut=None)]


@dataclass(frozen=True)
class Plan:
    """A problem's curriculum: its split points and stages (what ``curriculum --json`` prints)."""

    problem_id: str
    num_lines: int
    rule: str  # which rule found the split points (see split_points)
    split_points: tuple[SplitPoint, ...]
    stages: tuple[Stage, ...]

    @property
    def num_stages(self) -> int:
        return len(self.stages)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: split points, and per stage its cut and how many lines each side holds."""
        stages = []
        for stage in self.stages:
            d: dict[str, Any] = {"index": stage.index, "cut_line": stage.cut_line,
                                 "cut_kind": None if stage.cut is None else stage.cut.kind}
            prefix_lines = 0 if stage.cut is None else stage.cut.line - 1
            d["prefix_lines"] = prefix_lines
            d["completion_lines"] = self.num_lines - prefix_lines
            stages.append(d)
        return {
            "id": self.problem_id,
            "num_lines": self.num_lines,
            "rule": self.rule,
            "split_points": [asdict(p) for p in self.split_points],
            "stages": stages,
        }


def plan(problem: Problem, config: CurriculumConfig | None = None) -> Plan:
    """Split points and stages of ``problem.solutions[0]``. Raises ``ValueError`` naming the problem."""
    config = config or CurriculumConfig()
    if not problem.solutions:
        raise ValueError(f"curriculum: problem {problem.id!r} has no canonical solution (solutions is empty)")
    code = problem.solutions[0]
    try:
        points, rule = split_points(code, config)
    except SyntaxError as e:
        raise ValueError(f"curriculum: problem {problem.id!r}: solutions[0] does not parse "
                         f"(line {e.lineno}: {e.msg})") from e
    stages = make_stages(points, config)
    return Plan(problem.id, len(line_start_offsets(code)), rule, tuple(points), tuple(stages))


# --------------------------------------------------------------------------- subtasks


def split_solution(code: str, cut_line: int | None) -> tuple[str, str]:
    """``(given_prefix, canonical_remainder)``: ``code`` cut at the start of line ``cut_line``.

    ``None`` gives ``("", code)``. Always ``given_prefix + canonical_remainder == code``.
    """
    if cut_line is None:
        return "", code
    starts = line_start_offsets(code)
    if not 1 <= cut_line <= len(starts):
        raise ValueError(f"split_solution: line {cut_line} is outside 1..{len(starts)}")
    at = starts[cut_line - 1]
    return code[:at], code[at:]


@dataclass(frozen=True)
class Subtask:
    """What the model is asked for one problem at one stage.

    The prompt (built by the trainer from ``problem`` and ``given_prefix``) shows the
    statement, the starter code and the prefix; the model writes the completion; the program
    that runs is :meth:`program` ``= given_prefix + completion``.
    """

    problem: Problem
    stage: int
    num_stages: int
    cut_line: int | None  # 1-based line of solutions[0] the completion starts at; None: no prefix
    given_prefix: str  # solutions[0] up to the start of cut_line ("" at the last stage)
    canonical_remainder: str  # the rest of solutions[0]: a reference completion

    @property
    def is_full_program(self) -> bool:
        return self.cut_line is None

    def program(self, completion: str) -> str:
        """The program the executor runs: prefix and completion, as one text."""
        return self.given_prefix + completion

    def to_dict(self) -> dict[str, Any]:
        return {"problem_id": self.problem.id, "stage": self.stage, "num_stages": self.num_stages,
                "cut_line": self.cut_line, "given_prefix": self.given_prefix,
                "canonical_remainder": self.canonical_remainder}


def make_subtask(problem: Problem, stage: int, the_plan: Plan | None = None,
                 config: CurriculumConfig | None = None) -> Subtask:
    """The subtask for ``problem`` at ``stage`` (an index into its plan's stages)."""
    the_plan = the_plan or plan(problem, config)
    if not 0 <= stage < the_plan.num_stages:
        raise ValueError(f"make_subtask: problem {problem.id!r} has stages 0..{the_plan.num_stages - 1}, got {stage}")
    cut_line = the_plan.stages[stage].cut_line
    prefix, remainder = split_solution(problem.solutions[0], cut_line)
    return Subtask(problem, stage, the_plan.num_stages, cut_line, prefix, remainder)


def response_mask(num_prompt_tokens: int, num_completion_tokens: int) -> list[bool]:
    """``(P + C,)`` booleans: True on the completion's tokens, False on the prompt's.

    The given prefix is inside the prompt, so none of its tokens is ever in the loss: the
    policy is trained only on what it wrote.
    """
    if num_prompt_tokens < 0 or num_completion_tokens < 0:
        raise ValueError("response_mask: token counts must be >= 0")
    return [False] * num_prompt_tokens + [True] * num_completion_tokens


# --------------------------------------------------------------------------- schedule


@dataclass
class _ProblemState:
    stage: int
    num_stages: int
    window: deque = field(default_factory=deque)  # recent pass/fail at the current stage


class Schedule:
    """Which stage each problem is at, and the rule that moves it (see the module docstring).

    Use: ``subtask = schedule.subtask(problem)`` for each rollout; after execution,
    ``schedule.record(problem.id, subtask.stage, passed)``; once per trainer step,
    ``schedule.step()``. Everything it remembers is in :meth:`state_dict`.
    """

    def __init__(self, problems: Sequence[Problem], config: CurriculumConfig | None = None):
        self.config = config or CurriculumConfig()
        self.problems = {p.id: p for p in problems}
        if len(self.problems) != len(problems):
            dup = sorted({p.id for p in problems if sum(q.id == p.id for q in problems) > 1})
            raise ValueError(f"Schedule: duplicate problem ids {dup[:5]}")
        self.plans = {p.id: plan(p, self.config) for p in problems}
        self.global_step = 0
        self._rng = random.Random(self.config.seed)
        self._state = {pid: _ProblemState(0, pl.num_stages, deque(maxlen=self.config.window))
                       for pid, pl in self.plans.items()}

    # -- where each problem is
    def stage_of(self, problem_id: str) -> int:
        """The problem's current stage (pass_rate, fixed) or the highest stage (mixed draws from all)."""
        st = self._get(problem_id)
        if self.config.schedule == "fixed":
            return min(self.global_step // self.config.steps_per_stage, st.num_stages - 1)
        if self.config.schedule == "mixed":
            return st.num_stages - 1
        return st.stage

    def sample_stage(self, problem_id: str) -> int:
        """The stage of the next sample: the current one, or a uniform draw under ``mixed``."""
        st = self._get(problem_id)
        if self.config.schedule == "mixed":
            return self._rng.randrange(st.num_stages)
        return self.stage_of(problem_id)

    def subtask(self, problem: Problem | str, stage: int | None = None) -> Subtask:
        """The subtask for the next sample of ``problem`` (at ``stage`` if given)."""
        pid = problem if isinstance(problem, str) else problem.id
        self._get(pid)
        stage = self.sample_stage(pid) if stage is None else stage
        return make_subtask(self.problems[pid], stage, self.plans[pid])

    # -- how problems move
    def record(self, problem_id: str, stage: int, passed: bool | Iterable[bool]) -> bool:
        """Record pass/fail of samples made at ``stage``; True when the problem advanced.

        pass_rate: outcomes at a stage other than the current one (stale rollouts) are ignored.
        fixed and mixed do not use outcomes.
        """
        st = self._get(problem_id)
        outcomes = [bool(x) for x in passed] if isinstance(passed, Iterable) else [bool(passed)]
        if self.config.schedule != "pass_rate" or stage != st.stage:
            return False
        advanced = False
        for ok in outcomes:
            st.window.append(ok)
            # moving-average pass rate over a full window at this stage
            if (len(st.window) == self.config.window and st.stage < st.num_stages - 1
                    and sum(st.window) / len(st.window) >= self.config.threshold):
                st.stage += 1
                st.window.clear()
                advanced = True
                break  # the remaining outcomes belong to the stage just left
        return advanced

    def step(self) -> None:
        """One trainer step has ended (drives the ``fixed`` schedule)."""
        self.global_step += 1

    def pass_rate(self, problem_id: str) -> float | None:
        """Moving-average pass rate at the current stage (None before any sample)."""
        st = self._get(problem_id)
        return sum(st.window) / len(st.window) if st.window else None

    def metrics(self) -> dict[str, float]:
        """``curriculum/stage_fraction``: mean over problems of stage / last stage (1 = all write
        everything); ``curriculum/full_fraction``: share of problems at the full-program stage.
        Under ``mixed`` every problem counts as at its last stage (it draws from all of them)."""
        fracs, full = [], 0
        for pid, st in self._state.items():
            last = st.num_stages - 1
            k = self.stage_of(pid)
            fracs.append(1.0 if last == 0 else k / last)
            full += k == last
        n = max(len(fracs), 1)
        return {"curriculum/stage_fraction": sum(fracs) / n, "curriculum/full_fraction": full / n}

    # -- checkpointing
    def state_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: config, step, per problem its stage and window, the sampler's state."""
        version, internal, gauss = self._rng.getstate()
        return {
            "config": asdict(self.config),
            "global_step": self.global_step,
            "problems": {pid: {"stage": st.stage, "num_stages": st.num_stages, "window": list(st.window)}
                         for pid, st in self._state.items()},
            "rng": [version, list(internal), gauss],
        }

    def load_state_dict(self, state: dict[str, Any]) -> None:
        """Restore :meth:`state_dict` output; the problems and their stage counts must match."""
        saved_config = asdict(CurriculumConfig(**state["config"]))
        differ = [k for k, v in asdict(self.config).items() if saved_config[k] != v]
        if differ:
            raise ValueError(f"Schedule.load_state_dict: the saved config differs in {differ}; "
                             f"build the Schedule with the checkpoint's config")
        saved = state["problems"]
        missing, extra = set(self._state) - set(saved), set(saved) - set(self._state)
        if missing or extra:
            raise ValueError(f"Schedule.load_state_dict: problem ids differ (missing {sorted(missing)[:5]}, "
                             f"unexpected {sorted(extra)[:5]})")
        for pid, d in saved.items():
            st = self._state[pid]
            if d["num_stages"] != st.num_stages:
                raise ValueError(f"Schedule.load_state_dict: problem {pid!r} has {st.num_stages} stages "
                                 f"here but {d['num_stages']} in the saved state (different config?)")
            if not 0 <= d["stage"] < st.num_stages:
                raise ValueError(f"Schedule.load_state_dict: problem {pid!r} stage {d['stage']} out of range")
        self.global_step = int(state["global_step"])
        for pid, d in saved.items():
            st = self._state[pid]
            st.stage = int(d["stage"])
            st.window = deque((bool(x) for x in d["window"]), maxlen=self.config.window)
        version, internal, gauss = state["rng"]
        self._rng.setstate((version, tuple(internal), gauss))

    def _get(self, problem_id: str) -> _ProblemState:
        try:
            return self._state[problem_id]
        except KeyError:
            raise KeyError(f"Schedule: unknown problem id {problem_id!r}") from None


def render_stage(code: str, cut_line: int | None, given: str = "    ", write: str = ">>  ") -> str:
    """The solution as the model sees one stage: given lines marked ``given``, lines to write ``write``."""
    prefix, remainder = split_solution(code, cut_line)
    out = [given + ln for ln in prefix.splitlines()] + [write + ln for ln in remainder.splitlines()]
    return "\n".join(out)


def plans_to_json(problems: Sequence[Problem], config: CurriculumConfig | None = None) -> list[dict[str, Any]]:
    """Every problem's plan as plain data (the ``curriculum --json`` output)."""
    return [plan(p, config).to_dict() for p in problems]
