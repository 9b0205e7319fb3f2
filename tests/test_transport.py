"""The optimal-transport layer (landau_num.transport) against closed forms (004_b333c7817a08033b.txt (1.2))."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize_scalar

from landau_num.grid import CellGrid
from landau_num.transport import (DiscreteMeasure, bkw_radial_law, entropic_cost, gaussian_entropic_cost,
                                  gaussian_entropy, gaussian_w2_squared, grid_measure, isotropic_gaussian_law,
                                  particle_w2, radial_law_from_density, radial_w2_squared, w2_squared)
from landau_num.transport.gaussian import brenier_matrix

A = np.array([[1.3, 0.2], [0.2, 0.7]])
B = np.array([[0.6, -0.1], [-0.1, 1.1]])
positive = st.floats(0.2, 3.0)


def gaussian_on_grid(grid, cov):
    x = grid.points
    inv = np.linalg.inv(cov)
    return np.exp(-0.5 * np.einsum("ni,ij,nj->n", x, inv, x)) / ((2 * np.pi) ** (grid.d / 2) * math.sqrt(np.linalg.det(cov)))


@settings(max_examples=25, deadline=None)
@given(st.lists(positive, min_size=3, max_size=3), st.lists(positive, min_size=3, max_size=3),
       st.lists(st.floats(-2, 2), min_size=3, max_size=3))
def test_gaussian_w2_commuting_covariances(a, b, shift):
    # diagonal covariances commute: W₂² = |m|² + Σ(√a_i − √b_i)² (cost |x − y|², not ½ of it)
    expected = sum(s * s for s in shift) + sum((math.sqrt(x) - math.sqrt(y)) ** 2 for x, y in zip(a, b))
    assert gaussian_w2_squared(shift, np.diag(a), np.zeros(3), np.diag(b)) == pytest.approx(expected, rel=1e-10, abs=1e-12)


def test_brenier_matrix_pushes_forward():
    T = brenier_matrix(A, B)
    assert np.allclose(T, T.T) and np.linalg.eigvalsh(T)[0] > 0
    assert np.allclose(T @ A @ T, B, atol=1e-12)
    # W₂² = E|X − TX|² for X ~ N(0, A)
    assert np.trace((np.eye(2) - T) @ A @ (np.eye(2) - T)) == pytest.approx(gaussian_w2_squared([0, 0], A, [0, 0], B), rel=1e-12)


@settings(max_examples=20, deadline=None)
@given(positive, positive, st.floats(0.05, 5.0))
def test_gaussian_entropic_cost_one_dimensional_minimum(a, b, eps):
    # independent derivation: Gaussian couplings with correlation ρ, cost a + b − 2ρ√(ab),
    # H(Π|μ⊗ν) = −½ log(1 − ρ²); the optimum over ρ ∈ (−1, 1) by bounded scalar minimisation
    obj = lambda r: a + b - 2 * r * math.sqrt(a * b) - eps / 2 * math.log(1 - r * r)
    best = minimize_scalar(obj, bounds=(-1 + 1e-15, 1 - 1e-15), method="bounded", options={"xatol": 1e-13}).fun
    assert gaussian_entropic_cost([0.0], [[a]], [0.0], [[b]], eps) == pytest.approx(best, rel=1e-9, abs=1e-10)


def test_gaussian_entropic_references_and_limit():
    eps = 0.3
    product = gaussian_entropic_cost([0, 0], A, [1, 0], B, eps)
    lebesgue = gaussian_entropic_cost([0, 0], A, [1, 0], B, eps, reference="lebesgue")
    assert lebesgue - product == pytest.approx(eps * (gaussian_entropy(A) + gaussian_entropy(B)), rel=1e-13)
    # ε → 0: T_ε^⊗ → W₂² from above (KL ≥ 0), with T_ε^⊗ − W₂² = O(ε log(1/ε))
    w2 = gaussian_w2_squared([0, 0], A, [1, 0], B)
    gaps = [gaussian_entropic_cost([0, 0], A, [1, 0], B, e) - w2 for e in (1e-2, 1e-4, 1e-6)]
    assert all(g > 0 for g in gaps) and gaps[0] > gaps[1] > gaps[2] and gaps[2] < 1e-4


@settings(max_examples=15, deadline=None)
@given(st.sampled_from([1, 2, 3]), positive, positive)
def test_radial_quantiles_against_closed_form(d, a, b):
    # |X| = √a χ_d: W₂² = (√a − √b)² E χ²_d = d(√a − √b)²
    value = radial_w2_squared(isotropic_gaussian_law(d, a), isotropic_gaussian_law(d, b))
    assert value == pytest.approx(d * (math.sqrt(a) - math.sqrt(b)) ** 2, abs=1e-8)


def test_radial_law_from_density_and_bkw():
    a, b = 0.6, 1.7
    numeric = radial_law_from_density(3, lambda r: math.exp(-r * r / (2 * a)))
    assert radial_w2_squared(numeric, isotropic_gaussian_law(3, b)) == pytest.approx(3 * (math.sqrt(a) - math.sqrt(b)) ** 2, abs=1e-8)
    # BKW with K = 1 is the Maxwellian; the BKW CDF is a probability CDF
    assert radial_w2_squared(bkw_radial_law(3, 1.0), isotropic_gaussian_law(3, 1.0)) < 1e-16
    law = bkw_radial_law(3, 0.7)
    assert law.cdf(0.0) == 0.0 and law.cdf(50.0) == pytest.approx(1.0, abs=1e-14)
    # the BKW profile is not a Gaussian: its distance to every N(0, θI) is positive, and to the Maxwellian
    # it is below the distance between N(0, I) and N(0, 0.7 I) (same energy vs. different energy)
    value = radial_w2_squared(law, isotropic_gaussian_law(3, 1.0))
    assert 0 < value < 3 * (1 - math.sqrt(0.7)) ** 2
    with pytest.raises(ValueError, match="K must lie"):
        bkw_radial_law(3, 0.5)


def test_grid_emd_converges_to_gaussian_closed_form():
    exact = gaussian_w2_squared([0, 0], A, [0, 0], B)
    values = {}
    for n in (16, 32):
        g = CellGrid(2, n, 6.0)
        values[g.h] = w2_squared(grid_measure(gaussian_on_grid(g, A), g, 1e-14), grid_measure(gaussian_on_grid(g, B), g, 1e-14))
    (h1, v1), (h2, v2) = sorted(values.items())
    # atoms at cell centres bias W₂² upward by O(h²) (each measure is ~dh²/12 from its cells):
    # the error ratio between h and 2h is ≈ 4, and one Richardson step removes the bias
    assert v1 > exact and v2 > exact
    assert (v2 - exact) / (v1 - exact) == pytest.approx(4.0, rel=0.2)
    richardson = (h2**2 * v1 - h1**2 * v2) / (h2**2 - h1**2)
    assert richardson == pytest.approx(exact, abs=3e-3)


def test_grid_entropic_matches_gaussian_closed_form_both_references():
    g = CellGrid(2, 24, 6.0)
    mu, nu = grid_measure(gaussian_on_grid(g, A), g, 1e-14), grid_measure(gaussian_on_grid(g, B), g, 1e-14)
    eps = 0.5
    cost = entropic_cost(mu, nu, eps)
    # the entropic plan is smooth at scale √ε, so the midpoint rule is accurate far beyond O(h²) (1e-5)
    assert cost.product == pytest.approx(gaussian_entropic_cost([0, 0], A, [0, 0], B, eps), abs=1e-4)
    assert cost.lebesgue == pytest.approx(gaussian_entropic_cost([0, 0], A, [0, 0], B, eps, "lebesgue"), abs=1e-4)
    # the reference identity KL(Π|a⊗b) = H_Leb(Π) − H(a) − H(b) holds to round-off
    assert cost.identity_residual < 1e-12
    assert cost.lebesgue - cost.product == pytest.approx(eps * sum(cost.entropies), abs=1e-12)


def test_log_domain_sinkhorn_small_eps_brackets_emd():
    g = CellGrid(2, 16, 5.0)
    mu, nu = grid_measure(gaussian_on_grid(g, A), g, 1e-12), grid_measure(gaussian_on_grid(g, B), g, 1e-12)
    w2 = w2_squared(mu, nu)
    entropy_bound = min(-np.sum(mu.weights * np.log(mu.weights)), -np.sum(nu.weights * np.log(nu.weights)))
    for eps in (0.05, 0.01):
        cost = entropic_cost(mu, nu, eps)
        # W₂² ≤ T_ε^⊗ ≤ ⟨Π*, M⟩ + ε KL(Π*|a⊗b) ≤ W₂² + ε min(H_discrete(a), H_discrete(b))
        assert w2 - 1e-9 <= cost.product <= w2 + eps * entropy_bound


def test_particle_w2_reports_sampling_floor():
    rng = np.random.default_rng(4)
    x, y = rng.standard_normal((300, 3)), rng.standard_normal((300, 3))
    same = particle_w2(x, y, rng=1)
    assert same.floor > 0 and not same.resolved  # two samples of one law: within the floor
    far = particle_w2(x, y + 3.0, rng=1)
    assert far.resolved and far.w2 == pytest.approx(3 * math.sqrt(3), rel=0.1)  # shift (3, 3, 3)


def test_invalid_arguments():
    with pytest.raises(ValueError, match="eps"):
        gaussian_entropic_cost([0], [[1]], [0], [[1]], 0.0)
    with pytest.raises(ValueError, match="reference"):
        gaussian_entropic_cost([0], [[1]], [0], [[1]], 1.0, reference="heat")
    with pytest.raises(ValueError, match="sum to 1"):
        DiscreteMeasure(np.zeros((2, 2)), np.array([0.5, 0.6]))
    g = CellGrid(2, 4, 1.0)
    with pytest.raises(ValueError, match=">= 0"):
        grid_measure(-np.ones(16), g)
    with pytest.raises(ValueError, match="grid measure"):
        _ = DiscreteMeasure(np.zeros((2, 2)), np.array([0.5, 0.5])).entropy
