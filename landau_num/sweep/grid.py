"""The grid of a sweep (DESIGN.md §6, §9): ``name=v1,v2,…`` specifications read against a
solver's declared parameters, their Cartesian product, and the name of each point.

A grid value is parsed and checked by the same declarations as ``landau run``
(:mod:`landau_num.core.parameters`): the kind of the field (integer, real, text, flag), its
allowed range or choices, and the parameters object's own ``check(case)`` for conditions that
involve several fields, applied to every point of the product with the fixed parameters. The
memory estimate of every point is checked too. All of this happens before any worker starts;
what only the solver's set-up can find (a box too small for the initial data, say) is a failure
of that point at run time, reported with the rest of the sweep.

A point's directory is named after its grid values in grid order, ``n=12,dt=0.05``, followed by
``rep=R`` when the sweep has replicas: only the characters of :data:`NAME_CHARACTERS` occur, so
the name is a valid directory name on every file system.
"""
from __future__ import annotations

import itertools
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.memory import require_memory
from ..core.parameters import _parse, specs, validate_parameters
from .seeds import SEED_PARAMETER

NAME_CHARACTERS = frozenset(string.ascii_letters + string.digits + "._+-")
"""Characters allowed in a text grid value (the rest of a point name is ``=`` and ``,``)."""
REPLICA = "rep"
"""The replica index in a point's name (``n=12,rep=3``) and the aggregate's dimension ``replica``."""


@dataclass(frozen=True)
class Point:
    """One run of a sweep: its grid values (in grid order), replica index and directory name."""

    values: tuple[tuple[str, object], ...]
    replica: int | None = None

    @property
    def name(self) -> str:
        parts = [f"{key}={format_value(value)}" for key, value in self.values]
        if self.replica is not None:
            parts.append(f"{REPLICA}={self.replica}")
        return ",".join(parts)

    def parameters(self, fixed: Mapping, seed: int | None = None) -> dict:
        """The keyword parameters of this point's run: the fixed ones, the grid values, the seed."""
        out = dict(fixed)
        out.update(self.values)
        if seed is not None:
            out[SEED_PARAMETER] = seed
        return out


def format_value(value) -> str:
    """A grid value as it appears in a point's name: integers in decimal, reals in Python's
    shortest round-trip form (0.05, 1e-06), text as given."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _label(name: str) -> str:
    return f"--{name.replace('_', '-')}"


def parameter_name(text: str, parameters_type) -> str:
    """The declared field a grid name refers to (``record-every`` and ``record_every`` alike)."""
    name = text.strip().replace("-", "_")
    known = specs(parameters_type)
    if name not in known:
        raise ValueError(f"--grid: unknown parameter {text!r}; the solver's parameters are "
                         f"{', '.join(known)}")
    return name


def parse_value(name: str, text: str, parameters_type):
    """One grid value's text, read as the kind of the field ``name`` (range checked later)."""
    spec = specs(parameters_type)[name][0]
    text = text.strip()
    if spec.kind is bool:
        if text.lower() not in ("true", "false"):
            raise ValueError(f"--grid {name}: {_label(name)} is a flag; give true or false, got {text!r}")
        return text.lower() == "true"
    try:
        return _parse(spec.kind)(text)
    except ValueError:
        kind = "an integer" if spec.kind is int else "a real number"
        raise ValueError(f"--grid {name}: expected {kind}, got {text!r}") from None


def parse_grid_spec(text: str, parameters_type) -> tuple[str, tuple]:
    """``"name=v1,v2,…"`` → (field name, values). Never evaluates the text."""
    name, sep, values = text.partition("=")
    if not sep or not name.strip():
        raise ValueError(f"--grid {text!r}: expected NAME=V1,V2,... (e.g. n=12,16)")
    field = parameter_name(name, parameters_type)
    items = values.split(",")
    if not values.strip() or any(not item.strip() for item in items):
        raise ValueError(f"--grid {text!r}: empty value (expected NAME=V1,V2,...)")
    return field, tuple(parse_value(field, item, parameters_type) for item in items)


def parse_grid(specs_text: Sequence[str], parameters_type) -> dict[str, tuple]:
    """Several ``--grid`` specifications → {field: values}, in the order given."""
    grid: dict[str, tuple] = {}
    for text in specs_text:
        name, values = parse_grid_spec(text, parameters_type)
        if name in grid:
            raise ValueError(f"--grid {name} is given twice; list all its values in one --grid {name}=...")
        grid[name] = values
    return grid


def normalise_grid(grid: Mapping[str, Sequence] | Sequence[str], parameters_type) -> dict[str, tuple]:
    """A grid given as ``{name: values}`` (Python values) or as ``["name=v1,v2", …]`` (command-line
    text) → {field: values}; every value checked against its declaration, none given twice."""
    if isinstance(grid, str):
        grid = [grid]
    if not isinstance(grid, Mapping):
        grid = parse_grid(grid, parameters_type)
    if not grid:
        raise ValueError("--grid: give at least one NAME=V1,V2,... (e.g. --grid n=12,16)")
    out = {}
    for key, values in grid.items():
        name = parameter_name(key, parameters_type)
        if name in out:
            raise ValueError(f"--grid {name} is given twice")
        values = (values,) if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) else tuple(values)
        if not values:
            raise ValueError(f"--grid {name}: no values")
        for value in values:
            _check_value(parameters_type, name, value)
        values = tuple(_canonical(parameters_type, name, value) for value in values)
        seen = set()
        for value in values:
            if format_value(value) in seen:
                raise ValueError(f"--grid {name}: the value {format_value(value)} is given twice")
            seen.add(format_value(value))
        out[name] = values
    return out


def _canonical(parameters_type, name: str, value):
    """A checked value as the command line would read it: reals as float, integers as int (so
    that T=1 and T=1.0 are one point, named T=1.0, and stored as ``landau run --T 1`` stores it)."""
    kind = specs(parameters_type)[name][0].kind
    if kind is float:
        return float(value)
    if kind is int:
        return int(value)
    return value


def _check_value(parameters_type, name: str, value) -> None:
    """The declaration's check of one grid value, the other fields at their defaults (so that the
    message names the grid entry; conditions between fields are checked per point)."""
    if value is None:
        raise ValueError(f"--grid {name}: None is not a grid value (leave {name} out of the grid to use its default)")
    if isinstance(value, str) and not (value and set(value) <= NAME_CHARACTERS):
        raise ValueError(f"--grid {name}: the value {value!r} may only hold letters, digits and ._+-")
    values = {key: default for key, (_, default) in specs(parameters_type).items()}
    values[name] = value
    try:
        validate_parameters(parameters_type(**values), None)
    except ValueError as exc:
        raise ValueError(f"--grid {name}={format_value(value)}: {exc}") from None


def normalise_fixed(fixed: Mapping, parameters_type) -> dict:
    """The fixed parameters of every point (keywords, as for :func:`landau_num.solve`), each
    checked against its declaration and read as the command line reads it (reals as float)."""
    known = specs(parameters_type)
    out = {}
    for name, value in fixed.items():
        if name not in known:
            raise ValueError(f"unknown parameter {name!r}; the solver's parameters are {', '.join(known)}")
        if value is None and known[name][0].optional:
            out[name] = None
            continue
        values = {key: default for key, (_, default) in known.items()}
        values[name] = value
        validate_parameters(parameters_type(**values), None)
        out[name] = _canonical(parameters_type, name, value)
    return out


def grid_points(grid: Mapping[str, tuple], repeat: int = 1) -> list[Point]:
    """The Cartesian product of the grid (the first name varies slowest), each combination
    ``repeat`` times (replicas 0 … repeat−1; no replica index when repeat = 1)."""
    names = list(grid)
    points = []
    for combination in itertools.product(*(grid[name] for name in names)):
        values = tuple(zip(names, combination))
        if repeat == 1:
            points.append(Point(values))
        else:
            points.extend(Point(values, replica) for replica in range(repeat))
    return points


def check_points(solver_cls, case, fixed: Mapping, grid: Mapping[str, tuple], points: Sequence[Point],
                 seeds: Sequence[int | None], max_memory: int | None) -> None:
    """Every point's parameters as ``landau run`` checks them before computing: the declared
    ranges, the parameters' own ``check(case)``, the solver's cases and its memory estimate.
    ValueError naming the point."""
    if solver_cls.cases is not None and case.name not in solver_cls.cases:
        raise ValueError(f"--case {case.name!r} is not supported by the {solver_cls.name} solver; "
                         f"allowed: {', '.join(solver_cls.cases)}")
    both = sorted(set(fixed) & set(grid))
    if both:
        raise ValueError(f"--{both[0].replace('_', '-')} is given both as a fixed option and in --grid; give it once")
    for point, seed in zip(points, seeds):
        try:
            params = solver_cls.Parameters(**point.parameters(fixed, seed))
            validate_parameters(params, case)
            require_memory(solver_cls.memory_estimate(case, params), max_memory,
                           f"the {solver_cls.name} run of {case.name}")
        except (TypeError, ValueError) as exc:
            raise ValueError(f"grid point {point.name}: {exc}") from None
