"""Exact transition law of Brownian motion on S² through the ancestral (line-of-descent) process.

Used by the random-pairing scheme (:mod:`.pairing`) for the two-particle dynamics of system (3)
of 003_2ee84d6b3c804a54.txt, whose direction ẑ is a Brownian motion on S² with generator κΔ_{S²}
(seed 003 Remark 1.7; :mod:`.system`).

Representation (Mijatović–Mramor–Uribe Bravo 2020, derived here for S²)
-------------------------------------------------------------------------
Let Θ be the angle between ẑ(0) and ẑ(s), u = cos Θ, x = (1 − u)/2 ∈ [0, 1]. On functions of u,
Δ_{S²} = (1 − u²)∂_u² − 2u∂_u, i.e. in x: Δ_{S²} = x(1−x)∂_x² + (1 − 2x)∂_x = 2·L_WF, where
L_WF = ½x(1−x)∂² + ½(θ₁(1−x) − θ₂x)∂ is the Wright–Fisher generator with mutation θ₁ = θ₂ = 1
(θ = θ₁ + θ₂ = 2). So x(s) is a Wright–Fisher diffusion from x = 0 run for the time τ = 2κs, and
by its moment duality with the coalescent (Griffiths 1980, Tavaré 1984)

    x(s) ~ Beta(1, 1 + A(τ)),   A(τ) the line-of-descent process of θ = 2 at time τ:

the pure death process started from +∞ with death rate λ_m = m(m + θ − 1)/2 = m(m + 1)/2 from m.
Its law is the alternating series
    q_m(τ) = Σ_{k≥m} (−1)^{k−m} (2k + 1) (m + k)! / (m! (m + 1)! (k − m)!) e^{−k(k+1)τ/2}.
Given x, the new direction is cos Θ = 1 − 2x, sin Θ = 2√(x(1−x)), at a uniform azimuth about ẑ(0).
Checks (registry ``seed003-sphere-bm-ancestral``, tests): Σ_m q_m = 1, E[P_ℓ(u)] = e^{−ℓ(ℓ+1)τ/2}
for ℓ = 1, 2 (the heat-kernel eigenvalues, ℓ(ℓ+1)κs).

Exact tables
------------
The series cancels catastrophically in floating point (terms up to e^{100} and more for τ < 0.01),
so :func:`ancestral_pmf` sums it in exact integer fixed-point arithmetic (Python integers with
P = log₂(largest term) + 80 bits; every rounding is below 2⁻⁶⁰ in absolute value), over the
window of m where the law is not negligible: m = 2/τ ± 9(√(2/(3τ)) + 1) (sd of A ≈ √(m/3)); the
window is accepted only if its mass is 1 to 1e-15 and its edge values are below 1e-18.
Tables are cached on disk (``$LANDAU_CACHE`` or ~/.cache/landau_num) by the bits of τ.

For a continuum of τ (γ ≠ 0: τ = 8Cα^N(|z|)dt varies from pair to pair), the tables sit on the
grid 1/τ_j = 1/τ_max + c·j (c = :data:`GRID_STEP`), and A(τ) for τ ∈ [τ_j, τ_{j−1}) is drawn as
A(τ_j) from table j followed by the death process run exactly (exponential holding times) for
the time τ − τ_j: the Markov property makes this exact, and E[#deaths] ≈ 2(1/τ_j − 1/τ) ≤ 2c.
The smallest table is computed by the series; the others by uniformization of the finite death
chain from the next smaller one, p(τ + h) = Σ_n Poisson(n; Λh) (I + Q/Λ)ⁿ p(τ), a sum of
non-negative terms (no cancellation), truncated where the Poisson tail is below 1e-18.

Below the floor :data:`TAU_FLOOR` (or below the smallest table of a run) the exact tables are not
built (cost ∝ τ^{−2}); A(τ) is then drawn from the normal approximation N(2/τ − 1, 2/(3τ)) of
the small-τ regime (mean and variance of the hitting times Σ_{k>m} E_k/λ_k inverted). Such
draws are counted and reported by the scheme: they are the only inexact part.
"""
from __future__ import annotations

import hashlib
import math
import os
from pathlib import Path

import numpy as np

TAU_FLOOR = 2.5e-3
TAU_TOP = 8.0  # the grid starts at min(τ_max, TAU_TOP); larger τ are bridged from it (P(A(8) > 0) ≈ 1e-3)
GRID_STEP = 2.0
MASS_TOLERANCE = 1e-15
EDGE_TOLERANCE = 1e-18
GUARD_BITS = 80
WINDOW_SD = 9.0


def _log_term(m: int, k: int, tau: float) -> float:
    return (math.log(2 * k + 1) + math.lgamma(m + k + 1) - math.lgamma(m + 2) - math.lgamma(m + 1)
            - math.lgamma(k - m + 1) - k * (k + 1) * tau / 2)


def default_window(tau: float) -> tuple[int, int]:
    mean, sd = 2.0 / tau, math.sqrt(2.0 / (3.0 * tau)) + 1.0
    return max(0, int(mean - WINDOW_SD * sd)), int(mean + WINDOW_SD * sd) + 2


def ancestral_pmf(tau: float, lo: int, hi: int) -> np.ndarray:
    """q_m(τ) for m = lo, …, hi (module doc), exact to 2⁻⁶⁰ absolute: integer fixed point."""
    import mpmath

    if not (tau > 0 and math.isfinite(tau)):
        raise ValueError(f"tau must be finite and > 0, got {tau!r}")
    last, best = {}, 0.0
    for m in range(lo, hi + 1):
        k, previous = m, -math.inf
        while True:
            value = _log_term(m, k, tau)
            best = max(best, value)
            if value < -60.0 and k > m + 5 and value < previous:
                break
            previous, k = value, k + 1
        last[m] = k
    P = int(best / math.log(2)) + GUARD_BITS
    one = 1 << P
    kmax = max(last.values())
    with mpmath.workprec(P + 64):
        t = mpmath.mpf(tau)
        ratio = [int(mpmath.nint(mpmath.ldexp(mpmath.exp(-t * k), P))) for k in range(kmax + 2)]
        first = [int(mpmath.nint(mpmath.ldexp(mpmath.exp(
            mpmath.loggamma(2 * m + 1) - mpmath.loggamma(m + 2) - mpmath.loggamma(m + 1) - t * m * (m + 1) / 2), P)))
            for m in range(lo, hi + 1)]
    out = np.empty(hi - lo + 1)
    for m in range(lo, hi + 1):
        term, total = first[m - lo], 0  # term_k = (m+k)!/(m!(m+1)!(k−m)!) e^{−k(k+1)τ/2}, fixed point
        for k in range(m, last[m] + 1):
            total += (2 * k + 1) * term if (k - m) % 2 == 0 else -(2 * k + 1) * term
            term = (term * (m + k + 1) * ratio[k + 1]) // ((k + 1 - m) << P)
        out[m - lo] = total / one
    return out


def _cache_dir() -> Path:
    return Path(os.environ.get("LANDAU_CACHE", Path.home() / ".cache" / "landau_num")) / "ancestral"


def exact_table(tau: float) -> tuple[int, np.ndarray]:
    """(lo, pmf) of A(τ) on its window (module doc), computed once and cached on disk."""
    lo, hi = default_window(tau)
    key = hashlib.sha1(f"{float(tau).hex()}|{lo}|{hi}|{GUARD_BITS}".encode()).hexdigest()[:16]
    path = _cache_dir() / f"q_{key}.npy"
    if path.exists():
        pmf = np.load(path)
        if pmf.shape == (hi - lo + 1,):
            return lo, pmf
    pmf = ancestral_pmf(tau, lo, hi)
    if abs(pmf.sum() - 1.0) > MASS_TOLERANCE or pmf.min() < -1e-20 or max(pmf[0] if lo > 0 else 0.0, pmf[-1]) > EDGE_TOLERANCE:
        raise ArithmeticError(f"ancestral law at tau={tau}: the window [{lo}, {hi}] misses mass "
                              f"(sum-1={pmf.sum() - 1:.2e}, edges {pmf[0]:.2e}, {pmf[-1]:.2e})")
    pmf = np.clip(pmf, 0.0, None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, pmf)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: the table is simply recomputed next time
    return lo, pmf


def propagate(pmf_full: np.ndarray, h: float) -> np.ndarray:
    """The law on {0, …, len−1} of the death chain (rates λ_m = m(m+1)/2) after time h, from
    pmf_full, by uniformization at rate Λ = λ_top (top: the last non-negligible level):
    Σ_n Poisson(n; Λh) (I + Q/Λ)ⁿ p, non-negative terms only, to n = Λh + 12√(Λh) + 30."""
    full = np.zeros(len(pmf_full))
    nz = np.nonzero(np.asarray(pmf_full) > EDGE_TOLERANCE * 1e-3)[0]
    top = int(nz[-1]) if len(nz) else 0
    if top == 0:
        full[0] = float(np.sum(pmf_full))
        return full
    term = np.array(pmf_full[:top + 1], dtype=float)
    lam = np.arange(top + 1, dtype=float) * np.arange(1, top + 2, dtype=float) / 2
    Lam = float(lam[-1])
    mean = Lam * h
    out = np.zeros(top + 1)
    log_weight = -mean
    for n in range(int(mean + 12 * math.sqrt(mean) + 30) + 1):
        out += math.exp(log_weight) * term
        log_weight += math.log(mean) - math.log(n + 1)
        nxt = term * (1 - lam / Lam)
        nxt[:-1] += term[1:] * (lam[1:] / Lam)
        term = nxt
    full[:top + 1] = out
    return full


class AncestralTables:
    """CDF tables of A(τ_j) on the grid 1/τ_j = 1/τ₀ + c·j, j = 0..J, τ₀ = min(τ_max, TAU_TOP),
    τ_J ≥ max(τ_min, TAU_FLOOR) (the largest such grid point).

    Arrays for the compiled sampler: ``cdf`` and its ``guide`` table (concatenated),
    ``start``/``lo``/``size`` per table, ``inv_tau_max``, ``step`` and ``tau_bottom`` (below: the
    counted normal approximation).
    A single τ (γ = 0) is the case τ_min = τ_max: one table, no bridging.
    """

    def __init__(self, tau_max: float, tau_min: float):
        if not (tau_max > 0 and math.isfinite(tau_max)):
            raise ValueError(f"tau_max must be finite and > 0, got {tau_max!r}")
        self.inv_tau_max, self.step = max(1.0 / tau_max, 1.0 / TAU_TOP), GRID_STEP
        floor = max(tau_min, TAU_FLOOR)
        J = -1 if 1.0 / self.inv_tau_max < floor else int(math.floor((1.0 / floor - self.inv_tau_max) / GRID_STEP + 1e-12))
        taus = [1.0 / (self.inv_tau_max + GRID_STEP * j) for j in range(J + 1)]
        self.taus = np.array(taus)
        self.tau_bottom = taus[-1] if taus else math.inf
        pmfs = []
        if taus:
            lo, q = exact_table(taus[-1])
            full = np.zeros(lo + len(q))
            full[lo:] = q
            pmfs.append(full)
            for j in range(J - 1, -1, -1):
                full = propagate(full, taus[j] - taus[j + 1])
                pmfs.append(full)
            pmfs.reverse()
        cdfs, starts, los, sizes, offset = [], [], [], [], 0
        for full in pmfs:
            nz = np.nonzero(full > EDGE_TOLERANCE * 1e-3)[0]
            lo, hi = int(nz[0]), int(nz[-1])
            c = np.cumsum(full[lo:hi + 1])
            c /= c[-1]
            cdfs.append(c)
            starts.append(offset)
            los.append(lo)
            sizes.append(len(c))
            offset += len(c)
        self.cdf = np.concatenate(cdfs) if cdfs else np.ones(1)
        self.start = np.array(starts or [0], dtype=np.int64)
        self.lo = np.array(los or [0], dtype=np.int64)
        self.size = np.array(sizes or [1], dtype=np.int64)
        self.count = len(pmfs)
        self.guide = self._guide_table()

    def _guide_table(self) -> np.ndarray:
        """Guide table of the inversion (Chen–Asau): for table j of n entries and g = 0..n−1,
        guide[start_j + g] = the first index i with cdf_j[i] ≥ g/n, so that the first index with
        cdf_j ≥ u lies at or after guide[start_j + ⌊un⌋]: the compiled sampler walks up from there
        (about two comparisons) and finds exactly the index a binary search would."""
        guide = np.empty(len(self.cdf), dtype=np.int64)
        for base, n in zip(self.start, self.size):
            c = self.cdf[base:base + n]
            guide[base:base + n] = np.minimum(np.searchsorted(c, np.arange(n) / n, side="left"), n - 1)
        return guide

    def mean(self, j: int) -> float:
        c = self.cdf[self.start[j]:self.start[j] + self.size[j]]
        p = np.diff(np.concatenate(([0.0], c)))
        return float((p * (self.lo[j] + np.arange(len(p)))).sum())
