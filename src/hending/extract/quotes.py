"""Direct quotes: dash-quote paragraphs ("– ...") and «...», with their speakers.

A dash paragraph without its own "sier X" takes the speaker of the previous quote paragraph (or,
if it opens a run of quotes, of the next one), as Norwegian news convention has it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from hending.extract.attribution import Source
from hending.extract.segment import Sentence, paragraphs

DASH = re.compile(r"^[–—-]\s*")
GUILLEMETS = re.compile(r"«([^«»]+)»")


def _speaker(src: Source | None) -> dict | None:
    return src.as_dict() if src else None


def find_quotes(
    doc: Doc, sents: list[Sentence], sources: dict[int, Source], text: str | None = None
) -> list[dict]:
    """Quotes in text order: text, offsets and speaker (or None when nobody can be found)."""
    text = doc.text if text is None else text
    paras = paragraphs(text)
    quotes: list[dict] = []
    dash_runs: list[tuple[int, dict, Source | None]] = []  # (paragraph, quote, own source)
    for pi, (ps, pe) in enumerate(paras):
        m = DASH.match(text[ps:pe])
        if not m or pe - ps < 4:
            continue
        qs = ps + m.end()
        para_sents = [i for i, s in enumerate(sents) if s.paragraph == pi]
        src = None
        qe = pe
        for si in reversed(para_sents):
            cand = sources.get(si)
            if cand and cand.inverted and ps <= doc[cand.cue].idx < pe:
                src = cand
                k = doc[cand.cue].idx
                while k > qs and text[k - 1] in " ,\t":
                    k -= 1
                qe = k
                break
        q = {"text": text[qs:qe], "start": qs, "end": qe, "speaker": _speaker(src), "paragraph": pi}
        dash_runs.append((pi, q, src))
    # carry speakers across consecutive quote paragraphs: previous first, then next
    for k, (pi, q, src) in enumerate(dash_runs):
        if src is not None:
            continue
        if k > 0 and dash_runs[k - 1][0] == pi - 1 and dash_runs[k - 1][1]["speaker"]:
            q["speaker"] = dash_runs[k - 1][1]["speaker"]
            continue
        j = k + 1
        while j < len(dash_runs) and dash_runs[j][0] == dash_runs[j - 1][0] + 1:
            if dash_runs[j][2] is not None:
                q["speaker"] = dash_runs[j][1]["speaker"]
                break
            j += 1
    quotes.extend(q for _, q, _ in dash_runs)
    for m in GUILLEMETS.finditer(text):
        inner = m.group(1)
        if len(inner.split()) < 4 or not any(w.islower() for w in inner.split()):
            continue  # titles and scare quotes
        qs, qe = m.start(1), m.end(1)
        if any(q["start"] <= qs < q["end"] for q in quotes):
            continue
        speaker = None
        for si, s in enumerate(sents):
            if s.start <= m.start() < s.end or s.start < m.end() <= s.end:
                src = sources.get(si)
                if src:
                    speaker = src.as_dict()
                    break
        quotes.append({"text": inner, "start": qs, "end": qe, "speaker": speaker, "paragraph": None})
    quotes.sort(key=lambda q: q["start"])
    return quotes
