"""Run the pipeline over read documents: language id, analysis, contract records, in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from hending.analyse.pipeline import load_pipeline
from hending.contract import document_record
from hending.engines.stages import StageTimes, component_stage
from hending.read import ReadError, SourceDocument, identify, read_paths
from hending.read.dates import parse_iso
from hending.version import __version__


def chunks(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most ``size`` items."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_pipeline(nlp: Language, docs: list[Doc], times: StageTimes) -> list[Doc]:
    """Run ``nlp``'s components over ``docs`` one after the other, timing each (same as ``nlp.pipe``)."""
    for name, proc in nlp.pipeline:
        with times(component_stage(name)):
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=max(len(docs), 1)))
            else:
                docs = [proc(doc) for doc in docs]
    return docs


def _by_language(chunk: list) -> tuple[list[dict | ReadError | None], dict[str, list[int]]]:
    """Read errors and non-Norwegian documents in place, and the positions of each written standard."""
    results: list[dict | ReadError | None] = [None] * len(chunk)
    by_lang: dict[str, list[int]] = {}
    for i, item in enumerate(chunk):
        if isinstance(item, ReadError):
            results[i] = item
            continue
        lang = identify(item.text)
        if lang == "other":
            results[i] = ReadError(item.source, item.line, "language",
                                   "not Norwegian (Bokmål or Nynorsk): reported, not analysed", item.id)
        else:
            by_lang.setdefault(lang, []).append(i)
    return results, by_lang


def analyse(items: Iterable[SourceDocument | ReadError], batch_size: int = 64,
            times: StageTimes | None = None) -> Iterator[dict | ReadError]:
    """Yield a contract record per readable document and pass read errors through, in order.

    Time spent per stage (language id, each pipeline component, record building) is added to ``times``.
    """
    times = StageTimes() if times is None else times
    for chunk in chunks(items, batch_size):
        with times("langid"):
            results, by_lang = _by_language(chunk)
        for lang, indices in by_lang.items():
            nlp = load_pipeline(lang)
            with times(component_stage("tokenizer")):
                docs = []
                for i in indices:
                    doc = nlp.make_doc(chunk[i].text)
                    doc._.published = chunk[i].published
                    docs.append(doc)
            docs = run_pipeline(nlp, docs, times)
            with times("record"):
                for i, doc in zip(indices, docs, strict=True):
                    results[i] = document_record(chunk[i], lang, doc, __version__)
        yield from results  # type: ignore[misc]


def extract_documents(paths: Iterable[str], batch_size: int = 64) -> Iterator[dict | ReadError]:
    """Read ``paths`` (files, directories, JSON Lines) and analyse every document."""
    yield from analyse(read_paths(paths), batch_size=batch_size)


def analyse_text(text: str, published: str, lang: str | None = None, doc_id: str = "text") -> dict:
    """Analyse one body text published on ``published`` (``YYYY-MM`` or ``YYYY-MM-DD``)."""
    source = SourceDocument(id=doc_id, source="<text>", line=None, text=text, published=parse_iso(published))
    lang = lang or identify(text)
    if lang not in ("nb", "nn"):
        raise ValueError("text is not Norwegian (Bokmål or Nynorsk)")
    nlp = load_pipeline(lang)
    doc = nlp.make_doc(text)
    doc._.published = source.published
    return document_record(source, lang, nlp(doc), __version__)
