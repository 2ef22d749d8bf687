"""Norwegian (nb/nn) temporal normaliser: time expressions -> TIMEX3-style values and date ranges.

>>> from hending.resolve.times import Anchor, find_times
>>> [t["value"] for t in find_times("Byen falt onsdag kveld.", Anchor.parse("2017-03-02"))]
['2017-03-01TEV']

Lexicons and surface patterns are data (lexicon.yaml, patterns.yaml); rules.py interprets matches,
normalise.py selects and resolves them, tense.py guesses past/future, dates.py does the calendar.
"""

from hending.resolve.times.anchor import Anchor
from hending.resolve.times.dates import Interval
from hending.resolve.times.normalise import find_times

__all__ = ["Anchor", "Interval", "find_times"]
