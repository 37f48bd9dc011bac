"""What bench.py and loadtest.py share: starting and stopping servers, process memory, percentiles,
the headless browser, capturing a real slider callback and replaying it, and printing tables.

Everything talks to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from publish.chromium import CHROMIUM, PLAYWRIGHT_ARGS  # the same headless Chromium as the tests

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = Path(__file__).resolve().parent / "out"
LOG_DIR = OUT_DIR / "logs"
PYTHON = sys.executable
BIN_DIR = Path(sys.executable).parent

VIEWPORT = {"width": 1920, "height": 1080}
MAP_DRAWN = "() => document.querySelectorAll('#map .choroplethlocation[fill]').length > 40"
SLIDER = "#year-slider [role=slider]"
CALLBACK_PATH = "/_dash-update-component"
SLIDER_PROP = "settled-store.data"  # the slider's month once it rests: what the server callbacks follow
# The heaviest server callback of a slider step (the map itself is drawn in the browser).
STEP_OUTPUT = "panel.children"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- processes


def parent_pid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name is in parentheses and may hold spaces: the fields after the last ')'.
    return int(stat.rsplit(")", 1)[1].split()[1])


def descendants(pid: int) -> list[int]:
    """Every live process below `pid` (children, grandchildren, ...)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = parent_pid(int(entry.name))
            if parent is not None:
                parents[int(entry.name)] = parent
    found: list[int] = []
    frontier = [pid]
    while frontier:
        current = frontier.pop()
        children = [child for child, parent in parents.items() if parent == current]
        found.extend(children)
        frontier.extend(children)
    return found


def _status_kb(pid: int, key: str) -> int:
    """A `kB` field of /proc/PID/status (VmRSS, ...); 0 when the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kb(pid: int) -> int:
    return _status_kb(pid, "VmRSS")


def pss_kb(pid: int) -> int:
    """Proportional set size (shared pages divided among their users), from smaps_rollup; 0 if unreadable."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU seconds the processes have used so far (gone processes count 0)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def process_name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def kb_to_mb(kb: float) -> float:
    """Kernel kB (KiB) to decimal megabytes (10^6 bytes), the unit every figure here uses."""
    return kb * 1024 / 1e6


@dataclass
class Server:
    """A server process started in its own session, so it and everything it starts can be ended."""

    cmd: list[str]
    log_path: Path
    base: str
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    _log: IO[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        # A file, not a pipe: an unread pipe fills up and blocks the server.
        self._log = self.log_path.open("wb")
        self.started_at = time.perf_counter()
        self.process = subprocess.Popen(
            self.cmd,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def wait_ready(self, path: str = "/", timeout_s: float = 90.0, poll_s: float = 0.02) -> float:
        """Seconds from start() to the first HTTP 200 on `path`."""
        assert self.process is not None
        deadline = self.started_at + timeout_s
        while True:
            try:
                with urllib.request.urlopen(self.base + path, timeout=5) as response:
                    response.read()
                    if response.status == 200:
                        return time.perf_counter() - self.started_at
            except (OSError, urllib.error.HTTPError):
                pass
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}: {self.log_tail()}")
            if time.perf_counter() > deadline:
                raise RuntimeError(f"server not ready after {timeout_s} s: {self.log_tail()}")
            time.sleep(poll_s)

    def log_tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def memory(self) -> dict[str, Any]:
        """RSS and PSS of the server process and of everything it started."""
        pids = [self.pid, *descendants(self.pid)]
        per = [
            {"pid": pid, "name": process_name(pid), "rss_mb": round(kb_to_mb(rss_kb(pid)), 1)} for pid in pids
        ]
        return {
            "rss_mb": kb_to_mb(rss_kb(self.pid)),
            "tree_rss_mb": kb_to_mb(sum(rss_kb(pid) for pid in pids)),
            "tree_pss_mb": kb_to_mb(sum(pss_kb(pid) for pid in pids)),
            "processes": per,
        }

    def stop(self) -> None:
        """SIGTERM to the server's process group, SIGKILL after 10 s, then to any descendant left over."""
        if self.process is None:
            return
        leftovers = descendants(self.pid)
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        deadline = time.monotonic() + 5
        for pid in leftovers:  # started by this server; they may have left its process group
            while (
                Path(f"/proc/{pid}").exists() and parent_pid(pid) is not None and time.monotonic() < deadline
            ):
                time.sleep(0.05)
            if Path(f"/proc/{pid}").exists():
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)
        if self._log is not None:
            self._log.close()
        self.process = None


def dev_server(port: int, log_path: Path) -> Server:
    return Server([PYTHON, "app.py", "--port", str(port)], log_path, f"http://127.0.0.1:{port}")


def gunicorn_server(port: int, workers: int, log_path: Path) -> Server:
    cmd = [
        str(BIN_DIR / "gunicorn"),
        "--config",
        "gunicorn.conf.py",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--preload",
        "app:server",
    ]
    return Server(cmd, log_path, f"http://127.0.0.1:{port}")


def exit_on_sigterm() -> None:
    """SIGTERM raises SystemExit, so `finally` blocks (and `running`) still stop the servers."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


@contextlib.contextmanager
def running(servers: list[Server]) -> Iterator[list[Server]]:
    """Stops every server in the list on the way out, whatever happened."""
    try:
        yield servers
    finally:
        for server in servers:
            try:
                server.stop()
            except Exception as exc:  # keep stopping the others
                print(f"warning: could not stop {server.cmd[:2]}: {exc}", file=sys.stderr)


# ---------------------------------------------------------------- statistics and HTTP


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linear interpolation between closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def fetch(
    url: str,
    body: bytes | None = None,
    timeout_s: float = 30.0,
    headers: dict[str, str] | None = None,
) -> tuple[int, bytes, float]:
    """(status, body, seconds) of one GET (or POST when `body` is given); HTTP errors are returned."""
    all_headers = {"Accept-Encoding": "gzip", **(headers or {})}
    if body is not None:
        all_headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=body, headers=all_headers)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            data = response.read()
            return response.status, data, time.perf_counter() - started
    except urllib.error.HTTPError as exc:
        data = exc.read()
        return exc.code, data, time.perf_counter() - started


# ---------------------------------------------------------------- slider callbacks


def is_slider_post(body: dict[str, Any]) -> bool:
    return SLIDER_PROP in body.get("changedPropIds", [])


def is_step_post(body: dict[str, Any]) -> bool:
    return STEP_OUTPUT in str(body.get("output", ""))


def _settled(entry: dict[str, Any]) -> bool:
    return f"{entry.get('id')}.{entry.get('property')}" == SLIDER_PROP


def with_year(body: dict[str, Any], month: int) -> dict[str, Any]:
    """A copy of a callback body with the settled month (a slider value, as input or state) set."""
    changed = copy.deepcopy(body)
    for key in ("inputs", "state"):
        for item in changed.get(key, []):
            for entry in item if isinstance(item, list) else [item]:
                if _settled(entry):
                    entry["value"] = month
    return changed


def capture_slider_posts(base: str, timeout_ms: float = 30_000) -> list[dict[str, Any]]:
    """The callback POST bodies the page sends for one ArrowLeft on the year slider (headless Chromium)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
        try:
            page = browser.new_context(viewport=VIEWPORT).new_page()
            page.set_default_timeout(timeout_ms)
            posts: list[dict[str, Any]] = []
            done: list[str] = []

            def on_request(request: Any) -> None:
                if request.method == "POST" and CALLBACK_PATH in request.url and request.post_data:
                    body = json.loads(request.post_data)
                    if is_slider_post(body):
                        posts.append(body)

            def on_finished(request: Any) -> None:
                if request.method == "POST" and request.post_data and STEP_OUTPUT in request.post_data:
                    done.append(request.url)

            page.goto(base + "/")
            page.wait_for_function(MAP_DRAWN)
            page.on("request", on_request)
            page.on("requestfinished", on_finished)
            page.locator(SLIDER).focus()
            page.keyboard.press("ArrowLeft")
            deadline = time.monotonic() + timeout_ms / 1000
            while not (done and any(is_step_post(body) for body in posts)):
                if time.monotonic() > deadline:
                    raise RuntimeError("no panel callback seen after a slider step")
                page.wait_for_timeout(50)  # lets Playwright deliver its events (time.sleep would not)
            page.wait_for_timeout(500)  # the step's other callbacks
            return posts
        finally:
            browser.close()


# ---------------------------------------------------------------- reporting


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def cpu_busy(seconds: float = 2.0) -> float:
    """The share (0..1) of all cores busy over the next `seconds`, from /proc/stat."""

    def sample() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
        return sum(fields[:8]), idle

    total_0, idle_0 = sample()
    time.sleep(seconds)
    total_1, idle_1 = sample()
    return 1 - (idle_1 - idle_0) / max(1, total_1 - total_0)


def busy_warning(busy: float) -> str | None:
    """A warning when other work was already using the CPU as the measures began."""
    if busy > 0.25:
        return (
            f"the machine was busy when the measures began ({busy:.0%} of {os.cpu_count()} cores in use"
            " by other processes): times are pessimistic and noisy"
        )
    return None


def machine_info(load_at_start: list[float], busy_at_start: float) -> dict[str, Any]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_total = _meminfo_kb("MemTotal")
    info: dict[str, Any] = {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "memory_mb": round(kb_to_mb(mem_total)) if mem_total else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds"),
        "cpu_busy_before_start": round(busy_at_start, 3),
        "load_average_1_5_15_at_start": load_at_start,
        "load_average_1_5_15_at_end": load_average(),
        "git_commit": _git("rev-parse", "--short", "HEAD"),
        "git_dirty": bool(_git("status", "--porcelain")),
    }
    return info


def _meminfo_kb(key: str) -> int:
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip()


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Callable[[int], bool]) -> None:
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            str(cell).rjust(width) if right(i) else str(cell).ljust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    print(line(headers))
    print("  ".join("-" * width for width in widths))
    for row in rows:
        print(line(row))


def write_json(path: Path, content: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)
