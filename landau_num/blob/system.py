"""Deterministic particle ("blob") method for the regularised ε-Landau equation.

000_2c86dc742ea51118.txt §2 and §5: the Landau equation with the regularised entropy
H_ε(f) = ∫ (f ∗ ψ_ε) log(f ∗ ψ_ε) is a gradient flow; for the particle measure
f_N = Σ_q w_q δ_{v_q} it becomes the ODE system (Carrillo, Hu, Wang, Wu, J. Comput. Phys. X 7
(2020) 100066)

    dv_p/dt = −Σ_q w_q A(v_p − v_q)(F_p − F_q),     A(z) = C α(|z|)|z|²Π(z),
    F_p = ∇(δH_ε/δf)(v_p) = ∫ ∇ψ_ε(v_p − u)(log(ψ_ε ∗ f_N)(u) + 1) du,

with the u-integral by the midpoint rule on the fixed cell-centred grid of [−L, L]^d. The "+1"
integrates to zero in the continuum (∫∇ψ_ε = 0) but not on the grid; keeping it makes
w_p F_p = ∂H_ε^h/∂v_p exactly, for the discrete entropy H_ε^h = h^d Σ_c f_c log f_c with
f_c = Σ_q w_q ψ_ε(u_c − v_q), so the semi-discrete flow dissipates H_ε^h exactly:
    dH_ε^h/dt = −D_ε,   D_ε = ½ Σ_{p,q} w_p w_q (F_p − F_q)·A(v_p − v_q)(F_p − F_q) ≥ 0
(seed 000 Remark 29), and conserves Σ w_p, Σ w_p v_p and Σ w_p |v_p|² (A is symmetric in the
pair and A(z)z = 0).

Mollifiers ψ_ε: the Gaussian (2πε)^{−d/2}e^{−|v|²/(2ε)} (ε a variance) or the exponential
kernel G^ε(v) = ε^{−d}C_d e^{−⟨v/ε⟩} of seed 000 §2.1 (ε a length). Both are truncated where
they fall below 1e-17 of their peak (radius √(2ε·39) resp. 40ε), which changes sums by less than
round-off.

Cost: the density and F_p are gathered in O(N·(R/h)^d) — for the Gaussian from its one-dimensional
factors (d(2K + 1) exponentials per particle, shared by both gathers), for the exponential kernel
through a cell list; the interaction is O(N²) for general γ, O(N) for γ = 0 through moments of the
cloud (:func:`velocities_moment_form`), which agrees with the direct sum to round-off, and
O(N log N) for γ = −3 in 3D by the fast multipole method (:mod:`.pair_sum_fmm`).
"""
from __future__ import annotations

import math

import numba
import numpy as np

from .._generated import SPECIALISED_GAMMAS
from .._generated import landau_matrix as lm
from .._generated.mollifiers import (
    exponential_mollifier_2d, exponential_mollifier_3d, exponential_mollifier_gradient_2d,
    exponential_mollifier_gradient_3d, gaussian_mollifier_2d, gaussian_mollifier_3d,
    gaussian_mollifier_gradient_2d, gaussian_mollifier_gradient_3d,
)
from ..grid import CellGrid
from ..validation import require_positive

GAUSSIAN, EXPONENTIAL = 0, 1
KERNELS = {"gaussian": GAUSSIAN, "exponential": EXPONENTIAL}
TRUNCATION_LOG = 39.0  # ψ/ψ(0) < e^{−39} ≈ 1e-17 beyond the cut-off radius


def cutoff_radius(kind: int, eps: float) -> float:
    if kind == GAUSSIAN:
        return math.sqrt(2 * eps * TRUNCATION_LOG)
    return eps * (TRUNCATION_LOG + 1.0)  # ⟨r/ε⟩ − 1 ≥ r/ε − 1


@numba.njit(cache=True)
def mollifier(kind, z, eps):
    """(ψ(z), ∂₁ψ, ∂₂ψ, ∂₃ψ) for the generated kernels (∂₃ψ = 0 in d = 2)."""
    if z.shape[0] == 2:
        if kind == GAUSSIAN:
            g = gaussian_mollifier_gradient_2d(z[0], z[1], eps)
            return gaussian_mollifier_2d(z[0], z[1], eps), g[0], g[1], 0.0
        g = exponential_mollifier_gradient_2d(z[0], z[1], eps)
        return exponential_mollifier_2d(z[0], z[1], eps), g[0], g[1], 0.0
    if kind == GAUSSIAN:
        g = gaussian_mollifier_gradient_3d(z[0], z[1], z[2], eps)
        return gaussian_mollifier_3d(z[0], z[1], z[2], eps), g[0], g[1], g[2]
    g = exponential_mollifier_gradient_3d(z[0], z[1], z[2], eps)
    return exponential_mollifier_3d(z[0], z[1], z[2], eps), g[0], g[1], g[2]


GAMMA_CODES = {value: code for code, value in enumerate(SPECIALISED_GAMMAS.values(), start=1)}
"""γ → the code of its specialised generated kernel in :func:`pair_velocity` (the tags of the
generated ``SPECIALISED_GAMMAS``, in their order: m3, m2, m1, 0, 1); other γ use code 0."""


def gamma_code(gamma: float) -> int:
    return GAMMA_CODES.get(float(gamma), 0)


@numba.njit(cache=True)
def pair_velocity(z, g, C, gamma, code):
    """A(z)g with the generated scale-safe Landau kernels (zero at z = 0); ``code`` selects the
    γ-specialised kernel (see GAMMA_CODES), 0 the general one."""
    if z.shape[0] == 2:
        if code == 1:
            a = lm.landau_matrix_apply_2d_gamma_m3(z[0], z[1], g[0], g[1], C)
        elif code == 2:
            a = lm.landau_matrix_apply_2d_gamma_m2(z[0], z[1], g[0], g[1], C)
        elif code == 3:
            a = lm.landau_matrix_apply_2d_gamma_m1(z[0], z[1], g[0], g[1], C)
        elif code == 4:
            a = lm.landau_matrix_apply_2d_gamma_0(z[0], z[1], g[0], g[1], C)
        elif code == 5:
            a = lm.landau_matrix_apply_2d_gamma_1(z[0], z[1], g[0], g[1], C)
        else:
            a = lm.landau_matrix_apply_2d(z[0], z[1], g[0], g[1], C, gamma)
        return a[0], a[1], 0.0
    if code == 1:
        return lm.landau_matrix_apply_3d_gamma_m3(z[0], z[1], z[2], g[0], g[1], g[2], C)
    if code == 2:
        return lm.landau_matrix_apply_3d_gamma_m2(z[0], z[1], z[2], g[0], g[1], g[2], C)
    if code == 3:
        return lm.landau_matrix_apply_3d_gamma_m1(z[0], z[1], z[2], g[0], g[1], g[2], C)
    if code == 4:
        return lm.landau_matrix_apply_3d_gamma_0(z[0], z[1], z[2], g[0], g[1], g[2], C)
    if code == 5:
        return lm.landau_matrix_apply_3d_gamma_1(z[0], z[1], z[2], g[0], g[1], g[2], C)
    return lm.landau_matrix_apply_3d(z[0], z[1], z[2], g[0], g[1], g[2], C, gamma)


@numba.njit(cache=True)
def _cell_of(x, L, h, n):
    i = int(math.floor((x + L) / h))
    return min(max(i, 0), n - 1)


@numba.njit(cache=True)
def _neighbour_offsets(d, radius_in_cells):
    """Cell-index offsets that can hold a point within ``radius_in_cells`` cell widths of a point
    of the centre cell: per axis the gap is at least (|o| − 1) cells, so offsets with
    Σ max(|o_a| − 1, 0)² > radius² are dropped (a ball, not the bounding cube)."""
    k = int(math.ceil(radius_in_cells)) + 1
    width = 2 * k + 1
    count = width**d
    out = np.empty((count, d), dtype=np.int64)
    kept = 0
    for m in range(count):
        rest = m
        gap2 = 0.0
        for a in range(d - 1, -1, -1):
            o = rest % width - k
            out[kept, a] = o
            gap = max(abs(o) - 1, 0)
            gap2 += gap * gap
            rest //= width
        if gap2 <= radius_in_cells * radius_in_cells:
            kept += 1
    return out[:kept]


@numba.njit(cache=True)
def _linear_index(idx, n):
    lin = 0
    for a in range(idx.shape[0]):
        lin = lin * n + idx[a]
    return lin


@numba.njit(cache=True)
def _containing_cell(x, L, h, n, centre):
    """Fill ``centre`` with the (clamped) cell indices of the point x."""
    for a in range(x.shape[0]):
        centre[a] = _cell_of(x[a], L, h, n)


@numba.njit(cache=True)
def _neighbour_cell(centre, offset, n, idx):
    """Linear index of the cell centre + offset, or −1 when it lies outside the grid."""
    for a in range(centre.shape[0]):
        idx[a] = centre[a] + offset[a]
        if idx[a] < 0 or idx[a] >= n:
            return -1
    return _linear_index(idx, n)


@numba.njit(cache=True)
def _bin_particles(v, L, h, n):
    """Counting sort of particles by (clamped) cell: (starts, order)."""
    N, d = v.shape
    cells = np.empty(N, dtype=np.int64)
    idx = np.empty(d, dtype=np.int64)
    for p in range(N):
        _containing_cell(v[p], L, h, n, idx)
        cells[p] = _linear_index(idx, n)
    counts = np.zeros(n**d + 1, dtype=np.int64)
    for p in range(N):
        counts[cells[p] + 1] += 1
    starts = np.cumsum(counts)
    fill = starts[:-1].copy()
    order = np.empty(N, dtype=np.int64)
    for p in range(N):
        order[fill[cells[p]]] = p
        fill[cells[p]] += 1
    return starts, order


@numba.njit(parallel=True, cache=True)
def grid_density(v, w, points, L, h, n, kind, eps, radius):
    """f_c = Σ_q w_q ψ_ε(u_c − v_q) at every grid point (gathered through a cell list)."""
    M, d = points.shape
    starts, order = _bin_particles(v, L, h, n)
    offsets = _neighbour_offsets(d, radius / h)
    out = np.zeros(M)
    r2max = radius * radius
    for c in numba.prange(M):
        idx = np.empty(d, dtype=np.int64)
        z = np.empty(d)
        centre = np.empty(d, dtype=np.int64)
        _containing_cell(points[c], L, h, n, centre)
        total = 0.0
        for m in range(offsets.shape[0]):
            b = _neighbour_cell(centre, offsets[m], n, idx)
            if b < 0:
                continue
            for s in range(starts[b], starts[b + 1]):
                q = order[s]
                r2 = 0.0
                for a in range(d):
                    z[a] = points[c, a] - v[q, a]
                    r2 += z[a] * z[a]
                if r2 <= r2max:
                    total += w[q] * mollifier(kind, z, eps)[0]
        out[c] = total
    return out


@numba.njit(parallel=True, cache=True)
def entropy_gradient(v, density, points, L, h, n, kind, eps, radius):
    """F_p = h^d Σ_c ∇ψ_ε(v_p − u_c)(log f_c + 1) (midpoint rule; see the module docstring)."""
    N, d = v.shape
    offsets = _neighbour_offsets(d, radius / h)
    vol = h**d
    r2max = radius * radius
    F = np.zeros((N, d))
    for p in numba.prange(N):
        idx = np.empty(d, dtype=np.int64)
        z = np.empty(d)
        centre = np.empty(d, dtype=np.int64)
        _containing_cell(v[p], L, h, n, centre)
        for m in range(offsets.shape[0]):
            c = _neighbour_cell(centre, offsets[m], n, idx)
            if c < 0:
                continue
            fc = density[c]
            if fc <= 0.0:
                continue
            r2 = 0.0
            for a in range(d):
                z[a] = v[p, a] - points[c, a]
                r2 += z[a] * z[a]
            if r2 > r2max:
                continue
            psi = mollifier(kind, z, eps)
            weight = vol * (math.log(fc) + 1.0)
            for a in range(d):
                F[p, a] += weight * psi[1 + a]
    return F


@numba.njit(parallel=True, cache=True)
def gaussian_axis_factors(v, axis, L, h, n, eps, K):
    """The one-dimensional factors of the Gaussian ψ_ε on the grid, per particle and axis.

    ψ_ε(u_c − v_q) = (2πε)^{−d/2} Π_a e^{−(u_{c,a} − v_{q,a})²/(2ε)} (DESIGN.md §5) is a product over
    the axes, so the values at every grid point within the cut-off follow from d·(2K + 1) exponentials
    per particle instead of one per (grid point, particle) pair. Returns (cells, E): cells[q, a] the
    clamped cell index of v_q along axis a, and E[q, a, k] = e^{−(axis[cells[q, a] + k − K] − v_{q,a})²/(2ε)}
    (0 where that index falls outside the grid). K must be at least ⌈radius/h⌉ + 1."""
    N, d = v.shape
    width = 2 * K + 1
    cells = np.empty((N, d), dtype=np.int64)
    E = np.zeros((N, d, width))
    for q in numba.prange(N):
        for a in range(d):
            c = _cell_of(v[q, a], L, h, n)
            cells[q, a] = c
            for k in range(width):
                i = c + k - K
                if 0 <= i < n:
                    z = axis[i] - v[q, a]
                    E[q, a, k] = math.exp(-0.5 * (z * z) / eps)
    return cells, E


@numba.njit(cache=True)
def _window(c, K, n):
    """Grid indices [lo, hi) within K cells of cell c along one axis."""
    return max(c - K, 0), min(c + K + 1, n)


@numba.njit(parallel=True, cache=True)
def gaussian_grid_density(v, w, axis, cells, E, K, eps, radius):
    """f_c = Σ_q w_q ψ_ε(u_c − v_q) at the grid points (C order) for the Gaussian ψ_ε, from the factors
    of :func:`gaussian_axis_factors`; the same truncated sum as :func:`grid_density` (the pairs with
    |u_c − v_q|² ≤ radius², the squared distance computed in the same order), up to round-off.

    Parallel over the first grid axis: the row i gathers the particles whose first-axis window covers
    it and scatters w_q ψ_ε into its own row only, so threads never write the same point."""
    N, d = v.shape
    n = axis.shape[0]
    norm = (2.0 * math.pi * eps) ** (-0.5 * d)
    r2max = radius * radius
    counts = np.zeros(n + 1, dtype=np.int64)  # particles sorted by their first-axis cell
    for q in range(N):
        counts[cells[q, 0] + 1] += 1
    starts = np.cumsum(counts)
    fill = starts[:-1].copy()
    order = np.empty(N, dtype=np.int64)
    for q in range(N):
        order[fill[cells[q, 0]]] = q
        fill[cells[q, 0]] += 1
    out = np.zeros(n**d)
    for i in numba.prange(n):
        lo, hi = _window(i, K, n)
        for s in range(starts[lo], starts[hi]):
            q = order[s]
            z0 = axis[i] - v[q, 0]
            r0 = z0 * z0
            if r0 > r2max:
                continue
            weight0 = w[q] * norm * E[q, 0, i - cells[q, 0] + K]
            lo1, hi1 = _window(cells[q, 1], K, n)
            for j in range(lo1, hi1):
                z1 = axis[j] - v[q, 1]
                r1 = r0 + z1 * z1
                if r1 > r2max:
                    continue
                weight1 = weight0 * E[q, 1, j - cells[q, 1] + K]
                if d == 2:
                    out[i * n + j] += weight1
                    continue
                lo2, hi2 = _window(cells[q, 2], K, n)
                base = (i * n + j) * n
                for k in range(lo2, hi2):
                    z2 = axis[k] - v[q, 2]
                    if r1 + z2 * z2 <= r2max:
                        out[base + k] += weight1 * E[q, 2, k - cells[q, 2] + K]
    return out


@numba.njit(parallel=True, cache=True)
def gaussian_entropy_gradient(v, density, axis, cells, E, K, eps, radius, vol):
    """F_p = h^d Σ_c ∇ψ_ε(v_p − u_c)(log f_c + 1) for the Gaussian ψ_ε (∇ψ_ε(z) = −zψ_ε(z)/ε),
    from the factors of :func:`gaussian_axis_factors`: the sum of :func:`entropy_gradient` (same
    pairs, grid points with f_c ≤ 0 skipped) up to round-off, with log f_c taken once per grid point."""
    N, d = v.shape
    n = axis.shape[0]
    M = density.shape[0]
    G = np.zeros(M)
    for c in range(M):  # serial: M logarithms cost less than a parallel region's start-up
        if density[c] > 0.0:
            G[c] = vol * (math.log(density[c]) + 1.0)
    scale = -((2.0 * math.pi * eps) ** (-0.5 * d)) / eps
    r2max = radius * radius
    F = np.zeros((N, d))
    for p in numba.prange(N):
        acc0 = 0.0
        acc1 = 0.0
        acc2 = 0.0
        lo0, hi0 = _window(cells[p, 0], K, n)
        lo1, hi1 = _window(cells[p, 1], K, n)
        lo2, hi2 = _window(cells[p, d - 1], K, n)
        for i in range(lo0, hi0):
            z0 = v[p, 0] - axis[i]
            r0 = z0 * z0
            if r0 > r2max:
                continue
            e0 = E[p, 0, i - cells[p, 0] + K]
            for j in range(lo1, hi1):
                z1 = v[p, 1] - axis[j]
                r1 = r0 + z1 * z1
                if r1 > r2max:
                    continue
                e01 = e0 * E[p, 1, j - cells[p, 1] + K]
                if d == 2:
                    g = G[i * n + j] * e01
                    acc0 += g * z0
                    acc1 += g * z1
                    continue
                base = (i * n + j) * n
                for k in range(lo2, hi2):
                    z2 = v[p, 2] - axis[k]
                    if r1 + z2 * z2 <= r2max:
                        g = G[base + k] * e01 * E[p, 2, k - cells[p, 2] + K]
                        acc0 += g * z0
                        acc1 += g * z1
                        acc2 += g * z2
        F[p, 0] = scale * acc0
        F[p, 1] = scale * acc1
        if d == 3:
            F[p, 2] = scale * acc2
    return F


@numba.njit(parallel=True, cache=True)
def velocities_direct(v, w, F, C, gamma, code):
    """dv_p/dt = −Σ_q w_q A(v_p − v_q)(F_p − F_q), the O(N²) pair sum (any γ; code = gamma_code(γ))."""
    N, d = v.shape
    out = np.zeros((N, d))
    for p in numba.prange(N):
        z = np.empty(d)
        g = np.empty(d)
        acc0 = 0.0
        acc1 = 0.0
        acc2 = 0.0
        for q in range(N):
            for a in range(d):
                z[a] = v[p, a] - v[q, a]
                g[a] = F[p, a] - F[q, a]
            u = pair_velocity(z, g, C, gamma, code)
            acc0 += w[q] * u[0]
            acc1 += w[q] * u[1]
            acc2 += w[q] * u[2]
        out[p, 0] = -acc0
        out[p, 1] = -acc1
        if d == 3:
            out[p, 2] = -acc2
    return out


@numba.njit(cache=True)
def velocities_moment_form(v, w, F, C):
    """The γ = 0 pair sum in O(N) through moments of the cloud (serial: ~60 flops per particle, less
    than the start-up of a parallel region for any N the grid gathers allow).

    With a = v_p, f = F_p, b = v_q, g = F_q, A(z) = C(|z|²I − z⊗z):
      Σ_q w_q |a − b|²(f − g) = f(|a|²W − 2a·M + E) − (|a|²S_g − 2Pᵀa + U),
      Σ_q w_q (a−b)((a−b)·(f−g)) = a((a·f)W − a·S_g − M·f + tr P) − (a·f)M + Pa + Sf − V,
    where W = Σw, M = Σw b, E = Σw|b|², S_g = Σw g, P = Σw b⊗g, U = Σw|b|²g, S = Σw b⊗b,
    V = Σw b(b·g).
    """
    N, d = v.shape
    W = 0.0
    E = 0.0
    M = np.zeros(d)
    Sg = np.zeros(d)
    U = np.zeros(d)
    V = np.zeros(d)
    P = np.zeros((d, d))
    S = np.zeros((d, d))
    for q in range(N):
        wq = w[q]
        b2 = 0.0
        bg = 0.0
        for i in range(d):
            b2 += v[q, i] * v[q, i]
            bg += v[q, i] * F[q, i]
        W += wq
        E += wq * b2
        for i in range(d):
            M[i] += wq * v[q, i]
            Sg[i] += wq * F[q, i]
            U[i] += wq * b2 * F[q, i]
            V[i] += wq * v[q, i] * bg
            for j in range(d):
                P[i, j] += wq * v[q, i] * F[q, j]
                S[i, j] += wq * v[q, i] * v[q, j]
    trace_p = 0.0
    for i in range(d):
        trace_p += P[i, i]
    out = np.empty((N, d))
    for p in range(N):
        a2 = 0.0
        af = 0.0
        aM = 0.0
        aSg = 0.0
        Mf = 0.0
        for i in range(d):
            a2 += v[p, i] * v[p, i]
            af += v[p, i] * F[p, i]
            aM += v[p, i] * M[i]
            aSg += v[p, i] * Sg[i]
            Mf += M[i] * F[p, i]
        for j in range(d):
            pta = 0.0  # (Pᵀa)_j
            pa = 0.0  # (P a)_j
            sf = 0.0  # (S f)_j
            for i in range(d):
                pta += v[p, i] * P[i, j]
                pa += P[j, i] * v[p, i]
                sf += S[j, i] * F[p, i]
            term1 = F[p, j] * (a2 * W - 2.0 * aM + E) - (a2 * Sg[j] - 2.0 * pta + U[j])
            term2 = v[p, j] * (af * W - aSg - Mf + trace_p) - af * M[j] + pa + sf - V[j]
            out[p, j] = -C * (term1 - term2)
    return out


def dissipation(v, w, F, C, gamma, code) -> float:
    """D_ε = ½ Σ_{p,q} w_p w_q (F_p − F_q)·A(v_p − v_q)(F_p − F_q) (seed 000 Remark 29). The terms
    come from numba; their sum is taken here, in a fixed order, because a ``.sum()`` inside a
    parallel numba function is a parallel reduction whose last bits depend on the thread count."""
    return 0.5 * float(np.sum(dissipation_terms(v, w, F, C, gamma, code)))


@numba.njit(parallel=True, cache=True)
def dissipation_terms(v, w, F, C, gamma, code):
    """The terms p of D_ε without the ½: w_p Σ_q w_q (F_p − F_q)·A(v_p − v_q)(F_p − F_q)."""
    N, d = v.shape
    partial = np.zeros(N)
    for p in numba.prange(N):
        z = np.empty(d)
        g = np.empty(d)
        acc = 0.0
        for q in range(N):
            for a in range(d):
                z[a] = v[p, a] - v[q, a]
                g[a] = F[p, a] - F[q, a]
            u = pair_velocity(z, g, C, gamma, code)
            dot = 0.0
            for a in range(d):
                dot += g[a] * u[a]
            acc += w[q] * dot
        partial[p] = w[p] * acc
    return partial


INTERACTIONS = ("auto", "direct", "moments", "fmm")


def resolve_interaction(interaction: str, d: int, gamma: float, particles: int) -> str:
    """The pair-sum method for ``interaction``: 'moments' (γ = 0, O(N), round-off equal to the direct
    sum), 'fmm' (γ = −3, d = 3, O(N log N), to the FMM precision; :mod:`.pair_sum_fmm`), 'direct'
    (O(N²), any γ). 'auto' takes moments for γ = 0, the FMM for 3D Coulomb above
    ``pair_sum_fmm.CROSSOVER_PARTICLES`` particles when fmm3dpy is installed, else direct."""
    from . import pair_sum_fmm

    if interaction not in INTERACTIONS:
        raise ValueError(f"interaction must be one of {', '.join(INTERACTIONS)}, got {interaction!r}")
    if interaction == "moments" and gamma != 0:
        raise ValueError(f"the moment form of the interaction needs gamma = 0, got {gamma!r}")
    if interaction == "fmm":
        if d != 3 or gamma != -3:
            raise ValueError(f"the FMM pair sum needs d = 3 and gamma = -3 (Coulomb), got d = {d}, gamma = {gamma!r}")
        if not pair_sum_fmm.available():
            raise ValueError("the FMM pair sum needs the fmm3dpy package (pip install fmm3dpy)")
    if interaction != "auto":
        return interaction
    if gamma == 0:
        return "moments"
    if d == 3 and gamma == -3 and particles > pair_sum_fmm.CROSSOVER_PARTICLES and pair_sum_fmm.available():
        return "fmm"
    return "direct"


class BlobSystem:
    """The semi-discrete blob system on a fixed grid: positions → velocities, entropy, dissipation.

    For the Gaussian mollifier the density and F_p go through the separable factors
    (:func:`gaussian_axis_factors`, computed once per evaluation and shared by both gathers); for the
    exponential kernel through the cell-list gathers :func:`grid_density` and :func:`entropy_gradient`."""

    def __init__(self, grid: CellGrid, weights: np.ndarray, C: float, gamma: float, eps: float,
                 kernel: str = "gaussian", interaction: str = "auto"):
        if kernel not in KERNELS:
            raise ValueError(f"kernel must be one of {sorted(KERNELS)}, got {kernel!r}")
        require_positive("eps", eps)
        require_positive("C (collision constant)", C)
        if not np.isfinite(gamma) or not -4.0 <= gamma <= 1.0:
            raise ValueError(f"gamma must be in [-4, 1], got {gamma!r}")
        weights = np.asarray(weights, dtype=float)
        if weights.ndim != 1 or not np.all(np.isfinite(weights)) or np.any(weights < 0):
            raise ValueError("weights must be a finite, non-negative 1-D array")
        self.interaction = resolve_interaction(interaction, grid.d, float(gamma), len(weights))
        self.grid, self.w, self.C, self.gamma, self.eps = grid, weights, float(C), float(gamma), float(eps)
        self.kind = KERNELS[kernel]
        self.gamma_code = gamma_code(gamma)
        self.radius = cutoff_radius(self.kind, self.eps)
        self.window = int(math.ceil(self.radius / grid.h)) + 1  # K of gaussian_axis_factors

    @property
    def use_moments(self) -> bool:
        return self.interaction == "moments"

    def _factors(self, v: np.ndarray):
        g = self.grid
        return gaussian_axis_factors(v, g.axis, g.L, g.h, g.n, self.eps, self.window)

    def _density(self, v: np.ndarray, factors) -> np.ndarray:
        g = self.grid
        if self.kind == GAUSSIAN:
            return gaussian_grid_density(v, self.w, g.axis, *factors, self.window, self.eps, self.radius)
        return grid_density(v, self.w, g.points, g.L, g.h, g.n, self.kind, self.eps, self.radius)

    def _gradient(self, v: np.ndarray, density: np.ndarray, factors) -> np.ndarray:
        g = self.grid
        if self.kind == GAUSSIAN:
            return gaussian_entropy_gradient(v, density, g.axis, *factors, self.window, self.eps, self.radius,
                                             g.cell_volume)
        return entropy_gradient(v, density, g.points, g.L, g.h, g.n, self.kind, self.eps, self.radius)

    def density(self, v: np.ndarray) -> np.ndarray:
        return self._density(v, self._factors(v) if self.kind == GAUSSIAN else None)

    def entropy_gradient(self, v: np.ndarray, density: np.ndarray | None = None) -> np.ndarray:
        return self.density_and_gradient(v, density)[1]

    def density_and_gradient(self, v: np.ndarray, density: np.ndarray | None = None):
        """(f_c on the grid, F_p), sharing the Gaussian factors between the two gathers."""
        factors = self._factors(v) if self.kind == GAUSSIAN else None
        density = self._density(v, factors) if density is None else density
        return density, self._gradient(v, density, factors)

    def pair_velocities(self, v: np.ndarray, F: np.ndarray) -> np.ndarray:
        """−Σ_q w_q A(v_p − v_q)(F_p − F_q) by the system's pair-sum method (:func:`resolve_interaction`)."""
        if self.interaction == "moments":
            return velocities_moment_form(v, self.w, F, self.C)
        if self.interaction == "fmm":
            from .pair_sum_fmm import coulomb_velocities_fmm

            return coulomb_velocities_fmm(v, self.w, F, self.C)
        return velocities_direct(v, self.w, F, self.C, self.gamma, self.gamma_code)

    def velocities(self, v: np.ndarray) -> np.ndarray:
        return self.pair_velocities(v, self.entropy_gradient(v))

    def entropy(self, density: np.ndarray) -> float:
        """H_ε^h = h^d Σ_c f_c log f_c (midpoint rule; 0 log 0 = 0)."""
        positive = density[density > 0]
        return float(self.grid.cell_volume * np.sum(positive * np.log(positive)))

    def dissipation(self, v: np.ndarray, F: np.ndarray | None = None) -> float:
        """D_ε of seed 000 Remark 29; ``F`` the entropy gradient at v when already known.

        Direct pair sum: the symmetric double sum ½Σ_{p,q}. Moment form and FMM: the same double sum
        rewritten by the pair symmetry of A as D_ε = Σ_p w_p F_p·Σ_q w_q A(v_p − v_q)(F_p − F_q)
        = −Σ_p w_p F_p·u_p, with u_p from the fast pair sum (O(N) resp. O(N log N) instead of O(N²))."""
        F = self.entropy_gradient(v) if F is None else F
        if self.interaction == "direct":
            return float(dissipation(v, self.w, F, self.C, self.gamma, self.gamma_code))
        return float(-np.sum(self.w[:, None] * F * self.pair_velocities(v, F)))
