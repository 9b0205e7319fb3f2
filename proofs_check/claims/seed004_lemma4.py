"""Lemma 4 of 004_b333c7817a08033b.txt, (5.4)–(5.6) and the decompositions between them, at α ≡ 1
on centred Gaussian pairs in R³ (the α′ terms vanish), evaluated in closed form along the geodesic.

F = f⊗f, G = g⊗g are centred Gaussians on R⁶; along the geodesic ρ_s = N(0, Σ_s) the optimal u_s of
(5.1) is the quadratic u_s = ½xᵀA_s x (∇u = A_s x, A_s = (T₆ − I)((1 − s)I + sT₆)⁻¹, T₆ = diag(T, T),
Σ_s = M_s Σ_F M_s, M_s = (1 − s)I + sT₆), and b̃_k(x) = B_k x (the fields of
:func:`landau_num.transport.gaussian.dissipation_1_3_gaussian`). Every integrand of (5.4)–(5.6) is then
a quadratic form xᵀQx (a derivative of a quadratic form along a linear field is the quadratic form of
2 sym(BᵀQ)), whose ρ_s-integral is tr(QΣ_s); the s-integral by adaptive quadrature. Lemma 4's left
side is d/dt T(f, g) = ½ d/dt W₂²(f, g) (T of (5.1); ``w2_rate_gaussian`` computes d/dt W₂² exactly
from Proposition 2), the same normalisation under which (1.3) holds (dissipation-1-3-normalisation).

The printed decomposition between (5.5) and (5.6),
    b̃_k·∇(b̃_k·∇|∇u|²) = ½Σ_i b̃_k·∇(b̃_k·∇(ê_i·∇u)²) + ½Σ_i b̃_k·∇(b̃_k·∇(ê_i·∇u)²),
has ê_i in both sums; |∇u|² = ½Σ_i(ẽ_i·∇u)² + ½Σ_i(ê_i·∇u)² needs ẽ_i in the first.
"""
from __future__ import annotations

import mpmath
import numpy as np

from landau_sym.registry import CrossCheck, Identity, Outcome, register, relative_residual
from landau_sym.sampling import real

SEED = "004_b333c7817a08033b.txt"
COVARIANCES = (np.diag([2.2, 0.5, 0.3]), np.array([[1.0, 0.3, 0.0], [0.3, 0.8, -0.2], [0.0, -0.2, 1.2]]))


def _sym(X):
    return (X + X.T) / 2


def _along(B, Q):
    """b̃·∇(xᵀQx) = xᵀ(2 sym(BᵀQ))x for b̃(x) = Bx."""
    return 2 * _sym(B.T @ Q)


def _geodesic(cov_f, cov_g):
    from landau_num.transport.gaussian import _cross_matrix, brenier_matrix
    T6 = np.kron(np.eye(2), brenier_matrix(cov_f, cov_g))
    SF = np.kron(np.eye(2), cov_f)
    fields = [np.block([[_cross_matrix(k), -_cross_matrix(k)], [-_cross_matrix(k), _cross_matrix(k)]]) for k in range(3)]

    def at(s):
        M = (1 - s) * np.eye(6) + s * T6
        return (T6 - np.eye(6)) @ np.linalg.inv(M), M @ SF @ M
    return at, fields


def _basis():
    e = np.eye(3)
    return [np.concatenate([e[i], e[i]]) for i in range(3)], [np.concatenate([e[i], -e[i]]) for i in range(3)]


def lemma4_integrands(cov_f, cov_g, printed_decomposition: bool = False):
    """s ↦ the integrands of (5.4), (5.5) and (5.6) (α ≡ 1), and of (5.4) with its second term
    decomposed as printed (``printed_decomposition``: ê_i in both sums) or correctly (ẽ_i, ê_i)."""
    at, fields = _geodesic(np.asarray(cov_f, float), np.asarray(cov_g, float))
    tilde, hat = _basis()

    def values(s):
        A, S = at(s)
        ex = lambda Q: float(np.trace(Q @ S))  # ∫ xᵀQx ρ_s
        v54 = v55 = v56 = v54_dec = 0.0
        for B in fields:
            M = _sym(B.T @ A)                  # b̃·∇u = xᵀMx
            N = _along(B, M)                   # b̃·∇(b̃·∇u) = xᵀNx
            first = 2 * ex(_sym(N @ A))        # ∇(b̃·∇(b̃·∇u))·∇u = 2(Nx)·(Ax)
            second = -0.5 * ex(_along(B, _along(B, A @ A)))   # −½ b̃·∇(b̃·∇|∇u|²)
            v54 += 0.5 * (first + second)
            v55 += -0.5 * 4 * ex(M @ M)        # −½|∇(b̃·∇u)|² = −½|2Mx|²
            I = lambda e: (2 * ex(_sym(np.outer(N @ e, A @ e))),                                   # I₁(e, k)
                           -0.5 * ex(_along(B, _along(B, np.outer(A @ e, A @ e)))))                # I₂(e, k)
            v56 += 0.25 * sum(sum(I(e)) for e in tilde) + 0.25 * sum(sum(I(e)) for e in hat)
            first_sums = hat if printed_decomposition else tilde
            dec = 0.5 * sum(ex(_along(B, _along(B, np.outer(A @ e, A @ e)))) for e in first_sums) + \
                0.5 * sum(ex(_along(B, _along(B, np.outer(A @ e, A @ e)))) for e in hat)
            v54_dec += 0.5 * (first - 0.5 * dec)
        return np.array([v54, v55, v56, v54_dec])
    return values


def lemma4_values(cov_f, cov_g, printed_decomposition: bool = False) -> dict:
    from scipy.integrate import quad_vec
    from landau_num.transport.gaussian import w2_rate_gaussian
    integral, _ = quad_vec(lemma4_integrands(cov_f, cov_g, printed_decomposition), 0.0, 1.0, epsabs=1e-13, epsrel=1e-12)
    integral = [float(x) for x in integral]
    return {"dT_dt_(T=½W₂²)": 0.5 * w2_rate_gaussian(cov_f, cov_g), "(5.4)": integral[0], "(5.5)": integral[1],
            "(5.6)": integral[2], "(5.4)_second_term_decomposed": integral[3]}


REL_TOL = 1e-8  # adaptive quadrature in s (epsrel 1e-12) of smooth integrands; exact rate to round-off


def check_lemma4() -> Outcome:
    rows, ok, printed_ok = [], True, True
    for cov_f, cov_g in (COVARIANCES, COVARIANCES[::-1], (COVARIANCES[0], np.eye(3))):
        exact = lemma4_values(cov_f, cov_g)
        printed = lemma4_values(cov_f, cov_g, printed_decomposition=True)
        ref = exact["dT_dt_(T=½W₂²)"]
        rel = {k: float(abs(v - ref) / abs(ref)) for k, v in exact.items() if k != "dT_dt_(T=½W₂²)"}
        ok &= max(rel.values()) < REL_TOL
        printed_rel = float(abs(printed["(5.4)_second_term_decomposed"] - ref) / abs(ref))
        printed_ok &= printed_rel < REL_TOL
        rows.append({"cov_f": np.asarray(cov_f).tolist(), "cov_g": np.asarray(cov_g).tolist(), **exact,
                     "relative_errors": rel, "printed_decomposition_(ê_i twice)": printed["(5.4)_second_term_decomposed"],
                     "printed_decomposition_relative_error": printed_rel})
    verdict = "verified" if ok and printed_ok else ("refuted" if ok else "inconclusive")
    return Outcome(verdict, {
        "rows": rows, "tolerance": REL_TOL,
        "(5.4)_(5.5)_(5.6)_equal_d/dt_T": bool(ok),
        "counterexample": None if printed_ok else {
            "line": "decomposition of b̃_k·∇(b̃_k·∇|∇u|²) before (5.6) (ê_i in both sums)",
            "data": rows[0]["cov_f"], "vs": rows[0]["cov_g"], "d/dt T": rows[0]["dT_dt_(T=½W₂²)"],
            "(5.4) with the printed decomposition": rows[0]["printed_decomposition_(ê_i twice)"]},
    }, corrected_statement=None if printed_ok else
        r"\tilde b_k\cdot\nabla(\tilde b_k\cdot\nabla|\nabla u|^2)=\tfrac12\sum_i\tilde b_k\cdot\nabla(\tilde b_k\cdot\nabla"
        r"(\tilde e_i\cdot\nabla u)^2)+\tfrac12\sum_i\tilde b_k\cdot\nabla(\tilde b_k\cdot\nabla(\hat e_i\cdot\nabla u)^2)"
        r"\ \text{((5.4)–(5.6) themselves hold, with }\mathcal T=\tfrac12W_2^2\text{)}")


def _numeric(draw):
    """(5.5) at drawn diagonal pairs by mpmath quadrature in s against ½ d/dt W₂² (Proposition 2)."""
    from landau_num.transport.gaussian import w2_rate_gaussian
    A = np.diag([draw(real(0.3, 2.5)) for _ in range(3)])
    B = np.diag([draw(real(0.3, 2.5)) for _ in range(3)])
    values = lemma4_integrands(A, B)
    with mpmath.workdps(20):  # the integrand is double precision; 20 digits keep mpmath.quad cheap
        integral = mpmath.quad(lambda s: mpmath.mpf(values(float(s))[1]), [0, 1])
    return relative_residual(integral, mpmath.mpf(0.5 * w2_rate_gaussian(A, B)))


register(Identity(
    id="lemma4-gaussian-5-4-to-5-6",
    title="Lemma 4, (5.4)–(5.6) at α ≡ 1 on Gaussian pairs (and the decomposition printed before (5.6))",
    statement=r"\tfrac{d}{dt}\mathcal T(f,g)=(5.4)=(5.5)=(5.6);\ \tilde b_k\cdot\nabla(\tilde b_k\cdot\nabla|\nabla u|^2)="
              r"\tfrac12\sum_i\tilde b_k\cdot\nabla(\tilde b_k\cdot\nabla(\hat e_i\cdot\nabla u)^2)+\tfrac12\sum_i\tilde b_k"
              r"\cdot\nabla(\tilde b_k\cdot\nabla(\hat e_i\cdot\nabla u)^2)",
    reference=f"{SEED}, Lemma 4, (5.4), (5.5), (5.6)", kind="identity",
    method="closed form on Gaussian geodesics in R⁶ (quadratic u_s), traces against Σ_s, quadrature in s; "
           "3 pairs; reference d/dt(½W₂²) from Proposition 2",
    check=check_lemma4,
    cross_check=CrossCheck(_numeric, 1e-8, "mpmath quadrature in s of (5.5) vs ½ d/dt W₂² at drawn diagonal pairs",
                           examples=3),
    quick=True))
