"""The registered identities of the seeds (DESIGN.md §3), one module per topic.

Importing this package fills :data:`landau_sym.registry.REGISTRY` in a fixed order.
"""
from . import (  # noqa: F401  (imported for their registrations)
    cross_product,
    pair_fields,
    lifted_operator,
    hermite_poincare,
    maxwell_molecules,
    bkw,
    collision_invariants,
)
from ..registry import REGISTRY

__all__ = ["REGISTRY"]
