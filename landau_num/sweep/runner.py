"""Parameter sweeps and ensembles on Dask (DESIGN.md §6, §9): the Cartesian product of a grid of a
solver's parameters, each point a normal run of the platform with its own record in
``DIR/<point>/``, run on a ``dask.distributed`` cluster, then aggregated.

Order of events of :func:`run_sweep`:

1. everything is checked before a worker starts (ValueError naming the bad value): the solver,
   the case, the grid against the solver's declared parameters (:mod:`.grid`), every point's
   parameters as ``landau run`` checks them (ranges, cross-field conditions, memory estimate),
   ``--repeat`` and ``--seed-root`` (:mod:`.seeds`), the output directory, and any run record
   already in a point's directory (a record of other parameters is refused);
2. points whose directory holds a record with stop reason ``completed`` and the same solver,
   case and parameters are skipped (a re-run of a sweep runs only what is missing or failed); a
   point with an unfinished record continues from its checkpoint (``--resume`` of the driver,
   which gives the numbers of an uninterrupted run) or, without one, starts again;
3. the remaining points go to the cluster: a ``LocalCluster`` of ``workers`` processes started
   for the call, or an existing scheduler (``scheduler`` address, or a ``client``). Each worker
   runs one point at a time with ``threads_per_worker`` numba threads (``NUMBA_NUM_THREADS`` and
   the BLAS thread counts of the local workers' environment, ``numba.set_num_threads`` in each
   task), so that workers × threads ≤ cores and nothing is oversubscribed;
4. a point that raises, stops before its final time or fails a check is a failed point: its
   error is reported and recorded, the other points go on. The manifest ``DIR/sweep.json`` is
   rewritten as points finish; progress is shown;
5. at the end the aggregate (:mod:`.aggregate`): ``DIR/sweep.nc``, ``DIR/summary.md``,
   ``DIR/sweep.png``.

*Reproducibility.* A point's numbers depend only on its parameters (its spawned seed included)
and the number of numba threads of its run: not on the number of workers, the order in which
points finish, or whether the point ran in a sweep or alone: ``NUMBA_NUM_THREADS=T landau run …``
with the point's parameters (the manifest lists that command for every point) writes the same
``params``, ``series`` and ``summary`` (up to ``wall_seconds`` and other timings).
"""
from __future__ import annotations

import datetime
import logging
import os
import shlex
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..core.parameters import parameters_dict
from ..core.record import RESULT_FILE, RunRecord, dumps_strict, strict, write_atomic
from ..validation import require_integer
from .grid import Point, check_points, grid_points, normalise_fixed, normalise_grid
from .seeds import SEED_PARAMETER, is_seeded, spawned_seeds

MANIFEST_FILE = "sweep.json"
THREAD_VARIABLES = ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
"""Environment of the local workers: numba's pool and the BLAS libraries sized to the threads
per worker."""
COMPLETED, SKIPPED, FAILED, PENDING = "completed", "skipped", "failed", "pending"


def usable_cores() -> int:
    """Cores this process may run on (the affinity mask where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --- one point, on a worker ---------------------------------------------------------------------

@dataclass(frozen=True)
class PointTask:
    """What a worker needs to run one point (picklable: names and plain values only)."""

    solver: str
    case: str
    name: str
    parameters: dict
    out: str
    mode: str  # "fresh", "resume" (continue from the checkpoint) or "overwrite" (start again)
    threads: int
    figures: bool = True
    checks: Callable | None = None
    max_memory: int | None = None
    command: tuple[str, ...] = ()


def run_point(task: PointTask) -> dict:
    """Run one point through the platform (:func:`landau_num.make_solver`, the run driver) and
    return its outcome: {name, status, reason, record (the run record as a dict, or None),
    threads, traceback}. Never raises: an error is the point's failure."""
    import numba

    from .. import make_solver
    from ..core.driver import run

    numba.set_num_threads(max(1, min(task.threads, numba.config.NUMBA_NUM_THREADS)))
    outcome = {"name": task.name, "threads": numba.get_num_threads(), "record": None, "traceback": None}
    try:
        solver = make_solver(task.solver, task.case, max_memory=task.max_memory, **task.parameters)
        record = run(solver, task.out, resume=task.mode == "resume", overwrite=task.mode == "overwrite",
                     figures=task.figures, checks=task.checks, command=list(task.command))
    except Exception as exc:  # the point fails, the sweep goes on
        outcome.update(status=FAILED, reason=f"{type(exc).__name__}: {exc}", traceback=traceback.format_exc())
        return outcome
    outcome["record"] = record.as_dict()
    outcome.update(status=COMPLETED if point_failure(record) is None else FAILED, reason=point_failure(record) or "")
    return outcome


def point_failure(record: RunRecord) -> str | None:
    """Why a finished run counts as failed (stopped early, or a check failed); None when it did
    not (the exit status of ``landau run`` would be 0)."""
    if not record.completed:
        return f"stopped: {record.stop_reason}"
    failed = [name for name, check in record.summary.get("checks", {}).items() if not check.get("ok")]
    return f"check(s) failed: {', '.join(failed)}" if failed else None


# --- the sweep ------------------------------------------------------------------------------------

@dataclass
class SweepResult:
    """What :func:`run_sweep` returns: the aggregate, each run's outcome and the files."""

    dataset: object
    """The aggregate (an ``xarray.Dataset``, dimensions named after the grid; :mod:`.aggregate`)."""
    outcomes: list[dict]
    """Per run, in grid order: name, directory, parameters, seed, status, reason."""
    out: Path
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def failed(self) -> list[str]:
        return [o["name"] for o in self.outcomes if o["status"] == FAILED]

    @property
    def exit_status(self) -> int:
        """0 when every point completed (now or earlier) and passed its checks; 1 otherwise."""
        return 1 if self.failed else 0

    def record(self, name: str) -> RunRecord:
        """The run record of one point (by directory name)."""
        return RunRecord.read(self.out / name)


@dataclass(frozen=True)
class _Plan:
    point: Point
    seed: int | None
    parameters: dict
    mode: str  # "fresh", "resume", "overwrite" or "skip"
    earlier: RunRecord | None = None


def run_sweep(solver: str, case: str, grid, *, out, repeat: int = 1, seed_root: int = 0,
              workers: int | None = None, threads_per_worker: int = 1, scheduler: str | None = None,
              client=None, checks: Callable | None = None, figures: bool = True, progress: bool = False,
              max_memory: int | None = None, command: Sequence[str] | None = None, **fixed) -> SweepResult:
    """Run the Cartesian product of ``grid`` for ``solver`` on ``case`` (module docstring).

    ``grid``: {parameter: values} (e.g. ``{"n": [12, 16]}``) or command-line specifications
    (``["n=12,16", "dt=0.1,0.05"]``); ``fixed``: the solver's other parameters, as for
    :func:`landau_num.solve`; ``repeat``: replicas per point, each with its own spawned seed
    (solvers with a ``seed`` parameter only); ``seed_root``: the root of ``SeedSequence``;
    ``workers``/``threads_per_worker``: the LocalCluster (default: usable cores ÷ threads per
    worker, at most one worker per point to run); ``scheduler``: the address of an existing
    Dask scheduler instead; ``client``: an existing ``distributed.Client`` instead of either;
    ``checks``: run-record checks as in :func:`landau_num.core.driver.run` (``landau sweep``
    passes those of ``landau run``). Returns a :class:`SweepResult`; raises ValueError on bad
    input before any worker starts."""
    from ..cases import get_case
    from ..core.registry import get_solver

    solver_cls = get_solver(solver)
    if not isinstance(case, str):
        raise ValueError(f"case must be a case name (see `landau cases`), got {case!r}")
    case_obj = get_case(case)
    fixed = normalise_fixed(fixed, solver_cls.Parameters)
    grid = normalise_grid(grid, solver_cls.Parameters)
    require_integer("--repeat", repeat, 1)
    require_integer("--seed-root", seed_root, 0)
    require_integer("--threads-per-worker", threads_per_worker, 1)
    if workers is not None:
        require_integer("--workers", workers, 1)
        if scheduler is not None or client is not None:
            raise ValueError("--workers sizes the LocalCluster; with --scheduler (or a client) the cluster's own "
                             "workers run the points")
    if scheduler is not None and (not isinstance(scheduler, str) or not scheduler.strip() or " " in scheduler):
        raise ValueError(f"--scheduler must be an address such as tcp://host:8786, got {scheduler!r}")
    points = grid_points(grid, repeat)
    seeds = _point_seeds(solver_cls, grid, fixed, repeat, seed_root, len(points))
    check_points(solver_cls, case_obj, fixed, grid, points, seeds, max_memory)
    out = _sweep_dir(out, create=False)
    plans = [_plan(solver_cls, case, out, point, seed, fixed) for point, seed in zip(points, seeds)]
    _sweep_dir(out, create=True)
    command = list(sys.argv if command is None else command)

    outcomes = [_outcome_entry(solver, case, out, plan, threads_per_worker) for plan in plans]
    manifest = _manifest(solver, case, grid, fixed, repeat, seed_root, seeds, threads_per_worker, command, outcomes)
    write_atomic(out / MANIFEST_FILE, dumps_strict(manifest))
    records: list[dict | None] = [plan.earlier.as_dict() if plan.earlier is not None else None for plan in plans]

    todo = [i for i, plan in enumerate(plans) if plan.mode != "skip"]
    if todo:
        count = workers if workers is not None else max(1, usable_cores() // threads_per_worker)
        count = min(count, len(todo))
        tasks = {i: PointTask(solver=solver, case=case, name=plans[i].point.name, parameters=plans[i].parameters,
                              out=str(out / plans[i].point.name), mode=plans[i].mode, threads=threads_per_worker,
                              figures=figures, checks=checks, max_memory=max_memory, command=tuple(command))
                 for i in todo}
        with dask_client(client, scheduler, count, threads_per_worker) as dask:
            manifest["cluster"] = _describe_cluster(dask, client, scheduler, threads_per_worker)
            for i, result in _submit(dask, tasks, progress):
                outcomes[i].update(status=result["status"], reason=result["reason"], threads=result["threads"],
                                   equivalent_command=equivalent_command(solver, case, plans[i].parameters,
                                                                         out / plans[i].point.name, result["threads"]))
                if result.get("traceback"):
                    outcomes[i]["traceback"] = result["traceback"]
                records[i] = result["record"]
                write_atomic(out / MANIFEST_FILE, dumps_strict(manifest))
    manifest["finished"] = _now()
    write_atomic(out / MANIFEST_FILE, dumps_strict(manifest))
    return _finish(out, solver, case, grid, repeat, seed_root, fixed, seeds, outcomes, records, figures)


def _point_seeds(solver_cls, grid, fixed, repeat: int, seed_root: int, count: int) -> list[int | None]:
    """The seed of each run: spawned (:mod:`.seeds`) when the solver is seeded and no seed is
    given, None otherwise (the solver's own or the given seed); ValueError for replicas that would
    be identical."""
    seeded = is_seeded(solver_cls.Parameters)
    given = SEED_PARAMETER in grid or SEED_PARAMETER in fixed
    if repeat > 1 and not seeded:
        raise ValueError(f"--repeat {repeat}: the {solver_cls.name} solver draws no random numbers (it has no seed "
                         f"parameter), so its replicas would be identical; use --repeat 1")
    if repeat > 1 and given:
        raise ValueError(f"--repeat {repeat} spawns a seed per replica; leave seed out of --grid and the options")
    return spawned_seeds(seed_root, count) if seeded and not given else [None] * count


def _sweep_dir(out, create: bool) -> Path:
    """The sweep's directory, checked (and created) as ``landau run`` checks its own."""
    from ..core.driver import prepare_output

    if out is None:
        raise ValueError("--out DIR is required: each point writes its run record in DIR/<point>/")
    out = Path(out)
    if (out / RESULT_FILE).exists():
        raise ValueError(f"--out {out} holds a run record, not a sweep; choose another directory")
    return prepare_output(out, create=create)


def _plan(solver_cls, case: str, out: Path, point: Point, seed, fixed) -> _Plan:
    """Whether a point runs, continues or is skipped, from the record already in its directory."""
    from ..core.driver import CHECKPOINT_FILE

    parameters = point.parameters(fixed, seed)
    where = out / point.name
    if not (where / RESULT_FILE).exists():
        return _Plan(point, seed, parameters, "fresh")
    earlier = RunRecord.read(where)
    ours = strict(parameters_dict(solver_cls.Parameters(**parameters)))
    theirs = earlier.params.get("parameters")
    if (earlier.solver, earlier.case, theirs) != (solver_cls.name, case, ours):
        differ = [k for k in ours if (theirs or {}).get(k) != ours[k]]
        what = (f"a {earlier.solver} run of {earlier.case}" if (earlier.solver, earlier.case) != (solver_cls.name, case)
                else "a run with other parameters (" + ", ".join(f"{k}={theirs.get(k)!r}" for k in differ) + ")")
        raise ValueError(f"{where} holds {what}, not point {point.name} of this sweep; choose another --out")
    if earlier.stop_reason == COMPLETED:
        return _Plan(point, seed, parameters, "skip", earlier)
    return _Plan(point, seed, parameters, "resume" if (where / CHECKPOINT_FILE).is_file() else "overwrite")


def equivalent_command(solver: str, case: str, parameters: Mapping, out: Path, threads: int) -> str:
    """The ``landau run`` command line that repeats one point alone, bit for bit."""
    words = [f"NUMBA_NUM_THREADS={threads}", "landau", "run", solver, "--case", case]
    for name, value in parameters.items():
        flag = f"--{name.replace('_', '-')}"
        if isinstance(value, bool):
            words.append(flag if value else f"--no-{flag[2:]}")
        else:
            words += [flag, repr(value) if isinstance(value, float) else str(value)]
    words += ["--out", str(out)]
    return " ".join(shlex.quote(word) if i else word for i, word in enumerate(words))


def _outcome_entry(solver, case, out: Path, plan: _Plan, threads: int) -> dict:
    entry = {"name": plan.point.name, "dir": str(out / plan.point.name),
             "grid": dict(plan.point.values), "replica": plan.point.replica, "seed": plan.seed,
             "status": PENDING, "reason": "",
             "equivalent_command": equivalent_command(solver, case, plan.parameters, out / plan.point.name, threads)}
    if plan.mode == "skip":
        failure = point_failure(plan.earlier)
        entry.update(status=FAILED if failure else SKIPPED, reason=failure or "completed in an earlier sweep")
    return entry


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _manifest(solver, case, grid, fixed, repeat, seed_root, seeds, threads, command, outcomes) -> dict:
    from ..core.provenance import provenance

    spawned = any(seed is not None for seed in seeds)
    return {"solver": solver, "case": case, "grid": {k: list(v) for k, v in grid.items()}, "fixed": dict(fixed),
            "repeat": repeat, "threads_per_worker": threads,
            "seeds": ({"rule": "numpy.random.SeedSequence(root).spawn(runs)[k] -> generate_state(1, uint64)[0] >> 1, "
                                "k = point index * repeat + replica", "root": seed_root} if spawned else None),
            "started": _now(), "provenance": provenance(command), "points": outcomes}


@contextmanager
def dask_client(client, scheduler: str | None, workers: int, threads: int):
    """The given client; or one connected to ``scheduler``; or a LocalCluster of ``workers``
    processes, one task slot each, numba and BLAS sized to ``threads`` (closed on exit)."""
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler, timeout="30s") as connected:
            yield connected
        return
    env = {name: str(threads) for name in THREAD_VARIABLES}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR, env=env) as cluster, Client(cluster) as local:
        yield local


def _describe_cluster(dask, client, scheduler, threads) -> dict:
    return {"kind": "client" if client is not None else ("scheduler" if scheduler else "LocalCluster"),
            "address": dask.scheduler_info().get("address"), "workers": len(dask.nthreads()),
            "threads_per_worker": threads}


def _submit(dask, tasks: dict[int, PointTask], progress: bool):
    """Submit every task, yield (index, outcome) as they finish; a lost worker or any error of
    Dask's is that point's failure."""
    from distributed import as_completed

    from ..core.progress import Progress

    futures = {dask.submit(run_point, task, key=f"landau-point-{task.name}-{os.urandom(4).hex()}", pure=False,
                           retries=0): i for i, task in tasks.items()}
    bar = Progress(len(futures), label="sweep") if progress else None
    done = failed = 0
    try:
        for future in as_completed(futures):
            i = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker died, or Dask could not run the task
                result = {"name": tasks[i].name, "status": FAILED, "reason": f"{type(exc).__name__}: {exc}",
                          "record": None, "threads": tasks[i].threads, "traceback": traceback.format_exc()}
            done += 1
            failed += result["status"] == FAILED
            if progress and result["status"] == FAILED:
                print(f"\nsweep: point {result['name']} failed: {result['reason']}", file=sys.stderr, flush=True)
            if bar:
                bar.update(done, f"{done}/{len(futures)} points, {failed} failed")
            yield i, result
    finally:
        if bar:
            bar.close()
        for future in futures:
            future.release()


def _finish(out: Path, solver, case, grid, repeat, seed_root, fixed, seeds, outcomes, records, figures) -> SweepResult:
    from .aggregate import FIGURE_FILE, build_dataset, sweep_figure, write_dataset, write_summary

    attrs = {"solver": solver, "case": case, "grid": {k: list(v) for k, v in grid.items()}, "fixed": fixed,
             "repeat": repeat, "seed_root": seed_root if any(s is not None for s in seeds) else "none (deterministic)"}
    dataset = build_dataset(grid, repeat, [o["name"] for o in outcomes], [o["status"] for o in outcomes],
                            [o["reason"] for o in outcomes], records, seeds, attrs)
    files = {"manifest": out / MANIFEST_FILE, "aggregate": write_dataset(dataset, out),
             "summary": write_summary(dataset, out, f"Sweep of {solver} on {case}")}
    if figures and sweep_figure(dataset, out / FIGURE_FILE):
        files["figure"] = out / FIGURE_FILE
    return SweepResult(dataset=dataset, outcomes=outcomes, out=out, files=files)
