"""Provenance of a run record (DESIGN.md §6): what produced these numbers, so they can be
reproduced: package version, git commit (when the package runs from a checkout), the
definition hashes of the generated kernels, the command line, the date and the thread count."""
from __future__ import annotations

import datetime
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

HASH_LINE = re.compile(r"^# definition-sha256: ([0-9a-f]{64})$", re.MULTILINE)


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("landau-toolkit")
    except PackageNotFoundError:
        return "unknown (not installed)"


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    """HEAD of the checkout the package runs from (None when it is not a git checkout)."""
    source = Path(__file__).resolve().parents[2]
    if not (source / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(source), "rev-parse", "HEAD"], capture_output=True, text=True,
                             timeout=5, check=True)
        dirty = subprocess.run(["git", "-C", str(source), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=5, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() + ("+dirty" if dirty else "")


@lru_cache(maxsize=1)
def kernel_hashes() -> dict[str, str]:
    """module name → the definition-sha256 in the header of each generated kernel module."""
    generated = Path(__file__).resolve().parents[1] / "_generated"
    hashes = {}
    for path in sorted(generated.glob("*.py")):
        match = HASH_LINE.search(path.read_text())
        if match:
            hashes[path.stem] = match.group(1)
    return hashes


def provenance(command: list[str] | None = None) -> dict:
    import numba
    import numpy as np

    return {
        "package": "landau-toolkit",
        "version": package_version(),
        "git_commit": git_commit(),
        "kernel_hashes": kernel_hashes(),
        "command": list(sys.argv) if command is None else list(command),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "threads": numba.get_num_threads(),
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "numba": numba.__version__,
    }
