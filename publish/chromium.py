"""The headless Chromium this project drives: where it is, and the flags that keep it quiet.

kaleido renders snapshots with it (`find_browser`); the browser tests, the benchmark and the
screenshot tool launch it through Playwright with `PLAYWRIGHT_ARGS`.
"""

from __future__ import annotations

import os
import shutil

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Debian's Chromium, which `make test` installs; CHROMIUM_PATH points elsewhere.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# No background traffic: on a closed network Chromium's own connections fail noisily, and the app
# must be seen to make no request off the machine.
PLAYWRIGHT_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_browser() -> str | None:
    """`BROWSER_PATH` if set, else the first Chromium on PATH; None when there is none."""
    configured = os.environ.get("BROWSER_PATH")
    if configured is not None:
        return configured if os.access(configured, os.X_OK) else None
    return next((path for name in BROWSER_NAMES if (path := shutil.which(name))), None)
