"""Access to the generated kernels, with the input validation the jitted functions cannot afford.

``get_kernel("landau_matrix", d=3)`` returns the numba function ``landau_matrix_3d`` from
``landau_num._generated`` (importing, and so compiling, only the module that holds it).
Names without a dimension (``alpha_cutoff``, ``hermite_orthonormal_1d``, ``rotate_about_axis``)
are looked up with ``d=None``.
"""
from __future__ import annotations

import importlib

from ._generated import KERNEL_MODULES

DIMENSIONS = (2, 3)
_MODULE_OF = {name: module for module, names in KERNEL_MODULES.items() for name in names}


def kernel_names() -> list[str]:
    return sorted(_MODULE_OF)


def get_kernel(name: str, d: int | None = None):
    """The generated kernel ``name`` (``name_{d}d`` when d is given); ValueError naming the bad value."""
    if d is not None and d not in DIMENSIONS:
        raise ValueError(f"d must be one of {DIMENSIONS}, got {d!r}")
    full = f"{name}_{d}d" if d is not None else name
    if full not in _MODULE_OF:
        raise ValueError(f"unknown kernel {full!r}; available kernels: {', '.join(kernel_names())}")
    module = importlib.import_module(f"{__package__}._generated.{_MODULE_OF[full]}")
    return getattr(module, full)

