"""The random-pairing scheme (landau_num.sde.pairing) for system (3) of 003_2ee84d6b3c804a54.txt:
exact ancestral tables, exact spherical Brownian increments, the exact γ = 0 law, conservation,
thread-count independence, and the cross-validation against the pair-rotation integrator of (3)."""
from __future__ import annotations

import math

import numba
import numpy as np
import pytest
import sympy as sp

from landau_num.sde import ancestral, pairing
from landau_num.sde.system import ParticleSystem, pair_schedule
from landau_sym.identities import seed003_pairing_law as law


def _centred_K(v):
    mean = v.mean(axis=1)
    return np.einsum("rni,rnj->rij", v, v) / v.shape[1] - np.einsum("ri,rj->rij", mean, mean)


@pytest.mark.parametrize("tau", [2.0, 0.3, 0.02])
def test_ancestral_table_is_a_law_with_the_heat_kernel_harmonics(tau):
    lo, q = ancestral.exact_table(tau)
    m = lo + np.arange(len(q), dtype=float)
    ex, ex2 = 1 / (2 + m), 2 / ((2 + m) * (3 + m))
    # 1e-14: the table is exact to 2^-60 per entry; the sums carry double rounding over ≤ 300 terms
    assert abs(q.sum() - 1) < 1e-14
    assert abs((q * (1 - 2 * ex)).sum() - math.exp(-tau)) < 1e-14
    assert abs((q * (3 * (1 - 4 * ex + 4 * ex2) - 1) / 2).sum() - math.exp(-3 * tau)) < 1e-14


def test_uniformization_matches_the_series():
    lo, q = ancestral.exact_table(0.05)
    full = np.zeros(lo + len(q))
    full[lo:] = q
    moved = ancestral.propagate(full, 0.015)
    lo2, q2 = ancestral.exact_table(0.065)
    diff = np.zeros(max(len(moved), lo2 + len(q2)))
    diff[:len(moved)] += moved
    diff[lo2:lo2 + len(q2)] -= q2
    assert np.abs(diff).max() < 1e-13  # both exact to round-off; 1e-13 covers ~40 uniformization terms


def _one_pair_step(tau, R, seed=5, grid=False):
    """R independent pairs (rows 2k, 2k+1) run the exact pair dynamics for WF time τ: from the
    single table at τ, or (grid) from the γ ≠ 0 grid of tables with the death-process bridge."""
    tables = ancestral.AncestralTables(1.7, 0.0) if grid else ancestral.AncestralTables(tau, tau)
    w = np.random.default_rng(seed).standard_normal((2 * R, 3))
    z0 = w[0::2] - w[1::2]
    pairing._pairs_range(w, np.uint64(seed), 0, 0, R, tau, 0.0, 1.0, tables.cdf, tables.start, tables.lo,
                         tables.size, tables.guide, tables.inv_tau_max, tables.step, tables.tau_bottom)
    return z0, w[0::2] - w[1::2]


@pytest.mark.parametrize("tau, grid", [(0.02, False), (0.4, False), (5.0, False), (0.0123, True), (0.31, True),
                                       (40.0, True)])
def test_pair_update_is_exact_spherical_brownian_motion(tau, grid):
    R = 20000
    z0, z1 = _one_pair_step(tau, R, grid=grid)
    np.testing.assert_allclose(np.linalg.norm(z1, axis=1), np.linalg.norm(z0, axis=1), rtol=1e-13)
    c = np.einsum("ri,ri->r", z0, z1) / np.einsum("ri,ri->r", z0, z0)
    for ell, p in ((1, c), (2, (3 * c * c - 1) / 2), (3, (5 * c**3 - 3 * c) / 2)):
        exact = math.exp(-ell * (ell + 1) * tau / 2)  # heat kernel of κΔ_{S²} for κs = τ/2
        se = p.std(ddof=1) / math.sqrt(R)
        assert abs(p.mean() - exact) < 4 * se, (ell, p.mean(), exact, se)  # 4 s.e.: 9 comparisons


CASES_LAW = [(4, 0.05, 10, 1.0), (16, 2.0, 3, 1.0), (64, 0.02, 8, 1.0)]  # (N, dt, steps, C); τ = 8C dt


@pytest.mark.parametrize("N, dt, steps, C", CASES_LAW)
def test_gamma0_finite_dt_law(N, dt, steps, C):
    """(16, 2.0): τ = 16, e^{−3τ} ≈ 1e-21: dt ≫ 1/rate, where the scheme's law (1 − ρ)ⁿ with
    ρ → N/(2(N−1)) is far from the continuous-time e^{−λ_N t} ≈ 0."""
    R = 3000
    system = ParticleSystem(N, 0.0, C, None)
    rng = np.random.default_rng(N)
    v = rng.standard_normal((R, N, 3)) * np.sqrt([1.8, 0.2, 1.0])
    K0 = _centred_K(v)
    system.advance(v, dt, steps, pairing.replica_keys(N, R), "pairing")
    gap = _centred_K(v) - pairing.pairing_second_moment_law(K0, N, C, dt, steps)
    se = gap.std(axis=0, ddof=1) / math.sqrt(R)
    for a in range(3):
        assert abs(gap[:, a, a].mean()) < 3 * se[a, a], (a, gap[:, a, a].mean(), se[a, a])
    if dt == 2.0:
        continuous = math.exp(-12 * C * N / (N - 1) * dt * steps)
        scheme = (1 - N * (-math.expm1(-24 * C * dt)) / (2 * (N - 1))) ** steps
        assert scheme > 0.05 and continuous < 1e-30  # the two laws really differ here


def test_law_cross_validated_against_system_3_within_order_dt():
    """γ = −2, N = 4: the pairing scheme (dt = 0.02) and the pair-rotation integrator of (3)
    (dt = 0.002, first order) agree on ⟨v₁²⟩ at t = 0.4 within 3 s.e. + an O(dt) allowance."""
    N, R, C, T = 4, 4000, 1.0, 0.4
    rng = np.random.default_rng(11)
    v0 = rng.standard_normal((R, N, 3)) * np.sqrt([1.8, 0.2, 1.0])
    system = ParticleSystem(N, -2.0, C, 0.3)
    a = v0.copy()
    system.advance(a, 0.02, int(round(T / 0.02)), pairing.replica_keys(1, R), "pairing")
    b = v0.copy()
    system.advance(b, 0.002, int(round(T / 0.002)), np.arange(R, dtype=np.int64), "rotation")
    ma, mb = (a[..., 0] ** 2).mean(axis=1), (b[..., 0] ** 2).mean(axis=1)
    se = math.sqrt(ma.var(ddof=1) / R + mb.var(ddof=1) / R)
    # O(dt) allowance: for γ = 0 the two exact laws differ at this dt by |(1−ρ)ⁿ − e^{−λt}|·|K0−K∞|;
    # with rates of order α ≤ 1 here the same scale bounds the γ = −2 gap: 0.02·(1.8 − 1)·λ t ≈ 0.05
    allowance = 0.05
    assert abs(ma.mean() - mb.mean()) < 3 * se + allowance, (ma.mean(), mb.mean(), se)
    # and the second moments have moved (the comparison is not trivial)
    assert ma.mean() < 1.8 - 0.15


@pytest.mark.parametrize("gamma", [-3.0, -2.5, 0.0])
def test_conservation_at_any_dt(gamma):
    N, R = 200, 3
    system = ParticleSystem(N, gamma, 1.0, 0.05)
    v = np.random.default_rng(3).standard_normal((R, N, 3))
    e0, m0 = np.einsum("rni,rni->r", v, v), v.sum(axis=1)
    system.advance(v, 50.0, 20, pairing.replica_keys(2, R), "pairing")  # α_η(0)·dt ~ 1e5
    assert np.all(np.isfinite(v))
    assert np.abs(np.einsum("rni,rni->r", v, v) / e0 - 1).max() < 1e-12
    assert np.abs(v.sum(axis=1) - m0).max() / np.abs(v).sum(axis=(1, 2)).max() < 1e-12


def test_same_numbers_for_any_thread_count_and_either_kernel():
    N, R = 6000, 2  # bucket_bits(6000) = 1: two buckets, boundary pairs exercised
    system = ParticleSystem(N, -3.0, 1.0, 0.1)
    tables = system.ancestral_tables(0.01)
    v0 = np.random.default_rng(4).standard_normal((R, N, 3))
    args = (pairing.bucket_bits(N), 8.0 * 0.01, -3.0, 0.1, tables.cdf, tables.start, tables.lo, tables.size,
            tables.guide, tables.inv_tau_max, tables.step, tables.tau_bottom)
    keys = pairing.replica_keys(9, R)
    results = []
    before = numba.get_num_threads()
    try:
        for threads in (1, min(2, numba.config.NUMBA_NUM_THREADS)):
            numba.set_num_threads(threads)
            for kernel in (pairing.pairing_steps_within_replica, pairing.pairing_steps_over_replicas):
                v = v0.copy()
                kernel(v, keys, 3, 3, *args)
                results.append(v)
    finally:
        numba.set_num_threads(before)
    for other in results[1:]:
        assert np.array_equal(results[0], other)
    assert not np.array_equal(results[0], v0)


def test_matching_is_uniform_and_perfect():
    """Pair frequencies of the matching over many independent replicas (N = 6): each of the 15
    pairs is matched with probability 1/5 (a perfect matching of 6 holds 3 of 15 pairs)."""
    N, R = 6, 6000
    system = ParticleSystem(N, 0.0, 1.0, None)
    v = np.zeros((R, N, 3))
    v[:, :, 0] = np.arange(N) * 10.0  # labels along x; dt tiny: |Δv| ≲ 1e-3 ≪ 10
    system.advance(v, 1e-9, 1, pairing.replica_keys(0, R), "pairing")
    labels = np.rint(v[:, :, 0] / 10.0).astype(int)  # rows come back in matched order: (2k, 2k+1) partners
    assert np.all(np.sort(labels, axis=1) == np.arange(N))
    counts = np.zeros((N, N))
    for k in range(N // 2):
        i, j = np.minimum(labels[:, 2 * k], labels[:, 2 * k + 1]), np.maximum(labels[:, 2 * k], labels[:, 2 * k + 1])
        np.add.at(counts, (i, j), 1)
    freq = counts[np.triu_indices(N, 1)] / R
    se = math.sqrt(0.2 * 0.8 / R)
    assert np.all(np.abs(freq - 0.2) < 4 * se), freq  # 4 s.e.: 15 comparisons


def test_validation():
    with pytest.raises(ValueError, match="even number of particles"):
        ParticleSystem(5, 0.0).advance(np.zeros((1, 5, 3)), 0.1, 1, pairing.replica_keys(0, 1), "pairing")
    with pytest.raises(ValueError, match="first_step"):
        ParticleSystem(4, 0.0).advance(np.zeros((1, 4, 3)), 0.1, 1, pairing.replica_keys(0, 1), "pairing",
                                       first_step=-1)
    assert ParticleSystem(10, 0.0).pair_updates_per_step("pairing") == 5
    assert len(pair_schedule(10)) == ParticleSystem(10, 0.0).pair_updates_per_step("rotation")


def test_solver_run_pairing(tmp_path):
    from landau_num import solve

    result = solve("sde", "aniso3d", N=64, replicas=8, scheme="pairing", dt=0.05, T=0.5, records=2, seed=1,
                   out=tmp_path, figures=False)
    summary = result.record.summary
    assert summary["highlights"]["worst per-replica energy drift (relative)"] < 1e-12
    assert summary["pairing_approximate_updates"] == 0
    assert "second_moments_finite_N" in summary
    with pytest.raises(ValueError, match="even number"):
        solve("sde", "aniso3d", N=63, replicas=1, scheme="pairing", dt=0.05, T=0.1, figures=False)


# --- registry entries: pass as printed, fail when altered -------------------------------------

def test_generator_entry_and_mutation():
    assert law.check_pairing_generator().verdict == "verified"
    assert law.check_pairing_generator(N_values=(4, 6), probability=lambda N: sp.Rational(1, N)).verdict == "refuted"


def test_ancestral_entry_and_mutation():
    assert law.wright_fisher_generator_on_sphere(1, 1) == 0
    assert law.check_sphere_bm_ancestral(theta=(1, 2)).verdict == "refuted"


def test_second_moment_law_entry_and_mutation():
    assert law.check_pairing_second_moment_law(N_values=(4,)).verdict == "verified"
    wrong = lambda N, tau: N * (1 - sp.exp(-3 * tau)) / (2 * N)  # noqa: E731  (1/N instead of 1/(N−1))
    assert law.check_pairing_second_moment_law(N_values=(4,), rho=wrong).verdict == "refuted"


def test_guide_table_finds_the_inversion_index_of_a_binary_search():
    """The compiled sampler starts its search at the guide table (Chen–Asau); the index it returns
    must be the first with cdf ≥ u, i.e. np.searchsorted(cdf, u, 'left'), for every table of a
    γ ≠ 0 grid, at random u and at the cdf values themselves (the ties)."""
    tables = ancestral.AncestralTables(1.7, 0.0)
    rng = np.random.default_rng(3)
    for j in range(tables.count):
        base, n = tables.start[j], tables.size[j]
        cdf = tables.cdf[base:base + n]
        u = np.concatenate((rng.random(2000), cdf[:-1], np.nextafter(cdf[:-1], 0), np.arange(n) / n))
        u = u[(u > 0) & (u < 1)]
        guide = tables.guide[base + (u * n).astype(np.int64)]
        walked = []
        for start, x in zip(guide, u):
            i = start
            while i < n - 1 and cdf[i] < x:
                i += 1
            walked.append(i)
        assert np.all(cdf[np.maximum(guide - 1, 0)][guide > 0] < u[guide > 0])  # never starts past the answer
        assert np.array_equal(walked, np.minimum(np.searchsorted(cdf, u, side="left"), n - 1))


def test_pair_update_azimuth_is_uniform_and_independent_of_the_angle():
    """The azimuth of z′ about z (drawn with the Beta uniform as one point of the unit disc) is
    uniform and independent of Θ: for a fixed z, the tangent direction t of z′ has E t = 0,
    E[t⊗t] = I/2 on z^⊥ (E cos 2φ = E sin 2φ = 0), and E[P₂(cos Θ)·cos 2φ] = 0."""
    R, tau = 40000, 0.4
    tables = ancestral.AncestralTables(tau, tau)
    z0 = np.array([0.3, -0.5, 0.8])
    w = np.zeros((2 * R, 3))
    w[0::2] = z0
    pairing._pairs_range(w, np.uint64(11), 0, 0, R, tau, 0.0, 1.0, tables.cdf, tables.start, tables.lo, tables.size,
                         tables.guide, tables.inv_tau_max, tables.step, tables.tau_bottom)
    z1 = w[0::2] - w[1::2]
    n = z0 / np.linalg.norm(z0)
    e1 = np.cross(n, [1.0, 0.0, 0.0])
    e1 /= np.linalg.norm(e1)
    e2 = np.cross(n, e1)
    c = z1 @ n / np.linalg.norm(z0)
    phi = np.arctan2(z1 @ e2, z1 @ e1)
    for values in (np.cos(phi), np.sin(phi), np.cos(2 * phi), np.sin(2 * phi), (3 * c * c - 1) / 2 * np.cos(2 * phi),
                   c * np.sin(phi)):
        se = values.std(ddof=1) / math.sqrt(R)
        assert abs(values.mean()) < 4 * se, (values.mean(), se)  # exact mean 0; 4 s.e. over 6 comparisons



def test_replica_sums_match_exact_sums():
    # the one-pass sums that the records of a 10⁶-particle pairing run use (energy, momentum errors)
    """One-pass blocked sums against math.fsum (correctly rounded): first and second moments and
    Σ|V_i| to 1e-14 relative to the sum of the terms' magnitudes (the blocked sum's worst-case
    round-off is (1024 + N/1024)ε ≈ 2.3e-13, its typical size ~√1024·ε ≈ 7e-15)."""
    from landau_num.sde.diagnostics import replica_sums

    v = np.random.default_rng(4).standard_normal((2, 5000, 3)) * 1.7 + 0.3
    first, second, norms = replica_sums(v)
    for r in range(2):
        for a in range(3):
            assert abs(first[r, a] - math.fsum(v[r, :, a])) < 1e-14 * np.abs(v[r, :, a]).sum()
            for b in range(3):
                exact = math.fsum(v[r, :, a] * v[r, :, b])
                assert abs(second[r, a, b] - exact) < 1e-14 * np.abs(v[r, :, a] * v[r, :, b]).sum()
        assert abs(norms[r] - math.fsum(np.linalg.norm(v[r], axis=1))) < 1e-14 * norms[r]
