"""The constant Λ of the sphere in Proposition 3.5 of 003_2ee84d6b3c804a54.txt, bounded by Rayleigh quotients.

Λ is the largest constant with ∫_{S²} f Γ₂(log f, log f) dσ ≥ Λ ∫_{S²} f |∇_σ log f|² dσ for positive
even f (the Bakry–Émery form of [16, Lemma 9.1]; Ji [20]: Λ ≥ 11/2), Γ₂(u, u) = |∇²_σ u|² + |∇_σ u|²
on S² (Ricci curvature 1). Any positive even f gives the upper bound Λ ≤ Q(f), the quotient of the
two integrals. For zonal f = e^{g(x)}, x = cos θ, with u_θθ = (1 − x²)g″ − xg′ and cot θ·u_θ = −xg′:

  Q(g) = ∫₋₁¹ e^g [((1 − x²)g″ − xg′)² + x²g′² + (1 − x²)g′²] dx / ∫₋₁¹ e^g (1 − x²)g′² dx.

``seed003-sphere-constant`` minimises Q over even polynomials g = Σ_{k≤K} c_k x^{2k} (Gauss–Legendre,
400 nodes; Nelder–Mead, fixed starts), reports the upper bound on Λ, checks that no quotient falls
below the cited 11/2 (else Ji's bound would be contradicted), that the linearisation c → 0 gives the
ℓ = 2 value 6 = ℓ(ℓ+1), and the margin the proof of (15) needs: s = γ²/(2·0.99²) ≤ 5000/1089 ≈ 4.591
≤ 11/2 ≤ Λ (so s/(2Λ) ≤ 1/2). It is numeric evidence, not a proof of the lower bound.
"""
from __future__ import annotations

import mpmath
import numpy as np
from hypothesis import strategies as st

from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import real

SEED = "003_2ee84d6b3c804a54.txt"
CITED_LOWER = 5.5
NODES = 400
DEGREES = (1, 2, 3, 4)


def _g_derivatives(c, x):
    g = sum(ck * x ** (2 * k + 2) for k, ck in enumerate(c))
    g1 = sum(ck * (2 * k + 2) * x ** (2 * k + 1) for k, ck in enumerate(c))
    g2 = sum(ck * (2 * k + 2) * (2 * k + 1) * x ** (2 * k) for k, ck in enumerate(c))
    return g, g1, g2


def rayleigh_quotient(c) -> float:
    """Q(g) for g = Σ c_k x^{2k+2} by Gauss–Legendre quadrature in x = cos θ."""
    x, w = np.polynomial.legendre.leggauss(NODES)
    g, g1, g2 = _g_derivatives(np.asarray(c, dtype=float), x)
    e = np.exp(g - g.max())
    gamma2 = ((1 - x**2) * g2 - x * g1) ** 2 + x**2 * g1**2 + (1 - x**2) * g1**2
    return float((w * e * gamma2).sum() / (w * e * (1 - x**2) * g1**2).sum())


def rayleigh_quotient_mp(c) -> mpmath.mpf:
    """The same quotient in θ with mpmath quadrature (Hessian eigenvalues u_θθ and cot θ·u_θ)."""
    c = [mpmath.mpf(ck) for ck in c]
    def g(t):
        return sum(ck * mpmath.cos(t) ** (2 * k + 2) for k, ck in enumerate(c))

    def g1(t):  # d/dθ of cos^{2k+2}θ = −(2k+2)cos^{2k+1}θ sin θ
        return sum(-ck * (2 * k + 2) * mpmath.cos(t) ** (2 * k + 1) * mpmath.sin(t) for k, ck in enumerate(c))

    def g2(t):
        return sum(ck * (2 * k + 2) * ((2 * k + 1) * mpmath.cos(t) ** (2 * k) * mpmath.sin(t) ** 2 - mpmath.cos(t) ** (2 * k + 2))
                   for k, ck in enumerate(c))
    num = mpmath.quad(lambda t: mpmath.exp(g(t)) * (g2(t) ** 2 + (mpmath.cos(t) / mpmath.sin(t) * g1(t)) ** 2 + g1(t) ** 2)
                      * mpmath.sin(t), [0, mpmath.pi / 2, mpmath.pi])
    den = mpmath.quad(lambda t: mpmath.exp(g(t)) * g1(t) ** 2 * mpmath.sin(t), [0, mpmath.pi / 2, mpmath.pi])
    return num / den


def minimise(degree: int, starts: int = 4) -> tuple[float, list[float]]:
    from scipy.optimize import minimize

    best = None
    for seed in range(starts):
        x0 = np.random.default_rng(seed).normal(size=degree) * 2
        result = minimize(rayleigh_quotient, x0, method="Nelder-Mead",
                          options={"maxiter": 20000, "xatol": 1e-10, "fatol": 1e-12})
        if best is None or result.fun < best.fun:
            best = result
    return float(best.fun), [float(v) for v in best.x]


def check_sphere_constant() -> Outcome:
    rows = {}
    for degree in DEGREES:
        value, coefficients = minimise(degree)
        rows[f"degree {2 * degree}"] = {"min Q": value, "g coefficients of x^2, x^4, ...": coefficients}
    upper = min(r["min Q"] for r in rows.values())
    best = min(rows.values(), key=lambda r: r["min Q"])["g coefficients of x^2, x^4, ..."]
    linearisation = rayleigh_quotient([1e-6])
    needed = 5000 / 1089
    consistent = upper >= CITED_LOWER and abs(linearisation - 6) < 1e-4
    return Outcome("verified" if consistent else "refuted", {
        "zonal Rayleigh quotients": rows,
        "upper bound on Lambda": upper, "mpmath quadrature at the best g": float(rayleigh_quotient_mp(best)),
        "cited lower bound (Ji)": CITED_LOWER, "linearisation c -> 0 (l = 2: 6)": linearisation,
        "needed by (15): sup s = gamma^2/(2*0.99^2) at gamma -> -3": needed,
        "margin s/(2 Lambda) at Lambda = 11/2": needed / (2 * CITED_LOWER),
        "consequence": f"11/2 ≤ Λ ≤ {upper:.4f}: Remark 3.6's threshold θ > −γ/√22 cannot go below −γ/√{4 * upper:.2f} "
                       "with this method",
    })


def _sphere_numeric(draw) -> mpmath.mpf:
    """Gauss–Legendre in x vs mpmath quadrature in θ for drawn even g (two independent formulas)."""
    c = [draw(real(-2.0, 3.0)) for _ in range(draw(st.integers(1, 3)))]
    if all(abs(ck) < 1e-3 for ck in c):
        c[0] = 1.0
    return relative_residual(mpmath.mpf(rayleigh_quotient(c)), rayleigh_quotient_mp(c))


register(Identity(
    id="seed003-sphere-constant",
    title="Λ of the sphere (Proposition 3.5): 11/2 ≤ Λ ≤ 5.730 by zonal Rayleigh quotients; the margin of (15)",
    statement=r"D_{spherical}\ge2\Lambda R_{spherical},\quad \Lambda\ge\tfrac{11}{2},\quad \frac{\gamma^2}{2(0.99)^2}\le\frac{11}{2}\le\Lambda",
    reference=f"{SEED}, Proposition 3.5 (Step 3), Remark 3.6",
    kind="inequality",
    method="numeric: Rayleigh quotients of even zonal e^g on S² (Gauss–Legendre, Nelder–Mead); upper bound only",
    check=check_sphere_constant,
    cross_check=CrossCheck(_sphere_numeric, 1e-8, "Gauss–Legendre (x = cos θ) vs mpmath quadrature in θ for drawn g; "
                                                  "1e-8: float64 quadrature with 400 nodes", examples=4),
    quick=False,
))
