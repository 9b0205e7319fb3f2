"""Generated-kernel benchmarks (issue #3). Reports; asserts nothing.

1. Compile time of the whole kernel library: cold (empty numba cache) and cached, each in a
   fresh interpreter.
2. Throughput of the generated Landau-matrix kernel A(z) (d = 3) inside a numba prange loop over
   10⁶ pairs, against a vectorised NumPy implementation of the same formula, for γ = 0 and −3.

Run:  python benchmarks/bench_kernels.py
"""
import os
import subprocess
import sys
import tempfile

import numba
import numpy as np

from timing import best_of

from landau_num.kernels import get_kernel

COMPILE_ALL = """
import inspect, time
t = time.perf_counter()
from landau_num.kernels import get_kernel, kernel_names
for name in kernel_names():
    f = get_kernel(name)
    f(*[0.7] * len(inspect.signature(f.py_func).parameters))
print(time.perf_counter() - t)
"""


def compile_times():
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache)
        run = lambda: float(subprocess.run([sys.executable, "-c", COMPILE_ALL], env=env, capture_output=True,  # noqa: E731
                                           text=True, check=True).stdout.strip())
        return run(), run()


landau_matrix_3d = get_kernel("landau_matrix", 3)


@numba.njit(parallel=True, cache=True)
def matrices_numba(z, C, gamma, out):
    for p in numba.prange(z.shape[0]):
        a = landau_matrix_3d(z[p, 0], z[p, 1], z[p, 2], C, gamma)
        for k in range(9):
            out[p, k] = a[k]


def matrices_numpy(z, C, gamma):
    r2 = np.einsum("ij,ij->i", z, z)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(r2 > 0, C * r2 ** (gamma / 2), 0.0)
    a = r2[:, None, None] * np.eye(3)[None] - z[:, :, None] * z[:, None, :]
    return (scale[:, None, None] * a).reshape(-1, 9)




def main():
    cold, cached = compile_times()
    print(f"kernel library compile time: cold {cold:.2f} s, cached {cached:.2f} s "
          f"(fresh interpreter, all {len(__import__('landau_num.kernels', fromlist=['x']).kernel_names())} kernels)")
    n = 1_000_000
    z = np.random.default_rng(0).normal(size=(n, 3))
    out = np.empty((n, 9))
    print(f"numba threads: {numba.get_num_threads()}")
    for gamma in (0.0, -3.0):
        matrices_numba(z, 1.0, gamma, out)
        assert np.allclose(out, matrices_numpy(z, 1.0, gamma), rtol=1e-12, atol=1e-14)
        t_numba = best_of(lambda: matrices_numba(z, 1.0, gamma, out))
        t_numpy = best_of(lambda: matrices_numpy(z, 1.0, gamma))
        print(f"gamma={gamma:+.0f}: numba {n / t_numba / 1e6:7.1f} M pairs/s ({t_numba * 1e3:6.1f} ms), "
              f"numpy {n / t_numpy / 1e6:6.1f} M pairs/s ({t_numpy * 1e3:6.1f} ms), ratio {t_numpy / t_numba:5.1f}x")


if __name__ == "__main__":
    main()
