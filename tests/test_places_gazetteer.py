"""Gazetteer data, index and memory budget."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from hending.resolve.places import get_gazetteer, normalise
from hending.resolve.places.gazetteer import EXONYMS_PATH, INDEX_PATH

SRC = Path(__file__).resolve().parent.parent / "src"


def test_index_file_is_small() -> None:
    assert INDEX_PATH.stat().st_size < 5_000_000


def test_singleton() -> None:
    assert get_gazetteer() is get_gazetteer()
    assert len(get_gazetteer()) > 200_000  # all of cities500


def test_every_exonym_id_exists_and_matches_its_country() -> None:
    gaz = get_gazetteer()
    assert gaz.missing_exonym_ids == []
    data = yaml.safe_load(EXONYMS_PATH.read_text(encoding="utf-8"))
    for entry in data["places"]:
        place = gaz.by_geonameid(entry["geonameid"])
        assert place is not None and place.feature == "city", entry
    for iso in data["countries"]:
        assert gaz.country(iso) is not None, iso
    for entry in data["regions"]:
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry


def test_country_records() -> None:
    gaz = get_gazetteer()
    ru = gaz.country("RU")
    assert ru is not None and ru.geonameid == 2017370 and ru.feature == "country"
    # representative point = the capital (Moscow)
    assert abs(ru.lat - 55.75) < 0.1 and abs(ru.lon - 37.62) < 0.1
    assert gaz.by_geonameid(2017370) == ru


def test_norwegian_country_names_from_pycountry() -> None:
    gaz = get_gazetteer()
    for name, iso in [("Tyskland", "DE"), ("Sveits", "CH"), ("Hellas", "GR"),
                      ("Den russiske føderasjon", "RU"), ("Noreg", "NO"), ("Kviterussland", "BY"),
                      ("Saudi-Arabia", "SA"), ("Saudi Arabia", "SA")]:
        cands = gaz.lookup(name)
        assert any(c.place.country == iso and c.place.feature == "country" for c in cands), name


def test_normalise() -> None:
    assert normalise("  Den  vestlige\tbredden ") == "den vestlige bredden"
    assert normalise("Deir ez\u2013Zor") == "deir ez-zor"
    assert normalise("GENÈVE") == "genève"


def test_pinned_exonym_excludes_homonyms() -> None:
    cands = get_gazetteer().lookup("Bagdad")
    assert [c.place.geonameid for c in cands] == [98182]


def test_load_memory_budget() -> None:
    """Loading the gazetteer in a fresh interpreter adds <= 500 MB RSS (timing is reported, not asserted).

    Peak RSS comes from /proc/self/status VmHWM (reset at exec; ``ru_maxrss`` would inherit the pytest
    parent's peak through fork), falling back to ``resource`` elsewhere.
    """
    code = (
        "import json, resource, time\n"
        "def peak_mb():\n"
        "    try:\n"
        "        status = open('/proc/self/status').read()\n"
        "        return int(status.split('VmHWM:')[1].split()[0]) / 1024\n"
        "    except (OSError, IndexError):\n"
        "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "import hending.resolve.places.gazetteer as G\n"
        "r0 = peak_mb()\n"
        "t = time.perf_counter()\n"
        "g = G.get_gazetteer()\n"
        "dt = time.perf_counter() - t\n"
        "print(json.dumps({'mb': peak_mb() - r0, 'seconds': dt, 'n': len(g)}))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"gazetteer load: {stats['seconds']:.2f} s, +{stats['mb']:.0f} MB peak RSS")
    assert stats["n"] > 200_000
    assert 0 < stats["mb"] <= 500
