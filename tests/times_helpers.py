"""Shared anchors and helpers for the temporal-normaliser tests.

PUB = published Thursday 2017-03-02; WED = published Wednesday 2017-03-01;
HDR = only the header month 2017-03 is known.
"""

from __future__ import annotations

from hending.resolve.times import Anchor, find_times

PUB = Anchor.parse("2017-03-02")
WED = Anchor.parse("2017-03-01")
HDR = Anchor.parse("2017-03")


def vals(text: str, anchor: Anchor, **kw) -> list[tuple[str, str]]:
    """(text, value) of every expression found."""
    return [(t["text"], t["value"]) for t in find_times(text, anchor, **kw)]


def one(text: str, anchor: Anchor, **kw) -> dict:
    """The single expression in ``text`` (fails if there is not exactly one)."""
    found = find_times(text, anchor, **kw)
    assert len(found) == 1, found
    return found[0]


def rng(entry: dict) -> tuple[str, str]:
    """An entry's range as (start, end)."""
    return entry["range"]["start"], entry["range"]["end"]


def full(text: str, anchor: Anchor, **kw) -> list[tuple[str, str, str, str]]:
    """(text, value, range start, range end) of every expression found."""
    return [(t["text"], t["value"], t["range"]["start"], t["range"]["end"])
            for t in find_times(text, anchor, **kw)]
