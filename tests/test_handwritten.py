"""The bundled hand-written set: data/handwritten.jsonl is what build.py makes, and it is big,
balanced and branchy enough for CCCS (every solution has conditionals to cut at)."""

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from stepcoder_lite.data.problem import Problem

REPO = Path(__file__).resolve().parent.parent
HW_DIR = REPO / "data" / "handwritten"
JSONL = REPO / "data" / "handwritten.jsonl"


def _load_build_module():
    spec = importlib.util.spec_from_file_location("handwritten_build", HW_DIR / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_module()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> tuple[list[Problem], str]:
    """Build the set from the problem files into a temporary file (never over the committed one)."""
    out = tmp_path_factory.mktemp("handwritten") / "handwritten.jsonl"
    problems = build.build(HW_DIR, out)
    return problems, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def committed() -> list[Problem]:
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    return [Problem.from_dict(json.loads(line)) for line in lines]


# --- the committed file -------------------------------------------------------------------------


def test_rebuild_reproduces_committed_jsonl_exactly(rebuilt):
    _, text = rebuilt
    assert text == JSONL.read_text(encoding="utf-8"), "data/handwritten.jsonl is stale: run data/handwritten/build.py"


def test_both_halves_are_present():
    assert (HW_DIR / "stdin_problems.py").exists()
    assert (HW_DIR / "call_problems.py").exists(), "the call-based half (call_problems.py) is missing"


def test_counts_the_issue_demands(committed):
    n = len(committed)
    n_stdin = sum(p.io_mode == "stdin" for p in committed)
    n_call = sum(p.io_mode == "call" for p in committed)
    assert n >= 100
    assert n_stdin >= 56
    assert n_stdin + n_call == n
    assert n_stdin >= 0.5 * n
    assert n_call >= 1


def test_every_solution_branches(committed):
    n_if = {p.id: build.count_conditionals(p.solutions[0]) for p in committed}
    assert min(n_if.values()) >= 1, [pid for pid, k in n_if.items() if k < 1]
    assert sum(k >= 2 for k in n_if.values()) >= 0.7 * len(committed)


def test_records_are_well_formed(committed):
    ids = [p.id for p in committed]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    for p in committed:
        assert p.source == "handwritten" and p.entry_point is None and p.meta == {}
        assert p.difficulty in ("introductory", "interview")
        assert len(p.solutions) == 1
        assert p.num_tests >= 6 and len(p.outputs) == p.num_tests, p.id
        assert len({json.dumps(o, sort_keys=True) for o in p.outputs}) > 1, p.id
        if p.io_mode == "stdin":
            assert p.starter_code == "" and all(isinstance(x, str) for x in p.inputs + p.outputs), p.id
        else:
            assert all(isinstance(args, list) for args in p.inputs), p.id


def test_splits_follow_the_documented_rule_and_are_all_used(committed):
    for p in committed:
        assert p.split in ("train", "valid", "test"), p.id
    by_split = {s: [p for p in committed if p.split == s] for s in ("train", "valid", "test")}
    for s, members in by_split.items():
        assert members, f"split {s} is empty"
    # Without an explicit override, the split is the hash bucket of the group (else the id),
    # so topic twins (a stdin problem naming a call-based one as its group) share a split.
    raw = {d["id"]: d for _, d in build.load_raw(HW_DIR)}
    split_of = {p.id: p.split for p in committed}
    for p in committed:
        d = raw[p.id]
        assert p.split == (d.get("split") or build.split_for(d.get("group") or p.id)), p.id
        if "group" in d:
            assert split_of[d["group"]] == p.split, (p.id, d["group"])
    assert len(by_split["train"]) > len(by_split["valid"]) and len(by_split["train"]) > len(by_split["test"])


def test_stdin_statements_read_like_apps(committed):
    for p in committed:
        if p.io_mode != "stdin":
            continue
        assert "-----Input-----" in p.question and "-----Output-----" in p.question, p.id
        examples = build.parse_examples(p.question)
        assert examples, p.id
        for ex_in, _ in examples:
            assert ex_in in p.inputs, p.id


# --- the builder's checks fire -------------------------------------------------------------------

GOOD_STDIN = dict(
    id="hw/stdin/sign",
    difficulty="introductory",
    question="Print the sign.\n\n-----Input-----\nn\n\n-----Output-----\nsign\n\n-----Example-----\nInput\n-3\nOutput\nNEG\n",
    starter_code="",
    fn_name=None,
    solution="n = int(input())\nif n < 0:\n    print('NEG')\nelif n == 0:\n    print('ZERO')\nelse:\n    print('POS')\n",
    inputs=["-3\n", "0\n", "5\n", "-1\n", "1\n", "100\n"],
)

GOOD_CALL = dict(
    id="hw/call/clamp",
    difficulty="interview",
    question="Clamp x into [lo, hi].\n\nExample: clamp(5, 0, 3) == 3",
    starter_code="class Solution:\n    def clamp(self, x: int, lo: int, hi: int) -> list[int]:\n",
    fn_name="clamp",
    solution=(
        "class Solution:\n    def clamp(self, x: int, lo: int, hi: int) -> list[int]:\n"
        "        if x < lo:\n            return [lo, -1]\n        if x > hi:\n            return [hi, 1]\n"
        "        return [x, 0]\n"
    ),
    inputs=[[5, 0, 3], [-1, 0, 3], [2, 0, 3], [0, 0, 0], [7, 7, 9], [10, -5, 5]],
)


def test_builder_accepts_good_problems_and_computes_outputs():
    stdin_p, call_p = build.build_problems([("t.py", GOOD_STDIN), ("t.py", GOOD_CALL)])[::-1]
    assert stdin_p.outputs == ["NEG\n", "ZERO\n", "POS\n", "NEG\n", "POS\n", "POS\n"]
    assert call_p.outputs == [[3, 1], [0, -1], [2, 0], [0, 0], [7, 0], [5, 1]]
    assert call_p.is_class_based and call_p.split == build.split_for("hw/call/clamp")


@pytest.mark.parametrize(
    "base, change, message",
    [
        (GOOD_STDIN, {"inputs": GOOD_STDIN["inputs"][:5]}, "at least 6"),
        (GOOD_STDIN, {"solution": "print(int(input()) * 0 + 1)\n"}, "no if/elif"),
        (GOOD_STDIN, {"solution": "n = int(input()\nif n:\n    print(n)\n"}, "does not compile"),
        (GOOD_STDIN, {"question": GOOD_STDIN["question"].replace("NEG\n", "POS\n")}, "example 0 says output"),
        (GOOD_STDIN, {"question": "Print the sign of n."}, "no worked example"),
        (GOOD_STDIN, {"inputs": ["-3\n"] + ["1\n"] * 5}, None),  # varied enough: NEG vs POS
        (GOOD_STDIN, {"inputs": ["-3\n", "-4\n", "-5\n", "-6\n", "-7\n", "-8\n"]}, "same output on every test"),
        (GOOD_STDIN, {"inputs": ["-3"] + GOOD_STDIN["inputs"][1:]}, "ending in a newline"),
        (GOOD_STDIN, {"difficulty": "easy"}, "difficulty"),
        (GOOD_STDIN, {"tags": ["math"]}, "unknown field"),
        (GOOD_STDIN, {"split": "holdout"}, "field 'split'"),
        (GOOD_STDIN, {"group": "hw/call/not-there"}, "not in the set"),
        (GOOD_STDIN, {"group": "hw/stdin/sign"}, "field 'group'"),
        (GOOD_STDIN, {"solution": "n = int(input())\nif n < 0:\n    raise ValueError('boom')\nprint(n)\n"}, "ValueError: boom"),
        (GOOD_CALL, {"solution": GOOD_CALL["solution"].replace("[x, 0]", "(x, 0)")}, "tuple"),
        (GOOD_CALL, {"solution": GOOD_CALL["solution"].replace("[x, 0]", "{x: 0}")}, "not a str"),
        (GOOD_CALL, {"solution": GOOD_CALL["solution"].replace("def clamp(self", "def clip(self")}, "lacks the starter"),
        (GOOD_CALL, {"inputs": [(1, 2, 3)] + GOOD_CALL["inputs"][1:]}, "list of arguments"),
    ],
)
def test_builder_rejects_bad_problems_naming_problem_and_field(base, change, message):
    d = copy.deepcopy(base)
    d.update(change)
    if message is None:
        build.build_problems([("t.py", d)])  # control case: this one is fine
        return
    with pytest.raises(build.BuildError) as err:
        build.build_problems([("t.py", d)])
    assert message in str(err.value)
    assert "t.py" in str(err.value) and base["id"] in str(err.value)


def test_group_puts_twins_in_one_split():
    twin = copy.deepcopy(GOOD_STDIN)
    twin.update(id="hw/stdin/sign-again", group="hw/call/clamp")
    problems = {p.id: p for p in build.build_problems([("t.py", twin), ("t.py", GOOD_CALL)])}
    assert problems["hw/stdin/sign-again"].split == problems["hw/call/clamp"].split == build.split_for("hw/call/clamp")


def test_builder_rejects_duplicate_ids():
    with pytest.raises(build.BuildError, match="duplicates"):
        build.build_problems([("a.py", GOOD_STDIN), ("b.py", copy.deepcopy(GOOD_STDIN))])


def test_call_arguments_are_deep_copied():
    """A solution that mutates its argument must not change the recorded input."""
    d = copy.deepcopy(GOOD_CALL)
    d.update(
        id="hw/call/pop-last",
        starter_code="def pop_last(xs: list[int]) -> int:\n",
        fn_name="pop_last",
        solution="def pop_last(xs: list[int]) -> int:\n    if not xs:\n        return -1\n    return xs.pop()\n",
        inputs=[[[1, 2]], [[]], [[3]], [[4, 5, 6]], [[0]], [[9, 9]]],
    )
    (p,) = build.build_problems([("t.py", d)])
    assert p.inputs[0] == [[1, 2]] and p.outputs == [2, -1, 3, 6, 0, 9]


def test_split_rule_is_stable_and_roughly_70_15_15():
    assert build.split_for("hw/stdin/parking-fees") == build.split_for("hw/stdin/parking-fees")
    splits = [build.split_for(f"hw/x/{i}") for i in range(2000)]
    for s, share in (("train", 0.70), ("valid", 0.15), ("test", 0.15)):
        assert abs(splits.count(s) / len(splits) - share) < 0.04


# --- the reference solutions are right -----------------------------------------------------------


@pytest.mark.slow
def test_every_reference_solution_passes_the_real_executor():
    """What the trainer will see: the bundled loader's records, judged by the sandboxed executor."""
    from stepcoder_lite.data import load_source
    from stepcoder_lite.executor import Executor

    problems = load_source("handwritten")
    with Executor(workers=2) as executor:
        results = executor.run_batch([(p.solutions[0], p.tests()) for p in problems])
    failed = {p.id: r.verdict.value for p, r in zip(problems, results) if not r.passed}
    assert not failed


def _brute_street_lamps(text):
    s = text.split()[0]
    candidates = [s] + [s[:i] + "1" + s[i + 1:] for i, ch in enumerate(s) if ch == "0"]
    return str(max(max((len(run) for run in c.split("0")), default=0) for c in candidates))


def _brute_almost_palindrome(text):
    w = text.split()[0]
    if w == w[::-1]:
        return "PALINDROME"
    deletions = (w[:i] + w[i + 1:] for i in range(len(w)))
    return "ALMOST" if any(d == d[::-1] for d in deletions) else "NO"


def _brute_two_gifts(text):
    lines = text.splitlines()
    k = int(lines[0].split()[1])
    prices = list(map(int, lines[1].split()))
    pairs = [sorted((prices[i], prices[j])) for i in range(len(prices)) for j in range(i + 1, len(prices))]
    pairs = [p for p in pairs if sum(p) == k]
    if not pairs:
        return "IMPOSSIBLE"
    best = min(pairs, key=lambda p: p[1] - p[0])
    return f"{best[0]} {best[1]}"


def _brute_road_trip(text):
    lines = text.splitlines()
    d, r, _ = map(int, lines[0].split())
    points = [0] + sorted(map(int, lines[1].split())) + [d]
    stops = [0] + [None] * (len(points) - 1)  # fewest refuels to arrive at points[i] (refuel there not counted)
    for i in range(1, len(points)):
        options = [stops[j] + (j > 0) for j in range(i) if stops[j] is not None and points[i] - points[j] <= r]
        stops[i] = min(options) if options else None
    return "IMPOSSIBLE" if stops[-1] is None else str(stops[-1])


def _brute_grid_paths(text):
    lines = text.splitlines()
    h, w = map(int, lines[0].split())
    grid = lines[1:]
    if h * w > 25:
        return None  # too big to enumerate paths

    def count(r, c):
        if r >= h or c >= w or grid[r][c] == "#":
            return 0
        if (r, c) == (h - 1, w - 1):
            return 1
        return count(r + 1, c) + count(r, c + 1)

    return str(count(0, 0))


def _brute_bishop(text):
    start, goal = text.split()
    squares = [(c, r) for c in range(8) for r in range(8)]
    a, b = (ord(start[0]) - 97, int(start[1]) - 1), (ord(goal[0]) - 97, int(goal[1]) - 1)
    dist, frontier = {a: 0}, [a]
    while frontier:
        nxt = []
        for c, r in frontier:
            for c2, r2 in squares:
                if abs(c2 - c) == abs(r2 - r) != 0 and (c2, r2) not in dist:
                    dist[(c2, r2)] = dist[(c, r)] + 1
                    nxt.append((c2, r2))
        frontier = nxt
    return str(dist[b]) if b in dist else "NEVER"


def _brute_room_bookings(text):
    lines = text.splitlines()[1:]
    spans = [tuple(map(int, line.split())) for line in lines]
    if max(r for _, r in spans) > 10**4:
        return None
    busy = sorted({m for l, r in spans for m in range(l, r)})
    blocks = 1 + sum(1 for x, y in zip(busy, busy[1:]) if y != x + 1)  # touching bookings leave no gap
    return f"{len(busy)} {blocks}"


BRUTE_FORCE = {
    "hw/stdin/street-lamps": _brute_street_lamps,
    "hw/stdin/almost-palindrome": _brute_almost_palindrome,
    "hw/stdin/two-gifts": _brute_two_gifts,
    "hw/stdin/road-trip": _brute_road_trip,
    "hw/stdin/grid-paths": _brute_grid_paths,
    "hw/stdin/bishop-moves": _brute_bishop,
    "hw/stdin/room-bookings": _brute_room_bookings,
}


@pytest.mark.parametrize("problem_id", sorted(BRUTE_FORCE))
def test_interview_references_agree_with_brute_force(committed, problem_id):
    (problem,) = [p for p in committed if p.id == problem_id]
    checked = 0
    for test_input, expected in zip(problem.inputs, problem.outputs):
        brute = BRUTE_FORCE[problem_id](test_input)
        if brute is None:
            continue
        assert expected.strip() == brute, (problem_id, test_input)
        checked += 1
    assert checked >= 5
