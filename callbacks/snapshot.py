"""Server snapshots: /snapshot/<period>.png, .svg (kaleido), .txt (alt text) and .csv (the view's data).

Bad parameters get HTTP 400 listing every problem; no Chromium on the server, or a render that
takes too long, gets HTTP 503 with a message (the page's own download works in the browser).
"""

from __future__ import annotations

from dash import Dash
from flask import Response, request

from data.context import AppData
from data.describe import alt_text, view_csv
from data.i18n import t
from data.view import IMAGE_FORMATS, SNAPSHOT_PREFIX, SnapshotRequest, lang_from_input, parse_snapshot
from layouts.image import image_figure
from publish.render import ImageRenderer, RenderTimeout, RenderUnavailable

CACHE_SECONDS = 3600
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
}


def _text(body: str, status: int) -> Response:
    return Response(body + "\n", status=status, mimetype="text/plain")


def snapshot_response(data: AppData, renderer: ImageRenderer, name: str, args: dict[str, str]) -> Response:
    parsed = parse_snapshot(name, args, data.calendar())
    if not isinstance(parsed, SnapshotRequest):
        lang = lang_from_input((args.get("lang") or "").strip().lower())
        return _text("\n".join([t("snapshot.bad_request", lang), *(p.error(lang) for p in parsed)]), 400)
    view = parsed.view
    if parsed.fmt in IMAGE_FORMATS:
        try:
            body: bytes | str = renderer.render(
                parsed.key(),
                lambda: image_figure(data, view, (parsed.width, parsed.height)),
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
    response = Response(body, content_type=MEDIA_TYPES[parsed.fmt])
    disposition = "attachment" if args.get("download") == "1" else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{parsed.filename()}"'
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response.headers["Access-Control-Allow-Origin"] = "*"  # images and text may be used anywhere
    return response


def register(app: Dash, data: AppData) -> None:
    renderer = ImageRenderer()

    @app.server.route(SNAPSHOT_PREFIX + "<path:name>")
    def snapshot(name: str) -> Response:
        args = {key: request.args.get(key, "") for key in request.args}
        return snapshot_response(data, renderer, name, args)
