"""The kernel library: every formula the numeric layer evaluates, stated once (DESIGN.md §4).

Each :class:`KernelSpec` names a function of scalar arguments returning a tuple of outputs,
built from the symbolic definitions the identity registry verifies (``geometry.landau_kernel``,
``exact_solutions``, ``hermite``, ``mollifiers``, ``potentials``, ``rotations``): nothing here is
a second copy of a formula. ``landau codegen`` prints these specs to ``landau_num/_generated/``.

``prelude`` holds (symbol, expression) assignments evaluated first; ``guards`` are
(condition, outputs) pairs tested next: they encode limits such as z → 0.
``domain`` gives, for each argument, the interval on which the kernel is meant to be used (the
property tests draw points there, including its hard ends).

The z → 0 convention for the Landau matrix (all γ): A(0) = 0 and (∇·A)(0) = 0. For γ > −2
(resp. γ > −1 for the divergence) this is the continuous limit. For smaller γ there is no limit
(|z|^{γ+2}Π(z) depends on the direction or blows up); 0 is the value that makes the pair term
of a particle method vanish for coincident particles, which is what the symmetric pair sum
requires (the pair (p, p) carries F_p − F_p = 0, and ∇·A is odd).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from .fuzzy import exponential_profile, gaussian_profile
from .exact_solutions import (
    anisotropic_maxwellian, bkw_density, bkw_expectation, bkw_K, bkw_polynomial_coefficients, maxwellian, score,
)
from .geometry import Coordinates, landau_kernel, power_law
from .hermite import hermite_he
from .mollifiers import exponential_mollifier, gaussian_mollifier
from .operators import matrix_divergence
from .potentials import alpha_cutoff, alpha_smooth, log_derivative_ratio
from .rotations import rodrigues

DIMENSIONS = (2, 3)
HERMITE_MAX_DEGREE = 10


@dataclass(frozen=True)
class KernelSpec:
    """One generated function.

    ``source`` is the dotted name of the ``landau_sym`` function whose expression the kernel
    prints: the outermost ``landau_sym`` call that builds the outputs (sympy-only steps such as
    ``diff``, ``simplify``, a matrix-vector product or the z-scaling are not counted), e.g.
    ``landau_sym.exact_solutions.score`` for a score, ``landau_sym.mollifiers.gaussian_mollifier``
    for the mollifier and its derivatives. The generated docstring names it.
    """

    name: str
    module: str
    args: tuple[sp.Symbol, ...]
    outputs: tuple[sp.Expr, ...]
    doc: str
    domain: dict[str, tuple[float, float]] = field(default_factory=dict)
    guards: tuple[tuple[sp.Basic, tuple[sp.Expr, ...]], ...] = ()
    prelude: tuple[tuple[sp.Symbol, sp.Expr], ...] = ()
    source: str = ""

    def unscaled_outputs(self) -> tuple[sp.Expr, ...]:
        """The outputs with the prelude substituted back: a function of ``args`` alone."""
        outputs = self.outputs
        for symbol, value in reversed(self.prelude):
            outputs = tuple(sp.sympify(o).subs(symbol, value) for o in outputs)
        return outputs


def _source(function) -> str:
    """Dotted name of a ``landau_sym`` function, taken from the object itself (no typed names)."""
    return f"{function.__module__}.{function.__qualname__}"


def _vec(prefix: str, d: int) -> tuple[sp.Symbol, ...]:
    return tuple(sp.symbols(f"{prefix}1:{d + 1}", real=True))


C = sp.Symbol("C", positive=True)
GAMMA = sp.Symbol("gamma", real=True)
EPS = sp.Symbol("eps", positive=True)
ETA = sp.Symbol("eta", positive=True)
R = sp.Symbol("r", nonnegative=True)
KSYM = sp.Symbol("K", positive=True)
T = sp.Symbol("t", real=True)
C0 = sp.Symbol("c0", positive=True)
TEMP = sp.Symbol("T", positive=True)
THETA = sp.Symbol("theta", real=True)

Z_DOMAIN = (-20.0, 20.0)
GAMMA_DOMAIN = (-4.0, 1.0)
SPECIALISED_GAMMAS = {"m3": -3, "m2": -2, "m1": -1, "0": 0, "1": 1}
"""γ values with their own A(z)x kernel: with γ fixed, |z|^γ becomes products and square roots,
which is several times cheaper than pow() in the O(N²) pair loop of a particle method."""


def _scaled(expr: sp.Expr, z: tuple[sp.Symbol, ...], y: tuple[sp.Symbol, ...], s: sp.Symbol) -> sp.Expr:
    """expr(z) rewritten as a function of s = max|z_i| and y = z/s (so |y| ∈ [1, √d]).

    The Landau kernels are homogeneous in z, so the power of s factors out exactly; evaluating
    |y|² instead of |z|² avoids the underflow (|z| < 1e-154) and overflow (|z| > 1e154) that would
    otherwise turn |z|^γ into 0 or ∞ while the true value is finite.
    """
    e = expr.subs(dict(zip(z, [s * c for c in y])), simultaneous=True)
    e = sp.expand_power_base(e.replace(lambda x: x.is_Add, sp.factor_terms))
    return sp.powsimp(e)


def _landau_specs(d: int) -> list[KernelSpec]:
    z = _vec("z", d)
    x = _vec("x", d)
    y = _vec("y", d)
    s = sp.Symbol("s", nonnegative=True)
    coords = Coordinates(z)
    A = C * landau_kernel(sp.Matrix(z), power_law(GAMMA))
    divA = matrix_divergence(A, coords).applyfunc(sp.simplify)
    prelude = ((s, sp.Max(*[sp.Abs(c) for c in z])), *((yc, zc / s) for yc, zc in zip(y, z)))
    at_origin = sp.Eq(s, 0)
    zero = lambda n: (sp.Integer(0),) * n  # noqa: E731
    scaled = lambda exprs: tuple(_scaled(e, z, y, s) for e in exprs)  # noqa: E731
    dom = {**{str(c): Z_DOMAIN for c in z}, "C": (1e-3, 10.0), "gamma": GAMMA_DOMAIN}
    return [
        KernelSpec(f"landau_matrix_{d}d", "landau_matrix", (*z, C, GAMMA), scaled(A),
                   f"A(z) = C|z|^γ(|z|²I − z⊗z), row-major {d}×{d} (DESIGN.md §2); A(0) = 0.",
                   dom, ((at_origin, zero(d * d)),), prelude, _source(landau_kernel)),
        KernelSpec(f"landau_divergence_{d}d", "landau_matrix", (*z, C, GAMMA), scaled(divA),
                   f"∇·A(z) = −C(d−1)|z|^γ z, derived symbolically from A (d = {d}); zero at z = 0.",
                   dom, ((at_origin, zero(d)),), prelude, _source(matrix_divergence)),
        KernelSpec(f"landau_matrix_apply_{d}d", "landau_matrix", (*z, *x, C, GAMMA), scaled(A * sp.Matrix(x)),
                   f"A(z)x for d = {d}, the product a particle method needs; zero at z = 0.",
                   {**dom, **{str(c): (-10.0, 10.0) for c in x}}, ((at_origin, zero(d)),), prelude,
                   _source(landau_kernel)),
    ] + [
        KernelSpec(f"landau_matrix_apply_{d}d_gamma_{tag}", "landau_matrix", (*z, *x, C),
                   tuple(sp.simplify(e.subs(GAMMA, value)) for e in scaled(A * sp.Matrix(x))),
                   f"A(z)x for d = {d} and γ = {value} (landau_matrix_apply_{d}d with γ fixed); zero at z = 0.",
                   {str(c): Z_DOMAIN for c in z} | {"C": (1e-3, 10.0)} | {str(c): (-10.0, 10.0) for c in x},
                   ((at_origin, zero(d)),), prelude, _source(landau_kernel))
        for tag, value in SPECIALISED_GAMMAS.items()
    ]


def _landau_form_gradient_specs(d: int) -> list[KernelSpec]:
    """∇_z(x·A(z)x), A = C|z|^γ(|z|²I − z⊗z): the derivative in the particle positions of the pair
    term of the Landau metric's graph Laplacian on particle measures (000_2c86dc742ea51118.txt (12),
    landau_num.blob.landau_metric). Homogeneous of degree γ + 1 in z; set to 0 at z = 0."""
    z, x, y = _vec("z", d), _vec("x", d), _vec("y", d)
    s = sp.Symbol("s", nonnegative=True)
    A = C * landau_kernel(sp.Matrix(z), power_law(GAMMA))
    form = (sp.Matrix(x).T * A * sp.Matrix(x))[0, 0]
    gradient = tuple(_scaled(sp.diff(form, c), z, y, s) for c in z)
    prelude = ((s, sp.Max(*[sp.Abs(c) for c in z])), *((yc, zc / s) for yc, zc in zip(y, z)))
    dom = {**{str(c): Z_DOMAIN for c in z}, **{str(c): (-10.0, 10.0) for c in x}, "C": (1e-3, 10.0),
           "gamma": GAMMA_DOMAIN}
    return [KernelSpec(f"landau_form_gradient_{d}d", "landau_form", (*z, *x, C, GAMMA), gradient,
                       f"∇_z(x·A(z)x) for d = {d}, the position derivative of the pair term of the Landau "
                       f"metric on particle measures; zero at z = 0.",
                       dom, ((sp.Eq(s, 0), (sp.Integer(0),) * d),), prelude, _source(landau_kernel))]


def _potential_specs() -> list[KernelSpec]:
    dom = {"r": (0.0, 50.0), "gamma": GAMMA_DOMAIN, "eta": (1e-3, 2.0)}
    cutoff = alpha_cutoff(R, GAMMA, ETA)
    smooth = alpha_smooth(R, GAMMA, ETA)
    return [
        KernelSpec("alpha_cutoff", "potentials", (R, GAMMA, ETA), (cutoff,),
                   "α_η(r) = (ηχ(r/η))^γ of 003_2ee84d6b3c804a54.txt Remark 2.1 (χ in landau_sym.potentials).", dom,
                   source=_source(alpha_cutoff)),
        KernelSpec("alpha_cutoff_log_derivative", "potentials", (R, GAMMA, ETA),
                   (sp.piecewise_fold(log_derivative_ratio(cutoff, R)),),
                   "r|α_η′|/α_η, bounded by |γ|/0.99 (condition (2) of seed 003).", dom,
                   source=_source(log_derivative_ratio)),
        KernelSpec("alpha_smooth", "potentials", (R, GAMMA, ETA), (smooth,),
                   "α(r) = (r² + η²)^{γ/2}.", dom, source=_source(alpha_smooth)),
        KernelSpec("alpha_smooth_log_derivative", "potentials", (R, GAMMA, ETA),
                   (sp.simplify(log_derivative_ratio(smooth, R)),),
                   "r|α′|/α = |γ|r²/(r² + η²) for the smooth regularisation.", dom,
                   source=_source(log_derivative_ratio)),
    ]


def _mollifier_specs(d: int) -> list[KernelSpec]:
    v = _vec("v", d)
    dom = {**{str(s): (-10.0, 10.0) for s in v}, "eps": (1e-3, 4.0)}
    specs = []
    for label, builder, doc in (
        ("gaussian", gaussian_mollifier, "ψ_ε(v) = (2πε)^{−d/2}e^{−|v|²/(2ε)} (DESIGN.md §5)"),
        ("exponential", exponential_mollifier, "G^ε(v) = ε^{−d}C_d e^{−⟨v/ε⟩} (000_2c86dc742ea51118.txt §2.1)"),
    ):
        f = builder(v, EPS)
        grad = [sp.diff(f, s) for s in v]
        hess = [sp.diff(f, a, b) for a in v for b in v]
        specs += [
            KernelSpec(f"{label}_mollifier_{d}d", "mollifiers", (*v, EPS), (f,), f"{doc}, d = {d}.", dom,
                       source=_source(builder)),
            KernelSpec(f"{label}_mollifier_gradient_{d}d", "mollifiers", (*v, EPS), tuple(grad),
                       f"∇ of {doc}, d = {d}.", dom, source=_source(builder)),
            KernelSpec(f"{label}_mollifier_hessian_{d}d", "mollifiers", (*v, EPS), tuple(hess),
                       f"Hessian (row-major) of {doc}, d = {d}.", dom, source=_source(builder)),
        ]
    return specs


def _exact_solution_specs(d: int) -> list[KernelSpec]:
    v = _vec("v", d)
    u = _vec("u", d)
    temps = _vec("T", d)
    r2 = sum(s**2 for s in v)
    bkw = bkw_density(v, KSYM)
    k_low = d / (d + 2)
    vdom = {str(s): (-8.0, 8.0) for s in v}
    maxw = maxwellian(v, u, TEMP)
    aniso = anisotropic_maxwellian(v, temps)
    return [
        KernelSpec(f"bkw_K_{d}d", "exact_solutions", (T, C, C0), (bkw_K(T, C, C0, d),),
                   f"K(t) = 1 − c₀e^{{−2C(d−1)t}} of the BKW solution, d = {d} (DESIGN.md §5).",
                   {"t": (0.0, 100.0), "C": (1e-3, 1.0), "c0": (0.0, 1.0 - k_low)}, source=_source(bkw_K)),
        KernelSpec(f"bkw_density_{d}d", "exact_solutions", (*v, KSYM), (bkw,),
                   f"BKW profile for d = {d}; a density while K ≥ d/(d+2).", {**vdom, "K": (k_low, 1.0)},
                   source=_source(bkw_density)),
        KernelSpec(f"bkw_coefficients_{d}d", "exact_solutions", (KSYM,), bkw_polynomial_coefficients(d, KSYM),
                   f"(P, Q) of the BKW profile (2πK)^{{−d/2}}e^{{−|v|²/(2K)}}(P + Q|v|²), d = {d}.",
                   {"K": (k_low, 1.0)}, source=_source(bkw_polynomial_coefficients)),
        KernelSpec(f"bkw_score_{d}d", "exact_solutions", (*v, KSYM), tuple(score(bkw, v)),
                   f"∇ log f of the BKW profile, d = {d}.", {**vdom, "K": (k_low + 1e-3, 1.0)},
                   source=_source(score)),
        KernelSpec(f"bkw_moments_{d}d", "exact_solutions", (KSYM,),
                   (sp.simplify(bkw_expectation(r2, v)), sp.factor(bkw_expectation(r2**2, v))),
                   f"(∫|v|²f, ∫|v|⁴f) of the BKW profile, d = {d}, from exact Gaussian moments.",
                   {"K": (k_low, 1.0)}, source=_source(bkw_expectation)),
        KernelSpec(f"maxwellian_{d}d", "exact_solutions", (*v, *u, TEMP), (maxw,),
                   f"Maxwellian with mean u and temperature T, unit mass, d = {d}.",
                   {**vdom, **{str(s): (-3.0, 3.0) for s in u}, "T": (0.05, 10.0)}, source=_source(maxwellian)),
        KernelSpec(f"maxwellian_score_{d}d", "exact_solutions", (*v, *u, TEMP), tuple(score(maxw, v)),
                   f"∇ log of the Maxwellian, d = {d}.",
                   {**vdom, **{str(s): (-3.0, 3.0) for s in u}, "T": (0.05, 10.0)}, source=_source(score)),
        KernelSpec(f"anisotropic_maxwellian_{d}d", "exact_solutions", (*v, *temps), (aniso,),
                   f"Zero-mean Gaussian with covariance diag(T_1..T_d), d = {d}.",
                   {**vdom, **{str(s): (0.05, 10.0) for s in temps}}, source=_source(anisotropic_maxwellian)),
        KernelSpec(f"anisotropic_maxwellian_score_{d}d", "exact_solutions", (*v, *temps), tuple(score(aniso, v)),
                   f"∇ log of the anisotropic Maxwellian, d = {d}.",
                   {**vdom, **{str(s): (0.05, 10.0) for s in temps}}, source=_source(score)),
    ]


def _hermite_specs() -> list[KernelSpec]:
    x = sp.Symbol("x", real=True)
    values = tuple(sp.horner(sp.expand(hermite_he(n, x) / sp.sqrt(sp.factorial(n)))) for n in range(HERMITE_MAX_DEGREE + 1))
    return [KernelSpec("hermite_orthonormal_1d", "hermite", (x,), values,
                       f"(He_n(x)/√n!)_{{n ≤ {HERMITE_MAX_DEGREE}}}: the 1D factors of the orthonormal H_α of "
                       "004_b333c7817a08033b.txt Lemma 2 (H_α = Π_i H_{α_i}(x_i)).", {"x": (-8.0, 8.0)},
                       source=_source(hermite_he))]


def _rotation_specs() -> list[KernelSpec]:
    x = _vec("x", 3)
    k = _vec("k", 3)
    out = rodrigues(sp.Matrix(x), sp.Matrix(k), THETA)
    return [KernelSpec("rotate_about_axis", "rotation", (*x, *k, THETA), tuple(out),
                       "Rodrigues rotation of x about the unit axis k by the angle θ.",
                       {**{str(s): (-10.0, 10.0) for s in x}, **{str(s): (-1.0, 1.0) for s in k}, "theta": (-7.0, 7.0)},
                       source=_source(rodrigues))]


def _spatial_kernel_specs() -> list[KernelSpec]:
    """Unnormalised spatial kernels κ of the fuzzy Landau equation (002_5194c2b1fb63adc7.txt
    (2.2), Remark 2.2) as functions of r² = |x − x*|² and the width σ (any spatial dimension)."""
    r2, sigma = sp.Symbol("r2", nonnegative=True), sp.Symbol("sigma", positive=True)
    dom = {"r2": (0.0, 100.0), "sigma": (1e-3, 100.0)}
    return [KernelSpec(f"spatial_kernel_{label}", "spatial_kernels", (r2, sigma), (builder(r2, sigma),), doc, dom,
                       source=_source(builder))
            for label, builder, doc in (
                ("exponential", exponential_profile, "exp(−⟨x/√σ⟩) (002_5194c2b1fb63adc7.txt Remark 2.2), unnormalised."),
                ("gaussian", gaussian_profile, "exp(−|x|²/(2σ)), unnormalised."))]


def _boltzmann_angular_specs() -> list[KernelSpec]:
    """The angular kernels β(θ) of seed 001 (``landau_sym.boltzmann_kernels``), symmetrised to
    θ ∈ [0, π/2] and zero outside their support."""
    from . import boltzmann_kernels as bk

    th, nu, eps, cut = bk.THETA, bk.NU, bk.EPS, bk.CUT
    half = sp.pi / 2
    dom = {"theta": (1e-6, 1.6), "nu": (0.05, 1.95), "eps": (1e-3, 1.0), "theta_c": (1e-3, 1.0)}
    outside = ((th > half, (0,)),)
    return [
        KernelSpec("boltzmann_beta_maxwell", "boltzmann_angular", (th,), (bk.maxwell_beta(th),),
                   "β(θ) = sin θ/(2π): isotropic Maxwell molecules b = 1/(4π), symmetrised to [0, π/2] "
                   "(001_213bc0b3a2bddff3.txt (1.1)).", {"theta": dom["theta"]}, outside,
                   source=_source(bk.maxwell_beta)),
        KernelSpec("boltzmann_beta_power", "boltzmann_angular", (th, nu), (bk.power_beta(th, nu),),
                   "β(θ) = c_ν θ^{−1−ν} on (0, π/2], normalised by (2.2) of 001_213bc0b3a2bddff3.txt.",
                   {k: dom[k] for k in ("theta", "nu")}, outside, source=_source(bk.power_beta)),
        KernelSpec("boltzmann_beta_cutoff", "boltzmann_angular", (th, nu, cut), (bk.power_beta(th, nu),),
                   "The power law of (2.2) with Grad's cut-off: zero for θ < θ_c.",
                   {k: dom[k] for k in ("theta", "nu", "theta_c")}, ((th < cut, (0,)), *outside),
                   source=_source(bk.cutoff_beta)),
        KernelSpec("boltzmann_beta_grazing", "boltzmann_angular", (th, nu, eps), (bk.grazing_beta(th, nu, eps),),
                   "β^ε(θ) = (π³/ε³)β(πθ/ε) on (0, ε/2] (001_213bc0b3a2bddff3.txt §3.1), β the power law.",
                   {k: dom[k] for k in ("theta", "nu", "eps")}, ((th > eps / 2, (0,)),),
                   source=_source(bk.grazing_beta)),
        KernelSpec("boltzmann_beta_coulomb", "boltzmann_angular", (th, eps),
                   (bk.ANGULAR_MOMENTUM_TRANSFER * th**-3 / sp.log(1 / eps),),
                   "β^ε = (1/log ε^{−1})1_{θ≥ε}(8/π)θ^{−3} (001_213bc0b3a2bddff3.txt Remark 2.6).",
                   {"theta": dom["theta"], "eps": (1e-3, 0.5)}, ((th < eps, (0,)), *outside),
                   source=_source(bk.coulomb_beta)),
    ]


def _boltzmann_moment_specs() -> list[KernelSpec]:
    """d/dt ∫v^αf = ⟨Q_B(f, f), v^α⟩, |α| ≤ 4, for Maxwell-molecule Boltzmann in 3D as a quadratic
    form in the moments, through the angular numbers (A₂, A₄) (``landau_sym.boltzmann_moments``)."""
    from . import boltzmann_moments as bmo

    moments = bmo.moment_symbols()
    args = (*moments.values(), bmo.A2, bmo.A4)
    domain = {str(m): (-2.0, 2.0) for m in moments.values()} | {"A2": (-40.0, 0.0), "A4": (-80.0, 0.0)}
    return [KernelSpec("boltzmann_moment_rates_3d", "boltzmann_moments", args, tuple(bmo.boltzmann_moment_rates()),
                       "(d/dt M_α)_{|α|≤4} of Maxwell-molecule Boltzmann (001_213bc0b3a2bddff3.txt (3.9), γ = 0) "
                       "from the moments M_α = ∫v^αf (order of landau_sym.boltzmann_moments.monomials) and "
                       "A₂ = 2π∫β(cos²θ − 1), A₄ = 2π∫β(cos⁴θ − 1).", domain,
                       source=_source(bmo.boltzmann_moment_rates))]


def kernel_library() -> list[KernelSpec]:
    specs: list[KernelSpec] = []
    for d in DIMENSIONS:
        specs += _landau_specs(d)
    specs += _potential_specs()
    for d in DIMENSIONS:
        specs += _mollifier_specs(d)
    for d in DIMENSIONS:
        specs += _exact_solution_specs(d)
    specs += _hermite_specs()
    specs += _rotation_specs()
    specs += _spatial_kernel_specs()
    specs += _boltzmann_angular_specs()
    specs += _boltzmann_moment_specs()
    specs += [spec for d in DIMENSIONS for spec in _landau_form_gradient_specs(d)]
    names = [s.name for s in specs]
    if len(names) != len(set(names)):
        raise ValueError("duplicate kernel names in the library")
    unsourced = [s.name for s in specs if not s.source.startswith("landau_sym.")]
    if unsourced:
        raise ValueError(f"kernels without a landau_sym source function: {', '.join(unsourced)}")
    return specs
