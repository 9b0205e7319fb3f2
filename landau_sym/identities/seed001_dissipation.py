"""Dissipations, actions and their affine representations in seed 001_213bc0b3a2bddff3.txt, checked as
printed: (1.2) against the weak forms, Remark 4.7, the affine representations of Remark 2.9,
Lemma 6.6 (6.12) and Lemma 7.2 (7.1)–(7.2), the exponent of Proposition 6.4 (6.5), the Young line of
Corollary 2.10, and Appendix B's cancellation lemma (Lemma B.1) and collision geometry (B.2)–(B.4).
"""
from __future__ import annotations

import mpmath
import sympy as sp

from ..geometry import projection
from ..registry import CrossCheck, Identity, Outcome, register
from ..sampling import draw_vector, real

SEED = "001_213bc0b3a2bddff3.txt"
V = sp.symbols("v1:4", real=True)
VS = sp.symbols("u1:4", real=True)
GAMMA = sp.Symbol("gamma", real=True)


def _log_density(v):
    """log f for f(v) = e^{−|v|²/2 + v₁/2 + v₂v₃/4}: an anisotropic, shifted Gaussian (not Maxwellian)."""
    return -sum(c**2 for c in v) / 2 + v[0] / 2 + v[1] * v[2] / 4


def _grad(expr, xs):
    return sp.Matrix([sp.diff(expr, x) for x in xs])


# --- (1.2) and Remark 4.7 --------------------------------------------------------------------

def check_dissipations(c_b=sp.Rational(1, 4), c_l=2, c_al=sp.Rational(1, 2)) -> Outcome:
    """Pointwise: (1.2) D_B integrand c_b[f′f′_* − ff_*](log f′f′_* − log ff_*) = −(3.1) integrand at ψ = log f
    = A_B integrand ¼|M_B|²/(ΛB) for M_B = −ΛB∇̄log f (Remark 4.7; Λ the logarithmic mean, Cor A.3
    corrected), and the CRE pairing ¼∇̄φ·M_B is the (3.1) integrand; (1.2) D_L integrand
    c_l|z|^{2+γ}|Π(∇−∇_*)√ff_*|² = −(3.10) integrand at ψ = log f = A_L integrand c_al|M|²/(ff_*) for
    M = −ff_*∇̃log f, and the GCE pairing ½∇̃φ·M is the (3.11) integrand (explicit non-Maxwellian f,
    |z|^{1+γ/2} kept as a symbol W, so every γ at once)."""
    fp, fps, f, fs, b, phi_bar = sp.symbols("fp fps f fs B phibar", positive=True)
    gain, loss = fp * fps, f * fs
    nabla_log = sp.log(fp) + sp.log(fps) - sp.log(f) - sp.log(fs)
    lam = (gain - loss) / (sp.log(gain) - sp.log(loss))
    d_b = c_b * (gain - loss) * (sp.log(gain) - sp.log(loss)) * b
    weak_31 = -sp.Rational(1, 4) * (gain - loss) * nabla_log * b
    m_b = -lam * b * nabla_log
    a_b = sp.Rational(1, 4) * m_b**2 / (lam * b)
    boltz = [sp.simplify(sp.expand_log(d_b + weak_31, force=True)), sp.simplify(sp.expand_log(a_b - d_b, force=True)),
             sp.simplify(sp.Rational(1, 4) * phi_bar * m_b - (-sp.Rational(1, 4) * (gain - loss) * phi_bar * b))
             .subs(sp.log(gain) - sp.log(loss), nabla_log)]
    boltz[2] = sp.simplify(sp.expand_log(boltz[2], force=True))
    # Landau, explicit f = e^{h}, z = v − v_*; the weight |z|^{1+γ/2} is a symbol W (every term carries W²)
    z = sp.Matrix(V) - sp.Matrix(VS)
    big_r = sp.Symbol("R", positive=True)  # |z|², substituted after clearing denominators
    pi_z = (big_r * sp.eye(3) - z * z.T) / big_r  # Π[z]
    w = sp.Symbol("W", positive=True)
    swap = dict(zip(V, VS))
    h = _log_density(V)
    ff = sp.exp(h + h.subs(swap, simultaneous=True))
    phi = V[0] * V[1] ** 2  # a test function φ(v)
    diff = lambda g: _grad(g, V) - _grad(g, VS)  # noqa: E731  (∇ − ∇_*)
    g_log = diff(h + h.subs(swap, simultaneous=True))  # ∇log f − ∇_*log f_*
    g_phi = diff(phi + phi.subs(swap, simultaneous=True))
    root = sp.exp((h + h.subs(swap, simultaneous=True)) / 2)  # √(ff_*)
    d_l = c_l * w**2 * (diff(root).T * pi_z * diff(root))[0]  # Π² = Π
    weak_310 = -sp.Rational(1, 2) * w**2 * (diff(ff).T * pi_z * g_log)[0]
    m_l = -ff * w * pi_z * g_log  # −ff_*∇̃log f
    a_l = c_al * (m_l.T * m_l)[0] / ff
    gce = sp.Rational(1, 2) * ((w * pi_z * g_phi).T * m_l)[0]
    weak_311 = -sp.Rational(1, 2) * ((w * pi_z * diff(ff)).T * (w * pi_z * g_phi))[0]
    def reduce(e):  # e/ff_* with |z|⁴ cleared: a polynomial in (v, v_*, W) after R = |z|²
        return sp.expand(sp.expand(e * big_r**2 / ff).subs(big_r, z.dot(z)))

    landau = [reduce(e) for e in (d_l + weak_310, a_l - d_l, gce - weak_311)]
    scale = reduce(d_l)
    evidence = {"boltzmann_residuals": [str(e) for e in boltz], "landau_residuals_over_ff": [str(e)[:120] for e in landau],
                "D_L_integrand_over_ff_nonzero": scale != 0}
    ok = all(e == 0 for e in boltz) and all(e == 0 for e in landau) and scale != 0
    if not ok:
        evidence["counterexample"] = "f = e^{−|v|²/2+v₁/2+v₂v₃/4} (or generic f, f′ values for D_B): the integrands differ"
    return Outcome("verified" if ok else "refuted", evidence)


def _dissipation_numeric(draw) -> mpmath.mpf:
    """D_B integrand = ¼(f′f′_* − ff_*)(log f′f′_* − log ff_*) and ¼M²/(ΛB) at drawn positive values; D_L
    integrand 2|Πu/2|²F = ½F|Πw|² with u = √F·w (∇√F = √F∇log F/2) at drawn vectors (mpmath)."""
    vals = [mpmath.mpf(10) ** mpmath.mpf(draw(real(-2, 2))) for _ in range(4)]
    a, b = vals[0] * vals[1], vals[2] * vals[3]
    if abs(a - b) < mpmath.mpf("1e-12") * a:
        return mpmath.mpf(0)
    lam = (a - b) / (mpmath.log(a) - mpmath.log(b))
    d_b = (a - b) * (mpmath.log(a) - mpmath.log(b)) / 4
    m = -lam * (mpmath.log(a) - mpmath.log(b))
    return abs(m**2 / (4 * lam) - d_b) / max(mpmath.mpf(1), abs(d_b))


register(Identity(
    id="s001-dissipations-1-2-remark-4-7",
    title="(1.2) D_B, D_L are −⟨Q, log f⟩ by (3.1), (3.10); Remark 4.7: the actions of M = −ΛB∇̄log f, −ff_*∇̃log f equal them",
    statement=r"D_B^\epsilon=\frac14\iint\int[f'f'_*-ff_*](\log f'f'_*-\log ff_*)B^\epsilon,\ D_L=2\iint|v-v_*|^{2+\gamma}|\Pi(\nabla-\nabla_*)\sqrt{ff_*}|^2;\ M=-ff_*\tilde\nabla\log f\ (M_B^\epsilon=-\Lambda B^\epsilon\bar\nabla\log f):\ |\dot f|_L^2\le D_L,\ \mathcal A_L(f,M)=\frac12\iint ff_*|\tilde\nabla\log f|^2",
    reference=f"{SEED}, (1.2), Remark 4.7",
    kind="identity",
    method="exact: pointwise integrands (generic positive f, f′ values for Boltzmann; explicit f and symbolic γ for "
           "Landau, simplified), with the CRE/GCE pairings of Definition 4.4",
    check=check_dissipations,
    cross_check=CrossCheck(_dissipation_numeric, 1e-25, "A_B(M_B) = D_B integrand at drawn values (mpmath)"),
    quick=False,
))


# --- Remark 2.9, Lemma 6.6 (6.12), Lemma 7.2 (7.1), (7.2): affine representations ---------------

def pointwise_sup(linear: sp.Expr, quadratic: sp.Expr) -> sp.Expr:
    """sup_ξ{linear·ξ − quadratic·|ξ|²} = |linear|²/(4 quadratic) for quadratic > 0 (ξ ∈ R or R³: the
    sup of a strictly concave quadratic, attained at ξ = linear/(2 quadratic))."""
    return linear**2 / (4 * quadratic)


def check_affine_representations(constants=None) -> Outcome:
    """Each printed sup{L·ξ − q|ξ|²} against its printed left side (a, u, m: the quantities represented):
    Remark 2.9 Fisher (L = 2a, q = 1: |a|²), D_L (L = 4u, q = 2: 2|u|²); (6.12) (L = 2aB, q = B: a²B = D_B^R
    integrand); (7.2) (L = ½M, q = ¼ΛB: ¼M²/(ΛB)); (7.1) Landau (L = M, q = ½ff_*: ½M²/(ff_*) = A_L)."""
    a, u, m, b, lam, g = sp.symbols("a u m B Lambda g", positive=True)
    printed = {"Remark 2.9 Fisher": (2 * a, 1, a**2), "Remark 2.9 D_L": (4 * u, 2, 2 * u**2),
               "(6.12)": (2 * a * b, b, a**2 * b), "(7.2)/(7.1) Boltzmann": (m / 2, lam * b / 4, m**2 / (4 * lam * b)),
               "(7.1) Landau": (m, g / 2, m**2 / (2 * g))}
    printed.update(constants or {})
    xi = sp.Symbol("xi", real=True)
    out = {}
    for name, (lin, quad, lhs) in printed.items():
        objective = lin * xi - quad * xi**2
        crit = sp.solve(sp.diff(objective, xi), xi)
        value = sp.simplify(objective.subs(xi, crit[0]))
        out[name] = (sp.simplify(value - lhs), sp.simplify(value - pointwise_sup(lin, quad)), sp.diff(objective, xi, 2))
    ok = all(r == 0 and s == 0 and bool(c < 0) for r, s, c in out.values())
    evidence = {k: {"sup_minus_printed_lhs": str(r), "concave": str(c)} for k, (r, s, c) in out.items()}
    evidence["vector_case"] = "for ξ ∈ R³ the sup splits along L/|L| and its orthogonal complement (the latter only adds −q|ξ⊥|²)"
    if not ok:
        evidence["counterexample"] = "the scalar sup differs from the printed left side at generic positive values"
    return Outcome("verified" if ok else "refuted", evidence)


def _affine_numeric(draw) -> mpmath.mpf:
    """Finite-dimensional model of the sups: L ∈ R⁴, q > 0 drawn; the objective at ξ* = L/(2q) equals |L|²/(4q)
    and a perturbed ξ does not exceed it."""
    lin = [mpmath.mpf(c) for c in draw_vector(draw, 4)]
    q = mpmath.mpf(draw(real(0.1, 5)))
    d = [mpmath.mpf(c) / 10 for c in draw_vector(draw, 4)]
    obj = lambda x: sum(a * b for a, b in zip(lin, x)) - q * sum(c * c for c in x)  # noqa: E731
    best = [c / (2 * q) for c in lin]
    value = sum(c * c for c in lin) / (4 * q)
    return abs(obj(best) - value) + max(mpmath.mpf(0), obj([a + b for a, b in zip(best, d)]) - value)


register(Identity(
    id="s001-affine-representations",
    title="Remark 2.9, (6.12), (7.1), (7.2): the affine (sup) representations of Fisher information, D_L, D_B^R and the actions",
    statement=r"\int|\nabla\sqrt f|^2=\sup_\psi\{2\int\nabla\sqrt f\cdot\nabla\psi-\int|\nabla\psi|^2\};\ D_L=\sup\{4\iint\tilde\nabla\sqrt{ff_*}\cdot\tilde\nabla\psi-2\iint|\tilde\nabla\psi|^2\};\ D_B^R=\sup_{\tilde\psi}\{2\iint\int(\sqrt{f'f'_*}-\sqrt{ff_*})\tilde\psi B-\iint\int|\tilde\psi|^2B\};\ \frac14\iint\int\frac{|M_B|^2}{\Lambda B}=\sup_\xi\{\frac12\iint\int M_B\xi-\frac14\iint\int|\xi|^2\Lambda B\};\ |\dot f|_L^2=\sup_\psi\{\iint M\cdot\tilde\nabla\psi-\frac12\iint|\tilde\nabla\psi|^2ff_*\}",
    reference=f"{SEED}, Remark 2.9, Lemma 6.6, (6.12), Lemma 7.2, (7.1), (7.2)",
    kind="identity",
    method="exact pointwise maximisation of the concave quadratic integrands (sympy), the sup over test functions "
           "being the pointwise sup on the closure of their gradients",
    check=check_affine_representations,
    cross_check=CrossCheck(_affine_numeric, 1e-25, "the sup of L·ξ − q|ξ|² in R⁴ at drawn L, q (mpmath)"),
))


# --- Proposition 6.4, (6.5): the exponent -------------------------------------------------------

def anisotropic_sup_value(exponent_2a, stiffness=2) -> mpmath.mpf:
    """2∬|v − v_*|^{2a}|Π(∇−∇_*)√(ff_*)|² for the Gaussian f ∝ exp(−vᵀAv/2), A = diag(1, s, s): in
    x = (v − v_*)/2 it is 16c²π^{3/2}det(A)^{−1/2}2^{2a}Γ(a + 5/2)/2 ∫_{S²}g q^{−a−5/2}dω with
    q = ωᵀAω, g = |Aω|² − q², c = det(A)^{1/2}(2π)^{−3/2} (mpmath)."""
    s = mpmath.mpf(stiffness)
    a = mpmath.mpf(exponent_2a) / 2
    det = s * s
    c2 = det / (2 * mpmath.pi) ** 3

    def angular(t):  # axisymmetric: ω = (cos t, sin t ·), dω = 2π sin t dt
        q = mpmath.cos(t) ** 2 + s * mpmath.sin(t) ** 2
        g = mpmath.cos(t) ** 2 + s * s * mpmath.sin(t) ** 2 - q * q
        return 2 * mpmath.pi * mpmath.sin(t) * g * q ** (-a - mpmath.mpf(5) / 2)

    sphere = mpmath.quad(angular, [0, mpmath.pi / 2, mpmath.pi])
    return 2 * 8 * c2 * mpmath.pi ** mpmath.mpf(1.5) / mpmath.sqrt(det) * 2 ** (2 * a) * mpmath.gamma(a + mpmath.mpf(5) / 2) / 2 * sphere


def check_prop_6_4(exponent=lambda g: 1 + sp.Rational(7, 2)) -> Outcome:
    """(6.5) with |v − v_*|^{e(γ)}: by parts (ΠV·(∇−∇_*)|z|^e = 0) and the pointwise sup, its right side is
    2∬|z|^{2e}|Π(∇−∇_*)√ff_*|², which scales as λ^{2−2e} under f ↦ λ³f(λ·), while D_L scales as λ^{−γ}:
    equal for all f iff 2e = 2 + γ. Printed e = 1 + 7/2 (for every γ)."""
    z = sp.Matrix(sp.symbols("z1:4", real=True))
    field = sp.Matrix(sp.symbols("V1:4", real=True))
    e = sp.Symbol("e", positive=True)
    r = sp.sqrt(sum(c**2 for c in z))
    by_parts = sp.simplify((projection(z) * field).dot(_grad(r**e, list(z))))  # must vanish
    scaling_gap = sp.simplify((2 - 2 * exponent(GAMMA)) + GAMMA)  # exponent of λ in printed/D_L
    values = {g: (anisotropic_sup_value(2 + g), anisotropic_sup_value(2 * exponent(sp.Integer(g)))) for g in (0, -2, -3)}
    evidence = {"by_parts_term": str(by_parts), "lambda_exponent_printed_over_D_L": str(scaling_gap),
                "D_L_vs_sup_for_Gaussian_A=diag(1,2,2)": {str(k): [float(a), float(b)] for k, (a, b) in values.items()}}
    ok = by_parts == 0 and scaling_gap == 0 and all(abs(a - b) <= mpmath.mpf("1e-20") * abs(a) for a, b in values.values())
    if ok:
        return Outcome("verified", evidence)
    d_l, printed = values[0]
    evidence["counterexample"] = (f"f Gaussian with covariance diag(1, 1/2, 1/2), γ = 0: D_L = {float(d_l):.10g} but the "
                                  f"printed sup (6.5) = {float(printed):.10g}; the ratio scales as λ^({scaling_gap}) under "
                                  "f ↦ λ³f(λ·), so it is not 1 for every f at any γ ∈ [−4, 0]")
    corrected = check_prop_6_4(lambda g: 1 + g / 2) if scaling_gap != 0 else None
    return Outcome("refuted", evidence, corrected_statement=(
        r"D_L(f)=\sup_{V\in AS_c^\infty}\Big\{-4\iint\sqrt{ff_*}|v-v_*|^{1+\frac\gamma2}(\nabla-\nabla_*)\cdot(\Pi V)-2\iint|\Pi V|^2\Big\}"
        " (the exponent of (6.3))" + (" — verified: by-parts term 0, scaling exponent 0, equal values at γ = 0, −2, −3"
                                      if corrected is not None and corrected.verdict == "verified" else "")))


def _prop_6_4_numeric(draw) -> mpmath.mpf:
    """The scaling law behind the counterexample: for A = λ²diag(1, s, s) (f_λ), the sup with weight |z|^{2a}
    equals λ^{2−2a} times its value at λ = 1 (drawn λ, s, 2a; mpmath)."""
    lam = mpmath.mpf(draw(real(0.5, 2)))
    s = mpmath.mpf(draw(real(1.2, 3)))
    two_a = mpmath.mpf(draw(real(0, 9)))
    base = anisotropic_sup_value(two_a, s)
    # rescaled Gaussian: every length divides by λ; the formula in terms of A = λ²diag(1, s, s)
    a = two_a / 2
    det = lam**6 * s * s
    c2 = det / (2 * mpmath.pi) ** 3

    def angular(t):
        q = lam**2 * (mpmath.cos(t) ** 2 + s * mpmath.sin(t) ** 2)
        g = lam**4 * (mpmath.cos(t) ** 2 + s * s * mpmath.sin(t) ** 2) - q * q
        return 2 * mpmath.pi * mpmath.sin(t) * g * q ** (-a - mpmath.mpf(5) / 2)

    scaled = 16 * c2 * mpmath.pi ** mpmath.mpf(1.5) / mpmath.sqrt(det) * 2 ** two_a * mpmath.gamma(a + mpmath.mpf(5) / 2) / 2 \
        * mpmath.quad(angular, [0, mpmath.pi / 2, mpmath.pi])
    return abs(scaled - lam ** (2 - two_a) * base) / abs(scaled)


register(Identity(
    id="s001-prop-6-4-exponent",
    title="Prop 6.4 / (6.5): D_L = sup{−4∫√ff_*|z|^{1+7/2}(∇−∇_*)·(ΠV) − 2∫|ΠV|²} — the exponent printed 1 + 7/2",
    statement=r"D_L(f)=\sup_{V\in AS_c^\infty}\Big\{-4\iint\sqrt{ff_*}|v-v_*|^{1+\frac72}(\nabla-\nabla_*)\cdot(\Pi[v-v_*]V)-2\iint|\Pi[v-v_*]V|^2\Big\}",
    reference=f"{SEED}, Proposition 6.4, (6.5)",
    kind="identity",
    method="exact: the by-parts term and the scaling exponent; values for an anisotropic Gaussian by a 1D mpmath "
           "quadrature of the closed radial integral",
    check=check_prop_6_4,
    cross_check=CrossCheck(_prop_6_4_numeric, 1e-20, "the λ-scaling of the sup for rescaled anisotropic Gaussians "
                           "(mpmath) at drawn λ, s, 2a", examples=10),
))


# --- Corollary 2.10: the Young line --------------------------------------------------------------

def check_corollary_2_10(middle_sign=-1) -> Outcome:
    """½∫(D_L + |ḟ|²) ≥ sign·∫√D_L|ḟ| ≥ H[f₀] − H[f(t)] (printed sign −). The second inequality is the
    strong upper gradient property only with sign +; test case: a gradient flow with EDE equality,
    |ḟ|² = D_L ≡ 1 on [0, t], so H[f₀] − H[f(t)] = ½∫(D + |ḟ|²) = t."""
    a, b, t = sp.symbols("a b t", nonnegative=True)
    young = sp.factor(sp.Rational(1, 2) * (a**2 + b**2) - middle_sign * a * b)
    t_val = 1
    middle = middle_sign * 1 * 1 * t_val
    drop = t_val
    holds = bool(sp.Rational(1, 2) * (1 + 1) * t_val >= middle) and bool(middle >= drop)
    evidence = {"first_inequality_gap": str(young), "model": "D ≡ |ḟ|² ≡ 1 on [0, 1], H[f0] − H[f(1)] = 1",
                "middle_value": middle, "entropy_drop": drop}
    if holds:
        return Outcome("verified", evidence)
    evidence["counterexample"] = (f"EDE equality with D_L ≡ |ḟ|² ≡ 1 on [0, 1]: the printed middle term is {middle} and "
                                  f"{middle} ≥ H[f0] − H[f(1)] = {drop} fails (whenever D_L|ḟ| ≢ 0)")
    return Outcome("refuted", evidence, corrected_statement=(
        r"rac12\int_0^tD_L(f(s))+|\dot f|_L^2(s)ds\ge\int_0^t\sqrt{D_L(f(s))}|\dot f|_L(s)ds\ge\mathcal H[f_0]-\mathcal H[f(t)]"
        + (" (Young: gap ½(√D − |ḟ|)² ≥ 0; equality in the model)" if check_corollary_2_10(1).verdict == "verified" else "")))


def _young_numeric(draw) -> mpmath.mpf:
    a = mpmath.mpf(draw(real(0, 10)))
    b = mpmath.mpf(draw(real(0, 10)))
    return max(mpmath.mpf(0), a * b - (a * a + b * b) / 2)


register(Identity(
    id="s001-corollary-2-10-young",
    title="Cor 2.10 proof: ½∫(D_L + |ḟ|²) ≥ −∫√D_L|ḟ| ≥ H[f₀] − H[f(t)] — the middle term's sign",
    statement=r"rac12\int_0^tD_L(f(s))+|\dot f|_L^2(s)ds\ge-\int_0^t\sqrt{D_L(f(s))}|\dot f|_L(s)ds\ge\mathcal H[f_0]-\mathcal H[f(t)]",
    reference=f"{SEED}, Corollary 2.10 (proof)",
    kind="inequality",
    method="exact: Young's inequality as a square; the EDE-equality model D ≡ |ḟ|² ≡ 1",
    check=check_corollary_2_10,
    cross_check=CrossCheck(_young_numeric, 1e-25, "Young ab ≤ ½(a² + b²) at drawn a, b ≥ 0 (mpmath)"),
))


# --- Appendix B: Lemma B.1 (cancellation) and the geometry (B.2)–(B.4) of Lemma B.2 ----------------

def kinetic(r, gamma):
    """|z|_kin^γ of Appendix B: 1 for |z| ≤ 1, |z|^γ for |z| ≥ 1."""
    return mpmath.mpf(1) if r <= 1 else r**gamma


def cancellation_kernel(r, gamma, nu, eps, printed=True) -> mpmath.mpf:
    """S^ε(z) for β = the normalised power law: printed 2π|z|_kin^γ∫₀^{ε/2}[cos^{−3}(θ/2) − 1]β^ε dθ, or the one
    the proof's change of variables gives, 2π∫₀^{ε/2}[cos^{−3}(θ/2)(|z|/cos(θ/2))_kin^γ − |z|_kin^γ]β^ε dθ."""
    c_nu = 8 / mpmath.pi * (2 - nu) * (2 / mpmath.pi) ** (2 - nu)
    beta_eps = lambda t: mpmath.pi**3 / eps**3 * c_nu * (mpmath.pi * t / eps) ** (-1 - nu)  # noqa: E731
    if printed:
        integrand = lambda t: (mpmath.cos(t / 2) ** -3 - 1) * kinetic(r, gamma) * beta_eps(t)  # noqa: E731
    else:
        integrand = lambda t: (mpmath.cos(t / 2) ** -3 * kinetic(r / mpmath.cos(t / 2), gamma)  # noqa: E731
                               - kinetic(r, gamma)) * beta_eps(t)
    return 2 * mpmath.pi * mpmath.quad(integrand, [0, eps / 2])


def check_lemma_b1(gamma=-2) -> Outcome:
    """The proof's substitution (exact): ∫_{k·σ≥1/√2}B(|z|/k·σ, 2(k·σ)²−1)4/(k·σ)²dσ = 2π∫₀^{π/4}(4 sin α/cos²α)
    B(|z|/cos α, cos 2α)dα = 2π∫₀^{π/2}β(θ)cos^{−3}(θ/2)·[kinetic factor at |z|/cos(θ/2)]dθ; the Jacobian
    |∂v′/∂v| = (1 + k·σ)/8; the bound cos^{−3}(θ/2) − 1 ≤ ¾θ² on [0, π/2], so |S^ε| ≤ 2π·¾·(8/π) = 12. The
    printed S^ε drops the kinetic factor's θ-dependence ("cos_kin^γ = 1"), wrong for γ ≠ 0, |z| ≥ cos(θ/2)."""
    alpha, theta = sp.symbols("alpha theta", positive=True)
    b = sp.Function("b")
    kin = sp.Function("K")  # the kinetic factor as a function of the relative speed
    zr = sp.Symbol("r", positive=True)
    before = 4 * sp.sin(alpha) / sp.cos(alpha) ** 2 * kin(zr / sp.cos(alpha)) * b(sp.cos(2 * alpha))
    after = (before.subs(alpha, theta / 2) / 2)  # α = θ/2, dα = dθ/2
    claimed = sp.sin(theta) * b(sp.cos(theta)) * sp.cos(theta / 2) ** -3 * kin(zr / sp.cos(theta / 2))
    substitution = sp.simplify(sp.expand_trig(after - claimed))
    k_vec, s_vec = sp.Matrix([0, 0, 1]), sp.Matrix([sp.sin(theta), 0, sp.cos(theta)])
    jac = sp.simplify((sp.eye(3) / 2 + s_vec * k_vec.T / 2).det() - (1 + sp.cos(theta)) / 8)
    bound = [float(mpmath.cos(mpmath.mpf(t) / 2) ** -3 - 1 - mpmath.mpf(3) / 4 * mpmath.mpf(t) ** 2)
             for t in mpmath.linspace(0.01, mpmath.pi / 2, 40)]
    r, nu, eps = mpmath.mpf(2), mpmath.mpf(1), mpmath.mpf("0.5")
    printed = cancellation_kernel(r, gamma, nu, eps)
    derived = cancellation_kernel(r, gamma, nu, eps, printed=False)
    evidence = {"substitution_residual": str(substitution), "jacobian_residual": str(jac),
                "max_(cos^-3(t/2)-1-3t^2/4)_on_[0,pi/2]": max(bound), "gamma": gamma,
                "S_printed_|z|=2_nu=1_eps=0.5": float(printed), "S_from_the_proof": float(derived),
                "12_bound_holds_for_derived": abs(derived) <= 12}
    ok_steps = substitution == 0 and jac == 0 and max(bound) <= 0
    if ok_steps and abs(printed - derived) <= mpmath.mpf("1e-20") * abs(derived):
        return Outcome("verified", evidence)
    if not ok_steps:
        evidence["counterexample"] = "a step of the proof fails (see residuals)"
        return Outcome("refuted", evidence)
    evidence["counterexample"] = (f"γ = {gamma}, |z| = 2, β the normalised power law ν = 1, ε = 1/2: printed S^ε = "
                                  f"{float(printed):.12g}, but the change of variables of the proof gives "
                                  f"{float(derived):.12g} (the factor (|z|/cos(θ/2))^γ/|z|^γ = cos^{{−γ}}(θ/2) ≠ 1)")
    return Outcome("refuted", evidence, corrected_statement=(
        r"S^\epsilon(z)=2\pi\int_0^{\epsilon/2}\Big[\cos^{-3}\big(\tfrac\theta2\big)\Big|\frac{z}{\cos(\theta/2)}\Big|_{kin}^\gamma-|z|_{kin}^\gamma\Big]\beta^\epsilon(\theta)d\theta"
        r"\ (=2\pi|z|^\gamma\int[\cos^{-3-\gamma}(\theta/2)-1]\beta^\epsilon\text{ for }|z|\ge1),\ |S^\epsilon|\le12\ (\gamma\in[-3,0])"
        " — the substitution verified exactly; the bound by cos^{−3−γ}(θ/2) − 1 ∈ [0, cos^{−3}(θ/2) − 1] ≤ ¾θ²"))


def _b1_numeric(draw) -> mpmath.mpf:
    """|S^ε| ≤ 12 for the proof's S^ε at drawn γ ∈ [−3, 0], |z| ∈ [0.1, 10], ν, ε ≤ 1 (mpmath quadrature)."""
    gamma = mpmath.mpf(draw(real(-3, 0)))
    r = mpmath.mpf(draw(real(0.1, 10)))
    nu = mpmath.mpf(draw(real(0.2, 1.8)))
    eps = mpmath.mpf(draw(real(0.05, 1)))
    return max(mpmath.mpf(0), abs(cancellation_kernel(r, gamma, nu, eps, printed=False)) - 12)


register(Identity(
    id="s001-lemma-b1-cancellation",
    title="Lemma B.1: S^ε(z) = 2π|z|_kin^γ∫[cos^{−3}(θ/2) − 1]β^ε — the kinetic factor's θ-dependence dropped (γ ≠ 0)",
    statement=r"\int\int_{S^2}B^\epsilon(v-v_*,\sigma)(f'-f)d\sigma dv=[f*S^\epsilon](v_*),\ S^\epsilon(z)=2\pi|z|_{kin}^\gamma\int_0^{\epsilon/2}\Big[\cos^{-3}\Big(\frac\theta2\Big)-1\Big]\beta^\epsilon(\theta)d\theta,\ |S^\epsilon(z)|\le12",
    reference=f"{SEED}, Lemma B.1",
    kind="identity",
    method="exact: the proof's angular substitution with a generic kinetic factor and b, the Jacobian; mpmath "
           "quadrature of S^ε printed vs derived",
    check=check_lemma_b1,
    cross_check=CrossCheck(_b1_numeric, 1e-20, "|S^ε| ≤ 12 for the derived S^ε at drawn γ, |z|, ν, ε (mpmath)",
                           examples=12),
    quick=False,
))


def check_b_geometry(b3_factor=sp.Rational(1, 2), b4_plus=4, b4_minus=4) -> Outcome:
    """(B.3) |v′ − v_*| = b3_factor|σ + k||v − v_*|; (B.4) |σ + k|² = b4_plus(k′·σ)², |σ − k|² =
    b4_minus(1 − (k′·σ)²) with k′ = (v′ − v_*)/|v′ − v_*| = cos(θ/2); (B.2): (F′χ′ − Fχ)² ≤ 2F′²(χ′ − χ)² + 2(F′ − F)²χ²;
    and |v′ − v_*| ≤ |v − v_*| ≤ √2|v′ − v_*| for θ ∈ [0, π/2] (exact, k = e₃, σ in the (e₁, e₃) plane)."""
    theta, r = sp.symbols("theta r", positive=True)
    k = sp.Matrix([0, 0, 1])
    sigma = sp.Matrix([sp.sin(theta), 0, sp.cos(theta)])
    v_s = sp.Matrix(sp.symbols("a1:4", real=True))
    v = v_s + r * k
    vp = (v + v_s) / 2 + r / 2 * sigma
    dist = sp.sqrt(sp.simplify((vp - v_s).dot(vp - v_s)))
    b3 = sp.simplify(dist - b3_factor * sp.sqrt(sp.simplify((sigma + k).dot(sigma + k))) * r)
    k_prime_sigma = sp.simplify((vp - v_s).dot(sigma) / dist)
    half = sp.simplify(sp.expand_trig(k_prime_sigma - sp.cos(theta / 2)).rewrite(sp.cos)).subs(theta, sp.pi / 3)
    b4 = [sp.simplify(sp.expand_trig((sigma + k).dot(sigma + k) - b4_plus * sp.cos(theta / 2) ** 2)),
          sp.simplify(sp.expand_trig((sigma - k).dot(sigma - k) - b4_minus * (1 - sp.cos(theta / 2) ** 2)))]
    F, Fp, c, cp = sp.symbols("F Fp chi chip", real=True)
    b2_gap = sp.factor(2 * Fp**2 * (cp - c) ** 2 + 2 * (Fp - F) ** 2 * c**2 - (Fp * cp - F * c) ** 2)
    ratio_ok = bool(sp.cos(sp.pi / 4) ** 2 * 2 >= 1)  # |v−v_*|/|v′−v_*| = 1/cos(θ/2) ≤ √2 on θ ≤ π/2
    evidence = {"(B.3)_residual": str(b3), "k'.sigma-cos(theta/2)_at_pi/3": str(half), "(B.4)_residuals": [str(e) for e in b4],
                "(B.2)_gap_is_a_square": str(b2_gap), "1/cos(theta/2)<=sqrt2": ratio_ok}
    ok = b3 == 0 and half == 0 and all(e == 0 for e in b4) and ratio_ok \
        and sp.expand(b2_gap - (Fp * (cp - c) - (Fp - F) * c) ** 2) == 0  # 2a² + 2b² − (a + b)² = (a − b)²
    if not ok:
        evidence["counterexample"] = "θ = π/3 with k = e₃: the printed constants fail"
    return Outcome("verified" if ok else "refuted", evidence)


def _b_geometry_numeric(draw) -> mpmath.mpf:
    """(B.3), (B.4) at drawn collisions in general position (mpmath)."""
    v = [mpmath.mpf(c) for c in draw_vector(draw, 3)]
    vs = [mpmath.mpf(c) for c in draw_vector(draw, 3)]
    s = [mpmath.mpf(c) for c in draw_vector(draw, 3)]
    ns = mpmath.sqrt(sum(c * c for c in s))
    z = [a - b for a, b in zip(v, vs)]
    r = mpmath.sqrt(sum(c * c for c in z))
    if ns < mpmath.mpf("0.1") or r < mpmath.mpf("0.1"):
        return mpmath.mpf(0)
    sig = [c / ns for c in s]
    k = [c / r for c in z]
    if sum(a * b for a, b in zip(k, sig)) < 0:  # θ ∈ [0, π/2] (the symmetrised kernel)
        sig = [-c for c in sig]
    vp = [(a + b) / 2 + r / 2 * c for a, b, c in zip(v, vs, sig)]
    d = [a - b for a, b in zip(vp, vs)]
    nd = mpmath.sqrt(sum(c * c for c in d))
    kp_s = sum(a * b for a, b in zip(d, sig)) / nd
    plus = sum((a + b) ** 2 for a, b in zip(sig, k))
    minus = sum((a - b) ** 2 for a, b in zip(sig, k))
    return abs(nd - mpmath.sqrt(plus) * r / 2) + abs(plus - 4 * kp_s**2) + abs(minus - 4 * (1 - kp_s**2))


register(Identity(
    id="s001-appendix-b-geometry",
    title="(B.2)–(B.4): the square splitting, |v′ − v_*| = ½|σ + k||v − v_*|, |σ ± k|² in terms of k′·σ = cos(θ/2)",
    statement=r"(F'\chi'_R-F\chi_R)^2\le2F'^2(\chi'_R-\chi_R)^2+2(F'-F)^2\chi_R^2;\ |v'-v_*|=\frac12|\sigma+k||v-v_*|;\ |\sigma+k|^2=4(k'\cdot\sigma)^2,\ |\sigma-k|^2=4(1-(k'\cdot\sigma)^2);\ |v'-v_*|\le|v-v_*|\le\sqrt2|v'-v_*|",
    reference=f"{SEED}, Lemma B.2 (proof), (B.2), (B.3), (B.4)",
    kind="identity",
    method="exact trigonometric identities in a frame (k = e₃), the splitting as a perfect square",
    check=check_b_geometry,
    cross_check=CrossCheck(_b_geometry_numeric, 1e-25, "(B.3), (B.4) at drawn v, v_*, σ (mpmath)"),
))
