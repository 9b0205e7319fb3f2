"""Transport between discrete measures — grid measures and weighted clouds — through POT.

A :class:`DiscreteMeasure` is a set of points with probability weights; a *grid measure* also
carries the cell volume of a uniform grid, so that it stands for the piecewise-constant density
weights/cell_volume and has an entropy H = Σ a log(a/|cell|) (the midpoint rule of ∫ f log f).

- :func:`w2_squared`: W₂² = min ⟨Π, M⟩ with M_ij = |x_i − y_j|² (``ot.dist``, squared Euclidean),
  solved exactly by the network simplex ``ot.emd2``.
- :func:`entropic_cost`: the entropic problem of 004_b333c7817a08033b.txt (1.2), solved by POT's
  log-domain Sinkhorn ``ot.bregman.sinkhorn_log`` (stable for small ε), or — ``method="auto"``
  when max M/ε ≤ 500, so that the Gibbs kernel e^{−M/ε} ≥ e^{−500} stays a normal double — by
  the faster scaling form ``ot.bregman.sinkhorn_knopp`` (same iteration, same fixed point). POT minimises
  ⟨Π, M⟩ + ε Σ Π log Π, whose minimiser is the minimiser of ⟨Π, M⟩ + ε KL(Π | a⊗b) as well
  (the two objectives differ by the constant ε(Σ a log a + Σ b log b) on couplings). From the plan
  Π both costs are evaluated:
      product reference   T_ε^⊗   = ⟨Π, M⟩ + ε KL(Π | a⊗b)                    (as printed in (1.2)),
      Lebesgue reference  T_ε^Leb = ⟨Π, M⟩ + ε Σ Π log(Π/(|cell_a||cell_b|))    (grid measures only),
  and KL(Π | a⊗b) = H_Leb(Π) − H(a) − H(b) with a, b the marginals of Π is checked to round-off
  (``identity_residual``). On a grid KL(Π|a⊗b) equals the continuous H(Π̄|μ̄⊗ν̄) of the piecewise-
  constant densities exactly (the cell volumes cancel), so only the cost ⟨Π, M⟩ carries a
  discretisation error (atoms at the cell centres).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import ot

EMD_MAX_ITER = 10_000_000
SINKHORN_MAX_ITER = 200_000
SINKHORN_TOL = 1e-10
SINKHORN_METHODS = ("auto", "log", "scaling")
SCALING_MAX_EXPONENT = 500.0  # e^{−500} ≈ 7e-218: far above the double underflow at ~1e-308


@dataclass(frozen=True)
class DiscreteMeasure:
    points: np.ndarray            # (n, d)
    weights: np.ndarray           # (n,), non-negative, summing to 1
    cell_volume: float | None = None  # set for a grid measure (piecewise-constant density)

    def __post_init__(self):
        p, w = np.asarray(self.points, dtype=float), np.asarray(self.weights, dtype=float)
        if p.ndim != 2 or w.shape != (p.shape[0],):
            raise ValueError(f"points must be (n, d) and weights (n,), got {p.shape} and {w.shape}")
        if not (np.all(np.isfinite(p)) and np.all(np.isfinite(w)) and np.all(w >= 0)):
            raise ValueError("points and weights must be finite, weights >= 0")
        if abs(w.sum() - 1.0) > 1e-12:
            raise ValueError(f"weights must sum to 1, got {w.sum()!r}")
        if self.cell_volume is not None and not self.cell_volume > 0:
            raise ValueError(f"cell_volume must be > 0, got {self.cell_volume!r}")

    @property
    def entropy(self) -> float:
        """H = Σ a log(a/|cell|) of a grid measure (∫ f log f of the piecewise-constant density)."""
        if self.cell_volume is None:
            raise ValueError("the entropy (Lebesgue reference) needs a grid measure (cell_volume)")
        a = self.weights[self.weights > 0]
        return float(np.sum(a * np.log(a / self.cell_volume)))


def grid_measure(f: np.ndarray, grid, support_tolerance: float = 0.0) -> DiscreteMeasure:
    """The probability measure of a density f ≥ 0 sampled at the cells of ``grid`` (a
    :class:`landau_num.grid.CellGrid`), normalised to mass 1. Cells with weight ≤
    support_tolerance × max weight are dropped (they carry no mass when the tolerance is 0)."""
    values = np.asarray(f, dtype=float).ravel()
    if values.shape != (grid.size,):
        raise ValueError(f"f must have {grid.size} values for this grid, got {values.shape}")
    if np.any(values < 0) or not np.all(np.isfinite(values)):
        raise ValueError(f"f must be finite and >= 0 (min {values.min()!r}); clip a reconstruction first")
    if not 0 <= support_tolerance < 1:
        raise ValueError(f"support_tolerance must lie in [0, 1), got {support_tolerance!r}")
    keep = values > support_tolerance * values.max()
    w = values[keep]
    return DiscreteMeasure(grid.points[keep], w / w.sum(), grid.cell_volume)


def cost_matrix(mu: DiscreteMeasure, nu: DiscreteMeasure) -> np.ndarray:
    """M_ij = |x_i − y_j|² (the cost of W₂², not ½ of it)."""
    if mu.points.shape[1] != nu.points.shape[1]:
        raise ValueError("both measures must live in the same dimension")
    return ot.dist(mu.points, nu.points, metric="sqeuclidean")


def w2_squared(mu: DiscreteMeasure, nu: DiscreteMeasure) -> float:
    """W₂²(μ, ν) exactly (network simplex)."""
    value, log = ot.emd2(mu.weights, nu.weights, cost_matrix(mu, nu), numItermax=EMD_MAX_ITER, log=True)
    if log.get("warning"):
        raise RuntimeError(f"ot.emd2 did not converge: {log['warning']}")
    return float(value)


@dataclass(frozen=True)
class EntropicCost:
    eps: float
    transport: float              # ⟨Π, M⟩
    kl_product: float             # KL(Π | a⊗b), a, b the marginals of Π
    product: float                # T_ε^⊗ = transport + ε kl_product
    lebesgue: float | None        # T_ε^Leb (grid measures)
    lebesgue_entropy: float | None  # Σ Π log(Π/(|cell_a||cell_b|))
    entropies: tuple[float, float] | None  # H(a), H(b) of the plan's marginals
    identity_residual: float | None  # |H_Leb(Π) − KL(Π|a⊗b) − H(a) − H(b)|
    marginal_error: float         # ℓ¹ distance of Π's marginals to the prescribed weights
    iterations: int
    method: str


def _xlogy(p: np.ndarray, q: np.ndarray) -> float:
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def entropic_cost(mu: DiscreteMeasure, nu: DiscreteMeasure, eps: float, tol: float = SINKHORN_TOL,
                  max_iter: int = SINKHORN_MAX_ITER, method: str = "auto") -> EntropicCost:
    """T_ε with both references from the Sinkhorn plan (module docstring); ``method`` is "log"
    (log-domain), "scaling" or "auto" (scaling when max M/ε ≤ 500, else log-domain)."""
    if not (isinstance(eps, (int, float)) and math.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a finite number > 0, got {eps!r}")
    if method not in SINKHORN_METHODS:
        raise ValueError(f"method must be one of {SINKHORN_METHODS}, got {method!r}")
    M = cost_matrix(mu, nu)
    if method == "auto":
        method = "scaling" if M.max() / eps <= SCALING_MAX_EXPONENT else "log"
    solver = ot.bregman.sinkhorn_log if method == "log" else ot.bregman.sinkhorn_knopp
    with np.errstate(over="ignore"):  # exp of −∞-like log-entries; convergence is checked below
        plan, log = solver(mu.weights, nu.weights, M, reg=eps, numItermax=max_iter, stopThr=tol, log=True,
                           warn=False)
    if not np.all(np.isfinite(plan)):
        raise RuntimeError(f"Sinkhorn returned a non-finite plan (eps={eps})")
    a, b = plan.sum(axis=1), plan.sum(axis=0)
    marginal_error = float(np.abs(a - mu.weights).sum() + np.abs(b - nu.weights).sum())
    if not marginal_error < 100 * tol:
        raise RuntimeError(f"Sinkhorn did not converge: marginal error {marginal_error:.2e} after {log['niter']} "
                           f"iterations (eps={eps}); raise max_iter or eps")
    transport = float(np.sum(plan * M))
    kl = _xlogy(plan, np.outer(a, b))
    lebesgue = leb_entropy = entropies = residual = None
    if mu.cell_volume is not None and nu.cell_volume is not None:
        leb_entropy = _xlogy(plan, np.full(plan.shape, mu.cell_volume * nu.cell_volume))
        entropies = (_xlogy(a, np.full(a.shape, mu.cell_volume)), _xlogy(b, np.full(b.shape, nu.cell_volume)))
        residual = abs(leb_entropy - kl - entropies[0] - entropies[1])
        lebesgue = transport + eps * leb_entropy
    return EntropicCost(eps=float(eps), transport=transport, kl_product=kl, product=transport + eps * kl,
                        lebesgue=lebesgue, lebesgue_entropy=leb_entropy, entropies=entropies,
                        identity_residual=residual, marginal_error=marginal_error, iterations=int(log["niter"]),
                        method=method)
