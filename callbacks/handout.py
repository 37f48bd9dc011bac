"""The briefing's handout on the server: `/present/handout.pdf?lang=fr&paper=letter` (`publish.handout`).

A handout takes a map per step, so it is made once per data release, language, paper and site
address, in the background, and kept as a file in the render service's folder (`handouts/`, beside
its image cache; removed with the server like the images). Its maps come through the server's one
renderer (`publish.render_service.RenderClient`), one image at a time and each taking one place in
its queue like any snapshot, so pages and snapshots are served as before while it is made.

- The handout already made: 200 with the PDF, `Cache-Control: public, max-age=3600` and an `ETag` of
  the release and the request (`callbacks.caching`), or 304 for a request that holds it.
- Not made yet: 503 with `Retry-After: 30` and a line saying it is being made; the first such request
  starts it (one maker per handout across the server's workers, a lock file), the others wait for
  it. A handout that failed is started again by the next request.
- No Chromium on the server: 503 with a line saying so. A `lang` or `paper` it does not know: 400,
  one line.
"""

from __future__ import annotations

import fcntl
import hashlib
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from dash import Dash
from flask import Response, request

from callbacks.caching import cached, release_etag
from data.context import AppData
from data.i18n import LANGS, Lang, t
from data.presets import DEFAULT_PAPER, PAPERS
from data.view import PRESENT_PATH, echo, lang_from_input
from publish.address import site_address
from publish.render_service import RenderClient

HANDOUT_PATH = PRESENT_PATH + "/handout.pdf"
CACHE_SECONDS = 3600
RETRY_AFTER_S = 30  # the real story's handout takes about this long to make
RENDER_WAIT_S = 120.0  # for each of its maps, a place in the renderer's queue (snapshots go first)

Maker = Callable[[Path, AppData, Lang, str, str], None]


def _make(path: Path, data: AppData, lang: Lang, paper: str, address: str) -> None:
    from publish.handout import make_handout  # the printing code only once a handout is asked for

    make_handout(path, data, lang, paper, RenderClient(wait_s=RENDER_WAIT_S), address)


class Handouts:
    """The server's handouts on disk, and the makers of those not made yet."""

    def __init__(self, data: AppData, folder: Callable[[], Path], make: Maker = _make) -> None:
        self._data = data
        self._folder = folder  # resolved on use, like the render service's (gunicorn's --preload)
        self._make = make

    def path(self, lang: Lang, paper: str, address: str) -> Path:
        key = repr((self._data.release_tag, lang, paper, address)).encode("utf-8")
        return self._folder() / "handouts" / f"{hashlib.sha256(key).hexdigest()[:24]}.pdf"

    def get_or_start(self, lang: Lang, paper: str, address: str) -> bytes | None:
        """The handout's PDF when it is made; otherwise None, after starting its maker unless one
        is at work (in this worker or another)."""
        path = self.path(lang, paper, address)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            pass
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock = path.with_suffix(".lock").open("a")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            return None
        if path.is_file():  # made by another worker between the read and the lock
            lock.close()
            return path.read_bytes()
        threading.Thread(
            target=self._run, args=(lock, path, lang, paper, address), name="handout", daemon=True
        ).start()
        return None

    def _run(self, lock: IO[str], path: Path, lang: Lang, paper: str, address: str) -> None:
        try:
            self._make(path, self._data, lang, paper, address)
        except Exception as exc:  # logged; the next request starts it again
            print(f"handout {lang} {paper} failed: {exc}", file=sys.stderr)
        finally:
            lock.close()  # releases the lock


def _text(body: str, status: int, retry_after: int | None = None) -> Response:
    response = Response(body + "\n", status=status, mimetype="text/plain")
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


def handout_response(
    data: AppData, handouts: Handouts, renderer: RenderClient, args: dict[str, str], address: str
) -> Response:
    """The answer to `/present/handout.pdf?<args>`."""
    raw_lang = (args.get("lang") or "").strip().lower()
    raw_paper = (args.get("paper") or "").strip().lower()
    lang = lang_from_input(raw_lang)
    if raw_lang and raw_lang not in LANGS:
        return _text(t("handout.bad_lang", lang, value=echo(raw_lang), langs=", ".join(LANGS)), 400)
    paper = raw_paper or DEFAULT_PAPER
    if paper not in PAPERS:
        return _text(t("handout.bad_paper", lang, value=echo(raw_paper), papers=", ".join(PAPERS)), 400)

    def build() -> Response:
        if not renderer.available():
            return _text(t("snapshot.no_browser", lang), 503, RETRY_AFTER_S)
        pdf = handouts.get_or_start(lang, paper, address)
        if pdf is None:
            return _text(t("handout.making", lang), 503, RETRY_AFTER_S)
        response = Response(pdf, content_type="application/pdf")
        response.headers["Content-Disposition"] = f'inline; filename="sahel-handout-{lang}-{paper}.pdf"'
        return response

    return cached(
        release_etag(data, "handout", lang, paper, address), f"public, max-age={CACHE_SECONDS}", build
    )


def register(app: Dash, data: AppData) -> None:
    renderer = RenderClient()
    handouts = Handouts(data, lambda: renderer.paths.root)

    @app.server.route(HANDOUT_PATH)
    def handout() -> Response:
        args = {key: request.args.get(key, "") for key in request.args}
        return handout_response(data, handouts, renderer, args, site_address(request.host_url))
