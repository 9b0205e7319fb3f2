"""Time steppers for autonomous systems y′ = F(y) on numpy arrays.

- ``rk4``: the classical explicit Runge–Kutta method of order 4;
- ``midpoint``: the implicit midpoint rule y₁ = y₀ + Δt F((y₀ + y₁)/2), order 2 and symplectic;
  it preserves every quadratic invariant of the flow exactly, so for the blob system the energy
  Σ w_p|v_p|² as well as momentum. The implicit equation is solved to ``tol`` (max-norm of the
  residual, relative to the state's scale): by fixed-point iteration while it contracts, and by
  Jacobian-free Newton–Krylov (scipy) when it does not (stiff regimes, where the fixed-point map's
  Lipschitz constant Δt·Lip(F)/2 exceeds 1). Failure raises :class:`ConvergenceError`, so a step
  is never silently inaccurate; the invariants hold to the solver tolerance.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

Rhs = Callable[[np.ndarray], np.ndarray]


class ConvergenceError(RuntimeError):
    pass


def rk4_step(rhs: Rhs, y: np.ndarray, dt: float) -> np.ndarray:
    k1 = rhs(y)
    k2 = rhs(y + 0.5 * dt * k1)
    k3 = rhs(y + 0.5 * dt * k2)
    k4 = rhs(y + dt * k3)
    return y + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4)


def implicit_midpoint_step(rhs: Rhs, y: np.ndarray, dt: float, tol: float = 1e-12, max_iter: int = 50) -> np.ndarray:
    scale = max(1.0, float(np.max(np.abs(y))))
    y_new = y + dt * rhs(y)  # explicit Euler predictor
    previous = np.inf
    for _ in range(max_iter):
        y_next = y + dt * rhs(0.5 * (y + y_new))
        change = float(np.max(np.abs(y_next - y_new)))
        y_new = y_next
        if change <= tol * scale:
            return y_new
        if change > 0.5 * previous:  # not contracting fast enough: switch to Newton–Krylov
            break
        previous = change
    return _newton_krylov_midpoint(rhs, y, dt, y_new, tol * scale)


def _newton_krylov_midpoint(rhs: Rhs, y: np.ndarray, dt: float, guess: np.ndarray, f_tol: float) -> np.ndarray:
    from scipy.optimize import NoConvergence, newton_krylov

    def residual(z):
        return z - y - dt * rhs(0.5 * (y + z))

    try:
        return newton_krylov(residual, guess, f_tol=f_tol, maxiter=200)
    except (NoConvergence, ValueError) as exc:
        raise ConvergenceError(f"implicit midpoint: Newton–Krylov did not converge ({exc}); reduce dt={dt}") from None


SCHEMES: dict[str, Callable] = {"rk4": rk4_step, "midpoint": implicit_midpoint_step}


def get_scheme(name: str):
    if name not in SCHEMES:
        raise ValueError(f"unknown scheme {name!r}; known schemes: {', '.join(SCHEMES)}")
    return SCHEMES[name]
