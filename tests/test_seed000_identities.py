"""Mutation tests for the seed-000 entries (000_2c86dc742ea51118.txt): each checking function passes
on the paper's objects (or finds the printed misprint) and fails when the statement is altered."""
import math

import numpy as np
import sympy as sp

from landau_sym.geometry import Coordinates
from landau_sym.identities import seed000_conservation as cons
from landau_sym.identities import seed000_estimates_exact as est_exact
from landau_sym.identities import seed000_metric as metric
from landau_sym.identities import seed000_mollifier as moll
from landau_sym.operators import gradient
from proofs_check.claims import seed000_estimates as est


def test_two_particle_least_action_and_the_square_in_3():
    c = metric.RADIUS ** (-metric.GAMMA) / 4
    action = metric.two_particle_least_action(2)
    assert sp.simplify(action - c * metric.SPEED**2) == 0
    assert sp.simplify(action - 2 * c * metric.SPEED**2) != 0  # a wrong constant is told apart
    outcome = metric.check_distance_definition_3()
    assert outcome.verdict == "refuted" and outcome.corrected_statement
    assert outcome.evidence["with d_L^2 on the left (16): same excess"] == "0"


def test_reparametrisation_depends_on_the_factor_T():
    lhs16, lhs17, c = metric.reparametrised_actions()
    assert not lhs16.has(metric.T) and not lhs17.has(metric.T)
    without_T = sp.simplify(lhs16 / metric.T)  # ∫₀ᵀ𝒜 alone (no factor T) depends on T
    assert without_T.has(metric.T)
    assert metric.check_reparametrisation().verdict == "verified"


def test_action_density_needs_the_factor_two():
    m = sp.Matrix(sp.symbols("m1:4", real=True))
    ff, rho = sp.symbols("ff rho", positive=True)
    good = metric.alpha_function(m / rho, ff / rho) * rho
    assert sp.simplify(good - m.dot(m) / (2 * ff)) == 0
    wrong = (m / rho).dot(m / rho) / (ff / rho) * rho  # α without the 2
    assert sp.simplify(wrong - m.dot(m) / (2 * ff)) != 0


def test_lemma21_constant_sqrt2_is_sharp():
    gap, lagrange, (p, x, F, action, lhs, mass) = metric.cauchy_schwarz_gap()
    assert sp.expand(gap - lagrange) == 0
    at_equality = {xi: Fi for xi, Fi in zip(x, F)}
    smaller = sp.expand((1 * action * mass - lhs**2).subs(at_equality))  # constant 1 instead of √2
    values = {**{pi: 1 for pi in p}, **{Fi: 1 for Fi in F}}
    assert smaller.subs(values) < 0
    assert metric.check_lemma21_proof_line().verdict == "refuted"


def test_remark22_needs_the_constant_three():
    a, b = sp.symbols("a b", nonnegative=True)
    assert (3 * (1 + a**2 + b**2) - (1 + a + b) ** 2).subs({a: 1, b: 1}) >= 0
    assert (2 * (1 + a**2 + b**2) - (1 + a + b) ** 2).subs({a: 1, b: 1}) < 0
    assert metric.check_remark22().verdict == "verified"


def test_entropy_dissipation_prefactor_is_one_half():
    flux_residual, dH, D = cons.gaussian_dissipation_balance()
    assert flux_residual.is_zero_matrix and sp.simplify(dH + D) == 0
    # independent value: the Maxwell-molecule law Σ̇ = −8(Σ − tr Σ/2 I) (d = 2, C = 1) gives
    # −dH/dt = ½tr(Σ⁻¹Σ̇)… = 2(a − b)²/(ab)
    assert sp.simplify(D - 2 * (cons.A_VAR - cons.B_VAR) ** 2 / (cons.A_VAR * cons.B_VAR)) == 0
    _, dH1, D1 = cons.gaussian_dissipation_balance(constant=sp.Integer(1))
    assert sp.simplify(dH1 + D1) != 0


def test_energy_test_11_is_refuted_and_the_half_repairs_it():
    outcome = cons.check_energy_test_11()
    assert outcome.verdict == "refuted"
    assert outcome.evidence["counterexample"]["d/dt (LHS - RHS of (11)) at t = 0"] < 0
    true, printed, v, vs = cons.energy_test_integrands()
    assert not (printed - true).applyfunc(sp.simplify).is_zero_matrix


def test_gamma_split_window():
    outcome = cons.check_gamma_split()
    assert outcome.verdict == "verified"
    assert outcome.evidence["both (the window of the energy bound)"] == str(sp.Interval(-4, -2))


def test_mollifier_gradient_and_hessian_line():
    v = Coordinates.named("v", 3)
    G = moll.exponential_mollifier(v.symbols, moll.EPS)
    assert (gradient(G, v) - moll.printed_gradient_19(v)).applyfunc(sp.simplify).is_zero_matrix
    assert not (gradient(G, v) + moll.printed_gradient_19(v)).applyfunc(sp.simplify).is_zero_matrix
    outcome = moll.check_hessian_proof_line()
    assert outcome.verdict == "refuted"
    true, printed = outcome.evidence["counterexample"]["floats"]
    assert abs(abs(true) - abs(printed)) > 0.1


def test_remark33_exponent():
    assert moll.check_remark33().verdict == "verified"
    s = sp.Symbol("s", positive=True)
    v = Coordinates.named("v", 3)
    x = [c / moll.EPS for c in v.symbols]
    G = moll.EPS ** -3 * sp.exp(-moll._bracket(x) ** s)
    wrong = -(s / moll.EPS) * moll._bracket(x) ** (s - 1) * sp.Matrix(x)  # exponent s − 1
    assert not (gradient(G, v) / G - wrong).applyfunc(sp.simplify).is_zero_matrix


def test_lemma30_growth_must_be_linear():
    import mpmath
    eps, E = mpmath.mpf("0.2"), mpmath.mpf(2)
    C = moll.lemma30_constant(eps, E)
    Cd = 1 / mpmath.mpf(sp.N(moll.EXPONENTIAL_KERNEL_INTEGRAL[3], 30))
    v = mpmath.mpf(6)  # μ = δ₀ (m₂ = 1 ≤ E), far from the atom
    conv = Cd / eps**3 * mpmath.exp(-mpmath.sqrt(1 + (v / eps) ** 2))
    bracket = mpmath.sqrt(1 + (v / eps) ** 2)
    assert abs(mpmath.log(conv)) <= C * bracket
    far = mpmath.mpf(200)  # a bound growing like ⟨v/ε⟩^{1/2} (same constant) fails far out
    log_far = mpmath.log(Cd / eps**3 * mpmath.exp(-mpmath.sqrt(1 + (far / eps) ** 2)))
    assert abs(log_far) > C * mpmath.sqrt(mpmath.sqrt(1 + (far / eps) ** 2))


def test_peetre_sharp_constant():
    outcome = moll.check_peetre()
    assert outcome.evidence["sup (1+|a-b|^2)/(<a>^2<b>^2) at a = -b"] == "4/3"
    # constant 1 fails at a = −b, |a|² = ½
    assert (1 + 4 * 0.5) / (1 + 0.5) ** 2 > 1


def test_radial_commutation_needs_a_radial_kernel():
    radial_ok, aniso_fails = moll._radial_check()
    assert radial_ok and aniso_fails


def test_sacre_needs_an_even_kernel():
    v = Coordinates.named("v", 3)
    G = moll.exponential_mollifier(v.symbols, moll.EPS)
    flip = {x: -x for x in v.symbols}
    assert sp.simplify(G.subs(flip, simultaneous=True) - G) == 0
    tilted = G * (1 + v.symbols[0])
    assert sp.simplify(tilted.subs(flip, simultaneous=True) - tilted) != 0


def test_twisted_ibp_identity():
    assert moll.check_twisted_ibp().verdict == "verified"


def test_log_derivative_bounds_are_nearly_attained():
    outcome = est.check_log_derivative_bounds()
    assert outcome.verdict == "verified"
    first = outcome.evidence["max eps |grad log(mu*G^eps)| over 400 drawn (mu, v, eps) (bound 1)"]
    assert first > 0.5  # a bound 1/(2ε) would be violated


def test_theorem41_terms_on_gaussians_against_closed_forms():
    lam = (0.6, 1.0, 1.7)
    wf, cf, D = est.gaussian_theorem41_terms(lam, 0.0)
    # γ = 0: ∫f|Σ⁻¹v|² = Σ 1/λ_i and D = 2Σ_{i<j}(λ_i − λ_j)²/(λ_iλ_j) (Gaussian moments, by hand)
    assert math.isclose(wf, sum(1 / x for x in lam), rel_tol=1e-10)
    expected_D = 2 * sum((lam[i] - lam[j]) ** 2 / (lam[i] * lam[j]) for i in range(3) for j in range(i + 1, 3))
    assert math.isclose(D, expected_D, rel_tol=1e-10)
    iso = est.gaussian_theorem41_terms((1.0, 1.0, 1.0), -2.0)
    assert iso[2] < 1e-12 < iso[0]  # LHS ≤ C·D without the "1 +" is false


def test_radial_convolution_against_cartesian_quadrature():
    values = iter([0.8, 1.0, 1.3])
    assert est._radial_convolution_numeric(lambda strategy: next(values)) < 1e-5


def test_maxwellian_phi_is_not_quadratic():
    r = np.array([1e-6, 1.0, 2.0])
    phi = est.maxwellian_phi(1.0, r, n=600)
    curvature = (phi[1:] - phi[0]) / r[1:] ** 2
    assert abs(curvature[1] - curvature[0]) > 1e-3  # (32) cannot hold with D(M) = 0


# --- Lemma 32, Lemma 43 (33), Lemma 45, Claim 47 (40) ----------------------------------------

def test_lemma32_last_line_is_refuted_and_needs_the_eps_constant():
    import pytest
    from proofs_check.claims import seed000_lemmas as lem
    outcome = lem.check_lemma32()
    assert outcome.verdict == "refuted" and outcome.corrected_statement
    cex = outcome.evidence["counterexample"]
    assert cex["iint |grad~ dH_eps/dmu|^2 dmu dmu"] > 2 * cex["E = int |v|^2 dmu"]
    # the same atoms with a large mollifier satisfy the printed "≤ E": only the missing ε-constant fails
    pts, w = lem.PATTERN
    mu = 0.02 * pts
    assert lem.dissipation_pairing(mu, w, 1.0, 0.0) < float(w @ (mu**2).sum(1))
    # a symmetric two-atom measure has ∇̃δH_ε/δμ = 0 (J(x_p) is parallel to x_p − x_q): Π is applied
    two = np.array([[0.05, 0.0], [-0.05, 0.0]])
    assert lem.dissipation_pairing(two, np.array([0.5, 0.5]), 0.02, 0.0) < 1e-20
    with pytest.raises(ValueError, match="gamma"):
        lem.corrected_constant(0.1, 1.0)


def test_lemma43_young_exponent_is_the_reciprocal():
    outcome = est_exact.check_lemma43_young_step()
    assert outcome.verdict == "verified"
    exact, printed = outcome.evidence["at gamma = -1, eta = 1 (exact, printed)"]
    assert sp.sympify(exact) == 2 * sp.sqrt(sp.pi)  # ‖χ_{B₁}|x|^{−1}‖_{L²} = (∫_{B₁}|x|^{−2})^{1/2} = √(4π)
    assert sp.sympify(printed) == 16 * sp.pi**2
    # the printed exponent gives an upper bound only because ω₂/η > 1: for a base below 1 it is not
    x, q = sp.Rational(1, 2), 2
    assert x ** sp.Rational(1, q) > x**q


def test_lemma43_potential_bound():
    import mpmath
    from proofs_check.claims import seed000_lemmas as lem
    # Coulomb potential of the Maxwellian: ∫M(v*)|v − v*|^{−1}dv* = erf(|v|/√2)/|v|
    assert abs(lem._radial_potential(2, -1, lem._maxwellian) - mpmath.erf(mpmath.sqrt(2)) / 2) < 1e-12
    assert lem.check_lemma43().verdict == "verified"
    C1 = lem.lemma43_constant(-1, 1.0, lem._maxwellian)
    v = 1e4  # the decay ⟨v⟩^γ cannot be replaced by ⟨v⟩^{γ−1}
    assert lem._radial_potential(v, -1, lem._maxwellian) / (1 + v * v) ** -1 > C1


def test_lemma45_constant_attained_up_to_peetre():
    from proofs_check.claims import seed000_lemmas as lem
    assert lem.check_lemma45().verdict == "verified"
    # p = 2, v = 0: ∫⟨w⟩²G^ε(w)dw = ∫⟨εw⟩²G(w)dw, exactly half of 2^{|p|/2}∫⟨εw⟩^{|p|}G
    C = lem.lemma45_constant(2, "0.5")
    assert abs(2 * lem.smoothed_bracket(0, 2, "0.5") - C) < 1e-20 * C + 1e-25
    assert lem.smoothed_bracket(0, 2, "0.5") > C / 4  # a quarter of the constant fails


def test_claim47_jensen():
    from proofs_check.claims import seed000_lemmas as lem
    outcome = lem.check_claim47()
    assert outcome.verdict == "verified"
    assert 0.2 < outcome.evidence["largest lhs/rhs"] < 1  # a right side divided by 5 would be violated
    mean, lams, eps = lem.CLAIM47_DATA
    # a radial f centred at 0 has w × ∇f = 0, so both sides vanish (the anisotropic data do not)
    lhs0, rhs0 = lem.claim47_sides((1.0, 0.5, -0.5), np.zeros(3), np.ones(3), eps)
    assert max(lhs0, rhs0) < 1e-15
