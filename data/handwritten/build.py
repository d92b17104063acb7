"""Build data/handwritten.jsonl from the hand-written problem files, computing every output.

Usage (from the repository root):

    .venv/bin/python data/handwritten/build.py            # rebuild data/handwritten.jsonl
    .venv/bin/python data/handwritten/build.py --check    # fail if the committed file is stale

Authors write problems, never outputs. Each problem is a plain dict in
``stdin_problems.py`` or ``call_problems.py`` (both define ``PROBLEMS``):

| key          | stdin problem                         | call-based problem                                   |
|--------------|---------------------------------------|------------------------------------------------------|
| id           | unique slug, e.g. ``hw/stdin/parking-fees`` | unique slug, e.g. ``hw/call/count-vowels``       |
| difficulty   | ``introductory`` or ``interview``     | same                                                 |
| question     | statement with Input/Output/Example   | statement with at least one example                  |
| starter_code | ``""``                                | signature line(s); the solution contains them        |
| fn_name      | ``None``                              | function name, or the ``Solution`` method name       |
| solution     | complete program reading stdin        | complete program defining ``fn_name``                |
| inputs       | list of stdin strings (end in ``\\n``) | list of argument lists                              |
| group        | optional: id of a twin problem on the same topic; the two share a split       |
| split        | optional: ``train``/``valid``/``test`` overrides the hash rule below          |

For every problem the build runs the reference solution *in this process* on every input
(stdin: fresh globals, ``sys.stdin`` replaced, stdout captured; call-based: fresh globals,
the function or a fresh ``Solution()``'s method called with a deep copy of the arguments),
records the output, and validates the problem (see ``validate_raw`` and ``run_problem``).
Any failure raises ``BuildError`` naming the file, the problem id and the field.

Split rule (fixed, documented in README.md): a problem's split is its explicit ``split``
field when given, else decided by a stable hash of its split key, which is its ``group``
when given and its id otherwise: ``b = int(sha256(key).hexdigest()[:8], 16) % 100``;
``b < 70`` -> train, ``b < 85`` -> valid, else test (about 70/15/15). A stdin problem whose
topic twins a call-based one names that problem's id as its ``group``, so the twins always
land in the same split (no topic straddles train and test). Renaming a problem (or its
group) can move it; nothing else can.

The output file holds one ``Problem.to_dict()`` JSON object per line, sorted by id and
written with ``json.dumps(..., sort_keys=True)``, so rebuilding is byte-identical.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import hashlib
import importlib.util
import io
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_OUT = REPO / "data" / "handwritten.jsonl"
SOURCE_FILES = ("stdin_problems.py", "call_problems.py")

sys.path.insert(0, str(REPO))  # run as a script from anywhere: find stepcoder_lite
from stepcoder_lite.data.problem import Problem  # noqa: E402

REQUIRED_KEYS = {"id", "difficulty", "question", "starter_code", "fn_name", "solution", "inputs"}
OPTIONAL_KEYS = {"split", "group"}
DIFFICULTIES = ("introductory", "interview")
SPLITS = ("train", "valid", "test")
MIN_TESTS = 6
MAX_SECONDS_PER_TEST = 1.0  # authors aim for < 0.1 s; this only catches runaway solutions

# "-----Example-----\nInput\n...\nOutput\n..." blocks inside a stdin question (APPS layout).
_EXAMPLE_RE = re.compile(
    r"^Input\n(?P<input>.*?)^Output\n(?P<output>.*?)(?=^Input\n|^-----|^Note|\Z)",
    re.DOTALL | re.MULTILINE,
)


class BuildError(ValueError):
    """A hand-written problem is malformed; the message names file, problem and field."""


# ---------------------------------------------------------------------------------------------
# Loading


def load_raw(directory: Path = HERE) -> list[tuple[str, dict[str, Any]]]:
    """``(file name, problem dict)`` for every problem in the source files that exist.

    ``stdin_problems.py`` must exist; ``call_problems.py`` is read when present.
    """
    raw: list[tuple[str, dict[str, Any]]] = []
    for name in SOURCE_FILES:
        path = Path(directory) / name
        if not path.exists():
            if name == "stdin_problems.py":
                raise BuildError(f"{path}: missing (the stdin half of the hand-written set)")
            continue
        spec = importlib.util.spec_from_file_location(f"_handwritten_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        problems = getattr(module, "PROBLEMS", None)
        if not isinstance(problems, list):
            raise BuildError(f"{name}: must define PROBLEMS as a list of dicts")
        for i, d in enumerate(problems):
            if not isinstance(d, dict):
                raise BuildError(f"{name}: PROBLEMS[{i}] is a {type(d).__name__}, not a dict")
            raw.append((name, d))
    return raw


# ---------------------------------------------------------------------------------------------
# Small pure helpers


def count_conditionals(code: str) -> int:
    """Number of ``ast.If`` nodes (each ``elif`` is its own ``If``): where CCCS can cut."""
    return sum(isinstance(node, ast.If) for node in ast.walk(ast.parse(code)))


def split_for(key: str) -> str:
    """The hash rule: ~70% train, ~15% valid, ~15% test, fixed per split key (group or id)."""
    bucket = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < 70:
        return "train"
    if bucket < 85:
        return "valid"
    return "test"


def parse_examples(question: str) -> list[tuple[str, str]]:
    """``(input, output)`` pairs written in a stdin question's Example section(s)."""
    start = re.search(r"^-----Examples?-----\n", question, re.MULTILINE)
    if start is None:
        return []
    return [(m["input"], m["output"]) for m in _EXAMPLE_RE.finditer(question, start.end())]


def _normalise_text(text: str) -> list[str]:
    """Lines with trailing spaces dropped and blank lines trimmed from both ends."""
    return [line.rstrip() for line in text.strip("\n").split("\n")]


def _check_json_value(value: Any, where: str) -> None:
    """Raise unless ``value`` survives a JSON round trip unchanged (no tuples, sets, ...)."""
    if isinstance(value, tuple):
        raise BuildError(f"{where}: is a tuple {value!r}; return/pass lists instead (JSON has no tuples)")
    if isinstance(value, float) and not math.isfinite(value):
        raise BuildError(f"{where}: {value!r} is not representable in JSON")
    if isinstance(value, list):
        for i, item in enumerate(value):
            _check_json_value(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise BuildError(f"{where}: dict key {key!r} is not a str (JSON would turn it into one)")
            _check_json_value(item, f"{where}[{key!r}]")
        return
    if value is not None and not isinstance(value, (bool, int, float, str)):
        raise BuildError(f"{where}: {type(value).__name__} value {value!r} is not JSON-representable")


# ---------------------------------------------------------------------------------------------
# Running a reference solution


def run_stdin(solution: str, stdin_text: str) -> str:
    """Run a complete stdin program in fresh globals; return what it printed."""
    code = compile(solution, "<solution>", "exec")
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), encoding="utf-8")
    captured = io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = fake_stdin
    try:
        with contextlib.redirect_stdout(captured):
            try:
                exec(code, {"__name__": "__main__", "__builtins__": __builtins__})
            except SystemExit as stop:  # exit()/sys.exit() end a program normally ...
                if stop.code not in (None, 0):  # ... unless with a failure status
                    raise RuntimeError(f"program exited with status {stop.code!r}") from None
    finally:
        sys.stdin = saved_stdin
    return captured.getvalue()


def run_call(solution: str, fn_name: str, class_based: bool, args: list[Any]) -> Any:
    """Run a call-based solution in fresh globals and call ``fn_name`` on a copy of ``args``."""
    namespace: dict[str, Any] = {"__name__": "__main__", "__builtins__": __builtins__}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(solution, "<solution>", "exec"), namespace)
        if class_based:
            fn = getattr(namespace["Solution"](), fn_name)
        else:
            fn = namespace[fn_name]
        return fn(*copy.deepcopy(args))


# ---------------------------------------------------------------------------------------------
# Validation and building


def validate_raw(fname: str, d: dict[str, Any]) -> str:
    """Check the authored fields of one problem; return its io mode ("stdin" or "call")."""
    pid = d.get("id")
    if not isinstance(pid, str) or not pid or any(c.isspace() for c in pid):
        raise BuildError(f"{fname}: problem {pid!r}: field 'id' must be a non-empty slug without spaces")
    where = f"{fname}: problem {pid!r}"
    missing = REQUIRED_KEYS - set(d)
    unknown = set(d) - REQUIRED_KEYS - OPTIONAL_KEYS
    if missing:
        raise BuildError(f"{where}: missing field(s) {sorted(missing)}")
    if unknown:
        raise BuildError(f"{where}: unknown field(s) {sorted(unknown)}")
    if d["difficulty"] not in DIFFICULTIES:
        raise BuildError(f"{where}: field 'difficulty' is {d['difficulty']!r}, expected one of {DIFFICULTIES}")
    if "split" in d and d["split"] not in SPLITS:
        raise BuildError(f"{where}: field 'split' is {d['split']!r}, expected one of {SPLITS}")
    if "group" in d and (not isinstance(d["group"], str) or d["group"] in ("", pid)):
        raise BuildError(f"{where}: field 'group' must be the id of another problem, got {d['group']!r}")
    question = d["question"]
    if not isinstance(question, str) or not question.strip():
        raise BuildError(f"{where}: field 'question' is empty")
    if not re.search(r"example", question, re.IGNORECASE):
        raise BuildError(f"{where}: field 'question' has no worked example")
    solution = d["solution"]
    if not isinstance(solution, str) or not solution.strip():
        raise BuildError(f"{where}: field 'solution' is empty")
    try:
        n_if = count_conditionals(solution)
    except SyntaxError as err:
        raise BuildError(f"{where}: field 'solution' does not compile: {err}") from None
    if n_if < 1:
        raise BuildError(f"{where}: field 'solution' has no if/elif (CCCS cuts at conditionals)")
    inputs = d["inputs"]
    if not isinstance(inputs, list) or len(inputs) < MIN_TESTS:
        n = len(inputs) if isinstance(inputs, list) else type(inputs).__name__
        raise BuildError(f"{where}: field 'inputs' needs at least {MIN_TESTS} tests, got {n}")

    if d["fn_name"] is None:  # stdin problem
        if d["starter_code"] != "":
            raise BuildError(f"{where}: field 'starter_code' must be '' for a stdin problem")
        for i, text in enumerate(inputs):
            if not isinstance(text, str) or not text.endswith("\n"):
                raise BuildError(f"{where}: field 'inputs'[{i}] must be a str ending in a newline")
        examples = parse_examples(question)
        if not examples:
            raise BuildError(f"{where}: field 'question' needs an '-----Example-----' section with Input/Output")
        for i, (ex_in, _) in enumerate(examples):
            if ex_in not in inputs:
                raise BuildError(f"{where}: field 'inputs' must include the question's example {i} input")
        return "stdin"

    if not isinstance(d["fn_name"], str) or not d["fn_name"].isidentifier():
        raise BuildError(f"{where}: field 'fn_name' must be an identifier or None, got {d['fn_name']!r}")
    starter = d["starter_code"]
    if not isinstance(starter, str) or d["fn_name"] not in starter:
        raise BuildError(f"{where}: field 'starter_code' must show the signature of {d['fn_name']!r}")
    solution_lines = {line.rstrip() for line in solution.splitlines()}
    for line in starter.splitlines():
        if line.strip() and line.rstrip() not in solution_lines:
            raise BuildError(f"{where}: field 'solution' lacks the starter code line {line!r}")
    for i, args in enumerate(inputs):
        if not isinstance(args, list):
            raise BuildError(f"{where}: field 'inputs'[{i}] must be a list of arguments, got {type(args).__name__}")
        _check_json_value(args, f"{where}: field 'inputs'[{i}]")
    return "call"


def run_problem(fname: str, d: dict[str, Any], mode: str) -> list[Any]:
    """Compute the outputs of one validated problem (run twice: they must be deterministic)."""
    where = f"{fname}: problem {d['id']!r}"
    class_based = "class Solution" in d["starter_code"]
    outputs: list[Any] = []
    for i, test_input in enumerate(d["inputs"]):
        start = time.perf_counter()
        try:
            if mode == "stdin":
                out = run_stdin(d["solution"], test_input)
                again = run_stdin(d["solution"], test_input)
            else:
                out = run_call(d["solution"], d["fn_name"], class_based, test_input)
                again = run_call(d["solution"], d["fn_name"], class_based, test_input)
        except Exception as err:  # the reference solution itself is wrong: say where
            raise BuildError(f"{where}: solution fails on inputs[{i}] {test_input!r}: {type(err).__name__}: {err}") from None
        elapsed = (time.perf_counter() - start) / 2
        if elapsed > MAX_SECONDS_PER_TEST:
            raise BuildError(f"{where}: solution takes {elapsed:.2f}s on inputs[{i}] (limit {MAX_SECONDS_PER_TEST}s)")
        if out != again:
            raise BuildError(f"{where}: solution is not deterministic on inputs[{i}]")
        if mode == "stdin" and not out.strip():
            raise BuildError(f"{where}: solution prints nothing on inputs[{i}]")
        if mode == "call":
            _check_json_value(out, f"{where}: return value for inputs[{i}]")
        outputs.append(out)
    if len({json.dumps(o, sort_keys=True) for o in outputs}) == 1:
        raise BuildError(f"{where}: field 'inputs' gives the same output on every test; tests must discriminate")
    if mode == "stdin":  # the worked examples in the statement must agree with the solution
        for j, (ex_in, ex_out) in enumerate(parse_examples(d["question"])):
            got = outputs[d["inputs"].index(ex_in)]
            if _normalise_text(got) != _normalise_text(ex_out):
                raise BuildError(
                    f"{where}: field 'question' example {j} says output {ex_out!r} but the solution prints {got!r}"
                )
    return outputs


def build_problems(raw: list[tuple[str, dict[str, Any]]]) -> list[Problem]:
    """Validate and run every problem; return ``Problem`` records sorted by id."""
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    all_ids = {d.get("id") for _, d in raw}
    for fname, d in raw:
        mode = validate_raw(fname, d)
        if d["id"] in seen:
            raise BuildError(f"{fname}: problem {d['id']!r}: field 'id' duplicates one in {seen[d['id']]}")
        seen[d["id"]] = fname
        if "group" in d and d["group"] not in all_ids:
            raise BuildError(f"{fname}: problem {d['id']!r}: field 'group' names {d['group']!r}, which is not in the set")
        outputs = run_problem(fname, d, mode)
        problems.append(
            Problem(
                id=d["id"],
                question=d["question"],
                solutions=[d["solution"]],
                inputs=list(d["inputs"]),
                outputs=outputs,
                fn_name=d["fn_name"],
                starter_code=d["starter_code"],
                entry_point=None,
                difficulty=d["difficulty"],
                source="handwritten",
                split=d.get("split") or split_for(d.get("group") or d["id"]),
                meta={},
            )
        )
    return sorted(problems, key=lambda p: p.id)


def to_jsonl(problems: list[Problem]) -> str:
    """The exact text of data/handwritten.jsonl for these problems."""
    return "".join(json.dumps(p.to_dict(), sort_keys=True, ensure_ascii=False) + "\n" for p in problems)


def summarize(problems: list[Problem]) -> dict[str, Any]:
    """Counts a reviewer wants: per io mode, difficulty, split, and conditionals per solution."""
    n_if = [count_conditionals(p.solutions[0]) for p in problems]
    histogram = Counter(min(k, 5) for k in n_if)  # 5 means "5 or more"
    return {
        "problems": len(problems),
        "io_mode": dict(sorted(Counter(p.io_mode for p in problems).items())),
        "difficulty": dict(sorted(Counter(p.difficulty for p in problems).items())),
        "split": {s: sum(p.split == s for p in problems) for s in SPLITS},
        "tests": sum(p.num_tests for p in problems),
        "conditionals_histogram": {("5+" if k == 5 else str(k)): histogram[k] for k in sorted(histogram)},
        "frac_two_or_more_conditionals": round(sum(k >= 2 for k in n_if) / max(len(n_if), 1), 3),
    }


def build(directory: Path = HERE, out: Path | None = DEFAULT_OUT) -> list[Problem]:
    """Load, validate, run and (when ``out`` is given) write the set; return the problems."""
    problems = build_problems(load_raw(directory))
    if out is not None:
        Path(out).write_text(to_jsonl(problems), encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSONL")
    parser.add_argument("--check", action="store_true", help="do not write; fail if --out is out of date")
    args = parser.parse_args(argv)
    try:
        problems = build_problems(load_raw(HERE))
    except BuildError as err:
        print(f"build failed: {err}", file=sys.stderr)
        return 1
    text = to_jsonl(problems)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run python data/handwritten/build.py", file=sys.stderr)
            return 1
    else:
        args.out.write_text(text, encoding="utf-8")
    print(json.dumps(summarize(problems), indent=2))
    if not (HERE / "call_problems.py").exists():
        print("note: call_problems.py not present; built the stdin half only", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
