"""What the server sends on first load, and production serving (test codes: srv)."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from plotly.offline import get_plotlyjs_version

from app import create_app
from publish.render import plotly_bundle
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def client(fixture_app_data):
    return create_app(fixture_app_data).server.test_client()


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


def test_srv003_gunicorn_serves_the_app_with_several_workers(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}", "app:server"],
        cwd=ROOT,
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
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
