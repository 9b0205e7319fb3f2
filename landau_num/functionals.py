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
- the relative L² distance E = ∫ (f/m − 1)² m of 004_b333c7817a08033b.txt Theorem 1, m the
  equilibrium of f: the Maxwellian with the mass, momentum and energy of f (for data with unit
  mass, zero mean and temperature 1, as in the seed, the standard Gaussian).

Where f ≤ ``floor`` the integrands containing log f or 1/f are set to 0. Spectral derivatives
carry an absolute error of the order of the largest Fourier coefficients that the grid cannot
resolve, so |∇f|²/f is dominated by that noise where f is below it. The default floor is
therefore resolution-aware: max f × max(10⁻¹², 10 τ), τ the largest |f̂(k)|/|f̂(0)| over the
two outermost modes of each axis (below 10⁻¹⁴ for a resolved density, so the floor is then
10⁻¹² max f and the truncated region holds a negligible part of every functional). The
entropy needs no floor (f log f → 0): only f > 0 enters it.

On an under-resolved grid that floor masks much of the mass (all of it on a very coarse grid)
and a truncated functional would be silently wrong (formerly exactly 0). :func:`resolution_report`
states the rule (τ ≤ 10⁻⁴ and masked-mass fraction ≤ 10⁻⁴); with the default floor every
Fisher-type functional and every dissipation returns ``nan`` where it fails, so a run record
shows null. An explicit ``floor`` is the caller's choice of mask and is evaluated as given.
E takes no derivative and has its own mask (:func:`relative_l2_distance`, :func:`point_value_floor`).
"""
from __future__ import annotations

import math

import numba
import numpy as np

from .kernels import get_kernel
from .validation import require_positive
from .spectral.operator import SpectralLandau

RELATIVE_FLOOR = 1e-12
MAX_SPECTRAL_TAIL = 1e-4
MAX_MASKED_MASS_FRACTION = 1e-4


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


def _floor_of(f: np.ndarray, tail: float) -> float:
    return float(f.max()) * max(RELATIVE_FLOOR, 10 * tail)


def density_floor(f: np.ndarray) -> float:
    """The resolution-aware floor max f × max(10⁻¹², 10 τ), τ = :func:`spectral_tail` (module docstring)."""
    return _floor_of(f, spectral_tail(f))


def resolution_report(f: np.ndarray) -> dict:
    """Whether the grid resolves f well enough for the functionals that take derivatives.

    Returns ``{"spectral_tail": τ, "floor": density_floor(f), "masked_mass_fraction": μ,
    "resolved": bool}`` with μ = Σ_{f ≤ floor}|f| / Σ|f| (negative values, Gibbs undershoots
    of a solver, count as masked: they are not trusted either).

    ``resolved`` is ``τ ≤ MAX_SPECTRAL_TAIL = 10⁻⁴ and μ ≤ MAX_MASKED_MASS_FRACTION = 10⁻⁴``:

    - μ: the Fisher-type integrands drop the masked points, and there they are of the order of
      f|v − u|²/T² with |v − u|² large, so the relative error of I is a small multiple of μ:
      measured 5–12 μ for Gaussians (d = 2, 3) and BKW profiles (bkw2d, bkw3d) as n varies.
      μ ≤ 10⁻⁴ keeps that error at the 10⁻³ level, the tolerance of the dissipation checks
      (``proofs_check.dissipation_checks``); beyond it the number would mislead.
    - τ: the absolute error of a spectral derivative is a fraction (0.1–0.4, measured) of
      τ max f everywhere, in the bulk too; τ ≤ 10⁻⁴ keeps the floor 10 τ max f ≤ 10⁻³ max f, in
      the tails, even for profiles with a flat top whose masked mass is small.

    Examples: a unit Gaussian on [−8, 8]² with n = 32 has τ ≈ 3·10⁻⁸, μ ≈ 2·10⁻⁷ (resolved;
    I within 4·10⁻⁶); with n = 24, τ ≈ 9·10⁻⁵ but μ ≈ 10⁻³ (not resolved; I off by 10⁻²); a
    Gaussian of variance 0.01 with n = 8 on [−4, 4]² has μ = 1 (everything masked).
    """
    tail = spectral_tail(f)
    floor = _floor_of(f, tail)
    weight = np.abs(f)
    total = float(weight.sum())
    masked = float(weight[f <= floor].sum() / total) if total > 0 else 1.0
    resolved = bool(total > 0 and tail <= MAX_SPECTRAL_TAIL and masked <= MAX_MASKED_MASS_FRACTION)
    return {"spectral_tail": tail, "floor": floor, "masked_mass_fraction": masked, "resolved": resolved}


def _positive(f: np.ndarray, floor: float | None):
    """(mask, safe) with mask = f > floor; ``None`` when floor is the default and the grid is
    under-resolved (:func:`resolution_report`), so that the caller returns nan."""
    if floor is None:
        report = resolution_report(f)
        if not report["resolved"]:
            return None
        floor = report["floor"]
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
    """I = ∫ |∇f|²/f (nan on an under-resolved grid with the default floor)."""
    positive = _positive(f, floor)
    if positive is None:
        return math.nan
    mask, safe = positive
    grad = operator.gradient(f)
    return float(np.sum(np.where(mask, sum(g * g for g in grad) / safe, 0.0)) * operator.grid.cell_volume)


def _score(f, operator, floor):
    """(mask, ∇log f on the mask), or ``None`` where :func:`_positive` is ``None``."""
    positive = _positive(f, floor)
    if positive is None:
        return None
    mask, safe = positive
    return mask, [np.where(mask, g / safe, 0.0) for g in operator.gradient(f)]


def weighted_fisher_information(f, operator: SpectralLandau, gamma: float, floor: float | None = None) -> float:
    """∫ f⟨v⟩^γ|∇ log f|² (000_2c86dc742ea51118.txt Theorem 41, first term)."""
    scored = _score(f, operator, floor)
    if scored is None:
        return math.nan
    mask, score = scored
    bracket = np.sqrt(1 + sum(x * x for x in _coordinates(operator.grid)))
    return float(np.sum(f * bracket**gamma * sum(s * s for s in score)) * operator.grid.cell_volume)


def cross_fisher_information(f, operator: SpectralLandau, gamma: float, floor: float | None = None) -> float:
    """∫ f⟨v⟩^γ|v × ∇ log f|² (000_2c86dc742ea51118.txt Theorem 41, the "cross Fisher information")."""
    scored = _score(f, operator, floor)
    if scored is None:
        return math.nan
    mask, score = scored
    xs = _coordinates(operator.grid)
    bracket = np.sqrt(1 + sum(x * x for x in xs))
    if operator.grid.d == 2:
        cross2 = (xs[0] * score[1] - xs[1] * score[0]) ** 2
    else:
        cross2 = sum((xs[(k + 1) % 3] * score[(k + 2) % 3] - xs[(k + 2) % 3] * score[(k + 1) % 3]) ** 2 for k in range(3))
    return float(np.sum(f * bracket**gamma * cross2) * operator.grid.cell_volume)


_MAXWELLIAN_2D = get_kernel("maxwellian", 2)
_MAXWELLIAN_3D = get_kernel("maxwellian", 3)


@numba.njit(parallel=True, cache=True)
def maxwellian_values(points, mean, temperature):
    """The generated unit-mass Maxwellian kernel at every row of ``points`` (d = 2 or 3)."""
    M, d = points.shape
    out = np.empty(M)
    for i in numba.prange(M):
        if d == 2:
            out[i] = _MAXWELLIAN_2D(points[i, 0], points[i, 1], mean[0], mean[1], temperature)
        else:
            out[i] = _MAXWELLIAN_3D(points[i, 0], points[i, 1], points[i, 2], mean[0], mean[1], mean[2],
                                    temperature)
    return out


def maxwellian_parameters(f, grid) -> tuple[float, np.ndarray, float]:
    """(ρ, u, T) of f on the grid: ρ = ∫f, u = ∫vf/ρ, T = (∫|v|²f/ρ − |u|²)/d — the mass,
    mean and temperature of the Maxwellian with the mass, momentum and energy of f."""
    rho = mass(f, grid)
    u = momentum(f, grid) / rho if rho != 0 else np.full(grid.d, math.nan)
    T = (energy(f, grid) / rho - float(u @ u)) / grid.d if rho != 0 else math.nan
    return rho, u, float(T)


def maxwellian_on_grid(grid, mass: float, mean, temperature: float) -> np.ndarray:
    """mass × the generated Maxwellian kernel (``get_kernel("maxwellian", d)``, unit mass) on the
    grid points, shaped (n,)*d. ValueError naming a bad parameter."""
    mean = np.asarray(mean, dtype=float).reshape(-1)
    if mean.shape != (grid.d,) or not np.all(np.isfinite(mean)):
        raise ValueError(f"mean must be {grid.d} finite numbers, got {mean.tolist()!r}")
    require_positive("mass", mass)
    require_positive("temperature", temperature)
    values = maxwellian_values(grid.points, mean, float(temperature))
    return float(mass) * values.reshape((grid.n,) * grid.d)


def point_value_floor(f: np.ndarray) -> float:
    """The level below which point values of f are not trusted: max f × max(10⁻¹², 10 ν),
    ν = max(0, −min f)/max f the largest undershoot.

    Negative values of a density are pure error of its point values; a solver loses positivity
    by Gibbs ripples of either sign and similar size, which reach the box corners (aniso3d with
    n = 32, L = 7.5: ripples of 3·10⁻⁵ max f where m ≈ 10⁻¹² max f made E ≈ 10³). So the largest
    undershoot measures that noise, and the factor 10 is the margin of :func:`density_floor`.
    Without undershoots (exact samples) the floor is the round-off one, 10⁻¹² max f."""
    top = float(f.max())
    undershoot = max(0.0, -float(f.min())) / top if top > 0 else 0.0
    return top * max(RELATIVE_FLOOR, 10 * undershoot)


def relative_l2_distance(f, grid, equilibrium=None, floor: float | None = None) -> float:
    """E = ∫ (f/m − 1)² m = ∫ (f − m)²/m (004_b333c7817a08033b.txt Theorem 1).

    m is the equilibrium of f: ``equilibrium = (mass, mean, temperature)`` when given, otherwise
    the Maxwellian with the mass, momentum and energy of f on the grid (:func:`maxwellian_parameters`;
    nan when f has no positive mass or temperature). For a case's data that is the case's own end
    state (coulomb2d: mass 1, mean (−1, 0), temperature 2); the seed's normalised data give the
    standard Gaussian. m is evaluated by the generated kernel (:func:`maxwellian_on_grid`).

    Masking rule. A point is dropped when both f ≤ floor and m ≤ floor; all others are kept.
    Where m is tiny (the box corners on grids with L ≳ 7.5, where m even underflows) the
    integrand is δ²/m for a round-off error δ of f, and that noise dominated E (1e4–1e7 instead of
    1.78 for aniso3d): when f too is below the floor neither f nor m carries information there.
    Where f ≤ floor but m > floor the integrand ≈ m is real and kept (the bkw2d datum vanishes at
    v = 0); where f > floor but m ≤ floor it is ≈ f²/m, the real contribution of a tail heavier
    than the equilibrium's, also kept (m = 0 there gives inf: E is then not finite on this grid).
    So E is the distance on the region where f or m is known, a lower bound when f has heavy tails.

    The default floor is :func:`point_value_floor`, not the resolution-aware :func:`density_floor`:
    E takes no derivative, and the spectral tail τ bounds the error of spectral derivatives, not
    of the point values of f (exact samples of a datum are known to round-off even where τ is
    large: with the resolution-aware floor the aniso3d datum on a 32³ grid, τ ≈ 10⁻², would lose
    most of its box). Pass ``floor=density_floor(f)`` for the other functionals' mask.
    """
    if equilibrium is None:
        rho, u, T = maxwellian_parameters(f, grid)
        if not (rho > 0 and T > 0 and np.all(np.isfinite(u))):
            return math.nan
    else:
        rho, u, T = equilibrium
    m = maxwellian_on_grid(grid, rho, u, T)
    floor = point_value_floor(f) if floor is None else floor
    keep = (f > floor) | (m > floor)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        integrand = np.where(keep, (f - m) ** 2 / np.where(keep, m, 1.0), 0.0)
    return float(np.sum(integrand) * grid.cell_volume)


def entropy_dissipation_operator(f, operator: SpectralLandau, Qf=None, floor: float | None = None) -> float:
    """D_op = −∫ Q(f) log f."""
    positive = _positive(f, floor)
    if positive is None:
        return math.nan
    mask, safe = positive
    Qf = operator(f) if Qf is None else Qf
    return float(-np.sum(np.where(mask, Qf * np.log(safe), 0.0)) * operator.grid.cell_volume)


def entropy_dissipation_convolution(f, operator: SpectralLandau, floor: float | None = None) -> float:
    """D_pair by convolutions: with g = f∇log f = ∇f (on the unmasked set),
    ½∬ f f* (ξᵀAξ) = ∫ f sᵀ(A∗f)s − ∫ g·(A∗g), s = ∇log f, ξ = s − s* (O(M log M)).
    The masked density and score are those of :func:`entropy_dissipation_pairs`, so the two
    evaluate the same double sum."""
    scored = _score(f, operator, floor)
    if scored is None:
        return math.nan
    mask, score = scored
    fm = np.where(mask, f, 0.0)
    g = [fm * s for s in score]
    a_bar = operator.diffusion_matrix(fm)
    d = operator.grid.d
    first = np.sum(fm * sum(score[i] * a_bar[(min(i, j), max(i, j))] * score[j] for i in range(d) for j in range(d)))
    second = np.sum(sum(gi * ci for gi, ci in zip(g, operator.matrix_convolve(g))))
    return float((first - second) * operator.grid.cell_volume)


@numba.njit(parallel=True, cache=True)
def _pair_dissipation_terms(points, f, score, gamma):
    """The terms i of ½ Σ_{i,j} f_i f_j α(|z|)|z × ξ|², z = x_i − x_j, ξ = score_i − score_j (the
    b_k form: Σ_k (b_k(z)·ξ)² = |z × ξ|², with the scalar cross product in d = 2), without the ½C.
    The caller sums them outside numba: a ``.sum()`` in a parallel function is a parallel
    reduction whose last bits depend on the thread count."""
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
    return partial


def entropy_dissipation_pairs(f, operator: SpectralLandau, floor: float | None = None) -> float:
    """D_pair as the direct O(M²) double sum in the b_k form (small grids; the pair i = j is 0)."""
    scored = _score(f, operator, floor)
    if scored is None:
        return math.nan
    mask, score = scored
    grid = operator.grid
    fm = np.where(mask, f, 0.0).ravel()
    score_flat = np.stack([s.ravel() for s in score], axis=1)
    total = 0.5 * operator.C * np.sum(_pair_dissipation_terms(grid.points, fm, score_flat, operator.gamma))
    return float(total * grid.cell_volume**2)


def fisher_dissipation_rate(f, operator: SpectralLandau, Qf=None, floor: float | None = None) -> float:
    """dI/dt = ∫ [2∇log f·∇Q(f) − |∇log f|² Q(f)] along ∂ₜf = Q(f)."""
    scored = _score(f, operator, floor)
    if scored is None:
        return math.nan
    mask, score = scored
    Qf = operator(f) if Qf is None else Qf
    gradQ = operator.gradient(Qf)
    integrand = 2 * sum(s * g for s, g in zip(score, gradQ)) - sum(s * s for s in score) * Qf
    return float(np.sum(np.where(mask, integrand, 0.0)) * operator.grid.cell_volume)
