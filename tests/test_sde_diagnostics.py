"""Diagnostics of particle ensembles (landau_num.sde.diagnostics) against exact values.

Monte-Carlo comparisons fix their seeds and allow 4 standard errors unless a stated bias
allowance is added.
"""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import integrate

from landau_num.grid import CellGrid
from landau_num.kernels import get_kernel
from landau_num.sde.diagnostics import (
    energy_distance, inverse_square_distance, knn_entropy, mollified_fisher, reconstruction_errors, replica_energy,
    replica_mean_velocity, replica_second_moments,
)

SE_ALLOWED = 4.0
coordinates = st.floats(-5, 5, allow_nan=False)


def test_replica_moments_of_a_hand_made_configuration():
    v = np.array([[[1.0, 0, 0], [0, 2.0, 0]], [[0, 0, 3.0], [0, 0, -1.0]]])
    assert np.allclose(replica_mean_velocity(v), [[0.5, 1, 0], [0, 0, 1]])
    assert np.allclose(replica_energy(v), [2.5, 5.0])
    assert np.allclose(replica_second_moments(v)[0], np.diag([0.5, 2, 0]))


def test_knn_entropy_of_gaussian_samples():
    # H(N(0, Σ)) = −½ log((2πe)³ det Σ); the k = 1 estimator's bias is O(n^{−1/2}) for a Gaussian
    # (≈ 0.01 at n = 8000), allowed on top of 4 standard errors of 10 independent estimates
    sigma = np.diag([1.8, 0.2, 1.0])
    exact = -0.5 * math.log((2 * math.pi * math.e) ** 3 * np.linalg.det(sigma))
    rng = np.random.default_rng(0)
    estimates = [knn_entropy(rng.standard_normal((8000, 3)) @ np.sqrt(sigma)) for _ in range(10)]
    se = np.std(estimates, ddof=1) / math.sqrt(10)
    assert abs(np.mean(estimates) - exact) < SE_ALLOWED * se + 0.02
    # entropy is −log(scale³) covariant: scaling the points by 2 lowers H by 3 log 2 exactly
    x = rng.standard_normal((500, 3))
    assert knn_entropy(2 * x) == pytest.approx(knn_entropy(x) - 3 * math.log(2), abs=1e-12)


def test_knn_entropy_rejects_coincident_points():
    with pytest.raises(ValueError, match="distinct"):
        knn_entropy(np.zeros((5, 3)))


def test_mollified_fisher_is_3_over_eps_for_isolated_particles():
    # one particle, or particles 60√ε apart: f_ε is a sum of separated Gaussians and I = d/ε
    eps = 0.25
    one = np.array([[[0.3, -1.0, 2.0]]])
    far = np.array([[[0.0, 0, 0], [30.0, 0, 0], [0, 30.0, 0]]])
    assert mollified_fisher(one, eps)[0] == pytest.approx(3 / eps, rel=1e-13)
    assert mollified_fisher(far, eps)[0] == pytest.approx(3 / eps, rel=1e-12)


@pytest.mark.parametrize("distance", [0.3, 1.0])
def test_mollified_fisher_of_two_overlapping_particles_against_direct_quadrature(distance):
    eps = 0.5
    norm = (2 * math.pi * eps) ** -1.5

    def integrand(rho, x):  # axisymmetric about the line of the two particles
        fa = math.exp(-((x + distance / 2) ** 2 + rho**2) / (2 * eps))
        fb = math.exp(-((x - distance / 2) ** 2 + rho**2) / (2 * eps))
        gx = -((x + distance / 2) * fa + (x - distance / 2) * fb) / (2 * eps)
        grho = -rho * (fa + fb) / (2 * eps)
        return norm * (gx * gx + grho * grho) / (0.5 * (fa + fb)) * 2 * math.pi * rho

    exact = integrate.dblquad(integrand, -12, 12, 0, 12, epsabs=1e-12, epsrel=1e-10)[0]
    v = np.array([[[-distance / 2, 0, 0], [distance / 2, 0, 0]]])
    assert mollified_fisher(v, eps, nodes=16)[0] == pytest.approx(exact, rel=1e-6)
    assert mollified_fisher(v, eps)[0] == pytest.approx(exact, rel=0.02)  # default 3 nodes per axis


@settings(max_examples=20, deadline=None)
@given(points=arrays(np.float64, (1, 4, 3), elements=coordinates), shift=arrays(np.float64, 3, elements=coordinates))
def test_mollified_fisher_is_invariant_under_translations_axis_swaps_and_reflections(points, shift):
    # tensor Gauss–Hermite nodes are symmetric under axis permutations and reflections; translations are exact
    eps = 0.7
    base = mollified_fisher(points, eps, nodes=6)[0]
    assert mollified_fisher(points + shift, eps, nodes=6)[0] == pytest.approx(base, rel=1e-9)
    swapped = points[..., [1, 0, 2]] * np.array([1.0, -1.0, 1.0])
    assert mollified_fisher(swapped, eps, nodes=6)[0] == pytest.approx(base, rel=1e-9)


def test_inverse_square_distance_of_gaussian_pairs():
    # V_i i.i.d. N(0, I): z ~ N(0, 2I), |z|² = 2χ²₃ and E|z|^{−2} = 1/(2(3 − 2)) = 1/2 ≤ I₀ = 3 (Lemma 4.1)
    rng = np.random.default_rng(1)
    estimate, se, rho = inverse_square_distance(rng.standard_normal((400, 40, 3)))
    assert abs(estimate - 0.5) < SE_ALLOWED * se and estimate < 3.0
    assert 0 < rho < 1


def test_inverse_square_ball_correction_is_exact_for_locally_uniform_pairs():
    # two particles: z uniform in the ball of radius 1 → E|z|^{−2} = 3 exactly; with ρ = 1 every pair
    # is inside the ball and the estimator returns 3/ρ² = 3 with no variance at all
    rng = np.random.default_rng(2)
    z = rng.standard_normal((50, 3))
    z *= (rng.random(50) ** (1 / 3) / np.linalg.norm(z, axis=1))[:, None]
    v = np.stack([z / 2, -z / 2], axis=1)
    estimate, se, _ = inverse_square_distance(v, rho=1.0)
    assert estimate == pytest.approx(3.0) and se == pytest.approx(0.0)


def test_energy_distance_of_hand_made_measures():
    a, b, c = np.array([0.0, 0, 0]), np.array([3.0, 0, 0]), np.array([0.0, 4, 0])
    v = np.array([[a, b]])
    # μ = ½(δ_a + δ_b), ν = δ_c: D² = 2·½(|a−c| + |b−c|) − ½|a−b| (V-statistic), − |a−b| (U-statistic)
    d_v, d_u = energy_distance(v, c[None, :])
    assert d_v[0] == pytest.approx(4 + 5 - 1.5) and d_u[0] == pytest.approx(4 + 5 - 3)
    # weights: ν = ¼δ_a + ¾δ_c against μ = ½(δ_a + δ_b)
    d_v, _ = energy_distance(v, np.array([a, c]), np.array([1.0, 3.0]))
    cross = 0.5 * (0.25 * 0 + 0.75 * 4) + 0.5 * (0.25 * 3 + 0.75 * 5)
    assert d_v[0] == pytest.approx(2 * cross - 1.5 - 2 * 0.25 * 0.75 * 4)


@settings(max_examples=30, deadline=None)
@given(v=arrays(np.float64, (2, 3, 3), elements=coordinates), ref=arrays(np.float64, (4, 3), elements=coordinates),
       w=arrays(np.float64, 4, elements=st.floats(0.01, 1)))
def test_energy_distance_is_non_negative_and_zero_on_the_measure_itself(v, ref, w):
    d_v, _ = energy_distance(v, ref, w)
    assert np.all(d_v >= -1e-9)
    same, _ = energy_distance(v[:1], v[0])
    assert abs(same[0]) < 1e-9


def test_energy_distance_of_iid_samples_has_the_monte_carlo_floor():
    # μ^N from N i.i.d. draws of ν: E D²_V = E|X − X′|/N and E D²_U = 0 (4 standard errors)
    rng = np.random.default_rng(3)
    reference = rng.standard_normal((400, 3))
    mean_distance = np.linalg.norm(reference[:, None] - reference[None], axis=2).mean()
    v = reference[rng.integers(0, 400, size=(2000, 10))]
    d_v, d_u = energy_distance(v, reference)
    for samples, expected in ((d_v, mean_distance / 10), (d_u, 0.0)):
        assert abs(samples.mean() - expected) < SE_ALLOWED * samples.std(ddof=1) / math.sqrt(len(samples))


def test_kernel_density_reconstruction_of_a_gaussian_sample():
    # 8192 draws of N(0, I): the KDE is close to the Maxwellian; against a shifted Maxwellian it is not
    maxwellian = get_kernel("maxwellian", 3)
    grid = CellGrid(3, 16, 4.0)
    v = np.random.default_rng(4).standard_normal((64, 128, 3))
    exact = np.array([maxwellian(*p, 0.0, 0.0, 0.0, 1.0) for p in grid.points])
    shifted = np.array([maxwellian(*p, 1.0, 0.0, 0.0, 1.0) for p in grid.points])
    good, bad = reconstruction_errors(v, exact, grid), reconstruction_errors(v, shifted, grid)
    # KDE error at n = 8192 in 3D (bias + variance, Silverman bandwidth) is about 0.1 in relative L¹;
    # ‖N(0, I) − N(e₁, I)‖_{L¹} = 2(2Φ(½) − 1) ≈ 0.77
    assert good["error_l1"] < 0.2 and good["error_linf"] < 0.2
    assert bad["error_l1"] > 0.6


@pytest.mark.parametrize("call", [
    lambda: mollified_fisher(np.zeros((1, 2, 3)), 0.0), lambda: inverse_square_distance(np.ones((1, 2, 3)), rho=-1.0),
    lambda: energy_distance(np.zeros((1, 2, 3)), np.zeros((2, 3)), np.array([-1.0, 1.0])),
])
def test_bad_diagnostic_parameters_raise_value_error(call):
    with pytest.raises(ValueError):
        call()
