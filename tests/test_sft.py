"""SFT data, schedule and loop; the evaluation path (sample -> execute -> summarize) and the eval CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import torch

from stepcoder_lite.model import PolicyWithValueHead, save_policy
from stepcoder_lite.prompts import build_prompt, sft_target
from stepcoder_lite.sft import (
    SFTConfig,
    collate,
    config_from_flags,
    epoch_batches,
    evaluate_model,
    lr_at,
    make_example,
    train_sft,
)
from test_model import bundled_tokenizer, make_policy, stand_in_problems
from test_rollout import ScriptedLM

REPO_ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tokenizer():
    return bundled_tokenizer()


def write_jsonl(path, problems) -> str:
    path.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in problems))
    return str(path)


def test_flags_override_preset_fields_with_their_types():
    config = config_from_flags("tiny", ["epochs=2.5", "stop_at_pass=none", "n_layer=2", "lora=true", "out_dir=/tmp/x"])
    assert (config.epochs, config.stop_at_pass, config.n_layer, config.lora, config.out_dir) == (2.5, None, 2, True, "/tmp/x")
    with pytest.raises(ValueError, match="no such field"):  # an InputError: the CLI prints it as one line
        config_from_flags("tiny", ["epoch=2"])
    with pytest.raises(ValueError, match="FIELD=VALUE"):
        config_from_flags("tiny", ["epochs"])
    with pytest.raises(ValueError, match="unknown SFT preset"):
        config_from_flags("huge")
    assert config_from_flags("tiny", ["dead_code_rate=0.5"]).dead_code_rate == 0.5
    with pytest.raises(ValueError, match=r"dead_code_rate must be in \[0, 1\], got 1.5"):
        config_from_flags("tiny", ["dead_code_rate=1.5"])


def test_learning_rate_warms_up_then_decays_to_the_floor():
    config = SFTConfig(lr=1e-3, warmup_steps=10, min_lr_ratio=0.1)
    lrs = [lr_at(s, 100, config) for s in range(101)]
    assert lrs[0] == pytest.approx(1e-4) and lrs[9] == pytest.approx(1e-3)
    assert all(a >= b for a, b in zip(lrs[10:], lrs[11:]))  # monotone decay after warm-up
    assert lrs[100] == pytest.approx(1e-4)


def test_examples_teach_solution_plus_marker_and_the_cccs_form(tokenizer):
    import random

    problem = stand_in_problems()[0]
    full = make_example(problem, tokenizer, None, 0.0, chat=False)
    text = tokenizer.decode(full.prompt_ids + full.target_ids, clean_up_tokenization_spaces=False)
    assert text == build_prompt(problem) + sft_target(problem.solutions[0])
    # CCCS form: the prompt holds the first lines; prompt + target is still the whole program
    cccs = make_example(problem, tokenizer, random.Random(0), 1.0, chat=False)
    prompt = tokenizer.decode(cccs.prompt_ids, clean_up_tokenization_spaces=False)
    target = tokenizer.decode(cccs.target_ids, clean_up_tokenization_spaces=False)
    assert prompt != build_prompt(problem) and prompt.startswith(build_prompt(problem))
    assert prompt + target == build_prompt(problem) + sft_target(problem.solutions[0])

    batch = collate([full, cccs], tokenizer.pad_token_id, max_len=512)
    labels, ids = batch["labels"], batch["input_ids"]
    assert (labels[0] != -100).sum() == len(full.target_ids)  # loss on the target tokens only
    assert labels[0, : len(full.prompt_ids)].eq(-100).all()
    assert torch.equal(labels[1][labels[1] != -100], torch.tensor(cccs.target_ids))
    assert batch["attention_mask"].sum() == sum(len(e.prompt_ids) + len(e.target_ids) for e in (full, cccs))
    assert ids.shape[1] == max(len(e.prompt_ids) + len(e.target_ids) for e in (full, cccs))


def test_epoch_order_is_a_function_of_the_seed(tokenizer):
    problems = stand_in_problems() * 5
    for i, p in enumerate(problems):
        problems[i] = type(p)(**{**p.to_dict(), "id": f"{p.id}/{i}"})
    config = SFTConfig(batch_size=3, seed=0)
    ids = lambda batches: [e.problem_id for b in batches for e in b]  # noqa: E731
    a, b = epoch_batches(problems, tokenizer, config, 0, False), epoch_batches(problems, tokenizer, config, 0, False)
    assert ids(a) == ids(b) and [[e.prompt_ids for e in x] for x in a] == [[e.prompt_ids for e in x] for x in b]
    assert sorted(ids(a)) == sorted(p.id for p in problems)  # every problem exactly once per epoch
    other = epoch_batches(problems, tokenizer, SFTConfig(batch_size=3, seed=1), 0, False)
    assert ids(other) != ids(a)


def test_evaluation_wires_sampling_execution_and_pass_at_k(tokenizer):
    problems = stand_in_problems()
    enc = lambda s: tokenizer(s, add_special_tokens=False)["input_ids"]  # noqa: E731
    scripts = [
        enc(sft_target(problems[0].solutions[0])),  # correct
        enc(sft_target("print(")),  # syntax error
        enc(sft_target("def bigger(a, b):\n    return a\n")),  # wrong answer
        enc(sft_target(problems[3].solutions[0])),  # correct
    ]
    policy = PolicyWithValueHead(ScriptedLM(scripts, len(tokenizer), filler=enc("x")[0]))
    summary, records = evaluate_model(policy, tokenizer, problems, samples=1, max_new_tokens=80, batch_size=4)
    assert summary["pass@1"] == pytest.approx(0.5)
    assert summary["errors"]["syntax_error"] == pytest.approx(0.25) and summary["errors"]["wrong_answer"] == pytest.approx(0.25)
    assert [r["verdict"] for r in records] == ["pass", "syntax_error", "wrong_answer", "pass"]
    assert records[0]["completion"] == problems[0].solutions[0]
    assert summary["unfinished"] == 0 and summary["temperature"] == 0.0
    with pytest.raises(ValueError, match="pass@4 needs"):
        evaluate_model(policy, tokenizer, problems, samples=2, ks=(4,))


def test_sft_learns_a_few_problems_and_saves_a_loadable_checkpoint(tmp_path):
    data = write_jsonl(tmp_path / "four.jsonl", stand_in_problems())
    config = SFTConfig(
        train_data=data, valid_data=data, test_data=data, vocab_size=400, n_layer=2, n_embd=64, n_head=2,
        n_positions=512, epochs=120, batch_size=4, lr=3e-3, warmup_steps=10, eval_every=60, stop_at_pass=None,
        eval_max_new_tokens=64, final_samples=2, prefix_fraction=0.0, threads=1, out_dir=str(tmp_path / "out"),
    )
    result = train_sft(config)
    out = tmp_path / "out"
    for name in ("model.safetensors", "value_head.safetensors", "tokenizer.json", "config.json", "run.json",
                 "loss_curve.csv", "evals.csv"):
        assert (out / name).exists(), name
    history = (out / "loss_curve.csv").read_text().splitlines()
    first, last = float(history[1].split(",")[2]), float(history[-1].split(",")[2])
    assert last < first / 10  # it memorises four programs
    assert result["heldout_greedy"]["pass@1"] >= 0.75  # valid = test = the four problems here
    assert json.loads((out / "run.json").read_text())["steps"] == 120


def test_eval_command_prints_pass_at_k_by_difficulty_and_errors(tmp_path, tokenizer):
    save_policy(make_policy("llama", tokenizer), tokenizer, tmp_path / "random-llama")
    data = write_jsonl(tmp_path / "four.jsonl", stand_in_problems())
    cmd = [sys.executable, "-m", "stepcoder_lite", "eval", "--model", str(tmp_path / "random-llama"), "--dataset", data,
           "--samples", "2", "--max-new-tokens", "16", "--threads", "1", "--json", "--records", str(tmp_path / "r.jsonl")]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO_ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    summary = json.loads(out.stdout)
    assert {"pass@1", "pass@2", "by_difficulty", "errors"} <= set(summary)
    assert summary["n_samples"] == 8 and len((tmp_path / "r.jsonl").read_text().splitlines()) == 8
    assert sum(summary["errors"].values()) + summary["sample_pass_rate"] == pytest.approx(1.0)
    bad = subprocess.run(cmd[:-3] + ["--k", "5"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=300)
    assert bad.returncode == 2 and "--samples >= 5" in bad.stderr


def test_no_held_out_combination_ever_reaches_the_sft_stream(tokenizer):
    """The held-out rule: every example of every epoch (new worked examples each epoch, the
    corpus's mistakes mixed in) comes from a training combination of (family, parameters,
    phrasing); no valid/test parameter combination, and no held-out (parameters, phrasing)
    pair, is ever a target."""
    from stepcoder_lite.data import load_source
    from stepcoder_lite.data.families import corpus_solution
    from stepcoder_lite.sft import problems_of_epoch

    config = config_from_flags("tiny")
    assert config.train_data == "families:train" and config.mistake_rate > 0
    held = [p for spec in ("families:valid", "families:test") for p in load_source(spec)]
    held_params = {(p.meta["family"], json.dumps(p.meta["params"], sort_keys=True)) for p in held if p.meta["holdout"] == "params"}
    held_pairs = {(p.meta["family"], json.dumps(p.meta["params"], sort_keys=True), p.meta["phrasing"]) for p in held}
    train = problems_of_epoch(config, 0)
    for epoch in (0, 1, 2):
        problems = problems_of_epoch(config, epoch, train)
        assert len(problems) == len(train) and all(p.split == "train" for p in problems)
        for p in problems:
            params = json.dumps(p.meta["params"], sort_keys=True)
            assert (p.meta["family"], params) not in held_params, p.id
            assert (p.meta["family"], params, p.meta["phrasing"]) not in held_pairs, p.id
    # the targets are the corpus's solutions: the mistaken ones included, decoded back exactly
    small = problems_of_epoch(config, 1, train)[:64]
    by_id = {p.id: p for p in small}
    batches = epoch_batches(small, tokenizer, config, 1, chat=False)
    mistaken = 0
    for example in (e for b in batches for e in b):
        p = by_id[example.problem_id]
        solution, mistakes = corpus_solution(p, config.mistake_rate, config.mistakes_per_solution, config.seed)
        prompt = tokenizer.decode(example.prompt_ids, clean_up_tokenization_spaces=False)
        target = tokenizer.decode(example.target_ids, clean_up_tokenization_spaces=False)
        given = prompt[len(build_prompt(p)):]  # the CCCS form hands over the first lines
        assert given + target == sft_target(solution)
        mistaken += bool(mistakes)
    assert 0 < mistaken < len(small)


def test_sft_and_train_share_one_set_parser():
    """One --set parser (config.set_fields): the same value reads the same way, and the same
    mistake gets the same words, in both commands."""
    from stepcoder_lite.config import config_from_flags as train_config_from_flags

    epochs = config_from_flags("tiny", ["epochs=2"]).epochs
    assert epochs == 2.0 and isinstance(epochs, float)  # an int given to a float field
    for sft_item, train_item in (("epochs=abc", "ppo.kl_coef=abc"), ("n_layer=2.5", "samples_per_problem=2.5")):
        with pytest.raises(ValueError) as sft_error:
            config_from_flags("tiny", [sft_item])
        with pytest.raises(ValueError) as train_error:
            train_config_from_flags("tiny", {}, [train_item])
        assert str(sft_error.value).split(": ", 1)[1] == str(train_error.value).split(": ", 1)[1]
