"""event_words.yaml: the closed word lists of the event rules are well-formed data."""

from __future__ import annotations

import pytest

from hending.extract import event_nouns, event_words
from hending.extract.lexicon import read_yaml

LISTS = read_yaml("event_words")
PLOVER = set(read_yaml("triggers")["types"])


@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_is_non_empty_and_unique(name):
    items = LISTS[name]
    assert isinstance(items, list) and items, name
    keys = [tuple(i) if isinstance(i, list) else i for i in items]
    assert len(keys) == len(set(keys)), f"{name}: repeated entry"
    for item in items:
        words = item if isinstance(item, list) else [item]
        assert all(isinstance(w, str) and w.strip() == w and w for w in words), (name, item)


@pytest.mark.parametrize("name", [n for n in sorted(LISTS) if n.endswith("_types")])
def test_type_lists_name_plover_types(name):
    assert set(LISTS[name]) <= PLOVER, name


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_list_is_used_by_a_rule_module(name):
    constant = name.upper()
    assert hasattr(event_words, constant) or hasattr(event_nouns, constant), f"{name}: no rule reads it"
