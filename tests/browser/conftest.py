"""Browser fixtures: the real app on its bundled data, served on a free local port, and headless
Debian Chromium driven by Playwright. Every page records its requests and console errors."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, sync_playwright

from publish.chromium import CHROMIUM, PLAYWRIGHT_ARGS
from tests.conftest import ROOT

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives Chromium: mark it, so `-m "not browser"` leaves them all out."""
    here = str(ROOT / "tests" / "browser")
    for item in items:
        if str(item.path).startswith(here):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python app.py` on the real data, as a person would start it."""
    port = free_port()
    # The request log goes to a file: an unread pipe fills up and blocks the server.
    log_path = tmp_path_factory.mktemp("server") / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "app.py", "--port", str(port)],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=2):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"the app did not start: {log_path.read_text()}")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
    yield browser
    browser.close()


@dataclass
class Recorder:
    """What a page asked for and complained about while a test drove it."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def off_localhost(self) -> list[str]:
        return [
            url
            for url in self.requests
            if urlparse(url).scheme not in ("data", "blob", "about")
            and urlparse(url).hostname not in LOCAL_HOSTS
        ]

    def assert_clean(self) -> None:
        assert self.console_errors == [], self.console_errors
        assert self.off_localhost() == [], self.off_localhost()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def _page(browser: Browser, recorder: Recorder, viewport: dict) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.on("request", lambda request: recorder.requests.append(request.url))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            recorder.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: recorder.console_errors.append(str(error)))
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def page(browser: Browser, recorder: Recorder) -> Iterator[Page]:
    yield from _page(browser, recorder, {"width": 1920, "height": 1080})


@pytest.fixture
def phone_page(browser: Browser, recorder: Recorder) -> Iterator[Page]:
    yield from _page(browser, recorder, {"width": 390, "height": 844})


@pytest.fixture
def laptop_page(browser: Browser, recorder: Recorder) -> Iterator[Page]:
    """A laptop's screen, where the map page's legend folds to one row."""
    yield from _page(browser, recorder, {"width": 1280, "height": 720})


@pytest.fixture
def host_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """Another site (another origin: another port) whose article pages embed the map."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", tmp_path
    httpd.shutdown()
