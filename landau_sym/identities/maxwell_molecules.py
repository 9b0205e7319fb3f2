"""The Maxwell-molecule reduction (α ≡ 1) of seed 004 §2, derived with symbolic moments.

004_b333c7817a08033b.txt Proposition 1: if ∫f(1, v, |v|²) = (1, 0, d) then
    A[f](v) = ∫ |v−w|²Π(v−w) f(w) dw = |v|²Π(v) + d I − P,    div A[f] = −(d − 1)v,
with P = ∫ w⊗w f the second-moment matrix. Proposition 2: P′ = −4d(P − I).

The second-moment law is derived here from the weak form of the Landau operator with
collision constant C (DESIGN.md §2), obtained by two integrations by parts:
    d/dt ∫φ f = C ∬ f(v)f(w) [A(v−w) : D²φ(v) + 2 (div A)(v−w)·∇φ(v)] dv dw,
A(z) = |z|²I − z⊗z, div A(z) = −(d−1)z, with φ = v_i v_j and the moments of f as symbols.
Under the normalisation this gives P′ = −4dC(P − I) (seed 004 has C = 1); for mass one and
zero mean but any energy it gives P′ = −4dC(P − (tr P/d) I), the law of the `aniso3d` case
(DESIGN.md §5), whose solution Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt} is checked too.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import assume
from hypothesis import strategies as st

from ..geometry import Coordinates, landau_kernel, projection
from ..moments import SymbolicMoments
from ..operators import matrix_divergence
from ..registry import CrossCheck, Identity, Outcome, register
from ..sampling import draw_vector, real

C = sp.Symbol("C", positive=True)
T = sp.Symbol("t", real=True)
MAXWELL = lambda r: sp.Integer(1)  # noqa: E731  (α ≡ 1)


def maxwell_matrix(moments: SymbolicMoments, v: Coordinates, w: Coordinates) -> sp.Matrix:
    """A[f](v) = ∫ |v−w|²Π(v−w) f(w) dw evaluated through the moments of f."""
    integrand = landau_kernel(v.vector - w.vector, MAXWELL)
    return integrand.applyfunc(lambda e: moments.expectation(e, w.symbols))


def check_maxwell_reduction() -> Outcome:
    evidence = {}
    ok = True
    for d in (2, 3):
        v, w = Coordinates.named("v", d), Coordinates.named("w", d)
        moments = SymbolicMoments(d, normalised=True)
        A = maxwell_matrix(moments, v, w)
        vv = v.vector
        claimed = (vv.T * vv)[0, 0] * projection(vv) + d * sp.eye(d) - moments.second
        residual = (A - claimed).applyfunc(sp.simplify)
        div_residual = (matrix_divergence(A, v) + (d - 1) * vv).applyfunc(sp.expand)
        general = maxwell_matrix(SymbolicMoments(d), v, w)
        ok &= residual.is_zero_matrix and div_residual.is_zero_matrix
        evidence[f"d={d}"] = {
            "A_minus_claimed": str(residual),
            "divA_plus_(d-1)v": str(div_residual),
            "A_without_normalisation": str(general),
        }
    return Outcome("verified" if ok else "refuted", evidence)


def _normalised_atoms(draw, d: int):
    """A random discrete probability measure on R^d moved to the normalisation (1, 0, d)."""
    count = draw(st.integers(d + 2, 6))
    weights = [mpmath.mpf(draw(real(0.1, 1.0))) for _ in range(count)]
    total = sum(weights)
    weights = [wt / total for wt in weights]
    atoms = [[mpmath.mpf(c) for c in draw_vector(draw, d)] for _ in range(count)]
    mean = [sum(wt * a[i] for wt, a in zip(weights, atoms)) for i in range(d)]
    centred = [[a[i] - mean[i] for i in range(d)] for a in atoms]
    energy = sum(wt * sum(c**2 for c in a) for wt, a in zip(weights, centred))
    assume(energy > mpmath.mpf("1e-6"))
    scale = mpmath.sqrt(d / energy)
    return weights, [[scale * c for c in a] for a in centred]


def _kernel(z):
    d = len(z)
    r2 = sum(c**2 for c in z)
    return [[(r2 if i == j else 0) - z[i] * z[j] for j in range(d)] for i in range(d)]


def _maxwell_numeric(draw) -> mpmath.mpf:
    """A[f](v) by direct summation over a drawn normalised discrete measure vs the formula."""
    d = draw(st.sampled_from([2, 3]))
    weights, atoms = _normalised_atoms(draw, d)
    v = [mpmath.mpf(c) for c in draw_vector(draw, d)]
    A = [[sum(wt * _kernel([v[k] - a[k] for k in range(d)])[i][j] for wt, a in zip(weights, atoms))
          for j in range(d)] for i in range(d)]
    P = [[sum(wt * a[i] * a[j] for wt, a in zip(weights, atoms)) for j in range(d)] for i in range(d)]
    formula = [[_kernel(v)[i][j] + (d if i == j else 0) - P[i][j] for j in range(d)] for i in range(d)]
    return max(abs(A[i][j] - formula[i][j]) for i in range(d) for j in range(d)) / (1 + sum(c**2 for c in v))


register(Identity(
    id="maxwell-reduction",
    title="Maxwell molecules: A[f] = |v|²Π(v) + dI − P and div A[f] = −(d−1)v",
    statement=r"A[f](v,t) = |v|^2 K(v) + d\,\mathrm{Id} - \mathbb{P}(t),\quad \operatorname{div}(A[f]) = -(d-1)v \quad\text{if } \int f(1,v,|v|^2) = (1,0,d)",
    reference="004_b333c7817a08033b.txt Proposition 1",
    kind="identity",
    method="exact: expectation of the kernel through symbolic moments, d = 2 and 3",
    check=check_maxwell_reduction,
    cross_check=CrossCheck(_maxwell_numeric, 1e-25,
                           "direct summation over drawn discrete measures normalised to (1, 0, d), mpmath"),
))


def weak_form_integrand(phi: sp.Expr, v: Coordinates, w: Coordinates) -> sp.Expr:
    """C[A(v−w) : D²φ(v) + 2(div A)(v−w)·∇φ(v)] for the Maxwell kernel A(z) = |z|²I − z⊗z."""
    d = v.dim
    z = v.vector - w.vector
    A = landau_kernel(z, MAXWELL)
    hess = sp.hessian(phi, v.symbols)
    grad = sp.Matrix([sp.diff(phi, x) for x in v.symbols])
    div_a = -(d - 1) * z
    return C * (sum(A[i, j] * hess[i, j] for i in range(d) for j in range(d)) + 2 * (div_a.T * grad)[0, 0])


def second_moment_rate(moments: SymbolicMoments, v: Coordinates, w: Coordinates) -> sp.Matrix:
    d = v.dim
    return sp.Matrix(d, d, lambda i, j: moments.pair_expectation(
        weak_form_integrand(v.symbols[i] * v.symbols[j], v, w), v.symbols, w.symbols))


def check_second_moment_law() -> Outcome:
    evidence = {}
    ok = True
    for d in (2, 3):
        v, w = Coordinates.named("v", d), Coordinates.named("w", d)
        normalised = SymbolicMoments(d, normalised=True)
        rate = second_moment_rate(normalised, v, w)
        seed_law = -4 * d * C * (normalised.second - sp.eye(d))
        residual = (rate - seed_law).applyfunc(sp.expand)
        # Mass one, zero mean, any energy (the aniso3d setting).
        free = SymbolicMoments(d)
        unit_mass = {sp.Symbol("M0", positive=True): 1, **{m: 0 for m in free.mean}}
        free_rate = second_moment_rate(free, v, w).subs(unit_mass)
        trace = sum(free.second[i, i] for i in range(d))
        isotropising = -4 * d * C * (free.second - trace / d * sp.eye(d))
        free_residual = (free_rate - isotropising).applyfunc(sp.expand)
        # The closed-form solution Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}, Σ∞ = (tr Σ₀/d) I.
        sigma0 = free.second
        sigma_inf = sum(sigma0[i, i] for i in range(d)) / d * sp.eye(d)
        sigma_t = sigma_inf - (sigma_inf - sigma0) * sp.exp(-4 * d * C * T)
        trace_t = sum(sigma_t[i, i] for i in range(d))
        ode_residual = (sigma_t.diff(T) + 4 * d * C * (sigma_t - trace_t / d * sp.eye(d))).applyfunc(sp.simplify)
        ok &= residual.is_zero_matrix and free_residual.is_zero_matrix and ode_residual.is_zero_matrix
        evidence[f"d={d}"] = {
            "dP/dt_derived_normalised": str(rate),
            "minus_seed_law_-4dC(P-I)": str(residual),
            "mass_one_zero_mean_minus_-4dC(P-trP/d I)": str(free_residual),
            "closed_form_solution_ode_residual": str(ode_residual),
        }
    return Outcome("verified" if ok else "refuted", evidence)


def _second_moment_numeric(draw) -> mpmath.mpf:
    """The weak form summed over pairs of atoms of a drawn normalised discrete measure (C = 1)."""
    d = draw(st.sampled_from([2, 3]))
    weights, atoms = _normalised_atoms(draw, d)
    P = [[sum(wt * a[i] * a[j] for wt, a in zip(weights, atoms)) for j in range(d)] for i in range(d)]
    worst = mpmath.mpf(0)
    for i in range(d):
        for j in range(d):
            rate = mpmath.mpf(0)
            for wp, ap in zip(weights, atoms):
                for wq, aq in zip(weights, atoms):
                    z = [ap[k] - aq[k] for k in range(d)]
                    A = _kernel(z)
                    # A:D²(v_i v_j) = 2A_ij;  2 divA·∇(v_i v_j) = −2(d−1)(z_i v_j + z_j v_i)
                    rate += wp * wq * (2 * A[i][j] - 2 * (d - 1) * (z[i] * ap[j] + z[j] * ap[i]))
            law = -4 * d * (P[i][j] - (1 if i == j else 0))
            worst = max(worst, abs(rate - law) / (1 + abs(law)))
    return worst


register(Identity(
    id="second-moment-law",
    title="Maxwell molecules: P′ = −4dC(P − I), and Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}",
    statement=r"\mathbb{P}'(t) = -4d(\mathbb{P}(t) - \mathrm{Id}),\quad \mathbb{P}(t) = \mathrm{Id} + e^{-4dt}(\mathbb{P}_{in} - \mathrm{Id})",
    reference="004_b333c7817a08033b.txt Proposition 2, (2.4); DESIGN.md §5 (aniso3d)",
    kind="rate",
    method="exact: weak form of the operator with symbolic moments of f ⊗ f, d = 2 and 3",
    check=check_second_moment_law,
    cross_check=CrossCheck(_second_moment_numeric, 1e-25,
                           "double sum of the weak form over drawn normalised discrete measures, mpmath"),
))
