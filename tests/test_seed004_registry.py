"""Seed 004 registry entries (landau_sym/identities/seed004_*, proofs_check/claims/seed004_*): each
passes on the paper's objects and fails when the statement is altered (mutation tests)."""
import math

import numpy as np
import pytest
import sympy as sp

from landau_sym.identities import seed004_constants as constants
from landau_sym.identities import seed004_lemmas as lemmas
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


def test_lemma1_constants_mutations():
    assert lemmas.check_lemma1().verdict == "verified"
    assert lemmas.lemma1_residual() == 0
    assert lemmas.lemma1_residual(grad_coefficient=lemmas.D_LEMMA1) != 0   # −d∫|∇(f/m)|² instead of −(d−1)
    assert lemmas.lemma1_residual(half=sp.Integer(1)) != 0                 # f²v_i²/m² without the ½
    # the dropped term for φ = a(v₁² − v₂²): ∇p = 2a(v₁, −v₂), |v|²|∇p|² − (v·∇p)² = 16a²v₁²v₂², E = 16a²
    terms = lemmas.lemma1_terms((sp.Rational(1, 10), 0, 0, 0))
    assert terms["K_term"] == sp.Rational(16, 100)


def test_heat_proposition_last_line_factor():
    out = lemmas.check_heat()
    assert out.verdict == "refuted" and out.corrected_statement
    h = lemmas.heat_terms(sp.Integer(1), sp.Integer(2), sp.Integer(1))
    # by hand: ½W₂²(N(0, 1+2t), N(0, 4+2t)) = ½(√(1+2t) − √(4+2t))², d/dt at 0 = (1 − 2)(1 − ½) = −½
    assert h["dT_dt"] == sp.Rational(-1, 2)
    assert h["dT_dt"] + h["dissipation"] == 0          # the Proposition, T = ½W₂² of (5.1)
    assert h["dT_dt"] + h["dissipation"] / 2 != 0      # the proof's last line
    assert 2 * h["dT_dt"] + h["dissipation"] != 0      # T = W₂² of (1.2) would double the rate


def test_theorem3_rate_quadrature_and_constants():
    from proofs_check.claims import seed004_theorem3 as theorem3
    A, B = np.diag([2.0, 0.5, 0.5]), np.diag([0.5, 2.0, 0.5])
    # γ = 0 (Maxwell): the quadrature equals the exact second-moment route of Proposition 2
    assert theorem3.w2_rate_soft_gaussian(A, B, 0.0) == pytest.approx(w2_rate_gaussian(A, B), rel=1e-10)
    # equal data: zero rate for every γ (I − T = 0)
    assert abs(theorem3.w2_rate_soft_gaussian(A, A, -1.0)) < 1e-12
    # the rate depends on γ (the exponent of a(z) = |z|^{γ+2}(I − ẑ⊗ẑ))
    assert theorem3.w2_rate_soft_gaussian(A, B, -1.0) != pytest.approx(theorem3.w2_rate_soft_gaussian(A, B, -2.0), rel=1e-3)
    C, beta, K = theorem3.constants_i(-1.0, 2.0)
    assert C == pytest.approx(math.sqrt(4 * math.pi) + 1) and beta == pytest.approx(2 / 3) and K == 1.0
    # ‖N(0, I)‖_p^p = (2π)^{3(1−p)/2} p^{−3/2}; at p = 2: (4π)^{−3/2}
    assert theorem3._lp_norm(np.eye(3), 2.0) ** 2 == pytest.approx((4 * math.pi) ** -1.5)
    out = theorem3.check_theorem3_t0()
    assert out.verdict == "verified" and out.evidence["max_ratio_dT_dt_over_rhs_(i)"] <= 1
    assert all(r["T_below_e^-4"] for r in out.evidence["rows_ii"])
    # mutation: with the right sides' sign flipped (a contraction rate claimed) the check fails
    assert any(r["dT_dt"] > -r["rhs"] for r in out.evidence["rows_i"] + out.evidence["rows_ii"])


def test_lemma4_lines_and_printed_decomposition():
    from proofs_check.claims import seed004_lemma4 as lemma4
    A, B = np.diag([2.0, 0.5, 0.5]), np.diag([0.5, 2.0, 0.5])
    values = lemma4.lemma4_values(A, B)
    ref = values["dT_dt_(T=½W₂²)"]
    assert ref == pytest.approx(0.5 * w2_rate_gaussian(A, B), rel=1e-14) and ref < 0
    for line in ("(5.4)", "(5.5)", "(5.6)", "(5.4)_second_term_decomposed"):
        assert values[line] == pytest.approx(ref, rel=1e-9)
    # mutations: the printed decomposition (ê_i twice) and a doubled T = W₂² of (1.2) both fail
    printed = lemma4.lemma4_values(A, B, printed_decomposition=True)["(5.4)_second_term_decomposed"]
    assert printed != pytest.approx(ref, rel=1e-3)
    assert values["(5.5)"] != pytest.approx(w2_rate_gaussian(A, B), rel=1e-3)
    out = lemma4.check_lemma4()
    assert out.verdict == "refuted" and out.evidence["counterexample"] and out.corrected_statement
    assert out.evidence["(5.4)_(5.5)_(5.6)_equal_d/dt_T"]
