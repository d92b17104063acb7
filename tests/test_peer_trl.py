"""benchmarks/peer_trl.py's TRL arm, piece by piece, on a tiny random GPT-2 (skipped without the
optional ``peer`` extra: ``pip install -e .[peer]``)."""
import json
from pathlib import Path

import pytest
from benchmark_scripts import load_benchmark

pytest.importorskip("trl")

import torch  # noqa: E402

from stepcoder_lite.data.families import build as build_families  # noqa: E402
from stepcoder_lite.executor import Executor  # noqa: E402
from stepcoder_lite.model import (PolicyWithValueHead, positions_from_mask, save_policy, small_random_model,  # noqa: E402
                                  train_tokenizer)
from stepcoder_lite.prompts import build_prompt, program_text, sft_target  # noqa: E402
from stepcoder_lite.rewards import reward  # noqa: E402
from stepcoder_lite.trainer import config_from_flags  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def peer():
    return load_benchmark("peer_trl")


@pytest.fixture(scope="module")
def arm(peer, tmp_path_factory):
    """TRL's trainer, built by the arm's own code on two families problems and a random 2-layer
    GPT-2 saved the way a real checkpoint is (TRL loads the reference from its folder)."""
    from transformers import AutoModelForCausalLM

    from stepcoder_lite.model import load_tokenizer

    root = tmp_path_factory.mktemp("peer_trl")
    problems = [p for p in build_families("train") if p.fn_name is None][:2]
    tokenizer = train_tokenizer([build_prompt(p) + sft_target(p.solutions[0]) for p in problems] * 10, vocab_size=400)
    lm = small_random_model("gpt2", len(tokenizer), hidden=32, layers=2, heads=4, max_positions=512,
                            eos_token_id=tokenizer.eos_token_id, seed=0)
    save_policy(PolicyWithValueHead(lm), tokenizer, root / "model")
    config = config_from_flags("tiny", {}, ["iterations=1", "problems_per_iteration=2", "samples_per_problem=2",
                                            "ppo.group_size=2", "ppo.minibatch_size=2", "max_new_tokens=12"])
    model = AutoModelForCausalLM.from_pretrained(root / "model")
    with Executor(workers=1, timeout_s=config.exec_timeout_s) as executor:
        trainer = peer.make_trl_trainer(model, load_tokenizer(str(root / "model")), problems, executor, config, root)
        yield {"trainer": trainer, "model": model, "problems": problems, "executor": executor, "config": config}


def test_the_reward_is_this_projects_reward(peer, arm):
    """A correct and a wrong program, as TRL hands them over (decoded, the marker and what follows
    it included), get exactly the reward the trainer gives them."""
    p, executor, config = arm["problems"][0], arm["executor"], arm["config"]
    fn = peer.make_reward_function(arm["problems"], executor, config.partial_credit)
    right, wrong = sft_target(p.solutions[0]) + "\nprint('after the marker')", "print(0)\n```"
    got = fn(prompts=[build_prompt(p)] * 2, completions=[right, wrong], problem_id=[p.id] * 2)
    expected = [reward(executor.run(program_text("", code), p.tests()), partial_credit=config.partial_credit)
                for code in (p.solutions[0].rstrip("\n") + "\n", "print(0)\n")]
    assert got == expected
    assert got[0] == 1.0 and got[1] < 1.0


def test_trl_scores_left_padded_rows_as_the_sampler_does(peer, arm):
    """TRL's log-prob pass (policy and reference) equals log_softmax(logits / T) with positions
    from the mask on a left-padded batch; without the fix the padded row is off."""
    trainer, model, problems = arm["trainer"], arm["model"], arm["problems"]
    tok = trainer.processing_class
    prompts = [tok(build_prompt(p) + extra)["input_ids"] for p, extra in zip(problems, ("", "# a longer prompt\n" * 4))]
    completion = tok("print(1)\n```", add_special_tokens=False)["input_ids"]
    width = max(map(len, prompts))
    ids = torch.tensor([[0] * (width - len(q)) + q + completion for q in prompts])  # (2, P + N), row 0 left-padded
    mask = torch.tensor([[0] * (width - len(q)) + [1] * (len(q) + len(completion)) for q in prompts])
    N = len(completion)
    with torch.no_grad():
        logits = model(input_ids=ids, attention_mask=mask, position_ids=positions_from_mask(mask)).logits
        # log pi(x_t | x_<t) at temperature T, for the N completion tokens
        expected = torch.log_softmax(logits[:, -N - 1:-1] / trainer.temperature, dim=-1).gather(-1, ids[:, -N:, None])[..., 0]

        def trl_logprobs(m):
            return trainer._get_per_token_logps_and_entropies(m, ids, mask, N)[0]  # (2, N)

        policy, reference = trl_logprobs(trainer.model), trl_logprobs(trainer.ref_model)
        torch.testing.assert_close(policy, expected, atol=1e-4, rtol=0)
        torch.testing.assert_close(reference, expected, atol=1e-4, rtol=0)
        for hook in trainer.position_hooks:
            hook.remove()
        try:
            unfixed = trl_logprobs(trainer.model)
        finally:
            trainer.position_hooks = [peer.add_position_ids(m) for m in (trainer.model, trainer.ref_model)]
    assert (unfixed[0] - expected[0]).abs().max() > 1e-2  # the left-padded row: wrong positions
    torch.testing.assert_close(unfixed[1], expected[1], atol=1e-4, rtol=0)  # the unpadded row: the same


def test_one_trl_iteration_starts_at_the_reference(arm):
    """One iteration (2 problems x 2 samples, 2 epochs of 2-row minibatches): TRL logs the
    project's reward and a KL to the reference that starts from ~0, as same weights must."""
    trainer = arm["trainer"]
    trainer.train()
    row = next(r for r in trainer.state.log_history if "kl" in r)
    assert trainer.state.global_step == 4
    assert 0 <= row["kl"] < 1e-2
    assert -1.0 <= row["reward"] <= 1.0 and "pass_rate" in row
    json.dumps(row)  # the arm writes these rows to metrics.jsonl
