"""Pipeline component: map the tagger's fine NDT tags to UPOS and UD-style morphology.

A dictionary look-up per token (the table is built from the training data by
``training/convert_ndt.py`` and saved with the pipeline); far cheaper than a Matcher-based
attribute ruler with hundreds of patterns.
"""

from __future__ import annotations

import json
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc


class TagMap:
    """Set ``token.pos_`` and ``token.morph`` from ``token.tag_``."""

    def __init__(self, nlp: Language, name: str, table: dict[str, dict[str, str]] | None = None) -> None:
        self.name = name
        self.table: dict[str, dict[str, str]] = dict(table or {})
        self._ids: dict[int, tuple[int, str]] = {}
        self.vocab = nlp.vocab
        self._compile()

    def set_table(self, table: dict[str, dict[str, str]]) -> None:
        """Replace the mapping (used when assembling a pipeline for shipping)."""
        self.table = dict(table)
        self._compile()

    def _compile(self) -> None:
        strings = self.vocab.strings
        self._ids = {strings.add(tag): (strings.add(v["pos"]), v["morph"]) for tag, v in self.table.items()}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            hit = self._ids.get(token.tag)
            if hit is not None:
                token.pos = hit[0]
                if hit[1]:
                    token.set_morph(hit[1])
        return doc

    def to_disk(self, path: Path, exclude: tuple = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "table.json", self.table)

    def from_disk(self, path: Path, exclude: tuple = ()) -> TagMap:
        self.table = srsly.read_json(Path(path) / "table.json")
        self._compile()
        return self

    def to_bytes(self, exclude: tuple = ()) -> bytes:
        return json.dumps(self.table).encode("utf-8")

    def from_bytes(self, data: bytes, exclude: tuple = ()) -> TagMap:
        self.table = json.loads(data)
        self._compile()
        return self


@Language.factory("hending_tagmap", default_config={})
def make_tagmap(nlp: Language, name: str) -> TagMap:
    """Factory; the table is loaded with the pipeline (``from_disk``) or set by training/package.py."""
    return TagMap(nlp, name)
