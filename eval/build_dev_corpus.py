#!/usr/bin/env python3
"""Rebuild the texts of the Hending development gold set from NorNE/NDT CoNLL files.

The repository keeps only ids, metadata and annotations (``eval/dev/manifest-*.json`` and
``eval/dev/<set>/<NNN>.json``); the news texts themselves are licensed separately and are rebuilt
at run time from a local copy of NorNE (default ``/work/shared/data/norne``, see ``--norne``).

usage:
    python eval/build_dev_corpus.py [--norne DIR] [--out DIR] [--manifest-dir DIR]
    python eval/build_dev_corpus.py --manifest-dir eval/heldout --out build/heldout   # held-out set C
    python eval/build_dev_corpus.py --list-articles [GROUP_PREFIX ...]   # segmentation helper

Outputs (``--out``, default ``build/dev``), one JSON object per line, in manifest order:
    dev-published.jsonl  {"id", "text", "published", "url", "title", "lang"}
    dev-month.jsonl      {"id", "text", "title", "lang"}, text prefixed by "date YYYY-MM\\n"

Which sentences make up a document
----------------------------------
A NorNE ``doc_id`` such as ``ap001_0001`` is NOT one article: ``ap001`` is the source group
("Aftenposten 001" in ``references_newspaper_nob.txt``) and ``_0001`` is the index of a chunk of
about 100 consecutive sentences of that group.  The sentences of a group are the group's files
("File 1", "File 2", ...) concatenated in reference order, each starting with its headline
sentence (the reference ``Title``), then chunked; chunks of one group are divided between the
train/dev/test splits.  A manifest entry therefore names the article by its sentence range:
``sent_start`` / ``sent_end`` (inclusive ``sent_id`` values, in the CoNLL file ``conll``, first
sentence inside chunk ``doc_id``).  Without ``sent_start``/``sent_end`` the whole chunk ``doc_id``
is used.  ``--list-articles`` prints the segmentation of groups into reference files: from the
file's title headline to the sentence before the next boundary (another file's title headline, an
unplaced file's title appearing as a plain sentence such as ``Undertrykt ?``, or a Klassekampen
``Dagens leder`` headline), flagging articles that cross CoNLL files.  Check a listed range by
reading the rebuilt text before using it.

Detokenisation (deterministic)
------------------------------
* Tokens of a sentence are joined with single spaces, except:
  no space before ``, . : ; ! ? ) »`` and closing quotes (``” ’`` and a closing ``"``);
  no space after ``( «`` and opening quotes (``“ ‘`` and an opening ``"``).
  Straight double quotes ``"`` are paired within each sentence: the 1st, 3rd, ... are opening,
  the 2nd, 4th, ... closing.
* A headline sentence (NDT ends it with a ``|`` token tagged ``clb <overskrift>``; the ``|`` token
  is dropped) becomes a paragraph of its own.
* A sentence whose first token is a dash-quote (``-``, ``–`` or ``—``; NDT mostly has ``-``)
  starts a new paragraph; the dash is kept and written as the Norwegian quotation dash ``–``
  (U+2013), followed by a space.
* Otherwise consecutive sentences are joined by a single space within a paragraph.
* Paragraphs are joined by ``\\n\\n``; the text has no trailing newline.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from dataclasses import dataclass, field

DEFAULT_NORNE = "/work/shared/data/norne"
CONLL_FILES = (
    "no_bokmaal-ndt-train.conll",
    "no_bokmaal-ndt-dev.conll",
    "no_nynorsk-ndt-train.conll",
    "no_nynorsk-ndt-dev.conll",
)
REFERENCE_FILES = ("references_newspaper_nob.txt", "references_newspaper_nno.txt")
# doc_id group prefix -> reference group name
GROUP_NAMES = {
    "ap": "Aftenposten",
    "bt": "Bergens Tidende",
    "db": "Dagbladet",
    "kk": "Klassekampen",
    "vg": "Verdens Gang",
    "sp-bm": "Sunnmørsposten-bm",
    "dot": "Dag og Tid",
    "firda-nn": "Firda-nn",
    "kk-nn": "Klassekampen-nn",
    "vtb-nn": "Vest-Telemark Blad-nn",
}

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "»", "”", "’"}
NO_SPACE_AFTER = {"(", "«", "“", "‘"}
DASHES = {"-", "–", "—"}
DOC_RE = re.compile(r"^(?P<prefix>[a-z-]+?)(?P<num>\d{3})(?P<suffix>[a-z]?)_(?P<chunk>\d{4})$")


@dataclass
class Sentence:
    sent_id: str
    doc_id: str
    conll: str
    tokens: list[str] = field(default_factory=list)
    headline: bool = False  # ended by a "|" clb <overskrift> token (dropped from tokens)


def read_conll(path: str) -> list[Sentence]:
    """Read one NDT CoNLL file into sentences (file order kept)."""
    name = os.path.basename(path)
    sents: list[Sentence] = []
    doc_id = sent_id = None
    cur: Sentence | None = None
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# doc_id = "):
                doc_id = line.split(" = ", 1)[1].strip()
            elif line.startswith("# sent_id = "):
                sent_id = line.split(" = ", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if cur is not None:
                    sents.append(cur)
                    cur = None
            else:
                cols = line.split("\t")
                if cur is None:
                    cur = Sentence(sent_id=sent_id or "", doc_id=doc_id or "", conll=name)
                form, pos, feats = cols[1], cols[3], cols[5]
                if form == "|" and pos == "clb" and "<overskrift>" in feats:
                    cur.headline = True
                    continue
                cur.tokens.append(form)
    if cur is not None:
        sents.append(cur)
    return sents


def detok_sentence(tokens: list[str]) -> str:
    out: list[str] = []
    glue_next = False  # previous token forbids a following space
    quote_open = False
    for tok in tokens:
        if tok == '"':
            opening = not quote_open
            quote_open = not quote_open
        else:
            opening = None
        if not out or glue_next or tok in NO_SPACE_BEFORE or opening is False:
            out.append(tok)
        else:
            out.append(" " + tok)
        glue_next = tok in NO_SPACE_AFTER or opening is True
    return "".join(out)


def sentence_text(s: Sentence) -> str:
    """Detokenised sentence; a leading dash-quote is written as "–"."""
    text = detok_sentence(s.tokens)
    if s.tokens and s.tokens[0] in DASHES:
        text = "–" + text[len(s.tokens[0]) :]
    return text


def detokenise(sents: list[Sentence]) -> str:
    paragraphs: list[str] = []
    cur: list[str] = []
    for s in sents:
        if not s.tokens:
            continue
        text = sentence_text(s)
        if s.headline:
            if cur:
                paragraphs.append(" ".join(cur))
                cur = []
            paragraphs.append(text)
            continue
        if s.tokens[0] in DASHES and cur:  # a dash-quote starts a new paragraph
            paragraphs.append(" ".join(cur))
            cur = []
        cur.append(text)
    if cur:
        paragraphs.append(" ".join(cur))
    return "\n\n".join(paragraphs)


class Norne:
    """Lazy access to the CoNLL files of a NorNE directory."""

    def __init__(self, root: str):
        self.root = root
        self._files: dict[str, list[Sentence]] = {}

    def sentences(self, conll: str) -> list[Sentence]:
        if conll not in self._files:
            path = os.path.join(self.root, conll)
            if not os.path.exists(path):
                raise FileNotFoundError(path)
            self._files[conll] = read_conll(path)
        return self._files[conll]

    def select(self, entry: dict) -> list[Sentence]:
        sents = self.sentences(entry["conll"])
        start, end = entry.get("sent_start"), entry.get("sent_end")
        if not start:
            chunk = [s for s in sents if s.doc_id == entry["doc_id"]]
            if not chunk:
                raise KeyError(f"{entry['id']}: doc_id {entry['doc_id']} not in {entry['conll']}")
            return chunk
        ids = [s.sent_id for s in sents]
        try:
            i, j = ids.index(start), ids.index(end or start)
        except ValueError as exc:
            raise KeyError(f"{entry['id']}: sentence range not found in {entry['conll']}: {exc}") from exc
        if j < i:
            raise ValueError(f"{entry['id']}: sent_end before sent_start")
        if sents[i].doc_id != entry["doc_id"]:
            raise ValueError(f"{entry['id']}: sent_start {start} is not in doc_id {entry['doc_id']}")
        return sents[i : j + 1]


def load_manifests(manifest_dir: str) -> list[dict]:
    entries: list[dict] = []
    for path in sorted(glob.glob(os.path.join(manifest_dir, "manifest-*.json"))):
        with open(path, encoding="utf-8") as fh:
            entries.extend(json.load(fh))
    return entries


def build_records(entries: list[dict], norne: Norne) -> list[tuple[dict, dict]]:
    out = []
    for e in entries:
        text = detokenise(norne.select(e))
        pub = e.get("published")
        published = {"id": e["id"], "text": text, "published": pub, "url": e.get("url"),
                     "title": e.get("title"), "lang": e["lang"]}
        month = (pub or e.get("doc_month") or "")[:7]
        month_rec = {"id": e["id"], "text": f"date {month}\n{text}", "title": e.get("title"),
                     "lang": e["lang"]}
        out.append((published, month_rec))
    return out


def rebuild_texts(manifest_dir: str, norne_dir: str = DEFAULT_NORNE) -> dict[str, str]:
    """id -> rebuilt text (no date header); used by tests/test_dev_gold.py."""
    norne = Norne(norne_dir)
    return {p["id"]: p["text"] for p, _ in build_records(load_manifests(manifest_dir), norne)}


def rebuild_sentences(manifest_dir: str, norne_dir: str = DEFAULT_NORNE) -> dict[str, list[str]]:
    """id -> detokenised sentences (headline sentences without their "|"); used by the tests."""
    norne = Norne(norne_dir)
    return {e["id"]: [sentence_text(s) for s in norne.select(e) if s.tokens]
            for e in load_manifests(manifest_dir)}


# --------------------------------------------------------------------------- segmentation helper
def parse_references(path: str) -> dict[tuple[str, str], list[dict]]:
    groups: dict[tuple[str, str], list[dict]] = {}
    cur = None
    f: dict | None = None
    keys = ("File name in Norsk aviskorpus", "Original URL", "Source", "Date", "Author", "Language", "Title")
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            m = re.match(r"^(.+?) (\d{3})$", line)
            if m and not line.startswith(keys) and not line.startswith("File "):
                cur = (m.group(1), m.group(2))
                groups[cur] = []
                f = None
                continue
            m = re.match(r"^File (\d+)$", line)
            if m and cur:
                f = {"n": int(m.group(1))}
                groups[cur].append(f)
                continue
            if f is not None:
                for k in keys:
                    if line.startswith(k + ":"):
                        f[k] = line[len(k) + 1 :].strip()
    return groups


def reference_date(ref: dict) -> str | None:
    """Publication date from the file name (``AP/nob/2001/08/25/...`` or ``VG-20120108-...``)."""
    name = ref.get("File name in Norsk aviskorpus", "")
    m = re.search(r"/(\d{4})/(\d{2})/(\d{2})/", name) or re.search(r"-(\d{4})(\d{2})(\d{2})-", name)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    m = re.match(r"(\d{4}-\d{2}-\d{2})", ref.get("Date", ""))
    return m.group(1) if m else None


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _title_match(headline: str, title: str) -> bool:
    h, t = _norm(headline), _norm(title)
    return bool(h) and bool(t) and (h == t or t.startswith(h) or h.startswith(t))


def _best_reference_group(refs: dict, source: str, num: str, sents: list[Sentence]) -> tuple[str, list[dict]]:
    """The reference group of the same source whose titles match most headlines of ``sents``.

    Usually the group with the same number (ap001 -> "Aftenposten 001"), but not always: the
    reference list repeats "Aftenposten 002" as "Aftenposten 011", so NDT's ap011 is
    "Aftenposten 012" and ap012 is "Aftenposten 013"."""
    heads = [detok_sentence(s.tokens) for s in sents if s.headline]
    best, best_n = (f"{source} {num}", refs.get((source, num)) or []), -1
    for (name, n), files in sorted(refs.items(), key=lambda kv: kv[0][1] != num):
        if name != source:
            continue
        hits = sum(any(_title_match(h, f.get("Title", "")) for h in heads) for f in files)
        if hits > best_n:
            best, best_n = (f"{name} {n}", files), hits
    return best


def list_articles(norne: Norne, prefixes: list[str]) -> list[dict]:
    refs: dict[tuple[str, str], list[dict]] = {}
    for name in REFERENCE_FILES:
        path = os.path.join(norne.root, name)
        if os.path.exists(path):
            refs.update(parse_references(path))
    by_group: dict[str, list[Sentence]] = {}
    for conll in CONLL_FILES:
        for s in norne.sentences(conll):
            m = DOC_RE.match(s.doc_id)
            if not m:
                continue
            by_group.setdefault(m.group("prefix") + m.group("num"), []).append(s)
    rows = []
    for group, sents in sorted(by_group.items()):
        m = re.match(r"^([a-z-]+?)(\d{3})$", group)
        prefix, num = m.group(1), m.group(2)
        if prefixes and not any(group.startswith(p) for p in prefixes):
            continue
        ref_group, files = _best_reference_group(refs, GROUP_NAMES.get(prefix, ""), num, sents)
        if not files:
            continue

        def chunk_no(s: Sentence) -> int:
            return int(DOC_RE.match(s.doc_id).group("chunk"))

        def sent_no(s: Sentence) -> int:
            return int(s.sent_id.rsplit("-", 1)[1])

        sents = sorted(sents, key=lambda s: (DOC_RE.match(s.doc_id).group("suffix"), chunk_no(s), sent_no(s)))
        starts: list[tuple[int, dict]] = []
        pos = 0
        for ref in files:
            for i in range(pos, len(sents)):
                if sents[i].headline and _title_match(detok_sentence(sents[i].tokens), ref.get("Title", "")):
                    starts.append((i, ref))
                    pos = i + 1
                    break
        # any headline that equals some title of the group ends the preceding article (also when
        # that title's own file could not be placed in order)
        titles = [f.get("Title", "") for f in files]
        bounds = [i for i, s in enumerate(sents)
                  if s.headline and any(_title_match(detok_sentence(s.tokens), t) for t in titles)]
        # the title of a file that has no "|" headline can appear as a plain sentence (e.g. "Undertrykt ?")
        placed = {id(ref) for _, ref in starts}
        unplaced = {_norm(f.get("Title", "")) for f in files if id(f) not in placed} - {""}
        bounds += [i for i, s in enumerate(sents)
                   if not s.headline and _norm(detok_sentence(s.tokens)) in unplaced]
        # Klassekampen editorials start with a "Dagens leder" headline (after their own title, which
        # may be missing): one that does not directly follow a title headline ends the article
        bounds += [i for i, s in enumerate(sents)
                   if i and s.headline and _norm(detok_sentence(s.tokens)) == "dagens leder"
                   and i - 1 not in bounds]
        for k, (i, ref) in enumerate(starts):
            j = min([b for b in bounds if b > i] + [len(sents)]) - 1
            part = sents[i : j + 1]
            chunks = sorted({(DOC_RE.match(s.doc_id).group("suffix"), chunk_no(s)) for s in part})
            gap = any(b[0] == a[0] and b[1] != a[1] + 1 for a, b in zip(chunks, chunks[1:], strict=False))
            last_of_group = k + 1 == len(starts)
            rows.append({
                "group": ref_group, "file": ref["n"], "title": ref.get("Title"),
                "published": reference_date(ref),
                "url": (ref.get("Original URL") or "").split(" ")[0] or None,
                "conll": part[0].conll, "doc_id": part[0].doc_id,
                "sent_start": part[0].sent_id, "sent_end": part[-1].sent_id, "n_sents": len(part),
                "cross_file": len({s.conll for s in part}) > 1, "gap": gap, "last_of_group": last_of_group,
            })
    return rows


def main(argv: list[str] | None = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--norne", default=DEFAULT_NORNE, help="NorNE directory (default %(default)s)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(here), "build", "dev"))
    ap.add_argument("--manifest-dir", default=os.path.join(here, "dev"))
    ap.add_argument("--list-articles", nargs="*", metavar="GROUP_PREFIX",
                    help="print the article segmentation (JSON lines) of the given groups (all if none)")
    args = ap.parse_args(argv)
    norne = Norne(args.norne)
    if args.list_articles is not None:
        for row in list_articles(norne, args.list_articles):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    entries = load_manifests(args.manifest_dir)
    ids = [e["id"] for e in entries]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        print(f"duplicate manifest ids: {dup}", file=sys.stderr)
        return 1
    records = build_records(entries, norne)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "dev-published.jsonl"), "w", encoding="utf-8") as fp, \
            open(os.path.join(args.out, "dev-month.jsonl"), "w", encoding="utf-8") as fm:
        for pub, month in records:
            fp.write(json.dumps(pub, ensure_ascii=False) + "\n")
            fm.write(json.dumps(month, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
