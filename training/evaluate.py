"""Evaluate a pipeline on the NorNE/NDT dev splits: NER (strict, 9 types), tags, LAS, lemmas.

Usage: python training/evaluate.py [--model DIR] [--norne ../shared/data/norne]
Without ``--model`` it evaluates the shipped pipeline as users get it (``hending.load_pipeline``,
including the entity-name list, without the time/place/event components); with ``--model`` a raw
trained model directory. Prints one JSON object per language (the figures in docs/BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.training import Example

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_ndt import SPLITS, convert  # noqa: E402

import hending.analyse.paragraphs  # noqa: E402,F401
import hending.analyse.tagmap  # noqa: E402,F401

DEV = {"nb": "dev/nb.spacy", "nn": "dev/nn.spacy"}


def coarse_acc(examples: list[Example]) -> float:
    """Accuracy of the NDT part of speech (the tag before the first ``|``), on aligned tokens."""
    right = total = 0
    for eg in examples:
        align = eg.alignment.x2y
        for token in eg.predicted:
            gold = [eg.reference[int(j)] for j in align[token.i].ravel()]
            if len(gold) != 1:
                continue
            total += 1
            right += token.tag_.split("|")[0] == gold[0].tag_.split("|")[0]
    return right / total if total else 0.0


RESOLVERS = ("hending_times", "hending_places", "hending_events")


def evaluate(model: Path | None, norne: Path, work: Path) -> dict[str, dict]:
    """Scores per language on the dev split."""
    from spacy.tokens import DocBin

    from hending.analyse.pipeline import load_pipeline

    results = {}
    for lang, name in DEV.items():
        nlp = spacy.load(model) if model else load_pipeline(lang, exclude=RESOLVERS)
        path = work / name
        if not path.exists():
            convert(norne / SPLITS[name], path)
        gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        examples = [Example(nlp.make_doc(d.text), d) for d in gold]
        scores = nlp.evaluate(examples)
        predicted = [Example(p, e.reference) for p, e in zip(nlp.pipe(e.predicted for e in examples),
                                                             examples, strict=True)]
        results[lang] = {
            "ner_f1": round(scores["ents_f"], 4), "ner_p": round(scores["ents_p"], 4),
            "ner_r": round(scores["ents_r"], 4),
            "ner_per_type_f1": {k: round(v["f"], 4) for k, v in sorted(scores["ents_per_type"].items())},
            "tag_acc_ndt_pos": round(coarse_acc(predicted), 4),
            "tag_acc_full": round(scores["tag_acc"], 4),
            "las": round(scores["dep_las"], 4), "uas": round(scores["dep_uas"], 4),
            "lemma_acc": round(scores["lemma_acc"], 4), "sents_f": round(scores["sents_f"], 4),
            "sentences": sum(len(list(d.sents)) for d in gold), "tokens": sum(len(d) for d in gold),
        }
    return results


def main() -> None:
    """Print the dev scores of a pipeline as JSON."""
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=None, help="a trained model directory")
    ap.add_argument("--norne", type=Path, default=here.parent.parent / "shared" / "data" / "norne")
    ap.add_argument("--work", type=Path, default=here / "corpus")
    args = ap.parse_args()
    print(json.dumps(evaluate(args.model, args.norne, args.work), indent=1))


if __name__ == "__main__":
    main()
