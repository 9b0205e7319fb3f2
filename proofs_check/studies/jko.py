"""`landau study jko`: the Landau metric on particle measures along the blob flow, and the JKO
scheme (27)–(28) of 000_2c86dc742ea51118.txt against the flow.

Particles: the blob discretisation of bkw2d (``--n`` cells per side on [−L, L]², the paper's
exponential mollifier G^ε by default), γ = 0. Three parts (table on stdout, DIR/jko.json, figures):

1. *Energy-dissipation equality.* H_ε(T) + ½∫₀ᵀ(D_ε + |μ̇|²) − H_ε(0) for RK4 and the implicit
   midpoint rule over ``--ede-steps`` step counts, with |μ̇|² from the Landau metric module (the
   pseudo-inverse of the weighted graph Laplacian) and the integrals carried in the state
   (landau_metric.flow_balance); verdict: the observed order of the finest pair ≥ 3.5 (RK4) and
   ≥ 1.8 (midpoint), and |μ̇|² = D_ε at every node (Proposition 27's equality) to 1e-9.
2. *One JKO step vs the flow.* For each τ in ``--taus``: one JKO step (jko.jko_step, K = ``--segments``
   path segments) against the blob flow over τ (RK4, 64 substeps); the difference in the weighted
   norm ‖x‖_w² = Σw_p|x_p|², relative to the flow's displacement, must fall as O(τ²) (verdict:
   observed order of the finest pair ≥ 1.7); the path discretisation changes the step by far less
   (K = 1 and 4 against K, at the two largest τ: ≤ 0.1 of the JKO–flow difference), and starting the
   minimisation at rest instead of the Euler guess gives the same step (≤ 1e-3 of it).
3. *Several JKO steps over a fixed time* T = ``--global-T`` (the curve (28) at T): difference O(τ)
   (verdict: observed order of the finest pair ≥ 0.8).
Exit status 0 when every verdict is "verified", 1 otherwise.
"""
from __future__ import annotations

from . import Study

SEED = "000_2c86dc742ea51118.txt"


def _floats(text: str, name: str) -> list[float]:
    try:
        values = [float(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise ValueError(f"{name} must be a comma-separated list of numbers, got {text!r}") from None
    if len(values) < 3 or any(not (v > 0) for v in values):
        raise ValueError(f"{name} needs at least 3 positive values, got {text!r}")
    return values


def add_arguments(parser) -> None:
    parser.add_argument("--n", type=int, default=8, help="cells per side of the bkw2d blob (6..12; default 8: 64 particles)")
    parser.add_argument("--L", type=float, default=4.0, help="half-width of the box (default 4)")
    parser.add_argument("--kernel", choices=("exponential", "gaussian"), default="exponential",
                        help="mollifier: the paper's G^ε (default) or the Gaussian")
    parser.add_argument("--taus", default="0.5,0.25,0.125,0.0625", help="JKO steps τ (>= 3 values; default 0.5,0.25,0.125,0.0625)")
    parser.add_argument("--segments", type=int, default=2, help="path segments K of the discrete distance (1..8; default 2)")
    parser.add_argument("--ede-T", type=float, default=2.0, help="time of the energy-dissipation runs (default 2)")
    parser.add_argument("--ede-steps", default="2,4,8,16,32", help="step counts of the energy-dissipation runs (default 2,4,8,16,32)")
    parser.add_argument("--global-T", type=float, default=0.5, help="time of the multi-step JKO comparison (default 0.5)")
    parser.add_argument("--threads", type=int, default=1,
                        help="numba threads (default 1: at these particle counts threads cost more than they save)")


def _validate(args) -> dict:
    if not 6 <= args.n <= 12:
        raise ValueError(f"--n must be in [6, 12], got {args.n}")
    if not 1 <= args.segments <= 8:
        raise ValueError(f"--segments must be in [1, 8], got {args.segments}")
    for name in ("L", "ede_T", "global_T"):
        if not getattr(args, name) > 0:
            raise ValueError(f"--{name.replace('_', '-')} must be > 0, got {getattr(args, name)}")
    if args.threads < 1:
        raise ValueError(f"--threads must be >= 1, got {args.threads}")
    taus = sorted(_floats(args.taus, "--taus"), reverse=True)
    steps = sorted(int(s) for s in _floats(args.ede_steps, "--ede-steps"))
    for tau in taus:
        ratio = args.global_T / tau
        if abs(ratio - round(ratio)) > 1e-9:
            raise ValueError(f"--global-T {args.global_T:g} must be a multiple of every τ, not of {tau:g}")
    return {"taus": taus, "steps": steps}


def _orders(xs, ys) -> list[float]:
    import math

    return [math.log(abs(a / b)) / math.log(p / q) for p, q, a, b in zip(xs, xs[1:], ys, ys[1:])]


def run(args) -> int:
    lists = _validate(args)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    import time

    import numba
    import numpy as np

    from landau_num.blob import jko
    from landau_num.blob import landau_metric as lm
    from landau_num.blob.solver import BlobSolver
    from landau_num.cases import get_case
    from landau_num.core.record import dumps_strict
    from landau_num.figures import pyplot
    from landau_num.time_integration import rk4_step

    start = time.perf_counter()
    solver = BlobSolver(get_case("bkw2d"), n=args.n, L=args.L, kernel=args.kernel, interaction="direct")
    system, x0 = solver.system, solver.y0
    w = system.w

    def norm_w(a):
        return float(np.sqrt(np.sum(w[:, None] * a * a)))

    def flow(x, T, substeps=64):
        for _ in range(substeps):
            x = rk4_step(system.velocities, x, T / substeps)
        return x

    verdicts, record = {}, {"seed": SEED, "params": {**{k: v for k, v in vars(args).items() if not callable(v)},
                                                     "out": str(out), "particles": len(w),
                                                     "eps": system.eps, "gamma": system.gamma, "C": system.C}}
    previous_threads = numba.get_num_threads()
    numba.set_num_threads(min(args.threads, numba.config.NUMBA_NUM_THREADS))
    try:
        # 1. energy-dissipation equality
        ede = {}
        print(f"1. energy-dissipation equality, bkw2d n={args.n} ({len(w)} particles), T={args.ede_T:g}")
        print(f"   {'scheme':8s} {'steps':>5s} {'dt':>9s} {'residual':>12s} {'order':>6s} {'max|D-|mu|^2|/D':>16s}")
        for scheme, need in (("rk4", 3.5), ("midpoint", 1.8)):
            rows = []
            for steps in lists["steps"]:
                fb = lm.flow_balance(system, x0, args.ede_T, steps, scheme)
                gap = float(np.max(np.abs(fb.dissipation - fb.metric_derivative_squared) / fb.dissipation))
                rows.append({"steps": steps, "dt": args.ede_T / steps, "residual": fb.residual,
                             "dissipated": fb.dissipated, "max_relative_gap_D_vs_metric_derivative": gap,
                             "kernel_fraction": fb.kernel_fraction})
            orders = _orders([r["dt"] for r in rows], [r["residual"] for r in rows])
            for r, o in zip(rows, [None] + orders):
                print(f"   {scheme:8s} {r['steps']:5d} {r['dt']:9.4g} {r['residual']:12.3e} "
                      f"{'' if o is None else f'{o:6.2f}':>6s} {r['max_relative_gap_D_vs_metric_derivative']:16.2e}")
            ok = orders[-1] >= need and max(r["max_relative_gap_D_vs_metric_derivative"] for r in rows) <= 1e-9
            ede[scheme] = {"rows": rows, "observed_orders": orders, "required_order": need}
            verdicts[f"energy-dissipation equality ({scheme}, order >= {need})"] = "verified" if ok else "refuted"
        record["energy_dissipation"] = ede

        # 2. one JKO step against the flow
        print(f"2. one JKO step (K={args.segments}) vs the blob flow over tau")
        print(f"   {'tau':>8s} {'|jko-flow|_w':>13s} {'relative':>10s} {'order':>6s} {'|K=1 - K|':>10s} {'|K=4 - K|':>10s} {'iters':>5s} {'grad':>8s}")
        rows = []
        for i, tau in enumerate(lists["taus"]):
            step = jko.jko_step(system, x0, tau, segments=args.segments)
            reference = flow(x0, tau)
            row = {"tau": tau, "difference": norm_w(step.positions - reference),
                   "flow_displacement": norm_w(reference - x0), "iterations": step.iterations,
                   "gradient_norm": step.gradient_norm, "distance_squared": step.distance_squared,
                   "entropy_change": step.entropy_change, "optimiser": step.message}
            if i < 2:
                for K in (1, 4):
                    other = jko.jko_step(system, x0, tau, segments=K)
                    row[f"segments_{K}_difference"] = norm_w(other.positions - step.positions)
            rows.append(row)
        rest = jko.jko_step(system, x0, lists["taus"][-1], segments=args.segments, start="rest")
        rest_gap = norm_w(rest.positions - jko.jko_step(system, x0, lists["taus"][-1], segments=args.segments).positions)
        orders = _orders([r["tau"] for r in rows], [r["difference"] for r in rows])
        for r, o in zip(rows, [None] + orders):
            k1 = r.get("segments_1_difference")
            k4 = r.get("segments_4_difference")
            print(f"   {r['tau']:8.4g} {r['difference']:13.3e} {r['difference'] / r['flow_displacement']:10.3e} "
                  f"{'' if o is None else f'{o:6.2f}':>6s} {'' if k1 is None else f'{k1:10.2e}':>10s} "
                  f"{'' if k4 is None else f'{k4:10.2e}':>10s} {r['iterations']:5d} {r['gradient_norm']:8.1e}")
        print(f"   start at rest instead of the Euler guess (tau={lists['taus'][-1]:g}): difference {rest_gap:.2e}")
        segment_ok = all(max(r["segments_1_difference"], r["segments_4_difference"]) <= 0.1 * r["difference"]
                         for r in rows[:2])
        rest_ok = rest_gap <= 1e-3 * rows[-1]["difference"]
        record["one_step"] = {"rows": rows, "observed_orders": orders, "rest_start_difference": rest_gap}
        verdicts["one JKO step = blob flow + O(tau^2) (order >= 1.7)"] = "verified" if orders[-1] >= 1.7 else "refuted"
        verdicts["path discretisation K=1,4 vs K: <= 0.1 of the JKO-flow difference"] = "verified" if segment_ok else "refuted"
        verdicts["minimiser independent of the start (<= 1e-3 of the difference)"] = "verified" if rest_ok else "refuted"

        # 3. several JKO steps over a fixed time
        T = args.global_T
        reference = flow(x0, T, substeps=256)
        print(f"3. JKO curve (28) at T={T:g} vs the blob flow")
        grows = []
        for tau in lists["taus"]:
            x = x0
            for _ in range(int(round(T / tau))):
                x = jko.jko_step(system, x, tau, segments=args.segments).positions
            grows.append({"tau": tau, "steps": int(round(T / tau)), "difference": norm_w(x - reference)})
        gorders = _orders([r["tau"] for r in grows], [r["difference"] for r in grows])
        for r, o in zip(grows, [None] + gorders):
            print(f"   tau={r['tau']:8.4g} steps={r['steps']:3d} |jko-flow|_w={r['difference']:.3e} "
                  f"{'' if o is None else f'order {o:.2f}'}")
        record["fixed_time"] = {"T": T, "rows": grows, "observed_orders": gorders}
        verdicts["JKO curve at fixed T = blob flow + O(tau) (order >= 0.8)"] = "verified" if gorders[-1] >= 0.8 else "refuted"
    finally:
        numba.set_num_threads(previous_threads)

    record["verdicts"] = verdicts
    record["wall_seconds"] = time.perf_counter() - start
    (out / "jko.json").write_text(dumps_strict(record))

    plt = pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for scheme, data in ede.items():
        axes[0].loglog([r["dt"] for r in data["rows"]], [abs(r["residual"]) for r in data["rows"]], "o-", label=scheme)
    axes[0].set_xlabel("Δt")
    axes[0].set_ylabel("|H_ε(T) + ½∫(D_ε + |μ̇|²) − H_ε(0)|")
    axes[0].set_title("energy-dissipation equality")
    axes[0].legend()
    axes[1].loglog([r["tau"] for r in rows], [r["difference"] for r in rows], "o-", label="one step")
    axes[1].loglog([r["tau"] for r in grows], [r["difference"] for r in grows], "s-", label=f"curve at T={T:g}")
    axes[1].set_xlabel("τ")
    axes[1].set_ylabel("‖JKO − flow‖_w")
    axes[1].set_title("JKO scheme (27)–(28) vs blob flow")
    axes[1].legend()
    fig.tight_layout()
    fig.savefig(out / "jko.png", dpi=120)
    plt.close(fig)

    print("verdicts:")
    for name, verdict in verdicts.items():
        print(f"   {verdict:9s} {name}")
    print(f"record: {out / 'jko.json'}, figure: {out / 'jko.png'} ({record['wall_seconds']:.0f} s)")
    return 0 if all(v == "verified" for v in verdicts.values()) else 1


STUDY = Study("jko", "the Landau metric on particle measures (EDE along the blob flow) and the JKO scheme (27)-(28) "
              "against the blob flow (seed 000)", add_arguments, run)
