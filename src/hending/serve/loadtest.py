"""Load test of the explorer API's event queries, on the loopback interface only.

Usage: python -m hending.serve.loadtest --db FILE [--requests 2000] [--concurrency 8] [--time-limit 60]
       python -m hending.serve.loadtest --url http://127.0.0.1:8000 ...   (a server already running)

Starts ``hending serve`` on 127.0.0.1 and a free port (unless ``--url`` names a running loopback
server), sends a bounded number of requests (event lists with filters, sorting and paging; counts by
month and type; map points) over keep-alive connections, and reports requests/s, p50/p90/p99/max
latency and errors. Stops at ``--requests`` or ``--time-limit`` seconds, whichever comes first.
``--check`` exits 1 unless the targets hold (>= 200 requests/s, p99 <= 200 ms, no errors).
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

MAX_REQUESTS = 100_000
MAX_SECONDS = 600.0
TARGET_RPS = 200.0
TARGET_P99_MS = 200.0


def loopback(url: str) -> tuple[str, int]:
    """``(host, port)`` of ``url``; refuses anything but a loopback address."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if host != "localhost":
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise ValueError
        except ValueError:
            raise SystemExit(f"loadtest: refusing {url}: only loopback addresses (127.0.0.0/8, ::1)"
                             ) from None
    return host, parts.port or 80


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, cache_size: int = 1024) -> subprocess.Popen:
    """``hending serve`` in a subprocess; returns once it answers."""
    src = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("HENDING_SERVE_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "hending.serve.cli", "--db", db, "--host", "127.0.0.1",
                             "--port", str(port), "--cache-size", str(cache_size)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"loadtest: the server exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("loadtest: the server did not start within 60 s")


def request_mix(base: str, n: int, seed: int = 1) -> list[tuple[str, str]]:
    """``n`` (kind, path) pairs of event queries built from what the store holds."""
    with urllib.request.urlopen(base + "/api/meta", timeout=30) as r:
        meta = json.loads(r.read())
    rng = random.Random(seed)
    types = [t["key"] for t in meta["types"]] or ["ASSAULT"]
    countries = [c["key"] for c in meta["countries"]] or ["SY"]
    actors = [a["key"] for a in meta["actors"]] or ["Russia"]
    first, last = meta.get("first_date") or "2015-01-01", meta.get("last_date") or "2017-12-31"
    years = list(range(int(first[:4]), int(last[:4]) + 1))

    def window() -> dict:
        y = rng.choice(years)
        m = rng.randint(1, 12)
        return {"since": f"{y}-{m:02d}-01", "until": f"{y}-{m:02d}-28"}

    kinds = {
        "list": lambda: ("events", {"limit": 50, "offset": rng.choice([0, 0, 50, 100])}),
        "list type+sort": lambda: ("events", {"type": rng.choice(types), "limit": 50,
                                              "sort": rng.choice(["date", "type", "actor", "place"]),
                                              "order": rng.choice(["asc", "desc"])}),
        "list dates": lambda: ("events", {**window(), "limit": 50}),
        "list country+actor": lambda: ("events", {"country": rng.choice(countries),
                                                  "actor": rng.choice(actors)[:6], "limit": 50}),
        "counts month": lambda: ("counts", {"by": "month", "type": rng.choice(types + [""])}),
        "counts type": lambda: ("counts", {"by": "type", **window()}),
        "map": lambda: ("map", {"zoom": rng.choice([2, 4, 6]), "type": rng.choice(types), **window()}),
    }
    weights = {"list": 3, "list type+sort": 3, "list dates": 2, "list country+actor": 1, "counts month": 2,
               "counts type": 1, "map": 2}
    names = list(weights)
    out = []
    for _ in range(n):
        kind = rng.choices(names, [weights[k] for k in names])[0]
        path, params = kinds[kind]()
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v not in ("", None)})
        out.append((kind, f"/api/{path}?{query}"))
    return out


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value)
        elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.readexactly(length)
    return status


async def run(host: str, port: int, mix: list[tuple[str, str]], concurrency: int,
              time_limit: float) -> dict:
    """Send ``mix`` over ``concurrency`` keep-alive connections; collect latencies."""
    queue: asyncio.Queue = asyncio.Queue()
    for item in mix:
        queue.put_nowait(item)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: Counter = Counter()
    start = time.perf_counter()
    deadline = start + time_limit

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while not queue.empty() and time.perf_counter() < deadline:
                kind, path = queue.get_nowait()
                t = time.perf_counter()
                try:
                    status = await asyncio.wait_for(_get(reader, writer, host, path), timeout=30)
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    errors[f"{kind}: {type(exc).__name__}"] += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
                    continue
                latencies[kind].append(time.perf_counter() - t)
                if status != 200:
                    errors[f"{kind}: HTTP {status}"] += 1
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return {"elapsed": time.perf_counter() - start, "latencies": latencies, "errors": errors}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def report(result: dict) -> dict:
    """Requests/s, latency percentiles (ms) and errors, overall and per kind of request."""
    every = [x for v in result["latencies"].values() for x in v]
    done = len(every)
    ms = lambda x: round(x * 1000, 1)  # noqa: E731
    summary = {
        "requests": done, "errors": sum(result["errors"].values()), "seconds": round(result["elapsed"], 2),
        "requests_per_second": round(done / result["elapsed"], 1) if result["elapsed"] else 0.0,
        "p50_ms": ms(percentile(every, 0.5)), "p90_ms": ms(percentile(every, 0.9)),
        "p99_ms": ms(percentile(every, 0.99)), "max_ms": ms(max(every, default=0.0)),
        "by_kind": {k: {"requests": len(v), "p50_ms": ms(percentile(v, 0.5)),
                        "p99_ms": ms(percentile(v, 0.99))} for k, v in sorted(result["latencies"].items())},
        "error_kinds": dict(result["errors"]),
    }
    summary["targets_met"] = (summary["requests_per_second"] >= TARGET_RPS
                              and summary["p99_ms"] <= TARGET_P99_MS and summary["errors"] == 0)
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m hending.serve.loadtest", description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="store to serve (starts a server on 127.0.0.1)")
    ap.add_argument("--url", help="an already running server on a loopback address instead")
    ap.add_argument("--requests", type=int, default=2000, help=f"requests to send (at most {MAX_REQUESTS})")
    ap.add_argument("--concurrency", type=int, default=8, help="parallel keep-alive connections (1..64)")
    ap.add_argument("--time-limit", type=float, default=60.0,
                    help=f"stop after this many seconds (<= {MAX_SECONDS})")
    ap.add_argument("--warmup", type=int, default=50, help="requests sent first and not measured")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache-size", type=int, default=1024,
                    help="the started server's answer cache (0: every request reaches the database)")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--check", action="store_true",
                    help="exit 1 unless >= 200 req/s, p99 <= 200 ms and no errors")
    args = ap.parse_args(argv)
    if bool(args.db) == bool(args.url):
        ap.error("give exactly one of --db and --url")
    if not 1 <= args.requests <= MAX_REQUESTS or not 1 <= args.concurrency <= 64:
        ap.error(f"--requests must be 1..{MAX_REQUESTS} and --concurrency 1..64")
    if not 0 < args.time_limit <= MAX_SECONDS:
        ap.error(f"--time-limit must be in (0, {MAX_SECONDS}]")
    proc = None
    if args.db:
        if not Path(args.db).exists():
            ap.error(f"no database at {args.db}")
        port = free_port()
        proc = start_server(args.db, port, args.cache_size)
        base = f"http://127.0.0.1:{port}"
    else:
        base = args.url.rstrip("/")
    host, port = loopback(base)
    try:
        mix = request_mix(base, args.warmup + args.requests, args.seed)
        if args.warmup:
            warm = mix[:args.warmup]
            asyncio.run(run(host, port, warm, min(args.concurrency, args.warmup), args.time_limit))
        result = report(asyncio.run(run(host, port, mix[args.warmup:], args.concurrency, args.time_limit)))
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"{result['requests']} requests in {result['seconds']} s with {args.concurrency} connections: "
              f"{result['requests_per_second']} requests/s; latency p50 {result['p50_ms']} ms, "
              f"p90 {result['p90_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms; "
              f"errors {result['errors']}")
        for kind, row in result["by_kind"].items():
            print(f"  {kind:20} {row['requests']:6d}  p50 {row['p50_ms']:7.1f} ms  "
                  f"p99 {row['p99_ms']:7.1f} ms")
        for kind, n in result["error_kinds"].items():
            print(f"  error {kind}: {n}")
        print(f"targets (>= {TARGET_RPS:.0f} req/s, p99 <= {TARGET_P99_MS:.0f} ms, no errors): "
              f"{'met' if result['targets_met'] else 'NOT met'}")
    return 1 if args.check and not result["targets_met"] else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into head
        sys.exit(0)
