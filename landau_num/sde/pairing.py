"""The random-pairing scheme for system (3) of 003_2ee84d6b3c804a54.txt: O(N) per step, exact pair
dynamics, momentum and energy conserved to round-off at any dt.

The scheme
----------
One step of length dt: draw a uniformly random perfect matching M of {1, …, N} (N even), and let
every matched pair (i, j) run the two-particle dynamics of (3) — the (i, j) terms alone — for the
pair time s = (N − 1)dt, exactly. The pairs of M are disjoint, so they run independently (in
parallel). The two-particle dynamics keeps m = (V_i + V_j)/2 and |z|, z = V_i − V_j, and moves
ẑ as Brownian motion on S² with generator κΔ_{S²}, κ = 4Cα^N(|z|)/(N − 1) (:mod:`.system`, seed
003 Remark 1.7); over the pair time it is a spherical Brownian increment of "time"
κs = 4Cα^N(|z|)dt, i.e. the Wright–Fisher time τ = 2κs = 8Cα^N(|z|)dt of :mod:`.ancestral`,
sampled exactly there. |z| and m are untouched, so V_i + V_j and |V_i|² + |V_j|² = 2|m|² + |z|²/2
are kept to round-off: the step is an isometry, stable for any γ ≥ −3 and any dt.

*Why (N − 1).* Let L_ij be the generator of the (i, j) terms of (3), so that (3) has generator
L = Σ_{i<j} L_ij (its Kolmogorov equation (4)/(9): ∂ₜF = (N−1)^{−1}Σ_{i<j}Q_ij F, the factor
(N−1)^{−1} being inside L_ij). A uniform perfect matching of N (even) points contains a given
pair with probability (N − 3)!!/(N − 1)!! = 1/(N − 1). The step operator is
P = E_M Π_{(i,j)∈M} e^{sL_ij} = I + s E_M Σ_{(i,j)∈M} L_ij + O(s²) = I + (s/(N−1)) L + O(s²),
so s = (N − 1)dt makes the expected generator (P − I)/dt equal L at first order (registry
``seed003-pairing-generator``). The scheme is a random splitting of (3): its law differs from
(3) by O(dt) (not 0: pairs do not overlap within a step) — for γ = 0 exactly by
(1 − ρ)^n vs e^{−λ_N t} (:func:`pairing_second_moment_law`).

Exact finite-N, finite-dt law of the second moments (γ = 0)
------------------------------------------------------------
With α ≡ 1, τ = 8C dt for every pair. For one pair, the ℓ = 2 spherical harmonics ẑ⊗ẑ − I/3
decay by e^{−3τ} (Δ_{S²} eigenvalue −6 times κs = τ/2), so E[z′⊗z′ | z] = |z|²I/3 +
e^{−3τ}(z⊗z − |z|²I/3), and V_i⊗V_i + V_j⊗V_j = 2m⊗m + ½z⊗z changes in mean by
½(1 − e^{−3τ})(|z|²I/3 − z⊗z). Summing over the matching (each pair with probability 1/(N−1))
and using Σ_{i<j} z_ij⊗z_ij = N²K, K = (1/N)ΣV_i⊗V_i − M⊗M (M the mean, kept):
    E[K_{n+1} | K_n] − K∞ = (1 − ρ)(K_n − K∞),   ρ = N(1 − e^{−3τ}) / (2(N − 1)),   K∞ = (tr K/3) I,
exactly, for any dt (registry ``seed003-pairing-second-moment-law``). As dt → 0,
ρ/dt → 12CN/(N−1) = λ_N, the rate of (3). As dt → ∞, ρ → N/(2(N−1)): a step then randomises every
matched pair's direction completely, and the anisotropy still decays only by half a step at a
time (in the continuous system it would be gone).

Random numbers (reproducible for any number of threads)
-------------------------------------------------------
Counter-based: a replica's 64-bit key comes from ``numpy.random.SeedSequence(seed).spawn(R)``;
every random number is SplitMix64 (Steele, Lea, Flood 2014) applied to a counter: the stream of
(replica, step, purpose, index) starts at mix(key ⊕ mix(step ⊕ mix(purpose, index))), and draws
advance it by the golden gamma. So the numbers do not depend on which thread draws them.

*Uniform matching in parallel* (Rao–Sandelius): every particle draws a bucket among B = 2^b
(b from N only) with its own stream; the particles' velocities are scattered bucket by bucket
into a second array (counting sort over fixed chunks, in index order) and each bucket is
shuffled by Fisher–Yates with its own stream (Lemire's exact bounded integers). The
concatenation is a uniformly random permutation π of the particles; the matching is
{(π(2k), π(2k+1))}, i.e. adjacent rows (cache-friendly: a bucket is shuffled and its pairs are
updated while it sits in cache; the pair straddling two buckets is done after). Pair k draws from
its own stream: one uniform for A(τ) (inversion of the table's CDF, started at a guide table: the
index a binary search would give, in about two comparisons), the exponential holding times of the
bridge (γ ≠ 0), then one point (p, q) of the unit disc by rejection, whose s = p² + q² ~ U(0, 1) is
the uniform of the Beta inversion and whose direction (p, q)/√s, independent of s, the azimuth
(no cos/sin; the law of the pair update is unchanged, registry ``seed003-sphere-bm-ancestral``).
The particles thus come back relabelled (exchangeability: the empirical measure,
momentum and energy are what the scheme defines).
"""
from __future__ import annotations

import math

import numba
import numpy as np

from .._generated.potentials import alpha_cutoff

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
PURPOSE_BUCKET, PURPOSE_SHUFFLE, PURPOSE_PAIR = 1, 2, 3
BUCKET_TARGET = 2048  # particles per bucket, about (cache-sized shuffles)
CHUNKS = 64           # fixed chunks of the counting sort (results do not depend on threads)


@numba.njit(inline="always", cache=True)
def _mix(x):
    x = np.uint64(x)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@numba.njit(inline="always", cache=True)
def stream_start(key, step, purpose, index):
    """The SplitMix64 state of the stream (key, step, purpose, index)."""
    inner = _mix(np.uint64(purpose) * GOLDEN ^ np.uint64(index))
    return _mix(np.uint64(key) ^ _mix(np.uint64(step) ^ inner))


@numba.njit(inline="always", cache=True)
def next_u64(state):
    state = state + GOLDEN
    return state, _mix(state)


@numba.njit(inline="always", cache=True)
def next_uniform(state):
    """A double in (0, 1): ((u >> 11) + ½)·2⁻⁵³."""
    state, u = next_u64(state)
    return state, ((u >> np.uint64(11)) + 0.5) * (1.0 / 9007199254740992.0)


@numba.njit(inline="always", cache=True)
def next_below(state, n):
    """Exactly uniform integer in [0, n), n < 2³² (Lemire 2019, with rejection)."""
    n64 = np.uint64(n)
    state, u = next_u64(state)
    x = u >> np.uint64(32)
    prod = x * n64
    low = prod & np.uint64(0xFFFFFFFF)
    if low < n64:
        threshold = (np.uint64(0x100000000) - n64) % n64
        while low < threshold:
            state, u = next_u64(state)
            x = u >> np.uint64(32)
            prod = x * n64
            low = prod & np.uint64(0xFFFFFFFF)
    return state, np.int64(prod >> np.uint64(32))


def bucket_bits(N: int) -> int:
    """b with 2^b ≈ N / BUCKET_TARGET (0 for small N): a function of N only."""
    return max(0, int(math.floor(math.log2(max(1, N // BUCKET_TARGET)))))


@numba.njit(cache=True)
def _assign_buckets(key, step, bits, lo, hi, bucket):
    for i in range(lo, hi):
        if bits == 0:
            bucket[i] = 0
        else:
            _, u = next_u64(stream_start(key, step, PURPOSE_BUCKET, i))
            bucket[i] = np.int64(u >> np.uint64(64 - bits))


@numba.njit(cache=True)
def _count_chunk(bucket, lo, hi, row):
    row[:] = 0
    for i in range(lo, hi):
        row[bucket[i]] += 1


@numba.njit(cache=True)
def _offsets(chunk_counts, counts):
    """counts[b] = first position of bucket b; chunk_counts[h, b] ← first position of (h, b)."""
    H, B = chunk_counts.shape
    counts[0] = 0
    for b in range(B):
        position = counts[b]
        for h in range(H):
            c = chunk_counts[h, b]
            chunk_counts[h, b] = position
            position += c
        counts[b + 1] = position


@numba.njit(cache=True)
def _scatter_chunk(src, dst, bucket, lo, hi, row):
    for i in range(lo, hi):
        b = bucket[i]
        p = row[b]
        dst[p, 0], dst[p, 1], dst[p, 2] = src[i, 0], src[i, 1], src[i, 2]
        row[b] = p + 1


@numba.njit(cache=True)
def _shuffle_rows(key, step, b, w, lo, hi):
    """Fisher–Yates on the rows w[lo:hi] with the stream of bucket b."""
    state = stream_start(key, step, PURPOSE_SHUFFLE, b)
    for k in range(hi - lo - 1, 0, -1):
        state, j = next_below(state, k + 1)
        p, q = lo + k, lo + j
        for c in range(3):
            t = w[p, c]
            w[p, c] = w[q, c]
            w[q, c] = t


@numba.njit(inline="always", cache=True)
def _draw_ancestral(state, tau, cdf, start, lo, size, guide, inv_tau_max, grid_step, tau_bottom):
    """A(τ) exactly (table + death process) for τ ≥ tau_bottom, else the counted normal
    approximation (:mod:`.ancestral`). Returns (state, A, approximate?)."""
    if tau < tau_bottom:
        state, u1 = next_uniform(state)
        state, u2 = next_uniform(state)
        g = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        a = math.floor(2.0 / tau - 1.0 + math.sqrt(2.0 / (3.0 * tau)) * g + 0.5)
        return state, np.int64(max(a, 0.0)), True
    # the grid point at or below τ: j = ⌈(1/τ − 1/τ₀)/c⌉ (0 for τ ≥ τ₀), so that τ − τ_j ≥ 0 is bridged
    j = np.int64(math.ceil((1.0 / tau - inv_tau_max) / grid_step))
    if j < 0:
        j = 0
    tau_j = 1.0 / (inv_tau_max + grid_step * j)
    if j >= start.shape[0] or tau_j > tau:  # round-off at a grid point: step one point down if it exists
        j = min(j + 1, start.shape[0] - 1)
        tau_j = 1.0 / (inv_tau_max + grid_step * j)
    state, u = next_uniform(state)
    base, n = start[j], size[j]
    left = guide[base + np.int64(u * n)]  # first index with cdf ≥ u: from the guide table, then upward
    while left < n - 1 and cdf[base + left] < u:
        left += 1
    a = lo[j] + left
    remaining = tau - tau_j
    while a > 0 and remaining > 0.0:
        state, e = next_uniform(state)
        hold = -math.log(e) / (0.5 * a * (a + 1))
        if hold > remaining:
            break
        remaining -= hold
        a -= 1
    return state, a, False


@numba.njit(inline="always", cache=True)
def _pair_update(v, i, j, state, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide, inv_tau_max, grid_step,
                 tau_bottom):
    """Exact two-particle dynamics of (3) for the pair time (module doc): z ↦ |z|·ω, ω the
    spherical Brownian increment of ẑ; m kept. Returns 1 if the normal approximation was used."""
    z1, z2, z3 = v[i, 0] - v[j, 0], v[i, 1] - v[j, 1], v[i, 2] - v[j, 2]
    r = math.sqrt(z1 * z1 + z2 * z2 + z3 * z3)
    if r == 0.0:
        return 0
    tau = tau_per_alpha if gamma == 0.0 else tau_per_alpha * alpha_cutoff(r, gamma, eta)
    state, a, approximate = _draw_ancestral(state, tau, cdf, start, lo, size, guide, inv_tau_max, grid_step, tau_bottom)
    # (p, q) uniform on the unit disc by rejection (Marsaglia 1964): s = p² + q² ~ U(0, 1) and, independent
    # of it, (p, q)/√s is uniform on the circle — the uniform of the Beta inversion and the azimuth in one
    # draw, without cos and sin (p ≠ 0: 2u − 1 = 0 is not a value of next_uniform, so s > 0)
    while True:
        state, p = next_uniform(state)
        state, q = next_uniform(state)
        p, q = 2.0 * p - 1.0, 2.0 * q - 1.0
        s_disc = p * p + q * q
        if s_disc < 1.0:
            break
    x = 1.0 - s_disc ** (1.0 / (a + 1.0))  # Beta(1, 1 + A) by inversion
    cos_t = 1.0 - 2.0 * x
    sin_t = 2.0 * math.sqrt(x * (1.0 - x) / s_disc)  # sin Θ / √s: times (p, q) gives sin Θ (cos φ, sin φ)
    inv_r = 1.0 / r
    n1, n2, n3 = z1 * inv_r, z2 * inv_r, z3 * inv_r
    s = 1.0 if n3 >= 0.0 else -1.0  # orthonormal basis (e1, e2) of ẑ^⊥ (Duff et al. 2017)
    c = -1.0 / (s + n3)
    b = n1 * n2 * c
    e11, e12, e13 = 1.0 + s * n1 * n1 * c, s * b, -s * n1
    e21, e22, e23 = b, s + n2 * n2 * c, -n2
    cp, sp = sin_t * p, sin_t * q
    y1 = r * (cos_t * n1 + cp * e11 + sp * e21)
    y2 = r * (cos_t * n2 + cp * e12 + sp * e22)
    y3 = r * (cos_t * n3 + cp * e13 + sp * e23)
    m1, m2, m3 = 0.5 * (v[i, 0] + v[j, 0]), 0.5 * (v[i, 1] + v[j, 1]), 0.5 * (v[i, 2] + v[j, 2])
    v[i, 0], v[i, 1], v[i, 2] = m1 + 0.5 * y1, m2 + 0.5 * y2, m3 + 0.5 * y3
    v[j, 0], v[j, 1], v[j, 2] = m1 - 0.5 * y1, m2 - 0.5 * y2, m3 - 0.5 * y3
    return 1 if approximate else 0


@numba.njit(cache=True)
def _pairs_range(w, key, step, k_lo, k_hi, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide, inv_tau_max,
                 grid_step, tau_bottom):
    """Pairs k = k_lo..k_hi−1 of the shuffled rows: (w[2k], w[2k+1])."""
    approximate = 0
    for k in range(k_lo, k_hi):
        state = stream_start(key, step, PURPOSE_PAIR, k)
        approximate += _pair_update(w, 2 * k, 2 * k + 1, state, tau_per_alpha, gamma, eta, cdf, start,
                                    lo, size, guide, inv_tau_max, grid_step, tau_bottom)
    return approximate


@numba.njit(cache=True)
def _bucket_task(w, key, step, b, counts, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide, inv_tau_max,
                 grid_step, tau_bottom):
    """Shuffle bucket b and update the pairs lying inside it (a pair straddling two buckets is left
    to :func:`_boundary_pairs`)."""
    first, end = counts[b], counts[b + 1]
    _shuffle_rows(key, step, b, w, first, end)
    return _pairs_range(w, key, step, (first + 1) // 2, end // 2, tau_per_alpha, gamma, eta, cdf, start, lo, size,
                        guide, inv_tau_max, grid_step, tau_bottom)


@numba.njit(cache=True)
def _boundary_pairs(w, key, step, counts, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide, inv_tau_max,
                    grid_step, tau_bottom):
    approximate = 0
    for b in range(1, counts.shape[0] - 1):
        first = counts[b]
        if first % 2 == 1:
            approximate += _pairs_range(w, key, step, first // 2, first // 2 + 1, tau_per_alpha, gamma, eta, cdf,
                                        start, lo, size, guide, inv_tau_max, grid_step, tau_bottom)
    return approximate


@numba.njit(cache=True)
def _step_serial(src, dst, key, step, bits, bucket, chunk_counts, counts, tau_per_alpha, gamma, eta, cdf, start, lo,
                 size, guide, inv_tau_max, grid_step, tau_bottom):
    """One pairing step src → dst (the matched, updated particles in shuffled order), serially."""
    N = src.shape[0]
    H = chunk_counts.shape[0]
    per = (N + H - 1) // H
    _assign_buckets(key, step, bits, 0, N, bucket)
    for h in range(H):
        _count_chunk(bucket, h * per, min(N, (h + 1) * per), chunk_counts[h])
    _offsets(chunk_counts, counts)
    for h in range(H):
        _scatter_chunk(src, dst, bucket, h * per, min(N, (h + 1) * per), chunk_counts[h])
    approximate = 0
    for b in range(counts.shape[0] - 1):
        approximate += _bucket_task(dst, key, step, b, counts, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide,
                                    inv_tau_max, grid_step, tau_bottom)
    return approximate + _boundary_pairs(dst, key, step, counts, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide,
                                         inv_tau_max, grid_step, tau_bottom)


@numba.njit(parallel=True, cache=True)
def _step_parallel(src, dst, key, step, bits, bucket, chunk_counts, counts, tau_per_alpha, gamma, eta, cdf, start,
                   lo, size, guide, inv_tau_max, grid_step, tau_bottom):
    """The same step as :func:`_step_serial` (identical numbers), parallel over chunks and buckets."""
    N = src.shape[0]
    H = chunk_counts.shape[0]
    B = counts.shape[0] - 1
    per = (N + H - 1) // H
    for h in numba.prange(H):
        _assign_buckets(key, step, bits, h * per, min(N, (h + 1) * per), bucket)
        _count_chunk(bucket, h * per, min(N, (h + 1) * per), chunk_counts[h])
    _offsets(chunk_counts, counts)
    for h in numba.prange(H):
        _scatter_chunk(src, dst, bucket, h * per, min(N, (h + 1) * per), chunk_counts[h])
    found = np.zeros(B, dtype=np.int64)
    for b in numba.prange(B):
        found[b] = _bucket_task(dst, key, step, b, counts, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide,
                                inv_tau_max, grid_step, tau_bottom)
    return found.sum() + _boundary_pairs(dst, key, step, counts, tau_per_alpha, gamma, eta, cdf, start, lo, size, guide,
                                         inv_tau_max, grid_step, tau_bottom)


@numba.njit(parallel=True, cache=True)
def pairing_steps_over_replicas(v, keys, first_step, steps, bits, tau_per_alpha, gamma, eta, cdf, start, lo, size,
                                guide, inv_tau_max, grid_step, tau_bottom):
    """``steps`` pairing steps of every replica of v (R, N, 3) in place, parallel over replicas.
    Returns the number of pair updates that used the normal approximation of A(τ). The particles
    of a replica come back in a shuffled order (exchangeable: the empirical measure is what counts)."""
    R, N = v.shape[0], v.shape[1]
    found = np.zeros(R, dtype=np.int64)
    for r in numba.prange(R):
        bucket = np.empty(N, dtype=np.int64)
        chunk_counts = np.empty((CHUNKS, 1 << bits), dtype=np.int64)
        counts = np.empty((1 << bits) + 1, dtype=np.int64)
        other = np.empty((N, 3))
        src, dst = v[r], other
        key = np.uint64(keys[r])
        for n in range(steps):
            found[r] += _step_serial(src, dst, key, first_step + n, bits, bucket, chunk_counts, counts, tau_per_alpha,
                                     gamma, eta, cdf, start, lo, size, guide, inv_tau_max, grid_step, tau_bottom)
            src, dst = dst, src
        if steps % 2 == 1:
            v[r, :, :] = other
    return found.sum()


@numba.njit(cache=True)
def pairing_steps_within_replica(v, keys, first_step, steps, bits, tau_per_alpha, gamma, eta, cdf, start, lo, size,
                                 guide, inv_tau_max, grid_step, tau_bottom):
    """The same steps as :func:`pairing_steps_over_replicas` (identical numbers), parallel within
    each replica: for few replicas of many particles."""
    R, N = v.shape[0], v.shape[1]
    B = 1 << bits
    bucket = np.empty(N, dtype=np.int64)
    chunk_counts = np.empty((CHUNKS, B), dtype=np.int64)
    counts = np.empty(B + 1, dtype=np.int64)
    other = np.empty((N, 3))
    approximate = 0
    for r in range(R):
        key = np.uint64(keys[r])
        src, dst = v[r], other
        for n in range(steps):
            approximate += _step_parallel(src, dst, key, first_step + n, bits, bucket, chunk_counts, counts,
                                          tau_per_alpha, gamma, eta, cdf, start, lo, size, guide, inv_tau_max,
                                          grid_step, tau_bottom)
            src, dst = dst, src
        if steps % 2 == 1:
            v[r, :, :] = other
    return approximate


def replica_keys(seed: int, replicas: int) -> np.ndarray:
    """One 64-bit key per replica, from ``numpy.random.SeedSequence(seed).spawn(replicas)``
    (stored as int64 bit patterns)."""
    children = np.random.SeedSequence(seed).spawn(replicas)
    return np.array([c.generate_state(1, dtype=np.uint64)[0] for c in children], dtype=np.uint64).view(np.int64)


def pairing_second_moment_law(K0: np.ndarray, N: int, C: float, dt: float, steps: int) -> np.ndarray:
    """E[K_n | K_0] of the pairing scheme for γ = 0 (module doc): K∞ + (1 − ρ)ⁿ(K_0 − K∞),
    ρ = N(1 − e^{−24C dt})/(2(N − 1)) (3τ = 24C dt). K0: (..., 3, 3) centred second moments."""
    rho = N * (-math.expm1(-24.0 * C * dt)) / (2.0 * (N - 1))
    K0 = np.asarray(K0, dtype=float)
    K_inf = np.trace(K0, axis1=-2, axis2=-1)[..., None, None] / 3.0 * np.eye(3)
    return K_inf + (1.0 - rho) ** steps * (K0 - K_inf)
