"""The shape every solver has (DESIGN.md §1): a problem (a :class:`~landau_num.cases.Case`), a
solver configured by one validated parameter object, and the one run driver
(:mod:`landau_num.core.driver`) that advances it.

A solver family subclasses :class:`Solver` and registers itself in the solver table
(:func:`landau_num.core.registry.register`); from that it gets ``landau run NAME`` with its
``--help``, validation, run records, checkpoints and ``--resume``, signals, blow-up detection,
figures and the summary. What a subclass provides:

- ``name``, ``title`` and ``Parameters`` (a dataclass of :func:`~landau_num.core.parameters.param`
  fields; an optional ``check(case)`` method for conditions involving several fields);
- ``memory_estimate(case, params)`` (bytes, from the parameters alone: called before anything is
  allocated);
- ``setup()``: build the operator and the initial state ``self.y0`` and set ``self.time``
  (a :class:`TimeGrid`);
- ``advance(y, dt, k)``: k steps from y (a new array; y is not modified);
- ``diagnostics(y, t)``: the recorded values at one time (``times`` included);
- ``record_params()``: the derived parameters to store beside the declared ones;
- optionally ``invariants`` (series name → relative drift tolerance), ``stability_limit()``,
  ``finish(record, y, t)``, ``fields(y, t)``, ``figures(record, y, t, out_dir)``,
  ``checkpoint_extra()`` / ``restore_extra(extra)`` (e.g. the random generator's state).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from .memory import require_memory
from .parameters import parameters_dict, validate_parameters


def step_count(T: float, dt: float) -> tuple[int, float]:
    """(number of steps, the equal step that reaches T exactly): ⌈T/Δt⌉ steps of T/⌈T/Δt⌉."""
    steps = max(1, int(math.ceil(T / dt - 1e-9)))
    return steps, T / steps


@dataclass(frozen=True)
class TimeGrid:
    """t₀ + (0, Δt, 2Δt, …, T) in ``steps`` equal steps of ``step`` (≤ the requested ``dt``);
    diagnostics every ``record_every`` steps and at the end; the solver advances ``chunk`` steps
    per call (1, or a record interval for solvers whose compiled kernel runs many steps)."""

    t0: float
    T: float
    dt: float
    record_every: int = 1
    chunk: int = 1

    @property
    def steps(self) -> int:
        return step_count(self.T, self.dt)[0]

    @property
    def step(self) -> float:
        return step_count(self.T, self.dt)[1]

    def time_at(self, steps_done: int) -> float:
        return self.t0 + steps_done * self.step

    def is_record_step(self, steps_done: int) -> bool:
        return steps_done % self.record_every == 0 or steps_done == self.steps


class Solver:
    name: ClassVar[str]
    title: ClassVar[str]
    Parameters: ClassVar[type]
    cases: ClassVar[tuple[str, ...] | None] = None
    """Case names the solver accepts (None: every case)."""
    invariants: dict[str, float] = {}
    """Series name → the relative drift beyond which the run is stopped as a blow-up."""

    def __init__(self, case, params=None, *, max_memory: int | None = None, **values):
        if params is None:
            params = self.Parameters(**values)
        elif values:
            raise TypeError("give either a parameters object or keyword values, not both")
        if self.cases is not None and case.name not in self.cases:
            raise ValueError(f"--case {case.name!r} is not supported by the {self.name} solver; "
                             f"allowed: {', '.join(self.cases)}")
        validate_parameters(params, case)
        require_memory(self.memory_estimate(case, params), max_memory, f"the {self.name} run of {case.name}")
        self.case, self.params = case, params
        self.time: TimeGrid | None = None
        self.y0: np.ndarray | None = None
        self.setup()
        limit = self.stability_limit()
        if limit is not None and self.time.step > limit:
            raise ValueError(f"--dt {self.time.step:.4g} exceeds the stability estimate {limit:.4g} of the "
                             f"{self.name} solver for this case and grid; use --dt <= {limit:.4g}")

    # --- to be provided by a solver family ------------------------------------------------------
    @classmethod
    def memory_estimate(cls, case, params) -> float:
        raise NotImplementedError

    def setup(self) -> None:
        raise NotImplementedError

    def advance(self, y: np.ndarray, dt: float, k: int) -> np.ndarray:
        raise NotImplementedError

    def diagnostics(self, y: np.ndarray, t: float) -> dict:
        raise NotImplementedError

    def record_params(self) -> dict:
        return {}

    # --- optional ---------------------------------------------------------------------------------
    def stability_limit(self) -> float | None:
        """The largest stable step for this setup (None: no explicit limit)."""
        return None

    def finish(self, record, y: np.ndarray, t: float) -> None:
        """Solver results at the end of a run, written into ``record.summary``."""

    def fields(self, y: np.ndarray, t: float) -> dict[str, tuple[tuple[str, ...], np.ndarray]]:
        """Arrays for the container, each with its named dimensions."""
        return {}

    def figures(self, record, y: np.ndarray, t: float, out_dir: Path) -> None:
        """PNG figures of a run into ``out_dir``."""

    def checkpoint_extra(self) -> dict:
        """JSON-able state beyond ``y`` that a resumed run needs (e.g. a random generator's state)."""
        return {}

    def restore_extra(self, extra: dict) -> None:
        """Inverse of :meth:`checkpoint_extra`."""

    # --- shared -------------------------------------------------------------------------------
    def all_params(self) -> dict:
        """The record's ``params``: case data, the declared parameters, the derived ones."""
        case = self.case
        out = {"solver": self.name, "case": case.name, "d": case.d, "gamma": case.gamma, "C": case.C,
               "t0": case.t0, "case_parameters": dict(case.parameters),
               "parameters": parameters_dict(self.params)}
        if self.time is not None:
            out.update(T=self.time.T, dt=self.time.step, steps=self.time.steps, record_every=self.time.record_every)
        out.update(self.record_params())
        out.setdefault("seed", None)
        return out
