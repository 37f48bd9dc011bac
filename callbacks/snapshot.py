"""Server snapshots: /snapshot/<period>.png, .svg (kaleido), .txt (alt text) and .csv (the view's data).

Bad parameters get HTTP 400 listing every problem. Images come from the server's one renderer
(`publish.render_service`) and its disk cache; no Chromium on the server, a full queue, a render
that takes too long or a renderer that died gets HTTP 503 with a message and `Retry-After` (the
page's own download works in the browser). An answer is tagged with the data release and the view
(`callbacks.caching`): a browser or a CDN that holds it gets 304, and no image is drawn again.
"""

from __future__ import annotations

import plotly.graph_objects as go
from dash import Dash
from flask import Response, request

from callbacks.caching import cached, release_etag
from data.context import AppData
from data.describe import alt_text, view_csv
from data.i18n import LANGS, t
from data.view import (
    IMAGE_FORMATS,
    SNAPSHOT_PREFIX,
    SnapshotRequest,
    View,
    lang_from_input,
    parse_snapshot,
    snapshot_url,
)
from layouts.image import image_figure
from layouts.picture import compose, preset_figure
from publish.address import site_address
from publish.render import RenderTimeout, RenderUnavailable
from publish.render_service import RETRY_AFTER_S, RenderBusy, RenderClient

CACHE_SECONDS = 3600
RENDER_AHEAD = "SAHEL_RENDER_AHEAD"  # the server's setting listing the images to render at start
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


def _text(body: str, status: int) -> Response:
    response = Response(body + "\n", status=status, mimetype="text/plain")
    if status == 503:
        response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


def snapshot_response(
    data: AppData, renderer: RenderClient, name: str, args: dict[str, str], address: str = ""
) -> Response:
    """The answer to `/snapshot/<name>?<args>`; `address` is the site's, for a preset's credit line."""
    parsed = parse_snapshot(name, args, data.calendar())
    if not isinstance(parsed, SnapshotRequest):
        lang = lang_from_input((args.get("lang") or "").strip().lower())
        return _text("\n".join([t("snapshot.bad_request", lang), *(p.error(lang) for p in parsed)]), 400)
    response = cached(
        release_etag(data, *parsed.key(), *data.days_shown(parsed.view), address),
        f"public, max-age={CACHE_SECONDS}",
        lambda: _snapshot(data, renderer, parsed, address),
    )
    if response.status_code in (200, 304):
        disposition = "attachment" if args.get("download") == "1" else "inline"
        response.headers["Content-Disposition"] = f'{disposition}; filename="{parsed.filename()}"'
        response.headers["Access-Control-Allow-Origin"] = "*"  # images and text may be used anywhere
    return response


def _snapshot(data: AppData, renderer: RenderClient, parsed: SnapshotRequest, address: str) -> Response:
    view = parsed.view
    if parsed.fmt in IMAGE_FORMATS:
        # One cache for every worker and data release; the month under way shows a later day each day.
        key = (data.release_tag, *parsed.key(), *data.days_shown(view))
        width, height = parsed.width, parsed.height
        if view.compare is None:
            preset = parsed.layout_preset()
            key += (address,)
            composition = compose(data, view, preset, address)
            if composition.least_height:
                message = t(
                    "snapshot.too_small",
                    view.lang,
                    width=width,
                    height=height,
                    least=composition.least_height,
                )
                return _text("\n".join([t("snapshot.bad_request", view.lang), message]), 400)
            height = composition.height  # an article's follows its content

            def figure() -> go.Figure:
                return preset_figure(data, view, preset, address, composition)[0]
        else:

            def figure() -> go.Figure:
                return image_figure(data, view, (width, height))

        try:
            body: bytes | str = renderer.render(key, figure, parsed.fmt, width, height, parsed.scale)
        except RenderBusy:
            return _text(t("snapshot.busy", view.lang), 503)
        except RenderUnavailable:
            key = "snapshot.restarting" if renderer.available() else "snapshot.no_browser"
            return _text(t(key, view.lang), 503)
        except RenderTimeout:
            return _text(t("snapshot.timeout", view.lang), 503)
    elif parsed.fmt == "txt":
        body = alt_text(data, view)
    else:
        body = view_csv(data, view)
    return Response(body, content_type=MEDIA_TYPES[parsed.fmt])


def default_snapshots(data: AppData) -> list[str]:
    """The images most asked for: each year's and the month under way's PNG, in each language."""
    calendar = data.calendar()
    periods = dict.fromkeys([calendar.last, *reversed(calendar.year_ends())])
    return [snapshot_url(View(period=period, lang=lang), "png") for period in periods for lang in LANGS]


def register(app: Dash, data: AppData) -> None:
    renderer = RenderClient()
    app.server.config[RENDER_AHEAD] = default_snapshots(data)  # see gunicorn.conf.py

    @app.server.route(SNAPSHOT_PREFIX + "<path:name>")
    def snapshot(name: str) -> Response:
        args = {key: request.args.get(key, "") for key in request.args}
        return snapshot_response(data, renderer, name, args, site_address(request.host_url))
