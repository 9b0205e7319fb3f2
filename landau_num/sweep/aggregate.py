"""The aggregate of a sweep's run records (DESIGN.md §6, §9): one xarray dataset with a dimension
per grid parameter (and ``replica`` when the sweep has replicas), written as netCDF-4 to
``DIR/sweep.nc`` through h5netcdf like every run record's container; a Markdown table
``DIR/summary.md``; a figure ``DIR/sweep.png``.

Variables of the dataset (grid dimensions written G):

- ``point`` (G): the directory of the run under DIR; ``status`` (G): ``completed``, ``skipped``
  (finished by an earlier sweep) or ``failed``; ``reason`` (G): why a run failed (the error, the
  stop reason or the failed checks), empty otherwise; ``seed`` (G) where the sweep spawned seeds;
- every numeric series of the records against ``record`` (the index of the recorded time; runs
  with different time steps record at different times, so ``time`` (G, record) holds them), vectors
  and matrices against ``component`` and ``component_2`` as in a run's ``record.nc``; the relative
  errors against an exact reference as ``error_l1``, ``error_l2``, ``error_linf``; runs with fewer
  records are padded with NaN;
- ``final_<series>`` (G, …): each series at the run's last recorded time;
- every scalar number of the records' summaries (``wall_seconds``, ``steps``, ``final_time``,
  ``completed`` …) under its own name, and ``drift_<invariant>`` from ``invariant_drift``.

Values the strict JSON records hold as ``null`` and every value of a failed run are NaN.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np

from ..core.record import ERROR_NORMS, _float_array, dumps_strict, write_atomic
from ..core.summary import fmt

AGGREGATE_FILE = "sweep.nc"
SUMMARY_FILE = "summary.md"
FIGURE_FILE = "sweep.png"
COMPONENT_DIMS = ("component", "component_2")
REPLICA_DIM = "replica"


def _series_columns(record: dict) -> dict[str, np.ndarray]:
    """A record's numeric series as float arrays (first axis: the recorded times)."""
    out = {}
    for key, values in record["series"].items():
        if key == "error_vs_exact":
            for norm in ERROR_NORMS:
                if norm in values:
                    out[f"error_{norm}"] = _float_array(values[norm])
            continue
        array = _float_array(values)
        if array is not None and 1 <= array.ndim <= 3:
            out["time" if key == "times" else key] = array
    return out


def _summary_scalars(record: dict) -> dict[str, float]:
    """The scalar numbers (and flags) of a record's summary, and its invariant drifts."""
    out = {}
    for key, value in record["summary"].items():
        if isinstance(value, bool):
            out[key] = float(value)
        elif isinstance(value, (int, float)):
            out[key] = float(value)
    for name, value in record["summary"].get("invariant_drift", {}).items():
        out[f"drift_{name}"] = np.nan if value is None else float(value)
    return out


def build_dataset(grid: Mapping[str, Sequence], repeat: int, names: Sequence[str], statuses: Sequence[str],
                  reasons: Sequence[str], records: Sequence[dict | None], seeds: Sequence[int | None],
                  attrs: Mapping):
    """The aggregate dataset. ``names`` … ``seeds`` are per run, in the order of
    :func:`landau_num.sweep.grid.grid_points` (grid order, the first name slowest, replicas
    innermost), which is the C order of the dimensions."""
    import xarray as xr

    dims = list(grid) + ([REPLICA_DIM] if repeat > 1 else [])
    shape = tuple(len(grid[name]) for name in grid) + ((repeat,) if repeat > 1 else ())
    coords = {name: list(values) for name, values in grid.items()}
    if repeat > 1:
        coords[REPLICA_DIM] = list(range(repeat))
    count = len(names)
    data_vars = {
        "point": (dims, np.array(list(names), dtype=object).reshape(shape)),
        "status": (dims, np.array(list(statuses), dtype=object).reshape(shape)),
        "reason": (dims, np.array(list(reasons), dtype=object).reshape(shape)),
    }
    if any(seed is not None for seed in seeds):
        data_vars["seed"] = (dims, np.array([-1 if s is None else s for s in seeds], dtype=np.int64).reshape(shape))

    columns = [_series_columns(r) if r is not None else {} for r in records]
    length = max((len(c.get("time", ())) for c in columns), default=0)
    trailing = {}
    for cols in columns:
        for key, array in cols.items():
            trailing.setdefault(key, set()).add(array.shape[1:])
    for key, shapes in trailing.items():
        if len(shapes) != 1:  # component counts differ between runs: no common array
            continue
        tail = next(iter(shapes))
        full = np.full((count, length) + tail, np.nan)
        final = np.full((count,) + tail, np.nan)
        for i, cols in enumerate(columns):
            if key in cols and len(cols[key]):
                full[i, :len(cols[key])] = cols[key]
                final[i] = cols[key][-1]
        component_dims = list(COMPONENT_DIMS[:len(tail)])
        data_vars[key] = (dims + ["record"] + component_dims, full.reshape(shape + full.shape[1:]))
        if key != "time":
            data_vars[f"final_{key}"] = (dims + component_dims, final.reshape(shape + tail))

    scalars = [_summary_scalars(r) if r is not None else {} for r in records]
    for key in sorted({k for s in scalars for k in s}):
        if key in data_vars or key in coords:
            continue
        values = np.array([s.get(key, np.nan) for s in scalars], dtype=float)
        data_vars[key] = (dims, values.reshape(shape))
    dataset = xr.Dataset(data_vars, coords=coords, attrs={key: _attr(value) for key, value in attrs.items()})
    dataset.attrs["conventions"] = ("landau toolkit sweep aggregate (DESIGN.md §6, §9); one run record per point "
                                    "in DIR/<point>/result.json; the manifest in DIR/sweep.json")
    return dataset


def _attr(value):
    """netCDF attributes are numbers or text: anything else as strict JSON text."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return value
    return dumps_strict(value).strip()


def write_dataset(dataset, out_dir: Path) -> Path:
    path = Path(out_dir) / AGGREGATE_FILE
    write_atomic(path, writer=lambda tmp: dataset.to_netcdf(tmp, engine="h5netcdf"))
    return path


def summary_table(dataset) -> str:
    """A Markdown table, one row per run: its grid values, status, seed, steps, wall time, final
    entropy and relative L² error against the exact reference (where recorded), and the reason
    of a failure."""
    flat = dataset.stack(run=list(dataset["point"].dims)) if dataset["point"].ndim > 1 else dataset
    columns = [(name, None) for name in dataset["point"].dims] + [("status", None)]
    if "seed" in dataset:
        columns.append(("seed", "d"))
    columns += [(key, spec) for key, spec in (("steps", "d"), ("wall_seconds", ".2f"), ("final_entropy", ".8g"),
                                               ("final_error_l2", ".3e")) if key in dataset]
    columns.append(("reason", None))
    header = "| " + " | ".join(label for label, _ in columns) + " |"
    lines = [header, "|" + "---|" * len(columns)]
    count = flat["point"].size
    for i in range(count):
        cells = []
        for key, spec in columns:
            value = flat[key].values.ravel()[i]
            if isinstance(value, np.generic):
                value = value.item()
            if spec == "d":  # integers in full (a seed, a step count), n/a where not recorded
                cells.append(str(int(value)) if isinstance(value, (int, float)) and math.isfinite(value) else "n/a")
                continue
            cells.append(fmt(value, spec) if spec else fmt(value))
        lines.append("| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def write_summary(dataset, out_dir: Path, title: str) -> Path:
    path = Path(out_dir) / SUMMARY_FILE
    write_atomic(path, f"# {title}\n\n{summary_table(dataset)}")
    return path


def sweep_figure(dataset, path: Path) -> bool:
    """The final relative L² error (where an exact reference is recorded), the final entropy and
    the wall time of each run against the first grid parameter; one line per combination of the
    other parameters, replicas as dots with their mean as the line. Nothing is drawn (False)
    when the first parameter is not numeric."""
    from ..figures import pyplot

    name = next(iter(d for d in dataset["point"].dims if d != REPLICA_DIM))
    x = dataset[name].values
    if not np.issubdtype(x.dtype, np.number):
        return False
    quantities = [q for q in ("final_error_l2", "final_entropy", "wall_seconds") if q in dataset]
    plt = pyplot()
    from matplotlib.ticker import NullFormatter

    fig, axes = plt.subplots(1, len(quantities), figsize=(4.2 * len(quantities), 3.6), squeeze=False)
    for ax, quantity in zip(axes[0], quantities):
        values = dataset[quantity]
        others = [d for d in values.dims if d not in (name, REPLICA_DIM)]
        combos = values.stack(line=others) if others else values.expand_dims(line=[0])
        for j in range(combos.sizes["line"]):
            line = combos.isel(line=j)
            label = ", ".join(f"{d}={json.dumps(line[d].item()) if isinstance(line[d].item(), str) else line[d].item()}"
                              for d in others) or None
            if REPLICA_DIM in line.dims:
                ax.plot(np.repeat(x, line.sizes[REPLICA_DIM]), line.transpose(name, REPLICA_DIM).values.ravel(),
                        ".", alpha=0.4, color=f"C{j}")
                line = line.mean(REPLICA_DIM)
            ax.plot(x, line.values, marker="o", color=f"C{j}", label=label)
        positive = np.asarray(values.values, dtype=float)
        if quantity != "final_entropy" and np.all(positive[np.isfinite(positive)] > 0) and np.all(x > 0):
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xticks(x, [format(v, "g") for v in x])  # the grid values, not the log axis' minor labels
            ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set(xlabel=name, title={"final_error_l2": "relative L² error at T", "final_entropy": "entropy at T",
                                   "wall_seconds": "wall time [s]"}[quantity])
        if others:
            ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True
