"""Load Hending's trained Norwegian pipelines (shipped in the package, offline)."""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module, resources
from pathlib import Path

import spacy
import yaml
from spacy.language import Language

import hending.analyse.extensions  # noqa: F401  (Doc attributes)
import hending.analyse.paragraphs  # noqa: F401  (registers component factories)
import hending.analyse.tagmap  # noqa: F401

SUPPORTED = ("nb", "nn")


def _settings() -> dict:
    text = resources.files("hending.data").joinpath("pipelines.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def model_path(lang: str) -> Path:
    """The directory of the trained pipeline used for ``lang``."""
    if lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}: expected one of {', '.join(SUPPORTED)}")
    name = _settings()["models"][lang]
    path = Path(str(resources.files("hending").joinpath("models", name)))
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(
            f"trained pipeline missing at {path}; build it with 'make model' (see training/README.md)"
        )
    return path


@lru_cache(maxsize=4)
def load_pipeline(lang: str = "nb", exclude: tuple[str, ...] = ()) -> Language:
    """Load the spaCy pipeline for ``nb`` (Bokmål) or ``nn`` (Nynorsk), once per process."""
    settings = _settings()
    nlp = spacy.load(model_path(lang), exclude=list(exclude))
    nlp.meta["hending_lang"] = lang
    for entry in settings.get("components", []):
        if entry["name"] in exclude or entry["name"] in nlp.pipe_names:
            continue
        if entry.get("module"):
            import_module(entry["module"])
        component = nlp.add_pipe(entry["factory"], name=entry["name"], config=entry.get("config", {}),
                                 **entry.get("position", {}))
        if entry.get("names"):
            component.add_patterns(name_patterns(entry["names"]))
    return nlp


def name_patterns(filename: str) -> list[dict]:
    """Entity-ruler patterns from a YAML of ``LABEL: [names]`` in hending/data, genitives included."""
    text = resources.files("hending.data").joinpath(filename).read_text("utf-8")
    patterns = []
    for label, names in yaml.safe_load(text).items():
        for name in names:
            genitive = f"{name}'" if name[-1] in "sxz" else f"{name}s"
            patterns += [{"label": label, "pattern": name}, {"label": label, "pattern": genitive}]
    return patterns
