"""Quick numerical checks that `landau check` runs after the identity registry.

Each check runs a short simulation and returns a :class:`landau_sym.registry.Result` whose
verdict compares measured numbers with the mathematics (conservation to round-off, entropy
decay, agreement with an exact solution), so the report shows them beside the identities.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from landau_sym.registry import Result

from .check_result import simulation_result
from .quick_checks_maxwell import maxwell_quick
from .quick_checks_sde import sde_quick


def _run_directory(out_dir, name):
    """The subdirectory of the report where a check writes its run record and figures (None: no files)."""
    if out_dir is None:
        return None
    return Path(out_dir) / name


def blob_bkw2d_quick(out_dir: Path | None = None) -> Result:
    """bkw2d with n = 16 to t = 1 by the conservative scheme: invariants, H_ε decay, error."""
    from landau_num import solve

    start = time.perf_counter()
    record = solve("blob", "bkw2d", n=16, T=1.0, dt=0.1, scheme="midpoint",
                   out=_run_directory(out_dir, "blob-bkw2d"), overwrite=True).record
    s = record.series
    mass, energy = np.array(s["mass"]), np.array(s["energy"])
    momentum = np.array(s["momentum"])
    entropy = np.array(s["entropy"])
    evidence = {
        "mass_drift": float(np.abs(mass - mass[0]).max()),
        "momentum_drift": float(np.abs(momentum - momentum[0]).max()),
        "energy_relative_drift": float(np.abs(energy - energy[0]).max() / energy[0]),
        "entropy_increments_max": float(np.diff(entropy).max()),
        "relative_l2_error_at_t=1": record.series["error_vs_exact"]["l2"][-1],
        "stop_reason": record.stop_reason,
    }
    ok = (evidence["mass_drift"] < 1e-12 and evidence["momentum_drift"] < 1e-12
          and evidence["energy_relative_drift"] < 1e-10 and evidence["entropy_increments_max"] < 0
          and evidence["relative_l2_error_at_t=1"] < 0.2 and record.stop_reason == "completed")
    return simulation_result("blob-bkw2d-quick", "Blob method on bkw2d (n = 16, t ≤ 1, implicit midpoint)",
                   "000_2c86dc742ea51118.txt §2, Remark 29; DESIGN.md §5", "conservation law",
                   "simulation: invariants to round-off / solver tolerance, H_ε strictly decreasing, L² error vs BKW",
                   ok, evidence, start)


def spectral_bkw2d_quick(out_dir: Path | None = None) -> Result:
    """Spectral solver on BKW (d = 2, started at t = 1): exact tracking and every dissipation check."""
    import dataclasses

    from landau_num import solve
    from landau_num.cases import get_case

    from .run_checks import checks_for

    start = time.perf_counter()
    base = get_case("bkw2d")
    case = dataclasses.replace(base, t0=1.0, initial_density=lambda x: base.exact_density(x, 1.0))
    record = solve("spectral", case, n=48, T=0.5, record_every=20, out=_run_directory(out_dir, "spectral-bkw2d"),
                   overwrite=True, checks=checks_for("spectral")).record
    evidence = dict(record.summary["checks"])
    ok = record.completed and record.checks_passed
    evidence["max relative L2 error vs BKW"] = max(record.series["error_vs_exact"]["l2"])
    ok &= evidence["max relative L2 error vs BKW"] < 1e-9
    return simulation_result("spectral-bkw2d-quick", "Spectral solver on bkw2d (n = 48, t ∈ [1, 1.5])",
                   "000_2c86dc742ea51118.txt (5); 004_b333c7817a08033b.txt Theorem 1, Proposition 2; DESIGN.md §5",
                   "theorem", "simulation: dH/dt = −D, D_op = D_pair, I non-increasing, E envelope, second moments, BKW",
                   ok, evidence, start)


def spectral_coulomb2d_quick(out_dir: Path | None = None) -> Result:
    """Spectral solver on coulomb2d (γ = −3): conservation, entropy balance, Fisher decay."""
    from landau_num import solve

    from .run_checks import checks_for

    start = time.perf_counter()
    record = solve("spectral", "coulomb2d", n=48, T=0.5, record_every=4, out=_run_directory(out_dir, "spectral-coulomb2d"),
                   overwrite=True, checks=checks_for("spectral")).record
    evidence = dict(record.summary["checks"])
    ok = record.completed and record.checks_passed
    s = record.series
    evidence["mass drift"] = abs(s["mass"][-1] - s["mass"][0])
    evidence["relative energy drift"] = abs(s["energy"][-1] - s["energy"][0]) / s["energy"][0]
    ok &= evidence["mass drift"] < 1e-13 and evidence["relative energy drift"] < 1e-10
    return simulation_result("spectral-coulomb2d-quick", "Spectral solver on coulomb2d (n = 48, t ≤ 0.5)",
                   "000_2c86dc742ea51118.txt (5); DESIGN.md §5", "conservation law",
                   "simulation: mass and energy to round-off, dH/dt = −D, D_op = D_pair, I non-increasing",
                   ok, evidence, start)


QUICK_CHECKS = [blob_bkw2d_quick, spectral_bkw2d_quick, spectral_coulomb2d_quick,
                maxwell_quick, sde_quick]
"""Each takes the report directory (or None) and returns a Result; the simulation checks write
their run records and figures into a subdirectory of it, which the Markdown report embeds."""
