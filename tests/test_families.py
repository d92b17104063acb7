"""The problem families: determinism, exact references, branch coverage, and the fixed split."""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tokenize
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from stepcoder_lite.data.families import FAMILIES, FAMILY_BY_NAME, SPLITS, Family, build, run_reference, split_table
from stepcoder_lite.data.problem import Problem

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def problems() -> list[Problem]:
    return build()


@pytest.fixture(scope="module")
def sizes(problems) -> dict:
    from stepcoder_lite.data.families import summary

    return summary(problems)


def _key(p: Problem) -> tuple[str, str, int]:
    fam = FAMILY_BY_NAME[p.meta["family"]]
    return (fam.name, fam.param_key(p.meta["params"]), p.meta["phrasing"])


def _num_ifs(code: str) -> int:
    return sum(isinstance(node, ast.If) for node in ast.walk(ast.parse(code)))


def _digest(problems: list[Problem]) -> str:
    blob = json.dumps([p.to_dict() for p in problems], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


# --------------------------------------------------------------------------- the families


def test_at_least_30_families_with_phrasings_and_params():
    assert len(FAMILIES) >= 30
    assert len({f.name for f in FAMILIES}) == len(FAMILIES)
    for f in FAMILIES:
        assert f.difficulty in ("introductory", "interview"), f.name
        assert len(f.phrasings) >= 3, f.name
        assert len(set(f.phrasings)) == len(f.phrasings), f.name
        keys = [f.param_key(p) for p in f.params]
        assert len(set(keys)) == len(keys) >= 1, f"{f.name}: parameter keys must be distinct"
        # the parameters really change the program (or, for one-combo families, nothing to vary)
        assert len({f.solution(p) for p in f.params}) == len(f.params), f"{f.name}: two params give one solution"


def test_statements_mention_their_parameters():
    """Different params -> different statement text, else the model cannot tell what to write."""
    for f in FAMILIES:
        for ph in range(len(f.phrasings)):
            texts = [f.question(p, ph, "1\n", "1\n") for p in f.params]
            assert len(set(texts)) == len(texts), f"{f.name} phrasing {ph}: two params render the same question"


def test_bad_template_names_the_family():
    f = FAMILIES[0]
    with pytest.raises(ValueError, match=f.name):
        f.solution({})


def test_malformed_family_is_refused_with_its_name():
    good = FAMILIES[0]
    fields = {k: getattr(good, k) for k in good.__dataclass_fields__}
    for change, message in [({"fmt": "csv"}, "fmt"), ({"difficulty": "hard"}, "difficulty"),
                            ({"phrasings": good.phrasings[:2]}, "3 phrasings"), ({"params": ()}, "empty")]:
        with pytest.raises(ValueError, match=f"'{good.name}'.*{message}"):
            Family(**{**fields, **change})
    assert "count_mod" in repr(good) and "solution for" in good.describe(n_params=1)


# --------------------------------------------------------------------------- the problems


def test_thousands_of_distinct_problems(problems):
    keys = {_key(p) for p in problems}
    assert len(keys) == len(problems) >= 2000
    assert len({p.id for p in problems}) == len(problems)
    assert all(p.id == f"families/{k[0]}/{k[1]}/{k[2]}" for p, k in zip(problems, map(_key, problems)))


def test_build_is_deterministic_in_process_and_across_hash_seeds(problems):
    again = build()
    assert [p.to_dict() for p in again] == [p.to_dict() for p in problems]
    code = (
        "import hashlib, json; from stepcoder_lite.data.families import build; "
        "print(hashlib.sha256(json.dumps([p.to_dict() for p in build()], sort_keys=True).encode()).hexdigest())"
    )
    for hash_seed in ("987",):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == _digest(problems), f"build differs under PYTHONHASHSEED={hash_seed}"


def test_seed_changes_tests_but_not_split_membership(problems):
    for split in ("valid", "test"):
        mine = [p for p in problems if p.split == split]
        other = build(split, seed=1)
        assert [p.id for p in other] == [p.id for p in mine]
        assert sum(a.inputs != b.inputs for a, b in zip(mine, other)) > len(mine) // 2


def test_problem_records_have_the_agreed_shape(problems):
    for p in problems:
        assert p.fn_name is None and p.entry_point is None and p.starter_code == ""
        assert p.source == "families" and p.split in SPLITS
        assert p.difficulty in ("introductory", "interview")
        assert set(p.meta) == {"family", "params", "phrasing", "holdout"}
        assert len(p.solutions) == 1
        assert Problem.from_dict(json.loads(json.dumps(p.to_dict()))) == p


def test_every_reference_passes_its_own_tests(problems):
    for p in problems:
        compiled = compile(p.solutions[0], p.id, "exec")
        for stdin, expected in zip(p.inputs, p.outputs):
            assert run_reference(compiled, stdin) == expected, (p.id, stdin)


def test_tests_are_many_distinct_and_informative(problems):
    for p in problems:
        assert len(p.inputs) == len(p.outputs) >= 6, p.id
        assert len(set(p.inputs)) == len(p.inputs), f"{p.id}: duplicate test inputs"
        assert all(isinstance(s, str) and s.endswith("\n") for s in p.inputs), p.id
        assert all(o.strip() for o in p.outputs), f"{p.id}: empty expected output"
        assert len(set(p.outputs)) > 1, f"{p.id}: every test expects the same output"


def test_question_holds_a_correct_example(problems):
    for p in problems:
        example = f"-----Example-----\nInput\n{p.inputs[0]}Output\n{p.outputs[0]}"
        assert p.question.endswith(example), p.id
        assert run_reference(p.solutions[0], p.inputs[0]) == p.outputs[0]
        for section in ("-----Input-----", "-----Output-----"):
            assert section in p.question, p.id
        assert "$" not in p.question, f"{p.id}: an unrendered template variable"


def test_solution_style(problems):
    """Short programs, 4-space indents, no comments, every one with a conditional."""
    for code in {p.solutions[0] for p in problems}:
        lines = code.splitlines()
        assert 4 <= len(lines) <= 15, code
        tokens = tokenize.generate_tokens(io.StringIO(code).readline)
        assert not any(tok.type == tokenize.COMMENT for tok in tokens) and "\t" not in code, code
        assert all((len(ln) - len(ln.lstrip(" "))) % 4 == 0 for ln in lines), code
        assert _num_ifs(code) >= 1, code


def test_half_the_families_have_two_or_more_conditionals():
    """CCCS needs solutions with several cut points: most programs of >= 50% of families have >= 2 ifs."""
    many = 0
    for f in FAMILIES:
        counts = [_num_ifs(f.solution(p)) for p in f.params]
        many += sum(c >= 2 for c in counts) * 2 >= len(counts)
    assert many * 2 >= len(FAMILIES), f"only {many} of {len(FAMILIES)} families have >= 2 ifs"


def _executed_lines(code: str, stdin: str) -> set[int]:
    hit: set[int] = set()

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != "<traced>":
            return None
        if event == "line":
            hit.add(frame.f_lineno)
        return tracer

    compiled = compile(code, "<traced>", "exec")
    sys.settrace(tracer)
    try:
        run_reference(compiled, stdin)
    finally:
        sys.settrace(None)
    return hit


def test_tests_reach_every_branch_and_some_skip_one(problems):
    """Each statement of the reference runs on some test (edge inputs hit every branch), and in most
    problems some test skips some statement: FGO then has unexecuted code to mask."""
    skipping = 0
    for p in problems[::3]:
        code = p.solutions[0]
        statements = {n.lineno for n in ast.walk(ast.parse(code)) if isinstance(n, ast.stmt)}
        per_test = [_executed_lines(code, stdin) for stdin in p.inputs]
        assert statements <= set().union(*per_test), f"{p.id}: lines {statements - set().union(*per_test)} never run"
        skipping += any(not statements <= hit for hit in per_test)
    assert skipping >= 0.8 * len(problems[::3])


_BOUNDS = [
    (re.compile(r"\((-?\d+) <= n <= (\d+)\)\.\nThe second line contains n integers a_1, a_2, \.\.\., a_n \((-?\d+) <= a_i <= (-?\d+)\)"), "array"),
    (re.compile(r"two integers a and b \((-?\d+) <= a, b <= (-?\d+)\)"), "pair"),
    (re.compile(r"two integers a and b \((-?\d+) <= a <= b <= (-?\d+)\)"), "pair_sorted"),
    (re.compile(r"^The only line contains an integer n \((-?\d+) <= n <= (\d+)(?:\^(\d+))?\)"), "int"),
    (re.compile(r"a string s of (\d+) to (\d+) lowercase English letters"), "string"),
    (re.compile(r"a string s of (\d+) to (\d+) characters, each a lowercase English letter or a digit"), "alnum"),
    (re.compile(r"a string s of (\d+) to (\d+) characters, each '(.)' or '(.)'"), "brackets"),
    (re.compile(r"1 to 7 words separated by single spaces\. Each word consists of 1 to 7 lowercase"), "words"),
]


def test_inputs_respect_the_stated_limits(problems):
    """The Input section is a promise: every test input satisfies it."""
    for p in problems:
        section = p.question.split("-----Input-----\n")[1].split("\n\n-----Output-----")[0]
        matches = [(m, kind) for rx, kind in _BOUNDS if (m := rx.search(section))]
        assert len(matches) == 1, f"{p.id}: unrecognised Input section {section!r}"
        m, kind = matches[0]
        g = [int(x) if x is not None and x.lstrip("-").isdigit() else x for x in m.groups()]
        for stdin in p.inputs:
            rows = stdin.split("\n")[:-1]
            if kind == "array":
                n, xs = int(rows[0]), list(map(int, rows[1].split()))
                assert len(rows) == 2 and len(xs) == n and g[0] <= n <= g[1], (p.id, stdin)
                assert all(g[2] <= x <= g[3] for x in xs), (p.id, stdin)
            elif kind in ("pair", "pair_sorted"):
                a, b = map(int, rows[0].split())
                assert len(rows) == 1 and g[0] <= min(a, b) and max(a, b) <= g[1], (p.id, stdin)
                assert kind == "pair" or a <= b, (p.id, stdin)
            elif kind == "int":
                hi = g[1] ** g[2] if g[2] else g[1]
                assert len(rows) == 1 and g[0] <= int(rows[0]) <= hi, (p.id, stdin)
            elif kind == "string":
                assert len(rows) == 1 and re.fullmatch(f"[a-z]{{{g[0]},{g[1]}}}", rows[0]), (p.id, stdin)
            elif kind == "brackets":
                assert len(rows) == 1 and re.fullmatch(f"[{re.escape(g[2] + g[3])}]{{{g[0]},{g[1]}}}", rows[0]), (p.id, stdin)
            elif kind == "alnum":
                assert len(rows) == 1 and re.fullmatch(f"[a-z0-9]{{{g[0]},{g[1]}}}", rows[0]), (p.id, stdin)
            else:
                words = rows[0].split(" ")
                assert len(rows) == 1 and 1 <= len(words) <= 7, (p.id, stdin)
                assert all(re.fullmatch("[a-z]{1,7}", w) for w in words), (p.id, stdin)


# --------------------------------------------------------------------------- the split


def test_splits_are_disjoint_and_held_out_combinations_are_new(problems):
    by_split = defaultdict(set)
    for p in problems:
        by_split[p.split].add(_key(p))
    assert not (by_split["train"] & by_split["valid"]) and not (by_split["train"] & by_split["test"])
    assert not (by_split["valid"] & by_split["test"])
    assert 100 <= len(by_split["valid"]) <= 400 and 100 <= len(by_split["test"]) <= 400
    assert len(by_split["train"]) >= 4 * (len(by_split["valid"]) + len(by_split["test"]))

    train_params = {(k[0], k[1]) for k in by_split["train"]}
    train_phrasings = {(k[0], k[2]) for k in by_split["train"]}
    rules = Counter()
    for p in problems:
        if p.split == "train":
            assert p.meta["holdout"] is None
            continue
        fam, pkey, ph = _key(p)
        rules[(p.split, p.meta["holdout"])] += 1
        assert (fam, ph) in train_phrasings, f"{p.id}: its phrasing is never trained on"
        if p.meta["holdout"] == "params":
            assert (fam, pkey) not in train_params, f"{p.id}: held-out params appear in train"
        else:
            assert p.meta["holdout"] == "pair" and (fam, pkey) in train_params, p.id
    for split in ("valid", "test"):
        assert rules[(split, "params")] >= 50 and rules[(split, "pair")] >= 30, rules
    held_params = defaultdict(set)
    for p in problems:
        if p.meta["holdout"] == "params":
            held_params[_key(p)[:2]].add(p.split)
    assert all(len(splits) == 1 for splits in held_params.values()), "a held-out param combo straddles valid and test"


def test_every_family_and_phrasing_is_trained_on(problems):
    seen = Counter((p.meta["family"], p.meta["phrasing"]) for p in problems if p.split == "train")
    for f in FAMILIES:
        for ph in range(len(f.phrasings)):
            assert seen[(f.name, ph)] >= 1, f"{f.name} phrasing {ph} has no train problem"
    held_families = {p.meta["family"] for p in problems if p.split != "train"}
    assert held_families == {f.name for f in FAMILIES}, "every family contributes held-out problems"


def test_split_filter_matches_the_full_build(problems):
    for split in SPLITS:
        assert [p.id for p in build(split)] == [p.id for p in problems if p.split == split]
    with pytest.raises(ValueError, match="split"):
        build("dev")
    table = split_table(FAMILIES[0])
    assert Counter(s for s, _ in table.values())["train"] > 0


def test_summary_reports_sizes_consistent_with_the_problems(problems, sizes):
    s = sizes
    assert s["problems"] == len(problems) == sum(s["per_split"].values())
    assert s["families"] == len(FAMILIES)
    assert s["held_out_by_rule"]["params"] + s["held_out_by_rule"]["pair"] == s["per_split"]["valid"] + s["per_split"]["test"]
    assert 4 <= s["solution_lines_mean"] <= 15 and s["solution_lines_max"] <= 15
    assert s["conditionals_mean"] >= 1
    expected_vocab = set().union(*(p.solutions[0].split() for p in problems))
    assert s["vocab_solution_tokens"] == len(expected_vocab)


def test_readme_documents_every_family_and_the_current_counts(sizes):
    """data/families/README.md is regenerated when families change; this catches a stale one."""
    readme = (REPO / "data" / "families" / "README.md").read_text()
    s = sizes
    assert f"| problems | {s['problems']} distinct" in readme
    assert f"train {s['per_split']['train']}, valid {s['per_split']['valid']}, test {s['per_split']['test']}" in readme
    for f in FAMILIES:
        assert f"| `{f.name}` |" in readme, f"{f.name} missing from data/families/README.md"


# --------------------------------------------------------------------------- declared mistakes


class _Hang(Exception):
    pass


def _fails_a_test(code: str, p: Problem) -> bool:
    """Run a mistaken program on the problem's tests in-process (it is our own code, edited in
    one place); a runtime error or a 1 s hang counts as failing."""
    import signal

    def alarm(*_):
        raise _Hang

    old = signal.signal(signal.SIGALRM, alarm)
    try:
        compiled = compile(code, "<mistake>", "exec")
        for stdin, expected in zip(p.inputs, p.outputs):
            signal.setitimer(signal.ITIMER_REAL, 1.0)
            try:
                got = run_reference(compiled, stdin)
            except Exception:
                return True
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if got.split() != expected.split():
                return True
        return False
    except _Hang:
        return True
    finally:
        signal.signal(signal.SIGALRM, old)


def test_every_family_declares_one_to_three_mistakes_of_known_kinds():
    from stepcoder_lite.data.families.mistakes import KINDS, parse_mistake

    for f in FAMILIES:
        assert 1 <= len(f.mistakes) <= 3, f"{f.name}: {f.mistakes}"
        assert len(set(f.mistakes)) == len(f.mistakes)
        assert all(parse_mistake(m)[0] in KINDS for m in f.mistakes)
    with pytest.raises(ValueError, match="at most 3"):
        Family(**{**_family_kwargs(FAMILIES[0]), "mistakes": ("init:0",) * 4})
    with pytest.raises(ValueError, match="kind must be one of"):
        Family(**{**_family_kwargs(FAMILIES[0]), "mistakes": ("typo:0",)})


def _family_kwargs(f: Family) -> dict:
    import dataclasses

    return {field.name: getattr(f, field.name) for field in dataclasses.fields(f)}


def test_every_declared_mistake_parses_and_fails_a_test_of_every_problem(problems):
    """The promise the corpus rests on: a mistaken solution is never secretly right. Each
    declared mistake alone, and all of a family's mistakes together, on every problem."""
    for p in problems:
        f = FAMILY_BY_NAME[p.meta["family"]]
        for chosen in [(m,) for m in f.mistakes] + [f.mistakes]:
            code = f.mistaken_solution(p.meta["params"], chosen)
            ast.parse(code)
            assert code != p.solutions[0]
            assert _fails_a_test(code, p), f"{p.id}: mistake {chosen} passes every test"


def test_a_mistake_is_a_small_edit_that_keeps_the_rest_of_the_program():
    """Only the mistaken lines differ (same quotes, spacing, names), so the only thing a model
    can learn from a mistaken solution is the mistake."""
    import difflib

    from stepcoder_lite.data.families.mistakes import apply_mistake

    f = FAMILY_BY_NAME["filter_print"]
    right = f.solution({"op": "ge", "t": 3, "word": "NONE"})
    assert apply_mistake(right, "strict:0") == right.replace("x >= 3", "x > 3")
    swapped = apply_mistake(right, "swap:0")
    assert swapped.endswith('if len(b) == 0:\n    print(*b)\nelse:\n    print("NONE")\n')
    dropped = apply_mistake(right, "no_case:0")
    assert dropped.endswith("        b.append(x)\nprint(*b)\n")
    assert apply_mistake("c = 0\nb = a[0]\n", "init:0") == "c = 1\nb = a[0]\n"
    assert apply_mistake("c = 0\nb = a[0]\n", "init:1") == "c = 0\nb = 0\n"
    assert apply_mistake("for i in range(n - 1):\n    pass\n", "range_end:0") == "for i in range(n - 2):\n    pass\n"
    assert apply_mistake("for i in range(1, n + 1):\n    pass\n", "range_end:0") == "for i in range(1, n):\n    pass\n"
    assert apply_mistake("for x in a:\n    pass\n", "skip_first:0") == "for x in a[1:]:\n    pass\n"
    assert apply_mistake("x = 1\n", "strict:0") is None  # no such site
    for f in FAMILIES:
        for m in f.mistakes:
            right = f.solution(f.params[0])
            changed = [d for d in difflib.ndiff(right.splitlines(), f.mistaken_solution(f.params[0], (m,)).splitlines())
                       if d[:1] in "+-"]
            assert 1 <= len(changed) <= 8, (f.name, m, changed)


def test_corpus_mixes_mistakes_in_at_the_rate_and_keeps_them_fixed_per_problem(problems):
    from stepcoder_lite.data.families import corpus_solution

    train = [p for p in problems if p.split == "train"]
    drawn = [corpus_solution(p, 0.6) for p in train]
    share = sum(bool(m) for _, m in drawn) / len(train)
    assert 0.55 <= share <= 0.65, share
    assert all(len(m) <= 1 for _, m in drawn)
    assert drawn == [corpus_solution(p, 0.6) for p in train]  # one fixed corpus: same every epoch
    assert all(code == p.solutions[0] for p, (code, m) in zip(train, drawn) if not m)
    assert all(corpus_solution(p, 0.0) == (p.solutions[0], ()) for p in train[:50])
    three = [corpus_solution(p, 1.0, per_solution=3) for p in train]
    assert all(len(m) == len(FAMILY_BY_NAME[p.meta["family"]].mistakes) for p, (_, m) in zip(train, three))
    with pytest.raises(ValueError, match="mistake_rate"):
        corpus_solution(train[0], 1.5)


def test_dead_code_goes_in_at_its_rate_on_its_own_draw(problems):
    from stepcoder_lite.data.families import corpus_solution
    from stepcoder_lite.data.families.dead_code import HELPERS

    train = [p for p in problems if p.split == "train"]
    plain = [corpus_solution(p, 0.8) for p in train]
    assert [corpus_solution(p, 0.8, dead_code_rate=0.0) for p in train] == plain
    dead = [corpus_solution(p, 0.8, dead_code_rate=0.5) for p in train]
    assert [m for _, m in dead] == [m for _, m in plain]  # the mistakes drawn never change with it
    with_helper = [any(code.startswith(h) for h in HELPERS) for code, _ in dead]
    assert 0.45 <= sum(with_helper) / len(train) <= 0.55
    for (code, _), (before, _), helper in zip(dead, plain, with_helper):
        assert code == before or (helper and code.endswith("\n\n" + before))
    assert dead == [corpus_solution(p, 0.8, dead_code_rate=0.5) for p in train]  # fixed per problem
    drawn = {code.split("(")[0] for code, _ in (corpus_solution(p, 0.0, dead_code_rate=1.0) for p in train)}
    assert drawn == {h.split("(")[0] for h in HELPERS}  # every helper is used
    with pytest.raises(ValueError, match="dead_code_rate"):
        corpus_solution(train[0], 0.8, dead_code_rate=-0.1)


def test_every_helper_is_dead_in_every_problem(problems):
    """A helper never changes what a program prints and nothing calls it: the code the tests
    never run. Every helper that ``with_dead_code`` may draw for a problem, statically; one
    drawn helper per problem, run on all its tests."""
    import random

    from stepcoder_lite.data.families.dead_code import HELPERS, helper_name, with_dead_code

    for p in problems:
        names = {n.id for n in ast.walk(ast.parse(p.solutions[0])) if isinstance(n, ast.Name)}
        allowed = [h for h in HELPERS if helper_name(h) not in names]
        assert len(allowed) >= len(HELPERS) - 1, p.id
        for h in allowed:
            calls = [n for n in ast.walk(ast.parse(h + "\n" + p.solutions[0]))
                     if isinstance(n, ast.Name) and n.id == helper_name(h)]
            assert not calls, (p.id, helper_name(h))
        code = with_dead_code(p.solutions[0], random.Random(p.id))
        assert code != p.solutions[0] and not _fails_a_test(code, p), p.id


def test_the_executor_never_runs_a_helper_body_and_fgo_masks_it(problems):
    from stepcoder_lite.data.families.dead_code import HELPERS
    from stepcoder_lite.executor import Verdict, run_program
    from stepcoder_lite.masking import executed_statement_lines, executed_token_mask

    p = next(q for q in problems if q.meta["family"] == "count_mod")
    for h in HELPERS:
        code = h + "\n" + p.solutions[0]
        result = run_program(code, {"inputs": p.inputs, "outputs": p.outputs})
        assert result.verdict == Verdict.PASS
        executed = executed_statement_lines(code, result.executed_lines)
        body = set(range(2, h.count("\n") + 1))
        assert 1 in executed and not body & executed, (h, sorted(executed))
        # FGO's token mask, one token per character: the header is kept, every body character masked
        kept = executed_token_mask([(i, i + 1) for i in range(len(code))], code, result.executed_lines)
        header, rest = h.index("\n"), len(h)
        assert all(kept[:header]) and not any(kept[header + 1: rest - 1]), h


def test_the_longest_solution_with_the_longest_helper_fits_the_tiny_generation_budget(problems):
    from transformers import PreTrainedTokenizerFast

    from stepcoder_lite.config import TrainConfig
    from stepcoder_lite.data.families.dead_code import HELPERS
    from stepcoder_lite.prompts import sft_target

    tok = PreTrainedTokenizerFast.from_pretrained(str(REPO / "data" / "model"))
    length = lambda text: len(tok(sft_target(text), add_special_tokens=False)["input_ids"])  # noqa: E731
    longest = max(problems, key=lambda p: length(p.solutions[0])).solutions[0]
    assert max(length(h + "\n" + longest) for h in HELPERS) < TrainConfig.preset("tiny").max_new_tokens


# --------------------------------------------------------------------------- fresh parameters (the SFT stream)


def test_fresh_draws_widen_stated_literals_and_keep_flags_and_words():
    from stepcoder_lite.data.families import draw_axes

    axes = draw_axes(FAMILY_BY_NAME["count_mod"])
    assert axes["k"] == range(0, 17) and axes["r"] == range(0, 17)  # grid 2..9 and 0..8, widened
    axes = draw_axes(FAMILY_BY_NAME["filter_print"])
    assert set(axes["op"]) == {"gt", "lt", "ge", "le"} and set(axes["word"]) == {"NONE", "EMPTY", "NO"}
    assert min(axes["t"]) == 0 and max(axes["t"]) > 4
    assert draw_axes(FAMILY_BY_NAME["is_sorted"])["words"] == (0, 1, 2)  # an index into word pairs: grid only


def test_fresh_problems_are_valid_informative_never_held_out_and_new(problems):
    from stepcoder_lite.data.families import fresh_problems

    fresh = fresh_problems(600, seed=0, epoch=3)
    assert fresh == fresh_problems(600, seed=0, epoch=3)  # a pure function of (n, seed, epoch)
    assert [p.id for p in fresh] != [p.id for p in fresh_problems(600, seed=0, epoch=4)]
    held = {_key(p) for p in problems if p.split != "train"}
    grid = {_key(p) for p in problems}
    outside = 0
    for p in fresh:
        assert p.split == "train" and p.meta["holdout"] is None
        assert _key(p) not in held, f"{p.id} is a held-out combination"
        outside += _key(p) not in grid
        assert len(set(p.outputs)) > 1, p.id
        for stdin, expected in zip(p.inputs, p.outputs):
            assert run_reference(p.solutions[0], stdin) == expected
        assert p.question.count("-----Example-----") == 1 and p.inputs[0] in p.question
    assert outside >= 150, f"only {outside} of 600 fresh problems lie outside the grid"
