"""A convergence study: the blob method on bkw2d against the exact BKW solution, as a sweep on Dask.

    python examples/convergence_study.py [T] [n ...]

Runs one point per resolution n (``landau_num.run_sweep``: a LocalCluster, one run record per
point in a temporary directory), prints the relative L² error at time T for each n from the
sweep's aggregate and the observed order between successive resolutions (second order in h is
expected, DESIGN.md §5). The same study from the shell:
``landau sweep blob --case bkw2d --T 5 --dt 0.1 --record-every 1000 --grid n=16,24,32 --out DIR``.
"""
import math
import sys
import tempfile

import landau_num


def main(T: float = 5.0, sizes=(16, 24, 32)) -> int:
    with tempfile.TemporaryDirectory() as out:
        sweep = landau_num.run_sweep("blob", "bkw2d", {"n": list(sizes)}, T=T, dt=0.1, record_every=1000, out=out,
                                     figures=False)
        errors = [float(sweep.dataset["final_error_l2"].sel(n=n)) for n in sizes]
    for n, error in zip(sizes, errors):
        print(f"n = {n:3d}: relative L2 error {error:.4e}")
    for (n1, e1), (n2, e2) in zip(zip(sizes, errors), zip(sizes[1:], errors[1:])):
        print(f"order between n = {n1} and n = {n2}: {math.log(e1 / e2) / math.log(n2 / n1):.2f}")
    return sweep.exit_status


if __name__ == "__main__":  # the guard the LocalCluster's worker processes need (they re-import this file)
    args = sys.argv[1:]
    sys.exit(main(float(args[0]), tuple(int(a) for a in args[1:]) or (16, 24, 32)) if args else main())
