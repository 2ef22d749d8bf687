"""Command-line interface: ``hending extract PATH...`` (more commands join as the pipeline grows)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence

from hending.version import __version__

EXIT_SKIPPED = 1


def _open_output(path: str | None):
    return open(path, "w", encoding="utf-8") if path and path != "-" else sys.stdout


def cmd_extract(args: argparse.Namespace) -> int:
    """Write one JSON document per line; report skipped input on stderr."""
    from hending.process import extract
    from hending.read import ReadError

    out = _open_output(args.output)
    counts: Counter[str] = Counter()
    try:
        for item in extract(args.paths, batch_size=args.batch_size):
            if isinstance(item, ReadError):
                counts[f"skipped ({item.kind})"] += 1
                print(f"hending: skipped {item}", file=sys.stderr)
                continue
            counts[f"documents ({item['lang']})"] += 1
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if not args.quiet:
        summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "no documents"
        print(f"hending: {summary}", file=sys.stderr)
    return EXIT_SKIPPED if any(k.startswith("skipped") for k in counts) else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(prog="hending", description="Norwegian news into event records.")
    parser.add_argument("--version", action="version", version=f"hending {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="analyse documents and write JSON Lines to stdout",
                        description="Read text files (date header), JSON Lines or directories of them "
                                    "and write one JSON document per line. Skipped input is reported "
                                    "on stderr; the exit status is 1 if anything was skipped.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file or directory (recursive)")
    ex.add_argument("-o", "--output", help="write to this file instead of stdout")
    ex.add_argument("--batch-size", type=int, default=64, help="documents per batch (default 64)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    ex.set_defaults(func=cmd_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``hending`` command."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
