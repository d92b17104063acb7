"""stepcoder_lite.ppo against plain Python loops, hand-computed cases and autograd."""

import json
import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from stepcoder_lite import ppo
from stepcoder_lite.ppo import PPOConfig

torch.set_num_threads(1)


def right_padded(lengths: list[int], T: int | None = None) -> torch.Tensor:
    T = T or max(lengths)
    return torch.arange(T)[None, :] < torch.tensor(lengths)[:, None]  # (B, T)


def random_batch(seed: int, lengths: list[int], T: int | None = None):
    g = torch.Generator().manual_seed(seed)
    mask = right_padded(lengths, T)
    B, T = mask.shape
    rewards = torch.randn(B, T, generator=g, dtype=torch.float64)
    values = torch.randn(B, T, generator=g, dtype=torch.float64)
    # garbage at padding: the functions must ignore it
    rewards[~mask] = 1e6
    values[~mask] = -1e6
    return rewards, values, mask


# --------------------------------------------------------------------------- GAE


def gae_reference(rewards: list[float], values: list[float], gamma: float, lam: float):
    """One episode, the textbook way: walk back from the terminal state (V after the end = 0)."""
    n = len(rewards)
    adv = [0.0] * n
    next_adv, next_value = 0.0, 0.0
    for t in range(n - 1, -1, -1):
        delta = rewards[t] + gamma * next_value - values[t]
        adv[t] = delta + gamma * lam * next_adv
        next_adv, next_value = adv[t], values[t]
    return adv, [a + v for a, v in zip(adv, values)]


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.integers(1, 9), min_size=1, max_size=6),
    extra_pad=st.integers(0, 3),
    gamma=st.floats(0.0, 1.0),
    lam=st.floats(0.0, 1.0),
    seed=st.integers(0, 10_000),
)
def test_gae_matches_per_sequence_loop(lengths, extra_pad, gamma, lam, seed):
    rewards, values, mask = random_batch(seed, lengths, max(lengths) + extra_pad)
    adv, ret = ppo.gae(rewards, values, mask, gamma=gamma, lam=lam)
    for i, n in enumerate(lengths):
        ref_adv, ref_ret = gae_reference(rewards[i, :n].tolist(), values[i, :n].tolist(), gamma, lam)
        assert adv[i, :n].tolist() == pytest.approx(ref_adv, rel=1e-9, abs=1e-9)
        assert ret[i, :n].tolist() == pytest.approx(ref_ret, rel=1e-9, abs=1e-9)
    assert (adv[~mask] == 0).all() and (ret[~mask] == 0).all()


def test_gae_special_cases():
    rewards, values, mask = random_batch(0, [5, 3, 1])
    # lambda = 1, gamma = 1: A_t = (sum of rewards from t on) - V_t  (Monte Carlo)
    adv, _ = ppo.gae(rewards, values, mask, gamma=1.0, lam=1.0)
    r0, v0 = rewards[0, :5], values[0, :5]
    mc = torch.flip(torch.cumsum(torch.flip(r0, [0]), 0), [0]) - v0
    torch.testing.assert_close(adv[0, :5], mc)
    # lambda = 0: A_t = r_t + gamma V_{t+1} - V_t (one-step TD)
    adv, _ = ppo.gae(rewards, values, mask, gamma=0.9, lam=0.0)
    td = rewards[0, :4] + 0.9 * values[0, 1:5] - values[0, :4]
    torch.testing.assert_close(adv[0, :4], td)
    torch.testing.assert_close(adv[0, 4], rewards[0, 4] - values[0, 4])  # terminal: no bootstrap
    torch.testing.assert_close(adv[2, 0], rewards[2, 0] - values[2, 0])


def test_gae_rejects_mismatched_shapes():
    rewards, values, mask = random_batch(0, [2, 3])
    with pytest.raises(ValueError, match="must all be"):
        ppo.gae(rewards, values[:, :2], mask)


# --------------------------------------------------------------------------- masked reductions


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), B=st.integers(1, 5), T=st.integers(1, 7))
def test_masked_reductions_match_loops(seed, B, T):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, T, generator=g, dtype=torch.float64)
    mask = torch.rand(B, T, generator=g) < 0.6
    picked = [x[i, j].item() for i in range(B) for j in range(T) if mask[i, j]]
    assert ppo.masked_sum(x, mask).item() == pytest.approx(sum(picked))
    if picked:
        mean = sum(picked) / len(picked)
        assert ppo.masked_mean(x, mask).item() == pytest.approx(mean)
        assert ppo.masked_var(x, mask).item() == pytest.approx(sum((p - mean) ** 2 for p in picked) / len(picked))
    else:
        assert ppo.masked_mean(x, mask).item() == 0.0
    row_means = ppo.masked_mean(x, mask, dim=1)
    for i in range(B):
        row = [x[i, j].item() for j in range(T) if mask[i, j]]
        assert row_means[i].item() == pytest.approx(sum(row) / len(row) if row else 0.0)


def test_masked_mean_ignores_nonfinite_padding_and_needs_bool_mask():
    x = torch.tensor([[1.0, 3.0, float("inf")], [float("nan"), 2.0, 4.0]])
    mask = torch.tensor([[True, True, False], [False, True, True]])
    assert ppo.masked_mean(x, mask).item() == pytest.approx(2.5)
    with pytest.raises(TypeError, match="bool"):
        ppo.masked_mean(x, mask.float())


# --------------------------------------------------------------------------- whitening


@settings(max_examples=40, deadline=None)
@given(lengths=st.lists(st.integers(1, 8), min_size=1, max_size=5), seed=st.integers(0, 10_000))
def test_whiten_over_valid_positions_only(lengths, seed):
    if sum(lengths) < 2:
        return
    adv, _, mask = random_batch(seed, lengths, max(lengths) + 2)
    adv = adv * 3.0 + 1.5
    if ppo.masked_var(adv, mask).item() < 1e-3:  # eps in the denominator matters below
        return
    w = ppo.whiten(adv, mask)
    assert ppo.masked_mean(w, mask).item() == pytest.approx(0.0, abs=1e-9)
    assert ppo.masked_var(w, mask).sqrt().item() == pytest.approx(1.0, rel=1e-4)
    assert torch.equal(w[~mask], adv[~mask])  # padded positions untouched


def test_whiten_with_all_reduce_equals_whitening_the_concatenated_batch():
    """Data-parallel whitening: two 'processes' (threads meeting at a barrier, the sum as the
    all-reduce) each whiten their half with the global statistics, which must equal whitening
    the whole batch in one process. The halves have different means, so per-half whitening
    would differ."""
    import threading

    adv, _, mask = random_batch(3, [4, 2, 5, 1, 3, 5], 6)
    adv = adv + torch.tensor([0.0, 0.0, 0.0, 2.0, 2.0, 2.0])[:, None]
    halves = [(adv[:3], mask[:3]), (adv[3:], mask[3:])]
    barrier, slots, out = threading.Barrier(2), [None, None], [None, None]

    def all_reduce_for(rank):
        def all_reduce(t):
            slots[rank] = t.clone()
            barrier.wait()
            total = slots[0] + slots[1]
            barrier.wait()  # both read before either writes the next call's slot
            return total
        return all_reduce

    def worker(rank):
        x, m = halves[rank]
        out[rank] = ppo.whiten(x, m, all_reduce=all_reduce_for(rank))

    threads = [threading.Thread(target=worker, args=(r,)) for r in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    together = torch.cat(out)
    torch.testing.assert_close(together, ppo.whiten(adv, mask), rtol=1e-5, atol=1e-6)
    assert not torch.allclose(out[0], ppo.whiten(*halves[0]), atol=1e-3)  # per-half statistics differ


# --------------------------------------------------------------------------- KL


def test_kl_estimators_unbiased_on_sampled_categorical():
    g = torch.Generator().manual_seed(0)
    logits, ref_logits = torch.randn(8, generator=g, dtype=torch.float64), torch.randn(8, generator=g, dtype=torch.float64)
    logp, logq = torch.log_softmax(logits, 0), torch.log_softmax(ref_logits, 0)
    true_kl = (logp.exp() * (logp - logq)).sum().item()  # KL(p || q)
    samples = torch.multinomial(logp.exp(), 200_000, replacement=True, generator=g).reshape(400, 500)  # (B, T)
    mask = torch.ones_like(samples, dtype=torch.bool)
    k1 = ppo.kl_per_token(logp[samples], logq[samples], mask, "k1")
    k3 = ppo.kl_per_token(logp[samples], logq[samples], mask, "k3")
    assert k1.mean().item() == pytest.approx(true_kl, rel=0.03)
    assert k3.mean().item() == pytest.approx(true_kl, rel=0.03)
    assert (k1 < 0).any()  # k1 is unbiased but single samples go negative
    assert (k3 >= 0).all()
    # the reason to offer k3: when the policy is near the reference (as in RLHF), it is much
    # less noisy than k1 (far from it, k3 can be the noisier one)
    near = torch.log_softmax(logits + 0.1 * torch.randn(8, generator=g, dtype=torch.float64), 0)
    k1_near = ppo.kl_per_token(logp[samples], near[samples], mask, "k1")
    k3_near = ppo.kl_per_token(logp[samples], near[samples], mask, "k3")
    assert k3_near.var().item() < 0.1 * k1_near.var().item()


@settings(max_examples=50, deadline=None)
@given(a=st.floats(-30, 0), b=st.floats(-30, 0))
def test_k3_is_nonnegative_and_zero_on_agreement(a, b):
    mask = torch.tensor([[True, True, False]])
    lp = torch.tensor([[a, b, 0.0]], dtype=torch.float64)
    lq = torch.tensor([[b, b, 5.0]], dtype=torch.float64)
    k3 = ppo.kl_per_token(lp, lq, mask, "k3")
    assert k3[0, 0].item() >= 0 and k3[0, 1].item() == 0.0 and k3[0, 2].item() == 0.0
    k1 = ppo.kl_per_token(lp, lq, mask, "k1")
    assert k1[0].tolist() == pytest.approx([a - b, 0.0, 0.0])


def test_kl_shaped_rewards_put_score_on_last_valid_token():
    mask = right_padded([3, 1, 4])
    kl = torch.tensor([[0.1, 0.2, 0.3, 9.0], [0.5, 9.0, 9.0, 9.0], [0.0, -0.1, 0.2, 0.4]]) * mask
    scores = torch.tensor([1.0, -1.0, -0.3])
    r = ppo.kl_shaped_rewards(scores, kl, mask, kl_coef=0.5)
    expected = torch.tensor(
        [
            [-0.05, -0.1, -0.15 + 1.0, 0.0],
            [-0.25 - 1.0, 0.0, 0.0, 0.0],
            [0.0, 0.05, -0.1, -0.2 - 0.3],
        ]
    )
    torch.testing.assert_close(r, expected)
    # sum over a completion = R - beta * sum_t kl_t
    torch.testing.assert_close(r.sum(1), scores - 0.5 * (kl * mask).sum(1))


def test_kl_shaped_rewards_reject_bad_masks():
    kl = torch.zeros(2, 3)
    with pytest.raises(ValueError, match=r"rows \[1\] have no valid token"):
        ppo.kl_shaped_rewards(torch.zeros(2), kl, torch.tensor([[True, False, False], [False, False, False]]), 0.1)
    with pytest.raises(ValueError, match=r"rows \[0\] are not right-padded"):
        ppo.kl_shaped_rewards(torch.zeros(2), kl, torch.tensor([[True, False, True], [True, True, True]]), 0.1)
    with pytest.raises(ValueError, match="scores must have shape"):
        ppo.kl_shaped_rewards(torch.zeros(3), kl, right_padded([1, 2], 3), 0.1)


def test_adaptive_kl_controller_moves_toward_target():
    ctl = ppo.KLController(value=0.05, target=6.0, horizon=100)
    assert ctl.update(current_kl=12.0, n_completions=10) > 0.05  # too far from the reference: more penalty
    # the proportional error is clipped at +0.2: beta * (1 + 0.2 * 10 / 100)
    assert ctl.value == pytest.approx(0.05 * 1.02)
    before = ctl.value
    assert ctl.update(current_kl=5.0, n_completions=10) < before  # closer than the target: less penalty
    assert ctl.value == pytest.approx(before * (1 + (5 / 6 - 1) * 0.1))
    before = ctl.value
    assert ctl.update(current_kl=6.0, n_completions=10) == pytest.approx(before)  # on target: stays
    fixed = ppo.KLController.from_config(PPOConfig())
    assert fixed.update(100.0, 10) == 0.05 and fixed.target is None
    adaptive = ppo.KLController.from_config(PPOConfig(adaptive_kl=True, kl_target=3.0, kl_horizon=50))
    assert (adaptive.target, adaptive.horizon) == (3.0, 50)


def test_kl_controller_state_is_plain_data():
    ctl = ppo.KLController(value=0.05, target=6.0, horizon=100)
    ctl.update(9.0, 16)
    state = json.loads(json.dumps(ctl.state_dict()))
    other = ppo.KLController(value=1.0)
    other.load_state_dict(state)
    assert other == ctl
    assert other.update(9.0, 16) == ctl.update(9.0, 16)
    with pytest.raises(KeyError, match="horizon"):
        other.load_state_dict({"value": 1.0, "target": None})


# --------------------------------------------------------------------------- losses


@pytest.mark.parametrize(
    "ratio, adv, expected_loss, clipped",
    [
        (1.5, 1.0, -1.2, True),  # good action already made more likely: no more push
        (1.5, -1.0, 1.5, False),  # bad action made more likely: full penalty, keeps the gradient
        (0.5, 1.0, -0.5, False),  # good action made less likely: full gradient back up
        (0.5, -1.0, 0.8, True),  # bad action already made less likely: no more push
        (1.1, 2.0, -2.2, False),  # inside the clip range: plain surrogate
    ],
)
def test_policy_loss_hand_computed(ratio, adv, expected_loss, clipped):
    old = torch.tensor([[-1.0]], dtype=torch.float64)
    new = (old + math.log(ratio)).requires_grad_(True)
    loss, stats = ppo.policy_loss(new, old, torch.tensor([[adv]], dtype=torch.float64), torch.tensor([[True]]), clip_eps=0.2)
    assert loss.item() == pytest.approx(expected_loss)
    loss.backward()
    if clipped:
        assert new.grad.item() == 0.0
    else:
        # d(-A * ratio)/d logp = -A * ratio
        assert new.grad.item() == pytest.approx(-adv * ratio)
    assert stats["clipfrac"].item() == (1.0 if abs(ratio - 1) > 0.2 else 0.0)
    assert stats["approx_kl"].item() == pytest.approx((ratio - 1) - math.log(ratio))


def test_policy_loss_divides_by_true_positions_of_the_mask():
    old = torch.zeros(2, 3)
    new = torch.zeros(2, 3)  # ratio 1: loss = -mean A over the mask
    adv = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    mask = torch.tensor([[True, False, True], [False, False, True]])
    loss, _ = ppo.policy_loss(new, old, adv, mask)
    assert loss.item() == pytest.approx(-(1 + 3 + 6) / 3)


def test_value_loss_hand_computed():
    old = torch.tensor([[0.0, 0.0, 0.0, 7.0]])
    new = torch.tensor([[0.5, 0.1, -0.5, 7.0]], requires_grad=True)
    ret = torch.tensor([[1.0, 1.0, 1.0, 0.0]])
    mask = torch.tensor([[True, True, True, False]])
    loss, stats = ppo.value_loss(new, old, ret, mask, clip_eps=0.2)
    # t0: unclipped (0.5-1)^2=0.25, clipped (0.2-1)^2=0.64 -> 0.64 (clipped wins, no gradient)
    # t1: inside the clip: (0.1-1)^2=0.81 both
    # t2: unclipped (-0.5-1)^2=2.25, clipped (-0.2-1)^2=1.44 -> 2.25
    assert loss.item() == pytest.approx(0.5 * (0.64 + 0.81 + 2.25) / 3)
    loss.backward()
    # d/dV of 0.5/3 * (V - G)^2 = (V - G)/3 where the unclipped term is the max
    assert new.grad[0].tolist() == pytest.approx([0.0, (0.1 - 1) / 3, (-0.5 - 1) / 3, 0.0])
    assert stats["vf_clipfrac"].item() == pytest.approx(1 / 3)
    unclipped, _ = ppo.value_loss(new.detach(), old, ret, mask, clip_eps=None)
    assert unclipped.item() == pytest.approx(0.5 * (0.25 + 0.81 + 2.25) / 3)


def test_entropy_from_logits_matches_torch_distributions():
    logits = torch.randn(2, 3, 11, generator=torch.Generator().manual_seed(1))
    expected = torch.distributions.Categorical(logits=logits).entropy()
    torch.testing.assert_close(ppo.entropy_from_logits(logits), expected)


def test_masked_out_tokens_get_zero_gradient():
    g = torch.Generator().manual_seed(3)
    response_mask = right_padded([5, 3, 4], 6)
    executed_mask = torch.rand(3, 6, generator=g) < 0.5
    executed_mask[:, 0] = True
    old_lp = torch.randn(3, 6, generator=g) - 2
    old_lp[~response_mask] = -1e9  # a sentinel someone left at padding must not create NaN
    new_lp = (old_lp + 0.3 * torch.randn(3, 6, generator=g)).requires_grad_(True)
    new_lp.data[~response_mask] = 50.0
    old_v = torch.randn(3, 6, generator=g)
    new_v = (old_v + 0.1 * torch.randn(3, 6, generator=g)).requires_grad_(True)
    entropy = torch.rand(3, 6, generator=g).requires_grad_(True)
    adv = torch.randn(3, 6, generator=g)
    ret = torch.randn(3, 6, generator=g)
    for fgo_value in (False, True):
        cfg = PPOConfig(ent_coef=0.01, fgo_mask_value_loss=fgo_value, clip_eps=10.0, value_clip_eps=None)
        for t in (new_lp, new_v, entropy):
            t.grad = None
        loss, stats = ppo.ppo_loss(cfg, ppo.Minibatch(new_lp, old_lp, adv, response_mask, executed_mask, new_v, old_v, ret, entropy))
        loss.backward()
        loss_mask = response_mask & executed_mask
        assert torch.isfinite(loss) and all(math.isfinite(v) for v in stats.values())
        assert (new_lp.grad[~loss_mask] == 0).all() and (new_lp.grad[loss_mask] != 0).all()
        assert (entropy.grad[~loss_mask] == 0).all() and (entropy.grad[loss_mask] != 0).all()
        value_mask = loss_mask if fgo_value else response_mask
        assert (new_v.grad[~value_mask] == 0).all() and (new_v.grad[value_mask] != 0).all()


def test_loss_masks_table():
    resp = right_padded([2, 3])
    exe = torch.tensor([[True, False, True], [False, True, True]])
    assert ppo.loss_masks(resp, None) == (resp, resp)
    lm, vm = ppo.loss_masks(resp, exe)
    assert lm.tolist() == [[True, False, False], [False, True, True]] and torch.equal(vm, resp)
    lm, vm = ppo.loss_masks(resp, exe, fgo_mask_value_loss=True)
    assert torch.equal(vm, lm)
    with pytest.raises(ValueError, match="executed_mask must be bool"):
        ppo.loss_masks(resp, exe.float())


def test_all_masked_minibatch_gives_zero_loss_not_nan():
    new = torch.zeros(2, 3, requires_grad=True)
    loss, stats = ppo.policy_loss(new, torch.zeros(2, 3), torch.ones(2, 3), torch.zeros(2, 3, dtype=torch.bool))
    loss.backward()
    assert loss.item() == 0.0 and (new.grad == 0).all() and stats["clipfrac"].item() == 0.0


# --------------------------------------------------------------------------- GRPO


def test_group_advantages():
    scores = torch.tensor([1.0, -1.0, -0.3, 1.0, -0.6, -0.6, -0.6, -0.6])
    mask = right_padded([2, 3, 1, 3, 3, 1, 2, 3], 4)
    adv = ppo.group_advantages(scores, mask, group_size=4)
    for g in range(2):
        rows = scores[4 * g : 4 * g + 4].tolist()
        mean = sum(rows) / 4
        std = math.sqrt(sum((r - mean) ** 2 for r in rows) / 3)
        for i in range(4):
            row = 4 * g + i
            expected = (rows[i] - mean) / (std + 1e-6)
            assert adv[row][mask[row]].tolist() == pytest.approx([expected] * int(mask[row].sum()))
    assert (adv[~mask] == 0).all()
    assert (adv[4:] == 0).all()  # all four scored the same: no signal
    with pytest.raises(ValueError, match="multiple of group_size"):
        ppo.group_advantages(scores[:6], mask[:6], group_size=4)
    with pytest.raises(ValueError, match=">= 2"):
        ppo.group_advantages(scores, mask, group_size=1)


def test_compute_advantages_gae_and_grpo():
    g = torch.Generator().manual_seed(0)
    mask = right_padded([4, 2, 5, 3])
    lp, ref = torch.randn(4, 5, generator=g), torch.randn(4, 5, generator=g)
    values = torch.randn(4, 5, generator=g)
    scores = torch.tensor([1.0, -0.3, -1.0, 1.0])
    cfg = PPOConfig(kl_coef=0.1)
    out = ppo.compute_advantages(cfg, 0.1, scores, lp, ref, values, mask)
    kl = ppo.kl_per_token(lp, ref, mask)
    rewards = ppo.kl_shaped_rewards(scores, kl, mask, 0.1)
    adv, ret = ppo.gae(rewards, values, mask, cfg.gamma, cfg.lam)
    torch.testing.assert_close(out["returns"], ret)
    torch.testing.assert_close(out["advantages"], ppo.whiten(adv, mask))
    raw = ppo.compute_advantages(PPOConfig(kl_coef=0.1, whiten_advantages=False), 0.1, scores, lp, ref, values, mask)
    torch.testing.assert_close(raw["advantages"], adv)  # whiten_advantages=False: GAE's A_t as they are
    assert not torch.allclose(raw["advantages"], out["advantages"])
    with pytest.raises(ValueError, match="needs the critic"):
        ppo.compute_advantages(cfg, 0.1, scores, lp, ref, None, mask)
    grpo = PPOConfig(advantage_estimator="grpo", group_size=2)
    out = ppo.compute_advantages(grpo, 0.1, scores, lp, ref, None, mask)
    torch.testing.assert_close(out["advantages"], ppo.group_advantages(scores, mask, 2))


def test_grpo_kl_loss_hand_computed_value_and_gradient():
    """GRPO's k3 KL term: ratio 1 (pi_theta = pi_old), so the surrogate is -mean(A); the
    reference makes the first token twice as likely, the third half as likely.

        kl_t    = exp(d) - d - 1:  d = ln 2 -> 1 - ln 2,  d = 0 -> 0,  d = ln 1/2 -> ln 2 - 1/2
        kl_loss = (1 - ln 2 + 0 + ln 2 - 1/2) / 3 = 1/6
        loss    = -(1 + 1 - 1) / 3 + 0.1 * 1/6
        dL/dlog pi_theta_t = (-A_t + beta * (1 - exp(d_t))) / 3
    """
    mask = torch.tensor([[True, True], [True, False]])
    new = torch.zeros(2, 2, requires_grad=True)
    old = torch.zeros(2, 2)
    ref = torch.tensor([[math.log(2.0), 0.0], [math.log(0.5), 123.0]])  # 123: junk at padding
    adv = torch.tensor([[1.0, 1.0], [-1.0, -1.0]])
    cfg = PPOConfig(advantage_estimator="grpo", group_size=2)
    assert cfg.grpo_kl_loss  # on by default
    loss, stats = ppo.ppo_loss(cfg, ppo.Minibatch(new, old, adv, mask, ref_logprobs=ref), kl_coef=0.1)
    assert stats["kl_loss"] == pytest.approx(1 / 6)
    assert loss.item() == pytest.approx(-1 / 3 + 0.1 / 6)
    loss.backward()
    expected = torch.tensor([[(-1 + 0.1 * (1 - 2.0)) / 3, -1 / 3], [(1 + 0.1 * (1 - 0.5)) / 3, 0.0]])
    torch.testing.assert_close(new.grad, expected)
    # without the reference there is no KL term: the loss is the surrogate alone
    plain, plain_stats = ppo.ppo_loss(cfg, ppo.Minibatch(new, old, adv, mask))
    assert plain.item() == pytest.approx(-1 / 3) and "kl_loss" not in plain_stats
    # and zero KL where the policy is the reference
    assert ppo.kl_loss(new.detach(), new.detach(), mask).item() == 0.0
    with pytest.raises(ValueError, match="GAE has the KL"):
        ppo.ppo_loss(PPOConfig(), ppo.Minibatch(new, old, adv, mask, ref_logprobs=ref), kl_coef=0.1)


# --------------------------------------------------------------------------- minibatches, metrics, config


def test_minibatches_cover_every_sample_once_per_epoch_and_are_reproducible():
    draws = list(ppo.minibatches(10, 4, 3, torch.Generator().manual_seed(7)))
    assert [e for e, _ in draws] == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert [len(i) for _, i in draws] == [4, 4, 2] * 3
    for epoch in range(3):
        seen = torch.cat([i for e, i in draws if e == epoch])
        assert sorted(seen.tolist()) == list(range(10))
    again = list(ppo.minibatches(10, 4, 3, torch.Generator().manual_seed(7)))
    assert all(torch.equal(a, b) for (_, a), (_, b) in zip(draws, again))
    assert not torch.equal(draws[0][1], draws[3][1]) or not torch.equal(draws[1][1], draws[4][1])  # reshuffled
    with pytest.raises(ValueError):
        next(ppo.minibatches(0, 4, 1))


def test_minibatches_by_group_keep_each_problems_samples_together():
    G = 4
    draws = list(ppo.minibatches(24, 8, 3, torch.Generator().manual_seed(3), group_size=G))
    assert [len(i) for _, i in draws] == [8, 8, 8] * 3
    for epoch in range(3):
        seen = torch.cat([i for e, i in draws if e == epoch])
        assert sorted(seen.tolist()) == list(range(24))  # every row once per epoch
    for _, idx in draws:
        groups = idx.reshape(-1, G)  # (groups in the minibatch, G)
        assert torch.equal(groups, groups[:, :1] + torch.arange(G))  # whole groups, rows in order
        assert bool((groups[:, 0] % G == 0).all())
    assert len({tuple(i.tolist()) for _, i in draws}) > 3  # groups are reshuffled between epochs
    # group_size 1 is the plain row shuffle, draw for draw (old runs replay unchanged)
    plain = list(ppo.minibatches(10, 4, 2, torch.Generator().manual_seed(7)))
    ones = list(ppo.minibatches(10, 4, 2, torch.Generator().manual_seed(7), group_size=1))
    assert all(torch.equal(a, b) for (_, a), (_, b) in zip(plain, ones))
    with pytest.raises(ValueError, match="multiples of group_size"):
        next(ppo.minibatches(24, 6, 1, group_size=4))
    with pytest.raises(ValueError, match="multiples of group_size"):
        next(ppo.minibatches(10, 4, 1, group_size=4))


def test_rollout_metrics():
    mask = right_padded([2, 4])
    kl = torch.tensor([[0.5, 0.5, 0, 0], [0.25, 0.25, 0.25, 0.25]])
    executed = torch.tensor([[True, False, False, False], [True, True, True, False]])
    returns = torch.tensor([[1.0, 2.0, 0, 0], [3.0, 4.0, 5.0, 6.0]])
    m = ppo.rollout_metrics(
        scores=torch.tensor([1.0, -1.0]),
        kl=kl,
        response_mask=mask,
        advantages=returns - 1,
        returns=returns,
        kl_coef=0.05,
        values=returns.clone(),
        executed_mask=executed,
        passed=torch.tensor([True, False]),
    )
    assert m["kl"] == pytest.approx(1.0)  # each completion sums to 1 nat
    assert m["non_score_reward"] == pytest.approx(-0.05)
    assert m["fgo_masked_frac"] == pytest.approx(2 / 6)  # 1 of 2 + 1 of 4 response tokens unexecuted
    assert m["explained_variance"] == pytest.approx(1.0)
    assert m["pass_rate"] == 0.5 and m["reward"] == 0.0 and m["response_length"] == 3.0
    assert m["return_mean"] == pytest.approx(21 / 6) and m["adv_mean"] == pytest.approx(15 / 6)
    assert math.isnan(ppo.explained_variance(returns, torch.ones(2, 4), mask))
    assert ppo.mean_stats([{"a": 1.0, "b": 2.0}, {"a": 3.0}]) == {"a": 2.0, "b": 2.0}


def test_config_defaults_and_validation():
    cfg = PPOConfig()
    assert (cfg.clip_eps, cfg.value_clip_eps, cfg.gamma, cfg.lam, cfg.kl_coef) == (0.2, 0.2, 1.0, 0.95, 0.05)
    assert cfg.kl_estimator == "k1" and not cfg.adaptive_kl and not cfg.fgo_mask_value_loss
    assert json.loads(json.dumps(cfg.to_dict()))["kl_coef"] == 0.05
    for bad in (dict(clip_eps=0), dict(lam=1.5), dict(kl_estimator="k2"), dict(advantage_estimator="grpo", group_size=1), dict(epochs=0)):
        with pytest.raises(ValueError, match="PPOConfig"):
            PPOConfig(**bad)


def test_ppo_loss_rejects_tensors_that_would_broadcast():
    mask = right_padded([2, 3])
    with pytest.raises(ValueError, match=r"advantages.*\(2, 1\)"):
        ppo.ppo_loss(PPOConfig(), ppo.Minibatch(torch.zeros(2, 3), torch.zeros(2, 3), torch.zeros(2, 1), mask))


def test_ppo_update_micro_batches_take_the_same_steps_and_average_gradients_once_per_step():
    """ppo_update on a toy table policy: gradient accumulation over micro-batches of 2 rows
    takes the same optimizer steps as whole minibatches (equal-length rows, so the weighted
    token means are the same), one step (and one gradient average) per minibatch."""
    T, V, B = 4, 5, 8
    g = torch.Generator().manual_seed(0)
    tokens = torch.randint(0, V, (B, T), generator=g)
    mask = torch.ones(B, T, dtype=torch.bool)
    init = torch.randn(T, V, generator=g)
    old_lp = torch.log_softmax(init, -1)[torch.arange(T), tokens]  # (B, T)
    batch = ppo.RolloutBatch(response_mask=mask, executed_mask=None, logprobs=old_lp, values=torch.zeros(B, T),
                             advantages=torch.randn(B, T, generator=g), returns=torch.randn(B, T, generator=g),
                             ref_logprobs=old_lp)

    def run(micro):
        logits, value = torch.nn.Parameter(init.clone()), torch.nn.Parameter(torch.zeros(T))
        optimizer = torch.optim.SGD([logits, value], lr=0.5)
        calls = []

        def forward(idx):
            lp = torch.log_softmax(logits, -1)[torch.arange(T), tokens[idx]]  # (b, T)
            return lp, value[None, :].expand(len(idx), T), ppo.entropy_from_logits(logits)[None, :].expand(len(idx), T)

        stats = ppo.ppo_update(PPOConfig(epochs=2, minibatch_size=4), batch, forward, optimizer, minibatch_size=4,
                               micro_batch_size=micro, generator=torch.Generator().manual_seed(1),
                               average_gradients=lambda params: calls.append(len(params)))
        return logits.detach(), value.detach(), stats, calls

    whole, micro = run(None), run(2)
    torch.testing.assert_close(micro[0], whole[0])
    torch.testing.assert_close(micro[1], whole[1])
    assert not torch.equal(whole[0], init)  # it did move
    assert whole[3] == micro[3] == [2] * 4  # 2 epochs x 2 minibatches, each over both parameters
    assert whole[2]["approx_kl"] > 0 and {"pg_loss", "v_loss", "entropy", "grad_norm", "clipfrac"} <= set(whole[2])


def test_max_grad_norm_clips_the_step_and_grad_norm_is_the_norm_before_clipping():
    """One SGD step (lr 1) on a toy table policy: without clipping the parameters move by the
    gradient itself; with max_grad_norm they move by exactly that norm, in the same direction."""
    T, V, B = 4, 5, 4
    g = torch.Generator().manual_seed(0)
    tokens = torch.randint(0, V, (B, T), generator=g)
    init = torch.randn(T, V, generator=g)
    old_lp = torch.log_softmax(init, -1)[torch.arange(T), tokens]  # (B, T)
    batch = ppo.RolloutBatch(response_mask=torch.ones(B, T, dtype=torch.bool), executed_mask=None, logprobs=old_lp,
                             values=torch.zeros(B, T), advantages=torch.randn(B, T, generator=g),
                             returns=torch.randn(B, T, generator=g), ref_logprobs=old_lp)

    def one_step(max_grad_norm):
        logits, value = torch.nn.Parameter(init.clone()), torch.nn.Parameter(torch.zeros(T))

        def forward(idx):
            lp = torch.log_softmax(logits, -1)[torch.arange(T), tokens[idx]]  # (b, T)
            return lp, value[None, :].expand(len(idx), T), None

        cfg = PPOConfig(epochs=1, minibatch_size=B, max_grad_norm=max_grad_norm)
        stats = ppo.ppo_update(cfg, batch, forward, torch.optim.SGD([logits, value], lr=1.0), minibatch_size=B)
        step = torch.cat([(logits.detach() - init).flatten(), value.detach()])
        return stats["grad_norm"], step

    norm, step = one_step(None)
    assert step.norm().item() == pytest.approx(norm, rel=1e-5) and norm > 0.01
    clipped_norm, clipped_step = one_step(0.01)
    assert clipped_norm == pytest.approx(norm, rel=1e-5)  # logged before clipping
    assert clipped_step.norm().item() == pytest.approx(0.01, rel=1e-4)
    # same direction (the small step is read back through float32 rounding of init + step)
    assert torch.nn.functional.cosine_similarity(clipped_step, step, dim=0).item() > 0.9999


def test_vf_coef_weights_the_value_loss_in_the_total_loss():
    torch.manual_seed(0)
    shape = (3, 5)
    lp, adv = torch.randn(shape), torch.randn(shape)
    mask = torch.ones(shape, dtype=torch.bool)
    new_v, old_v, ret = torch.randn(shape), torch.randn(shape), torch.randn(shape)
    mb = ppo.Minibatch(lp, lp, adv, mask, None, new_v, old_v, ret)
    losses = {c: float(ppo.ppo_loss(PPOConfig(vf_coef=c), mb)[0]) for c in (0.0, 0.5, 1.0)}
    v_loss = losses[1.0] - losses[0.0]
    assert v_loss > 0  # the value term is in the loss, and it grows with the critic's error
    assert losses[0.5] - losses[0.0] == pytest.approx(0.5 * v_loss, rel=1e-5)
