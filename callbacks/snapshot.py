"""Server snapshots: /snapshot/<year>.png, .svg (kaleido), .txt (alt text) and .csv (the view's data).

Bad parameters get HTTP 400 listing every problem; no Chromium on the server, or a render that
takes too long, gets HTTP 503 with a message (the page's own download works in the browser).
"""

from __future__ import annotations

from pathlib import Path

from dash import Dash
from flask import Response, request

from layouts.context import AppData
from layouts.i18n import parse_lang, t
from layouts.render import ImageRenderer, RenderTimeout, RenderUnavailable, plotly_bundle
from layouts.snapshot import (
    IMAGE_FORMATS,
    MEDIA_TYPES,
    SnapshotRequest,
    alt_text,
    parse_snapshot,
    snapshot_figure,
    view_csv,
)

TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "assets" / "topojson"
CACHE_SECONDS = 3600


def _text(body: str, status: int) -> Response:
    return Response(body + "\n", status=status, mimetype="text/plain")


def snapshot_response(data: AppData, renderer: ImageRenderer, name: str, args: dict[str, str]) -> Response:
    parsed = parse_snapshot(name, args, data.years())
    if not isinstance(parsed, SnapshotRequest):
        lang = parse_lang((args.get("lang") or "").strip().lower()) or "en"
        return _text("\n".join([t("snapshot.bad_request", lang), *parsed]), 400)
    view = parsed.view
    if parsed.fmt in IMAGE_FORMATS:
        try:
            body: bytes | str = renderer.render(
                parsed.key(),
                lambda: snapshot_figure(data, view),
                parsed.fmt,
                parsed.width,
                parsed.height,
                parsed.scale,
            )
        except RenderUnavailable:
            return _text(t("snapshot.no_browser", view.lang), 503)
        except RenderTimeout:
            return _text(t("snapshot.timeout", view.lang), 503)
    elif parsed.fmt == "txt":
        body = alt_text(data, view)
    else:
        body = view_csv(data, view)
    response = Response(body, mimetype=MEDIA_TYPES[parsed.fmt])
    disposition = "attachment" if args.get("download") == "1" else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{parsed.filename()}"'
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response.headers["Access-Control-Allow-Origin"] = "*"  # images and text may be used anywhere
    return response


def register(app: Dash, data: AppData) -> None:
    renderer = ImageRenderer(TOPOJSON_DIR, plotly_js=plotly_bundle())

    @app.server.route("/snapshot/<path:name>")
    def snapshot(name: str) -> Response:
        args = {key: request.args.get(key, "") for key in request.args}
        return snapshot_response(data, renderer, name, args)
