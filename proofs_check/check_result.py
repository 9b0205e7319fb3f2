"""The result record of a quick simulation check, in the registry's Result shape."""
from __future__ import annotations

import time

from landau_sym.registry import Result


def simulation_result(check_id, title, reference, kind, method, ok, evidence, start) -> Result:
    """A verified/refuted Result for a check that started at ``start`` (perf_counter)."""
    return Result(id=check_id, title=title, statement=title, reference=reference, kind=kind, method=method,
                  verdict="verified" if ok else "refuted", evidence=evidence, corrected_statement=None,
                  numeric={}, seconds=time.perf_counter() - start)
