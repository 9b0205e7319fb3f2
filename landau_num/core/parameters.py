"""Declarative solver parameters: one dataclass per solver, each field carrying its help text and
its allowed values, from which validation, ``landau run SOLVER --help`` and the argparse options
are all derived (one validator family, one shape of ``--help`` for every solver).

    @dataclass
    class BlobParameters:
        n: int | None = param(None, "cells per side", kind=int, low=2, optional=True)

A field's metadata holds a :class:`Spec`; :func:`validate_parameters` checks every field through
:mod:`landau_num.validation`, and a dataclass may add a ``check(case)`` method for conditions
that involve several fields or the case.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from .. import validation


@dataclass(frozen=True)
class Spec:
    help: str
    kind: type = float
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    choices: tuple | None = None
    optional: bool = False
    """None is allowed and means "derived by the solver" (the help says how)."""

    def allowed(self) -> str:
        if self.choices is not None:
            text = "one of " + ", ".join(map(str, self.choices))
        elif self.kind is int:
            text = validation.describe_integer_range(self.low, self.high)
        elif self.kind is float:
            text = validation.describe_real_range(self.low, self.high, self.low_open)
        elif self.kind is bool:
            text = "a flag"
        else:
            text = "text"
        return text


def param(default, help: str, *, kind: type = float, low=None, high=None, low_open: bool = False,
          choices=None, optional: bool = False):
    """A dataclass field with its :class:`Spec`."""
    spec = Spec(help=help, kind=kind, low=low, high=high, low_open=low_open,
                choices=None if choices is None else tuple(choices), optional=optional)
    return field(default=default, metadata={"spec": spec})


def specs(parameters_type) -> dict[str, tuple[Spec, object]]:
    """name → (spec, default) for every declared field of a parameters dataclass."""
    return {f.name: (f.metadata["spec"], f.default) for f in dataclasses.fields(parameters_type)
            if "spec" in f.metadata}


def validate_parameters(params, case=None) -> None:
    """ValueError naming the first bad field (its value and the allowed range), then the
    dataclass's own ``check(case)`` if it has one."""
    for name, (spec, _) in specs(type(params)).items():
        value = getattr(params, name)
        if value is None and spec.optional:
            continue
        label = f"--{name.replace('_', '-')}"
        if spec.choices is not None:
            validation.require_choice(label, value, spec.choices)
        elif spec.kind is int:
            validation.require_integer(label, value, spec.low, spec.high)
        elif spec.kind is float:
            validation.require_real(label, value, spec.low, spec.high, spec.low_open)
        elif spec.kind is bool and not isinstance(value, bool):
            raise ValueError(f"{label} must be True or False, got {value!r}")
    check = getattr(params, "check", None)
    if check is not None:
        check(case)


def parameters_dict(params) -> dict:
    """The declared fields as a plain dict (what a run record stores, and what --resume reads)."""
    return {name: getattr(params, name) for name in specs(type(params))}


def help_text(spec: Spec, default) -> str:
    shown = "derived" if default is None and spec.optional else default
    return f"{spec.help} [default: {shown}; allowed: {spec.allowed()}{' or omitted' if spec.optional else ''}]"


def add_arguments(parser, parameters_type) -> None:
    """One option per declared field; argparse leaves unset options out of the namespace
    (default SUPPRESS), so a caller can tell a given value from a default."""
    import argparse

    for name, (spec, default) in specs(parameters_type).items():
        flag = f"--{name.replace('_', '-')}"
        if spec.kind is bool:
            parser.add_argument(flag, dest=name, action=argparse.BooleanOptionalAction,
                                default=argparse.SUPPRESS, help=help_text(spec, default))
        else:
            parser.add_argument(flag, dest=name, type=_parse(spec.kind), default=argparse.SUPPRESS,
                                metavar=name.upper() if spec.choices is None else "{" + ",".join(spec.choices) + "}",
                                help=help_text(spec, default))


def _parse(kind):
    """Parse an option's text; the range is checked by :func:`validate_parameters` so that the
    message names the allowed range in one place."""
    if kind is int:
        def parse_int(text: str) -> int:
            try:
                return int(text)
            except ValueError:
                raise ValueError(f"expected an integer, got {text!r}") from None
        parse_int.__name__ = "integer"
        return parse_int
    if kind is float:
        def parse_float(text: str) -> float:
            return float(text)
        parse_float.__name__ = "real number"
        return parse_float
    return str


def given_values(parameters_type, namespace) -> dict:
    """The declared fields that the command line set explicitly."""
    return {name: getattr(namespace, name) for name in specs(parameters_type) if hasattr(namespace, name)}
