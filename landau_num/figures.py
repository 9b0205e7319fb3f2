"""Figures of a run record (matplotlib, Agg backend, imported only when figures are written)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def pyplot():
    """matplotlib.pyplot on the Agg backend (imported only when a figure is drawn)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _floats(values) -> np.ndarray:
    """A recorded series as floats (null → NaN, drawn as a gap)."""
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def entropy_and_dissipation(times, entropy, dissipation, path: Path, entropy_label="H_ε") -> None:
    """H against t, and D on a log axis; non-positive or missing D are left out (a gap), not
    floored at a fake value that would stretch the axis."""
    plt = pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    axes[0].plot(times, _floats(entropy), marker=".")
    axes[0].set(xlabel="t", ylabel=entropy_label, title="entropy")
    D = _floats(dissipation)
    axes[1].semilogy(times, np.where(D > 0, D, np.nan), marker=".")
    axes[1].set(xlabel="t", ylabel="D", title="dissipation")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


DOUBLE_PRECISION_FLOOR = 1e-17  # below the relative round-off of a double (ε/2 ≈ 1.1e-16)


def relative_drifts(mass, momentum, energy) -> dict:
    """{"mass", "momentum", "energy"} → relative drifts |q(t) − q(0)|/|q(0)| (momentum: ‖p(t) − p(0)‖/|mass(0)|)."""
    mass, energy = np.asarray(mass, dtype=float), np.asarray(energy, dtype=float)
    momentum = np.asarray(momentum, dtype=float).reshape(len(mass), -1)
    return {"mass": np.abs(mass - mass[0]) / abs(mass[0]),
            "momentum": np.linalg.norm(momentum - momentum[0], axis=1) / abs(mass[0]),
            "energy": np.abs(energy - energy[0]) / abs(energy[0])}


def conservation_drift_figure(times, mass, momentum, energy):
    """The conservation panel as an open Figure (the caller saves or inspects and closes it).

    Relative drifts on a log axis. Exact zeros (always at t = 0, and wherever a quantity is
    conserved bit for bit) have no logarithm: they are omitted, not drawn at a fake value, and a
    quantity that is exactly 0 throughout says so in its legend label (and the title, when all
    are). The lower y-limit comes from the data: the smallest non-zero drift / 10, but not below
    1e-17, the double-precision floor (a drift below it is not resolved); the upper limit is the
    largest drift × 10."""
    plt = pyplot()
    times = np.asarray(times, dtype=float)
    drifts = relative_drifts(mass, momentum, energy)
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.set_yscale("log")
    shown = []
    for label, drift in drifts.items():
        visible = np.isfinite(drift) & (drift > 0)
        if visible.any():
            ax.plot(times[visible], drift[visible], marker=".", label=label)
            shown.append(drift[visible])
        else:
            ax.plot([], [], marker=".", label=f"{label}: exactly 0")
    title = "conservation (relative drift; exact zeros omitted)"
    if shown:
        values = np.concatenate(shown)
        low = max(values.min() / 10, DOUBLE_PRECISION_FLOOR)
        ax.set_ylim(low, max(values.max() * 10, 10 * low))
    else:
        title = "conservation: all drifts exactly 0"
        ax.set_ylim(DOUBLE_PRECISION_FLOOR, 1e-15)
    ax.set(xlabel="t", ylabel="relative drift", title=title)
    ax.legend()
    fig.tight_layout()
    return fig


def conservation_drift(times, mass, momentum, energy, path: Path) -> None:
    """Write :func:`conservation_drift_figure` to ``path``."""
    plt = pyplot()
    fig = conservation_drift_figure(times, mass, momentum, energy)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def density_slice(axis, numeric, exact, path: Path, title: str) -> None:
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.plot(axis, numeric, marker=".", label="f_N (reconstruction)")
    if exact is not None:
        ax.plot(axis, exact, label="exact")
    ax.set(xlabel="v₁", ylabel="f", title=title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def time_series_panels(times, series: dict, path: Path, title: str) -> None:
    """One panel per named series against time (2 columns). Values are taken as floats, so
    non-finite entries (null or "nan" in a record: a functional on an under-resolved grid) leave
    gaps instead of turning the axis categorical."""
    plt = pyplot()
    rows = (len(series) + 1) // 2
    fig, axes = plt.subplots(rows, 2, figsize=(10, 3.4 * rows), squeeze=False)
    for ax, (label, values) in zip(axes.ravel(), series.items()):
        ax.plot(np.asarray(times, dtype=float), np.array(values, dtype=float), marker=".")
        ax.set(xlabel="t", title=label)
    for ax in axes.ravel()[len(series):]:
        ax.set_visible(False)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
