"""Extraction: events and quotes from an analysed document (see :mod:`hending.extract.events`)."""

from hending.extract.events import extract_events

__all__ = ["extract_events"]
