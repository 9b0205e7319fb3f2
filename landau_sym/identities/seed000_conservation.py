"""Weak forms, entropy dissipation and conservation in 000_2c86dc742ea51118.txt, checked as printed.

- (1), (4), (5), (7): for γ = 0, d = 2 and the anisotropic Gaussians f = N(0, diag(a, b)), the
  flux of (1), f∫|v − v*|^{2+γ}Π(∇log f − ∇*log f*)f* dv* (= −U(f)f of (4), and the flux of (7)
  with F = H, whose first variation log f + 1 has the same gradient), equals the Fokker–Planck
  flux ā∇f − b̄f of DESIGN.md §2, and d/dt∫f log f = −D(f) with D = ½∬|∇̃log f|²ff* as in (5):
  every integral is a Gaussian moment, computed exactly.
- Lemma 15, (11): testing (9) with ζ = |v|²φ(v/R) gives ½∇̃ζ = wΠ(vφ_R(v) + ½|v|²∇φ(v/R)/R − (·)*);
  (11) prints |v|²∇φ(v/R)/R without the ½. Refuted with the curve started from
  μ₀ = ½δ_{v₁} + ½δ_{v₂} by the grazing rate M = E μ⊗μ, E the printed excess, for which the
  two sides of (11) have different time derivatives at t = 0.
- Lemma 15, the γ split for energy: the proof bounds w|vφ_R(v) − v*φ_R(v*)| ≤ C(1 + |v| + |v*|)
  uniformly in R, using |z|^{2+γ/2} ≤ 1 for |z| ≤ 1 (γ ≥ −4) and |z|^{1+γ/2} ≤ 1 for |z| ≥ 1
  (γ ≤ −2). For γ > −2 the ratio is unbounded (v = −v* = s e₁, R = 2s, s → ∞): Remark 16.
"""
from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from ..geometry import Coordinates, landau_kernel, power_law
from ..hermite import gaussian_expectation
from ..operators import gradient
from ..registry import CrossCheck, Identity, Outcome, register, relative_residual
from ..sampling import draw_vector, real

SEED_REF = "000_2c86dc742ea51118.txt"
A_VAR, B_VAR = sp.symbols("a b", positive=True)


# --- (1), (4), (5), (7) on anisotropic Gaussians, γ = 0 --------------------------------------

@lru_cache(maxsize=None)
def gaussian_dissipation_balance(a=A_VAR, b=B_VAR, constant=sp.Rational(1, 2)):
    """(flux residual, dH/dt, D) for f = N(0, diag(a, b)), γ = 0, d = 2; D with the prefactor
    ``constant`` (the printed ½)."""
    v, x, y = Coordinates.named("v", 2), Coordinates.named("x", 2), Coordinates.named("y", 2)
    S = sp.diag(sp.sqrt(a), sp.sqrt(b))
    Sinv2 = sp.diag(1 / a, 1 / b)
    kernel = lambda z: landau_kernel(z, power_law(0))  # noqa: E731  |z|²Π(z) = |z|^{2+γ}Π, γ = 0
    score = lambda u: -Sinv2 * u  # noqa: E731  ∇log f
    w = S * x.vector  # w ~ f when x is standard normal

    def expect(expr, over):
        return sp.Matrix(expr.shape[0], expr.shape[1],
                         lambda i, j: gaussian_expectation(sp.expand(expr[i, j]), over.symbols)) \
            if isinstance(expr, sp.MatrixBase) else gaussian_expectation(sp.expand(expr), over.symbols)

    a_bar = expect(kernel(v.vector - w), x)
    flux_over_f = expect(kernel(v.vector - w) * (score(v.vector) - score(w)), x)  # (1) and −U(f) of (4)
    b_bar = expect(-(2 - 1) * (v.vector - w), x)  # (∇·A)∗f, ∇·A(z) = −(d − 1)z (DESIGN.md §2)
    fp_over_f = a_bar * score(v.vector) - b_bar  # (ā∇f − b̄f)/f
    flux_residual = (flux_over_f - fp_over_f).applyfunc(sp.simplify)
    # dH/dt = ∫∂ₜf(log f + 1) = −∫ flux·∇log f = −E_f[(flux/f)·∇log f]
    v_as_f = S * y.vector
    dH = -expect((flux_over_f.T * score(v.vector))[0, 0].subs(dict(zip(v.symbols, v_as_f)), simultaneous=True), y)
    # D = ½∬ff*|z|^{2+γ}|Π(z)(∇log f − ∇*log f*)|², z = v − w, ∇log f − ∇*log f* = −Σ⁻¹z
    z = S * y.vector - S * x.vector
    xi = -Sinv2 * z
    integrand = (z.dot(z) * xi.dot(xi) - z.dot(xi) ** 2)  # |z|²|Π(z)ξ|²
    D = constant * gaussian_expectation(gaussian_expectation(sp.expand(integrand), x.symbols), y.symbols)
    return flux_residual, sp.factor(sp.simplify(dH)), sp.factor(sp.simplify(D))


def check_gaussian_dissipation() -> Outcome:
    flux_residual, dH, D = gaussian_dissipation_balance()
    balance = sp.simplify(dH + D)
    ok = flux_residual.is_zero_matrix and balance == 0
    return Outcome("verified" if ok else "refuted", {
        "flux of (1) minus Fokker-Planck flux, divided by f": str(flux_residual.T),
        "dH/dt for N(0, diag(a, b))": str(dH),
        "D of (5)": str(D),
        "dH/dt + D": str(balance),
    })


_D_CLOSED_FORM = {}


def _closed_form_minus_dH():
    if "f" not in _D_CLOSED_FORM:
        _, dH, _ = gaussian_dissipation_balance()
        _D_CLOSED_FORM["f"] = sp.lambdify((A_VAR, B_VAR), -dH, modules="mpmath")
    return _D_CLOSED_FORM["f"]


def _gaussian_dissipation_numeric(draw) -> mpmath.mpf:
    """−dH/dt (exact, symbolic) against D of (5) by mpmath quadrature of
    ½∫N(0, 2Σ)(z)(|z|²|Σ⁻¹z|² − (z·Σ⁻¹z)²)dz (the integrand depends on v − v* only) in polar
    coordinates z = r(cos t, sin t): the radial integral ∫₀^∞ r⁵e^{−qr²}dr = 1/q³ is done in closed
    form, the angular one by quadrature."""
    a = mpmath.mpf(draw(real(0.3, 3.0)))
    b = mpmath.mpf(draw(real(0.3, 3.0)))

    def angular(t):
        c, s = mpmath.cos(t), mpmath.sin(t)
        q = c**2 / (4 * a) + s**2 / (4 * b)
        shape = (c**2 / a**2 + s**2 / b**2) - (c**2 / a + s**2 / b) ** 2  # (|ẑ|²|Σ⁻¹ẑ|² − (ẑ·Σ⁻¹ẑ)²)
        return shape / q**3

    D = mpmath.quad(angular, mpmath.linspace(0, 2 * mpmath.pi, 5)) / (4 * mpmath.pi * mpmath.sqrt(a * b)) / 2
    return relative_residual(_closed_form_minus_dH()(a, b), D)


register(Identity(
    id="seed000-entropy-dissipation-gaussians",
    title="(1), (4), (5), (7): the Landau flux and dH/dt = −½∬|∇̃log f|²ff* on anisotropic Gaussians (γ = 0)",
    statement=r"\frac{d}{dt}\int f\log f\,dv = -D(f_t) = -\frac12\iint|\tilde\nabla\log f|^2ff_*\,dv_*\,dv",
    reference=f"{SEED_REF} (1), (4), (5), (7)",
    kind="identity",
    method="exact: Gaussian moments of the flux of (1), the Fokker–Planck flux, dH/dt and D for N(0, diag(a, b))",
    check=check_gaussian_dissipation,
    cross_check=CrossCheck(_gaussian_dissipation_numeric, 1e-20,
                           "D by mpmath quadrature (angular; radial moment in closed form) against the exact −dH/dt",
                           examples=10),
))


# --- Lemma 15 (11) --------------------------------------------------------------------------

R_SYM = sp.Symbol("R", positive=True)


def energy_test_integrands(phi=None, d: int = 2):
    """(½∇̃ζ/(wΠ-part), printed integrand of (11)) as vectors before w Π is applied, for
    ζ = |v|²φ(v/R): both are G(v) − G(v*) for the G below."""
    v, vs = Coordinates.named("v", d), Coordinates.named("u", d)
    phi = phi or sp.Function("phi")
    scaled = lambda c: [x / R_SYM for x in c.symbols]  # noqa: E731
    zeta = v.vector.dot(v.vector) * phi(*scaled(v))
    half_grad = gradient(zeta, v) / 2

    def printed_G(c):
        r2 = c.vector.dot(c.vector)
        grad_phi = sp.Matrix([sp.diff(phi(*scaled(c)), x) * R_SYM for x in c.symbols])  # (∇φ)(c/R)
        return c.vector * phi(*scaled(c)) + r2 * grad_phi / R_SYM

    swap = dict(zip(v.symbols, vs.symbols))
    true = half_grad - half_grad.subs(swap, simultaneous=True)
    printed = printed_G(v) - printed_G(vs)
    return true, printed, v, vs


def _bump(x):
    """φ ∈ C_c^∞(B₂), φ = 1 on B₁, 0 ≤ φ ≤ 1: h(2 − |x|)/(h(2 − |x|) + h(|x| − 1)), h(s) = e^{−1/s}₊."""
    r = mpmath.sqrt(sum(c * c for c in x))
    h = lambda s: mpmath.exp(-1 / s) if s > 0 else mpmath.mpf(0)  # noqa: E731
    return h(2 - r) / (h(2 - r) + h(r - 1))


def _bump_gradient(x):
    r = mpmath.sqrt(sum(c * c for c in x))
    if r == 0:
        return [mpmath.mpf(0)] * len(x)
    radial = mpmath.diff(lambda s: _bump([s] + [0] * (len(x) - 1)), r)
    return [radial * c / r for c in x]


def _excess(v, vs, gamma, R):
    """E(v, v*) = printed integrand − ½∇̃ζ = ½wΠ(|v|²∇φ(v/R)/R − |v*|²∇φ(v*/R)/R)."""
    z = [a - b for a, b in zip(v, vs)]
    r2 = sum(c * c for c in z)
    w = mpmath.sqrt(r2) ** (1 + gamma / 2)
    gv = [c / R for c in _bump_gradient([c / R for c in v])]
    gs = [c / R for c in _bump_gradient([c / R for c in vs])]
    diff = [sum(c * c for c in v) * p - sum(c * c for c in vs) * q for p, q in zip(gv, gs)]
    proj = [diff[i] - z[i] * sum(zz * dd for zz, dd in zip(z, diff)) / r2 for i in range(len(z))]
    return [w * c / 2 for c in proj]


def check_energy_test_11() -> Outcome:
    true, printed, v, vs = energy_test_integrands()
    residual = (printed - true).applyfunc(sp.simplify)
    phi = sp.Function("phi")
    scaled_v = [x / R_SYM for x in v.symbols]
    scaled_s = [x / R_SYM for x in vs.symbols]
    expected = (v.vector.dot(v.vector) * sp.Matrix([sp.diff(phi(*scaled_v), x) for x in v.symbols])
                - vs.vector.dot(vs.vector) * sp.Matrix([sp.diff(phi(*scaled_s), x) for x in vs.symbols])) / 2
    residual_is_half_term = (residual - expected).applyfunc(sp.simplify).is_zero_matrix
    corrected = printed - expected
    corrected_ok = (corrected - true).applyfunc(sp.simplify).is_zero_matrix
    # the concrete counterexample: γ = −3, R = 1, μ₀ = ½δ_{v₁} + ½δ_{v₂}, M_t = E μ_t⊗μ_t
    gamma, R = mpmath.mpf(-3), mpmath.mpf(1)
    v1, v2 = [mpmath.mpf("1.5"), mpmath.mpf(0)], [mpmath.mpf(0), mpmath.mpf("0.3")]
    E12 = _excess(v1, v2, gamma, R)
    E21 = _excess(v2, v1, gamma, R)
    # d/dt(LHS − RHS of (11)) at t = 0 = −∬E·U dμdμ with U = E
    gap = -(sum(c * c for c in E12) + sum(c * c for c in E21)) / 4
    ok = residual_is_half_term and corrected_ok and abs(gap) > 1e-6
    return Outcome("refuted" if ok else "inconclusive", {
        "printed integrand minus (1/2) tilde-grad zeta, before w Pi": str(residual.T),
        "equals (1/2)(|v|^2 grad phi(v/R) - |v*|^2 grad phi(v*/R))/R": residual_is_half_term,
        "counterexample": {
            "phi": "h(2−|x|)/(h(2−|x|)+h(|x|−1)), h(s) = e^{−1/s} for s > 0",
            "gamma": -3, "R": 1, "mu_0": "½δ_(1.5,0) + ½δ_(0,0.3)", "M_t": "E μ_t⊗μ_t, E the printed excess",
            "d/dt (LHS - RHS of (11)) at t = 0": float(gap),
        },
    }, corrected_statement=(
        r"\int|v|^2\varphi_R\,d\mu_t - \int|v|^2\varphi_R\,d\mu_0 = \int_0^t\iint w\Pi\Big(v\varphi_R(v) + "
        r"\tfrac12|v|^2\frac{\nabla\varphi(v/R)}{R} - v_*\varphi_R(v_*) - \tfrac12|v_*|^2\frac{\nabla\varphi(v_*/R)}{R}\Big)"
        r"\cdot dM_s\,ds") if ok else None)


def _energy_test_numeric(draw) -> mpmath.mpf:
    """At a drawn pair (v, v*) in the annulus region, the printed integrand minus ½∇̃ζ (ζ = |v|²φ_R,
    ∇ζ by mpmath differentiation of ζ itself) equals the excess E (computed from ∇φ)."""
    R = mpmath.mpf(draw(real(0.5, 2.0)))
    v = [mpmath.mpf(c) for c in draw_vector(draw, 2, -2.5, 2.5)]
    vs = [mpmath.mpf(c) for c in draw_vector(draw, 2, -2.5, 2.5)]
    gamma = mpmath.mpf(draw(real(-4.0, -2.0)))
    z = [a - b for a, b in zip(v, vs)]
    r2 = sum(c * c for c in z)
    if r2 < mpmath.mpf("0.01"):
        return mpmath.mpf(0)
    w = mpmath.sqrt(r2) ** (1 + gamma / 2)

    def zeta(p):
        return sum(c * c for c in p) * _bump([c / R for c in p])

    def grad(p):
        return [mpmath.diff(lambda s: zeta([s if k == i else p[k] for k in range(2)]), p[i]) for i in range(2)]

    def proj(x):
        return [x[i] - z[i] * sum(a * b for a, b in zip(z, x)) / r2 for i in range(2)]

    half_tilde = [w * c / 2 for c in proj([a - b for a, b in zip(grad(v), grad(vs))])]
    gphi_v = [c / R for c in _bump_gradient([c / R for c in v])]
    gphi_s = [c / R for c in _bump_gradient([c / R for c in vs])]
    G = lambda p, g: [p[i] * _bump([c / R for c in p]) + sum(c * c for c in p) * g[i] for i in range(2)]  # noqa: E731
    printed = [w * c for c in proj([a - b for a, b in zip(G(v, gphi_v), G(vs, gphi_s))])]
    excess = _excess(v, vs, gamma, R)
    return max(abs(p - h - e) for p, h, e in zip(printed, half_tilde, excess)) / max(mpmath.mpf(1), *[abs(c) for c in printed])


register(Identity(
    id="seed000-energy-test-11",
    title="Lemma 15 (11): the grazing equation tested with |v|²φ_R — the |v|²∇φ(v/R)/R terms need a factor ½",
    statement=r"\int|v|^2\varphi_R\,d\mu_t - \int|v|^2\varphi_R\,d\mu_0 = \int_0^t\iint w\Pi\Big(v\varphi_R(v) + "
              r"|v|^2\frac{\nabla\varphi(v/R)}{R} - v_*\varphi_R(v_*) - |v_*|^2\frac{\nabla\varphi(v_*/R)}{R}\Big)dM_s\,ds",
    reference=f"{SEED_REF} Lemma 15 (11)",
    kind="identity",
    method="exact: ½∇̃(|v|²φ(v/R)) for a generic φ against the printed integrand; explicit curve as counterexample",
    check=check_energy_test_11,
    cross_check=CrossCheck(_energy_test_numeric, 1e-12,
                           "mpmath: numerical ∇ of ζ = |v|²φ_R for the smooth bump; tolerance 1e-12 for "
                           "mpmath.diff at 30 digits on a C^∞ function", examples=10),
))


# --- Lemma 15, the γ split -----------------------------------------------------------------

def check_gamma_split() -> Outcome:
    g = sp.Symbol("gamma", real=True)
    near = sp.solve_univariate_inequality(2 + g / 2 >= 0, g, relational=False)  # |z|^{2+γ/2} ≤ 1 on |z| ≤ 1
    far = sp.solve_univariate_inequality(1 + g / 2 <= 0, g, relational=False)  # |z|^{1+γ/2} ≤ 1 on |z| ≥ 1
    window = near.intersect(far)
    s = sp.Symbol("s", positive=True)
    ratio = (2 * s) ** (1 + g / 2) * 2 * s / (1 + 2 * s)  # v = −v* = s e₁, R = 2s: φ_R = 1 at both
    unbounded_above_minus2 = sp.limit(ratio.subs(g, sp.Rational(-1)), s, sp.oo) == sp.oo
    bounded_at_minus2 = sp.limit(ratio.subs(g, -2), s, sp.oo) == 1
    ok = window == sp.Interval(-4, -2) and unbounded_above_minus2 and bounded_at_minus2
    return Outcome("verified" if ok else "refuted", {
        "gamma with |z|^(2+gamma/2) <= 1 for |z| <= 1": str(near),
        "gamma with |z|^(1+gamma/2) <= 1 for |z| >= 1": str(far),
        "both (the window of the energy bound)": str(window),
        "ratio w|v phi_R(v) - v* phi_R(v*)|/(1+|v|+|v*|) at v = -v* = s e1, R = 2s": str(ratio),
        "s -> oo at gamma = -1 (unbounded: Remark 16)": unbounded_above_minus2,
        "s -> oo at gamma = -2": "1",
    })


def _lipschitz_bound() -> mpmath.mpf:
    """sup_x ‖D(xφ(x))‖ = sup_r max(φ, |φ + rφ′|) for the radial bump, on a grid of 400 radii in
    [1, 2] (φ = 1, D = I inside B₁; 0 outside B₂), plus 2 % for the grid spacing (the derivative
    of the sampled function is below 5 there, so the maximum moves by < 5·(1/400)·r ≤ 0.03)."""
    best = mpmath.mpf(1)
    for k in range(401):
        r = 1 + mpmath.mpf(k) / 400
        phi = _bump([r, 0])
        dphi = mpmath.diff(lambda s: _bump([s, 0]), r) if 1 < r < 2 else mpmath.mpf(0)
        best = max(best, abs(phi + r * dphi))
    return best * mpmath.mpf("1.02") + mpmath.mpf("0.03")


_LIPSCHITZ = {}


def _gamma_split_numeric(draw) -> mpmath.mpf:
    """For γ ∈ [−4, −2]: w|vφ_R(v) − v*φ_R(v*)| ≤ max(L, 1)(1 + |v| + |v*|), L the Lipschitz
    constant of x ↦ xφ(x) (also that of v ↦ vφ(v/R), for every R). Returns the violation."""
    if "L" not in _LIPSCHITZ:
        with mpmath.workdps(15):
            _LIPSCHITZ["L"] = _lipschitz_bound()
    L = _LIPSCHITZ["L"]
    gamma = mpmath.mpf(draw(real(-4.0, -2.0)))
    R = mpmath.mpf(draw(real(0.3, 3.0)))
    v = [mpmath.mpf(c) for c in draw_vector(draw, 3, -7.0, 7.0)]
    vs = [mpmath.mpf(c) for c in draw_vector(draw, 3, -7.0, 7.0)]
    z = [a - b for a, b in zip(v, vs)]
    r = mpmath.sqrt(sum(c * c for c in z))
    if r == 0:
        return mpmath.mpf(0)
    delta = [a * _bump([c / R for c in v]) - b * _bump([c / R for c in vs]) for a, b in zip(v, vs)]
    lhs = r ** (1 + gamma / 2) * mpmath.sqrt(sum(c * c for c in delta))
    norm = lambda x: mpmath.sqrt(sum(c * c for c in x))  # noqa: E731
    rhs = max(L, 1) * (1 + norm(v) + norm(vs))
    return max(mpmath.mpf(0), lhs - rhs)


register(Identity(
    id="seed000-energy-gamma-split",
    title="Lemma 15: the energy bound w|vφ_R(v) − v*φ_R(v*)| ≲ 1 + |v| + |v*| holds uniformly in R iff γ ∈ [−4, −2]",
    statement=r"w|v\varphi_R(v) - v_*\varphi_R(v_*)| \lesssim \begin{cases}1 & |v-v_*|\le1\\ |v|+|v_*| & |v-v_*|\ge1\end{cases}"
              r"\quad(\gamma\in[-4,-2])",
    reference=f"{SEED_REF} Lemma 15 (proof), Remark 16",
    kind="inequality",
    method="exact: exponent conditions and the limit along v = −v* = s e₁ for γ > −2; numeric bound with the bump's Lipschitz constant",
    check=check_gamma_split,
    cross_check=CrossCheck(_gamma_split_numeric, 0.0,
                           "no violation at drawn (v, v*, R, γ ∈ [−4, −2]) with the explicit constant max(L, 1)",
                           examples=15),
))
