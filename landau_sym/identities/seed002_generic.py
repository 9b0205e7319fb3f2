"""The GENERIC structure of the fuzzy Landau equation, 002_5194c2b1fb63adc7.txt (1.5)–(1.7), §1.3 and
Appendix A: E(f) = ∫|v|²f/2, S = −H, L(f)g = −∇·(fJ∇g) with J = (0 I; −I 0) on ∇ = (∇_x, ∇_v), and
M(f)g = −½∇̃·(κff*∇̃g) with ∇̃ of (1.11) and its divergence (1.12).

- ``fuzzy-generic-poisson-operator``: pointwise, for generic f, φ, ψ of (x, v) ∈ R³ × R³ (undefined
  sympy functions): −φ∇·(fJ∇ψ) = f∇φ·J∇ψ − ∇·(φfJ∇ψ) (so dF·L dG = ∫f∇dF·J∇dG), the symmetric part
  φ∇·(fJ∇ψ) + ψ∇·(fJ∇φ) is a divergence (L antisymmetric), L dS = ∇·(fJ∇(log f + 1)) = 0 and
  L dE = −v·∇_x f, the transport term of (1.1).
- ``fuzzy-generic-jacobi``: the bracket {F, G}_L = ∫f∇dF·J∇dG is the Lie–Poisson bracket of the
  functions of (x, v) under {φ, ψ} = ∇φ·J∇ψ. On functionals F = P(⟨φ₁, f⟩, …, ⟨φ_n, f⟩) with the φ_k a
  basis of the polynomials of degree ≤ 2 in (x, v) (closed under {·,·}: the bracket lowers the degree
  by 2) the state is the moment vector m, the Poisson tensor is Π(m)_{kl} = Σ_r c_{kl}^r m_r, and the
  Jacobi identity for every such F is the vanishing of the Schouten tensor Σ_l (Π_il∂_lΠ_jk + cyclic),
  checked exactly (integer structure constants) for d = 1, 2, 3; and directly on three polynomial
  functionals with symbolic coefficients for d = 1.
- ``fuzzy-generic-dissipative-operator``: for an empirical state f = Σ_p w_p δ_{(x_p, v_p)} the operator
  M, built with the divergence formula printed after (1.12), is the 3n × 3n matrix of the bilinear form
  ⟨h, M g⟩ on the velocity gradients ξ_p = ∇_v g(x_p, v_p); it is exactly symmetric, equals the sum of
  squares ½Σ_{pq}κ_pq w_p w_q A_pq|Π_pq(ξ_p − ξ_q)|² (positive semi-definite) and annihilates dE
  (ξ_p = v_p) and the momenta (ξ_p = e_i), for symbolic weights, κ, A and ξ at exact rational velocities.
- ``fuzzy-generic-variational-identity``: the computation after (1.7): with L antisymmetric, L dS = 0 and
  M symmetric invertible, S(z₀) − S(z_T) + ½‖ż − LdE‖²_{M⁻¹} + ½‖dS‖²_M = ½‖ż − LdE − MdS‖²_{M⁻¹} pointwise
  in t, and dE/dt = 0, dS/dt = dS·MdS (exact, generic 3 × 3 matrices).
"""
from __future__ import annotations

import itertools

import mpmath
import numpy as np
import sympy as sp
from hypothesis import strategies as st

from ..geometry import Coordinates, norm_squared, projection
from ..operators import divergence, gradient
from ..registry import CrossCheck, Identity, Outcome, register
from ..sampling import draw_nonzero_vector, draw_vector, real

REFERENCE = "002_5194c2b1fb63adc7.txt"
D = 3
XC, VC = Coordinates.named("x", D), Coordinates.named("v", D)
PHASE = XC + VC


def symplectic_matrix(d: int = D) -> sp.Matrix:
    """J = (0 id; −id 0) of §1.3 on the phase gradient (∇_x, ∇_v)."""
    return sp.Matrix(sp.BlockMatrix([[sp.zeros(d), sp.eye(d)], [-sp.eye(d), sp.zeros(d)]]))


def poisson_operator(f: sp.Expr, g: sp.Expr, J: sp.Matrix, coords: Coordinates = PHASE) -> sp.Expr:
    """L(f)g = −∇·(fJ∇g) (002 §1.3)."""
    return -divergence(f * J * gradient(g, coords), coords)


def canonical_bracket(phi: sp.Expr, psi: sp.Expr, J: sp.Matrix, coords: Coordinates = PHASE) -> sp.Expr:
    """∇φ·J∇ψ, the pointwise bracket with ∫f∇φ·J∇ψ = dF·L dG."""
    return (gradient(phi, coords).T * J * gradient(psi, coords))[0, 0]


def poisson_residuals(J: sp.Matrix) -> dict:
    """The four pointwise identities of ``fuzzy-generic-poisson-operator`` for generic f, φ, ψ."""
    f, phi, psi = (sp.Function(n)(*PHASE.symbols) for n in ("f", "phi", "psi"))
    energy = norm_squared(VC.vector) / 2
    ibp = (-phi * divergence(f * J * gradient(psi, PHASE), PHASE) - f * canonical_bracket(phi, psi, J)
           + divergence(phi * f * J * gradient(psi, PHASE), PHASE))
    antisym = (phi * divergence(f * J * gradient(psi, PHASE), PHASE) + psi * divergence(f * J * gradient(phi, PHASE), PHASE)
               - divergence(f * (phi * J * gradient(psi, PHASE) + psi * J * gradient(phi, PHASE)), PHASE))
    l_ds = poisson_operator(f, -(sp.log(f) + 1), J)
    transport = sum(v * sp.diff(f, x) for x, v in zip(XC, VC))
    l_de = poisson_operator(f, energy, J) + transport
    return {name: sp.simplify(sp.expand(expr)) for name, expr in
            [("integration_by_parts", ibp), ("antisymmetry_mod_divergence", antisym), ("L_dS", l_ds),
             ("L_dE_plus_transport", l_de)]}


def check_poisson() -> Outcome:
    residuals = poisson_residuals(symplectic_matrix())
    ok = all(r == 0 for r in residuals.values())
    return Outcome("verified" if ok else "refuted", {k: str(v) for k, v in residuals.items()})


def _poisson_numeric(draw) -> mpmath.mpf:
    """L dE + v·∇_x f and L dS at a drawn point for a drawn positive f, by mpmath finite differences
    of the printed L(f)g = −∇·(fJ∇g) (central differences, step 1e-8 at 30 digits: error ~1e-16)."""
    a = [mpmath.mpf(draw(real(-1, 1))) for _ in range(2 * D)]
    b = [mpmath.mpf(draw(real(-1, 1))) for _ in range(2 * D)]
    z0 = [mpmath.mpf(t) for t in draw_vector(draw, 2 * D, -1, 1)]

    def f(z):
        return mpmath.exp(sum(ai * zi for ai, zi in zip(a, z)) / 3) * (2 + mpmath.cos(sum(bi * zi for bi, zi in zip(b, z))))

    h = mpmath.mpf("1e-8")

    def partial(fun, z, k):
        zp, zm = list(z), list(z)
        zp[k] += h
        zm[k] -= h
        return (fun(zp) - fun(zm)) / (2 * h)

    def L(g):  # −∇·(f J∇g): (J∇g) = (∇_v g, −∇_x g)
        def flux(z, k):
            return f(z) * (partial(g, z, k + D) if k < D else -partial(g, z, k - D))
        return -sum(partial(lambda z, k=k: flux(z, k), z0, k) for k in range(2 * D))

    transport = sum(z0[D + i] * partial(f, z0, i) for i in range(D))
    l_de = L(lambda z: sum(t * t for t in z[D:]) / 2)
    l_ds = L(lambda z: -(mpmath.log(f(z)) + 1))
    return max(abs(l_de + transport), abs(l_ds)) / (1 + abs(transport))


register(Identity(
    id="fuzzy-generic-poisson-operator",
    title="GENERIC L(f)g = −∇·(fJ∇g): antisymmetric, L dS = 0, L dE = −v·∇_x f (the transport term)",
    statement=r"\mathsf{L}(f)g = -\nabla\cdot(f\mathsf{J}\nabla g):\ \mathrm{d}F\cdot\mathsf{L}\,\mathrm{d}G = -\mathrm{d}G\cdot"
              r"\mathsf{L}\,\mathrm{d}F,\ \mathsf{L}(z)\,\mathrm{d}\mathsf{S}(z) = 0,\ \mathsf{L}\,\mathrm{d}\mathsf{E} = -v\cdot\nabla_x f",
    reference=f"{REFERENCE}, (1.5)–(1.6), §1.3 (E, S, L), Appendix A",
    kind="identity",
    method="exact: pointwise identities for undefined f, φ, ψ of (x, v) ∈ R⁶ (antisymmetry up to a divergence)",
    check=check_poisson,
    cross_check=CrossCheck(_poisson_numeric, 1e-10,
                           "mpmath central differences of −∇·(fJ∇g) for g = E, S at drawn points and positive f",
                           examples=6),
))


# --- Jacobi ----------------------------------------------------------------------------------------

def quadratic_basis(d: int) -> tuple[list[sp.Expr], list[sp.Symbol]]:
    """Monomials of degree ≤ 2 in (x, v) ∈ R^{2d}: a Lie subalgebra for {φ, ψ} = ∇φ·J∇ψ."""
    coords = Coordinates.named("x", d) + Coordinates.named("v", d)
    monomials = [sp.Integer(1)] + list(coords.symbols)
    monomials += [a * b for a, b in itertools.combinations_with_replacement(coords.symbols, 2)]
    return monomials, list(coords.symbols)


def structure_constants(d: int, J: sp.Matrix) -> np.ndarray:
    """c[k, l, r] with {φ_k, φ_l} = Σ_r c[k, l, r]φ_r (integers); ValueError if not closed."""
    basis, syms = quadratic_basis(d)
    coords = Coordinates(tuple(syms))
    index = {sp.Poly(m, *syms).monoms()[0]: r for r, m in enumerate(basis)}
    n = len(basis)
    c = np.zeros((n, n, n), dtype=np.int64)
    for k, l in itertools.product(range(n), repeat=2):
        bracket = sp.expand(canonical_bracket(basis[k], basis[l], J, coords))
        if bracket == 0:
            continue
        for monom, coeff in sp.Poly(bracket, *syms).terms():
            if monom not in index:
                raise ValueError(f"bracket of {basis[k]} and {basis[l]} leaves the degree-2 span: {bracket}")
            c[k, l, index[monom]] = int(coeff)
    return c


def schouten_tensor(c: np.ndarray) -> np.ndarray:
    """Coefficient of m_s in Σ_l (Π_il∂_lΠ_jk + Π_jl∂_lΠ_ki + Π_kl∂_lΠ_ij) for Π_kl = Σ_r c_klr m_r."""
    t = np.einsum("ils,jkl->ijks", c, c)
    return t + np.einsum("jls,kil->ijks", c, c) + np.einsum("kls,ijl->ijks", c, c)


def lie_poisson_jacobi(F1, F2, F3, m: list[sp.Symbol], c: np.ndarray) -> sp.Expr:
    """{{F1,F2},F3} + cyclic for functions of the moments, Π_kl = Σ_r c_klr m_r."""
    n = len(m)
    Pi = sp.Matrix(n, n, lambda k, l: sum(int(c[k, l, r]) * m[r] for r in range(n) if c[k, l, r]))

    def bracket(F, G):
        dF = sp.Matrix([sp.diff(F, x) for x in m])
        dG = sp.Matrix([sp.diff(G, x) for x in m])
        return (dF.T * Pi * dG)[0, 0]

    return sp.expand(bracket(bracket(F1, F2), F3) + bracket(bracket(F2, F3), F1) + bracket(bracket(F3, F1), F2))


def _functional(m, tag):
    """A polynomial of degree 2 in the moments with symbolic coefficients."""
    coeffs = iter(sp.symbols(f"{tag}0:{len(m) * 2 + 3}"))
    return (sum(next(coeffs) * x for x in m) + next(coeffs) * m[1] * m[2] + next(coeffs) * m[3] ** 2
            + next(coeffs) * m[4] * m[5])


def check_jacobi(J: sp.Matrix | None = None) -> Outcome:
    evidence, ok = {}, True
    for d in (1, 2, 3):
        Jd = symplectic_matrix(d) if J is None else J(d)
        c = structure_constants(d, Jd)
        antisym = int(np.abs(c + c.transpose(1, 0, 2)).max())
        schouten = int(np.abs(schouten_tensor(c)).max())
        ok &= antisym == 0 and schouten == 0
        evidence[f"d={d}"] = {"algebra_dimension": c.shape[0], "max|c_kl+c_lk|": antisym, "max|Schouten|": schouten}
    Jd = symplectic_matrix(1) if J is None else J(1)
    c = structure_constants(1, Jd)
    m = list(sp.symbols("m0:6"))
    direct = lie_poisson_jacobi(*(_functional(m, t) for t in ("a", "b", "c")), m, c)
    ok &= direct == 0
    evidence["d=1, three quadratic functionals with symbolic coefficients: Jacobi sum"] = str(direct)
    return Outcome("verified" if ok else "refuted", evidence)


def _jacobi_numeric(draw) -> mpmath.mpf:
    """Jacobi sum for drawn cubic functionals of the moments (d = 1) at a drawn state, mpmath, with the
    bracket evaluated by central differences of the functionals (step 1e-6: error ~1e-12)."""
    c = _STRUCTURE_D1
    n = c.shape[0]
    m0 = [mpmath.mpf(t) for t in draw_vector(draw, n, -1, 1)]
    coeffs = [[mpmath.mpf(draw(real(-1, 1))) for _ in range(3 * n)] for _ in range(3)]

    def functional(a):
        return lambda m: sum(a[k] * m[k] + a[n + k] * m[k] ** 2 + a[2 * n + k] * m[k] * m[(k + 1) % n] ** 2
                             for k in range(n))

    h = mpmath.mpf("1e-6")

    def grad(F, m):
        out = []
        for k in range(n):
            mp_, mm = list(m), list(m)
            mp_[k] += h
            mm[k] -= h
            out.append((F(mp_) - F(mm)) / (2 * h))
        return out

    def bracket(F, G):
        def value(m):
            dF, dG = grad(F, m), grad(G, m)
            return sum(dF[k] * dG[l] * sum(int(c[k, l, r]) * m[r] for r in range(n))
                       for k in range(n) for l in range(n) if c[k, l].any())
        return value

    F1, F2, F3 = (functional(a) for a in coeffs)
    total = bracket(bracket(F1, F2), F3)(m0) + bracket(bracket(F2, F3), F1)(m0) + bracket(bracket(F3, F1), F2)(m0)
    return abs(total)


_STRUCTURE_D1 = structure_constants(1, symplectic_matrix(1))

register(Identity(
    id="fuzzy-generic-jacobi",
    title="GENERIC: the bracket {F,G}_L = dF·L dG satisfies the Jacobi identity (Lie–Poisson, quadratic test algebra)",
    statement=r"\{\{G_1,G_2\}_{\mathsf{L}},G_3\}_{\mathsf{L}} + \{\{G_2,G_3\}_{\mathsf{L}},G_1\}_{\mathsf{L}} + "
              r"\{\{G_3,G_1\}_{\mathsf{L}},G_2\}_{\mathsf{L}} = 0,\quad \{F,G\}_{\mathsf{L}} = \mathrm{d}F\cdot\mathsf{L}\,\mathrm{d}G",
    reference=f"{REFERENCE}, (1.5) (Jacobi identity), Appendix A",
    kind="identity",
    method="exact: integer structure constants of ∇φ·J∇ψ on polynomials of degree ≤ 2 in (x, v), d = 1, 2, 3; "
           "Schouten tensor of the linear Poisson tensor = 0; direct Jacobi sum on symbolic quadratic functionals",
    check=check_jacobi,
    cross_check=CrossCheck(_jacobi_numeric, 1e-8,
                           "mpmath Jacobi sum of drawn cubic functionals of the moments (d = 1), brackets by "
                           "central differences (h = 1e-6, nested: error ≲ 1e-9)", examples=4),
    quick=False,  # ~4 s: the 28-dimensional algebra of d = 3
))


# --- M on an empirical state -------------------------------------------------------------------------

VELOCITY_CONFIGURATIONS = (
    ((1, 0, 0), (0, 2, -1), (sp.Rational(-3, 2), 1, sp.Rational(1, 3))),
    ((sp.Rational(2, 7), -1, 3), (1, 1, 1), (0, sp.Rational(-5, 3), 2)),
)
"""Exact rational particle velocities (generic: no two differences parallel); everything else symbolic."""


def particle_state(velocities=VELOCITY_CONFIGURATIONS[0]):
    """An empirical state: symbolic weights w_p, exact velocities v_p ∈ Q³, symbolic κ_pq = κ_qp and
    A_pq = A_qp (the values κ(x_p − x_q), A(v_p − v_q) > 0; positions enter only through κ)."""
    n = len(velocities)
    w = sp.symbols(f"w0:{n}", positive=True)
    v = [sp.Matrix(vel) for vel in velocities]
    kappa = {(p, q): sp.Symbol(f"k{min(p, q)}{max(p, q)}", positive=True) for p in range(n) for q in range(n)}
    A = {(p, q): sp.Symbol(f"A{min(p, q)}{max(p, q)}", positive=True) for p in range(n) for q in range(n) if p != q}
    return w, v, kappa, A


def dissipative_matrix(state, proj=projection, sign: int = 1) -> sp.Matrix:
    """The matrix of ⟨h, M(f)g⟩ = −½∫h∇̃·(κff*∇̃g) on ξ_p = ∇_v g(x_p, v_p), with ∇̃·B from the formula
    after (1.12): ∇̃·B = ∇_v·∫√AΠ(B(x,x*,v,v*) − B(x*,x,v*,v)), paired with h by ∫h∇_v·F = −∫∇_v h·F."""
    w, v, kappa, A = state
    n = len(w)
    M = sp.zeros(3 * n, 3 * n)
    for p in range(n):
        for q in range(n):
            if p == q:
                continue
            K = sp.sqrt(A[p, q]) * proj(v[p] - v[q])
            # B_pq = κ w_p w_q K(ξ_p − ξ_q), B_qp = −B_pq; the p-row gets ½·K(B_pq − B_qp) = K·κ w w K(ξ_p − ξ_q)
            block = sign * kappa[p, q] * w[p] * w[q] * K * K
            M[3 * p:3 * p + 3, 3 * p:3 * p + 3] += block
            M[3 * p:3 * p + 3, 3 * q:3 * q + 3] -= block
    return M.applyfunc(sp.cancel)


def check_dissipative(proj=projection, sign: int = 1) -> Outcome:
    evidence = {}
    for k, velocities in enumerate(VELOCITY_CONFIGURATIONS):
        evidence[f"configuration {k}: velocities {[[str(c) for c in vel] for vel in velocities]}"] = \
            _dissipative_properties(particle_state(velocities), proj, sign)
    ok = all(all(e[key] in (True, "0") or e[key] == [True] * 3 for key in e if key != "particles")
             for e in evidence.values())
    return Outcome("verified" if ok else "refuted", evidence)


def _dissipative_properties(state, proj, sign) -> dict:
    w, v, kappa, A = state
    n = len(w)
    M = dissipative_matrix(state, proj, sign)
    symmetric = (M - M.T).applyfunc(sp.cancel)
    xi = [sp.Matrix(sp.symbols(f"xi{p}_1:4", real=True)) for p in range(n)]
    xi_vec = sp.Matrix.vstack(*xi)
    form = (xi_vec.T * M * xi_vec)[0, 0]
    squares = sum(kappa[p, q] * w[p] * w[q] * A[p, q] * norm_squared(projection(v[p] - v[q]) * (xi[p] - xi[q]))
                  for p in range(n) for q in range(n) if p != q) / 2
    sos = sp.cancel(form - squares)
    energy = (M * sp.Matrix.vstack(*v)).applyfunc(sp.cancel)
    momenta = [(M * sp.Matrix([1 if k == i else 0 for _ in range(n) for k in range(3)])).applyfunc(sp.cancel)
               for i in range(3)]
    return {
        "particles": n, "M_minus_M^T_is_zero": bool(symmetric.is_zero_matrix),
        "xi^T M xi minus (1/2)Σ κ w w A |Π(ξ_p−ξ_q)|²": str(sos)[:300],
        "M dE (ξ_p = v_p) is zero": bool(energy.is_zero_matrix),
        "M applied to constant ξ (momenta) is zero": [bool(m.is_zero_matrix) for m in momenta],
    }


def _dissipative_numeric(draw) -> mpmath.mpf:
    """Smallest eigenvalue of the mpmath matrix at drawn values (must be ≥ −tol), its asymmetry, and M dE."""
    n = 3
    w = [mpmath.mpf(draw(real(0.1, 1))) for _ in range(n)]
    v = [mpmath.matrix(draw_nonzero_vector(draw, 3)) for _ in range(n)]
    gamma = mpmath.mpf(draw(real(-2.9, 1)))
    kap = {}
    for p in range(n):
        for q in range(p, n):
            kap[p, q] = kap[q, p] = mpmath.mpf(draw(real(0.1, 2)))
    M = mpmath.zeros(3 * n, 3 * n)
    for p in range(n):
        for q in range(n):
            if p == q:
                continue
            z = v[p] - v[q]
            r2 = sum(t * t for t in z)
            P = mpmath.eye(3) - z * z.T / r2
            block = kap[p, q] * w[p] * w[q] * r2 ** (1 + gamma / 2) * P * P
            for i in range(3):
                for j in range(3):
                    M[3 * p + i, 3 * p + j] += block[i, j]
                    M[3 * p + i, 3 * q + j] -= block[i, j]
    asym = max(abs(M[i, j] - M[j, i]) for i in range(3 * n) for j in range(3 * n))
    eigs = mpmath.eigsy((M + M.T) / 2)[0]
    scale = 1 + max(abs(e) for e in eigs)
    ve = mpmath.matrix([v[p][i] for p in range(n) for i in range(3)])
    mde = max(abs(t) for t in M * ve)
    return max(asym, max(mpmath.mpf(0), -min(eigs)), mde) / scale


register(Identity(
    id="fuzzy-generic-dissipative-operator",
    title="GENERIC M(f)g = −½∇̃·(κff*∇̃g): symmetric, positive semi-definite, M dE = 0 (empirical states)",
    statement=r"\mathsf{M}(f)g = -\tfrac12\tilde\nabla\cdot(\kappa ff_*\tilde\nabla g):\ v\cdot\mathsf{M}w = w^*\cdot\mathsf{M}v^*,"
              r"\ v^*\cdot\mathsf{M}v\ge 0,\ \mathsf{M}(z)\,\mathrm{d}\mathsf{E}(z) = 0",
    reference=f"{REFERENCE}, (1.5)–(1.6), §1.3 (M), (1.12), Appendix A",
    kind="identity",
    method="exact: 9 × 9 matrix of M on three weighted particles with symbolic weights, κ_pq, A_pq and ξ, exact "
           "rational velocities (two configurations); "
           "symmetry, sum-of-squares form, M dE = 0 and momenta",
    check=check_dissipative,
    cross_check=CrossCheck(_dissipative_numeric, 1e-25,
                           "mpmath: asymmetry, negative part of the smallest eigenvalue and |M dE| at drawn particles, "
                           "A = |z|^{2+γ}", examples=10),
    quick=False,  # ~4 s: two exact 9 × 9 configurations
))


# --- the variational identity after (1.7) ------------------------------------------------------------

def variational_residual(L: sp.Matrix, M: sp.Matrix, u: sp.Matrix, s: sp.Matrix, e: sp.Matrix) -> sp.Expr:
    """−ż·dS + ½‖ż − LdE‖²_{M⁻¹} + ½‖dS‖²_M − ½‖ż − LdE − MdS‖²_{M⁻¹} (zero by L dS = 0)."""
    Minv = M.inv()
    a = u - L * e
    b = a - M * s
    return sp.cancel((-(u.T * s) + (a.T * Minv * a) / 2 + (s.T * M * s) / 2 - (b.T * Minv * b) / 2)[0, 0])


def _generic_blocks():
    s = sp.Matrix(sp.symbols("s1:4", real=True))
    e = sp.Matrix(sp.symbols("e1:4", real=True))
    u = sp.Matrix(sp.symbols("u1:4", real=True))
    mm = sp.symbols("m11 m12 m13 m22 m23 m33", real=True)
    M = sp.Matrix([[mm[0], mm[1], mm[2]], [mm[1], mm[3], mm[4]], [mm[2], mm[4], mm[5]]])
    L = sp.Symbol("lam", real=True) * sp.Matrix([[0, -s[2], s[1]], [s[2], 0, -s[0]], [-s[1], s[0], 0]])  # L s = s × s = 0
    return L, M, u, s, e


def check_variational(L: sp.Matrix | None = None) -> Outcome:
    L0, M, u, s, e = _generic_blocks()
    L = L0 if L is None else L
    residual = variational_residual(L, M, u, s, e)
    # dE/dt with M dE = 0 (e in the kernel of M: use M restricted, e = M-kernel) and dS/dt = dS·M dS
    energy_rate = sp.expand(((L * e).T * e)[0, 0])
    entropy_rate = sp.expand(((L * e + M * s).T * s - s.T * M * s)[0, 0])
    ok = residual == 0 and energy_rate == 0 and entropy_rate == 0
    return Outcome("verified" if ok else "refuted", {
        "completion_of_the_square_residual": str(residual),
        "LdE·dE (antisymmetry)": str(energy_rate),
        "(LdE + MdS)·dS − dS·MdS (needs L dS = 0)": str(entropy_rate),
        "L": "λ[s]_× (antisymmetric, L s = 0), M generic symmetric 3×3",
    })


def _variational_numeric(draw) -> mpmath.mpf:
    """The same residual with mpmath matrices at drawn values (M made positive definite)."""
    vals = [mpmath.mpf(t) for t in draw_vector(draw, 9, -2, 2)]
    s, e, u = (mpmath.matrix(vals[3 * k:3 * k + 3]) for k in range(3))
    B = mpmath.matrix(3, 3)
    for i in range(3):
        for j in range(3):
            B[i, j] = mpmath.mpf(draw(real(-1, 1)))
    M = B * B.T + mpmath.eye(3) / 2
    lam = mpmath.mpf(draw(real(-2, 2)))
    L = lam * mpmath.matrix([[0, -s[2], s[1]], [s[2], 0, -s[0]], [-s[1], s[0], 0]])
    Minv = M ** -1
    a = u - L * e
    b = a - M * s
    val = -(u.T * s)[0] + (a.T * Minv * a)[0] / 2 + (s.T * M * s)[0] / 2 - (b.T * Minv * b)[0] / 2
    return abs(val) / (1 + abs((a.T * Minv * a)[0]))


register(Identity(
    id="fuzzy-generic-variational-identity",
    title="(1.7): J(z) = ½∫‖∂ₜz − LdE − MdS‖²_{M⁻¹} ≥ 0 (completion of the square via L dS = 0); dE/dt = 0, dS/dt = dS·MdS",
    statement=r"\mathsf{S}(z_0)-\mathsf{S}(z_T)+\tfrac12\int_0^T\|\partial_t z-\mathsf{L}\,\mathrm{d}\mathsf{E}\|^2_{\mathsf{M}^{-1}}"
              r"+\tfrac12\int_0^T\|\mathrm{d}\mathsf{S}\|^2_{\mathsf{M}} = \tfrac12\int_0^T\|\partial_t z-\mathsf{L}\,\mathrm{d}"
              r"\mathsf{E}-\mathsf{M}\,\mathrm{d}\mathsf{S}\|^2_{\mathsf{M}^{-1}}\,\mathrm{d}t",
    reference=f"{REFERENCE}, (1.7) and the computation after it; §1.1 (dE/dt = 0, dS/dt ≥ 0)",
    kind="identity",
    method="exact: rational-function identity with generic symmetric M, L = λ[s]_× (L dS = 0), symbolic ż, dS, dE",
    check=check_variational,
    cross_check=CrossCheck(_variational_numeric, 1e-25, "mpmath matrices at drawn values, M = BBᵀ + I/2",
                           examples=20),
))
