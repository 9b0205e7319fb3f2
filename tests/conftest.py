"""Shared fixtures: the full registry is run once per test session (about a minute)."""
import json

import pytest

from proofs_check.cli import main


@pytest.fixture(scope="session")
def registry_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("verify") / "out.json"
    status = main(["verify", "--json", str(out)])
    return status, json.loads(out.read_text())
