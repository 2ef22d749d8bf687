"""Pipeline component ``hending_events``: fill ``doc._.events`` and ``doc._.quotes``.

Runs after ``hending_times`` and ``hending_places`` (it reads ``doc._.times``/``doc._.places``, empty
lists when those components are absent) and needs ``doc._.published``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import hending.analyse.extensions  # noqa: F401
from hending.extract.events import extract_events
from hending.extract.lexicon import load


class EventExtractor:
    """Extract events and quotes from an analysed document."""

    def __init__(self) -> None:
        load()  # read the lexicons once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published is None:
            doc._.events, doc._.quotes = [], []
            return doc
        pub = published.as_dict() if hasattr(published, "as_dict") else dict(published)
        doc._.events, doc._.quotes = extract_events(doc, doc._.times or [], doc._.places or [], pub)
        return doc


@Language.factory("hending_events", default_config={})
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    """Factory."""
    return EventExtractor()
