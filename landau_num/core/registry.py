"""The table of solvers: ``landau run`` and :func:`landau_num.solve` read it, so a new solver
family registers here once (``@register`` on its :class:`~landau_num.core.solver.Solver`
subclass, and its module named in ``SOLVER_MODULES``) and gets the CLI, validation, records,
figures and the summary."""
from __future__ import annotations

import importlib

SOLVER_MODULES = {
    "blob": "landau_num.blob.solver",
    "spectral": "landau_num.spectral.solver",
    "maxwell": "landau_num.maxwell.solver",
    "sde": "landau_num.sde.solver",
    "boltzmann": "landau_num.boltzmann.solver",
    "fuzzy": "landau_num.fuzzy.solver",
}
"""Solver name → the module that defines and registers it (imported on first use, so that
``import landau_num`` compiles nothing)."""

_SOLVERS: dict[str, type] = {}


def register(cls):
    """Class decorator: add a Solver subclass to the table under ``cls.name``."""
    if cls.name not in SOLVER_MODULES:
        raise ValueError(f"solver {cls.name!r} must be listed in SOLVER_MODULES")
    _SOLVERS[cls.name] = cls
    return cls


def solver_names() -> list[str]:
    return list(SOLVER_MODULES)


def get_solver(name: str) -> type:
    if name not in SOLVER_MODULES:
        raise ValueError(f"unknown solver {name!r}; known solvers: {', '.join(SOLVER_MODULES)}")
    if name not in _SOLVERS:
        importlib.import_module(SOLVER_MODULES[name])
    return _SOLVERS[name]
