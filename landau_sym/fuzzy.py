"""Objects of the fuzzy Landau equation of 002_5194c2b1fb63adc7.txt (Duong, He).

- The spatial kernels κ (unnormalised profiles, as functions of r² = |x − x*|² and the width σ):
  the exponential family of Remark 2.2, κ^σ ∝ exp(−⟨x/√σ⟩) with ⟨z⟩ = √(1 + |z|²) (the shape of
  (2.2)), and the Gaussian exp(−|x|²/(2σ)). The numeric layer normalises them on the torus
  (‖κ‖_{L¹(T^{d_x})} = 1, as (2.2) requires).
- The Maxwell-molecule (γ = 0) per-cell moment law of the collision part of (1.1): with
  g = κ ∗_x f, ρ, j, P the mass, momentum and second-moment matrix of f(x, ·) and ρ_g, m_g, P_g
  those of g(x, ·), the weak form d/dt ∫φ f = ∫ f [ā_g : D²φ + 2 b̄_g·∇φ] (two integrations by
  parts of Q_fuz(f)(x, ·) = ∇_v·(ā_g∇_v f − b̄_g f), div ā_g = b̄_g) gives a closed system for
  (ρ, j, P) at every x, for any κ (:func:`maxwell_cell_moment_rates`). It is derived in
  ``landau_sym.identities.seed002_fuzzy_reduction``, which checks this closed form against the
  weak form with symbolic moments.
"""
from __future__ import annotations

import sympy as sp


def exponential_profile(r2: sp.Expr, sigma: sp.Expr) -> sp.Expr:
    """exp(−⟨x/√σ⟩) = exp(−√(1 + |x|²/σ)) (002_5194c2b1fb63adc7.txt Remark 2.2, unnormalised)."""
    return sp.exp(-sp.sqrt(1 + r2 / sigma))


def gaussian_profile(r2: sp.Expr, sigma: sp.Expr) -> sp.Expr:
    """exp(−|x|²/(2σ)) (unnormalised), the Gaussian spatial kernel of width √σ."""
    return sp.exp(-r2 / (2 * sigma))


def maxwell_cell_moment_rates(d: int, C, rho, j, P, rho_g, m_g, P_g):
    """(dρ/dt, dj/dt, dP/dt) of one cell under ∂ₜf = Q_fuz(f) with γ = 0 and constant C:

        dρ/dt = 0,
        dj/dt = −2C(d − 1)(ρ_g j − ρ m_g),
        dP/dt = 2C[ρ_g(tr P I − P) + ρ(tr P_g I − P_g) − 2(j·m_g)I + j⊗m_g + m_g⊗j]
                − 2C(d − 1)[2ρ_g P − j⊗m_g − m_g⊗j],

    ``j``, ``m_g`` d×1 and ``P``, ``P_g`` d×d sympy matrices (or anything supporting the same
    algebra). With κ = δ (g = f) and the normalisation (1, 0, d) it is P′ = −4dC(P − I) of
    004_b333c7817a08033b.txt Proposition 2."""
    eye = sp.eye(d)
    jm = (j.T * m_g)[0, 0]
    outer = j * m_g.T + m_g * j.T
    drho = sp.Integer(0)
    dj = -2 * C * (d - 1) * (rho_g * j - rho * m_g)
    dP = (2 * C * (rho_g * (P.trace() * eye - P) + rho * (P_g.trace() * eye - P_g) - 2 * jm * eye + outer)
          - 2 * C * (d - 1) * (2 * rho_g * P - outer))
    return drho, dj, dP
