"""Seed 001 registry entries (001_213bc0b3a2bddff3.txt): each check passes (or refutes, for a
misprint) on the paper's own objects and changes its verdict when the statement is altered."""
import pytest
import sympy as sp

from landau_sym.identities import seed001_grazing as grazing
from landau_sym.identities import seed001_kernels as kernels
from landau_sym.identities import seed001_proof_lines as lines


def test_normalisation_detects_wrong_transfer_and_scaling():
    assert kernels.check_normalisation().verdict == "verified"
    assert kernels.check_normalisation(printed_transfer=4 / sp.pi).verdict == "refuted"
    assert kernels.check_normalisation(scaling_power=2).verdict == "refuted"


def test_physical_table_detects_a_wrong_row():
    assert kernels.check_physical_table().verdict == "verified"
    assert kernels.check_physical_table({"Maxwellian": (5, 0, 1, -2)}).verdict == "refuted"


def test_coulomb_cutoff_detects_a_wrong_limit():
    assert kernels.check_coulomb_cutoff().verdict == "verified"
    assert kernels.check_coulomb_cutoff(limit=4 / sp.pi).verdict == "refuted"


def test_remark_3_2_refuted_as_printed_and_corrected_form_holds():
    printed = kernels.check_remark_3_2()
    assert printed.verdict == "refuted" and "counterexample" in printed.evidence and printed.corrected_statement
    assert kernels.check_remark_3_2(printed=False).verdict == "verified"


def test_collision_geometry_detects_a_sign_error():
    assert kernels.check_collision_geometry().verdict == "verified"
    assert kernels.check_collision_geometry(sign=-1).verdict == "refuted"


def test_trig_bounds_detect_wrong_constants():
    assert kernels.check_trig_bounds().verdict == "verified"
    pi = sp.pi
    for wrong in [(3 / pi**2, sp.Rational(1, 2), 2 / pi, 1), (2 / pi**2, sp.Rational(1, 3), 2 / pi, 1),
                  (2 / pi**2, sp.Rational(1, 2), 3 / pi, 1), (2 / pi**2, sp.Rational(1, 2), 2 / pi, sp.Rational(9, 10))]:
        assert kernels.check_trig_bounds(wrong).verdict == "refuted"


def test_xy_form_refuted_as_printed_and_verified_with_gamma():
    assert kernels.check_xy_form().verdict == "refuted"
    assert kernels.check_xy_form(lambda g: 1 + g / 2).verdict == "verified"
    assert kernels.check_xy_form(lambda g: 1 + g).verdict == "refuted"


def test_circle_second_moment_detects_wrong_factor():
    assert kernels.check_circle_second_moment().verdict == "verified"
    assert kernels.check_circle_second_moment(2 * sp.pi).verdict == "refuted"


def test_taylor_3_14_detects_a_wrong_weight():
    assert grazing.check_taylor_3_14().verdict == "verified"
    assert grazing.check_taylor_3_14(weight_t=lambda t: 1).verdict == "refuted"


def test_first_order_limit_detects_a_wrong_constant():
    assert grazing.check_first_order_limit().verdict == "verified"
    assert grazing.check_first_order_limit(constant=1 / (2 * sp.pi)).verdict == "refuted"


@pytest.mark.parametrize("wrong", [dict(constant=1 / sp.pi), dict(v_constant=1 / (4 * sp.pi)),
                                   dict(ds_constant=1 / (8 * sp.pi)), dict(kernel_limit=4)])
def test_second_order_limit_detects_wrong_constants(wrong):
    assert grazing.check_second_order_limit(**wrong).verdict == "refuted"


def test_second_order_limit_verified_as_printed():
    assert grazing.check_second_order_limit().verdict == "verified"


def test_alg_detects_a_constant_beyond_the_sharp_one():
    assert lines.check_alg().verdict == "verified"
    assert lines.check_alg(constant=5).verdict == "refuted"


def test_corollary_a3_refuted_as_printed_and_corrected_form_holds():
    out = lines.check_corollary_a3()
    assert out.verdict == "refuted" and "counterexample" in out.evidence
    assert lines.check_corollary_a3(printed=False).verdict == "verified"


def test_lemma_3_3_sign_refuted_and_plus_sign_verified():
    assert lines.check_lemma_3_3_rescaling().verdict == "refuted"
    assert lines.check_lemma_3_3_rescaling(printed_sign=1).verdict == "verified"


def test_prop_6_2_riesz_line_refuted_and_corrected_constants_verified():
    out = lines.check_prop_6_2_riesz()
    assert out.verdict == "refuted" and out.corrected_statement
    assert lines.check_prop_6_2_riesz(quadratic=sp.Rational(1, 2), linear=2).verdict == "verified"


def test_lemma_5_7_factor_two():
    assert lines.check_lemma_5_7().verdict == "refuted"
    assert lines.check_lemma_5_7(action_root_factor=2).verdict == "verified"


def test_lemma_b3_phase_refuted_and_corrected_verified():
    assert lines.check_lemma_b3_phase().verdict == "refuted"
    assert lines.check_lemma_b3_phase(printed=False).verdict == "verified"


def test_lemma_b4_detects_a_wrong_constant():
    assert lines.check_lemma_b4().verdict == "verified"
    assert lines.check_lemma_b4(constant_factor=4).verdict == "refuted"


# --- weak forms, dissipations, affine representations (seed001_weak_forms, seed001_dissipation) ---

from landau_sym.identities import seed001_dissipation as dissipation  # noqa: E402
from landau_sym.identities import seed001_weak_forms as weak  # noqa: E402


def test_boltzmann_weak_forms_detect_wrong_constants():
    assert weak.check_boltzmann_weak_forms().verdict == "verified"
    assert weak.check_boltzmann_weak_forms(c38=sp.Rational(-1, 4)).verdict == "refuted"
    assert weak.check_boltzmann_weak_forms(c39=sp.Rational(-1, 2)).verdict == "refuted"


def test_lemma_6_7_refuted_as_printed_and_desymmetrisation_verified():
    out = weak.check_lemma_6_7()
    assert out.verdict == "refuted" and "counterexample" in out.evidence and out.corrected_statement
    assert weak.check_lemma_6_7(printed=False).verdict == "verified"


def test_landau_weak_forms_detect_wrong_constants():
    assert weak.check_landau_weak_forms().verdict == "verified"
    assert weak.check_landau_weak_forms(c310=sp.Rational(1, 2), c312=sp.Rational(1, 4)).verdict == "refuted"


@pytest.mark.parametrize("wrong", [dict(c615=4), dict(c75=8), dict(c75_action=sp.Rational(1, 4))])
def test_squared_gradient_limits_detect_wrong_constants(wrong):
    assert weak.check_squared_gradient_limits().verdict == "verified"
    assert weak.check_squared_gradient_limits(**wrong).verdict == "refuted"


def test_dissipations_detect_wrong_constants():
    assert dissipation.check_dissipations().verdict == "verified"
    assert dissipation.check_dissipations(c_b=sp.Rational(1, 2)).verdict == "refuted"
    assert dissipation.check_dissipations(c_l=1).verdict == "refuted"
    assert dissipation.check_dissipations(c_al=1).verdict == "refuted"


def test_affine_representations_detect_a_wrong_constant():
    a, u = sp.symbols("a u", positive=True)
    assert dissipation.check_affine_representations().verdict == "verified"
    wrong = {"Remark 2.9 D_L": (4 * u, 1, 2 * u**2)}  # −∫|∇̃ψ|² instead of −2∫|∇̃ψ|²
    assert dissipation.check_affine_representations(wrong).verdict == "refuted"
    assert dissipation.check_affine_representations({"Remark 2.9 Fisher": (a, 1, a**2)}).verdict == "refuted"


def test_prop_6_4_exponent_refuted_and_gamma_exponent_verified():
    out = dissipation.check_prop_6_4()
    assert out.verdict == "refuted" and "counterexample" in out.evidence and "verified" in out.corrected_statement
    assert dissipation.check_prop_6_4(lambda g: 1 + g / 2).verdict == "verified"
    assert dissipation.check_prop_6_4(lambda g: 1 + g).verdict == "refuted"


def test_corollary_2_10_sign_refuted_and_plus_sign_verified():
    out = dissipation.check_corollary_2_10()
    assert out.verdict == "refuted" and "counterexample" in out.evidence
    assert dissipation.check_corollary_2_10(1).verdict == "verified"


def test_polar_laplacian_and_projection_detect_a_wrong_factor():
    assert weak.check_polar_and_projection().verdict == "verified"
    assert weak.check_polar_and_projection(lambda r, g: 2 ** (-g / 2) * r ** (-g / 2)).verdict == "refuted"


def test_lemma_b1_refuted_for_gamma_nonzero_and_exact_for_maxwell():
    out = dissipation.check_lemma_b1()
    assert out.verdict == "refuted" and "counterexample" in out.evidence and out.corrected_statement
    assert dissipation.check_lemma_b1(gamma=0).verdict == "verified"


def test_appendix_b_geometry_detects_wrong_constants():
    assert dissipation.check_b_geometry().verdict == "verified"
    assert dissipation.check_b_geometry(b3_factor=1).verdict == "refuted"
    assert dissipation.check_b_geometry(b4_minus=2).verdict == "refuted"
