"""Pipeline component: a line break starts a new sentence (headlines, dash-quote paragraphs)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("hending_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start; the parser keeps these."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc
