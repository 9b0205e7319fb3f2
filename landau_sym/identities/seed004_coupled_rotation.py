"""The pathwise certificate for two coupled copies of the γ = 0 particle system (Tanaka-type).

004_b333c7817a08033b.txt §4 (remark before Lemma 3): the flow of b̃_k on R⁶ is an isometry, so
transporting two densities along it keeps T_ε. Its particle analogue (the pair step of
003_2ee84d6b3c804a54.txt (3) for Maxwell molecules keeps m = (v_i + v_j)/2 and rotates
z = v_i − v_j by a rotation R): the pair map

    S_R : (v_i, v_j) ↦ (m + Rz/2, m − Rz/2),   S_R = ½[[I + R, I − R], [I − R, I + R]],

is orthogonal on R⁶ for every rotation R. Two copies v, w moved by the *same* R therefore keep
|v_i − w_i|² + |v_j − w_j|², and D = (1/N)Σ_i |v_i − w_i|² is conserved pathwise, step after step.

Exact check: R is the rotation of the unit quaternion q/|q| (every rotation is one), a rational
function of q ∈ R⁴; S_RᵀS_R − I is simplified to 0 for symbolic q, and the conserved sum is
expanded for symbolic v_i, v_j, w_i, w_j. The evidence also records the first two moments of one
step, E[z′ − z] = −2κ dt z, E[(ω×z)⊗(ω×z)] = 2κ dt |z|²Π(z) for ω = √(2κ dt)ξ (the pair
generator of seed 003 (3)), and a numeric counterexample for the tangent-axis coupling (axis
ẑ × ξ differs between the copies, so D changes).
Cross-check: mpmath Rodrigues rotation (an independent formula) at drawn axes, angles and
velocities.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..geometry import projection
from ..registry import CrossCheck, Identity, Outcome, register
from ..sampling import draw_nonzero_vector, draw_vector, real

REFERENCE = "004_b333c7817a08033b.txt, §4 (isometry of the b̃_k flows, Lemma 3) and 003_2ee84d6b3c804a54.txt (3), γ = 0"


def quaternion_rotation(q) -> sp.Matrix:
    a, b, c, d = q
    n = a * a + b * b + c * c + d * d
    return sp.Matrix([
        [a*a + b*b - c*c - d*d, 2*(b*c - a*d), 2*(b*d + a*c)],
        [2*(b*c + a*d), a*a - b*b + c*c - d*d, 2*(c*d - a*b)],
        [2*(b*d - a*c), 2*(c*d + a*b), a*a - b*b - c*c + d*d]]) / n


def pair_map(R: sp.Matrix) -> sp.Matrix:
    eye = sp.eye(3)
    return sp.Matrix(sp.BlockMatrix([[(eye + R) / 2, (eye - R) / 2], [(eye - R) / 2, (eye + R) / 2]]))


def _step(vi, vj, R):
    m, z = (vi + vj) / 2, vi - vj
    return m + R * z / 2, m - R * z / 2


def _mp_rodrigues(x, k, theta):
    k = [c / mpmath.sqrt(sum(c * c for c in k)) for c in k]
    kx = [k[1] * x[2] - k[2] * x[1], k[2] * x[0] - k[0] * x[2], k[0] * x[1] - k[1] * x[0]]
    kd = sum(a * b for a, b in zip(k, x))
    return [x[i] * mpmath.cos(theta) + kx[i] * mpmath.sin(theta) + k[i] * kd * (1 - mpmath.cos(theta)) for i in range(3)]


def _mp_pair_step(vi, vj, axis_fn, theta_scale, xi):
    z = [a - b for a, b in zip(vi, vj)]
    m = [(a + b) / 2 for a, b in zip(vi, vj)]
    axis, theta = axis_fn(z, xi), theta_scale
    y = _mp_rodrigues(z, axis, theta)
    return [m[i] + y[i] / 2 for i in range(3)], [m[i] - y[i] / 2 for i in range(3)]


def _coupled_sum(vi, vj, wi, wj):
    return sum((a - b) ** 2 for a, b in zip(vi, wi)) + sum((a - b) ** 2 for a, b in zip(vj, wj))


def tangent_counterexample() -> dict:
    """One tangent-axis step (seed 003's scheme, axis ẑ × ξ) with the same ξ for both copies."""
    with mpmath.workdps(30):
        vi, vj = [mpmath.mpf(1), 0, 0], [mpmath.mpf(-1), 0, 0]
        wi, wj = [0, mpmath.mpf(1), 0], [0, mpmath.mpf(-1), 0]
        xi = [mpmath.mpf(0), 0, mpmath.mpf(1)]
        def tangent(z, x):
            r = mpmath.sqrt(sum(c * c for c in z))
            return [(z[1] * x[2] - z[2] * x[1]) / r, (z[2] * x[0] - z[0] * x[2]) / r, (z[0] * x[1] - z[1] * x[0]) / r]
        theta = mpmath.mpf("0.5")
        vi2, vj2 = _mp_pair_step(vi, vj, tangent, theta, xi)
        wi2, wj2 = _mp_pair_step(wi, wj, tangent, theta, xi)
        return {"v": "(±e1)", "w": "(±e2)", "xi": "e3", "angle": "0.5",
                "coupled_sum_before": float(_coupled_sum(vi, vj, wi, wj)),
                "coupled_sum_after_tangent_step": float(_coupled_sum(vi2, vj2, wi2, wj2))}


def check_coupled_rotation() -> Outcome:
    q = sp.symbols("q0:4", real=True)
    R = quaternion_rotation(q)
    rotation_ok = (R.T * R - sp.eye(3)).applyfunc(sp.cancel) == sp.zeros(3) and sp.cancel(R.det() - 1) == 0
    S = pair_map(R)
    orthogonal = (S.T * S - sp.eye(6)).applyfunc(sp.cancel) == sp.zeros(6)
    v = [sp.Matrix(sp.symbols(f"{name}1:4", real=True)) for name in ("vi", "vj", "wi", "wj")]
    (vi2, vj2), (wi2, wj2) = _step(v[0], v[1], R), _step(v[2], v[3], R)
    change = sp.cancel((vi2 - wi2).dot(vi2 - wi2) + (vj2 - wj2).dot(vj2 - wj2)
                         - (v[0] - v[2]).dot(v[0] - v[2]) - (v[1] - v[3]).dot(v[1] - v[3]))
    # moments of one isotropic-axis step to second order in ω, with E ω_a ω_b = s δ_ab (s = 2κ dt)
    w = sp.Matrix(sp.symbols("omega1:4", real=True))
    z = sp.Matrix(sp.symbols("z1:4", real=True))
    s = sp.Symbol("s", positive=True)
    second = sp.expand((w.cross(w.cross(z)) / 2))
    expect = lambda e: sp.expand(e).subs({w[a] * w[b]: (s if a == b else 0) for a in range(3) for b in range(3)}) \
        .subs({w[a]**2: s for a in range(3)})
    drift = sp.simplify(second.applyfunc(expect) + s * z)
    cov = (w.cross(z) * w.cross(z).T).applyfunc(expect)
    diffusion = sp.simplify(cov - s * z.dot(z) * projection(z))
    generator_ok = drift == sp.zeros(3, 1) and diffusion == sp.zeros(3)
    ok = rotation_ok and orthogonal and change == 0 and generator_ok
    return Outcome("verified" if ok else "refuted", {
        "quaternion_R_is_a_rotation": rotation_ok,
        "pair_map_S_R_orthogonal_on_R6": orthogonal,
        "change_of_|vi-wi|^2+|vj-wj|^2_same_R": str(change),
        "isotropic_axis_step_moments_match_pair_generator(drift_-s_z,diffusion_s|z|^2Pi)": generator_ok,
        "tangent_axis_coupling_is_not_isometric": tangent_counterexample(),
        "consequence": "D(t) = (1/N)Σ|v_i − w_i|² is constant; W₂²(μ_v(t), μ_w(t)) ≤ D(0) = W₂²(μ_v(0), μ_w(0)) "
                       "for copies started in optimal correspondence",
    })


def _numeric(draw) -> mpmath.mpf:
    vi, vj, wi, wj = ([mpmath.mpf(c) for c in draw_vector(draw, 3)] for _ in range(4))
    axis = [mpmath.mpf(c) for c in draw_nonzero_vector(draw, 3, min_norm=0.1)]
    theta = mpmath.mpf(draw(real(-6.0, 6.0)))
    vi2, vj2 = _mp_pair_step(vi, vj, lambda z, x: axis, theta, None)
    wi2, wj2 = _mp_pair_step(wi, wj, lambda z, x: axis, theta, None)
    before, after = _coupled_sum(vi, vj, wi, wj), _coupled_sum(vi2, vj2, wi2, wj2)
    return abs(after - before) / max(mpmath.mpf(1), before)


register(Identity(
    id="coupled-rotation-isometry",
    title="Same rotation for two copies of a pair: |v_i−w_i|² + |v_j−w_j|² is conserved (pathwise W₂ certificate)",
    statement=r"S_R=\tfrac12\begin{pmatrix}I+R&I-R\\I-R&I+R\end{pmatrix}\in O(6)\ \Rightarrow\ \sum_i|v_i'-w_i'|^2=\sum_i|v_i-w_i|^2",
    reference=REFERENCE,
    kind="conservation law",
    method="exact: quaternion-parametrised rotation, S_RᵀS_R = I and the conserved sum simplified to 0 symbolically; step moments",
    check=check_coupled_rotation,
    quick=False,  # ~10 s of rational simplification
    cross_check=CrossCheck(_numeric, 1e-25, "mpmath Rodrigues rotation of both copies' pairs at drawn velocities, axes and angles"),
))
