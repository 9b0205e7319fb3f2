"""Angular kernels of the Boltzmann operator, defined once (001_213bc0b3a2bddff3.txt (1.1), §3.1).

Conventions (DESIGN.md §8, seed 001 (1.1), (3.2)):

    Q_B(f, f)(v) = ∫∫_{S²} [f′f′_* − ff_*] B(|v − v_*|, θ) dσ dv_*,   cos θ = k·σ,
    B(r, θ) = r^γ b(θ),   β(θ) = sin θ · b(θ)   (so ∫_{S²} b dσ = 2π ∫ β dθ),

with the kernel symmetrised to θ ∈ [0, π/2]: σ → −σ swaps v′ and v′_*, so b(θ) on [0, π] and
b(θ) + b(π − θ) on [0, π/2] give the same Q_B. Every β below is this symmetrised 3D β(θ).

Kernels:

- ``maxwell_beta``: isotropic Maxwell molecules b = 1/(4π) on the whole sphere, i.e.
  b = 1/(2π) after symmetrisation, β(θ) = sin θ/(2π) on [0, π/2] (∫_{S²} b dσ = 1).
- ``power_beta``: non-cutoff power law β = c_ν θ^{−1−ν}, ν ∈ (0, 2), on (0, π/2], with c_ν fixed by
  the normalisation (2.2) ∫₀^{π/2} θ²β dθ = 8/π (Remark 2.4: C_β = 1).
- ``cutoff_beta``: the same power law cut off below θ_c (Grad's cut-off; ∫β < ∞), same c_ν.
- ``grazing_beta``: the seed's family β^ε(θ) = (π³/ε³) β(πθ/ε) (§3.1, β extended by zero beyond
  π/2, so β^ε lives on (0, ε/2]); it keeps (2.2) for every ε (Remark 3.1).
- ``coulomb_beta``: Remark 2.6, β^ε(θ) = (1/log ε^{−1}) 1_{θ ≥ ε} β(θ) with β = (8/π) θ^{−3}
  (ν = 2, for which (2.2) itself fails); its angular momentum transfer
  ∫θ²β^ε = (8/π)(1 + log(π/2)/log ε^{−1}) → 8/π only logarithmically.

Spectral data (Bobylev; for Maxwell molecules γ = 0):

- ``funk_hecke_eigenvalue(n)``: λ_n = ∫_{S²} b(k·σ) P_n(k·σ) dσ = 2π ∫ β(θ) P_n(cos θ) dθ, and
  μ_n = λ_n − λ_0 = 2π ∫ β (P_n(cos θ) − 1) dθ, finite for every kernel with (2.2) (the
  difference is O(θ²)). Bobylev: the Fourier transform φ of a radial f evolves by
  ∂ₜφ(k) = ∫ b(k̂·σ)[φ(k₊)φ(k₋) − φ(k)φ(0)] dσ, |k_±|² = |k|²(1 ± k̂·σ)/2.
- ``bkw_rate``: the BKW solution K(t) = 1 − (1 − K₀)e^{−μt} of the Boltzmann equation for any b,
  μ = ¼ ∫_{S²} b (1 − (k·σ)²) dσ = (π/2) ∫ β sin²θ dθ = −μ₂/6 (verified in
  ``landau_sym.identities.boltzmann_maxwell``). For the isotropic kernel μ = 1/6; for every β
  with (2.2), μ → 4 = 2C_β(d − 1) (the Landau BKW rate with C = 1) in the grazing limit.
"""
from __future__ import annotations

import sympy as sp

THETA = sp.Symbol("theta", positive=True)
NU = sp.Symbol("nu", positive=True)
EPS = sp.Symbol("eps", positive=True)
CUT = sp.Symbol("theta_c", positive=True)
ANGULAR_MOMENTUM_TRANSFER = 8 / sp.pi
"""The right-hand side of (2.2)."""


def maxwell_beta(theta=THETA) -> sp.Expr:
    """β(θ) = sin θ/(2π) on [0, π/2]: the isotropic b = 1/(4π), symmetrised (b doubles)."""
    return sp.sin(theta) / (2 * sp.pi)


def power_constant(nu=NU) -> sp.Expr:
    """c_ν with ∫₀^{π/2} θ² c_ν θ^{−1−ν} dθ = 8/π ((2.2)), ν < 2."""
    return ANGULAR_MOMENTUM_TRANSFER * (2 - nu) * (2 / sp.pi) ** (2 - nu)


def power_beta(theta=THETA, nu=NU) -> sp.Expr:
    """β(θ) = c_ν θ^{−1−ν} on (0, π/2] (normalised by (2.2))."""
    return power_constant(nu) * theta ** (-1 - nu)


def cutoff_beta(theta=THETA, nu=NU, cut=CUT) -> sp.Expr:
    """The power law with Grad's angular cut-off: c_ν θ^{−1−ν} for θ ≥ θ_c, 0 below."""
    return sp.Piecewise((power_beta(theta, nu), theta >= cut), (0, True))


def grazing_beta(theta=THETA, nu=NU, eps=EPS, base=power_beta) -> sp.Expr:
    """β^ε(θ) = (π³/ε³) β(πθ/ε), seed 001 §3.1, for the base kernel ``base`` (the normalised
    power law by default); supported in (0, ε/2]."""
    return sp.pi**3 / eps**3 * base(sp.pi * theta / eps, nu)


def coulomb_beta(theta=THETA, eps=EPS) -> sp.Expr:
    """Remark 2.6: β^ε = (1/log ε^{−1}) 1_{θ≥ε} β with β = (8/π)θ^{−3} (ν = 2)."""
    return sp.Piecewise((ANGULAR_MOMENTUM_TRANSFER * theta**-3 / sp.log(1 / eps), theta >= eps), (0, True))


def angular_integral(beta: sp.Expr, weight: sp.Expr, lower=0, upper=sp.pi / 2, theta=THETA) -> sp.Expr:
    """∫ weight(θ) β(θ) dθ over [lower, upper] (β's own support)."""
    return sp.integrate(weight * beta, (theta, lower, upper))


def sphere_integral(beta: sp.Expr, g, lower=0, upper=sp.pi / 2, theta=THETA) -> sp.Expr:
    """∫_{S²} b(k·σ) g(k·σ) dσ = 2π ∫ β(θ) g(cos θ) dθ (the change of variables of §3.2)."""
    return 2 * sp.pi * angular_integral(beta, g(sp.cos(theta)), lower, upper, theta)


def funk_hecke_eigenvalue_difference(beta: sp.Expr, n: int, lower=0, upper=sp.pi / 2, theta=THETA) -> sp.Expr:
    """μ_n = λ_n − λ_0 = 2π ∫ β(θ)(P_n(cos θ) − 1) dθ (Bobylev's eigenvalues; finite under (2.2))."""
    x = sp.Symbol("x")
    return sphere_integral(beta, lambda c: sp.legendre(n, x).subs(x, c) - 1, lower, upper, theta)


def bkw_rate(beta: sp.Expr, lower=0, upper=sp.pi / 2, theta=THETA) -> sp.Expr:
    """μ = ¼ ∫_{S²} b (1 − (k·σ)²) dσ = (π/2) ∫ β sin²θ dθ: K(t) = 1 − (1 − K₀)e^{−μt}."""
    return sphere_integral(beta, lambda c: (1 - c**2) / 4, lower, upper, theta)


def landau_constant(beta: sp.Expr, lower=0, upper=sp.pi / 2, theta=THETA) -> sp.Expr:
    """C_β = (π/8) ∫₀^{π/2} θ²β dθ, the collision constant of the Landau limit (seed 001 §1)."""
    return sp.pi / 8 * angular_integral(beta, theta**2, lower, upper, theta)
