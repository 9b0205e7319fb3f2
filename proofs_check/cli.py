"""The ``landau`` command (DESIGN.md §6).

    landau check   [--out DIR]                               the main job: every quick check
    landau verify  [--only ID ...] [--json PATH] [--markdown PATH]   the identity registry
    landau codegen [--check]                                 regenerate / check the numba kernels
    landau run SOLVER --case CASE [options] --out DIR       one simulation; SOLVER ∈ {blob, spectral, maxwell, sde}

Every subcommand validates its input before computing and exits 2 with a one-line message
naming the bad value on bad input. ``verify`` and ``check`` exit 0 when every entry ran (a
refuted seed statement is a finding, not a failure) and 1 when an entry errored.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .run_maxwell import add_maxwell_parser, run_maxwell_command
from .run_sde import add_sde_parser, run_sde_command


class UsageError(Exception):
    """Bad command-line input: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse's default prints the usage too)
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="landau", description="The Landau toolkit: verified identities, kernels and solvers.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    verify = sub.add_parser("verify", help="run the identity registry")
    verify.add_argument("--only", nargs="+", metavar="ID", help="run only these identity ids")
    verify.add_argument("--json", type=Path, metavar="PATH", help="write the results as JSON")
    verify.add_argument("--markdown", type=Path, metavar="PATH", help="write the results as Markdown")
    verify.set_defaults(handler=_cmd_verify)

    codegen = sub.add_parser("codegen", help="regenerate the numba kernels in landau_num/_generated")
    codegen.add_argument("--check", action="store_true",
                         help="write nothing; exit 1 and name the stale files when the committed output is not current")
    codegen.set_defaults(handler=_cmd_codegen)

    run = sub.add_parser("run", help="run one simulation and write its run record")
    solvers = run.add_subparsers(dest="solver", required=True, parser_class=_Parser)
    blob = solvers.add_parser("blob", help="deterministic particle (blob) method for the ε-Landau equation")
    blob.add_argument("--case", required=True, help="bkw2d, bkw3d, aniso3d, coulomb2d, bimaxwellian3d, rosenbluth3d")
    blob.add_argument("--n", type=int, default=None, help="cells per side (default: 20 in 2D, 12 in 3D)")
    blob.add_argument("--eps", type=float, default=None, help="mollifier parameter (default 0.64 h^1.98)")
    blob.add_argument("--dt", type=float, default=0.05, help="time step (default 0.05)")
    blob.add_argument("--T", type=float, default=1.0, help="duration of the run (default 1)")
    blob.add_argument("--scheme", default="rk4", help="rk4 (explicit) or midpoint (implicit, conservative)")
    blob.add_argument("--kernel", default="gaussian", help="gaussian or exponential mollifier")
    blob.add_argument("--L", type=float, default=None, help="half-width of the box (default: the case's)")
    blob.add_argument("--record-every", type=int, default=1, help="diagnostics every this many steps")
    blob.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory")
    blob.add_argument("--no-figures", action="store_true", help="skip the PNG figures")
    blob.set_defaults(handler=_cmd_run_blob)

    spectral = solvers.add_parser("spectral", help="fast spectral Landau solver on a uniform grid")
    spectral.add_argument("--case", required=True, help="bkw2d, bkw3d, aniso3d, coulomb2d, bimaxwellian3d, rosenbluth3d")
    spectral.add_argument("--n", type=int, default=None, help="grid points per side (default: 64 in 2D, 32 in 3D)")
    spectral.add_argument("--T", type=float, default=1.0, help="duration of the run (default 1)")
    spectral.add_argument("--dt", type=float, default=None, help="time step (default: from the RK4 stability limit)")
    spectral.add_argument("--L", type=float, default=None, help="half-width of the box (default: the case's)")
    spectral.add_argument("--gamma", type=float, default=None, help="override the case's γ (in [-3, 1])")
    spectral.add_argument("--record-every", type=int, default=1, help="diagnostics every this many steps")
    spectral.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory")
    spectral.add_argument("--no-figures", action="store_true", help="skip the PNG figures")
    spectral.set_defaults(handler=_cmd_run_spectral)

    add_maxwell_parser(solvers).set_defaults(handler=_usage_errors(run_maxwell_command, "landau run maxwell"))
    add_sde_parser(solvers).set_defaults(handler=_usage_errors(run_sde_command, "landau run sde"))

    check = sub.add_parser("check", help="the main job: run every quick check and write a report")
    check.add_argument("--out", type=Path, default=Path("landau-report"), metavar="DIR",
                       help="report directory (default: landau-report)")
    check.set_defaults(handler=_cmd_check)
    return parser


def _usage_errors(handler, prog):
    """Run a handler whose input validation raises ValueError; report that as bad input (exit 2)."""
    def wrapped(args):
        try:
            return handler(args)
        except ValueError as exc:
            raise UsageError(f"{prog}: {exc}") from None
    return wrapped


def _select_identities(only):
    from landau_sym.identities import REGISTRY

    try:
        return REGISTRY.select(only)
    except KeyError as exc:
        raise UsageError(f"landau verify: {exc.args[0]}") from None


def _run_registry(identities, stream=sys.stderr):
    from landau_sym.registry import run_identity

    results = []
    for identity in identities:
        print(f"  {identity.id} …", end="", file=stream, flush=True)
        result = run_identity(identity)
        print(f" {result.verdict} ({result.seconds:.1f} s)", file=stream, flush=True)
        results.append(result)
    return results


def _cmd_verify(args) -> int:
    from . import report

    identities = _select_identities(args.only)
    results = _run_registry(identities)
    print(report.text_table(results))
    if args.json:
        report.write_json(results, args.json)
    if args.markdown:
        report.write_markdown(results, args.markdown)
    return 1 if any(r.verdict == "error" for r in results) else 0


def _cmd_codegen(args) -> int:
    from landau_sym import codegen

    if args.check:
        stale = codegen.stale_files()
        if stale:
            print(f"stale generated files in {codegen.TARGET_PACKAGE}: {', '.join(stale)}; run `landau codegen`")
            return 1
        print(f"generated kernels are current ({codegen.TARGET_PACKAGE})")
        return 0
    written = codegen.write_sources()
    print(f"{len(written)} file(s) rewritten in {codegen.TARGET_PACKAGE}" +
          ("".join(f"\n  {p.name}" for p in written)))
    return 0


def _cmd_run_blob(args) -> int:
    from landau_num.blob_run import BlobParameters, BlobRun
    from landau_num.cases import get_case

    try:
        case = get_case(args.case)
        n = args.n if args.n is not None else (20 if case.d == 2 else 12)
        params = BlobParameters(n=n, T=args.T, dt=args.dt, eps=args.eps, scheme=args.scheme, kernel=args.kernel,
                                L=args.L, record_every=args.record_every)
        params.validate()
        runner = BlobRun(case, params)
    except ValueError as exc:
        raise UsageError(f"landau run blob: {exc}") from None
    record = runner.run(out_dir=args.out, progress=True, figures=not args.no_figures)
    s = record.series
    print(f"{case.name}: {record.steps} steps, {record.wall_seconds:.1f} s, stop: {record.stop_reason}")
    print(f"  H_eps {s['entropy'][0]:.6f} -> {s['entropy'][-1]:.6f}; energy drift {s['energy'][-1] - s['energy'][0]:.2e}")
    if "error_vs_exact" in record.extra:
        e = record.extra["error_vs_exact"]
        print(f"  relative errors at the end: L1 {e['l1'][-1]:.3e}, L2 {e['l2'][-1]:.3e}, Linf {e['linf'][-1]:.3e}")
    print(f"  run record: {args.out / 'result.json'}")
    return 0 if record.stop_reason == "completed" else 1


def _cmd_run_spectral(args) -> int:
    import dataclasses

    from landau_num.cases import get_case
    from landau_num.spectral_run import SpectralParameters, SpectralRun

    from . import dissipation_checks as checks

    try:
        case = get_case(args.case)
        if args.gamma is not None:
            case = dataclasses.replace(case, gamma=args.gamma)
        n = args.n if args.n is not None else (64 if case.d == 2 else 32)
        runner = SpectralRun(case, SpectralParameters(n=n, T=args.T, dt=args.dt, L=args.L,
                                                      record_every=args.record_every))
    except ValueError as exc:
        raise UsageError(f"landau run spectral: {exc}") from None
    record = runner.run(out_dir=None, progress=True)
    verdicts = {"entropy_balance": checks.entropy_balance(record), "dissipation_formulas_agree":
                checks.dissipation_formulas_agree(record), "fisher_non_increasing": checks.fisher_non_increasing(record)}
    if case.gamma == 0:
        verdicts["second_moment_law"] = checks.second_moment_law(record)
        verdicts["relative_l2_envelope"] = checks.relative_l2_envelope(record)
    record.extra["dissipation_checks"] = {name: {"ok": ok, **evidence} for name, (ok, evidence) in verdicts.items()}
    runner.write(record, runner.final_density, record.series["times"][-1], args.out, not args.no_figures)
    s = record.series
    print(f"{case.name} (γ={case.gamma:g}): {record.steps} steps of dt={record.params['dt']:.3g}, "
          f"{record.wall_seconds:.1f} s, stop: {record.stop_reason}")
    print(f"  H {s['entropy'][0]:.6f} -> {s['entropy'][-1]:.6f}; I {s['fisher'][0]:.5f} -> {s['fisher'][-1]:.5f}; "
          f"mass drift {s['mass'][-1] - s['mass'][0]:.1e}; positivity lost at: {record.extra['positivity_lost_at']}")
    for name, (ok, _) in verdicts.items():
        print(f"  {name}: {'ok' if ok else 'FAILS'}")
    print(f"  run record: {args.out / 'result.json'}")
    return 0 if record.stop_reason == "completed" else 1


def _cmd_check(args) -> int:
    from . import report

    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"landau check: --out {args.out} exists and is not a directory")
    from .quick_checks import QUICK_CHECKS

    results = _run_registry(_select_identities(None))
    for check in QUICK_CHECKS:
        result = check(args.out)
        print(f"  {result.id} … {result.verdict} ({result.seconds:.1f} s)", file=sys.stderr, flush=True)
        results.append(result)
    print(report.text_table(results))
    args.out.mkdir(parents=True, exist_ok=True)
    report.write_json(results, args.out / "identities.json")
    report.write_markdown(results, args.out / "report.md", title="Landau toolkit check")
    print(f"report written to {args.out / 'report.md'}")
    return 1 if any(r.verdict == "error" for r in results) else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return args.handler(args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("landau: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
