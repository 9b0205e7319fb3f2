"""Benchmark of the fast spectral Boltzmann operator (001_213bc0b3a2bddff3.txt (1.1)).

Reports (does not assert): the BKW residual max|Q_B(f) − ∂ₜf|/max|∂ₜf| in N (3D, b = 1/(4π),
K = 0.65; 2D, b = 1/(2π), K = 0.6), the time of one evaluation and its cost exponent in N, and
the FFT evaluation against the direct O(N^{2d}) double sum (agreement and time ratio) at small N.
Timings on a shared machine are noisy: take the minimum of several repeats.

    python benchmarks/bench_boltzmann.py [--quick]
"""
from __future__ import annotations

import argparse
import math
import time

import numpy as np

from landau_num.boltzmann.angular import AngularKernel
from landau_num.boltzmann.operator import BoltzmannOperator, direct_operator
from landau_num.grid import CellGrid
from landau_num.kernels import get_kernel


def bkw(grid, K, rate):
    d = grid.d
    f = np.array([get_kernel("bkw_density", d)(*x, K) for x in grid.points])
    r2 = np.sum(grid.points**2, axis=1)
    P, Q = ((d + 2) * K - d) / (2 * K), (1 - K) / (2 * K**2)
    gauss = (2 * math.pi * K) ** (-d / 2) * np.exp(-r2 / (2 * K))
    dK = gauss * ((-d / (2 * K) + r2 / (2 * K**2)) * (P + Q * r2) + d / (2 * K**2) + (0.5 / K**2 - 1 / K**3) * r2)
    shape = (grid.n,) * d
    return f.reshape(shape), (dK * rate * (1 - K)).reshape(shape)


def best_time(fn, repeats=3):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows = []
    sizes3 = (16, 24) if args.quick else (16, 24, 32)
    for d, sizes, L, deg, K in ((3, sizes3, 7.0, 7, 0.65), (2, (32, 48, 64), 9.0, 16, 0.6)):
        kernel = AngularKernel("maxwell", d=d)
        for n in sizes:
            grid = CellGrid(d, n, L)
            op = BoltzmannOperator(grid, kernel, 0.0, R=L, n_rho=n if d == 2 else (3 * n) // 4, sphere_degree=deg)
            f, dfdt = bkw(grid, K, kernel.bkw_rate())
            Qf = op(f)
            seconds = best_time(lambda: op(f))
            rows.append((d, n, float(np.abs(Qf - dfdt).max() / np.abs(dfdt).max()), seconds,
                         float(abs(Qf.sum()) * grid.cell_volume)))
    print(f"{'d':>2} {'N':>4} {'BKW residual':>13} {'seconds':>9} {'mass rate':>10}")
    for d, n, res, sec, m in rows:
        print(f"{d:>2} {n:>4} {res:13.3e} {sec:9.3f} {m:10.2e}")
    for d in (2, 3):
        sub = [(n, s) for dd, n, _, s, _ in rows if dd == d]
        if len(sub) >= 2:
            slope = np.polyfit(np.log([n for n, _ in sub]), np.log([s for _, s in sub]), 1)[0]
            print(f"cost exponent in N (d = {d}): {slope:.2f}")
    grid = CellGrid(3, 6, 4.0)
    op = BoltzmannOperator(grid, AngularKernel("power", nu=0.5), 0.0, R=3.0, n_rho=3, sphere_degree=5)
    f = np.exp(-np.sum(grid.points**2, axis=1) / 1.5).reshape((6,) * 3)
    fast, slow = op(f), direct_operator(op, f)
    ratio = best_time(lambda: direct_operator(op, f), 1) / best_time(lambda: op(f))
    print(f"direct O(N^6) vs FFT at N = 6 (power law ν = 1/2): max rel. diff "
          f"{np.abs(fast - slow).max() / np.abs(slow).max():.2e}, time ratio direct/FFT {ratio:.1f}")


if __name__ == "__main__":
    main()
