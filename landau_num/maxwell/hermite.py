"""The mathematics of the exact Maxwell-molecule (α ≡ 1) solver in Hermite coefficients: the basis,
the evolution matrix, exact and DOP853 propagation, exact coefficients of Gaussians and of BKW,
reconstruction, and E(t) of 004 Theorem 1 by Parseval. The solver on the platform is
:mod:`landau_num.maxwell.solver`; the checks of 004 Theorem 1 live in the claims layer
(``proofs_check/theorem1.py``).

The equation as a linear Fokker–Planck equation
-----------------------------------------------
For α ≡ 1 and collision constant C (DESIGN.md §2) the matrix ā = A∗f of a density with mass ρ,
momentum J = ∫ v f and second-moment matrix P = ∫ v⊗v f is a quadratic polynomial in v
(004_b333c7817a08033b.txt Proposition 1, (2.3), there with ρ = 1, J = 0, C = 1):

    ā(v) = C[(ρ|v|² − 2v·J + tr P) I − (ρ v⊗v − v⊗J − J⊗v + P)],   b̄ = ∇·ā = −C(d−1)(ρv − J),

and ∂ₜf = ∇·(ā∇f − b̄f). ρ, J and tr P are conserved, and the centred second moments
P_c = P − J⊗J/ρ obey P_c′ = −4dρC(P_c − (tr P_c/d) I) (004 Proposition 2, (2.4)), so
P(t) = P∞ + e^{−κt}(P₀ − P∞) with κ = 4dρC, P∞ = J⊗J/ρ + (tr P_c/d) I, known in closed form.
With P(t) inserted, the equation is linear in f.

Hermite coefficients
--------------------
H_α(v) = Π_i He_{α_i}(v_i)/√(α_i!) are orthonormal for the standard Gaussian m (004 Lemma 2), and
c_α = ∫ f H_α dv are the coefficients of f = m Σ_α c_α H_α. Integrating by parts,
∫ φ ∇·(ā∇f − b̄f) = ∫ f L*φ with the adjoint

    L*φ = ā : D²φ + (∇·ā)·∇φ + b̄·∇φ = ā : D²φ + 2b̄·∇φ,

a second-order operator with polynomial coefficients of degree ≤ 2 in front of D² and ≤ 1 in front
of ∇: it maps polynomials of degree n to polynomials of degree ≤ n. Writing
L*H_α = Σ_β G_βα H_β, the coefficients obey dc/dt = M(t)c with M = Gᵀ, lower block-triangular by
degree, so the coefficients of degree ≤ N form a closed system: no truncation error in them.
G is assembled from the Hermite algebra x_i H_α = √(α_i+1) H_{α+e_i} + √α_i H_{α−e_i},
∂_i H_α = √α_i H_{α−e_i}, applying derivatives before multiplications, so every product stays in
degree ≤ N and is exact.

Exact integration
-----------------
M(t) = M₀ + e^{−κt} M₁ with M₀ = M(P∞) and M₁ = −C Σ_ij (P₀ − P∞)_ij (∂_i∂_j)ᵀ, which lowers the
degree by exactly 2. With u_k = e^{−kκt} c restricted to degree ≤ N − 2k (k = 0..⌊N/2⌋),
u_k′ = (M₀ − kκ) u_k + M₁ u_{k+1}, and the rows of degree ≤ N − 2k of M₁ only see u_{k+1}: the
augmented system is closed, has constant coefficients, and is solved by the exponential of a
sparse matrix (scipy.sparse.linalg.expm_multiply, Al-Mohy–Higham, to double precision): the
``exact`` method. The ``dop853`` method integrates dc/dt = M(t)c directly (scipy's DOP853,
rtol = 1e-13, atol = 1e-16) as an independent cross-check.

The relative L² distance of 004 Theorem 1, E = ∫ (f/m − 1)² m = Σ_{α≠0} c_α² + (c₀ − 1)²
(Parseval), is a series over all α; summed over |α| ≤ N it is a lower bound of E (exact when
f/m is a polynomial of degree ≤ N). Its derivative is dE/dt = 2c·M(t)c (the mass row of M is 0).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from scipy import sparse
from scipy.integrate import solve_ivp
from scipy.sparse.linalg import expm_multiply

from ..functionals import maxwellian_values
from ..kernels import get_kernel
from ..moment_laws import landau_second_moments
from ..time_integration import ConvergenceError
from ..validation import require_positive

METHODS = ("exact", "dop853")
DOP853_RTOL, DOP853_ATOL = 1e-13, 1e-16  # with atol = 1e-13, small high-degree coefficients drift by 1e-9


# --- the basis and the Hermite algebra -------------------------------------------------------

@dataclass(frozen=True)
class HermiteBasis:
    """Multi-indices α ∈ N^d with |α| ≤ degree, ordered by total degree (so a degree ≤ n
    truncation is a prefix of the coefficient vector)."""

    d: int
    degree: int
    indices: np.ndarray = field(repr=False)
    position: dict = field(repr=False)

    def __len__(self) -> int:
        return len(self.indices)

    def size_up_to(self, degree: int) -> int:
        """Number of multi-indices with |α| ≤ degree (a prefix length; 0 for degree < 0)."""
        return math.comb(degree + self.d, self.d) if degree >= 0 else 0

    def index(self, alpha) -> int:
        return self.position[tuple(int(a) for a in alpha)]


@lru_cache(maxsize=32)
def hermite_basis(d: int, degree: int) -> HermiteBasis:
    if d not in (2, 3):
        raise ValueError(f"dimension d must be 2 or 3, got {d!r}")
    if not isinstance(degree, (int, np.integer)) or degree < 2:
        raise ValueError(f"degree must be an integer >= 2 (the second moments have degree 2), got {degree!r}")
    indices = [alpha for n in range(degree + 1)
               for alpha in sorted((a for a in product(range(n + 1), repeat=d) if sum(a) == n), reverse=True)]
    array = np.array(indices, dtype=int)
    array.setflags(write=False)
    return HermiteBasis(d=d, degree=int(degree), indices=array, position={a: k for k, a in enumerate(indices)})


def _ladder_matrix(basis: HermiteBasis, axis: int, raise_degree: bool) -> sparse.csr_matrix:
    """x_i (raise_degree) or ∂_i on coefficient vectors of polynomials Σ a_α H_α; terms of degree
    above the basis degree are dropped, so x_i is exact only on degree < N (module docstring)."""
    rows, cols, vals = [], [], []
    for col, alpha in enumerate(basis.indices):
        a = int(alpha[axis])
        if a > 0:  # √α_i H_{α−e_i}: the lowering part of both x_i and ∂_i
            lower = alpha.copy()
            lower[axis] -= 1
            rows.append(basis.index(lower)), cols.append(col), vals.append(math.sqrt(a))
        if raise_degree and alpha.sum() < basis.degree:
            upper = alpha.copy()
            upper[axis] += 1
            rows.append(basis.index(upper)), cols.append(col), vals.append(math.sqrt(a + 1))
    n = len(basis)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(n, n))


@dataclass(frozen=True)
class _GeneratorParts:
    """Pieces of G (L*H_α = Σ_β G_βα H_β): L* = C[ρ G_ρ + Σ_k J_k G_J[k] + tr P Δ − Σ_ij P_ij ∂_i∂_j]."""

    rho: sparse.csr_matrix
    momentum: tuple
    laplacian: sparse.csr_matrix
    second_derivatives: tuple  # [i][j] → ∂_i∂_j


@lru_cache(maxsize=16)
def _generator_parts(d: int, degree: int) -> _GeneratorParts:
    basis = hermite_basis(d, degree)
    X = [_ladder_matrix(basis, i, raise_degree=True) for i in range(d)]
    D = [_ladder_matrix(basis, i, raise_degree=False) for i in range(d)]
    DD = tuple(tuple((D[i] @ D[j]).tocsr() for j in range(d)) for i in range(d))
    lap = sum(DD[i][i] for i in range(d))
    # ρ(|v|²Δ − v⊗v : D²) − 2(d−1)ρ v·∇, derivatives applied first
    rho = (sum(X[k] @ X[k] for k in range(d)) @ lap
           - sum(X[i] @ (X[j] @ DD[i][j]) for i in range(d) for j in range(d))
           - 2 * (d - 1) * sum(X[i] @ D[i] for i in range(d)))
    # the J_k terms: −2 v_k Δ + (v⊗J + J⊗v) : D² + 2(d−1) ∂_k
    momentum = tuple((-2 * X[k] @ lap + 2 * sum(X[i] @ DD[i][k] for i in range(d)) + 2 * (d - 1) * D[k]).tocsr()
                     for k in range(d))
    return _GeneratorParts(rho=rho.tocsr(), momentum=momentum, laplacian=lap.tocsr(), second_derivatives=DD)


def evolution_matrix(basis: HermiteBasis, C: float, mass: float, momentum, second_moments) -> sparse.csr_matrix:
    """M with dc/dt = M c when ā is built from (mass ρ, momentum J, second moments P); M = Gᵀ
    with G the matrix of L* = ā : D² + 2b̄·∇ (004_b333c7817a08033b.txt Proposition 1, (2.3))."""
    parts = _generator_parts(basis.d, basis.degree)
    P = np.asarray(second_moments, dtype=float)
    G = mass * parts.rho + np.trace(P) * parts.laplacian
    for k in range(basis.d):
        G = G + float(momentum[k]) * parts.momentum[k]
        for j in range(basis.d):
            G = G - P[k, j] * parts.second_derivatives[k][j]
    return (C * G).T.tocsr()


# --- moments, the second-moment law, E(t) -----------------------------------------------------

def moments(coefficients: np.ndarray, basis: HermiteBasis) -> tuple[float, np.ndarray, np.ndarray]:
    """(mass, momentum, second-moment matrix) from c: v_i = H_{e_i}, v_i v_j = H_{e_i+e_j} (i ≠ j),
    v_i² = √2 H_{2e_i} + 1."""
    c = np.asarray(coefficients, dtype=float)
    d = basis.d
    eye = np.eye(d, dtype=int)
    momentum = np.array([c[basis.index(eye[i])] for i in range(d)])
    P = np.empty((d, d))
    for i in range(d):
        for j in range(d):
            k = basis.index(eye[i] + eye[j])
            P[i, j] = math.sqrt(2) * c[k] + c[0] if i == j else c[k]
    return float(c[0]), momentum, P


def second_moment_law(mass: float, momentum, second_moments0, C: float, t: float) -> np.ndarray:
    """P(t) = J⊗J/ρ + P_c(t), P_c the centred moments, relaxing at rate 4dρC
    (004_b333c7817a08033b.txt Proposition 2, (2.4), with mass ρ and collision constant C)."""
    J = np.asarray(momentum, dtype=float)
    drift = np.outer(J, J) / mass
    return drift + landau_second_moments(np.asarray(second_moments0, dtype=float) - drift, mass * C, t)


def relative_l2_rate_supremum(basis: HermiteBasis, C: float, second_moments) -> dict:
    """The largest dE/dt over all coefficient vectors of degree ≤ N with mass 1, momentum 0 and the
    given second moments P (tr P = d), E of 004_b333c7817a08033b.txt Theorem 1.

    With c = e₀ + c′, dE/dt = 2c·M(P)c (the mass row of M is 0). The components of degree ≤ 2 are
    fixed by P; over the others, c·Mc is a quadratic with symmetric part S: when S is negative
    definite the supremum is attained at its stationary point (otherwise it is reported as +inf).
    Returns ``rate`` (the supremum of dE/dt, +inf when S is not negative definite), ``E`` at the
    maximiser and ``top_eigenvalue`` of S."""
    d = basis.d
    P = np.asarray(second_moments, dtype=float)
    M = evolution_matrix(basis, C, 1.0, np.zeros(d), P).toarray()
    fixed = np.zeros(len(basis))
    fixed[0] = 1.0
    eye = np.eye(d, dtype=int)
    for i in range(d):
        for j in range(i, d):
            fixed[basis.index(eye[i] + eye[j])] = (P[i, i] - 1) / math.sqrt(2) if i == j else P[i, j]
    k = basis.size_up_to(2)
    symmetric = 0.5 * (M + M.T)
    S = symmetric[k:, k:]
    top = float(np.linalg.eigvalsh(S)[-1]) if len(S) else -math.inf
    if top >= 0:
        return {"rate": math.inf, "E": math.inf, "top_eigenvalue": top}
    c = fixed.copy()
    c[k:] = -np.linalg.solve(S, symmetric[k:, :] @ fixed)
    return {"rate": float(2 * c @ M @ c), "E": float(relative_l2_distance(c)), "top_eigenvalue": top}


def relative_l2_distance(coefficients: np.ndarray) -> np.ndarray:
    """E = Σ_{α≠0} c_α² + (c₀ − 1)² over the coefficients given (last axis): 004 Theorem 1's
    ∫(f/m − 1)² m truncated at the basis degree (a lower bound of E)."""
    c = np.asarray(coefficients, dtype=float)
    return (c[..., 1:] ** 2).sum(axis=-1) + (c[..., 0] - 1.0) ** 2


# --- the solver ----------------------------------------------------------------------------

@dataclass(frozen=True)
class MaxwellHermiteProblem:
    """The linear system dc/dt = (M₀ + e^{−κt}M₁)c of initial coefficients c₀ (module docstring);
    t is the time elapsed since the initial data."""

    basis: HermiteBasis
    C: float
    initial: np.ndarray
    mass: float
    momentum: np.ndarray
    second_moments0: np.ndarray
    rate: float  # κ = 4dρC
    M0: sparse.csr_matrix = field(repr=False)
    M1: sparse.csr_matrix = field(repr=False)

    def matrix(self, t: float) -> sparse.csr_matrix:
        return self.M0 + math.exp(-self.rate * t) * self.M1

    def relative_l2_rate(self, coefficients: np.ndarray, t: float) -> float:
        """dE/dt = 2c·M(t)c for the coefficients at time t."""
        c = np.asarray(coefficients, dtype=float)
        return float(2 * c @ (self.matrix(t) @ c))


def maxwell_problem(initial: np.ndarray, basis: HermiteBasis, C: float) -> MaxwellHermiteProblem:
    c0 = np.asarray(initial, dtype=float)
    if c0.shape != (len(basis),):
        raise ValueError(f"initial coefficients must have shape ({len(basis)},) for d={basis.d}, "
                         f"degree={basis.degree}; got {c0.shape}")
    if not np.all(np.isfinite(c0)):
        raise ValueError("initial coefficients must be finite")
    require_positive("collision constant C", C)
    mass, momentum, P0 = moments(c0, basis)
    if mass <= 0:
        raise ValueError(f"mass c_0 must be > 0, got {mass!r}")
    P_inf = second_moment_law(mass, momentum, P0, C, math.inf)
    M0 = evolution_matrix(basis, C, mass, momentum, P_inf)
    M1 = evolution_matrix(basis, C, 0.0, np.zeros(basis.d), P0 - P_inf)
    return MaxwellHermiteProblem(basis=basis, C=float(C), initial=c0, mass=mass, momentum=momentum,
                                 second_moments0=P0, rate=4 * basis.d * mass * C, M0=M0, M1=M1)


def augmented_matrix(problem: MaxwellHermiteProblem) -> tuple[sparse.csr_matrix, list[int]]:
    """The constant matrix of (u_0, …, u_K), u_k = e^{−kκt}c on degree ≤ N − 2k (module docstring),
    and the block sizes; K = 0 when M₁ = 0 (isotropic centred second moments)."""
    basis = problem.basis
    levels = basis.degree // 2 if problem.M1.count_nonzero() else 0
    sizes = [basis.size_up_to(basis.degree - 2 * k) for k in range(levels + 1)]
    blocks = [[None] * (levels + 1) for _ in range(levels + 1)]
    for k, n in enumerate(sizes):
        blocks[k][k] = problem.M0[:n, :n] - k * problem.rate * sparse.identity(n, format="csr")
        if k < levels:
            blocks[k][k + 1] = problem.M1[:n, :sizes[k + 1]]
    return sparse.block_array(blocks, format="csr"), sizes


def augmented_initial(problem: MaxwellHermiteProblem, sizes) -> np.ndarray:
    """(u_0, …, u_K) at the initial time, where every u_k is the initial c restricted to its block."""
    return np.concatenate([problem.initial[:n] for n in sizes])


def propagate_exact(A: sparse.csr_matrix, y: np.ndarray, duration: float) -> np.ndarray:
    """e^{duration·A} y for the augmented state y (Al-Mohy–Higham, to double precision)."""
    # traceA=0: no shift by the mean eigenvalue, whose factor e^{±μ} would put round-off on the
    # mass, whose row of A is exactly zero
    return expm_multiply(duration * A, y, traceA=0.0)


def propagate_dop853(problem: MaxwellHermiteProblem, c: np.ndarray, start: float, stop: float) -> tuple[np.ndarray, int]:
    """c at elapsed time ``stop`` from c at ``start`` by DOP853 on dc/dt = (M₀ + e^{−κt}M₁)c
    (rtol 1e-13, atol 1e-16); returns (c, right-hand-side evaluations). ConvergenceError when the
    integrator fails."""
    if stop == start:
        return np.array(c, dtype=float), 0
    M0, M1, rate = problem.M0, problem.M1, problem.rate
    sol = solve_ivp(lambda t, u: M0 @ u + math.exp(-rate * t) * (M1 @ u), (float(start), float(stop)), c,
                    method="DOP853", rtol=DOP853_RTOL, atol=DOP853_ATOL)
    if not sol.success:
        raise ConvergenceError(f"DOP853 failed: {sol.message}")
    return sol.y[:, -1].copy(), int(sol.nfev)


def solve(problem: MaxwellHermiteProblem, times, method: str = "exact") -> tuple[np.ndarray, dict]:
    """Coefficients c(t) (one row per time; times elapsed since the initial data, non-decreasing,
    ≥ 0) and a dict of solver statistics."""
    times = np.asarray(times, dtype=float)
    if times.ndim != 1 or len(times) == 0 or not np.all(np.isfinite(times)) or times[0] < 0 \
            or np.any(np.diff(times) < 0):
        raise ValueError(f"times must be a non-empty, finite, non-decreasing list of values >= 0, got {times!r}")
    if method == "exact":
        return _solve_exact(problem, times)
    if method == "dop853":
        return _solve_dop853(problem, times)
    raise ValueError(f"method must be one of {METHODS}, got {method!r}")


def _solve_exact(problem: MaxwellHermiteProblem, times: np.ndarray) -> tuple[np.ndarray, dict]:
    A, sizes = augmented_matrix(problem)
    y = augmented_initial(problem, sizes)
    out = np.empty((len(times), len(problem.basis)))
    t = 0.0
    intervals = 0
    for row, target in enumerate(times):
        if target > t:
            y = propagate_exact(A, y, target - t)
            t = target
            intervals += 1
        out[row] = y[:sizes[0]]
    return out, {"method": "exact", "augmented_size": int(A.shape[0]), "levels": len(sizes),
                 "propagation_intervals": intervals}


def _solve_dop853(problem: MaxwellHermiteProblem, times: np.ndarray) -> tuple[np.ndarray, dict]:
    M0, M1, rate = problem.M0, problem.M1, problem.rate
    statistics = {"method": "dop853", "rtol": DOP853_RTOL, "atol": DOP853_ATOL}
    if times[-1] == 0:  # nothing to integrate (solve_ivp refuses an empty interval)
        return np.tile(problem.initial, (len(times), 1)), dict(statistics, rhs_evaluations=0)
    sol = solve_ivp(lambda t, c: M0 @ c + math.exp(-rate * t) * (M1 @ c), (0.0, float(times[-1])),
                    problem.initial, method="DOP853", t_eval=times, rtol=DOP853_RTOL,
                    atol=DOP853_ATOL)
    if not sol.success:
        raise ConvergenceError(f"DOP853 failed: {sol.message}")
    return sol.y.T.copy(), dict(statistics, rhs_evaluations=int(sol.nfev))


# --- initial coefficients of exact data --------------------------------------------------------

def gaussian_coefficients_1d(degree: int, mean: float, variance: float) -> np.ndarray:
    """∫ N(μ, θ) He_n/√n! for n ≤ degree, from the generating function
    E[e^{xs − s²/2}] = e^{μs + (θ−1)s²/2}:  √n! Σ_k μ^{n−2k} ((θ−1)/2)^k / (k!(n−2k)!)."""
    half = (variance - 1.0) / 2.0
    out = np.empty(degree + 1)
    for n in range(degree + 1):
        total = sum(mean ** (n - 2 * k) * half ** k / (math.factorial(k) * math.factorial(n - 2 * k))
                    for k in range(n // 2 + 1))
        out[n] = math.sqrt(math.factorial(n)) * total
    return out


def product_coefficients(basis: HermiteBasis, marginals) -> np.ndarray:
    """c_α = Π_i a_i[α_i] for a product density Π_i g_i(v_i) with 1D coefficients a_i[n] = ∫ g_i h_n."""
    columns = [np.asarray(marginals[i], dtype=float)[basis.indices[:, i]] for i in range(basis.d)]
    return np.prod(columns, axis=0)


def gaussian_coefficients(basis: HermiteBasis, variances, mean=None, mass: float = 1.0) -> np.ndarray:
    """Exact coefficients of ρ N(μ, diag(variances))."""
    mean = np.zeros(basis.d) if mean is None else np.asarray(mean, dtype=float)
    marginals = [gaussian_coefficients_1d(basis.degree, mean[i], float(variances[i])) for i in range(basis.d)]
    return mass * product_coefficients(basis, marginals)


def polynomial_weight_coefficients_1d(weight, degree: int) -> np.ndarray:
    """∫ g h_n for n ≤ degree, g = m₁ q/∫ m₁ q with m₁ the 1D standard Gaussian and q ≥ 0 a
    polynomial (monomial coefficients, lowest first): Gauss–Hermite quadrature, exact for
    polynomial integrands of this degree."""
    q = np.asarray(weight, dtype=float)
    x, w = hermegauss((len(q) + degree) // 2 + 1)
    values = np.polynomial.polynomial.polyval(x, q) * w
    return hermite_functions_1d(x, degree) @ values / values.sum()


def bkw_coefficients(basis: HermiteBasis, K: float) -> np.ndarray:
    """Exact coefficients of the BKW profile (2πK)^{−d/2} e^{−|v|²/(2K)} (P + Q|v|²), with P, Q
    from the generated ``bkw_coefficients`` (DESIGN.md §5): the Gaussian N(0, KI) part from its
    generating function, the |v|² part from x² h_n = √((n+1)(n+2)) h_{n+2} + (2n+1) h_n + √(n(n−1)) h_{n−2}."""
    d, N = basis.d, basis.degree
    g = gaussian_coefficients_1d(N + 2, 0.0, K)
    n = np.arange(N + 1)
    g_lower = np.concatenate([[0.0, 0.0], g[:N - 1]])
    g_x2 = np.sqrt((n + 1) * (n + 2)) * g[2:N + 3] + (2 * n + 1) * g[:N + 1] + np.sqrt(n * (n - 1.0)) * g_lower
    P, Q = get_kernel("bkw_coefficients", d)(K)
    gaussian = product_coefficients(basis, [g[:N + 1]] * d)
    squared = sum(product_coefficients(basis, [g_x2 if j == i else g[:N + 1] for j in range(d)]) for i in range(d))
    return P * gaussian + Q * squared


def gaussian_relative_l2(variances) -> float:
    """E = ∫ (f/m − 1)² m of N(0, diag(s)): Π_i (s_i(2 − s_i))^{−1/2} − 1 (infinite unless all s_i < 2)."""
    s = np.asarray(variances, dtype=float)
    return float(np.prod(1 / np.sqrt(s * (2 - s))) - 1) if np.all(s < 2) else math.inf


def bkw_relative_l2(K: float, d: int) -> float:
    """E of the BKW profile: f²/m is (P + Q|v|²)² times a Gaussian of variance σ² = K/(2 − K), so
    E + 1 = (σ²/K²)^{d/2} (P² + 2PQ dσ² + Q² d(d+2)σ⁴) (DESIGN.md §5 notation)."""
    P, Q = get_kernel("bkw_coefficients", d)(K)
    var = K / (2 - K)
    return (var / K**2) ** (d / 2) * (P**2 + 2 * P * Q * d * var + Q**2 * d * (d + 2) * var**2) - 1


# --- reconstruction on points ---------------------------------------------------------------

def hermite_functions_1d(x: np.ndarray, degree: int) -> np.ndarray:
    """h_n(x) = He_n(x)/√n!, n ≤ degree (rows), by h_{n+1} = (x h_n − √n h_{n−1})/√(n+1)."""
    x = np.asarray(x, dtype=float)
    h = np.empty((degree + 1,) + x.shape)
    h[0] = 1.0
    if degree >= 1:
        h[1] = x
    for n in range(1, degree):
        h[n + 1] = (x * h[n] - math.sqrt(n) * h[n - 1]) / math.sqrt(n + 1)
    return h


def reconstruct(coefficients: np.ndarray, basis: HermiteBasis, points: np.ndarray) -> np.ndarray:
    """f_N(v) = m(v) Σ_{|α|≤N} c_α H_α(v) at points of shape (n_points, d)."""
    points = np.asarray(points, dtype=float)
    values = np.ones((len(points), len(basis)))
    for i in range(basis.d):
        h = hermite_functions_1d(points[:, i], basis.degree)  # (N+1, n_points)
        values *= h[basis.indices[:, i]].T
    m = maxwellian_values(np.ascontiguousarray(points), np.zeros(basis.d), 1.0)  # the standard Gaussian
    return m * (values @ np.asarray(coefficients, dtype=float))
