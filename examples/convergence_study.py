"""A convergence study: the blob method on bkw2d against the exact BKW solution.

    python examples/convergence_study.py [T] [n ...]

Prints the relative L² error at time T for each resolution n and the observed order between
successive resolutions (second order in h is expected, DESIGN.md §5).
"""
import math
import sys

import landau_num


def main(T: float = 5.0, sizes=(16, 24, 32)) -> int:
    errors = []
    for n in sizes:
        record = landau_num.solve("blob", "bkw2d", n=n, T=T, dt=0.1, record_every=1000).record
        errors.append(record.series["error_vs_exact"]["l2"][-1])
        print(f"n = {n:3d}: relative L2 error {errors[-1]:.4e}")
    for (n1, e1), (n2, e2) in zip(zip(sizes, errors), zip(sizes[1:], errors[1:])):
        print(f"order between n = {n1} and n = {n2}: {math.log(e1 / e2) / math.log(n2 / n1):.2f}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(float(args[0]), tuple(int(a) for a in args[1:]) or (16, 24, 32)) if args else main())
