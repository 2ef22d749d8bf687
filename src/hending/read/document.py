"""What the reader hands to the pipeline: a source document or a read error."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Published:
    """A publication date with its precision (``day`` or ``month``) and where it came from."""

    value: str  # "YYYY-MM-DD" or "YYYY-MM"
    precision: str  # "day" | "month"
    origin: str  # "published" | "url" | "header"

    def as_dict(self) -> dict:
        """The contract's ``published`` object."""
        return {"value": self.value, "precision": self.precision, "origin": self.origin}


@dataclass(frozen=True)
class SourceDocument:
    """One article: body text (header removed) plus metadata."""

    id: str
    source: str  # the file it came from
    line: int | None  # line number in a JSON Lines file, else None
    text: str
    published: Published
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ReadError:
    """Bad input: reported with its location, then skipped."""

    source: str
    line: int | None
    kind: str  # decode | binary | header | json | parquet | empty | date | unreadable | language
    reason: str
    id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.kind}: {self.reason}"

    def as_dict(self) -> dict:
        """A JSON-ready record of this error."""
        return {"source": self.source, "line": self.line, "kind": self.kind, "reason": self.reason,
                "id": self.id}
