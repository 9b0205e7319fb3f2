"""Shared fixtures and the hypothesis profile.

On CI (the CI environment variable set) hypothesis runs derandomised: the examples are a fixed
function of each test, so a red CI run is reproducible and a green one is not luck. Locally the
default profile keeps exploring new examples.
"""
import json
import os

import pytest
from hypothesis import settings

from proofs_check.cli import main

settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def registry_json(tmp_path_factory):
    """The quick entries of the registry (those `landau check` runs), once per test session. The
    slow entries are run by the tests of their own seed."""
    out = tmp_path_factory.mktemp("verify") / "out.json"
    status = main(["verify", "--quick", "--json", str(out)])
    return status, json.loads(out.read_text())
