"""Timing table of the OT layer (landau_num.transport): grid and particle sizes against seconds.

Reports, for 2D Gaussian grid measures, ``ot.emd2`` (exact W₂²), Sinkhorn in the log domain and in
the scaling form (ε = 0.5), and a plain-NumPy Sinkhorn (scaling iterations written out, the
reference for the ratio); and for uniform 3D particle clouds, W₂ by ``ot.emd2`` with and without
the sampling floor (3 bootstrap repeats). Timings are wall-clock on a shared machine: noisy.
Run: python benchmarks/bench_transport.py
"""
from __future__ import annotations

import time

import numpy as np

from landau_num.grid import CellGrid
from landau_num.transport import entropic_cost, grid_measure, particle_w2, w2_squared
from landau_num.transport.discrete import cost_matrix


def _gaussian(grid, cov):
    inv = np.linalg.inv(cov)
    x = grid.points
    return np.exp(-0.5 * np.einsum("ni,ij,nj->n", x, inv, x))


def _numpy_sinkhorn(a, b, M, eps, iters):
    K = np.exp(-M / eps)
    u = np.ones_like(a)
    for _ in range(iters):
        v = b / (K.T @ u)
        u = a / (K @ v)
    return u[:, None] * K * v[None, :]


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def main() -> None:
    A, B = np.array([[1.3, 0.2], [0.2, 0.7]]), np.array([[0.6, -0.1], [-0.1, 1.1]])
    print("grid measures (2D, L = 6, support tolerance 1e-13), seconds")
    print(f"{'n':>4} {'atoms':>6} {'emd2':>8} {'sink-log':>9} {'sink-scal':>9} {'numpy':>8} {'numpy/scal':>10}")
    for n in (16, 24, 32, 40):
        g = CellGrid(2, n, 6.0)
        mu, nu = grid_measure(_gaussian(g, A), g, 1e-13), grid_measure(_gaussian(g, B), g, 1e-13)
        t_emd, _ = _timed(lambda: w2_squared(mu, nu))
        t_log, c = _timed(lambda: entropic_cost(mu, nu, 0.5, method="log"))
        t_sc, _ = _timed(lambda: entropic_cost(mu, nu, 0.5, method="scaling"))
        M = cost_matrix(mu, nu)
        t_np, _ = _timed(lambda: _numpy_sinkhorn(mu.weights, nu.weights, M, 0.5, c.iterations))
        print(f"{n:>4} {len(mu.weights):>6} {t_emd:>8.3f} {t_log:>9.3f} {t_sc:>9.3f} {t_np:>8.3f} {t_np / t_sc:>10.2f}")
    print("\nparticle clouds (3D, uniform weights), seconds")
    print(f"{'N':>6} {'emd2':>8} {'with floor':>10} {'W2':>8} {'floor':>8}")
    rng = np.random.default_rng(0)
    for N in (250, 500, 1000, 2000):
        x, y = rng.standard_normal((N, 3)), rng.standard_normal((N, 3)) * 1.1
        from landau_num.transport.discrete import DiscreteMeasure
        u = np.full(N, 1.0 / N)
        t_emd, _ = _timed(lambda: w2_squared(DiscreteMeasure(x, u), DiscreteMeasure(y, u)))
        t_all, res = _timed(lambda: particle_w2(x, y, rng=1))
        print(f"{N:>6} {t_emd:>8.3f} {t_all:>10.3f} {res.w2:>8.4f} {res.floor:>8.4f}")


if __name__ == "__main__":
    main()
