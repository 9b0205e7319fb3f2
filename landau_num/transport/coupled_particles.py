"""Two copies of the γ = 0 particle system of 003_2ee84d6b3c804a54.txt (3) driven by the same
random rotations, pair by pair: a pathwise certificate of W₂ contraction (a discrete analogue of
Tanaka's theorem, and of Lemma 3 of 004_b333c7817a08033b.txt: the flows of b̃_k are isometries).

The pair step. For Maxwell molecules the sub-step of pair (i, j) keeps the centre m = (v_i + v_j)/2
and rotates z = v_i − v_j by a random rotation R. Here R rotates about the axis ξ/|ξ| by the angle
√(2κ dt)|ξ|, ξ ~ N(0, I₃), κ = 4C/(N − 1): R = exp(√(2κ dt)[ξ]_×) does not depend on the state.
To second order z' = z + ω×z + ½ω×(ω×z) with ω = √(2κ dt)ξ, E ω⊗ω = 2κ dt I, so
E[z' − z] = ½(E[ω⊗ω] − E|ω|² I)z = −2κ dt z and E[(ω×z)⊗(ω×z)] = 2κ dt |z|²Π(z): the drift and
diffusion of the pair generator of (3) (see :mod:`landau_num.sde.system`), as for the tangent-axis
step used there (axis ẑ × ξ).

The coupling. Copies v and w use the same pair schedule and the same ξ for each pair. The pair
map (v_i, v_j) ↦ (m + Rz/2, m − Rz/2) is the linear map T = ½[[I + R, I − R], [I − R, I + R]] of
R⁶, orthogonal when R is; applied to v and w with the same R, it gives
    |v_i' − w_i'|² + |v_j' − w_j'|² = |v_i − w_i|² + |v_j − w_j|²
(registry ``coupled-rotation-isometry``). So D(t) = (1/N)Σ_i |v_i − w_i|² is constant in time,
pathwise, and W₂²(μ_v(t), μ_w(t)) ≤ D(t) = D(0) = W₂²(μ_v(0), μ_w(0)) when the copies start in
optimal correspondence. With the tangent axis ẑ × ξ the rotations of the two copies differ
(their z differ) and D is not conserved: ``axis="tangent"`` shows it.
"""
from __future__ import annotations

import math

import numba
import numpy as np
import ot

from .._generated.rotation import rotate_about_axis
from ..sde.system import pair_schedule

AXES = ("isotropic", "tangent")


@numba.njit(cache=True)
def _rotate(v, i, j, k1, k2, k3, theta):
    z1, z2, z3 = v[i, 0] - v[j, 0], v[i, 1] - v[j, 1], v[i, 2] - v[j, 2]
    y1, y2, y3 = rotate_about_axis(z1, z2, z3, k1, k2, k3, theta)
    m1, m2, m3 = 0.5 * (v[i, 0] + v[j, 0]), 0.5 * (v[i, 1] + v[j, 1]), 0.5 * (v[i, 2] + v[j, 2])
    v[i, 0], v[i, 1], v[i, 2] = m1 + 0.5 * y1, m2 + 0.5 * y2, m3 + 0.5 * y3
    v[j, 0], v[j, 1], v[j, 2] = m1 - 0.5 * y1, m2 - 0.5 * y2, m3 - 0.5 * y3


@numba.njit(cache=True)
def _tangent_axis(v, i, j, xi1, xi2, xi3):
    """(unit axis, |ẑ × ξ|) of the tangent step of seed 003's scheme for the pair (i, j) of v."""
    z1, z2, z3 = v[i, 0] - v[j, 0], v[i, 1] - v[j, 1], v[i, 2] - v[j, 2]
    r = math.sqrt(z1 * z1 + z2 * z2 + z3 * z3)
    if r == 0.0:
        return 1.0, 0.0, 0.0, 0.0
    u1, u2, u3 = (z2 * xi3 - z3 * xi2) / r, (z3 * xi1 - z1 * xi3) / r, (z1 * xi2 - z2 * xi1) / r
    u = math.sqrt(u1 * u1 + u2 * u2 + u3 * u3)
    if u == 0.0:
        return 1.0, 0.0, 0.0, 0.0
    return u1 / u, u2 / u, u3 / u, u


@numba.njit(cache=True)
def coupled_rotation_steps(v, w, pairs, steps, seed, dt, C, tangent):
    """``steps`` coupled pair-rotation steps of the copies v, w (N, 3), in place, same ξ per pair."""
    N = v.shape[0]
    root = math.sqrt(8.0 * C * dt / (N - 1))  # √(2κ dt), κ = 4C/(N − 1)
    np.random.seed(seed)
    for _ in range(steps):
        for p in range(pairs.shape[0]):
            xi1 = np.random.standard_normal()
            xi2 = np.random.standard_normal()
            xi3 = np.random.standard_normal()
            i, j = pairs[p, 0], pairs[p, 1]
            if tangent:
                a1, a2, a3, s = _tangent_axis(v, i, j, xi1, xi2, xi3)
                _rotate(v, i, j, a1, a2, a3, root * s)
                b1, b2, b3, s = _tangent_axis(w, i, j, xi1, xi2, xi3)
                _rotate(w, i, j, b1, b2, b3, root * s)
            else:
                s = math.sqrt(xi1 * xi1 + xi2 * xi2 + xi3 * xi3)
                if s == 0.0:
                    continue
                _rotate(v, i, j, xi1 / s, xi2 / s, xi3 / s, root * s)
                _rotate(w, i, j, xi1 / s, xi2 / s, xi3 / s, root * s)


def coupled_cost(v: np.ndarray, w: np.ndarray) -> float:
    """D = (1/N) Σ_i |v_i − w_i|², the cost of the coupling i ↔ i (an upper bound of W₂²)."""
    return float(np.mean(np.sum((v - w) ** 2, axis=1)))


def optimal_correspondence(v: np.ndarray, w: np.ndarray) -> np.ndarray:
    """w reordered so that i ↔ i is an optimal coupling of the two uniform clouds (ot.emd: for equal
    sizes and uniform weights the optimal plan is a permutation)."""
    n = len(v)
    if w.shape != v.shape:
        raise ValueError(f"both copies must have the same shape, got {v.shape} and {w.shape}")
    plan = ot.emd(np.full(n, 1.0 / n), np.full(n, 1.0 / n), ot.dist(v, w), numItermax=10_000_000)
    return np.ascontiguousarray(w[np.argmax(plan, axis=1)])


def run_coupled(v0: np.ndarray, w0: np.ndarray, dt: float, steps_per_record: int, records: int, seed: int,
                C: float = 1.0, axis: str = "isotropic") -> dict:
    """Evolve two coupled copies from (v0, w0) (in optimal correspondence first) and record the
    coupled cost D and the empirical W₂² at each record time."""
    if axis not in AXES:
        raise ValueError(f"axis must be one of {AXES}, got {axis!r}")
    if not (dt > 0 and C > 0 and steps_per_record >= 1 and records >= 1):
        raise ValueError("need dt > 0, C > 0, steps_per_record >= 1 and records >= 1")
    v = np.ascontiguousarray(v0, dtype=float).copy()
    if v.ndim != 2 or v.shape[1] != 3 or v.shape[0] < 2:
        raise ValueError(f"velocities must be (N, 3) with N >= 2, got {v.shape}")
    w = optimal_correspondence(v, np.ascontiguousarray(w0, dtype=float))
    pairs = pair_schedule(len(v))
    rng = np.random.default_rng(seed)
    n = len(v)
    uniform = np.full(n, 1.0 / n)
    out = {"times": [], "coupled_cost": [], "w2_squared": []}
    for k in range(records + 1):
        if k:
            coupled_rotation_steps(v, w, pairs, steps_per_record, int(rng.integers(0, 2**31)), dt, C, axis == "tangent")
        out["times"].append(k * steps_per_record * dt)
        out["coupled_cost"].append(coupled_cost(v, w))
        out["w2_squared"].append(float(ot.emd2(uniform, uniform, ot.dist(v, w), numItermax=10_000_000)))
    out["energy_v"] = float(np.sum(v**2) / n)
    out["energy_w"] = float(np.sum(w**2) / n)
    return out
