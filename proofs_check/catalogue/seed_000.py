"""Catalogue of 000_2c86dc742ea51118.txt (DESIGN.md §3): its numbered statements, in the paper's order."""
from . import Statement

SEED = "000_2c86dc742ea51118.txt"

STATEMENTS = (
    Statement("(2)", ids=("collision-invariants",)),
    Statement("Lemma 42", ids=("cross-product",)),
)
