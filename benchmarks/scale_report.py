"""Derived figures and the Markdown tables of ``benchmarks/scale.py``."""

from __future__ import annotations

# Table columns: (heading, stages folded into it). Stage names as booked by the engines
# (hending.engines.stages): "language:*" is folded into "language" before this mapping.
COLUMNS = [
    ("start-up", ("imports", "startup")),
    ("Ray start/stop", ("ray_init", "ray_shutdown")),
    ("reader", ("read", "langid")),
    ("language", ("language",)),
    ("hending_times", ("hending_times",)),
    ("hending_places", ("hending_places",)),
    ("hending_events", ("hending_events",)),
    ("record + IPC", ("record", "ipc")),
    ("store", ("store",)),
    ("FTS", ("fts",)),
]


def fold(times: dict[str, float]) -> dict[str, float]:
    """Stage totals with ``language:*`` folded into ``language``."""
    out: dict[str, float] = {}
    for stage, seconds in times.items():
        key = "language" if stage.startswith("language:") else stage
        out[key] = out.get(key, 0.0) + seconds
    return out


def derive(run: dict, corpus: dict) -> dict:
    """Rates, stage shares of the core time (workers × wall) and memory for one run."""
    wall, workers = run["wall_seconds"], run["workers"]
    stages = fold(run["times"])
    stages["imports"] = run["imports_seconds"]
    core = workers * wall
    columns = {name: sum(stages.get(s, 0.0) for s in parts) for name, parts in COLUMNS}
    columns["rest"] = core - sum(columns.values())
    peaks = list(run["worker_peak_rss_mb"].values())
    return {
        "documents_per_second": corpus["documents"] / wall, "words_per_second": corpus["words"] / wall,
        "core_seconds": core, "stages": stages, "columns": columns,
        "shares": {name: seconds / core for name, seconds in columns.items()},
        "language_share": stages.get("language", 0.0) / core,
        "worker_peak_rss_mb": max(peaks) if peaks else 0.0,
    }


def best(runs: list[dict]) -> dict[tuple[str, int], dict]:
    """The fastest run of each (engine, workers)."""
    out: dict[tuple[str, int], dict] = {}
    for run in runs:
        key = (run["engine"], run["workers"])
        if key not in out or run["wall_seconds"] < out[key]["wall_seconds"]:
            out[key] = run
    return out


def comparisons(chosen: dict[tuple[str, int], dict]) -> dict[str, float]:
    """Speed-ups (2 vs 1 worker) and Ray's overhead over the local engine at equal worker count."""
    out = {}
    for (engine, workers), run in sorted(chosen.items()):
        one = chosen.get((engine, 1))
        if workers > 1 and one:
            out[f"{engine} speed-up {workers} vs 1"] = one["wall_seconds"] / run["wall_seconds"]
        local = chosen.get(("local", workers))
        if engine.startswith("ray") and local:
            fixed = sum(run["times"].get(s, 0.0) for s in ("ray_init", "ray_shutdown"))
            out[f"{engine} overhead, {workers} worker(s)"] = run["wall_seconds"] / local["wall_seconds"] - 1
            if fixed:
                out[f"{engine} overhead without Ray start/stop, {workers} worker(s)"] = (
                    (run["wall_seconds"] - fixed) / local["wall_seconds"] - 1)
    return out


def markdown(chosen: dict[tuple[str, int], dict], corpus: dict, compare: dict[str, float]) -> str:
    """The two Markdown tables (throughput, stages) and the comparisons."""
    lines = ["| engine | workers | wall (s) | documents/s | words/s | steady documents/s | language share "
             "| peak RSS per worker | driver peak RSS | foreign load (cores) | load avg before |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for (engine, workers), run in sorted(chosen.items()):
        d = run["derived"]
        lines.append(f"| {engine} | {workers} | {run['wall_seconds']:.1f} "
                     f"| **{d['documents_per_second']:.1f}** | {d['words_per_second']:,.0f} "
                     f"| {run['steady_docs_per_second']:.1f} | {d['language_share']:.0%} "
                     f"| {d['worker_peak_rss_mb']:.0f} MB | {run['driver_peak_rss_mb']:.0f} MB "
                     f"| {run['load']['foreign_cores']:.2f} | {run['load']['before']:.2f} |")
    lines += ["", "Seconds per stage, summed over processes (share of workers × wall time):", "",
              "| engine | workers | " + " | ".join(name for name, _ in COLUMNS) + " | rest |",
              "|---|---|" + "---|" * (len(COLUMNS) + 1)]
    for (engine, workers), run in sorted(chosen.items()):
        d = run["derived"]
        cells = [f"{d['columns'][name]:.1f} ({d['shares'][name]:.0%})" for name, _ in COLUMNS]
        cells.append(f"{d['columns']['rest']:.1f} ({d['shares']['rest']:.0%})")
        lines.append(f"| {engine} | {workers} | " + " | ".join(cells) + " |")
    if compare:
        lines += [""] + [f"- {name}: {value:+.1%}" if "overhead" in name else f"- {name}: {value:.2f}×"
                         for name, value in compare.items()]
    sizes = [run["db_mb"] for run in chosen.values() if run.get("db_mb")]
    if sizes:
        lines += ["", f"Store size: {max(sizes) / corpus['documents'] * 1000:.1f} MB per 1,000 documents "
                  "(DuckDB file incl. FTS indexes)."]
    lines += ["", f"Corpus: {corpus['documents']} documents, {corpus['words']:,} words "
              f"(mean {corpus['mean_words']} words, {corpus['distinct_articles']} distinct articles"
              + (f", cut at ≈ {corpus['cut_words']} words" if corpus.get("cut_words") else "") + ")."]
    return "\n".join(lines)
