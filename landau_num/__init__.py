"""landau_num — the numeric layer of the Landau toolkit (numpy + numba, never sympy).

Run any named case through the solver platform in a few lines, with the names of the CLI::

    import landau_num
    result = landau_num.solve("spectral", case="coulomb2d", n=48, T=0.5)
    result.record.series["entropy"], result.state

and a sweep of runs on Dask (:mod:`landau_num.sweep`; ``landau sweep`` on the command line)::

    sweep = landau_num.run_sweep("blob", "bkw2d", {"n": [12, 16]}, T=0.5, out="runs/sweep", workers=2)
    sweep.dataset["final_error_l2"]

Generated kernels live in ``landau_num._generated`` (written by ``landau codegen``, never edited
by hand) and are reached through :func:`landau_num.kernels.get_kernel`. The solver families live
in sub-packages (``blob``, ``spectral``, ``maxwell``, ``sde``) and register themselves in the
solver table of :mod:`landau_num.core.registry`; importing this package compiles nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cases import Case, case_names, get_case
from .core.driver import exit_status, prepare_output, run
from .core.provenance import package_version
from .core.record import RunRecord
from .core.registry import get_solver, solver_names
from .kernels import get_kernel
from .sweep import SweepResult, run_sweep

__version__ = package_version()
__all__ = ["Case", "RunRecord", "RunResult", "SweepResult", "__version__", "case_names", "get_case", "get_kernel",
           "get_solver", "make_solver", "run", "run_sweep", "solve", "solver_names"]


@dataclass
class RunResult:
    """What :func:`solve` returns: the run record, the solver object and its last good state."""

    record: RunRecord
    solver: object
    state: object
    t: float

    @property
    def exit_status(self) -> int:
        return exit_status(self.record)


def make_solver(solver: str, case: str | Case, *, max_memory: int | None = None, **parameters):
    """The solver object for a case (a name or a :class:`Case`), parameters validated."""
    case_obj = get_case(case) if isinstance(case, str) else case
    return get_solver(solver)(case_obj, max_memory=max_memory, **parameters)


def solve(solver: str, case: str | Case, *, out=None, resume: bool = False, overwrite: bool = False,
          figures: bool = True, progress: bool = False, max_memory: int | None = None, checks=None,
          **parameters) -> RunResult:
    """Run ``solver`` on ``case`` with the solver's parameters as keywords (the CLI's options, with
    underscores: ``record_every``). With ``out``, the run record, container, checkpoint and figures
    are written there (checked before anything is computed)."""
    prepare_output(out, resume, overwrite, create=False)
    runner = make_solver(solver, case, max_memory=max_memory, **parameters)
    record = run(runner, out, resume=resume, overwrite=overwrite, figures=figures, progress=progress, checks=checks)
    return RunResult(record=record, solver=runner, state=runner.state, t=runner.final_time)
