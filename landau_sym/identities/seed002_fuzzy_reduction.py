"""The fuzzy Landau collision operator of 002_5194c2b1fb63adc7.txt (1.1) as a homogeneous Landau
operator at every x, and the closed per-cell moment law for Maxwell molecules.

``fuzzy-collision-reduction``: the integrand of (1.1) integrated over x* alone,
    ∫ κ(x − x*) a(v − v*)(f(x*, v*)∇_v f(x, v) − f(x, v)∇_{v*}f(x*, v*)) dx*
        = a(v − v*)(g(x, v*)∇_v f(x, v) − f(x, v)∇_{v*}g(x, v*)),   g = κ ∗_x f,
so that Q_fuz(f)(x, ·) = ∇_v·(ā_g∇_v f − b̄_g f) with ā_g = a ∗_v g(x, ·) and
b̄_g = a ∗_v ∇_v g = (∇·a) ∗_v g, (∇·a)(z) = −(d − 1)α(|z|)z for a(z) = α(|z|)(|z|²I − z⊗z)
(one integration by parts in v*, ∂_{v*_j}a_ij(v − v*) = −(∇·a)_i(v − v*)). Checked exactly on
T¹ for f a trigonometric polynomial of degree 2 in x whose coefficients are arbitrary functions
of v (undefined sympy functions: the statement is checked for every such f, which is exactly
what a Fourier discretisation in x represents), κ(x) = (1 + c₁cos x + c₂cos 2x)/(2π) (even,
∫κ = 1, c₁, c₂ symbols), a generic profile α (any γ), d = 3; g is then Σ_m κ̂_m × (mode m of f)
with κ̂₀ = 1, κ̂_m = c_m/2: the x-convolution is diagonal in Fourier.

``fuzzy-maxwell-cell-moments``: for α ≡ C (γ = 0) the weak form
    d/dt ∫φ f(x, ·) = ∬ f(x, v)g(x, w)[a(v − w):D²φ(v) + 2(∇·a)(v − w)·∇φ(v)] dv dw
(two integrations by parts of the reduced operator, div ā_g = b̄_g) depends on f(x, ·) and g(x, ·)
only through their moments up to order 2, and gives the closed law
:func:`landau_sym.fuzzy.maxwell_cell_moment_rates` at every x for any κ; with κ = δ and the
normalisation (1, 0, d) it is P′ = −4dC(P − I) (004_b333c7817a08033b.txt Proposition 2); summed
over the cells of a symmetric κ the momentum and energy rates vanish.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..fuzzy import maxwell_cell_moment_rates
from ..geometry import GENERIC_ALPHA, Coordinates, landau_kernel
from ..moments import SymbolicMoments
from ..operators import matrix_divergence
from ..registry import CrossCheck, Identity, Outcome, register
from ..sampling import draw_vector, real
from .maxwell_molecules import C, weak_form_integrand

REFERENCE = "002_5194c2b1fb63adc7.txt"
X, XS = sp.symbols("x xs", real=True)
KAPPA_COEFFS = sp.symbols("c1 c2", real=True)
DEGREE = 2


def torus_kernel(x: sp.Expr) -> sp.Expr:
    """κ(x) = (1 + c₁cos x + c₂cos 2x)/(2π) on T¹ = [0, 2π): even, ∫κ = 1."""
    return (1 + sum(c * sp.cos((k + 1) * x) for k, c in enumerate(KAPPA_COEFFS))) / (2 * sp.pi)


def kernel_multiplier(m: int) -> sp.Expr:
    """κ̂_m: g's mode m is κ̂_m times f's (κ̂₀ = 1, κ̂_m = c_m/2)."""
    return sp.Integer(1) if m == 0 else KAPPA_COEFFS[m - 1] / 2


def _trig_density(x: sp.Expr, v: Coordinates, smoothed: bool = False) -> sp.Expr:
    """f(x, v) = Σ_{m ≤ 2} α_m(v)cos mx + β_m(v)sin mx (α, β undefined functions); with ``smoothed``
    the claimed g = κ ∗_x f, each mode times κ̂_m."""
    total = sp.Integer(0)
    for m in range(DEGREE + 1):
        weight = kernel_multiplier(m) if smoothed else 1
        total += weight * sp.Function(f"alpha{m}")(*v.symbols) * sp.cos(m * x)
        if m > 0:
            total += weight * sp.Function(f"beta{m}")(*v.symbols) * sp.sin(m * x)
    return total


def _is_zero(matrix: sp.Matrix) -> bool:
    """Every entry expands to exactly 0 (``is_zero_matrix`` may answer None)."""
    return all(sp.expand(e) == 0 for e in matrix)


def check_reduction() -> Outcome:
    d = 3
    v, vs = Coordinates.named("v", d), Coordinates.named("w", d)
    a = landau_kernel(v.vector - vs.vector, GENERIC_ALPHA)
    f_star = _trig_density(XS, vs)
    g_star = _trig_density(X, vs, smoothed=True)
    kappa = torus_kernel(X - XS)
    evidence, ok = {}, True
    # the x*-integrals that carry the reduction: ∫κ f* dx* = g(x, v*), ∫κ ∇_{v*}f* dx* = ∇_{v*}g(x, v*)
    smoothing = [sp.integrate(sp.expand(sp.expand_trig(kappa * h)), (XS, 0, 2 * sp.pi)) - target
                 for h, target in [(f_star, g_star)] + [(sp.diff(f_star, w), sp.diff(g_star, w)) for w in vs]]
    smoothing_ok = all(sp.simplify(r) == 0 for r in smoothing)
    ok &= smoothing_ok
    evidence["smoothing_residuals (f, grad f)"] = [str(sp.simplify(r)) for r in smoothing]
    # the whole integrand of (1.1), component i, integrated over x*: a(v − v*), f(x, v) and ∇_v f(x, v)
    # do not depend on x*, so they enter as symbols (a_ij, F, D_j) and the integral is exact
    a_sym = sp.Matrix(d, d, lambda r, q: sp.Symbol(f"a{r + 1}{q + 1}", real=True))
    F, D = sp.Symbol("F", real=True), [sp.Symbol(f"D{q + 1}", real=True) for q in range(d)]
    i = 0
    printed = sum(kappa * a_sym[i, j] * (f_star * D[j] - F * sp.diff(f_star, vs.symbols[j])) for j in range(d))
    reduced = sum(a_sym[i, j] * (g_star * D[j] - F * sp.diff(g_star, vs.symbols[j])) for j in range(d))
    integrated = sp.integrate(sp.expand(sp.expand_trig(printed)), (XS, 0, 2 * sp.pi))
    integrand_residual = sp.simplify(sp.expand(integrated - reduced))
    ok &= integrand_residual == 0
    evidence["integrand_residual (component 1, d = 3)"] = str(integrand_residual)
    # b̄_g = a ∗ ∇g = (∇·a) ∗ g: ∂_{v*_j} a_ij(v − v*) = −(∇·a)_i(v − v*), ∇·a(z) = −(d − 1)α(|z|)z
    z = Coordinates.named("z", d)
    div_a = matrix_divergence(landau_kernel(z.vector, GENERIC_ALPHA), z)
    alpha_z = GENERIC_ALPHA(sp.sqrt(sum(c**2 for c in z.symbols)))
    div_residual = (div_a + (d - 1) * alpha_z * z.vector).applyfunc(sp.simplify)
    shift = {zc: vc - wc for zc, vc, wc in zip(z.symbols, v.symbols, vs.symbols)}
    star_div = sp.Matrix([sum(sp.diff(a[r, j], vs.symbols[j]) for j in range(d)) for r in range(d)])
    star_residual = (star_div + div_a.subs(shift)).applyfunc(sp.simplify)
    ok &= _is_zero(div_residual) and _is_zero(star_residual)
    evidence["div a + (d-1) alpha z"] = str(div_residual)
    evidence["d_{v*_j} a_ij(v - v*) + (div a)_i(v - v*)"] = str(star_residual)
    evidence["multipliers"] = {m: str(kernel_multiplier(m)) for m in range(DEGREE + 1)}
    return Outcome("verified" if ok else "refuted", evidence)


def _reduction_numeric(draw) -> mpmath.mpf:
    """Component i of the integrand of (1.1) integrated over x* by mpmath quadrature, for f with
    Gaussian mode coefficients and a power-law kernel, against the reduced form."""
    d = 3
    c = [mpmath.mpf(draw(real(-0.9, 0.9))) for _ in KAPPA_COEFFS]
    gamma = mpmath.mpf(draw(real(-2.5, 1.0)))
    centres = [[mpmath.mpf(t) for t in draw_vector(draw, d, -1.0, 1.0)] for _ in range(2 * DEGREE + 1)]
    scales = [mpmath.mpf(draw(real(-1.0, 1.0))) for _ in range(2 * DEGREE + 1)]
    x = mpmath.mpf(draw(real(0.0, 6.28)))
    v = [mpmath.mpf(t) for t in draw_vector(draw, d, -2.0, 2.0)]
    w = [mpmath.mpf(t) for t in draw_vector(draw, d, -2.0, 2.0)]
    i = draw(st.integers(0, d - 1))

    def coeff(k, u):  # mode coefficient k (0..4) and its gradient at velocity u
        e = mpmath.exp(-sum((u[a] - centres[k][a]) ** 2 for a in range(d)) / 2) * scales[k]
        return e, [-(u[a] - centres[k][a]) * e for a in range(d)]

    def modes(t):  # (cos 0, cos t, sin t, cos 2t, sin 2t)
        return [1, mpmath.cos(t), mpmath.sin(t), mpmath.cos(2 * t), mpmath.sin(2 * t)]

    def density(t, u, weights=None):
        basis = modes(t)
        weights = weights or [1] * len(basis)
        vals = [coeff(k, u) for k in range(len(basis))]
        value = sum(wt * b * e for wt, b, (e, _) in zip(weights, basis, vals))
        grad = [sum(wt * b * g[a] for wt, b, (_, g) in zip(weights, basis, vals)) for a in range(d)]
        return value, grad

    z = [v[a] - w[a] for a in range(d)]
    r2 = sum(t * t for t in z)
    a_row = [r2 ** (gamma / 2) * ((r2 if i == j else 0) - z[i] * z[j]) for j in range(d)]
    f_here, grad_here = density(x, v)

    def integrand(t):
        kappa = (1 + c[0] * mpmath.cos(x - t) + c[1] * mpmath.cos(2 * (x - t))) / (2 * mpmath.pi)
        f_s, grad_s = density(t, w)
        return kappa * sum(a_row[j] * (f_s * grad_here[j] - f_here * grad_s[j]) for j in range(d))

    printed = mpmath.quad(integrand, [0, mpmath.pi, 2 * mpmath.pi])
    multipliers = [1, c[0] / 2, c[0] / 2, c[1] / 2, c[1] / 2]
    g, grad_g = density(x, w, multipliers)
    reduced = sum(a_row[j] * (g * grad_here[j] - f_here * grad_g[j]) for j in range(d))
    return abs(printed - reduced) / (1 + abs(reduced))


register(Identity(
    id="fuzzy-collision-reduction",
    title="fuzzy Landau: Q_fuz(f)(x,·) = ∇_v·(ā_g∇_v f − b̄_g f), g = κ ∗_x f (κ diagonal in Fourier)",
    statement=r"Q_{\mathsf{fuz}}(f,f) = \nabla_v\cdot\Big(\int_{\Omega\times\mathbb{R}^3}\kappa(x-x_*)a(v-v_*)"
              r"\big(f_*\nabla_v f - f\nabla_{v_*}f_*\big)\,dx_*\,dv_*\Big) = \nabla_v\cdot(\bar a_g\nabla_v f - \bar b_g f),"
              r"\ g = \kappa *_x f,\ \bar a_g = a *_v g,\ \bar b_g = a *_v \nabla_v g = (\nabla\cdot a) *_v g",
    reference=f"{REFERENCE}, (1.1)–(1.3)",
    kind="identity",
    method="exact: x*-integral of the integrand of (1.1) for trigonometric-polynomial f with undefined "
           "velocity coefficients, generic α, d = 3; ∂_{v*}·a(v − v*) = −(∇·a)(v − v*)",
    check=check_reduction,
    cross_check=CrossCheck(_reduction_numeric, 1e-20,
                           "mpmath quadrature in x* of the printed integrand, Gaussian modes, |z|^γ kernel",
                           examples=12),
    quick=False,  # ~10 s: sympy integrates the trigonometric polynomials in x*
))


def _cell_moments(d: int, tag: str) -> tuple[sp.Expr, sp.Matrix, sp.Matrix]:
    rho = sp.Symbol(f"rho_{tag}", positive=True)
    j = sp.Matrix([sp.Symbol(f"j{i + 1}_{tag}", real=True) for i in range(d)])
    P = sp.Matrix(d, d, lambda a, b: sp.Symbol(f"P{min(a, b) + 1}{max(a, b) + 1}_{tag}", real=True))
    return rho, j, P


def _expectation(poly: sp.Expr, vs, ws, f_moments, g_moments) -> sp.Expr:
    """∬ p(v, w) f(v)g(w) dv dw through the moments (ρ, j, P) of f and of g (p of degree ≤ 2 in each)."""
    n = len(vs)

    def moment(exps, moments):
        rho, j, P = moments
        order = sum(exps)
        if order == 0:
            return rho
        if order == 1:
            return j[list(exps).index(1)]
        if order == 2:
            idx = [i for i, k in enumerate(exps) for _ in range(k)]
            return P[idx[0], idx[1]]
        raise ValueError("the Maxwell weak form of φ of degree ≤ 2 has moments of order ≤ 2 only")

    terms = sp.Poly(sp.expand(poly), *vs, *ws).terms()
    return sp.expand(sum(c * moment(e[:n], f_moments) * moment(e[n:], g_moments) for e, c in terms))


def derived_rates(d: int, f_moments, g_moments):
    """(dρ, dj, dP) from the weak form with the Maxwell kernel (C included)."""
    v, w = Coordinates.named("v", d), Coordinates.named("w", d)

    def rate(phi):
        return _expectation(weak_form_integrand(phi, v, w), v.symbols, w.symbols, f_moments, g_moments)

    drho = rate(sp.Integer(1))
    dj = sp.Matrix([rate(x) for x in v.symbols])
    dP = sp.Matrix(d, d, lambda a, b: rate(v.symbols[a] * v.symbols[b]))
    return drho, dj, dP


def check_cell_moments() -> Outcome:
    evidence, ok = {}, True
    for d in (2, 3):
        f_m, g_m = _cell_moments(d, "f"), _cell_moments(d, "g")
        derived = derived_rates(d, f_m, g_m)
        closed = maxwell_cell_moment_rates(d, C, *f_m, *g_m)
        residuals = [sp.expand(derived[0] - closed[0])] + [(a - b).applyfunc(sp.expand) for a, b in
                                                            zip(derived[1:], closed[1:])]
        closed_ok = residuals[0] == 0 and _is_zero(residuals[1]) and _is_zero(residuals[2])
        # κ = δ (g = f), normalisation (1, 0, d): the law of seed 004 Proposition 2
        normal = SymbolicMoments(d, normalised=True)
        norm_f = (sp.Integer(1), sp.zeros(d, 1), normal.second)
        delta_rate = maxwell_cell_moment_rates(d, C, *norm_f, *norm_f)[2]
        delta_residual = (delta_rate + 4 * d * C * (normal.second - sp.eye(d))).applyfunc(sp.expand)
        # two cells, symmetric κ (weights k0 on the own cell, k1 on the other): momentum and energy conserved
        k0, k1 = sp.symbols("k0 k1", positive=True)
        A_m, B_m = _cell_moments(d, "A"), _cell_moments(d, "B")
        g_A = tuple(k0 * p + k1 * q for p, q in zip(A_m, B_m))
        g_B = tuple(k1 * p + k0 * q for p, q in zip(A_m, B_m))
        rate_A = maxwell_cell_moment_rates(d, C, *A_m, *g_A)
        rate_B = maxwell_cell_moment_rates(d, C, *B_m, *g_B)
        momentum = (rate_A[1] + rate_B[1]).applyfunc(sp.expand)
        energy = sp.expand(rate_A[2].trace() + rate_B[2].trace())
        ok &= closed_ok and _is_zero(delta_residual) and _is_zero(momentum) and energy == 0
        evidence[f"d={d}"] = {"derived_minus_closed_form": [str(r) for r in residuals],
                              "delta_kernel_minus_-4dC(P-I)": str(delta_residual),
                              "two_cells_total_momentum_rate": str(momentum), "two_cells_total_energy_rate": str(energy),
                              "closed_form_dP": str(closed[2])}
    return Outcome("verified" if ok else "refuted", evidence)


def _cell_moments_numeric(draw) -> mpmath.mpf:
    """The weak form summed over the atoms of two drawn discrete measures f and g (C = 1), against
    the closed form at their moments."""
    d = draw(st.sampled_from([2, 3]))

    def measure():
        count = draw(st.integers(2, 5))
        return ([mpmath.mpf(draw(real(0.1, 1.0))) for _ in range(count)],
                [[mpmath.mpf(t) for t in draw_vector(draw, d)] for _ in range(count)])

    def moments(weights, atoms):
        rho = sum(weights)
        j = sp.Matrix([sum(wt * a[i] for wt, a in zip(weights, atoms)) for i in range(d)])
        P = sp.Matrix(d, d, lambda i, k: sum(wt * a[i] * a[k] for wt, a in zip(weights, atoms)))
        return rho, j, P

    (fw, fa), (gw, ga) = measure(), measure()
    closed_j, closed_P = maxwell_cell_moment_rates(d, 1, *moments(fw, fa), *moments(gw, ga))[1:]
    worst = mpmath.mpf(0)
    for i in range(d):
        rate_j = sum(wp * wq * (-2 * (d - 1)) * (ap[i] - aq[i]) for wp, ap in zip(fw, fa) for wq, aq in zip(gw, ga))
        worst = max(worst, abs(rate_j - closed_j[i]) / (1 + abs(closed_j[i])))
        for k in range(d):
            rate = mpmath.mpf(0)
            for wp, ap in zip(fw, fa):
                for wq, aq in zip(gw, ga):
                    z = [ap[t] - aq[t] for t in range(d)]
                    r2 = sum(t * t for t in z)
                    a_ik = (r2 if i == k else 0) - z[i] * z[k]
                    rate += wp * wq * (2 * a_ik - 2 * (d - 1) * (z[i] * ap[k] + z[k] * ap[i]))
            worst = max(worst, abs(rate - closed_P[i, k]) / (1 + abs(closed_P[i, k])))
    return worst


register(Identity(
    id="fuzzy-maxwell-cell-moments",
    title="fuzzy Landau, γ = 0: closed per-cell law for (ρ, j, P) under ∂ₜf = Q_fuz(f), any κ",
    statement=r"\tfrac{d}{dt}j = -2C(d-1)(\rho_g j - \rho m_g),\ "
              r"\tfrac{d}{dt}P = 2C[\rho_g(\mathrm{tr}P\,I - P) + \rho(\mathrm{tr}P_g\,I - P_g) - 2(j\cdot m_g)I + j\otimes m_g"
              r" + m_g\otimes j] - 2C(d-1)[2\rho_g P - j\otimes m_g - m_g\otimes j],\ g = \kappa *_x f",
    reference=f"{REFERENCE}, (1.1) with (1.3), γ = 0 (derived); §1.3 conservation laws",
    kind="rate",
    method="exact: weak form with symbolic moments of f(x,·) and g(x,·), d = 2 and 3; κ = δ gives seed 004 "
           "Prop. 2; two symmetric cells conserve momentum and energy",
    check=check_cell_moments,
    cross_check=CrossCheck(_cell_moments_numeric, 1e-25,
                           "weak-form double sum over the atoms of two drawn discrete measures, mpmath"),
    quick=False,  # ~3–4 s (symbolic weak form in d = 2 and 3)
))
