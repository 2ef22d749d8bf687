"""Pipeline component ``hending_times``: fill ``doc._.times`` from the publication date anchor."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import hending.analyse.extensions  # noqa: F401
from hending.resolve.tense import parse_tense_hints
from hending.resolve.times import Anchor, find_times


class TimeResolver:
    """Find and normalise time expressions; relative ones resolve against ``doc._.published``."""

    def __init__(self, lang: str, use_parse: bool) -> None:
        self.lang, self.use_parse = lang, use_parse

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published is None:
            doc._.times = []
            return doc
        anchor = Anchor.parse(published.value)
        hints = parse_tense_hints(doc) if self.use_parse and doc.has_annotation("DEP") else None
        doc._.times = find_times(doc.text, anchor, self.lang, tense_hints=hints)
        return doc


@Language.factory("hending_times", default_config={"use_parse": True})
def make_time_resolver(nlp: Language, name: str, use_parse: bool) -> TimeResolver:
    """Factory (config: ``use_parse`` — take past/future from the dependency parse)."""
    return TimeResolver(nlp.meta.get("hending_lang", "nb"), use_parse)
