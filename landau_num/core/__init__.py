"""The solver platform: parameters, the Solver shape, the solver table, the run driver, run
records, provenance, progress and the memory budget (DESIGN.md §1, §6)."""
from .driver import exit_status, prepare_output, run
from .parameters import param
from .record import RunRecord
from .registry import get_solver, register, solver_names
from .solver import Solver, TimeGrid, step_count

__all__ = ["RunRecord", "Solver", "TimeGrid", "exit_status", "get_solver", "param", "prepare_output", "register",
           "run", "solver_names", "step_count"]
