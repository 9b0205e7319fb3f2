"""Deterministic particle (blob) method for the ε-Landau equation (000_2c86dc742ea51118.txt §2, §5):
the particle system in :mod:`.system`, the solver on the platform in :mod:`.solver`."""
