"""Catalogue of 004_b333c7817a08033b.txt (DESIGN.md §3): its numbered statements, in the paper's order."""
from . import Statement

SEED = "004_b333c7817a08033b.txt"

STATEMENTS = (
    Statement("Proposition 1", ids=("maxwell-reduction",)),
    Statement("Proposition 2", ids=("second-moment-law",)),
    Statement("Lemma 2", ids=("hermite-recurrences", "gaussian-poincare-weighted", "gaussian-poincare-mean-zero")),
    Statement("(4.2)", ids=("lifted-operator-sum-of-squares",)),
    Statement("(4.4)", ids=("b-fields-decompose-kernel",)),
    Statement("(4.5)", ids=("lifted-operator-sum-of-squares",)),
    Statement("§4–§5, the lifted fields b̃_k", ids=("b-tilde-properties",)),
    Statement("§5, table of commutators", ids=("lie-bracket-table",)),
    Statement("§5, Theorem 2 Step 1 (Laplacian commutation)", ids=("laplacian-commutation",)),
)
