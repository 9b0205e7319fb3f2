"""Functionals of a density on a uniform grid (midpoint rule, spectral derivatives).

- moments, entropy H = ∫ f log f, Fisher information I = ∫ |∇f|²/f;
- the weighted and cross Fisher informations of 000_2c86dc742ea51118.txt Theorem 41,
  ∫ f⟨v⟩^γ|∇ log f|² and ∫ f⟨v⟩^γ|v × ∇ log f|² (in d = 2, v × ξ is the scalar v₁ξ₂ − v₂ξ₁);
- the entropy dissipation D in two independent ways:
    D_op   = −∫ Q(f) log f                                         (the operator),
    D_pair = ½∬ f f* α|v−v*|² |Π(v−v*)(∇log f − ∇*log f*)|²          (000 (5)),
  the latter through Σ_k (b_k(z)·ξ)² = |z × ξ|² (004 §1; the registry's ``b-fields-decompose-kernel``)
  either as the direct double sum (:func:`entropy_dissipation_pairs`, O(M²), the b_k form) or
  expanded into convolutions, D_pair = ∫ ∇f·ā∇f/f − ∫ ∇f·(A∗∇f) (:func:`entropy_dissipation_convolution`,
  O(M log M)); both are the same midpoint double sum;
- the Fisher dissipation dI/dt = ∫ (δI/δf) Q(f) = ∫ [2∇log f·∇Q(f) − |∇log f|² Q(f)]
  (δI/δf = −2Δlog f − |∇log f|², integrated by parts once);
- the relative L² distance E = ∫ (f/m − 1)² m of 004_b333c7817a08033b.txt Theorem 1,
  m the standard Gaussian.

Where f ≤ ``floor`` the integrands containing log f or 1/f are set to 0. Spectral derivatives
carry an absolute error of the order of the largest Fourier coefficients that the grid cannot
resolve, so |∇f|²/f is dominated by that noise where f is below it. The default floor is
therefore resolution-aware: max f × max(10⁻¹², 10 τ), τ the largest |f̂(k)|/|f̂(0)| over the
two outermost modes of each axis (below 10⁻¹⁴ for a resolved density, so the floor is then
10⁻¹² max f and the truncated region holds a negligible part of every functional). The
entropy needs no floor (f log f → 0): only f > 0 enters it.
"""
from __future__ import annotations

import math

import numba
import numpy as np

from .spectral import SpectralLandau

RELATIVE_FLOOR = 1e-12


def spectral_tail(f: np.ndarray) -> float:
    """τ = max |f̂(k)|/|f̂(0)| over wave numbers with some |k_a| among the two largest of the grid."""
    spectrum = np.abs(np.fft.rfftn(f))
    n = f.shape[0]
    cut = n // 2 - 1
    k = np.abs(np.fft.fftfreq(n, 1.0 / n))
    outer = np.zeros(spectrum.shape, dtype=bool)
    for a in range(f.ndim):
        axis_k = np.arange(spectrum.shape[-1]) if a == f.ndim - 1 else k
        shape = [1] * f.ndim
        shape[a] = axis_k.size
        outer |= axis_k.reshape(shape) >= cut
    return float(spectrum[outer].max() / spectrum.flat[0]) if spectrum.flat[0] > 0 else 0.0


def density_floor(f: np.ndarray) -> float:
    return float(f.max()) * max(RELATIVE_FLOOR, 10 * spectral_tail(f))


def _positive(f: np.ndarray, floor: float | None):
    floor = density_floor(f) if floor is None else floor
    mask = f > floor
    safe = np.where(mask, f, 1.0)
    return mask, safe


def mass(f, grid) -> float:
    return float(f.sum() * grid.cell_volume)


def _coordinates(grid) -> list[np.ndarray]:
    shape = (grid.n,) * grid.d
    return [grid.points[:, a].reshape(shape) for a in range(grid.d)]


def momentum(f, grid) -> np.ndarray:
    return np.array([float((f * x).sum() * grid.cell_volume) for x in _coordinates(grid)])


def second_moments(f, grid) -> np.ndarray:
    xs = _coordinates(grid)
    return np.array([[float((f * xi * xj).sum() * grid.cell_volume) for xj in xs] for xi in xs])


def energy(f, grid) -> float:
    """∫ |v|² f."""
    return float(np.trace(second_moments(f, grid)))


def entropy(f, grid) -> float:
    mask, safe = _positive(f, 0.0)
    return float(np.sum(np.where(mask, f * np.log(safe), 0.0)) * grid.cell_volume)


def fisher_information(f, operator: SpectralLandau, floor: float | None = None) -> float:
    mask, safe = _positive(f, floor)
    grad = operator.gradient(f)
    return float(np.sum(np.where(mask, sum(g * g for g in grad) / safe, 0.0)) * operator.grid.cell_volume)


def _score(f, operator, floor):
    mask, safe = _positive(f, floor)
    return mask, [np.where(mask, g / safe, 0.0) for g in operator.gradient(f)]


def weighted_fisher_information(f, operator: SpectralLandau, gamma: float, floor: float | None = None) -> float:
    """∫ f⟨v⟩^γ|∇ log f|² (000_2c86dc742ea51118.txt Theorem 41, first term)."""
    mask, score = _score(f, operator, floor)
    bracket = np.sqrt(1 + sum(x * x for x in _coordinates(operator.grid)))
    return float(np.sum(f * bracket**gamma * sum(s * s for s in score)) * operator.grid.cell_volume)


def cross_fisher_information(f, operator: SpectralLandau, gamma: float, floor: float | None = None) -> float:
    """∫ f⟨v⟩^γ|v × ∇ log f|² (000_2c86dc742ea51118.txt Theorem 41, the "cross Fisher information")."""
    mask, score = _score(f, operator, floor)
    xs = _coordinates(operator.grid)
    bracket = np.sqrt(1 + sum(x * x for x in xs))
    if operator.grid.d == 2:
        cross2 = (xs[0] * score[1] - xs[1] * score[0]) ** 2
    else:
        cross2 = sum((xs[(k + 1) % 3] * score[(k + 2) % 3] - xs[(k + 2) % 3] * score[(k + 1) % 3]) ** 2 for k in range(3))
    return float(np.sum(f * bracket**gamma * cross2) * operator.grid.cell_volume)


def relative_l2_distance(f, grid) -> float:
    """E = ∫ (f/m − 1)² m = ∫ (f − m)²/m, m the standard Gaussian (004 Theorem 1)."""
    r2 = sum(x * x for x in _coordinates(grid))
    m = (2 * math.pi) ** (-grid.d / 2) * np.exp(-r2 / 2)
    return float(np.sum((f - m) ** 2 / m) * grid.cell_volume)


def entropy_dissipation_operator(f, operator: SpectralLandau, Qf=None, floor: float | None = None) -> float:
    """D_op = −∫ Q(f) log f."""
    Qf = operator(f) if Qf is None else Qf
    mask, safe = _positive(f, floor)
    return float(-np.sum(np.where(mask, Qf * np.log(safe), 0.0)) * operator.grid.cell_volume)


def entropy_dissipation_convolution(f, operator: SpectralLandau, floor: float | None = None) -> float:
    """D_pair by convolutions: with g = f∇log f = ∇f (on the unmasked set),
    ½∬ f f* (ξᵀAξ) = ∫ f sᵀ(A∗f)s − ∫ g·(A∗g), s = ∇log f, ξ = s − s* (O(M log M)).
    The masked density and score are those of :func:`entropy_dissipation_pairs`, so the two
    evaluate the same double sum."""
    mask, score = _score(f, operator, floor)
    fm = np.where(mask, f, 0.0)
    g = [fm * s for s in score]
    a_bar = operator.diffusion_matrix(fm)
    d = operator.grid.d
    first = np.sum(fm * sum(score[i] * a_bar[(min(i, j), max(i, j))] * score[j] for i in range(d) for j in range(d)))
    second = np.sum(sum(gi * ci for gi, ci in zip(g, operator.matrix_convolve(g))))
    return float((first - second) * operator.grid.cell_volume)


@numba.njit(parallel=True, cache=True)
def _pair_dissipation_sum(points, f, score, C, gamma):
    """½ Σ_{i,j} f_i f_j α(|z|)|z × ξ|², z = x_i − x_j, ξ = score_i − score_j (the b_k form:
    Σ_k (b_k(z)·ξ)² = |z × ξ|², with the scalar cross product in d = 2)."""
    M, d = points.shape
    partial = np.zeros(M)
    for i in numba.prange(M):
        if f[i] == 0.0:
            continue
        acc = 0.0
        for j in range(M):
            if f[j] == 0.0 or j == i:
                continue
            r2 = 0.0
            for a in range(d):
                r2 += (points[i, a] - points[j, a]) ** 2
            z0 = points[i, 0] - points[j, 0]
            z1 = points[i, 1] - points[j, 1]
            x0 = score[i, 0] - score[j, 0]
            x1 = score[i, 1] - score[j, 1]
            if d == 2:
                cross2 = (z0 * x1 - z1 * x0) ** 2
            else:
                z2 = points[i, 2] - points[j, 2]
                x2 = score[i, 2] - score[j, 2]
                cross2 = (z1 * x2 - z2 * x1) ** 2 + (z2 * x0 - z0 * x2) ** 2 + (z0 * x1 - z1 * x0) ** 2
            acc += f[j] * r2 ** (0.5 * gamma) * cross2
        partial[i] = f[i] * acc
    return 0.5 * C * partial.sum()


def entropy_dissipation_pairs(f, operator: SpectralLandau, floor: float | None = None) -> float:
    """D_pair as the direct O(M²) double sum in the b_k form (small grids; the pair i = j is 0)."""
    mask, score = _score(f, operator, floor)
    grid = operator.grid
    fm = np.where(mask, f, 0.0).ravel()
    score_flat = np.stack([s.ravel() for s in score], axis=1)
    total = _pair_dissipation_sum(grid.points, fm, score_flat, operator.C, operator.gamma)
    return float(total * grid.cell_volume**2)


def fisher_dissipation_rate(f, operator: SpectralLandau, Qf=None, floor: float | None = None) -> float:
    """dI/dt = ∫ [2∇log f·∇Q(f) − |∇log f|² Q(f)] along ∂ₜf = Q(f)."""
    Qf = operator(f) if Qf is None else Qf
    mask, score = _score(f, operator, floor)
    gradQ = operator.gradient(Qf)
    integrand = 2 * sum(s * g for s, g in zip(score, gradQ)) - sum(s * s for s in score) * Qf
    return float(np.sum(np.where(mask, integrand, 0.0)) * operator.grid.cell_volume)
