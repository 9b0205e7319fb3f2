"""`landau run sde` (proofs_check.run_sde) and the quick SDE check of `landau check`."""
import argparse
import json

import numpy as np
import pytest

from proofs_check.run_sde import add_sde_parser, run_sde_command


def parse(argv):
    parser = argparse.ArgumentParser(prog="landau")
    sub = parser.add_subparsers(dest="command", required=True)
    add_sde_parser(sub.add_parser("run").add_subparsers(dest="solver", required=True))
    return parser.parse_args(["run", "sde"] + argv)


def test_run_sde_writes_the_run_record_and_figures(tmp_path, capsys):
    out = tmp_path / "run"
    args = parse(["--case", "aniso3d", "--N", "6", "--replicas", "3", "--T", "0.2", "--dt", "0.05", "--seed", "9",
                  "--scheme", "euler", "--out", str(out)])
    assert args.handler is run_sde_command and run_sde_command(args) == 0
    record = json.loads((out / "result.json").read_text())
    for key in ("case", "solver", "params", "times", "mass", "momentum", "energy", "second_moments", "entropy",
                "wall_seconds", "steps", "stop_reason", "second_moments_std", "second_moments_landau",
                "second_moments_finite_N", "energy_relative_drift_max", "euler_energy_drift"):
        assert key in record, key
    assert record["solver"] == "sde" and record["params"]["seed"] == 9 and record["params"]["N"] == 6
    assert record["steps"] == 4 and record["stop_reason"] == "completed"
    assert record["params"]["eta"] == pytest.approx(6 ** (-1 / 3))
    assert np.array(record["second_moments"]).shape == (len(record["times"]), 3, 3)
    # momentum of every replica is conserved by both schemes
    assert max(record["momentum_relative_drift_max"]) < 1e-13
    with np.load(out / "fields.npz") as fields:
        assert fields["final_velocities"].shape == (3, 6, 3)
    assert all((out / name).exists() for name in ("second_moments.png", "conservation.png", "functionals.png"))
    assert "run record" in capsys.readouterr().out


def test_run_sde_without_figures_is_reproducible(tmp_path):
    finals = []
    for k in range(2):
        out = tmp_path / f"r{k}"
        args = parse(["--case", "bkw3d", "--N", "4", "--replicas", "2", "--T", "0.1", "--dt", "0.05", "--eta", "0.2",
                      "--out", str(out), "--no-figures"])
        assert run_sde_command(args) == 0
        assert not list(out.glob("*.png"))
        with np.load(out / "fields.npz") as fields:
            finals.append(fields["final_velocities"])
    assert np.array_equal(*finals)
    errors = json.loads((out / "result.json").read_text())["error_vs_exact"]  # bkw3d has an exact density
    assert set(errors) == {"l1", "l2", "linf"} and len(errors["l1"]) == 3


@pytest.mark.parametrize("argv, name", [
    (["--N", "1"], "N"), (["--replicas", "0"], "replicas"), (["--dt", "0"], "dt"), (["--dt", "-1"], "dt"),
    (["--T", "0"], "T"), (["--eta", "0"], "eta"), (["--scheme", "heun"], "scheme"), (["--seed", "-3"], "seed"),
    (["--case", "bkw2d"], "case"), (["--case", "nosuch"], "case"),
])
def test_bad_input_raises_a_one_line_value_error_naming_the_value(tmp_path, argv, name):
    args = parse(["--case", "aniso3d", "--out", str(tmp_path / "x")] + argv)
    with pytest.raises(ValueError, match=name) as info:
        run_sde_command(args)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "x").exists()  # nothing computed or written


def test_quick_check_verifies():
    from proofs_check.quick_checks_sde import sde_quick

    result = sde_quick()
    assert result.verdict == "verified", result.evidence
    assert result.evidence["rotation_energy_relative_error_max"] <= 1e-12
