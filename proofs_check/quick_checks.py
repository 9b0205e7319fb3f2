"""Quick numerical checks that `landau check` runs after the identity registry.

Each check runs a short simulation and returns a :class:`landau_sym.registry.Result` whose
verdict compares measured numbers with the mathematics (conservation to round-off, entropy
decay, agreement with an exact solution), so the report shows them beside the identities.
"""
from __future__ import annotations

import time

import numpy as np

from landau_sym.registry import Result


def _result(check_id, title, reference, kind, method, ok, evidence, start) -> Result:
    return Result(id=check_id, title=title, statement=title, reference=reference, kind=kind, method=method,
                  verdict="verified" if ok else "refuted", evidence=evidence, corrected_statement=None,
                  numeric={}, seconds=time.perf_counter() - start)


def blob_bkw2d_quick() -> Result:
    """bkw2d with n = 16 to t = 1 by the conservative scheme: invariants, H_ε decay, error."""
    from landau_num.blob_run import BlobParameters, BlobRun
    from landau_num.cases import get_case

    start = time.perf_counter()
    run = BlobRun(get_case("bkw2d"), BlobParameters(n=16, T=1.0, dt=0.1, scheme="midpoint"))
    record = run.run(progress=False)
    s = record.series
    mass, energy = np.array(s["mass"]), np.array(s["energy"])
    momentum = np.array(s["momentum"])
    entropy = np.array(s["entropy"])
    evidence = {
        "mass_drift": float(np.abs(mass - mass[0]).max()),
        "momentum_drift": float(np.abs(momentum - momentum[0]).max()),
        "energy_relative_drift": float(np.abs(energy - energy[0]).max() / energy[0]),
        "entropy_increments_max": float(np.diff(entropy).max()),
        "relative_l2_error_at_t=1": record.extra["error_vs_exact"]["l2"][-1],
        "stop_reason": record.stop_reason,
    }
    ok = (evidence["mass_drift"] < 1e-12 and evidence["momentum_drift"] < 1e-12
          and evidence["energy_relative_drift"] < 1e-10 and evidence["entropy_increments_max"] < 0
          and evidence["relative_l2_error_at_t=1"] < 0.2 and record.stop_reason == "completed")
    return _result("blob-bkw2d-quick", "Blob method on bkw2d (n = 16, t ≤ 1, implicit midpoint)",
                   "000_2c86dc742ea51118.txt §2, Remark 29; DESIGN.md §5", "conservation law",
                   "simulation: invariants to round-off / solver tolerance, H_ε strictly decreasing, L² error vs BKW",
                   ok, evidence, start)


QUICK_CHECKS = [blob_bkw2d_quick]
