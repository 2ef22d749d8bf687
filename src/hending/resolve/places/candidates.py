"""Place mentions and their candidate readings: NER spans plus strong names the NER missed.

Which spans become mentions (settings in ``weights.yaml`` ``mentions``/``unlabelled``):

* place-labelled spans (GPE_LOC, GPE_ORG, LOC) that resolve in the gazetteer;
* spans with any other label (ORG, PER, MISC, ...; the NER often mislabels places) when the span, or its
  genitive stem, is a country/exonym/region form ("Chiles", "Brasil"), or when it resolves and stands in
  a *place slot*: after a locative preposition ("i Caen"), after a place noun ("hovudstaden Bamako") or
  coordinated with a place mention ("i Kabul, Faizabad, Kunduz");
* "X kommune"/"X fylke"/"X sentrum" (and "X søndag") spans are read as X; "X sjukehus"/"X rådhus"
  (facility nouns) keep their full text and take X's reading;
* place-labelled spans that do not resolve but stand in a place slot become *fallback* mentions
  (``Mention.fallback`` "gpe"/"loc"): a municipality or village missing from cities500, a square or a
  building; they are resolved from the document's focus (see ``__init__``);
* names the NER missed (``scan_unlabelled``): strong forms anywhere, datelines ("Dakar (NTB-DPA):"),
  "X kommune", home-country places and big cities in a place slot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from hending.resolve.places.gazetteer import (
    CITY_ALT,
    CITY_NAME,
    Candidate,
    Gazetteer,
    Place,
    genitive_stem,
    normalise,
)
from hending.resolve.places.qualifiers import split_direction_prefix

PLACE_LABELS = frozenset({"GPE_LOC", "GPE_ORG", "LOC", "GPE"})
GPE_LABELS = frozenset({"GPE_LOC", "GPE_ORG", "GPE"})
# labels never read as places, whatever the span (derived forms "Tokke-ordførar", events, dates)
NEVER_LABELS = frozenset({"DRV", "EVT", "DATE", "TIME"})
_STRIP = " \t\n\r.,;:!?«»\"“”()[]{}–—-"
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE_END = set(".!?:;–—-\"«»“”\n")
# "Dakar (NTB-DPA):", "Førde (firda.no):" at the start of a line: the place the story is filed from
_DATELINE = re.compile(r"(?m)^[ \t]*([^\W\d_][^\W\d_\- ]*(?:[ \-][^\W\d_]+){0,3})[ \t]*"
                       r"\((?=[^()\n]{1,60}\)[ \t]*:)")


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
    fallback: str | None = None  # "gpe"/"loc": no reading; resolved from the document's focus
    slot: bool = False  # stands in a place slot (preposition, place noun, coordination, dateline)
    weak: str | None = None  # "person"/"other": a city reading of a span labelled PER/ORG; needs support


def _readings(surface: str, gaz: Gazetteer) -> tuple[list[Candidate], set[str]]:
    """Exact readings plus genitive-stripped ones ("Syrias" -> "Syria"; "Kirkenes'" -> "Kirkenes")."""
    exact = gaz.lookup(surface)
    inflected: set[str] = set()
    if exact and exact[0].source == "pinned":
        return exact, inflected
    stem = genitive_stem(surface)
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
    if end - start > 3 and text[end - 1] in "'’" and text[end - 2] in "sxzSXZ":  # "Honduras'" -> "Honduras"
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


# ---------------------------------------------------------------- place slots
class Slots:
    """Is a span in a place slot? Word lists from ``weights.yaml`` ``mentions``."""

    def __init__(self, text: str, settings: dict[str, Any]) -> None:
        self.text = text
        self.preps = {w.casefold() for w in settings.get("slot_prepositions", [])}
        self.weak_preps = {w.casefold() for w in settings.get("weak_prepositions", [])}
        self.org_suffixes = tuple(w.casefold() for w in settings.get("organisation_suffixes", []))
        self.fillers = {w.casefold() for w in settings.get("slot_fillers", [])}
        self.cues = {w.casefold() for w in settings.get("place_nouns", [])}
        self.coordinators = {w.casefold() for w in settings.get("coordinators", [])}
        self.affiliation_nouns = {w.casefold() for w in settings.get("affiliation_nouns", [])}
        self.place_ends: list[int] = []  # ends of accepted mentions, for coordination
        self.person_ends: set[int] = set()  # ends of PER entities ("Kjell Roland i Norfund")
        self.place_keys: set[str] = set()  # surfaces the NER labels as places somewhere in the document
        self.person_words: set[str] = set()  # words of PER entities ("Borten" of "Per Borten")
        self.strong: Any = None  # callable: is this word a country/exonym form? (set by the caller)

    def unknown_place(self, start: int, end: int) -> bool:
        """May a place-labelled span the gazetteer does not know be a place? Not when it names a person
        elsewhere ("Borten"), an organisation by its ending ("Arbeidsdepartementet", "Sunnmøre tingrett")
        or follows "<person>/<role> i" ("direktør Kjell Roland i Norfund")."""
        words = [w.casefold() for w in _TOKEN.findall(self.text[start:end])]
        if not words or any(w in self.person_words for w in words):
            return False
        if words[-1].endswith(self.org_suffixes):
            return False
        return not self.affiliation(start)

    def affiliation(self, start: int) -> bool:
        """True for "<person> i X" and "leder i X": X is then most likely an organisation."""
        prev = self._previous_word(start)
        if prev is None or prev[0].casefold() not in ("i", "fra", "frå", "ved"):
            return False
        before = self._previous_word(prev[1])
        if before is None:
            return False
        word, pos = before
        if word.casefold().endswith(tuple(self.affiliation_nouns)):
            return True
        return (pos + len(word)) in self.person_ends

    def _previous_word(self, pos: int) -> tuple[str, int] | None:
        """The word before ``pos`` within the same sentence (None across a sentence end)."""
        i = pos - 1
        while i >= 0 and self.text[i] in " \t\u00a0":
            i -= 1
        if i < 0 or self.text[i] in _SENTENCE_END:
            return None
        j = i
        while j >= 0 and not self.text[j].isspace():
            j -= 1
        return self.text[j + 1:i + 1], j + 1

    def why(self, start: int) -> str | None:
        """"prep", "cue" or "coord" when the span starting at ``start`` is in a place slot, else None."""
        prev = self._previous_word(start)
        if prev is None:
            return None
        word, pos = prev
        if word.casefold() in self.fillers:  # "i både Tokke og Vinje"
            prev2 = self._previous_word(pos)
            if prev2 is not None:
                word, pos = prev2
        if word.casefold() in self.preps:
            return "prep"
        if word.casefold() in self.weak_preps:
            return "weak"
        if word.casefold() in self.cues or word.rstrip(",").casefold() in self.cues:
            return "cue"
        bare = word.rstrip(",/")
        if word.casefold() in self.coordinators or word in (",", "/") or (bare != word and bare):
            end = pos + len(bare) if bare != word and bare else pos
            k = end
            while k > 0 and self.text[k - 1] in " \t,/":
                k -= 1
            if any(e == k for e in self.place_ends):
                return "coord"
        return None

    def why_after(self, end: int) -> str | None:
        """"coord" when a country/exonym form follows the span after "og"/","/"/" ("Brasil og Sør-Afrika")."""
        m = re.match(r"\s*(?:,|/|og|eller)\s+([^\W\d_]+(?:-[^\W\d_]+)*)", self.text[end:end + 60])
        if m and self.strong is not None and self.strong(m.group(1)):
            return "coord"
        return None


# ---------------------------------------------------------------- NER spans
def _split_trailing(surface: str, settings: dict[str, Any]) -> tuple[str, str | None]:
    """("Bodø kommune" -> "Bodø", "admin"), ("Tegucigalpa søndag" -> "Tegucigalpa", "time"),
    ("Rjukan sjukehus" -> "Rjukan", "facility"), else (surface, None)."""
    words = surface.split()
    if len(words) < 2:
        return surface, None
    admin = {w.casefold() for w in settings.get("admin_nouns", [])}
    times = {w.casefold() for w in settings.get("time_words", [])}
    facility = tuple(w.casefold() for w in settings.get("facility_words", []))
    last = words[-1].casefold()
    head_n = len(words)
    while head_n > 1 and words[head_n - 1].casefold() in times:
        head_n -= 1
    if head_n < len(words):
        return " ".join(words[:head_n]), "time"
    while head_n > 1 and words[head_n - 1].casefold() in admin:
        head_n -= 1
    if head_n < len(words):
        return " ".join(words[:head_n]), "admin"
    if facility and last.endswith(facility):
        # "Oslo rådhus", "Rjukan sjukehus", "Bodø Hovudflystasjon": the head is the capitalised words
        # before the first lowercase word (or all but the last)
        head = []
        for w in words[:-1]:
            if not w[0].isupper():
                break
            head.append(w)
        if head:
            return " ".join(head), "facility"
    return surface, None


def _facility_mention(surface: str, head: str, start: int, label: str | None,
                      gaz: Gazetteer) -> Mention | None:
    inner = build_mention(head, start, label, gaz)
    if inner is None:
        return None
    inner.text, inner.end = surface, start + len(surface)
    return inner


def _fallback_ok(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """A span that may stand for an unknown place: capitalised, no digits, not an acronym or a
    genitive followed by its possessum ("i Diarras hjem"), at most four words."""
    surface = text[start:end]
    if not surface[:1].isupper() or any(ch.isdigit() for ch in surface) or gaz.is_not_place(surface):
        return False
    if len([ch for ch in surface if ch.isalpha()]) < 3 or _acronym(surface):
        return False
    if len(surface.split()) > 4:
        return False
    if surface[-1] in "s'’":
        after = text[end:end + 30].lstrip(" ")
        if after[:1].islower():
            return False
    return True


def entity_mentions(text: str, entities: list[dict[str, Any]], gaz: Gazetteer,
                    settings: dict[str, Any] | None = None, slots: Slots | None = None) -> list[Mention]:
    """Mentions from NER spans (see the module docstring)."""
    settings = settings or {}
    slots = slots or Slots(text, settings)
    out: list[Mention] = []
    ents = []
    for ent in entities:
        loc = _locate(text, ent)
        if loc is not None:
            ents.append((loc, ent))
    ents.sort(key=lambda x: x[0][0])
    for (s0, e0), ent in ents:
        start, end = _trim(text, s0, e0)
        if ent.get("label") in PLACE_LABELS:
            slots.place_keys.add(normalise(text[start:end]))
        elif ent.get("label") == "PER":
            slots.person_ends.add(end)
            slots.person_words.update(w.casefold() for w in _TOKEN.findall(text[start:end]))
    for (s0, e0), ent in ents:
        label = ent.get("label", "") or ""
        if label in NEVER_LABELS:
            continue
        start, end = _trim(text, s0, e0)
        if start >= end:
            continue
        start = _extend_article(text, start, end, gaz)
        for mention in _span_mentions(text, start, end, label, gaz, settings, slots):
            mention.entity_start = int(ent.get("start", start))
            out.append(mention)
            slots.place_ends.append(mention.end)
    return out


def _span_mentions(text: str, start: int, end: int, label: str, gaz: Gazetteer, settings: dict[str, Any],
                   slots: Slots) -> list[Mention]:
    surface = text[start:end]
    is_place_label = label in PLACE_LABELS
    whole = build_mention(surface, start, label, gaz)
    # "Sogn til Ørskog": two places in one span
    if whole is None and is_place_label:
        parts = re.split(r"\s+(?:til|og|eller)\s+", surface)
        if len(parts) == 2 and all(p[:1].isupper() for p in parts):
            second = start + surface.rindex(parts[1])
            out = []
            for p_start, part in ((start, parts[0]), (second, parts[1])):
                out += _span_mentions(text, p_start, p_start + len(part), label, gaz, settings, slots)
                if out:
                    slots.place_ends.append(out[-1].end)
            return out
    head, kind = _split_trailing(surface, settings)
    if kind == "time":  # "Tegucigalpa søndag": read the head under the same label
        return _span_mentions(text, start, start + len(head), label, gaz, settings, slots)
    if kind == "admin":  # "Bodø kommune" -> "Bodø": the admin noun makes it a place whatever the label
        m = build_mention(head, start, label if is_place_label else "GPE_LOC", gaz)
        if m is None and _fallback_ok(text, start, start + len(head), gaz):
            m = Mention(head, start, start + len(head), label, [], key=normalise(head), fallback="gpe")
        if m is not None:
            m.slot = True
        return [m] if m is not None else []
    if kind == "facility" and whole is None and (is_place_label or label == "ORG"):
        m = _facility_mention(surface, head, start, label, gaz)
        if m is not None:
            return [m]
    slot = slots.why(start) or slots.why_after(end)
    if slot == "weak" and not is_place_label:  # "for", "mot", "over": too weak for a mislabelled span
        slot = None
    if is_place_label:
        if whole is not None:
            whole.slot = slot is not None
            return [whole]
        if slot in ("prep", "cue", "coord") and _fallback_ok(text, start, end, gaz) \
                and slots.unknown_place(start, end):
            kind_fb = "gpe" if label in GPE_LABELS else "loc"
            return [Mention(surface, start, end, label, [], key=normalise(surface), fallback=kind_fb,
                            slot=True)]
        return []
    # other labels (the NER mislabels places): country/exonym/region forms, other readings in a place slot
    if whole is None or gaz.is_not_place(surface):
        return []
    strong = gaz.is_strong_or_genitive(surface)
    labelled_elsewhere = whole.key in slots.place_keys
    whole.slot = slot is not None
    if strong and (label != "PER" or slot is not None or labelled_elsewhere
                   or (genitive_stem(surface) and not gaz.is_strong(surface))):
        return [whole]
    if strong or _acronym(surface) or _sentence_initial(text, start) or slots.affiliation(start):
        return []
    # a city/region reading: in a place slot (persons only coordinated with a place or after a place noun:
    # "til Stoltenberg" is a person), or labelled as a place elsewhere; it must then be supported (__init__)
    if label == "PER" and slot not in ("coord", "cue") and not labelled_elsewhere:
        return []
    if slot is not None or labelled_elsewhere:
        whole.weak = "person" if label == "PER" else "other"
        return [whole]
    return []


def _acronym(surface: str) -> bool:
    """"UD", "OL", "NTB": all capitals, up to five letters."""
    letters = [ch for ch in surface if ch.isalpha()]
    return surface.isupper() and len(letters) <= 5


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


# ---------------------------------------------------------------- names the NER missed
def scan_unlabelled(text: str, entities: list[dict[str, Any]], gaz: Gazetteer, settings: dict[str, Any],
                    found: list[Mention] | None = None, mention_settings: dict[str, Any] | None = None,
                    slots: Slots | None = None) -> list[Mention]:
    """Capitalised names the NER missed: exonym/country/region forms (and their genitives) anywhere
    (longest match first); a dateline place ("Dakar (NTB-DPA):"); "X kommune"; a populated place of the
    home country (any size) or a big city (population >= settings["min_city_population"]) in a place slot,
    not sentence-initially and not inside a longer capitalised name. Spans of non-place entities and of
    ``found`` mentions are skipped (place-labelled spans that did not resolve may be re-read)."""
    mention_settings = mention_settings or {}
    slots = slots or Slots(text, mention_settings)
    spans = [(m.start, m.end) for m in found or []]
    for ent in entities:
        if ent.get("label") in PLACE_LABELS:
            continue
        loc = _locate(text, ent)
        if loc:
            spans.append(loc)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    min_pop = int(settings.get("min_city_population", 100000))
    home = str(settings.get("home_country") or "")
    max_n = min(int(settings.get("max_tokens", 4)), gaz.max_form_tokens)
    trim = {w.casefold() for w in mention_settings.get("admin_nouns", [])}
    out: list[Mention] = []
    datelines = {m.start(1): m.end(1) for m in _DATELINE.finditer(text)}
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
            if gaz.is_strong_or_genitive(surface):
                match = (n, surface, False)
                break
        if match is None and s0 in datelines:
            d_end = datelines[s0]
            n = sum(1 for s, _ in tokens[i:] if s < d_end)
            if gaz.lookup(text[s0:d_end]):
                match = (n, text[s0:d_end], True)
        next_word = text[tokens[i + 1][0]:tokens[i + 1][1]].casefold() if i + 1 < len(tokens) else ""
        if match is None and next_word in trim and text[e0:tokens[i + 1][0]] == " " \
                and not _sentence_initial(text, s0):
            surface = text[s0:e0]  # "Tokke kommune" -> "Tokke"
            mention = build_mention(surface, s0, "GPE_LOC", gaz)
            if mention is None and _fallback_ok(text, s0, e0, gaz):
                mention = Mention(surface, s0, e0, None, [], key=normalise(surface), fallback="gpe")
            if mention is not None:
                mention.slot = True
                out.append(mention)
                slots.place_ends.append(e0)
                i += 1
                continue
        if match is None and _is_city_in_slot(text, tokens, i, gaz, slots, min_pop, home):
            match = (1, text[s0:e0], True)
        if match is not None:
            n, surface, in_slot = match
            if not _inside_longer_name(text, tokens, i, n) or (in_slot and s0 in datelines):
                mention = build_mention(surface, s0, None, gaz)
                if mention is not None:
                    mention.slot = in_slot
                    out.append(mention)
                    slots.place_ends.append(mention.end)
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


def _is_city_in_slot(text: str, tokens: list[tuple[int, int]], i: int, gaz: Gazetteer, slots: Slots,
                     min_pop: int, home: str) -> bool:
    """A populated place right after a locative preposition or coordinated with a place: any size in the
    home country ("i Bodø"), at least ``min_pop`` elsewhere ("til Lagos")."""
    s, e = tokens[i]
    if i == 0 or _sentence_initial(text, s) or _acronym(text[s:e]):
        return False
    why = slots.why(s)
    if why is None:
        return False
    cands = gaz.lookup(text[s:e])
    return any(c.source in (CITY_NAME, CITY_ALT)
               and (c.place.population >= min_pop
                    or (home and c.place.country == home and why in ("prep", "cue")))
               for c in cands)


def place_feature(mention: Mention, place: Place) -> str:
    """Feature reported for a resolved mention."""
    return mention.feature or place.feature
