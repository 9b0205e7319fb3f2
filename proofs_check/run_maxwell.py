"""``landau run maxwell``: the exact Maxwell-molecule (γ = 0) solver in Hermite coefficients.

    landau run maxwell --case CASE [--degree N] [--T T] [--dt DT | --times t ...]
                       [--method exact|dop853] --out DIR [--no-figures]

The solver (landau_num.maxwell_hermite; 004_b333c7817a08033b.txt Proposition 1, (2.3), and
Proposition 2) evolves the Hermite coefficients of degree ≤ N exactly. Writes DIR/result.json
(DESIGN.md §6, plus relative_l2 = E(t) of 004 Theorem 1 and the Theorem 1 diagnostics),
DIR/fields.npz (multi-indices, coefficients at every output time, a slice of the reconstructed
density at the final time) and, unless --no-figures, DIR/relative_l2.png, second_moments.png,
density_slice.png. Bad input raises ValueError with a one-line message naming the value and the
allowed range, before computing.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from landau_num.validation import require_positive

MAX_DEGREE = {2: 60, 3: 24}
MAX_OUTPUT_TIMES = 10_000


def add_maxwell_parser(solvers):
    """Add the ``maxwell`` sub-parser to the ``landau run`` subparsers; returns it."""
    maxwell = solvers.add_parser("maxwell", help="exact Maxwell-molecule solver in Hermite coefficients (seed 004 §2)")
    maxwell.add_argument("--case", required=True, help="bkw2d, bkw3d or aniso3d (the γ = 0 cases)")
    maxwell.add_argument("--degree", type=int, default=8,
                         help=f"largest total Hermite degree, 2..{MAX_DEGREE[2]} in 2D, 2..{MAX_DEGREE[3]} in 3D (default 8)")
    maxwell.add_argument("--T", type=float, default=10.0, help="duration after the case's t0, > 0 (default 10)")
    output = maxwell.add_mutually_exclusive_group()
    output.add_argument("--dt", type=float, default=None, help="spacing of the output times, 0 < dt <= T (default T/50)")
    output.add_argument("--times", type=float, nargs="+", default=None, metavar="t",
                        help="output times (case time, each in [t0, t0 + T]); t0 is always recorded")
    maxwell.add_argument("--method", default="exact",
                         help="exact (exponential of the augmented constant matrix) or dop853 (cross-check); default exact")
    maxwell.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory")
    maxwell.add_argument("--no-figures", action="store_true", help="skip the PNG figures")
    maxwell.set_defaults(handler=run_maxwell_command)
    return maxwell


def _finite_positive(name: str, value) -> float:
    require_positive(name, value)
    return float(value)


def output_times(t0: float, T: float, dt: float | None, times) -> np.ndarray:
    """The case times to record: t0, t0 + dt, …, t0 + T, or t0 and the given times (sorted)."""
    if times is not None:
        given = np.asarray(times, dtype=float)
        bad = [t for t in given if not (math.isfinite(t) and t0 <= t <= t0 + T)]
        if bad:
            raise ValueError(f"--times value {bad[0]!r} is outside [t0, t0 + T] = [{t0:g}, {t0 + T:g}]")
        return np.unique(np.concatenate([[t0], given]))
    dt = T / 50 if dt is None else _finite_positive("--dt", dt)
    if dt > T:
        raise ValueError(f"--dt must satisfy 0 < dt <= T = {T:g}, got {dt!r}")
    steps = math.ceil(T / dt - 1e-9)
    if steps > MAX_OUTPUT_TIMES:
        raise ValueError(f"--dt {dt!r} gives {steps} output times; at most {MAX_OUTPUT_TIMES} (use dt >= {T / MAX_OUTPUT_TIMES:g})")
    return t0 + T * np.arange(steps + 1) / steps


def _validated_case(name: str, degree):
    from landau_num.cases import get_case
    from landau_num.maxwell_hermite import MAXWELL_CASES

    case = get_case(name)
    if case.name not in MAXWELL_CASES:
        raise ValueError(f"--case {name!r} has gamma = {case.gamma:g}; the maxwell solver needs gamma = 0: "
                         f"{', '.join(MAXWELL_CASES)}")
    if not isinstance(degree, int) or not 2 <= degree <= MAX_DEGREE[case.d]:
        raise ValueError(f"--degree must be an integer in [2, {MAX_DEGREE[case.d]}] for d = {case.d}, got {degree!r}")
    return case


def run_maxwell_command(args) -> int:
    """Validate (ValueError on bad input), run, write the record; 0 when the run completed."""
    from landau_num.maxwell_hermite import METHODS, run_case

    if args.out.exists() and not args.out.is_dir():
        raise ValueError(f"--out {args.out} exists and is not a directory")
    case = _validated_case(args.case, args.degree)
    T = _finite_positive("--T", args.T)
    times = output_times(case.t0, T, args.dt, args.times)
    if args.method not in METHODS:
        raise ValueError(f"--method must be one of {', '.join(METHODS)}, got {args.method!r}")

    record, coefficients, basis = run_case(case, args.degree, times, args.method)
    write_outputs(case, record, coefficients, basis, args.out, figures=not args.no_figures)
    _print_summary(case, record, args.out)
    return 0 if record.stop_reason == "completed" else 1


def _slice(case, basis, coefficients_final, t_final):
    from landau_num.maxwell_hermite import reconstruct

    axis = np.linspace(-case.L, case.L, 201)
    points = np.zeros((len(axis), case.d))
    points[:, 0] = axis
    numeric = reconstruct(coefficients_final, basis, points)
    exact = case.exact_density(points, t_final) if case.exact_density is not None else None
    return axis, numeric, exact


def write_outputs(case, record, coefficients, basis, out_dir: Path, figures: bool) -> None:
    times = np.array(record.series["times"])
    axis, numeric, exact = _slice(case, basis, coefficients[-1], times[-1])
    fields = {"times": times, "multi_indices": basis.indices, "coefficients": coefficients,
              "slice_axis": axis, "slice_density": numeric}
    if exact is not None:
        fields["slice_density_exact"] = exact
    record.write(out_dir, fields)
    if not figures:
        return
    from landau_num import figures as fig

    _plot_relative_l2(record, out_dir / "relative_l2.png")
    _plot_second_moments(record, out_dir / "second_moments.png")
    fig.density_slice(axis, numeric, exact, out_dir / "density_slice.png",
                      f"{case.name}, degree {basis.degree}, t = {times[-1]:.3g}: f_N on the v₁ axis")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _plot_relative_l2(record, path: Path) -> None:
    from landau_num.maxwell_hermite import theorem1_proof_bound

    plt = _pyplot()
    s, p, theorem = record.series, record.params, record.extra["theorem1"]
    t = np.array(s["times"])
    E = np.array(s["relative_l2"])
    fig, ax = plt.subplots(figsize=(6.4, 4))
    ax.semilogy(t, E, marker=".", label=f"E_N(t), |α| ≤ {p['degree']}")
    if "relative_l2_exact" in record.extra:
        ax.semilogy(t, record.extra["relative_l2_exact"], "--", label="E(t) of the exact BKW solution")
    P0 = np.array(s["second_moments"][0])
    ax.semilogy(t, E[0] * theorem1_proof_bound(P0, p["C"], t - p["t0"]), ":",
                label="bound of the proof of 004 Theorem 1")
    if theorem["t0_elapsed"] > 0:
        ax.axvline(p["t0"] + theorem["t0_elapsed"], color="grey", lw=0.8, label="t₀ of Theorem 1")
    ax.set(xlabel="t", ylabel="E", title=f"{record.case}: relative L² distance to m")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _plot_second_moments(record, path: Path) -> None:
    plt = _pyplot()
    s = record.series
    t = np.array(s["times"])
    P, law = np.array(s["second_moments"]), np.array(s["second_moments_exact"])
    fig, ax = plt.subplots(figsize=(6.4, 4))
    for i in range(P.shape[1]):
        line, = ax.plot(t, law[:, i, i], lw=1, label=f"P_{i + 1}{i + 1} closed form")
        ax.plot(t, P[:, i, i], ".", color=line.get_color(), label=f"P_{i + 1}{i + 1} from the coefficients")
    ax.set(xlabel="t", ylabel="second moments", title=f"{record.case}: second-moment law (004 Proposition 2)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _print_summary(case, record, out_dir: Path) -> None:
    s, extra, theorem = record.series, record.extra, record.extra["theorem1"]
    print(f"{case.name}: degree {record.params['degree']} ({record.params['basis_size']} coefficients), "
          f"{record.params['method']}, {len(s['times'])} output times, {record.wall_seconds:.2f} s")
    print(f"  mass drift {max(abs(m - s['mass'][0]) for m in s['mass']):.1e}; "
          f"second-moment law error {extra['second_moment_law_error_max']:.1e}")
    if "coefficient_error_max" in extra:
        print(f"  largest coefficient error vs exact BKW {extra['coefficient_error_max']:.1e}")
    print(f"  E(t): {s['relative_l2'][0]:.6g} -> {s['relative_l2'][-1]:.6g}; sup E e^(2(d-1)Ct)/E(0) = "
          f"{theorem['sup_E_exp_ratio']:.6g}; Theorem 1 t0 = {theorem['t0_elapsed']:.4g} after the start; "
          f"monotone after t0: {theorem['monotone_after_t0']}")
    print(f"  run record: {Path(out_dir) / 'result.json'}")
