"""The one summary printer of a run record (what ``landau run`` prints, for every solver).

Values that the strict JSON record holds as ``null`` (non-finite, or not computed) print as
"n/a"; nothing here assumes a number is finite.
"""
from __future__ import annotations

import math
from pathlib import Path

from .record import RunRecord


def fmt(value, spec: str = ".4g") -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "n/a"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format(value, spec)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(fmt(v, spec) for v in value) + "]"
    return str(value)


def summary_lines(record: RunRecord, out_dir: Path | None = None) -> list[str]:
    p, s, summary = record.params, record.series, record.summary
    lines = [f"{record.solver} on {record.case}: {summary['steps']} steps of dt={fmt(p.get('dt'))}, "
             f"t = {fmt(s['times'][0])} → {fmt(s['times'][-1])}, {summary['wall_seconds']:.1f} s; "
             f"stop: {summary['stop_reason']}"]
    drifts = summary.get("invariant_drift")
    if drifts:
        lines.append("  relative drift: " + ", ".join(f"{name} {fmt(value, '.2e')}" for name, value in drifts.items()))
    entropy = s.get("entropy")
    if entropy:
        lines.append(f"  entropy ({p.get('entropy', 'H')}): {fmt(entropy[0], '.8g')} → {fmt(entropy[-1], '.8g')}")
    errors = s.get("error_vs_exact")
    if errors and errors.get("l2"):
        lines.append("  relative error vs exact at the end: " +
                     ", ".join(f"{norm.upper()} {fmt(values[-1], '.3e')}" for norm, values in errors.items()))
    for key, value in summary.get("highlights", {}).items():
        lines.append(f"  {key}: {fmt(value)}")
    for name, check in summary.get("checks", {}).items():
        lines.append(f"  check {name}: {'ok' if check.get('ok') else 'FAILS'}")
    if out_dir is not None:
        lines.append(f"  run record: {Path(out_dir) / 'result.json'}")
    return lines
