"""ACLED coding and the armed context of an event.

The ACLED event type and sub-event type of a coded event (from its lexicon entry, mode, territory
change or participants), whether a sentence is a violent (armed) or a sports context, and the
upgrade of a trigger to a more specific type by the words after it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from hending.extract.actors import ARMED, ActorFinder, Mention
from hending.extract.lexicon import Lexicon
from hending.extract.segment import Sentence
from hending.extract.triggers import Candidate

ACLED_EVENT_TYPES = (
    "Explosions/Remote violence",
    "Violence against civilians",
    "Strategic developments",
    "Battles",
    "Protests",
    "Riots",
)


def split_acled(value: str) -> dict:
    """ "Explosions/Remote violence/Air/drone strike" -> ACLED event_type and sub_event_type."""
    for et in ACLED_EVENT_TYPES:
        if value.startswith(et + "/"):
            return {"event_type": et, "sub_event_type": value[len(et) + 1 :]}
    et, _, st = value.partition("/")
    return {"event_type": et, "sub_event_type": st}


def is_sports(lex: Lexicon, words: set[str]) -> bool:
    """A sports sentence: two or more sports words ("slo Sverige 3-1 i VM-kampen")."""
    return len(words & lex.sports_words) >= 2


def armed_context(
    lex: Lexicon,
    finder: ActorFinder,
    s: Sentence,
    actor: Mention | None,
    recipient: Mention | None,
    own: list[int] | None = None,
) -> bool:
    """A violent context: armed actors, or violence words other than the trigger's own."""
    words = {t.text.lower() for t in s.span if t.i not in (own or [])}
    if is_sports(lex, words):
        return False
    if actor is not None and actor.sector in ARMED or recipient is not None and recipient.sector in ARMED:
        return True
    if any(
        finder.mention_for(t.i) is not None and finder.mention_for(t.i).sector in ("MIL", "REB")
        for t in s.span
    ):
        return True
    return bool(words & lex.violence_words)


def acled_type(
    lex: Lexicon,
    typ: str,
    mode: str | None,
    entry_acled: str | None,
    territory: str | None,
    actor: Mention | None,
    recipient: Mention | None,
) -> dict | None:
    """The ACLED event type and sub-event type of an event (None when it has none): a territory
    change by who takes it, else the entry's own, else its mode's, else an attack by its parties."""
    value = None
    if territory and actor is not None:
        state = actor.sector in ("MIL", "GOV", "COP")
        if territory == "capture":
            value = (
                "Battles/Government regains territory"
                if state
                else "Battles/Non-state actor overtakes territory"
            )
        else:
            value = (
                "Battles/Non-state actor overtakes territory"
                if state
                else "Battles/Government regains territory"
            )
    elif territory:
        value = None
    elif entry_acled:
        value = entry_acled
    elif mode and mode in lex.mode_acled and typ in ("ASSAULT", "COERCE", "PROTEST", "AGREE"):
        value = lex.mode_acled[mode]
    elif typ == "ASSAULT":
        if recipient is not None and recipient.sector in ("CVL", "JRN", "REF"):
            value = "Violence against civilians/Attack"
        elif (actor is not None and actor.sector in ARMED) or (
            recipient is not None and recipient.sector in ARMED
        ):
            value = "Battles/Armed clash"
    if not value:
        return None
    return split_acled(value)


def upgrade(doc: Doc, cand: Candidate, ce: int) -> tuple[str, str | None, set[int]] | None:
    """A more specific type and mode told by the words after the trigger in its clause ("støttet
    ... med luftangrep": military aid), with the tokens read for it (absorbed: no triggers)."""
    up = cand.entry.upgrade
    if not up:
        return None
    for j in range(cand.head + 1, ce):
        if doc[j].text.lower() in up.get("after", []):
            absorbed = set()
            found = None
            for k in range(j + 1, min(ce, j + 8)):
                w = doc[k].text.lower()
                absorbed.add(k)
                for mode in ("military", "economic", "humanitarian"):
                    if w in up.get(mode, []) and found is None:
                        found = mode
            if found:
                return up["type"], found, absorbed
    return None
