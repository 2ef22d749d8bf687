"""Resolving an event's participants beyond its own words.

The speaker's side for "vi" in a quote, a pronoun or description named elsewhere in the same
sentence, the other party of a refusal, the opponent of a capture, the actor a reader supplies
(the police for an arrest, the court for a sentence), and the characters of a show.

:class:`ActorsMixin` is part of :class:`hending.extract.events.Extractor` and reads its ``doc``,
``lex``, ``finder``, ``mod``, ``sents`` and ``sources``.
"""

from __future__ import annotations

from hending.extract.actors import Mention
from hending.extract.segment import Sentence

FIRST_PERSON = {"jeg", "eg", "vi", "me", "meg", "oss"}


class ActorsMixin:
    """Participant resolution of :class:`~hending.extract.events.Extractor`."""

    def _named_in_sentence(self, m: Mention | None, s: Sentence) -> Mention | None:
        """A pronoun or description whose referent is named in the same sentence is given as
        that name (GUIDE: pronouns only when the sentence has no name): "sa Diarra tirsdag at han
        går av" -> Diarra."""
        if m is None or m.kind not in ("pronoun", "noun"):
            return m
        a = m.antecedent
        seen = 0
        while a is not None and seen < 5:
            if (
                a.start_char is not None
                and s.start <= a.start_char < s.end
                and a.start < m.start
                and (a.named or (m.kind == "pronoun" and a.kind in ("noun", "person", "org")))
            ):
                return a
            a = a.antecedent
            seen += 1
        return m

    def _character(self, m: Mention | None) -> bool:
        while m is not None:
            if self.mod.character(m.text):
                return True
            m = m.antecedent
        return False

    def _speaker_side(self, m: Mention | None, speaker: dict | None, keep: bool = False) -> Mention | None:
        """A first-person pronoun in a quote is its speaker; another unresolved pronoun is dropped
        (``keep``: kept as the mention it is, "politiet pågreip dei")."""
        if m is None or m.kind != "pronoun" or m.name is not None:
            return m
        if (
            speaker is None
            or m.text.lower() not in self.lex.pronouns["first_plural"] | self.lex.pronouns["first_singular"]
        ):
            return m if keep and m.text.lower() not in FIRST_PERSON else None
        sp = self._speaker_mention(speaker)
        if sp is not None and sp.kind in ("person", "org", "noun"):
            return sp  # "vi støtter ..., sa Egeland": the speaker, by name
        r = Mention(m.start, m.end, m.head, "pronoun", m.text, m.start_char, m.end_char)
        if sp is not None:
            r.name = sp.affiliation or sp.name
            r.country, r.sector, r.affiliation = sp.country, sp.sector, sp.affiliation
        else:
            r.name = speaker.get("affiliation") or speaker["name"]
        return r

    def _speaker_mention(self, speaker: dict) -> Mention | None:
        for m in self.finder.mentions:
            if m.start_char == speaker["start"] and m.end_char == speaker["end"]:
                return m
        return None

    def _other_party(self, s: Sentence, actor: Mention | None, speaker: dict | None) -> Mention | None:
        """For a refusal without an object: another named party in the sentence (not the speaker)."""
        for t in s.span:
            m = self._mention(t.i)
            if m is None or m is actor or not m.named or m.kind not in ("person", "org"):
                continue
            if actor is not None and m.name in (actor.name, actor.affiliation):
                continue
            if speaker and m.name in (speaker["name"], speaker.get("affiliation")):
                continue
            return m
        return None

    def _implied(self, si: int, kind: str) -> Mention | None:
        """The actor a reader supplies: the police (or army) for an arrest, the court for a
        sentence, when one is named in the sentence or next to it (the next sentence of the same
        paragraph, the two before); nobody otherwise (the gold leaves an unnamed arrester out)."""
        spec = self.lex.implied_actors.get(kind)
        if spec is None:
            return None
        wanted = {"COP", "MIL"} if spec["sector"] == "COP" else {spec["sector"]}
        order = [si]
        if si + 1 < len(self.sents) and self.sents[si + 1].paragraph == self.sents[si].paragraph:
            order.append(si + 1)
        order += [si - 1, si - 2]
        if spec["sector"] == "GOV":
            # a story has one court: the one named anywhere before, unless the sentence tells of an
            # earlier case ("er tidlegare dømd")
            if any(t.text.lower() in ("tidligere", "tidlegare") for t in self.sents[si].span):
                order = [si]
            else:
                order += list(range(si - 3, -1, -1))
        for sj in order:
            if sj < 0:
                continue
            src = self.sources.get(sj)
            for t in self.sents[sj].span:
                m = self._mention(t.i)
                if m is None or m.sector not in wanted or m.kind in ("adj", "pronoun"):
                    continue
                if (src is not None and src.mention is m) or any(
                    self.doc[j].text.lower() in self.lex.according_to
                    for j in range(max(0, m.start - 5), m.start)
                ):
                    continue  # "Ifølge en talsmann for de militære ble Diarra arrestert": the source
                if spec["sector"] == "GOV":
                    stem = m.noun.stem if m.noun is not None else ""
                    low = m.text.lower().rstrip(".")
                    if not (
                        stem in ("rett", "domstol", "dommer")
                        and m.head == m.end - 1
                        and self.doc[m.head]
                        .text.lower()
                        .startswith(("rett", "domstol", "dommer", "tingrett", "lagmann", "høyesterett"))
                        or low.endswith(("rett", "retten", "domstol", "domstolen", "dommeren", "dommaren"))
                    ):
                        continue
                return m
        return None

    def _opponent(self, si: int, actor: Mention | None) -> Mention | None:
        """The armed opponent of a capture, named in the next sentence of the same paragraph."""
        if actor is None or actor.sector not in ("MIL", "GOV", "REB"):
            return None
        want = {"REB"} if actor.sector in ("MIL", "GOV") else {"MIL", "GOV"}
        for sj in (si + 1,):
            if sj >= len(self.sents) or self.sents[sj].paragraph != self.sents[si].paragraph:
                continue
            for t in self.sents[sj].span:
                m = self._mention(t.i)
                if (
                    m is not None
                    and m.sector in want
                    and m.name != actor.name
                    and m.named
                    and m.kind != "country"
                ):
                    return m
        return None
