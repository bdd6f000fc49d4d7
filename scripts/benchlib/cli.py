"""Command line of scripts/bench: run, report, benchexec, solvers.

Exit status: 0 fine; 1 a wrong answer or a disagreement between solvers was
found (so that scripts and CI notice); 2 bad usage or setup; 130
interrupted (rerun the same command to resume).
"""

import argparse
import os
import platform
import signal
import sys
from datetime import datetime, timezone

from . import benchexec, report, results, runner, solvers as solverdefs, stats, suites
from . import campaign as campaigns

EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130


def _add_suite_options(parser):
    parser.add_argument("--suite", required=True,
                        help="directory of .cnf/.cnf.gz/.cnf.xz/.smt2 files, or a manifest .tsv")
    parser.add_argument("--tier", action="append", default=[], help="only this tier (repeatable)")
    parser.add_argument("--family", action="append", default=[], help="only this family (repeatable)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N instances (after the filters)")


def _add_solver_options(parser):
    parser.add_argument("--solver", action="append", default=[], required=True, metavar="SOLVER",
                        help="built-in or config-file solver name, or NAME='CMD {}' (repeatable)")
    parser.add_argument("--config", help="INI file with solver definitions")
    parser.add_argument("--wang", help=f"wang binary (default: {solverdefs.DEFAULT_WANG})")


def _add_limit_options(parser):
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SEC", help="wall-clock seconds per run (default 60)")
    parser.add_argument("--memory", type=int, default=8000, metavar="MIB",
                        help="memory limit per run in MiB, RLIMIT_AS; 0 for none (default 8000)")


def build_parser():
    parser = argparse.ArgumentParser(prog="bench", description="Benchmark wang against other solvers.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run solvers on a suite; resumes an interrupted campaign")
    _add_suite_options(run)
    _add_solver_options(run)
    _add_limit_options(run)
    run.add_argument("--jobs", type=int, default=1, metavar="N", help="runs in parallel (default 1)")
    run.add_argument("--out", required=True, help="results directory")
    run.add_argument("--rerun", action="store_true", help="run pairs that already have a result again")
    run.add_argument("--keep-logs", action="store_true", help="keep output of every run in OUT/logs")
    run.add_argument("--tmpdir", help="where decompressed inputs and outputs go (default: $TMPDIR)")
    run.add_argument("--no-report", action="store_true", help="do not write the report at the end")
    run.add_argument("--log-cactus", action="store_true", help="log-scale time axis in the cactus plot")

    rep = commands.add_parser("report", help="rebuild the report from stored results")
    rep.add_argument("dir", help="results directory (also where the report goes)")
    rep.add_argument("--benchexec", action="append", default=[], metavar="[NAME=]FILE",
                     help="also read a BenchExec result XML (.xml or .xml.bz2; repeatable)")
    rep.add_argument("--timeout", type=float, help="timeout for PAR-2 (default: from the results)")
    rep.add_argument("--log-cactus", action="store_true", help="log-scale time axis in the cactus plot")
    rep.add_argument("--no-plots", action="store_true", help="skip the plots")

    bx = commands.add_parser("benchexec", help="write a BenchExec benchmark definition for a suite")
    _add_suite_options(bx)
    _add_solver_options(bx)
    _add_limit_options(bx)
    bx.add_argument("--cores", type=int, default=1, help="cpuCores per run (default 1)")
    bx.add_argument("--name", default="wang-bench", help="name of the definition (default wang-bench)")
    bx.add_argument("--out", required=True, help="directory for the definition and its files")

    lst = commands.add_parser("solvers", help="list the solver definitions and whether they are installed")
    lst.add_argument("--config", help="INI file with solver definitions")
    lst.add_argument("--wang", help="wang binary")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    handler = {"run": cmd_run, "report": cmd_report, "benchexec": cmd_benchexec, "solvers": cmd_solvers}
    try:
        return handler[args.command](args)
    except (suites.SuiteError, solverdefs.SolverError) as error:
        print(f"bench: {error}", file=sys.stderr)
        return EXIT_USAGE


def _load(args):
    """Instances and solvers from the suite and solver options."""
    instances = suites.load_suite(args.suite, args.tier, args.family, args.limit)
    if not instances:
        raise suites.SuiteError(f"{args.suite}: no instances (after filters)")
    chosen = solverdefs.resolve_solvers(args.solver, args.config, args.wang)
    return instances, chosen


def _interrupt(signum, frame):
    """SIGTERM ends a campaign like Ctrl-C: running solvers are killed."""
    raise KeyboardInterrupt


def cmd_run(args):
    instances, chosen = _load(args)
    for solver in chosen:
        solver.check_available()
    os.makedirs(args.out, exist_ok=True)
    limits = runner.Limits(timeout=args.timeout, memory_mib=args.memory or None)
    _warn_on_changed_settings(args.out, limits, chosen, instances)
    results.add_campaign_run(args.out, _campaign_entry(args, chosen, instances))
    campaign = campaigns.Campaign(instances, chosen, limits, args.out, jobs=args.jobs, rerun=args.rerun,
                               scratch=args.tmpdir, keep_logs=args.keep_logs)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        done = campaign.run()
    except KeyboardInterrupt:
        print(f"\ninterrupted: finished runs are in {campaign.store.path}; "
              f"run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"{done} runs done; results in {campaign.store.path}", file=sys.stderr)
    if args.no_report:
        return EXIT_PROBLEMS if campaign.alarms else 0
    return _report(args.out, [], None, args.log_cactus, True)


def _campaign_entry(args, chosen, instances):
    """What campaign.json records about one `bench run`."""
    kinds = sorted({i.kind for i in instances})
    return {
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "suite": os.path.abspath(args.suite),
        "filters": " ".join([*(f"--tier {t}" for t in args.tier), *(f"--family {f}" for f in args.family),
                             *([f"--limit {args.limit}"] if args.limit is not None else [])]),
        "instances": len(instances),
        "timeout": args.timeout,
        "memory_mib": args.memory or None,
        "jobs": args.jobs,
        "host": platform.node(),
        "cpus": os.cpu_count(),
        "solvers": [{"name": s.name, "version": s.version(),
                     "commands": {k: s.command_text(k) for k in kinds if s.supports(k)}} for s in chosen],
    }


def _warn_on_changed_settings(out_dir, limits, chosen, instances):
    """Resuming with other limits or commands mixes incomparable runs: say so."""
    previous = results.ResultStore(out_dir).load(warn=False)
    if not previous:
        return
    timeouts = {r.get("timeout") for r in previous}
    if timeouts != {limits.timeout}:
        print(f"warning: {out_dir} has runs with timeout {sorted(t for t in timeouts if t)}, "
              f"this run uses {limits.timeout:g}", file=sys.stderr)
    commands = {(r["solver"], r["command"]) for r in previous}
    for solver in chosen:
        for kind in {i.kind for i in instances}:
            text = solver.command_text(kind)
            old = {c for s, c in commands if s == solver.name}
            if text and old and text not in old:
                print(f"warning: solver {solver.name} ran as {sorted(old)} before, now as {text!r}",
                      file=sys.stderr)


def cmd_report(args):
    if not os.path.isdir(args.dir):
        print(f"bench: {args.dir}: no such directory", file=sys.stderr)
        return EXIT_USAGE
    return _report(args.dir, args.benchexec, args.timeout, args.log_cactus, not args.no_plots)


def _report(out_dir, benchexec_files, timeout, log_y, with_plots):
    """Build the report from results.jsonl plus BenchExec files; print the
    summary table; exit status 1 if anything is wrong or disputed."""
    records = results.latest_records(results.ResultStore(out_dir).load())
    notes = []
    for spec in benchexec_files:
        name, sep, path = spec.partition("=")
        if not sep or not solverdefs.is_name(name):
            name, path = "", spec
        extra = benchexec.read_results(path, name or None)
        notes.append(f"BenchExec results from `{path}` ({len(extra)} runs)")
        records += extra
    records = results.latest_records(records)
    if not records:
        print(f"bench: no results in {out_dir}", file=sys.stderr)
        return EXIT_USAGE
    campaign = results.read_campaign(out_dir)
    order = [s["name"] for run in reversed(campaign["runs"]) for s in run.get("solvers", [])]
    summary = stats.summarize(records, timeout, order)
    md_path, html_path, plot_files = report.write_report(summary, campaign, out_dir, log_y, with_plots, notes)
    print(report.summary_table(summary))
    for path, pairs in summary.disagreements:
        for a, x, b, y in pairs:
            print(f"!!! DISAGREEMENT on {path}: {a} says {x}, {b} says {y}", file=sys.stderr)
    for record in summary.wrong:
        print(f"!!! WRONG: {record['solver']} on {record['instance']}: {record['reason']}", file=sys.stderr)
    print(f"report: {md_path}, {html_path}" + (f", {len(plot_files)} plots" if plot_files else ""),
          file=sys.stderr)
    return EXIT_PROBLEMS if summary.wrong or summary.disagreements else 0


def cmd_benchexec(args):
    instances, chosen = _load(args)
    wang = os.path.abspath(args.wang) if args.wang else solverdefs.DEFAULT_WANG
    os.makedirs(args.out, exist_ok=True)
    definition = benchexec.write_benchexec(args.out, args.name, chosen, instances, args.timeout,
                                           args.memory or None, args.cores, wang)
    out = os.path.abspath(args.out)
    print(f"wrote {definition} ({len(instances)} tasks, {len(chosen)} run definitions)\n"
          f"run it with:\n  PYTHONPATH={out} benchexec {definition} "
          f"--tool-directory {os.path.dirname(os.path.dirname(wang))} -o {out}/results/\n"
          f"then:\n  scripts/bench report DIR --benchexec {out}/results/<file>.results.<solver>.xml.bz2 ...")
    return 0


def cmd_solvers(args):
    builtins = solverdefs.builtin_solvers(os.path.abspath(args.wang) if args.wang else solverdefs.DEFAULT_WANG)
    defined = {}
    if args.config:
        builtins, defined = solverdefs.load_config(args.config, builtins)
    for solver in [*builtins.values(), *defined.values()]:
        try:
            solver.check_available()
            state = "ok"
        except solverdefs.SolverError as error:
            state = f"missing: {error}"
        print(f"{solver.name:16} {state}")
        for kind in ("cnf", "smt2"):
            if solver.supports(kind):
                print(f"{'':16} {kind}: {solver.command_text(kind)}  "
                      f"[{solver.output_format(kind)}; reads {','.join(sorted(solver.reads)) or 'plain only'}]")
    return 0
