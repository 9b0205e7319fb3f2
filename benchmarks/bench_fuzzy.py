"""Fuzzy Landau collision operator benchmarks. Reports; asserts nothing.

  python benchmarks/bench_fuzzy.py [--quick]

For the fuzzy-shear datum (d = 3, γ = −2, exponential κ^σ, σ = 0.5) it reports the time of one
evaluation of Q_fuz (conservative correction included) against N_x (cells of the torus, d_x = 1)
and n (velocity points per side), its cost exponent in N_x, and its ratio to N_x separate
homogeneous evaluations Q_hom(f(x, ·)) with the spectral operator (what a loop over cells with the
homogeneous solver would cost; the fuzzy operator does the same number of velocity convolutions
but in one batched FFT per field). The constant kernel, whose x-transform keeps one mode, is
timed beside it: one velocity convolution for all cells.

Timings on a shared 2-core machine are noisy (best of 3 is reported).
"""
import sys

import numpy as np

from timing import best_of

from landau_num.cases import get_case
from landau_num.fuzzy.operator import FuzzyLandau
from landau_num.fuzzy.spatial import SpatialKernel, TorusGrid
from landau_num.grid import CellGrid


def setup(nx, n, kind="exponential"):
    case = get_case("fuzzy-shear")
    torus = TorusGrid(1, nx, case.parameters["torus_length"])
    grid = CellGrid(case.d, n, case.L)
    op = FuzzyLandau(torus, grid, SpatialKernel(torus, kind, 0.5), case.C, case.gamma)
    f = case.phase_density(torus.points, grid.points).reshape(op.shape)
    return op, f


def main(quick=False):
    ns = (16, 24) if quick else (16, 24, 32)
    nxs = (3, 7, 15) if quick else (3, 7, 15, 31)
    print(f"{'n':>4} {'N_x':>5} {'Q_fuz [s]':>10} {'N_x x Q_hom [s]':>16} {'ratio':>7} {'Q_fuz const κ [s]':>18}")
    for n in ns:
        times = []
        for nx in nxs:
            op, f = setup(nx, n)
            op(f)
            fuzzy = best_of(lambda: op(f))
            hom = op.velocity
            hom(f[0])
            homogeneous = best_of(lambda: [hom(cell) for cell in f])
            const_op, _ = setup(nx, n, "constant")
            const_op(f)
            constant = best_of(lambda: const_op(f))
            times.append(fuzzy)
            print(f"{n:>4} {nx:>5} {fuzzy:>10.4f} {homogeneous:>16.4f} {fuzzy / homogeneous:>7.2f} {constant:>18.4f}")
        slope = np.polyfit(np.log(nxs), np.log(times), 1)[0]
        print(f"     cost exponent in N_x at n = {n}: {slope:.2f} (1 = linear)")
    print("(time per evaluation, best of 3; scipy.fft with all cores)")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
