"""Functionals of a phase-space density on T^{d_x} × [−L, L]^d for the fuzzy Landau equation
(002_5194c2b1fb63adc7.txt), midpoint rule in x and v, spectral v-derivatives.

- per-cell hydrodynamic fields: density ρ(x), bulk velocity u(x), temperature T(x) =
  (∫|v − u|²f dv)/(dρ), second moments;
- the entropy H = ∫∫ f log f (§1.3);
- the entropy dissipation in two independent ways:
    D_op   = −∫∫ Q̃_fuz(f) log f                        (the operator that drives the run),
    D_pair = ½∫∫∫∫ κ f f* |∇̃ log f|²                    ((1.10), with ∇̃ of (1.11)),
  the latter expanded into convolutions: with s = ∇_v log f and G = f s,
    D_pair = ∫∫ f sᵀ(a ∗_v κ ∗_x f)s − ∫∫ G·(a ∗_v κ ∗_x G)
  (the two squares of |s − s*|² give equal terms, and so do the two cross terms, by the
  symmetry of κ and a); so D_pair uses neither Q nor its divergence;
- the weighted and cross Fisher informations of Lemma 2.6 (2.17), ∫∫ f⟨v⟩^γ|∇_v log f|² and
  ∫∫ f⟨v⟩^γ|∇_v log f × v|², summed over cells from the per-cell functionals of
  :mod:`landau_num.functionals`, and the constant of the bound for γ ≤ 0,
  (a₀⁻² + 1)‖f‖_{L¹_{0,2+|γ|}}, with a₀ = inf_{|w|=1}∫∫(v·w)²f (the least eigenvalue of the
  second-moment matrix) and ‖f‖_{L¹_{a,b}} = ∫∫(⟨x⟩^a + ⟨v⟩^b)|f| (the weight of ℰ_{a,b}, §2.2).

Masks follow :mod:`landau_num.functionals`: the resolution-aware floor is taken per cell
(:func:`landau_num.functionals.resolution_report` of f(x, ·)); functionals that need ∇ log f are
nan when some cell is not resolved.
"""
from __future__ import annotations

import math

import numpy as np

from .. import functionals as fn
from .operator import FuzzyLandau


def _cells(f: np.ndarray, op: FuzzyLandau):
    """f as an iterable of velocity arrays, one per x cell (C order)."""
    return f.reshape((-1,) + f.shape[op.torus.dx:])


def hydrodynamic_fields(f: np.ndarray, op: FuzzyLandau) -> dict:
    """Per-cell ρ(x), u(x) (d-vectors), T(x), flattened over the x cells (C order)."""
    cells = _cells(f, op)
    vol = op.grid.cell_volume
    vaxes = tuple(range(1, 1 + op.grid.d))
    rho = cells.sum(axis=vaxes) * vol
    vs = op.velocity_axes()
    momentum = np.stack([(cells * v).sum(axis=vaxes) * vol for v in vs], axis=1)
    energy = (cells * sum(v * v for v in vs)).sum(axis=vaxes) * vol
    u = momentum / rho[:, None]
    temperature = (energy / rho - np.sum(u * u, axis=1)) / op.grid.d
    return {"density": rho, "velocity": u, "temperature": temperature, "momentum": momentum, "energy": energy}


def global_second_moments(f: np.ndarray, op: FuzzyLandau) -> np.ndarray:
    total = f.sum(axis=op.torus.axes)
    vs = op.velocity_axes()
    return np.array([[float(np.sum(total * vi * vj)) * op.cell_volume for vj in vs] for vi in vs])


def entropy(f: np.ndarray, op: FuzzyLandau) -> float:
    positive = f > 0
    return float(np.sum(np.where(positive, f * np.log(np.where(positive, f, 1.0)), 0.0)) * op.cell_volume)


def _masked_score(f: np.ndarray, op: FuzzyLandau):
    """(mask, ∇_v log f on the mask) with the per-cell resolution-aware floor; None when some
    cell is not resolved."""
    cells = _cells(f, op)
    floors = []
    for cell in cells:
        report = fn.resolution_report(cell)
        if not report["resolved"]:
            return None
        floors.append(report["floor"])
    floor = np.array(floors).reshape(op.torus.shape + (1,) * op.grid.d)
    mask = f > floor
    safe = np.where(mask, f, 1.0)
    return mask, [np.where(mask, g / safe, 0.0) for g in op.velocity.gradient(f)]


def resolved(f: np.ndarray, op: FuzzyLandau) -> bool:
    return all(fn.resolution_report(cell)["resolved"] for cell in _cells(f, op))


def dissipation_operator(f: np.ndarray, op: FuzzyLandau, Qf: np.ndarray | None = None) -> float:
    """D_op = −∫∫ Q̃_fuz(f) log f."""
    scored = _masked_score(f, op)
    if scored is None:
        return math.nan
    mask, _ = scored
    Qf = op(f) if Qf is None else Qf
    return float(-np.sum(np.where(mask, Qf * np.log(np.where(mask, f, 1.0)), 0.0)) * op.cell_volume)


def dissipation_pair(f: np.ndarray, op: FuzzyLandau) -> float:
    """D_pair = ½∫κ f f*|∇̃ log f|² dη of (1.10), by convolutions (module docstring)."""
    scored = _masked_score(f, op)
    if scored is None:
        return math.nan
    mask, score = scored
    fm = np.where(mask, f, 0.0)
    G = [fm * s for s in score]
    a_bar = op.smoothed_diffusion(fm)
    d = op.grid.d
    first = np.sum(fm * sum(score[i] * a_bar[(min(i, j), max(i, j))] * score[j] for i in range(d) for j in range(d)))
    second = np.sum(sum(gi * ci for gi, ci in zip(G, op.smoothed_matrix_convolve(G))))
    return float((first - second) * op.cell_volume)


def fisher_terms(f: np.ndarray, op: FuzzyLandau, gamma: float) -> tuple[float, float]:
    """(∫∫ f⟨v⟩^γ|∇_v log f|², ∫∫ f⟨v⟩^γ|∇_v log f × v|²) of Lemma 2.6 (nan where unresolved)."""
    weighted = cross = 0.0
    for cell in _cells(f, op):
        weighted += fn.weighted_fisher_information(cell, op.velocity, gamma)
        cross += fn.cross_fisher_information(cell, op.velocity, gamma)
    return weighted * op.torus.cell_volume, cross * op.torus.cell_volume


def lemma26_constant(f: np.ndarray, op: FuzzyLandau, gamma: float) -> float:
    """(a₀⁻² + 1)‖f‖_{L¹_{0,2+|γ|}} (the printed C(f) of Lemma 2.6 for γ ∈ (−3, 0]; nan for γ > 0)."""
    if gamma > 0:
        return math.nan
    a0 = float(np.linalg.eigvalsh(global_second_moments(f, op)).min())
    total = np.abs(f).sum(axis=op.torus.axes)
    bracket = np.sqrt(1 + sum(v * v for v in op.velocity_axes()))
    norm = float(np.sum(total * (1 + bracket ** (2 + abs(gamma))))) * op.cell_volume  # weight ⟨x⟩⁰ + ⟨v⟩^b
    return (a0**-2 + 1) * norm
