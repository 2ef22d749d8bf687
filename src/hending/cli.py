"""Command-line interface over the library API: extract, ingest, query, sql, export, serve."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from hending.version import __version__

EXIT_SKIPPED = 1
EXIT_USAGE = 2


def _open_output(path: str | None):
    return open(path, "w", encoding="utf-8") if path and path != "-" else sys.stdout


def cmd_extract(args: argparse.Namespace) -> int:
    """Write one JSON document per line; report skipped input on stderr."""
    from hending.process import extract_documents
    from hending.read import ReadError

    out = _open_output(args.output)
    counts: Counter[str] = Counter()
    try:
        for item in extract_documents(args.paths, batch_size=args.batch_size):
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


def cmd_ingest(args: argparse.Namespace) -> int:
    """Analyse and store; print a summary; exit 1 if anything was skipped."""
    if args.engine == "ray":
        return _ingest_ray(args)
    from hending.store.ingest import Progress, count_documents, ingest

    bar = None
    if sys.stderr.isatty() and not args.quiet:
        bar = Progress(count_documents(args.paths))
    summary = ingest(args.paths, args.db, workers=args.workers, batch_size=args.batch_size,
                     progress=bar.update if bar else None)
    if bar:
        bar.close()
    if not args.quiet:
        _print_summary(summary.lines(), summary.skipped_total, args.db)
    return EXIT_SKIPPED if summary.skipped_total else 0


def _print_summary(lines: list[str], skipped: int, db: str, prefix: str = "") -> None:
    """An ingest run's summary on stderr, with where to find the skipped inputs."""
    for line in lines:
        print(f"hending: {prefix}{line}", file=sys.stderr)
    if skipped:
        print(f"hending: details: hending sql --db {db} \"SELECT * FROM errors\"", file=sys.stderr)


def _ingest_ray(args: argparse.Namespace) -> int:
    """The same pipeline on Ray Data, straight into the store (Parquet by month with --parquet-out)."""
    from hending.engines.ray_engine import run_ray
    from hending.store.ingest import Progress, count_documents

    bar = Progress(count_documents(args.paths)) if sys.stderr.isatty() and not args.quiet else None
    summary = run_ray(args.paths, args.parquet_out, workers=args.workers or 2, address=args.address,
                      batch_size=args.batch_size, db=args.db, progress=bar.update if bar else None)
    if bar:
        bar.close()
    if not args.quiet:
        lines = summary["lines"] + ([f"Parquet in {args.parquet_out}"] if args.parquet_out else [])
        _print_summary(lines, sum(summary["skipped"].values()), args.db, "ray: ")
    return EXIT_SKIPPED if summary["skipped"] else 0


def write_rows(columns: list[str], rows: list[tuple], fmt: str, out=None) -> None:
    """Print rows as an aligned table, JSON Lines or CSV."""
    out = out or sys.stdout
    if fmt == "json":
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        cells = [[("" if v is None else str(v)).replace("\n", " ")[:60] for v in row] for row in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        for r in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")


def _query_from_args(args: argparse.Namespace):
    from hending.store.query import EventQuery

    return EventQuery(
        type=args.type, actor=args.actor, actor_country=args.actor_country, actor_sector=args.actor_sector,
        recipient=args.recipient, recipient_country=args.recipient_country,
        recipient_sector=args.recipient_sector, place=args.place, geonameid=args.geonameid,
        bbox=args.bbox, near=args.near, since=args.since, until=args.until, source=args.source,
        text=args.text, doc_id=args.doc_id, include_negated=not args.no_negated,
        include_hypothetical=not args.no_hypothetical, sort=getattr(args, "sort", "date"),
        descending=getattr(args, "desc", False), limit=getattr(args, "limit", 100),
        offset=getattr(args, "offset", 0))


TABLE_COLUMNS = ("type", "date_start", "date_end", "actor_name", "recipient_name", "location_name",
                 "attributed_to", "trigger_text", "historical", "negated", "hypothetical")


def cmd_query(args: argparse.Namespace) -> int:
    """Print matching events."""
    from hending.store import connect, query_events

    con = connect(args.db, read_only=True)
    columns, rows = query_events(con, _query_from_args(args))
    if args.format == "table" and not args.all_columns:
        keep = [columns.index(c) for c in TABLE_COLUMNS]
        columns, rows = [columns[i] for i in keep], [tuple(r[i] for i in keep) for r in rows]
    write_rows(columns, rows, args.format)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    """Run read-only SQL against the store."""
    from hending.store import connect

    con = connect(args.db, read_only=True)
    cursor = con.execute(args.query)
    if cursor.description is None:
        return 0
    write_rows([d[0] for d in cursor.description], cursor.fetchall(), args.format)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export matching events."""
    from hending.export import EXPORTERS
    from hending.store import connect

    con = connect(args.db, read_only=True)
    n = EXPORTERS[args.format](con, _query_from_args(args), Path(args.output))
    print(f"hending: exported {n} events to {args.output} ({args.format})", file=sys.stderr)
    return 0


def _floats(count: int):
    def parse(value: str) -> tuple[float, ...]:
        parts = value.split(",")
        if len(parts) != count:
            raise argparse.ArgumentTypeError(f"expected {count} comma-separated numbers")
        try:
            return tuple(float(p) for p in parts)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not numbers: {value!r}") from None
    return parse


def _add_filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--type", help="PLOVER event type, e.g. ASSAULT")
    g.add_argument("--actor", help="actor name contains")
    g.add_argument("--actor-country", help="actor country (ISO alpha-3)")
    g.add_argument("--actor-sector", help="actor sector (GOV MIL COP REB ...)")
    g.add_argument("--recipient", help="recipient name contains")
    g.add_argument("--recipient-country")
    g.add_argument("--recipient-sector")
    g.add_argument("--place", help="location name or mention contains")
    g.add_argument("--geonameid", type=int)
    g.add_argument("--bbox", type=_floats(4), metavar="MINLON,MINLAT,MAXLON,MAXLAT")
    g.add_argument("--near", type=_floats(3), metavar="LAT,LON,KM", help="within KM of a point")
    g.add_argument("--since", metavar="YYYY-MM-DD")
    g.add_argument("--until", metavar="YYYY-MM-DD")
    g.add_argument("--source", help="attributed source contains (e.g. SOHR)")
    g.add_argument("--text", help="Norwegian full-text search (stemmed)")
    g.add_argument("--doc-id", help="only events of this document")
    g.add_argument("--no-negated", action="store_true", help="leave out negated events")
    g.add_argument("--no-hypothetical", action="store_true", help="leave out hypothetical events")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    from hending.store.database import DEFAULT_DB

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

    ing = sub.add_parser("ingest", help="analyse documents into the embedded DuckDB store",
                         description="Idempotent and resumable: documents already stored by this "
                                     "pipeline version are skipped, older extractions are replaced. "
                                     "Exit status 1 if anything was skipped (see the errors table).")
    ing.add_argument("paths", nargs="+", metavar="PATH")
    ing.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    ing.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    ing.add_argument("--batch-size", type=int, default=16,
                     help="documents per worker batch (default 16); results commit every 64 documents")
    ing.add_argument("--engine", choices=("local", "ray"), default="local",
                     help="local processes (default) or Ray Data (pip install 'hending[ray]')")
    ing.add_argument("--address", default=None, help="Ray cluster address (default: start a local Ray)")
    ing.add_argument("--parquet-out", default=None, metavar="DIR",
                     help="Ray engine: also write the run's documents and events as Parquet into DIR")
    ing.add_argument("-q", "--quiet", action="store_true")
    ing.set_defaults(func=cmd_ingest)

    q = sub.add_parser("query", help="events matching filters, as a table, JSON or CSV")
    q.add_argument("--db", default=DEFAULT_DB)
    _add_filters(q)
    q.add_argument("--sort", default="date", choices=["date", "type", "actor", "place", "id"])
    q.add_argument("--desc", action="store_true")
    q.add_argument("--limit", type=int, default=100)
    q.add_argument("--offset", type=int, default=0)
    q.add_argument("--format", default="table", choices=["table", "json", "csv"])
    q.add_argument("--all-columns", action="store_true", help="every column in table output")
    q.set_defaults(func=cmd_query)

    s = sub.add_parser("sql", help="raw read-only SQL against the store")
    s.add_argument("query")
    s.add_argument("--db", default=DEFAULT_DB)
    s.add_argument("--format", default="table", choices=["table", "json", "csv"])
    s.set_defaults(func=cmd_sql)

    e = sub.add_parser("export", help="export events: acled-csv, plover-jsonl, geojson, parquet")
    e.add_argument("--format", required=True, choices=["acled-csv", "plover-jsonl", "geojson", "parquet"])
    e.add_argument("-o", "--output", required=True, help="file (a directory for parquet)")
    e.add_argument("--db", default=DEFAULT_DB)
    _add_filters(e)
    e.set_defaults(func=cmd_export)

    from hending.serve.cli import add_parser as add_serve_parser

    add_serve_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``hending`` command; user errors exit 2 with a one-line message."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"hending: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # database errors from user SQL, read-only violations
        import duckdb

        if isinstance(exc, duckdb.Error):
            print(f"hending: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        raise


if __name__ == "__main__":
    sys.exit(main())
