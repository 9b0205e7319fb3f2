"""Properties of the pair fields b̃_k and the Lie-bracket table of seed 004 §5.

- 003_2ee84d6b3c804a54.txt (11): the b̃_k are divergence free, orthogonal to n̂ = (v−w, w−v),
  and annihilate functions of |v − w|; hence α(|v−w|)b̃_k is divergence free too (used in
  004 §5 and 003 §3).
- 004_b333c7817a08033b.txt §5: [ẽ_i, b̃_k] = 0 and the printed table of [ê_i, b̃_k]. We compute
  every bracket among {ẽ_i, ê_i, b̃_k}, decompose each on that family (its structure constants),
  and compare with the printed table entry by entry.
"""
from __future__ import annotations

from itertools import product

import mpmath
import sympy as sp
from hypothesis import strategies as st

from ..geometry import PairSpace
from ..registry import CrossCheck, Identity, Outcome, mp_value, register, relative_residual
from ..sampling import draw_nonzero_vector, draw_test_function, real
from ..standard_fields import PAIR3, b_tilde, e_hat, e_tilde, n_hat
from ..vector_fields import VectorField, lie_bracket

SPACE = PAIR3


def pair_field_properties(fields: list[VectorField], space: PairSpace = SPACE) -> dict[str, list[str]]:
    """Residuals of the three properties (11) for each field: div, ·n̂, and ·∇β(|v−w|)."""
    beta = sp.Function("beta")
    alpha = sp.Function("alpha")
    normal = n_hat(space)
    out = {"divergence": [], "dot_n_hat": [], "derivative_of_beta_of_r": [], "divergence_of_alpha_times_field": []}
    for X in fields:
        out["divergence"].append(str(sp.simplify(X.divergence())))
        out["dot_n_hat"].append(str(sp.expand(X.dot(normal))))
        out["derivative_of_beta_of_r"].append(str(sp.simplify(X.apply(beta(space.r)))))
        weighted = alpha(space.r) * X
        out["divergence_of_alpha_times_field"].append(str(sp.simplify(weighted.divergence())))
    return out


def check_pair_fields() -> Outcome:
    props = pair_field_properties([b_tilde(k) for k in (1, 2, 3)])
    ok = all(r == "0" for values in props.values() for r in values)
    return Outcome("verified" if ok else "refuted", {"residuals_for_b~1,b~2,b~3": props})


def _pair_fields_numeric(draw) -> mpmath.mpf:
    point = draw_nonzero_vector(draw, 6)
    k = draw(st.integers(1, 3))
    c = sp.Rational(draw(st.integers(1, 9)), 4)
    beta_of_r = sp.exp(-c * SPACE.r) * sp.sin(SPACE.r)
    values = dict(zip(SPACE.coords.symbols, point))
    X = b_tilde(k)
    worst = mpmath.mpf(0)
    for expr in (X.apply(beta_of_r), X.dot(n_hat()), X.divergence()):
        worst = max(worst, abs(mp_value(expr, values)) if expr.free_symbols else abs(mpmath.mpf(float(expr))))
    return worst


register(Identity(
    id="b-tilde-properties",
    title="b̃_k are divergence free, orthogonal to n̂ and annihilate functions of |v−w|",
    statement=r"b_k \cdot \nabla_1 \beta(|v_1 - v_2|) = \tilde b_k \cdot \nabla_{12} \beta(|v_1 - v_2|) = 0,\ \operatorname{div}\tilde b_k = 0,\ \tilde b_k \perp (v-w, w-v)",
    reference="003_2ee84d6b3c804a54.txt (11); 004_b333c7817a08033b.txt §4–§5",
    kind="identity",
    method="exact: simplification to 0 with a generic β(|v−w|) and a generic α(|v−w|)",
    check=check_pair_fields,
    cross_check=CrossCheck(_pair_fields_numeric, 1e-25,
                           "mpmath at drawn points of R⁶ with β(r) = e^{−cr} sin r, drawn c"),
))


# --- the Lie-bracket table -------------------------------------------------------------

def bracket_family(space: PairSpace = SPACE) -> dict[str, VectorField]:
    fields = {}
    for i in (1, 2, 3):
        fields[f"e~{i}"] = e_tilde(i, space)
    for i in (1, 2, 3):
        fields[f"e^{i}"] = e_hat(i, space)
    for k in (1, 2, 3):
        fields[f"b~{k}"] = b_tilde(k, space)
    return fields


PRINTED_TABLE = {
    # 004_b333c7817a08033b.txt §5, as printed: row ê_i, column b̃_k, entry [ê_i, b̃_k].
    ("e^1", "b~1"): {}, ("e^1", "b~2"): {"e^3": -2}, ("e^1", "b~3"): {"e^2": 2},
    ("e^2", "b~1"): {"e^3": 2}, ("e^2", "b~2"): {}, ("e^2", "b~3"): {"e^1": -2},
    ("e^3", "b~1"): {"e^2": -2}, ("e^3", "b~2"): {"e^1": 2}, ("e^3", "b~3"): {},
    # "We have that [ẽ_i, b̃_k] = 0 for every i and k."
    **{(f"e~{i}", f"b~{k}"): {} for i in (1, 2, 3) for k in (1, 2, 3)},
}


def bracket_table(fields: dict[str, VectorField]) -> dict[tuple[str, str], dict[str, sp.Expr] | None]:
    """Every bracket [X, Y] (X before Y in the family's order) decomposed on the family."""
    names = list(fields)
    basis = [VectorField(f.components, f.coords, name) for name, f in fields.items()]
    table = {}
    for a, b in product(range(len(names)), repeat=2):
        if a >= b:
            continue
        bracket = lie_bracket(fields[names[a]], fields[names[b]])
        table[(names[a], names[b])] = bracket.decompose(basis)
    return table


def compare_with_printed(table, printed=PRINTED_TABLE) -> list[dict]:
    """Entry-by-entry comparison; a list of disagreements (empty when the table matches)."""
    disagreements = []
    for key, expected in printed.items():
        computed = table.get(key)
        computed_clean = {k: int(v) if v.is_Integer else str(v) for k, v in (computed or {}).items()}
        if computed is None or computed_clean != expected:
            disagreements.append({"entry": f"[{key[0]}, {key[1]}]", "printed": expected, "computed": computed_clean})
    return disagreements


def format_table(table) -> dict[str, str]:
    def fmt(combo):
        if combo is None:
            return "not in span"
        if not combo:
            return "0"
        return " + ".join(f"{c}·{name}" for name, c in combo.items())

    return {f"[{a},{b}]": fmt(c) for (a, b), c in table.items()}


def structure_constants(table) -> dict[str, str]:
    """Closed forms identified from the computed table (checked against it, not assumed)."""
    eps = lambda i, j, k: sp.LeviCivita(i, j, k)
    claims = {
        "[e^i, b~k] = 2 ε_{kij} e^j": all(
            (table[(f"e^{i}", f"b~{k}")] or {}) == {f"e^{j}": 2 * eps(k, i, j) for j in (1, 2, 3) if eps(k, i, j) != 0}
            for i in (1, 2, 3) for k in (1, 2, 3)),
        "[b~k, b~l] = −2 ε_{klm} b~m": all(
            (table[(f"b~{k}", f"b~{l}")] or {}) == {f"b~{m}": -2 * eps(k, l, m) for m in (1, 2, 3) if eps(k, l, m) != 0}
            for k in (1, 2, 3) for l in (1, 2, 3) if k < l),
        "[e~i, b~k] = 0, [e~i, e~j] = [e~i, e^j] = [e^i, e^j] = 0": all(
            table[key] == {} for key in table if not key[1].startswith("b~") or key[0].startswith("e~")),
    }
    return {k: "holds" if v else "fails" for k, v in claims.items()}


def check_bracket_table() -> Outcome:
    fields = bracket_family()
    table = bracket_table(fields)
    disagreements = compare_with_printed(table)
    killing = {name: f.is_killing() for name, f in fields.items()}
    t = sp.Symbol("t", real=True)
    flow_b1 = b_tilde(1).flow(t)
    flow_jacobian = flow_b1.jacobian(SPACE.coords.symbols)
    flow_is_isometry = (flow_jacobian.T * flow_jacobian - sp.eye(6)).applyfunc(sp.simplify).is_zero_matrix
    evidence = {
        "table": format_table(table),
        "structure_constants": structure_constants(table),
        "entries_compared_with_printed_table": len(PRINTED_TABLE),
        "disagreements_with_seed": disagreements,
        "killing_fields": killing,
        "flow_of_b~1_is_an_isometry_of_R6": flow_is_isometry,
    }
    return Outcome("verified" if not disagreements else "refuted", evidence)


def _bracket_numeric(draw) -> mpmath.mpf:
    """Checks a printed entry through the derivation identity
    e·∇(b·∇u) − b·∇(e·∇u) = [e, b]·∇u with a drawn test function u (independent of the
    component formula for the bracket)."""
    key = draw(st.sampled_from(sorted(PRINTED_TABLE)))
    fields = bracket_family()
    u = draw_test_function(draw, SPACE.coords.symbols)
    point = dict(zip(SPACE.coords.symbols, [draw(real(-2.0, 2.0)) for _ in range(6)]))
    a, b = fields[key[0]], fields[key[1]]
    lhs = a.apply(b.apply(u)) - b.apply(a.apply(u))
    rhs = sum((c * fields[name].apply(u) for name, c in PRINTED_TABLE[key].items()), sp.Integer(0))
    return relative_residual(mp_value(lhs, point), mp_value(rhs, point) if rhs != 0 else mpmath.mpf(0))


register(Identity(
    id="lie-bracket-table",
    title="Lie brackets among ẽ_i, ê_i, b̃_k against the table printed in seed 004 §5",
    statement=r"[\tilde e_i, \tilde b_k] = 0;\ [\hat e_1,\tilde b_2] = -2\hat e_3,\ [\hat e_1,\tilde b_3] = 2\hat e_2,\ [\hat e_2,\tilde b_1] = 2\hat e_3,\ [\hat e_2,\tilde b_3] = -2\hat e_1,\ [\hat e_3,\tilde b_1] = -2\hat e_2,\ [\hat e_3,\tilde b_2] = 2\hat e_1",
    reference="004_b333c7817a08033b.txt §5 (table of commutators)",
    kind="identity",
    method="exact: brackets by the component formula, decomposed on {ẽ, ê, b̃} with constant coefficients, compared entry by entry",
    check=check_bracket_table,
    cross_check=CrossCheck(_bracket_numeric, 1e-25,
                           "commutator of derivations on a drawn test function vs the printed entry, mpmath"),
))
