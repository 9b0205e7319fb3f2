"""The exact Maxwell-molecule solver in Hermite coefficients (issue #5, deliverable 2): the
mathematics (landau_num.maxwell.hermite), the solver on the platform (landau_num.maxwell.solver,
through landau_num.solve, the run driver and ``landau run maxwell``) and the claims layer's
004 Theorem 1 (proofs_check.theorem1).

Expected values come from sources independent of landau_num.maxwell: the generated
kernels (``bkw_density``, ``hermite_orthonormal_1d``) integrated by Gauss–Hermite quadrature,
closed forms of DESIGN.md §5 and 004_b333c7817a08033b.txt Proposition 2 written out here,
``landau_second_moments``, the known spectrum of the linearised operator at the Maxwellian, and
facts (Maxwellians are stationary, the system is triangular in the degree).
"""
import json
import math
import subprocess
import sys
from itertools import product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.polynomial.hermite_e import hermegauss

import landau_num
from landau_num.cases import get_case
from landau_num.core.driver import run
from landau_num.kernels import get_kernel
from landau_num.maxwell import hermite as mh
from landau_num.maxwell.solver import MAX_DEGREE
from landau_num.moment_laws import landau_second_moments
from proofs_check import theorem1 as th
from proofs_check.cli import main
from proofs_check.quick_checks_maxwell import (
    NARROW_QUARTIC,
    maxwell_quick,
    theorem1_data,
)

HERMITE_KERNEL = get_kernel("hermite_orthonormal_1d")  # h_0..h_10


def _kernel_hermite(x):
    return np.array([HERMITE_KERNEL(float(xi)) for xi in np.atleast_1d(x)]).T  # (11, n)


def _quadrature_coefficients(d, degree, weight_at, scales, nodes=24):
    """c_α = E[w(V) H_α(V)] for V ~ N(0, diag(scales)) on a tensor Gauss–Hermite grid, with H_α from
    the generated kernel; exact when w is a polynomial of small degree."""
    x, w = hermegauss(nodes)
    w = w / w.sum()
    grids = [np.sqrt(s) * x for s in scales]
    points = np.array(list(product(*grids)))
    weights = np.prod(np.array(list(product(*[w] * d))), axis=1) * weight_at(points)
    h = [_kernel_hermite(points[:, i]) for i in range(d)]
    basis = mh.hermite_basis(d, degree)
    return np.array([np.sum(weights * np.prod([h[i][a[i]] for i in range(d)], axis=0)) for a in basis.indices])


def _gaussian_density(points, scales):
    s = np.asarray(scales, dtype=float)
    return np.exp(-0.5 * (points**2 / s).sum(axis=1)) / np.sqrt(np.prod(2 * np.pi * s))


# --- the Hermite algebra and the basis -----------------------------------------------------------

def test_hermite_functions_match_the_generated_kernel():
    x = np.linspace(-4, 4, 17)
    assert np.abs(mh.hermite_functions_1d(x, 10) - _kernel_hermite(x)).max() < 1e-12


@pytest.mark.parametrize("d,degree", [(2, 7), (3, 6)])
def test_basis_has_every_multi_index_once_ordered_by_degree(d, degree):
    basis = mh.hermite_basis(d, degree)
    assert len(basis) == math.comb(degree + d, d)
    assert len({tuple(a) for a in basis.indices}) == len(basis)
    degrees = basis.indices.sum(axis=1)
    assert np.all(np.diff(degrees) >= 0) and degrees.max() == degree
    for n in range(degree + 1):
        assert np.all(degrees[:basis.size_up_to(n)] <= n) and np.all(degrees[basis.size_up_to(n):] > n)


@pytest.mark.parametrize("d", [2, 3])
def test_spectrum_at_the_maxwellian(d):
    """At P = I (ρ = 1, J = 0) L* is self-adjoint in L²(m) with eigenvalues −C[(d−1)n + ℓ(ℓ+d−2)]
    (Ornstein–Uhlenbeck part times the spherical Laplacian), ℓ = n, n−2, …, multiplicity of the
    spherical harmonics of degree ℓ."""
    C, N = 0.3, 6
    basis = mh.hermite_basis(d, N)
    M = mh.evolution_matrix(basis, C, 1.0, np.zeros(d), np.eye(d)).toarray()
    assert np.abs(M - M.T).max() < 1e-12
    harmonics = (lambda l: 1 if l == 0 else 2) if d == 2 else (lambda l: 2 * l + 1)
    expected = sorted(-C * ((d - 1) * n + l * (l + d - 2))
                      for n in range(N + 1) for l in range(n % 2, n + 1, 2) for _ in range(harmonics(l)))
    assert np.allclose(np.sort(np.linalg.eigvalsh(M)), expected, atol=1e-11)


# --- exact initial coefficients --------------------------------------------------------------

@settings(max_examples=15, deadline=None)
@given(st.sampled_from([2, 3]), st.floats(0.3, 1.9), st.floats(0.3, 1.9), st.floats(-1, 1), st.floats(-1, 1))
def test_gaussian_coefficients_match_quadrature(d, s1, s2, u1, u2):
    scales, mean = [s1, s2, 1.3][:d], np.array([u1, u2, 0.4][:d])
    basis = mh.hermite_basis(d, 6)
    x, w = hermegauss(20)
    w = w / w.sum()
    expected = np.ones(len(basis))
    for i in range(d):  # E[h_n(μ + √s ξ)] per axis, then the product
        one_d = _kernel_hermite(mean[i] + np.sqrt(scales[i]) * x) @ w
        expected *= one_d[basis.indices[:, i]]
    assert np.abs(mh.gaussian_coefficients(basis, scales, mean) - expected).max() < 1e-12


@pytest.mark.parametrize("d,K", [(2, 0.55), (2, 0.8), (3, 0.65), (3, 0.9)])
def test_bkw_coefficients_match_the_generated_density(d, K):
    density = get_kernel("bkw_density", d)
    basis = mh.hermite_basis(d, 8)
    ratio = lambda p: np.array([density(*q, K) for q in p]) / _gaussian_density(p, [K] * d)  # P + Q|v|²
    expected = _quadrature_coefficients(d, 8, ratio, [K] * d, nodes=8)
    assert np.abs(mh.bkw_coefficients(basis, K) - expected).max() < 1e-12


def test_case_initial_hermite_coefficients_are_the_case_data():
    # bkw3d starts at t0 = 5.5 with K = 1 − e^{−t/6} (DESIGN.md §5); aniso3d is N(0, diag(1.8, 0.2, 1))
    bkw3d, aniso = get_case("bkw3d"), get_case("aniso3d")
    K = 1 - math.exp(-5.5 / 6)
    ratio = lambda p: bkw3d.initial_density(p) / _gaussian_density(p, [K] * 3)
    expected = _quadrature_coefficients(3, 6, ratio, [K] * 3, nodes=6)
    assert np.abs(bkw3d.initial_hermite(mh.hermite_basis(3, 6)) - expected).max() < 1e-12
    scales = (1.8, 0.2, 1.0)
    ratio = lambda p: aniso.initial_density(p) / _gaussian_density(p, scales)
    expected = _quadrature_coefficients(3, 6, ratio, scales, nodes=6)
    assert np.abs(aniso.initial_hermite(mh.hermite_basis(3, 6)) - expected).max() < 1e-12


# --- the solver against exact solutions --------------------------------------------------------

@pytest.mark.parametrize("d,C,K0", [(2, 1 / 16, 0.5), (3, 1 / 24, 1 - math.exp(-5.5 / 6))])
@pytest.mark.parametrize("degree", [2, 4, 6, 8])
@pytest.mark.parametrize("method", ["exact", "dop853"])
def test_solver_reproduces_bkw(d, C, K0, degree, method):
    basis = mh.hermite_basis(d, degree)
    t = np.array([0.0, 0.5, 2.0, 5.0, 12.0])
    coefficients, _ = mh.solve(mh.maxwell_problem(mh.bkw_coefficients(basis, K0), basis, C), t, method)
    K = 1 - (1 - K0) * np.exp(-2 * C * (d - 1) * t)  # DESIGN.md §5
    exact = np.array([mh.bkw_coefficients(basis, k) for k in K])
    assert np.abs(coefficients - exact).max() < (1e-14 if method == "exact" else 1e-12)


@pytest.mark.parametrize("method", ["exact", "dop853"])
def test_aniso3d_follows_the_second_moment_law(method):
    case = get_case("aniso3d")
    basis = mh.hermite_basis(3, 8)
    t = np.linspace(0, 30, 7)
    coefficients, _ = mh.solve(mh.maxwell_problem(case.initial_hermite(basis), basis, case.C), t, method)
    sigma0 = np.diag([1.8, 0.2, 1.0])
    for c, s in zip(coefficients, t):
        assert np.abs(mh.moments(c, basis)[2] - landau_second_moments(sigma0, 1 / 24, s)).max() < 1e-13


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([2, 3]), st.floats(0.2, 2.0), st.floats(0.5, 1.5), st.integers(0, 2**32 - 1))
def test_maxwellians_are_stationary(d, mass, temperature, seed):
    mean = np.random.default_rng(seed).uniform(-1, 1, size=d)
    basis = mh.hermite_basis(d, 6)
    c0 = mh.gaussian_coefficients(basis, [temperature] * d, mean, mass=mass)
    coefficients, _ = mh.solve(mh.maxwell_problem(c0, basis, 0.7), [0.0, 0.4, 3.0])
    assert np.abs(coefficients - c0).max() < 1e-13 * max(1.0, np.abs(c0).max())


def _random_coefficients(rng, basis):
    c = rng.uniform(-0.3, 0.3, size=len(basis)) * np.exp(-basis.indices.sum(axis=1))
    c[0] = rng.uniform(0.5, 2.0)
    return c


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([2, 3]), st.integers(2, 5), st.floats(0.05, 1.0), st.integers(0, 2**32 - 1))
def test_invariants_and_the_second_moment_law_for_any_data(d, degree, C, seed):
    """Mass, momentum and energy are constant, and the centred second moments P − J⊗J/ρ relax as
    P_c(t) = P_c∞ + (P_c(0) − P_c∞)e^{−4dρCt} (004 Proposition 2 with mass ρ, Galilean shift)."""
    rng = np.random.default_rng(seed)
    basis = mh.hermite_basis(d, degree)
    c0 = _random_coefficients(rng, basis)
    t = np.array([0.0, 0.3, 1.0, 4.0])
    exact, _ = mh.solve(mh.maxwell_problem(c0, basis, C), t)
    dop, _ = mh.solve(mh.maxwell_problem(c0, basis, C), t, "dop853")
    assert np.abs(exact - dop).max() < 1e-11
    rho, J, P0 = mh.moments(c0, basis)
    Pc0 = P0 - np.outer(J, J) / rho
    Pc_inf = np.trace(Pc0) / d * np.eye(d)
    for c, s in zip(exact, t):
        mass, momentum, P = mh.moments(c, basis)
        assert abs(mass - rho) < 1e-14 and np.abs(momentum - J).max() < 1e-13
        assert abs(np.trace(P) - np.trace(P0)) < 1e-13
        expected = np.outer(J, J) / rho + Pc_inf + (Pc0 - Pc_inf) * math.exp(-4 * d * rho * C * s)
        assert np.abs(P - expected).max() < 1e-13


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([2, 3]), st.floats(-3, 3), st.floats(-3, 3), st.integers(0, 2**32 - 1))
def test_solution_is_linear_in_the_data_above_degree_two(d, a, b, seed):
    """With mass, momentum and second moments fixed, the equation is linear (004 (2.3))."""
    rng = np.random.default_rng(seed)
    basis = mh.hermite_basis(d, 5)
    base = _random_coefficients(rng, basis)
    high = basis.size_up_to(2)
    x, y = np.zeros(len(basis)), np.zeros(len(basis))
    x[high:], y[high:] = rng.normal(size=(2, len(basis) - high)) * 0.1
    t = [0.0, 0.7, 2.0]
    sol = lambda c: mh.solve(mh.maxwell_problem(c, basis, 0.25), t)[0]
    combined = sol(base + a * x + b * y)
    expected = sol(base) + a * (sol(base + x) - sol(base)) + b * (sol(base + y) - sol(base))
    assert np.abs(combined - expected).max() < 1e-12


def test_low_degree_coefficients_do_not_depend_on_the_truncation():
    """M is lower block-triangular by degree: degree ≤ 6 evolves the same inside degree 6 and 12."""
    t = [0.0, 0.5, 3.0]
    small, large = mh.hermite_basis(3, 6), mh.hermite_basis(3, 12)
    scales = (1.6, 0.5, 0.9)
    c_small, _ = mh.solve(mh.maxwell_problem(mh.gaussian_coefficients(small, scales), small, 0.2), t)
    c_large, _ = mh.solve(mh.maxwell_problem(mh.gaussian_coefficients(large, scales), large, 0.2), t)
    assert np.abs(c_large[:, :len(small)] - c_small).max() < 1e-14


# --- E(t) and Theorem 1 of 004 ------------------------------------------------------------

def test_relative_l2_rate_is_the_derivative_of_E():
    basis = mh.hermite_basis(3, 8)
    problem = mh.maxwell_problem(mh.gaussian_coefficients(basis, (1.7, 0.4, 0.9)), basis, 0.3)
    t, h = 0.4, 1e-4
    c, _ = mh.solve(problem, [t - h, t, t + h])
    E = mh.relative_l2_distance(c)
    assert problem.relative_l2_rate(c[1], t) == pytest.approx((E[2] - E[0]) / (2 * h), rel=1e-7)


@pytest.mark.parametrize("rho", [0.5, 1.0, 2.5])
def test_relative_l2_of_a_multiple_of_m(rho):
    # ∫ (ρm/m − 1)² m = (ρ − 1)²
    basis = mh.hermite_basis(3, 4)
    assert mh.relative_l2_distance(mh.gaussian_coefficients(basis, (1, 1, 1), mass=rho)) == pytest.approx((rho - 1) ** 2)


def test_relative_l2_closed_forms_are_the_limits_of_the_truncated_sums():
    # ∫ f²/m for N(0, s): Gaussian integral (s(2 − s))^{-1/2}; BKW: DESIGN.md §5 profile
    scales = (1.5, 0.7)
    closed = 1 / math.sqrt(1.5 * 0.5 * 0.7 * 1.3) - 1
    sums = [mh.relative_l2_distance(mh.gaussian_coefficients(mh.hermite_basis(2, N), scales)) for N in (10, 20, 40)]
    assert sums[0] < sums[1] < sums[2] < closed and closed - sums[2] < 1e-7
    assert mh.gaussian_relative_l2(scales) == pytest.approx(closed, rel=1e-14)
    for d in (2, 3):
        truncated = mh.relative_l2_distance(mh.bkw_coefficients(mh.hermite_basis(d, 30), 0.85))
        assert mh.bkw_relative_l2(0.85, d) == pytest.approx(truncated, rel=1e-12)


def test_relative_l2_of_polynomial_data_is_exact():
    """f₀ = Π m₁(v_i)q_i(v_i)/E[q_i] with f₀/m of degree 18: E(0) = Π E[q_i²]/E[q_i]² − 1 (quadrature of
    the weights themselves) equals the finite coefficient sum."""
    x, w = hermegauss(30)
    w = w / w.sum()
    mean = lambda q: np.sum(w * np.polynomial.polynomial.polyval(x, q))
    narrow = np.polynomial.polynomial.polymul(NARROW_QUARTIC, NARROW_QUARTIC)
    lam = mean(np.polynomial.polynomial.polymul(narrow, [0, 0, 1])) / mean(narrow)
    wide = [1 - (2 - 2 * lam) / 2, 0, (2 - 2 * lam) / 2]  # variance 1 + 2w = 3 − 2λ
    square = lambda q: mean(np.polynomial.polynomial.polymul(q, q)) / mean(q) ** 2
    _, c0 = theorem1_data(18)
    assert mh.relative_l2_distance(c0) == pytest.approx(square(wide) * square(narrow) ** 2 - 1, rel=1e-12)


def test_theorem1_transient_time_and_proof_bound():
    # 004 Theorem 1: t₀ = log(2 sup(λ − 1)/(d − 1))/(4d) at C = 1; our time is the seed's time / C
    assert th.theorem1_transient_time(np.diag([1.6, 0.4]), 0.5) == pytest.approx(math.log(1.2) / 8 / 0.5)
    assert th.theorem1_transient_time(np.diag([1.8, 0.2, 1.0]), 1.0) == 0.0
    t = np.array([0.0, 0.1, 1.0])
    assert np.allclose(th.theorem1_proof_bound(np.diag([2.5, 0.25, 0.25]), 1.0, t),
                       np.exp(-4 * t + 1.5 * (1 - np.exp(-12 * t)) / 3))


@pytest.mark.parametrize("d", [2, 3])
def test_theorem1_along_data_with_a_positive_transient_time(d):
    """E(t) ≤ c₀e^{−2(d−1)Ct}E(0) holds with the measured c₀ = 1 and E decreases at every sample,
    before t₀ as well (the seed's proof needs t₀ because of its bounds, not because E grows)."""
    basis, c0 = theorem1_data(10 if d == 2 else 18, d)
    C = 1 / 24
    problem = mh.maxwell_problem(c0, basis, C)
    t0 = th.theorem1_transient_time(problem.second_moments0, C)
    assert t0 > 0 and np.linalg.eigvalsh(problem.second_moments0).max() > (d + 1) / 2
    t = np.concatenate([np.linspace(0, t0, 11), np.linspace(t0, 8, 41)[1:]])
    c, _ = mh.solve(problem, t)
    E = mh.relative_l2_distance(c)
    rates = np.array([problem.relative_l2_rate(ci, s) for ci, s in zip(c, t)])
    assert np.all(rates < 0) and np.all(np.diff(E) < 0)
    assert np.all(E * np.exp(2 * (d - 1) * C * t) <= E[0] * (1 + 1e-12))
    assert np.all(E <= E[0] * th.theorem1_proof_bound(problem.second_moments0, C, t) * (1 + 1e-12))


def test_supremum_of_dEdt_over_all_data():
    """At P = I the supremum is 0 (attained by m) and the top eigenvalue on degree ≥ 3 is −4(d−1)C
    (spectrum above, n = 3, ℓ = 1); for anisotropic P it is negative."""
    for d in (2, 3):
        at_maxwellian = mh.relative_l2_rate_supremum(mh.hermite_basis(d, 8), 0.5, np.eye(d))
        assert abs(at_maxwellian["rate"]) < 1e-14 and abs(at_maxwellian["E"]) < 1e-14
        assert at_maxwellian["top_eigenvalue"] == pytest.approx(-4 * (d - 1) * 0.5)
    extreme = mh.relative_l2_rate_supremum(mh.hermite_basis(3, 8), 1.0, np.diag([3.0, 0.0, 0.0]))
    assert extreme["rate"] < 0 and extreme["top_eigenvalue"] < 0


# --- reconstruction, bad input, the command, the quick check, import isolation --------------------

def test_reconstruction_of_bkw_matches_the_generated_density():
    d, K = 3, 0.9
    basis = mh.hermite_basis(d, 24)
    points = np.random.default_rng(3).uniform(-2.5, 2.5, size=(40, d))
    density = get_kernel("bkw_density", d)
    exact = np.array([density(*p, K) for p in points])
    assert np.abs(mh.reconstruct(mh.bkw_coefficients(basis, K), basis, points) - exact).max() < 1e-11


@pytest.mark.parametrize("make, message", [
    (lambda b: mh.maxwell_problem(np.ones(3), b, 1.0), "shape"),
    (lambda b: mh.maxwell_problem(np.full(len(b), np.nan), b, 1.0), "finite"),
    (lambda b: mh.maxwell_problem(-mh.gaussian_coefficients(b, (1, 1)), b, 1.0), "mass"),
    (lambda b: mh.maxwell_problem(mh.gaussian_coefficients(b, (1, 1)), b, 0.0), "C"),
    (lambda b: mh.solve(mh.maxwell_problem(mh.gaussian_coefficients(b, (1, 1)), b, 1.0), [1.0, 0.5]), "times"),
    (lambda b: mh.solve(mh.maxwell_problem(mh.gaussian_coefficients(b, (1, 1)), b, 1.0), [0.5], "rk4"), "method"),
    (lambda b: mh.hermite_basis(2, 1), "degree"),
    (lambda b: mh.hermite_basis(4, 3), "dimension"),
])
def test_bad_input_is_refused(make, message):
    with pytest.raises(ValueError, match=message):
        make(mh.hermite_basis(2, 4))



# --- the solver on the platform (landau_num.solve, the run driver) ----------------------------------

def _strict_json(path):
    def refuse(constant):
        raise ValueError(f"non-strict JSON constant {constant}")
    return json.loads(path.read_text(), parse_constant=refuse)


@pytest.mark.parametrize("case_name", ["bkw2d", "bkw3d"])
@pytest.mark.parametrize("method", ["exact", "dop853"])
def test_solve_reproduces_bkw_coefficients(case_name, method):
    case = get_case(case_name)
    result = landau_num.solve("maxwell", case_name, degree=8, T=5.0, dt=0.5, method=method)
    record = result.record
    basis = result.solver.basis
    assert record.completed and record.series["times"] == pytest.approx(case.t0 + np.linspace(0, 5, 11))
    K_of = lambda t: 1 - case.parameters["c0"] * math.exp(-2 * case.C * (case.d - 1) * t)  # DESIGN.md §5
    K = K_of(result.t)
    assert np.abs(result.solver.coefficients(result.state) - mh.bkw_coefficients(basis, K)).max() < 1e-12
    assert max(record.series["error_vs_exact"]["linf"]) < 1e-12  # relative to max|c| = c_0 = 1
    assert np.allclose(record.series["energy"], case.d, atol=1e-12)
    assert record.summary["second_moment_law_error_max"] < 1e-12
    assert record.summary["relative_l2_exact"][-1] == pytest.approx(mh.bkw_relative_l2(K, case.d), rel=1e-12)
    assert 2 <= len(record.summary["highlights"]) <= 4


def test_solve_writes_the_run_record(tmp_path):
    import xarray as xr

    out = tmp_path / "run"
    result = landau_num.solve("maxwell", "bkw3d", degree=6, T=2.0, dt=0.5, out=out)
    document = _strict_json(out / "result.json")
    assert document["solver"] == "maxwell" and document["case"] == "bkw3d"
    assert document["params"]["parameters"] == {"degree": 6, "T": 2.0, "dt": 0.5, "method": "exact", "record_every": 1}
    for key in ("times", "mass", "momentum", "energy", "second_moments", "second_moments_exact", "relative_l2",
                "relative_l2_rate", "error_vs_exact"):
        assert key in document["series"], key
    assert document["series"]["times"] == pytest.approx([5.5, 6.0, 6.5, 7.0, 7.5])
    assert "not computed" in document["params"]["entropy"]
    assert document["summary"]["stop_reason"] == "completed"
    assert document["summary"]["solver_statistics"]["basis_size"] == math.comb(6 + 3, 3)
    with xr.open_dataset(out / "record.nc", engine="h5netcdf") as data:
        assert data["multi_indices"].dims == ("coefficient", "axis")
        assert np.array_equal(data["coefficients"].values, result.solver.coefficients(result.state))
        assert data["slice_density"].shape == (201,) and "slice_density_exact" in data
        axis = np.linspace(-4.5, 4.5, 201)  # [−L, L] of bkw3d on the v₁ axis
        points = np.column_stack([axis, np.zeros(201), np.zeros(201)])
        K = 1 - math.exp(-7.5 / 6)
        truncated = mh.reconstruct(mh.bkw_coefficients(mh.hermite_basis(3, 6), K), mh.hermite_basis(3, 6), points)
        assert np.abs(data["slice_density"].values - truncated).max() < 1e-14
        assert np.abs(data["slice_density_exact"].values - get_case("bkw3d").exact_density(points, 7.5)).max() < 1e-15
    for name in ("relative_l2.png", "second_moments.png", "density_slice.png"):
        assert (out / name).stat().st_size > 0


@pytest.mark.parametrize("method", ["exact", "dop853"])
def test_interrupted_run_resumes_bit_for_bit(tmp_path, method):
    """KeyboardInterrupt on the third call of advance (after two record intervals): the record is
    strict JSON and says so; --resume then gives the uninterrupted run bit for bit."""
    params = dict(degree=8, T=2.0, dt=0.25, record_every=2, method=method)
    full = landau_num.solve("maxwell", "aniso3d", out=tmp_path / "full", figures=False, **params)
    solver = landau_num.make_solver("maxwell", "aniso3d", **params)
    advance, calls = solver.advance, []

    def interrupted(y, dt, k):
        calls.append(k)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return advance(y, dt, k)

    solver.advance = interrupted
    stopped = run(solver, tmp_path / "run", figures=False)
    assert not stopped.completed and "interrupted" in stopped.stop_reason
    document = _strict_json(tmp_path / "run" / "result.json")
    assert document["summary"]["stop_reason"] == stopped.stop_reason and not document["summary"]["completed"]
    assert len(document["series"]["times"]) == 3  # t0 and two record intervals
    resumed = landau_num.solve("maxwell", "aniso3d", out=tmp_path / "run", resume=True, figures=False, **params)
    assert resumed.record.completed and resumed.t == full.t
    assert np.array_equal(resumed.state, full.state)
    assert resumed.record.series == full.record.series


@pytest.mark.parametrize("case_name, degree", [("bkw3d", MAX_DEGREE[3] + 1), ("aniso3d", MAX_DEGREE[3] + 1),
                                               ("bkw2d", MAX_DEGREE[2] + 1)])
def test_degree_above_the_limit_is_refused(tmp_path, case_name, degree):
    limit = MAX_DEGREE[get_case(case_name).d]
    with pytest.raises(ValueError, match=rf"--degree.*{limit}"):
        landau_num.solve("maxwell", case_name, degree=degree, out=tmp_path / "run")
    assert not (tmp_path / "run" / "result.json").exists()
    landau_num.make_solver("maxwell", case_name, degree=limit, T=0.1)  # the limit itself is allowed


@pytest.mark.parametrize("case, message", [
    ("coulomb2d", "not supported"),
    (get_case("aniso3d").overridden(gamma=-1.0), "gamma = 0"),
])
def test_cases_that_are_not_maxwell_molecules_are_refused(case, message):
    with pytest.raises(ValueError, match=message):
        landau_num.make_solver("maxwell", case)


@pytest.mark.parametrize("values, message", [
    ({"degree": 1}, "--degree"), ({"T": -1.0}, "--T"), ({"T": 1.0, "dt": 2.0}, "--dt"),
    ({"method": "euler"}, "--method"), ({"record_every": 0}, "--record-every"),
    ({"T": 1.0, "dt": 1e-5}, "output times"),
])
def test_bad_parameters_are_refused(values, message):
    with pytest.raises(ValueError, match=message):
        landau_num.make_solver("maxwell", "bkw2d", **values)


def test_a_run_that_stops_being_conservative_is_a_blow_up():
    solver = landau_num.make_solver("maxwell", "bkw2d", degree=6, T=1.0, dt=0.25)
    advance = solver.advance
    solver.advance = lambda y, dt, k: advance(y, dt, k) * (1 + 1e-6)  # mass and energy drift
    record = run(solver)
    assert not record.completed and "blow-up" in record.stop_reason and "mass" in record.stop_reason


# --- the claims layer: 004 Theorem 1 on the records of landau run maxwell --------------------------

def test_theorem1_check_is_the_run_check_of_maxwell():
    from proofs_check.run_checks import checks_for

    record = landau_num.solve("maxwell", "bkw3d", degree=8, T=10.0, dt=0.5, checks=checks_for("maxwell")).record
    check = record.summary["checks"]["theorem1"]
    assert check["ok"] and check["monotone_after_t0"] and check["t0_elapsed"] == 0.0
    assert check["sup_E_exp_ratio"] <= 1 + 1e-12 and check["samples"] == 21


def test_theorem1_check_fails_when_E_increases_after_t0():
    record = landau_num.solve("maxwell", "aniso3d", degree=6, T=2.0, dt=0.5).record
    record.series["relative_l2"][-1] = 2 * record.series["relative_l2"][0]
    check = th.theorem1_check(record)["theorem1"]
    assert not check["ok"] and not check["monotone_after_t0"]


def test_relative_l2_envelope_uses_the_transient_time_of_theorem1():
    from landau_num.core.record import RunRecord
    from proofs_check.dissipation_checks import relative_l2_envelope

    P0 = np.diag([2.5, 0.25, 0.25])
    record = RunRecord(solver="spectral", case="made-up", params={"d": 3, "C": 0.5, "t0": 0.0},
                       series={"times": [0.0, 1.0], "relative_l2_distance": [1.0, 0.5],
                               "second_moments": [P0.tolist(), P0.tolist()]})
    _, evidence = relative_l2_envelope(record)
    assert evidence["t0_of_theorem_1"] == th.theorem1_transient_time(P0, 0.5) > 0


# --- the command (landau run maxwell) ----------------------------------------------------------------

def test_run_command_writes_the_run_record(tmp_path):
    out = tmp_path / "run"
    assert main(["run", "maxwell", "--case", "bkw3d", "--degree", "6", "--T", "2", "--dt", "0.5", "--out", str(out),
                 "--no-figures"]) == 0
    document = _strict_json(out / "result.json")
    assert document["series"]["times"] == pytest.approx([5.5, 6.0, 6.5, 7.0, 7.5])
    assert max(document["series"]["error_vs_exact"]["linf"]) < 1e-13
    assert np.allclose(document["series"]["energy"], 3.0, atol=1e-13)
    assert document["summary"]["checks"]["theorem1"]["ok"]
    assert not list(out.glob("*.png"))


@pytest.mark.parametrize("argv, message", [
    (["--case", "coulomb2d"], "coulomb2d"),
    (["--case", "bkw2d", "--degree", "1"], "--degree"),
    (["--case", "bkw3d", "--degree", "25"], "--degree"),
    (["--case", "bkw2d", "--T", "-1"], "--T"),
    (["--case", "bkw2d", "--T", "1", "--dt", "2"], "--dt"),
    (["--case", "bkw3d", "--times", "1.0"], "--times"),
    (["--case", "aniso3d", "--method", "euler"], "--method"),
])
def test_run_command_refuses_bad_input(tmp_path, capsys, argv, message):
    assert main(["run", "maxwell", *argv, "--out", str(tmp_path / "run")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "run").exists()


# --- the quick check, import isolation ---------------------------------------------------------------

def test_quick_check_verifies_and_writes_its_run(tmp_path):
    result = maxwell_quick(tmp_path)
    assert result.verdict == "verified", result.evidence
    assert result.evidence["theorem1_t0"] > 0 and result.evidence["theorem1_E_increases_before_t0"] is False
    assert result.evidence["aniso3d_theorem1_run_check"] is True
    run_dir = tmp_path / "maxwell-aniso3d"
    assert _strict_json(run_dir / "result.json")["summary"]["completed"]
    for name in ("relative_l2.png", "second_moments.png", "density_slice.png", "theorem1.png"):
        assert (run_dir / name).is_file(), name
    assert (tmp_path / "maxwell-theorem1" / "theorem1.png").is_file()


def test_maxwell_modules_do_not_import_sympy():
    code = ("import sys, landau_num.cases; lazy = 'landau_num.maxwell' not in sys.modules; "
            "import landau_num.maxwell.solver; print(lazy, 'sympy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True False"
