"""Sweep benchmarks: wall time of `landau sweep` on a LocalCluster of 1 and 2 workers, against the
same runs one after the other in one process (a plain loop of `landau_num.solve`). Reports;
asserts nothing.

  python benchmarks/bench_sweep.py             # the acceptance sweep (blob bkw2d T=0.5, n=12,16)
                                               # and two larger ones (blob n=24..48 to T=5; sde ensemble)
  python benchmarks/bench_sweep.py --only small

Each sweep is timed as the user sees it: the whole `landau sweep` command in a fresh process
(interpreter start, LocalCluster start, the workers' imports and numba cache loads, the runs, the
aggregate, shutdown). The loop is timed in-process after one warm-up run (numba compiled), with
numba's threads at 1 and at the machine's default, so it is the best case for not using Dask.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numba
import xarray as xr

import landau_num
from landau_num.sweep import grid_points, normalise_grid
from landau_num.sweep.aggregate import AGGREGATE_FILE
from landau_num.sweep.grid import parse_value

SWEEPS = {  # name: solver, case, --grid specs, fixed options, extra ("repeat"; "figures": the exact acceptance command)
    "small": ("blob", "bkw2d", ["n=12,16"], ["--T", "0.5"], {"figures": True}),
    "blob-large": ("blob", "bkw2d", ["n=24,32,40,48"], ["--T", "5"], {}),
    "sde-ensemble": ("sde", "aniso3d", ["N=48"], ["--replicas", "16", "--T", "1", "--dt", "0.01"], {"repeat": 4}),
}


def fixed_values(solver, options):
    """The fixed options as keyword parameters (for the in-process loop), read as the sweep reads them."""
    params = landau_num.get_solver(solver).Parameters
    names = [flag[2:].replace("-", "_") for flag in options[::2]]
    return {name: parse_value(name, text, params) for name, text in zip(names, options[1::2])}


def time_cli(solver, case, grid, options, extra, workers, out):
    argv = [sys.executable, "-m", "proofs_check.cli", "sweep", solver, "--case", case, "--out", str(out),
            "--workers", str(workers), *options] + ([] if extra.get("figures") else ["--no-figures"])
    for spec in grid:
        argv += ["--grid", spec]
    if extra.get("repeat"):
        argv += ["--repeat", str(extra["repeat"])]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"sweep failed ({done.returncode}): {done.stderr[-2000:]}")
    with xr.open_dataset(out / AGGREGATE_FILE, engine="h5netcdf") as aggregate:
        compute = float(aggregate["wall_seconds"].sum())
    return seconds, compute


def time_loop(solver, case, grid, options, extra, threads):
    from landau_num.sweep.seeds import is_seeded, spawned_seeds

    fixed = fixed_values(solver, options)
    params_type = landau_num.get_solver(solver).Parameters
    grid = normalise_grid(grid, params_type)
    points = grid_points(grid, extra.get("repeat", 1))
    seeds = spawned_seeds(0, len(points)) if is_seeded(params_type) else [None] * len(points)
    before = numba.get_num_threads()
    numba.set_num_threads(threads)
    try:
        landau_num.solve(solver, case, figures=False, **points[0].parameters(fixed, seeds[0]))  # warm-up
        start = time.perf_counter()
        for point, seed in zip(points, seeds):
            landau_num.solve(solver, case, figures=False, **point.parameters(fixed, seed))
        return time.perf_counter() - start, len(points)
    finally:
        numba.set_num_threads(before)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=list(SWEEPS), nargs="+")
    args = parser.parse_args()
    print(f"cores: {numba.config.NUMBA_NUM_THREADS} (numba default threads)")
    print("sweep          runs  loop 1 thr  loop dflt  sweep 1 wkr (runs)  sweep 2 wkr (runs)  2 wkr / 1 wkr")
    print("  (runs): the sum of the points' own wall_seconds; the rest is start-up, imports, aggregate, shutdown")
    for name in args.only or SWEEPS:
        solver, case, grid, options, extra = SWEEPS[name]
        loop1, runs = time_loop(solver, case, grid, options, extra, 1)
        loopd, _ = time_loop(solver, case, grid, options, extra, numba.config.NUMBA_NUM_THREADS)
        sweeps = {}
        for workers in (1, 2):
            out = Path(tempfile.mkdtemp(prefix="bench-sweep-"))
            try:
                sweeps[workers] = time_cli(solver, case, grid, options, extra, workers, out / "sweep")
            finally:
                shutil.rmtree(out, ignore_errors=True)
        (one, one_runs), (two, two_runs) = sweeps[1], sweeps[2]
        print(f"{name:14s} {runs:4d}  {loop1:9.2f}s  {loopd:8.2f}s  {one:7.2f}s ({one_runs:6.2f}s)  "
              f"{two:7.2f}s ({two_runs:6.2f}s)  {two / one:12.2f}")


if __name__ == "__main__":
    main()
