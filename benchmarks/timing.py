"""Timing helper shared by the benchmarks."""
import math
import time


def best_of(fn, repeat=3):
    """The smallest wall time of ``repeat`` calls of fn() (the least disturbed measurement)."""
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best
