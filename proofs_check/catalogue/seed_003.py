"""Catalogue of 003_2ee84d6b3c804a54.txt (DESIGN.md §3): its numbered statements, in the paper's order."""
from . import Statement

SEED = "003_2ee84d6b3c804a54.txt"

STATEMENTS = (
    Statement("§1.4, the kernel as a sum over b_k", ids=("b-fields-decompose-kernel",)),
    Statement("(11)", ids=("b-tilde-properties",)),
    Statement("(12)", ids=("lifted-operator-sum-of-squares",)),
    Statement("Remark 1.7", ids=("sphere-laplace-beltrami",)),
)
