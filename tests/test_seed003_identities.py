"""Mutation tests for the registry entries of 003_2ee84d6b3c804a54.txt: each checking function passes
on the paper's objects (or, for a refuted entry, on the corrected statement) and fails when the
statement is altered (a wrong constant, exponent or sign)."""
import sympy as sp

from landau_sym.identities import (
    seed003_exponents as ex, seed003_fisher_functionals as ff, seed003_kolmogorov as kol,
    seed003_mean_functionals as mf, seed003_sphere_constant as sc,
)

G = ex.G


def _alpha_r2(r2):
    """A concrete radial profile (as a function of r²): exercising the identities without a generic α."""
    return 1 / (1 + r2) ** 2


def test_generator_detects_a_wrong_drift_coefficient():
    vs = kol.particle_coords(2)
    xs = [x for v in vs for x in v]
    phi = xs[0] ** 2 * xs[4] + xs[1] * xs[3] ** 3 + xs[2] * xs[5]
    point = dict(zip(xs, (sp.Rational(1, 3), -1, 2, sp.Rational(1, 2), 1, -sp.Rational(3, 2))))
    assert sp.nsimplify(kol.generator_residual(2, _alpha_r2, phi, xs).subs(point)) == 0
    assert kol.generator_residual(2, _alpha_r2, phi, xs, drift_scale=1).subs(point) != 0


def test_entropy_identity_detects_a_wrong_production_factor():
    v1, v2 = kol.particle_coords(2)
    xs = v1 + v2
    F = sp.exp(-sum(x**2 for x in xs) / 2 + xs[0] * xs[4] / 3)
    good = kol.entropy_divergence_residual(F, v1, v2, _alpha_r2)
    bad = kol.entropy_divergence_residual(F, v1, v2, _alpha_r2, production_factor=sp.Rational(1, 2))
    point = dict(zip(xs, (0.3, -0.7, 1.1, 0.2, 0.9, -0.4)))
    assert abs(float(good.subs(point))) < 1e-12
    assert abs(float(bad.subs(point))) > 1e-3


def test_weak_formulation_detects_a_wrong_drift_factor():
    v = list(sp.symbols("v1:4", real=True))
    w = list(sp.symbols("w1:4", real=True))
    xs = sp.symbols("x1:4")
    f = sp.Lambda(xs, sp.exp(-xs[0] ** 2 - xs[1] ** 2 / 2 - xs[2] ** 2 / 3))
    phi = sp.Lambda(xs, sp.cos(xs[0] + 2 * xs[1] - xs[2]))
    point = dict(zip(v + w, (0.3, -0.7, 1.1, 0.2, 0.9, -0.4)))
    r27, r44 = kol.weak_form_residuals(f, phi, v, w, _alpha_r2)
    assert abs(float(r27.subs(point))) < 1e-12 and abs(float(r44.subs(point))) < 1e-12
    bad27, _ = kol.weak_form_residuals(f, phi, v, w, _alpha_r2, drift_factor=1)
    assert abs(float(bad27.subs(point))) > 1e-4


def test_ito_counterexample_integrand_is_positive():
    """The t = 0 counterexample to the printed (34): a(z):Id = 2|z|² > 0 (and not 0, as the identity needs)."""
    z = sp.Matrix(sp.symbols("z1:4", real=True))
    assert sp.expand(kol.a_matrix(z).trace() - 2 * (z.T * z)[0]) == 0


def test_prop_b1_detects_a_wrong_coefficient():
    assert sp.expand(ff.k_beta_residual()) == 0 or sp.simplify(ff.k_beta_residual()) == 0
    wrong = (ff.BETA - 1) * (ff.BETA + sp.Rational(1, 2))
    assert sp.simplify(ff.k_beta_residual(wrong)) != 0


def test_dissipation_operator_detects_a_wrong_weight():
    assert sp.expand(ff.double_derivative_residual(0)) == 0
    assert sp.expand(ff.double_derivative_residual(0, radius_power=sp.Integer(-1))) != 0


def test_hilbert_form_detects_a_wrong_factor():
    assert sp.simplify(ff.entropy_production_hilbert_residual()) == 0
    assert sp.simplify(ff.entropy_production_hilbert_residual(factor=1)) != 0


def test_lemma64_printed_norm_fails_and_squared_norm_holds():
    assert ff.fisher_minus_gradient_norm(2) == 0
    assert ff.fisher_minus_gradient_norm(1) != 0
    assert ff.check_lemma64().verdict == "refuted"


def test_superadditivity_closed_form_detects_a_wrong_fisher_formula():
    C = mf._covariance(4)
    assert sp.simplify(3 * C.inv().trace() / 4 - mf.fisher(4)) == 0
    wrong = 3 / (mf.A - mf.B) + 3 * mf.B / ((mf.A - mf.B) * (mf.A + 3 * mf.B))
    assert sp.simplify(3 * C.inv().trace() / 4 - wrong) != 0


def test_cutoff_condition_detects_a_too_small_constant():
    assert ex.ramp_condition_holds()                         # 0.99 as printed in (2)
    assert not ex.ramp_condition_holds(sp.Rational(101, 100))  # r|α′|/α ≤ −γ/1.01 fails at the end of the ramp


def test_fisher_margin_detects_a_smaller_plateau_or_constant():
    assert ex.step3_chain_holds()
    assert not ex.step3_chain_holds(plateau=sp.Rational(9, 10))     # 9/(2·0.81) > 11/2
    assert not ex.step3_chain_holds(lam=sp.Rational(9, 2))          # 5000/1089 > 9/2


def test_lemma42_exponents_detect_a_wrong_q_or_p():
    assert all(ex.lemma42_exponents().values())
    assert not all(ex.lemma42_exponents(q=-2 / (G + 2)).values())
    assert not all(ex.lemma42_exponents(p=-1 / (G + 1)).values())


def test_drift_profile_detects_the_printed_exponent():
    assert ex.drift_profile_matches(G + 1)
    assert not ex.drift_profile_matches(-G + 1)


def test_lemma66_rate_detects_the_printed_exponent():
    assert ex.rate_limit((G + 3, G + 4)) == 0
    assert ex.rate_limit((G + 3, G + 2)) == sp.oo


def test_lemma74_constants_detect_wrong_young_or_expansion():
    assert ex.young_holds() and ex.symmetrised_quartic()
    assert not ex.young_holds(sp.Rational(1, 8), 17)
    assert not ex.symmetrised_quartic((2, -4, 6))


def test_lemma74_proof_bound_and_lemma714_range_are_refuted():
    assert ex.check_lemma74_proof_bound().verdict == "refuted"
    assert ex._holds_on_gamma_range(G + 4 > 1, G + 4 <= 2)
    assert not ex._holds_on_gamma_range(G + 4 >= 0, G + 4 <= 1)


def test_lemma79_projection_detects_a_sign_error():
    z = sp.Matrix(sp.symbols("z1:4", real=True))
    xi = sp.Matrix(sp.symbols("xi1:4", real=True))
    bs = [sp.Matrix([1 if i == k else 0 for i in range(3)]).cross(z) for k in range(3)]
    lhs = sum((b.T * xi)[0] ** 2 for b in bs)
    assert sp.expand(lhs - ((z.T * z)[0] * (xi.T * xi)[0] - (z.T * xi)[0] ** 2)) == 0
    assert sp.expand(lhs - ((z.T * z)[0] * (xi.T * xi)[0] + (z.T * xi)[0] ** 2)) != 0
    assert ex.check_lemma79_711().verdict == "verified"


def test_lemma610_threshold():
    assert ex.check_lemma610_exponents().verdict == "verified"
    P = sp.Symbol("p", positive=True)
    threshold = sp.solve(sp.Eq((G + 1) * P / (P - 1) + 3, 0), P)
    assert [sp.simplify(t - 3 / (G + 3)) for t in threshold] != [0]


def test_sphere_quotient_linearises_to_six_and_bounds_lambda_below_six():
    """Q(εx²) → ℓ(ℓ+1) = 6; a degree-4 zonal g already gives Q < 5.77 (so Λ < 6), and Q ≥ 11/2 (Ji's bound)."""
    assert abs(sc.rayleigh_quotient([1e-6]) - 6) < 1e-5
    value = sc.rayleigh_quotient([1.9103304503725238, -0.4429741006166466])
    assert 5.5 <= value < 5.77
    assert abs(value - float(sc.rayleigh_quotient_mp([1.9103304503725238, -0.4429741006166466]))) < 1e-8
