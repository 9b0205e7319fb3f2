"""Closed-form second-moment laws for Maxwell molecules (γ = 0), exact and regularised.

- Landau (DESIGN.md §5, 004_b333c7817a08033b.txt Proposition 2; verified in the registry as
  ``second-moment-law``): Σ′ = −4dC(Σ − (tr Σ/d) I), so Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}.
- The ε-regularised flow solved by the blob method (000_2c86dc742ea51118.txt §2) with a Gaussian
  mollifier of variance ε, at an instant where f = N(0, Σ) with Σ = diag(s): then
  f_ε = N(0, Σ + εI), δH_ε/δf = ψ_ε ∗ log f_ε has gradient −(Σ + εI)⁻¹v exactly, and the flow is
  the transport ∂ₜf + ∇·(f u) = 0 with u(v) = C E_w[(|z|²I − z⊗z)Bz], z = v − w, B = (Σ + εI)⁻¹.
  Since v − w and v + w are independent for i.i.d. Gaussians, E[g(z)vᵀ] = ½E[g(z)zᵀ] for odd g,
  and with z ~ N(0, 2Σ) Isserlis' theorem gives
      (Σ′)_ii = 4C s_i [ tr Σ/(s_i + ε) − Σ_k s_k/(s_k + ε) ],   off-diagonal 0.
  At ε = 0 this is the Landau law. At ε comparable to the smallest variance the relaxation is
  much slower: this, not the time step, bounds how well a blob run follows the Landau law.
"""
from __future__ import annotations

import numpy as np


def landau_second_moments(sigma0: np.ndarray, C: float, t: float) -> np.ndarray:
    d = sigma0.shape[0]
    sigma_inf = np.trace(sigma0) / d * np.eye(d)
    return sigma_inf - (sigma_inf - sigma0) * np.exp(-4 * d * C * t)


def regularised_second_moment_rate(variances: np.ndarray, C: float, eps: float) -> np.ndarray:
    """Σ′ of the Gaussian-mollified γ = 0 flow at f = N(0, diag(variances)) (module docstring)."""
    s = np.asarray(variances, dtype=float)
    shrink = s / (s + eps)
    return np.diag(4 * C * s * (s.sum() / (s + eps) - shrink.sum()))
