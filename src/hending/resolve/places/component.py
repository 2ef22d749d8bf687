"""Pipeline component ``hending_places``: fill ``doc._.places`` from entities and the gazetteer."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import hending.analyse.extensions  # noqa: F401
from hending.resolve.places import get_gazetteer, resolve_places

ACTOR_DEPS = {"SUBJ", "FSUBJ"}


def actor_roles(doc: Doc) -> dict[int, str]:
    """Entity start -> ``actor`` where the entity heads a subject of a verb ("Russland ba om ...")."""
    roles = {}
    for ent in doc.ents:
        if ent.root.dep_ in ACTOR_DEPS and ent.root.head.pos_ in ("VERB", "AUX"):
            roles[ent.start_char] = "actor"
    return roles


class PlaceResolver:
    """Resolve place mentions to GeoNames places (offline)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        get_gazetteer()  # load once, when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        entities = [{"text": e.text, "label": e.label_, "start": e.start_char, "end": e.end_char}
                    for e in doc.ents]
        doc._.places = resolve_places(doc.text, entities, self.lang, roles=actor_roles(doc))
        return doc


@Language.factory("hending_places", default_config={})
def make_place_resolver(nlp: Language, name: str) -> PlaceResolver:
    """Factory."""
    return PlaceResolver(nlp.meta.get("hending_lang", "nb"))
