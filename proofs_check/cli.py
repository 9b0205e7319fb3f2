"""The ``landau`` command (DESIGN.md §6).

    landau check   [--out DIR]                               the main job: every quick check
    landau verify  [--seed S | --only ID ...] [--quick] [--json PATH] [--markdown PATH]
                                                             the identity registry, or one seed's catalogue
    landau codegen [--check] [--target DIR]                  regenerate / check the numba kernels
    landau cases   [--json]                                  every case, its data and exact references
    landau run SOLVER --case CASE [options] --out DIR        one simulation (SOLVER from the solver table)
    landau run SOLVER --resume DIR                           continue a stopped run
    landau plot DIR                                          redraw the figures of a saved run
    landau study NAME [options] --out DIR                    a study (limits, contractivity, scaling)
    landau sweep SOLVER --case CASE --grid NAME=V1,V2 [...] --out DIR
                                                             a parameter sweep on Dask (LocalCluster or --scheduler)
    landau --version

``landau run`` is built from the solver table (:mod:`landau_num.core.registry`): each solver's
options come from its declared parameters, with defaults and allowed ranges in ``--help``.

Exit status: 0 success; 1 an error, a run that stopped before its final time, or a check that
failed (for ``check``: an entry that errored or a quick simulation check that did not verify;
a refuted seed statement is a finding, not a failure); 2 bad input, reported on one line naming
the bad value, before anything is computed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_STATUS_HELP = ("exit status: 0 success; 1 error, run stopped early, or a check failed; "
                    "2 bad input (one line naming the value)")


class UsageError(Exception):
    """Bad command-line input: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse's default prints the usage too)
        raise UsageError(f"{self.prog}: {message}")


def _version() -> str:
    from landau_num.core.provenance import package_version

    return package_version()


def build_parser() -> argparse.ArgumentParser:
    from landau_num.core.registry import get_solver, solver_names

    parser = _Parser(prog="landau", description="The Landau toolkit: verified identities, kernels and solvers.",
                     epilog=EXIT_STATUS_HELP)
    parser.add_argument("--version", action="version", version=f"landau-toolkit {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    verify = sub.add_parser("verify", help="run the identity registry", epilog=EXIT_STATUS_HELP)
    chosen = verify.add_mutually_exclusive_group()
    chosen.add_argument("--only", nargs="+", metavar="ID", help="run only these identity ids")
    chosen.add_argument("--seed", metavar="S", help="run every entry of one seed's catalogue "
                        "(S is 000, 001, 002, 003 or 004) and print its coverage")
    verify.add_argument("--quick", action="store_true", help="only the entries `landau check` runs")
    verify.add_argument("--json", type=Path, metavar="PATH", help="write the results as JSON")
    verify.add_argument("--markdown", type=Path, metavar="PATH", help="write the results as Markdown")
    verify.set_defaults(handler=_cmd_verify)

    codegen = sub.add_parser("codegen", help="regenerate the numba kernels in the source tree's landau_num/_generated")
    codegen.add_argument("--check", action="store_true",
                         help="write nothing; exit 1 and name the stale files when the committed output is not current")
    codegen.add_argument("--target", type=Path, metavar="DIR",
                         help="directory of the generated package (default: landau_num/_generated of the source "
                              "checkout containing the current directory)")
    codegen.set_defaults(handler=_cmd_codegen)

    cases = sub.add_parser("cases", help="list every case: d, γ, C, parameters, exact references")
    cases.add_argument("--json", action="store_true", help="print JSON instead of a table")
    cases.set_defaults(handler=_cmd_cases)

    run = sub.add_parser("run", help="run one simulation through the run driver and write its run record")
    solvers = run.add_subparsers(dest="solver", required=True, parser_class=_Parser)
    for name in solver_names():
        solver = get_solver(name)
        _add_run_parser(solvers, solver)

    sweep = sub.add_parser("sweep", help="a parameter sweep or ensemble of runs on Dask: one run record per point "
                           "and an aggregate (see SOLVER --help)")
    sweep_solvers = sweep.add_subparsers(dest="solver", required=True, parser_class=_Parser)
    for name in solver_names():
        _add_sweep_parser(sweep_solvers, get_solver(name))

    plot = sub.add_parser("plot", help="redraw the figures of a saved run")
    plot.add_argument("directory", type=Path, metavar="DIR", help="directory of the run (holds result.json)")
    plot.set_defaults(handler=_usage_errors(_cmd_plot, "landau plot"))

    _add_study_parsers(sub)

    check = sub.add_parser("check", help="the main job: run every quick check and write a report",
                           epilog=EXIT_STATUS_HELP)
    check.add_argument("--out", type=Path, default=Path("landau-report"), metavar="DIR",
                       help="report directory (default: landau-report)")
    check.set_defaults(handler=_cmd_check)
    return parser


def _add_study_parsers(sub) -> None:
    from .studies import studies

    study = sub.add_parser("study", help="run a study: measured limits, contractivity, scaling (see NAME --help)")
    names = study.add_subparsers(dest="study", required=True, parser_class=_Parser)
    for entry in studies().values():
        p = names.add_parser(entry.name, help=entry.help, description=entry.help, epilog=EXIT_STATUS_HELP)
        entry.add_arguments(p)
        p.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory of the study")
        p.set_defaults(handler=_usage_errors(entry.run, f"landau study {entry.name}"))


def _add_run_parser(solvers, solver) -> None:
    from landau_num.cases import case_names
    from landau_num.core.parameters import add_arguments

    allowed = solver.cases if solver.cases is not None else case_names()
    p = solvers.add_parser(solver.name, help=solver.title, description=solver.title, epilog=EXIT_STATUS_HELP)
    p.add_argument("--case", choices=None, metavar="CASE", help=f"the case: {', '.join(allowed)} "
                   "(required unless --resume)")
    add_arguments(p, solver.Parameters)
    common = p.add_argument_group("run options (every solver)")
    common.add_argument("--out", type=Path, metavar="DIR", help="output directory (checked before computing)")
    common.add_argument("--resume", type=Path, metavar="DIR",
                        help="continue the stopped run in DIR with its own case and parameters")
    common.add_argument("--overwrite", action="store_true", help="replace a run record already in --out")
    common.add_argument("--no-figures", action="store_true", help="skip the PNG figures")
    common.add_argument("--max-memory", metavar="SIZE", default=None,
                        help="refuse runs estimated to need more (e.g. 12G; default: half the physical memory)")
    common.add_argument("--checkpoint-seconds", type=float, default=30.0, metavar="S",
                        help="write a checkpoint at least every S seconds of wall time (default 30, > 0)")
    p.set_defaults(handler=_usage_errors(_cmd_run, f"landau run {solver.name}"))


SWEEP_HELP = """Runs the Cartesian product of the --grid values, each point a normal run (as `landau run` with
those parameters; the solver's other options below are fixed for every point) with its own run
record in DIR/<point>/ (e.g. DIR/n=12,dt=0.05/), then writes the aggregate DIR/sweep.nc (xarray,
one dimension per grid parameter), DIR/summary.md, DIR/sweep.png and the manifest DIR/sweep.json.
Runs on a Dask LocalCluster started for the command, or on the cluster of --scheduler. Solvers
with a seed parameter get one seed per run from numpy.random.SeedSequence(--seed-root).spawn
(recorded in each record and the manifest, with the `landau run` command that repeats the run
alone). Re-running the same command skips the points already completed and runs the rest. The
grid and every point's parameters are checked before any worker starts."""


def _add_sweep_parser(solvers, solver) -> None:
    from landau_num.cases import case_names
    from landau_num.core.parameters import add_arguments

    allowed = solver.cases if solver.cases is not None else case_names()
    p = solvers.add_parser(solver.name, help=solver.title, description=f"{solver.title}. {SWEEP_HELP}",
                           epilog="exit status: 0 every point completed and passed its checks; 1 a point failed "
                                  "(the others still ran) or the cluster could not be reached; 2 bad input "
                                  "(one line naming the value, before any worker starts)")
    p.add_argument("--case", required=True, metavar="CASE", help=f"the case: {', '.join(allowed)}")
    sweep = p.add_argument_group("sweep options")
    sweep.add_argument("--grid", action="append", required=True, metavar="NAME=V1,V2,...",
                       help="a parameter of the solver and its values, e.g. --grid n=12,16; repeat --grid for "
                            "more parameters (their Cartesian product is run)")
    sweep.add_argument("--repeat", type=int, default=1, metavar="R",
                       help="replicas per point, each with its own spawned seed (solvers with a seed parameter "
                            "only) [default: 1; allowed: an integer >= 1]")
    sweep.add_argument("--seed-root", type=int, default=0, metavar="S",
                       help="root of numpy.random.SeedSequence for the runs' seeds [default: 0; allowed: an "
                            "integer >= 0]")
    sweep.add_argument("--workers", type=int, default=None, metavar="K",
                       help="worker processes of the LocalCluster, each running one point at a time [default: "
                            "usable cores / threads per worker, at most the number of points; allowed: an "
                            "integer >= 1]")
    sweep.add_argument("--threads-per-worker", type=int, default=1, metavar="T",
                       help="numba threads of each point's run (workers x T should not exceed the cores); the "
                            "numbers of a run can depend on T in the last bits [default: 1; allowed: an integer >= 1]")
    sweep.add_argument("--scheduler", metavar="ADDRESS",
                       help="address of an existing Dask scheduler (e.g. tcp://10.0.0.1:8786) instead of a "
                            "LocalCluster; DIR must be on a file system the workers share")
    sweep.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory of the sweep")
    sweep.add_argument("--no-figures", action="store_true", help="skip the PNG figures (of the runs and the sweep)")
    sweep.add_argument("--max-memory", metavar="SIZE", default=None,
                       help="refuse points estimated to need more (e.g. 12G; default: half the physical memory)")
    add_arguments(p.add_argument_group("fixed parameters of every point"), solver.Parameters)
    p.set_defaults(handler=_usage_errors(_cmd_sweep, f"landau sweep {solver.name}"))


def _cmd_sweep(args) -> int:
    from landau_num.core.memory import parse_size
    from landau_num.core.parameters import given_values
    from landau_num.core.registry import get_solver
    from landau_num.sweep import run_sweep

    from .run_checks import checks_for

    fixed = given_values(get_solver(args.solver).Parameters, args)
    max_memory = parse_size(args.max_memory) if args.max_memory is not None else None
    try:
        result = run_sweep(args.solver, args.case, args.grid, out=args.out, repeat=args.repeat,
                           seed_root=args.seed_root, workers=args.workers, threads_per_worker=args.threads_per_worker,
                           scheduler=args.scheduler, checks=checks_for(args.solver), figures=not args.no_figures,
                           progress=True, max_memory=max_memory, **fixed)
    except (OSError, TimeoutError) as exc:  # the scheduler cannot be reached, a worker cannot start
        print(f"landau sweep {args.solver}: the Dask cluster failed: {exc}", file=sys.stderr)
        return 1
    print(result.files["summary"].read_text())
    counts = {status: sum(o["status"] == status for o in result.outcomes) for status in ("completed", "skipped", "failed")}
    print(f"{len(result.outcomes)} runs: {counts['completed']} completed, {counts['skipped']} skipped (completed "
          f"earlier), {counts['failed']} failed")
    for outcome in result.outcomes:
        if outcome["status"] == "failed":
            print(f"  failed: {outcome['name']}: {outcome['reason']}")
    print("aggregate: " + ", ".join(str(path) for path in result.files.values()))
    return result.exit_status


def _usage_errors(handler, prog):
    """Run a handler whose input validation raises ValueError; report that as bad input (exit 2)."""
    def wrapped(args):
        try:
            return handler(args)
        except ValueError as exc:
            raise UsageError(f"{prog}: {exc}") from None
    return wrapped


# --- landau run ----------------------------------------------------------------------------------

def _cmd_run(args) -> int:
    import landau_num
    from landau_num.core.driver import exit_status, prepare_output, run
    from landau_num.core.memory import parse_size
    from landau_num.core.parameters import given_values
    from landau_num.core.registry import get_solver
    from landau_num.core.summary import summary_lines
    from landau_num.validation import require_positive

    from .run_checks import checks_for

    solver_cls = get_solver(args.solver)
    given = given_values(solver_cls.Parameters, args)
    require_positive("--checkpoint-seconds", args.checkpoint_seconds)
    max_memory = parse_size(args.max_memory) if args.max_memory is not None else None
    if args.resume is not None:
        if args.out is not None and args.out != args.resume:
            raise ValueError(f"--out {args.out} differs from --resume {args.resume}; a run resumes in its own directory")
        out = prepare_output(args.resume, resume=True, create=False)
        case_name, parameters = _stopped_run(out, solver_cls.name, args.case, given)
    else:
        if args.case is None:
            raise ValueError("--case is required (or --resume DIR)")
        if args.out is None:
            raise ValueError("--out DIR is required")
        out = prepare_output(args.out, overwrite=args.overwrite, create=False)
        case_name, parameters = args.case, given
    solver = landau_num.make_solver(args.solver, case_name, max_memory=max_memory, **parameters)
    record = run(solver, out, resume=args.resume is not None, overwrite=args.overwrite, figures=not args.no_figures,
                 progress=True, checkpoint_seconds=args.checkpoint_seconds, checks=checks_for(args.solver))
    print("\n".join(summary_lines(record, out)))
    return exit_status(record)


def _stopped_run(out: Path, solver: str, case, given: dict) -> tuple[str, dict]:
    """(case, parameters) of the run in ``out``; ValueError when the command line contradicts them."""
    from landau_num.core.record import RunRecord

    record = RunRecord.read(out)
    if record.solver != solver:
        raise ValueError(f"--resume {out} holds a {record.solver} run, not a {solver} run")
    if case is not None and case != record.case:
        raise ValueError(f"--case {case} differs from the case {record.case} of the run in {out}")
    parameters = record.params["parameters"]
    for name, value in given.items():
        if parameters.get(name) != value:
            raise ValueError(f"--{name.replace('_', '-')} {value!r} differs from {parameters.get(name)!r} of the run "
                             f"in {out}; a resumed run keeps its parameters")
    return record.case, parameters


# --- landau plot, landau cases -------------------------------------------------------------------

def _cmd_plot(args) -> int:
    import landau_num
    from landau_num.core.driver import read_checkpoint
    from landau_num.core.record import RunRecord

    out = args.directory
    record = RunRecord.read(out)
    if not (out / "checkpoint.npz").is_file():
        raise ValueError(f"{out} holds no checkpoint.npz (the final state the figures are drawn from)")
    solver = landau_num.make_solver(record.solver, record.case, **record.params["parameters"])
    state, meta = read_checkpoint(out)
    solver.restore_extra(meta.get("extra", {}))
    solver.figures(record, state, float(meta["t"]), out)
    drawn = sorted(p.name for p in out.glob("*.png"))
    print(f"{len(drawn)} figure(s) in {out}: {', '.join(drawn)}")
    return 0


def _cmd_cases(args) -> int:
    from landau_num.cases import case_names, describe, get_case

    described = [describe(get_case(name)) for name in case_names()]
    if args.json:
        from landau_num.core.record import dumps_strict

        print(dumps_strict(described), end="")
        return 0
    for c in described:
        print(f"{c['name']}: d={c['d']}, gamma={c['gamma']:g}, C={c['C']:.6g}, t0={c['t0']:g}, "
              f"blob L={c['L']:g}, grid L={c['grid_L']:g}")
        if c["parameters"]:
            print("  parameters: " + ", ".join(f"{k}={v}" for k, v in c["parameters"].items()))
        refs = ", ".join(c["exact_references"]) or "none"
        where = ", ".join(f"{k}={v:g}" for k, v in c["exact_for"].items())
        print(f"  exact references: {refs}" + (f" (exact for {where})" if c["exact_references"] else ""))
        print(f"  exact sampling of the initial data: {'yes' if c['exact_sampling'] else 'no'}")
        print(f"  {c['notes']}")
    return 0


# --- landau verify, codegen, check ---------------------------------------------------------------

def _select_identities(only=None, seed=None, quick=False):
    from .catalogue import catalogue
    from .claims import REGISTRY

    try:
        if seed is not None:
            only = catalogue(seed).ids()
        chosen = REGISTRY.select(only)
    except (KeyError, ValueError) as exc:
        raise UsageError(f"landau verify: {exc.args[0]}") from None
    return [identity for identity in chosen if identity.quick or not quick]


def _print_coverage(results, seeds) -> list[dict]:
    from .catalogue import catalogue, coverage, coverage_line

    verdicts = {r.id: r.verdict for r in results}
    counts = [coverage(catalogue(key), verdicts) for key in seeds]
    print("\ncoverage of the seeds' numbered statements:")
    for line in counts:
        print("  " + coverage_line(line))
    return counts


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

    identities = _select_identities(args.only, args.seed, args.quick)
    results = _run_registry(identities)
    print(report.text_table(results))
    coverage = _print_coverage(results, [args.seed]) if args.seed is not None else None
    if args.json:
        report.write_json(results, args.json, coverage=coverage)
    if args.markdown:
        report.write_markdown(results, args.markdown, coverage=coverage)
    return 1 if any(r.verdict == "error" for r in results) else 0


def _cmd_codegen(args) -> int:
    from landau_sym import codegen

    try:
        target = codegen.resolve_target(args.target)
    except ValueError as exc:
        raise UsageError(f"landau codegen: {exc}") from None
    if args.check:
        stale = codegen.stale_files(target)
        if stale:
            print(f"stale generated files in {target}: {', '.join(stale)}; run `landau codegen`")
            return 1
        print(f"generated kernels are current ({target})")
        return 0
    written = codegen.write_sources(target)
    print(f"{len(written)} file(s) rewritten in {target}" + "".join(f"\n  {p.name}" for p in written))
    return 0


def _cmd_check(args) -> int:
    from . import report

    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"landau check: --out {args.out} exists and is not a directory")
    from .quick_checks import QUICK_CHECKS

    from .catalogue import SEED_KEYS

    results = _run_registry(_select_identities(quick=True))
    simulation = []
    for check in QUICK_CHECKS:
        result = check(args.out)
        print(f"  {result.id} … {result.verdict} ({result.seconds:.1f} s)", file=sys.stderr, flush=True)
        simulation.append(result)
    results += simulation
    print(report.text_table(results))
    coverage = _print_coverage(results, SEED_KEYS)
    args.out.mkdir(parents=True, exist_ok=True)
    report.write_json(results, args.out / "identities.json", coverage=coverage)
    report.write_markdown(results, args.out / "report.md", title="Landau toolkit check", coverage=coverage)
    print(f"report written to {args.out / 'report.md'}")
    failed = [r.id for r in simulation if r.verdict != "verified"]
    if failed:
        print(f"quick simulation checks that did not verify: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed or any(r.verdict == "error" for r in results) else 0


def main(argv: list[str] | None = None) -> int:
    try:
        parser = build_parser()
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
