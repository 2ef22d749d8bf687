"""Ingest throughput with 1 and 2 worker processes, peak memory per worker, database size.

Usage: python benchmarks/ingest_scaling.py [--copies 4] [--workers 1 2]
The corpus is the 30 NorSumm articles repeated ``--copies`` times under distinct ids (real text,
distinct documents). Each run ingests into a fresh database. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

NORSUMM = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "norsumm-dev.jsonl"

CHILD = """
import json, resource, sys, time
from hending.store.ingest import ingest
t = time.perf_counter()
s = ingest([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]))
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "stored": s.stored, "events": sum(s.events.values()),
                  "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def make_corpus(dest: Path, copies: int) -> tuple[int, int]:
    """Write the repeated corpus; return (documents, words)."""
    lines = NORSUMM.read_text(encoding="utf-8").splitlines()
    docs = words = 0
    with open(dest, "w", encoding="utf-8") as out:
        for c in range(copies):
            for line in lines:
                rec = json.loads(line)
                rec["id"] = f"{rec['id']}#{c}"
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                docs += 1
                words += len(rec["text"].split())
    return docs, words


def main() -> None:
    """Run the ingest once per worker count and report documents/s, memory and size."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, words = make_corpus(corpus, args.copies)
        for n in args.workers:
            db = Path(tmp) / f"w{n}.duckdb"
            out = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(db), str(n)],
                                 capture_output=True, text=True, check=True, env=os.environ.copy())
            run = json.loads(out.stdout.strip().splitlines()[-1])
            size = db.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob(f"w{n}.duckdb.wal"))
            results[f"{n} worker(s)"] = {
                "documents_per_second": round(docs / run["seconds"], 2),
                "words_per_second": round(words / run["seconds"]),
                "seconds": round(run["seconds"], 1),
                "peak_rss_mb_worker": round(run["children_maxrss_mb"] if n > 1
                                            else run["self_maxrss_mb"]),
                "db_mb_per_1000_docs": round(size / 1e6 / docs * 1000, 1),
                "events": run["events"],
            }
    base = results.get("1 worker(s)", {}).get("documents_per_second")
    if base and "2 worker(s)" in results:
        results["speed-up 2 vs 1"] = round(results["2 worker(s)"]["documents_per_second"] / base, 2)
    memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    print(json.dumps({"documents": docs, "words": words, "results": results,
                      "machine": f"{platform.machine()}, {os.cpu_count()} cores, {memory} GiB",
                      "rusage_note": "peak RSS of the largest worker process (max over children)"},
                     indent=1))


if __name__ == "__main__":
    main()
