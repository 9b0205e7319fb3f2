"""Report writers for registry results: a terminal table, JSON and Markdown (DESIGN.md §3, §6)."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from landau_sym.registry import VERDICTS, Result

SCHEMA_VERSION = 1


def summary_counts(results: list[Result]) -> dict[str, int]:
    counts = Counter(r.verdict for r in results)
    return {v: counts.get(v, 0) for v in VERDICTS}


def text_table(results: list[Result]) -> str:
    headers = ("id", "seed reference", "verdict", "method", "seconds")
    rows = [(r.id, _short(r.reference, 44), r.verdict, _short(r.method, 52), f"{r.seconds:.2f}") for r in results]
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)) for row in rows]
    counts = summary_counts(results)
    total = sum(r.seconds for r in results)
    out.append("")
    out.append(", ".join(f"{n} {v}" for v, n in counts.items()) + f"; {total:.1f} s in all")
    return "\n".join(out)


def results_document(results: list[Result], coverage: list[dict] | None = None) -> dict:
    """The JSON document; ``coverage`` (per-seed counts of the catalogue) is included when given."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "summary": summary_counts(results),
        "total_seconds": sum(r.seconds for r in results),
        "entries": [r.as_dict() for r in results],
    }
    if coverage is not None:
        document["coverage"] = coverage
    return document


def write_json(results: list[Result], path: Path, coverage: list[dict] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results_document(results, coverage), indent=2, ensure_ascii=False, default=str)
    path.write_text(text + "\n")


def coverage_markdown(coverage: list[dict]) -> list[str]:
    lines = ["## Coverage of the seeds' numbered statements", "",
             "| seed | statements | checked | verdicts of the checked | qualitative | not yet checked |",
             "|---|---|---|---|---|---|"]
    for c in coverage:
        verdicts = ", ".join(f"{n} {v}" for v, n in sorted(c["verdicts"].items())) or "—"
        lines.append(f"| {c['seed']} | {c['statements']} | {c['checked']} | {verdicts} | {c['qualitative']} "
                     f"| {c['not_yet_checked']} |")
    return lines + [""]


def markdown(results: list[Result], title: str = "Identity registry", coverage: list[dict] | None = None) -> str:
    counts = summary_counts(results)
    lines = [f"# {title}", "", ", ".join(f"**{n}** {v}" for v, n in counts.items()), ""]
    if coverage is not None:
        lines += coverage_markdown(coverage)
    lines += ["| id | seed reference | verdict | numeric cross-check | seconds |", "|---|---|---|---|---|"]
    for r in results:
        num = r.numeric
        cross = (f"{num['examples']} points, max residual {num['max_residual']:.1e} ≤ {num['tolerance']:.0e}"
                 if num else "not run")
        lines.append(f"| `{r.id}` | {r.reference} | **{r.verdict}** | {cross} | {r.seconds:.2f} |")
    for r in results:
        lines += ["", f"## `{r.id}` — {r.title}", "", f"*{r.reference}* · {r.kind} · **{r.verdict}**", "",
                  f"Statement as printed: ${r.statement}$", "", f"Method: {r.method}", ""]
        if r.corrected_statement:
            lines += [f"Corrected statement: ${r.corrected_statement}$" if "$" not in r.corrected_statement
                      else f"Corrected statement: {r.corrected_statement}", ""]
        lines += ["Evidence:", "", "```json", json.dumps(r.evidence, indent=2, ensure_ascii=False, default=str), "```"]
        if r.numeric:
            lines += ["", f"Numeric cross-check: {r.numeric['description']} — {r.numeric['examples']} points at "
                          f"{r.numeric['digits']} digits, max residual {r.numeric['max_residual']:.2e} "
                          f"(tolerance {r.numeric['tolerance']:.0e})."]
    return "\n".join(lines) + "\n"


def figures_section(report_dir: Path) -> str:
    """Markdown embedding every PNG the quick simulation checks wrote under the report directory."""
    images = sorted(report_dir.glob("*/*.png"))
    if not images:
        return ""
    lines = ["", "## Figures of the quick simulation checks", ""]
    for image in images:
        relative = image.relative_to(report_dir)
        lines += [f"**{relative.parent} / {image.stem}**", "", f"![{relative}]({relative.as_posix()})", ""]
    return "\n".join(lines)


def write_markdown(results: list[Result], path: Path, title: str = "Identity registry",
                   coverage: list[dict] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(results, title, coverage) + figures_section(path.parent))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
