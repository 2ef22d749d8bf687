"""Gazetteer: loads the shipped GeoNames index plus ``exonyms.yaml`` and answers name look-ups."""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
INDEX_PATH = HERE / "gazetteer.tsv.gz"
EXONYMS_PATH = HERE / "exonyms.yaml"

_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")
_QUOTES = re.compile(r"[\u2018\u2019\u02bc\u00b4`]")
_SPACES = re.compile(r"\s+")

# where a candidate came from; scoring weights per source live in weights.yaml
PINNED, EXONYM, COUNTRY, REGION, ADMIN, CITY_NAME, CITY_ALT = (
    "pinned", "exonym", "country", "region", "admin", "city_name", "city_alt")
_SOURCE_RANK = {PINNED: 0, EXONYM: 1, COUNTRY: 2, REGION: 3, ADMIN: 4, CITY_NAME: 5, CITY_ALT: 6}
# an ISO subdivision yields to a same-country populated place of exactly its name at least this big
# ("Oslo", "Berlin", "Kabul" are cities; "Oklahoma" stays the state despite two villages in Pennsylvania)
ADMIN_YIELDS_TO_CITY_POP = 10000


def genitive_stem(surface: str) -> str | None:
    """"Syrias" -> "Syria", "Honduras'" -> "Honduras"; None when ``surface`` cannot be a genitive."""
    if len(surface) < 4:
        return None
    if surface[-1] in "'’":
        return surface[:-1]
    if surface[-1] == "s" and surface[-2] != "s":
        return surface[:-1]
    return None


def normalise(name: str) -> str:
    """Lookup key: NFC, casefolded, unified dashes/apostrophes, single spaces."""
    name = unicodedata.normalize("NFC", name)
    name = _QUOTES.sub("'", _DASHES.sub("-", name))
    return _SPACES.sub(" ", name).strip().casefold()


def _iso(value: Any) -> str | None:
    """Validate an ISO alpha-2 code from YAML (catches unquoted ``NO`` parsed as False)."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) != 2:
        raise ValueError(f"bad country code in exonyms.yaml: {value!r} (quote NO as \"NO\")")
    return value


def _load_yaml(path: Path) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader) or {}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolvable place: a GeoNames populated place, a country, or a YAML region (geonameid None)."""

    geonameid: int | None
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    feature: str
    population: int = 0
    admin1: str = ""
    capital: bool = False

    @property
    def ident(self) -> str:
        """Stable identity (geonameid, or the region's name for id-less areas)."""
        return str(self.geonameid) if self.geonameid is not None else f"region:{self.name}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a surface name and how it was matched (see ``_SOURCE_RANK``)."""

    place: Place
    source: str


class Gazetteer:
    """Name -> candidate places index built from ``gazetteer.tsv.gz`` and ``exonyms.yaml``."""

    def __init__(self, index_path: Path = INDEX_PATH, exonyms_path: Path = EXONYMS_PATH) -> None:
        self._rows: list[str] = []
        self._row_gid: list[int] = []
        self._row_cc: list[str] = []
        self._by_gid: dict[int, int] = {}
        self._names: dict[str, int | tuple[int, ...]] = {}
        self._place_cache: dict[int, Place] = {}
        self.countries: dict[str, Place] = {}
        self._country_names: dict[str, set[str]] = {}
        self._country_gids: dict[int, str] = {}
        self._capitals: dict[int, str] = {}  # capital geonameid -> ISO
        self._city_states: dict[str, int] = {}  # ISO -> capital geonameid (Monaco, Vatican City)
        self._admin: dict[str, list[Place]] = {}
        self._load_index(index_path)
        self._load_exonyms(exonyms_path)

    # ------------------------------------------------------------------ loading
    def _load_index(self, path: Path) -> None:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            lines = f.read().split("\n")
        names = self._names
        rows, row_gid, row_cc, by_gid = self._rows, self._row_gid, self._row_cc, self._by_gid
        cc = ""
        gid = 0
        for line in lines:
            if not line or line.startswith("##"):
                continue
            first = line[0]
            if first == "#":
                cc = line[1:]
                gid = 0
                continue
            if first == "@":
                self._add_country(line)
                continue
            if first == "%":
                self._add_subdivision(line)
                continue
            parts = line.split("\t")
            gid += int(parts[0])
            row = len(rows)
            rows.append(line)
            row_gid.append(gid)
            row_cc.append(cc)
            by_gid[gid] = row
            keys = {parts[1].casefold()}
            if parts[6]:
                keys.update(a.casefold() for a in parts[6].split("|"))
            for key in keys:
                prev = names.get(key)
                if prev is None:
                    names[key] = row
                elif type(prev) is int:
                    names[key] = (prev, row)
                else:
                    names[key] = prev + (row,)

    def _add_country(self, line: str) -> None:
        _, iso, gid, name, lat, lon, pop, forms, capital, city_state = line.split("\t")
        place = Place(int(gid), name, iso, float(lat) if lat else None, float(lon) if lon else None,
                      "country", int(pop or 0))
        self.countries[iso] = place
        self._country_gids[place.geonameid or 0] = iso
        if capital:
            self._capitals[int(capital)] = iso
            if city_state == "1":
                self._city_states[iso] = int(capital)
        for form in forms.split("|"):
            self._country_names.setdefault(normalise(form), set()).add(iso)

    def _add_subdivision(self, line: str) -> None:
        _, iso, _code, name, lat, lon, forms = line.split("\t")
        place = Place(None, name, iso, float(lat) if lat else None, float(lon) if lon else None, "region")
        for form in forms.split("|"):
            self._admin.setdefault(form, []).append(place)

    def _load_exonyms(self, path: Path) -> None:
        data = _load_yaml(path)
        self._pinned: dict[str, list[Place]] = {}
        self._preferred: dict[str, list[Place]] = {}
        self._regions: dict[str, list[Place]] = {}
        self.missing_exonym_ids: list[int] = []
        for entry in data.get("places", []):
            gid = int(entry["geonameid"])
            place = self.by_geonameid(gid)
            if place is None:
                self.missing_exonym_ids.append(gid)
                continue
            target = self._pinned if entry.get("pin", True) else self._preferred
            for form in entry["forms"]:
                target.setdefault(normalise(form), []).append(place)
        for iso, forms in (data.get("countries") or {}).items():
            iso = _iso(iso)
            if iso not in self.countries:
                continue
            for form in forms:
                self._country_names.setdefault(normalise(form), set()).add(iso)
        for entry in data.get("regions", []):
            place = Place(None, entry["name"], _iso(entry.get("country")), float(entry["lat"]),
                          float(entry["lon"]), entry.get("feature", "region"))
            # a region with pin: true is the only reading of its forms ("Québec" the province, not the city)
            target = self._pinned if entry.get("pin", False) else self._regions
            for form in entry["forms"]:
                target.setdefault(normalise(form), []).append(place)
        self.not_places: frozenset[str] = frozenset(normalise(f) for f in data.get("not_places", []))
        self.demonyms: dict[str, str] = {}
        for iso, stems in (data.get("demonyms") or {}).items():
            for stem in stems:
                self.demonyms[stem.casefold()] = _iso(iso) or ""
        self.area_suffixes: tuple[str, ...] = tuple(s.casefold() for s in data.get("area_suffixes", []))
        strong = set(self._pinned) | set(self._preferred) | set(self._regions) | set(self._country_names)
        self.strong_forms: frozenset[str] = frozenset(strong - self.not_places)
        self.max_form_tokens = max((len(k.split()) for k in self.strong_forms), default=1)

    # ------------------------------------------------------------------ access
    def __len__(self) -> int:
        return len(self._rows)

    def _place(self, row: int) -> Place:
        place = self._place_cache.get(row)
        if place is None:
            parts = self._rows[row].split("\t")
            gid = self._row_gid[row]
            place = Place(gid, parts[1], self._row_cc[row], float(parts[2]), float(parts[3]),
                          "city", int(parts[4] or 0), parts[5], gid in self._capitals)
            self._place_cache[row] = place
        return place

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The populated place or country with this GeoNames id, if known."""
        row = self._by_gid.get(geonameid)
        if row is not None:
            return self._place(row)
        iso = self._country_gids.get(geonameid)
        return self.countries[iso] if iso else None

    def country(self, iso: str) -> Place | None:
        """Country by ISO alpha-2."""
        return self.countries.get(iso)

    def reported_geonameid(self, place: Place) -> int | None:
        """The geonameid to report: the place's own, or for an area (region, island, subdivision) without
        one its country's (GUIDE: "the populated place if there is one, else the country")."""
        if place.geonameid is not None:
            return place.geonameid
        country = self.countries.get(place.country or "")
        return country.geonameid if country is not None else None

    def record(self, place: Place, text: str, start: int, end: int, feature: str, role: str = "place",
               qualifier: dict[str, Any] | None = None,
               point: tuple[float | None, float | None] | None = None) -> dict[str, Any]:
        """The places[] record of a mention of ``place`` (``point``: coordinates other than the place's)."""
        lat, lon = point if point is not None else (place.lat, place.lon)
        return {"text": text, "start": start, "end": end, "geonameid": self.reported_geonameid(place),
                "name": place.name, "country": place.country, "lat": lat, "lon": lon, "feature": feature,
                "role": role, "qualifier": qualifier}

    def is_strong_or_genitive(self, surface: str) -> bool:
        """``is_strong`` for the surface or its genitive stem ("Chiles", "Honduras'")."""
        if self.is_strong(surface):
            return True
        stem = genitive_stem(surface)
        return bool(stem) and self.is_strong(stem) and not self.is_not_place(stem)

    def is_not_place(self, name: str) -> bool:
        """True for organisation acronyms/anaphora listed in ``not_places``."""
        return normalise(name) in self.not_places

    def is_strong(self, name: str) -> bool:
        """True for exonym/country/region forms (safe to accept even when the NER missed them)."""
        return normalise(name) in self.strong_forms

    def lookup(self, name: str) -> list[Candidate]:
        """All readings of ``name`` (exact key, then hyphen/space variants); pinned exonyms exclude others."""
        key = normalise(name)
        if not key or key in self.not_places:
            return []
        for variant in dict.fromkeys((key, key.replace("-", " "), key.replace(" ", "-"))):
            found = self._lookup_key(variant)
            if found:
                return found
        return []

    def _lookup_key(self, key: str) -> list[Candidate]:
        if key in self._pinned:
            return [Candidate(p, PINNED) for p in self._pinned[key]]
        out: dict[str, Candidate] = {}

        def add(place: Place, source: str) -> None:
            old = out.get(place.ident)
            if old is None or _SOURCE_RANK[source] < _SOURCE_RANK[old.source]:
                out[place.ident] = Candidate(place, source)

        for place in self._preferred.get(key, ()):
            add(place, EXONYM)
        for place in self._regions.get(key, ()):
            add(place, REGION)
        for iso in sorted(self._country_names.get(key, ())):
            capital = self._city_states.get(iso)
            add(self.by_geonameid(capital) if capital else self.countries[iso], COUNTRY)  # type: ignore[arg-type]
        if not out:  # curated forms (exonyms, regions, countries) win over ISO names ("Balkan", "Georgia")
            for place in self._admin.get(key, ()):
                add(place, ADMIN)
        big_named: set[str] = set()
        rows = self._names.get(key)
        if rows is not None:
            for row in (rows,) if type(rows) is int else rows:
                place = self._place(row)
                exact = place.name.casefold() == key
                add(place, CITY_NAME if exact else CITY_ALT)
                if exact and place.population >= ADMIN_YIELDS_TO_CITY_POP:
                    big_named.add(place.country or "")
        return [c for c in out.values() if not (c.source == ADMIN and c.place.country in big_named)]


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use)."""
    return Gazetteer()
