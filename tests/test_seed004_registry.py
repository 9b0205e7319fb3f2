"""Seed 004 registry entries (landau_sym/identities/seed004_*, proofs_check/claims/seed004_*): each
passes on the paper's objects and fails when the statement is altered (mutation tests)."""
import math

import numpy as np
import pytest
import sympy as sp

from landau_sym.identities import seed004_constants as constants
from landau_sym.identities.seed004_coupled_rotation import pair_map, quaternion_rotation, tangent_counterexample
from landau_num.transport.coupled_particles import coupled_cost, coupled_rotation_steps
from landau_num.transport.gaussian import dissipation_1_3_gaussian, gaussian_entropic_cost, w2_rate_gaussian
from landau_num.sde.system import pair_schedule


def test_pair_map_orthogonal_only_for_rotations():
    q = (sp.Rational(1), sp.Rational(2), sp.Rational(-1), sp.Rational(3))
    R = quaternion_rotation(q)
    assert pair_map(R).T * pair_map(R) == sp.eye(6)
    mutated = R * sp.Rational(101, 100)  # not orthogonal: the coupled cost is no longer conserved
    assert pair_map(mutated).T * pair_map(mutated) != sp.eye(6)
    ce = tangent_counterexample()
    assert ce["coupled_sum_before"] == 4.0 and abs(ce["coupled_sum_after_tangent_step"] - 4.0) > 0.5


@pytest.mark.parametrize("tangent", [False, True])
def test_coupled_steps_conserve_cost_only_with_the_same_rotation(tangent):
    rng = np.random.default_rng(0)
    v, w = rng.standard_normal((12, 3)), rng.standard_normal((12, 3)) * 1.5
    D0 = coupled_cost(v, w)
    momentum = v.sum(axis=0).copy()
    coupled_rotation_steps(v, w, pair_schedule(12), 20, 7, 0.05, 1.0, tangent)
    assert np.allclose(v.sum(axis=0), momentum, atol=1e-12)
    if tangent:
        assert abs(coupled_cost(v, w) - D0) > 1e-3
    else:
        assert coupled_cost(v, w) == pytest.approx(D0, rel=1e-13)


def test_remark1_middle_member_sign():
    out = constants.check_remark1()
    assert out.verdict == "refuted" and out.corrected_statement
    assert out.evidence["outer_equality_½d/dt|x−y|²_eq_−∫D²F[ṗ,ṗ]_residual"] == "0"
    assert out.evidence["middle_plus_lhs"] == "0"  # the printed middle is exactly −(the left side)


def test_s_integral_printed_vs_corrected():
    out = constants.check_s_integral()
    assert out.verdict == "refuted"
    eps = 0.3
    value = 2 * (0.5 ** (1 - 2 * eps)) / (1 - 2 * eps)  # 2∫₀^{1/2} s^{−2ε} ds
    assert value == pytest.approx(4**eps / (1 - 2 * eps), rel=1e-14)
    assert value != pytest.approx(4 ** (1 - eps) / (1 - 2 * eps), rel=1e-3)


def test_osgood_factor_e():
    out = constants.check_osgood()
    assert out.verdict == "refuted" and out.evidence["ε^{-1}T^{1−ε}_at_optimum_over_printed_−T log T"] == "E"
    T = math.exp(-7.0)
    eps = -1 / math.log(T)
    assert T ** (1 - eps) / eps == pytest.approx(-math.e * T * math.log(T), rel=1e-13)


def test_theorem1_ode_mutation():
    t, d, lam = constants.t, constants.d, constants.lam
    y = constants._ode_solution()
    good = sp.simplify(sp.diff(y, t) + 2 * (d - 1 - 2 * sp.exp(-4 * d * t) * (lam - 1)) * y)
    bad = sp.simplify(sp.diff(y, t) + 2 * (d - 1 - 3 * sp.exp(-4 * d * t) * (lam - 1)) * y)
    assert good == 0 and bad != 0


def test_hopf_lax_and_6_3_verified():
    assert constants.check_hopf_lax().verdict == "verified"
    assert constants.check_6_3().verdict == "verified"


def test_dissipation_normalisation_factor_two():
    A, B = np.diag([4.0, 1.0, 1.0]), np.diag([1.0, 4.0, 1.0])
    lhs, rhs = w2_rate_gaussian(A, B), dissipation_1_3_gaussian(A, B)
    # diagonal data in closed form: dW₂²/dt = 12Σ[t_i(a_i − ā) + (b_i − b̄)/t_i], t = (1/2, 2, 1), ā = b̄ = 2
    assert lhs == pytest.approx(12 * (0.5 * 2 + 2 * (-1) + 1 * (-1) + (-1) / 0.5 + 2 / 2 + (-1) / 1), rel=1e-12)
    assert lhs == pytest.approx(2 * rhs, rel=1e-10)       # corrected statement
    assert lhs != pytest.approx(rhs, rel=1e-3)            # as printed
    # equal data: both sides vanish
    assert w2_rate_gaussian(A, A) == pytest.approx(0.0, abs=1e-12) and abs(dissipation_1_3_gaussian(A, A)) < 1e-12


def test_product_reference_counterexample_and_isotropic_control():
    lam = np.diag([2.2, 0.5, 0.3])
    zero = np.zeros(3)
    for eps in (0.1, 1.0):
        product_change = gaussian_entropic_cost(zero, np.eye(3), zero, np.eye(3), eps) - gaussian_entropic_cost(zero, lam, zero, lam, eps)
        lebesgue_change = (gaussian_entropic_cost(zero, np.eye(3), zero, np.eye(3), eps, "lebesgue")
                           - gaussian_entropic_cost(zero, lam, zero, lam, eps, "lebesgue"))
        assert product_change > 0 > lebesgue_change
