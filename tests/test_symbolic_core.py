"""Properties of the symbolic core that hold for all inputs (hypothesis)."""
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.polynomial import hermite_e

from landau_sym.exact_linalg import psd_certificate, quadratic_form
from landau_sym.geometry import Coordinates, cross, landau_kernel, power_law, projection, wedge
from landau_sym.hermite import gaussian_expectation, gaussian_moment, hermite_he, hermite_orthonormal, multi_indices
from landau_sym.standard_fields import b_field, b_tilde, e_hat, n_hat
from landau_sym.vector_fields import VectorField, lie_bracket

R3 = Coordinates.named("x", 3)
small_int = st.integers(-3, 3)


@st.composite
def quadratic_fields(draw, coords=R3):
    """Vector fields on R³ with polynomial components of degree ≤ 2 and small integer coefficients."""
    xs = coords.symbols
    monomials = [sp.Integer(1), *xs, *(a * b for i, a in enumerate(xs) for b in xs[i:])]
    comps = tuple(sum(draw(small_int) * m for m in monomials) for _ in xs)
    return VectorField(comps, coords)


@settings(max_examples=15, deadline=None)
@given(quadratic_fields(), quadratic_fields())
def test_bracket_is_antisymmetric_and_represents_the_commutator(a, b):
    u = sp.Function("u")(*R3.symbols)
    ab = lie_bracket(a, b)
    assert (ab + lie_bracket(b, a)).is_zero()
    assert sp.expand(a.apply(b.apply(u)) - b.apply(a.apply(u)) - ab.apply(u)) == 0


@settings(max_examples=8, deadline=None)
@given(quadratic_fields(), quadratic_fields(), quadratic_fields())
def test_jacobi_identity(a, b, c):
    total = lie_bracket(a, lie_bracket(b, c)) + lie_bracket(b, lie_bracket(c, a)) + lie_bracket(c, lie_bracket(a, b))
    assert total.is_zero()


@settings(max_examples=5, deadline=None)
@given(st.lists(st.integers(-2, 2), min_size=3, max_size=3))
def test_rotation_fields_are_killing_and_flow_by_rotations(omega):
    """X = ω × x is Killing; its flow is exp(tW) with W antisymmetric, an orthogonal matrix."""
    w = sp.Matrix(omega)
    X = VectorField.from_matrix(cross(w, R3.vector), R3)
    assert X.is_killing()
    t = sp.Symbol("t", real=True)
    flow = X.flow(t)
    J = flow.jacobian(R3.symbols)
    assert (J.T * J - sp.eye(3)).applyfunc(sp.simplify).is_zero_matrix
    assert (flow.diff(t) - X.vector.subs(dict(zip(R3.symbols, flow)), simultaneous=True)).applyfunc(sp.simplify).is_zero_matrix


def test_non_killing_and_non_linear_fields():
    x1, x2, x3 = R3.symbols
    assert not VectorField((x2, x1, 0), R3).is_killing()  # symmetric Jacobian
    with pytest.raises(ValueError, match="linear"):
        VectorField((x1**2, 0, 0), R3).flow(sp.Symbol("t"))
    with pytest.raises(ValueError, match="3 components"):
        VectorField((x1, x2), R3)


def test_standard_fields_and_bad_indices():
    assert b_tilde(1).is_killing() and e_hat(2).divergence() == 0
    assert n_hat().divergence() == 6
    with pytest.raises(ValueError, match="k must be an integer in 1..3, got 4"):
        b_tilde(4)
    with pytest.raises(ValueError, match="got 0"):
        b_field(0, R3.vector, R3)


vectors = st.lists(st.floats(-5, 5, allow_nan=False), min_size=3, max_size=3)


@settings(max_examples=50, deadline=None)
@given(vectors, vectors)
def test_projection_and_kernel_numerically(x, y):
    xs = np.array(x)
    if np.dot(xs, xs) < 1e-6:
        return
    P = np.array(projection(sp.Matrix(x)).evalf(), dtype=float)
    assert np.allclose(P @ P, P, atol=1e-9) and np.allclose(P @ xs, 0, atol=1e-9)
    lhs = np.dot(xs, xs) * (np.array(y) @ P @ np.array(y))
    assert math.isclose(lhs, float(np.sum(np.cross(xs, y) ** 2)), rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(lhs, float(sum(c**2 for c in wedge(sp.Matrix(x), sp.Matrix(y)))), rel_tol=1e-9, abs_tol=1e-9)
    a = np.array(landau_kernel(sp.Matrix(x), power_law(0)).evalf(), dtype=float)
    assert np.allclose(a, np.dot(xs, xs) * P, atol=1e-8)


def test_hermite_against_numpy_and_exact_moments():
    x = sp.Symbol("x")
    for n in range(11):
        ours = sp.Poly(hermite_he(n, x), x).all_coeffs()[::-1]
        theirs = hermite_e.herme2poly([0] * n + [1])
        assert np.allclose([float(c) for c in ours], theirs)
    assert [gaussian_moment(k) for k in range(7)] == [1, 0, 1, 0, 3, 0, 15]
    assert gaussian_moment(4, variance=sp.Symbol("K")) == 3 * sp.Symbol("K") ** 2
    assert gaussian_expectation((x**2 - 1) ** 2, [x]) == 2  # ‖He_2‖² = 2!
    xs = sp.symbols("y1:3")
    h = hermite_orthonormal((2, 1), xs)
    assert sp.nsimplify(gaussian_expectation(sp.expand(h * h), xs)) == 1
    assert len(multi_indices(3, 4)) == math.comb(7, 3)
    with pytest.raises(ValueError):
        hermite_he(-1, x)


rational = st.fractions(min_value=-5, max_value=5, max_denominator=6)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.lists(st.lists(rational, min_size=n, max_size=n), min_size=n, max_size=n)))
def test_psd_certificate_agrees_with_eigenvalues(rows):
    n = len(rows)
    # Symmetrise, and make a Gram matrix half of the time (PSD by construction).
    sym = [[(rows[i][j] + rows[j][i]) / 2 for j in range(n)] for i in range(n)]
    gram = [[sum(rows[k][i] * rows[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
    for matrix in (sym, gram):
        result = psd_certificate(matrix)
        eigs = np.linalg.eigvalsh(np.array(matrix, dtype=float))
        if result.is_psd:
            assert eigs[0] > -1e-9
        else:
            assert result.witness_value < 0
            assert quadratic_form(matrix, result.witness) == result.witness_value
    assert psd_certificate(gram).is_psd


def test_psd_certificate_rejects_asymmetric_input():
    with pytest.raises(ValueError, match="not symmetric"):
        psd_certificate([[Fraction(1), Fraction(2)], [Fraction(0), Fraction(1)]])
