"""The fuzzy Landau collision operator of 002_5194c2b1fb63adc7.txt (1.1) on T^{d_x} × [−L, L]^d.

(1.1) with a(z) = C|z|^{2+γ}Π(z) (the collision constant C of DESIGN.md §2; the seed has C = 1):

    Q_fuz(f)(x, v) = ∇_v·∫∫ κ(x − x*) a(v − v*)(f* ∇_v f − f ∇_{v*} f*) dx* dv*
                   = ∇_v·(ā_g ∇_v f − b̄_g f),   g = κ ∗_x f,  ā_g = a ∗_v g(x, ·),  b̄_g = a ∗_v ∇_v g(x, ·),

the homogeneous Landau operator of :mod:`landau_num.spectral.operator` at every x, with the
smoothed density g(x, ·) as the field distribution (the reduction is derived and checked in
``landau_sym.identities.seed002_fuzzy_reduction``). ā_g and b̄_g are linear in g and the x-convolution
is diagonal in Fourier, so the velocity convolutions are taken on the x-Fourier coefficients
ĝ(k, ·) = κ̂(k)f̂(k, ·) of the kept modes (their real and imaginary parts stacked as one batch
through :class:`~landau_num.spectral.operator.SpectralLandau`, whose FFTs act on the trailing
velocity axes), then transformed back to x: N^{d_x} homogeneous convolutions when κ̂ has no zero,
one for the constant kernel. ∇_v f, the flux and its divergence are batched over x the same way.

Conservation. Σ_v Q_fuz = 0 in every cell to round-off (divergence of a periodic flux). The
global momentum and energy flux vanish in the continuum by the symmetry κ(x − x*) = κ(x* − x) and
a(z)z = 0; on the grid the polynomial weights v and |v|² are not periodic, so the spectral
summation by parts leaves a defect of the size of f at the box edge. With ``conservative=True``
the operator removes it: Q̃ = Q − w Σ_α λ_α φ_α, φ = (1, v, |v|²), w = |f|, with λ the solution of
the (d + 2)×(d + 2) system Σ w φ_α φ_β λ_β = Σ φ_α Q (the least-squares correction in the w-weighted
norm, in the spirit of the conservative spectral methods of Gamba and Zhang). The semi-discrete
scheme then conserves the global mass, momentum and energy to round-off, and RK4, a linear
combination of operator values, keeps them; :meth:`conservation_defect` reports the defect
removed (a measure of the box truncation, recorded along every run).
"""
from __future__ import annotations

import numpy as np

from ..grid import CellGrid
from ..spectral.operator import SpectralLandau
from .spatial import SpatialKernel, TorusGrid


class FuzzyLandau:
    """Q_fuz on (a :class:`TorusGrid`) × (a :class:`CellGrid`), for a :class:`SpatialKernel`."""

    def __init__(self, torus: TorusGrid, velocity_grid: CellGrid, kernel: SpatialKernel, C: float, gamma: float,
                 conservative: bool = True):
        if kernel.grid != torus:
            raise ValueError("the spatial kernel must live on the solver's torus grid")
        if torus.dx > velocity_grid.d:
            raise ValueError(f"d_x = {torus.dx} exceeds the velocity dimension d = {velocity_grid.d}")
        self.torus, self.grid, self.kernel = torus, velocity_grid, kernel
        self.velocity = SpectralLandau(velocity_grid, C, gamma)
        self.C, self.gamma, self.conservative = float(C), float(gamma), bool(conservative)
        self.shape = torus.shape + (velocity_grid.n,) * velocity_grid.d
        self.cell_volume = torus.cell_volume * velocity_grid.cell_volume

    # --- velocity coordinates and the collision invariants --------------------------------------
    def velocity_axes(self) -> list[np.ndarray]:
        """v_a on the velocity grid, shaped (1,…, n, …,1) to broadcast over the velocity axes."""
        d, axis = self.grid.d, self.grid.axis
        out = []
        for a in range(d):
            shape = [1] * d
            shape[a] = axis.size
            out.append(axis.reshape(shape))
        return out

    def invariants(self) -> list[np.ndarray]:
        """φ = (1, v_1, …, v_d, |v|²) on the velocity grid."""
        vs = self.velocity_axes()
        vel_shape = (self.grid.n,) * self.grid.d
        return [np.ones(vel_shape)] + [np.broadcast_to(v, vel_shape) for v in vs] + [sum(v * v for v in vs)]

    def global_moments(self, f: np.ndarray) -> np.ndarray:
        """(mass, momentum, energy ∫|v|²f) over T^{d_x} × R^d, by the midpoint rule."""
        axes = self.torus.axes
        return np.array([float(np.sum(f.sum(axis=axes) * phi)) * self.cell_volume for phi in self.invariants()])

    # --- the operator -----------------------------------------------------------------------------
    def _stack(self, field: np.ndarray) -> tuple[np.ndarray, int]:
        """κ̂(k)·field̂(k, ·) at the kept x-modes as a real batch: the real parts, then the
        imaginary parts of the modes other than k = 0 (whose coefficient is real)."""
        modes = self.kernel.kept_modes(field)
        imag = modes.imag[1:] if self._zero_kept else modes.imag
        return np.concatenate([modes.real, imag]), modes.shape[0]

    def _unstack(self, stacked: np.ndarray, count: int) -> np.ndarray:
        """Back to x for a field computed linearly from a :meth:`_stack` batch."""
        real = stacked[:count]
        imag = np.zeros_like(real)
        imag[1 if self._zero_kept else 0:] = stacked[count:]
        return self.kernel.from_kept_modes(real + 1j * imag)

    @property
    def _zero_kept(self) -> bool:
        return bool(self.kernel.kept[(0,) * self.torus.dx])

    def smoothed_diffusion(self, f: np.ndarray) -> dict:
        """ā_g = a ∗_v (κ ∗_x f) at every x, as {(i, j): array} for i ≤ j."""
        stack, count = self._stack(f)
        return {key: self._unstack(value, count) for key, value in self.velocity.diffusion_matrix(stack).items()}

    def smoothed_matrix_convolve(self, fields: list[np.ndarray]) -> list[np.ndarray]:
        """a ∗_v (κ ∗_x G) at every x for a vector field G = (G_1, …, G_d)."""
        stacks = [self._stack(field) for field in fields]
        count = stacks[0][1]
        return [self._unstack(value, count) for value in self.velocity.matrix_convolve([s for s, _ in stacks])]

    def fields(self, f: np.ndarray, grad: list[np.ndarray] | None = None) -> tuple[dict, list[np.ndarray]]:
        """(ā_g, b̄_g = a ∗_v ∇_v g = a ∗_v (κ ∗_x ∇_v f)) at every x, g = κ ∗_x f."""
        grad = self.velocity.gradient(f) if grad is None else grad
        return self.smoothed_diffusion(f), self.smoothed_matrix_convolve(grad)

    def raw_apply(self, f: np.ndarray) -> np.ndarray:
        """Q_fuz(f) = ∇_v·(ā_g∇_v f − b̄_g f) without the conservation correction."""
        d = self.grid.d
        grad = self.velocity.gradient(f)
        a_bar, b_bar = self.fields(f, grad)
        flux = []
        for i in range(d):
            comp = -b_bar[i] * f
            for j in range(d):
                comp = comp + a_bar[(min(i, j), max(i, j))] * grad[j]
            flux.append(comp)
        return self.velocity.divergence(flux)

    def _correction(self, f: np.ndarray, Q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(λ, residual moments Σφ_αQ) of the conservative correction (module docstring)."""
        axes = self.torus.axes
        phis = self.invariants()
        weight = np.abs(f).sum(axis=axes)
        Qsum = Q.sum(axis=axes)
        residual = np.array([np.sum(phi * Qsum) for phi in phis])
        gram = np.array([[np.sum(weight * pa * pb) for pb in phis] for pa in phis])
        return np.linalg.solve(gram, residual), residual

    def apply(self, f: np.ndarray) -> np.ndarray:
        """Q̃_fuz(f): :meth:`raw_apply` with the conservative correction when ``conservative``."""
        Q = self.raw_apply(f)
        if not self.conservative:
            return Q
        lam, _ = self._correction(f, Q)
        return Q - np.abs(f) * sum(l * phi for l, phi in zip(lam, self.invariants()))

    __call__ = apply

    def conservation_defect(self, f: np.ndarray) -> np.ndarray:
        """|Σφ_α Q_fuz(f)| × cell volume for φ = (1, v, |v|²) of the uncorrected operator: the
        rate at which the box truncation alone would change the global invariants."""
        _, residual = self._correction(f, self.raw_apply(f))
        return np.abs(residual) * self.cell_volume

    def spectral_radius(self, f: np.ndarray) -> float:
        """λ = Σ_a max ā_aa (π/h)² + Σ_a max|b̄_a| π/h over all cells (the spectral solver's estimate)."""
        a_bar, b_bar = self.fields(f)
        d, h = self.grid.d, self.grid.h
        return (sum(np.abs(a_bar[(a, a)]).max() for a in range(d)) * (np.pi / h) ** 2
                + sum(np.abs(b).max() for b in b_bar) * np.pi / h)
