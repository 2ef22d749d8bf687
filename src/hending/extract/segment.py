"""Sentences and paragraphs as the extractor sees them (a lone dash joins the next sentence)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

DASHES = ("–", "—", "-")
FINAL = (".", "!", "?", ":", "»", '"', "”", ")")


@dataclass
class Sentence:
    """A sentence span with its paragraph number and headline flag."""

    span: Span
    start: int  # characters, whitespace trimmed
    end: int
    paragraph: int
    headline: bool = False
    text: str = ""

    def as_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the non-empty lines of ``text`` (news paragraphs are lines)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentences(doc: Doc, text: str | None = None) -> list[Sentence]:
    """The document's sentences, trimmed, dash-only sentences merged with the next one."""
    text = doc.text if text is None else text
    paras = paragraphs(text)
    out: list[Sentence] = []
    pending: int | None = None
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        if len(toks) == 1 and toks[0].text in DASHES:
            pending = toks[0].i
            continue
        first = pending if pending is not None else toks[0].i
        pending = None
        span = doc[first : toks[-1].i + 1]
        out.append(
            Sentence(span, span.start_char, span.end_char, 0, text=text[span.start_char : span.end_char])
        )
    pi = 0
    for s in out:
        while pi < len(paras) - 1 and s.start >= paras[pi][1]:
            pi += 1
        s.paragraph = pi
    by_para: dict[int, list[Sentence]] = {}
    for s in out:
        by_para.setdefault(s.paragraph, []).append(s)
    for s in out:
        # "Tiltalt for voldtekt om bord i cruiseskip | Torsdag møter ...": a heading set off by a bar
        if s.text.endswith("|") and sum(1 for t in s.span if not t.is_punct) <= 12:
            s.headline = True
    for ss in by_para.values():
        if len(ss) == 1:
            s = ss[0]
            n = sum(1 for t in s.span if not t.is_punct)
            if not s.text.endswith(FINAL) and n <= 12 and not s.text.startswith(DASHES):
                s.headline = True
    return out
