"""What the server sends on first load, and production serving (test codes: srv)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from plotly.offline import get_plotlyjs_version

from callbacks.headers import ERROR_HEADERS
from publish.render import plotly_bundle
from tests.conftest import ROOT


def test_srv001_the_page_shell_is_small_and_loads_only_bundles_in_use(client):
    response = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    html = client.get("/").get_data(as_text=True)
    assert len(html) < 30_000  # the validation layout is sent as bare ids, not the pages
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert not [s for s in scripts if "dash_table" in s]
    assert any(s.startswith(f"/assets/plotly-{get_plotlyjs_version()}-geo-bar.min.js") for s in scripts)


def test_srv002_the_partial_plotly_bundle_matches_plotly_py():
    bundle = plotly_bundle()
    assert bundle.parent == ROOT / "assets"
    head = bundle.read_text(encoding="utf-8")[:300]
    assert head.startswith(f"/*! plotly.js v{get_plotlyjs_version()} (MIT licence")
    assert "core, bar, choropleth and scattergeo only" in head


def child_processes(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


GUNICORN = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"]


def raw_request(port: int, request: bytes) -> tuple[str, dict[str, str]]:
    """Send bytes as they are (no client library tidies them) and read the status line and headers."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    return head[0], {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in head[1:])}


def test_srv003_gunicorn_serves_the_app_with_several_workers(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [*GUNICORN, "--workers", "2", "--bind", f"127.0.0.1:{port}", "app:server"],
        cwd=ROOT,
        env={**os.environ, "SAHEL_RENDER_AHEAD": "0"},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, (
                    tmp_path / "gunicorn.log"
                ).read_text()
                time.sleep(0.3)
        for _ in range(6):  # several requests, likely spread over both workers
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/snapshot/2016.txt", timeout=10) as response:
                assert response.read().decode().startswith("Map of the Sahel")
        workers = subprocess.run(
            ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
        ).stdout.split()
        assert len(workers) == 2
        # F19: gunicorn's own answers carry the header policy, and no answer names the server.
        status, headers = raw_request(port, b"GET /?q=" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        assert status == "HTTP/1.1 414 URI Too Long"
        assert headers["content-security-policy"] == ERROR_HEADERS["Content-Security-Policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
        status, headers = raw_request(port, b"NOT HTTP AT ALL\r\n\r\n")
        assert status == "HTTP/1.1 400 Bad Request" and headers["x-content-type-options"] == "nosniff"
        status, headers = raw_request(port, b"GET /methodology HTTP/1.1\r\nHost: x\r\n\r\n")
        assert status == "HTTP/1.1 200 OK" and "server" not in headers
        assert "content-security-policy" in headers
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
