"""The Landau metric on particle measures: the action, the metric derivative, and the energy
balance along the blob flow (000_2c86dc742ea51118.txt (3), (8)–(12), Lemma 19, Definition 24,
Proposition 27, Remark 29).

Derivation. Take μ = Σ_p w_p δ_{v_p} (w_p > 0, the v_p distinct) moving with velocities
u_p = dv_p/dt, and write A(z) = C|z|^{2+γ}Π(z) (DESIGN.md §2; the paper has C = 1, a factor C
only rescales time) and b(z) = A(z)^{1/2} = √C|z|^{1+γ/2}Π(z), so that the grazing gradient
of the paper is ∇̃φ(v, v*) = b(v − v*)(∇φ(v) − ∇φ(v*)). Write A_pq = A(v_p − v_q),
b_pq = b(v_p − v_q) (symmetric matrices, even in the pair; b_pp = 0).

1. Finite action (12) forces M ≪ μ⊗μ (the argument of Lemma 19 uses only α(N, 0) = ∞ for N ≠ 0),
   so M = Σ_{p,q} w_p w_q U_pq δ_(v_p, v_q) with U_pq ∈ R^d. On the atom (p, q),
   τ = μ⊗μ + |M| has mass w_p w_q(1 + |U_pq|), f¹ = 1/(1 + |U_pq|), N = U_pq/(1 + |U_pq|), and
   α(N, f¹)τ = ½ w_p w_q|U_pq|²:  𝒜(μ, M) = ½ Σ_{p,q} w_p w_q |U_pq|²    (Lemma 19's formula).
2. The grazing continuity equation (9) with ζ whose gradients g_p = ∇ζ(v_p) are arbitrary:
   Σ_p w_p g_p·u_p = ½ Σ_{p,q} w_p w_q (g_p − g_q)·b_pq U_pq, i.e. (swapping p, q in the
   second half)       u_p = ½ Σ_q w_q b_pq (U_pq − U_qp)     for every p.      (GCE)
3. Minimising 𝒜 under (GCE) (a quadratic programme with linear constraints): the Lagrange
   condition is U_pq = b_pq(φ_p − φ_q) for some φ ∈ R^{N×d} — the discrete tangent space
   T_μ = {∇̃φ} of Proposition 27 — and then (GCE) reads
       w_p u_p = Σ_q w_p w_q A_pq(φ_p − φ_q) = (Gφ)_p,   𝒜_min = ½Σ w_p w_q (φ_p−φ_q)·A_pq(φ_p−φ_q) = φ·Gφ,
   with G the weighted graph Laplacian (blocks G_pp = Σ_q w_p w_q A_pq, G_pq = −w_p w_q A_pq),
   symmetric and positive semidefinite. Hence the metric derivative of Proposition 27 is
       |μ̇|² = m·G⁺m,   m_p = w_p u_p,
   finite if and only if m ∈ range(G) = ker(G)^⊥. ker G ⊇ {φ_p = c} ∪ {φ_p = v_p} (A(z)z = 0),
   which is all of it for generic configurations (d + 1 dimensions): an admissible velocity
   conserves momentum Σ w_p u_p and energy Σ w_p v_p·u_p (Lemma 15 for particles).
   Numerically we use the symmetrically scaled Laplacian S = W^{-1/2}GW^{-1/2}
   (S_pp = Σ_q w_q A_pq, S_pq = −√(w_p w_q) A_pq: rows of light particles are not shrunk by
   their weight) and y = W^{1/2}u: |μ̇|² = y·S⁺y. S is singular, so S⁺ is the pseudo-inverse on
   its range (symmetric eigendecomposition, LAPACK's divide-and-conquer driver, eigenvalues below
   ``rtol``·λ_max counted as kernel);
   the part of y in the numerical kernel is reported (``kernel_fraction``): when it is not at
   round-off level the velocity is not admissible and |μ̇|² = +∞.
4. Along the blob flow (system.py) u_p = −Σ_q w_q A_pq(F_p − F_q), i.e. m = −GF: φ = −F and
   |μ̇|² = F·GF = ½Σ w_p w_q (F_p−F_q)·A_pq(F_p−F_q) = D_ε (Remark 29's dissipation); the flow's
   own grazing rate U_pq = −b_pq(F_p − F_q) = ∇̃(−δH_ε/δμ) is tangent, so its action is |μ̇|²
   (the equality case of Proposition 27), and the energy-dissipation equality reads
   H_ε(t) + ½∫₀ᵗ(D_ε + |μ̇|²) = H_ε(0).
5. Remark 29 for particles: dH_ε/dt = Σ_p w_p F_p·u_p = F·Gφ ≤ (F·GF)^{1/2}(φ·Gφ)^{1/2}
   = D_ε^{1/2}|μ̇| (Cauchy–Schwarz in the G inner product), and for any rate U,
   ½Σ w_p w_q |b_pq(F_p − F_q)||U_pq| ≤ 𝒜(μ, M)^{1/2} D_ε^{1/2} (Lemma 21 with F = |∇̃ δH_ε/δμ|).

The metric is computed on particle measures with fixed weights; the distance between two particle
measures (:mod:`.jko`) is the infimum over paths that stay particle measures, an upper bound for
d_L. The metric derivative of a particle curve is exact (Proposition 27 fixes the curve).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

import numba
import numpy as np
import scipy.linalg
import scipy.linalg.lapack

from .._generated.landau_form import landau_form_gradient_2d, landau_form_gradient_3d
from .._generated.landau_matrix import landau_matrix_2d, landau_matrix_3d
from ..validation import require_positive
from .system import dissipation as dissipation_sum
from .system import gamma_code, velocities_direct

KERNEL_RTOL = 1e-10
"""Eigenvalues of S below KERNEL_RTOL·λ_max are treated as its kernel. For the blob particles we
use the d + 1 kernel eigenvalues are ≤ 1e-15·λ_max and the smallest nonzero ones 5e-2·λ_max
(bkw2d, n = 7, 8) and 1.4e-3·λ_max (coulomb2d, n = 8); tests/test_landau_metric.py asserts the
gap [1e-14, 1e-6], so the cut sits well inside it."""


@numba.njit(cache=True)
def _pair_matrix(z, C, gamma, out):
    """out ← A(z) = C|z|^γ(|z|²I − z⊗z) (the generated kernel; 0 at z = 0)."""
    if z.shape[0] == 2:
        a = landau_matrix_2d(z[0], z[1], C, gamma)
        out[0, 0], out[0, 1], out[1, 0], out[1, 1] = a[0], a[1], a[2], a[3]
    else:
        a = landau_matrix_3d(z[0], z[1], z[2], C, gamma)
        for i in range(3):
            for j in range(3):
                out[i, j] = a[3 * i + j]


@numba.njit(cache=True)
def _pair_root(z, C, gamma, out):
    """out ← b(z) = A(z)^{1/2} = A(z)/√(C|z|^{2+γ}), with C|z|^{2+γ} = tr A(z)/(d − 1)."""
    d = z.shape[0]
    _pair_matrix(z, C, gamma, out)
    trace = 0.0
    for i in range(d):
        trace += out[i, i]
    if trace <= 0.0:
        out[:, :] = 0.0
        return
    scale = 1.0 / np.sqrt(trace / (d - 1))
    for i in range(d):
        for j in range(d):
            out[i, j] *= scale


@numba.njit(parallel=True, cache=True)
def scaled_laplacian(v, w, C, gamma):
    """S = W^{-1/2}GW^{-1/2}, (N·d)×(N·d): S_pp = Σ_q w_q A_pq, S_pq = −√(w_p w_q)A_pq (derivation 3)."""
    N, d = v.shape
    S = np.zeros((N * d, N * d))
    for p in numba.prange(N):
        z = np.empty(d)
        a = np.empty((d, d))
        for q in range(N):
            if q == p:
                continue
            for k in range(d):
                z[k] = v[p, k] - v[q, k]
            _pair_matrix(z, C, gamma, a)
            c = -np.sqrt(w[p] * w[q])
            for i in range(d):
                for j in range(d):
                    S[p * d + i, p * d + j] += w[q] * a[i, j]
                    S[p * d + i, q * d + j] = c * a[i, j]
    return S


@numba.njit(parallel=True, cache=True)
def form_gradient(v, w, phi, C, gamma):
    """∂/∂v_p of φ·G(v)φ = ½Σ_{p,q} w_p w_q (φ_p−φ_q)·A(v_p−v_q)(φ_p−φ_q) at fixed φ:
    Σ_q w_p w_q ∇_z[g·A(z)g] at z = v_p − v_q, g = φ_p − φ_q (the generated kernel)."""
    N, d = v.shape
    out = np.zeros((N, d))
    for p in numba.prange(N):
        for q in range(N):
            if q == p:
                continue
            c = w[p] * w[q]
            if d == 2:
                g = landau_form_gradient_2d(v[p, 0] - v[q, 0], v[p, 1] - v[q, 1],
                                            phi[p, 0] - phi[q, 0], phi[p, 1] - phi[q, 1], C, gamma)
                out[p, 0] += c * g[0]
                out[p, 1] += c * g[1]
            else:
                g3 = landau_form_gradient_3d(v[p, 0] - v[q, 0], v[p, 1] - v[q, 1], v[p, 2] - v[q, 2],
                                             phi[p, 0] - phi[q, 0], phi[p, 1] - phi[q, 1], phi[p, 2] - phi[q, 2],
                                             C, gamma)
                out[p, 0] += c * g3[0]
                out[p, 1] += c * g3[1]
                out[p, 2] += c * g3[2]
    return out


@numba.njit(parallel=True, cache=True)
def tangent_rate(v, phi, C, gamma):
    """U_pq = b_pq(φ_p − φ_q) = ∇̃φ at the atoms: the grazing rate of T_μ with potential φ."""
    N, d = v.shape
    U = np.zeros((N, N, d))
    for p in numba.prange(N):
        z = np.empty(d)
        b = np.empty((d, d))
        for q in range(N):
            if q == p:
                continue
            for k in range(d):
                z[k] = v[p, k] - v[q, k]
            _pair_root(z, C, gamma, b)
            for i in range(d):
                acc = 0.0
                for j in range(d):
                    acc += b[i, j] * (phi[p, j] - phi[q, j])
                U[p, q, i] = acc
    return U


@numba.njit(parallel=True, cache=True)
def grazing_velocity(v, w, U, C, gamma):
    """The particle velocities the grazing continuity equation (9) assigns to the rate
    M = Σ w_p w_q U_pq δ_(v_p, v_q): u_p = ½Σ_q w_q b_pq(U_pq − U_qp) (derivation 2)."""
    N, d = v.shape
    u = np.zeros((N, d))
    for p in numba.prange(N):
        z = np.empty(d)
        b = np.empty((d, d))
        for q in range(N):
            if q == p:
                continue
            for k in range(d):
                z[k] = v[p, k] - v[q, k]
            _pair_root(z, C, gamma, b)
            for i in range(d):
                acc = 0.0
                for j in range(d):
                    acc += b[i, j] * (U[p, q, j] - U[q, p, j])
                u[p, i] += 0.5 * w[q] * acc
    return u


@numba.njit(cache=True)
def cholesky_lower(A):
    """(L, info): A = LLᵀ with L lower triangular, info = 0; info = j + 1 when the j-th pivot is not
    positive. Serial on purpose: LAPACK's dpotrf runs threaded from n ≈ 128 on, and at these
    sizes (n = N·d ≲ 300) the thread start-up and contention cost more than the factorisation
    (measured 0.35 s instead of 1 ms for n = 128 on a loaded 2-core machine)."""
    n = A.shape[0]
    L = np.zeros_like(A)
    for j in range(n):
        s = A[j, j]
        for k in range(j):
            s -= L[j, k] * L[j, k]
        if not s > 0.0:
            return L, j + 1
        L[j, j] = np.sqrt(s)
        for i in range(j + 1, n):
            t = A[i, j]
            for k in range(j):
                t -= L[i, k] * L[j, k]
            L[i, j] = t / L[j, j]
    return L, 0


def action(w: np.ndarray, U: np.ndarray) -> float:
    """𝒜(μ, M) = ½Σ_{p,q} w_p w_q|U_pq|² (derivation 1; the diagonal carries no mass of M)."""
    U = np.array(U, dtype=float)
    idx = np.arange(U.shape[0])
    U[idx, idx] = 0.0
    return 0.5 * float(np.einsum("p,q,pqi,pqi->", w, w, U, U))


def _check_particles(v: np.ndarray, w: np.ndarray, C: float, gamma: float) -> tuple[np.ndarray, np.ndarray]:
    v = np.ascontiguousarray(v, dtype=float)
    w = np.ascontiguousarray(w, dtype=float)
    if v.ndim != 2 or v.shape[1] not in (2, 3) or not np.all(np.isfinite(v)):
        raise ValueError(f"positions must be a finite (N, d) array with d in (2, 3), got shape {v.shape}")
    if w.shape != (v.shape[0],) or not np.all(np.isfinite(w)) or np.any(w <= 0):
        raise ValueError("weights must be a finite, positive array with one entry per particle")
    require_positive("C (collision constant)", C)
    if not np.isfinite(gamma) or not -4.0 <= gamma <= 1.0:
        raise ValueError(f"gamma must be in [-4, 1], got {gamma!r}")
    return v, w


@dataclass(frozen=True)
class MetricDerivative:
    """|μ̇|² = m·G⁺m for one velocity field of the particles (derivation 3)."""

    action: float
    """y·S⁺y, the minimal action over the grazing rates that move the particles with ``velocity``
    (the least-squares solution on the range of S)."""
    potential: np.ndarray
    """φ (N, d) with Gφ = m and φ ⊥ ker G: the optimal rate is U_pq = b_pq(φ_p − φ_q)."""
    kernel_dimension: int
    kernel_fraction: float
    """‖P_ker y‖/‖y‖: the inadmissible part of the velocity (round-off when admissible)."""
    admissible_tolerance: float

    @property
    def admissible(self) -> bool:
        return self.kernel_fraction <= self.admissible_tolerance

    @property
    def squared(self) -> float:
        """|μ̇|²: the action when the velocity is admissible, +∞ otherwise."""
        return self.action if self.admissible else float("inf")


def metric_derivative(v, w, velocity, C: float, gamma: float, rtol: float = KERNEL_RTOL,
                      admissible_tolerance: float = 1e-8) -> MetricDerivative:
    """The metric derivative |μ̇|² of μ = Σ w_p δ_{v_p} moving with the given particle velocities.

    S⁺y is computed on the range of S. Fast path: with Q an orthonormal basis of the known kernel
    W^{1/2}·span{constants, v} (derivation 3), (S + QQᵀ)⁻¹ = S⁺ + QQᵀ when ker S is exactly that
    span, so S⁺y = (S + QQᵀ)⁻¹(y − QQᵀy) by a Cholesky factorisation; it is used when LAPACK's
    condition estimate of S + QQᵀ exceeds ``rtol`` (relative to λ_max ≈ ‖S‖₁). Otherwise (a larger
    kernel: e.g. collinear particles) the pseudo-inverse comes from the symmetric eigendecomposition
    of S, eigenvalues below ``rtol``·λ_max counted as kernel."""
    v, w = _check_particles(v, w, C, gamma)
    velocity = np.asarray(velocity, dtype=float)
    if velocity.shape != v.shape or not np.all(np.isfinite(velocity)):
        raise ValueError(f"velocity must be a finite array of shape {v.shape}, got {velocity.shape}")
    N, d = v.shape
    root_w = np.sqrt(w)
    y = (root_w[:, None] * velocity).ravel()
    norm_y = float(np.linalg.norm(y))
    S = scaled_laplacian(v, w, float(C), float(gamma))
    basis = np.zeros((N * d, d + 1))
    for i in range(d):
        basis[i::d, i] = root_w
    basis[:, d] = (root_w[:, None] * v).ravel()
    Q, _ = np.linalg.qr(basis)
    scale = float(np.abs(S).sum(axis=0).max())  # ≥ λ_max(S): the shift puts the kernel at the top of the spectrum
    shifted = S + scale * np.einsum("ik,jk->ij", Q, Q)  # einsum, not BLAS: threaded BLAS at this size costs more
    factor, info = cholesky_lower(shifted)
    if info == 0 and scale > 0:
        rcond, _ = scipy.linalg.lapack.dpocon(factor, np.abs(shifted).sum(axis=0).max(), uplo="L")
        if rcond > rtol:
            k = np.einsum("ik,i->k", Q, y)
            y_range = y - np.einsum("ik,k->i", Q, k)
            psi = scipy.linalg.cho_solve((factor, True), y_range)
            return MetricDerivative(float(y_range @ psi), psi.reshape(N, d) / root_w[:, None], d + 1,
                                    float(np.linalg.norm(k)) / norm_y if norm_y > 0 else 0.0, admissible_tolerance)
    values, vectors = scipy.linalg.eigh(S, driver="evd")
    cut = rtol * max(float(values[-1]), np.finfo(float).tiny)
    keep = values > cut
    coefficients = vectors.T @ y
    psi = vectors[:, keep] @ (coefficients[keep] / values[keep])
    kernel_part = float(np.linalg.norm(coefficients[~keep]))
    return MetricDerivative(
        action=float(np.sum(coefficients[keep] ** 2 / values[keep])),
        potential=(psi.reshape(N, d) / root_w[:, None]),
        kernel_dimension=int(np.count_nonzero(~keep)),
        kernel_fraction=kernel_part / norm_y if norm_y > 0 else 0.0,
        admissible_tolerance=admissible_tolerance,
    )


def potential_velocity(v, w, phi, C: float, gamma: float) -> np.ndarray:
    """u = W⁻¹Gφ, u_p = Σ_q w_q A_pq(φ_p − φ_q): the velocity of the tangent rate with potential φ
    (the blob system's pair sum with F = −φ)."""
    v, w = _check_particles(v, w, C, gamma)
    phi = np.ascontiguousarray(phi, dtype=float)
    return -velocities_direct(v, w, phi, float(C), float(gamma), gamma_code(gamma))


def potential_action(v, w, phi, C: float, gamma: float) -> float:
    """φ·Gφ = ½Σ w_p w_q (φ_p − φ_q)·A_pq(φ_p − φ_q): the action of the tangent rate ∇̃φ."""
    u = potential_velocity(v, w, phi, C, gamma)
    return float(np.sum(np.asarray(w)[:, None] * np.asarray(phi) * u))


@dataclass(frozen=True)
class FlowBalance:
    """One blob run with the time integrals carried along: at the nodes t_k, H_ε^h, D_ε, |μ̇|²,
    ∫₀^{t_k} D_ε and ∫₀^{t_k} |μ̇|², the integrals by the run's own scheme."""

    times: np.ndarray
    entropy: np.ndarray
    dissipation: np.ndarray
    metric_derivative_squared: np.ndarray
    dissipation_integral: np.ndarray
    metric_derivative_integral: np.ndarray
    kernel_fraction: float  # the largest over every evaluation

    def residuals(self, half: float = 0.5) -> np.ndarray:
        """H_ε(t_k) + ½∫₀^{t_k}(D_ε + |μ̇|²) − H_ε(0) at every node (``half`` is the printed ½)."""
        return self.entropy - self.entropy[0] + half * (self.dissipation_integral + self.metric_derivative_integral)

    @property
    def residual(self) -> float:
        return float(self.residuals()[-1])

    @property
    def dissipated(self) -> float:
        return float(self.entropy[0] - self.entropy[-1])


def flow_balance(system, v0: np.ndarray, T: float, steps: int, scheme: str = "rk4") -> FlowBalance:
    """Run the blob system (:class:`~landau_num.blob.system.BlobSystem`) from v0 over [0, T] in
    ``steps`` equal steps of ``scheme`` (time_integration.SCHEMES), with ∫D_ε and ∫|μ̇|² appended
    to the state: D_ε is the double sum of Remark 29 (system.py), |μ̇|² the metric derivative of the
    flow's own velocity field from this module (derivation 3, independent of the D_ε formula).
    The exact augmented flow conserves H_ε^h(v) + ½(∫D_ε + ∫|μ̇|²) (Proposition 27 gives
    |μ̇|² = D_ε and the blob flow has dH_ε^h/dt = −D_ε exactly), so the run's residual
    H_ε(t) + ½∫₀ᵗ(D_ε + |μ̇|²) − H_ε(0) is the scheme's global error on that invariant: O(Δt⁴) for
    rk4, O(Δt²) for midpoint."""
    from ..time_integration import get_scheme

    require_positive("T", T)
    if not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be an integer >= 1, got {steps!r}")
    step = get_scheme(scheme)
    shape = np.shape(v0)
    fractions = [0.0]

    def terms(v):
        F = system.entropy_gradient(v)
        u = velocities_direct(v, system.w, F, system.C, system.gamma, system.gamma_code)
        md = metric_derivative(v, system.w, u, system.C, system.gamma)
        fractions.append(md.kernel_fraction)
        return u, float(dissipation_sum(v, system.w, F, system.C, system.gamma, system.gamma_code)), md.action

    def rhs(y):
        u, D, speed2 = terms(y[:-2].reshape(shape))
        return np.concatenate([u.ravel(), [D, speed2]])

    y = np.concatenate([np.asarray(v0, dtype=float).ravel(), [0.0, 0.0]])
    rows = []
    for k in range(steps + 1):
        v = y[:-2].reshape(shape)
        _, D, speed2 = terms(v)
        rows.append((system.entropy(system.density(v)), D, speed2, y[-2], y[-1]))
        if k < steps:
            y = step(rhs, y, T / steps)
    cols = np.array(rows).T
    return FlowBalance(np.linspace(0.0, T, steps + 1), *cols, float(max(fractions)))


@contextmanager
def single_thread():
    """Run numba's parallel loops on one thread inside the block (restored after). The particle
    counts of the metric computations here (N ≲ 100) are too small for threads to pay off, and on
    a loaded machine their synchronisation costs 10–50× (measured: 2 ms vs 70 ms per velocity
    evaluation at N = 64 with other jobs running)."""
    previous = numba.get_num_threads()
    numba.set_num_threads(1)
    try:
        yield
    finally:
        numba.set_num_threads(previous)
