"""Scale-out benchmark: the local and the Ray engine with 1 and 2 workers on N real articles.

Usage (from the repository root):

    .venv/bin/python benchmarks/scale.py                      # 2,000 full-length NorSumm articles
    .venv/bin/python benchmarks/scale.py --ntb                # cut to NTB length (~330 words)
    .venv/bin/python benchmarks/scale.py --ntb --engines local ray ray-cluster --repeat 2
    .venv/bin/python benchmarks/scale.py --input articles/ more.jsonl --docs 500 --engines local

The corpus is N articles (default: the 30 NorSumm dev articles, repeated under distinct ids;
``--input`` takes any JSON Lines files, text files or directories the reader accepts). ``--ntb``
keeps articles of at least 250 words and cuts each at the paragraph or sentence boundary closest
to 330 words, so the rate at NTB length is measured, not extrapolated.

Every run is a fresh process ingesting into a fresh store (``hending ingest`` /
``hending ingest --engine ray``, where a local Ray is started and stopped by the run /
``ray-cluster``: ``--engine ray --address auto`` on a Ray started beforehand with ``ray start``,
not timed), timed end to end from process start to the end of the index rebuild. Before each run
the benchmark waits (``--quiet-wait``) until other processes leave the machine idle, and it runs
a copy of the package taken at the start, so edits to the working tree meanwhile change nothing.
Reported per run: documents/s, words/s, the steady rate (between the first and the last batch),
seconds per stage summed over processes (start-up, reader, language pipeline, ``hending_times``,
``hending_places``, ``hending_events``, record building and transfer, store writes, FTS rebuild —
each timed where it runs, component by component), their share of the core time (workers × wall),
peak RSS per worker and of the driver, the load other processes put on the machine meanwhile, and
a digest of the stored events (every run must store identical events). Then the speed-up from 1
to 2 workers and Ray's overhead over the local engine at equal worker count. Prints a Markdown
table for docs/BENCHMARKS.md; writes everything as JSON (``--json``). Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import duckdb
from scale_corpus import NORSUMM, NTB_WORDS, write_corpus
from scale_monitor import Monitor, wait_for_quiet
from scale_report import best, comparisons, derive, markdown

HERE = Path(__file__).resolve().parent
EVENTS_SQL = "SELECT d.id, e.n, e.record FROM events e JOIN documents d USING (doc_key) ORDER BY d.id, e.n"


def events_digest(db: Path) -> tuple[int, str]:
    """Number of stored events and a hash of all of them (document id, position, full record)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(EVENTS_SQL).fetchall()
    finally:
        con.close()
    return len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def snapshot(dest: Path) -> dict[str, str]:
    """Copy the installed ``hending`` package into ``dest`` (models linked, not copied); return the env.

    Every run then uses the code as it was when the benchmark started, even if someone edits the
    working tree meanwhile (results of all runs must be identical).
    """
    source = Path(importlib.util.find_spec("hending").origin).parent
    shutil.copytree(source, dest / "hending", symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__", "models"))
    (dest / "hending" / "models").symlink_to(source / "models", target_is_directory=True)
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(dest),
                                                                       os.environ.get("PYTHONPATH")]))}


def is_ray_process(cmdline: str) -> bool:
    """A process of the Ray cluster started by :func:`ray_cluster` (not ours by parentage)."""
    return "ray::" in cmdline or "/ray/" in cmdline


@contextmanager
def ray_cluster(env: dict[str, str], cpus: int) -> Iterator[None]:
    """A running local Ray (``ray start --head``, not timed) for one ``ray-cluster`` run; stopped after it."""
    ray = [sys.executable, "-m", "ray.scripts.scripts"]
    subprocess.run([*ray, "start", "--head", f"--num-cpus={cpus}", "--include-dashboard=false",
                    "--disable-usage-stats"], env=env, check=True, capture_output=True)
    try:
        yield
    finally:
        subprocess.run([*ray, "stop"], env=env, check=False, capture_output=True)


def measure(engine: str, workers: int, corpus: Path, db: Path, batch_size: int, env: dict[str, str],
            quiet_wait: float) -> dict:
    """One end-to-end run in a fresh process, with the machine watched meanwhile."""
    also_ours = is_ray_process if engine == "ray-cluster" else None
    waited = wait_for_quiet(timeout=quiet_wait, ignore=also_ours) if quiet_wait > 0 else 0.0
    cmd = [sys.executable, str(HERE / "scale_run.py"), engine, str(workers), str(corpus), str(db),
           "--batch-size", str(batch_size)]
    with Monitor(also_ours=also_ours) as monitor:
        spawned = time.time()
        out = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if out.returncode:
        raise SystemExit(f"{engine} with {workers} worker(s) failed:\n{out.stderr[-3000:]}")
    run = json.loads(out.stdout.strip().splitlines()[-1])
    run.update(engine=engine, workers=workers, wall_seconds=run["finished_at"] - spawned)
    run["load"] = {"before": monitor.load_before, "after": monitor.load_after,
                   "foreign_cores": monitor.foreign_cores(), "waited_for_quiet_seconds": waited}
    run["ray_system_peak_rss_mb"] = monitor.ray_system_rss_mb() if engine.startswith("ray") else 0.0
    run["events_stored"], run["events_digest"] = events_digest(db)
    run["db_mb"] = sum(p.stat().st_size for p in (db, Path(f"{db}.wal")) if p.exists()) / 1e6
    return run


def run_once(engine: str, workers: int, n: int, tmp: Path, corpus_file: Path, corpus: dict,
             env: dict[str, str], args: argparse.Namespace) -> dict:
    """Measure one configuration into a fresh store (deleted afterwards); log a line to stderr."""
    db = tmp / f"{engine}-{workers}-{n}.duckdb"
    run = measure(engine, workers, corpus_file, db, args.batch_size, env, args.quiet_wait)
    run["derived"] = derive(run, corpus)
    print(f"{engine} x{workers}: {run['wall_seconds']:.1f} s, {run['derived']['documents_per_second']:.1f} "
          f"docs/s, foreign load {run['load']['foreign_cores']:.2f} cores", file=sys.stderr)
    db.unlink(missing_ok=True)
    Path(f"{db}.wal").unlink(missing_ok=True)
    return run


def machine() -> dict:
    """Cores, memory, CPU model, Python and library versions."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    versions = {}
    for name in ("hending", "spacy", "ray", "duckdb", "pyarrow"):
        try:
            versions[name] = __import__(name).__version__
        except ImportError:
            versions[name] = None
    git = subprocess.run(["git", "describe", "--always", "--dirty"], capture_output=True, text=True,
                         cwd=HERE, check=False).stdout.strip()
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(), "git": git,
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "platform": platform.platform(), "versions": versions,
            "date": datetime.datetime.now().astimezone().isoformat(timespec="minutes")}


def parse_args() -> argparse.Namespace:
    """Command-line options (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    ap.add_argument("--docs", type=int, default=2000, help="number of documents N (default 2000)")
    ap.add_argument("--input", nargs="+", default=[str(NORSUMM)], metavar="PATH",
                    help="source articles: JSON Lines, text files, directories (default: NorSumm dev)")
    ap.add_argument("--ntb", action="store_true",
                    help=f"NTB length: --cut-words {NTB_WORDS} --min-words 250")
    ap.add_argument("--cut-words", type=int, help="cut longer articles at the boundary closest to this")
    ap.add_argument("--min-words", type=int, default=0, help="leave out shorter source articles")
    ap.add_argument("--engines", nargs="+", choices=("local", "ray", "ray-cluster"), default=["local", "ray"],
                    help="local: hending ingest; ray: --engine ray, starting and stopping a local Ray per "
                         "run; ray-cluster: --engine ray --address auto on a Ray started once (ray start)")
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2], help="worker counts (default 1 2)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per configuration; the fastest is reported")
    ap.add_argument("--batch-size", type=int, default=16, help="documents per batch (default 16)")
    ap.add_argument("--json", default="build/scale.json", help="JSON output file (default build/scale.json)")
    ap.add_argument("--quiet-wait", type=float, default=300, metavar="SECONDS",
                    help="before each run, wait up to this long for other processes to use < 0.15 cores "
                         "(default 300; 0: don't wait)")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the working tree as it is at each run (default: a copy taken at the start)")
    args = ap.parse_args()
    if args.ntb:
        args.cut_words, args.min_words = args.cut_words or NTB_WORDS, max(args.min_words, 250)
    return args


def main() -> None:
    """Build the corpus, run every configuration, print Markdown, write JSON."""
    args = parse_args()
    info, runs = machine(), []  # before the runs: the code state the snapshot is taken from
    with tempfile.TemporaryDirectory(prefix="hending-scale-") as tmp:
        corpus_file = Path(tmp) / "corpus.jsonl"
        corpus = write_corpus(corpus_file, args.input, args.docs, args.cut_words, args.min_words)
        env = dict(os.environ) if args.no_snapshot else snapshot(Path(tmp) / "src")
        for n in range(args.repeat):  # engines back to back at each worker count: comparable conditions
            for workers in args.workers:
                for engine in args.engines:
                    with ray_cluster(env, max(args.workers)) if engine == "ray-cluster" else nullcontext():
                        runs.append(run_once(engine, workers, n, Path(tmp), corpus_file, corpus, env, args))
    chosen = best(runs)
    compare = comparisons(chosen)
    digests = {run["events_digest"] for run in runs}
    report = {"machine": info, "corpus": corpus, "batch_size": args.batch_size,
              "identical_events": len(digests) == 1, "comparisons": compare, "runs": runs,
              "command": " ".join([Path(sys.executable).name, *sys.argv])}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
    m = report["machine"]
    print(f"{m['date']}, {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']}, "
          f"code {m['git']}; "
          f"events identical in every run: {'yes' if report['identical_events'] else 'NO'} "
          f"({runs[0]['events_stored']} events)\n")
    print(markdown(chosen, corpus, compare))


if __name__ == "__main__":
    main()
