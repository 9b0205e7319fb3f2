"""The one run driver every solver uses (DESIGN.md §6).

Order of events of :func:`run`:

1. the output directory is checked and created before anything is computed
   (:func:`prepare_output`: not a file, writable, no earlier record unless ``resume`` or
   ``overwrite``);
2. a new run records the initial diagnostics; a resumed run reads ``result.json`` and
   ``checkpoint.npz``, checks that solver, case and parameters are those of the record, and
   continues from the checkpointed state (the same steps and the same random numbers follow,
   so the result equals an uninterrupted run: bit for bit for the deterministic solvers);
3. the time loop advances ``chunk`` steps at a time; after each chunk the state must be finite,
   and at each record time the solver's invariants must stay within the relative drift it
   states, otherwise the run stops (a blow-up that stays finite is still a blow-up). SIGINT and
   SIGTERM set a flag: the run stops at the next step boundary. ``result.json`` is rewritten at
   every record time and the state is checkpointed every ``checkpoint_seconds``;
4. at the end, however the run ended, the last good state is checkpointed, the solver's results
   and the given ``checks`` go into the summary, and ``result.json``, ``record.nc`` and the
   figures are written. ``summary.stop_reason`` says why the run ended.
"""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..time_integration import ConvergenceError
from .progress import Progress
from .provenance import provenance
from .record import RESULT_FILE, RunRecord, dumps_strict, strict, write_atomic

CHECKPOINT_FILE = "checkpoint.npz"
CHECKPOINT_SECONDS = 30.0


# --- the output directory ------------------------------------------------------------------------

def prepare_output(out_dir, resume: bool = False, overwrite: bool = False, create: bool = True) -> Path | None:
    """Check (and, with ``create``, create) the output directory before computing; ValueError
    naming the problem. With ``create=False`` nothing is touched: the command line checks the
    directory first, then validates and sets up the solver, then creates it."""
    if out_dir is None:
        if resume:
            raise ValueError("--resume needs the directory of the run to continue (--out DIR)")
        return None
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} exists and is not a directory")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ValueError(f"--out {out} lies under {parent}, which is a file")
            if not out.exists() and not os.access(parent, os.W_OK | os.X_OK):
                raise ValueError(f"--out {out} cannot be created: {parent} is not writable")
            break
    if resume:
        for name in (RESULT_FILE, CHECKPOINT_FILE):
            if not (out / name).is_file():
                raise ValueError(f"--resume: {out} holds no {name} of a stopped run")
    elif (out / RESULT_FILE).exists() and not overwrite:
        raise ValueError(f"--out {out} already holds a run record; continue it with --resume, replace it "
                         f"with --overwrite, or choose another directory")
    if not create:
        return out
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-probe"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise ValueError(f"--out {out} is not writable: {exc.strerror or exc}") from None
    if overwrite and not resume:
        for name in (RESULT_FILE, CHECKPOINT_FILE):
            (out / name).unlink(missing_ok=True)
    return out


# --- signals ---------------------------------------------------------------------------------------

class StopRequest:
    """Set by SIGINT/SIGTERM while a run is in progress; the loop stops at the next step."""

    def __init__(self):
        self.signal_name: str | None = None
        self._previous = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def _handle(self, signum, frame):
        self.signal_name = signal.Signals(signum).name

    def __exit__(self, *exc):
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        return False

    @property
    def requested(self) -> bool:
        return self.signal_name is not None


# --- checkpoints -----------------------------------------------------------------------------------

def write_checkpoint(out: Path, y: np.ndarray, meta: dict) -> None:
    def writer(tmp):
        with open(tmp, "wb") as handle:
            np.savez(handle, state=y, meta=np.array(dumps_strict(meta)))
    write_atomic(out / CHECKPOINT_FILE, writer=writer)


def read_checkpoint(out: Path) -> tuple[np.ndarray, dict]:
    with np.load(out / CHECKPOINT_FILE) as data:
        return data["state"].copy(), json.loads(str(data["meta"]))


# --- drift of the invariants ----------------------------------------------------------------------

def invariant_drifts(record: RunRecord, invariants: dict[str, float]) -> dict[str, float]:
    """Relative drift of each invariant at the last record against the first. Momentum (a vector
    that may vanish) is measured against √(mass·energy), its natural scale."""
    out = {}
    series = record.series
    for name in invariants:
        if name not in series or len(series[name]) < 2:
            continue
        first, last = np.asarray(series[name][0], dtype=float), np.asarray(series[name][-1], dtype=float)
        if name == "momentum":
            scale = np.sqrt(abs(float(series["mass"][0]) * float(series["energy"][0])))
        else:
            scale = np.abs(first).max()
        out[name] = float(np.abs(last - first).max() / scale) if scale > 0 else float(np.abs(last - first).max())
    return out


def _blow_up(drifts: dict[str, float], invariants: dict[str, float]) -> str | None:
    for name, drift in drifts.items():
        if not drift <= invariants[name]:
            return f"{name} drifted by {drift:.3g} (relative), beyond the solver's tolerance {invariants[name]:.1g}"
    return None


# --- the run -------------------------------------------------------------------------------------

def run(solver, out_dir=None, *, resume: bool = False, overwrite: bool = False, figures: bool = True,
        progress: bool = False, checkpoint_seconds: float = CHECKPOINT_SECONDS,
        checks: Callable[[RunRecord], dict] | None = None, command: list[str] | None = None) -> RunRecord:
    """Run ``solver`` to its final time and return its record (module docstring). ``checks`` maps
    a finished record to {name: {"ok": bool, ...evidence}}, stored in ``summary.checks``."""
    out = prepare_output(out_dir, resume, overwrite)
    tg = solver.time
    record = RunRecord(solver=solver.name, case=solver.case.name, params=strict(solver.all_params()),
                       provenance=provenance(command))
    if resume:
        y, done, wall_before = _resume(solver, record, out)
    else:
        y, done, wall_before = solver.y0.copy(), 0, 0.0
        record.append(solver.diagnostics(y, tg.t0))
        if out is not None:
            record.write_json(out)
    on_cadence = len(record)
    t = tg.time_at(done)
    good = (y, done, t)
    recorded = done
    reason = None
    bar = Progress(tg.T, label=f"{solver.name} {solver.case.name}") if progress else None
    start = last_checkpoint = time.perf_counter()
    with StopRequest() as stop:
        try:
            while done < tg.steps:
                if stop.requested:
                    reason = f"stopped by {stop.signal_name} at step {done} (t={t:.6g}); last good state kept"
                    break
                k = min(tg.chunk, tg.steps - done)
                try:
                    y_new = solver.advance(y, tg.step, k)
                except ConvergenceError as exc:
                    reason = f"stopped {_steps_label(tg, done, k)}: {exc}"
                    break
                if not np.all(np.isfinite(y_new)):
                    reason = f"non-finite state {_steps_label(tg, done, k)}; last good state kept"
                    break
                y, done = y_new, done + k
                t = tg.time_at(done)
                if tg.is_record_step(done):
                    record.append(solver.diagnostics(y, t))
                    on_cadence, recorded = len(record), done
                    blow_up = _blow_up(invariant_drifts(record, solver.invariants), solver.invariants)
                    if blow_up:
                        reason = (f"blow-up {_steps_label(tg, done - k, k)}: {blow_up}; "
                                  f"last good state (t={good[2]:.6g}) kept")
                        y, done, t = good
                        recorded = done
                        break
                    good = (y, done, t)
                    if out is not None:
                        record.summary.update(steps=done, wall_seconds=wall_before + time.perf_counter() - start)
                        record.write_json(out)
                        if time.perf_counter() - last_checkpoint >= checkpoint_seconds:
                            _checkpoint(solver, out, y, done, t, on_cadence)
                            last_checkpoint = time.perf_counter()
                if bar:
                    bar.update(t - tg.t0, f"t={t:.4g}")
        except KeyboardInterrupt:  # outside the main thread no handler is installed
            reason = f"interrupted at step {done} (t={t:.6g}); last good state kept"
        finally:
            if bar:
                bar.close()
    if recorded != done:  # stopped between record times: record the last good state (--resume drops it)
        record.append(solver.diagnostics(y, t))
    completed = reason is None and done == tg.steps
    record.summary.update(steps=done, wall_seconds=wall_before + time.perf_counter() - start,
                          stop_reason="completed" if completed else reason, completed=completed,
                          records_on_cadence=on_cadence, final_time=t)
    drifts = invariant_drifts(record, solver.invariants)
    if drifts:
        record.summary["invariant_drift"] = drifts
        record.summary["invariant_tolerance"] = dict(solver.invariants)
    solver.finish(record, y, t)
    if checks is not None:
        record.summary["checks"] = checks(record)
    solver.state, solver.final_time = y, t
    if out is not None:
        _checkpoint(solver, out, y, done, t, on_cadence)
        record.write_json(out)
        record.write_container(out, solver.fields(y, t))
        if figures:
            solver.figures(record, y, t, out)
    return record


def _steps_label(tg, done: int, k: int) -> str:
    """Where a chunk of k steps after step ``done`` ended, for a stop reason."""
    if k == 1:
        return f"at step {done + 1} (t={tg.time_at(done + 1):.6g})"
    return f"within steps {done + 1}..{done + k} (t <= {tg.time_at(done + k):.6g})"


def _checkpoint(solver, out: Path, y, done: int, t: float, on_cadence: int) -> None:
    write_checkpoint(out, y, {"steps_done": done, "t": t, "records_on_cadence": on_cadence,
                              "solver": solver.name, "case": solver.case.name,
                              "parameters": solver.all_params()["parameters"],
                              "extra": solver.checkpoint_extra()})


def _resume(solver, record: RunRecord, out: Path):
    """Load the stopped run in ``out`` into ``record``; (state, steps done, wall seconds so far)."""
    previous = RunRecord.read(out)
    y, meta = read_checkpoint(out)
    mine = strict(solver.all_params()["parameters"])
    for what, theirs, ours in (("solver", meta["solver"], solver.name), ("case", meta["case"], solver.case.name),
                               ("parameters", meta["parameters"], mine)):
        if theirs != ours:
            raise ValueError(f"--resume: the run in {out} has {what} {theirs!r}, not {ours!r}")
    if y.shape != solver.y0.shape:
        raise ValueError(f"--resume: the checkpointed state has shape {y.shape}, expected {solver.y0.shape}")
    record.series = previous.series
    record.truncate(meta["records_on_cadence"])
    if previous.summary.get("completed"):
        record.summary.update(previous.summary)
    solver.restore_extra(meta.get("extra", {}))
    return y, int(meta["steps_done"]), float(previous.summary.get("wall_seconds", 0.0))


def exit_status(record: RunRecord) -> int:
    """0 when the run completed and every check on it passed; 1 otherwise (DESIGN.md §6)."""
    return 0 if record.completed and record.checks_passed else 1
