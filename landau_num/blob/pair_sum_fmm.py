"""The Coulomb blob pair sum in O(N log N) by the fast multipole method (FMM3D's Laplace FMM).

The blob velocity field of 000_2c86dc742ea51118.txt §5 (see :mod:`landau_num.blob.system`),

    u_p = −Σ_{q≠p} w_q A(v_p − v_q)(F_p − F_q),

has for γ = −3, d = 3 the kernel A(z) = C(I/|z| − z⊗z/|z|³) = C ∇∇|z| (the Hessian of the second
Rosenbluth potential). With the Laplace potentials φ_c(x) = Σ_{q≠p} c_q/|x − v_q| of scalar charges
c_q and their gradients (self-interaction dropped, like the zero of A at z = 0 in the direct sum),

    Σ_q c_q z_i z_j/|z|³ = −x_j ∂_iφ_c(x) + ∂_iφ_{c v_j}(x)          (z = x − v_q),

so, with f_q = w_q F_q, the sum splits into eight Laplace charge densities
(w, w v₁, w v₂, w v₃, f₁, f₂, f₃, v·f):

    Σ_q w_q A(z)F_p = C[F_p φ_w − Σ_j F_{p,j}(−x_j ∇φ_w + ∇φ_{w v_j})],
    Σ_q A(z) f_q     = C[φ_f − (−Σ_j x_j ∇φ_{f_j} + ∇φ_{v·f})],

all evaluated at the particles by one call of ``fmm3dpy.lfmm3d`` (Flatiron Institute FMM3D, kernel
1/(4π|z|), nd = 8 densities, potentials and gradients at the sources). The identity holds exactly;
the only error is the FMM's, controlled by its requested precision. The split subtracts terms of
size C Σ w|F|/|z| (and, through x_j∇φ, |x|/|z| times that), so the error is relative to that scale,
not to |u_p|; positions are centred on their mean first (A depends on differences only) to keep |x|
small. The direct numba sum (:func:`landau_num.blob.system.velocities_direct`) stays the reference
and the method for d = 2 and γ ≠ −3.
"""
from __future__ import annotations

import importlib.util
import math

import numpy as np

DEFAULT_PRECISION = 1e-12
"""The FMM precision requested by the solver: the pair sum then agrees with the direct sum to
≈ 5e-13 of max|u_p| (benchmarks/bench_blob.py --fmm; bounded in tests/test_blob_fast.py), the level
at which the γ = 0 moment form agrees with its direct sum."""

CROSSOVER_PARTICLES = 120_000
"""Above this many particles ``interaction='auto'`` uses the FMM for 3D Coulomb runs. Measured by
``python benchmarks/bench_blob.py --fmm`` (2 shared cores, fmm3dpy 2.1.0 wheel, Gaussian cloud):
the FMM (eight densities) at precision 1e-12 took 7.6× the direct numba sum at N = 16000, so with
its O(N) against O(N²) it wins from N ≈ 1.2e5 on; at precision 1e-6 from N ≈ 2.4e4."""


def available() -> bool:
    """Whether the FMM3D Python wrapper (fmm3dpy) can be imported."""
    return importlib.util.find_spec("fmm3dpy") is not None


def coulomb_velocities_fmm(v: np.ndarray, w: np.ndarray, F: np.ndarray, C: float,
                           precision: float = DEFAULT_PRECISION) -> np.ndarray:
    """u_p = −Σ_q w_q A(v_p − v_q)(F_p − F_q) for A(z) = C(I/|z| − z⊗z/|z|³) (γ = −3, d = 3) by the FMM
    (module docstring); the same sum as ``velocities_direct(v, w, F, C, -3.0, code)`` up to the
    requested ``precision`` (relative to C Σ_q w_q|F|/|z|)."""
    import fmm3dpy

    v = np.asarray(v, dtype=float)
    if v.ndim != 2 or v.shape[1] != 3:
        raise ValueError(f"the FMM pair sum needs 3-D positions of shape (N, 3), got shape {v.shape}")
    if not (math.isfinite(precision) and 0 < precision < 1):
        raise ValueError(f"FMM precision must be in (0, 1), got {precision!r}")
    x = v - v.mean(axis=0)
    f = w[:, None] * F
    charges = np.empty((8, len(x)))
    charges[0] = w
    charges[1:4] = (w[:, None] * x).T
    charges[4:7] = f.T
    charges[7] = np.einsum("qa,qa->q", x, f)
    out = fmm3dpy.lfmm3d(eps=precision, sources=np.ascontiguousarray(x.T), charges=charges, pg=2, nd=8)
    scale = 4 * math.pi  # FMM3D's kernel is 1/(4π|z|)
    pot, grad = scale * out.pot, scale * out.grad  # (8, N), (8, 3, N)
    xt = x.T  # (3, N)
    # T[c]_{ij} = Σ_q c_q z_i z_j/|z|³ as (i, j, p) arrays
    tensor_w = -grad[0][:, None, :] * xt[None, :, :] + np.moveaxis(grad[1:4], 0, 1)
    Ft = F.T
    a = Ft * pot[0] - np.einsum("ijp,jp->ip", tensor_w, Ft)
    b = pot[4:7] - (-np.einsum("jip,jp->ip", grad[4:7], xt) + grad[7])
    return (-C * (a - b)).T
