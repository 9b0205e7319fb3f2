"""Input validation shared by the whole numeric layer: checks that name the bad value and the
allowed range (DESIGN.md §6). Every parameter check in ``landau_num`` goes through these
functions; the declarative solver parameters (:mod:`landau_num.core.parameters`) call them too.
"""
from __future__ import annotations

import math
from collections.abc import Iterable


def _is_real(value) -> bool:
    if isinstance(value, (str, bytes, bool)):
        return False
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _is_integer(value) -> bool:
    import numpy as np

    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def require_finite(**parameters) -> None:
    """ValueError naming the first parameter that is not a finite real number."""
    for key, value in parameters.items():
        if not (_is_real(value) and math.isfinite(float(value))):
            raise ValueError(f"parameter {key} must be a finite real number, got {value!r}")


def require_positive(label: str, value, optional: bool = False) -> None:
    """ValueError "<label> must be finite and > 0, got <value>" unless value is a finite positive
    real (or None, when ``optional``)."""
    if optional and value is None:
        return
    if not (_is_real(value) and math.isfinite(float(value)) and float(value) > 0):
        raise ValueError(f"{label} must be finite and > 0, got {value!r}")


def require_real(label: str, value, low: float | None = None, high: float | None = None,
                 low_open: bool = False) -> None:
    """ValueError unless value is a finite real in [low, high] (``(low, high]`` when ``low_open``)."""
    ok = _is_real(value) and math.isfinite(float(value))
    if ok and low is not None:
        ok = float(value) > low if low_open else float(value) >= low
    if ok and high is not None:
        ok = float(value) <= high
    if not ok:
        raise ValueError(f"{label} must be {describe_real_range(low, high, low_open)}, got {value!r}")


def require_integer(label: str, value, low: int | None = None, high: int | None = None) -> None:
    """ValueError unless value is an integer (not a bool) in [low, high]."""
    ok = _is_integer(value) and (low is None or value >= low) and (high is None or value <= high)
    if not ok:
        raise ValueError(f"{label} must be {describe_integer_range(low, high)}, got {value!r}")


def require_choice(label: str, value, choices: Iterable) -> None:
    """ValueError unless value is one of ``choices``."""
    choices = tuple(choices)
    if value not in choices:
        raise ValueError(f"{label} must be one of {', '.join(map(str, choices))}, got {value!r}")


def describe_real_range(low, high, low_open: bool = False) -> str:
    if low is None and high is None:
        return "a finite real number"
    if high is None:
        return f"a finite real number {'>' if low_open else '>='} {low:g}"
    if low is None:
        return f"a finite real number <= {high:g}"
    return f"a real number in {'(' if low_open else '['}{low:g}, {high:g}]"


def describe_integer_range(low, high) -> str:
    if low is None and high is None:
        return "an integer"
    if high is None:
        return f"an integer >= {low}"
    if low is None:
        return f"an integer <= {high}"
    return f"an integer in [{low}, {high}]"
