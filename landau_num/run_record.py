"""Run records (DESIGN.md §6): result.json, fields.npz, and why a run stopped.

A :class:`RunRecord` accumulates the diagnostic series of a run and writes
``DIR/result.json`` (case, solver, params, times, mass, momentum, energy, second_moments,
entropy, error_vs_exact, wall_seconds, steps, stop_reason) and ``DIR/fields.npz``. It is written
at the end of a run however the run ended: completed, interrupted, or stopped at a non-finite
state (the last good state is what is stored).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


def _jsonable(value):
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, (np.floating, np.integer)):
        return value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value


def relative_errors(numeric: np.ndarray, exact: np.ndarray) -> dict[str, float]:
    """Relative discrete L¹, L², L^∞ errors on a grid (DESIGN.md §5)."""
    diff = numeric - exact
    return {"error_l1": float(np.abs(diff).sum() / np.abs(exact).sum()),
            "error_l2": float(np.sqrt((diff**2).sum() / (exact**2).sum())),
            "error_linf": float(np.abs(diff).max() / np.abs(exact).max())}


@dataclass
class RunRecord:
    case: str
    solver: str
    params: dict
    series: dict[str, list] = field(default_factory=dict)
    steps: int = 0
    wall_seconds: float = 0.0
    stop_reason: str = "running"
    extra: dict = field(default_factory=dict)

    def append(self, **values) -> None:
        for key, value in values.items():
            self.series.setdefault(key, []).append(_jsonable(value))

    def as_dict(self) -> dict:
        out = {"case": self.case, "solver": self.solver, "params": {k: _jsonable(v) for k, v in self.params.items()},
               "steps": self.steps, "wall_seconds": self.wall_seconds, "stop_reason": self.stop_reason}
        out.update(self.series)
        out.update({k: _jsonable(v) for k, v in self.extra.items()})
        return out

    def collect_errors(self) -> None:
        """Move the per-time error series into ``error_vs_exact`` = {l1, l2, linf} (DESIGN.md §6)."""
        if "error_l1" in self.series:
            self.extra["error_vs_exact"] = {norm: self.series.pop(f"error_{norm}") for norm in ("l1", "l2", "linf")}

    def write(self, out_dir: Path, fields: dict[str, np.ndarray] | None = None) -> Path:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / "result.json"
        path.write_text(json.dumps(self.as_dict(), indent=1) + "\n")
        if fields:
            np.savez_compressed(out_dir / "fields.npz", **fields)
        return path
