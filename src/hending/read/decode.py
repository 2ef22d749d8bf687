"""Turn raw bytes into text, refusing binary data and undecodable bytes with a located error."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """Bytes that are not UTF-8 text; ``kind`` is ``binary`` or ``decode``."""

    def __init__(self, kind: str, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.kind, self.reason, self.line = kind, reason, line


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped); NUL bytes mean binary data."""
    if b"\x00" in data[:65536]:
        raise DecodeError("binary", "binary file (contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DecodeError(
            "decode",
            f"not valid UTF-8 at line {line}, column {col} (byte {exc.start}: "
            f"{data[exc.start:exc.start + 1]!r}); re-encode the file as UTF-8",
            line,
        ) from None
