"""`landau study grazing`: the grazing limit Q_B^ε → Q_L of 001_213bc0b3a2bddff3.txt (Lemma 3.3, §3.1,
Remark 2.6) measured, with every gap explained by its leading term (not fitted).

Four parts (record DIR/grazing.json, figures DIR/*.png, table on stdout). γ = 0 by default
(Maxwell molecules: exact references exist); ``--gamma`` changes the grid parts only.

(a) *Operators on a grid (3D).* f = BKW (K = 0.65) and a bi-Maxwellian. The fast spectral operator
    is linear in the eigenvalue differences μ_n (:mod:`landau_num.boltzmann.operator`), so on one
    grid Q_B^ε − Q_B^0 = Q[μ^ε − μ^0] exactly, where Q_B^0 = Q[−4C n(n+1)] is the Landau operator
    in the same discretisation (C = 1, the kernel's Landau-limit constant of Remark 3.2/(2.2)).
    Reported: the grazing gap ‖Q[μ^ε − μ^0]f‖ (no discretisation in the difference), its
    prediction — power family: ε²‖Q[κ]f‖, κ_n = 2π a_n ∫χ⁴β/π² with P_n(cos θ) − 1 + n(n+1)θ²/4 =
    a_nθ⁴ + O(θ⁶), a_n = n(n+1)(3n² + 3n − 2)/192; Coulomb family: ‖Q[κᶜ]f‖/log(1/ε),
    κᶜ_n = 16F_n − 4n(n+1)log(π/2), F_n = ∫₀^{π/2}θ^{−3}(P_n(cos θ) − 1 + n(n+1)θ²/4)dθ — the
    raw ‖Q_B^ε f − Q_L f‖ against landau_num.spectral (C = 1), and its floor ‖Q_B^0 f − Q_L f‖ (the
    two discretisations' difference, independent of ε). For BKW the exact gap is also known:
    Q_B^ε(f) − Q_L(f) = (μ^ε − 4)(1 − K)∂_K f, relative |μ^ε − 4|/4, and the floor is explained by
    the two operators' residuals against the exact ∂ₜf = 4(1 − K)∂_K f (both C = 1: no constant or
    convention differs between them). Measured (n = 24, L = R = 6, n_ρ = 18): Q_L 8.3e-5; Q_B^0
    2.6e-2, 1.1e-3, 9.7e-5 at sphere degree 11, 17, 23. The Q_B^0 error is the sphere rule's: with
    μ_n^0 = −4n(n+1) the σ-integrand Φ̃(ρk/2, σ)P̂_{ρσ/2}(k) has Legendre components up to
    n ≈ R|k|/2 with weights ∝ n²j_n, of which a rule of degree p integrates exactly only those
    with n + deg_σ P̂ ≤ p (Funk–Hecke keeps n ≤ 4 for BKW); the rest alias. (The 6e-5 BKW residual
    of the isotropic kernel in the split form has no such terms: λ_n = δ_n0.) Hence
    ``--sphere-degree`` 23: floor 1e-4 (BKW), 9e-4 (bi-Maxwellian, then limited by R = L, the
    truncation |v − v*| ≤ R of the wider datum), below the raw gaps of the largest ε.
(b) *Weak forms (Lemma 3.3), ψ of degree ≤ 4, exact.* ⟨Q_B^ε − Q_L, ψ⟩ is the generated moment
    form at (A₂^ε + 16, A₄^ε + 32) (linear in (A₂, A₄); ``grazing-limit-polynomial-weak-forms``), the
    two differences by mpmath quadrature at 30 digits (80 guard digits on the cancelling θ⁴
    remainder), the bi-Maxwellian's moments exact; prediction (2ε²/3π, 10ε²/3π)·∫χ⁴β.
(c) *Evolutions.* Exact degree-≤4 moments of f^ε(T) (:mod:`landau_num.boltzmann.moments`) against
    the Landau ones (the same system at (−16, −32), checked against landau_num.maxwell in tests);
    grid evolutions (RK4, small n) of f^ε and of the Landau equation: H, D_B^ε = −∫Q_B^ε log f,
    D_L = −∫Q_L log f along them; the grid moments against the exact ones separate the solver's
    error from the grazing error.
(d) *Coulomb family (Remark 2.6).* μ^ε − 4 and the weak-form gaps times log(1/ε) tend to the
    constants of κᶜ: a logarithmic rate, predicted.
"""
from __future__ import annotations

from . import Study

SEED = "001_213bc0b3a2bddff3.txt"
BKW_K = 0.65
ORDER_TARGET = 1.8


def add_arguments(parser) -> None:
    parser.add_argument("--kernel", choices=("power", "coulomb"), default="power",
                        help="grazing family of parts (a)-(c): power (β^ε from β ∝ θ^(-1-ν)) or coulomb (Remark 2.6)")
    parser.add_argument("--nu", type=float, default=1.0, help="ν ∈ (0, 2) of the power family (default 1)")
    parser.add_argument("--gamma", type=float, default=0.0, help="γ ∈ [-3, 1] of the grid parts (default 0)")
    parser.add_argument("--n", type=int, default=24, help="grid points per side in (a), even, 12..40 (default 24)")
    parser.add_argument("--sphere-degree", type=int, default=23,
                        help="Lebedev degree of the σ-rule in (a) (default 23: see the module docstring)")
    parser.add_argument("--n-evolve", type=int, default=16, help="grid points per side in (c), even, 12..32 (default 16)")
    parser.add_argument("--eps-min", type=float, default=0.005, help="smallest ε (default 0.005)")
    parser.add_argument("--eps-max", type=float, default=0.5, help="largest ε (default 0.5)")
    parser.add_argument("--points", type=int, default=5, help="ε values, log-spaced, >= 3 (default 5)")
    parser.add_argument("--T", type=float, default=0.05, help="evolution time of (c), (0, 1] (default 0.05)")


def _validate(args) -> None:
    if not 0 < args.nu < 2:
        raise ValueError(f"--nu must lie in (0, 2), got {args.nu}")
    if not -3 <= args.gamma <= 1:
        raise ValueError(f"--gamma must lie in [-3, 1], got {args.gamma}")
    if args.n % 2 or not 12 <= args.n <= 40:
        raise ValueError(f"--n must be even in [12, 40], got {args.n}")
    from landau_num.boltzmann.operator import LEBEDEV_ORDERS
    allowed = LEBEDEV_ORDERS[:LEBEDEV_ORDERS.index(35) + 1]
    if args.sphere_degree not in allowed:
        raise ValueError(f"--sphere-degree must be one of the Lebedev orders {allowed}, got {args.sphere_degree}")
    if args.n_evolve % 2 or not 12 <= args.n_evolve <= 32:
        raise ValueError(f"--n-evolve must be even in [12, 32], got {args.n_evolve}")
    upper = 0.9 if args.kernel == "coulomb" else 1.0
    if not 0 < args.eps_min < args.eps_max <= upper:
        raise ValueError(f"need 0 < --eps-min < --eps-max <= {upper}, got {args.eps_min}, {args.eps_max}")
    if args.points < 3:
        raise ValueError(f"--points must be >= 3, got {args.points}")
    if not 0 < args.T <= 1:
        raise ValueError(f"--T must lie in (0, 1], got {args.T}")


# --- the leading terms -----------------------------------------------------------------------

def power_fourth_moment(nu: float) -> float:
    """∫₀^{π/2}χ⁴β for the normalised power law β = c_ν χ^{−1−ν}."""
    import math
    c = 8 / math.pi * (2 - nu) * (2 / math.pi) ** (2 - nu)
    return c * (math.pi / 2) ** (4 - nu) / (4 - nu)


def power_eps2_coefficients(nu: float):
    """n_max ↦ κ_n = 2π a_n ∫χ⁴β/π² (μ_n^ε − μ_n^0 = ε²κ_n + O(ε⁴))."""
    import math

    import numpy as np
    m4 = power_fourth_moment(nu)

    def kappa(n_max):
        n = np.arange(n_max + 1, dtype=float)
        return 2 * math.pi * n * (n + 1) * (3 * n**2 + 3 * n - 2) / 192 * m4 / math.pi**2
    return kappa


def coulomb_log_coefficients():
    """n_max ↦ κᶜ_n = 16F_n − 4n(n+1)log(π/2) (μ_n^ε − μ_n^0 = κᶜ_n/log(1/ε) + O(ε²))."""
    import math

    import numpy as np
    from scipy.special import roots_legendre

    from landau_num.boltzmann.angular import legendre_minus_one

    x, w = roots_legendre(300)
    theta = math.pi / 4 * (1 + x)
    w = w * math.pi / 4

    def kappa(n_max):
        n = np.arange(n_max + 1, dtype=float)
        table = np.array([legendre_minus_one(2 * math.sin(t / 2) ** 2, n_max) for t in theta])
        rem = (table + np.outer(theta**2, n * (n + 1) / 4)) / theta[:, None] ** 3
        return 16 * (w @ rem) - 4 * n * (n + 1) * math.log(math.pi / 2)
    return kappa


def _kernel(args, eps):
    from landau_num.boltzmann.angular import AngularKernel
    return (AngularKernel("grazing", nu=args.nu, eps=eps) if args.kernel == "power"
            else AngularKernel("coulomb", eps=eps))


def _rate_scale(args, eps):
    """The size of the leading gap: ε² (power) or 1/log(1/ε) (Coulomb)."""
    import math
    return eps**2 if args.kernel == "power" else 1 / math.log(1 / eps)


def _order(eps, errors):
    import numpy as np
    e, r = np.asarray(eps), np.asarray(errors)
    keep = r > 0
    return float(np.polyfit(np.log(e[keep]), np.log(r[keep]), 1)[0]) if keep.sum() >= 2 else None


def _data(grid):
    """(name, f) pairs: BKW at K = 0.65 and a bi-Maxwellian (unit mass, zero momentum)."""
    import numpy as np

    from landau_num.kernels import get_kernel
    shape = (grid.n,) * 3
    bkw = np.array([get_kernel("bkw_density", 3)(*x, BKW_K) for x in grid.points]).reshape(shape)
    return [("bkw", bkw), ("bimaxwellian", bimaxwellian(grid.points).reshape(shape))]


BIMAXWELLIAN = (((0.7, 0.0, 0.0), (0.6, 1.0, 0.8)), ((-0.7, 0.0, 0.0), (0.6, 1.0, 0.8)))
"""Two Gaussians of mass ½: (mean, diagonal covariance)."""


def bimaxwellian(points):
    import math

    import numpy as np
    total = 0.0
    for mean, var in BIMAXWELLIAN:
        q = sum((points[:, a] - mean[a]) ** 2 / var[a] for a in range(3))
        total = total + 0.5 * np.exp(-q / 2) / math.sqrt((2 * math.pi) ** 3 * np.prod(var))
    return total


def bimaxwellian_moments():
    import numpy as np

    from landau_num.boltzmann.moments import gaussian_moments
    return sum(gaussian_moments(m, np.diag(v), 0.5) for m, v in BIMAXWELLIAN)


# --- (a) operators on a grid ---------------------------------------------------------------------

def bkw_time_derivative(grid, K: float, rate: float):
    """∂ₜf = rate·(1 − K)∂_K f of the 3D BKW profile (the generated density, K′ = rate·(1 − K)),
    ∂_K by the five-point stencil with δ = 1e-3 (error O(δ⁴) ≈ 1e-12 relative, below every
    residual measured here)."""
    import numpy as np

    from landau_num.kernels import get_kernel
    density = get_kernel("bkw_density", 3)
    delta = 1e-3
    f = {s: np.array([density(*x, K + s * delta) for x in grid.points]) for s in (-2, -1, 1, 2)}
    dK = (-f[2] + 8 * f[1] - 8 * f[-1] + f[-2]) / (12 * delta)
    return (rate * (1 - K) * dK).reshape((grid.n,) * 3)


def _bkw_floor(grid, f, Q0, QL) -> dict:
    """The floor ‖Q_B^0 − Q_L‖ on BKW explained: both operators' relative residuals against the exact
    ∂ₜf (Landau rate 2C(d − 1) = 4 = the Boltzmann limit −μ_2^0/6 at C = 1). The floor lies within
    their sum and difference; floor/(Q_B^0 residual) ≈ 1 says it is the Boltzmann side's error."""
    import numpy as np
    dfdt = bkw_time_derivative(grid, BKW_K, 4.0)
    scale = float(np.abs(dfdt).max())
    res_b, res_l = (float(np.abs(Q - dfdt).max()) / scale for Q in (Q0, QL))
    return {"bkw_residual_QB0_vs_exact_dtdf": res_b, "bkw_residual_QL_vs_exact_dtdf": res_l,
            "floor_over_QB0_residual": float(np.abs(Q0 - QL).max()) / scale / res_b}


def part_operators(args, eps_values) -> dict:
    import numpy as np

    from landau_num.boltzmann.operator import BoltzmannOperator, landau_limit_differences
    from landau_num.grid import CellGrid
    from landau_num.spectral.operator import SpectralLandau

    L = 6.0
    grid = CellGrid(3, args.n, L)
    common = dict(R=L, n_rho=(3 * args.n) // 4, sphere_degree=args.sphere_degree, mode="combined")
    base = _kernel(args, eps_values[0])
    mu0 = landau_limit_differences(1.0)
    lead = power_eps2_coefficients(args.nu) if args.kernel == "power" else coulomb_log_coefficients()
    op0 = BoltzmannOperator(grid, base, args.gamma, eigenvalue_differences=mu0, **common)
    op_lead = BoltzmannOperator(grid, base, args.gamma, eigenvalue_differences=lead, **common)
    landau = SpectralLandau(grid, 1.0, args.gamma)
    out = {"n": args.n, "L": L, **{k: v for k, v in common.items()}, "gamma": args.gamma, "data": {}}
    ops = []
    for eps in eps_values:
        kernel = _kernel(args, eps)
        full = BoltzmannOperator(grid, kernel, args.gamma, **common)
        n_max = 2 * (full.series_table.shape[-1] - 1)
        diff = BoltzmannOperator(grid, kernel, args.gamma, eigenvalue_differences=(
            lambda n_max, k=kernel: k.eigenvalue_differences(n_max) - mu0(n_max)), **common)
        ops.append((eps, kernel, full, diff, n_max))
    for name, f in _data(grid):
        f = op0.project(f)
        QL = landau(f)
        scale = float(np.abs(QL).max())
        Q0 = op0(f)
        lead_norm = float(np.abs(op_lead(f)).max())
        rows = []
        for eps, kernel, full, diff, _ in ops:
            QB, Qdiff = full(f), diff(f)
            grazing = float(np.abs(Qdiff).max())
            predicted = lead_norm * _rate_scale(args, eps)
            row = {"eps": eps, "grazing_gap": grazing / scale, "predicted_leading_term": predicted / scale,
                   "ratio_measured_over_predicted": grazing / predicted,
                   "raw_gap_vs_spectral_landau": float(np.abs(QB - QL).max()) / scale,
                   "consistency_QB_minus_QB0_minus_diff": float(np.abs(QB - Q0 - Qdiff).max()) / scale}
            if name == "bkw" and args.gamma == 0.0:
                row["exact_bkw_relative_gap"] = abs(kernel.bkw_rate() - 4.0) / 4.0
            rows.append(row)
        floor = float(np.abs(Q0 - QL).max()) / scale
        eps = [r["eps"] for r in rows]
        above = [r for r in rows if r["raw_gap_vs_spectral_landau"] > 10 * floor]
        out["data"][name] = {
            "rows": rows, "discretisation_floor_QB0_vs_spectral_landau": floor, "max_QL": scale,
            "order_grazing_gap": _order(eps, [r["grazing_gap"] for r in rows]),
            **(_bkw_floor(grid, f, Q0, QL) if name == "bkw" and args.gamma == 0.0 else {}),
            "order_raw_gap_above_10x_floor": _order([r["eps"] for r in above],
                                                     [r["raw_gap_vs_spectral_landau"] for r in above])
            if len(above) >= 2 else None}
    return out


# --- (b) weak forms ------------------------------------------------------------------------------

def angular_differences_mp(args, eps, dps=30):
    """(A₂^ε + 16, A₄^ε + 32) by mpmath quadrature, the O(θ⁴) remainder evaluated with 80 guard
    digits (no cancellation against the limit)."""
    import mpmath
    mpmath.mp.dps = dps
    eps = mpmath.mpf(eps)

    def remainder(m, th):  # cos^m θ − 1 + (m/... ) the θ² part: cos²−1 ≈ −θ², cos⁴−1 ≈ −2θ²
        with mpmath.extradps(80):
            return mpmath.cos(th) ** m - 1 + (m // 2) * th**2

    if args.kernel == "power":
        nu = mpmath.mpf(args.nu)
        c = 8 / mpmath.pi * (2 - nu) * (2 / mpmath.pi) ** (2 - nu)
        # θ = εχ/π: 2π(π²/ε²)∫₀^{π/2}β(χ)(cos^m(εχ/π) − 1 + (m/2)(εχ/π)²)dχ (the θ² part integrates to the limit)
        return tuple(2 * mpmath.pi * mpmath.pi**2 / eps**2 * mpmath.quad(
            lambda chi: c * chi ** (-1 - nu) * remainder(m, eps * chi / mpmath.pi), [0, mpmath.pi / 2]) for m in (2, 4))
    # Coulomb: β^ε = (8/π)θ^{−3}/log(1/ε) on [ε, π/2]; limit part −2π(m/2)·(8/π)·(1 + log(π/2)/log(1/ε))
    log = mpmath.log(1 / eps)
    out = []
    for m in (2, 4):
        rem = 2 * mpmath.pi * mpmath.quad(lambda th: 8 / mpmath.pi * th**-3 / log * remainder(m, th), [eps, mpmath.pi / 2])
        out.append(rem - 8 * m * mpmath.log(mpmath.pi / 2) / log)
    return tuple(out)


PSI = {"v1^4": (4, 0, 0), "v2^4": (0, 4, 0), "v1^2 v2^2": (2, 2, 0), "v1^2": (2, 0, 0), "v1^3": (3, 0, 0)}


def part_weak_forms(args, eps_values) -> dict:
    import math

    import numpy as np

    from landau_num.boltzmann import moments as mo
    M = bimaxwellian_moments()
    pos = {tuple(a): i for i, a in enumerate(mo.INDICES)}
    landau = mo.rates(M, *mo.landau_angular_numbers())
    rows = []
    for eps in eps_values:
        d2, d4 = (float(x) for x in angular_differences_mp(args, eps))
        gap = mo.rates(M, d2, d4)
        if args.kernel == "power":
            m4 = power_fourth_moment(args.nu)
            pred = mo.rates(M, 2 * eps**2 * m4 / (3 * math.pi), 10 * eps**2 * m4 / (3 * math.pi))
        else:
            pred = None
        row = {"eps": eps, "A2_plus_16": d2, "A4_plus_32": d4}
        for label, alpha in PSI.items():
            i = pos[alpha]
            row[f"gap[{label}]"] = float(gap[i])
            row[f"landau[{label}]"] = float(landau[i])
            if pred is not None:
                row[f"ratio_to_eps2_term[{label}]"] = float(gap[i] / pred[i]) if pred[i] != 0 else None
        rows.append(row)
    eps = [r["eps"] for r in rows]
    orders = {label: _order(eps, [abs(r[f"gap[{label}]"]) for r in rows]) for label in PSI
              if any(abs(r[f"gap[{label}]"]) > 1e-14 for r in rows)}
    return {"datum": "bimaxwellian", "rows": rows, "order": orders,
            "note": "v1^3 vanishes by symmetry of the datum; its gap is round-off"}


# --- (c) evolutions --------------------------------------------------------------------------------

def part_evolutions(args, eps_values) -> dict:
    import numpy as np

    from landau_num import functionals as fn
    from landau_num.boltzmann import moments as mo
    from landau_num.boltzmann.operator import BoltzmannOperator, landau_limit_differences
    from landau_num.grid import CellGrid
    from landau_num.time_integration import rk4_step

    M0 = bimaxwellian_moments()
    landau_T = mo.solve(M0, *mo.landau_angular_numbers(), [args.T])[0]
    exact = []
    for eps in eps_values:
        a2, a4 = mo.angular_numbers(_kernel(args, eps))
        MT = mo.solve(M0, a2, a4, [args.T])[0]
        exact.append({"eps": eps, "max_moment_gap_vs_landau": float(np.abs(MT - landau_T).max()),
                      "A2": a2, "A4": a4})
    spectrum = {"landau": {k: sorted(set(np.round(v, 10))) for k, v in mo.rate_spectrum(*mo.landau_angular_numbers()).items()},
                "boltzmann": [{"eps": eps, **{str(k): sorted(set(np.round(v, 10)))
                                              for k, v in mo.rate_spectrum(*mo.angular_numbers(_kernel(args, eps))).items()}}
                              for eps in eps_values]}
    # grid evolutions at the two largest ε and the Landau equation, same data, same steps
    L = 6.0
    grid = CellGrid(3, args.n_evolve, L)
    f0 = bimaxwellian(grid.points).reshape((grid.n,) * 3)
    common = dict(R=L, n_rho=(3 * grid.n) // 4, sphere_degree=11)
    runs = {}
    operators = {f"eps={eps:g}": BoltzmannOperator(grid, _kernel(args, eps), 0.0, **common)
                 for eps in sorted(eps_values)[-2:]}
    # the Landau run in the Boltzmann discretisation (μ_n^0): RK4 with the spectral Landau operator
    # at this dt is unstable at n = 16 (measured: overflow), and one discretisation for all runs
    # leaves only the grazing difference between them
    operators["landau"] = BoltzmannOperator(grid, _kernel(args, eps_values[0]), 0.0, mode="combined",
                                            eigenvalue_differences=landau_limit_differences(), **common)
    steps = 10
    dt = args.T / steps
    log = lambda f: np.log(np.where(f > 1e-300, f, 1e-300))  # noqa: E731
    for label, op in operators.items():
        f = f0.copy()
        series = {"t": [], "entropy": [], "D_B": [], "D_L": []}
        for k in range(steps + 1):
            if k:
                f = rk4_step(op, f, dt)
            if k % 5 == 0:
                series["t"].append(k * dt)
                series["entropy"].append(fn.entropy(f, grid))
                series["D_L"].append(float(-np.sum(operators["landau"](f) * log(f)) * grid.cell_volume))
                series["D_B"].append(float(-np.sum(op(f) * log(f)) * grid.cell_volume) if label != "landau" else None)
        MT_grid = mo.grid_moments(f, grid.points, grid.cell_volume)
        if label == "landau":
            reference = landau_T
        else:
            a2, a4 = mo.angular_numbers(op.kernel)
            reference = mo.solve(mo.grid_moments(f0, grid.points, grid.cell_volume), a2, a4, [args.T])[0]
        runs[label] = {**series, "solver_moment_error_vs_exact": float(np.abs(MT_grid - reference).max()),
                       "f_T": f}
    finals = {k: v.pop("f_T") for k, v in runs.items()}
    for label in runs:
        if label != "landau":
            runs[label]["max_density_gap_vs_landau_at_T"] = float(np.abs(finals[label] - finals["landau"]).max()
                                                                  / np.abs(finals["landau"]).max())
    return {"T": args.T, "exact_moments": exact, "order_exact_moment_gap": _order(
        [r["eps"] for r in exact], [r["max_moment_gap_vs_landau"] for r in exact]),
            "rate_spectrum": spectrum, "grid": {"n": grid.n, "dt": dt, "runs": runs}}


# --- (d) Coulomb ---------------------------------------------------------------------------------

def part_coulomb() -> dict:
    """μ^ε − 4 = −(A₂^ε + 16)/4 by mpmath (30 digits) down to ε = 1e-8, the numeric kernel's
    μ^ε (Gauss–Legendre on [ε, π/2]) alongside for ε ≥ 1e-4 where its 400 nodes resolve θ^{−3}."""
    import math
    from types import SimpleNamespace

    from landau_num.boltzmann.angular import AngularKernel
    kappa2 = coulomb_log_coefficients()(2)[2]
    predicted = -kappa2 / 6  # μ = −μ₂/6
    rows = []
    for eps in (1e-1, 1e-2, 1e-3, 1e-4, 1e-6, 1e-8):
        d2, _ = angular_differences_mp(SimpleNamespace(kernel="coulomb"), eps)
        mu_minus_4 = -float(d2) / 4
        row = {"eps": eps, "mu_minus_4": mu_minus_4, "times_log_inv_eps": mu_minus_4 * math.log(1 / eps)}
        if eps >= 1e-4:
            row["kernel_bkw_rate_minus_4"] = AngularKernel("coulomb", eps=eps).bkw_rate() - 4
        rows.append(row)
    return {"bkw_rate_rows": rows, "predicted_limit_of_(mu-4)log(1/eps)": predicted,
            "note": "O(ε²/log) corrections; the rate is 1/log(1/ε), not a power: no power-law order"}


# --- figures, run ---------------------------------------------------------------------------------

def _figures(out, record) -> list[str]:
    import numpy as np

    from landau_num.figures import pyplot
    plt = pyplot()
    names = []
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    for name, data in record["operators"]["data"].items():
        eps = [r["eps"] for r in data["rows"]]
        axes[0].loglog(eps, [r["grazing_gap"] for r in data["rows"]], "o-", label=f"{name}: ‖Q_B^ε − Q_B^0‖")
        axes[0].loglog(eps, [r["predicted_leading_term"] for r in data["rows"]], "k:", lw=1)
        axes[0].loglog(eps, [r["raw_gap_vs_spectral_landau"] for r in data["rows"]], "s--",
                       label=f"{name}: ‖Q_B^ε − Q_L‖ (spectral)")
        axes[0].axhline(data["discretisation_floor_QB0_vs_spectral_landau"], color="gray", lw=0.8)
    axes[0].set(xlabel="ε", ylabel="relative max-norm gap", title="(a) operators (dotted: leading term)")
    axes[0].legend(fontsize=7)
    rows = record["weak_forms"]["rows"]
    for label in ("v1^4", "v1^2 v2^2", "v1^2"):
        axes[1].loglog([r["eps"] for r in rows], [abs(r[f"gap[{label}]"]) for r in rows], "o-", label=label)
    axes[1].set(xlabel="ε", title="(b) |⟨Q_B^ε − Q_L, ψ⟩| (exact)")
    axes[1].legend(fontsize=7)
    cr = record["coulomb"]["bkw_rate_rows"]
    axes[2].semilogx([r["eps"] for r in cr], [r["times_log_inv_eps"] for r in cr], "o-", label="(μ^ε − 4)log(1/ε)")
    axes[2].axhline(record["coulomb"]["predicted_limit_of_(mu-4)log(1/eps)"], color="k", ls=":", label="predicted")
    axes[2].set(xlabel="ε", title="(d) Coulomb family")
    axes[2].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "grazing_gaps.png", dpi=110)
    plt.close(fig)
    names.append("grazing_gaps.png")
    fig, axes = plt.subplots(1, 2, figsize=(10, 4))
    for label, run in record["evolutions"]["grid"]["runs"].items():
        axes[0].plot(run["t"], run["entropy"], "o-", label=label)
        axes[1].plot(run["t"], run["D_L"], "o-", label=f"D_L along {label}")
        if run["D_B"][0] is not None:
            axes[1].plot(run["t"], run["D_B"], "x--", label=f"D_B^ε along {label}")
    axes[0].set(xlabel="t", title="(c) entropy H")
    axes[1].set(xlabel="t", title="(c) dissipations")
    axes[0].legend(fontsize=7)
    axes[1].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "grazing_evolutions.png", dpi=110)
    plt.close(fig)
    names.append("grazing_evolutions.png")
    return names


def _json_default(value):
    import numpy as np
    if isinstance(value, np.ndarray):
        return value.tolist()
    return float(value) if isinstance(value, (np.floating, np.integer)) else str(value)


def run(args) -> int:
    import json
    import time
    from pathlib import Path

    import numpy as np

    _validate(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    eps_values = [float(e) for e in np.geomspace(args.eps_max, args.eps_min, args.points)]
    seconds = {}
    record = {"seed_paper": SEED, "params": {k: v for k, v in vars(args).items() if k not in ("func", "handler")},
              "eps": eps_values}
    for key, fn in (("operators", lambda: part_operators(args, eps_values)),
                    ("weak_forms", lambda: part_weak_forms(args, eps_values)),
                    ("evolutions", lambda: part_evolutions(args, eps_values)),
                    ("coulomb", part_coulomb)):
        t = time.perf_counter()
        record[key] = fn()
        seconds[key] = time.perf_counter() - t
    ops = record["operators"]["data"]
    record["errors"] = {name: [r["grazing_gap"] for r in d["rows"]] for name, d in ops.items()}
    record["order"] = {name: d["order_grazing_gap"] for name, d in ops.items()}
    if args.kernel == "power":
        ok = all(o is not None and o >= ORDER_TARGET for o in record["order"].values())
        ratios = [r["ratio_measured_over_predicted"] for d in ops.values() for r in d["rows"]]
        verdicts = {"Lemma 3.3 on a grid: ‖Q_B^ε − Q_L‖ = O(ε²), power family": {
            "verdict": "verified" if ok else "refuted", "order": record["order"], "target": ORDER_TARGET,
            "measured_over_leading_term": [min(ratios), max(ratios)]}}
        wf = record["weak_forms"]["order"]
        verdicts["Lemma 3.3, weak forms of degree ≤ 4 (exact)"] = {
            "verdict": "verified" if all(o >= ORDER_TARGET for o in wf.values()) else "refuted", "order": wf}
    else:
        verdicts = {"Remark 2.6 Coulomb family: logarithmic rate": {
            "verdict": "observation", "rows": record["coulomb"]["bkw_rate_rows"][-2:],
            "predicted": record["coulomb"]["predicted_limit_of_(mu-4)log(1/eps)"]}}
    record["verdicts"] = verdicts
    record["figures"] = _figures(out, record)
    record["wall_seconds"] = time.perf_counter() - start
    record["seconds_per_part"] = seconds
    (out / "grazing.json").write_text(json.dumps(record, indent=1, default=_json_default))
    print(f"grazing study ({SEED}), kernel {args.kernel}, {record['wall_seconds']:.1f} s {seconds}, record {out / 'grazing.json'}")
    for name, d in ops.items():
        print(f"  (a) {name}: order {d['order_grazing_gap']}, floor vs spectral Landau "
              f"{d['discretisation_floor_QB0_vs_spectral_landau']:.2e}" + (
                  f" (BKW residuals vs exact ∂ₜf: Q_B^0 {d['bkw_residual_QB0_vs_exact_dtdf']:.2e}, "
                  f"Q_L {d['bkw_residual_QL_vs_exact_dtdf']:.2e})" if "bkw_residual_QL_vs_exact_dtdf" in d else ""))
        for r in d["rows"]:
            print(f"      ε={r['eps']:.4g} gap={r['grazing_gap']:.3e} predicted={r['predicted_leading_term']:.3e} "
                  f"raw={r['raw_gap_vs_spectral_landau']:.3e}" + (f" exactBKW={r['exact_bkw_relative_gap']:.3e}"
                                                                   if "exact_bkw_relative_gap" in r else ""))
    print(f"  (b) weak-form orders {record['weak_forms']['order']}")
    ev = record["evolutions"]
    print(f"  (c) exact moment gap order {ev['order_exact_moment_gap']}; grid runs: " + "; ".join(
        f"{k}: solver moment err {v['solver_moment_error_vs_exact']:.2e}" for k, v in ev["grid"]["runs"].items()))
    print(f"  (d) Coulomb (μ−4)log(1/ε): {[round(r['times_log_inv_eps'], 5) for r in record['coulomb']['bkw_rate_rows']]}"
          f" → {record['coulomb']['predicted_limit_of_(mu-4)log(1/eps)']:.5f}")
    for name, v in verdicts.items():
        print(f"  {v['verdict']:>11}  {name}")
    return 0 if all(v["verdict"] in ("verified", "observation") for v in verdicts.values()) else 1


STUDY = Study("grazing", "seed 001: the grazing limit Q_B^ε → Q_L measured (operators, weak forms, evolutions, Coulomb)",
              add_arguments, run)
