"""A lightweight tense guess for the clause around a time expression (no parser needed)."""

from __future__ import annotations

import re

from hending.resolve.times.lexicon import Lexicon

_WORD = re.compile(r"\w+")
# Sentence ends: punctuation after a letter (not "19." in a date), a line break or a "|" separator.
_BOUNDARY = re.compile(r"(?<=[^\W\d_])[.!?]+(?=\s|$)|[\n|]")
_WINDOW = 240


Cue = tuple[int, int, str]  # first word, last word, "past" | "future"


def _cues(words: list[str], lex: Lexicon, v2: int = -1, after_front: bool = False) -> list[Cue]:
    """(first, last, tense) for every cue in a word list; phrases first, their words consumed.

    ``v2`` is the index of the word in finite-verb (second) position of a main clause, if known;
    ``after_front`` says it directly follows the fronted time expression (then a present-tense
    verb there is reliable enough to count as a future cue).
    """
    cues: list[Cue] = []
    used: set[int] = set()
    for i, w in enumerate(words):
        for phrase, tense in lex.phrases_by_first.get(w, ()):
            n = _phrase_at(words, i, phrase, lex)
            if n and not used.intersection(range(i, i + n)):
                cues.append((i, i + n - 1, tense))
                used.update(range(i, i + n))
    for i, w in enumerate(words):
        if i in used:
            continue
        if w in lex.future or (after_front and i == v2 and _present(w, lex)):
            cues.append((i, i, "future"))
        elif w in lex.past or _weak_past(words, i, lex, i == v2):
            cues.append((i, i, "past"))
    return cues


def _present(w: str, lex: Lexicon) -> bool:
    """A present-tense finite verb (-er) other than a reporting verb: with a date it points ahead
    ("Torsdag møter en mann i retten"); "sier"/"melder" are used of past days too."""
    return len(w) >= 4 and w.endswith("er") and w not in lex.reporting and w not in lex.past


def _phrase_at(words: list[str], i: int, phrase: tuple[str, ...], lex: Lexicon) -> int:
    """Length of ``phrase`` at ``words[i]`` (0 if absent); a pronoun may follow the first word
    (inverted order: "kjem dei til å", "skal han ha")."""
    n = len(phrase)
    if tuple(words[i:i + n]) == phrase:
        return n
    if n > 1 and i + n < len(words) and words[i] == phrase[0] and words[i + 1] in lex.subjects \
            and tuple(words[i + 2:i + n + 1]) == phrase[1:]:
        return n + 1
    return 0


def _weak_past(words: list[str], i: int, lex: Lexicon, verb_slot: bool) -> bool:
    """A regular preterite (-et/-te/-de/-dde) in verb position: next to a personal pronoun ("han
    besøkte", "meldte dei") or second in the sentence ("Statsministeren besøkte ...")."""
    w = words[i]
    if len(w) < 5 or not w.endswith(lex.past_endings) or w in lex.not_verbs:
        return False
    if i > 0 and words[i - 1] in ("å", "og"):  # infinitive: "for å fravriste"
        return False
    return verb_slot or (i > 0 and words[i - 1] in lex.pronouns) \
        or (i + 1 < len(words) and words[i + 1] in lex.pronouns)


def guess_tense(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """"past", "future" or None from the nearest tense cue in the same sentence."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cuts = [b.end() for b in _BOUNDARY.finditer(left)]
    if cuts:
        left = left[cuts[-1]:]
    at_sentence_start = bool(cuts) or lo == 0
    right = text[end:end + _WINDOW]
    stop = _BOUNDARY.search(right)
    if stop:
        right = right[:stop.start()]
    lw = [w.lower() for w in _WORD.findall(left)]
    rw = [w.lower() for w in _WORD.findall(right)]
    best: tuple[int, int, str] | None = None
    # distance 1 = adjacent word; ties go to the left (the finite verb usually precedes in V2 order)
    # V2: the finite verb is the second constituent; approximated as the second word of the sentence,
    # or the first word after the expression when the expression opens the sentence.
    left_v2 = 1 if at_sentence_start else -1
    right_v2 = 0 if at_sentence_start and not lw else -1
    for _, last, tense in _cues(lw, lex, left_v2):
        cand = (len(lw) - last, 0, tense)
        best = cand if best is None or cand < best else best
    for first, _, tense in _cues(rw, lex, right_v2, after_front=True):
        cand = (first + 1, 1, tense)
        best = cand if best is None or cand < best else best
    return best[2] if best else None
