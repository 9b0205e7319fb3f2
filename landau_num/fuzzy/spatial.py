"""The spatial side of the fuzzy Landau equation (002_5194c2b1fb63adc7.txt (1.1)) on the torus
T^{d_x} = [0, ℓ)^{d_x}: the periodic grid, the spatial kernel κ and its Fourier multiplier, the
smoothing g = κ ∗_x f and the exact free transport.

Grid: N cells per side (N odd, so that every Fourier mode has its conjugate partner on the grid
and no Nyquist mode needs a convention when it is advanced in time), points x_i = i ℓ/N, cell
volume h_x^{d_x}. Arrays of phase-space values have shape (N,)*d_x + (n,)*d_v: the leading d_x
axes are x, the trailing ones v.

Kernels (``KERNELS``), evaluated at the minimal-image difference x − x* on the torus, so that
κ(x − x*) = κ(x* − x) exactly on the grid (the symmetry behind the conservation of momentum and
energy), then normalised on the torus by the discrete integral h_x^{d_x} Σ_i κ(x_i) = 1 (the
normalisation ‖κ‖_{L¹(T)} = 1 of (2.2), exact for the discrete sums the solver takes):

- ``exponential``: κ^σ ∝ exp(−⟨x/√σ⟩) of Remark 2.2 (the shape of (2.2)); σ → ∞ gives κ → 1/|T|,
  σ → 0 the Dirac mass;
- ``gaussian``: ∝ exp(−|x|²/(2σ));
- ``constant``: κ ≡ 1/|T| (the x-average then solves the homogeneous equation (2.6));
- ``delta``: κ = δ, g = f: the classical inhomogeneous Landau equation (1.4) (the σ → 0 limit).

The profiles are the generated kernels ``spatial_kernel_exponential`` / ``spatial_kernel_gaussian``
(stated in :mod:`landau_sym.fuzzy`).

Smoothing is diagonal in Fourier: ĝ(k) = κ̂(k) f̂(k) with κ̂(k) = h_x^{d_x} Σ_i κ(x_i)e^{−ik·x_i}
(real, κ being even). Modes with |κ̂(k)| ≤ ``MODE_TOLERANCE`` κ̂(0) are dropped: κ̂ stays real and
even, so κ stays symmetric, and the change of g is below round-off; for the constant kernel only
k = 0 remains, which lets the operator compute one velocity convolution instead of N^{d_x}.

Transport ∂ₜf + v·∇ₓf = 0 is solved exactly: f̂(k, v, t + τ) = e^{−iτ k·v} f̂(k, v, t), with v the
first d_x velocity components; the k = 0 mode (the x-average of f at every v) is untouched, so
every global velocity moment is conserved by the transport step to round-off.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import scipy.fft as sfft

from ..kernels import get_kernel
from ..validation import require_positive

KERNELS = ("exponential", "gaussian", "constant", "delta")
MODE_TOLERANCE = 1e-15
FFT_WORKERS = -1


@dataclass(frozen=True)
class TorusGrid:
    """N cells per side on [0, ℓ)^{d_x}."""

    dx: int
    n: int
    length: float

    def __post_init__(self):
        if self.dx not in (1, 2, 3):
            raise ValueError(f"the spatial dimension d_x must be 1, 2 or 3, got {self.dx!r}")
        if not isinstance(self.n, (int, np.integer)) or self.n < 3 or self.n % 2 == 0:
            raise ValueError(f"--nx must be an odd integer >= 3 (no Nyquist mode in x), got {self.n!r}")
        require_positive("the torus length", self.length)

    @property
    def h(self) -> float:
        return self.length / self.n

    @property
    def cell_volume(self) -> float:
        return self.h**self.dx

    @property
    def shape(self) -> tuple[int, ...]:
        return (self.n,) * self.dx

    @property
    def axes(self) -> tuple[int, ...]:
        return tuple(range(self.dx))

    @cached_property
    def axis(self) -> np.ndarray:
        return np.arange(self.n) * self.h

    @cached_property
    def points(self) -> np.ndarray:
        mesh = np.meshgrid(*([self.axis] * self.dx), indexing="ij")
        return np.stack([m.ravel() for m in mesh], axis=1)

    @cached_property
    def offsets_squared(self) -> np.ndarray:
        """|x_i − x_0|² with the minimal image on the torus, shape ``self.shape``."""
        i = np.arange(self.n)
        delta = np.where(i <= self.n // 2, i, i - self.n) * self.h
        mesh = np.meshgrid(*([delta] * self.dx), indexing="ij")
        return sum(m * m for m in mesh)

    def wavenumbers(self) -> list[np.ndarray]:
        """k_a for the rfftn layout over the x axes (the last x axis halved), each shaped to
        broadcast over that layout."""
        k = 2 * math.pi * sfft.fftfreq(self.n, d=self.h)
        k_last = 2 * math.pi * sfft.rfftfreq(self.n, d=self.h)
        out = []
        for a in range(self.dx):
            shape = [1] * self.dx
            axis_k = k_last if a == self.dx - 1 else k
            shape[a] = axis_k.size
            out.append(axis_k.reshape(shape))
        return out


def kernel_values(grid: TorusGrid, kind: str, sigma: float | None) -> np.ndarray:
    """κ(x_i − x_0) on the grid, normalised by h_x^{d_x}Σκ = 1 (the delta kernel: 1/h_x^{d_x} at 0)."""
    if kind not in KERNELS:
        raise ValueError(f"--kernel must be one of {', '.join(KERNELS)}, got {kind!r}")
    if kind == "constant":
        return np.full(grid.shape, 1.0 / grid.length**grid.dx)
    if kind == "delta":
        values = np.zeros(grid.shape)
        values[(0,) * grid.dx] = 1.0 / grid.cell_volume
        return values
    require_positive("--sigma (kernel width)", sigma)
    profile = get_kernel(f"spatial_kernel_{kind}")
    r2 = grid.offsets_squared
    values = np.array([profile(float(r), float(sigma)) for r in r2.ravel()]).reshape(grid.shape)
    total = values.sum() * grid.cell_volume
    if not total > 0:
        raise ValueError(f"--sigma {sigma!r} is too small for --nx {grid.n}: the {kind} kernel underflows "
                         f"between grid points; use --kernel delta or a larger sigma")
    return values / total


class SpatialKernel:
    """κ on a :class:`TorusGrid`: values, Fourier multiplier, kept modes, smoothing, transport."""

    def __init__(self, grid: TorusGrid, kind: str, sigma: float | None = None):
        self.grid, self.kind, self.sigma = grid, kind, sigma
        self.values = kernel_values(grid, kind, sigma)
        multiplier = sfft.rfftn(self.values, axes=grid.axes) * grid.cell_volume
        if kind == "constant":  # exact: only the mean survives
            multiplier = np.zeros(multiplier.shape)
            multiplier[(0,) * grid.dx] = 1.0
        self.multiplier = multiplier.real  # κ is even: κ̂ is real (imaginary part is round-off)
        self.kept = np.abs(self.multiplier) > MODE_TOLERANCE * abs(self.multiplier[(0,) * grid.dx])
        self.multiplier = np.where(self.kept, self.multiplier, 0.0)

    @property
    def minimum(self) -> float:
        """min κ (the constant C_κ^{−1} of Lemma 2.6's hypothesis κ ≥ C_κ^{−1})."""
        return float(self.values.min())

    def smooth(self, f: np.ndarray) -> np.ndarray:
        """g = κ ∗_x f (f of shape x-shape + v-shape)."""
        axes = self.grid.axes
        f_hat = sfft.rfftn(f, axes=axes, workers=FFT_WORKERS)
        mult = self.multiplier.reshape(self.multiplier.shape + (1,) * (f.ndim - self.grid.dx))
        return sfft.irfftn(f_hat * mult, s=self.grid.shape, axes=axes, workers=FFT_WORKERS)

    def kept_modes(self, f: np.ndarray) -> np.ndarray:
        """The Fourier coefficients ĝ(k, ·) = κ̂(k)f̂(k, ·) of g = κ ∗_x f at the kept modes,
        shape (K,) + v-shape (complex)."""
        f_hat = sfft.rfftn(f, axes=self.grid.axes, workers=FFT_WORKERS)
        return f_hat[self.kept] * self.multiplier[self.kept].reshape((-1,) + (1,) * (f.ndim - self.grid.dx))

    def from_kept_modes(self, modes: np.ndarray) -> np.ndarray:
        """Inverse of the x-transform for fields given at the kept modes (zero elsewhere)."""
        full = np.zeros(self.kept.shape + modes.shape[1:], dtype=complex)
        full[self.kept] = modes
        return sfft.irfftn(full, s=self.grid.shape, axes=self.grid.axes, workers=FFT_WORKERS)


def free_transport(f: np.ndarray, grid: TorusGrid, velocity_axes: list[np.ndarray], tau: float) -> np.ndarray:
    """f(x − τv, v) exactly in Fourier: f̂(k, v) e^{−iτk·v}; ``velocity_axes[a]`` holds v_a shaped
    to broadcast over the velocity part of f (a < d_x)."""
    if tau == 0:
        return f
    axes = grid.axes
    f_hat = sfft.rfftn(f, axes=axes, workers=FFT_WORKERS)
    extra = (1,) * (f.ndim - grid.dx)
    phase = sum(k.reshape(k.shape + extra) * v.reshape((1,) * grid.dx + v.shape)
                for k, v in zip(grid.wavenumbers(), velocity_axes))
    return sfft.irfftn(f_hat * np.exp(-1j * tau * phase), s=grid.shape, axes=axes, workers=FFT_WORKERS)
