"""benchmarks/big_presets.py --tiny-check: the colab and gpu presets' whole path, on a tiny Qwen2."""
import json

import pytest
from benchmark_scripts import load_benchmark

PHASES = ("generate", "reference", "execute", "execute_wait", "score", "update", "iteration")


@pytest.mark.slow
def test_tiny_check_reports_phase_times_peak_memory_and_the_presets_estimates(tmp_path):
    big = load_benchmark("big_presets")
    report = tmp_path / "results.json"
    # two `train` processes (colab: LoRA + checkpointing; gpu: full fine-tuning), ~10-20 s each on idle cores
    assert big.main(["--tiny-check", "--scratch", str(tmp_path / "scratch"), "--report", str(report)]) == 0

    runs = {r["preset"]: r for r in json.loads(report.read_text())["runs"]}
    assert set(runs) == {"colab", "gpu"}
    for preset, r in runs.items():
        assert r["tiny_check"] and r["scaled"]
        shape = {k: r["run"][k] for k in ("problems_per_iteration", "samples_per_problem", "max_new_tokens", "dtype")}
        assert shape == {"problems_per_iteration": 1, "samples_per_problem": 2, "max_new_tokens": 8, "dtype": "float32"}
        assert all(isinstance(r["time_s"][p], float) and r["time_s"][p] >= 0 for p in PHASES), r["time_s"]
        assert r["time_s"]["iteration"] >= r["time_s"]["generate"] + r["time_s"]["update"]
        assert r["wall_s"] >= r["time_s"]["iteration"]
        assert r["peak_rss_gb"] > 0
        assert r["unfinished"] == 1.0  # a random model never closes its code block: every sample runs to max_new_tokens
        # the preset's own estimate for its card (the real 1.5B model), and the formula at the shape that ran
        for key in ("estimate_target_gb", "estimate_as_run_gb"):
            est = r[key]
            assert set(est) == {"weights", "reference", "trainable", "kv_cache", "activations", "logits", "total"}
            assert est["total"] == pytest.approx(sum(v for k, v in est.items() if k != "total"), abs=0.05)
        assert r["full_size_parameters"] == 1_543_714_304  # Qwen2.5-Coder-1.5B, tied embeddings counted once
        assert r["estimate_target_gb"]["total"] < r["target_card_gb"]
    assert runs["colab"]["full_size_trainable_parameters"] < runs["gpu"]["full_size_trainable_parameters"]  # LoRA vs all
    assert runs["colab"]["estimate_target_gb"]["total"] == pytest.approx(4.7, abs=0.1)  # model_preset("colab")'s budget
