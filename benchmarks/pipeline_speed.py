"""Throughput of the language pipeline on one core (words/s), whole and per component.

Usage: python benchmarks/pipeline_speed.py [--lang nb] [--repeat 3] [FILES...]
Defaults to the NorSumm dev articles. Runs single-threaded (BLAS threads pinned to 1).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from hending.analyse.pipeline import load_pipeline  # noqa: E402
from hending.read import SourceDocument, read_paths  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "norsumm-dev.jsonl"


def main() -> None:
    """Time the full pipeline and each component; print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--lang", default="nb")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [d.text for d in read_paths(args.files) if isinstance(d, SourceDocument)]
    nlp = load_pipeline(args.lang)
    words = sum(len(nlp.make_doc(t)) for t in texts)
    list(nlp.pipe(texts[:2]))  # warm-up
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=64))
        best = min(best, time.perf_counter() - start)
    per_component = {}
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        per_component[name] = round(time.perf_counter() - start, 3)
    print(json.dumps({
        "documents": len(texts), "words": words, "seconds": round(best, 3),
        "words_per_second": round(words / best), "seconds_per_component": per_component,
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "python": platform.python_version(),
    }, indent=1))


if __name__ == "__main__":
    main()
