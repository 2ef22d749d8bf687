"""Place mentions and their candidate readings: NER spans plus strong names the NER missed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hending.resolve.places.gazetteer import CITY_ALT, CITY_NAME, Candidate, Gazetteer, Place, normalise
from hending.resolve.places.qualifiers import split_direction_prefix

PLACE_LABELS = frozenset({"GPE_LOC", "GPE_ORG", "LOC", "GPE"})
# labels a place is sometimes mislabelled with; accepted only when the whole span is an exonym/country form
SOFT_LABELS = frozenset({"ORG", "MISC"})
_STRIP = " \t\n\r.,;:!?«»\"“”()[]{}–—-"
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = set(".!?:;–—-\"«»“”\n")


@dataclass
class Mention:
    """A place-name mention: exact span, entity label (None when found by the scanner), readings."""

    text: str
    start: int
    end: int
    label: str | None
    candidates: list[Candidate]
    inflected: frozenset[str] = frozenset()  # idents of candidates matched only after stripping -s
    prefix: tuple[str, str] | None = None  # (direction, "Nord-") from "Nord-Syria"
    feature: str | None = None  # override, e.g. "region" for "Idlib-provinsen"
    key: str = ""
    entity_start: int | None = None  # the NER span's own start (roles are keyed by it)


def _readings(surface: str, gaz: Gazetteer) -> tuple[list[Candidate], set[str]]:
    """Exact readings plus genitive-stripped ones ("Syrias" -> "Syria"; "Kirkenes'" -> "Kirkenes")."""
    exact = gaz.lookup(surface)
    inflected: set[str] = set()
    if exact and exact[0].source == "pinned":
        return exact, inflected
    genitive = len(surface) >= 4 and (surface[-1] in "'’" or (surface[-1] == "s" and surface[-2] != "s"))
    stem = surface[:-1] if genitive else None
    if stem and not gaz.is_not_place(stem):
        seen = {c.place.ident for c in exact}
        for cand in gaz.lookup(stem):
            if cand.place.ident not in seen:
                exact.append(cand)
                inflected.add(cand.place.ident)
    return exact, inflected


def build_mention(surface: str, start: int, label: str | None, gaz: Gazetteer) -> Mention | None:
    """Candidates for one surface string, trying direction prefixes and area suffixes as fall-backs."""
    if not surface or gaz.is_not_place(surface):
        return None
    if not surface[0].isupper() and not gaz.is_strong(surface):  # adjectives, anaphora; keeps "al-Bab"
        return None
    cands, inflected = _readings(surface, gaz)
    mention = Mention(surface, start, start + len(surface), label, cands, frozenset(inflected),
                      key=normalise(surface))
    if cands:
        return mention
    split = split_direction_prefix(surface)
    if split:
        direction, prefix_text, head = split
        cands, inflected = _readings(head, gaz)
        if cands:
            mention.candidates, mention.inflected = cands, frozenset(inflected)
            mention.prefix = (direction, prefix_text)
            mention.key = normalise(head)
            return mention
    if "-" in surface:
        head, _, suffix = surface.rpartition("-")
        if suffix.casefold() in gaz.area_suffixes and head:
            cands, inflected = _readings(head, gaz)
            if cands:
                mention.candidates, mention.inflected = cands, frozenset(inflected)
                mention.feature = "region"
                mention.key = normalise(head)
                return mention
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _locate(text: str, ent: dict[str, Any]) -> tuple[int, int] | None:
    """Entity offsets checked against the text (falls back to the nearest occurrence of its text)."""
    start, end, surface = int(ent.get("start", -1)), int(ent.get("end", -1)), ent.get("text", "")
    if 0 <= start < end <= len(text) and (not surface or text[start:end] == surface):
        return start, end
    if not surface:
        return None
    hits = [m.start() for m in re.finditer(re.escape(surface), text)]
    if not hits:
        return None
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(surface)


def entity_mentions(text: str, entities: list[dict[str, Any]], gaz: Gazetteer) -> list[Mention]:
    """Mentions from NER spans labelled as places (and exact exonym/country forms with soft labels)."""
    out: list[Mention] = []
    for ent in entities:
        label = ent.get("label", "")
        if label not in PLACE_LABELS and label not in SOFT_LABELS:
            continue
        loc = _locate(text, ent)
        if loc is None:
            continue
        start, end = _trim(text, *loc)
        start = _extend_article(text, start, end, gaz)
        surface = text[start:end]
        if label in SOFT_LABELS and not (gaz.is_strong(surface) and not gaz.is_not_place(surface)):
            continue
        mention = build_mention(surface, start, label, gaz)
        if mention is not None:
            mention.entity_start = int(ent.get("start", start))
            out.append(mention)
    return out


_ARTICLE = re.compile(r"(?<!\w)(?:Den|Det|De|Dei|den|det|de|dei)\s+$")


def _extend_article(text: str, start: int, end: int, gaz: Gazetteer) -> int:
    """Include a leading article the NER left out ("vestlige bredden" -> "Den vestlige bredden")."""
    m = _ARTICLE.search(text, max(0, start - 5), start)
    if m and gaz.is_strong(text[m.start():end]):
        return m.start()
    return start


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def scan_unlabelled(text: str, entities: list[dict[str, Any]], gaz: Gazetteer, settings: dict[str, Any],
                    found: list[Mention] | None = None) -> list[Mention]:
    """Capitalised names the NER missed: exonym/country/region forms anywhere (longest match first);
    a big city (population >= settings["min_city_population"]) only right after a locative preposition,
    not sentence-initially and not inside a longer capitalised name. Spans of non-place entities and of
    ``found`` mentions are skipped (place-labelled spans that did not resolve may be re-read)."""
    spans = [(m.start, m.end) for m in found or []]
    for ent in entities:
        if ent.get("label") in PLACE_LABELS:
            continue
        loc = _locate(text, ent)
        if loc:
            spans.append(loc)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    preps = {p.casefold() for p in settings.get("prepositions", [])}
    min_pop = int(settings.get("min_city_population", 100000))
    max_n = min(int(settings.get("max_tokens", 4)), gaz.max_form_tokens)
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        s0, e0 = tokens[i]
        if not text[s0].isupper() or _covered(spans, s0, e0):
            i += 1
            continue
        match = None
        for n in range(min(max_n, len(tokens) - i), 0, -1):
            s, e = s0, tokens[i + n - 1][1]
            gaps = [text[tokens[j][1]:tokens[j + 1][0]] for j in range(i, i + n - 1)]
            if any(not g.isspace() or "\n" in g for g in gaps) or _covered(spans, s, e):
                continue
            surface = text[s:e]
            stem = surface[:-1] if surface.endswith(("s", "'", "’")) else None
            if gaz.is_strong(surface) or (stem and gaz.is_strong(stem) and not gaz.is_not_place(stem)):
                match = (n, surface)
                break
        if match is None and _is_big_city_after_prep(text, tokens, i, gaz, preps, min_pop):
            match = (1, text[s0:e0])
        if match is not None:
            n, surface = match
            if not _inside_longer_name(text, tokens, i, n):
                mention = build_mention(surface, s0, None, gaz)
                if mention is not None:
                    out.append(mention)
                    i += n
                    continue
        i += 1
    return out


def _inside_longer_name(text: str, tokens: list[tuple[int, int]], i: int, n: int) -> bool:
    """True when the match is glued to other capitalised words ("Washington Post", "Radio Moskva")."""
    if i > 0 and text[tokens[i - 1][0]].isupper() and not _sentence_initial(text, tokens[i - 1][0]):
        gap = text[tokens[i - 1][1]:tokens[i][0]]
        if gap.isspace() and "\n" not in gap:
            return True
    j = i + n
    if j < len(tokens) and text[tokens[j][0]].isupper():
        gap = text[tokens[j - 1][1]:tokens[j][0]]
        if gap.isspace() and "\n" not in gap:
            return True
    return False


def _is_big_city_after_prep(text: str, tokens: list[tuple[int, int]], i: int, gaz: Gazetteer,
                            preps: set[str], min_pop: int) -> bool:
    s, e = tokens[i]
    if i == 0 or _sentence_initial(text, s):
        return False
    ps, pe = tokens[i - 1]
    if text[ps:pe].casefold() not in preps or not text[pe:s].isspace():
        return False
    cands = gaz.lookup(text[s:e])
    return any(c.source in (CITY_NAME, CITY_ALT) and c.place.population >= min_pop for c in cands)


def place_feature(mention: Mention, place: Place) -> str:
    """Feature reported for a resolved mention."""
    return mention.feature or place.feature
