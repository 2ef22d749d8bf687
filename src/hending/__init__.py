"""Hending: dated Norwegian news into a trustworthy event database.

Library API (the CLI in :mod:`hending.cli` is a thin layer over these):

- :func:`load_pipeline` — the trained spaCy pipeline for ``"nb"`` or ``"nn"``
- :func:`extract_documents` — read paths and yield document records (or read errors)
- :func:`analyse_text` — analyse one text with a publication date
- :func:`read_paths` — the reader alone
"""

from hending.analyse.pipeline import load_pipeline
from hending.process import analyse_text, extract_documents
from hending.read import read_paths
from hending.version import __version__

__all__ = ["__version__", "analyse_text", "extract_documents", "load_pipeline", "read_paths"]
