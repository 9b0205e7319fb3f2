"""Input validation shared by the numeric layer: checks that name the bad value (DESIGN.md §6)."""
from __future__ import annotations

import math


def _is_real(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return not isinstance(value, (str, bytes, bool))


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
