"""The random-pairing scheme for system (3) of 003_2ee84d6b3c804a54.txt (landau_num.sde.pairing):
its expected generator, the exact law of spherical Brownian motion it samples, and the exact
finite-N, finite-dt law of its second moments for γ = 0.

1. ``seed003-pairing-generator``: a uniform perfect matching of N = 2n points contains a given pair
   with probability (N−3)!!/(N−1)!! = 1/(N−1); hence with the pair time s = (N−1)dt the step
   operator E_M Π_{(ij)∈M} e^{sL_ij} = I + dt Σ_{i<j} L_ij + O(dt²): the expected generator is the
   generator Σ_{i<j} L_ij of (3). Exact: the double-factorial ratio for symbolic n, and the pair
   counts over all matchings for N = 4, 6, 8, 10. Cross-check: the count formula
   (N−1)!!·(2/N)·… recomputed with mpmath at drawn N.
2. ``seed003-sphere-bm-ancestral``: on functions of x = (1 − ẑ(0)·ẑ)/2, Δ_{S²} = 2L_WF with
   L_WF = ½x(1−x)∂² + ½(θ₁(1−x) − θ₂x)∂, θ₁ = θ₂ = 1 (exact, sympy), so κΔ_{S²} for a time s
   is the Wright–Fisher diffusion for τ = 2κs, whose law from 0 is Beta(1, 1 + A(τ)), A the
   line-of-descent process with q_m(τ) = Σ_{k≥m}(−1)^{k−m}(2k+1)(m+k)!/(m!(m+1)!(k−m)!)e^{−k(k+1)τ/2}.
   Check of the representation on the harmonics: E[P_ℓ(1 − 2X)] = e^{−ℓ(ℓ+1)τ/2}, ℓ = 1, 2, i.e.
   Σ_m q_m(τ)·E_Beta[P_ℓ] equals the heat-kernel eigenvalue (mpmath, 40 digits, drawn τ).
3. ``seed003-pairing-second-moment-law``: for γ = 0 (τ = 8C dt for every pair)
   E[K_{n+1} | K_n] = K∞ + (1 − ρ)(K_n − K∞), ρ = N(1 − e^{−3τ})/(2(N−1)), K∞ = (tr K/3)I.
   Exact: Δ_{S²}(x_a x_b − δ_ab|x|²/3) = −6(x_a x_b − δ_ab|x|²/3) on S² (degree-2 harmonics), so
   E[z′⊗z′ | z] = |z|²I/3 + e^{−3τ}(z⊗z − |z|²I/3); then, with symbolic velocities for N = 4 and 6
   and every pair weighted 1/(N−1), the mean change of K equals ρ(K∞ − K) identically.
   Cross-check: the same mean change summed over all matchings explicitly (N = 4, 6) at drawn
   velocities and τ, mpmath.
"""
from __future__ import annotations

import itertools

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import draw_vector, real

REFERENCE = "003_2ee84d6b3c804a54.txt, (3) and Remark 1.7"


def perfect_matchings(points: tuple) -> list[list[tuple]]:
    if not points:
        return [[]]
    first, rest = points[0], points[1:]
    out = []
    for k, partner in enumerate(rest):
        for m in perfect_matchings(rest[:k] + rest[k + 1:]):
            out.append([(first, partner)] + m)
    return out


def pair_probability_formula(N):
    """(N−3)!!/(N−1)!! for even N."""
    return sp.factorial2(N - 3) / sp.factorial2(N - 1)


def check_pairing_generator(N_values=(4, 6, 8, 10), probability=pair_probability_formula) -> Outcome:
    n = sp.Symbol("n", positive=True, integer=True)
    # (2n−3)!!/(2n−1)!! through (2n−1)!! = (2n)!/(2^n n!)
    double = lambda m: sp.factorial(2 * m) / (2**m * sp.factorial(m))  # noqa: E731  ((2m−1)!!)
    ratio = sp.simplify(sp.combsimp(double(n - 1) / double(n)) - 1 / (2 * n - 1))
    evidence = {"symbolic (2n-3)!!/(2n-1)!! - 1/(2n-1)": str(ratio)}
    ok = ratio == 0
    for N in N_values:
        matchings = perfect_matchings(tuple(range(N)))
        hits = sum(1 for m in matchings if (0, 1) in m)
        exact = sp.Rational(hits, len(matchings))
        evidence[f"N={N}: P((0,1) in M) over {len(matchings)} matchings"] = str(exact)
        ok = ok and exact == sp.Rational(1, N - 1) and sp.nsimplify(probability(N)) == exact
    if ok:
        return Outcome("verified", evidence)
    return Outcome("refuted", {**evidence, "counterexample": "the pair probability differs from 1/(N-1)"})


def _generator_numeric(draw):
    N = 2 * draw(st.integers(2, 60))
    # number of perfect matchings containing a given pair / all: (N−3)!!/(N−1)!!
    count = mpmath.fprod(range(N - 3, 0, -2)) / mpmath.fprod(range(N - 1, 0, -2))
    return relative_residual(count, mpmath.mpf(1) / (N - 1))


def wright_fisher_generator_on_sphere(theta1=1, theta2=1) -> sp.Expr:
    """Δ_{S²} − 2L_WF on g(x), x = (1 − u)/2 (u = cos Θ): zero for θ₁ = θ₂ = 1."""
    u, x = sp.symbols("u x", real=True)
    g = sp.Function("g")
    f = g((1 - u) / 2)
    laplace_u = (1 - u**2) * sp.diff(f, u, 2) - 2 * u * sp.diff(f, u)
    lhs = laplace_u.subs(u, 1 - 2 * x).doit()
    G = g(x)
    L_wf = sp.Rational(1, 2) * x * (1 - x) * sp.diff(G, x, 2) + sp.Rational(1, 2) * (theta1 * (1 - x) - theta2 * x) * sp.diff(G, x)
    return sp.simplify(lhs - 2 * L_wf)


def ancestral_pmf_mp(tau, m):
    """q_m(τ) by the alternating series, mpmath at the working precision (terms to 1e-60 of 1)."""
    total, k = mpmath.mpf(0), m
    while True:
        term = (2 * k + 1) * mpmath.exp(mpmath.loggamma(m + k + 1) - mpmath.loggamma(m + 1) - mpmath.loggamma(m + 2)
                                        - mpmath.loggamma(k - m + 1) - k * (k + 1) * tau / 2)
        total += term if (k - m) % 2 == 0 else -term
        if k > m + 5 and term < mpmath.mpf(10) ** (-60):
            return total
        k += 1


def harmonic_mean_from_ancestral(tau, ell, m_max=None):
    """Σ_m q_m(τ) E[P_ℓ(1 − 2X)], X ~ Beta(1, 1 + m)."""
    m_max = m_max or int(2 / tau + 40 * (1 / tau) ** 0.5 + 40)
    total = mpmath.mpf(0)
    for m in range(m_max + 1):
        b = m + 1
        ex = mpmath.mpf(1) / (b + 1)                 # E X for Beta(1, b)
        ex2 = mpmath.mpf(2) / ((b + 1) * (b + 2))    # E X²
        eu = 1 - 2 * ex
        eu2 = 1 - 4 * ex + 4 * ex2
        p = eu if ell == 1 else (3 * eu2 - 1) / 2
        total += ancestral_pmf_mp(tau, m) * p
    return total


def check_sphere_bm_ancestral(theta=(1, 1)) -> Outcome:
    residual = wright_fisher_generator_on_sphere(*theta)
    evidence = {"Delta_S2 - 2 L_WF(theta1, theta2) on g(x)": str(residual), "theta": list(theta)}
    with mpmath.workdps(60):
        for tau in (mpmath.mpf("0.3"), mpmath.mpf(2)):
            for ell in (1, 2):
                value = harmonic_mean_from_ancestral(tau, ell)
                target = mpmath.exp(-ell * (ell + 1) * tau / 2)
                evidence[f"tau={tau}, l={ell}: sum q_m E[P_l] - exp(-l(l+1)tau/2)"] = mpmath.nstr(value - target, 5)
                if abs(value - target) > mpmath.mpf(10) ** (-40):
                    return Outcome("refuted", {**evidence, "counterexample": f"tau={tau}, l={ell}"})
    return Outcome("verified" if residual == 0 else "refuted",
                   evidence if residual == 0 else {**evidence, "counterexample": "generator mismatch"})


def _ancestral_numeric(draw):
    tau = mpmath.mpf(draw(real(0.2, 3.0)))
    ell = draw(st.sampled_from((1, 2)))
    with mpmath.workdps(50):
        return relative_residual(harmonic_mean_from_ancestral(tau, ell), mpmath.exp(-ell * (ell + 1) * tau / 2))


def pair_second_moment_mean(z: sp.Matrix, decay) -> sp.Matrix:
    """E[z′⊗z′ | z] = |z|²I/3 + decay·(z⊗z − |z|²I/3)."""
    r2 = (z.T * z)[0]
    return r2 * sp.eye(3) / 3 + decay * (z * z.T - r2 * sp.eye(3) / 3)


def law_residual(N: int, rho_formula) -> sp.Matrix:
    """Mean change of K over one step (pairs weighted 1/(N−1)) minus ρ(K∞ − K), symbolic velocities."""
    tau = sp.Symbol("tau", positive=True)
    decay = sp.exp(-3 * tau)
    V = [sp.Matrix(sp.symbols(f"v{i}_1:4", real=True)) for i in range(N)]
    S = sum((v * v.T for v in V), sp.zeros(3, 3)) / N
    M = sum(V, sp.zeros(3, 1)) / N
    K = S - M * M.T
    K_inf = K.trace() / 3 * sp.eye(3)
    change = sp.zeros(3, 3)
    for i, j in itertools.combinations(range(N), 2):
        z = V[i] - V[j]
        change += sp.Rational(1, N - 1) * (pair_second_moment_mean(z, decay) - z * z.T) / 2
    change = change / N  # ΔS = ½(z′⊗z′ − z⊗z) per pair, K = S/N − M⊗M, M kept
    return (change - rho_formula(N, tau) * (K_inf - K)).applyfunc(sp.expand)


def rho_formula(N, tau):
    return N * (1 - sp.exp(-3 * tau)) / (2 * (N - 1))


def check_pairing_second_moment_law(N_values=(4, 6), rho=rho_formula) -> Outcome:
    x = sp.Matrix(sp.symbols("x1:4", real=True))
    evidence = {}
    # Δ_{S²} h = |x|²Δh − (x·∇)²h − (x·∇)h for the homogeneous extension h
    for a, b in ((0, 0), (0, 1), (1, 2)):
        h = x[a] * x[b] - (1 if a == b else 0) * (x.T * x)[0] / 3
        grad = sp.Matrix([sp.diff(h, c) for c in x])
        euler = (x.T * grad)[0]
        lap = sum(sp.diff(h, c, 2) for c in x)
        sphere = (x.T * x)[0] * lap - (x.T * sp.Matrix([sp.diff(euler, c) for c in x]))[0] - euler
        residual = sp.expand(sphere + 6 * h)
        evidence[f"Delta_S2 h_{a}{b} + 6 h_{a}{b}"] = str(residual)
        if residual != 0:
            return Outcome("refuted", {**evidence, "counterexample": f"harmonic ({a},{b})"})
    for N in N_values:
        residual = law_residual(N, rho)
        evidence[f"N={N}: E[dK] - rho (K_inf - K), all entries"] = str(residual.applyfunc(sp.simplify))
        if any(sp.simplify(e) != 0 for e in residual):
            return Outcome("refuted", {**evidence, "counterexample": f"N={N}: nonzero residual"})
    return Outcome("verified", evidence)


def _law_numeric(draw):
    N = draw(st.sampled_from((4, 6)))
    tau = mpmath.mpf(draw(real(0.01, 3.0)))
    V = [mpmath.matrix(draw_vector(draw, 3)) for _ in range(N)]
    decay = mpmath.exp(-3 * tau)

    def K_of(vs):
        M = sum(vs, mpmath.matrix(3, 1)) / N
        return sum((v * v.T for v in vs), mpmath.matrix(3, 3)) / N - M * M.T

    K = K_of(V)
    matchings = perfect_matchings(tuple(range(N)))
    mean_change = mpmath.matrix(3, 3)
    for m in matchings:
        for i, j in m:
            z = V[i] - V[j]
            r2 = (z.T * z)[0]
            zz = z * z.T
            mean_change += (r2 * mpmath.eye(3) / 3 + decay * (zz - r2 * mpmath.eye(3) / 3) - zz) / (2 * N)
    mean_change /= len(matchings)
    trace = K[0, 0] + K[1, 1] + K[2, 2]
    target = N * (1 - decay) / (2 * (N - 1)) * (trace / 3 * mpmath.eye(3) - K)
    return max(abs(mean_change[a, b] - target[a, b]) for a in range(3) for b in range(3)) / (1 + mpmath.mnorm(K, 1))


register(Identity(
    id="seed003-pairing-generator",
    title="random pairing: a uniform perfect matching holds a pair with probability 1/(N−1), so pair time "
          "(N−1)dt gives the expected generator of (3)",
    statement=r"\mathbb{P}((i,j)\in M) = \frac{(N-3)!!}{(N-1)!!} = \frac{1}{N-1},\quad "
              r"\mathbb{E}_M\prod_{(i,j)\in M} e^{(N-1)\,dt\,L_{ij}} = I + dt\sum_{i<j}L_{ij} + O(dt^2)",
    reference=f"{REFERENCE}; Kolmogorov equation (4)",
    kind="identity",
    method="exact: double-factorial ratio for symbolic N = 2n, and pair counts over all matchings, N = 4..10",
    check=check_pairing_generator,
    cross_check=CrossCheck(_generator_numeric, 1e-25, "double-factorial products at drawn even N, mpmath"),
))

register(Identity(
    id="seed003-sphere-bm-ancestral",
    title="Brownian motion on S² with generator κΔ: 1 − ẑ(0)·ẑ(s) = 2X, X ~ Beta(1, 1 + A(2κs)), A the "
          "θ = 2 line-of-descent process",
    statement=r"\Delta_{S^2} = 2L_{WF}^{\theta_1=\theta_2=1}\ \text{in } x = \tfrac{1-\cos\Theta}{2};\quad "
              r"\sum_m q_m(\tau)\,\mathbb{E}_{\mathrm{Beta}(1,1+m)}P_\ell(1-2X) = e^{-\ell(\ell+1)\tau/2}",
    reference=f"{REFERENCE} (the two-particle dynamics)",
    kind="identity",
    method="exact: sympy change of variables of the generator; the law on the ℓ = 1, 2 harmonics by the "
           "q_m series at 60 digits, τ = 0.3 and 2",
    check=check_sphere_bm_ancestral,
    cross_check=CrossCheck(_ancestral_numeric, 1e-30, "q_m series at 50 digits, drawn τ ∈ [0.2, 3], ℓ ∈ {1, 2}",
                           examples=6),
    quick=False,
))

register(Identity(
    id="seed003-pairing-second-moment-law",
    title="pairing scheme, γ = 0: E[K_{n+1}|K_n] − K∞ = (1 − ρ)(K_n − K∞), ρ = N(1 − e^{−3τ})/(2(N−1)), τ = 8C dt",
    statement=r"\mathbb{E}[K_{n+1}\mid K_n] = K_\infty + (1-\rho)(K_n - K_\infty),\ "
              r"\rho = \frac{N(1-e^{-3\tau})}{2(N-1)},\ \tau = 8C\,dt,\ K_\infty = \tfrac{\operatorname{tr}K}{3}I",
    reference=f"{REFERENCE}; the pairing scheme of landau_num.sde.pairing",
    kind="rate",
    method="exact: degree-2 harmonics of Δ_{S²} (sympy), then the mean step change with symbolic velocities, "
           "N = 4 and 6",
    check=check_pairing_second_moment_law,
    cross_check=CrossCheck(_law_numeric, 1e-25, "explicit sum over all perfect matchings, N = 4, 6, drawn "
                           "velocities and τ, mpmath", examples=8),
    quick=False,
))
