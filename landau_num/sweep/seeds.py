"""Seeds of the runs of a sweep (DESIGN.md §2, §8, §9): ``numpy.random.SeedSequence(root).spawn``.

Run k of the sweep (points in grid order, replicas innermost: k = point·R + replica) gets the
k-th child of ``SeedSequence(root)``, i.e. ``SeedSequence(root, spawn_key=(k,))``, and from it one
integer: the first 64-bit word of ``generate_state``, shifted right by one bit so that it fits a
signed 64-bit integer (the aggregate stores it as int64; 63 bits keep the chance that two of a
million runs share a seed below 1e-7). The integer is what the run's ``seed`` parameter receives,
so that ``landau run SOLVER … --seed <that integer>`` repeats the run alone, and it is recorded in
the run record and the sweep's manifest. The seeds depend on the root, the grid and the number of
replicas only: never on the number of workers or on the order in which points finish.
"""
from __future__ import annotations

import numpy as np

from ..core.parameters import specs
from ..validation import require_integer

SEED_PARAMETER = "seed"
"""The declared parameter through which a solver takes its random seed."""


def is_seeded(parameters_type) -> bool:
    """Whether a solver draws random numbers (declares a ``seed`` parameter)."""
    return SEED_PARAMETER in specs(parameters_type)


def spawned_seeds(root: int, count: int) -> list[int]:
    """The seeds of ``count`` runs from ``SeedSequence(root).spawn(count)`` (module docstring)."""
    require_integer("--seed-root", root, 0)
    children = np.random.SeedSequence(root).spawn(count)
    return [int(child.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1)) for child in children]
