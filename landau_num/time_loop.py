"""The time loop shared by the solvers: steps, periodic diagnostics, and clean stops.

``integrate`` advances a state from t₀ to t₀ + T in ⌈T/Δt⌉ equal steps, calling
``advance(y, dt, k)`` for chunks of ``chunk`` steps (one step for the deterministic solvers, a
whole record interval for the ensemble SDE, whose numba kernel runs many steps at once). It
appends ``diagnostics(y, t)`` to the run record every ``record_every`` steps and at the end, and
stops cleanly, keeping the last good state, when a step fails to converge, produces a non-finite
state, or is interrupted (Ctrl-C). ``record.stop_reason`` says which.
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


def one_step_advance(step: Callable, rhs: Callable) -> Callable:
    """advance(y, dt, k) for a one-step method step(rhs, y, dt)."""
    def advance(y, dt, k):
        for _ in range(k):
            y = step(rhs, y, dt)
        return y
    return advance


def _step_label(first: int, last: int, t: float) -> str:
    return f"at step {last} (t={t:.6g})" if first == last else f"within steps {first}..{last} (t <= {t:.6g})"


def integrate(advance: Callable, y0: np.ndarray, t0: float, T: float, dt: float,
              diagnostics: Callable[[np.ndarray, float], dict], record: RunRecord, record_every: int = 1,
              progress_label: str | None = None, chunk: int = 1) -> tuple[np.ndarray, float]:
    steps, dt = step_count(T, dt)
    y, t = y0, t0
    record.append(**diagnostics(y, t))
    bar = ProgressBar(T, label=progress_label) if progress_label else None
    start = time.perf_counter()
    record.stop_reason = "completed"
    done = 0
    try:
        while done < steps:
            k = min(chunk, steps - done)
            where = _step_label(done + 1, done + k, t0 + (done + k) * dt)
            try:
                y_new = advance(y, dt, k)
            except ConvergenceError as exc:
                record.stop_reason = f"stopped {where}: {exc}"
                break
            if not np.all(np.isfinite(y_new)):
                record.stop_reason = f"non-finite state {where}; last good state kept"
                break
            y, done = y_new, done + k
            t = t0 + done * dt
            record.steps = done
            if done % record_every == 0 or done == steps:
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
