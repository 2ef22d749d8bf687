"""Smoke test: benchmarks/scale.py runs end to end on 4 documents. No time is asserted."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from scale_corpus import cut_text  # noqa: E402


def test_cut_text_stops_at_a_sentence_or_paragraph_boundary():
    text = "Første setning her. " * 10 + "Overskrift | " + "Andre setning kommer. " * 10
    cut = cut_text(text.strip(), 31)
    assert cut.endswith("Overskrift") and len(cut.split()) == 31
    assert cut_text("Kort tekst.", 330) == "Kort tekst."
    assert cut_text(text.strip(), 4).endswith("her.")


def test_scale_benchmark_runs_on_four_documents(tmp_path, norsumm):
    engines = ["local", "ray"] if importlib.util.find_spec("ray") else ["local"]
    out = tmp_path / "scale.json"
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "scale.py"), "--docs", "4", "--ntb", "--workers", "1",
         "--engines", *engines, "--quiet-wait", "0", "--json", str(out), "--input", str(norsumm)],
        capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["corpus"]["documents"] == 4 and report["corpus"]["max_words"] <= 400
    assert report["identical_events"] and len(report["runs"]) == len(engines)
    for run in report["runs"]:
        assert run["stored"] == 4
        assert {"language", "hending_times", "hending_places", "hending_events", "store"} <= set(
            run["derived"]["stages"])
    for engine in engines:
        assert f"| {engine} | 1 |" in result.stdout
