"""The standard vector fields of seeds 003 and 004 (DESIGN.md §2).

On R³ with z = v − w:             b_k(z) = e_k × z                 (003 §1.4, 004 (4.4))
On R⁶ = R³_v × R³_w:               b̃_k = (b_k, −b_k)              (003 §2, 004 §4)
                                   ẽ_i = (e_i, e_i),  ê_i = (e_i, −e_i)   (004 §5)
                                   n̂ = (v − w, w − v)               (004 §5)

For general d the rotation generators b_{ij}(z) = z_j e_i − z_i e_j (i < j) play the role of the
b_k; for d = 3, (b_{23}, b_{13}, b_{12}) = (−b_1, b_2, −b_3) up to the ordering below.
"""
from __future__ import annotations

import sympy as sp

from .geometry import Coordinates, PairSpace, cross
from .vector_fields import VectorField, constant_field

PAIR3 = PairSpace(3)
"""The doubled space R⁶ with coordinates (v1, v2, v3, w1, w2, w3)."""


def unit_vector(i: int, d: int = 3) -> sp.Matrix:
    e = sp.zeros(d, 1)
    e[i] = 1
    return e


def b_field(k: int, z: sp.Matrix, coords: Coordinates) -> VectorField:
    """b_k(z) = e_k × z on R³, k ∈ {1, 2, 3} (seed 004_b333c7817a08033b.txt (4.4))."""
    _check_index(k, 3, "k")
    return VectorField.from_matrix(cross(unit_vector(k - 1), z), coords, name=f"b{k}")


def b_tilde(k: int, space: PairSpace = PAIR3) -> VectorField:
    """b̃_k = (b_k(v − w), −b_k(v − w)) on R⁶ (seed 003_2ee84d6b3c804a54.txt §2)."""
    _check_index(k, 3, "k")
    bk = cross(unit_vector(k - 1), space.z)
    return VectorField.from_matrix(bk.col_join(-bk), space.coords, name=f"b~{k}")


def e_tilde(i: int, space: PairSpace = PAIR3) -> VectorField:
    """ẽ_i = (e_i, e_i) (seed 004_b333c7817a08033b.txt §5)."""
    _check_index(i, space.d, "i")
    e = unit_vector(i - 1, space.d)
    return constant_field(e.col_join(e), space.coords, name=f"e~{i}")


def e_hat(i: int, space: PairSpace = PAIR3) -> VectorField:
    """ê_i = (e_i, −e_i) (seed 004_b333c7817a08033b.txt §5)."""
    _check_index(i, space.d, "i")
    e = unit_vector(i - 1, space.d)
    return constant_field(e.col_join(-e), space.coords, name=f"e^{i}")


def n_hat(space: PairSpace = PAIR3) -> VectorField:
    """n̂ = (v − w, w − v) (seed 004_b333c7817a08033b.txt §5)."""
    return VectorField.from_matrix(space.z.col_join(-space.z), space.coords, name="n^")


def rotation_generators(z: sp.Matrix, coords: Coordinates) -> list[VectorField]:
    """b_{ij}(z) = z_j e_i − z_i e_j for i < j: the general-d replacement for the b_k.

    Σ_{i<j} b_{ij} ⊗ b_{ij} = |z|²Π(z) in every dimension (the wedge form of the
    cross-product identity).
    """
    d = z.shape[0]
    fields = []
    for i in range(d):
        for j in range(i + 1, d):
            comp = z[j] * unit_vector(i, d) - z[i] * unit_vector(j, d)
            fields.append(VectorField.from_matrix(comp, coords, name=f"b{i + 1}{j + 1}"))
    return fields


def _check_index(index: int, upper: int, label: str):
    if not isinstance(index, int) or not 1 <= index <= upper:
        raise ValueError(f"{label} must be an integer in 1..{upper}, got {index!r}")
