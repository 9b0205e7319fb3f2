"""Exact checks of the Young-inequality step of Lemma 43 (33) of 000_2c86dc742ea51118.txt.

The proof of Lemma 43 applies Young's inequality with the conjugate pair
(p, q) = ((3 − η)/(3 + γ − η), (−3 + η)/γ) and prints
‖χ_{B₁}|·|^γ‖_{L^q} ≤ (ω₂/η)^{(−3+η)/γ}, ω₂ = |S²| = 4π. Exactly,
∫_{B₁}|x|^{γq}dx = ω₂∫₀¹r^{γq+2}dr = ω₂/η (γq = η − 3), so the norm is (ω₂/η)^{1/q} = (ω₂/η)^{γ/(η−3)}:
the printed exponent is the reciprocal of the exact one. The printed line is still a valid
inequality on the lemma's range 0 < η ≤ γ + 3, γ ∈ (−3, 0): there ω₂/η ≥ 4π/3 > 1 and q ≥ 1, so
(ω₂/η)^{1/q} ≤ (ω₂/η)^q. Verdict: verified as printed, the exact exponent recorded in the evidence.
"""
from __future__ import annotations

import mpmath
import sympy as sp

from ..registry import CrossCheck, Identity, Outcome, register
from ..sampling import real

SEED_REF = "000_2c86dc742ea51118.txt"
GAMMA = sp.Symbol("gamma", negative=True)
ETA = sp.Symbol("eta", positive=True)
R = sp.Symbol("r", positive=True)
OMEGA2 = 4 * sp.pi  # |S²|, "the volume of the unit sphere in R³"


def young_exponents(gamma=GAMMA, eta=ETA):
    """The conjugate pair printed in the proof of Lemma 43."""
    return (3 - eta) / (3 + gamma - eta), (-3 + eta) / gamma


def truncated_power_norm(gamma=GAMMA, eta=ETA) -> sp.Expr:
    """‖χ_{B₁}|·|^γ‖_{L^q(R³)}, q = (−3 + η)/γ, by the exact radial integral."""
    _, q = young_exponents(gamma, eta)
    integral = OMEGA2 * sp.integrate(R ** sp.simplify(gamma * q + 2), (R, 0, 1), conds="none")
    return sp.simplify(integral) ** (1 / q)


def check_lemma43_young_step() -> Outcome:
    p, q = young_exponents()
    conjugate = sp.simplify(1 / p + 1 / q - 1) == 0
    norm = truncated_power_norm()
    exact = (OMEGA2 / ETA) ** (GAMMA / (ETA - 3))
    exact_ok = sp.simplify(sp.log(norm) - sp.log(exact)) == 0
    printed = (OMEGA2 / ETA) ** ((-3 + ETA) / GAMMA)
    # on 0 < η ≤ γ + 3: log(printed/exact) = (q − 1/q)log(ω₂/η) with q ≥ 1 and ω₂/η > 1
    q_minus_one = sp.simplify(q - 1 - (-(GAMMA + 3 - ETA)) / GAMMA)  # q − 1 = (γ + 3 − η)/(−γ) ≥ 0
    base_floor = sp.Rational(4, 3) * sp.pi > 1  # ω₂/η ≥ 4π/3 since η ≤ 3
    sample = {GAMMA: -1, ETA: 1}
    ok = conjugate and exact_ok and q_minus_one == 0 and bool(base_floor)
    return Outcome("verified" if ok else "refuted", {
        "1/p + 1/q - 1": "0" if conjugate else "nonzero",
        "int_{B1} |x|^{gamma q} dx": str(sp.simplify(OMEGA2 * sp.integrate(R ** sp.simplify(GAMMA * q + 2), (R, 0, 1),
                                                                         conds="none"))),
        "exact norm": str(exact),
        "misprint": "the printed exponent (−3+η)/γ = q is the reciprocal of the exact γ/(η−3) = 1/q; the printed value "
                    "is an upper bound (not the norm) because q ≥ 1 and ω₂/η > 1 on 0 < η ≤ γ + 3",
        "at gamma = -1, eta = 1 (exact, printed)": [str(exact.subs(sample)), str(printed.subs(sample))],
        "q - 1 = (gamma + 3 - eta)/(-gamma) >= 0": q_minus_one == 0,
    })


def _young_numeric(draw) -> float:
    """mpmath quadrature of ∫_{B₁}|x|^{γq}dx against ω₂/η; the printed bound's excess over the norm."""
    gamma = mpmath.mpf(draw(real(-2.9, -0.1)))
    eta = mpmath.mpf(draw(real(0.05, 1.0))) * (gamma + 3)
    q = (eta - 3) / gamma
    # r = e^{−s} moves the integrable singularity r^{η−1} at 0 to an exponential tail
    integral = 4 * mpmath.pi * mpmath.quad(lambda s: mpmath.exp(-s * (gamma * q + 3)), [0, 1, 10, mpmath.inf])
    norm = integral ** (1 / q)
    exact = (4 * mpmath.pi / eta) ** (gamma / (eta - 3))
    printed = (4 * mpmath.pi / eta) ** ((eta - 3) / gamma)
    return float(max(abs(norm - exact) / exact, max(0, norm - printed) / norm))


register(Identity(
    id="seed000-lemma43-young-step",
    title="Lemma 43, proof of (33): ‖χ_{B₁}|·|^γ‖_{L^q} = (ω₂/η)^{γ/(η−3)} ≤ the printed (ω₂/η)^{(−3+η)/γ}",
    statement=r"\|\chi_{B_1}|\cdot|^\gamma\|_{L^{\frac{-3+\eta}{\gamma}}}\le\Big(\frac{\omega_2}\eta\Big)^{\frac{-3+\eta}\gamma}",
    reference=f"{SEED_REF} Lemma 43 (33)",
    kind="inequality",
    method="exact: sympy radial integral for symbolic γ < 0, η > 0; conjugacy of the Young pair",
    check=check_lemma43_young_step,
    cross_check=CrossCheck(_young_numeric, 1e-12,
                           "mpmath quadrature of the radial integral after r = e^{−s} (1e-12: tanh-sinh on an exponential)",
                           examples=10),
))
