"""Super-additivity (6) and infinite-dimensional affinity (7) of 003_2ee84d6b3c804a54.txt on the
exchangeable Gaussian family, exactly.

F^N = N(0, C_N ⊗ Id₃) on R^{3N} with C_N = (a − b)Id_N + b𝟙𝟙ᵀ (a − b > 0, a + (N − 1)b > 0) is
symmetric, and its j-marginal is F^j. For b ≥ 0 it is the de Finetti mixture ν^N = ∫ρ^{⊗N}ν(dρ)
of ρ_m = N(m, (a − b)Id₃) with m ~ N(0, b Id₃). Per the normalisations (5):

  H(F^j) = −(3/2)log(2πe) − (3/(2j))[(j − 1)log(a − b) + log(a + (j − 1)b)],
  I(F^j) = (3/j) tr C_j^{−1} = 3/(a − b) − 3b/((a − b)(a + (j − 1)b)).

Checked: (6) H(F^{N:j}) ≤ H(F^N), I(F^{N:j}) ≤ I(F^N) for j ≤ N (both signs of b), the
closed forms against the log-determinant and trace of the exact matrices for j ≤ 6, and (7) /
Theorem 5.6 (first two lines): lim_j H(ν^j) = ∫H(ρ)ν(dρ) = −(3/2)log(2πe(a − b)),
lim_j I(ν^j) = ∫I(ρ)ν(dρ) = 3/(a − b). The third line (D) is 0 = 0 on this family ((∇₁ − ∇₂)log F^j
is parallel to v₁ − v₂), recorded, not claimed as evidence.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import real

SEED = "003_2ee84d6b3c804a54.txt"
A, B = sp.symbols("a b", real=True)
J = sp.Symbol("j", positive=True, integer=True)


def entropy(j):
    return -sp.Rational(3, 2) * sp.log(2 * sp.pi * sp.E) - sp.Rational(3, 2) / j * ((j - 1) * sp.log(A - B) + sp.log(A + (j - 1) * B))


def fisher(j):
    return 3 / (A - B) - 3 * B / ((A - B) * (A + (j - 1) * B))


def _covariance(j: int) -> sp.Matrix:
    return (A - B) * sp.eye(j) + B * sp.ones(j, j)


def check_superadditivity() -> Outcome:
    closed_forms = True
    for j in range(1, 7):
        C = _covariance(j)
        closed_forms &= sp.simplify(C.det() - (A - B) ** (j - 1) * (A + (j - 1) * B)) == 0
        closed_forms &= sp.simplify(3 * C.inv().trace() / j - fisher(j)) == 0
    # monotonicity in j (j real ≥ 1): d/dj of H and I, signs on the admissible set
    t = sp.Symbol("t", positive=True)           # t = a − b > 0
    u = sp.Symbol("u", positive=True)           # u = a + (j − 1)b > 0
    dI = sp.simplify(sp.diff(fisher(J), J))     # = 3b²/((a − b)(a + (j − 1)b)²) ≥ 0
    fisher_increasing = sp.simplify(dI - 3 * B**2 / ((A - B) * (A + (J - 1) * B) ** 2)) == 0
    # H(F^j) − H(F^{j+1}) ≤ 0: by concavity of log, (1/j)log u_j − (1/(j+1))log u_{j+1} vs log t; proved
    # through g(j) = (1/j)[log(a + (j−1)b) − log(a − b)] decreasing in j (log(1 + x)/x decreasing)
    x = sp.Symbol("x", positive=True)
    g = sp.log(1 + x) / x
    g_decreasing = sp.simplify(sp.diff(g, x) * x**2 - (x / (1 + x) - sp.log(1 + x))) == 0
    limits = {
        "lim_j H(nu^j)": sp.simplify(sp.limit(entropy(J), J, sp.oo).subs(A, B + t) - (-sp.Rational(3, 2) * sp.log(2 * sp.pi * sp.E * t))),
        "lim_j I(nu^j)": sp.simplify(sp.limit(fisher(J).subs(A, B + t), J, sp.oo) - 3 / t),
    }
    affine = all(v == 0 for v in limits.values())
    ok = closed_forms and fisher_increasing and g_decreasing and affine and u.is_positive
    return Outcome("verified" if ok else "refuted", {
        "closed forms vs exact log-det / trace, j <= 6": closed_forms,
        "dI(F^j)/dj = 3b^2/((a-b)(a+(j-1)b)^2) >= 0 (6) for I": fisher_increasing,
        "H(F^j) = const - (3/2) log(a-b) - (3/2) g(j), g = (1/j) log(1+jb/(a-b)) decreasing (6) for H": g_decreasing,
        "(7) limits minus the nu-averages": {k: str(v) for k, v in limits.items()},
        "D line of Theorem 5.6": "0 = 0 on this family ((∇1 − ∇2) log F^j ∥ v1 − v2)",
    })


def _superadditivity_numeric(draw) -> mpmath.mpf:
    """log-det and trace of the drawn exchangeable covariance with mpmath matrices; (6) for drawn j ≤ N."""
    a = mpmath.mpf(draw(real(0.5, 3.0)))
    N = draw(st.integers(2, 7))
    b = mpmath.mpf(draw(real(-0.95, 0.95))) * a / (N - 1) if draw(st.booleans()) else mpmath.mpf(draw(real(0.0, 0.9))) * a
    j = draw(st.integers(1, N))

    def h_and_i(n):
        C = mpmath.matrix(n, n)
        for p in range(n):
            for q in range(n):
                C[p, q] = a if p == q else b
        h = -mpmath.mpf(3) / 2 * mpmath.log(2 * mpmath.pi * mpmath.e) - mpmath.mpf(3) / (2 * n) * mpmath.log(mpmath.det(C))
        i = 3 * sum(mpmath.inverse(C)[p, p] for p in range(n)) / n
        return h, i

    (hj, ij), (hN, iN) = h_and_i(j), h_and_i(N)
    closed = fisher(N).subs({A: a, B: b})
    return max(relative_residual(iN, mpmath.mpf(sp.N(closed, 40))), max(mpmath.mpf(0), hj - hN - mpmath.mpf("1e-25")),
               max(mpmath.mpf(0), ij - iN - mpmath.mpf("1e-25")))


register(Identity(
    id="seed003-superadditivity-affinity",
    title="(6) super-additivity and (7) affinity of H and I, exactly on exchangeable Gaussians",
    statement=r"H(F^{N:j})\le H(F^N),\ I(F^{N:j})\le I(F^N);\quad \mathcal H(\nu)=\int H(\rho)\nu(d\rho),\ \mathcal I(\nu)=\int I(\rho)\nu(d\rho)",
    reference=f"{SEED}, (5), (6), (7), Theorem 5.6 (first two lines)",
    kind="inequality",
    method="exact: closed forms from determinants and traces, derivative signs in j, limits j → ∞",
    check=check_superadditivity,
    cross_check=CrossCheck(_superadditivity_numeric, 1e-20,
                           "mpmath determinants and inverses of drawn exchangeable covariances, both signs of b", examples=10),
))
