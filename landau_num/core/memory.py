"""Memory budget: every solver estimates the memory of a run from its parameters before
allocating anything, and a run beyond the limit is refused with the estimate and the limit."""
from __future__ import annotations

import os

DEFAULT_FRACTION = 0.5
FALLBACK_LIMIT = 8 * 2**30


def physical_memory() -> int | None:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


def default_limit() -> int:
    """Half of the machine's physical memory (8 GiB when it cannot be read): room for the
    operating system, the interpreter and a second process such as a Dask worker."""
    total = physical_memory()
    return int(DEFAULT_FRACTION * total) if total else FALLBACK_LIMIT


def format_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if abs(n) < 1024 or unit == "TiB":
            return f"{n:.3g} {unit}"
        n /= 1024
    return f"{n:.3g} TiB"


def parse_size(text: str) -> int:
    """'12G', '512M', '2.5GiB', '1000000' → bytes (ValueError naming the text otherwise)."""
    units = {"": 1, "b": 1, "k": 2**10, "kib": 2**10, "m": 2**20, "mib": 2**20, "g": 2**30, "gib": 2**30,
             "t": 2**40, "tib": 2**40}
    raw = str(text).strip().lower()
    number = raw.rstrip("abcdefghijklmnopqrstuvwxyz")
    unit = raw[len(number):]
    try:
        value = float(number) * units[unit]
    except (KeyError, ValueError):
        raise ValueError(f"--max-memory must be a size such as 12G, 512M or a number of bytes, got {text!r}") from None
    if not value > 0:
        raise ValueError(f"--max-memory must be > 0, got {text!r}")
    return int(value)


def require_memory(estimate: float, limit: int | None, what: str) -> None:
    limit = default_limit() if limit is None else limit
    if estimate > limit:
        raise ValueError(f"{what} needs about {format_bytes(estimate)}, above the memory limit "
                         f"{format_bytes(limit)}; reduce the size or raise --max-memory")
