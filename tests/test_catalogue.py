"""The seeds' catalogues (DESIGN.md §3): well-formed, consistent with the registry, and counted."""
import re

import pytest

from proofs_check import cli
from proofs_check.catalogue import SEED_KEYS, Statement, catalogue, catalogues, coverage
from proofs_check.claims import REGISTRY


def test_every_catalogued_id_is_a_registry_entry():
    for cat in catalogues():
        missing = [i for i in cat.ids() if i not in REGISTRY.entries]
        assert not missing, f"{cat.seed}: {missing}"


def test_every_entry_citing_a_seed_is_in_that_seeds_catalogue():
    """An entry whose reference names a seed file is listed under a statement of that seed."""
    listed = {cat.seed: set(cat.ids()) for cat in catalogues()}
    for identity in REGISTRY.entries.values():
        for seed in re.findall(r"00[0-4]_[0-9a-f]{16}\.txt", identity.reference):
            assert identity.id in listed[seed], f"{identity.id} cites {seed} but is not in its catalogue"


def test_a_statement_is_checked_or_qualitative_not_both():
    with pytest.raises(ValueError, match="not both"):
        Statement("(1.1)", ids=("x",), qualitative="why")
    assert Statement("(1.1)").status == "not yet checked"
    assert Statement("(1.1)", qualitative="existence").status == "qualitative"


def test_coverage_takes_the_worst_verdict_of_a_statement():
    cat = catalogue("004")
    lemma2 = next(s for s in cat.statements if s.label == "Lemma 2")
    verdicts = {i: "verified" for i in cat.ids()}
    verdicts[lemma2.ids[1]] = "refuted"
    counts = coverage(cat, verdicts)
    assert counts["verdicts"]["refuted"] == 1
    assert counts["checked"] == sum(counts["verdicts"].values())
    assert counts["checked"] + counts["qualitative"] + counts["not_yet_checked"] == counts["statements"]


def test_unknown_seed_is_a_usage_error(capsys):
    assert cli.main(["verify", "--seed", "007"]) == 2
    assert "allowed: " + ", ".join(SEED_KEYS) in capsys.readouterr().err


def test_verify_seed_runs_exactly_the_catalogued_entries(tmp_path, capsys):
    import json

    out = tmp_path / "v.json"
    assert cli.main(["verify", "--seed", "002", "--quick", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    expected = [i for i in catalogue("002").ids() if REGISTRY.entries[i].quick]
    assert [e["id"] for e in doc["entries"]] == expected
    assert doc["coverage"][0]["seed"].startswith("002_")
    assert "coverage of the seeds' numbered statements" in capsys.readouterr().out
