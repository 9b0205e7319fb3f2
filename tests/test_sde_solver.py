"""The ``sde`` solver on the platform (landau_num.sde.solver): run records, reproducibility,
--resume bit for bit, the memory estimate, bad input; and the quick SDE check of `landau check`."""
import json
import time

import numpy as np
import pytest
import xarray as xr

from landau_num import get_case, make_solver, solve
from landau_num.core.driver import run
from landau_num.sde import solver as sde_solver

SMALL = dict(N=8, replicas=4, T=0.2, dt=0.05)


def final_velocities(out):
    with xr.open_dataset(out / "record.nc", engine="h5netcdf") as data:
        return data["final_velocities"].values.copy(), data["final_velocities"].dims


def test_run_writes_the_record_the_container_and_figures(tmp_path):
    out = tmp_path / "run"
    result = solve("sde", "aniso3d", N=6, replicas=3, T=0.2, dt=0.05, seed=9, scheme="euler", out=out)
    record = json.loads((out / "result.json").read_text())
    assert record["solver"] == "sde" and record["params"]["seed"] == 9
    assert record["params"]["parameters"]["N"] == 6 and record["params"]["eta"] == pytest.approx(6 ** (-1 / 3))
    for key in ("times", "mass", "momentum", "energy", "second_moments", "second_moments_std", "entropy",
                "energy_relative_drift_max", "momentum_relative_drift_max", "fisher", "inverse_square_distance"):
        assert key in record["series"], key
    summary = record["summary"]
    for key in ("wall_seconds", "steps", "stop_reason", "second_moments_landau", "second_moments_finite_N",
                "euler_energy_drift", "integrator_seconds", "pair_updates_per_second", "highlights"):
        assert key in summary, key
    assert summary["steps"] == 4 and summary["stop_reason"] == "completed" and 2 <= len(summary["highlights"]) <= 4
    assert np.array(record["series"]["second_moments"]).shape == (len(record["series"]["times"]), 3, 3)
    assert max(record["series"]["momentum_relative_drift_max"]) < 1e-13  # both schemes conserve momentum
    final, dims = final_velocities(out)
    assert final.shape == (3, 6, 3) and dims == ("replica", "particle", "component")
    assert np.array_equal(final, result.state)
    assert all((out / name).exists() for name in ("second_moments.png", "conservation.png", "functionals.png"))


def test_the_same_seed_gives_identical_velocities(tmp_path):
    finals = []
    for k in range(2):
        out = tmp_path / f"r{k}"
        result = solve("sde", "bkw3d", N=4, replicas=2, T=0.1, dt=0.05, eta=0.2, out=out, figures=False)
        assert not list(out.glob("*.png"))
        finals.append(result.state)
        assert np.array_equal(final_velocities(out)[0], result.state)
    assert np.array_equal(*finals)
    errors = result.record.series["error_vs_exact"]  # bkw3d has an exact density
    assert set(errors) == {"l1", "l2", "linf"} and len(errors["l1"]) == 3


@pytest.mark.parametrize("scheme", ["rotation", "euler"])
def test_an_interrupted_run_resumes_bit_for_bit(tmp_path, scheme):
    params = dict(SMALL, T=0.5, records=5, seed=3, scheme=scheme)  # 10 steps, a chunk of 2 per record
    whole = solve("sde", "aniso3d", out=tmp_path / "whole", figures=False, **params)

    stopped = make_solver("sde", "aniso3d", **params)
    advance, calls = stopped.advance, {"n": 0}

    def interrupted(y, dt, k):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return advance(y, dt, k)

    stopped.advance = interrupted
    record = run(stopped, tmp_path / "part", figures=False)
    assert record.stop_reason.startswith("interrupted at step 4") and not record.completed
    assert len(record) == 3  # t0 and the two finished chunks, kept

    resumed = solve("sde", "aniso3d", out=tmp_path / "part", resume=True, figures=False, **params)
    assert resumed.record.completed and resumed.t == pytest.approx(whole.t)
    assert np.array_equal(resumed.state, whole.state)
    assert np.array_equal(final_velocities(tmp_path / "part")[0], whole.state)
    assert resumed.record.series == whole.record.series


def test_a_run_too_large_for_memory_is_refused_before_allocating(monkeypatch):
    def no_allocation(*args, **kwargs):
        raise AssertionError("the solver was built")

    monkeypatch.setattr(sde_solver, "ParticleSystem", no_allocation)
    start = time.perf_counter()
    with pytest.raises(ValueError, match="needs about .* above the memory limit") as info:
        make_solver("sde", "aniso3d", N=100_000)
    assert time.perf_counter() - start < 0.5 and "\n" not in str(info.value)
    # the estimate: the pair schedule alone is N(N−1)/2 pairs × 16 bytes ≈ 74.5 GiB
    params = sde_solver.SDEParameters(N=100_000)
    assert sde_solver.SDESolver.memory_estimate(get_case("aniso3d"), params) >= 16 * 100_000 * 99_999 / 2
    with pytest.raises(ValueError, match="needs about"):
        make_solver("sde", "aniso3d", N=64, replicas=10**8)


@pytest.mark.parametrize("kwargs, fragment", [
    (dict(N=1), "--N must be an integer >= 2, got 1"), (dict(N=2.5), "--N must be an integer >= 2, got 2.5"),
    (dict(replicas=0), "--replicas must be an integer >= 1, got 0"),
    (dict(replicas=1e8), "--replicas must be an integer >= 1, got 100000000.0"),
    (dict(dt=0.0), "--dt"), (dict(dt=-1.0), "--dt"), (dict(T=0.0), "--T"), (dict(eta=0.0), "--eta"),
    (dict(scheme="heun"), "--scheme must be one of rotation, euler, pairing, got 'heun'"), (dict(seed=-3), "--seed"),
    (dict(records=0), "--records"),
])
def test_bad_input_gives_a_one_line_value_error_naming_the_value(tmp_path, kwargs, fragment):
    with pytest.raises(ValueError) as info:
        solve("sde", "aniso3d", out=tmp_path / "x", **dict(SMALL, **kwargs))
    assert fragment in str(info.value) and "\n" not in str(info.value)
    assert not (tmp_path / "x" / "result.json").exists()


@pytest.mark.parametrize("case", ["bkw2d", "rosenbluth3d", "nosuch"])
def test_cases_without_a_three_dimensional_sampler_are_refused(case):
    with pytest.raises(ValueError, match="case") as info:
        make_solver("sde", case, **SMALL)
    assert "\n" not in str(info.value)


def test_quick_check_verifies_and_writes_its_figures(tmp_path):
    from proofs_check.quick_checks_sde import sde_quick

    result = sde_quick(tmp_path)
    assert result.verdict == "verified", result.evidence
    assert result.evidence["rotation_energy_relative_error_max"] <= 1e-12
    assert {"second_moments.png", "conservation.png", "functionals.png"} <= {
        p.name for p in (tmp_path / "sde-aniso3d").glob("*.png")}
