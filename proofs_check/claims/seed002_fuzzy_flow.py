"""Claims of 002_5194c2b1fb63adc7.txt measured along solutions of the fuzzy Landau solver
(:mod:`landau_num.fuzzy`).

- ``fuzzy-flow-conservation`` (§1.3): global mass, momentum and energy along a computed flow;
- ``fuzzy-constant-kernel-homogeneous`` (Remark 2.2, (2.6)–(2.7)): with κ ≡ 1/|T| the x-average
  F̄ of f solves the homogeneous Landau equation (the transport term averages out): the fuzzy
  solver's x-average against the homogeneous spectral solver started from F̄, step by step;
- ``fuzzy-maxwell-moment-flow``: for γ = 0 the per-cell moments of the spatially frozen flow
  ∂ₜf = Q_fuz(f) against the closed moment law (``fuzzy-maxwell-cell-moments``, derived in
  ``landau_sym.identities.seed002_fuzzy_reduction``), solved by an independent ODE integrator;
- ``fuzzy-delta-limit`` (Remark 2.2, σ → 0): the distance of the solution with κ^σ to the one with
  κ = δ (the classical equation (1.4)) as σ shrinks, and its measured rate;
- ``fuzzy-chain-rule`` (Theorem 3.6, (3.9)): H(f_t) − H(f_s) = ½∫∫∇̃log f dU with U =
  −κff*∇̃log f, i.e. −∫_s^t D(f_r)dr with D of (1.10), along the computed flow;
- ``fuzzy-lemma-2.6`` (Lemma 2.6, (2.17)): the weighted and cross Fisher informations against
  1 + D along flows for several kernels, with the printed constant (a₀⁻² + 1)‖f‖_{L¹_{0,2+|γ|}}.

Computations use velocity dimension d = 2 where the statement does not depend on d = 3 (it keeps
each entry within seconds); the Fisher/dissipation entries use d = 3, the seed's setting.
"""
from __future__ import annotations

import math

import numpy as np
import sympy as sp

from landau_sym.fuzzy import maxwell_cell_moment_rates
from landau_sym.registry import CrossCheck, Identity, Outcome, register

REFERENCE = "002_5194c2b1fb63adc7.txt"


def _no_cross_check() -> CrossCheck:
    """Measured claims have no separate symbolic verdict to cross-check: the residual is 0 by
    construction (the measurement is the check), stated as such."""
    return CrossCheck(lambda draw: 0.0, 0.0, "measured claim: the check itself is the numeric computation", examples=1)


def _solver(case_name: str, case_parameters: dict | None = None, **params):
    from landau_num.cases import get_case
    from landau_num.core.registry import get_solver

    return get_solver("fuzzy")(get_case(case_name, **(case_parameters or {})), **params)


def _flow(solver, every: int = 1):
    """(times, states) of the solver from t₀ to T, every ``every`` steps."""
    tg = solver.time
    y, times, states = solver.y0, [tg.t0], [solver.y0]
    done = 0
    while done < tg.steps:
        k = min(every, tg.steps - done)
        y = solver.advance(y, tg.step, k)
        done += k
        times.append(tg.time_at(done))
        states.append(y)
    return np.array(times), states


# --- conservation ---------------------------------------------------------------------------------

def conservation_drifts(moments: np.ndarray) -> dict:
    """Drifts of (mass, momentum, energy) rows against the first: mass and energy relative, momentum
    against √(mass·energy) (the run driver's scale)."""
    first = moments[0]
    scale = math.sqrt(abs(first[0] * first[-1]))
    return {"mass": float(np.abs(moments[:, 0] - first[0]).max() / abs(first[0])),
            "momentum": float(np.abs(moments[:, 1:-1] - first[1:-1]).max() / scale),
            "energy": float(np.abs(moments[:, -1] - first[-1]).max() / abs(first[-1]))}


CONSERVATION_LIMITS = {"mass": 1e-10, "momentum": 1e-10, "energy": 1e-8}


def check_conservation() -> Outcome:
    solver = _solver("fuzzy-shear", {"d": 2}, nx=7, n=20, T=0.3)
    _, states = _flow(solver, 2)
    moments = np.array([solver.operator.global_moments(f) for f in states])
    drifts = conservation_drifts(moments)
    ok = all(drifts[k] <= CONSERVATION_LIMITS[k] for k in drifts)
    return Outcome("verified" if ok else "refuted", {
        "drifts": drifts, "limits": CONSERVATION_LIMITS,
        "setting": "fuzzy-shear (d = 2), exponential κ^σ, σ = 0.5, nx = 7, n = 20, T = 0.3, Strang + RK4",
        "why the limits": "the scheme conserves to round-off by construction (exact transport keeps the x-average "
                          "at every v; the conservative operator has zero global moments; RK4 keeps linear "
                          "invariants), so drifts are ~1e-15; the limits are the issue's acceptance levels"})


register(Identity(
    id="fuzzy-flow-conservation",
    title="fuzzy Landau: global mass, momentum, energy conserved along the computed flow",
    statement=r"\int f_t\,dx\,dv,\ \int f_t v\,dx\,dv,\ \int f_t|v|^2\,dx\,dv \text{ constant in } t",
    reference=f"{REFERENCE}, §1.3 (conservation laws)",
    kind="conservation law", method="measured: fuzzy solver (Strang splitting, conservative operator)",
    check=check_conservation, cross_check=_no_cross_check(),
))


# --- κ ≡ const: the homogeneous equation for the x-average ---------------------------------------

def constant_kernel_difference(conservative: bool, steps: int = 8, dt: float = 0.02) -> float:
    """max|F̄_fuzzy − F_hom| / max|F_hom| after ``steps`` steps, F̄ the x-average of the fuzzy
    solution with κ ≡ 1/|T| and F_hom the homogeneous spectral RK4 solution from F̄(0)."""
    from landau_num.time_integration import rk4_step

    solver = _solver("fuzzy-shear", {"d": 2}, nx=5, n=16, T=steps * dt, dt=dt, kernel="constant",
                     conservative=conservative)
    f = solver.advance(solver.y0, solver.time.step, solver.time.steps)
    F = solver.y0.mean(axis=0)
    for _ in range(solver.time.steps):
        F = rk4_step(solver.operator.velocity.apply, F, solver.time.step)
    return float(np.abs(f.mean(axis=0) - F).max() / np.abs(F).max())


def check_constant_kernel() -> Outcome:
    exact = constant_kernel_difference(conservative=False)
    corrected = constant_kernel_difference(conservative=True)
    ok = exact <= 1e-12
    return Outcome("verified" if ok else "refuted", {
        "max relative difference (operator without conservative correction)": exact,
        "tolerance": 1e-12,
        "why": "the x-average of a Strang step is the homogeneous RK4 step exactly (transport keeps the "
               "x-average; Q_fuz is linear in f given g = F̄), so the two agree to round-off (8 steps)",
        "with the conservative correction (the correction's size, not an error of the limit)": corrected,
        "time scaling": "on T with ∫κ = 1 the average F̄ of mass m solves ∂ₜF̄ = Q(F̄, F̄), i.e. F̄(t) = m F₁(mt) "
                        "for the unit-mass solution F₁ (Remark 2.2 on R^d with κ = 1 is the same with F = ∫f dx)",
        "setting": "fuzzy-shear (d = 2), nx = 5, n = 16, dt = 0.02"})


register(Identity(
    id="fuzzy-constant-kernel-homogeneous",
    title="κ ≡ const: the x-average of the fuzzy solution solves the homogeneous Landau equation",
    statement=r"\partial_t F = Q_{\mathsf{hom}}(F,F),\ F(v) = \int f\,dx \quad (\kappa \equiv 1)",
    reference=f"{REFERENCE}, Remark 2.2, (2.6)–(2.7)",
    kind="identity", method="measured: fuzzy solver (κ const) vs homogeneous spectral solver, step by step",
    check=check_constant_kernel, cross_check=_no_cross_check(), quick=False,
))


# --- Maxwell molecules: per-cell moments ----------------------------------------------------------

def _moment_rhs(d: int, C: float):
    """The closed per-cell law as a numpy function of (ρ, j, P, ρ_g, m_g, P_g) (lambdified from
    :func:`landau_sym.fuzzy.maxwell_cell_moment_rates`)."""
    rho, rho_g = sp.symbols("rho rho_g")
    j, m = sp.Matrix(sp.symbols(f"j1:{d + 1}")), sp.Matrix(sp.symbols(f"m1:{d + 1}"))
    P = sp.Matrix(d, d, lambda a, b: sp.Symbol(f"P{min(a, b)}{max(a, b)}"))
    Pg = sp.Matrix(d, d, lambda a, b: sp.Symbol(f"Q{min(a, b)}{max(a, b)}"))
    _, dj, dP = maxwell_cell_moment_rates(d, sp.Float(C), rho, j, P, rho_g, m, Pg)
    args = [rho, *j, *sorted(P.free_symbols, key=str), rho_g, *m, *sorted(Pg.free_symbols, key=str)]
    fj, fP = sp.lambdify(args, dj, "numpy"), sp.lambdify(args, dP, "numpy")

    def unpack(M):
        return [M[a, b] for a in range(d) for b in range(a, d)]

    def rates(rho_v, j_v, P_v, rho_gv, m_v, Pg_v):
        values = [rho_v, *j_v, *unpack(P_v), rho_gv, *m_v, *unpack(Pg_v)]
        return np.asarray(fj(*values), dtype=float).ravel(), np.asarray(fP(*values), dtype=float)

    return rates


def cell_moments(f: np.ndarray, op) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ρ, j, P) per cell of a state (cells along the first axis, d_x = 1)."""
    vs = op.velocity_axes()
    vol = op.grid.cell_volume
    axes = tuple(range(1, 1 + op.grid.d))
    rho = f.sum(axis=axes) * vol
    j = np.stack([(f * v).sum(axis=axes) * vol for v in vs], axis=1)
    P = np.stack([np.stack([(f * a * b).sum(axis=axes) * vol for b in vs], axis=1) for a in vs], axis=1)
    return rho, j, P


def maxwell_moment_flow(T: float = 0.5, sigma: float = 0.5) -> dict:
    from scipy.integrate import solve_ivp

    solver = _solver("fuzzy-average", {"d": 2}, nx=5, n=48, L=9.0, T=T, kernel="exponential", sigma=sigma,
                     transport=False, conservative=False)
    op, d = solver.operator, solver.case.d
    kappa = solver.kernel.values * solver.torus.cell_volume  # h_x κ(x_i − x_0): g_i = Σ_j κ_{i−j} f_j
    N = kappa.size
    circulant = np.array([[kappa[(i - j) % N] for j in range(N)] for i in range(N)])
    rates = _moment_rhs(d, solver.case.C)
    rho0, j0, P0 = cell_moments(solver.y0, op)

    def rhs(_, y):
        j = y[: N * d].reshape(N, d)
        P = y[N * d:].reshape(N, d, d)
        m, Pg, rho_g = circulant @ j, np.einsum("ik,kab->iab", circulant, P), circulant @ rho0
        out_j, out_P = np.empty_like(j), np.empty_like(P)
        for i in range(N):
            out_j[i], out_P[i] = rates(rho0[i], j[i], P[i], rho_g[i], m[i], Pg[i])
        return np.concatenate([out_j.ravel(), out_P.ravel()])

    ode = solve_ivp(rhs, (0.0, T), np.concatenate([j0.ravel(), P0.ravel()]), method="DOP853", rtol=1e-13,
                    atol=1e-15)
    f = solver.advance(solver.y0, solver.time.step, solver.time.steps)
    rho, j, P = cell_moments(f, op)
    y = ode.y[:, -1]
    scale = np.abs(P0).max()
    return {"mass_change": float(np.abs(rho - rho0).max() / np.abs(rho0).max()),
            "momentum_error": float(np.abs(j - y[: N * d].reshape(N, d)).max() / scale),
            "second_moment_error": float(np.abs(P - y[N * d:].reshape(N, d, d)).max() / scale),
            "second_moment_change": float(np.abs(P - P0).max() / scale),
            "momentum_change": float(np.abs(j - j0).max() / scale), "dt": solver.time.step, "steps": solver.time.steps}


MOMENT_TOLERANCE = 1e-8


def check_moment_flow() -> Outcome:
    result = maxwell_moment_flow()
    worst = max(result["mass_change"], result["momentum_error"], result["second_moment_error"])
    return Outcome("verified" if worst <= MOMENT_TOLERANCE else "refuted", {
        **result, "tolerance": MOMENT_TOLERANCE,
        "why the tolerance": "RK4 on f gives RK4 on the (quadratic) moment law exactly, so the difference is the "
                             "RK4 error O((4dC·dt)^4) ≈ 1e-11 plus the box/spectral truncation of the moment "
                             "identities (L = 9: f ≈ 1e-12 at the edge); 1e-8 is the issue's target",
        "setting": "fuzzy-average datum (d = 2, γ = 0, C = 1/24), exponential κ^σ, σ = 0.5, no transport, "
                   "nx = 5, n = 48, L = 9, T = 0.5; ODE by DOP853 (rtol 1e-13)"})


register(Identity(
    id="fuzzy-maxwell-moment-flow",
    title="γ = 0: per-cell moments of the computed fuzzy collision flow follow the closed moment law",
    statement=r"(\rho, j, P)(x,t) \text{ of } \partial_t f = Q_{\mathsf{fuz}}(f) \text{ solve the law of fuzzy-maxwell-cell-moments}",
    reference=f"{REFERENCE}, (1.1) with (1.3), γ = 0 (derived law, along the computed flow)",
    kind="rate", method="measured: fuzzy solver (no transport) vs DOP853 solution of the closed moment ODE",
    check=check_moment_flow, cross_check=_no_cross_check(), quick=False,
))


# --- σ → 0: the classical equation (1.4) ----------------------------------------------------------

DELTA_SIGMAS = (0.4, 0.2, 0.1)


def delta_limit_distances(sigmas=DELTA_SIGMAS, T: float = 0.3) -> dict:
    common = dict(nx=63, n=16, T=T, dt=0.03)
    reference = _solver("fuzzy-shear", {"d": 2}, kernel="delta", **common)
    f_delta = reference.advance(reference.y0, reference.time.step, reference.time.steps)
    norm = np.abs(f_delta).sum()
    out = {}
    for sigma in sigmas:
        solver = _solver("fuzzy-shear", {"d": 2}, kernel="exponential", sigma=sigma, **common)
        f = solver.advance(solver.y0, solver.time.step, solver.time.steps)
        out[sigma] = float(np.abs(f - f_delta).sum() / norm)
    return out


def check_delta_limit() -> Outcome:
    distances = delta_limit_distances()
    s = np.array(list(distances))
    e = np.array(list(distances.values()))
    rates = np.log(e[:-1] / e[1:]) / np.log(s[:-1] / s[1:])
    ok = bool(np.all(np.diff(e) < 0) and rates[-1] > 0.5)
    return Outcome("verified" if ok else "refuted", {
        "relative L1 distance to the κ = δ solution": {str(k): v for k, v in distances.items()},
        "observed rates (log ratio / log σ ratio)": rates.tolist(),
        "expected": "O(σ): κ^σ ∗ f − f ≈ ½ m₂(σ) ∂²f with the second moment m₂ ∝ σ (width √σ)",
        "criterion": "distances decrease as σ shrinks and the last observed rate exceeds 1/2",
        "setting": "fuzzy-shear (d = 2), nx = 63 (h_x ≈ 0.1, below the width √σ ≥ 0.32), n = 16, T = 0.3, "
                   "dt = 0.03"})


register(Identity(
    id="fuzzy-delta-limit",
    title="σ → 0: the fuzzy solution approaches the classical inhomogeneous Landau solution (1.4), rate measured",
    statement=r"\kappa^\sigma \to \delta \ (\sigma \to 0):\ (1.1) \to (1.4)",
    reference=f"{REFERENCE}, Remark 2.2; (1.4)",
    kind="rate", method="measured: fuzzy solver with κ^σ against κ = δ, σ = 0.4, 0.2, 0.1",
    check=check_delta_limit, cross_check=_no_cross_check(), quick=False,
))


# --- Theorem 3.6: the chain rule along the flow ----------------------------------------------------

NX_CHAIN, N_CHAIN = 15, 48


def chain_rule_errors(T: float = 0.12) -> dict:
    from landau_num.fuzzy import diagnostics as dg

    solver = _solver("fuzzy-shear", {"d": 2}, nx=NX_CHAIN, n=N_CHAIN, T=T, dt=T / 16)
    times, states = _flow(solver, 1)
    op = solver.operator
    H = np.array([dg.entropy(f, op) for f in states])
    D = np.array([dg.dissipation_pair(f, op) for f in states])
    D_op = np.array([dg.dissipation_operator(f, op) for f in states])
    # Simpson's rule over pairs of steps
    dt = np.diff(times)[0]
    integral = np.concatenate([[0.0], np.cumsum((D[:-2:2] + 4 * D[1:-1:2] + D[2::2]) * dt / 3)])
    change = H[::2] - H[0]
    return {"H": H.tolist(), "D_pair": D.tolist(), "D_op": D_op.tolist(),
            "relative error of H(t) - H(0) + int D": float(np.abs(change + integral).max() / abs(change[-1])),
            "max |D_op - D_pair| / D_pair": float(np.abs(D_op - D).max() / np.abs(D).min())}


def check_chain_rule() -> Outcome:
    errors = chain_rule_errors()
    tol = 1e-3
    ok = errors["relative error of H(t) - H(0) + int D"] <= tol
    return Outcome("verified" if ok else "refuted", {
        **errors, "tolerance": tol,
        "why the tolerance": "the residual is the time and space discretisation error (measured 7e-6, the size of "
                             "D_op − D_pair); 1e-3 is the dissipation checks' level. On an under-resolved grid "
                             "(nx = 5, n = 28, d = 3) the residual was 1.6e-2 together with D_op − D_pair of 3e-2: "
                             "the grid's error, which is why the check runs on a resolved grid",
        "setting": "fuzzy-shear (d = 2), exponential κ^σ, σ = 0.5, nx = 15, n = 48, 16 steps of T/16, T = 0.12; "
                   "U = −κff*∇̃log f so ½∫∇̃log f dU = −D of (1.10), D computed by convolutions (not from Q)"})


register(Identity(
    id="fuzzy-chain-rule",
    title="Theorem 3.6 along the computed flow: H(f_t) − H(f_s) = ½∫∫∇̃log f dU = −∫D",
    statement=r"\mathcal{H}(\mu_t) - \mathcal{H}(\mu_s) = \frac12\int_s^t\int_{\mathbb{R}^{12}}\tilde\nabla\log f_r\,d\mathcal{U}_r\,dr",
    reference=f"{REFERENCE}, Theorem 3.6, (3.9)–(3.10); §1.3 entropy identity with (1.10)",
    kind="theorem", method="measured: entropy of the computed flow against Simpson's rule of D_pair (1.10)",
    check=check_chain_rule, cross_check=_no_cross_check(), quick=False,
))


# --- Lemma 2.6 --------------------------------------------------------------------------------------

def lemma26_measurements(kernels=(("exponential", 0.5), ("exponential", 0.05), ("constant", None))) -> list[dict]:
    from landau_num.fuzzy import diagnostics as dg

    rows = []
    for case in ("fuzzy-shear", "fuzzy-local-maxwellians"):
        for kind, sigma in kernels:
            solver = _solver(case, {}, nx=5, n=28, T=0.05, kernel=kind, sigma=sigma or 1.0)
            op, gamma = solver.operator, solver.case.gamma
            for f in (solver.y0, solver.advance(solver.y0, solver.time.step, solver.time.steps)):
                weighted, cross = dg.fisher_terms(f, op, gamma)
                D = dg.dissipation_pair(f, op)
                ratio = (weighted + cross) / (1 + D)
                constant = dg.lemma26_constant(f, op, gamma)
                rows.append({"case": case, "kernel": kind, "sigma": sigma, "min kappa": solver.kernel.minimum,
                             "fisher_weighted": weighted, "fisher_cross": cross, "D": D, "ratio": ratio,
                             "printed constant (a0^-2+1)||f||": constant, "ratio / constant": ratio / constant})
    return rows


def check_lemma26() -> Outcome:
    rows = lemma26_measurements()
    implied = max(r["ratio / constant"] for r in rows)
    ok = all(np.isfinite(r["ratio"]) for r in rows) and implied <= 1.0
    return Outcome("verified" if ok else "inconclusive", {
        "rows": rows, "largest ratio / printed constant": implied,
        "criterion": "(2.17) with C(f) ≲ (a₀⁻² + 1)‖f‖_{L¹_{0,2+|γ|}} (γ = −2): the implicit constant is not "
                     "given; verified means the measured ratio stays below the printed constant itself "
                     "(implicit constant 1) on every tested density and kernel",
        "note": "the proof uses κ ≥ C_κ⁻¹; the printed C(f) does not show C_κ. For a fixed f the ratio "
                "stays bounded as κ → δ (D → 0 gives ratio → the Fisher terms), so these data cannot "
                "separate the C_κ dependence; a family with cold cells (Fisher ~ 1/ε) and C_κ → ∞ would",
        "setting": "fuzzy-shear and fuzzy-local-maxwellians (d = 3, γ = −2), nx = 5, n = 28, at t = 0 and "
                   "t = 0.05; kernels exponential σ = 0.5, 0.05 and constant"})


register(Identity(
    id="fuzzy-lemma-2.6",
    title="Lemma 2.6: weighted + cross Fisher information ≤ C(f)(1 + D), measured",
    statement=r"\int f\langle v\rangle^\gamma|\nabla_v f/f|^2 + \int f\langle v\rangle^\gamma|\nabla_v f/f\times v|^2 "
              r"\le C(f)(1 + \mathcal{D}(f)),\ C(f) \lesssim (a_0^{-2}+1)\|f\|_{L^1_{0,2+|\gamma|}}",
    reference=f"{REFERENCE}, Lemma 2.6, (2.17)",
    kind="inequality", method="measured: Fisher terms and D (1.10) on computed densities, several kernels",
    check=check_lemma26, cross_check=_no_cross_check(), quick=False,
))


# --- the record checks of `landau run fuzzy` ------------------------------------------------------

def run_record_checks(record) -> dict:
    """Checks on a finished fuzzy run record: conservation at the acceptance levels, H
    non-increasing at every record, the entropy balance H(t) − H(0) = −∫D dt (trapezoid rule over
    the records) and the agreement of D_op and D_pair."""
    from proofs_check import dissipation_checks as checks

    s = record.series
    moments = np.column_stack([np.asarray(s["mass"], float), np.asarray(s["momentum"], float),
                               np.asarray(s["energy"], float)])
    drifts = conservation_drifts(moments)
    H = np.asarray(s["entropy"], float)
    out = {"conservation": {"ok": all(drifts[k] <= CONSERVATION_LIMITS[k] for k in drifts), "drifts": drifts,
                            "limits": CONSERVATION_LIMITS},
           "entropy_non_increasing": {"ok": bool(np.all(np.diff(H) <= 0)),
                                      "largest increase": float(np.diff(H).max()) if H.size > 1 else 0.0}}
    if all(v is not None for v in s["dissipation"] + s["dissipation_pair"]):
        # tolerances: the trapezoid rule of D over records every 5 steps leaves ≈ 3e-3 of ΔH on the default
        # run (D falls by 13 % per record early on); D_op − D_pair is the operator's discretisation error,
        # 0.4–0.6 % at the default n = 28 (it falls with n, as for the spectral solver)
        for name, rtol in (("entropy_balance", 1e-2), ("dissipation_formulas_agree", 2e-2)):
            ok, evidence = getattr(checks, name)(record, rtol=rtol)
            out[name] = {"ok": bool(ok), **evidence}
    else:
        out["dissipation"] = {"ok": False, "reason": "the velocity grid does not resolve f (null dissipation): "
                                                     "increase --n"}
    return out
