"""Convert NorNE/NDT CoNLL files into spaCy DocBin training data.

The texts stay in ../shared: this script writes binary corpora under ``training/corpus/``
(git-ignored) plus the tag map from fine NDT tags to UPOS and morphology.

Usage: python training/convert_ndt.py [--norne ../shared/data/norne] [--out training/corpus]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

HERE = Path(__file__).resolve().parent
SPLITS = {  # output file (under --out) -> NorNE file
    "train/nb.spacy": "no_bokmaal-ndt-train.conll",
    "dev/nb.spacy": "no_bokmaal-ndt-dev.conll",
    "train/nn.spacy": "no_nynorsk-ndt-train.conll",
    "dev/nn.spacy": "no_nynorsk-ndt-dev.conll",
}
MAX_SENTS_PER_DOC = 10


def read_conll(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """Yield ``(doc_id, rows)`` per sentence of an NDT CoNLL file."""
    doc_id, rows = "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# doc_id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                yield doc_id, rows
            rows = []
        else:
            rows.append(line.split("\t"))
    if rows:
        yield doc_id, rows


def fine_tag(row: list[str]) -> str:
    """The tagger's label: NDT POS plus its features (``subst|appell|mask|be|ent``)."""
    return row[3] if row[5] == "_" else f"{row[3]}|{row[5]}"


def lemma_of(row: list[str]) -> str:
    """NDT writes punctuation lemmas as ``$,``; use the form instead."""
    lemma = row[2]
    return row[1] if lemma.startswith("$") and len(lemma) > 1 else lemma


def sentences_to_doc(vocab, sentences: list[list[list[str]]]) -> Doc:
    """Build one gold Doc from consecutive NDT sentences."""
    words, heads, deps, tags, lemmas, sent_starts, iob = [], [], [], [], [], [], []
    for rows in sentences:
        offset = len(words)
        for i, row in enumerate(rows):
            words.append(row[1])
            head = int(row[6])
            heads.append(offset + head - 1 if head else offset + i)
            deps.append(row[7] if head else "ROOT")
            tags.append(fine_tag(row))
            lemmas.append(lemma_of(row))
            sent_starts.append(i == 0)
            iob.append(row[9].split("name=", 1)[1].split("|")[0] if "name=" in row[9] else "O")
    doc = Doc(
        vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas, sent_starts=sent_starts
    )
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(iob))
    return doc


def convert(path: Path, out: Path) -> int:
    """Write ``out`` as a DocBin grouping sentences by document (≤10 per Doc)."""
    nlp = spacy.blank("nb")
    db = DocBin(store_user_data=False)
    current, buf, n = None, [], 0
    for doc_id, rows in read_conll(path):
        if buf and (doc_id != current or len(buf) >= MAX_SENTS_PER_DOC):
            db.add(sentences_to_doc(nlp.vocab, buf))
            buf = []
        current = doc_id
        buf.append(rows)
        n += 1
    if buf:
        db.add(sentences_to_doc(nlp.vocab, buf))
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def tag_map(paths: list[Path], mapping: dict) -> dict[str, dict[str, str]]:
    """Every fine tag seen in training -> UPOS and UD-style morphology (for ``hending_tagmap``)."""
    seen: set[str] = set()
    for path in paths:
        for _, rows in read_conll(path):
            seen.update(fine_tag(r) for r in rows)
    table = {}
    for tag in sorted(seen):
        pos, _, feats = tag.partition("|")
        values = feats.split("|") if feats else []
        upos = mapping["upos"].get(pos, "X")
        if upos == "NOUN" and mapping["propn_feature"] in values:
            upos = "PROPN"
        morph = sorted({f for v in values if (m := mapping["features"].get(v)) for f in m.split("|")})
        table[tag] = {"pos": upos, "morph": "|".join(morph)}
    return table


def main() -> None:
    """Convert every split and write the tag map."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--norne", type=Path, default=HERE.parent.parent / "shared" / "data" / "norne")
    ap.add_argument("--out", type=Path, default=HERE / "corpus")
    args = ap.parse_args()
    for name, filename in SPLITS.items():
        n = convert(args.norne / filename, args.out / name)
        print(f"{name}: {n} sentences")
    mapping = yaml.safe_load((HERE / "ndt_upos.yaml").read_text(encoding="utf-8"))
    train = [args.norne / SPLITS["train/nb.spacy"], args.norne / SPLITS["train/nn.spacy"]]
    table = tag_map(train, mapping)
    (args.out / "tag_map.json").write_text(json.dumps(table, ensure_ascii=False, indent=0))
    print(f"tag map: {len(table)} tags")


if __name__ == "__main__":
    main()
