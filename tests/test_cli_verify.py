"""`landau verify`: JSON schema, exit statuses, and the verdicts of the registry (issue #2)."""
import math

import numpy as np
import pytest
import sympy as sp
from scipy import integrate

from landau_sym.registry import KINDS, VERDICTS, CrossCheck, Identity, Outcome, Registry, run_identity
from proofs_check import cli

REQUIRED_IDS = {
    "cross-product", "b-fields-decompose-kernel", "b-tilde-properties", "lie-bracket-table",
    "lifted-operator-sum-of-squares", "laplacian-commutation", "sphere-laplace-beltrami",
    "hermite-recurrences", "gaussian-poincare-weighted", "gaussian-poincare-mean-zero",
    "maxwell-reduction", "second-moment-law", "bkw-exact-solution", "collision-invariants",
}
ENTRY_KEYS = {"id", "title", "statement", "reference", "kind", "method", "verdict", "evidence",
              "corrected_statement", "numeric", "seconds"}
NUMERIC_KEYS = {"description", "examples", "max_residual", "tolerance", "digits", "passed"}


def test_json_schema(registry_json):
    status, doc = registry_json
    assert status == 0
    assert doc["schema_version"] == 1
    assert set(doc["summary"]) == set(VERDICTS)
    assert sum(doc["summary"].values()) == len(doc["entries"])
    ids = [e["id"] for e in doc["entries"]]
    assert REQUIRED_IDS <= set(ids)
    assert len(ids) == len(set(ids))
    for entry in doc["entries"]:
        assert set(entry) == ENTRY_KEYS
        assert entry["verdict"] in VERDICTS
        assert entry["kind"] in KINDS
        assert ".txt" in entry["reference"] or "DESIGN.md" in entry["reference"]
        assert isinstance(entry["evidence"], dict) and entry["evidence"]
        assert set(entry["numeric"]) == NUMERIC_KEYS
        assert entry["numeric"]["examples"] > 0 and entry["numeric"]["digits"] >= 30
        assert entry["seconds"] >= 0


def test_every_entry_has_a_decided_verdict(registry_json):
    """Every entry is verified or refuted (never inconclusive or error), and a refutation carries
    its counterexample and a corrected statement. Which entries are refuted is pinned by the tests
    of each seed's entries (a refutation is a finding about that statement)."""
    _, doc = registry_json
    verdicts = {e["id"]: e["verdict"] for e in doc["entries"]}
    assert verdicts["gaussian-poincare-weighted"] == "refuted"  # 004 Lemma 2 (i), false as printed
    assert set(verdicts.values()) <= {"verified", "refuted"}
    for entry in doc["entries"]:
        if entry["verdict"] == "refuted":
            assert entry["corrected_statement"], entry["id"]
            assert any("counterexample" in key for key in entry["evidence"]), entry["id"]
        assert entry["numeric"]["passed"], entry["id"]
        assert entry["numeric"]["max_residual"] <= entry["numeric"]["tolerance"]


def test_poincare_counterexample_is_a_counterexample(registry_json):
    """The reported φ violates Lemma 2 (i), checked here with scipy quadrature."""
    _, doc = registry_json
    entry = next(e for e in doc["entries"] if e["id"] == "gaussian-poincare-weighted")
    x = sp.Symbol("x")
    phi = sp.sympify(entry["evidence"]["counterexample"]["phi"], locals={"x": x})
    f = sp.lambdify(x, phi)
    df = sp.lambdify(x, sp.diff(phi, x))
    m = lambda t: math.exp(-t * t / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    lhs = integrate.quad(lambda t: t * t * f(t) ** 2 * m(t), -np.inf, np.inf)[0]
    rhs = 2 * integrate.quad(lambda t: df(t) ** 2 * m(t), -np.inf, np.inf)[0] \
        + 2 * integrate.quad(lambda t: f(t) ** 2 * m(t), -np.inf, np.inf)[0]
    assert lhs > rhs + 1e-6
    assert entry["corrected_statement"] and "4" in entry["corrected_statement"]


def test_bracket_table_evidence_lists_every_bracket(registry_json):
    _, doc = registry_json
    entry = next(e for e in doc["entries"] if e["id"] == "lie-bracket-table")
    assert len(entry["evidence"]["table"]) == 36  # all pairs among 9 fields
    assert entry["evidence"]["disagreements_with_seed"] == []
    assert set(entry["evidence"]["structure_constants"].values()) == {"holds"}


def test_only_unknown_id_exits_2_and_names_valid_ids(capsys):
    assert cli.main(["verify", "--only", "no-such-identity"]) == 2
    err = capsys.readouterr().err.strip()
    assert "no-such-identity" in err and "cross-product" in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("argv", [["frobnicate"], ["verify", "--bogus"], []])
def test_bad_arguments_exit_2_with_one_line(argv, capsys):
    assert cli.main(argv) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_only_runs_the_selected_entries(tmp_path):
    out = tmp_path / "one.json"
    assert cli.main(["verify", "--only", "maxwell-reduction", "--json", str(out), "--markdown", str(tmp_path / "r.md")]) == 0
    import json
    doc = json.loads(out.read_text())
    assert [e["id"] for e in doc["entries"]] == ["maxwell-reduction"]
    assert "maxwell-reduction" in (tmp_path / "r.md").read_text()


def _identity(check, residual, tolerance=1e-20):
    return Identity(id="synthetic", title="t", statement="s", reference="none.txt", kind="identity",
                    method="m", check=check, cross_check=CrossCheck(residual, tolerance, "d", examples=3))


def test_crashing_entry_is_an_error_and_exits_1(monkeypatch, capsys):
    def boom():
        raise RuntimeError("deliberate")
    registry = Registry()
    registry.add(_identity(boom, lambda draw: 0))
    monkeypatch.setattr("proofs_check.claims.REGISTRY", registry)
    assert cli.main(["verify"]) == 1
    assert "error" in capsys.readouterr().out


def test_numeric_disagreement_makes_entry_inconclusive():
    result = run_identity(_identity(lambda: Outcome("verified", {"r": "0"}), lambda draw: 1.0))
    assert result.verdict == "inconclusive"
    assert "disagreement" in result.evidence
    agreeing = run_identity(_identity(lambda: Outcome("verified", {"r": "0"}), lambda draw: 0.0))
    assert agreeing.verdict == "verified"


def test_check_runs_registry_and_quick_checks_and_writes_report(monkeypatch, tmp_path):
    from proofs_check.claims import REGISTRY

    small = Registry()
    small.add(REGISTRY.entries["maxwell-reduction"])
    monkeypatch.setattr("proofs_check.claims.REGISTRY", small)
    out = tmp_path / "report"
    assert cli.main(["check", "--out", str(out)]) == 0
    import json
    doc = json.loads((out / "identities.json").read_text())
    ids = [e["id"] for e in doc["entries"]]
    assert ids[0] == "maxwell-reduction"
    assert {"blob-bkw2d-quick", "spectral-bkw2d-quick", "spectral-coulomb2d-quick", "maxwell-exact-quick",
            "sde-quick"} <= set(ids)
    assert all(e["verdict"] == "verified" for e in doc["entries"])
    report = (out / "report.md").read_text()
    assert "## Figures of the quick simulation checks" in report
    assert "(blob-bkw2d/entropy_dissipation.png)" in report and (out / "blob-bkw2d" / "entropy_dissipation.png").exists()
    assert "## Coverage of the seeds' numbered statements" in report
    assert [c["seed"][:3] for c in doc["coverage"]] == ["000", "001", "002", "003", "004"]


def test_check_refuses_an_out_path_that_is_a_file(tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("x")
    assert cli.main(["check", "--out", str(target)]) == 2
    assert "is not a directory" in capsys.readouterr().err
