"""The fast paths of the blob solver (000_2c86dc742ea51118.txt §2, §5): the separable Gaussian gathers
and the FMM pair sum for 3D Coulomb, each against the direct reference it replaces."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landau_num import make_solver, solve
from landau_num.blob import pair_sum_fmm
from landau_num.blob.system import (
    GAUSSIAN, BlobSystem, cutoff_radius, entropy_gradient, gamma_code, gaussian_axis_factors,
    gaussian_entropy_gradient, gaussian_grid_density, grid_density, resolve_interaction, velocities_direct,
)
from landau_num.grid import CellGrid
from proofs_check import cli

needs_fmm = pytest.mark.skipif(not pair_sum_fmm.available(), reason="fmm3dpy not installed")


@settings(max_examples=15, deadline=None)
@given(st.sampled_from([2, 3]), st.integers(4, 9), st.integers(1, 60), st.floats(0.05, 1.5),
       st.integers(0, 2**32 - 1))
def test_separable_gaussian_gathers_equal_the_cell_list_gathers(d, n, N, width, seed):
    """Same truncated sums (pairs with |u_c − v_q| ≤ cut-off), other factorisation and order: equal to
    round-off. The cloud spills out of the box (clamped cells) and ε ranges from h²/10 to the box.
    Tolerance: each term differs by a few ulp (e^a e^b vs e^{a+b}), sums of ≤ N·n^d terms → 1e-12 of
    the largest value."""
    rng = np.random.default_rng(seed)
    grid = CellGrid(d, n, 2.0)
    v = rng.normal(size=(N, d)) * width * 2.0
    w = rng.uniform(0.0, 1.0, size=N)
    eps = grid.h**2 * rng.uniform(0.1, 30.0)
    radius = cutoff_radius(GAUSSIAN, eps)
    K = int(math.ceil(radius / grid.h)) + 1
    reference = grid_density(v, w, grid.points, grid.L, grid.h, grid.n, GAUSSIAN, eps, radius)
    cells, E = gaussian_axis_factors(v, grid.axis, grid.L, grid.h, grid.n, eps, K)
    fast = gaussian_grid_density(v, w, grid.axis, cells, E, K, eps, radius)
    assert np.abs(fast - reference).max() <= 1e-12 * max(reference.max(), 1e-300)
    F_ref = entropy_gradient(v, reference, grid.points, grid.L, grid.h, grid.n, GAUSSIAN, eps, radius)
    F_fast = gaussian_entropy_gradient(v, reference, grid.axis, cells, E, K, eps, radius, grid.cell_volume)
    assert np.abs(F_fast - F_ref).max() <= 1e-12 * max(np.abs(F_ref).max(), 1e-300)


def test_separable_factors_are_not_a_no_op():
    """A wrong window half-width (K smaller than the cut-off needs) must change the density: the test
    above would notice a truncation bug."""
    grid = CellGrid(2, 12, 2.0)
    v = np.random.default_rng(0).normal(size=(30, 2))
    w = np.ones(30)
    eps = 4 * grid.h**2
    radius = cutoff_radius(GAUSSIAN, eps)
    K = int(math.ceil(radius / grid.h)) + 1
    good = gaussian_grid_density(v, w, grid.axis, *gaussian_axis_factors(v, grid.axis, grid.L, grid.h, grid.n, eps, K),
                                 K, eps, radius)
    short = gaussian_grid_density(v, w, grid.axis, *gaussian_axis_factors(v, grid.axis, grid.L, grid.h, grid.n, eps, 2),
                                  2, eps, radius)
    assert np.abs(good - short).max() > 1e-3 * good.max()


@pytest.mark.parametrize("case,n", [("bkw2d", 12), ("bimaxwellian3d", 8)])
def test_system_velocities_equal_the_reference_composition(case, n):
    """BlobSystem (separable gathers, shared factors) against cell-list gathers + direct pair sum."""
    run = make_solver("blob", case, n=n, T=0.1, dt=0.1)
    s = run.system
    v = run.y0 + np.random.default_rng(2).uniform(-0.2, 0.2, size=run.y0.shape)
    g = s.grid
    density = grid_density(v, s.w, g.points, g.L, g.h, g.n, s.kind, s.eps, s.radius)
    F = entropy_gradient(v, density, g.points, g.L, g.h, g.n, s.kind, s.eps, s.radius)
    reference = velocities_direct(v, s.w, F, s.C, s.gamma, s.gamma_code)
    # 1e-11: the γ = 0 moment form cancels terms of size C W |v|²|F| (max |v'| is ~100 at the box edge)
    assert np.abs(s.velocities(v) - reference).max() <= 1e-11 * np.abs(reference).max()
    assert s.dissipation(v) == pytest.approx(-float(np.sum(s.w[:, None] * F * reference)), rel=1e-11)


def _coulomb_cloud(N, seed):
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(N, 3)) * rng.uniform(0.3, 3.0) + rng.uniform(-3, 3, size=3)
    F = -v + 0.3 * rng.normal(size=(N, 3))
    return v, F, rng.uniform(0.0, 1.0, size=N) / N, rng.uniform(0.05, 2.0)


def _pair_scale(v, w, F, C):
    """max_p C Σ_q w_q (|F_p| + |F_q|)/|v_p − v_q|: the size of the terms the FMM split subtracts."""
    z = np.linalg.norm(v[:, None] - v[None], axis=-1)
    np.fill_diagonal(z, np.inf)
    f = np.linalg.norm(F, axis=1)
    return C * ((w[None] * (f[:, None] + f[None])) / z).sum(axis=1).max()


@needs_fmm
@settings(max_examples=6, deadline=None)
@given(st.integers(300, 1200), st.integers(0, 2**32 - 1))
def test_fmm_pair_sum_equals_the_direct_sum(N, seed):
    """At the solver's precision 1e-12 the error stays below 1e-10 of the term scale (measured
    ≤ 3e-13; FMM3D's precision is relative to that scale, with a margin of 100 for the x_j∇φ split)."""
    v, F, w, C = _coulomb_cloud(N, seed)
    direct = velocities_direct(v, w, F, C, -3.0, gamma_code(-3.0))
    fmm = pair_sum_fmm.coulomb_velocities_fmm(v, w, F, C)
    assert np.abs(fmm - direct).max() <= 1e-10 * _pair_scale(v, w, F, C)


@needs_fmm
def test_fmm_error_follows_the_requested_precision():
    """At N = 3000 the tree is several levels deep: precision 1e-4 gives a visibly larger error than
    1e-12, and both respect their bound (the FMM really approximates the far field)."""
    v, F, w, C = _coulomb_cloud(3000, 7)
    direct = velocities_direct(v, w, F, C, -3.0, gamma_code(-3.0))
    scale = _pair_scale(v, w, F, C)
    coarse = np.abs(pair_sum_fmm.coulomb_velocities_fmm(v, w, F, C, 1e-4) - direct).max() / scale
    fine = np.abs(pair_sum_fmm.coulomb_velocities_fmm(v, w, F, C, 1e-12) - direct).max() / scale
    assert fine <= 1e-10 and coarse <= 1e-2
    assert coarse > 100 * fine


@needs_fmm
def test_fmm_run_matches_the_direct_run():
    out = {}
    for interaction in ("direct", "fmm"):
        rec = solve("blob", "bimaxwellian3d", n=8, T=0.2, dt=0.1, interaction=interaction).record
        assert rec.params["interaction"] == interaction
        out[interaction] = rec.series
    for key in ("energy", "entropy", "dissipation"):
        a, b = np.array(out["direct"][key]), np.array(out["fmm"][key])
        assert np.abs(a - b).max() <= 1e-9 * np.abs(a).max(), key


def test_interaction_resolution():
    assert resolve_interaction("auto", 2, 0.0, 10**6) == "moments"
    assert resolve_interaction("auto", 2, -3.0, 10**6) == "direct"  # no 2D FMM for |z|^{-1}Π(z)
    assert resolve_interaction("auto", 3, -2.0, 10**6) == "direct"
    assert resolve_interaction("auto", 3, -3.0, pair_sum_fmm.CROSSOVER_PARTICLES) == "direct"
    big = resolve_interaction("auto", 3, -3.0, pair_sum_fmm.CROSSOVER_PARTICLES + 1)
    assert big == ("fmm" if pair_sum_fmm.available() else "direct")
    for args, fragment in ((("fmm", 2, -3.0, 10), "needs d = 3 and gamma = -3"),
                           (("fmm", 3, 0.0, 10), "needs d = 3 and gamma = -3"),
                           (("moments", 3, -3.0, 10), "needs gamma = 0"),
                           (("tree", 3, -3.0, 10), "interaction must be one of")):
        with pytest.raises(ValueError, match=fragment):
            resolve_interaction(*args)
    with pytest.raises(ValueError, match="needs d = 3 and gamma = -3"):
        BlobSystem(CellGrid(2, 4, 1.0), np.ones(16), 1.0, -3.0, 0.1, interaction="fmm")
    with pytest.raises(ValueError, match="positions of shape"):
        pair_sum_fmm.coulomb_velocities_fmm(np.zeros((4, 2)), np.ones(4), np.zeros((4, 2)), 1.0)


@pytest.mark.parametrize("argv,fragment", [
    (["--case", "coulomb2d", "--interaction", "fmm"], "--interaction fmm needs d = 3 and gamma = -3"),
    (["--case", "bkw3d", "--interaction", "fmm"], "--interaction fmm needs d = 3 and gamma = -3"),
    (["--case", "bkw2d", "--interaction", "tree"], "--interaction must be one of"),
])
def test_bad_interaction_exits_2_before_computing(argv, fragment, tmp_path, capsys):
    assert cli.main(["run", "blob", *argv, "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert fragment in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()
