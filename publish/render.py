"""Figures to PNG and SVG with kaleido on the system's Chromium.

An `ImageRenderer` holds one Chromium: the server's renderer process has one
(`publish.render_service`), and so does the static export. It starts Chromium on first use, renders
one image at a time (kaleido's shared server hands concurrent callers each other's images), gives up
after a timeout, closes a browser that hung or died so that the next image gets a new one, and
keeps recent images in a small LRU cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import plotly.graph_objects as go

from publish.chromium import find_browser

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
TOPOJSON_DIR = ASSETS_DIR / "topojson"


def plotly_bundle() -> Path:
    """plotly.js for pages and images: the app's partial bundle (`make plotlyjs`), else plotly.py's."""
    import plotly
    from plotly.offline import get_plotlyjs_version

    partial = ASSETS_DIR / f"plotly-{get_plotlyjs_version()}-geo-bar.min.js"
    return partial if partial.is_file() else Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class RenderUnavailable(RuntimeError):
    """No browser to render with (HTTP 503)."""


class RenderTimeout(RuntimeError):
    """The browser did not answer in time (HTTP 503)."""


class ImageRenderer:
    def __init__(
        self,
        topojson_dir: Path = TOPOJSON_DIR,
        *,
        browser: Callable[[], str | None] = find_browser,
        plotly_js: Path | None = None,
        timeout_s: float = 30.0,
        cache_size: int = 128,
    ) -> None:
        self._topojson = topojson_dir.resolve().as_uri() + "/"
        self._plotly_js = plotly_js or plotly_bundle()
        self._find_browser = browser
        self._timeout = timeout_s
        self._cache: OrderedDict[Hashable, bytes] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()  # one render at a time, and guards the cache and the loop
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None

    def available(self) -> bool:
        return self._find_browser() is not None

    def _start(self) -> None:
        """Open Chromium in a private event loop thread (called with the lock held)."""
        if self._kaleido is not None:
            return
        path = self._find_browser()
        if path is None:
            raise RenderUnavailable("no Chromium found")
        import kaleido  # imported late: the app serves pages without it

        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()
        # No MathJax: kaleido's default loads it from a CDN on every render (no request leaves the
        # machine); plotly.js is the page's own partial bundle when given, smaller to parse.
        options = {"plotlyjs": str(self._plotly_js)}
        engine = kaleido.Kaleido(n=1, timeout=self._timeout, path=path, mathjax=False, **options)
        try:
            asyncio.run_coroutine_threadsafe(engine.open(), loop).result(self._timeout)
        except FutureTimeout as exc:
            loop.call_soon_threadsafe(loop.stop)
            raise RenderTimeout("Chromium did not start in time") from exc
        except Exception as exc:
            loop.call_soon_threadsafe(loop.stop)
            raise RenderUnavailable(f"Chromium could not be started: {exc}") from exc
        self._loop, self._kaleido = loop, engine

    def _stop(self) -> None:
        if self._kaleido is not None and self._loop is not None:
            future = asyncio.run_coroutine_threadsafe(self._kaleido.close(), self._loop)
            with contextlib.suppress(Exception):  # closing a browser that is already gone
                future.result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop, self._kaleido = None, None

    def close(self) -> None:
        with self._lock:
            self._stop()

    def recycle(self) -> None:
        """Replace the browser by a fresh one now (a browser that fails to start is started on the next
        image instead)."""
        with self._lock:
            self._stop()
            with contextlib.suppress(RenderUnavailable, RenderTimeout):
                self._start()

    def render(
        self,
        key: Hashable,
        figure: Callable[[], go.Figure],
        fmt: str,
        width: int,
        height: int,
        scale: float = 1.0,
    ) -> bytes:
        """The image for `key`, from the cache or rendered from `figure()`."""
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            image = self._render(figure(), fmt, width, height, scale)
            self._cache[key] = image
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            return image

    def render_figure(
        self, figure: go.Figure | dict, fmt: str, width: int, height: int, scale: float = 1.0
    ) -> bytes:
        """One image, rendered now (no cache)."""
        with self._lock:
            return self._render(figure, fmt, width, height, scale)

    def _render(self, figure: go.Figure | dict, fmt: str, width: int, height: int, scale: float) -> bytes:
        """Render with the lock held. A browser that hangs or dies is closed, so the next render
        starts a new one at once."""
        self._start()
        assert self._kaleido is not None and self._loop is not None
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        job = self._kaleido.calc_fig(figure, opts=opts, topojson=self._topojson)
        future = asyncio.run_coroutine_threadsafe(job, self._loop)
        try:
            image = future.result(self._timeout)
        except FutureTimeout as exc:
            future.cancel()
            self._stop()
            raise RenderTimeout("the image took too long") from exc
        except Exception as exc:  # the browser died or answered nonsense
            self._stop()
            raise RenderUnavailable(f"the browser failed: {exc}") from exc
        return image.encode("utf-8") if isinstance(image, str) else image
