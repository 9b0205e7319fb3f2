"""Run a named case through the solver platform and watch the H-theorem happen.

    python examples/run_case.py [N] [T]

The spectral solver on coulomb2d (Coulomb interaction, two Maxwellians relaxing to one): mass and
energy are conserved to round-off, the entropy decreases, and dH/dt = −D along the solution.
"""
import sys

import numpy as np

import landau_num


def main(n: int = 48, T: float = 0.5) -> int:
    result = landau_num.solve("spectral", "coulomb2d", n=n, T=T, record_every=2)
    series = result.record.series
    H, D, t = np.array(series["entropy"]), np.array(series["dissipation"]), np.array(series["times"])
    dissipated = float(np.sum(0.5 * (D[1:] + D[:-1]) * np.diff(t)))
    print(f"{result.record.summary['steps']} steps, stop: {result.record.stop_reason}")
    print(f"H: {H[0]:.10f} -> {H[-1]:.10f} (decrease {H[0] - H[-1]:.3e}); ∫D dt = {dissipated:.3e}")
    print(f"relative energy drift: {abs(series['energy'][-1] / series['energy'][0] - 1):.1e}")
    return result.exit_status


if __name__ == "__main__":
    sys.exit(main(*(int(sys.argv[1]),) if len(sys.argv) > 1 else (), *(float(a) for a in sys.argv[2:3])))
