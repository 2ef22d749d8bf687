#!/usr/bin/env python3
"""List event-level disagreements between a system JSONL file and a gold directory.

Uses the matching rules of ``../shared/eval/score.py`` (imported from ``--scorer``) and prints,
per matched event, each field the scorer counts as wrong (actor, recipient, location, date
overlap), then missed gold events and extra system events.

usage: python eval/errors.py GOLD_DIR SYSTEM.jsonl [--month-only]
           [--field actor|recipient|location|date|missed|extra]
"""
from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
from typing import Any

DEFAULT_SCORER = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "score.py")


def load_scorer(path: str) -> Any:
    """Import score.py as a module."""
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def short(value: Any) -> str:
    """One-line rendering of an actor, place or date."""
    if not value:
        return "-"
    if "start" in value and "end" in value and "text" not in value:
        return f"{value.get('start')}..{value.get('end')}"
    keys = ("text", "name", "country", "sector", "geonameid", "start", "end")
    return " ".join(f"{k}={value[k]}" for k in keys if value.get(k) is not None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir")
    parser.add_argument("system")
    parser.add_argument("--month-only", action="store_true")
    parser.add_argument("--field", action="append")
    parser.add_argument("--scorer", default=DEFAULT_SCORER)
    args = parser.parse_args()
    sc = load_scorer(args.scorer)
    fields = set(args.field or ["actor", "recipient", "location", "date", "missed", "extra"])
    system = {}
    with open(args.system, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                system[doc.get("id")] = doc
    for path in sorted(glob.glob(os.path.join(args.gold_dir, "*", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
        doc = system.get(gold["id"], {})
        text, sev, used = doc.get("text"), list(doc.get("events") or []), set()
        for ge in gold["events"]:
            match = next((i for i, se in enumerate(sev) if i not in used and sc.ev_match(se, ge, text)), None)
            if match is None:
                if "missed" in fields:
                    print(f"{gold['id']} MISSED {ge['type']} '{ge['trigger']}' | {ge['sentence_start'][:70]}")
                continue
            used.add(match)
            se = sev[match]
            head = f"{gold['id']} {ge['type']} '{ge['trigger']}'"
            for key in ("actor", "recipient"):
                if key in fields and not sc.same_actor(se.get(key), ge.get(key)):
                    print(f"{head} {key.upper()}: sys[{short(se.get(key))}] gold[{short(ge.get(key))}]")
            if "location" in fields and not sc.same_place(se.get("location"), ge.get("location")):
                print(f"{head} LOCATION: sys[{short(se.get('location'))}] gold[{short(ge.get('location'))}]")
            gd = ge.get("date_month_only") if args.month_only else ge.get("date")
            if "date" in fields and not sc.date_overlap(se, gd):
                print(f"{head} DATE: sys[{short(se.get('date'))}] gold[{short(gd)}]")
        if "extra" in fields:
            for i, se in enumerate(sev):
                if i not in used:
                    sent = sc.sent_text(se, text)[:70]
                    print(f"{gold['id']} EXTRA {se.get('type')} '{sc.trig_text(se)}' | {sent}")


if __name__ == "__main__":
    main()
