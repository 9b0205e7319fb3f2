"""`landau study contractivity`: Theorem 2 of 004_b333c7817a08033b.txt measured with optimal transport.

Four parts (verdicts per statement in DIR/contractivity.json, figures DIR/*.png, table on stdout):

1. *Gaussian data, exact (d = 3).* For random centred Gaussian pairs (f, g), d/dt W₂²(f_t, g_t) at
   t = 0 from the second-moment law (Proposition 2) and the Brenier matrix, against the ε = 0
   term of (1.3) on the 6-dimensional Gaussian geodesic (:mod:`landau_num.transport.gaussian`).
   (An anisotropic Gaussian does not stay Gaussian under (1.1): the covariance law is exact for
   the second moments only, which is all the derivative at t = 0 needs.)
2. *Product vs Lebesgue reference, exact.* f = g = N(0, diag(λ)), tr = 3: the solution tends to
   the Maxwellian m, so lim T_ε(f_t, f_t) = T_ε(m, m), in closed form for both references.
3. *Non-Gaussian pairs, 2D grids (γ = 0).* Random pairs of two-Gaussian mixtures evolved by the exact
   Hermite solver (:mod:`landau_num.maxwell.hermite`), reconstructed on cell grids; W₂² by ``ot.emd2``
   on grids n and 3n/4 (and 2n at the ends of positive increments); an increase of W₂² counts only
   if it is positive on all three grids (see ``_verdicts``); T_ε for both references by log-domain
   Sinkhorn (grid error ≤ 1e-5 against the Gaussian closed forms, tolerance 1e-4). One extra pair
   f = g shows the product reference increasing.
4. *γ ≠ 0 (spectral solver, 2D), where Theorem 2 says nothing*: W₂² along a few pairs, reported.
"""
from __future__ import annotations

from . import Study

SEED = "004_b333c7817a08033b.txt"


def add_arguments(parser) -> None:
    parser.add_argument("--pairs", type=int, default=20, help="random pairs in parts 1 and 3 (>= 1; default 20)")
    parser.add_argument("--n", type=int, default=24, help="grid cells per side in part 3 (16..64, multiple of 4; default 24)")
    parser.add_argument("--eps", type=float, default=0.5, help="entropic parameter ε > 0 (default 0.5)")
    parser.add_argument("--gamma", type=float, default=-1.0, help="γ ≠ 0 of part 4, in [-3, 1) (default -1)")
    parser.add_argument("--gamma-pairs", type=int, default=2, help="pairs in part 4 (>= 0; default 2)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")


def _validate(args) -> None:
    if args.pairs < 1:
        raise ValueError(f"--pairs must be >= 1, got {args.pairs}")
    if not 16 <= args.n <= 64 or args.n % 4:
        raise ValueError(f"--n must be a multiple of 4 in [16, 64], got {args.n}")
    if not args.eps > 0:
        raise ValueError(f"--eps must be > 0, got {args.eps}")
    if not (-3 <= args.gamma < 1) or args.gamma == 0:
        raise ValueError(f"--gamma must lie in [-3, 1) and differ from 0, got {args.gamma}")
    if args.gamma_pairs < 0:
        raise ValueError(f"--gamma-pairs must be >= 0, got {args.gamma_pairs}")


TIMES = (0.0, 0.025, 0.05, 0.1, 0.2, 0.4)
L_BOX = 6.0
GAMMA_L_BOX = 8.0  # the spectral solver needs the tails inside the box (< 1e-6 in the outer cells)
HERMITE_DEGREE = 30
ENTROPIC_TOLERANCE = 1e-4


def _random_cov(rng, d):
    import numpy as np
    X = rng.standard_normal((d, d))
    return X @ X.T / d + 0.3 * np.eye(d)


def part_gaussian(rng, pairs: int) -> dict:
    import numpy as np
    from landau_num.transport.gaussian import dissipation_1_3_gaussian, w2_rate_gaussian
    rows = []
    for _ in range(pairs):
        A, B = _random_cov(rng, 3), _random_cov(rng, 3)
        lhs, rhs = w2_rate_gaussian(A, B), dissipation_1_3_gaussian(A, B)
        rows.append({"cov_f": A.tolist(), "cov_g": B.tolist(), "dW2sq_dt": lhs, "rhs_1_3": rhs, "ratio": lhs / rhs})
    ratios = np.array([r["ratio"] for r in rows])
    return {"pairs": rows, "max_dW2sq_dt": max(r["dW2sq_dt"] for r in rows),
            "ratio_min": float(ratios.min()), "ratio_max": float(ratios.max())}


def part_references(eps_values) -> dict:
    import numpy as np
    from landau_num.transport.gaussian import gaussian_entropic_cost
    lam = np.array([2.2, 0.5, 0.3])
    rows = []
    for eps in eps_values:
        row = {"eps": eps}
        for ref in ("product", "lebesgue"):
            start = gaussian_entropic_cost(np.zeros(3), np.diag(lam), np.zeros(3), np.diag(lam), eps, ref)
            end = gaussian_entropic_cost(np.zeros(3), np.eye(3), np.zeros(3), np.eye(3), eps, ref)
            row[ref] = {"T_eps(f_in,f_in)": start, "T_eps(m,m)=lim_t": end, "increase": end - start}
        rows.append(row)
    return {"f_in": f"N(0, diag{tuple(lam.tolist())})", "rows": rows}


def _mixture_coefficients(basis, comps):
    from landau_num.maxwell.hermite import gaussian_coefficients
    return sum(w * gaussian_coefficients(basis, var, mean) for w, mean, var in comps)


def _mixture_density(points, comps):
    import numpy as np
    out = np.zeros(len(points))
    for w, mean, var in comps:
        z = (points - mean) ** 2 / var
        out += w * np.exp(-0.5 * z.sum(axis=1)) / (2 * np.pi * np.sqrt(np.prod(var)))
    return out


def _random_mixture(rng):
    w = rng.uniform(0.25, 0.75)
    return [(w, rng.uniform(-1, 1, 2), rng.uniform(0.4, 1.6, 2)),
            (1 - w, rng.uniform(-1, 1, 2), rng.uniform(0.4, 1.6, 2))]


def _measures(f, grids):
    import numpy as np
    from landau_num.transport import grid_measure
    return [grid_measure(np.clip(v, 0, None), g, 1e-13) for v, g in zip(f, grids)]


def _increments(values):
    return [b - a for a, b in zip(values, values[1:])]


def _curves(densities_f, densities_g, grids, eps):
    """W₂² on both grids and T_ε (both references) on the coarse grid at every time."""
    from landau_num.transport import entropic_cost, w2_squared
    out = {"w2sq_fine": [], "w2sq_coarse": [], "T_product": [], "T_lebesgue": [], "identity_residual": []}
    for ff, gg in zip(densities_f, densities_g):
        mf, mg = _measures(ff, grids), _measures(gg, grids)
        out["w2sq_fine"].append(w2_squared(mf[0], mg[0]))
        out["w2sq_coarse"].append(w2_squared(mf[1], mg[1]))
        cost = entropic_cost(mf[1], mg[1], eps)
        out["T_product"].append(cost.product)
        out["T_lebesgue"].append(cost.lebesgue)
        out["identity_residual"].append(cost.identity_residual)
    return out


def _verdicts(curve):
    """W₂²: an increment W₂²(t_{k+1}) − W₂²(t_k) > 0 on the fine grid is an increase of W₂ only if it is
    also > 0 on the coarse grid (3n/4) and on the refined grid (2n, ``w2sq_refined``, computed for the
    positive fine increments only) — zero tolerance on the sign, with grid consistency as the test. A
    value tolerance cannot decide it: the grid bias of W₂² (atoms at cell centres; ≈ 9/7·|W₂²_n − W₂²_{3n/4}|
    by Richardson for an O(h²) error) is ≈ 0.05–0.1 at n = 24, larger than most increments, but it is
    nearly constant in t, so an increase that is grid noise changes sign between grids.
    T_ε: increments ≤ ENTROPIC_TOLERANCE (grid error of T_ε ≤ 1e-5 against the Gaussian closed forms)."""
    inc = {k: _increments(curve[k]) for k in ("w2sq_fine", "w2sq_coarse", "T_product", "T_lebesgue")}
    refined = curve["w2sq_refined"]
    persistent = [k for k, x in enumerate(inc["w2sq_fine"])
                  if x > 0 and inc["w2sq_coarse"][k] > 0 and refined[k + 1] - refined[k] > 0]
    return {
        "w2_positive_fine_increments": [k for k, x in enumerate(inc["w2sq_fine"]) if x > 0],
        "w2_persistent_increases": persistent,
        "w2_non_increasing": not persistent,
        "w2_max_increment": max(inc["w2sq_fine"]),
        "T_lebesgue_non_increasing": max(inc["T_lebesgue"]) <= ENTROPIC_TOLERANCE,
        "T_lebesgue_max_increment": max(inc["T_lebesgue"]),
        "T_product_non_increasing": max(inc["T_product"]) <= ENTROPIC_TOLERANCE,
        "T_product_max_increment": max(inc["T_product"]),
    }


def part_grid_pairs(rng, pairs: int, n: int, eps: float) -> dict:
    import numpy as np
    from landau_num.grid import CellGrid
    from landau_num.maxwell.hermite import hermite_basis, maxwell_problem, reconstruct, solve
    from landau_num.transport import w2_squared
    grids = (CellGrid(2, n, L_BOX), CellGrid(2, 3 * n // 4, L_BOX))
    refined = CellGrid(2, 2 * n, L_BOX)
    basis = hermite_basis(2, HERMITE_DEGREE)

    def evolve(comps):
        problem = maxwell_problem(_mixture_coefficients(basis, comps), basis, 1.0)
        coeffs, _ = solve(problem, TIMES)
        return [[reconstruct(c, basis, g.points) for g in grids] for c in coeffs], coeffs, \
            float(np.max(np.abs(reconstruct(coeffs[0], basis, grids[0].points) - _mixture_density(grids[0].points, comps))))

    def refine(coeffs_f, coeffs_g, curve):
        """W₂² on the 2n grid at the end points of the positive fine increments (None elsewhere)."""
        needed = {j for k, x in enumerate(_increments(curve["w2sq_fine"])) if x > 0 for j in (k, k + 1)}
        out = [None] * len(TIMES)
        for j in sorted(needed):
            mf, mg = _measures([reconstruct(coeffs_f[j], basis, refined.points)], [refined]), \
                _measures([reconstruct(coeffs_g[j], basis, refined.points)], [refined])
            out[j] = w2_squared(mf[0], mg[0])
        return out

    rows = []
    specs = [("f = g (product-reference counterexample)", _random_mixture(rng), None)]
    specs += [(f"pair {k}", _random_mixture(rng), _random_mixture(rng)) for k in range(pairs)]
    for label, cf, cg in specs:
        df, kf, err_f = evolve(cf)
        dg, kg, err_g = (df, kf, err_f) if cg is None else evolve(cg)
        curve = _curves(df, dg, grids, eps)
        curve["w2sq_refined"] = refine(kf, kg, curve)
        rows.append({"label": label, "f_in": repr(cf), "g_in": repr(cg if cg is not None else cf), "times": list(TIMES),
                     "hermite_reconstruction_error_t0": max(err_f, err_g), **curve, **_verdicts(curve)})
    return {"grid": {"n": n, "coarse_n": 3 * n // 4, "refined_n": 2 * n, "L": L_BOX}, "eps": eps, "hermite_degree": HERMITE_DEGREE,
            "rows": rows}


def part_gamma(rng, pairs: int, gamma: float, n: int) -> dict:
    from landau_num import make_solver
    from landau_num.cases import Case
    from landau_num.transport import w2_squared
    rows = []
    for k in range(pairs):
        curves = []
        comps = [_random_mixture(rng), _random_mixture(rng)]
        for c in comps:
            case = Case(name=f"contractivity-{k}", d=2, gamma=gamma, C=1.0, L=GAMMA_L_BOX,
                        initial_density=lambda x, c=c: _mixture_density(x, c))
            solver = make_solver("spectral", case, n=n, T=TIMES[-1])
            solver.setup()
            f, t, series = solver.y0, 0.0, []
            for target in TIMES:
                steps = int(round((target - t) / solver.time.step))
                if steps:
                    f = solver.advance(f, solver.time.step, steps)
                    t += steps * solver.time.step
                series.append(f.ravel().copy())
            curves.append((series, solver.grid))
        grid = curves[0][1]
        w2 = [w2_squared(*_measures([a], [grid]), *_measures([b], [grid])) for a, b in zip(curves[0][0], curves[1][0])]
        rows.append({"w2sq": w2, "max_increment": max(_increments(w2)), "times": list(TIMES)})
    return {"gamma": gamma, "n": n, "rows": rows}


def _figures(out, grid_part, gauss_part) -> list[str]:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    names = []
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    for row in grid_part["rows"]:
        style = dict(color="red", lw=2) if row["label"].startswith("f = g") else dict(color="gray", alpha=0.6)
        axes[0].plot(row["times"], row["w2sq_fine"], **style)
        axes[1].plot(row["times"], row["T_lebesgue"], **style)
        axes[2].plot(row["times"], row["T_product"], **style)
    for ax, title in zip(axes, ("W₂² (emd2)", f"T_ε Lebesgue reference, ε={grid_part['eps']}",
                                f"T_ε product reference (1.2), ε={grid_part['eps']}")):
        ax.set_xlabel("t")
        ax.set_title(title)
    axes[2].set_yscale("symlog", linthresh=1e-2)
    fig.suptitle("Maxwell molecules, 2D pairs (red: f = g)")
    fig.tight_layout()
    fig.savefig(out / "contractivity_curves.png", dpi=110)
    plt.close(fig)
    names.append("contractivity_curves.png")
    fig, ax = plt.subplots(figsize=(5, 4.5))
    lhs = [r["dW2sq_dt"] for r in gauss_part["pairs"]]
    rhs = [r["rhs_1_3"] for r in gauss_part["pairs"]]
    ax.scatter(rhs, lhs, label="d/dt W₂² vs RHS of (1.3)")
    lo = min(lhs + rhs)
    ax.plot([lo, 0], [lo, 0], "k--", label="slope 1 (as printed)")
    ax.plot([lo / 2, 0], [lo, 0], "g:", label="slope 2")
    ax.set_xlabel("RHS of (1.3), ε = 0")
    ax.set_ylabel("d/dt W₂² at t = 0")
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "dissipation_1_3.png", dpi=110)
    plt.close(fig)
    names.append("dissipation_1_3.png")
    return names


def _json_default(value):
    import numpy as np
    return float(value) if isinstance(value, (np.floating, np.integer)) else str(value)


def run(args) -> int:
    import json
    import time
    from pathlib import Path

    import numpy as np

    _validate(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    seconds = {}
    gauss = part_gaussian(rng, args.pairs)
    refs = part_references([0.1, args.eps, 2.0])
    seconds["gaussian"] = time.perf_counter() - start
    grid = part_grid_pairs(rng, args.pairs, args.n, args.eps)
    seconds["grid_pairs"] = time.perf_counter() - start - sum(seconds.values())
    gamma = part_gamma(rng, args.gamma_pairs, args.gamma, 24) if args.gamma_pairs else None
    seconds["gamma"] = time.perf_counter() - start - sum(seconds.values())
    random_rows = [r for r in grid["rows"] if r["label"].startswith("pair")]
    counter = grid["rows"][0]
    verdicts = {
        "Theorem 2, ε = 0 (W₂ non-increasing), 2D grid pairs": {
            "verdict": "verified" if all(r["w2_non_increasing"] for r in random_rows) else "refuted",
            "pairs": len(random_rows), "largest_increment": max(r["w2_max_increment"] for r in random_rows),
            "increments": sum(len(r["times"]) - 1 for r in random_rows),
            "positive_fine_increments": sum(len(r["w2_positive_fine_increments"]) for r in random_rows),
            "persistent_increases_(n, 3n/4, 2n)": sum(len(r["w2_persistent_increases"]) for r in random_rows),
            "counterexample_candidates": [{"label": r["label"], "times": r["times"], "fine": r["w2sq_fine"],
                                           "coarse": r["w2sq_coarse"], "refined": r["w2sq_refined"]}
                                          for r in random_rows if r["w2_persistent_increases"]]},
        "Theorem 2, ε = 0, Gaussian pairs at t = 0 (exact)": {
            "verdict": "verified" if gauss["max_dW2sq_dt"] < 0 else "refuted", "pairs": args.pairs,
            "largest_dW2sq_dt": gauss["max_dW2sq_dt"]},
        "(1.3) at ε = 0 with T = W₂² of (1.2)": {
            "verdict": "refuted" if abs(gauss["ratio_min"] - 1) > 1e-6 else "verified",
            "counterexample": gauss["pairs"][0],
            "ratio_dW2sq_dt_over_rhs": [gauss["ratio_min"], gauss["ratio_max"]],
            "corrected": "d/dt W₂² = −Σ_k ∫₀¹∬|∇(b̃_k·∇U)|²P (no ½), i.e. (1.3) holds for T = ½W₂² (the normalisation of (5.1))"},
        "Theorem 2, ε > 0, product reference μ⊗ν as printed in (1.2)": {
            "verdict": "refuted" if any(r["product"]["increase"] > 0 for r in refs["rows"]) else "verified",
            "counterexample": {"exact": refs, "grid_pair_f_equals_g": {k: counter[k] for k in ("times", "T_product", "f_in")}},
            "random_pairs_with_product_increase": sum(not r["T_product_non_increasing"] for r in random_rows)},
        "Theorem 2, ε > 0, Lebesgue reference (corrected statement)": {
            "verdict": "verified" if all(r["T_lebesgue_non_increasing"] for r in grid["rows"])
            and all(r["lebesgue"]["increase"] < 0 for r in refs["rows"]) else "refuted",
            "pairs": len(grid["rows"]), "largest_increment": max(r["T_lebesgue_max_increment"] for r in grid["rows"]),
            "tolerance": ENTROPIC_TOLERANCE},
    }
    if gamma:
        verdicts[f"γ = {args.gamma} (outside Theorem 2): W₂² along pairs"] = {
            "verdict": "observation", "largest_increment": max(r["max_increment"] for r in gamma["rows"]),
            "non_increasing_pairs": sum(r["max_increment"] <= 0 for r in gamma["rows"]), "pairs": len(gamma["rows"])}
    record = {"seed_paper": SEED, "params": {k: v for k, v in vars(args).items() if k != "func"},
              "verdicts": verdicts, "gaussian": gauss, "references": refs, "grid": grid, "gamma": gamma,
              "wall_seconds": time.perf_counter() - start, "seconds_per_part": seconds}
    record["figures"] = _figures(out, grid, gauss)
    (out / "contractivity.json").write_text(json.dumps(record, indent=1, default=_json_default))
    print(f"contractivity study ({SEED}), {time.perf_counter() - start:.1f} s {seconds}, record {out / 'contractivity.json'}")
    for name, v in verdicts.items():
        extra = {k: v[k] for k in v if k not in ("verdict", "counterexample")}
        print(f"  {v['verdict']:>11}  {name}  {json.dumps(extra, default=float)[:160]}")
    return 0 if all(v["verdict"] in ("verified", "observation") for v in verdicts.values()) else 1


STUDY = Study("contractivity", "Theorem 2 of seed 004: W₂ and entropic contractivity along pairs of solutions",
              add_arguments, run)
