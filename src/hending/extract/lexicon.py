"""Load, validate and index the extraction lexicons (YAML data files beside this module).

Forms are generated from lemmas and stems for both written standards, so the YAML files list
lemmas, not every inflected form; compounds are split against the indexes (longest known
suffix, hyphenated prefixes), so the files list parts, not every compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

import yaml

TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
SECTORS = ("GOV", "MIL", "COP", "REB", "OPP", "PTY", "CVL", "JRN", "REF", "MED", "IGO", "BUS", "UNK")
FILES = ("triggers", "actors", "sectors", "attribution", "modality", "courts")
LINKS = ("s", "e", "-")


class LexiconError(ValueError):
    """A lexicon file that breaks its schema."""


def read_yaml(name: str) -> dict:
    """One lexicon file of this package as a dict."""
    text = resources.files("hending.extract").joinpath(f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise LexiconError(f"{name}.yaml: expected a mapping at the top")
    return data


# ------------------------------------------------------------------ inflection


def weak_verb_forms(lemma: str, cls: str) -> set[str]:
    """Forms of a weak verb in both standards (class a, te, de, dde or ere)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, stem + "er", stem + "es", stem + "ast", stem + "ende", stem + "ande"}
    if cls == "a":
        forms |= {stem + "ar", stem + "et", stem + "a", stem + "ete", stem + "ede"}
    elif cls == "te":
        short = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
        forms |= {short + "te", short + "t", short + "tes", stem + "ast"}
    elif cls == "de":
        forms |= {stem + "de", stem + "d", stem + "dde", stem + "dd"}
    elif cls == "dde":
        forms = {lemma, lemma + "r", lemma + "dde", lemma + "dd", lemma + "s", lemma + "ast"}
    elif cls == "ere":
        forms |= {stem + "te", stem + "t", stem + "tes"}
    else:
        raise LexiconError(f"verb {lemma!r}: unknown class {cls!r}")
    return forms


def noun_forms(stem: str, plural_only: bool = False) -> set[str]:
    """A superset of the inflected forms of a noun stem (nb and nn), genitives included."""
    base = stem[:-1] if stem.endswith("e") else stem
    plural = {
        base + "er",
        base + "ene",
        base + "ar",
        base + "ane",
        base + "a" if stem.endswith("e") else stem + "a",
    }
    if stem.endswith("e"):
        plural |= {stem + "r", stem + "ne"}
    else:
        plural |= {stem + "e", stem + "ne", stem + "er", stem + "ene", stem + "ane"}
    forms = set(plural)
    if not plural_only:
        forms |= (
            {stem, stem + "n", stem + "t"}
            if stem.endswith("e")
            else {stem, stem + "en", stem + "et", stem + "a"}
        )
        if stem.endswith("e"):
            forms |= {base + "a", base + "en", base + "et"}
    forms |= {f + "s" for f in forms if not f.endswith("s")}
    return forms


def adjective_forms(stem: str) -> set[str]:
    """An adjective's forms: russisk, russiske (and -t for neuter where it applies)."""
    return {stem, stem + "e", stem + "t"} if not stem.endswith("sk") else {stem, stem + "e"}


def alternatives(spec: str) -> frozenset[str]:
    """A ``with`` item: ``"a|b"`` -> {"a", "b"}."""
    return frozenset(p.strip().lower() for p in spec.split("|") if p.strip())


# ------------------------------------------------------------------ entries


@dataclass(frozen=True)
class Trigger:
    """One trigger entry: a verb pattern or an event noun."""

    kind: str  # "verb" | "noun"
    lemma: str
    type: str
    mode: str | None = None
    acled: str | None = None
    with_: tuple[frozenset[str], ...] = ()
    needs: frozenset[str] = frozenset()
    metaphor: str | None = None
    verbal: str | None = None
    territory: str | None = None
    upgrade: dict | None = field(default=None, hash=False, compare=False)
    compound: bool = False
    window: int = 5
    exclude: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    civil: str | None = None
    implied: str | None = None


@dataclass(frozen=True)
class Country:
    code3: str
    code2: str
    name: str
    adj_en: str


@dataclass(frozen=True)
class Org:
    name: str
    sector: str
    country: str | None
    person: bool = False


@dataclass(frozen=True)
class SectorNoun:
    stem: str
    sector: str
    en: str
    state: bool = False
    generic: bool = False
    group: bool = False
    person: bool = False
    head_only: bool = False
    armed_group: bool = False
    country: str | None = None  # demonyms: "nordmenn" are Norway's people
    home: bool = False  # unqualified, Norway's: "statsministeren"
    named_only: bool = False  # refers back only to an organisation named with it ("rådet")


# ------------------------------------------------------------------ the lexicon


class Lexicon:
    """All extraction lexicons, validated and indexed for lookup by lower-cased token text."""

    def __init__(self, data: dict[str, dict]) -> None:
        self.data = data
        validate(data)
        t, a, s = data["triggers"], data["actors"], data["sectors"]
        # courts: "Sogn tingrett(s|en)" -> the town it sits in
        self.courts: list[tuple[re.Pattern[str], dict]] = [
            (
                re.compile(r"\b(?:" + "|".join(re.escape(n) for n in c["names"]) + r")(?:s|en|ens)?\b"),
                {"name": c["seat"], "geonameid": c["geonameid"], "country": "NO", "lat": c["lat"],
                 "lon": c["lon"], "feature": "city", "role": "place"},
            )
            for c in data["courts"].get("courts", [])
        ]
        self.strong: dict[str, list[str]] = {k: [f.lower() for f in v] for k, v in t["strong"].items()}
        self.verb_index: dict[str, list[Trigger]] = {}
        self.verb_lemmas: dict[str, list[Trigger]] = {}
        for entry in t["verbs"]:
            trig = self._trigger("verb", entry)
            for lemma in [entry["lemma"], *entry.get("nn", [])]:
                self.verb_lemmas.setdefault(lemma, []).append(trig)
                for form in self._verb_forms(lemma, entry):
                    self.verb_index.setdefault(form, []).append(trig)
        for entries in self.verb_index.values():  # longer patterns first, file order kept
            entries.sort(key=lambda e: -len(e.with_))
        self.noun_index: dict[str, list[Trigger]] = {}
        self.noun_heads: dict[str, Trigger] = {}
        for entry in t["nouns"]:
            trig = self._trigger("noun", entry)
            for stem in [entry["stem"], *entry.get("nn", [])]:
                forms = noun_forms(stem) | {f.lower() for f in entry.get("forms", [])}
                for form in forms:
                    self.noun_index.setdefault(form, []).append(trig)
                    if trig.compound:
                        self.noun_heads.setdefault(form, trig)
        # deverbal nouns ("derived_nouns"): each takes its verb's plain entry and needs participants
        self.derived_nouns: dict[str, Trigger] = {}
        for item in t.get("derived_nouns", []):
            plain = [e for e in self.verb_lemmas.get(item["verb"], []) if not e.with_]
            if not plain:
                raise LexiconError(f"triggers.yaml derived_nouns: no plain verb entry for {item['verb']!r}")
            entry = plain[0]
            for stem in item["nouns"]:
                derived = replace(entry, kind="noun", lemma=stem, needs=frozenset({"participants"}),
                                  unless=frozenset())
                for form in noun_forms(stem):
                    if form not in self.noun_index:
                        self.derived_nouns.setdefault(form, derived)
        self.prefix_modes: dict[str, str | None] = t.get("prefix_modes", {})
        self.mode_acled: dict[str, str] = t.get("mode_acled", {})
        self.support_forms: set[str] = set()
        for entry in t.get("support_verbs", []):
            self.support_forms |= self._verb_forms(entry["lemma"], entry)
        self.violence_words = {w.lower() for w in t.get("violence_words", [])}
        self.sports_words = {w.lower() for w in t.get("sports_words", [])}
        self.verb_tag_required = {w.lower() for w in t.get("verb_tag_required", [])}
        self.aid_words = {w.lower() for w in t.get("aid_words", [])}
        self.implied_actors: dict[str, dict] = t.get("implied_actors", {})
        self.object_modes: dict[str, list] = {k.lower(): v for k, v in t.get("object_modes", {}).items()}
        # every generated noun form: verb forms equal to one need a verb tag to count as verbs
        self.noun_forms_all = set(self.noun_index)
        # actors
        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, Country] = {}
        self.country_adjs: dict[str, Country] = {}
        for code3, code2, name, adj_en, names, adjs in a["countries"]:
            c = Country(code3, str(code2), name, adj_en)
            self.countries[code3] = c
            for n in names:
                low = n.lower()
                self.country_names[low] = c
                self.country_names[low + "s"] = c
            for stem in adjs:
                for f in adjective_forms(stem.lower()):
                    self.country_adjs[f] = c
        self.by_code2 = {c.code2: c for c in self.countries.values()}
        self.phrases: dict[str, list[tuple[tuple[str, ...], Org, bool]]] = {}
        self.orgs_by_name: dict[str, Org] = {}
        for entry in a.get("organisations", []):
            org = Org(entry["name"], entry["sector"], entry.get("country"))
            self.orgs_by_name[org.name] = org
            for alias in {entry["name"], *entry["aliases"]}:
                self._add_phrase(alias, org)
        self.party_abbreviations: dict[str, Org] = {
            abbr: self.orgs_by_name[name] for abbr, name in a.get("party_abbreviations", {}).items()
        }
        for entry in a.get("leaders", []):
            org = Org(entry["name"], entry["sector"], entry.get("country"), person=True)
            for alias in {entry["name"], *entry["aliases"]}:
                self._add_phrase(alias, org)
        self.proposal_nouns = {w.lower() for w in a.get("proposal_nouns", [])}
        self.ethnic_adjs: dict[str, str] = {}
        for stem, en in a.get("ethnic_adjectives", {}).items():
            for f in adjective_forms(stem.lower()):
                self.ethnic_adjs[f] = en
        # sector nouns
        self.sector_forms: dict[str, SectorNoun] = {}
        self.sector_stems: dict[str, SectorNoun] = {}
        for entry in s["nouns"]:
            sn = SectorNoun(
                entry["stem"],
                entry["sector"],
                entry["en"],
                entry.get("state", False),
                entry.get("generic", False),
                entry.get("group", False),
                entry.get("person", False),
                entry.get("head_only", False),
                entry.get("armed_group", False),
                None,
                entry.get("home", False),
                entry.get("named_only", False),
            )
            for stem in [entry["stem"], *entry.get("nn", [])]:
                self.sector_stems[stem.lower()] = sn
                forms = noun_forms(stem.lower(), entry.get("plural_only", False))
                forms |= {f.lower() for f in entry.get("forms", [])}
                for form in forms:
                    self.sector_forms.setdefault(form, sn)
        for code3, words in s.get("demonyms", {}).items():
            demonym = SectorNoun(words[0].lower(), "CVL", "people", country=code3)
            for w in words:
                self.sector_forms[w.lower()] = demonym
                self.sector_forms.setdefault(w.lower() + "s", demonym)
        self.sector_prefixes: dict[str, str] = s.get("prefixes", {})
        self.backer_heads = {w.lower() for w in s.get("backer_heads", [])}
        self.bad_prefixes = {w.lower() for w in s.get("bad_prefixes", [])}
        self.place_anaphors = {w.lower() for w in s.get("place_anaphors", [])}
        self.pronouns = {k: {w.lower() for w in v} for k, v in s.get("pronouns", {}).items()}
        att = data["attribution"]
        self.say_forms: dict[str, str] = {}
        for lemma, forms in att["say_verbs"].items():
            for f in forms:
                self.say_forms[f.lower()] = lemma
        self.according_to = {w.lower() for w in att.get("according_to", [])}
        self.source_stops = set(att.get("source_stops", []))
        self.quote_dashes = tuple(att.get("quote_dashes", ["–"]))
        self.modality = data["modality"]

    # -- construction helpers
    def _trigger(self, kind: str, e: dict) -> Trigger:
        return Trigger(
            kind,
            e.get("lemma") or e.get("stem"),
            e["type"],
            e.get("mode"),
            e.get("acled"),
            tuple(alternatives(w) for w in e.get("with", [])),
            frozenset(e.get("needs", [])),
            e.get("metaphor"),
            e.get("verbal"),
            e.get("territory"),
            e.get("upgrade"),
            bool(e.get("compound", False)),
            int(e.get("window", 5)),
            frozenset(x.lower() for x in e.get("exclude", [])),
            frozenset(x.lower() for x in e.get("unless", [])),
            e.get("civil"),
            e.get("implied"),
        )

    def _verb_forms(self, lemma: str, e: dict) -> set[str]:
        forms = {f.lower() for f in e.get("forms", [])}
        if "base" in e:
            base = e["base"]
            if base not in self.strong:
                raise LexiconError(f"verb {lemma!r}: base {base!r} is not in strong:")
            if not lemma.endswith(base):
                # a Nynorsk lemma of the same verb may spell the prefix differently (øydelegge)
                prefix = lemma[: len(lemma) - len(base)] if lemma.endswith(base[-3:]) else ""
            else:
                prefix = lemma[: len(lemma) - len(base)]
            forms |= {prefix + f for f in self.strong[base]}
        elif "class" in e:
            forms |= weak_verb_forms(lemma, e["class"])
        elif lemma in self.strong:
            forms |= set(self.strong[lemma])
        forms.add(lemma)
        return forms

    def _add_phrase(self, alias: str, org: Org) -> None:
        toks = tuple(alias.replace("-", " - ").split()) if " " in alias else (alias,)
        # aliases with capitals after the first letter (IS, FrP) or short ones match case-sensitively
        exact = any(ch.isupper() for ch in alias[1:]) or len(alias) <= 3
        key = toks[0] if exact else toks[0].lower()
        self.phrases.setdefault(key, []).append(
            (toks if exact else tuple(x.lower() for x in toks), org, exact)
        )
        for lst in self.phrases.values():
            lst.sort(key=lambda p: -len(p[0]))

    # -- lookups
    def lookup_alias(self, word: str) -> Org | None:
        """A one-token alias (exact for acronyms, else case-insensitive), genitive -s allowed."""
        for w in (word, word[:-1] if word.endswith("s") and len(word) >= 3 else None):
            if not w:
                continue
            for key, exact in ((w, True), (w.lower(), False)):
                for toks, org, ex in self.phrases.get(key, []):
                    if len(toks) == 1 and ex == exact and (toks[0] == (w if exact else w.lower())):
                        return org
        return None

    def split(self, word: str, heads: dict, min_head: int = 3, min_prefix: int = 2) -> tuple[str, str] | None:
        """Split a compound into (prefix, head) at its longest known head; hyphens split first."""
        low = word.lower()
        if "-" in low.strip("-"):
            cut = word.rfind("-")
            head = low[cut + 1 :]
            if head in heads:
                return word[:cut], head
        for i in range(min_prefix, len(low) - min_head + 1):
            if low[i:] in heads:
                return word[:i], low[i:]
        return None

    def prefix_variants(self, prefix: str) -> list[str]:
        """A compound prefix and its forms without a linking letter (regjerings -> regjering)."""
        p = prefix.rstrip("-")
        out = [p]
        low = p.lower()
        for link in LINKS:
            if low.endswith(link) and len(low) > 2:
                out.append(p[: -len(link)])
        return out

    def analyse_prefix(self, prefix: str) -> dict | None:
        """What a compound prefix names: an organisation, a country, a sector or a mode."""
        for p in self.prefix_variants(prefix):
            org = self.lookup_alias(p)
            if org:
                return {"org": org}
            low = p.lower()
            if low in self.country_adjs:
                return {"country": self.country_adjs[low], "adj": True}
            if low in self.country_names:
                return {"country": self.country_names[low]}
            if low in self.sector_prefixes:
                return {"sector": self.sector_prefixes[low]}
            if low in self.sector_stems:
                return {"sector": self.sector_stems[low].sector, "noun": self.sector_stems[low]}
        return None

    def prefix_mode(self, prefix: str) -> tuple[bool, str | None]:
        """(known, mode) for an attack-compound prefix (luft -> aerial)."""
        for p in self.prefix_variants(prefix):
            if p.lower() in self.prefix_modes:
                return True, self.prefix_modes[p.lower()]
        return False, None


def validate(data: dict[str, dict]) -> None:
    """Check every file against its schema; raise :class:`LexiconError` on the first problem."""
    for name in FILES:
        if name not in data:
            raise LexiconError(f"missing lexicon {name}.yaml")
    t = data["triggers"]
    if tuple(t.get("types", ())) != TYPES:
        raise LexiconError("triggers.yaml: types must list the 16 PLOVER types in order")
    for kind in ("verbs", "nouns"):
        for e in t[kind]:
            key = "lemma" if kind == "verbs" else "stem"
            if key not in e or "type" not in e:
                raise LexiconError(f"triggers.yaml {kind}: entry without {key}/type: {e}")
            for typ in (e["type"], e.get("metaphor"), e.get("verbal"), e.get("civil")):
                if typ is not None and typ not in TYPES:
                    raise LexiconError(f"triggers.yaml: unknown type {typ!r} in {e}")
            if (
                kind == "verbs"
                and not ({"class", "base", "forms"} & set(e))
                and e["lemma"] not in t["strong"]
            ):
                raise LexiconError(f"triggers.yaml: verb {e['lemma']!r} needs class, base or forms")
            up = e.get("upgrade")
            if up and up.get("type") not in TYPES:
                raise LexiconError(f"triggers.yaml: bad upgrade type in {e}")
    for mode, acled in t.get("mode_acled", {}).items():
        if acled.count("/") < 1:
            raise LexiconError(f"triggers.yaml mode_acled {mode}: expected 'event_type/sub_event_type'")
    for court in data["courts"].get("courts", []):
        if not court.get("names") or not isinstance(court.get("geonameid"), int):
            raise LexiconError(f"courts.yaml: a court needs names and an integer geonameid: {court}")
    s = data["sectors"]
    if tuple(s.get("sectors", ())) != SECTORS:
        raise LexiconError("sectors.yaml: sectors must list the 13 PLOVER sectors in order")
    for e in s["nouns"]:
        if e.get("sector") not in SECTORS:
            raise LexiconError(f"sectors.yaml: bad sector in {e}")
    codes = {row[0] for row in data["actors"]["countries"]}
    for code3 in s.get("demonyms", {}):
        if code3 not in codes:
            raise LexiconError(f"sectors.yaml demonyms: unknown country {code3}")
    for k, v in s.get("prefixes", {}).items():
        if v not in SECTORS:
            raise LexiconError(f"sectors.yaml prefixes: bad sector for {k}")
    a = data["actors"]
    seen3: set[str] = set()
    for row in a["countries"]:
        if len(row) != 6 or len(row[0]) != 3 or len(str(row[1])) != 2:
            raise LexiconError(f"actors.yaml countries: bad row {row}")
        if row[0] in seen3:
            raise LexiconError(f"actors.yaml countries: duplicate {row[0]}")
        seen3.add(row[0])
    for key in ("organisations", "leaders"):
        for e in a.get(key, []):
            if e.get("sector") not in SECTORS or not e.get("aliases"):
                raise LexiconError(f"actors.yaml {key}: bad entry {e}")
            if e.get("country") is not None and e["country"] not in seen3:
                raise LexiconError(f"actors.yaml {key}: unknown country {e['country']} in {e['name']}")
    names = {e["name"] for e in a.get("organisations", [])}
    for abbr, name in a.get("party_abbreviations", {}).items():
        if name not in names:
            raise LexiconError(f"actors.yaml party_abbreviations: {abbr} names no organisation {name!r}")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The package's lexicons, loaded once."""
    return Lexicon({name: read_yaml(name) for name in FILES})
