"""When an event happened.

The times of an event's own clause (not a deadline, not inside what is said or demanded, not in a
relative clause or apposition); else, for a past event, the story's last told time, the date of
the event just before, or the news day of the lead; else the publication day.

:class:`DatesMixin` is part of :class:`hending.extract.events.Extractor` and reads its ``doc``,
``times``, ``sents``, ``published`` and the events found so far.
"""

from __future__ import annotations

from hending.extract import dates as dates_mod
from hending.extract.modality import clause_end, clause_start
from hending.extract.segment import Sentence
from hending.extract.triggers import Candidate


class DatesMixin:
    """Event dates of :class:`~hending.extract.events.Extractor`."""

    def _clause_of(self, k: int, s: Sentence) -> tuple[int, int]:
        return clause_start(self.doc, k, s.span.start), clause_end(self.doc, k, s.span.end)

    def _embedded(self, k: int, s: Sentence) -> bool:
        """A token in a relative clause ("som fikk fredsprisen i 1992") or in a verbless
        apposition ("fredsprisvinner i 1996"): it does not date the sentence's events."""
        doc = self.doc
        c0, c1 = self._clause_of(k, s)
        if doc[c0].text.lower() == "som":
            return True
        verbs = [
            t
            for t in doc[c0:c1]
            if t.pos_ in ("VERB", "AUX") and (t.morph.get("Tense") or "pres" in t.tag_ or "pret" in t.tag_)
        ]
        # a verbless phrase between commas that opens with a noun is an apposition; one opening
        # with a preposition is an adverbial of the clause before ("erobret Palmyra, i mai 2015,")
        return not verbs and c0 > s.span.start and doc[c0 - 1].text == "," and doc[c0].pos_ != "ADP"

    def _adverbial_after(self, k: int, c1: int, s: Sentence) -> bool:
        """Token ``k`` lies in a verbless prepositional phrase set off by a comma right after the
        clause ending at ``c1``: "IS erobret Palmyra, i mai 2015, ..."."""
        doc = self.doc
        if c1 >= s.span.end or doc[c1].text != ",":
            return False
        a0, a1 = self._clause_of(k, s)
        return (
            a0 == c1 + 1
            and doc[a0].pos_ == "ADP"
            and not any(t.pos_ in ("VERB", "AUX") and t.morph.get("Tense") for t in doc[a0:a1])
        )

    def _own_times(self, cand: Candidate, s: Sentence, ts: int, te: int) -> list[dict]:
        """The times that can date an event: those in its clause (not a deadline, "innan 31.
        juni", nor inside what is said or demanded after the trigger); else, when the trigger is
        in the main clause, those before it in clauses that are not relative or appositive."""
        doc = self.doc
        tok = doc[cand.head]
        c0, c1 = self._clause_of(tok.i, s)
        last = max(cand.tokens)
        own, other = [], []
        for t in self.times:
            if not (s.start <= t["start"] and t["end"] <= s.end) or dates_mod.time_range(t) is None:
                continue
            k = self._token_at(t["start"])
            if k is None:
                continue
            if k > 0 and doc[k - 1].text.lower() in ("innan", "innen"):
                continue
            if t["start"] >= te and any(
                doc[j].text.lower() in ("at", "om", "å") or doc[j].tag_.startswith("sbu")
                for j in range(last + 1, k)
            ):
                continue
            if c0 <= k < c1 or min(cand.tokens) <= k <= last or self._adverbial_after(k, c1, s):
                own.append(t)
            elif t["end"] <= ts and not self._embedded(k, s):
                other.append(t)
        if own:
            return own
        return other if doc[c0].text.lower() != "som" else []

    def _past(self, cand: Candidate, s: Sentence) -> bool:
        """A preterite or pluperfect event (told as past, not as news of today)."""
        doc = self.doc
        tok = doc[cand.head]
        c0, _ = self._clause_of(tok.i, s)
        if cand.nominal:
            verbs = [t for t in doc[c0 : tok.i] if t.pos_ in ("VERB", "AUX")]
            tok = verbs[-1] if verbs else tok
        if "Past" in tok.morph.get("Tense") or "pret" in tok.tag_:
            return True
        aux = [doc[j].text.lower() for j in range(max(c0, tok.i - 4), tok.i)]
        return any(a in ("hadde", "var", "ble", "blei", "vart") for a in aux)

    def _story_time(self, si: int, cand: Candidate, s: Sentence) -> dict | None:
        """A past event with no time of its own happened at the story's last told time: the
        nearest explicit past time in the four sentences before - "Torsdag gikk alarmen igjen. En
        politimann ble skutt og drept"."""
        pub_end = dates_mod.frame(self.published)[1]
        para = self.sents[si].paragraph
        for sj in range(si - 1, max(-1, si - 5), -1):  # the four sentences before
            prev = self.sents[sj]
            if prev.paragraph != para and si - sj > 3:
                break
            found = []
            for t in self.times:
                if not (prev.start <= t["start"] < prev.end):
                    continue
                r = dates_mod.time_range(t)
                value = str(t.get("value") or "")
                if r is None or value.endswith("_REF") or r[1] > pub_end:
                    continue
                k = self._token_at(t["start"])
                if k is None or self._embedded(k, prev):
                    continue
                found.append((t, r))
            if found:
                t, (a, b) = found[-1]
                if (a, b) == dates_mod.frame(self.published):
                    return None  # "i dag": the news day, as without any time
                tinfo = {key: t.get(key) for key in ("text", "start", "end", "value")}
                return {
                    "start": a.isoformat(),
                    "end": b.isoformat(),
                    "precision": dates_mod.precision(a, b),
                    "time": tinfo,
                }
        return None

    def _news_day(self) -> dict | None:
        """The day the story's lead tells of ("i går", "mandag kveld" in the headline or the
        first two body sentences, within the week before publication): a past event told without
        a time of its own happened then, not on the publication day."""
        pub, prec = dates_mod.parse_published(self.published)
        if prec != "day":
            return None
        body = [j for j, x in enumerate(self.sents) if not x.headline][:2]
        lead = [j for j, x in enumerate(self.sents) if x.headline or (body and j <= body[-1])]
        for t in self.times:
            if not any(self.sents[j].start <= t["start"] < self.sents[j].end for j in lead):
                continue
            r = dates_mod.time_range(t)
            if r is None or r[0] != r[1] or not 1 <= (pub - r[0]).days <= 7:
                continue
            tinfo = {key: t.get(key) for key in ("text", "start", "end", "value")}
            return {"start": r[0].isoformat(), "end": r[1].isoformat(), "precision": "day", "time": tinfo}
        return None

    def _inherited_date(self, si: int) -> dict | None:
        """No time of its own: a reader carries the date of the story's last dated (current) event
        in the preceding sentences ("Tidligere denne uken ba Russland om ... Det forslaget har møtt
        kritikk")."""
        for ev in reversed(self._events):
            if ev["_si"] > si:
                continue
            if si - ev["_si"] > 1:
                break
            d = ev["date"]
            if ev["historical"] or (d["time"] is None and not ev.get("_inherited")):
                continue
            return dict(d)
        return None

    def _event_date(
        self, cand: Candidate, s: Sentence, si: int, seg: tuple[int, int], ts: int, te: int
    ) -> tuple[dict, bool]:
        """An event's date (:func:`hending.extract.dates.event_date` over its own times), and
        whether it was carried over from the story because the event has no time of its own."""
        dur = dates_mod.duration_range(
            [t.text for t in s.span], self.lex.modality.get("durations", []), self.published
        )
        own = self._own_times(cand, s, ts, te)
        date = dates_mod.event_date(ts, te, seg, (s.start, s.end), own, self.published, dur)
        inherited = False
        if date["time"] is None and dur is None:
            carried = self._story_time(si, cand, s) if self._past(cand, s) else None
            carried = carried or self._inherited_date(si)
            if carried is None and self._past(cand, s):
                carried = self._news_day()
            if carried is not None:
                date, inherited = carried, True
        return date, inherited
