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
import time
from dataclasses import dataclass
from pathlib import Path

import numba
import numpy as np

from . import sde_diagnostics as diag
from ._generated.potentials import alpha_cutoff
from ._generated.rotation import rotate_about_axis
from .cases import Case, bkw_K
from .grid import CellGrid
from .run_record import RunRecord
from .time_loop import integrate, step_count
from .validation import require_positive

SCHEMES = ("rotation", "euler")
GAMMA_MIN, GAMMA_MAX = -3.0, 0.0
DIMENSION = 3
RECONSTRUCTION_CELLS = 16


def default_eta(N: int) -> float:
    """η_N = N^{−1/3}: the nearest-neighbour distance of N unit-temperature particles (module doc)."""
    return float(N) ** (-1.0 / 3.0)


def validate_system(N, gamma, C, eta, replicas=1, dt=None) -> None:
    """ValueError naming the first bad parameter of (3), before anything is computed."""
    if not isinstance(N, (int, np.integer)) or isinstance(N, bool) or N < 2:
        raise ValueError(f"N (particles) must be an integer >= 2, got {N!r}")
    if not isinstance(replicas, (int, np.integer)) or isinstance(replicas, bool) or replicas < 1:
        raise ValueError(f"replicas must be an integer >= 1, got {replicas!r}")
    for name, value in (("gamma", gamma), ("C", C), ("eta", eta)) + ((("dt", dt),) if dt is not None else ()):
        if not isinstance(value, (int, float, np.integer, np.floating)) or not math.isfinite(value):
            raise ValueError(f"{name} must be a finite real number, got {value!r}")
    if not GAMMA_MIN <= gamma <= GAMMA_MAX:
        raise ValueError(f"gamma must be in [{GAMMA_MIN:g}, {GAMMA_MAX:g}] (condition (2) of seed 003 for the "
                         f"cut-off α_η, and a defined Landau limit), got {gamma!r}")
    if C <= 0:
        raise ValueError(f"C (collision constant) must be > 0, got {C!r}")
    if eta <= 0:
        raise ValueError(f"eta (regularisation radius) must be > 0, got {eta!r}")
    if dt is not None and dt <= 0:
        raise ValueError(f"dt must be > 0, got {dt!r}")


def round_robin_rounds(N: int) -> list[np.ndarray]:
    """The N−1 (N even) or N (N odd) rounds of the circle method: each unordered pair once, the
    pairs of a round disjoint. Each round is an (n, 2) array of pairs (i, j) with i < j."""
    players = list(range(N)) + ([-1] if N % 2 else [])  # −1: the bye of odd N
    n = len(players)
    rounds = []
    for _ in range(n - 1):
        pairs = [(players[k], players[n - 1 - k]) for k in range(n // 2)]
        rounds.append(np.array([(min(a, b), max(a, b)) for a, b in pairs if a >= 0 and b >= 0], dtype=np.int64))
        players = [players[0], players[-1]] + players[1:-1]
    return rounds


def pair_schedule(N: int) -> np.ndarray:
    """All N(N−1)/2 pairs (i < j) in round-robin order, shape (P, 2): the order of the splitting
    and of the Gaussian increments."""
    return np.concatenate(round_robin_rounds(N))


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
        self.pairs = pair_schedule(self.N)

    def advance(self, v: np.ndarray, dt: float, steps: int, seeds: np.ndarray, scheme: str = "rotation") -> None:
        if scheme not in _STEPPERS:
            raise ValueError(f"scheme must be one of {SCHEMES}, got {scheme!r}")
        validate_system(self.N, self.gamma, self.C, self.eta, dt=dt)
        if v.ndim != 3 or v.shape[1:] != (self.N, DIMENSION) or v.dtype != np.float64 or not v.flags.c_contiguous:
            raise ValueError(f"velocities must be a C-contiguous float64 array (R, {self.N}, 3), got {v.shape}")
        if not isinstance(steps, (int, np.integer)) or steps < 0:
            raise ValueError(f"steps must be an integer >= 0, got {steps!r}")
        seeds = np.ascontiguousarray(seeds, dtype=np.int64)
        if seeds.shape != (v.shape[0],):
            raise ValueError(f"seeds must have shape ({v.shape[0]},), got {seeds.shape}")
        _STEPPERS[scheme](v, self.pairs, int(steps), seeds, float(dt), self.C, self.gamma, self.eta)


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


# Initial data: exact samplers of the three-dimensional cases' initial densities.
def _gaussian(rng, shape, covariance):
    return rng.standard_normal(shape + (DIMENSION,)) @ np.linalg.cholesky(covariance).T


def _bkw3d(case: Case, rng, shape):
    """BKW f = (2πK)^{−3/2}e^{−|v|²/(2K)}(P + Q|v|²) (DESIGN.md §5) is the mixture, with weights P and
    3KQ = 1 − P, of N(0, KI) and of √K·(χ₅-distributed radius)·(uniform direction)."""
    K = bkw_K(case, case.t0)
    P = (5.0 * K - 3.0) / (2.0 * K)
    gaussian = rng.standard_normal(shape + (DIMENSION,))
    radius = np.sqrt(rng.chisquare(5, size=shape))
    direction = gaussian / np.linalg.norm(gaussian, axis=-1, keepdims=True)
    chi5 = radius[..., None] * direction
    pick = rng.random(shape)[..., None] < P
    return math.sqrt(K) * np.where(pick, rng.standard_normal(shape + (DIMENSION,)), chi5)


SAMPLERS = {
    "aniso3d": lambda case, rng, shape: _gaussian(rng, shape, case.exact_second_moments(case.t0)),
    "bimaxwellian3d": lambda case, rng, shape: _gaussian(
        rng, shape, np.diag([case.parameters["T_par"], case.parameters["T_perp"], case.parameters["T_perp"]])),
    "bkw3d": _bkw3d,
}


def require_sampler(case: Case) -> None:
    """ValueError unless the case's initial density has a sampler here (the 3D cases but rosenbluth3d,
    whose density does not have unit mass)."""
    if case.name not in SAMPLERS:
        raise ValueError(f"case must be one of {', '.join(SAMPLERS)} (the system (3) is three-dimensional), "
                         f"got {case.name!r}")


def sample_initial(case: Case, rng: np.random.Generator, replicas: int, N: int) -> np.ndarray:
    """(replicas, N, 3) i.i.d. draws from the case's initial density (initial chaos, seed 003 §1.2)."""
    require_sampler(case)
    return np.ascontiguousarray(SAMPLERS[case.name](case, rng, (replicas, N)), dtype=np.float64)


@dataclass
class SDEParameters:
    N: int
    replicas: int
    T: float
    dt: float
    scheme: str = "rotation"
    eta: float | None = None
    seed: int = 0
    records: int = 20

    def validate(self) -> None:
        validate_system(self.N, 0.0, 1.0, 1.0 if self.eta is None else self.eta, self.replicas, self.dt)
        require_positive("T", self.T)
        if self.scheme not in SCHEMES:
            raise ValueError(f"scheme must be one of {SCHEMES}, got {self.scheme!r}")
        if not isinstance(self.seed, (int, np.integer)) or isinstance(self.seed, bool) or self.seed < 0:
            raise ValueError(f"seed must be an integer >= 0, got {self.seed!r}")
        if not isinstance(self.records, int) or self.records < 1:
            raise ValueError(f"records must be an integer >= 1, got {self.records!r}")


class SDERun:
    """An ensemble of ``replicas`` independent copies of (3) for a named case, with diagnostics
    (:mod:`landau_num.sde_diagnostics`) recorded about ``records`` times and a run record
    (DESIGN.md §6: ensemble means, spreads across replicas, per-replica conservation errors)."""

    def __init__(self, case: Case, params: SDEParameters):
        params.validate()
        require_sampler(case)
        self.case, self.params = case, params
        eta = default_eta(params.N) if params.eta is None else params.eta
        self.system = ParticleSystem(params.N, case.gamma, case.C, eta)
        self.rng = np.random.default_rng(params.seed)
        self.v0 = sample_initial(case, self.rng, params.replicas, params.N)
        self.v = self.v0.copy()

    def run(self, out_dir: Path | None = None, progress: bool = True, figures: bool = True) -> RunRecord:
        p, case, system = self.params, self.case, self.system
        steps, dt = step_count(p.T, p.dt)
        every = max(1, steps // p.records)
        fisher_eps = diag.default_fisher_eps(self.v0)
        record = RunRecord(case=case.name, solver="sde", params={
            "case": case.name, "d": DIMENSION, "gamma": case.gamma, "C": case.C, "N": p.N, "replicas": p.replicas,
            "scheme": p.scheme, "dt": dt, "T": p.T, "t0": case.t0, "steps": steps, "record_every": every,
            "eta": system.eta, "eta_rule": "N^(-1/3)" if p.eta is None else "given",
            "alpha": "alpha_eta(r) = (eta chi(r/eta))^gamma, 003_2ee84d6b3c804a54.txt Remark 2.1",
            "seed": p.seed,
            "rng": "numpy.random.Generator(PCG64, seed) -> per record interval and replica, a numba MT19937 seed",
            "entropy": "H = int f log f of the empirical measure, Kozachenko-Leonenko k=1 estimate, mean over replicas",
            "energy": "(1/N) sum_i |V_i|^2 per replica, ensemble mean", "fisher_eps": fisher_eps,
            "fisher": "I(mu^N * psi_eps), Gaussian psi_eps, Gauss-Hermite quadrature, mean over replicas",
            "inverse_square_distance": "E|V1-V2|^-2, ball-corrected truncation (sde_diagnostics)",
        })
        if case.exact_density is not None:
            record.params["error_vs_exact"] = (
                f"relative discrete L1, L2, Linf errors of the Gaussian KDE of the pooled particles (at most "
                f"{diag.KDE_MAX_SAMPLES}, Silverman bandwidth) on a {RECONSTRUCTION_CELLS}^3 cell grid of [-L, L]^3")
        integrator_seconds = 0.0

        def advance(state, step, k):
            nonlocal integrator_seconds
            trial = state.copy()
            tick = time.perf_counter()
            system.advance(trial, step, k, draw_seeds(self.rng, p.replicas), p.scheme)
            integrator_seconds += time.perf_counter() - tick
            return trial

        v, t = integrate(advance, self.v, case.t0, p.T, p.dt, lambda y, s: self._diagnostics(y, s, fisher_eps),
                         record, every, f"sde {case.name}" if progress else None, chunk=every)
        self.v = v
        record.extra["integrator_seconds"] = integrator_seconds
        record.extra["pair_updates_per_second"] = record.steps * len(system.pairs) * p.replicas / max(
            integrator_seconds, 1e-12)
        self._finish(record)
        if out_dir is not None:
            record.write(Path(out_dir), {"initial_velocities": self.v0, "final_velocities": v})
            if figures:
                diag.write_figures(record, Path(out_dir))
        return record

    def _diagnostics(self, v: np.ndarray, t: float, fisher_eps: float) -> dict:
        """One record: ensemble diagnostics, and KDE errors where the case has an exact density."""
        out = diag.ensemble_diagnostics(v, self.v0, t, fisher_eps)
        if self.case.exact_density is not None:
            grid = CellGrid(DIMENSION, RECONSTRUCTION_CELLS, self.case.L)
            out.update(diag.reconstruction_errors(v, self.case.exact_density(grid.points, t), grid))
        return out

    def _finish(self, record: RunRecord) -> None:
        """The exact laws at the recorded times (Landau; finite N for γ = 0), errors against an exact
        density, and Euler's energy drift."""
        series = record.series
        if "error_l1" in series:
            record.extra["error_vs_exact"] = {"l1": series.pop("error_l1"), "l2": series.pop("error_l2"),
                                              "linf": series.pop("error_linf")}
        times = series["times"]
        if self.case.exact_second_moments is not None:
            record.extra["second_moments_landau"] = [self.case.exact_second_moments(s).tolist() for s in times]
        if self.case.gamma == 0.0:
            record.extra["second_moments_finite_N"] = [
                maxwell_second_moment_law(self.v0, s - self.case.t0, self.case.C).tolist() for s in times]
        if self.params.scheme == "euler":
            record.extra["euler_energy_drift"] = {
                "mean_relative_drift_at_end": series["energy_relative_drift_mean"][-1],
                "rms_relative_drift_at_end": series["energy_relative_drift_rms"][-1],
                "max_relative_drift_at_end": series["energy_relative_drift_max"][-1],
                "note": "Euler-Maruyama does not conserve energy: E[dE|V] = dt^2 sum_i |drift_i|^2 > 0 per step "
                        "(systematic heating O(dt) at fixed T) plus a per-replica random walk O(sqrt(dt))",
            }
