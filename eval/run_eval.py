#!/usr/bin/env python3
"""Rebuild a gold set's texts, extract them with the shipped pipeline and score them.

usage: python eval/run_eval.py [--gold eval/dev] [--out build/dev] [--sets A,B,D] [--json]

Runs ``eval/build_dev_corpus.py`` for the gold directory, ``hending extract`` on the
publication-date and the header-month versions, and ``../shared/eval/score.py`` on both (the
second with ``--month-only``), for all sets together and for each set alone. Prints one Markdown
table (or JSON). The held-out set is scored the same way with ``--gold eval/heldout --out
build/heldout``; it is for reporting only (see eval/README.md).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORER = os.path.join(ROOT, "..", "shared", "eval", "score.py")
ROWS = (
    ("typed event P / R / F1", "event_p_r_f1"),
    ("actor accuracy", "actor_acc"),
    ("recipient accuracy", "recipient_acc"),
    ("location accuracy", "location_acc"),
    ("date overlap", "date_overlap_acc"),
    ("date exact", "date_exact_acc"),
    ("matched events", "matched_events"),
    ("time detection F1", "time_detect_p_r_f1"),
    ("time value accuracy", "time_value_acc"),
    ("place F1", "place_p_r_f1"),
)


def run(cmd: list[str]) -> str:
    """Run a command from the repository root; fail loudly."""
    return subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout


def score(gold: str, system: str, month_only: bool) -> dict:
    """score.py's result for one gold directory."""
    out = run([sys.executable, SCORER, gold, system, "--json"] + (["--month-only"] if month_only else []))
    return json.loads(out)


def subset(gold: str, sets: list[str], tmp: str) -> str:
    """A gold directory holding only ``sets`` (symbolic links)."""
    path = os.path.join(tmp, "+".join(sets))
    os.makedirs(path, exist_ok=True)
    for name in sets:
        os.symlink(os.path.abspath(os.path.join(gold, name)), os.path.join(path, name))
    return path


def cell(value: object) -> str:
    if isinstance(value, list):
        return " / ".join(f"{v:.3f}" for v in value)
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default="eval/dev")
    parser.add_argument("--out", default="build/dev")
    parser.add_argument("--sets", help="comma-separated sets to report alone (default: every set)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    gold = os.path.join(ROOT, args.gold)
    out = os.path.join(ROOT, args.out)
    run([sys.executable, "eval/build_dev_corpus.py", "--manifest-dir", args.gold, "--out", args.out])
    hending = os.path.join(os.path.dirname(sys.executable), "hending")
    systems = {}
    for mode in ("published", "month"):
        system = os.path.join(out, f"system-{mode}.jsonl")
        run([hending, "extract", os.path.join(out, f"dev-{mode}.jsonl"), "-o", system, "-q"])
        systems[mode] = system
    sets = args.sets.split(",") if args.sets else sorted(
        os.path.basename(p) for p in glob.glob(os.path.join(gold, "*")) if os.path.isdir(p)
    )
    results: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        groups = {"+".join(sets): sets, **({s: [s] for s in sets} if len(sets) > 1 else {})}
        for label, members in groups.items():
            g = subset(gold, members, tmp)
            results[label] = {
                "published": score(g, systems["published"], False),
                "month": score(g, systems["month"], True),
            }
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    labels = list(results)
    print("| measure | " + " | ".join(f"{lab} (pub / month)" for lab in labels) + " |")
    print("|---|" + "---|" * len(labels))
    docs = " | ".join(str(results[lab]["published"]["docs"]) for lab in labels)
    print(f"| documents | {docs} |")
    for name, key in ROWS:
        cells = []
        for lab in labels:
            a, b = results[lab]["published"][key], results[lab]["month"][key]
            cells.append(cell(a) if a == b else f"{cell(a)} ({cell(b)})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
