"""Catalogue of 002_5194c2b1fb63adc7.txt (DESIGN.md §3): its numbered statements, in the paper's order."""
from . import Statement

SEED = "002_5194c2b1fb63adc7.txt"

STATEMENTS = (
    Statement("(2.5)", ids=("cross-product",)),
)
