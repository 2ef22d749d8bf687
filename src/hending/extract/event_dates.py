"""When an event happened.

The times of an event's own clause (not a deadline, not inside what is said or demanded, not in a
relative clause or apposition), of the relative clause on the event noun or of the "da" clause
right after it; else, for a past event (or one said in a quote told in the past), the story's last
told time, the date of the event just before, or the news day of the lead or of the story's
opening; else the publication day.

:class:`DatesMixin` is part of :class:`hending.extract.events.Extractor` and reads its ``doc``,
``times``, ``sents``, ``published`` and the events found so far.
"""

from __future__ import annotations

import datetime

from hending.extract import dates as dates_mod
from hending.extract.modality import clause_end, clause_start
from hending.extract.segment import Sentence
from hending.extract.triggers import Candidate

# subordinators of clauses that do not take the times of the clause they hang on
NO_BORROWED_TIME = frozenset(["som", "dersom", "viss", "hvis", "om", "ifall"])
# how many sentences after the lead still open the story (and may tell its day)
NEWS_DAY_SENTENCES = 6
# "dagen etter angrepet": how many days the event lies before (etter) or after (før) the time
SHIFT_UNITS = {
    "dagen": 1,
    "døgnet": 1,
    "kvelden": 1,
    "natta": 1,
    "natten": 1,
    "morgonen": 1,
    "morgenen": 1,
    "uka": 7,
    "uken": 7,
    "veka": 7,
}


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
            if (cand.nominal and self._own_relative(last, k, s)) or self._when_clause(c1, k, s):
                own.append(t)
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
        # a relative or conditional clause does not take the times of the clause it hangs on:
        # "... i streik tysdag 29. juni dersom det blir brot i forhandlingane"
        return other if doc[c0].text.lower() not in NO_BORROWED_TIME else []

    def _own_relative(self, last: int, k: int, s: Sentence) -> bool:
        """Token ``k`` lies in the relative clause that tells of the event noun ending at ``last``
        ("Trusselbrevet som kom inn måndag kveld", "angrepet som skjedde i natt"): its time is the
        event's own."""
        doc = self.doc
        return (
            last + 1 < s.span.end
            and doc[last + 1].text.lower() == "som"
            and k > last + 1
            and self._clause_of(k, s)[0] == last + 1
        )

    def _when_clause(self, c1: int, k: int, s: Sentence) -> bool:
        """Token ``k`` lies in a "da"/"då" clause right after the event's clause ending at ``c1``
        ("Den første som ringte da jeg satt i bilen 22. juli, var ..."): the time of the clause
        that tells when the event happened."""
        doc = self.doc
        return (
            c1 < s.span.end
            and doc[c1].text.lower() in ("da", "då")
            and k > c1
            and self._clause_of(k, s)[0] == c1
        )

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

    def _reported_past(self, ts: int) -> bool:
        """Inside a direct quote told with a past-tense speech verb ("– ... og vi støtter mannen,
        sa Egeland"; "– ... vi krev endring, sa ho"): what is said in the present was so when it
        was said, the story's time, not the publication day."""
        quote = self._quote_at(ts)  # type: ignore[attr-defined]
        if quote is None:
            return False
        k = self._token_at(quote["end"]) if quote["end"] < len(self.text) else None  # type: ignore[attr-defined]
        if k is None:
            return False
        doc = self.doc
        while k < len(doc) and (doc[k].is_space or doc[k].text in (",", "–", "-")):
            k += 1
        if k >= len(doc):
            return False
        cue = doc[k]
        return cue.pos_ in ("VERB", "AUX") and (
            "Past" in cue.morph.get("Tense") or "pret" in cue.tag_.split("|")
        )

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
            for t, r in self._dated_times(sj):
                if str(t.get("value") or "").endswith("_REF") or r[1] > pub_end:
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

    def _news_day(self, si: int) -> dict | None:
        """The day the story tells of, for an event of sentence ``si`` told without a time of its
        own: a day within the week before publication ("i går", "mandag kveld") in the headline or
        the first two body sentences; else the first day told in the story's opening, unless the
        opening tells of today first ("I dag ..."). A day of the opening (not of the lead) dates
        only the events told after it: "Generaldirektøren skrøt av kongeparet" after "... men i
        går kunne han ikke dy seg"."""
        pub, prec = dates_mod.parse_published(self.published)
        if prec != "day":
            return None
        body = [j for j, x in enumerate(self.sents) if not x.headline][:2]
        lead = [j for j, x in enumerate(self.sents) if x.headline or (body and j <= body[-1])]
        found = self._first_day(lead, pub, skip_today=True)
        if found is None:
            opening = range(min(len(self.sents), (lead[-1] + 1 if lead else 0) + NEWS_DAY_SENTENCES))
            found = self._first_day(list(opening), pub, skip_today=False)
            if found is not None and found[1] > si:
                return None
        return found[0] if found is not None else None

    def _first_day(self, sents: list[int], pub: datetime.date, skip_today: bool) -> tuple[dict, int] | None:
        """The first day within the week before ``pub`` told in sentences ``sents``, and its
        sentence; None if a time of the publication day comes first (unless ``skip_today``)."""
        for sj in sorted(sents):
            for t, r in self._dated_times(sj):
                if r[0] != r[1]:
                    continue
                if r[0] == pub and not skip_today:
                    return None  # the story is today's
                if not 1 <= (pub - r[0]).days <= 7:
                    continue
                tinfo = {key: t.get(key) for key in ("text", "start", "end", "value")}
                day = {"start": r[0].isoformat(), "end": r[1].isoformat(), "precision": "day", "time": tinfo}
                return day, sj
        return None

    def _dated_times(self, sj: int) -> list[tuple[dict, tuple[datetime.date, datetime.date]]]:
        """The times of sentence ``sj`` that have a calendar range, in text order, with that range:
        the one lookup of a sentence's dated days behind :meth:`_story_time` and :meth:`_first_day`."""
        if not hasattr(self, "_dated"):
            self._dated: dict[int, list[tuple[dict, tuple[datetime.date, datetime.date]]]] = {}
            for t in sorted(self.times, key=lambda t: t["start"]):
                j = next((j for j, x in enumerate(self.sents) if x.start <= t["start"] < x.end), None)
                r = dates_mod.time_range(t) if j is not None else None
                if r is not None:
                    self._dated.setdefault(j, []).append((t, r))  # type: ignore[arg-type]
        return self._dated.get(sj, [])

    def _inherited_date(self, si: int, past: bool = False, aside: bool = False) -> dict | None:
        """No time of its own: a reader carries the date of the story's last dated (current) event
        in the preceding sentences ("Tidligere denne uken ba Russland om ... Det forslaget har møtt
        kritikk"). A ``past`` event does not carry today's date: told in the past after "I dag
        innledes statsbesøket, men det var tjuvstart i Genève", it happened before today. An event
        ``aside`` (in a relative or conditional clause) does not carry the date of its own
        sentence's events: "vert tekne ut i streik tysdag dersom det blir brot i forhandlingane"."""
        pub, prec = dates_mod.parse_published(self.published)
        today = pub.isoformat() if prec == "day" else None
        for ev in reversed(self._events):
            if ev["_si"] > si:
                continue
            if si - ev["_si"] > 1:
                break
            if aside and ev["_si"] == si:
                continue
            d = ev["date"]
            if ev["historical"] or (d["time"] is None and not ev.get("_inherited")):
                continue
            if past and d["start"] == d["end"] == today:
                continue
            return dict(d)
        return None

    def _before_or_after(self, date: dict, ts: int) -> dict:
        """A time that names the day after or before the event noun right after it ("dagen etter
        terrorangrepene", "kvelden før valet"): the event is a day (a week) before or after it."""
        t = date.get("time") or {}
        words = str(t.get("text") or "").lower().split()
        if (
            t.get("end") is None
            or len(words) != 2
            or words[1] not in ("etter", "før")
            or self.text[t["end"] : ts].strip()
        ):
            return date
        step = SHIFT_UNITS.get(words[0])
        if step is None:
            return date
        days = datetime.timedelta(days=-step if words[1] == "etter" else step)
        a = datetime.date.fromisoformat(date["start"]) + days
        b = datetime.date.fromisoformat(date["end"]) + days
        return {**date, "start": a.isoformat(), "end": b.isoformat()}

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
        if cand.nominal:
            date = self._before_or_after(date, ts)
        inherited = False
        if date["time"] is None and dur is None:
            past = self._past(cand, s) or self._reported_past(ts)
            carried = self._story_time(si, cand, s) if past else None
            aside = self.doc[self._clause_of(cand.head, s)[0]].text.lower() in NO_BORROWED_TIME
            carried = carried or self._inherited_date(si, past, aside)
            if carried is None and past:
                carried = self._news_day(si)
            if carried is not None:
                date, inherited = carried, True
        return date, inherited
