"""Assemble a trained pipeline for shipping: add Hending's paragraph component and metadata.

Usage: python training/package.py training/output/nor/model-best src/hending/models/nor \
           [--ner-from training/output/ner/model-best]

``--ner-from`` replaces the joint model's NER with a separately trained one (which carries its
own tok2vec), so the shipped pipeline keeps whichever NER scored better on dev.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import spacy

import hending.analyse.paragraphs  # noqa: F401  (registers hending_paragraphs)
from hending.analyse.tagmap import TagMap


def main() -> None:
    """Load the trained model, insert the paragraph splitter first, write meta, save."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--tag-map", type=Path, default=Path(__file__).parent / "corpus" / "tag_map.json")
    ap.add_argument("--name", default="nor")
    ap.add_argument("--ner-from", type=Path, default=None, help="pipeline whose 'ner' replaces ours")
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    if args.ner_from:
        ner_nlp = spacy.load(args.ner_from)
        nlp.remove_pipe("ner")
        nlp.add_pipe("ner", source=ner_nlp, after="parser")
    if "hending_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("hending_paragraphs", first=True)
    if "hending_tagmap" not in nlp.pipe_names:
        tagmap: TagMap = nlp.add_pipe("hending_tagmap", after="tagger")
        tagmap.set_table(json.loads(args.tag_map.read_text(encoding="utf-8")))
    nlp.meta.update({
        "name": args.name,
        "version": "0.1.0",
        "description": "Hending's Norwegian (Bokmål + Nynorsk) pipeline trained on NorNE/NDT: tagger "
                       "(NDT tags), tag map (UPOS + morphology), edit-tree lemmatizer, "
                       "dependency parser (NDT labels), NER (NorNE labels).",
        "sources": [{"name": "NorNE (Norwegian Dependency Treebank + named entities)", "license": "CC0"}],
        "license": "CC0-1.0 (training annotations); model weights MIT",
    })
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(json.dumps({"saved": str(args.out), "pipeline": nlp.pipe_names, "megabytes": round(size / 1e6, 1)}))


if __name__ == "__main__":
    main()
