"""The normaliser's data files (lexicon.yaml, patterns.yaml) and module docs stay consistent."""

from __future__ import annotations

import doctest

import hending.resolve.times as times
from hending.resolve.times import Anchor, find_times
from hending.resolve.times.lexicon import load
from hending.resolve.times.rules import HANDLERS


def test_every_pattern_has_a_rule_and_start_words():
    lex = load()
    assert len(lex.patterns) >= 20
    for pat in lex.patterns:
        assert pat.handler in HANDLERS, pat.id
        assert pat.starts, pat.id
    assert len({p.id for p in lex.patterns}) == len(lex.patterns)


def test_lexicon_covers_both_written_standards():
    lex = load()
    weekdays = lex["weekday"]
    for nb, nn in [("mandag", "måndag"), ("tirsdag", "tysdag"), ("lørdag", "laurdag"), ("søndag", "sundag")]:
        assert weekdays[nb] == weekdays[nn]
    assert lex["season"]["høst"] == lex["season"]["haust"] == "FA"
    assert lex["relative_unit"]["uke"] == lex["relative_unit"]["veke"] == "week"
    assert lex["number"]["tjue"] == 20 and lex["number"]["tolv"] == 12


def test_lexicon_is_loaded_once():
    assert load() is load()


def test_package_docstring_example():
    assert doctest.testmod(times).failed == 0


def test_habitual_parts_of_day_are_not_times():
    assert find_times("Om kveldane er det roleg i byen.", Anchor.parse("2017-03-02"), lang="nn") == []
