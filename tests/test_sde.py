"""The particle system (3) of 003_2ee84d6b3c804a54.txt and its two integrators (landau_num.sde.system).

Statistical tests fix their seeds and allow 4 standard errors (stated per test); each exact law
is derived in the test from the mathematics (module doc of landau_num.sde.system), never read off
the code's output, and the main ones are shown to reject a wrong law.
"""
import math

import numba
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, special

from landau_num import make_solver, solve
from landau_num.cases import get_case
from landau_num.kernels import get_kernel
from landau_num.sde.system import (
    ParticleSystem, draw_seeds, maxwell_second_moment_law, pair_schedule, round_robin_rounds,
)

SE_ALLOWED = 4.0  # every Monte-Carlo comparison below allows 4 standard errors


def z_scores(samples: np.ndarray, expected) -> np.ndarray:
    """(sample mean − expected)/standard error, per column of samples (n, ...)."""
    return (samples.mean(axis=0) - expected) / (samples.std(axis=0, ddof=1) / math.sqrt(len(samples)))


def alpha_by_hand(r, gamma, eta):
    """α_η away from the ramp of χ (Remark 2.1): (0.99η)^γ for r ≤ 0.98η, r^γ for r ≥ η."""
    assert r <= 0.98 * eta or r >= eta, "keep test pairs off the ramp 0.98η < r < η"
    return (0.99 * eta) ** gamma if r <= 0.98 * eta else r**gamma


def replicate(config, R):
    return np.ascontiguousarray(np.broadcast_to(np.asarray(config, dtype=float), (R,) + np.shape(config)))


# ---------------------------------------------------------------- pair schedule and implementation

@settings(max_examples=30, deadline=None)
@given(st.integers(2, 40))
def test_round_robin_schedule_has_every_pair_once_in_disjoint_rounds(N):
    rounds = round_robin_rounds(N)
    all_pairs = [tuple(p) for rnd in rounds for p in rnd]
    assert sorted(all_pairs) == [(i, j) for i in range(N) for j in range(i + 1, N)]
    for rnd in rounds:
        assert len(set(rnd.ravel())) == 2 * len(rnd)  # no particle twice in a round
    assert np.array_equal(pair_schedule(N), np.array(all_pairs))


def reference_steps(v, pairs, steps, seeds, dt, C, gamma, eta, scheme):
    """Plain NumPy transcription of (3): the Gaussian increments of replica r are
    RandomState(seeds[r]).standard_normal((steps, P, 3)), one row per pair in schedule order."""
    v = v.copy()
    R, N = v.shape[:2]
    alpha = np.vectorize(lambda r: alpha_by_hand(r, gamma, eta))
    increments = [np.random.RandomState(seed).standard_normal((steps, len(pairs), 3)) for seed in seeds]
    for s in range(steps):
        for r in range(R):
            xi = increments[r][s]
            if scheme == "euler":
                i, j = pairs.T
                z = v[r, i] - v[r, j]
                norm = np.linalg.norm(z, axis=1, keepdims=True)
                a = alpha(norm)
                sigma_xi = np.sqrt(C * a) * (norm * xi - z * (z * xi).sum(1, keepdims=True) / norm)  # σ(z)ξ
                w = (2 / (N - 1)) * (-2 * C * a * z) * dt + math.sqrt(2 / (N - 1)) * sigma_xi * math.sqrt(dt)
                increment = np.zeros((N, 3))
                np.add.at(increment, i, w)
                np.add.at(increment, j, -w)
                v[r] += increment
            else:
                for p, (i, j) in enumerate(pairs):
                    z = v[r, i] - v[r, j]
                    axis = np.cross(z / np.linalg.norm(z), xi[p])
                    kappa = 4 * C * alpha(np.linalg.norm(z)) / (N - 1)
                    theta = math.sqrt(2 * kappa * dt) * np.linalg.norm(axis)
                    k = axis / np.linalg.norm(axis)
                    z_new = z * math.cos(theta) + np.cross(k, z) * math.sin(theta)  # k ⊥ z
                    m = 0.5 * (v[r, i] + v[r, j])
                    v[r, i], v[r, j] = m + z_new / 2, m - z_new / 2
    return v


@pytest.mark.parametrize("scheme", ["rotation", "euler"])
def test_compiled_steps_equal_a_plain_numpy_transcription(scheme):
    N, R, gamma, eta, C, dt = 5, 3, -2.5, 0.05, 0.7, 0.03
    rng = np.random.default_rng(4)
    v = rng.standard_normal((R, N, 3))
    seeds = draw_seeds(rng, R)
    expected = reference_steps(v, pair_schedule(N), 3, seeds, dt, C, gamma, eta, scheme)
    ParticleSystem(N, gamma, C, eta).advance(v, dt, 3, seeds, scheme)
    assert np.abs(v - expected).max() < 1e-12


def test_runs_are_reproducible_from_the_seed_whatever_the_threads():
    finals = []
    for threads in (numba.get_num_threads(), 1):
        numba.set_num_threads(threads)
        try:
            result = solve("sde", "bimaxwellian3d", N=6, replicas=5, T=0.2, dt=0.02, seed=123, records=3)
        finally:
            numba.set_num_threads(numba.config.NUMBA_NUM_THREADS)
        finals.append(result.state)
    assert np.array_equal(finals[0], finals[1])
    other = solve("sde", "bimaxwellian3d", N=6, replicas=5, T=0.2, dt=0.02, seed=124, records=3)
    assert not np.allclose(other.state, finals[0])


# ---------------------------------------------------------------- conservation (acceptance)

def relative_errors(v, v0):
    momentum = np.linalg.norm(v.sum(1) - v0.sum(1), axis=1) / np.linalg.norm(v0, axis=2).sum(1)
    e0 = (v0**2).sum((1, 2))
    return momentum, np.abs((v**2).sum((1, 2)) - e0) / e0


def test_rotation_conserves_momentum_and_energy_of_every_replica_over_ten_thousand_steps():
    # γ = −3 with a small cut-off: α^N(0)dt = (0.99·0.1)^−3·0.5 ≈ 500, far beyond any explicit scheme
    N, R = 5, 3
    rng = np.random.default_rng(0)
    v0 = rng.standard_normal((R, N, 3)) + np.array([0.7, -0.3, 0.2])
    v = v0.copy()
    ParticleSystem(N, -3.0, 1.0, 0.1).advance(v, 0.5, 10_000, draw_seeds(rng, R), "rotation")
    momentum, energy = relative_errors(v, v0)
    assert momentum.max() <= 1e-12 and energy.max() <= 1e-12
    assert np.abs(v - v0).max() > 0.5  # the particles did move


@settings(max_examples=25, deadline=None)
@given(N=st.integers(2, 7), gamma=st.floats(-3, 0), log_eta=st.floats(-3, 0.5), log_dt=st.floats(-4, 4),
       scale=st.floats(0.01, 100), seed=st.integers(0, 2**31))
def test_rotation_is_conservative_and_bounded_for_any_step(N, gamma, log_eta, log_dt, scale, seed):
    rng = np.random.default_rng(seed)
    v0 = scale * rng.standard_normal((2, N, 3))
    v = v0.copy()
    ParticleSystem(N, gamma, 1.0, 10**log_eta).advance(v, 10**log_dt, 30, draw_seeds(rng, 2), "rotation")
    momentum, energy = relative_errors(v, v0)
    assert np.all(np.isfinite(v)) and momentum.max() <= 1e-13 and energy.max() <= 1e-13


@settings(max_examples=15, deadline=None)
@given(N=st.integers(2, 7), gamma=st.floats(-3, 0), log_dt=st.floats(-4, -1), seed=st.integers(0, 2**31))
def test_euler_conserves_momentum_to_round_off(N, gamma, log_dt, seed):
    rng = np.random.default_rng(seed)
    v0 = rng.standard_normal((2, N, 3))
    v = v0.copy()
    ParticleSystem(N, gamma, 1.0, 0.3).advance(v, 10**log_dt, 30, draw_seeds(rng, 2), "euler")
    momentum, _ = relative_errors(v, v0)
    assert momentum.max() <= 1e-13


CONFIG = np.array([[0.0, 0.0, 0.0], [1.0, 0.3, -0.2], [-0.4, 0.9, 0.5], [0.2, -0.7, 1.1]])


def euler_drift_and_diffusion(config, C, gamma):
    """Drift (2/(N−1))Σ_j ∇·A(z_ij) and the covariance blocks of the noise of (3) per unit time,
    from the generated kernels ``landau_divergence`` and ``landau_matrix`` (α = r^γ off the cut-off)."""
    divergence, matrix = get_kernel("landau_divergence", 3), get_kernel("landau_matrix", 3)
    N = len(config)
    drift = np.zeros((N, 3))
    gamma_blocks = np.zeros((N, N, 3, 3))
    for i in range(N):
        for j in range(N):
            if i != j:
                z = config[i] - config[j]
                drift[i] += 2 / (N - 1) * np.array(divergence(*z, C, gamma))
                A = np.array(matrix(*z, C, gamma)).reshape(3, 3)
                gamma_blocks[i, i] += 2 / (N - 1) * A
                gamma_blocks[i, j] = -2 / (N - 1) * A
    return drift, gamma_blocks


def test_euler_increment_has_the_drift_and_covariance_of_the_seed_system():
    # one step from a fixed state: ΔV = dt·drift + Gaussian with covariance dt·Γ (seed 003 (50)-(51))
    C, gamma, dt, R = 1.0, -2.5, 0.5, 20_000
    drift, blocks = euler_drift_and_diffusion(CONFIG, C, gamma)
    v = replicate(CONFIG, R)
    ParticleSystem(4, gamma, C, 0.05).advance(v, dt, 1, draw_seeds(np.random.default_rng(1), R), "euler")
    dv = v - CONFIG
    assert np.abs(z_scores(dv.reshape(R, -1), dt * drift.ravel())).max() < SE_ALLOWED
    for i, j in ((0, 0), (0, 1), (2, 3)):
        cov = dt * blocks[i, j]
        products = np.einsum("ra,rb->rab", dv[:, i] - dt * drift[i], dv[:, j] - dt * drift[j])
        var_i, var_j = dt * np.diag(blocks[i, i]), dt * np.diag(blocks[j, j])
        se = np.sqrt((np.outer(var_i, var_j) + cov**2) / R)  # Gaussian sample covariance
        assert np.abs((products.mean(0) - cov) / se).max() < SE_ALLOWED


def test_euler_energy_drift_is_dt_squared_times_drift_squared():
    # E[ΔΣ|V_i|² | V] = dt²Σ|drift_i|² (module doc of landau_num.sde): measured, and clearly nonzero
    C, gamma, dt, R = 1.0, -2.5, 0.05, 20_000
    drift, _ = euler_drift_and_diffusion(CONFIG, C, gamma)
    v = replicate(CONFIG, R)
    ParticleSystem(4, gamma, C, 0.05).advance(v, dt, 1, draw_seeds(np.random.default_rng(2), R), "euler")
    gain = (v**2).sum((1, 2)) - (CONFIG**2).sum()
    expected = dt**2 * (drift**2).sum()
    assert abs(z_scores(gain, expected)) < SE_ALLOWED
    assert z_scores(gain, 0.0) > 10


def one_step_difference(dt, C_rotation, R, seed):
    """(V_rot − V_Euler)/dt for particle 1 and the same for V_1⊗V_1, one step from CONFIG with
    shared Gaussian increments (both schemes draw ΔB^{ij} in schedule order)."""
    seeds = draw_seeds(np.random.default_rng(seed), R)
    rot, eul = replicate(CONFIG, R), replicate(CONFIG, R)
    ParticleSystem(4, -2.5, C_rotation, 0.05).advance(rot, dt, 1, seeds, "rotation")
    ParticleSystem(4, -2.5, 1.0, 0.05).advance(eul, dt, 1, seeds, "euler")
    outer = np.einsum("ra,rb->rab", rot[:, 0], rot[:, 0]) - np.einsum("ra,rb->rab", eul[:, 0], eul[:, 0])
    return np.concatenate([rot[:, 0] - eul[:, 0], outer.reshape(R, 9)], axis=1) / dt


@pytest.mark.parametrize("C_rotation, consistent", [(1.0, True), (1.3, False)])
def test_rotation_generator_equals_the_euler_generator_to_first_order(C_rotation, consistent):
    # E[φ(V_rot)] − E[φ(V_EM)] = O(dt²) for φ = V_1, V_1⊗V_1 iff the generators agree; the ratio
    # g(dt) = E[(φ_rot − φ_EM)/dt] = a + b·dt is extrapolated to a = (4g(dt/4) − g(dt))/3.
    R, dt = 40_000, 0.01
    g1, g2 = one_step_difference(dt, C_rotation, R, 7), one_step_difference(dt / 4, C_rotation, R, 8)
    a = (4 * g2.mean(0) - g1.mean(0)) / 3
    se = np.sqrt(16 * g2.var(0, ddof=1) + g1.var(0, ddof=1)) / (3 * math.sqrt(R))
    z = np.abs(a / se)
    if consistent:
        assert z.max() < SE_ALLOWED
    else:  # a 30% error in the rotation angle² is detected: the test can fail
        assert z.max() > 10 * SE_ALLOWED


# ---------------------------------------------------------------- exact benchmarks

def test_maxwellian_initial_data_stay_maxwellian_in_law():
    # F₀ = N(0, I)^{⊗N} depends on Σ|v_i|² only, and every pair step maps ẑ by a kernel symmetric
    # in (ẑ, ẑ') with |z| fixed: the product law is invariant, for any dt, also with α^N(|z|).
    R, N = 3000, 6
    rng = np.random.default_rng(7)
    laws = {}
    for scheme in ("rotation", "euler"):
        v = rng.standard_normal((R, N, 3))
        v0 = v.copy()
        ParticleSystem(N, -3.0, 1.0, 0.5).advance(v, 0.5, 4, draw_seeds(rng, R), scheme)
        x = v.reshape(-1, 3)  # exactly i.i.d. N(0, I) if the law is invariant
        second = np.einsum("na,nb->nab", x, x).reshape(-1, 9) - np.eye(3).ravel()
        stats = [x, second, ((x**2).sum(1) ** 2 - 15)[:, None]]  # mean 0, covariance I, E|v|⁴ = 15
        pairs = [((v[:, 2 * k] * v[:, 2 * k + 1]).sum(1) ** 2 - 3)[:, None] for k in range(3)]  # E(V_1·V_2)² = 3
        laws[scheme] = max(np.abs(z_scores(s, 0.0)).max() for s in stats + pairs)
        if scheme == "rotation":
            assert np.abs(v - v0).mean() > 0.5  # far from the initial state
    assert laws["rotation"] < SE_ALLOWED
    assert laws["euler"] > 10 * SE_ALLOWED  # Euler–Maruyama at this dt heats the gas: the test can fail


def legendre_samples(ell, r_z, gamma, eta, C, dt, steps, R, seed):
    rng = np.random.default_rng(seed)
    u = rng.standard_normal((R, 3))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    centre = np.array([0.3, -0.2, 0.1])
    v = np.ascontiguousarray(np.stack([centre + r_z / 2 * u, centre - r_z / 2 * u], axis=1))
    ParticleSystem(2, gamma, C, eta).advance(v, dt, steps, draw_seeds(rng, R), "rotation")
    z = v[:, 0] - v[:, 1]
    assert np.allclose(np.linalg.norm(z, axis=1), r_z, rtol=1e-12)  # |z| frozen
    return special.eval_legendre(ell, (z * u).sum(1) / r_z)


def rayleigh_legendre_mean(ell, s):
    """ρ_ℓ = E P_ℓ(cos(sρ)), ρ Rayleigh (density ρe^{−ρ²/2}): one geodesic step of angle s|Πξ|."""
    return integrate.quad(lambda r: special.eval_legendre(ell, math.cos(s * r)) * r * math.exp(-r * r / 2),
                          0, 40, limit=400)[0]


# (|z|, γ, η, C): inside the cut-off plateau (α^N = (0.99η)^γ ≠ |z|^γ) and outside it (α^N = |z|^γ)
PAIRS = [(0.2, -3.0, 0.5, 0.01), (1.3, -3.0, 0.5, 0.1)]


@pytest.mark.parametrize("r_z, gamma, eta, C", PAIRS)
def test_pair_direction_legendre_means_exact_for_the_discrete_walk_at_large_dt(r_z, gamma, eta, C):
    # N = 2: E P_ℓ(ẑ_n·ẑ_0) = ρ_ℓ(√(2κdt))^n exactly, κ = 4Cα^N(|z|)/(N−1), any dt (here κdt = 1/2)
    kappa = 4 * C * alpha_by_hand(r_z, gamma, eta) / (2 - 1)
    steps, dt = 2, 0.5 / kappa
    for ell in (1, 2, 3):
        samples = legendre_samples(ell, r_z, gamma, eta, C, dt, steps, 20_000, ell)
        exact = rayleigh_legendre_mean(ell, math.sqrt(2 * kappa * dt)) ** steps
        assert abs(z_scores(samples, exact)) < SE_ALLOWED
        if ell == 1:  # at this dt the walk is not the diffusion: the comparison can fail
            assert abs(z_scores(samples, math.exp(-2 * kappa * steps * dt))) > 10


@pytest.mark.parametrize("r_z, gamma, eta, C", PAIRS)
def test_pair_direction_is_brownian_on_the_sphere_with_rate_4C_alpha_over_N_minus_1(r_z, gamma, eta, C):
    # E P_ℓ(ẑ(t)·ẑ(0)) = exp(−ℓ(ℓ+1)κt): Δ_{S²}P_ℓ = −ℓ(ℓ+1)P_ℓ, seed 003 Remark 1.7
    kappa = 4 * C * alpha_by_hand(r_z, gamma, eta)
    t, steps, R = 1.0, 200, 20_000
    for ell in (1, 2):
        samples = legendre_samples(ell, r_z, gamma, eta, C, t / steps, steps, R, 10 + ell)
        exact = math.exp(-ell * (ell + 1) * kappa * t)
        discretisation = abs(rayleigh_legendre_mean(ell, math.sqrt(2 * kappa * t / steps)) ** steps - exact)
        se = samples.std() / math.sqrt(R)
        assert discretisation < 0.25 * se
        assert abs(samples.mean() - exact) < SE_ALLOWED * se
        naive = math.exp(-ell * (ell + 1) * 4 * C * r_z**gamma * t)  # without the cut-off: rejected inside it
        if r_z < eta:
            assert abs(samples.mean() - naive) > 10 * SE_ALLOWED * se


MAXWELL_CONFIG = np.array([[1.5, 0.2, 0.0], [-1.2, 0.3, -0.2], [-0.4, -0.1, 0.5], [0.6, -0.7, 0.1]])


@pytest.mark.parametrize("scheme", ["rotation", "euler"])
def test_maxwell_molecules_second_moments_follow_the_finite_N_law(scheme):
    # γ = 0: E[K(t)|K(0)] = K∞ + (K(0) − K∞)e^{−λ_N t}, λ_N = 12CN/(N−1), M conserved (landau_num.sde doc).
    N, C, T, dt, R = 4, 1 / 16, 1.0, 0.01, 4000
    M = MAXWELL_CONFIG.mean(0)
    K0 = (MAXWELL_CONFIG - M).T @ (MAXWELL_CONFIG - M) / N
    K_inf = np.trace(K0) / 3 * np.eye(3)
    law = lambda rate: np.outer(M, M) + K_inf + (K0 - K_inf) * math.exp(-rate * T)
    v = replicate(MAXWELL_CONFIG, R)
    ParticleSystem(N, 0.0, C).advance(v, dt, round(T / dt), draw_seeds(np.random.default_rng(2), R), scheme)
    S = np.einsum("rna,rnb->rab", v, v) / N
    assert np.abs(z_scores(S, law(12 * C * N / (N - 1)))).max() < SE_ALLOWED
    assert np.abs(z_scores(S, law(12 * C))).max() > 10  # the Landau rate 4dC is not the N = 4 rate
    assert np.allclose(maxwell_second_moment_law(MAXWELL_CONFIG[None], T, C), law(12 * C * N / (N - 1)))


def test_finite_N_law_tends_to_the_landau_law_for_iid_initial_data():
    # E over i.i.d. N(0, Σ₀) data of the finite-N law: Σ₀/N + (1 − 1/N)(Σ∞ + (Σ₀ − Σ∞)e^{−λ_N t}) → Landau
    case = get_case("aniso3d")
    t, sigma0 = 1.5, case.exact_second_moments(0.0)  # Σ∞ = I
    for N in (4, 64):
        v0 = case.sample_initial(np.random.default_rng(N), (20_000, N))
        decay = math.exp(-12 * case.C * N / (N - 1) * t)
        expected = sigma0 / N + (1 - 1 / N) * (np.eye(3) + (sigma0 - np.eye(3)) * decay)
        assert np.abs(maxwell_second_moment_law(v0, t, case.C) - expected).max() < 0.02
    assert np.abs(expected - case.exact_second_moments(t)).max() < 0.02  # N = 64 is close to Landau


@pytest.mark.parametrize("name", ["aniso3d", "bimaxwellian3d", "bkw3d"])
def test_initial_samplers_reproduce_the_case_densities(name):
    # sample means of φ(v) against midpoint quadrature of ∫φ f₀ with the case's own density
    case = get_case(name)
    n, L = 40, 7.0
    h = 2 * L / n
    axis = -L + h * (np.arange(n) + 0.5)
    grid = np.stack(np.meshgrid(axis, axis, axis, indexing="ij"), -1).reshape(-1, 3)
    f0 = case.initial_density(grid) * h**3
    x = case.sample_initial(np.random.default_rng(3), (200, 100)).reshape(-1, 3)
    tests = [lambda y: y[:, 0] ** 2, lambda y: y[:, 1] ** 2, lambda y: (y**2).sum(1) ** 2,
             lambda y: np.exp(-(y**2).sum(1))]
    assert f0.sum() == pytest.approx(1.0, abs=1e-6)
    for phi in tests:
        assert abs(z_scores(phi(x), (phi(grid) * f0).sum())) < SE_ALLOWED


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("kwargs, name", [
    (dict(N=1, gamma=-3.0), "N"), (dict(N=2.5, gamma=-3.0), "N"), (dict(N=4, gamma=0.5), "gamma"),
    (dict(N=4, gamma=-3.5), "gamma"), (dict(N=4, gamma=-3.0, eta=0.0), "eta"),
    (dict(N=4, gamma=-3.0, eta=-1.0), "eta"),
    (dict(N=4, gamma=-3.0, C=0.0), "C"), (dict(N=4, gamma=float("nan")), "gamma"),
])
def test_bad_system_parameters_raise_value_error_naming_them(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ParticleSystem(**kwargs)


@settings(max_examples=20, deadline=None)
@given(dt=st.one_of(st.floats(max_value=0.0), st.just(float("inf")), st.just(float("nan"))))
def test_non_positive_time_steps_are_rejected_before_computing(dt):
    v = np.zeros((1, 3, 3))
    with pytest.raises(ValueError, match="dt"):
        ParticleSystem(3, -3.0).advance(v, dt, 1, np.zeros(1, dtype=np.int64))
    assert not v.any()


@pytest.mark.parametrize("kwargs, name", [
    (dict(N=1), "N"), (dict(replicas=0), "replicas"), (dict(dt=0.0), "dt"), (dict(dt=-0.1), "dt"), (dict(T=0.0), "T"),
    (dict(eta=0.0), "eta"), (dict(scheme="heun"), "scheme"), (dict(seed=-1), "seed"),
])
def test_bad_run_parameters_raise_value_error_naming_them(kwargs, name):
    params = dict(N=4, replicas=2, T=0.1, dt=0.01) | kwargs
    with pytest.raises(ValueError, match=name):
        make_solver("sde", "aniso3d", **params)


def test_two_dimensional_and_unnormalised_cases_are_rejected():
    for name in ("bkw2d", "coulomb2d", "rosenbluth3d"):
        with pytest.raises(ValueError, match="case") as info:
            make_solver("sde", name, N=4, replicas=2, T=0.1, dt=0.01)
        assert "aniso3d, bimaxwellian3d" in str(info.value) and "\n" not in str(info.value)
