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
