"""Where an event happened.

The places of an event's sentence that are not its parties, owners ("Malis statsminister"),
origins ("X fra Øst-Timor"), what is said, where those who meet come from or another item of a
list of event nouns, a town rather than the region around it ("Hebron på Vestbreidden"), the place
before a sentence-opening "Der"; else the last place earlier in its
paragraph that sets a scene (not the paper's own country, not a partner or a comparison, "med
Vietnam"), else the story's main place (not a dateline, not the paper's own country, not for a
statement by an outside party, not for an actor of another country). Court events, and sentences
that refer to "retten", are placed where the story's court sits.

:class:`PlacesMixin` is part of :class:`hending.extract.events.Extractor` and reads its ``doc``,
``text``, ``lex``, ``finder``, ``places`` and ``sents``.
"""

from __future__ import annotations

import re

from hending.extract.actors import Mention
from hending.extract.event_words import COURT_TYPES, SPEECH_TYPES, TOPIC_PREPS, TOPIC_TYPES
from hending.extract.location import NOT_TOWNS, _as_location, locate
from hending.extract.segment import Sentence
from hending.extract.triggers import Candidate
from hending.resolve.places.landmarks import compound_places, find_landmarks

# words between a town and the region or country around it: "Kandahar, sør i Afghanistan",
# "Hebron på Vestbreidden", "Tegucigalpa i Honduras"
CONTAINER_GAP = frozenset(
    [",", "i", "på", "nord", "sør", "øst", "aust", "vest", "nordøst", "nordaust", "nordvest", "sørøst"]
    + ["søraust", "sørvest", "midt", "sentralt", "nordlege", "sørlege", "nordlige", "sørlige", "delen", "av"]
)
# the court a sentence refers to without naming it ("Forsvareren ba retten om ...")
COURT_WORDS = frozenset(
    ["retten", "retta", "rettssalen", "tingretten", "tingretta", "lagmannsretten", "lagmannsretta"]
)
# a place after these words in an earlier sentence is a party or a comparison, not the story's
# setting: "forhandlinger med Iran", "sammenligne med Vietnam"
NOT_SETTING_BEFORE = frozenset(["med", "sammenlignet", "samanlikna"])
# a sentence opening with "Der" + verb is set at the place told just before ("Der møtte de ...")
THERE = frozenset(["der", "dit"])


class PlacesMixin:
    """Event places of :class:`~hending.extract.events.Extractor`."""

    def _modifier_place(self, p: dict, k: int) -> bool:
        """A country in the genitive before a noun names an owner ("Malis statsminister", "USAs
        historie"), not a place where something happens."""
        text = str(p.get("text") or "")
        if not (text.endswith("s") or text.endswith("'")) or str(p.get("feature")) != "country":
            return False
        end = self._token_at(p["end"] - 1)
        nxt = self.doc[end + 1] if end is not None and end + 1 < len(self.doc) else None
        return nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN")

    def _dateline(self, p: dict) -> bool:
        """A place opening a paragraph before the agency mark, "Washington (NTB-AFP):", is where
        the story was filed, not where its events happen."""
        line_start = self.text.rfind("\n", 0, p["start"]) + 1
        head = self.text[line_start : p["start"]].strip(" /")
        rest = self.text[p["end"] : p["end"] + 40]
        return (not head or all(w[:1].isupper() for w in head.replace("/", " ").split())) and bool(
            re.match(r"\s*(/\s*\w+\s*)?\(", rest)
        )

    def _coordinated(self, m: Mention, k: int) -> bool:
        """Token ``k`` is a conjunct of mention ``m`` ("Tyskland og USA", "Brasil og Sør-Afrika")."""
        if m.start < 0:
            return False
        doc = self.doc
        if k >= m.end:
            gap = [doc[j].text.lower() for j in range(m.end, k)]
        elif k < m.start:
            end = k
            while end + 1 < m.start and doc[end + 1].pos_ == "PROPN":
                end += 1
            gap = [doc[j].text.lower() for j in range(end + 1, m.start)]
        else:
            return False
        return bool(gap) and all(w in ("og", ",", "eller") for w in gap)

    def _specific(self, p: dict) -> dict:
        """The town a region or country is told around, else the place itself: "Kandahar, sør i
        Afghanistan" and "Hebron på Vestbreidden" place an event in the town, not the country."""
        if str(p.get("feature") or "").lower() not in NOT_TOWNS:
            return p
        before = [q for q in self.places if q["end"] <= p["start"] and p["start"] - q["end"] <= 16]
        if not before:
            return p
        q = max(before, key=lambda x: x["end"])
        gap = self.text[q["end"] : p["start"]].replace(",", " , ").lower().split()
        if (
            q.get("geonameid") is not None
            and str(q.get("feature") or "city").lower() not in NOT_TOWNS
            and str(q.get("country") or "").upper() == str(p.get("country") or "").upper()
            and 0 < len(gap) <= 3
            and all(w in CONTAINER_GAP for w in gap)
            and q.get("role") != "actor"
        ):
            return q
        return p

    def _main_place(self) -> dict | None:
        """The story's place: the most mentioned resolved place (the first on a tie)."""
        if not hasattr(self, "_main"):
            counts: dict[int, int] = {}
            first: dict[int, dict] = {}
            lines = [p for p in self.places if not self._dateline(p)] or self.places
            for p in lines:
                gid = p.get("geonameid")
                if gid is None:
                    continue
                counts[gid] = counts.get(gid, 0) + 1
                first.setdefault(gid, p)
            self._main = first[max(counts, key=lambda g: (counts[g], -first[g]["start"]))] if counts else None
        return self._main

    def _fallback_place(
        self, si: int, typ: str, actor: Mention | None, excluded: list[tuple[int, int]] | None = None
    ) -> dict | None:
        """No place in the event's sentence: the last place told earlier in its paragraph, else
        the story's place; a statement by an outside party (another country, an international
        body) is not located by the story's place."""
        para = self.sents[si].paragraph
        cand = None
        for sj in range(si - 1, -1, -1):
            if self.sents[sj].paragraph != para:
                break
            ps = [
                p
                for p in self.places
                if self.sents[sj].start <= p["start"] < self.sents[sj].end
                and p.get("role") != "actor"
                and not self._modifier_place(p, self._token_at(p["start"]) or 0)
                and not self._dateline(p)
                and not self._no_setting(p)
            ]
            if ps:
                cand = self._specific(ps[-1])
                break
        from_story = cand is None
        if cand is None:
            cand = self._main_place()
            if cand is not None and str(cand.get("feature")) == "country" and self.finder.home(cand):
                return None  # the paper's own country is no place of the story
            if cand is not None and all(
                any(p["start"] < e and b < p["end"] for b, e in excluded or [])
                for p in self.places
                if p.get("geonameid") == cand.get("geonameid")
            ):
                return (
                    None  # the "story's place" is only ever this event's party ("Tyskland og USA har lovet")
                )
        if cand is None:
            return None
        c = self.lex.by_code2.get(str(cand.get("country") or "").upper())
        if typ in SPEECH_TYPES:
            # a statement is located by the story's place only when a party of that foreign
            # country makes it there ("Hamas-TV oppfordrer ...", a story set in Palestine)
            if actor is None or c is None or self.finder.home(cand) or actor.country != c.code3:
                return None
        elif (
            (typ == "PROTEST" or from_story)
            and actor is not None
            and actor.country
            and (c is None or actor.country != c.code3)
        ):
            # Pakistani activists do not protest in the Norway of the sentence before; a Norwegian
            # killer in a story set in Hebron did not kill there
            return None
        return _as_location(cand)

    def _no_setting(self, p: dict) -> bool:
        """A place of an earlier sentence that does not set the scene for the next: the paper's
        own country ("som vi i Noreg trur"), a partner or a comparison ("sammenligne med
        Vietnam")."""
        if str(p.get("feature")) == "country" and self.finder.home(p):
            return True
        k = self._token_at(p["start"])
        return k is not None and k > 0 and self.doc[k - 1].text.lower() in NOT_SETTING_BEFORE

    def _not_where(self, cand: Candidate, typ: str, k: int, start: int, te: int) -> bool:
        """A place (or place word) at token ``k`` that tells where someone is from or what is
        said or protested, not where the event happens."""
        doc = self.doc
        prev = doc[k - 1].text.lower() if k > 0 else ""
        owner = self._mention(k - 2) if k >= 2 and prev in ("fra", "frå") else None
        if owner is not None and owner.person:
            return True  # "José Ramos-Horta fra Øst-Timor": where he is from
        if typ in TOPIC_TYPES and self._in_topic(k, cand.head):
            return True  # "tar avstand fra maktovertakelsen i Honduras"
        return self._said(cand, typ, k, start, te)

    def _other_item(self, cand: Candidate, k: int) -> bool:
        """Token ``k`` lies in another item of a list of event nouns ("Stengning av Guantánamo,
        dialog med Iran, uttrekning av Irak-styrkene"): a comma, then a new noun phrase, between
        the event noun and the place."""
        doc = self.doc
        lo, hi = (k, min(cand.tokens)) if k < min(cand.tokens) else (max(cand.tokens), k)
        return any(
            doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "ADJ")
            for j in range(lo + 1, hi)
        )

    def _attribute_of(self, k: int, m: Mention, cand: Candidate) -> bool:
        """Token ``k`` lies in a phrase on the actor's noun ("ordførarane i Vest-Telemark"): where
        they come from, not where they meet or visit (demonstrators "i Kairo" who demand are there)."""
        if m.start < 0 or m.start <= k < m.end:
            return False
        tok = self.doc[k]
        while tok.head.i != tok.i and tok.i != cand.head:
            if tok.head.i == m.head:
                return True
            tok = tok.head
        return False

    def _said(self, cand: Candidate, typ: str, k: int, start: int, te: int) -> bool:
        """Token ``k`` is inside what a statement says: "avviser at ... i Kurdistan", "krev at
        ... regionen"."""
        doc = self.doc
        return (
            typ in SPEECH_TYPES
            and start >= te
            and any(doc[j].text.lower() in ("at", "om", "å") for j in range(cand.head + 1, k))
        )

    def _narrowed(self, location: dict | None, excluded: list[tuple[int, int]]) -> dict | None:
        """A location told as a region or country around a town ("i byen Hebron på Vestbreidden")
        narrowed to the town, unless the town is a party."""
        if location is None:
            return None
        told = next((p for p in self.places if p["start"] == location["start"]), None)
        if told is None or location["text"] != told.get("text"):
            return location
        town = self._specific(told)
        if town is told or any(town["start"] < e and b < town["end"] for b, e in excluded):
            return location
        return _as_location(town)

    def _there(self, i: int, s: Sentence) -> bool:
        """Token ``i`` is a sentence-opening "Der" before its verb: "Der møtte de
        generaldirektøren" happens at the place told before."""
        doc = self.doc
        return (
            i == s.span.start
            and doc[i].text.lower() in THERE
            and i + 1 < s.span.end
            and doc[i + 1].pos_ in ("VERB", "AUX")
        )

    def _in_topic(self, k: int, head: int) -> bool:
        """Token ``k`` lies inside what a statement or protest is about: its object or a "mot/fra/
        over/av/om" phrase, below a noun of that phrase ("protesterer mot Natos militæraksjon i
        Libya")."""
        tok, nouns = self.doc[k], 0
        while tok.head.i != tok.i:
            parent = tok.head
            if parent.i == head:
                return nouns > 0 and (
                    tok.dep_ == "DOBJ" or (tok.pos_ == "ADP" and tok.text.lower() in TOPIC_PREPS)
                )
            if parent.pos_ in ("NOUN", "PROPN") and parent.i != k:
                nouns += 1
            tok = parent
        return False

    def _court_place(self, cand: Candidate, s: Sentence, typ: str) -> dict | None:
        """A court's doing, or a party's in court, happens where the court sits: the court named
        in the sentence ("møte i Sogn tingrett - tiltalt for ..."), else, for a sentence passed by
        an unnamed court ("vart dømd") or one that refers to the court ("bad retten om å
        frifinne"), the last court the story named before."""
        if typ not in COURT_TYPES:
            return None
        found = None
        refers = cand.entry.implied == "court" or any(t.text.lower() in COURT_WORDS for t in s.span)
        for start, end, seat in self._court_mentions():
            if end > s.end or (found is not None and start <= found[0]):
                continue
            if start >= s.start or refers:
                found = (start, end, seat)  # the last one up to the sentence's end wins
        if found is None:
            return None
        start, end, seat = found
        return _as_location(seat, self.text[start:end], start, end)

    def _court_mentions(self) -> list[tuple[int, int, dict]]:
        """Every court named in the story, in text order (found once per document)."""
        if not hasattr(self, "_courts"):
            found = [
                (m.start(), m.end(), seat)
                for pattern, seat in self.lex.courts
                for m in pattern.finditer(self.text)
            ]
            self._courts = sorted(found, key=lambda x: x[0])
        return self._courts

    def _event_places(self) -> list[dict]:
        """The story's places plus those that only place events: institutions named after their
        building ("enige på Stortinget", "i Kreml"), sites told in lower case ("bomben i
        regjeringskvartalet") and "<place>-<event noun>" compounds ("Irak-invasjonen"), which
        place only the event they name."""
        if not hasattr(self, "_with_seats"):
            told = [(p["start"], p["end"]) for p in self.places]
            compounds = [dict(p, compound=True) for p in compound_places(self.text)]
            extra = [
                p
                for p in find_landmarks(self.text) + compounds
                if not any(p["start"] < e and b < p["end"] for b, e in told)
            ]
            self._with_seats = sorted(self.places + extra, key=lambda p: p["start"])
        return self._with_seats

    def _token_at(self, char: int) -> int | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None and len(span) else None

    def _place_country(self, s: Sentence) -> str | None:
        """The country of the first resolved place in a sentence."""
        for p in self.places:
            if s.start <= p["start"] < s.end:
                c = self.lex.by_code2.get(str(p.get("country") or "").upper())
                if c:
                    return c.code3
        return None

    def _event_location(
        self,
        cand: Candidate,
        s: Sentence,
        si: int,
        typ: str,
        actor: Mention | None,
        recipient: Mention | None,
        seg: tuple[int, int],
        trigger: tuple[int, int],
        historical: bool,
    ) -> dict | None:
        """Where an event happened: a place of its sentence (:func:`hending.extract.location.locate`)
        that is not a party, an owner, an origin or what is said, else :meth:`_fallback_place`
        (not for a historical event)."""
        te = trigger[1]
        src = self.sources.get(si)
        excluded = [
            (m.start_char, m.end_char)
            for m in (actor, recipient)
            if m is not None and m.start_char is not None
        ]
        if src:
            excluded.append((src.mention.start_char, src.mention.end_char))
        places = self._event_places()
        for p in places:
            if not (s.start <= p["start"] < s.end):
                continue
            if p.get("compound") and not (p["start"] < te and trigger[0] < p["end"]):
                excluded.append((p["start"], p["end"]))  # "merksemd om Palestina-konflikten": a topic
                continue
            if p.get("role") == "actor":
                excluded.append((p["start"], p["end"]))  # "Tyskland og USA har lovet ..."
                continue
            k = self._token_at(p["start"])
            if k is None:
                continue
            if self._modifier_place(p, k):
                excluded.append((p["start"], p["end"]))  # "Malis statsminister": whose, not where
                continue
            if any(self._coordinated(m, k) for m in (actor, recipient) if m is not None):
                excluded.append((p["start"], p["end"]))  # "Tyskland og USA har lovet": a party
                continue
            if k >= 2 and self._not_where(cand, typ, k, p["start"], te):
                excluded.append((p["start"], p["end"]))
            elif cand.nominal and self._other_item(cand, k):
                excluded.append((p["start"], p["end"]))  # "Stengning av Guantánamo, dialog med Iran"
            elif typ == "CONSULT" and actor is not None and self._attribute_of(k, actor, cand):
                excluded.append((p["start"], p["end"]))  # "ordførarane i Vest-Telemark møtte ..."
        anaphors = [
            (t.idx, t.idx + len(t.text), t.text)
            for t in s.span
            if t.text.lower() in self.lex.place_anaphors and not self._said(cand, typ, t.i, t.idx, te)
        ]
        location = self._court_place(cand, s, typ)
        if location is None:
            location = self._narrowed(
                locate(places, seg, (s.start, s.end), trigger, excluded, anaphors), excluded
            )
        if location is None and self._there(s.span.start, s):
            # "Der var de på besøk i WHO og møtte ...": the whole sentence is set there
            there = [(s.span[0].idx, s.span[0].idx + len(s.span[0].text), s.span[0].text)]
            location = locate(places, (s.start, s.end), (s.start, s.end), trigger, excluded, there)
        if location is None and not historical:
            location = self._fallback_place(si, typ, actor, excluded)
        return location
