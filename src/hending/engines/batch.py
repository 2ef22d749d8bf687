"""Worker side of both engines: load the models once, analyse batches, report time and memory.

Kept light on imports so that a freshly started worker process books its imports and model
loading under the ``startup`` stage (see :func:`warm_up`).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from hending.engines.stages import StageTimes, peak_rss_mb
from hending.read.document import ReadError, SourceDocument

_ready: dict[str, float] = {}  # "at": wall-clock time this process finished loading (reported once)


@dataclass
class AnalysedBatch:
    """A worker's answer: results in input order, its stage times, and who it was."""

    results: list[dict | ReadError]
    times: dict[str, float] = field(default_factory=dict)
    pid: int = 0
    peak_rss_mb: float = 0.0
    ready_at: float | None = None  # set on a worker's first batch: when it had finished loading

    @property
    def records(self) -> list[dict]:
        return [r for r in self.results if isinstance(r, dict)]

    @property
    def errors(self) -> list[ReadError]:
        return [r for r in self.results if isinstance(r, ReadError)]


def warm_up(lang: str = "nb") -> float:
    """Import the pipeline and load the models for ``lang`` (once per process); return the seconds."""
    start = time.perf_counter()
    from hending.analyse.pipeline import load_pipeline

    load_pipeline(lang)
    _ready["at"] = time.time()
    return time.perf_counter() - start


def analyse_batch(docs: list[SourceDocument]) -> AnalysedBatch:
    """Analyse one batch (models load on first use) and report stage times and peak memory."""
    from hending.process import analyse

    times = StageTimes()
    results = list(analyse(docs, batch_size=len(docs) or 1, times=times))
    return AnalysedBatch(results, dict(times), os.getpid(), peak_rss_mb(), _ready.pop("at", None))
