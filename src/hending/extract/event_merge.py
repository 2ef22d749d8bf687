"""One event, several mentions: deduplication within a sentence and merging across sentences.

:func:`dedupe` keeps one event per sentence, type, entry and actor, drops headline events and
folds a killing told beside its attack into the attack; :func:`merge_repeats` codes an event told
in several sentences once, at its most informative mention, which takes what the others add.
"""

from __future__ import annotations

from spacy.tokens import Doc

from hending.extract.actors import Mention
from hending.extract.event_words import CONSEQUENCE

# "another": a participant set apart from the one told before
OTHER = frozenset({"annen", "annan", "anna", "annet", "andre", "ny", "nye"})


def same_party(a: Mention | None, b: Mention | None) -> bool:
    """Whether two participants can be the same: one is absent, they share a name or body,
    or they are the same group noun of the same country ("demonstrantene")."""
    if a is None or b is None:
        return True
    if any(not m.named and set(m.text.lower().split()[:2]) & OTHER for m in (a, b)):
        return False  # "Ein annan mann frå Årdal" is not the man told of before
    ka = {x.lower() for x in (a.name, a.affiliation) if x}
    kb = {x.lower() for x in (b.name, b.affiliation) if x}
    if ka & kb:
        return True
    if a.kind == "pronoun" and a.name is None or b.kind == "pronoun" and b.name is None:
        return True
    for x, y in ((a, b), (b, a)):
        # "Mannen", "38-åringen": a definite person noun refers back to a person told before
        if x.kind in ("noun", "adhoc") and (x.person or x.kind == "adhoc") and x.start >= 0:
            head = x.text.split()[-1].lower()
            if head.endswith(("en", "a")) and not x.named and (y.person or y.kind in ("person", "adhoc")):
                return True
        # "En politimann" and "politimannen Deriek W. Crouse": a role noun and a named holder
        if (
            x.kind == "noun"
            and x.person
            and y.kind == "person"
            and x.sector == y.sector
            and x.sector not in (None, "UNK", "CVL")
        ):
            return True
        # "vi" (the speaker's side) and the speaker's state; a state and its spokesperson
        if (
            x.kind in ("pronoun", "country", "person")
            and x.country
            and (x.country, x.sector) == (y.country, y.sector)
            and (x.kind == "country" or y.kind == "country" or x.text.lower() in ("vi", "oss"))
        ):
            return True
    return a.noun is not None and b.noun is not None and a.noun.stem == b.noun.stem and a.country == b.country


DEVERBAL = ("ing", "inga", "ingen", "ingar", "inger", "else", "elsen", "elsene")


def _deverbal(ev: dict) -> set[str]:
    """The deverbal nouns a mention is told with: its lemma or trigger words ending in
    -ing/-else ("tilståinga", "starte etterforsking")."""
    words = {ev["_lemma"].lower()} | {w.lower() for w in ev["trigger"]["text"].split()}
    out = set()
    for w in words:
        if w.isalpha() and w.endswith(DEVERBAL):
            for end, base in (
                ("inga", "ing"),
                ("ingen", "ing"),
                ("ingar", "ing"),
                ("inger", "ing"),
                ("elsen", "else"),
                ("elsene", "else"),
            ):
                if w.endswith(end):
                    w = w[: -len(end)] + base
                    break
            out.add(w)
    return out


def _stem(lemma: str) -> str:
    """A verb lemma less its infinitive ending ("etterforske" -> "etterforsk")."""
    low = lemma.lower()
    return low[:-1] if low.endswith(("e", "a")) and len(low) > 5 else low


def kin(a: dict, b: dict) -> bool:
    """One word family: the same lemma, or a verb and its deverbal noun ("tilstod" / "tilståinga",
    "etterforskar" / "starte etterforsking")."""
    if a["_lemma"] == b["_lemma"]:
        return True
    for x, y in ((a, b), (b, a)):
        stem = _stem(x["_lemma"])
        if len(stem) >= 5 and any(n.startswith(stem) and n != stem for n in _deverbal(y)):
            return True
    # "ble skutt og drept" ... "politimannen som ble drept": the other's verb is coordinated
    # with this one where this one is told
    for x, y in ((a, b), (b, a)):
        tx, ty = x["trigger"]["text"].lower(), y["trigger"]["text"].lower()
        if len(ty.split()) == 1 and f"{tx} og {ty}" in x.get("sentence", {}).get("text", "").lower():
            return True
    return bool(_deverbal(a) & _deverbal(b))


def same_event(a: dict, b: dict) -> bool:
    """Two mentions of one real-world event: same type, compatible participants, dates and
    places, and either the same verb with the same content, or a definite/possessed noun
    referring to the event ("kuppet", "kravet frå Ban Ki-moon", "Ki-moons oppfordring")."""
    if a["type"] != b["type"] or a["_si"] == b["_si"]:
        return False
    same_lemma = kin(a, b)
    if a["negated"] != b["negated"]:
        return False
    if a["hypothetical"] != b["hypothetical"] and not any(
        e["hypothetical"] and e["_definite"] for e in (a, b)
    ):
        return False  # but "vi må ta Ki-moons oppfordring på alvor" refers to a real demand
    if not same_lemma and a["mode"] != b["mode"]:
        return False  # a visit is not the meeting held during it, a raid not the arrest
    nominal = [e for e in (a, b) if e["_nominal"]]
    if (
        nominal
        and not any(e["_definite"] for e in nominal)
        and not (same_lemma and len(nominal) == 1 and a["_m_actor"] is not None and b["_m_actor"] is not None)
    ):
        return False  # "gitt militsen ordre": an indefinite noun tells a new event, but "har tilstått
        # ... har gitt forbehalden tilståing" is the verb's act told again by the same party
    if (
        not nominal
        and not same_lemma
        and (a["mode"] is None or a["_m_recipient"] is None or b["_m_recipient"] is None)
    ):
        return False  # two verbs: one verb, or synonyms of a mode ("arrestert"/"pågrepet") on one person
    if not same_party(a["_m_actor"], b["_m_actor"]):
        return False
    if not same_party(a["_m_recipient"], b["_m_recipient"]) and not (
        same_lemma
        and not nominal
        and a["_m_actor"] is not None
        and b["_m_actor"] is not None
        and a["_content"] & b["_content"]
    ):
        return False  # "fordømmer pågripelsen av X" twice: one act, told twice
    if (
        all(e["_m_actor"] is None and e["_m_recipient"] is None for e in (a, b))
        and not nominal
        and abs(a["_si"] - b["_si"]) > 3
    ):
        return False  # (the same verb again close by, nobody named: "bombar vi ... oss som bombar")

    # dates: a verb is dated by its tense and times; an undated noun, participle or
    # infinitive ("etter å ha blitt pågrepet") refers to any time, a present tense to today
    def loose(e: dict) -> bool:
        own = e["date"].get("time") is not None and not e["_inherited"]
        return not own and (e["_nominal"] or not e["_present"])

    if not (loose(a) or loose(b)):
        da, db = a["date"], b["date"]
        if not (da["start"] <= db["end"] and db["start"] <= da["end"]):
            return False
    la, lb = a["location"], b["location"]
    if la and lb and la.get("geonameid") != lb.get("geonameid"):
        return False
    # two demands with different content are two: "bad om eit ope fengslingsmøte" / "bad om ein
    # spesifikk advokat"
    return not (
        not nominal
        and not _deverbal(a) & _deverbal(b)  # "starte etterforsking" / "set i verk etterforsking mot X"
        and a["type"] in ("REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT")
        and a["_content"]
        and b["_content"]
        and not (a["_content"] & b["_content"])
    )


def informative(ev: dict) -> float:
    """How much a mention tells: its own time, named participants, a place, a verb."""
    score = 1.5 if ev["date"].get("time") is not None and not ev["_inherited"] else 0.0
    for key, weight in (("_m_actor", 1.5), ("_m_recipient", 1.0)):
        m = ev[key]
        if m is not None:
            score += weight if m.named or m.kind in ("noun", "person") else weight / 2
    score += 0.5 if ev["location"] else 0.0
    score += 1.0 if not ev["_nominal"] else 0.0
    score -= 1.0 if ev["_headline"] else 0.0
    return score


def merge_repeats(events: list[dict]) -> list[dict]:
    """The same event told in several sentences is coded once, at its most informative
    mention (GUIDE); that mention takes what the others add (a missing participant, place or
    time)."""
    groups: list[list[dict]] = []
    for ev in events:
        for g in groups:
            # a verb telling the event again need only agree with the verbs told before: a
            # definite noun between them ("Etterforskinga kan bli retta mot helseføretaket")
            # refers back but does not veto
            verbs = [o for o in g if not o["_nominal"]]
            judges = verbs if verbs and not ev["_nominal"] else g
            if all(same_event(o, ev) for o in judges):
                g.append(ev)
                break
        else:
            groups.append([ev])
    keep: set[int] = set()
    for g in groups:
        # a definite noun told after a verb refers back to it ("kravet frå Ban Ki-moon")
        told = [
            e for e in g if not (e["_definite"] and any(not o["_nominal"] and o["_si"] < e["_si"] for o in g))
        ]
        # the first telling, unless a later one tells clearly more (a participant the others
        # cannot supply, its own time): a recipient alone is filled in from the later mention
        pool = told or g
        top = max(informative(e) for e in pool)
        best = min((e for e in pool if informative(e) >= top - 1.0), key=lambda e: e["_si"])
        keep.add(id(best))
        for o in g:
            if o is best:
                continue
            for key, mkey in (("actor", "_m_actor"), ("recipient", "_m_recipient")):
                if best[key] is None and o[key] is not None and not (key == "recipient" and o["_definite"]):
                    best[key], best[mkey] = o[key], o[mkey]
            if best["location"] is None and o["location"] is not None:
                best["location"] = o["location"]
            if best["date"].get("time") is None and o["date"].get("time") is not None:
                best["date"] = dict(o["date"])
                best["historical"] = o["historical"]
            if best["fatalities"] is None:
                best["fatalities"] = o["fatalities"]
    return [ev for ev in events if id(ev) in keep]


def dedupe(doc: Doc, events: list[dict]) -> list[dict]:
    """One event per (sentence, type, lemma, actor); headline events repeated in the body go;
    a killing told beside the attack that caused it ("angrep ... og 18 ble drept") is the
    attack's toll, not another event."""
    by_sent: dict[int, list[dict]] = {}
    for ev in events:
        if ev["type"] == "ASSAULT":
            by_sent.setdefault(ev["_si"], []).append(ev)
    drop: set[int] = set()
    for evs in by_sent.values():
        main = [ev for ev in evs if ev["_lemma"] not in CONSEQUENCE]
        if not main:
            continue
        for ev in evs:
            if ev["_lemma"] not in CONSEQUENCE:
                continue
            # "drap 77 menneske i to terroråtak": the attack noun only says how the killing
            # verb's event was done; the verb is the event
            kill = doc[ev["_head"]]
            inner = [
                m
                for m in main
                if doc[m["_head"]].head.pos_ == "ADP"
                and doc[m["_head"]].head.head.i == kill.i
                and m["_head"] > kill.i
            ]
            if inner:
                for m in inner:
                    drop.add(id(m))
                    ev["mode"] = ev["mode"] or m["mode"]
                continue
            drop.add(id(ev))
            for m in main:
                if m["fatalities"] is None:
                    m["fatalities"] = ev["fatalities"]
    events = [ev for ev in events if id(ev) not in drop]
    out: list[dict] = []
    seen: set[tuple] = set()
    for ev in events:
        if ev["_headline"]:
            continue  # a headline sums up the story: its events are told (and coded) in the body
        key = (ev["_si"], ev["type"], ev["_entry"], (ev["actor"] or {}).get("name"))
        if key in seen:
            continue
        seen.add(key)
        out.append(ev)
    return out
