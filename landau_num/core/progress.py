"""Progress of a long run: a bar on a terminal, a log line at a cadence otherwise (DESIGN.md §6),
both with the elapsed time and an estimate of the time left (linear in the simulated time)."""
from __future__ import annotations

import sys
import time

LOG_CADENCE_SECONDS = 10.0


def format_seconds(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.0f}s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class Progress:
    """``update(done)`` with done ∈ [0, total]; on a terminal a redrawn bar, elsewhere one line every
    ``cadence`` seconds (and none at all for runs shorter than that)."""

    def __init__(self, total: float, label: str = "", stream=None, width: int = 30,
                 cadence: float = LOG_CADENCE_SECONDS, clock=time.monotonic):
        self.total, self.label, self.width, self.cadence, self.clock = total, label, width, cadence, clock
        self.stream = stream if stream is not None else sys.stderr
        self.terminal = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = self.last_line = clock()
        self.drawn = False

    def _eta(self, fraction: float, elapsed: float) -> str:
        if fraction <= 0:
            return "?"
        return format_seconds(elapsed * (1 - fraction) / fraction)

    def update(self, done: float, message: str = "") -> None:
        now = self.clock()
        fraction = 0.0 if self.total <= 0 else min(1.0, done / self.total)
        elapsed = now - self.start
        timing = f"elapsed {format_seconds(elapsed)}, left ~{self._eta(fraction, elapsed)}"
        if self.terminal:
            filled = int(round(fraction * self.width))
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] "
                              f"{100 * fraction:5.1f}% {timing} {message}")
            self.drawn = True
        elif now - self.last_line >= self.cadence:
            self.stream.write(f"{self.label}: {100 * fraction:5.1f}% {message}, {timing}\n")
            self.last_line = now
        else:
            return
        self.stream.flush()

    def close(self) -> None:
        if self.terminal and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
