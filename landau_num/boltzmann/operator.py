"""Fast spectral evaluation of the Boltzmann operator (001_213bc0b3a2bddff3.txt (1.1)) on a grid.

Method (the σ-representation fast spectral method of Gamba, Haack, Hauck and Hu, SIAM J. Sci.
Comput. 2017, with the loss term merged for non-cutoff kernels as in Hu and Qi 2020). With
g = v − v_* = ρĝ, f(v′)f(v′_*) in Fourier modes f = Σ f̂_l e^{il·v}, and the ĝ-integral done first
(it sees only k = l + m), the operator is exactly

    Q̂(k) = ∫_0^R ρ^{γ+d−1} ∫_{S^{d−1}} Φ̃(ρk/2, σ) P̂_{ρσ/2}(k) dσ dρ,   P_a(x) = f(x + a) f(x − a),
    Φ̃(ξ, σ) = ∫_{S^{d−1}} b(σ·ĝ)[e^{−iξ·ĝ} − e^{−iξ·σ}] dĝ
            = Σ_n (2n+1)(−i)^n j_n(|ξ|) μ_n P_n(ξ̂·σ)     (d = 3, Funk–Hecke),
            = Σ_m (−i)^{|m|} J_m(|ξ|) μ_m e^{im∠(ξ,σ)}      (d = 2, Jacobi–Anger),

μ_n = λ_n − λ_0 the Funk–Hecke eigenvalue differences of b (:mod:`.angular`), finite under (2.2).
P_a is symmetric in a, so σ and −σ are paired: only even n (m) enter, with 2Re Φ̃, on a
hemisphere (half circle). R truncates |v − v_*| (the box's usual choice, Pareschi–Russo).

Two forms of the same operator:

- ``split`` (kernels with λ_0 = ∫b < ∞ and γ > −d): Φ̃ = Φ_b − λ_0 e^{−iξ·σ}; the gain uses λ_n
  (for the isotropic kernel λ_n = δ_n0 and the σ-sum is done in real space before one FFT per ρ),
  the loss is λ_0 f·(Λ ∗ f) with Λ̂(k) = Σ_i W_i 4πj_0(ρ_i|k|) (the sphere integral exact, on the
  radial nodes of the gain). Mass is conserved up to the sphere rule's error on the
  autocorrelation ∫f(x + a)f(x − a)dx (exact for BKW, whose P_a is of degree 4 in σ).
- ``combined`` (every kernel; required for non-cutoff kernels and γ ≤ −d + …): the μ_n series
  itself; Φ̃(0, σ) = μ_0 = 0 (mass conserved to round-off), Φ̃ = O(ρ²|k|²), so the radial weight
  is ρ^{γ+d+1} (Gauss–Jacobi) with the integrand divided by ρ²: γ > −d − 2 is allowed.

Discretisation: the cell-centred grid of [−L, L)^d (n points per side, periodic), Fourier modes
|k_α| < n/2 (the Nyquist modes are set to zero); the shifts f(x ± a) exactly in Fourier space,
both at once: with h = IFFT(f̂·cas(k·a)), cas = cos + sin, f(x + a)f(x − a) = Re(h²); ρ on
Gauss–Jacobi nodes on [0, R]; σ on the centrally symmetric Lebedev rule (3D, scipy) or the
trapezoidal rule (2D), one node of each antipodal pair. The Legendre (Chebyshev) series of Φ̃ is
summed up to n where (2n+1)|j_n(ρ|k|/2)| < 1e-17 for the largest |k|.
Cost per evaluation: N_ρ·M/2 inverse FFTs of n^d points (and as many forward FFTs for
anisotropic kernels): O(N_ρ M n^d log n).
"""
from __future__ import annotations

import math
from functools import cached_property

import numba
import numpy as np
import scipy.fft as sfft
from scipy.integrate import lebedev_rule
from scipy.special import jv, roots_jacobi, spherical_jn

from ..grid import CellGrid
from .angular import AngularKernel

FFT_WORKERS = -1
SERIES_TOLERANCE = 1e-17
LEBEDEV_ORDERS = (3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 35, 41, 47, 53, 59, 65, 71, 77, 83, 89, 95,
                  101, 107, 113, 119, 125, 131)
MODES = ("split", "combined")


def default_cutoff_radius(L: float) -> float:
    """R = 4L/(3 + √2): the support S = 2L/(3 + √2) and R = 2S of Pareschi and Russo (no aliasing
    of the truncated operator for f supported in the ball of radius S)."""
    return 4 * L / (3 + math.sqrt(2))


def hemisphere_rule(d: int, order: int) -> tuple[np.ndarray, np.ndarray]:
    """One node of each antipodal pair of a centrally symmetric rule on S^{d−1} (weights of the
    full rule, which sum to |S^{d−1}|): Σ_j w_j (F(σ_j) + F(−σ_j)) = the full rule."""
    if d == 2:
        m = max(1, int(order))
        phi = math.pi * (np.arange(m) + 0.5) / m
        return np.stack([np.cos(phi), np.sin(phi)], axis=1), np.full(m, math.pi / m)
    if order not in LEBEDEV_ORDERS:
        raise ValueError(f"sphere_degree must be one of the Lebedev orders {LEBEDEV_ORDERS}, got {order!r}")
    x, w = lebedev_rule(order)
    x = x.T
    key = np.where(np.abs(x[:, 2]) > 1e-12, x[:, 2], np.where(np.abs(x[:, 1]) > 1e-12, x[:, 1], x[:, 0]))
    keep = key > 0
    if keep.sum() * 2 != len(w):
        raise RuntimeError("the Lebedev rule is not centrally symmetric")
    return np.ascontiguousarray(x[keep]), w[keep]


@numba.njit(parallel=True, cache=True)
def _cas_batch(f_hat, k_axes, shifts, out):
    """out[j] = f̂ · (cos + sin)(k·a_j) for each shift a_j (rows of ``shifts``), full complex grid
    (f̂ and out[j] flattened in C order; k_axes the wavenumbers of one axis). e^{ik·a} is the
    product of the 1D factors e^{ik_α a_α}, and cas = Re + Im of it."""
    nj = shifts.shape[0]
    n = k_axes.size
    d = shifts.shape[1]
    size = f_hat.size
    block = size // n
    for job in numba.prange(nj * n):
        j = job // n
        i0 = job % n
        e = np.empty((d, n), dtype=np.complex128)
        for a in range(d):
            for q in range(n):
                e[a, q] = complex(math.cos(k_axes[q] * shifts[j, a]), math.sin(k_axes[q] * shifts[j, a]))
        for r in range(block):
            idx = i0 * block + r
            if d == 3:
                z = e[0, i0] * e[1, r // n] * e[2, r % n]
            else:
                z = e[0, i0] * e[1, r]
            out[j, idx] = f_hat[idx] * (z.real + z.imag)


@numba.njit(parallel=True, cache=True)
def _sum_squares(h, weights, out):
    """out = Σ_j w_j Re(h_j²) (the σ-sum of f(x + a_j)f(x − a_j))."""
    nj = h.shape[0]
    size = out.size
    hf = h.reshape(nj, size)
    of = out.ravel()
    for idx in numba.prange(size):
        acc = 0.0
        for j in range(nj):
            z = hf[j, idx]
            acc += weights[j] * (z.real * z.real - z.imag * z.imag)
        of[idx] = acc


@numba.njit(parallel=True, cache=True)
def _real_squares(h, out):
    """out_j = Re(h_j²)."""
    nj = h.shape[0]
    size = out.size // nj
    hf = h.reshape(nj, size)
    of = out.reshape(nj, size)
    for idx in numba.prange(size):
        for j in range(nj):
            z = hf[j, idx]
            of[j, idx] = z.real * z.real - z.imag * z.imag


@numba.njit(cache=True)
def _angular_series(d, c, coeffs, count):
    """Σ_{q<count} coeffs[q]·P_{2q}(c) (d = 3, Legendre) or T_{2q}(c) (d = 2, Chebyshev)."""
    total = coeffs[0]
    p_prev = 0.0 if d == 3 else c  # P_{−1} (its factor n = 0 vanishes) or T_{−1} = T_1
    p = 1.0
    n = 0
    for q in range(1, count):
        for _ in range(2):  # advance from P_{n} to P_{n+1} twice
            if d == 3:
                p_next = ((2 * n + 1) * c * p - n * p_prev) / (n + 1)
            else:
                p_next = 2 * c * p - p_prev
            p_prev = p
            p = p_next
            n += 1
        total += coeffs[q] * p
    return total


@numba.njit(parallel=True, cache=True)
def _accumulate_anisotropic(p_hat, weights, sigmas, table, counts, k_rows, k_last, shell, acc):
    """acc(k) += Σ_j w_j A(|k|, k̂·σ_j) P̂_j(k), A the even angular series of one radial node."""
    nj = p_hat.shape[0]
    d = sigmas.shape[1]
    n0 = p_hat.shape[1]
    nl = p_hat.shape[-1]
    for i0 in numba.prange(n0):
        kvec = np.zeros(3)
        if d == 3:
            for i1 in range(p_hat.shape[2]):
                for i2 in range(nl):
                    s = shell[i0, i1, i2]
                    if s < 0:
                        continue
                    kvec[0] = k_rows[i0]
                    kvec[1] = k_rows[i1]
                    kvec[2] = k_last[i2]
                    norm = math.sqrt(kvec[0] ** 2 + kvec[1] ** 2 + kvec[2] ** 2)
                    total = 0j
                    for j in range(nj):
                        c = 0.0
                        if norm > 0:
                            c = (kvec[0] * sigmas[j, 0] + kvec[1] * sigmas[j, 1] + kvec[2] * sigmas[j, 2]) / norm
                        total += weights[j] * _angular_series(3, c, table[s], counts[s]) * p_hat[j, i0, i1, i2]
                    acc[i0, i1, i2] += total
        else:
            for i1 in range(p_hat.shape[2]):
                s = shell[i0, i1, 0]
                if s < 0:
                    continue
                kvec[0] = k_rows[i0]
                kvec[1] = k_last[i1]
                norm = math.sqrt(kvec[0] ** 2 + kvec[1] ** 2)
                total = 0j
                for j in range(nj):
                    c = 0.0
                    if norm > 0:
                        c = (kvec[0] * sigmas[j, 0] + kvec[1] * sigmas[j, 1]) / norm
                    total += weights[j] * _angular_series(2, c, table[s], counts[s]) * p_hat[j, i0, i1, 0]
                acc[i0, i1, 0] += total


def landau_limit_differences(C: float = 1.0):
    """n_max ↦ μ_n^0 = −4C n(n+1) = lim μ_n^ε (P_n(cos θ) − 1 = −n(n+1)θ²/4 + O(θ⁴) and (2.2):
    (π/2)∫θ²β = 4C_β): with these the σ-representation gives Φ̃ = 4C Δ_σ e^{−iξ·σ}, the Landau
    operator (seed 001 (3.10), C = 1) in the discretisation of the Boltzmann operator."""
    if not C > 0:
        raise ValueError(f"C must be positive, got {C!r}")
    return lambda n_max: -4.0 * C * np.arange(n_max + 1) * (np.arange(n_max + 1) + 1.0)


class BoltzmannOperator:
    """Q_B(f, f) of 001_213bc0b3a2bddff3.txt (1.1) on a :class:`CellGrid`, B = |z|^γ b(θ)."""

    def __init__(self, grid: CellGrid, kernel: AngularKernel, gamma: float = 0.0, R: float | None = None,
                 n_rho: int | None = None, sphere_degree: int | None = None, mode: str | None = None,
                 eigenvalue_differences=None):
        """``eigenvalue_differences``: optional n_max ↦ (μ_n)_{n ≤ n_max} replacing the kernel's
        (combined form only; the operator is linear in (μ_n)): e.g. the grazing limit
        μ_n^0 = −4C n(n+1) (:func:`landau_limit_differences`, the Landau operator in this
        discretisation) or the ε² term of a grazing family."""
        d, n = grid.d, grid.n
        if kernel.d != d:
            raise ValueError(f"the angular kernel is for d = {kernel.d}, the grid has d = {d}")
        if n < 4 or n % 2:
            raise ValueError(f"n (points per side) must be even and >= 4, got {n!r}")
        if not (math.isfinite(gamma) and -d - 2 < gamma <= 1.0):
            raise ValueError(f"gamma must be in ({-d - 2}, 1], got {gamma!r}")
        if mode is None:
            mode = "split" if kernel.finite_cross_section and gamma > -d else "combined"
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        if mode == "split" and not (kernel.finite_cross_section and gamma > -d):
            raise ValueError(f"the split form needs a cut-off kernel and gamma > {-d}; use mode='combined'")
        if eigenvalue_differences is not None and mode != "combined":
            raise ValueError("eigenvalue_differences needs mode='combined'")
        self.grid, self.kernel, self.gamma, self.mode = grid, kernel, float(gamma), mode
        self._mu_override = eigenvalue_differences
        self.R = float(R) if R is not None else default_cutoff_radius(grid.L)
        if not 0 < self.R:
            raise ValueError(f"R must be positive, got {R!r}")
        self.n_rho = int(n_rho) if n_rho is not None else n
        self.sphere_degree = int(sphere_degree) if sphere_degree is not None else (17 if d == 3 else n)
        if self.n_rho < 1:
            raise ValueError(f"n_rho must be >= 1, got {n_rho!r}")
        self.sigmas, self.sphere_weights = hemisphere_rule(d, self.sphere_degree)
        self._radial_nodes()
        self._wavenumbers()
        self._series_tables()
        self.isotropic = bool(mode == "split" and np.all(self._coefficients[1:] == 0.0))
        self.loss_coefficient = kernel.total_cross_section() if mode == "split" else 0.0

    # --- set-up ----------------------------------------------------------------------------
    def _radial_nodes(self) -> None:
        """ρ_i, W_i with Σ W_i F(ρ_i) ≈ ∫_0^R ρ^{γ+d−1} F dρ (split), and the same for F = O(ρ²)
        with weight ρ^{γ+d+1} and F/ρ² (combined)."""
        p = self.gamma + self.grid.d - 1 + (2 if self.mode == "combined" else 0)
        x, w = roots_jacobi(self.n_rho, 0.0, p)
        self.radii = self.R * (1 + x) / 2
        self.radial_weights = w * (self.R / 2) ** (p + 1)
        if self.mode == "combined":
            self.radial_weights = self.radial_weights / self.radii**2

    def _wavenumbers(self) -> None:
        g = self.grid
        n, d = g.n, g.d
        unit = math.pi / g.L
        idx = np.fft.fftfreq(n, 1.0 / n).astype(int)
        self.k_rows = unit * idx.astype(float)
        self.k_rows_zeroed = np.where(np.abs(idx) == n // 2, 0.0, self.k_rows)
        last = np.arange(n // 2 + 1)
        self.k_last = unit * last.astype(float)
        grids = np.meshgrid(*([idx] * (d - 1) + [last]), indexing="ij")
        s = sum(q**2 for q in grids)
        nyquist = np.zeros(s.shape, dtype=bool)
        for q in grids:
            nyquist |= np.abs(q) == n // 2
        self.shell = np.where(nyquist, -1, s).astype(np.int64)
        if d == 2:
            self.shell = self.shell[:, :, None]
        self.shell_count = int(s.max()) + 1
        self.unit = unit

    def _series_tables(self) -> None:
        """T[i, s, q]: W_i-free coefficients of the even angular series at radial node i and
        |k|² = s·(π/L)²: 2(4q+1)(−1)^q j_{2q}(ρ_i|k|/2) c_{2q} (3D), 2ε_{2q}(−1)^q J_{2q}(…) c_{2q} (2D)."""
        d = self.grid.d
        kmax = self.unit * math.sqrt(self.shell_count - 1)
        rmax = self.R * kmax / 2
        n_max = int(rmax + 20 + 4 * rmax ** (1 / 3))
        n_max += n_max % 2
        if self.mode == "split":
            lam0 = self.kernel.total_cross_section()
            coeffs = self.kernel.eigenvalue_differences(n_max) + lam0
            if self.kernel.name == "maxwell":  # λ_n = δ_n0 exactly (isotropic b)
                coeffs = np.where(np.arange(n_max + 1) == 0, lam0, 0.0)
        elif self._mu_override is not None:
            coeffs = np.asarray(self._mu_override(n_max), dtype=float)
        else:
            coeffs = self.kernel.eigenvalue_differences(n_max)
        even = np.arange(0, n_max + 1, 2)
        self._coefficients = coeffs[even]
        kabs = self.unit * np.sqrt(np.arange(self.shell_count, dtype=float))
        r = self.radii[:, None, None] * kabs[None, :, None] / 2
        nn = even[None, None, :]
        sign = np.where((even // 2) % 2 == 0, 1.0, -1.0)[None, None, :]
        if d == 3:
            radial = (2 * nn + 1) * spherical_jn(nn, r)
        else:
            radial = np.where(nn == 0, 1.0, 2.0) * jv(nn, r)
        table = 2 * sign * radial * self._coefficients[None, None, :]
        table = np.where(np.abs(table) < 1e-300, 0.0, table)
        mags = np.abs(table)
        scale = mags.max(axis=2, keepdims=True)
        significant = mags > SERIES_TOLERANCE * np.maximum(scale, 1e-300)
        counts = np.where(significant.any(axis=2), even.size - np.argmax(significant[:, :, ::-1], axis=2), 1)
        self.series_table = np.ascontiguousarray(table)
        self.series_counts = counts.astype(np.int64)
        self.series_degree = int(2 * (counts.max() - 1))

    @cached_property
    def loss_symbol(self) -> np.ndarray:
        """Λ̂(k) = ∫_0^R ρ^{γ+d−1} ∫_{S^{d−1}} e^{−iρk·σ} dσ dρ on the radial nodes, the sphere
        integral exact (4π j_0(ρ|k|) in 3D, 2π J_0(ρ|k|) in 2D): f(v − ρσ) is far from a
        low-degree polynomial in σ, so the loss is not put on the sphere rule of the gain."""
        shell = self.shell if self.grid.d == 3 else self.shell[:, :, 0]
        kabs = self.unit * np.sqrt(np.maximum(shell, 0).astype(float))
        symbol = np.zeros(shell.shape)
        for rho, w in zip(self.radii, self.radial_weights):
            symbol += w * (4 * math.pi * spherical_jn(0, rho * kabs) if self.grid.d == 3 else 2 * math.pi * jv(0, rho * kabs))
        return np.where(shell >= 0, symbol, 0.0)

    # --- the operator -------------------------------------------------------------------------
    def project(self, f: np.ndarray) -> np.ndarray:
        """f without its Nyquist modes (the space the operator acts on)."""
        f_hat = sfft.rfftn(f, workers=FFT_WORKERS)
        shell = self.shell if self.grid.d == 3 else self.shell[:, :, 0]
        f_hat[shell < 0] = 0.0
        return sfft.irfftn(f_hat, s=f.shape, workers=FFT_WORKERS)

    def apply(self, f: np.ndarray) -> np.ndarray:
        """Q_B(f, f) on the grid (f of shape (n,)*d; its Nyquist modes are ignored)."""
        d, n = self.grid.d, self.grid.n
        f = np.ascontiguousarray(f, dtype=float)
        if f.shape != (n,) * d:
            raise ValueError(f"f must have shape {(n,) * d}, got {f.shape}")
        f = self.project(f)
        f_hat = sfft.fftn(f, workers=FFT_WORKERS)
        half_shape = (n,) * (d - 1) + (n // 2 + 1,)
        acc = np.zeros(half_shape + ((1,) if d == 2 else ()), dtype=complex)
        nj = self.sigmas.shape[0]
        batch = np.empty((nj,) + f.shape, dtype=complex)
        axes = tuple(range(1, d + 1))
        shell = self.shell
        for i, rho in enumerate(self.radii):
            _cas_batch(f_hat.ravel(), self.k_rows_zeroed, 0.5 * rho * self.sigmas, batch.reshape(nj, -1))
            h = sfft.ifftn(batch, axes=axes, workers=FFT_WORKERS, overwrite_x=True)
            if self.isotropic:
                s = np.empty(f.shape)
                _sum_squares(h, self.sphere_weights, s)
                coeff = self.series_table[i, :, 0][np.maximum(shell, 0)] * (shell >= 0)
                s_hat = sfft.rfftn(s, workers=FFT_WORKERS)
                acc += self.radial_weights[i] * coeff * (s_hat if d == 3 else s_hat[:, :, None])
            else:
                p = np.empty((nj,) + f.shape)
                _real_squares(h, p)
                p_hat = sfft.rfftn(p, axes=axes, workers=FFT_WORKERS)
                if d == 2:
                    p_hat = p_hat[..., None]
                part = np.zeros_like(acc)
                _accumulate_anisotropic(p_hat, self.sphere_weights, self.sigmas, self.series_table[i],
                                        self.series_counts[i], self.k_rows, self.k_last, shell, part)
                acc += self.radial_weights[i] * part
        gain_hat = acc if d == 3 else acc[:, :, 0]
        out = sfft.irfftn(gain_hat, s=f.shape, workers=FFT_WORKERS)
        if self.mode == "split":
            conv = sfft.irfftn(self.loss_symbol * sfft.rfftn(f, workers=FFT_WORKERS), s=f.shape, workers=FFT_WORKERS)
            out -= self.loss_coefficient * f * conv
        return out

    __call__ = apply

    def describe(self) -> dict:
        return {**self.kernel.describe(), "gamma": self.gamma, "R": self.R, "n_rho": self.n_rho,
                "sphere_degree": self.sphere_degree, "sphere_nodes": 2 * len(self.sphere_weights),
                "mode": self.mode, "angular_series_degree": self.series_degree}


@numba.njit(parallel=True, cache=True)
def _direct_gain(f_hat, k_axis, radii, radial_weights, sigmas, sphere_weights, table, counts, shell, d):
    """Ĝ(k) = Σ_i W_i Σ_j w_j A_ij(k) n^{−d} Σ_{l+m≡k (mod n)} f̂_l f̂_m e^{iρ_i(l−m)·σ_j/2}, pair by pair
    (the O(n^{2d}) double sum the FFT shifts must reproduce; full complex grid, C order)."""
    n = k_axis.size
    size = n**d
    out = np.zeros(size, dtype=np.complex128)
    for kk in numba.prange(size):
        ki = np.zeros(3, dtype=np.int64)
        rest_k = kk + 0
        for a in range(d - 1, -1, -1):
            ki[a] = rest_k % n
            rest_k = rest_k // n
        s = shell[kk]
        if s < 0:
            continue
        kvec = np.zeros(3)
        for a in range(d):
            kvec[a] = k_axis[ki[a]]
        norm = math.sqrt(kvec[0] ** 2 + kvec[1] ** 2 + kvec[2] ** 2)
        total = 0j
        for ll in range(size):
            li = np.zeros(3, dtype=np.int64)
            mi = np.zeros(3, dtype=np.int64)
            rest_l = ll + 0
            skip = False
            for a in range(d - 1, -1, -1):
                li[a] = rest_l % n
                rest_l = rest_l // n
                mi[a] = (ki[a] - li[a]) % n
                if li[a] == n // 2 or mi[a] == n // 2:
                    skip = True
            if skip:
                continue
            mm = 0
            for a in range(d):
                mm = mm * n + mi[a]
            pair = f_hat[ll] * f_hat[mm]
            for i in range(radii.size):
                for j in range(sigmas.shape[0]):
                    phase = 0.0
                    c = 0.0
                    for a in range(d):
                        phase += 0.5 * radii[i] * (k_axis[li[a]] - k_axis[mi[a]]) * sigmas[j, a]
                        c += kvec[a] * sigmas[j, a]
                    if norm > 0:
                        c /= norm
                    weight = radial_weights[i] * sphere_weights[j] * _angular_series(d, c, table[i, s], counts[i, s])
                    total += weight * pair * complex(math.cos(phase), math.sin(phase))
        out[kk] = total / size
    return out


def direct_operator(operator: BoltzmannOperator, f: np.ndarray) -> np.ndarray:
    """Q_B(f) by the direct O(n^{2d}·N_ρ·M) Fourier double sum with the same nodes and series
    (and the same loss): the reference the FFT evaluation must reproduce to round-off."""
    grid = operator.grid
    d, n = grid.d, grid.n
    f = operator.project(np.ascontiguousarray(f, dtype=float))
    f_hat = sfft.fftn(f)
    idx = np.fft.fftfreq(n, 1.0 / n).astype(int)
    mesh = np.meshgrid(*([idx] * d), indexing="ij")
    s = sum(q**2 for q in mesh)
    bad = np.zeros(s.shape, dtype=bool)
    for q in mesh:
        bad |= np.abs(q) == n // 2
    shell = np.where(bad, -1, s).astype(np.int64).ravel()
    gain_hat = _direct_gain(f_hat.ravel(), operator.k_rows, operator.radii, operator.radial_weights, operator.sigmas,
                            operator.sphere_weights, operator.series_table, operator.series_counts, shell, d)
    out = sfft.ifftn(gain_hat.reshape(f.shape)).real
    if operator.mode == "split":
        conv = sfft.irfftn(operator.loss_symbol * sfft.rfftn(f), s=f.shape)
        out -= operator.loss_coefficient * f * conv
    return out
