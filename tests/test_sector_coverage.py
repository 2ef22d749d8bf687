"""Coverage of the actor lexicons (src/hending/extract/sectors.yaml, actors.yaml), real pipeline.

Every sector noun and organisation added for Norwegian society — occupations and groups of people,
the parties to a criminal case, perpetrators, local and state bodies, police and prosecution roles,
trade unions and employers — has a realistic news sentence here, in Bokmål and in Nynorsk where the
word differs, whose mention must get the entry's PLOVER sector and country. Some events check that
the mention reaches an event's actor or recipient. Negative cases keep words that only look like
these nouns from becoming actors: Nynorsk adjectives in -lege, names and plurals in -offer,
"veteraner", "rettleiing", "godkjenning", "tilsyn" as supervision, "et bredt spekter", the verb
"delta", "velger" as a verb.

Sector decisions written down here:
- a defence lawyer (forsvarer/forsvarar, forsvarsadvokat) is a private professional: CVL; the
  prosecution (statsadvokat, aktor, riksadvokat, aktoratet) is the state: GOV; the police's own
  prosecutors and officers (politiadvokat, påtaleansvarlig, politimester, operasjonsleder,
  innsatsleder, politidistrikt) are COP;
- suspects, the accused, defendants, convicts, inmates and victims are private persons: CVL;
- a perpetrator named only by the deed (drapsmann, gjerningsperson, voldsmann, skytter, raner,
  tyv, overgriper) is UNK, like gjerningsmann and angriper: unidentified, not yet a civilian;
- trade unions and farmers', fishermen's and pensioners' associations are civil society: CVL;
  NHO, Spekter and employers (arbeidsgiver) are BUS; KS, the municipalities' own body, is GOV;
  the journalists' union is JRN;
- Norwegian local and state bodies (rådmann, fylkeskommune, bystyre, direktorat, tilsyn, etat,
  barnevern, ombud) are GOV and Norway's when unqualified (home).
"""

from __future__ import annotations

import pytest

from hending import load_pipeline
from hending.analyse.pipeline import model_path
from hending.extract.actors import ActorFinder, Mention
from hending.extract.lexicon import load
from tests.test_events import one


def mentions(text: str, lang: str = "nb") -> list[Mention]:
    try:
        model_path(lang)
    except FileNotFoundError as exc:  # pragma: no cover - no trained model on this machine
        pytest.skip(str(exc))
    return ActorFinder(load(), load_pipeline(lang)(text)).find()


def mention(text: str, lang: str, wanted: str) -> Mention:
    ms = mentions(text, lang)
    found = [m for m in ms if m.text == wanted]
    assert found, f"no mention {wanted!r} in {text!r}: {[(m.text, m.sector) for m in ms]}"
    return found[0]


# (language, sentence, mention text, sector, country)
MENTIONS: list[tuple[str, str, str, str, str | None]] = [
    # occupations and groups of people (CVL)
    ("nb", "Bøndene demonstrerte utenfor Stortinget mandag.", "Bøndene", "CVL", "NOR"),
    ("nn", "Bøndene demonstrerte utanfor Stortinget måndag.", "Bøndene", "CVL", "NOR"),
    ("nb", "Sykepleierne streiket i protest mot lønnsoppgjøret.", "Sykepleierne", "CVL", "NOR"),
    ("nn", "Sjukepleiarane streika i protest mot lønsoppgjeret.", "Sjukepleiarane", "CVL", "NOR"),
    ("nb", "Legene krevde at regjeringen gir mer penger til sykehusene.", "Legene", "CVL", "NOR"),
    ("nn", "Legane kravde at regjeringa gir meir pengar til sjukehusa.", "Legane", "CVL", "NOR"),
    ("nb", "Foreldrene protesterte mot nedleggelsen av skolen.", "Foreldrene", "CVL", "NOR"),
    ("nn", "Foreldra protesterte mot nedlegginga av skulen.", "Foreldra", "CVL", "NOR"),
    ("nb", "Pensjonistene demonstrerte foran Stortinget.", "Pensjonistene", "CVL", "NOR"),
    ("nn", "Pensjonistane demonstrerte framfor Stortinget.", "Pensjonistane", "CVL", "NOR"),
    ("nb", "Fiskerne protesterte mot de nye kvotene.", "Fiskerne", "CVL", "NOR"),
    ("nn", "Fiskarane protesterte mot den nye kvoteordninga.", "Fiskarane", "CVL", "NOR"),
    ("nb", "Naboene varslet politiet etter at mannen truet dem med kniv.", "Naboene", "CVL", "NOR"),
    ("nn", "Naboane varsla politiet etter at mannen truga dei med kniv.", "Naboane", "CVL", "NOR"),
    ("nb", "Beboerne ble evakuert etter brannen.", "Beboerne", "CVL", "NOR"),
    ("nn", "Bebuarane vart evakuerte etter brannen.", "Bebuarane", "CVL", "NOR"),
    ("nb", "Velgerne straffet regjeringspartiene ved valget.", "Velgerne", "CVL", "NOR"),
    ("nn", "Veljarane straffa regjeringspartia ved valet.", "Veljarane", "CVL", "NOR"),
    ("nb", "Norske statsborgere ble arrestert i Iran.", "Norske statsborgere", "CVL", "NOR"),
    ("nn", "Norske statsborgarar vart arresterte i Iran.", "Norske statsborgarar", "CVL", "NOR"),
    ("nb", "Tillitsvalgte ved sykehuset protesterte mot kuttene.", "Tillitsvalgte", "CVL", "NOR"),
    ("nb", "De streikende krevde høyere lønn.", "De streikende", "CVL", "NOR"),
    ("nn", "Dei streikande kravde høgare løn.", "Dei streikande", "CVL", "NOR"),
    ("nb", "Prester og imamer protesterte mot forslaget.", "Prester", "CVL", "NOR"),
    ("nb", "Rektor ved skolen avviste kritikken fra elevene.", "Rektor", "CVL", "NOR"),
    ("nn", "Rektoren ved skulen avviste kritikken frå elevane.", "Rektoren", "CVL", "NOR"),
    ("nb", "Turistene ble evakuert fra hotellet.", "Turistene", "CVL", "NOR"),
    ("nn", "Innvandrarane protesterte mot dei nye reglane.", "Innvandrarane", "CVL", "NOR"),
    ("nb", "Motstanderne av vindkraftverket demonstrerte i Oslo.", "Motstanderne", "CVL", "NOR"),
    ("nn", "Kraftlinemotstandarane demonstrerte i Volda.", "Kraftlinemotstandarane", "CVL", "NOR"),
    ("nb", "Passasjerene ble holdt om bord i flyet.", "Passasjerene", "CVL", "NOR"),
    ("nb", "Arbeidstakerne protesterte mot omstillingen.", "Arbeidstakerne", "CVL", "NOR"),
    ("nb", "Fagbevegelsen krever at regjeringen trekker forslaget.", "Fagbevegelsen", "CVL", "NOR"),
    ("nn", "Fagrørsla krev at regjeringa trekkjer forslaget.", "Fagrørsla", "CVL", "NOR"),
    ("nb", "Streikevaktene stanset lastebilen.", "Streikevaktene", "CVL", "NOR"),
    ("nn", "Overlegane ved sjukehuset protesterte mot kutta.", "Overlegane", "CVL", "NOR"),
    ("nb", "Biskopen kritiserte regjeringen.", "Biskopen", "CVL", "NOR"),
    ("nb", "Imamen fordømte angrepet.", "Imamen", "CVL", "NOR"),
    ("nb", "Sjåføren ble truet med kniv.", "Sjåføren", "CVL", "NOR"),
    ("nb", "De pårørende krever svar fra sykehuset.", "De pårørende", "CVL", "NOR"),
    ("nn", "Dei pårørande krev svar frå sjukehuset.", "Dei pårørande", "CVL", "NOR"),
    ("nb", "Tenåringene ble pågrepet etter ranet.", "Tenåringene", "CVL", "NOR"),
    ("nn", "Borgarane protesterte mot bompengane.", "Borgarane", "CVL", "NOR"),
    ("nb", "Folkemengden krevde presidentens avgang.", "Folkemengden", "CVL", "NOR"),
    ("nn", "Menneskemengda kravde at presidenten gjekk av.", "Menneskemengda", "CVL", "NOR"),
    ("nb", "Investorene trakk seg ut av prosjektet.", "Investorene", "BUS", "NOR"),
    # colleagues with no owner or country are co-workers (private_persons), not a minister's counterparts
    ("nb", "Kollegene protesterte mot oppsigelsen.", "Kollegene", "CVL", "NOR"),
    ("nb", "Statsministeren møtte sine kolleger fra Norden.", "sine kolleger", "UNK", None),
    # parties to a criminal case and victims (CVL)
    ("nb", "Den tiltalte ble dømt til åtte års fengsel.", "Den tiltalte", "CVL", "NOR"),
    ("nb", "Forsvareren til den tiltalte ba om frifinnelse.", "den tiltalte", "CVL", "NOR"),
    ("nb", "De innsatte gikk til sultestreik.", "De innsatte", "CVL", "NOR"),
    ("nb", "Drapsmannen skjøt offeret tre ganger.", "offeret", "CVL", "NOR"),
    ("nn", "Gjerningspersonen skaut offeret tre gonger.", "offeret", "CVL", "NOR"),
    ("nb", "Ofrene ble minnet i Oslo domkirke.", "Ofrene", "CVL", "NOR"),
    ("nb", "Den fornærmede forklarte seg i retten.", "Den fornærmede", "CVL", "NOR"),
    ("nb", "Forsvareren krevde frifinnelse.", "Forsvareren", "CVL", "NOR"),
    ("nb", "Forsvarer Per Olsen krevde frifinnelse.", "Forsvarer", "CVL", "NOR"),
    ("nn", "Forsvararen kravde frifinning.", "Forsvararen", "CVL", "NOR"),
    ("nb", "Forsvarsadvokaten kritiserte politiet.", "Forsvarsadvokaten", "CVL", "NOR"),
    # perpetrators (UNK, no country)
    ("nb", "Drapsmannen skjøt offeret tre ganger.", "Drapsmannen", "UNK", None),
    ("nn", "Gjerningspersonen skaut offeret tre gonger.", "Gjerningspersonen", "UNK", None),
    ("nb", "Voldsmannen slo offeret ned.", "Voldsmannen", "UNK", None),
    ("nn", "Valdsmannen slo offeret ned.", "Valdsmannen", "UNK", None),
    ("nb", "Skytteren drepte to personer før han ble pågrepet.", "Skytteren", "UNK", None),
    ("nb", "Ranerne truet de ansatte med pistol.", "Ranerne", "UNK", None),
    ("nn", "Ranarane truga dei tilsette med pistol.", "Ranarane", "UNK", None),
    ("nb", "Tyven ble pågrepet av politiet.", "Tyven", "UNK", None),
    ("nn", "Tjuven vart pågripen av politiet.", "Tjuven", "UNK", None),
    ("nb", "Overgriperen ble dømt til fengsel.", "Overgriperen", "UNK", None),
    # local and state bodies and offices (GOV, Norway's)
    ("nb", "Rådmannen foreslår å legge ned skolen.", "Rådmannen", "GOV", "NOR"),
    ("nn", "Rådmannen føreslår å leggje ned skulen.", "Rådmannen", "GOV", "NOR"),
    ("nb", "Kommunedirektøren avviste kritikken.", "Kommunedirektøren", "GOV", "NOR"),
    ("nb", "Fylkeskommunen avviste kravet fra elevene.", "Fylkeskommunen", "GOV", "NOR"),
    ("nn", "Fylkeskommunen avviste kravet frå elevane.", "Fylkeskommunen", "GOV", "NOR"),
    ("nb", "Fylkestinget vedtok å legge ned skolen.", "Fylkestinget", "GOV", "NOR"),
    ("nn", "Fylkesordføraren kritiserte regjeringa.", "Fylkesordføraren", "GOV", "NOR"),
    ("nb", "Bystyret i Bergen vedtok forbudet.", "Bystyret", "GOV", "NOR"),
    ("nb", "Byrådet i Oslo avviste kritikken.", "Byrådet", "GOV", "NOR"),
    ("nn", "Formannskapet i Førde avviste søknaden.", "Formannskapet", "GOV", "NOR"),
    ("nn", "Kommuneleiinga i Vinje avviste kritikken.", "Kommuneleiinga", "GOV", "NOR"),
    ("nb", "Kommuneledelsen i Vinje avviste kritikken.", "Kommuneledelsen", "GOV", "NOR"),
    ("nb", "Den iranske ledelsen avviste kravene fra FN.", "Den iranske ledelsen", "GOV", "IRN"),
    ("nn", "Partileiinga i Høgre avviste forslaget.", "Partileiinga", "PTY", "NOR"),
    ("nb", "Barnevernet tok barna fra foreldrene.", "Barnevernet", "GOV", "NOR"),
    ("nn", "Barnevernet tok borna frå foreldra.", "foreldra", "CVL", "NOR"),
    ("nb", "Direktoratet avviste klagen fra kommunen.", "Direktoratet", "GOV", "NOR"),
    ("nb", "Sjøfartsdirektoratet stanset skipet i Bergen.", "Sjøfartsdirektoratet", "GOV", "NOR"),
    ("nn", "Medietilsynet gav NRK ei åtvaring.", "Medietilsynet", "GOV", "NOR"),
    ("nb", "Skatteetaten krever at selskapet betaler.", "Skatteetaten", "GOV", "NOR"),
    ("nb", "Sentralbanken hevet renten.", "Sentralbanken", "GOV", "NOR"),
    ("nb", "Statsadvokaten tok ut tiltale mot mannen.", "Statsadvokaten", "GOV", "NOR"),
    ("nb", "Aktoratet krevde 21 års forvaring.", "Aktoratet", "GOV", "NOR"),
    ("nb", "Regjeringsadvokaten anket dommen.", "Regjeringsadvokaten", "GOV", "NOR"),
    ("nb", "Etaten avviste klagen fra kommunen.", "Etaten", "GOV", "NOR"),
    ("nb", "Forbrukerombudet kritiserte selskapet.", "Forbrukerombudet", "GOV", "NOR"),
    ("nb", "Ombudsmannen kritiserte fengselet.", "Ombudsmannen", "GOV", "NOR"),
    ("nb", "Riksadvokat Tor-Aksel Busch anket dommen.", "Riksadvokat", "GOV", "NOR"),
    ("nn", "Påtalemakta anka dommen.", "Påtalemakta", "GOV", "NOR"),
    # opposition
    ("nb", "Iranske regimemotstandere demonstrerte i Oslo.", "Iranske regimemotstandere", "OPP", "IRN"),
    (
        "nn",
        "Syriske regjeringsmotstandarar demonstrerte i Bergen.",
        "Syriske regjeringsmotstandarar",
        "OPP",
        "SYR",
    ),
    # police and its prosecutors (COP)
    ("nb", "Politimesteren i Oslo beklaget overfor familien.", "Politimesteren", "COP", "NOR"),
    ("nn", "Politimeisteren i Oslo bad familien om orsaking.", "Politimeisteren", "COP", "NOR"),
    ("nb", "Politiadvokaten opplyser at mannen er pågrepet.", "Politiadvokaten", "COP", "NOR"),
    ("nb", "Operasjonslederen sier at to personer er pågrepet.", "Operasjonslederen", "COP", "NOR"),
    ("nn", "Operasjonsleiaren seier at to personar er pågripne.", "Operasjonsleiaren", "COP", "NOR"),
    ("nb", "Innsatslederen opplyste at politiet skjøt gjerningsmannen.", "Innsatslederen", "COP", "NOR"),
    ("nn", "Innsatsleiaren opplyste at politiet skaut gjerningsmannen.", "Innsatsleiaren", "COP", "NOR"),
    ("nb", "Politidistriktet beklaget håndteringen av saken.", "Politidistriktet", "COP", "NOR"),
    ("nb", "Politioverbetjenten ble suspendert.", "Politioverbetjenten", "COP", "NOR"),
    ("nb", "Betjenten ble suspendert etter pågripelsen.", "Betjenten", "COP", "NOR"),
    ("nb", "Politiinspektøren beklaget håndteringen.", "Politiinspektøren", "COP", "NOR"),
    ("nb", "Påtaleansvarlig opplyser at mannen er siktet.", "Påtaleansvarlig", "COP", "NOR"),
    # military ranks (MIL)
    ("nb", "Obersten beordret soldatene tilbake til basen.", "Obersten", "MIL", "NOR"),
    ("nb", "Løytnanten ga ordre om å skyte.", "Løytnanten", "MIL", "NOR"),
    ("nb", "Befalet nektet å adlyde ordren.", "Befalet", "MIL", "NOR"),
    # business (BUS)
    ("nb", "Arbeidsgiverne avviste kravet fra de ansatte.", "Arbeidsgiverne", "BUS", "NOR"),
    ("nn", "Arbeidsgjevarane avviste kravet frå dei tilsette.", "Arbeidsgjevarane", "BUS", "NOR"),
    ("nb", "Næringslivet kritiserte skatteøkningen.", "Næringslivet", "BUS", "NOR"),
    ("nb", "Rederiet avviste kravet fra sjømennene.", "Rederiet", "BUS", "NOR"),
    ("nn", "Reiarlaget avviste kravet frå sjøfolka.", "Reiarlaget", "BUS", "NOR"),
    # named organisations
    ("nb", "LO krever at regjeringen trekker forslaget.", "LO", "CVL", "NOR"),
    ("nn", "LO krev at regjeringa trekkjer forslaget.", "LO", "CVL", "NOR"),
    ("nb", "NHO kritiserte streiken.", "NHO", "BUS", "NOR"),
    ("nb", "YS og Unio brøt forhandlingene.", "Unio", "CVL", "NOR"),
    ("nb", "Sykepleierforbundet varslet streik fra mandag.", "Sykepleierforbundet", "CVL", "NOR"),
    ("nn", "Sjukepleiarforbundet varsla streik frå måndag.", "Sjukepleiarforbundet", "CVL", "NOR"),
    ("nb", "Utdanningsforbundet krever høyere lønn for lærerne.", "Utdanningsforbundet", "CVL", "NOR"),
    ("nn", "Utdanningsforbundet krev høgare løn for lærarane.", "Utdanningsforbundet", "CVL", "NOR"),
    ("nb", "Fellesforbundet truer med streik.", "Fellesforbundet", "CVL", "NOR"),
    ("nb", "Legeforeningen advarte mot kuttene.", "Legeforeningen", "CVL", "NOR"),
    ("nn", "Bondelaget kravde betre vilkår for bøndene.", "Bondelaget", "CVL", "NOR"),
    ("nn", "Fiskarlaget protesterte mot kvotane.", "Fiskarlaget", "CVL", "NOR"),
    ("nb", "Norsk Journalistlag kritiserte politiet.", "Norsk Journalistlag", "JRN", "NOR"),
    ("nb", "Arbeidsgiverforeningen Spekter avviste kravet.", "Arbeidsgiverforeningen Spekter", "BUS", "NOR"),
    ("nb", "Spekter avviste kravet fra fagforbundet Delta.", "fagforbundet Delta", "CVL", "NOR"),
    ("nb", "KS avviste kravet fra fagforeningene.", "KS", "GOV", "NOR"),
    ("nb", "Kommunaldepartementet avviste søknaden fra kommunen.", "Kommunaldepartementet", "GOV", "NOR"),
    ("nn", "Kommunaldepartementet avviste søknaden frå kommunen.", "Kommunaldepartementet", "GOV", "NOR"),
    ("nb", "Kunnskapsdepartementet avviste kravet fra skolene.", "Kunnskapsdepartementet", "GOV", "NOR"),
    ("nb", "UD fraråder alle reiser til landet.", "UD", "GOV", "NOR"),
    ("nb", "Statsministerens kontor avviste kritikken.", "Statsministerens kontor", "GOV", "NOR"),
    ("nb", "Helsedirektoratet advarte mot reisen.", "Helsedirektoratet", "GOV", "NOR"),
    ("nb", "Arbeidstilsynet stengte byggeplassen.", "Arbeidstilsynet", "GOV", "NOR"),
    ("nn", "Mattilsynet stengde restauranten.", "Mattilsynet", "GOV", "NOR"),
    ("nb", "Riksadvokaten anket dommen.", "Riksadvokaten", "GOV", "NOR"),
    ("nb", "Økokrim siktet selskapet for korrupsjon.", "Økokrim", "COP", "NOR"),
    ("nb", "Beredskapstroppen ble kalt ut.", "Beredskapstroppen", "COP", "NOR"),
    ("nn", "Heimevernet vart kalla ut for å hjelpe politiet.", "Heimevernet", "MIL", "NOR"),
    ("nb", "Kystvakten bordet tråleren.", "Kystvakten", "MIL", "NOR"),
    ("nn", "Sametinget kritiserte regjeringa.", "Sametinget", "GOV", "NOR"),
    ("nb", "Riksrevisjonen kritiserte Forsvaret.", "Riksrevisjonen", "GOV", "NOR"),
    ("nb", "Norges Bank hevet renten torsdag.", "Norges Bank", "GOV", "NOR"),
    ("nb", "Sivilombudet kritiserte fengselet.", "Sivilombudet", "GOV", "NOR"),
    ("nn", "Barneombodet kritiserte kommunen.", "Barneombodet", "GOV", "NOR"),
    ("nb", "Miljøverndepartementet avviste klagen.", "Miljøverndepartementet", "GOV", "NOR"),
    ("nb", "OED ga tillatelse til utbyggingen.", "OED", "GOV", "NOR"),
    ("nb", "Helsetilsynet kritiserte sykehuset.", "Helsetilsynet", "GOV", "NOR"),
    ("nb", "FHI anbefaler at skolene holdes åpne.", "FHI", "GOV", "NOR"),
    ("nb", "Utdanningsdirektoratet avviste klagen.", "Utdanningsdirektoratet", "GOV", "NOR"),
    ("nb", "Fiskeridirektoratet stanset fisket.", "Fiskeridirektoratet", "GOV", "NOR"),
    ("nb", "Miljødirektoratet ga tillatelse til fellingen.", "Miljødirektoratet", "GOV", "NOR"),
    ("nb", "Datatilsynet ila kommunen et gebyr.", "Datatilsynet", "GOV", "NOR"),
    ("nb", "Finanstilsynet advarte bankene.", "Finanstilsynet", "GOV", "NOR"),
    ("nb", "Konkurransetilsynet stanset oppkjøpet.", "Konkurransetilsynet", "GOV", "NOR"),
    ("nb", "Statens vegvesen stengte veien.", "Statens vegvesen", "GOV", "NOR"),
    ("nb", "Tolletaten beslagla narkotikaen.", "Tolletaten", "GOV", "NOR"),
    ("nb", "Kriminalomsorgen beklaget rømningen.", "Kriminalomsorgen", "GOV", "NOR"),
    ("nb", "Spesialenheten for politisaker henla saken.", "Spesialenheten for politisaker", "GOV", "NOR"),
    ("nb", "Luftforsvaret sendte to jagerfly.", "Luftforsvaret", "MIL", "NOR"),
    ("nb", "Sjøforsvaret sendte en fregatt.", "Sjøforsvaret", "MIL", "NOR"),
    ("nb", "YS og Unio brøt forhandlingene.", "YS", "CVL", "NOR"),
    ("nb", "NTL varslet streik i staten.", "NTL", "CVL", "NOR"),
    ("nb", "Politiets Fellesforbund kritiserte reformen.", "Politiets Fellesforbund", "CVL", "NOR"),
    ("nn", "Småbrukarlaget kravde høgare tilskot.", "Småbrukarlaget", "CVL", "NOR"),
    ("nb", "Pensjonistforbundet demonstrerte foran Stortinget.", "Pensjonistforbundet", "CVL", "NOR"),
    ("nb", "Elevorganisasjonen krever gratis skolemat.", "Elevorganisasjonen", "CVL", "NOR"),
    # a foreign ministry stays a sector noun with its country, and its anaphor follows it
    (
        "nb",
        "Det russiske utenriksdepartementet kritiserte Norge. Departementet krevde en forklaring.",
        "Departementet",
        "GOV",
        "RUS",
    ),
    (
        "nb",
        "Det amerikanske justisdepartementet tiltalte fem personer.",
        "Det amerikanske justisdepartementet",
        "GOV",
        "USA",
    ),
    # a Norwegian ministry with a two-part name is the NER's whole name
    (
        "nb",
        "Helse- og omsorgsdepartementet avviste søknaden fra sykehuset.",
        "Helse- og omsorgsdepartementet",
        "GOV",
        "NOR",
    ),
]


@pytest.mark.parametrize("lang, text, wanted, sector, country", MENTIONS)
def test_sector_noun_or_organisation(
    lang: str, text: str, wanted: str, sector: str, country: str | None
) -> None:
    m = mention(text, lang, wanted)
    assert (m.sector, m.country) == (sector, country), (wanted, m.sector, m.country, m.name)


def test_armed_forces_stay_military_beside_the_defence_lawyer() -> None:
    assert mention("Forsvaret sendte soldater til Afghanistan.", "nb", "Forsvaret").sector == "MIL"


# (type, language, sentence, actor (text, sector) or None, recipient (text, sector) or None)
EVENTS: list[tuple[str, str, str, tuple[str, str] | None, tuple[str, str] | None]] = [
    ("PROTEST", "nb", "Bøndene demonstrerte utenfor Stortinget mandag.", ("Bøndene", "CVL"), None),
    ("PROTEST", "nn", "Sjukepleiarane streika i protest mot lønsoppgjeret.", ("Sjukepleiarane", "CVL"), None),
    (
        "REQUEST",
        "nb",
        "Legene krevde at regjeringen gir mer penger til sykehusene.",
        ("Legene", "CVL"),
        ("regjeringen", "GOV"),
    ),
    (
        "REQUEST",
        "nn",
        "Legane kravde at regjeringa gir meir pengar til sjukehusa.",
        ("Legane", "CVL"),
        ("regjeringa", "GOV"),
    ),
    ("THREATEN", "nb", "Ranerne truet de ansatte med pistol.", ("Ranerne", "UNK"), ("de ansatte", "CVL")),
    (
        "THREATEN",
        "nn",
        "Ranarane truga dei tilsette med pistol.",
        ("Ranarane", "UNK"),
        ("dei tilsette", "CVL"),
    ),
    ("COERCE", "nb", "Tyven ble pågrepet av politiet.", ("politiet", "COP"), ("Tyven", "UNK")),
    ("COERCE", "nn", "Tjuven vart pågripen av politiet.", ("politiet", "COP"), ("Tjuven", "UNK")),
    ("COERCE", "nb", "Den tiltalte ble dømt til åtte års fengsel.", None, ("Den tiltalte", "CVL")),
    ("REQUEST", "nb", "LO krever at regjeringen trekker forslaget.", ("LO", "CVL"), ("regjeringen", "GOV")),
    ("REQUEST", "nn", "Forsvararen kravde frifinning.", ("Forsvararen", "CVL"), None),
    (
        "REJECT",
        "nb",
        "Arbeidsgiverforeningen Spekter avviste kravet fra fagforbundet Delta.",
        ("Arbeidsgiverforeningen Spekter", "BUS"),
        ("fagforbundet Delta", "CVL"),
    ),
    (
        "REJECT",
        "nn",
        "Arbeidsgjevarane avviste kravet frå dei tilsette.",
        ("Arbeidsgjevarane", "BUS"),
        ("dei tilsette", "CVL"),
    ),
    (
        "REJECT",
        "nb",
        "Kommunaldepartementet avviste søknaden fra kommunen.",
        ("Kommunaldepartementet", "GOV"),
        ("kommunen", "GOV"),
    ),
    (
        "REJECT",
        "nn",
        "Fylkeskommunen avviste kravet frå elevane.",
        ("Fylkeskommunen", "GOV"),
        ("elevane", "CVL"),
    ),
    ("REJECT", "nn", "Kommuneleiinga i Vinje avviste kritikken.", ("Kommuneleiinga", "GOV"), None),
    (
        "REJECT",
        "nb",
        "Den iranske ledelsen avviste kravene fra FN.",
        ("Den iranske ledelsen", "GOV"),
        ("FN", "IGO"),
    ),
    ("ACCUSE", "nb", "Økokrim siktet selskapet for korrupsjon.", ("Økokrim", "COP"), ("selskapet", "BUS")),
    (
        "ACCUSE",
        "nb",
        "Forsvarsadvokaten kritiserte politiet.",
        ("Forsvarsadvokaten", "CVL"),
        ("politiet", "COP"),
    ),
    ("CONCEDE", "nn", "Politimeisteren i Oslo bad familien om orsaking.", ("Politimeisteren", "COP"), None),
    (
        "CONSULT",
        "nb",
        "Ordføreren og rådmannen møtte statsråden i departementet.",
        ("Ordføreren", "GOV"),
        ("statsråden", "GOV"),
    ),
]


def _arg(x: dict | None) -> tuple[str, str] | None:
    return None if x is None else (x["text"], x["sector"])


@pytest.mark.parametrize("type_, lang, text, actor, recipient", EVENTS)
def test_event_parties(
    type_: str, lang: str, text: str, actor: tuple[str, str] | None, recipient: tuple[str, str] | None
) -> None:
    ev = one(text, type_, lang)
    assert _arg(ev["actor"]) == actor
    if recipient is not None:
        assert _arg(ev["recipient"]) == recipient


# (language, sentence, words that must not be (the head of) a sector-noun or organisation mention)
NOT_ACTORS: list[tuple[str, str, set[str]]] = [
    # Nynorsk adjectives in -lege are no doctors
    ("nn", "Det offentlege må ta ansvar for dei vanlege innbyggjarane.", {"offentlege", "Det offentlege"}),
    ("nn", "Det er vanlege folk som blir ramma av dei farlege vegane.", {"farlege"}),
    # "overlegen" is also an adjective; -offer ends names and plurals
    ("nb", "Laget viste en overlegen innsats i finalen.", {"overlegen"}),
    ("nb", "Politiet fant sprengstoffer i leiligheten.", {"sprengstoffer"}),
    ("nb", "Kristoffer fikk gull i stafetten.", {"Kristoffer"}),
    # -raner, -leiing, -kjenning, bare "tilsyn"
    ("nb", "Veteraner fra krigen holdt en minnestund i Oslo.", {"Veteraner"}),
    ("nn", "Ho fekk god rettleiing frå læraren.", {"rettleiing"}),
    ("nb", "Kommunen fikk godkjenning fra departementet.", {"godkjenning"}),
    ("nn", "Fylkesmannen har ført tilsyn med kommunen.", {"tilsyn"}),
    # a bare "ledelsen" without a country or a known modifier
    ("nb", "Ledelsen i selskapet avviste kritikken.", {"Ledelsen"}),
    # organisations whose names are common words are not aliased
    ("nb", "Et bredt spekter av organisasjoner kritiserte forslaget.", {"spekter"}),
    ("nb", "Han ville delta i demonstrasjonen mot regjeringen.", {"delta"}),
    ("nb", "Han velger å trekke seg fra vervet.", {"velger"}),
]


@pytest.mark.parametrize("lang, text, words", NOT_ACTORS)
def test_not_an_actor(lang: str, text: str, words: set[str]) -> None:
    ms = mentions(text, lang)
    bad = [
        m.text for m in ms if m.kind in ("noun", "org") and (m.text in words or m.text.split()[-1] in words)
    ]
    assert not bad, f"{bad} in {text!r}"


# Substantivised participles, tagged "adj|<perf-part>", are person nouns when they head their phrase.
PARTICIPLES = [
    ("nn", "Den tiltalte vart dømd til åtte års fengsel.", "Den tiltalte"),
    ("nb", "Politiet pågrep den mistenkte i Bergen natt til søndag.", "den mistenkte"),
    ("nb", "Den siktede nekter straffskyld.", "Den siktede"),
    ("nn", "Den sikta nektar straffskuld.", "Den sikta"),
    ("nb", "Tiltalte forklarte seg i retten.", "Tiltalte"),
    ("nb", "Domfelte anket dommen.", "Domfelte"),
]


@pytest.mark.parametrize("lang, text, wanted", PARTICIPLES)
def test_participle_nouns(lang: str, text: str, wanted: str) -> None:
    assert mention(text, lang, wanted).sector == "CVL"


def test_infinitive_is_no_victim() -> None:
    ms = mentions("Han sa at han var villig til å ofre livet for saken.", "nb")
    assert "ofre" not in [m.text for m in ms]
