"""Per-stage time accounting for ingest runs (what the work cost, stage by stage).

A :class:`StageTimes` maps a stage name to seconds. Workers time their own stages and send the
totals back with their results; the driver adds its own (reading, store writes, index rebuild).
Component stages are named after the spaCy component: the rule-based resolvers keep their own
names (``hending_times``, ``hending_places``, ``hending_events``); everything else the language
model does (tokenizer, tagger, lemmatizer, parser, NER, name list) is ``language:<component>`` and
adds up to the ``language`` stage.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

RESOLVERS = ("hending_times", "hending_places", "hending_events")
LANGUAGE = "language"


def component_stage(name: str) -> str:
    """The stage a pipeline component's time is booked under."""
    return name if name in RESOLVERS else f"{LANGUAGE}:{name}"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB).

    Linux: ``VmHWM``, because ``ru_maxrss`` survives ``exec`` and so reports a spawned worker's
    parent's peak when that was higher.
    """
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class StageTimes(dict[str, float]):
    """Seconds per stage; ``with times("store"): ...`` adds the block's wall time to a stage."""

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(stage, time.perf_counter() - start)

    def add(self, stage: str, seconds: float) -> None:
        """Book ``seconds`` under ``stage``."""
        self[stage] = self.get(stage, 0.0) + seconds

    def merge(self, other: Mapping[str, float]) -> None:
        """Add another process's stage totals."""
        for stage, seconds in other.items():
            self.add(stage, seconds)

    def summary(self) -> dict[str, float]:
        """Totals with the ``language:*`` components folded into ``language``."""
        out: dict[str, float] = {}
        for stage, seconds in self.items():
            key = LANGUAGE if stage.startswith(LANGUAGE + ":") else stage
            out[key] = out.get(key, 0.0) + seconds
        return out
