"""Benchmark corpora for ``benchmarks/scale.py``: N real articles under distinct ids, optionally cut.

The source articles are read with Hending's own reader (JSON Lines, text files, directories), so
every input the ingest accepts can be used. Articles are repeated in order under distinct ids
(``<id>#<copy>``) until there are N of them; with ``cut_words`` every article longer than that is
cut at the paragraph or sentence boundary closest to ``cut_words`` words ("NTB length" ≈ 330
words), so the rate at that length is measured, not extrapolated.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from hending.read import SourceDocument, read_paths

NORSUMM = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "norsumm-dev.jsonl"
NTB_WORDS = 330
# A paragraph break (blank line, line break, NorSumm's " | " heading separator) or a sentence end
# (. ! ? … optionally followed by a closing quote) before whitespace and an upper-case/quote/dash start.
BOUNDARY = re.compile(r"(?P<para>\s*\n\s*|\s\|\s)|[.!?…][»”\"')]?(?=\s+[A-ZÆØÅÉ0-9«\"“–-])")


def cut_text(text: str, words: int) -> str:
    """``text`` cut at the paragraph/sentence boundary closest to ``words`` words (whole if shorter)."""
    if len(text.split()) <= words:
        return text
    best, best_gap = text, None
    for m in BOUNDARY.finditer(text):
        head = text[:m.start() if m.group("para") else m.end()].rstrip()
        gap = abs(len(head.split()) - words)
        if best_gap is None or gap < best_gap:
            best, best_gap = head, gap
        elif len(head.split()) > words:
            break  # boundaries only get further away from here on
    return best


def source_articles(paths: list[str]) -> list[SourceDocument]:
    """Readable documents in ``paths`` (read errors are left out)."""
    docs = [d for d in read_paths(paths) if isinstance(d, SourceDocument)]
    if not docs:
        raise SystemExit(f"no readable documents in {' '.join(paths)}")
    return docs


def write_corpus(dest: Path, paths: list[str], n: int, cut_words: int | None = None,
                 min_words: int = 0) -> dict:
    """Write N documents as JSON Lines into ``dest``; return their count, words and length stats."""
    sources = [d for d in source_articles(paths) if len(d.text.split()) >= min_words]
    if not sources:
        raise SystemExit(f"no article has at least {min_words} words")
    lengths = []
    with open(dest, "w", encoding="utf-8") as out:
        for i in range(n):
            doc = sources[i % len(sources)]
            text = cut_text(doc.text, cut_words) if cut_words else doc.text
            lengths.append(len(text.split()))
            rec = {"id": f"{doc.id}#{i // len(sources)}", "published": doc.published.value, "text": text}
            rec.update({k: getattr(doc, k) for k in ("url", "title", "outlet") if getattr(doc, k)})
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    lengths.sort()
    return {"documents": n, "words": sum(lengths), "distinct_articles": len(sources),
            "mean_words": round(sum(lengths) / n, 1), "median_words": lengths[n // 2],
            "min_words": lengths[0], "max_words": lengths[-1],
            "characters": dest.stat().st_size, "cut_words": cut_words, "sources": paths}
