"""Wall time of `landau verify` for the whole registry and per entry (issue #2).

Run:  python benchmarks/bench_verify.py
Reports the exact-check and cross-check split of each entry; it asserts nothing.
"""
import time

from landau_sym.identities import REGISTRY
from landau_sym.registry import run_cross_check


def main():
    rows = []
    start = time.perf_counter()
    for identity in REGISTRY.entries.values():
        t0 = time.perf_counter()
        outcome = identity.check()
        t1 = time.perf_counter()
        run_cross_check(identity.cross_check)
        t2 = time.perf_counter()
        rows.append((identity.id, outcome.verdict, t1 - t0, t2 - t1))
    total = time.perf_counter() - start
    print(f"{'id':32s} {'verdict':9s} {'exact s':>8s} {'numeric s':>9s} {'total s':>8s}")
    for name, verdict, exact, numeric in rows:
        print(f"{name:32s} {verdict:9s} {exact:8.2f} {numeric:9.2f} {exact + numeric:8.2f}")
    slowest = max(rows, key=lambda r: r[2] + r[3])
    print(f"\nwhole registry: {total:.1f} s; slowest entry: {slowest[0]} ({slowest[2] + slowest[3]:.1f} s)")


if __name__ == "__main__":
    main()
