"""One measured ingest run (a child process of ``benchmarks/scale.py``); prints one JSON object.

Usage: python benchmarks/scale_run.py ENGINE WORKERS CORPUS DB [--batch-size 16]
ENGINE is ``local`` (``hending ingest``), ``ray`` (``hending ingest --engine ray``, which starts
and stops a local Ray) or ``ray-cluster`` (the same, connecting to a running Ray with
``--address auto``). The
parent measures the wall time from starting this process to ``finished_at`` (interpreter start,
imports, Ray start-up, model loading, analysis, store writes and the index rebuild included).
"""

from __future__ import annotations

import time

STARTED = time.time()

import argparse  # noqa: E402
import json  # noqa: E402


def run(engine: str, workers: int, corpus: str, db: str, batch_size: int) -> dict:
    """Ingest ``corpus`` into ``db`` with ``engine``; return counts, stage times and memory."""
    if engine == "local":
        from hending.store.ingest import ingest

        imported = time.time()
        s = ingest([corpus], db, workers=workers, batch_size=batch_size)
        out = {"stored": s.stored, "events": sum(s.events.values()), "skipped": dict(s.skipped),
               "times": dict(s.times), "worker_peak_rss_mb": s.worker_peak_rss_mb,
               "driver_peak_rss_mb": s.driver_peak_rss_mb, "engine_seconds": s.seconds,
               "steady_docs_per_second": s.steady_docs_per_second}
    else:
        from hending.engines.ray_engine import run_ray

        imported = time.time()
        address = "auto" if engine == "ray-cluster" else None
        r = run_ray([corpus], None, workers=workers, batch_size=batch_size, db=db, address=address)
        out = {"stored": r["stored"], "events": r["events"], "skipped": r["skipped"], "times": r["times"],
               "worker_peak_rss_mb": r["worker_peak_rss_mb"], "driver_peak_rss_mb": r["driver_peak_rss_mb"],
               "engine_seconds": r["seconds"], "steady_docs_per_second": r["steady_docs_per_second"]}
    out["finished_at"] = time.time()
    out["hending_path"] = __import__("hending").__file__
    out["imports_seconds"] = imported - STARTED
    return out


def main() -> None:
    """Parse the arguments, run once, print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("engine", choices=("local", "ray", "ray-cluster"))
    ap.add_argument("workers", type=int)
    ap.add_argument("corpus")
    ap.add_argument("db")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    print(json.dumps(run(args.engine, args.workers, args.corpus, args.db, args.batch_size)))


if __name__ == "__main__":
    main()
