"""Maxwell-molecule Boltzmann: the BKW family for any angular kernel, and its grazing limit
(001_213bc0b3a2bddff3.txt (1.1), §3.1; kernels of ``landau_sym.boltzmann_kernels``).

``boltzmann-bkw-general-kernel``: for γ = 0 and any b, Bobylev's form of (1.1) for the Fourier
transform Φ(x), x = |k|²/2, of a radial density,
    ∂ₜΦ(x) = ∫_{S²} b(k̂·σ)[Φ(x a)Φ(x(1 − a)) − Φ(x)Φ(0)] dσ,   a = (1 + k̂·σ)/2,
is solved by Φ = e^{−Kx}(1 − (1 − K)x) (the transform of the BKW profile
(2πK)^{−3/2}e^{−|v|²/(2K)}(P + Q|v|²)) iff K′ = μ(1 − K) with
    μ = ∫_{S²} b a(1 − a) dσ = ¼∫_{S²} b(1 − (k̂·σ)²) dσ = (π/2)∫β sin²θ dθ = −μ₂/6.
Proof: Φ(xa)Φ(x(1−a)) − Φ(x) = τ²a(1−a)x²e^{−(1−τ)x} (τ = 1 − K) pointwise in a, and
∂ₜΦ = −ττ′x²e^{−(1−τ)x}; the x² Taylor coefficient of Φ is K(2 − K)/2 = ∫|v|⁴f/30, the BKW
fourth moment 15K(2 − K), which ties Φ to the profile.

``boltzmann-bkw-grazing-rate``: for the grazing family β^ε = (π³/ε³)β(πθ/ε) with (2.2),
μ^ε = ∫χ²β·(π/2) − (ε²/(6π))∫χ⁴β + O(ε⁴) = 4 − (ε²/(6π))∫χ⁴β + O(ε⁴), and 4 = 2C(d − 1) with
C = C_β = 1 is the Landau BKW rate: the gap is second order in ε, with this explicit constant
(for the power law ∫χ⁴β = c_ν(π/2)^{4−ν}/(4 − ν)).
"""
from __future__ import annotations

import mpmath
import sympy as sp

from ..boltzmann_kernels import EPS, NU, THETA, power_beta, power_constant
from ..exact_solutions import K as EXACT_K
from ..exact_solutions import bkw_expectation
from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import real

X, A, TAU = sp.symbols("x a tau", real=True)
REFERENCE_BKW = "001_213bc0b3a2bddff3.txt, (1.1)"
REFERENCE_GRAZING = "001_213bc0b3a2bddff3.txt, Lemma 3.3"


def bkw_fourier(x, K):
    """Φ(x) = e^{−Kx}(1 − (1 − K)x), x = |k|²/2."""
    return sp.exp(-K * x) * (1 - (1 - K) * x)


def check_bkw_general(rate_factor=sp.Rational(1, 4)) -> Outcome:
    """``rate_factor`` is the constant in μ = rate_factor·∫b(1 − c²)dσ (¼ is the claim)."""
    K = 1 - TAU
    phi = lambda x: bkw_fourier(x, K)  # noqa: E731
    collision = sp.simplify((phi(X * A) * phi(X * (1 - A)) - phi(X)) * sp.exp((1 - TAU) * X))
    pointwise = sp.expand(collision - TAU**2 * A * (1 - A) * X**2)
    # ∂ₜΦ with τ′ = −μτ, μ = ∫ b a(1−a) dσ; a(1 − a) = (1 − c²)/4 with a = (1 + c)/2
    c = sp.Symbol("c", real=True)
    weight_identity = sp.expand((A * (1 - A)).subs(A, (1 + c) / 2) - rate_factor * (1 - c**2))
    mu = sp.Symbol("mu", positive=True)
    dphi = sp.diff(phi(X), TAU) * (-mu * TAU) * sp.exp((1 - TAU) * X)
    time_side = sp.expand(dphi - mu * TAU**2 * X**2)
    # μ = −μ₂/6: 2π∫β(P₂(cos θ) − 1) = −6·(π/2)∫β sin²θ for every β (pointwise in θ)
    legendre_link = sp.simplify(sp.expand_trig(sp.legendre(2, sp.cos(THETA)) - 1 + 6 * rate_factor * sp.sin(THETA) ** 2))
    v = sp.symbols("v1:4", real=True)
    fourth = sp.factor(bkw_expectation(sum(s**2 for s in v) ** 2, v))
    taylor = sp.series(phi(X), X, 0, 3).removeO().coeff(X, 2).subs(TAU, 1 - EXACT_K)
    moment_link = sp.simplify(taylor - fourth / 30)
    ok = pointwise == 0 and weight_identity == 0 and time_side == 0 and legendre_link == 0 and moment_link == 0
    return Outcome("verified" if ok else "refuted", {
        "collision_term_minus_tau2_a(1-a)x2": str(pointwise), "a(1-a)_minus_rate_factor(1-c2)": str(weight_identity),
        "dPhi/dt_minus_mu_tau2_x2": str(time_side), "P2(cos)-1+6*factor*sin2": str(legendre_link),
        "x2_coefficient_minus_fourth_moment/30": str(moment_link), "fourth_moment_3d": str(fourth),
        "rate": "mu = (1/4) int_{S^2} b (1 - (k.sigma)^2) dsigma = (pi/2) int beta sin^2 = -mu_2/6",
    })


def _bkw_general_numeric(draw) -> mpmath.mpf:
    """Bobylev's right-hand side by mpmath quadrature over θ for a drawn kernel
    b = θ^{−1−ν}(1 + pθ) on (0, π/2] (non-cutoff, symmetrised), against ∂ₜΦ by numerical
    differentiation of Φ along K(t) = 1 − τ₀e^{−μt}, μ = (π/2)∫β sin²θ by quadrature."""
    nu = mpmath.mpf(draw(real(0.1, 1.9)))
    p = mpmath.mpf(draw(real(0.0, 2.0)))
    x = mpmath.mpf(draw(real(0.05, 4.0)))
    tau0 = mpmath.mpf(draw(real(0.05, 0.4)))
    beta = lambda th: th ** (-1 - nu) * (1 + p * th)  # noqa: E731
    mu = mpmath.pi / 2 * mpmath.quad(lambda th: beta(th) * mpmath.sin(th) ** 2, [0, mpmath.pi / 2])

    def phi(y, K):
        return mpmath.exp(-K * y) * (1 - (1 - K) * y)

    K_of = lambda t: 1 - tau0 * mpmath.exp(-mu * t)  # noqa: E731
    lhs = mpmath.diff(lambda t: phi(x, K_of(t)), 0)
    K = K_of(0)
    rhs = 2 * mpmath.pi * mpmath.quad(lambda th: beta(th) * (phi(x * mpmath.cos(th / 2) ** 2, K)
                                                            * phi(x * mpmath.sin(th / 2) ** 2, K) - phi(x, K)),
                                      [0, mpmath.pi / 2])
    return relative_residual(lhs, rhs)


register(Identity(
    id="boltzmann-bkw-general-kernel",
    title="BKW solves Maxwell-molecule Boltzmann for any angular kernel, rate μ = ¼∫b(1 − (k·σ)²)dσ = −μ₂/6",
    statement=r"\Phi = e^{-Kx}(1-(1-K)x),\ K' = \mu(1-K),\ \mu = \tfrac14\int_{S^2} b(k\cdot\sigma)(1-(k\cdot\sigma)^2)d\sigma = \tfrac{\pi}{2}\int_0^{\pi/2}\beta\sin^2\theta\,d\theta",
    reference=REFERENCE_BKW,
    kind="identity",
    method="exact: the collision integrand of Bobylev's equation equals τ²a(1−a)x²e^{−Kx} pointwise in a; "
           "Taylor coefficient tied to the BKW fourth moment",
    check=check_bkw_general,
    cross_check=CrossCheck(_bkw_general_numeric, 1e-10,  # tanh-sinh on θ^{−1−ν}·O(θ²) at 30 digits: 1e-13
                           "mpmath quadrature of Bobylev's right-hand side for a drawn non-cutoff kernel vs "
                           "numerical ∂ₜΦ", examples=8),
))


def _power_moment(m: int) -> sp.Expr:
    """∫₀^{π/2} χ^m β(χ) dχ for the normalised power law β = c_ν χ^{−1−ν} (m > ν)."""
    chi = THETA
    monomial = sp.powsimp(sp.expand(chi**m * power_beta(chi, NU) / power_constant(NU)))
    exponent = sp.degree(monomial, chi) if monomial.is_polynomial(chi) else sp.simplify(sp.log(monomial) / sp.log(chi))
    return power_constant(NU) * (sp.pi / 2) ** (exponent + 1) / (exponent + 1)


def grazing_rate_expansion(order_factor=sp.Rational(1, 6)) -> tuple[sp.Expr, sp.Expr]:
    """(μ^ε to O(ε⁴) for the power law, the claimed 4 − order_factor·ε²∫χ⁴β/π)."""
    chi = THETA
    # μ^ε = (π/2)(π²/ε²)∫₀^{π/2} β(χ) sin²(εχ/π) dχ (θ = εχ/π); sin² expanded termwise
    sin2 = sp.Poly(sp.series(sp.sin(EPS * chi / sp.pi) ** 2, EPS, 0, 6).removeO(), chi)
    integral = sum(coeff * _power_moment(m) for (m,), coeff in sin2.terms())
    series = sp.expand(sp.pi / 2 * sp.pi**2 / EPS**2 * integral)
    claim = 4 - order_factor * EPS**2 * _power_moment(4) / sp.pi
    return series, claim


def check_grazing_rate(order_factor=sp.Rational(1, 6)) -> Outcome:
    series, claim = grazing_rate_expansion(order_factor)
    difference = sp.simplify(sp.powsimp(sp.expand(series.coeff(EPS, 0) + series.coeff(EPS, 2) * EPS**2 - claim),
                                        force=True))
    evidence = {"series_to_eps4": str(series), "claim": str(claim), "difference_up_to_eps2": str(difference),
                "power_constant_c_nu": str(power_constant()),
                "limit_equals_landau_bkw_rate_2C(d-1)_C=1_d=3": bool(sp.simplify(series.coeff(EPS, 0) - 4) == 0)}
    ok = difference == 0 and evidence["limit_equals_landau_bkw_rate_2C(d-1)_C=1_d=3"]
    return Outcome("verified" if ok else "refuted", evidence)


def _grazing_rate_numeric(draw) -> mpmath.mpf:
    """μ^ε by mpmath quadrature of (π/2)∫₀^{ε/2}β^ε sin²θ dθ vs 4 − (ε²/(6π))∫χ⁴β: the
    difference must be O(ε⁴); the residual is |difference|/ε⁴."""
    nu = mpmath.mpf(draw(real(0.1, 1.9)))
    eps = mpmath.mpf(draw(real(0.01, 0.2)))
    c = 8 / mpmath.pi * (2 - nu) * (2 / mpmath.pi) ** (2 - nu)
    beta = lambda chi: c * chi ** (-1 - nu)  # noqa: E731
    exact = mpmath.pi / 2 * mpmath.quad(lambda th: mpmath.pi**3 / eps**3 * beta(mpmath.pi * th / eps)
                                        * mpmath.sin(th) ** 2, [0, eps / 2])
    fourth = mpmath.quad(lambda chi: chi**4 * beta(chi), [0, mpmath.pi / 2])
    claim = 4 - eps**2 / (6 * mpmath.pi) * fourth
    # next term of sin²y = y² − y⁴/3 + 2y⁶/45: (π/2)(2/45)(ε⁴/π⁴)∫χ⁶β < 0.004ε⁴ for ν ∈ (0, 2)
    return abs(exact - claim) / eps**4


register(Identity(
    id="boltzmann-bkw-grazing-rate",
    title="Grazing limit of the Maxwell-molecule BKW rate: μ^ε = 4 − (ε²/(6π))∫χ⁴β + O(ε⁴) → 2C_β(d−1) = 4",
    statement=r"\mu^\epsilon = \tfrac{\pi}{2}\int_0^{\epsilon/2}\beta^\epsilon\sin^2\theta\,d\theta = 4 - \tfrac{\epsilon^2}{6\pi}\int_0^{\pi/2}\chi^4\beta(\chi)d\chi + O(\epsilon^4)",
    reference=REFERENCE_GRAZING,
    kind="rate",
    method="exact: termwise series of sin²(εχ/π) integrated against the normalised power law (2.2)",
    check=check_grazing_rate,
    cross_check=CrossCheck(_grazing_rate_numeric, 0.01,
                           "mpmath quadrature of μ^ε vs the two-term expansion; residual |gap|/ε⁴ (the next term "
                           "is < 0.004ε⁴; a wrong ε² constant gives ≥ 0.02/ε² here)", examples=8),
))
