"""The catalogue of each seed (DESIGN.md §3): every numbered statement of the paper, once.

A :class:`Statement` names one numbered statement of a seed (an equation, lemma, proposition,
theorem, corollary or remark, by the paper's own label) and either the registry ids that check it
or, for a statement with no computational content, one line on why nothing computes it. A
statement with neither is listed as *not yet checked*: the catalogue is the honest account of
what the toolkit covers, gaps included.

One module per seed (``seed_000`` … ``seed_004``) holds ``SEED`` (the file name) and
``STATEMENTS``. :func:`coverage` turns registry results into the per-seed counts that
``landau check`` prints and ``landau verify --seed`` reports.
"""
from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass

SEED_KEYS = ("000", "001", "002", "003", "004")


@dataclass(frozen=True)
class Statement:
    """One numbered statement: ``label`` as printed (e.g. "Lemma 3.3", "(2.2)")."""

    label: str
    ids: tuple[str, ...] = ()
    qualitative: str | None = None  # why nothing computes it (then ``ids`` is empty)
    note: str = ""

    def __post_init__(self):
        if self.ids and self.qualitative:
            raise ValueError(f"{self.label}: a statement is either checked (ids) or qualitative, not both")

    @property
    def status(self) -> str:
        if self.ids:
            return "checked"
        return "qualitative" if self.qualitative else "not yet checked"


@dataclass(frozen=True)
class SeedCatalogue:
    key: str
    seed: str
    statements: tuple[Statement, ...]

    def ids(self) -> list[str]:
        """Registry ids of the seed, each once, in catalogue order."""
        seen: dict[str, None] = {}
        for statement in self.statements:
            seen.update(dict.fromkeys(statement.ids))
        return list(seen)


def catalogue(key: str) -> SeedCatalogue:
    """The catalogue of seed ``key`` ("000" … "004"); ValueError names the allowed keys."""
    if key not in SEED_KEYS:
        raise ValueError(f"unknown seed {key!r}; allowed: {', '.join(SEED_KEYS)}")
    module = importlib.import_module(f"{__name__}.seed_{key}")
    labels = [s.label for s in module.STATEMENTS]
    repeated = sorted({label for label in labels if labels.count(label) > 1})
    if repeated:
        raise ValueError(f"seed {key}: statements listed twice: {', '.join(repeated)}")
    return SeedCatalogue(key, module.SEED, tuple(module.STATEMENTS))


def catalogues() -> list[SeedCatalogue]:
    return [catalogue(key) for key in SEED_KEYS]


def coverage(cat: SeedCatalogue, verdicts: dict[str, str]) -> dict:
    """Counts for one seed. A checked statement's verdict is the worst of its entries' verdicts
    among those run (error > inconclusive > refuted > verified); a statement none of whose
    entries ran counts as "not run"."""
    order = ("error", "inconclusive", "refuted", "verified")
    by_status = Counter(s.status for s in cat.statements)
    statement_verdicts: Counter = Counter()
    for statement in cat.statements:
        if not statement.ids:
            continue
        run = [verdicts[i] for i in statement.ids if i in verdicts]
        statement_verdicts[min(run, key=order.index) if run else "not run"] += 1
    return {
        "seed": cat.seed,
        "statements": len(cat.statements),
        "checked": by_status["checked"],
        "qualitative": by_status["qualitative"],
        "not_yet_checked": by_status["not yet checked"],
        "verdicts": dict(statement_verdicts),
    }


def coverage_line(counts: dict) -> str:
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(counts["verdicts"].items())) or "none run"
    return (f"{counts['seed']}: {counts['checked']} of {counts['statements']} statements checked ({verdicts}), "
            f"{counts['qualitative']} qualitative, {counts['not_yet_checked']} not yet checked")
