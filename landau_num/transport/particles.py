"""W₂ between weighted particle clouds, with the sampling floor at that N.

Two independent N-samples of one law are not at distance 0: E W₂(μ_N, μ'_N) decays only like
N^{−1/d} (up to logarithms) in dimension d ≥ 3, so a particle W₂ smaller than this *floor* says
nothing about the laws. Every particle distance here is reported with its floor: for each cloud,
the median over ``floor_repeats`` of W₂ between two bootstrap resamples of size N drawn from the
cloud (with its weights) — the distance between two independent N-samples of the cloud's law,
estimated from the cloud itself. ``resolved`` says whether W₂ exceeds twice the larger floor
(the floor is a median: single realisations scatter around it, and W₂ between samples of two laws
at distance δ lies within δ ± (W₂(μ, μ_N) + W₂(ν, ν_N)), each term about floor/√2).
Statements about the contraction of W₂ between particle systems must therefore use coupled
systems (:mod:`landau_num.transport.coupled_particles`) or grid measures.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .discrete import DiscreteMeasure, w2_squared


@dataclass(frozen=True)
class ParticleDistance:
    w2: float                 # W₂ (square root of the optimal ⟨Π, |x − y|²⟩)
    floor: float              # the larger sampling floor of the two clouds at their N
    floors: tuple[float, float]
    n: tuple[int, int]

    @property
    def resolved(self) -> bool:
        return self.w2 > 2 * self.floor


def _cloud(points, weights) -> DiscreteMeasure:
    points = np.asarray(points, dtype=float)
    if points.ndim != 2 or points.shape[0] < 2:
        raise ValueError(f"a cloud must be an (N, d) array with N >= 2, got shape {points.shape}")
    w = np.full(points.shape[0], 1.0 / points.shape[0]) if weights is None else np.asarray(weights, dtype=float)
    return DiscreteMeasure(points, w / w.sum())


def sampling_floor(cloud: DiscreteMeasure, repeats: int, rng: np.random.Generator) -> float:
    """Median W₂ between two bootstrap N-resamples of the cloud (module docstring)."""
    n = cloud.points.shape[0]
    uniform = np.full(n, 1.0 / n)
    values = []
    for _ in range(repeats):
        first = cloud.points[rng.choice(n, size=n, p=cloud.weights)]
        second = cloud.points[rng.choice(n, size=n, p=cloud.weights)]
        values.append(math.sqrt(max(w2_squared(DiscreteMeasure(first, uniform), DiscreteMeasure(second, uniform)), 0.0)))
    return float(np.median(values))


def particle_w2(x, y, weights_x=None, weights_y=None, floor_repeats: int = 3, rng=None) -> ParticleDistance:
    """W₂ between two clouds (uniform weights by default) and the sampling floor at their sizes."""
    if not (isinstance(floor_repeats, int) and floor_repeats >= 1):
        raise ValueError(f"floor_repeats must be an integer >= 1, got {floor_repeats!r}")
    rng = np.random.default_rng(rng)
    mu, nu = _cloud(x, weights_x), _cloud(y, weights_y)
    floors = (sampling_floor(mu, floor_repeats, rng), sampling_floor(nu, floor_repeats, rng))
    return ParticleDistance(w2=math.sqrt(max(w2_squared(mu, nu), 0.0)), floor=max(floors), floors=floors,
                            n=(mu.points.shape[0], nu.points.shape[0]))
