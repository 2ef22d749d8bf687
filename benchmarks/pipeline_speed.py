"""Throughput on one core (words/s): the language pipeline alone, and the full extraction.

Usage: python benchmarks/pipeline_speed.py [--lang nb] [--repeat 5] [FILES...]
Defaults to the NorSumm dev articles. Single-threaded (BLAS threads pinned to 1). "Language
pipeline" = tokenizer, tagger, tag map, lemmatizer, parser, NER and the entity-name list;
"full" adds times, places and events (documents carry their publication dates). Best of
``--repeat`` runs; per-component seconds from one pass.
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
RESOLVERS = ["hending_times", "hending_places", "hending_events"]


def best_of(repeat: int, run) -> float:
    """Fastest of ``repeat`` timed calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Time the language pipeline, the full extraction and each component; print JSON."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--lang", default="nb")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sources = [d for d in read_paths(args.files) if isinstance(d, SourceDocument)]
    nlp = load_pipeline(args.lang)

    def docs():
        out = []
        for src in sources:
            doc = nlp.make_doc(src.text)
            doc._.published = src.published
            out.append(doc)
        return out

    words = sum(len(d) for d in docs())
    list(nlp.pipe(docs()[:2]))  # warm-up: lexicons, gazetteer

    def language() -> None:
        with nlp.select_pipes(disable=RESOLVERS):
            list(nlp.pipe(docs(), batch_size=64))

    language_s = best_of(args.repeat, language)
    full_s = best_of(args.repeat, lambda: list(nlp.pipe(docs(), batch_size=64)))
    per_component, batch = {}, docs()
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        batch = list(proc.pipe(batch, batch_size=64)) if hasattr(proc, "pipe") else [proc(d) for d in batch]
        per_component[name] = round(time.perf_counter() - start, 3)
    print(json.dumps({
        "documents": len(sources), "words": words,
        "language_pipeline": {"seconds": round(language_s, 3), "words_per_second": round(words / language_s)},
        "full_extraction": {"seconds": round(full_s, 3), "words_per_second": round(words / full_s),
                            "extraction_overhead": round(full_s / language_s - 1, 3)},
        "seconds_per_component": per_component,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores", "python": platform.python_version(),
    }, indent=1))


if __name__ == "__main__":
    main()
