"""Benchmarks of the particle system (3) of 003_2ee84d6b3c804a54.txt (issue 6). Reports; asserts nothing.

    python benchmarks/bench_sde.py speed [--replicas R]   pair updates per second, NumPy speed-up, scaling in N
    python benchmarks/bench_sde.py chaos                  the approach to the Landau equation as N grows
    python benchmarks/bench_sde.py pairing [--threads T]  the O(N) pairing scheme: pair updates/s vs N,
                                                          vs a NumPy version, and the 10⁶-particle acceptance run
    python benchmarks/bench_sde.py profile [--threads T] [--N N]   CPU/wall of the parts of one pairing step

speed: for N ∈ {64, 256, 1024} and both schemes, the compiled kernels (numba, parallel over
replicas) against a vectorised NumPy version of one step (Euler–Maruyama vectorised over all
pairs; pair rotation vectorised over the disjoint pairs of each round-robin round), both
drawing the same Gaussian increments, so their results are compared too. The pair sum costs
O(N²) per step and replica; the fitted exponent of time per step against N is printed.

chaos: ensembles for N ∈ {4, …, 64} with R = max(2048, 16N) replicas.
- aniso3d (γ = 0): deviation of the ensemble second moments from the Landau law Σ(t), with the
  unbiased control variate Y = S(T) − h(S(0)) + h(Σ₀) (h the Landau map S ↦ Σ∞(S) + (S − Σ∞(S))e^{−4dCT},
  E S(0) = Σ₀), against the exact finite-N prediction of landau_num.sde.system; and the energy distance
  to the blob solver's solution (n³ weighted particles, a rough reference at this resolution).
- bkw3d (γ = 0): energy distance to the exact BKW density at t₀ + T (weighted grid points).
The fitted rates in N are printed: D_V = (E D²_V)^{1/2} (sampling floor E|X−X′|/N: rate −1/2),
E D²_U (floor removed: chaos + law error + reference error), second-moment deviation (rate −1).
"""
from __future__ import annotations

import argparse
import math
import time

import numba
import numpy as np

from timing import best_of

from landau_num._generated.potentials import alpha_cutoff
from landau_num.cases import get_case
from landau_num.grid import CellGrid
from landau_num import solve
from landau_num.sde.diagnostics import energy_distance
from landau_num.sde.system import ParticleSystem, draw_seeds, round_robin_rounds

# ---------------------------------------------------------------- speed

_alpha_scalar = np.vectorize(alpha_cutoff, otypes=[float])


def alpha_numpy(r, gamma, eta):
    """α_η(r): r^γ off the cut-off (vectorised), the generated kernel on the few pairs with r < η."""
    out = r**gamma
    close = r < eta
    out[close] = _alpha_scalar(r[close], gamma, eta)
    return out


def numpy_euler_step(v, pairs, seeds, dt, C, gamma, eta):
    """One Euler–Maruyama step of (3), vectorised over all pairs of each replica."""
    N = v.shape[1]
    i, j = pairs[:, 0], pairs[:, 1]
    for r in range(v.shape[0]):
        xi = np.random.RandomState(seeds[r]).standard_normal((len(pairs), 3))
        z = v[r, i] - v[r, j]
        norm = np.sqrt(np.einsum("pk,pk->p", z, z))
        a = alpha_numpy(norm, gamma, eta)
        proj = np.einsum("pk,pk->p", z, xi) / norm
        w = (-4 * C * dt / (N - 1) * a)[:, None] * z \
            + np.sqrt(2 * C * dt / (N - 1) * a)[:, None] * (norm[:, None] * xi - z * proj[:, None])
        increment = np.zeros((N, 3))
        np.add.at(increment, i, w)
        np.add.at(increment, j, -w)
        v[r] += increment


def numpy_rotation_step(v, rounds, seeds, dt, C, gamma, eta):
    """One pair-rotation step, vectorised over replicas and over the disjoint pairs of each round."""
    N = v.shape[1]
    P = sum(len(rnd) for rnd in rounds)
    xi_all = np.stack([np.random.RandomState(seed).standard_normal((P, 3)) for seed in seeds])
    offset = 0
    for rnd in rounds:
        i, j = rnd[:, 0], rnd[:, 1]
        xi = xi_all[:, offset:offset + len(rnd)]
        offset += len(rnd)
        z = v[:, i] - v[:, j]
        norm = np.linalg.norm(z, axis=2, keepdims=True)
        u = np.cross(z / norm, xi)
        u_norm = np.linalg.norm(u, axis=2, keepdims=True)
        theta = np.sqrt(8 * C * dt / (N - 1) * alpha_numpy(norm, gamma, eta)) * u_norm
        k = u / u_norm
        z_new = z * np.cos(theta) + np.cross(k, z) * np.sin(theta)  # k ⊥ z
        m = 0.5 * (v[:, i] + v[:, j])
        v[:, i], v[:, j] = m + 0.5 * z_new, m - 0.5 * z_new


def speed(replicas: int) -> None:
    gamma, C, dt = -3.0, 1.0, 0.01
    print(f"speed: gamma={gamma}, R={replicas} replicas, numba threads={numba.get_num_threads()}, "
          f"alpha^N = alpha_eta with eta = N^(-1/3)")
    print(f"{'N':>6} {'scheme':>9} {'pairs/step':>11} {'numba s/step':>13} {'pair upd/s':>11} "
          f"{'numpy s/step':>13} {'speed-up':>9} {'max |diff|':>10}")
    per_step = {"rotation": [], "euler": []}
    sizes = (64, 256, 1024)
    for N in sizes:
        system = ParticleSystem(N, gamma, C)
        rng = np.random.default_rng(N)
        v0 = rng.standard_normal((replicas, N, 3))
        P = len(system.pairs)
        steps = max(1, int(4e6 // (P * replicas)))
        for scheme in ("rotation", "euler"):
            seeds = draw_seeds(rng, replicas)
            system.advance(v0.copy(), dt, 1, seeds, scheme)  # compile / warm up
            t_numba = best_of(lambda s=system, x=v0, k=steps, q=seeds, m=scheme: s.advance(x.copy(), dt, k, q, m),
                              3) / steps
            one = v0.copy()
            system.advance(one, dt, 1, seeds, scheme)
            reference = v0.copy()
            start = time.perf_counter()
            if scheme == "euler":
                numpy_euler_step(reference, system.pairs, seeds, dt, C, gamma, system.eta)
            else:
                numpy_rotation_step(reference, round_robin_rounds(N), seeds, dt, C, gamma, system.eta)
            t_numpy = time.perf_counter() - start
            diff = float(np.abs(reference - one).max())
            per_step[scheme].append(t_numba)
            print(f"{N:>6} {scheme:>9} {P:>11} {t_numba:>13.3e} {P * replicas / t_numba:>11.3e} "
                  f"{t_numpy:>13.3e} {t_numpy / t_numba:>9.1f} {diff:>10.1e}")
    for scheme, times in per_step.items():
        slope = np.polyfit(np.log(sizes), np.log(times), 1)[0]
        print(f"scaling ({scheme}): time per step ~ N^{slope:.2f} (the pair sum is O(N^2) per step and replica)")


# ---------------------------------------------------------------- chaos

def fitted_rate(Ns, values):
    return float(np.polyfit(np.log(Ns), np.log(values), 1)[0])


def run_ensemble(case, N, R, T, dt, seed):
    """(initial velocities, final velocities, seconds) of one ensemble through the sde solver."""
    start = time.perf_counter()
    result = solve("sde", case, N=N, replicas=R, T=T, dt=dt, seed=seed, records=1, figures=False)
    return result.solver.y0, result.state, time.perf_counter() - start


def distances(v, reference, weights):
    d_v, d_u = energy_distance(v, reference, weights)
    return math.sqrt(d_v.mean()), d_u.mean(), d_u.std(ddof=1) / math.sqrt(len(d_u))


def weighted_rate(Ns, values, errors):
    """Least-squares fit of values = a·N^p weighted by the standard errors: (p, its standard error)."""
    from scipy.optimize import curve_fit

    Ns, values = np.asarray(Ns, dtype=float), np.asarray(values)
    (_, p), cov = curve_fit(lambda n, a, q: a * n**q, Ns, values, p0=(values[0] * Ns[0], -1.0), sigma=errors,
                            absolute_sigma=True, maxfev=10_000)
    return p, math.sqrt(cov[1, 1])


def chaos(T: float, dt: float, Ns, per_N: int, min_R: int, blob_n: int, seed: int) -> None:
    aniso = get_case("aniso3d")
    sigma0, lam = aniso.exact_second_moments(0.0), 12 * aniso.C
    landau = aniso.exact_second_moments(T)
    start = time.perf_counter()
    blob = solve("blob", aniso, n=blob_n, T=T, dt=0.1, figures=False)
    blob_points, blob_weights = blob.state, blob.solver.system.w
    blob_moments = np.einsum("p,pa,pb->ab", blob_weights, blob_points, blob_points) / blob_weights.sum()
    print(f"chaos: T={T}, dt={dt}, rotation scheme, R = max({min_R}, {per_N}N), seed {seed}")
    print(f"blob reference n={blob_n}: {len(blob_weights)} particles, {time.perf_counter() - start:.1f} s; its own "
          f"second-moment error at T: {np.abs(blob_moments - landau).max():.3f} (max entry)")

    def landau_map(S):
        iso = np.trace(S, axis1=-2, axis2=-1)[..., None, None] / 3 * np.eye(3)
        return iso + (S - iso) * math.exp(-lam * T)

    def finite_N_deviation(N):  # E S(T) − Σ(T) for i.i.d. N(0, Σ₀) data (landau_num.sde.system doc)
        lam_N = lam * N / (N - 1)
        return sigma0 / N + (1 - 1 / N) * (np.eye(3) + (sigma0 - np.eye(3)) * math.exp(-lam_N * T)) - landau

    k = np.unravel_index(np.argmax(np.abs(finite_N_deviation(Ns[0]))), (3, 3))
    print(f"aniso3d, entry {tuple(int(x) + 1 for x in k)} of E S(T) − Σ(T) (control variate), and energy distances "
          f"to the blob solution:")
    print(f"  {'N':>4} {'R':>5} {'deviation':>10} {'s.e.':>8} {'predicted':>10} {'z':>6} "
          f"{'D_V':>8} {'E D2_U':>9} {'s.e.':>8} {'seconds':>8}")
    rows = []
    for N in Ns:
        R = max(min_R, per_N * N)
        v0, v, seconds = run_ensemble(aniso, N, R, T, dt, seed)
        S0 = np.einsum("rna,rnb->rab", v0, v0) / N
        S = np.einsum("rna,rnb->rab", v, v) / N
        Y = (S - landau_map(S0) + landau_map(sigma0))[:, k[0], k[1]] - landau[k]
        dev, se, predicted = Y.mean(), Y.std(ddof=1) / math.sqrt(R), finite_N_deviation(N)[k]
        d_v, d_u, d_u_se = distances(v, blob_points, blob_weights)
        rows.append((N, dev, se, d_v, d_u, d_u_se))
        print(f"  {N:>4} {R:>5} {dev:>10.2e} {se:>8.1e} {predicted:>10.2e} {(dev - predicted) / se:>6.1f} "
              f"{d_v:>8.4f} {d_u:>9.2e} {d_u_se:>8.1e} {seconds:>8.1f}")
    Ns_, devs, ses, dvs, dus, du_ses = map(np.array, zip(*rows))
    rate, rate_se = weighted_rate(Ns_, devs, ses)
    print(f"  rates in N: second-moment deviation N^({rate:.2f} ± {rate_se:.2f}) (weighted fit; exact finite-N law: "
          f"N^-1); D_V N^{fitted_rate(Ns_, dvs):.2f} (sampling floor: N^-0.5); E D2_U levels off at the blob's own "
          f"error")

    bkw = get_case("bkw3d")
    n = 20
    cells = CellGrid(3, n, bkw.L)
    grid = cells.points
    exact_weights = bkw.exact_density(grid, bkw.t0 + T) * cells.cell_volume
    print(f"bkw3d, energy distances to the exact BKW density at t0 + T ({n}^3 grid, mass {exact_weights.sum():.6f}):")
    print(f"  {'N':>4} {'R':>5} {'D_V':>8} {'E D2_U':>9} {'s.e.':>8} {'seconds':>8}")
    rows = []
    for N in Ns:
        R = max(min_R, per_N * N)
        _, v, seconds = run_ensemble(bkw, N, R, T, dt, seed)
        d_v, d_u, d_u_se = distances(v, grid, exact_weights)
        rows.append((N, d_v, d_u, d_u_se))
        print(f"  {N:>4} {R:>5} {d_v:>8.4f} {d_u:>9.2e} {d_u_se:>8.1e} {seconds:>8.1f}")
    Ns_, dvs, dus, du_ses = map(np.array, zip(*rows))
    resolved = np.abs(dus) > 3 * du_ses
    print(f"  rates in N: D_V N^{fitted_rate(Ns_, dvs):.2f} (sampling floor (E|X-X'|/N)^(1/2): N^-0.5); "
          f"E D2_U exceeds 3 s.e. at N = {Ns_[resolved].tolist()} (elsewhere the chaos and law errors are below "
          f"the noise, {du_ses[-1]:.1e} at N = {Ns_[-1]})")


def numpy_pairing_step(v, rng, tau):
    """One pairing step of one replica, vectorised NumPy (γ = 0, a single exact table): uniform
    matching by a permutation, A(τ) by inversion of the table's CDF, then the same rotation."""
    from landau_num.sde.ancestral import AncestralTables

    tables = AncestralTables(tau, tau)
    perm = rng.permutation(v.shape[0])
    i, j = perm[0::2], perm[1::2]
    z = v[i] - v[j]
    m = 0.5 * (v[i] + v[j])
    r = np.linalg.norm(z, axis=1)
    n = z / r[:, None]
    a = tables.lo[0] + np.searchsorted(tables.cdf[:tables.size[0]], rng.random(len(r)))
    x = 1 - rng.random(len(r)) ** (1 / (a + 1.0))
    phi = 2 * np.pi * rng.random(len(r))
    helper = np.where(np.abs(n[:, :1]) < 0.9, [[1.0, 0, 0]], [[0, 1.0, 0]])
    e1 = np.cross(n, helper)
    e1 /= np.linalg.norm(e1, axis=1)[:, None]
    e2 = np.cross(n, e1)
    sin_t = 2 * np.sqrt(x * (1 - x))
    y = r[:, None] * ((1 - 2 * x)[:, None] * n + (sin_t * np.cos(phi))[:, None] * e1 + (sin_t * np.sin(phi))[:, None] * e2)
    v[i], v[j] = m + 0.5 * y, m - 0.5 * y


def pairing_speed(threads: int) -> None:
    """Pair updates per second of the compiled pairing scheme (γ = 0 and γ = −3) against NumPy, and
    the scaling in N (O(N) per step: the fitted exponent of time per step should be ≈ 1)."""
    from landau_num.sde.pairing import replica_keys

    numba.set_num_threads(threads)
    dt, C, steps = 0.01, 1 / 24, 10
    Ns, per_step = [10**4, 10**5, 10**6], []
    for gamma in (0.0, -3.0):
        for N in Ns:
            system = ParticleSystem(N, gamma, C, None)
            v = np.random.default_rng(0).standard_normal((1, N, 3))
            keys = replica_keys(0, 1)
            system.advance(v, dt, 1, keys, "pairing")  # compile, tables
            seconds = best_of(lambda: system.advance(v, dt, steps, keys, "pairing", first_step=1), repeat=3)
            rate = N // 2 * steps / seconds
            line = f"pairing gamma={gamma:+.0f} N={N:>8}: {rate:.3e} pair updates/s ({threads} threads)"
            if gamma == 0.0:
                per_step.append(seconds / steps)
                w = v[0].copy()
                rng = np.random.default_rng(1)
                numpy_seconds = best_of(lambda: numpy_pairing_step(w, rng, 8 * C * dt), repeat=3)
                line += f", NumPy {N // 2 / numpy_seconds:.3e}/s, speed-up {numpy_seconds / (seconds / steps):.1f}x"
            print(line)
    print(f"pairing: time per step ~ N^{fitted_rate(Ns, per_step):.2f}")
    tick = time.perf_counter()
    solve("sde", "aniso3d", N=10**6, replicas=1, scheme="pairing", dt=0.01, T=1.0, figures=False)
    total = time.perf_counter() - tick
    print(f"acceptance run (N=1e6, 100 steps, in-process, solver + diagnostics): {total:.1f} s, "
          f"{5e7 / total:.3e} pair updates/s including set-up")


def pairing_profile(threads: int, N: int = 10**6) -> None:
    """CPU and wall seconds of the parts of one pairing step (aniso3d, dt = 0.01, one replica of N):
    bucket draws, counting sort (count + scatter), the bucket shuffles, the pair updates, and the
    whole step serially and in parallel. CPU time (time.process_time, all threads) is the measure
    on a loaded machine; the parallel step's CPU time exposes the threads' waiting."""
    from landau_num.sde import pairing as P

    numba.set_num_threads(threads)
    case, dt = get_case("aniso3d"), 0.01
    system = ParticleSystem(N, case.gamma, case.C)
    tables = system.ancestral_tables(dt)
    keys = P.replica_keys(0, 1)
    system.advance(np.random.default_rng(0).standard_normal((1, N, 3)), dt, 1, keys, "pairing")  # compile
    bits, H = P.bucket_bits(N), P.CHUNKS
    B, per = 1 << bits, (N + H - 1) // H
    src = np.random.default_rng(1).standard_normal((N, 3))
    dst, bucket = np.empty_like(src), np.empty(N, dtype=np.int64)
    chunk_counts, counts = np.empty((H, B), dtype=np.int64), np.empty(B + 1, dtype=np.int64)
    key = np.uint64(keys[0])
    args = (8.0 * case.C * dt, case.gamma, system.eta, tables.cdf, tables.start, tables.lo, tables.size,
            tables.guide, tables.inv_tau_max, tables.step, tables.tau_bottom)

    def sort():
        for h in range(H):
            P._count_chunk(bucket, h * per, min(N, (h + 1) * per), chunk_counts[h])
        P._offsets(chunk_counts, counts)
        for h in range(H):
            P._scatter_chunk(src, dst, bucket, h * per, min(N, (h + 1) * per), chunk_counts[h])

    def shuffle():
        for b in range(B):
            P._shuffle_rows(key, 3, b, dst, counts[b], counts[b + 1])

    parts = {
        "bucket draws": lambda: P._assign_buckets(key, 3, bits, 0, N, bucket),
        "counting sort": sort,
        "bucket shuffles": shuffle,
        "pair updates": lambda: P._pairs_range(dst, key, 3, 0, N // 2, *args),
        "step (serial)": lambda: P._step_serial(src, dst, key, 3, bits, bucket, chunk_counts, counts, *args),
        "step (parallel)": lambda: P._step_parallel(src, dst, key, 3, bits, bucket, chunk_counts, counts, *args),
    }
    print(f"pairing profile: N={N}, aniso3d, dt={dt}, {threads} threads (best of 5; CPU = all threads)")
    for name, call in parts.items():
        cpu = wall = math.inf
        for _ in range(5):
            tick, tock = time.process_time(), time.perf_counter()
            call()
            cpu, wall = min(cpu, time.process_time() - tick), min(wall, time.perf_counter() - tock)
        print(f"  {name:>16}: CPU {cpu * 1e3:7.1f} ms, wall {wall * 1e3:7.1f} ms, "
              f"{cpu / (N // 2) * 1e9:6.1f} CPU ns per pair")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="part", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--replicas", type=int, default=8)
    pg = sub.add_parser("pairing")
    pg.add_argument("--threads", type=int, default=2)
    pp = sub.add_parser("profile")
    pp.add_argument("--threads", type=int, default=2)
    pp.add_argument("--N", type=int, default=10**6)
    c = sub.add_parser("chaos")
    c.add_argument("--T", type=float, default=2.0)
    c.add_argument("--dt", type=float, default=0.02)
    c.add_argument("--Ns", type=int, nargs="+", default=[4, 8, 16, 32, 64])
    c.add_argument("--per-N", type=int, default=16, help="R = max(min_R, per_N * N) replicas")
    c.add_argument("--min-R", type=int, default=2048)
    c.add_argument("--blob-n", type=int, default=12)
    c.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.part == "speed":
        speed(args.replicas)
    elif args.part == "pairing":
        pairing_speed(args.threads)
    elif args.part == "profile":
        pairing_profile(args.threads, args.N)
    else:
        chaos(args.T, args.dt, args.Ns, args.per_N, args.min_R, args.blob_n, args.seed)


if __name__ == "__main__":
    main()
