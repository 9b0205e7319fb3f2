"""One step of the Landau JKO scheme for particle measures (000_2c86dc742ea51118.txt (27)–(28),
Definition 24, Proposition 34).

    ν₁ ∈ argmin_λ  H_ε(λ) + d_L²(ν₀, λ)/(2τ),   ν₀ = Σ w_p δ_{x_p},  λ = Σ w_p δ_{y_p},

with H_ε the blob system's entropy H_ε^h (system.py: ∂H_ε^h/∂v_p = w_p F_p exactly, so the
blob flow is the gradient flow of this very functional) and λ ranging over particle measures with
the weights of ν₀.

The distance. Definition 24 with T = 1: d_L² = inf ∫₀¹ 𝒜(μ_t, M_t) dt over grazing curves; for
particle curves the minimal action at each time is the metric derivative |μ̇|² = m·G⁺m of
:mod:`.landau_metric`, a Riemannian metric g_X(u, u) on configurations X ∈ R^{N×d}. The path is
discretised by K segments X_0 = x, X_1, …, X_K = y with the metric frozen at each segment's
midpoint:
    d_K²(x, y) = min_{X_1..X_{K−1}} Σ_j K·g_{(X_j+X_{j+1})/2}(X_{j+1} − X_j, X_{j+1} − X_j).
Why this discretisation:
- every admissible velocity conserves momentum and energy (ker G ∋ constants and v), so every
  node lies on {Σ w X = Σ w x, Σ w|X|² = Σ w|x|²}; with the metric at the midpoint, the energy
  condition Σ_p w_p X_mid,p·ΔX_p = ½(Σ w|X_{j+1}|² − Σ w|X_j|²) is exactly "equal energies at the
  nodes", so each segment is admissible iff its nodes carry the invariants — which the
  parametrisation below enforces exactly (a retraction onto that sphere);
- the midpoint rule is symmetric, so d_1²(x, y) = d²(x, y) + O(|y − x|⁴) (the O(|y − x|³)
  Christoffel term cancels), and the JKO minimiser changes by O(τ³) with K — below the O(τ²)
  difference between one JKO step and the flow that we measure. K = 2 (one intermediate
  configuration) is the default; the study checks that K = 1, 2, 4 give the same step to O(τ³).
The restriction to particle paths makes d_K an upper bound for d_L; at the tangent level (the
metric derivative, Proposition 27) the two agree, which is all that first-order agreement with the
flow uses.

The minimisation runs over the free nodes by L-BFGS (scipy) with the analytic gradient:
∂g/∂Δ = 2Wφ and ∂g/∂X_mid = −∇_X(φ·G(X)φ) (φ = G⁺WΔ; the pseudo-inverse's derivative reduces to
this because WΔ ⊥ ker G), the entropy's ∂H/∂y_p = w_p F_p, all pulled back through the retraction.
The variables are the node displacements scaled by √w_p, which makes the Hessian of the distance
term O(1/τ) for light and heavy particles alike.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

from ..validation import require_positive
from .landau_metric import form_gradient, metric_derivative

DEFAULT_SEGMENTS = 2


class _Invariants:
    """The retraction Y ↦ X = c + s(Y)(Y − ȳ(Y)), ȳ the w-mean, s = √(E/Σw|Y − ȳ|²), onto the
    configurations with the momentum Σ w X = W c and the centred energy E of a reference one."""

    def __init__(self, x: np.ndarray, w: np.ndarray):
        self.w = w
        self.total = float(w.sum())
        self.centre = (w[:, None] * x).sum(axis=0) / self.total
        self.energy = float((w[:, None] * (x - self.centre) ** 2).sum())

    def residual(self, y: np.ndarray) -> float:
        """Relative mismatch of momentum and energy between y and the reference."""
        centre = (self.w[:, None] * y).sum(axis=0) / self.total
        energy = float((self.w[:, None] * (y - centre) ** 2).sum())
        scale = np.sqrt(self.energy / self.total)
        return float(max(np.linalg.norm(centre - self.centre) / scale, abs(energy - self.energy) / self.energy))

    def retract(self, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float]:
        Z = Y - (self.w[:, None] * Y).sum(axis=0) / self.total
        Q = float((self.w[:, None] * Z * Z).sum())
        s = np.sqrt(self.energy / Q)
        return self.centre + s * Z, Z, s, Q

    def pullback(self, Z: np.ndarray, s: float, Q: float, gX: np.ndarray) -> np.ndarray:
        gZ = s * gX - (s / Q) * float((gX * Z).sum()) * self.w[:, None] * Z
        return gZ - self.w[:, None] * gZ.sum(axis=0) / self.total


def path_energy(nodes: np.ndarray, w: np.ndarray, C: float, gamma: float) -> tuple[float, np.ndarray]:
    """Σ_j K·g_{X_mid,j}(ΔX_j, ΔX_j) over the K segments of ``nodes`` (K + 1, N, d), and its gradient
    with respect to every node. +∞ (gradient nan) when a segment is not admissible."""
    K = nodes.shape[0] - 1
    total = 0.0
    grad = np.zeros_like(nodes)
    for j in range(K):
        mid = 0.5 * (nodes[j] + nodes[j + 1])
        delta = nodes[j + 1] - nodes[j]
        md = metric_derivative(mid, w, delta, C, gamma)
        if not md.admissible:
            return float("inf"), np.full_like(nodes, np.nan)
        total += K * md.action
        g_delta = 2.0 * w[:, None] * md.potential
        g_mid = -form_gradient(mid, w, md.potential, C, gamma)
        grad[j + 1] += K * (g_delta + 0.5 * g_mid)
        grad[j] += K * (-g_delta + 0.5 * g_mid)
    return total, grad


@dataclass(frozen=True)
class PathMinimum:
    value: float
    nodes: np.ndarray  # (K + 1, N, d), the optimal discrete path
    gradient_norm: float  # max |∂J/∂ξ| at the end (ξ the scaled free variables)
    iterations: int
    message: str


def _minimise(objective, xi0: np.ndarray, gtol: float, maxiter: int):
    result = minimize(objective, xi0, jac=True, method="L-BFGS-B",
                      options={"maxiter": maxiter, "ftol": 0.0, "gtol": gtol, "maxcor": 30})
    _, g = objective(result.x)
    return result, float(np.max(np.abs(g))) if g.size else 0.0


def particle_distance_squared(x, y, w, C: float, gamma: float, segments: int = DEFAULT_SEGMENTS,
                              gtol: float = 1e-12, maxiter: int = 2000) -> PathMinimum:
    """d_K²(Σ w δ_x, Σ w δ_y): the discrete path energy minimised over the K − 1 interior nodes
    (started on the straight line, retracted). ValueError when x and y differ in momentum or energy
    (no admissible path joins them: the distance is +∞)."""
    x, y, w = (np.ascontiguousarray(a, dtype=float) for a in (x, y, w))
    if x.shape != y.shape:
        raise ValueError(f"configurations must have the same shape, got {x.shape} and {y.shape}")
    _check_segments(segments)
    inv = _Invariants(x, w)
    mismatch = inv.residual(y)
    if mismatch > 1e-10:
        raise ValueError(f"the two particle measures differ in momentum or energy (relative {mismatch:.2e}): "
                         "d_L is infinite between them (000_2c86dc742ea51118.txt Lemma 15)")
    K = segments
    root_w = np.sqrt(w)[:, None]
    straight = np.array([x + (y - x) * j / K for j in range(1, K)])
    if K == 1:
        value, _ = path_energy(np.array([x, y]), w, C, gamma)
        return PathMinimum(value, np.array([x, y]), 0.0, 0, "no interior node")

    def objective(xi):
        Y = straight + xi.reshape(straight.shape) / root_w
        parts = [inv.retract(Yj) for Yj in Y]
        nodes = np.array([x, *[p[0] for p in parts], y])
        value, grad = path_energy(nodes, w, C, gamma)
        gY = np.array([inv.pullback(p[1], p[2], p[3], grad[j + 1]) for j, p in enumerate(parts)])
        return value, (gY / root_w).ravel()

    result, gnorm = _minimise(objective, np.zeros(straight.size), gtol, maxiter)
    Y = straight + result.x.reshape(straight.shape) / root_w
    nodes = np.array([x, *[inv.retract(Yj)[0] for Yj in Y], y])
    return PathMinimum(float(result.fun), nodes, gnorm, int(result.nit), str(result.message))


@dataclass(frozen=True)
class JKOStep:
    positions: np.ndarray  # ν₁'s particles
    objective: float  # H_ε(ν₁) − H_ε(ν₀) + d_K²/(2τ)
    entropy_change: float
    distance_squared: float
    nodes: np.ndarray
    gradient_norm: float
    iterations: int
    message: str


def jko_step(system, x0, tau: float, segments: int = DEFAULT_SEGMENTS, start: str = "euler",
             gtol: float = 1e-13, maxiter: int = 5000) -> JKOStep:
    """One JKO step (27) from the particles x0 with the weights, kernel and entropy of ``system``
    (a :class:`~landau_num.blob.system.BlobSystem`). ``start``: "euler" starts the minimisation at
    the retracted explicit Euler step x0 + τ·u(x0), "rest" at x0 itself (same minimiser; the
    former needs fewer iterations)."""
    require_positive("tau", tau)
    _check_segments(segments)
    if start not in ("euler", "rest"):
        raise ValueError(f"start must be 'euler' or 'rest', got {start!r}")
    x0 = np.ascontiguousarray(x0, dtype=float)
    w, C, gamma = system.w, system.C, system.gamma
    inv = _Invariants(x0, w)
    root_w = np.sqrt(w)[:, None]
    target = x0 + tau * system.velocities(x0) if start == "euler" else x0.copy()
    K = segments
    guess = np.array([x0 + (target - x0) * j / K for j in range(1, K + 1)])
    h0 = system.entropy(system.density(x0))

    def evaluate(xi):
        Y = guess + xi.reshape(guess.shape) / root_w
        parts = [inv.retract(Yj) for Yj in Y]
        nodes = np.array([x0, *[p[0] for p in parts]])
        return nodes, parts

    def objective(xi):
        nodes, parts = evaluate(xi)
        energy, grad = path_energy(nodes, w, C, gamma)
        last = nodes[-1]
        density = system.density(last)
        value = system.entropy(density) - h0 + energy / (2 * tau)
        gX = grad[1:] / (2 * tau)
        gX[-1] += w[:, None] * system.entropy_gradient(last, density)
        gY = np.array([inv.pullback(p[1], p[2], p[3], gX[j]) for j, p in enumerate(parts)])
        return value, (gY / root_w).ravel()

    result, gnorm = _minimise(objective, np.zeros(guess.size), gtol, maxiter)
    nodes, _ = evaluate(result.x)
    energy, _ = path_energy(nodes, w, C, gamma)
    dH = system.entropy(system.density(nodes[-1])) - h0
    return JKOStep(nodes[-1], float(dH + energy / (2 * tau)), float(dH), float(energy), nodes, gnorm,
                   int(result.nit), str(result.message))


def _check_segments(segments) -> None:
    if not isinstance(segments, (int, np.integer)) or not 1 <= segments <= 64:
        raise ValueError(f"segments must be an integer in [1, 64], got {segments!r}")
