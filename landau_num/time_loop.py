"""The time loop shared by the solvers: steps, periodic diagnostics, and clean stops.

``integrate`` advances y′ = F(y) with a one-step method from t₀ to t₀ + T in ⌈T/Δt⌉ equal
steps, appends ``diagnostics(y, t)`` to the run record every ``record_every`` steps (and at the
end), and stops cleanly, keeping the last good state, when a step fails to converge, produces a
non-finite state, or is interrupted (Ctrl-C). ``record.stop_reason`` says which.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from .progress import ProgressBar
from .run_record import RunRecord
from .time_integration import ConvergenceError


def step_count(T: float, dt: float) -> tuple[int, float]:
    """(number of steps, the equal step that reaches T exactly)."""
    steps = int(math.ceil(T / dt - 1e-9))
    return steps, T / steps


def integrate(step: Callable, rhs: Callable, y0: np.ndarray, t0: float, T: float, dt: float,
              diagnostics: Callable[[np.ndarray, float], dict], record: RunRecord, record_every: int = 1,
              progress_label: str | None = None) -> tuple[np.ndarray, float]:
    steps, dt = step_count(T, dt)
    y, t = y0, t0
    record.append(**diagnostics(y, t))
    bar = ProgressBar(T, label=progress_label) if progress_label else None
    start = time.perf_counter()
    record.stop_reason = "completed"
    try:
        for k in range(1, steps + 1):
            try:
                y_new = step(rhs, y, dt)
            except ConvergenceError as exc:
                record.stop_reason = f"stopped at step {k} (t={t + dt:.6g}): {exc}"
                break
            if not np.all(np.isfinite(y_new)):
                record.stop_reason = f"non-finite state at step {k} (t={t + dt:.6g}); last good state kept"
                break
            y, t = y_new, t0 + k * dt
            record.steps = k
            if k % record_every == 0 or k == steps:
                record.append(**diagnostics(y, t))
            if bar:
                bar.update(t - t0, f"t={t:.3g}")
    except KeyboardInterrupt:
        record.stop_reason = f"interrupted at step {record.steps} (t={t:.6g}); last good state kept"
    finally:
        if bar:
            bar.close()
    record.wall_seconds = time.perf_counter() - start
    return y, t
