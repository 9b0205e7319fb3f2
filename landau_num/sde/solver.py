"""Ensembles of the stochastic particle system (3) of 003_2ee84d6b3c804a54.txt on the solver
platform (``landau run sde``, ``landau_num.solve("sde", case, ...)``).

``replicas`` independent copies of N particles, drawn i.i.d. from the case's initial density
(initial chaos, seed 003 §1.2; the case's exact sampler ``case.sample_initial``), advanced by the
pair-rotation integrator or Euler–Maruyama (:mod:`.system`) with α^N = α_η (Remark 2.1),
η = N^{−1/3} unless given. Recorded about ``records`` times (:mod:`.diagnostics`): ensemble means
and spreads over the replicas (mass 1, momentum, energy (1/N)Σ|V_i|², second moments, the
k-NN entropy, the mollified Fisher information, E|V₁ − V₂|^{−2}), the worst per-replica
conservation errors, and, where the case has an exact density, the relative L¹, L², L^∞ errors
of the kernel density estimate of the pooled particles on a 16³ grid.

*Random numbers.* One ``numpy.random.Generator(PCG64(seed))`` draws the initial data, then, per
call of the compiled kernels (one per record interval: the chunk of the run driver equals the
record interval) and replica, a seed for numba's generator. Its state is checkpointed beside the
velocities, so ``--resume`` continues with the same numbers: a stopped and resumed run gives
bit for bit the velocities of an uninterrupted one. A chunk that fails (an exception inside the
kernel call) puts the generator back where it was; a chunk that the driver discards after it ran
(non-finite state, blow-up) is accounted for in :meth:`SDESolver.checkpoint_extra`.

*Invariants* (series → relative drift beyond which the driver stops the run as a blow-up):
- ``rotation``: every pair step is an isometry that keeps V_i + V_j and |V_i|² + |V_j|², so
  momentum and energy of every replica are conserved to round-off for any dt (:mod:`.system`);
  the ensemble means ``momentum`` and ``energy`` and the mass (1 by construction) may drift by
  round-off only: tolerance 1e-9;
- ``euler``: momentum is conserved to round-off (pair increments are opposite), mass is 1, but
  energy is not conserved: E[ΔΣ|V_i|² | V] = dt²Σ_i|drift_i|² > 0 per step, a systematic heating
  O(dt) at fixed T plus a per-replica random walk O(√dt). The energy tolerance 0.5 only catches a
  blow-up (Δt far too large for the γ < 0 cut-off), not the expected heating, which the summary
  reports (``euler_energy_drift``).

*Memory* (:meth:`SDESolver.memory_estimate`, checked before anything is allocated): the pair
schedule N(N−1)/2 × 2 int64, the velocity arrays and the diagnostics' work arrays.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..core.parameters import param
from ..core.registry import register
from ..core.solver import Solver, TimeGrid, step_count
from ..grid import CellGrid
from . import diagnostics as diag
from .pairing import pairing_second_moment_law, replica_keys
from .system import DIMENSION, SCHEMES, ParticleSystem, draw_seeds, maxwell_second_moment_law, \
    validate_system

RECONSTRUCTION_CELLS = 16
ROUND_OFF_TOLERANCE = 1e-9
EULER_ENERGY_TOLERANCE = 0.5

# Memory model (bytes), see SDESolver.memory_estimate.
PAIR_BYTES = 2 * 8
VELOCITY_COPIES = 6
PER_PARTICLE_BYTES = 2 * 8
KNN_BYTES_PER_POINT = 160
KDE_BYTES = 8 * (3 * diag.KDE_MAX_SAMPLES + 8 * RECONSTRUCTION_CELLS**3)


def sampled_cases() -> list[str]:
    """The cases the system can start from: three-dimensional, with an exact initial sampler."""
    from ..cases import case_names, get_case

    cases = [get_case(name) for name in case_names()]
    return [case.name for case in cases if case.d == DIMENSION and case.sample_initial is not None]


def pairing_second_moment_law_of_ensemble(v0: np.ndarray, C: float, dt: float, steps: int) -> np.ndarray:
    """Ensemble mean of E[(1/N)Σ V_i⊗V_i after n pairing steps | V(0)] for γ = 0: M⊗M plus the
    exact law of K (:func:`.pairing.pairing_second_moment_law`), averaged over the replicas."""
    N = v0.shape[1]
    mean = v0.mean(axis=1)
    mm = np.einsum("ri,rj->rij", mean, mean)
    K = np.einsum("rni,rnj->rij", v0, v0) / N - mm
    return (mm + pairing_second_moment_law(K, N, C, dt, steps)).mean(axis=0)


def _worst(values) -> float | None:
    """The largest recorded value (None when none is finite: the strict record holds null)."""
    finite = [x for x in values if x is not None]
    return max(finite) if finite else None


@dataclass
class SDEParameters:
    N: int = param(64, "particles per replica", kind=int, low=2)
    replicas: int = param(16, "independent replicas of the N-particle system", kind=int, low=1)
    scheme: str = param("rotation", "rotation (pair rotations: momentum and energy of every replica conserved "
                        "to round-off, any dt), euler (Euler-Maruyama: energy not conserved) or pairing (O(N) "
                        "per step: a random perfect matching, exact pair dynamics; N even)", kind=str,
                        choices=SCHEMES)
    dt: float = param(0.01, "time step", low=0.0, low_open=True)
    T: float = param(1.0, "duration of the run", low=0.0, low_open=True)
    eta: float | None = param(None, "cut-off radius of alpha^N = alpha_eta (seed 003 Remark 2.1); N^(-1/3) when "
                              "omitted", low=0.0, low_open=True, optional=True)
    seed: int = param(0, "seed of numpy.random.Generator(PCG64(seed)): initial data and the kernels' seeds",
                      kind=int, low=0)
    records: int = param(20, "about this many record times (diagnostics every max(1, steps // records) steps)",
                         kind=int, low=1)

    def check(self, case) -> None:
        if case is None:
            return
        if case.d != DIMENSION or case.sample_initial is None:
            raise ValueError(f"--case {case.name!r} cannot start the particle system (3): it needs a "
                             f"three-dimensional case with an exact initial sampler; allowed: "
                             f"{', '.join(sampled_cases())}")
        validate_system(self.N, case.gamma, case.C, 1.0 if self.eta is None else self.eta, self.replicas, self.dt)
        if self.scheme == "pairing" and self.N % 2:
            raise ValueError(f"--scheme pairing needs an even number of particles N (a perfect matching), got {self.N}")


@register
class SDESolver(Solver):
    name = "sde"
    title = "stochastic N-particle system (3) of seed 003, ensembles of replicas (003_2ee84d6b3c804a54.txt)"
    Parameters = SDEParameters
    invariants = {"mass": ROUND_OFF_TOLERANCE, "momentum": ROUND_OFF_TOLERANCE, "energy": ROUND_OFF_TOLERANCE}

    @classmethod
    def memory_estimate(cls, case, params) -> float:
        """Bytes, from the parameters alone (P = N(N−1)/2 pairs, R replicas):

            16·P                        the pair schedule (P pairs × 2 int64, filled in place)
          + 24·R·N·6                    velocity arrays (R·N·3 float64 each): during the run y0,
                                        the driver's state, the trial copy of a chunk and the
                                        centred copy of the E|z|^{−2} estimator (4); during setup
                                        the sampler's temporaries (up to 6, bkw3d's mixture)
          + 16·R·N                      per-particle scalars of the diagnostics (norms, energies)
          + 160·N                       the k-NN entropy of one replica (k-d tree of N points,
                                        the query's distances and indices)
          + 8·(3·8192 + 8·16³)          the KDE: pooled samples, grid points, density and exact
                                        values on the 16³ grid
        """
        N, R = int(params.N), int(params.replicas)
        pairs = 0 if params.scheme == "pairing" else N * (N - 1) // 2  # pairing: no schedule
        velocities = R * N * DIMENSION * 8
        return float(PAIR_BYTES * pairs + VELOCITY_COPIES * velocities + PER_PARTICLE_BYTES * R * N
                     + KNN_BYTES_PER_POINT * N + KDE_BYTES)

    def setup(self) -> None:
        p, case = self.params, self.case
        self.system = ParticleSystem(p.N, case.gamma, case.C, p.eta)
        self.rng = np.random.Generator(np.random.PCG64(p.seed))
        self.y0 = np.ascontiguousarray(case.sample_initial(self.rng, (p.replicas, p.N)), dtype=np.float64)
        steps, _ = step_count(p.T, p.dt)
        every = max(1, steps // p.records)
        self.time = TimeGrid(case.t0, p.T, p.dt, record_every=every, chunk=every)
        # compile (or load from numba's cache) before the timed chunks: zero steps of one replica
        self.keys = replica_keys(p.seed, p.replicas) if p.scheme == "pairing" else None
        self.system.advance(self.y0[:1].copy(), self.time.step, 0,
                            self.keys[:1] if self.keys is not None else np.zeros(1, dtype=np.int64), p.scheme)
        self.fisher_eps = diag.default_fisher_eps(self.y0[:, :diag.PAIRWISE_MAX_PARTICLES])
        self.initial_sums = diag.replica_sums(self.y0)  # the reference of the conservation errors
        self.grid = CellGrid(DIMENSION, RECONSTRUCTION_CELLS, case.L) if case.exact_density is not None else None
        if p.scheme == "euler":
            self.invariants = {"mass": ROUND_OFF_TOLERANCE, "momentum": ROUND_OFF_TOLERANCE,
                               "energy": EULER_ENERGY_TOLERANCE}
        self.integrator_seconds, self.steps_advanced = 0.0, 0
        self.step_index = 0  # pairing: global index of the next step (the counter of its random streams)
        self._last_chunk = None  # (input state, generator state before the chunk, step index before it)

    def advance(self, y, dt, k):
        """k steps of every replica of a copy of y; the kernel seeds come from ``self.rng``."""
        before = self.rng.bit_generator.state
        trial = y.copy()
        tick = time.perf_counter()
        try:
            if self.params.scheme == "pairing":
                self.system.advance(trial, dt, k, self.keys, "pairing", first_step=self.step_index)
            else:
                self.system.advance(trial, dt, k, draw_seeds(self.rng, self.params.replicas), self.params.scheme)
        except BaseException:  # the chunk did not happen: neither did its random numbers
            self.rng.bit_generator.state = before
            raise
        self.integrator_seconds += time.perf_counter() - tick
        self.steps_advanced += k
        self._last_chunk = (y, before, self.step_index)
        self.step_index += k
        return trial

    def checkpoint_extra(self) -> dict:
        """The generator's state that belongs to the state being checkpointed: the current one,
        or the one before the last chunk when the driver kept the state before it (a chunk
        discarded as non-finite or as a blow-up)."""
        state, step = self.rng.bit_generator.state, self.step_index
        kept = getattr(self, "state", None)
        if self._last_chunk is not None and kept is not None and kept is self._last_chunk[0]:
            state, step = self._last_chunk[1], self._last_chunk[2]
        return {"rng": state, "step_index": step}

    def restore_extra(self, extra: dict) -> None:
        if "rng" not in extra:
            raise ValueError("--resume: the checkpoint holds no random generator state; the run cannot continue "
                             "with the same random numbers")
        self.rng.bit_generator.state = extra["rng"]
        self.step_index = int(extra.get("step_index", 0))

    def diagnostics(self, v, t) -> dict:
        out = diag.ensemble_diagnostics(v, self.initial_sums, t, self.fisher_eps)
        if self.grid is not None:
            out.update(diag.reconstruction_errors(v, self.case.exact_density(self.grid.points, t), self.grid))
        return out

    def record_params(self) -> dict:
        p, case = self.params, self.case
        out = {
            "N": p.N, "replicas": p.replicas, "scheme": p.scheme, "eta": self.system.eta,
            "eta_rule": "N^(-1/3)" if p.eta is None else "given",
            "pair_updates_per_step": self.system.pair_updates_per_step(p.scheme),
            "alpha": "alpha_eta(r) = (eta chi(r/eta))^gamma, 003_2ee84d6b3c804a54.txt Remark 2.1",
            "seed": p.seed,
            "rng": "numpy.random.Generator(PCG64(SeedSequence(seed))): initial data, then per record interval and "
                   "replica a numba MT19937 seed; its state is checkpointed",
            "entropy": "H = int f log f of the empirical measure, Kozachenko-Leonenko k=1 estimate, mean over replicas",
            "energy": "(1/N) sum_i |V_i|^2 per replica, ensemble mean", "fisher_eps": self.fisher_eps,
            "fisher": "I(mu^N * psi_eps), Gaussian psi_eps, Gauss-Hermite quadrature, mean over replicas",
            "inverse_square_distance": "E|V1-V2|^-2, ball-corrected truncation (landau_num.sde.diagnostics)",
        }
        if case.exact_density is not None:
            out["error_vs_exact"] = (
                f"relative discrete L1, L2, Linf errors of the Gaussian KDE of the pooled particles (at most "
                f"{diag.KDE_MAX_SAMPLES}, Silverman bandwidth) on a {RECONSTRUCTION_CELLS}^3 cell grid of [-L, L]^3")
        return out

    def finish(self, record, v, t) -> None:
        """Speed, the exact laws at the recorded times (Landau; finite N for γ = 0), Euler's
        energy drift, and the highlights of the summary printer."""
        p, case, s, summary = self.params, self.case, record.series, record.summary
        pair_updates = self.steps_advanced * self.system.pair_updates_per_step(p.scheme) * p.replicas
        rate = pair_updates / self.integrator_seconds if self.integrator_seconds > 0 else None
        summary["integrator_seconds"] = self.integrator_seconds
        summary["pair_updates_per_second"] = rate
        times = s["times"]
        if case.exact_second_moments is not None:
            summary["second_moments_landau"] = [case.exact_second_moments(x).tolist() for x in times]
        if case.gamma == 0.0 and p.scheme != "pairing":
            summary["second_moments_finite_N"] = [
                maxwell_second_moment_law(self.y0, x - case.t0, case.C).tolist() for x in times]
        if case.gamma == 0.0 and p.scheme == "pairing":
            summary["second_moments_finite_N"] = [
                pairing_second_moment_law_of_ensemble(self.y0, case.C, self.time.step,
                                                      int(round((x - case.t0) / self.time.step))).tolist()
                for x in times]
            summary["second_moments_finite_N_note"] = (
                "exact law of the pairing scheme at this dt: K_inf + (1 - rho)^n (K0 - K_inf), "
                "rho = N(1 - exp(-24 C dt))/(2(N - 1)) (landau_num.sde.pairing)")
        if p.scheme == "pairing":
            summary["pairing_approximate_updates"] = self.system.approximate_updates
        if p.scheme == "euler":
            summary["euler_energy_drift"] = {
                "mean_relative_drift_at_end": s["energy_relative_drift_mean"][-1],
                "rms_relative_drift_at_end": s["energy_relative_drift_rms"][-1],
                "max_relative_drift_at_end": s["energy_relative_drift_max"][-1],
                "note": "Euler-Maruyama does not conserve energy: E[dE|V] = dt^2 sum_i |drift_i|^2 > 0 per step "
                        "(systematic heating O(dt) at fixed T) plus a per-replica random walk O(sqrt(dt))",
            }
        highlights = {
            "worst per-replica energy drift (relative)": _worst(s["energy_relative_drift_max"]),
            "worst per-replica momentum drift (relative)": _worst(s["momentum_relative_drift_max"]),
            "pair updates per second": rate,
        }
        if "second_moments_finite_N" in summary and p.replicas > 1:
            gap = np.asarray(s["second_moments"][-1]) - np.asarray(summary["second_moments_finite_N"][-1])
            se = np.asarray(s["second_moments_std"][-1]) / np.sqrt(p.replicas)
            with np.errstate(divide="ignore", invalid="ignore"):
                z = np.where(se > 0, np.abs(gap) / se, 0.0)
            highlights["second moments at the end vs the finite-N law (max z-score)"] = float(z.max())
        summary["highlights"] = highlights

    def fields(self, v, t) -> dict:
        dims = ("replica", "particle", "component")
        return {"initial_velocities": (dims, self.y0), "final_velocities": (dims, v)}

    def figures(self, record, v, t, out_dir: Path) -> None:
        diag.write_figures(record, Path(out_dir))
