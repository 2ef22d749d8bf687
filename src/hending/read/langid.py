"""Identify the written standard of a document: ``nb``, ``nn`` or ``other``."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

WORD = re.compile(r"[a-zæøåéèêòóôü]+")


@lru_cache(maxsize=1)
def _markers() -> tuple[frozenset[str], frozenset[str], frozenset[str], float]:
    data = yaml.safe_load(resources.files("hending.data").joinpath("langid.yaml").read_text("utf-8"))
    nb, nn = set(data["nb"]), set(data["nn"])
    norwegian = frozenset(nb | nn | set(data["shared"]))
    return frozenset(nb - nn), frozenset(nn - nb), norwegian, float(data["min_norwegian_share"])


def identify(text: str) -> str:
    """Return ``nb``, ``nn`` or ``other`` from marker-word votes (lexicon in data/langid.yaml)."""
    nb_only, nn_only, norwegian, min_share = _markers()
    words = WORD.findall(text.lower())
    if not words:
        return "other"
    share = sum(w in norwegian for w in words) / len(words)
    if share < min_share:
        return "other"
    nb_votes = sum(w in nb_only for w in words)
    nn_votes = sum(w in nn_only for w in words)
    return "nn" if nn_votes > nb_votes else "nb"
