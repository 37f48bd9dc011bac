"""Performance figures of the app on this machine, against budgets (goals: over budget never fails).

    .venv/bin/python -m bench.bench [--skip-export] [--json PATH] [--steps N] [--replays N]

Prints a table and writes bench/out/latest.json. Starts its own servers on free loopback ports and
always stops them. Exit code 0 unless a measure itself could not be taken (1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from plotly.utils import PlotlyJSONEncoder

from bench.common import (
    CALLBACK_PATH,
    CHROMIUM,
    LOCAL_HOSTS,
    LOG_DIR,
    MAP_DRAWN,
    OUT_DIR,
    PLAYWRIGHT_ARGS,
    PYTHON,
    ROOT,
    SLIDER,
    VIEWPORT,
    Server,
    busy_warning,
    cpu_busy,
    dev_server,
    exit_on_sigterm,
    fetch,
    free_port,
    is_slider_post,
    is_step_post,
    load_average,
    machine_info,
    percentile,
    print_table,
    running,
    with_year,
    write_json,
)
from data.period import Calendar, Period
from data.view import SIZE_STEP

CALENDAR = Calendar.until(dt.date.today())
COLD_STARTS = 3
FIRST_VIEWS = 3
PNG_RUNS = 3
PNG_YEAR = "2020-12"
TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class Metric:
    key: str
    unit: str
    scale: float = 1.0  # table value = JSON value * scale
    budget: float | None = None  # in table units, "≤"
    digits: int = 3


METRICS = [
    Metric("cold_start_s", "s", budget=2.5, digits=2),
    Metric("first_view_bytes", "MB", scale=1e-6, budget=1.0),
    Metric("first_view_requests", "count", digits=0),
    Metric("first_view_s", "s", digits=2),
    Metric("month_step_ms_p50", "ms", budget=20, digits=0),
    Metric("month_step_ms_p95", "ms", budget=40, digits=0),
    Metric("hold_months_missed", "months", budget=0, digits=0),
    Metric("hold_lag_ms_p95", "ms", digits=0),
    Metric("frame_set_bytes", "kB", scale=1e-3, budget=40, digits=1),
    Metric("panel_settle_ms_p50", "ms", budget=150, digits=0),
    Metric("callback_ms_p50", "ms", digits=1),
    Metric("rss_mb", "MB", budget=250, digits=0),
    Metric("png_warm_s", "s", budget=0.3, digits=2),
    Metric("export_s", "s", digits=1),
]

NOTES = {
    "units": "MB = 10^6 bytes everywhere (RSS: kernel kB × 1024 / 10^6). Budgets are goals, never failures.",
    "cold_start_s": "median of 3: `python app.py --port P` spawned to the first HTTP 200 on /"
    " (polled every 20 ms).",
    "first_view_bytes": "sum of CDP Network.loadingFinished encodedDataLength (wire bytes: compressed bodies"
    " + response headers) of every http request started from page.goto until the map is drawn,"
    " fresh browser context, 1920x1080; first of the runs.",
    "first_view_s": "median of 3 fresh contexts: page.goto start to >40 filled countries in #map.",
    "month_step": "in-page: a capturing keydown listener on window (performance.now()) to the frame after"
    " the month is written into the map (a requestAnimationFrame, then a task); ArrowLeft from the"
    " current month ten years back, then ArrowRight; each step waits for the panel and the other"
    " callbacks of the resting slider before the next key. p95 by linear interpolation.",
    "hold": "ArrowRight keydown events dispatched on the slider at 30 Hz from the page, from January 2012:"
    " months of those passed that were never on screen, and the lag from each key to the frame showing"
    " its month (p95).",
    "frame_set_bytes": "the map's frame set for the default view (every month, with the share dialog's"
    " links) as JSON, gzip level 6 (the server sends br or zstd); details.frame_set has the raw size.",
    "panel_settle_ms_p50": "after a step, from the moment the slider rests (150 ms after the key) to the"
    " panel showing the month: the server round trip and the render.",
    "callback_ms_p50": "one real POST of the resting slider to /_dash-update-component (the panel callback,"
    " the heaviest it sends; the map itself is drawn in the browser from frames), captured from the"
    " page, replayed N times with urllib (Accept-Encoding: gzip) and a different month each time: round trip"
    " on loopback, so server time plus a fraction of a millisecond; serial, dev server.",
    "rss_mb": "VmRSS of the dev server process after the first views and the steps (kaleido's Chromium,"
    " a separate process started later by the PNG route, is not included; see details.memory).",
    "png_warm_s": "median of 3 GET /snapshot/2020.png?width=W (a new W each time, 20 px apart, so never"
    " cached; laid out for its width, at PNG's default scale 2), after one warm-up snapshot started"
    " kaleido's Chromium.",
    "export_s": "wall time of `python app.py export TMPDIR`, with no server running.",
}


# ---------------------------------------------------------------- measures


def measure_cold_starts(results: dict[str, Any], details: dict[str, Any], servers: list[Server]) -> Server:
    """Three timed starts; the last server stays up for the other measures."""
    times = []
    for run in range(COLD_STARTS):
        server = dev_server(free_port(), LOG_DIR / f"dev-server-{run + 1}.log")
        servers.append(server)
        server.start()
        times.append(server.wait_ready("/", timeout_s=60, poll_s=0.02))
        if run < COLD_STARTS - 1:
            server.stop()
    results["cold_start_s"] = statistics.median(times)
    details["cold_start_runs_s"] = [round(t, 3) for t in times]
    return servers[-1]


class NetworkLog:
    """Requests of one page, from Chrome DevTools Protocol events (encodedDataLength = bytes on the wire)."""

    def __init__(self, cdp: Any) -> None:
        self.requests: dict[str, dict[str, Any]] = {}
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    def _entry(self, event: dict[str, Any]) -> dict[str, Any]:
        return self.requests.setdefault(event["requestId"], {})

    def _sent(self, event: dict[str, Any]) -> None:
        entry = self._entry(event)
        entry.setdefault("url", event["request"]["url"])
        entry.setdefault("method", event["request"]["method"])
        entry["type"] = event.get("type", "Other")

    def _response(self, event: dict[str, Any]) -> None:
        entry = self._entry(event)
        response = event["response"]
        entry["status"] = response.get("status")
        headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        entry["content_encoding"] = headers.get("content-encoding", "")
        entry["content_length"] = int(headers["content-length"]) if "content-length" in headers else None

    def _finished(self, event: dict[str, Any]) -> None:
        self._entry(event)["bytes"] = int(event["encodedDataLength"])

    def _failed(self, event: dict[str, Any]) -> None:
        self._entry(event)["failed"] = event.get("errorText", "failed")

    def snapshot(self) -> list[dict[str, Any]]:
        """The http(s) requests so far (data: and blob: URLs are not transfers)."""
        return [
            dict(entry)
            for entry in self.requests.values()
            if urlparse(entry.get("url", "")).scheme in ("http", "https")
        ]


def first_view(browser: Any, base: str) -> tuple[float, list[dict[str, Any]]]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        network = NetworkLog(context.new_cdp_session(page))
        started = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_function(MAP_DRAWN, polling="raf")
        elapsed = time.perf_counter() - started
        requests = network.snapshot()
        return elapsed, requests
    finally:
        context.close()


def short_url(url: str) -> str:
    parts = urlparse(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def summarise_first_view(requests: list[dict[str, Any]]) -> dict[str, Any]:
    finished = [r for r in requests if "bytes" in r]
    by_type: dict[str, dict[str, int]] = {}
    for r in finished:
        kind = by_type.setdefault(r.get("type", "Other"), {"requests": 0, "bytes": 0})
        kind["requests"] += 1
        kind["bytes"] += r["bytes"]
    largest = sorted(finished, key=lambda r: -r["bytes"])[:5]
    return {
        "bytes": sum(r["bytes"] for r in finished),
        "requests": len(requests),
        "pending_when_drawn": [r["url"] for r in requests if "bytes" not in r and "failed" not in r],
        "failed": [f"{r['url']}: {r['failed']}" for r in requests if "failed" in r],
        "off_localhost": [r["url"] for r in requests if urlparse(r["url"]).hostname not in LOCAL_HOSTS],
        "largest": [
            {
                "url": short_url(r["url"]),
                "bytes": r["bytes"],
                "type": r.get("type"),
                "content_encoding": r.get("content_encoding") or "identity",
                "body_bytes": r.get("content_length"),
            }
            for r in largest
        ],
        "by_type": dict(sorted(by_type.items(), key=lambda item: -item[1]["bytes"])),
        "all": [
            {"url": short_url(r["url"]), "bytes": r.get("bytes"), "type": r.get("type")}
            for r in sorted(requests, key=lambda r: -r.get("bytes", 0))
        ],
    }


STEP_HOOKS = """
() => {
  const b = window.__bench = {keys: [], painted: [], panel: []};
  // On window, capturing: before the map's own key handler (on document) paints the month.
  window.addEventListener('keydown', () => b.keys.push(performance.now()), true);
  const display = document.querySelector('#year-display');
  // The month's name is written last when a month is painted; the frame after it is on screen.
  new MutationObserver(() => {
    const record = {label: display.textContent, t: performance.now(), frame: null};
    b.painted.push(record);
    requestAnimationFrame(() => setTimeout(() => { record.frame = performance.now(); }, 0));
  }).observe(display, {childList: true, characterData: true, subtree: true});
  const panel = document.querySelector('#panel');
  new MutationObserver(() => {
    const heading = panel.querySelectorAll('h2')[1];
    b.panel.push({t: performance.now(), text: heading ? heading.textContent : ''});
  }).observe(panel, {childList: true, subtree: true, characterData: true});
}
"""

STEP_DONE = """
([since, label]) => {
  const b = window.__bench;
  const key = b.keys[b.keys.length - 1];
  return key !== undefined && key >= since
    && b.painted.some(p => p.t >= key && p.label === label && p.frame !== null)
    && b.panel.some(p => p.t >= key && p.text.includes(label));
}
"""

STEP_RESULT = """
([label, settle]) => {
  const b = window.__bench;
  const key = b.keys[b.keys.length - 1];
  const painted = b.painted.find(p => p.t >= key && p.label === label);
  const panel = b.panel.find(p => p.t >= key && p.text.includes(label));
  return {ms: painted.frame - key, js_ms: painted.t - key, panel_after_rest_ms: panel.t - key - settle};
}
"""

# Holding a key: keydown events at 30 Hz on the slider, as a held key repeats, from the page itself.
HOLD = """
([count, interval]) => new Promise(resolve => {
  const handle = document.querySelector('#year-slider [role=slider]');
  const sent = [];
  let n = 0;
  const timer = setInterval(() => {
    sent.push(performance.now());
    handle.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true}));
    if (++n === count) { clearInterval(timer); setTimeout(() => resolve(sent), 500); }
  }, interval);
})
"""

SETTLE_MS = 150  # assets/map.js: the server's followers get the month once the slider rests this long
HOLD_HZ = 30


def step_plan(steps: int) -> list[tuple[str, Period]]:
    """(key, the month it leads to): left from the current month, ten years back, then right again."""
    plan: list[tuple[str, Period]] = []
    month, key = CALENDAR.last, "ArrowLeft"
    floor = CALENDAR.step(CALENDAR.last, -120)
    while len(plan) < steps:
        if key == "ArrowLeft" and month == floor:
            key = "ArrowRight"
        elif key == "ArrowRight" and month == CALENDAR.last:
            key = "ArrowLeft"
        month = CALENDAR.step(month, -1 if key == "ArrowLeft" else 1)
        plan.append((key, month))
    return plan


def open_for_steps(browser: Any, base: str, query: str = "") -> tuple[Any, Any, set[Any], list, list]:
    """A fresh page on the map, drawn and quiet, with the step hooks in place."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    in_flight: set[Any] = set()
    posts: list[dict[str, Any]] = []
    errors: list[str] = []

    def on_request(request: Any) -> None:
        if CALLBACK_PATH in request.url:
            in_flight.add(request)
            if request.method == "POST" and request.post_data:
                body = json.loads(request.post_data)
                if is_slider_post(body):
                    posts.append(body)

    page.on("request", on_request)
    page.on("requestfinished", lambda request: in_flight.discard(request))
    page.on("requestfailed", lambda request: in_flight.discard(request))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/" + query)
    page.wait_for_function(MAP_DRAWN)
    wait_idle(page, in_flight)
    page.evaluate(STEP_HOOKS)
    return context, page, in_flight, posts, errors


def measure_steps(browser: Any, base: str, steps: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per month step: ms keydown → the month on screen, and when the panel followed; the POST bodies
    the resting slider sent (for the replay)."""
    context, page, in_flight, posts, errors = open_for_steps(browser, base)
    try:
        shown = page.locator("#year-display").inner_text()
        if shown != CALENDAR.last.label("en"):
            raise RuntimeError(f"the page opened on {shown}, not {CALENDAR.last.label('en')}")
        records = []
        for key, month in step_plan(steps):
            label = month.label("en")
            page.locator(SLIDER).focus()
            since = page.evaluate("performance.now()")
            page.keyboard.press(key)
            page.wait_for_function(STEP_DONE, arg=[since, label], timeout=TIMEOUT_MS)
            wait_idle(page, in_flight)
            result = page.evaluate(STEP_RESULT, [label, SETTLE_MS])
            records.append({"key": key, "month": month.token(), **result})
        if errors:
            raise RuntimeError(f"page errors while stepping: {errors[:3]}")
        return records, posts
    finally:
        context.close()


def measure_hold(browser: Any, base: str, months: int) -> dict[str, Any]:
    """ArrowRight held at 30 Hz from January 2012: the months painted of those passed, and the lag
    from each key to its month on screen."""
    context, page, in_flight, _, errors = open_for_steps(browser, base, f"?date={CALENDAR.first.token()}")
    try:
        page.locator(SLIDER).focus()
        sent = page.evaluate(HOLD, [months, 1000 / HOLD_HZ])
        wanted = [CALENDAR.step(CALENDAR.first, i + 1).label("en") for i in range(months)]
        page.wait_for_function(
            "(label) => window.__bench.painted.some(p => p.label === label && p.frame !== null)",
            arg=wanted[-1],
        )
        painted = page.evaluate("window.__bench.painted")
        lags = []
        for at, label in zip(sent, wanted, strict=True):
            seen = next((p for p in painted if p["label"] == label and p["t"] >= at and p["frame"]), None)
            if seen is not None:
                lags.append(seen["frame"] - at)
        wait_idle(page, in_flight)
        if errors:
            raise RuntimeError(f"page errors while holding a key: {errors[:3]}")
        return {
            "months_passed": months,
            "months_painted": len(lags),
            "lag_ms_p50": round(percentile(lags, 50), 1) if lags else None,
            "lag_ms_p95": round(percentile(lags, 95), 1) if lags else None,
            "hz": HOLD_HZ,
        }
    finally:
        context.close()


def measure_frame_set() -> dict[str, int]:
    """The bytes of the frame set the map asks for (every month, with the share links): as JSON, and
    gzip-compressed (the server sends it with br or zstd, which do no worse)."""
    from callbacks.map_view import frames_with_links
    from data.context import load_app_data
    from data.view import View

    data = load_app_data()
    frames = frames_with_links(data, View(period=CALENDAR.last), False)
    body = json.dumps(frames, cls=PlotlyJSONEncoder).encode()
    return {"json_bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6)), "months": len(CALENDAR)}


def wait_idle(page: Any, in_flight: set[Any], quiet_ms: int = 100) -> None:
    """Until no callback request has been in flight for `quiet_ms` (events arrive while Playwright waits)."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    quiet_since = None
    while time.monotonic() < deadline:
        page.wait_for_timeout(20)
        if in_flight:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
            return
    raise RuntimeError(f"callbacks still in flight after {TIMEOUT_MS} ms")


def replay(base: str, body: dict[str, Any], count: int, seed: int = 1) -> list[float]:
    """Round-trip ms of `count` POSTs of the body, each with a month different from the one before."""
    rng = random.Random(seed)
    years = [p.slider_value() for p in CALENDAR]
    times, year = [], None
    for _ in range(count):
        year = rng.choice([y for y in years if y != year])
        status, data, elapsed = fetch(base + CALLBACK_PATH, json.dumps(with_year(body, year)).encode())
        if status != 200:
            raise RuntimeError(f"callback replay got HTTP {status}: {data[:200]!r}")
        times.append(elapsed * 1000)
    return times


def measure_png(base: str, details: dict[str, Any]) -> float:
    status, data, elapsed = fetch(f"{base}/snapshot/{PNG_YEAR}.png", timeout_s=120)
    if status != 200 or not data.startswith(b"\x89PNG"):
        raise RuntimeError(f"warm-up snapshot got HTTP {status}: {data[:200]!r}")
    details["png_warmup_s"] = round(elapsed, 3)
    times, sizes = [], []
    first_width = SIZE_STEP * random.Random().randrange(50, 95)  # fresh per run, so never a cache hit
    for run in range(PNG_RUNS):
        width = first_width + run * SIZE_STEP  # sizes are rounded to SIZE_STEP: one step apart each
        status, data, elapsed = fetch(f"{base}/snapshot/{PNG_YEAR}.png?width={width}", timeout_s=120)
        if status != 200 or not data.startswith(b"\x89PNG"):
            raise RuntimeError(f"snapshot got HTTP {status}: {data[:200]!r}")
        times.append(elapsed)
        sizes.append(len(data))
    details["png_runs_s"] = [round(t, 3) for t in times]
    details["png_bytes"] = sizes
    status, data, elapsed = fetch(f"{base}/snapshot/{PNG_YEAR}.png?width={first_width}")
    details["png_cached_s"] = round(elapsed, 4) if status == 200 else f"HTTP {status}"
    status, data, elapsed = fetch(f"{base}/snapshot/{PNG_YEAR}.txt")
    details["txt_s"] = round(elapsed, 4) if status == 200 else f"HTTP {status}"
    return statistics.median(times)


def measure_export(details: dict[str, Any]) -> float:
    with tempfile.TemporaryDirectory(prefix="bench-export-") as out:
        log_path = LOG_DIR / "export.log"
        with log_path.open("wb") as log:
            started = time.perf_counter()
            result = subprocess.run(
                [PYTHON, "app.py", "export", out],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                timeout=900,
                check=False,
            )
            elapsed = time.perf_counter() - started
        if result.returncode != 0:
            tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-10:])
            raise RuntimeError(f"export exited with {result.returncode}: {tail}")
        files = [p for p in Path(out).rglob("*") if p.is_file()]
        details["export_files"] = len(files)
        details["export_mb"] = round(sum(p.stat().st_size for p in files) / 1e6, 1)
    return elapsed


# ---------------------------------------------------------------- the run


def run(args: argparse.Namespace) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    results: dict[str, Any] = {}
    details: dict[str, Any] = {}
    errors: list[str] = []
    load_at_start = load_average()
    busy_at_start = cpu_busy()
    warning = busy_warning(busy_at_start)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)

    def attempt(name: str, measure: Callable[[], None]) -> None:
        started = time.perf_counter()
        print(f"· {name} …", file=sys.stderr, flush=True)
        try:
            measure()
        except Exception as exc:
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
            traceback.print_exc()
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)

    servers: list[Server] = []
    with running(servers):
        state: dict[str, Any] = {}

        def cold() -> None:
            state["server"] = measure_cold_starts(results, details, servers)

        def frame_set() -> None:
            details["frame_set"] = measure_frame_set()
            results["frame_set_bytes"] = details["frame_set"]["gzip_bytes"]

        attempt("frame set", frame_set)
        attempt("cold start", cold)
        server: Server | None = state.get("server")
        if server is not None:
            base = server.base
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
                details["chromium"] = browser.version
                try:

                    def views() -> None:
                        runs = [first_view(browser, base) for _ in range(FIRST_VIEWS)]
                        results["first_view_s"] = statistics.median(elapsed for elapsed, _ in runs)
                        details["first_view_runs_s"] = [round(elapsed, 3) for elapsed, _ in runs]
                        summary = summarise_first_view(runs[0][1])
                        results["first_view_bytes"] = summary["bytes"]
                        results["first_view_requests"] = summary["requests"]
                        details["first_view_bytes_runs"] = [summarise_first_view(r)["bytes"] for _, r in runs]
                        details["first_view"] = summary

                    def steps() -> None:
                        records, posts = measure_steps(browser, base, args.steps)
                        times = [r["ms"] for r in records]
                        settles = [r["panel_after_rest_ms"] for r in records]
                        results["month_step_ms_p50"] = percentile(times, 50)
                        results["month_step_ms_p95"] = percentile(times, 95)
                        results["panel_settle_ms_p50"] = percentile(settles, 50)
                        details["steps"] = {
                            "count": len(records),
                            "max_ms": round(max(times), 1),
                            "min_ms": round(min(times), 1),
                            "script_ms_p50": round(percentile([r["js_ms"] for r in records], 50), 1),
                            "panel_settle_ms_p95": round(percentile(settles, 95), 1),
                            "callback_posts_per_step": round(len(posts) / len(records), 2),
                            "records": [
                                {k: round(v, 1) if isinstance(v, float) else v for k, v in r.items()}
                                for r in records
                            ],
                        }
                        state["posts"] = posts

                    def hold() -> None:
                        held = measure_hold(browser, base, args.hold)
                        results["hold_months_missed"] = held["months_passed"] - held["months_painted"]
                        results["hold_lag_ms_p95"] = held["lag_ms_p95"]
                        details["hold"] = held

                    attempt("first view", views)
                    attempt("month steps", steps)
                    attempt("key held at 30 Hz", hold)
                finally:
                    browser.close()
            details["memory_after_steps"] = server.memory()
            results["rss_mb"] = details["memory_after_steps"]["rss_mb"]

            def callbacks() -> None:
                posts: list[dict[str, Any]] = state.get("posts", [])
                maps = [body for body in posts if is_step_post(body)]
                if not maps:
                    raise RuntimeError("no panel callback was captured from the slider")
                times = replay(base, maps[0], args.replays)
                results["callback_ms_p50"] = statistics.median(times)
                breakdown = {}
                for body in {b["output"]: b for b in posts}.values():  # one of each slider callback
                    each = replay(base, body, 10, seed=2)
                    breakdown[body["output"]] = round(statistics.median(each), 1)
                details["callback"] = {
                    "replays": len(times),
                    "p95_ms": round(percentile(times, 95), 1),
                    "max_ms": round(max(times), 1),
                    "slider_callbacks_median_ms": breakdown,
                }

            def png() -> None:
                results["png_warm_s"] = measure_png(base, details)

            attempt("callback replay", callbacks)
            attempt("snapshot png", png)
            details["memory_at_end"] = server.memory()
        for s in servers:
            s.stop()
        if args.skip_export:
            details["export"] = "skipped (--skip-export)"
        else:

            def export() -> None:
                results["export_s"] = measure_export(details)

            attempt("export", export)

    return {
        **{m.key: results.get(m.key) for m in METRICS},
        "budgets": {m.key: {"max": m.budget, "unit": m.unit} for m in METRICS if m.budget is not None},
        "machine": machine_info(load_at_start, busy_at_start),
        "notes": {**NOTES, "busy": warning} if warning else NOTES,
        "details": details,
        "errors": errors,
    }


def table(report: dict[str, Any]) -> None:
    rows = []
    for m in METRICS:
        value = report.get(m.key)
        if value is None:
            rows.append([m.key, "—", m.unit, "" if m.budget is None else f"≤ {m.budget:g}", "n/a"])
            continue
        shown = value * m.scale
        status = "" if m.budget is None else ("ok" if shown <= m.budget else "over")
        budget = "" if m.budget is None else f"≤ {m.budget:g}"
        rows.append([m.key, f"{shown:,.{m.digits}f}", m.unit, budget, status])
    print_table(["metric", "value", "unit", "budget", "ok/over"], rows, right=lambda i: i == 1)


def summary(report: dict[str, Any]) -> None:
    """A few lines on where the figures come from."""
    details = report["details"]
    machine = report["machine"]
    print(
        f"\nmachine: {machine['cpu_model']}, {machine['cores']} cores, Python {machine['python']},"
        f" CPU {machine['cpu_busy_before_start']:.0%} busy before the start,"
        f" load average {machine['load_average_1_5_15_at_start']} at the start,"
        f" {machine['load_average_1_5_15_at_end']} at the end, git {machine['git_commit']}"
        + (" (uncommitted changes)" if machine["git_dirty"] else "")
    )
    first = details.get("first_view")
    if first:
        print("first view, largest transfers (wire bytes, headers included):")
        for item in first["largest"]:
            print(f"  {item['bytes']:>10,} B  {item['content_encoding']:<8} {item['url'][:90]}")
        kinds = ", ".join(
            f"{kind} {v['requests']} req {v['bytes'] / 1e3:,.0f} kB" for kind, v in first["by_type"].items()
        )
        print(f"  by type: {kinds}")
    steps = details.get("steps")
    if steps:
        print(
            f"month steps: {steps['count']}, min {steps['min_ms']} ms, max {steps['max_ms']} ms,"
            f" script {steps['script_ms_p50']} ms p50, panel settled {steps['panel_settle_ms_p95']} ms p95"
            f" after the slider rests, {steps['callback_posts_per_step']} callback POSTs per step"
        )
    hold = details.get("hold")
    if hold:
        print(
            f"key held at {hold['hz']} Hz: {hold['months_painted']} of {hold['months_passed']}"
            " months painted,"
            f" lag p50 {hold['lag_ms_p50']} ms, p95 {hold['lag_ms_p95']} ms"
        )
    frames = details.get("frame_set")
    if frames:
        print(
            f"frame set: {frames['months']} months, {frames['json_bytes'] / 1e3:,.0f} kB JSON,"
            f" {frames['gzip_bytes'] / 1e3:,.1f} kB gzip"
        )
    callback = details.get("callback")
    if callback:
        parts = ", ".join(
            f"{out.strip('.')[:40]} {ms}" for out, ms in callback["slider_callbacks_median_ms"].items()
        )
        print(f"slider callbacks, median ms each (replayed): {parts}")
    memory = details.get("memory_at_end")
    if memory:
        print(
            f"memory at the end: server {memory['rss_mb']:.0f} MB RSS; with kaleido's Chromium"
            f" {memory['tree_rss_mb']:.0f} MB RSS / {memory['tree_pss_mb']:.0f} MB PSS"
            f" in {len(memory['processes'])} processes"
        )
    if "png_warmup_s" in details:
        print(
            f"png: first (starts Chromium) {details['png_warmup_s']} s,"
            f" fresh renders {details['png_runs_s']} s,"
            f" cached {details.get('png_cached_s')} s, .txt {details.get('txt_s')} s"
        )
    if "export_files" in details:
        print(f"export: {details['export_files']} files, {details['export_mb']} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-export", action="store_true", help="skip the slow static export measure")
    parser.add_argument("--json", type=Path, default=OUT_DIR / "latest.json", help="where to write the JSON")
    parser.add_argument("--steps", type=int, default=120, help="month steps (at least 100)")
    parser.add_argument("--hold", type=int, default=120, help="months passed while a key is held at 30 Hz")
    parser.add_argument("--replays", type=int, default=50, help="callback replays")
    args = parser.parse_args(argv)
    exit_on_sigterm()
    report = run(args)
    write_json(args.json, report)
    print()
    table(report)
    summary(report)
    if "busy" in report["notes"]:
        print(f"warning: {report['notes']['busy']}")
    print(f"\nwrote {args.json}")
    for error in report["errors"]:
        print(f"error: {error}", file=sys.stderr)
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
