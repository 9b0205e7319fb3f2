"""Exact solver of the Maxwell-molecule (γ = 0) Landau equation in Hermite coefficients.

For α ≡ 1 the matrix ā = A∗f is a quadratic polynomial in v built from the mass, momentum and
second moments of f (004_b333c7817a08033b.txt Proposition 1, (2.3)), and the second moments
relax in closed form (004 Proposition 2): the equation becomes linear, and its Hermite
coefficients of degree ≤ N form a closed system solved exactly. The mathematics is in
:mod:`.hermite`, the solver on the platform (``landau run maxwell``) in :mod:`.solver`.
"""
