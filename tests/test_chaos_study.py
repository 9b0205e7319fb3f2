"""`landau study chaos` (proofs_check/studies/chaos.py) at tiny sizes: every N is an sde run of a
sweep in DIR/runs (landau_num.run_sweep on a one-worker LocalCluster), and the study's numbers are
recomputed here from those runs' fields with plain NumPy; a second study on the same DIR skips the
finished runs and gives the same record."""
import json

import numpy as np
import pytest
import xarray as xr

from landau_num.cases import get_case
from proofs_check.cli import main

ARGS = ["study", "chaos", "--N", "10", "20", "40", "--total", "80", "--dt", "0.05", "--T", "0.2", "--workers", "1"]


def _velocities(run_dir):
    with xr.open_dataset(run_dir / "record.nc", engine="h5netcdf") as fields:
        return fields["initial_velocities"].values, fields["final_velocities"].values


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    out = tmp_path_factory.mktemp("chaos")
    status = main(ARGS + ["--out", str(out)])
    return out, status, json.loads((out / "record.json").read_text())


def test_each_N_is_an_sde_run_of_a_sweep(study):
    out, status, record = study
    assert status in (0, 1)  # verified or inconclusive: a slope over three tiny N is noisy
    assert record["verdict"] == ("verified" if -0.75 <= record["fluctuation_slope"] <= -0.25 else "inconclusive")
    assert [(r["N"], r["replicas"]) for r in record["rows"]] == [(10, 8), (20, 4), (40, 2)]
    seeds = [r["seed"] for r in record["rows"]] + [record["reference_run"]["seed"]]
    assert len(set(seeds)) == len(seeds)  # independent runs
    for row in record["rows"] + [dict(record["reference_run"], N=40, replicas=1)]:
        result = json.loads((out / row["run"] / "result.json").read_text())
        params = result["params"]["parameters"]
        assert (result["solver"], result["case"], result["summary"]["steps"]) == ("sde", "aniso3d", 4)
        assert (params["scheme"], params["N"], params["replicas"], params["seed"]) == \
            ("pairing", row["N"], row["replicas"], row["seed"])
        manifest = json.loads((out / row["run"]).parent.joinpath("sweep.json").read_text())
        assert any(p["name"] == f"N={row['N']}" and p["status"] == "completed" for p in manifest["points"])
    assert (out / "chaos.png").stat().st_size > 0


def test_numbers_recomputed_from_the_runs(study):
    out, _, record = study
    case = get_case("aniso3d")
    # Σ(t) = Σ∞ − (Σ∞ − Σ₀)e^{−4dCt}, d = 3, Σ∞ = (tr Σ₀/3) I (seed 003, Maxwell molecules), written out here
    sigma0 = case.exact_second_moments(0.0)
    sigma_inf = np.trace(sigma0) / 3 * np.eye(3)
    landau = sigma_inf - (sigma_inf - sigma0) * np.exp(-12 * case.C * 0.2)
    _, reference = _velocities(out / record["reference_run"]["run"])
    ref = reference[0]
    M = len(ref)
    ref_self = np.linalg.norm(ref[:, None] - ref[None], axis=-1).sum() / (M * (M - 1))
    for row in record["rows"]:
        v0, v = _velocities(out / row["run"])
        N = row["N"]
        assert v.shape == v0.shape == (row["replicas"], N, 3)
        S = np.einsum("rni,rnj->rij", v, v) / N
        # relative 1e-12: the same sums in another order (einsum vs the study's compiled sums)
        assert row["second_moment_error_landau"] == pytest.approx(
            np.linalg.norm(S - landau, axis=(1, 2)).mean(), rel=1e-12)
        cross = np.linalg.norm(v[:, :, None] - ref[None, None], axis=-1).mean(axis=(1, 2))
        own = np.linalg.norm(v[:, :, None] - v[:, None], axis=-1).sum(axis=(1, 2)) / (N * (N - 1))
        assert row["energy_distance_U"] == pytest.approx((2 * cross - own - ref_self).mean(), rel=1e-9, abs=1e-12)
        # the exact law of the pairing scheme given V(0): K∞ + (1 − ρ)ⁿ(K0 − K∞), ρ = N(1 − e^{−24C dt})/(2(N − 1)),
        # n = 4 steps of dt = 0.05, K the centred second moments, K∞ = (tr K0/3) I; the mean is conserved
        mean = v0.mean(axis=1)
        mm = np.einsum("ri,rj->rij", mean, mean)
        K0 = np.einsum("rni,rnj->rij", v0, v0) / N - mm
        K_inf = np.trace(K0, axis1=1, axis2=2)[:, None, None] / 3 * np.eye(3)
        rho = N * (1 - np.exp(-24 * case.C * 0.05)) / (2 * (N - 1))
        law = mm + K_inf + (1 - rho) ** 4 * (K0 - K_inf)
        assert row["second_moment_error_scheme_law"] == pytest.approx(
            np.linalg.norm(S - law, axis=(1, 2)).mean(), rel=1e-12)


def test_rerun_skips_finished_runs_and_repeats_the_record(study):
    out, status, record = study
    assert main(ARGS + ["--out", str(out)]) == status
    again = json.loads((out / "record.json").read_text())
    assert again == record  # timings included: they are read from the (unchanged) run records
    for name in record["runs"].values():
        manifest = json.loads((out / name / "sweep.json").read_text())
        assert {p["status"] for p in manifest["points"]} == {"skipped"}


TIMINGS = ("seconds", "pair_updates_per_second")


def test_two_workers_give_the_same_numbers(study, tmp_path):
    _, _, record = study
    assert main(ARGS[:-2] + ["--workers", "2", "--out", str(tmp_path)]) in (0, 1)
    two = json.loads((tmp_path / "record.json").read_text())
    strip = lambda rows: [{k: v for k, v in row.items() if k not in TIMINGS} for row in rows]  # noqa: E731
    assert strip(two["rows"]) == strip(record["rows"])
    assert (two["fluctuation_slope"], two["verdict"]) == (record["fluctuation_slope"], record["verdict"])


def test_bad_input_is_refused_before_any_run(tmp_path):
    assert main(["study", "chaos", "--N", "11", "--out", str(tmp_path)]) == 2
    assert main(["study", "chaos", "--N", "10", "--workers", "1", "--scheduler", "tcp://h:1", "--out",
                 str(tmp_path)]) == 2
    assert not (tmp_path / "runs").exists()
