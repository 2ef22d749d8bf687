"""Extraction lexicons: YAML validity, both written standards, inflection and compound splitting."""

from __future__ import annotations

import copy

import pytest

from hending.extract import lexicon
from hending.extract.lexicon import SECTORS, TYPES, Lexicon, LexiconError, load, read_yaml


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


def test_every_file_is_a_mapping_and_validates() -> None:
    data = {name: read_yaml(name) for name in lexicon.FILES}
    lexicon.validate(data)


def test_trigger_types_and_sectors_are_plover(lex: Lexicon) -> None:
    t, s = lex.data["triggers"], lex.data["sectors"]
    assert {e["type"] for e in t["verbs"] + t["nouns"]} <= set(TYPES)
    assert {e["type"] for e in t["verbs"] + t["nouns"]} == set(TYPES)  # every type has triggers
    assert {e["sector"] for e in s["nouns"]} <= set(SECTORS)
    for org in lex.data["actors"]["organisations"]:
        assert org["sector"] in SECTORS


@pytest.mark.parametrize(
    "bad",
    [
        ("triggers", "verbs", {"lemma": "xangripe", "class": "a", "type": "ATTACK"}),
        ("sectors", "nouns", {"stem": "xsoldat", "sector": "ARMY", "en": "x"}),
    ],
)
def test_validation_rejects_unknown_codes(bad: tuple[str, str, dict]) -> None:
    data = {name: copy.deepcopy(read_yaml(name)) for name in lexicon.FILES}
    data[bad[0]][bad[1]].append(bad[2])
    with pytest.raises(LexiconError):
        lexicon.validate(data)


@pytest.mark.parametrize(
    "form, lemma",
    [
        # Bokmål
        ("angrep", "angripe"),
        ("angrepet", "angripe"),
        ("drepte", "drepe"),
        ("erobret", "erobre"),
        ("gjenerobret", "gjenerobre"),
        ("arresterte", "arrestere"),
        ("pågrepet", "pågripe"),
        ("bombet", "bombe"),
        ("kritiserte", "kritisere"),
        ("ba", "be"),
        ("krever", "kreve"),
        ("avviste", "avvise"),
        ("truet", "true"),
        ("støttet", "støtte"),
        ("demonstrerte", "demonstrere"),
        ("møttes", "møte"),
        ("minelagt", "minelegge"),
        ("ødela", "ødelegge"),
        ("plyndret", "plyndre"),
        ("løslot", "løslate"),
        # Nynorsk
        ("kravde", "kreve"),
        ("krevje", "kreve"),
        ("truga", "true"),
        ("trugar", "true"),
        ("bomba", "bombe"),
        ("drap", "drepe"),
        ("drepne", "drepe"),
        ("øydela", "ødelegge"),
        ("lauslet", "løslate"),
        ("møttest", "møte"),
        ("vitja", "vitje"),
        ("skulda", "skulde"),
        ("trekte", "trekke"),
        ("gjekk", "gå"),
    ],
)
def test_verb_forms_in_both_standards(lex: Lexicon, form: str, lemma: str) -> None:
    assert lemma in {e.lemma for e in lex.verb_index.get(form, [])}


@pytest.mark.parametrize(
    "form, type_",
    [
        ("angrepet", "ASSAULT"),
        ("åtaket", "ASSAULT"),
        ("sanksjonar", "SANCTION"),
        ("sanksjoner", "SANCTION"),
        ("trugsmål", "THREATEN"),
        ("demonstrasjonen", "PROTEST"),
        ("våpenkvile", "AGREE"),
        ("semje", "AGREE"),
        ("arrestasjonene", "COERCE"),
        ("kritikk", "ACCUSE"),
    ],
)
def test_event_nouns_in_both_standards(lex: Lexicon, form: str, type_: str) -> None:
    assert lex.noun_index[form][0].type == type_


@pytest.mark.parametrize(
    "word, sector",
    [
        ("regjeringa", "GOV"),
        ("regjeringen", "GOV"),
        ("hæren", "MIL"),
        ("styrkane", "MIL"),
        ("soldatar", "MIL"),
        ("politiet", "COP"),
        ("opprørarane", "REB"),
        ("opprørerne", "REB"),
        ("opposisjonen", "OPP"),
        ("demonstrantar", "CVL"),
        ("sivile", "CVL"),
        ("journalistane", "JRN"),
        ("flyktningar", "REF"),
    ],
)
def test_sector_nouns_in_both_standards(lex: Lexicon, word: str, sector: str) -> None:
    assert lex.sector_forms[word].sector == sector


def test_countries_names_adjectives_and_genitives(lex: Lexicon) -> None:
    assert lex.country_names["noreg"].code3 == lex.country_names["norge"].code3 == "NOR"
    assert lex.country_names["russlands"].code3 == "RUS"
    assert lex.country_adjs["russiske"].code3 == "RUS"
    assert lex.country_adjs["syrisk"].code3 == "SYR"
    assert lex.country_adjs["norske"].code3 == "NOR"
    assert lex.by_code2["SY"].code3 == "SYR"


@pytest.mark.parametrize(
    "alias, name",
    [
        ("IS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Taliban", "Taliban"),
        ("al-Qaida", "al-Qaeda"),
        ("Hamas", "Hamas"),
        ("Hizbollah", "Hezbollah"),
        ("PKK", "Kurdistan Workers' Party"),
        ("FN", "United Nations"),
        ("FNs", "United Nations"),
        ("NATO", "NATO"),
        ("EU", "European Union"),
    ],
)
def test_organisation_aliases(lex: Lexicon, alias: str, name: str) -> None:
    org = lex.lookup_alias(alias)
    assert org is not None and org.name == name


def test_acronym_aliases_are_case_sensitive(lex: Lexicon) -> None:
    assert lex.lookup_alias("is") is None  # "is" is ice, not the Islamic State


def test_compound_splitting_longest_known_head(lex: Lexicon) -> None:
    assert lex.split("regjeringsstyrkene", lex.sector_forms) == ("regjerings", "styrkene")
    assert lex.split("IS-krigerne", lex.sector_forms) == ("IS", "krigerne")
    assert lex.split("luftangrepene", lex.noun_heads) == ("luft", "angrepene")
    assert lex.split("fredssamtalene", lex.noun_heads) == ("freds", "samtalene")
    assert lex.split("kritikere", lex.noun_heads) is None  # an agent noun is not the event noun


def test_compound_prefixes_name_actors_and_modes(lex: Lexicon) -> None:
    assert lex.analyse_prefix("regjerings") == {"sector": "GOV"}
    assert lex.analyse_prefix("IS")["org"].name == "Islamic State"
    assert lex.analyse_prefix("russisk")["country"].code3 == "RUS"
    assert lex.analyse_prefix("opposisjons") == {"sector": "OPP"}
    assert lex.prefix_mode("luft") == (True, "aerial")
    assert lex.prefix_mode("selvmords") == (True, "suicide-attack")
    assert lex.prefix_mode("sjølvmords") == (True, "suicide-attack")


def test_weak_verb_classes_and_noun_forms() -> None:
    assert {"kaster", "kastet", "kasta", "kastar", "kastes"} <= lexicon.weak_verb_forms("kaste", "a")
    assert {"kjøpte", "kjøpt"} <= lexicon.weak_verb_forms("kjøpe", "te")
    assert {"arresterte", "arrestert", "arresteres"} <= lexicon.weak_verb_forms("arrestere", "ere")
    assert {"styrker", "styrkene", "styrkar", "styrkane"} <= lexicon.noun_forms("styrke")
    assert {"soldaten", "soldater", "soldatene", "soldatar", "soldatane", "soldatens"} <= lexicon.noun_forms(
        "soldat"
    )
    with pytest.raises(LexiconError):
        lexicon.weak_verb_forms("kaste", "x")
