"""Parameter sweeps and ensembles on Dask (DESIGN.md §6, §9): ``landau sweep`` and its Python twin
:func:`run_sweep`.

    import landau_num
    result = landau_num.run_sweep("blob", "bkw2d", {"n": [12, 16]}, T=0.5, out="runs/sweep", workers=2)
    result.dataset["final_error_l2"].sel(n=16)     # the aggregate (xarray), dimensions named after the grid
    result.record("n=16")                          # one point's run record (DIR/n=16/result.json)
    result.exit_status                             # 0 when every point completed and passed its checks

Modules: :mod:`.grid` (grid specifications, the product, point names), :mod:`.seeds` (per-run
seeds from ``SeedSequence(root).spawn``), :mod:`.runner` (the Dask orchestration),
:mod:`.aggregate` (the dataset, table and figure). Dask, xarray and matplotlib are imported only
when a sweep runs.
"""
from __future__ import annotations

from .grid import Point, grid_points, normalise_grid, parse_grid
from .runner import SweepResult, equivalent_command, run_point, run_sweep
from .seeds import spawned_seeds

__all__ = ["Point", "SweepResult", "equivalent_command", "grid_points", "normalise_grid", "parse_grid",
           "run_point", "run_sweep", "spawned_seeds"]
