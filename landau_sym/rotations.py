"""Rotation of a vector about a unit axis by an angle (Rodrigues' formula).

R(k, θ)x = x cos θ + (k × x) sin θ + k (k·x)(1 − cos θ), the time-θ flow of the linear Killing
field x ↦ k × x (for |k| = 1); the tests check it against ``VectorField.flow``. Used by the
pair integrator of the particle system of 003_2ee84d6b3c804a54.txt, in which a pair's relative
velocity only turns.
"""
from __future__ import annotations

import sympy as sp


def rodrigues(x: sp.Matrix, axis: sp.Matrix, angle: sp.Expr) -> sp.Matrix:
    return x * sp.cos(angle) + axis.cross(x) * sp.sin(angle) + axis * (axis.dot(x)) * (1 - sp.cos(angle))
