"""Figures of a run record (matplotlib, Agg backend, imported only when figures are written)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def entropy_and_dissipation(times, entropy, dissipation, path: Path, entropy_label="H_ε") -> None:
    plt = _pyplot()
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
    axes[0].plot(times, entropy, marker=".")
    axes[0].set(xlabel="t", ylabel=entropy_label, title="entropy")
    axes[1].semilogy(times, np.maximum(np.asarray(dissipation, dtype=float), 1e-300), marker=".")
    axes[1].set(xlabel="t", ylabel="D", title="dissipation")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def conservation_drift(times, mass, momentum, energy, path: Path) -> None:
    plt = _pyplot()
    mass, energy = np.asarray(mass, dtype=float), np.asarray(energy, dtype=float)
    momentum = np.asarray(momentum, dtype=float)
    fig, ax = plt.subplots(figsize=(6, 3.8))
    ax.semilogy(times, np.abs(mass - mass[0]) / abs(mass[0]) + 1e-300, label="mass")
    ax.semilogy(times, np.linalg.norm(momentum - momentum[0], axis=1) / abs(mass[0]) + 1e-300, label="momentum")
    ax.semilogy(times, np.abs(energy - energy[0]) / abs(energy[0]) + 1e-300, label="energy")
    ax.set(xlabel="t", ylabel="relative drift", title="conservation")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def density_slice(axis, numeric, exact, path: Path, title: str) -> None:
    plt = _pyplot()
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
    """One panel per named series against time (2 columns)."""
    plt = _pyplot()
    rows = (len(series) + 1) // 2
    fig, axes = plt.subplots(rows, 2, figsize=(10, 3.4 * rows), squeeze=False)
    for ax, (label, values) in zip(axes.ravel(), series.items()):
        ax.plot(times, values, marker=".")
        ax.set(xlabel="t", title=label)
    for ax in axes.ravel()[len(series):]:
        ax.set_visible(False)
    fig.suptitle(title)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
