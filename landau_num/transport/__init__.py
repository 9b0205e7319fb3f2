"""Optimal transport for the contractivity statements of 004_b333c7817a08033b.txt (Theorem 2, (1.2)).

Conventions (DESIGN.md §8), used in every function here:

- ``W₂² = inf_Π ∫|v − w|² dΠ`` — the squared distance with the cost |v − w|², *not* ½|v − w|².
  POT's ``ot.dist`` returns this squared Euclidean cost by default, and ``ot.emd2`` the minimum of
  ⟨Π, M⟩, i.e. W₂² itself.
- The entropic cost with the **product** reference, as printed in (1.2):
  ``T_ε^⊗(μ, ν) = inf_Π ∫|v − w|² dΠ + ε H(Π | μ⊗ν)``;
  with the **Lebesgue** reference: ``T_ε^Leb(μ, ν) = inf_Π ∫|v − w|² dΠ + ε ∫ Π log Π``.
  For every coupling Π, ∫Π log Π = H(Π | μ⊗ν) + H(μ) + H(ν) (H(f) = ∫ f log f), so both problems
  have the same minimiser and ``T_ε^Leb = T_ε^⊗ + ε (H(μ) + H(ν))``.

Modules: :mod:`.gaussian` (closed forms), :mod:`.radial` (radially symmetric laws by quantiles of
|v|), :mod:`.discrete` (grid measures and weighted clouds through POT's ``emd2`` and log-domain
Sinkhorn), :mod:`.particles` (particle W₂ with its sampling floor), :mod:`.coupled_particles`
(two copies of the γ = 0 particle system driven by the same rotations).
"""
from .discrete import DiscreteMeasure, EntropicCost, entropic_cost, grid_measure, w2_squared
from .gaussian import gaussian_entropic_cost, gaussian_entropy, gaussian_w2_squared
from .particles import ParticleDistance, particle_w2
from .radial import RadialLaw, bkw_radial_law, isotropic_gaussian_law, radial_law_from_density, radial_w2_squared

__all__ = [
    "DiscreteMeasure", "EntropicCost", "entropic_cost", "grid_measure", "w2_squared",
    "gaussian_entropic_cost", "gaussian_entropy", "gaussian_w2_squared",
    "ParticleDistance", "particle_w2",
    "RadialLaw", "bkw_radial_law", "isotropic_gaussian_law", "radial_law_from_density", "radial_w2_squared",
]
