"""Studies: the computations behind a seed's headline statements, run by ``landau study NAME``.

A study is a sequence of runs and measurements (a limit in a parameter, a contractivity test over
pairs of solutions, a scaling in N) that ends in verdicts, a run record and figures in ``--out``.
One module per study; each defines ``STUDY``, a :class:`Study`. Importing this package finds them
all (in the order of their names). A study module imports only the standard library at import
time, so that building the command line stays cheap; its ``run`` imports what it needs.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Study:
    name: str
    help: str
    add_arguments: Callable  # (argparse parser) -> None; --out is added by the command line
    run: Callable  # (argparse namespace) -> exit status (0 all verified, 1 otherwise)


def studies() -> dict[str, Study]:
    found = {}
    for name in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        study = importlib.import_module(f"{__name__}.{name}").STUDY
        found[study.name] = study
    return found
