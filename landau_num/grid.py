"""Uniform cell-centred grids on [−L, L]^d (the particle and quadrature grid of the blob method).

DESIGN.md §5: n cells per side, h = 2L/n, centres u_i = −L + (i + ½)h. Points are stored in
C order (the last axis fastest), as an (n^d, d) array.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from .validation import require_positive


@dataclass(frozen=True)
class CellGrid:
    d: int
    n: int
    L: float

    def __post_init__(self):
        if self.d not in (2, 3):
            raise ValueError(f"d must be 2 or 3, got {self.d!r}")
        if not isinstance(self.n, (int, np.integer)) or self.n < 2:
            raise ValueError(f"n (cells per side) must be an integer >= 2, got {self.n!r}")
        require_positive("L (half-width of the box)", self.L)

    @property
    def h(self) -> float:
        return 2 * self.L / self.n

    @property
    def cell_volume(self) -> float:
        return self.h**self.d

    @cached_property
    def axis(self) -> np.ndarray:
        return -self.L + (np.arange(self.n) + 0.5) * self.h

    @cached_property
    def points(self) -> np.ndarray:
        mesh = np.meshgrid(*([self.axis] * self.d), indexing="ij")
        return np.stack([m.ravel() for m in mesh], axis=1)

    @property
    def size(self) -> int:
        return self.n**self.d
