"""The stochastic N-particle system (3) of 003_2ee84d6b3c804a54.txt, two integrators, exact laws.

The system
----------
For velocities V_1, …, V_N ∈ R³ and one R³ Brownian motion B^{ij} per unordered pair i < j,
B^{ji} = −B^{ij}, seed 003 (3) reads

    dV_i = (2/(N−1)) Σ_{j≠i} b(V_i − V_j) dt + √(2/(N−1)) Σ_{j≠i} σ(V_i − V_j) dB^{ij},

with b = ∇·(Cα^N a) = −2Cα^N(|z|) z and σ = (Cα^N a)^{1/2} = √(Cα^N(|z|)) |z| Π(z), a(z) = |z|²Π(z).
Seed 003 has C = 1; a case with collision constant C (DESIGN.md §2) uses the profile Cα^N.
α^N = α_η is the cut-off of seed 003 Remark 2.1 (the generated kernel ``alpha_cutoff``):
α_η(r) = (ηχ(r/η))^γ equals r^γ for r ≥ η and (0.99η)^γ for r ≤ 0.98η.

*Supported γ.* −3 ≤ γ ≤ 0. For γ ≤ 0 the cut-off is bounded by (0.99η)^γ, α_η ≤ α, α_η ↗ α as
η ↓ 0 and r|α_η′|/α_η ≤ −γ ≤ −γ/0.99, i.e. condition (2) holds; for γ > 0 the right-hand side of
(2) is negative and α_η ≥ α, so (2) fails. γ < −3 is beyond the Coulomb case, outside the range
of the Landau equation the seed (§1.1) and the toolkit consider (the seed proves (−3, −2];
γ = 0, Maxwell molecules, gives the exact benchmarks below).

*Default regularisation* η_N = N^{−1/3} (velocity units of the case): the typical distance from a
particle to its nearest neighbour in a unit-temperature cloud is of order N^{−1/3}, so the
cut-off changes O(1) of the N − 1 interactions of a particle (relative O(1/N), below the
O(N^{−1/2}) fluctuations of μ^N), η_N ↓ 0 as the seed requires (§2), and the largest pair
coefficient α_η(0)/(N−1) = O(N^{−γ/3−1}) stays bounded for every γ ≥ −3.

Mean-field check (DESIGN.md §2). With μ^N → f, particle i sees the drift 2b̄ and the diffusion
matrix ā (½ΣΣᵀ of (3): ½·(2/(N−1))Σ_j Cα^N a(V_i − V_j) → ā), where ā = C∫α a(v − v*) f* dv*,
b̄ = ∫ b(v − v*) f* dv* = ∇·ā. Its Fokker–Planck equation is
∂ₜf = ∇·(∇·(ā f) − 2b̄ f) = ∇·(ā∇f + (∇·ā) f − 2b̄ f) = ∇·(ā∇f − b̄ f), the Landau equation.

What one pair does alone
------------------------
Keep only the (i, j) terms of (3) and write m = (V_i + V_j)/2, z = V_i − V_j, κ = 4Cα^N(|z|)/(N−1).
The two noises are opposite (B^{ji} = −B^{ij}, σ even), so dm = 0, and
    dz = −2κ z dt + √(2κ) |z| Π(z) dW   (W = B^{ij}).
Its generator is L = κ(|z|²Π:∇² − 2z·∇). With Π:∇² = Δ − ∂_r² = (2/r)∂_r + r^{−2}Δ_{S²} this is
L = κΔ_{S²} acting on the direction ẑ: |z| is frozen (d|z|² = 2z·dz + 2κ|z|²tr Π dt = 0) and ẑ is
a Brownian motion on the unit sphere with generator κΔ_{S²} (seed 003 Remark 1.7: the heat
equation on the sphere, diffusion proportional to α^N). Consequences, used as exact benchmarks:
    E[P_ℓ(ẑ(t)·ẑ(0))] = exp(−ℓ(ℓ+1)κt),  κ = 4Cα^N(|z|)/(N−1)   (Δ_{S²}P_ℓ = −ℓ(ℓ+1)P_ℓ);
for N = 2 the pair is the whole system, so this is exact for (3).

The pair-rotation integrator
----------------------------
One time step is a Lie splitting over the pairs (in the round-robin order of
:func:`pair_schedule`). The sub-step of pair (i, j) draws ξ ~ N(0, I₃) (the increment
ΔB^{ij}/√dt, the same numbers Euler–Maruyama uses), sets the rotation vector
ω = √(2κ dt) ẑ × ξ and rotates z about ω/|ω| by the angle |ω| (Rodrigues, generated kernel
``rotate_about_axis``); m is kept. So V_i + V_j and |V_i|² + |V_j|² = 2|m|² + |z|²/2 are unchanged:
momentum and energy of every replica are conserved to round-off, and the state stays on its
Boltzmann sphere for any dt, however large α^N(0)dt is (the step is an isometry).
*Check of the generator.* z' = z + ω×z + ½ω×(ω×z) + O(|ω|³), ω ⊥ z, E|ẑ×ξ|² = 2:
    E[z' − z] = −½ z E|ω|² = −2κ dt z,   E[(ω×z)⊗(ω×z)] = 2κ dt |z|²Π(z)
(ω×z = √(2κ dt)|z|Π(z)ξ, the Euler–Maruyama noise of z exactly). These are the drift and
diffusion of the pair generator above, so each sub-step has generator dt·L_ij + O(dt²) and the
splitting has the generator Σ_{i<j} L_ij of (3) to first order. For N = 2 the step is the
geodesic random walk on the sphere with isotropic tangent step of length θ = √(2κ dt)|Πξ|
(|Πξ| Rayleigh); by the addition theorem E[P_ℓ(ẑ_n·ẑ_0)] = ρ_ℓ^n exactly, ρ_ℓ = E P_ℓ(cos θ)
= 1 − ℓ(ℓ+1)κ dt + O(dt²).

Euler–Maruyama (Itô form of (3)): ΔV_i = Σ_j [(2/(N−1)) b(z_ij) dt + √(2/(N−1)) σ(z_ij) √dt ξ_ij],
ΔV_j gets the opposite pair term. Momentum is conserved to round-off; energy is not:
E[ΔΣ|V_i|² | V] = dt² Σ_i |drift_i|² > 0 (the linear noise term vanishes since σ(z)z = 0 and the
Itô terms cancel): a systematic heating O(dt) at fixed T, on top of a per-replica random walk of
size O(√dt). The run records report both.

Random numbers: ``numpy.random.Generator`` (explicit seed) draws, per call of the kernels (one
call per record interval of a run) and replica, a 32-bit seed for numba's Mersenne Twister; the
replica then draws 3 normals per pair, pair after pair in schedule order, step after step. The
stream equals ``numpy.random.RandomState(seed).standard_normal((steps, P, 3))``, so a run is
reproducible from its seed and parameters whatever the number of threads. The kernels run in
parallel over replicas (``prange``); the pairs of one replica are visited sequentially (the
splitting is sequential, and one seeded stream per replica keeps runs reproducible).

Finite-N second-moment law (γ = 0)
----------------------------------
With α ≡ 1, K = (1/N)Σ V_i⊗V_i − M⊗M (M = mean velocity, pathwise constant) and tr K conserved.
A pair changes Σ_i V_i⊗V_i by ½d(z⊗z) = κ(|z|²I − 3z⊗z)dt + martingale (Itô, pair generator
above); summing over pairs with Σ_{i<j} z_ij⊗z_ij = N²K and κ = 4C/(N−1) gives
    dE[K | K(0)]/dt = λ_N/3 (tr K(0) I − 3 E[K | K(0)]),   λ_N = 12CN/(N−1) = 4dC·N/(N−1),
so E[K(t) | K(0)] = K∞ + (K(0) − K∞)e^{−λ_N t}, K∞ = (tr K(0)/3) I: a closed linear law that tends
to the Landau law Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt} as N → ∞ (for i.i.d. initial data with
covariance Σ₀, E K(0) = (1 − 1/N)Σ₀ and E M⊗M = Σ₀/N).
"""
from __future__ import annotations

import math
import os

# The OpenMP threads of numba's parallel kernels sleep, instead of spinning, between the parallel
# regions (read when the OpenMP runtime starts, i.e. at the first parallel kernel; an explicit
# setting wins). A pairing step of 10⁶ particles has three parallel regions and serial parts
# between them: on a loaded 2-core machine the spinning thread cost ~45% extra CPU time per step
# (66 ms of work, 96 ms of CPU; 68 ms with passive waiting — benchmarks/bench_sde.py pairing).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numba  # noqa: E402
import numpy as np

from .._generated.potentials import alpha_cutoff
from .._generated.rotation import rotate_about_axis
from ..validation import require_integer, require_positive, require_real

SCHEMES = ("rotation", "euler", "pairing")
GAMMA_MIN, GAMMA_MAX = -3.0, 0.0
PAIRING_PARALLEL_PAIRS_FROM = 4096  # N from which the pairing scheme runs the pairs of a replica in parallel
DIMENSION = 3


def default_eta(N: int) -> float:
    """η_N = N^{−1/3}: the nearest-neighbour distance of N unit-temperature particles (module doc)."""
    return float(N) ** (-1.0 / 3.0)


def validate_system(N, gamma, C, eta, replicas=1, dt=None) -> None:
    """ValueError naming the first bad parameter of (3) and its allowed range, before anything is
    computed (through the one validator family, :mod:`landau_num.validation`)."""
    require_integer("N (particles)", N, 2)
    require_integer("replicas", replicas, 1)
    require_real("gamma (condition (2) of seed 003 for the cut-off α_η, and a defined Landau limit)",
                 gamma, GAMMA_MIN, GAMMA_MAX)
    require_positive("C (collision constant)", C)
    require_positive("eta (regularisation radius)", eta)
    if dt is not None:
        require_positive("dt", dt)


def _rounds(N: int):
    """The rounds of the circle method, one (n, 2) int64 array of pairs (i < j) at a time."""
    players = list(range(N)) + ([-1] if N % 2 else [])  # −1: the bye of odd N
    n = len(players)
    for _ in range(n - 1):
        pairs = [(players[k], players[n - 1 - k]) for k in range(n // 2)]
        yield np.array([(min(a, b), max(a, b)) for a, b in pairs if a >= 0 and b >= 0], dtype=np.int64).reshape(-1, 2)
        players = [players[0], players[-1]] + players[1:-1]


def round_robin_rounds(N: int) -> list[np.ndarray]:
    """The N−1 (N even) or N (N odd) rounds of the circle method: each unordered pair once, the
    pairs of a round disjoint. Each round is an (n, 2) array of pairs (i, j) with i < j."""
    return list(_rounds(N))


def pair_schedule(N: int) -> np.ndarray:
    """All N(N−1)/2 pairs (i < j) in round-robin order, shape (P, 2): the order of the splitting
    and of the Gaussian increments. Filled round by round into one array (16·P bytes in all)."""
    out = np.empty((N * (N - 1) // 2, 2), dtype=np.int64)
    start = 0
    for rnd in _rounds(N):
        out[start:start + len(rnd)] = rnd
        start += len(rnd)
    return out


def direction_diffusivity(r, N: int, C: float, gamma: float, eta: float) -> float:
    """κ = 4Cα^N(r)/(N−1): ẑ of a pair at distance r diffuses with generator κΔ_{S²} (module doc)."""
    return 4.0 * C * alpha_cutoff(float(r), float(gamma), float(eta)) / (N - 1)


def draw_seeds(rng: np.random.Generator, replicas: int) -> np.ndarray:
    """One seed per replica for numba's generator (re-seeded at each call of the kernels)."""
    return rng.integers(0, 2**32, size=replicas, dtype=np.int64)


@numba.njit(cache=True, error_model="numpy")
def _rotate_pair(v, i, j, xi1, xi2, xi3, two_kappa_dt_per_alpha, gamma, eta):
    """Sub-step of pair (i, j): rotate z = v_i − v_j by ω = √(2κ dt) ẑ × ξ, keep the centre."""
    z1, z2, z3 = v[i, 0] - v[j, 0], v[i, 1] - v[j, 1], v[i, 2] - v[j, 2]
    r = math.sqrt(z1 * z1 + z2 * z2 + z3 * z3)
    if r == 0.0:
        return
    u1, u2, u3 = (z2 * xi3 - z3 * xi2) / r, (z3 * xi1 - z1 * xi3) / r, (z1 * xi2 - z2 * xi1) / r
    u = math.sqrt(u1 * u1 + u2 * u2 + u3 * u3)
    if u == 0.0:
        return
    theta = math.sqrt(two_kappa_dt_per_alpha * alpha_cutoff(r, gamma, eta)) * u
    y1, y2, y3 = rotate_about_axis(z1, z2, z3, u1 / u, u2 / u, u3 / u, theta)
    # No renormalisation of |z'| to r: it would bias the round-off (energy grows ~1e-17 per update),
    # while the rotation's own round-off errors are unbiased and accumulate like a random walk.
    m1, m2, m3 = 0.5 * (v[i, 0] + v[j, 0]), 0.5 * (v[i, 1] + v[j, 1]), 0.5 * (v[i, 2] + v[j, 2])
    v[i, 0], v[i, 1], v[i, 2] = m1 + 0.5 * y1, m2 + 0.5 * y2, m3 + 0.5 * y3
    v[j, 0], v[j, 1], v[j, 2] = m1 - 0.5 * y1, m2 - 0.5 * y2, m3 - 0.5 * y3


@numba.njit(parallel=True, cache=True, error_model="numpy")
def rotation_steps(v, pairs, steps, seeds, dt, C, gamma, eta):
    """``steps`` pair-rotation steps of (3) for every replica of v (R, N, 3), in place."""
    R, N = v.shape[0], v.shape[1]
    two_kappa_dt_per_alpha = 8.0 * C * dt / (N - 1)
    for r in numba.prange(R):
        vr = v[r]
        np.random.seed(seeds[r])
        for _ in range(steps):
            for p in range(pairs.shape[0]):
                xi1 = np.random.standard_normal()
                xi2 = np.random.standard_normal()
                xi3 = np.random.standard_normal()
                _rotate_pair(vr, pairs[p, 0], pairs[p, 1], xi1, xi2, xi3, two_kappa_dt_per_alpha, gamma, eta)


@numba.njit(parallel=True, cache=True, error_model="numpy")
def euler_steps(v, pairs, steps, seeds, dt, C, gamma, eta):
    """``steps`` Euler–Maruyama steps of the Itô system (3) for every replica of v, in place."""
    R, N = v.shape[0], v.shape[1]
    drift_per_alpha = 4.0 * C * dt / (N - 1)   # (2/(N−1))·2Cα dt
    noise_per_alpha = 2.0 * C * dt / (N - 1)   # (√(2/(N−1))·√(Cα)·√dt)²
    for r in numba.prange(R):
        vr = v[r]
        increment = np.empty((N, 3))
        np.random.seed(seeds[r])
        for _ in range(steps):
            increment[:] = 0.0
            for p in range(pairs.shape[0]):
                xi1 = np.random.standard_normal()
                xi2 = np.random.standard_normal()
                xi3 = np.random.standard_normal()
                i, j = pairs[p, 0], pairs[p, 1]
                z1, z2, z3 = vr[i, 0] - vr[j, 0], vr[i, 1] - vr[j, 1], vr[i, 2] - vr[j, 2]
                norm = math.sqrt(z1 * z1 + z2 * z2 + z3 * z3)
                if norm == 0.0:
                    continue
                a = alpha_cutoff(norm, gamma, eta)
                d = -drift_per_alpha * a
                amp = math.sqrt(noise_per_alpha * a)
                proj = (z1 * xi1 + z2 * xi2 + z3 * xi3) / norm   # |z|Π(z)ξ = |z|ξ − z(z·ξ)/|z|
                w1 = d * z1 + amp * (norm * xi1 - z1 * proj)
                w2 = d * z2 + amp * (norm * xi2 - z2 * proj)
                w3 = d * z3 + amp * (norm * xi3 - z3 * proj)
                increment[i, 0] += w1
                increment[i, 1] += w2
                increment[i, 2] += w3
                increment[j, 0] -= w1
                increment[j, 1] -= w2
                increment[j, 2] -= w3
            for i in range(N):
                for k in range(3):
                    vr[i, k] += increment[i, k]


_STEPPERS = {"rotation": rotation_steps, "euler": euler_steps}


class ParticleSystem:
    """The system (3) of seed 003 for N particles with α^N = α_η and collision constant C.

    ``advance(v, dt, steps, seeds, scheme)`` takes ``steps`` steps of every replica of v (R, N, 3,
    float64, modified in place); seeds (R,) come from :func:`draw_seeds`.
    """

    def __init__(self, N: int, gamma: float, C: float = 1.0, eta: float | None = None):
        validate_system(N, gamma, C, 1.0 if eta is None else eta)
        eta = default_eta(N) if eta is None else eta
        self.N, self.gamma, self.C, self.eta = int(N), float(gamma), float(C), float(eta)
        self._pairs, self._tables = None, {}
        self.approximate_updates = 0  # pairing: pair updates that used the normal approximation of A(τ)

    @property
    def pairs(self) -> np.ndarray:
        """The round-robin pair schedule of the rotation and Euler schemes (built on first use)."""
        if self._pairs is None:
            self._pairs = pair_schedule(self.N)
        return self._pairs

    def pair_updates_per_step(self, scheme: str) -> int:
        return self.N // 2 if scheme == "pairing" else self.N * (self.N - 1) // 2

    def ancestral_tables(self, dt: float):
        """The exact tables of A(τ) for the pairing scheme at this dt (:mod:`.ancestral`): τ = 8Cα^N(|z|)dt
        ranges over (0, 8Cα^N(0)dt]; one table when γ = 0."""
        from .ancestral import AncestralTables

        if dt not in self._tables:
            tau_max = 8.0 * self.C * alpha_cutoff(0.0, self.gamma, self.eta) * dt
            self._tables[dt] = AncestralTables(tau_max, tau_max if self.gamma == 0.0 else 0.0)
        return self._tables[dt]

    def advance(self, v: np.ndarray, dt: float, steps: int, seeds: np.ndarray, scheme: str = "rotation",
                first_step: int = 0) -> None:
        """For ``pairing``: seeds are the replicas' 64-bit keys (:func:`.pairing.replica_keys`) and
        first_step the global index of the first step (the counter of the random streams)."""
        if scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}, got {scheme!r}")
        validate_system(self.N, self.gamma, self.C, self.eta, dt=dt)
        if v.ndim != 3 or v.shape[1:] != (self.N, DIMENSION) or v.dtype != np.float64 or not v.flags.c_contiguous:
            raise ValueError(f"velocities must be a C-contiguous float64 array (R, {self.N}, 3), got {v.shape}")
        require_integer("steps", steps, 0)
        seeds = np.ascontiguousarray(seeds, dtype=np.int64)
        if seeds.shape != (v.shape[0],):
            raise ValueError(f"seeds must have shape ({v.shape[0]},), got {seeds.shape}")
        if scheme == "pairing":
            self._advance_pairing(v, float(dt), int(steps), seeds, int(first_step))
            return
        _STEPPERS[scheme](v, self.pairs, int(steps), seeds, float(dt), self.C, self.gamma, self.eta)

    def _advance_pairing(self, v, dt, steps, keys, first_step) -> None:
        from . import pairing

        if self.N % 2:
            raise ValueError(f"the pairing scheme needs an even number of particles N (a perfect matching), got {self.N}")
        require_integer("first_step", first_step, 0)
        tables = self.ancestral_tables(dt)
        kernel = (pairing.pairing_steps_within_replica if self.N >= PAIRING_PARALLEL_PAIRS_FROM
                  else pairing.pairing_steps_over_replicas)  # the same numbers either way
        self.approximate_updates += int(kernel(
            v, keys, first_step, steps, pairing.bucket_bits(self.N), 8.0 * self.C * dt, self.gamma, self.eta,
            tables.cdf, tables.start, tables.lo, tables.size, tables.guide, tables.inv_tau_max, tables.step,
            tables.tau_bottom))


def maxwell_second_moment_law(v0: np.ndarray, elapsed: float, C: float) -> np.ndarray:
    """Ensemble mean of E[(1/N)Σ V_i⊗V_i (t) | V(0)] for γ = 0 (module doc): the finite-N law
    M⊗M + K∞ + (K(0) − K∞)e^{−λ_N t}, λ_N = 12CN/(N−1), averaged over the replicas of v0."""
    N = v0.shape[1]
    mean = v0.mean(axis=1)
    mm = np.einsum("ri,rj->rij", mean, mean)
    K = np.einsum("rni,rnj->rij", v0, v0) / N - mm
    K_inf = np.trace(K, axis1=1, axis2=2)[:, None, None] / 3.0 * np.eye(3)
    decay = math.exp(-12.0 * C * N / (N - 1) * elapsed)
    return (mm + K_inf + (K - K_inf) * decay).mean(axis=0)
