"""The registered identities of the seeds (DESIGN.md §3), one module per topic.

Importing this package imports every module in it, in the order of their names, and so fills
:data:`landau_sym.registry.REGISTRY` in a fixed order. A new topic is a new module here; nothing
else needs to list it.
"""
import importlib
import pkgutil

from ..registry import REGISTRY

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")

__all__ = ["REGISTRY"]
