"""Blob-solver benchmarks (issue #4). Reports; asserts nothing.

  python benchmarks/bench_blob.py            # RHS timings, scaling, NumPy comparison, flop rate
  python benchmarks/bench_blob.py --table    # bkw2d convergence table (n = 20..50, T = 5)
  python benchmarks/bench_blob.py --coulomb  # coulomb2d to T = 40
  python benchmarks/bench_blob.py --bkw3d    # bkw3d error and fourth moment, n = 8, 12, 16
  python benchmarks/bench_blob.py --bkw50    # bkw2d n = 50, T = 5: wall time and relative L² error
  python benchmarks/bench_blob.py --fmm      # 3D Coulomb pair sum: direct vs NumPy (pairs/s), FMM crossover

The NumPy reference evaluates the same right-hand side (same grid, same mollifier, no cut-off,
dense pair sums in row blocks); it agrees with the numba version to round-off (printed).
"""
import argparse
import math
import time

import numba
import numpy as np

from timing import best_of

import landau_num
from landau_num import make_solver, solve
from landau_num.blob.system import gamma_code, velocities_direct
from landau_num.cases import get_case

BLOCK = 256


def numpy_rhs(v, w, points, vol, eps, C, gamma):
    """Vectorised NumPy: Gaussian blob density, F_p, and the O(N²) pair sum."""
    d = v.shape[1]
    norm = (2 * math.pi * eps) ** (-d / 2)
    density = np.empty(len(points))
    for s in range(0, len(points), BLOCK):
        diff = points[s:s + BLOCK, None, :] - v[None, :, :]
        density[s:s + BLOCK] = norm * np.exp(-(diff**2).sum(-1) / (2 * eps)) @ w
    log_term = vol * (np.log(np.where(density > 0, density, 1.0)) + 1.0) * (density > 0)
    F = np.empty_like(v)
    for s in range(0, len(v), BLOCK):
        diff = v[s:s + BLOCK, None, :] - points[None, :, :]
        psi = norm * np.exp(-(diff**2).sum(-1) / (2 * eps))
        F[s:s + BLOCK] = np.einsum("pc,pca,c->pa", psi, -diff / eps, log_term)
    return numpy_pair_sum(v, w, F, C, gamma)


def numpy_pair_sum(v, w, F, C, gamma):
    """−Σ_q w_q A(v_p − v_q)(F_p − F_q), A(z) = C|z|^γ(|z|²I − z⊗z), dense in row blocks."""
    out = np.empty_like(v)
    for s in range(0, len(v), BLOCK):
        z = v[s:s + BLOCK, None, :] - v[None, :, :]
        g = F[s:s + BLOCK, None, :] - F[None, :, :]
        r2 = (z**2).sum(-1)
        with np.errstate(divide="ignore", invalid="ignore"):
            alpha = np.where(r2 > 0, C * r2 ** (gamma / 2), 0.0)
        zg = (z * g).sum(-1)
        pair = alpha[..., None] * (r2[..., None] * g - z * zg[..., None])
        out[s:s + BLOCK] = -np.einsum("pqa,q->pa", pair, w)
    return out




def rhs_timings():
    print(f"threads: {numba.get_num_threads()}")
    a = np.random.default_rng(0).normal(size=(2000, 2000))
    t = best_of(lambda: a @ a)
    gemm = 2 * 2000**3 / t / 1e9
    print(f"NumPy DGEMM (2000³): {gemm:.1f} GFLOP/s")
    rows = []
    for case_name, ns in (("bkw2d", (20, 40, 80)), ("coulomb2d", (20, 40, 80)), ("aniso3d", (12, 16, 20)),
                          ("bimaxwellian3d", (12, 16, 20))):
        case = get_case(case_name)
        for n in ns:
            run = make_solver("blob", case, n=n, T=1.0, dt=0.1)
            s, v = run.system, run.y0
            N = len(s.w)
            s.velocities(v)
            t_rhs = best_of(lambda: s.velocities(v))
            F = s.entropy_gradient(v)
            t_pairs = best_of(lambda: velocities_direct(v, s.w, F, s.C, s.gamma, gamma_code(s.gamma)))
            rows.append((case_name, case.d, case.gamma, n, N, t_rhs, t_pairs))
            print(f"{case_name:9s} d={case.d} γ={case.gamma:+.0f} n={n:3d} N={N:6d}: RHS {t_rhs * 1e3:8.2f} ms "
                  f"({s.interaction}), direct pair sum {t_pairs * 1e3:8.2f} ms = "
                  f"{N * N / t_pairs / 1e6:7.1f} M pairs/s")
    print("\ncost exponents (log time / log N over the sizes above):")
    for name in ("bkw2d", "coulomb2d", "aniso3d", "bimaxwellian3d"):
        sel = [r for r in rows if r[0] == name]
        Ns = np.log([r[4] for r in sel])
        print(f"  {name}: RHS {np.polyfit(Ns, np.log([r[5] for r in sel]), 1)[0]:.2f}, "
              f"pair sum {np.polyfit(Ns, np.log([r[6] for r in sel]), 1)[0]:.2f}")
    # flop rate of the pair loop (γ = −3, 2D, specialised kernel, no pow): ≈ 28 floating-point operations per
    # pair (4 differences, scaling by max|z|, |y|², one sqrt, the cube, A(z)g, 4 for the accumulation),
    # counting a division or a square root as one
    pair_2d = [r for r in rows if r[0] == "coulomb2d" and r[3] == 80][0]
    rate = 28 * pair_2d[4] ** 2 / pair_2d[6] / 1e9
    print(f"\npair loop (2D, N={pair_2d[4]}): ≈{rate:.1f} GFLOP/s counting 28 flops/pair, "
          f"{100 * rate / gemm:.0f}% of DGEMM")
    print("\nNumPy reference, same RHS:")
    for case_name, n in (("coulomb2d", 80), ("bkw2d", 80)):
        run = make_solver("blob", case_name, n=n, T=1.0, dt=0.1)
        s, v = run.system, run.y0
        ref = numpy_rhs(v, s.w, s.grid.points, s.grid.cell_volume, s.eps, s.C, s.gamma)
        ours = s.velocities(v)
        t_np = best_of(lambda: numpy_rhs(v, s.w, s.grid.points, s.grid.cell_volume, s.eps, s.C, s.gamma), repeat=1)
        t_nb = best_of(lambda: s.velocities(v))
        print(f"  {case_name} N={len(s.w)}: numpy {t_np:.2f} s, numba {t_nb * 1e3:.1f} ms, speed-up {t_np / t_nb:.0f}x, "
              f"max |difference| / max |v'| = {np.abs(ref - ours).max() / np.abs(ref).max():.1e}")


def convergence_table(sizes=(20, 30, 40, 50)):
    """One sweep point per n (landau_num.run_sweep on a LocalCluster sized to the machine; the runs'
    records in a temporary directory), the table from the sweep's aggregate."""
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        sweep = landau_num.run_sweep("blob", "bkw2d", {"n": list(sizes)}, T=5.0, dt=0.05, record_every=100, out=out,
                                     figures=False)
        errors = {norm: [float(sweep.dataset[f"final_error_{norm}"].sel(n=n)) for n in sizes]
                  for norm in ("l1", "l2", "linf")}
    print(" n    h       rel L1     rel L2     rel Linf   order(L2)")
    prev = None
    for i, n in enumerate(sizes):
        h = 8 / n
        l2 = errors["l2"][i]
        order = "" if prev is None else f"{math.log(prev[1] / l2) / math.log(prev[0] / h):.2f}"
        print(f"{n:3d} {h:.3f}  {errors['l1'][i]:.3e}  {l2:.3e}  {errors['linf'][i]:.3e}  {order}")
        prev = (h, l2)
    return sweep.exit_status


def coulomb_long():
    case = get_case("coulomb2d")
    result = solve("blob", case, n=40, T=40.0, dt=0.1, record_every=50)
    run, rec = result.solver, result.record
    s = rec.series
    eps = run.system.eps
    print(f"coulomb2d n=40 (N={len(run.system.w)}), T=40, dt=0.1, RK4: {rec.summary['wall_seconds']:.0f} s, "
          f"{rec.stop_reason}")
    print(f"  mass drift {s['mass'][-1] - s['mass'][0]:.1e}, momentum drift "
          f"{np.abs(np.array(s['momentum'][-1]) - s['momentum'][0]).max():.1e}, energy drift "
          f"{(s['energy'][-1] - s['energy'][0]) / s['energy'][0]:.1e} (relative)")
    print(f"  H_eps: {s['entropy'][0]:.4f} -> {s['entropy'][-1]:.4f}; regularised end value "
          f"-ln(2π(2+ε))-1 = {-math.log(2 * math.pi * (2 + eps)) - 1:.4f}; design H∞ = {-math.log(4 * math.pi) - 1:.4f}")
    print(f"  monotone: {bool(np.all(np.diff(s['entropy']) < 0))}")
    print(f"  second moments at T: {np.array(s['second_moments'][-1]).round(4).tolist()} (end state [[3, 0], [0, 2]])")
    print(f"  mean at T: {(np.array(s['momentum'][-1]) / s['mass'][-1]).round(6).tolist()}")


def bkw3d_table():
    """bkw3d from t = 5.5 to 10: relative L² error and ∫|v|⁴f against 15K(2 − K)."""
    print(" n      N   rel L2 (t=10)  m4(5.5) exact   m4(10) exact    Δm4  exact Δm4")
    for n in (8, 12, 16):
        case = get_case("bkw3d")
        run = make_solver("blob", case, n=n, T=4.5, dt=0.1, record_every=45)
        w, v0 = run.system.w, run.y0
        m4_start = float((w * (v0 * v0).sum(axis=1) ** 2).sum())
        rec = landau_num.run(run)
        m4_end, exact_end = rec.summary["fourth_moment"], rec.summary["fourth_moment_exact"]
        exact_start = case.exact_fourth_moment(case.t0)
        print(f"{n:2d} {len(w):6d}  {rec.series['error_vs_exact']['l2'][-1]:.3e}   {m4_start:.4f} {exact_start:.4f}  "
              f"{m4_end:.4f} {exact_end:.4f}  {m4_end - m4_start:.4f} {exact_end - exact_start:.4f}")


def bkw2d_n50():
    """The issue's reference run: bkw2d, n = 50, T = 5 with the solver defaults (dt = 0.05, RK4,
    one record per step); the loop time the record stores and the whole solve including set-up."""
    solve("blob", "bkw2d", n=8, T=0.1, dt=0.05)  # load the numba caches first
    start = time.perf_counter()
    rec = solve("blob", "bkw2d", n=50, T=5.0).record
    total = time.perf_counter() - start
    print(f"bkw2d n=50 T=5 (N={rec.params['particles']}, dt={rec.params['dt']}, {rec.params['scheme']}): "
          f"time loop {rec.summary['wall_seconds']:.2f} s, solve() {total:.2f} s; relative L2 error at T "
          f"{rec.series['error_vs_exact']['l2'][-1]:.4e} (published 1.9e-2)")


def coulomb_pair_sum(sizes=(1000, 2000, 4000, 8000, 16000, 32000), precisions=(1e-6, 1e-9, 1e-12)):
    """3D Coulomb pair sum: numba direct (pairs/s) against the same sum in NumPy, and against the FMM
    at several precisions (the solver's is pair_sum_fmm.DEFAULT_PRECISION). The crossover is the first
    N where the FMM wins; if it never does, the estimate N·t_fmm/t_direct at the largest N (the FMM
    cost grows like N, the direct one like N²)."""
    from landau_num.blob import pair_sum_fmm

    print(f"threads: {numba.get_num_threads()}; solver's FMM precision {pair_sum_fmm.DEFAULT_PRECISION:g}")
    rng = np.random.default_rng(0)
    code = gamma_code(-3.0)
    head = "".join(f"  FMM {p:g} (s) rel.err" for p in precisions)
    print(f"     N  direct (s) M pairs/s  numpy (s) M pairs/s speed-up{head}")
    last = {}
    crossover = {p: None for p in precisions}
    for N in sizes:
        v = rng.normal(size=(N, 3))
        F = -v + 0.3 * rng.normal(size=(N, 3))
        w = np.full(N, 1.0 / N)
        velocities_direct(v[:10], w[:10], F[:10], 1.0, -3.0, code)
        t_direct = best_of(lambda: velocities_direct(v, w, F, 1.0, -3.0, code), repeat=1 if N > 8000 else 3)
        ref = velocities_direct(v, w, F, 1.0, -3.0, code)
        numpy_cols = f"{'-':>10s} {'-':>9s} {'-':>8s}"
        if N <= 4000:
            t_np = best_of(lambda: numpy_pair_sum(v, w, F, 1.0, -3.0), repeat=1)
            numpy_cols = f"{t_np:10.3f} {N * N / t_np / 1e6:9.1f} {t_np / t_direct:7.0f}x"
        cols = ""
        for p in precisions:
            if p <= 1e-12 and N > 16000:
                cols += f"{'-':>15s} {'-':>7s}"
                continue
            start = time.perf_counter()
            u = pair_sum_fmm.coulomb_velocities_fmm(v, w, F, 1.0, p)
            t_fmm = time.perf_counter() - start
            error = np.abs(u - ref).max() / np.abs(ref).max()
            cols += f"{t_fmm:15.3f} {error:7.0e}"
            last[p] = (N, t_fmm / t_direct)
            if crossover[p] is None and t_fmm < t_direct:
                crossover[p] = N
        print(f"{N:6d} {t_direct:10.4f} {N * N / t_direct / 1e6:9.1f} {numpy_cols}{cols}", flush=True)
    for p in precisions:
        if crossover[p] is not None:
            print(f"precision {p:g}: FMM faster than the direct sum from N = {crossover[p]} on (sizes above)")
        else:
            N, ratio = last[p]
            print(f"precision {p:g}: FMM slower at every size; at N = {N} it takes {ratio:.1f}x the direct sum, "
                  f"crossover estimated at N ≈ {N * ratio:.0f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", action="store_true")
    parser.add_argument("--coulomb", action="store_true")
    parser.add_argument("--bkw3d", action="store_true")
    parser.add_argument("--bkw50", action="store_true", help="bkw2d n=50 T=5 wall time and L2 error")
    parser.add_argument("--fmm", action="store_true", help="3D Coulomb pair sum: direct, NumPy, FMM, crossover")
    args = parser.parse_args()
    if args.table:
        convergence_table()
    elif args.coulomb:
        coulomb_long()
    elif args.bkw3d:
        bkw3d_table()
    elif args.bkw50:
        bkw2d_n50()
    elif args.fmm:
        coulomb_pair_sum()
    else:
        rhs_timings()
