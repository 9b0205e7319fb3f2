"""The solver platform (DESIGN.md §1, §6): one driver for every solver, records that survive faults.

For every solver of the table: a bad --out is refused before computing; SIGINT and SIGTERM
mid-run leave a strict-JSON record saying why; --resume then gives the same result as an
uninterrupted run, bit for bit (every solver here is deterministic given its seed); a size
beyond the memory limit is refused with the estimate.
"""
import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import landau_num
from landau_num.core.driver import run
from landau_num.core.progress import Progress
from landau_num.core.record import RunRecord, dumps_strict
from landau_num.core.registry import solver_names
from landau_num.core.summary import summary_lines
from proofs_check import cli

REPO = Path(__file__).resolve().parents[1]

SMALL = {
    "blob": ("bkw2d", dict(n=8, T=0.6, dt=0.1)),
    "spectral": ("bkw2d", dict(n=16, T=0.2, dt=0.02)),
    "maxwell": ("aniso3d", dict(degree=6, T=1.2, dt=0.2)),
    "sde": ("aniso3d", dict(N=8, replicas=4, T=0.3, dt=0.01, records=6)),
    "boltzmann": ("bkw2d", dict(n=16, T=0.4, dt=0.02)),
    "fuzzy": ("fuzzy-shear", dict(nx=3, n=12, T=0.1, dt=0.02, record_every=1)),
}
HUGE = {"blob": dict(n=100_000), "spectral": dict(n=100_000), "maxwell": None, "sde": dict(N=100_000), "boltzmann": dict(n=100_000),
        "fuzzy": dict(n=100_000)}


def _strict_json(path: Path) -> dict:
    def refuse(constant):
        raise ValueError(f"non-strict JSON constant {constant}")
    return json.loads(path.read_text(), parse_constant=refuse)


def _signal_on_call(solver, signum: int, call: int):
    """Make the solver's ``advance`` send ``signum`` to this process during its ``call``-th call."""
    original = solver.advance
    calls = {"n": 0}

    def advance(y, dt, k):
        calls["n"] += 1
        if calls["n"] == call:
            os.kill(os.getpid(), signum)
        return original(y, dt, k)

    solver.advance = advance


def test_every_solver_is_in_the_table_and_has_the_same_help_shape():
    assert solver_names() == ["blob", "spectral", "maxwell", "sde", "boltzmann", "fuzzy"]
    for name in solver_names():
        parser = cli.build_parser()
        run_parser = parser._subparsers._group_actions[0].choices["run"]
        sub = run_parser._subparsers._group_actions[0].choices[name]
        text = sub.format_help()
        for option in ("--case", "--out", "--resume", "--overwrite", "--no-figures", "--max-memory", "--T", "--dt"):
            assert option in text, (name, option)
        assert "allowed:" in text and "default:" in text and "exit status" in text


@pytest.mark.parametrize("name", list(SMALL))
@pytest.mark.parametrize("bad", ["file", "under-file"])
def test_bad_out_is_refused_before_computing(name, bad, tmp_path, capsys):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file")
    out = blocker if bad == "file" else blocker / "run"
    case, params = SMALL[name]
    argv = ["run", name, "--case", case, "--out", str(out)]
    for key, value in params.items():
        argv += [f"--{key.replace('_', '-')}", str(value)]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(blocker) in err
    assert blocker.read_text() == "a file"


@pytest.mark.parametrize("name", list(SMALL))
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_mid_run_leaves_a_strict_record_saying_why(name, signum, tmp_path):
    case, params = SMALL[name]
    solver = landau_num.make_solver(name, case, **params)
    _signal_on_call(solver, signum, 3)
    record = run(solver, tmp_path, figures=False)
    assert not record.completed
    document = _strict_json(tmp_path / "result.json")
    reason = document["summary"]["stop_reason"]
    assert reason.startswith(f"stopped by {signal.Signals(signum).name}") and "last good state kept" in reason
    assert document["summary"]["completed"] is False
    assert (tmp_path / "checkpoint.npz").exists() and (tmp_path / "record.nc").exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # handlers restored


@pytest.mark.parametrize("name", list(SMALL))
def test_resume_equals_an_uninterrupted_run_bit_for_bit(name, tmp_path):
    case, params = SMALL[name]
    full = landau_num.solve(name, case, out=tmp_path / "full", figures=False, **params)
    assert full.record.completed
    solver = landau_num.make_solver(name, case, **params)
    _signal_on_call(solver, signal.SIGINT, 2)
    stopped = run(solver, tmp_path / "part", figures=False)
    assert not stopped.completed and stopped.summary["steps"] < full.record.summary["steps"]
    resumed = landau_num.solve(name, case, out=tmp_path / "part", resume=True, figures=False, **params)
    assert resumed.record.completed
    assert np.array_equal(resumed.state, full.state)
    assert resumed.record.series == full.record.series
    assert resumed.record.summary["steps"] == full.record.summary["steps"]


def test_resume_through_the_command_line_takes_the_stopped_runs_parameters(tmp_path, capsys):
    out = tmp_path / "run"
    argv = ["run", "blob", "--case", "bkw2d", "--n", "8", "--T", "0.4", "--dt", "0.1", "--out", str(out)]
    solver = landau_num.make_solver("blob", "bkw2d", n=8, T=0.4, dt=0.1)
    _signal_on_call(solver, signal.SIGTERM, 2)
    run(solver, out, figures=False)
    assert cli.main(argv) == 2  # a record is there: refused without --resume or --overwrite
    assert "--resume" in capsys.readouterr().err
    assert cli.main(["run", "blob", "--resume", str(out), "--n", "9"]) == 2
    assert "differs" in capsys.readouterr().err
    assert cli.main(["run", "blob", "--resume", str(out), "--no-figures"]) == 0
    document = _strict_json(out / "result.json")
    assert document["summary"]["completed"] and len(document["series"]["times"]) == 5
    assert cli.main(["run", "spectral", "--resume", str(out)]) == 2  # a blob run is not a spectral run


@pytest.mark.parametrize("name", [n for n in SMALL if HUGE[n] is not None])
def test_a_size_beyond_the_limit_is_refused_with_the_estimate(name):
    case, params = SMALL[name]
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"needs about .* above the memory limit"):
        landau_num.make_solver(name, case, **{**params, **HUGE[name]})
    assert time.perf_counter() - start < 5  # refused from the estimate, nothing allocated
    with pytest.raises(ValueError, match="above the memory limit 1 KiB"):
        landau_num.make_solver(name, case, max_memory=1024, **params)


def test_strict_json_under_nan_and_the_summary_printer_copes(tmp_path):
    record = RunRecord(solver="blob", case="bkw2d", params={"dt": math.nan, "eps": math.inf})
    record.append({"times": 0.0, "mass": 1.0, "energy": math.nan, "entropy": -math.inf, "momentum": [0.0, math.nan],
                   "error_l1": math.nan, "error_l2": 1.0, "error_linf": math.inf})
    record.summary.update(stop_reason="non-finite state", highlights={"x": math.nan})
    record.write_json(tmp_path)
    document = _strict_json(tmp_path / "result.json")
    assert document["series"]["energy"] == [None] and document["series"]["momentum"] == [[0.0, None]]
    assert document["series"]["error_vs_exact"] == {"l1": [None], "l2": [1.0], "linf": [None]}
    assert document["params"] == {"dt": None, "eps": None}
    text = "\n".join(summary_lines(RunRecord.read(tmp_path), tmp_path))
    assert "n/a" in text and "non-finite state" in text
    assert dumps_strict({"x": math.nan, "y": [np.float64(math.inf), np.int64(3)]}) == '{\n "x": null,\n "y": [\n  null,\n  3\n ]\n}\n'


def test_an_unstable_step_is_refused_with_the_estimate():
    solver = landau_num.make_solver("spectral", "coulomb2d", n=32, T=0.1)
    limit = solver.stability_limit()
    assert solver.time.step <= 0.8 * limit + 1e-15
    with pytest.raises(ValueError, match="exceeds the stability estimate"):
        landau_num.make_solver("spectral", "coulomb2d", n=32, T=4 * 1.3 * limit, dt=1.3 * limit)


def test_gamma_override_drops_the_exact_references():
    solver = landau_num.make_solver("spectral", "bkw2d", n=16, T=0.1, gamma=-1.0)
    assert solver.case.gamma == -1.0 and solver.case.references() == []
    assert "error_l2" not in solver.diagnostics(solver.y0, 0.0)
    same = landau_num.make_solver("spectral", "bkw2d", n=16, T=0.1, gamma=0.0)
    assert same.case.references() == ["exact_density", "exact_second_moments", "exact_fourth_moment"]


def test_progress_outside_a_terminal_writes_lines_with_elapsed_time_and_estimate():
    class Log(list):
        def write(self, text):
            self.append(text)

        def flush(self):
            pass

    clock = iter([0.0, 5.0, 12.0, 13.0, 30.0]).__next__
    log = Log()
    bar = Progress(10.0, label="blob bkw2d", stream=log, cadence=10.0, clock=clock)
    for done in (1.0, 4.0, 5.0, 10.0):
        bar.update(done)
    lines = "".join(log).splitlines()
    assert len(lines) == 2  # at t = 12 s and t = 30 s of wall time, not at every step
    assert "40.0%" in lines[0] and "elapsed 12s" in lines[0] and "left ~18s" in lines[0]
    assert "100.0%" in lines[1] and "left ~0s" in lines[1]


def test_cases_version_and_plot_commands(tmp_path, capsys):
    assert cli.main(["cases", "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in cases] == landau_num.case_names()
    bkw = next(c for c in cases if c["name"] == "bkw2d")
    assert bkw["exact_for"] == {"gamma": 0.0, "C": 1 / 16} and "exact_density" in bkw["exact_references"]
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0 and landau_num.__version__ in capsys.readouterr().out
    landau_num.solve("blob", "bkw2d", n=8, T=0.2, dt=0.1, out=tmp_path, figures=False)
    assert not list(tmp_path.glob("*.png"))
    assert cli.main(["plot", str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.glob("*.png")} == {"entropy_dissipation.png", "conservation.png",
                                                        "density_slice.png"}


def test_sigterm_to_the_command_stops_it_cleanly(tmp_path):
    """A batch scheduler's SIGTERM to `landau run`: the record says so and the exit status is 1."""
    out = tmp_path / "run"
    process = subprocess.Popen([sys.executable, "-m", "proofs_check.cli", "run", "blob", "--case", "bkw2d",
                                "--n", "10", "--T", "1000", "--dt", "0.05", "--out", str(out), "--no-figures"],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if (out / "result.json").exists() and len(_strict_json(out / "result.json")["series"]["times"]) > 3:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    stdout, _ = process.communicate(timeout=120)
    assert process.returncode == 1
    document = _strict_json(out / "result.json")
    assert document["summary"]["stop_reason"].startswith("stopped by SIGTERM")
    assert "stopped by SIGTERM" in stdout


@pytest.mark.parametrize("script,args", [("verify_identity.py", []), ("run_case.py", ["48", "0.05"]),
                                         ("convergence_study.py", ["0.3", "8", "12"])])
def test_examples_run(script, args):
    out = subprocess.run([sys.executable, str(REPO / "examples" / script), *args], capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


def test_public_api_declares_all_and_version():
    import landau_sym
    import proofs_check

    for package in (landau_num, landau_sym, proofs_check):
        assert package.__version__ == landau_num.__version__ != ""
        for name in package.__all__:
            assert getattr(package, name) is not None, (package.__name__, name)
