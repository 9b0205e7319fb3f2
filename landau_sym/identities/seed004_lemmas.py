"""Lemma 1 (§3) and the heat-equation Proposition (§5) of 004_b333c7817a08033b.txt, checked as printed.

- ``lemma1-relative-l2-inequality``: for f = m(1 + φ) solving (2.3) at t = 0 (d = 2; φ a Hermite
  polynomial with ∫f(1, v, |v|²) = (1, 0, d) and ℙ = diag(λ₁, λ₂)), exactly in the coefficients of φ:
      ½ d/dt ∫(f/m − 1)²m = −(d−1)∫|∇(f/m)|²m + Σ_i(λ_i − 1)∫([∂_i(f/m)]² − ½(f²/m²)v_i²)m
                            − ∫⟨|v|²K(v)∇(f/m), ∇(f/m)⟩m,
  the dropped term being ≥ 0 pointwise (|v|²|∇p|² − (v·∇p)² ≥ 0), which is the printed inequality.
  Gaussian integrals are exact moment functionals (:func:`landau_sym.hermite.gaussian_expectation`);
  ∂_t f/m = div X − v·X with X = A(∇p − vp) + (d−1)vp, A = |v|²K + d Id − ℙ, p = f/m.
  The identity needs no f ≥ 0 (it is algebra on (2.3)); the drawn coefficients are small.
- ``heat-proposition-dissipation``: f_t = N(0, (a + 2t)Id), g_t = N(0, (b + 2t)Id) solve ∂_t f = Δf in
  R^d (A = √a, B = √b); the optimal u of (5.1) is u_s = c_s|x|²/2 with c_s = (B − A)/σ_s, σ_s = (1 − s)A + sB
  (∂_s u + ½|∇u|² = 0 and ∇u pushes ρ_s = N(0, σ_s² Id) along (5.2)). With T of (5.1) (= ½W₂²,
  the cost ½|x − y|² of the Hopf–Lax form), the Proposition d/dt T = −∫₀¹∫|D²u|²ρ holds; the
  proof's first and Bochner lines agree with it, its last line −½∫₀¹∫|D²u|²ρ does not (refuted).
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..hermite import gaussian_expectation, hermite_he
from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import real

SEED = "004_b333c7817a08033b.txt"
D_LEMMA1 = 2
V = sp.symbols("v1:3", real=True)
COEFFS = sp.symbols("a b c e", real=True)


def _phi(coeffs=COEFFS):
    """φ with ∫mφ(1, v, |v|²) = (0, 0, 0), ∫mφ v₁v₂ = 0: ℙ = diag(1 + 2a, 1 − 2a)."""
    a, b, c, e = coeffs
    H = lambda n, x: hermite_he(n, x)
    return a * (H(2, V[0]) - H(2, V[1])) + b * H(4, V[0]) + c * H(2, V[0]) * H(2, V[1]) + e * H(3, V[0]) * H(1, V[1])


def lemma1_terms(coeffs=COEFFS) -> dict:
    """The integrals of Lemma 1 at t = 0 for f = m(1 + φ) (exact Gaussian moments)."""
    d = D_LEMMA1
    E = lambda expr: gaussian_expectation(sp.expand(expr), V)
    p = 1 + _phi(coeffs)
    v = sp.Matrix(V)
    grad = sp.Matrix([sp.diff(p, x) for x in V])
    P = sp.Matrix(d, d, lambda i, j: E(V[i] * V[j] * p))
    lam = [P[i, i] for i in range(d)]
    vKv = v.dot(v) * sp.eye(d) - v * v.T      # |v|²K(v)
    X = (vKv + d * sp.eye(d) - P) * (grad - v * p) + (d - 1) * v * p
    dtf_over_m = sum(sp.diff(X[i], V[i]) for i in range(d)) - v.dot(X)
    return {
        "moments": (E(p), [E(x * p) for x in V], E(v.dot(v) * p), P),
        "lhs_half_dt_E": E(p * dtf_over_m),   # ½ d/dt ∫(f/m − 1)²m = ∫(f/m)∂_t f (mass conserved)
        "grad_term": E(grad.dot(grad)),
        "lambda_terms": [E(grad[i] ** 2) for i in range(d)],
        "v2_terms": [E(p ** 2 * V[i] ** 2) for i in range(d)],
        "lambda": lam,
        "K_term": E((grad.T * vKv * grad)[0, 0]),
    }


def lemma1_residual(coeffs=COEFFS, grad_coefficient=D_LEMMA1 - 1, half=sp.Rational(1, 2)) -> sp.Expr:
    """LHS − (printed right side − dropped K term); 0 iff the printed constants are right."""
    t = lemma1_terms(coeffs)
    rhs = -grad_coefficient * t["grad_term"] + sum((lam - 1) * (g - half * w) for lam, g, w in
                                                   zip(t["lambda"], t["lambda_terms"], t["v2_terms"]))
    return sp.expand(t["lhs_half_dt_E"] - (rhs - t["K_term"]))


def check_lemma1() -> Outcome:
    t = lemma1_terms()
    mass, mean, energy, P = t["moments"]
    admissible = mass == 1 and mean == [0, 0] and energy == D_LEMMA1 and P[0, 1] == 0
    residual = lemma1_residual()
    # the dropped term: ∫(|v|²|∇p|² − (v·∇p)²)m, a Gaussian expectation of a pointwise Cauchy–Schwarz gap
    ok = admissible and residual == 0
    return Outcome("verified" if ok else "refuted", {
        "initial_data": f"f = m(1 + φ), φ = {sp.sstr(_phi())}, d = 2",
        "moments_(mass, mean, energy, P)": [str(mass), [str(x) for x in mean], str(energy), str(P.tolist())],
        "identity_residual_lhs_minus_(printed_rhs_minus_K_term)": str(residual),
        "K_term_nonnegative": "pointwise |v|²|∇p|² − (v·∇p)² ≥ 0 (Cauchy–Schwarz), so LHS ≤ printed RHS",
        "K_term": str(sp.factor(t["K_term"])),
    })


def _lemma1_numeric(draw):
    """Gauss–Hermite quadrature (mpmath, 12 nodes per axis, exact to degree 23) of the same integrands."""
    coeffs = [sp.Rational(draw(st.integers(-40, 40)), 400) for _ in range(4)]
    t = lemma1_terms(coeffs)  # exact at these rationals
    d = D_LEMMA1
    p = 1 + _phi(coeffs)
    grad = [sp.diff(p, x) for x in V]
    lam = [1 + 2 * coeffs[0], 1 - 2 * coeffs[0]]
    rhs_integrand = -(d - 1) * sum(g ** 2 for g in grad) + sum((lam[i] - 1) * (grad[i] ** 2 - p ** 2 * V[i] ** 2 / 2)
                                                               for i in range(d))
    fn = sp.lambdify(V, rhs_integrand, "mpmath")
    nodes, weights = _hermite_e_rule(12)
    quad = sum(wi * wj * fn(xi, xj) for xi, wi in zip(nodes, weights) for xj, wj in zip(nodes, weights))
    return relative_residual(mpmath.mpf(sp.Rational(t["lhs_half_dt_E"] + t["K_term"])), quad)


def _hermite_e_rule(n: int):
    """Nodes and weights of ∫ h(x) e^{−x²/2}dx/√(2π) (probabilists' Gauss–Hermite) by mpmath."""
    x = sp.Symbol("x")
    roots = [mpmath.mpf(r) for r in mpmath.polyroots([float(c) for c in sp.Poly(hermite_he(n, x), x).all_coeffs()],
                                                      maxsteps=200, extraprec=200)]
    fact = mpmath.factorial(n - 1)
    he = sp.lambdify(x, hermite_he(n - 1, x), "mpmath")
    return roots, [fact / (n * he(r) ** 2) for r in roots]


register(Identity(
    id="lemma1-relative-l2-inequality", title="Lemma 1: ½ d/dt ∫(f/m−1)²m ≤ −(d−1)∫|∇(f/m)|²m + Σ(λ_i−1)∫(…)m",
    statement=r"\tfrac12\tfrac{d}{dt}\int(\tfrac fm-1)^2m \le -(d-1)\int|\nabla\tfrac fm|^2m + \sum_i(\lambda_i-1)"
              r"\int([\partial_{v_i}\tfrac fm]^2-\tfrac12\tfrac{f^2}{m^2}v_i^2)m",
    reference=f"{SEED}, Lemma 1", kind="inequality",
    method="exact: f = m(1+φ) with symbolic Hermite coefficients, d = 2, t = 0; equality up to the dropped "
           "term ∫⟨|v|²K∇(f/m),∇(f/m)⟩m ≥ 0",
    check=check_lemma1,
    # the quadrature is exact for these polynomial degrees (≤ 14 < 24), so only the working precision remains
    cross_check=CrossCheck(_lemma1_numeric, 1e-25, "mpmath Gauss–Hermite quadrature (exact for these degrees) of "
                           "the printed right side vs the exact LHS + K term at drawn rational coefficients",
                           examples=5),
    quick=True))


# --- §5: the heat-equation Proposition ------------------------------------------------------------

A, B, d, s, tt = sp.symbols("A B d s t", positive=True)   # A = √a, B = √b: the initial standard deviations


def heat_terms(A_=A, B_=B, d_=d) -> dict:
    T = d_ * (sp.sqrt(A_ ** 2 + 2 * tt) - sp.sqrt(B_ ** 2 + 2 * tt)) ** 2 / 2  # (5.1) = ½W₂² of N(0, σ²Id)'s
    sigma = (1 - s) * A_ + s * B_                 # geodesic at t = 0: ρ_s = N(0, σ_s²Id)
    c = (B_ - A_) / sigma                         # u_s = c_s|x|²/2, ∇u = c_s x, D²u = c_s Id
    hj = sp.simplify(sp.diff(c, s) / 2 + c ** 2 / 2)   # ∂_s u + ½|∇u|² = (ċ/2 + c²/2)|x|²
    continuity = sp.simplify(sp.diff(sigma, s) - c * sigma)  # (5.2) for ρ_s = N(0, σ_s²): ∂_sσ = cσ
    return {"dT_dt": sp.simplify(sp.diff(T, tt).subs(tt, 0)),
            "dissipation": sp.simplify(sp.integrate(d_ * c ** 2, (s, 0, 1))),  # ∫₀¹∫|D²u|²ρ
            "first_line": d_ * (c.subs(s, 1) - c.subs(s, 0)),   # ∫u₁Δg − ∫u₀Δf = ∫Δu₁ g − ∫Δu₀ f
            "hj_residual": hj, "continuity_residual": continuity}


def check_heat() -> Outcome:
    h = heat_terms()
    statement = sp.simplify(h["dT_dt"] + h["dissipation"])
    first = sp.simplify(h["first_line"] - h["dT_dt"])
    last_line = sp.simplify(h["dT_dt"] + h["dissipation"] / 2)
    geodesic_ok = h["hj_residual"] == 0 and h["continuity_residual"] == 0
    ce = heat_terms(sp.Integer(1), sp.Integer(2), sp.Integer(1))
    return Outcome("refuted" if geodesic_ok and statement == 0 and first == 0 and last_line != 0 else "inconclusive", {
        "geodesic_checks_(HJ, continuity)": [str(h["hj_residual"]), str(h["continuity_residual"])],
        "statement_dT_dt_plus_∫∫|D²u|²ρ": str(statement),
        "proof_first_line_minus_dT_dt": str(first),
        "proof_last_line_dT_dt_plus_½∫∫|D²u|²ρ": str(sp.factor(last_line)),
        "counterexample": {"d": 1, "f_in": "N(0, 1)", "g_in": "N(0, 4)", "T_(5.1)": "½W₂² = 1/2",
                           "dT/dt_at_0": str(ce["dT_dt"]), "∫₀¹∫|D²u|²ρ": str(ce["dissipation"]),
                           "printed_last_line_−½∫₀¹∫|D²u|²ρ": str(-ce["dissipation"] / 2)},
        "note": "the Proposition itself holds with T of (5.1) = ½W₂² (with T = W₂² of (1.2) the rate doubles)",
    }, corrected_statement=r"\frac{d}{dt}\mathcal T(f,g) = \dots = -\int_0^1\!\!\int(\tfrac12\Delta|\nabla u|^2-\nabla\Delta u"
                           r"\cdot\nabla u)\rho = -\int_0^1\!\!\int|D^2u|^2\rho\,dx\,ds\ \ (\text{no }\tfrac12;\ "
                           r"\mathcal T=\tfrac12W_2^2)")


def _heat_numeric(draw):
    av, bv, dv = mpmath.mpf(draw(real(0.2, 4.0))), mpmath.mpf(draw(real(0.2, 4.0))), draw(st.integers(1, 3))
    half_w2 = lambda t: dv * (mpmath.sqrt(av + 2 * t) - mpmath.sqrt(bv + 2 * t)) ** 2 / 2
    sigma = lambda ss: (1 - ss) * mpmath.sqrt(av) + ss * mpmath.sqrt(bv)
    diss = mpmath.quad(lambda ss: dv * ((mpmath.sqrt(bv) - mpmath.sqrt(av)) / sigma(ss)) ** 2, [0, 1])
    return relative_residual(mpmath.diff(half_w2, 0), -diss)  # d/dt ½W₂² = −∫₀¹∫|D²u|²ρ


register(Identity(
    id="heat-proposition-dissipation", title="§5 Proposition: heat flow, d/dt T = −∫₀¹∫|D²u|²ρ (proof's last line −½)",
    statement=r"\frac{d}{dt}\mathcal T(f,g) = -\int_0^1\!\!\int|D^2u|^2\rho\,dx\,ds;\ \text{proof: } \dots = "
              r"-\tfrac12\int_0^1\!\!\int|D^2u|^2\rho",
    reference=f"{SEED}, Proposition (heat equation, §5) and its proof", kind="identity",
    method="exact: isotropic Gaussian pairs in R^d under the heat flow, optimal u of (5.1) in closed form",
    check=check_heat,
    cross_check=CrossCheck(_heat_numeric, 1e-15, "mpmath numerical d/dt of ½W₂² plus quadrature of ∫₀¹d c_s² ds "
                           "at drawn variances and d", examples=10),
    quick=True))
