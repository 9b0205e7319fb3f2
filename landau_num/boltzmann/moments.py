"""Exact Maxwell-molecule Boltzmann solver for the moments of degree ≤ 4 (001_213bc0b3a2bddff3.txt
(1.1), (3.9), γ = 0), for any angular kernel, and its Landau limit.

For γ = 0, d/dt M_α = ⟨Q_B(f, f), v^α⟩ (M_α = ∫v^αf, |α| ≤ 4) is a quadratic form in the moments
of degree ≤ |α| whose coefficients are linear in the two angular numbers

    A₂ = 2π∫β(cos²θ − 1)dθ = (2/3)μ₂,   A₄ = 2π∫β(cos⁴θ − 1)dθ = (8μ₄ + 30A₂)/35

(Bobylev's eigenvalues μ_n of :mod:`.angular`; derivation and generated rates in
``landau_sym.boltzmann_moments``). Mass and momentum are conserved, so the system is triangular:
degree 2 is affine in M₂, degree 3 affine in M₃ (with M₂ as forcing), degree 4 affine in M₄ plus
the quadratic forcing M₂⊗M₂. With p = M₂⊗M₂ added to the state (p′ = M₂′⊗M₂ + M₂⊗M₂′ is linear in
(1, M₂, p)), z = (1, M₂, M₃, M₄, p) obeys z′ = 𝒜z with a constant 68×68 matrix, and
z(t) = exp(t𝒜)z(0) (scipy.linalg.expm): no truncation and no time-stepping error.

The Landau equation with collision constant C (DESIGN.md §2, seed (3.10)–(3.12) at C = 1) is the
same system at the grazing limits (A₂, A₄) = (−16C, −32C) (Lemma 3.3 for polynomial ψ, verified
symbolically in ``landau_sym.identities.boltzmann_moments``).
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from scipy.linalg import expm

from ..kernels import get_kernel
from ..maxwell.hermite import hermite_basis
from .angular import AngularKernel

DEGREE = 4
INDICES = hermite_basis(3, DEGREE).indices
"""Multi-indices |α| ≤ 4 in the order of ``landau_sym.boltzmann_moments.monomials``."""
ORDER = INDICES.sum(axis=1)
SIZE = len(INDICES)  # 35


def angular_numbers(kernel: AngularKernel) -> tuple[float, float]:
    """(A₂, A₄) of an angular kernel in 3D, from its Funk–Hecke differences μ₂, μ₄."""
    if kernel.d != 3:
        raise ValueError(f"the moment solver is 3D, the kernel has d = {kernel.d}")
    mu = kernel.eigenvalue_differences(4)
    a2 = 2 * mu[2] / 3
    return float(a2), float((8 * mu[4] + 30 * a2) / 35)


def landau_angular_numbers(C: float = 1.0) -> tuple[float, float]:
    """The grazing limits (A₂, A₄) = (−2π, −4π)·∫θ²β = (−16C, −32C) (normalisation (2.2))."""
    if not C > 0:
        raise ValueError(f"C must be positive, got {C!r}")
    return -16.0 * C, -32.0 * C


def rates(M: np.ndarray, a2: float, a4: float) -> np.ndarray:
    """(d/dt M_α)_{|α|≤4} (the generated quadratic form)."""
    return np.array(get_kernel("boltzmann_moment_rates_3d")(*[float(m) for m in M], float(a2), float(a4)))


@lru_cache(maxsize=64)
def _bilinear(a2: float, a4: float) -> np.ndarray:
    """B[α, β, γ], symmetric in (β, γ), with d/dt M_α = Σ_{β,γ} B[α, β, γ] M_β M_γ (polarisation of
    the quadratic form: exact, since every term is a product of two moments)."""
    eye = np.eye(SIZE)
    single = [rates(eye[b], a2, a4) for b in range(SIZE)]
    B = np.zeros((SIZE, SIZE, SIZE))
    for b in range(SIZE):
        B[:, b, b] = single[b]
        for c in range(b + 1, SIZE):
            B[:, b, c] = B[:, c, b] = (rates(eye[b] + eye[c], a2, a4) - single[b] - single[c]) / 2
    return B


def evolution_matrix(M0: np.ndarray, a2: float, a4: float) -> tuple[np.ndarray, np.ndarray]:
    """(𝒜, z(0)) of the augmented linear system z = (1, M₂, M₃, M₄, M₂⊗M₂) (module docstring)."""
    M0 = np.asarray(M0, dtype=float)
    B = _bilinear(float(a2), float(a4))
    low = np.flatnonzero(ORDER <= 1)
    high = np.flatnonzero(ORDER >= 2)  # positions in z: 1 + k
    deg2 = np.flatnonzero(ORDER == 2)
    n_lin = 1 + high.size
    pair = {(b, c): n_lin + i * deg2.size + j for i, b in enumerate(deg2) for j, c in enumerate(deg2)}
    zpos = {a: 1 + k for k, a in enumerate(high)}
    A = np.zeros((n_lin + deg2.size**2,) * 2)
    for a in high:
        row = zpos[a]
        for b in range(SIZE):
            for c in range(SIZE):
                w = B[a, b, c]
                if w == 0.0:
                    continue
                if b in low and c in low:
                    A[row, 0] += w * M0[b] * M0[c]
                elif b in low:
                    A[row, zpos[c]] += w * M0[b]
                elif c in low:
                    continue  # counted with (c, b) above: B symmetric, the double sum has both orders
                elif ORDER[b] == 2 and ORDER[c] == 2:
                    A[row, pair[(b, c)]] += w
                else:
                    raise AssertionError("a degree > 4 product in the moment system")
        # the b ∈ high, c ∈ low terms (mirror of the b ∈ low branch)
        for b in high:
            for c in low:
                if B[a, b, c] != 0.0:
                    A[row, zpos[b]] += B[a, b, c] * M0[c]
    # p_(b,c)′ = M_b′M_c + M_bM_c′, M_b′ = A[zpos b, 0] + Σ_e A[zpos b, zpos e] M_e (degree 2 closed)
    for (b, c), row in pair.items():
        for x, y in ((b, c), (c, b)):
            A[row, zpos[y]] += A[zpos[x], 0]
            for e in deg2:
                target = pair[(e, y)] if x == b else pair[(b, e)]
                A[row, target] += A[zpos[x], zpos[e]]
    z0 = np.concatenate([[1.0], M0[high], np.outer(M0[deg2], M0[deg2]).ravel()])
    return A, z0


def solve(M0: np.ndarray, a2: float, a4: float, times) -> np.ndarray:
    """Moments M_α(t), |α| ≤ 4, at ``times`` (t ≥ 0 from M0), exactly (matrix exponential)."""
    M0 = np.asarray(M0, dtype=float)
    if M0.shape != (SIZE,):
        raise ValueError(f"M0 must hold the {SIZE} moments of degree <= 4, got shape {M0.shape}")
    if not M0[0] > 0:
        raise ValueError(f"the mass M_000 must be positive, got {M0[0]!r}")
    times = np.atleast_1d(np.asarray(times, dtype=float))
    if np.any(times < 0) or not np.all(np.isfinite(times)):
        raise ValueError("times must be finite and >= 0")
    A, z0 = evolution_matrix(M0, a2, a4)
    high = np.flatnonzero(ORDER >= 2)
    out = np.empty((times.size, SIZE))
    for i, t in enumerate(times):
        z = expm(t * A) @ z0
        out[i] = M0
        out[i, high] = z[1:1 + high.size]
    return out


def rate_spectrum(a2: float, a4: float) -> dict[int, np.ndarray]:
    """Eigenvalues of the linear part of the degree-n block (n = 2, 3, 4) for a centred datum of
    unit mass: the relaxation rates (−eigenvalues) of the Maxwell-molecule moments."""
    M0 = np.zeros(SIZE)
    M0[0] = 1.0
    A, _ = evolution_matrix(M0, a2, a4)
    high = np.flatnonzero(ORDER >= 2)
    out = {}
    for n in (2, 3, 4):
        rows = 1 + np.flatnonzero(ORDER[high] == n)
        out[n] = np.sort(-np.linalg.eigvals(A[np.ix_(rows, rows)]).real)
    return out


def grid_moments(f: np.ndarray, points: np.ndarray, cell_volume: float) -> np.ndarray:
    """M_α = h^d Σ v^α f on a grid (points of shape (M, 3), f flattened in the same order)."""
    f = np.asarray(f, dtype=float).ravel()
    return np.array([cell_volume * np.sum(f * np.prod(points**alpha, axis=1)) for alpha in INDICES])


def gaussian_moments(mean, covariance, mass: float = 1.0) -> np.ndarray:
    """Exact moments of mass·N(mean, covariance): 3-point Gauss–Hermite in each of the standard
    normal coordinates z (v = mean + Lz, LLᵀ = covariance) integrates degree ≤ 5 exactly."""
    L = np.linalg.cholesky(np.asarray(covariance, dtype=float))
    x, w = hermegauss(3)
    w = w / math.sqrt(2 * math.pi)
    z = np.stack(np.meshgrid(x, x, x, indexing="ij"), axis=-1).reshape(-1, 3)
    weights = np.prod(np.stack(np.meshgrid(w, w, w, indexing="ij"), axis=-1).reshape(-1, 3), axis=1)
    v = np.asarray(mean, dtype=float) + z @ L.T
    return mass * np.array([np.sum(weights * np.prod(v**alpha, axis=1)) for alpha in INDICES])
