"""``hending serve``: run the explorer (REST API + web page) over a store with uvicorn."""

from __future__ import annotations

import argparse
import os
import sys

TOKEN_ENV = "HENDING_SERVE_TOKEN"


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``serve`` sub-command to ``hending``'s sub-parsers."""
    from hending.store.database import DEFAULT_DB

    p = sub.add_parser("serve", help="explore the store in a browser, and a REST API",
                       description="Serve the explorer page and a read-only REST API (docs at /docs). "
                                   "With --token (or $" + TOKEN_ENV + "), POST /api/ingest accepts documents "
                                   "from clients sending 'Authorization: Bearer TOKEN'.")
    p.add_argument("--db", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--token", default=None, help=f"enable ingestion over HTTP with this bearer token "
                                                 f"(default ${TOKEN_ENV} if set)")
    p.add_argument("--threads", type=int, default=1,
                   help="DuckDB threads per query (default 1; 0: all cores)")
    p.add_argument("--cache-size", type=int, default=1024,
                   help="API answers kept in memory for repeated requests (default 1024; 0: none)")
    p.set_defaults(func=serve)
    return p


def serve(args: argparse.Namespace) -> int:
    """Open the store and serve until interrupted."""
    try:
        import uvicorn

        from hending.serve.app import create_app
    except ImportError as exc:
        print(f"hending: error: 'hending serve' needs FastAPI and uvicorn ({exc.name} is missing): "
              "pip install fastapi uvicorn", file=sys.stderr)
        return 2

    token = args.token or os.environ.get(TOKEN_ENV) or None
    app = create_app(args.db, token=token, threads=getattr(args, "threads", 1) or None,
                     cache_size=getattr(args, "cache_size", 1024))
    mode = "ingestion enabled (bearer token)" if token else "read-only"
    print(f"hending: serving {args.db} ({mode}) on http://{args.host}:{args.port}/  (API docs: /docs)",
          file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m hending.serve.cli`` (the same as ``hending serve``)."""
    parser = argparse.ArgumentParser(prog="hending")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["serve", *(sys.argv[1:] if argv is None else argv)])
    try:
        return args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"hending: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
