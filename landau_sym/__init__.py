"""landau_sym — the symbolic layer of the Landau toolkit (sympy only).

States the objects of the seed papers (fields, kernels, operators, Hermite machinery), verifies
the identities the papers rely on (:mod:`landau_sym.identities`, run with ``landau verify``),
and generates the numba kernels of the numeric layer.
"""
