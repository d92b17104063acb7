"""``python -m stepcoder_lite COMMAND ...``: the command line.

Each command is registered by one small ``_add_<command>`` function below that declares its
arguments; its handler imports the module that does the work only when the command runs, so
``--help`` stays fast (no torch import). Handlers return a process exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable


def print_json(obj: Any) -> None:
    """Print one JSON object on stdout (the ``--json`` output of every command)."""
    json.dump(obj, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")


# --------------------------------------------------------------------------- data


def _add_data(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="inspect and verify problem sets (bundled, families, APPS+, APPS, HumanEval)")
    dsub = p.add_subparsers(dest="data_command", required=True, metavar="DATA_COMMAND")

    s = dsub.add_parser("stats", help="counts, tests per problem, conditionals per solution, by difficulty")
    s.add_argument("source", help="bundled | families | humaneval | handwritten | PATH to an APPS+/APPS file (optionally SOURCE:split)")
    s.add_argument("--json", action="store_true", help="print one JSON object")
    s.set_defaults(handler=_run_data_stats)


def _run_data_stats(args: argparse.Namespace) -> int:
    from stepcoder_lite.data import load_source, stats

    try:
        # lenient: bad records are counted and listed under "skipped", never dropped unreported
        problems, skipped = load_source(args.source, with_skipped=True)
    except (OSError, ValueError, ImportError) as e:  # missing file, unreadable file, bad split
        print(f"data stats: {e}", file=sys.stderr)
        return 2
    result = stats(problems, skipped=skipped)
    if args.json:
        print_json(result)
    else:
        for key, value in result.items():
            print(f"{key:>28}: {value}")
    return 0


# --------------------------------------------------------------------------- main

REGISTRARS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_data,
]


def build_parser() -> argparse.ArgumentParser:
    from stepcoder_lite import __version__

    parser = argparse.ArgumentParser(
        prog="python -m stepcoder_lite",
        description="StepCoder-lite: RL from unit-test feedback for code LMs (CCCS + FGO).",
    )
    parser.add_argument("--version", action="version", version=f"stepcoder-lite {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
