"""Spectral-operator benchmarks (issue #5). Reports; asserts nothing.

  python benchmarks/bench_spectral.py

Time per evaluation of Q(f) on 32³, 48³, 64³ (bimaxwellian3d, γ = −3) and 64², 128², 256²
(coulomb2d), the measured cost exponent in M = n^d, and the speed-up over the direct O(M²)
midpoint double sum of the same operator (same kernel values, same derivatives) on grids small
enough to run it, with the agreement of the two.
"""
import math

import numpy as np

from timing import best_of

from landau_num.cases import get_case
from landau_num.grid import CellGrid
from landau_num.spectral.operator import SpectralLandau, direct_operator




def setup(case_name, n):
    case = get_case(case_name)
    grid = CellGrid(case.d, n, case.spectral_L or case.L)
    op = SpectralLandau(grid, case.C, case.gamma)
    f = case.initial_density(grid.points).reshape((n,) * case.d)
    return op, f


def main():
    print("scipy.fft with workers=-1 (all cores)")
    for case_name, ns in (("coulomb2d", (64, 128, 256)), ("bimaxwellian3d", (32, 48, 64))):
        Ms, times = [], []
        for n in ns:
            op, f = setup(case_name, n)
            op(f)
            t = best_of(lambda: op(f))
            Ms.append(n ** op.grid.d)
            times.append(t)
            print(f"{case_name:15s} n={n:3d} (M={Ms[-1]:7d}): {t * 1e3:8.1f} ms per evaluation of Q(f)")
        slope = np.polyfit(np.log(Ms), np.log(times), 1)[0]
        print(f"  cost exponent in M: {slope:.2f} (M log M ≈ 1.0–1.1)")
    print("\nagainst the direct O(M²) double sum:")
    for case_name, n in (("coulomb2d", 32), ("coulomb2d", 48), ("bimaxwellian3d", 12), ("bimaxwellian3d", 16)):
        op, f = setup(case_name, n)
        fast = op(f)
        direct = direct_operator(op, f)  # compile
        t_direct = best_of(lambda: direct_operator(op, f), repeat=1)
        t_fast = best_of(lambda: op(f))
        print(f"  {case_name:15s} n={n:3d}: direct {t_direct * 1e3:9.1f} ms, FFT {t_fast * 1e3:6.2f} ms, speed-up "
              f"{t_direct / t_fast:7.0f}x, max|difference|/max|Q| = {np.abs(fast - direct).max() / np.abs(direct).max():.1e}")


def coulomb_long():
    """coulomb2d to T = 40 with the spectral solver: the relaxation of the second moments, to set
    beside the blob method's (benchmarks/bench_blob.py --coulomb)."""
    from landau_num import solve

    rec = solve("spectral", "coulomb2d", n=64, T=40.0, record_every=100).record
    s = rec.series
    print(f"coulomb2d spectral n=64, T=40: {rec.summary['wall_seconds']:.0f} s, {rec.stop_reason}, dt={rec.params['dt']:.3g}")
    print(f"  mass drift {s['mass'][-1] - s['mass'][0]:.1e}, relative energy drift "
          f"{(s['energy'][-1] - s['energy'][0]) / s['energy'][0]:.1e}")
    print(f"  H {s['entropy'][0]:.5f} -> {s['entropy'][-1]:.5f} (H∞ = {-math.log(4 * math.pi) - 1:.5f}); "
          f"monotone: {bool(np.all(np.diff(s['entropy']) < 0))}; I {s['fisher'][0]:.4f} -> {s['fisher'][-1]:.4f}")
    print(f"  P12 at t = {[round(t) for t in s['times'][::2]]}: {[round(m[0][1], 4) for m in s['second_moments'][::2]]}")
    print(f"  positivity lost at: {rec.summary['positivity_lost_at']}; min f {min(s['min_density']):.1e}")


if __name__ == "__main__":
    import sys

    coulomb_long() if "--coulomb" in sys.argv else main()
