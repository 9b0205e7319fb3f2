"""Exact positive-semidefiniteness of rational symmetric matrices.

``psd_certificate`` runs a symmetric Gaussian elimination (LDLᵀ with diagonal pivots) in exact
rational arithmetic. A symmetric matrix is positive semidefinite iff every pivot is ≥ 0 and a
zero pivot has a zero remaining row. When the test fails it returns an exact rational vector x
with xᵀMx < 0 — a counterexample, not a floating-point suspicion.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass
class PSDResult:
    is_psd: bool
    pivots: list[Fraction]
    witness: list[Fraction] | None  # xᵀMx < 0 when not PSD
    witness_value: Fraction | None


def quadratic_form(matrix: list[list[Fraction]], x: list[Fraction]) -> Fraction:
    n = len(x)
    return sum(x[i] * matrix[i][j] * x[j] for i in range(n) for j in range(n) if x[i] and x[j])


def psd_certificate(matrix: list[list[Fraction]]) -> PSDResult:
    n = len(matrix)
    work = [[Fraction(v) for v in row] for row in matrix]
    for i in range(n):
        for j in range(n):
            if work[i][j] != work[j][i]:
                raise ValueError(f"matrix is not symmetric at ({i}, {j})")
    original = [row[:] for row in work]
    # transform[i] is the vector u_i whose Gram entries u_iᵀ M u_j equal the current Schur
    # complement entries work[i][j] (i, j beyond the pivots taken so far).
    transform = [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
    pivots: list[Fraction] = []
    for k in range(n):
        pivot = work[k][k]
        pivots.append(pivot)
        if pivot < 0:
            x = transform[k]
            return PSDResult(False, pivots, x, quadratic_form(original, x))
        if pivot == 0:
            for j in range(k + 1, n):
                if work[k][j] != 0:
                    # On span{u_k, u_j}: q(t u_k + u_j) = 2t m_kj + m_jj, negative for suitable t.
                    t = -(abs(work[j][j]) + 1) / work[k][j]
                    x = [t * a + b for a, b in zip(transform[k], transform[j])]
                    return PSDResult(False, pivots, x, quadratic_form(original, x))
            continue
        for i in range(k + 1, n):
            factor = work[i][k] / pivot
            if factor == 0:
                continue
            for j in range(k, n):
                work[i][j] -= factor * work[k][j]
            transform[i] = [a - factor * b for a, b in zip(transform[i], transform[k])]
    return PSDResult(True, pivots, None, None)
