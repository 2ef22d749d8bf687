"""Load lexicon.yaml and patterns.yaml once; build the compiled patterns and lookup tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_SPACES = re.compile(r"\s+")


def norm(s: str) -> str:
    """Lookup key for a matched surface string: lowercase, single spaces."""
    return _SPACES.sub(" ", s.strip()).lower()


@dataclass(frozen=True)
class Pattern:
    """One compiled surface pattern and the name of the rule that interprets its matches."""

    id: str
    handler: str
    priority: int
    regex: re.Pattern[str]
    starts: frozenset[str]  # lowercase words a match can begin with; "#" = a number


class Lexicon:
    """Lookup tables (lowercase keys) plus the compiled patterns."""

    def __init__(self, tables: dict[str, Any], patterns: list[Pattern], alternations: dict[str, str]) -> None:
        self.tables = tables
        self.patterns = patterns
        self.alternations = alternations
        tense = tables["tense"]
        self.past = frozenset(tense["past"])
        self.future = frozenset(tense["future"])
        # multi-word cues by first word; past phrases first so "skal ha" wins over "skal"
        self.phrases_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, name in (("past_phrases", "past"), ("future_phrases", "future")):
            for p in sorted(tense[key], key=lambda p: -len(p.split())):
                words = tuple(p.split())
                self.phrases_by_first.setdefault(words[0], []).append((words, name))
        self.past_endings = tuple(tense["past_endings"])
        self.pronouns = frozenset(tense["pronouns"])
        self.not_verbs = frozenset(tense["not_verbs"])
        self.reporting = frozenset(tense["reporting_verbs"])
        self.subjects = frozenset(tables["subject_pronouns"])
        self.followers = frozenset(tables["clause_followers"])
        self.verb_endings = tuple(tables["relative_verb_endings"])
        self.weekday_roots = tuple(sorted(tables["weekday"], key=len, reverse=True))

    def __getitem__(self, table: str) -> Any:
        return self.tables[table]

    def lookup(self, table: str, surface: str) -> Any:
        """Value of ``surface`` in a mapping table (KeyError if absent)."""
        return self.tables[table][norm(surface)]


def _phrase_regex(phrase: str) -> str:
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _factored(keys: list[str]) -> str:
    """Alternation of phrases grouped by first word (a one-level trie: each word is tried once),
    longest first within a group so the longest phrase at a position wins."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        first, _, rest = k.partition(" ")
        groups.setdefault(first, []).append(rest.strip())
    parts = []
    for first in sorted(groups, key=lambda w: (-len(w), w)):
        tails = sorted({r for r in groups[first] if r}, key=lambda r: (-len(r), r))
        head = re.escape(first)
        if not tails:
            parts.append(head)
            continue
        optional = "?" if "" in groups[first] else ""
        parts.append(f"{head}(?:\\s+(?:{'|'.join(_phrase_regex(r) for r in tails)})){optional}")
    return "|".join(parts)


def _alternation(table: str, keys: list[str], case_sensitive: set[str], capitalisable: set[str]) -> str:
    keys = sorted(keys, key=lambda k: (-len(k), k))
    if table in capitalisable:
        parts = [f"[{k[0]}{k[0].upper()}]{_phrase_regex(k)[len(re.escape(k[0])):]}" for k in keys]
        return "(?-i:" + "|".join(parts) + ")"
    body = _factored(keys)
    return f"(?-i:{body})" if table in case_sensitive else f"(?:{body})"


def _expand(template: str, alternations: dict[str, str], fragments: dict[str, str]) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in fragments:
            return _expand(fragments[name], alternations, fragments)
        if name in alternations:
            return alternations[name]
        raise KeyError(f"patterns.yaml: unknown placeholder {{{name}}}")

    return _PLACEHOLDER.sub(sub, template)


def _starts(items: list[str], tables: dict[str, Any]) -> frozenset[str]:
    """First words of the listed tables' keys, plus literal words."""
    words: set[str] = set()
    for item in items:
        table = tables.get(item) if item not in ("#",) else None
        if isinstance(table, dict | list):
            words.update(str(k).split()[0] for k in table)
        else:
            words.add(norm(item))
    return frozenset(words)


def _read(name: str) -> dict[str, Any]:
    with (HERE / name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon and compiled patterns (built once per process)."""
    tables = _read("lexicon.yaml")
    spec = _read("patterns.yaml")
    case_sensitive = set(tables.get("case_sensitive", []))
    capitalisable = set(tables.get("capitalisable", []))
    alternations: dict[str, str] = {}
    for name, table in tables.items():
        if isinstance(table, dict) and name != "tense":
            tables[name] = {norm(str(k)): v for k, v in table.items()}
            alternations[name] = _alternation(name, [str(k) for k in table], case_sensitive, capitalisable)
        elif isinstance(table, list) and name not in ("case_sensitive", "capitalisable"):
            tables[name] = [norm(str(k)) for k in table]
            alternations[name] = _alternation(name, [str(k) for k in table], case_sensitive, capitalisable)
    fragments = spec.get("fragments", {})
    patterns = [
        Pattern(p["id"], p["handler"], int(p.get("priority", 0)),
                re.compile(_expand(p["regex"], alternations, fragments), re.IGNORECASE | re.VERBOSE),
                _starts(p["starts"], tables))
        for p in spec["patterns"]
    ]
    return Lexicon(tables, patterns, alternations)
