"""Catalogue of 001_213bc0b3a2bddff3.txt (DESIGN.md §3): its numbered statements, in the paper's order."""
from . import Statement

SEED = "001_213bc0b3a2bddff3.txt"

STATEMENTS = (

)
