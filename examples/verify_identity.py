"""Check one statement of a seed paper with the identity registry, as `landau verify --only` does.

    python examples/verify_identity.py [IDENTITY_ID]

The default entry is the cross-product identity Σ_k (b_k(z)·ξ)² = |z × ξ|² used by seeds 000,
002, 003 and 004: an exact symbolic proof plus an mpmath cross-check at random points.
"""
import sys

from landau_sym.identities import REGISTRY
from landau_sym.registry import run_identity


def main(identity_id: str = "cross-product") -> int:
    (identity,) = REGISTRY.select([identity_id])
    result = run_identity(identity)
    print(f"{result.id}: {result.verdict} — {result.reference}")
    print(f"  statement as printed: {result.statement}")
    print(f"  method: {result.method}")
    if result.numeric:
        print(f"  numeric cross-check: {result.numeric['examples']} points, max residual "
              f"{result.numeric['max_residual']:.1e}")
    return 0 if result.verdict in ("verified", "refuted") else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
