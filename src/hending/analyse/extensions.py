"""Custom ``Doc`` attributes shared by Hending's components (set once, on import)."""

from __future__ import annotations

from spacy.tokens import Doc

# published: hending.read.Published (set by the caller before the pipeline runs)
# times/places/events/quotes: lists of contract dicts (set by the components)
for _name in ("published", "times", "places", "events", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
