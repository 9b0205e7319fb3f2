"""landau_sym — the symbolic layer of the Landau toolkit (sympy only).

States the objects of the seed papers (fields, kernels, operators, Hermite machinery), verifies
the identities the papers rely on (:mod:`landau_sym.identities`, run with ``landau verify``),
and generates the numba kernels of the numeric layer.
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("landau-toolkit")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "unknown (not installed)"

__all__ = ["__version__", "codegen", "identities", "kernels", "registry"]


def __getattr__(name):
    """The submodules of ``__all__``, imported on first use (importing sympy takes a second)."""
    if name in ("codegen", "identities", "kernels", "registry"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
