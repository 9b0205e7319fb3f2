"""The claims checked on the record of every ``landau run``: solver name → a function of the
finished record returning {check name: {"ok": bool, ...evidence}}, stored in the record's
``summary.checks``. A check that fails makes ``landau run`` exit 1.

The checks are statements of the seeds (entropy balance, Fisher decay, Theorem 1 of seed 004, …)
and so live in the claims layer, not in the solvers.
"""
from __future__ import annotations

from collections.abc import Callable


def _spectral_checks(record) -> dict:
    from . import dissipation_checks as checks

    names = ["entropy_balance", "dissipation_formulas_agree", "fisher_non_increasing"]
    if record.params["gamma"] == 0:
        names += ["second_moment_law", "relative_l2_envelope"]
    return checks.run_checks(record, names)


def _maxwell_checks(record) -> dict:
    from .theorem1 import theorem1_check

    return theorem1_check(record)


def _fuzzy_checks(record) -> dict:
    from .claims.seed002_fuzzy_flow import run_record_checks

    return run_record_checks(record)


RUN_CHECKS: dict[str, Callable] = {
    "spectral": _spectral_checks,
    "maxwell": _maxwell_checks,
    "fuzzy": _fuzzy_checks,
}


def checks_for(solver: str) -> Callable | None:
    return RUN_CHECKS.get(solver)
