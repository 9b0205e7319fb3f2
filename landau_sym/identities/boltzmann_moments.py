"""Lemma 3.3 of 001_213bc0b3a2bddff3.txt for polynomial test functions (γ = 0), with its ε² rate, and
the relaxation rate of anisotropic second moments (``landau_sym.boltzmann_moments``).

``grazing-limit-polynomial-weak-forms``: for every ψ = v^α, |α| ≤ 4, the Boltzmann angular average
P_ψ = ∫_{S²} b∇̄ψ dσ of (3.9) equals F₂A₂ + F₄A₄, and at the grazing limits (A₂, A₄) → (−16, −32)
(C_β = 1, (2.2)) it equals the Landau integrand (∇ − ∇_*)·[|g|²Π(∇ψ − ∇_*ψ_*)] of (3.12) exactly;
so ⟨Q_B^ε, ψ⟩ − ⟨Q_L, ψ⟩ = ½∬ff_*[(A₂^ε + 16)F₂ + (A₄^ε + 32)F₄], and for the grazing family
β^ε = (π³/ε³)β(πθ/ε): A₂^ε + 16 = (2ε²/(3π))∫χ⁴β + O(ε⁴), A₄^ε + 32 = (10ε²/(3π))∫χ⁴β + O(ε⁴)
(cos²θ − 1 = −θ² + θ⁴/3 − …, cos⁴θ − 1 = −2θ² + (5/3)θ⁴ − …, θ = εχ/π): the weak forms converge
at order exactly 2 with these constants.

``boltzmann-anisotropic-second-moment-rate``: for γ = 0 and any b, the traceless part of the
centred second moments obeys P′ = −(2dμ/(d − 1))(P − (tr P/d)I), d = 3, μ = −A₂/4 the BKW rate
(``boltzmann-bkw-general-kernel``); at the grazing limit 2dμ/(d − 1) = 12 = 4dC (C = 1), the
Landau rate of 004 Proposition 2.
"""
from __future__ import annotations

import mpmath
import sympy as sp

from .. import boltzmann_moments as bmo
from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import real

from hypothesis import strategies as st

REFERENCE_LEMMA = "001_213bc0b3a2bddff3.txt, Lemma 3.3"
REFERENCE_RATE = "001_213bc0b3a2bddff3.txt, (1.1)"
CHI = sp.Symbol("chi", positive=True)
EPS = sp.Symbol("eps", positive=True)


def grazing_corrections(order_factors=(sp.Rational(2, 3), sp.Rational(10, 3))) -> dict:
    """The ε² coefficients of A₂^ε + 16 and A₄^ε + 32 per unit ∫χ⁴β/π, from the Taylor series of
    cos^m θ − 1 at θ = εχ/π (the integral (π²/ε²)·2π∫β(χ)(…)dχ), against ``order_factors``."""
    out = {}
    for m, claim in zip((2, 4), order_factors):
        series = sp.series(sp.cos(EPS * CHI / sp.pi) ** m - 1, EPS, 0, 6).removeO()
        quad = sp.expand(2 * sp.pi * sp.pi**2 / EPS**2 * series)
        out[m] = {"eps0_per_chi2": sp.simplify(quad.coeff(EPS, 0) / CHI**2),
                  "eps2_per_chi4": sp.simplify(quad.coeff(EPS, 2) / CHI**4), "claim": claim / sp.pi}
    return out


def check_polynomial_weak_forms(limit=None, order_factors=(sp.Rational(2, 3), sp.Rational(10, 3))) -> Outcome:
    """``limit``: the (A₂, A₄) substituted (the claim: −2π·8/π, −4π·8/π)."""
    limit = limit or bmo.LANDAU_LIMIT
    mismatched = [a for a in bmo.monomials()
                  if sp.expand(bmo.boltzmann_weak_polynomial(a).subs(limit) - bmo.landau_weak_polynomial(a)) != 0]
    corr = grazing_corrections(order_factors)
    # ε⁰: ∫θ²β = 8/π gives A₂ → −2π·(8/π)·1, A₄ → −2π·(8/π)·2
    limits_ok = (corr[2]["eps0_per_chi2"] * 8 / sp.pi == -16) and (corr[4]["eps0_per_chi2"] * 8 / sp.pi == -32)
    order_ok = all(sp.simplify(corr[m]["eps2_per_chi4"] - corr[m]["claim"]) == 0 for m in (2, 4))
    evidence = {"monomials": len(bmo.monomials()), "mismatched_monomials": [str(a) for a in mismatched],
                "example_P_psi_|v|^4": str(sp.factor(sum(bmo.boltzmann_weak_polynomial(a) * c for a, c in
                                                         (((4, 0, 0), 1), ((0, 4, 0), 1), ((0, 0, 4), 1),
                                                          ((2, 2, 0), 2), ((2, 0, 2), 2), ((0, 2, 2), 2))))),
                "grazing_coefficients": {str(m): {k: str(v) for k, v in c.items()} for m, c in corr.items()},
                "limits_from_(2.2)": bool(limits_ok)}
    ok = not mismatched and limits_ok and order_ok
    return Outcome("verified" if ok else "refuted", evidence)


def _weak_polynomial_numeric(draw) -> mpmath.mpf:
    """P_ψ at a drawn (v, v_*) for ψ = v^α by mpmath quadrature of β^ε(θ)∫_{S¹}∇̄ψ dp dθ with the
    collision geometry (3.3) (grazing power law, drawn ν, ε), against F₂A₂^ε + F₄A₄^ε with
    (A₂^ε, A₄^ε) by quadrature: an independent evaluation of the Boltzmann side."""
    nu = mpmath.mpf(draw(real(0.2, 1.8)))
    eps = mpmath.mpf(draw(real(0.2, 1.0)))
    v = [mpmath.mpf(draw(real(-2, 2))) for _ in range(3)]
    w = [x - mpmath.mpf(draw(real(0.3, 2))) for x in v]  # |v − v_*| ≥ 0.5: k = g/|g| defined
    alpha = bmo.monomials()[draw(st.integers(4, 34))]
    c_nu = 8 / mpmath.pi * (2 - nu) * (2 / mpmath.pi) ** (2 - nu)
    beta = lambda th: mpmath.pi**3 / eps**3 * c_nu * (mpmath.pi * th / eps) ** (-1 - nu)  # noqa: E731
    g = [a - b for a, b in zip(v, w)]
    r = mpmath.sqrt(sum(x**2 for x in g))
    k = [x / r for x in g]
    e1 = [k[1], -k[0], 0] if abs(k[2]) < 0.9 else [0, k[2], -k[1]]
    n1 = mpmath.sqrt(sum(x**2 for x in e1))
    e1 = [x / n1 for x in e1]
    e2 = [k[1] * e1[2] - k[2] * e1[1], k[2] * e1[0] - k[0] * e1[2], k[0] * e1[1] - k[1] * e1[0]]
    psi = lambda x: mpmath.fprod(xi**a for xi, a in zip(x, alpha))  # noqa: E731

    def nabla_bar(th, phi):
        p = [mpmath.cos(phi) * a + mpmath.sin(phi) * b for a, b in zip(e1, e2)]
        shift = [r / 2 * (-(1 - mpmath.cos(th)) * kk + mpmath.sin(th) * pp) for kk, pp in zip(k, p)]  # (3.3)
        return psi([a + s for a, s in zip(v, shift)]) + psi([b - s for b, s in zip(w, shift)]) - psi(v) - psi(w)

    # ∇̄ψ is a trigonometric polynomial of degree ≤ 4 in φ: the 9-point trapezoidal rule is exact
    # (tanh-sinh puts nodes at θ ~ 10^{-dps}, where ∇̄ψ = O(θ²) cancels: 80 guard digits there)
    def circle(th):
        with mpmath.extradps(80):
            return 2 * mpmath.pi / 9 * mpmath.fsum(nabla_bar(th, 2 * mpmath.pi * q / 9) for q in range(9))

    direct = mpmath.quad(lambda th: beta(th) * circle(th), [0, eps / 2])
    a2 = 2 * mpmath.pi * mpmath.quad(lambda th: beta(th) * (mpmath.cos(th) ** 2 - 1), [0, eps / 2])
    a4 = 2 * mpmath.pi * mpmath.quad(lambda th: beta(th) * (mpmath.cos(th) ** 4 - 1), [0, eps / 2])
    subs = {bmo.A2: a2, bmo.A4: a4, **{s: x for s, x in zip(bmo.V, v)}, **{s: x for s, x in zip(bmo.W, w)}}
    formula = mpmath.mpf(str(sp.N(bmo.boltzmann_weak_polynomial(alpha).subs(subs), 30)))
    return relative_residual(direct, formula)


register(Identity(
    id="grazing-limit-polynomial-weak-forms",
    title="Lemma 3.3 for ψ of degree ≤ 4, γ = 0: ⟨Q_B^ε, ψ⟩ → ⟨Q_L, ψ⟩ exactly, gap (ε²/3π)∫χ⁴β·(2F₂ + 10F₄)",
    statement=r"\int_{S^2} b^\epsilon\bar\nabla\psi\,d\sigma = F_2A_2^\epsilon + F_4A_4^\epsilon \to (\nabla-\nabla_*)\cdot[|g|^2\Pi(\nabla\psi-\nabla_*\psi_*)],\ A_2^\epsilon+16 = \tfrac{2\epsilon^2}{3\pi}\int\chi^4\beta + O(\epsilon^4),\ A_4^\epsilon+32 = \tfrac{10\epsilon^2}{3\pi}\int\chi^4\beta + O(\epsilon^4)",
    reference=REFERENCE_LEMMA,
    kind="identity",
    method="exact: circle average of ∇̄v^α in the geometry (3.3) as a polynomial in cos θ, for all 35 monomials; "
           "limit against the Landau integrand of (3.12); Taylor series of cos^m θ − 1 for the ε² constants",
    check=check_polynomial_weak_forms,
    cross_check=CrossCheck(_weak_polynomial_numeric, 1e-10,  # nested tanh-sinh at 15 digits on θ^{1−ν}: ≤ 1e-12
                           "mpmath quadrature over θ and p ∈ S¹_{k⊥} of β^ε∇̄v^α at drawn (v, v_*), ν, ε against "
                           "F₂A₂^ε + F₄A₄^ε", examples=4),
))


def check_anisotropic_rate(rate_factor=sp.Integer(3)) -> Outcome:
    """d/dt of the traceless centred second moment against −rate_factor·μ·(itself), μ = −A₂/4."""
    rates = dict(zip(bmo.monomials(), bmo.boltzmann_moment_rates()))
    m = bmo.moment_symbols()
    mu = -bmo.A2 / 4
    centred = {}
    mass = m[(0, 0, 0)]
    mom = [m[(1, 0, 0)], m[(0, 1, 0)], m[(0, 0, 1)]]
    second = {(i, j): m[tuple(int(q == i) + int(q == j) for q in range(3))] for i in range(3) for j in range(3)}
    dsecond = {(i, j): rates[tuple(int(q == i) + int(q == j) for q in range(3))] for i in range(3) for j in range(3)}
    residuals = []
    for i in range(3):
        for j in range(3):
            # centred P_ij = M_ij − J_iJ_j/ρ (ρ, J conserved: d/dt P = d/dt M); traceless part
            centred[(i, j)] = second[(i, j)] - mom[i] * mom[j] / mass
            trace = sum(second[(q, q)] - mom[q] ** 2 / mass for q in range(3))
            target = centred[(i, j)] - (trace / 3 if i == j else 0)
            dtrace = sum(dsecond[(q, q)] for q in range(3))
            lhs = dsecond[(i, j)] - (dtrace / 3 if i == j else 0)
            residuals.append(sp.simplify(lhs + rate_factor * mu * mass * target))
    energy_conserved = sp.simplify(sum(dsecond[(q, q)] for q in range(3))) == 0
    ok = all(r == 0 for r in residuals) and energy_conserved
    return Outcome("verified" if ok else "refuted", {
        "residuals": [str(r) for r in residuals], "energy_conserved": bool(energy_conserved),
        "rate": "2dμ/(d−1) = 3μ (d = 3), μ = −A₂/4 = (π/2)∫β sin²θ; grazing limit 12 = 4dC at C = 1"})


def _anisotropic_rate_numeric(draw) -> mpmath.mpf:
    """An anisotropic Gaussian's d/dt M_200 from its exact moments and the quadratic form, with
    (A₂, A₄) by mpmath quadrature for a drawn power-law β^ε, against −3μ(M_200 − tr/3)."""
    nu = mpmath.mpf(draw(real(0.2, 1.8)))
    eps = mpmath.mpf(draw(real(0.05, 1.0)))
    s = [mpmath.mpf(draw(real(0.3, 2.0))) for _ in range(3)]
    c_nu = 8 / mpmath.pi * (2 - nu) * (2 / mpmath.pi) ** (2 - nu)
    beta = lambda th: mpmath.pi**3 / eps**3 * c_nu * (mpmath.pi * th / eps) ** (-1 - nu)  # noqa: E731
    a2 = 2 * mpmath.pi * mpmath.quad(lambda th: beta(th) * (mpmath.cos(th) ** 2 - 1), [0, eps / 2])
    moments = {}
    for alpha, sym in bmo.moment_symbols().items():  # centred diagonal Gaussian: Π E[x^a], E[x^{2k}] = s^k(2k−1)!!
        moments[sym] = mpmath.fprod((0 if a % 2 else s[i] ** (a // 2) * mpmath.fac2(a - 1)) for i, a in enumerate(alpha))
    rate = dict(zip(bmo.monomials(), bmo.boltzmann_moment_rates()))[(2, 0, 0)]
    lhs = mpmath.mpf(str(sp.N(rate.subs(moments).subs({bmo.A2: a2, bmo.A4: 0}), 30)))
    rhs = -3 * (-a2 / 4) * (s[0] - sum(s) / 3)
    return relative_residual(lhs, rhs)


register(Identity(
    id="boltzmann-anisotropic-second-moment-rate",
    title="Maxwell-molecule Boltzmann: anisotropic second moments relax at rate 2dμ/(d−1) = 3μ (d = 3) for any b",
    statement=r"\tfrac{d}{dt}\big(P-\tfrac{\mathrm{tr}P}{3}I\big) = -\tfrac{2d\mu}{d-1}\rho\big(P-\tfrac{\mathrm{tr}P}{3}I\big),\ \mu = \tfrac{\pi}{2}\int_0^{\pi/2}\beta\sin^2\theta\,d\theta",
    reference=REFERENCE_RATE,
    kind="rate",
    method="exact: the degree-2 rows of the generated moment system (quadratic form in the moments)",
    check=check_anisotropic_rate,
    cross_check=CrossCheck(_anisotropic_rate_numeric, 1e-12,  # mpmath at 15 digits, one quadrature: ~1e-15
                           "an anisotropic Gaussian's moment rate with A₂ by mpmath quadrature of a drawn β^ε",
                           examples=6),
))
