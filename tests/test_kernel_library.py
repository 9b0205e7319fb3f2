"""Mathematical properties of the generated kernel library, against independent facts."""
import math

import mpmath
import numpy as np
import pytest
import sympy as sp

from landau_num.kernels import get_kernel
from landau_sym.geometry import Coordinates
from landau_sym.mollifiers import EXPONENTIAL_KERNEL_INTEGRAL
from landau_sym.potentials import chi
from landau_sym.rotations import rodrigues
from landau_sym.vector_fields import VectorField


def test_exponential_kernel_constant_matches_direct_integration():
    surface = {2: 2 * mpmath.pi, 3: 4 * mpmath.pi}
    for d, closed in EXPONENTIAL_KERNEL_INTEGRAL.items():
        direct = surface[d] * mpmath.quad(lambda r: r ** (d - 1) * mpmath.exp(-mpmath.sqrt(1 + r * r)), [0, mpmath.inf])
        assert abs(direct - mpmath.mpf(sp.N(closed, 30))) < 1e-25


@pytest.mark.parametrize("label", ["gaussian", "exponential"])
@pytest.mark.parametrize("d", [2, 3])
def test_mollifiers_have_unit_mass_and_consistent_derivatives(label, d):
    f = get_kernel(f"{label}_mollifier", d)
    grad = get_kernel(f"{label}_mollifier_gradient", d)
    eps = 0.3
    # radial mass with the generated kernel, by scipy-free trapezoid on a fine grid
    r = np.linspace(0.0, 60 * eps, 200001)
    vals = np.array([f(x, *([0.0] * (d - 1)), eps) for x in r])
    surface = 2 * math.pi if d == 2 else 4 * math.pi
    mass = np.trapezoid(surface * r ** (d - 1) * vals, r)
    assert mass == pytest.approx(1.0, rel=1e-8)
    point = [0.2, -0.1, 0.05][:d]
    h = 1e-6
    for i in range(d):
        up = list(point); up[i] += h
        dn = list(point); dn[i] -= h
        fd = (f(*up, eps) - f(*dn, eps)) / (2 * h)
        assert grad(*point, eps)[i] == pytest.approx(fd, rel=1e-6)


def test_bkw_kernels_against_the_design_reference_values():
    K2 = get_kernel("bkw_K", 2)
    K3 = get_kernel("bkw_K", 3)
    assert K2(1.0, 1 / 16, 0.5) == pytest.approx(0.5587515487, abs=1e-10)
    assert K2(5.0, 1 / 16, 0.5) == pytest.approx(0.7323692857, abs=1e-10)
    # bkw3d starts at t0 = 5.5 with K(5.5) = 0.6001503457, C = 1/24: c0 = 1 − e^{−5.5/6} fits it
    assert K3(6.5, 1 / 24, 1.0) == pytest.approx(0.6615345749, abs=1e-10)
    for d in (2, 3):
        moments = get_kernel("bkw_moments", d)
        for K in (d / (d + 2), 0.7, 1.0):
            assert moments(K) == pytest.approx((d, d * (d + 2) * K * (2 - K)), rel=1e-14)


def test_cutoff_potential_satisfies_seed_003_requirements():
    s = sp.Symbol("s", positive=True)
    chi_s = chi(s)
    grid = [sp.Rational(k, 1000) for k in range(0, 2001)]
    values = [float(chi_s.subs(s, g)) for g in grid]
    slopes = [float(sp.diff(chi_s, s).subs(s, g)) for g in grid]
    assert all(v >= float(g) - 1e-15 for v, g in zip(values, grid))  # χ(r) ≥ r
    assert all(-1e-15 <= q <= 1 + 1e-15 for q in slopes)  # 0 ≤ χ′ ≤ 1
    assert values[500] == pytest.approx(0.99) and all(abs(v - 0.99) < 1e-15 for v in values[:501])
    assert all(abs(v - float(g)) < 1e-15 for v, g in zip(values[1000:], grid[1000:]))  # χ(r) = r, r ≥ 1
    alpha = get_kernel("alpha_cutoff")
    ratio = get_kernel("alpha_cutoff_log_derivative")
    for gamma in (-4.0, -3.0, -1.0):
        for eta in (0.1, 1.0):
            rs = np.linspace(0, 5 * eta, 5001)
            assert max(ratio(r, gamma, eta) for r in rs) <= -gamma / 0.99 + 1e-12  # condition (2)
            for r in rs[rs >= eta]:
                assert alpha(r, gamma, eta) == pytest.approx(r ** gamma, rel=1e-13)  # α = r^γ off B(0, η)
            assert all(alpha(r, gamma, eta) <= r ** gamma for r in rs[1:])  # α_η ≤ α (γ < 0)


def test_rodrigues_is_the_flow_of_the_rotation_field():
    x = Coordinates.named("x", 3)
    t = sp.Symbol("t", real=True)
    rotate = get_kernel("rotate_about_axis")
    for axis in ([sp.Rational(3, 5), sp.Rational(4, 5), 0], [sp.Rational(2, 7), sp.Rational(3, 7), sp.Rational(6, 7)]):
        k = sp.Matrix(axis)
        field = VectorField.from_matrix(k.cross(x.vector), x)
        flow = field.flow(t)
        assert (flow - rodrigues(x.vector, k, t)).applyfunc(sp.simplify).is_zero_matrix
        point, angle = [0.3, -1.2, 2.0], 0.7
        expected = [float(c) for c in flow.subs({**dict(zip(x.symbols, point)), t: angle})]
        assert rotate(*point, *[float(a) for a in axis], angle) == pytest.approx(expected, rel=1e-14)


def test_hermite_functions_are_orthonormal_by_gauss_hermite_quadrature():
    H = get_kernel("hermite_orthonormal_1d")
    nodes, weights = np.polynomial.hermite_e.hermegauss(30)
    values = np.array([H(x) for x in nodes])  # (30, n+1)
    gram = (values * weights[:, None]).T @ values / math.sqrt(2 * math.pi)
    assert np.allclose(gram, np.eye(values.shape[1]), atol=1e-12)
