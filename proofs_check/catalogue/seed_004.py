"""Catalogue of 004_b333c7817a08033b.txt (DESIGN.md §3): its numbered statements, in the paper's order."""
from . import Statement

SEED = "004_b333c7817a08033b.txt"

_ANALYTIC = "a definition or a qualitative step with nothing to evaluate"

STATEMENTS = (
    Statement("(1.1)", qualitative="the equation itself (definition); its Maxwell form is checked under Proposition 1"),
    Statement("Theorem 1", qualitative="rate and t₀ checked through its proof: (3.1) ODE entry below; measured along solutions "
                                       "by proofs_check/theorem1.py (not a registry entry)"),
    Statement("Remark after Theorem 1 (λ_i ≤ (d+1)/2 ⇒ t₀ = 0)", qualitative="a substitution into t₀ of Theorem 1"),
    Statement("(1.2)", ids=("entropic-product-reference",)),
    Statement("§1, |v−w|²K(v−w) = Σ_k b_k⊗b_k", ids=("b-fields-decompose-kernel",)),
    Statement("Theorem 2", ids=("theorem2-w2-gaussian", "entropic-product-reference", "coupled-particles-certificate")),
    Statement("(1.3)", ids=("dissipation-1-3-normalisation",)),
    Statement("Theorem 3 (i), (1.4)", qualitative="a Grönwall consequence of the §6 bounds, whose constants are checked "
                                                  "below (I_γ bound, McCann step); no solution-level computation yet"),
    Statement("Theorem 3 (ii), (1.5)", qualitative="Osgood consequence of (6.2)–(6.3); the ε-optimisation entry below "
                                                   "finds a missing factor e in the constant C"),
    Statement("§1, condition α′(r)² ≤ K r^{γ−2} α(r)", qualitative="a hypothesis (for α = r^γ, K = γ²)"),
    Statement("(2.1)", ids=("maxwell-reduction",)),
    Statement("(2.2)", ids=("second-moment-law",)),
    Statement("Proposition 1", ids=("maxwell-reduction",)),
    Statement("(2.3)", ids=("maxwell-reduction",)),
    Statement("Remark after Proposition 1 (radial data: Fokker–Planck)", qualitative="P = Id for radial data; the "
                                                                                   "reduction is (2.3) with P = Id"),
    Statement("Proposition 2", ids=("second-moment-law",)),
    Statement("(2.4)", ids=("second-moment-law",)),
    Statement("(2.5)", ids=("second-moment-law",)),
    Statement("Remark after Proposition 2 (rotation to diagonal P)", qualitative="a change of variables"),
    Statement("Lemma 1", qualitative="not yet checked: an energy inequality along solutions (measurable with the "
                                     "Hermite solver; no registry entry yet)"),
    Statement("Lemma 2", ids=("hermite-recurrences", "gaussian-poincare-weighted", "gaussian-poincare-mean-zero")),
    Statement("(3.1)", ids=("theorem1-ode-solution",)),
    Statement("Proposition 3", ids=("proposition3-constants",)),
    Statement("(4.1)", qualitative="definition of q(f); ∫Q(f⊗f)dw = q(f) is the marginal of (4.2), checked there"),
    Statement("(4.2)", ids=("lifted-operator-sum-of-squares",)),
    Statement("Proposition 4", qualitative="the lifting T(F,G) = 2T(f,g) for product data; exercised by the Gaussian "
                                           "6D computation of dissipation-1-3-normalisation"),
    Statement("(4.3)", ids=("dissipation-1-3-normalisation",)),
    Statement("(4.4)", ids=("b-fields-decompose-kernel",)),
    Statement("(4.5)", ids=("lifted-operator-sum-of-squares",)),
    Statement("§4–§5, the lifted fields b̃_k", ids=("b-tilde-properties",)),
    Statement("Lemma 3", ids=("coupled-rotation-isometry",)),
    Statement("(4.6)", ids=("coupled-rotation-isometry",)),
    Statement("(4.7)", ids=("entropic-product-reference",)),
    Statement("(4.8)", qualitative="cites an unpublished formula ([18], in preparation)"),
    Statement("(4.9)", qualitative="elliptic problems defining ξ_k for (4.8); nothing printed to evaluate"),
    Statement("Remark after (4.9) (method unsuitable for α ≢ 1)", ids=("laplacian-commutation",)),
    Statement("(5.1)", ids=("dissipation-1-3-normalisation",)),
    Statement("Proposition (heat equation, §5)", qualitative="not yet checked as an entry; on Gaussians d/dt(½W₂²) = "
                                                             "−∫∫|D²u|²ρ holds, the proof's last line (−½∫∫) does not"),
    Statement("(5.2)", qualitative=_ANALYTIC),
    Statement("Remark 1", ids=("remark1-gradient-flow",)),
    Statement("(5.3)", qualitative=_ANALYTIC),
    Statement("Lemma 4", qualitative="not yet checked beyond α ≡ 1, where it is (1.3) (dissipation-1-3-normalisation)"),
    Statement("(5.4)", qualitative="not yet checked (intermediate line of Lemma 4)"),
    Statement("(5.5)", qualitative="not yet checked (intermediate line of Lemma 4)"),
    Statement("(5.6)", qualitative="not yet checked (intermediate line of Lemma 4)"),
    Statement("(5.7)", ids=("lie-bracket-table",)),
    Statement("(5.8)", ids=("lie-bracket-table",)),
    Statement("(5.9)", ids=("lie-bracket-table",)),
    Statement("(5.10)", ids=("dissipation-1-3-normalisation",)),
    Statement("§5, table of commutators", ids=("lie-bracket-table",)),
    Statement("§5, Theorem 2 Step 1 (Laplacian commutation)", ids=("laplacian-commutation",)),
    Statement("(5.11)", ids=("laplacian-commutation",)),
    Statement("(5.12)", ids=("laplacian-commutation",)),
    Statement("(5.13)", ids=("laplacian-commutation",)),
    Statement("(5.14)", ids=("laplacian-commutation",)),
    Statement("(5.15)", ids=("laplacian-commutation",)),
    Statement("(5.16)", qualitative="the Schrödinger interpolation; not computed"),
    Statement("§6, I_γρ bound with C_{γ,p}, β", ids=("i-gamma-bound-constants",)),
    Statement("§6, McCann convexity of ∫ρ^p along geodesics", qualitative="cited result [19]; not computed"),
    Statement("(6.1)", ids=("hopf-lax-6-1",)),
    Statement("§6, ∫₀¹ min(s,1−s)^{−2ε} ds", ids=("s-integral-min",)),
    Statement("(6.2)", ids=("s-integral-min",)),
    Statement("(6.3)", ids=("singular-integral-6-3",)),
    Statement("§6, choice of ε and the Osgood inequality", ids=("epsilon-optimisation-osgood",)),
)
