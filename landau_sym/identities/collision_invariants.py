"""Collision invariants: the Landau gradient annihilates 1, v_i and |v|².

000_2c86dc742ea51118.txt, after (2): with ∇̃φ = |v − v*|^{1+γ/2} Π[v − v*](∇φ − ∇*φ*),
"∇̃φ = 0 when we choose as test functions φ = 1, v_i, |v|²", which gives conservation of mass,
momentum and energy through the weak form (2). Checked for a symbolic γ in d = 2 and 3, with a
non-invariant (|v|⁴) shown not to be annihilated, so the check can tell the difference.
"""
from __future__ import annotations

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..geometry import Coordinates
from ..operators import landau_gradient
from ..registry import CrossCheck, Identity, Outcome, mp_value, register
from ..sampling import draw_nonzero_vector, real

GAMMA = sp.Symbol("gamma", real=True)


def invariants(v: Coordinates) -> dict[str, sp.Expr]:
    r2 = sum(x**2 for x in v.symbols)
    return {"1": sp.Integer(1), **{str(x): x for x in v.symbols}, "|v|^2": r2}


def check_collision_invariants() -> Outcome:
    evidence = {}
    ok = True
    for d in (2, 3):
        v, vs = Coordinates.named("v", d), Coordinates.named("u", d)
        residuals = {name: landau_gradient(phi, v, vs, GAMMA).applyfunc(sp.simplify)
                     for name, phi in invariants(v).items()}
        r4 = sum(x**2 for x in v.symbols) ** 2
        not_invariant = not landau_gradient(r4, v, vs, GAMMA).applyfunc(sp.simplify).is_zero_matrix
        ok &= all(r.is_zero_matrix for r in residuals.values()) and not_invariant
        evidence[f"d={d}"] = {"landau_gradient_of": {k: str(r.T) for k, r in residuals.items()},
                              "|v|^4_is_not_annihilated": not_invariant}
    return Outcome("verified" if ok else "refuted", evidence)


def _invariants_numeric(draw) -> mpmath.mpf:
    d = draw(st.sampled_from([2, 3]))
    v, vs = Coordinates.named("v", d), Coordinates.named("u", d)
    point = draw_nonzero_vector(draw, 2 * d, min_norm=0.1)
    gamma = draw(real(-4.0, 1.0))
    values = dict(zip(v.symbols + vs.symbols, point))
    values[GAMMA] = gamma
    worst = mpmath.mpf(0)
    for phi in invariants(v).values():
        grad = landau_gradient(phi, v, vs, GAMMA)
        worst = max(worst, max(abs(mp_value(c, values)) if c.free_symbols else abs(mpmath.mpf(float(c))) for c in grad))
    return worst


register(Identity(
    id="collision-invariants",
    title="The Landau gradient ∇̃ annihilates φ = 1, v_i, |v|² (conservation of mass, momentum, energy)",
    statement=r"\tilde\nabla\phi = |v - v_*|^{1+\frac{\gamma}{2}}\Pi[v - v_*](\nabla\phi - \nabla_*\phi_*) = 0 \ \text{for}\ \phi = 1, v_i, |v|^2",
    reference="000_2c86dc742ea51118.txt (2) and the paragraph after it",
    kind="conservation law",
    method="exact: simplification to 0 for symbolic γ, d = 2 and 3; |v|⁴ as a negative control",
    check=check_collision_invariants,
    cross_check=CrossCheck(_invariants_numeric, 1e-25, "mpmath at drawn (v, v*) and γ ∈ [−4, 1]"),
))
