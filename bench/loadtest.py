"""A load test of the production setup: gunicorn with 3 workers on loopback, N client threads.

    .venv/bin/python -m bench.loadtest [--clients 20] [--seconds 60] [--max-requests 200000]
                                       [--warmup 10] [--workers 3] [--flood 30] [--json PATH]

The mix per client action: a page load (GET / then GET /_dash-layout), a slider callback (a real
panel callback POST body, the heaviest server callback of a slider step, captured from the page in
headless Chromium, replayed with a random year),
a PNG snapshot (a few years × en/fr, so most are cache hits once warm) or a text snapshot.
Then a snapshot flood: the home page's latency alone, then while `--clients` threads ask for images
never asked before (a random month, language, lens and country each) for `--flood` seconds, then the
memory once the flood is over. Prints tables and writes bench/out/load.json. Every request has a
timeout; the run stops at the time limit or the request cap; gunicorn is always stopped. Exit code 0
unless the run itself failed (errors the server returns are reported, not fatal).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import random
import sys
import threading
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import (
    CALLBACK_PATH,
    LOG_DIR,
    OUT_DIR,
    Server,
    busy_warning,
    capture_slider_posts,
    cpu_busy,
    cpu_seconds,
    descendants,
    exit_on_sigterm,
    fetch,
    free_port,
    gunicorn_server,
    is_step_post,
    kb_to_mb,
    load_average,
    machine_info,
    parent_pid,
    percentile,
    print_table,
    process_name,
    pss_kb,
    rss_kb,
    running,
    with_year,
    write_json,
)
from data.period import Calendar
from data.view import LENSES
from geodata.names import FOCUS
from publish.render_service import RETRY_AFTER_S

CALENDAR = Calendar.until(dt.date.today())
YEARS = [p.slider_value() for p in CALENDAR]  # the slider's months, as a settled step sends them
MONTHS = [p.token() for p in CALENDAR]  # the same months in snapshot addresses
PNG_YEARS = [p.token() for p in CALENDAR.year_ends()][2::4]  # four year ends spread over the range
LANGS = ["en", "fr"]
# Relative weights of what a client does next.
MIX = {"page": 15, "callback": 55, "png": 20, "txt": 10}
KINDS = ["page /", "page /_dash-layout", "callback", "png", "txt"]
ERRORS_KEPT = 10
FAST_PNG_S = 0.25  # a PNG answered faster than this came from the worker's cache


@dataclass
class Tally:
    """What one client thread saw (merged after the run, so no lock on the hot path)."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    messages: list[str] = field(default_factory=list)
    bytes: int = 0
    client_cpu_s: float = 0.0  # the whole client process, set on the first tally after a run


class Budget:
    """The shared request cap: a client takes a ticket before each request."""

    def __init__(self, cap: int, deadline: float) -> None:
        self._left = cap
        self._lock = threading.Lock()
        self.deadline = deadline

    def take(self) -> bool:
        if time.perf_counter() >= self.deadline:
            return False
        with self._lock:
            if self._left <= 0:
                return False
            self._left -= 1
            return True


def one_request(base: str, kind: str, rng: random.Random, body: dict[str, Any]) -> tuple[str, bytes | None]:
    """(url, POST body or None) of one request of a kind."""
    if kind == "page /":
        return base + "/", None
    if kind == "page /_dash-layout":
        return base + "/_dash-layout", None
    if kind == "callback":
        return base + CALLBACK_PATH, json.dumps(with_year(body, rng.choice(YEARS))).encode()
    if kind == "png":
        return f"{base}/snapshot/{rng.choice(PNG_YEARS)}.png?lang={rng.choice(LANGS)}", None
    return f"{base}/snapshot/{rng.choice(MONTHS)}.txt?lang={rng.choice(LANGS)}", None


def client(
    base: str, body: dict[str, Any], seed: int, budget: Budget, timeout_s: float, tally: Tally
) -> None:
    rng = random.Random(seed)
    actions, weights = list(MIX), list(MIX.values())
    while True:
        action = rng.choices(actions, weights)[0]
        kinds = ["page /", "page /_dash-layout"] if action == "page" else [action]
        for kind in kinds:
            if not budget.take():
                return
            url, data = one_request(base, kind, rng, body)
            started = time.perf_counter()
            try:
                status, content, _ = fetch(url, data, timeout_s=timeout_s)
            except Exception as exc:  # timeouts, refused or reset connections
                tally.errors[kind] += 1
                tally.latencies[kind].append(time.perf_counter() - started)
                if len(tally.messages) < ERRORS_KEPT:
                    tally.messages.append(f"{kind} {url}: {type(exc).__name__}: {exc}")
                break  # a page load whose document failed does not fetch its layout
            tally.latencies[kind].append(time.perf_counter() - started)
            tally.bytes += len(content)
            if not 200 <= status < 300:
                tally.errors[kind] += 1
                if len(tally.messages) < ERRORS_KEPT:
                    tally.messages.append(f"{kind} {url}: HTTP {status}: {content[:120]!r}")
                break


def run_clients(
    base: str, body: dict[str, Any], clients: int, seconds: float, cap: int, timeout_s: float, seed: int
) -> tuple[list[Tally], float]:
    started = time.perf_counter()
    cpu_started = time.process_time()
    budget = Budget(cap, started + seconds)
    tallies = [Tally() for _ in range(clients)]
    threads = [
        threading.Thread(
            target=client,
            args=(base, body, seed * 1000 + i, budget, timeout_s, tallies[i]),
            name=f"client-{i}",
            daemon=True,  # a stuck thread never keeps the script (and gunicorn) alive
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, started + seconds + timeout_s + 5 - time.perf_counter()))
    elapsed = time.perf_counter() - started
    stuck = [thread.name for thread in threads if thread.is_alive()]
    if stuck:
        raise RuntimeError(f"client threads did not finish: {stuck}")
    tallies[0].client_cpu_s = time.process_time() - cpu_started
    return tallies, elapsed


def warm_png(base: str, timeout_s: float, limit_s: float = 120.0) -> dict[str, Any]:
    """Ask for every (year, lang) PNG of the mix until each answers 200 (waiting as `Retry-After` says
    while the queue is full), then once more: every worker reads the shared cache, so all are fast."""
    keys = [f"{base}/snapshot/{year}.png?lang={lang}" for year in PNG_YEARS for lang in LANGS]
    started = time.perf_counter()
    sent = busy = 0
    for url in keys:
        while time.perf_counter() - started < limit_s:
            status, _, _ = fetch(url, timeout_s=timeout_s)
            sent += 1
            if status == 200:
                break
            if status != 503:
                raise RuntimeError(f"PNG warm-up got HTTP {status}")
            busy += 1
            time.sleep(1.0)
    slow = sum(fetch(url, timeout_s=timeout_s)[2] >= FAST_PNG_S for url in keys)
    return {
        "requests": sent + len(keys),
        "busy_503": busy,
        "slow": slow,
        "seconds": round(time.perf_counter() - started, 1),
        "all_cached": slow == 0,
    }


def home_page_times(base: str, until: float, timeout_s: float, pause_s: float = 0.05) -> list[float]:
    """Seconds of each GET / asked one after another (with a short pause) until `until`."""
    times = []
    while time.perf_counter() < until:
        status, _, elapsed = fetch(base + "/", timeout_s=timeout_s)
        if status != 200:
            raise RuntimeError(f"the home page answered HTTP {status} during the flood")
        times.append(elapsed)
        time.sleep(pause_s)
    return times


def fresh_image(rng: random.Random) -> str:
    """A snapshot no one asked for yet (almost surely): a random view of the 2 × 7 × 5 × 180 there are."""
    country = rng.choice([*FOCUS, ""])
    query = f"lang={rng.choice(LANGS)}&lens={rng.choice(LENSES)}" + (f"&country={country}" if country else "")
    return f"/snapshot/{rng.choice(MONTHS)}.png?{query}"


def flood_images(
    base: str, clients: int, seconds: float, timeout_s: float, polite: bool, results: Any
) -> None:
    """`clients` threads asking for fresh images until `seconds` have passed; puts the answers' tally.
    Polite clients wait as a 503's `Retry-After` says before asking again; the others ask at once."""
    statuses: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def ask(seed: int) -> None:
        rng = random.Random(seed)
        while time.perf_counter() < deadline:
            try:
                status: int | str = fetch(base + fresh_image(rng), timeout_s=timeout_s)[0]
            except Exception as exc:  # a timeout is a finding too
                status = type(exc).__name__
            with lock:
                statuses[str(status)] += 1
            if polite and status == 503:
                time.sleep(min(RETRY_AFTER_S, max(0.0, deadline - time.perf_counter())))

    threads = [threading.Thread(target=ask, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout_s + 5)
    results.put(dict(statuses))


def flood_phase(
    base: str, server: Server, clients: int, seconds: float, timeout_s: float, polite: bool
) -> dict[str, Any]:
    """The home page's p95 during one flood of fresh images, and the memory right after and once the
    renderer has been idle for a while."""
    # The flood runs in its own process, so its threads never hold this one's interpreter lock while
    # the home page is being timed.
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    flood = context.Process(
        target=flood_images, args=(base, clients, seconds, timeout_s, polite, results), daemon=True
    )
    flood.start()
    during = home_page_times(base, time.perf_counter() + seconds, timeout_s)
    statuses = results.get(timeout=timeout_s + 30)
    flood.join(timeout=10)
    right_after = memory(server)
    time.sleep(15)
    after = memory(server)
    return {
        "image_answers": dict(sorted(statuses.items())),
        "home_p95_ms": round(percentile([t * 1000 for t in during], 95), 1),
        "home_requests": len(during),
        "all_pss_mb_right_after": right_after["all_pss_mb"],
        "all_pss_mb_15_s_after": after["all_pss_mb"],
        "gunicorn_pss_mb_15_s_after": after["gunicorn_pss_mb"],
        "all_rss_mb_15_s_after": after["all_rss_mb"],
    }


def snapshot_flood(
    base: str, server: Server, clients: int, seconds: float, timeout_s: float
) -> dict[str, Any]:
    """The home page's p95 alone, then during two floods of fresh images: clients that wait as
    `Retry-After` says (browsers, newsroom tools), and clients that ask again at once (an attack,
    running on the same two cores as the server)."""
    time.sleep(10)  # a renderer that has just worked replaces its browser after 5 s idle
    before = memory(server)
    idle = home_page_times(base, time.perf_counter() + 10, timeout_s)
    p95_idle = percentile([t * 1000 for t in idle], 95)
    report: dict[str, Any] = {
        "clients": clients,
        "seconds": seconds,
        "flood_client": "a process of its own: `clients` threads, each asking again once answered",
        "home_p95_idle_ms": round(p95_idle, 1),
        "home_requests_idle": len(idle),
        "all_pss_mb_before": before["all_pss_mb"],
        "gunicorn_pss_mb_before": before["gunicorn_pss_mb"],
        "all_rss_mb_before": before["all_rss_mb"],
    }
    for name, polite in (("polite", True), ("hammering", False)):
        phase = flood_phase(base, server, clients, seconds, timeout_s, polite)
        phase["home_p95_ratio"] = round(phase["home_p95_ms"] / p95_idle, 2)
        report[name] = phase
    return report


def memory(server: Server) -> dict[str, Any]:
    """RSS (and PSS) of gunicorn's master + workers, and of everything below them (kaleido's Chromium)."""
    below = descendants(server.pid)
    workers = [pid for pid in below if parent_pid(pid) == server.pid]
    gunicorn = [server.pid, *workers]
    others = [pid for pid in below if pid not in workers]
    return {
        "gunicorn_rss_mb": kb_to_mb(sum(rss_kb(pid) for pid in gunicorn)),
        "gunicorn_pss_mb": kb_to_mb(sum(pss_kb(pid) for pid in gunicorn)),
        "all_rss_mb": kb_to_mb(sum(rss_kb(pid) for pid in [*gunicorn, *others])),
        "all_pss_mb": kb_to_mb(sum(pss_kb(pid) for pid in [*gunicorn, *others])),
        "workers": {str(pid): round(kb_to_mb(rss_kb(pid)), 1) for pid in workers},
        "master_rss_mb": round(kb_to_mb(rss_kb(server.pid)), 1),
        "other_processes": len(others),
        "other_names": sorted({process_name(pid) for pid in others}),
    }


def summarise(tallies: list[Tally], elapsed: float) -> dict[str, Any]:
    per_kind: dict[str, Any] = {}
    total = errors = 0
    for kind in KINDS:
        times = [t * 1000 for tally in tallies for t in tally.latencies.get(kind, [])]
        failed = sum(tally.errors.get(kind, 0) for tally in tallies)
        total += len(times)
        errors += failed
        per_kind[kind] = {
            "count": len(times),
            "errors": failed,
            "p50_ms": round(percentile(times, 50), 1) if times else None,
            "p99_ms": round(percentile(times, 99), 1) if times else None,
            "max_ms": round(max(times), 1) if times else None,
            "per_s": round(len(times) / elapsed, 1),
        }
    png_times = [t for tally in tallies for t in tally.latencies.get("png", [])]
    return {
        "elapsed_s": round(elapsed, 2),
        "slow_png": sum(t >= FAST_PNG_S for t in png_times),
        "requests": total,
        "errors": errors,
        "requests_per_s": round(total / elapsed, 1),
        "received_mb": round(sum(tally.bytes for tally in tallies) / 1e6, 1),
        "client_cpu_s": round(sum(tally.client_cpu_s for tally in tallies), 1),
        "kinds": per_kind,
        "first_errors": [message for tally in tallies for message in tally.messages][:ERRORS_KEPT],
    }


def table(report: dict[str, Any]) -> None:
    measured = report["measured"]
    rows = []
    for kind, stats in measured["kinds"].items():
        rows.append(
            [
                kind,
                str(stats["count"]),
                str(stats["errors"]),
                _ms(stats["p50_ms"]),
                _ms(stats["p99_ms"]),
                _ms(stats["max_ms"]),
                f"{stats['per_s']:.1f}",
            ]
        )
    rows.append(
        [
            "all",
            str(measured["requests"]),
            str(measured["errors"]),
            "",
            "",
            "",
            f"{measured['requests_per_s']:.1f}",
        ]
    )
    print_table(["kind", "count", "errors", "p50 ms", "p99 ms", "max ms", "req/s"], rows, lambda i: i > 0)
    start, end = report["memory_start"], report["memory_end"]
    print()
    mem_rows = [
        [
            name,
            f"{start[key]:.0f}",
            f"{end[key]:.0f}",
            f"{end[key] - start[key]:+.0f}",
        ]
        for name, key in [
            ("gunicorn master + workers RSS", "gunicorn_rss_mb"),
            ("gunicorn master + workers PSS", "gunicorn_pss_mb"),
            ("all processes RSS (with kaleido's Chromium)", "all_rss_mb"),
            ("all processes PSS (with kaleido's Chromium)", "all_pss_mb"),
        ]
    ]
    print_table(["memory (MB)", "start", "end", "drift"], mem_rows, lambda i: i > 0)
    flood = report.get("snapshot_flood")
    if flood:
        print(
            f"\nsnapshot flood, {flood['clients']} clients × {flood['seconds']:g} s: home page p95"
            f" {flood['home_p95_idle_ms']} ms alone; all processes PSS {flood['all_pss_mb_before']:.0f} MB"
        )
        for name in ("polite", "hammering"):
            phase = flood[name]
            print(
                f"  {name}: images {phase['image_answers']}, home page p95 {phase['home_p95_ms']} ms"
                f" (×{phase['home_p95_ratio']}), PSS {phase['all_pss_mb_right_after']:.0f} MB right after,"
                f" {phase['all_pss_mb_15_s_after']:.0f} MB 15 s after"
            )
    if measured["first_errors"]:
        print("\nfirst errors:")
        for message in measured["first_errors"]:
            print("  " + message[:200])


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=200_000, help="hard cap on measured requests")
    parser.add_argument("--warmup", type=float, default=10.0, help="seconds of the same mix before measuring")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--flood", type=float, default=30.0, help="seconds of the snapshot flood (0: none)")
    parser.add_argument("--json", type=Path, default=OUT_DIR / "load.json")
    args = parser.parse_args(argv)
    exit_on_sigterm()

    load_at_start = load_average()
    busy_at_start = cpu_busy()
    warning = busy_warning(busy_at_start)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    server = gunicorn_server(free_port(), args.workers, LOG_DIR / "gunicorn.log")
    report: dict[str, Any] = {
        "config": {
            "clients": args.clients,
            "seconds": args.seconds,
            "max_requests": args.max_requests,
            "warmup_s": args.warmup,
            "workers": args.workers,
            "timeout_s": args.timeout,
            "mix_weights": MIX,
            "png_years": PNG_YEARS,
            "command": " ".join(server.cmd),
        },
        "machine": machine_info(load_at_start, busy_at_start),
        "notes": {
            "units": "MB = 10^6 bytes; RSS from /proc/PID/status VmRSS, PSS from smaps_rollup.",
            "rss": "RSS of master + workers counts the pages they share after --preload once per process;"
            " PSS splits shared pages among them, so it is closer to the real footprint.",
            "callback": "the panel callback POST body the page sends on a slider step (the map is drawn"
            " in the browser), captured with Playwright against this gunicorn, replayed with a random year.",
            "page": "a page load is GET / then GET /_dash-layout, counted as two requests.",
            "png": "after the warm-up, every PNG of the mix is requested until it answers 200 (they are then"
            f" in the cache every worker reads); `slow_png` counts measured PNGs slower than {FAST_PNG_S} s.",
            "cpu": "server_cpu_s: CPU seconds of gunicorn and everything below it during the measure;"
            " client_cpu_s: of this script (client threads); their sum over elapsed_s × cores is the load.",
            "clients": "client threads run on the same 2-core machine as the server, and gunicorn's sync"
            " workers handle one request each at a time: latencies include queueing.",
        },
    }
    if warning:
        report["notes"]["busy"] = warning
    try:
        with running([server]):
            server.start()
            report["startup_s"] = round(server.wait_ready("/", timeout_s=120, poll_s=0.1), 2)
            print(f"gunicorn ready at {server.base} in {report['startup_s']} s", file=sys.stderr)
            posts = capture_slider_posts(server.base)
            maps = [body for body in posts if is_step_post(body)]
            if not maps:
                raise RuntimeError("no panel callback was captured from the slider")
            body = maps[0]
            report["callback_output"] = body["output"]
            status, content, _ = fetch(
                server.base + CALLBACK_PATH,
                json.dumps(with_year(body, CALENDAR.year_end(2019).slider_value())).encode(),
            )
            if status != 200:
                raise RuntimeError(f"the captured callback replays as HTTP {status}: {content[:200]!r}")
            if args.warmup > 0:
                print(f"warm-up {args.warmup:g} s …", file=sys.stderr)
                tallies, elapsed = run_clients(
                    server.base,
                    body,
                    args.clients,
                    args.warmup,
                    args.max_requests,
                    args.timeout,
                    args.seed + 1,
                )
                report["warmup"] = summarise(tallies, elapsed)
            print("PNG cache warm-up …", file=sys.stderr)
            report["png_warmup"] = warm_png(server.base, args.timeout)
            report["memory_start"] = memory(server)
            print(f"measuring {args.clients} clients × {args.seconds:g} s …", file=sys.stderr)
            server_pids = [server.pid, *descendants(server.pid)]
            server_cpu = cpu_seconds(server_pids)
            tallies, elapsed = run_clients(
                server.base, body, args.clients, args.seconds, args.max_requests, args.timeout, args.seed
            )
            report["measured"] = summarise(tallies, elapsed)
            report["measured"]["server_cpu_s"] = round(cpu_seconds(server_pids) - server_cpu, 1)
            report["memory_end"] = memory(server)
            report["memory_drift_mb"] = {
                key: round(report["memory_end"][key] - report["memory_start"][key], 1)
                for key in ("gunicorn_rss_mb", "gunicorn_pss_mb", "all_rss_mb", "all_pss_mb")
            }
            if args.flood > 0:
                print(f"snapshot flood: {args.clients} clients × {args.flood:g} s …", file=sys.stderr)
                report["snapshot_flood"] = snapshot_flood(
                    server.base, server, args.clients, args.flood, args.timeout
                )
            report["server_alive_at_end"] = server.process is not None and server.process.poll() is None
    except Exception as exc:
        traceback.print_exc()
        report["failure"] = f"{type(exc).__name__}: {exc}"
        report["server_log_tail"] = server.log_tail()
        write_json(args.json, report)
        print(f"the load test failed: {report['failure']} (partial report in {args.json})", file=sys.stderr)
        return 1
    report["server_log_tail"] = server.log_tail(5)
    report["machine"]["load_average_1_5_15_at_end"] = load_average()
    write_json(args.json, report)
    table(report)
    machine = report["machine"]
    print(
        f"\nmachine: {machine['cpu_model']}, {machine['cores']} cores, Python {machine['python']},"
        f" CPU {machine['cpu_busy_before_start']:.0%} busy before the start,"
        f" load average {machine['load_average_1_5_15_at_start']} at the start, git {machine['git_commit']}"
        + (" (uncommitted changes)" if machine["git_dirty"] else "")
    )
    measured = report["measured"]
    print(
        f"startup {report['startup_s']} s; PNG warm-up {report['png_warmup']}; measured PNGs slower than"
        f" {FAST_PNG_S} s: {measured['slow_png']}; received {measured['received_mb']} MB; CPU seconds over"
        f" {measured['elapsed_s']} s: server {measured['server_cpu_s']}, client {measured['client_cpu_s']}"
    )
    if warning:
        print(f"warning: {warning}")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
