"""Pipeline component: line breaks start sentences; a short line without final punctuation
(a headline) is one sentence. The parser keeps these preset boundaries."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_END = {".", "!", "?", ":", "»", '"', "”", "…", ")"}
MAX_HEADLINE_TOKENS = 20


def _lines(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of the lines of ``doc`` (line-break tokens excluded)."""
    lines, start = [], 0
    for token in doc:
        if "\n" in token.text:
            lines.append((start, token.i))
            start = token.i + 1
        elif "\n" in token.whitespace_:
            lines.append((start, token.i + 1))
            start = token.i + 1
    lines.append((start, len(doc)))
    return [(s, e) for s, e in lines if e > s]


@Language.component("hending_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at each line; keep a headline-like line together as one sentence."""
    for start, end in _lines(doc):
        doc[start].is_sent_start = True
        if end - start <= MAX_HEADLINE_TOKENS and doc[end - 1].text not in SENTENCE_END:
            for token in doc[start + 1:end]:
                token.is_sent_start = False
        if end < len(doc):
            doc[end].is_sent_start = True
    return doc
