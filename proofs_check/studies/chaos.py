"""Propagation of chaos at scale (003_2ee84d6b3c804a54.txt Theorem 1.2, Corollary 1.5): the empirical
measure of the random-pairing scheme for system (3) (landau_num.sde.pairing) against the Landau
solution, for N from 10² to 10⁶, on the Maxwell-molecule case ``aniso3d`` (γ = 0), where the
Landau second moments are exact (Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}).

*Runs.* Every N is a normal run of the ``sde`` solver (``--scheme pairing --replicas R``,
R = max(1, N_total/N), N_total = 10⁵ by default) made by :func:`landau_num.run_sweep`, so that
the runs go to a Dask cluster (a LocalCluster sized to the machine, ``--workers``, or an existing
``--scheduler``) and each leaves its run record in ``DIR/runs/``: the runs with R replicas are one
sweep over N in ``DIR/runs/replicas=R/`` (point ``N=…``), the reference run (below) a sweep of its
own in ``DIR/runs/reference/``. The sweeps' seed roots are ``SeedSequence(--seed).spawn`` (in the
order of the groups, the reference last), so the numbers do not depend on the number of workers;
running the study again on the same DIR skips the runs that completed. The study reads the
initial and final velocities of every run from its ``record.nc`` (the solver's fields).

Measured at the final time T, per N:
- the second-moment error |S_N(T) − Σ(T)|_F of the empirical second moments (1/N)ΣV_i⊗V_i, mean
  over replicas, against (a) the Landau law and (b) the exact finite-N, finite-dt law of the
  scheme given each replica's initial data (pairing_second_moment_law): (b) isolates the
  fluctuations (expected ∝ N^{−1/2}), and |E law − Landau| is the deterministic bias of finite N
  and dt, drawn as a floor;
- the energy distance (U-statistics in both self terms, from landau_num.sde.diagnostics) between n ≤ 2000
  particles of μ^N(T) and 2000 particles of an independent run at the largest N (the reference
  for the Landau solution at T; it shares the O(dt) bias of the scheme, so this measures chaos —
  the decay of fluctuations and correlations — not the time-step error). W₂ is not computed here.

Verdict: ``verified`` when the log-log slope of (b) over N is in [−0.75, −0.25] (the N^{−1/2} of
the law of large numbers for the empirical second moments).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

from . import Study

CASE = "aniso3d"
RUNS = "runs"
REFERENCE = "reference"
SAMPLE = 2000  # particles per replica in the energy distance, and of the reference


def add_arguments(parser) -> None:
    parser.add_argument("--N", type=int, nargs="+", default=[100, 1000, 10000, 100000, 1000000],
                        help="particle numbers (even)")
    parser.add_argument("--total", type=int, default=100000, help="particles per N over all replicas (R = total/N)")
    parser.add_argument("--dt", type=float, default=0.01, help="time step")
    parser.add_argument("--T", type=float, default=0.5, help="final time")
    parser.add_argument("--seed", type=int, default=0, help="root of numpy.random.SeedSequence for the runs' seeds")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes of the LocalCluster, one run each at a time [default: usable cores / "
                             "threads per worker, at most the number of runs]")
    parser.add_argument("--threads-per-worker", type=int, default=1,
                        help="numba threads of each run (the numbers can depend on it in the last bits) [default: 1]")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="address of an existing Dask scheduler (tcp://host:8786) instead of a LocalCluster; "
                             "DIR must be on a file system its workers share")


def run_groups(Ns, total: int) -> list[tuple[str, int, list[int]]]:
    """The sweeps of the study: (directory under DIR/runs, replicas R, the N of its points); the
    N with equal R = max(1, total // N) share a sweep, the reference (R = 1, the largest N) is last."""
    groups: dict[int, list[int]] = {}
    for N in sorted(Ns):
        groups.setdefault(max(1, total // N), []).append(N)
    return [(f"replicas={R}", R, Ns) for R, Ns in groups.items()] + [(REFERENCE, 1, [max(Ns)])]


def run(args) -> int:
    import sys
    from concurrent.futures import ThreadPoolExecutor

    import numpy as np
    import xarray as xr

    from landau_num import make_solver, run_sweep
    from landau_num.cases import get_case
    from landau_num.core.record import CONTAINER_FILE
    from landau_num.core.solver import step_count
    from landau_num.figures import pyplot
    from landau_num.sde.diagnostics import _mean_distance, energy_distance, replica_second_moments
    from landau_num.sde.pairing import pairing_second_moment_law
    from landau_num.sweep import spawned_seeds
    from landau_num.sweep.runner import dask_client, usable_cores
    from landau_num.validation import require_integer, require_positive

    from ..run_checks import checks_for

    for N in args.N:
        require_integer("N", N, 2)
        if N % 2:
            raise ValueError(f"N must be even (a perfect matching), got {N}")
    if len(set(args.N)) != len(args.N):
        raise ValueError(f"--N lists a particle number twice: {args.N}")
    require_positive("dt", args.dt)
    require_positive("T", args.T)
    require_integer("total", args.total, 2)
    require_integer("seed", args.seed, 0)
    require_integer("--threads-per-worker", args.threads_per_worker, 1)
    if args.workers is not None:
        require_integer("--workers", args.workers, 1)
        if args.scheduler is not None:
            raise ValueError("--workers sizes the LocalCluster; with --scheduler the cluster's own workers run the points")
    case = get_case(CASE)
    steps, dt = step_count(args.T, args.dt)  # the solver's time grid: steps equal steps of dt ≤ --dt reaching T
    groups = run_groups(args.N, args.total)
    roots = spawned_seeds(args.seed, len(groups))
    fixed = {"scheme": "pairing", "dt": args.dt, "T": args.T, "records": 1}
    for _, R, Ns in groups:  # every run checked as `landau run` checks it, before a worker starts
        for N in Ns:
            make_solver("sde", CASE, N=N, replicas=R, **fixed)
    out = Path(args.out)
    runs = out / RUNS
    runs.mkdir(parents=True, exist_ok=True)

    def sweep(group, root, client):
        name, R, Ns = group
        return run_sweep("sde", CASE, {"N": Ns}, out=runs / name, seed_root=root,
                         client=client, threads_per_worker=args.threads_per_worker, checks=checks_for("sde"),
                         figures=False, command=sys.argv, replicas=R, **fixed)

    workers = args.workers or max(1, usable_cores() // args.threads_per_worker)
    workers = min(workers, sum(len(Ns) for _, _, Ns in groups))
    try:
        with dask_client(None, args.scheduler, workers, args.threads_per_worker) as client:
            # one thread per sweep, all on the same cluster: the largest runs first (Dask runs in submission order)
            order = sorted(zip(groups, roots), key=lambda plan: -max(plan[0][2]) * plan[0][1])
            with ThreadPoolExecutor(len(groups)) as pool:
                done = dict(zip((g[0] for g, _ in order), pool.map(lambda plan: sweep(*plan, client), order)))
    except (OSError, TimeoutError) as exc:  # the scheduler cannot be reached, a worker cannot start
        print(f"landau study chaos: the Dask cluster failed: {exc}", file=sys.stderr)
        return 1
    failed = [f"{name}/{outcome['name']}: {outcome['reason']}" for name, result in done.items()
              for outcome in result.outcomes if outcome["status"] == "failed"]
    if failed:
        print("landau study chaos: run(s) failed, no verdict:\n  " + "\n  ".join(failed), file=sys.stderr)
        return 1

    def velocities(name, N):
        where = runs / name / f"N={N}"
        with xr.open_dataset(where / CONTAINER_FILE, engine="h5netcdf") as fields:
            v0 = np.ascontiguousarray(fields["initial_velocities"].values)
            v = np.ascontiguousarray(fields["final_velocities"].values)
        return where, done[name].record(f"N={N}"), v0, v

    _, ref_record, _, reference = velocities(REFERENCE, max(args.N))
    T = float(ref_record.series["times"][-1])
    landau = case.exact_second_moments(T)
    sigma0 = case.exact_second_moments(case.t0)
    ref = np.ascontiguousarray(reference[0, :SAMPLE])
    M = len(ref)
    uniform = np.full(M, 1.0 / M)
    ref_floor = _mean_distance(ref, uniform, ref, uniform) / (M - 1)  # V → U for the reference's self term
    rows = []
    for name, R, Ns in groups[:-1]:
        for N in Ns:
            where, record, v0, v = velocities(name, N)
            mean = v0.mean(axis=1)
            mm = np.einsum("ri,rj->rij", mean, mean)
            K0 = np.einsum("rni,rnj->rij", v0, v0) / N - mm
            law = mm + pairing_second_moment_law(K0, N, case.C, dt, steps)  # given each replica's V(0)
            S = replica_second_moments(v)
            err_landau = np.linalg.norm(S - landau, axis=(1, 2))
            err_law = np.linalg.norm(S - law, axis=(1, 2))
            # E K0 = (1 − 1/N)Σ0 and E M⊗M = Σ0/N for i.i.d. N(0, Σ0) data: the law is linear in K0
            expected_law = sigma0 / N + pairing_second_moment_law((1 - 1 / N) * sigma0, N, case.C, dt, steps)
            bias = float(np.linalg.norm(expected_law - landau))
            _, d2u = energy_distance(v[:, :SAMPLE], ref)
            d2u = d2u - ref_floor  # unbiased for D²(F^{N:1}, law of the reference particles): both self terms U
            summary = record.summary
            rows.append({
                "N": N, "replicas": R, "run": str(where.relative_to(out)), "seed": record.params["parameters"]["seed"],
                "seconds": summary["integrator_seconds"], "pair_updates_per_second": summary["pair_updates_per_second"],
                "second_moment_error_landau": float(err_landau.mean()),
                "second_moment_error_scheme_law": float(err_law.mean()),
                "second_moment_error_scheme_law_se": float(err_law.std(ddof=1) / math.sqrt(R)) if R > 1 else None,
                "bias_law_minus_landau": bias, "energy_distance_U": float(d2u.mean()),
                "energy_distance_U_se": float(d2u.std(ddof=1) / math.sqrt(R)) if R > 1 else None,
            })
            print(f"chaos: N={N:>8} R={R:>5} |S-Landau|={rows[-1]['second_moment_error_landau']:.3e} "
                  f"|S-law|={rows[-1]['second_moment_error_scheme_law']:.3e} bias={bias:.2e} "
                  f"D2_U={rows[-1]['energy_distance_U']:.2e} ({rows[-1]['seconds']:.1f} s)")
    Ns = np.array([r["N"] for r in rows], dtype=float)
    fluct = np.array([r["second_moment_error_scheme_law"] for r in rows])
    slope = float(np.polyfit(np.log(Ns), np.log(fluct), 1)[0]) if len(rows) > 1 else float("nan")
    verdict = "verified" if -0.75 <= slope <= -0.25 else "inconclusive"
    record = {"study": "chaos", "case": case.name, "scheme": "pairing", "dt": dt, "T": T, "steps": steps,
              "reference": "003_2ee84d6b3c804a54.txt Theorem 1.2, Corollary 1.5",
              "seed_root": args.seed, "runs": {name: str((runs / name).relative_to(out)) for name, _, _ in groups},
              "reference_run": {"run": str((runs / REFERENCE / f"N={max(args.N)}").relative_to(out)),
                                "seed": ref_record.params["parameters"]["seed"]},
              "rows": rows, "fluctuation_slope": slope, "verdict": verdict,
              "note": "each N an sde run (--scheme pairing) of a sweep in DIR/runs (landau_num.run_sweep); energy "
                      "distance against an independent run at the largest N (shares the O(dt) bias); second "
                      "moments against the exact Landau law and the exact law of the scheme"}
    (out / "record.json").write_text(json.dumps(record, indent=2))
    plt = pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    ax = axes[0]
    ax.loglog(Ns, [r["second_moment_error_landau"] for r in rows], "o-", label="|S_N − Σ_Landau(T)|")
    ax.loglog(Ns, fluct, "s-", label="|S_N − law of the scheme|")
    ax.loglog(Ns, [max(r["bias_law_minus_landau"], 1e-17) for r in rows], "k--", label="bias: law − Landau")
    ax.loglog(Ns, fluct[0] * (Ns / Ns[0]) ** -0.5, ":", color="grey", label="N^(−1/2)")
    ax.set(xlabel="N", title=f"second moments at T={T:g} (slope {slope:.2f})")
    ax.legend(fontsize=7)
    ax = axes[1]
    ax.loglog(Ns, [max(r["energy_distance_U"], 1e-12) for r in rows], "o-", label="D²_U(μ^N, reference)")
    ax.set(xlabel="N", title=f"energy distance (n ≤ {SAMPLE} vs {SAMPLE} of the largest-N run)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "chaos.png", dpi=110)
    plt.close(fig)
    print(f"chaos: fluctuation slope {slope:.3f}: {verdict}; record and figure in {out}, runs in {runs}")
    return 0 if verdict == "verified" else 1


STUDY = Study("chaos", "propagation of chaos of the pairing scheme for system (3) of seed 003, N = 10^2..10^6 "
              "(each N an sde run of a sweep on Dask)", add_arguments, run)
