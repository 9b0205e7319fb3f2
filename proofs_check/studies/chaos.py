"""Propagation of chaos at scale (003_2ee84d6b3c804a54.txt Theorem 1.2, Corollary 1.5): the empirical
measure of the random-pairing scheme for system (3) (landau_num.sde.pairing) against the Landau
solution, for N from 10² to 10⁶, on the Maxwell-molecule case ``aniso3d`` (γ = 0), where the
Landau second moments are exact (Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}).

Measured at the final time T, per N (R = max(1, N_total/N) replicas, N_total = 10⁵ by default):
- the second-moment error |S_N(T) − Σ(T)|_F of the empirical second moments (1/N)ΣV_i⊗V_i, mean
  over replicas, against (a) the Landau law and (b) the exact finite-N, finite-dt law of the
  scheme (pairing_second_moment_law): (b) isolates the fluctuations (expected ∝ N^{−1/2}), and
  |law − Landau| is the deterministic bias of finite N and dt, drawn as a floor;
- the energy distance (U-statistics in both self terms, from landau_num.sde.diagnostics) between n ≤ 2000
  particles of μ^N(T) and 2000 particles of an independent run at the largest N (the reference
  for the Landau solution at T; it shares the O(dt) bias of the scheme, so this measures chaos —
  the decay of fluctuations and correlations — not the time-step error). W₂ is not computed here.

Verdict: ``verified`` when the fluctuation part (b) at the two largest N is within 4 standard
errors of 0 after scaling, i.e. the log-log slope of (b) over N is in [−0.75, −0.25] (the
N^{−1/2} of the law of large numbers for the empirical second moments).
"""
from __future__ import annotations

import json
import math
import time
from pathlib import Path

from . import Study


def add_arguments(parser) -> None:
    parser.add_argument("--N", type=int, nargs="+", default=[100, 1000, 10000, 100000, 1000000],
                        help="particle numbers (even)")
    parser.add_argument("--total", type=int, default=100000, help="particles per N over all replicas (R = total/N)")
    parser.add_argument("--dt", type=float, default=0.01, help="time step")
    parser.add_argument("--T", type=float, default=0.5, help="final time")
    parser.add_argument("--seed", type=int, default=0)


def run(args) -> int:
    import numpy as np

    from landau_num.cases import get_case
    from landau_num.figures import pyplot
    from landau_num.sde.diagnostics import _mean_distance, energy_distance, replica_second_moments
    from landau_num.sde.pairing import pairing_second_moment_law, replica_keys
    from landau_num.sde.system import ParticleSystem
    from landau_num.validation import require_integer, require_positive

    for N in args.N:
        require_integer("N", N, 2)
        if N % 2:
            raise ValueError(f"N must be even (a perfect matching), got {N}")
    require_positive("dt", args.dt)
    require_positive("T", args.T)
    require_integer("total", args.total, 2)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    case = get_case("aniso3d")
    steps = int(round(args.T / args.dt))
    T = steps * args.dt
    landau = case.exact_second_moments(T)
    rng = np.random.default_rng(args.seed)

    def simulate(N, R, seed):
        v = np.ascontiguousarray(case.sample_initial(np.random.default_rng(seed), (R, N)), dtype=np.float64)
        mean = v.mean(axis=1)
        K0 = np.einsum("rni,rnj->rij", v, v) / N - np.einsum("ri,rj->rij", mean, mean)
        law = np.einsum("ri,rj->rij", mean, mean) + pairing_second_moment_law(K0, N, case.C, args.dt, steps)
        tick = time.perf_counter()
        ParticleSystem(N, case.gamma, case.C, None).advance(v, args.dt, steps, replica_keys(seed, R), "pairing")
        return v, law, time.perf_counter() - tick

    largest = max(args.N)
    reference, _, _ = simulate(largest, 1, args.seed + 10**6)
    ref = np.ascontiguousarray(reference[0, :2000])
    M = len(ref)
    uniform = np.full(M, 1.0 / M)
    ref_floor = _mean_distance(ref, uniform, ref, uniform) / (M - 1)  # V → U for the reference's self term
    rows = []
    for N in sorted(args.N):
        R = max(1, args.total // N)
        v, law, seconds = simulate(N, R, int(rng.integers(2**31)))
        S = replica_second_moments(v)
        err_landau = np.linalg.norm(S - landau, axis=(1, 2))
        err_law = np.linalg.norm(S - law, axis=(1, 2))
        # E K0 = (1 − 1/N)Σ0 and E M⊗M = Σ0/N for i.i.d. N(0, Σ0) data: the law is linear in K0
        sigma0 = case.exact_second_moments(0.0)
        expected_law = sigma0 / N + pairing_second_moment_law((1 - 1 / N) * sigma0, N, case.C, args.dt, steps)
        bias = float(np.linalg.norm(expected_law - landau))
        _, d2u = energy_distance(v[:, :2000], ref)
        d2u = d2u - ref_floor  # unbiased for D²(F^{N:1}, law of the reference particles): both self terms U
        rows.append({
            "N": N, "replicas": R, "seconds": seconds, "pair_updates_per_second": N // 2 * steps * R / seconds,
            "second_moment_error_landau": float(err_landau.mean()),
            "second_moment_error_scheme_law": float(err_law.mean()),
            "second_moment_error_scheme_law_se": float(err_law.std(ddof=1) / math.sqrt(R)) if R > 1 else None,
            "bias_law_minus_landau": bias, "energy_distance_U": float(d2u.mean()),
            "energy_distance_U_se": float(d2u.std(ddof=1) / math.sqrt(R)) if R > 1 else None,
        })
        print(f"chaos: N={N:>8} R={R:>5} |S-Landau|={rows[-1]['second_moment_error_landau']:.3e} "
              f"|S-law|={rows[-1]['second_moment_error_scheme_law']:.3e} bias={bias:.2e} "
              f"D2_U={rows[-1]['energy_distance_U']:.2e} ({seconds:.1f} s)")
    Ns = np.array([r["N"] for r in rows], dtype=float)
    fluct = np.array([r["second_moment_error_scheme_law"] for r in rows])
    slope = float(np.polyfit(np.log(Ns), np.log(fluct), 1)[0]) if len(rows) > 1 else float("nan")
    verdict = "verified" if -0.75 <= slope <= -0.25 else "inconclusive"
    record = {"study": "chaos", "case": case.name, "scheme": "pairing", "dt": args.dt, "T": T, "steps": steps,
              "reference": "003_2ee84d6b3c804a54.txt Theorem 1.2, Corollary 1.5",
              "rows": rows, "fluctuation_slope": slope, "verdict": verdict,
              "note": "energy distance against an independent run at the largest N (shares the O(dt) bias); "
                      "second moments against the exact Landau law and the exact law of the scheme"}
    (out / "record.json").write_text(json.dumps(record, indent=2))
    plt = pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    ax = axes[0]
    ax.loglog(Ns, [r["second_moment_error_landau"] for r in rows], "o-", label="|S_N − Σ_Landau(T)|")
    ax.loglog(Ns, fluct, "s-", label="|S_N − law of the scheme|")
    ax.loglog(Ns, [max(r["bias_law_minus_landau"], 1e-17) for r in rows], "k--", label="bias: law − Landau")
    ax.loglog(Ns, fluct[0] * (Ns / Ns[0]) ** -0.5, ":", color="grey", label="N^(−1/2)")
    ax.set(xlabel="N", title=f"second moments at T={T:g} (slope {slope:.2f})")
    ax.legend(fontsize=7)
    ax = axes[1]
    ax.loglog(Ns, [max(r["energy_distance_U"], 1e-12) for r in rows], "o-", label="D²_U(μ^N, reference)")
    ax.set(xlabel="N", title="energy distance (n ≤ 2000 vs 2000 of the largest-N run)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "chaos.png", dpi=110)
    plt.close(fig)
    print(f"chaos: fluctuation slope {slope:.3f}: {verdict}; record and figure in {out}")
    return 0 if verdict == "verified" else 1


STUDY = Study("chaos", "propagation of chaos of the pairing scheme for system (3) of seed 003, N = 10^2..10^6",
              add_arguments, run)
