"""``hending serve``: a REST API over the event store and an offline web explorer.

The explorer shows events on a map and a timeline, lists them, and shows each article with the
evidence of its events highlighted; a place page lists the events at one place over time.
``create_app`` is imported on first use, so ``hending``'s other commands never load FastAPI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from hending.serve.app import create_app

        return create_app
    raise AttributeError(f"module 'hending.serve' has no attribute {name!r}")
