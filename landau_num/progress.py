"""A minimal progress bar for long runs, shown only when stderr is a terminal."""
from __future__ import annotations

import sys


class ProgressBar:
    def __init__(self, total: float, label: str = "", width: int = 30, stream=None):
        self.total, self.label, self.width = total, label, width
        self.stream = stream or sys.stderr
        self.enabled = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, done: float, message: str = "") -> None:
        if not self.enabled:
            return
        frac = 0.0 if self.total <= 0 else min(1.0, done / self.total)
        filled = int(round(frac * self.width))
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {100 * frac:5.1f}% {message}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
