"""Code generation: kernel specs → plain Python modules of numba-jitted functions (DESIGN.md §4).

Each function takes scalar arguments and returns a float or a tuple of floats. Common
subexpressions are eliminated (sympy's ``cse``), only ``math`` functions are used, and nothing
of sympy is needed at run time. The output is byte-for-byte deterministic: specs are emitted in
library order, ``cse`` numbers its temporaries canonically, and floats are printed from exact
values. Each file starts with a header naming the generator and the sha256 of the symbolic
definitions it came from, and each function's docstring names the ``landau_sym`` function its
expression comes from (``KernelSpec.source``).

Where the files go (:func:`resolve_target`): an explicit target as given; else the
``landau_num/_generated`` of the source tree (a ``pyproject.toml`` naming ``landau-toolkit``)
containing the current directory; else this package's own ``_generated`` folder, but only when the
package is itself a source tree (an editable install): a non-editable installed copy is never
rewritten.
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import OrderedDict
from pathlib import Path

import sympy as sp
from sympy.printing.precedence import precedence
from sympy.printing.pycode import PythonCodePrinter

from .kernels import SPECIALISED_GAMMAS, KernelSpec, kernel_library

GENERATOR = "landau_sym.codegen"
GENERATOR_VERSION = 2  # 2: docstrings name the landau_sym source function
FLOAT_DIGITS = 30
PROJECT_NAME = "landau-toolkit"
GENERATED_DIR = Path("landau_num") / "_generated"
TARGET_PACKAGE = Path(__file__).resolve().parent.parent / GENERATED_DIR
"""This package's own ``_generated`` folder: a source tree only for an editable install."""
JIT_DECORATOR = '@numba.njit(cache=True, error_model="numpy")'


class _KernelPrinter(PythonCodePrinter):
    """Python printer with ``math.``-qualified functions and float literals for numbers."""

    def __init__(self):
        super().__init__({"fully_qualified_modules": True, "standard": "python3"})

    def _print_Integer(self, expr):
        return f"{int(expr)}.0"

    def _print_Rational(self, expr):
        return f"({expr.p}.0/{expr.q}.0)"

    def _print_Pow(self, expr, rational=False):
        if expr.exp.is_Integer:  # integer powers stay integer: numba expands them to products
            return f"{self.parenthesize(expr.base, precedence(expr))}**{int(expr.exp)}"
        if expr.exp.is_Rational and expr.exp.q == 2 and abs(expr.exp.p) > 1:  # x^{p/2} = √x^p: no pow()
            return f"math.sqrt({self.doprint(expr.base)})**{int(expr.exp.p)}"
        return super()._print_Pow(expr, rational=rational)


def _numeric_constants(expr: sp.Expr) -> sp.Expr:
    """Replace special-function constants (e.g. K₂(1)) that ``math`` lacks by 30-digit floats."""
    specials = {a: sp.Float(a.evalf(FLOAT_DIGITS), FLOAT_DIGITS) for a in expr.atoms(sp.besselk) if not a.free_symbols}
    return expr.xreplace(specials) if specials else expr


def _definition_hash(specs: list[KernelSpec]) -> str:
    h = hashlib.sha256(f"{GENERATOR}:{GENERATOR_VERSION}".encode())
    for spec in specs:
        h.update(sp.srepr(spec.args).encode())
        h.update(spec.name.encode())
        h.update(sp.srepr(spec.outputs).encode())
        h.update(sp.srepr(spec.guards).encode())
        h.update(sp.srepr(spec.prelude).encode())
        h.update(spec.doc.encode())
        h.update(spec.source.encode())
    return h.hexdigest()


def _function_source(spec: KernelSpec, printer: _KernelPrinter) -> str:
    args = ", ".join(str(a) for a in spec.args)
    lines = [JIT_DECORATOR, f"def {spec.name}({args}):", f'    """{_docstring(spec)}"""']
    for symbol, value in spec.prelude:
        lines.append(f"    {symbol} = {printer.doprint(value)}")
    for condition, values in spec.guards:
        lines.append(f"    if {printer.doprint(condition)}:")
        lines.append(f"        return {_return_value([printer.doprint(sp.sympify(v)) for v in values])}")
    outputs = [_numeric_constants(sp.sympify(e)) for e in spec.outputs]
    temporaries, reduced = sp.cse(outputs, symbols=sp.numbered_symbols("t"), order="canonical")
    for symbol, value in temporaries:
        lines.append(f"    {symbol} = {printer.doprint(value)}")
    lines.append(f"    return {_return_value([printer.doprint(e) for e in reduced])}")
    return "\n".join(lines)


def _docstring(spec: KernelSpec) -> str:
    return f"{spec.doc} Generated from {spec.source}." if spec.source else spec.doc


def _return_value(items: list[str]) -> str:
    return items[0] if len(items) == 1 else "(" + ", ".join(items) + ")"


def generate_sources(specs: list[KernelSpec] | None = None) -> "OrderedDict[str, str]":
    """File name → source text for every generated module (and the package's __init__)."""
    specs = kernel_library() if specs is None else specs  # looked up at call time (tests replace it)
    printer = _KernelPrinter()
    modules: OrderedDict[str, list[KernelSpec]] = OrderedDict()
    for spec in specs:
        modules.setdefault(spec.module, []).append(spec)
    sources: OrderedDict[str, str] = OrderedDict()
    for module, module_specs in modules.items():
        header = (
            f"# Generated by {GENERATOR} (version {GENERATOR_VERSION}) from landau_sym.kernels. Do not edit by hand:\n"
            f"# run `landau codegen` to regenerate; `landau codegen --check` reports stale files.\n"
            f"# definition-sha256: {_definition_hash(module_specs)}\n"
        )
        body = "\n\n\n".join(_function_source(s, printer) for s in module_specs)
        names = ", ".join(f'"{s.name}"' for s in module_specs)
        sources[f"{module}.py"] = (f'{header}"""Generated kernels: {module}."""\nimport math  # noqa: F401\n\n'
                                   f"import numba\n\n__all__ = [{names}]\n\n\n{body}\n")
    gammas = ", ".join(f'"{tag}": {float(value)!r}' for tag, value in SPECIALISED_GAMMAS.items())
    index = "\n".join(f'    "{m}": [{", ".join(repr(s.name) for s in ss)}],' for m, ss in modules.items())
    sources["__init__.py"] = (
        f"# Generated by {GENERATOR} (version {GENERATOR_VERSION}). Do not edit by hand.\n"
        f'"""Kernels generated from landau_sym.kernels; import a module to compile its functions."""\n\n'
        f"KERNEL_MODULES = {{\n{index}\n}}\n\n"
        f"# γ values with a specialised landau_matrix_apply_<d>d_gamma_<tag> kernel (no pow() in the pair loop)\n"
        f"SPECIALISED_GAMMAS = {{{gammas}}}\n"
    )
    return sources


def _project_name(pyproject: Path) -> str | None:
    """``[project] name`` of a pyproject.toml, or None if it is unreadable or has none."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except OSError:
        return None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: tomli if present, else a minimal scan of [project]
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            section = re.search(r"^\[project\]\s*$(.*?)(?=^\[|\Z)", text, re.M | re.S)
            name = section and re.search(r'^name\s*=\s*["\']([^"\']+)["\']', section.group(1), re.M)
            return name.group(1) if name else None
    try:
        name = tomllib.loads(text).get("project", {}).get("name")
    except (tomllib.TOMLDecodeError, AttributeError):
        return None
    return name if isinstance(name, str) else None


def _is_source_tree(root: Path) -> bool:
    return (root / GENERATED_DIR).is_dir() and _project_name(root / "pyproject.toml") == PROJECT_NAME


def _find_source_tree(start: Path) -> Path | None:
    """The ``_generated`` folder of the nearest source tree at or above ``start``."""
    for folder in (start, *start.parents):
        if _is_source_tree(folder):
            return folder / GENERATED_DIR
    return None


def _package_target() -> Path:
    """Where this package's own generated kernels live (the installed copy)."""
    return TARGET_PACKAGE


def resolve_target(target: Path | str | None) -> Path:
    """The folder the generated kernels are written to / checked in.

    An explicit ``target`` is used as given (it must be a directory or creatable). Otherwise the
    source tree containing the current directory, else this package's own location when that is
    a source tree (editable install). Raises ValueError when none applies, so that a non-editable
    installed copy is never rewritten or checked in place of the checkout.
    """
    if target is not None:
        target = Path(target)
        existing = next(p for p in (target, *target.absolute().parents) if p.exists())
        if existing == target and not target.is_dir():
            raise ValueError(f"codegen target {target} exists and is not a directory")
        if existing != target and not (existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)):
            raise ValueError(f"codegen target {target} cannot be created ({existing} is not a writable directory)")
        return target
    found = _find_source_tree(Path.cwd().resolve())
    if found is not None:
        return found
    package = _package_target().resolve()
    root = package.parent.parent
    if package == root / GENERATED_DIR and _is_source_tree(root):
        return package
    raise ValueError(f"the installed landau_num at {package} is not a source tree: pass --target DIR "
                     f"or run from a {PROJECT_NAME} checkout")


def write_sources(target: Path | None = None, sources=None) -> list[Path]:
    target = resolve_target(target)
    sources = generate_sources() if sources is None else sources
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in sources.items():
        path = target / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
            written.append(path)
    for stale in _extra_files(target, sources):
        stale.unlink()
        written.append(stale)
    return written


def stale_files(target: Path | None = None, sources=None) -> list[str]:
    """Names of committed files that differ from, are missing from, or are absent in the
    current generator output."""
    target = resolve_target(target)
    sources = generate_sources() if sources is None else sources
    stale = [name for name, text in sources.items()
             if not (target / name).exists() or (target / name).read_text() != text]
    stale += [p.name for p in _extra_files(target, sources)]
    return stale


def _extra_files(target: Path, sources) -> list[Path]:
    if not target.exists():
        return []
    return sorted(p for p in target.glob("*.py") if p.name not in sources)
