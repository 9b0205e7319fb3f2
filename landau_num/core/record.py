"""Run records (DESIGN.md §6): ``DIR/result.json`` in strict JSON and ``DIR/record.nc``.

A :class:`RunRecord` has four sections:

- ``params``: every parameter of the run (the solver's declared parameters under ``parameters``,
  the values it derived from them beside, the random seed where there is one);
- ``series``: one list per diagnostic, one entry per recorded time (``times`` first); relative
  errors against an exact reference, where one is valid for the parameters, are grouped as
  ``error_vs_exact`` = {``l1``, ``l2``, ``linf``};
- ``summary``: ``wall_seconds``, ``steps``, ``stop_reason``, ``completed``, the solver's own
  results and the ``checks`` run on the record with their verdicts;
- ``provenance``: package version, git commit, kernel hashes, command line, date, threads.

JSON is strict: NaN and ±inf are written as ``null`` (``json.dumps(allow_nan=False)`` would
otherwise refuse them), numpy scalars and arrays as numbers and lists. Files are replaced
atomically (written to a temporary name, then renamed), so a record read at any moment, even
after a crash mid-write, is a complete JSON document.

The self-describing container is netCDF-4 (HDF5) written by xarray through h5netcdf: xarray
labels every dimension by name (``time``, ``component``, grid axes …) and is the standard array
container of the scientific Python stack; h5netcdf writes netCDF-4 from the h5py wheels, with no
C library to build, and the files open in any netCDF or HDF5 reader.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ERROR_NORMS = ("l1", "l2", "linf")
RESULT_FILE = "result.json"
CONTAINER_FILE = "record.nc"


def strict(value):
    """A JSON-ready copy: numpy → Python, non-finite floats → None, tuples → lists."""
    if isinstance(value, dict):
        return {str(k): strict(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(v) for v in value]
    if isinstance(value, np.ndarray):
        return strict(value.tolist())
    if isinstance(value, (np.floating, np.integer, np.bool_)):
        return strict(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Path):
        return str(value)
    return value


def dumps_strict(document) -> str:
    return json.dumps(strict(document), indent=1, allow_nan=False, ensure_ascii=False) + "\n"


def write_atomic(path: Path, text: str | None = None, writer=None) -> None:
    """Write ``text`` (or call ``writer(tmp_path)``) to a temporary file beside ``path``, then rename."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    if writer is None:
        tmp.write_text(text)
    else:
        writer(tmp)
    os.replace(tmp, path)


@dataclass
class RunRecord:
    solver: str
    case: str
    params: dict
    series: dict[str, list] = field(default_factory=dict)
    summary: dict = field(default_factory=lambda: {"steps": 0, "wall_seconds": 0.0, "stop_reason": "running",
                                                   "completed": False})
    provenance: dict = field(default_factory=dict)

    # --- the series ---------------------------------------------------------------------------
    def append(self, values: dict) -> None:
        """Append one recorded time; relative errors (keys ``error_l1`` …) go to ``error_vs_exact``."""
        errors = {norm: values.pop(f"error_{norm}") for norm in ERROR_NORMS if f"error_{norm}" in values}
        for key, value in values.items():
            self.series.setdefault(key, []).append(strict(value))
        if errors:
            bucket = self.series.setdefault("error_vs_exact", {norm: [] for norm in ERROR_NORMS})
            for norm, value in errors.items():
                bucket[norm].append(strict(value))

    def truncate(self, length: int) -> None:
        """Keep the first ``length`` recorded times (used by --resume)."""
        for key, values in self.series.items():
            if isinstance(values, dict):
                for norm in values:
                    values[norm] = values[norm][:length]
            else:
                self.series[key] = values[:length]

    def __len__(self) -> int:
        return len(self.series.get("times", []))

    def column(self, key: str) -> np.ndarray:
        """A series as a float array (``null`` → NaN)."""
        values = self.series[key]
        return np.array([np.nan if v is None else v for v in values] if values and not isinstance(values[0], list)
                        else values, dtype=float)

    @property
    def stop_reason(self) -> str:
        return self.summary["stop_reason"]

    @property
    def completed(self) -> bool:
        return bool(self.summary.get("completed"))

    @property
    def checks_passed(self) -> bool:
        return all(check.get("ok") for check in self.summary.get("checks", {}).values())

    # --- files ----------------------------------------------------------------------------------
    def as_dict(self) -> dict:
        return {"solver": self.solver, "case": self.case, "params": self.params, "series": self.series,
                "summary": self.summary, "provenance": self.provenance}

    def write_json(self, out_dir: Path) -> Path:
        path = Path(out_dir) / RESULT_FILE
        write_atomic(path, dumps_strict(self.as_dict()))
        return path

    @classmethod
    def read(cls, out_dir: Path) -> "RunRecord":
        path = Path(out_dir) / RESULT_FILE
        try:
            data = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"cannot read a run record at {path}: {exc}") from None
        missing = {"solver", "case", "params", "series", "summary"} - set(data)
        if missing:
            raise ValueError(f"{path} is not a run record of this toolkit (missing {', '.join(sorted(missing))})")
        return cls(solver=data["solver"], case=data["case"], params=data["params"], series=data["series"],
                   summary=data["summary"], provenance=data.get("provenance", {}))

    def write_container(self, out_dir: Path, fields: dict[str, tuple[tuple[str, ...], np.ndarray]]) -> Path:
        """``record.nc``: every numeric series against ``time`` (vectors against ``component``,
        matrices against ``component``, ``component_2``) and the solver's fields with their own
        named dimensions."""
        import xarray as xr

        data_vars = {}
        sizes: dict[str, int] = {}
        for key, values in self.series.items():
            if key == "times":
                continue
            if key == "error_vs_exact":
                for norm, column in values.items():
                    data_vars[f"error_{norm}"] = (("time",), _float_array(column))
                continue
            array = _float_array(values)
            if array is None:
                continue
            dims = ("time", "component", "component_2")[:array.ndim]
            if any(sizes.get(dim, n) != n for dim, n in zip(dims, array.shape)):
                dims = ("time",) + tuple(f"{key}_{axis}" for axis in range(1, array.ndim))  # e.g. per-cell series
            if array.ndim <= 3:
                sizes.update(zip(dims, array.shape))
                data_vars[key] = (dims, array)
        for name, (dims, array) in fields.items():
            data_vars[name] = (tuple(dims), np.asarray(array))
        attrs = {"solver": self.solver, "case": self.case, "params_json": dumps_strict(self.params),
                 "summary_json": dumps_strict(self.summary), "provenance_json": dumps_strict(self.provenance),
                 "conventions": "landau toolkit run record (DESIGN.md §6); see result.json"}
        dataset = xr.Dataset(data_vars, coords={"time": _float_array(self.series.get("times", []))}, attrs=attrs)
        path = Path(out_dir) / CONTAINER_FILE
        write_atomic(path, writer=lambda tmp: dataset.to_netcdf(tmp, engine="h5netcdf"))
        return path


def _float_array(values):
    """A list of numbers / nested lists as a float array (``None`` → NaN); None if not numeric."""
    try:
        return np.array(_nan_for_none(values), dtype=float)
    except (TypeError, ValueError):
        return None


def _nan_for_none(values):
    if isinstance(values, list):
        return [_nan_for_none(v) for v in values]
    return np.nan if values is None else values
