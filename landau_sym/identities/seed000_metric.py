"""The Landau metric of 000_2c86dc742ea51118.txt §1 and §3, checked as printed.

- (3) defines d_L(f, g) as min ½∫₀¹∬|V|² dμ dμ* dt over solutions of ∂ₜμ + ½∇̃·(Vμμ*) = 0, while
  Definition 24, (16), defines the *square* d_L² by the same infimum (T = 1, 𝒜 = ½∬|U|² by
  Lemma 19). Both are computed exactly on two-particle measures μ = ½δ_{v₁} + ½δ_{v₂}: the
  grazing continuity equation (9) moves the atoms by v̇_p = ½Σ_q w_q|z_pq|^{1+γ/2}Π[z_pq](U_pq − U_qp)
  (z_pq = v_p − v_q; the coefficient of ∇ζ(v_p) in (9)), which conserves the centre and |z|, so
  a curve is a rotation of z = v₁ − v₂ by an angle θ(t). The least action for a rotation speed θ̇ is
  𝒜 = |z|^{−γ}θ̇²/4 (exact least-norm solution of the linear constraint), so the infimum over
  curves rotating by Θ (|Θ| ≤ π/2; ±z give the same measure) is c Θ², c = |z|^{−γ}/4. Read
  as (3) prints it, d_L(μ₀, μ_Θ) = cΘ² violates the triangle inequality along the rotation
  (cΘ² > 2c(Θ/2)²); read as d_L² (16) it is √c|Θ|, an arc length. (3) is refuted, with
  d_L² on its left-hand side as the corrected statement.
- (16)–(17), Lemma 25: on the same curves, T∫₀ᵀ𝒜 dt ≥ (∫₀ᵀ√𝒜 dt)² with equality at constant
  speed, and both are independent of T (the reparametrisation behind Lemma 25).
- Remark 18 and Lemma 19, (12): α(u, s) = |u|²/(2s) is positively 1-homogeneous and jointly
  convex, and for M = m dv dv* the density form of (12) is |m|²/(2ff*) = ½ff*|U|².
- Lemma 21, (13): ∬F d|M| ≤ √2 𝒜^{1/2}(∬F² dμdμ)^{1/2}, exactly on measures with finitely
  many atoms (Lagrange's identity); the constant √2 is attained. The printed proof writes
  F|dM/dτ| = F(|dM/dτ|√(2 dμ⊗μ/dτ))√(2 dμ⊗μ/dτ), which is false (the right side is
  2(dμ⊗μ/dτ)F|dM/dτ|); the factor must be |dM/dτ|/√(2 dμ⊗μ/dτ).
- Remark 22, (14): (13) with F = 1 + |v| + |v*| and (1 + a + b)² ≤ 3(1 + a² + b²) gives (14)
  with the constant √6.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import draw_nonzero_vector, real

GAMMA = sp.Symbol("gamma", real=True)
THETA = sp.Symbol("Theta", positive=True)
RADIUS = sp.Symbol("r", positive=True)  # |z| = |v₁ − v₂|
SPEED = sp.Symbol("omega", real=True)  # θ̇

SEED_REF = "000_2c86dc742ea51118.txt"


# --- the particle form of the grazing continuity equation (9) ---------------------------

def particle_velocities(points, weights, U, gamma, power=sp.sqrt, projection=None):
    """v̇_p = ½Σ_{q≠p} w_q|z_pq|^{1+γ/2}Π[z_pq](U_pq − U_qp) for μ = Σ w_p δ_{v_p} and
    M = Σ_{p,q} w_p w_q U_pq δ_{(v_p, v_q)}: the coefficient of ∇ζ(v_p) in (9) divided by w_p.

    ``points``: list of d-vectors (sympy Matrices or mpmath matrices), ``U[p][q]`` d-vectors.
    ``power`` and ``projection`` let the numeric cross-check run the same formula in mpmath."""
    n = len(points)
    out = []
    for p in range(n):
        acc = None
        for q in range(n):
            if q == p:
                continue
            z = points[p] - points[q]
            r2 = sum(z[i] ** 2 for i in range(len(z)))
            k = power(r2) ** (1 + gamma / 2)
            Pi = projection(z) if projection else sp.eye(len(z)) - z * z.T / r2
            term = weights[q] * k * (Pi * (U[p][q] - U[q][p])) / 2
            acc = term if acc is None else acc + term
        out.append(acc)
    return out


def two_particle_least_action(d: int = 2) -> sp.Expr:
    """Least 𝒜 = ½Σ w_p w_q|U_pq|² over U with v̇ = rotation of z at speed ω, for
    μ = ½δ_{z/2} + ½δ_{−z/2}, z = (r, 0, …): solved exactly as a least-norm problem."""
    a = sp.Matrix(sp.symbols(f"a1:{d + 1}", real=True))
    b = sp.Matrix(sp.symbols(f"b1:{d + 1}", real=True))
    z = sp.zeros(d, 1)
    z[0] = RADIUS
    points = [z / 2, -z / 2]
    half = sp.Rational(1, 2)
    U = [[sp.zeros(d, 1), a], [b, sp.zeros(d, 1)]]
    vel = particle_velocities(points, [half, half], U, GAMMA,
                              power=lambda r2: sp.sqrt(sp.factor(r2)))
    target = sp.zeros(d, 1)
    target[1] = SPEED * RADIUS / 2  # ż = ω J z, v̇₁ = ż/2, v̇₂ = −ż/2
    constraints = list(vel[0] - target) + list(vel[1] + target)
    unknowns = list(a) + list(b)
    J = sp.Matrix([[sp.diff(c, u) for u in unknowns] for c in constraints])
    rhs = -sp.Matrix([c.subs({u: 0 for u in unknowns}) for c in constraints])
    # least-norm solution x = Jᵀ(JJᵀ)⁺ rhs, on the row space (rank is 1 here)
    rows = [i for i in range(J.rows) if any(e != 0 for e in J.row(i))]
    Jr = J.extract(rows, list(range(J.cols)))
    rank = Jr.rank()
    basis = []
    for i in range(Jr.rows):
        candidate = basis + [i]
        if Jr.extract(candidate, list(range(Jr.cols))).rank() == len(candidate):
            basis = candidate
        if len(basis) == rank:
            break
    Jb = Jr.extract(basis, list(range(Jr.cols)))
    rb = rhs.extract([rows[i] for i in basis], [0])
    x = Jb.T * (Jb * Jb.T).inv() * rb
    consistent = all(sp.simplify(e) == 0 for e in (J * x - rhs))
    if not consistent:
        raise ArithmeticError("the rotation is not an admissible velocity of the two-particle system")
    sol = dict(zip(unknowns, x))
    action = half * (half * half) * (a.subs(sol).dot(a.subs(sol)) + b.subs(sol).dot(b.subs(sol)))
    return sp.simplify(action)


def check_distance_definition_3() -> Outcome:
    actions = {d: two_particle_least_action(d) for d in (2, 3)}
    c = RADIUS ** (-GAMMA) / 4
    formula_ok = all(sp.simplify(A - c * SPEED**2) == 0 for A in actions.values())
    # constant speed ω = Θ minimises ∫₀¹ cω² dt over θ(0) = 0, θ(1) = Θ (Cauchy–Schwarz; see
    # the reparametrisation entry); the infimum of ½∫∬|V|² is cΘ².
    printed = lambda theta: c * theta**2  # noqa: E731  (3) as printed: d_L = inf ½∫∬|V|²
    squared = lambda theta: sp.sqrt(c * theta**2)  # noqa: E731  d_L² = inf (16)
    gap_printed = sp.simplify(printed(THETA) - 2 * printed(THETA / 2))
    gap_squared = sp.simplify(squared(THETA) - 2 * squared(THETA / 2))
    example = {GAMMA: 0, RADIUS: 2, THETA: sp.pi / 4}
    counterexample = {
        "measures": "μ_θ = ½δ_{(cos θ, sin θ)} + ½δ_{−(cos θ, sin θ)} in R², γ = 0 (|z| = 2)",
        "d_L(μ_0, μ_{π/4}) as printed in (3)": str(sp.simplify(printed(THETA).subs(example))),
        "d_L(μ_0, μ_{π/8}) + d_L(μ_{π/8}, μ_{π/4}) as printed": str(sp.simplify((2 * printed(THETA / 2)).subs(example))),
        "triangle inequality": "violated: π²/64 > π²/128",
    }
    ok = formula_ok and sp.simplify(gap_printed - c * THETA**2 / 2) == 0 and gap_squared == 0
    return Outcome("refuted" if ok else "inconclusive", {
        "least_action_for_rotation_speed_omega": {f"d={d}": str(A) for d, A in actions.items()},
        "inf over curves rotating by Theta, |Theta| <= pi/2": str(c * THETA**2),
        "printed (3): d(0,Theta) - d(0,Theta/2) - d(Theta/2,Theta)": str(gap_printed),
        "with d_L^2 on the left (16): same excess": str(gap_squared),
        "counterexample": counterexample,
    }, corrected_statement=(
        r"d_L^2(f,g) := \min\{\tfrac12\int_0^1\iint|V|^2\,d\mu\,d\mu_*\,dt\} "
        "(as Definition 24, (16)); on the two-particle measures d_L = |z|^{-γ/2}|Θ|/2, which satisfies "
        "the triangle inequality with equality along the rotation") if ok else None)


def _mp_projection(z):
    r2 = sum(c**2 for c in z)
    return mpmath.eye(len(z)) - (z * z.T) / r2


def _two_particle_numeric(draw) -> mpmath.mpf:
    """Least-norm action from mpmath's least squares on the full two-particle constraint,
    at a drawn configuration (d, orientation, |z|, γ, ω), against |z|^{−γ}ω²/4."""
    d = draw(st.sampled_from([2, 3]))
    direction = mpmath.matrix(draw_nonzero_vector(draw, d, min_norm=0.3))
    r = mpmath.mpf(draw(real(0.2, 3.0)))
    gamma = mpmath.mpf(draw(real(-4.0, 0.0)))
    omega = mpmath.mpf(draw(real(-2.0, 2.0)))
    centre = mpmath.matrix(draw_nonzero_vector(draw, d, min_norm=0.0))
    e = direction / mpmath.norm(direction)
    z = r * e
    points = [centre + z / 2, centre - z / 2]
    # a unit vector orthogonal to e: the rotation plane
    trial = mpmath.matrix([1] + [0] * (d - 1)) if abs(e[0]) < 0.9 else mpmath.matrix([0, 1] + [0] * (d - 2))
    perp = trial - (trial.T * e)[0] * e
    perp = perp / mpmath.norm(perp)
    zdot = omega * r * perp
    half = mpmath.mpf(1) / 2
    # the linear map (U12, U21) ↦ (v̇₁, v̇₂), column by column
    cols = []
    for k in range(2 * d):
        x = [0] * (2 * d)
        x[k] = 1
        U = [[mpmath.matrix(d, 1), mpmath.matrix(x[:d])], [mpmath.matrix(x[d:]), mpmath.matrix(d, 1)]]
        vel = particle_velocities(points, [half, half], U, gamma, power=mpmath.sqrt, projection=_mp_projection)
        cols.append(list(vel[0]) + list(vel[1]))
    L = mpmath.matrix(2 * d, 2 * d)
    for k, col in enumerate(cols):
        for i, val in enumerate(col):
            L[i, k] = val
    rhs = mpmath.matrix(list(zdot / 2) + list(-zdot / 2))
    # least-norm solution x = Lᵀy with y = (LLᵀ)⁺ rhs: pseudo-inverse from the symmetric
    # eigen-decomposition, eigenvalues below 1e-20 (round-off of a zero at 30 digits) dropped
    eigenvalues, Q = mpmath.eigsy(L * L.T)
    y = mpmath.matrix(2 * d, 1)
    for k in range(2 * d):
        if abs(eigenvalues[k]) > mpmath.mpf("1e-20"):
            q = Q[:, k]
            y += q * ((q.T * rhs)[0] / eigenvalues[k])
    x = L.T * y
    action = half * half * half * sum(c**2 for c in x)
    infeasibility = mpmath.norm(L * x - rhs)  # the rotation must be an admissible velocity
    return max(relative_residual(action, r ** (-gamma) * omega**2 / 4), infeasibility)


register(Identity(
    id="seed000-distance-definition-3",
    title="(3): d_L as the least action ½∫∬|V|² — the left-hand side must be d_L² (two-particle measures)",
    statement=r"d_L(f, g) := \min_{\partial_t\mu + \frac12\tilde\nabla\cdot(V\mu\mu_*) = 0,\ \mu_0 = f,\ \mu_1 = g}"
              r"\Big\{\frac12\int_0^1\iint_{\mathbb{R}^{2d}}|V|^2\,d\mu(v)\,d\mu(v_*)\,dt\Big\}",
    reference=f"{SEED_REF} (3); Definition 24 (16)",
    kind="identity",
    method="exact: least-norm grazing rate on two-particle measures (sympy), least action cΘ², triangle inequality",
    check=check_distance_definition_3,
    cross_check=CrossCheck(_two_particle_numeric, 1e-18,
                           "mpmath least-norm solve of the two-particle constraint at drawn d, |z|, γ, ω, centre"),
))


# --- (16)–(17): reparametrisation ---------------------------------------------------------

T, t, BETA = sp.symbols("T t beta", positive=True)


def reparametrised_actions(profile_beta=BETA):
    """For θ(t) = Θ s(t/T), s(u) = u + βu(1 − u) (monotone for |β| < 1) on the two-particle
    curves (𝒜 = cθ̇²): (T∫₀ᵀ𝒜 dt, ∫₀ᵀ√𝒜 dt)."""
    c = RADIUS ** (-GAMMA) / 4
    u = t / T
    theta = THETA * (u + profile_beta * u * (1 - u))
    speed = sp.diff(theta, t)
    action = c * speed**2
    lhs16 = sp.simplify(T * sp.integrate(action, (t, 0, T)))
    # √𝒜 = √c θ̇ with θ̇ ≥ 0 for |β| < 1
    lhs17 = sp.simplify(sp.integrate(sp.sqrt(c) * speed, (t, 0, T)))
    return lhs16, lhs17, c


def check_reparametrisation() -> Outcome:
    lhs16, lhs17, c = reparametrised_actions()
    excess = sp.simplify(lhs16 - lhs17**2)
    t_free = not lhs16.has(T) and not lhs17.has(T)
    ok = t_free and sp.simplify(excess - c * THETA**2 * BETA**2 / 3) == 0
    return Outcome("verified" if ok else "refuted", {
        "T * int_0^T A dt (16)": str(lhs16),
        "int_0^T sqrt(A) dt (17)": str(lhs17),
        "(16) - (17)^2 (>= 0, = 0 iff constant speed beta = 0)": str(excess),
        "independent_of_T": t_free,
        "inf (16) = (inf (17))^2 on the two-particle curves": str(c * THETA**2),
    })


def _reparametrisation_numeric(draw) -> mpmath.mpf:
    beta = mpmath.mpf(draw(real(-0.9, 0.9)))
    Tn = mpmath.mpf(draw(real(0.1, 5.0)))
    Th = mpmath.mpf(draw(real(0.05, 1.5)))
    cn = mpmath.mpf(draw(real(0.1, 3.0)))

    def speed(tt):
        u = tt / Tn
        return Th * (1 + beta * (1 - 2 * u)) / Tn

    a16 = Tn * mpmath.quad(lambda tt: cn * speed(tt) ** 2, [0, Tn])
    a17 = mpmath.quad(lambda tt: mpmath.sqrt(cn) * abs(speed(tt)), [0, Tn])
    return max(relative_residual(a16, cn * Th**2 * (1 + beta**2 / 3)), relative_residual(a17, mpmath.sqrt(cn) * Th))


register(Identity(
    id="seed000-distance-reparametrisation",
    title="(16)–(17), Lemma 25: T∫𝒜 and (∫√𝒜)² agree at their infimum and do not depend on T",
    statement=r"d_L^2(\lambda,\nu) = \inf\Big\{T\int_0^T\mathcal{A}(\mu_t,M_t)\,dt\Big\},\quad "
              r"d_L(\lambda,\nu) = \inf\Big\{\int_0^T\sqrt{\mathcal{A}(\mu_t,M_t)}\,dt\Big\}",
    reference=f"{SEED_REF} Definition 24 (16), Lemma 25 (17)",
    kind="identity",
    method="exact: both functionals on the two-particle curves for a family of speed profiles (sympy integrals)",
    check=check_reparametrisation,
    cross_check=CrossCheck(_reparametrisation_numeric, 1e-20, "mpmath quadrature of both functionals at drawn β, T, Θ, c"),
))


# --- Remark 18, Lemma 19, (12): the action density ------------------------------------------

def alpha_function(u: sp.Matrix, s: sp.Expr) -> sp.Expr:
    """α(u, s) = |u|²/(2s) for s > 0 (the branch of (12) that Lemma 19 uses)."""
    return u.dot(u) / (2 * s)


def check_action_density() -> Outcome:
    d = 3
    u = sp.Matrix(sp.symbols("u1:4", real=True))
    s, lam, ff = sp.symbols("s lambda ff", positive=True)
    homogeneity = sp.simplify(alpha_function(lam * u, lam * s) - lam * alpha_function(u, s))
    variables = list(u) + [s]
    H = sp.hessian(alpha_function(u, s), variables)
    # H = (1/s)·[I, −u/s; −uᵀ/s, |u|²/s²] = (1/s) Bᵀ B with B = [I, −u/s]: PSD (joint convexity)
    B = sp.eye(d).row_join(-u / s)
    convex = sp.simplify(H - B.T * B / s).is_zero_matrix
    # Lemma 19: τ = μ⊗μ + |M| with density ρ = ff* + |m|; N = m/ρ, f¹ = ff*/ρ
    m = sp.Matrix(sp.symbols("m1:4", real=True))
    rho = sp.Symbol("rho", positive=True)
    density = sp.simplify(alpha_function(m / rho, ff / rho) * rho)
    U = m / ff
    lemma19 = sp.simplify(density - m.dot(m) / (2 * ff)) == 0 and sp.simplify(density - ff * U.dot(U) / 2) == 0
    ok = homogeneity == 0 and convex and lemma19
    return Outcome("verified" if ok else "refuted", {
        "alpha(lambda u, lambda s) - lambda alpha(u, s)": str(homogeneity),
        "Hessian = (1/s) B^T B, B = [I, -u/s] (jointly convex on s > 0)": convex,
        "alpha(N, f1) d tau / (dv dv*) with N = m/rho, f1 = ff*/rho": str(density),
        "equals |m|^2/(2ff*) = ff*|U|^2/2 (Lemma 19)": lemma19,
        "s = 0 branches": "α(0,0) = 0 and α(u≠0,0) = ∞ are the lsc extension: |u|²/(2s) → ∞ as s ↓ 0 for u ≠ 0",
    })


def _action_density_numeric(draw) -> mpmath.mpf:
    m = [mpmath.mpf(x) for x in draw_nonzero_vector(draw, 3, min_norm=0.01)]
    ff = mpmath.mpf(draw(real(0.01, 5.0)))
    rho = ff + mpmath.sqrt(sum(x * x for x in m))  # the density of τ = μ⊗μ + |M|
    lam = mpmath.mpf(draw(real(0.1, 10.0)))
    N = [x / rho for x in m]
    f1 = ff / rho
    alpha = lambda vec, s: sum(x * x for x in vec) / (2 * s)  # noqa: E731
    lemma19 = relative_residual(alpha(N, f1) * rho, sum(x * x for x in m) / (2 * ff))
    homog = relative_residual(alpha([lam * x for x in N], lam * f1), lam * alpha(N, f1))
    # midpoint convexity along a drawn segment
    m2 = [mpmath.mpf(x) for x in draw_nonzero_vector(draw, 3, min_norm=0.01)]
    s2 = mpmath.mpf(draw(real(0.01, 5.0)))
    mid = alpha([(a + b) / 2 for a, b in zip(m, m2)], (ff + s2) / 2)
    violation = max(mpmath.mpf(0), mid - (alpha(m, ff) + alpha(m2, s2)) / 2)
    return max(lemma19, homog, violation)


register(Identity(
    id="seed000-action-density",
    title="Remark 18 and Lemma 19: α is 1-homogeneous and convex; 𝒜 = ½∬ff*|U|² = ½∬|m|²/(ff*)",
    statement=r"\mathcal{A}(\mu,M) = \iint\alpha(N,f^1)\,d\tau = \frac12\iint ff_*|U|^2\,dv\,dv_* "
              r"= \frac12\iint\frac{|m|^2}{ff_*}\,dv\,dv_*,\quad \alpha(u,s) = \frac{|u|^2}{2s}",
    reference=f"{SEED_REF} (12), Remark 18, Lemma 19",
    kind="identity",
    method="exact: homogeneity, Hessian factorisation, density of (12) with τ = μ⊗μ + |M|",
    check=check_action_density,
    cross_check=CrossCheck(_action_density_numeric, 1e-25, "mpmath at drawn (m, ff, λ) and a drawn convexity segment"),
))


# --- Lemma 21 (13) and its proof line -------------------------------------------------------

ATOMS = 4


def cauchy_schwarz_gap():
    """For M = Σ_k p_k U_k δ_{(v,v*)_k} on the atoms of μ⊗μ (weights p_k > 0), with x_k = |U_k|:
    2𝒜·∬F²dμdμ − (∬F d|M|)² = (Σp x²)(Σp F²) − (Σp F x)² and Lagrange's identity for it."""
    p = sp.symbols(f"p1:{ATOMS + 1}", positive=True)
    x = sp.symbols(f"x1:{ATOMS + 1}", nonnegative=True)
    F = sp.symbols(f"F1:{ATOMS + 1}", nonnegative=True)
    action = sum(pk * xk**2 for pk, xk in zip(p, x)) / 2  # 𝒜 = ½Σ p|U|² (Lemma 19)
    lhs = sum(pk * Fk * xk for pk, Fk, xk in zip(p, F, x))
    mass = sum(pk * Fk**2 for pk, Fk in zip(p, F))
    gap = 2 * action * mass - lhs**2
    lagrange = sum(p[i] * p[j] * (F[i] * x[j] - F[j] * x[i]) ** 2
                   for i in range(ATOMS) for j in range(i + 1, ATOMS))
    return gap, lagrange, (p, x, F, action, lhs, mass)


def check_lemma21() -> Outcome:
    gap, lagrange, (p, x, F, action, lhs, mass) = cauchy_schwarz_gap()
    identity = sp.expand(gap - lagrange) == 0
    at_equality = sp.simplify((2 * action * mass - lhs**2).subs(dict(zip(x, F))))
    # a smaller constant c < √2 fails at x = F: c²𝒜Σ pF² − (Σ pF²)² = (c²/2 − 1)(Σ pF²)² < 0
    c = sp.Symbol("c", positive=True)
    smaller = sp.factor((c**2 * action * mass - lhs**2).subs(dict(zip(x, F))))
    ok = identity and at_equality == 0
    return Outcome("verified" if ok else "refuted", {
        "2A * int F^2 dmu dmu - (int F d|M|)^2 = Lagrange sum of squares": identity,
        "equality at |U| = F (constant sqrt(2) attained)": str(at_equality),
        "with constant c instead of sqrt(2), at |U| = F": str(smaller),
        "singular part": "if M is not ≪ μ⊗μ then 𝒜 = ∞ (α(u ≠ 0, 0) = ∞) and (13) is trivial",
        "atoms": ATOMS,
    })


def _lemma21_numeric(draw) -> mpmath.mpf:
    n = draw(st.integers(2, 6))
    p = [mpmath.mpf(draw(real(0.01, 1.0))) for _ in range(n)]
    x = [mpmath.mpf(draw(real(0.0, 5.0))) for _ in range(n)]
    F = [mpmath.mpf(draw(real(0.0, 5.0))) for _ in range(n)]
    action = sum(a * b * b for a, b in zip(p, x)) / 2
    lhs = sum(a * b * c for a, b, c in zip(p, F, x))
    rhs = mpmath.sqrt(2) * mpmath.sqrt(action) * mpmath.sqrt(sum(a * b * b for a, b in zip(p, F)))
    return max(mpmath.mpf(0), lhs - rhs) / max(mpmath.mpf(1), rhs)


register(Identity(
    id="seed000-lemma21-bound",
    title="Lemma 21 (13): ∬F d|M| ≤ √2 𝒜^{1/2}(∬F² dμdμ)^{1/2}, sharp",
    statement=r"\iint F\,d|M| \le \sqrt2\,\mathcal{A}(\mu,M)^{\frac12}\Big(\iint F^2\,d\mu\,d\mu\Big)^{\frac12}",
    reference=f"{SEED_REF} Lemma 21 (13)",
    kind="inequality",
    method="exact: Lagrange's identity for measures with finitely many atoms; equality case",
    check=check_lemma21,
    cross_check=CrossCheck(_lemma21_numeric, 0.0, "no violation at drawn atoms, weights, |U| and F"),
))


def check_lemma21_proof_line() -> Outcome:
    N, g, F = sp.symbols("N g F", positive=True)  # |dM/dτ|, dμ⊗μ/dτ > 0
    printed = F * (N * sp.sqrt(2 * g)) * sp.sqrt(2 * g)
    corrected = F * (N / sp.sqrt(2 * g)) * sp.sqrt(2 * g)
    printed_gap = sp.simplify(printed - F * N)
    corrected_gap = sp.simplify(corrected - F * N)
    # and the corrected factorisation gives the next line by Cauchy–Schwarz: (N/√(2g))² = α(N, g)
    alpha_match = sp.simplify((N / sp.sqrt(2 * g)) ** 2 - N**2 / (2 * g)) == 0
    point = {N: 1, g: 1, F: 1}
    ok = printed_gap != 0 and corrected_gap == 0 and alpha_match
    return Outcome("refuted" if ok else "inconclusive", {
        "printed factor minus F|dM/dtau|": str(printed_gap),
        "counterexample": {"|dM/dτ|": 1, "dμ⊗μ/dτ": 1, "F": 1,
                           "printed right side": str(printed.subs(point)), "left side": str((F * N).subs(point))},
        "corrected factor minus F|dM/dtau|": str(corrected_gap),
        "(|dM/dtau|/sqrt(2 dmu dmu/dtau))^2 = alpha(dM/dtau, dmu dmu/dtau)": alpha_match,
    }, corrected_statement=(
        r"\iint F\left|\frac{dM}{d\tau}\right|d\tau = \iint F\Big(\left|\frac{dM}{d\tau}\right|"
        r"\Big/\sqrt{2\frac{d\mu\otimes\mu}{d\tau}}\Big)\sqrt{2\frac{d\mu\otimes\mu}{d\tau}}\,d\tau") if ok else None)


def _lemma21_line_numeric(draw) -> mpmath.mpf:
    N = mpmath.mpf(draw(real(0.01, 5.0)))
    g = mpmath.mpf(draw(real(0.01, 5.0)))
    F = mpmath.mpf(draw(real(0.01, 5.0)))
    corrected = F * (N / mpmath.sqrt(2 * g)) * mpmath.sqrt(2 * g)
    printed = F * (N * mpmath.sqrt(2 * g)) * mpmath.sqrt(2 * g)
    # the corrected line is exact; the printed one is off by the factor 2g
    return max(relative_residual(corrected, F * N), relative_residual(printed, 2 * g * F * N))


register(Identity(
    id="seed000-lemma21-proof-line",
    title="Lemma 21, proof: the factorisation F|dM/dτ| = F(|dM/dτ|√(2dμ⊗μ/dτ))√(2dμ⊗μ/dτ) is misprinted",
    statement=r"\iint F\left|\frac{dM}{d\tau}\right|d\tau = \iint F\Big(\left|\frac{dM}{d\tau}\right|"
              r"\sqrt{2\frac{d\mu\otimes\mu}{d\tau}}\Big)\sqrt{2\frac{d\mu\otimes\mu}{d\tau}}\,d\tau",
    reference=f"{SEED_REF} Lemma 21, proof (first line)",
    kind="identity",
    method="exact: both factorisations as functions of the densities",
    check=check_lemma21_proof_line,
    cross_check=CrossCheck(_lemma21_line_numeric, 1e-25, "mpmath at drawn densities: corrected line exact, printed one off by 2g"),
))


# --- Remark 22 (14) ---------------------------------------------------------------------------

def check_remark22() -> Outcome:
    a, b = sp.symbols("a b", nonnegative=True)  # |v|, |v*|
    sos = (1 - a) ** 2 + (1 - b) ** 2 + (a - b) ** 2
    identity = sp.expand(3 * (1 + a**2 + b**2) - (1 + a + b) ** 2 - sos) == 0
    # ∬(1 + |v|² + |v*|²)dμdμ = 1 + 2∫|v|²dμ for a probability measure μ
    m2 = sp.Symbol("E2", nonnegative=True)
    pair_mean = 1 + m2 + m2
    constant = sp.sqrt(2) * sp.sqrt(3)
    ok = identity and sp.simplify(pair_mean - (1 + 2 * m2)) == 0
    return Outcome("verified" if ok else "refuted", {
        "3(1 + a^2 + b^2) - (1 + a + b)^2 = (1-a)^2 + (1-b)^2 + (a-b)^2": identity,
        "(14) follows from (13) with F = 1 + |v| + |v*| and the constant": str(constant),
        "misprint in the remark": "\"the energy is conserved (15)\" cites (15), the hypotheses of Proposition 23; "
                                  "the energy conservation meant is Lemma 15",
    })


def _remark22_numeric(draw) -> mpmath.mpf:
    """(14) with the constant √6 on a drawn discrete μ (atoms in R³) and grazing rate U."""
    n = draw(st.integers(2, 5))
    pts = [[mpmath.mpf(c) for c in draw_nonzero_vector(draw, 3, min_norm=0.0)] for _ in range(n)]
    w = [mpmath.mpf(draw(real(0.05, 1.0))) for _ in range(n)]
    total = sum(w)
    w = [x / total for x in w]
    norm = lambda v: mpmath.sqrt(sum(c * c for c in v))  # noqa: E731
    U = [[mpmath.mpf(draw(real(0.0, 4.0))) for _ in range(n)] for _ in range(n)]  # |U_pq|
    lhs = sum(w[p] * w[q] * (1 + norm(pts[p]) + norm(pts[q])) * U[p][q] for p in range(n) for q in range(n))
    action = sum(w[p] * w[q] * U[p][q] ** 2 for p in range(n) for q in range(n)) / 2
    second = sum(wp * norm(v) ** 2 for wp, v in zip(w, pts))
    rhs = mpmath.sqrt(6) * mpmath.sqrt(action) * mpmath.sqrt(1 + 2 * second)
    return max(mpmath.mpf(0), lhs - rhs) / max(mpmath.mpf(1), rhs)


register(Identity(
    id="seed000-remark22-moment-bound",
    title="Remark 22 (14): ∬(1 + |v| + |v*|)d|M| ≤ √6 𝒜^{1/2}(1 + 2∫|v|²dμ)^{1/2}",
    statement=r"\int_0^T\iint(1+|v|+|v_*|)\,d|M_t|\,dt \lesssim \int_0^T\mathcal{A}(\mu_t,M_t)^{\frac12}"
              r"\Big(1+2\int|v|^2d\mu_t\Big)^{\frac12}dt",
    reference=f"{SEED_REF} Remark 22 (14)",
    kind="inequality",
    method="exact: sum-of-squares for (1 + a + b)² ≤ 3(1 + a² + b²), then (13); constant √6",
    check=check_remark22,
    cross_check=CrossCheck(_remark22_numeric, 0.0, "no violation of (14) with √6 at drawn atoms, weights and |U|"),
))
