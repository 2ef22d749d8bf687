"""Speed of the temporal normaliser on a 5,000-character article (target: well under 5 ms).

Usage: python benchmarks/times_speed.py   (prints JSON; best of 7 runs)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hending.resolve.times import find_times  # noqa: E402
from tests.test_times import _long_article  # noqa: E402
from tests.times_helpers import HDR, PUB  # noqa: E402


def main() -> None:
    """Time find_times with a publication date and with a header month only."""
    text = _long_article()
    find_times(text, HDR)  # warm the lexicon cache
    best = float("inf")
    for _ in range(7):
        t0 = time.perf_counter()
        find_times(text, HDR)
        find_times(text, PUB)
        best = min(best, (time.perf_counter() - t0) / 2)
    print(json.dumps({"characters": len(text), "expressions": len(find_times(text, PUB)),
                      "best_ms": round(best * 1000, 2)}))


if __name__ == "__main__":
    main()
