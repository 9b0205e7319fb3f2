"""Claims checked numerically along computed solutions, registered beside the symbolic identities.

A seed statement that no exact computation decides (an inequality between functionals of a
solution, a rate measured along a flow) is still an :class:`landau_sym.registry.Identity` with a
verdict: its check runs a small computation with the numeric layer and compares the measured
numbers with the statement, within a tolerance it states and justifies. Those entries live here,
in the layer that may import both ``landau_sym`` and ``landau_num``, one module per topic.

Importing this package registers the symbolic identities first (``landau_sym.identities``) and
then every module here, in the order of their names: :data:`REGISTRY` is the whole registry.
"""
import importlib
import pkgutil

from landau_sym.identities import REGISTRY

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")

__all__ = ["REGISTRY"]
