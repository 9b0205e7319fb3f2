"""The blob (deterministic particle) solver of the ε-Landau equation (000_2c86dc742ea51118.txt §2, §5)."""
import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landau_num import make_solver, solve
from landau_num.blob.system import BlobSystem, dissipation, gamma_code, velocities_direct, velocities_moment_form
from landau_num.cases import get_case
from landau_num.grid import CellGrid
from landau_num.moment_laws import landau_second_moments, regularised_second_moment_rate
from proofs_check import cli


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([2, 3]), st.integers(2, 40), st.integers(0, 2**32 - 1))
def test_moment_form_equals_direct_sum(d, N, seed):
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(N, d)) * rng.uniform(0.1, 3)
    F = rng.normal(size=(N, d))
    w = rng.uniform(0, 1, size=N)
    C = rng.uniform(0.01, 2)
    direct = velocities_direct(v, w, F, C, 0.0, gamma_code(0.0))
    general = velocities_direct(v, w, F, C, 0.0, 0)  # the general-γ kernel at γ = 0
    assert np.abs(direct - general).max() <= 1e-13 * np.abs(direct).max()
    moments = velocities_moment_form(v, w, F, C)
    scale = C * w.sum() * (1 + np.abs(v).max()) ** 2 * np.abs(F).max()
    assert np.abs(direct - moments).max() <= 1e-13 * scale


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([2, 3]), st.sampled_from([-3.0, -2.0, -1.0, 1.0]), st.integers(0, 2**32 - 1))
def test_specialised_gamma_kernels_agree_with_the_general_one(d, gamma, seed):
    rng = np.random.default_rng(seed)
    v, F, w = rng.normal(size=(12, d)), rng.normal(size=(12, d)), rng.uniform(0, 1, size=12)
    fast = velocities_direct(v, w, F, 0.5, gamma, gamma_code(gamma))
    general = velocities_direct(v, w, F, 0.5, gamma, 0)
    assert np.abs(fast - general).max() <= 1e-12 * np.abs(general).max()


def _system(case="bkw2d", n=10, **kw):
    run = make_solver("blob", case, n=n, T=1.0, dt=0.1, **kw)
    return run, run.system, run.y0


def test_entropy_gradient_is_the_gradient_of_the_discrete_entropy():
    """w_p F_p = ∂H_ε^h/∂v_p (central differences), which makes dH/dt = −D exact.

    Off the grid and with a narrow mollifier (ε = 0.1h²), the midpoint sum of ∇ψ_ε is far from
    zero, so the "+1" in F_p matters here at the 10% level: the test tells the two apart."""
    run, s, v = _system(n=8, eps=0.1)
    v = v + np.random.default_rng(1).uniform(-0.3, 0.3, size=v.shape)
    F = s.entropy_gradient(v)
    h = 1e-5
    for p in (3, 17, 30):
        for a in range(2):
            up, dn = v.copy(), v.copy()
            up[p, a] += h
            dn[p, a] -= h
            fd = (s.entropy(s.density(up)) - s.entropy(s.density(dn))) / (2 * h)
            assert s.w[p] * F[p, a] == pytest.approx(fd, rel=1e-6, abs=1e-12)


@pytest.mark.parametrize("case,gamma", [("bkw2d", None), ("coulomb2d", None)])
def test_dissipation_formula_equals_minus_entropy_rate(case, gamma):
    run, s, v = _system(case, n=10)
    F = s.entropy_gradient(v)
    rate = float(np.sum(s.w[:, None] * F * s.velocities(v)))  # dH/dt along the semi-discrete flow
    double_sum = dissipation(v, s.w, F, s.C, s.gamma, gamma_code(s.gamma))  # ½Σ_{p,q}, whatever s.interaction is
    assert double_sum > 0
    assert -rate == pytest.approx(double_sum, rel=1e-11)
    assert s.dissipation(v) == pytest.approx(double_sum, rel=1e-11)


def test_conservative_scheme_conserves_momentum_and_energy():
    for case in ("bkw2d", "coulomb2d"):
        rec = solve("blob", case, n=10, T=0.5, dt=0.1, scheme="midpoint").record
        s = rec.series
        mass, energy, mom = np.array(s["mass"]), np.array(s["energy"]), np.array(s["momentum"])
        assert rec.stop_reason == "completed"
        assert np.all(mass == mass[0])
        assert np.abs(mom - mom[0]).max() < 1e-12
        assert np.abs(energy - energy[0]).max() < 1e-10 * energy[0]  # the solver tolerance is 1e-12
        assert np.all(np.diff(s["entropy"]) < 0)


def test_explicit_scheme_conserves_mass_and_momentum_to_round_off():
    rec = solve("blob", "coulomb2d", n=10, T=0.5, dt=0.05).record
    s = rec.series
    mom = np.array(s["momentum"])
    assert np.abs(mom - mom[0]).max() < 1e-13
    energy = np.array(s["energy"])
    assert np.abs(energy - energy[0]).max() < 1e-6 * energy[0]  # not exact for RK4, but small


def _entropy_balance_defect(scheme, dt):
    """|H(T) − H(0) + ∫₀ᵀ D dt| with ∫D by Simpson's rule on the recorded D."""
    rec = solve("blob", "bkw2d", n=8, T=0.4, dt=dt, scheme=scheme).record
    H, D = np.array(rec.series["entropy"]), np.array(rec.series["dissipation"])
    h = rec.params["dt"]
    integral = h / 3 * (D[0] + D[-1] + 4 * D[1:-1:2].sum() + 2 * D[2:-1:2].sum())
    return abs(H[-1] - H[0] + integral)


@pytest.mark.parametrize("scheme,order", [("rk4", 4), ("midpoint", 2)])
def test_entropy_rate_matches_dissipation_to_the_order_of_the_integrator(scheme, order):
    coarse = _entropy_balance_defect(scheme, 0.1)
    fine = _entropy_balance_defect(scheme, 0.05)
    measured = math.log2(coarse / fine)
    assert measured > order - 0.5, (coarse, fine, measured)


def test_bkw2d_converges_at_second_order_in_h():
    errors = {}
    for n in (16, 24):
        rec = solve("blob", "bkw2d", n=n, T=5.0, dt=0.1, record_every=50).record
        errors[n] = rec.series["error_vs_exact"]["l2"][-1]
    order = math.log(errors[16] / errors[24]) / math.log(24 / 16)
    assert order > 1.6, errors


def test_exponential_kernel_converges_on_bkw2d():
    errors = [solve("blob", "bkw2d", n=n, T=5.0, dt=0.1, kernel="exponential", record_every=50).record.series["error_vs_exact"]["l2"][-1] for n in (16, 32)]
    assert errors[1] < 0.6 * errors[0]


def test_bkw3d_error_and_fourth_moment_improve_with_n():
    out = {}
    for n in (8, 12):
        rec = solve("blob", "bkw3d", n=n, T=0.5, dt=0.1, record_every=5).record
        out[n] = (rec.series["error_vs_exact"]["l2"][-1], abs(rec.summary["fourth_moment"] / rec.summary["fourth_moment_exact"] - 1))
    assert out[12][0] < 0.8 * out[8][0]
    assert out[12][1] < out[8][1] < 0.06


def test_aniso3d_follows_the_regularised_law_not_yet_the_landau_law():
    """At resolvable n the ε-bias dominates (see landau_num.moment_laws); both are measured."""
    case = get_case("aniso3d")
    result = solve("blob", case, n=12, T=0.1, dt=0.05)
    run, rec = result.solver, result.record
    P = [np.array(m) for m in rec.series["second_moments"]]
    slope = np.diag((P[-1] - P[0]) / 0.1)
    predicted = np.diag(regularised_second_moment_rate(np.diag(P[0]), case.C, run.system.eps))
    landau = np.diag((landau_second_moments(P[0], case.C, 1e-6) - P[0]) / 1e-6)
    assert np.abs(slope - predicted).max() < 0.1 * np.abs(predicted).max()
    assert np.abs(slope - landau).max() > 0.3 * np.abs(landau).max()
    assert np.trace(P[-1]) == pytest.approx(np.trace(P[0]), rel=1e-6)


def test_regularised_law_reduces_to_the_landau_law_at_eps_zero():
    s = np.array([1.8, 0.2, 1.0])
    rate = regularised_second_moment_rate(s, 1 / 24, 0.0)
    exact = (landau_second_moments(np.diag(s), 1 / 24, 1e-7) - np.diag(s)) / 1e-7
    assert np.allclose(rate, exact, atol=1e-6)


def test_coulomb2d_short_horizon_relaxes():
    """H_ε decreases towards the regularised end value H_ε∞ = −ln(2π(T∞ + ε)) − 1 (the mollified
    end Maxwellian), which tends to the design's H∞ = −ln(4π) − 1 as ε → 0."""
    case = get_case("coulomb2d")
    result = solve("blob", case, n=16, T=1.0, dt=0.05, record_every=5)
    run, rec = result.solver, result.record
    s = rec.series
    off_diagonal = [abs(m[0][1]) for m in s["second_moments"]]
    assert np.all(np.diff(off_diagonal) < 0)  # end state has P12 = 0
    assert np.all(np.diff(s["entropy"]) < 0)
    end_temperature = case.parameters["end_temperature"]
    regularised_end_entropy = -math.log(2 * math.pi * (end_temperature + run.system.eps)) - 1
    assert s["entropy"][-1] > regularised_end_entropy


def test_run_record_schema_and_files(tmp_path):
    import xarray as xr

    assert cli.main(["run", "blob", "--case", "bkw2d", "--n", "8", "--T", "0.2", "--dt", "0.1", "--out", str(tmp_path)]) == 0
    rec = json.loads((tmp_path / "result.json").read_text())
    assert set(rec) == {"solver", "case", "params", "series", "summary", "provenance"}
    for key in ("times", "mass", "momentum", "energy", "second_moments", "entropy", "error_vs_exact"):
        assert key in rec["series"]
    for key in ("wall_seconds", "steps", "stop_reason"):
        assert key in rec["summary"]
    for key in ("version", "git_commit", "kernel_hashes", "command", "date", "threads"):
        assert key in rec["provenance"]
    assert set(rec["series"]["error_vs_exact"]) == {"l1", "l2", "linf"}
    assert rec["params"]["eps"] == pytest.approx(0.64 * 1.0 ** 1.98)
    assert "seed" in rec["params"]
    assert len(rec["series"]["times"]) == rec["summary"]["steps"] + 1 == 3
    for name in ("record.nc", "checkpoint.npz", "entropy_dissipation.png", "conservation.png", "density_slice.png"):
        assert (tmp_path / name).exists()
    with xr.open_dataset(tmp_path / "record.nc") as data:
        assert data["momentum"].dims == ("time", "component")
        assert np.allclose(data["entropy"].values, rec["series"]["entropy"])


@pytest.mark.parametrize("argv,fragment", [
    (["--case", "bkw2d", "--eps", "0"], "--eps must be a finite real number > 0, got 0.0"),
    (["--case", "bkw2d", "--eps", "-1"], "--eps must be a finite real number > 0, got -1.0"),
    (["--case", "bkw2d", "--n", "1"], "--n must be an integer >= 2, got 1"),
    (["--case", "bkw2d", "--dt", "0"], "--dt must be a finite real number > 0, got 0.0"),
    (["--case", "bkw2d", "--T", "nan"], "--T must be a finite real number > 0, got nan"),
    (["--case", "nope"], "unknown case 'nope'"),
    (["--case", "bkw2d", "--scheme", "euler"], "--scheme must be one of rk4, midpoint, got 'euler'"),
    (["--case", "bkw2d", "--kernel", "box"], "--kernel must be one of"),
    (["--case", "bkw2d", "--L", "1e-6"], "--L 1e-06 is too small for case bkw2d"),
    (["--case", "bkw2d", "--L", "1e6"], "no particle carries mass"),
    (["--case", "bkw2d", "--eps", "1e300"], "outside [h/4, L]"),
    (["--case", "bkw2d", "--eps", "1e-300"], "outside [h/4, L]"),
    (["--case", "bkw2d", "--n", "100000"], "above the memory limit"),
    (["--case", "bkw2d", "--n", "4"], "h = 2 does not resolve"),
    (["--case", "coulomb2d", "--interaction", "moments"], "--interaction moments needs gamma = 0"),
])
def test_bad_input_exits_2_before_computing(argv, fragment, tmp_path, capsys):
    assert cli.main(["run", "blob", *argv, "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_bad_weights_are_rejected():
    grid = CellGrid(2, 4, 1.0)
    for bad in (np.array([1.0, -1.0] * 8), np.array([1.0, np.nan] * 8)):
        with pytest.raises(ValueError, match="weights must be a finite, non-negative"):
            BlobSystem(grid, bad, 1.0, 0.0, 0.1)


def test_nan_stops_the_run_and_keeps_the_last_good_state(tmp_path):
    import xarray as xr

    from landau_num.core.driver import run

    solver = make_solver("blob", "bkw2d", n=8, T=1.0, dt=0.1)
    calls = {"n": 0}
    original = solver.system.velocities

    def poisoned(v):
        calls["n"] += 1
        out = original(v)
        if calls["n"] > 8:  # the third RK4 step
            out[0, 0] = np.nan
        return out

    solver.system.velocities = poisoned
    rec = run(solver, tmp_path, figures=False)
    assert rec.stop_reason.startswith("non-finite state at step 3 (t=0.3)")
    assert rec.summary["steps"] == 2 and not rec.completed
    with xr.open_dataset(tmp_path / "record.nc") as data:
        assert np.all(np.isfinite(data["positions"].values))
    assert json.loads((tmp_path / "result.json").read_text())["summary"]["stop_reason"] == rec.stop_reason


def test_a_finite_blow_up_is_stopped(tmp_path, capsys):
    """Δt = 50 is far beyond the stiffness of the flow: the state stays finite but the energy
    explodes; the run stops at the first record with the drift and the tolerance, exit 1."""
    assert cli.main(["run", "blob", "--case", "bkw2d", "--n", "10", "--dt", "50", "--T", "200",
                     "--out", str(tmp_path)]) == 1
    rec = json.loads((tmp_path / "result.json").read_text())
    assert rec["summary"]["stop_reason"].startswith("blow-up at step 1")
    assert "energy drifted" in rec["summary"]["stop_reason"]
    assert rec["summary"]["completed"] is False
