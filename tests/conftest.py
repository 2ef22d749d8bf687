"""Shared fixtures: paths to ../shared inputs (skipped when absent) and the trained pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PALMYRA = SHARED / "examples" / "palmyra-2017-03.txt"
NORSUMM = SHARED / "corpus" / "norsumm-dev.jsonl"


def need(path: Path) -> Path:
    """Skip the test when a ../shared input is not present."""
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="session")
def palmyra() -> Path:
    return need(PALMYRA)


@pytest.fixture(scope="session")
def norsumm() -> Path:
    return need(NORSUMM)
