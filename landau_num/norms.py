"""Relative discrete error norms (DESIGN.md §5): the one home of the L¹, L², L^∞ errors that every
solver reports against an exact reference."""
from __future__ import annotations

import numpy as np


def relative_errors(numeric, exact, axis=None, prefix: str = "") -> dict:
    """{l1, l2, linf}: ‖numeric − exact‖_p / ‖exact‖_p over all entries (``axis=None``) or along
    ``axis`` (then each value is an array). ``prefix`` is prepended to the keys (e.g. ``error_``,
    the form a run's diagnostics use)."""
    numeric, exact = np.asarray(numeric, dtype=float), np.asarray(exact, dtype=float)
    diff = numeric - exact
    out = {"l1": np.abs(diff).sum(axis=axis) / np.abs(exact).sum(axis=axis),
           "l2": np.sqrt((diff**2).sum(axis=axis) / (exact**2).sum(axis=axis)),
           "linf": np.abs(diff).max(axis=axis) / np.abs(exact).max(axis=axis)}
    if axis is None:
        out = {key: float(value) for key, value in out.items()}
    return {prefix + key: value for key, value in out.items()}
