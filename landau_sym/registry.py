"""The identity registry (DESIGN.md §3).

Every identity or claim of a seed is an :class:`Identity`: an id, a title, the statement as
printed in the seed (LaTeX), the seed reference, its kind, the method of verification, an exact
check and an independent numeric cross-check.

- The exact check returns an :class:`Outcome`: ``verified`` (simplification to zero, exact
  rational linear algebra, a positive-semidefinite certificate), ``refuted`` (a counterexample,
  stated exactly, with a corrected statement where one is found and verified), or
  ``inconclusive``; an exception becomes ``error``.
- The cross-check evaluates the same statement with mpmath at 30 significant digits at points
  drawn by hypothesis (derandomised, so a verdict is reproducible), and reports the largest
  residual against a stated tolerance. When it disagrees with the exact verdict the entry is
  ``inconclusive`` and says so.

A statement is checked as printed, with the seed's own constants: a wrong constant is a
finding, never adjusted silently.
"""
from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

import mpmath
import sympy as sp

VERDICTS = ("verified", "refuted", "inconclusive", "error")
KINDS = ("identity", "inequality", "rate", "conservation law", "theorem")
CROSS_CHECK_DPS = 30


@dataclass
class Outcome:
    """Result of an exact check: a verdict and its evidence (JSON-serialisable values)."""

    verdict: str
    evidence: dict
    corrected_statement: str | None = None

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, got {self.verdict!r}")


@dataclass(frozen=True)
class CrossCheck:
    """A numeric cross-check: ``residual(draw)`` draws a point with hypothesis's ``draw`` and
    returns a non-negative residual (computed with mpmath at CROSS_CHECK_DPS digits) that must
    not exceed ``tolerance``."""

    residual: Callable
    tolerance: float
    description: str
    examples: int = 20


@dataclass(frozen=True)
class Identity:
    id: str
    title: str
    statement: str
    reference: str
    kind: str
    method: str
    check: Callable[[], Outcome]
    cross_check: CrossCheck
    quick: bool = True  # False: too slow for `landau check` (runs under `landau verify`)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}, got {self.kind!r}")


@dataclass
class Result:
    id: str
    title: str
    statement: str
    reference: str
    kind: str
    method: str
    verdict: str
    evidence: dict
    corrected_statement: str | None
    numeric: dict
    seconds: float

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Registry:
    entries: dict[str, Identity] = field(default_factory=dict)

    def add(self, identity: Identity) -> Identity:
        if identity.id in self.entries:
            raise ValueError(f"duplicate identity id {identity.id!r}")
        self.entries[identity.id] = identity
        return identity

    def ids(self) -> list[str]:
        return list(self.entries)

    def select(self, only: list[str] | None) -> list[Identity]:
        if not only:
            return list(self.entries.values())
        unknown = [i for i in only if i not in self.entries]
        if unknown:
            raise KeyError(f"unknown identity id(s) {', '.join(unknown)}; valid ids: {', '.join(self.entries)}")
        return [self.entries[i] for i in only]


def run_cross_check(cross_check: CrossCheck) -> dict:
    """Draw ``examples`` points with hypothesis (derandomised) and evaluate the residual."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    residuals: list[float] = []

    @settings(
        max_examples=cross_check.examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def sample(data):
        with mpmath.workdps(CROSS_CHECK_DPS):
            residuals.append(float(cross_check.residual(data.draw)))

    sample()
    worst = max(residuals) if residuals else float("nan")
    return {
        "description": cross_check.description,
        "examples": len(residuals),
        "max_residual": worst,
        "tolerance": cross_check.tolerance,
        "digits": CROSS_CHECK_DPS,
        "passed": bool(residuals) and worst <= cross_check.tolerance,
    }


def run_identity(identity: Identity) -> Result:
    start = time.perf_counter()
    numeric: dict = {}
    corrected = None
    try:
        outcome = identity.check()
        verdict, evidence, corrected = outcome.verdict, outcome.evidence, outcome.corrected_statement
        numeric = run_cross_check(identity.cross_check)
        if not numeric["passed"] and verdict in ("verified", "refuted"):
            evidence = dict(evidence, disagreement=(
                f"the exact check says {verdict} but the numeric cross-check residual "
                f"{numeric['max_residual']:.3e} exceeds its tolerance {numeric['tolerance']:.1e}"))
            verdict = "inconclusive"
    except Exception as exc:  # an entry that crashes is reported, not propagated
        verdict = "error"
        evidence = {"exception": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
    return Result(
        id=identity.id, title=identity.title, statement=identity.statement,
        reference=identity.reference, kind=identity.kind, method=identity.method,
        verdict=verdict, evidence=evidence, corrected_statement=corrected,
        numeric=numeric, seconds=time.perf_counter() - start,
    )


# --- helpers shared by the identity modules ---------------------------------------------

def is_zero(expr: sp.Expr) -> bool:
    """Exact zero test: expansion first (cheap, enough for polynomial and rational identities),
    then sympy's simplify."""
    expanded = sp.expand(expr)
    return expanded == 0 or sp.simplify(expanded) == 0


def mp_value(expr: sp.Expr, values: dict) -> mpmath.mpf:
    """Evaluate a sympy expression with mpmath at the current working precision."""
    subs = {s: mpmath.mpf(v) if not isinstance(v, mpmath.mpf) else v for s, v in values.items()}
    fn = sp.lambdify(list(subs), expr, modules="mpmath")
    return fn(*subs.values())


def relative_residual(lhs, rhs) -> mpmath.mpf:
    """|lhs − rhs| / max(1, |lhs|, |rhs|)."""
    return abs(lhs - rhs) / max(mpmath.mpf(1), abs(lhs), abs(rhs))


REGISTRY = Registry()


def register(identity: Identity) -> Identity:
    return REGISTRY.add(identity)
