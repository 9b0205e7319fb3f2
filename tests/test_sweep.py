"""Parameter sweeps on Dask (landau_num.sweep, `landau sweep`; DESIGN.md §6, §9).

The grid is read against the solver's declared parameters and refused before any worker starts;
each point of a sweep on a LocalCluster writes the run record `landau run` writes for the same
parameters (params, series and summary equal, timings aside, with the same numba thread count);
a point that fails at run time is isolated; a re-run skips the finished points and continues the
unfinished ones; spawned seeds do not depend on the number of workers, and a point repeated alone
with its recorded seed gives the same numbers.
"""
import json
import logging
import shlex

import numba
import numpy as np
import pytest
import xarray as xr
from hypothesis import given, settings
from hypothesis import strategies as st

from landau_num.blob.solver import BlobParameters
from landau_num.core.record import RunRecord
from landau_num.sweep import grid_points, normalise_grid, run_sweep, runner, spawned_seeds
from proofs_check import cli

TIMINGS = ("wall_seconds", "integrator_seconds", "pair_updates_per_second", "pair updates per second")
BLOB = dict(T=0.5)
SDE = dict(replicas=2, T=0.04, dt=0.01, records=2)


def comparable(document: dict) -> tuple:
    """A record's params, series and summary without its timings (what must equal a lone run's)."""
    def untimed(entry):
        if isinstance(entry, dict):
            return {k: untimed(v) for k, v in entry.items() if k not in TIMINGS}
        return entry
    return document["params"], document["series"], untimed(document["summary"])


class one_thread:
    """numba's thread count set to 1 in this thread (the sweep's default threads per worker)."""

    def __enter__(self):
        self.before = numba.get_num_threads()
        numba.set_num_threads(1)

    def __exit__(self, *exc):
        numba.set_num_threads(self.before)


@pytest.fixture(scope="module")
def client():
    """A 2-worker LocalCluster (processes, one task slot each, numba threads 1), shared by the tests."""
    from distributed import Client, LocalCluster

    env = {name: "1" for name in runner.THREAD_VARIABLES}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR, env=env) as cluster, Client(cluster) as c:
        yield c


# --- the grid ------------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None)
@given(ns=st.lists(st.integers(2, 10_000), min_size=1, max_size=4, unique=True),
       dts=st.lists(st.floats(1e-6, 10.0, allow_nan=False), min_size=1, max_size=3, unique=True),
       repeat=st.integers(1, 3))
def test_grid_specs_parse_to_the_product_with_unique_names(ns, dts, repeat):
    text = [f"n={','.join(map(str, ns))}", f"dt={','.join(map(repr, dts))}"]
    grid = normalise_grid(text, BlobParameters)
    assert grid == {"n": tuple(ns), "dt": tuple(dts)}
    assert normalise_grid({"n": ns, "dt": dts}, BlobParameters) == grid
    points = grid_points(grid, repeat)
    assert len(points) == len(ns) * len(dts) * repeat
    assert len({p.name for p in points}) == len(points)
    # grid order, the first name slowest, replicas innermost; a name reads back to its values
    first = points[0]
    assert dict(first.values) == {"n": ns[0], "dt": dts[0]} and first.replica == (0 if repeat > 1 else None)
    for point in points:
        fields = dict(part.split("=") for part in point.name.split(","))
        assert int(fields["n"]) == dict(point.values)["n"] and float(fields["dt"]) == dict(point.values)["dt"]


@settings(max_examples=30, deadline=None)
@given(n=st.integers(-100, 1), dt=st.floats(-10, 0, allow_nan=False))
def test_out_of_range_grid_values_are_refused_naming_them(n, dt):
    with pytest.raises(ValueError, match=rf"--grid n={n}: --n must be an integer >= 2, got {n}"):
        normalise_grid([f"n=12,{n}"], BlobParameters)
    with pytest.raises(ValueError, match=r"--grid dt=.*--dt must be a finite real number > 0"):
        normalise_grid({"dt": [0.1, dt]}, BlobParameters)


@pytest.mark.parametrize("specs,message", [
    (["m=1,2"], "unknown parameter 'm'"),
    (["n=12,1.5"], "expected an integer, got '1.5'"),
    (["n="], "empty value"),
    (["n=12,,16"], "empty value"),
    (["12,16"], "expected NAME=V1,V2"),
    (["n=12,12"], "the value 12 is given twice"),
    (["n=12", "n=16"], "given twice"),
    (["scheme=rk4,euler"], "--scheme must be one of rk4, midpoint, got 'euler'"),
    (["dt=0.1,nan"], "--dt must be a finite real number > 0, got nan"),
    (["T=1,1.0"], "the value 1.0 is given twice"),
])
def test_bad_grid_specs_are_refused(specs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(".", r"\.")):
        normalise_grid(specs, BlobParameters)


@pytest.mark.parametrize("argv,message", [
    (["blob", "--case", "bkw2d", "--grid", "n=12,1"], "--grid n=1: --n must be an integer >= 2, got 1"),
    (["blob", "--case", "nosuch", "--grid", "n=12"], "unknown case 'nosuch'"),
    (["blob", "--case", "bkw2d", "--grid", "n=12", "--n", "16"], "--n is given both as a fixed option and in --grid"),
    (["blob", "--case", "bkw2d", "--grid", "n=12", "--repeat", "2"], "the blob solver draws no random numbers"),
    (["blob", "--case", "coulomb2d", "--grid", "interaction=moments,direct"], "grid point interaction=moments: "
                                                                              "--interaction moments needs gamma = 0"),
    (["sde", "--case", "bkw2d", "--grid", "N=8"], "grid point N=8: --case 'bkw2d' cannot start the particle system"),
    (["sde", "--case", "aniso3d", "--grid", "seed=1,2", "--repeat", "2"], "--repeat 2 spawns a seed per replica"),
    (["sde", "--case", "aniso3d", "--grid", "N=8", "--seed-root", "-1"], "--seed-root must be an integer >= 0"),
    (["blob", "--case", "bkw2d", "--grid", "n=12", "--workers", "0"], "--workers must be an integer >= 1"),
    (["blob", "--case", "bkw2d", "--grid", "n=100000", "--max-memory", "1M"], "grid point n=100000:"),
])
def test_sweep_refuses_bad_input_before_any_worker_starts(argv, message, tmp_path, capsys, monkeypatch):
    def no_cluster(*args, **kwargs):
        raise AssertionError("a cluster was started for bad input")

    monkeypatch.setattr(runner, "dask_client", no_cluster)
    out = tmp_path / "sweep"
    assert cli.main(["sweep", *argv, "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err, err
    assert not out.exists()


@pytest.mark.parametrize("kwargs,message", [
    (dict(nosuch=1), "unknown parameter 'nosuch'"),
    (dict(T="long"), "--T must be a finite real number > 0, got 'long'"),
    (dict(T=0.5, workers=2, scheduler="tcp://127.0.0.1:1"), "--workers sizes the LocalCluster"),
    (dict(T=0.5, scheduler="tcp://host 8786"), "--scheduler must be an address"),
    (dict(T=0.5, repeat=0), "--repeat must be an integer >= 1, got 0"),
])
def test_python_twin_refuses_bad_input_before_any_worker_starts(kwargs, message, tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "dask_client", None)  # calling it would raise TypeError, not ValueError
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        run_sweep("blob", "bkw2d", {"n": [12]}, out=tmp_path / "sweep", **kwargs)
    assert not (tmp_path / "sweep").exists()


def test_spawned_seeds_are_the_children_of_the_root():
    seeds = spawned_seeds(7, 5)
    children = [np.random.SeedSequence(7, spawn_key=(k,)) for k in range(5)]
    assert seeds == [int(c.generate_state(2, dtype=np.uint32).view(np.uint64)[0]) >> 1 for c in children]
    assert spawned_seeds(7, 8)[:5] == seeds and len(set(seeds)) == 5
    assert all(0 <= s < 2**63 for s in seeds) and spawned_seeds(8, 5) != seeds


# --- sweeps on a cluster -------------------------------------------------------------------------

def test_landau_sweep_writes_the_records_of_landau_run_and_the_aggregate(tmp_path, capsys):
    out = tmp_path / "sweep"
    status = cli.main(["sweep", "blob", "--case", "bkw2d", "--T", "0.5", "--grid", "n=12,16", "--workers", "2",
                       "--out", str(out), "--no-figures"])
    printed = capsys.readouterr().out
    assert status == 0 and "2 runs: 2 completed" in printed
    manifest = json.loads((out / "sweep.json").read_text())
    assert manifest["cluster"]["workers"] == 2 and manifest["cluster"]["kind"] == "LocalCluster"
    with xr.open_dataset(out / "sweep.nc", engine="h5netcdf") as data:
        aggregate = data.load()
    assert aggregate["final_error_l2"].dims == ("n",) and list(aggregate["n"].values) == [12, 16]
    for n in (12, 16):
        alone = tmp_path / f"alone{n}"
        with one_thread():
            assert cli.main(["run", "blob", "--case", "bkw2d", "--T", "0.5", "--n", str(n), "--out", str(alone),
                             "--no-figures"]) == 0
        ours = json.loads((out / f"n={n}" / "result.json").read_text())
        theirs = json.loads((alone / "result.json").read_text())
        assert comparable(ours) == comparable(theirs)
        assert ours["provenance"]["threads"] == 1
        assert (out / f"n={n}" / "record.nc").is_file()
        final = aggregate.sel(n=n)
        assert final["final_error_l2"].item() == theirs["series"]["error_vs_exact"]["l2"][-1]
        assert final["final_entropy"].item() == theirs["series"]["entropy"][-1]
        assert np.array_equal(final["time"].values, theirs["series"]["times"])
    assert "| 16 | completed |" in (out / "summary.md").read_text()


def test_a_failing_point_is_isolated_and_a_rerun_skips_finished_points(tmp_path, client):
    out = tmp_path / "sweep"
    # L = 1 passes the declared range (L > 0) but the box is too small for bkw2d: the solver's
    # set-up refuses it on the worker, at run time
    first = run_sweep("blob", "bkw2d", {"L": [4.0, 1.0]}, out=out, client=client, figures=False, n=12, **BLOB)
    assert first.exit_status == 1 and first.failed == ["L=1.0"]
    statuses = dict(zip(first.dataset["point"].values, first.dataset["status"].values))
    assert statuses == {"L=4.0": "completed", "L=1.0": "failed"}
    assert "too small for case bkw2d" in first.dataset["reason"].sel(L=1.0).item()
    assert np.isnan(first.dataset["final_entropy"].sel(L=1.0).item())
    assert np.isfinite(first.dataset["final_entropy"].sel(L=4.0).item())
    done = out / "L=4.0" / "result.json"
    before = (done.read_text(), done.stat().st_mtime_ns)

    # the same sweep and one more point: only the failed and the new point run
    second = run_sweep("blob", "bkw2d", {"L": [4.0, 1.0, 4.5]}, out=out, client=client, figures=True, n=12, **BLOB)
    outcomes = {o["name"]: o["status"] for o in second.outcomes}
    assert outcomes == {"L=4.0": "skipped", "L=1.0": "failed", "L=4.5": "completed"}
    assert (out / "L=4.5" / "entropy_dissipation.png").is_file() and (out / "sweep.png").is_file()
    assert (done.read_text(), done.stat().st_mtime_ns) == before
    assert second.dataset["final_entropy"].sel(L=4.0).item() == first.dataset["final_entropy"].sel(L=4.0).item()

    # a point whose record says it stopped early continues from its checkpoint to the same numbers
    stopped = json.loads(done.read_text())
    expected = comparable(stopped)
    stopped["summary"].update(stop_reason="stopped by SIGTERM at step 10 (t=0.5); last good state kept",
                              completed=False)
    done.write_text(json.dumps(stopped))
    third = run_sweep("blob", "bkw2d", {"L": [4.0]}, out=out, client=client, figures=False, n=12, **BLOB)
    assert third.outcomes[0]["status"] == "completed" and third.exit_status == 0
    assert comparable(json.loads(done.read_text()))[:2] == expected[:2]

    # a directory holding another run is refused before anything runs
    with pytest.raises(ValueError, match=r"holds a run with other parameters \(n=12\)"):
        run_sweep("blob", "bkw2d", {"L": [4.0]}, out=out, client=client, figures=False, n=16, **BLOB)


@pytest.mark.filterwarnings("ignore:Port 8787 is already in use")  # another Dask on this machine: harmless
def test_seeds_are_reproducible_whatever_the_workers_and_alone(tmp_path, client):
    from distributed import Client, LocalCluster

    grid = {"N": [8, 10]}
    two = run_sweep("sde", "aniso3d", grid, repeat=2, seed_root=3, out=tmp_path / "two", client=client,
                    figures=False, **SDE)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as single:
        one = run_sweep("sde", "aniso3d", grid, repeat=2, seed_root=3, out=tmp_path / "one", client=single,
                        figures=False, **SDE)
    assert two.exit_status == one.exit_status == 0
    seeds = spawned_seeds(3, 4)
    assert [o["seed"] for o in two.outcomes] == [o["seed"] for o in one.outcomes] == seeds
    assert two.dataset["seed"].values.ravel().tolist() == seeds
    for outcome in two.outcomes:
        ours = RunRecord.read(tmp_path / "two" / outcome["name"]).as_dict()
        theirs = RunRecord.read(tmp_path / "one" / outcome["name"]).as_dict()
        assert comparable(ours) == comparable(theirs) and ours["params"]["seed"] == outcome["seed"]
    # replicas of a point differ (their own seeds)
    entropy = two.dataset["final_entropy"].sel(N=8).values
    assert entropy[0] != entropy[1]
    # the manifest's command repeats a point alone: same numbers
    manifest = json.loads((tmp_path / "two" / "sweep.json").read_text())
    entry = manifest["points"][3]
    words = shlex.split(entry["equivalent_command"])
    assert words[0] == "NUMBA_NUM_THREADS=1" and words[1:3] == ["landau", "run"]
    words[words.index("--out") + 1] = str(tmp_path / "alone")
    with one_thread():
        assert cli.main(words[2:]) == 0
    alone = RunRecord.read(tmp_path / "alone").as_dict()
    assert comparable(alone) == comparable(RunRecord.read(tmp_path / "two" / entry["name"]).as_dict())
    assert alone["params"]["seed"] == seeds[3]
