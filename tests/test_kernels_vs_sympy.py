"""Every generated kernel agrees with its sympy definition evaluated by mpmath at 60 digits.

Tolerance, from conditioning: a floating-point evaluation of a formula made of sums, products and
elementary functions has error ≲ u·κ with u ≈ 1.1e-16, where the sum-cancellation scale is
``magnitude`` (the same expression with every sum replaced by the sum of absolute values) and
exp(y), b^p amplify relative errors by |y|, |p log b|. We allow
    |numba − exact| ≤ 1e-12 · (1 + amplification) · (|exact| + magnitude) + 1e-300,
i.e. 1e-12 relative wherever the formula is well conditioned. Points are drawn by hypothesis in
each kernel's declared domain, with extra weight on the hard regions: |z| → 0, huge |z|, small ε,
K at its positivity limit, r at the cut-off's break points. A point at which a power in the
formula (such as |z|^{γ+2} for |z| = 1e-308, γ = −4, or x² for |x| = 1e-237) leaves the normal
double range is outside every
kernel's domain: the true value may still be representable (when it is 0·∞), but no
floating-point evaluation can be expected to find it; such points are discarded, not hidden.
"""
import inspect

import mpmath
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from landau_num.kernels import get_kernel
from landau_sym.kernels import kernel_library

SPECS = kernel_library()
TOL = 1e-12


def magnitude(expr):
    return expr.replace(lambda e: e.is_Add, lambda e: sp.Add(*[sp.Abs(a) for a in e.args]))


def amplification(expr, values):
    total = mpmath.mpf(0)
    for e in expr.atoms(sp.exp):
        total = max(total, abs(_mp(e.args[0], values)))
    for p in expr.atoms(sp.Pow):
        if not p.exp.is_Integer:
            base = _mp(p.base, values)
            if base > 0:
                total = max(total, abs(_mp(p.exp, values) * mpmath.log(base)))
    return total


def overflowing_power(expr, values):
    """A power of the formula outside the normal double range: above 1e300, or nonzero below
    1e-300 (x² at |x| = 1e-237 underflows, so no floating-point evaluation keeps its digits)."""
    for p in expr.atoms(sp.Pow):
        size = abs(_mp(p, values))
        if size > mpmath.mpf("1e300") or 0 < size < mpmath.mpf("1e-300"):
            return True
    return False


def _mp(expr, values):
    return sp.lambdify(list(values), expr, modules="mpmath")(*values.values())


def argument_strategy(name, lo, hi):
    base = st.floats(lo, hi, allow_nan=False, allow_infinity=False)
    if name.startswith("x"):  # x enters quadratically (x·A(z)x): x² must be a normal double
        base = base.filter(lambda t: t == 0 or abs(t) >= 1e-100)
    hard = []
    if lo < 0 < hi and name.startswith("z"):
        hard.append(st.floats(-1e-7, 1e-7))
    if name == "eps":
        hard.append(st.floats(lo, 10 * lo))
    if name == "K":
        hard.append(st.floats(lo, lo + 1e-6))
    if name == "r":
        hard += [st.sampled_from([0.0, 0.49, 0.5, 0.98, 0.99, 1.0, 1.01])]
    return st.one_of(base, *hard) if hard else base


@pytest.mark.parametrize("spec", SPECS, ids=[s.name for s in SPECS])
def test_kernel_matches_sympy_at_60_digits(spec):
    kernel = get_kernel(spec.name)
    names = [str(a) for a in spec.args]
    assert names == list(inspect.signature(kernel.py_func).parameters)
    strategies = [argument_strategy(n, *spec.domain[n]) for n in names]
    outputs = spec.unscaled_outputs()
    exact_fns = [sp.lambdify(spec.args, o, modules="mpmath") for o in outputs]
    mags = [sp.lambdify(spec.args, magnitude(o), modules="mpmath") for o in outputs]

    @settings(max_examples=40, deadline=None, derandomize=True, database=None)
    @given(st.tuples(*strategies))
    def check(point):
        values = dict(zip(spec.args, point))
        numeric = kernel(*point)
        numeric = numeric if isinstance(numeric, tuple) else (numeric,)
        assert len(numeric) == len(spec.outputs)
        for condition, limit in spec.guards:
            if bool(condition.subs(dict(spec.prelude)).subs(values)):
                assert numeric == tuple(float(x) for x in limit)
                return
        # 60 digits: the reference must stay exact where the unscaled formula cancels, e.g. the
        # gradient of x·A(z)x at z ∥ x, a difference of two terms of size |z|^{γ+1} ~ 1e18 whose
        # exact value is 0 (at 30 digits mpmath returned 1.3e-13 there, the kernel 0.0).
        with mpmath.workdps(60):
            mp_point = [mpmath.mpf(x) for x in point]
            scaled_values = dict(zip(spec.args, mp_point))
            for symbol, value in spec.prelude:  # the kernel's own scaled variables, at 60 digits
                scaled_values[symbol] = _mp(value, scaled_values)
            if any(overflowing_power(o, scaled_values) for o in spec.outputs):
                return
            for out, exact_fn, mag_fn, got in zip(outputs, exact_fns, mags, numeric):
                exact = exact_fn(*mp_point)
                scale = abs(exact) + abs(mag_fn(*mp_point))
                amp = amplification(out, dict(zip(spec.args, mp_point)))
                bound = TOL * (1 + amp) * scale + mpmath.mpf("1e-300")
                assert abs(mpmath.mpf(got) - exact) <= bound, (spec.name, point, got, exact)

    check()


def test_landau_matrix_is_scale_safe_near_the_origin():
    """γ = −2: A(z)x = C(x − ẑ(ẑ·x)) for every z ≠ 0, however small (|z|² would underflow)."""
    apply = get_kernel("landau_matrix_apply", 3)
    for tiny in (1e-200, 5e-324):
        assert apply(tiny, 0.0, 0.0, 1.0, 2.0, 3.0, 1.0, -2.0) == pytest.approx((0.0, 2.0, 3.0), abs=1e-15)
        assert apply(0.0, tiny, tiny, 1.0, 2.0, 3.0, 1.0, -2.0) == pytest.approx((1.0, -0.5, 0.5), abs=1e-15)


def test_landau_matrix_limits_at_the_origin():
    for d in (2, 3):
        A = get_kernel("landau_matrix", d)
        for gamma in (1.0, 0.0, -2.0, -3.0, -4.0):
            assert A(*([0.0] * d), 1.0, gamma) == (0.0,) * (d * d)
            # continuity of the γ > −2 branch: tiny |z| gives tiny A
            tiny = A(*([1e-9] * d), 1.0, gamma)
            if gamma > -2:
                assert max(abs(x) for x in tiny) < 1e-15
