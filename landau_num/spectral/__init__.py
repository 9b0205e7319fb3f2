"""Fast spectral Landau solver on a uniform grid (Pareschi, Russo, Toscani 2000; DESIGN.md §2):
the operator in :mod:`.operator`, the solver on the platform in :mod:`.solver`."""
