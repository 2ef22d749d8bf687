"""Watch the machine during a benchmark run: CPU used by other people's processes, and our memory.

A background thread samples ``/proc`` every ``interval`` seconds. Processes descended from this
one are "ours" (the ingest driver, its worker processes, Ray's raylet/GCS/actors); every other
process's CPU time is "foreign" load, reported next to the measurement so a run that shared the
machine can be recognised and repeated. Peak RSS (``VmHWM``) of each of our processes is kept
with its command line so workers, drivers and Ray's own processes can be told apart.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float] | None:
    """``(parent pid, CPU seconds)`` of a process, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def _peak_rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _all_cpu() -> dict[int, float]:
    return {int(name): st[1] for name in os.listdir("/proc") if name.isdigit() and (st := _stat(int(name)))}


def wait_for_quiet(max_cores: float = 0.15, window: float = 3.0, timeout: float = 300.0,
                   ignore: Callable[[str], bool] | None = None) -> float:
    """Wait until other processes used less than ``max_cores`` over ``window`` seconds; return the wait.

    Gives up after ``timeout`` seconds (the run then goes ahead and its foreign load is reported).
    Processes whose command line ``ignore`` accepts (an idle Ray cluster of ours) do not count.
    """
    start, me = time.monotonic(), os.getpid()
    while time.monotonic() - start < timeout:
        before = _all_cpu()
        time.sleep(window)
        after = _all_cpu()
        used = sum(max(0.0, cpu - before.get(pid, cpu)) for pid, cpu in after.items()
                   if pid != me and not (ignore and ignore(_cmdline(pid))))
        if used / window < max_cores:
            break
    return time.monotonic() - start


def load_average() -> float:
    """The 1-minute load average."""
    return os.getloadavg()[0]


class Monitor:
    """Sample foreign CPU use and our processes' peak memory while a run is going on."""

    def __init__(self, interval: float = 0.5, also_ours: Callable[[str], bool] | None = None) -> None:
        """``also_ours``: command lines of processes outside this one's tree that count as ours
        (a Ray cluster started with ``ray start``)."""
        self.interval, self.root, self.also_ours = interval, os.getpid(), also_ours
        self.foreign_cpu = 0.0
        self.peaks: dict[int, tuple[float, str]] = {}  # pid -> (peak RSS MB, command line)
        self._last: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.start_time = self.end_time = 0.0
        self.load_before = self.load_after = 0.0

    def __enter__(self) -> Monitor:
        self.load_before, self.start_time = load_average(), time.monotonic()
        self._sample(count=False)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        self.end_time, self.load_after = time.monotonic(), load_average()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self, count: bool = True) -> None:
        stats = {}
        for name in os.listdir("/proc"):
            if name.isdigit() and (st := _stat(int(name))):
                stats[int(name)] = st
        ours = {self.root}
        changed = True
        while changed:  # descendants of the benchmark process
            before = len(ours)
            ours |= {pid for pid, (ppid, _) in stats.items() if ppid in ours}
            changed = len(ours) != before
        if self.also_ours:
            ours |= {pid for pid in stats if self.also_ours(_cmdline(pid))}
        for pid, (_, cpu) in stats.items():
            if pid in ours:
                if pid != self.root:  # the command line changes when a Ray worker becomes an actor
                    peak = max(_peak_rss_mb(pid), self.peaks.get(pid, (0.0, ""))[0])
                    self.peaks[pid] = (peak, _cmdline(pid) or self.peaks.get(pid, (0.0, ""))[1])
            elif count:
                self.foreign_cpu += max(0.0, cpu - self._last.get(pid, cpu))
        self._last = {pid: cpu for pid, (_, cpu) in stats.items()}

    def foreign_cores(self) -> float:
        """Average number of cores other people's processes used during the run."""
        elapsed = max(self.end_time - self.start_time, 1e-9)
        return self.foreign_cpu / elapsed

    def ray_system_rss_mb(self) -> float:
        """Summed peak RSS of Ray's own processes (raylet, GCS, agents, idle workers)."""
        return sum(rss for rss, cmd in self.peaks.values()
                   if "ray" in cmd and "MapWorker" not in cmd and "Analyser" not in cmd)
