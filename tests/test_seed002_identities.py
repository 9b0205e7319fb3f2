"""Mutation tests for the seed-002 GENERIC and dissipation-form entries (002_5194c2b1fb63adc7.txt): each
checking function passes on the paper's objects (or finds the printed misprint) and fails when the
object is altered."""
import sympy as sp

from landau_sym.geometry import projection
from landau_sym.identities import seed002_dissipation_forms as forms
from landau_sym.identities import seed002_generic as generic


def test_poisson_operator_detects_a_symmetric_J():
    assert all(r == 0 for r in generic.poisson_residuals(generic.symplectic_matrix()).values())
    J = generic.symplectic_matrix()
    symmetric = sp.Matrix(sp.BlockMatrix([[sp.zeros(3), sp.eye(3)], [sp.eye(3), sp.zeros(3)]]))
    wrong = generic.poisson_residuals(symmetric)
    assert wrong["antisymmetry_mod_divergence"] != 0
    assert generic.poisson_residuals(-J)["L_dE_plus_transport"] != 0  # the transport sign


def test_jacobi_detects_a_corrupted_structure_constant():
    c = generic.structure_constants(1, generic.symplectic_matrix(1))
    assert not generic.schouten_tensor(c).any()
    bad = c.copy()
    k, l, r = next((k, l, r) for k, l, r in zip(*c.nonzero()) if r >= 3)  # a bracket landing on a quadratic
    bad[k, l, r] += 1
    bad[l, k, r] -= 1  # still antisymmetric
    assert generic.schouten_tensor(bad).any()


def test_dissipative_operator_detects_sign_and_missing_projection():
    assert generic.check_dissipative().verdict == "verified"
    assert generic.check_dissipative(sign=-1).verdict == "refuted"  # negative definite
    assert generic.check_dissipative(proj=lambda z: sp.eye(3)).verdict == "refuted"  # M dE ≠ 0


def test_variational_identity_needs_L_dS_zero():
    assert generic.check_variational().verdict == "verified"
    L0, M, u, s, e = generic._generic_blocks()
    other = sp.Matrix([[0, 1, 0], [-1, 0, 0], [0, 0, 0]])  # antisymmetric, but L s ≠ 0
    assert generic.check_variational(other).verdict == "refuted"


def test_gradient_form_detects_a_wrong_half():
    res = forms.gradient_form_residuals()
    assert res["(2.12): (1/2)K(B - B^swap) - kappa K^2 (f* grad f - f grad* f*)"].is_zero_matrix
    assert res["(1.12): integrand identity residual"] == 0
    wrong = forms.gradient_form_residuals(half=sp.Integer(1))
    assert not wrong["(2.12): (1/2)K(B - B^swap) - kappa K^2 (f* grad f - f grad* f*)"].is_zero_matrix


def test_cross_forms_and_q_norm_refuted_with_corrections():
    out = forms.check_cross_forms()
    assert out.verdict == "refuted" and out.corrected_statement
    assert out.evidence["counterexample"]["lhs |z|^2|grad~ log f|^2"] != out.evidence["counterexample"]["printed middle |z|^2 xi.Pi xi"]
    q = forms.check_q_norm()
    assert q.verdict == "refuted" and q.evidence["sum_{i,j} q_ij^2 - 2|z x xi|^2"] == "0"


def test_lemma26_identities_tell_the_index_apart():
    res = forms.lemma26_residuals(0, 1)
    assert res["(2.20) corrected"] == 0 and res["(2.20) printed LHS - RHS"] != 0
    assert res["(2.21)"] == 0 and res["(2.26)"] == 0
    assert res["(2.22) corrected"] == 0 and res["(2.22) printed"] != 0
    # a wrong normalisation (∫f w_j² = a_j replaced by 2a_j) breaks the corrected (2.22)
    q = forms.q_entry(0, 1)
    assert sp.expand(forms.normalised_expectation(forms.W[1] * q) - (2 * forms.A_DIAG[1] * forms.X[0] + forms.VV[0])) != 0


def test_sqrt_form_factor_four():
    out = forms.check_sqrt_form()
    assert out.verdict == "refuted"
    assert out.evidence["printed third / middle"] == "4"
    assert projection(sp.Matrix([1, 0, 0])) * sp.Matrix([1, 0, 0]) == sp.zeros(3, 1)
