"""The cross-product identity and the b_k decomposition of the Landau kernel.

- 002_5194c2b1fb63adc7.txt (2.5) and 000_2c86dc742ea51118.txt Lemma 42:
      |x|²(y·Π_x y) = |x × y|²  for x, y ∈ R³,
  and its wedge form |x|²(y·Π_x y) = |x ∧ y|² in every dimension.
- 004_b333c7817a08033b.txt §1 (and (4.4)), 003_2ee84d6b3c804a54.txt §1.4:
      Σ_k b_k ⊗ b_k = |z|²Π(z),   a(z):ξ⊗ξ = α(|z|) Σ_k (b_k(z)·ξ)².
"""
from __future__ import annotations

import mpmath
import sympy as sp

from ..geometry import GENERIC_ALPHA, Coordinates, cross, landau_kernel, norm_squared, projection, wedge
from ..registry import CrossCheck, Identity, Outcome, is_zero, mp_value, register, relative_residual
from ..sampling import draw_nonzero_vector, draw_vector, real
from ..standard_fields import b_field, rotation_generators

X3 = Coordinates.named("x", 3)
Y3 = Coordinates.named("y", 3)


def cross_product_residual(x: sp.Matrix, y: sp.Matrix, product=cross) -> sp.Expr:
    """|x|²(y·Π_x y) − |product(x, y)|²; zero for product = cross in R³ (or wedge in R^d)."""
    lhs = norm_squared(x) * (y.T * projection(x) * y)[0, 0]
    return lhs - norm_squared(product(x, y))


def check_cross_product() -> Outcome:
    residual = sp.simplify(cross_product_residual(X3.vector, Y3.vector))
    wedge_dims = {}
    for d in (2, 3, 4, 5):
        x, y = Coordinates.named("x", d).vector, Coordinates.named("y", d).vector
        wedge_dims[str(d)] = str(sp.simplify(cross_product_residual(x, y, wedge)))
    ok = residual == 0 and all(r == "0" for r in wedge_dims.values())
    return Outcome(
        "verified" if ok else "refuted",
        {"residual": str(residual), "wedge_form_residual_by_dimension": wedge_dims},
    )


def _cross_product_numeric(draw) -> mpmath.mpf:
    x = draw_nonzero_vector(draw, 3)
    y = draw_vector(draw, 3)
    values = dict(zip(X3.symbols + Y3.symbols, x + y))
    x_m = sp.Matrix(X3.symbols)
    y_m = sp.Matrix(Y3.symbols)
    lhs = mp_value(norm_squared(x_m) * (y_m.T * projection(x_m) * y_m)[0, 0], values)
    xv, yv = mpmath.matrix(x), mpmath.matrix(y)
    cx = [xv[1] * yv[2] - xv[2] * yv[1], xv[2] * yv[0] - xv[0] * yv[2], xv[0] * yv[1] - xv[1] * yv[0]]
    return relative_residual(lhs, sum(c**2 for c in cx))


register(Identity(
    id="cross-product",
    title="Cross-product identity |x|²(y·Π_x y) = |x×y|² (and its wedge form in any d)",
    statement=r"|x|^2 (y \cdot \Pi_{x^\perp} y) = |x \times y|^2 \quad \forall x, y \in \mathbb{R}^3",
    reference="002_5194c2b1fb63adc7.txt (2.5); 000_2c86dc742ea51118.txt Lemma 42",
    kind="identity",
    method="exact: simplification of the difference to 0 (d = 3, and the wedge form for d = 2..5)",
    check=check_cross_product,
    cross_check=CrossCheck(_cross_product_numeric, 1e-25,
                           "mpmath at drawn x, y ∈ R³; cross product computed componentwise"),
))


def b_squares_residual(fields, z: sp.Matrix) -> sp.Matrix:
    """Σ_k b_k⊗b_k − |z|²Π(z) for the given fields (zero for the b_k of seed 004 (4.4))."""
    total = sp.zeros(z.shape[0], z.shape[0])
    for b in fields:
        total += b.vector * b.vector.T
    return (total - norm_squared(z) * projection(z)).applyfunc(sp.simplify)


def kernel_quadratic_form_residual(fields, z: sp.Matrix, xi: sp.Matrix, alpha=GENERIC_ALPHA) -> sp.Expr:
    """a(z):ξ⊗ξ − α(|z|)Σ_k (b_k(z)·ξ)²."""
    a = landau_kernel(z, alpha)
    lhs = (xi.T * a * xi)[0, 0]
    rhs = alpha(sp.sqrt(norm_squared(z))) * sum(b.dot(xi) ** 2 for b in fields)
    return sp.expand(lhs - rhs)


def standard_b_fields(z_coords: Coordinates = X3):
    return [b_field(k, z_coords.vector, z_coords) for k in (1, 2, 3)]


def check_b_squares() -> Outcome:
    z, xi = X3.vector, Y3.vector
    fields = standard_b_fields()
    matrix_residual = b_squares_residual(fields, z)
    form_residual = kernel_quadratic_form_residual(fields, z, xi)
    general = {}
    for d in (2, 3, 4):
        zc = Coordinates.named("x", d)
        general[str(d)] = str(b_squares_residual(rotation_generators(zc.vector, zc), zc.vector).is_zero_matrix)
    ok = matrix_residual.is_zero_matrix and is_zero(form_residual)
    return Outcome(
        "verified" if ok else "refuted",
        {
            "sum_b_tensor_b_minus_z2_Pi": str(matrix_residual),
            "a_colon_xi_xi_minus_alpha_sum_bxi2": str(form_residual),
            "rotation_generators_b_ij_decompose_z2_Pi_in_dimension": general,
        },
    )


def _b_squares_numeric(draw) -> mpmath.mpf:
    z = [mpmath.mpf(c) for c in draw_nonzero_vector(draw, 3)]
    xi = [mpmath.mpf(c) for c in draw_vector(draw, 3)]
    gamma = mpmath.mpf(draw(real(-3.0, 1.0)))
    zm, xim = mpmath.matrix(z), mpmath.matrix(xi)
    r = mpmath.sqrt(sum(c**2 for c in z))
    alpha = r**gamma
    a = mpmath.matrix(3, 3)
    for i in range(3):
        for j in range(3):
            a[i, j] = alpha * ((r**2 if i == j else 0) - zm[i] * zm[j])
    lhs = sum(a[i, j] * xim[i] * xim[j] for i in range(3) for j in range(3))
    values = dict(zip(X3.symbols + Y3.symbols, z + xi))
    rhs = alpha * sum(mp_value(b.dot(Y3.vector) ** 2, values) for b in standard_b_fields())
    return relative_residual(lhs, rhs)


register(Identity(
    id="b-fields-decompose-kernel",
    title="Σ_k b_k⊗b_k = |z|²Π(z) and a(z):ξ⊗ξ = α Σ_k (b_k·ξ)²",
    statement=r"|v-w|^2 K(v-w) = \sum_{k=1}^3 b_k(v-w) \otimes b_k(v-w), \quad a(z):\xi\otimes\xi = \alpha(|z|)\sum_k (b_k(z)\cdot\xi)^2",
    reference="004_b333c7817a08033b.txt §1 and (4.4); 003_2ee84d6b3c804a54.txt §1.4",
    kind="identity",
    method="exact: matrix difference simplifies to 0, generic α; rotation generators b_ij in d = 2, 3, 4",
    check=check_b_squares,
    cross_check=CrossCheck(_b_squares_numeric, 1e-25,
                           "mpmath at drawn z, ξ ∈ R³ and α = r^γ with drawn γ ∈ [−3, 1]"),
))
