"""stepcoder_lite.curriculum (CCCS): split points, stages, subtasks and the schedule,
on hand-written programs and on every real APPS+ solution in ../shared."""

import ast
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from stepcoder_lite.curriculum import (
    CurriculumConfig,
    Schedule,
    SplitPoint,
    line_start_offsets,
    make_stages,
    make_subtask,
    num_cut_stages,
    plan,
    response_mask,
    select_cuts,
    split_points,
    split_solution,
)
from stepcoder_lite.data.problem import Problem

REPO = Path(__file__).resolve().parent.parent  # not `from conftest import`: notebooks/ has a conftest too

BRANCHY = """\
import sys
def solve():
    n = int(input())
    if n < 0:
        print("neg")
    elif n == 0:
        print("zero")
    else:
        if n % 2:
            print("odd")
        for i in range(n):
            while i:
                i -= 1
    print(f(1,
            2))
solve()
"""


def problem(code: str, pid: str = "p") -> Problem:
    return Problem(id=pid, question="q", solutions=[code], inputs=[], outputs=[])


def lines(points):
    return [(p.line, p.kind) for p in points]


# --------------------------------------------------------------------------- split points


def test_split_points_are_if_and_elif_lines():
    points, rule = split_points(BRANCHY)
    assert rule == "if"
    assert lines(points) == [(4, "if"), (6, "elif"), (9, "if")]
    assert points[1].text == "elif n == 0:"


def test_loops_as_an_option():
    points, rule = split_points(BRANCHY, CurriculumConfig(split_on=("if", "loop")))
    assert rule == "if+loop"
    assert lines(points) == [(4, "if"), (6, "elif"), (9, "if"), (11, "for"), (12, "while")]


def test_fallback_loops_then_statements_then_nothing():
    loops_only = "def main():\n    s = 0\n    for x in range(3):\n        s += x\n    print(s)\n"
    points, rule = split_points(loops_only)
    assert (rule, lines(points)) == ("fallback:loop", [(3, "for")])

    straight = "import math\ndef main():\n    a = 1\n    b = (a +\n         2)\n    print(b)\nmain()\n"
    points, rule = split_points(straight)
    assert rule == "fallback:statement"
    # every statement's first line, never line 5 (inside the multi-line assignment), never line 1
    assert [p.line for p in points] == [2, 3, 4, 6, 7]

    points, rule = split_points(straight, CurriculumConfig(fallback=()))
    assert (points, rule) == ([], "none")
    assert split_points("def f(x): return x")[1] == "none"  # one statement: nothing to cut before


def test_no_cut_inside_strings_or_after_semicolons_or_at_the_first_statement():
    code = 'if True:\n    s = """\nif x:\n    pass\n"""\n    a = 1; b = 2\nx = 3\n'
    points, rule = split_points(code, CurriculumConfig(fallback=()))
    assert (points, rule) == ([], "none")  # the only `if` is the first statement; the string's is text
    points, rule = split_points(code, CurriculumConfig(split_on=("statement",)))
    assert [p.line for p in points] == [2, 6, 7]  # `b = 2` shares line 6 with `a = 1`: not a cut


def test_decorated_definition_starts_at_its_decorator():
    code = "import functools\n@functools.lru_cache(None)\ndef f(n):\n    return n\nprint(f(3))\n"
    points, _ = split_points(code)
    assert [(p.line, p.text) for p in points] == [(2, "@functools.lru_cache(None)"), (4, "return n"), (5, "print(f(3))")]
    # never line 3: that would split the decorator from its def


def test_split_solution_keeps_crlf_and_lone_cr_exact():
    code = "a = 1\r\nif a:\r    b = 2\nc = 3"
    assert line_start_offsets(code) == [0, 7, 13, 23]
    prefix, rest = split_solution(code, 2)
    assert (prefix, rest) == ("a = 1\r\n", "if a:\r    b = 2\nc = 3")
    assert [p.line for p in split_points(code)[0]] == [2]
    assert split_solution(code, None) == ("", code)
    with pytest.raises(ValueError, match="outside"):
        split_solution(code, 9)


# --------------------------------------------------------------------------- stages


@pytest.mark.parametrize("n, expected", [(0, 0), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (17, 5)])
def test_paper_rule_ceil_sqrt(n, expected):
    assert num_cut_stages(n) == expected


def test_fixed_number_of_stages_is_capped_by_split_points():
    assert num_cut_stages(7, fixed=3) == 3
    assert num_cut_stages(2, fixed=5) == 2


def test_select_cuts_groups_latest_first():
    pts = [SplitPoint(line, "if", "") for line in (10, 20, 30, 40, 50)]
    # groups [10 20] [30 40] [50]: cuts at each group's first point, latest first
    assert [p.line for p in select_cuts(pts, 3)] == [50, 30, 10]
    assert [p.line for p in select_cuts(pts, 2)] == [40, 10]  # groups [10 20 30] [40 50]
    assert [p.line for p in select_cuts(pts, 5)] == [50, 40, 30, 20, 10]
    assert select_cuts(pts, 0) == []
    with pytest.raises(ValueError):
        select_cuts(pts, 6)


def test_stages_of_a_problem():
    p = plan(problem(BRANCHY))
    # 3 conditionals -> ceil(sqrt(3)) = 2 cut stages (groups [4 6] [9]) + the full program
    assert [s.cut_line for s in p.stages] == [9, 4, None]
    assert p.to_dict()["stages"][0] == {"index": 0, "cut_line": 9, "cut_kind": "if",
                                        "prefix_lines": 8, "completion_lines": 9}
    fixed = plan(problem(BRANCHY), CurriculumConfig(num_cut_stages=3))
    assert [s.cut_line for s in fixed.stages] == [9, 6, 4, None]
    assert make_stages([])[0].cut is None and len(make_stages([])) == 1


def test_subtask_reassembles_and_masks_the_prefix():
    prob = problem(BRANCHY)
    sub = make_subtask(prob, 0)
    assert sub.cut_line == 9 and sub.num_stages == 3
    assert sub.given_prefix.endswith('print("zero")\n    else:\n')
    assert sub.canonical_remainder.startswith("        if n % 2:")
    assert sub.program(sub.canonical_remainder) == BRANCHY
    last = make_subtask(prob, 2)
    assert (last.given_prefix, last.is_full_program, last.program(BRANCHY)) == ("", True, BRANCHY)
    assert response_mask(3, 2) == [False, False, False, True, True]
    with pytest.raises(ValueError, match="stages 0..2"):
        make_subtask(prob, 3)


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match="'broken'.*does not parse"):
        plan(problem("def f(:\n", "broken"))
    with pytest.raises(ValueError, match="'empty'"):
        plan(Problem(id="empty", question="", solutions=[], inputs=[], outputs=[]))
    with pytest.raises(ValueError, match="unknown kind"):
        CurriculumConfig(split_on=("switch",))


# --------------------------------------------------------------------------- real data


def check_plan(prob: Problem, config: CurriculumConfig) -> None:
    """Everything the issue asks of one problem's plan, re-derived from the AST independently."""
    code = prob.solutions[0]
    p = plan(prob, config)
    tree = ast.parse(code)
    src_lines = code.splitlines(keepends=True) if "\r" not in code else None
    stmts = [n for n in ast.walk(tree) if isinstance(n, ast.stmt)]
    ifs = {n.lineno for n in ast.walk(tree) if isinstance(n, ast.If)}
    loops = {n.lineno for n in ast.walk(tree) if isinstance(n, (ast.For, ast.While, ast.AsyncFor))}
    starts = {min([n.lineno] + [d.lineno for d in getattr(n, "decorator_list", [])]) for n in stmts}
    allowed = {"if": ifs, "if+loop": ifs | loops, "fallback:loop": loops, "fallback:statement": starts}
    if p.rule == "none":
        assert p.split_points == ()
    else:
        assert {sp.line for sp in p.split_points} <= allowed[p.rule], (prob.id, p.rule)
    if p.rule.startswith("fallback"):
        assert not ifs - {min(starts)}, f"{prob.id}: fell back although it has conditionals"
    S = num_cut_stages(len(p.split_points), config.num_cut_stages)
    assert len(p.stages) == S + 1 and p.stages[-1].cut is None
    cut_lines = [s.cut_line for s in p.stages[:-1]]
    assert cut_lines == sorted(cut_lines, reverse=True) and len(set(cut_lines)) == len(cut_lines)
    if cut_lines:
        assert cut_lines[-1] == p.split_points[0].line  # the earliest cut is the first split point
    for stage in p.stages:
        sub = make_subtask(prob, stage.index, p)
        assert sub.given_prefix + sub.canonical_remainder == code, prob.id
        if stage.cut is None:
            continue
        assert sub.given_prefix.endswith(("\n", "\r")) and sub.given_prefix.strip(), prob.id
        if src_lines is not None:
            assert sub.given_prefix == "".join(src_lines[: stage.cut_line - 1])
        first = sub.canonical_remainder.lstrip(" \t")
        word = {"if": "if", "elif": "elif", "for": "for", "while": "while"}.get(stage.cut.kind)
        if word:
            assert first.startswith(word) and not first[len(word)].isidentifier(), (prob.id, first[:20])
        # never inside a multi-line statement (simple statement or compound header)
        for n in stmts:
            body = getattr(n, "body", None)
            end = n.end_lineno if not isinstance(body, list) else body[0].lineno - 1
            assert not (n.lineno < stage.cut_line <= end), (prob.id, stage.cut_line, ast.dump(n)[:60])


def apps_plus_problems(path):
    # read the raw records: the curriculum only needs the canonical solution's text
    return [problem(r["canonical_solution"], f"{path.name}/{i}") for i, r in enumerate(json.loads(path.read_text()))]


@pytest.mark.parametrize("config", [CurriculumConfig(), CurriculumConfig(split_on=("if", "loop")),
                                    CurriculumConfig(num_cut_stages=2)], ids=["paper", "loops", "fixed2"])
def test_every_real_apps_plus_solution(apps_plus_dir, config):
    rules = {}
    for name in ("valid_all.json", "train.json", "valid.json"):
        for prob in apps_plus_problems(apps_plus_dir / name):
            check_plan(prob, config)
            rules[plan(prob, config).rule] = rules.get(plan(prob, config).rule, 0) + 1
    assert sum(rules.values()) == 532
    assert rules.get("none", 0) <= 5  # only one-statement programs have nothing to cut


def test_real_counts_match_the_data_stats(apps_plus_dir):
    probs = apps_plus_problems(apps_plus_dir / "valid_all.json")
    plans = [plan(p) for p in probs]
    with_if = sum(p.rule == "if" for p in plans)
    by_ast = sum(any(isinstance(n, ast.If) for n in ast.walk(ast.parse(p.solutions[0]))) for p in probs)
    assert with_if == by_ast == 316  # 184 of 500 have no `if`: the fallback matters


@pytest.mark.parametrize("kind, scope_kinds", [("if", {"If Statement Body"}),
                                               ("loop", {"For Loop Body", "While Loop Body"})])
def test_split_points_match_the_authors_scope_field(apps_plus_dir, kind, scope_kinds):
    """APPS+ records carry the StepCoder authors' own AST blocks, `scope`: [kind, first, last].
    Our split lines are exactly the first lines of their if-blocks (elif included) and loops."""
    config = CurriculumConfig(split_on=(kind,), fallback=())
    for name in ("valid_all.json", "train.json"):
        for i, record in enumerate(json.loads((apps_plus_dir / name).read_text())):
            ours = {p.line for p in split_points(record["canonical_solution"], config)[0]}
            theirs = {first for block, first, _ in record["scope"] if block in scope_kinds}
            assert ours == theirs, (name, i)


def test_every_bundled_problem():
    data = pytest.importorskip("stepcoder_lite.data")
    if not hasattr(data, "load_source"):
        pytest.skip("stepcoder_lite.data.load_source has not landed")
    checked = 0
    for spec in ("handwritten", "families", "humaneval"):
        try:
            problems = data.load_source(spec)
        except Exception as e:  # a set still being built: say which
            pytest.skip(f"load_source({spec!r}) unavailable: {e}")
        for prob in problems:
            check_plan(prob, CurriculumConfig())
            checked += 1
    assert checked > 0


# --------------------------------------------------------------------------- schedule


def three_problems():
    # stage counts: BRANCHY 3, one-if program 2, one-statement program 1
    return [problem(BRANCHY, "a"), problem("x = 1\nif x:\n    print(x)\n", "b"), problem("print(1)", "c")]


def test_pass_rate_schedule_advances_on_a_full_window_at_threshold():
    s = Schedule(three_problems(), CurriculumConfig(window=4, threshold=0.75))
    assert [s.stage_of(pid) for pid in "abc"] == [0, 0, 0]
    assert s.record("a", 0, [True, False, True]) is False  # window not full yet
    assert s.pass_rate("a") == pytest.approx(2 / 3)
    assert s.record("a", 0, False) is False  # window full: 2/4 = 0.5 < 0.75
    assert s.record("a", 0, True) is False  # [F, T, F, T] = 0.5
    assert s.record("a", 0, [True, True]) is True  # [F, T, T, T] = 0.75: advance
    assert s.stage_of("a") == 1 and s.pass_rate("a") is None  # a fresh window at the new stage
    assert s.record("a", 0, [True] * 4) is False  # stale outcomes from stage 0 are ignored
    assert s.record("a", 1, [True] * 4) is True and s.stage_of("a") == 2
    assert s.record("a", 2, [True] * 8) is False and s.stage_of("a") == 2  # the last stage stays
    assert s.record("c", 0, [True] * 8) is False  # one stage only
    sub = s.subtask("a")
    assert sub.is_full_program and sub.stage == 2


def test_advance_consumes_only_the_outcomes_of_the_stage_it_leaves():
    s = Schedule(three_problems(), CurriculumConfig(window=2, threshold=1.0))
    assert s.record("a", 0, [True, True, True, True]) is True
    assert s.stage_of("a") == 1 and s.pass_rate("a") is None


def test_fixed_schedule():
    s = Schedule(three_problems(), CurriculumConfig(schedule="fixed", steps_per_stage=2))
    seen = []
    for _ in range(6):
        seen.append([s.stage_of(pid) for pid in "abc"])
        s.step()
    assert seen == [[0, 0, 0], [0, 0, 0], [1, 1, 0], [1, 1, 0], [2, 1, 0], [2, 1, 0]]


def test_mixed_schedule_draws_every_stage():
    s = Schedule(three_problems(), CurriculumConfig(schedule="mixed", seed=3))
    draws = [s.subtask("a").stage for _ in range(300)]
    counts = [draws.count(k) for k in range(3)]
    assert all(70 < c < 130 for c in counts), counts
    assert {s.sample_stage("c") for _ in range(20)} == {0}


def test_state_dict_round_trips_through_json():
    probs = three_problems()
    for schedule in ("pass_rate", "mixed"):
        cfg = CurriculumConfig(schedule=schedule, window=3, threshold=0.5, seed=7)
        s = Schedule(probs, cfg)
        s.record("a", 0, [True, True])
        s.record("b", 0, [True, False, True])
        s.step()
        _ = [s.sample_stage("a") for _ in range(5)]
        state = json.loads(json.dumps(s.state_dict()))
        restored = Schedule(probs, cfg)
        restored.load_state_dict(state)
        assert restored.state_dict() == s.state_dict()
        assert [restored.sample_stage("a") for _ in range(20)] == [s.sample_stage("a") for _ in range(20)]
        assert restored.record("a", s.stage_of("a"), True) == s.record("a", s.stage_of("a"), True)
        assert restored.metrics() == s.metrics()


def test_load_state_dict_refuses_a_different_setup():
    s = Schedule(three_problems())
    state = s.state_dict()
    with pytest.raises(ValueError, match="threshold"):
        Schedule(three_problems(), CurriculumConfig(threshold=0.9)).load_state_dict(state)
    with pytest.raises(ValueError, match="problem ids differ"):
        Schedule(three_problems()[:2]).load_state_dict(state)
    with pytest.raises(KeyError, match="'zzz'"):
        s.stage_of("zzz")


def test_metrics():
    s = Schedule(three_problems(), CurriculumConfig(window=1, threshold=1.0))
    s.record("a", 0, True)  # a: 1 of 2 steps; b: 0 of 1; c: its only stage is the full program
    m = s.metrics()
    assert m["curriculum/stage_fraction"] == pytest.approx((0.5 + 0.0 + 1.0) / 3)
    assert m["curriculum/full_fraction"] == pytest.approx(1 / 3)


# --------------------------------------------------------------------------- command line


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "stepcoder_lite", "curriculum", *args],
                          capture_output=True, text=True, cwd=REPO)


def test_cli_json_on_real_data(apps_plus_dir):
    out = run_cli(str(apps_plus_dir / "valid.json"), "--json", "--with-text")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["summary"]["problems"] == 16 and result["errors"] == []
    raw = json.loads((apps_plus_dir / "valid.json").read_text())
    for row, record in zip(result["problems"], raw):
        assert [s["index"] for s in row["stages"]] == list(range(len(row["stages"])))
        assert row["stages"][-1]["cut_line"] is None
        n = len(row["split_points"])
        assert len(row["stages"]) == (math.ceil(math.sqrt(n)) if n else 0) + 1
        for s in row["stages"]:
            assert s["given_prefix"] + s["canonical_remainder"] == record["canonical_solution"]


def test_cli_options_and_errors():
    out = run_cli("handwritten", "--json", "--split-on", "if,loop", "--stages", "1", "--fallback", "none")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["config"]["split_on"] == ["if", "loop"] and result["config"]["num_cut_stages"] == 1
    assert all(len(row["stages"]) <= 2 for row in result["problems"])
    bad = run_cli("no/such/file.json")
    assert bad.returncode == 2 and "no/such/file.json" in bad.stderr
    bad = run_cli("handwritten", "--split-on", "switch")
    assert bad.returncode == 2 and "unknown kind" in bad.stderr
