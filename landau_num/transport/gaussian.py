"""Closed forms between Gaussian measures: W₂², entropy, and the entropic cost (1.2) of
004_b333c7817a08033b.txt with both references (conventions in :mod:`landau_num.transport`).

- W₂²(N(a, A), N(b, B)) = |a − b|² + tr A + tr B − 2 tr (A^{1/2} B A^{1/2})^{1/2} (the Bures–
  Wasserstein formula; evaluated by POT's ``ot.gaussian.bures_wasserstein_distance``, which returns
  W₂, squared here).
- H(N(a, A)) = ∫ f log f = −½ log((2πe)^d det A).
- The entropic cost with the product reference, T_ε^⊗ = min ∫|x − y|² dΠ + ε H(Π | μ⊗ν), in
  the closed form of Janati, Muzellec, Peyré, Cuturi (NeurIPS 2020, Theorem 1; their σ² = ε/2):
      T_ε^⊗ = |a − b|² + tr A + tr B − tr D + dσ²(1 − log 2σ²) + σ² log det(D + σ² I),
      D = (4 A^{1/2} B A^{1/2} + σ⁴ I)^{1/2}.
  In d = 1 this is the minimum over the correlation ρ of A + B − 2ρ√(AB) − (ε/2) log(1 − ρ²)
  (Gaussian couplings; H(Π|μ⊗ν) is the mutual information −½ log(1 − ρ²)); the tests compare
  the two. The Lebesgue reference adds ε(H(μ) + H(ν)).
"""
from __future__ import annotations

import math

import numpy as np
import ot

REFERENCES = ("product", "lebesgue")


def _gaussian(mean, cov) -> tuple[np.ndarray, np.ndarray]:
    cov = np.atleast_2d(np.asarray(cov, dtype=float))
    mean = np.atleast_1d(np.asarray(mean, dtype=float))
    if cov.shape != (len(mean), len(mean)):
        raise ValueError(f"covariance must have shape ({len(mean)}, {len(mean)}), got {cov.shape}")
    if not np.allclose(cov, cov.T) or np.linalg.eigvalsh(cov)[0] <= 0:
        raise ValueError("covariance must be symmetric positive definite")
    return mean, cov


def _spd_sqrt(matrix: np.ndarray) -> np.ndarray:
    vals, vecs = np.linalg.eigh((matrix + matrix.T) / 2)
    return (vecs * np.sqrt(np.maximum(vals, 0.0))) @ vecs.T


def gaussian_w2_squared(mean_a, cov_a, mean_b, cov_b) -> float:
    """W₂² (cost |x − y|²) between N(mean_a, cov_a) and N(mean_b, cov_b)."""
    a, A = _gaussian(mean_a, cov_a)
    b, B = _gaussian(mean_b, cov_b)
    return float(ot.gaussian.bures_wasserstein_distance(a, b, A, B)) ** 2


def gaussian_entropy(cov) -> float:
    """H = ∫ f log f of a Gaussian with covariance ``cov``: −½ log((2πe)^d det cov)."""
    _, A = _gaussian(np.zeros(np.atleast_2d(cov).shape[0]), cov)
    return -0.5 * (A.shape[0] * math.log(2 * math.pi * math.e) + np.linalg.slogdet(A)[1])


def gaussian_entropic_cost(mean_a, cov_a, mean_b, cov_b, eps: float, reference: str = "product") -> float:
    """T_ε between two Gaussians with the ``product`` (as printed in (1.2)) or ``lebesgue`` reference."""
    if reference not in REFERENCES:
        raise ValueError(f"reference must be one of {REFERENCES}, got {reference!r}")
    if not (isinstance(eps, (int, float)) and eps > 0 and math.isfinite(eps)):
        raise ValueError(f"eps must be a finite number > 0, got {eps!r}")
    a, A = _gaussian(mean_a, cov_a)
    b, B = _gaussian(mean_b, cov_b)
    d = len(a)
    s2 = eps / 2.0
    root_a = _spd_sqrt(A)
    D = _spd_sqrt(4 * root_a @ B @ root_a + s2**2 * np.eye(d))
    value = float(np.sum((a - b) ** 2) + np.trace(A) + np.trace(B) - np.trace(D)
                  + d * s2 * (1 - math.log(2 * s2)) + s2 * np.linalg.slogdet(D + s2 * np.eye(d))[1])
    if reference == "lebesgue":
        value += eps * (gaussian_entropy(A) + gaussian_entropy(B))
    return value


def brenier_matrix(cov_a, cov_b) -> np.ndarray:
    """The symmetric positive matrix T with T A T = B: x ↦ T x pushes N(0, A) to N(0, B) optimally."""
    _, A = _gaussian(np.zeros(np.atleast_2d(cov_a).shape[0]), cov_a)
    _, B = _gaussian(np.zeros(A.shape[0]), cov_b)
    root = _spd_sqrt(A)
    inv_root = np.linalg.inv(root)
    return inv_root @ _spd_sqrt(root @ B @ root) @ inv_root


# --- Theorem 2 at t = 0 for centred Gaussian data (Maxwell molecules, α ≡ 1, d = 3) ------------

def _cross_matrix(k: int) -> np.ndarray:
    e = np.zeros(3)
    e[k] = 1.0
    return np.array([[0, -e[2], e[1]], [e[2], 0, -e[0]], [-e[1], e[0], 0]])


def second_moment_rate(P: np.ndarray) -> np.ndarray:
    """P′ = −4d(P − (tr P/d) I) for a unit-mass, centred solution of (1.1) with α ≡ 1
    (004 Proposition 2, (2.4); tr P is conserved)."""
    d = P.shape[0]
    return -4 * d * (P - np.trace(P) / d * np.eye(d))


def w2_rate_gaussian(cov_f, cov_g) -> float:
    """d/dt W₂²(f_t, g_t) at t = 0 for centred Gaussian f, g (f_t is not Gaussian for t > 0).

    W₂² = sup {∫φf + ∫ψg : φ(x) + ψ(y) ≤ |x − y|²} is attained at φ = |x|² − xᵀTx, ψ = |y|² − yᵀT⁻¹y
    (T the Brenier matrix); by the envelope theorem the derivative is ∫φ ∂ₜf + ∫ψ ∂ₜg, and for a
    quadratic φ only the second moments enter: −tr(T P_f′) − tr(T⁻¹ P_g′)."""
    _, A = _gaussian(np.zeros(3), cov_f)
    _, B = _gaussian(np.zeros(3), cov_g)
    T = brenier_matrix(A, B)
    return float(-np.trace(T @ second_moment_rate(A)) - np.trace(np.linalg.inv(T) @ second_moment_rate(B)))


def dissipation_1_3_gaussian(cov_f, cov_g) -> float:
    """The ε = 0 term of (1.3), −½ Σ_k ∫₀¹ ∬ |∇(b̃_k·∇U)|² P ds, for centred Gaussian f, g in R³.

    F = f⊗f and G = g⊗g are Gaussians on R⁶ with Brenier matrix T₆ = diag(T, T); along the
    geodesic P_s = ((1 − s)I + sT₆)_# F the velocity is ∇U_s(x) = A_s x with
    A_s = (T₆ − I)((1 − s)I + sT₆)⁻¹, and b̃_k(x) = B_k x with B_k = [[E_k, −E_k], [−E_k, E_k]],
    E_k = [e_k]_× (b_k(z) = e_k × z, DESIGN.md §2). Then ∇(b̃_k·∇U) = [A_s, B_k]x and the integral
    over P_s is tr([A_s, B_k]ᵀ[A_s, B_k] Σ_s), Σ_s = M_s Σ_F M_s; the s-integral by quadrature."""
    from scipy.integrate import quad

    _, A = _gaussian(np.zeros(3), cov_f)
    _, B = _gaussian(np.zeros(3), cov_g)
    T6 = np.kron(np.eye(2), brenier_matrix(A, B))
    SF = np.kron(np.eye(2), A)
    fields = [np.block([[_cross_matrix(k), -_cross_matrix(k)], [-_cross_matrix(k), _cross_matrix(k)]]) for k in range(3)]

    def integrand(s: float) -> float:
        M = (1 - s) * np.eye(6) + s * T6
        As = (T6 - np.eye(6)) @ np.linalg.inv(M)
        S = M @ SF @ M
        return float(sum(np.trace((As @ Bk - Bk @ As).T @ (As @ Bk - Bk @ As) @ S) for Bk in fields))

    return -0.5 * quad(integrand, 0.0, 1.0, epsabs=1e-13, epsrel=1e-12)[0]
