"""``landau run sde``: an ensemble of the particle system (3) of 003_2ee84d6b3c804a54.txt.

    landau run sde --case CASE --N N --replicas R --scheme rotation|euler [--dt --T --eta --seed]
                   --out DIR [--no-figures]

Writes DIR/result.json (DESIGN.md §6: ensemble means and spreads over replicas, worst
per-replica conservation errors, the seed), DIR/fields.npz (initial and final velocities) and,
unless --no-figures, DIR/second_moments.png, conservation.png, functionals.png. Bad input raises
ValueError with a one-line message naming the value and the allowed range, before computing.
"""
from __future__ import annotations

from pathlib import Path


def add_sde_parser(solvers):
    """Add the ``sde`` sub-parser to the ``landau run`` subparsers; returns it."""
    sde = solvers.add_parser("sde", help="stochastic N-particle system (3) of seed 003, ensembles of replicas")
    sde.add_argument("--case", required=True, help="aniso3d, bimaxwellian3d or bkw3d (three-dimensional cases)")
    sde.add_argument("--N", type=int, default=64, help="particles per replica, >= 2 (default 64)")
    sde.add_argument("--replicas", type=int, default=16, help="independent replicas, >= 1 (default 16)")
    sde.add_argument("--scheme", default="rotation",
                     help="rotation (pair rotations, conservative, any dt) or euler (Euler-Maruyama); default rotation")
    sde.add_argument("--dt", type=float, default=0.01, help="time step, > 0 (default 0.01)")
    sde.add_argument("--T", type=float, default=1.0, help="duration, > 0 (default 1)")
    sde.add_argument("--eta", type=float, default=None, help="cut-off radius of alpha^N, > 0 (default N^(-1/3))")
    sde.add_argument("--seed", type=int, default=0, help="seed of numpy.random.Generator, >= 0 (default 0)")
    sde.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory")
    sde.add_argument("--no-figures", action="store_true", help="skip the PNG figures")
    sde.set_defaults(handler=run_sde_command)
    return sde


def run_sde_command(args) -> int:
    """Validate (ValueError on bad input), run, write the record; 0 when the run completed."""
    from landau_num.cases import get_case
    from landau_num.sde import SDEParameters, SDERun

    if args.out.exists() and not args.out.is_dir():
        raise ValueError(f"--out {args.out} exists and is not a directory")
    case = get_case(args.case)
    params = SDEParameters(N=args.N, replicas=args.replicas, T=args.T, dt=args.dt, scheme=args.scheme,
                           eta=args.eta, seed=args.seed)
    runner = SDERun(case, params)
    record = runner.run(out_dir=args.out, progress=True, figures=not args.no_figures)
    s = record.series
    print(f"{case.name}: N={params.N}, R={params.replicas}, {params.scheme}, {record.steps} steps, "
          f"{record.wall_seconds:.1f} s ({record.extra['pair_updates_per_second']:.3g} pair updates/s), "
          f"stop: {record.stop_reason}")
    print(f"  worst per-replica relative drift: momentum {max(s['momentum_relative_drift_max']):.2e}, "
          f"energy {max(s['energy_relative_drift_max']):.2e} "
          f"(mean energy drift at the end {s['energy_relative_drift_mean'][-1]:+.2e})")
    diagonal = [s["second_moments"][-1][k][k] for k in range(3)]
    print(f"  ensemble second moments (diagonal) at t={s['times'][-1]:.3g}: " + ", ".join(f"{x:.4f}" for x in diagonal))
    if "second_moments_landau" in record.extra:
        exact = record.extra["second_moments_landau"][-1]
        print("  Landau law:                               " + ", ".join(f"{exact[k][k]:.4f}" for k in range(3)))
    print(f"  run record: {Path(args.out) / 'result.json'}")
    return 0 if record.stop_reason == "completed" else 1
