"""Event location: a resolved place from places[] in the event's clause, or "byen" referring
back to the story's last place."""

from __future__ import annotations

PLACE_PREPS = {
    "i",
    "ved",
    "nær",
    "nord",
    "sør",
    "øst",
    "vest",
    "utenfor",
    "utanfor",
    "rundt",
    "mot",
    "inn",
    "fra",
    "frå",
    "til",
    "over",
    "gjennom",
    "på",
    "nordøst",
    "nordvest",
    "sørøst",
    "sørvest",
}
NOT_TOWNS = {"country", "region", "continent", "admin", "adm1", "adm2", "pcli", "cont", "water", "sea"}
PLACE_FIELDS = ("geonameid", "name", "country", "lat", "lon", "feature", "role", "qualifier")


def _as_location(
    place: dict, text: str | None = None, start: int | None = None, end: int | None = None
) -> dict:
    loc = {k: place.get(k) for k in PLACE_FIELDS if k in place}
    loc["text"] = place.get("text") if text is None else text
    loc["start"] = place.get("start") if start is None else start
    loc["end"] = place.get("end") if end is None else end
    loc.setdefault("qualifier", None)
    return loc


def locate(
    places: list[dict],
    seg: tuple[int, int],
    sent: tuple[int, int],
    trig: tuple[int, int],
    excluded: list[tuple[int, int]],
    anaphors: list[tuple[int, int, str]],
) -> dict | None:
    """The place of an event: in its segment (nearest after the trigger, then before), else in its
    sentence, else a place anaphor ("byen") in its segment resolved to the last place before it."""

    def ok(p: dict) -> bool:
        return not any(p["start"] < e and s < p["end"] for s, e in excluded)

    in_sent = [p for p in places if sent[0] <= p.get("start", -1) < sent[1] and ok(p)]
    in_seg = [p for p in in_sent if seg[0] <= p["start"] < seg[1]]
    after = [p for p in in_seg if p["start"] >= trig[1]]
    if after:
        return _as_location(min(after, key=lambda p: p["start"]))
    if in_seg:
        return _as_location(max(in_seg, key=lambda p: p["start"]))
    for s, e, text in anaphors:
        if seg[0] <= s < seg[1] and not any(s < xe and xs < e for xs, xe in excluded):
            before = [
                p
                for p in places
                if p.get("end", 0) <= s
                and p.get("geonameid") is not None
                and str(p.get("feature") or "city").lower() not in NOT_TOWNS
            ]
            if before:
                return _as_location(before[-1], text, s, e)
    if in_sent:
        return _as_location(min(in_sent, key=lambda p: abs(p["start"] - trig[0])))
    return None
