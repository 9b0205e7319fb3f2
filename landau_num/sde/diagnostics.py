"""Diagnostics of ensembles of the particle system (3) of 003_2ee84d6b3c804a54.txt.

Arrays of velocities have shape (R, N, 3): R independent replicas of N particles. Each replica
defines the empirical measure μ^N = (1/N)Σ_i δ_{V_i} (seed 003 §1.2).

- Conserved quantities per replica: mean velocity (1/N)Σ V_i and energy (1/N)Σ|V_i|²
  (seed 003 Proposition 2.2); second moments (1/N)Σ V_i⊗V_i.
- Entropy H = ∫ f log f (seed 003 (5) for N = 1) by the Kozachenko–Leonenko k-nearest-neighbour
  estimator: −H ≈ ψ(n) − ψ(k) + log|B₁| + (3/n)Σ log ε_i, ε_i the distance to the k-th neighbour.
- Mollified Fisher information I(μ^N ∗ ψ_ε) = ∫|∇f_ε|²/f_ε with the Gaussian ψ_ε of variance ε:
  I = (1/N)Σ_i E_Z|∇log f_ε(V_i + √ε Z)|², Z ~ N(0, I₃), the expectation by tensor Gauss–Hermite
  quadrature (exact when the particles are far apart compared with √ε: then I = 3/ε).
- E|V₁ − V₂|^{−2}, bounded by I₀ (seed 003 Lemma 4.1). The plain mean of |z|^{−2} over pairs has
  infinite variance: the pair density p of z is positive at 0, so P(|z|^{−2} > s) ≈ (4π/3)p(0)s^{−3/2}
  (tail index 3/2: finite mean, E|z|^{−4} = ∫4πp(0)r^{−2}dr = ∞), and the sample mean converges
  at the rate n^{−1/3} with stable, not Gaussian, fluctuations. The robust estimator replaces
  |z|^{−2} inside a ball of radius ρ by its mean under a locally uniform density,
  ∫_{B_ρ}|z|^{−2}dz/|B_ρ| = 3/ρ²: g_ρ(r) = r^{−2} (r ≥ ρ), 3/ρ² (r < ρ). The constant and linear
  parts of p cancel exactly in the bias, leaving −(Δp(0)/6)(16π/45)ρ³; g_ρ ≤ 3/ρ², the variance is
  ≈ 4πp(0)/ρ per pair, and ρ ∝ n^{−1/7} balances them. Error bars from the spread of the
  per-replica means (replicas are independent).
- Distance to a deterministic reference ν = Σ_p w_p δ_{Y_p} (e.g. blob particles): the energy
  distance D²(μ, ν) = 2∫|x−y|dμdν − ∫|x−x′|dμdμ − ∫|y−y′|dνdν (Székely–Rizzo; = c∫|μ̂−ν̂|²|k|^{−4}dk
  in 3D). Chosen because it is exact (no random projections, unlike sliced Wasserstein), takes
  weighted references as they are, costs O(NM) with no transport problem, metrizes weak
  convergence with first moments, and its Monte-Carlo floor is explicit: for N i.i.d. samples of
  ν, E D²(μ^N, ν) = E|X − X′|/N. The U-statistic version (i ≠ j in the μμ term) removes that
  floor: its mean is 2E|X₁−Y| − E|X₁−X₂| − E|Y−Y′| with (X₁, X₂) ~ F^{N:2}, which vanishes in the
  chaotic limit (seed 003 Corollary 1.5).
- Where the case has an exact density: relative discrete L¹, L², L^∞ errors on a cell grid of the
  Gaussian kernel density estimate of the pooled particles (the one-particle marginal F^{N:1},
  seed 003 Corollary 1.5), Silverman bandwidth, at most KDE_MAX_SAMPLES particles.
"""
from __future__ import annotations

import math
from pathlib import Path

import numba
import numpy as np

from .._generated.mollifiers import gaussian_mollifier_3d
from ..grid import CellGrid
from ..norms import relative_errors
from ..validation import require_positive

FISHER_NODES = 3
KDE_MAX_SAMPLES = 8192
PAIRWISE_MAX_PARTICLES = 512  # the O(N²) and k-NN diagnostics use the first 512 particles of a replica


SUM_BLOCK = 1024  # two-level summation: round-off ~ (SUM_BLOCK + N/SUM_BLOCK)·ε instead of N·ε


@numba.njit(parallel=True, cache=True)
def _replica_sums(v):
    """Per replica, in one pass over the particles: Σ V_i (R, 3), Σ V_i⊗V_i (R, 3, 3) and Σ|V_i|
    (R,). One pass instead of one NumPy reduction each: at N = 10⁶ a record reads the 24 MB of
    velocities once (the energy is the trace of the second sum). Summed in blocks of SUM_BLOCK
    particles, then over blocks, so that the round-off stays far below the conservation errors
    it measures (NumPy's pairwise sums are as accurate; a plain running sum loses ~N·ε)."""
    R, N = v.shape[0], v.shape[1]
    out = np.zeros((R, 10))  # Σx, Σy, Σz, Σxx, Σxy, Σxz, Σyy, Σyz, Σzz, Σ|v|
    for r in numba.prange(R):
        for start in range(0, N, SUM_BLOCK):
            part = np.zeros(10)
            for i in range(start, min(N, start + SUM_BLOCK)):
                x, y, z = v[r, i, 0], v[r, i, 1], v[r, i, 2]
                part[0] += x
                part[1] += y
                part[2] += z
                part[3] += x * x
                part[4] += x * y
                part[5] += x * z
                part[6] += y * y
                part[7] += y * z
                part[8] += z * z
                part[9] += math.sqrt(x * x + y * y + z * z)
            for k in range(10):
                out[r, k] += part[k]
    first = out[:, 0:3].copy()
    second = np.empty((R, 3, 3))
    for r in range(R):
        second[r, 0, 0], second[r, 1, 1], second[r, 2, 2] = out[r, 3], out[r, 6], out[r, 8]
        second[r, 0, 1] = second[r, 1, 0] = out[r, 4]
        second[r, 0, 2] = second[r, 2, 0] = out[r, 5]
        second[r, 1, 2] = second[r, 2, 1] = out[r, 7]
    return first, second, out[:, 9].copy()


def replica_sums(v: np.ndarray):
    """(Σ_i V_i, Σ_i V_i⊗V_i, Σ_i |V_i|) per replica of v (R, N, 3): :func:`_replica_sums`."""
    return _replica_sums(np.ascontiguousarray(v, dtype=np.float64))


def replica_mean_velocity(v: np.ndarray) -> np.ndarray:
    return replica_sums(v)[0] / v.shape[1]


def replica_energy(v: np.ndarray) -> np.ndarray:
    return np.trace(replica_sums(v)[1], axis1=1, axis2=2) / v.shape[1]


def replica_second_moments(v: np.ndarray) -> np.ndarray:
    return replica_sums(v)[1] / v.shape[1]


def knn_entropy(points: np.ndarray, k: int = 1) -> float:
    """Kozachenko–Leonenko estimate of H = ∫ f log f from n ≥ k + 1 distinct points in R³."""
    from scipy.spatial import cKDTree
    from scipy.special import digamma

    points = np.asarray(points, dtype=float)
    n, d = points.shape
    if n < k + 1:
        raise ValueError(f"the k-nearest-neighbour entropy needs more than k = {k} points, got {n}")
    distances, _ = cKDTree(points).query(points, k=k + 1)
    eps = distances[:, k]
    if np.any(eps == 0.0):
        raise ValueError("the k-nearest-neighbour entropy needs distinct points (a distance is 0)")
    log_unit_ball = (d / 2) * math.log(math.pi) - math.lgamma(d / 2 + 1)
    return -float(digamma(n) - digamma(k) + log_unit_ball + d * np.mean(np.log(eps)))


def default_fisher_eps(v0: np.ndarray) -> float:
    """ε = θ₀ N^{−2/7} (a Silverman bandwidth h ∝ N^{−1/(d+4)}, ε = h²), θ₀ the initial ensemble
    temperature tr K/3."""
    N = v0.shape[1]
    centred = v0 - v0.mean(axis=1, keepdims=True)
    theta = float(np.einsum("rni,rni->", centred, centred) / (3 * v0.shape[0] * N))
    return theta * N ** (-2.0 / 7.0)


@numba.njit(parallel=True, cache=True)
def _fisher(v, eps, nodes, weights):
    R, N = v.shape[0], v.shape[1]
    q = nodes.shape[0]
    out = np.zeros(R)
    s = math.sqrt(eps)
    half_inv_eps = 0.5 / eps
    for r in numba.prange(R):
        total = 0.0
        for i in range(N):
            for a in range(q):
                for b in range(q):
                    for c in range(q):
                        x1 = v[r, i, 0] + s * nodes[a]
                        x2 = v[r, i, 1] + s * nodes[b]
                        x3 = v[r, i, 2] + s * nodes[c]
                        top = -np.inf
                        for j in range(N):
                            e = -((x1 - v[r, j, 0]) ** 2 + (x2 - v[r, j, 1]) ** 2 + (x3 - v[r, j, 2]) ** 2) * half_inv_eps
                            top = max(top, e)
                        s0 = s1 = s2 = s3 = 0.0
                        for j in range(N):
                            d1, d2, d3 = x1 - v[r, j, 0], x2 - v[r, j, 1], x3 - v[r, j, 2]
                            w = math.exp(-(d1 * d1 + d2 * d2 + d3 * d3) * half_inv_eps - top)
                            s0 += w
                            s1 += w * d1
                            s2 += w * d2
                            s3 += w * d3
                        total += weights[a] * weights[b] * weights[c] * (s1 * s1 + s2 * s2 + s3 * s3) / (eps * s0) ** 2
        out[r] = total / N
    return out


def mollified_fisher(v: np.ndarray, eps: float, nodes: int = FISHER_NODES) -> np.ndarray:
    """I(μ^N ∗ ψ_ε) per replica (module doc); cost O(R N² nodes³)."""
    require_positive("eps", eps)
    x, w = np.polynomial.hermite_e.hermegauss(nodes)
    return _fisher(np.ascontiguousarray(v, dtype=np.float64), float(eps), x, w / w.sum())


@numba.njit(parallel=True, cache=True)
def _ball_corrected_inverse_square(v, rho):
    R, N = v.shape[0], v.shape[1]
    out = np.zeros(R)
    inner = 3.0 / (rho * rho)
    for r in numba.prange(R):
        total = 0.0
        for i in range(N):
            for j in range(i + 1, N):
                r2 = (v[r, i, 0] - v[r, j, 0]) ** 2 + (v[r, i, 1] - v[r, j, 1]) ** 2 + (v[r, i, 2] - v[r, j, 2]) ** 2
                total += inner if r2 < rho * rho else 1.0 / r2
        out[r] = total / (N * (N - 1) / 2)
    return out


def inverse_square_distance(v: np.ndarray, rho: float | None = None) -> tuple[float, float, float]:
    """(estimate, standard error, ρ) of E|V₁ − V₂|^{−2} by the ball-corrected truncation (module doc).

    Default ρ = ½·rms|z|·M^{−1/7}, M = R·N(N−1)/2 the number of pairs. The standard error is the
    spread of the per-replica means over √R (nan for one replica)."""
    R, N = v.shape[0], v.shape[1]
    if rho is None:
        centred = v - v.mean(axis=1, keepdims=True)
        rms_z = math.sqrt(2.0 * N / (N - 1) * float(np.einsum("rni,rni->", centred, centred)) / (R * N))
        rho = 0.5 * rms_z * (R * N * (N - 1) / 2) ** (-1.0 / 7.0)
    require_positive("rho", rho)
    per_replica = _ball_corrected_inverse_square(np.ascontiguousarray(v, dtype=np.float64), float(rho))
    se = float(per_replica.std(ddof=1) / math.sqrt(R)) if R > 1 else float("nan")
    return float(per_replica.mean()), se, float(rho)


@numba.njit(cache=True)
def _mean_distance(x, wx, y, wy):
    """Σ_ij wx_i wy_j |x_i − y_j|."""
    total = 0.0
    for i in range(x.shape[0]):
        row = 0.0
        for j in range(y.shape[0]):
            row += wy[j] * math.sqrt((x[i, 0] - y[j, 0]) ** 2 + (x[i, 1] - y[j, 1]) ** 2 + (x[i, 2] - y[j, 2]) ** 2)
        total += wx[i] * row
    return total


@numba.njit(parallel=True, cache=True)
def _replica_distances(v, y, wy):
    R, N = v.shape[0], v.shape[1]
    cross = np.zeros(R)
    self_ = np.zeros(R)
    uniform = np.full(N, 1.0 / N)
    for r in numba.prange(R):
        cross[r] = _mean_distance(v[r], uniform, y, wy)
        self_[r] = _mean_distance(v[r], uniform, v[r], uniform)
    return cross, self_


def energy_distance(v: np.ndarray, reference: np.ndarray, weights: np.ndarray | None = None
                    ) -> tuple[np.ndarray, np.ndarray]:
    """(D²_V, D²_U) per replica between μ^N and ν = Σ w_p δ_{Y_p} (weights normalised to 1): the
    energy distance squared, and its U-statistic version (module doc)."""
    reference = np.ascontiguousarray(reference, dtype=np.float64)
    w = np.full(len(reference), 1.0) if weights is None else np.asarray(weights, dtype=np.float64)
    if reference.ndim != 2 or reference.shape[1] != 3 or w.shape != (len(reference),) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError("reference must be (M, 3) with M non-negative weights of positive sum")
    w = np.ascontiguousarray(w / w.sum())
    N = v.shape[1]
    cross, self_ = _replica_distances(np.ascontiguousarray(v, dtype=np.float64), reference, w)
    ref = _mean_distance(reference, w, reference, w)
    return 2 * cross - self_ - ref, 2 * cross - self_ * N / (N - 1) - ref


@numba.njit(parallel=True, cache=True)
def _kernel_density(points, samples, eps):
    out = np.zeros(points.shape[0])
    for g in numba.prange(points.shape[0]):
        total = 0.0
        for p in range(samples.shape[0]):
            total += gaussian_mollifier_3d(points[g, 0] - samples[p, 0], points[g, 1] - samples[p, 1],
                                           points[g, 2] - samples[p, 2], eps)
        out[g] = total / samples.shape[0]
    return out


def kde_bandwidth(samples: np.ndarray) -> float:
    """Silverman's ε = h² with h = σ̂(4/(5n))^{1/7}, σ̂² the mean coordinate variance of n samples in R³."""
    return float(samples.var(axis=0).mean()) * (4 / (5 * len(samples))) ** (2 / 7)


def kernel_density(v: np.ndarray, grid: CellGrid) -> np.ndarray:
    """The Gaussian kernel density estimate of the pooled particles (the first KDE_MAX_SAMPLES of
    them) at the grid points, Silverman bandwidth (:func:`kde_bandwidth`)."""
    samples = np.ascontiguousarray(v.reshape(-1, 3)[:KDE_MAX_SAMPLES], dtype=np.float64)
    return _kernel_density(np.ascontiguousarray(grid.points), samples, kde_bandwidth(samples))


def reconstruction_errors(v: np.ndarray, exact: np.ndarray, grid: CellGrid) -> dict:
    """Relative discrete L¹, L², L^∞ errors (``error_l1``, ``error_l2``, ``error_linf``, from
    :func:`landau_num.norms.relative_errors`) of :func:`kernel_density` against the exact density
    values on the grid points."""
    return relative_errors(kernel_density(v, grid), exact, prefix="error_")


def ensemble_diagnostics(v: np.ndarray, initial_sums, t: float, fisher_eps: float) -> dict:
    """One record of an SDE run (DESIGN.md §6): ensemble means, spreads over replicas, and the
    worst per-replica conservation errors relative to the initial state, given by its
    :func:`replica_sums` (computed once per run)."""
    R, N = v.shape[0], v.shape[1]
    total, second, _ = replica_sums(v)
    total0, second0, norms0 = initial_sums
    momentum_error = np.linalg.norm(total - total0, axis=1) / norms0
    S = second / N
    e = np.trace(S, axis1=1, axis2=2)
    energy_error = e / (np.trace(second0, axis1=1, axis2=2) / N) - 1.0
    # Exchangeable particles: the first n of a replica are a sample of its empirical measure; n = N
    # up to PAIRWISE_MAX_PARTICLES, so that a step of the O(N) pairing scheme is not outweighed by
    # O(N²) diagnostics (for N > n: estimates of the functionals of the n-particle marginal sample).
    sub = v[:, :PAIRWISE_MAX_PARTICLES]
    entropies = np.array([knn_entropy(x) for x in sub])
    fisher = mollified_fisher(sub, fisher_eps)
    inverse_square, inverse_square_se, _ = inverse_square_distance(sub)
    spread = (lambda a: a.std(axis=0, ddof=1)) if R > 1 else (lambda a: np.full(a.shape[1:], np.nan))
    return {
        "times": t, "mass": 1.0,
        "momentum": (total / N).mean(axis=0), "energy": float(e.mean()),
        "energy_std": float(spread(e)), "second_moments": S.mean(axis=0), "second_moments_std": spread(S),
        "momentum_relative_drift_max": float(momentum_error.max()),
        "energy_relative_drift_max": float(np.abs(energy_error).max()),
        "energy_relative_drift_mean": float(energy_error.mean()),
        "energy_relative_drift_rms": float(np.sqrt((energy_error**2).mean())),
        "entropy": float(entropies.mean()), "entropy_std": float(spread(entropies)),
        "fisher": float(fisher.mean()), "fisher_std": float(spread(fisher)),
        "inverse_square_distance": inverse_square, "inverse_square_distance_se": inverse_square_se,
    }


def write_figures(record, out_dir: Path) -> None:
    """second_moments.png (ensemble mean ± spread/√R against the Landau and finite-N laws),
    conservation.png (worst per-replica drifts), functionals.png (entropy, Fisher, E|z|^{−2}).
    ``record`` is a run record of the ``sde`` solver (:mod:`landau_num.sde.solver`)."""
    from ..figures import pyplot

    plt = pyplot()
    s, summary, params = record.series, record.summary, record.params
    declared = params.get("parameters", params)
    R, N, scheme = declared["replicas"], declared["N"], declared["scheme"]
    t = np.asarray(s["times"], dtype=float)
    S, S_std = _floats(s["second_moments"]), _floats(s["second_moments_std"])
    fig, ax = plt.subplots(figsize=(6.5, 4))
    for k, colour in zip(range(3), ("C0", "C1", "C2")):
        ax.errorbar(t, S[:, k, k], yerr=S_std[:, k, k] / math.sqrt(R), color=colour, marker=".", ls="",
                    label=f"SDE ⟨v{k + 1}²⟩ (± s.e.)")
        if "second_moments_landau" in summary:
            ax.plot(t, _floats(summary["second_moments_landau"])[:, k, k], color=colour,
                    label="Landau" if k == 0 else None)
        if "second_moments_finite_N" in summary:
            ax.plot(t, _floats(summary["second_moments_finite_N"])[:, k, k], color=colour, ls="--",
                    label=f"finite-N law (N={N})" if k == 0 else None)
    ax.set(xlabel="t", ylabel="second moments", title=f"{record.case}: N={N}, R={R}, {scheme}")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out_dir / "second_moments.png", dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 3.8))
    drawn = False
    for key, label in (("momentum_relative_drift_max", "momentum"), ("energy_relative_drift_max", "energy")):
        drift = _floats(s[key])
        positive = drift > 0  # exact zeros (t = 0, or no change at all) have no place on a log axis: omitted
        if positive.any():
            ax.semilogy(t[positive], drift[positive], marker=".", label=f"{label} (max over replicas)")
            drawn = True
    if drawn:
        ax.set_ylim(bottom=max(ax.get_ylim()[0], 1e-17))
        ax.legend()
    else:
        ax.set_yscale("log")
        ax.set_ylim(1e-17, 1e-15)
        ax.text(0.5, 0.5, "no drift: every value is exactly 0", transform=ax.transAxes, ha="center")
    ax.set(xlabel="t", ylabel="relative drift", title=f"conservation per replica ({scheme})")
    fig.tight_layout()
    fig.savefig(out_dir / "conservation.png", dpi=110)
    plt.close(fig)

    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    errors = (_floats(s["entropy_std"]) / math.sqrt(R), _floats(s["fisher_std"]) / math.sqrt(R),
              _floats(s["inverse_square_distance_se"]))
    for ax, key, error, label in zip(axes, ("entropy", "fisher", "inverse_square_distance"), errors,
                                     ("H (k-NN), ± s.e.", f"I(μ^N∗ψ_ε), ε={params['fisher_eps']:.3g}, ± s.e.",
                                      "E|V₁−V₂|⁻² (ball-corrected), ± s.e.")):
        ax.errorbar(t, _floats(s[key]), yerr=error, marker=".")
        ax.set(xlabel="t", title=label)
    fig.tight_layout()
    fig.savefig(out_dir / "functionals.png", dpi=110)
    plt.close(fig)


def _floats(values) -> np.ndarray:
    """A recorded series as a float array (``null``, a spread of one replica, → NaN)."""
    def convert(x):
        return [convert(y) for y in x] if isinstance(x, (list, tuple)) else (np.nan if x is None else x)
    return np.array(convert(list(values)), dtype=float)
