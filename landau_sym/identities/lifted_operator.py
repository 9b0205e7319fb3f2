"""The lifted operator Q on R⁶: sum-of-squares form, Laplacian commutation, sphere Laplacian.

- 004_b333c7817a08033b.txt (4.5) and 003_2ee84d6b3c804a54.txt (12): for a generic α(|v−w|),
      (div_v − div_w)[α|v−w|²Π(v−w)(∇_v − ∇_w)F] = α Σ_k (b̃_k·∇)²F.
- 004 §5 Step 1: for α ≡ 1, QΔ_{R⁶} = Δ_{R⁶}Q. Two independent exact proofs: (a) direct
  expansion on a generic F(v, w); (b) each b̃_k is a linear Killing field (antisymmetric matrix)
  with harmonic components, and [X·∇, Δ]u = −2 Σ ∂_jX_i ∂_i∂_j u − (ΔX)·∇u vanishes for such X,
  so every (b̃_k·∇)² commutes with Δ. For α = r^γ the commutator is computed on a witness and is
  non-zero for every γ ≠ 0; it equals −(Δα)SF − 2∇α·∇(SF) with S = Σ_k (b̃_k·∇)².
- 003 Remark 1.7 (the N = 2 picture): on functions g(v − w),
      Σ_k (b̃_k·∇)² g(v − w) = 4 (Δ_{S²} g)(v − w),
  Δ_{S²} the Laplace–Beltrami operator of the sphere acting on the direction of z at fixed |z|.
  Proof: in the coordinates (z, s) = (v − w, v + w) the field b̃_k is 2 b_k(z)·∇_z; and in
  spherical coordinates Σ_k (b_k·∇)² = (1/sinθ)∂_θ(sinθ ∂_θ) + (1/sin²θ)∂²_φ.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..geometry import GENERIC_ALPHA, Coordinates, norm_squared, power_law
from ..operators import commutator, gradient, laplacian, lifted_operator, sum_of_squares
from ..registry import CrossCheck, Identity, Outcome, mp_value, register, relative_residual
from ..sampling import draw_exponential_function, draw_nonzero_vector, draw_test_function, real
from ..standard_fields import PAIR3, b_field, b_tilde
from ..vector_fields import VectorField

SPACE = PAIR3
B_TILDE = [b_tilde(k) for k in (1, 2, 3)]


def sum_of_squares_residual(F: sp.Expr, alpha=GENERIC_ALPHA, fields=B_TILDE) -> sp.Expr:
    """Divergence form (4.2) minus the sum-of-squares form (4.5), expanded."""
    return sp.expand(lifted_operator(F, SPACE, alpha) - sum_of_squares(F, fields, alpha(SPACE.r)))


def generic_function(coords: Coordinates, name: str = "F") -> sp.Expr:
    return sp.Function(name)(*coords.symbols)


def check_sum_of_squares() -> Outcome:
    residual = sum_of_squares_residual(generic_function(SPACE.coords))
    if residual != 0:
        residual = sp.simplify(residual)
    return Outcome("verified" if residual == 0 else "refuted",
                   {"residual_generic_alpha_generic_F": str(residual)})


def _sum_of_squares_numeric(draw) -> mpmath.mpf:
    gamma = sp.Rational(draw(st.integers(-12, 4)), 4)
    F = draw_test_function(draw, SPACE.coords.symbols)
    point = dict(zip(SPACE.coords.symbols, draw_nonzero_vector(draw, 6, min_norm=0.1)))
    alpha = power_law(gamma)
    lhs = mp_value(lifted_operator(F, SPACE, alpha), point)
    rhs = mp_value(sum_of_squares(F, B_TILDE, alpha(SPACE.r)), point)
    return relative_residual(lhs, rhs)


register(Identity(
    id="lifted-operator-sum-of-squares",
    title="Q(F) = α Σ_k (b̃_k·∇)²F for generic α(|v−w|) and generic F",
    statement=r"Q(F) = (\operatorname{div}_v - \operatorname{div}_w)\left[\alpha |v-w|^2 K(v-w)(\nabla_v - \nabla_w)F\right] = \alpha \sum_{k=1}^3 \tilde b_k \cdot \nabla(\tilde b_k \cdot \nabla F)",
    reference="004_b333c7817a08033b.txt (4.2), (4.5); 003_2ee84d6b3c804a54.txt (12)",
    kind="identity",
    method="exact: expansion of the difference with an undefined α and an undefined F(v, w) gives 0",
    check=check_sum_of_squares,
    cross_check=CrossCheck(_sum_of_squares_numeric, 1e-25,
                           "mpmath at drawn points, α = r^γ with drawn γ ∈ [−3, 1], drawn smooth F", examples=10),
))


# --- Laplacian commutation ------------------------------------------------------------------

def laplacian_commutator(F: sp.Expr, alpha=lambda r: sp.Integer(1)) -> sp.Expr:
    """[Q, Δ_{R⁶}]F = Q(ΔF) − Δ(QF) for the lifted operator with profile α."""
    return commutator(lambda G: lifted_operator(G, SPACE, alpha), lambda G: laplacian(G, SPACE.coords), F)


def killing_commutes_with_laplacian(field: VectorField) -> bool:
    """[X·∇, Δ] = 0 for X with antisymmetric constant Jacobian and harmonic components.

    [X·∇, Δ]u = −2 Σ_{ij} ∂_jX_i ∂_i∂_j u − (ΔX)·∇u; the first sum is zero when DX is
    antisymmetric (Killing), the second when each X_i is harmonic.
    """
    jac = field.jacobian()
    constant = all(sp.diff(entry, x) == 0 for entry in jac for x in field.coords)
    harmonic = all(laplacian(c, field.coords) == 0 for c in field.components)
    return field.is_killing() and constant and harmonic


def check_laplacian_commutation() -> Outcome:
    F = generic_function(SPACE.coords)
    direct = sp.expand(laplacian_commutator(F))
    killing = {X.name: killing_commutes_with_laplacian(X) for X in B_TILDE}
    # Non-constant α: the power law r^γ, on the witness F = v1 w2. Every term of the
    # commutator is a polynomial times |z|^{γ−4+2j}; multiplying by |z|^{4−γ} leaves a
    # polynomial in (v, w, γ), which is compared exactly.
    gamma = sp.Symbol("gamma", real=True)
    alpha = power_law(gamma)
    r2 = norm_squared(SPACE.z)

    def polynomial_part(expr):
        return sp.expand(sp.powsimp(sp.expand(expr * r2 ** (2 - gamma / 2)), force=True))

    v1, w2 = SPACE.v.symbols[0], SPACE.w.symbols[1]
    witness = v1 * w2
    comm = polynomial_part(laplacian_commutator(witness, alpha))
    S_F = sum_of_squares(witness, B_TILDE)
    alpha_r = alpha(SPACE.r)
    leibniz = -laplacian(alpha_r, SPACE.coords) * S_F - 2 * (gradient(alpha_r, SPACE.coords).T * gradient(S_F, SPACE.coords))[0, 0]
    leibniz_matches = sp.expand(comm - polynomial_part(leibniz)) == 0
    # γ-values at which the commutator on the witness vanishes identically in (v, w):
    coeffs = sp.Poly(comm, *SPACE.coords.symbols).coeffs()
    vanishing_gammas = sorted({sol[gamma] for sol in sp.solve(coeffs, gamma, dict=True)}, key=str)
    ok = direct == 0 and all(killing.values())
    return Outcome("verified" if ok else "refuted", {
        "alpha_1_commutator_generic_F": str(direct),
        "b_tilde_killing_and_harmonic_hence_commute_with_laplacian": killing,
        "power_law_alpha_r^gamma": {
            "witness_F": str(witness),
            "commutator_on_witness_times_|z|^(4-gamma)": str(sp.factor(comm)),
            "equals_minus_lap_alpha_SF_minus_2_grad_alpha_grad_SF": leibniz_matches,
            "gammas_for_which_it_vanishes_identically": [str(g) for g in vanishing_gammas],
            "conclusion": "Q_α commutes with Δ_{R⁶} only for constant α among the power laws (γ = 0)",
        },
    })


def _laplacian_numeric(draw) -> mpmath.mpf:
    """Q(ΔF) symbolically; Δ(QF) by mpmath's numerical differentiation of the lambdified QF
    (a different route to the same number)."""
    F = draw_exponential_function(draw, SPACE.coords.symbols)
    point = [mpmath.mpf(draw(real(-2.0, 2.0))) for _ in range(6)]
    one = lambda r: sp.Integer(1)
    q_lap = mp_value(lifted_operator(laplacian(F, SPACE.coords), SPACE, one), dict(zip(SPACE.coords.symbols, point)))
    qf = sp.lambdify(SPACE.coords.symbols, lifted_operator(F, SPACE, one), modules="mpmath")
    lap_q = mpmath.mpf(0)
    for i in range(6):
        def along(t, i=i):
            shifted = list(point)
            shifted[i] = t
            return qf(*shifted)
        lap_q += mpmath.diff(along, point[i], 2)
    return relative_residual(q_lap, lap_q)


register(Identity(
    id="laplacian-commutation",
    title="QΔ = ΔQ on R⁶ for Maxwell molecules (α ≡ 1); fails for α = r^γ, γ ≠ 0",
    statement=r"Q\Delta_{v,w}u = \Delta_{v,w}Qu \quad (\alpha \equiv 1)",
    reference="004_b333c7817a08033b.txt §5, proof of Theorem 2, Step 1",
    kind="identity",
    method="exact: expansion on a generic F(v, w); independently, b̃_k are linear Killing fields with harmonic components; witness for r^γ",
    check=check_laplacian_commutation,
    cross_check=CrossCheck(_laplacian_numeric, 1e-25,
                           "mpmath: Q(ΔF) symbolically vs Δ(QF) by numerical differentiation, at drawn points, for drawn F = e^{a·x}(1 + b·x): "
                           "on exponentials a differential operator with polynomial coefficients "
                           "shows its full symbol", examples=8),
))


# --- Laplace–Beltrami on the sphere -----------------------------------------------------------

Z3 = Coordinates.named("z", 3)
R, THETA, PHI = sp.symbols("r theta phi", positive=True)
SPHERICAL = (sp.Matrix([R * sp.sin(THETA) * sp.cos(PHI), R * sp.sin(THETA) * sp.sin(PHI), R * sp.cos(THETA)]))


def spherical_components(field: VectorField) -> sp.Matrix:
    """Components of a field on R³_z in the coordinates (r, θ, φ): J⁻¹X(z(r, θ, φ))."""
    jac = SPHERICAL.jacobian([R, THETA, PHI])
    at = field.vector.subs(dict(zip(Z3.symbols, SPHERICAL)), simultaneous=True)
    return sp.simplify(jac.inv() * at)


def sphere_laplacian(G: sp.Expr) -> sp.Expr:
    """Δ_{S²} in the angles (θ, φ): (1/sinθ)∂_θ(sinθ ∂_θ G) + (1/sin²θ)∂²_φ G."""
    return sp.diff(sp.sin(THETA) * sp.diff(G, THETA), THETA) / sp.sin(THETA) + sp.diff(G, PHI, 2) / sp.sin(THETA) ** 2


def relative_coordinates_pushforward(field: VectorField) -> sp.Matrix:
    """Components of a field on R⁶ in the coordinates (z, s) = (v − w, v + w), expressed in (z, s)."""
    T = sp.Matrix(sp.BlockMatrix([[sp.eye(3), -sp.eye(3)], [sp.eye(3), sp.eye(3)]]))
    zs = sp.Matrix(sp.symbols("z1:4 s1:4", real=True))
    vw = T.inv() * zs
    return (T * field.vector).subs(dict(zip(SPACE.coords.symbols, vw)), simultaneous=True).applyfunc(sp.expand)


def check_sphere_laplacian() -> Outcome:
    b3 = [b_field(k, Z3.vector, Z3) for k in (1, 2, 3)]
    pushed = {X.name: relative_coordinates_pushforward(X) for X in B_TILDE}
    expected = {f"b~{k}": (2 * b3[k - 1].vector).col_join(sp.zeros(3, 1)) for k in (1, 2, 3)}
    pushforward_ok = all((pushed[name] - expected[name]).is_zero_matrix for name in pushed)
    G = sp.Function("G")(R, THETA, PHI)
    total = sp.Integer(0)
    for X in b3:
        comps = spherical_components(X)
        apply = lambda h, c=comps: c[0] * sp.diff(h, R) + c[1] * sp.diff(h, THETA) + c[2] * sp.diff(h, PHI)
        total += apply(apply(G))
    residual = sp.simplify(total - sphere_laplacian(G))
    radial_free = all(spherical_components(X)[0] == 0 for X in b3)
    ok = pushforward_ok and residual == 0 and radial_free
    return Outcome("verified" if ok else "refuted", {
        "b~k_in_(z,s)_coordinates_equals_(2 b_k(z), 0)": pushforward_ok,
        "b_k_have_no_radial_component": radial_free,
        "sum_bk_squared_minus_sphere_laplacian_generic_G": str(residual),
        "conclusion": "Σ_k (b̃_k·∇)² g(v−w) = 4 Σ_k (b_k·∇)² g = 4 Δ_{S²} g at fixed |z|",
    })


def _sphere_numeric(draw) -> mpmath.mpf:
    g = draw_test_function(draw, Z3.symbols)
    point6 = draw_nonzero_vector(draw, 6, min_norm=0.1)
    values = dict(zip(SPACE.coords.symbols, point6))
    g_vw = g.subs(dict(zip(Z3.symbols, SPACE.z)), simultaneous=True)
    lhs = mp_value(sum_of_squares(g_vw, B_TILDE), values)
    z = [mpmath.mpf(point6[i]) - mpmath.mpf(point6[i + 3]) for i in range(3)]
    r = mpmath.sqrt(sum(c**2 for c in z))
    assume_positive = r > mpmath.mpf("1e-3")
    if not assume_positive:
        return mpmath.mpf(0)
    theta, phi = mpmath.acos(z[2] / r), mpmath.atan2(z[1], z[0])
    G = g.subs(dict(zip(Z3.symbols, SPHERICAL)), simultaneous=True)
    rhs = 4 * mp_value(sphere_laplacian(G), {R: r, THETA: theta, PHI: phi})
    return relative_residual(lhs, rhs)


register(Identity(
    id="sphere-laplace-beltrami",
    title="Σ_k (b̃_k·∇)² on functions of z = v − w is 4 Δ_{S²} in the direction of z",
    statement=r"\sum_{k=1}^3 (\tilde b_k\cdot\nabla)^2\, g(v-w) = 4\,(\Delta_{\mathbb{S}^2} g)(v-w)",
    reference="003_2ee84d6b3c804a54.txt Remark 1.7 (N = 2)",
    kind="identity",
    method="exact: pushforward to (v−w, v+w) coordinates, then spherical coordinates on a generic G(r, θ, φ)",
    check=check_sphere_laplacian,
    cross_check=CrossCheck(_sphere_numeric, 1e-20,
                           "mpmath: R⁶ operator on g(v−w) vs 4× spherical Laplace–Beltrami at the angles of z", examples=8),
))
