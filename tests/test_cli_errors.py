"""Every bad input gets one line: the command line's answer to wrong files, flags and folders.

One table, one row per bad input, across ``data verify``, ``exec``, ``eval``, ``sft``,
``train`` and ``curriculum``. Each row asserts: exit code 2, exactly one line on stderr,
that the line names the file / record / field / flag and what was expected, and that the
working folder (inputs, ``--out``, everything a command could write) is byte-for-byte as it
was: nothing half-written, no output folder created. Rows run ``cli.main`` in-process (the
checks all happen before a model loads, so the table takes seconds); a few run the real
``python -m stepcoder_lite`` to show there is no traceback end to end, and that ``--debug``
brings it back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stepcoder_lite import cli
from stepcoder_lite.data import DataError
from stepcoder_lite.trainer import CHECKPOINT_DIR, STATE_FILE, config_from_flags

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "handwritten.jsonl"

# the train command's common flags: cheap settings, a two-problem dataset, no evaluation
TRAIN = ["train", "--no-eval", "--no-progress", "--iterations", "1", "--dataset", "good.jsonl"]


def write_inputs(w: Path) -> None:
    """The bad (and a few good) inputs every row points at, in the working folder ``w``."""
    good = BUNDLED.read_text().splitlines()[:2]
    (w / "good.jsonl").write_text("\n".join(good) + "\n")
    (w / "trunc.json").write_text('[{"id": "a", "question": ')  # a JSON list cut short
    (w / "trunc.jsonl").write_text(good[0] + "\n" + good[1][:150] + "\n")  # its second line cut short
    wrong = json.loads(good[0]) | {"inputs": 7}
    (w / "wrongtype.jsonl").write_text(json.dumps(wrong) + "\n")
    (w / "latin1.jsonl").write_bytes(((w / "good.jsonl").read_text().replace("A trader", "Un négociant")).encode("latin-1"))
    (w / "empty.jsonl").write_text("")
    (w / "object.json").write_text('{"inputs": [], "outputs": []}')
    (w / "prog.py").write_text("print(input())\n")
    (w / "prog_latin1.py").write_bytes("print('é')\n".encode("latin-1"))
    (w / "tests_ok.json").write_text(json.dumps({"inputs": ["1\n"], "outputs": ["1\n"]}))
    (w / "tests_trunc.json").write_text('{"inputs": ["1\\n"], ')
    (w / "tests_wrong.json").write_text(json.dumps({"inputs": [1], "outputs": ["1\n"]}))
    (w / "nomodel").mkdir()
    (w / "nomodel" / "notes.txt").write_text("weights were never saved here\n")

    # an output folder that already holds files: a bad --set must leave it as it was
    (w / "existing_out").mkdir()
    (w / "existing_out" / "notes.txt").write_text("an earlier run's notes\n")
    # a run killed before its first checkpoint: books, but nothing to resume from
    (w / "no_checkpoint" / CHECKPOINT_DIR).mkdir(parents=True)
    (w / "no_checkpoint" / "config.json").write_text("{}\n")
    (w / "no_checkpoint" / "metrics.jsonl").write_text('{"step": 1}\n')
    # a run whose checkpoint was written with another learning rate than the rows ask for
    flags = {"out_dir": "other_config", "iterations": 1, "dataset": "good.jsonl", "progress": False}
    other = config_from_flags("tiny", flags, ["policy_lr=1.0"])
    step = w / "other_config" / CHECKPOINT_DIR / "step_000001"
    step.mkdir(parents=True)
    (step / STATE_FILE).write_text(json.dumps({"step": 1, "config": other.to_dict()}) + "\n")
    (w / "other_config" / "config.json").write_text(json.dumps(other.to_dict()) + "\n")


# (row id, argv, words the one stderr line must contain). Paths are relative to the working folder.
ROWS = [
    # ---- data verify
    ("verify-missing-path", ["data", "verify", "nope.jsonl"], ["data verify:", "nope.jsonl", "no file"]),
    ("verify-truncated-json", ["data", "verify", "trunc.json"], ["trunc.json", "not valid JSON", "line 1, column 26"]),
    ("verify-truncated-jsonl", ["data", "verify", "trunc.jsonl"], ["trunc.jsonl", "line 2", "not valid JSON"]),
    ("verify-wrong-field-type", ["data", "verify", "wrongtype.jsonl", "--write-clean", "clean.jsonl"],
     ["wrongtype.jsonl", "line 1", "field 'inputs'", "expected list, got int"]),
    ("verify-not-utf8", ["data", "verify", "latin1.jsonl"], ["latin1.jsonl", "not UTF-8", "line 1", "0xe9"]),
    ("verify-empty-file", ["data", "verify", "empty.jsonl"], ["empty.jsonl", "no records", "expected a JSON list"]),
    ("verify-one-object", ["data", "verify", "object.json"], ["object.json", "expected a JSON list", "got one JSON object"]),
    # ---- exec
    ("exec-missing-program", ["exec", "nope.py", "--tests", "tests_ok.json"], ["exec:", "nope.py", "no such file"]),
    ("exec-program-not-utf8", ["exec", "prog_latin1.py", "--tests", "tests_ok.json"], ["prog_latin1.py", "not UTF-8"]),
    ("exec-truncated-tests", ["exec", "prog.py", "--tests", "tests_trunc.json"], ["tests_trunc.json", "not valid JSON", "line 1"]),
    ("exec-wrong-test-types", ["exec", "prog.py", "--tests", "tests_wrong.json"],
     ["tests_wrong.json", "tests['inputs'][0]", "must be str"]),
    ("exec-empty-tests", ["exec", "prog.py", "--tests", "empty.jsonl"], ["empty.jsonl", "empty", "expected JSON"]),
    # ---- curriculum
    ("curriculum-truncated-json", ["curriculum", "trunc.json"], ["curriculum:", "trunc.json", "not valid JSON", "line 1"]),
    ("curriculum-empty-file", ["curriculum", "empty.jsonl"], ["empty.jsonl", "no records"]),
    ("curriculum-not-utf8", ["curriculum", "latin1.jsonl"], ["latin1.jsonl", "not UTF-8"]),
    ("curriculum-stages-0", ["curriculum", "good.jsonl", "--stages", "0"], ["--stages 0", "num_cut_stages", ">= 1"]),
    ("curriculum-bad-split-kind", ["curriculum", "good.jsonl", "--split-on", "iff"], ["--split-on iff", "unknown kind", "'iff'"]),
    # ---- eval
    ("eval-wrong-field-type", ["eval", "--dataset", "wrongtype.jsonl", "--records", "rec.jsonl"],
     ["eval:", "wrongtype.jsonl", "field 'inputs'", "expected list"]),
    ("eval-model-missing", ["eval", "--dataset", "good.jsonl", "--model", "/missing/path"], ["/missing/path", "no such folder"]),
    ("eval-model-folder-without-model", ["eval", "--dataset", "good.jsonl", "--model", "nomodel"],
     ["nomodel", "holds no model", "config.json"]),
    ("eval-negative-temperature", ["eval", "--dataset", "good.jsonl", "--temperature", "-2"], ["--temperature -2", ">= 0"]),
    ("eval-zero-samples", ["eval", "--dataset", "good.jsonl", "--samples", "0"], ["--samples 0", ">= 1"]),
    # ---- sft
    ("sft-set-not-a-number", ["sft", "--out", "sft_out", "--set", "epochs=abc"], ["sft:", "epochs=abc", "expected float"]),
    ("sft-set-out-of-range", ["sft", "--out", "existing_out", "--set", "lr=-1"], ["SFTConfig.lr", "> 0", "-1"]),
    ("sft-set-unknown-field", ["sft", "--out", "sft_out", "--set", "epoch=2"], ["epoch=2", "no such field"]),
    ("sft-truncated-train-data", ["sft", "--out", "sft_out", "--set", "train_data=trunc.jsonl"], ["trunc.jsonl", "line 2", "not valid JSON"]),
    ("sft-init-from-missing", ["sft", "--out", "sft_out", "--set", "init_from=/missing/path", "--set", "train_data=good.jsonl",
                               "--set", "valid_data=good.jsonl", "--set", "test_data=good.jsonl"], ["/missing/path", "no such folder"]),
    # ---- train
    ("train-truncated-dataset", [*TRAIN, "--out", "run", "--dataset", "trunc.json"], ["train:", "trunc.json", "not valid JSON"]),
    ("train-dataset-not-utf8", [*TRAIN, "--out", "run", "--dataset", "latin1.jsonl"], ["latin1.jsonl", "not UTF-8", "line 1"]),
    ("train-dataset-wrong-field", [*TRAIN, "--out", "existing_out", "--dataset", "wrongtype.jsonl"], ["wrongtype.jsonl", "field 'inputs'"]),
    ("train-dataset-missing", [*TRAIN, "--out", "run", "--dataset", "nope.jsonl"], ["nope.jsonl", "no file"]),
    ("train-eval-set-truncated", ["train", *TRAIN[2:], "--out", "run", "--set", 'eval_datasets=["trunc.jsonl"]'],
     ["trunc.jsonl", "line 2"]),
    ("train-model-missing", [*TRAIN, "--out", "run", "--model", "/missing/path"], ["/missing/path", "no such folder"]),
    ("train-model-folder-without-model", [*TRAIN, "--out", "run", "--model", "nomodel"], ["nomodel", "holds no model"]),
    ("train-set-wrong-type", [*TRAIN, "--out", "existing_out", "--set", "ppo.kl_coef=abc"],
     ["--set ppo.kl_coef=abc", "expected float", "'abc'"]),
    ("train-set-float-for-int", [*TRAIN, "--out", "run", "--set", "samples_per_problem=1.5"],
     ["samples_per_problem=1.5", "expected int"]),
    ("train-set-negative-temperature", [*TRAIN, "--out", "run", "--set", "temperature=-2"], ["temperature", ">= 0", "-2"]),
    ("train-set-out-of-range", [*TRAIN, "--out", "run", "--set", "ppo.clip_eps=0"], ["clip_eps", "> 0"]),
    ("train-set-unknown-field", [*TRAIN, "--out", "run", "--set", "ppo.nope=1"], ["ppo.nope", "unknown config field"]),
    ("train-resume-without-checkpoint", [*TRAIN, "--out", "no_checkpoint", "--resume"],
     ["--resume", "no_checkpoint", "no complete checkpoint", "drop --resume"]),
    ("train-resume-missing-folder", [*TRAIN, "--out", "run", "--resume"], ["--resume", "no complete checkpoint"]),
    ("train-resume-other-config", [*TRAIN, "--out", "other_config", "--resume"],
     ["--resume", "different config", "policy_lr"]),
    ("train-fresh-into-a-run", [*TRAIN, "--out", "other_config"], ["other_config", "already holds", "--resume"]),
    ("train-flag-not-an-int", [*TRAIN, "--out", "run", "--iterations", "abc"], ["--iterations", "invalid int value: 'abc'"]),
]


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for a folder): what 'left as it was' compares."""
    return {str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes()) for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    w = tmp_path_factory.mktemp("bad_inputs")
    write_inputs(w)
    return w


def assert_one_line(stderr: str, words: list[str]) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{stderr}"
    line = lines[0]
    assert "Traceback" not in line and "with_skipped" not in line, line
    missing = [w for w in words if w not in line]
    assert not missing, f"{missing} not in: {line}"
    return line


def test_the_table_covers_every_command_and_kind_of_bad_input():
    commands = {argv[0] if argv[0] != "data" else f"data {argv[1]}" for _, argv, _ in ROWS}
    assert commands == {"data verify", "exec", "curriculum", "eval", "sft", "train"}
    assert len(ROWS) >= 25 and len({row_id for row_id, _, _ in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row_id, argv, words", ROWS, ids=[r[0] for r in ROWS])
def test_bad_input_gets_one_line_and_leaves_the_folder_as_it_was(row_id, argv, words, workdir, monkeypatch, capsys):
    monkeypatch.chdir(workdir)  # relative paths, and any stray relative write, land in the snapshot
    before = snapshot(workdir)
    try:
        code = cli.main(argv)
    except SystemExit as e:  # argparse's own usage errors exit instead of returning
        code = e.code
    err = capsys.readouterr().err
    assert code == 2, err
    line = assert_one_line(err, words)
    assert line.startswith(f"{argv[0] if argv[0] != 'data' else 'data verify'}:") or "stepcoder_lite" in line, line
    assert snapshot(workdir) == before, "the command changed the working folder"


def test_curriculum_reports_each_skipped_record_in_one_line_and_exits_non_zero(workdir, monkeypatch, capsys):
    """curriculum loads leniently (the good problems are still shown), so a bad record is not
    the whole command's error: it gets its own line on stderr and the exit code says so."""
    monkeypatch.chdir(workdir)
    assert cli.main(["curriculum", "trunc.jsonl"]) == 1
    out, err = capsys.readouterr()
    assert "hw/call/best-streak" in out  # line 1 was a good record
    assert_one_line(err, ["skipped:", "trunc.jsonl", "line 2", "not valid JSON"])


# --------------------------------------------------------------------------- the real command


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


SUBPROCESS_ROWS = ["train-truncated-dataset", "train-model-missing", "train-set-wrong-type", "verify-not-utf8"]


def test_the_real_command_prints_one_line_and_no_traceback(workdir):
    here = run_cli(["-c", "import stepcoder_lite; print(stepcoder_lite.__file__)"], workdir)
    assert Path(here.stdout.strip()).parent == REPO / "stepcoder_lite"  # the child runs this checkout's package
    rows = {row_id: (argv, words) for row_id, argv, words in ROWS}
    for row_id in SUBPROCESS_ROWS:
        argv, words = rows[row_id]
        before = snapshot(workdir)
        done = run_cli(["-m", "stepcoder_lite", *argv], workdir)
        assert done.returncode == 2, (row_id, done.stderr)
        assert_one_line(done.stderr, words)
        assert snapshot(workdir) == before, row_id


def test_debug_shows_the_traceback_instead(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    with pytest.raises(DataError, match="trunc.json"):  # in-process: the exception itself
        cli.main([*TRAIN, "--out", "run", "--dataset", "trunc.json", "--debug"])
    done = run_cli(["-m", "stepcoder_lite", "--debug", *TRAIN, "--out", "run", "--dataset", "trunc.json"], workdir)
    assert done.returncode == 1 and "Traceback (most recent call last)" in done.stderr
    assert done.stderr.rstrip().splitlines()[-1].startswith("stepcoder_lite.data.loaders.DataError:")
    assert not (workdir / "run").exists()
