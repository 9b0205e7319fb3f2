"""The Boltzmann operator of 001_213bc0b3a2bddff3.txt (1.1): fast spectral evaluation against the
direct Fourier double sum, the BKW residual, angular-kernel data, and the registry entries of
landau_sym.identities.boltzmann_maxwell (with mutations)."""
import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from landau_num.boltzmann.angular import AngularKernel
from landau_num.boltzmann.operator import BoltzmannOperator, direct_operator
from landau_num.grid import CellGrid
from landau_num.kernels import get_kernel
from landau_sym.identities import boltzmann_maxwell as bm


def _bkw_and_rate(grid, K, rate):
    """(f, ∂ₜf) of the BKW profile with K′ = μ(1 − K), ∂_K f in closed form."""
    d = grid.d
    density = get_kernel("bkw_density", d)
    f = np.array([density(*x, K) for x in grid.points])
    r2 = np.sum(grid.points**2, axis=1)
    P, Q = ((d + 2) * K - d) / (2 * K), (1 - K) / (2 * K**2)
    gauss = (2 * math.pi * K) ** (-d / 2) * np.exp(-r2 / (2 * K))
    dK = gauss * ((-d / (2 * K) + r2 / (2 * K**2)) * (P + Q * r2) + d / (2 * K**2) + (0.5 / K**2 - 1 / K**3) * r2)
    shape = (grid.n,) * d
    return f.reshape(shape), (dK * rate * (1 - K)).reshape(shape)


def _smooth_datum(grid, seed=1):
    rng = np.random.default_rng(seed)
    f = np.exp(-np.sum((grid.points - 0.3) ** 2, axis=1) / 1.5)
    return (f * (1 + 0.2 * rng.random(f.size))).reshape((grid.n,) * grid.d)


@pytest.mark.parametrize("d,n,kernel,kw,mode", [
    (3, 4, "maxwell", {}, None), (3, 4, "power", {"nu": 0.5}, None), (3, 4, "cutoff", {"nu": 1.0, "theta_c": 0.3}, None),
    (3, 4, "maxwell", {}, "combined"), (2, 8, "maxwell", {}, None), (2, 8, "maxwell", {}, "combined")])
def test_fft_evaluation_equals_the_direct_double_sum(d, n, kernel, kw, mode):
    grid = CellGrid(d, n, 4.0)
    op = BoltzmannOperator(grid, AngularKernel(kernel, d=d, **kw), 0.0, R=3.0, n_rho=3,
                           sphere_degree=5 if d == 3 else 6, mode=mode)
    f = _smooth_datum(grid)
    fast, direct = op(f), direct_operator(op, f)
    # same nodes, same series: only round-off separates them (measured 2e-15 … 3e-14)
    assert np.abs(fast - direct).max() <= 1e-12 * np.abs(direct).max()


def test_bkw_residual_converges_in_3d():
    """max|Q_B(f) − ∂ₜf|/max|∂ₜf| for BKW, b = 1/(4π): measured 7.6e-3 (n = 16), 6.2e-5 (n = 24)
    at L = R = 6 (the table in N is in benchmarks/bench_boltzmann.py)."""
    kernel = AngularKernel("maxwell")
    residuals = []
    for n in (16, 24):
        grid = CellGrid(3, n, 6.0)
        op = BoltzmannOperator(grid, kernel, 0.0, R=6.0, n_rho=n, sphere_degree=7)
        f, dfdt = _bkw_and_rate(grid, 0.65, kernel.bkw_rate())
        residuals.append(np.abs(op(f) - dfdt).max() / np.abs(dfdt).max())
    assert residuals[0] < 2e-2 and residuals[1] < 2e-4 and residuals[1] < residuals[0] / 50


def test_bkw_residual_in_2d_is_near_round_off():
    """2D, b = 1/(2π), μ = 1/8: measured 1.4e-13 at n = 64 (L = R = 9), 1.2e-10 (L = R = 8), 4e-8 at n = 48."""
    kernel = AngularKernel("maxwell", d=2)
    assert kernel.bkw_rate() == pytest.approx(1 / 8, rel=1e-12)
    grid = CellGrid(2, 48, 8.0)
    op = BoltzmannOperator(grid, kernel, 0.0, R=8.0, n_rho=48, sphere_degree=16)
    f, dfdt = _bkw_and_rate(grid, 0.6, kernel.bkw_rate())
    assert np.abs(op(f) - dfdt).max() / np.abs(dfdt).max() < 1e-6


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 1000))
def test_combined_form_conserves_mass_to_round_off(seed):
    grid = CellGrid(3, 8, 5.0)
    op = BoltzmannOperator(grid, AngularKernel("grazing", nu=1.5, eps=0.5), 0.0, n_rho=4, sphere_degree=7)
    Q = op(_smooth_datum(grid, seed))
    assert abs(Q.sum()) <= 1e-12 * np.abs(Q).sum()


def test_angular_kernel_data_against_closed_forms():
    maxwell = AngularKernel("maxwell")
    assert maxwell.total_cross_section() == pytest.approx(1.0, rel=1e-13)
    assert maxwell.bkw_rate() == pytest.approx(1 / 6, rel=1e-12)
    assert maxwell.eigenvalue_differences(4)[[2, 4]] == pytest.approx([-1.0, -1.0], rel=1e-12)  # λ_n = δ_n0
    for nu in (0.5, 1.5):
        fourth = 8 / math.pi * (2 - nu) * (2 / math.pi) ** (2 - nu) * (math.pi / 2) ** (4 - nu) / (4 - nu)
        for eps in (0.3, 0.03):
            k = AngularKernel("grazing", nu=nu, eps=eps)
            assert k.landau_constant() == pytest.approx(1.0, rel=1e-12)  # (2.2), Remark 3.1
            # μ^ε = 4 − (ε²/6π)∫χ⁴β + O(ε⁴) (boltzmann-bkw-grazing-rate); next term < 0.004ε⁴
            assert abs(k.bkw_rate() - (4 - eps**2 / (6 * math.pi) * fourth)) < 0.004 * eps**4
    for eps in (0.1, 0.001):  # Remark 2.6: C_β = 1 + log(π/2)/log(1/ε)
        assert AngularKernel("coulomb", eps=eps).landau_constant() == pytest.approx(
            1 + math.log(math.pi / 2) / math.log(1 / eps), rel=1e-10)  # 400-node Gauss–Legendre on θ^{-1}: 2e-12


@pytest.mark.parametrize("bad", [dict(name="nope"), dict(name="power", nu=2.5), dict(name="grazing", eps=0.0),
                                 dict(name="power", d=2)])
def test_bad_kernels_are_refused(bad):
    with pytest.raises(ValueError):
        AngularKernel(**bad)


def test_registry_bkw_general_kernel_and_its_mutation():
    assert bm.check_bkw_general().verdict == "verified"
    assert bm.check_bkw_general(rate_factor=sp.Rational(1, 3)).verdict == "refuted"


def test_registry_grazing_rate_and_its_mutation():
    assert bm.check_grazing_rate().verdict == "verified"
    assert bm.check_grazing_rate(order_factor=sp.Rational(1, 5)).verdict == "refuted"
